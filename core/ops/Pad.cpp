// PAD and PADV2: surround the input with a constant, per TFLM's reference
// Pad (one kernel for both). The paddings are a constant int32 [rank,2]
// tensor (before, after per dim). Pad value as TFLM: the optional third
// input (a constant scalar of the input's type, for int8 quantized like the
// output), else the output zero point for int8 and 0 for int16 (its
// quantization is symmetric), int32 and float32.
//
// Prepare folds the shape: a dimension without padding is merged into the
// one before it (its rows stay contiguous), so eval and emit only loop over
// the dimensions that really pad and copy whole contiguous rows.
#include <algorithm>
#include <cstring>

#include "Common.h"

namespace ember {
namespace {

struct Params {
    // Folded dims: input sizes and padding; the last dim is the copied row.
    std::vector<int64_t> in, before, after;
    size_t elemSize = 1;
    std::vector<uint8_t> fill;  // the pad value's bytes (one element)
    std::string padValue;       // C literal of the pad value
    int64_t outElements = 0;

    int64_t outDim(size_t k) const { return in[k] + before[k] + after[k]; }
};

bool isDataType(DType t) {
    return t == DType::Float32 || t == DType::Int8 || t == DType::Int16 || t == DType::Int32;
}

// Merges every unpadded dim into its predecessor (keeps at least one dim).
void fold(Params &p, const Shape &in, const std::vector<int32_t> &pads) {
    for (size_t k = 0; k < in.size(); ++k) {
        int64_t n = in[k], b = pads[2 * k], a = pads[2 * k + 1];
        if (!p.in.empty() && b == 0 && a == 0) {
            p.in.back() *= n;
            p.before.back() *= n;
            p.after.back() *= n;
            continue;
        }
        p.in.push_back(n);
        p.before.push_back(b);
        p.after.push_back(a);
    }
    if (p.in.empty()) {  // rank 0: one element, nothing to pad
        p.in = {1};
        p.before = {0};
        p.after = {0};
    }
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) {
        auto &e = d.error(msg);
        e.opIndex = op.index;
        e.opName = op.typeName;
        if (tensor >= 0) e.tensor = g.tensors[size_t(tensor)].name;
        return false;
    };
    if (op.inputs.size() < 2 || op.inputs.size() > 3 || op.outputs.size() != 1 || !g.hasInput(op, 0) ||
        !g.hasInput(op, 1))
        return fail("pad expects 2 or 3 inputs (data, paddings, optional pad value) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &pads = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (!isDataType(in.dtype))
        return fail(std::string("pad of ") + dtypeName(in.dtype) +
                        " is not supported; use int8, int16, int32 or float32",
                    op.inputs[0]);
    if (in.dtype != out.dtype)
        return fail(std::string("input is ") + dtypeName(in.dtype) + " but output is " +
                        dtypeName(out.dtype) + "; pad cannot change the type",
                    op.outputs[0]);
    const size_t rank = in.shape.size();
    if (rank > 5) return fail("pad supports up to 5 dimensions, the input has " + std::to_string(rank), op.inputs[0]);
    if (!pads.isConst)
        return fail("the paddings input is computed at run time; only constant paddings are supported",
                    op.inputs[1]);
    if (pads.dtype != DType::Int32 || pads.shape != Shape{int32_t(rank), 2} || pads.data.size() != pads.bytes())
        return fail("paddings must be an int32 constant of shape [" + std::to_string(rank) + ",2], got " +
                        dtypeName(pads.dtype) + " " + shapeString(pads.shape),
                    op.inputs[1]);
    std::vector<int32_t> pv(pads.as<int32_t>(), pads.as<int32_t>() + 2 * rank);
    Shape expect(rank);
    for (size_t k = 0; k < rank; ++k) {
        if (pv[2 * k] < 0 || pv[2 * k + 1] < 0)
            return fail("dimension " + std::to_string(k) + " has a negative padding (" + std::to_string(pv[2 * k]) +
                            ", " + std::to_string(pv[2 * k + 1]) + "); pad cannot crop, use a slice instead",
                        op.inputs[1]);
        expect[k] = in.shape[k] + pv[2 * k] + pv[2 * k + 1];
    }
    if (expect != out.shape)
        return fail("the model says the output shape is " + shapeString(out.shape) + " but padding " +
                        shapeString(in.shape) + " produces " + shapeString(expect) + "; re-export the model",
                    op.outputs[0]);

    Params p;
    p.elemSize = dtypeSize(in.dtype);
    p.outElements = out.elements();
    p.fill.assign(p.elemSize, 0);
    p.padValue = "0";
    if (g.hasInput(op, 2)) {
        const Tensor &value = g.in(op, 2);
        if (value.dtype != in.dtype || value.elements() != 1)
            return fail(std::string("the pad value must be one ") + dtypeName(in.dtype) + " element, got " +
                            dtypeName(value.dtype) + " " + shapeString(value.shape),
                        op.inputs[2]);
        if (!value.isConst || value.data.size() != value.bytes())
            return fail("the pad value is computed at run time; only a constant pad value is supported", op.inputs[2]);
        if (in.dtype == DType::Int8 &&
            (value.quant.zp() != out.quant.zp() || double(value.quant.sc()) != double(out.quant.sc())))
            return fail("the int8 pad value must be quantized like the output (same scale and zero point)",
                        op.inputs[2]);
        p.fill = value.data;
        switch (in.dtype) {
        case DType::Float32: p.padValue = cFloat(value.at<float>(0)); break;
        case DType::Int8: p.padValue = std::to_string(value.at<int8_t>(0)); break;
        case DType::Int16: p.padValue = std::to_string(value.at<int16_t>(0)); break;
        default: p.padValue = cInt(value.at<int32_t>(0)); break;
        }
    } else if (in.dtype == DType::Int8) {
        int32_t zp = out.quant.zp();
        if (zp < -128 || zp > 127)
            return fail("the output zero point " + std::to_string(zp) + " is outside int8; fix the quantization",
                        op.outputs[0]);
        p.padValue = std::to_string(zp);
        p.fill = {uint8_t(int8_t(zp))};
    }
    fold(p, in.shape, pv);
    op.params = p;
    return true;
}

// Calls f(inOffset, outOffset) in elements for every row (last folded dim).
template <class F> void forEachRow(const Params &p, F f) {
    const size_t outer = p.in.size() - 1;
    std::vector<int64_t> idx(outer, 0);
    for (size_t k = 0; k < outer; ++k)
        if (p.in[k] == 0) return;
    for (int64_t inOff = 0;; inOff += p.in[outer]) {
        int64_t outOff = 0;
        for (size_t k = 0; k <= outer; ++k) outOff = outOff * p.outDim(k) + (k < outer ? idx[k] : 0) + p.before[k];
        f(inOff, outOff);
        size_t k = outer;  // odometer over the outer dims
        while (k > 0 && ++idx[k - 1] == p.in[k - 1]) idx[--k] = 0;
        if (k == 0) return;
    }
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    for (int64_t i = 0; i < p.outElements; ++i) std::memcpy(dst + size_t(i) * p.elemSize, p.fill.data(), p.elemSize);
    const size_t row = size_t(p.in.back()) * p.elemSize;
    if (row == 0) return;
    forEachRow(p, [&](int64_t inOff, int64_t outOff) {
        std::memcpy(dst + size_t(outOff) * p.elemSize, src + size_t(inOff) * p.elemSize, row);
    });
}

std::string term(const std::string &var, int64_t stride) {
    return stride == 1 ? var : var + " * " + std::to_string(stride);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const Tensor &pads = g.in(op, 1);
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    std::string pairs;
    for (size_t k = 0; k < in.shape.size(); ++k)
        pairs += (k ? " " : "") + std::string("(") + std::to_string(pads.at<int32_t>(int64_t(2 * k))) + "," +
                 std::to_string(pads.at<int32_t>(int64_t(2 * k + 1))) + ")";
    ctx.line("/* " + std::string(opTypeName(op.type)) + " " + dtypeName(in.dtype) + " " + shapeString(in.shape) +
             " -> " + shapeString(g.out(op).shape) + ", paddings " + pairs + ", pad value " + p.padValue + " */");
    const std::string ctype = dtypeCType(in.dtype);
    // One repeated byte (0, int8, -1 ...) is a memset, anything else a loop.
    const bool oneByte = std::all_of(p.fill.begin(), p.fill.end(), [&](uint8_t b) { return b == p.fill[0]; });
    if (oneByte) {
        ctx.line("memset(" + dst + ", " + std::to_string(int(p.fill[0])) + ", " + std::to_string(p.outElements) +
                 " * sizeof(" + ctype + "));");
    } else {
        ctx.line("for (int32_t i = 0; i < " + std::to_string(p.outElements) + "; ++i) " + dst + "[i] = " +
                 p.padValue + ";");
    }
    const size_t outer = p.in.size() - 1;
    bool empty = p.in.back() == 0;
    for (size_t k = 0; k < outer; ++k) empty = empty || p.in[k] == 0;
    if (empty) {
        ctx.line("(void)" + src + ";");
        return;
    }
    // Row-major strides of the folded input and output.
    std::vector<int64_t> inStride(p.in.size(), 1), outStride(p.in.size(), 1);
    for (size_t k = p.in.size() - 1; k > 0; --k) {
        inStride[k - 1] = inStride[k] * p.in[k];
        outStride[k - 1] = outStride[k] * p.outDim(k);
    }
    int64_t base = 0;
    for (size_t k = 0; k <= outer; ++k) base += p.before[k] * outStride[k];
    std::string inExpr, outExpr;
    int indent = 1;
    for (size_t k = 0; k < outer; ++k) {
        std::string v = "i" + std::to_string(k);
        if (p.in[k] == 1) continue;  // a single row along this dim: no loop
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + std::to_string(p.in[k]) + "; ++" + v + ") {", indent++);
        inExpr += " + " + term(v, inStride[k]);
        outExpr += " + " + term(v, outStride[k]);
    }
    ctx.line("memcpy(" + dst + " + " + std::to_string(base) + outExpr + ", " + src + inExpr +
                 ", " + std::to_string(p.in.back()) + " * sizeof(" + ctype + "));",
             indent);
    while (indent > 1) ctx.line("}", --indent);
}

int64_t macs(const Graph &, const Op &) { return 0; }

}  // namespace

extern const OpKernel kPadV2;
const OpKernel kPad = {OpType::Pad, prepare, eval, emit, macs, "float32, int8, int16, int32"};
const OpKernel kPadV2 = {OpType::PadV2, prepare, eval, emit, macs, "float32, int8, int16, int32"};

}  // namespace ember
