// SVDF: a rank-decomposed 1-D convolution over time with its own memory.
// Inputs: input [batch, input_size], weights_feature [num_filters,
// input_size], weights_time [num_filters, memory_size], optional bias
// [num_units] (num_units = num_filters / rank) and the activation state
// [batch, memory_size * num_filters], a variable tensor read and written in
// place. Each call shifts the state left by one element, writes the feature
// projection of the input into every filter's newest slot, takes each
// filter's dot product with its time weights, sums the `rank` filters of a
// unit, adds the bias and applies the activation. Bit-exact with TFLM's
// svdf_common.cc (EvalIntegerSvdfReference, EvalFloatSvdfReference):
//   int8: int8 input and weights_feature, int16 (or int8) weights_time and
//         state of the same type, int32 bias, int8 output; the fused
//         activation is ignored, as TFLM's integer kernel does;
//   float32: everything float32.
// Integer sums wrap like the int32 arithmetic of TFLM's kernel.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "Common.h"
#include "OpError.h"

namespace ember {

extern const OpKernel kSvdf;

namespace {

struct Params {
    int batch = 0, inputSize = 0, numFilters = 0, numUnits = 0, rank = 1, memory = 0;
    DType state = DType::Float32;  // Float32, Int8 or Int16 (also weights_time's type)
    bool hasBias = false;
    Activation act = Activation::None;  // float32 only
    int32_t inputZp = 0, stateZp = 0, outputZp = 0;
    int32_t mult1 = 0, mult2 = 0;  // input*features -> state, state*time -> output
    int shift1 = 0, shift2 = 0;
    int32_t stateMin = 0, stateMax = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) { return opError(d, g, op, msg, tensor); };
    if (op.inputs.size() != 5 || op.outputs.size() != 1)
        return fail("expects 5 inputs (input, weights_feature, weights_time, bias or -1, activation_state) and 1 "
                    "output but has " +
                    std::to_string(op.inputs.size()) + " and " + std::to_string(op.outputs.size()));
    for (size_t i : {size_t(0), size_t(1), size_t(2), size_t(4)})
        if (!g.hasInput(op, i)) return fail("input " + std::to_string(i) + " is missing; only the bias is optional");
    const Tensor &in = g.in(op, 0), &wf = g.in(op, 1), &wt = g.in(op, 2), &st = g.in(op, 4);
    const Tensor &out = g.out(op);
    const bool hasBias = g.hasInput(op, 3);
    Params p;
    p.rank = op.attrs.svdfRank;
    if (p.rank < 1) return fail("rank " + std::to_string(p.rank) + " must be at least 1; the model is damaged");
    if (in.shape.size() != 2)
        return fail("input must be 2-D [batch, input_size] but has shape " + shapeString(in.shape), op.inputs[0]);
    if (wf.shape.size() != 2)
        return fail("weights_feature must be 2-D [num_filters, input_size] but has shape " + shapeString(wf.shape),
                    op.inputs[1]);
    if (wt.shape.size() != 2)
        return fail("weights_time must be 2-D [num_filters, memory_size] but has shape " + shapeString(wt.shape),
                    op.inputs[2]);
    p.batch = in.shape[0];
    p.inputSize = in.shape[1];
    p.numFilters = wf.shape[0];
    p.memory = wt.shape[1];
    if (p.batch < 1 || p.inputSize < 1 || p.numFilters < 1 || p.memory < 1)
        return fail("input " + shapeString(in.shape) + ", weights_feature " + shapeString(wf.shape) +
                    " and weights_time " + shapeString(wt.shape) + " must have no empty dimension");
    if (p.numFilters % p.rank != 0)
        return fail("weights_feature has " + std::to_string(p.numFilters) + " filters, not a multiple of rank " +
                        std::to_string(p.rank),
                    op.inputs[1]);
    p.numUnits = p.numFilters / p.rank;
    if (in.dtype != DType::Float32 && in.dtype != DType::Int8)
        return fail(std::string("input type ") + dtypeName(in.dtype) + " is not supported (TFLM: int8 or float32)",
                    op.inputs[0]);
    if (!checkOutputShape(d, g, op, op.outputs[0], {p.batch, p.numUnits})) return false;
    if (wf.shape[1] != p.inputSize)
        return fail("weights_feature " + shapeString(wf.shape) + " does not match the input size " +
                        std::to_string(p.inputSize),
                    op.inputs[1]);
    if (wt.shape[0] != p.numFilters)
        return fail("weights_time " + shapeString(wt.shape) + " must have one row per filter (" +
                        std::to_string(p.numFilters) + ")",
                    op.inputs[2]);
    if (hasBias) {
        const Tensor &bias = g.in(op, 3);
        if (bias.shape.empty() || bias.shape[0] != p.numUnits || bias.elements() < p.numUnits)
            return fail("bias " + shapeString(bias.shape) + " must have num_units (" + std::to_string(p.numUnits) +
                            ") elements",
                        op.inputs[3]);
    }
    if (st.shape != Shape{p.batch, p.memory * p.numFilters})
        return fail("activation_state has shape " + shapeString(st.shape) + " but must be [batch, memory_size * " +
                        "num_filters] = " + shapeString({p.batch, p.memory * p.numFilters}),
                    op.inputs[4]);
    // TFLM's kernel (at 90b983c2) uses the bias unconditionally.
    if (!hasBias) return fail("SVDF without a bias is not supported (TFLM requires one); give it a zero bias");
    if (!st.isVariable)
        return fail("activation_state must be a variable tensor (is_variable); re-export the model", op.inputs[4]);
    for (size_t i : {size_t(1), size_t(2), size_t(3)})
        if (g.hasInput(op, i) && !g.in(op, i).isConst)
            return fail("input " + std::to_string(i) + " must be a constant tensor", op.inputs[i]);

    if (in.dtype == DType::Int8) {
        if (wf.dtype != DType::Int8)
            return fail(std::string("weights_feature is ") + dtypeName(wf.dtype) + "; an int8 SVDF needs int8",
                        op.inputs[1]);
        if (wt.dtype != DType::Int16 && wt.dtype != DType::Int8)
            return fail(std::string("weights_time is ") + dtypeName(wt.dtype) +
                            "; an int8 SVDF needs int16 or int8",
                        op.inputs[2]);
        // TFLM picks the kernel by weights_time's type and reads the state
        // with it, so the two must agree.
        if (st.dtype != wt.dtype)
            return fail(std::string("activation_state is ") + dtypeName(st.dtype) + " but weights_time is " +
                            dtypeName(wt.dtype) + "; they must have the same type",
                        op.inputs[4]);
        const Tensor &bias = g.in(op, 3);
        if (bias.dtype != DType::Int32)
            return fail(std::string("bias is ") + dtypeName(bias.dtype) + "; an int8 SVDF needs int32", op.inputs[3]);
        if (out.dtype != DType::Int8)
            return fail(std::string("output is ") + dtypeName(out.dtype) + "; an int8 SVDF produces int8",
                        op.outputs[0]);
        for (int t : {op.inputs[0], op.inputs[1], op.inputs[2], op.inputs[4], op.outputs[0]})
            if (!hasPerTensorQuant(g.tensors[size_t(t)]))
                return fail("tensor needs one positive quantization scale", t);
        // TFLM computes both scales in float, then widens.
        const float sIn = in.quant.sc(), sWf = wf.quant.sc(), sWt = wt.quant.sc(), sSt = st.quant.sc(),
                    sOut = out.quant.sc();
        const float stateTimesTime = sSt * sWt;
        if (!(std::abs(double(bias.quant.sc()) - double(stateTimesTime)) < 1e-5))
            return fail("bias scale must equal activation_state scale times weights_time scale; re-export the model",
                        op.inputs[3]);
        quantizeMultiplier(double(sIn * sWf / sSt), &p.mult1, &p.shift1);
        quantizeMultiplier(double(stateTimesTime / sOut), &p.mult2, &p.shift2);
        p.inputZp = in.quant.zp();
        p.stateZp = st.quant.zp();
        p.outputZp = out.quant.zp();
        p.stateMin = dtypeMin(st.dtype);
        p.stateMax = dtypeMax(st.dtype);
    } else {
        for (int i : {1, 2, 4})
            if (g.in(op, size_t(i)).dtype != DType::Float32)
                return fail(std::string(i == 1 ? "weights_feature" : i == 2 ? "weights_time" : "activation_state") +
                                " is " + dtypeName(g.in(op, size_t(i)).dtype) +
                                " with a float32 input; hybrid SVDF is not supported (TFLM refuses it): "
                                "quantize the whole model to int8 or keep it float32",
                            op.inputs[size_t(i)]);
        if (hasBias && g.in(op, 3).dtype != DType::Float32)
            return fail("bias must be float32 for a float32 SVDF", op.inputs[3]);
        if (out.dtype != DType::Float32)
            return fail(std::string("output is ") + dtypeName(out.dtype) + "; a float32 SVDF produces float32",
                        op.outputs[0]);
        p.act = op.attrs.activation;
    }
    p.state = st.dtype;
    p.hasBias = hasBias;
    op.params = p;
    return true;
}

float activate(Activation a, float v) {
    switch (a) {
    case Activation::Relu: return std::max(0.f, v);
    case Activation::ReluN1To1: return std::max(-1.f, std::min(v, 1.f));
    case Activation::Relu6: return std::max(0.f, std::min(v, 6.f));
    case Activation::Tanh: return std::tanh(v);
    case Activation::SignBit: return std::signbit(v) ? 1.f : 0.f;
    default: return v;
    }
}

void shiftState(uint8_t *state, size_t elements, size_t elemBytes) {
    if (elements > 1) std::memmove(state, state + elemBytes, (elements - 1) * elemBytes);
}

void evalFloat(const Params &p, const float *in, const float *wf, const float *wt, const float *bias, float *state,
               float *out) {
    const int F = p.numFilters, M = p.memory;
    for (int b = 0; b < p.batch; ++b)
        for (int f = 0; f < F; ++f) {
            float acc = 0.f;
            for (int k = 0; k < p.inputSize; ++k) acc += wf[f * p.inputSize + k] * in[b * p.inputSize + k];
            state[(int64_t(b) * F + f) * M + M - 1] = acc;
        }
    for (int b = 0; b < p.batch; ++b)
        for (int u = 0; u < p.numUnits; ++u) {
            float acc = bias ? bias[u] : 0.f;
            for (int r = 0; r < p.rank; ++r) {
                const int f = u * p.rank + r;
                float dot = 0.f;
                for (int m = 0; m < M; ++m) dot += wt[f * M + m] * state[(int64_t(b) * F + f) * M + m];
                acc += dot;
            }
            out[b * p.numUnits + u] = activate(p.act, acc);
        }
}

template <class T>
void evalInt(const Params &p, const int8_t *in, const int8_t *wf, const T *wt, const int32_t *bias, T *state,
             int8_t *out) {
    const int F = p.numFilters, M = p.memory;
    for (int b = 0; b < p.batch; ++b)
        for (int f = 0; f < F; ++f) {
            uint32_t acc = 0;
            for (int k = 0; k < p.inputSize; ++k)
                acc += uint32_t(int32_t(wf[f * p.inputSize + k]) * (int32_t(in[b * p.inputSize + k]) - p.inputZp));
            // TFLM clamps to the state type first and adds the zero point
            // after, wrapping when it narrows the sum back to the state type.
            const int32_t v = std::clamp(multiplyByQuantizedMultiplier(int32_t(acc), p.mult1, p.shift1),
                                         p.stateMin, p.stateMax);
            state[(int64_t(b) * F + f) * M + M - 1] = T(v + p.stateZp);
        }
    for (int b = 0; b < p.batch; ++b)
        for (int u = 0; u < p.numUnits; ++u) {
            uint32_t acc = bias ? uint32_t(bias[u]) : 0u;
            for (int r = 0; r < p.rank; ++r) {
                const int f = u * p.rank + r;
                for (int m = 0; m < M; ++m)
                    acc += uint32_t(int32_t(wt[f * M + m]) *
                                    (int32_t(state[(int64_t(b) * F + f) * M + m]) - p.stateZp));
            }
            const int32_t v = multiplyByQuantizedMultiplier(int32_t(acc), p.mult2, p.shift2) + p.outputZp;
            out[b * p.numUnits + u] = int8_t(std::clamp(v, -128, 127));
        }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *in = b[size_t(op.inputs[0])].data(), *wf = b[size_t(op.inputs[1])].data(),
                  *wt = b[size_t(op.inputs[2])].data();
    const uint8_t *bias = g.hasInput(op, 3) ? b[size_t(op.inputs[3])].data() : nullptr;
    std::vector<uint8_t> &st = b[size_t(op.inputs[4])];  // the variable: updated in place
    uint8_t *out = b[size_t(op.outputs[0])].data();
    shiftState(st.data(), st.size() / dtypeSize(p.state), dtypeSize(p.state));
    switch (p.state) {
    case DType::Float32:
        evalFloat(p, reinterpret_cast<const float *>(in), reinterpret_cast<const float *>(wf),
                  reinterpret_cast<const float *>(wt), reinterpret_cast<const float *>(bias),
                  reinterpret_cast<float *>(st.data()), reinterpret_cast<float *>(out));
        break;
    case DType::Int16:
        evalInt<int16_t>(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<const int8_t *>(wf),
                         reinterpret_cast<const int16_t *>(wt), reinterpret_cast<const int32_t *>(bias),
                         reinterpret_cast<int16_t *>(st.data()), reinterpret_cast<int8_t *>(out));
        break;
    default:
        evalInt<int8_t>(p, reinterpret_cast<const int8_t *>(in), reinterpret_cast<const int8_t *>(wf),
                        reinterpret_cast<const int8_t *>(wt), reinterpret_cast<const int32_t *>(bias),
                        reinterpret_cast<int8_t *>(st.data()), reinterpret_cast<int8_t *>(out));
        break;
    }
}

std::string n(int64_t v) { return std::to_string(v); }
// " + v" / " - |v|" / "" for adding a constant in C.
std::string plus(int64_t v) { return v == 0 ? "" : v > 0 ? " + " + n(v) : " - " + n(-v); }

// The float activation as a C expression of `v` (TFLM's ActivationValFloat).
std::string activationExpr(Activation a, const std::string &v) {
    switch (a) {
    // std::max(lo, x) is (lo < x ? x : lo); std::min(x, hi) is (hi < x ? hi : x).
    case Activation::Relu: return "0.0f < " + v + " ? " + v + " : 0.0f";
    case Activation::ReluN1To1:
        return "(1.0f < " + v + " ? 1.0f : " + v + ") > -1.0f ? (1.0f < " + v + " ? 1.0f : " + v + ") : -1.0f";
    case Activation::Relu6:
        return "(6.0f < " + v + " ? 6.0f : " + v + ") > 0.0f ? (6.0f < " + v + " ? 6.0f : " + v + ") : 0.0f";
    case Activation::Tanh: return "tanhf(" + v + ")";
    case Activation::SignBit: return "signbit(" + v + ") ? 1.0f : 0.0f";
    default: return v;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const bool isFloat = p.state == DType::Float32;
    const std::string S = dtypeCType(p.state);
    const std::string X = isFloat ? "float" : "int8_t";
    const int64_t F = p.numFilters, M = p.memory, N = int64_t(p.batch) * F * M;
    const std::string &in = ctx.inputs[0], &wf = ctx.inputs[1], &wt = ctx.inputs[2], &state = ctx.inputs[4];
    const std::string bias = p.hasBias ? ctx.inputs[3] : "";
    ctx.line("/* SVDF input " + shapeString(g.in(op, 0).shape) + ", " + n(F) + " filters of rank " + n(p.rank) +
             " -> " + n(p.numUnits) + " units, memory " + n(M) + "; the state " + shapeString(g.in(op, 4).shape) +
             " (" + S + ") is updated in place.");
    if (isFloat)
        ctx.line(" * float32, activation " + std::string(activationName(p.act)) + " */");
    else
        ctx.line(" * feature: (x" + plus(-p.inputZp) + ") . weights, * " + n(p.mult1) + " * 2^" + n(p.shift1) +
                 ", clamped, " + n(p.stateZp) + " added; time: (state" + plus(-p.stateZp) + ") . weights + bias, * " +
                 n(p.mult2) + " * 2^" + n(p.shift2) + plus(p.outputZp) + (op.attrs.activation != Activation::None
                                                                            ? "; the fused activation is not applied "
                                                                              "(TFLM's integer kernel ignores it) */"
                                                                            : " */"));
    if (!isFloat) useHelper(ctx, "ember_mbqm");
    if (!isFloat) useHelper(ctx, "ember_clamp");
    // Shift the whole state left by one element (the filters' newest slots
    // are overwritten below).
    if (N > 1) ctx.line("memmove(" + state + ", " + state + " + 1, " + n(N - 1) + " * sizeof(" + S + "));");
    int ind = 1;
    // Feature projection into each filter's newest slot.
    if (p.batch > 1) ctx.line("for (int32_t b = 0; b < " + n(p.batch) + "; ++b) {", ind++);
    // Index of filter f's row of the state (batch b's rows follow batch b-1's).
    const std::string row = p.batch > 1 ? "(b * " + n(F) + " + f)" : "f";
    ctx.line("for (int32_t f = 0; f < " + n(F) + "; ++f) {", ind++);
    ctx.line("const " + X + " *x = " + in + (p.batch > 1 ? " + b * " + n(p.inputSize) : "") + ";", ind);
    ctx.line("const " + X + " *w = " + wf + " + f * " + n(p.inputSize) + ";", ind);
    if (isFloat) {
        ctx.line("float acc = 0.0f;", ind);
        ctx.line("for (int32_t k = 0; k < " + n(p.inputSize) + "; ++k) acc += w[k] * x[k];", ind);
        ctx.line(state + "[" + row + " * " + n(M) + " + " + n(M - 1) + "] = acc;", ind);
    } else {
        ctx.line("uint32_t acc = 0;", ind);
        ctx.line("for (int32_t k = 0; k < " + n(p.inputSize) + "; ++k) acc += (uint32_t)((int32_t)w[k] * ((int32_t)x[k]" +
                     plus(-p.inputZp) + "));",
                 ind);
        // Clamped to the state type, then the zero point added and the sum
        // wrapped into the state type (as TFLM's narrowing store does).
        const int bits = int(dtypeSize(p.state)) * 8;
        const std::string half = n(int64_t(1) << (bits - 1)), mask = n((int64_t(1) << bits) - 1);
        ctx.line("const int32_t v = ember_clamp(ember_mbqm((int32_t)acc, " + n(p.mult1) + ", " + n(p.shift1) +
                     "), " + n(p.stateMin) + ", " + n(p.stateMax) + ")" + plus(p.stateZp) + ";",
                 ind);
        ctx.line(state + "[" + row + " * " + n(M) + " + " + n(M - 1) + "] = (" + S + ")(((v + " + half + ") & " +
                     mask + ") - " + half + ");",
                 ind);
    }
    while (ind > 1) ctx.line("}", --ind);
    // Time weights, rank reduction, bias, output.
    if (p.batch > 1) ctx.line("for (int32_t b = 0; b < " + n(p.batch) + "; ++b) {", ind++);
    ctx.line("for (int32_t u = 0; u < " + n(p.numUnits) + "; ++u) {", ind++);
    const std::string A = isFloat ? "float" : "uint32_t";
    ctx.line(A + " acc = " + (p.hasBias ? (isFloat ? bias + "[u]" : "(uint32_t)" + bias + "[u]") : isFloat ? "0.0f" : "0")
             + ";", ind);
    if (p.rank > 1) {
        ctx.line("for (int32_t r = 0; r < " + n(p.rank) + "; ++r) {", ind++);
        ctx.line("const int32_t f = u * " + n(p.rank) + " + r;", ind);
    } else {
        ctx.line("{", ind++);
        ctx.line("const int32_t f = u;", ind);
    }
    ctx.line("const " + S + " *w = " + wt + " + f * " + n(M) + ";", ind);
    ctx.line("const " + S + " *s = " + state + " + " + row + " * " + n(M) + ";", ind);
    if (isFloat) {
        ctx.line("float dot = 0.0f;", ind);
        ctx.line("for (int32_t m = 0; m < " + n(M) + "; ++m) dot += w[m] * s[m];", ind);
        ctx.line("acc += dot;", ind);
    } else {
        ctx.line("for (int32_t m = 0; m < " + n(M) + "; ++m) acc += (uint32_t)((int32_t)w[m] * ((int32_t)s[m]" +
                     plus(-p.stateZp) + "));",
                 ind);
    }
    ctx.line("}", --ind);
    const std::string y = ctx.outputs[0] + "[" + (p.batch > 1 ? "b * " + n(p.numUnits) + " + " : "") + "u]";
    if (isFloat) {
        ctx.line(y + " = " + activationExpr(p.act, "acc") + ";", ind);
    } else {
        ctx.line(y + " = (int8_t)ember_clamp(ember_mbqm((int32_t)acc, " + n(p.mult2) + ", " + n(p.shift2) + ")" +
                     plus(p.outputZp) + ", -128, 127);",
                 ind);
    }
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    const Tensor &in = g.in(op, 0), &wf = g.in(op, 1), &wt = g.in(op, 2);
    if (in.shape.size() != 2 || wf.shape.size() != 2 || wt.shape.size() != 2) return 0;
    return int64_t(in.shape[0]) * wf.shape[0] * (int64_t(in.shape[1]) + wt.shape[1]);
}

}  // namespace

const OpKernel kSvdf = {OpType::Svdf, prepare, eval, emit, macs, "int8 (int16 or int8 state), float32"};

}  // namespace ember
