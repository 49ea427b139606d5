// CONV_2D: NHWC input, OHWI filter, optional bias, fused activation.
// Bit-exact with TFLM's reference_integer_ops::ConvPerChannel (int8, and the
// int16x8 variant with a 64-bit accumulator) and reference_ops::Conv (float).
// Grouped convolution (input channels a multiple of the filter's) as TFLM.
#include "ConvCommon.h"
#include "ConvFast.h"
#include "Target.h"

namespace ember {
namespace {

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const OpErrors e{g, op, d};
    if (!checkConvTypes(e)) return false;
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1);
    if (in.shape.size() != 4)
        return e.fail("input must be 4-D NHWC but has shape " + shapeString(in.shape), op.inputs[0]);
    if (w.shape.size() != 4)
        return e.fail("filter must be 4-D [out, height, width, in] but has shape " + shapeString(w.shape), op.inputs[1]);
    for (int32_t v : in.shape)
        if (v <= 0) return e.fail("input shape " + shapeString(in.shape) + " has an empty dimension", op.inputs[0]);
    for (int32_t v : w.shape)
        if (v <= 0) return e.fail("filter shape " + shapeString(w.shape) + " has an empty dimension", op.inputs[1]);
    const OpAttrs &a = op.attrs;
    if (a.strideH <= 0 || a.strideW <= 0 || a.dilationH <= 0 || a.dilationW <= 0)
        return e.fail("strides and dilations must be positive; the model is malformed, re-export it");
    ConvParams p;
    p.batches = in.shape[0], p.inH = in.shape[1], p.inW = in.shape[2], p.inC = in.shape[3];
    p.outC = w.shape[0], p.filterH = w.shape[1], p.filterW = w.shape[2], p.filterC = w.shape[3];
    p.strideH = a.strideH, p.strideW = a.strideW, p.dilationH = a.dilationH, p.dilationW = a.dilationW;
    if (p.inC % p.filterC != 0)
        return e.fail("input has " + std::to_string(p.inC) + " channels but the filter reads " +
                          std::to_string(p.filterC) + " per output channel; input channels must be a multiple",
                      op.inputs[1]);
    p.groups = p.inC / p.filterC;
    if (p.outC % p.groups != 0)
        return e.fail(std::to_string(p.outC) + " output channels cannot be split into " + std::to_string(p.groups) +
                          " groups",
                      op.inputs[1]);
    if (!prepareConvOutput(e, 0, p)) return false;
    op.params = p;
    return true;
}

// The reference loops (TFLM order: batch, y, x, out channel; taps y, x, in channel).
template <class T, class W, class A>
void convLoop(const ConvParams &p, const T *in, const W *w, const uint8_t *bias, uint8_t *out) {
    const int perGroup = p.outC / p.groups;
    int64_t o = 0;
    for (int b = 0; b < p.batches; ++b)
        for (int oy = 0; oy < p.outH; ++oy)
            for (int ox = 0; ox < p.outW; ++ox)
                for (int oc = 0; oc < p.outC; ++oc, ++o) {
                    A acc = 0;
                    for (int ky = 0; ky < p.filterH; ++ky) {
                        const int iy = oy * p.strideH - p.padTop + ky * p.dilationH;
                        if (iy < 0 || iy >= p.inH) continue;
                        for (int kx = 0; kx < p.filterW; ++kx) {
                            const int ix = ox * p.strideW - p.padLeft + kx * p.dilationW;
                            if (ix < 0 || ix >= p.inW) continue;
                            const T *x = in + ((int64_t(b) * p.inH + iy) * p.inW + ix) * p.inC +
                                         (oc / perGroup) * p.filterC;
                            const W *wk = w + ((int64_t(oc) * p.filterH + ky) * p.filterW + kx) * p.filterC;
                            for (int ic = 0; ic < p.filterC; ++ic) {
                                if constexpr (std::is_same_v<A, float>)
                                    acc += x[ic] * wk[ic];
                                else
                                    acc += int32_t(wk[ic]) * (int32_t(x[ic]) + p.rq.inputOffset);
                            }
                        }
                    }
                    if constexpr (std::is_same_v<A, float>)
                        storeOutput(p.rq.dtype, out, o, 0, finishFloat(p.rq, bias, acc, oc));
                    else
                        storeOutput(p.rq.dtype, out, o, finishInt(p.rq, bias, acc, oc), 0.f);
                }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const ConvParams &>(op.params);
    const uint8_t *in = b[size_t(op.inputs[0])].data(), *w = b[size_t(op.inputs[1])].data();
    const uint8_t *bias = g.hasInput(op, 2) ? b[size_t(op.inputs[2])].data() : nullptr;
    uint8_t *out = b[size_t(op.outputs[0])].data();
    switch (p.rq.dtype) {
    case DType::Float32:
        convLoop<float, float, float>(p, reinterpret_cast<const float *>(in), reinterpret_cast<const float *>(w),
                                      bias, out);
        break;
    case DType::Int16:
        convLoop<int16_t, int8_t, int64_t>(p, reinterpret_cast<const int16_t *>(in),
                                           reinterpret_cast<const int8_t *>(w), bias, out);
        break;
    default:
        convLoop<int8_t, int8_t, int64_t>(p, reinterpret_cast<const int8_t *>(in),
                                          reinterpret_cast<const int8_t *>(w), bias, out);
        break;
    }
}

std::string n(int64_t v) { return std::to_string(v); }

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const ConvParams &>(op.params);
    // int8: the fast path, or with --optimize size one shared kernel (ConvFast.h);
    // other types: the loops below.
    if (optimizeForSize(emitOptimizeMode()) ? emitConvInt8Compact(g, op, p, false, ctx) : emitConvInt8Fast(g, op, p, ctx))
        return;
    const Requant &rq = p.rq;
    const std::string T = actCType(rq), W = weightCType(rq), A = accCType(rq);
    const EpilogueNames names = emitRequantConstants(ctx, rq, ctx.inputs.size() > 2 ? ctx.inputs[2] : "0");
    ctx.line("/* CONV_2D " + describeConv(g, op) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * padding top " + n(p.padTop) + " left " + n(p.padLeft) + "; " + requantComment(rq) + " */");
    const OutputLoops loops = emitOutputLoops(ctx, p, T);
    const auto &ky = loops.ky, &kx = loops.kx;
    int ind = loops.indent;
    ctx.line("for (int32_t oc = 0; oc < " + n(p.outC) + "; ++oc) {", ind++);
    ctx.line("const " + W + " *w = " + ctx.inputs[1] + " + " +
                 cMul("oc", int64_t(p.filterH) * p.filterW * p.filterC) + ";",
             ind);
    const std::string group = p.groups > 1 ? " + (oc / " + n(p.outC / p.groups) + ") * " + n(p.filterC) : "";
    ctx.line(A + " acc = 0;", ind);
    ctx.line("for (int32_t ky = " + ky.first + "; ky < " + ky.second + "; ++ky) {", ind++);
    ctx.line("for (int32_t kx = " + kx.first + "; kx < " + kx.second + "; ++kx) {", ind++);
    ctx.line("const " + T + " *x = xin + " +
                 cMul("((iy0 + " + cMul("ky", p.dilationH) + ") * " + loops.inW + " + ix0 + " + cMul("kx", p.dilationW) +
                          ")",
                      p.inC) +
                 group + ";",
             ind);
    ctx.line("const " + W + " *wk = w + " + cMul("(ky * " + n(p.filterW) + " + kx)", p.filterC) + ";", ind);
    ctx.line("for (int32_t ic = 0; ic < " + n(p.filterC) + "; ++ic) {", ind++);
    ctx.line(macExpr(rq, "acc", "wk[ic]", "x[ic]"), ind);
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    emitEpilogue(ctx, rq, names, "acc", "oc", "y[oc]", ind);
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    const Tensor &w = g.in(op, 1);
    if (w.shape.size() != 4) return 0;
    return g.out(op).elements() * int64_t(w.shape[1]) * w.shape[2] * w.shape[3];
}

}  // namespace

const OpKernel kConv2D = {OpType::Conv2D, prepare, eval, emit, macs, "int8, int16x8, float32"};

}  // namespace ember
