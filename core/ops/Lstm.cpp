// UNIDIRECTIONAL_SEQUENCE_LSTM: the standard (Keras) LSTM over a sequence,
// bit-exact with TFLM's lstm_eval.h / lstm_eval_common.cc. TFLM supports only
// the plain LSTM: all four gates (no CIFG), no peephole, no projection, no
// layer normalisation; Ember refuses the same. Variants:
//   float32 (float cell state), int8 activations x int8 weights with an int16
//   cell state and int32 biases ("8x8->16"), int16 activations x int8
//   weights with an int16 cell state and int64 biases ("16x8->16").
// Per time step, as TFLM: each gate is FC(input) + FC(hidden) (quantized:
// both requantized to Q3.12 int16, summed with saturation), then sigmoid (the
// cell gate: the fused activation, tanh in practice); the cell state becomes
// forget * cell + input * cell_gate (clipped with cell_clip); the hidden
// state tanh(cell) * output; the hidden state is copied to the output.
// Inputs 18 (hidden/output state) and 19 (cell state) are variable tensors
// read and written in place.
#include <cmath>
#include <cstring>
#include <limits>

#include "Common.h"
#include "FixedPoint.h"
#include "OpError.h"

namespace ember {
namespace {

// TFLite's tensor indices (lstm_shared.h).
constexpr int kInput = 0;
constexpr int kInputWeights = 1;      // + gate: input, forget, cell, output
constexpr int kRecurrentWeights = 5;  // + gate
constexpr int kPeepholeFirst = 9, kPeepholeLast = 11;
constexpr int kBias = 12;             // + gate
constexpr int kProjectionWeights = 16, kProjectionBias = 17;
constexpr int kHiddenState = 18, kCellState = 19;
constexpr int kLayerNormFirst = 20, kLayerNormLast = 23;
constexpr int kInputCount = 24;

enum Gate { kGateInput = 0, kGateForget = 1, kGateCell = 2, kGateOutput = 3 };
const char *const kGateNames[4] = {"input", "forget", "cell", "output"};

// Gate activations as the C helpers number them.
enum GateAct { kActNone = 0, kActSigmoid = 1, kActTanh = 2 };

// TFLM's fixed scales of the gates: the FC outputs are Q3.12, the
// non-linearities' outputs Q0.15, both exact powers of two at TFLM 90b983c2
// (older TFLM spelled the second 0.00003051757, which is not 2^-15 as a
// float; int16 hidden states show the difference in about 2% of elements).
constexpr float kNonlinearInputScale = 0.000244140625f;
constexpr float kNonlinearOutputScale = 0.000030517578125f;

struct Requant {
    int32_t multiplier = 0;
    int shift = 0;
};

struct GateParams {
    Requant input, recurrent;  // the two FCs' requantization to Q3.12
    int32_t inputWeightsOffset = 0, recurrentWeightsOffset = 0;
};

struct Params {
    DType act = DType::Float32;  // activations (input, hidden state, output)
    int batch = 0, time = 0, inputDim = 0, units = 0;
    bool timeMajor = false;
    GateAct cellGateAct = kActTanh;
    float cellClip = 0.f;
    // Quantized only.
    GateParams gates[4];
    int32_t inputOffset = 0, hiddenOffset = 0;  // -zero point
    int32_t hiddenZp = 0, hiddenMin = 0, hiddenMax = 0;
    int16_t quantizedCellClip = 0;
    Requant forgetCellMul, inputCellMul, outputMul;
    int32_t tanhMultiplier = 0;  // the cell state's tanh input scaling
    int tanhShift = 0;

    int rows() const { return timeMajor ? batch : 1; }
    int sequences() const { return timeMajor ? 1 : batch; }
};

// tflite::GetQuantizedConvolutionMultipler: the scale product in float.
Requant fcRequant(float inputScale, float weightScale) {
    Requant r;
    const double m = double(inputScale * weightScale) / double(kNonlinearInputScale);
    quantizeMultiplier(m, &r.multiplier, &r.shift);
    return r;
}

// tflite CreateInterGateMulParams.
Requant mulRequant(float a, float b, float out) {
    Requant r;
    quantizeMultiplier(double(a) * double(b) / double(out), &r.multiplier, &r.shift);
    return r;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) { return opError(d, g, op, msg, tensor); };
    if (op.outputs.size() != 1) return fail("expects exactly 1 output");
    if (op.inputs.size() != size_t(kInputCount))
        return fail("expects 24 inputs (TFLite's LSTM layout) but has " + std::to_string(op.inputs.size()) +
                    "; re-export the model with the standard LSTM converter");
    auto has = [&](int i) { return g.hasInput(op, size_t(i)); };
    for (int i : {kInput, kHiddenState, kCellState})
        if (!has(i)) return fail("the " + std::string(i == kInput ? "input" : i == kHiddenState ? "output state"
                                                                                               : "cell state") +
                                 " tensor is missing");
    const Tensor &in = g.in(op, kInput), &hidden = g.in(op, kHiddenState), &cell = g.in(op, kCellState);
    const Tensor &out = g.out(op);
    if (!hidden.isVariable)
        return fail("the output state (input 18) must be a variable tensor; re-export the model", op.inputs[18]);
    if (!cell.isVariable)
        return fail("the cell state (input 19) must be a variable tensor; re-export the model", op.inputs[19]);
    if (hidden.dtype != in.dtype)
        return fail(std::string("the output state is ") + dtypeName(hidden.dtype) + " but the input is " +
                        dtypeName(in.dtype) + "; they must match",
                    op.inputs[18]);
    if (out.dtype != in.dtype)
        return fail(std::string("the output is ") + dtypeName(out.dtype) + " but the input is " + dtypeName(in.dtype) +
                        "; they must match",
                    op.outputs[0]);
    for (int i = 1; i < 9; ++i)
        if (!has(i))
            return fail(i == kInputWeights || i == kRecurrentWeights
                            ? "the input gate's weights are missing (CIFG); TFLM supports only the standard LSTM "
                              "with all four gates, re-export the model without coupled input and forget gates"
                            : "weights input " + std::to_string(i) + " is missing; the LSTM needs all 8 weight tensors");
    const DType wType = g.in(op, kInputWeights + 1).dtype;
    for (int i = 1; i < 9; ++i)
        if (g.in(op, size_t(i)).dtype != wType)
            return fail("all 8 weight tensors must have one type", op.inputs[size_t(i)]);
    for (int i = kBias; i < kBias + 4; ++i)
        if (!has(i)) return fail("the " + std::string(kGateNames[i - kBias]) + " gate's bias is missing");
    const DType bType = g.in(op, kBias + 1).dtype;
    for (int i = kBias; i < kBias + 4; ++i)
        if (g.in(op, size_t(i)).dtype != bType) return fail("all 4 gate biases must have one type", op.inputs[size_t(i)]);
    for (int i = kPeepholeFirst; i <= kPeepholeLast; ++i)
        if (has(i))
            return fail("peephole connections are not supported (TFLM supports only the standard LSTM); "
                        "re-export the model without peepholes",
                        op.inputs[size_t(i)]);
    if (has(kProjectionWeights) || has(kProjectionBias))
        return fail("a projection layer is not supported (TFLM supports only the standard LSTM); "
                    "re-export the model without projection");
    for (int i = kLayerNormFirst; i <= kLayerNormLast; ++i)
        if (has(i))
            return fail("layer normalisation is not supported (TFLM supports only the standard LSTM); "
                        "re-export the model without layer norm",
                        op.inputs[size_t(i)]);

    // Sizes (TFLM's CreateLstmSizeInfo and ValidateTensorSize).
    if (in.shape.size() != 3)
        return fail("the input must be 3-D ([batch, time, features] or time-major [time, batch, features]) but is " +
                        shapeString(in.shape),
                    op.inputs[0]);
    if (hidden.shape.size() < 2)
        return fail("the output state must be 2-D [batch, units] but is " + shapeString(hidden.shape), op.inputs[18]);
    Params p;
    p.timeMajor = op.attrs.timeMajor;
    p.batch = p.timeMajor ? in.shape[1] : in.shape[0];
    p.time = p.timeMajor ? in.shape[0] : in.shape[1];
    p.inputDim = in.shape[2];
    p.units = hidden.shape[1];
    if (p.batch <= 0 || p.time <= 0 || p.inputDim <= 0 || p.units <= 0)
        return fail("the input " + shapeString(in.shape) + " and output state " + shapeString(hidden.shape) +
                    " must have non-empty dimensions");
    for (int i = 1; i < 9; ++i) {
        const Shape want = {p.units, i < kRecurrentWeights ? p.inputDim : p.units};
        if (g.in(op, size_t(i)).shape != want)
            return fail(std::string(i < kRecurrentWeights ? "input" : "recurrent") + " weights of the " +
                            kGateNames[(i - 1) % 4] + " gate have shape " + shapeString(g.in(op, size_t(i)).shape) +
                            " but the LSTM needs " + shapeString(want),
                        op.inputs[size_t(i)]);
    }
    for (int i = kBias; i < kBias + 4; ++i)
        if (g.in(op, size_t(i)).shape != Shape{p.units})
            return fail("the " + std::string(kGateNames[i - kBias]) + " gate's bias has shape " +
                            shapeString(g.in(op, size_t(i)).shape) + " but the LSTM needs [" +
                            std::to_string(p.units) + "]",
                        op.inputs[size_t(i)]);
    const int64_t stateSize = int64_t(p.batch) * p.units;
    if (hidden.elements() != stateSize || cell.elements() != stateSize)
        return fail("the output and cell states must hold batch x units = " + std::to_string(stateSize) +
                    " elements (output state " + shapeString(hidden.shape) + ", cell state " +
                    shapeString(cell.shape) + ")");
    if (out.shape.size() != 3 || out.shape[0] != in.shape[0] || out.shape[1] != in.shape[1] ||
        out.shape[2] != p.units)
        return fail("the model gives the output shape " + shapeString(out.shape) + " but the LSTM produces " +
                        shapeString({in.shape[0], in.shape[1], p.units}),
                    op.outputs[0]);

    // Types.
    p.act = in.dtype;
    // TFLM's CalculateLstmGate knows only sigmoid and tanh (and TFLite's
    // options cannot say sigmoid); it aborts on anything else.
    if (op.attrs.activation != Activation::Tanh)
        return fail(std::string("the cell gate activation is ") + activationName(op.attrs.activation) +
                    " but TFLM's LSTM computes only TANH; re-export the model with a tanh LSTM");
    p.cellGateAct = kActTanh;
    p.cellClip = op.attrs.cellClip;
    if (p.act == DType::Float32) {
        if (cell.dtype != DType::Float32)
            return fail(std::string("a float32 LSTM needs a float32 cell state, not ") + dtypeName(cell.dtype),
                        op.inputs[19]);
        if (wType != DType::Float32)
            return fail(std::string("hybrid LSTMs (float32 activations with ") + dtypeName(wType) +
                            " weights) are not supported by TFLM; convert with full integer quantization or keep "
                            "float32 weights",
                        op.inputs[2]);
        if (bType != DType::Float32)
            return fail(std::string("a float32 LSTM needs float32 biases, not ") + dtypeName(bType), op.inputs[13]);
        op.params = p;
        return true;
    }
    if (p.act != DType::Int8 && p.act != DType::Int16)
        return fail(std::string("the LSTM input type ") + dtypeName(p.act) +
                        " is not supported (TFLM: float32, int8, int16)",
                    op.inputs[0]);
    if (cell.dtype != DType::Int16)
        return fail(std::string("the cell state type ") + dtypeName(cell.dtype) +
                        " is not supported; quantized LSTMs need an int16 cell state",
                    op.inputs[19]);
    if (wType != DType::Int8)
        return fail(std::string("the weights type ") + dtypeName(wType) + " is not supported with " +
                        dtypeName(p.act) + " activations (TFLM: int8 weights)",
                    op.inputs[2]);
    const DType wantBias = p.act == DType::Int8 ? DType::Int32 : DType::Int64;
    if (bType != wantBias)
        return fail(std::string("the biases must be ") + dtypeName(wantBias) + " for " + dtypeName(p.act) +
                        " activations, not " + dtypeName(bType),
                    op.inputs[13]);
    for (int i : {kInput, kHiddenState, kCellState})
        if (!hasPerTensorQuant(g.in(op, size_t(i))))
            return fail("the tensor needs one positive quantization scale", op.inputs[size_t(i)]);
    for (int i = 1; i < 9; ++i) {
        const Tensor &w = g.in(op, size_t(i));
        if (w.quant.perChannel())
            return fail("per-channel quantized LSTM weights are not supported (TFLM's LSTM uses one scale per "
                        "weight tensor); quantize the LSTM weights per tensor",
                        op.inputs[size_t(i)]);
        if (!hasPerTensorQuant(w)) return fail("the weights need one positive quantization scale", op.inputs[size_t(i)]);
    }
    const float inScale = in.quant.sc(), hScale = hidden.quant.sc(), cScale = cell.quant.sc();
    // TFLM does not insist on zero points of 0 for int16 activations
    // either: its gate FullyConnected subtracts them as for int8.
    p.inputOffset = -in.quant.zp();
    p.hiddenOffset = -hidden.quant.zp();
    for (int gi = 0; gi < 4; ++gi) {
        const Tensor &wi = g.in(op, size_t(kInputWeights + gi)), &wr = g.in(op, size_t(kRecurrentWeights + gi));
        p.gates[gi].input = fcRequant(inScale, wi.quant.sc());
        p.gates[gi].recurrent = fcRequant(hScale, wr.quant.sc());
        p.gates[gi].inputWeightsOffset = -wi.quant.zp();
        p.gates[gi].recurrentWeightsOffset = -wr.quant.zp();
    }
    // CreateLstmCellStateInfo: the power of two nearest the cell scale (TFLM
    // does not insist that it is one) and the clip in cell units.
    int power = 0;
    fx::checkedLog2(cScale, &power);
    p.quantizedCellClip = int16_t(std::min(std::max(double(p.cellClip) / double(cScale), -32768.0), 32767.0));
    int tanhLeftShift = 15 + power - 3;
    if (tanhLeftShift >= 15)
        return fail("the cell state scale " + std::to_string(cScale) +
                        " is too coarse (TFLM's tanh input scaling overflows); quantize the cell state with a "
                        "scale of 2^-4 or finer",
                    op.inputs[19]);
    if (tanhLeftShift < 0) {
        p.tanhMultiplier = 3;
        p.tanhShift = -tanhLeftShift;
    } else {
        p.tanhMultiplier = 3 << tanhLeftShift;
        p.tanhShift = 0;
    }
    p.forgetCellMul = mulRequant(kNonlinearOutputScale, cScale, cScale);
    p.inputCellMul = mulRequant(kNonlinearOutputScale, kNonlinearOutputScale, cScale);
    p.outputMul = mulRequant(kNonlinearOutputScale, kNonlinearOutputScale, hScale);
    p.hiddenZp = hidden.quant.zp();
    p.hiddenMin = dtypeMin(p.act);
    p.hiddenMax = dtypeMax(p.act);
    op.params = p;
    return true;
}

// ---- reference evaluation -----------------------------------------------------

int16_t sat16(int64_t v) { return int16_t(std::min<int64_t>(32767, std::max<int64_t>(-32768, v))); }

// reference_integer_ops::FullyConnected to int16 (output zero point 0).
template <class A, class Acc>
void fcQ(const A *x, int32_t xOff, int rows, int depth, const int8_t *w, int32_t wOff, const Acc *bias, int units,
         const Requant &rq, int16_t *out) {
    for (int r = 0; r < rows; ++r)
        for (int o = 0; o < units; ++o) {
            Acc acc = 0;
            for (int k = 0; k < depth; ++k)
                acc += (int32_t(w[o * depth + k]) + wOff) * (int32_t(x[r * depth + k]) + xOff);
            if (bias) acc += bias[o];
            int32_t v;
            if constexpr (sizeof(Acc) == 8) v = multiplyByQuantizedMultiplier64(acc, rq.multiplier, rq.shift);
            else v = multiplyByQuantizedMultiplier(acc, rq.multiplier, rq.shift);
            out[r * units + o] = sat16(v);
        }
}

void fcF(const float *x, int rows, int depth, const float *w, const float *bias, int units, float *out) {
    for (int r = 0; r < rows; ++r)
        for (int o = 0; o < units; ++o) {
            float total = 0.f;
            for (int k = 0; k < depth; ++k) total += x[r * depth + k] * w[o * depth + k];
            const float v = total + (bias ? bias[o] : 0.f);
            out[r * units + o] = std::min(std::max(v, -std::numeric_limits<float>::max()),
                                          std::numeric_limits<float>::max());
        }
}

float sigmoidF(float v) {
    if (v > 16.619047164916992188f) return 1.f;
    if (v < -9.f) return std::exp(v);
    return 1.f / (1.f + std::exp(-v));
}

int16_t mulQ(int16_t a, int16_t b, const Requant &rq, int32_t zp, int32_t lo, int32_t hi) {
    const int32_t v = zp + multiplyByQuantizedMultiplier(int32_t(a) * int32_t(b), rq.multiplier, rq.shift);
    return int16_t(std::min(hi, std::max(lo, v)));
}

struct Tensors {
    const uint8_t *x;
    uint8_t *hidden, *cell, *y;
    const uint8_t *w[8], *bias[4];
};

template <class A, class Acc>
void stepQ(const Params &p, const Tensors &t, int64_t xOff, int64_t sOff, int64_t yOff, int16_t *buf[4]) {
    const int rows = p.rows(), n = rows * p.units;
    const A *x = reinterpret_cast<const A *>(t.x) + xOff;
    A *h = reinterpret_cast<A *>(t.hidden) + sOff;
    int16_t *c = reinterpret_cast<int16_t *>(t.cell) + sOff;
    auto gate = [&](int gi, int16_t *out, GateAct act) {
        const GateParams &gp = p.gates[gi];
        fcQ<A, Acc>(x, p.inputOffset, rows, p.inputDim, reinterpret_cast<const int8_t *>(t.w[gi]),
                    gp.inputWeightsOffset, reinterpret_cast<const Acc *>(t.bias[gi]), p.units, gp.input, out);
        fcQ<A, Acc>(h, p.hiddenOffset, rows, p.units, reinterpret_cast<const int8_t *>(t.w[4 + gi]),
                    gp.recurrentWeightsOffset, static_cast<const Acc *>(nullptr), p.units, gp.recurrent, buf[3]);
        for (int i = 0; i < n; ++i) {
            const int16_t s = sat16(int32_t(out[i]) + buf[3][i]);
            out[i] = act == kActSigmoid ? fx::logisticInt16(s, 3, 0) : act == kActTanh ? fx::tanhInt16(s, 3, 0) : s;
        }
    };
    gate(kGateForget, buf[0], kActSigmoid);
    gate(kGateInput, buf[1], kActSigmoid);
    gate(kGateCell, buf[2], p.cellGateAct);
    for (int i = 0; i < n; ++i) {
        const int16_t fc = mulQ(buf[0][i], c[i], p.forgetCellMul, 0, -32768, 32767);
        const int16_t ig = mulQ(buf[1][i], buf[2][i], p.inputCellMul, 0, -32768, 32767);
        int16_t v = sat16(int32_t(fc) + ig);
        if (p.cellClip > 0.f)
            v = std::max<int16_t>(std::min<int16_t>(p.quantizedCellClip, v), int16_t(-p.quantizedCellClip));
        c[i] = v;
    }
    gate(kGateOutput, buf[1], kActSigmoid);
    for (int i = 0; i < n; ++i) {
        const int16_t th = fx::tanhInt16(c[i], p.tanhMultiplier, p.tanhShift);
        h[i] = A(mulQ(th, buf[1][i], p.outputMul, p.hiddenZp, p.hiddenMin, p.hiddenMax));
    }
    std::memcpy(reinterpret_cast<A *>(t.y) + yOff, h, size_t(n) * sizeof(A));
}

void stepF(const Params &p, const Tensors &t, int64_t xOff, int64_t sOff, int64_t yOff, float *buf[4]) {
    const int rows = p.rows(), n = rows * p.units;
    const float *x = reinterpret_cast<const float *>(t.x) + xOff;
    float *h = reinterpret_cast<float *>(t.hidden) + sOff;
    float *c = reinterpret_cast<float *>(t.cell) + sOff;
    auto gate = [&](int gi, float *out, GateAct act) {
        fcF(x, rows, p.inputDim, reinterpret_cast<const float *>(t.w[gi]), reinterpret_cast<const float *>(t.bias[gi]),
            p.units, out);
        fcF(h, rows, p.units, reinterpret_cast<const float *>(t.w[4 + gi]), nullptr, p.units, buf[3]);
        for (int i = 0; i < n; ++i) {
            const float s = out[i] + buf[3][i];
            out[i] = act == kActSigmoid ? sigmoidF(s) : act == kActTanh ? std::tanh(s) : s;
        }
    };
    const float big = std::numeric_limits<float>::max();
    auto clampF = [&](float v) { return std::min(std::max(v, -big), big); };
    gate(kGateForget, buf[0], kActSigmoid);
    gate(kGateInput, buf[1], kActSigmoid);
    gate(kGateCell, buf[2], p.cellGateAct);
    for (int i = 0; i < n; ++i) {
        float v = clampF(buf[0][i] * c[i]) + clampF(buf[1][i] * buf[2][i]);
        if (p.cellClip > 0.f) v = std::max(std::min(p.cellClip, v), -p.cellClip);
        c[i] = v;
    }
    gate(kGateOutput, buf[1], kActSigmoid);
    for (int i = 0; i < n; ++i) h[i] = clampF(std::tanh(c[i]) * buf[1][i]);
    std::memcpy(reinterpret_cast<float *>(t.y) + yOff, h, size_t(n) * sizeof(float));
}

// EvalLstm: time-major runs all batches per step; batch-major runs each
// batch's sequence on its own slice of the states.
template <class Step>
void runSequence(const Params &p, Step step) {
    const int64_t rows = p.rows(), inStep = rows * p.inputDim, outStep = rows * p.units;
    int64_t xOff = 0, yOff = 0;
    for (int s = 0; s < p.sequences(); ++s) {
        const int64_t sOff = int64_t(s) * p.units;
        for (int t = 0; t < p.time; ++t, xOff += inStep, yOff += outStep) step(xOff, sOff, yOff);
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    (void)g;
    const auto &p = std::any_cast<const Params &>(op.params);
    Tensors t{};
    t.x = b[size_t(op.inputs[kInput])].data();
    t.hidden = b[size_t(op.inputs[kHiddenState])].data();
    t.cell = b[size_t(op.inputs[kCellState])].data();
    t.y = b[size_t(op.outputs[0])].data();
    for (int i = 0; i < 8; ++i) t.w[i] = b[size_t(op.inputs[size_t(kInputWeights + i)])].data();
    for (int i = 0; i < 4; ++i) t.bias[i] = b[size_t(op.inputs[size_t(kBias + i)])].data();
    const size_t n = size_t(p.rows()) * size_t(p.units);
    if (p.act == DType::Float32) {
        std::vector<float> s(4 * n);
        float *buf[4] = {s.data(), s.data() + n, s.data() + 2 * n, s.data() + 3 * n};
        runSequence(p, [&](int64_t x, int64_t st, int64_t y) { stepF(p, t, x, st, y, buf); });
        return;
    }
    std::vector<int16_t> s(4 * n);
    int16_t *buf[4] = {s.data(), s.data() + n, s.data() + 2 * n, s.data() + 3 * n};
    if (p.act == DType::Int8)
        runSequence(p, [&](int64_t x, int64_t st, int64_t y) { stepQ<int8_t, int32_t>(p, t, x, st, y, buf); });
    else
        runSequence(p, [&](int64_t x, int64_t st, int64_t y) { stepQ<int16_t, int64_t>(p, t, x, st, y, buf); });
}

// ---- C emission -----------------------------------------------------------------
// The generated code mirrors the evaluation above: static helpers (one gate,
// the cell update, the hidden update) added once per variant, and per layer a
// loop over the time steps calling them with the layer's baked-in weights and
// multipliers.

std::string n(int64_t v) { return std::to_string(v); }

// Helpers shared by the int8 and int16 variants (Q3.12 / Q0.15 arithmetic).
void useQ15Helpers(EmitContext &ctx) {
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    fx::useFxHelper(ctx, "ember_sigmoid_u16");
    ctx.addHelper("ember_lstm_sigmoid_q15",
                  "/* tflite reference_integer_ops::Logistic on Q3.12 with multiplier 3 (TFLM's LSTM gates) */\n"
                  "static int16_t ember_lstm_sigmoid_q15(int16_t x)\n"
                  "{\n"
                  "    int32_t v = (int32_t)x * 3;\n"
                  "    uint32_t a = (uint32_t)(v < 0 ? -v : v);\n"
                  "    uint32_t uh = a >> 9, r;\n"
                  "    if (uh >= 255) {\n"
                  "        r = 0x7FFFu << 10;\n"
                  "    } else {\n"
                  "        uint32_t ua = ember_sigmoid_u16[uh], ub = ember_sigmoid_u16[uh + 1];\n"
                  "        r = (ua << 9) + (a & 0x1FFu) * (ub - ua);\n"
                  "    }\n"
                  "    r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1u;\n"
                  "    return (int16_t)(r >> 10);\n"
                  "}\n");
    ctx.addHelper("ember_lstm_tanh_q15",
                  "/* tflite reference_integer_ops::Tanh: x * multiplier >> shift (rounded), then the sigmoid table */\n"
                  "static int16_t ember_lstm_tanh_q15(int16_t x, int32_t multiplier, int shift)\n"
                  "{\n"
                  "    int32_t round = shift > 0 ? (int32_t)1 << (shift - 1) : 0;\n"
                  "    int32_t v = ((int32_t)x * multiplier + round) >> shift;\n"
                  "    uint32_t a = (uint32_t)(v < 0 ? -v : v);\n"
                  "    uint32_t uh = a >> 8;\n"
                  "    int32_t r;\n"
                  "    if (uh >= 255) {\n"
                  "        r = 0xFFFF << 8;\n"
                  "    } else {\n"
                  "        uint32_t ua = ember_sigmoid_u16[uh], ub = ember_sigmoid_u16[uh + 1];\n"
                  "        r = (int32_t)((ua << 8) + (a & 0xFFu) * (ub - ua));\n"
                  "    }\n"
                  "    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;\n"
                  "    return (int16_t)(r >> 8);\n"
                  "}\n");
    ctx.addHelper("ember_lstm_cell_q15",
                  "/* TFLM UpdateLstmCell (int16): c = sat(f * c + i * g), clipped to +-clip unless clip < 0 */\n"
                  "static void ember_lstm_cell_q15(int16_t *c, const int16_t *f, const int16_t *i, const int16_t *g,\n"
                  "                                int n, int32_t fm, int fs, int32_t im, int is, int32_t clip)\n"
                  "{\n"
                  "    for (int k = 0; k < n; ++k) {\n"
                  "        int32_t fc = ember_clamp(ember_mbqm((int32_t)f[k] * c[k], fm, fs), -32768, 32767);\n"
                  "        int32_t ig = ember_clamp(ember_mbqm((int32_t)i[k] * g[k], im, is), -32768, 32767);\n"
                  "        int32_t v = ember_clamp(fc + ig, -32768, 32767);\n"
                  "        if (clip >= 0) v = ember_clamp(v, -clip, clip);\n"
                  "        c[k] = (int16_t)v;\n"
                  "    }\n"
                  "}\n");
}

// The gate and hidden-state helpers for one activation type.
void useQuantHelpers(EmitContext &ctx, DType act) {
    useQ15Helpers(ctx);
    const bool i8 = act == DType::Int8;
    const std::string A = i8 ? "int8_t" : "int16_t", B = i8 ? "int32_t" : "int64_t", sfx = i8 ? "i8" : "i16";
    if (!i8) useHelper(ctx, "ember_mbqm64");
    const std::string fc = "ember_lstm_fc_" + sfx, gate = "ember_lstm_gate_" + sfx, hid = "ember_lstm_hidden_" + sfx;
    ctx.addHelper(fc, "/* tflite reference_integer_ops::FullyConnected to Q3.12 int16 (TFLM LSTM gate) */\n"
                      "static void " + fc + "(const " + A + " *x, int32_t x_off, int rows, int depth, const int8_t *w,\n"
                      "    int32_t w_off, const " + B + " *bias, int units, int32_t m, int s, int16_t *out)\n"
                      "{\n"
                      "    for (int r = 0; r < rows; ++r) {\n"
                      "        const " + A + " *xr = x + r * depth;\n"
                      "        for (int o = 0; o < units; ++o) {\n"
                      "            const int8_t *wo = w + o * depth;\n"
                      "            " + B + " acc = 0;\n"
                      "            for (int k = 0; k < depth; ++k) acc += ((int32_t)wo[k] + w_off) * ((int32_t)xr[k] + x_off);\n"
                      "            if (bias) acc += bias[o];\n"
                      "            out[r * units + o] = (int16_t)ember_clamp(" +
                      (i8 ? "ember_mbqm" : "ember_mbqm64") + "(acc, m, s), -32768, 32767);\n"
                      "        }\n"
                      "    }\n"
                      "}\n");
    ctx.addHelper(gate, "/* TFLM CalculateLstmGate: act(FC(x) + FC(h)); act 0 none, 1 sigmoid, 2 tanh */\n"
                        "static void " + gate + "(const " + A + " *x, int32_t x_off, int in_dim, const " + A +
                        " *h, int32_t h_off,\n"
                        "    int rows, int units, const int8_t *wx, int32_t wx_off, const int8_t *wh, int32_t wh_off,\n"
                        "    const " + B + " *bias, int32_t mx, int sx, int32_t mh, int sh, int act, int16_t *out,\n"
                        "    int16_t *tmp)\n"
                        "{\n"
                        "    int n = rows * units;\n"
                        "    " + fc + "(x, x_off, rows, in_dim, wx, wx_off, bias, units, mx, sx, out);\n"
                        "    " + fc + "(h, h_off, rows, units, wh, wh_off, 0, units, mh, sh, tmp);\n"
                        "    for (int k = 0; k < n; ++k) {\n"
                        "        int16_t v = (int16_t)ember_clamp((int32_t)out[k] + tmp[k], -32768, 32767);\n"
                        "        out[k] = act == 1 ? ember_lstm_sigmoid_q15(v) : act == 2 ? ember_lstm_tanh_q15(v, 3, 0) : v;\n"
                        "    }\n"
                        "}\n");
    ctx.addHelper(hid, "/* TFLM UpdateLstmHidden: h = tanh(c) * o, requantized to the hidden state */\n"
                       "static void " + hid + "(const int16_t *c, const int16_t *o, int n, int32_t tm, int ts,\n"
                       "    int32_t m, int s, int32_t zp, " + A + " *h)\n"
                       "{\n"
                       "    for (int k = 0; k < n; ++k) {\n"
                       "        int32_t t = ember_lstm_tanh_q15(c[k], tm, ts);\n"
                       "        h[k] = (" + A + ")ember_clamp(zp + ember_mbqm(t * o[k], m, s), " +
                       n(dtypeMin(act)) + ", " + n(dtypeMax(act)) + ");\n"
                       "    }\n"
                       "}\n");
}

void useFloatHelpers(EmitContext &ctx) {
    ctx.addHelper("ember_lstm_clampf",
                  "/* tflite ActivationFunctionWithMinMax with no activation */\n"
                  "static float ember_lstm_clampf(float v)\n"
                  "{\n"
                  "    return v < -FLT_MAX ? -FLT_MAX : (v > FLT_MAX ? FLT_MAX : v);\n"
                  "}\n");
    ctx.addHelper("ember_lstm_fc_f32",
                  "/* tflite reference_ops::FullyConnected (float, no activation) */\n"
                  "static void ember_lstm_fc_f32(const float *x, int rows, int depth, const float *w,\n"
                  "    const float *bias, int units, float *out)\n"
                  "{\n"
                  "    for (int r = 0; r < rows; ++r) {\n"
                  "        const float *xr = x + r * depth;\n"
                  "        for (int o = 0; o < units; ++o) {\n"
                  "            const float *wo = w + o * depth;\n"
                  "            float total = 0.0f;\n"
                  "            for (int k = 0; k < depth; ++k) total += xr[k] * wo[k];\n"
                  "            out[r * units + o] = ember_lstm_clampf(total + (bias ? bias[o] : 0.0f));\n"
                  "        }\n"
                  "    }\n"
                  "}\n");
    ctx.addHelper("ember_lstm_gate_f32",
                  "/* TFLM CalculateLstmGate: act(FC(x) + FC(h)); act 0 none, 1 sigmoid (reference_ops::Logistic), 2 tanh */\n"
                  "static void ember_lstm_gate_f32(const float *x, int in_dim, const float *h, int rows, int units,\n"
                  "    const float *wx, const float *wh, const float *bias, int act, float *out, float *tmp)\n"
                  "{\n"
                  "    int n = rows * units;\n"
                  "    ember_lstm_fc_f32(x, rows, in_dim, wx, bias, units, out);\n"
                  "    ember_lstm_fc_f32(h, rows, units, wh, 0, units, tmp);\n"
                  "    for (int k = 0; k < n; ++k) {\n"
                  "        float v = out[k] + tmp[k];\n"
                  "        if (act == 1)\n"
                  "            v = v > 16.619047164916992188f ? 1.0f : (v < -9.0f ? expf(v) : 1.0f / (1.0f + expf(-v)));\n"
                  "        else if (act == 2)\n"
                  "            v = tanhf(v);\n"
                  "        out[k] = v;\n"
                  "    }\n"
                  "}\n");
    ctx.addHelper("ember_lstm_cell_f32",
                  "/* TFLM UpdateLstmCell (float): c = f * c + i * g, clipped when clip > 0 */\n"
                  "static void ember_lstm_cell_f32(float *c, const float *f, const float *i, const float *g, int n,\n"
                  "    float clip)\n"
                  "{\n"
                  "    for (int k = 0; k < n; ++k) {\n"
                  "        float v = ember_lstm_clampf(f[k] * c[k]) + ember_lstm_clampf(i[k] * g[k]);\n"
                  "        if (clip > 0.0f) {\n"
                  "            v = v < clip ? v : clip;\n"
                  "            v = v < -clip ? -clip : v;\n"
                  "        }\n"
                  "        c[k] = v;\n"
                  "    }\n"
                  "}\n");
    ctx.addHelper("ember_lstm_hidden_f32",
                  "/* TFLM UpdateLstmHidden (float): h = tanh(c) * o */\n"
                  "static void ember_lstm_hidden_f32(const float *c, const float *o, int n, float *h)\n"
                  "{\n"
                  "    for (int k = 0; k < n; ++k) h[k] = ember_lstm_clampf(tanhf(c[k]) * o[k]);\n"
                  "}\n");
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const bool isFloat = p.act == DType::Float32;
    const std::string A = dtypeCType(p.act), C = isFloat ? "float" : "int16_t";
    const int rows = p.rows();
    const int64_t cnt = int64_t(rows) * p.units;
    if (isFloat) useFloatHelpers(ctx);
    else useQuantHelpers(ctx, p.act);
    const std::string sfx = isFloat ? "f32" : p.act == DType::Int8 ? "i8" : "i16";
    // --dim: the number of time steps may be a run-time extent.
    const std::string steps = ctx.inputExtent(0, g.in(op, 0).shape, p.timeMajor ? 0 : 1);

    ctx.line("/* UNIDIRECTIONAL_SEQUENCE_LSTM " + std::string(dtypeName(p.act)) +
             (isFloat ? "" : " (int8 weights, int16 cell state)") + ": input " + shapeString(g.in(op, 0).shape) +
             (p.timeMajor ? " time-major" : " batch-major") + ", batch " + n(p.batch) + ", " + n(p.time) +
             " time steps, " + n(p.units) + " units;");
    ctx.line(" * the output state (" + ctx.inputs[kHiddenState] + ") and cell state (" + ctx.inputs[kCellState] +
             ") are updated in place. Gate buffers: forget, input, cell, scratch. */");
    ctx.line(C + " gf[" + n(cnt) + "], gi[" + n(cnt) + "], gc[" + n(cnt) + "], gt[" + n(cnt) + "];");
    int ind = 1;
    const bool perBatch = p.sequences() > 1;
    if (perBatch) ctx.line("for (int32_t b = 0; b < " + n(p.batch) + "; ++b) {", ind++);
    const std::string sOff = perBatch ? " + b * " + n(p.units) : "";
    ctx.line(A + " *h = " + ctx.inputs[kHiddenState] + sOff + ";", ind);
    ctx.line(C + " *c = " + ctx.inputs[kCellState] + sOff + ";", ind);
    ctx.line("for (int32_t t = 0; t < " + steps + "; ++t) {", ind++);
    // Step index s: the input/output slice of this (batch,) time step.
    const std::string s = perBatch ? "(b * " + steps + " + t)" : "t";
    ctx.line("const " + A + " *x = " + ctx.inputs[kInput] + " + " + s + " * " + n(int64_t(rows) * p.inputDim) + ";",
             ind);
    auto gate = [&](int gi, const std::string &out, int act) {
        const std::string wx = ctx.inputs[size_t(kInputWeights + gi)], wh = ctx.inputs[size_t(kRecurrentWeights + gi)];
        const std::string bias = ctx.inputs[size_t(kBias + gi)];
        std::string call;
        if (isFloat) {
            call = "ember_lstm_gate_f32(x, " + n(p.inputDim) + ", h, " + n(rows) + ", " + n(p.units) + ", " + wx +
                   ", " + wh + ", " + bias + ", " + n(act) + ", " + out + ", gt);";
        } else {
            const GateParams &gp = p.gates[gi];
            call = "ember_lstm_gate_" + sfx + "(x, " + n(p.inputOffset) + ", " + n(p.inputDim) + ", h, " +
                   n(p.hiddenOffset) + ", " + n(rows) + ", " + n(p.units) + ", " + wx + ", " +
                   n(gp.inputWeightsOffset) + ", " + wh + ", " + n(gp.recurrentWeightsOffset) + ", " + bias + ", " +
                   cInt(gp.input.multiplier) + ", " + n(gp.input.shift) + ", " + cInt(gp.recurrent.multiplier) +
                   ", " + n(gp.recurrent.shift) + ", " + n(act) + ", " + out + ", gt);";
        }
        ctx.line("/* " + std::string(kGateNames[gi]) + " gate */", ind);
        ctx.line(call, ind);
    };
    gate(kGateForget, "gf", kActSigmoid);
    gate(kGateInput, "gi", kActSigmoid);
    gate(kGateCell, "gc", p.cellGateAct);
    if (isFloat) {
        ctx.line("ember_lstm_cell_f32(c, gf, gi, gc, " + n(cnt) + ", " + cFloat(p.cellClip) + ");", ind);
    } else {
        ctx.line("ember_lstm_cell_q15(c, gf, gi, gc, " + n(cnt) + ", " + cInt(p.forgetCellMul.multiplier) + ", " +
                     n(p.forgetCellMul.shift) + ", " + cInt(p.inputCellMul.multiplier) + ", " +
                     n(p.inputCellMul.shift) + ", " + n(p.cellClip > 0.f ? int32_t(p.quantizedCellClip) : -1) + ");",
                 ind);
    }
    gate(kGateOutput, "gi", kActSigmoid);
    if (isFloat)
        ctx.line("ember_lstm_hidden_f32(c, gi, " + n(cnt) + ", h);", ind);
    else
        ctx.line("ember_lstm_hidden_" + sfx + "(c, gi, " + n(cnt) + ", " + n(p.tanhMultiplier) + ", " +
                     n(p.tanhShift) + ", " + cInt(p.outputMul.multiplier) + ", " + n(p.outputMul.shift) + ", " +
                     n(p.hiddenZp) + ", h);",
                 ind);
    ctx.line("memcpy(" + ctx.outputs[0] + " + " + s + " * " + n(cnt) + ", h, sizeof(" + A + ") * " + n(cnt) + ");",
             ind);
    while (ind > 1) ctx.line("}", --ind);
}

int64_t macs(const Graph &g, const Op &op) {
    (void)g;
    if (!op.params.has_value()) return 0;
    const auto &p = std::any_cast<const Params &>(op.params);
    return int64_t(p.batch) * p.time * 4 * p.units * (p.inputDim + p.units);
}

}  // namespace

extern const OpKernel kUnidirectionalSequenceLstm;
const OpKernel kUnidirectionalSequenceLstm = {OpType::UnidirectionalSequenceLstm, prepare, eval, emit, macs,
                                              "int8 (int16 cell), int16x8 (int16 cell), float32"};

}  // namespace ember
