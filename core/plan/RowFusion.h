// Convolution chains streamed row by row (--in-place fuse).
//
// A CONV_2D / DEPTHWISE_CONV_2D whose output Y is read only by a second
// convolution runs together with it, one output row of the second at a
// time: the rows of Y that row reads are kept in a window on the stack (the
// window slides down; each row of Y is computed once, from a window of the
// first convolution's input X). Y is never whole in memory. When the second
// convolution's output Z is read only by an ADD of equal shapes (a residual
// block: out = R + Z), the ADD joins the chain too, row by row, and Z is
// never whole either; the ADD writes over R (MemoryPlan::shares) when R
// dies there, also when R is X itself, if the schedule below proves that
// every row of X the chain still reads is intact when a row of the output
// lands on it.
//
// The chain runs at the step of its last op: X stays live until then, Y (and
// Z) get no buffer. Each op's own emitter writes its code on a window (the
// op re-shaped to SPAN rows in and one row out, as in RowInPlace.h).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../ir/Graph.h"

namespace ember {

struct FusedChain {
    std::vector<int> steps;    // the chain's ops (indices into Graph::ops), in execution order
    int input = -1;            // X: the first convolution's input
    std::vector<int> streamed; // Y, and Z with an ADD: tensors never whole in memory
    std::vector<std::string> streamedNames;  // their names (for plan dumps)
    int residual = -1;         // R: the ADD's other input (-1: no ADD)
    int output = -1;           // the chain's output: the ADD's, else the second convolution's
    int spanIn = 0, spanMid = 0;  // window rows: of X per row of Y, of Y per output row
    size_t stackBytes = 0;     // X window + Y window + one row of Z (with an ADD)

    int last() const { return steps.back(); }
};

// The largest stack a chain may take.
inline constexpr size_t kRowFusionMaxStack = 8192;

// The chains of `g` (each op in one chain at most, first fit in execution
// order). `pinned[t]`: tensor t is pinned to a pool (it then keeps its
// buffer). Graphs with control flow or batch > 1 convolutions have none.
std::vector<FusedChain> findFusedChains(const Graph &g, const std::vector<char> &pinned);

// True when `c` is a chain findFusedChains could return for `g`: the ops'
// kinds, shapes and consumers, and the schedule's proof when the ADD writes
// over X (what PlanChecker checks a plan's chains with).
bool validFusedChain(const Graph &g, const FusedChain &c);

}  // namespace ember
