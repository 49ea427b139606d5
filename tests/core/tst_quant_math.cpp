// TFLite's integer requantization arithmetic (core/ops/Common.h) against
// hand-worked values, and the generated-C helpers against the same values.
// Each row's comment shows the arithmetic; nothing here is computed with
// the functions under test.
#include <QTemporaryDir>
#include <QtTest>
#include <cfloat>
#include <climits>
#include <fstream>
#include <iterator>

#include "TestUtil.h"
#include "core/ops/Common.h"
#include "core/validate/HostRunner.h"

using namespace ember;

namespace {

// One integer-function case, shared by the C++ tests and the C helper test.
struct IntCase {
    const char *name;
    const char *fn;  // "srdhm", "rdbpot", "mbqm", "mbqm64"
    int64_t x;
    int32_t b;  // second operand / multiplier / exponent
    int shift;
    int32_t expected;
};

const IntCase kIntCases[] = {
    // SRDHM(a, b) = round(a*b / 2^31), gemmlowp nudge: +2^30 or 1-2^30,
    // then division truncating toward zero.
    {"srdhm half", "srdhm", 1 << 30, 1 << 30, 0, 1 << 29},          // (2^60 + 2^30) / 2^31 = 2^29 + 0.5 → 2^29
    {"srdhm +1.5 rounds up", "srdhm", 3, 1 << 30, 0, 2},            // (3*2^30 + 2^30) / 2^31 = 2
    {"srdhm -1.5 rounds toward 0", "srdhm", -3, 1 << 30, 0, -1},    // (-3*2^30 - 2^30 + 1) / 2^31 = -1.99.. → -1
    {"srdhm min*min saturates", "srdhm", INT32_MIN, INT32_MIN, 0, INT32_MAX},
    {"srdhm min*max", "srdhm", INT32_MIN, INT32_MAX, 0, -INT32_MAX},  // (-2^62 + 2^30 + 1) / 2^31 → -2^31 + 0.5.. → -(2^31-1)
    {"srdhm zero", "srdhm", 0, INT32_MIN, 0, 0},
    // RoundingDivideByPOT(x, e) = x / 2^e, ties away from zero.
    {"rdbpot 5/2", "rdbpot", 5, 1, 0, 3},
    {"rdbpot -5/2", "rdbpot", -5, 1, 0, -3},
    {"rdbpot -6/4", "rdbpot", -6, 2, 0, -2},   // -1.5 → -2
    {"rdbpot -7/4", "rdbpot", -7, 2, 0, -2},   // -1.75 → -2
    {"rdbpot 6/4", "rdbpot", 6, 2, 0, 2},      // 1.5 → 2
    {"rdbpot -5/4", "rdbpot", -5, 2, 0, -1},   // -1.25 → -1
    {"rdbpot e=0", "rdbpot", -9, 0, 0, -9},
    // MultiplyByQuantizedMultiplier = RDBPOT(SRDHM(x << left, qm), right).
    {"mbqm 100*0.5", "mbqm", 100, 1 << 30, 0, 50},
    {"mbqm 100*0.25", "mbqm", 100, 1 << 30, -1, 25},
    {"mbqm double rounding up", "mbqm", 101, 1 << 30, -1, 26},     // SRDHM 50.5 → 51, then 25.5 → 26 (exact 25.25)
    {"mbqm double rounding neg", "mbqm", -101, 1 << 30, -1, -25},  // SRDHM -50.5 → -50, then -25 exactly
    {"mbqm left shift", "mbqm", 3, 1 << 30, 2, 6},                 // (3 << 2) * 0.5
    {"mbqm 1000*0.1", "mbqm", 1000, 1717986918, -3, 100},          // SRDHM → 800 (799.99..), 800 / 8
    // The int64 variant: reduced 16-bit multiplier (qm + 2^15) >> 16,
    // then (x * reduced + 2^(14-shift)) >> (15 - shift), ties toward +inf.
    {"mbqm64 1000*0.5", "mbqm64", 1000, 1 << 30, 0, 500},      // reduced 16384: (16384000 + 16384) >> 15 = 500
    {"mbqm64 1001*0.5", "mbqm64", 1001, 1 << 30, 0, 501},      // 500.5 → 501
    {"mbqm64 -1001*0.5", "mbqm64", -1001, 1 << 30, 0, -500},   // -500.5 → -500
    {"mbqm64 saturated qm", "mbqm64", 2, INT32_MAX, 0, 2},     // reduced 0x7FFF: (65534 + 16384) >> 15 = 2
    {"mbqm64 shift +1", "mbqm64", 3, 1 << 30, 1, 3},           // (49152 + 8192) >> 14 = 3.5 → 3
    {"mbqm64 large x", "mbqm64", int64_t(1) << 40, 1 << 30, -10, 1 << 29},  // 2^54 >> 25
};

int32_t callCpp(const IntCase &c) {
    const std::string fn = c.fn;
    if (fn == "srdhm") return saturatingRoundingDoublingHighMul(int32_t(c.x), c.b);
    if (fn == "rdbpot") return roundingDivideByPOT(int32_t(c.x), c.b);
    if (fn == "mbqm") return multiplyByQuantizedMultiplier(int32_t(c.x), c.b, c.shift);
    return multiplyByQuantizedMultiplier64(c.x, c.b, c.shift);
}

std::string cExpr(const IntCase &c) {
    const std::string fn = c.fn;
    const std::string x = cInt(c.x), b = cInt(c.b), s = std::to_string(c.shift);
    if (fn == "srdhm") return "ember_srdhm(" + x + ", " + b + ")";
    if (fn == "rdbpot") return "ember_rdbpot(" + x + ", " + b + ")";
    if (fn == "mbqm") return "ember_mbqm(" + x + ", " + b + ", " + s + ")";
    return "ember_mbqm64(" + x + ", " + b + ", " + s + ")";
}

}  // namespace

class TestQuantMath : public QObject {
    Q_OBJECT

private slots:
    void integerFunctions_data();
    void integerFunctions();
    void cHelpers();
    void quantizeMultiplier_data();
    void quantizeMultiplier();
    void smallerThanOne();
    void activationRange_data();
    void activationRange();
    void floatRange();
    void outSizeAndPadding();
    void literals();
};

void TestQuantMath::integerFunctions_data() {
    QTest::addColumn<int>("i");
    for (size_t i = 0; i < std::size(kIntCases); ++i) QTest::newRow(kIntCases[i].name) << int(i);
}

void TestQuantMath::integerFunctions() {
    QFETCH(int, i);
    const IntCase &c = kIntCases[i];
    QCOMPARE(callCpp(c), c.expected);
}

// The C helpers the generated code uses give the same values when built
// with the strict flags of generated code.
void TestQuantMath::cHelpers() {
    EmitContext ctx;
    for (const char *h : {"ember_clamp", "ember_mbqm", "ember_mbqm64"}) useHelper(ctx, h);
    std::string src = "#include <stdint.h>\n#include <stdio.h>\n\n";
    for (const auto &h : ctx.helpers) src += h.second + "\n";
    src += "int main(void)\n{\n";
    for (const IntCase &c : kIntCases) src += "    printf(\"%ld\\n\", (long)" + cExpr(c) + ");\n";
    src += "    printf(\"%ld\\n\", (long)ember_clamp(-300, -128, 127));\n";
    src += "    return 0;\n}\n";
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/helpers.c", exe = dir.path().toStdString() + "/helpers";
    std::ofstream(path) << src;
    std::string log;
    int rc = runProcess({"cc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-Wno-unused-function", path,
                         "-o", exe},
                        &log);
    QVERIFY2(rc == 0, log.c_str());
    std::string out;
    QCOMPARE(runProcess({exe}, &out), 0);
    std::string expected;
    for (const IntCase &c : kIntCases) expected += std::to_string(c.expected) + "\n";
    expected += "-128\n";
    QCOMPARE(QString::fromStdString(out), QString::fromStdString(expected));
}

void TestQuantMath::quantizeMultiplier_data() {
    QTest::addColumn<double>("m");
    QTest::addColumn<int>("q");
    QTest::addColumn<int>("shift");
    // frexp(m) = f * 2^shift with f in [0.5, 1); q = round(f * 2^31).
    QTest::newRow("0.5") << 0.5 << (1 << 30) << 0;
    QTest::newRow("1.0") << 1.0 << (1 << 30) << 1;
    QTest::newRow("0.75") << 0.75 << 1610612736 << 0;          // 0.75 * 2^31
    QTest::newRow("0.1") << 0.1 << 1717986918 << -3;           // 0.8 * 2^31 = 1717986918.4
    QTest::newRow("3.0") << 3.0 << 1610612736 << 2;            // 0.75 * 2^2
    QTest::newRow("-0.5") << -0.5 << -(1 << 30) << 0;
    QTest::newRow("zero") << 0.0 << 0 << 0;
    // f * 2^31 rounds up to 2^31: halve it and bump the shift.
    QTest::newRow("rounds to 2^31") << (1.0 - std::ldexp(1.0, -40)) << (1 << 30) << 1;
    // 2^-40: shift -39 < -31, flushed to zero.
    QTest::newRow("tiny flushed") << std::ldexp(1.0, -40) << 0 << 0;
    // 2^-32 = 0.5 * 2^-31: the smallest kept shift.
    QTest::newRow("shift -31") << std::ldexp(1.0, -32) << (1 << 30) << -31;
}

void TestQuantMath::quantizeMultiplier() {
    QFETCH(double, m);
    QFETCH(int, q);
    QFETCH(int, shift);
    int32_t gotQ = -1;
    int gotShift = 99;
    ember::quantizeMultiplier(m, &gotQ, &gotShift);
    QCOMPARE(gotQ, int32_t(q));
    QCOMPARE(gotShift, shift);
}

void TestQuantMath::smallerThanOne() {
    int32_t q = 0;
    int left = 0;
    quantizeMultiplierSmallerThanOneExp(0.1, &q, &left);
    QCOMPARE(q, 1717986918);
    QCOMPARE(left, -3);
    // round(1000 * 0.8 * 2^31 / 2^31) = 800 via SRDHM, then / 8.
    QCOMPARE(multiplyByQuantizedMultiplierSmallerThanOneExp(1000, q, left), 100);
    QCOMPARE(multiplyByQuantizedMultiplierSmallerThanOneExp(-1000, q, left), -100);
}

void TestQuantMath::activationRange_data() {
    QTest::addColumn<int>("act");
    QTest::addColumn<int>("dtype");
    QTest::addColumn<float>("scale");
    QTest::addColumn<int>("zp");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    auto row = [](const char *n, Activation a, DType t, float s, int zp, bool ok, int lo, int hi) {
        QTest::newRow(n) << int(a) << int(t) << s << zp << ok << lo << hi;
    };
    // quantize(f) = zp + round(f / scale), clamped into the dtype.
    row("none int8", Activation::None, DType::Int8, 0.5f, -10, true, -128, 127);
    row("relu int8", Activation::Relu, DType::Int8, 0.5f, -10, true, -10, 127);
    row("relu6 int8", Activation::Relu6, DType::Int8, 0.5f, -10, true, -10, 2);          // -10 + 12
    row("relu_n1_to_1 int8", Activation::ReluN1To1, DType::Int8, 0.5f, -10, true, -12, -8);
    row("relu6 half rounds away", Activation::Relu6, DType::Int8, 4.f, 5, true, 5, 7);   // 6/4 = 1.5 → 2
    row("relu_n1_to_1 quarter", Activation::ReluN1To1, DType::Int8, 4.f, 5, true, 5, 5); // ±0.25 → 0
    row("relu clamps to qmin", Activation::Relu, DType::Int8, 1.f, -200, true, -128, 127);
    row("relu6 int16 clamps", Activation::Relu6, DType::Int16, 0.0001f, 0, true, 0, 32767);  // 60000 > 32767
    row("tanh refused", Activation::Tanh, DType::Int8, 0.5f, 0, false, -128, 127);
}

void TestQuantMath::activationRange() {
    QFETCH(int, act);
    QFETCH(int, dtype);
    QFETCH(float, scale);
    QFETCH(int, zp);
    QFETCH(bool, ok);
    QFETCH(int, lo);
    QFETCH(int, hi);
    Tensor t;
    t.dtype = DType(dtype);
    t.quant = test::q(scale, zp);
    int32_t mn = 0, mx = 0;
    QCOMPARE(activationRangeQuantized(Activation(act), t, &mn, &mx), ok);
    if (ok) {
        QCOMPARE(mn, int32_t(lo));
        QCOMPARE(mx, int32_t(hi));
    }
}

void TestQuantMath::floatRange() {
    float lo = 0, hi = 0;
    activationRangeFloat(Activation::None, &lo, &hi);
    QCOMPARE(lo, -FLT_MAX);
    QCOMPARE(hi, FLT_MAX);
    activationRangeFloat(Activation::Relu6, &lo, &hi);
    QCOMPARE(lo, 0.f);
    QCOMPARE(hi, 6.f);
    activationRangeFloat(Activation::ReluN1To1, &lo, &hi);
    QCOMPARE(lo, -1.f);
    QCOMPARE(hi, 1.f);
    activationRangeFloat(Activation::Relu, &lo, &hi);
    QCOMPARE(lo, 0.f);
    QCOMPARE(hi, FLT_MAX);
}

void TestQuantMath::outSizeAndPadding() {
    QCOMPARE(computeOutSize(Padding::Same, 10, 3, 3, 1), 4);   // ceil(10 / 3)
    QCOMPARE(computeOutSize(Padding::Valid, 10, 3, 2, 2), 3);  // effective 5: (10 - 5) / 2 + 1
    QCOMPARE(computeOutSize(Padding::Valid, 4, 5, 1, 1), 0);   // filter larger than input
    QCOMPARE(computeOutSize(Padding::Same, 10, 3, 0, 1), 0);   // stride 0 is refused
    QCOMPARE(computePadding(1, 1, 9, 3, 9), 1);                // total (8 + 3 - 9) = 2
    QCOMPARE(computePadding(2, 1, 10, 3, 5), 0);               // total 1, leading 0 (extra goes after)
    QCOMPARE(computePadding(1, 1, 5, 5, 5), 2);                // total 4
    QCOMPARE(computePadding(2, 1, 10, 1, 5), 0);               // total -1 → 0
    QCOMPARE(computePadding(1, 2, 7, 3, 7), 2);                // dilated effective 5: total 4
}

void TestQuantMath::literals() {
    QCOMPARE(QString::fromStdString(cInt(INT32_MIN)), QString("INT32_MIN"));
    QCOMPARE(QString::fromStdString(cInt(-5)), QString("-5"));
    QCOMPARE(QString::fromStdString(cInt(int64_t(1) << 40)), QString("INT64_C(1099511627776)"));
    QCOMPARE(QString::fromStdString(cFloat(0.5f)), QString("0.5f"));
    QCOMPARE(QString::fromStdString(cFloat(3.0f)), QString("3.0f"));
    QCOMPARE(QString::fromStdString(cFloat(0.1f)), QString("0.100000001f"));  // 9 digits round-trip the float
    QCOMPARE(QString::fromStdString(cFloat(-INFINITY)), QString("-FLT_MAX"));
}

QTEST_APPLESS_MAIN(TestQuantMath)
#include "tst_quant_math.moc"
