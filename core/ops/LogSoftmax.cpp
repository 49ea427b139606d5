// LOG_SOFTMAX over the last dimension (TFLM log_softmax.cc,
// reference/log_softmax.h).
//   float32: x - max - log(sum(exp(x - max))), with expf/logf.
//   int8: gemmlowp fixed point; the output is fixed at scale 16/256, zero
//     point 127. Differences to the row maximum are scaled into Q5.26
//     (differences below diff_min are dropped), exp'd and summed in Q12.19;
//     log(sum) comes from gemmlowp's log_x_for_x_greater_than_or_equal_to_1
//     in Q5.26, and (diff - log(sum)) is shifted down to the Q4.3 output.
//     At compile time both per-difference quantities (the scaled difference
//     and its exp contribution) are tabulated for the 256 possible
//     differences; only the log runs per row.
#include <limits>
#include <vector>

#include "FixedPoint.h"
#include "UnaryOp.h"

namespace ember {
namespace {

constexpr int kInputIntegerBits = 5;         // Q5.26 scaled differences
constexpr int kAccumulationIntegerBits = 12; // Q12.19 sum of exps
constexpr int kOutputIntegerBits = 4;
constexpr float kOutputScale = 16.0f / 256;
constexpr int32_t kOutputZeroPoint = 127;

struct LogSoftmaxParams {
    DType dtype = DType::Float32;
    int64_t rows = 0, depth = 0;
    int32_t inputMultiplier = 0;
    int inputLeftShift = 0;
    int32_t reverseDivisor = 0;
    int reverseLeftShift = 0;  // <= 0
    int32_t diffMin = 0;
    std::vector<int32_t> scaled;  // k = max - x: the difference -k in Q5.26
    std::vector<int32_t> exps;    // k = max - x: its exp in Q12.19, 0 below diff_min
};

int32_t wrapAdd(int32_t a, int32_t b) { return int32_t(uint32_t(a) + uint32_t(b)); }
int32_t wrapSub(int32_t a, int32_t b) { return int32_t(uint32_t(a) - uint32_t(b)); }
int32_t satAdd(int32_t a, int32_t b) {
    return int32_t(std::min<int64_t>(INT32_MAX, std::max<int64_t>(INT32_MIN, int64_t(a) + b)));
}
int32_t satSub(int32_t a, int32_t b) {
    return int32_t(std::min<int64_t>(INT32_MAX, std::max<int64_t>(INT32_MIN, int64_t(a) - b)));
}
int clz32(uint32_t x) {
    int n = 0;
    while (n < 32 && !(x & 0x80000000u)) x <<= 1, ++n;
    return n;
}

// tflite log_x_for_x_greater_than_or_equal_to_1<5>(FixedPoint<int32, 12>):
// log(x) for the Q12.19 sum, result Q5.26. A rational approximation around
// the power of two nearest x, accumulated with one bit of headroom (Q6.25).
int32_t logQ12ToQ5(int32_t x) {
    const auto mul = saturatingRoundingDoublingHighMul;
    constexpr int kInBits = kAccumulationIntegerBits, kAccBits = kInputIntegerBits + 1;
    const int32_t log2 = 1488522236, sqrtSqrtHalf = 1805811301, sqrtHalf = 1518500250;
    const int32_t alphaN = 117049297, alphaD = 127690142, alphaI = 1057819769, alphaF = 638450708;
    const int32_t shiftedQuarter = fx::rescale(536870912, 0, kAccBits);
    const int za = clz32(uint32_t(x));
    const int32_t rA = fx::mulByPOT(mul(fx::mulByPOT(x, za - 1), sqrtHalf), 1);
    const int32_t zaPow2 = satAdd(fx::mulByPOT(kInBits - za, 31 - kAccBits), shiftedQuarter);
    const int zb = clz32(uint32_t(mul(x, sqrtHalf))) - 1;
    const int32_t rB = fx::mulByPOT(x, zb);
    const int32_t zbPow2 = satSub(fx::mulByPOT(kInBits - zb, 31 - kAccBits), shiftedQuarter);
    const int32_t r = std::min(rA, rB);
    const int32_t zPow2 = std::max(zaPow2, zbPow2);
    const int32_t p = fx::roundingHalfSum(r, sqrtSqrtHalf);
    int32_t q = wrapSub(r, sqrtSqrtHalf);
    q = wrapAdd(q, q);
    const int32_t sq = mul(q, q);
    const int32_t num = wrapAdd(mul(q, r), mul(mul(q, sq), alphaN));
    const int32_t denomMinusOne = wrapAdd(mul(p, wrapAdd(wrapAdd(alphaI, q), mul(alphaD, sq))), mul(alphaF, q));
    const int32_t recip = fx::oneOverOnePlusX(denomMinusOne);
    const int32_t numScaled = fx::rescale(num, 0, kAccBits);
    return fx::rescale(wrapAdd(mul(zPow2, log2), mul(numScaled, recip)), kAccBits, kInputIntegerBits);
}

// The same in C, for the generated code.
const char *kLogHelperC =
    "/* gemmlowp/tflite log_x_for_x_greater_than_or_equal_to_1<5>: log of a\n"
    "   Q12.19 value >= 1, result Q5.26 (accumulated in Q6.25) */\n"
    "static int32_t ember_log_q12_q5(int32_t x)\n"
    "{\n"
    "    int za = ember_clz32((uint32_t)x);\n"
    "    int32_t ra = ember_mulpot(ember_srdhm(ember_mulpot(x, za - 1), 1518500250), 1);\n"
    "    int64_t za_pow2 = (int64_t)ember_mulpot(12 - za, 25) + (1 << 23);\n"
    "    int zb = ember_clz32((uint32_t)ember_srdhm(x, 1518500250)) - 1;\n"
    "    int32_t rb = ember_mulpot(x, zb);\n"
    "    int64_t zb_pow2 = (int64_t)ember_mulpot(12 - zb, 25) - (1 << 23);\n"
    "    int32_t z_pow2, r, p, q, sq, num, den, recip;\n"
    "    if (za_pow2 > INT32_MAX) za_pow2 = INT32_MAX;\n"
    "    if (zb_pow2 < INT32_MIN) zb_pow2 = INT32_MIN;\n"
    "    z_pow2 = (int32_t)(za_pow2 > zb_pow2 ? za_pow2 : zb_pow2);\n"
    "    r = ra < rb ? ra : rb;\n"
    "    {\n"
    "        int64_t s = (int64_t)r + 1805811301;\n"
    "        p = (int32_t)((s + (s >= 0 ? 1 : -1)) / 2);\n"
    "    }\n"
    "    q = (int32_t)((uint32_t)r - 1805811301u);\n"
    "    q = (int32_t)((uint32_t)q + (uint32_t)q);\n"
    "    sq = ember_srdhm(q, q);\n"
    "    num = (int32_t)((uint32_t)ember_srdhm(q, r) + (uint32_t)ember_srdhm(ember_srdhm(q, sq), 117049297));\n"
    "    den = (int32_t)((uint32_t)ember_srdhm(p, (int32_t)(1057819769u + (uint32_t)q +\n"
    "                                                      (uint32_t)ember_srdhm(127690142, sq))) +\n"
    "                    (uint32_t)ember_srdhm(638450708, q));\n"
    "    recip = ember_one_over_one_plus_x(den);\n"
    "    return ember_mulpot((int32_t)((uint32_t)ember_srdhm(z_pow2, 1488522236) +\n"
    "                                  (uint32_t)ember_srdhm(ember_rdbpot(num, 6), recip)), 1);\n"
    "}\n";

bool prepareInt8(const Graph &g, const Op &op, Diagnostics &d, LogSoftmaxParams &p) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) || !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
        return false;
    if (out.quant.sc() != kOutputScale || out.quant.zp() != kOutputZeroPoint)
        return unary::fail(g, op, d, "int8 LOG_SOFTMAX output must have scale 0.0625 (16/256) and zero point 127 "
                                     "(got scale " + std::to_string(out.quant.sc()) + ", zero point " +
                                         std::to_string(out.quant.zp()) +
                                         "); re-export the model with the TFLite converter's defaults",
                           op.outputs[0]);
    // tflite::PreprocessLogSoftmaxScalingExp with beta 1: s_in in Q5.26
    // (capped), then the inverse of that scaling as a multiplier < 1.
    const double real = std::min(double(in.quant.sc()) * double(1 << (31 - kInputIntegerBits)),
                                 double((1LL << 31) - 1));
    if (!(real > 1.0))
        return unary::fail(g, op, d, "input scale " + std::to_string(in.quant.sc()) +
                                         " is too small for int8 LOG_SOFTMAX (TFLM needs scale * 2^26 > 1); "
                                         "re-export the model", op.inputs[0]);
    quantizeMultiplier(real, &p.inputMultiplier, &p.inputLeftShift);
    const double reverse = double(int64_t(1) << (31 - p.inputLeftShift)) / double(p.inputMultiplier);
    if (!(reverse < 1.0))
        return unary::fail(g, op, d, "input scale " + std::to_string(in.quant.sc()) +
                                         " gives TFLM's int8 LOG_SOFTMAX a reverse scaling of 1; re-export the model",
                           op.inputs[0]);
    quantizeMultiplierSmallerThanOneExp(reverse, &p.reverseDivisor, &p.reverseLeftShift);
    p.diffMin = -fx::calculateInputRadius(kInputIntegerBits, p.inputLeftShift, 31);
    p.scaled.resize(256);
    p.exps.resize(256);
    for (int k = 0; k < 256; ++k) {
        p.scaled[size_t(k)] = multiplyByQuantizedMultiplier(-k, p.inputMultiplier, p.inputLeftShift);
        p.exps[size_t(k)] = -k >= p.diffMin ? fx::rescale(fx::expOnNegativeValues(p.scaled[size_t(k)],
                                                                                  kInputIntegerBits),
                                                          0, kAccumulationIntegerBits)
                                            : 0;
    }
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    if (!unary::checkSameTypeOneOf(g, op, d, {DType::Float32, DType::Int8})) return false;
    if (in.shape.empty())
        return unary::fail(g, op, d, "LOG_SOFTMAX needs an input with at least one dimension", op.inputs[0]);
    LogSoftmaxParams p;
    p.dtype = in.dtype;
    p.depth = in.shape.back();
    p.rows = p.depth > 0 ? in.elements() / p.depth : 0;
    if (in.dtype == DType::Int8 && !prepareInt8(g, op, d, p)) return false;
    op.params = std::move(p);
    return true;
}

void evalInt8Row(const LogSoftmaxParams &p, const int8_t *x, int8_t *y) {
    int32_t mx = -128;
    for (int64_t c = 0; c < p.depth; ++c) mx = std::max<int32_t>(mx, x[c]);
    int32_t sum = 0;
    for (int64_t c = 0; c < p.depth; ++c) sum = wrapAdd(sum, p.exps[size_t(mx - x[c])]);
    const int32_t logSum = logQ12ToQ5(sum);
    const int32_t adjustedDiffMin =
        std::max(p.diffMin - 1, multiplyByQuantizedMultiplier(wrapAdd(logSum, INT32_MIN), p.reverseDivisor,
                                                              p.reverseLeftShift));
    for (int64_t c = 0; c < p.depth; ++c) {
        const int32_t diff = int32_t(x[c]) - mx;
        if (diff > adjustedDiffMin) {
            const int32_t v = roundingDivideByPOT(wrapSub(p.scaled[size_t(-diff)], logSum),
                                                  31 - kInputIntegerBits - kOutputIntegerBits) + 127;
            y[c] = int8_t(std::max(-128, std::min(127, v)));
        } else {
            y[c] = -128;
        }
    }
}

void evalFloatRow(const LogSoftmaxParams &p, const float *x, float *y) {
    float mx = std::numeric_limits<float>::lowest();
    for (int64_t c = 0; c < p.depth; ++c) mx = std::max(mx, x[c]);
    float sum = 0.f;
    for (int64_t c = 0; c < p.depth; ++c) sum += std::exp(x[c] - mx);
    const float logSum = std::log(sum);
    for (int64_t c = 0; c < p.depth; ++c) y[c] = x[c] - mx - logSum;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const LogSoftmaxParams &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    for (int64_t r = 0; r < p.rows; ++r) {
        const int64_t o = r * p.depth;
        if (p.dtype == DType::Int8)
            evalInt8Row(p, reinterpret_cast<const int8_t *>(src) + o, reinterpret_cast<int8_t *>(dst) + o);
        else
            evalFloatRow(p, reinterpret_cast<const float *>(src) + o, reinterpret_cast<float *>(dst) + o);
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const LogSoftmaxParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const bool int8 = p.dtype == DType::Int8;
    const std::string ct = dtypeCType(p.dtype), depth = std::to_string(p.depth);
    std::string scaled, exps;
    if (int8) {
        scaled = ctx.constantI32("scaled", p.scaled, "LOG_SOFTMAX: difference -k in Q5.26, k = max - x = 0..255");
        exps = ctx.constantI32("exp", p.exps, "LOG_SOFTMAX: exp of difference -k in Q12.19 (0 below diff_min)");
        useHelper(ctx, "ember_srdhm");
        useHelper(ctx, "ember_rdbpot");
        useHelper(ctx, "ember_mbqm");
        fx::useFxHelper(ctx, "ember_clz32");
        fx::useFxHelper(ctx, "ember_one_over_one_plus_x");
        ctx.addHelper("ember_mulpot",
                      "/* gemmlowp SaturatingRoundingMultiplyByPOT: saturating left shift for e > 0,\n"
                      "   rounding right shift for e < 0 */\n"
                      "static inline int32_t ember_mulpot(int32_t x, int e)\n"
                      "{\n"
                      "    int32_t threshold;\n"
                      "    if (e == 0) return x;\n"
                      "    if (e < 0) return ember_rdbpot(x, -e);\n"
                      "    threshold = (int32_t)(((int64_t)1 << (31 - e)) - 1);\n"
                      "    if (x > threshold) return INT32_MAX;\n"
                      "    if (x < -threshold) return INT32_MIN;\n"
                      "    return (int32_t)((uint32_t)x << e);\n"
                      "}\n");
        ctx.addHelper("ember_log_q12_q5", kLogHelperC);
        ctx.line("/* LOG_SOFTMAX int8 " + shapeString(in.shape) + " -> scale 16/256, zp 127: gemmlowp fixed point, "
                 "diff_min " + std::to_string(p.diffMin) + ", reverse scaling " + std::to_string(p.reverseDivisor) +
                 " * 2^" + std::to_string(p.reverseLeftShift) + " */");
    } else {
        ctx.line("/* LOG_SOFTMAX float32 " + shapeString(in.shape) + " */");
    }
    const std::string rows = ctx.inputDynamic(0) ? ctx.inputCount(0, in.shape, 0, int(in.shape.size()) - 1)
                                                 : std::to_string(p.rows);
    ctx.line("for (int32_t r = 0; r < " + rows + "; ++r) {");
    ctx.line("const " + ct + " *x = " + ctx.inputs[0] + " + r * " + depth + ";", 2);
    ctx.line(ct + " *y = " + ctx.outputs[0] + " + r * " + depth + ";", 2);
    if (!int8) {
        ctx.line("float mx = -FLT_MAX, sum = 0.0f, log_sum;", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
        ctx.line("if (x[c] > mx) mx = x[c];", 3);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
        ctx.line("sum += expf(x[c] - mx);", 3);
        ctx.line("log_sum = logf(sum);", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
        ctx.line("y[c] = x[c] - mx - log_sum;", 3);
        ctx.line("}");
        return;
    }
    ctx.line("int32_t mx = -128, sum = 0, log_sum, min_diff;", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
    ctx.line("if (x[c] > mx) mx = x[c];", 3);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
    ctx.line("sum = (int32_t)((uint32_t)sum + (uint32_t)" + exps + "[mx - x[c]]);", 3);
    ctx.line("log_sum = ember_log_q12_q5(sum);", 2);
    ctx.line("/* differences at or below min_diff output the minimum */", 2);
    ctx.line("min_diff = ember_mbqm((int32_t)((uint32_t)log_sum + 0x80000000u), " + cInt(p.reverseDivisor) + ", " +
                 std::to_string(p.reverseLeftShift) + ");",
             2);
    ctx.line("if (min_diff < " + cInt(int64_t(p.diffMin) - 1) + ") min_diff = " + cInt(int64_t(p.diffMin) - 1) + ";",
             2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
    ctx.line("int32_t v;", 3);
    ctx.line("if (x[c] - mx <= min_diff) {", 3);
    ctx.line("y[c] = -128;", 4);
    ctx.line("continue;", 4);
    ctx.line("}", 3);
    ctx.line("v = ember_rdbpot((int32_t)((uint32_t)" + scaled + "[mx - x[c]] - (uint32_t)log_sum), " +
                 std::to_string(31 - kInputIntegerBits - kOutputIntegerBits) + ") + 127;",
             3);
    ctx.line("y[c] = (int8_t)(v < -128 ? -128 : (v > 127 ? 127 : v));", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kLogSoftmax;
const OpKernel kLogSoftmax = {OpType::LogSoftmax, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
