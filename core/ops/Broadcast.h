// Numpy-style broadcasting for the binary elementwise operators (ADD, SUB,
// MUL): the output shape, and a compressed loop nest with per-input strides
// so that eval and the generated C walk the data in the same, simple way.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "../ir/Graph.h"
#include "OpKernel.h"

namespace ember {

struct Broadcast {
    // Loop extents, outermost first, after dropping size-1 dimensions and
    // merging neighbours that broadcast the same way. Never empty.
    std::vector<int64_t> dims;
    // Element strides of each input per loop (0 = that input is broadcast).
    std::vector<int64_t> stride1, stride2;
    bool sameShape = false;  // fast path: one flat loop, no broadcasting
    int64_t elements = 0;

    // Numpy rules (align right, equal or 1). False if not broadcastable.
    static bool outputShape(const Shape &a, const Shape &b, Shape *out);
    static Broadcast plan(const Shape &a, const Shape &b);

    // Calls f(outIndex, index1, index2) for every output element in order.
    template <class F> void forEach(F f) const {
        const size_t rank = dims.size();
        std::vector<int64_t> idx(rank, 0);
        int64_t i1 = 0, i2 = 0;
        for (int64_t o = 0; o < elements; ++o) {
            f(o, i1, i2);
            for (size_t d = rank; d-- > 0;) {  // odometer step, innermost first
                i1 += stride1[d];
                i2 += stride2[d];
                if (++idx[d] < dims[d]) break;
                i1 -= stride1[d] * dims[d];
                i2 -= stride2[d] * dims[d];
                idx[d] = 0;
            }
        }
    }

    // Writes the loop nest into ctx; `body` receives the C index expressions
    // of the output and both inputs and the indent level for its statements.
    using Body = std::function<void(const std::string &o, const std::string &a,
                                    const std::string &b, int indent)>;
    void emitLoops(EmitContext &ctx, const Body &body) const;
};

}  // namespace ember
