// The reference executor: runs the prepared IR on the host with the same
// per-op reference kernels (OpKernel::eval). The oracle for validation.
#pragma once

#include <cstdint>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"
#include "../ops/OpKernel.h"

namespace ember {

using TensorData = std::vector<uint8_t>;

// Runs the whole graph. `inputs` in Graph::inputs order, each exactly the
// tensor's byte size. Returns the outputs in Graph::outputs order.
Result<std::vector<TensorData>> runReference(const Graph &g, const std::vector<TensorData> &inputs);

// Runs and returns every tensor's buffer (for per-layer comparisons).
Result<Buffers> runReferenceAll(const Graph &g, const std::vector<TensorData> &inputs);

}  // namespace ember
