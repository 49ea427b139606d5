// FILL: an output of the model's shape with every element set to the scalar
// value input. ZEROS_LIKE: an output like the input, all zeros. As in TFLM,
// FILL's dims input must be constant and agree with the output's shape.
#include <algorithm>

#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    int64_t elements = 0;
    size_t bytes = 0;
};

bool prepareFill(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "fill", 2, 1, "dims, value")) return false;
    const Tensor &dims = g.in(op, 0), &value = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (!value.shape.empty())
        return opError(d, g, op, "the fill value must be a scalar, got the shape " + shapeString(value.shape),
                       op.inputs[1]);
    if (!checkSameType(d, g, op, "fill", op.inputs[1], op.outputs[0]) ||
        !checkType(d, g, op, "fill of", op.inputs[1], {DType::Float32, DType::Int8, DType::Int32}))
        return false;
    if (!dims.isConst)
        return opError(d, g, op,
                       "the dims input is computed at run time; TFLite Micro needs constant dims, re-export the "
                       "model with a static shape",
                       op.inputs[0]);
    if (dims.shape.size() != 1 || size_t(dims.shape[0]) != out.shape.size())
        return opError(d, g, op,
                       "the dims input " + shapeString(dims.shape) +
                           " must be a vector with one entry per output dimension (" +
                           std::to_string(out.shape.size()) + ")",
                       op.inputs[0]);
    std::vector<int64_t> v;
    if (dims.dtype == DType::Int8 || dims.dtype == DType::Int16) {
        for (int64_t i = 0; i < dims.elements() && size_t(dims.bytes()) == dims.data.size(); ++i)
            v.push_back(dims.dtype == DType::Int8 ? int64_t(dims.at<int8_t>(i)) : int64_t(dims.at<int16_t>(i)));
    } else if (!constInts(dims, &v)) {
        return opError(d, g, op,
                       std::string("the dims input must be an integer tensor, got ") + dtypeName(dims.dtype),
                       op.inputs[0]);
    }
    for (size_t i = 0; i < v.size(); ++i)
        if (v[i] != out.shape[i])
            return opError(d, g, op,
                           "the dims input says " + std::to_string(v[i]) + " for dimension " + std::to_string(i) +
                               " but the model's output shape is " + shapeString(out.shape),
                           op.inputs[0]);
    op.params = Params{out.elements(), out.bytes()};
    return true;
}

bool prepareZerosLike(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "zeros_like", 1, 1, "data")) return false;
    if (!checkType(d, g, op, "zeros_like of", op.inputs[0], {DType::Float32, DType::Int8, DType::Int32, DType::Int64}) ||
        !checkSameType(d, g, op, "zeros_like", op.inputs[0], op.outputs[0]) ||
        !checkOutputShape(d, g, op, op.outputs[0], g.in(op, 0).shape))
        return false;
    op.params = Params{g.out(op).elements(), g.out(op).bytes()};
    return true;
}

void evalFill(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const size_t es = dtypeSize(g.out(op).dtype);
    const uint8_t *v = b[size_t(op.inputs[1])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    for (int64_t i = 0; i < p.elements; ++i) std::memcpy(dst + size_t(i) * es, v, es);
}

void evalZerosLike(const Graph &, const Op &op, Buffers &b) {
    auto &dst = b[size_t(op.outputs[0])];
    std::fill(dst.begin(), dst.end(), uint8_t(0));
}

void emitFill(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &out = g.out(op);
    ctx.line("/* FILL " + std::string(dtypeName(out.dtype)) + " " + shapeString(out.shape) +
             " with the scalar value input */");
    if (p.elements == 0) {
        ctx.line("(void)" + ctx.inputs[1] + "; (void)" + ctx.outputs[0] + ";");
        return;
    }
    ctx.line("const " + std::string(dtypeCType(out.dtype)) + " v = " + ctx.inputs[1] + "[0];");
    ctx.line("for (int32_t i = 0; i < " + cInt(p.elements) + "; ++i) " + ctx.outputs[0] + "[i] = v;");
}

void emitZerosLike(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line("/* ZEROS_LIKE " + std::string(dtypeName(g.out(op).dtype)) + " " + shapeString(g.out(op).shape) +
             ": all bits zero (also 0.0f) */");
    if (p.bytes == 0) ctx.line("(void)" + ctx.outputs[0] + ";");
    else ctx.line("memset(" + ctx.outputs[0] + ", 0, " + std::to_string(p.bytes) + ");");
}

}  // namespace

extern const OpKernel kFill, kZerosLike;
const OpKernel kFill = {OpType::Fill, prepareFill, evalFill, emitFill, nullptr, "float32, int8, int32"};
const OpKernel kZerosLike = {OpType::ZerosLike, prepareZerosLike, evalZerosLike, emitZerosLike, nullptr, "float32, int8, int32, int64"};

}  // namespace ember
