// EXPAND_DIMS and SQUEEZE: the same bytes under a shape with a 1 added or
// removed (TFLM: a plain copy). EXPAND_DIMS takes its axis from a constant
// int32 tensor of at most one dimension (negative counts from rank + 1);
// SQUEEZE removes the listed size-1 dimensions, or all of them when the list
// is empty. The model's output shape must be exactly the result.
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    size_t bytes = 0;
};

bool prepareExpandDims(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "expand_dims", 2, 1, "data, axis")) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &axisT = g.in(op, 1);
    if (!checkType(d, g, op, "expand_dims of", op.inputs[0], {DType::Float32, DType::Int8, DType::Int16}) ||
        !checkSameType(d, g, op, "expand_dims", op.inputs[0], op.outputs[0]))
        return false;
    if (!axisT.isConst)
        return opError(d, g, op, "the axis input is computed at run time; TFLite Micro needs a constant axis",
                       op.inputs[1]);
    if (axisT.shape.size() > 1 || axisT.dtype != DType::Int32 || axisT.elements() < 1 ||
        axisT.data.size() != axisT.bytes())
        return opError(d, g, op,
                       "the axis must be one int32 value (a scalar or a 1-D tensor), got " +
                           std::string(dtypeName(axisT.dtype)) + " " + shapeString(axisT.shape),
                       op.inputs[1]);
    const int rank = int(in.shape.size());
    int axis = axisT.at<int32_t>(0);
    if (axis < 0) axis += rank + 1;
    if (axis < 0 || axis > rank)
        return opError(d, g, op,
                       "axis " + std::to_string(axisT.at<int32_t>(0)) + " is out of range for a " +
                           std::to_string(rank) + "-D input",
                       op.inputs[1]);
    Shape expect = in.shape;
    expect.insert(expect.begin() + axis, 1);
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    op.params = Params{in.bytes()};
    return true;
}

bool prepareSqueeze(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "squeeze", 1, 1, "data")) return false;
    const Tensor &in = g.in(op, 0);
    if (!checkSameType(d, g, op, "squeeze", op.inputs[0], op.outputs[0])) return false;
    const int rank = int(in.shape.size());
    if (rank > 8) return opError(d, g, op, "squeeze supports at most 8 dimensions", op.inputs[0]);
    std::vector<bool> drop(size_t(rank), false);
    if (op.attrs.squeezeDims.empty()) {
        for (int i = 0; i < rank; ++i) drop[size_t(i)] = in.shape[size_t(i)] == 1;
    } else {
        for (int32_t s : op.attrs.squeezeDims) {
            const int k = s < 0 ? s + rank : s;
            if (k < 0 || k >= rank || in.shape[size_t(k)] != 1)
                return opError(d, g, op,
                               "squeeze_dims names dimension " + std::to_string(s) + " of " + shapeString(in.shape) +
                                   ", which is not a dimension of size 1",
                               op.inputs[0]);
            drop[size_t(k)] = true;
        }
    }
    Shape expect;
    for (int i = 0; i < rank; ++i)
        if (!drop[size_t(i)]) expect.push_back(in.shape[size_t(i)]);
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    op.params = Params{in.bytes()};
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    evalCopy(b, op.inputs[0], op.outputs[0], std::any_cast<const Params &>(op.params).bytes);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const Tensor &in = g.in(op, 0);
    ctx.line("/* " + std::string(opTypeName(op.type)) + " " + dtypeName(in.dtype) + " " + shapeString(in.shape) +
             " -> " + shapeString(g.out(op).shape) + ": a plain copy */");
    emitCopy(ctx, ctx.outputs[0], ctx.inputs[0], std::any_cast<const Params &>(op.params).bytes);
}

}  // namespace

extern const OpKernel kExpandDims, kSqueeze;
const OpKernel kExpandDims = {OpType::ExpandDims, prepareExpandDims, eval, emit, nullptr, "float32, int8, int16"};
const OpKernel kSqueeze = {OpType::Squeeze, prepareSqueeze, eval, emit, nullptr, "float32, int8, int16, int32, int64, bool"};

}  // namespace ember
