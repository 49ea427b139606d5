// The RPC function server on the emulated boards, through the C++ client:
// KWS (and IC) on qemu-mps2-an386 and qemu-mps3-an547 — set input / run /
// get output bit-exact with the goldens, every layer called by name equals
// the host reference's output, cycles, reset, explicit tensor ids. One QEMU
// boot per board and model (the fuzz loop is tst_rpcfuzz).
#include <QtTest>

#include "TestUtil.h"
#include <QTemporaryDir>

#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/reference/Executor.h"
#include "flashers/RpcClient.h"
#include "flashers/ToolProcess.h"

using namespace ember;

class TestRpc : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kws_an386();
    void kws_an547();
    void ic_an386();
    void kws_netduinoplus2();
    void statefulPackedReset();
    void layerSlotsReset();
    void refusals();
};

namespace {

std::vector<uint8_t> golden(const std::string &stem, const std::string &file) {
    std::vector<uint8_t> b;
    test::readFile(test::sharedDir() + "/models/golden/" + stem + "/" + file, &b);
    return b;
}

// Bit-exact with the goldens for `cases` cases, then every layer on its own.
void checkModel(rpc::Module &m, const std::string &modelRel, const std::string &stem, int cases) {
    for (int k = 0; k < cases; ++k) {
        const std::string c = "case" + std::to_string(k);
        const std::vector<uint8_t> in = golden(stem, c + ".input0.bin"), want = golden(stem, c + ".output0.bin");
        QVERIFY(!in.empty() && !want.empty());
        Diagnostics d = m.setInput(0, in);
        QVERIFY2(d.ok(), d.format().c_str());
        Result<rpc::CallResult> r = m.run();
        QVERIFY2(r.ok(), r.diagnostics().format().c_str());
        QVERIFY(r->ticks > 0);
        Result<std::vector<uint8_t>> out = m.getOutput(0);
        QVERIFY2(out.ok(), out.diagnostics().format().c_str());
        QCOMPARE(*out, want);
    }
    Result<rpc::Cycles> cyc = m.cycles();
    QVERIFY2(cyc.ok(), cyc.diagnostics().format().c_str());
    QCOMPARE(cyc->layers.size(), m.functions().size() - 1);
    for (uint32_t t : cyc->layers) QVERIFY(t > 0);

    // Every layer by name, one call each, from the model's input on: each
    // output equals the host reference executor's (CRC-32 on the board).
    Result<Graph> g = loadModel(test::modelPath(modelRel));
    QVERIFY(g.ok());
    Result<Buffers> ref = runReferenceAll(*g, {golden(stem, "case0.input0.bin")});
    QVERIFY(ref.ok());
    QVERIFY(m.setInput(0, golden(stem, "case0.input0.bin")).ok());
    size_t checked = 0;
    for (size_t f = 1; f < m.functions().size(); ++f) {
        const rpc::FunctionInfo &fn = m.functions()[f];
        Result<rpc::CallResult> r = m.call(fn.name);
        QVERIFY2(r.ok(), r.diagnostics().format().c_str());
        for (const rpc::ArgInfo &a : fn.args)
            if (a.role == 1) {
                Result<bool> same = m.tensorEquals(a.tensor, (*ref)[size_t(a.tensor)]);
                QVERIFY2(same.ok(), same.diagnostics().format().c_str());
                if (!*same) QFAIL(qPrintable(QString::fromStdString(fn.name + " output " + a.name + " differs from the host")));
                ++checked;
            }
    }
    // And one layer on the host's own input tensors, uploaded: the last one.
    const rpc::FunctionInfo &last = m.functions().back();
    for (const rpc::ArgInfo &a : last.args)
        if (a.role == 0) QVERIFY(m.writeTensor(a.tensor, (*ref)[size_t(a.tensor)]).ok());
    QVERIFY(m.call(last.name).ok());
    for (const rpc::ArgInfo &a : last.args)
        if (a.role == 1) QCOMPARE(*m.readTensor(a.tensor), (*ref)[size_t(a.tensor)]);
    QVERIFY(checked >= m.functions().size() - 1);
    qInfo("%s: %d golden cases bit-exact, %zu layers called by name equal the host reference", stem.c_str(), cases,
          m.functions().size() - 1);
}

// A float SVDF (its activation state carries over between runs) written to `path`.
bool writeSvdfModel(const std::string &path) {
    Graph g;
    g.name = "svdf_state";
    OpAttrs at;
    at.svdfRank = 1;
    auto floats = [](size_t n, float step) {
        std::vector<float> v(n);
        for (size_t i = 0; i < n; ++i) v[i] = step * float(int(i % 7) - 3);
        return test::bytesOf(v);
    };
    const int x = test::addTensor(g, "x", DType::Float32, {1, 4});
    const int wf = test::addTensor(g, "wf", DType::Float32, {2, 4}, {}, floats(8, 0.25f));
    const int wt = test::addTensor(g, "wt", DType::Float32, {2, 3}, {}, floats(6, 0.5f));
    const int bias = test::addTensor(g, "bias", DType::Float32, {2}, {}, floats(2, 0.f));  // TFLM needs one
    const int st = test::addTensor(g, "state", DType::Float32, {1, 6});
    const int y = test::addTensor(g, "y", DType::Float32, {1, 2});
    g.tensors[size_t(st)].isVariable = true;
    test::addOp(g, OpType::Svdf, {x, wf, wt, bias, st}, {y}, at);
    test::setIO(g, {x}, {y});
    const std::vector<uint8_t> bytes = writeTflite(g);
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::WriteOnly) &&
           f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) == qint64(bytes.size());
}

}  // namespace

void TestRpc::initTestCase() {
    for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm"})
        if (findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
}

void TestRpc::kws_an386() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-mps2-an386", test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    qInfo("built and booted in %lld ms", t.elapsed());
    rpc::Module &mod = **m;
    QCOMPARE(mod.info().model, std::string("kws_ref_model"));
    QCOMPARE(mod.inputs().size(), size_t(1));
    checkModel(mod, "mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 3);
    if (QTest::currentTestFailed()) return;

    // reset: every tensor slot back to zero.
    QVERIFY(mod.reset().ok());
    Result<std::vector<uint8_t>> zero = mod.getOutput(0);
    QVERIFY(zero.ok());
    QCOMPARE(*zero, std::vector<uint8_t>(zero->size(), 0));
    // A function called with explicit tensor ids: the entrypoint's own.
    std::vector<int32_t> ids;
    for (const rpc::ArgInfo &a : mod.functions()[0].args) ids.push_back(a.tensor);
    QVERIFY(mod.setInput(0, golden("kws_ref_model", "case1.input0.bin")).ok());
    Result<rpc::CallResult> r = mod.call(mod.functions()[0].name, ids);
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    QCOMPARE(*mod.getOutput(0), golden("kws_ref_model", "case1.output0.bin"));

    qInfo("kws on qemu-mps2-an386: %lld ms in all", t.elapsed());
}

void TestRpc::kws_an547() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-mps3-an547", test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    checkModel(**m, "mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 3);
    qInfo("kws on qemu-mps3-an547: %lld ms in all", t.elapsed());
}

void TestRpc::ic_an386() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-mps2-an386", test::modelPath("mlperf_tiny/ic/pretrainedResnet_quant.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    checkModel(**m, "mlperf_tiny/ic/pretrainedResnet_quant.tflite", "pretrainedResnet_quant", 1);
    qInfo("ic on qemu-mps2-an386: %lld ms in all", t.elapsed());
}

// The STM32 F4 USART driver (stm32-usart-v1, flashers/UartDriver.cpp) for
// real: QEMU's netduinoplus2 (STM32F405) wires USART1 to -serial. KWS fits
// its 128 KB SRAM (the RPC arena, the model's workspace, the stack).
void TestRpc::kws_netduinoplus2() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-netduinoplus2", test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    QCOMPARE((*m)->info().model, std::string("kws_ref_model"));
    checkModel(**m, "mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 2);
    qInfo("kws on qemu-netduinoplus2 (STM32 F4 USART driver): %lld ms in all", t.elapsed());
}

// A stateful model (float SVDF: its activation state carries over between
// runs) with --interface-api packed: RESET puts the state back, so the run
// after it equals the first run.
void TestRpc::statefulPackedReset() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/svdf_state.tflite";
    QVERIFY(writeSvdfModel(path));
    const std::vector<uint8_t> in = test::bytesOf(std::vector<float>{1.f, -0.5f, 0.25f, 2.f});

    rpc::ServeOptions so;
    so.compile.interfaceApi = InterfaceApi::Packed;
    Result<std::unique_ptr<rpc::Module>> m = rpc::Module::connect("qemu-mps2-an386", path, so);
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    rpc::Module &mod = **m;
    auto runOnce = [&] {
        Result<rpc::CallResult> r = mod.run();
        if (!r.ok() || r->rc != 0) return std::vector<uint8_t>();
        Result<std::vector<uint8_t>> out = mod.getOutput(0);
        return out.ok() ? *out : std::vector<uint8_t>();
    };
    QVERIFY(mod.setInput(0, in).ok());
    const std::vector<uint8_t> first = runOnce(), second = runOnce();
    QVERIFY(!first.empty());
    QVERIFY2(second != first, "the state did not carry over between runs");
    QVERIFY(mod.reset().ok());
    QVERIFY(mod.setInput(0, in).ok());
    QCOMPARE(runOnce(), first);
}

// Layer by layer, a variable lives in the server's slot for it, not in the
// state pool. RESET must give it the value NAME_reset gives the pool's copy
// (an int8 SVDF state starts at its zero point, not at 0). Then every layer
// called in order on the host's input equals the host's first call.
void TestRpc::layerSlotsReset() {
    const std::string path = test::modelPath("tflite_micro/models/keyword_scrambled_8bit.tflite");
    Result<Graph> g = loadModel(path);
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    Result<std::unique_ptr<rpc::Module>> m = rpc::Module::connect("qemu-mps2-an386", path);
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    rpc::Module &mod = **m;
    const std::vector<uint8_t> in = golden("keyword_scrambled_8bit", "case0.input0.bin");
    QVERIFY(!in.empty());
    Result<Buffers> ref = runReferenceAll(*g, {in});
    QVERIFY2(ref.ok(), ref.diagnostics().format().c_str());
    auto startValue = [&](int t) {
        const Tensor &x = g->tensors[size_t(t)];
        return x.data.size() == x.bytes() ? x.data : std::vector<uint8_t>(x.bytes(), variableResetByte(x));
    };
    for (int round = 0; round < 2; ++round) {
        QVERIFY(mod.reset().ok());
        size_t variables = 0, nonzero = 0;
        for (const rpc::FunctionInfo &fn : mod.functions())
            for (const rpc::ArgInfo &a : fn.args) {
                if (a.tensor < 0 || !g->tensors[size_t(a.tensor)].isVariable) continue;
                const std::vector<uint8_t> want = startValue(a.tensor);
                QCOMPARE(*mod.readTensor(a.tensor), want);
                ++variables;
                nonzero += std::any_of(want.begin(), want.end(), [](uint8_t b) { return b != 0; });
            }
        QVERIFY(variables >= 7);
        QVERIFY2(nonzero >= 1, "no variable starts at a nonzero value: the test would not see a zeroing reset");
        // Every layer in order on the host's input: each output equals the
        // host's (the LSTM's reads the state RESET put back).
        QVERIFY(mod.setInput(0, in).ok());
        for (size_t f = 1; f < mod.functions().size(); ++f) {
            const rpc::FunctionInfo &fn = mod.functions()[f];
            QVERIFY(mod.call(fn.name).ok());
            for (const rpc::ArgInfo &a : fn.args)
                if (a.role == 1 && !g->tensors[size_t(a.tensor)].isVariable)
                    QVERIFY2(*mod.tensorEquals(a.tensor, (*ref)[size_t(a.tensor)]),
                             qPrintable(QString::fromStdString(fn.name + " output " + a.name + " differs from the host")));
        }
    }
}

void TestRpc::refusals() {
    // Firmware without the function table, and a board with no RPC UART.
    Result<Graph> g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY(g.ok());
    Result<Artifacts> a = compile(*g, CompileOptions{});
    QVERIFY(a.ok());
    Result<BoardCatalog> cat = BoardCatalog::load();
    FirmwareOptions fo;
    fo.rpcServer = true;
    Result<FileList> f = generateFirmwareProject(*a, cat->find("qemu-mps2-an386").value(), fo);
    QVERIFY(!f.ok());
    QVERIFY(f.diagnostics().format().find("--packed-wrappers") != std::string::npos);
    CompileOptions co;
    co.packedWrappers = true;
    Result<Artifacts> pa = compile(*g, co);
    QVERIFY(pa.ok());
    Board noUart = cat->find("nucleo-f446re").value();
    noUart.id = "my-board";
    noUart.rpcUart = UartConfig{};
    f = generateFirmwareProject(*pa, noUart, fo);
    QVERIFY(!f.ok());
    QVERIFY(f.diagnostics().format().find("rpc_uart") != std::string::npos);
    QVERIFY(f.diagnostics().format().find("my-board") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestRpc)
#include "tst_rpc.moc"
