// SELECT_V2, as TFLM's select.cc: out = condition ? x : y element-wise, the
// condition bool, x and y of one type (float32, int8 or int16, TFLM's Eval
// switch), all three broadcast against each other up to 5-D
// (BroadcastSelect5DSlow). The stored values are copied: quantization is not
// looked at, as in TFLM. When every tensor holds one element TFLM accepts any
// mix of shapes (scalars and [1,1] tensors), and so does Ember.
//
// Broadcast.h plans two inputs; the three-way plan here works the same way:
// size-1 output axes are dropped and neighbours that every input broadcasts
// alike are merged into one loop.
#include <algorithm>
#include <array>
#include <cstring>

#include "Elementwise.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    std::vector<int64_t> dims;                    // loop extents, outermost first
    std::array<std::vector<int64_t>, 3> strides;  // condition, x, y (0 = broadcast)
    int64_t elements = 1;
};

const std::vector<DType> kTypes = {DType::Float32, DType::Int8, DType::Int16};

void plan(Params &p, const Shape &out, const std::array<const Shape *, 3> &in) {
    const size_t rank = out.size();
    std::array<std::vector<bool>, 3> bcast;  // per loop: input i is broadcast along it
    for (size_t d = 0; d < rank; ++d) {
        if (out[d] == 1) continue;
        std::array<bool, 3> b{};
        for (size_t i = 0; i < 3; ++i) {
            const size_t r = in[i]->size();
            b[i] = d + r < rank || (*in[i])[d + r - rank] == 1;
        }
        if (!p.dims.empty() && bcast[0].back() == b[0] && bcast[1].back() == b[1] && bcast[2].back() == b[2]) {
            p.dims.back() *= out[d];
            continue;
        }
        p.dims.push_back(out[d]);
        for (size_t i = 0; i < 3; ++i) bcast[i].push_back(b[i]);
    }
    if (p.dims.empty()) {
        p.dims = {1};
        for (auto &b : bcast) b = {true};
    }
    p.elements = 1;
    for (int64_t n : p.dims) p.elements *= n;
    for (size_t i = 0; i < 3; ++i) {
        p.strides[i].assign(p.dims.size(), 0);
        int64_t acc = 1;
        for (size_t d = p.dims.size(); d-- > 0;)
            if (!bcast[i][d]) {
                p.strides[i][d] = acc;
                acc *= p.dims[d];
            }
    }
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 3 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        !g.hasInput(op, 2) || op.outputs[0] < 0)
        return opError(d, g, op, "select_v2 expects 3 inputs (condition, x, y) and 1 output");
    const Tensor &c = g.in(op, 0), &x = g.in(op, 1), &y = g.in(op, 2), &o = g.out(op);
    if (c.dtype != DType::Bool)
        return opError(d, g, op, std::string("the condition must be bool, not ") + dtypeName(c.dtype), op.inputs[0]);
    if (std::find(kTypes.begin(), kTypes.end(), x.dtype) == kTypes.end())
        return opError(d, g, op,
                       "select_v2 supports " + ew::typeList(kTypes) + " values, not " + dtypeName(x.dtype),
                       op.inputs[1]);
    if (y.dtype != x.dtype || o.dtype != x.dtype)
        return opError(d, g, op,
                       std::string("x, y and the output must have one type (got ") + dtypeName(x.dtype) + ", " +
                           dtypeName(y.dtype) + " -> " + dtypeName(o.dtype) + ")",
                       op.outputs[0]);
    Params p;
    p.dtype = x.dtype;
    if (c.elements() == 1 && x.elements() == 1 && y.elements() == 1 && o.elements() == 1) {
        plan(p, {}, {&c.shape, &x.shape, &y.shape});  // one element, any shapes (TFLM's scalar case)
        op.params = p;
        return true;
    }
    Shape cx, out;
    if (!Broadcast::outputShape(c.shape, x.shape, &cx) || !Broadcast::outputShape(cx, y.shape, &out))
        return opError(d, g, op,
                       "condition, x and y shapes " + shapeString(c.shape) + ", " + shapeString(x.shape) + ", " +
                           shapeString(y.shape) + " cannot be broadcast together (each dimension must match or be 1)");
    if (!ew::checkBroadcastRank(g, op, d, "select_v2", {&c.shape, &x.shape, &y.shape}, 6)) return false;
    if (!checkOutputShape(d, g, op, op.outputs[0], out)) return false;
    plan(p, out, {&c.shape, &x.shape, &y.shape});
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const size_t es = dtypeSize(p.dtype);
    const uint8_t *cond = b[size_t(op.inputs[0])].data();
    const uint8_t *x = b[size_t(op.inputs[1])].data(), *y = b[size_t(op.inputs[2])].data();
    uint8_t *out = b[size_t(op.outputs[0])].data();
    const size_t rank = p.dims.size();
    std::vector<int64_t> idx(rank, 0);
    std::array<int64_t, 3> at{};
    for (int64_t o = 0; o < p.elements; ++o) {
        std::memcpy(out + size_t(o) * es, (cond[at[0]] ? x + size_t(at[1]) * es : y + size_t(at[2]) * es), es);
        for (size_t d = rank; d-- > 0;) {  // odometer step, innermost first
            for (size_t i = 0; i < 3; ++i) at[i] += p.strides[i][d];
            if (++idx[d] < p.dims[d]) break;
            for (size_t i = 0; i < 3; ++i) at[i] -= p.strides[i][d] * p.dims[d];
            idx[d] = 0;
        }
    }
}

// "i0 * 12 + i1" over the loops with a non-zero stride, "0" if none.
std::string indexC(const std::vector<int64_t> &strides) {
    std::string e;
    for (size_t d = 0; d < strides.size(); ++d) {
        if (strides[d] == 0) continue;
        e += (e.empty() ? "i" : " + i") + std::to_string(d);
        if (strides[d] != 1) e += " * " + std::to_string(strides[d]);
    }
    return e.empty() ? "0" : e;
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line("/* SELECT_V2 " + std::string(dtypeName(p.dtype)) + ": " + shapeString(g.in(op, 0).shape) + " ? " +
             shapeString(g.in(op, 1).shape) + " : " + shapeString(g.in(op, 2).shape) + " -> " +
             shapeString(g.out(op).shape) + " */");
    const size_t rank = p.elements == 1 ? 0 : p.dims.size();
    std::vector<int64_t> outStride(p.dims.size(), 1);
    for (size_t d = p.dims.size() - 1; d-- > 0;) outStride[d] = outStride[d + 1] * p.dims[d + 1];
    for (size_t d = 0; d < rank; ++d) {
        const std::string i = "i" + std::to_string(d);
        ctx.line("for (int32_t " + i + " = 0; " + i + " < " + std::to_string(p.dims[d]) + "; ++" + i + ") {",
                 int(d) + 1);
    }
    auto index = [&](const std::vector<int64_t> &s) { return rank == 0 ? std::string("0") : indexC(s); };
    ctx.line(ctx.outputs[0] + "[" + index(outStride) + "] = " + ctx.inputs[0] + "[" + index(p.strides[0]) + "] ? " +
                 ctx.inputs[1] + "[" + index(p.strides[1]) + "] : " + ctx.inputs[2] + "[" + index(p.strides[2]) +
                 "];",
             int(rank) + 1);
    for (size_t d = rank; d-- > 0;) ctx.line("}", int(d) + 1);
}

}  // namespace

extern const OpKernel kSelectV2;
const OpKernel kSelectV2 = {OpType::SelectV2, prepare, eval, emit, nullptr, "float32, int8, int16 (bool condition)"};

}  // namespace ember
