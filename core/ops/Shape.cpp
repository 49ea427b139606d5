// SHAPE: the input's dimensions as an int32 vector (TFLM supports no other
// output type). Shapes are static here, so the result is known at compile
// time; the constant-folding pass turns it into a constant (and with it the
// shape arithmetic that usually follows). When it stays an op, the code
// just stores the literals.
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "shape", 1, 1, "data")) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (out.dtype != DType::Int32)
        return opError(d, g, op,
                       std::string("shape with a ") + dtypeName(out.dtype) +
                           " output is not supported (TFLite Micro supports int32 only); re-export with "
                           "out_type int32",
                       op.outputs[0]);
    if (!checkOutputShape(d, g, op, op.outputs[0], Shape{int32_t(in.shape.size())})) return false;
    op.params = in.shape;  // the values to write
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &s = std::any_cast<const Shape &>(op.params);
    if (!s.empty()) std::memcpy(b[size_t(op.outputs[0])].data(), s.data(), s.size() * sizeof(int32_t));
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &s = std::any_cast<const Shape &>(op.params);
    ctx.line("/* SHAPE of " + std::string(dtypeName(g.in(op, 0).dtype)) + " " + shapeString(s) +
             ": compile-time constants */");
    if (s.empty()) ctx.line("(void)" + ctx.outputs[0] + ";");
    for (size_t i = 0; i < s.size(); ++i)
        ctx.line(ctx.outputs[0] + "[" + std::to_string(i) + "] = " + cInt(s[i]) + ";");
}

}  // namespace

extern const OpKernel kShape;
const OpKernel kShape = {OpType::Shape, prepare, eval, emit, nullptr, "any input (int32 output)"};

}  // namespace ember
