// Limited dynamic shapes (--dim TENSOR:AXIS=MIN..MAX): a sequence model built
// with Ember's own model builder is compiled once with a dynamic time axis and
// run at several extents; every output must equal, bit for bit, the static
// model built and compiled at that extent (generated C and reference
// executor). Refused cases each give one clear message.
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

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

    void refused_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("message");
        QTest::newRow("conv input axis") << "conv" << QStringList{"--dim", "input:1=1..8"} << "CONV_2D"
                                         << "axis 1 of 'input' is dynamic (--dim input:1=1..8) but CONV_2D needs a "
                                            "fixed shape";
        QTest::newRow("reduced fc axis") << "logistic" << QStringList{"--dim", "input:2=1..16"} << "FULLY_CONNECTED"
                                         << "but FULLY_CONNECTED reduces over axis 2; only the leading axes";
        QTest::newRow("unknown tensor") << "logistic" << QStringList{"--dim", "nope:1=1..32"} << ""
                                        << "the model has no input named 'nope'; name one of its inputs: 'input'";
        QTest::newRow("axis out of range") << "logistic" << QStringList{"--dim", "input:3=1..4"} << ""
                                           << "axis 3 does not exist; 'input' has shape [1,5,16]";
        QTest::newRow("twice") << "logistic" << QStringList{"--dim", "input:1=1..4", "--dim", "input:1=1..8"} << ""
                               << "is given twice";
        QTest::newRow("packed operators") << "logistic"
                                          << QStringList{"--dim", "input:1=1..32", "--operators", "packed"} << ""
                                          << "--dim cannot be combined with --operators packed";
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
