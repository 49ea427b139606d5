// ADD_N (TFLM add_n.cc + reference/add_n.h): the element-wise sum of N >= 2
// tensors of one shape. float32: 0 + x0 + x1 + ... in input order; int8
// (all inputs with one scale and zero point): TFLM's scaled sum, see
// ScaledSum.h.
#include "ScaledSum.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    size_t n = 0;
    int64_t elements = 0;
    scaledsum::Params q;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() < 2 || op.outputs.size() != 1 || op.outputs[0] < 0)
        return opError(d, g, op, "add_n expects at least 2 inputs and 1 output");
    for (size_t i = 0; i < op.inputs.size(); ++i)
        if (!g.hasInput(op, i)) return opError(d, g, op, "add_n input " + std::to_string(i + 1) + " is missing");
    const Tensor &first = g.in(op, 0), &out = g.out(op);
    if (first.dtype != DType::Float32 && first.dtype != DType::Int8)
        return opError(d, g, op, std::string("add_n does not support ") + dtypeName(first.dtype) +
                                     "; use float32 or int8", op.inputs[0]);
    if (out.dtype != first.dtype) return opError(d, g, op, "add_n output type differs from its inputs", op.outputs[0]);
    const bool quantized = first.dtype == DType::Int8;
    if (quantized && !hasPerTensorQuant(first))
        return opError(d, g, op, "int8 add_n needs one positive scale per tensor", op.inputs[0]);
    for (size_t i = 1; i < op.inputs.size(); ++i) {
        const Tensor &t = g.in(op, i);
        if (t.shape != first.shape)
            return opError(d, g, op,
                           "add_n inputs must have one shape; " + shapeString(t.shape) + " differs from " +
                               shapeString(first.shape),
                           op.inputs[i]);
        if (t.dtype != first.dtype) return opError(d, g, op, "add_n inputs must have one type", op.inputs[i]);
        if (quantized && (t.quant.zp() != first.quant.zp() || t.quant.sc() != first.quant.sc() ||
                          t.quant.scale.size() != 1))
            return opError(d, g, op,
                           "int8 add_n needs the same scale and zero point on every input; requantize first",
                           op.inputs[i]);
    }
    if (!checkOutputShape(d, g, op, op.outputs[0], first.shape)) return false;
    Params p;
    p.dtype = first.dtype;
    p.n = op.inputs.size();
    p.elements = first.elements();
    if (quantized) {
        if (!hasPerTensorQuant(out))
            return opError(d, g, op, "int8 add_n needs one positive scale per tensor", op.outputs[0]);
        if (!scaledsum::derive(d, g, op, first, out, &p.q)) return false;
    }
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    uint8_t *y = b[size_t(op.outputs[0])].data();
    for (int64_t i = 0; i < p.elements; ++i) {
        if (p.dtype == DType::Float32) {
            float x = 0.0f;
            for (size_t j = 0; j < p.n; ++j) x += reinterpret_cast<const float *>(b[size_t(op.inputs[j])].data())[i];
            reinterpret_cast<float *>(y)[i] = x;
        } else {
            int32_t acc = p.q.init;
            for (size_t j = 0; j < p.n; ++j)
                acc += scaledsum::scaleIn(p.q, reinterpret_cast<const int8_t *>(b[size_t(op.inputs[j])].data())[i]);
            reinterpret_cast<int8_t *>(y)[i] = scaledsum::toOutput(p.q, acc);
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const bool isFloat = p.dtype == DType::Float32;
    ctx.line("/* ADD_N " + std::string(dtypeName(p.dtype)) + " " + shapeString(g.in(op, 0).shape) + ", " +
             std::to_string(p.n) + " inputs" + (isFloat ? "" : "; TFLM's scaled int32 sum from the input offset") +
             " */");
    if (!isFloat) scaledsum::useHelpers(ctx);
    ctx.line("for (int32_t i = 0; i < " + std::to_string(p.elements) + "; ++i) {");
    if (isFloat) {
        ctx.line("float x = 0.0f;", 2);
        for (size_t j = 0; j < p.n; ++j) ctx.line("x += " + ctx.inputs[j] + "[i];", 2);
        ctx.line(ctx.outputs[0] + "[i] = x;", 2);
    } else {
        ctx.line("int32_t acc = " + cInt(p.q.init) + ";", 2);
        for (size_t j = 0; j < p.n; ++j) ctx.line("acc += " + scaledsum::scaleInC(p.q, ctx.inputs[j] + "[i]") + ";", 2);
        ctx.line(ctx.outputs[0] + "[i] = " + scaledsum::toOutputC(p.q, "acc") + ";", 2);
    }
    ctx.line("}");
}

}  // namespace

extern const OpKernel kAddN;
const OpKernel kAddN = {OpType::AddN, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
