// SUM, REDUCE_MAX and REDUCE_MIN over constant axes, bit-exact with TFLite
// Micro (reduce_common.cc, reference/reduce.h):
//  - float32: ReduceGeneric, i.e. out = reducer(out, in) over the input in
//    row-major order, starting from 0 / lowest / max;
//  - SUM int8/int16: QuantizedMeanOrSum with compute_sum: the int32 sum of
//    the raw values, minus zp_in * count, rescaled by scale_in/scale_out
//    (QuantizeMultiplier, MultiplyByQuantizedMultiplier) + zp_out, saturated;
//  - REDUCE_MAX/MIN int8: the raw values (TFLM requires the same scale and
//    zero point in and out).
#include <algorithm>
#include <cstdio>
#include <limits>

#include "ReduceCommon.h"

namespace ember {
namespace {

using reduce::Loop;

enum class Kind { Sum, Max, Min };

struct Params {
    Kind kind = Kind::Sum;
    DType dtype = DType::Float32;
    reduce::Loops loops;
    int32_t mult = 0;  // SUM int8/int16
    int shift = 0;
    int64_t zpTimesCount = 0;
    int32_t outZp = 0;
};

Kind kindOf(const Op &op) {
    return op.type == OpType::ReduceMax ? Kind::Max : op.type == OpType::ReduceMin ? Kind::Min : Kind::Sum;
}

const char *nameOf(Kind k) { return k == Kind::Sum ? "sum" : k == Kind::Max ? "reduce_max" : "reduce_min"; }

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const Kind kind = kindOf(op);
    const std::string name = nameOf(kind);
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 2 inputs (data, axes) and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.dtype != out.dtype)
        return opError(d, g, op, name + " needs the same input and output type", op.outputs[0]);
    // TFLM: SUM takes float32, int8, int16; REDUCE_MAX/MIN float32 and int8.
    const bool typeOk = in.dtype == DType::Float32 || in.dtype == DType::Int8 ||
                        (kind == Kind::Sum && in.dtype == DType::Int16);
    if (!typeOk)
        return opError(d, g, op,
                       name + " does not support " + dtypeName(in.dtype) + "; use float32 or int8" +
                           (kind == Kind::Sum ? " or int16" : ""),
                       op.inputs[0]);
    if (in.shape.empty() || in.shape.size() > 5)
        return opError(d, g, op, name + " supports inputs of rank 1 to 5, not " + shapeString(in.shape),
                       op.inputs[0]);
    if (in.elements() <= 0) return opError(d, g, op, name + " of an empty tensor", op.inputs[0]);
    std::vector<bool> reduced;
    if (!reduce::resolveAxes(g, op, d, name.c_str(), &reduced)) return false;
    if (!reduce::checkReducedShape(d, g, op, reduced)) return false;

    Params p;
    p.kind = kind;
    p.dtype = in.dtype;
    p.loops = reduce::buildLoops(in.shape, reduced);
    if (in.dtype != DType::Float32) {
        if (!hasPerTensorQuant(in) || !hasPerTensorQuant(out))
            return opError(d, g, op, name + " needs one positive scale per quantized tensor", op.inputs[0]);
        if (kind == Kind::Sum) {
            quantizeMultiplier(double(in.quant.sc()) / double(out.quant.sc()), &p.mult, &p.shift);
            p.zpTimesCount = int64_t(in.quant.zp()) * p.loops.count;
            p.outZp = out.quant.zp();
        } else if (in.quant.sc() != out.quant.sc() || in.quant.zp() != out.quant.zp()) {
            return opError(d, g, op,
                           name + " needs the same scale and zero point on input and output; requantize "
                                  "separately",
                           op.outputs[0]);
        }
    }
    op.params = p;
    return true;
}

// --- reference -------------------------------------------------------------

template <class T> T reduceOne(const Params &p, const T *in, int64_t base) {
    if (p.kind == Kind::Sum) {
        if constexpr (std::is_same_v<T, float>) {
            float sum = 0.f;
            reduce::walk(p.loops.reduced, base, [&](int64_t i) { sum = in[i] + sum; });
            return sum;
        } else {
            uint32_t sum = 0;  // wraps like TFLite's int32 accumulation
            reduce::walk(p.loops.reduced, base, [&](int64_t i) { sum += uint32_t(int32_t(in[i])); });
            const auto shifted = int32_t(uint32_t(int64_t(int32_t(sum)) - p.zpTimesCount));
            const int32_t r = multiplyByQuantizedMultiplier(shifted, p.mult, p.shift) + p.outZp;
            return T(std::min(dtypeMax(p.dtype), std::max(dtypeMin(p.dtype), r)));
        }
    }
    const bool isMax = p.kind == Kind::Max;
    T acc = isMax ? std::numeric_limits<T>::lowest() : std::numeric_limits<T>::max();
    reduce::walk(p.loops.reduced, base, [&](int64_t i) {
        if (isMax ? in[i] > acc : in[i] < acc) acc = in[i];
    });
    return acc;
}

template <class T> void evalTyped(const Params &p, const T *in, T *out) {
    int64_t o = 0;
    reduce::walk(p.loops.kept, 0, [&](int64_t base) { out[o++] = reduceOne(p, in, base); });
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

std::string initValue(const Params &p) {
    const bool isMax = p.kind == Kind::Max;
    if (p.dtype == DType::Float32)
        return cFloat(isMax ? std::numeric_limits<float>::lowest() : std::numeric_limits<float>::max());
    return cInt(isMax ? dtypeMin(p.dtype) : dtypeMax(p.dtype));
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    const bool isFloat = p.dtype == DType::Float32;
    const std::string ct = dtypeCType(p.dtype);
    const char *how = p.kind == Kind::Max ? "maximum" : p.kind == Kind::Min ? "minimum"
                      : isFloat           ? "float sum in input order"
                                          : "(int32 sum - zp_in * count) requantized to the output";
    char head[320];
    std::snprintf(head, sizeof head, "/* %s %s: %s -> %s over %lld elements each; %s */", opTypeName(op.type),
                  dtypeName(p.dtype), shapeString(in.shape).c_str(), shapeString(out.shape).c_str(),
                  (long long)p.loops.count, how);
    ctx.line(head);
    // The axes are baked into the loops; the axis tensor is never read.
    const bool requant = p.kind == Kind::Sum && !isFloat;
    if (requant) {
        useHelper(ctx, "ember_mbqm");
        useHelper(ctx, "ember_clamp");
    }
    reduce::openLoops(ctx, p.loops.kept, "k", 1);
    const int ind = 1 + int(p.loops.kept.size());
    const std::string acc = p.kind == Kind::Sum ? "sum" : "m";
    if (p.kind == Kind::Sum)
        ctx.line(isFloat ? "float sum = 0.0f;" : "int32_t sum = 0;", ind);
    else
        ctx.line(ct + " m = " + initValue(p) + ";", ind);
    reduce::openLoops(ctx, p.loops.reduced, "r", ind);
    std::string src = reduce::offsetExpr(p.loops.kept, "k", false);
    if (!p.loops.reduced.empty())
        src = (src == "0" ? "" : src + " + ") + reduce::offsetExpr(p.loops.reduced, "r", false);
    const int inner = ind + int(p.loops.reduced.size());
    if (p.kind == Kind::Sum) {
        ctx.line(std::string("sum ") + (isFloat ? "= " + ctx.inputs[0] + "[" + src + "] + sum;"
                                                : "+= " + ctx.inputs[0] + "[" + src + "];"),
                 inner);
    } else {
        ctx.line(ct + " v = " + ctx.inputs[0] + "[" + src + "];", inner);
        ctx.line(std::string("if (v ") + (p.kind == Kind::Max ? ">" : "<") + " m) m = v;", inner);
    }
    reduce::closeLoops(ctx, p.loops.reduced.size(), ind);
    const std::string dst = ctx.outputs[0] + "[" + reduce::offsetExpr(p.loops.kept, "k", true) + "]";
    if (requant) {
        ctx.line("int32_t r = ember_mbqm((int32_t)((int64_t)sum - " + cInt(p.zpTimesCount) + "), " + cInt(p.mult) +
                     ", " + std::to_string(p.shift) + ") + " + cInt(p.outZp) + ";",
                 ind);
        ctx.line(dst + " = (" + ct + ")ember_clamp(r, " + cInt(dtypeMin(p.dtype)) + ", " + cInt(dtypeMax(p.dtype)) +
                     ");",
                 ind);
    } else {
        ctx.line(dst + " = " + acc + ";", ind);
    }
    reduce::closeLoops(ctx, p.loops.kept.size(), 1);
}

}  // namespace

extern const OpKernel kSum, kReduceMax, kReduceMin;
const OpKernel kSum = {OpType::Sum, prepare, eval, emit, nullptr, "float32, int8, int16"};
const OpKernel kReduceMax = {OpType::ReduceMax, prepare, eval, emit, nullptr, "float32, int8"};
const OpKernel kReduceMin = {OpType::ReduceMin, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
