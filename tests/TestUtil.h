// Shared helpers for the Qt Test suites.
#pragma once

#include <QString>
#include <cstring>
#include <string>
#include <vector>

// Qt defines `emit` as an empty macro, which would erase OpKernel::emit in
// the core headers below (and in any test that includes them after Qt).
#undef emit

#include "core/Compiler.h"
#include "core/reference/Executor.h"

namespace ember::test {

// ../shared (EMBER_SHARED env overrides the configured path).
std::string sharedDir();
std::string modelPath(const std::string &relative);  // under shared/models
bool readFile(const std::string &path, std::vector<uint8_t> *out);

// Runs passes, the reference executor, and the generated C (compiled with the
// host compiler) on one graph. `error` is non-empty on any failure.
struct BothOutputs {
    std::vector<TensorData> reference;
    std::vector<TensorData> generated;
    std::string error;
};
BothOutputs runBoth(Graph g, const std::vector<TensorData> &inputs);

// Typed views for building inputs and checking outputs.
template <class T> std::vector<uint8_t> bytesOf(const std::vector<T> &v) {
    std::vector<uint8_t> b(v.size() * sizeof(T));
    if (!v.empty()) std::memcpy(b.data(), v.data(), b.size());
    return b;
}
template <class T> std::vector<T> valuesOf(const std::vector<uint8_t> &b) {
    std::vector<T> v(b.size() / sizeof(T));
    if (!v.empty()) std::memcpy(v.data(), b.data(), v.size() * sizeof(T));
    return v;
}

// Adds a tensor to g and returns its index (data given = constant).
int addTensor(Graph &g, const std::string &name, DType t, const Shape &shape, Quant q = {},
              std::vector<uint8_t> data = {});
// Adds an op (index = position) and returns a reference to it.
Op &addOp(Graph &g, OpType type, std::vector<int> inputs, std::vector<int> outputs, OpAttrs attrs = {});
// Marks graph inputs/outputs.
void setIO(Graph &g, std::vector<int> inputs, std::vector<int> outputs);
Quant q(float scale, int64_t zeroPoint);

}  // namespace ember::test
