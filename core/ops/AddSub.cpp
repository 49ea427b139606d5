// ADD and SUB (int8, int16, float32; numpy broadcasting; fused activation).
// The shared implementation, and how it matches TFLite Micro, is in
// BinaryOp.cpp.
#include "BinaryOp.h"

namespace ember {
namespace {

bool prepareAdd(Graph &g, Op &op, Diagnostics &d) { return prepareBinary(BinaryKind::Add, g, op, d); }
void evalAdd(const Graph &g, const Op &op, Buffers &b) { evalBinary(BinaryKind::Add, g, op, b); }
void emitAdd(const Graph &g, const Op &op, EmitContext &ctx) { emitBinary(BinaryKind::Add, g, op, ctx); }

bool prepareSub(Graph &g, Op &op, Diagnostics &d) { return prepareBinary(BinaryKind::Sub, g, op, d); }
void evalSub(const Graph &g, const Op &op, Buffers &b) { evalBinary(BinaryKind::Sub, g, op, b); }
void emitSub(const Graph &g, const Op &op, EmitContext &ctx) { emitBinary(BinaryKind::Sub, g, op, ctx); }

}  // namespace

const OpKernel kAdd = {OpType::Add, prepareAdd, evalAdd, emitAdd, macsBinary, "int8, int16, int32, float32"};
const OpKernel kSub = {OpType::Sub, prepareSub, evalSub, emitSub, macsBinary, "int8, int16, int32, float32"};

}  // namespace ember
