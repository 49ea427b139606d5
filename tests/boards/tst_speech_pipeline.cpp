// examples/micro_speech_pipeline end to end: `emberc example
// micro_speech_pipeline` writes the project, its Makefile compiles TFLM's
// audio front end (audio_preprocessor_int8) and the keyword model
// (micro_speech_kws, made by Ember's builder) into one Cortex-M4 firmware,
// QEMU mps2-an386 runs it on 1 s of recorded speech (yes_1000ms.wav, read
// from ../shared at test time), and every one of the 49 feature rows and the
// final scores must equal, byte for byte:
//   - Ember's reference executor (one ReferenceSession: state carried over),
//   - tflm_ref (one TFLM interpreter, --steps 49) for the front end, and
//     tflm_ref on the final 49x40 window for the keyword model.
// The default project (synthetic test signal, no clip) must build and run too.
#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "DiffTflm.h"
#include "TestUtil.h"
#include "flashers/ToolProcess.h"

using namespace ember;
using namespace ember::test;
namespace fs = std::filesystem;

namespace {

constexpr int kSamples = 16000, kWindow = 480, kStride = 320, kFeatures = 40, kRows = 49;

std::string audioModel() { return modelPath("tflite_micro/micro_speech/audio_preprocessor_int8.tflite"); }
std::string speechClip() { return modelPath("tflite_micro/micro_speech/testdata/yes_1000ms.wav"); }

// PCM16 samples of a mono 16-bit WAV's "data" chunk ("" on success).
std::string readWav(const std::string &path, std::vector<int16_t> &samples) {
    std::vector<uint8_t> b;
    if (!readFile(path, &b)) return "cannot read " + path;
    if (b.size() < 12 || std::memcmp(b.data(), "RIFF", 4) != 0 || std::memcmp(b.data() + 8, "WAVE", 4) != 0)
        return path + " is not a RIFF/WAVE file";
    for (size_t p = 12; p + 8 <= b.size();) {
        uint32_t size = 0;
        std::memcpy(&size, b.data() + p + 4, 4);
        if (std::memcmp(b.data() + p, "data", 4) == 0) {
            const size_t n = std::min<size_t>(size, b.size() - p - 8) / 2;
            samples.resize(n);
            std::memcpy(samples.data(), b.data() + p + 8, n * 2);
            return "";
        }
        p += 8 + size + (size & 1);
    }
    return path + " has no data chunk";
}

// The clip as the C file the Makefile's AUDIO_C takes.
std::string clipC(const std::vector<int16_t> &s) {
    std::string c = "/* 1 s of 16 kHz PCM16 speech, written by tst_speech_pipeline. */\n#include <stdint.h>\n"
                    "const int16_t ember_audio_clip[16000] = {";
    for (size_t i = 0; i < s.size(); ++i) c += (i % 16 ? " " : "\n    ") + std::to_string(s[i]) + ",";
    return c + "\n};\n";
}

bool writeBytes(const fs::path &p, const void *data, size_t n) {
    std::ofstream f(p, std::ios::binary);
    f.write(static_cast<const char *>(data), std::streamsize(n));
    return bool(f);
}

std::string hexOf(const std::vector<uint8_t> &b) {
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (uint8_t v : b) s += std::string{digits[v >> 4], digits[v & 15]};
    return s;
}

std::vector<uint8_t> bytesOfHex(const QString &hex) {
    std::vector<uint8_t> b;
    for (int i = 0; i + 1 < hex.size(); i += 2) b.push_back(uint8_t(hex.mid(i, 2).toUInt(nullptr, 16)));
    return b;
}

// What the firmware printed: the rows, the scores and their tick counts.
struct FirmwareOutput {
    std::vector<std::vector<uint8_t>> rows;
    std::vector<uint32_t> rowTicks;
    std::vector<uint8_t> scores;
    uint32_t kwsTicks = 0;
    std::string top;
};

FirmwareOutput parse(const std::string &text) {
    FirmwareOutput o;
    static const QRegularExpression row("^row (\\d+) ([0-9a-f]+) ticks (\\d+)$");
    static const QRegularExpression scores("^scores ([0-9a-f]+) ticks (\\d+)$");
    for (const QString &line : QString::fromStdString(text).split('\n')) {
        const QString l = line.trimmed();
        if (auto m = row.match(l); m.hasMatch() && m.captured(1).toInt() == int(o.rows.size())) {
            o.rows.push_back(bytesOfHex(m.captured(2)));
            o.rowTicks.push_back(m.captured(3).toUInt());
        } else if (auto s = scores.match(l); s.hasMatch()) {
            o.scores = bytesOfHex(s.captured(1));
            o.kwsTicks = s.captured(2).toUInt();
        } else if (l.startsWith("top ")) {
            o.top = l.mid(4).toStdString();
        }
    }
    return o;
}

std::string tool(const char *name) { return findTool(name); }

}  // namespace

class TestSpeechPipeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void recordedSpeechMatchesHost();
    void defaultProjectRuns();

private:
    // Writes the project with emberc, builds it with make (BUILD=build),
    // boots it in QEMU; the firmware's output or a failure.
    bool buildAndRun(const QStringList &makeVars, FirmwareOutput &out, std::string &log);
    QTemporaryDir tmp_;
    std::string project_;
};

void TestSpeechPipeline::initTestCase() {
    for (const char *t : {"arm-none-eabi-gcc", "qemu-system-arm", "make"})
        if (tool(t).empty()) QSKIP(qPrintable(QString("%1 is not installed").arg(t)));
    if (!fs::exists(audioModel())) QSKIP("../shared/models has no audio_preprocessor_int8.tflite");
    QVERIFY(tmp_.isValid());
    project_ = tmp_.filePath("micro_speech_pipeline").toStdString();
    const ToolRun r = runTool({EMBERC_PATH, "example", "micro_speech_pipeline", "-o", project_}, {60000});
    QVERIFY2(r.ok(), r.output.c_str());
    for (const char *f : {"main.c", "startup.c", "mps2_an386.ld", "Makefile", "README.md", "kws.tflite"})
        QVERIFY2(fs::exists(fs::path(project_) / f), f);
}

bool TestSpeechPipeline::buildAndRun(const QStringList &makeVars, FirmwareOutput &out, std::string &log) {
    QElapsedTimer t;
    t.start();
    std::vector<std::string> make{tool("make"), "-C", project_, std::string("EMBERC=") + EMBERC_PATH,
                                  "AUDIO_MODEL=" + audioModel()};
    for (const QString &v : makeVars) make.push_back(v.toStdString());
    const ToolRun m = runTool(make, {120000});
    log = m.output;
    if (!m.ok()) return false;
    const qint64 buildMs = t.restart();
    std::string build = "build";
    for (const QString &v : makeVars)
        if (v.startsWith("BUILD=")) build = v.mid(6).toStdString();
    // Exactly the Makefile's `make run` line.
    const ToolRun q = runTool({tool("qemu-system-arm"), "-M", "mps2-an386", "-nographic", "-monitor", "none", "-icount",
                               "shift=0,align=off,sleep=off", "-semihosting-config", "enable=on,target=native",
                               "-kernel", project_ + "/" + build + "/firmware.elf"},
                              {60000});
    log = q.output;
    qInfo("build %lld ms (emberc compile x2 + arm-none-eabi-gcc), QEMU run %lld ms", buildMs, t.elapsed());
    if (!q.ok()) return false;
    out = parse(q.output);
    return true;
}

void TestSpeechPipeline::recordedSpeechMatchesHost() {
    std::vector<int16_t> audio;
    const std::string why = readWav(speechClip(), audio);
    QVERIFY2(why.empty(), why.c_str());
    QCOMPARE(int(audio.size()), kSamples);
    {
        std::ofstream(fs::path(project_) / "audio_clip.c") << clipC(audio);
    }
    FirmwareOutput fw;
    std::string log;
    QVERIFY2(buildAndRun({"AUDIO_C=audio_clip.c", "BUILD=build-clip"}, fw, log), log.c_str());
    QCOMPARE(int(fw.rows.size()), kRows);
    QCOMPARE(int(fw.rows[0].size()), kFeatures);
    QCOMPARE(int(fw.scores.size()), 4);

    // The frames, as the firmware cuts them.
    std::vector<TensorData> frames;
    for (int k = 0; k < kRows; ++k) {
        TensorData f(kWindow * 2);
        std::memcpy(f.data(), audio.data() + k * kStride, f.size());
        frames.push_back(f);
    }

    // Reference executor: one session for the front end, state kept.
    auto fe = loadModel(audioModel());
    QVERIFY2(fe.ok(), fe.diagnostics().format().c_str());
    ReferenceSession session(fe.value());
    std::vector<uint8_t> window;
    for (int k = 0; k < kRows; ++k) {
        auto got = session.run({frames[size_t(k)]});
        QVERIFY2(got.ok(), got.diagnostics().format().c_str());
        QVERIFY2(got->at(0) == fw.rows[size_t(k)],
                 qPrintable(QString("feature row %1: firmware %2, reference executor %3")
                                .arg(k)
                                .arg(QString::fromStdString(hexOf(fw.rows[size_t(k)])))
                                .arg(QString::fromStdString(hexOf(got->at(0))))));
        window.insert(window.end(), got->at(0).begin(), got->at(0).end());
    }
    const std::string kwsPath = project_ + "/kws.tflite";
    auto kws = loadModel(kwsPath);
    QVERIFY2(kws.ok(), kws.diagnostics().format().c_str());
    auto scores = runReference(kws.value(), {window});
    QVERIFY2(scores.ok(), scores.diagnostics().format().c_str());
    QVERIFY2(scores->at(0) == fw.scores, qPrintable(QString("scores: firmware %1, reference executor %2")
                                                        .arg(QString::fromStdString(hexOf(fw.scores)))
                                                        .arg(QString::fromStdString(hexOf(scores->at(0))))));

    // TFLM: one interpreter over the 49 frames, then the keyword model on the window.
    if (tflmRefPath().empty()) QSKIP("tflm_ref is missing: compared with the reference executor only");
    const fs::path d = fs::path(tmp_.path().toStdString()) / "tflm";
    fs::create_directories(d);
    std::vector<std::string> argv{tflmRefPath(), audioModel(), "--input"};
    for (int k = 0; k < kRows; ++k) {
        const fs::path f = d / ("frame" + std::to_string(k) + ".bin");
        QVERIFY(writeBytes(f, frames[size_t(k)].data(), frames[size_t(k)].size()));
        argv.push_back(f.string());
    }
    for (const char *a : {"--output-dir", "", "--steps", "49"}) argv.push_back(a);
    argv[argv.size() - 3] = (d / "fe").string();
    const ToolRun t = runTool(argv, {60000});
    QVERIFY2(t.ok(), t.output.c_str());
    for (int k = 0; k < kRows; ++k) {
        std::vector<uint8_t> want;
        QVERIFY(readFile((d / "fe" / ("output0.step" + std::to_string(k) + ".bin")).string(), &want));
        QVERIFY2(want == fw.rows[size_t(k)], qPrintable(QString("feature row %1: firmware %2, tflm_ref %3")
                                                            .arg(k)
                                                            .arg(QString::fromStdString(hexOf(fw.rows[size_t(k)])))
                                                            .arg(QString::fromStdString(hexOf(want)))));
    }
    QVERIFY(writeBytes(d / "window.bin", window.data(), window.size()));
    const ToolRun tk = runTool({tflmRefPath(), kwsPath, "--input", (d / "window.bin").string(), "--output-dir",
                                (d / "kws").string()},
                               {60000});
    QVERIFY2(tk.ok(), tk.output.c_str());
    std::vector<uint8_t> want;
    QVERIFY(readFile((d / "kws" / "output0.bin").string(), &want));
    QCOMPARE(want, fw.scores);

    uint64_t feTicks = 0;
    for (uint32_t v : fw.rowTicks) feTicks += v;
    // SysTick at 25 MHz under -icount shift=0: one tick is 40 instructions.
    qInfo("49 feature rows and the scores [%s] (top '%s') equal the reference executor and tflm_ref",
          hexOf(fw.scores).c_str(), fw.top.c_str());
    qInfo("instructions: audio front end %llu per frame (mean of 49; first %u), keyword model %u per inference",
          (unsigned long long)(feTicks * 40 / kRows), fw.rowTicks[0] * 40, fw.kwsTicks * 40);
}

void TestSpeechPipeline::defaultProjectRuns() {
    // No clip: the firmware's own test signal; `make` and `make run` as a user types them.
    FirmwareOutput fw;
    std::string log;
    QVERIFY2(buildAndRun({}, fw, log), log.c_str());
    QCOMPARE(int(fw.rows.size()), kRows);
    QCOMPARE(int(fw.scores.size()), 4);
    QVERIFY(!fw.top.empty());
    // The chirp is loud in the middle: those rows are not all the same value.
    const std::vector<uint8_t> &mid = fw.rows[kRows / 2];
    QVERIFY(std::any_of(mid.begin(), mid.end(), [&](uint8_t v) { return v != mid[0]; }));
}

QTEST_GUILESS_MAIN(TestSpeechPipeline)
#include "tst_speech_pipeline.moc"
