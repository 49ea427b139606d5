// The one table of operators. To add an operator, see CONTRIBUTING.md.
#include "OpKernel.h"

namespace ember {

// One-input element-wise operators (MathUnary.cpp, HardSwish.cpp, Elu.cpp, LogSoftmax.cpp).
extern const OpKernel kAbs, kNeg, kExp, kLog, kSqrt, kRsqrt, kSquare, kSin, kCos, kFloor, kCeil, kRound, kLogicalNot,
    kHardSwish, kElu, kLogSoftmax;

static const OpKernel *const kKernels[] = {
    &kConv2D,   &kDepthwiseConv2D, &kFullyConnected, &kAveragePool2D, &kMaxPool2D, &kAdd,
    &kSub,      &kMul,             &kSoftmax,        &kReshape,       &kQuantize,  &kDequantize,
    &kPad,      &kMean,            &kConcatenation,  &kLogistic,      &kTanh,      &kRelu,
    &kRelu6,    &kLeakyRelu,       &kTranspose,      &kStridedSlice,
    &kAbs,      &kNeg,             &kExp,            &kLog,           &kSqrt,      &kRsqrt,
    &kSquare,   &kSin,             &kCos,            &kFloor,         &kCeil,      &kRound,
    &kLogicalNot, &kHardSwish,     &kElu,            &kLogSoftmax,
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
