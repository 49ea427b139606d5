// The four MLPerf Tiny int8 models as firmware on the emulated Cortex-M4,
// Cortex-M7 and Cortex-M55 (each compiled with its board's --target: DSP
// paths on M4/M7, Helium on M55): outputs bit-exact with the golden and with the host run of the
// same generated C, one table row per layer, identical counts on a second boot (KWS, each board).
// Plus --optimize size on the M4 and the M55 (compact kernels: bit-exact too,
// and less flash than the balanced build of the same model on the same board)
// and --optimize speed on the M4 (-O3 for the layer file); on the M7, KWS in
// both modes. (speed on a Helium core builds what balanced builds.) And IC
// with --in-place fuse --io workspace on the M4 and the M55 (its residual
// blocks fused into one layer each).
#include <QtTest>
#include <algorithm>
#include <map>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/validate/HostRunner.h"
#include "flashers/Firmware.h"
#include "flashers/Profiler.h"
#include "flashers/ToolProcess.h"

using namespace ember;

class TestQemuModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void model_data();
    void model();
};

void TestQemuModels::initTestCase() {
    for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm", "gdb-multiarch"})
        if (findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
}

void TestQemuModels::model_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("board");
    QTest::addColumn<QString>("optimize");
    const char *models[] = {"kws/kws_ref_model", "vww/vww_96_int8", "ic/pretrainedResnet_quant", "ad/ad01_int8"};
    // Every MLPerf model in every --optimize mode on the three cores (the
    // board catalogue sets --target: cortex-m4, cortex-m7, cortex-m55);
    // balanced first, so that size mode can be compared with its flash.
    for (const char *mode : {"balanced", "speed", "size"})
        for (const char *board : {"qemu-mps2-an386", "qemu-mps2-an500", "qemu-mps3-an547"})
            for (const char *m : models) {
                const QString stem = QString(m).section('/', 1);
                const QString suffix = QString(mode) == "balanced" ? QString() : ":" + QString(mode);
                QTest::newRow(qPrintable(stem + "@" + QString(board).section('-', 2) + suffix))
                    << QString(m) << QString(board) << QString(mode);
            }
    // --in-place fuse --io workspace ("fuse": balanced otherwise): IC's
    // residual blocks as fused layers, on a DSP and a Helium core.
    for (const char *board : {"qemu-mps2-an386", "qemu-mps3-an547"})
        QTest::newRow(qPrintable(QString("pretrainedResnet_quant@") + QString(board).section('-', 2) + ":fuse"))
            << QString(models[2]) << QString(board) << QString("fuse");
}

void TestQemuModels::model() {
    QFETCH(QString, model);
    QFETCH(QString, board);
    QFETCH(QString, optimize);
    const std::string stem = model.section('/', 1).toStdString();
    const std::string golden = test::sharedDir() + "/models/golden/" + stem + "/";
    std::vector<uint8_t> input, expected;
    QVERIFY(test::readFile(golden + "case0.input0.bin", &input));
    QVERIFY(test::readFile(golden + "case0.output0.bin", &expected));

    Result<Graph> g = loadModel(test::modelPath("mlperf_tiny/" + model.toStdString() + ".tflite"));
    QVERIFY2(g.ok(), g.diagnostics().format().c_str());
    Result<BoardCatalog> cat = BoardCatalog::load();
    const Board b = cat->find(board.toStdString()).value();
    CompileOptions opts;
    const bool fuse = optimize == "fuse";
    opts.optimize = fuse ? "balanced" : optimize.toStdString();
    opts.plan.inPlace = opts.plan.fuseRows = opts.plan.ioInWorkspace = fuse;
    Result<Artifacts> a = compile(*g, withBoardTarget(opts, b));
    QVERIFY2(a.ok(), a.diagnostics().format().c_str());
    Result<PackageInfo> info = readPackageInfo(*a->file("metadata.json"), "metadata.json");
    QVERIFY2(info.ok(), info.diagnostics().format().c_str());
    FirmwareOptions fo;
    fo.inputs = {input};
    Result<FileList> files = generateFirmwareProject(*a, b, fo);
    QVERIFY2(files.ok(), files.diagnostics().format().c_str());
    QTemporaryDir dir;
    Diagnostics d;
    QVERIFY(writeFiles(*files, dir.path().toStdString(), d));
    Result<FirmwareBuild> fb = buildFirmware(dir.path().toStdString(), b);
    QVERIFY2(fb.ok(), fb.diagnostics().format().c_str());
    // Speed mode on DSP cores links the conv filters pre-extended to int16
    // (ConvFast.cpp weights_sxtb16) and drops the int8 ones that only the
    // portable branch reads; the package's constants count both.
    if (optimize != "speed") QVERIFY(fb->size.flashBytes >= info->constantsBytes);
    // Size mode: less flash than balanced (its flash figure from the previous
    // rows of this model on this board, which run first).
    static std::map<std::string, uint64_t> balancedFlash;
    const std::string key = stem + "@" + b.id;
    if (optimize == "balanced") balancedFlash[key] = fb->size.flashBytes;
    else if (optimize == "size" && balancedFlash.count(key))
        QVERIFY2(fb->size.flashBytes < balancedFlash[key],
                 qPrintable(QString("size mode flash %1 >= balanced %2").arg(fb->size.flashBytes).arg(balancedFlash[key])));
    QVERIFY(fb->size.stackWorst > 0 && fb->size.stackWorst <= fb->size.stackReserved);

    Result<BoardRun> run = runFirmware(fb->elfPath, b, *info);
    QVERIFY2(run.ok(), run.diagnostics().format().c_str());
    QCOMPARE(run->outputs.size(), size_t(1));
    QCOMPARE(run->outputs[0], expected);  // golden (TFLM reference kernels)
    Result<std::vector<std::vector<uint8_t>>> host = runGeneratedC(*a, *g, {input});
    QVERIFY2(host.ok(), host.diagnostics().format().c_str());
    QCOMPARE(run->outputs, *host);       // the same generated C on the host

    QCOMPARE(run->layers.size(), info->layers.size());
    // A fused chain is one layer for its two or three ops.
    size_t fusedAway = 0;
    for (size_t k = 0; k < info->layers.size(); ++k)
        fusedAway += size_t(std::count(info->layers[k].op.begin(), info->layers[k].op.end(), '+'));
    QCOMPARE(run->layers.size() + fusedAway, g->ops.size());
    if (fuse) QCOMPARE(fusedAway, size_t(6));  // IC: three residual blocks of three ops
    // Emulated counters tick every tick_ns instructions (40 on the MPS2
    // boards): a RESHAPE (an alias with --in-place, a short copy otherwise)
    // can take less than one tick; a layer that computes cannot.
    uint64_t sum = 0;
    for (size_t k = 0; k < run->layers.size(); ++k) {
        if (info->layers[k].op != "RESHAPE")
            QVERIFY2(run->layers[k] > 0, qPrintable(QString::fromStdString(info->layers[k].name) + " counted 0 instructions"));
        sum += run->layers[k];
    }
    QVERIFY(sum <= run->total);
    QVERIFY2(run->total - sum < run->total / 20 + 2000, "hooks and glue should be a small part of the total");
    QVERIFY(run->stackUsed > 0 && run->stackUsed <= fb->size.stackWorst);  // the static bound holds
    QVERIFY(qAbs(qint64(run->runTotals[0]) - qint64(run->runTotals[1])) <= qint64(std::ceil(b.tickNs)));  // one tick
    if (optimize == "balanced" && stem == "kws_ref_model") {  // determinism once per board is enough
        Result<BoardRun> again = runFirmware(fb->elfPath, b, *info);
        QVERIFY(again.ok());
        QCOMPARE(again->layers, run->layers);
        QCOMPARE(again->runTotals, run->runTotals);
    }
    qInfo("%s (%s) on %s: %llu instructions, flash %llu, RAM %llu, stack %u", stem.c_str(), qPrintable(optimize), b.id.c_str(),
          static_cast<unsigned long long>(run->total), static_cast<unsigned long long>(fb->size.flashBytes),
          static_cast<unsigned long long>(fb->size.ramBytes), run->stackUsed);
}

QTEST_GUILESS_MAIN(TestQemuModels)
#include "tst_qemumodels.moc"
