// TRANSPOSE_CONV: inputs (output_shape, OHWI weights, NHWC input, optional
// bias), output NHWC. Bit-exact with TFLM's reference kernels
// (reference_integer_ops::TransposeConv for int8 and int16x8 with a 64-bit
// accumulator, reference_ops::TransposeConv for float32).
//
// TFLM scatters every input pixel into an int32/int64 scratch buffer the size
// of the output. The generated code gathers instead: for each output pixel it
// visits exactly the input pixels whose window covers it (iy with
// oy + pad - iy*stride in [0, KH)), in ascending iy, ix, ic -- the order in
// which TFLM's scatter adds them -- so the sums (float ones too) are
// identical and no scratch memory is needed.
//
// As in TFLM, the output size comes from the output tensor's shape; the
// output_shape input is not read (it may even be a run-time input). The
// fused activation clamps every dtype (newer TFLM; older ones ignored it when
// quantized).
#include "ConvCommon.h"

namespace ember {
namespace {

struct Params {
    int batches = 1, inH = 1, inW = 1, inC = 1;
    int filterH = 1, filterW = 1, outH = 1, outW = 1, outC = 1;
    int strideH = 1, strideW = 1, padTop = 0, padLeft = 0;
    bool bias16 = false;  // int16 bias (int16x8), widened to int64 like TFLM
    Requant rq;
};

std::string describe(const Graph &g, const Op &op) {
    const OpAttrs &a = op.attrs;
    return "input " + shapeString(g.in(op, 2).shape) + ", filter " + shapeString(g.in(op, 1).shape) + ", stride " +
           std::to_string(a.strideH) + "x" + std::to_string(a.strideW) + ", padding " +
           (a.padding == Padding::Same ? "same" : "valid");
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const OpErrors e{g, op, d};
    if (op.inputs.size() < 3 || op.inputs.size() > 4 || op.outputs.size() != 1 || !g.hasInput(op, 1) ||
        !g.hasInput(op, 2) || op.outputs[0] < 0)
        return e.fail("expects inputs (output_shape, weights, input, optional bias) and one output; the model is "
                      "malformed, re-export it");
    // The shared conv checks see the op as (input, weights, bias).
    // TFLM also takes int16 bias with int16 activations (widened to int64);
    // those checks run without the bias, which is then checked here.
    const bool bias16 = g.hasInput(op, 3) && g.in(op, 3).dtype == DType::Int16 &&
                        g.in(op, 2).dtype == DType::Int16;
    Op view = op;
    view.inputs = {op.inputs[2], op.inputs[1]};
    if (g.hasInput(op, 3) && !bias16) view.inputs.push_back(op.inputs[3]);
    const OpErrors ev{g, view, d};
    if (!checkConvTypes(ev)) return false;
    const Tensor &in = g.in(op, 2), &w = g.in(op, 1), &out = g.out(op);
    if (in.dtype == DType::Int16 && g.hasInput(op, 3) && !bias16 && g.in(op, 3).dtype != DType::Int64)
        return e.fail(std::string(dtypeName(g.in(op, 3).dtype)) +
                          " bias is not supported with int16 activations; TFLite Micro's transpose "
                          "convolution reads int64 (or int16) bias, re-export the model with int64 bias",
                      op.inputs[3]);
    if (in.shape.size() != 4)
        return e.fail("input must be 4-D NHWC but has shape " + shapeString(in.shape), op.inputs[2]);
    if (w.shape.size() != 4)
        return e.fail("filter must be 4-D [out, height, width, in] but has shape " + shapeString(w.shape), op.inputs[1]);
    if (out.shape.size() != 4)
        return e.fail("output must be 4-D NHWC but has shape " + shapeString(out.shape), op.outputs[0]);
    for (const Shape *s : {&in.shape, &w.shape, &out.shape})
        for (int32_t v : *s)
            if (v <= 0) return e.fail("shape " + shapeString(*s) + " has an empty dimension (" + describe(g, op) + ")");
    const OpAttrs &a = op.attrs;
    if (a.strideH <= 0 || a.strideW <= 0)
        return e.fail("strides must be positive; the model is malformed, re-export it");
    Params p;
    p.batches = in.shape[0], p.inH = in.shape[1], p.inW = in.shape[2], p.inC = in.shape[3];
    p.outC = w.shape[0], p.filterH = w.shape[1], p.filterW = w.shape[2];
    p.outH = out.shape[1], p.outW = out.shape[2];
    p.strideH = a.strideH, p.strideW = a.strideW;
    if (w.shape[3] != p.inC)
        return e.fail("the filter reads " + std::to_string(w.shape[3]) + " input channels but the input has " +
                          std::to_string(p.inC) + "; they must match",
                      op.inputs[1]);
    if (out.shape[0] != p.batches || out.shape[3] != p.outC)
        return e.fail("output shape " + shapeString(out.shape) + " must have the input's batch (" +
                          std::to_string(p.batches) + ") and the filter's output channels (" +
                          std::to_string(p.outC) + "); fix the model's output shape",
                      op.outputs[0]);
    // TFLM: the padding of the equivalent forward convolution from the output
    // size (ComputePaddingHeightWidth with the output as "input").
    p.padTop = computePadding(p.strideH, 1, p.outH, p.filterH, computeOutSize(a.padding, p.outH, p.filterH, p.strideH, 1));
    p.padLeft = computePadding(p.strideW, 1, p.outW, p.filterW, computeOutSize(a.padding, p.outW, p.filterW, p.strideW, 1));
    if (!deriveRequant(ev, 0, p.outC, false, &p.rq)) return false;
    if (bias16) {
        if (g.in(op, 3).elements() != p.outC)
            return e.fail("bias has " + std::to_string(g.in(op, 3).elements()) + " elements but the op has " +
                              std::to_string(p.outC) + " output channels; they must match",
                          op.inputs[3]);
        p.rq.hasBias = true;  // acc64 stays set: the int16 bias adds to the 64-bit accumulator
        p.bias16 = true;
    }
    op.params = p;
    return true;
}

// TFLM's scatter: every input pixel adds into the output positions it reaches.
template <class T, class A>
void evalTyped(const Params &p, const T *in, const void *wData, const uint8_t *bias, uint8_t *out) {
    using W = std::conditional_t<std::is_same_v<T, float>, float, int8_t>;
    const W *w = static_cast<const W *>(wData);
    std::vector<A> acc(size_t(p.batches) * p.outH * p.outW * p.outC, A(0));
    for (int b = 0; b < p.batches; ++b)
        for (int iy = 0; iy < p.inH; ++iy)
            for (int ix = 0; ix < p.inW; ++ix)
                for (int ic = 0; ic < p.inC; ++ic) {
                    const T x = in[((int64_t(b) * p.inH + iy) * p.inW + ix) * p.inC + ic];
                    for (int ky = 0; ky < p.filterH; ++ky)
                        for (int kx = 0; kx < p.filterW; ++kx) {
                            const int oy = iy * p.strideH - p.padTop + ky, ox = ix * p.strideW - p.padLeft + kx;
                            if (oy < 0 || oy >= p.outH || ox < 0 || ox >= p.outW) continue;
                            A *o = &acc[size_t(((int64_t(b) * p.outH + oy) * p.outW + ox) * p.outC)];
                            for (int oc = 0; oc < p.outC; ++oc) {
                                const W wv = w[((int64_t(oc) * p.filterH + ky) * p.filterW + kx) * p.inC + ic];
                                if constexpr (std::is_same_v<A, float>)
                                    o[oc] += x * wv;
                                else if constexpr (std::is_same_v<A, int32_t>)
                                    o[oc] += int32_t(uint32_t(int32_t(x) + p.rq.inputOffset) * uint32_t(wv));
                                else
                                    o[oc] += int32_t(x) * int32_t(wv);
                            }
                        }
                }
    for (size_t i = 0; i < acc.size(); ++i) {
        const int ch = int(i % size_t(p.outC));
        if constexpr (std::is_same_v<A, float>) {
            float v = acc[i];
            if (bias) v += reinterpret_cast<const float *>(bias)[ch];
            storeOutput(p.rq.dtype, out, int64_t(i), 0, std::min(std::max(v, p.rq.fMin), p.rq.fMax));
        } else {
            storeOutput(p.rq.dtype, out, int64_t(i), finishInt(p.rq, bias, acc[i], ch), 0.f);
        }
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = b[size_t(op.inputs[2])].data(), *w = b[size_t(op.inputs[1])].data();
    const uint8_t *bias = g.hasInput(op, 3) ? b[size_t(op.inputs[3])].data() : nullptr;
    std::vector<int64_t> wide;
    if (p.bias16) {
        const auto *b16 = reinterpret_cast<const int16_t *>(bias);
        wide.assign(b16, b16 + p.outC);
        bias = reinterpret_cast<const uint8_t *>(wide.data());
    }
    uint8_t *out = b[size_t(op.outputs[0])].data();
    switch (p.rq.dtype) {
    case DType::Float32: evalTyped<float, float>(p, reinterpret_cast<const float *>(in), w, bias, out); break;
    case DType::Int16: evalTyped<int16_t, int64_t>(p, reinterpret_cast<const int16_t *>(in), w, bias, out); break;
    default: evalTyped<int8_t, int32_t>(p, reinterpret_cast<const int8_t *>(in), w, bias, out); break;
    }
}

std::string n(int64_t v) { return cInt(v); }

// The input rows (columns) that reach output row `o`: i with
// o + pad - i*stride in [0, filter), i.e. i from ceil((t - filter + 1)/stride)
// to floor(t/stride), clipped to the input. t = o + pad >= 0.
void emitInputRange(EmitContext &ctx, const std::string &a, const std::string &o, int pad, int filter, int stride,
                    int size, int ind) {
    const std::string t = "t" + a, lo = "i" + a + "_lo", hi = "i" + a + "_hi", s = n(stride);
    ctx.line("const int32_t " + t + " = " + o + cAdd(pad) + ";", ind);
    const std::string first = stride == 1 ? t + cAdd(1 - filter) : "(" + t + cAdd(stride - filter) + ") / " + s;
    ctx.line("const int32_t " + lo + " = " + t + " < " + n(filter) + " ? 0 : " + first + ";", ind);
    const std::string last = stride == 1 ? t : t + " / " + s;
    ctx.line("const int32_t " + hi + " = " + last + " < " + n(size - 1) + " ? " + last + " + 1 : " + n(size) + ";",
             ind);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Requant &rq = p.rq;
    const std::string T = actCType(rq), W = weightCType(rq), A = accCType(rq);
    const std::string &src = ctx.inputs[2], &weights = ctx.inputs[1];
    const EpilogueNames names = emitRequantConstants(ctx, rq, ctx.inputs.size() > 3 ? ctx.inputs[3] : "0");
    ctx.line("/* TRANSPOSE_CONV " + describe(g, op) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * padding top " + n(p.padTop) + " left " + n(p.padLeft) + "; " + requantComment(rq) + ";");
    ctx.line(" * each output pixel gathers the input pixels whose window covers it (no scratch buffer) */");
    int ind = 1;
    if (p.batches > 1) {
        ctx.line("for (int32_t n = 0; n < " + n(p.batches) + "; ++n) {", ind++);
        ctx.line("const " + T + " *xin = " + src + " + n * " + n(int64_t(p.inH) * p.inW * p.inC) + ";", ind);
        ctx.line(T + " *yout = " + ctx.outputs[0] + " + n * " + n(int64_t(p.outH) * p.outW * p.outC) + ";", ind);
    } else {
        ctx.line("const " + T + " *xin = " + src + ";", ind);
        ctx.line(T + " *yout = " + ctx.outputs[0] + ";", ind);
    }
    ctx.line("for (int32_t oy = 0; oy < " + n(p.outH) + "; ++oy) {", ind++);
    emitInputRange(ctx, "y", "oy", p.padTop, p.filterH, p.strideH, p.inH, ind);
    ctx.line("for (int32_t ox = 0; ox < " + n(p.outW) + "; ++ox) {", ind++);
    emitInputRange(ctx, "x", "ox", p.padLeft, p.filterW, p.strideW, p.inW, ind);
    ctx.line(T + " *y = yout + " + cMul("(oy * " + n(p.outW) + " + ox)", p.outC) + ";", ind);
    ctx.line("for (int32_t oc = 0; oc < " + n(p.outC) + "; ++oc) {", ind++);
    ctx.line("const " + W + " *w = " + weights + " + " + cMul("oc", int64_t(p.filterH) * p.filterW * p.inC) + ";", ind);
    ctx.line(A + " acc = 0;", ind);
    ctx.line("for (int32_t iy = iy_lo; iy < iy_hi; ++iy) {", ind++);
    ctx.line("const int32_t ky = ty - " + cMul("iy", p.strideH) + ";", ind);
    ctx.line("for (int32_t ix = ix_lo; ix < ix_hi; ++ix) {", ind++);
    ctx.line("const int32_t kx = tx - " + cMul("ix", p.strideW) + ";", ind);
    ctx.line("const " + T + " *x = xin + " + cMul("(iy * " + n(p.inW) + " + ix)", p.inC) + ";", ind);
    ctx.line("const " + W + " *wk = w + " + cMul("(ky * " + n(p.filterW) + " + kx)", p.inC) + ";", ind);
    ctx.line("for (int32_t ic = 0; ic < " + n(p.inC) + "; ++ic) {", ind++);
    ctx.line(macExpr(rq, "acc", "wk[ic]", "x[ic]"), ind);
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    ctx.line("}", --ind);
    emitEpilogue(ctx, rq, names, "acc", "oc", "y[oc]", ind);
    while (ind > 1) ctx.line("}", --ind);
}

// TFLM's multiply-accumulates: every input pixel times the whole filter.
int64_t macs(const Graph &g, const Op &op) {
    if (op.inputs.size() < 3 || g.in(op, 1).shape.size() != 4) return 0;
    const Shape &w = g.in(op, 1).shape;
    return g.in(op, 2).elements() * int64_t(w[0]) * w[1] * w[2];
}

}  // namespace

extern const OpKernel kTransposeConv;
const OpKernel kTransposeConv = {OpType::TransposeConv, prepare, eval, emit, macs, "int8, int16x8, float32"};

}  // namespace ember
