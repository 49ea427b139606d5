// QUANTIZE (TFLM quantize_common.cc, reference/quantize.h, requantize.h).
//   float32 -> int8/int16: q = round(x / scale) + zp (float division, round
//     half away from zero), clamped to the type.
//   int8/int16/int32 -> int8/int16 and int8/int16 -> int32: requantize with
//     MultiplyByQuantizedMultiplier(x - zp_in, s_in / s_out) + zp_out, clamped.
// The int32 -> int16 case is seanet's quantize0 (an int32 accumulator-like
// tensor scaled down to int16).
#include <type_traits>

#include "UnaryOp.h"

namespace ember {
namespace {

struct QuantizeParams {
    DType inType = DType::Float32, outType = DType::Int8;
    float outScale = 1.f;
    int32_t inZp = 0, outZp = 0;
    int32_t multiplier = 0;
    int shift = 0;
};

bool supportedPair(DType in, DType out) {
    if (in == DType::Float32) return out == DType::Int8 || out == DType::Int16;
    if (in == DType::Int8 || in == DType::Int16)
        return out == DType::Int8 || out == DType::Int16 || out == DType::Int32;
    if (in == DType::Int32) return out == DType::Int8 || out == DType::Int16;
    return false;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!supportedPair(in.dtype, out.dtype))
        return unary::fail(g, op, d,
                           std::string("quantizing ") + dtypeName(in.dtype) + " to " + dtypeName(out.dtype) +
                               " is not supported; supported: float32 to int8/int16, int8/int16/int32 to "
                               "int8/int16, int8/int16 to int32",
                           op.outputs[0]);
    if (!unary::checkPerTensorQuant(g, op, d, op.outputs[0])) return false;
    QuantizeParams p;
    p.inType = in.dtype;
    p.outType = out.dtype;
    p.outScale = out.quant.sc();
    p.outZp = out.quant.zp();
    if (in.dtype != DType::Float32) {
        // A zero input scale is legal for TFLM: the multiplier becomes 0 and
        // every output is the output zero point. Only negative or non-finite
        // scales are model errors.
        const float sIn = in.quant.sc();
        if (in.quant.perChannel() || !(sIn >= 0.f) || !std::isfinite(sIn))
            return unary::fail(g, op, d, "input needs one non-negative, finite quantization scale; re-export "
                                         "the model", op.inputs[0]);
        p.inZp = in.quant.zp();
        quantizeMultiplier(double(sIn) / double(p.outScale), &p.multiplier, &p.shift);
    }
    op.params = p;
    return true;
}

// float -> integer exactly as TFLM: float division, std::round, then the
// zero point. Out-of-range values saturate (double keeps the sum exact).
int32_t quantizeFloat(float x, const QuantizeParams &p) {
    const double v = double(std::round(x / p.outScale)) + double(p.outZp);
    const double lo = dtypeMin(p.outType), hi = dtypeMax(p.outType);
    return int32_t(v > lo ? (v < hi ? v : hi) : lo);  // NaN -> lo
}

template <class In>
int32_t requantize(In x, const QuantizeParams &p) {
    const auto diff = int32_t(uint32_t(int32_t(x)) - uint32_t(p.inZp));  // wraps like TFLM's int32 math
    const int32_t r = multiplyByQuantizedMultiplier(diff, p.multiplier, p.shift) + p.outZp;
    return std::min(dtypeMax(p.outType), std::max(dtypeMin(p.outType), r));
}

template <class In>
void evalFrom(const QuantizeParams &p, const In *in, uint8_t *dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        int32_t q;
        if constexpr (std::is_same_v<In, float>)
            q = quantizeFloat(in[i], p);
        else
            q = requantize(in[i], p);
        if (p.outType == DType::Int8)
            reinterpret_cast<int8_t *>(dst)[i] = int8_t(q);
        else if (p.outType == DType::Int16)
            reinterpret_cast<int16_t *>(dst)[i] = int16_t(q);
        else
            reinterpret_cast<int32_t *>(dst)[i] = q;
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const QuantizeParams &>(op.params);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    switch (p.inType) {
    case DType::Float32: evalFrom(p, reinterpret_cast<const float *>(src), dst, n); break;
    case DType::Int8: evalFrom(p, reinterpret_cast<const int8_t *>(src), dst, n); break;
    case DType::Int16: evalFrom(p, reinterpret_cast<const int16_t *>(src), dst, n); break;
    default: evalFrom(p, reinterpret_cast<const int32_t *>(src), dst, n); break;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const QuantizeParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string n = ctx.inputCount(0, in.shape);  // a literal unless --dim
    const std::string ot = dtypeCType(p.outType);
    const std::string lo = cInt(dtypeMin(p.outType)), hi = cInt(dtypeMax(p.outType));
    const std::string &x = ctx.inputs[0], &y = ctx.outputs[0];
    const std::string what = std::string("QUANTIZE ") + dtypeName(p.inType) + " -> " + dtypeName(p.outType) + " " +
                             shapeString(in.shape);
    if (p.inType == DType::Float32) {
        ctx.line("/* " + what + ": round(x / " + cFloat(p.outScale) + ") + " + std::to_string(p.outZp) +
                 ", saturated */");
        ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
        ctx.line("double v = (double)roundf(" + x + "[i] / " + cFloat(p.outScale) + ") + " + cInt(p.outZp) + ";", 2);
        ctx.line(y + "[i] = (" + ot + ")(v > " + lo + " ? (v < " + hi + " ? v : " + hi + ") : " + lo + ");", 2);
        ctx.line("}");
        return;
    }
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    ctx.line("/* " + what + ": (x - " + std::to_string(p.inZp) + ") * " + std::to_string(p.multiplier) + " * 2^" +
             std::to_string(p.shift) + " + " + std::to_string(p.outZp) + ", clamped */");
    ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
    std::string v = "(int32_t)" + x + "[i]";
    if (p.inZp != 0) v = "(int32_t)((uint32_t)" + v + " - (uint32_t)" + cInt(p.inZp) + ")";
    ctx.line("int32_t r = ember_mbqm(" + v + ", " + cInt(p.multiplier) + ", " + std::to_string(p.shift) + ") + " +
                 cInt(p.outZp) + ";",
             2);
    if (p.outType == DType::Int32)
        ctx.line(y + "[i] = r;", 2);
    else
        ctx.line(y + "[i] = (" + ot + ")ember_clamp(r, " + lo + ", " + hi + ");", 2);
    ctx.line("}");
}

}  // namespace

const OpKernel kQuantize = {OpType::Quantize, prepare, eval, emit, nullptr, "float32 -> int8/int16, int8/int16 -> int8/int16/int32, int32 -> int8/int16"};

}  // namespace ember
