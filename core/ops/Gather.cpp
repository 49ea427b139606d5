// The index-driven row copies, as TFLM's reference kernels:
//   GATHER            out[b, o, c, i] = in[b, o, idx[b, c], i] (axis, batch_dims)
//   GATHER_ND         out[s, :] = params[idx[s, 0], ..., idx[s, nd-1], :]
//   EMBEDDING_LOOKUP  out[r, :] = value[lookup[r], :] (int8 rows optionally
//                     dequantized to float32: the hybrid variant)
// The indices may be constants or computed at run time. Constant indices are
// checked at compile time; run-time indices are checked in the generated C,
// which returns -1 (the layer fails, as TFLM's Invoke does) when one is out
// of range. The reference executor skips such rows.
#include <cstring>

#include "Common.h"
#include "LoopNest.h"
#include "OpError.h"

namespace ember {
namespace {

// Index i of an int32 or int64 tensor's buffer.
int64_t indexAt(const uint8_t *data, DType t, int64_t i) {
    if (t == DType::Int64) {
        int64_t v;
        std::memcpy(&v, data + i * 8, 8);
        return v;
    }
    int32_t v;
    std::memcpy(&v, data + i * 4, 4);
    return v;
}

std::string typeList(DType a, DType b) { return std::string(dtypeName(a)) + " or " + dtypeName(b); }

// ---------------------------------------------------------------- GATHER

struct GatherParams {
    int64_t batch = 1, outer = 1, axisSize = 1, inner = 1, coords = 1;
    size_t elemSize = 1;
    DType indexType = DType::Int32;
    bool constIndices = false;
    int axis = 0, batchDims = 0;
};

bool gatherPrepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return opError(d, g, op, "gather expects 2 inputs (data, indices) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &idx = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (idx.dtype != DType::Int32)
        return opError(d, g, op,
                       std::string("gather indices of ") + dtypeName(idx.dtype) +
                           " are not supported by TFLM; use int32 indices",
                       op.inputs[1]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string("gather of ") + dtypeName(in.dtype) + " is not supported; use " +
                           typeList(DType::Float32, DType::Int8),
                       op.inputs[0]);
    if (out.dtype != in.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; gather cannot change the type",
                       op.outputs[0]);
    const int rank = int(in.shape.size()), idxRank = int(idx.shape.size());
    int axis = op.attrs.axis < 0 ? op.attrs.axis + rank : op.attrs.axis;
    if (axis < 0 || axis >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(op.attrs.axis) + " is outside the input's " + std::to_string(rank) +
                           " dimensions");
    int batchDims = op.attrs.batchDims < 0 ? op.attrs.batchDims + idxRank : op.attrs.batchDims;
    if (batchDims > axis || batchDims < 0 || batchDims >= rank || batchDims > idxRank)
        return opError(d, g, op,
                       "batch_dims " + std::to_string(op.attrs.batchDims) +
                           " must be in [0, axis] and below both ranks; fix the model");
    for (int i = 0; i < batchDims; ++i)
        if (in.shape[size_t(i)] != idx.shape[size_t(i)])
            return opError(d, g, op,
                           "batch dimension " + std::to_string(i) + " differs between the input " +
                               shapeString(in.shape) + " and the indices " + shapeString(idx.shape),
                           op.inputs[1]);
    Shape expect;
    for (int i = 0; i < axis; ++i) expect.push_back(in.shape[size_t(i)]);
    for (int i = batchDims; i < idxRank; ++i) expect.push_back(idx.shape[size_t(i)]);
    for (int i = axis + 1; i < rank; ++i) expect.push_back(in.shape[size_t(i)]);
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;

    GatherParams p;
    p.axis = axis;
    p.batchDims = batchDims;
    for (int i = 0; i < batchDims; ++i) p.batch *= in.shape[size_t(i)];
    for (int i = batchDims; i < axis; ++i) p.outer *= in.shape[size_t(i)];
    for (int i = axis + 1; i < rank; ++i) p.inner *= in.shape[size_t(i)];
    for (int i = batchDims; i < idxRank; ++i) p.coords *= idx.shape[size_t(i)];
    p.axisSize = in.shape[size_t(axis)];
    p.elemSize = dtypeSize(in.dtype);
    p.indexType = idx.dtype;
    p.constIndices = idx.isConst;
    if (idx.isConst) {
        if (idx.data.size() != idx.bytes())
            return opError(d, g, op, "the constant indices have no data of the right size", op.inputs[1]);
        for (int64_t i = 0; i < idx.elements(); ++i) {
            const int64_t v = indexAt(idx.data.data(), idx.dtype, i);
            if (v < 0 || v >= p.axisSize)
                return opError(d, g, op,
                               "index " + std::to_string(v) + " is outside [0, " + std::to_string(p.axisSize - 1) +
                                   "] of axis " + std::to_string(axis) + "; TFLM fails on it, fix the indices",
                               op.inputs[1]);
        }
    }
    op.params = p;
    return true;
}

void gatherEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const GatherParams &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    const uint8_t *idx = b[size_t(op.inputs[1])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t row = size_t(p.inner) * p.elemSize;
    for (int64_t bt = 0; bt < p.batch; ++bt)
        for (int64_t o = 0; o < p.outer; ++o)
            for (int64_t c = 0; c < p.coords; ++c) {
                const int64_t k = indexAt(idx, p.indexType, bt * p.coords + c);
                if (k < 0 || k >= p.axisSize) continue;
                std::memcpy(dst + size_t(((bt * p.outer + o) * p.coords + c) * p.inner) * p.elemSize,
                            src + size_t(((bt * p.outer + o) * p.axisSize + k) * p.inner) * p.elemSize, row);
            }
}

void gatherEmit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const GatherParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string ctype = dtypeCType(in.dtype);
    ctx.line("/* GATHER " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + " by " +
             shapeString(g.in(op, 1).shape) + " -> " + shapeString(g.out(op).shape) + ", axis " +
             std::to_string(p.axis) + ", batch_dims " + std::to_string(p.batchDims) + " */");
    if (g.out(op).elements() == 0) return;
    LoopNest loops(ctx);
    const std::string bv = loops.open("b", p.batch);
    const std::string ov = loops.open("o", p.outer);
    const std::string cv = loops.open("c", p.coords);
    const std::string itype = dtypeCType(p.indexType);
    loops.line("const " + itype + " k = " + ctx.inputs[1] + "[" +
               indexSum(0, {strideTerm(bv, p.coords), cv}) + "];");
    if (!p.constIndices) loops.line("if (k < 0 || k >= " + std::to_string(p.axisSize) + ") return -1;");
    // Output row ((b * outer + o) * coords + c), input row ((b * outer + o) * axis + k).
    const std::string outAt =
        indexSum(0, {strideTerm(bv, p.outer * p.coords * p.inner), strideTerm(ov, p.coords * p.inner),
                     strideTerm(cv, p.inner)});
    std::string inAt = indexSum(0, {strideTerm(bv, p.outer * p.axisSize * p.inner),
                                    strideTerm(ov, p.axisSize * p.inner)});
    inAt = (inAt == "0" ? "" : inAt + " + ") + (p.inner == 1 ? "k" : "k * " + std::to_string(p.inner));
    if (p.inner == 1)
        loops.line(ctx.outputs[0] + "[" + outAt + "] = " + ctx.inputs[0] + "[" + inAt + "];");
    else
        loops.line("memcpy(" + ctx.outputs[0] + " + " + outAt + ", " + ctx.inputs[0] + " + " + inAt + ", " +
                   std::to_string(p.inner) + " * sizeof(" + ctype + "));");
}

// ---------------------------------------------------------------- GATHER_ND

struct GatherNdParams {
    int64_t slices = 1, sliceSize = 1;
    int nd = 0;
    std::vector<int64_t> dimCount;  // params elements per step of index j
    std::vector<int32_t> dimSize;   // params extent of index j
    std::vector<int32_t> offsets;   // constant indices: each slice's element offset
    size_t elemSize = 1;
    bool constIndices = false;
};

bool gatherNdPrepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return opError(d, g, op, "gather_nd expects 2 inputs (params, indices) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &idx = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string("gather_nd of ") + dtypeName(in.dtype) + " is not supported; use " +
                           typeList(DType::Float32, DType::Int8),
                       op.inputs[0]);
    if (idx.dtype != DType::Int32)
        return opError(d, g, op,
                       std::string("gather_nd indices of ") + dtypeName(idx.dtype) +
                           " are not supported by TFLM; use int32 indices",
                       op.inputs[1]);
    if (out.dtype != in.dtype)
        return opError(d, g, op,
                       std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                           "; gather_nd cannot change the type",
                       op.outputs[0]);
    const int rank = int(in.shape.size()), idxRank = int(idx.shape.size());
    if (rank < 1) return opError(d, g, op, "the params must be at least a vector", op.inputs[0]);
    if (idxRank < 1) return opError(d, g, op, "the indices must be at least a vector", op.inputs[1]);
    const int nd = idx.shape.back();
    if (nd > rank || nd > 5)
        return opError(d, g, op,
                       "the indices' last dimension (" + std::to_string(nd) +
                           ") must not exceed the params rank nor 5",
                       op.inputs[1]);
    Shape expect(idx.shape.begin(), idx.shape.end() - 1);
    for (int i = nd; i < rank; ++i) expect.push_back(in.shape[size_t(i)]);
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;

    GatherNdParams p;
    p.nd = nd;
    p.elemSize = dtypeSize(in.dtype);
    p.constIndices = idx.isConst;
    for (int i = 0; i < idxRank - 1; ++i) p.slices *= idx.shape[size_t(i)];
    for (int i = nd; i < rank; ++i) p.sliceSize *= in.shape[size_t(i)];
    int64_t remain = in.elements();
    for (int j = 0; j < nd; ++j) {
        remain = in.shape[size_t(j)] ? remain / in.shape[size_t(j)] : 0;
        p.dimCount.push_back(remain);
        p.dimSize.push_back(in.shape[size_t(j)]);
    }
    if (idx.isConst) {
        if (idx.data.size() != idx.bytes())
            return opError(d, g, op, "the constant indices have no data of the right size", op.inputs[1]);
        for (int64_t s = 0; s < p.slices; ++s) {
            int64_t from = 0;
            for (int j = 0; j < nd; ++j) {
                const int32_t v = idx.at<int32_t>(s * nd + j);
                if (v < 0 || v >= p.dimSize[size_t(j)])
                    return opError(d, g, op,
                                   "index " + std::to_string(v) + " is outside [0, " +
                                       std::to_string(p.dimSize[size_t(j)] - 1) + "] of dimension " +
                                       std::to_string(j) + "; fix the indices",
                                   op.inputs[1]);
                from += v * p.dimCount[size_t(j)];
            }
            p.offsets.push_back(int32_t(from));
        }
    }
    op.params = p;
    return true;
}

void gatherNdEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const GatherNdParams &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    const uint8_t *idx = b[size_t(op.inputs[1])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t row = size_t(p.sliceSize) * p.elemSize;
    for (int64_t s = 0; s < p.slices; ++s) {
        int64_t from = 0;
        bool inRange = true;
        for (int j = 0; j < p.nd; ++j) {
            const int64_t v = indexAt(idx, DType::Int32, s * p.nd + j);
            inRange = inRange && v >= 0 && v < p.dimSize[size_t(j)];
            from += v * p.dimCount[size_t(j)];
        }
        if (inRange && row) std::memcpy(dst + size_t(s) * row, src + size_t(from) * p.elemSize, row);
    }
}

void gatherNdEmit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const GatherNdParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string ctype = dtypeCType(in.dtype);
    ctx.line("/* GATHER_ND " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + " by " +
             shapeString(g.in(op, 1).shape) + " -> " + shapeString(g.out(op).shape) + " */");
    if (p.slices == 0 || p.sliceSize == 0) return;
    LoopNest loops(ctx);
    const std::string sv = loops.open("s", p.slices);
    std::string from;
    if (p.constIndices) {
        // Each slice's source offset, folded at compile time.
        const std::string table = ctx.constantI32("offsets", p.offsets, "GATHER_ND source offset per slice");
        from = table + "[" + indexSum(0, {sv}) + "]";
    } else {
        loops.line("const int32_t *ix = " + ctx.inputs[1] + (sv.empty() ? "" : " + " + strideTerm(sv, p.nd)) + ";");
        std::string check;
        std::vector<std::string> terms;
        for (int j = 0; j < p.nd; ++j) {
            const std::string v = "ix[" + std::to_string(j) + "]";
            check += std::string(j ? " || " : "") + v + " < 0 || " + v + " >= " + std::to_string(p.dimSize[size_t(j)]);
            terms.push_back(strideTerm(v, p.dimCount[size_t(j)]));
        }
        if (!check.empty()) loops.line("if (" + check + ") return -1;");
        from = indexSum(0, terms);
    }
    const std::string to = indexSum(0, {strideTerm(sv, p.sliceSize)});
    if (p.sliceSize == 1)
        loops.line(ctx.outputs[0] + "[" + to + "] = " + ctx.inputs[0] + "[" + from + "];");
    else
        loops.line("memcpy(" + ctx.outputs[0] + " + " + to + ", " + ctx.inputs[0] + " + " + from + ", " +
                   std::to_string(p.sliceSize) + " * sizeof(" + ctype + "));");
}

// ---------------------------------------------------------- EMBEDDING_LOOKUP

struct EmbeddingParams {
    int64_t lookups = 0, rows = 0, columns = 0;
    size_t elemSize = 1;
    bool hybrid = false;  // int8 rows dequantized to float32
    float scale = 0.f;
    bool constIndices = false;
};

bool embeddingPrepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return opError(d, g, op, "embedding_lookup expects 2 inputs (lookup, value) and 1 output");
    const Tensor &look = g.in(op, 0);
    const Tensor &val = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (look.shape.size() != 1 || look.dtype != DType::Int32)
        return opError(d, g, op,
                       "the lookup must be an int32 vector, got " + std::string(dtypeName(look.dtype)) + " " +
                           shapeString(look.shape),
                       op.inputs[0]);
    if (val.shape.size() < 2)
        return opError(d, g, op, "the value must have at least 2 dimensions, got " + shapeString(val.shape),
                       op.inputs[1]);
    if (val.dtype != DType::Float32 && val.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string("embedding_lookup of ") + dtypeName(val.dtype) + " is not supported; use " +
                           typeList(DType::Float32, DType::Int8),
                       op.inputs[1]);
    const bool okOut = out.dtype == val.dtype || (val.dtype == DType::Int8 && out.dtype == DType::Float32);
    if (!okOut)
        return opError(d, g, op,
                       std::string("a ") + dtypeName(val.dtype) + " value cannot give a " + dtypeName(out.dtype) +
                           " output; float32 gives float32, int8 gives int8 or float32",
                       op.outputs[0]);
    Shape expect = val.shape;
    expect[0] = look.shape[0];
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    EmbeddingParams p;
    p.lookups = look.shape[0];
    p.rows = val.shape[0];
    p.columns = val.shape[0] ? val.elements() / val.shape[0] : 0;
    p.elemSize = dtypeSize(val.dtype);
    p.hybrid = val.dtype == DType::Int8 && out.dtype == DType::Float32;
    p.constIndices = look.isConst;
    if (p.hybrid) {
        if (val.quant.zp() != 0)
            return opError(d, g, op,
                           "an int8 value dequantized to float32 needs zero point 0, got " +
                               std::to_string(val.quant.zp()),
                           op.inputs[1]);
        p.scale = val.quant.sc();
    }
    if (look.isConst) {
        if (look.data.size() != look.bytes())
            return opError(d, g, op, "the constant lookup has no data of the right size", op.inputs[0]);
        for (int64_t i = 0; i < p.lookups; ++i) {
            const int32_t v = look.at<int32_t>(i);
            if (v < 0 || v >= p.rows)
                return opError(d, g, op,
                               "lookup " + std::to_string(v) + " is outside [0, " + std::to_string(p.rows - 1) +
                                   "]; TFLM fails on it, fix the lookup",
                               op.inputs[0]);
        }
    }
    op.params = p;
    return true;
}

void embeddingEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const EmbeddingParams &>(op.params);
    const uint8_t *look = b[size_t(op.inputs[0])].data();
    const uint8_t *val = b[size_t(op.inputs[1])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.rows == 0) return;
    for (int64_t i = 0; i < p.lookups; ++i) {
        const int64_t k = indexAt(look, DType::Int32, i);
        if (k < 0 || k >= p.rows) continue;
        if (p.hybrid) {
            const int8_t *row = reinterpret_cast<const int8_t *>(val) + k * p.columns;
            float *o = reinterpret_cast<float *>(dst) + i * p.columns;
            for (int64_t j = 0; j < p.columns; ++j) o[j] = float(int32_t(row[j])) * p.scale;
        } else {
            const size_t row = size_t(p.columns) * p.elemSize;
            std::memcpy(dst + size_t(i) * row, val + size_t(k) * row, row);
        }
    }
}

void embeddingEmit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const EmbeddingParams &>(op.params);
    const Tensor &val = g.in(op, 1);
    ctx.line("/* EMBEDDING_LOOKUP " + std::string(dtypeName(val.dtype)) + " " + shapeString(val.shape) + " -> " +
             std::string(dtypeName(g.out(op).dtype)) + " " + shapeString(g.out(op).shape) +
             (p.hybrid ? ", dequantized with scale " + cFloat(p.scale) : std::string()) + " */");
    if (p.lookups == 0 || p.columns == 0 || p.rows == 0) return;
    LoopNest loops(ctx);
    const std::string iv = loops.open("i", p.lookups);
    loops.line("const int32_t k = " + ctx.inputs[0] + "[" + indexSum(0, {iv}) + "];");
    if (!p.constIndices) loops.line("if (k < 0 || k >= " + std::to_string(p.rows) + ") return -1;");
    const std::string from = p.columns == 1 ? "k" : "k * " + std::to_string(p.columns);
    const std::string to = indexSum(0, {strideTerm(iv, p.columns)});
    if (p.hybrid) {
        const std::string jv = loops.open("j", p.columns);
        const std::string j = jv.empty() ? "" : " + " + jv;
        loops.line(ctx.outputs[0] + "[" + to + j + "] = (float)" + ctx.inputs[1] + "[" + from + j + "] * " +
                   cFloat(p.scale) + ";");
    } else {
        loops.line("memcpy(" + ctx.outputs[0] + " + " + to + ", " + ctx.inputs[1] + " + " + from + ", " +
                   std::to_string(p.columns) + " * sizeof(" + dtypeCType(val.dtype) + "));");
    }
}

}  // namespace

extern const OpKernel kGather, kGatherNd, kEmbeddingLookup;
const OpKernel kGather = {OpType::Gather, gatherPrepare, gatherEval, gatherEmit, nullptr, "float32, int8 (int32 indices)"};
const OpKernel kGatherNd = {OpType::GatherNd, gatherNdPrepare, gatherNdEval, gatherNdEmit, nullptr, "float32, int8 (int32 indices)"};
const OpKernel kEmbeddingLookup = {OpType::EmbeddingLookup, embeddingPrepare, embeddingEval, embeddingEmit, nullptr, "float32, int8, int8 to float32 (int32 ids)"};

}  // namespace ember
