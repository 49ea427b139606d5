// Differential tests against TFLite Micro (tflm_ref) for
// UNIDIRECTIONAL_SEQUENCE_LSTM: seeded sweeps over batch, time steps, input
// size, units, time-major / batch-major, cell clip, the cell gate activation
// and the three variants TFLM computes (float32; int8 activations with an
// int16 cell state; int16 activations), plus the LSTM variants TFLM refuses
// (CIFG, peephole, projection, layer norm, an int8 cell state). The output
// and cell states are variable tensors starting at TFLM's reset value.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "DiffTflm.h"
#include "core/builder/TfliteWriter.h"
#include "core/reference/Executor.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;

namespace {

struct Spec {
    DType dt = DType::Int8;
    int batch = 1, time = 1, in = 1, units = 1;
    bool timeMajor = false;
    float cellClip = 0.f;
    Activation act = Activation::Tanh;
    // Variants TFLM refuses.
    bool cifg = false, peephole = false, projection = false, layerNorm = false;
    DType cellType = DType::Int16;  // for quantized activations
    // int16 activations (16x8) only.
    bool zp16 = false;        // nonzero input / hidden zero points (TFLM does not refuse them)
    bool oddCellScale = false;  // a cell scale that is not a power of two
    bool bigBias = false;     // int64 biases far outside the int32 range
    DType weightType = DType::Int8;
};

float pow2(DiffRng &r, int lo, int hi) { return std::ldexp(r.uniform(0.5f, 1.f), r.range(lo, hi)); }

std::vector<uint8_t> randomInt8(DiffRng &r, int64_t n) {
    std::vector<int8_t> v(static_cast<size_t>(n));
    for (auto &x : v) x = int8_t(r.range(-127, 127));
    return bytesOf(v);
}

std::vector<uint8_t> randomInt16(DiffRng &r, int64_t n) {
    std::vector<int16_t> v(static_cast<size_t>(n));
    for (auto &x : v) x = int16_t(r.range(-900, 900));
    return bytesOf(v);
}

std::vector<uint8_t> randomFloat(DiffRng &r, int64_t n, float lo, float hi) {
    std::vector<float> v(static_cast<size_t>(n));
    for (auto &x : v) x = r.uniform(lo, hi);
    return bytesOf(v);
}

Graph buildLstm(DiffRng &r, const Spec &s) {
    Graph g;
    g.name = "m";
    const bool isFloat = s.dt == DType::Float32;
    const Shape inShape = s.timeMajor ? Shape{s.time, s.batch, s.in} : Shape{s.batch, s.time, s.in};
    const Shape outShape = s.timeMajor ? Shape{s.time, s.batch, s.units} : Shape{s.batch, s.time, s.units};
    Quant qIn, qHidden, qCell;
    if (s.dt == DType::Int8) {
        qIn = q(pow2(r, -8, -4), r.range(-40, 40));
        qHidden = q(pow2(r, -8, -6), r.range(-20, 20));
        qCell = q(std::ldexp(1.f, r.range(-15, -9)), 0);
    } else if (s.dt == DType::Int16) {  // inputs over [-2^15, 2^15) x scale: +-0.5 .. +-32
        qIn = q(pow2(r, -15, -10), s.zp16 ? r.range(-3000, 3000) : 0);
        qHidden = q(pow2(r, -15, -12), s.zp16 ? r.range(-3000, 3000) : 0);
        qCell = q(std::ldexp(s.oddCellScale ? r.uniform(0.75f, 1.4f) : 1.f, r.range(-15, -6)), 0);
    }
    std::vector<int> inputs(24, -1);
    inputs[0] = addTensor(g, "x", s.dt, inShape, qIn);
    const int64_t inCount = int64_t(s.units) * s.in, recCount = int64_t(s.units) * s.units;
    for (int gi = 0; gi < 4; ++gi) {
        if (s.cifg && gi == 0) continue;
        for (int rec = 0; rec < 2; ++rec) {
            const std::string name = std::string(rec ? "rec_w" : "in_w") + std::to_string(gi);
            const Shape shape = {s.units, rec ? s.units : s.in};
            const int64_t count = rec ? recCount : inCount;
            inputs[size_t(1 + 4 * rec + gi)] =
                isFloat ? addTensor(g, name, DType::Float32, shape, {}, randomFloat(r, count, -0.6f, 0.6f))
                : s.weightType == DType::Int16
                        ? addTensor(g, name, DType::Int16, shape, q(pow2(r, -14, -12), 0), randomInt16(r, count))
                        : addTensor(g, name, DType::Int8, shape, q(pow2(r, -9, -6), 0), randomInt8(r, count));
        }
    }
    for (int gi = 0; gi < 4; ++gi) {
        if (s.cifg && gi == 0) continue;
        const std::string name = "bias" + std::to_string(gi);
        if (isFloat) {
            inputs[size_t(12 + gi)] = addTensor(g, name, DType::Float32, {s.units}, {}, randomFloat(r, s.units, -1, 1));
        } else if (s.dt == DType::Int8) {
            std::vector<int32_t> b(size_t(s.units));
            for (auto &v : b) v = r.range(-3000, 3000);
            const float scale = qIn.sc() * g.tensors[size_t(inputs[size_t(1 + (s.cifg ? 1 : gi))])].quant.sc();
            inputs[size_t(12 + gi)] = addTensor(g, name, DType::Int32, {s.units}, q(scale, 0), bytesOf(b));
        } else {
            // Real biases in [-3, 3] (sometimes far beyond: the int64 path).
            const float scale = qIn.sc() * g.tensors[size_t(inputs[size_t(1 + (s.cifg ? 1 : gi))])].quant.sc();
            std::vector<int64_t> b(size_t(s.units));
            for (auto &v : b)
                v = s.bigBias ? int64_t(r.range(-(1 << 30), 1 << 30)) * int64_t(r.range(1, 64))
                              : std::llround(double(r.uniform(-3.f, 3.f)) / double(scale));
            inputs[size_t(12 + gi)] = addTensor(g, name, DType::Int64, {s.units}, q(scale, 0), bytesOf(b));
        }
    }
    auto weightLike = [&](const std::string &name, const Shape &shape) {
        return isFloat ? addTensor(g, name, DType::Float32, shape, {}, randomFloat(r, shapeElements(shape), -0.5f, 0.5f))
                       : addTensor(g, name, DType::Int8, shape, q(pow2(r, -9, -6), 0),
                                   randomInt8(r, shapeElements(shape)));
    };
    if (s.peephole)
        for (int i = 9; i < 12; ++i) inputs[size_t(i)] = weightLike("peep" + std::to_string(i), {s.units});
    if (s.projection) inputs[16] = weightLike("proj_w", {s.units, s.units});
    if (s.layerNorm)
        for (int i = 20; i < 24; ++i)
            inputs[size_t(i)] = isFloat ? addTensor(g, "ln" + std::to_string(i), DType::Float32, {s.units}, {},
                                                    randomFloat(r, s.units, 0.5f, 1.5f))
                                        : addTensor(g, "ln" + std::to_string(i), DType::Int16, {s.units},
                                                    q(1.f / 1024, 0), bytesOf(std::vector<int16_t>(size_t(s.units), 1024)));
    const DType cellType = isFloat ? DType::Float32 : s.cellType;
    inputs[18] = addTensor(g, "h_state", s.dt, {s.batch, s.units}, qHidden);
    inputs[19] = addTensor(g, "c_state", cellType, {s.batch, s.units},
                           cellType == DType::Int8 ? q(1.f / 64, 0) : qCell);
    g.tensors[size_t(inputs[18])].isVariable = true;
    g.tensors[size_t(inputs[19])].isVariable = true;
    const int y = addTensor(g, "y", s.dt, outShape, qHidden);
    OpAttrs at;
    at.activation = s.act;
    at.cellClip = s.cellClip;
    at.timeMajor = s.timeMajor;
    addOp(g, OpType::UnidirectionalSequenceLstm, inputs, {y}, at);
    setIO(g, {inputs[0]}, {y});
    return g;
}

std::string describe(const Spec &s, int k) {
    return std::string("LSTM ") + dtypeName(s.dt) + " B" + std::to_string(s.batch) + " T" + std::to_string(s.time) +
           " I" + std::to_string(s.in) + " S" + std::to_string(s.units) + (s.timeMajor ? " time-major" : "") +
           (s.cellClip > 0 ? " clip" : "") + (s.act != Activation::Tanh ? " act" + std::to_string(int(s.act)) : "") +
           (s.cifg ? " cifg" : "") + (s.peephole ? " peephole" : "") + (s.projection ? " projection" : "") +
           (s.layerNorm ? " layernorm" : "") + (s.zp16 ? " zp" : "") + (s.oddCellScale ? " odd-cell-scale" : "") +
           (s.bigBias ? " big-bias" : "") + " #" + std::to_string(k);
}

bool writeBytes(const std::string &path, const std::vector<uint8_t> &b) {
    std::ofstream f(path, std::ios::binary);
    return f && f.write(reinterpret_cast<const char *>(b.data()), std::streamsize(b.size()));
}

// Streaming: `steps` consecutive calls of one model instance (tflm_ref
// --steps, Ember's ReferenceSession and the generated C's runSteps), the
// output and cell states carried over from call to call. "" when every
// step's output agrees (bytes; float within 1e-5 of the range).
std::string runStreaming(const Graph &graph, int steps, uint64_t seed) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "ember-lstm-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return "cannot create a temporary directory";
    const fs::path dir = tmpl;
    struct Cleanup {
        fs::path p;
        ~Cleanup() { std::error_code ec; fs::remove_all(p, ec); }
    } cleanup{dir};
    const std::string model = (dir / "model.tflite").string();
    if (!writeBytes(model, writeTflite(graph))) return "cannot write the model";
    const Tensor &inT = graph.tensors[size_t(graph.inputs[0])];
    std::vector<std::vector<TensorData>> stepInputs;
    std::vector<std::string> cmd = {tflmRefPath(), model, "--input"};
    for (int k = 0; k < steps; ++k) {
        stepInputs.push_back({randomTensorData(inT, seed * 7919u + uint64_t(k), -2.f, 2.f)});
        const std::string p = (dir / ("in" + std::to_string(k) + ".bin")).string();
        writeBytes(p, stepInputs.back()[0]);
        cmd.push_back(p);
    }
    for (const std::string &a : {std::string("--output-dir"), (dir / "tflm").string(), std::string("--steps"),
                                 std::to_string(steps)})
        cmd.push_back(a);
    std::string log;
    if (runProcess(cmd, &log, 120) != 0) return "tflm_ref failed: " + log.substr(0, 300);
    auto g = loadModel(model);
    if (!g.ok()) return "import: " + g.diagnostics().format();
    CompileOptions co;
    co.name = "lstm_stream";
    auto art = compile(g.value(), co);
    if (!art.ok()) return "compile: " + art.diagnostics().format();
    auto prog = HostProgram::build(art.value(), g.value());
    if (!prog.ok()) return "build: " + prog.diagnostics().format();
    auto gen = prog->runSteps(stepInputs);
    if (!gen.ok()) return "generated C: " + gen.diagnostics().format();
    ReferenceSession session(g.value());
    const Tensor &outT = g->tensors[size_t(g->outputs[0])];
    for (int k = 0; k < steps; ++k) {
        std::vector<uint8_t> want;
        if (!readFile((dir / "tflm" / ("output0.step" + std::to_string(k) + ".bin")).string(), &want))
            return "tflm_ref wrote no output for step " + std::to_string(k);
        auto ref = session.run(stepInputs[size_t(k)]);
        if (!ref.ok()) return "reference executor: " + ref.diagnostics().format();
        for (int which = 0; which < 2; ++which) {
            const TensorData &got = which == 0 ? ref.value()[0] : gen.value()[size_t(k)][0];
            if (got.size() != want.size()) return "step " + std::to_string(k) + ": output size differs";
            bool same = true;
            if (outT.dtype == DType::Float32) {
                const auto a = valuesOf<float>(got), b = valuesOf<float>(want);
                float lo = b.empty() ? 0.f : b[0], hi = lo;
                for (float v : b) lo = std::min(lo, v), hi = std::max(hi, v);
                const float tol = 1e-5f * std::max(hi - lo, 1e-6f);
                for (size_t i = 0; i < b.size(); ++i)
                    if (!(std::fabs(a[i] - b[i]) <= tol)) same = false;
            } else {
                same = got == want;
            }
            if (!same)
                return std::string(which == 0 ? "reference executor" : "generated C") + " differs from TFLM at step " +
                       std::to_string(k);
        }
    }
    return {};
}

void check(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

}  // namespace

class TstDiffLstm : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    // The parameter sweep: every variant TFLM computes.
    void sweep() {
        std::vector<DiffCase> cases;
        DiffRng r(44);
        for (int k = 0; k < 96; ++k) {
            Spec s;
            s.dt = k % 3 == 0 ? DType::Float32 : DType::Int8;  // int16 (16x8): sweep16
            s.batch = r.range(1, 3);
            s.time = r.range(1, 6);
            s.in = r.range(1, 9);
            s.units = r.range(1, 9);
            s.timeMajor = r.coin();
            if (r.range(0, 3) == 0) s.cellClip = r.uniform(0.05f, 3.f);
            cases.push_back({describe(s, k), buildLstm(r, s)});
            if (s.dt == DType::Float32) cases.back().floatMin = -2.f, cases.back().floatMax = 2.f;
        }
        check(std::move(cases));
    }

    // int16 activations x int8 weights, int16 cell state, int64 biases
    // (TFLM's 16x8 LSTM): every call of 3-5 carries the states over, so the
    // hidden state's recurrent path and the cell state update run on
    // non-zero states. Plus the 16x8 variants TFLM refuses, in the same batch.
    void sweep16() {
        std::vector<DiffCase> cases;
        DiffRng r(48);
        int k = 0;
        for (; k < 60; ++k) {
            Spec s;
            s.dt = DType::Int16;
            s.batch = r.range(1, 3);
            s.time = r.range(1, 5);
            s.in = r.range(1, 12);
            s.units = r.range(1, 10);
            s.timeMajor = r.coin();
            if (r.range(0, 2) == 0) s.cellClip = r.uniform(0.05f, 3.f);
            s.zp16 = r.range(0, 4) == 0;
            s.oddCellScale = r.range(0, 5) == 0;
            s.bigBias = r.range(0, 9) == 0;
            cases.push_back({describe(s, k), buildLstm(r, s)});
            cases.back().steps = r.range(3, 5);
        }
        // Shapes of real models, fewer calls.
        const std::vector<Spec> larger = {{DType::Int16, 1, 8, 40, 32, false, 0.f},
                                          {DType::Int16, 2, 3, 17, 24, true, 1.5f},
                                          {DType::Int16, 1, 4, 64, 20, false, 0.f}};
        for (const Spec &s : larger) {
            cases.push_back({describe(s, k++), buildLstm(r, s)});
            cases.back().steps = 3;
        }
        // A negative cell clip: TFLM runs it without clipping.
        {
            Spec n = {DType::Int16, 2, 3, 4, 5, true, -1.f};
            cases.push_back({describe(n, k++) + " negative clip", buildLstm(r, n)});
            cases.back().steps = 3;
        }
        // Refused by TFLM: the LSTM variants, an int8 cell state, int16
        // weights (TFLM's 16x8 needs int8 weights), a cell gate other than tanh.
        Spec base;
        base.dt = DType::Int16;
        base.batch = 2, base.time = 3, base.in = 4, base.units = 5;
        std::vector<std::pair<std::string, Spec>> refused;
        Spec c = base;
        c.cifg = true;
        refused.push_back({"", c});
        c = base;
        c.peephole = true;
        refused.push_back({"", c});
        c = base;
        c.projection = true;
        refused.push_back({"", c});
        c = base;
        c.layerNorm = true;
        refused.push_back({"", c});
        c = base;
        c.cellType = DType::Int8;
        refused.push_back({" int8 cell", c});
        c = base;
        c.weightType = DType::Int16;
        refused.push_back({" int16 weights", c});
        for (Activation a : {Activation::Relu, Activation::None}) {
            c = base;
            c.act = a;
            refused.push_back({"", c});
        }
        for (const auto &[tag, spec] : refused) cases.push_back({describe(spec, k++) + tag, buildLstm(r, spec)});
        check(std::move(cases));
    }

    // Larger layers (the shapes of real keyword / noise-suppression models).
    void larger() {
        std::vector<DiffCase> cases;
        DiffRng r(45);
        const std::vector<Spec> specs = {
            {DType::Int8, 1, 12, 40, 32, false},  {DType::Int8, 2, 4, 17, 24, true},
            {DType::Float32, 1, 10, 33, 20, false}, {DType::Int8, 1, 6, 16, 16, false},
            {DType::Int8, 1, 1, 64, 48, false},  {DType::Float32, 3, 3, 5, 40, true},
        };
        int k = 0;
        for (const Spec &s : specs) cases.push_back({describe(s, k++), buildLstm(r, s)});
        check(std::move(cases));
    }

    // Several calls of one model instance: the states carry over (TFLM's
    // variable tensors; Ember's state pool, ReferenceSession and runSteps).
    void streaming() {
        DiffRng r(47);
        const std::vector<Spec> specs = {
            {DType::Int8, 2, 3, 5, 6, false, 0.f},  {DType::Int8, 2, 2, 4, 3, true, 1.f},
            {DType::Float32, 2, 3, 4, 5, false, 0.f}, {DType::Float32, 1, 2, 3, 4, true, 0.5f},
        };
        int k = 0;
        for (const Spec &s : specs) {
            const std::string why = runStreaming(buildLstm(r, s), 3, uint64_t(k) + 1);
            QVERIFY2(why.empty(), qPrintable(QString::fromStdString(describe(s, k) + ": " + why)));
            ++k;
        }
        qInfo("%d streaming cases (3 calls each) agree", k);
    }

    // int16x8: <name>_reset in the generated C (and ReferenceSession::reset)
    // puts the output and cell states back, so the call after it equals the
    // first call, which equals a fresh TFLM interpreter's (tflm_ref --steps
    // on the same input twice: the second call differs, the state carried).
    void reset16() {
        namespace fs = std::filesystem;
        DiffRng r(49);
        Spec s;
        s.dt = DType::Int16;
        s.batch = 2, s.time = 3, s.in = 5, s.units = 6;
        s.cellClip = 1.f;
        const Graph graph = buildLstm(r, s);
        std::string tmpl = (fs::temp_directory_path() / "ember-lstm-reset-XXXXXX").string();
        QVERIFY(mkdtemp(tmpl.data()));
        const fs::path d = tmpl;
        struct Cleanup {
            fs::path p;
            ~Cleanup() {
                std::error_code ec;
                if (!qEnvironmentVariableIsSet("EMBER_KEEP_DIFF")) fs::remove_all(p, ec);
            }
        } cleanup{d};
        const std::string model = (d / "model.tflite").string();
        QVERIFY(writeBytes(model, writeTflite(graph)));
        const TensorData x = randomTensorData(graph.tensors[size_t(graph.inputs[0])], 5);
        QVERIFY(writeBytes((d / "x.bin").string(), x));
        std::string log;
        QVERIFY2(runProcess({tflmRefPath(), model, "--input", (d / "x.bin").string(), (d / "x.bin").string(),
                             "--output-dir", (d / "tflm").string(), "--steps", "2"},
                            &log, 120) == 0,
                 log.c_str());
        std::vector<uint8_t> want0, want1;
        QVERIFY(readFile((d / "tflm" / "output0.step0.bin").string(), &want0));
        QVERIFY(readFile((d / "tflm" / "output0.step1.bin").string(), &want1));
        QVERIFY2(want0 != want1, "the test model must carry state from call to call");

        auto g = loadModel(model);
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        ReferenceSession session(g.value());
        for (int call = 0; call < 3; ++call) {
            if (call == 2) session.reset();
            auto got = session.run({x});
            QVERIFY2(got.ok(), got.diagnostics().format().c_str());
            QVERIFY2(got->at(0) == (call == 1 ? want1 : want0),
                     qPrintable(QString("reference executor differs at call %1").arg(call)));
        }

        CompileOptions opts;
        opts.name = "lstm16r";
        auto pkg = compile(g.value(), opts);
        QVERIFY2(pkg.ok(), pkg.diagnostics().format().c_str());
        Diagnostics wd;
        QVERIFY2(pkg->writeTo((d / "pkg").string(), wd), wd.format().c_str());
        const auto *xs = reinterpret_cast<const int16_t *>(x.data());
        std::string init;
        for (size_t i = 0; i < x.size() / 2; ++i) init += (i ? ", " : "") + std::to_string(xs[i]);
        const size_t ny = want0.size() / 2;
        std::ofstream(d / "main.c") << "#include <stdio.h>\n#include \"lstm16r/lstm16r.h\"\n"
                                       "int main(void)\n{\n"
                                       "    static int16_t x[] = {" << init << "};\n"
                                       "    static int16_t y[3][" << ny << "];\n"
                                       "    struct lstm16r_inputs in = {x};\n    struct lstm16r_outputs out;\n"
                                       "    int k;\n"
                                       "    for (k = 0; k < 3; ++k) {\n        if (k == 2) lstm16r_reset();\n"
                                       "        out.y = y[k];\n        if (lstm16r_run(&in, &out)) return 1;\n    }\n"
                                       "    return fwrite(y, sizeof y, 1, stdout) == 1 ? 0 : 2;\n}\n";
        std::vector<std::string> cmd = {"cc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                        "-I" + (d / "pkg" / "include").string()};
        for (const auto &e : fs::directory_iterator(d / "pkg" / "src")) cmd.push_back(e.path().string());
        cmd.insert(cmd.end(), {(d / "main.c").string(), "-o", (d / "run").string(), "-lm"});
        QVERIFY2(runProcess(cmd, &log, 120) == 0, log.c_str());
        QVERIFY2(runProcess({"sh", "-c", (d / "run").string() + " > " + (d / "y.bin").string()}, &log, 60) == 0,
                 log.c_str());
        std::vector<uint8_t> y;
        QVERIFY(readFile((d / "y.bin").string(), &y));
        QCOMPARE(y.size(), 3 * want0.size());
        const auto call = [&](int k) { return std::vector<uint8_t>(y.begin() + k * long(want0.size()),
                                                                   y.begin() + (k + 1) * long(want0.size())); };
        QVERIFY2(call(0) == want0, "generated C: the first call differs from TFLM");
        QVERIFY2(call(1) == want1, "generated C: the second call differs from TFLM");
        QVERIFY2(call(2) == want0, "generated C: the call after lstm16r_reset differs from the first call");
        qInfo("int16x8 reset: the call after lstm16r_reset() equals the first call (and TFLM's)");
    }

    // Variants TFLM's standard LSTM refuses; Ember refuses them too.
    void refused() {
        std::vector<DiffCase> cases;
        DiffRng r(46);
        int k = 0;
        for (DType dt : {DType::Int8, DType::Float32}) {
            Spec s;
            s.dt = dt;
            s.batch = 2, s.time = 3, s.in = 4, s.units = 5;
            Spec c = s;
            c.cifg = true;
            cases.push_back({describe(c, k++), buildLstm(r, c)});
            c = s;
            c.peephole = true;
            cases.push_back({describe(c, k++), buildLstm(r, c)});
            c = s;
            c.projection = true;
            cases.push_back({describe(c, k++), buildLstm(r, c)});
            c = s;
            c.layerNorm = true;
            cases.push_back({describe(c, k++), buildLstm(r, c)});
        }
        Spec s;
        s.dt = DType::Int8;
        s.batch = 1, s.time = 2, s.in = 3, s.units = 4;
        s.cellType = DType::Int8;
        cases.push_back({describe(s, k++) + " int8 cell", buildLstm(r, s)});
        // TFLM aborts on a cell gate activation other than tanh.
        s.cellType = DType::Int16;
        for (Activation a : {Activation::None, Activation::Relu, Activation::Relu6}) {
            s.act = a;
            s.dt = s.dt == DType::Int8 ? DType::Float32 : DType::Int8;
            cases.push_back({describe(s, k++), buildLstm(r, s)});
        }
        check(std::move(cases));
    }
};

QTEST_GUILESS_MAIN(TstDiffLstm)
#include "tst_diff_lstm.moc"
