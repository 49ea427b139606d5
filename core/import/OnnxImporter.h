// ONNX (protobuf ModelProto, parsed with Debian's libonnx) → IR.
//
// The model is checked with onnx's checker and its shapes inferred with
// onnx's shape inference (symbolic dimensions fixed to 1) before anything is
// lowered. Every ONNX node becomes zero or more Ember ops with TFLite
// semantics; ONNX's NCHW layout is converted at import: layout-sensitive ops
// (Conv, pooling, BatchNormalization, DepthToSpace, ...) work channels-last,
// and a TRANSPOSE is inserted only where a value is needed in the other
// layout (at the graph's I/O for --onnx-io-layout nchw, or between a
// channels-last op and a layout-bound one such as Reshape). Constants are
// transposed at compile time. See docs/ONNX.md for the op table.
#pragma once

#include <map>
#include <string>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

struct OnnxImportOptions {
    // "nchw": the graph's inputs and outputs keep ONNX's layout (transposes
    // where needed); "nhwc": rank-4 inputs and outputs are channels-last.
    std::string ioLayout = "nchw";
    // Graph inputs replaced by constants before shape inference (shape,
    // axes, pads inputs of single-node models), by input name.
    std::map<std::string, Tensor> constantInputs;
    // Browse mode (LoadOptions::browse): a node the importer refuses stays in
    // the graph as an Unsupported op carrying the refusal as its
    // unsupportedReason (outputs typed by onnx's shape inference), instead of
    // ending the import.
    bool browse = false;
    // QDQ models: DequantizeLinear → Conv/Gemm/MatMul/Add/Mul/pooling/... →
    // QuantizeLinear groups run on Ember's int8 kernels (OnnxQdq.cpp). Off:
    // every node in float, as ONNX's reference evaluates them (tests compare).
    bool qdq = true;
};

Result<Graph> importOnnx(const std::string &path, const OnnxImportOptions &opts = {});
Result<Graph> importOnnxBuffer(const uint8_t *data, size_t size, const std::string &origin,
                               const OnnxImportOptions &opts = {});

// One serialized onnx.TensorProto (the node tests' input_N.pb / output_N.pb)
// as an IR tensor in ONNX's layout: name, dtype, shape, data (bool as bytes).
Result<Tensor> readOnnxTensorFile(const std::string &path);

// The ONNX operator types the importer lowers, sorted (docs, `emberc ops`).
std::vector<std::string> onnxSupportedOps();

}  // namespace ember
