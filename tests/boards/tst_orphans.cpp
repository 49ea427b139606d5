// No orphans: every process a run starts (QEMU, gdb, and whatever they start)
// ends with the run — on a timeout and when emberc gets SIGINT — and the
// temporary folders go too. Fake QEMU and gdb (shell scripts) spawn a
// grandchild each, record every pid, and then never finish.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include "TestUtil.h"
#include "flashers/Board.h"
#include "flashers/Profiler.h"
#include "flashers/ToolProcess.h"

using namespace ember;

namespace {

// QEMU stand-in: creates the gdb socket path (so the run goes on to gdb), a
// grandchild, then sleeps; gdb stand-in: a grandchild, then sleeps.
const char *kFakeQemu =
    "#!/bin/sh\n"
    "for a in \"$@\"; do case \"$a\" in unix:*) p=\"${a#unix:}\"; p=\"${p%%,*}\";; esac; done\n"
    "sleep 1000 &\n"
    "echo $! >> \"$FAKE_PIDS\"\n"
    "echo $$ >> \"$FAKE_PIDS\"\n"
    ": > \"$p\"\n"
    "exec sleep 1000\n";
const char *kFakeGdb =
    "#!/bin/sh\n"
    "sleep 1000 &\n"
    "echo $! >> \"$FAKE_PIDS\"\n"
    "echo $$ >> \"$FAKE_PIDS\"\n"
    "echo fake gdb running\n"
    "exec sleep 1000\n";

bool writeScript(const QString &path, const char *text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0) return false;
    f.close();
    return f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

QList<qint64> pidsIn(const QString &file) {
    QList<qint64> pids;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return pids;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty()) pids << l.trimmed().toLongLong();
    return pids;
}

// Alive = exists and is not a zombie waiting for its parent.
bool alive(qint64 pid) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    return close > 0 && close + 2 < s.size() && s[close + 2] != 'Z';
}

// Waits up to 3 s for every pid to be gone; returns the ones still alive.
QList<qint64> survivors(const QList<qint64> &pids) {
    QElapsedTimer t;
    t.start();
    QList<qint64> left;
    do {
        left.clear();
        for (qint64 p : pids)
            if (alive(p)) left << p;
        if (left.isEmpty()) break;
        QThread::msleep(50);
    } while (t.elapsed() < 3000);
    for (qint64 p : left) ::kill(pid_t(p), SIGKILL);  // do not leave them to the next test
    return left;
}

Board emulated() {
    Result<BoardCatalog> cat = BoardCatalog::load();
    EMBER_ASSERT(cat.ok());
    return cat->find("qemu-mps2-an386").value();
}

}  // namespace

class TestOrphans : public QObject {
    Q_OBJECT
    QTemporaryDir bin_;
    QString qemu_, gdb_;

private slots:
    void initTestCase() {
        QVERIFY(bin_.isValid());
        qemu_ = bin_.filePath("fake-qemu");
        gdb_ = bin_.filePath("fake-gdb");
        QVERIFY(writeScript(qemu_, kFakeQemu));
        QVERIFY(writeScript(gdb_, kFakeGdb));
    }

    // A firmware that never finishes: the run times out after --timeout,
    // with a clear error, and QEMU, gdb and their children are all gone.
    void timeoutEndsEveryProcess() {
        QTemporaryDir work;  // TMPDIR of the run: must be empty afterwards
        const QString pids = bin_.filePath("pids-timeout");
        qputenv("FAKE_PIDS", pids.toUtf8());
        const QByteArray oldTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", work.path().toUtf8());
        RunOptions o;
        o.qemu = qemu_.toStdString();
        o.gdb = gdb_.toStdString();
        o.timeoutMs = 5000;
        QElapsedTimer t;
        t.start();
        const Result<BoardRun> r = runFirmware(work.path().toStdString() + "/../fw.elf", emulated(), PackageInfo{}, o);
        qputenv("TMPDIR", oldTmp);
        QVERIFY(!r.ok());
        const std::string err = r.diagnostics().format();
        QVERIFY2(err.find("did not finish within 5 s") != std::string::npos && err.find("--timeout") != std::string::npos,
                 err.c_str());
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
        const QList<qint64> started = pidsIn(pids);
        QVERIFY2(started.size() == 4, qPrintable(QString::number(started.size())));  // qemu, gdb, two grandchildren
        const QList<qint64> left = survivors(started);
        QVERIFY2(left.isEmpty(), qPrintable(QString("still running: %1").arg(left.size())));
        QVERIFY2(QDir(work.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), "temp folder left");
    }

    // SIGINT to emberc during a profile run: exit 130, no process left, no
    // temporary folder left.
    void sigintEndsEveryProcess() {
        for (const char *tool : {"arm-none-eabi-gcc", "cmake"})
            if (findTool(tool).empty()) QSKIP("arm toolchain missing");
        QTemporaryDir work;
        const QString pids = bin_.filePath("pids-sigint");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("TMPDIR", work.path());
        env.insert("FAKE_PIDS", pids);
        env.insert("EMBER_QEMU_SYSTEM_ARM", qemu_);
        env.insert("EMBER_GDB_MULTIARCH", gdb_);
        p.setProcessEnvironment(env);
        p.start(EMBERC_PATH, {"profile", QString::fromStdString(test::modelPath("mlperf_tiny/ad/ad01_int8.tflite")),
                              "--board", "qemu-mps2-an386", "--timeout", "600"});
        QVERIFY(p.waitForStarted());
        // Wait until the run has started QEMU and gdb (the firmware is built first).
        QElapsedTimer t;
        t.start();
        while (pidsIn(pids).size() < 4 && p.state() == QProcess::Running && t.elapsed() < 400000) QThread::msleep(100);
        QVERIFY2(pidsIn(pids).size() == 4, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        const QList<qint64> left = survivors(pidsIn(pids));
        QVERIFY2(left.isEmpty(), qPrintable(QString("still running: %1").arg(left.size())));
        const QStringList rest = QDir(work.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY2(rest.isEmpty(), qPrintable("temp folders left: " + rest.join(", ")));
    }
};

QTEST_GUILESS_MAIN(TestOrphans)
#include "tst_orphans.moc"
