// The one-input element-wise math operators (TFLM elementwise.cc, neg.cc,
// exp.cc, floor.cc, ceil.cc, round.cc): ABS, NEG, EXP, LOG, SQRT, RSQRT,
// SQUARE, SIN, COS, FLOOR, CEIL, ROUND and LOGICAL_NOT.
//   float32: the float libm function per element, as TFLM calls it (expf,
//     logf, ...); ROUND is TFLM's banker's rounding built on floorf.
//   bool: LOGICAL_NOT.
//   ABS int8 / int16: |x - zp_in| requantized to the output (int16: zero
//     points 0; an int16 input without quantization is a plain integer abs).
//   RSQRT int8 / int16: TFLM's fixed-point inverse square root
//     (Newton-Raphson in Q3.28) scaled by 1 / (sqrt(s_in) * s_out); int16 has
//     zero points 0.
// The int8 paths are 256-entry tables computed with that arithmetic.
#include <cstdlib>
#include <limits>
#include <vector>

#include "FixedPoint.h"
#include "UnaryLut.h"
#include "UnaryOp.h"

namespace ember {
namespace {

enum class Mode { Float, Bool, Lut8, Int16Abs, Int16AbsRaw, Int16Rsqrt };

struct MathParams {
    DType dtype = DType::Float32;
    Mode mode = Mode::Float;
    unary::Lut8 lut{};
    // Int16Abs: rescale by multiplier/shift unless the scales are equal.
    // Int16Rsqrt: multiplier/shift of 1 / (sqrt(s_in) * s_out).
    bool rescale = false;
    int32_t multiplier = 0;
    int shift = 0;
    std::string what;  // the table's description (Lut8)
};

// The float function of each op and the same expression in C over `v`.
struct FloatFn {
    OpType type;
    float (*f)(float);
    const char *c;
};

// tflite::reference_ops::RoundToNearest: half to even, via floor.
float roundHalfEven(float v) {
    const float f = std::floor(v);
    const float diff = v - f;
    if (diff < 0.5f || (diff == 0.5f && int(f) % 2 == 0)) return f;
    return f + 1.0f;
}

const FloatFn kFloatFns[] = {
    {OpType::Abs, [](float v) { return std::fabs(v); }, "fabsf(v)"},
    {OpType::Neg, [](float v) { return -v; }, "-v"},
    {OpType::Exp, [](float v) { return std::exp(v); }, "expf(v)"},
    {OpType::Log, [](float v) { return std::log(v); }, "logf(v)"},
    {OpType::Sqrt, [](float v) { return std::sqrt(v); }, "sqrtf(v)"},
    {OpType::Rsqrt, [](float v) { return 1.f / std::sqrt(v); }, "1.0f / sqrtf(v)"},
    {OpType::Square, [](float v) { return v * v; }, "v * v"},
    {OpType::Sin, [](float v) { return std::sin(v); }, "sinf(v)"},
    {OpType::Cos, [](float v) { return std::cos(v); }, "cosf(v)"},
    {OpType::Floor, [](float v) { return std::floor(v); }, "floorf(v)"},
    {OpType::Ceil, [](float v) { return std::ceil(v); }, "ceilf(v)"},
    {OpType::Round, roundHalfEven, "ember_round_half_even(v)"},
};

const FloatFn &floatFn(OpType t) {
    for (const FloatFn &f : kFloatFns)
        if (f.type == t) return f;
    EMBER_ASSERT(!"no float function for this op");
    return kFloatFns[0];
}

// tflite::GetInvSqrtQuantizedMultiplierExp with reverse_shift -1: 1 / sqrt(x)
// as a Q0.31 multiplier and a left shift, for x >= 2.
void invSqrtMultiplier(int32_t input, int32_t *multiplier, int *shift) {
    if (input <= 1) {
        *multiplier = std::numeric_limits<int32_t>::max();
        *shift = 0;
        return;
    }
    int rightShift = 11;
    while (input >= (1 << 29)) {
        input /= 4;
        ++rightShift;
    }
    int clz = 0;
    for (uint32_t u = uint32_t(input); !(u & 0x80000000u); u <<= 1) ++clz;
    const int pairs = (clz - 1) / 2 - 1;
    rightShift -= pairs;
    input <<= 2 * pairs;
    // Newton-Raphson in Q3.28 from x = 1: x <- 1.5 x - (input / 2) x^3.
    const int32_t half = roundingDivideByPOT(input >> 1, 1);
    const int32_t halfThree = (1 << 28) + (1 << 27);
    int32_t x = 1 << 28;
    for (int i = 0; i < 5; ++i) {
        const auto mul = saturatingRoundingDoublingHighMul;
        const int32_t x3 = fx::mulByPOT(mul(mul(x, x), x), 6);
        x = fx::mulByPOT(int32_t(uint32_t(mul(halfThree, x)) - uint32_t(mul(half, x3))), 3);
    }
    int32_t r = saturatingRoundingDoublingHighMul(x, 1518500250);  // * sqrt(2) / 2
    if (rightShift < 0) {
        r = int32_t(uint32_t(r) << -rightShift);
        rightShift = 0;
    }
    *multiplier = r;
    *shift = -rightShift;
}

constexpr int kRsqrtShift = 20;  // TFLM keeps 1/sqrt(v) as an integer scaled by 2^20

// TFLM's RsqrtEvalQuantized for v = x - zp_in. TFLM stops with an error on
// v < 0 (no real square root) and maps v == 0 to the largest value; Ember
// gives the largest value for both.
int32_t rsqrtQuantized(int32_t v, int32_t multiplier, int shift, int32_t outZp, int32_t lo, int32_t hi) {
    if (v <= 0) return hi;
    int32_t m = 0;
    int s = 0;
    invSqrtMultiplier(v, &m, &s);
    const int32_t data = multiplyByQuantizedMultiplier(1, m, s + kRsqrtShift);
    return std::min(hi, std::max(lo, multiplyByQuantizedMultiplier(data, multiplier, shift - kRsqrtShift) + outZp));
}

// The same for generated code (int16; int8 is a table).
const char *kInvSqrtHelperC =
    "/* tflite GetInvSqrtQuantizedMultiplierExp (Newton-Raphson in Q3.28) applied\n"
    "   to 1 << 20, as TFLM's integer RSQRT does: 2^20 / sqrt(v) for v >= 1 */\n"
    "static int32_t ember_inv_sqrt_q20(int32_t v)\n"
    "{\n"
    "    int32_t x = 1 << 28, half, r;\n"
    "    int right = 11, pairs, i;\n"
    "    if (v <= 1) return ember_mbqm(1, INT32_MAX, 20);\n"
    "    while (v >= (1 << 29)) {\n"
    "        v /= 4;\n"
    "        ++right;\n"
    "    }\n"
    "    pairs = (ember_clz32((uint32_t)v) - 1) / 2 - 1;\n"
    "    right -= pairs;\n"
    "    v <<= 2 * pairs;\n"
    "    half = ember_rdbpot(v >> 1, 1);\n"
    "    for (i = 0; i < 5; ++i) {\n"
    "        int32_t x3 = ember_satshl(ember_srdhm(ember_srdhm(x, x), x), 6);\n"
    "        x = ember_satshl((int32_t)((uint32_t)ember_srdhm(402653184, x) - (uint32_t)ember_srdhm(half, x3)), 3);\n"
    "    }\n"
    "    r = ember_srdhm(x, 1518500250);\n"
    "    if (right < 0) {\n"
    "        r = (int32_t)((uint32_t)r << -right);\n"
    "        right = 0;\n"
    "    }\n"
    "    return ember_mbqm(1, r, 20 - right);\n"
    "}\n";

bool prepareQuantized(const Graph &g, const Op &op, Diagnostics &d, MathParams &p) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    const char *name = opTypeName(op.type);
    if (op.type == OpType::Abs && in.dtype == DType::Int16 && in.quant.empty()) {
        p.mode = Mode::Int16AbsRaw;  // TFLM: plain std::abs on the integers
        return true;
    }
    if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) || !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
        return false;
    const int32_t inZp = in.quant.zp(), outZp = out.quant.zp();
    const float sIn = in.quant.sc(), sOut = out.quant.sc();
    if (in.dtype == DType::Int16 && (inZp != 0 || outZp != 0))
        return unary::fail(g, op, d, std::string("int16 ") + name + " needs zero points 0 (got " +
                                         std::to_string(inZp) + " and " + std::to_string(outZp) +
                                         "); re-export the model with symmetric int16 quantization");
    const int32_t lo = dtypeMin(in.dtype), hi = dtypeMax(in.dtype);
    auto clamp = [&](int32_t v) { return std::min(hi, std::max(lo, v)); };
    const std::string zps = "zp " + std::to_string(inZp) + " -> " + std::to_string(outZp);
    if (op.type == OpType::Abs) {
        p.rescale = sIn != sOut;
        if (p.rescale) quantizeMultiplier(double(sIn) / double(sOut), &p.multiplier, &p.shift);
        if (in.dtype == DType::Int16) {
            p.mode = Mode::Int16Abs;
            return true;
        }
        p.mode = Mode::Lut8;
        p.what = std::string("ABS int8 ") + shapeString(in.shape) + ", " + zps;
        p.lut = unary::makeLut8([&](int8_t x) {
            const int32_t v = std::abs(int32_t(x) - inZp);
            return clamp((p.rescale ? multiplyByQuantizedMultiplier(v, p.multiplier, p.shift) : v) + outZp);
        });
        return true;
    }
    // RSQRT: 1 / sqrt(x - zp) as a multiplier, applied to 1 << 20, then
    // rescaled by 1 / (sqrt(s_in) * s_out) and 2^-20.
    quantizeMultiplier(1.0 / (std::sqrt(double(sIn)) * double(sOut)), &p.multiplier, &p.shift);
    const int outShift = p.shift - kRsqrtShift;
    if (outShift < -31 || outShift > 30)
        return unary::fail(g, op, d, "the ratio 1 / (sqrt(input scale) * output scale) = " +
                                         std::to_string(1.0 / (std::sqrt(double(sIn)) * double(sOut))) +
                                         " is out of the range TFLM's integer RSQRT can apply; re-export the model",
                           op.outputs[0]);
    if (in.dtype == DType::Int16) {
        p.mode = Mode::Int16Rsqrt;
        return true;
    }
    p.mode = Mode::Lut8;
    p.what = std::string("RSQRT int8 ") + shapeString(in.shape) + ", " + zps;
    p.lut = unary::makeLut8([&](int8_t x) {
        return rsqrtQuantized(int32_t(x) - inZp, p.multiplier, p.shift, outZp, lo, hi);
    });
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    std::vector<DType> allowed = {DType::Float32};
    if (op.type == OpType::Abs || op.type == OpType::Rsqrt)
        allowed = {DType::Float32, DType::Int8, DType::Int16};
    else if (op.type == OpType::LogicalNot)
        allowed = {DType::Bool};
    if (!unary::checkSameTypeOneOf(g, op, d, allowed)) return false;
    MathParams p;
    p.dtype = in.dtype;
    p.mode = in.dtype == DType::Float32 ? Mode::Float : Mode::Bool;
    if ((in.dtype == DType::Int8 || in.dtype == DType::Int16) && !prepareQuantized(g, op, d, p)) return false;
    op.params = std::move(p);
    return true;
}

int32_t absInt16(const MathParams &p, int16_t x) {
    const int32_t v = std::abs(int32_t(x));
    return std::min(32767, p.rescale ? multiplyByQuantizedMultiplier(v, p.multiplier, p.shift) : v);
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const MathParams &>(op.params);
    if (p.mode == Mode::Lut8) return unary::evalLut8(p.lut, g, op, b);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.mode == Mode::Bool) {
        for (int64_t i = 0; i < n; ++i) dst[i] = src[i] ? 0 : 1;
    } else if (p.mode == Mode::Float) {
        const auto *x = reinterpret_cast<const float *>(src);
        auto *y = reinterpret_cast<float *>(dst);
        const auto f = floatFn(op.type).f;
        for (int64_t i = 0; i < n; ++i) y[i] = f(x[i]);
    } else {
        const auto *x = reinterpret_cast<const int16_t *>(src);
        auto *y = reinterpret_cast<int16_t *>(dst);
        for (int64_t i = 0; i < n; ++i) {
            if (p.mode == Mode::Int16Rsqrt)
                y[i] = int16_t(rsqrtQuantized(x[i], p.multiplier, p.shift, 0, -32768, 32767));
            else
                y[i] = p.mode == Mode::Int16Abs ? int16_t(absInt16(p, x[i])) : int16_t(std::abs(int32_t(x[i])));
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const MathParams &>(op.params);
    if (p.mode == Mode::Lut8) return unary::emitLut8(p.lut, g, op, ctx, p.what);
    const Tensor &in = g.in(op, 0);
    const std::string head = std::string(opTypeName(op.type)) + " " + dtypeName(p.dtype) + " " + shapeString(in.shape);
    const std::string &x = ctx.inputs[0], &y = ctx.outputs[0];
    const std::string loop = "for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i)";
    if (p.mode == Mode::Bool) {
        ctx.line("/* " + head + " */");
        ctx.line(loop);
        ctx.line(y + "[i] = (uint8_t)!" + x + "[i];", 2);
        return;
    }
    if (p.mode == Mode::Float) {
        if (op.type == OpType::Round)
            ctx.addHelper("ember_round_half_even",
                          "/* TFLite RoundToNearest: round half to even, via floorf */\n"
                          "static inline float ember_round_half_even(float v)\n"
                          "{\n"
                          "    float f = floorf(v);\n"
                          "    float diff = v - f;\n"
                          "    if (diff < 0.5f || (diff == 0.5f && (int32_t)f % 2 == 0)) return f;\n"
                          "    return f + 1.0f;\n"
                          "}\n");
        ctx.line("/* " + head + " */");
        ctx.line(loop + " {");
        ctx.line("float v = " + x + "[i];", 2);
        ctx.line(y + "[i] = " + floatFn(op.type).c + ";", 2);
        ctx.line("}");
        return;
    }
    if (p.mode == Mode::Int16Rsqrt) {
        useHelper(ctx, "ember_mbqm");
        useHelper(ctx, "ember_clamp");
        fx::useFxHelper(ctx, "ember_satshl");
        fx::useFxHelper(ctx, "ember_clz32");
        ctx.addHelper("ember_inv_sqrt_q20", kInvSqrtHelperC);
        ctx.line("/* " + head + ", zero points 0: 2^20 / sqrt(x), then * " + std::to_string(p.multiplier) +
                 " * 2^" + std::to_string(p.shift - kRsqrtShift) + " (x <= 0 gives the maximum) */");
        ctx.line(loop + " {");
        ctx.line("int32_t v = " + x + "[i];", 2);
        ctx.line(y + "[i] = v <= 0 ? 32767 : (int16_t)ember_clamp(ember_mbqm(ember_inv_sqrt_q20(v), " +
                     cInt(p.multiplier) + ", " + std::to_string(p.shift - kRsqrtShift) + "), -32768, 32767);",
                 2);
        ctx.line("}");
        return;
    }
    // int16 ABS: |x| can be 32768, hence int32_t and the clamp.
    if (p.mode == Mode::Int16AbsRaw) {
        ctx.line("/* " + head + ", not quantized: integer abs (-32768 stays -32768, as in TFLM) */");
        ctx.line(loop);
        ctx.line(y + "[i] = (int16_t)(" + x + "[i] < 0 ? -(int32_t)" + x + "[i] : (int32_t)" + x + "[i]);", 2);
        return;
    }
    useHelper(ctx, "ember_clamp");
    std::string v = "v";
    if (p.rescale) {
        useHelper(ctx, "ember_mbqm");
        v = "ember_mbqm(v, " + cInt(p.multiplier) + ", " + std::to_string(p.shift) + ")";
    }
    ctx.line("/* " + head + ", zero points 0" +
             (p.rescale ? ", rescaled by " + std::to_string(p.multiplier) + " * 2^" + std::to_string(p.shift)
                        : std::string(", same scale")) + " */");
    ctx.line(loop + " {");
    ctx.line("int32_t v = " + x + "[i] < 0 ? -(int32_t)" + x + "[i] : (int32_t)" + x + "[i];", 2);
    ctx.line(y + "[i] = (int16_t)ember_clamp(" + v + ", -32768, 32767);", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kAbs, kNeg, kExp, kLog, kSqrt, kRsqrt, kSquare, kSin, kCos, kFloor, kCeil, kRound, kLogicalNot;
const OpKernel kAbs = {OpType::Abs, prepare, eval, emit, nullptr, "float32, int8, int16"};
const OpKernel kNeg = {OpType::Neg, prepare, eval, emit, nullptr, "float32"};
const OpKernel kExp = {OpType::Exp, prepare, eval, emit, nullptr, "float32"};
const OpKernel kLog = {OpType::Log, prepare, eval, emit, nullptr, "float32"};
const OpKernel kSqrt = {OpType::Sqrt, prepare, eval, emit, nullptr, "float32"};
const OpKernel kRsqrt = {OpType::Rsqrt, prepare, eval, emit, nullptr, "float32, int8, int16"};
const OpKernel kSquare = {OpType::Square, prepare, eval, emit, nullptr, "float32"};
const OpKernel kSin = {OpType::Sin, prepare, eval, emit, nullptr, "float32"};
const OpKernel kCos = {OpType::Cos, prepare, eval, emit, nullptr, "float32"};
const OpKernel kFloor = {OpType::Floor, prepare, eval, emit, nullptr, "float32"};
const OpKernel kCeil = {OpType::Ceil, prepare, eval, emit, nullptr, "float32"};
const OpKernel kRound = {OpType::Round, prepare, eval, emit, nullptr, "float32"};
const OpKernel kLogicalNot = {OpType::LogicalNot, prepare, eval, emit, nullptr, "bool"};

}  // namespace ember
