// DEQUANTIZE (TFLM dequantize_common.cc, reference/dequantize.h):
// int8/int16 -> float32, y = (float)(scale * (x - zp)) with the product taken
// in double. The generated C multiplies in float instead: (x - zp) has at
// most 17 significant bits and the scale 24, so the double product is exact
// and rounding it to float gives the same bits as one float multiplication.
#include "UnaryOp.h"

namespace ember {
namespace {

struct DequantizeParams {
    DType inType = DType::Int8;
    float scale = 1.f;
    int32_t zp = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!unary::isOneOf(in.dtype, {DType::Int8, DType::Int16}))
        return unary::fail(g, op, d, std::string("input type ") + dtypeName(in.dtype) +
                                         " is not supported; DEQUANTIZE takes int8 or int16", op.inputs[0]);
    if (out.dtype != DType::Float32)
        return unary::fail(g, op, d, std::string("output type ") + dtypeName(out.dtype) +
                                         " is not supported; DEQUANTIZE produces float32", op.outputs[0]);
    if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0])) return false;
    DequantizeParams p;
    p.inType = in.dtype;
    p.scale = in.quant.sc();
    p.zp = in.quant.zp();
    op.params = p;
    return true;
}

template <class T>
void evalFrom(const DequantizeParams &p, const T *in, float *out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) out[i] = float(double(p.scale) * double(int32_t(in[i]) - p.zp));
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const DequantizeParams &>(op.params);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    auto *dst = reinterpret_cast<float *>(b[size_t(op.outputs[0])].data());
    if (p.inType == DType::Int8)
        evalFrom(p, reinterpret_cast<const int8_t *>(src), dst, n);
    else
        evalFrom(p, reinterpret_cast<const int16_t *>(src), dst, n);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const DequantizeParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    ctx.line(std::string("/* DEQUANTIZE ") + dtypeName(p.inType) + " -> float32 " + shapeString(in.shape) +
             ": (x - " + std::to_string(p.zp) + ") * " + cFloat(p.scale) + " */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i)");
    ctx.line(ctx.outputs[0] + "[i] = (float)((int32_t)" + ctx.inputs[0] + "[i] - " + cInt(p.zp) + ") * " +
                 cFloat(p.scale) + ";",
             2);
}

}  // namespace

const OpKernel kDequantize = {OpType::Dequantize, prepare, eval, emit, nullptr, "int8 -> float32, int16 -> float32"};

}  // namespace ember
