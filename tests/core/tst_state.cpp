// Model state kept between calls: resource variables (VAR_HANDLE,
// READ_VARIABLE, ASSIGN_VARIABLE, CALL_ONCE initialisers), the state pool,
// <name>_reset and streaming over many calls, against tflm_ref --steps.
//
// The models are written with the TFLite schema directly: Ember's builder
// writes one subgraph, and CALL_ONCE needs a second.
#include <QtTest>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "DiffTflm.h"
#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/import/TfliteImporter.h"
#include "core/plan/Planner.h"
#include "core/reference/Executor.h"
#include "core/validate/HostRunner.h"
#include "tflite_generated.h"

using namespace ember;
using namespace ember::test;
namespace fs = std::filesystem;

namespace {

struct AccumulatorModel {
    DType dtype = DType::Float32;
    int n = 6;
    bool callOnce = true;      // initialise the variable from a constant
    float scale = 0.05f;       // int8 only
    int zeroPoint = 3;         // int8 only: the variable's start-up byte without CALL_ONCE
};

// acc = READ(v) + x; ASSIGN(v, acc); output acc. With CALL_ONCE the
// variable starts at 1..n, else at TFLM's default (the zero point).
std::vector<uint8_t> writeAccumulator(const AccumulatorModel &m) {
    using namespace tflite;
    flatbuffers::FlatBufferBuilder fb;
    const bool q = m.dtype == DType::Int8;
    const TensorType tt = q ? TensorType::INT8 : TensorType::FLOAT32;
    std::vector<flatbuffers::Offset<Buffer>> buffers{CreateBuffer(fb)};
    auto quant = [&]() -> flatbuffers::Offset<QuantizationParameters> {
        if (!q) return 0;
        return CreateQuantizationParameters(fb, 0, 0, fb.CreateVector(std::vector<float>{m.scale}),
                                            fb.CreateVector(std::vector<int64_t>{m.zeroPoint}));
    };
    std::vector<int32_t> shape{1, m.n};
    auto tensor = [&](const char *name, TensorType type, uint32_t buffer, bool quantized = true) {
        return CreateTensor(fb, fb.CreateVector(type == TensorType::RESOURCE ? std::vector<int32_t>{} : shape), type,
                            buffer, fb.CreateString(name), quantized ? quant() : 0);
    };
    std::vector<flatbuffers::Offset<OperatorCode>> codes;
    auto code = [&](BuiltinOperator op) {
        codes.push_back(CreateOperatorCode(fb, int8_t(std::min<int>(int(op), 127)), 0, 1, op));
        return uint32_t(codes.size() - 1);
    };
    const uint32_t cVar = code(BuiltinOperator::VAR_HANDLE), cRead = code(BuiltinOperator::READ_VARIABLE),
                   cAssign = code(BuiltinOperator::ASSIGN_VARIABLE), cAdd = code(BuiltinOperator::ADD),
                   cOnce = code(BuiltinOperator::CALL_ONCE);
    auto varHandle = [&](int out) {
        return CreateOperator(fb, cVar, fb.CreateVector(std::vector<int32_t>{}), fb.CreateVector(std::vector<int32_t>{out}),
                              BuiltinOptions::VarHandleOptions,
                              CreateVarHandleOptions(fb, fb.CreateString(""), fb.CreateString("acc")).Union());
    };
    std::vector<flatbuffers::Offset<SubGraph>> subgraphs;
    {   // main: 0 x, 1 handle, 2 prev, 3 sum
        std::vector<flatbuffers::Offset<tflite::Tensor>> ts{tensor("x", tt, 0), tensor("acc_handle", TensorType::RESOURCE, 0, false),
                                                    tensor("prev", tt, 0), tensor("sum", tt, 0)};
        std::vector<flatbuffers::Offset<tflite::Operator>> ops;
        if (m.callOnce)
            ops.push_back(CreateOperator(fb, cOnce, fb.CreateVector(std::vector<int32_t>{}),
                                         fb.CreateVector(std::vector<int32_t>{}), BuiltinOptions::CallOnceOptions,
                                         CreateCallOnceOptions(fb, 1).Union()));
        ops.push_back(varHandle(1));
        ops.push_back(CreateOperator(fb, cRead, fb.CreateVector(std::vector<int32_t>{1}), fb.CreateVector(std::vector<int32_t>{2})));
        ops.push_back(CreateOperator(fb, cAdd, fb.CreateVector(std::vector<int32_t>{2, 0}), fb.CreateVector(std::vector<int32_t>{3}),
                                     BuiltinOptions::AddOptions, CreateAddOptions(fb).Union()));
        ops.push_back(CreateOperator(fb, cAssign, fb.CreateVector(std::vector<int32_t>{1, 3}), fb.CreateVector(std::vector<int32_t>{})));
        subgraphs.push_back(CreateSubGraph(fb, fb.CreateVector(ts), fb.CreateVector(std::vector<int32_t>{0}),
                                           fb.CreateVector(std::vector<int32_t>{3}), fb.CreateVector(ops),
                                           fb.CreateString("main")));
    }
    if (m.callOnce) {  // init: 0 handle, 1 const 1..n
        std::vector<uint8_t> init;
        for (int i = 0; i < m.n; ++i) {
            if (q) {
                init.push_back(uint8_t(int8_t(m.zeroPoint + 10 * (i + 1))));
            } else {
                const float f = float(i + 1);
                const auto *b = reinterpret_cast<const uint8_t *>(&f);
                init.insert(init.end(), b, b + 4);
            }
        }
        buffers.push_back(CreateBuffer(fb, fb.CreateVector(init)));
        std::vector<flatbuffers::Offset<tflite::Tensor>> ts{tensor("init_handle", TensorType::RESOURCE, 0, false),
                                                    tensor("init_value", tt, uint32_t(buffers.size() - 1))};
        std::vector<flatbuffers::Offset<tflite::Operator>> ops{
            varHandle(0),
            CreateOperator(fb, cAssign, fb.CreateVector(std::vector<int32_t>{0, 1}), fb.CreateVector(std::vector<int32_t>{}))};
        subgraphs.push_back(CreateSubGraph(fb, fb.CreateVector(ts), fb.CreateVector(std::vector<int32_t>{}),
                                           fb.CreateVector(std::vector<int32_t>{}), fb.CreateVector(ops),
                                           fb.CreateString("init")));
    }
    fb.Finish(CreateModel(fb, 3, fb.CreateVector(codes), fb.CreateVector(subgraphs), fb.CreateString("state test"),
                          fb.CreateVector(buffers)),
              ModelIdentifier());
    return {fb.GetBufferPointer(), fb.GetBufferPointer() + fb.GetSize()};
}

std::vector<uint8_t> readBytes(const fs::path &p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// Small inputs so that float sums stay exact and int8 sums stay in range for
// a few steps and saturate later.
std::vector<std::vector<uint8_t>> stepInputs(const Tensor &x, int steps, uint64_t seed) {
    std::vector<std::vector<uint8_t>> r;
    DiffRng rng(seed);
    for (int s = 0; s < steps; ++s) {
        std::vector<uint8_t> b;
        for (int64_t i = 0; i < x.elements(); ++i) {
            if (x.dtype == DType::Int8) {
                b.push_back(uint8_t(int8_t(rng.range(-20, 20))));
            } else {
                const float f = float(rng.range(-8, 8)) * 0.25f;
                const auto *p = reinterpret_cast<const uint8_t *>(&f);
                b.insert(b.end(), p, p + 4);
            }
        }
        r.push_back(b);
    }
    return r;
}

}  // namespace

class TstState : public QObject {
    Q_OBJECT

    fs::path dir_;

    // tflm_ref cannot run resource variables (it gives the interpreter no
    // ResourceVariables: VAR_HANDLE fails to prepare), so the oracle is the
    // stateless step: TFLM's ADD(previous sum, x), one tflm_ref run per call,
    // fed back by the test. The start-up value is TFLM's (CALL_ONCE constant,
    // else the assigned value's zero point, 0 for float).
    std::vector<std::vector<uint8_t>> expectedSums(const AccumulatorModel &m, const Graph &imported,
                                                   const std::vector<std::vector<uint8_t>> &ins, const fs::path &d) {
        Graph add;
        add.name = "add";
        const Tensor &x = imported.tensors[size_t(imported.inputs[0])];
        const int a = addTensor(add, "prev", x.dtype, x.shape, x.quant), b = addTensor(add, "x", x.dtype, x.shape, x.quant),
                  o = addTensor(add, "sum", x.dtype, x.shape, x.quant);
        addOp(add, OpType::Add, {a, b}, {o});
        setIO(add, {a, b}, {o});
        const auto bytes = writeTflite(add);
        std::ofstream(d / "add.tflite", std::ios::binary)
            .write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
        std::vector<uint8_t> prev;
        for (const Tensor &t : imported.tensors)
            if (t.isVariable) prev = t.data;
        if (!m.callOnce) {  // independent of the importer: TFLM's rule
            const uint8_t fill = m.dtype == DType::Int8 ? uint8_t(int8_t(m.zeroPoint)) : 0;
            prev.assign(x.bytes(), fill);
        }
        std::vector<std::vector<uint8_t>> sums;
        for (size_t s = 0; s < ins.size(); ++s) {
            const fs::path pa = d / "prev.bin", pb = d / "x.bin", out = d / ("tflm" + std::to_string(s));
            std::ofstream(pa, std::ios::binary).write(reinterpret_cast<const char *>(prev.data()), std::streamsize(prev.size()));
            std::ofstream(pb, std::ios::binary)
                .write(reinterpret_cast<const char *>(ins[s].data()), std::streamsize(ins[s].size()));
            std::string log;
            if (runProcess({tflmRefPath(), (d / "add.tflite").string(), "--input", pa.string(), pb.string(),
                            "--output-dir", out.string()},
                           &log, 60) != 0)
                return {};
            prev = readBytes(out / "output0.bin");
            sums.push_back(prev);
        }
        return sums;
    }

    // The model through Ember's reference session and the generated C (one
    // process, consecutive calls) in the given mode, call by call against
    // the oracle; then reset.
    void checkStreaming(const AccumulatorModel &m, const std::vector<std::string> &flags, const QString &tag) {
        if (tflmRefPath().empty()) QSKIP("tflm_ref is missing");
        const fs::path d = dir_ / tag.toStdString();
        fs::create_directories(d);
        const fs::path model = d / "acc.tflite";
        {
            const auto bytes = writeAccumulator(m);
            std::ofstream(model, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()),
                                                         std::streamsize(bytes.size()));
        }
        auto g = loadModel(model.string());
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        const int steps = 20;
        const auto ins = stepInputs(g->tensors[size_t(g->inputs[0])], steps, 7);
        const auto want = expectedSums(m, g.value(), ins, d);
        QCOMPARE(int(want.size()), steps);

        ReferenceSession session(g.value());
        CompileOptions opts;
        std::vector<std::string> rest;
        Diagnostics pd;
        QVERIFY2(parseCompileArgs(flags, opts, rest, pd), pd.format().c_str());
        auto pkg = compile(g.value(), opts);
        QVERIFY2(pkg.ok(), pkg.diagnostics().format().c_str());
        auto prog = HostProgram::build(pkg.value(), g.value());
        QVERIFY2(prog.ok(), prog.diagnostics().format().c_str());
        std::vector<std::vector<std::vector<uint8_t>>> stepIns;
        for (const auto &in : ins) stepIns.push_back({in});
        auto c = prog->runSteps(stepIns);
        QVERIFY2(c.ok(), c.diagnostics().format().c_str());
        std::vector<uint8_t> first;
        for (int s = 0; s < steps; ++s) {
            auto got = session.run({ins[size_t(s)]});
            QVERIFY2(got.ok(), got.diagnostics().format().c_str());
            QVERIFY2(got->at(0) == want[size_t(s)],
                     qPrintable(tag + QString(": reference executor differs at call %1").arg(s)));
            QVERIFY2(c->at(size_t(s)).at(0) == want[size_t(s)],
                     qPrintable(tag + QString(": generated C differs at call %1").arg(s)));
            if (s == 0) first = want[0];
        }
        session.reset();
        auto again = session.run({ins[0]});
        QVERIFY(again.ok());
        QCOMPARE(again->at(0), first);
    }

private slots:
    void initTestCase() {
        dir_ = fs::temp_directory_path() / ("ember-tst-state-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void cleanupTestCase() {
        if (!qEnvironmentVariableIsSet("EMBER_KEEP_DIFF")) fs::remove_all(dir_);
    }

    void importResolvesVariables() {
        AccumulatorModel m;
        const auto bytes = writeAccumulator(m);
        auto g = importTfliteBuffer(bytes.data(), bytes.size(), "acc.tflite");
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        int vars = 0;
        for (const Tensor &t : g->tensors)
            if (t.isVariable) {
                ++vars;
                QCOMPARE(t.name, std::string("acc"));
                QCOMPARE(t.data.size(), size_t(4 * m.n));  // the CALL_ONCE value
            }
        QCOMPARE(vars, 1);
        for (const Op &op : g->ops) {
            QVERIFY(op.type != OpType::VarHandle);
            QVERIFY(op.type != OpType::CallOnce);
        }
    }

    void planPutsStateInItsPool() {
        AccumulatorModel m;
        const auto bytes = writeAccumulator(m);
        const fs::path p = dir_ / "plan.tflite";
        std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
        auto g = loadModel(p.string());
        QVERIFY(g.ok());
        auto plan = planMemory(g.value(), PlanRequest{});
        QVERIFY2(plan.ok(), plan.diagnostics().format().c_str());
        QCOMPARE(plan->pools.size(), size_t(2));
        QCOMPARE(plan->pools[1].name, std::string(kStatePoolName));
        bool found = false;
        for (const PlannedBuffer &b : plan->buffers)
            if (b.name == "acc") {
                found = true;
                QCOMPARE(b.pool, 1);
                QCOMPARE(b.first, 0);
                QCOMPARE(b.last, plan->steps - 1);
            } else {
                QCOMPARE(b.pool, 0);
            }
        QVERIFY(found);
        PlanRequest bad;
        bad.pins["acc"] = "workspace";
        QVERIFY(!planMemory(g.value(), bad).ok());
    }

    void streaming_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("callOnce");
        QTest::addColumn<QString>("flags");
        // Each start-up rule in the default mode; every way of placing the
        // state pool on the int8 model without CALL_ONCE.
        for (DType t : {DType::Float32, DType::Int8})
            for (bool once : {true, false})
                for (const char *f : {"", "--app-pools", "--interface-api packed --app-pools", "--operators packed",
                                      "--pool workspace:0 --pool state:0:section=.noinit"}) {
                    if (*f && (t != DType::Int8 || once)) continue;
                    const QString tag = QString("%1%2 [%3]").arg(dtypeName(t)).arg(once ? " call_once" : "").arg(f);
                    QTest::newRow(qPrintable(tag)) << int(t) << once << QString(f);
                }
    }
    void streaming() {
        QFETCH(int, dtype);
        QFETCH(bool, callOnce);
        QFETCH(QString, flags);
        AccumulatorModel m;
        m.dtype = DType(dtype);
        m.callOnce = callOnce;
        std::vector<std::string> f;
        for (const QString &s : flags.split(' ', Qt::SkipEmptyParts)) f.push_back(s.toStdString());
        QString tag = QTest::currentDataTag();
        tag.replace(QRegularExpression("[^A-Za-z0-9_]"), "_");
        checkStreaming(m, f, tag);
    }

    // _reset puts the state back: the call after it equals the first call.
    void generatedReset() {
        AccumulatorModel m;
        const auto bytes = writeAccumulator(m);
        const fs::path d = dir_ / "reset";
        fs::create_directories(d);
        std::ofstream(d / "acc.tflite", std::ios::binary)
            .write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
        auto g = loadModel((d / "acc.tflite").string());
        QVERIFY(g.ok());
        CompileOptions opts;
        opts.name = "acc";
        auto pkg = compile(g.value(), opts);
        QVERIFY(pkg.ok());
        QVERIFY(pkg->file("include/acc/acc.h")->find("void acc_reset(void);") != std::string::npos);
        QVERIFY(pkg->file("include/acc/acc.h")->find("#define ACC_STATE_BYTES") != std::string::npos);
        QVERIFY(pkg->file("metadata.json")->find("\"state\"") != std::string::npos);
        Diagnostics wd;
        QVERIFY(pkg->writeTo((d / "pkg").string(), wd));
        std::ofstream(d / "main.c") << "#include <stdio.h>\n#include \"acc/acc.h\"\n"
                                       "int main(void)\n{\n"
                                       "    float x[6] = {1, 2, 3, 4, 5, 6}, y[3][6];\n"
                                       "    struct acc_inputs in = {x};\n    struct acc_outputs out;\n    int k, i;\n"
                                       "    for (k = 0; k < 3; ++k) {\n        if (k == 2) acc_reset();\n"
                                       "        out.sum = y[k];\n        if (acc_run(&in, &out)) return 1;\n    }\n"
                                       "    for (i = 0; i < 6; ++i)\n"
                                       "        if (y[2][i] != y[0][i] || y[1][i] == y[0][i]) return 2;\n"
                                       "    return y[0][0] == 2.0f ? 0 : 3;\n}\n";
        std::vector<std::string> cmd = {"cc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                        "-I" + (d / "pkg" / "include").string()};
        for (const auto &e : fs::directory_iterator(d / "pkg" / "src")) cmd.push_back(e.path().string());
        cmd.insert(cmd.end(), {(d / "main.c").string(), "-o", (d / "run").string(), "-lm"});
        std::string log;
        QVERIFY2(runProcess(cmd, &log, 120) == 0, log.c_str());
        QCOMPARE(runProcess({(d / "run").string()}, &log, 60), 0);
    }
};

QTEST_GUILESS_MAIN(TstState)
#include "tst_state.moc"
