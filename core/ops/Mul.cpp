// MUL (int8, int16, float32; numpy broadcasting; fused activation).
// The shared implementation, and how it matches TFLite Micro, is in
// BinaryOp.cpp.
#include "BinaryOp.h"

namespace ember {
namespace {

bool prepare(Graph &g, Op &op, Diagnostics &d) { return prepareBinary(BinaryKind::Mul, g, op, d); }
void eval(const Graph &g, const Op &op, Buffers &b) { evalBinary(BinaryKind::Mul, g, op, b); }
void emit(const Graph &g, const Op &op, EmitContext &ctx) { emitBinary(BinaryKind::Mul, g, op, ctx); }

}  // namespace

const OpKernel kMul = {OpType::Mul, prepare, eval, emit, macsBinary, "int8, int16, int32, float32"};

}  // namespace ember
