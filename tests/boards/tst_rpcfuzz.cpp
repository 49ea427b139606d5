// Protocol robustness of the RPC function server on the emulated Cortex-M4:
// 10,000 random, truncated, bad-checksum, oversized, unknown-command,
// unknown-function and out-of-range frames, sent in batches; every one gets
// its error reply, garbage between frames is skipped, frames that stop
// arriving are answered after the server's timeout, and the server still
// runs the model right afterwards. One QEMU boot (a small model).
#include <QtTest>
#include <map>
#include <random>

#include "TestUtil.h"
#include "flashers/RpcClient.h"
#include "flashers/ToolProcess.h"

using namespace ember;

class TestRpcFuzz : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fuzz();
};

namespace {

std::vector<uint8_t> le16(uint32_t v) { return {uint8_t(v), uint8_t(v >> 8)}; }
std::vector<uint8_t> le32(uint32_t v) { return {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)}; }
std::vector<uint8_t> cat(std::vector<uint8_t> a, const std::vector<uint8_t> &b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// `frames` malformed or hostile frames, sent in batches of 32; each gets
// exactly one reply, in order, with the expected status (any status for
// random payloads). Frames are kept short: QEMU's UART model moves a few KB/s.
void fuzzFrames(rpc::Module &m, int frames, int timeoutFrames) {
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
    struct Sent {
        uint8_t seq;
        int expect;  // -1: any status
        std::string kind;
    };
    for (int i0 = 0; i0 < frames; i0 += 32) {
        std::vector<uint8_t> batch;
        std::vector<Sent> sent;
        for (int i = i0; i < std::min(frames, i0 + 32); ++i) {
            const uint8_t seq = uint8_t(i);
            int expect = -1;
            std::vector<uint8_t> bytes;
            std::string kind;
            switch (i % 10) {
            case 0:
                kind = "unknown command";
                bytes = rpc::Client::frame(seq, uint8_t(0x0C + rng() % 0x70), randomBytes(rng() % 4));
                expect = rpc::UnknownCommand;
                break;
            case 1: {
                kind = "random payload";
                static const uint8_t cmds[] = {rpc::cmd::FuncInfo, rpc::cmd::BufInfo, rpc::cmd::Read,
                                               rpc::cmd::Call,     rpc::cmd::Cycles,  rpc::cmd::Checksum};
                bytes = rpc::Client::frame(seq, cmds[rng() % 6], randomBytes(rng() % 11));
                break;
            }
            case 2:
                kind = "bad checksum";
                bytes = rpc::Client::frame(seq, rpc::cmd::Ping, randomBytes(rng() % 4));
                bytes[bytes.size() - 1 - rng() % 4] ^= uint8_t(1 + rng() % 255);
                expect = rpc::BadCrc;
                break;
            case 3:
                kind = "oversized";
                bytes = {rpc::kMagic0, rpc::kMagic1, seq, rpc::cmd::Write};
                bytes = cat(bytes, le16(uint32_t(rpc::kMaxPayload + 1 + rng() % 60000)));
                expect = rpc::TooLong;
                break;
            case 4: {
                kind = "unknown function";
                const std::string name = "f" + std::to_string(rng() % 1000);
                std::vector<uint8_t> q{uint8_t(name.size())};
                q.insert(q.end(), name.begin(), name.end());
                q.push_back(0);
                bytes = rpc::Client::frame(seq, rpc::cmd::Call, q);
                expect = rpc::UnknownFunction;
                break;
            }
            case 5: {
                kind = "read past the end";
                const uint32_t b = rng() % buffers, size = m.buffers()[b].info.bytes;
                bytes = rpc::Client::frame(seq, rpc::cmd::Read, cat(cat(le16(b), le32(size - rng() % 4)), le16(8 + rng() % 4000)));
                expect = rpc::OutOfRange;
                break;
            }
            case 6: {
                kind = "write past the end";
                const uint32_t b = rng() % buffers, size = m.buffers()[b].info.bytes;
                bytes = rpc::Client::frame(seq, rpc::cmd::Write, cat(cat(le16(b), le32(size + rng() % 100)), randomBytes(1 + rng() % 3)));
                expect = rpc::OutOfRange;
                break;
            }
            case 7:
                kind = "unknown buffer";
                bytes = rpc::Client::frame(seq, rpc::cmd::Checksum, cat(cat(le16(buffers + rng() % 1000), le32(0)), le32(4)));
                expect = rpc::UnknownBuffer;
                break;
            case 8: {
                // Truncated, then line noise (zeros) completing it: a checksum error.
                kind = "truncated + noise";
                const std::vector<uint8_t> whole = rpc::Client::frame(seq, rpc::cmd::Ping, randomBytes(1 + rng() % 3));
                std::vector<uint8_t> f = whole;
                f.resize(6 + rng() % (f.size() - 6));
                bytes = cat(f, std::vector<uint8_t>(whole.size() - f.size() + 6, 0));
                // Only the checksum's last bytes cut, and they were zeros: by chance a valid frame.
                expect = std::equal(whole.begin(), whole.end(), bytes.begin()) ? rpc::Ok : rpc::BadCrc;
                break;
            }
            default: {
                // Garbage with no frame start: skipped without a reply; a ping follows.
                kind = "garbage";
                std::vector<uint8_t> g = randomBytes(1 + rng() % 6);
                for (uint8_t &b : g)
                    if (b == rpc::kMagic0) b = 0;
                bytes = cat(g, rpc::Client::frame(seq, rpc::cmd::Ping, {}));
                expect = rpc::Ok;
                break;
            }
            }
            ++counts[kind];
            batch = cat(batch, bytes);
            sent.push_back({seq, expect, kind});
        }
        QVERIFY(c.sendRaw(batch));
        for (const Sent &x : sent) {
            rpc::Reply r;
            if (!c.readReply(r, 20000)) QFAIL(qPrintable(QString("no reply to a fuzz frame (%1)").arg(x.kind.c_str())));
            QCOMPARE(int(r.seq), int(x.seq));
            if (x.expect >= 0 && int(r.status) != x.expect)
                QFAIL(qPrintable(QString("fuzz frame seq %1 (%2): status %3, expected %4").arg(x.seq).arg(x.kind.c_str()).arg(r.status).arg(x.expect)));
        }
    }
    // Frames that stop arriving: answered after the server's timeout.
    for (int i = 0; i < timeoutFrames; ++i) {
        std::vector<uint8_t> f = rpc::Client::frame(uint8_t(200 + i), rpc::cmd::Ping, randomBytes(20));
        f.resize(3 + rng() % 20);
        QVERIFY(c.sendRaw(f));
        rpc::Reply r;
        QVERIFY(c.readReply(r, 10000));
        QCOMPARE(int(r.status), int(rpc::Truncated));
    }
    Result<rpc::Hello> h = c.hello();
    QVERIFY2(h.ok(), h.diagnostics().format().c_str());
    QString summary;
    for (const auto &[k, n] : counts) summary += QString(" %1 %2,").arg(n).arg(k.c_str());
    qInfo("fuzz: %d frames (%s and %d truncated, answered after the timeout): every one answered, server up",
          frames + timeoutFrames, qPrintable(summary), timeoutFrames);
}

}  // namespace

void TestRpcFuzz::initTestCase() {
    for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm"})
        if (findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
}

void TestRpcFuzz::fuzz() {
    QElapsedTimer t;
    t.start();
    Result<std::unique_ptr<rpc::Module>> m =
        rpc::Module::connect("qemu-mps2-an386", test::modelPath("tflite_micro/hello_world/hello_world_int8.tflite"));
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    const qint64 boot = t.elapsed();
    const int frames = qEnvironmentVariableIntValue("EMBER_RPC_FUZZ_FRAMES") > 0
                           ? qEnvironmentVariableIntValue("EMBER_RPC_FUZZ_FRAMES") : 10000;
    fuzzFrames(**m, frames, 2);
    if (QTest::currentTestFailed()) return;
    // Still serving, still computing.
    std::vector<uint8_t> x((**m).inputs()[0].bytes, 0);
    QVERIFY((**m).setInput(0, x).ok());
    Result<rpc::CallResult> r = (**m).run();
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    qInfo("build + boot %lld ms, fuzz %lld ms", boot, t.elapsed() - boot);
}

QTEST_GUILESS_MAIN(TestRpcFuzz)
#include "tst_rpcfuzz.moc"
