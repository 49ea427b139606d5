// AVERAGE_POOL_2D and MAX_POOL_2D on NHWC tensors (int8, int16, float32),
// bit-exact with TFLite Micro's reference kernels
// (reference/integer_ops/pooling.h, reference/pooling.h, pooling_common.cc):
//  - the window is clipped to the input; padding never contributes,
//  - the average divides by the number of valid elements, rounding half
//    away from zero for integers ((acc +- count/2) / count),
//  - quantized input and output share scale and zero point (no rescaling),
//  - the fused activation clamps the result.
#include <algorithm>
#include <cstdio>
#include <limits>

#include "Common.h"
#include "ConvFast.h"
#include "OpError.h"
#include "Target.h"

namespace ember {
namespace {

struct Params {
    bool average = true;
    DType dtype = DType::Float32;
    int n = 0, h = 0, w = 0, c = 0, oh = 0, ow = 0;
    int strideH = 1, strideW = 1, filterH = 1, filterW = 1, padH = 0, padW = 0;
    int32_t actMin = 0, actMax = 0;
    float fMin = 0.f, fMax = 0.f;
};

// The valid part [start, end) of the window starting at `origin`.
void windowRange(int origin, int filter, int size, int *start, int *end) {
    *start = std::max(0, -origin);
    *end = std::min(filter, size - origin);
}

bool everyWindowHasInput(const Params &p) {
    for (int oy = 0; oy < p.oh; ++oy) {
        int s, e;
        windowRange(oy * p.strideH - p.padH, p.filterH, p.h, &s, &e);
        if (e <= s) return false;
    }
    for (int ox = 0; ox < p.ow; ++ox) {
        int s, e;
        windowRange(ox * p.strideW - p.padW, p.filterW, p.w, &s, &e);
        if (e <= s) return false;
    }
    return true;
}

bool preparePool(bool average, Graph &g, Op &op, Diagnostics &d) {
    const std::string name = average ? "average pooling" : "max pooling";
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || !g.hasInput(op, 0) || op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 1 input and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.dtype != out.dtype)
        return opError(d, g, op, name + " needs the same input and output type", op.outputs[0]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8 && in.dtype != DType::Int16)
        return opError(d, g, op, name + " supports float32, int8 and int16, not " + std::string(dtypeName(in.dtype)),
                       op.inputs[0]);
    if (in.shape.size() != 4)
        return opError(d, g, op, name + " needs a 4-D NHWC input, got " + shapeString(in.shape), op.inputs[0]);
    const OpAttrs &a = op.attrs;
    if (a.filterW < 1 || a.filterH < 1 || a.strideW < 1 || a.strideH < 1)
        return opError(d, g, op, "filter size and strides must be at least 1; fix the pooling options in the model");

    Params p;
    p.average = average;
    p.dtype = in.dtype;
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
    if (!everyWindowHasInput(p))
        return opError(d, g, op, "some pooling windows contain no input element; check strides and padding");

    if (in.dtype == DType::Float32) {
        activationRangeFloat(a.activation, &p.fMin, &p.fMax);
    } else {
        if (!hasPerTensorQuant(in) || !hasPerTensorQuant(out))
            return opError(d, g, op, "quantized pooling needs one positive scale per tensor", op.inputs[0]);
        // TFLM does not rescale: it requires equal quantization.
        if (std::abs(double(in.quant.sc()) - double(out.quant.sc())) > 1.0e-6 || in.quant.zp() != out.quant.zp())
            return opError(d, g, op,
                           "quantized pooling needs the same scale and zero point on input and output; "
                           "re-quantize the model",
                           op.outputs[0]);
        if (!activationRangeQuantized(a.activation, out, &p.actMin, &p.actMax))
            return opError(d, g, op,
                           std::string("fused activation ") + activationName(a.activation) +
                               " is not supported on quantized pooling; use NONE, RELU, RELU6 or RELU_N1_TO_1");
    }
    if (in.dtype == DType::Float32 && (a.activation == Activation::Tanh || a.activation == Activation::SignBit))
        return opError(d, g, op,
                       std::string("fused activation ") + activationName(a.activation) + " is not supported");
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

template <class T> T reduceWindow(const Params &p, const T *in, int b, int oy, int ox, int ch) {
    const int iy0 = oy * p.strideH - p.padH, ix0 = ox * p.strideW - p.padW;
    int fy0, fy1, fx0, fx1;
    windowRange(iy0, p.filterH, p.h, &fy0, &fy1);
    windowRange(ix0, p.filterW, p.w, &fx0, &fx1);
    auto at = [&](int fy, int fx) { return in[((size_t(b) * p.h + size_t(iy0 + fy)) * p.w + size_t(ix0 + fx)) * p.c + size_t(ch)]; };
    if constexpr (std::is_same_v<T, float>) {
        float acc = p.average ? 0.f : std::numeric_limits<float>::lowest();
        for (int fy = fy0; fy < fy1; ++fy)
            for (int fx = fx0; fx < fx1; ++fx) acc = p.average ? acc + at(fy, fx) : std::max(acc, at(fy, fx));
        if (p.average) acc = acc / float((fy1 - fy0) * (fx1 - fx0));
        return std::min(std::max(acc, p.fMin), p.fMax);
    } else {
        int32_t acc = p.average ? 0 : int32_t(std::numeric_limits<T>::lowest());
        for (int fy = fy0; fy < fy1; ++fy)
            for (int fx = fx0; fx < fx1; ++fx)
                acc = p.average ? acc + at(fy, fx) : std::max<int32_t>(acc, at(fy, fx));
        if (p.average) {
            const int32_t count = (fy1 - fy0) * (fx1 - fx0);
            acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
        }
        return T(std::min(p.actMax, std::max(p.actMin, acc)));
    }
}

template <class T> void evalTyped(const Params &p, const T *in, T *out) {
    size_t o = 0;
    for (int b = 0; b < p.n; ++b)
        for (int oy = 0; oy < p.oh; ++oy)
            for (int ox = 0; ox < p.ow; ++ox)
                for (int ch = 0; ch < p.c; ++ch) out[o++] = reduceWindow(p, in, b, oy, ox, ch);
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = buf[size_t(op.inputs[0])].data();
    uint8_t *out = buf[size_t(op.outputs[0])].data();
    switch (p.dtype) {
    case DType::Int8:
        evalTyped(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<int8_t *>(out));
        break;
    case DType::Int16:
        evalTyped(p, reinterpret_cast<const int16_t *>(in), reinterpret_cast<int16_t *>(out));
        break;
    default:
        evalTyped(p, reinterpret_cast<const float *>(in), reinterpret_cast<float *>(out));
        break;
    }
}

// --- C emission ------------------------------------------------------------

std::string num(int64_t v) { return cInt(v); }

// Lines computing the valid window range along one axis.
void emitRange(EmitContext &ctx, const std::string &axis, const std::string &o, int stride, int pad, int filter,
               const std::string &size, int ind) {
    const std::string org = "i" + axis + "0";
    ctx.line("const int32_t " + org + " = " + o + " * " + num(stride) + " - " + num(pad) + ";", ind);
    ctx.line("const int32_t f" + axis + "0 = " + org + " < 0 ? -" + org + " : 0;", ind);
    ctx.line("const int32_t f" + axis + "1 = " + size + " - " + org + " < " + num(filter) + " ? " + size + " - " +
                 org + " : " + num(filter) + ";",
             ind);
}

// Extents of the input and output (--dim: height or width may be a
// run-time extent; VALID padding along it).
struct Extents {
    std::string h, w, oh, ow;
};

Extents extents(const Params &p, const EmitContext &ctx) {
    const Shape in = {p.n, p.h, p.w, p.c}, out = {p.n, p.oh, p.ow, p.c};
    return {ctx.inputExtent(0, in, 1), ctx.inputExtent(0, in, 2), ctx.outputCount(0, out, 1, 2),
            ctx.outputCount(0, out, 2, 3)};
}

void emitChannelBody(const Params &p, const Extents &e, EmitContext &ctx, int ind) {
    const std::string in = ctx.inputs[0];
    const std::string src = in + "[((b * " + e.h + " + iy0 + fy) * " + e.w + " + ix0 + fx) * " + num(p.c) + " + ch]";
    const bool isFloat = p.dtype == DType::Float32;
    const std::string accType = isFloat ? "float" : "int32_t";
    std::string init = p.average ? (isFloat ? "0.0f" : "0") : (isFloat ? "-FLT_MAX" : num(dtypeMin(p.dtype)));
    ctx.line(accType + " acc = " + init + ";", ind);
    ctx.line("for (int32_t fy = fy0; fy < fy1; ++fy) {", ind);
    ctx.line("for (int32_t fx = fx0; fx < fx1; ++fx) {", ind + 1);
    if (p.average) {
        ctx.line("acc += " + src + ";", ind + 2);
    } else {
        ctx.line(accType + " v = " + src + ";", ind + 2);
        ctx.line("acc = v > acc ? v : acc;", ind + 2);
    }
    ctx.line("}", ind + 1);
    ctx.line("}", ind);
    const std::string dst = ctx.outputs[0] + "[((b * " + e.oh + " + oy) * " + e.ow + " + ox) * " + num(p.c) + " + ch]";
    if (isFloat) {
        if (p.average) ctx.line("acc = acc / (float)count;", ind);
        ctx.line("acc = acc < " + cFloat(p.fMin) + " ? " + cFloat(p.fMin) + " : acc;", ind);
        ctx.line(dst + " = acc > " + cFloat(p.fMax) + " ? " + cFloat(p.fMax) + " : acc;", ind);
    } else {
        if (p.average) ctx.line("acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;", ind);
        ctx.line(dst + " = (" + dtypeCType(p.dtype) + ")ember_clamp(acc, " + num(p.actMin) + ", " + num(p.actMax) +
                     ");",
                 ind);
    }
}

// Helium int8 average pooling when no window is clipped (count fixed at
// d <= 255): 8 channels per int16x8_t sum (|sum| <= 128 d fits), then the
// reference's rounded division on int32 lanes: q = (|sum| + d/2) / d as a
// high multiply by m = floor(2^32 / d) + 1 (checked exact here for every
// |sum| that can occur), negated for negative sums. Returns the multiplier
// (0: d == 1, no division), or -1 when the path does not apply.
int64_t mvePoolDivisor(const Params &p, const EmitContext &ctx) {
    if (!targetHasMve(ctx.target) || !p.average || p.dtype != DType::Int8 || ctx.inputDynamic(0) ||
        ctx.outputDynamic(0))
        return -1;
    for (int oy = 0; oy < p.oh; ++oy)
        if (oy * p.strideH - p.padH < 0 || oy * p.strideH - p.padH + p.filterH > p.h) return -1;
    for (int ox = 0; ox < p.ow; ++ox)
        if (ox * p.strideW - p.padW < 0 || ox * p.strideW - p.padW + p.filterW > p.w) return -1;
    const int64_t d = int64_t(p.filterH) * p.filterW;
    if (d > 255) return -1;
    if (d == 1) return 0;
    const uint64_t m = (uint64_t(1) << 32) / uint64_t(d) + 1;
    for (uint64_t a = 0; a <= uint64_t(128 * d + d / 2); ++a)
        if ((a * m) >> 32 != a / uint64_t(d)) return -1;
    return int64_t(m);
}

void emitMve(const Params &p, int64_t m, EmitContext &ctx) {
    const std::string in = ctx.inputs[0], out = ctx.outputs[0];
    const int64_t d = int64_t(p.filterH) * p.filterW, C = p.c;
    ctx.line("#if EMBER_MVE", 0);
    ctx.line("for (int32_t b = 0; b < " + num(p.n) + "; ++b) {");
    ctx.line("for (int32_t oy = 0; oy < " + num(p.oh) + "; ++oy) {", 2);
    ctx.line("for (int32_t ox = 0; ox < " + num(p.ow) + "; ++ox) {", 3);
    ctx.line("const int8_t *x0 = " + in + " + ((b * " + num(p.h) + " + oy * " + num(p.strideH) + " - " + num(p.padH) +
                 ") * " + num(p.w) + " + ox * " + num(p.strideW) + " - " + num(p.padW) + ") * " + num(C) + ";",
             4);
    ctx.line("int8_t *y0 = " + out + " + ((b * " + num(p.oh) + " + oy) * " + num(p.ow) + " + ox) * " + num(C) + ";", 4);
    // A window of whole input rows is one run of d pixels.
    const bool flat = p.filterW == p.w;
    const int64_t run = flat ? d : p.filterW;
    int unroll = 1;
    for (int u = 8; u > 1; --u)
        if (run % u == 0) {
            unroll = u;
            break;
        }
    const auto group = [&](const std::string &pred, int ind) {
        const auto ld = [&](const std::string &ptr) {
            return pred.empty() ? "vldrbq_s16(" + ptr + ")" : "vldrbq_z_s16(" + ptr + ", " + pred + ")";
        };
        ctx.line("int16x8_t sum = vdupq_n_s16(0);", ind);
        int in2 = ind;
        if (!flat) {
            ctx.line("for (int32_t fy = 0; fy < " + num(p.filterH) + "; ++fy) {", in2++);
            ctx.line("const int8_t *xr = x0 + fy * " + num(int64_t(p.w) * C) + " + c;", in2);
        } else {
            ctx.line("const int8_t *xr = x0 + c;", in2);
        }
        ctx.line("for (int32_t k = 0; k < " + num(run) + "; k += " + num(unroll) + ") {", in2);
        for (int u = 0; u < unroll; ++u)
            ctx.line("sum = vaddq_s16(sum, " + ld("xr + (k" + (u ? " + " + num(u) : "") + ") * " + num(C)) + ");",
                     in2 + 1);
        ctx.line("}", in2);
        if (!flat) ctx.line("}", --in2);
        ctx.line("int16x8_t res = vdupq_n_s16(0);", ind);
        // Even channels in the bottom halves, odd in the top (VMOVL/VMOVN B/T).
        for (const char *half : {"b", "t"}) {
            ctx.line("{", ind);
            ctx.line("const int32x4_t v = vmovl" + std::string(half) + "q_s16(sum);", ind + 1);
            if (m) {
                ctx.line("const uint32x4_t a = vreinterpretq_u32_s32(vaddq_n_s32(vabsq_s32(v), " + num(d / 2) + "));",
                         ind + 1);
                ctx.line("const int32x4_t q = vreinterpretq_s32_u32(vmulhq_u32(a, vdupq_n_u32(" +
                             std::to_string(m) + "u)));",
                         ind + 1);
                ctx.line("int32x4_t r = vpselq_s32(vnegq_s32(q), q, vcmpltq_n_s32(v, 0));", ind + 1);
            } else {
                ctx.line("int32x4_t r = v;", ind + 1);
            }
            ctx.line("r = vminq_s32(vmaxq_s32(r, vdupq_n_s32(" + num(p.actMin) + ")), vdupq_n_s32(" + num(p.actMax) +
                         "));",
                     ind + 1);
            ctx.line("res = vmovn" + std::string(half) + "q_s32(res, r);", ind + 1);
            ctx.line("}", ind);
        }
        ctx.line(pred.empty() ? "vstrbq_s16(y0 + c, res);" : "vstrbq_p_s16(y0 + c, res, " + pred + ");", ind);
    };
    const int64_t whole = C / 8 * 8;
    if (whole) {
        ctx.line("for (int32_t c = 0; c < " + num(whole) + "; c += 8) {", 4);
        group("", 5);
        ctx.line("}", 4);
    }
    if (C % 8) {
        ctx.line("{", 4);
        ctx.line("const int32_t c = " + num(whole) + ";", 5);
        ctx.line("const mve_pred16_t tail = vctp16q(" + num(C % 8) + ");", 5);
        group("tail", 5);
        ctx.line("}", 4);
    }
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
    ctx.line("#else", 0);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    char head[256];
    std::snprintf(head, sizeof head, "/* %s %s: %s -> %s, window %dx%d, stride %dx%d, padding top %d left %d; %s */",
                  opTypeName(op.type), dtypeName(p.dtype), shapeString(g.in(op, 0).shape).c_str(),
                  shapeString(g.out(op).shape).c_str(), p.filterH, p.filterW, p.strideH, p.strideW, p.padH, p.padW,
                  p.average ? "mean of the in-bounds part of each window, rounded half away from zero"
                            : "maximum of the in-bounds part of each window");
    ctx.line(head);
    if (p.dtype != DType::Float32) useHelper(ctx, "ember_clamp");
    const Extents e = extents(p, ctx);
    const int64_t mveDivisor = mvePoolDivisor(p, ctx);
    if (mveDivisor >= 0) {
        useMveKernelHelpers(ctx);
        emitMve(p, mveDivisor, ctx);
    }
    ctx.line("for (int32_t b = 0; b < " + num(p.n) + "; ++b) {");
    ctx.line("for (int32_t oy = 0; oy < " + e.oh + "; ++oy) {", 2);
    emitRange(ctx, "y", "oy", p.strideH, p.padH, p.filterH, e.h, 3);
    ctx.line("for (int32_t ox = 0; ox < " + e.ow + "; ++ox) {", 3);
    emitRange(ctx, "x", "ox", p.strideW, p.padW, p.filterW, e.w, 4);
    if (p.average) ctx.line("const int32_t count = (fy1 - fy0) * (fx1 - fx0);", 4);
    ctx.line("for (int32_t ch = 0; ch < " + num(p.c) + "; ++ch) {", 4);
    emitChannelBody(p, e, ctx, 5);
    ctx.line("}", 4);
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
    if (mveDivisor >= 0) ctx.line("#endif", 0);
}

int64_t macs(const Graph &g, const Op &op) {
    return int64_t(op.attrs.filterH) * op.attrs.filterW * g.out(op).elements();
}

bool prepareAverage(Graph &g, Op &op, Diagnostics &d) { return preparePool(true, g, op, d); }
bool prepareMax(Graph &g, Op &op, Diagnostics &d) { return preparePool(false, g, op, d); }

}  // namespace

const OpKernel kAveragePool2D = {OpType::AveragePool2D, prepareAverage, eval, emit, macs, "int8, int16, float32"};
const OpKernel kMaxPool2D = {OpType::MaxPool2D, prepareMax, eval, emit, macs, "int8, int16, float32"};

}  // namespace ember
