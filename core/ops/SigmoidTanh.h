// LOGISTIC and TANH share TFLM's integer machinery (logistic_common.cc,
// tanh.cc): int8 through gemmlowp fixed point, int16 through the sigmoid
// table. Logistic.cpp and Tanh.cpp define the two kernels on top of this.
#pragma once

#include "OpKernel.h"

namespace ember::sigmoidtanh {

enum class Fn { Logistic, Tanh };

bool prepare(Graph &g, Op &op, Diagnostics &d, Fn fn);
void eval(const Graph &g, const Op &op, Buffers &b);
void emit(const Graph &g, const Op &op, EmitContext &ctx);

}  // namespace ember::sigmoidtanh
