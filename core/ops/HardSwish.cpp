// HARD_SWISH (TFLM hard_swish.cc, hard_swish_common.cc, reference/hard_swish.h):
// y = x * relu6(x + 3) / 6.
//   float32: in TFLM's order of operations.
//   int8: TFLM's 16-bit fixed-point path. The input (minus its zero point,
//     times 2^7) is brought to the output scale by one int16 multiplier and,
//     separately, to a "relu-ish" factor in [0, 1] (3.0 maps to 32768) by
//     another; their truncating product is shifted to the output. All of it
//     runs in int16 arithmetic, wrap-arounds included, so it is reproduced
//     with int16 types and tabulated for the 256 inputs.
#include <limits>

#include "UnaryLut.h"
#include "UnaryOp.h"

namespace ember {
namespace {

struct HardSwishParams {
    DType dtype = DType::Float32;
    unary::Lut8 lut{};
    std::string what;
};

// gemmlowp's int16 SaturatingRoundingDoublingHighMul.
int16_t srdhm16(int16_t a, int16_t b) {
    if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
    const int32_t ab = int32_t(a) * int32_t(b);
    const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    return int16_t((ab + nudge) / (1 << 15));
}

// reference_ops::SaturatingDoublingHighMul: the same, truncating.
int16_t sdhm16(int16_t a, int16_t b) {
    if (a == b && a == std::numeric_limits<int16_t>::min()) return std::numeric_limits<int16_t>::max();
    return int16_t((int32_t(a) * int32_t(b)) / (1 << 15));
}

// gemmlowp RoundingDivideByPOT instantiated for int16: the mask is
// (2^e - 1) truncated to 16 bits, so exponents >= 16 behave oddly (x >= 0
// gives 1); TFLM does the same.
int16_t rdbpot16(int16_t x, int e) {
    const auto mask = int16_t((1LL << e) - 1);
    const auto remainder = int16_t(x & mask);
    const auto threshold = int16_t(int16_t(mask >> 1) + (x < 0 ? 1 : 0));
    return int16_t(int16_t(x >> e) + (remainder > threshold ? 1 : 0));
}

int16_t satLeftShift16(int16_t v, int amount) {
    const int64_t r = int64_t(v) * (int64_t(1) << amount);
    return int16_t(std::min<int64_t>(32767, std::max<int64_t>(-32768, r)));
}

// tflite::DownScaleInt32ToInt16Multiplier.
int16_t downScale(int32_t m) {
    if (m >= std::numeric_limits<int32_t>::max() - (1 << 15)) return std::numeric_limits<int16_t>::max();
    return int16_t((m + (1 << 15)) >> 16);
}

struct Fixed {
    int32_t inZp, outZp;
    int16_t outMult, reluishMult;
    int outExp, reluishExp;
};

int8_t hardSwishInt8(const Fixed &f, int8_t x) {
    const auto in = int16_t(int32_t(x) - f.inZp);
    const auto hires = int16_t(in * (1 << 7));
    const int16_t preshiftOut = srdhm16(hires, f.outMult);
    int16_t reluish = hires;
    if (f.reluishExp > 0) reluish = satLeftShift16(reluish, f.reluishExp - 1);
    reluish = srdhm16(reluish, f.reluishMult);
    if (f.reluishExp > 0) reluish = satLeftShift16(reluish, 1);
    if (f.reluishExp < 0) reluish = rdbpot16(reluish, -f.reluishExp);
    reluish = int16_t((reluish + (1 << 15)) >> 1);  // [-1, 1] -> [0, 1]
    int16_t out = rdbpot16(sdhm16(reluish, preshiftOut), -f.outExp);
    out = int16_t(out + f.outZp);  // int16 wrap-around as in TFLM
    return int8_t(std::max<int16_t>(-128, std::min<int16_t>(127, out)));
}

float hardSwishFloat(float v) {
    const float relu = std::max(0.f, v + 3);
    return v * std::min(6.f, relu) / 6;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkShape(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!unary::checkSameTypeOneOf(g, op, d, {DType::Float32, DType::Int8})) return false;
    HardSwishParams p;
    p.dtype = in.dtype;
    if (in.dtype == DType::Int8) {
        if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) ||
            !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
            return false;
        Fixed f{};
        f.inZp = in.quant.zp();
        f.outZp = out.quant.zp();
        // Float products first, as TFLM forms them, then widened to double.
        const float hiresInScale = (1.0f / 128.0f) * in.quant.sc();
        const float reluishScale = 3.0f / 32768.0f;
        int32_t m32 = 0;
        quantizeMultiplier(double(hiresInScale / out.quant.sc()), &m32, &f.outExp);
        f.outMult = downScale(m32);
        quantizeMultiplier(double(hiresInScale / reluishScale), &m32, &f.reluishExp);
        f.reluishMult = downScale(m32);
        if (f.outExp > 0)
            return unary::fail(g, op, d, "int8 HARD_SWISH needs an output scale above input scale / 128 (got " +
                                             std::to_string(out.quant.sc()) + " for input scale " +
                                             std::to_string(in.quant.sc()) + "); re-export the model",
                               op.outputs[0]);
        if (f.outExp < -31 || f.reluishExp < -31 || f.reluishExp > 31)
            return unary::fail(g, op, d, "int8 HARD_SWISH scales are too far apart for TFLM's fixed-point path "
                                         "(input " + std::to_string(in.quant.sc()) + ", output " +
                                             std::to_string(out.quant.sc()) + "); re-export the model",
                               op.outputs[0]);
        p.lut = unary::makeLut8([&](int8_t x) { return hardSwishInt8(f, x); });
        p.what = "HARD_SWISH int8 " + shapeString(in.shape) + ", zp " + std::to_string(f.inZp) + " -> " +
                 std::to_string(f.outZp) + ", int16 multipliers " + std::to_string(f.outMult) + " * 2^" +
                 std::to_string(f.outExp) + " (output), " + std::to_string(f.reluishMult) + " * 2^" +
                 std::to_string(f.reluishExp) + " (relu-ish)";
    }
    op.params = std::move(p);
    return true;
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const HardSwishParams &>(op.params);
    if (p.dtype == DType::Int8) return unary::evalLut8(p.lut, g, op, b);
    const int64_t n = g.in(op, 0).elements();
    const auto *x = reinterpret_cast<const float *>(b[size_t(op.inputs[0])].data());
    auto *y = reinterpret_cast<float *>(b[size_t(op.outputs[0])].data());
    for (int64_t i = 0; i < n; ++i) y[i] = hardSwishFloat(x[i]);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const HardSwishParams &>(op.params);
    if (p.dtype == DType::Int8) return unary::emitLut8(p.lut, g, op, ctx, p.what);
    const Tensor &in = g.in(op, 0);
    ctx.line("/* HARD_SWISH float32 " + shapeString(in.shape) + ": x * min(6, max(0, x + 3)) / 6 */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i) {");
    ctx.line("float v = " + ctx.inputs[0] + "[i];", 2);
    ctx.line("float relu = 0.0f < v + 3.0f ? v + 3.0f : 0.0f;", 2);
    ctx.line(ctx.outputs[0] + "[i] = v * (relu < 6.0f ? relu : 6.0f) / 6.0f;", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kHardSwish;
const OpKernel kHardSwish = {OpType::HardSwish, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
