// Layer-by-layer divergence finder (emberc bisect, the studio's "Run on Board
// Layer by Layer"): every layer function called on the board in order, each
// output compared with the host reference executor's, the first that differs
// reported with both copies of the tensor.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "RpcClient.h"

namespace ember {
// As core/reference/Executor.h has them (not included: its OpKernel::emit
// clashes with Qt's macro in the studio's sources).
using TensorData = std::vector<uint8_t>;
using Buffers = std::vector<std::vector<uint8_t>>;
}  // namespace ember

namespace ember::rpc {

// How two copies of a tensor differ: bytes and the largest element difference.
struct TensorDifference {
    size_t bytes = 0;
    double maxAbs = 0;
    // Integers: any byte. Floats: more than 1e-4 of the host's range (libm
    // differs across machines).
    bool significant = false;
};
TensorDifference compareTensor(const std::vector<uint8_t> &board, const std::vector<uint8_t> &host, const ArgInfo &x);
// Element `i` of a tensor of dtype `x` as a double (sign-extended integers, floats).
double tensorElement(const std::vector<uint8_t> &bytes, size_t i, const ArgInfo &x);

struct BisectLayer {
    enum class Verdict { Identical, WithinTolerance, Differs };
    size_t layer = 0, layers = 0;
    std::string name, op, function;
    Verdict verdict = Verdict::Identical;
    // Set for a layer that is not identical: the output argument compared,
    // both copies and how they differ.
    ArgInfo tensor;
    std::vector<uint8_t> board, host;
    TensorDifference difference;
};

struct BisectResult {
    size_t layers = 0;
    bool cancelled = false;
    bool diverged = false;
    BisectLayer first;  // the first divergent layer when `diverged`
};

// Sets the inputs, calls every layer in order and compares. `onLayer` sees
// each layer as it is checked; `cancel` is polled between layers.
Result<BisectResult> bisectLayers(Module &m, const PackageInfo &info, const Buffers &reference,
                                  const std::vector<TensorData> &inputs,
                                  const std::function<void(const BisectLayer &)> &onLayer = {},
                                  const std::atomic<bool> *cancel = nullptr);

}  // namespace ember::rpc
