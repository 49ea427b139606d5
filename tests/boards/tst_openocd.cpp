// The OpenOCD flasher: progress parsing, error classification, timeouts and
// cancel against a fake openocd; the real openocd with no probe attached;
// the studio-facing BoardRunner.
#include <algorithm>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

#include "FakePackage.h"
#include "flashers/BoardRunner.h"
#include "flashers/Firmware.h"
#include "flashers/OpenOcdFlasher.h"
#include "flashers/ToolProcess.h"

using namespace ember;

namespace {

Board boardOf(const std::string &id) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    EMBER_ASSERT(cat.ok());
    return cat->find(id).value();
}

FlashOptions fakeOptions() {
    FlashOptions o;
    o.openocd = FAKE_OPENOCD_PATH;
    o.timeoutMs = 20000;
    o.stepTimeoutMs = 1500;
    return o;
}

}  // namespace

class TestOpenOcd : public QObject {
    Q_OBJECT
private slots:
    void arguments();
    void fake_data();
    void fake();
    void progressIsMonotonic();
    void wholeRunTimeout();
    void cancel();
    void realOpenOcdNoProbe_data();
    void realOpenOcdNoProbe();
    void runnerFlashFailsWithKind();
    void runnerRefusesOversized();
};

void TestOpenOcd::arguments() {
    const Board pico = boardOf("rpi-pico");
    const std::vector<std::string> a = openocdArgs(pico, {"program {x.elf} verify reset exit"});
    const std::vector<std::string> expected{"-f", "interface/cmsis-dap.cfg", "-f", "target/rp2040.cfg", "-c",
                                            "adapter speed 5000", "-c", "program {x.elf} verify reset exit"};
    QCOMPARE(a, expected);
}

void TestOpenOcd::fake_data() {
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("lastProgress");
    QTest::newRow("success") << "success" << "ok" << 100;
    QTest::newRow("verify-fail") << "verify-fail" << "verify-mismatch" << 75;
    QTest::newRow("wrong-target") << "wrong-target" << "wrong-target" << 2;
    QTest::newRow("no-probe") << "no-probe" << "no-probe" << 2;
    QTest::newRow("busy") << "busy" << "probe-busy" << 2;
    QTest::newRow("protected") << "protected" << "flash-protected" << 15;
    QTest::newRow("crash") << "crash" << "crashed" << 15;
    QTest::newRow("hang") << "hang" << "timeout" << 2;
    QTest::newRow("stall") << "stall" << "timeout" << 15;
}

void TestOpenOcd::fake() {
    QFETCH(QString, mode);
    QFETCH(QString, error);
    QFETCH(int, lastProgress);
    qputenv("FAKE_OPENOCD_MODE", mode.toUtf8());
    QTemporaryDir dir;
    qputenv("FAKE_OPENOCD_ARGS", dir.filePath("args").toUtf8());
    FlashOptions o = fakeOptions();
    int last = -1;
    std::vector<std::string> lines, stages;
    o.onProgress = [&](int p, const std::string &s) {
        last = p;
        stages.push_back(s);
    };
    o.onLine = [&](const std::string &l) { lines.push_back(l); };
    QElapsedTimer t;
    t.start();
    const FlashResult r = flashElf("/tmp/fw.elf", boardOf("nucleo-f446re"), o);
    QCOMPARE(QString::fromStdString(flashErrorName(r.error)), error);
    QCOMPARE(last, lastProgress);
    QVERIFY(t.elapsed() < 10000);  // hangs end at the step timeout
    QVERIFY(!lines.empty());
    QVERIFY(r.log.find("Open On-Chip Debugger") != std::string::npos);  // raw log kept
    if (!r.ok()) QVERIFY2(!r.message.empty() && std::islower(static_cast<unsigned char>(r.message[0])), r.message.c_str());
    // "done" only when the flash succeeded (openocd's "shutdown command
    // invoked" also ends failed runs).
    QCOMPARE(std::count(stages.begin(), stages.end(), std::string("done")) > 0, r.ok());
    QFile args(dir.filePath("args"));
    QVERIFY(args.open(QIODevice::ReadOnly));
    const QString all = args.readAll();
    QVERIFY2(all.contains("board/st_nucleo_f4.cfg") && all.contains("program {/tmp/fw.elf} verify reset exit"), qPrintable(all));
}

void TestOpenOcd::progressIsMonotonic() {
    qputenv("FAKE_OPENOCD_MODE", "success");
    FlashOptions o = fakeOptions();
    std::vector<std::pair<int, std::string>> seen;
    o.onProgress = [&](int p, const std::string &s) { seen.push_back({p, s}); };
    QVERIFY(flashElf("/tmp/fw.elf", boardOf("nucleo-f446re"), o).ok());
    QVERIFY(seen.size() >= 6);
    for (size_t i = 1; i < seen.size(); ++i) QVERIFY(seen[i].first > seen[i - 1].first);
    bool verified = false;
    for (const auto &s : seen) verified |= s.second == "verified";
    QVERIFY(verified);
}

void TestOpenOcd::wholeRunTimeout() {
    qputenv("FAKE_OPENOCD_MODE", "hang");
    FlashOptions o = fakeOptions();
    o.stepTimeoutMs = 0;
    o.timeoutMs = 800;
    QElapsedTimer t;
    t.start();
    const FlashResult r = flashElf("/tmp/fw.elf", boardOf("nucleo-f446re"), o);
    QCOMPARE(r.error, FlashError::Timeout);
    QVERIFY(t.elapsed() < 5000);
}

void TestOpenOcd::cancel() {
    qputenv("FAKE_OPENOCD_MODE", "hang");
    FlashOptions o = fakeOptions();
    o.stepTimeoutMs = 0;
    std::atomic<bool> stop{false};
    o.cancel = &stop;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    QElapsedTimer t;
    t.start();
    const FlashResult r = flashElf("/tmp/fw.elf", boardOf("nucleo-f446re"), o);
    canceller.join();
    QCOMPARE(r.error, FlashError::Cancelled);
    QVERIFY(t.elapsed() < 5000);
}

void TestOpenOcd::realOpenOcdNoProbe_data() {
    QTest::addColumn<QString>("board");
    QTest::newRow("pico-cmsis-dap") << "rpi-pico";
    QTest::newRow("nrf52840-jlink") << "nrf52840-dk";
    QTest::newRow("nucleo-stlink") << "nucleo-f446re";
}

void TestOpenOcd::realOpenOcdNoProbe() {
    QFETCH(QString, board);
    if (findTool("openocd").empty()) QSKIP("openocd not installed");
    FlashOptions o;
    o.timeoutMs = 15000;
    QElapsedTimer t;
    t.start();
    const FlashResult r = flashElf("/nonexistent/firmware.elf", boardOf(board.toStdString()), o);
    QVERIFY(t.elapsed() < 15000);
    if (r.error == FlashError::ProbeBusy) QSKIP("a probe is attached but busy on this machine");
    QCOMPARE(QString::fromStdString(flashErrorName(r.error)), QString("no-probe"));
    QVERIFY2(r.message.find("no debug probe found") != std::string::npos, r.message.c_str());
}

void TestOpenOcd::runnerFlashFailsWithKind() {
    if (findTool("arm-none-eabi-gcc").empty()) QSKIP("arm-none-eabi-gcc not installed");
    qputenv("EMBER_OPENOCD", FAKE_OPENOCD_PATH);
    qputenv("FAKE_OPENOCD_MODE", "verify-fail");
    QTemporaryDir dir;
    Result<FileList> files = generateFirmwareProject(test::tinyPackage(), boardOf("nucleo-f446re"), {});
    QVERIFY(files.ok());
    Diagnostics d;
    QVERIFY(writeFiles(*files, dir.path().toStdString(), d));
    BoardRunner runner;
    QSignalSpy failed(&runner, &BoardRunner::failed);
    QSignalSpy flashed(&runner, &BoardRunner::flashed);
    QSignalSpy finished(&runner, &BoardRunner::finished);
    QSignalSpy progress(&runner, &BoardRunner::progress);
    QVERIFY(runner.startFlash(dir.path(), "nucleo-f446re"));
    QVERIFY(!runner.startFlash(dir.path(), "nucleo-f446re"));  // one job at a time
    QVERIFY(finished.wait(60000));
    QCOMPARE(flashed.count(), 0);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(1).toString(), QString("verify-mismatch"));
    QVERIFY(failed.at(0).at(2).toString().contains("Verify Failed"));
    QVERIFY(progress.count() >= 3);
    // Then a good flash on the same runner.
    qputenv("FAKE_OPENOCD_MODE", "success");
    QVERIFY(runner.startFlash(dir.path(), "nucleo-f446re"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(flashed.count(), 1);
    qunsetenv("EMBER_OPENOCD");
}

void TestOpenOcd::runnerRefusesOversized() {
    if (findTool("arm-none-eabi-gcc").empty()) QSKIP("arm-none-eabi-gcc not installed");
    qputenv("EMBER_OPENOCD", FAKE_OPENOCD_PATH);
    qputenv("FAKE_OPENOCD_MODE", "success");
    QTemporaryDir dir;
    // 200 KiB of workspace on a 128 KiB board: refused before openocd runs.
    Result<FileList> files = generateFirmwareProject(test::tinyPackage(16, "", 200 * 1024), boardOf("nucleo-f446re"), {});
    QVERIFY(files.ok());
    Diagnostics d;
    QVERIFY(writeFiles(*files, dir.path().toStdString(), d));
    qputenv("FAKE_OPENOCD_ARGS", dir.filePath("args").toUtf8());
    BoardRunner runner;
    QSignalSpy failed(&runner, &BoardRunner::failed);
    QSignalSpy finished(&runner, &BoardRunner::finished);
    QVERIFY(runner.startFlash(dir.path(), "nucleo-f446re"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains("region 'RAM'"), qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(failed.at(0).at(0).toString().contains("overflowed by"));
    QVERIFY(!QFile::exists(dir.filePath("args")));  // openocd never started
    qunsetenv("EMBER_OPENOCD");
}

QTEST_GUILESS_MAIN(TestOpenOcd)
#include "tst_openocd.moc"
