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
#include "RowFusion.h"
#include "RowInPlace.h"

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

// In-place memory (PlanRequest::inPlace): an op whose output takes over the
// buffer of one of its inputs.
//   Alias    RESHAPE / SQUEEZE / EXPAND_DIMS: the output IS the input's bytes
//            (nothing is copied, the contents never change), so both may
//            stay live together.
//   InPlace  an elementwise op (ADD, SUB, MUL, ...) of equal shapes and
//            dtypes whose kernel reads element i before writing element i
//            writes over an input that dies at that op; a CONV_2D or
//            DEPTHWISE_CONV_2D (batch 1; its output may be larger than the
//            input: rows then go last to first) does the same row by row
//            through a stack window (RowInPlace.h), unless
//            PlanRequest::inPlaceRows is off.
enum class ShareKind { Alias, InPlace };

struct BufferShare {
    ShareKind kind = ShareKind::Alias;
    int step = -1;    // the op (index in Graph::ops)
    int input = -1;   // tensor whose buffer is reused
    int output = -1;  // tensor written into it
};

struct PlannedBuffer {
    int tensor = -1;
    std::string name;
    int pool = 0;           // index into MemoryPlan::pools
    size_t offset = 0;
    size_t bytes = 0;
    int first = 0, last = 0;
    int sharesWith = -1;    // tensor whose buffer this one reuses (-1: its own)
    ShareKind share = ShareKind::Alias;  // how, when sharesWith >= 0
};

struct PlanRequest {
    std::string planner = "greedy-conflicts";   // see plannerNames()
    std::vector<PoolSpec> pools{PoolSpec{}};       // first pool is the default
    std::map<std::string, std::string> pins;       // tensor name → pool name
    size_t align = 16;                             // alignment of every buffer
    bool ioInWorkspace = false;                    // plan graph inputs/outputs too
    bool inPlace = false;                          // aliases and in-place ops (BufferShare); --in-place
    bool inPlaceRows = true;                       // with inPlace: convolutions row by row (off with --dim)
    bool fuseRows = false;                         // with inPlace and inPlaceRows: convolution chains streamed row by row (RowFusion.h); --in-place fuse
};

struct MemoryPlan {
    std::string planner;
    std::vector<PoolSpec> pools;
    std::vector<size_t> poolUsed;        // bytes used (peak) per pool
    std::vector<PlannedBuffer> buffers;  // one per planned tensor, by first step then name
    std::vector<BufferShare> shares;     // by step: the buffers ops reuse (empty with inPlace off)
    std::vector<FusedChain> fused;       // by last step: convolution chains run row by row (fuseRows); their streamed tensors have no buffer
    size_t lowerBound = 0;               // max over steps of live bytes (planned tensors; a shared buffer counts once per step, its largest live member)
    int steps = 0;

    size_t totalUsed() const;
    const PlannedBuffer *find(int tensor) const;
    // Text dump: one line per buffer plus totals (same values the studio draws).
    std::string dump() const;
    // True when no two buffers live at a common step overlap in a pool,
    // except the pairs `shares` allows (see checkPlan for the full check).
    bool checkNoOverlap(std::string *why = nullptr) const;
};

std::vector<std::string> plannerNames();

// Lifetimes of the activation tensors (non-constant), with or without graph I/O.
std::vector<Lifetime> computeLifetimes(const Graph &g, bool includeIO);
// The same with fused chains (RowFusion.h): their streamed tensors are not
// planned, and each chain's input lives until the chain's last step.
std::vector<Lifetime> computeLifetimes(const Graph &g, bool includeIO, const std::vector<FusedChain> &chains);

// Max over steps of the bytes live at that step (graph inputs and outputs
// included: the figure TARGETS.md compares against).
size_t activationLowerBound(const Graph &g);

Result<MemoryPlan> planMemory(const Graph &g, const PlanRequest &req);

// Whether op `step` may write output `output` over input `input` (InPlace)
// or give it the input's bytes (Alias): the op's kind, shapes and dtypes only
// (lifetimes are the planner's and checkPlan's business).
bool opMayShare(const Graph &g, int step, int input, int output, ShareKind kind);

// The ops that write over their input row by row (RowInPlace.h).
inline bool rowsInPlaceOp(OpType t) { return t == OpType::Conv2D || t == OpType::DepthwiseConv2D; }

// The row-by-row schedule of a CONV_2D / DEPTHWISE_CONV_2D written over its
// input (RowInPlace.h), or false when it has none.
bool rowInPlaceSchedule(const Graph &g, const Op &op, RowSchedule *s);

}  // namespace ember
