// SPLIT (equal parts) and SPLIT_V (parts of given sizes) along a constant
// axis: the inverse of CONCATENATION. Like TFLM, the part sizes come from the
// model's output shapes (SPLIT_V's size_splits input is not read: TFLM does
// not read it either); they must add up to the input's extent on the axis.
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    int64_t outer = 1;            // product of the dims before the axis
    std::vector<int64_t> chunks;  // elements each output takes per outer step
    int64_t inChunk = 0;          // sum of chunks
    size_t elemSize = 1;
};

// Shared by both: `axisInput` is the index of the axis tensor, `equal` asks
// for SPLIT's equal parts.
bool prepareParts(Graph &g, Op &op, Diagnostics &d, const char *what, int dataInput, int axisInput, bool equal) {
    const Tensor &in = g.in(op, size_t(dataInput));
    const Tensor &axisT = g.in(op, size_t(axisInput));
    if (!checkType(d, g, op, std::string(what) + " of", op.inputs[size_t(dataInput)],
                   {DType::Float32, DType::Int8, DType::Int16, DType::Int32}))
        return false;
    std::vector<int64_t> axisV;
    if (!axisT.isConst)
        return opError(d, g, op, std::string("the axis input of ") + what +
                                     " is computed at run time; TFLite Micro needs a constant axis",
                       op.inputs[size_t(axisInput)]);
    if (!constInts(axisT, &axisV) || axisV.empty())
        return opError(d, g, op, std::string("the axis of ") + what + " must be an int32 value",
                       op.inputs[size_t(axisInput)]);
    const int rank = int(in.shape.size());
    // TFLM reads the first 32 bits as int32 whatever the axis type.
    int axis = int32_t(uint32_t(uint64_t(axisV[0])));
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(axisV[0]) + " is out of range for a " + std::to_string(rank) +
                           "-D input",
                       op.inputs[size_t(axisInput)]);
    const size_t n = op.outputs.size();
    const int32_t full = in.shape[size_t(axis)];
    if (equal && full % int32_t(n) != 0)
        return opError(d, g, op,
                       "cannot split the " + std::to_string(full) + " entries along axis " + std::to_string(axis) +
                           " of " + shapeString(in.shape) + " into " + std::to_string(n) + " equal parts",
                       op.inputs[size_t(dataInput)]);
    Params p;
    p.elemSize = dtypeSize(in.dtype);
    p.outer = extent(in.shape, 0, size_t(axis));
    const int64_t inner = extent(in.shape, size_t(axis) + 1, in.shape.size());
    int64_t sum = 0;
    for (size_t j = 0; j < n; ++j) {
        const int o = op.outputs[j];
        if (o < 0) return opError(d, g, op, std::string(what) + " output " + std::to_string(j + 1) + " is missing");
        if (!checkSameType(d, g, op, what, op.inputs[size_t(dataInput)], o)) return false;
        const Shape &os = g.tensors[size_t(o)].shape;
        Shape expect = in.shape;
        if (equal) expect[size_t(axis)] = full / int32_t(n);
        else if (os.size() == in.shape.size()) expect[size_t(axis)] = os[size_t(axis)];
        if (!checkOutputShape(d, g, op, o, expect)) return false;
        sum += expect[size_t(axis)];
        p.chunks.push_back(expect[size_t(axis)] * inner);
        p.inChunk += p.chunks.back();
    }
    if (sum != full)
        return opError(d, g, op,
                       "the outputs take " + std::to_string(sum) + " entries along axis " + std::to_string(axis) +
                           " but the input " + shapeString(in.shape) + " has " + std::to_string(full) +
                           "; fix the model's output shapes",
                       op.inputs[size_t(dataInput)]);
    op.params = p;
    return true;
}

bool prepareSplit(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || !g.hasInput(op, 0) || !g.hasInput(op, 1) || op.outputs.empty())
        return opError(d, g, op, "split expects 2 inputs (axis, data) and at least 1 output");
    return prepareParts(g, op, d, "split", 1, 0, true);
}

bool prepareSplitV(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 3 || !g.hasInput(op, 0) || !g.hasInput(op, 2) || op.outputs.empty())
        return opError(d, g, op, "split_v expects 3 inputs (data, size_splits, axis) and at least 1 output");
    return prepareParts(g, op, d, "split_v", 0, 2, false);
}

template <int DataInput> void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[DataInput])].data();
    for (int64_t k = 0; k < p.outer; ++k)
        for (size_t j = 0; j < p.chunks.size(); ++j) {
            const size_t run = size_t(p.chunks[j]) * p.elemSize;
            if (run) std::memcpy(b[size_t(op.outputs[j])].data() + size_t(k) * run, src, run);
            src += run;
        }
}

template <int DataInput> void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, DataInput);
    std::string shapes;
    for (size_t j = 0; j < op.outputs.size(); ++j) shapes += (j ? ", " : "") + shapeString(g.out(op, j).shape);
    ctx.line("/* " + std::string(opTypeName(op.type)) + " " + dtypeName(in.dtype) + ": " + shapeString(in.shape) +
             " -> " + shapes + " */");
    // The axis (and SPLIT_V's sizes) are baked in; the generator leaves
    // those constants out since the body never reads them.
    const std::string &src = ctx.inputs[DataInput];
    const bool loop = p.outer > 1;
    if (p.outer == 0 || p.inChunk == 0) {
        ctx.line("(void)" + src + ";");
        for (const auto &o : ctx.outputs) ctx.line("(void)" + o + ";");
        return;
    }
    if (loop) ctx.line("for (int32_t k = 0; k < " + cInt(p.outer) + "; ++k) {");
    int64_t at = 0;
    for (size_t j = 0; j < p.chunks.size(); ++j) {
        const int64_t n = p.chunks[j];
        if (n == 0) {
            ctx.line("(void)" + ctx.outputs[j] + ";", loop ? 2 : 1);
            continue;
        }
        std::string from = src + (loop ? " + k * " + cInt(p.inChunk) : "");
        if (at > 0) from += " + " + cInt(at);
        const std::string to = ctx.outputs[j] + (loop ? " + k * " + cInt(n) : "");
        ctx.line("memcpy(" + to + ", " + from + ", " + cInt(n * int64_t(p.elemSize)) + ");", loop ? 2 : 1);
        at += n;
    }
    if (loop) ctx.line("}");
}

}  // namespace

extern const OpKernel kSplit, kSplitV;
const OpKernel kSplit = {OpType::Split, prepareSplit, eval<1>, emit<1>, nullptr, "float32, int8, int16, int32"};
const OpKernel kSplitV = {OpType::SplitV, prepareSplitV, eval<0>, emit<0>, nullptr, "float32, int8, int16, int32"};

}  // namespace ember
