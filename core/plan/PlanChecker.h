// An independent check of a memory plan against its graph: every tensor the
// graph needs is planned, fits its pool, and no two buffers share bytes while
// both are live, except the pairs the plan declares (MemoryPlan::shares) and
// the op is allowed to share (opMayShare):
//   - tensors of one alias class (linked by Alias shares: the same bytes with
//     the same contents) at the same offset;
//   - an InPlace pair at its op, when the input is read for the last time by
//     that op and the output is first written by it (they overlap at that
//     step only).
// Lifetimes are recomputed from the graph, not taken from the plan, so a plan
// that lies about them is caught too; fused chains (MemoryPlan::fused) are
// re-derived from the graph (validFusedChain) before their streamed tensors
// are excused from having a buffer.
#pragma once

#include <string>
#include <vector>

#include "Planner.h"

namespace ember {

// One line per violation (at most `max`, then a count of the rest); empty
// when the plan is sound.
std::vector<std::string> checkPlan(const Graph &g, const MemoryPlan &plan, size_t max = 20);

// The overlap rule alone, on the lifetimes stored in the plan (what
// MemoryPlan::checkNoOverlap reports).
std::vector<std::string> planOverlaps(const MemoryPlan &plan, size_t max = 20);

}  // namespace ember
