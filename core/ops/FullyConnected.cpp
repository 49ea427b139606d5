// FULLY_CONNECTED: input flattened to [batches, depth], weights [units, depth],
// optional bias, fused activation; keep_num_dims keeps the input's leading
// dimensions. Bit-exact with TFLM's reference_integer_ops::FullyConnected /
// FullyConnectedPerChannel (int8, int16x8) and reference_ops::FullyConnected.
#include "ConvFast.h"
#include "Target.h"

namespace ember {
namespace {

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const OpErrors e{g, op, d};
    if (!checkConvTypes(e)) return false;
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1);
    if (w.shape.size() != 2 || w.shape[0] <= 0 || w.shape[1] <= 0)
        return e.fail("weights must be 2-D [units, depth] but have shape " + shapeString(w.shape), op.inputs[1]);
    const int units = w.shape[0], depth = w.shape[1];
    if (in.shape.empty() || in.elements() <= 0 || in.elements() % depth != 0)
        return e.fail("input " + shapeString(in.shape) + " cannot be flattened into rows of " + std::to_string(depth) +
                          " (the weights' depth " + shapeString(w.shape) + ")",
                      op.inputs[0]);
    ConvParams p;
    p.batches = int(in.elements() / depth);
    p.inC = depth;
    p.outC = units;
    Shape want = {p.batches, units};
    if (op.attrs.keepDims) {
        if (in.shape.back() != depth)
            return e.fail("keep_num_dims needs the input's last dimension " + shapeString(in.shape) +
                              " to equal the weights' depth " + std::to_string(depth),
                          op.inputs[0]);
        want = in.shape;
        want.back() = units;
    }
    if (!checkOutputShape(e, want, "input " + shapeString(in.shape) + ", weights " + shapeString(w.shape) +
                                       (op.attrs.keepDims ? ", keep_num_dims" : "")))
        return false;
    if (!deriveRequant(e, 0, units, true, &p.rq)) return false;
    // TFLM rejects a bias whose scale is far from input * weights scale
    // (GetQuantizedConvolutionMultipler): the kernel assumes they are equal.
    const Tensor &out = g.out(op);
    if (p.rq.dtype != DType::Float32 && !w.quant.perChannel() && g.hasInput(op, 2) && !g.in(op, 2).quant.empty()) {
        const double product = double(in.quant.sc()) * double(w.quant.sc());
        if (std::abs(product - double(g.in(op, 2).quant.sc())) / double(out.quant.sc()) > 0.02)
            return e.fail("bias scale does not equal input scale times weights scale; re-export the model",
                          op.inputs[2]);
    }
    op.params = p;
    return true;
}

template <class T, class W, class A>
void fcLoop(const ConvParams &p, const T *in, const W *w, const uint8_t *bias, uint8_t *out) {
    for (int b = 0; b < p.batches; ++b)
        for (int o = 0; o < p.outC; ++o) {
            const T *x = in + int64_t(b) * p.inC;
            const W *wo = w + int64_t(o) * p.inC;
            A acc = 0;
            for (int k = 0; k < p.inC; ++k) {
                if constexpr (std::is_same_v<A, float>)
                    acc += x[k] * wo[k];
                else
                    acc += int32_t(wo[k]) * (int32_t(x[k]) + p.rq.inputOffset);
            }
            const int64_t i = int64_t(b) * p.outC + o;
            if constexpr (std::is_same_v<A, float>)
                storeOutput(p.rq.dtype, out, i, 0, finishFloat(p.rq, bias, acc, o));
            else
                storeOutput(p.rq.dtype, out, i, finishInt(p.rq, bias, acc, o), 0.f);
        }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const ConvParams &>(op.params);
    const uint8_t *in = b[size_t(op.inputs[0])].data(), *w = b[size_t(op.inputs[1])].data();
    const uint8_t *bias = g.hasInput(op, 2) ? b[size_t(op.inputs[2])].data() : nullptr;
    uint8_t *out = b[size_t(op.outputs[0])].data();
    switch (p.rq.dtype) {
    case DType::Float32:
        fcLoop<float, float, float>(p, reinterpret_cast<const float *>(in), reinterpret_cast<const float *>(w), bias,
                                    out);
        break;
    case DType::Int16:
        fcLoop<int16_t, int8_t, int64_t>(p, reinterpret_cast<const int16_t *>(in),
                                         reinterpret_cast<const int8_t *>(w), bias, out);
        break;
    default:
        fcLoop<int8_t, int8_t, int64_t>(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<const int8_t *>(w),
                                        bias, out);
        break;
    }
}

std::string n(int64_t v) { return std::to_string(v); }

// Number of rows of `depth`: a literal, or under --dim the product of the
// input's leading axes (the dynamic one among them), found as the axes left
// once trailing fixed axes making up exactly one row are taken off.
std::string rowCount(const Graph &g, const Op &op, const EmitContext &ctx, const ConvParams &p) {
    if (!ctx.inputDynamic(0)) return n(p.batches);
    const Shape &shape = g.in(op, 0).shape;
    int64_t row = 1;
    for (size_t a = shape.size(); a-- > 0;) {
        if (ctx.inputExtent(0, shape, a) != n(shape[a])) break;  // dynamic axis: rows start here
        row *= shape[a];
        if (row == p.inC) return ctx.inputCount(0, shape, 0, int(a));
    }
    return n(p.batches);  // unreachable: passes/DynamicDims.cpp refuses other layouts
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const ConvParams &>(op.params);
    const Requant &rq = p.rq;
    const std::string rows = rowCount(g, op, ctx, p);
    // int8: the fast path, or with --optimize size one shared kernel (ConvFast.h);
    // other types: the loops below.
    if (optimizeForSize(emitOptimizeMode()) ? emitFullyConnectedInt8Compact(g, op, p, rows, ctx)
                                      : emitFullyConnectedInt8Fast(g, op, p, rows, ctx))
        return;
    const std::string T = actCType(rq), W = weightCType(rq), A = accCType(rq);
    const EpilogueNames names = emitRequantConstants(ctx, rq, ctx.inputs.size() > 2 ? ctx.inputs[2] : "0");
    ctx.line("/* FULLY_CONNECTED input " + shapeString(g.in(op, 0).shape) + " as [" + n(p.batches) + "," + n(p.inC) +
             "] x weights " + shapeString(g.in(op, 1).shape) + " -> output " + shapeString(g.out(op).shape) + ";");
    if (rows != n(p.batches)) ctx.line(" * dynamic: shapes are at the bound, the row count is " + rows + ";");
    ctx.line(" * " + requantComment(rq) + " */");
    int ind = 1;
    if (rows != "1") {
        ctx.line("for (int32_t b = 0; b < " + rows + "; ++b) {", ind++);
        ctx.line("const " + T + " *x = " + ctx.inputs[0] + " + b * " + n(p.inC) + ";", ind);
        ctx.line(T + " *y = " + ctx.outputs[0] + " + b * " + n(p.outC) + ";", ind);
    } else {
        ctx.line("const " + T + " *x = " + ctx.inputs[0] + ";", ind);
        ctx.line(T + " *y = " + ctx.outputs[0] + ";", ind);
    }
    ctx.line("for (int32_t o = 0; o < " + n(p.outC) + "; ++o) {", ind++);
    ctx.line("const " + W + " *w = " + ctx.inputs[1] + " + o * " + n(p.inC) + ";", ind);
    ctx.line(A + " acc = 0;", ind);
    ctx.line("for (int32_t k = 0; k < " + n(p.inC) + "; ++k) {", ind++);
    ctx.line(macExpr(rq, "acc", "w[k]", "x[k]"), ind);
    ctx.line("}", --ind);
    emitEpilogue(ctx, rq, names, "acc", "o", "y[o]", ind);
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    const Tensor &w = g.in(op, 1);
    return w.shape.size() == 2 ? g.out(op).elements() * int64_t(w.shape[1]) : 0;
}

}  // namespace

const OpKernel kFullyConnected = {OpType::FullyConnected, prepare, eval, emit, macs, "int8, int16x8, float32"};

}  // namespace ember
