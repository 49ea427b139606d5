// Element-wise int8 operators as a 256-entry table. Every int8 -> int8
// function of one element (TFLM's integer ABS, RSQRT, HARD_SWISH, ELU) is
// evaluated at compile time with the reference arithmetic for all 256 inputs;
// the reference executor and the generated C then only look the result up,
// so both are bit-exact with TFLM by construction.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "Common.h"

namespace ember::unary {

// Indexed by the input's bit pattern, (uint8_t)x.
using Lut8 = std::array<int8_t, 256>;

template <class F>
Lut8 makeLut8(F f) {
    Lut8 t{};
    for (int v = -128; v <= 127; ++v) t[uint8_t(int8_t(v))] = int8_t(f(int8_t(v)));
    return t;
}

inline void evalLut8(const Lut8 &t, const Graph &g, const Op &op, Buffers &b) {
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    for (int64_t i = 0; i < n; ++i) dst[i] = uint8_t(t[src[i]]);
}

// `what` describes the table, e.g. "HARD_SWISH int8 [1, 4]: zp 3 -> -5".
inline void emitLut8(const Lut8 &t, const Graph &g, const Op &op, EmitContext &ctx, const std::string &what) {
    const Tensor &in = g.in(op, 0);
    const std::string table = ctx.constant("lut", DType::Int8, t.data(), t.size(),
                                           what + ", indexed by (uint8_t)x");
    ctx.line("/* " + what + ": 256-entry table computed at compile time */");
    ctx.line("for (int32_t i = 0; i < " + ctx.inputCount(0, in.shape) + "; ++i)");
    ctx.line(ctx.outputs[0] + "[i] = " + table + "[(uint8_t)" + ctx.inputs[0] + "[i]];", 2);
}

}  // namespace ember::unary
