// The VS Code configuration written for an emulated board: the QEMU command
// it names (debugServerPath + debugServerArgs, ${workspaceFolder} = the
// project) starts with the project's firmware, prints what cppdbg waits for
// (serverStarted), and accepts gdb's `target remote` on the port cppdbg
// connects to (miDebuggerServerAddress).
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "FakePackage.h"
#include "flashers/Firmware.h"
#include "flashers/ToolProcess.h"

using namespace ember;

class TestVscodeLaunch : public QObject {
    Q_OBJECT
private slots:
    void qemuConfigStartsAndAcceptsGdb_data() {
        QTest::addColumn<QString>("board");
        QTest::newRow("qemu-mps2-an386") << "qemu-mps2-an386";
        QTest::newRow("qemu-mps3-an547") << "qemu-mps3-an547";
    }

    void qemuConfigStartsAndAcceptsGdb() {
        QFETCH(QString, board);
        for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm", "gdb-multiarch"})
            QVERIFY2(!findTool(tool).empty(), tool);
        Result<BoardCatalog> cat = BoardCatalog::load();
        QVERIFY(cat.ok());
        Result<Board> b = cat->find(board.toStdString());
        QVERIFY2(b.ok(), b.diagnostics().format().c_str());
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        Result<FileList> files = generateFirmwareProject(test::tinyPackage(), *b, {});
        QVERIFY(files.ok());
        Diagnostics d;
        QVERIFY(writeFiles(*files, root, d));
        Result<FirmwareBuild> fw = buildFirmware(root, *b);
        QVERIFY2(fw.ok(), fw.diagnostics().format().c_str());

        QFile f(dir.filePath(".vscode/launch.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("-gdb stdio"), "QEMU 7.2 refuses -gdb stdio beside -nographic");
        QJsonObject cfg;
        for (const auto &c : QJsonDocument::fromJson(text).object()["configurations"].toArray())
            if (c.toObject()["debugServerPath"].toString() == "qemu-system-arm") cfg = c.toObject();
        QVERIFY2(!cfg.isEmpty(), text.constData());
        QCOMPARE(cfg["type"].toString(), QString("cppdbg"));
        QVERIFY(!cfg.contains("setupCommands"));  // no `target remote | exec qemu`, no -exec-run
        const QString address = cfg["miDebuggerServerAddress"].toString();
        const QString port = address.section(':', -1);
        QVERIFY2(port.toInt() > 0, qPrintable(address));

        // The exact command, as VS Code would start it.
        QString args = cfg["debugServerArgs"].toString();
        args.replace("${workspaceFolder}", dir.path());
        QProcess qemu;
        qemu.setProcessChannelMode(QProcess::MergedChannels);
        qemu.start(cfg["debugServerPath"].toString(), QProcess::splitCommand(args));
        QVERIFY2(qemu.waitForStarted(5000), qPrintable(qemu.errorString()));
        const QRegularExpression started(cfg["serverStarted"].toString());
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!started.match(QString::fromUtf8(out)).hasMatch() && t.elapsed() < 15000 &&
               qemu.state() == QProcess::Running) {
            qemu.waitForReadyRead(200);
            out += qemu.readAll();
        }
        QVERIFY2(started.match(QString::fromUtf8(out)).hasMatch(), out.constData());

        // gdb connects, reads the stopped core's registers and detaches.
        ToolOptions to;
        to.timeoutMs = 60000;
        const ToolRun gdb = runTool({"gdb-multiarch", "-batch", "-ex", "target remote :" + port.toStdString(), "-ex",
                                     "info registers pc"},
                                    to);
        qemu.kill();
        qemu.waitForFinished(5000);
        QVERIFY2(gdb.ok(), gdb.output.c_str());
        QVERIFY2(gdb.output.find("Remote communication error") == std::string::npos, gdb.output.c_str());
        QVERIFY2(QString::fromStdString(gdb.output).contains(QRegularExpression("pc\\s+0x[0-9a-f]+")),
                 gdb.output.c_str());
    }
};

QTEST_GUILESS_MAIN(TestVscodeLaunch)
#include "tst_vscode_launch.moc"
