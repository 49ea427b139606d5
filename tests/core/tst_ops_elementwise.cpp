// ADD, SUB, MUL, MEAN and CONCATENATION. Every expected value is worked out
// by hand in the comments from TFLite Micro's integer arithmetic (never
// computed with the kernels under test). Each case runs three ways: the
// kernel's prepare+eval, the reference executor and the generated C.
//
// Notation used in the comments, for the quantized ADD/SUB path with both
// input scales s and output scale 2s (so the rescale is exactly 1/2):
// TFLM shifts each input left by 20 (int8) or 15 (int16), multiplies by
// 0.5 (q = 2^30, shift 0: exact), adds, and multiplies by 2^-20 (q = 2^30,
// shift -19). The last rounding divide by 2^19 rounds half away from zero,
// so out = round_half_away((a + b) / 2) + zp_out.
#include <QtTest>
#include <cstring>

#include "OpsCheck.h"
#include "core/import/TfliteImporter.h"

using namespace ember;
using namespace ember::test;

namespace {

struct BinCase {
    OpType type = OpType::Add;
    DType dt = DType::Int8;
    Shape sa, sb, so;
    Quant qa, qb, qo;
    Activation act = Activation::None;
    std::vector<double> a, b, want;
};

TensorData typed(DType dt, const std::vector<double> &v) {
    TensorData out;
    for (double x : v) {
        if (dt == DType::Int8) out.push_back(uint8_t(int8_t(x)));
        if (dt == DType::Int16) { auto b = bytesOf(std::vector<int16_t>{int16_t(x)}); out.insert(out.end(), b.begin(), b.end()); }
        if (dt == DType::Float32) { auto b = bytesOf(std::vector<float>{float(x)}); out.insert(out.end(), b.begin(), b.end()); }
    }
    return out;
}

QList<double> listOf(const std::vector<double> &v) { return QList<double>(v.begin(), v.end()); }

template <class F> void dispatch(DType dt, F f) {
    if (dt == DType::Int8) f(int8_t());
    else if (dt == DType::Int16) f(int16_t());
    else f(float());
}

void expectTyped(DType dt, const Graph &g, const std::vector<TensorData> &in, const QList<double> &want) {
    dispatch(dt, [&](auto t) { expectAllWays<decltype(t)>(g, in, want); });
}

Graph binaryGraph(const BinCase &c) {
    Graph g;
    g.name = "t";
    const int a = addTensor(g, "a", c.dt, c.sa, c.qa);
    const int b = addTensor(g, "b", c.dt, c.sb, c.qb);
    const int y = addTensor(g, "y", c.dt, c.so, c.qo);
    OpAttrs attrs;
    attrs.activation = c.act;
    addOp(g, c.type, {a, b}, {y}, attrs);
    setIO(g, {a, b}, {y});
    return g;
}

// MEAN: data input, constant axes, output.
Graph meanGraph(DType dt, const Shape &in, Quant qi, const std::vector<int32_t> &axes, bool keep, const Shape &out,
                Quant qo) {
    Graph g;
    g.name = "t";
    const int x = addTensor(g, "x", dt, in, qi);
    const int ax = addTensor(g, "axes", DType::Int32, {int32_t(axes.size())}, {}, bytesOf(axes));
    const int y = addTensor(g, "y", dt, out, qo);
    OpAttrs attrs;
    attrs.keepDims = keep;
    addOp(g, OpType::Mean, {x, ax}, {y}, attrs);
    setIO(g, {x}, {y});
    return g;
}

std::vector<TensorData> readCase(const std::string &dir, int k, int nInputs, TensorData *expected) {
    std::vector<TensorData> in(static_cast<size_t>(nInputs));
    for (int i = 0; i < nInputs; ++i)
        readFile(dir + "/case" + std::to_string(k) + ".input" + std::to_string(i) + ".bin", &in[size_t(i)]);
    readFile(dir + "/case" + std::to_string(k) + ".output0.bin", expected);
    return in;
}

}  // namespace

Q_DECLARE_METATYPE(BinCase)
Q_DECLARE_METATYPE(ember::Graph)
Q_DECLARE_METATYPE(std::vector<double>)

class TestOpsElementwise : public QObject {
    Q_OBJECT

private slots:
    void binary_data();
    void binary();
    void addFloat5DBroadcast();
    void mean_data();
    void mean();
    void concatenation();
    void concatenationFloatWithConstant();
    void errors_data();
    void errors();
    void golden_data();
    void golden();
};

void TestOpsElementwise::binary_data() {
    QTest::addColumn<BinCase>("c");
    const Quant h0 = q(0.5f, 0), one0 = q(1.f, 0);
    BinCase c;

    // (a + b) / 2 rounded half away from zero: 3/2 -> 2, -3/2 -> -2,
    // (1+2)/2 -> 2, (-1-2)/2 -> -2, 254/2 = 127, -256/2 = -128.
    c = {OpType::Add, DType::Int8, {6}, {6}, {6}, h0, h0, one0, Activation::None,
         {3, -3, 1, -1, 127, -128}, {0, 0, 2, -2, 127, -128}, {2, -2, 2, -2, 127, -128}};
    QTest::newRow("add int8 rounds half away from zero") << c;

    // zp_a = -128, zp_b = 127, zp_out = -128: out = round((a+128 + b-127)/2) - 128
    //   (-128,127): 0 -> -128; (127,127): 255/2 = 127.5 -> 128 -> 0;
    //   (127,-128): 0 -> -128; (0,0): 1/2 -> 1 -> -127;
    //   (-100,-50): (28-177)/2 = -74.5 -> -75 -> -203, saturates to -128.
    c = {OpType::Add, DType::Int8, {5}, {5}, {5}, q(0.5f, -128), q(0.5f, 127), q(1.f, -128), Activation::None,
         {-128, 127, 127, 0, -100}, {127, 127, -128, 0, -50}, {-128, 0, -128, -127, -128}};
    QTest::newRow("add int8 zero points -128/127 and low saturation") << c;

    // zp_out = 100: (127+127)/2 + 100 = 227 saturates to 127; (10-10)/2 + 100 = 100.
    c = {OpType::Add, DType::Int8, {2}, {2}, {2}, h0, h0, q(1.f, 100), Activation::None,
         {127, 10}, {127, -10}, {127, 100}};
    QTest::newRow("add int8 high saturation") << c;

    // [2,1] + [1,3] -> [2,3]: (10+1)/2=5.5->6, 12/2=6, 13/2=6.5->7,
    // (-10+1)/2=-4.5->-5, -8/2=-4, -7/2=-3.5->-4.
    c = {OpType::Add, DType::Int8, {2, 1}, {1, 3}, {2, 3}, h0, h0, one0, Activation::None,
         {10, -10}, {1, 2, 3}, {6, 6, 7, -5, -4, -4}};
    QTest::newRow("add int8 broadcasts both inputs") << c;

    // RELU on scale 1, zp 0 clamps at q(0) = 0: (-10-10)/2 = -10 -> 0; 13/2 -> 7.
    c = {OpType::Add, DType::Int8, {2}, {2}, {2}, h0, h0, one0, Activation::Relu, {-10, 10}, {-10, 3}, {0, 7}};
    QTest::newRow("add int8 relu") << c;

    // RELU6 clamps to [q(0), q(6)] = [0, 6]: 40/2 = 20 -> 6; -4/2 = -2 -> 0.
    c = {OpType::Add, DType::Int8, {2}, {2}, {2}, h0, h0, one0, Activation::Relu6, {20, -4}, {20, 0}, {6, 0}};
    QTest::newRow("add int8 relu6") << c;

    // Scales 1.0 and 0.5 into 1.0 (int16, left shift 15): input 1 gets
    // multiplier 0.5 (2^30, 0), input 2 0.25 (2^30, -1), output 2^-14
    // (2^30, -13); out = round_half_away(a + b/2):
    //   100+1.5 -> 102; 100-1.5 = 98.5 -> 99; -100-1.5 -> -102;
    //   30000+5000 saturates to 32767.
    c = {OpType::Add, DType::Int16, {4}, {4}, {4}, one0, h0, one0, Activation::None,
         {100, 100, -100, 30000}, {3, -3, -3, 10000}, {102, 99, -102, 32767}};
    QTest::newRow("add int16 different input scales") << c;

    // SUB, same rescale as the first row: (5-2)/2 = 1.5 -> 2; -7/2 -> -4;
    // 255/2 -> 128 -> 127; -255/2 -> -128.
    c = {OpType::Sub, DType::Int8, {4}, {4}, {4}, h0, h0, one0, Activation::None,
         {5, -5, 127, -128}, {2, 2, -128, 127}, {2, -4, 127, -128}};
    QTest::newRow("sub int8 rounding and saturation") << c;

    // int16, all scales 1: every step is exact, out = a - b saturated.
    // [1,2,2] - [2]: 1000-1, -1000-32767 -> -32768, 32767-1, -32768-32767 -> -32768.
    c = {OpType::Sub, DType::Int16, {1, 2, 2}, {2}, {1, 2, 2}, one0, one0, one0, Activation::None,
         {1000, -1000, 32767, -32768}, {1, 32767}, {999, -32768, 32766, -32768}};
    QTest::newRow("sub int16 broadcast [1,2,2] - [2]") << c;

    // [2,1] - [3] -> [2,3] in float.
    c = {OpType::Sub, DType::Float32, {2, 1}, {3}, {2, 3}, {}, {}, {}, Activation::None,
         {1, -1}, {0.5, 2, -3}, {0.5, -1, 4, -1.5, -3, 2}};
    QTest::newRow("sub float broadcast") << c;

    // MUL 0.5*0.5/0.5 = 0.5 -> (2^30, 0): out = SRDHM(a*b, 2^30), i.e. a*b/2
    // with gemmlowp's rounding: 3 -> (3*2^30 + 2^30) / 2^31 = 2, but -3 ->
    // (-3*2^30 + 1 - 2^30) / 2^31 = -1.99.. truncated to -1; 10000/2 -> 127.
    c = {OpType::Mul, DType::Int8, {5}, {5}, {5}, h0, h0, h0, Activation::None,
         {3, -3, 1, -1, 100}, {1, 1, 3, 3, 100}, {2, -1, 2, -1, 127}};
    QTest::newRow("mul int8 rounding") << c;

    // zp_a = -128, zp_b = 127, scales 0.5*0.5/1 = 0.25 -> (2^30, -1):
    //   (-128, 0): 0 * -127 = 0 -> 0
    //   (-120, 117): 8 * -10 = -80 -> SRDHM -40 -> /2 -> -20
    //   (-127, 126): 1 * -1 = -1 -> SRDHM 0 -> 0
    //   (127, -128): 255 * -255 -> -16256, saturates to -128
    c = {OpType::Mul, DType::Int8, {4}, {4}, {4}, q(0.5f, -128), q(0.5f, 127), one0, Activation::None,
         {-128, -120, -127, 127}, {0, 117, 126, -128}, {0, -20, 0, -128}};
    QTest::newRow("mul int8 zero points -128/127") << c;

    // int16 0.5*0.5/0.25 = 1 -> (2^30, shift 1): exact product, saturated.
    c = {OpType::Mul, DType::Int16, {3}, {3}, {3}, h0, h0, q(0.25f, 0), Activation::None,
         {100, -200, 300}, {3, 100, 200}, {300, -20000, 32767}};
    QTest::newRow("mul int16") << c;

    // [2,2] * [2] = {10,-2,30,-4}, RELU6 -> {6,0,6,0}.
    c = {OpType::Mul, DType::Float32, {2, 2}, {2}, {2, 2}, {}, {}, {}, Activation::Relu6,
         {1, 2, 3, 4}, {10, -1}, {6, 0, 6, 0}};
    QTest::newRow("mul float broadcast relu6") << c;
}

void TestOpsElementwise::binary() {
    QFETCH(BinCase, c);
    expectTyped(c.dt, binaryGraph(c), {typed(c.dt, c.a), typed(c.dt, c.b)}, listOf(c.want));
}

// 5-D numpy broadcasting in float: [2,1,2,1,2] + [1,3,1,2,1] -> [2,3,2,2,2].
// The expectation is written as the definition: out[i][j][k][l][m] =
// a[i][0][k][0][m] + b[0][j][0][l][0].
void TestOpsElementwise::addFloat5DBroadcast() {
    std::vector<double> a(8), b(6), want;
    for (size_t i = 0; i < a.size(); ++i) a[i] = double(i) + 0.25;
    for (size_t i = 0; i < b.size(); ++i) b[i] = 100.0 * double(i + 1);
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 2; ++k)
                for (int l = 0; l < 2; ++l)
                    for (int m = 0; m < 2; ++m) want.push_back(a[size_t(i * 4 + k * 2 + m)] + b[size_t(j * 2 + l)]);
    BinCase c{OpType::Add, DType::Float32, {2, 1, 2, 1, 2}, {1, 3, 1, 2, 1}, {2, 3, 2, 2, 2}, {}, {}, {},
              Activation::None, a, b, want};
    expectTyped(c.dt, binaryGraph(c), {typed(c.dt, c.a), typed(c.dt, c.b)}, listOf(c.want));
}

void TestOpsElementwise::mean_data() {
    QTest::addColumn<int>("dtype");
    QTest::addColumn<Graph>("graph");
    QTest::addColumn<std::vector<double>>("input");
    QTest::addColumn<std::vector<double>>("want");

    // Same scale and zero point in and out: TFLM (90b983c2) still requantizes
    // (QuantizedMeanOrSum), so the mean rounds to nearest. Scale 1 -> 1:
    // QuantizeMultiplier(1) = (2^30, 1); 3 elements: s = min(floor(log2 3) = 1,
    // 32, 31 + 1) = 1, mult = (2^30 << 1) / 3 = 715827882, shift 1 - 1 = 0:
    //   sum 8 -> SRDHM(8, 715827882) = round(2.67) = 3 (a truncating 8/3 gives 2)
    //   sum -8 -> -3.
    QTest::newRow("int8 same quantization rounds")
        << int(DType::Int8) << meanGraph(DType::Int8, {2, 3}, q(1.f, 0), {1}, false, {2}, q(1.f, 0))
        << std::vector<double>{1, 2, 5, -1, -2, -5} << std::vector<double>{3, -3};

    // Scale 1 -> 0.5, zp 0 -> -10, 4 elements: multiplier 2 = (2^30, 2),
    // 1/4 folded in: (2^30 << 2) / 4 = 2^30, shift 0, so
    // out = SRDHM(sum, 2^30) - 10 = sum/2 - 10:
    //   sum 11 -> 5.5 -> 6 -> -4;  sum -11 -> -5.99.. truncated -> -5 -> -15;
    //   sum 508 -> 254 - 10 = 244 -> saturates to 127.
    QTest::newRow("int8 requantized mean")
        << int(DType::Int8) << meanGraph(DType::Int8, {3, 4}, q(1.f, 0), {1}, false, {3}, q(0.5f, -10))
        << std::vector<double>{1, 2, 3, 5, -1, -2, -3, -5, 127, 127, 127, 127} << std::vector<double>{-4, -15, 127};

    // NHWC [1,2,2,2] over H and W (axes {2, -3}), keep dims; scale 0.5 zp -128
    // -> scale 0.25 zp -128: out = SRDHM(sum + 128*4, 2^30) - 128.
    //   channel 0: -128,-128,-128,-127: sum -511 + 512 = 1 -> 1 -> -127
    //   channel 1: -100,-90,-80,-70: sum -340 + 512 = 172 -> 86 -> -42
    //   (real: mean of 14,19,24,29 = 21.5 = 86 * 0.25)
    QTest::newRow("int8 spatial mean, negative axis, keep dims")
        << int(DType::Int8)
        << meanGraph(DType::Int8, {1, 2, 2, 2}, q(0.5f, -128), {2, -3}, true, {1, 1, 1, 2}, q(0.25f, -128))
        << std::vector<double>{-128, -100, -128, -90, -128, -80, -127, -70} << std::vector<double>{-127, -42};

    // int16: the int32 sum 131067 exceeds int16. Scale 1 -> 1 = (2^30, 1);
    // 4 elements: s = min(2, 32, 32) = 2, mult = (2^30 << 2) / 4 = 2^30,
    // shift 1 - 2 = -1: SRDHM(131067, 2^30) = round(65533.5) = 65534, then
    // RoundingDivideByPOT(65534, 1) = 32767 (mean 32766.75 rounds up).
    QTest::newRow("int16 sum beyond int16")
        << int(DType::Int16) << meanGraph(DType::Int16, {4}, q(1.f, 0), {0}, true, {1}, q(1.f, 0))
        << std::vector<double>{32767, 32767, 32767, 32766} << std::vector<double>{32767};

    // float: (1+2+4)/3 and (0.5-0.5+3)/3 over the last axis, keep dims.
    QTest::newRow("float last axis")
        << int(DType::Float32) << meanGraph(DType::Float32, {2, 3}, {}, {-1}, true, {2, 1}, {})
        << std::vector<double>{1, 2, 4, 0.5, -0.5, 3} << std::vector<double>{7.0 / 3.0, 1.0};
}

void TestOpsElementwise::mean() {
    QFETCH(int, dtype);
    QFETCH(Graph, graph);
    QFETCH(std::vector<double>, input);
    QFETCH(std::vector<double>, want);
    const DType dt = DType(dtype);
    expectTyped(dt, graph, {typed(dt, input)}, listOf(want));
}

// int8 along axis -1 ([2,2] ++ [2,1] -> [2,3]) and axis 0 ([1,2] ++ [2,2]).
void TestOpsElementwise::concatenation() {
    for (int axis : {-1, 0}) {
        Graph g;
        g.name = "t";
        const Shape sa = axis == -1 ? Shape{2, 2} : Shape{1, 2};
        const Shape sb = axis == -1 ? Shape{2, 1} : Shape{2, 2};
        const Shape so = axis == -1 ? Shape{2, 3} : Shape{3, 2};
        const int a = addTensor(g, "a", DType::Int8, sa, q(0.1f, -128));
        const int b = addTensor(g, "b", DType::Int8, sb, q(0.1f, -128));
        const int y = addTensor(g, "y", DType::Int8, so, q(0.1f, -128));
        OpAttrs attrs;
        attrs.axis = axis;
        addOp(g, OpType::Concatenation, {a, b}, {y}, attrs);
        setIO(g, {a, b}, {y});
        // axis -1: rows {1,2}+{5} and {3,4}+{6}; axis 0: {1,2} then {3,4,5,6}.
        const std::vector<TensorData> in = axis == -1
                                               ? std::vector<TensorData>{data<int8_t>({1, 2, 3, 4}), data<int8_t>({5, 6})}
                                               : std::vector<TensorData>{data<int8_t>({1, 2}), data<int8_t>({3, 4, 5, 6})};
        const QList<double> want = axis == -1 ? QList<double>{1, 2, 5, 3, 4, 6} : QList<double>{1, 2, 3, 4, 5, 6};
        expectAllWays<int8_t>(g, in, want);
        if (QTest::currentTestFailed()) return;
    }
}

// float, three inputs along axis 1 of [2,*,2], the middle one constant.
void TestOpsElementwise::concatenationFloatWithConstant() {
    Graph g;
    g.name = "t";
    const int a = addTensor(g, "a", DType::Float32, {2, 1, 2});
    const int k = addTensor(g, "k", DType::Float32, {2, 2, 2}, {},
                            bytesOf(std::vector<float>{10, 11, 12, 13, 14, 15, 16, 17}));
    const int c = addTensor(g, "c", DType::Float32, {2, 1, 2});
    const int y = addTensor(g, "y", DType::Float32, {2, 4, 2});
    OpAttrs attrs;
    attrs.axis = 1;
    addOp(g, OpType::Concatenation, {a, k, c}, {y}, attrs);
    setIO(g, {a, c}, {y});
    // batch 0: {1,2} {10..13} {-1,-2}; batch 1: {3,4} {14..17} {-3,-4}
    expectAllWays<float>(g, {data<float>({1, 2, 3, 4}), data<float>({-1, -2, -3, -4})},
                         {1, 2, 10, 11, 12, 13, -1, -2, 3, 4, 14, 15, 16, 17, -3, -4});
}

void TestOpsElementwise::errors_data() {
    QTest::addColumn<Graph>("graph");
    QTest::addColumn<QString>("expected");
    BinCase c{OpType::Add, DType::Int8, {2, 3}, {4}, {2, 3}, q(1, 0), q(1, 0), q(1, 0)};
    QTest::newRow("not broadcastable") << binaryGraph(c) << "cannot be broadcast";
    c = {OpType::Add, DType::Int8, {2, 3}, {3}, {3, 3}, q(1, 0), q(1, 0), q(1, 0)};
    QTest::newRow("wrong output shape") << binaryGraph(c) << "the model gives the output shape [3,3] but the operator produces [2,3]";
    c = {OpType::Mul, DType::Int8, {2}, {2}, {2}, q(1, 0), {}, q(1, 0)};
    QTest::newRow("missing quantization") << binaryGraph(c) << "one positive scale per tensor";
    c = {OpType::Sub, DType::Int8, {2}, {2}, {2}, q(1, 0), q(1, 0), q(1, 0), Activation::Tanh};
    QTest::newRow("tanh activation on int8") << binaryGraph(c) << "fused activation TANH is not supported";
    c = {OpType::Add, DType::Int16, {2}, {2}, {2}, q(1, 3), q(1, 0), q(1, 0)};
    QTest::newRow("int16 zero point") << binaryGraph(c) << "zero point 0";
    QTest::newRow("mean axis out of range")
        << meanGraph(DType::Int8, {2, 3}, q(1, 0), {2}, false, {2}, q(1, 0)) << "axis 2 is out of range";
    QTest::newRow("mean wrong output shape")
        << meanGraph(DType::Float32, {2, 3}, {}, {1}, true, {2}, {}) << "the operator produces [2,1]";
    Graph g;
    const int a = addTensor(g, "a", DType::Int8, {2, 2}, q(1, 0));
    const int b = addTensor(g, "b", DType::Int8, {3, 1}, q(1, 0));
    const int y = addTensor(g, "y", DType::Int8, {2, 3}, q(1, 0));
    OpAttrs attrs;
    attrs.axis = 1;
    addOp(g, OpType::Concatenation, {a, b}, {y}, attrs);
    QTest::newRow("concatenation mismatched dims") << g << "outside the concatenation axis";
}

void TestOpsElementwise::errors() {
    QFETCH(Graph, graph);
    QFETCH(QString, expected);
    const QString msg = QString::fromStdString(prepareError(graph));
    QVERIFY2(msg.contains(expected), qPrintable("got: " + msg));
    QVERIFY2(!msg.isEmpty() && !msg.front().isUpper() && !msg.endsWith('.'),
             qPrintable("should start lower-case, no final period: " + msg));
}

// The TFLM goldens (bit-exact reference kernels at 90b983c2): int16 ADD and
// the broadcasting int16 SUB from seanet, and the int8 simple_add model.
void TestOpsElementwise::golden_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("golden");
    QTest::addColumn<int>("dtype");
    QTest::newRow("seanet add0 int16") << "tflite_micro/seanet/add/add0.tflite" << "golden/add0" << int(DType::Int16);
    QTest::newRow("seanet sub0 int16 broadcast") << "tflite_micro/seanet/sub/sub0.tflite" << "golden/sub0"
                                                 << int(DType::Int16);
    QTest::newRow("simple_add int8") << "tflite_micro/simple_add/simple_add_model.tflite"
                                     << "golden/simple_add_model" << int(DType::Int8);
}

void TestOpsElementwise::golden() {
    QFETCH(QString, model);
    QFETCH(QString, golden);
    QFETCH(int, dtype);
    auto g = importTflite(modelPath(model.toStdString()));
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    QCOMPARE(int(g->inputs.size()), 2);
    for (int k = 0; k < 3; ++k) {
        TensorData expected;
        const auto in = readCase(modelPath(golden.toStdString()), k, 2, &expected);
        QVERIFY(!expected.empty());
        const BothOutputs both = runBoth(g.value(), in);
        QVERIFY2(both.error.empty(), both.error.c_str());
        const size_t elem = DType(dtype) == DType::Int16 ? 2 : 1;
        int refBad = 0, genBad = 0;
        for (size_t i = 0; i + elem <= expected.size(); i += elem) {
            refBad += std::memcmp(&both.reference[0][i], &expected[i], elem) != 0;
            genBad += std::memcmp(&both.generated[0][i], &expected[i], elem) != 0;
        }
        QVERIFY2(refBad == 0, qPrintable(QString("case %1: %2 reference values differ").arg(k).arg(refBad)));
        QVERIFY2(genBad == 0, qPrintable(QString("case %1: %2 generated values differ").arg(k).arg(genBad)));
    }
}

QTEST_APPLESS_MAIN(TestOpsElementwise)
#include "tst_ops_elementwise.moc"
