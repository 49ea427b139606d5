// CUMSUM (TFLM cumsum.cc + reference/cumsum.h): running sums along one
// constant axis, optionally exclusive (each output excludes its own input)
// and/or reverse (from the end). float32: sums in that order from 0; int8:
// TFLM's scaled sum (ScaledSum.h), requantized at every step.
#include "ScaledSum.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    int64_t before = 1, depth = 1, after = 1;  // dims before / at / after the axis
    bool exclusive = false, reverse = false;
    scaledsum::Params q;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, "cumsum expects 2 inputs (data, axis) and 1 output");
    const Tensor &in = g.in(op, 0), &axis = g.in(op, 1), &out = g.out(op);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op, std::string("cumsum does not support ") + dtypeName(in.dtype) +
                                     "; use float32 or int8", op.inputs[0]);
    if (axis.dtype != DType::Int32 || axis.elements() != 1)
        return opError(d, g, op, "cumsum needs one int32 axis", op.inputs[1]);
    if (!axis.isConst || axis.data.size() != 4)
        return opError(d, g, op, "cumsum needs a constant axis; freeze the axis tensor in the model", op.inputs[1]);
    if (in.shape.empty()) return opError(d, g, op, "cumsum of a scalar", op.inputs[0]);
    if (out.dtype != in.dtype) return opError(d, g, op, "cumsum output type differs from its input", op.outputs[0]);
    if (!checkOutputShape(d, g, op, op.outputs[0], in.shape)) return false;
    const int rank = int(in.shape.size());
    int32_t a = axis.at<int32_t>(0);
    if (a < 0) a += rank;
    if (a < 0 || a >= rank)
        return opError(d, g, op,
                       "axis " + std::to_string(axis.at<int32_t>(0)) + " is out of range for the input " +
                           shapeString(in.shape),
                       op.inputs[1]);
    Params p;
    p.dtype = in.dtype;
    for (int i = 0; i < rank; ++i) {
        if (i < a) p.before *= in.shape[size_t(i)];
        if (i > a) p.after *= in.shape[size_t(i)];
    }
    p.depth = in.shape[size_t(a)];
    p.exclusive = op.attrs.exclusive;
    p.reverse = op.attrs.reverse;
    if (in.dtype == DType::Int8) {
        if (!hasPerTensorQuant(in) || !hasPerTensorQuant(out))
            return opError(d, g, op, "int8 cumsum needs one positive scale per tensor", op.inputs[0]);
        if (!scaledsum::derive(d, g, op, in, out, &p.q)) return false;
    }
    op.params = p;
    return true;
}

// Each (before, after) line is independent, so the order TFLM walks the
// lines in does not matter; along a line it matters only for float.
template <class T, class Acc, class Add, class Out>
void scan(const Params &p, const T *x, T *y, Acc init, Add add, Out toOut) {
    for (int64_t b = 0; b < p.before; ++b) {
        for (int64_t a = 0; a < p.after; ++a) {
            Acc acc = init;
            for (int64_t k = 0; k < p.depth; ++k) {
                const int64_t kk = p.reverse ? p.depth - 1 - k : k;
                const int64_t i = (b * p.depth + kk) * p.after + a;
                if (p.exclusive) {
                    y[i] = toOut(acc);
                    acc = add(acc, x[i]);
                } else {
                    acc = add(acc, x[i]);
                    y[i] = toOut(acc);
                }
            }
        }
    }
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *x = b[size_t(op.inputs[0])].data();
    uint8_t *y = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Float32) {
        scan(p, reinterpret_cast<const float *>(x), reinterpret_cast<float *>(y), 0.0f,
             [](float acc, float v) { return acc + v; }, [](float acc) { return acc; });
    } else {
        scan(p, reinterpret_cast<const int8_t *>(x), reinterpret_cast<int8_t *>(y), p.q.init,
             [&](int32_t acc, int8_t v) { return acc + scaledsum::scaleIn(p.q, v); },
             [&](int32_t acc) { return scaledsum::toOutput(p.q, acc); });
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const bool isFloat = p.dtype == DType::Float32;
    ctx.line("/* CUMSUM " + std::string(dtypeName(p.dtype)) + " " + shapeString(g.in(op, 0).shape) + ": " +
             std::to_string(p.depth) + " steps" + (p.exclusive ? ", exclusive" : "") +
             (p.reverse ? ", reverse" : "") + (isFloat ? "" : "; TFLM's scaled int32 sum from the input offset") +
             " */");
    if (!isFloat) scaledsum::useHelpers(ctx);
    const std::string after = std::to_string(p.after), depth = std::to_string(p.depth);
    ctx.line("for (int32_t b = 0; b < " + std::to_string(p.before) + "; ++b) {");
    ctx.line("for (int32_t a = 0; a < " + after + "; ++a) {", 2);
    ctx.line(isFloat ? "float acc = 0.0f;" : "int32_t acc = " + cInt(p.q.init) + ";", 3);
    ctx.line("for (int32_t k = 0; k < " + depth + "; ++k) {", 3);
    const std::string kk = p.reverse ? "(" + std::to_string(p.depth - 1) + " - k)" : "k";
    ctx.line("int32_t i = (b * " + depth + " + " + kk + ") * " + after + " + a;", 4);
    const std::string x = ctx.inputs[0] + "[i]", y = ctx.outputs[0] + "[i]";
    const std::string add = "acc += " + (isFloat ? x : scaledsum::scaleInC(p.q, x)) + ";";
    const std::string store = y + " = " + (isFloat ? "acc" : scaledsum::toOutputC(p.q, "acc")) + ";";
    ctx.line(p.exclusive ? store : add, 4);
    ctx.line(p.exclusive ? add : store, 4);
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kCumsum;
const OpKernel kCumsum = {OpType::Cumsum, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
