#include "FixedPoint.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "Common.h"

namespace ember::fx {
namespace {

constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
constexpr int32_t kMin = std::numeric_limits<int32_t>::min();

// gemmlowp's scalar Add/Sub wrap on overflow in practice; spell that out so
// the host compiler cannot assume otherwise.
int32_t add(int32_t a, int32_t b) { return int32_t(uint32_t(a) + uint32_t(b)); }
int32_t sub(int32_t a, int32_t b) { return int32_t(uint32_t(a) - uint32_t(b)); }
int32_t mul(int32_t a, int32_t b) { return saturatingRoundingDoublingHighMul(a, b); }

// exp(a) for a in [-1/4, 0), Q0.31: Taylor expansion around -1/8.
int32_t expOnIntervalNegQuarter(int32_t a) {
    const int32_t constantTerm = 1895147668;  // exp(-1/8)
    const int32_t oneThird = 715827883;
    const int32_t x = add(a, 1 << 28);
    const int32_t x2 = mul(x, x);
    const int32_t x3 = mul(x2, x);
    const int32_t x4 = mul(x2, x2);
    const int32_t x4Over4 = mulByPOT(x4, -2);
    const int32_t poly = mulByPOT(add(mul(add(x4Over4, x3), oneThird), x2), -1);
    return add(constantTerm, mul(constantTerm, add(x, poly)));
}

// Newton-Raphson iterations for 1 / (1 + a), shared by the two divisions.
// Returns x in Q2.29 with x ~ 2 / (1 + a).
int32_t newtonReciprocal(int32_t a) {
    const int32_t halfDenominator = roundingHalfSum(a, kMax);
    const int32_t c48Over17 = 1515870810;     // 48/17 in Q2.29
    const int32_t cNeg32Over17 = -1010580540;  // -32/17 in Q2.29
    int32_t x = add(c48Over17, mul(halfDenominator, cNeg32Over17));
    for (int i = 0; i < 3; ++i) {
        const int32_t halfDenTimesX = mul(halfDenominator, x);
        const int32_t oneMinus = sub(1 << 29, halfDenTimesX);
        x = add(x, mulByPOT(mul(x, oneMinus), 2));
    }
    return x;
}

int32_t oneMinusXOverOnePlusX(int32_t a) { return mulByPOT(sub(newtonReciprocal(a), 1 << 29), 2); }

}  // namespace

int32_t mulByPOT(int32_t x, int exponent) {
    if (exponent == 0) return x;
    if (exponent < 0) return roundingDivideByPOT(x, -exponent);
    const int32_t threshold = int32_t((1LL << (31 - exponent)) - 1);
    if (x > threshold) return kMax;
    if (x < -threshold) return kMin;
    return int32_t(uint32_t(x) << exponent);
}

int32_t roundingHalfSum(int32_t a, int32_t b) {
    const int64_t sum = int64_t(a) + int64_t(b);
    const int64_t sign = sum >= 0 ? 1 : -1;
    return int32_t((sum + sign) / 2);
}

int32_t expOnNegativeValues(int32_t a, int intBits) {
    const int fracBits = 31 - intBits;
    const int32_t oneQuarter = int32_t(1) << (fracBits - 2);
    const int32_t mask = oneQuarter - 1;
    const int32_t aModQuarterMinusQuarter = sub(a & mask, oneQuarter);
    int32_t result = expOnIntervalNegQuarter(rescale(aModQuarterMinusQuarter, intBits, 0));
    const int32_t remainder = sub(aModQuarterMinusQuarter, a);
    // exp(-2^e) in Q0.31 for e = -2..4: multiply in the factor for every
    // set bit of the remainder (a "barrel shifter").
    static const int32_t kMultipliers[7] = {1672461947, 1302514674, 790015084, 290630308,
                                            39332535,   720401,     242};
    for (int e = -2; e <= 4; ++e) {
        if (intBits <= e) continue;
        if (remainder & (int32_t(1) << (fracBits + e))) result = mul(result, kMultipliers[e + 2]);
    }
    if (intBits > 5) {
        const int32_t clamp = -(int32_t(1) << (36 - intBits));  // -32
        if (a < clamp) result = 0;
    }
    return a == 0 ? kMax : result;
}

int32_t oneOverOnePlusX(int32_t a) { return mulByPOT(newtonReciprocal(a), 1); }

int32_t logistic(int32_t a, int intBits) {
    if (a == 0) return 1 << 30;
    const bool positive = a > 0;
    const int32_t absA = positive ? a : -a;
    const int32_t ifPositive = oneOverOnePlusX(expOnNegativeValues(-absA, intBits));
    return positive ? ifPositive : sub(kMax, ifPositive);
}

int32_t tanh(int32_t a, int intBits) {
    if (a == 0) return 0;
    const bool negative = a < 0;
    const int32_t n = negative ? a : -a;
    // tanh(|a|) = (1 - exp(-2|a|)) / (1 + exp(-2|a|)); doubling = one more integer bit.
    const int32_t t = oneMinusXOverOnePlusX(expOnNegativeValues(n, intBits + 1));
    return negative ? -t : t;
}

int32_t getReciprocal(int32_t x, int xIntegerDigits, int *numBitsOverUnit) {
    int headroomPlusOne = 0;
    for (uint32_t u = uint32_t(x); headroomPlusOne < 32 && !(u & 0x80000000u); u <<= 1) ++headroomPlusOne;
    *numBitsOverUnit = xIntegerDigits - headroomPlusOne;
    const uint32_t shifted = headroomPlusOne >= 32 ? 0u : uint32_t(x) << headroomPlusOne;
    return oneOverOnePlusX(int32_t(shifted - 0x80000000u));
}

int32_t calculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits) {
    const double maxInputRescaled = 1.0 * double((1 << inputIntegerBits) - 1) *
                                    double(1LL << (totalSignedBits - inputIntegerBits)) /
                                    double(1LL << inputLeftShift);
    return int32_t(std::floor(maxInputRescaled));
}

bool checkedLog2(float x, int *log2Result) {
    // Float arithmetic on purpose: TFLite decides in float.
    const float xLog2 = std::log(x) * (1.0f / std::log(2.0f));
    const float rounded = std::round(xLog2);
    *log2Result = int(rounded);
    return std::fabs(xLog2 - rounded) < 1e-3f;
}

// sigmoid(i / 24) in 0.16 fixed point, the table TFLite and CMSIS-NN share.
// It is data, not a formula: a few entries differ by one from any simple
// rounding of sigmoid, so it is reproduced as published.
const uint16_t kSigmoidTableU16[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064,
    42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464,
    50942, 51409, 51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503,
    56823, 57133, 57433, 57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
    60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666,
    62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968,
    64030, 64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687,
    64721, 64754, 64786, 64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
    65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258, 65269, 65280, 65291,
    65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367, 65374, 65381, 65387, 65393, 65399, 65404,
    65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465,
    65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
    65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513, 65514, 65515, 65516,
    65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524, 65525, 65525,
    65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530,
    65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
    65535};

void genLutInt16(float (*func)(float), float inputMin, float inputMax, float outputMin, float outputMax,
                 int16_t *lut) {
    // Float throughout, in TFLite's order of operations, so the table is
    // bit-identical to the one TFLM builds at Prepare.
    const int steps = 512;
    const float step = (inputMax - inputMin) / float(steps);
    const float halfStep = step / 2;
    const float scaleInv = 65536.0f / (outputMax - outputMin);
    auto clampRound = [](float v) { return int16_t(std::min(std::max(v, -32768.0f), 32767.0f)); };
    for (int i = 0; i < steps; ++i) {
        const float val = func(inputMin + float(i) * step);
        const float valMid = func(inputMin + float(i) * step + halfStep);
        const float valNext = func(inputMin + float(i + 1) * step);
        const float sample = std::round(val * scaleInv);
        const float midInterp = std::round((valNext * scaleInv + std::round(val * scaleInv)) / 2);
        const float midExact = std::round(valMid * scaleInv);
        const float bias = std::round((midInterp - midExact) / 2);
        lut[i] = clampRound(sample - bias);
    }
    lut[steps] = clampRound(std::round(func(inputMax) * scaleInv));
}

int16_t lutLookup(int16_t value, const int16_t *lut) {
    const auto index = uint16_t(256 + (value >> 7));
    const auto offset = int16_t(value & 0x7f);
    const int16_t base = lut[index];
    const auto slope = int16_t(lut[index + 1] - lut[index]);
    const int delta = (slope * offset + 64) >> 7;
    return int16_t(base + delta);
}

int8_t logisticInt8(int8_t x, int32_t zp, int32_t radius, int32_t multiplier, int shift) {
    const int32_t in = int32_t(x) - zp;
    if (in <= -radius) return -128;
    if (in >= radius) return 127;
    const int32_t q4 = multiplyByQuantizedMultiplier(in, multiplier, shift);
    // Q0.31 -> Q0.8 (scale 1/256), then the -128 zero point.
    const int32_t r = roundingDivideByPOT(logistic(q4, 4), 31 - 8) - 128;
    return int8_t(std::min(127, std::max(-128, r)));
}

int8_t tanhInt8(int8_t x, int32_t zp, int32_t radius, int32_t multiplier, int shift) {
    const int32_t in = int32_t(x) - zp;
    if (in <= -radius) return -128;
    if (in >= radius) return 127;
    const int32_t q4 = multiplyByQuantizedMultiplier(in, multiplier, shift);
    const int32_t r = roundingDivideByPOT(tanh(q4, 4), 31 - 7);  // Q0.7, scale 1/128
    return int8_t(std::min(127, std::max(-128, r)));
}

namespace {

// Shared front end of the int16 paths: rescale so that 2^9 (logistic) or
// 2^8 (tanh) input steps span one table interval.
int32_t scaleInt16(int16_t x, int32_t multiplier, int shift) {
    const int32_t round = shift > 0 ? int32_t(1) << (shift - 1) : 0;
    return (int32_t(x) * multiplier + round) >> shift;
}

}  // namespace

int16_t logisticInt16(int16_t x, int32_t multiplier, int shift) {
    const int32_t v = scaleInt16(x, multiplier, shift);
    const uint32_t a = v < 0 ? uint32_t(-v) : uint32_t(v);
    const uint32_t uh = a >> 9;
    uint32_t r;
    if (uh >= 255) {
        r = 0x7FFFu << 10;
    } else {
        const uint32_t ua = kSigmoidTableU16[uh], ub = kSigmoidTableU16[uh + 1];
        r = (ua << 9) + (a & 0x1ffu) * (ub - ua);
    }
    // sigmoid(-x) = 1 - sigmoid(x); then Q0.25 -> Q0.15 with rounding.
    r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1u;
    return int16_t(r >> 10);
}

int16_t tanhInt16(int16_t x, int32_t multiplier, int shift) {
    const int32_t v = scaleInt16(x, multiplier, shift);
    const uint32_t a = v < 0 ? uint32_t(-v) : uint32_t(v);
    const uint32_t uh = a >> 8;
    int32_t r;
    if (uh >= 255) {
        r = 0xFFFF << 8;
    } else {
        const uint32_t ua = kSigmoidTableU16[uh], ub = kSigmoidTableU16[uh + 1];
        r = int32_t((ua << 8) + (a & 0xFFu) * (ub - ua));
    }
    // tanh(x) = 2 sigmoid(2x) - 1, odd; arithmetic shift back to Q0.15.
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    return int16_t(r >> 8);
}

namespace {

std::string sigmoidTableC() {
    std::string s = "/* sigmoid(i / 24) in 0.16 fixed point (TFLite's sigmoid_table_uint16) */\n"
                    "static const uint16_t ember_sigmoid_u16[256] = {";
    for (int i = 0; i < 256; ++i) {
        if (i % 12 == 0) s += "\n    ";
        s += std::to_string(kSigmoidTableU16[i]);
        if (i != 255) s += ", ";
    }
    return s + "\n};\n";
}

}  // namespace

void useFxHelper(EmitContext &ctx, const std::string &name) {
    if (name == "ember_satshl") {
        ctx.addHelper(name,
                      "/* gemmlowp SaturatingRoundingMultiplyByPOT for a positive exponent */\n"
                      "static inline int32_t ember_satshl(int32_t x, int e)\n"
                      "{\n"
                      "    int32_t threshold = (int32_t)(((int64_t)1 << (31 - e)) - 1);\n"
                      "    if (x > threshold) return INT32_MAX;\n"
                      "    if (x < -threshold) return INT32_MIN;\n"
                      "    return (int32_t)((uint32_t)x << e);\n"
                      "}\n");
    } else if (name == "ember_one_over_one_plus_x") {
        useHelper(ctx, "ember_srdhm");
        useFxHelper(ctx, "ember_satshl");
        ctx.addHelper(name,
                      "/* gemmlowp one_over_one_plus_x_for_x_in_0_1: Q0.31 in and out,\n"
                      "   three Newton-Raphson steps in Q2.29 */\n"
                      "static int32_t ember_one_over_one_plus_x(int32_t a)\n"
                      "{\n"
                      "    int64_t s = (int64_t)a + INT32_MAX;\n"
                      "    int32_t half_den = (int32_t)((s + (s >= 0 ? 1 : -1)) / 2);\n"
                      "    int32_t x = (int32_t)((uint32_t)1515870810 + (uint32_t)ember_srdhm(half_den, -1010580540));\n"
                      "    int i;\n"
                      "    for (i = 0; i < 3; ++i) {\n"
                      "        int32_t one_minus = (int32_t)((uint32_t)(1 << 29) - (uint32_t)ember_srdhm(half_den, x));\n"
                      "        x = (int32_t)((uint32_t)x + (uint32_t)ember_satshl(ember_srdhm(x, one_minus), 2));\n"
                      "    }\n"
                      "    return ember_satshl(x, 1);\n"
                      "}\n");
    } else if (name == "ember_clz32") {
        ctx.addHelper(name,
                      "/* count leading zeros (32 for 0) */\n"
                      "static int ember_clz32(uint32_t x)\n"
                      "{\n"
                      "    int n = 0;\n"
                      "    while (n < 32 && !(x & 0x80000000u)) {\n"
                      "        x <<= 1;\n"
                      "        ++n;\n"
                      "    }\n"
                      "    return n;\n"
                      "}\n");
    } else if (name == "ember_sigmoid_u16") {
        ctx.addHelper(name, sigmoidTableC());
    } else if (name == "ember_lut_lookup_i16") {
        ctx.addHelper(name,
                      "/* tflite LUTLookup: 513-entry Q0.15 table, linear interpolation */\n"
                      "static inline int16_t ember_lut_lookup_i16(int16_t v, const int16_t *lut)\n"
                      "{\n"
                      "    int index = 256 + (v >> 7);\n"
                      "    int offset = v & 0x7f;\n"
                      "    int slope = (int16_t)(lut[index + 1] - lut[index]);\n"
                      "    return (int16_t)(lut[index] + ((slope * offset + 64) >> 7));\n"
                      "}\n");
    } else {
        EMBER_ASSERT(!"unknown fixed-point helper");
    }
}

}  // namespace ember::fx
