// Internal to the ONNX importer: the state shared by OnnxImporter.cpp (model,
// values, layout) and the op lowerings in OnnxOps*.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "../Diagnostics.h"
#include "../ir/Graph.h"
#include "OnnxImporter.h"

namespace ember::onnximp {

// One ONNX value: its tensor in ONNX's layout (`t`) and/or channels-last
// (`cl`, rank >= 3: [N, spatial..., C]); either may be -1 until needed.
struct Value {
    int t = -1;
    int cl = -1;
};

// Thrown by lowerings to abandon the node with an error already recorded.
struct Refused {};

class Ctx {
public:
    Graph g;
    Diagnostics &d;
    OnnxImportOptions opts;
    int opset = 0;
    std::map<std::string, Value> values;
    std::map<std::string, const onnx::TypeProto *> types;  // inferred value types
    std::map<std::string, int> consumers;                  // readers of each value
    const onnx::NodeProto *node = nullptr;
    int nodeIndex = -1;
    // QDQ lowering (OnnxQdq.cpp): the int8 form of quantized values (the
    // output of a QuantizeLinear, with its scale and zero point, uint8 ones
    // shifted by -128), and while a node is lowered onto int8 kernels, the
    // quantization out() gives its output (an int8 tensor) instead of float.
    std::map<std::string, Value> q8;
    const Quant *qOut = nullptr;

    explicit Ctx(Diagnostics &diags) : d(diags) {}

    // --- errors (all name the node, op and attribute) ---
    [[noreturn]] void refuse(const std::string &msg, const std::string &attr = {});
    std::string nodeLabel() const;

    // --- node inputs / outputs ---
    size_t numInputs() const;
    bool has(size_t i) const;                 // input i present (non-empty name)
    const std::string &inName(size_t i) const;
    int in(size_t i);                         // ONNX layout (transposes when needed)
    int inCL(size_t i);                       // channels-last (transposes when needed)
    bool isCL(size_t i) const;                // only/also available channels-last
    const Tensor &tin(size_t i) { return g.tensors[size_t(in(i))]; }
    const Tensor *constIn(size_t i);          // constant input in ONNX layout, or null
    Shape inShape(size_t i) const;            // ONNX-layout shape of input i
    DType inType(size_t i) const;
    std::vector<int64_t> constInts(size_t i, const char *what);  // constant integer input (refuses)
    float constFloat(size_t i, const char *what);                // constant scalar float input
    size_t numOutputs() const;
    bool outUsed(size_t j) const;
    Shape outShape(size_t j) const;           // inferred (refuses when unknown)
    DType outType(size_t j) const;
    bool outKnown(size_t j) const;
    // Creates the tensor of output j (ONNX layout unless `channelsLast`,
    // then `shape` is the channels-last shape) and records it.
    int out(size_t j, DType t, const Shape &shape, bool channelsLast = false);
    int out(size_t j) { return out(j, outType(j), outShape(j)); }
    void alias(size_t j, int tensor, bool channelsLast);  // output j is an existing tensor

    // --- attributes ---
    const onnx::AttributeProto *attr(const char *name) const;
    int64_t attrInt(const char *name, int64_t def) const;
    float attrFloat(const char *name, float def) const;
    std::string attrStr(const char *name, const std::string &def) const;
    std::vector<int64_t> attrInts(const char *name) const;
    std::vector<float> attrFloats(const char *name) const;

    // --- building ---
    int addTensor(const std::string &name, DType t, const Shape &shape);
    int addConst(const std::string &name, DType t, const Shape &shape, const void *data, size_t bytes);
    int constI32(const std::string &suffix, const std::vector<int32_t> &v);
    int constF32(const std::string &suffix, const Shape &shape, const std::vector<float> &v);
    Op &addOp(OpType type, std::vector<int> inputs, std::vector<int> outputs);
    // A new activation named after the node ("<node>/<suffix>").
    int temp(const std::string &suffix, DType t, const Shape &shape);
    int transpose(int t, const std::vector<int> &perm, const std::string &name);
    int reshape(int t, const Shape &shape, const std::string &name);
    std::string baseName() const;
};

// ONNX element type → DType (false: not supported); its lower-case name.
bool dtypeOf(int32_t onnxType, DType *out);
std::string onnxTypeName(int32_t t);
// The tensor of a value in one layout, transposing (or, for constants,
// permuting at compile time) when only the other one exists.
int materialize(Ctx &c, const std::string &name, bool cl);

// Layout helpers. perm for ONNX → channels-last of rank r: [0, 2, ..., r-1, 1].
std::vector<int> toCL(size_t rank);
std::vector<int> fromCL(size_t rank);
Shape permuted(const Shape &s, const std::vector<int> &perm);
// Transposes constant data (any element size).
std::vector<uint8_t> permuteData(const std::vector<uint8_t> &data, const Shape &shape, const std::vector<int> &perm,
                                 size_t elemSize);
// Values of an integer/float constant tensor (any integer dtype / float32).
std::vector<int64_t> intValues(const Tensor &t);
std::vector<float> floatValues(const Tensor &t);
int normAxis(Ctx &c, int64_t axis, size_t rank, const char *attr);

// Every lowering: ONNX op type → function.
using Lowering = std::function<void(Ctx &)>;
const std::map<std::string, Lowering> &lowerings();
void addElementwiseLowerings(std::map<std::string, Lowering> &m);
void addNnLowerings(std::map<std::string, Lowering> &m);
void addTensorLowerings(std::map<std::string, Lowering> &m);
void addExtraLowerings(std::map<std::string, Lowering> &m);
void addDenseLowerings(std::map<std::string, Lowering> &m);
void addReduceLowerings(std::map<std::string, Lowering> &m);
void addQuantLowerings(std::map<std::string, Lowering> &m);  // OnnxOpsQuant.cpp
void addRnnLowerings(std::map<std::string, Lowering> &m);    // OnnxOpsRnn.cpp

// Conv's lowering (OnnxOpsNn.cpp) on a channels-last float input `x`, ONNX
// [M, C/group, kH, kW] weights and M bias values, with the node's attributes
// and inferred output shape. Returns the channels-last result: output 0
// itself when `toOutput`, else a temporary (QLinearConv, ConvInteger).
// With `q` (QDQ lowering, OnnxQdq.cpp) the convolution is int8: `x` is int8
// with its quantization, the weights `q->w` (OIHW, symmetric) with `q->scale`
// per tensor or per output channel, the int32 bias `q->bias`; the result has
// c.qOut's quantization and `w`/`bias` only give the shape.
struct QuantWeights {
    std::vector<int8_t> w;
    std::vector<float> scale;
    std::vector<int32_t> bias;
};
int convFloat(Ctx &c, int x, const Tensor &w, const std::vector<float> &bias, bool toOutput,
              const QuantWeights *q = nullptr);

// The QDQ lowering (OnnxQdq.cpp): qdqPrepare finds the DequantizeLinear →
// op → QuantizeLinear groups of the graph; qdqLower lowers node k when the
// QDQ lowering handles it (true; `lowerNormally` lowers the node as usual
// where it needs the ONNX-typed result too), else the caller lowers it.
struct QdqPlan;
std::shared_ptr<QdqPlan> qdqPrepare(const onnx::GraphProto &g);
bool qdqLower(Ctx &c, QdqPlan &plan, int k, const std::function<void()> &lowerNormally);

// QuantizeLinear's arithmetic on a float tensor x: cast(clamp(round_half_even(x
// / scale) + zp, lo, hi)) into `out` (scale, zp: tensors that broadcast).
void quantizeOps(Ctx &c, int x, int scale, int zp, float lo, float hi, int out);

}  // namespace ember::onnximp
