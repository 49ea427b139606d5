#include "SigmoidTanh.h"

#include "FixedPoint.h"
#include "UnaryOp.h"

namespace ember::sigmoidtanh {
namespace {

struct Params {
    Fn fn = Fn::Logistic;
    DType dtype = DType::Float32;
    int32_t zp = 0, radius = 0;  // int8
    int32_t multiplier = 0;       // int8: Q31 multiplier; int16: small integer multiplier
    int shift = 0;                // int8: left shift; int16: rounding right shift
};

const char *fnName(Fn fn) { return fn == Fn::Logistic ? "LOGISTIC" : "TANH"; }

bool nearScale(float s, double target) { return std::fabs(double(s) - target) <= 1e-3 * target; }

// int8: the input is scaled to Q4.27 (4 integer bits) for gemmlowp; inputs
// beyond the radius saturate before the multiplication could overflow.
bool prepareInt8(const Graph &g, const Op &op, Diagnostics &d, Params &p) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    const bool logistic = p.fn == Fn::Logistic;
    const int32_t wantZp = logistic ? -128 : 0;
    const double wantScale = logistic ? 1.0 / 256 : 1.0 / 128;
    if (out.quant.zp() != wantZp || !nearScale(out.quant.sc(), wantScale))
        return unary::fail(g, op, d,
                           std::string("int8 ") + fnName(p.fn) + " output must have scale " +
                               (logistic ? "1/256 and zero point -128" : "1/128 and zero point 0") + " (got scale " +
                               std::to_string(out.quant.sc()) + ", zero point " + std::to_string(out.quant.zp()) +
                               "); re-export the model with the TFLite converter's defaults",
                           op.outputs[0]);
    const double real = double(in.quant.sc()) * double(1 << (31 - 4));
    const double q = std::frexp(real, &p.shift);
    p.multiplier = int32_t(int64_t(std::round(q * double(1LL << 31))));
    if (p.shift < 0 || p.shift > 30)
        return unary::fail(g, op, d, "input scale " + std::to_string(in.quant.sc()) +
                                         " is out of the supported range [2^-27, 2^3]; re-export the model",
                           op.inputs[0]);
    p.zp = in.quant.zp();
    p.radius = fx::calculateInputRadius(4, p.shift, 31);
    return true;
}

// int16: symmetric, output Q0.15; the input is rescaled so that the sigmoid
// table's 256 intervals cover about [-10.7, 10.7] (TFLM's Prepare).
bool prepareInt16(const Graph &g, const Op &op, Diagnostics &d, Params &p) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (in.quant.zp() != 0 || out.quant.zp() != 0)
        return unary::fail(g, op, d, std::string("int16 ") + fnName(p.fn) +
                                         " needs zero points of 0 on input and output; re-export the model",
                           in.quant.zp() != 0 ? op.inputs[0] : op.outputs[0]);
    int outLog2 = 0;
    if (!fx::checkedLog2(out.quant.sc(), &outLog2) || outLog2 != -15)
        return unary::fail(g, op, d, std::string("int16 ") + fnName(p.fn) + " output scale must be 2^-15 (got " +
                                         std::to_string(out.quant.sc()) + "); re-export the model",
                           op.outputs[0]);
    int inLog2 = 0;
    bool pot = fx::checkedLog2(in.quant.sc(), &inLog2);
    const int potShift = (15 - 3) + inLog2;
    pot = pot && (potShift == 0 || (p.fn == Fn::Tanh && potShift == 1));
    if (pot) {
        // Power-of-two scale: the multiplier is just 3 (for the 3/4 range
        // expansion) times the leftover power of two.
        p.multiplier = 3 << potShift;
        p.shift = 0;
        return true;
    }
    double m = double(in.quant.sc()) * 4096.0 * 3.0;
    int shift = 0;
    while (m <= 32767.0 / 2.0 && shift <= 30) {
        ++shift;
        m *= 2.0;
    }
    if (m > 32767.0)
        return unary::fail(g, op, d, "input scale " + std::to_string(in.quant.sc()) +
                                         " is too large for int16 " + fnName(p.fn) + "; re-export the model",
                           op.inputs[0]);
    p.multiplier = int32_t(m);
    p.shift = shift;
    return true;
}

}  // namespace

bool prepare(Graph &g, Op &op, Diagnostics &d, Fn fn) {
    if (!unary::checkActivationTypes(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    Params p;
    p.fn = fn;
    p.dtype = in.dtype;
    if (in.dtype != DType::Float32) {
        if (!unary::checkPerTensorQuant(g, op, d, op.inputs[0]) ||
            !unary::checkPerTensorQuant(g, op, d, op.outputs[0]))
            return false;
        const bool ok = in.dtype == DType::Int8 ? prepareInt8(g, op, d, p) : prepareInt16(g, op, d, p);
        if (!ok) return false;
    }
    op.params = p;
    return true;
}

namespace {

int8_t int8Value(const Params &p, int8_t x) {
    return p.fn == Fn::Logistic ? fx::logisticInt8(x, p.zp, p.radius, p.multiplier, p.shift)
                                : fx::tanhInt8(x, p.zp, p.radius, p.multiplier, p.shift);
}

float floatValue(Fn fn, float v) {
    if (fn == Fn::Tanh) return std::tanh(v);
    // TFLite's reference: saturate above the point where the float result is
    // exactly 1, use exp(x) far below zero, the plain formula in between.
    if (v > 16.619047164916992188f) return 1.0f;
    if (v < -9.0f) return std::exp(v);
    return 1.0f / (1.0f + std::exp(-v));
}

}  // namespace

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Int8) {
        const auto *in = reinterpret_cast<const int8_t *>(src);
        auto *out = reinterpret_cast<int8_t *>(dst);
        for (int64_t i = 0; i < n; ++i) out[i] = int8Value(p, in[i]);
    } else if (p.dtype == DType::Int16) {
        const auto *in = reinterpret_cast<const int16_t *>(src);
        auto *out = reinterpret_cast<int16_t *>(dst);
        for (int64_t i = 0; i < n; ++i)
            out[i] = p.fn == Fn::Logistic ? fx::logisticInt16(in[i], p.multiplier, p.shift)
                                          : fx::tanhInt16(in[i], p.multiplier, p.shift);
    } else {
        const auto *in = reinterpret_cast<const float *>(src);
        auto *out = reinterpret_cast<float *>(dst);
        for (int64_t i = 0; i < n; ++i) out[i] = floatValue(p.fn, in[i]);
    }
}

namespace {

// int8: the op is a function of one byte, so the exact fixed-point results
// for all 256 inputs are computed now and the C code is one table lookup.
void emitInt8(const Params &p, const Tensor &in, EmitContext &ctx) {
    int8_t lut[256];
    for (int i = 0; i < 256; ++i) lut[i] = int8Value(p, int8_t(i - 128));
    const std::string table = ctx.constant("lut", DType::Int8, lut, 256,
                                           std::string(fnName(p.fn)) + " of int8 inputs -128..127");
    ctx.line(std::string("/* ") + fnName(p.fn) + " int8 " + shapeString(in.shape) + ": table of TFLM's fixed-point " +
             "results (input zp " + std::to_string(p.zp) + ", Q4.27 multiplier " + std::to_string(p.multiplier) +
             " << " + std::to_string(p.shift) + ") */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i)");
    ctx.line(ctx.outputs[0] + "[i] = " + table + "[(int32_t)" + ctx.inputs[0] + "[i] + 128];", 2);
}

void emitInt16(const Params &p, const Tensor &in, EmitContext &ctx) {
    fx::useFxHelper(ctx, "ember_sigmoid_u16");
    const bool logistic = p.fn == Fn::Logistic;
    const std::string round = p.shift > 0 ? std::to_string(1 << (p.shift - 1)) : "0";
    ctx.line(std::string("/* ") + fnName(p.fn) + " int16 " + shapeString(in.shape) + ": (x * " +
             std::to_string(p.multiplier) + ") >> " + std::to_string(p.shift) +
             ", interpolated sigmoid table, Q0.15 out */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i) {");
    ctx.line("int32_t v = ((int32_t)" + ctx.inputs[0] + "[i] * " + std::to_string(p.multiplier) + " + " + round +
                 ") >> " + std::to_string(p.shift) + ";",
             2);
    ctx.line("uint32_t a = v < 0 ? (uint32_t)(-v) : (uint32_t)v;", 2);
    const std::string bits = logistic ? "9" : "8";
    ctx.line("uint32_t uh = a >> " + bits + ";", 2);
    ctx.line(std::string(logistic ? "uint32_t" : "int32_t") + " r;", 2);
    ctx.line("if (uh >= 255u) {", 2);
    ctx.line(logistic ? "r = 0x7FFFu << 10;" : "r = 0xFFFF << 8;", 3);
    ctx.line("} else {", 2);
    ctx.line("uint32_t ua = ember_sigmoid_u16[uh], ub = ember_sigmoid_u16[uh + 1];", 3);
    if (logistic)
        ctx.line("r = (ua << 9) + (a & 0x1FFu) * (ub - ua);", 3);
    else
        ctx.line("r = (int32_t)((ua << 8) + (a & 0xFFu) * (ub - ua));", 3);
    ctx.line("}", 2);
    if (logistic) {
        ctx.line("r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1u;", 2);
        ctx.line(ctx.outputs[0] + "[i] = (int16_t)(r >> 10);", 2);
    } else {
        ctx.line("r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;", 2);
        ctx.line(ctx.outputs[0] + "[i] = (int16_t)(r >> 8);", 2);
    }
    ctx.line("}");
}

void emitFloat(const Params &p, const Tensor &in, EmitContext &ctx) {
    ctx.line(std::string("/* ") + fnName(p.fn) + " float32 " + shapeString(in.shape) + " */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i) {");
    ctx.line("float v = " + ctx.inputs[0] + "[i];", 2);
    if (p.fn == Fn::Tanh)
        ctx.line(ctx.outputs[0] + "[i] = tanhf(v);", 2);
    else
        ctx.line(ctx.outputs[0] + "[i] = v > 16.619047164916992188f ? 1.0f : (v < -9.0f ? expf(v) : " +
                     "1.0f / (1.0f + expf(-v)));",
                 2);
    ctx.line("}");
}

}  // namespace

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    if (p.dtype == DType::Int8)
        emitInt8(p, in, ctx);
    else if (p.dtype == DType::Int16)
        emitInt16(p, in, ctx);
    else
        emitFloat(p, in, ctx);
}

}  // namespace ember::sigmoidtanh
