// Helpers shared by the TFLM Signal library kernels (Signal*.cpp): reading
// their FlexBuffer options, the common tensor checks, and the integer
// primitives of signal/src (most significant bit, square roots, Log32) for
// both the reference executor and the generated C.
#pragma once

#include <cstdint>
#include <string>

#include <flatbuffers/flexbuffers.h>

#include "Common.h"
#include "OpError.h"

namespace ember::signal {

// Prepare-time context: one place that stamps errors with the op.
struct Check {
    Graph &g;
    Op &op;
    Diagnostics &d;
    std::string name;  // e.g. "SignalWindow"

    bool fail(const std::string &msg, int tensor = -1) const { return opError(d, g, op, name + ": " + msg, tensor); }
    bool io(size_t nIn, size_t nOut) const;
    // Input i (or output i when `output`) exists, has `dt` and `rank` (-1: any rank >= 1).
    bool tensor(size_t i, bool output, DType dt, int rank, const char *role) const;
    // The options map; false (with an error) when the op has no valid FlexBuffer map.
    bool options(flexbuffers::Map *m) const;
    // An integer option that must be present.
    bool intOption(const flexbuffers::Map &m, const char *key, int64_t *v) const;
};

// tflm_signal::MostSignificantBit32/64 as TFLM builds them with GCC
// (32 - clz, and 32 / 64 for zero).
uint32_t msb32(uint32_t x);
uint32_t msb64(uint64_t x);
uint16_t sqrt32(uint32_t x);
uint32_t sqrt64(uint64_t x);
uint32_t log32(uint32_t x, uint32_t outScale);

// C helpers for the generated code: "ember_sig_msb32", "ember_sig_msb64",
// "ember_sig_sqrt32", "ember_sig_sqrt64", "ember_sig_log32" (each adds its
// dependencies first).
void useSignalHelper(EmitContext &ctx, const std::string &name);

}  // namespace ember::signal
