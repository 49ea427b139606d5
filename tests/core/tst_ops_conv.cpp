// The convolution family: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED.
// Every expected value is worked out by hand in the comments, following TFLM's
// integer arithmetic (never computed with the kernels under test):
//   int8:  out = clamp(MBQM(acc + bias, M) + zp_out), acc = sum w * (x - zp_in)
//          MBQM(x, 2^-k) = RDBPOT(SRDHM(x, 2^30), k-1): first round-half-up of
//          x/2, then round-half-away-from-zero of that / 2^(k-1) (double rounding).
//   int16: out = clamp(floor((acc * 2^14 + 2^(14+k)) / 2^(15+k))) for M = 2^-k
//          (the reduced 16-bit multiplier, single rounding, half up).
// Each case runs three ways: prepare+eval called directly, the reference
// executor, and the generated C compiled with the host compiler.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cctype>

#include "TestUtil.h"
#include "core/OpsCheck.h"
#include "core/import/TfliteImporter.h"
#include "core/ops/OpKernel.h"
#include "core/passes/Passes.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;

namespace {

struct Case {
    Graph graph;
    std::vector<TensorData> inputs;
    TensorData expected;
};

// Per-channel symmetric quantization along `axis`.
Quant perChannel(std::vector<float> scales, int axis) {
    Quant r;
    r.zeroPoint.assign(scales.size(), 0);
    r.scale = std::move(scales);
    r.axis = axis;
    return r;
}

struct Spec {
    OpType type = OpType::Conv2D;
    DType dt = DType::Int8;
    Shape inShape;
    Quant inQ;
    TensorData input;
    Shape wShape;
    Quant wQ;
    TensorData weights;
    DType biasType = DType::Int32;
    TensorData bias;  // empty: no bias input
    Shape outShape;
    Quant outQ;
    OpAttrs attrs;
};

Graph buildGraph(const Spec &s) {
    Graph g;
    g.name = "t";
    const int x = addTensor(g, "x", s.dt, s.inShape, s.inQ);
    const DType wt = s.dt == DType::Float32 ? DType::Float32 : DType::Int8;
    const int w = addTensor(g, "w", wt, s.wShape, s.wQ, s.weights);
    int b = -1;
    if (!s.bias.empty()) {
        const int n = int(s.bias.size() / dtypeSize(s.biasType));
        b = addTensor(g, "b", s.biasType, {n}, {}, s.bias);
    }
    const int y = addTensor(g, "y", s.dt, s.outShape, s.outQ);
    addOp(g, s.type, {x, w, b}, {y}, s.attrs);
    setIO(g, {x}, {y});
    return g;
}

Case makeCase(const Spec &s, TensorData expected) {
    Case c;
    c.graph = buildGraph(s);
    c.inputs = {s.input};
    c.expected = std::move(expected);
    return c;
}

OpAttrs conv(Padding p, int stride = 1, int dilation = 1, Activation act = Activation::None) {
    OpAttrs a;
    a.padding = p;
    a.strideH = a.strideW = stride;
    a.dilationH = a.dilationW = dilation;
    a.activation = act;
    return a;
}

// prepare + eval called directly (no passes, no executor).
TensorData runKernels(Graph g, const std::vector<TensorData> &inputs, QString *error) {
    std::string e;
    TensorData out = ember::test::runKernels(std::move(g), inputs, &e);
    *error = QString::fromStdString(e);
    return out;
}

QString describeMismatch(const TensorData &got, const TensorData &want, DType t) {
    auto show = [t](const TensorData &v) {
        QStringList s;
        if (t == DType::Float32)
            for (float f : valuesOf<float>(v)) s << QString::number(double(f));
        else if (t == DType::Int16)
            for (int16_t i : valuesOf<int16_t>(v)) s << QString::number(i);
        else
            for (uint8_t i : v) s << QString::number(int8_t(i));
        return s.join(' ');
    };
    return "got [" + show(got) + "] want [" + show(want) + "]";
}

#define COMPARE_BYTES(got, want, dt) QVERIFY2((got) == (want), qPrintable(describeMismatch(got, want, dt)))

}  // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(ember::Graph)

class TestOpsConv : public QObject {
    Q_OBJECT

private:
    void addCases();

private slots:
    void ops_data() { addCases(); }
    void ops();
    void otherCompilers_data() { addCases(); }
    void otherCompilers();
    void errors_data();
    void errors();
    void macs();
    void seanetGolden_data();
    void seanetGolden();
    void hybridModelRefused();
};

void TestOpsConv::addCases() {
    QTest::addColumn<Case>("c");
    {
        // 1x1 conv, per-channel. Input scale 0.5 zp -128, output scale 1 zp 5.
        // ch0: filter scale 0.5 → M = 0.25, w = 3, bias 10
        // ch1: filter scale 0.125 → M = 0.0625, w = -5, bias -7
        // x - zp = [0, 1, 28, 255]
        // ch0 acc = 3*(x-zp) + 10 = [10, 13, 94, 775]
        //   10 → SRDHM 5 → RDBPOT(5,1) = 3;   13 → 7 → 4 (3.25 → 4: double rounding)
        //   94 → 47 → 24;   775 → 388 → 194 → +5 = 199 → saturates at 127
        //   + zp 5 → [8, 9, 29, 127]
        // ch1 acc = -5*(x-zp) - 7 = [-7, -12, -147, -1282]
        //   -7 → SRDHM -3 → RDBPOT(-3,3) = 0;   -12 → -6 → -1
        //   -147 → -73 → -9;   -1282 → -641 → -80;   + 5 → [5, 4, -4, -75]
        Spec s;
        s.inShape = {1, 2, 2, 1};
        s.inQ = q(0.5f, -128);
        s.input = bytesOf(std::vector<int8_t>{-128, -127, -100, 127});
        s.wShape = {2, 1, 1, 1};
        s.wQ = perChannel({0.5f, 0.125f}, 0);
        s.weights = bytesOf(std::vector<int8_t>{3, -5});
        s.bias = bytesOf(std::vector<int32_t>{10, -7});
        s.outShape = {1, 2, 2, 2};
        s.outQ = q(1.f, 5);
        s.attrs = conv(Padding::Valid);
        QTest::newRow("conv int8 per-channel zp -128 saturation")
            << makeCase(s, bytesOf(std::vector<int8_t>{8, 5, 9, 4, 29, -4, 127, -75}));
    }
    {
        // 1x1 conv, input scale 0.5, filter 0.5, output 0.25 zp -128 → M = 1.
        // RELU6 clamp: [max(-128, -128 + 0), min(127, -128 + 6/0.25)] = [-128, -104]
        // acc = x → x - 128 = [-138, -128, -118, -98, -28] → [-128, -128, -118, -104, -104]
        Spec s;
        s.inShape = {1, 1, 5, 1};
        s.inQ = q(0.5f, 0);
        s.input = bytesOf(std::vector<int8_t>{-10, 0, 10, 30, 100});
        s.wShape = {1, 1, 1, 1};
        s.wQ = q(0.5f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1});
        s.outShape = {1, 1, 5, 1};
        s.outQ = q(0.25f, -128);
        s.attrs = conv(Padding::Valid, 1, 1, Activation::Relu6);
        QTest::newRow("conv int8 relu6 clamp no bias")
            << makeCase(s, bytesOf(std::vector<int8_t>{-128, -128, -118, -104, -104}));
    }
    {
        // 3x3 input 1..9, 3x3 diagonal filter [[1,0,0],[0,2,0],[0,0,3]], SAME,
        // stride 2 → 2x2 output, padding 1 (top/left). All scales 1 → M = 1.
        // (0,0) origin (-1,-1): 2*in(0,0) + 3*in(1,1) = 2 + 15 = 17
        // (0,1) origin (-1, 1): 2*in(0,2) = 6 (in(1,3) is padding)
        // (1,0) origin ( 1,-1): 2*in(2,0) = 14
        // (1,1) origin ( 1, 1): 1*in(1,1) + 2*in(2,2) = 5 + 18 = 23
        Spec s;
        s.inShape = {1, 3, 3, 1};
        s.inQ = q(1.f, 0);
        s.input = bytesOf(std::vector<int8_t>{1, 2, 3, 4, 5, 6, 7, 8, 9});
        s.wShape = {1, 3, 3, 1};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, 0, 0, 0, 2, 0, 0, 0, 3});
        s.outShape = {1, 2, 2, 1};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Same, 2);
        QTest::newRow("conv int8 same stride 2 borders") << makeCase(s, bytesOf(std::vector<int8_t>{17, 6, 14, 23}));
    }
    {
        // 4x4 input in(y,x) = 4y + x, 2x2 filter [[1,2],[3,4]], dilation 2, VALID → 2x2:
        // out(y,x) = in(y,x) + 2 in(y,x+2) + 3 in(y+2,x) + 4 in(y+2,x+2)
        // (0,0) 0+4+24+40 = 68; (0,1) 1+6+27+44 = 78; (1,0) 4+12+36+56 = 108; (1,1) 5+14+39+60 = 118
        Spec s;
        s.inShape = {1, 4, 4, 1};
        s.inQ = q(1.f, 0);
        std::vector<int8_t> in(16);
        for (int i = 0; i < 16; ++i) in[size_t(i)] = int8_t(i);
        s.input = bytesOf(in);
        s.wShape = {1, 2, 2, 1};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, 2, 3, 4});
        s.outShape = {1, 2, 2, 1};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Valid, 1, 2);
        QTest::newRow("conv int8 dilation 2 valid") << makeCase(s, bytesOf(std::vector<int8_t>{68, 78, 108, 118}));
        // Same with SAME padding: 4x4 output, pad 1, taps at (y-1+2ky, x-1+2kx).
        // row 0 (only ky=1 → row 1):  20, 12+24, 15+28, 18
        // row 1 (rows 0 and 2):       2+36, 68, 78, 2+30
        // row 2 (rows 1 and 3):       10+52, 108, 118, 6+42
        // row 3 (only ky=0 → row 2):  18, 8+20, 9+22, 10
        s.attrs = conv(Padding::Same, 1, 2);
        s.outShape = {1, 4, 4, 1};
        QTest::newRow("conv int8 dilation 2 same")
            << makeCase(s, bytesOf(std::vector<int8_t>{20, 36, 43, 18, 38, 68, 78, 32, 62, 108, 118, 48, 18, 28,
                                                       31, 10}));
    }
    {
        // Batch 2, 1x1 conv over 2 channels, filter [3, 5], M = 1:
        // b0: 3*1 + 5*2 = 13; b1: 3*3 + 5*(-4) = -11
        Spec s;
        s.inShape = {2, 1, 1, 2};
        s.inQ = q(1.f, 0);
        s.input = bytesOf(std::vector<int8_t>{1, 2, 3, -4});
        s.wShape = {1, 1, 1, 2};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(std::vector<int8_t>{3, 5});
        s.outShape = {2, 1, 1, 1};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Valid);
        QTest::newRow("conv int8 batch 2") << makeCase(s, bytesOf(std::vector<int8_t>{13, -11}));
    }
    {
        // int16x8: input [1,2,3,2] scale 1, filter [2,1,2,2] scales {0.5, 0.25}, output
        // scale 1 → M0 = 0.5: (acc+1)>>1, M1 = 0.25: (acc+2)>>2 (floor), int64 bias {1000, -3}.
        // oc0 taps [1,2],[-1,3]; oc1 taps [1,-1],[0,1]
        // (0,0) oc0: 1000-4000-3000+1200 = -4800 +1000 = -3800 → -1900
        //       oc1: 1000+2000+400 = 3400 -3 = 3397 → 849
        // (0,1) oc0: 3000+800+500+98301 = 102601 +1000 → 51801 → saturates 32767
        //       oc1: 3000-400+32767 = 35367 -3 = 35364 → 8841
        // (1,0) oc0: -32768+200-250-750 = -33568 +1000 = -32568 → -16284
        //       oc1: -32768-100-250 = -33118 -3 = -33121 → floor(-33119/4) = -8280
        // (1,1) oc0: 250-500-7+27 = -230 +1000 = 770 → 385
        //       oc1: 250+250+9 = 509 -3 = 506 → floor(508/4) = 127
        Spec s;
        s.dt = DType::Int16;
        s.inShape = {1, 2, 3, 2};
        s.inQ = q(1.f, 0);
        s.input = bytesOf(std::vector<int16_t>{1000, -2000, 3000, 400, -500, 32767, -32768, 100, 250, -250, 7, 9});
        s.wShape = {2, 1, 2, 2};
        s.wQ = perChannel({0.5f, 0.25f}, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, 2, -1, 3, 1, -1, 0, 1});
        s.biasType = DType::Int64;
        s.bias = bytesOf(std::vector<int64_t>{1000, -3});
        s.outShape = {1, 2, 2, 2};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Valid);
        QTest::newRow("conv int16x8 per-channel int64 bias")
            << makeCase(s, bytesOf(std::vector<int16_t>{-1900, 849, 32767, 8841, -16284, -8280, 385, 127}));
    }
    {
        // float 2x2 VALID conv, 3 output channels, RELU6, in [0.5, -1, 2, 4]:
        // oc0 w [1,1,1,1]: 5.5 + bias 1 = 6.5 → 6
        // oc1 w [-1,0.5,0.25,2]: -0.5-0.5+0.5+8 = 7.5 - 8 = -0.5 → 0
        // oc2 w [0,0,0,0.25]: 1 + 0.5 = 1.5
        Spec s;
        s.dt = DType::Float32;
        s.inShape = {1, 2, 2, 1};
        s.input = bytesOf(std::vector<float>{0.5f, -1.f, 2.f, 4.f});
        s.wShape = {3, 2, 2, 1};
        s.weights = bytesOf(std::vector<float>{1, 1, 1, 1, -1, 0.5f, 0.25f, 2, 0, 0, 0, 0.25f});
        s.biasType = DType::Float32;
        s.bias = bytesOf(std::vector<float>{1.f, -8.f, 0.5f});
        s.outShape = {1, 1, 1, 3};
        s.attrs = conv(Padding::Valid, 1, 1, Activation::Relu6);
        QTest::newRow("conv float relu6") << makeCase(s, bytesOf(std::vector<float>{6.f, 0.f, 1.5f}));
    }
    {
        // Depthwise, multiplier 2, input zp 1 (x - zp = [1,2],[3,4],[5,6],[7,8]),
        // 2x2 filter taps (ky,kx) over oc = [c0m0, c0m1, c1m0, c1m1]:
        //   (0,0) [1,-1,2,0] (0,1) [0,1,1,-2] (1,0) [2,0,-1,1] (1,1) [1,1,0,3]
        // oc0 = 1+0+10+7 = 18; oc1 = -1+3+0+7 = 9; oc2 = 4+4-6+0 = 2; oc3 = 0-8+6+24 = 22
        // + bias [10,-10,0,5] = [28,-1,2,27], M = 1, + zp -3 = [25,-4,-1,24]
        Spec s;
        s.type = OpType::DepthwiseConv2D;
        s.inShape = {1, 2, 2, 2};
        s.inQ = q(1.f, 1);
        s.input = bytesOf(std::vector<int8_t>{2, 3, 4, 5, 6, 7, 8, 9});
        s.wShape = {1, 2, 2, 4};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, -1, 2, 0, 0, 1, 1, -2, 2, 0, -1, 1, 1, 1, 0, 3});
        s.bias = bytesOf(std::vector<int32_t>{10, -10, 0, 5});
        s.outShape = {1, 1, 1, 4};
        s.outQ = q(1.f, -3);
        s.attrs = conv(Padding::Valid);
        s.attrs.depthMultiplier = 2;
        QTest::newRow("depthwise int8 multiplier 2") << makeCase(s, bytesOf(std::vector<int8_t>{25, -4, -1, 24}));
    }
    {
        // Depthwise 3x3 SAME stride 2 on [1,3,3,2], pad 1, per-channel filter
        // scales {0.5, 2} → M0 = 0.5, M1 = 2 (exact).
        // ch0: input 1..9, all-ones filter: windows (0,0) 1+2+4+5 = 12, (0,1) 2+3+5+6 = 16,
        //      (1,0) 4+5+7+8 = 24, (1,1) 5+6+8+9 = 28 → x0.5 = [6, 8, 12, 14]
        // ch1: input -(1..9), diagonal filter (w00 = w11 = w22 = 1):
        //      (0,0) in(0,0)+in(1,1) = -6; (0,1) in(0,2) = -3; (1,0) in(2,0) = -7;
        //      (1,1) in(1,1)+in(2,2) = -14 → x2 = [-12, -6, -14, -28]
        Spec s;
        s.type = OpType::DepthwiseConv2D;
        s.inShape = {1, 3, 3, 2};
        s.inQ = q(1.f, 0);
        std::vector<int8_t> in;
        for (int i = 1; i <= 9; ++i) in.insert(in.end(), {int8_t(i), int8_t(-i)});
        s.input = bytesOf(in);
        s.wShape = {1, 3, 3, 2};
        s.wQ = perChannel({0.5f, 2.f}, 3);
        std::vector<int8_t> w;
        for (int t = 0; t < 9; ++t) w.insert(w.end(), {1, int8_t(t % 4 == 0 ? 1 : 0)});
        s.weights = bytesOf(w);
        s.outShape = {1, 2, 2, 2};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Same, 2);
        QTest::newRow("depthwise int8 same stride 2 per-channel")
            << makeCase(s, bytesOf(std::vector<int8_t>{6, -12, 8, -6, 12, -14, 14, -28}));
    }
    {
        // Many channels: 70 input channels x multiplier 2 = 140 accumulators,
        // more than the generated code keeps at once (2 blocks of 35 channels).
        // 1x1 filter, 2 pixels, scales 1, no bias: out[p][2c+m] = x[p][c] * w[2c+m]
        // with x[p][c] = (c % 50) - 25 + p and w[k] = (k % 3) - 1 (all within int8).
        Spec s;
        s.type = OpType::DepthwiseConv2D;
        s.inShape = {1, 2, 1, 70};
        s.inQ = q(1.f, 0);
        std::vector<int8_t> x, w, want;
        for (int p = 0; p < 2; ++p)
            for (int c = 0; c < 70; ++c) x.push_back(int8_t(c % 50 - 25 + p));
        for (int k = 0; k < 140; ++k) w.push_back(int8_t(k % 3 - 1));
        for (int p = 0; p < 2; ++p)
            for (int k = 0; k < 140; ++k) want.push_back(int8_t((k / 2 % 50 - 25 + p) * (k % 3 - 1)));
        s.input = bytesOf(x);
        s.wShape = {1, 1, 1, 140};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(w);
        s.outShape = {1, 2, 1, 140};
        s.outQ = q(1.f, 0);
        s.attrs = conv(Padding::Valid);
        s.attrs.depthMultiplier = 2;
        QTest::newRow("depthwise int8 blocked channels") << makeCase(s, bytesOf(want));
    }
    {
        // float depthwise, input [1,1,2,1] = [2, 3], 1x2 filter, multiplier 2:
        // tap0 [1,-1], tap1 [0.5, 2] → oc0 = 2 + 1.5 = 3.5, oc1 = -2 + 6 = 4; bias [0.25, 0]
        Spec s;
        s.type = OpType::DepthwiseConv2D;
        s.dt = DType::Float32;
        s.inShape = {1, 1, 2, 1};
        s.input = bytesOf(std::vector<float>{2.f, 3.f});
        s.wShape = {1, 1, 2, 2};
        s.weights = bytesOf(std::vector<float>{1.f, -1.f, 0.5f, 2.f});
        s.biasType = DType::Float32;
        s.bias = bytesOf(std::vector<float>{0.25f, 0.f});
        s.outShape = {1, 1, 1, 2};
        s.attrs = conv(Padding::Valid);
        s.attrs.depthMultiplier = 2;
        QTest::newRow("depthwise float multiplier 2") << makeCase(s, bytesOf(std::vector<float>{3.75f, 4.f}));
    }
    {
        // FC int8, batch 2, input zp 127, output scale 2 zp -128 → M = 0.5, no bias.
        // x - 127: b0 [0,-1,-7], b1 [-127,-227,0]; weights u0 [1,-2,-3], u1 [-1,0,1]
        // b0u0 = 2+21 = 23 → 11.5 → 12 → -116;   b0u1 = -7 → -3.5 → -3 → -131 → -128
        // b1u0 = -127+454 = 327 → 164 → 36;      b1u1 = 127 → 64 → -64
        Spec s;
        s.type = OpType::FullyConnected;
        s.inShape = {2, 3};
        s.inQ = q(1.f, 127);
        s.input = bytesOf(std::vector<int8_t>{127, 126, 120, 0, -100, 127});
        s.wShape = {2, 3};
        s.wQ = q(1.f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, -2, -3, -1, 0, 1});
        s.outShape = {2, 2};
        s.outQ = q(2.f, -128);
        QTest::newRow("fc int8 zp 127 / -128 no bias")
            << makeCase(s, bytesOf(std::vector<int8_t>{-116, -128, 36, -64}));
    }
    {
        // FC int8 per-channel {1, 0.5}, keep_num_dims [1,2,2] → [1,2,2], bias [5,-5]:
        // r0 [10,-20]: u0 [2,1] 20-20+5 = 5; u1 [1,1] -10-5 = -15 → -7.5 → -7
        // r1 [3,4]:    u0 6+4+5 = 15;        u1 7-5 = 2 → 1
        Spec s;
        s.type = OpType::FullyConnected;
        s.inShape = {1, 2, 2};
        s.inQ = q(1.f, 0);
        s.input = bytesOf(std::vector<int8_t>{10, -20, 3, 4});
        s.wShape = {2, 2};
        s.wQ = perChannel({1.f, 0.5f}, 0);
        s.weights = bytesOf(std::vector<int8_t>{2, 1, 1, 1});
        s.bias = bytesOf(std::vector<int32_t>{5, -5});
        s.outShape = {1, 2, 2};
        s.outQ = q(1.f, 0);
        s.attrs.keepDims = true;
        QTest::newRow("fc int8 per-channel keep dims") << makeCase(s, bytesOf(std::vector<int8_t>{5, -7, 15, 1}));
    }
    {
        // FC int16x8, input [1,2] = [30000, -1000], weights [[1,1],[-2,3]], scale 1 / 0.5 → M = 0.5:
        // u0: 29000 + bias 1 = 29001 → (29001+1)>>1 = 14501; u1: -63000 -1 = -63001 → -31500
        Spec s;
        s.type = OpType::FullyConnected;
        s.dt = DType::Int16;
        s.inShape = {1, 2};
        s.inQ = q(1.f, 0);
        s.input = bytesOf(std::vector<int16_t>{30000, -1000});
        s.wShape = {2, 2};
        s.wQ = q(0.5f, 0);
        s.weights = bytesOf(std::vector<int8_t>{1, 1, -2, 3});
        s.biasType = DType::Int64;
        s.bias = bytesOf(std::vector<int64_t>{1, -1});
        s.outShape = {1, 2};
        s.outQ = q(1.f, 0);
        QTest::newRow("fc int16x8") << makeCase(s, bytesOf(std::vector<int16_t>{14501, -31500}));
    }
    {
        // FC float RELU: [1,2,3] x [[0.5,0.25,-1],[1,1,1]] = [0.5+0.5-3, 6] = [-2 → 0, 6]
        Spec s;
        s.type = OpType::FullyConnected;
        s.dt = DType::Float32;
        s.inShape = {1, 3};
        s.input = bytesOf(std::vector<float>{1.f, 2.f, 3.f});
        s.wShape = {2, 3};
        s.weights = bytesOf(std::vector<float>{0.5f, 0.25f, -1.f, 1.f, 1.f, 1.f});
        s.outShape = {1, 2};
        s.attrs.activation = Activation::Relu;
        QTest::newRow("fc float relu") << makeCase(s, bytesOf(std::vector<float>{0.f, 6.f}));
    }
}

void TestOpsConv::ops() {
    QFETCH(Case, c);
    const DType dt = c.graph.tensors[size_t(c.graph.outputs[0])].dtype;
    QString err;
    const TensorData direct = runKernels(c.graph, c.inputs, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    COMPARE_BYTES(direct, c.expected, dt);

    const BothOutputs both = runBoth(c.graph, c.inputs);
    QVERIFY2(both.error.empty(), both.error.c_str());
    QCOMPARE(int(both.reference.size()), 1);
    QCOMPARE(int(both.generated.size()), 1);
    COMPARE_BYTES(both.reference[0], c.expected, dt);
    COMPARE_BYTES(both.generated[0], c.expected, dt);
}

// The generated code must also build warning-free with clang (run) and
// arm-none-eabi-gcc (compile only: int32_t is long there).
void TestOpsConv::otherCompilers() {
    QFETCH(Case, c);
    const DType dt = c.graph.tensors[size_t(c.graph.outputs[0])].dtype;
    Graph g = c.graph;
    Diagnostics d;
    QVERIFY2(runPasses(g, d), d.format().c_str());
    CompileOptions opts;
    opts.name = "t";
    auto art = compile(g, opts);
    QVERIFY2(art.ok(), art.diagnostics().format().c_str());

    if (!QStandardPaths::findExecutable("clang").isEmpty()) {
        HostRunOptions ho;
        ho.cc = "clang";
        auto out = runGeneratedC(art.value(), g, c.inputs, ho);
        QVERIFY2(out.ok(), out.diagnostics().format().c_str());
        COMPARE_BYTES(out.value()[0], c.expected, dt);
    }
    if (QStandardPaths::findExecutable("arm-none-eabi-gcc").isEmpty()) QSKIP("arm-none-eabi-gcc not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY2(art->writeTo(dir.path().toStdString(), d), d.format().c_str());
    QStringList args{"-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic", "-mcpu=cortex-m4", "-mthumb",
                     "-c", "-I" + dir.filePath("include")};
    for (const auto &f : art->files)
        if (QString::fromStdString(f.first).endsWith(".c")) args << dir.filePath(QString::fromStdString(f.first));
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start("arm-none-eabi-gcc", args);
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

void TestOpsConv::errors_data() {
    QTest::addColumn<Graph>("graph");
    QTest::addColumn<QString>("needle");
    Spec base;
    base.inShape = {1, 3, 3, 1};
    base.inQ = q(1.f, 0);
    base.wShape = {2, 3, 3, 1};
    base.wQ = q(1.f, 0);
    base.weights = TensorData(18, 1);
    base.outShape = {1, 1, 1, 2};
    base.outQ = q(1.f, 0);
    base.attrs = conv(Padding::Valid);
    QTest::newRow("valid base is accepted") << buildGraph(base) << QString();

    Spec s = base;
    s.outShape = {1, 3, 3, 2};
    QTest::newRow("output shape") << buildGraph(s)
                                  << "output shape [1,3,3,2] in the model does not match [1,1,1,2] computed from input "
                                     "[1,3,3,1], filter [2,3,3,1], stride 1x1";
    s = base;
    s.wQ.zeroPoint = {3};
    QTest::newRow("filter zero point") << buildGraph(s) << "zero point 3";
    s = base;
    s.wQ = perChannel({1.f, 1.f, 1.f}, 0);
    QTest::newRow("per-channel count") << buildGraph(s) << "3 per-channel scales but the op has 2 output channels";
    s = base;
    s.bias = bytesOf(std::vector<int32_t>{1, 2, 3});
    QTest::newRow("bias size") << buildGraph(s) << "bias has 3 elements";
    s = base;
    s.bias = bytesOf(std::vector<float>{1.f, 2.f});
    s.biasType = DType::Float32;
    QTest::newRow("bias type") << buildGraph(s) << "float32 bias is not supported with int8";
    s = base;
    s.dt = DType::UInt8;
    QTest::newRow("uint8") << buildGraph(s) << "uint8 activations are not supported";
    s = base;
    s.inShape = {3, 3, 1};
    QTest::newRow("input rank") << buildGraph(s) << "input must be 4-D";
    s = base;
    s.attrs.activation = Activation::Tanh;
    QTest::newRow("tanh activation") << buildGraph(s) << "fused activation TANH is not supported";
    s = base;
    s.dt = DType::Int16;
    s.biasType = DType::Int64;
    s.inQ = q(1.f, 4);
    QTest::newRow("int16 zero point") << buildGraph(s) << "requires zero point 0";
    s = base;
    s.inQ = {};
    QTest::newRow("missing input scale") << buildGraph(s) << "no valid quantization scale";

    Spec dw = base;
    dw.type = OpType::DepthwiseConv2D;
    dw.wShape = {1, 3, 3, 3};
    dw.weights = TensorData(27, 1);
    dw.inShape = {1, 3, 3, 2};
    dw.outShape = {1, 1, 1, 3};
    QTest::newRow("depthwise channels") << buildGraph(dw) << "not a multiple of the input's 2";
    dw.inShape = {1, 3, 3, 1};
    dw.wQ = perChannel({1.f, 1.f, 1.f}, 0);
    dw.attrs.depthMultiplier = 3;
    QTest::newRow("depthwise quant axis") << buildGraph(dw) << "along axis 0 but output channels are on axis 3";

    Spec fc;
    fc.type = OpType::FullyConnected;
    fc.inShape = {1, 5};
    fc.inQ = q(1.f, 0);
    fc.wShape = {2, 4};
    fc.wQ = q(1.f, 0);
    fc.weights = TensorData(8, 1);
    fc.outShape = {1, 2};
    fc.outQ = q(1.f, 0);
    QTest::newRow("fc depth") << buildGraph(fc) << "cannot be flattened into rows of 4";
    fc.inShape = {2, 4};
    QTest::newRow("fc batch shape") << buildGraph(fc) << "output shape [1,2] in the model does not match [2,2]";

    Spec hybrid = base;
    hybrid.dt = DType::Float32;  // activations float...
    Graph hg = buildGraph(hybrid);
    hg.tensors[1].dtype = DType::Int8;  // ...weights int8
    QTest::newRow("hybrid") << hg << "hybrid quantization";
}

void TestOpsConv::errors() {
    QFETCH(Graph, graph);
    QFETCH(QString, needle);
    Diagnostics d;
    Op &op = graph.ops[0];
    const bool ok = findKernel(op.type)->prepare(graph, op, d);
    if (needle.isEmpty()) {
        QVERIFY2(ok, d.format().c_str());
        return;
    }
    QVERIFY(!ok);
    QCOMPARE(int(d.items().size()), 1);
    const Diagnostic &e = d.items()[0];
    QVERIFY2(QString::fromStdString(e.message).contains(needle), e.message.c_str());
    QCOMPARE(e.opIndex, 0);
    QCOMPARE(QString::fromStdString(e.opName), QString(opTypeName(op.type)));
    QVERIFY2(!std::isupper(static_cast<unsigned char>(e.message[0])), e.message.c_str());
}

void TestOpsConv::macs() {
    // conv: 2x2 outputs x 8 channels x (3x3x4 taps) = 1152
    Spec s;
    s.inShape = {1, 4, 4, 4};
    s.inQ = q(1.f, 0);
    s.wShape = {8, 3, 3, 4};
    s.wQ = q(1.f, 0);
    s.weights = TensorData(8 * 36, 1);
    s.outShape = {1, 2, 2, 8};
    s.outQ = q(1.f, 0);
    Graph g = buildGraph(s);
    QCOMPARE(findKernel(OpType::Conv2D)->macs(g, g.ops[0]), int64_t(1152));
    // depthwise: 2x2 outputs x 4 channels x 9 taps = 144
    s.type = OpType::DepthwiseConv2D;
    s.wShape = {1, 3, 3, 4};
    s.outShape = {1, 2, 2, 4};
    g = buildGraph(s);
    QCOMPARE(findKernel(OpType::DepthwiseConv2D)->macs(g, g.ops[0]), int64_t(144));
    // fc: batch 3 x 5 units x 7 depth = 105
    s.type = OpType::FullyConnected;
    s.inShape = {3, 7};
    s.wShape = {5, 7};
    s.outShape = {3, 5};
    g = buildGraph(s);
    QCOMPARE(findKernel(OpType::FullyConnected)->macs(g, g.ops[0]), int64_t(105));
}

void TestOpsConv::seanetGolden_data() {
    QTest::addColumn<QString>("model");
    for (const char *m : {"conv0", "conv1", "conv10"}) QTest::newRow(m) << QString(m);
}

// TFLM's int16x8 integration-test models, against the reference kernels'
// outputs: both our reference executor and the generated C must be bit-exact.
void TestOpsConv::seanetGolden() {
    QFETCH(QString, model);
    const QString dir = QString::fromStdString(sharedDir()) + "/models/golden/" + model;
    QFile mf(dir + "/manifest.json");
    if (!mf.open(QIODevice::ReadOnly)) QSKIP("golden files not available");
    const QJsonObject manifest = QJsonDocument::fromJson(mf.readAll()).object();
    auto g = importTflite(modelPath(manifest["model"].toString().toStdString()));
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    QCOMPARE(int(g->ops.size()), 1);
    QCOMPARE(g->ops[0].type, OpType::Conv2D);
    const QJsonArray cases = manifest["cases"].toArray();
    QVERIFY(!cases.isEmpty());
    for (const auto &cv : cases) {
        const QJsonObject c = cv.toObject();
        std::vector<TensorData> inputs, expected;
        for (const auto &f : c["inputs"].toArray()) {
            inputs.emplace_back();
            QVERIFY(readFile((dir + "/" + f.toString()).toStdString(), &inputs.back()));
        }
        for (const auto &f : c["outputs"].toArray()) {
            expected.emplace_back();
            QVERIFY(readFile((dir + "/" + f.toString()).toStdString(), &expected.back()));
        }
        const BothOutputs both = runBoth(g.value(), inputs);
        QVERIFY2(both.error.empty(), both.error.c_str());
        QCOMPARE(both.reference.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(both.reference[i] == expected[i], qPrintable(c["name"].toString() + ": reference differs"));
            QVERIFY2(both.generated[i] == expected[i], qPrintable(c["name"].toString() + ": generated C differs"));
        }
    }
}

// The KWS "float" model is hybrid (int8 conv weights, float activations).
void TestOpsConv::hybridModelRefused() {
    const std::string path = modelPath("mlperf_tiny/kws/kws_ref_model_float32.tflite");
    if (!QFile::exists(QString::fromStdString(path))) QSKIP("model not available");
    auto g = importTflite(path);
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    Diagnostics d;
    QVERIFY(!runPasses(g.value(), d));
    QVERIFY2(QString::fromStdString(d.format()).contains("hybrid quantization"), d.format().c_str());
    QVERIFY2(QString::fromStdString(d.format()).contains("re-export the model fully quantized (int8) or as float"),
             d.format().c_str());
}

QTEST_APPLESS_MAIN(TestOpsConv)
#include "tst_ops_conv.moc"
