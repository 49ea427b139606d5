// ARG_MAX and ARG_MIN along one constant axis (TFLM arg_min_max.cc +
// reference/arg_min_max.h): the index of the first extreme value (a later
// element replaces the current one only when strictly greater / less, so
// ties go to the lowest index). TFLM takes float32 or int8 data and an
// int32 axis, and writes int32.
#include <cstdio>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    bool isMax = true;
    DType dtype = DType::Float32;
    int64_t outer = 1, axisSize = 1, inner = 1;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const bool isMax = op.type == OpType::ArgMax;
    const std::string name = isMax ? "arg_max" : "arg_min";
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 2 inputs (data, axis) and 1 output");
    const Tensor &in = g.in(op, 0), &axis = g.in(op, 1), &out = g.out(op);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op, name + " does not support " + dtypeName(in.dtype) + " input; use float32 or int8",
                       op.inputs[0]);
    if (axis.dtype != DType::Int32)
        return opError(d, g, op, name + " needs an int32 axis (TFLM does not take " + dtypeName(axis.dtype) + ")",
                       op.inputs[1]);
    if (out.dtype != DType::Int32)
        return opError(d, g, op,
                       name + " writes int32 indices in TFLM, not " + std::string(dtypeName(out.dtype)) +
                           "; export the model with output_type int32",
                       op.outputs[0]);
    if (!axis.isConst || axis.elements() < 1 || axis.data.size() < 4)
        return opError(d, g, op, name + " needs a constant axis; freeze the axis tensor in the model", op.inputs[1]);
    const int rank = int(in.shape.size());
    if (rank < 1) return opError(d, g, op, name + " of a scalar", op.inputs[0]);
    int32_t a = axis.at<int32_t>(0);  // TFLM reads the first element only
    if (a < -rank || a >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(a) + " is out of range for the " + std::to_string(rank) +
                           "-D input " + shapeString(in.shape),
                       op.inputs[1]);
    if (a < 0) a += rank;
    if (in.elements() <= 0) return opError(d, g, op, name + " of an empty tensor", op.inputs[0]);
    Shape inferred;
    Params p;
    p.isMax = isMax;
    p.dtype = in.dtype;
    for (int i = 0; i < rank; ++i) {
        if (i < a) p.outer *= in.shape[size_t(i)];
        if (i > a) p.inner *= in.shape[size_t(i)];
        if (i != a) inferred.push_back(in.shape[size_t(i)]);
    }
    p.axisSize = in.shape[size_t(a)];
    if (!(inferred.empty() && out.shape == Shape{1}) && !checkOutputShape(d, g, op, op.outputs[0], inferred))
        return false;
    op.params = p;
    return true;
}

template <class T> void evalTyped(const Params &p, const T *in, int32_t *out) {
    for (int64_t o = 0; o < p.outer; ++o) {
        for (int64_t i = 0; i < p.inner; ++i) {
            const T *base = in + o * p.axisSize * p.inner + i;
            T best = base[0];
            int32_t index = 0;
            for (int64_t k = 1; k < p.axisSize; ++k) {
                const T v = base[k * p.inner];
                if (p.isMax ? v > best : v < best) {
                    best = v;
                    index = int32_t(k);
                }
            }
            out[o * p.inner + i] = index;
        }
    }
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = buf[size_t(op.inputs[0])].data();
    auto *out = reinterpret_cast<int32_t *>(buf[size_t(op.outputs[0])].data());
    switch (p.dtype) {
    case DType::Int8: evalTyped(p, reinterpret_cast<const int8_t *>(in), out); break;
    default: evalTyped(p, reinterpret_cast<const float *>(in), out); break;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string ct = dtypeCType(p.dtype);
    const std::string n = std::to_string(p.axisSize), inner = std::to_string(p.inner);
    ctx.line(std::string("/* ") + opTypeName(op.type) + " " + dtypeName(p.dtype) + " " + shapeString(in.shape) +
             ": " + n + " values apart by " + inner + "; ties keep the first index */");
    // The axis is baked in; the axis tensor is never read.
    ctx.line("for (int32_t o = 0; o < " + std::to_string(p.outer) + "; ++o) {");
    ctx.line("for (int32_t i = 0; i < " + inner + "; ++i) {", 2);
    ctx.line("const " + ct + " *x = " + ctx.inputs[0] + " + o * " + std::to_string(p.axisSize * p.inner) + " + i;",
             3);
    ctx.line(ct + " best = x[0];", 3);
    ctx.line("int32_t index = 0;", 3);
    ctx.line("for (int32_t k = 1; k < " + n + "; ++k) {", 3);
    ctx.line(ct + " v = x[k * " + inner + "];", 4);
    ctx.line(std::string("if (v ") + (p.isMax ? ">" : "<") + " best) {", 4);
    ctx.line("best = v;", 5);
    ctx.line("index = k;", 5);
    ctx.line("}", 4);
    ctx.line("}", 3);
    ctx.line(ctx.outputs[0] + "[o * " + inner + " + i] = index;", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kArgMax, kArgMin;
const OpKernel kArgMax = {OpType::ArgMax, prepare, eval, emit, nullptr, "float32, int8 (int32 indices)"};
const OpKernel kArgMin = {OpType::ArgMin, prepare, eval, emit, nullptr, "float32, int8 (int32 indices)"};

}  // namespace ember
