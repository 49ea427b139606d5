// ELU (TFLM elu.cc, reference/elu.h): y = x for x >= 0, exp(x) - 1 otherwise
// (alpha is fixed at 1 in TFLite).
//   float32: expm1f for x < 0.
//   int8: TFLM's lookup table, built in float at Prepare: dequantize, apply
//     expf(x) - 1, divide by the output scale (as a multiply by its float
//     inverse), round half away from zero, add the zero point, clamp.
#include "UnaryLut.h"
#include "UnaryOp.h"

namespace ember {
namespace {

struct EluParams {
    DType dtype = DType::Float32;
    unary::Lut8 lut{};
    std::string what;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!unary::checkSameTypeOneOf(g, op, d, {DType::Float32, DType::Int8})) return false;
    EluParams p;
    p.dtype = in.dtype;
    if (in.dtype == DType::Int8) {
        if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) ||
            !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
            return false;
        const float sIn = in.quant.sc();
        const int32_t inZp = in.quant.zp(), outZp = out.quant.zp();
        const float inverseScale = 1 / out.quant.sc();
        p.lut = unary::makeLut8([&](int8_t x) {
            const float v = sIn * float(int32_t(x) - inZp);
            const float t = v < 0.0f ? std::exp(v) - 1.0f : v;
            const auto q = int32_t(std::round(t * inverseScale) + float(outZp));
            return std::max(-128, std::min(127, q));
        });
        p.what = "ELU int8 " + shapeString(in.shape) + ", zp " + std::to_string(inZp) + " -> " +
                 std::to_string(outZp);
    }
    op.params = std::move(p);
    return true;
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const EluParams &>(op.params);
    if (p.dtype == DType::Int8) return unary::evalLut8(p.lut, g, op, b);
    const int64_t n = g.in(op, 0).elements();
    const auto *x = reinterpret_cast<const float *>(b[size_t(op.inputs[0])].data());
    auto *y = reinterpret_cast<float *>(b[size_t(op.outputs[0])].data());
    for (int64_t i = 0; i < n; ++i) y[i] = x[i] < 0.0f ? std::expm1(x[i]) : x[i];
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const EluParams &>(op.params);
    if (p.dtype == DType::Int8) return unary::emitLut8(p.lut, g, op, ctx, p.what);
    const Tensor &in = g.in(op, 0);
    ctx.line("/* ELU float32 " + shapeString(in.shape) + " */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i) {");
    ctx.line("float v = " + ctx.inputs[0] + "[i];", 2);
    ctx.line(ctx.outputs[0] + "[i] = v < 0.0f ? expm1f(v) : v;", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kElu;
const OpKernel kElu = {OpType::Elu, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
