// The one table of operators. To add an operator, see CONTRIBUTING.md.
#include "OpKernel.h"

#include <iterator>

namespace ember {

static const OpKernel *const kKernels[] = {
    &kConv2D,   &kDepthwiseConv2D, &kFullyConnected, &kAveragePool2D, &kMaxPool2D, &kAdd,
    &kSub,      &kMul,             &kSoftmax,        &kReshape,       &kQuantize,  &kDequantize,
    &kPad,      &kMean,            &kConcatenation,  &kLogistic,      &kTanh,      &kRelu,
    &kRelu6,    &kLeakyRelu,       &kTranspose,      &kStridedSlice,
};

const OpKernel *findKernel(OpType type) {
    for (const OpKernel *k : kKernels)
        if (k->type == type) return k;
    return nullptr;
}

std::vector<const OpKernel *> registeredKernels() { return {std::begin(kKernels), std::end(kKernels)}; }

std::string supportedOpsList() {
    std::string s;
    for (const OpKernel *k : kKernels) s += (s.empty() ? "" : ", ") + std::string(opTypeName(k->type));
    return s;
}

}  // namespace ember
