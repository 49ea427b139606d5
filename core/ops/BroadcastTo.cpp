// BROADCAST_TO: repeats the input along its size-1 (or missing leading)
// dimensions up to the constant shape input, numpy style (TFLM's reference
// BroadcastTo, up to 5 dimensions, any element type: bytes are copied).
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    Shape outShape;
    std::vector<int64_t> inStride;  // per output dim; 0 where the input is broadcast
    size_t elemSize = 1;
    int64_t elements = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "broadcast_to", 2, 1, "data, shape")) return false;
    const Tensor &in = g.in(op, 0), &st = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (in.shape.size() > 5) return opError(d, g, op, "broadcast_to supports at most 5 dimensions", op.inputs[0]);
    if (st.dtype != DType::Int32 && st.dtype != DType::Int64)
        return opError(d, g, op, std::string("the shape input must be int32 or int64, got ") + dtypeName(st.dtype),
                       op.inputs[1]);
    if (!checkSameType(d, g, op, "broadcast_to", op.inputs[0], op.outputs[0])) return false;
    if (st.shape.size() != 1)
        return opError(d, g, op, "the shape input must be a vector, got the shape " + shapeString(st.shape),
                       op.inputs[1]);
    std::vector<int64_t> shape;
    if (!constInts(st, &shape))
        return opError(d, g, op,
                       "the shape input is computed at run time; only constant shapes are supported, re-export the "
                       "model with a static shape",
                       op.inputs[1]);
    const size_t inRank = in.shape.size(), rank = shape.size();
    if (out.shape.size() != rank)
        return opError(d, g, op,
                       "the model's output shape " + shapeString(out.shape) + " does not have the " +
                           std::to_string(rank) + " dimensions the shape input gives",
                       op.outputs[0]);
    if (inRank > rank)
        return opError(d, g, op,
                       "cannot broadcast the " + std::to_string(inRank) + "-D input to " + std::to_string(rank) +
                           " dimensions",
                       op.inputs[0]);
    if (rank > 5) return opError(d, g, op, "broadcast_to supports at most 5 dimensions", op.outputs[0]);
    Params p;
    p.inStride.assign(rank, 0);
    const size_t lead = rank - inRank;
    int64_t stride = 1;
    for (size_t k = rank; k-- > lead;) {
        const int32_t dim = in.shape[k - lead];
        if (dim != 1 && dim != shape[k])
            return opError(d, g, op,
                           "the input " + shapeString(in.shape) + " cannot be broadcast to the shape input's " +
                               "values (dimension " + std::to_string(k) + " is " + std::to_string(shape[k]) + ")",
                           op.inputs[0]);
        if (dim != 1) p.inStride[k] = stride;
        stride *= dim;
    }
    for (size_t k = 0; k < rank; ++k) p.outShape.push_back(int32_t(shape[k]));
    if (!checkOutputShape(d, g, op, op.outputs[0], p.outShape)) return false;
    p.elemSize = dtypeSize(in.dtype);
    p.elements = shapeElements(p.outShape);
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t n = p.outShape.size();
    std::vector<int64_t> j(n, 0);
    for (int64_t o = 0; o < p.elements; ++o) {
        int64_t i = 0;
        for (size_t k = 0; k < n; ++k) i += j[k] * p.inStride[k];
        std::memcpy(dst + size_t(o) * p.elemSize, src + size_t(i) * p.elemSize, p.elemSize);
        for (size_t k = n; k-- > 0;) {
            if (++j[k] < p.outShape[k]) break;
            j[k] = 0;
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    const std::string ctype = dtypeCType(in.dtype);
    ctx.line("/* BROADCAST_TO " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + " -> " +
             shapeString(p.outShape) + " */");
    if (p.elements == 0) {
        ctx.line("(void)" + src + "; (void)" + dst + ";");
        return;
    }
    // Trailing dims the input has in full form one contiguous run.
    size_t loops = p.outShape.size();
    int64_t run = 1;
    while (loops > 0 && (p.inStride[loops - 1] != 0 || p.outShape[loops - 1] == 1)) run *= p.outShape[--loops];
    int indent = 1;
    std::string index = "0";
    bool anyLoop = false;
    for (size_t k = 0; k < loops; ++k) anyLoop = anyLoop || p.outShape[k] > 1;
    if (anyLoop) ctx.line(ctype + " *o = " + dst + ";");
    for (size_t k = 0; k < loops; ++k) {
        if (p.outShape[k] == 1) continue;
        const std::string v = "i" + std::to_string(k);
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + cInt(p.outShape[k]) + "; ++" + v + ") {", indent++);
        if (p.inStride[k] != 0) index += " + " + v + " * " + cInt(p.inStride[k]);
    }
    if (run == 1) {
        ctx.line((anyLoop ? std::string("*o++") : dst + "[0]") + " = " + src + "[" + index + "];", indent);
    } else {
        ctx.line("memcpy(" + (anyLoop ? std::string("o") : dst) + ", " + src + " + " + index + ", " + cInt(run) +
                     " * sizeof(" + ctype + "));",
                 indent);
        if (anyLoop) ctx.line("o += " + cInt(run) + ";", indent);
    }
    while (indent > 1) ctx.line("}", --indent);
}

}  // namespace

extern const OpKernel kBroadcastTo;
const OpKernel kBroadcastTo = {OpType::BroadcastTo, prepare, eval, emit, nullptr, "float32, int8, int16, int32, int64, bool"};

}  // namespace ember
