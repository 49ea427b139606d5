// ember-studio's command line: every emberc compile flag is accepted and
// lands in the project's options and its first build, as if chosen in the
// Options panel; a bad value is one error on stderr and exit code 2.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "ProjectStore.h"
#include "TestUtil.h"

using namespace ember::studio;

class TestStudioCli : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

    // Runs ember-studio with `args` in an environment of its own (offscreen;
    // `display` false: no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM at all);
    // returns its exit code, -1 when it crashed or did not finish.
    int run(const QStringList &args, QString *err = nullptr, QString *out = nullptr, bool display = true) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        if (!display)
            for (const char *v : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(v);
        env.insert("HOME", home_.path());
        env.insert("XDG_CONFIG_HOME", home_.path() + "/config");
        env.insert("XDG_DATA_HOME", home_.path() + "/data");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(EMBER_STUDIO_BIN), args);
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (err) *err = QString::fromUtf8(p.readAllStandardError());
        if (out) *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // The newest build of the model's project in database `db`.
    BuildRecord newestBuild(const QString &db, const QString &model) {
        ProjectStore store(db);
        const std::optional<Project> project = store.projectForModel(model);
        if (!project) return {};
        const QList<BuildRecord> builds = store.builds(project->id);
        return builds.isEmpty() ? BuildRecord{} : builds.first();
    }

private slots:
    void initTestCase() { QVERIFY(home_.isValid()); }

    void compileFlagsApplied() {
        // The studio keeps projects by the model's canonical path.
        const QString model =
            QFileInfo(QString::fromStdString(ember::test::modelPath("mlperf_tiny/ic/pretrainedResnet_quant.tflite"))).canonicalFilePath();
        QVERIFY(!model.isEmpty());
        const QString plainDb = home_.filePath("plain.db"), fusedDb = home_.filePath("fused.db");
        QString err;
        QVERIFY2(run({model, "--database", plainDb, "--screenshot", home_.filePath("plain.png"), "--tab", "memory",
                      "--io", "workspace", "--optimize", "size"}, &err) == 0, qPrintable(err));
        QVERIFY2(run({model, "--database", fusedDb, "--screenshot", home_.filePath("fused.png"), "--tab", "memory",
                      "--io", "workspace", "--optimize", "size", "--in-place", "fuse"}, &err) == 0, qPrintable(err));
        const BuildRecord plain = newestBuild(plainDb, model), fused = newestBuild(fusedDb, model);
        QCOMPARE(plain.status, QString("ok"));
        QCOMPARE(fused.status, QString("ok"));
        QCOMPARE(plain.options.get("--optimize"), QString("size"));
        QCOMPARE(fused.options.get("--optimize"), QString("size"));
        QCOMPARE(fused.options.get("--in-place"), QString("fuse"));
        QCOMPARE(fused.options.get("--io"), QString("workspace"));
        // The flags reached the compiler: fused residual blocks need less workspace.
        QCOMPARE(plain.poolPeaks.size(), fused.poolPeaks.size());
        QVERIFY(!fused.poolPeaks.isEmpty());
        const QString pool = fused.poolPeaks.firstKey();
        QVERIFY2(fused.poolPeaks[pool] < plain.poolPeaks[pool],
                 qPrintable(QString("%1 fused %2 B, not below %3 B").arg(pool).arg(fused.poolPeaks[pool]).arg(plain.poolPeaks[pool])));
        QVERIFY(QFileInfo(home_.filePath("fused.png")).size() > 0);
    }

    // Headless: --help and --screenshot work offscreen by themselves; a
    // window is refused with the reason, not Qt's plugin abort.
    void withoutDisplay() {
        QString err, out;
        QCOMPARE(run({"--help"}, &err, &out, false), 0);
        for (const char *flag : {"--screenshot", "--in-place", "--optimize", "--target", "--pool"})
            QVERIFY2(out.contains(flag), qPrintable(out));
        QCOMPARE(run({"--example", "--database", home_.filePath("headless.db"), "--screenshot", home_.filePath("headless.png")},
                     &err, &out, false),
                 0);
        QVERIFY2(QFileInfo(home_.filePath("headless.png")).size() > 0, qPrintable(err));
        QCOMPARE(run({"--example", "--database", home_.filePath("headless.db")}, &err, &out, false), 2);
        QVERIFY2(err.contains("no display") && err.contains("--screenshot"), qPrintable(err));
    }

    void badFlagRefused() {
        QString err;
        QCOMPARE(run({"--example", "--database", home_.filePath("bad.db"), "--screenshot", home_.filePath("bad.png"),
                      "--pin", "no-equals-sign"}, &err), 2);
        QVERIFY2(err.contains("--pin") && err.contains("TENSOR=POOL"), qPrintable(err));
        QVERIFY(!QFileInfo::exists(home_.filePath("bad.png")));
    }
};

QTEST_GUILESS_MAIN(TestStudioCli)
#include "tst_studio_cli.moc"
