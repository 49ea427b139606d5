// Firmware projects on a hand-written package: build, run in QEMU, read the
// results table; linker placement of pools; refusal of oversized builds;
// the exported CMake project.
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "FakePackage.h"
#include "flashers/ElfFile.h"
#include "flashers/Firmware.h"
#include "flashers/Profiler.h"
#include "flashers/ToolProcess.h"

using namespace ember;

namespace {

Board boardOf(const std::string &id) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    EMBER_ASSERT(cat.ok());
    Result<Board> b = cat->find(id);
    EMBER_ASSERT(b.ok());
    return *b;
}

std::vector<uint8_t> rampInput(int n) {
    std::vector<uint8_t> v(size_t(n), 0);
    for (int i = 0; i < n; ++i) v[size_t(i)] = uint8_t(int8_t(i * 17 - 128));
    return v;
}

// Writes and builds the project; returns the build or the diagnostics.
Result<FirmwareBuild> build(const Artifacts &a, const Board &b, const std::string &dir, FirmwareOptions fo = {}) {
    Result<FileList> files = generateFirmwareProject(a, b, fo);
    if (!files) return files.diagnostics();
    Diagnostics d;
    if (!writeFiles(*files, dir, d)) return d;
    return buildFirmware(dir, b);
}

bool haveArmTools() { return !findTool("arm-none-eabi-gcc").empty(); }
bool haveEmulator() { return !findTool("qemu-system-arm").empty() && !findTool("gdb-multiarch").empty(); }

}  // namespace

class TestFirmware : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runsOnEmulatedBoard_data();
    void runsOnEmulatedBoard();
    void poolInTcm_data();
    void poolInTcm();
    void oversized_data();
    void oversized();
    void stackTooSmall();
    void unknownPoolSection();
    void badInputSize();
    void exportedProjectBuildsWithCMake();
};

void TestFirmware::initTestCase() {
    if (!haveArmTools()) QSKIP("arm-none-eabi-gcc not installed");
}

void TestFirmware::runsOnEmulatedBoard_data() {
    QTest::addColumn<QString>("board");
    QTest::addColumn<QString>("section");
    QTest::addColumn<quint64>("poolBase");
    QTest::newRow("m4") << "qemu-mps2-an386" << "" << quint64(0x20000000);
    QTest::newRow("m4-blockram") << "qemu-mps2-an386" << ".blockram" << quint64(0x21000000);
    QTest::newRow("m7") << "qemu-mps2-an500" << "" << quint64(0x20000000);
    QTest::newRow("m7-psram") << "qemu-mps2-an500" << ".psram" << quint64(0x60000000);
    QTest::newRow("m55") << "qemu-mps3-an547" << "" << quint64(0x20000000);
}

void TestFirmware::runsOnEmulatedBoard() {
    QFETCH(QString, board);
    QFETCH(QString, section);
    QFETCH(quint64, poolBase);
    if (!haveEmulator()) QSKIP("qemu-system-arm or gdb-multiarch not installed");
    const int n = 40;
    const Board b = boardOf(board.toStdString());
    const Artifacts a = test::tinyPackage(n, section.toStdString());
    QTemporaryDir dir;
    FirmwareOptions fo;
    fo.inputs = {rampInput(n)};
    fo.runs = 3;
    Result<FirmwareBuild> fb = build(a, b, dir.path().toStdString(), fo);
    QVERIFY2(fb.ok(), fb.diagnostics().format().c_str());
    Result<ElfFile> elf = readElf(fb->elfPath);
    QVERIFY(elf.ok());
    const ElfSymbol *pool = elf->symbol("tiny_workspace");
    QVERIFY(pool);
    QVERIFY2(pool->value >= poolBase && pool->value < poolBase + 0x100000, QByteArray::number(pool->value, 16));

    Result<PackageInfo> info = readPackageInfo(*a.file("metadata.json"), "metadata.json");
    QVERIFY(info.ok());
    Result<BoardRun> run = runFirmware(fb->elfPath, b, *info);
    QVERIFY2(run.ok(), run.diagnostics().format().c_str());
    QCOMPARE(run->unit, std::string("instructions"));
    QCOMPARE(int(run->outputs.size()), 1);
    const std::vector<uint8_t> in = rampInput(n);
    for (int i = 0; i < n; ++i)
        QCOMPARE(int8_t(run->outputs[0][size_t(i)]), test::tinyExpected(int8_t(in[size_t(i)])));
    QCOMPARE(int(run->layers.size()), 2);
    QCOMPARE(int(run->runTotals.size()), 3);
    // 40 elements cost a few hundred instructions per layer, not zero, not millions.
    for (uint64_t c : run->layers) QVERIFY2(c >= 40 && c < 100000, QByteArray::number(qulonglong(c)));
    QVERIFY(run->total >= run->layers[0] + run->layers[1]);
    QVERIFY(run->stackUsed > 0 && run->stackUsed < b.stackBytes);
    // SysTick quantises to one tick (tick_ns instructions): runs in one boot
    // start at different tick phases. A second boot gives the same table exactly.
    QVERIFY(qAbs(qint64(run->runTotals[1]) - qint64(run->runTotals[2])) <= qint64(std::ceil(b.tickNs)));
    Result<BoardRun> again = runFirmware(fb->elfPath, b, *info);
    QVERIFY(again.ok());
    QCOMPARE(again->layers, run->layers);
    QCOMPARE(again->runTotals, run->runTotals);
}

void TestFirmware::poolInTcm_data() {
    QTest::addColumn<QString>("board");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("region");
    QTest::newRow("f746-dtcm") << "stm32f746g-disco" << ".dtcm" << "DTCM";
    QTest::newRow("h743-dtcm") << "nucleo-h743zi" << ".dtcm" << "DTCM";
    QTest::newRow("h743-by-region-name") << "nucleo-h743zi" << "SRAM4" << "SRAM4";
    QTest::newRow("h743-default") << "nucleo-h743zi" << "" << "RAM";
}

void TestFirmware::poolInTcm() {
    QFETCH(QString, board);
    QFETCH(QString, section);
    QFETCH(QString, region);
    const Board b = boardOf(board.toStdString());
    QTemporaryDir dir;
    Result<FirmwareBuild> fb = build(test::tinyPackage(64, section.toStdString(), 4096), b, dir.path().toStdString());
    QVERIFY2(fb.ok(), fb.diagnostics().format().c_str());
    Result<ElfFile> elf = readElf(fb->elfPath);
    QVERIFY(elf.ok());
    const ElfSymbol *pool = elf->symbol("tiny_workspace");
    QVERIFY(pool);
    QCOMPARE(pool->size, 4096u);
    const MemoryRegion *r = b.region(region.toStdString());
    QVERIFY(r);
    QVERIFY2(r->contains(pool->value), QByteArray::number(pool->value, 16));
    if (!section.isEmpty()) QCOMPARE(uint64_t(pool->value), r->origin);  // first in its region
    // The size report sees the pool in that region.
    bool found = false;
    for (const RegionUsage &u : fb->size.regions)
        if (u.name == r->name) {
            found = true;
            QVERIFY(u.used >= 4096);
        }
    QVERIFY(found);
    QCOMPARE(fb->size.workspaceBytes, uint64_t(4096));
}

void TestFirmware::oversized_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("region");
    QTest::newRow("ram") << "ram" << "RAM";
    QTest::newRow("dtcm") << "dtcm" << "DTCM";
    QTest::newRow("flash") << "flash" << "FLASH";
}

void TestFirmware::oversized() {
    QFETCH(QString, what);
    QFETCH(QString, region);
    const Board b = boardOf("stm32f746g-disco");
    const MemoryRegion *r = b.region(region.toStdString());
    const std::string section = what == "dtcm" ? ".dtcm" : "";
    auto package = [&](size_t extra) {
        if (what == "flash") {
            Artifacts a = test::tinyPackage(64, "");
            for (auto &f : a.files) {
                if (f.first == "src/tiny_constants.c")
                    f.second += "const uint8_t tiny_big[" + std::to_string(4096 + extra) + "] = {1};\n";
                // Referenced from the run function, so --gc-sections keeps it.
                if (f.first == "src/tiny.c") {
                    const size_t at = f.second.find("    int32_t rc;\n");
                    f.second.insert(at + 16, "    (void)*(const volatile uint8_t *)tiny_big;\n");
                    f.second.insert(f.second.find("static uint8_t"), "extern const uint8_t tiny_big[];\n");
                }
            }
            return a;
        }
        return test::tinyPackage(64, section, 4096 + extra);
    };
    // A build that fits tells how much the region holds besides the grown object...
    QTemporaryDir okDir;
    Result<FirmwareBuild> fits = build(package(0), b, okDir.path().toStdString());
    QVERIFY2(fits.ok(), fits.diagnostics().format().c_str());
    uint64_t used = 0;
    for (const RegionUsage &u : fits->size.regions)
        if (u.name == r->name) used = u.used;
    // ...so growing it by (free + 4 KiB) must overflow by 4 KiB (give or take
    // the alignment padding of the sections that follow).
    const size_t grow = (size_t(r->size - used) + 4096) & ~size_t(15);
    QTemporaryDir dir;
    Result<FirmwareBuild> fb = build(package(grow), b, dir.path().toStdString());
    QVERIFY(!fb.ok());
    const std::string msg = fb.diagnostics().format();
    QVERIFY2(msg.find("region '" + r->name + "'") != std::string::npos, msg.c_str());
    const QRegularExpressionMatch m = QRegularExpression("overflowed by ([0-9]+) bytes").match(QString::fromStdString(msg));
    QVERIFY2(m.hasMatch(), msg.c_str());
    const qint64 expected = qint64(used + grow) - qint64(r->size);
    QVERIFY2(qAbs(m.captured(1).toLongLong() - expected) < 16, msg.c_str());
    QVERIFY2(msg.find("does not fit STM32F746G-DISCO") != std::string::npos, msg.c_str());
}

void TestFirmware::stackTooSmall() {
    Board b = boardOf("qemu-mps2-an386");
    b.stackBytes = 64;
    QTemporaryDir dir;
    Result<FirmwareBuild> fb = build(test::tinyPackage(), b, dir.path().toStdString());
    QVERIFY(!fb.ok());
    const std::string msg = fb.diagnostics().format();
    QVERIFY2(msg.find("the stack needs about") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("reserves 64") != std::string::npos, msg.c_str());
}

void TestFirmware::unknownPoolSection() {
    const Board b = boardOf("nucleo-f446re");
    Result<FileList> files = generateFirmwareProject(test::tinyPackage(16, ".dtcm"), b, {});
    QVERIFY(!files.ok());
    const std::string msg = files.diagnostics().format();
    QVERIFY2(msg.find("linker section '.dtcm'") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("use one of: RAM") != std::string::npos, msg.c_str());
}

void TestFirmware::badInputSize() {
    FirmwareOptions fo;
    fo.inputs = {std::vector<uint8_t>(5, 0)};
    Result<FileList> files = generateFirmwareProject(test::tinyPackage(16), boardOf("qemu-mps2-an386"), fo);
    QVERIFY(!files.ok());
    QVERIFY(files.diagnostics().format().find("has 5 bytes but the model expects 16") != std::string::npos);
}

void TestFirmware::exportedProjectBuildsWithCMake() {
    if (findTool("cmake").empty() || findTool("ninja").empty()) QSKIP("cmake or ninja not installed");
    const Board b = boardOf("nucleo-l4r5zi");
    QTemporaryDir dir;
    const std::string src = dir.path().toStdString();
    Result<FileList> files = generateFirmwareProject(test::tinyPackage(), b, {});
    QVERIFY(files.ok());
    Diagnostics d;
    QVERIFY(writeFiles(*files, src, d));
    const ToolRun conf = runTool({"cmake", "-S", src, "-B", src + "/out", "-G", "Ninja"}, {});
    QVERIFY2(conf.ok(), conf.output.c_str());
    const ToolRun make = runTool({"cmake", "--build", src + "/out"}, {});
    QVERIFY2(make.ok(), make.output.c_str());
    Result<ElfFile> elf = readElf(src + "/out/firmware.elf");
    QVERIFY(elf.ok());
    QVERIFY(elf->symbol("ember_results") && elf->symbol("tiny_run") && elf->symbol("ember_harness_done"));
    QCOMPARE(elf->entry & ~1u, elf->symbol("Reset_Handler")->value & ~1u);
    QVERIFY(QFile::exists(dir.filePath(".vscode/launch.json")));
    QVERIFY(QFile(dir.filePath(".vscode/launch.json")).open(QIODevice::ReadOnly));
}

QTEST_GUILESS_MAIN(TestFirmware)
#include "tst_firmware.moc"
