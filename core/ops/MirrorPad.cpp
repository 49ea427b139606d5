// MIRROR_PAD: pads each dimension with a mirror image of the input, as
// TFLM's reference MirrorPad. REFLECT leaves the edge out ([1,2,3] padded
// by 2 on the left: 3,2,1,2,3), SYMMETRIC repeats it (2,1,1,2,3). The
// paddings are a constant int32 or int64 [rank,2] tensor; as TFLite, each
// padding must be at most size-1 (REFLECT) or size (SYMMETRIC).
//
// Prepare maps each output index of a padded dimension to its input offset
// (a small table per padded dimension); the dimensions after the last padded
// one are copied as contiguous rows.
#include <cstring>

#include "Common.h"
#include "LoopNest.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    std::vector<int64_t> outDims;              // output dims up to the last padded one
    std::vector<int64_t> inStride;             // input stride (elements) of those dims
    std::vector<std::vector<int32_t>> table;   // padded dim: input offset per output index
    int64_t row = 1;                           // elements copied per step (the unpadded tail)
    size_t elemSize = 1;
    bool empty = false;
};

// TFLM's GetInputDimension: the input index an output index mirrors.
int64_t mirrorIndex(int64_t o, int64_t left, int64_t size, int64_t offset) {
    if (o < left) return left + offset - 1 - o;
    o -= left;
    if (o >= size) return size - 1 - offset - (o - size);
    return o;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return opError(d, g, op, "mirror_pad expects 2 inputs (data, paddings) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &pads = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (out.dtype != DType::Float32 && out.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string("mirror_pad of ") + dtypeName(out.dtype) + " is not supported; use float32 or int8",
                       op.outputs[0]);
    if (in.dtype != out.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; mirror_pad cannot change the type",
                       op.outputs[0]);
    const size_t rank = in.shape.size();
    if (pads.shape.size() != 2 || pads.shape[0] != int32_t(rank))
        return opError(d, g, op,
                       "the paddings must have shape [" + std::to_string(rank) + ",2], got " + shapeString(pads.shape),
                       op.inputs[1]);
    if (pads.shape[1] != 2 || (pads.dtype != DType::Int32 && pads.dtype != DType::Int64))
        return opError(d, g, op,
                       std::string("the paddings must be int32 or int64 of shape [rank,2], got ") +
                           dtypeName(pads.dtype) + " " + shapeString(pads.shape),
                       op.inputs[1]);
    if (!pads.isConst || pads.data.size() != pads.bytes())
        return opError(d, g, op,
                       "the paddings are computed at run time; only constant paddings are supported, re-export the "
                       "model with static paddings",
                       op.inputs[1]);
    if (op.attrs.mirrorMode != 0 && op.attrs.mirrorMode != 1)
        return opError(d, g, op, "unknown mirror_pad mode " + std::to_string(op.attrs.mirrorMode));
    const int64_t offset = op.attrs.mirrorMode == 0 ? 1 : 0;  // REFLECT skips the edge
    std::vector<int64_t> before(rank), after(rank);
    Shape expect(rank);
    for (size_t k = 0; k < rank; ++k) {
        before[k] = pads.dtype == DType::Int64 ? pads.at<int64_t>(int64_t(2 * k)) : pads.at<int32_t>(int64_t(2 * k));
        after[k] = pads.dtype == DType::Int64 ? pads.at<int64_t>(int64_t(2 * k + 1))
                                               : pads.at<int32_t>(int64_t(2 * k + 1));
        const int64_t most = in.shape[k] - offset;
        if (before[k] < 0 || after[k] < 0 || before[k] > most || after[k] > most)
            return opError(d, g, op,
                           "dimension " + std::to_string(k) + " of size " + std::to_string(in.shape[k]) +
                               " cannot be padded by (" + std::to_string(before[k]) + ", " +
                               std::to_string(after[k]) + ") in " + (offset ? "REFLECT" : "SYMMETRIC") +
                               " mode; each padding must be in [0, " + std::to_string(most) + "]",
                           op.inputs[1]);
        expect[k] = int32_t(in.shape[k] + before[k] + after[k]);
    }
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;

    Params p;
    p.elemSize = dtypeSize(in.dtype);
    p.empty = out.elements() == 0;
    size_t last = 0;  // dims [0, last) are looped, the rest copied as rows
    for (size_t k = 0; k < rank; ++k)
        if (before[k] || after[k]) last = k + 1;
    std::vector<int64_t> stride(rank, 1);
    for (size_t k = rank; k-- > 1;) stride[k - 1] = stride[k] * in.shape[k];
    for (size_t k = last; k < rank; ++k) p.row *= in.shape[k];
    for (size_t k = 0; k < last; ++k) {
        p.outDims.push_back(expect[k]);
        p.inStride.push_back(stride[k]);
        std::vector<int32_t> t;
        if (before[k] || after[k])
            for (int64_t o = 0; o < expect[k]; ++o)
                t.push_back(int32_t(mirrorIndex(o, before[k], in.shape[k], offset) * stride[k]));
        p.table.push_back(std::move(t));
    }
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    if (p.empty) return;
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t n = p.outDims.size(), row = size_t(p.row) * p.elemSize;
    std::vector<int64_t> idx(n, 0);
    for (size_t o = 0;; o += row) {
        int64_t from = 0;
        for (size_t k = 0; k < n; ++k)
            from += p.table[k].empty() ? idx[k] * p.inStride[k] : p.table[k][size_t(idx[k])];
        std::memcpy(dst + o, src + size_t(from) * p.elemSize, row);
        size_t k = n;  // odometer
        while (k > 0 && ++idx[k - 1] == p.outDims[k - 1]) idx[--k] = 0;
        if (k == 0) return;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    ctx.line("/* MIRROR_PAD " + std::string(op.attrs.mirrorMode == 0 ? "REFLECT " : "SYMMETRIC ") +
             dtypeName(in.dtype) + " " + shapeString(in.shape) + " -> " + shapeString(g.out(op).shape) + " */");
    if (p.empty) return;
    const std::string ctype = dtypeCType(in.dtype);
    // Input offset of each output index along the padded dimensions.
    std::vector<std::string> tables(p.outDims.size());
    for (size_t k = 0; k < p.outDims.size(); ++k)
        if (!p.table[k].empty())
            tables[k] = ctx.constantI32("d" + std::to_string(k), p.table[k],
                                        "MIRROR_PAD input offset per output index, dimension " + std::to_string(k));
    LoopNest loops(ctx);
    loops.line(ctype + " *o = " + ctx.outputs[0] + ";");
    std::vector<std::string> from;
    for (size_t k = 0; k < p.outDims.size(); ++k) {
        const std::string v = loops.open("i" + std::to_string(k), p.outDims[k]);
        if (!tables[k].empty())
            from.push_back(tables[k] + "[" + (v.empty() ? "0" : v) + "]");
        else
            from.push_back(strideTerm(v, p.inStride[k]));
    }
    const std::string src = indexSum(0, from);
    if (p.row == 1) {
        loops.line("*o++ = " + ctx.inputs[0] + "[" + src + "];");
    } else {
        loops.line("memcpy(o, " + ctx.inputs[0] + " + " + src + ", " + std::to_string(p.row) + " * sizeof(" + ctype +
                   "));");
        loops.line("o += " + std::to_string(p.row) + ";");
    }
}

}  // namespace

extern const OpKernel kMirrorPad;
const OpKernel kMirrorPad = {OpType::MirrorPad, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
