// The RPC function server on the emulated boards, through the C++ client:
// KWS (and IC) on qemu-mps2-an386 and qemu-mps3-an547 — set input / run /
// get output bit-exact with the goldens, every layer called by name on the
// host reference's inputs equals the host reference's output, cycles,
// reset — and a fuzz loop of 10,000 malformed frames the server answers
// with error replies and survives. One QEMU boot per board.
#include <QtTest>
#include <random>

#include "TestUtil.h"
#include "core/Compiler.h"
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

    // Every layer by name, on the host reference's inputs: equals its output.
    Result<Graph> g = loadModel(test::modelPath(modelRel));
    QVERIFY(g.ok());
    Result<Buffers> ref = runReferenceAll(*g, {golden(stem, "case0.input0.bin")});
    QVERIFY(ref.ok());
    size_t checked = 0;
    for (size_t f = 1; f < m.functions().size(); ++f) {
        const rpc::FunctionInfo &fn = m.functions()[f];
        for (const rpc::ArgInfo &a : fn.args)
            if (a.role == 0) {
                Diagnostics d = m.writeTensor(a.tensor, (*ref)[size_t(a.tensor)]);
                QVERIFY2(d.ok(), d.format().c_str());
            }
        Result<rpc::CallResult> r = m.call(fn.name);
        QVERIFY2(r.ok(), r.diagnostics().format().c_str());
        for (const rpc::ArgInfo &a : fn.args)
            if (a.role == 1) {
                Result<std::vector<uint8_t>> got = m.readTensor(a.tensor);
                QVERIFY(got.ok());
                if (*got != (*ref)[size_t(a.tensor)]) QFAIL(qPrintable(QString::fromStdString(fn.name + " output " + a.name + " differs from the host")));
                ++checked;
            }
    }
    QVERIFY(checked >= m.functions().size() - 1);
    qInfo("%s: %d golden cases bit-exact, %zu layers called by name equal the host reference", stem.c_str(), cases,
          m.functions().size() - 1);
}

std::vector<uint8_t> le16(uint32_t v) { return {uint8_t(v), uint8_t(v >> 8)}; }
std::vector<uint8_t> le32(uint32_t v) { return {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)}; }
std::vector<uint8_t> cat(std::vector<uint8_t> a, const std::vector<uint8_t> &b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// `frames` malformed or hostile frames; each must get exactly one reply with
// the expected status (any status for random payloads), and the server must
// still serve afterwards.
void fuzz(rpc::Module &m, int frames, int timeoutFrames) {
    rpc::Client &c = m.client();
    std::mt19937 rng(20261130);
    auto byte = [&] { return uint8_t(rng() & 0xFF); };
    auto randomBytes = [&](size_t n) {
        std::vector<uint8_t> v(n);
        for (uint8_t &b : v) b = byte();
        return v;
    };
    const uint32_t buffers = uint32_t(m.buffers().size());
    std::map<std::string, int> counts;
    int timeouts = 0;
    for (int i = 0; i < frames; ++i) {
        const uint8_t seq = uint8_t(i);
        int expect = -1;  // -1: any status
        std::vector<uint8_t> bytes;
        std::string kind;
        switch (i % 10) {
        case 0:
            kind = "unknown command";
            bytes = rpc::Client::frame(seq, uint8_t(0x0B + rng() % 0x74), randomBytes(rng() % 64));
            expect = rpc::UnknownCommand;
            break;
        case 1: {
            kind = "random payload";
            static const uint8_t cmds[] = {rpc::cmd::FuncInfo, rpc::cmd::BufInfo, rpc::cmd::Read, rpc::cmd::Call, rpc::cmd::Cycles, rpc::cmd::Hello};
            bytes = rpc::Client::frame(seq, cmds[rng() % 6], randomBytes(rng() % 200));
            break;
        }
        case 2: {
            kind = "bad checksum";
            bytes = rpc::Client::frame(seq, rpc::cmd::Ping, randomBytes(rng() % 100));
            bytes[bytes.size() - 1 - rng() % 4] ^= uint8_t(1 + rng() % 255);
            expect = rpc::BadCrc;
            break;
        }
        case 3:
            kind = "oversized";
            bytes = {rpc::kMagic0, rpc::kMagic1, seq, rpc::cmd::Write};
            bytes = cat(bytes, le16(uint32_t(rpc::kMaxPayload + 1 + rng() % 60000)));
            expect = rpc::TooLong;
            break;
        case 4: {
            kind = "unknown function";
            std::string name = "no_such_fn_" + std::to_string(rng());
            std::vector<uint8_t> q{uint8_t(name.size())};
            q.insert(q.end(), name.begin(), name.end());
            q.push_back(0);
            bytes = rpc::Client::frame(seq, rpc::cmd::Call, q);
            expect = rpc::UnknownFunction;
            break;
        }
        case 5: {
            kind = "read past the end";
            const uint32_t b = rng() % buffers;
            const uint32_t size = m.buffers()[b].info.bytes;
            bytes = rpc::Client::frame(seq, rpc::cmd::Read, cat(cat(le16(b), le32(size - rng() % 4)), le16(8 + rng() % 4000)));
            expect = rpc::OutOfRange;
            break;
        }
        case 6: {
            kind = "write past the end";
            const uint32_t b = rng() % buffers;
            const uint32_t size = m.buffers()[b].info.bytes;
            bytes = rpc::Client::frame(seq, rpc::cmd::Write, cat(cat(le16(b), le32(size + rng() % 100)), randomBytes(1 + rng() % 64)));
            expect = rpc::OutOfRange;
            break;
        }
        case 7: {
            kind = "unknown buffer";
            bytes = rpc::Client::frame(seq, rpc::cmd::Read, cat(cat(le16(buffers + rng() % 1000), le32(0)), le16(4)));
            expect = rpc::UnknownBuffer;
            break;
        }
        case 8: {
            // Truncated, then line noise (zeros) that completes it: a checksum error.
            kind = "truncated + noise";
            std::vector<uint8_t> f = rpc::Client::frame(seq, rpc::cmd::Ping, randomBytes(1 + rng() % 300));
            f.resize(2 + rng() % (f.size() - 2));
            if (f.size() < 6) f.resize(6, 0);  // a length field of its own, else the noise is the length
            const size_t len = size_t(f[4]) | size_t(f[5]) << 8;
            bytes = cat(f, std::vector<uint8_t>(len + 10, 0));
            expect = len > rpc::kMaxPayload ? rpc::TooLong : rpc::BadCrc;
            if (len <= rpc::kMaxPayload && f.size() > 6) {
                // The zeros may by chance complete the frame with its own checksum: not with random payload bytes.
            }
            break;
        }
        default: {
            // Garbage with no frame start: silently dropped; a ping follows.
            kind = "garbage";
            std::vector<uint8_t> g = randomBytes(1 + rng() % 100);
            for (uint8_t &b : g)
                if (b == rpc::kMagic0) b = 0;
            bytes = cat(g, rpc::Client::frame(seq, rpc::cmd::Ping, {1, 2, 3}));
            expect = rpc::Ok;
            break;
        }
        }
        ++counts[kind];
        QVERIFY(c.sendRaw(bytes));
        rpc::Reply r;
        if (!c.readReply(r, 10000)) QFAIL(qPrintable(QString("no reply to fuzz frame %1 (%2)").arg(i).arg(kind.c_str())));
        if (kind != "truncated + noise" || bytes.size() > 6) QCOMPARE(int(r.seq), int(seq));
        if (expect >= 0 && int(r.status) != expect)
            QFAIL(qPrintable(QString("fuzz frame %1 (%2): status %3, expected %4").arg(i).arg(kind.c_str()).arg(r.status).arg(expect)));
    }
    // Frames that stop arriving: answered after the server's timeout.
    for (int i = 0; i < timeoutFrames; ++i) {
        std::vector<uint8_t> f = rpc::Client::frame(uint8_t(200 + i), rpc::cmd::Ping, randomBytes(20));
        f.resize(3 + rng() % 20);
        QVERIFY(c.sendRaw(f));
        rpc::Reply r;
        QVERIFY(c.readReply(r, 10000));
        QCOMPARE(int(r.status), int(rpc::Truncated));
        ++timeouts;
    }
    Result<rpc::Hello> h = c.hello();
    QVERIFY2(h.ok(), h.diagnostics().format().c_str());
    QString summary;
    for (const auto &[k, n] : counts) summary += QString(" %1 %2,").arg(n).arg(k.c_str());
    qInfo("fuzz: %d frames (%s %d truncated with timeout): every one answered, server up", frames + timeoutFrames,
          qPrintable(summary), timeouts);
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

    fuzz(mod, 10000, 8);
    if (QTest::currentTestFailed()) return;
    // Still serving, still right.
    checkModel(mod, "mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 1);
    qInfo("kws on qemu-mps2-an386: %lld ms in all", t.elapsed());
}

void TestRpc::kws_an547() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-mps3-an547", test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    checkModel(**m, "mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 3);
    if (QTest::currentTestFailed()) return;
    fuzz(**m, 1000, 2);
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
    f = generateFirmwareProject(*pa, cat->find("nucleo-f446re").value(), fo);
    QVERIFY(!f.ok());
    QVERIFY(f.diagnostics().format().find("rpc_uart") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestRpc)
#include "tst_rpc.moc"
