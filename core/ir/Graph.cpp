#include "Graph.h"

namespace ember {

size_t dtypeSize(DType t) {
    switch (t) {
    case DType::Float32: return 4;
    case DType::Int8: return 1;
    case DType::UInt8: return 1;
    case DType::Int16: return 2;
    case DType::Int32: return 4;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
    }
    return 1;
}

const char *dtypeName(DType t) {
    switch (t) {
    case DType::Float32: return "float32";
    case DType::Int8: return "int8";
    case DType::UInt8: return "uint8";
    case DType::Int16: return "int16";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
    }
    return "?";
}

const char *dtypeCType(DType t) {
    switch (t) {
    case DType::Float32: return "float";
    case DType::Int8: return "int8_t";
    case DType::UInt8: return "uint8_t";
    case DType::Int16: return "int16_t";
    case DType::Int32: return "int32_t";
    case DType::Int64: return "int64_t";
    case DType::Bool: return "uint8_t";
    }
    return "uint8_t";
}

int64_t shapeElements(const Shape &s) {
    int64_t n = 1;
    for (int32_t d : s) n *= d;
    return n;
}

std::string shapeString(const Shape &s) {
    std::string r = "[";
    for (size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
    return r + "]";
}

static const struct {
    OpType type;
    const char *name;
    const char *ident;
} kOpNames[] = {
    {OpType::Conv2D, "CONV_2D", "conv2d"},
    {OpType::DepthwiseConv2D, "DEPTHWISE_CONV_2D", "depthwise_conv2d"},
    {OpType::FullyConnected, "FULLY_CONNECTED", "fully_connected"},
    {OpType::AveragePool2D, "AVERAGE_POOL_2D", "average_pool2d"},
    {OpType::MaxPool2D, "MAX_POOL_2D", "max_pool2d"},
    {OpType::Add, "ADD", "add"},
    {OpType::Sub, "SUB", "sub"},
    {OpType::Mul, "MUL", "mul"},
    {OpType::Softmax, "SOFTMAX", "softmax"},
    {OpType::Reshape, "RESHAPE", "reshape"},
    {OpType::Quantize, "QUANTIZE", "quantize"},
    {OpType::Dequantize, "DEQUANTIZE", "dequantize"},
    {OpType::Pad, "PAD", "pad"},
    {OpType::Mean, "MEAN", "mean"},
    {OpType::Concatenation, "CONCATENATION", "concatenation"},
    {OpType::Logistic, "LOGISTIC", "logistic"},
    {OpType::Tanh, "TANH", "tanh"},
    {OpType::Relu, "RELU", "relu"},
    {OpType::Relu6, "RELU6", "relu6"},
    {OpType::LeakyRelu, "LEAKY_RELU", "leaky_relu"},
    {OpType::Transpose, "TRANSPOSE", "transpose"},
    {OpType::StridedSlice, "STRIDED_SLICE", "strided_slice"},
    {OpType::Unsupported, "UNSUPPORTED", "unsupported"},
};

const char *opTypeName(OpType t) {
    for (const auto &e : kOpNames)
        if (e.type == t) return e.name;
    return "UNSUPPORTED";
}

const char *opTypeIdent(OpType t) {
    for (const auto &e : kOpNames)
        if (e.type == t) return e.ident;
    return "unsupported";
}

const char *activationName(Activation a) {
    switch (a) {
    case Activation::None: return "NONE";
    case Activation::Relu: return "RELU";
    case Activation::ReluN1To1: return "RELU_N1_TO_1";
    case Activation::Relu6: return "RELU6";
    case Activation::Tanh: return "TANH";
    case Activation::SignBit: return "SIGN_BIT";
    }
    return "?";
}

std::string Graph::layerName(const Op &op) const {
    if (!op.outputs.empty() && op.outputs[0] >= 0) return tensors[size_t(op.outputs[0])].name;
    return std::string(opTypeName(op.type)) + "_" + std::to_string(op.index);
}

}  // namespace ember
