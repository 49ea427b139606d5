// Validation with metrics (`emberc validate --input … --reference …`, the
// studio's Validation panel): the generated C run on the host against the
// reference executor (must be bit-exact), and optionally the quantized model
// against the float model it came from, per output and per corresponding
// layer: max abs error, MAE, RMSE, cosine similarity, top-1 agreement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../codegen/CGenerator.h"
#include "../ir/Graph.h"
#include "HostRunner.h"

namespace ember {

using CaseInputs = std::vector<std::vector<uint8_t>>;  // one buffer per graph input

struct ErrorMetrics {
    double maxAbs = 0, mae = 0, rmse = 0;
    double cosine = 1;         // 1 when both sides are all zeros
    int64_t count = 0;         // compared elements, over all cases
    int top1Cases = 0;         // cases whose argmax was compared (outputs with > 1 element)
    int top1Agree = 0;
    // Share of cases with the same argmax; -1 when not applicable.
    double top1() const { return top1Cases ? double(top1Agree) / double(top1Cases) : -1.0; }
};

// Accumulates one comparison over several cases (`actual` vs `expected`,
// real values).
class MetricsAccumulator {
public:
    void add(const std::vector<double> &actual, const std::vector<double> &expected);
    ErrorMetrics result() const;

private:
    double sumAbs_ = 0, sumSq_ = 0, dot_ = 0, normA_ = 0, normE_ = 0, maxAbs_ = 0;
    int64_t n_ = 0;
    int cases_ = 0, agree_ = 0;
};

// A tensor's bytes as real values (dequantized when quantized; per-channel aware).
std::vector<double> toReal(const Tensor &t, const std::vector<uint8_t> &bytes);
// Real values into a tensor's dtype (quantized with round-half-away and
// clamped for integer types).
std::vector<uint8_t> fromReal(const Tensor &t, const std::vector<double> &values);

// Seeded random inputs (xorshift64*, library-independent): float ~N(0,1),
// other types uniform bytes. Case `caseIndex` of seed `seed`.
CaseInputs randomCase(const Graph &g, uint64_t seed, int caseIndex);
std::vector<uint8_t> randomTensorBytes(const Tensor &t, uint64_t *state);

// Input data for validation. `spec`: "random:SEED" (`randomCases` cases),
// a .npy file (first axis = cases; float data is quantized to the input's
// type), a raw file (the inputs' bytes back to back, one or more cases) or
// a folder of such files (sorted by name).
Result<std::vector<CaseInputs>> loadValidationInputs(const Graph &g, const std::string &spec, int randomCases = 3);

struct OutputReport {
    std::string name;
    int64_t mismatchedBytes = 0;   // generated C vs reference executor
    ErrorMetrics generated;        // generated C vs reference executor (zero when bit-exact)
    bool hasFloat = false;
    ErrorMetrics vsFloat;          // this model vs the float model
};

struct LayerReport {
    int opIndex = -1;              // in the validated model
    std::string opName, tensor, floatTensor;
    ErrorMetrics vsFloat;
};

struct ValidationReport {
    int cases = 0;
    bool bitExact = true;          // generated C == reference executor, every output, every case
    std::string referencePath;     // float model ("" = none)
    std::vector<OutputReport> outputs;
    std::vector<LayerReport> layers;  // layers that correspond (with a float model)
};

// Runs the generated package `a` of `g` on the host and the reference
// executor on every case; with `floatModel`, also that model on the same
// inputs (converted to its input types).
Result<ValidationReport> validateBuild(const Graph &g, const Artifacts &a, const std::vector<CaseInputs> &cases,
                                       const Graph *floatModel = nullptr, const HostRunOptions &host = {});

// Layers of `q` and `f` that correspond: same output tensor name and element
// count, else the next op of the same type and output shape, in order.
// Pairs (op position in q, op position in f).
std::vector<std::pair<int, int>> correspondingLayers(const Graph &q, const Graph &f);

}  // namespace ember
