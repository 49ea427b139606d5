// BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND, as TFLM's reference kernels:
// 3-D NHC (treated as NH1C) or 4-D NHWC, the block shape and crops/paddings
// constant int32 tensors. Batch b' = (sy*bw + sx)*B + b holds the pixels
// (y*bh + sy, x*bw + sx) of batch b, minus the crops (BATCH_TO_SPACE_ND) or
// plus the paddings (SPACE_TO_BATCH_ND, padded pixels filled like TFLM:
// memset with its output offset, which is 0 in TFLM's micro kernel).
// Eval and emit loop over (sy, sx, b, y, x) and copy one depth row per pixel.
#include <cstring>

#include "Common.h"
#include "LoopNest.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    bool toSpace = true;             // BATCH_TO_SPACE_ND
    int64_t bh = 1, bw = 1;          // block shape (bw = 1 for 3-D)
    int64_t top = 0, left = 0;       // crops / paddings before
    int64_t B = 1, H = 1, W = 1, C = 1;      // the space side: batch (small), height, width, depth
    int64_t YB = 1, YH = 1, YW = 1;          // the batch side: batch (large), height, width
    size_t elemSize = 1;
    uint8_t padByte = 0;
};

bool readInts(const Tensor &t, const Shape &shape, std::vector<int32_t> *v) {
    if (!t.isConst || t.dtype != DType::Int32 || t.shape != shape || t.data.size() != t.bytes()) return false;
    v->assign(t.as<int32_t>(), t.as<int32_t>() + t.elements());
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d, bool toSpace) {
    const char *what = toSpace ? "batch_to_space_nd" : "space_to_batch_nd";
    const char *amounts = toSpace ? "crops" : "paddings";
    if (op.inputs.size() != 3 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        !g.hasInput(op, 2))
        return opError(d, g, op, std::string(what) + " expects 3 inputs (data, block shape, " + amounts +
                                     ") and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    const size_t rank = in.shape.size();
    if (rank < 3 || rank > 4 || out.shape.size() != rank)
        return opError(d, g, op,
                       std::string(what) + " supports 3-D NHC and 4-D NHWC data of equal rank, got " +
                           shapeString(in.shape) + " -> " + shapeString(out.shape),
                       op.inputs[0]);
    if (in.dtype != out.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; " + what + " cannot change the type",
                       op.outputs[0]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string(what) + " of " + dtypeName(in.dtype) + " is not supported; use float32 or int8",
                       op.inputs[0]);
    const int32_t spatial = int32_t(rank) - 2;
    std::vector<int32_t> block, pads;
    if (!readInts(g.in(op, 1), {spatial}, &block))
        return opError(d, g, op,
                       "the block shape must be a constant int32 vector of " + std::to_string(spatial) +
                           " entries (computed block shapes are not supported)",
                       op.inputs[1]);
    if (!readInts(g.in(op, 2), {spatial, 2}, &pads))
        return opError(d, g, op,
                       std::string("the ") + amounts + " must be a constant int32 tensor of shape [" +
                           std::to_string(spatial) + ",2] (computed ones are not supported)",
                       op.inputs[2]);
    for (int32_t b : block)
        if (b < 1) return opError(d, g, op, "block shape " + shapeString(block) + " must be positive", op.inputs[1]);
    for (int32_t c : pads)
        if (c < 0) return opError(d, g, op, std::string(amounts) + " must not be negative", op.inputs[2]);

    Params p;
    p.toSpace = toSpace;
    p.elemSize = dtypeSize(in.dtype);
    p.bh = block[0];
    p.bw = spatial == 2 ? block[1] : 1;
    p.top = pads[0];
    p.left = spatial == 2 ? pads[2] : 0;
    const int64_t bottom = pads[1], right = spatial == 2 ? pads[3] : 0;
    const int64_t blocks = p.bh * p.bw;
    Shape expect = in.shape;
    if (toSpace) {
        p.YB = in.shape[0];
        p.YH = in.shape[1];
        p.YW = spatial == 2 ? in.shape[2] : 1;
        p.C = in.shape.back();
        if (p.YB % blocks)
            return opError(d, g, op,
                           "the input batch " + std::to_string(p.YB) + " is not a multiple of the block size " +
                               std::to_string(blocks),
                           op.inputs[0]);
        p.B = p.YB / blocks;
        p.H = p.YH * p.bh - p.top - bottom;
        p.W = p.YW * p.bw - p.left - right;
        if (p.H < 0 || p.W < 0)
            return opError(d, g, op, "the crops remove more than the whole output", op.inputs[2]);
        expect[0] = int32_t(p.B);
        expect[1] = int32_t(p.H);
        if (spatial == 2) expect[2] = int32_t(p.W);
    } else {
        p.B = in.shape[0];
        p.H = in.shape[1];
        p.W = spatial == 2 ? in.shape[2] : 1;
        p.C = in.shape.back();
        const int64_t ph = p.H + p.top + bottom, pw = p.W + p.left + right;
        if (ph % p.bh || pw % p.bw)
            return opError(d, g, op,
                           "the padded size " + std::to_string(ph) + "x" + std::to_string(pw) +
                               " is not a multiple of the block shape " + shapeString(block),
                           op.inputs[1]);
        p.YB = p.B * blocks;
        p.YH = ph / p.bh;
        p.YW = pw / p.bw;
        expect[0] = int32_t(p.YB);
        expect[1] = int32_t(p.YH);
        if (spatial == 2) expect[2] = int32_t(p.YW);
    }
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    op.params = p;
    return true;
}

bool b2sPrepare(Graph &g, Op &op, Diagnostics &d) { return prepare(g, op, d, true); }
bool s2bPrepare(Graph &g, Op &op, Diagnostics &d) { return prepare(g, op, d, false); }

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t row = size_t(p.C) * p.elemSize;
    for (int64_t sy = 0; sy < p.bh; ++sy)
        for (int64_t sx = 0; sx < p.bw; ++sx)
            for (int64_t bt = 0; bt < p.B; ++bt)
                for (int64_t y = 0; y < p.YH; ++y)
                    for (int64_t x = 0; x < p.YW; ++x) {
                        const int64_t h = y * p.bh + sy - p.top, w = x * p.bw + sx - p.left;
                        const bool inside = h >= 0 && h < p.H && w >= 0 && w < p.W;
                        const size_t batchOff = size_t((((sy * p.bw + sx) * p.B + bt) * p.YH + y) * p.YW + x) * row;
                        const size_t spaceOff = size_t(((bt * p.H + h) * p.W + w)) * row;
                        if (p.toSpace) {
                            if (inside) std::memcpy(dst + spaceOff, src + batchOff, row);
                        } else if (inside) {
                            std::memcpy(dst + batchOff, src + spaceOff, row);
                        } else {
                            std::memset(dst + batchOff, p.padByte, row);
                        }
                    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string ctype = dtypeCType(in.dtype);
    ctx.line("/* " + std::string(p.toSpace ? "BATCH_TO_SPACE_ND " : "SPACE_TO_BATCH_ND ") + dtypeName(in.dtype) +
             " " + shapeString(in.shape) + " -> " + shapeString(g.out(op).shape) + ", block " +
             std::to_string(p.bh) + "x" + std::to_string(p.bw) +
             (p.toSpace ? ", crops" : ", paddings") + " top " + std::to_string(p.top) + " left " +
             std::to_string(p.left) + " */");
    if (g.out(op).elements() == 0 || in.elements() == 0) return;
    LoopNest loops(ctx);
    const std::string sy = loops.open("sy", p.bh), sx = loops.open("sx", p.bw), bt = loops.open("b", p.B);
    const std::string y = loops.open("y", p.YH);
    // The space-side row h (and column w) of this batch-side pixel.
    const bool checkH = p.toSpace ? (p.top > 0 || p.YH * p.bh - p.top != p.H) : (p.top > 0 || p.YH * p.bh != p.H);
    const bool checkW = p.toSpace ? (p.left > 0 || p.YW * p.bw - p.left != p.W) : (p.left > 0 || p.YW * p.bw != p.W);
    loops.line("const int32_t h = " + indexSum(-p.top, {strideTerm(y, p.bh), sy}) + ";");
    const std::string x = loops.open("x", p.YW);
    loops.line("const int32_t w = " + indexSum(-p.left, {strideTerm(x, p.bw), sx}) + ";");
    const std::string batchAt =
        indexSum(0, {strideTerm(sy, p.bw * p.B * p.YH * p.YW * p.C), strideTerm(sx, p.B * p.YH * p.YW * p.C),
                     strideTerm(bt, p.YH * p.YW * p.C), strideTerm(y, p.YW * p.C), strideTerm(x, p.C)});
    const std::string spaceAt =
        indexSum(0, {strideTerm(bt, p.H * p.W * p.C), strideTerm("h", p.W * p.C), strideTerm("w", p.C)});
    std::string inside;
    if (checkH) inside += "h >= 0 && h < " + std::to_string(p.H);
    if (checkW) inside += std::string(inside.empty() ? "" : " && ") + "w >= 0 && w < " + std::to_string(p.W);
    const std::string bytes = std::to_string(p.C) + " * sizeof(" + ctype + ")";
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    const std::string toSpace = "memcpy(" + dst + " + " + spaceAt + ", " + src + " + " + batchAt + ", " + bytes + ");";
    const std::string toBatch = "memcpy(" + dst + " + " + batchAt + ", " + src + " + " + spaceAt + ", " + bytes + ");";
    if (inside.empty()) {
        loops.line(p.toSpace ? toSpace : toBatch);
    } else if (p.toSpace) {
        loops.line("if (" + inside + ") " + toSpace);
    } else {
        loops.line("if (" + inside + ")");
        loops.line("    " + toBatch);
        loops.line("else");
        loops.line("    memset(" + dst + " + " + batchAt + ", " + std::to_string(int(p.padByte)) + ", " + bytes + ");");
    }
}

}  // namespace

extern const OpKernel kBatchToSpaceNd, kSpaceToBatchNd;
const OpKernel kBatchToSpaceNd = {OpType::BatchToSpaceNd, b2sPrepare, eval, emit, nullptr, "float32, int8"};
const OpKernel kSpaceToBatchNd = {OpType::SpaceToBatchNd, s2bPrepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
