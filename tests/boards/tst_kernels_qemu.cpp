// The target-specific int8 kernels (core/ops/ConvFast.cpp) on the emulated
// cores, byte-equal with the portable C: randomized CONV_2D (1x1, 3x3,
// general), DEPTHWISE_CONV_2D (channel multiplier 1 and > 1) and
// FULLY_CONNECTED shapes, same-shape int8 ADD/SUB and int8 AVERAGE_POOL_2D (odd channel counts, tails, strides, paddings, zero
// points, per-channel and per-tensor requantization, left shifts) as ONE
// graph of independent layers, so each core needs one firmware build:
// Helium on mps3-an547 (--target cortex-m55), DSP on mps2-an386
// (--target cortex-m4, balanced and --optimize speed, whose FULLY_CONNECTED
// weights are int16). Every output is compared with the host run of the
// same package (the portable C branches) and with the reference executor.
#include <QtTest>

#include <random>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/passes/Passes.h"
#include "core/reference/Executor.h"
#include "core/validate/HostRunner.h"
#include "flashers/Firmware.h"
#include "flashers/Profiler.h"
#include "flashers/ToolProcess.h"

using namespace ember;
using namespace ember::test;

namespace {

struct Cases {
    Graph g;
    std::vector<TensorData> inputs;
    std::vector<std::string> names;  // per case, for failure messages
};

int pick(std::mt19937 &rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

std::vector<int8_t> bytes(std::mt19937 &rng, size_t n) {
    std::vector<int8_t> v(n);
    for (auto &b : v) b = int8_t(pick(rng, -128, 127));
    return v;
}

Quant weightQuant(std::mt19937 &rng, int channels, int axis, bool perChannel) {
    Quant wq;
    wq.axis = axis;
    for (int c = 0; c < (perChannel ? channels : 1); ++c) {
        wq.scale.push_back(0.002f + 0.0007f * float(pick(rng, 0, 20)));
        wq.zeroPoint.push_back(0);
    }
    return wq;
}

float outScale(std::mt19937 &rng) {
    // Mostly right shifts; now and then a multiplier above one (left shift).
    const float s[] = {0.05f, 0.02f, 0.3f, 1.5f, 0.08f, 0.0002f};
    return s[pick(rng, 0, 5)];
}

Activation activation(std::mt19937 &rng) {
    const Activation a[] = {Activation::None, Activation::Relu, Activation::Relu6, Activation::None};
    return a[pick(rng, 0, 3)];
}

// One convolution-like case: kind 0 conv, 1 depthwise, 2 fully connected.
void addCase(Cases &cs, int kind, std::mt19937 &rng) {
    Graph &g = cs.g;
    const std::string k = std::to_string(cs.names.size());
    const int inZp = pick(rng, 0, 3) == 0 ? -128 : pick(rng, -128, 127);
    const bool perChannel = pick(rng, 0, 3) != 0, hasBias = pick(rng, 0, 4) != 0;
    OpAttrs a;
    a.activation = activation(rng);
    std::string name;
    if (kind == 3) {
        // ADD / SUB of same-shape int8 tensors (Helium: 4 lanes per step, tail predicated).
        const Shape shape{1, pick(rng, 1, 7), pick(rng, 1, 9), pick(rng, 1, 19)};
        const int64_t count = int64_t(shape[1]) * shape[2] * shape[3];
        const float s1 = 0.01f + 0.01f * float(pick(rng, 0, 10)), s2 = 0.01f + 0.02f * float(pick(rng, 0, 10));
        const int x = addTensor(g, "in" + k + "a", DType::Int8, shape, q(s1, inZp));
        const int y = addTensor(g, "in" + k + "b", DType::Int8, shape, q(s2, pick(rng, -128, 127)));
        const int out = addTensor(g, "out" + k, DType::Int8, shape, q(0.02f + 0.03f * float(pick(rng, 0, 6)), pick(rng, -128, 127)));
        const bool sub = pick(rng, 0, 2) == 0;
        addOp(g, sub ? OpType::Sub : OpType::Add, {x, y}, {out}, a);
        g.inputs.push_back(x);
        g.inputs.push_back(y);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(count))));
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(count))));
        name = std::string(sub ? "sub " : "add ") + std::to_string(count) + " elements";
    } else if (kind == 2) {
        const int depth = pick(rng, 1, 90), units = pick(rng, 1, 19), rows = pick(rng, 1, 3);
        const int in = addTensor(g, "in" + k, DType::Int8, {rows, depth}, q(0.02f, inZp));
        const Quant wq = weightQuant(rng, units, 0, perChannel);
        std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, {units, depth}, wq, bytesOf(bytes(rng, size_t(units) * depth)))};
        if (hasBias) {
            std::vector<int32_t> b(static_cast<size_t>(units));
            for (auto &v : b) v = pick(rng, -20000, 20000);
            ins.push_back(addTensor(g, "b" + k, DType::Int32, {units}, q(0.02f * wq.scale[0], 0), bytesOf(b)));
        }
        const int out = addTensor(g, "out" + k, DType::Int8, {rows, units}, q(outScale(rng), pick(rng, -128, 127)));
        addOp(g, OpType::FullyConnected, ins, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(rows) * depth)));
        name = "fc " + std::to_string(rows) + "x" + std::to_string(depth) + " -> " + std::to_string(units);
    } else {
        const bool dw = kind == 1;
        const int sizes[] = {1, 3, 3, 3, 5, 2};
        int fh = sizes[pick(rng, 0, 5)], fw = pick(rng, 0, 2) ? fh : sizes[pick(rng, 0, 5)];
        const int stride = pick(rng, 0, 2) ? 1 : 2;
        const int h = pick(rng, 1, 9), w = pick(rng, 1, 11);
        a.padding = pick(rng, 0, 2) ? Padding::Same : Padding::Valid;
        if (a.padding == Padding::Valid && (h < fh || w < fw)) a.padding = Padding::Same;
        a.strideH = a.strideW = stride;
        int inC = pick(rng, 1, 24), mult = 1, outC = pick(rng, 1, 21);
        if (!dw && pick(rng, 0, 3) == 0) fh = fw = 1, inC = pick(rng, 8, 70);  // pointwise
        if (dw) {
            // Channel multiplier > 1 on few input channels (micro_speech's first layer).
            if (pick(rng, 0, 2) == 0) mult = pick(rng, 2, 9), inC = pick(rng, 1, 3);
            a.depthMultiplier = mult;
            outC = inC * mult;
        }
        const int in = addTensor(g, "in" + k, DType::Int8, {1, h, w, inC}, q(0.02f, inZp));
        const Quant wq = weightQuant(rng, outC, dw ? 3 : 0, perChannel);
        const Shape ws = dw ? Shape{1, fh, fw, outC} : Shape{outC, fh, fw, inC};
        std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, ws, wq,
                                           bytesOf(bytes(rng, size_t(outC) * fh * fw * (dw ? 1 : inC))))};
        if (hasBias) {
            std::vector<int32_t> b(static_cast<size_t>(outC));
            for (auto &v : b) v = pick(rng, -5000, 5000);
            ins.push_back(addTensor(g, "b" + k, DType::Int32, {outC}, {}, bytesOf(b)));
        }
        const int oh = a.padding == Padding::Same ? (h + stride - 1) / stride : (h - fh + stride) / stride;
        const int ow = a.padding == Padding::Same ? (w + stride - 1) / stride : (w - fw + stride) / stride;
        const int out = addTensor(g, "out" + k, DType::Int8, {1, oh, ow, outC}, q(outScale(rng), pick(rng, -128, 127)));
        addOp(g, dw ? OpType::DepthwiseConv2D : OpType::Conv2D, ins, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(h) * w * inC)));
        name = std::string(dw ? "depthwise" : "conv") + " " + std::to_string(h) + "x" + std::to_string(w) + "x" +
               std::to_string(inC) + " filter " + std::to_string(fh) + "x" + std::to_string(fw) + " x" +
               std::to_string(dw ? mult : outC) + " stride " + std::to_string(stride) +
               (a.padding == Padding::Same ? " same" : " valid");
    }
    g.ops.back().index = int(g.ops.size()) - 1;
    cs.names.push_back(name);
}

// Depthwise on one input channel with multiplier > 1 and filters at least 4
// wide (micro_speech's first layer: the DSP path's packed tap pairs), border
// columns, stride 1 and 2, multipliers below and above 8.
void addOneChannelCases(Cases &cs, std::mt19937 &rng) {
    struct Shape4 {
        int h, w, fh, fw, stride, mult;
    };
    const Shape4 shapes[] = {{9, 13, 3, 8, 2, 8}, {6, 11, 2, 5, 1, 3}, {7, 9, 4, 7, 2, 10}};
    for (const Shape4 &s : shapes) {
        Graph &g = cs.g;
        const std::string k = std::to_string(cs.names.size());
        OpAttrs a;
        a.activation = activation(rng);
        a.padding = Padding::Same;
        a.strideH = a.strideW = s.stride;
        a.depthMultiplier = s.mult;
        const int outC = s.mult;
        const int in = addTensor(g, "in" + k, DType::Int8, {1, s.h, s.w, 1}, q(0.02f, pick(rng, -128, 127)));
        const Quant wq = weightQuant(rng, outC, 3, true);
        std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, {1, s.fh, s.fw, outC}, wq,
                                           bytesOf(bytes(rng, size_t(outC) * s.fh * s.fw)))};
        std::vector<int32_t> b(static_cast<size_t>(outC));
        for (auto &v : b) v = pick(rng, -5000, 5000);
        ins.push_back(addTensor(g, "b" + k, DType::Int32, {outC}, {}, bytesOf(b)));
        const int oh = (s.h + s.stride - 1) / s.stride, ow = (s.w + s.stride - 1) / s.stride;
        const int out = addTensor(g, "out" + k, DType::Int8, {1, oh, ow, outC}, q(outScale(rng), pick(rng, -128, 127)));
        addOp(g, OpType::DepthwiseConv2D, ins, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(s.h) * s.w)));
        g.ops.back().index = int(g.ops.size()) - 1;
        cs.names.push_back("depthwise " + std::to_string(s.h) + "x" + std::to_string(s.w) + "x1 filter " +
                           std::to_string(s.fh) + "x" + std::to_string(s.fw) + " x" + std::to_string(s.mult) +
                           " stride " + std::to_string(s.stride) + " same");
    }
}

// One CONV_2D case of a fixed shape (the random parts: weights, bias,
// zero points, scales, and the activation and per-channel choice the
// caller draws).
struct ConvShape {
    int h, w, c, fh, fw, stride, outC;
    bool same;
};

void addConvCase(Cases &cs, std::mt19937 &rng, const ConvShape &s, Activation act, bool perChannel) {
    Graph &g = cs.g;
    const std::string k = std::to_string(cs.names.size());
    OpAttrs a;
    a.activation = act;
    a.padding = s.same ? Padding::Same : Padding::Valid;
    a.strideH = a.strideW = s.stride;
    const int in = addTensor(g, "in" + k, DType::Int8, {1, s.h, s.w, s.c}, q(0.02f, pick(rng, -128, 127)));
    const Quant wq = weightQuant(rng, s.outC, 0, perChannel);
    std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, {s.outC, s.fh, s.fw, s.c}, wq,
                                       bytesOf(bytes(rng, size_t(s.outC) * s.fh * s.fw * s.c)))};
    std::vector<int32_t> b(static_cast<size_t>(s.outC));
    for (auto &v : b) v = pick(rng, -5000, 5000);
    ins.push_back(addTensor(g, "b" + k, DType::Int32, {s.outC}, {}, bytesOf(b)));
    const int oh = s.same ? (s.h + s.stride - 1) / s.stride : (s.h - s.fh + s.stride) / s.stride;
    const int ow = s.same ? (s.w + s.stride - 1) / s.stride : (s.w - s.fw + s.stride) / s.stride;
    const int out = addTensor(g, "out" + k, DType::Int8, {1, oh, ow, s.outC}, q(outScale(rng), pick(rng, -128, 127)));
    addOp(g, OpType::Conv2D, ins, {out}, a);
    g.inputs.push_back(in);
    g.outputs.push_back(out);
    cs.inputs.push_back(bytesOf(bytes(rng, size_t(s.h) * s.w * s.c)));
    g.ops.back().index = int(g.ops.size()) - 1;
    cs.names.push_back("conv " + std::to_string(s.h) + "x" + std::to_string(s.w) + "x" + std::to_string(s.c) +
                       " filter " + std::to_string(s.fh) + "x" + std::to_string(s.fw) + " x" + std::to_string(s.outC) +
                       " stride " + std::to_string(s.stride) + (s.same ? " same" : " valid"));
}

// First-layer convolutions (few input channels: receptive fields not whole
// words, zero-padded to them on DSP cores) and taps of whole words with
// padding (the DSP buffer filled straight from the input rows): rows wide
// enough for groups of 8 pixels, odd output channels, strides 1 and 2; and
// receptive fields so large that a group holds one pixel.
void addFirstLayerCases(Cases &cs, std::mt19937 &rng) {
    const ConvShape shapes[] = {{7, 20, 3, 3, 3, 1, 5, true},  {9, 19, 3, 3, 3, 2, 8, true}, {8, 17, 1, 5, 4, 2, 7, true},
                                {6, 18, 2, 3, 3, 1, 3, false}, {7, 21, 4, 3, 3, 1, 5, true}, {6, 19, 8, 3, 3, 2, 3, true},
                                {11, 10, 1, 10, 4, 2, 9, true}, {6, 6, 64, 3, 3, 1, 5, true},
                                {5, 7, 30, 5, 5, 1, 3, true}};  // the last two: one pixel per group (speed)
    for (const ConvShape &s : shapes) {
        const Activation act = activation(rng);
        addConvCase(cs, rng, s, act, true);
    }
}

// CONV_2D shapes for the Helium asm path's variants: input channels a
// multiple of 16 with long receptive fields (the interleaved im2col gather,
// 1x1 with pointer offsets out of VLDRB's reach), over 12 vectors (the
// chunked loop), byte tails with channel tails, 1x3 filters (direct rows
// with border classes), channel counts not a multiple of 4; SAME padding.
void addConvShapes(Cases &cs, std::mt19937 &rng) {
    const ConvShape shapes[] = {{5, 7, 16, 3, 3, 1, 10, true}, {6, 5, 32, 3, 3, 2, 6, true}, {4, 5, 48, 3, 3, 1, 9, true},
                                {3, 5, 80, 1, 1, 1, 7, true},  {4, 6, 21, 3, 3, 1, 13, true}, {5, 6, 20, 1, 3, 1, 5, true},
                                {2, 3, 200, 1, 1, 1, 4, true}, {7, 4, 3, 3, 3, 2, 11, true}, {2, 3, 160, 1, 1, 1, 5, true}};
    for (const ConvShape &s : shapes) {
        const Activation act = activation(rng);
        const bool perChannel = pick(rng, 0, 1) != 0;
        addConvCase(cs, rng, s, act, perChannel);
    }
}

// FULLY_CONNECTED depths around the DSP path's groups of 4 inputs (whole
// groups only, 1-3 left over, one group, an odd number of groups) and unit
// counts around its groups of 4, one and three rows.
void addFcCases(Cases &cs, std::mt19937 &rng) {
    const int depths[] = {1, 2, 3, 4, 5, 7, 8, 12, 20, 64}, units[] = {1, 4, 5, 8, 3, 13, 2, 7, 6, 9};
    for (size_t i = 0; i < std::size(depths); ++i) {
        Graph &g = cs.g;
        const std::string k = std::to_string(cs.names.size());
        const int depth = depths[i], u = units[i], rows = i % 3 == 1 ? 3 : 1;
        OpAttrs a;
        a.activation = activation(rng);
        const int in = addTensor(g, "in" + k, DType::Int8, {rows, depth}, q(0.02f, pick(rng, -128, 127)));
        const Quant wq = weightQuant(rng, u, 0, i % 2 == 0);
        std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, {u, depth}, wq, bytesOf(bytes(rng, size_t(u) * depth)))};
        std::vector<int32_t> b(static_cast<size_t>(u));
        for (auto &v : b) v = pick(rng, -20000, 20000);
        ins.push_back(addTensor(g, "b" + k, DType::Int32, {u}, q(0.02f * wq.scale[0], 0), bytesOf(b)));
        const int out = addTensor(g, "out" + k, DType::Int8, {rows, u}, q(outScale(rng), pick(rng, -128, 127)));
        addOp(g, OpType::FullyConnected, ins, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(rows) * depth)));
        g.ops.back().index = int(g.ops.size()) - 1;
        cs.names.push_back("fc " + std::to_string(rows) + "x" + std::to_string(depth) + " -> " + std::to_string(u));
    }
}

// Depthwise (multiplier 1) on rows wide enough for the Helium path's strip
// loops (runs of one class of at least 3 strips), strides 1 and 2, odd
// channel counts (predicated tail), filters 3x3, 5x5 and 1x3.
void addWideDepthwiseCases(Cases &cs, std::mt19937 &rng) {
    struct Shape4 {
        int h, w, c, fh, fw, stride;
        bool same;
    };
    const Shape4 shapes[] = {{4, 29, 13, 3, 3, 1, true}, {5, 26, 8, 3, 3, 2, true}, {3, 23, 6, 5, 5, 1, true},
                             {6, 19, 5, 1, 3, 1, false}, {7, 33, 7, 3, 3, 2, false}, {2, 17, 64, 3, 3, 1, true}};
    for (const Shape4 &s : shapes) {
        Graph &g = cs.g;
        const std::string k = std::to_string(cs.names.size());
        OpAttrs a;
        a.activation = activation(rng);
        a.padding = s.same ? Padding::Same : Padding::Valid;
        a.strideH = a.strideW = s.stride;
        const int in = addTensor(g, "in" + k, DType::Int8, {1, s.h, s.w, s.c}, q(0.02f, pick(rng, -128, 127)));
        const Quant wq = weightQuant(rng, s.c, 3, pick(rng, 0, 3) != 0);
        std::vector<int> ins{in, addTensor(g, "w" + k, DType::Int8, {1, s.fh, s.fw, s.c}, wq,
                                           bytesOf(bytes(rng, size_t(s.c) * s.fh * s.fw)))};
        std::vector<int32_t> b(static_cast<size_t>(s.c));
        for (auto &v : b) v = pick(rng, -5000, 5000);
        ins.push_back(addTensor(g, "b" + k, DType::Int32, {s.c}, {}, bytesOf(b)));
        const int oh = s.same ? (s.h + s.stride - 1) / s.stride : (s.h - s.fh + s.stride) / s.stride;
        const int ow = s.same ? (s.w + s.stride - 1) / s.stride : (s.w - s.fw + s.stride) / s.stride;
        const int out = addTensor(g, "out" + k, DType::Int8, {1, oh, ow, s.c}, q(outScale(rng), pick(rng, -128, 127)));
        addOp(g, OpType::DepthwiseConv2D, ins, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(s.h) * s.w * s.c)));
        g.ops.back().index = int(g.ops.size()) - 1;
        cs.names.push_back("depthwise " + std::to_string(s.h) + "x" + std::to_string(s.w) + "x" + std::to_string(s.c) +
                           " filter " + std::to_string(s.fh) + "x" + std::to_string(s.fw) + " stride " +
                           std::to_string(s.stride) + (s.same ? " same" : " valid"));
    }
}

// int8 AVERAGE_POOL_2D: unclipped windows (the Helium path: global pools,
// VALID strided windows, window of one pixel, channel tails) and SAME
// padding with clipped windows (portable C on every core).
void addAveragePoolCases(Cases &cs, std::mt19937 &rng) {
    struct Shape4 {
        int h, w, c, fh, fw, stride;
        bool same;
    };
    const Shape4 shapes[] = {{25, 5, 64, 25, 5, 1, false}, {8, 8, 19, 8, 8, 1, false}, {7, 9, 12, 3, 3, 2, false},
                             {5, 6, 3, 1, 1, 1, false},    {6, 7, 10, 2, 3, 1, false}, {6, 7, 9, 3, 3, 2, true},
                             {15, 17, 5, 15, 17, 1, false}};
    for (const Shape4 &s : shapes) {
        Graph &g = cs.g;
        const std::string k = std::to_string(cs.names.size());
        OpAttrs a;
        a.activation = activation(rng);
        a.padding = s.same ? Padding::Same : Padding::Valid;
        a.strideH = a.strideW = s.stride;
        a.filterH = s.fh, a.filterW = s.fw;
        const Quant qu = q(0.05f, pick(rng, -128, 127));
        const int in = addTensor(g, "in" + k, DType::Int8, {1, s.h, s.w, s.c}, qu);
        const int oh = s.same ? (s.h + s.stride - 1) / s.stride : (s.h - s.fh + s.stride) / s.stride;
        const int ow = s.same ? (s.w + s.stride - 1) / s.stride : (s.w - s.fw + s.stride) / s.stride;
        const int out = addTensor(g, "out" + k, DType::Int8, {1, oh, ow, s.c}, qu);
        addOp(g, OpType::AveragePool2D, {in}, {out}, a);
        g.inputs.push_back(in);
        g.outputs.push_back(out);
        cs.inputs.push_back(bytesOf(bytes(rng, size_t(s.h) * s.w * s.c)));
        g.ops.back().index = int(g.ops.size()) - 1;
        cs.names.push_back("average pool " + std::to_string(s.h) + "x" + std::to_string(s.w) + "x" +
                           std::to_string(s.c) + " window " + std::to_string(s.fh) + "x" + std::to_string(s.fw) +
                           " stride " + std::to_string(s.stride) + (s.same ? " same" : " valid"));
    }
}

Cases makeCases(uint32_t seed, int perKind) {
    std::mt19937 rng(seed);
    Cases cs;
    cs.g.name = "kernels";
    for (int i = 0; i < perKind; ++i)
        for (int kind = 0; kind < 4; ++kind) addCase(cs, kind, rng);
    addOneChannelCases(cs, rng);
    addFirstLayerCases(cs, rng);
    addConvShapes(cs, rng);
    addFcCases(cs, rng);
    addWideDepthwiseCases(cs, rng);
    addAveragePoolCases(cs, rng);
    setIO(cs.g, cs.g.inputs, cs.g.outputs);
    return cs;
}

}  // namespace

class TestKernelsQemu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kernels_data();
    void kernels();
};

void TestKernelsQemu::initTestCase() {
    for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm", "gdb-multiarch"})
        if (findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
}

void TestKernelsQemu::kernels_data() {
    QTest::addColumn<QString>("board");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("markers");  // tokens only the target's paths emit (dot, im2col, multiplier)
    QTest::addColumn<QString>("optimize");
    QTest::newRow("helium@an547") << "qemu-mps3-an547" << "cortex-m55"
                                  << "vmladavaq_s8,int8_t col[,vmlaq_n_s32,vldrwq_gather_shifted_offset_s32,vsubq_s32,vmulhq_u32,ox += 4,vmladava.s8 %["
                                  << "balanced";
    QTest::newRow("dsp@an386") << "qemu-mps2-an386" << "cortex-m4" << "__smlad,__smlabt,taps_packed,weights_packed,ember_mac4_s8,weights_sxtb16"
                               << "balanced";
    // --optimize speed: FULLY_CONNECTED's weights pre-widened to int16 pairs,
    // every DSP-buffer conv's filter pre-extended to int16.
    QTest::newRow("dsp-speed@an386") << "qemu-mps2-an386" << "cortex-m4" << "weights_i16,ember_ld64,weights_sxtb16"
                                     << "speed";
}

void TestKernelsQemu::kernels() {
    QFETCH(QString, board);
    QFETCH(QString, target);
    QFETCH(QString, markers);
    QFETCH(QString, optimize);
    QElapsedTimer timer;
    timer.start();
    // Speed mode (GCC -O3 on the layer file) builds slowly: fewer random cases.
    Cases cs = makeCases(20261130, optimize == "speed" ? 2 : 11);
    Diagnostics d;
    QVERIFY2(runPasses(cs.g, d), d.format().c_str());
    Result<std::vector<TensorData>> ref = runReference(cs.g, cs.inputs);
    QVERIFY2(ref.ok(), ref.diagnostics().format().c_str());

    CompileOptions co;
    co.name = "kernels";
    co.target = target.toStdString();
    co.optimize = optimize.toStdString();
    Result<Artifacts> a = compile(cs.g, co);
    QVERIFY2(a.ok(), a.diagnostics().format().c_str());
    for (const QString &marker : markers.split(',')) {
        bool marked = false;
        for (const auto &f : a->files) marked = marked || f.second.find(marker.toStdString()) != std::string::npos;
        QVERIFY2(marked, qPrintable("the target's code path with " + marker + " was not emitted"));
    }
    Result<PackageInfo> info = readPackageInfo(*a->file("metadata.json"), "metadata.json");
    QVERIFY2(info.ok(), info.diagnostics().format().c_str());

    // Host: the same package through its portable C branches.
    Result<std::vector<std::vector<uint8_t>>> host = runGeneratedC(*a, cs.g, cs.inputs);
    QVERIFY2(host.ok(), host.diagnostics().format().c_str());

    Result<BoardCatalog> cat = BoardCatalog::load();
    const Board b = cat->find(board.toStdString()).value();
    FirmwareOptions fo;
    fo.runs = 1;
    fo.inputs = cs.inputs;
    Result<FileList> files = generateFirmwareProject(*a, b, fo);
    QVERIFY2(files.ok(), files.diagnostics().format().c_str());
    QTemporaryDir dir;
    QVERIFY(writeFiles(*files, dir.path().toStdString(), d));
    Result<FirmwareBuild> fb = buildFirmware(dir.path().toStdString(), b);
    QVERIFY2(fb.ok(), fb.diagnostics().format().c_str());
    Result<BoardRun> run = runFirmware(fb->elfPath, b, *info);
    QVERIFY2(run.ok(), run.diagnostics().format().c_str());
    QCOMPARE(run->outputs.size(), cs.names.size());
    for (size_t i = 0; i < cs.names.size(); ++i) {
        QVERIFY2(host->at(i) == ref->at(i), ("host C differs from the reference: case " + std::to_string(i) + " " +
                                             cs.names[i]).c_str());
        QVERIFY2(run->outputs[i] == host->at(i),
                 ("board differs from the portable C: case " + std::to_string(i) + " " + cs.names[i]).c_str());
    }
    qInfo("%zu cases (conv, depthwise, fully connected, add/sub, average pool) byte-equal on %s with --target %s "
          "--optimize %s, %lld ms",
          cs.names.size(), b.id.c_str(), qPrintable(target), qPrintable(optimize), static_cast<long long>(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestKernelsQemu)
#include "tst_kernels_qemu.moc"
