// RESIZE_NEAREST_NEIGHBOR (float32, int8, int16) and RESIZE_BILINEAR
// (float32, int8) on NHWC tensors, bit-exact with TFLM's reference kernels
// (reference/resize_nearest_neighbor.h, reference/resize_bilinear.h):
//  - the size input must be a constant int32 [2] (TFLM refuses anything else),
//  - the source rows/columns (and bilinear weights) depend only on the
//    shapes, so prepare computes them with TFLM's float / 10-bit fixed-point
//    arithmetic and the generated C reads them from small tables,
//  - quantized data is copied / interpolated without rescaling (TFLM does
//    not look at the output quantization).
#include <algorithm>
#include <cmath>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Axis {  // per output row (or column)
    std::vector<int32_t> lo, hi;  // nearest: lo only
    std::vector<float> frac;      // float bilinear: source position - lo
    std::vector<int32_t> pos10;   // int8 bilinear: source position in 1/1024
};

struct Params {
    bool bilinear = false;
    DType dtype = DType::Float32;
    int n = 1, inH = 1, inW = 1, c = 1, outH = 1, outW = 1;
    Axis rows, cols;
};

// reference_ops::GetNearestNeighbor.
int32_t nearest(int value, int32_t inSize, int32_t outSize, bool alignCorners, bool halfPixel) {
    const float scale = (alignCorners && outSize > 1) ? float(inSize - 1) / float(outSize - 1)
                                                      : float(inSize) / float(outSize);
    const float offset = halfPixel ? 0.5f : 0.0f;
    const float pos = (float(value) + offset) * scale;
    int32_t v = std::min(alignCorners ? int32_t(std::round(pos)) : int32_t(std::floor(pos)), inSize - 1);
    if (halfPixel) v = std::max(int32_t(0), v);
    return v;
}

// The float bilinear axis (ComputeInterpolationValues).
void bilinearFloatAxis(int inSize, int outSize, bool alignCorners, bool halfPixel, Axis *a) {
    float scale = float(inSize) / float(outSize);
    if (alignCorners && outSize > 1) scale = float(inSize - 1) / float(outSize - 1);
    for (int v = 0; v < outSize; ++v) {
        const float pos = halfPixel ? (float(v) + 0.5f) * scale - 0.5f : float(v) * scale;
        const int32_t lo = std::max(int32_t(std::floor(pos)), int32_t(0));
        const int32_t hi = std::min(int32_t(std::ceil(pos)), int32_t(inSize - 1));
        a->lo.push_back(lo);
        a->hi.push_back(hi);
        a->frac.push_back(pos - float(lo));
    }
}

// The integer bilinear axis (ComputeInterpolationValuesInteger, 10 fraction bits).
void bilinearIntAxis(int inSize, int outSize, bool alignCorners, bool halfPixel, Axis *a) {
    int32_t scale10 = ((1 << 10) * inSize + outSize / 2) / outSize;
    if (alignCorners && outSize > 1) scale10 = ((1 << 10) * (inSize - 1) + (outSize - 1) / 2) / (outSize - 1);
    for (int v = 0; v < outSize; ++v) {
        const int32_t pos = halfPixel ? v * scale10 + scale10 / 2 - (1 << 9) : v * scale10;
        a->lo.push_back(std::max(pos / (1 << 10), int32_t(0)));
        a->hi.push_back(std::min((pos + (1 << 10) - 1) / (1 << 10), int32_t(inSize - 1)));
        a->pos10.push_back(pos);
    }
}

bool prepareResize(bool bilinear, Graph &g, Op &op, Diagnostics &d) {
    const std::string name = bilinear ? "bilinear resize" : "nearest-neighbour resize";
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 2 inputs (data, size) and 1 output");
    const Tensor &in = g.in(op, 0), &size = g.in(op, 1), &out = g.out(op);
    const bool typeOk = in.dtype == DType::Float32 || in.dtype == DType::Int8 ||
                        (!bilinear && in.dtype == DType::Int16);
    if (!typeOk)
        return opError(d, g, op,
                       name + " of " + dtypeName(in.dtype) + " is not supported; use " +
                           (bilinear ? "float32 or int8" : "float32, int8 or int16"),
                       op.inputs[0]);
    if (in.dtype != out.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; resize cannot change the type",
                       op.outputs[0]);
    if (in.shape.size() != 4)
        return opError(d, g, op, name + " needs a 4-D NHWC input, got " + shapeString(in.shape), op.inputs[0]);
    if (size.dtype != DType::Int32 || size.shape != Shape{2})
        return opError(d, g, op,
                       std::string("the size input must be int32 of shape [2] (height, width), got ") +
                           dtypeName(size.dtype) + " " + shapeString(size.shape),
                       op.inputs[1]);
    if (!size.isConst || size.data.size() != size.bytes())
        return opError(d, g, op,
                       "the size input is computed at run time; TFLite Micro only supports a constant size, "
                       "re-export the model with a static output size",
                       op.inputs[1]);
    if (bilinear && op.attrs.alignCorners && op.attrs.halfPixelCenters)
        return opError(d, g, op, "align_corners and half_pixel_centers cannot both be set; fix the model");
    Params p;
    p.bilinear = bilinear;
    p.dtype = in.dtype;
    p.n = in.shape[0], p.inH = in.shape[1], p.inW = in.shape[2], p.c = in.shape[3];
    p.outH = size.at<int32_t>(0), p.outW = size.at<int32_t>(1);
    for (int32_t v : in.shape)
        if (v <= 0) return opError(d, g, op, "input shape " + shapeString(in.shape) + " has an empty dimension", op.inputs[0]);
    if (p.outH <= 0 || p.outW <= 0)
        return opError(d, g, op, "the output size (" + std::to_string(p.outH) + ", " + std::to_string(p.outW) +
                                     ") must be positive; fix the model",
                       op.inputs[1]);
    if (!checkOutputShape(d, g, op, op.outputs[0], {p.n, p.outH, p.outW, p.c})) return false;
    const bool ac = op.attrs.alignCorners, hp = op.attrs.halfPixelCenters;
    if (!bilinear) {
        for (int y = 0; y < p.outH; ++y) p.rows.lo.push_back(nearest(y, p.inH, p.outH, ac, hp));
        for (int x = 0; x < p.outW; ++x) p.cols.lo.push_back(nearest(x, p.inW, p.outW, ac, hp));
    } else if (p.dtype == DType::Float32) {
        bilinearFloatAxis(p.inH, p.outH, ac, hp, &p.rows);
        bilinearFloatAxis(p.inW, p.outW, ac, hp, &p.cols);
    } else {
        bilinearIntAxis(p.inH, p.outH, ac, hp, &p.rows);
        bilinearIntAxis(p.inW, p.outW, ac, hp, &p.cols);
    }
    // TFLM's fixed-point scale is rounded; for extreme upsampling the lower
    // source index could step past the input, where TFLM reads out of bounds.
    auto inside = [](const Axis &a, int size) {
        for (size_t i = 0; i < a.lo.size(); ++i)
            if (a.lo[i] < 0 || a.lo[i] >= size || (!a.hi.empty() && (a.hi[i] < 0 || a.hi[i] >= size))) return false;
        return true;
    };
    if (!inside(p.rows, p.inH) || !inside(p.cols, p.inW))
        return opError(d, g, op,
                       "resizing " + shapeString(in.shape) + " to " + std::to_string(p.outH) + "x" +
                           std::to_string(p.outW) + " would read outside the input (TFLite's rounded scale); "
                           "use a smaller upsampling factor",
                       op.inputs[1]);
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

template <class T> void evalNearest(const Params &p, const T *in, T *out) {
    for (int b = 0; b < p.n; ++b)
        for (int y = 0; y < p.outH; ++y)
            for (int x = 0; x < p.outW; ++x) {
                const T *src = in + ((int64_t(b) * p.inH + p.rows.lo[size_t(y)]) * p.inW + p.cols.lo[size_t(x)]) * p.c;
                std::copy(src, src + p.c, out);
                out += p.c;
            }
}

void evalBilinearFloat(const Params &p, const float *in, float *out) {
    for (int b = 0; b < p.n; ++b)
        for (int y = 0; y < p.outH; ++y) {
            const size_t yi = size_t(y);
            const float dy = p.rows.frac[yi], ey = 1 - dy;
            const float *r0 = in + (int64_t(b) * p.inH + p.rows.lo[yi]) * p.inW * p.c;
            const float *r1 = in + (int64_t(b) * p.inH + p.rows.hi[yi]) * p.inW * p.c;
            for (int x = 0; x < p.outW; ++x) {
                const size_t xi = size_t(x);
                const float dx = p.cols.frac[xi], ex = 1 - dx;
                const int64_t c0 = int64_t(p.cols.lo[xi]) * p.c, c1 = int64_t(p.cols.hi[xi]) * p.c;
                for (int c = 0; c < p.c; ++c)
                    *out++ = r0[c0 + c] * ey * ex + r1[c0 + c] * dy * ex + r0[c1 + c] * ey * dx + r1[c1 + c] * dy * dx;
            }
        }
}

void evalBilinearInt8(const Params &p, const int8_t *in, int8_t *out) {
    for (int b = 0; b < p.n; ++b)
        for (int y = 0; y < p.outH; ++y) {
            const size_t yi = size_t(y);
            const int32_t wy = p.rows.pos10[yi] - (1 << 10) * p.rows.lo[yi];
            const int8_t *r0 = in + (int64_t(b) * p.inH + p.rows.lo[yi]) * p.inW * p.c;
            const int8_t *r1 = in + (int64_t(b) * p.inH + p.rows.hi[yi]) * p.inW * p.c;
            for (int x = 0; x < p.outW; ++x) {
                const size_t xi = size_t(x);
                const int32_t wx = p.cols.pos10[xi] - (1 << 10) * p.cols.lo[xi];
                const int64_t c0 = int64_t(p.cols.lo[xi]) * p.c, c1 = int64_t(p.cols.hi[xi]) * p.c;
                for (int c = 0; c < p.c; ++c) {
                    const int64_t v = int64_t(r0[c0 + c]) * ((1 << 10) - wy) * ((1 << 10) - wx) +
                                      int64_t(r1[c0 + c]) * wy * ((1 << 10) - wx) +
                                      int64_t(r0[c1 + c]) * ((1 << 10) - wy) * wx + int64_t(r1[c1 + c]) * wy * wx;
                    const int64_t round = v > 0 ? (1 << 19) : -(1 << 19);
                    *out++ = int8_t((v + round) / (1 << 20));
                }
            }
        }
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = buf[size_t(op.inputs[0])].data();
    uint8_t *out = buf[size_t(op.outputs[0])].data();
    if (p.bilinear) {
        if (p.dtype == DType::Float32)
            evalBilinearFloat(p, reinterpret_cast<const float *>(in), reinterpret_cast<float *>(out));
        else
            evalBilinearInt8(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<int8_t *>(out));
        return;
    }
    switch (p.dtype) {
    case DType::Int8: evalNearest(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<int8_t *>(out)); break;
    case DType::Int16: evalNearest(p, reinterpret_cast<const int16_t *>(in), reinterpret_cast<int16_t *>(out)); break;
    default: evalNearest(p, reinterpret_cast<const float *>(in), reinterpret_cast<float *>(out)); break;
    }
}

// --- C emission ------------------------------------------------------------

std::string n(int64_t v) { return cInt(v); }
std::string cMulStr(const std::string &x, int64_t k) { return k == 1 ? x : x + " * " + n(k); }

// A table of per-row/column source indices, or "" when the index is the
// loop variable itself (identity mapping: no table needed).
std::string indexTable(EmitContext &ctx, const std::string &suffix, const std::vector<int32_t> &v,
                       const std::string &comment) {
    bool identity = true;
    for (size_t i = 0; i < v.size(); ++i) identity = identity && v[i] == int32_t(i);
    return identity ? "" : ctx.constantI32(suffix, v, comment);
}

std::string at(const std::string &table, const std::string &var) { return table.empty() ? var : table + "[" + var + "]"; }

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string T = dtypeCType(p.dtype), &src = ctx.inputs[0], &dst = ctx.outputs[0];
    ctx.line("/* " + std::string(opTypeName(op.type)) + " " + dtypeName(p.dtype) + " " +
             shapeString(g.in(op, 0).shape) + " -> " + shapeString(g.out(op).shape) + ", align_corners " +
             (op.attrs.alignCorners ? "1" : "0") + ", half_pixel_centers " + (op.attrs.halfPixelCenters ? "1" : "0") +
             " */");
    const int64_t rowElems = int64_t(p.inW) * p.c;
    const std::string y0 = indexTable(ctx, "y0", p.rows.lo, "source row of each output row");
    const std::string x0 = indexTable(ctx, "x0", p.cols.lo, "source column of each output column");
    ctx.line(T + " *o = " + dst + ";");
    ctx.line("for (int32_t b = 0; b < " + n(p.n) + "; ++b) {");
    ctx.line("const " + T + " *xb = " + src + " + b * " + n(int64_t(p.inH) * rowElems) + ";", 2);
    ctx.line("for (int32_t y = 0; y < " + n(p.outH) + "; ++y) {", 2);
    if (!p.bilinear) {
        ctx.line("const " + T + " *row = xb + " + cMulStr(at(y0, "y"), rowElems) + ";", 3);
        ctx.line("for (int32_t x = 0; x < " + n(p.outW) + "; ++x) {", 3);
        ctx.line("const " + T + " *px = row + " + cMulStr(at(x0, "x"), p.c) + ";", 4);
        ctx.line("for (int32_t c = 0; c < " + n(p.c) + "; ++c) *o++ = px[c];", 4);
        ctx.line("}", 3);
        ctx.line("}", 2);
        ctx.line("}");
        return;
    }
    const std::string y1 = indexTable(ctx, "y1", p.rows.hi, "upper source row of each output row");
    const std::string x1 = indexTable(ctx, "x1", p.cols.hi, "upper source column of each output column");
    ctx.line("const " + T + " *r0 = xb + " + cMulStr(at(y0, "y"), rowElems) + ";", 3);
    ctx.line("const " + T + " *r1 = xb + " + cMulStr(at(y1, "y"), rowElems) + ";", 3);
    if (p.dtype == DType::Float32) {
        const std::string fy = ctx.constant("fy", DType::Float32, p.rows.frac.data(), p.rows.frac.size(),
                                            "source row position minus its lower row");
        const std::string fx = ctx.constant("fx", DType::Float32, p.cols.frac.data(), p.cols.frac.size(),
                                            "source column position minus its lower column");
        ctx.line("const float dy = " + fy + "[y], ey = 1.0f - dy;", 3);
        ctx.line("for (int32_t x = 0; x < " + n(p.outW) + "; ++x) {", 3);
        ctx.line("const float dx = " + fx + "[x], ex = 1.0f - dx;", 4);
        ctx.line("const int32_t c0 = " + cMulStr(at(x0, "x"), p.c) + ", c1 = " + cMulStr(at(x1, "x"), p.c) + ";", 4);
        ctx.line("for (int32_t c = 0; c < " + n(p.c) + "; ++c) {", 4);
        ctx.line("*o++ = r0[c0 + c] * ey * ex + r1[c0 + c] * dy * ex + r0[c1 + c] * ey * dx + r1[c1 + c] * dy * dx;", 5);
    } else {
        const std::string py = ctx.constantI32("py", p.rows.pos10, "source row position in 1/1024");
        const std::string px = ctx.constantI32("px", p.cols.pos10, "source column position in 1/1024");
        ctx.line("const int32_t wy = " + py + "[y] - " + at(y0, "y") + " * 1024;", 3);
        ctx.line("for (int32_t x = 0; x < " + n(p.outW) + "; ++x) {", 3);
        ctx.line("const int32_t wx = " + px + "[x] - " + at(x0, "x") + " * 1024;", 4);
        ctx.line("const int32_t c0 = " + cMulStr(at(x0, "x"), p.c) + ", c1 = " + cMulStr(at(x1, "x"), p.c) + ";", 4);
        ctx.line("for (int32_t c = 0; c < " + n(p.c) + "; ++c) {", 4);
        ctx.line("const int64_t v = (int64_t)r0[c0 + c] * (1024 - wy) * (1024 - wx) + "
                 "(int64_t)r1[c0 + c] * wy * (1024 - wx) +",
                 5);
        ctx.line("    (int64_t)r0[c1 + c] * (1024 - wy) * wx + (int64_t)r1[c1 + c] * wy * wx;", 5);
        ctx.line("/* rounds half away from zero, as TFLM (not TFLITE_SINGLE_ROUNDING) */", 5);
        ctx.line("*o++ = (int8_t)((v + (v > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));", 5);
    }
    ctx.line("}", 4);
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

bool prepareNearest(Graph &g, Op &op, Diagnostics &d) { return prepareResize(false, g, op, d); }
bool prepareBilinear(Graph &g, Op &op, Diagnostics &d) { return prepareResize(true, g, op, d); }

}  // namespace

extern const OpKernel kResizeNearestNeighbor, kResizeBilinear;
const OpKernel kResizeNearestNeighbor = {OpType::ResizeNearestNeighbor, prepareNearest, eval, emit, nullptr, "float32, int8, int16"};
const OpKernel kResizeBilinear = {OpType::ResizeBilinear, prepareBilinear, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
