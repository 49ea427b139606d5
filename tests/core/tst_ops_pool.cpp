// AVERAGE_POOL_2D and MAX_POOL_2D. Expected values are worked out by hand
// in the comments; each case runs through the kernel, the reference
// executor and the generated C.
#include <QtTest>

#include "OpsCheck.h"

using namespace ember;
using namespace ember::test;

namespace {

struct PoolCase {
    OpType type = OpType::AveragePool2D;
    DType dt = DType::Int8;
    Shape in, out;
    Quant quant;
    Padding padding = Padding::Valid;
    int filterH = 1, filterW = 1, strideH = 1, strideW = 1;
    Activation act = Activation::None;
    std::vector<double> x, want;
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

Graph poolGraph(const PoolCase &c) {
    Graph g;
    g.name = "t";
    const int x = addTensor(g, "x", c.dt, c.in, c.quant);
    const int y = addTensor(g, "y", c.dt, c.out, c.quant);
    OpAttrs a;
    a.padding = c.padding;
    a.filterH = c.filterH, a.filterW = c.filterW, a.strideH = c.strideH, a.strideW = c.strideW;
    a.activation = c.act;
    addOp(g, c.type, {x}, {y}, a);
    setIO(g, {x}, {y});
    return g;
}

std::vector<double> negated(std::vector<double> v) {
    for (double &x : v) x = -x;
    return v;
}

// 5x5 input holding 5*y + x (0..24).
std::vector<double> ramp25() {
    std::vector<double> v;
    for (int i = 0; i < 25; ++i) v.push_back(i);
    return v;
}

}  // namespace

Q_DECLARE_METATYPE(PoolCase)

class TestOpsPool : public QObject {
    Q_OBJECT

private slots:
    void pool_data();
    void pool();
    void errors();
    void macs();
};

void TestOpsPool::pool_data() {
    QTest::addColumn<PoolCase>("c");
    const std::vector<double> nine{1, 2, 3, 4, 5, 6, 7, 8, 9};
    PoolCase c;

    // 3x3 input 1..9, 2x2 window, stride 1, SAME: out 3x3, padding 0 before
    // (the extra row/column is after), windows clipped at the bottom/right:
    //   (1+2+4+5)/4=3  (2+3+5+6)/4=4  (3+6)/2=4.5->5
    //   (4+5+7+8)/4=6  (5+6+8+9)/4=7  (6+9)/2=7.5->8
    //   (7+8)/2=7.5->8 (8+9)/2=8.5->9  9/1=9
    c = {OpType::AveragePool2D, DType::Int8, {1, 3, 3, 1}, {1, 3, 3, 1}, q(1.f, 0), Padding::Same, 2, 2, 1, 1,
         Activation::None, nine, {3, 4, 5, 6, 7, 8, 8, 9, 9}};
    QTest::newRow("avg int8 SAME clipped windows") << c;
    // The same negated: halves round away from zero (-4.5 -> -5).
    c.x = negated(nine);
    c.want = {-3, -4, -5, -6, -7, -8, -8, -9, -9};
    QTest::newRow("avg int8 SAME negative rounding") << c;
    // Float: the exact averages.
    c = {OpType::AveragePool2D, DType::Float32, {1, 3, 3, 1}, {1, 3, 3, 1}, {}, Padding::Same, 2, 2, 1, 1,
         Activation::None, nine, {3, 4, 4.5, 6, 7, 7.5, 7.5, 8.5, 9}};
    QTest::newRow("avg float SAME") << c;

    // 5x5 ramp (5y+x), 3x3 window, stride 2, SAME: out 3x3, padding 1.
    // Rows (and columns) per output: {0,1}, {1,2,3}, {3,4}; the sum over
    // rows R and columns C is |C|*5*sum(R) + |R|*sum(C):
    //   12/4=3   27/6=4.5->5   24/4=6
    //   63/6=10.5->11  108/9=12  81/6=13.5->14
    //   72/4=18  117/6=19.5->20  84/4=21
    c = {OpType::AveragePool2D, DType::Int8, {1, 5, 5, 1}, {1, 3, 3, 1}, q(0.5f, -128), Padding::Same, 3, 3, 2, 2,
         Activation::None, ramp25(), {3, 5, 6, 11, 12, 14, 18, 20, 21}};
    QTest::newRow("avg int8 stride 2 SAME") << c;
    // Max over the same windows: 5*max(R) + max(C), max(R) in {1,3,4}.
    c.type = OpType::MaxPool2D;
    c.want = {6, 8, 9, 16, 18, 19, 21, 23, 24};
    QTest::newRow("max int8 stride 2 SAME") << c;
    c.dt = DType::Float32;
    c.quant = {};
    QTest::newRow("max float stride 2 SAME") << c;

    // int16 VALID 1x2 windows, stride 2: (32767+32767+1)/2 = 32767 and
    // (-32768-32767-1)/2 = -32768: the sum needs the int32 accumulator.
    c = {OpType::AveragePool2D, DType::Int16, {1, 1, 4, 1}, {1, 1, 2, 1}, q(1.f, 0), Padding::Valid, 1, 2, 1, 2,
         Activation::None, {32767, 32767, -32768, -32767}, {32767, -32768}};
    QTest::newRow("avg int16 extremes") << c;

    // Max VALID 2x2 stride 2 on a 2x4 input with extreme values:
    // max(-128,-100,-50,-128) = -50, max(5,127,-1,0) = 127.
    const std::vector<double> extremes{-128, -100, 5, 127, -50, -128, -1, 0};
    c = {OpType::MaxPool2D, DType::Int8, {1, 2, 4, 1}, {1, 1, 2, 1}, q(1.f, 0), Padding::Valid, 2, 2, 2, 2,
         Activation::None, extremes, {-50, 127}};
    QTest::newRow("max int8 extremes") << c;
    // RELU with scale 1, zp 0 clamps the negative maximum to 0.
    c.act = Activation::Relu;
    c.want = {0, 127};
    QTest::newRow("max int8 relu") << c;

    // Two channels, 2x2 input, 2x2 VALID window: channel 0 = 1,2,3,4 ->
    // avg 10/4 = 2.5 -> 3; channel 1 = -1,-2,-3,-5 -> -11/4 = -2.75 -> -3.
    // RELU6 on scale 0.5 zp 0 clamps to [0, 12]: 3, 0.
    c = {OpType::AveragePool2D, DType::Int8, {1, 2, 2, 2}, {1, 1, 1, 2}, q(0.5f, 0), Padding::Valid, 2, 2, 1, 1,
         Activation::None, {1, -1, 2, -2, 3, -3, 4, -5}, {3, -3}};
    QTest::newRow("avg int8 two channels") << c;
    c.act = Activation::Relu6;
    c.want = {3, 0};
    QTest::newRow("avg int8 two channels relu6") << c;
}

void TestOpsPool::pool() {
    QFETCH(PoolCase, c);
    const Graph g = poolGraph(c);
    const QList<double> want(c.want.begin(), c.want.end());
    const std::vector<TensorData> in{typed(c.dt, c.x)};
    if (c.dt == DType::Int8) expectAllWays<int8_t>(g, in, want);
    else if (c.dt == DType::Int16) expectAllWays<int16_t>(g, in, want);
    else expectAllWays<float>(g, in, want);
}

void TestOpsPool::errors() {
    PoolCase c{OpType::AveragePool2D, DType::Int8, {1, 4, 4, 1}, {1, 2, 2, 1}, q(1.f, 0), Padding::Valid, 2, 2, 2, 2};
    // Wrong output shape: VALID 2x2/2 on 4x4 gives 2x2, not 3x3.
    c.out = {1, 3, 3, 1};
    QString msg = QString::fromStdString(prepareError(poolGraph(c)));
    QVERIFY2(msg.contains("[1,3,3,1]") && msg.contains("[1,2,2,1]"), qPrintable(msg));
    // Output quantization differs from the input's: TFLM refuses it.
    c.out = {1, 2, 2, 1};
    Graph g = poolGraph(c);
    g.tensors[1].quant = q(0.5f, 0);
    msg = QString::fromStdString(prepareError(g));
    QVERIFY2(msg.contains("same scale and zero point"), qPrintable(msg));
    // 3-D input.
    c.in = {4, 4, 1};
    msg = QString::fromStdString(prepareError(poolGraph(c)));
    QVERIFY2(msg.contains("4-D"), qPrintable(msg));
    // Window larger than the input with VALID padding.
    c = {OpType::MaxPool2D, DType::Float32, {1, 2, 2, 1}, {1, 1, 1, 1}, {}, Padding::Valid, 3, 3, 1, 1};
    msg = QString::fromStdString(prepareError(poolGraph(c)));
    QVERIFY2(msg.contains("does not fit"), qPrintable(msg));
}

// 3x3 window x 9 outputs x 1 channel.
void TestOpsPool::macs() {
    PoolCase c{OpType::AveragePool2D, DType::Int8, {1, 5, 5, 1}, {1, 3, 3, 1}, q(1.f, 0), Padding::Same, 3, 3, 2, 2};
    Graph g = poolGraph(c);
    const OpKernel *k = findKernel(OpType::AveragePool2D);
    QVERIFY(k && k->macs);
    QCOMPARE(k->macs(g, g.ops[0]), int64_t(81));
}

QTEST_APPLESS_MAIN(TestOpsPool)
#include "tst_ops_pool.moc"
