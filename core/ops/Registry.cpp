// The one table of operators. To add an operator, see CONTRIBUTING.md.
#include "OpKernel.h"

#include <iterator>

namespace ember {

// Kernels added after OpKernel.h's list (declared here so that only this
// table recompiles when one is added).
extern const OpKernel kResizeNearestNeighbor, kResizeBilinear, kTransposeConv, kBatchMatMul, kL2Pool2D,
    kL2Normalization;
// Kernels of the wider operator set (declared here, not in OpKernel.h).
extern const OpKernel kSum, kReduceMax, kReduceMin, kArgMax, kArgMin, kPrelu, kAddN, kCumsum,
    kDetectionPostProcess;
// Broadcasting element-wise families (Elementwise.h).
extern const OpKernel kMaximum, kMinimum, kSquaredDifference, kDiv, kEqual, kNotEqual, kGreater, kGreaterEqual, kLess,
    kLessEqual, kLogicalAnd, kLogicalOr, kSelectV2, kFloorDiv, kFloorMod;
// One-input element-wise operators (MathUnary.cpp, HardSwish.cpp, Elu.cpp, LogSoftmax.cpp).
extern const OpKernel kAbs, kNeg, kExp, kLog, kSqrt, kRsqrt, kSquare, kSin, kCos, kFloor, kCeil, kRound, kLogicalNot,
    kHardSwish, kElu, kLogSoftmax;
// Data-movement and shape operators (DataMovement.h family).
extern const OpKernel kExpandDims, kSqueeze, kShape, kPack, kUnpack, kSplit, kSplitV, kSlice, kFill, kZerosLike,
    kBroadcastTo, kBroadcastArgs, kCast;
// Data movement by index and rearrangement (shape2 family).
extern const OpKernel kGather, kGatherNd, kEmbeddingLookup, kSpaceToDepth, kDepthToSpace, kReverseV2, kPadV2,
    kMirrorPad, kBatchToSpaceNd, kSpaceToBatchNd, kDynamicUpdateSlice;
// Resource variables (Variables.cpp).
extern const OpKernel kReadVariable, kAssignVariable;
// Streaming operators with state (SignalStream.cpp).
extern const OpKernel kSignalFramer, kSignalStacker, kSignalDelay, kSignalOverlapAdd, kCircularBuffer;
// Stateful operators.
extern const OpKernel kSvdf;
// TFLM Signal library, audio front end (SignalFft.cpp, SignalOps.cpp).
extern const OpKernel kSignalWindow, kSignalFftAutoScale, kSignalRfft, kSignalIrfft, kSignalEnergy, kSignalFilterBank,
    kSignalFilterBankSquareRoot, kSignalFilterBankSpectralSubtraction, kSignalFilterBankLog, kSignalPcan;
// Recurrent operators (Lstm.cpp).
extern const OpKernel kUnidirectionalSequenceLstm;
// Control flow (ControlFlow.cpp).
extern const OpKernel kIf, kWhile;

static const OpKernel *const kKernels[] = {
    &kConv2D,   &kDepthwiseConv2D, &kFullyConnected, &kAveragePool2D, &kMaxPool2D, &kAdd,
    &kSub,      &kMul,             &kSoftmax,        &kReshape,       &kQuantize,  &kDequantize,
    &kPad,      &kMean,            &kConcatenation,  &kLogistic,      &kTanh,      &kRelu,
    &kRelu6,    &kLeakyRelu,       &kTranspose,      &kStridedSlice,
    &kResizeNearestNeighbor, &kResizeBilinear, &kTransposeConv, &kBatchMatMul, &kL2Pool2D, &kL2Normalization,
    &kSum,      &kReduceMax,       &kReduceMin,      &kArgMax,        &kArgMin,    &kPrelu,
    &kAddN,     &kCumsum,          &kDetectionPostProcess,
    &kMaximum,  &kMinimum,         &kSquaredDifference, &kDiv,        &kEqual,     &kNotEqual,
    &kGreater,  &kGreaterEqual,    &kLess,           &kLessEqual,     &kLogicalAnd, &kLogicalOr,
    &kSelectV2, &kFloorDiv,        &kFloorMod,
    &kAbs,      &kNeg,             &kExp,            &kLog,           &kSqrt,      &kRsqrt,
    &kSquare,   &kSin,             &kCos,            &kFloor,         &kCeil,      &kRound,
    &kLogicalNot, &kHardSwish,     &kElu,            &kLogSoftmax,
    &kExpandDims, &kSqueeze,        &kShape,          &kPack,          &kUnpack,    &kSplit,
    &kSplitV,     &kSlice,          &kFill,           &kZerosLike,     &kBroadcastTo, &kBroadcastArgs,
    &kCast,
    &kGather,   &kGatherNd,        &kEmbeddingLookup, &kSpaceToDepth,  &kDepthToSpace, &kReverseV2,
    &kPadV2,    &kMirrorPad,       &kBatchToSpaceNd, &kSpaceToBatchNd, &kDynamicUpdateSlice,
    &kReadVariable, &kAssignVariable,
    &kSignalFramer, &kSignalStacker, &kSignalDelay, &kSignalOverlapAdd, &kCircularBuffer,
    &kSvdf,
    &kSignalWindow, &kSignalFftAutoScale, &kSignalRfft, &kSignalIrfft, &kSignalEnergy, &kSignalFilterBank,
    &kSignalFilterBankSquareRoot, &kSignalFilterBankSpectralSubtraction, &kSignalFilterBankLog, &kSignalPcan,
    &kUnidirectionalSequenceLstm,
    &kIf, &kWhile,
};

const OpKernel *findKernel(OpType type) {
    for (const OpKernel *k : kKernels)
        if (k->type == type) return k;
    return nullptr;
}

std::vector<const OpKernel *> registeredKernels() { return {std::begin(kKernels), std::end(kKernels)}; }

std::vector<SupportedOperator> supportedOperators() {
    std::vector<SupportedOperator> r;
    for (const OpKernel *k : kKernels) r.push_back({opTypeName(k->type), k->dtypes ? k->dtypes : "see README"});
    r.push_back({opTypeName(OpType::VarHandle), "resolved on import: the resource variable becomes model state"});
    r.push_back({opTypeName(OpType::CallOnce),
                 "resolved on import: an initialisation subgraph assigning constants gives the start-up values"});
    return r;
}

std::string supportedOpsList() {
    std::string s;
    for (const OpKernel *k : kKernels) s += (s.empty() ? "" : ", ") + std::string(opTypeName(k->type));
    return s;
}

}  // namespace ember
