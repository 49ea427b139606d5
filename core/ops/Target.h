// --target: the core the generated kernels are written for. Every target
// keeps the portable C; a target adds code paths guarded by the ACLE feature
// macros (so the same package still compiles, portably, anywhere else):
//  - generic: portable C plus the DSP (SXTB16/SMLAD) paths behind
//    __ARM_FEATURE_DSP (what Ember emitted before --target existed);
//  - cortex-m0plus, cortex-m3: portable C only (no DSP extension);
//  - cortex-m4, cortex-m7, cortex-m33: the DSP paths;
//  - cortex-m55, cortex-m85: Helium (MVE) paths behind __ARM_FEATURE_MVE,
//    falling back to the DSP/portable paths.
#pragma once

#include <string>
#include <vector>

namespace ember {

inline const std::vector<std::string> &targetNames() {
    static const std::vector<std::string> names{"generic",   "cortex-m0plus", "cortex-m3",  "cortex-m4",
                                                "cortex-m7", "cortex-m33",    "cortex-m55", "cortex-m85"};
    return names;
}

inline bool targetKnown(const std::string &t) {
    for (const std::string &n : targetNames())
        if (n == t) return true;
    return false;
}

// DSP extension paths (guarded by __ARM_FEATURE_DSP in the C).
inline bool targetHasDsp(const std::string &t) { return t != "cortex-m0plus" && t != "cortex-m3"; }

// Helium paths (guarded by __ARM_FEATURE_MVE in the C).
inline bool targetHasMve(const std::string &t) { return t == "cortex-m55" || t == "cortex-m85"; }

}  // namespace ember

// --optimize: the size/speed trade of the emitted kernels. 'balanced' (the
// default) is the fast, shape-specialised C; 'size' emits int8 CONV_2D,
// DEPTHWISE_CONV_2D and FULLY_CONNECTED as calls of one shared kernel per
// family with a const parameter struct per layer (ConvCompact.cpp: no folded
// per-border bias tables, one packed requantization word per channel, no
// unrolled, im2col or DSP/Helium variants); 'speed' asks the compiler for
// more unrolling in the layer file. All give the same bytes.
inline const std::vector<std::string> &optimizeNames() {
    static const std::vector<std::string> names{"balanced", "speed", "size"};
    return names;
}
inline bool optimizeForSize(const std::string &mode) { return mode == "size"; }
inline bool optimizeForSpeed(const std::string &mode) { return mode == "speed"; }

// The --optimize mode of the layers being emitted, for the emitters that
// have variants (conv family). The generator sets it around its emit calls
// with OptimizeScope; it is per thread, so concurrent compiles (the studio)
// do not see each other's. Kept beside EmitContext::target rather than in
// EmitContext so that the option does not rebuild every operator.
inline std::string &emitOptimizeMode() {
    thread_local std::string mode;
    return mode;
}
struct OptimizeScope {
    std::string saved;
    explicit OptimizeScope(const std::string &mode) : saved(emitOptimizeMode()) { emitOptimizeMode() = mode; }
    ~OptimizeScope() { emitOptimizeMode() = saved; }
    OptimizeScope(const OptimizeScope &) = delete;
    OptimizeScope &operator=(const OptimizeScope &) = delete;
};
