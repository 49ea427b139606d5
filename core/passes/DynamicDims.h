// Limited dynamic shapes (`--dim TENSOR:AXIS=MIN..MAX`, GENERATED_API.md §5).
//
// A graph input's axis may vary at run time inside a declared bound. The
// graph is prepared and planned at MAX; the generated layer functions take
// the actual extent and loop to it. Tensors stay dense at the actual extent
// (an input of T frames is T * frame bytes, packed), so every kernel that
// walks its data as "rows of a fixed size" only needs its row count to come
// from the extent.
//
// analyzeDynamicDims propagates "this axis is dynamic" marks through the ops
// in order. Each op type has one rule saying how its output axes follow its
// inputs'; an op without a rule (or whose rule cannot hold, e.g. a fully
// connected layer reducing over the dynamic axis) is refused with one error
// naming the op, the tensor, the axis and why.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

// One `--dim` option as the user wrote it.
struct DimSpec {
    std::string tensor;  // graph input name (or its C name)
    int axis = 0;
    int32_t min = 1, max = 1;

    std::string text() const;  // "input:1=1..32", for messages
};

// Parses "TENSOR:AXIS=MIN..MAX" (or "TENSOR:AXIS=MAX", meaning 1..MAX). The
// tensor name may itself contain ':' (TFLite's "serving_default_x:0").
bool parseDimSpec(const std::string &text, DimSpec *out, Diagnostics &d);

// An extent that follows another one through a valid-padded window along a
// dynamic axis (CONV_2D, DEPTHWISE_CONV_2D, pooling): (from - window) /
// stride + 1, computed at run time from its source's extent.
struct DerivedDim {
    int from = 0;      // dim index (a --dim or an earlier derived dim)
    int window = 1;    // effective filter extent: (filter - 1) * dilation + 1
    int stride = 1;
    int op = -1;       // the op whose output axis it is
};

struct DynamicShapes {
    std::vector<DimSpec> dims;
    std::vector<int> dimTensor;            // graph tensor holding each dim (a graph input)
    std::vector<std::vector<int>> axisDim;  // per tensor, per axis: index into dims or -1
    // Dim indices past dims.size() name derived[index - dims.size()].
    std::vector<DerivedDim> derived;

    bool empty() const { return dims.empty(); }
    size_t count() const { return dims.size() + derived.size(); }
    bool isDerived(int dim) const { return dim >= int(dims.size()); }
    const DerivedDim &derivedDim(int dim) const { return derived[size_t(dim) - dims.size()]; }
    int dimOf(int tensor, size_t axis) const;
    bool isDynamic(int tensor) const;
    // Every dim's extent (the --dims' then the derived ones) from the --dims'.
    std::vector<int32_t> allExtents(const std::vector<int32_t> &extents) const;
    int32_t minExtent(int dim) const;
    int32_t maxExtent(int dim) const;
    // "input:1=1..32", or "(input:1=1..32 - 3) / 2 + 1" for a derived dim.
    std::string dimText(int dim) const;
};

// Checks the specs against the graph (input exists, axis in range, 1 <= MIN
// <= MAX, no duplicates) and marks every axis that varies with them. The
// graph's own extent on a dynamic axis does not matter here.
Result<DynamicShapes> analyzeDynamicDims(const Graph &g, const std::vector<DimSpec> &specs);

// Sets every dynamic axis to extents[d] and prepares again the ops that read
// or write a dynamic tensor. At MAX this gives the graph that is planned and
// generated; at an actual extent, the static graph the reference executor
// runs for comparison.
bool resizeDynamicDims(Graph &g, const DynamicShapes &s, const std::vector<int32_t> &extents, Diagnostics &d);

// analyze + resize to MAX: the graph `compile` plans and generates.
Result<Graph> boundDynamicDims(const Graph &g, const std::vector<DimSpec> &specs, DynamicShapes *shapes);

}  // namespace ember
