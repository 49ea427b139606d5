// DIV, as TFLM's div.cc, broadcasting up to 5-D:
//  - float32 / int32: a / b (C division, truncating for int32), clamped to
//    the fused activation's range in the type (CalculateActivationRange).
//  - int8: reference_ops::DivElementwise. The divisor (minus its zero point,
//    signs moved to the dividend) becomes a Q0.31 reciprocal (GetReciprocal),
//    the dividend is normalised by its leading sign bits, multiplied, and
//    requantized by s1 / (s2 * so) (computed in float, as TFLM) with the
//    remaining right shift. TFLM asserts that this shift is within 0..31
//    (gemmlowp RoundingDivideByPOT) and that no divisor equals its zero
//    point, and aborts otherwise. Both depend on the data: Ember warns when
//    some int8 input pair would leave 0..31 and clamps the shift there.
// float32 and int32 divisors of 0 are not checked, as in TFLM.
#include <cstdio>
#include <limits>

#include "Common.h"
#include "Elementwise.h"
#include "FixedPoint.h"

namespace ember {
namespace {

struct Params {
    Broadcast bc;
    DType dtype = DType::Float32;
    float fMin = 0.f, fMax = 0.f;
    int32_t iMin = 0, iMax = 0;  // int32 and int8 clamp
    int32_t in1Offset = 0, in2Offset = 0, outOffset = 0, outMult = 0;
    int outShift = 0;
};

int leadingSignBits(int32_t x) {
    uint32_t u = uint32_t(x < 0 ? ~x : x);
    int n = 0;
    while (n < 32 && !(u & 0x80000000u)) {
        u <<= 1;
        ++n;
    }
    return n - 1;
}

// The right shift DivElementwise ends with (TFLM needs it in 0..31).
int finalShift(const Params &p, int32_t x, int32_t y, int32_t *unscaled) {
    if (y < 0) {
        x = -x;
        y = -y;
    }
    int recipShift = 0;
    const int32_t inv = fx::getReciprocal(y, 31, &recipShift);
    const int headroom = leadingSignBits(x);
    *unscaled = saturatingRoundingDoublingHighMul(int32_t(uint32_t(x) << headroom), inv);
    return recipShift + headroom - p.outShift;
}

int32_t divQuantized(const Params &p, int32_t a, int32_t b) {
    int32_t unscaled = 0;
    const int e = finalShift(p, a + p.in1Offset, b + p.in2Offset, &unscaled);
    const int32_t r = roundingDivideByPOT(saturatingRoundingDoublingHighMul(unscaled, p.outMult),
                                          std::min(31, std::max(0, e))) +
                      p.outOffset;
    return std::min(p.iMax, std::max(p.iMin, r));
}

// True when TFLM would abort on some pair of int8 inputs with a non-zero
// divisor (the final shift leaves 0..31).
bool someInputAborts(const Params &p) {
    for (int a = -128; a <= 127; ++a)
        for (int b = -128; b <= 127; ++b) {
            int32_t unscaled = 0;
            if (b + p.in2Offset == 0) continue;
            const int e = finalShift(p, a + p.in1Offset, b + p.in2Offset, &unscaled);
            if (e < 0 || e > 31) return true;
        }
    return false;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{"div", {DType::Float32, DType::Int8, DType::Int32}, false, 6};
    Params p;
    if (!ew::prepareBinary(g, op, d, spec, &p.bc)) return false;
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    p.dtype = o.dtype;
    const Activation act = op.attrs.activation;
    if (p.dtype == DType::Float32) {
        activationRangeFloat(act, &p.fMin, &p.fMax);
    } else if (p.dtype == DType::Int32) {
        if (!a.quant.empty() || !b.quant.empty())
            return opError(d, g, op, "int32 div supports only unquantized inputs, as TFLM; remove the quantization",
                           a.quant.empty() ? op.inputs[1] : op.inputs[0]);
        // CalculateActivationRange<int32_t>: RELU6 clamps to 0..6 here too.
        p.iMin = std::numeric_limits<int32_t>::min();
        p.iMax = std::numeric_limits<int32_t>::max();
        if (act == Activation::Relu || act == Activation::Relu6) p.iMin = 0;
        if (act == Activation::Relu6) p.iMax = 6;
        if (act == Activation::ReluN1To1) p.iMin = -1, p.iMax = 1;
    } else {
        for (int id : {op.inputs[0], op.inputs[1], op.outputs[0]})
            if (!hasPerTensorQuant(g.tensors[size_t(id)]))
                return opError(d, g, op, "quantized div needs one positive scale per tensor; re-quantize the model",
                               id);
        if (!activationRangeQuantized(act, o, &p.iMin, &p.iMax))
            return opError(d, g, op,
                           std::string("fused activation ") + activationName(act) +
                               " is not supported on a quantized div; use NONE, RELU, RELU6 or RELU_N1_TO_1");
        quantizeMultiplier(double(a.quant.sc() / (b.quant.sc() * o.quant.sc())), &p.outMult, &p.outShift);
        p.in1Offset = -a.quant.zp();
        p.in2Offset = -b.quant.zp();
        p.outOffset = o.quant.zp();
        if (someInputAborts(p)) {
            Diagnostic &w = d.warning(
                "div: TFLM aborts on some int8 inputs with these scales and zero points (its final shift leaves "
                "0..31 unless s1 / (s2 * so) is about 2^7 or more); Ember computes a clamped result there");
            w.opIndex = op.index;
            w.opName = op.typeName;
        }
    }
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    if (p.dtype == DType::Float32)
        ew::evalBinary<float, float>(p.bc, op, b, [&](float x, float y) {
            const float v = x / y;
            return std::min(std::max(v, p.fMin), p.fMax);
        });
    else if (p.dtype == DType::Int32)
        ew::evalBinary<int32_t, int32_t>(p.bc, op, b,
                                         [&](int32_t x, int32_t y) { return std::min(std::max(x / y, p.iMin), p.iMax); });
    else
        ew::evalBinary<int8_t, int8_t>(p.bc, op, b, [&](int8_t x, int8_t y) { return int8_t(divQuantized(p, x, y)); });
}

void useDivHelper(EmitContext &ctx) {
    useHelper(ctx, "ember_srdhm");
    useHelper(ctx, "ember_rdbpot");
    fx::useFxHelper(ctx, "ember_clz32");
    fx::useFxHelper(ctx, "ember_one_over_one_plus_x");
    ctx.addHelper("ember_div_q",
                  "/* TFLM reference DivElementwise for one quantized element: x, y with\n"
                  "   their zero points removed (the final shift clamped to 0..31, where\n"
                  "   TFLM asserts) */\n"
                  "static int32_t ember_div_q(int32_t x, int32_t y, int32_t out_mult, int out_shift)\n"
                  "{\n"
                  "    int hpo, headroom, e;\n"
                  "    int32_t inv, q;\n"
                  "    if (y < 0) {\n"
                  "        x = -x;\n"
                  "        y = -y;\n"
                  "    }\n"
                  "    hpo = ember_clz32((uint32_t)y);\n"
                  "    inv = ember_one_over_one_plus_x(\n"
                  "        (int32_t)((hpo >= 32 ? 0u : (uint32_t)y << hpo) - 0x80000000u));\n"
                  "    headroom = ember_clz32((uint32_t)(x < 0 ? ~x : x)) - 1;\n"
                  "    q = ember_srdhm(ember_srdhm((int32_t)((uint32_t)x << headroom), inv), out_mult);\n"
                  "    e = (31 - hpo) + headroom - out_shift;\n"
                  "    return ember_rdbpot(q, e < 0 ? 0 : (e > 31 ? 31 : e));\n"
                  "}\n");
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    std::string extra = std::string(", activation ") + activationName(op.attrs.activation);
    if (p.dtype == DType::Int8) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "; output multiplier %d, shift %d", p.outMult, p.outShift);
        extra += buf;
        useDivHelper(ctx);
        useHelper(ctx, "ember_clamp");
    }
    ctx.line(ew::describeBinary(g, op, p.bc, extra));
    ew::emitBinaryLoops(p.bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        if (p.dtype == DType::Float32) {
            // std::min(std::max(v, lo), hi) as TFLite's ActivationFunctionWithMinMax (NaN passes).
            ctx.line("float v = " + a + " / " + b + ";", ind);
            ctx.line("v = v < " + cFloat(p.fMin) + " ? " + cFloat(p.fMin) + " : v;", ind);
            ctx.line(out + " = " + cFloat(p.fMax) + " < v ? " + cFloat(p.fMax) + " : v;", ind);
        } else if (p.dtype == DType::Int32) {
            ctx.line(out + " = ember_clamp(" + a + " / " + b + ", " + cInt(p.iMin) + ", " + cInt(p.iMax) + ");", ind);
        } else {
            ctx.line("int32_t r = " +
                         ew::plusC("ember_div_q(" + ew::plusC("(int32_t)" + a, p.in1Offset) + ", " +
                                       ew::plusC("(int32_t)" + b, p.in2Offset) + ", " + cInt(p.outMult) + ", " +
                                       std::to_string(p.outShift) + ")",
                                   p.outOffset) +
                         ";",
                     ind);
            ctx.line(out + " = (int8_t)ember_clamp(r, " + cInt(p.iMin) + ", " + cInt(p.iMax) + ");", ind);
        }
    });
    if (p.dtype == DType::Int32) useHelper(ctx, "ember_clamp");
}

}  // namespace

extern const OpKernel kDiv;
const OpKernel kDiv = {OpType::Div, prepare, eval, emit, nullptr, "float32, int8, int32"};

}  // namespace ember
