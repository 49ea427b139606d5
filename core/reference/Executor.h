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

// The start-up value of every variable tensor (model state), indexed like
// Graph::tensors (empty for other tensors): its data, or variableResetByte.
std::vector<TensorData> initialState(const Graph &g);

// One model instance whose state (variable tensors) carries over from call
// to call, like one TFLM interpreter invoked repeatedly. runReference and
// runReferenceAll are a fresh session's first call.
class ReferenceSession {
public:
    explicit ReferenceSession(const Graph &g) : g_(g), state_(initialState(g)) {}
    Result<std::vector<TensorData>> run(const std::vector<TensorData> &inputs);
    Result<Buffers> runAll(const std::vector<TensorData> &inputs);
    // Back to the start-up state (the generated C's <name>_reset).
    void reset() { state_ = initialState(g_); }

private:
    const Graph &g_;
    std::vector<TensorData> state_;
};

}  // namespace ember
