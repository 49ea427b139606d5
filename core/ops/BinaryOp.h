// ADD, SUB and MUL share everything but the arithmetic: validation,
// broadcasting, the loop nest. AddSub.cpp and Mul.cpp define their kernels
// with these.
#pragma once

#include "OpKernel.h"

namespace ember {

enum class BinaryKind { Add, Sub, Mul };

bool prepareBinary(BinaryKind kind, Graph &g, Op &op, Diagnostics &d);
void evalBinary(BinaryKind kind, const Graph &g, const Op &op, Buffers &b);
void emitBinary(BinaryKind kind, const Graph &g, const Op &op, EmitContext &ctx);
// One operation per output element.
int64_t macsBinary(const Graph &g, const Op &op);

}  // namespace ember
