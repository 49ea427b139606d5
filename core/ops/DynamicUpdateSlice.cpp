// DYNAMIC_UPDATE_SLICE: the output is the operand with the update written
// over it at the start indices, as TFLM's reference kernel: each start is
// clamped to [0, operand - update] (no error for out-of-range starts). The
// start indices (int32 or int64, one per dimension) may be constants,
// clamped at compile time, or computed at run time, clamped in the
// generated C.
#include <algorithm>
#include <cstring>

#include "Common.h"
#include "LoopNest.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    Shape dims, upd;           // operand and update shapes
    std::vector<int64_t> start;  // clamped starts (constant indices)
    bool constStart = false;
    DType indexType = DType::Int32;
    size_t elemSize = 1;
};

int64_t startAt(const uint8_t *data, DType t, size_t k) {
    if (t == DType::Int64) {
        int64_t v;
        std::memcpy(&v, data + 8 * k, 8);
        return v;
    }
    int32_t v;
    std::memcpy(&v, data + 4 * k, 4);
    return v;
}

int64_t clampStart(int64_t v, int64_t dim, int64_t upd) { return std::min<int64_t>(std::max<int64_t>(0, v), dim - upd); }

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 3 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        !g.hasInput(op, 2))
        return opError(d, g, op, "dynamic_update_slice expects 3 inputs (operand, update, start indices) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &upd = g.in(op, 1);
    const Tensor &idx = g.in(op, 2);
    const Tensor &out = g.out(op);
    if (upd.dtype != in.dtype || out.dtype != in.dtype)
        return opError(d, g, op,
                       std::string("operand, update and output must have one type, got ") + dtypeName(in.dtype) +
                           ", " + dtypeName(upd.dtype) + ", " + dtypeName(out.dtype),
                       op.inputs[1]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8 && in.dtype != DType::Int16 && in.dtype != DType::Int32)
        return opError(d, g, op,
                       std::string("dynamic_update_slice of ") + dtypeName(in.dtype) +
                           " is not supported; use float32, int8, int16 or int32",
                       op.inputs[0]);
    const size_t rank = in.shape.size();
    if (idx.dtype != DType::Int32 && idx.dtype != DType::Int64)
        return opError(d, g, op,
                       std::string("start indices of ") + dtypeName(idx.dtype) + " are not supported; use int32 or int64",
                       op.inputs[2]);
    if (idx.shape != Shape{int32_t(rank)})
        return opError(d, g, op,
                       "the start indices must be a vector of " + std::to_string(rank) + " (one per operand dimension), got " +
                           shapeString(idx.shape),
                       op.inputs[2]);
    if (upd.shape.size() != rank)
        return opError(d, g, op,
                       "the update " + shapeString(upd.shape) + " must have the operand's rank " + std::to_string(rank),
                       op.inputs[1]);
    for (size_t k = 0; k < rank; ++k)
        if (upd.shape[k] > in.shape[k])
            return opError(d, g, op,
                           "the update " + shapeString(upd.shape) + " is larger than the operand " +
                               shapeString(in.shape) + " in dimension " + std::to_string(k),
                           op.inputs[1]);
    if (rank > 6 && in.elements() != upd.elements())
        return opError(d, g, op, "dynamic_update_slice supports up to 6 dimensions", op.inputs[0]);
    if (!checkOutputShape(d, g, op, op.outputs[0], in.shape)) return false;
    Params p;
    p.dims = in.shape;
    p.upd = upd.shape;
    p.elemSize = dtypeSize(in.dtype);
    p.indexType = idx.dtype;
    p.constStart = idx.isConst;
    if (idx.isConst) {
        if (idx.data.size() != idx.bytes())
            return opError(d, g, op, "the constant start indices have no data of the right size", op.inputs[2]);
        for (size_t k = 0; k < rank; ++k)
            p.start.push_back(clampStart(startAt(idx.data.data(), idx.dtype, k), in.shape[k], upd.shape[k]));
    }
    op.params = p;
    return true;
}

// Row-major strides of a shape.
std::vector<int64_t> strides(const Shape &s) {
    std::vector<int64_t> st(s.size(), 1);
    for (size_t k = s.size(); k-- > 1;) st[k - 1] = st[k] * s[k];
    return st;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    const uint8_t *upd = b[size_t(op.inputs[1])].data();
    const uint8_t *idx = b[size_t(op.inputs[2])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const int64_t total = shapeElements(p.dims), n = shapeElements(p.upd);
    if (total == n) {
        std::memcpy(dst, upd, size_t(n) * p.elemSize);
        return;
    }
    std::memcpy(dst, src, size_t(total) * p.elemSize);
    if (n == 0) return;
    const size_t rank = p.dims.size();
    std::vector<int64_t> start = p.start;
    if (!p.constStart)
        for (size_t k = 0; k < rank; ++k) start.push_back(clampStart(startAt(idx, p.indexType, k), p.dims[k], p.upd[k]));
    const auto os = strides(p.dims), us = strides(p.upd);
    const size_t row = size_t(p.upd.back()) * p.elemSize;
    std::vector<int64_t> i(rank, 0);
    for (;;) {
        int64_t to = 0, from = 0;
        for (size_t k = 0; k < rank; ++k) {
            to += (start[k] + i[k]) * os[k];
            from += i[k] * us[k];
        }
        std::memcpy(dst + size_t(to) * p.elemSize, upd + size_t(from) * p.elemSize, row);
        size_t k = rank - 1;  // odometer over all but the last (copied) dim
        while (k > 0 && ++i[k - 1] == p.upd[k - 1]) i[--k] = 0;
        if (k == 0) return;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string ctype = dtypeCType(in.dtype);
    const std::string &operand = ctx.inputs[0], &upd = ctx.inputs[1], &idx = ctx.inputs[2], &dst = ctx.outputs[0];
    std::string starts;
    for (int64_t s : p.start) starts += (starts.empty() ? "" : ",") + std::to_string(s);
    ctx.line("/* DYNAMIC_UPDATE_SLICE " + std::string(dtypeName(in.dtype)) + " " + shapeString(p.dims) +
             " updated by " + shapeString(p.upd) + " at " +
             (p.constStart ? "[" + starts + "]" : std::string("run-time starts (clamped)")) + " */");
    const int64_t total = shapeElements(p.dims), n = shapeElements(p.upd);
    if (total == n) {
        if (n) ctx.line("memcpy(" + dst + ", " + upd + ", " + std::to_string(n) + " * sizeof(" + ctype + "));");
        return;
    }
    ctx.line("memcpy(" + dst + ", " + operand + ", " + std::to_string(total) + " * sizeof(" + ctype + "));");
    if (n == 0) return;
    const size_t rank = p.dims.size();
    const auto os = strides(p.dims), us = strides(p.upd);
    std::vector<std::string> to, from;
    for (size_t k = 0; k < rank; ++k) {
        const int64_t most = p.dims[k] - p.upd[k];
        if (p.constStart) {
            to.push_back(p.start[k] ? std::to_string(p.start[k] * os[k]) : "");
        } else if (most > 0) {
            const std::string s = "s" + std::to_string(k), v = idx + "[" + std::to_string(k) + "]";
            ctx.line("const int32_t " + s + " = " + v + " < 0 ? 0 : " + v + " > " + std::to_string(most) + " ? " +
                     std::to_string(most) + " : (int32_t)" + v + ";");
            to.push_back(strideTerm(s, os[k]));
        }
    }
    LoopNest loops(ctx);
    for (size_t k = 0; k + 1 < rank; ++k) {
        const std::string v = loops.open("i" + std::to_string(k), p.upd[k]);
        to.push_back(strideTerm(v, os[k]));
        from.push_back(strideTerm(v, us[k]));
    }
    const std::string dstAt = indexSum(0, to), srcAt = indexSum(0, from);
    if (p.upd.back() == 1)
        loops.line(dst + "[" + dstAt + "] = " + upd + "[" + srcAt + "];");
    else
        loops.line("memcpy(" + dst + " + " + dstAt + ", " + upd + " + " + srcAt + ", " + std::to_string(p.upd.back()) +
                   " * sizeof(" + ctype + "));");
}

}  // namespace

extern const OpKernel kDynamicUpdateSlice;
const OpKernel kDynamicUpdateSlice = {OpType::DynamicUpdateSlice, prepare, eval, emit, nullptr, "float32, int8, int16, int32"};

}  // namespace ember
