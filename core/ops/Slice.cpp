// SLICE: input[begin : begin + size] per dimension, size -1 meaning "to the
// end" (TFLM's reference Slice with GetValidatedBeginAndSizeVectors).
// begin and size are constant int32 or int64 vectors (TFLM also reads
// run-time ones; Ember needs them at compile time to bake the loops).
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

struct Params {
    std::vector<int64_t> begin, size, inStride;  // per input dim, size resolved
    size_t elemSize = 1;
    int64_t elements = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "slice", 3, 1, "data, begin, size")) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &bt = g.in(op, 1), &st = g.in(op, 2);
    if (!checkType(d, g, op, "slice of", op.inputs[0],
                   {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Bool}) ||
        !checkSameType(d, g, op, "slice", op.inputs[0], op.outputs[0]))
        return false;
    const size_t rank = in.shape.size();
    if (bt.dtype != st.dtype || (bt.dtype != DType::Int32 && bt.dtype != DType::Int64))
        return opError(d, g, op,
                       std::string("begin and size must both be int32 or both int64, got ") + dtypeName(bt.dtype) +
                           " and " + dtypeName(st.dtype),
                       op.inputs[1]);
    for (int i : {1, 2}) {
        const Tensor &t = g.in(op, size_t(i));
        if (t.shape.size() != 1 || size_t(t.elements()) != rank)
            return opError(d, g, op,
                           std::string(i == 1 ? "begin" : "size") + " must be a vector of " + std::to_string(rank) +
                               " values (one per input dimension), got " + shapeString(t.shape),
                           op.inputs[size_t(i)]);
    }
    if (rank > 5) return opError(d, g, op, "slice supports at most 5 dimensions", op.inputs[0]);
    Params p;
    if (!constInts(bt, &p.begin) || !constInts(st, &p.size))
        return opError(d, g, op,
                       "begin and size are computed at run time; only constant ones are supported, re-export "
                       "the model with a static slice",
                       op.inputs[bt.isConst ? 2 : 1]);
    Shape expect;
    for (size_t k = 0; k < rank; ++k) {
        const int64_t dim = in.shape[k], b = p.begin[k], s = p.size[k];
        if (b < 0 || b > dim)
            return opError(d, g, op,
                           "begin " + std::to_string(b) + " of dimension " + std::to_string(k) +
                               " is outside its size " + std::to_string(dim),
                           op.inputs[1]);
        const int64_t resolved = s == -1 ? dim - b : s;
        if (resolved < 0 || resolved > dim - b)
            return opError(d, g, op,
                           "size " + std::to_string(s) + " of dimension " + std::to_string(k) + " does not fit: " +
                               std::to_string(dim - b) + " entries remain after begin " + std::to_string(b),
                           op.inputs[2]);
        p.size[k] = resolved;
        expect.push_back(int32_t(resolved));
    }
    if (!checkOutputShape(d, g, op, op.outputs[0], expect)) return false;
    p.elemSize = dtypeSize(in.dtype);
    p.inStride.assign(rank, 1);
    for (size_t k = rank; k-- > 1;) p.inStride[k - 1] = p.inStride[k] * in.shape[k];
    p.elements = shapeElements(expect);
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const size_t n = p.size.size();
    std::vector<int64_t> j(n, 0);
    for (int64_t o = 0; o < p.elements; ++o) {
        int64_t i = 0;
        for (size_t k = 0; k < n; ++k) i += (p.begin[k] + j[k]) * p.inStride[k];
        std::memcpy(dst + size_t(o) * p.elemSize, src + size_t(i) * p.elemSize, p.elemSize);
        for (size_t k = n; k-- > 0;) {  // odometer over the slice
            if (++j[k] < p.size[k]) break;
            j[k] = 0;
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    const std::string ctype = dtypeCType(in.dtype);
    std::string ranges;
    for (size_t k = 0; k < p.size.size(); ++k)
        ranges += (k ? "," : "") + std::to_string(p.begin[k]) + ":" + std::to_string(p.begin[k] + p.size[k]);
    ctx.line("/* SLICE " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + "[" + ranges + "] -> " +
             shapeString(g.out(op).shape) + " */");
    if (p.elements == 0) {
        ctx.line("(void)" + src + "; (void)" + dst + ";");
        return;
    }
    // Innermost contiguous run: the trailing dims taken whole, plus the next one.
    size_t loops = p.size.size();
    int64_t run = 1;
    while (loops > 0 && p.begin[loops - 1] == 0 && p.size[loops - 1] == in.shape[loops - 1]) run *= p.size[--loops];
    if (loops > 0) run *= p.size[--loops];
    int64_t base = 0;
    for (size_t k = 0; k < p.size.size(); ++k) base += p.begin[k] * p.inStride[k];
    std::string index = cInt(base);
    int indent = 1;
    bool anyLoop = false;
    for (size_t k = 0; k < loops; ++k) anyLoop = anyLoop || p.size[k] > 1;
    if (anyLoop) ctx.line(ctype + " *o = " + dst + ";");
    for (size_t k = 0; k < loops; ++k) {
        if (p.size[k] == 1) continue;  // one index: folded into the base
        const std::string v = "i" + std::to_string(k);
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + cInt(p.size[k]) + "; ++" + v + ") {", indent++);
        index += " + " + v + " * " + cInt(p.inStride[k]);
    }
    const std::string to = anyLoop ? "o" : dst;
    ctx.line("memcpy(" + to + ", " + src + " + " + index + ", " + cInt(run) + " * sizeof(" + ctype + "));", indent);
    if (anyLoop) ctx.line("o += " + cInt(run) + ";", indent);
    while (indent > 1) ctx.line("}", --indent);
}

}  // namespace

extern const OpKernel kSlice;
const OpKernel kSlice = {OpType::Slice, prepare, eval, emit, nullptr, "float32, int8, int16, int32, bool"};

}  // namespace ember
