// CONCATENATION along attrs.axis (negative counts from the end) of bool,
// float32, int8, int16, int32 or int64 tensors. Like TFLite Micro
// (concatenation.cc), values are copied unchanged, so its Prepare checks
// apply: int8 inputs must share the output's scale and zero point, int16
// inputs and output need zero point 0.
#include <cstdio>
#include <cstring>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    int64_t outer = 1;               // product of the dims before the axis
    std::vector<int64_t> chunks;     // elements each input adds per outer step
    int64_t outChunk = 0;            // sum of chunks
    size_t elemSize = 1;
};

bool supportedType(DType t) {
    return t == DType::Bool || t == DType::Float32 || t == DType::Int8 || t == DType::Int16 || t == DType::Int32 ||
           t == DType::Int64;
}

// Output shape, or false with a message naming the offending input.
bool inferShape(const Graph &g, const Op &op, int axis, Shape *out, std::string *why, int *bad) {
    *out = g.in(op, 0).shape;
    (*out)[size_t(axis)] = 0;
    for (size_t i = 0; i < op.inputs.size(); ++i) {
        const Shape &s = g.in(op, i).shape;
        *bad = op.inputs[i];
        if (s.size() != out->size()) {
            *why = "all inputs need the same rank; input " + std::to_string(i + 1) + " is " + shapeString(s);
            return false;
        }
        for (size_t d = 0; d < s.size(); ++d) {
            if (int(d) != axis && s[d] != (*out)[d]) {
                *why = "input " + std::to_string(i + 1) + " " + shapeString(s) + " differs from input 1 " +
                       shapeString(g.in(op, 0).shape) + " outside the concatenation axis " + std::to_string(axis);
                return false;
            }
        }
        (*out)[size_t(axis)] += s[size_t(axis)];
    }
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.empty() || op.outputs.size() != 1 || op.outputs[0] < 0)
        return opError(d, g, op, "concatenation expects at least 1 input and 1 output");
    for (size_t i = 0; i < op.inputs.size(); ++i)
        if (!g.hasInput(op, i)) return opError(d, g, op, "concatenation input " + std::to_string(i + 1) + " is missing");
    const Tensor &out = g.out(op);
    for (size_t i = 0; i < op.inputs.size(); ++i)
        if (g.in(op, i).dtype != out.dtype)
            return opError(d, g, op, "all concatenation inputs need the output's type " + std::string(dtypeName(out.dtype)),
                           op.inputs[i]);
    if (!supportedType(out.dtype))
        return opError(d, g, op,
                       "concatenation of " + std::string(dtypeName(out.dtype)) +
                           " is not supported; use bool, float32, int8, int16, int32 or int64",
                       op.outputs[0]);
    if (op.attrs.activation != Activation::None)
        return opError(d, g, op, "concatenation with a fused activation is not supported (TFLite Micro refuses it too)");
    const int rank = int(g.in(op, 0).shape.size());
    const int axis = op.attrs.axis < 0 ? op.attrs.axis + rank : op.attrs.axis;
    if (rank == 0 || axis < 0 || axis >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(op.attrs.axis) + " is out of range for " + std::to_string(rank) +
                           "-D inputs");
    Shape inferred;
    std::string why;
    int bad = -1;
    if (!inferShape(g, op, axis, &inferred, &why, &bad)) return opError(d, g, op, why, bad);
    if (!checkOutputShape(d, g, op, op.outputs[0], inferred)) return false;

    for (size_t i = 0; i < op.inputs.size(); ++i) {
        const Tensor &t = g.in(op, i);
        if (out.dtype == DType::Int8 && (double(t.quant.sc()) != double(out.quant.sc()) || t.quant.zp() != out.quant.zp()))
            return opError(d, g, op,
                           "int8 input " + std::to_string(i + 1) + " has scale " + std::to_string(t.quant.sc()) +
                               " and zero point " + std::to_string(t.quant.zp()) + " but the output has " +
                               std::to_string(out.quant.sc()) + " and " + std::to_string(out.quant.zp()) +
                               "; concatenation does not rescale (TFLite Micro requires them equal), re-quantize "
                               "the model",
                           op.inputs[i]);
        if (out.dtype == DType::Int16 && t.quant.zp() != 0)
            return opError(d, g, op,
                           "int16 input " + std::to_string(i + 1) + " has zero point " +
                               std::to_string(t.quant.zp()) + "; int16 concatenation needs zero point 0 (as TFLite "
                               "Micro), re-quantize the model",
                           op.inputs[i]);
    }
    if (out.dtype == DType::Int16 && out.quant.zp() != 0)
        return opError(d, g, op,
                       "int16 output has zero point " + std::to_string(out.quant.zp()) +
                           "; int16 concatenation needs zero point 0 (as TFLite Micro), re-quantize the model",
                       op.outputs[0]);
    Params p;
    p.elemSize = dtypeSize(out.dtype);
    for (int dd = 0; dd < axis; ++dd) p.outer *= inferred[size_t(dd)];
    for (size_t i = 0; i < op.inputs.size(); ++i) {
        const Tensor &t = g.in(op, i);
        p.chunks.push_back(p.outer ? t.elements() / p.outer : 0);
        p.outChunk += p.chunks.back();
    }
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    uint8_t *out = buf[size_t(op.outputs[0])].data();
    for (int64_t o = 0; o < p.outer; ++o) {
        int64_t at = o * p.outChunk;
        for (size_t i = 0; i < p.chunks.size(); ++i) {
            const uint8_t *src = buf[size_t(op.inputs[i])].data() + size_t(o * p.chunks[i]) * p.elemSize;
            if (p.chunks[i]) std::memcpy(out + size_t(at) * p.elemSize, src, size_t(p.chunks[i]) * p.elemSize);
            at += p.chunks[i];
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    std::string shapes;
    for (size_t i = 0; i < op.inputs.size(); ++i) shapes += (i ? ", " : "") + shapeString(g.in(op, i).shape);
    ctx.line("/* CONCATENATION " + std::string(dtypeName(g.out(op).dtype)) + ": " + shapes + " -> " +
             shapeString(g.out(op).shape) + " along axis " + std::to_string(op.attrs.axis) +
             "; values copied unchanged */");
    const bool loop = p.outer > 1;
    if (loop) ctx.line("for (int32_t o = 0; o < " + cInt(p.outer) + "; ++o) {");
    const int ind = loop ? 2 : 1;
    int64_t at = 0;
    for (size_t i = 0; i < p.chunks.size(); ++i) {
        const int64_t n = p.chunks[i];
        if (n == 0) continue;
        const std::string dst = loop ? "o * " + cInt(p.outChunk) + " + " + cInt(at) : cInt(at);
        const std::string src = loop ? "o * " + cInt(n) : "0";
        ctx.line("memcpy(" + ctx.outputs[0] + " + " + dst + ", " + ctx.inputs[i] + " + " + src + ", " +
                     cInt(n * int64_t(p.elemSize)) + ");",
                 ind);
        at += n;
    }
    if (loop) ctx.line("}");
}

}  // namespace

const OpKernel kConcatenation = {OpType::Concatenation, prepare, eval, emit, nullptr, "int8, int16, int32, int64, bool, float32"};

}  // namespace ember
