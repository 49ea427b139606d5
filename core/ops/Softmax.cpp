// SOFTMAX over the last dimension (TFLM softmax_common.cc, reference/softmax.h).
//   float32: exp((x - max) * beta) / sum.
//   int8 -> int8 (scale 1/256, zp -128) or int8 -> int16 (scale 1/65536,
//     zp -32768): gemmlowp fixed point. (x - max) * beta * s_in is formed in
//     Q5.26, exp'd to Q0.31, summed in Q12.19, and the sum is inverted with
//     GetReciprocal. Differences below diff_min contribute nothing.
//   int16 -> int16 (scale 1/32768, zp 0): two 513-entry lookup tables (exp on
//     [-10, 0] and 1 / (1 + x) on [0, 1]) built exactly as TFLM builds them.
// For int8 input the exp of every possible difference (0..255 steps below
// the row maximum) is computed at compile time into a 256-entry table; under
// --optimize size the generated C computes it instead (ember_softmax_exp).
#include <limits>
#include <vector>

#include "FixedPoint.h"
#include "Target.h"
#include "UnaryOp.h"

namespace ember {
namespace {

constexpr int kScaledDiffIntegerBits = 5;
constexpr int kAccumulationIntegerBits = 12;

struct SoftmaxParams {
    DType inType = DType::Float32, outType = DType::Float32;
    float beta = 1.f;
    int64_t rows = 0, depth = 0;
    int32_t multiplier = 0;  // int8: Q31 of beta * s_in * 2^26; int16: beta * s_in / (10 / 65535)
    int shift = 0;           // int8: left shift; int16: MultiplyByQuantizedMultiplier shift
    int32_t diffMin = 0;     // int8
    std::vector<int16_t> expLut, recipLut;  // int16, 513 entries each
};

bool checkOutputQuant(const Graph &g, const Op &op, Diagnostics &d, const Tensor &out, double scale, int32_t zp,
                      bool exact) {
    const double s = out.quant.sc();
    const bool scaleOk = exact ? s == scale : std::fabs(s - scale) <= 0.001 * scale;
    if (out.quant.zp() == zp && scaleOk) return true;
    return unary::fail(g, op, d,
                       std::string(dtypeName(out.dtype)) + " softmax output must have scale " +
                           std::to_string(scale) + " and zero point " + std::to_string(zp) + " (got scale " +
                           std::to_string(s) + ", zero point " + std::to_string(out.quant.zp()) +
                           "); re-export the model with the TFLite converter's defaults",
                       op.outputs[0]);
}

bool prepareQuantized(const Graph &g, const Op &op, Diagnostics &d, SoftmaxParams &p) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) || !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
        return false;
    if (!(p.beta > 0.f))
        return unary::fail(g, op, d, "quantized softmax needs a positive beta (got " + std::to_string(p.beta) +
                                         "); re-export the model");
    if (in.dtype == DType::Int16) {
        if (!checkOutputQuant(g, op, d, out, 1.0 / 32768, 0, false)) return false;
        // Scale the differences so that [-65535, 0] covers exp's [-10, 0].
        const double m = double(in.quant.sc()) * double(p.beta) / (10.0 / 65535.0);
        quantizeMultiplier(m, &p.multiplier, &p.shift);
        p.expLut.resize(513);
        p.recipLut.resize(513);
        fx::genLutInt16([](float v) { return std::exp(v); }, -10.0f, 0.0f, -1.0f, 1.0f, p.expLut.data());
        fx::genLutInt16([](float v) { return 1.0f / (1.0f + v); }, 0.0f, 1.0f, -1.0f, 1.0f, p.recipLut.data());
        return true;
    }
    const bool ok = out.dtype == DType::Int8 ? checkOutputQuant(g, op, d, out, 1.0 / 256, -128, true)
                                             : checkOutputQuant(g, op, d, out, 1.0 / 65536, -32768, false);
    if (!ok) return false;
    // tflite::PreprocessSoftmaxScaling into Q5.26, capped at 2^31 - 1.
    const double real = std::min(double(p.beta) * double(in.quant.sc()) * double(1 << (31 - kScaledDiffIntegerBits)),
                                 double((1LL << 31) - 1));
    if (!(real > 1.0))
        return unary::fail(g, op, d, "input scale times beta is too small for int8 softmax (" +
                                         std::to_string(real) + " <= 1 in Q5.26); re-export the model",
                           op.inputs[0]);
    quantizeMultiplier(real, &p.multiplier, &p.shift);
    p.diffMin = -fx::calculateInputRadius(kScaledDiffIntegerBits, p.shift, 31);
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (in.shape.empty())
        return unary::fail(g, op, d, "softmax needs an input with at least one dimension", op.inputs[0]);
    const bool pairOk = (in.dtype == DType::Float32 && out.dtype == DType::Float32) ||
                        (in.dtype == DType::Int8 && (out.dtype == DType::Int8 || out.dtype == DType::Int16)) ||
                        (in.dtype == DType::Int16 && out.dtype == DType::Int16);
    if (!pairOk)
        return unary::fail(g, op, d,
                           std::string("softmax from ") + dtypeName(in.dtype) + " to " + dtypeName(out.dtype) +
                               " is not supported; supported: float32 to float32, int8 to int8/int16, int16 to int16",
                           op.outputs[0]);
    SoftmaxParams p;
    p.inType = in.dtype;
    p.outType = out.dtype;
    p.beta = op.attrs.beta;
    p.depth = in.shape.back();
    p.rows = p.depth > 0 ? in.elements() / p.depth : 0;
    if (!std::isfinite(p.beta)) return unary::fail(g, op, d, "beta must be a finite number; re-export the model");
    if (in.dtype != DType::Float32 && !prepareQuantized(g, op, d, p)) return false;
    op.params = std::move(p);
    return true;
}

// exp((x - max) * beta * s_in) in Q0.31 for one int8 difference (<= 0).
int32_t expOfDiff(const SoftmaxParams &p, int32_t diff) {
    if (diff < p.diffMin) return 0;  // contributes nothing, outputs the minimum
    const int32_t scaled =
        saturatingRoundingDoublingHighMul(int32_t(uint32_t(diff) << p.shift), p.multiplier);  // Q5.26
    return fx::expOnNegativeValues(scaled, kScaledDiffIntegerBits);
}

template <class Out>
void evalInt8Row(const SoftmaxParams &p, const int8_t *x, Out *y) {
    int32_t mx = -128;
    for (int64_t c = 0; c < p.depth; ++c) mx = std::max<int32_t>(mx, x[c]);
    int32_t sum = 0;  // Q12.19
    for (int64_t c = 0; c < p.depth; ++c)
        sum = int32_t(uint32_t(sum) + uint32_t(fx::rescale(expOfDiff(p, x[c] - mx), 0, kAccumulationIntegerBits)));
    int bitsOverUnit = 0;
    const int32_t scale = fx::getReciprocal(sum, kAccumulationIntegerBits, &bitsOverUnit);
    const int exponent = bitsOverUnit + 31 - int(sizeof(Out) * 8);
    const int32_t lo = std::numeric_limits<Out>::min(), hi = std::numeric_limits<Out>::max();
    for (int64_t c = 0; c < p.depth; ++c) {
        const int32_t e = expOfDiff(p, x[c] - mx);
        const int32_t v = roundingDivideByPOT(saturatingRoundingDoublingHighMul(scale, e), exponent) + lo;
        y[c] = Out(std::min(hi, std::max(lo, v)));
    }
}

void evalInt16Row(const SoftmaxParams &p, const int16_t *x, int16_t *y) {
    int32_t mx = -32768;
    for (int64_t c = 0; c < p.depth; ++c) mx = std::max<int32_t>(mx, x[c]);
    int32_t sum = 0;  // Q16.15
    for (int64_t c = 0; c < p.depth; ++c) {
        const int32_t scaled = multiplyByQuantizedMultiplier(x[c] - mx, p.multiplier, p.shift) + 32767;
        y[c] = fx::lutLookup(int16_t(std::min(32767, std::max(-32768, scaled))), p.expLut.data());
        sum += y[c];
    }
    int headroomPlusOne = 0;
    for (uint32_t u = uint32_t(sum); headroomPlusOne < 32 && !(u & 0x80000000u); u <<= 1) ++headroomPlusOne;
    const auto shiftedSum = int32_t(((int64_t(sum) << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
    // 1 / (1 + x) with x = sum - 1, recentred to the table's [-32768, 32767].
    const int32_t sym = shiftedSum - ((1 << 15) + (1 << 16));
    const int16_t recip = fx::lutLookup(int16_t(std::min(32767, std::max(-32768, sym))), p.recipLut.data());
    const int rightShift = 31 - headroomPlusOne;
    const int64_t round = int64_t(1) << (rightShift - 1);
    for (int64_t c = 0; c < p.depth; ++c) {
        const auto v = int32_t((int64_t(y[c]) * int64_t(recip) + round) >> rightShift);
        y[c] = int16_t(std::min(32767, std::max(0, v)));
    }
}

void evalFloatRow(const SoftmaxParams &p, const float *x, float *y) {
    float mx = std::numeric_limits<float>::lowest();
    for (int64_t c = 0; c < p.depth; ++c) mx = std::max(mx, x[c]);
    float sum = 0.f;
    for (int64_t c = 0; c < p.depth; ++c) {
        y[c] = std::exp((x[c] - mx) * p.beta);
        sum += y[c];
    }
    for (int64_t c = 0; c < p.depth; ++c) y[c] = y[c] / sum;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const SoftmaxParams &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    for (int64_t r = 0; r < p.rows; ++r) {
        const int64_t o = r * p.depth;
        if (p.inType == DType::Float32)
            evalFloatRow(p, reinterpret_cast<const float *>(src) + o, reinterpret_cast<float *>(dst) + o);
        else if (p.inType == DType::Int16)
            evalInt16Row(p, reinterpret_cast<const int16_t *>(src) + o, reinterpret_cast<int16_t *>(dst) + o);
        else if (p.outType == DType::Int8)
            evalInt8Row(p, reinterpret_cast<const int8_t *>(src) + o, reinterpret_cast<int8_t *>(dst) + o);
        else
            evalInt8Row(p, reinterpret_cast<const int8_t *>(src) + o, reinterpret_cast<int16_t *>(dst) + o);
    }
}

// Opens the per-row loop: `x`/`y` point at the row, `mx` is its maximum.
void emitRowStart(const SoftmaxParams &p, const Tensor &in, EmitContext &ctx, const std::string &mxInit) {
    const std::string it = dtypeCType(p.inType), ot = dtypeCType(p.outType);
    const std::string depth = std::to_string(p.depth);
    // Rows are the leading axes; under --dim their count is a run-time value.
    const std::string rows = ctx.inputDynamic(0) ? ctx.inputCount(0, in.shape, 0, int(in.shape.size()) - 1)
                                                 : std::to_string(p.rows);
    ctx.line("for (int32_t r = 0; r < " + rows + "; ++r) {");
    ctx.line("const " + it + " *x = " + ctx.inputs[0] + " + r * " + depth + ";", 2);
    ctx.line(ot + " *y = " + ctx.outputs[0] + " + r * " + depth + ";", 2);
    ctx.line((p.inType == DType::Float32 ? "float" : "int32_t") + std::string(" mx = ") + mxInit + ";", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
    ctx.line("if (x[c] > mx) mx = x[c];", 3);
}

// --optimize size: the exp of one difference computed where it is needed
// instead of read from the 1 KB table: TFLM's
// MultiplyByQuantizedMultiplierGreaterThanOne into Q5.26, then gemmlowp's
// exp_on_negative_values<5> (expOnNegativeValues above, the same steps in C).
void useSoftmaxExpHelper(EmitContext &ctx) {
    useHelper(ctx, "ember_srdhm");
    useHelper(ctx, "ember_rdbpot");
    ctx.addHelper("ember_softmax_exp",
                  "/* --optimize size: exp(diff * beta * s_in) in Q0.31 for diff = x - max <= 0, as TFLM:\n"
                  " * 0 below diff_min; else diff * 2^shift * mult into Q5.26 and gemmlowp's\n"
                  " * exp_on_negative_values: a Taylor polynomial on [-1/4, 0) around -1/8, times\n"
                  " * exp(-2^k) for each bit k = -2..4 of the rest. */\n"
                  "static int32_t ember_softmax_exp(int32_t diff, int32_t mult, int shift, int32_t diff_min)\n"
                  "{\n"
                  "    static const int32_t exp_pot[7] = {1672461947, 1302514674, 790015084, 290630308,\n"
                  "                                       39332535,   720401,     242};\n"
                  "    int32_t a, r, x, x2, x4, poly, e;\n"
                  "    int k;\n"
                  "    if (diff < diff_min) return 0;\n"
                  "    a = ember_srdhm((int32_t)((uint32_t)diff << shift), mult);\n"
                  "    if (a == 0) return INT32_MAX;\n"
                  "    r = (int32_t)((uint32_t)(a & ((1 << 24) - 1)) - (1u << 24)); /* a mod 1/4 - 1/4 */\n"
                  "    x = (int32_t)(((uint32_t)r << 5) + (1u << 28));             /* Q0.31, + 1/8 */\n"
                  "    x2 = ember_srdhm(x, x);\n"
                  "    x4 = ember_srdhm(x2, x2);\n"
                  "    poly = (int32_t)((uint32_t)ember_rdbpot(x4, 2) + (uint32_t)ember_srdhm(x2, x));\n"
                  "    poly = ember_rdbpot((int32_t)((uint32_t)ember_srdhm(poly, 715827883) + (uint32_t)x2), 1);\n"
                  "    e = (int32_t)(1895147668u + (uint32_t)ember_srdhm(1895147668, (int32_t)((uint32_t)x + (uint32_t)poly)));\n"
                  "    r = (int32_t)((uint32_t)r - (uint32_t)a);\n"
                  "    for (k = 0; k < 7; ++k)\n"
                  "        if (r & ((int32_t)1 << (24 + k))) e = ember_srdhm(e, exp_pot[k]);\n"
                  "    return e;\n"
                  "}\n");
}

void emitInt8(const SoftmaxParams &p, const Tensor &in, EmitContext &ctx) {
    // The exp of max - x: a table of all 256 differences, or (size) computed.
    std::string expOf;
    const bool size = optimizeForSize(emitOptimizeMode());
    if (size) {
        useSoftmaxExpHelper(ctx);
        expOf = "ember_softmax_exp(x[c] - mx, " + cInt(p.multiplier) + ", " + std::to_string(p.shift) + ", " +
                std::to_string(p.diffMin) + ")";
    } else {
        std::vector<int32_t> table(256);
        for (int k = 0; k < 256; ++k) table[size_t(k)] = expOfDiff(p, -k);
        expOf = ctx.constantI32("exp", table, "SOFTMAX exp(-k steps) in Q0.31, k = 0..255") + "[mx - x[c]]";
    }
    useHelper(ctx, "ember_rdbpot");
    useHelper(ctx, "ember_srdhm");
    useHelper(ctx, "ember_clamp");
    fx::useFxHelper(ctx, "ember_clz32");
    fx::useFxHelper(ctx, "ember_one_over_one_plus_x");
    const bool out16 = p.outType == DType::Int16;
    const std::string depth = std::to_string(p.depth);
    ctx.line("/* SOFTMAX int8 -> " + std::string(dtypeName(p.outType)) + " " + shapeString(in.shape) + ", beta " +
             cFloat(p.beta) + ": gemmlowp fixed point, " +
             (size ? "--optimize size: exp computed per element" : "exp table indexed by max - x") + " (diff_min " +
             std::to_string(p.diffMin) + "), sum in Q12.19 */");
    emitRowStart(p, in, ctx, "-128");
    ctx.line("int32_t sum = 0;", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
    ctx.line("sum += ember_rdbpot(" + expOf + ", " + std::to_string(kAccumulationIntegerBits) + ");", 3);
    ctx.line("int hpo = ember_clz32((uint32_t)sum);", 2);
    ctx.line("int32_t scale = ember_one_over_one_plus_x((int32_t)(((uint32_t)sum << hpo) - 0x80000000u));", 2);
    ctx.line("int e = " + std::to_string(kAccumulationIntegerBits) + " - hpo + " + (out16 ? "15" : "23") + ";", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
    ctx.line("int32_t v = ember_rdbpot(ember_srdhm(scale, " + expOf + "), e) + " + (out16 ? "(-32768)" : "(-128)") +
                 ";",
             3);
    ctx.line("y[c] = (" + std::string(dtypeCType(p.outType)) + ")ember_clamp(v, " +
                 (out16 ? "-32768, 32767" : "-128, 127") + ");",
             3);
    ctx.line("}", 2);
    ctx.line("}");
}

void emitInt16(const SoftmaxParams &p, const Tensor &in, EmitContext &ctx) {
    const std::string expLut = ctx.constant("exp_lut", DType::Int16, p.expLut.data(), 513,
                                            "exp(x) on [-10, 0], Q0.15, TFLM gen_lut");
    const std::string recipLut = ctx.constant("recip_lut", DType::Int16, p.recipLut.data(), 513,
                                              "1 / (1 + x) on [0, 1], Q0.15, TFLM gen_lut");
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    fx::useFxHelper(ctx, "ember_clz32");
    fx::useFxHelper(ctx, "ember_lut_lookup_i16");
    const std::string depth = std::to_string(p.depth);
    ctx.line("/* SOFTMAX int16 " + shapeString(in.shape) + ", beta " + cFloat(p.beta) +
             ": exp and reciprocal lookup tables, Q0.15 out (exps cached in y) */");
    emitRowStart(p, in, ctx, "-32768");
    ctx.line("int32_t sum = 0;", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
    ctx.line("int32_t d = ember_mbqm((int32_t)x[c] - mx, " + cInt(p.multiplier) + ", " + std::to_string(p.shift) +
                 ") + 32767;",
             3);
    ctx.line("y[c] = ember_lut_lookup_i16((int16_t)ember_clamp(d, -32768, 32767), " + expLut + ");", 3);
    ctx.line("sum += y[c];", 3);
    ctx.line("}", 2);
    ctx.line("int hpo = ember_clz32((uint32_t)sum);", 2);
    ctx.line("int32_t shifted = (int32_t)((((int64_t)sum << (hpo - 1)) + (1 << 13)) >> 14);", 2);
    ctx.line("int32_t sym = ember_clamp(shifted - ((1 << 15) + (1 << 16)), -32768, 32767);", 2);
    ctx.line("int64_t recip = ember_lut_lookup_i16((int16_t)sym, " + recipLut + ");", 2);
    ctx.line("int rs = 31 - hpo;", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
    ctx.line("int32_t v = (int32_t)(((int64_t)y[c] * recip + ((int64_t)1 << (rs - 1))) >> rs);", 3);
    ctx.line("y[c] = (int16_t)ember_clamp(v, 0, 32767);", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

void emitFloat(const SoftmaxParams &p, const Tensor &in, EmitContext &ctx) {
    const std::string depth = std::to_string(p.depth);
    ctx.line("/* SOFTMAX float32 " + shapeString(in.shape) + ", beta " + cFloat(p.beta) + " */");
    emitRowStart(p, in, ctx, "-FLT_MAX");
    ctx.line("float sum = 0.0f;", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
    ctx.line("y[c] = expf((x[c] - mx) * " + cFloat(p.beta) + ");", 3);
    ctx.line("sum += y[c];", 3);
    ctx.line("}", 2);
    ctx.line("for (int32_t c = 0; c < " + depth + "; ++c)", 2);
    ctx.line("y[c] = y[c] / sum;", 3);
    ctx.line("}");
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const SoftmaxParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    if (p.inType == DType::Int8)
        emitInt8(p, in, ctx);
    else if (p.inType == DType::Int16)
        emitInt16(p, in, ctx);
    else
        emitFloat(p, in, ctx);
}

}  // namespace

const OpKernel kSoftmax = {OpType::Softmax, prepare, eval, emit, nullptr, "float32, int8 -> int8/int16, int16"};

}  // namespace ember
