// The one table of operators. To add an operator, see CONTRIBUTING.md.
#include "OpKernel.h"

namespace ember {

// Data-movement and shape operators (DataMovement.h family).
extern const OpKernel kExpandDims, kSqueeze, kShape, kPack, kUnpack, kSplit, kSplitV, kSlice, kFill, kZerosLike,
    kBroadcastTo, kBroadcastArgs, kCast;

static const OpKernel *const kKernels[] = {
    &kConv2D,   &kDepthwiseConv2D, &kFullyConnected, &kAveragePool2D, &kMaxPool2D, &kAdd,
    &kSub,      &kMul,             &kSoftmax,        &kReshape,       &kQuantize,  &kDequantize,
    &kPad,      &kMean,            &kConcatenation,  &kLogistic,      &kTanh,      &kRelu,
    &kRelu6,    &kLeakyRelu,       &kTranspose,      &kStridedSlice,
    &kExpandDims, &kSqueeze,        &kShape,          &kPack,          &kUnpack,    &kSplit,
    &kSplitV,     &kSlice,          &kFill,           &kZerosLike,     &kBroadcastTo, &kBroadcastArgs,
    &kCast,
};

const OpKernel *findKernel(OpType type) {
    for (const OpKernel *k : kKernels)
        if (k->type == type) return k;
    return nullptr;
}

std::string supportedOpsList() {
    std::string s;
    for (const OpKernel *k : kKernels) s += (s.empty() ? "" : ", ") + std::string(opTypeName(k->type));
    return s;
}

}  // namespace ember
