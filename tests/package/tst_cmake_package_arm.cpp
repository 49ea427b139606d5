// Ember in a user's cross build, from a staged install: the sample project
// (find_package(Ember), ember_add_model) built with arm-none-eabi-gcc and run
// on QEMU mps2-an386 (Cortex-M4) against the KWS golden, bit-exact; and the
// firmware project `emberc firmware` writes, which compiles its model at
// build time through the same package (or uses its copy without Ember).
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "PackageTestUtil.h"

using namespace ember::test;

class TestCMakePackageArm : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString stage_, model_;

private slots:
    void initTestCase();
    void cortexM4BitExactOnQemu();
    void firmwareProjectCompilesModelAtBuildTime();
    void firmwareProjectWithoutEmber();
};

void TestCMakePackageArm::initTestCase()
{
    for (const char *tool : {"cmake", "ninja", "arm-none-eabi-gcc"})
        if (!haveTool(tool)) QSKIP(qPrintable(QString(tool) + " not installed"));
    QVERIFY(tmp_.isValid());
    stage_ = tmp_.filePath("stage");
    const Run r = stageInstall(stage_);
    QVERIFY2(r.ok(), r.message("cmake --install"));
    model_ = tmp_.filePath("kws.tflite");
    QVERIFY(QFile::copy(kwsModel(), model_));
}

void TestCMakePackageArm::cortexM4BitExactOnQemu()
{
    QElapsedTimer t;
    t.start();
    const QString build = tmp_.filePath("build-arm");
    const Run c = run("cmake", {"-S", sampleDir(), "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                                "-DCMAKE_TOOLCHAIN_FILE=" + sampleDir() + "/arm/arm-none-eabi.cmake",
                                "-DCMAKE_PREFIX_PATH=" + stage_, "-DKWS_MODEL=" + model_, "-DKWS_GOLDEN=" + kwsGolden()});
    QVERIFY2(c.ok(), c.message("configure (arm)"));
    const Run b = run("cmake", {"--build", build});
    QVERIFY2(b.ok(), b.message("build (arm)"));
    QVERIFY2(b.output.contains("Ember: compiling"), qPrintable(b.output));
    const QString elf = build + "/kws_app.elf";
    QVERIFY(QFile::exists(elf));
    const Run again = run("cmake", {"--build", build});
    QVERIFY2(again.output.contains("ninja: no work to do."), qPrintable(again.output));
    qInfo("arm: configure + build in %lld ms", t.elapsed());
    if (!haveTool("qemu-system-arm")) QSKIP("qemu-system-arm not installed: built, not run");
    t.restart();
    const Run q = run("qemu-system-arm", {"-M", "mps2-an386", "-nographic", "-monitor", "none", "-serial", "null",
                                          "-semihosting-config", "enable=on,target=native", "-kernel", elf},
                      tmp_.path(), 120);
    QVERIFY2(q.finished, q.message("qemu-system-arm"));
    QVERIFY2(q.output.contains("KWS BIT-EXACT") && q.output.count("PASS") == 3, qPrintable(q.output));
    qInfo("arm: 3 golden cases on QEMU mps2-an386 in %lld ms", t.elapsed());
}

void TestCMakePackageArm::firmwareProjectCompilesModelAtBuildTime()
{
    const QString fw = tmp_.filePath("fw");
    const Run g = run(stage_ + "/bin/emberc", {"firmware", model_, "--board", "qemu-mps2-an386", "-o", fw, "--io",
                                               "workspace", "--name", "kws"});
    QVERIFY2(g.ok(), g.message("emberc firmware"));
    QFile lists(fw + "/CMakeLists.txt");
    QVERIFY(lists.open(QIODevice::ReadOnly));
    const QByteArray text = lists.readAll();
    QVERIFY2(text.contains("find_package(Ember 0.1 QUIET)"), text.constData());
    // The options as given, plus the target the board sets (the copy in
    // model/ was compiled with it too).
    QVERIFY2(text.contains("ember_add_model(firmware.elf MODEL \"${EMBER_MODEL}\" NAME kws OPTIONS \"--io\" \"workspace\" "
                           "\"--target\" \"cortex-m4\")"),
             text.constData());
    const QString build = fw + "/build-ember";
    const Run c = run("cmake", {"-S", fw, "-B", build, "-G", "Ninja", "-DCMAKE_PREFIX_PATH=" + stage_});
    QVERIFY2(c.ok(), c.message("configure firmware project"));
    QVERIFY2(c.output.contains("is compiled at build time"), qPrintable(c.output));
    const Run b = run("cmake", {"--build", build});
    QVERIFY2(b.ok(), b.message("build firmware project"));
    QVERIFY2(b.output.contains("Ember: compiling"), qPrintable(b.output));
    QVERIFY(QFile::exists(build + "/ember/kws/metadata.json"));
    QVERIFY(QFile::exists(build + "/firmware.elf"));
    // The package generated at build time is the one emberc firmware copied in.
    QFile a(build + "/ember/kws/src/kws_ops.c"), c0(fw + "/model/src/kws_ops.c");
    QVERIFY(a.open(QIODevice::ReadOnly) && c0.open(QIODevice::ReadOnly));
    QVERIFY(a.readAll() == c0.readAll());
    const Run again = run("cmake", {"--build", build});
    QVERIFY2(again.output.contains("ninja: no work to do."), qPrintable(again.output));
}

void TestCMakePackageArm::firmwareProjectWithoutEmber()
{
    // No Ember found (or -DEMBER_MODEL=): the copied package in model/ is built.
    const QString fw = tmp_.filePath("fw");
    if (!QFile::exists(fw + "/CMakeLists.txt")) QSKIP("needs the project of the previous test");
    const QString build = fw + "/build-plain";
    const Run c = run("cmake", {"-S", fw, "-B", build, "-G", "Ninja", "-DEMBER_MODEL="});
    QVERIFY2(c.ok(), c.message("configure firmware project"));
    QVERIFY2(!c.output.contains("is compiled at build time"), qPrintable(c.output));
    const Run b = run("cmake", {"--build", build});
    QVERIFY2(b.ok(), b.message("build firmware project"));
    QVERIFY2(!b.output.contains("Ember: compiling"), qPrintable(b.output));
    QVERIFY(QFile::exists(build + "/firmware.elf"));
}

QTEST_GUILESS_MAIN(TestCMakePackageArm)
#include "tst_cmake_package_arm.moc"
