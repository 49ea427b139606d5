// The pure rearrangements, as TFLM's reference kernels:
//   SPACE_TO_DEPTH  [B,H,W,C] -> [B,H/bs,W/bs,bs*bs*C]; output depth
//                   (by*bs + bx)*C + c holds input (h*bs + by, w*bs + bx, c)
//   DEPTH_TO_SPACE  its inverse, [B,H,W,C] -> [B,H*bs,W*bs,C/(bs*bs)]
//   REVERSE_V2      reverses the constant, contiguous axes (TFLM refuses
//                   others), any rank up to 6
//
// Prepare describes each as one RowCopy: loops over a few extents copying a
// contiguous row per step from input offset inBase + Σ i·inStride (strides
// may be negative) to output offset Σ i·outStride. Eval and emit run the
// same description.
#include <algorithm>
#include <cstring>

#include "Common.h"
#include "LoopNest.h"
#include "OpError.h"

namespace ember {
namespace {

struct RowCopy {
    std::vector<int64_t> dims, outStride, inStride;
    int64_t inBase = 0;
    int64_t row = 1;  // elements per copy
    size_t elemSize = 1;
    bool empty = false;
    std::string comment;  // what the op does, for the generated C
};

bool sameTypes(Graph &g, Op &op, Diagnostics &d, const std::vector<DType> &ok, const char *what) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (std::find(ok.begin(), ok.end(), in.dtype) == ok.end()) {
        std::string list;
        for (size_t i = 0; i < ok.size(); ++i)
            list += (i ? (i + 1 == ok.size() ? " or " : ", ") : "") + std::string(dtypeName(ok[i]));
        return opError(d, g, op, std::string(what) + " of " + dtypeName(in.dtype) + " is not supported; use " + list,
                       op.inputs[0]);
    }
    if (out.dtype != in.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; " + what + " cannot change the type",
                       op.outputs[0]);
    return true;
}

// Folds loops that continue a contiguous row (or the next loop out) in both
// input and output, e.g. SPACE_TO_DEPTH with block 1 becomes one copy.
void simplify(RowCopy &p) {
    std::vector<int64_t> dims, outStride, inStride;
    for (size_t k = 0; k < p.dims.size(); ++k) {
        if (p.dims[k] == 1) continue;
        if (!dims.empty() && outStride.back() == p.outStride[k] * p.dims[k] &&
            inStride.back() == p.inStride[k] * p.dims[k]) {
            dims.back() *= p.dims[k];
            outStride.back() = p.outStride[k];
            inStride.back() = p.inStride[k];
            continue;
        }
        dims.push_back(p.dims[k]);
        outStride.push_back(p.outStride[k]);
        inStride.push_back(p.inStride[k]);
    }
    while (!dims.empty() && outStride.back() == p.row && inStride.back() == p.row) {
        p.row *= dims.back();
        dims.pop_back();
        outStride.pop_back();
        inStride.pop_back();
    }
    if (dims.empty()) dims = {1}, outStride = {0}, inStride = {0};
    p.dims = dims;
    p.outStride = outStride;
    p.inStride = inStride;
}

void rowCopyEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const RowCopy &>(op.params);
    if (p.empty) return;
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t n = p.dims.size();
    std::vector<int64_t> idx(n, 0);
    for (;;) {
        int64_t from = p.inBase, to = 0;
        for (size_t k = 0; k < n; ++k) {
            from += idx[k] * p.inStride[k];
            to += idx[k] * p.outStride[k];
        }
        std::memcpy(dst + size_t(to) * p.elemSize, src + size_t(from) * p.elemSize, size_t(p.row) * p.elemSize);
        size_t k = n;  // odometer
        while (k > 0 && ++idx[k - 1] == p.dims[k - 1]) idx[--k] = 0;
        if (k == 0) return;
    }
}

void rowCopyEmit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const RowCopy &>(op.params);
    ctx.line("/* " + p.comment + " */");
    if (p.empty) return;
    const std::string ctype = dtypeCType(g.in(op, 0).dtype);
    LoopNest loops(ctx);
    std::vector<std::string> from, to;
    std::string minus;  // negative strides, written as subtractions
    for (size_t k = 0; k < p.dims.size(); ++k) {
        const std::string v = loops.open("i" + std::to_string(k), p.dims[k]);
        if (v.empty()) continue;
        to.push_back(strideTerm(v, p.outStride[k]));
        if (p.inStride[k] >= 0)
            from.push_back(strideTerm(v, p.inStride[k]));
        else
            minus += " - " + strideTerm(v, -p.inStride[k]);
    }
    const std::string src = indexSum(p.inBase, from) + minus;
    const std::string dst = indexSum(0, to);
    if (p.row == 1)
        loops.line(ctx.outputs[0] + "[" + dst + "] = " + ctx.inputs[0] + "[" + src + "];");
    else
        loops.line("memcpy(" + ctx.outputs[0] + " + " + dst + ", " + ctx.inputs[0] + " + " + src + ", " +
                   std::to_string(p.row) + " * sizeof(" + ctype + "));");
}

std::string describe(const char *name, const Graph &g, const Op &op, const std::string &extra) {
    return std::string(name) + " " + dtypeName(g.in(op, 0).dtype) + " " + shapeString(g.in(op, 0).shape) + " -> " +
           shapeString(g.out(op).shape) + ", " + extra;
}

// ------------------------------------------------ SPACE_TO_DEPTH, DEPTH_TO_SPACE

bool blockPrepare(Graph &g, Op &op, Diagnostics &d, bool toDepth) {
    const char *what = toDepth ? "space_to_depth" : "depth_to_space";
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || !g.hasInput(op, 0))
        return opError(d, g, op, std::string(what) + " expects 1 input and 1 output");
    if (!sameTypes(g, op, d, {DType::Float32, DType::Int8}, what)) return false;
    const Tensor &in = g.in(op, 0);
    if (in.shape.size() != 4)
        return opError(d, g, op, std::string(what) + " needs a 4-D NHWC input, got " + shapeString(in.shape),
                       op.inputs[0]);
    const int bs = op.attrs.blockSize;
    if (bs <= 0) return opError(d, g, op, "block_size " + std::to_string(bs) + " must be positive; fix the model");
    const int64_t B = in.shape[0], H = in.shape[1], W = in.shape[2], C = in.shape[3];
    RowCopy p;
    p.elemSize = dtypeSize(in.dtype);
    if (toDepth) {
        if (H % bs || W % bs)
            return opError(d, g, op,
                           "the input's height and width " + shapeString(in.shape) + " must be multiples of block_size " +
                               std::to_string(bs),
                           op.inputs[0]);
        const int64_t OH = H / bs, OW = W / bs;
        if (!checkOutputShape(d, g, op, op.outputs[0], {int32_t(B), int32_t(OH), int32_t(OW), int32_t(C * bs * bs)}))
            return false;
        // Output (b, oh, ow, by, [bx, c]) <- input (b, oh*bs + by, ow*bs + [bx, c]).
        p.dims = {B, OH, OW, bs};
        p.outStride = {OH * OW * bs * bs * C, OW * bs * bs * C, bs * bs * C, bs * C};
        p.inStride = {H * W * C, bs * W * C, bs * C, W * C};
        p.row = bs * C;
    } else {
        if (C % (int64_t(bs) * bs))
            return opError(d, g, op,
                           "the input depth " + std::to_string(C) + " must be a multiple of block_size² (" +
                               std::to_string(bs * bs) + ")",
                           op.inputs[0]);
        const int64_t OC = C / bs / bs;
        if (!checkOutputShape(d, g, op, op.outputs[0],
                              {int32_t(B), int32_t(H * bs), int32_t(W * bs), int32_t(OC)}))
            return false;
        // Output (b, h*bs + by, w*bs + [bx, c]) <- input (b, h, w, by*bs*OC + [bx, c]).
        p.dims = {B, H, bs, W};
        p.outStride = {H * bs * W * bs * OC, bs * W * bs * OC, W * bs * OC, bs * OC};
        p.inStride = {H * W * C, W * C, bs * OC, C};
        p.row = bs * OC;
    }
    p.empty = in.elements() == 0;
    simplify(p);
    p.comment = describe(toDepth ? "SPACE_TO_DEPTH" : "DEPTH_TO_SPACE", g, op, "block " + std::to_string(bs));
    op.params = p;
    return true;
}

bool spaceToDepthPrepare(Graph &g, Op &op, Diagnostics &d) { return blockPrepare(g, op, d, true); }
bool depthToSpacePrepare(Graph &g, Op &op, Diagnostics &d) { return blockPrepare(g, op, d, false); }

// ---------------------------------------------------------------- REVERSE_V2

bool reversePrepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return opError(d, g, op, "reverse_v2 expects 2 inputs (data, axes) and 1 output");
    if (!sameTypes(g, op, d,
                   {DType::Float32, DType::Int8, DType::UInt8, DType::Int16, DType::Int32, DType::Int64, DType::Bool},
                   "reverse_v2"))
        return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &ax = g.in(op, 1);
    const int rank = int(in.shape.size());
    if (ax.shape.size() != 1)
        return opError(d, g, op, "the axes must be a vector, got shape " + shapeString(ax.shape), op.inputs[1]);
    if (rank > 6) return opError(d, g, op, "reverse_v2 supports up to 6 dimensions", op.inputs[0]);
    if (ax.elements() > rank)
        return opError(d, g, op, "more axes than the input has dimensions", op.inputs[1]);
    if (ax.dtype != DType::Int32)
        return opError(d, g, op, std::string("axes of ") + dtypeName(ax.dtype) + " are not supported; use int32",
                       op.inputs[1]);
    if (!ax.isConst || ax.data.size() != ax.bytes())
        return opError(d, g, op,
                       "the axes are computed at run time; only constant axes are supported, re-export the model "
                       "with static axes",
                       op.inputs[1]);
    if (!checkOutputShape(d, g, op, op.outputs[0], in.shape)) return false;
    std::vector<int32_t> axes(ax.as<int32_t>(), ax.as<int32_t>() + ax.elements());
    for (int32_t &a : axes) {
        if (a < 0) a += rank;
        if (a < 0 || a >= rank)
            return opError(d, g, op, "axis " + std::to_string(a) + " is outside the input's dimensions", op.inputs[1]);
    }
    if (axes.empty())
        return opError(d, g, op, "the axes are empty; TFLM's reverse needs at least one axis (drop the op instead)",
                       op.inputs[1]);
    std::sort(axes.begin(), axes.end());
    for (size_t i = 1; i < axes.size(); ++i)
        if (axes[i - 1] + 1 != axes[i])
            return opError(d, g, op,
                           "the axes " + shapeString(axes) +
                               " are not contiguous (or repeat one); TFLM reverses only contiguous axes",
                           op.inputs[1]);
    RowCopy p;
    p.elemSize = dtypeSize(in.dtype);
    p.empty = in.elements() == 0;
    p.comment = describe("REVERSE_V2", g, op, "axes " + shapeString(axes));
    int64_t outer = 1, mid = 1, inner = 1;
    for (int i = 0; i < rank; ++i) (i < axes.front() ? outer : i > axes.back() ? inner : mid) *= in.shape[size_t(i)];
    // Reversing axes a..b together = reversing their flattened extent.
    p.dims = {outer, mid};
    p.outStride = {mid * inner, inner};
    p.inStride = {mid * inner, -inner};
    p.inBase = (mid - 1) * inner;
    p.row = inner;
    simplify(p);
    op.params = p;
    return true;
}

}  // namespace

extern const OpKernel kSpaceToDepth, kDepthToSpace, kReverseV2;
const OpKernel kSpaceToDepth = {OpType::SpaceToDepth, spaceToDepthPrepare, rowCopyEval, rowCopyEmit, nullptr, "float32, int8"};
const OpKernel kDepthToSpace = {OpType::DepthToSpace, depthToSpacePrepare, rowCopyEval, rowCopyEmit, nullptr, "float32, int8"};
const OpKernel kReverseV2 = {OpType::ReverseV2, reversePrepare, rowCopyEval, rowCopyEmit, nullptr, "float32, int8, uint8, int16, int32, int64, bool"};

}  // namespace ember
