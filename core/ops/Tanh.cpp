// TANH: float32, int8 (output scale 1/128, zero point 0) and int16 (Q0.15).
// The arithmetic lives in SigmoidTanh.cpp.
#include "SigmoidTanh.h"

namespace ember {
namespace {

bool prepare(Graph &g, Op &op, Diagnostics &d) { return sigmoidtanh::prepare(g, op, d, sigmoidtanh::Fn::Tanh); }

}  // namespace

const OpKernel kTanh = {OpType::Tanh, prepare, sigmoidtanh::eval, sigmoidtanh::emit, nullptr, "int8, int16, float32"};

}  // namespace ember
