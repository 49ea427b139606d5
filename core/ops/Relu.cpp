// RELU and RELU6 (TFLM activations.cc / activations_common.cc).
//
// RELU on int8/int16 requantizes from the input to the output quantization
// (MultiplyByQuantizedMultiplier) and clamps at the output's zero point.
// RELU6 on int8/int16 clamps the raw input values to [zero, six] of the
// *input* quantization and copies them; TFLM ignores the output quantization
// there, and so do we (with a warning when the two differ).
#include <cmath>

#include "UnaryOp.h"

namespace ember {
namespace {

struct ReluParams {
    DType dtype = DType::Float32;
    int32_t inZp = 0, outZp = 0;
    int32_t multiplier = 0;
    int shift = 0;
    int32_t actMin = 0, actMax = 0;  // RELU: clamp of the requantized value; RELU6: input-domain [zero, six]
};

bool checkTypes(Graph &g, Op &op, Diagnostics &d) {
    if (!unary::checkActivationTypes(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    if (in.dtype == DType::Float32) return true;
    return unary::checkPerTensorQuant(g, op, d, op.inputs[0]) && unary::checkPerTensorQuant(g, op, d, op.outputs[0]);
}

bool prepareRelu(Graph &g, Op &op, Diagnostics &d) {
    if (!checkTypes(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    ReluParams p;
    p.dtype = in.dtype;
    if (in.dtype != DType::Float32) {
        if (in.dtype == DType::Int16 && (in.quant.zp() != 0 || out.quant.zp() != 0))
            return unary::fail(g, op, d, "int16 RELU needs zero points of 0 on input and output (symmetric "
                                         "int16 quantization); re-export the model", op.inputs[0]);
        quantizeMultiplier(double(in.quant.sc()) / double(out.quant.sc()), &p.multiplier, &p.shift);
        p.inZp = in.quant.zp();
        p.outZp = out.quant.zp();
        // act_min = 0 quantized; act_max = +inf, i.e. the type's maximum.
        p.actMin = std::max(dtypeMin(in.dtype), p.outZp + int32_t(std::round(0.0f / out.quant.sc())));
        p.actMax = dtypeMax(in.dtype);
    }
    op.params = p;
    return true;
}

// tflite FloatToQuantizedType: round(value / scale) + zp, clamped to the type.
int32_t floatToQuantized(float value, const Tensor &t) {
    const int32_t r = int32_t(std::round(value / t.quant.sc())) + t.quant.zp();
    return std::min(dtypeMax(t.dtype), std::max(dtypeMin(t.dtype), r));
}

bool prepareRelu6(Graph &g, Op &op, Diagnostics &d) {
    if (!checkTypes(g, op, d)) return false;
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    ReluParams p;
    p.dtype = in.dtype;
    if (in.dtype != DType::Float32) {
        p.actMin = in.quant.zp();
        p.actMax = floatToQuantized(6.0f, in);
        if (in.quant.sc() != out.quant.sc() || in.quant.zp() != out.quant.zp()) {
            Diagnostic &w = d.warning("input and output quantization differ but RELU6 copies quantized values "
                                      "unchanged (as TFLite Micro does); re-export the model if the output "
                                      "looks wrong");
            w.opIndex = op.index;
            w.opName = op.typeName;
            w.tensor = out.name;
        }
    }
    op.params = p;
    return true;
}

template <class T>
void evalQuantized(const ReluParams &p, bool six, const T *in, T *out, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
        const int32_t v = in[i];
        if (six) {
            out[i] = T(v > p.actMax ? p.actMax : (v < p.actMin ? p.actMin : v));
            continue;
        }
        int32_t r = p.outZp + multiplyByQuantizedMultiplier(v - p.inZp, p.multiplier, p.shift);
        r = std::min(p.actMax, std::max(p.actMin, r));
        out[i] = T(r);
    }
}

void evalImpl(const Graph &g, const Op &op, Buffers &b, bool six) {
    const auto &p = std::any_cast<const ReluParams &>(op.params);
    const int64_t n = g.in(op, 0).elements();
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Int8) {
        evalQuantized(p, six, reinterpret_cast<const int8_t *>(src), reinterpret_cast<int8_t *>(dst), n);
    } else if (p.dtype == DType::Int16) {
        evalQuantized(p, six, reinterpret_cast<const int16_t *>(src), reinterpret_cast<int16_t *>(dst), n);
    } else {
        const auto *in = reinterpret_cast<const float *>(src);
        auto *out = reinterpret_cast<float *>(dst);
        for (int64_t i = 0; i < n; ++i) {
            const float v = in[i];
            out[i] = six ? (v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v)) : (v < 0.0f ? 0.0f : v);
        }
    }
}

void evalRelu(const Graph &g, const Op &op, Buffers &b) { evalImpl(g, op, b, false); }
void evalRelu6(const Graph &g, const Op &op, Buffers &b) { evalImpl(g, op, b, true); }

void emitImpl(const Graph &g, const Op &op, EmitContext &ctx, bool six) {
    const auto &p = std::any_cast<const ReluParams &>(op.params);
    const Tensor &in = g.in(op, 0);
    const std::string n = ctx.inputCount(0, in.shape);  // a literal unless --dim
    const std::string name = six ? "RELU6" : "RELU";
    const std::string ct = dtypeCType(p.dtype);
    const std::string &x = ctx.inputs[0], &y = ctx.outputs[0];
    if (p.dtype == DType::Float32) {
        ctx.line("/* " + name + " float32 " + shapeString(in.shape) + " */");
        ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
        ctx.line("float v = " + x + "[i];", 2);
        if (six)
            ctx.line(y + "[i] = v > 6.0f ? 6.0f : (v < 0.0f ? 0.0f : v);", 2);
        else
            ctx.line(y + "[i] = v < 0.0f ? 0.0f : v;", 2);
        ctx.line("}");
        return;
    }
    if (six) {
        ctx.line("/* RELU6 " + ct + " " + shapeString(in.shape) + ": clamp raw values to [" +
                 std::to_string(p.actMin) + ", " + std::to_string(p.actMax) + "] (0 and 6 in the input scale) */");
        ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
        ctx.line("int32_t v = " + x + "[i];", 2);
        ctx.line(y + "[i] = (" + ct + ")(v > " + cInt(p.actMax) + " ? " + cInt(p.actMax) + " : (v < " +
                     cInt(p.actMin) + " ? " + cInt(p.actMin) + " : v));",
                 2);
        ctx.line("}");
        return;
    }
    useHelper(ctx, "ember_clamp");
    // Equal scales give multiplier 2^30, shift 1, which is exactly the identity.
    const bool identity = p.multiplier == (1 << 30) && p.shift == 1;
    ctx.line("/* RELU " + ct + " " + shapeString(in.shape) + ": requantize zp " + std::to_string(p.inZp) + " -> " +
             std::to_string(p.outZp) + (identity ? " (same scale)" : ", x " + std::to_string(p.multiplier) +
                                                                         " * 2^" + std::to_string(p.shift)) +
             ", clamp [" + std::to_string(p.actMin) + ", " + std::to_string(p.actMax) + "] */");
    ctx.line("for (int32_t i = 0; i < " + n + "; ++i) {");
    std::string v = "(int32_t)" + x + "[i] - " + cInt(p.inZp);
    if (!identity) {
        useHelper(ctx, "ember_mbqm");
        v = "ember_mbqm(" + v + ", " + cInt(p.multiplier) + ", " + std::to_string(p.shift) + ")";
    }
    ctx.line("int32_t v = " + cInt(p.outZp) + " + " + v + ";", 2);
    ctx.line(y + "[i] = (" + ct + ")ember_clamp(v, " + cInt(p.actMin) + ", " + cInt(p.actMax) + ");", 2);
    ctx.line("}");
}

void emitRelu(const Graph &g, const Op &op, EmitContext &ctx) { emitImpl(g, op, ctx, false); }
void emitRelu6(const Graph &g, const Op &op, EmitContext &ctx) { emitImpl(g, op, ctx, true); }

}  // namespace

const OpKernel kRelu = {OpType::Relu, prepareRelu, evalRelu, emitRelu, nullptr, "int8, int16, float32"};
const OpKernel kRelu6 = {OpType::Relu6, prepareRelu6, evalRelu6, emitRelu6, nullptr, "int8, int16, float32"};

}  // namespace ember
