// The data-movement operators: RESHAPE, PAD, TRANSPOSE, STRIDED_SLICE.
// Every expected value below is worked out by hand in the comments (never
// computed with the kernels under test). Each case runs three ways: the
// kernel's own prepare+eval, the reference executor and the generated C.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

std::vector<uint8_t> i32(const std::vector<int32_t> &v) { return bytesOf(v); }

// Graph: one op, input 0 is the graph input, `consts` are its constant
// inputs 1..n, one output of `outShape` with the input's type/quantization.
Case oneOp(OpType type, DType dt, const Shape &inShape, const TensorData &in,
           const std::vector<std::pair<Shape, std::vector<int32_t>>> &consts, const Shape &outShape,
           const TensorData &expected, OpAttrs attrs = {}, Quant quant = {}) {
    Case c;
    c.graph.name = "t";
    int x = addTensor(c.graph, "x", dt, inShape, quant);
    std::vector<int> ins{x};
    for (size_t i = 0; i < consts.size(); ++i)
        ins.push_back(addTensor(c.graph, "c" + std::to_string(i + 1), DType::Int32, consts[i].first, {},
                                i32(consts[i].second)));
    int y = addTensor(c.graph, "y", dt, outShape, quant);
    addOp(c.graph, type, ins, {y}, attrs);
    setIO(c.graph, {x}, {y});
    c.inputs = {in};
    c.expected = expected;
    return c;
}

std::vector<int8_t> iota8(int n, int first = 0) {
    std::vector<int8_t> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) v[size_t(i)] = int8_t(first + i);
    return v;
}
std::vector<int16_t> iota16(int n, int first = 0) {
    std::vector<int16_t> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) v[size_t(i)] = int16_t(first + i);
    return v;
}
std::vector<float> iotaF(int n) {
    std::vector<float> v(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) v[size_t(i)] = float(i) + 0.5f;
    return v;
}

// Prepares and evaluates the graph with the kernels directly (no passes,
// no executor) and returns the first output.
TensorData runKernels(Graph g, const std::vector<TensorData> &inputs, QString *error) {
    std::string e;
    TensorData out = ember::test::runKernels(std::move(g), inputs, &e);
    *error = QString::fromStdString(e);
    return out;
}

// One error from prepare, containing `needle`, with the op stamped on it.
void expectPrepareError(Graph g, const QString &needle) {
    Diagnostics d;
    Op &op = g.ops[0];
    const OpKernel *k = findKernel(op.type);
    QVERIFY(k);
    QVERIFY(!k->prepare(g, op, d));
    QCOMPARE(int(d.items().size()), 1);
    const Diagnostic &e = d.items()[0];
    QVERIFY2(QString::fromStdString(e.message).contains(needle), e.message.c_str());
    QCOMPARE(e.opIndex, 0);
    QCOMPARE(QString::fromStdString(e.opName), QString(opTypeName(op.type)));
    QVERIFY2(!e.message.empty() && !std::isupper(static_cast<unsigned char>(e.message[0])), e.message.c_str());
}

// The generated operator file compiles warning-free under clang and
// arm-none-eabi-gcc too (the host run above used the default cc).
void crossCompileOps(Graph g) {
    Diagnostics d;
    QVERIFY2(runPasses(g, d), d.format().c_str());
    CompileOptions opts;
    opts.name = "t";
    auto art = compile(g, opts);
    QVERIFY2(art.ok(), art.diagnostics().format().c_str());
    QTemporaryDir dir;
    QVERIFY(art->writeTo(dir.path().toStdString(), d));
    const std::string root = dir.path().toStdString();
    const std::vector<std::vector<std::string>> compilers = {
        {"clang"},
        {"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"}};
    for (const auto &cc : compilers) {
        if (QStandardPaths::findExecutable(QString::fromStdString(cc[0])).isEmpty()) continue;
        for (const auto &f : art->files) {
            if (f.first.find("_ops.c") == std::string::npos) continue;
            std::vector<std::string> cmd = cc;
            for (const char *flag : {"-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic"}) cmd.push_back(flag);
            cmd.insert(cmd.end(), {"-I" + root + "/include", "-c", root + "/" + f.first, "-o", root + "/ops.o"});
            std::string log;
            QVERIFY2(runProcess(cmd, &log) == 0, (cc[0] + ": " + log).c_str());
        }
    }
}

}  // namespace

Q_DECLARE_METATYPE(Case)

class TestOpsShape : public QObject {
    Q_OBJECT

private:
    void checkCase();
    void addReshapeRows();
    void addPadRows();
    void addTransposeRows();
    void addSliceRows();

private slots:
    void reshape_data() { addReshapeRows(); }
    void reshape() { checkCase(); }
    void pad_data() { addPadRows(); }
    void pad() { checkCase(); }
    void transpose_data() { addTransposeRows(); }
    void transpose() { checkCase(); }
    void stridedSlice_data() { addSliceRows(); }
    void stridedSlice() { checkCase(); }
    void errors_data();
    void errors();
    void generatedCode();
    void seanetGolden_data();
    void seanetGolden();
};

void TestOpsShape::checkCase() {
    QFETCH(Case, c);
    QString err;
    TensorData direct = runKernels(c.graph, c.inputs, &err);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(direct, c.expected);

    BothOutputs both = runBoth(c.graph, c.inputs);
    QVERIFY2(both.error.empty(), both.error.c_str());
    QCOMPARE(int(both.reference.size()), 1);
    QCOMPARE(int(both.generated.size()), 1);
    QCOMPARE(both.reference[0], c.expected);
    QCOMPARE(both.generated[0], c.expected);
    crossCompileOps(c.graph);
}

void TestOpsShape::addReshapeRows() {
    QTest::addColumn<Case>("c");
    // Reshape never reorders: the output bytes are the input bytes.
    auto v = iota8(24, -12);
    QTest::newRow("int8 shape tensor [-1,6]")
        << oneOp(OpType::Reshape, DType::Int8, {2, 3, 4}, bytesOf(v), {{{2}, {-1, 6}}}, {4, 6}, bytesOf(v), {},
                 q(0.5f, 3));
    OpAttrs a;
    a.newShape = {3, -1, 2};  // 24 / (3*2) = 4
    auto f = iotaF(24);
    QTest::newRow("float options [3,-1,2]")
        << oneOp(OpType::Reshape, DType::Float32, {1, 24}, bytesOf(f), {}, {3, 4, 2}, bytesOf(f), a);
    auto s = iota16(6, -3);
    QTest::newRow("int16 from model shape")
        << oneOp(OpType::Reshape, DType::Int16, {1, 2, 3}, bytesOf(s), {}, {6}, bytesOf(s));
}

void TestOpsShape::addPadRows() {
    QTest::addColumn<Case>("c");
    // int8 [1,2,3,1], zero point -5, one row on top, two columns right:
    //   -5 -5 -5 -5 -5
    //    1  2  3 -5 -5
    //    4  5  6 -5 -5
    std::vector<int8_t> in8{1, 2, 3, 4, 5, 6};
    std::vector<int8_t> out8{-5, -5, -5, -5, -5, 1, 2, 3, -5, -5, 4, 5, 6, -5, -5};
    QTest::newRow("int8 asymmetric zp -5")
        << oneOp(OpType::Pad, DType::Int8, {1, 2, 3, 1}, bytesOf(in8), {{{4, 2}, {0, 0, 1, 0, 0, 2, 0, 0}}},
                 {1, 3, 5, 1}, bytesOf(out8), {}, q(0.1f, -5));
    // int8 [1,1,2,2], zero point 3, W padded (1,1), C padded (0,1):
    //   w0: 3 3 3 | w1: 7 8 3 | w2: 9 10 3 | w3: 3 3 3
    std::vector<int8_t> inC{7, 8, 9, 10};
    std::vector<int8_t> outC{3, 3, 3, 7, 8, 3, 9, 10, 3, 3, 3, 3};
    QTest::newRow("int8 channel pad zp 3")
        << oneOp(OpType::Pad, DType::Int8, {1, 1, 2, 2}, bytesOf(inC), {{{4, 2}, {0, 0, 0, 0, 1, 1, 0, 1}}},
                 {1, 1, 4, 3}, bytesOf(outC), {}, q(0.25f, 3));
    // int16 [2,3] padded rows (1,2), columns (2,1), pad value 0 (TFLM: int16 pads with 0).
    std::vector<int16_t> in16{10, 20, 30, 40, 50, 60};
    std::vector<int16_t> out16{0, 0, 0,  0,  0,  0, 0, 0, 10, 20, 30, 0, 0, 0, 40,
                               50, 60, 0, 0, 0, 0, 0, 0, 0, 0,  0,  0,  0, 0, 0};
    QTest::newRow("int16 2-D")
        << oneOp(OpType::Pad, DType::Int16, {2, 3}, bytesOf(in16), {{{2, 2}, {1, 2, 2, 1}}}, {5, 6},
                 bytesOf(out16), {}, q(0.01f, 0));
    // float [3] padded (2,1) with 0.0.
    std::vector<float> inF{1.5f, -2.5f, 3.25f}, outF{0.f, 0.f, 1.5f, -2.5f, 3.25f, 0.f};
    QTest::newRow("float 1-D") << oneOp(OpType::Pad, DType::Float32, {3}, bytesOf(inF), {{{1, 2}, {2, 1}}}, {6},
                                        bytesOf(outF));
    // Batch padding only: whole input first, then 4 zero-point entries.
    std::vector<int8_t> inB{1, 2, 3, 4}, outB{1, 2, 3, 4, 0, 0, 0, 0};
    QTest::newRow("int8 batch only zp 0")
        << oneOp(OpType::Pad, DType::Int8, {1, 2, 2}, bytesOf(inB), {{{3, 2}, {0, 1, 0, 0, 0, 0}}}, {2, 2, 2},
                 bytesOf(outB), {}, q(1.f, 0));
}

void TestOpsShape::addTransposeRows() {
    QTest::addColumn<Case>("c");
    // [2,3,4] holding a*12 + b*4 + c, perm (2,0,1) → out[c][a][b] = in[a][b][c].
    std::vector<int8_t> out3{0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21,
                             2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23};
    QTest::newRow("int8 3-D (2,0,1)")
        << oneOp(OpType::Transpose, DType::Int8, {2, 3, 4}, bytesOf(iota8(24)), {{{3}, {2, 0, 1}}}, {4, 2, 3},
                 bytesOf(out3), {}, q(0.5f, 1));
    // NHWC [1,2,2,3] holding h*6 + w*3 + c, perm (0,3,1,2) → NCHW:
    // channel 0: 0 3 6 9, channel 1: 1 4 7 10, channel 2: 2 5 8 11 (+100 each).
    std::vector<int16_t> out4{100, 103, 106, 109, 101, 104, 107, 110, 102, 105, 108, 111};
    QTest::newRow("int16 NHWC to NCHW")
        << oneOp(OpType::Transpose, DType::Int16, {1, 2, 2, 3}, bytesOf(iota16(12, 100)), {{{4}, {0, 3, 1, 2}}},
                 {1, 3, 2, 2}, bytesOf(out4));
    // [2,1,3,2] holding (a*6 + c*2 + d) + 0.5, perm (3,2,1,0) → out[d][c][0][a]:
    // d0: 0 6 2 8 4 10, d1: 1 7 3 9 5 11.
    std::vector<float> outR;
    for (int v : {0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11}) outR.push_back(float(v) + 0.5f);
    QTest::newRow("float 4-D reversed")
        << oneOp(OpType::Transpose, DType::Float32, {2, 1, 3, 2}, bytesOf(iotaF(12)), {{{4}, {3, 2, 1, 0}}},
                 {2, 3, 1, 2}, bytesOf(outR));
    // Only a unit dim moves: [1,4] perm (1,0) → [4,1], same bytes.
    QTest::newRow("int8 unit dim")
        << oneOp(OpType::Transpose, DType::Int8, {1, 4}, bytesOf(iota8(4, 7)), {{{2}, {1, 0}}}, {4, 1},
                 bytesOf(iota8(4, 7)));
    // 5-D [2,1,1,2,2] holding a*4 + d*2 + e, perm (4,1,2,3,0) → out[e][0][0][d][a]:
    // e0: (d0: 0 4) (d1: 2 6), e1: (d0: 1 5) (d1: 3 7).
    std::vector<int8_t> out5{0, 4, 2, 6, 1, 5, 3, 7};
    QTest::newRow("int8 5-D")
        << oneOp(OpType::Transpose, DType::Int8, {2, 1, 1, 2, 2}, bytesOf(iota8(8)), {{{5}, {4, 1, 2, 3, 0}}},
                 {2, 1, 1, 2, 2}, bytesOf(out5));
}

void TestOpsShape::addSliceRows() {
    QTest::addColumn<Case>("c");
    auto attrs = [](int begin, int end, int shrink, bool offset = false) {
        OpAttrs a;
        a.beginMask = begin;
        a.endMask = end;
        a.shrinkAxisMask = shrink;
        a.offset = offset;
        return a;
    };
    // [6] = 10..15, [-1:0:-2] → indices 5, 3, 1 (stops before 0).
    std::vector<int8_t> negOut{15, 13, 11};
    QTest::newRow("int8 negative stride")
        << oneOp(OpType::StridedSlice, DType::Int8, {6}, bytesOf(iota8(6, 10)), {{{1}, {-1}}, {{1}, {0}}, {{1}, {-2}}},
                 {3}, bytesOf(negOut), attrs(0, 0, 0), q(0.5f, 0));
    // [3,4] = r*4 + c; rows [::-1] via begin/end masks on dim 0, columns
    // [0:∞] via end mask on dim 1 → rows 2, 1, 0 whole.
    std::vector<int16_t> revOut{8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3};
    QTest::newRow("int16 masks reverse rows")
        << oneOp(OpType::StridedSlice, DType::Int16, {3, 4}, bytesOf(iota16(12)),
                 {{{2}, {0, 0}}, {{2}, {0, 0}}, {{2}, {-1, 1}}}, {3, 4}, bytesOf(revOut), attrs(1, 3, 0));
    // [2,3,2] = i + 0.5; [1, 0:3:2, -1] with dims 0 and 2 shrunk →
    // in[1][0][1] = 7, in[1][2][1] = 11 (+0.5), shape [2].
    std::vector<float> shrinkOut{7.5f, 11.5f};
    QTest::newRow("float shrink axes 0 and 2")
        << oneOp(OpType::StridedSlice, DType::Float32, {2, 3, 2}, bytesOf(iotaF(12)),
                 {{{3}, {1, 0, -1}}, {{3}, {2, 3, 0}}, {{3}, {1, 2, 1}}}, {2}, bytesOf(shrinkOut), attrs(0, 0, 5));
    // [1,2,4,3] = i; [0:1, 1:2, 1:3, 0:3] → in[0][1][1..2][0..2]
    // = 12 + w*3 + c: 15 16 17 18 19 20 (one contiguous run).
    std::vector<int8_t> boxOut{15, 16, 17, 18, 19, 20};
    QTest::newRow("int8 4-D box")
        << oneOp(OpType::StridedSlice, DType::Int8, {1, 2, 4, 3}, bytesOf(iota8(24)),
                 {{{4}, {0, 1, 1, 0}}, {{4}, {1, 2, 3, 3}}, {{4}, {1, 1, 1, 1}}}, {1, 1, 2, 3}, bytesOf(boxOut));
    // [5] = 20..24 with offset set: TFLM never reads `offset`, so end stays
    // absolute → [1:2] = 21 (not [1:3]).
    std::vector<int16_t> offOut{21};
    QTest::newRow("int16 offset ignored")
        << oneOp(OpType::StridedSlice, DType::Int16, {5}, bytesOf(iota16(5, 20)), {{{1}, {1}}, {{1}, {2}}, {{1}, {1}}},
                 {1}, bytesOf(offOut), attrs(0, 0, 0, true));
    // [5] = 0..4, [-10:100:2] clamps to [0:5:2] → 0 2 4.
    std::vector<int8_t> clampOut{0, 2, 4};
    QTest::newRow("int8 clamped bounds")
        << oneOp(OpType::StridedSlice, DType::Int8, {5}, bytesOf(iota8(5)), {{{1}, {-10}}, {{1}, {100}}, {{1}, {2}}},
                 {3}, bytesOf(clampOut));
    // [3,4] = r*4 + c; rows 0:3:2, columns 1:3 → runs of 2: 1 2 | 9 10.
    std::vector<int8_t> runsOut{1, 2, 9, 10};
    QTest::newRow("int8 strided rows contiguous columns")
        << oneOp(OpType::StridedSlice, DType::Int8, {3, 4}, bytesOf(iota8(12)),
                 {{{2}, {0, 1}}, {{2}, {3, 3}}, {{2}, {2, 1}}}, {2, 2}, bytesOf(runsOut));
    // [2,3] = i + 0.5; both dims shrunk at (1,-1) → scalar in[1][2] = 5.5.
    std::vector<float> scalarOut{5.5f};
    QTest::newRow("float shrink to scalar")
        << oneOp(OpType::StridedSlice, DType::Float32, {2, 3}, bytesOf(iotaF(6)),
                 {{{2}, {1, -1}}, {{2}, {2, 0}}, {{2}, {1, 1}}}, {}, bytesOf(scalarOut), attrs(0, 0, 3));
    // [2,4] = i; [:, ::-3] with begin/end masks on dim 1 (and dim 0 whole
    // by masks) → columns 3 and 0 of each row: 3 0 7 4.
    std::vector<int8_t> colsOut{3, 0, 7, 4};
    QTest::newRow("int8 masked negative stride columns")
        << oneOp(OpType::StridedSlice, DType::Int8, {2, 4}, bytesOf(iota8(8)),
                 {{{2}, {5, 5}}, {{2}, {-7, -7}}, {{2}, {1, -3}}}, {2, 2}, bytesOf(colsOut), attrs(3, 3, 0));
}

void TestOpsShape::errors_data() {
    QTest::addColumn<Case>("c");
    QTest::addColumn<QString>("needle");
    auto d8 = bytesOf(iota8(6));
    QTest::newRow("reshape count")
        << oneOp(OpType::Reshape, DType::Int8, {2, 3}, d8, {{{2}, {4, 2}}}, {4, 2}, {}) << "counts must match";
    QTest::newRow("reshape two -1")
        << oneOp(OpType::Reshape, DType::Int8, {2, 3}, d8, {{{2}, {-1, -1}}}, {2, 3}, {}) << "more than one -1";
    QTest::newRow("reshape model shape")
        << oneOp(OpType::Reshape, DType::Int8, {2, 3}, d8, {{{2}, {3, -1}}}, {2, 3}, {}) << "[2,3] but reshape produces [3,2]";
    Case dyn = oneOp(OpType::Reshape, DType::Int8, {2, 3}, d8, {{{2}, {3, 2}}}, {3, 2}, {});
    dyn.graph.tensors[1].isConst = false;
    QTest::newRow("reshape dynamic shape") << dyn << "computed at run time";
    QTest::newRow("pad negative")
        << oneOp(OpType::Pad, DType::Int8, {2, 3}, d8, {{{2, 2}, {0, 0, -1, 0}}}, {2, 2}, {}) << "negative padding";
    QTest::newRow("pad wrong output")
        << oneOp(OpType::Pad, DType::Int8, {2, 3}, d8, {{{2, 2}, {1, 0, 0, 0}}}, {2, 3}, {}) << "produces [3,3]";
    QTest::newRow("pad paddings shape")
        << oneOp(OpType::Pad, DType::Int8, {2, 3}, d8, {{{4}, {1, 0, 0, 0}}}, {3, 3}, {}) << "shape [2,2]";
    QTest::newRow("transpose not a permutation")
        << oneOp(OpType::Transpose, DType::Int8, {2, 3}, d8, {{{2}, {0, 0}}}, {2, 2}, {}) << "not a permutation";
    Case dynPerm = oneOp(OpType::Transpose, DType::Int8, {2, 3}, d8, {{{2}, {1, 0}}}, {3, 2}, {});
    dynPerm.graph.tensors[1].isConst = false;
    QTest::newRow("transpose dynamic perm") << dynPerm << "computed at run time";
    QTest::newRow("transpose 6-D")
        << oneOp(OpType::Transpose, DType::Int8, {1, 1, 1, 1, 2, 3}, d8, {{{6}, {0, 1, 2, 3, 5, 4}}},
                 {1, 1, 1, 1, 3, 2}, {})
        << "1 to 5 dimensions";
    QTest::newRow("transpose wrong output")
        << oneOp(OpType::Transpose, DType::Int8, {2, 3}, d8, {{{2}, {1, 0}}}, {2, 3}, {}) << "produces [3,2]";
    auto slice = [&](OpAttrs a, std::vector<int32_t> strides, Shape out) {
        return oneOp(OpType::StridedSlice, DType::Int8, {2, 3}, d8, {{{2}, {0, 0}}, {{2}, {2, 3}}, {{2}, strides}},
                     out, {}, a);
    };
    OpAttrs ell;
    ell.ellipsisMask = 1;
    QTest::newRow("slice ellipsis") << slice(ell, {1, 1}, {2, 3}) << "ellipsis_mask is not supported";
    OpAttrs na;
    na.newAxisMask = 2;
    QTest::newRow("slice new axis") << slice(na, {1, 1}, {2, 3}) << "new_axis_mask is not supported";
    QTest::newRow("slice zero stride") << slice({}, {1, 0}, {2, 3}) << "strides must be non-zero";
    QTest::newRow("slice wrong output") << slice({}, {1, 2}, {2, 3}) << "produces [2,2]";
    OpAttrs sh;
    sh.shrinkAxisMask = 1;
    Case far = oneOp(OpType::StridedSlice, DType::Int8, {2, 3}, d8, {{{2}, {5, 0}}, {{2}, {6, 3}}, {{2}, {1, 1}}},
                     {3}, {}, sh);
    QTest::newRow("slice shrink out of range") << far << "outside its size";
    Case dynBegin = slice({}, {1, 1}, {2, 3});
    dynBegin.graph.tensors[1].isConst = false;
    QTest::newRow("slice dynamic begin") << dynBegin << "non-constant";
    QTest::newRow("type change")
        << [&] {
               Case c = oneOp(OpType::Reshape, DType::Int8, {2, 3}, d8, {{{1}, {6}}}, {6}, {});
               c.graph.tensors[2].dtype = DType::Int16;
               return c;
           }()
        << "cannot change the type";
}

void TestOpsShape::errors() {
    QFETCH(Case, c);
    QFETCH(QString, needle);
    expectPrepareError(c.graph, needle);
}

// The emitted bodies are shape-specialised: literal loop bounds and
// contiguous runs copied with memcpy.
void TestOpsShape::generatedCode() {
    Case c = oneOp(OpType::Pad, DType::Int16, {1, 2, 160, 2}, {}, {{{4, 2}, {0, 0, 0, 0, 3, 3, 0, 0}}},
                   {1, 2, 166, 2}, {});
    Diagnostics d;
    Op &op = c.graph.ops[0];
    QVERIFY(findKernel(op.type)->prepare(c.graph, op, d));
    EmitContext ctx;
    ctx.inputs = {"in0", "k_pads"};
    ctx.outputs = {"out0"};
    ctx.symbolPrefix = "t_l00";
    findKernel(op.type)->emit(c.graph, op, ctx);
    // Rows of 160*2 values land 3*2 values into each padded row of 166*2.
    QVERIFY2(QString::fromStdString(ctx.body).contains("i0 < 2"), ctx.body.c_str());
    QVERIFY2(QString::fromStdString(ctx.body).contains("memcpy(out0 + 6 + i0 * 332, in0 + i0 * 320, 320 * sizeof(int16_t))"),
             ctx.body.c_str());

    Case s = oneOp(OpType::StridedSlice, DType::Int16, {1, 8, 166, 2}, {},
                   {{{4}, {0, 2, 0, 0}}, {{4}, {1, 8, 166, 2}}, {{4}, {1, 1, 1, 1}}}, {1, 6, 166, 2}, {});
    Op &sop = s.graph.ops[0];
    QVERIFY(findKernel(sop.type)->prepare(s.graph, sop, d));
    EmitContext sctx;
    sctx.inputs = {"in0", "b", "e", "s"};
    sctx.outputs = {"out0"};
    findKernel(sop.type)->emit(s.graph, sop, sctx);
    // Rows 2..7 of [8,166*2] are one contiguous block starting at 2*332.
    QVERIFY2(QString::fromStdString(sctx.body).contains("memcpy(out0, in0 + 664, 1992 * sizeof(int16_t))"),
             sctx.body.c_str());
    QVERIFY2(!QString::fromStdString(sctx.body).contains("for ("), sctx.body.c_str());
}

void TestOpsShape::seanetGolden_data() {
    QTest::addColumn<QString>("stem");
    QTest::addColumn<QString>("model");
    QTest::newRow("pad0") << "pad0" << "tflite_micro/seanet/pad/pad0.tflite";
    QTest::newRow("strided_slice0") << "strided_slice0" << "tflite_micro/seanet/strided_slice/strided_slice0.tflite";
}

void TestOpsShape::seanetGolden() {
    QFETCH(QString, stem);
    QFETCH(QString, model);
    auto g = importTflite(modelPath(model.toStdString()));
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    const std::string dir = sharedDir() + "/models/golden/" + stem.toStdString() + "/";
    QFile mf(QString::fromStdString(dir + "manifest.json"));
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(mf.readAll()).object().value("cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const auto &cv : cases) {
        const QJsonObject cobj = cv.toObject();
        std::vector<TensorData> inputs, expected;
        for (const auto &f : cobj.value("inputs").toArray()) {
            inputs.emplace_back();
            QVERIFY(readFile(dir + f.toString().toStdString(), &inputs.back()));
        }
        for (const auto &f : cobj.value("outputs").toArray()) {
            expected.emplace_back();
            QVERIFY(readFile(dir + f.toString().toStdString(), &expected.back()));
        }
        BothOutputs both = runBoth(g.value(), inputs);
        QVERIFY2(both.error.empty(), both.error.c_str());
        QCOMPARE(both.reference.size(), expected.size());
        QCOMPARE(both.generated.size(), expected.size());
        for (size_t j = 0; j < expected.size(); ++j) {
            QVERIFY2(both.reference[j] == expected[j], qPrintable(cobj.value("name").toString() + " reference"));
            QVERIFY2(both.generated[j] == expected[j], qPrintable(cobj.value("name").toString() + " generated"));
        }
    }
}

QTEST_APPLESS_MAIN(TestOpsShape)
#include "tst_ops_shape.moc"
