// Firmware for every generated-code API mode of `emberc compile` (issue #5):
// KWS on the emulated Cortex-M4 in each mode and all of them together, bit-exact
// with the golden and profiled layer by layer; app-provided pools placed in the
// region their section names; the constants pool copied into RAM and counted;
// --io workspace saving the harness's I/O buffers.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "flashers/ElfFile.h"
#include "flashers/Firmware.h"
#include "flashers/Profiler.h"
#include "flashers/ToolProcess.h"

using namespace ember;

namespace {

const char *kKws = "mlperf_tiny/kws/kws_ref_model.tflite";

Board boardOf(const std::string &id) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    EMBER_ASSERT(cat.ok());
    Result<Board> b = cat->find(id);
    EMBER_ASSERT(b.ok());
    return *b;
}

std::vector<std::string> words(const QString &s) {
    std::vector<std::string> v;
    for (const QString &w : s.split(' ', Qt::SkipEmptyParts)) v.push_back(w.toStdString());
    return v;
}

// One firmware build of KWS with the given `emberc compile` options.
struct Built {
    Artifacts package;
    PackageInfo info;
    FirmwareBuild build;
    std::string harness;  // firmware/harness.c
};

Result<Built> buildKws(const QString &options, const Board &b, const std::string &dir, const std::vector<uint8_t> &input) {
    CompileOptions co;
    std::vector<std::string> rest;
    Diagnostics d;
    if (!parseCompileArgs(words(options), co, rest, d)) return d;
    if (!rest.empty()) {
        d.error("unexpected argument " + rest.front());
        return d;
    }
    Result<Graph> g = loadModel(test::modelPath(kKws));
    if (!g) return g.diagnostics();
    Result<Artifacts> a = compile(*g, co);
    if (!a) return a.diagnostics();
    Result<PackageInfo> info = readPackageInfo(*a->file("metadata.json"), "metadata.json");
    if (!info) return info.diagnostics();
    FirmwareOptions fo;
    fo.runs = 1;  // one inference: the counts are checked, not compared between runs
    fo.inputs = {input};
    Result<FileList> files = generateFirmwareProject(*a, b, fo);
    if (!files) return files.diagnostics();
    if (!writeFiles(*files, dir, d)) return d;
    Result<FirmwareBuild> fb = buildFirmware(dir, b);
    if (!fb) return fb.diagnostics();
    Built r{*a, *info, *fb, {}};
    for (const auto &[path, text] : *files)
        if (path == "firmware/harness.c") r.harness = text;
    return r;
}

}  // namespace

class TestApiModes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void kwsInEveryMode_data();
    void kwsInEveryMode();
    void appPoolInItsSection_data();
    void appPoolInItsSection();
    void constantsPoolCopiedToRam();
    void ioWorkspaceSavesRam();
    void badPackageMetadata_data();
    void badPackageMetadata();

private:
    std::vector<uint8_t> input_, golden_;
};

void TestApiModes::initTestCase() {
    if (findTool("arm-none-eabi-gcc").empty()) QSKIP("arm-none-eabi-gcc not installed");
    const std::string dir = test::sharedDir() + "/models/golden/kws_ref_model/";
    QVERIFY(test::readFile(dir + "case0.input0.bin", &input_));
    QVERIFY(test::readFile(dir + "case0.output0.bin", &golden_));
    QCOMPARE(golden_.size(), size_t(12));
}

void TestApiModes::kwsInEveryMode_data() {
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("call");  // how the harness must call the entrypoint
    QTest::newRow("default") << "" << "kws_ref_model_run(&in, &out)";
    QTest::newRow("operators-packed") << "--operators packed" << "kws_ref_model_run(&in, &out)";
    QTest::newRow("interface-packed-wrappers") << "--interface-api packed --packed-wrappers"
                                               << "kws_ref_model_run(ember_args, ember_codes, 2, 0, 0, 0)";
    QTest::newRow("app-pools") << "--app-pools" << "kws_ref_model_run(&in, &out, &ember_pools)";
    QTest::newRow("constants-pool") << "--constants pool" << "kws_ref_model_run(&in, &out, &ember_pools)";
    QTest::newRow("io-workspace") << "--io workspace" << "kws_ref_model_run()";
    QTest::newRow("all") << "--operators packed --interface-api packed --packed-wrappers --app-pools --constants pool --io workspace"
                         << "kws_ref_model_run(ember_args, ember_codes, 4, 0, 0, 0)";
    QTest::newRow("app-pools-io-workspace") << "--app-pools --constants pool --io workspace"
                                            << "kws_ref_model_run(&ember_pools)";
}

void TestApiModes::kwsInEveryMode() {
    QFETCH(QString, options);
    QFETCH(QString, call);
    if (findTool("qemu-system-arm").empty() || findTool("gdb-multiarch").empty())
        QSKIP("qemu-system-arm or gdb-multiarch not installed");
    const Board b = boardOf("qemu-mps2-an386");
    QTemporaryDir dir;
    Result<Built> built = buildKws(options, b, dir.path().toStdString(), input_);
    QVERIFY2(built.ok(), built.diagnostics().format().c_str());
    QVERIFY2(built->harness.find(call.toStdString()) != std::string::npos, built->harness.c_str());

    Result<BoardRun> run = runFirmware(built->build.elfPath, b, built->info);
    QVERIFY2(run.ok(), run.diagnostics().format().c_str());
    QCOMPARE(run->outputs.size(), size_t(1));
    QCOMPARE(run->outputs[0], golden_);  // TFLM reference kernels, bit for bit
    // The EMBER_LAYER_BEGIN/END hooks fire in every mode: one count per layer.
    QCOMPARE(run->layers.size(), size_t(13));
    uint64_t sum = 0;
    for (uint64_t c : run->layers) {
        QVERIFY(c > 0);
        sum += c;
    }
    QVERIFY(sum <= run->total);
    // The packed glue and the copies are small next to the layers' work.
    QVERIFY2(run->total - sum < run->total / 20 + 2000, QByteArray::number(qulonglong(run->total - sum)));
    QVERIFY(run->stackUsed > 0 && run->stackUsed <= built->build.size.stackWorst);
}

void TestApiModes::appPoolInItsSection_data() {
    QTest::addColumn<QString>("board");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("run");
    QTest::newRow("f746-dtcm") << "stm32f746g-disco" << "--app-pools --pool dtcm:64K:section=.dtcm" << "DTCM" << false;
    QTest::newRow("h743-dtcm-io-ws") << "nucleo-h743zi" << "--app-pools --io workspace --pool dtcm:64K:section=.dtcm"
                                     << "DTCM" << false;
    QTest::newRow("an386-blockram") << "qemu-mps2-an386" << "--app-pools --pool big:32K:section=.blockram"
                                    << "BLOCKRAM" << true;
    QTest::newRow("an386-default") << "qemu-mps2-an386" << "--app-pools" << "RAM" << false;
}

void TestApiModes::appPoolInItsSection() {
    QFETCH(QString, board);
    QFETCH(QString, options);
    QFETCH(QString, region);
    QFETCH(bool, run);
    const Board b = boardOf(board.toStdString());
    QTemporaryDir dir;
    Result<Built> built = buildKws(options, b, dir.path().toStdString(), input_);
    QVERIFY2(built.ok(), built.diagnostics().format().c_str());
    QCOMPARE(built->info.pools.size(), size_t(1));
    const PackageInfo::Pool &pool = built->info.pools[0];
    QVERIFY(pool.appProvided);
    Result<ElfFile> elf = readElf(built->build.elfPath);
    QVERIFY(elf.ok());
    const ElfSymbol *sym = elf->symbol("ember_pool_" + pool.cName);
    QVERIFY2(sym, ("no symbol ember_pool_" + pool.cName).c_str());
    QCOMPARE(uint64_t(sym->size), uint64_t(pool.size));
    QCOMPARE(sym->value % uint32_t(pool.align), 0u);
    const MemoryRegion *r = b.region(region.toStdString());
    QVERIFY(r);
    QVERIFY2(r->contains(sym->value) && r->contains(sym->value + sym->size - 1), QByteArray::number(sym->value, 16));
    // The size report counts it in that region and as workspace.
    QCOMPARE(built->build.size.workspaceBytes, uint64_t(pool.size));
    for (const RegionUsage &u : built->build.size.regions)
        if (u.name == r->name) QVERIFY(u.used >= pool.size);
    if (!run) return;
    if (findTool("qemu-system-arm").empty() || findTool("gdb-multiarch").empty())
        QSKIP("qemu-system-arm or gdb-multiarch not installed");
    Result<BoardRun> br = runFirmware(built->build.elfPath, b, built->info);
    QVERIFY2(br.ok(), br.diagnostics().format().c_str());
    QCOMPARE(br->outputs[0], golden_);
}

void TestApiModes::constantsPoolCopiedToRam() {
    const Board b = boardOf("qemu-mps2-an386");
    QTemporaryDir dirFlash, dirPool;
    Result<Built> flash = buildKws("", b, dirFlash.path().toStdString(), input_);
    QVERIFY2(flash.ok(), flash.diagnostics().format().c_str());
    Result<Built> pool = buildKws("--constants pool", b, dirPool.path().toStdString(), input_);
    QVERIFY2(pool.ok(), pool.diagnostics().format().c_str());
    const size_t bytes = pool->info.constantsPoolBytes;
    QVERIFY(bytes > 1000);
    Result<ElfFile> elf = readElf(pool->build.elfPath);
    QVERIFY(elf.ok());
    // The RAM copy, and the image it is copied from, which stays in flash.
    const ElfSymbol *copy = elf->symbol("ember_cpool");
    const ElfSymbol *image = elf->symbol(pool->info.constantsImage);
    QVERIFY(copy && image);
    QCOMPARE(uint64_t(copy->size), uint64_t(bytes));
    QCOMPARE(uint64_t(image->size), uint64_t(bytes));
    QVERIFY(b.region(b.ramRegion)->contains(copy->value));
    QVERIFY(b.region(b.flashRegion)->contains(image->value));
    QVERIFY(pool->harness.find("memcpy(ember_cpool, " + pool->info.constantsImage) != std::string::npos);
    // Counted in the RAM report: the pool costs its size in RAM over the flash build.
    QCOMPARE(pool->build.size.constantsPoolBytes, uint64_t(bytes));
    QCOMPARE(flash->build.size.constantsPoolBytes, uint64_t(0));
    QVERIFY(pool->build.size.ramBytes >= flash->build.size.ramBytes + bytes);
    QVERIFY(pool->build.size.format().find("constants pool " + std::to_string(bytes)) != std::string::npos);
}

void TestApiModes::ioWorkspaceSavesRam() {
    const Board b = boardOf("qemu-mps2-an386");
    QTemporaryDir dirSep, dirWs;
    Result<Built> sep = buildKws("--io separate", b, dirSep.path().toStdString(), input_);
    QVERIFY2(sep.ok(), sep.diagnostics().format().c_str());
    Result<Built> ws = buildKws("--io workspace", b, dirWs.path().toStdString(), input_);
    QVERIFY2(ws.ok(), ws.diagnostics().format().c_str());
    // Separate: the harness owns the 490-byte input and 12-byte output buffers.
    QCOMPARE(sep->build.size.ioBytes, uint64_t(490 + 12));
    QCOMPARE(ws->build.size.ioBytes, uint64_t(0));
    QCOMPARE(ws->build.size.workspaceBytes, sep->build.size.workspaceBytes);  // KWS: I/O fits the existing plan
    QVERIFY2(ws->build.size.ramBytes < sep->build.size.ramBytes,
             (sep->build.size.format() + "\n" + ws->build.size.format()).c_str());
    QVERIFY(sep->build.size.ramBytes - ws->build.size.ramBytes >= 490);
    Result<ElfFile> elf = readElf(ws->build.elfPath);
    QVERIFY(elf.ok());
    QVERIFY(!elf->symbol("ember_input0") && !elf->symbol("ember_output0"));
    QVERIFY(ws->harness.find("memcpy(kws_ref_model_input_input_1(), ember_input0_data, 490)") != std::string::npos);
}

void TestApiModes::badPackageMetadata_data() {
    QTest::addColumn<QString>("pattern");  // regular expression on metadata.json
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("message");
    // The pool's size varies as weights are re-laid out: match any number.
    QTest::newRow("constants-pool-without-size") << "(?<=\"bytes\": )[0-9]+(?=,\\s*\"image\")" << "0"
                                                 << "has no constants_pool size and image";
    QTest::newRow("app-pool-without-c-name") << "\"c_name\": \"workspace\"" << "\"c_name\": \"\""
                                             << "application-provided pool 'workspace' has no c_name";
}

// A metadata.json that claims a mode but lacks what the harness needs for it
// is refused with one diagnostic, not turned into firmware that cannot build.
void TestApiModes::badPackageMetadata() {
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(QString, message);
    CompileOptions co;
    std::vector<std::string> rest;
    Diagnostics d;
    QVERIFY(parseCompileArgs(words("--app-pools --constants pool"), co, rest, d));
    Result<Graph> g = loadModel(test::modelPath(kKws));
    QVERIFY(g.ok());
    Result<Artifacts> a = compile(*g, co);
    QVERIFY(a.ok());
    Artifacts broken = *a;
    for (auto &[path, text] : broken.files) {
        if (path != "metadata.json") continue;
        QString t = QString::fromStdString(text);
        t.replace(QRegularExpression(pattern), replacement);
        QVERIFY2(t.toStdString() != text, "the pattern must match the package");
        text = t.toStdString();
    }
    Result<FileList> files = generateFirmwareProject(broken, boardOf("qemu-mps2-an386"), {});
    QVERIFY(!files.ok());
    QCOMPARE(files.diagnostics().items().size(), size_t(1));
    const std::string msg = files.diagnostics().format();
    QVERIFY2(msg.find(message.toStdString()) != std::string::npos, msg.c_str());
}

QTEST_GUILESS_MAIN(TestApiModes)
#include "tst_apimodes.moc"
