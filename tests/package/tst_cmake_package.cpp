// Ember in a user's build, from a staged install: `emberc compile --depfile`,
// find_package(Ember) + ember_add_model() in a sample project built for the
// host with Ninja (KWS bit-exact against the golden; nothing rebuilt when
// nothing changed; the model or the options changed → regenerated and
// relinked), and the same project through ember.mk with make.
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "PackageTestUtil.h"

using namespace ember::test;

class TestCMakePackage : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString stage_, model_, build_;

    QString emberc() const { return stage_ + "/bin/emberc"; }
    Run configure(const QStringList &extra = {}) const
    {
        QStringList args{"-S", sampleDir(), "-B", build_, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                         "-DCMAKE_PREFIX_PATH=" + stage_, "-DKWS_MODEL=" + model_, "-DKWS_GOLDEN=" + kwsGolden()};
        return run("cmake", args + extra);
    }
    Run build() const { return run("cmake", {"--build", build_}); }
    // Makes the model newer than everything generated from it.
    void touchModel() const
    {
        QFile f(model_);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QTest::qWait(20);  // newer than anything written so far, never in the future
        QVERIFY(f.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime));
    }

private slots:
    void initTestCase();
    void installedLayout();
    void versionAndData();
    void depfile();
    void depfileEscapesPaths();
    void hostBuildBitExact();
    void noWorkWhenNothingChanged();
    void modelChangeRegenerates();
    void optionsChangeRegenerates();
    void makeFragment();
    void badCalls();
};

void TestCMakePackage::initTestCase()
{
    if (!haveTool("cmake") || !haveTool("ninja")) QSKIP("cmake or ninja not installed");
    QVERIFY(tmp_.isValid());
    stage_ = tmp_.filePath("stage");
    build_ = tmp_.filePath("build-host");
    QElapsedTimer t;
    t.start();
    const Run r = stageInstall(stage_);
    QVERIFY2(r.ok(), r.message("cmake --install"));
    qInfo("staged install in %lld ms", t.elapsed());
    // A copy the tests may touch.
    model_ = tmp_.filePath("models/kws.tflite");
    QVERIFY(QDir().mkpath(tmp_.filePath("models")));
    QVERIFY(QFile::copy(kwsModel(), model_));
    QFile(model_).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

void TestCMakePackage::installedLayout()
{
    QVERIFY(QFileInfo(emberc()).isExecutable());
    QStringList configs;
    for (const QString &d : {"lib/cmake/Ember", "lib64/cmake/Ember", "lib/x86_64-linux-gnu/cmake/Ember"})
        if (QFile::exists(stage_ + "/" + d + "/EmberConfig.cmake")) configs << d;
    QVERIFY2(configs.size() == 1, qPrintable("EmberConfig.cmake not installed once: " + configs.join(", ")));
    for (const char *f : {"EmberConfigVersion.cmake", "EmberModel.cmake"})
        QVERIFY2(QFile::exists(stage_ + "/" + configs[0] + "/" + f), f);
    QVERIFY(QFile::exists(stage_ + "/share/ember/ember.mk"));
    QVERIFY(QFile::exists(stage_ + "/share/ember/boards/qemu-mps2-an386.json"));
    // Nothing of the build tree leaks into the installed package.
    for (const QString &f : {stage_ + "/" + configs[0] + "/EmberConfig.cmake", stage_ + "/share/ember/ember.mk"}) {
        QFile file(f);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(EMBER_BINARY_DIR), qPrintable(f + " names the build folder"));
    }
}

void TestCMakePackage::versionAndData()
{
    const Run v = run(emberc(), {"--version"});
    QVERIFY2(v.ok(), v.message("emberc --version"));
    QVERIFY2(v.output.startsWith("emberc " EMBER_VERSION_STRING " (commit "), qPrintable(v.output));
    QVERIFY2(!v.output.contains("commit )"), qPrintable(v.output));
    // The installed emberc reads the installed catalogue (<bindir>/../share/ember/boards):
    // a board dropped there shows up; the build folder is not consulted.
    QFile extra(stage_ + "/share/ember/boards/zz-installed-test.json");
    QVERIFY(extra.open(QIODevice::WriteOnly));
    QFile base(stage_ + "/share/ember/boards/qemu-mps2-an386.json");
    QVERIFY(base.open(QIODevice::ReadOnly));
    QByteArray json = base.readAll();
    json.replace("\"qemu-mps2-an386\"", "\"installed-test-board\"");
    json.replace("QEMU MPS2-AN386 (Cortex-M4, emulated)", "Installed Test Board");
    extra.write(json);
    extra.close();
    const Run b = run(emberc(), {"boards"});
    QFile::remove(extra.fileName());
    QVERIFY2(b.ok(), b.message("emberc boards"));
    QVERIFY2(b.output.contains("installed-test-board") && b.output.contains("nucleo-f446re"), qPrintable(b.output));
}

void TestCMakePackage::depfile()
{
    const QString out = tmp_.filePath("dep/pkg"), dep = tmp_.filePath("dep/pkg.d");
    const Run r = run(emberc(), {"compile", model_, "-o", out, "--name", "kws", "--depfile", dep});
    QVERIFY2(r.ok(), r.message("emberc compile --depfile"));
    QFile f(dep);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // One rule: every package file, then the model and emberc itself.
    QString joined = text;
    joined.replace("\\\n", " ");
    const QStringList sides = joined.split(": ");
    QCOMPARE(sides.size(), 2);
    const QStringList targets = sides[0].split(' ', Qt::SkipEmptyParts);
    const QStringList deps = sides[1].split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
    QCOMPARE(targets, QStringList({out + "/include/kws/kws.h", out + "/src/kws.c", out + "/src/kws_ops.c",
                                   out + "/src/kws_constants.c", out + "/metadata.json"}));
    QCOMPARE(deps.size(), 2);
    QCOMPARE(deps[0], model_);
    QCOMPARE(QFileInfo(deps[1]).canonicalFilePath(), QFileInfo(emberc()).canonicalFilePath());
    QVERIFY(text.endsWith("\n"));
    for (const QString &t : targets) QVERIFY2(QFile::exists(t), qPrintable(t));
    // A second run rewrites the same text.
    QVERIFY(run(emberc(), {"compile", model_, "-o", out, "--name", "kws", "--depfile", dep}).ok());
    QFile again(dep);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(again.readAll()), text);
    // Missing value: a usage error.
    const Run bad = run(emberc(), {"compile", model_, "-o", out, "--depfile"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.output.contains("--depfile needs a file name"), qPrintable(bad.output));
}

void TestCMakePackage::depfileEscapesPaths()
{
    const QString dir = tmp_.filePath("dep two/a#b");
    QVERIFY(QDir().mkpath(dir));
    const QString model = dir + "/my model.tflite";
    QVERIFY(QFile::copy(kwsModel(), model));
    const Run r = run(emberc(), {"compile", model, "-o", dir + "/out pkg", "--name", "kws", "--depfile", dir + "/x.d"});
    QVERIFY2(r.ok(), r.message("emberc compile --depfile"));
    QFile f(dir + "/x.d");
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QString escaped = model;
    escaped.replace(" ", "\\ ").replace("#", "\\#");
    QVERIFY2(text.contains(escaped + " \\\n"), qPrintable(text));
    QVERIFY2(text.contains("dep\\ two/a\\#b/out\\ pkg/src/kws.c"), qPrintable(text));
}

void TestCMakePackage::hostBuildBitExact()
{
    QElapsedTimer t;
    t.start();
    const Run c = configure();
    QVERIFY2(c.ok(), c.message("configure"));
    const Run b = build();
    QVERIFY2(b.ok(), b.message("build"));
    QVERIFY2(b.output.contains("Ember: compiling"), qPrintable(b.output));
    // The staged emberc did the work, and the package sits in the build tree.
    QFile ninja(build_ + "/build.ninja");
    QVERIFY(ninja.open(QIODevice::ReadOnly));
    QVERIFY(ninja.readAll().contains((stage_ + "/bin/emberc").toUtf8()));
    QVERIFY(QFile::exists(build_ + "/ember/kws/metadata.json"));
    QVERIFY(QFile::exists(build_ + "/ember/kws/include/kws/kws.h"));
    const Run app = run(build_ + "/kws_app", {});
    QVERIFY2(app.ok(), app.message("kws_app"));
    QVERIFY2(app.output.contains("KWS BIT-EXACT") && app.output.count("PASS") == 3, qPrintable(app.output));
    qInfo("host: configure + build + 3 golden cases in %lld ms", t.elapsed());
}

void TestCMakePackage::noWorkWhenNothingChanged()
{
    const Run b = build();
    QVERIFY2(b.ok(), b.message("build"));
    QVERIFY2(b.output.contains("ninja: no work to do."), qPrintable(b.output));
    // Re-configuring with the same options changes nothing either.
    QVERIFY(configure().ok());
    const Run again = build();
    QVERIFY2(again.output.contains("ninja: no work to do."), qPrintable(again.output));
}

void TestCMakePackage::modelChangeRegenerates()
{
    touchModel();
    const Run b = build();
    QVERIFY2(b.ok(), b.message("build"));
    QVERIFY2(b.output.contains("Ember: compiling"), qPrintable(b.output));
    QVERIFY2(b.output.contains("kws_ops.c") && b.output.contains("Linking C executable kws_app"), qPrintable(b.output));
    const Run again = build();
    QVERIFY2(again.output.contains("ninja: no work to do."), qPrintable(again.output));
    const Run app = run(build_ + "/kws_app", {});
    QVERIFY2(app.ok() && app.output.contains("KWS BIT-EXACT"), app.message("kws_app"));
}

void TestCMakePackage::optionsChangeRegenerates()
{
    const Run c = configure({"-DKWS_OPTIONS=--align;32;--planner;greedy-size"});
    QVERIFY2(c.ok(), c.message("configure"));
    const Run b = build();
    QVERIFY2(b.ok(), b.message("build"));
    QVERIFY2(b.output.contains("Ember: compiling"), qPrintable(b.output));
    QFile meta(build_ + "/ember/kws/metadata.json");
    QVERIFY(meta.open(QIODevice::ReadOnly));
    const QByteArray m = meta.readAll();
    QVERIFY2(m.contains("greedy-size"), m.constData());
    const Run again = build();
    QVERIFY2(again.output.contains("ninja: no work to do."), qPrintable(again.output));
    const Run app = run(build_ + "/kws_app", {});
    QVERIFY2(app.ok() && app.output.contains("KWS BIT-EXACT"), app.message("kws_app"));
    QVERIFY(configure({"-DKWS_OPTIONS="}).ok());
}

void TestCMakePackage::makeFragment()
{
    if (!haveTool("make")) QSKIP("make not installed");
    const QString out = tmp_.filePath("build-make");
    const QStringList args{"-f", sampleDir() + "/Makefile", "EMBER_MK=" + stage_ + "/share/ember/ember.mk",
                           "KWS_MODEL=" + model_, "KWS_GOLDEN=" + kwsGolden(), "OUT=" + out};
    const Run b = run("make", args, tmp_.path());
    QVERIFY2(b.ok(), b.message("make"));
    QVERIFY2(b.output.contains(stage_ + "/bin/emberc compile"), qPrintable(b.output));
    const Run app = run(out + "/kws_app", {});
    QVERIFY2(app.ok() && app.output.contains("KWS BIT-EXACT"), app.message("kws_app (make)"));
    const Run again = run("make", args, tmp_.path());
    QVERIFY2(again.ok() && again.output.contains("is up to date"), qPrintable(again.output));
    touchModel();
    const Run rebuilt = run("make", args, tmp_.path());
    QVERIFY2(rebuilt.ok() && rebuilt.output.contains("emberc compile") && rebuilt.output.contains("kws_ops.o"),
             qPrintable(rebuilt.output));
    QVERIFY(run("make", args, tmp_.path()).output.contains("is up to date"));
    // New options: the stamp changes, emberc runs again.
    const Run opts = run("make", args + QStringList{"KWS_OPTIONS=--align 32"}, tmp_.path());
    QVERIFY2(opts.ok() && opts.output.contains("--align 32"), qPrintable(opts.output));
    QVERIFY(run("make", args + QStringList{"KWS_OPTIONS=--align 32"}, tmp_.path()).output.contains("is up to date"));
}

void TestCMakePackage::badCalls()
{
    // Mistakes in ember_add_model() stop the configure with a clear message.
    const QString src = tmp_.filePath("bad");
    QVERIFY(QDir().mkpath(src));
    QFile mainC(src + "/main.c");
    QVERIFY(mainC.open(QIODevice::WriteOnly));
    mainC.write("int main(void) { return 0; }\n");
    mainC.close();
    auto tryProject = [&](const QString &body) {
        QFile f(src + "/CMakeLists.txt");
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(("cmake_minimum_required(VERSION 3.20)\nproject(bad C)\nfind_package(Ember REQUIRED)\n"
                 "add_executable(app main.c)\n" + body + "\n").toUtf8());
        f.close();
        QDir(src + "/b").removeRecursively();
        return run("cmake", {"-S", src, "-B", src + "/b", "-G", "Ninja", "-DCMAKE_PREFIX_PATH=" + stage_});
    };
    Run r = tryProject("ember_add_model(app MODEL missing.tflite)");
    QVERIFY(!r.ok());
    QVERIFY2(r.output.contains("missing.tflite' does not exist"), qPrintable(r.output));
    r = tryProject("ember_add_model(app MODEL " + model_ + " OPTIONS --name x)");
    QVERIFY(!r.ok());
    QVERIFY2(r.output.contains("'--name' cannot be given in OPTIONS"), qPrintable(r.output));
    r = tryProject("ember_add_model(nosuch MODEL " + model_ + ")");
    QVERIFY(!r.ok());
    QVERIFY2(r.output.contains("'nosuch' is not a target"), qPrintable(r.output));
    r = tryProject("ember_add_model(app MODEL " + model_ + ")\nember_add_model(app MODEL " + model_ + ")");
    QVERIFY(!r.ok());
    QVERIFY2(r.output.contains("already receives another ember_add_model()"), qPrintable(r.output));
    // Too new a version is refused by the version file.
    r = tryProject("find_package(Ember 9.0 REQUIRED)");
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestCMakePackage)
#include "tst_cmake_package.moc"
