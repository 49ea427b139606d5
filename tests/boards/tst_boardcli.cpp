// The CLI board commands, called as emberc calls them.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <sstream>

#include "TestUtil.h"
#include "flashers/BoardCommands.h"
#include "flashers/ToolProcess.h"

using namespace ember;

namespace {

struct Cli {
    int rc = -1;
    std::string out, err;
};

Cli run(const std::string &cmd, const std::vector<std::string> &args) {
    std::ostringstream out, err;
    Cli c;
    c.rc = runBoardCommand(cmd, args, out, err);
    c.out = out.str();
    c.err = err.str();
    return c;
}

bool haveTools() {
    for (const char *t : {"arm-none-eabi-gcc", "qemu-system-arm", "gdb-multiarch"})
        if (findTool(t).empty()) return false;
    return true;
}

const std::string kAd = "mlperf_tiny/ad/ad01_int8.tflite";

}  // namespace

class TestBoardCli : public QObject {
    Q_OBJECT
private slots:
    void boards();
    void usageErrors_data();
    void usageErrors();
    void firmwareThenFlashEmulated();
    void profileJsonAndOutputs();
    void profileTable();
    void helpMentionsEveryCommand();
    void badToolVariable_data();
    void badToolVariable();
};

// A wrong EMBER_QEMU_SYSTEM_ARM / EMBER_GDB_MULTIARCH is named (it used to
// surface as gdb's "Broken pipe" after the whole build).
void TestBoardCli::badToolVariable_data() {
    QTest::addColumn<QString>("variable");
    QTest::newRow("qemu") << "EMBER_QEMU_SYSTEM_ARM";
    QTest::newRow("gdb") << "EMBER_GDB_MULTIARCH";
}

void TestBoardCli::badToolVariable() {
    QFETCH(QString, variable);
    if (variable == "EMBER_QEMU_SYSTEM_ARM" && findTool("gdb-multiarch").empty()) QSKIP("gdb-multiarch missing");
    const QByteArray name = variable.toUtf8();
    const QByteArray old = qgetenv(name.constData());
    qputenv(name.constData(), "/nonexistent/tool");
    const Cli c = run("profile", {test::modelPath(kAd), "--board", "qemu-mps2-an386"});
    if (old.isEmpty()) qunsetenv(name.constData());
    else qputenv(name.constData(), old);
    QCOMPARE(c.rc, 1);
    QVERIFY2(c.err.find(variable.toStdString()) != std::string::npos, c.err.c_str());
    QVERIFY2(c.err.find("/nonexistent/tool") != std::string::npos, c.err.c_str());
    QVERIFY2(c.err.find("Broken pipe") == std::string::npos, c.err.c_str());
}

void TestBoardCli::boards() {
    const Cli c = run("boards", {});
    QCOMPARE(c.rc, 0);
    for (const char *id : {"nucleo-l4r5zi", "nucleo-f446re", "stm32f746g-disco", "nucleo-h743zi", "nrf52840-dk", "rpi-pico",
                           "qemu-mps2-an386", "qemu-mps2-an500", "qemu-mps3-an547"})
        QVERIFY2(c.out.find(id) != std::string::npos, id);
    QVERIFY(c.out.find("(emulated)") != std::string::npos);
}

void TestBoardCli::usageErrors_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("rc");
    QTest::addColumn<QString>("message");
    QTest::newRow("firmware-no-out") << "firmware" << QStringList{"m.tflite", "--board", "rpi-pico"} << 2 << "usage: emberc firmware";
    QTest::newRow("flash-no-dir") << "flash" << QStringList{"--board", "rpi-pico"} << 2 << "usage: emberc flash";
    QTest::newRow("unknown-option") << "profile" << QStringList{"m.tflite", "--frobnicate"} << 2 << "unknown option --frobnicate";
    QTest::newRow("unknown-board") << "flash" << QStringList{"/tmp", "--board", "esp32"} << 1 << "unknown board 'esp32'";
    QTest::newRow("no-board") << "flash" << QStringList{"/tmp"} << 1 << "no board given";
    QTest::newRow("not-a-project") << "flash" << QStringList{"/nonexistent-dir", "--board", "nucleo-f446re"} << 1
                                   << "is not a firmware project";
    QTest::newRow("runs") << "profile" << QStringList{"m.tflite", "--runs", "0"} << 2 << "--runs must be between 1 and 100";
    // Strict numbers: "5abc" is not 5.
    QTest::newRow("runs-suffix") << "profile" << QStringList{"m.tflite", "--runs", "5abc"} << 2 << "--runs must be between 1 and 100 (got '5abc')";
    QTest::newRow("timeout-suffix") << "profile" << QStringList{"m.tflite", "--timeout", "5s"} << 2 << "--timeout must be a whole number";
    QTest::newRow("timeout-zero") << "flash" << QStringList{"/tmp", "--timeout", "0"} << 2 << "--timeout must be a whole number";
}

void TestBoardCli::usageErrors() {
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(int, rc);
    QFETCH(QString, message);
    std::vector<std::string> a;
    for (const QString &s : args) a.push_back(s.toStdString());
    const Cli c = run(command.toStdString(), a);
    QCOMPARE(c.rc, rc);
    QVERIFY2(c.err.find(message.toStdString()) != std::string::npos, c.err.c_str());
}

void TestBoardCli::firmwareThenFlashEmulated() {
    if (!haveTools()) QSKIP("arm toolchain, qemu or gdb-multiarch missing");
    QTemporaryDir dir;
    const std::string out = dir.path().toStdString() + "/fw";
    Cli c = run("firmware", {test::modelPath(kAd), "--board", "qemu-mps2-an386", "-o", out});
    QVERIFY2(c.rc == 0, c.err.c_str());
    QVERIFY(c.out.find("stack: inference") != std::string::npos);
    QVERIFY(c.out.find("FLASH") != std::string::npos);
    QVERIFY(QFile::exists(QString::fromStdString(out + "/build/firmware.elf")));
    QVERIFY(QFile::exists(QString::fromStdString(out + "/CMakeLists.txt")));
    c = run("flash", {out, "--board", "qemu-mps2-an386"});
    QVERIFY2(c.rc == 0, c.err.c_str());
    QVERIFY2(c.out.find("instructions per inference") != std::string::npos, c.out.c_str());
    // The same project does not fit a board whose RAM is too small? The AD
    // model fits everywhere, so check the hardware path instead: no probe here.
    if (!findTool("openocd").empty()) {
        c = run("flash", {out, "--board", "rpi-pico"});
        QCOMPARE(c.rc, 1);
        QVERIFY2(c.err.find("no-probe") != std::string::npos, c.err.c_str());
    }
}

void TestBoardCli::profileJsonAndOutputs() {
    if (!haveTools()) QSKIP("arm toolchain, qemu or gdb-multiarch missing");
    const std::string golden = test::sharedDir() + "/models/golden/ad01_int8/";
    QTemporaryDir dir;
    const Cli c = run("profile", {test::modelPath(kAd), "--board", "qemu-mps2-an500", "--input", golden + "case1.input0.bin",
                                  "--output-dir", dir.path().toStdString(), "--json"});
    QVERIFY2(c.rc == 0, c.err.c_str());
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(c.out)).object();
    QCOMPARE(o.value("outputs_match").toBool(), true);
    QCOMPARE(o.value("unit").toString(), QString("instructions"));
    QVERIFY(o.value("total").toInteger() > 0);
    qint64 sum = 0;
    for (const QJsonValue &l : o.value("layers").toArray()) sum += l.toObject().value("count").toInteger();
    QVERIFY(sum > 0 && sum <= o.value("total").toInteger());
    std::vector<uint8_t> got, expected;
    QVERIFY(test::readFile(dir.filePath("output0.bin").toStdString(), &got));
    QVERIFY(test::readFile(golden + "case1.output0.bin", &expected));
    QCOMPARE(got, expected);
}

void TestBoardCli::profileTable() {
    if (!haveTools()) QSKIP("arm toolchain, qemu or gdb-multiarch missing");
    const Cli c = run("profile", {test::modelPath(kAd), "--board", "qemu-mps2-an386", "--name", "ad"});
    QVERIFY2(c.rc == 0, c.err.c_str());
    QVERIFY2(c.out.find("output check: bit-exact with the host run") != std::string::npos, c.out.c_str());
    QVERIFY(c.out.find("total: ") != std::string::npos);
    QVERIFY(c.out.find("FULLY_CONNECTED") != std::string::npos);
}

void TestBoardCli::helpMentionsEveryCommand() {
    const std::string h = boardCommandsHelp();
    for (const char *cmd : {"emberc boards", "emberc firmware", "emberc flash", "emberc profile"})
        QVERIFY(h.find(cmd) != std::string::npos);
    QVERIFY(isBoardCommand("profile") && !isBoardCommand("compile"));
}

QTEST_GUILESS_MAIN(TestBoardCli)
#include "tst_boardcli.moc"
