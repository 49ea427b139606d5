// LEAKY_RELU (TFLM leaky_relu_common.cc + reference/leaky_relu.h):
// y = x for x >= 0, alpha * x otherwise. Quantized, each branch has its own
// requantization multiplier (identity: s_in / s_out, alpha: s_in * alpha /
// s_out), both derived in float as TFLM does before widening to double.
// With a negative alpha, TFLM's result for x < 0 is the negated product of x
// with the multiplier's magnitude (exact halves round toward zero, e.g.
// -30503 * -0.5 -> 15251, not 15252; seen against tflm_ref for int16).
#include "UnaryOp.h"

namespace ember {
namespace {

struct LeakyParams {
    DType dtype = DType::Float32;
    float alpha = 0.f;
    int32_t inZp = 0, outZp = 0;
    int32_t multIdentity = 0, multAlpha = 0;
    int shiftIdentity = 0, shiftAlpha = 0;
    bool negAlpha = false;  // multAlpha holds the magnitude; negate the product
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkActivationTypes(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    const float alpha = op.attrs.alpha;
    if (!std::isfinite(alpha))
        return unary::fail(g, op, d, "alpha must be a finite number; re-export the model");
    LeakyParams p;
    p.dtype = in.dtype;
    p.alpha = alpha;
    if (in.dtype != DType::Float32) {
        if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) ||
            !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
            return false;
        const float sIn = in.quant.sc(), sOut = out.quant.sc();
        p.inZp = in.quant.zp();
        p.outZp = out.quant.zp();
        const double alphaMult = double(sIn * alpha / sOut);
        p.negAlpha = alphaMult < 0;
        quantizeMultiplier(p.negAlpha ? -alphaMult : alphaMult, &p.multAlpha, &p.shiftAlpha);
        quantizeMultiplier(double(sIn / sOut), &p.multIdentity, &p.shiftIdentity);
    }
    op.params = p;
    return true;
}

template <class T>
void evalQuantized(const LeakyParams &p, const T *in, T *out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        const int32_t v = int32_t(in[i]) - p.inZp;
        int32_t r;
        if (v >= 0)
            r = p.outZp + multiplyByQuantizedMultiplier(v, p.multIdentity, p.shiftIdentity);
        else if (p.negAlpha)
            r = p.outZp - multiplyByQuantizedMultiplier(v, p.multAlpha, p.shiftAlpha);
        else
            r = p.outZp + multiplyByQuantizedMultiplier(v, p.multAlpha, p.shiftAlpha);
        out[i] = T(std::min(dtypeMax(p.dtype), std::max(dtypeMin(p.dtype), r)));
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const LeakyParams &>(op.params);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Int8) {
        evalQuantized(p, reinterpret_cast<const int8_t *>(src), reinterpret_cast<int8_t *>(dst), n);
    } else if (p.dtype == DType::Int16) {
        evalQuantized(p, reinterpret_cast<const int16_t *>(src), reinterpret_cast<int16_t *>(dst), n);
    } else {
        const auto *in = reinterpret_cast<const float *>(src);
        auto *out = reinterpret_cast<float *>(dst);
        // alpha may be > 1 or < 0, so this is a select, not a max.
        for (int64_t i = 0; i < n; ++i) out[i] = in[i] > 0 ? in[i] : in[i] * p.alpha;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const LeakyParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string n = ctx.inputCount(0, in.shape);  // a literal unless --dim
    const std::string &x = ctx.inputs[0], &y = ctx.outputs[0];
    if (p.dtype == DType::Float32) {
        ctx.line("/* LEAKY_RELU float32 " + shapeString(in.shape) + ", alpha " + cFloat(p.alpha) + " */");
        ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
        ctx.line("float v = " + x + "[i];", 2);
        ctx.line(y + "[i] = v > 0.0f ? v : v * " + cFloat(p.alpha) + ";", 2);
        ctx.line("}");
        return;
    }
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    const std::string ct = dtypeCType(p.dtype);
    ctx.line("/* LEAKY_RELU " + ct + " " + shapeString(in.shape) + ", alpha " + cFloat(p.alpha) + ": zp " +
             std::to_string(p.inZp) + " -> " + std::to_string(p.outZp) + ", x >= 0: * " +
             std::to_string(p.multIdentity) + " * 2^" + std::to_string(p.shiftIdentity) + ", x < 0: * " +
             (p.negAlpha ? "-" : "") + std::to_string(p.multAlpha) + " * 2^" + std::to_string(p.shiftAlpha) +
             (p.negAlpha ? " (negated product)" : "") + " */");
    ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
    ctx.line("int32_t v = (int32_t)" + x + "[i] - " + cInt(p.inZp) + ";", 2);
    ctx.line("int32_t r = " + cInt(p.outZp) + " + (v >= 0 ? ember_mbqm(v, " + cInt(p.multIdentity) + ", " +
                 std::to_string(p.shiftIdentity) + ") : " + (p.negAlpha ? "-" : "") + "ember_mbqm(v, " +
                 cInt(p.multAlpha) + ", " + std::to_string(p.shiftAlpha) + "));",
             2);
    ctx.line(y + "[i] = (" + ct + ")ember_clamp(r, " + cInt(dtypeMin(p.dtype)) + ", " + cInt(dtypeMax(p.dtype)) +
                 ");",
             2);
    ctx.line("}");
}

}  // namespace

const OpKernel kLeakyRelu = {OpType::LeakyRelu, prepare, eval, emit, nullptr, "int8, int16, float32"};

}  // namespace ember
