// LOGICAL_AND / LOGICAL_OR on bool tensors, as TFLM's logical.cc: numpy
// broadcasting up to 4-D, output bool (0 or 1).
#include "Elementwise.h"

namespace ember {
namespace {

template <bool kAnd> bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{kAnd ? "logical_and" : "logical_or", {DType::Bool}, true, 6};
    Broadcast bc;
    if (!ew::prepareBinary(g, op, d, spec, &bc)) return false;
    op.params = bc;
    return true;
}

template <bool kAnd> void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &bc = std::any_cast<const Broadcast &>(op.params);
    ew::evalBinary<uint8_t, uint8_t>(bc, op, b, [](uint8_t x, uint8_t y) -> uint8_t {
        return kAnd ? (x && y) : (x || y);
    });
}

template <bool kAnd> void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &bc = std::any_cast<const Broadcast &>(op.params);
    ctx.line(ew::describeBinary(g, op, bc));
    ew::emitBinaryLoops(bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        ctx.line(out + " = (uint8_t)(" + a + (kAnd ? " && " : " || ") + b + ");", ind);
    });
}

}  // namespace

extern const OpKernel kLogicalAnd, kLogicalOr;
const OpKernel kLogicalAnd = {OpType::LogicalAnd, prepare<true>, eval<true>, emit<true>, nullptr, "bool"};
const OpKernel kLogicalOr = {OpType::LogicalOr, prepare<false>, eval<false>, emit<false>, nullptr, "bool"};

}  // namespace ember
