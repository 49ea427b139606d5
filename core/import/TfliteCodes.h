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
    {27, OpType::Svdf},
    {44, OpType::UnidirectionalSequenceLstm},
    {118, OpType::If},
    {119, OpType::While},
    {129, OpType::CallOnce},
    {142, OpType::VarHandle},
    {143, OpType::ReadVariable},
    {144, OpType::AssignVariable},
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
    {5, OpType::DepthToSpace},
    {7, OpType::EmbeddingLookup},
    {8, OpType::Floor},
    {11, OpType::L2Normalization},
    {12, OpType::L2Pool2D},
    {23, OpType::ResizeBilinear},
    {26, OpType::SpaceToDepth},
    {36, OpType::Gather},
    {37, OpType::BatchToSpaceNd},
    {38, OpType::SpaceToBatchNd},
    {42, OpType::Div},
    {43, OpType::Squeeze},
    {47, OpType::Exp},
    {49, OpType::Split},
    {50, OpType::LogSoftmax},
    {53, OpType::Cast},
    {54, OpType::Prelu},
    {55, OpType::Maximum},
    {56, OpType::ArgMax},
    {57, OpType::Minimum},
    {58, OpType::Less},
    {59, OpType::Neg},
    {60, OpType::PadV2},
    {61, OpType::Greater},
    {62, OpType::GreaterEqual},
    {63, OpType::LessEqual},
    {65, OpType::Slice},
    {66, OpType::Sin},
    {67, OpType::TransposeConv},
    {70, OpType::ExpandDims},
    {71, OpType::Equal},
    {72, OpType::NotEqual},
    {73, OpType::Log},
    {74, OpType::Sum},
    {75, OpType::Sqrt},
    {76, OpType::Rsqrt},
    {77, OpType::Shape},
    {79, OpType::ArgMin},
    {82, OpType::ReduceMax},
    {83, OpType::Pack},
    {84, OpType::LogicalOr},
    {86, OpType::LogicalAnd},
    {87, OpType::LogicalNot},
    {88, OpType::Unpack},
    {89, OpType::ReduceMin},
    {90, OpType::FloorDiv},
    {92, OpType::Square},
    {93, OpType::ZerosLike},
    {94, OpType::Fill},
    {95, OpType::FloorMod},
    {97, OpType::ResizeNearestNeighbor},
    {99, OpType::SquaredDifference},
    {100, OpType::MirrorPad},
    {101, OpType::Abs},
    {102, OpType::SplitV},
    {104, OpType::Ceil},
    {105, OpType::ReverseV2},
    {106, OpType::AddN},
    {107, OpType::GatherNd},
    {108, OpType::Cos},
    {111, OpType::Elu},
    {116, OpType::Round},
    {117, OpType::HardSwish},
    {123, OpType::SelectV2},
    {126, OpType::BatchMatMul},
    {128, OpType::Cumsum},
    {130, OpType::BroadcastTo},
    {145, OpType::BroadcastArgs},
    {151, OpType::DynamicUpdateSlice},
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
