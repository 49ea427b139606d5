// SQUARED_DIFFERENCE, as TFLM's squared_difference.cc, broadcasting up to 4-D:
//  - float32: (a - b) * (a - b); int32 the same with two's-complement
//    wrap-around (what TFLM's int32 arithmetic does on every target).
//  - int8 / int16: both inputs rescaled to twice the larger input scale after
//    a left shift (7 bits for int8, none for int16), the difference squared,
//    then requantized to the output by MultiplyByQuantizedMultiplier with
//    scale (2 * max scale)^2 / (2^(2 * shift) * output scale) and clamped to
//    the type. int16 needs zero points 0, as TFLM checks.
#include <algorithm>
#include <cstdio>

#include "Common.h"
#include "Elementwise.h"

namespace ember {
namespace {

struct Params {
    Broadcast bc;
    DType dtype = DType::Float32;
    int leftShift = 0;
    ew::Rescale r1, r2;
    int32_t outMult = 0, outOffset = 0, qmin = 0, qmax = 0;
    int outShift = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{"squared_difference", {DType::Float32, DType::Int8, DType::Int16, DType::Int32}, false, 6};
    Params p;
    if (!ew::prepareBinary(g, op, d, spec, &p.bc)) return false;
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    p.dtype = o.dtype;
    if (p.dtype == DType::Int8 || p.dtype == DType::Int16) {
        for (int id : {op.inputs[0], op.inputs[1], op.outputs[0]}) {
            const Tensor &t = g.tensors[size_t(id)];
            if (!hasPerTensorQuant(t))
                return opError(d, g, op,
                               "quantized squared_difference needs one positive scale per tensor; re-quantize the "
                               "model per tensor",
                               id);
            if (t.dtype == DType::Int16 && t.quant.zp() != 0)
                return opError(d, g, op, "int16 tensors must have zero point 0 (symmetric int16 quantization)", id);
        }
        // squared_difference.cc PrepareQuantized: the output divisor is
        // computed in float ((1 << 2 * shift) * scale), the rest in double.
        p.leftShift = p.dtype == DType::Int8 ? 7 : 0;
        const double twiceMax = 2.0 * double(std::max(a.quant.sc(), b.quant.sc()));
        p.r1 = ew::rescaleFor(double(a.quant.sc()) / twiceMax, a.quant.zp());
        p.r2 = ew::rescaleFor(double(b.quant.sc()) / twiceMax, b.quant.zp());
        const double outReal = twiceMax * twiceMax / double(float(1 << (p.leftShift * 2)) * o.quant.sc());
        quantizeMultiplier(outReal, &p.outMult, &p.outShift);
        p.outOffset = o.quant.zp();
        p.qmin = dtypeMin(p.dtype);
        p.qmax = dtypeMax(p.dtype);
    }
    op.params = p;
    return true;
}

int32_t quantizedElement(const Params &p, int32_t x, int32_t y) {
    const int32_t diff = ew::applyRescale(p.r1, p.leftShift, x) - ew::applyRescale(p.r2, p.leftShift, y);
    const int32_t r = multiplyByQuantizedMultiplier(diff * diff, p.outMult, p.outShift) + p.outOffset;
    return std::min(p.qmax, std::max(p.qmin, r));
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ew::withType(p.dtype, [&](auto t) {
        using T = decltype(t);
        ew::evalBinary<T, T>(p.bc, op, b, [&](T x, T y) -> T {
            if constexpr (std::is_same_v<T, float>) {
                const float diff = x - y;
                return diff * diff;
            } else if constexpr (std::is_same_v<T, int32_t>) {
                const uint32_t diff = uint32_t(x) - uint32_t(y);
                return int32_t(diff * diff);
            } else {
                return T(quantizedElement(p, x, y));
            }
        });
    });
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const bool quantized = p.dtype == DType::Int8 || p.dtype == DType::Int16;
    std::string extra;
    if (quantized) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "; output multiplier %d, shift %d", p.outMult, p.outShift);
        extra = buf;
        ew::useRescaleHelpers(ctx);
        useHelper(ctx, "ember_mbqm");
        useHelper(ctx, "ember_clamp");
    }
    ctx.line(ew::describeBinary(g, op, p.bc, extra));
    ew::emitBinaryLoops(p.bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        if (p.dtype == DType::Float32) {
            ctx.line("float d = " + a + " - " + b + ";", ind);
            ctx.line(out + " = d * d;", ind);
        } else if (p.dtype == DType::Int32) {
            ctx.line("uint32_t d = (uint32_t)" + a + " - (uint32_t)" + b + ";", ind);
            ctx.line(out + " = (int32_t)(d * d);", ind);
        } else {
            ctx.line("int32_t d = " + ew::rescaleC(p.r1, p.leftShift, a) + " - " + ew::rescaleC(p.r2, p.leftShift, b) +
                         ";",
                     ind);
            ctx.line("int32_t r = " +
                         ew::plusC("ember_mbqm(d * d, " + cInt(p.outMult) + ", " + std::to_string(p.outShift) + ")",
                                   p.outOffset) +
                         ";",
                     ind);
            ctx.line(out + " = (" + dtypeCType(p.dtype) + ")ember_clamp(r, " + cInt(p.qmin) + ", " + cInt(p.qmax) +
                         ");",
                     ind);
        }
    });
}

}  // namespace

extern const OpKernel kSquaredDifference;
const OpKernel kSquaredDifference = {OpType::SquaredDifference, prepare, eval, emit, nullptr, "float32, int8, int16, int32"};

}  // namespace ember
