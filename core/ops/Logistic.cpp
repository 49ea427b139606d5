// LOGISTIC: y = 1 / (1 + exp(-x)); float32, int8 (output scale 1/256, zero
// point -128) and int16 (Q0.15). The arithmetic lives in SigmoidTanh.cpp.
#include "SigmoidTanh.h"

namespace ember {
namespace {

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    return sigmoidtanh::prepare(g, op, d, sigmoidtanh::Fn::Logistic);
}

}  // namespace

const OpKernel kLogistic = {OpType::Logistic, prepare, sigmoidtanh::eval, sigmoidtanh::emit, nullptr, "int8, int16, float32"};

}  // namespace ember
