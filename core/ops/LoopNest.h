// Small helpers for emitting the nested copy loops of the data-movement
// operators (GATHER, SPACE_TO_DEPTH, MIRROR_PAD, ...): loops over extents
// baked in as literals, a loop of extent 1 left out, index expressions built
// from (variable, stride) terms.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "OpKernel.h"

namespace ember {

// "v * stride" (or "v" / "" for stride 1 / 0), to add into an index.
inline std::string strideTerm(const std::string &var, int64_t stride) {
    if (stride == 0 || var.empty()) return {};
    if (stride == 1) return var;
    return var + " * " + std::to_string(stride);
}

// Sum of terms and a constant, e.g. "12 + i0 * 4 + i1"; "0" when empty.
inline std::string indexSum(int64_t base, const std::vector<std::string> &terms) {
    std::string s = base != 0 ? std::to_string(base) : "";
    for (const std::string &t : terms)
        if (!t.empty()) s += (s.empty() ? "" : " + ") + t;
    return s.empty() ? "0" : s;
}

// Opens `for` loops into an EmitContext and closes them in reverse order.
class LoopNest {
public:
    explicit LoopNest(EmitContext &ctx) : ctx_(ctx) {}
    ~LoopNest() { closeAll(); }
    // Opens `for (int32_t var = 0; var < extent; ++var) {` and returns var;
    // an extent of 1 opens nothing and returns "" (the index is 0).
    std::string open(const std::string &var, int64_t extent) {
        if (extent == 1) return {};
        ctx_.line("for (int32_t " + var + " = 0; " + var + " < " + std::to_string(extent) + "; ++" + var + ") {",
                  indent_++);
        ++open_;
        return var;
    }
    void line(const std::string &text) { ctx_.line(text, indent_); }
    int indent() const { return indent_; }
    void closeAll() {
        for (; open_ > 0; --open_) ctx_.line("}", --indent_);
    }

private:
    EmitContext &ctx_;
    int indent_ = 1;
    int open_ = 0;
};

}  // namespace ember
