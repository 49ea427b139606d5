// emberc serve / call / bisect on the emulated boards: serve prints an
// address that `emberc call --connect` uses (outputs bit-exact with the
// golden) and `emberc bisect --connect` checks ("all N layers identical"),
// and ends QEMU when stopped; bisect names the layer whose constant a
// test-only switch corrupted on the device.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "TestUtil.h"
#include "flashers/ToolProcess.h"

using namespace ember;

class TestRpcCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void bisectCorrupted();
    void serveAndCall();
};

namespace {

const std::string kModel = "mlperf_tiny/kws/kws_ref_model.tflite";

std::string goldenPath(const std::string &f) { return test::sharedDir() + "/models/golden/kws_ref_model/" + f; }

// Runs emberc; returns exit code, stdout+stderr in *out.
int emberc(const QStringList &args, QString *out, int timeoutMs = 300000) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(EMBERC_PATH, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        *out = "timed out";
        return -1;
    }
    *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

}  // namespace

void TestRpcCli::initTestCase() {
    for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm"})
        if (findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
}

void TestRpcCli::bisectCorrupted() {
    QString out;
    const int rc = emberc({"bisect", QString::fromStdString(test::modelPath(kModel)), "--board", "qemu-mps2-an386",
                           "--input", QString::fromStdString(goldenPath("case0.input0.bin")), "--corrupt-layer", "3"},
                          &out);
    qInfo("%s", qPrintable(out.section('\n', -2)));
    QCOMPARE(rc, 1);
    QVERIFY2(out.contains("first divergent layer: 3 "), qPrintable(out));
    QVERIFY2(out.contains("DIFFERS") && out.contains("max difference"), qPrintable(out));
}

void TestRpcCli::serveAndCall() {
    QProcess serve;
    serve.start(EMBERC_PATH, {"serve", QString::fromStdString(test::modelPath(kModel)), "--board", "qemu-mps3-an547"});
    QString address, text;
    QElapsedTimer t;
    t.start();
    while (address.isEmpty() && t.elapsed() < 300000 && serve.state() != QProcess::NotRunning) {
        serve.waitForReadyRead(200);
        text += QString::fromUtf8(serve.readAllStandardOutput());
        const QRegularExpressionMatch mt = QRegularExpression("connect: (\\S+)").match(text);
        if (mt.hasMatch()) address = mt.captured(1);
    }
    QVERIFY2(!address.isEmpty(), qPrintable(text + serve.readAllStandardError()));
    QString out;
    QCOMPARE(emberc({"call", "--connect", address, "--list"}, &out), 0);
    QVERIFY2(out.contains("kws_ref_model_run("), qPrintable(out));
    QTemporaryDir dir;
    QVERIFY2(emberc({"call", "--connect", address, "kws_ref_model_run", "--input",
                     QString::fromStdString(goldenPath("case1.input0.bin")), "--output-dir", dir.path()},
                    &out) == 0,
             qPrintable(out));
    std::vector<uint8_t> got, want;
    QVERIFY(test::readFile(dir.path().toStdString() + "/output0.bin", &got));
    QVERIFY(test::readFile(goldenPath("case1.output0.bin"), &want));
    QCOMPARE(got, want);
    // bisect against the running server: a correct build, every layer identical.
    const int rc = emberc({"bisect", QString::fromStdString(test::modelPath(kModel)), "--connect", address, "--input",
                           QString::fromStdString(goldenPath("case0.input0.bin"))},
                          &out);
    qInfo("%s", qPrintable(out.section('\n', -2)));
    QVERIFY2(rc == 0, qPrintable(out));
    QVERIFY2(out.contains(QRegularExpression("all [0-9]+ layers identical")), qPrintable(out));
    QCOMPARE(emberc({"call", "--connect", address, "no_such_function"}, &out), 1);
    QVERIFY2(out.contains("no function 'no_such_function'"), qPrintable(out));
    // Stopping serve ends QEMU and removes the socket.
    const QString sock = address.mid(5);
    serve.terminate();
    QVERIFY(serve.waitForFinished(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(sock), 10000);
}

QTEST_GUILESS_MAIN(TestRpcCli)
#include "tst_rpccli.moc"
