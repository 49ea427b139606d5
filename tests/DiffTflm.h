// Differential testing against TFLite Micro's reference kernels.
//
// `../shared/tools/tflm-ref/tflm_ref` is TFLM (reference kernels) as a
// command-line program. A test builds small models with Ember's own builder
// (TestUtil's addTensor/addOp/setIO), and runDiff() then, for every case:
//   1. writes the graph as a .tflite with Ember's writer;
//   2. runs it through tflm_ref on the case's inputs (seeded random bytes
//      unless the case gives its own);
//   3. imports the written file with Ember (loadModel: importer + passes),
//      runs the reference executor and compiles the C package;
// and afterwards builds the cases' generated C into one host program (one
// compiler run; each package has its own prefix) and runs it per case.
// Building the C is three quarters of the time, so the test command builds
// it for a seeded half of the cases (chosen by a hash of the case's name, so
// every parameter value keeps C cases) while TFLM and the reference executor
// still check every case; EMBER_FULL_MATRIX=1 (scripts/sweeps.sh diff)
// builds the C of every case, as do in-place runs and allGeneratedC.
// Integer outputs must be byte-equal to TFLM's; float outputs within 1e-5 of
// the output's range (relative). A model TFLM refuses must be refused by
// Ember too (one error); a model TFLM runs must not be refused by Ember.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "TestUtil.h"

namespace ember::test {

struct DiffCase {
    std::string name;                 // shown on failure, e.g. "gather axis=1 int8 #3"
    Graph graph;                      // unprepared, as a converter would write it
    std::vector<TensorData> inputs;   // empty: seeded random bytes per input
    // Float inputs are drawn uniformly from [floatMin, floatMax] (for ops
    // with a restricted domain such as LOG or SQRT).
    float floatMin = -4.f, floatMax = 4.f;
    // Streaming/stateful models: consecutive calls of one model instance
    // (tflm_ref --steps; Ember's ReferenceSession and the generated C called
    // `steps` times on the same state), every call's outputs compared.
    // `inputs`, if given, holds steps sets of the model's inputs in order.
    int steps = 1;
};

struct DiffOptions {
    uint64_t seed = 1;
    float floatTolerance = 1e-5f;  // relative to the output's range
    bool generatedC = true;        // also build and run the generated C (batched)
    bool inPlace = false;          // compile with --in-place on
    bool fuse = false;             // with inPlace: --in-place fuse (convolution chains row by row)
    bool allGeneratedC = false;    // build the C of every case, not the test command's half
    std::string optimize;          // --optimize of the generated C ("": the default, balanced)
};

// The path of tflm_ref (EMBER_TFLM_REF overrides), "" when it is missing.
std::string tflmRefPath();

// Seeded random contents for a tensor (integers over the whole range of the
// type; floats uniform in [lo, hi]; bool 0/1).
TensorData randomTensorData(const Tensor &t, uint64_t seed, float lo = -4.f, float hi = 4.f);

// Runs every case as described above. Returns one line per failing case
// (empty when all agree); `summary` (optional) gets "N cases: A ran on both
// (generated C of G), R refused by both [times]".
std::vector<std::string> runDiff(std::vector<DiffCase> cases, const DiffOptions &opts = {},
                                 std::string *summary = nullptr);

// The batch machinery of runDiff, for other harnesses (the ONNX node tests):
// writes a compiled package and its host harness (main renamed
// run_<art.name>) under pkgRoot; "" or the reason it failed.
std::string writeBatchPackage(const Artifacts &art, const std::string &pkgRoot);
// Builds every package written there into one program pkgRoot/diff_run
// (`diff_run PKG INPUT... OUTPUT...` runs one); "" or the build log.
std::string buildBatch(const std::string &pkgRoot, const std::vector<std::string> &pkgs);

// Small deterministic generator for parameter sweeps (splitmix64).
class DiffRng {
public:
    explicit DiffRng(uint64_t seed) : s_(seed) {}
    uint64_t next();
    int range(int lo, int hi);             // inclusive
    float uniform(float lo, float hi);
    bool coin() { return next() & 1; }
    template <class T> const T &pick(const std::vector<T> &v) { return v[size_t(range(0, int(v.size()) - 1))]; }

private:
    uint64_t s_;
};

}  // namespace ember::test
