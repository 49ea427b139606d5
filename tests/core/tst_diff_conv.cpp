// Differential tests against TFLite Micro (tflm_ref) for CONV_2D,
// DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D and MAX_POOL_2D:
// seeded sweeps over shapes (odd sizes), strides, paddings, dilations,
// depth multipliers, per-tensor and per-channel weights, extreme scales and
// zero points, fused activations and int8 / int16x8 / float32. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include <cmath>

#include "DiffTflm.h"
#include "core/passes/Passes.h"
#include "core/plan/PlanChecker.h"
#include "core/plan/Planner.h"

using namespace ember;
using namespace ember::test;

namespace {

const std::vector<Activation> kActs = {Activation::None, Activation::Relu, Activation::Relu6,
                                       Activation::ReluN1To1};

// An activation tensor's quantization: mostly ordinary, sometimes extreme.
Quant actQuant(DiffRng &r, DType dt) {
    if (dt == DType::Float32) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(0, 5) == 0 ? r.range(-20, 6) : r.range(-9, -3));
    int64_t zp = 0;
    if (dt == DType::Int8) {
        const int k = r.range(0, 5);
        zp = k == 0 ? -128 : k == 1 ? 127 : r.range(-128, 127);
    }
    return q(scale, zp);
}

// The output scale that keeps an accumulator of `terms` random products
// roughly in range, times a random factor (so some cases saturate).
Quant outQuant(DiffRng &r, DType dt, float inScale, float wScale, int terms) {
    if (dt == DType::Float32) return {};
    // Random int8 values have a standard deviation of about 74, int16 ones
    // of about 18900; +-3 deviations of the accumulator fill the output type.
    const double sdIn = dt == DType::Int8 ? 74.0 : 18900.0;
    const double typical = double(inScale) * wScale * std::sqrt(double(terms)) * sdIn * 74.0 * 3.0 /
                           (dt == DType::Int8 ? 128.0 : 32768.0);
    const float scale = float(typical * std::ldexp(1.0, r.range(-3, 3)) * r.uniform(0.6f, 1.f));
    int64_t zp = 0;
    if (dt == DType::Int8) zp = r.range(0, 4) == 0 ? r.pick(std::vector<int64_t>{-128, 127}) : r.range(-40, 40);
    return q(scale, zp);
}

std::vector<uint8_t> randomBytes(DiffRng &r, size_t n) {
    std::vector<uint8_t> b(n);
    for (auto &x : b) x = uint8_t(r.next());
    return b;
}

std::vector<uint8_t> floatData(DiffRng &r, size_t n, float lo, float hi) {
    std::vector<float> v(n);
    for (auto &x : v) x = r.uniform(lo, hi);
    return bytesOf(v);
}

std::vector<uint8_t> int8Weights(DiffRng &r, size_t n) {
    std::vector<int8_t> v(n);
    for (auto &x : v) x = int8_t(r.range(-127, 127));
    return bytesOf(v);
}

// Weights quantization: per tensor or per channel along `axis` (zp 0).
Quant weightQuant(DiffRng &r, bool perChannel, int channels, int axis) {
    Quant wq;
    const int n = perChannel ? channels : 1;
    for (int i = 0; i < n; ++i) {
        wq.scale.push_back(std::ldexp(r.uniform(0.5f, 1.f), r.range(-10, -4)));
        wq.zeroPoint.push_back(0);
    }
    wq.axis = axis;
    return wq;
}

float meanScale(const Quant &wq) {
    double s = 0;
    for (float x : wq.scale) s += x;
    return float(s / double(wq.scale.size()));
}

// A bias tensor for `dt` activations (int32 for int8, int64 or int32 for
// int16, float for float32), quantized with in_scale * w_scale[c].
// For int16: int32Bias16 > 0 forces int32, 0 forces int64, < 0 picks either.
int addBias(Graph &g, DiffRng &r, DType dt, int channels, float inScale, const Quant &wq, int axisForQuant = 0,
            int int32Bias16 = -1) {
    if (dt == DType::Float32)
        return addTensor(g, "bias", DType::Float32, {channels}, {}, floatData(r, size_t(channels), -2.f, 2.f));
    Quant bq;
    for (float s : wq.scale) {
        bq.scale.push_back(inScale * s);
        bq.zeroPoint.push_back(0);
    }
    bq.axis = axisForQuant;
    if (dt == DType::Int16 && (int32Bias16 == 0 || (int32Bias16 < 0 && r.coin()))) {
        std::vector<int64_t> v(static_cast<size_t>(channels));
        for (auto &x : v) x = r.range(-(1 << 22), 1 << 22);
        return addTensor(g, "bias", DType::Int64, {channels}, bq, bytesOf(v));
    }
    std::vector<int32_t> v(static_cast<size_t>(channels));
    for (auto &x : v) x = r.range(-30000, 30000);
    return addTensor(g, "bias", DType::Int32, {channels}, bq, bytesOf(v));
}

int outSize(Padding pad, int in, int filter, int stride, int dilation) {
    const int eff = (filter - 1) * dilation + 1;
    return pad == Padding::Same ? (in + stride - 1) / stride : (in - eff + stride) / stride;
}

void check(std::vector<DiffCase> cases, size_t minCases = 50, const DiffOptions &opts = {}) {
    QVERIFY(cases.size() >= minCases);
    // EMBER_DIFF_FILTER=text keeps only the cases whose name contains it
    // (with EMBER_KEEP_DIFF=1 to look at one case's files).
    if (const char *only = std::getenv("EMBER_DIFF_FILTER")) {
        std::erase_if(cases, [&](const DiffCase &c) { return c.name.find(only) == std::string::npos; });
    }
    std::string summary;
    QElapsedTimer t;
    t.start();
    const auto failures = runDiff(std::move(cases), opts, &summary);
    qInfo("%s (%.1f s)", summary.c_str(), double(t.elapsed()) / 1000.0);
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

// CONV_2D (depthwise = false) or DEPTHWISE_CONV_2D case number k. `tall`:
// one batch of 12 to 30 rows (what row-by-row in-place memory needs to pay).
DiffCase convCase(DiffRng &r, bool depthwise, int k, bool tall = false) {
    const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int8, DType::Int16, DType::Float32});
    const int n = tall ? 1 : r.range(0, 5) == 0 ? 2 : 1;
    const int inC = r.range(1, 6);
    const int mult = depthwise ? r.pick(std::vector<int>{1, 1, 2, 3}) : 1;
    const int outC = depthwise ? inC * mult : r.range(1, 7);
    const int kh = r.range(1, 4), kw = r.range(1, 4);
    OpAttrs at;
    at.strideH = r.range(1, 3), at.strideW = r.range(1, 3);
    at.dilationH = r.range(0, 3) == 0 ? 2 : 1, at.dilationW = r.range(0, 3) == 0 ? r.range(2, 3) : 1;
    at.padding = r.coin() ? Padding::Same : Padding::Valid;
    at.activation = r.pick(kActs);
    if (depthwise) at.depthMultiplier = mult;
    const int h = tall ? r.range(12, 30) : r.range((kh - 1) * at.dilationH + 1, 11),
              w = r.range((kw - 1) * at.dilationW + 1, 11);
    const int oh = outSize(at.padding, h, kh, at.strideH, at.dilationH);
    const int ow = outSize(at.padding, w, kw, at.strideW, at.dilationW);

    Graph g;
    g.name = "m";
    const Quant qi = actQuant(r, dt);
    const int x = addTensor(g, "x", dt, {n, h, w, inC}, qi);
    const Shape ws = depthwise ? Shape{1, kh, kw, outC} : Shape{outC, kh, kw, inC};
    const size_t wn = size_t(shapeElements(ws));
    const bool perChannel = dt != DType::Float32 && (dt == DType::Int16 || r.range(0, 3) != 0);
    const Quant wq = dt == DType::Float32 ? Quant{} : weightQuant(r, perChannel, outC, depthwise ? 3 : 0);
    const int wt = dt == DType::Float32 ? addTensor(g, "w", dt, ws, {}, floatData(r, wn, -1.f, 1.f))
                                        : addTensor(g, "w", DType::Int8, ws, wq, int8Weights(r, wn));
    // tflm_ref (a build with TFLITE_DCHECKs on) aborts on a depthwise
    // convolution without bias (a DCHECK on the bias shape; release builds of
    // TFLM run it, and so does Ember): depthwise cases always have one.
    const bool hasBias = depthwise || r.range(0, 4) != 0;
    // int16 depthwise: TFLM reads the bias as int64 whatever its type, so an
    // int32 bias gives garbage there and Ember refuses it (not compared).
    const int b = hasBias ? addBias(g, r, dt, outC, qi.sc(), wq, 0, depthwise ? 0 : -1) : -1;
    const int terms = kh * kw * (depthwise ? 1 : inC);
    const int y = addTensor(g, "y", dt, {n, oh, ow, outC},
                            outQuant(r, dt, qi.sc(), dt == DType::Float32 ? 1.f : meanScale(wq), terms));
    addOp(g, depthwise ? OpType::DepthwiseConv2D : OpType::Conv2D, {x, wt, b}, {y}, at);
    setIO(g, {x}, {y});
    char name[160];
    std::snprintf(name, sizeof name, "%s %s in[%d,%d,%d,%d] k%dx%d s%d,%d d%d,%d %s m%d %s%s #%d",
                  depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D", dtypeName(dt), n, h, w, inC, kh, kw, at.strideH,
                  at.strideW, at.dilationH, at.dilationW, at.padding == Padding::Same ? "same" : "valid", mult,
                  perChannel ? "per-channel" : "per-tensor",
                  hasBias ? (std::string(" bias ") + dtypeName(g.tensors[size_t(b)].dtype)).c_str() : " no-bias", k);
    return {name, std::move(g)};
}

// A convolution whose output is larger than its input (it widens the
// channels), case k: 1x1 or 3x3, stride 1, channel ratio 2 or 4, int8 or
// float32, SAME or VALID, CONV_2D or DEPTHWISE_CONV_2D (depth multiplier =
// the ratio), 14 to 28 rows: written over its input last row first.
DiffCase widenCase(DiffRng &r, int k) {
    const DType dt = k % 2 ? DType::Float32 : DType::Int8;
    const int kh = (k / 2) % 2 ? 3 : 1, kw = kh;
    const int ratio = (k / 4) % 2 ? 4 : 2;
    const bool depthwise = k % 3 == 2;
    OpAttrs at;
    at.strideH = at.strideW = 1;
    at.dilationH = at.dilationW = 1;
    at.padding = (k / 8) % 2 ? Padding::Same : Padding::Valid;
    at.activation = r.pick(kActs);
    if (depthwise) at.depthMultiplier = ratio;
    const int h = r.range(14, 28), w = r.range(kw == 3 ? 6 : 1, 12), inC = r.range(1, 4), outC = inC * ratio;
    const int oh = outSize(at.padding, h, kh, 1, 1), ow = outSize(at.padding, w, kw, 1, 1);
    Graph g;
    g.name = "m";
    const Quant qi = actQuant(r, dt);
    const int x = addTensor(g, "x", dt, {1, h, w, inC}, qi);
    const Shape ws = depthwise ? Shape{1, kh, kw, outC} : Shape{outC, kh, kw, inC};
    const size_t wn = size_t(shapeElements(ws));
    const bool perChannel = dt != DType::Float32 && r.coin();
    const Quant wq = dt == DType::Float32 ? Quant{} : weightQuant(r, perChannel, outC, depthwise ? 3 : 0);
    const int wt = dt == DType::Float32 ? addTensor(g, "w", dt, ws, {}, floatData(r, wn, -1.f, 1.f))
                                        : addTensor(g, "w", DType::Int8, ws, wq, int8Weights(r, wn));
    const int b = addBias(g, r, dt, outC, qi.sc(), wq);
    const int y = addTensor(g, "y", dt, {1, oh, ow, outC},
                            outQuant(r, dt, qi.sc(), dt == DType::Float32 ? 1.f : meanScale(wq),
                                     kh * kw * (depthwise ? 1 : inC)));
    addOp(g, depthwise ? OpType::DepthwiseConv2D : OpType::Conv2D, {x, wt, b}, {y}, at);
    setIO(g, {x}, {y});
    char name[160];
    std::snprintf(name, sizeof name, "widening %s %s in[1,%d,%d,%d] k%dx%d x%d %s #%d",
                  depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D", dtypeName(dt), h, w, inC, kh, kw, ratio,
                  at.padding == Padding::Same ? "same" : "valid", k);
    return {name, std::move(g)};
}

// A convolution chain for --in-place fuse (plan/RowFusion.h), case k:
// x -> RELU -> xr -> conv a -> y -> conv b -> z, then by k % 3
//   0  z -> RELU -> out, xr -> RELU -> out2  (two convolutions: y streamed)
//   1  ADD(z, xr) -> RELU -> out             (a residual block over xr itself:
//                                             both stride 1, SAME, channels kept)
//   2  ADD(r2, z) -> RELU -> out, r2 = RELU(x2), a second input (in place over r2),
//      and xr -> RELU -> out2
// Each convolution CONV_2D or DEPTHWISE_CONV_2D, filter 1..3 (case 1: odd),
// stride 1..2, dilation 1..2, SAME or VALID; int8 or float32.
DiffCase chainCase(DiffRng &r, int k) {
    const int mode = k % 3;
    const DType dt = k % 7 == 6 ? DType::Float32 : DType::Int8;
    Graph g;
    g.name = "m";
    const int h = r.range(6, 20), w = r.range(3, 9), c0 = r.range(1, 6);
    const Quant qx = actQuant(r, dt);
    const int x = addTensor(g, "x", dt, {1, h, w, c0}, qx);
    const int xr = addTensor(g, "xr", dt, {1, h, w, c0}, qx);
    addOp(g, OpType::Relu, {x}, {xr});
    std::string desc;
    // One convolution from tensor `in` [1, ih, iw, ic].
    auto conv = [&](int in, int ih, int iw, int ic, const char *name, int *oh, int *ow, int *oc) {
        const bool dw = r.coin();
        const int mult = dw ? r.pick(std::vector<int>{1, 1, 2}) : 1;
        *oc = mode == 1 ? ic : dw ? ic * mult : r.range(1, 7);
        const bool dwOk = !dw || *oc == ic * mult;
        const bool depthwise = dw && dwOk;
        const int kh = mode == 1 ? r.pick(std::vector<int>{1, 3}) : r.range(1, 3), kw = mode == 1 ? kh : r.range(1, 3);
        OpAttrs at;
        at.strideH = mode == 1 ? 1 : r.range(1, 2), at.strideW = mode == 1 ? 1 : r.range(1, 2);
        at.dilationH = mode != 1 && r.range(0, 3) == 0 ? 2 : 1, at.dilationW = 1;
        at.padding = mode == 1 || r.coin() ? Padding::Same : Padding::Valid;
        if ((kh - 1) * at.dilationH + 1 > ih || kw > iw) at.padding = Padding::Same;
        at.activation = r.pick(kActs);
        if (depthwise) at.depthMultiplier = *oc / ic;
        *oh = outSize(at.padding, ih, kh, at.strideH, at.dilationH);
        *ow = outSize(at.padding, iw, kw, at.strideW, at.dilationW);
        const Shape ws = depthwise ? Shape{1, kh, kw, *oc} : Shape{*oc, kh, kw, ic};
        const size_t wn = size_t(shapeElements(ws));
        const bool perChannel = dt != DType::Float32 && r.coin();
        const Quant wq = dt == DType::Float32 ? Quant{} : weightQuant(r, perChannel, *oc, depthwise ? 3 : 0);
        const int wt = dt == DType::Float32 ? addTensor(g, std::string(name) + "_w", dt, ws, {}, floatData(r, wn, -1.f, 1.f))
                                            : addTensor(g, std::string(name) + "_w", DType::Int8, ws, wq, int8Weights(r, wn));
        const float inScale = dt == DType::Float32 ? 1.f : g.tensors[size_t(in)].quant.sc();
        const int b = addBias(g, r, dt, *oc, inScale, wq, 0, depthwise ? 0 : -1);
        const int out = addTensor(g, name, dt, {1, *oh, *ow, *oc},
                                  outQuant(r, dt, inScale, dt == DType::Float32 ? 1.f : meanScale(wq),
                                           kh * kw * (depthwise ? 1 : ic)));
        addOp(g, depthwise ? OpType::DepthwiseConv2D : OpType::Conv2D, {in, wt, b}, {out}, at);
        char d[96];
        std::snprintf(d, sizeof d, " %s k%dx%d s%d d%d %s c%d", depthwise ? "dw" : "conv", kh, kw, at.strideH,
                      at.dilationH, at.padding == Padding::Same ? "same" : "valid", *oc);
        desc += d;
        return out;
    };
    int h1, w1, c1, h2, w2, c2;
    const int y = conv(xr, h, w, c0, "y", &h1, &w1, &c1);
    const int z = conv(y, h1, w1, c1, "z", &h2, &w2, &c2);
    const Quant qo = actQuant(r, dt);
    int last = z;
    std::vector<int> ins = {x};
    if (mode > 0) {
        int res = xr;
        if (mode == 2) {
            const Quant q2 = actQuant(r, dt);
            const int x2 = addTensor(g, "x2", dt, {1, h2, w2, c2}, q2);
            res = addTensor(g, "r2", dt, {1, h2, w2, c2}, q2);
            addOp(g, OpType::Relu, {x2}, {res});
            ins.push_back(x2);
        }
        last = addTensor(g, "sum", dt, {1, h2, w2, c2}, actQuant(r, dt));
        OpAttrs at;
        at.activation = r.pick(kActs);
        if (mode == 1) addOp(g, OpType::Add, {z, res}, {last}, at);
        else addOp(g, OpType::Add, {res, z}, {last}, at);
    }
    const int out = addTensor(g, "out", dt, {1, h2, w2, c2}, mode > 0 ? g.tensors[size_t(last)].quant : qo);
    addOp(g, OpType::Relu, {last}, {out});
    std::vector<int> outs = {out};
    if (mode != 1) {  // xr read again at the end: it stays live, so fusing saves y (and z)
        outs.push_back(addTensor(g, "out2", dt, {1, h, w, c0}, qx));
        addOp(g, OpType::Relu, {xr}, {outs.back()});
    }
    for (size_t i = 0; i < g.ops.size(); ++i) g.ops[i].index = int(i);
    setIO(g, ins, outs);
    char name[240];
    std::snprintf(name, sizeof name, "chain %s %s in[1,%d,%d,%d]%s #%d", mode == 0 ? "conv+conv" : mode == 1 ? "residual over x" : "residual",
                  dtypeName(dt), h, w, c0, desc.c_str(), k);
    return {name, std::move(g)};
}

DiffCase fcCase(DiffRng &r, int k) {
    const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int8, DType::Int16, DType::Float32});
    const int depth = r.range(1, 40), units = r.range(1, 12);
    OpAttrs at;
    at.activation = r.pick(kActs);
    at.keepDims = r.range(0, 3) == 0;
    Shape in;
    const int form = r.range(0, 3);
    if (form == 0) in = {1, depth};
    else if (form == 1) in = {r.range(2, 4), depth};
    else if (form == 2) in = {1, r.range(1, 3), depth};
    else in = {1, 2, r.range(1, 3), depth};
    Shape out = {int32_t(shapeElements(in) / depth), units};
    if (at.keepDims) {
        out = in;
        out.back() = units;
    }
    Graph g;
    g.name = "m";
    const Quant qi = actQuant(r, dt);
    const int x = addTensor(g, "x", dt, in, qi);
    const Shape ws{units, depth};
    const size_t wn = size_t(units * depth);
    const bool perChannel = dt != DType::Float32 && r.range(0, 3) == 0;
    const Quant wq = dt == DType::Float32 ? Quant{} : weightQuant(r, perChannel, units, 0);
    const int wt = dt == DType::Float32 ? addTensor(g, "w", dt, ws, {}, floatData(r, wn, -1.f, 1.f))
                                        : addTensor(g, "w", DType::Int8, ws, wq, int8Weights(r, wn));
    const bool hasBias = r.range(0, 4) != 0;
    const int b = hasBias ? addBias(g, r, dt, units, qi.sc(), wq) : -1;
    const int y = addTensor(g, "y", dt, out,
                            outQuant(r, dt, qi.sc(), dt == DType::Float32 ? 1.f : meanScale(wq), depth));
    addOp(g, OpType::FullyConnected, {x, wt, b}, {y}, at);
    setIO(g, {x}, {y});
    return {"FULLY_CONNECTED " + std::string(dtypeName(dt)) + " " + shapeString(in) + " units " +
                std::to_string(units) + (perChannel ? " per-channel" : "") + (at.keepDims ? " keep" : "") +
                (hasBias ? "" : " no-bias") + " #" + std::to_string(k),
            std::move(g)};
}

DiffCase poolCase(DiffRng &r, bool average, int k) {
    const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int8, DType::Int16, DType::Float32});
    OpAttrs at;
    at.filterH = r.range(1, 4), at.filterW = r.range(1, 4);
    at.strideH = r.range(1, 3), at.strideW = r.range(1, 3);
    at.padding = r.coin() ? Padding::Same : Padding::Valid;
    at.activation = r.pick(kActs);
    // A global pool now and then (the classifier pattern).
    const bool global = r.range(0, 6) == 0;
    const int h = global ? r.range(2, 9) : r.range(at.filterH, 11), w = global ? r.range(2, 9) : r.range(at.filterW, 11);
    if (global) at.filterH = h, at.filterW = w, at.padding = Padding::Valid;
    // SAME padding with a window smaller than the stride could leave windows
    // empty; keep strides within the window.
    at.strideH = std::min(at.strideH, at.filterH), at.strideW = std::min(at.strideW, at.filterW);
    const int n = r.range(0, 5) == 0 ? 2 : 1, c = r.range(1, 9);
    const int oh = outSize(at.padding, h, at.filterH, at.strideH, 1);
    const int ow = outSize(at.padding, w, at.filterW, at.strideW, 1);
    Graph g;
    g.name = "m";
    const Quant qi = actQuant(r, dt);
    // TFLM does not rescale: mostly the same quantization out, sometimes not.
    const Quant qo = r.range(0, 4) == 0 ? actQuant(r, dt) : qi;
    const int x = addTensor(g, "x", dt, {n, h, w, c}, qi);
    const int y = addTensor(g, "y", dt, {n, oh, ow, c}, qo);
    addOp(g, average ? OpType::AveragePool2D : OpType::MaxPool2D, {x}, {y}, at);
    setIO(g, {x}, {y});
    char name[160];
    std::snprintf(name, sizeof name, "%s %s in[%d,%d,%d,%d] f%dx%d s%d,%d %s act%d #%d",
                  average ? "AVERAGE_POOL_2D" : "MAX_POOL_2D", dtypeName(dt), n, h, w, c, at.filterH, at.filterW,
                  at.strideH, at.strideW, at.padding == Padding::Same ? "same" : "valid", int(at.activation), k);
    return {name, std::move(g)};
}

}  // namespace

class TstDiffConv : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    // --in-place on: CONV_2D / DEPTHWISE_CONV_2D written over their input row
    // by row (plan/RowInPlace.h). The op sits between two RELUs so that its
    // input and output are planned buffers; most cases get the row schedule
    // (counted through the planner), all must agree with TFLM.
    void inPlaceRows() {
        DiffRng r(77);
        std::vector<DiffCase> cases;
        // The op between two RELUs; the number of convolutions the planner
        // writes over their input (and of those, the ones whose output is larger).
        auto wrap = [&](DiffCase c, int *rows, int *wider) {
            Graph &g = c.graph;
            const int x = g.inputs[0], y = g.outputs[0];
            const int xr = addTensor(g, "x_relu", g.tensors[size_t(x)].dtype, g.tensors[size_t(x)].shape,
                                     g.tensors[size_t(x)].quant);
            const int yc = addTensor(g, "y_conv", g.tensors[size_t(y)].dtype, g.tensors[size_t(y)].shape,
                                     g.tensors[size_t(y)].quant);
            Op &conv = g.ops[0];
            conv.inputs[0] = xr;
            conv.outputs[0] = yc;
            addOp(g, OpType::Relu, {x}, {xr});
            addOp(g, OpType::Relu, {yc}, {y});
            std::rotate(g.ops.begin(), g.ops.begin() + 1, g.ops.begin() + 2);  // RELU, conv, RELU
            for (size_t i = 0; i < g.ops.size(); ++i) g.ops[i].index = int(i);
            c.name = "in place " + c.name;
            Graph prepared = g;
            Diagnostics d;
            if (runPasses(prepared, d)) {
                PlanRequest req;
                req.inPlace = true;
                auto plan = planMemory(prepared, req);
                if (plan.ok())
                    for (const BufferShare &s : plan->shares)
                        if (s.kind == ShareKind::InPlace && prepared.ops[size_t(s.step)].type != OpType::Relu) {
                            ++*rows;
                            *wider += prepared.tensors[size_t(s.output)].bytes() > prepared.tensors[size_t(s.input)].bytes();
                        }
            }
            cases.push_back(std::move(c));
        };
        int rows = 0, wider = 0;
        for (int k = 0; k < 110; ++k) {
            DiffCase c = convCase(r, k % 2 == 1, k, true);
            if (c.graph.tensors[size_t(c.graph.inputs[0])].dtype == DType::Int16) continue;  // RELU of int16: not in TFLM's reference
            wrap(std::move(c), &rows, &wider);
        }
        const size_t random = cases.size();
        int widenRows = 0, widenWider = 0;
        for (int k = 0; k < 48; ++k) wrap(widenCase(r, k), &widenRows, &widenWider);
        qInfo("%d of %zu random cases write the convolution over its input (%d with a larger output); "
              "%d of %zu widening cases do",
              rows, random, wider, widenWider, cases.size() - random);
        QVERIFY(rows >= 30);
        QVERIFY(widenWider >= 36);
        DiffOptions opts;
        opts.inPlace = true;
        check(std::move(cases), 50, opts);
    }

    // --in-place fuse: convolution chains (and residual ADDs) run row by
    // row as one layer (plan/RowFusion.h), the tensors between them never
    // whole. Most cases must be fused (counted through the planner, by kind),
    // all must agree with TFLM.
    void fusedChains() {
        DiffRng r(303);
        std::vector<DiffCase> cases;
        int fused[3] = {0, 0, 0}, overInput = 0;
        for (int k = 0; k < 90; ++k) {
            DiffCase c = chainCase(r, k);
            Graph prepared = c.graph;
            Diagnostics d;
            if (runPasses(prepared, d)) {
                PlanRequest req;
                req.inPlace = req.fuseRows = true;
                auto plan = planMemory(prepared, req);
                QVERIFY2(plan.ok(), (c.name + ": " + plan.diagnostics().format()).c_str());
                QVERIFY2(checkPlan(prepared, plan.value()).empty(), c.name.c_str());
                for (const FusedChain &ch : plan->fused) {
                    ++fused[k % 3];
                    for (const BufferShare &s : plan->shares)
                        overInput += s.step == ch.last() && s.input == ch.input && ch.residual == ch.input;
                }
            }
            cases.push_back(std::move(c));
        }
        qInfo("fused: %d of 30 conv+conv, %d of 30 residual blocks over their input (%d written over it), %d of 30 "
              "residual blocks over a second input",
              fused[0], fused[1], overInput, fused[2]);
        QVERIFY(fused[0] >= 15 && fused[1] >= 15 && overInput >= 10 && fused[2] >= 15);
        DiffOptions opts;
        opts.inPlace = opts.fuse = true;
        check(std::move(cases), 90, opts);
    }

    void conv2d() {
        std::vector<DiffCase> cases;
        DiffRng r(101);
        for (int k = 0; k < 70; ++k) cases.push_back(convCase(r, false, k));
        check(std::move(cases));
    }

    void depthwiseConv2d() {
        std::vector<DiffCase> cases;
        DiffRng r(202);
        for (int k = 0; k < 70; ++k) cases.push_back(convCase(r, true, k));
        check(std::move(cases));
    }

    void fullyConnected() {
        std::vector<DiffCase> cases;
        DiffRng r(303);
        for (int k = 0; k < 70; ++k) cases.push_back(fcCase(r, k));
        check(std::move(cases));
    }

    // --optimize size (ConvCompact.cpp: the shared kernels, packed
    // requantization, the map of constant channels where a case has them):
    // conv, depthwise and FC cases, the C of every one built.
    void sizeMode() {
        std::vector<DiffCase> cases;
        DiffRng r(404);
        for (int k = 0; k < 60; ++k) {
            DiffCase c = k % 3 == 2 ? fcCase(r, k) : convCase(r, k % 3 == 1, k);
            c.name = "size " + c.name;
            cases.push_back(std::move(c));
        }
        DiffOptions opts;
        opts.optimize = "size";
        opts.allGeneratedC = true;
        check(std::move(cases), 50, opts);
    }

    void pools() {
        std::vector<DiffCase> cases;
        DiffRng r(404);
        for (int k = 0; k < 60; ++k) cases.push_back(poolCase(r, true, k));
        for (int k = 0; k < 60; ++k) cases.push_back(poolCase(r, false, k));
        check(std::move(cases));
    }

    // Regression: a converter copied the filter's per-channel quantization
    // (quantized_dimension 3, one scale per output channel) onto the rank-1
    // bias. TFLM never reads the bias' layout for CONV_2D,
    // DEPTHWISE_CONV_2D and FULLY_CONNECTED and runs the model; Ember must too.
    void biasWithFilterQuantDimension() {
        std::vector<DiffCase> cases;
        DiffRng r(505);
        for (int k = 0; k < 12; ++k) {
            const int kind = k % 3;  // conv, depthwise, fully connected
            const DType dt = k < 9 ? DType::Int8 : DType::Int16;
            Graph g;
            g.name = "m";
            const int c = r.range(2, 6);
            const Quant qi = actQuant(r, dt);
            const Quant wq = weightQuant(r, true, c, kind == 1 ? 3 : 0);
            int x, wt, y;
            OpAttrs at;
            if (kind == 2) {
                x = addTensor(g, "x", dt, {1, 8}, qi);
                wt = addTensor(g, "w", DType::Int8, {c, 8}, wq, int8Weights(r, size_t(c * 8)));
            } else {
                x = addTensor(g, "x", dt, {1, 5, 5, kind == 1 ? c : 3}, qi);
                const Shape ws = kind == 1 ? Shape{1, 3, 3, c} : Shape{c, 3, 3, 3};
                wt = addTensor(g, "w", DType::Int8, ws, wq, int8Weights(r, size_t(shapeElements(ws))));
                at.padding = Padding::Same;
            }
            const int b = addBias(g, r, dt, c, qi.sc(), wq, /*axisForQuant=*/3, kind == 1 ? 0 : -1);
            const Shape os = kind == 2 ? Shape{1, c} : Shape{1, 5, 5, c};
            y = addTensor(g, "y", dt, os, outQuant(r, dt, qi.sc(), meanScale(wq), 27));
            addOp(g, kind == 0 ? OpType::Conv2D : kind == 1 ? OpType::DepthwiseConv2D : OpType::FullyConnected,
                  {x, wt, b}, {y}, at);
            setIO(g, {x}, {y});
            cases.push_back({"bias quantized_dimension 3 kind " + std::to_string(kind) + " " + dtypeName(dt) + " #" +
                                 std::to_string(k),
                             std::move(g)});
        }
        std::string summary;
        const auto failures = runDiff(std::move(cases), {}, &summary);
        qInfo("%s", summary.c_str());
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
        // Both must have run every case (none refused).
        QVERIFY2(summary.find("0 refused by both") != std::string::npos, summary.c_str());
    }
};

// The batched C builds of a few hundred cases can exceed QtTest's default
// 5-minute watchdog on a loaded machine.
int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT")) qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    QCoreApplication app(argc, argv);
    TstDiffConv tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_diff_conv.moc"
