// PRELU (TFLM prelu.cc + reference/prelu.h): y = x for x >= 0, x * alpha
// otherwise, alpha broadcast against x (numpy rules, up to 4-D).
// int8 uses TFLM's two requantizations: x - zp_in rescaled by s_in/s_out on
// the positive side, (x - zp_in) * (alpha - zp_alpha) rescaled by
// s_in*s_alpha/s_out on the negative side, both + zp_out and saturated.
#include "Broadcast.h"
#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    Broadcast bc;
    int32_t inOffset = 0, alphaOffset = 0, outOffset = 0;  // -zp_in, -zp_alpha, zp_out
    int32_t mult1 = 0, mult2 = 0;
    int shift1 = 0, shift2 = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, "prelu expects 2 inputs (data, alpha) and 1 output");
    const Tensor &in = g.in(op, 0), &alpha = g.in(op, 1), &out = g.out(op);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op, std::string("prelu does not support ") + dtypeName(in.dtype) +
                                     "; use float32 or int8", op.inputs[0]);
    if (alpha.dtype != in.dtype || out.dtype != in.dtype)
        return opError(d, g, op, "prelu needs the same type for input, alpha and output",
                       alpha.dtype != in.dtype ? op.inputs[1] : op.outputs[0]);
    if (in.shape.size() > 4 || alpha.shape.size() > 4)
        return opError(d, g, op, "prelu supports up to 4-D input and alpha", op.inputs[0]);
    Shape shape;
    if (!Broadcast::outputShape(in.shape, alpha.shape, &shape))
        return opError(d, g, op,
                       "alpha " + shapeString(alpha.shape) + " does not broadcast against the input " +
                           shapeString(in.shape),
                       op.inputs[1]);
    if (!checkOutputShape(d, g, op, op.outputs[0], shape)) return false;
    Params p;
    p.dtype = in.dtype;
    p.bc = Broadcast::plan(in.shape, alpha.shape);
    if (in.dtype == DType::Int8) {
        for (int t : {op.inputs[0], op.inputs[1], op.outputs[0]})
            if (!hasPerTensorQuant(g.tensors[size_t(t)]))
                return opError(d, g, op, "int8 prelu needs one positive scale per tensor (no per-channel alpha)",
                               t);
        const double sIn = in.quant.sc(), sAlpha = alpha.quant.sc(), sOut = out.quant.sc();
        quantizeMultiplier(sIn / sOut, &p.mult1, &p.shift1);
        quantizeMultiplier(sIn * sAlpha / sOut, &p.mult2, &p.shift2);
        p.inOffset = -in.quant.zp();
        p.alphaOffset = -alpha.quant.zp();
        p.outOffset = out.quant.zp();
    }
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *x = b[size_t(op.inputs[0])].data(), *a = b[size_t(op.inputs[1])].data();
    uint8_t *y = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Float32) {
        const auto *xf = reinterpret_cast<const float *>(x), *af = reinterpret_cast<const float *>(a);
        auto *yf = reinterpret_cast<float *>(y);
        p.bc.forEach([&](int64_t o, int64_t i1, int64_t i2) { yf[o] = xf[i1] >= 0.0f ? xf[i1] : xf[i1] * af[i2]; });
        return;
    }
    const auto *xq = reinterpret_cast<const int8_t *>(x), *aq = reinterpret_cast<const int8_t *>(a);
    auto *yq = reinterpret_cast<int8_t *>(y);
    p.bc.forEach([&](int64_t o, int64_t i1, int64_t i2) {
        const int32_t v = p.inOffset + xq[i1];
        const int32_t r = v >= 0 ? multiplyByQuantizedMultiplier(v, p.mult1, p.shift1)
                                 : multiplyByQuantizedMultiplier(v * (p.alphaOffset + aq[i2]), p.mult2, p.shift2);
        yq[o] = int8_t(std::min(127, std::max(-128, r + p.outOffset)));
    });
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string &x = ctx.inputs[0], &a = ctx.inputs[1], &y = ctx.outputs[0];
    const std::string shapes = shapeString(g.in(op, 0).shape) + " alpha " + shapeString(g.in(op, 1).shape);
    if (p.dtype == DType::Float32) {
        ctx.line("/* PRELU float32 " + shapes + " */");
        p.bc.emitLoops(ctx, [&](const std::string &o, const std::string &i1, const std::string &i2, int ind) {
            ctx.line("float v = " + x + "[" + i1 + "];", ind);
            ctx.line(y + "[" + o + "] = v >= 0.0f ? v : v * " + a + "[" + i2 + "];", ind);
        });
        return;
    }
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    ctx.line("/* PRELU int8 " + shapes + ": x - zp_in >= 0: * " + std::to_string(p.mult1) + " * 2^" +
             std::to_string(p.shift1) + ", else (x - zp_in) * (alpha - zp_alpha) * " + std::to_string(p.mult2) +
             " * 2^" + std::to_string(p.shift2) + " */");
    p.bc.emitLoops(ctx, [&](const std::string &o, const std::string &i1, const std::string &i2, int ind) {
        ctx.line("int32_t v = " + cInt(p.inOffset) + " + " + x + "[" + i1 + "];", ind);
        ctx.line("int32_t r = v >= 0 ? ember_mbqm(v, " + cInt(p.mult1) + ", " + std::to_string(p.shift1) +
                     ") : ember_mbqm(v * (" + cInt(p.alphaOffset) + " + " + a + "[" + i2 + "]), " + cInt(p.mult2) +
                     ", " + std::to_string(p.shift2) + ");",
                 ind);
        ctx.line(y + "[" + o + "] = (int8_t)ember_clamp(r + " + cInt(p.outOffset) + ", -128, 127);", ind);
    });
}

}  // namespace

extern const OpKernel kPrelu;
const OpKernel kPrelu = {OpType::Prelu, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
