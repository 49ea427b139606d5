// BATCH_MATMUL: out[..., a, c] = sum_b lhs[..., a, b] * rhs[..., b, c] with
// adj_x / adj_y transposing the last two dims of lhs / rhs in memory, ranks
// 2..5 and NumPy broadcasting of the batch dims. Bit-exact with TFLM's
// reference kernel (reference_ops::BatchMatMul; float32, int8 with int32
// accumulators, int16 with int64 accumulators and zero points 0):
//  - the multiplier is float(lhs scale * rhs scale) / output scale,
//    quantized like FULLY_CONNECTED (GetQuantizedConvolutionMultipler),
//  - no fused activation: results clamp to the output type,
//  - each dot product sums over b in ascending order (float sums match).
// TFLM transposes operands into persistent buffers first; the generated code
// reads them in place through strides instead, so it needs no extra memory.
#include "ConvCommon.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    int rows = 1, depth = 1, cols = 1;      // A, B, C
    int64_t lhsRow = 0, lhsK = 0;           // lhs strides of a and b
    int64_t rhsK = 0, rhsCol = 0;           // rhs strides of b and c
    std::vector<int64_t> batch;             // output batch dims (size > 1 only)
    std::vector<int64_t> lhsStride, rhsStride;  // per batch dim; 0 = broadcast
    int32_t lhsOffset = 0, rhsOffset = 0, outOffset = 0;  // -zp, -zp, +zp
    int32_t multiplier = 0;
    int shift = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, "batch matmul expects 2 inputs (lhs, rhs) and 1 output");
    const Tensor &lhs = g.in(op, 0), &rhs = g.in(op, 1), &out = g.out(op);
    if (lhs.dtype != DType::Float32 && lhs.dtype != DType::Int8 && lhs.dtype != DType::Int16)
        return opError(d, g, op,
                       std::string("batch matmul of ") + dtypeName(lhs.dtype) +
                           " is not supported; use float32, int8 or int16",
                       op.inputs[0]);
    if (rhs.dtype != lhs.dtype || out.dtype != lhs.dtype)
        return opError(d, g, op,
                       std::string("lhs, rhs and output must have one type, got ") + dtypeName(lhs.dtype) + ", " +
                           dtypeName(rhs.dtype) + " -> " + dtypeName(out.dtype) +
                           " (hybrid models are not supported)",
                       op.outputs[0]);
    const size_t lr = lhs.shape.size(), rr = rhs.shape.size();
    if (lr < 2 || lr > 5 || rr < 2 || rr > 5)
        return opError(d, g, op,
                       "batch matmul supports ranks 2 to 5, got lhs " + shapeString(lhs.shape) + " and rhs " +
                           shapeString(rhs.shape),
                       op.inputs[lr < 2 || lr > 5 ? 0 : 1]);
    const size_t rank = std::max(lr, rr);
    Shape l(rank - lr, 1), r(rank - rr, 1);
    l.insert(l.end(), lhs.shape.begin(), lhs.shape.end());
    r.insert(r.end(), rhs.shape.begin(), rhs.shape.end());
    const bool adjX = op.attrs.adjX, adjY = op.attrs.adjY;
    Params p;
    p.dtype = lhs.dtype;
    p.rows = adjX ? l[rank - 1] : l[rank - 2];
    p.depth = adjX ? l[rank - 2] : l[rank - 1];
    const int rhsDepth = adjY ? r[rank - 1] : r[rank - 2];
    p.cols = adjY ? r[rank - 2] : r[rank - 1];
    if (p.depth != rhsDepth)
        return opError(d, g, op,
                       "lhs " + shapeString(lhs.shape) + (adjX ? " (adj_x)" : "") + " has inner dimension " +
                           std::to_string(p.depth) + " but rhs " + shapeString(rhs.shape) + (adjY ? " (adj_y)" : "") +
                           " has " + std::to_string(rhsDepth) + "; they must match",
                       op.inputs[1]);
    p.lhsRow = adjX ? 1 : p.depth, p.lhsK = adjX ? p.rows : 1;
    p.rhsK = adjY ? 1 : p.cols, p.rhsCol = adjY ? p.depth : 1;
    Shape outShape;
    int64_t lStride = int64_t(p.rows) * p.depth, rStride = int64_t(p.depth) * p.cols;
    std::vector<int64_t> ls(rank - 2), rs(rank - 2);
    for (size_t i = rank - 2; i-- > 0;) {  // innermost batch dim first
        ls[i] = l[i] == 1 ? 0 : lStride;
        rs[i] = r[i] == 1 ? 0 : rStride;
        lStride *= l[i];
        rStride *= r[i];
    }
    for (size_t i = 0; i + 2 < rank; ++i) {
        if (l[i] != r[i] && l[i] != 1 && r[i] != 1)
            return opError(d, g, op,
                           "batch dimensions of lhs " + shapeString(lhs.shape) + " and rhs " + shapeString(rhs.shape) +
                               " cannot be broadcast",
                           op.inputs[1]);
        const int32_t b = std::max(l[i], r[i]);
        outShape.push_back(b);
        if (b > 1) {
            p.batch.push_back(b);
            p.lhsStride.push_back(ls[i]);
            p.rhsStride.push_back(rs[i]);
        }
    }
    outShape.push_back(p.rows);
    outShape.push_back(p.cols);
    for (int32_t v : outShape)
        if (v <= 0)
            return opError(d, g, op, "batch matmul output " + shapeString(outShape) + " has an empty dimension",
                           op.outputs[0]);
    if (!checkOutputShape(d, g, op, op.outputs[0], outShape)) return false;
    if (p.dtype != DType::Float32) {
        for (int t : {op.inputs[0], op.inputs[1], op.outputs[0]})
            if (!hasPerTensorQuant(g.tensors[size_t(t)]))
                return opError(d, g, op, "quantized batch matmul needs one positive scale per tensor", t);
        if (p.dtype == DType::Int16 && (lhs.quant.zp() != 0 || rhs.quant.zp() != 0 || out.quant.zp() != 0))
            return opError(d, g, op, "int16 batch matmul needs zero points 0 on lhs, rhs and output; re-export the model",
                           op.outputs[0]);
        p.lhsOffset = -lhs.quant.zp(), p.rhsOffset = -rhs.quant.zp(), p.outOffset = out.quant.zp();
        // TFLM multiplies the two float scales before widening to double.
        const double real = double(lhs.quant.sc() * rhs.quant.sc()) / double(out.quant.sc());
        quantizeMultiplier(real, &p.multiplier, &p.shift);
    }
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

template <class T, class A>
void evalTyped(const Params &p, const T *lhs, const T *rhs, T *out) {
    int64_t batches = 1;
    for (int64_t b : p.batch) batches *= b;
    for (int64_t bi = 0; bi < batches; ++bi) {
        int64_t lo = 0, ro = 0, rem = bi;
        for (size_t k = p.batch.size(); k-- > 0;) {
            const int64_t idx = rem % p.batch[k];
            rem /= p.batch[k];
            lo += idx * p.lhsStride[k];
            ro += idx * p.rhsStride[k];
        }
        for (int i = 0; i < p.rows; ++i)
            for (int j = 0; j < p.cols; ++j) {
                A acc = 0;
                for (int k = 0; k < p.depth; ++k) {
                    const T a = lhs[lo + i * p.lhsRow + k * p.lhsK], b = rhs[ro + k * p.rhsK + j * p.rhsCol];
                    if constexpr (std::is_same_v<A, float>)
                        acc += a * b;
                    else
                        acc += (A(b) + p.rhsOffset) * (A(a) + p.lhsOffset);
                }
                if constexpr (std::is_same_v<A, float>) {
                    *out++ = acc;
                } else {
                    int32_t v = std::is_same_v<A, int64_t> ? multiplyByQuantizedMultiplier64(acc, p.multiplier, p.shift)
                                                           : multiplyByQuantizedMultiplier(int32_t(acc), p.multiplier, p.shift);
                    v += p.outOffset;
                    *out++ = T(std::min<int32_t>(std::max<int32_t>(v, dtypeMin(p.dtype)), dtypeMax(p.dtype)));
                }
            }
    }
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *l = buf[size_t(op.inputs[0])].data(), *r = buf[size_t(op.inputs[1])].data();
    uint8_t *o = buf[size_t(op.outputs[0])].data();
    switch (p.dtype) {
    case DType::Int8:
        evalTyped<int8_t, int32_t>(p, reinterpret_cast<const int8_t *>(l), reinterpret_cast<const int8_t *>(r),
                                   reinterpret_cast<int8_t *>(o));
        break;
    case DType::Int16:
        evalTyped<int16_t, int64_t>(p, reinterpret_cast<const int16_t *>(l), reinterpret_cast<const int16_t *>(r),
                                    reinterpret_cast<int16_t *>(o));
        break;
    default:
        evalTyped<float, float>(p, reinterpret_cast<const float *>(l), reinterpret_cast<const float *>(r),
                                reinterpret_cast<float *>(o));
        break;
    }
}

// --- C emission ------------------------------------------------------------

std::string n(int64_t v) { return cInt(v); }
std::string mul(const std::string &x, int64_t k) { return k == 1 ? x : x + " * " + n(k); }
std::string plus(const std::string &a, const std::string &b) {
    if (a == "0") return b;
    if (b == "0") return a;
    return a + " + " + b;
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string T = dtypeCType(p.dtype);
    ctx.line("/* BATCH_MATMUL " + std::string(dtypeName(p.dtype)) + " lhs " + shapeString(g.in(op, 0).shape) +
             (op.attrs.adjX ? " (adj_x)" : "") + " x rhs " + shapeString(g.in(op, 1).shape) +
             (op.attrs.adjY ? " (adj_y)" : "") + " -> " + shapeString(g.out(op).shape) + ";");
    if (p.dtype == DType::Float32)
        ctx.line(" * float32, sums in ascending inner index */");
    else
        ctx.line(" * lhs offset " + n(p.lhsOffset) + ", rhs offset " + n(p.rhsOffset) + ", output offset " +
                 n(p.outOffset) + ", multiplier " + n(p.multiplier) + " shift " + n(p.shift) + " */");
    ctx.line(T + " *o = " + ctx.outputs[0] + ";");
    int ind = 1;
    std::string lo = "0", ro = "0";
    for (size_t k = 0; k < p.batch.size(); ++k) {
        const std::string v = "b" + std::to_string(k);
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + n(p.batch[k]) + "; ++" + v + ") {", ind++);
        if (p.lhsStride[k]) lo = plus(lo, mul(v, p.lhsStride[k]));
        if (p.rhsStride[k]) ro = plus(ro, mul(v, p.rhsStride[k]));
    }
    ctx.line("const " + T + " *lb = " + ctx.inputs[0] + (lo == "0" ? "" : " + " + lo) + ";", ind);
    ctx.line("const " + T + " *rb = " + ctx.inputs[1] + (ro == "0" ? "" : " + " + ro) + ";", ind);
    ctx.line("for (int32_t i = 0; i < " + n(p.rows) + "; ++i) {", ind++);
    ctx.line("for (int32_t j = 0; j < " + n(p.cols) + "; ++j) {", ind++);
    const std::string a = "lb[" + plus(mul("i", p.lhsRow), mul("k", p.lhsK)) + "]";
    const std::string b = "rb[" + plus(mul("k", p.rhsK), mul("j", p.rhsCol)) + "]";
    if (p.dtype == DType::Float32) {
        ctx.line("float acc = 0.0f;", ind);
        ctx.line("for (int32_t k = 0; k < " + n(p.depth) + "; ++k) acc += " + a + " * " + b + ";", ind);
        ctx.line("*o++ = acc;", ind);
    } else {
        const std::string A = p.dtype == DType::Int16 ? "int64_t" : "int32_t";
        ctx.line(A + " acc = 0;", ind);
        ctx.line("for (int32_t k = 0; k < " + n(p.depth) + "; ++k) acc += ((" + A + ")" + b + cAdd(p.rhsOffset) +
                     ") * ((" + A + ")" + a + cAdd(p.lhsOffset) + ");",
                 ind);
        useHelper(ctx, "ember_clamp");
        if (p.dtype == DType::Int16) {
            useHelper(ctx, "ember_mbqm64");
            ctx.line("int32_t v = ember_mbqm64(acc, " + n(p.multiplier) + ", " + n(p.shift) + ")" + cAdd(p.outOffset) +
                         ";",
                     ind);
        } else {
            useHelper(ctx, "ember_mbqm");
            ctx.line("int32_t v = ember_mbqm(acc, " + n(p.multiplier) + ", " + n(p.shift) + ")" + cAdd(p.outOffset) +
                         ";",
                     ind);
        }
        ctx.line("*o++ = (" + T + ")ember_clamp(v, " + n(dtypeMin(p.dtype)) + ", " + n(dtypeMax(p.dtype)) + ");", ind);
    }
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    const auto *p = std::any_cast<Params>(&op.params);
    return p ? g.out(op).elements() * p->depth : 0;
}

}  // namespace

extern const OpKernel kBatchMatMul;
const OpKernel kBatchMatMul = {OpType::BatchMatMul, prepare, eval, emit, macs, "float32, int8, int16"};

}  // namespace ember
