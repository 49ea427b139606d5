// The mapping between TFLite builtin operator codes and Ember's OpType,
// shared by the importer and the writer so that both agree by construction.
// Internal to core (needs no generated header).
#pragma once

#include <cstdint>

#include "../ir/Graph.h"

namespace ember::tflitecodes {

// TFLite BuiltinOperator values Ember handles (facts of the file format).
constexpr int32_t kCustom = 32;
constexpr int32_t kPlaceholderForGreaterOpCodes = 127;

struct CodeEntry {
    int32_t code;
    OpType type;
};

inline constexpr CodeEntry kCodes[] = {
    {0, OpType::Add},
    {1, OpType::AveragePool2D},
    {2, OpType::Concatenation},
    {3, OpType::Conv2D},
    {4, OpType::DepthwiseConv2D},
    {6, OpType::Dequantize},
    {9, OpType::FullyConnected},
    {14, OpType::Logistic},
    {17, OpType::MaxPool2D},
    {18, OpType::Mul},
    {19, OpType::Relu},
    {21, OpType::Relu6},
    {22, OpType::Reshape},
    {25, OpType::Softmax},
    {28, OpType::Tanh},
    {34, OpType::Pad},
    {39, OpType::Transpose},
    {40, OpType::Mean},
    {41, OpType::Sub},
    {45, OpType::StridedSlice},
    {98, OpType::LeakyRelu},
    {114, OpType::Quantize},
};

// OpType for a builtin code; false when Ember has no kernel for it.
inline bool opTypeForCode(int32_t code, OpType *type) {
    for (const CodeEntry &e : kCodes)
        if (e.code == code) {
            *type = e.type;
            return true;
        }
    return false;
}

// Builtin code for a supported OpType; -1 for OpType::Unsupported.
inline int32_t codeForOpType(OpType type) {
    for (const CodeEntry &e : kCodes)
        if (e.type == type) return e.code;
    return -1;
}

}  // namespace ember::tflitecodes
