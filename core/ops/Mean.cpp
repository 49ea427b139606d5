// MEAN over the axes given by a constant int32 tensor (input 1), int8,
// int16 and float32, bit-exact with TFLite Micro (reduce_common.cc,
// reference/reduce.h):
//  - float: sum in input order, divide by the element count,
//  - int8/int16: QuantizedMeanOrSum, i.e. (sum - zp_in * count) rescaled by
//    scale_in/scale_out with 1/count folded into the multiplier, + zp_out,
//    saturated to the type (no fused activation). TFLM takes this path even
//    when input and output share scale and zero point (so the result rounds
//    to nearest; a plain sum / count would truncate).
#include <algorithm>
#include <cstdio>

#include "Common.h"
#include "ReduceCommon.h"
#include "OpError.h"

namespace ember {
namespace {

enum class Mode { Float, IntRequant };

using reduce::Loop;
using reduce::closeLoops;
using reduce::offsetExpr;
using reduce::openLoops;
using reduce::walk;

struct Params {
    DType dtype = DType::Float32;
    Mode mode = Mode::Float;
    std::vector<Loop> kept, reduced;  // size-1 dims dropped, outermost first
    int64_t count = 1;                // elements averaged per output
    int64_t outElements = 1;
    int32_t mult = 0;
    int shift = 0;
    int64_t zpTimesCount = 0;
    int32_t outZp = 0;
};

// Resolves negative and duplicate axes like TFLite's ResolveAxis.
bool resolveAxes(const Graph &g, const Op &op, Diagnostics &d, std::vector<bool> *reduced) {
    const Tensor &in = g.in(op, 0), &axis = g.in(op, 1);
    const int rank = int(in.shape.size());
    if (axis.dtype != DType::Int32 || !axis.isConst)
        return opError(d, g, op, "mean needs a constant int32 axis tensor as input 2; freeze the axes in the model",
                       op.inputs[1]);
    if (axis.data.size() != size_t(axis.elements()) * 4)
        return opError(d, g, op, "the axis tensor has no data of the size its shape says", op.inputs[1]);
    reduced->assign(size_t(rank), false);
    for (int64_t i = 0; i < axis.elements(); ++i) {
        const int32_t a = axis.at<int32_t>(i);
        if (a < -rank || a >= rank)
            return opError(d, g, op,
                           "axis " + std::to_string(a) + " is out of range for the " + std::to_string(rank) +
                               "-D input " + shapeString(in.shape),
                           op.inputs[1]);
        (*reduced)[size_t(a < 0 ? a + rank : a)] = true;
    }
    return true;
}

bool checkMeanShape(Diagnostics &d, const Graph &g, const Op &op, const Shape &inferred) {
    const Shape &model = g.out(op).shape;
    // A full reduction yields a scalar; converters write it as [] or [1].
    if (inferred.empty() && model == Shape{1}) return true;
    return checkOutputShape(d, g, op, op.outputs[0], inferred);
}

void buildLoops(const Shape &shape, const std::vector<bool> &reduced, Params *p) {
    const reduce::Loops l = reduce::buildLoops(shape, reduced);
    p->kept = l.kept;
    p->reduced = l.reduced;
    p->count = l.count;
    p->outElements = l.outElements;
}

bool prepareQuantized(const Graph &g, const Op &op, Diagnostics &d, Params *p) {
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (!hasPerTensorQuant(in) || !hasPerTensorQuant(out))
        return opError(d, g, op, "quantized mean needs one positive scale per tensor", op.inputs[0]);
    p->mode = Mode::IntRequant;
    quantizeMultiplier(double(in.quant.sc()) / double(out.quant.sc()), &p->mult, &p->shift);
    // Fold 1/count into the multiplier as QuantizedMeanOrSum does.
    int s = 0;
    while ((uint64_t(p->count) >> (s + 1)) != 0) ++s;  // floor(log2(count))
    s = std::min(s, 32);
    s = std::min(s, 31 + p->shift);
    p->mult = int32_t((int64_t(p->mult) << s) / p->count);
    p->shift -= s;
    p->zpTimesCount = int64_t(in.quant.zp()) * p->count;
    p->outZp = out.quant.zp();
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, "mean expects 2 inputs (data, axes) and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.dtype != out.dtype)
        return opError(d, g, op, "mean needs the same input and output type", op.outputs[0]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8 && in.dtype != DType::Int16)
        return opError(d, g, op, "mean supports float32, int8 and int16, not " + std::string(dtypeName(in.dtype)),
                       op.inputs[0]);
    if (in.elements() <= 0) return opError(d, g, op, "mean of an empty tensor", op.inputs[0]);
    std::vector<bool> reduced;
    if (!resolveAxes(g, op, d, &reduced)) return false;
    Shape inferred;
    for (size_t i = 0; i < in.shape.size(); ++i) {
        if (!reduced[i])
            inferred.push_back(in.shape[i]);
        else if (op.attrs.keepDims)
            inferred.push_back(1);
    }
    if (!checkMeanShape(d, g, op, inferred)) return false;

    Params p;
    p.dtype = in.dtype;
    buildLoops(in.shape, reduced, &p);
    if (in.dtype != DType::Float32 && !prepareQuantized(g, op, d, &p)) return false;
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

template <class T> T meanOf(const Params &p, const T *in, int64_t base) {
    if constexpr (std::is_same_v<T, float>) {
        float sum = 0.f;
        walk(p.reduced, base, [&](int64_t i) { sum += in[i]; });
        return sum / float(p.count);
    } else {
        uint32_t sum = 0;  // wraps like TFLite's int32 accumulation
        walk(p.reduced, base, [&](int64_t i) { sum += uint32_t(int32_t(in[i])); });
        const int32_t s = int32_t(sum);
        const auto shifted = int32_t(uint32_t(int64_t(s) - p.zpTimesCount));
        const int32_t r = multiplyByQuantizedMultiplier(shifted, p.mult, p.shift) + p.outZp;
        return T(std::min(dtypeMax(p.dtype), std::max(dtypeMin(p.dtype), r)));
    }
}

template <class T> void evalTyped(const Params &p, const T *in, T *out) {
    int64_t o = 0;
    walk(p.kept, 0, [&](int64_t base) { out[o++] = meanOf(p, in, base); });
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = buf[size_t(op.inputs[0])].data();
    uint8_t *out = buf[size_t(op.outputs[0])].data();
    switch (p.dtype) {
    case DType::Int8: evalTyped(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<int8_t *>(out)); break;
    case DType::Int16: evalTyped(p, reinterpret_cast<const int16_t *>(in), reinterpret_cast<int16_t *>(out)); break;
    default: evalTyped(p, reinterpret_cast<const float *>(in), reinterpret_cast<float *>(out)); break;
    }
}

// --- C emission ------------------------------------------------------------

void emitResult(const Params &p, EmitContext &ctx, const std::string &dst, int ind) {
    const std::string ct = dtypeCType(p.dtype);
    switch (p.mode) {
    case Mode::Float: ctx.line(dst + " = sum / " + cFloat(float(p.count)) + ";", ind); break;
    case Mode::IntRequant:
        ctx.line("int32_t r = ember_mbqm(sum - " + cInt(p.zpTimesCount) + ", " + cInt(p.mult) + ", " +
                     std::to_string(p.shift) + ") + " + cInt(p.outZp) + ";",
                 ind);
        ctx.line(dst + " = (" + ct + ")ember_clamp(r, " + cInt(dtypeMin(p.dtype)) + ", " + cInt(dtypeMax(p.dtype)) +
                     ");",
                 ind);
        break;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    const char *how = p.mode == Mode::Float ? "float sum / count" : "(sum - zp_in * count) requantized to the output";
    char head[320];
    std::snprintf(head, sizeof head, "/* MEAN %s: %s -> %s over %lld elements each; %s */", dtypeName(p.dtype),
                  shapeString(in.shape).c_str(), shapeString(out.shape).c_str(), (long long)p.count, how);
    ctx.line(head);
    // The axes are baked into the loops; the axis tensor is never read
    // (so the generator does not emit it).
    if (p.mode == Mode::IntRequant) {
        useHelper(ctx, "ember_mbqm");
        useHelper(ctx, "ember_clamp");
    }
    openLoops(ctx, p.kept, "k", 1);
    const int ind = 1 + int(p.kept.size());
    const bool isFloat = p.dtype == DType::Float32;
    ctx.line(isFloat ? "float sum = 0.0f;" : "int32_t sum = 0;", ind);
    openLoops(ctx, p.reduced, "r", ind);
    std::string src = offsetExpr(p.kept, "k", false);
    if (!p.reduced.empty()) src = (src == "0" ? "" : src + " + ") + offsetExpr(p.reduced, "r", false);
    ctx.line("sum += " + ctx.inputs[0] + "[" + src + "];", ind + int(p.reduced.size()));
    closeLoops(ctx, p.reduced.size(), ind);
    emitResult(p, ctx, ctx.outputs[0] + "[" + offsetExpr(p.kept, "k", true) + "]", ind);
    closeLoops(ctx, p.kept.size(), 1);
}

}  // namespace

const OpKernel kMean = {OpType::Mean, prepare, eval, emit, nullptr, "int8, int16, float32"};

}  // namespace ember
