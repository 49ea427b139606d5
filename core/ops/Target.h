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
