// The operator interface. Every operator lives in its own file under
// core/ops/ and exposes one `OpKernel` registered in Registry.cpp (the only
// table). Lifecycle, as in TFLM: prepare (validate + derive constants) →
// eval (reference executor) / emit (C generator). Validation happens in
// prepare only; eval and emit may assume a prepared, valid op.
// See core/ops/TEMPLATE.cpp and CONTRIBUTING.md ("adding an operator").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

// One byte buffer per tensor, indexed like Graph::tensors. Constants hold
// their data; activations are sized to Tensor::bytes().
using Buffers = std::vector<std::vector<uint8_t>>;

// A constant array an emitter adds to <name>_constants.c.
struct ConstArray {
    std::string symbol;  // full C identifier
    DType dtype;
    std::vector<uint8_t> data;  // little-endian elements
    std::string comment;
};

// What an op's emitter writes into: the body of its layer function.
// The generator has already chosen the function's name and its parameters;
// `inputs[i]`/`outputs[i]` are C expressions of the right pointer type for
// the op's i-th input/output (a parameter name for activations, a const
// array symbol for constants, "0" for an absent optional input).
struct EmitContext {
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    std::string symbolPrefix;  // e.g. "kws_l03"; use for any constants added
    std::string body;          // C statements, 4-space indented, no braces

    // Adds `text` + "\n" to the body with `indent` levels of 4 spaces.
    void line(const std::string &text, int indent = 1);
    // Adds a constant array (e.g. per-channel multipliers) and returns its symbol.
    std::string constant(const std::string &suffix, DType dtype, const void *data, size_t count,
                         const std::string &comment = {});
    std::string constantI32(const std::string &suffix, const std::vector<int32_t> &v,
                            const std::string &comment = {});
    // Requests a static helper function in <name>_ops.c. `code` is its full
    // definition; helpers are deduplicated by name and emitted in first-use
    // order, so add dependencies first. Common helpers: see Common.h.
    void addHelper(const std::string &name, const std::string &code);

    // Limited dynamic shapes (--dim). Per input/output, per axis: the C
    // expression holding the axis' run-time extent (a parameter of the layer
    // function), or "" when the axis is fixed. Empty vectors mean every axis
    // is fixed. Only ops with a rule in passes/DynamicDims.cpp ever see a
    // dynamic axis; they loop to these expressions instead of literals.
    std::vector<std::vector<std::string>> inputDims, outputDims;
    bool inputDynamic(size_t i) const;
    bool outputDynamic(size_t j) const;
    // C expression of the number of elements of input i / output j over the
    // axes [from, to) of `shape` (to < 0: up to the last axis): a literal
    // when those axes are fixed, e.g. "(in0_axis1 * 16)" otherwise.
    std::string inputCount(size_t i, const Shape &shape, size_t from = 0, int to = -1) const;
    std::string outputCount(size_t j, const Shape &shape, size_t from = 0, int to = -1) const;
    // C expression of one axis' extent.
    std::string inputExtent(size_t i, const Shape &shape, size_t axis) const;

    // --target (ops/Target.h): which core-specific code paths to emit beside
    // the portable C ("" = generic).
    std::string target;

    std::vector<ConstArray> constants;                       // collected by the generator
    std::vector<std::pair<std::string, std::string>> helpers;  // name, code
};

struct OpKernel {
    OpType type;
    // Validate dtypes, shapes (infer and check the model's output shapes),
    // attributes and quantization; store derived constants in op.params.
    bool (*prepare)(Graph &g, Op &op, Diagnostics &diags);
    // Reference execution on the host.
    void (*eval)(const Graph &g, const Op &op, Buffers &buffers);
    // Shape-specialised C for the op's body.
    void (*emit)(const Graph &g, const Op &op, EmitContext &ctx);
    // Multiply-accumulates (0 where it means nothing). May be null.
    int64_t (*macs)(const Graph &g, const Op &op);
    // Supported types for `emberc ops`, e.g. "int8, int16x8, float32".
    // Optional (last, defaulted) so `{type, prepare, eval, emit, macs}` still
    // compiles; nullptr prints "see README".
    const char *dtypes = nullptr;
};

// Every operator's kernel, defined in its own file. Declared here so that the
// definitions (`const OpKernel kConv2D = {...}`) get external linkage.
extern const OpKernel kConv2D, kDepthwiseConv2D, kFullyConnected, kAveragePool2D, kMaxPool2D, kAdd, kSub, kMul,
    kSoftmax, kReshape, kQuantize, kDequantize, kPad, kMean, kConcatenation, kLogistic, kTanh, kRelu, kRelu6,
    kLeakyRelu, kTranspose, kStridedSlice;

// The kernel for an op type, or nullptr for unsupported types.
const OpKernel *findKernel(OpType type);
// Comma-separated list of supported TFLite operator names (for errors).
std::string supportedOpsList();
// Every registered kernel, in table order.
std::vector<const OpKernel *> registeredKernels();

// What `emberc ops` and the studio list: every kernel (TFLite name, types)
// plus the operators the importer resolves without a kernel (VAR_HANDLE,
// CALL_ONCE), in table order.
struct SupportedOperator {
    std::string name, types;
};
std::vector<SupportedOperator> supportedOperators();

}  // namespace ember
