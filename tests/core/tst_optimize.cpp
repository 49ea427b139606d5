// --optimize speed|size|balanced: the option (parsed from the one option
// table, refused with a clear error when unknown), balanced byte-identical
// to the default, every MLPerf Tiny model bit-exact with its golden in the
// speed and size modes (generated C on the host; balanced is tst_golden),
// and size mode's flash (code + constants of the generated C compiled for a
// Cortex-M4 by arm-none-eabi-gcc, or the generator's constant bytes without
// it) smaller than balanced's on every model, and size mode's constants
// within the weights + at most 4.5 bytes of requantization per channel
// (with channels of constant output through a map of shared words).
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

#include <random>
#include <set>

#include "TestUtil.h"
#include "core/OptionTable.h"
#include "core/passes/Passes.h"
#include "core/validate/HostRunner.h"

using namespace ember;

namespace {

const char *const kModels[][2] = {{"kws_ref_model", "mlperf_tiny/kws/kws_ref_model.tflite"},
                                  {"vww_96_int8", "mlperf_tiny/vww/vww_96_int8.tflite"},
                                  {"pretrainedResnet_quant", "mlperf_tiny/ic/pretrainedResnet_quant.tflite"},
                                  {"ad01_int8", "mlperf_tiny/ad/ad01_int8.tflite"}};

bool haveTool(const char *name) {
    std::string out;
    return runProcess({"sh", "-c", std::string("command -v ") + name}, &out) == 0;
}

// text + data of the package's C files compiled for a Cortex-M4F at -O2
// (what a firmware's flash holds of the model); 0 on a compiler error.
uint64_t armFlashBytes(const Artifacts &a, std::string *log) {
    QTemporaryDir dir;
    Diagnostics d;
    if (!a.writeTo(dir.path().toStdString(), d)) return 0;
    const std::string root = dir.path().toStdString();
    uint64_t total = 0;
    for (const auto &f : a.files) {
        if (f.first.size() < 2 || f.first.substr(f.first.size() - 2) != ".c") continue;
        const std::string obj = root + "/" + std::to_string(total) + "_" + f.first.substr(f.first.rfind('/') + 1) + ".o";
        if (runProcess({"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16",
                        "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-I" + root + "/include", "-c",
                        root + "/" + f.first, "-o", obj},
                       log) != 0)
            return 0;
        std::string out;
        if (runProcess({"arm-none-eabi-size", "-B", obj}, &out) != 0) return 0;
        // "   text    data     bss     dec     hex filename\n  1234  0  0 ..."
        const size_t nl = out.find('\n');
        unsigned long long text = 0, data = 0;
        if (nl == std::string::npos || std::sscanf(out.c_str() + nl + 1, "%llu %llu", &text, &data) != 2) return 0;
        total += text + data;
    }
    return total;
}

// One int8 CONV_2D (kind 0), DEPTHWISE_CONV_2D (1) or FULLY_CONNECTED (2)
// with `oc` output channels, input [1,6,5,C] (FC: [2,20]) and random
// weights and input; channel c's weight scale and bias come from
// `channel(c, draw)`, `draw` a random bias in [-500, 500].
Graph channelsGraph(int kind, int oc, std::mt19937 &rng, TensorData *input,
                    const std::function<std::pair<float, int32_t>(int, int32_t)> &channel) {
    using namespace test;
    std::uniform_int_distribution<int> byte(-128, 127), bias(-500, 500);
    const int inC = kind == 1 ? oc : 5;
    Graph g;
    const Shape inShape = kind == 2 ? Shape{2, 20} : Shape{1, 6, 5, inC};
    const int in = addTensor(g, "in", DType::Int8, inShape, q(0.02f, -3));
    const Shape ws = kind == 0 ? Shape{oc, 3, 3, inC} : kind == 1 ? Shape{1, 3, 3, oc} : Shape{oc, 20};
    int64_t wn = 1;
    for (int d : ws) wn *= d;
    std::vector<int8_t> wv(size_t(wn), 0);
    for (auto &v : wv) v = int8_t(byte(rng));
    Quant wq;
    wq.axis = kind == 1 ? 3 : 0;
    std::vector<int32_t> bv(static_cast<size_t>(oc));
    for (int c = 0; c < oc; ++c) {
        const auto [scale, b] = channel(c, bias(rng));
        wq.scale.push_back(scale);
        wq.zeroPoint.push_back(0);
        bv[size_t(c)] = b;
    }
    const int w = addTensor(g, "w", DType::Int8, ws, wq, bytesOf(wv));
    const int b = addTensor(g, "b", DType::Int32, {oc}, {}, bytesOf(bv));
    const Shape os = kind == 2 ? Shape{2, oc} : Shape{1, 6, 5, oc};
    const int out = addTensor(g, "out", DType::Int8, os, q(0.05f, 7));
    OpAttrs a;
    a.padding = Padding::Same;
    a.strideH = a.strideW = 1;
    if (kind == 1) a.depthMultiplier = 1;
    addOp(g, kind == 0 ? OpType::Conv2D : kind == 1 ? OpType::DepthwiseConv2D : OpType::FullyConnected, {in, w, b},
          {out}, a);
    setIO(g, {in}, {out});
    int64_t n = 1;
    for (int d : inShape) n *= d;
    std::vector<int8_t> iv(static_cast<size_t>(n));
    for (auto &v : iv) v = int8_t(byte(rng));
    *input = bytesOf(iv);
    return g;
}

// 12 output channels whose per-channel scales span 2^-21 (shifts -7 ..
// -28: the requantization needs the high-shift nibbles) plus one channel
// with a scale so small that TFLite's multiplier is 0; biases scaled alike
// so every channel's output moves.
Graph spreadShiftsGraph(int kind, std::mt19937 &rng, TensorData *input) {
    const int oc = 12;
    return channelsGraph(kind, oc, rng, input, [&](int c, int32_t draw) {
        const int k = c % 8;
        return std::pair<float, int32_t>(c == oc - 1 ? 1e-14f : std::ldexp(0.01f, -3 * k), draw * (1 << (3 * k)));
    });
}

// As spreadShiftsGraph, with pruned channels, as MLPerf's VWW has: 24
// output channels, every fourth one live (scales 0.01 * 2^-k); the others have
// a bias of -2^30 or +2^30 and a scale so small that their output is the same
// for every input (2 or 4 steps below or above the zero point), and the last
// one's scale makes TFLite's multiplier 0. Size mode gives those channels a
// shared word per distinct output (the _rqmap).
constexpr int kPrunedChannels = 24;
Graph prunedGraph(int kind, std::mt19937 &rng, TensorData *input) {
    const int oc = kPrunedChannels;
    return channelsGraph(kind, oc, rng, input, [&](int c, int32_t draw) {
        const bool live = c % 4 == 0;
        // Pruned: |acc| ~ 2^30, so 2^30 * 0.02 * scale / 0.05 is 2 or 4 steps.
        const float pruned = float((c / 4) % 2 + 1) * 2.f * 0.05f / (0.02f * 1073741824.f);
        return std::pair<float, int32_t>(c == oc - 1 ? 1e-14f : live ? std::ldexp(0.01f, -(c / 4 % 4)) : pruned,
                                         live ? draw : c % 4 == 1 ? -(1 << 30) : (1 << 30));
    });
}

// Compiles `g` (after the passes) in size mode as `name`, runs its generated
// C and the reference executor on `input` and checks they give the same
// bytes; `ops` gets the layer file, `out` the output. QVERIFY failures end
// the calling test (check QTest::currentTestFailed()).
void sizeModeMatchesReference(Graph &g, const TensorData &input, const std::string &name, std::string *ops,
                              TensorData *out) {
    Diagnostics d;
    QVERIFY2(runPasses(g, d), d.format().c_str());
    auto ref = runReference(g, {input});
    QVERIFY2(ref.ok(), ref.diagnostics().format().c_str());
    CompileOptions o;
    o.name = name;
    o.optimize = "size";
    auto a = compile(g, o);
    QVERIFY2(a.ok(), a.diagnostics().format().c_str());
    const std::string *file = a->file("src/" + name + "_ops.c");
    QVERIFY(file);
    *ops = *file;
    auto gen = runGeneratedC(*a, g, {input});
    QVERIFY2(gen.ok(), gen.diagnostics().format().c_str());
    QCOMPARE((*gen)[0], (*ref)[0]);
    *out = (*ref)[0];
}

}  // namespace

class TstOptimize : public QObject {
    Q_OBJECT

private slots:
    void option() {
        CompileOptions o;
        QCOMPARE(o.optimize, std::string("balanced"));
        for (const char *mode : {"speed", "size", "balanced"}) {
            CompileOptions p;
            std::vector<std::string> rest;
            Diagnostics d;
            QVERIFY2(parseCompileArgs({"--optimize", mode}, p, rest, d), d.format().c_str());
            QCOMPARE(p.optimize, std::string(mode));
            QVERIFY(rest.empty());
        }
        CompileOptions p;
        std::vector<std::string> rest;
        Diagnostics d;
        QVERIFY(!parseCompileArgs({"--optimize=fast"}, p, rest, d));
        QVERIFY2(d.format().find("unknown optimize 'fast'; choose balanced, speed or size") != std::string::npos,
                 d.format().c_str());
        QVERIFY(compileOptionsMarkdown().find("`--optimize speed\\|size\\|balanced` | balanced |") != std::string::npos);
    }

    // Explicit balanced = no option at all, byte for byte (existing pins stay valid).
    void balancedIsDefault() {
        auto g = loadModel(test::modelPath(kModels[0][1]));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        CompileOptions b;
        b.optimize = "balanced";
        auto x = compile(*g, CompileOptions{}), y = compile(*g, b);
        QVERIFY(x.ok() && y.ok());
        QCOMPARE(x->files, y->files);
        // size is recorded in the metadata, and changes the kernels.
        CompileOptions s;
        s.optimize = "size";
        auto z = compile(*g, s);
        QVERIFY(z.ok());
        QVERIFY(z->file("metadata.json")->find("\"optimize\": \"size\"") != std::string::npos);
        QVERIFY(*z->file("src/kws_ref_model_ops.c") != *x->file("src/kws_ref_model_ops.c"));
    }

    void goldens_data() {
        QTest::addColumn<QString>("golden");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("mode");
        for (const char *mode : {"speed", "size"})
            for (const auto &m : kModels) QTest::newRow(qPrintable(QString(m[0]) + ":" + mode)) << m[0] << m[1] << mode;
    }

    void goldens() {
        QFETCH(QString, golden);
        QFETCH(QString, model);
        QFETCH(QString, mode);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        CompileOptions o;
        o.optimize = mode.toStdString();
        auto a = compile(*g, o);
        QVERIFY2(a.ok(), a.diagnostics().format().c_str());
        auto prog = HostProgram::build(*a, *g);
        QVERIFY2(prog.ok(), prog.diagnostics().format().c_str());
        const std::string dir = test::sharedDir() + "/models/golden/" + golden.toStdString() + "/";
        std::vector<uint8_t> in, want;
        QVERIFY(test::readFile(dir + "case0.input0.bin", &in));
        QVERIFY(test::readFile(dir + "case0.output0.bin", &want));
        auto out = prog->run({in});
        QVERIFY2(out.ok(), out.diagnostics().format().c_str());
        QCOMPARE(out->size(), size_t(1));
        QCOMPARE((*out)[0], want);
    }

    void sizeConstantsBound_data() {
        QTest::addColumn<QString>("model");
        for (const auto &m : kModels) QTest::newRow(m[0]) << m[1];
    }

    // Size mode's constants are the weights as the model stores them (no
    // folded per-border bias tables) plus, per output channel of an int8
    // CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED, at most a 32-bit word and
    // a nibble of requantization (the Q31 multiplier's 30 free bits and the
    // shift: TFLM keeps two int32 per channel; channels with a constant
    // output share words, for a byte of map each, only when that is smaller).
    // No table per softmax: size mode computes its exps. Anything else (a
    // per-layer table sneaking back) fails.
    void sizeConstantsBound() {
        QFETCH(QString, model);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        CompileOptions s;
        s.optimize = "size";
        auto a = compile(*g, s);
        QVERIFY2(a.ok(), a.diagnostics().format().c_str());
        uint64_t weights = 0, bound = 0;
        for (const Tensor &t : g->tensors)
            if (t.isConst) weights += t.data.size();
        for (const Op &op : g->ops) {
            if (op.type != OpType::Conv2D && op.type != OpType::DepthwiseConv2D && op.type != OpType::FullyConnected)
                continue;
            const uint64_t channels = uint64_t(g->out(op).shape.back());
            bound += channels * 4 + (channels + 1) / 2;
        }
        const std::string *constants = nullptr;
        for (const auto &f : a->files)
            if (f.first.size() > 12 && f.first.substr(f.first.size() - 12) == "_constants.c") constants = &f.second;
        QVERIFY(constants);
        QVERIFY2(constants->find("_bias_folded") == std::string::npos && constants->find("_bias_row") == std::string::npos,
                 "size mode emitted folded bias tables");
        qInfo("%s: size mode's constants %llu = weights %llu + %llu (bound %llu)", qPrintable(model),
              static_cast<unsigned long long>(a->constantBytes), static_cast<unsigned long long>(weights),
              static_cast<unsigned long long>(a->constantBytes - weights), static_cast<unsigned long long>(bound));
        QVERIFY2(a->constantBytes <= weights + bound,
                 qPrintable(QString("constants %1 > weights %2 + %3").arg(a->constantBytes).arg(weights).arg(bound)));
    }

    // Size mode's requantization forms the MLPerf models do not all reach
    // (shifts spanning 21, a zero multiplier) against the reference executor.
    void sizeSpreadShifts() {
        std::mt19937 rng(7);
        for (int kind = 0; kind < 3; ++kind) {
            TensorData input;
            Graph g = spreadShiftsGraph(kind, rng, &input);
            std::string ops;
            TensorData y;
            sizeModeMatchesReference(g, input, "spread", &ops, &y);
            if (QTest::currentTestFailed()) return;
            QVERIFY2(ops.find(kind == 2 ? "ember_k_fc_s8(&p" : "ember_k_conv_s8(&p") != std::string::npos, ops.c_str());
            QVERIFY2(ops.find("_rqhi") != std::string::npos, "expected the high-shift nibbles");
            QVERIFY(std::adjacent_find(y.begin(), y.end(), std::not_equal_to<>()) != y.end());
            // The last channel's multiplier is 0: its output is the zero point.
            for (size_t i = 11; i < y.size(); i += 12) QCOMPARE(int(int8_t(y[i])), 7);
        }
    }

    // Channels whose output is the same for every input (pruned ones, a zero
    // multiplier) through the map of shared words, against the reference
    // executor: the pruned channels' outputs are constant and off the zero
    // point, the live ones vary.
    void sizeConstantChannels() {
        std::mt19937 rng(11);
        for (int kind = 0; kind < 3; ++kind) {
            TensorData input;
            Graph g = prunedGraph(kind, rng, &input);
            std::string ops;
            TensorData y;
            sizeModeMatchesReference(g, input, "pruned", &ops, &y);
            if (QTest::currentTestFailed()) return;
            QVERIFY2(ops.find("_rqmap") != std::string::npos, "expected the map of shared words");
            std::set<int> pruned;
            const size_t oc = kPrunedChannels;
            for (size_t c = 0; c < oc; ++c) {
                std::set<int> seen;
                for (size_t i = c; i < y.size(); i += oc) seen.insert(int(int8_t(y[i])));
                if (c % 4 == 0) QVERIFY2(seen.size() > 1, qPrintable(QString("live channel %1 constant").arg(c)));
                else QCOMPARE(seen.size(), size_t(1));
                if (c % 4 != 0 && c != oc - 1) pruned.insert(*seen.begin());
            }
            QVERIFY2(pruned.size() > 2, "expected several distinct constant outputs");
        }
    }

    void sizeIsSmaller_data() {
        QTest::addColumn<QString>("model");
        for (const auto &m : kModels) QTest::newRow(m[0]) << m[1];
    }

    // A behaviour, not a timing: size mode's flash is below balanced's.
    void sizeIsSmaller() {
        QFETCH(QString, model);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        CompileOptions s;
        s.optimize = "size";
        auto bal = compile(*g, CompileOptions{}), small = compile(*g, s);
        QVERIFY(bal.ok() && small.ok());
        QVERIFY2(small->constantBytes <= bal->constantBytes,
                 qPrintable(QString("constants: size %1 > balanced %2").arg(small->constantBytes).arg(bal->constantBytes)));
        if (!haveTool("arm-none-eabi-gcc") || !haveTool("arm-none-eabi-size")) {
            QVERIFY(small->constantBytes < bal->constantBytes);
            return;
        }
        std::string log;
        const uint64_t fb = armFlashBytes(*bal, &log), fs = armFlashBytes(*small, &log);
        QVERIFY2(fb > 0 && fs > 0, log.c_str());
        qInfo("%s: code + constants for a Cortex-M4: balanced %llu, size %llu bytes", qPrintable(model),
              static_cast<unsigned long long>(fb), static_cast<unsigned long long>(fs));
        QVERIFY2(fs < fb, qPrintable(QString("size mode %1 bytes >= balanced %2").arg(fs).arg(fb)));
    }
};

QTEST_APPLESS_MAIN(TstOptimize)
#include "tst_optimize.moc"
