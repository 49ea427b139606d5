// Static memory planning. Every activation tensor gets a pool and an offset;
// tensors whose lifetimes overlap never overlap in memory.
//
// Lifetimes are measured in execution steps (op indices): a tensor is live from
// the op that produces it (graph inputs: step 0) to the last op that reads it
// (graph outputs: the last step).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

// The pool that holds model state (variable tensors): kept between calls,
// never shared with activations. Added automatically when a model has state.
inline constexpr const char *kStatePoolName = "state";

struct PoolSpec {
    std::string name = "workspace";
    size_t size = 0;        // capacity in bytes; 0 = as large as needed
    std::string section;    // linker section for a static pool ("" = default .bss)
    size_t align = 16;
    bool appProvided = false;
};

struct Lifetime {
    int tensor = -1;
    int first = 0, last = 0;  // inclusive steps
    size_t bytes = 0;
};

struct PlannedBuffer {
    int tensor = -1;
    std::string name;
    int pool = 0;           // index into MemoryPlan::pools
    size_t offset = 0;
    size_t bytes = 0;
    int first = 0, last = 0;
};

struct PlanRequest {
    std::string planner = "greedy-conflicts";   // see plannerNames()
    std::vector<PoolSpec> pools{PoolSpec{}};       // first pool is the default
    std::map<std::string, std::string> pins;       // tensor name → pool name
    size_t align = 16;                             // alignment of every buffer
    bool ioInWorkspace = false;                    // plan graph inputs/outputs too
};

struct MemoryPlan {
    std::string planner;
    std::vector<PoolSpec> pools;
    std::vector<size_t> poolUsed;        // bytes used (peak) per pool
    std::vector<PlannedBuffer> buffers;  // one per planned tensor, by first step then name
    size_t lowerBound = 0;               // max over steps of live bytes (planned tensors)
    int steps = 0;

    size_t totalUsed() const;
    const PlannedBuffer *find(int tensor) const;
    // Text dump: one line per buffer plus totals (same values the studio draws).
    std::string dump() const;
    // True when no two buffers live at a common step overlap in a pool.
    bool checkNoOverlap(std::string *why = nullptr) const;
};

std::vector<std::string> plannerNames();

// Lifetimes of the activation tensors (non-constant), with or without graph I/O.
std::vector<Lifetime> computeLifetimes(const Graph &g, bool includeIO);

// Max over steps of the bytes live at that step (graph inputs and outputs
// included: the figure TARGETS.md compares against).
size_t activationLowerBound(const Graph &g);

Result<MemoryPlan> planMemory(const Graph &g, const PlanRequest &req);

}  // namespace ember
