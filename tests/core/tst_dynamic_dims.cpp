// Limited dynamic shapes (--dim TENSOR:AXIS=MIN..MAX): a sequence model built
// with Ember's own model builder is compiled once with a dynamic time axis and
// run at several extents; every output must equal, bit for bit, the static
// model built and compiled at that extent (generated C and reference
// executor). Refused cases each give one clear message.
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

#include "DiffTflm.h"
#include "TestUtil.h"
#include "core/builder/TfliteWriter.h"
#include "core/passes/DynamicDims.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using test::addOp;
using test::addTensor;
using test::q;

namespace {

// Deterministic bytes (xorshift), independent of the extent: weights are the
// same in the dynamic model and in every static one.
std::vector<uint8_t> noise(size_t n, uint32_t seed) {
    std::vector<uint8_t> b(n);
    uint32_t s = seed * 2654435761u + 1;
    for (auto &x : b) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        x = uint8_t(s >> 24);
    }
    return b;
}

std::vector<uint8_t> biases(size_t n, uint32_t seed) {
    std::vector<int32_t> v(n);
    const auto r = noise(n, seed);
    for (size_t i = 0; i < n; ++i) v[i] = (int32_t(r[i]) - 128) * 37;
    return test::bytesOf(v);
}

// FULLY_CONNECTED int8 with per-tensor weights [units, depth] and a bias.
int fc(Graph &g, const std::string &name, int in, int units, float outScale, int outZp, bool keepDims,
       Activation act, uint32_t seed) {
    const Tensor &x = g.tensors[size_t(in)];
    const int depth = x.shape.back();
    const float inScale = x.quant.sc(), wScale = 0.02f;
    Shape outShape = x.shape;
    if (keepDims)
        outShape.back() = units;
    else
        outShape = {int32_t(x.elements() / depth), units};
    const int w = addTensor(g, name + "_w", DType::Int8, {units, depth}, q(wScale, 0), noise(size_t(units * depth), seed));
    const int b = addTensor(g, name + "_b", DType::Int32, {units}, q(inScale * wScale, 0), biases(size_t(units), seed + 1));
    const int out = addTensor(g, name, DType::Int8, outShape, q(outScale, outZp));
    OpAttrs a;
    a.keepDims = keepDims;
    a.activation = act;
    addOp(g, OpType::FullyConnected, {in, w, b}, {out}, a);
    return out;
}

// Sequence models: input [1,T,16] (or [T,16] for "flat") through two fully
// connected layers (16 -> 24 -> 8) and a variant-specific mix of elementwise
// ops, output [1,T,8].
Graph sequenceModel(const std::string &variant, int T) {
    Graph g;
    g.name = "seq";
    const bool flat = variant == "flat";
    const int in = addTensor(g, "input", DType::Int8, flat ? Shape{T, 16} : Shape{1, T, 16}, q(0.05f, -3));
    int h = fc(g, "fc1", in, 24, 0.04f, -128, !flat, Activation::Relu, 11);
    if (variant == "add_softmax") {
        const int c = addTensor(g, "offset", DType::Int8, {24}, q(0.03f, 4), noise(24, 5));
        const int s = addTensor(g, "fc1_plus", DType::Int8, g.tensors[size_t(h)].shape, q(0.06f, -20));
        addOp(g, OpType::Add, {h, c}, {s});
        h = s;
    } else if (variant == "mul_leaky") {
        const int c = addTensor(g, "gain", DType::Int8, {1, 1, 24}, q(0.01f, 0), noise(24, 6));
        const int m = addTensor(g, "fc1_gain", DType::Int8, g.tensors[size_t(h)].shape, q(0.03f, 2));
        addOp(g, OpType::Mul, {h, c}, {m});
        const int l = addTensor(g, "fc1_leaky", DType::Int8, g.tensors[size_t(h)].shape, q(0.03f, 2));
        OpAttrs la;
        la.alpha = 0.2f;
        addOp(g, OpType::LeakyRelu, {m}, {l}, la);
        h = l;
    }
    const int y = fc(g, "fc2", h, 8, 0.1f, 5, !flat, Activation::None, 21);
    int out = -1;
    if (variant == "add_softmax") {
        out = addTensor(g, "probs", DType::Int8, g.tensors[size_t(y)].shape, q(1.f / 256, -128));
        OpAttrs sa;
        sa.beta = 1.f;
        addOp(g, OpType::Softmax, {y}, {out}, sa);
    } else if (variant == "mul_leaky") {
        const int t = addTensor(g, "tanh", DType::Int8, g.tensors[size_t(y)].shape, q(1.f / 128, 0));
        addOp(g, OpType::Tanh, {y}, {t});
        out = addTensor(g, "scores", DType::Float32, g.tensors[size_t(y)].shape);
        addOp(g, OpType::Dequantize, {t}, {out});
    } else {
        out = addTensor(g, "scores", DType::Int8, g.tensors[size_t(y)].shape, q(1.f / 256, -128));
        addOp(g, OpType::Logistic, {y}, {out});
    }
    test::setIO(g, {in}, {out});
    return g;
}

// CONV_2D on [1,8,8,2]: a model whose spatial axes cannot vary (yet).
Graph convModel() {
    Graph g;
    g.name = "conv";
    const int in = addTensor(g, "input", DType::Int8, {1, 8, 8, 2}, q(0.05f, 0));
    const int w = addTensor(g, "w", DType::Int8, {4, 3, 3, 2}, q(0.02f, 0), noise(72, 3));
    const int b = addTensor(g, "b", DType::Int32, {4}, q(0.001f, 0), biases(4, 4));
    const int out = addTensor(g, "out", DType::Int8, {1, 6, 6, 4}, q(0.1f, 0));
    OpAttrs a;
    a.padding = Padding::Valid;
    addOp(g, OpType::Conv2D, {in, w, b}, {out}, a);
    test::setIO(g, {in}, {out});
    return g;
}


// ---- streams: windows over a dynamic time axis, LSTM sequence length ----

std::vector<uint8_t> floats(size_t n, uint32_t seed, float range) {
    std::vector<float> v(n);
    const auto r = noise(n, seed);
    for (size_t i = 0; i < n; ++i) v[i] = (float(r[i]) - 127.5f) / 127.5f * range;
    return test::bytesOf(v);
}

// CONV_2D / DEPTHWISE_CONV_2D (NHWC, VALID, int8 per-tensor or float32).
int conv(Graph &g, const std::string &name, int in, OpType type, int outC, int kh, int kw, int sh, int sw, int dh,
         int dw, Padding pad, float outScale, uint32_t seed) {
    const Tensor x = g.tensors[size_t(in)];
    const bool isFloat = x.dtype == DType::Float32;
    const bool depthwise = type == OpType::DepthwiseConv2D;
    const Shape wShape = depthwise ? Shape{1, kh, kw, outC} : Shape{outC, kh, kw, x.shape[3]};
    const size_t wn = size_t(shapeElements(wShape));
    const int w = isFloat ? addTensor(g, name + "_w", DType::Float32, wShape, {}, floats(wn, seed, 0.5f))
                          : addTensor(g, name + "_w", DType::Int8, wShape, q(0.02f, 0), noise(wn, seed));
    const int b = isFloat ? addTensor(g, name + "_b", DType::Float32, {outC}, {}, floats(size_t(outC), seed + 1, 1.f))
                          : addTensor(g, name + "_b", DType::Int32, {outC}, q(x.quant.sc() * 0.02f, 0),
                                      biases(size_t(outC), seed + 1));
    const int ew = (kw - 1) * dw + 1, eh = (kh - 1) * dh + 1;
    const int oh = pad == Padding::Same ? (x.shape[1] + sh - 1) / sh : (x.shape[1] - eh) / sh + 1;
    const int ow = pad == Padding::Same ? (x.shape[2] + sw - 1) / sw : (x.shape[2] - ew) / sw + 1;
    const int out = addTensor(g, name, x.dtype, {x.shape[0], oh, ow, outC}, isFloat ? Quant{} : q(outScale, -2));
    OpAttrs a;
    a.padding = pad;
    a.strideH = sh, a.strideW = sw, a.dilationH = dh, a.dilationW = dw;
    a.activation = Activation::Relu;
    if (depthwise) a.depthMultiplier = outC / x.shape[3];
    addOp(g, type, {in, w, b}, {out}, a);
    return out;
}

int pool(Graph &g, const std::string &name, int in, OpType type, int fh, int fw, int sh, int sw) {
    const Tensor x = g.tensors[size_t(in)];
    const int out = addTensor(g, name, x.dtype, {x.shape[0], (x.shape[1] - fh) / sh + 1, (x.shape[2] - fw) / sw + 1,
                                                 x.shape[3]}, x.quant);
    OpAttrs a;
    a.padding = Padding::Valid;
    a.filterH = fh, a.filterW = fw, a.strideH = sh, a.strideW = sw;
    addOp(g, type, {in}, {out}, a);
    return out;
}

// UNIDIRECTIONAL_SEQUENCE_LSTM, int8 (int16 cell) or float32, no peephole,
// projection or layer norm; weights independent of the sequence length.
Graph lstmModel(DType dt, bool timeMajor, int T) {
    Graph g;
    g.name = "lstm";
    const int batch = 2, inDim = 3, units = 4;
    const bool isFloat = dt == DType::Float32;
    const Quant qIn = isFloat ? Quant{} : q(1.f / 32, 3), qH = isFloat ? Quant{} : q(1.f / 128, -2);
    std::vector<int> in(24, -1);
    in[0] = addTensor(g, "x", dt, timeMajor ? Shape{T, batch, inDim} : Shape{batch, T, inDim}, qIn);
    for (int k = 0; k < 8; ++k) {
        const Shape s = {units, k < 4 ? inDim : units};
        const size_t n = size_t(shapeElements(s));
        in[size_t(1 + k)] = isFloat ? addTensor(g, "w" + std::to_string(k), dt, s, {}, floats(n, 40 + k, 0.6f))
                                    : addTensor(g, "w" + std::to_string(k), DType::Int8, s, q(1.f / 256, 0),
                                                noise(n, 40 + k));
    }
    for (int k = 0; k < 4; ++k)
        in[size_t(12 + k)] = isFloat ? addTensor(g, "b" + std::to_string(k), dt, {units}, {}, floats(units, 60 + k, 1.f))
                                     : addTensor(g, "b" + std::to_string(k), DType::Int32, {units},
                                                 q(qIn.sc() / 256, 0), biases(units, 60 + k));
    in[18] = addTensor(g, "h_state", dt, {batch, units}, qH);
    in[19] = addTensor(g, "c_state", isFloat ? dt : DType::Int16, {batch, units}, isFloat ? Quant{} : q(1.f / 2048, 0));
    g.tensors[size_t(in[18])].isVariable = true;
    g.tensors[size_t(in[19])].isVariable = true;
    const int y = addTensor(g, "y", dt, timeMajor ? Shape{T, batch, units} : Shape{batch, T, units}, qH);
    OpAttrs a;
    a.activation = Activation::Tanh;
    a.timeMajor = timeMajor;
    addOp(g, OpType::UnidirectionalSequenceLstm, in, {y}, a);
    test::setIO(g, {in[0]}, {y});
    return g;
}

// The stream models of the issue, each at time extent T.
Graph streamModel(const std::string &m, int T) {
    if (m == "lstm_int8") return lstmModel(DType::Int8, false, T);
    if (m == "lstm_float") return lstmModel(DType::Float32, true, T);
    Graph g;
    g.name = m;
    int in = -1, y = -1;
    if (m == "conv_time") {  // time on the height, window 3, stride 2
        in = addTensor(g, "input", DType::Int8, {1, T, 5, 2}, q(0.05f, -3));
        y = conv(g, "conv", in, OpType::Conv2D, 3, 3, 2, 2, 1, 1, 1, Padding::Valid, 0.1f, 7);
    } else if (m == "conv_float_w") {  // time on the width, dilation 2: window 5
        in = addTensor(g, "input", DType::Float32, {1, 2, T, 3}, {});
        y = conv(g, "conv", in, OpType::Conv2D, 2, 2, 3, 1, 1, 1, 2, Padding::Valid, 0.f, 8);
    } else if (m == "depthwise_time") {  // time on the width, multiplier 2, stride 2
        in = addTensor(g, "input", DType::Int8, {1, 1, T, 4}, q(0.05f, 1));
        y = conv(g, "dw", in, OpType::DepthwiseConv2D, 8, 1, 3, 1, 2, 1, 1, Padding::Valid, 0.08f, 9);
    } else if (m == "pool_time") {  // average 2x1 / 2, then max 3x3: a derived extent of a derived one
        in = addTensor(g, "input", DType::Int8, {1, T, 3, 4}, q(0.05f, 0));
        const int a = pool(g, "avg", in, OpType::AveragePool2D, 2, 1, 2, 1);
        y = pool(g, "max", a, OpType::MaxPool2D, 3, 3, 1, 1);
    } else if (m == "kws") {  // keyword-style: conv over time, pooling, per-frame classifier, softmax
        in = addTensor(g, "input", DType::Int8, {1, T, 10, 1}, q(0.1f, -10));
        const int c = conv(g, "conv", in, OpType::Conv2D, 8, 3, 10, 1, 1, 1, 1, Padding::Valid, 0.05f, 10);
        const int p = pool(g, "pool", c, OpType::AveragePool2D, 2, 1, 2, 1);
        const int f = fc(g, "fc", p, 4, 0.1f, 3, true, Activation::None, 12);
        y = addTensor(g, "probs", DType::Int8, g.tensors[size_t(f)].shape, q(1.f / 256, -128));
        OpAttrs sa;
        sa.beta = 1.f;
        addOp(g, OpType::Softmax, {f}, {y}, sa);
    } else if (m == "conv_same") {
        in = addTensor(g, "input", DType::Int8, {1, T, 5, 2}, q(0.05f, -3));
        y = conv(g, "conv", in, OpType::Conv2D, 3, 3, 2, 1, 1, 1, 1, Padding::Same, 0.1f, 7);
    }
    test::setIO(g, {in}, {y});
    return g;
}

struct Stream {
    const char *model, *dim;
    int bound;
    std::vector<int> extents;
};

const std::vector<Stream> &streams() {
    static const std::vector<Stream> s = {
        {"conv_time", "input:1=3..12", 12, {3, 4, 9, 12}},
        {"conv_float_w", "input:2=5..11", 11, {5, 8, 11}},
        {"depthwise_time", "input:2=3..16", 16, {3, 6, 16}},
        {"pool_time", "input:1=6..20", 20, {6, 7, 20}},
        {"lstm_int8", "x:1=1..9", 9, {1, 4, 9}},
        {"lstm_float", "x:0=1..9", 9, {1, 5, 9}},
        {"kws", "input:1=4..49", 49, {4, 5, 30, 49}},
    };
    return s;
}

std::vector<uint8_t> readFile(const std::string &path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// Writes the graph as a .tflite file and loads it as emberc would.
Result<Graph> throughFile(const Graph &g, const QTemporaryDir &dir, const std::string &file) {
    const std::string path = dir.path().toStdString() + "/" + file;
    const auto bytes = writeTflite(g);
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly)) return Diagnostics();
    f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
    f.close();
    return loadModel(path);
}

CompileOptions options(const QStringList &args) {
    std::vector<std::string> a, rest;
    for (const QString &s : args) a.push_back(s.toStdString());
    CompileOptions opts;
    Diagnostics d;
    if (!parseCompileArgs(a, opts, rest, d)) qWarning("%s", d.format().c_str());
    return opts;
}

std::string firstMessage(const Diagnostics &d) { return d.items().empty() ? std::string() : d.items()[0].message; }

}  // namespace

class TestDynamicDims : public QObject {
    Q_OBJECT

private slots:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tensor");
        QTest::addColumn<int>("axis");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("error");
        QTest::newRow("range") << "input:1=1..32" << "input" << 1 << 1 << 32 << "";
        QTest::newRow("max only") << "x:0=8" << "x" << 0 << 1 << 8 << "";
        QTest::newRow("colon in name") << "serving_default_x:0:2=4..9" << "serving_default_x:0" << 2 << 4 << 9 << "";
        QTest::newRow("min > max") << "input:1=8..2" << "" << 0 << 0 << 0 << "min 8 is greater than max 2";
        QTest::newRow("min zero") << "input:1=0..4" << "" << 0 << 0 << 0 << "min must be at least 1";
        QTest::newRow("no axis") << "input=1..4" << "" << 0 << 0 << 0 << "expected tensor:axis=min..max";
        QTest::newRow("bad number") << "input:1=1..x" << "" << 0 << 0 << 0 << "expected tensor:axis=min..max";
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(QString, tensor);
        QFETCH(int, axis);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(QString, error);
        std::vector<std::string> rest;
        CompileOptions opts;
        Diagnostics d;
        const bool ok = parseCompileArgs({"--dim", text.toStdString()}, opts, rest, d);
        if (!error.isEmpty()) {
            QVERIFY(!ok);
            QCOMPARE(d.items().size(), size_t(1));
            QVERIFY2(QString::fromStdString(firstMessage(d)).toLower().contains(error), d.format().c_str());
            return;
        }
        QVERIFY2(ok, d.format().c_str());
        QCOMPARE(opts.dims.size(), size_t(1));
        QCOMPARE(QString::fromStdString(opts.dims[0].tensor), tensor);
        QCOMPARE(opts.dims[0].axis, axis);
        QCOMPARE(opts.dims[0].min, min);
        QCOMPARE(opts.dims[0].max, max);
    }

    // The test: one dynamic build, several extents, each equal to
    // the static model compiled at that extent.
    void matchesStaticModels_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("dim");
        QTest::addColumn<QStringList>("mode");
        QTest::newRow("fc relu, fc, logistic") << "logistic" << "input:1=1..32" << QStringList();
        QTest::newRow("fc, add (broadcast), fc, softmax") << "add_softmax" << "input:1=1..32" << QStringList();
        QTest::newRow("fc, mul, leaky relu, fc, tanh, dequantize")
            << "mul_leaky" << "input:1=1..32" << QStringList();
        QTest::newRow("fc without keep_num_dims") << "flat" << "input:0=1..32" << QStringList();
        QTest::newRow("io in workspace") << "add_softmax" << "input:1=1..32" << QStringList{"--io", "workspace"};
        QTest::newRow("app pools, constants pool")
            << "logistic" << "input:1=1..32" << QStringList{"--app-pools", "--constants", "pool"};
    }
    void matchesStaticModels() {
        QFETCH(QString, variant);
        QFETCH(QString, dim);
        QFETCH(QStringList, mode);
        QTemporaryDir dir;
        const std::string v = variant.toStdString();
        // The model file says T = 5: the bound, not the file, decides the plan.
        auto dynGraph = throughFile(sequenceModel(v, 5), dir, "seq_dyn.tflite");
        QVERIFY2(dynGraph, dynGraph.diagnostics().format().c_str());
        CompileOptions opts = options(QStringList{"--dim", dim, "--name", "seqdyn"} + mode);
        QCOMPARE(opts.dims.size(), size_t(1));
        auto dyn = compile(dynGraph.value(), opts);
        QVERIFY2(dyn, dyn.diagnostics().format().c_str());

        // Planned for the bound: same workspace as the static model at 32.
        auto g32 = throughFile(sequenceModel(v, 32), dir, "seq32.tflite");
        QVERIFY(g32);
        auto s32 = compile(g32.value(), options(QStringList{"--name", "seq32"} + mode));
        QVERIFY2(s32, s32.diagnostics().format().c_str());
        QCOMPARE(dyn->plan.totalUsed(), s32->plan.totalUsed());

        // The C API: one extent argument, bound macros, metadata.
        const std::string *header = dyn->file("include/seqdyn/seqdyn.h");
        QVERIFY(header);
        const std::string dimName = v == "flat" ? "input_axis0" : "input_axis1";
        QVERIFY2(header->find("int32_t " + dimName + ")") != std::string::npos, header->c_str());
        QVERIFY(header->find("#define SEQDYN_" + QString::fromStdString(dimName).toUpper().toStdString() +
                             "_MAX 32") != std::string::npos);
        const auto meta = nlohmann::json::parse(*dyn->file("metadata.json"));
        QCOMPARE(meta["dims"].size(), size_t(1));
        QCOMPARE(meta["dims"][0]["max"].get<int>(), 32);
        QCOMPARE(meta["inputs"][0]["bytes"].get<size_t>(), size_t(32 * 16));

        // Every layer loops to the extent (the generator voids unused ones).
        QVERIFY(dyn->file("src/seqdyn_ops.c")->find("(void)" + dimName) == std::string::npos);
        auto prog = HostProgram::build(dyn.value(), dynGraph.value());
        QVERIFY2(prog, prog.diagnostics().format().c_str());
        DynamicShapes shapes;
        auto bounded = boundDynamicDims(dynGraph.value(), opts.dims, &shapes);
        QVERIFY(bounded);
        for (int T : {1, 7, 32}) {
            auto gT = throughFile(sequenceModel(v, T), dir, "seq" + std::to_string(T) + ".tflite");
            QVERIFY2(gT, gT.diagnostics().format().c_str());
            const std::vector<TensorData> in = {noise(size_t(T) * 16, uint32_t(100 + T))};
            auto ref = runReference(gT.value(), in);
            QVERIFY2(ref, ref.diagnostics().format().c_str());
            auto staticArt = compile(gT.value(), options(QStringList{"--name", "seqstatic"} + mode));
            QVERIFY2(staticArt, staticArt.diagnostics().format().c_str());
            auto staticOut = runGeneratedC(staticArt.value(), gT.value(), in);
            QVERIFY2(staticOut, staticOut.diagnostics().format().c_str());
            QVERIFY(staticOut.value() == ref.value());

            // Extent from the input size, then given explicitly.
            auto dynOut = prog->run(in);
            QVERIFY2(dynOut, dynOut.diagnostics().format().c_str());
            QCOMPARE(dynOut->at(0).size(), ref->at(0).size());
            QVERIFY2(dynOut.value() == staticOut.value(), ("T = " + std::to_string(T)).c_str());
            auto explicitOut = prog->run(in, {T});
            QVERIFY2(explicitOut, explicitOut.diagnostics().format().c_str());
            QVERIFY(explicitOut.value() == staticOut.value());

            // The dynamic graph resized to T runs on the reference executor too.
            Graph atT = bounded.value();
            Diagnostics d;
            QVERIFY2(resizeDynamicDims(atT, shapes, {T}, d), d.format().c_str());
            auto refT = runReference(atT, in);
            QVERIFY2(refT, refT.diagnostics().format().c_str());
            QVERIFY(refT.value() == ref.value());
        }
    }

    // Extents outside the bound: the generated code's own check refuses them;
    // an input size that is no whole number of steps is refused by the host.
    void runTimeBound() {
        QTemporaryDir dir;
        auto g = throughFile(sequenceModel("logistic", 32), dir, "seq.tflite");
        QVERIFY(g);
        auto art = compile(g.value(), options({"--dim", "input:1=2..32", "--name", "seqb"}));
        QVERIFY2(art, art.diagnostics().format().c_str());
        QVERIFY(art->file("src/seqb.c")->find("return SEQB_ERROR_EXTENT") != std::string::npos);
        auto prog = HostProgram::build(art.value(), g.value());
        QVERIFY2(prog, prog.diagnostics().format().c_str());
        for (int T : {0, 1, 33, -4}) {
            auto r = prog->run({noise(16, 1)}, {T});
            QVERIFY2(!r, ("extent " + std::to_string(T) + " was accepted").c_str());
            QVERIFY2(r.diagnostics().format().find("seqb_run returned -2") != std::string::npos,
                     r.diagnostics().format().c_str());
        }
        auto ok = prog->run({noise(2 * 16, 1)}, {2});
        QVERIFY2(ok, ok.diagnostics().format().c_str());
        QCOMPARE(ok->at(0).size(), size_t(2 * 8));
        auto ragged = prog->run({noise(16 * 3 + 5, 1)});
        QVERIFY(!ragged);
        QVERIFY2(firstMessage(ragged.diagnostics()).find("not a whole number of steps of 16 bytes") !=
                     std::string::npos,
                 ragged.diagnostics().format().c_str());
        auto tooLong = prog->run({noise(16 * 40, 1)});
        QVERIFY(!tooLong);
        QVERIFY(firstMessage(tooLong.diagnostics()).find("input:1=2..32") != std::string::npos);
    }

    // The generated code with --dim compiles warning-free for the board too.
    void crossCompiles() {
        std::string out;
        if (runProcess({"arm-none-eabi-gcc", "--version"}, &out, 30) != 0) QSKIP("arm-none-eabi-gcc not installed");
        QTemporaryDir dir;
        auto g = throughFile(sequenceModel("add_softmax", 32), dir, "seq.tflite");
        QVERIFY(g);
        auto art = compile(g.value(), options({"--dim", "input:1=1..32", "--name", "seqarm"}));
        QVERIFY(art);
        const std::string pkg = dir.path().toStdString() + "/pkg";
        Diagnostics d;
        QVERIFY(art->writeTo(pkg, d));
        for (const char *f : {"src/seqarm.c", "src/seqarm_ops.c", "src/seqarm_constants.c"}) {
            std::string log;
            const int rc = runProcess({"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-std=c99", "-O2", "-Wall",
                                       "-Wextra", "-Werror", "-pedantic", "-I" + pkg + "/include", "-c",
                                       pkg + "/" + f, "-o", pkg + "/x.o"},
                                      &log, 120);
            QVERIFY2(rc == 0, log.c_str());
        }
    }


    // Streams (issue 9): convolutions, depthwise convolutions and pooling
    // over a dynamic time axis (height or width), LSTM sequence lengths and a
    // keyword-style model, each compiled once with --dim (C API and packed
    // modes) and run at several extents, must equal byte for byte the model
    // compiled at that fixed extent. Every package is built in one batch.
    void streamsMatchStaticModels() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString() + "/pkgs";
        std::vector<std::string> pkgs;
        struct Run {
            std::string dyn, stat;
            int extent;
            std::vector<uint8_t> input;
            std::string label;
        };
        std::vector<Run> runs;
        auto add = [&](const Artifacts &a) {
            const std::string err = test::writeBatchPackage(a, root);
            if (!err.empty()) qWarning("%s", err.c_str());
            pkgs.push_back(a.name);
            return err.empty();
        };
        const std::vector<std::pair<std::string, QStringList>> modes = {
            {"c", {}},
            {"ops_packed", {"--operators", "packed"}},
            {"api_packed", {"--interface-api", "packed"}},
            {"wrappers", {"--packed-wrappers", "--io", "workspace"}},
        };
        for (const Stream &st : streams()) {
            auto g = throughFile(streamModel(st.model, st.bound), dir, std::string(st.model) + ".tflite");
            QVERIFY2(g, g.diagnostics().format().c_str());
            std::vector<std::string> dynNames;
            for (const auto &[mode, args] : modes) {
                // The packed modes on the keyword model and the conv; the C API everywhere.
                if (mode != "c" && std::string(st.model) != "kws" && std::string(st.model) != "conv_time" &&
                    !(mode == "ops_packed" && std::string(st.model).rfind("lstm", 0) == 0))
                    continue;
                const std::string name = std::string(st.model) + "_dyn_" + mode;
                auto dyn = compile(g.value(), options(QStringList{"--dim", st.dim, "--name",
                                                                  QString::fromStdString(name)} + args));
                QVERIFY2(dyn, (name + ": " + dyn.diagnostics().format()).c_str());
                QVERIFY(add(dyn.value()));
                dynNames.push_back(name);
            }
            for (int T : st.extents) {
                auto gT = throughFile(streamModel(st.model, T), dir, std::string(st.model) + std::to_string(T) + ".tflite");
                QVERIFY2(gT, gT.diagnostics().format().c_str());
                const std::string name = std::string(st.model) + "_static" + std::to_string(T);
                auto stat = compile(gT.value(), options({"--name", QString::fromStdString(name)}));
                QVERIFY2(stat, (name + ": " + stat.diagnostics().format()).c_str());
                QVERIFY(add(stat.value()));
                const Tensor &x = gT->tensors[size_t(gT->inputs[0])];
                const std::vector<uint8_t> input = x.dtype == DType::Float32
                                                       ? floats(size_t(x.elements()), uint32_t(T), 2.f)
                                                       : noise(x.bytes(), uint32_t(300 + T));
                for (const std::string &d : dynNames)
                    runs.push_back({d, name, T, input, std::string(st.model) + " " + d + " T=" + std::to_string(T)});
            }
        }
        const std::string log = test::buildBatch(root, pkgs);
        QVERIFY2(log.empty(), log.substr(0, 6000).c_str());
        const std::string exe = root + "/diff_run";
        int compared = 0;
        for (size_t k = 0; k < runs.size(); ++k) {
            const Run &r = runs[k];
            const std::string in = root + "/in" + std::to_string(k) + ".bin";
            {
                std::ofstream f(in, std::ios::binary);
                f.write(reinterpret_cast<const char *>(r.input.data()), std::streamsize(r.input.size()));
            }
            const std::string want = root + "/want" + std::to_string(k) + ".bin",
                              got = root + "/got" + std::to_string(k) + ".bin";
            std::string out;
            QVERIFY2(runProcess({exe, r.stat, in, want}, &out, 60) == 0, (r.label + ": " + out).c_str());
            QVERIFY2(runProcess({exe, r.dyn, std::to_string(r.extent), in, got}, &out, 60) == 0,
                     (r.label + ": " + out).c_str());
            const auto a = readFile(want), b = readFile(got);
            QVERIFY2(!a.empty() && a == b, (r.label + ": the dynamic model's output differs from the static "
                                                      "model's (" + std::to_string(b.size()) + " vs " +
                                            std::to_string(a.size()) + " bytes)").c_str());
            ++compared;
        }
        // Above the bound, and below MIN: refused with the extent error in
        // every mode (the packed ones through the DLTensor shape check).
        for (const std::string &mode : {"c", "ops_packed", "api_packed", "wrappers"}) {
            const std::string pkg = "kws_dyn_" + mode;
            const std::string in = root + "/in0.bin", out = root + "/none.bin";
            for (int T : {50, 3, 0}) {
                std::string log2;
                const int rc = runProcess({exe, pkg, std::to_string(T), in, out}, &log2, 60);
                QVERIFY2(rc == 4 && log2.find("_run returned -2") != std::string::npos,
                         (pkg + " T=" + std::to_string(T) + ": " + log2).c_str());
            }
        }
        qInfo("%d stream runs equal to the static models (%zu packages in one build)", compared, pkgs.size());
    }

    // What the packed modes and the header say about the extents.
    void streamPackedApi() {
        QTemporaryDir dir;
        auto g = throughFile(streamModel("kws", 49), dir, "kws.tflite");
        QVERIFY(g);
        auto art = compile(g.value(), options({"--dim", "input:1=4..49", "--name", "kws", "--interface-api", "packed"}));
        QVERIFY2(art, art.diagnostics().format().c_str());
        const std::string &c = *art->file("src/kws.c");
        // The bound in the argument description, the extent check, the output's extent from the input's.
        QVERIFY2(c.find("kws_shape_t0[4] = {1, -49, 10, 1}") != std::string::npos, c.c_str());
        QVERIFY(c.find("outside the bound 1..") != std::string::npos);
        QVERIFY(c.find("const int32_t input_axis1_l00 = (input_axis1 - 3) / 1 + 1;") != std::string::npos);
        QVERIFY(c.find("const int32_t input_axis1_l00_l01 = (input_axis1_l00 - 2) / 2 + 1;") != std::string::npos);
        const std::string &h = *art->file("include/kws/kws.h");
        QVERIFY2(h.find("input_axis1_l00_l01 = (input_axis1_l00 - 2) / 2 + 1 (1..23)") != std::string::npos, h.c_str());
        const auto meta = nlohmann::json::parse(*art->file("metadata.json"));
        QCOMPARE(meta["derived_dims"].size(), size_t(2));
        QCOMPARE(meta["outputs"][0]["dynamic_axes"][0]["dim"].get<int>(), 2);
        // The fast paths step aside for a run-time extent.
        auto dsp = compile(g.value(), options({"--dim", "input:1=4..49", "--name", "kwsm4", "--target", "cortex-m4"}));
        QVERIFY2(dsp, dsp.diagnostics().format().c_str());
        QVERIFY(dsp->file("src/kwsm4_ops.c")->find("oy < input_axis1_l00") != std::string::npos);
    }

    void streamRefused_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("dim");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("message");
        QTest::newRow("same padding") << "conv_same" << "input:1=3..12" << "CONV_2D"
                                      << "but CONV_2D uses SAME padding, whose padding depends on the extent";
        QTest::newRow("window above MIN") << "conv_time" << "input:1=2..12" << "CONV_2D"
                                          << "the extent can be 2, shorter than CONV_2D's window of 3";
        QTest::newRow("derived window above MIN") << "pool_time" << "input:1=4..20" << "MAX_POOL_2D"
                                                  << "shorter than MAX_POOL_2D's window of 3";
        QTest::newRow("channels") << "conv_time" << "input:3=1..2" << "CONV_2D"
                                  << "can only follow a run-time extent along its height or width";
        QTest::newRow("lstm batch") << "lstm_int8" << "x:0=1..2" << "UNIDIRECTIONAL_SEQUENCE_LSTM"
                                    << "only the sequence length (axis 1, batch-major)";
    }
    void streamRefused() {
        QFETCH(QString, model);
        QFETCH(QString, dim);
        QFETCH(QString, op);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto g = throughFile(streamModel(model.toStdString(), 12), dir, "m.tflite");
        QVERIFY2(g, g.diagnostics().format().c_str());
        auto art = compile(g.value(), options({"--dim", dim}));
        QVERIFY(!art);
        const auto &items = art.diagnostics().items();
        QCOMPARE(items.size(), size_t(1));
        QVERIFY2(QString::fromStdString(items[0].message).contains(message), items[0].format().c_str());
        QCOMPARE(QString::fromStdString(items[0].opName), op);
    }

    void refused_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("message");
        QTest::newRow("conv input axis") << "conv" << QStringList{"--dim", "input:1=1..8"} << "CONV_2D"
                                         << "axis 1 of 'input' is dynamic (--dim input:1=1..8) but the extent can be "
                                            "1, shorter than CONV_2D's window of 3";
        QTest::newRow("reduced fc axis") << "logistic" << QStringList{"--dim", "input:2=1..16"} << "FULLY_CONNECTED"
                                         << "but FULLY_CONNECTED reduces over axis 2; only the leading axes";
        QTest::newRow("unknown tensor") << "logistic" << QStringList{"--dim", "nope:1=1..32"} << ""
                                        << "the model has no input named 'nope'; name one of its inputs: 'input'";
        QTest::newRow("axis out of range") << "logistic" << QStringList{"--dim", "input:3=1..4"} << ""
                                           << "axis 3 does not exist; 'input' has shape [1,5,16]";
        QTest::newRow("twice") << "logistic" << QStringList{"--dim", "input:1=1..4", "--dim", "input:1=1..8"} << ""
                               << "is given twice";
    }
    void refused() {
        QFETCH(QString, model);
        QFETCH(QStringList, args);
        QFETCH(QString, op);
        QFETCH(QString, message);
        QTemporaryDir dir;
        auto g = throughFile(model == "conv" ? convModel() : sequenceModel(model.toStdString(), 5), dir, "m.tflite");
        QVERIFY2(g, g.diagnostics().format().c_str());
        auto art = compile(g.value(), options(args));
        QVERIFY(!art);
        const auto &items = art.diagnostics().items();
        QCOMPARE(items.size(), size_t(1));
        QVERIFY2(QString::fromStdString(items[0].message).contains(message), items[0].format().c_str());
        QCOMPARE(QString::fromStdString(items[0].opName), op);
    }
};

QTEST_APPLESS_MAIN(TestDynamicDims)
#include "tst_dynamic_dims.moc"
