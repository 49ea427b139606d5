// L2_NORMALIZATION along the last axis (ranks up to 4; float32 and int8),
// bit-exact with TFLM's reference kernels:
//  - float32 (reference_ops::L2Normalization): x / max(sqrt(sum x^2), 1e-6),
//    the sum in ascending order,
//  - int8 (reference_integer_ops::L2Normalization): the sum of squared
//    (x - zero point) gives a fixed-point 1/sqrt (GetInvSqrtQuantizedMultiplierExp,
//    Newton-Raphson in gemmlowp Q3.28); outputs are in 1/128 units, zero
//    point 0, whatever the output tensor's quantization says (as TFLM).
// No fused activation (TFLM refuses any).
#include <cmath>

#include "Common.h"
#include "FixedPoint.h"
#include "OpError.h"

namespace ember {
namespace {

struct Params {
    DType dtype = DType::Float32;
    int64_t outer = 1;
    int depth = 1;
    int32_t zeroPoint = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || !g.hasInput(op, 0) || op.outputs[0] < 0)
        return opError(d, g, op, "L2 normalization expects 1 input and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op);
    if (in.shape.size() > 4 || in.shape.empty())
        return opError(d, g, op, "L2 normalization supports ranks 1 to 4, the input is " + shapeString(in.shape),
                       op.inputs[0]);
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return opError(d, g, op,
                       std::string("L2 normalization of ") + dtypeName(in.dtype) +
                           " is not supported; use float32 or int8",
                       op.inputs[0]);
    if (in.dtype != out.dtype)
        return opError(d, g, op, "L2 normalization needs the same input and output type", op.outputs[0]);
    if (op.attrs.activation != Activation::None)
        return opError(d, g, op,
                       std::string("fused activation ") + activationName(op.attrs.activation) +
                           " is not supported on L2 normalization (TFLite Micro refuses it); re-export without it");
    if (!checkOutputShape(d, g, op, op.outputs[0], in.shape)) return false;
    Params p;
    p.dtype = in.dtype;
    p.depth = in.shape.back();
    p.outer = p.depth > 0 ? in.elements() / p.depth : 0;
    if (in.dtype == DType::Int8) {
        if (in.quant.empty())
            return opError(d, g, op, "int8 input has no quantization; re-export the model", op.inputs[0]);
        p.zeroPoint = in.quant.zp();
    }
    op.params = p;
    return true;
}

// tflite::GetInvSqrtQuantizedMultiplierExp with reverse_shift -1: a Q0.31
// multiplier and left shift for 1/sqrt(input).
void invSqrt(int32_t input, int32_t *multiplier, int *shift) {
    if (input <= 1) {
        *multiplier = INT32_MAX;
        *shift = 0;
        return;
    }
    int s = 11;
    while (input >= (1 << 29)) {
        input /= 4;
        ++s;
    }
    int clz = 0;
    while (!(uint32_t(input) & (0x80000000u >> clz))) ++clz;
    const int pairs = (clz - 1) / 2 - 1;
    s -= pairs;
    input <<= 2 * pairs;
    const int32_t halfInput = roundingDivideByPOT(input >> 1, 1);  // F3, halved
    const int32_t halfThree = (1 << 28) + (1 << 27);
    int32_t x = 1 << 28;  // F3 one
    for (int i = 0; i < 5; ++i) {
        const int32_t x3 = fx::mulByPOT(
            saturatingRoundingDoublingHighMul(saturatingRoundingDoublingHighMul(x, x), x), 6);
        const int32_t diff = int32_t(uint32_t(saturatingRoundingDoublingHighMul(halfThree, x)) -
                                     uint32_t(saturatingRoundingDoublingHighMul(halfInput, x3)));
        x = fx::mulByPOT(diff, 3);
    }
    x = saturatingRoundingDoublingHighMul(x, 1518500250);  // * sqrt(2)/2
    if (s < 0) {
        x = int32_t(uint32_t(x) << -s);
        s = 0;
    }
    *multiplier = x;
    *shift = -s;
}

void eval(const Graph &, const Op &op, Buffers &buf) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *inB = buf[size_t(op.inputs[0])].data();
    uint8_t *outB = buf[size_t(op.outputs[0])].data();
    for (int64_t i = 0; i < p.outer; ++i) {
        if (p.dtype == DType::Float32) {
            const auto *x = reinterpret_cast<const float *>(inB) + i * p.depth;
            auto *y = reinterpret_cast<float *>(outB) + i * p.depth;
            float sum = 0.f;
            for (int c = 0; c < p.depth; ++c) sum += x[c] * x[c];
            const float norm = std::max(std::sqrt(sum), 1e-6f);
            for (int c = 0; c < p.depth; ++c) y[c] = x[c] / norm;
        } else {
            const auto *x = reinterpret_cast<const int8_t *>(inB) + i * p.depth;
            auto *y = reinterpret_cast<int8_t *>(outB) + i * p.depth;
            int32_t acc = 0;
            for (int c = 0; c < p.depth; ++c) acc += (x[c] - p.zeroPoint) * (x[c] - p.zeroPoint);
            int32_t m;
            int s;
            invSqrt(acc, &m, &s);
            for (int c = 0; c < p.depth; ++c) {
                const int32_t v = multiplyByQuantizedMultiplier(x[c] - p.zeroPoint, m, s + 7);
                y[c] = int8_t(std::min(127, std::max(-128, v)));
            }
        }
    }
}

// " - zp" (nothing for 0) as C.
std::string minusZeroPoint(int32_t zp) {
    if (zp == 0) return "";
    return zp > 0 ? " - " + cInt(zp) : " + " + cInt(-int64_t(zp));
}

void useInvSqrtHelper(EmitContext &ctx) {
    useHelper(ctx, "ember_srdhm");
    useHelper(ctx, "ember_rdbpot");
    fx::useFxHelper(ctx, "ember_satshl");
    fx::useFxHelper(ctx, "ember_clz32");
    ctx.addHelper("ember_inv_sqrt",
                  "/* tflite GetInvSqrtQuantizedMultiplierExp (reverse shift -1): 1/sqrt(input)\n"
                  "   as a Q0.31 multiplier and left shift; Newton-Raphson in gemmlowp Q3.28 */\n"
                  "static void ember_inv_sqrt(int32_t input, int32_t *multiplier, int *shift)\n"
                  "{\n"
                  "    int s = 11, pairs, i;\n"
                  "    int32_t half_input, x;\n"
                  "    if (input <= 1) {\n"
                  "        *multiplier = INT32_MAX;\n"
                  "        *shift = 0;\n"
                  "        return;\n"
                  "    }\n"
                  "    while (input >= (1 << 29)) {\n"
                  "        input /= 4;\n"
                  "        ++s;\n"
                  "    }\n"
                  "    pairs = (ember_clz32((uint32_t)input) - 1) / 2 - 1;\n"
                  "    s -= pairs;\n"
                  "    input = (int32_t)((uint32_t)input << (2 * pairs));\n"
                  "    half_input = ember_rdbpot(input >> 1, 1);\n"
                  "    x = 1 << 28;\n"
                  "    for (i = 0; i < 5; ++i) {\n"
                  "        int32_t x3 = ember_satshl(ember_srdhm(ember_srdhm(x, x), x), 6);\n"
                  "        int32_t diff = (int32_t)((uint32_t)ember_srdhm((1 << 28) + (1 << 27), x) -\n"
                  "                                 (uint32_t)ember_srdhm(half_input, x3));\n"
                  "        x = ember_satshl(diff, 3);\n"
                  "    }\n"
                  "    x = ember_srdhm(x, 1518500250);\n"
                  "    if (s < 0) {\n"
                  "        x = (int32_t)((uint32_t)x << -s);\n"
                  "        s = 0;\n"
                  "    }\n"
                  "    *multiplier = x;\n"
                  "    *shift = -s;\n"
                  "}\n");
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string outer = cInt(p.outer), depth = cInt(p.depth);
    ctx.line("/* L2_NORMALIZATION " + std::string(dtypeName(p.dtype)) + " " + shapeString(g.in(op, 0).shape) +
             " along the last axis" +
             (p.dtype == DType::Int8 ? "; input zero point " + cInt(p.zeroPoint) + ", output in 1/128 units" : "") +
             " */");
    ctx.line("for (int32_t i = 0; i < " + outer + "; ++i) {");
    if (p.dtype == DType::Float32) {
        ctx.line("const float *x = " + ctx.inputs[0] + " + i * " + depth + ";", 2);
        ctx.line("float *y = " + ctx.outputs[0] + " + i * " + depth + ";", 2);
        ctx.line("float sum = 0.0f, norm;", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) sum += x[c] * x[c];", 2);
        ctx.line("norm = sqrtf(sum);", 2);
        ctx.line("norm = norm > 1e-6f ? norm : 1e-6f;", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) y[c] = x[c] / norm;", 2);
    } else {
        useInvSqrtHelper(ctx);
        useHelper(ctx, "ember_mbqm");
        useHelper(ctx, "ember_clamp");
        const std::string zp = minusZeroPoint(p.zeroPoint);
        ctx.line("const int8_t *x = " + ctx.inputs[0] + " + i * " + depth + ";", 2);
        ctx.line("int8_t *y = " + ctx.outputs[0] + " + i * " + depth + ";", 2);
        ctx.line("int32_t acc = 0, m;", 2);
        ctx.line("int s;", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
        ctx.line("const int32_t v = (int32_t)x[c]" + zp + ";", 3);
        ctx.line("acc += v * v;", 3);
        ctx.line("}", 2);
        ctx.line("ember_inv_sqrt(acc, &m, &s);", 2);
        ctx.line("for (int32_t c = 0; c < " + depth + "; ++c) {", 2);
        ctx.line("y[c] = (int8_t)ember_clamp(ember_mbqm((int32_t)x[c]" + zp + ", m, s + 7), -128, 127);", 3);
        ctx.line("}", 2);
    }
    ctx.line("}");
}

}  // namespace

extern const OpKernel kL2Normalization;
const OpKernel kL2Normalization = {OpType::L2Normalization, prepare, eval, emit, nullptr, "float32, int8"};

}  // namespace ember
