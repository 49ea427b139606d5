// Shared by the broadcasting element-wise operators beyond ADD/SUB/MUL
// (MAXIMUM/MINIMUM, SQUARED_DIFFERENCE, DIV, the comparisons, LOGICAL_AND/OR,
// FLOOR_DIV/FLOOR_MOD, SELECT_V2): the checks TFLM's Prepare/Eval make on
// arity, types and broadcast shapes, the element-type dispatch, the typed
// element loop of eval and the loop nest of emit. Each family file only adds
// its arithmetic.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "Broadcast.h"
#include "OpError.h"

namespace ember::ew {

// Calls f(T{}) with the C++ element type of `t` (bool as uint8_t, the way
// TFLite stores it and the generated C declares it).
template <class F> void withType(DType t, F &&f) {
    switch (t) {
    case DType::Float32: f(float{}); break;
    case DType::Int8: f(int8_t{}); break;
    case DType::Int16: f(int16_t{}); break;
    case DType::Int32: f(int32_t{}); break;
    case DType::Int64: f(int64_t{}); break;
    case DType::UInt8:
    case DType::Bool: f(uint8_t{}); break;
    case DType::UInt32: f(uint32_t{}); break;
    case DType::UInt64: f(uint64_t{}); break;
    }
}

// "float32, int8 or int32"
std::string typeList(const std::vector<DType> &types);

// What a two-input broadcasting op accepts.
struct BinarySpec {
    std::string name;         // lower-case op name for messages, e.g. "maximum"
    std::vector<DType> types;  // input types (both inputs the same)
    bool boolOutput = false;  // comparisons: the output is bool, else the input type
    // TFLM's broadcasting path handles this many dimensions (its 4-D or 5-D
    // "slow" kernels); inputs of identical shape take the flat path and may
    // have any rank.
    int maxBroadcastRank = 4;
};

// Checks 2 inputs and 1 output, the input and output types, broadcastable
// shapes within TFLM's rank limit and the model's output shape; plans the
// loops into *bc. Errors name the op and the offending tensor.
bool prepareBinary(const Graph &g, const Op &op, Diagnostics &d, const BinarySpec &spec, Broadcast *bc);

// The broadcast rank check shared with SELECT_V2: shapes that differ (as
// TFLite compares them, rank included) must fit TFLM's N-D kernel.
bool checkBroadcastRank(const Graph &g, const Op &op, Diagnostics &d, const std::string &name,
                        const std::vector<const Shape *> &shapes, int maxRank);

// out[o] = f(a[i1], b[i2]) over the broadcast, with typed buffers.
template <class TIn, class TOut, class F> void evalBinary(const Broadcast &bc, const Op &op, Buffers &b, F f) {
    const auto *x = reinterpret_cast<const TIn *>(b[size_t(op.inputs[0])].data());
    const auto *y = reinterpret_cast<const TIn *>(b[size_t(op.inputs[1])].data());
    auto *out = reinterpret_cast<TOut *>(b[size_t(op.outputs[0])].data());
    bc.forEach([&](int64_t o, int64_t i1, int64_t i2) { out[o] = f(x[i1], y[i2]); });
}

// The loop nest in C. `body` gets the C element expressions of both inputs
// ("in0[i0 * 4 + i1]"), the output element lvalue and the indent level.
using ElementBody = std::function<void(const std::string &a, const std::string &b, const std::string &out, int ind)>;
void emitBinaryLoops(const Broadcast &bc, EmitContext &ctx, const ElementBody &body);

// "e + k", "e - k" or "e" (C integer expressions with a baked-in offset).
std::string plusC(const std::string &e, int64_t k);

// "/* MAXIMUM int8: [1,4] , [4] -> [1,4], broadcast */"
std::string describeBinary(const Graph &g, const Op &op, const Broadcast &bc, const std::string &extra = {});

// The input rescaling of TFLM's quantized comparisons and SQUARED_DIFFERENCE:
// ((q + offset) << leftShift) times a multiplier below one
// (MultiplyByQuantizedMultiplierSmallerThanOneExp).
struct Rescale {
    int32_t offset = 0;
    int32_t multiplier = 0;
    int shift = 0;  // <= 0
};
Rescale rescaleFor(double realMultiplier, int32_t zeroPoint);
int32_t applyRescale(const Rescale &r, int leftShift, int32_t q);
// The same in C (needs the ember_srdhm and ember_rdbpot helpers: see useRescaleHelpers).
std::string rescaleC(const Rescale &r, int leftShift, const std::string &q);
void useRescaleHelpers(EmitContext &ctx);

}  // namespace ember::ew
