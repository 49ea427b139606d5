// The int8 CONV_2D / DEPTHWISE_CONV_2D fast path (core/ops/ConvFast.cpp):
// its requantization formulations against TFLite's MultiplyByQuantizedMultiplier
// on many values (edges, rounding ties, random), and whole convolutions with
// borders, strides, odd channel counts and zero points through the generated
// C versus the reference executor.
#include <QtTest>

#include <random>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/passes/Passes.h"
#include "core/ops/Common.h"
#include "core/ops/ConvFast.h"

using namespace ember;
using namespace ember::test;

namespace {

// Accumulators worth trying for a multiplier: extremes, small values, and
// values around the rounding ties of both roundings.
std::vector<int32_t> probeValues(int32_t qm, int shift, std::mt19937 &rng) {
    std::vector<int32_t> v{INT32_MIN, INT32_MIN + 1, INT32_MAX, INT32_MAX - 1, 0, 1, -1, 2, -2, 127, -128};
    for (int i = -300; i <= 300; ++i) v.push_back(i);
    const int e = shift < 0 ? -shift : 0;
    if (qm > 0) {
        // x such that x*qm lands near k * 2^(31+e-1) (a tie of the final rounding).
        for (int k = -40; k <= 40; ++k) {
            const long double target = std::ldexp(static_cast<long double>(k) + 0.5L, 31 + e);
            const long double x = target / qm;
            if (std::fabs(x) < 2e9L)
                for (int d = -2; d <= 2; ++d) v.push_back(int32_t(std::llround(x)) + d);
        }
    }
    std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX), small(-(1 << 20), 1 << 20);
    for (int i = 0; i < 4000; ++i) v.push_back(any(rng));
    for (int i = 0; i < 4000; ++i) v.push_back(small(rng));
    return v;
}

std::vector<int32_t> multipliers(std::mt19937 &rng) {
    std::vector<int32_t> m{0, (1 << 30) + 1, (1 << 30) + 2, INT32_MAX, INT32_MAX - 1, 1518500250, 1288490189};
    std::uniform_int_distribution<int32_t> d(1 << 30, INT32_MAX);
    for (int i = 0; i < 24; ++i) m.push_back(d(rng));
    return m;
}

}  // namespace

class TstConvFast : public QObject {
    Q_OBJECT
private slots:
    void singleRoundingMatches_data();
    void singleRoundingMatches();
    void singleRoundingRefuses();
    void fastFormulationMatches();
    void convolutions_data();
    void convolutions();
    void fullyConnected_data();
    void fullyConnected();
};

void TstConvFast::singleRoundingMatches_data() {
    QTest::addColumn<int>("shift");
    QTest::addColumn<int>("offset");
    for (int shift : {-1, -2, -5, -8, -11, -16, -20, -24})
        for (int off : {0, -128, 127, 5})
            QTest::newRow(qPrintable(QString("shift %1 offset %2").arg(shift).arg(off))) << shift << off;
    QTest::newRow("shift -31 offset 0") << -31 << 0;
    QTest::newRow("shift -30 offset 1") << -30 << 1;
}

void TstConvFast::singleRoundingMatches() {
    QFETCH(int, shift);
    QFETCH(int, offset);
    std::mt19937 rng(uint32_t(1000 + shift * 7 + offset));
    int checked = 0;
    for (int32_t qm : multipliers(rng)) {
        SingleRounding r;
        if (!singleRoundingFor(qm, shift, offset, &r)) {
            // Only constants that do not fit int64 may be refused here.
            QVERIFY2(shift <= -22, qPrintable(QString("refused qm %1 shift %2").arg(qm).arg(shift)));
            continue;
        }
        for (int32_t x : probeValues(qm, shift, rng)) {
            const int64_t want = int64_t(multiplyByQuantizedMultiplier(x, qm, shift)) + offset;
            const int64_t got = singleRounding(r, x);
            if (want != got)
                QFAIL(qPrintable(QString("x %1 qm %2 shift %3 offset %4: reference %5, single rounding %6")
                                     .arg(x).arg(qm).arg(shift).arg(offset).arg(want).arg(got)));
            ++checked;
        }
    }
    QVERIFY(checked > 100000 || shift <= -22);
}

void TstConvFast::singleRoundingRefuses() {
    SingleRounding r;
    QVERIFY(!singleRoundingFor(1 << 30, -3, 0, &r));        // sign test differs for exactly 0.5
    QVERIFY(!singleRoundingFor(1518500250, 0, 0, &r));      // no rounding shift
    QVERIFY(!singleRoundingFor(1518500250, 2, 0, &r));      // left shift
    QVERIFY(!singleRoundingFor(1518500250, -31, 127, &r));  // offset term overflows int64
    QVERIFY(singleRoundingFor(1518500250, -9, -128, &r));
    QCOMPARE(r.shift, 8);
}

void TstConvFast::fastFormulationMatches() {
    std::mt19937 rng(7);
    for (int shift = -31; shift <= 6; ++shift)
        for (int32_t qm : multipliers(rng)) {
            std::vector<int32_t> xs = probeValues(qm, shift, rng);
            if (shift > 0) xs.resize(2000);
            for (int32_t x : xs) {
                const int32_t want = multiplyByQuantizedMultiplier(x, qm, shift);
                const int32_t got = multiplyByQuantizedMultiplierFast(x, qm, shift);
                if (want != got)
                    QFAIL(qPrintable(QString("x %1 qm %2 shift %3: %4 vs %5").arg(x).arg(qm).arg(shift).arg(want).arg(got)));
            }
        }
}

namespace {

struct ConvSpec {
    bool depthwise = false;
    int h = 5, w = 5, inC = 3, outC = 4, fh = 3, fw = 3, stride = 1;
    Padding pad = Padding::Same;
    int inZp = 0, outZp = 0;
    bool perChannel = true, bias = true;
    Activation act = Activation::None;
    float outScale = 0.05f;
};

Graph buildConv(const ConvSpec &s, std::mt19937 &rng, TensorData *input) {
    std::uniform_int_distribution<int> byte(-128, 127), bias(-3000, 3000);
    Graph g;
    const int oc = s.depthwise ? s.inC : s.outC;
    const int in = addTensor(g, "in", DType::Int8, {1, s.h, s.w, s.inC}, q(0.02f, s.inZp));
    std::vector<int8_t> wv(size_t(oc) * s.fh * s.fw * (s.depthwise ? 1 : s.inC));
    for (auto &v : wv) v = int8_t(byte(rng));
    Quant wq;
    wq.axis = s.depthwise ? 3 : 0;
    for (int c = 0; c < (s.perChannel ? oc : 1); ++c) {
        wq.scale.push_back(0.01f + 0.003f * float(c));
        wq.zeroPoint.push_back(0);
    }
    const Shape ws = s.depthwise ? Shape{1, s.fh, s.fw, oc} : Shape{oc, s.fh, s.fw, s.inC};
    const int w = addTensor(g, "w", DType::Int8, ws, wq, bytesOf(wv));
    std::vector<int> ins{in, w};
    if (s.bias) {
        std::vector<int32_t> bv(static_cast<size_t>(oc));
        for (auto &v : bv) v = bias(rng);
        ins.push_back(addTensor(g, "b", DType::Int32, {oc}, {}, bytesOf(bv)));
    }
    const int outH = s.pad == Padding::Same ? (s.h + s.stride - 1) / s.stride : (s.h - s.fh + s.stride) / s.stride;
    const int outW = s.pad == Padding::Same ? (s.w + s.stride - 1) / s.stride : (s.w - s.fw + s.stride) / s.stride;
    const int out = addTensor(g, "out", DType::Int8, {1, outH, outW, oc}, q(s.outScale, s.outZp));
    OpAttrs a;
    a.padding = s.pad;
    a.strideH = a.strideW = s.stride;
    a.activation = s.act;
    if (s.depthwise) a.depthMultiplier = 1;
    addOp(g, s.depthwise ? OpType::DepthwiseConv2D : OpType::Conv2D, ins, {out}, a);
    setIO(g, {in}, {out});
    std::vector<int8_t> iv(size_t(s.h) * s.w * s.inC);
    for (auto &v : iv) v = int8_t(byte(rng));
    *input = bytesOf(iv);
    return g;
}

}  // namespace

Q_DECLARE_METATYPE(ConvSpec)

void TstConvFast::convolutions_data() {
    QTest::addColumn<ConvSpec>("spec");
    ConvSpec s;
    QTest::newRow("3x3 same, 3 -> 4, zp 0") << s;
    s.inZp = -128, s.outZp = 5;
    QTest::newRow("3x3 same, input zp -128 (folded into border classes)") << s;
    s.stride = 2, s.h = 9, s.w = 8, s.outC = 5, s.inZp = 83;
    QTest::newRow("3x3 stride 2, odd output channels, zp 83") << s;
    s = ConvSpec{};
    s.fh = 1, s.fw = 1, s.h = 5, s.w = 7, s.inC = 16, s.outC = 6, s.inZp = -7, s.outZp = -128;
    s.act = Activation::Relu;
    QTest::newRow("1x1 pointwise, odd pixel count, relu") << s;
    s.stride = 2;
    QTest::newRow("1x1 stride 2") << s;
    s = ConvSpec{};
    s.fh = 10, s.fw = 4, s.h = 21, s.w = 10, s.inC = 1, s.outC = 8, s.stride = 2, s.inZp = 83, s.outZp = -128;
    QTest::newRow("10x4 stride 2 on one channel (kws first layer shape)") << s;
    s = ConvSpec{};
    s.pad = Padding::Valid, s.h = 7, s.w = 6, s.inC = 5, s.perChannel = false, s.bias = false, s.inZp = 10;
    QTest::newRow("valid, per-tensor, no bias") << s;
    s = ConvSpec{};
    s.fh = 5, s.fw = 5, s.h = 4, s.w = 4, s.inC = 2, s.outC = 3, s.inZp = -3;
    QTest::newRow("5x5 filter on 4x4 input (every pixel a border)") << s;
    s = ConvSpec{};
    s.outScale = 1.5f, s.inZp = 1, s.outZp = -1;
    QTest::newRow("tiny multipliers (large shifts)") << s;
    s = ConvSpec{};
    s.outScale = 0.0001f;
    QTest::newRow("multiplier above one (left shift, generic requant)") << s;
    ConvSpec d;
    d.depthwise = true, d.inC = 8, d.inZp = -128, d.outZp = -128, d.act = Activation::Relu6;
    QTest::newRow("depthwise 3x3 same, 8 channels") << d;
    d.inC = 7, d.stride = 2, d.h = 9, d.w = 10, d.inZp = 3;
    QTest::newRow("depthwise stride 2, 7 channels (tail)") << d;
    d.pad = Padding::Valid, d.perChannel = false, d.bias = false, d.inC = 12;
    QTest::newRow("depthwise valid, per-tensor, no bias") << d;
}

void TstConvFast::convolutions() {
    QFETCH(ConvSpec, spec);
    std::mt19937 rng(42);
    for (int round = 0; round < 3; ++round) {
        TensorData input;
        const Graph g = buildConv(spec, rng, &input);
        const BothOutputs both = runBoth(g, {input});
        QVERIFY2(both.error.empty(), both.error.c_str());
        QCOMPARE(both.generated.size(), size_t(1));
        QCOMPARE(both.generated[0], both.reference[0]);
        // Not degenerate: outputs vary.
        const auto &o = both.reference[0];
        QVERIFY(std::adjacent_find(o.begin(), o.end(), std::not_equal_to<>()) != o.end());
    }
}

namespace {

struct FcSpec {
    Shape in{1, 40};
    int units = 12;
    int inZp = 0, outZp = 0;
    bool perChannel = false, bias = true, keepDims = false;
    Activation act = Activation::None;
    float outScale = 0.1f;
};

Graph buildFc(const FcSpec &s, std::mt19937 &rng, TensorData *input) {
    std::uniform_int_distribution<int> byte(-128, 127), bias(-5000, 5000);
    Graph g;
    int64_t elements = 1;
    for (int d : s.in) elements *= d;
    const int depth = s.in.back();
    const int in = addTensor(g, "in", DType::Int8, s.in, q(0.02f, s.inZp));
    std::vector<int8_t> wv(size_t(s.units) * size_t(depth));
    for (auto &v : wv) v = int8_t(byte(rng));
    Quant wq;
    wq.axis = 0;
    for (int c = 0; c < (s.perChannel ? s.units : 1); ++c) {
        wq.scale.push_back(0.004f + 0.001f * float(c % 7));
        wq.zeroPoint.push_back(0);
    }
    const int w = addTensor(g, "w", DType::Int8, {s.units, depth}, wq, bytesOf(wv));
    std::vector<int> ins{in, w};
    if (s.bias) {
        std::vector<int32_t> bv(static_cast<size_t>(s.units));
        for (auto &v : bv) v = bias(rng);
        // Per-tensor FC checks bias scale = input scale x weights scale.
        ins.push_back(addTensor(g, "b", DType::Int32, {s.units}, q(0.02f * wq.scale[0], 0), bytesOf(bv)));
    }
    Shape outShape{int(elements / depth), s.units};
    if (s.keepDims) {
        outShape = s.in;
        outShape.back() = s.units;
    }
    const int out = addTensor(g, "out", DType::Int8, outShape, q(s.outScale, s.outZp));
    OpAttrs a;
    a.activation = s.act;
    a.keepDims = s.keepDims;
    addOp(g, OpType::FullyConnected, ins, {out}, a);
    setIO(g, {in}, {out});
    std::vector<int8_t> iv(static_cast<size_t>(elements));
    for (auto &v : iv) v = int8_t(byte(rng));
    *input = bytesOf(iv);
    return g;
}

}  // namespace

Q_DECLARE_METATYPE(FcSpec)

void TstConvFast::fullyConnected_data() {
    QTest::addColumn<FcSpec>("spec");
    FcSpec s;
    QTest::newRow("40 -> 12 per-tensor, zp 0") << s;
    s.inZp = -128, s.outZp = 7;
    QTest::newRow("input zp -128 folded into the bias") << s;
    s.in = {1, 37}, s.units = 7, s.inZp = 55;
    QTest::newRow("odd depth 37 (tail), 7 units (unit tail)") << s;
    s = FcSpec{};
    s.in = {1, 640}, s.units = 128, s.inZp = -3, s.outZp = -128, s.act = Activation::Relu;
    QTest::newRow("640 -> 128 relu (ad01 shape)") << s;
    s = FcSpec{};
    s.perChannel = true, s.inZp = 17, s.units = 10;
    QTest::newRow("per-channel, 10 units") << s;
    s.bias = false, s.in = {3, 24}, s.units = 3;
    QTest::newRow("per-channel, no bias, 3 rows, 3 units") << s;
    s = FcSpec{};
    s.bias = false, s.in = {2, 3, 16}, s.keepDims = true, s.inZp = -9, s.units = 5;
    QTest::newRow("keep_num_dims [2,3,16], per-tensor, no bias") << s;
    s = FcSpec{};
    s.in = {4, 2, 8}, s.units = 6, s.inZp = 100;
    QTest::newRow("[4,2,8] flattened to rows of 8") << s;
    s = FcSpec{};
    s.outScale = 0.0002f, s.inZp = 1;
    QTest::newRow("multiplier above one (generic requant)") << s;
    s = FcSpec{};
    s.in = {1, 2}, s.units = 1, s.inZp = -1, s.act = Activation::Relu6, s.outScale = 0.01f;
    QTest::newRow("depth 2, one unit, relu6") << s;
}

void TstConvFast::fullyConnected() {
    QFETCH(FcSpec, spec);
    std::mt19937 rng(99);
    for (int round = 0; round < 3; ++round) {
        TensorData input;
        const Graph g = buildFc(spec, rng, &input);
        const BothOutputs both = runBoth(g, {input});
        QVERIFY2(both.error.empty(), both.error.c_str());
        QCOMPARE(both.generated.size(), size_t(1));
        QCOMPARE(both.generated[0], both.reference[0]);
        const auto &o = both.reference[0];
        QVERIFY(std::adjacent_find(o.begin(), o.end(), std::not_equal_to<>()) != o.end() || o.size() < 4);
        // The fast path was taken: its folded bias table is in the package.
        Graph prepared = g;
        Diagnostics d;
        QVERIFY2(runPasses(prepared, d), d.format().c_str());
        const auto a = compile(prepared, CompileOptions{});
        QVERIFY2(a.ok(), a.diagnostics().format().c_str());
        bool folded = false;
        for (const auto &f : a->files) folded = folded || f.second.find("fully_connected_bias_folded") != std::string::npos;
        QVERIFY(folded);
    }
}

QTEST_APPLESS_MAIN(TstConvFast)
#include "tst_conv_fast.moc"
