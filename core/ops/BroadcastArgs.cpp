// BROADCAST_ARGS: the broadcast shape of two shape vectors (int32 or int64),
// aligned at their ends, missing entries counting as 1 (TFLM's reference
// BroadcastArgs: the entries pass through `int`, and the output's length is
// the model's). Incompatible shapes abort TFLM; the generated code then
// takes the first shape's entry. Constant incompatible shapes are refused.
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    int32_t len1 = 0, len2 = 0, outLen = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "broadcast_args", 2, 1, "shape1, shape2")) return false;
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (a.dtype != DType::Int32 && a.dtype != DType::Int64)
        return opError(d, g, op, std::string("the shapes must be int32 or int64, got ") + dtypeName(a.dtype),
                       op.inputs[0]);
    if (!checkSameType(d, g, op, "broadcast_args", op.inputs[0], op.inputs[1]) ||
        !checkSameType(d, g, op, "broadcast_args", op.inputs[0], op.outputs[0]))
        return false;
    for (int t : {op.inputs[0], op.inputs[1], op.outputs[0]})
        if (g.tensors[size_t(t)].shape.size() != 1)
            return opError(d, g, op,
                           "broadcast_args works on shape vectors; this tensor has the shape " +
                               shapeString(g.tensors[size_t(t)].shape),
                           t);
    Params p{a.shape[0], b.shape[0], out.shape[0]};
    std::vector<int64_t> va, vb;
    if (constInts(a, &va) && constInts(b, &vb)) {
        for (int32_t i = 0; i < p.outLen; ++i) {
            const int32_t x = i < p.len1 ? int32_t(va[size_t(p.len1 - 1 - i)]) : 1;
            const int32_t y = i < p.len2 ? int32_t(vb[size_t(p.len2 - 1 - i)]) : 1;
            if (x != 1 && y != 1 && x != y)
                return opError(d, g, op,
                               "the shapes " + shapeString(Shape(va.begin(), va.end())) + " and " +
                                   shapeString(Shape(vb.begin(), vb.end())) + " cannot be broadcast together",
                               op.inputs[0]);
        }
    }
    op.params = p;
    return true;
}

template <class T> void evalT(const Params &p, const T *a, const T *b, T *o) {
    for (int32_t i = 0; i < p.outLen; ++i) {
        const int x = i < p.len1 ? int(a[p.len1 - 1 - i]) : 1;
        const int y = i < p.len2 ? int(b[p.len2 - 1 - i]) : 1;
        o[p.outLen - 1 - i] = T(x == 1 ? y : x);
    }
}

void eval(const Graph &g, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *a = buf[size_t(op.inputs[0])].data(), *b = buf[size_t(op.inputs[1])].data();
    uint8_t *o = buf[size_t(op.outputs[0])].data();
    if (g.out(op).dtype == DType::Int32)
        evalT(p, reinterpret_cast<const int32_t *>(a), reinterpret_cast<const int32_t *>(b),
              reinterpret_cast<int32_t *>(o));
    else
        evalT(p, reinterpret_cast<const int64_t *>(a), reinterpret_cast<const int64_t *>(b),
              reinterpret_cast<int64_t *>(o));
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string ctype = dtypeCType(g.out(op).dtype);
    ctx.line("/* BROADCAST_ARGS " + std::string(dtypeName(g.out(op).dtype)) + ": shapes of " + std::to_string(p.len1) +
             " and " + std::to_string(p.len2) + " entries -> " + std::to_string(p.outLen) +
             " (entries pass through int32_t as in TFLM) */");
    if (p.outLen == 0) {
        ctx.line("(void)" + ctx.inputs[0] + "; (void)" + ctx.inputs[1] + "; (void)" + ctx.outputs[0] + ";");
        return;
    }
    // Entry i from the end of input `in` (of `len` entries), or 1 past its start.
    auto entry = [&](size_t in, int32_t len, int32_t i) {
        return i < len ? "(int32_t)" + ctx.inputs[in] + "[" + std::to_string(len - 1 - i) + "]" : std::string("1");
    };
    for (int32_t i = 0; i < p.outLen; ++i) {
        const std::string x = entry(0, p.len1, i), y = entry(1, p.len2, i);
        const std::string dst = ctx.outputs[0] + "[" + std::to_string(p.outLen - 1 - i) + "]";
        if (x == "1") ctx.line(dst + " = (" + ctype + ")" + y + ";");
        else ctx.line("{ const int32_t x = " + x + "; " + dst + " = (" + ctype + ")(x == 1 ? " + y + " : x); }");
    }
}

}  // namespace

extern const OpKernel kBroadcastArgs;
const OpKernel kBroadcastArgs = {OpType::BroadcastArgs, prepare, eval, emit, nullptr, "int32, int64"};

}  // namespace ember
