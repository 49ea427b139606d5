// Passes over an imported graph, in order (see runPasses):
//   0. dead-code removal: ops that feed no graph output are dropped, so an
//      unsupported op nobody needs does not refuse the model
//   1. support check: every op has a kernel, else one error naming op, index,
//      tensors and the supported list
//   2. prepare: per-op validation, shape inference against the model's shapes,
//      folding of zero points and requantization multipliers into op params
//   3. constant folding, interleaved with 2 in execution order: ops whose
//      inputs are all constant (and SHAPE, as shapes are static) are
//      evaluated with the reference kernels and their outputs become
//      constants before the next op is prepared
//   4. dead-code removal: ops whose outputs nobody reads
#pragma once

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

bool runPasses(Graph &g, Diagnostics &diags);
// Browse mode (LoadOptions::browse): unsupported ops and ops whose prepare
// refuses stay in the graph, marked, each reported as a warning; true unless
// the graph itself is broken.
bool runPassesBrowse(Graph &g, Diagnostics &diags);
// The error a normal load reports for the graph's unsupported ops (none: true).
bool checkSupport(const Graph &g, Diagnostics &diags);
// Supported operators that can stand in for `typeName` (empty if none known).
std::vector<std::string> supportedAlternatives(const std::string &typeName);

// Graph consistency check run between passes (tensor indices in range, each
// activation produced once before use, inputs/outputs marked). Returns false
// with an internal-error diagnostic on failure.
bool checkGraph(const Graph &g, Diagnostics &diags);

}  // namespace ember
