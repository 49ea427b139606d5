// FLOOR_DIV / FLOOR_MOD on float32, as TFLM's floor_div.cc / floor_mod.cc
// (the only type TFLM's kernels take), broadcasting up to 4-D:
//  - FLOOR_DIV: floor(double(a) / double(b)), stored as float.
//  - FLOOR_MOD: r = fmodf(a, b); r + b when r != 0 and r, b differ in sign.
// TFLM rejects a zero divisor at run time; the generated code cannot report
// errors, so a zero divisor gives inf/NaN there (the reference executor
// matches the generated code).
#include <cmath>

#include "Elementwise.h"

namespace ember {
namespace {

template <bool kDiv> bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{kDiv ? "floor_div" : "floor_mod", {DType::Float32}, false, 6};
    Broadcast bc;
    if (!ew::prepareBinary(g, op, d, spec, &bc)) return false;
    op.params = bc;
    return true;
}

template <bool kDiv> void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &bc = std::any_cast<const Broadcast &>(op.params);
    ew::evalBinary<float, float>(bc, op, b, [](float x, float y) -> float {
        if (kDiv) return float(std::floor(double(x) / double(y)));
        const float r = std::fmod(x, y);
        return r != 0.f && ((y < 0.f) != (r < 0.f)) ? r + y : r;
    });
}

template <bool kDiv> void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &bc = std::any_cast<const Broadcast &>(op.params);
    ctx.line(ew::describeBinary(g, op, bc));
    ew::emitBinaryLoops(bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        if (kDiv) {
            ctx.line(out + " = (float)floor((double)" + a + " / (double)" + b + ");", ind);
            return;
        }
        ctx.line("float y = " + b + ";", ind);
        ctx.line("float r = fmodf(" + a + ", y);", ind);
        ctx.line(out + " = r != 0.0f && ((y < 0.0f) != (r < 0.0f)) ? r + y : r;", ind);
    });
}

}  // namespace

extern const OpKernel kFloorDiv, kFloorMod;
const OpKernel kFloorDiv = {OpType::FloorDiv, prepare<true>, eval<true>, emit<true>, nullptr, "float32"};
const OpKernel kFloorMod = {OpType::FloorMod, prepare<false>, eval<false>, emit<false>, nullptr, "float32"};

}  // namespace ember
