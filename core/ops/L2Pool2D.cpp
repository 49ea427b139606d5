// L2_POOL_2D on NHWC float32 (TFLM has no quantized L2 pooling), bit-exact
// with TFLM's reference_ops::L2Pool: sqrt(sum of squares / count) over the
// in-bounds part of each window (padding never counts), then the fused
// activation clamp.
#include <cmath>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    int n = 0, h = 0, w = 0, c = 0, oh = 0, ow = 0;
    int strideH = 1, strideW = 1, filterH = 1, filterW = 1, padH = 0, padW = 0;
    float fMin = 0.f, fMax = 0.f;
};

// The in-bounds part [start, end) of the window starting at `origin`.
void windowRange(int origin, int filter, int size, int *start, int *end) {
    *start = std::max(0, -origin);
    *end = std::min(filter, size - origin);
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || !g.hasInput(op, 0) || op.outputs[0] < 0)
        return opError(d, g, op, "L2 pooling expects 1 input and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.shape.size() != 4 || out.shape.size() != 4)
        return opError(d, g, op, "L2 pooling needs 4-D NHWC input and output, got " + shapeString(in.shape), op.inputs[0]);
    if (in.dtype != out.dtype)
        return opError(d, g, op, "L2 pooling needs the same input and output type", op.outputs[0]);
    if (in.dtype != DType::Float32)
        return opError(d, g, op,
                       std::string("L2 pooling of ") + dtypeName(in.dtype) +
                           " is not supported (TFLite Micro has only float32); keep this layer in float",
                       op.inputs[0]);
    const OpAttrs &a = op.attrs;
    if (a.filterW < 1 || a.filterH < 1 || a.strideW < 1 || a.strideH < 1)
        return opError(d, g, op, "filter size and strides must be at least 1; fix the pooling options in the model");
    if (a.activation == Activation::Tanh || a.activation == Activation::SignBit)
        return opError(d, g, op, std::string("fused activation ") + activationName(a.activation) + " is not supported");
    Params p;
    p.n = in.shape[0], p.h = in.shape[1], p.w = in.shape[2], p.c = in.shape[3];
    p.strideH = a.strideH, p.strideW = a.strideW, p.filterH = a.filterH, p.filterW = a.filterW;
    p.oh = computeOutSize(a.padding, p.h, p.filterH, p.strideH, 1);
    p.ow = computeOutSize(a.padding, p.w, p.filterW, p.strideW, 1);
    if (p.oh < 1 || p.ow < 1)
        return opError(d, g, op,
                       "the " + std::to_string(p.filterH) + "x" + std::to_string(p.filterW) +
                           " window does not fit the input " + shapeString(in.shape) + " with VALID padding",
                       op.inputs[0]);
    p.padH = computePadding(p.strideH, 1, p.h, p.filterH, p.oh);
    p.padW = computePadding(p.strideW, 1, p.w, p.filterW, p.ow);
    if (!checkOutputShape(d, g, op, op.outputs[0], {p.n, p.oh, p.ow, p.c})) return false;
    for (int oy = 0; oy < p.oh; ++oy)
        for (int ox = 0; ox < p.ow; ++ox) {
            int y0, y1, x0, x1;
            windowRange(oy * p.strideH - p.padH, p.filterH, p.h, &y0, &y1);
            windowRange(ox * p.strideW - p.padW, p.filterW, p.w, &x0, &x1);
            if (y1 <= y0 || x1 <= x0)
                return opError(d, g, op, "some pooling windows contain no input element; check strides and padding");
        }
    activationRangeFloat(a.activation, &p.fMin, &p.fMax);
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const auto *in = reinterpret_cast<const float *>(buf[size_t(op.inputs[0])].data());
    auto *out = reinterpret_cast<float *>(buf[size_t(op.outputs[0])].data());
    for (int b = 0; b < p.n; ++b)
        for (int oy = 0; oy < p.oh; ++oy)
            for (int ox = 0; ox < p.ow; ++ox)
                for (int ch = 0; ch < p.c; ++ch) {
                    const int iy0 = oy * p.strideH - p.padH, ix0 = ox * p.strideW - p.padW;
                    int fy0, fy1, fx0, fx1;
                    windowRange(iy0, p.filterH, p.h, &fy0, &fy1);
                    windowRange(ix0, p.filterW, p.w, &fx0, &fx1);
                    float sum = 0.f;
                    int count = 0;
                    for (int fy = fy0; fy < fy1; ++fy)
                        for (int fx = fx0; fx < fx1; ++fx) {
                            const float v = in[((int64_t(b) * p.h + iy0 + fy) * p.w + ix0 + fx) * p.c + ch];
                            sum += v * v;
                            ++count;
                        }
                    const float r = std::sqrt(sum / float(count));
                    *out++ = std::min(std::max(r, p.fMin), p.fMax);
                }
}

std::string num(int64_t v) { return cInt(v); }

// Lines computing the in-bounds window range along one axis.
void emitRange(EmitContext &ctx, const std::string &axis, const std::string &o, int stride, int pad, int filter,
               int size, int ind) {
    const std::string org = "i" + axis + "0";
    ctx.line("const int32_t " + org + " = " + o + " * " + num(stride) + " - " + num(pad) + ";", ind);
    ctx.line("const int32_t f" + axis + "0 = " + org + " < 0 ? -" + org + " : 0;", ind);
    ctx.line("const int32_t f" + axis + "1 = " + num(size) + " - " + org + " < " + num(filter) + " ? " + num(size) +
                 " - " + org + " : " + num(filter) + ";",
             ind);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line("/* L2_POOL_2D float32 " + shapeString(g.in(op, 0).shape) + " -> " + shapeString(g.out(op).shape) +
             ", window " + num(p.filterH) + "x" + num(p.filterW) + ", stride " + num(p.strideH) + "x" +
             num(p.strideW) + ", padding top " + num(p.padH) + " left " + num(p.padW) +
             "; sqrt of the mean square of the in-bounds part of each window */");
    ctx.line("float *o = " + ctx.outputs[0] + ";");
    ctx.line("for (int32_t b = 0; b < " + num(p.n) + "; ++b) {");
    ctx.line("for (int32_t oy = 0; oy < " + num(p.oh) + "; ++oy) {", 2);
    emitRange(ctx, "y", "oy", p.strideH, p.padH, p.filterH, p.h, 3);
    ctx.line("for (int32_t ox = 0; ox < " + num(p.ow) + "; ++ox) {", 3);
    emitRange(ctx, "x", "ox", p.strideW, p.padW, p.filterW, p.w, 4);
    ctx.line("const float count = (float)((fy1 - fy0) * (fx1 - fx0));", 4);
    ctx.line("for (int32_t ch = 0; ch < " + num(p.c) + "; ++ch) {", 4);
    ctx.line("float sum = 0.0f;", 5);
    ctx.line("for (int32_t fy = fy0; fy < fy1; ++fy) {", 5);
    ctx.line("for (int32_t fx = fx0; fx < fx1; ++fx) {", 6);
    ctx.line("const float v = " + ctx.inputs[0] + "[((b * " + num(p.h) + " + iy0 + fy) * " + num(p.w) +
                 " + ix0 + fx) * " + num(p.c) + " + ch];",
             7);
    ctx.line("sum += v * v;", 7);
    ctx.line("}", 6);
    ctx.line("}", 5);
    ctx.line("sum = sqrtf(sum / count);", 5);
    ctx.line("sum = sum < " + cFloat(p.fMin) + " ? " + cFloat(p.fMin) + " : sum;", 5);
    ctx.line("*o++ = sum > " + cFloat(p.fMax) + " ? " + cFloat(p.fMax) + " : sum;", 5);
    ctx.line("}", 4);
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

int64_t macs(const Graph &g, const Op &op) {
    return int64_t(op.attrs.filterH) * op.attrs.filterW * g.out(op).elements();
}

}  // namespace

extern const OpKernel kL2Pool2D;
const OpKernel kL2Pool2D = {OpType::L2Pool2D, prepare, eval, emit, macs, "float32"};

}  // namespace ember
