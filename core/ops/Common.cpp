#include "Common.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "Target.h"

namespace ember {

void quantizeMultiplier(double m, int32_t *qm, int *shift) {
    if (m == 0.0) {
        *qm = 0;
        *shift = 0;
        return;
    }
    const double q = std::frexp(m, shift);
    auto qFixed = static_cast<int64_t>(std::round(q * double(1LL << 31)));
    if (qFixed == (1LL << 31)) {
        qFixed /= 2;
        ++*shift;
    }
    // Shifts below -31 would shift every bit out; TFLite flushes to zero.
    if (*shift < -31) {
        *shift = 0;
        qFixed = 0;
    }
    *qm = static_cast<int32_t>(qFixed);
}

void quantizeMultiplierSmallerThanOneExp(double m, int32_t *qm, int *leftShift) {
    int shift = 0;
    quantizeMultiplier(m, qm, &shift);
    *leftShift = shift;
}

int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
    const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
    const int64_t ab = int64_t(a) * int64_t(b);
    const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
    const auto high = static_cast<int32_t>((ab + nudge) / (1LL << 31));
    return overflow ? std::numeric_limits<int32_t>::max() : high;
}

int32_t roundingDivideByPOT(int32_t x, int exponent) {
    const int32_t mask = int32_t((1LL << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t multiplyByQuantizedMultiplier(int32_t x, int32_t qm, int shift) {
    const int leftShift = shift > 0 ? shift : 0;
    const int rightShift = shift > 0 ? 0 : -shift;
    return roundingDivideByPOT(
        saturatingRoundingDoublingHighMul(int32_t(uint32_t(x) << leftShift), qm), rightShift);
}

int32_t multiplyByQuantizedMultiplier64(int64_t x, int32_t qm, int shift) {
    const int32_t reduced = qm < 0x7FFF0000 ? ((qm + (1 << 15)) >> 16) : 0x7FFF;
    const int totalShift = 15 - shift;
    const int64_t round = int64_t(1) << (totalShift - 1);
    int64_t result = x * int64_t(reduced) + round;
    result = result >> totalShift;
    return int32_t(result);
}

int32_t multiplyByQuantizedMultiplierSmallerThanOneExp(int32_t x, int32_t qm, int leftShift) {
    return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, qm), -leftShift);
}

int computeOutSize(Padding p, int in, int filter, int stride, int dilation) {
    const int effective = (filter - 1) * dilation + 1;
    if (stride <= 0) return 0;
    if (p == Padding::Same) return (in + stride - 1) / stride;
    return (in + stride - effective) / stride;
}

int computePadding(int stride, int dilation, int in, int filter, int out) {
    const int effective = (filter - 1) * dilation + 1;
    const int total = ((out - 1) * stride + effective - in);
    return total > 0 ? total / 2 : 0;
}

int32_t dtypeMin(DType t) {
    switch (t) {
    case DType::Int8: return -128;
    case DType::UInt8: return 0;
    case DType::Int16: return -32768;
    default: return std::numeric_limits<int32_t>::min();
    }
}

int32_t dtypeMax(DType t) {
    switch (t) {
    case DType::Int8: return 127;
    case DType::UInt8: return 255;
    case DType::Int16: return 32767;
    default: return std::numeric_limits<int32_t>::max();
    }
}

bool activationRangeQuantized(Activation a, const Tensor &out, int32_t *min, int32_t *max) {
    const int32_t qmin = dtypeMin(out.dtype), qmax = dtypeMax(out.dtype);
    const float scale = out.quant.sc();
    const int32_t zp = out.quant.zp();
    auto quantize = [&](float f) { return zp + static_cast<int32_t>(std::round(f / scale)); };
    switch (a) {
    case Activation::None: *min = qmin; *max = qmax; return true;
    case Activation::Relu: *min = std::max(qmin, quantize(0.f)); *max = qmax; return true;
    case Activation::Relu6:
        *min = std::max(qmin, quantize(0.f));
        *max = std::min(qmax, quantize(6.f));
        return true;
    case Activation::ReluN1To1:
        *min = std::max(qmin, quantize(-1.f));
        *max = std::min(qmax, quantize(1.f));
        return true;
    default: *min = qmin; *max = qmax; return false;
    }
}

void activationRangeFloat(Activation a, float *min, float *max) {
    *min = -std::numeric_limits<float>::max();
    *max = std::numeric_limits<float>::max();
    if (a == Activation::Relu) *min = 0.f;
    if (a == Activation::Relu6) { *min = 0.f; *max = 6.f; }
    if (a == Activation::ReluN1To1) { *min = -1.f; *max = 1.f; }
}

void useHelper(EmitContext &ctx, const std::string &name) {
    if (name == "ember_clamp") {
        ctx.addHelper(name,
                      "/* min(hi, max(lo, x)); in this form GCC makes one SSAT of a full int8/int16 range */\n"
                      "static inline int32_t ember_clamp(int32_t x, int32_t lo, int32_t hi)\n"
                      "{\n"
                      "    x = x < lo ? lo : x;\n"
                      "    return x > hi ? hi : x;\n"
                      "}\n");
    } else if (name == "ember_sat8") {
        ctx.addHelper(name,
                      "/* clamp to [-128, 127]: one SSAT on cores that have it (Armv7-M and later) */\n"
                      "#if defined(__ARM_FEATURE_SAT) && defined(__GNUC__)\n"
                      "#include <arm_acle.h>\n"
                      "#endif\n"
                      "static inline int32_t ember_sat8(int32_t x)\n"
                      "{\n"
                      "#if defined(__ARM_FEATURE_SAT) && defined(__GNUC__)\n"
                      "    return __ssat(x, 8);\n"
                      "#else\n"
                      "    x = x < -128 ? -128 : x;\n"
                      "    return x > 127 ? 127 : x;\n"
                      "#endif\n"
                      "}\n");
    } else if (name == "ember_srdhm") {
        // --optimize size: out of line. Inlined, its 64-bit product and
        // rounding cost some 40 bytes at each use (the requantization, the
        // softmax's exp and reciprocal); a call costs a few cycles. `unused`
        // keeps a file where no emitted path calls it warning-free, as
        // `static inline` does.
        const bool size = optimizeForSize(emitOptimizeMode());
        ctx.addHelper(name,
                      std::string(size ? "/* gemmlowp SaturatingRoundingDoublingHighMul; --optimize size: out of line */\n"
                                         "#if defined(__GNUC__)\n"
                                         "__attribute__((noinline, unused))\n"
                                         "#endif\n"
                                         "static int32_t ember_srdhm(int32_t a, int32_t b)\n"
                                       : "/* gemmlowp SaturatingRoundingDoublingHighMul */\n"
                                         "static inline int32_t ember_srdhm(int32_t a, int32_t b)\n") +
                      "{\n"
                      "    int64_t ab = (int64_t)a * (int64_t)b;\n"
                      "    int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));\n"
                      "    if (a == b && a == INT32_MIN) return INT32_MAX;\n"
                      "    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));\n"
                      "}\n");
    } else if (name == "ember_rdbpot") {
        ctx.addHelper(name,
                      "/* gemmlowp RoundingDivideByPOT */\n"
                      "static inline int32_t ember_rdbpot(int32_t x, int exponent)\n"
                      "{\n"
                      "    int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);\n"
                      "    int32_t remainder = x & mask;\n"
                      "    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);\n"
                      "    return (x >> exponent) + (remainder > threshold ? 1 : 0);\n"
                      "}\n");
    } else if (name == "ember_mbqm") {
        useHelper(ctx, "ember_srdhm");
        useHelper(ctx, "ember_rdbpot");
        ctx.addHelper(name,
                      "/* tflite MultiplyByQuantizedMultiplier: x * qm * 2^shift, rounded */\n"
                      "static inline int32_t ember_mbqm(int32_t x, int32_t qm, int shift)\n"
                      "{\n"
                      "    int left = shift > 0 ? shift : 0;\n"
                      "    int right = shift > 0 ? 0 : -shift;\n"
                      "    return ember_rdbpot(ember_srdhm((int32_t)((uint32_t)x << left), qm), right);\n"
                      "}\n");
    } else if (name == "ember_mbqm64") {
        ctx.addHelper(name,
                      "/* tflite MultiplyByQuantizedMultiplier, int64 accumulator (int16x8 kernels) */\n"
                      "static inline int32_t ember_mbqm64(int64_t x, int32_t qm, int shift)\n"
                      "{\n"
                      "    int32_t reduced = qm < 0x7FFF0000 ? ((qm + (1 << 15)) >> 16) : 0x7FFF;\n"
                      "    int total = 15 - shift;\n"
                      "    int64_t result = x * (int64_t)reduced + ((int64_t)1 << (total - 1));\n"
                      "    return (int32_t)(result >> total);\n"
                      "}\n");
    } else {
        EMBER_ASSERT(!"unknown common helper");
    }
}

std::string cFloat(float v) {
    if (std::isinf(v)) return v > 0 ? "FLT_MAX" : "-FLT_MAX";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", double(v));
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s + "f";
}

std::string cInt(int64_t v) {
    if (v == std::numeric_limits<int32_t>::min()) return "INT32_MIN";
    if (v == std::numeric_limits<int64_t>::min()) return "INT64_MIN";
    if (v > std::numeric_limits<int32_t>::max() || v < std::numeric_limits<int32_t>::min())
        return "INT64_C(" + std::to_string(v) + ")";
    return std::to_string(v);
}

}  // namespace ember
