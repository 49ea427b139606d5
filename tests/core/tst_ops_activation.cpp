// SOFTMAX, LOGISTIC, TANH, RELU, RELU6, LEAKY_RELU, QUANTIZE, DEQUANTIZE.
// Every expected value is worked out by hand in the comments from TFLite
// Micro's arithmetic (never computed with the kernels under test). Each case
// runs three ways: the kernel's prepare+eval, the reference executor and the
// generated C. The seanet single-op models run against TFLM's goldens.
//
// Rounding notes used below: TFLM's float quantization (std::round) rounds
// half away from zero. MultiplyByQuantizedMultiplier first does a doubling
// high multiply that rounds exact halves up (-1.5 -> -1), then a rounding
// right shift by -shift that rounds half away from zero (-1.5 -> -2). A
// multiplier of 0.5 is 2^30 with shift 0 (only the first rounding); 1/16 is
// 2^30 with shift -3, where the high multiply is exact and the shift rounds.
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

#include "OpsCheck.h"
#include "core/import/TfliteImporter.h"
#include "core/passes/Passes.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;

namespace {

struct UnaryCase {
    OpType type = OpType::Relu;
    DType in = DType::Int8, out = DType::Int8;
    Shape shape;
    Quant qin, qout;
    OpAttrs attrs;
    std::vector<double> x, want;
};

TensorData typed(DType dt, const std::vector<double> &v) {
    TensorData out;
    auto append = [&](auto value) {
        auto b = bytesOf(std::vector<decltype(value)>{value});
        out.insert(out.end(), b.begin(), b.end());
    };
    for (double x : v) {
        if (dt == DType::Int8) append(int8_t(x));
        if (dt == DType::Int16) append(int16_t(x));
        if (dt == DType::Int32) append(int32_t(x));
        if (dt == DType::Float32) append(float(x));
    }
    return out;
}

Graph unaryGraph(const UnaryCase &c) {
    Graph g;
    g.name = "t";
    const int x = addTensor(g, "x", c.in, c.shape, c.qin);
    const int y = addTensor(g, "y", c.out, c.shape, c.qout);
    addOp(g, c.type, {x}, {y}, c.attrs);
    setIO(g, {x}, {y});
    return g;
}

void expectCase(const UnaryCase &c) {
    const Graph g = unaryGraph(c);
    const std::vector<TensorData> in{typed(c.in, c.x)};
    const QList<double> want(c.want.begin(), c.want.end());
    if (c.out == DType::Int8) expectAllWays<int8_t>(g, in, want);
    else if (c.out == DType::Int16) expectAllWays<int16_t>(g, in, want);
    else if (c.out == DType::Int32) expectAllWays<int32_t>(g, in, want);
    else expectAllWays<float>(g, in, want);
}

UnaryCase make(OpType t, DType in, DType out, Quant qin, Quant qout, std::vector<double> x, std::vector<double> want) {
    UnaryCase c;
    c.type = t;
    c.in = in;
    c.out = out;
    c.qin = std::move(qin);
    c.qout = std::move(qout);
    c.shape = {1, int32_t(x.size())};
    c.x = std::move(x);
    c.want = std::move(want);
    return c;
}

OpAttrs alpha(float a) {
    OpAttrs at;
    at.alpha = a;
    return at;
}

OpAttrs beta(float b) {
    OpAttrs at;
    at.beta = b;
    return at;
}

// Reads a golden case file into bytes.
TensorData golden(const std::string &stem, const std::string &file) {
    TensorData d;
    readFile(modelPath("golden/" + stem + "/" + file), &d);
    return d;
}

}  // namespace

Q_DECLARE_METATYPE(UnaryCase)

class TestOpsActivation : public QObject {
    Q_OBJECT

private slots:
    void handWorked_data();
    void handWorked();
    void armCompile_data() { handWorked_data(); }
    void armCompile();
    void softmaxInt8Rows();
    void softmaxInt16EqualLogits();
    void badInput_data();
    void badInput();
    void seanetGolden_data();
    void seanetGolden();
};

void TestOpsActivation::handWorked_data() {
    QTest::addColumn<UnaryCase>("c");
    const DType i8 = DType::Int8, i16 = DType::Int16, i32 = DType::Int32, f32 = DType::Float32;

    // SOFTMAX int8, 4 equal logits: every exp is exp(0) = INT32_MAX (Q0.31);
    // each adds RoundingDivideByPOT(2^31 - 1, 12) = 2^19 to the Q12.19 sum,
    // so sum = 2^21. GetReciprocal: 10 leading zeros, 2 bits over unit,
    // 1/(1 + 0) ~ 2^31; exponent 2 + 31 - 8 = 25, so each output is
    // (2^31 * 2^31 / 2^31) / 2^25 = 64, minus 128 = -64 (= 0.25 at 1/256).
    QTest::newRow("softmax int8 equal logits")
        << make(OpType::Softmax, i8, i8, q(0.1f, 0), q(1.f / 256, -128), {5, 5, 5, 5}, {-64, -64, -64, -64});
    // Scale 1, beta 1: multiplier 2^26 in Q5.26 -> left shift 27, so
    // diff_min = -floor(31 * 2^26 / 2^27) = -15. 127 - (-128) = 255 steps is
    // far below: the minimum gets nothing (-128), the maximum all of it,
    // 1.0 = 256 - 128 = 128, saturated to 127.
    QTest::newRow("softmax int8 saturating")
        << make(OpType::Softmax, i8, i8, q(1.f, 0), q(1.f / 256, -128), {127, -128}, {127, -128});
    // Int8 -> int16 output (scale 1/65536, zp -32768): 2 equal logits, each
    // exp adds 2^19, sum 2^20 (11 leading zeros, 1 bit over unit); exponent
    // 1 + 31 - 16 = 16; 2^31 / 2^16 = 32768 - 32768 = 0 (= 0.5).
    QTest::newRow("softmax int8->int16 equal logits")
        << make(OpType::Softmax, i8, i16, q(0.5f, 3), q(1.f / 65536, -32768), {-7, -7}, {0, 0});
    // Float: exp(x - max) / sum; [0, ln 2] -> [1, 2] / 3.
    QTest::newRow("softmax float")
        << make(OpType::Softmax, f32, f32, {}, {}, {0.0, 0.693147182}, {1.0 / 3, 2.0 / 3});
    // beta 2 doubles the differences: [0, ln 2] -> [1, 4] / 5.
    UnaryCase sb = make(OpType::Softmax, f32, f32, {}, {}, {0.0, 0.693147182}, {0.2, 0.8});
    sb.attrs = beta(2.f);
    QTest::newRow("softmax float beta 2") << sb;

    // LOGISTIC int8, scale 1/16 (16 = 1.0): input multiplier 2^-4 * 2^27 =
    // 2^23 -> shift 24, radius floor(15 * 2^27 / 2^24) = 120. sigmoid(0) = 0.5
    // -> 128 - 128 = 0; sigmoid(1) * 256 = 187.15 -> 59; sigmoid(-1) * 256 =
    // 68.85 -> 69 - 128 = -59; 127 and -128 are beyond the radius: 127, -128.
    QTest::newRow("logistic int8")
        << make(OpType::Logistic, i8, i8, q(1.f / 16, 0), q(1.f / 256, -128), {0, 16, -16, 127, -128},
                {0, 59, -59, 127, -128});
    // LOGISTIC int16, input scale 2^-12 (power of two: multiplier 3, no
    // shift). x = 4096 (1.0) -> 12288 = 24 * 512: table[24] = 47911 exactly,
    // (47911 << 9 + 512) >> 10 = 23956 (sigmoid(1) * 32768 = 23955.6);
    // -4096: ((1 << 25) - (47911 << 9) + 511) >> 10 = 8812; 0 -> 16384.
    QTest::newRow("logistic int16")
        << make(OpType::Logistic, i16, i16, q(1.f / 4096, 0), q(1.f / 32768, 0), {0, 4096, -4096},
                {16384, 23956, 8812});
    QTest::newRow("logistic float")
        << make(OpType::Logistic, f32, f32, {}, {}, {0.0, 20.0, -1.0986123}, {0.5, 1.0, 0.25});

    // TANH int8, scale 1/32 (32 = 1.0), output 1/128: tanh(0.5) * 128 = 59.15
    // -> 59; tanh(1) * 128 = 97.48 -> 97; odd function; tanh(3.97) * 128 =
    // 127.9 -> 128 -> 127; tanh(-4) * 128 = -127.9 -> -128.
    QTest::newRow("tanh int8")
        << make(OpType::Tanh, i8, i8, q(1.f / 32, 0), q(1.f / 128, 0), {0, 16, -16, 32, -32, 127, -128},
                {0, 59, -59, 97, -97, 127, -128});
    // TANH int16, input scale 2^-12 (multiplier 3): 2048 (0.5) -> 6144 =
    // 24 * 256: (47911 << 8) - 2^23 + 128 = 3876736, >> 8 = 15143
    // (tanh(0.5) * 32768 = 15142.8); negative mirrors with -1 bias: -15143.
    QTest::newRow("tanh int16")
        << make(OpType::Tanh, i16, i16, q(1.f / 4096, 0), q(1.f / 32768, 0), {0, 2048, -2048}, {0, 15143, -15143});
    QTest::newRow("tanh float") << make(OpType::Tanh, f32, f32, {}, {}, {0.0, 0.5, -2.0},
                                        {0.0, 0.46211715726, -0.96402758008});

    // RELU int8 with requantization: in (0.5, zp -10) -> out (0.25, zp 5):
    // multiplier exactly 2. q=-10 is 0.0 -> 5; -20 is -5.0 -> clamped at
    // zp 5; 0 is 5.0 -> 20 + 5 = 25; 100 is 55.0 -> 225 -> 127; -9 is 0.5 -> 7.
    QTest::newRow("relu int8 requantize")
        << make(OpType::Relu, i8, i8, q(0.5f, -10), q(0.25f, 5), {-10, -20, 0, 100, -9}, {5, 5, 25, 127, 7});
    QTest::newRow("relu int16")
        << make(OpType::Relu, i16, i16, q(0.01f, 0), q(0.01f, 0), {-300, 0, 300, 32767}, {0, 0, 300, 32767});
    QTest::newRow("relu float") << make(OpType::Relu, f32, f32, {}, {}, {-1.5, 0.0, 2.5}, {0.0, 0.0, 2.5});
    // RELU6 int8, scale 0.1 zp 0: six = round(6 / 0.1) = 60.
    QTest::newRow("relu6 int8")
        << make(OpType::Relu6, i8, i8, q(0.1f, 0), q(0.1f, 0), {-5, 0, 30, 60, 100}, {0, 0, 30, 60, 60});
    // RELU6 int16, scale 1/1024 zp 0: six = 6144.
    QTest::newRow("relu6 int16")
        << make(OpType::Relu6, i16, i16, q(1.f / 1024, 0), q(1.f / 1024, 0), {-5, 1000, 7000}, {0, 1000, 6144});
    QTest::newRow("relu6 float") << make(OpType::Relu6, f32, f32, {}, {}, {-1.0, 3.0, 7.0}, {0.0, 3.0, 6.0});

    // LEAKY_RELU int8, alpha 0.5, same scales: negative branch halves,
    // -3 * 0.5 = -1.5 -> -1 (multiplier 0.5: the high multiply rounds half
    // up), positive unchanged.
    UnaryCase lr = make(OpType::LeakyRelu, i8, i8, q(0.1f, 0), q(0.1f, 0), {-10, 10, -3, 0, -128}, {-5, 10, -1, 0, -64});
    lr.attrs = alpha(0.5f);
    QTest::newRow("leaky relu int8") << lr;
    // Different output zero point: in zp 2, out zp -3: x=12 -> +10 -> 7;
    // x=-8 -> -10 * 0.5 = -5 -> -8.
    UnaryCase lz = make(OpType::LeakyRelu, i8, i8, q(0.1f, 2), q(0.1f, -3), {12, -8, 2}, {7, -8, -3});
    lz.attrs = alpha(0.5f);
    QTest::newRow("leaky relu int8 zero points") << lz;
    UnaryCase l16 = make(OpType::LeakyRelu, i16, i16, q(0.001f, 0), q(0.001f, 0), {-100, 50, -32768}, {-20, 50, -6554});
    l16.attrs = alpha(0.2f);  // -32768 * 0.2 = -6553.6 -> -6554
    QTest::newRow("leaky relu int16") << l16;
    UnaryCase lf = make(OpType::LeakyRelu, f32, f32, {}, {}, {-2.0, 3.0}, {-0.2, 3.0});
    lf.attrs = alpha(0.1f);
    QTest::newRow("leaky relu float") << lf;

    // QUANTIZE float -> int8, scale 0.5: x / 0.5 = 0.5, 1.5, -0.5, -1.5
    // round half away from zero to 1, 2, -1, -2; +-200 saturate.
    QTest::newRow("quantize float->int8 halves")
        << make(OpType::Quantize, f32, i8, {}, q(0.5f, 0), {0.25, 0.75, -0.25, -0.75, 100.0, -100.0, 1.0},
                {1, 2, -1, -2, 127, -128, 2});
    QTest::newRow("quantize float->int8 zero point")
        << make(OpType::Quantize, f32, i8, {}, q(0.5f, -100), {0.0, 1.0, -20.0}, {-100, -98, -128});
    QTest::newRow("quantize float->int16")
        << make(OpType::Quantize, f32, i16, {}, q(1.f / 1024, 0), {0.5, 40.0, -0.00146484375}, {512, 32767, -2});
    // int8 -> int8: scale 1 -> 2 (x0.5, half up), zp 0 -> 10: 3 -> 1.5 -> 2
    // -> 12; -3 -> -1.5 -> -1 -> 9; 100 -> 60; -128 -> -54.
    QTest::newRow("quantize int8->int8")
        << make(OpType::Quantize, i8, i8, q(1.f, 0), q(2.f, 10), {3, -3, 100, -128}, {12, 9, 60, -54});
    // int16 -> int8: scale 1/256 -> 1/16 (x1/16, shift rounds half away):
    // 16 -> 1; 24 -> 1.5 -> 2; -24 -> -2; 32767 -> 2048 -> 127.
    QTest::newRow("quantize int16->int8")
        << make(OpType::Quantize, i16, i8, q(1.f / 256, 0), q(1.f / 16, 0), {16, 24, -24, 32767}, {1, 2, -2, 127});
    // int32 -> int16: 2^-10 -> 2^-7 (x1/8): 8 -> 1; 12 -> 2; -12 -> -2;
    // 4 -> 0.5 -> 1; -4 -> -1; 2^30 -> 2^27 -> 32767.
    QTest::newRow("quantize int32->int16")
        << make(OpType::Quantize, i32, i16, q(1.f / 1024, 0), q(1.f / 128, 0), {8, 12, -12, 4, -4, 1073741824.0},
                {1, 2, -2, 1, -1, 32767});
    QTest::newRow("quantize int8->int16")
        << make(OpType::Quantize, i8, i16, q(0.5f, -1), q(1.f / 64, 0), {-1, 0, 127}, {0, 32, 4096});

    // DEQUANTIZE: (x - zp) * scale.
    QTest::newRow("dequantize int8")
        << make(OpType::Dequantize, i8, f32, q(0.5f, -1), {}, {-1, 3, -128}, {0.0, 2.0, -63.5});
    QTest::newRow("dequantize int16")
        << make(OpType::Dequantize, i16, f32, q(1.f / 1024, 0), {}, {1024, -512, 32767}, {1.0, -0.5, 31.9990234375});
}

void TestOpsActivation::handWorked() {
    QFETCH(UnaryCase, c);
    expectCase(c);
}

// The same layers' C compiles warning-free for Cortex-M4F (int32_t is long
// there, so mixed int/long arithmetic would show up as warnings).
void TestOpsActivation::armCompile() {
    QFETCH(UnaryCase, c);
    if (QStandardPaths::findExecutable("arm-none-eabi-gcc").isEmpty()) QSKIP("arm-none-eabi-gcc is not installed");
    Graph g = unaryGraph(c);
    Diagnostics d;
    QVERIFY2(runPasses(g, d), d.format().c_str());
    auto art = compile(g, CompileOptions{});
    QVERIFY2(art.ok(), art.diagnostics().format().c_str());
    QTemporaryDir dir;
    QVERIFY(art->writeTo(dir.path().toStdString(), d));
    int compiled = 0;
    for (const auto &f : art->files) {
        if (f.first.size() < 2 || f.first.substr(f.first.size() - 2) != ".c") continue;
        ++compiled;
        const std::string base = dir.path().toStdString();
        std::string log;
        const int rc = runProcess({"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard",
                                   "-mfpu=fpv4-sp-d16", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                   "-I" + base + "/include", "-c", base + "/" + f.first, "-o", base + "/out.o"},
                                  &log);
        QVERIFY2(rc == 0, (f.first + ":\n" + log).c_str());
    }
    QVERIFY(compiled > 0);
}

// Two rows of 3 (softmax works on the last dimension only): row 0 equal
// logits; row 1 one logit far above the others (diff 200 steps of 0.5 = 100,
// beyond diff_min), so it takes everything.
void TestOpsActivation::softmaxInt8Rows() {
    UnaryCase c = make(OpType::Softmax, DType::Int8, DType::Int8, q(0.5f, 0), q(1.f / 256, -128),
                       {1, 1, 1, 100, -100, -100}, {0, 0, 0, 0, 0, 0});
    c.shape = {2, 3};
    // 3 equal: sum = 3 * 2^19 (12 leading zeros... 3 * 2^19 < 2^21: 11 zeros,
    // 1 bit over unit); 1/(1.5) = 0.6667 in Q0.31 after the shift; exponent
    // 1 + 23 = 24: 0.6667 * 2^31 / 2^24 = 85.33 -> 85 - 128 = -43.
    c.want = {-43, -43, -43, 127, -128, -128};
    expectCase(c);
}

// int16 softmax goes through TFLM's interpolated exp and 1/(1+x) tables; the
// exact value of 4 equal logits is 0.25 * 32768 = 8192 up to table error.
// The reference and the generated C must agree bit for bit.
void TestOpsActivation::softmaxInt16EqualLogits() {
    const UnaryCase c = make(OpType::Softmax, DType::Int16, DType::Int16, q(1.f / 1024, 0), q(1.f / 32768, 0),
                             {100, 100, 100, 100}, {});
    const BothOutputs both = runBoth(unaryGraph(c), {typed(c.in, c.x)});
    QVERIFY2(both.error.empty(), both.error.c_str());
    const auto ref = valuesOf<int16_t>(both.reference.at(0));
    QCOMPARE(valuesOf<int16_t>(both.generated.at(0)), ref);
    for (int16_t v : ref) QVERIFY2(std::abs(v - 8192) <= 4, qPrintable(QString::number(v)));
}

void TestOpsActivation::badInput_data() {
    QTest::addColumn<UnaryCase>("c");
    QTest::addColumn<QString>("needle");
    const DType i8 = DType::Int8, i16 = DType::Int16, f32 = DType::Float32;
    QTest::newRow("softmax int8 wrong output zp")
        << make(OpType::Softmax, i8, i8, q(0.1f, 0), q(1.f / 256, 0), {1}, {}) << "zero point -128";
    QTest::newRow("logistic int8 wrong output scale")
        << make(OpType::Logistic, i8, i8, q(0.1f, 0), q(0.5f, -128), {1}, {}) << "scale 1/256";
    QTest::newRow("tanh int16 input zero point")
        << make(OpType::Tanh, i16, i16, q(1.f / 4096, 3), q(1.f / 32768, 0), {1}, {}) << "zero points of 0";
    QTest::newRow("relu mixed types")
        << make(OpType::Relu, i8, i16, q(0.1f, 0), q(0.1f, 0), {1}, {}) << "differs from input type";
    QTest::newRow("relu int8 without quantization")
        << make(OpType::Relu, i8, i8, {}, {}, {1}, {}) << "no quantization parameters";
    QTest::newRow("quantize float->float")
        << make(OpType::Quantize, f32, f32, {}, q(0.1f, 0), {1}, {}) << "is not supported";
    QTest::newRow("dequantize int8->int8")
        << make(OpType::Dequantize, i8, i8, q(0.1f, 0), q(0.1f, 0), {1}, {}) << "produces float32";
    UnaryCase shape = make(OpType::LeakyRelu, f32, f32, {}, {}, {1, 2}, {});
    QTest::newRow("leaky relu shape mismatch") << shape << "output shape";
}

void TestOpsActivation::badInput() {
    QFETCH(UnaryCase, c);
    QFETCH(QString, needle);
    Graph g = unaryGraph(c);
    if (QString(QTest::currentDataTag()).contains("shape mismatch")) g.tensors[1].shape = {1, 3};
    const std::string err = prepareError(g);
    QVERIFY2(QString::fromStdString(err).contains(needle), err.c_str());
    // One clear error: lower-case start, no trailing period.
    QVERIFY(!err.empty() && std::islower(static_cast<unsigned char>(err[0])) && err.back() != '.');
}

void TestOpsActivation::seanetGolden_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("stem");
    QTest::newRow("leaky_relu0") << "tflite_micro/seanet/leaky_relu/leaky_relu0.tflite" << "leaky_relu0";
    QTest::newRow("quantize0") << "tflite_micro/seanet/quantize/quantize0.tflite" << "quantize0";
}

void TestOpsActivation::seanetGolden() {
    QFETCH(QString, model);
    QFETCH(QString, stem);
    auto imported = importTflite(modelPath(model.toStdString()));
    QVERIFY2(imported.ok(), imported.diagnostics().format().c_str());
    for (int k = 0; k < 3; ++k) {
        const std::string c = "case" + std::to_string(k);
        const TensorData in = golden(stem.toStdString(), c + ".input0.bin");
        const TensorData want = golden(stem.toStdString(), c + ".output0.bin");
        QVERIFY(!in.empty() && !want.empty());
        const BothOutputs both = runBoth(imported.value(), {in});
        QVERIFY2(both.error.empty(), both.error.c_str());
        QVERIFY2(both.reference.at(0) == want, qPrintable(QString::fromStdString(c) + ": reference differs"));
        QVERIFY2(both.generated.at(0) == want, qPrintable(QString::fromStdString(c) + ": generated C differs"));
    }
}

QTEST_APPLESS_MAIN(TestOpsActivation)
#include "tst_ops_activation.moc"
