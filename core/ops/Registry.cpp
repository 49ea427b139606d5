// The one table of operators. To add an operator, see CONTRIBUTING.md.
#include "OpKernel.h"

namespace ember {

// Data movement by index and rearrangement (shape2 family).
extern const OpKernel kGather, kGatherNd, kEmbeddingLookup, kSpaceToDepth, kDepthToSpace, kReverseV2, kPadV2,
    kMirrorPad, kBatchToSpaceNd, kSpaceToBatchNd, kDynamicUpdateSlice;

static const OpKernel *const kKernels[] = {
    &kConv2D,   &kDepthwiseConv2D, &kFullyConnected, &kAveragePool2D, &kMaxPool2D, &kAdd,
    &kSub,      &kMul,             &kSoftmax,        &kReshape,       &kQuantize,  &kDequantize,
    &kPad,      &kMean,            &kConcatenation,  &kLogistic,      &kTanh,      &kRelu,
    &kRelu6,    &kLeakyRelu,       &kTranspose,      &kStridedSlice,
    &kGather,   &kGatherNd,        &kEmbeddingLookup, &kSpaceToDepth,  &kDepthToSpace, &kReverseV2,
    &kPadV2,    &kMirrorPad,       &kBatchToSpaceNd, &kSpaceToBatchNd, &kDynamicUpdateSlice,
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
