// PACK stacks N same-shaped tensors along a new axis; UNPACK splits a tensor
// along an axis into N tensors without that axis. Both are copies of
// `copy`-element runs: for each of the `outer` positions before the axis,
// run i belongs to tensor i (TFLM's PackImpl / UnpackImpl order).
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    int64_t outer = 1, copy = 1;  // elements before / after the axis
    int count = 0;                // number of packed tensors
    size_t elemSize = 1;
};

bool preparePack(Graph &g, Op &op, Diagnostics &d) {
    if (op.outputs.size() != 1 || op.outputs[0] < 0 || op.inputs.empty())
        return opError(d, g, op, "pack expects at least 1 input and 1 output");
    const int n = int(op.inputs.size());
    if (op.attrs.count != n)
        return opError(d, g, op,
                       "values_count is " + std::to_string(op.attrs.count) + " but the op has " + std::to_string(n) +
                           " inputs; fix the model");
    for (int i = 0; i < n; ++i)
        if (!g.hasInput(op, size_t(i))) return opError(d, g, op, "pack input " + std::to_string(i + 1) + " is missing");
    const Tensor &in0 = g.in(op, 0);
    if (!checkType(d, g, op, "pack of", op.outputs[0],
                   {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64}))
        return false;
    for (int i = 0; i < n; ++i) {
        if (!checkSameType(d, g, op, "pack", op.inputs[size_t(i)], op.outputs[0])) return false;
        if (g.in(op, size_t(i)).shape != in0.shape)
            return opError(d, g, op,
                           "pack input " + std::to_string(i + 1) + " has the shape " +
                               shapeString(g.in(op, size_t(i)).shape) + " but input 1 has " + shapeString(in0.shape) +
                               "; all inputs need the same shape",
                           op.inputs[size_t(i)]);
    }
    const int rank = int(in0.shape.size()) + 1;
    const int axis = op.attrs.axis < 0 ? op.attrs.axis + rank : op.attrs.axis;
    if (axis < 0 || axis >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(op.attrs.axis) + " is out of range for a " + std::to_string(rank) +
                           "-D output");
    Shape expect = in0.shape;
    expect.insert(expect.begin() + axis, n);
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    Params p;
    p.outer = extent(expect, 0, size_t(axis));
    p.copy = extent(expect, size_t(axis) + 1, expect.size());
    p.count = n;
    p.elemSize = dtypeSize(in0.dtype);
    op.params = p;
    return true;
}

bool prepareUnpack(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 1 || !g.hasInput(op, 0) || op.outputs.empty())
        return opError(d, g, op, "unpack expects 1 input and at least 1 output");
    const Tensor &in = g.in(op, 0);
    const int n = int(op.outputs.size());
    if (op.attrs.count != n)
        return opError(d, g, op,
                       "num is " + std::to_string(op.attrs.count) + " but the op has " + std::to_string(n) +
                           " outputs; fix the model");
    if (!checkType(d, g, op, "unpack of", op.inputs[0], {DType::Float32, DType::Int8, DType::Int16, DType::Int32}))
        return false;
    const int rank = int(in.shape.size());
    const int axis = op.attrs.axis < 0 ? op.attrs.axis + rank : op.attrs.axis;
    if (axis < 0 || axis >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(op.attrs.axis) + " is out of range for a " + std::to_string(rank) +
                           "-D input",
                       op.inputs[0]);
    if (in.shape[size_t(axis)] != n)
        return opError(d, g, op,
                       "the input " + shapeString(in.shape) + " has " + std::to_string(in.shape[size_t(axis)]) +
                           " entries along axis " + std::to_string(op.attrs.axis) + " but the op has " +
                           std::to_string(n) + " outputs",
                       op.inputs[0]);
    Shape expect = in.shape;
    expect.erase(expect.begin() + axis);
    for (int j = 0; j < n; ++j) {
        if (op.outputs[size_t(j)] < 0) return opError(d, g, op, "unpack output " + std::to_string(j + 1) + " is missing");
        if (!checkSameType(d, g, op, "unpack", op.inputs[0], op.outputs[size_t(j)]) ||
            !checkOutputShape(d, g, op, op.outputs[size_t(j)], expect))
            return false;
    }
    Params p;
    p.outer = extent(in.shape, 0, size_t(axis));
    p.copy = extent(in.shape, size_t(axis) + 1, in.shape.size());
    p.count = n;
    p.elemSize = dtypeSize(in.dtype);
    op.params = p;
    return true;
}

// Run i of outer step k: packed[(k * count + i) * copy] <-> part_i[k * copy].
void evalRuns(const Params &p, uint8_t *packed, std::vector<uint8_t *> parts, bool pack) {
    const size_t run = size_t(p.copy) * p.elemSize;
    if (run == 0) return;
    for (int64_t k = 0; k < p.outer; ++k)
        for (int i = 0; i < p.count; ++i) {
            uint8_t *whole = packed + size_t(k * p.count + i) * run;
            uint8_t *part = parts[size_t(i)] + size_t(k) * run;
            if (pack) std::memcpy(whole, part, run);
            else std::memcpy(part, whole, run);
        }
}

void evalPack(const Graph &, const Op &op, Buffers &b) {
    std::vector<uint8_t *> parts;
    for (int t : op.inputs) parts.push_back(b[size_t(t)].data());
    evalRuns(std::any_cast<const Params &>(op.params), b[size_t(op.outputs[0])].data(), parts, true);
}

void evalUnpack(const Graph &, const Op &op, Buffers &b) {
    std::vector<uint8_t *> parts;
    for (int t : op.outputs) parts.push_back(b[size_t(t)].data());
    evalRuns(std::any_cast<const Params &>(op.params), b[size_t(op.inputs[0])].data(), parts, false);
}

void emitRuns(const Params &p, EmitContext &ctx, const std::string &packed, const std::vector<std::string> &parts,
              bool pack) {
    const int64_t bytes = p.copy * int64_t(p.elemSize);
    if (bytes == 0 || p.outer == 0) {
        ctx.line("(void)" + packed + ";");
        for (const auto &s : parts) ctx.line("(void)" + s + ";");
        return;
    }
    const bool loop = p.outer > 1;
    if (loop) ctx.line("for (int32_t k = 0; k < " + cInt(p.outer) + "; ++k) {");
    for (int i = 0; i < p.count; ++i) {
        std::string whole = packed + (loop ? " + k * " + cInt(p.count * p.copy) : "");
        if (i > 0) whole += " + " + cInt(i * p.copy);
        const std::string part = parts[size_t(i)] + (loop ? " + k * " + cInt(p.copy) : "");
        ctx.line("memcpy(" + (pack ? whole : part) + ", " + (pack ? part : whole) + ", " + cInt(bytes) + ");",
                 loop ? 2 : 1);
    }
    if (loop) ctx.line("}");
}

std::string describe(const Graph &g, const Op &op, const Tensor &whole) {
    return std::string(opTypeName(op.type)) + " " + dtypeName(whole.dtype) + " " + std::to_string(op.attrs.count) +
           " x " + shapeString(op.type == OpType::Pack ? g.in(op, 0).shape : g.out(op, 0).shape) + " <-> " +
           shapeString(whole.shape) + " along axis " + std::to_string(op.attrs.axis);
}

void emitPack(const Graph &g, const Op &op, EmitContext &ctx) {
    ctx.line("/* " + describe(g, op, g.out(op)) + " */");
    emitRuns(std::any_cast<const Params &>(op.params), ctx, ctx.outputs[0], ctx.inputs, true);
}

void emitUnpack(const Graph &g, const Op &op, EmitContext &ctx) {
    ctx.line("/* " + describe(g, op, g.in(op, 0)) + " */");
    emitRuns(std::any_cast<const Params &>(op.params), ctx, ctx.inputs[0], ctx.outputs, false);
}

}  // namespace

extern const OpKernel kPack, kUnpack;
const OpKernel kPack = {OpType::Pack, preparePack, evalPack, emitPack, nullptr, "float32, int8, int16, int32, int64"};
const OpKernel kUnpack = {OpType::Unpack, prepareUnpack, evalUnpack, emitUnpack, nullptr, "float32, int8, int16, int32"};

}  // namespace ember
