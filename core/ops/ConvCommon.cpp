#include "ConvCommon.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ember {

bool OpErrors::fail(const std::string &message, int tensor) const {
    auto &diag = d.error(message);
    diag.opIndex = op.index;
    diag.opName = op.typeName;
    if (tensor >= 0 && size_t(tensor) < g.tensors.size()) diag.tensor = g.tensors[size_t(tensor)].name;
    return false;
}

bool Requant::uniform() const {
    for (size_t i = 1; i < multiplier.size(); ++i)
        if (multiplier[i] != multiplier[0] || shift[i] != shift[0]) return false;
    return true;
}

static std::string typeList(const Graph &g, const Op &op) {
    std::string s;
    for (size_t i = 0; i < op.inputs.size(); ++i)
        if (op.inputs[i] >= 0) s += (s.empty() ? "" : ", ") + std::string(dtypeName(g.tensors[size_t(op.inputs[i])].dtype));
    return s + " -> " + dtypeName(g.out(op).dtype);
}

bool checkConvTypes(const OpErrors &e) {
    const Graph &g = e.g;
    const Op &op = e.op;
    if (op.inputs.size() < 2 || op.inputs.size() > 3 || op.outputs.size() != 1 || op.inputs[0] < 0 ||
        op.inputs[1] < 0 || op.outputs[0] < 0)
        return e.fail("expects an input, weights, an optional bias and one output; the model is malformed, "
                      "re-export it");
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1), &out = g.out(op);
    if (in.dtype == DType::Float32 && w.dtype != DType::Float32)
        return e.fail(std::string("hybrid quantization (float32 activations with ") + dtypeName(w.dtype) +
                          " weights) is not supported; re-export the model fully quantized (int8) or as float",
                      op.inputs[1]);
    if (in.dtype != out.dtype)
        return e.fail(std::string("input is ") + dtypeName(in.dtype) + " but output is " + dtypeName(out.dtype) +
                          "; input and output types must match",
                      op.outputs[0]);
    DType wantW = DType::Float32, wantBias = DType::Float32;
    switch (in.dtype) {
    case DType::Float32: break;
    case DType::Int8: wantW = DType::Int8; wantBias = DType::Int32; break;
    case DType::Int16: wantW = DType::Int8; wantBias = DType::Int64; break;
    default:
        return e.fail(std::string(dtypeName(in.dtype)) + " activations are not supported (types " + typeList(g, op) +
                          "); use float32, int8 or int16 (int16x8) quantization",
                      op.inputs[0]);
    }
    if (w.dtype != wantW)
        return e.fail(std::string(dtypeName(w.dtype)) + " weights are not supported with " + dtypeName(in.dtype) +
                          " activations (types " + typeList(g, op) + "); expected " + dtypeName(wantW) +
                          " weights",
                      op.inputs[1]);
    if (g.hasInput(op, 2)) {
        const DType b = g.in(op, 2).dtype;
        // TFLite also allows int32 bias for int16x8 (32-bit accumulator).
        const bool ok = b == wantBias || (in.dtype == DType::Int16 && b == DType::Int32);
        if (!ok)
            return e.fail(std::string(dtypeName(b)) + " bias is not supported with " + dtypeName(in.dtype) +
                              " activations; expected " + dtypeName(wantBias) + " bias",
                          op.inputs[2]);
    }
    return true;
}

static bool validScale(float s) { return std::isfinite(s) && s > 0.f; }

static bool checkActivationQuant(const OpErrors &e, int tensor, bool int16) {
    const Tensor &t = e.g.tensors[size_t(tensor)];
    if (t.quant.empty() || !validScale(t.quant.sc()))
        return e.fail(std::string(dtypeName(t.dtype)) + " tensor has no valid quantization scale; "
                          "re-export the model with full integer quantization",
                      tensor);
    if (t.quant.perChannel())
        return e.fail("activation tensor is quantized per channel, which TFLite does not allow; re-export the model",
                      tensor);
    if (int16 && t.quant.zp() != 0)
        return e.fail("int16 tensor has zero point " + std::to_string(t.quant.zp()) +
                          "; int16x8 quantization requires zero point 0, re-export the model",
                      tensor);
    return true;
}

static bool checkFilterQuant(const OpErrors &e, int quantAxis, int outChannels) {
    const int wi = e.op.inputs[1];
    const Tensor &w = e.g.tensors[size_t(wi)];
    if (w.quant.empty())
        return e.fail("int8 weights have no quantization scale; re-export the model with full integer quantization",
                      wi);
    for (float s : w.quant.scale)
        if (!std::isfinite(s) || s < 0.f) return e.fail("weights have an invalid quantization scale", wi);
    for (int64_t zp : w.quant.zeroPoint)
        if (zp != 0)
            return e.fail("weights have zero point " + std::to_string(zp) +
                              "; TFLite requires symmetric weights (zero point 0), re-export the model",
                          wi);
    if (w.quant.perChannel()) {
        if (int(w.quant.scale.size()) != outChannels)
            return e.fail("weights have " + std::to_string(w.quant.scale.size()) +
                              " per-channel scales but the op has " + std::to_string(outChannels) +
                              " output channels; they must match",
                          wi);
        if (w.quant.axis != quantAxis)
            return e.fail("weights are quantized per channel along axis " + std::to_string(w.quant.axis) +
                              " but output channels are on axis " + std::to_string(quantAxis) +
                              "; re-export the model",
                          wi);
    }
    return true;
}

static bool checkBias(const OpErrors &e, int outChannels) {
    if (!e.g.hasInput(e.op, 2)) return true;
    const Tensor &b = e.g.in(e.op, 2);
    if (b.elements() != outChannels)
        return e.fail("bias has " + std::to_string(b.elements()) + " elements " + shapeString(b.shape) +
                          " but the op has " + std::to_string(outChannels) + " output channels; they must match",
                      e.op.inputs[2]);
    return true;
}

bool deriveRequant(const OpErrors &e, int quantAxis, int outChannels, bool floatProductScale, Requant *rq) {
    const Graph &g = e.g;
    const Op &op = e.op;
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1), &out = g.out(op);
    rq->dtype = in.dtype;
    rq->hasBias = g.hasInput(op, 2);
    if (!checkBias(e, outChannels)) return false;
    if (in.dtype == DType::Float32) {
        activationRangeFloat(op.attrs.activation, &rq->fMin, &rq->fMax);
        if (op.attrs.activation == Activation::Tanh || op.attrs.activation == Activation::SignBit)
            return e.fail(std::string("fused activation ") + activationName(op.attrs.activation) +
                          " is not supported; use NONE, RELU, RELU6 or RELU_N1_TO_1");
        return true;
    }
    const bool int16 = in.dtype == DType::Int16;
    if (!checkActivationQuant(e, op.inputs[0], int16) || !checkActivationQuant(e, op.outputs[0], int16) ||
        !checkFilterQuant(e, quantAxis, outChannels))
        return false;
    rq->inputOffset = int16 ? 0 : -in.quant.zp();
    rq->outputOffset = int16 ? 0 : out.quant.zp();
    rq->acc64 = int16 && (!rq->hasBias || g.in(op, 2).dtype == DType::Int64);
    rq->multiplier.resize(size_t(outChannels));
    rq->shift.resize(size_t(outChannels));
    for (int c = 0; c < outChannels; ++c) {
        const float ws = w.quant.sc(w.quant.perChannel() ? size_t(c) : 0);
        // TFLM: per-channel (and conv) scales multiply in double; FC per-tensor
        // multiplies the two floats first (GetQuantizedConvolutionMultipler).
        const double product = floatProductScale && !w.quant.perChannel() ? double(in.quant.sc() * ws)
                                                                           : double(in.quant.sc()) * double(ws);
        int shift = 0;
        quantizeMultiplier(product / double(out.quant.sc()), &rq->multiplier[size_t(c)], &shift);
        rq->shift[size_t(c)] = shift;
    }
    if (!activationRangeQuantized(op.attrs.activation, out, &rq->actMin, &rq->actMax))
        return e.fail(std::string("fused activation ") + activationName(op.attrs.activation) +
                      " is not supported on a quantized op; use NONE, RELU, RELU6 or RELU_N1_TO_1");
    if (rq->actMin > rq->actMax)
        return e.fail("fused activation range is empty for this output quantization; re-export the model",
                      op.outputs[0]);
    return true;
}

bool checkOutputShape(const OpErrors &e, const Shape &computed, const std::string &how) {
    const Tensor &out = e.g.out(e.op);
    if (out.shape == computed) return true;
    return e.fail("output shape " + shapeString(out.shape) + " in the model does not match " +
                      shapeString(computed) + " computed from " + how + "; fix the model's output shape",
                  e.op.outputs[0]);
}

template <class T> static T loadAt(const uint8_t *p, int i) {
    T v;
    std::memcpy(&v, p + size_t(i) * sizeof(T), sizeof(T));
    return v;
}

int32_t finishInt(const Requant &rq, const uint8_t *bias, int64_t acc, int ch) {
    const size_t c = size_t(ch);
    int32_t v = 0;
    if (rq.acc64) {
        if (bias) acc += loadAt<int64_t>(bias, ch);
        v = multiplyByQuantizedMultiplier64(acc, rq.multiplier[c], rq.shift[c]);
    } else {
        int32_t a = int32_t(acc);
        if (bias) a += loadAt<int32_t>(bias, ch);
        v = multiplyByQuantizedMultiplier(a, rq.multiplier[c], rq.shift[c]) + rq.outputOffset;
    }
    return std::min(std::max(v, rq.actMin), rq.actMax);
}

float finishFloat(const Requant &rq, const uint8_t *bias, float acc, int ch) {
    const float v = acc + (bias ? loadAt<float>(bias, ch) : 0.f);
    return std::min(std::max(v, rq.fMin), rq.fMax);
}

void storeOutput(DType t, uint8_t *out, int64_t index, int32_t q, float f) {
    if (t == DType::Float32) {
        std::memcpy(out + index * 4, &f, 4);
    } else if (t == DType::Int16) {
        const auto v = int16_t(q);
        std::memcpy(out + index * 2, &v, 2);
    } else {
        out[index] = uint8_t(int8_t(q));
    }
}

std::string accCType(const Requant &rq) {
    if (rq.dtype == DType::Float32) return "float";
    return rq.acc64 ? "int64_t" : "int32_t";
}

std::string actCType(const Requant &rq) { return dtypeCType(rq.dtype); }

std::string weightCType(const Requant &rq) { return rq.dtype == DType::Float32 ? "float" : "int8_t"; }

EpilogueNames emitRequantConstants(EmitContext &ctx, const Requant &rq, const std::string &biasExpr) {
    EpilogueNames n;
    if (rq.hasBias) n.bias = biasExpr;
    if (rq.dtype != DType::Float32 && !rq.uniform()) {
        n.multiplier = ctx.constantI32("mult", rq.multiplier, "per-channel requantization multipliers (Q31)");
        n.shift = ctx.constantI32("shift", rq.shift, "per-channel requantization shifts");
    }
    return n;
}

void emitEpilogue(EmitContext &ctx, const Requant &rq, const EpilogueNames &n, const std::string &acc,
                  const std::string &ch, const std::string &out, int ind) {
    const std::string bias = n.bias.empty() ? "" : " + " + n.bias + "[" + ch + "]";
    if (rq.dtype == DType::Float32) {
        // TFLM adds a 0.0f bias when there is none; keep it (it turns -0 into +0).
        ctx.line("float v = " + acc + (bias.empty() ? " + 0.0f" : bias) + ";", ind);
        ctx.line("v = v < " + cFloat(rq.fMin) + " ? " + cFloat(rq.fMin) + " : v;", ind);
        ctx.line(out + " = v > " + cFloat(rq.fMax) + " ? " + cFloat(rq.fMax) + " : v;", ind);
        return;
    }
    const std::string m = n.multiplier.empty() ? cInt(rq.multiplier[0]) : n.multiplier + "[" + ch + "]";
    const std::string s = n.shift.empty() ? cInt(rq.shift[0]) : n.shift + "[" + ch + "]";
    if (rq.acc64) {
        useHelper(ctx, "ember_mbqm64");
        ctx.line("int32_t v = ember_mbqm64(" + acc + bias + ", " + m + ", " + s + ");", ind);
    } else {
        useHelper(ctx, "ember_mbqm");
        ctx.line("int32_t v = ember_mbqm(" + acc + bias + ", " + m + ", " + s + ")" + cAdd(rq.outputOffset) + ";", ind);
    }
    useHelper(ctx, "ember_clamp");
    ctx.line(out + " = (" + actCType(rq) + ")ember_clamp(v, " + cInt(rq.actMin) + ", " + cInt(rq.actMax) + ");",
             ind);
}

std::string macExpr(const Requant &rq, const std::string &acc, const std::string &w, const std::string &x) {
    if (rq.dtype == DType::Float32) return acc + " += " + w + " * " + x + ";";
    if (rq.dtype == DType::Int16) return acc + " += (int32_t)" + w + " * (int32_t)" + x + ";";
    const std::string xo = rq.inputOffset ? "((int32_t)" + x + cAdd(rq.inputOffset) + ")" : "(int32_t)" + x;
    return acc + " += (int32_t)" + w + " * " + xo + ";";
}

std::pair<std::string, std::string> emitTapRange(EmitContext &ctx, const std::string &k, const std::string &origin,
                                                 int in, int filter, int dilation, bool clipped, int ind) {
    if (!clipped) return {"0", std::to_string(filter)};
    const std::string lo = k + "_lo", hi = k + "_hi", span = std::to_string(in) + " - " + origin;
    const std::string f = std::to_string(filter);
    if (dilation == 1) {
        ctx.line("const int32_t " + lo + " = " + origin + " < 0 ? -" + origin + " : 0;", ind);
        ctx.line("const int32_t " + hi + " = " + span + " < " + f + " ? " + span + " : " + f + ";", ind);
    } else {
        // Tap t reads origin + t*d: the first tap inside is ceil(-origin/d), the
        // last is floor((in-1-origin)/d). origin < in always holds here.
        const std::string d = std::to_string(dilation), dm1 = std::to_string(dilation - 1);
        ctx.line("const int32_t " + lo + " = " + origin + " < 0 ? (" + dm1 + " - " + origin + ") / " + d + " : 0;", ind);
        ctx.line("const int32_t " + hi + " = " + span + " < " + std::to_string((filter - 1) * dilation + 1) + " ? (" +
                     span + " + " + dm1 + ") / " + d + " : " + f + ";",
                 ind);
    }
    return {lo, hi};
}

bool needsClipping(int in, int filter, int stride, int dilation, int pad, int out) {
    return pad > 0 || (out - 1) * stride - pad + (filter - 1) * dilation > in - 1;
}

std::string cMul(const std::string &x, int64_t k) {
    if (k == 0) return "0";
    return k == 1 ? x : x + " * " + cInt(k);
}

std::string cAdd(int64_t v) {
    if (v == 0) return "";
    if (v < 0 && v > INT32_MIN) return " - " + cInt(-v);
    return " + " + cInt(v);
}

std::string requantComment(const Requant &rq) {
    if (rq.dtype == DType::Float32) return "float32";
    std::string s = rq.dtype == DType::Int16 ? "int16x8" : "int8";
    s += rq.uniform() ? ", per-tensor multiplier" : ", per-channel multipliers";
    if (rq.dtype == DType::Int8)
        s += ", input offset " + std::to_string(rq.inputOffset) + ", output offset " + std::to_string(rq.outputOffset);
    s += ", clamp [" + std::to_string(rq.actMin) + ", " + std::to_string(rq.actMax) + "]";
    return s;
}

OutputLoops emitOutputLoops(EmitContext &ctx, const ConvParams &p, const std::string &T) {
    auto n = [](int64_t v) { return std::to_string(v); };
    OutputLoops L;
    int &ind = L.indent;
    // --dim: height or width may follow a run-time extent (VALID padding
    // along it, so no tap is ever clipped there); literals otherwise.
    const Shape inShape = {p.batches, p.inH, p.inW, p.inC}, outShape = {p.batches, p.outH, p.outW, p.outC};
    const std::string outH = ctx.outputCount(0, outShape, 1, 2), outW = ctx.outputCount(0, outShape, 2, 3);
    L.inW = ctx.inputExtent(0, inShape, 2);
    if (p.batches > 1) {
        ctx.line("for (int32_t n = 0; n < " + n(p.batches) + "; ++n) {", ind++);
        ctx.line("const " + T + " *xin = " + ctx.inputs[0] + " + n * " + ctx.inputCount(0, inShape, 1) + ";", ind);
        ctx.line(T + " *yout = " + ctx.outputs[0] + " + n * " + ctx.outputCount(0, outShape, 1) + ";", ind);
    } else {
        ctx.line("const " + T + " *xin = " + ctx.inputs[0] + ";", ind);
        ctx.line(T + " *yout = " + ctx.outputs[0] + ";", ind);
    }
    ctx.line("for (int32_t oy = 0; oy < " + outH + "; ++oy) {", ind++);
    ctx.line("const int32_t iy0 = " + cMul("oy", p.strideH) + cAdd(-p.padTop) + ";", ind);
    L.ky = emitTapRange(ctx, "ky", "iy0", p.inH, p.filterH, p.dilationH,
                        needsClipping(p.inH, p.filterH, p.strideH, p.dilationH, p.padTop, p.outH), ind);
    ctx.line("for (int32_t ox = 0; ox < " + outW + "; ++ox) {", ind++);
    ctx.line("const int32_t ix0 = " + cMul("ox", p.strideW) + cAdd(-p.padLeft) + ";", ind);
    L.kx = emitTapRange(ctx, "kx", "ix0", p.inW, p.filterW, p.dilationW,
                        needsClipping(p.inW, p.filterW, p.strideW, p.dilationW, p.padLeft, p.outW), ind);
    ctx.line(T + " *y = yout + " + cMul("(oy * " + outW + " + ox)", p.outC) + ";", ind);
    return L;
}

std::string describeConv(const Graph &g, const Op &op) {
    const OpAttrs &a = op.attrs;
    return "input " + shapeString(g.in(op, 0).shape) + ", filter " + shapeString(g.in(op, 1).shape) + ", stride " +
           std::to_string(a.strideH) + "x" + std::to_string(a.strideW) + ", dilation " + std::to_string(a.dilationH) +
           "x" + std::to_string(a.dilationW) + ", padding " + (a.padding == Padding::Same ? "same" : "valid");
}

bool prepareConvOutput(const OpErrors &e, int quantAxis, ConvParams &p) {
    const OpAttrs &a = e.op.attrs;
    p.outH = computeOutSize(a.padding, p.inH, p.filterH, p.strideH, p.dilationH);
    p.outW = computeOutSize(a.padding, p.inW, p.filterW, p.strideW, p.dilationW);
    if (p.outH <= 0 || p.outW <= 0)
        return e.fail("the dilated filter is larger than the input (" + describeConv(e.g, e.op) + ")",
                      e.op.inputs[1]);
    if (!checkOutputShape(e, {p.batches, p.outH, p.outW, p.outC}, describeConv(e.g, e.op))) return false;
    p.padTop = computePadding(p.strideH, p.dilationH, p.inH, p.filterH, p.outH);
    p.padLeft = computePadding(p.strideW, p.dilationW, p.inW, p.filterW, p.outW);
    return deriveRequant(e, quantAxis, p.outC, false, &p.rq);
}

}  // namespace ember
