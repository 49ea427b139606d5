// DEPTHWISE_CONV_2D: NHWC input, [1, H, W, Cin * multiplier] filter, optional
// bias, fused activation. Output channel oc = c * multiplier + m reads input
// channel c. Bit-exact with TFLM's reference_integer_ops::DepthwiseConvPerChannel
// (int8 and int16x8) and reference_ops::DepthwiseConv (float).
#include "ConvCommon.h"
#include "ConvFast.h"
#include "Target.h"

namespace ember {
namespace {

// Accumulators kept per block of channels in the generated code (stack use).
constexpr int kMaxAccumulators = 128;

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const OpErrors e{g, op, d};
    if (!checkConvTypes(e)) return false;
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1);
    // Unlike CONV_2D, TFLM's int16x8 depthwise kernel reads the bias as int64
    // whatever its type: an int32 bias is read out of bounds (garbage sums).
    if (in.dtype == DType::Int16 && g.hasInput(op, 2) && g.in(op, 2).dtype != DType::Int64)
        return e.fail(std::string(dtypeName(g.in(op, 2).dtype)) +
                          " bias is not supported with int16 activations in a depthwise convolution (TFLite "
                          "Micro reads it as int64); re-export the model with an int64 bias",
                      op.inputs[2]);
    if (in.shape.size() != 4)
        return e.fail("input must be 4-D NHWC but has shape " + shapeString(in.shape), op.inputs[0]);
    if (w.shape.size() != 4 || w.shape[0] != 1)
        return e.fail("filter must be 4-D [1, height, width, channels] but has shape " + shapeString(w.shape),
                      op.inputs[1]);
    for (int32_t v : in.shape)
        if (v <= 0) return e.fail("input shape " + shapeString(in.shape) + " has an empty dimension", op.inputs[0]);
    for (int32_t v : w.shape)
        if (v <= 0) return e.fail("filter shape " + shapeString(w.shape) + " has an empty dimension", op.inputs[1]);
    const OpAttrs &a = op.attrs;
    if (a.strideH <= 0 || a.strideW <= 0 || a.dilationH <= 0 || a.dilationW <= 0)
        return e.fail("strides and dilations must be positive; the model is malformed, re-export it");
    ConvParams p;
    p.batches = in.shape[0], p.inH = in.shape[1], p.inW = in.shape[2], p.inC = in.shape[3];
    p.filterH = w.shape[1], p.filterW = w.shape[2], p.outC = w.shape[3], p.filterC = 1;
    p.strideH = a.strideH, p.strideW = a.strideW, p.dilationH = a.dilationH, p.dilationW = a.dilationW;
    // Like TFLite, the multiplier follows from the shapes; the attribute is
    // only checked for consistency when it is set.
    if (p.outC % p.inC != 0)
        return e.fail("filter has " + std::to_string(p.outC) + " channels, not a multiple of the input's " +
                          std::to_string(p.inC),
                      op.inputs[1]);
    p.depthMultiplier = p.outC / p.inC;
    if (a.depthMultiplier > 0 && a.depthMultiplier != p.depthMultiplier)
        return e.fail("depth_multiplier is " + std::to_string(a.depthMultiplier) + " but the filter " +
                          shapeString(w.shape) + " and input " + shapeString(in.shape) + " imply " +
                          std::to_string(p.depthMultiplier) + "; re-export the model",
                      op.inputs[1]);
    if (!prepareConvOutput(e, 3, p)) return false;
    op.params = p;
    return true;
}

template <class T, class W, class A>
void depthwiseLoop(const ConvParams &p, const T *in, const W *w, const uint8_t *bias, uint8_t *out) {
    int64_t o = 0;
    for (int b = 0; b < p.batches; ++b)
        for (int oy = 0; oy < p.outH; ++oy)
            for (int ox = 0; ox < p.outW; ++ox)
                for (int oc = 0; oc < p.outC; ++oc, ++o) {
                    const int c = oc / p.depthMultiplier;
                    A acc = 0;
                    for (int ky = 0; ky < p.filterH; ++ky) {
                        const int iy = oy * p.strideH - p.padTop + ky * p.dilationH;
                        if (iy < 0 || iy >= p.inH) continue;
                        for (int kx = 0; kx < p.filterW; ++kx) {
                            const int ix = ox * p.strideW - p.padLeft + kx * p.dilationW;
                            if (ix < 0 || ix >= p.inW) continue;
                            const T x = in[((int64_t(b) * p.inH + iy) * p.inW + ix) * p.inC + c];
                            const W wk = w[(int64_t(ky) * p.filterW + kx) * p.outC + oc];
                            if constexpr (std::is_same_v<A, float>)
                                acc += x * wk;
                            else
                                acc += int32_t(wk) * (int32_t(x) + p.rq.inputOffset);
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
        depthwiseLoop<float, float, float>(p, reinterpret_cast<const float *>(in),
                                           reinterpret_cast<const float *>(w), bias, out);
        break;
    case DType::Int16:
        depthwiseLoop<int16_t, int8_t, int64_t>(p, reinterpret_cast<const int16_t *>(in),
                                                reinterpret_cast<const int8_t *>(w), bias, out);
        break;
    default:
        depthwiseLoop<int8_t, int8_t, int64_t>(p, reinterpret_cast<const int8_t *>(in),
                                               reinterpret_cast<const int8_t *>(w), bias, out);
        break;
    }
}

std::string n(int64_t v) { return std::to_string(v); }

// Input channels per accumulator block: the largest divisor of the channel
// count that keeps channels * multiplier accumulators within the limit, so
// every block is full and the loops keep literal bounds.
int channelBlock(int inC, int mult) {
    const int limit = std::max(1, kMaxAccumulators / mult);
    for (int c = std::min(inC, limit); c > 1; --c)
        if (inC % c == 0) return c;
    return 1;
}

// Generated layout: per output pixel and channel block, an accumulator array
// over the block's output channels; the innermost loop runs over contiguous
// channels of both input and filter so that it vectorises.
void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const ConvParams &>(op.params);
    // int8: the fast path, or with --optimize size one shared kernel (ConvFast.h);
    // other types: the loops below.
    if (optimizeForSize(emitOptimizeMode()) ? emitConvInt8Compact(g, op, p, true, ctx) : emitDepthwiseInt8Fast(g, op, p, ctx))
        return;
    const Requant &rq = p.rq;
    const std::string T = actCType(rq), W = weightCType(rq), A = accCType(rq);
    const int M = p.depthMultiplier, BC = channelBlock(p.inC, M), BO = BC * M;
    const EpilogueNames names = emitRequantConstants(ctx, rq, ctx.inputs.size() > 2 ? ctx.inputs[2] : "0");
    ctx.line("/* DEPTHWISE_CONV_2D " + describeConv(g, op) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * depth multiplier " + n(M) + ", padding top " + n(p.padTop) + " left " + n(p.padLeft) + "; " +
             requantComment(rq) + " */");
    const OutputLoops loops = emitOutputLoops(ctx, p, T);
    const auto &ky = loops.ky, &kx = loops.kx;
    int ind = loops.indent;
    // One block covering every channel needs no block loop.
    const bool blocked = BC < p.inC;
    const std::string xBlock = blocked ? " + c0" : "", wBlock = blocked ? " + " + cMul("c0", M) : "";
    if (blocked) ctx.line("for (int32_t c0 = 0; c0 < " + n(p.inC) + "; c0 += " + n(BC) + ") {", ind++);
    ctx.line(A + " acc[" + n(BO) + "];", ind);
    ctx.line("for (int32_t j = 0; j < " + n(BO) + "; ++j) acc[j] = 0;", ind);
    ctx.line("for (int32_t ky = " + ky.first + "; ky < " + ky.second + "; ++ky) {", ind++);
    ctx.line("for (int32_t kx = " + kx.first + "; kx < " + kx.second + "; ++kx) {", ind++);
    ctx.line("const " + T + " *x = xin + " +
                 cMul("((iy0 + " + cMul("ky", p.dilationH) + ") * " + loops.inW + " + ix0 + " + cMul("kx", p.dilationW) +
                          ")",
                      p.inC) +
                 xBlock + ";",
             ind);
    ctx.line("const " + W + " *w = " + ctx.inputs[1] + " + " + cMul("(ky * " + n(p.filterW) + " + kx)", p.outC) +
                 wBlock + ";",
             ind);
    ctx.line("for (int32_t c = 0; c < " + n(BC) + "; ++c) {", ind++);
    if (M == 1) {
        ctx.line(macExpr(rq, "acc[c]", "w[c]", "x[c]"), ind);
    } else {
        ctx.line("for (int32_t m = 0; m < " + n(M) + "; ++m) {", ind++);
        ctx.line(macExpr(rq, "acc[c * " + n(M) + " + m]", "w[c * " + n(M) + " + m]", "x[c]"), ind);
        ctx.line("}", --ind);
    }
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    ctx.line("for (int32_t j = 0; j < " + n(BO) + "; ++j) {", ind++);
    if (blocked) {
        ctx.line("const int32_t oc = " + cMul("c0", M) + " + j;", ind);
        emitEpilogue(ctx, rq, names, "acc[j]", "oc", "y[oc]", ind);
    } else {
        emitEpilogue(ctx, rq, names, "acc[j]", "j", "y[j]", ind);
    }
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    const Tensor &w = g.in(op, 1);
    if (w.shape.size() != 4) return 0;
    return g.out(op).elements() * int64_t(w.shape[1]) * w.shape[2];
}

}  // namespace

const OpKernel kDepthwiseConv2D = {OpType::DepthwiseConv2D, prepare, eval, emit, macs, "int8, int16x8, float32"};

}  // namespace ember
