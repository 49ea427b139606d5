// The board catalogue: every shipped board loads with a consistent memory
// map and an OpenOCD config that exists; malformed boards are refused.
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "flashers/Board.h"

using namespace ember;

class TestBoardCatalog : public QObject {
    Q_OBJECT
private slots:
    void shippedBoards_data();
    void shippedBoards();
    void openocdScriptsExist();
    void malformed_data();
    void malformed();
    void unknownBoard();
    void userDirectoryOverrides();
    void sectionMapping();
};

void TestBoardCatalog::shippedBoards_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("core");
    QTest::addColumn<bool>("emulated");
    QTest::newRow("l4r5") << "nucleo-l4r5zi" << "cortex-m4" << false;
    QTest::newRow("f446") << "nucleo-f446re" << "cortex-m4" << false;
    QTest::newRow("f746") << "stm32f746g-disco" << "cortex-m7" << false;
    QTest::newRow("h743") << "nucleo-h743zi" << "cortex-m7" << false;
    QTest::newRow("nrf52840") << "nrf52840-dk" << "cortex-m4" << false;
    QTest::newRow("pico") << "rpi-pico" << "cortex-m0plus" << false;
    QTest::newRow("an386") << "qemu-mps2-an386" << "cortex-m4" << true;
    QTest::newRow("an500") << "qemu-mps2-an500" << "cortex-m7" << true;
    QTest::newRow("an547") << "qemu-mps3-an547" << "cortex-m55" << true;
}

void TestBoardCatalog::shippedBoards() {
    QFETCH(QString, id);
    QFETCH(QString, core);
    QFETCH(bool, emulated);
    Result<BoardCatalog> cat = BoardCatalog::load();
    QVERIFY2(cat.ok(), cat.diagnostics().format().c_str());
    Result<Board> b = cat->find(id.toStdString());
    QVERIFY2(b.ok(), b.diagnostics().format().c_str());
    QCOMPARE(QString::fromStdString(b->core), core);
    QCOMPARE(b->emulated(), emulated);
    QVERIFY(b->clockHz > 0);
    QVERIFY(b->region(b->flashRegion) && b->region(b->flashRegion)->size >= 256 * 1024);
    QVERIFY(b->region(b->ramRegion) && b->region(b->ramRegion)->kind == "ram");
    if (!emulated) QVERIFY(!b->openocdConfig.empty());
    // Lookup by display name works too.
    QVERIFY(cat->find(b->name).ok());
}

void TestBoardCatalog::openocdScriptsExist() {
    const QString root = "/usr/share/openocd/scripts";
    if (!QFileInfo::exists(root)) QSKIP("openocd scripts not installed");
    Result<BoardCatalog> cat = BoardCatalog::load();
    QVERIFY(cat.ok());
    int hardware = 0;
    for (const Board &b : cat->boards())
        for (const std::string &cfg : b.openocdConfig) {
            QVERIFY2(QFileInfo::exists(root + "/" + QString::fromStdString(cfg)), (b.id + ": " + cfg).c_str());
            ++hardware;
        }
    QVERIFY(hardware >= 6);
}

void TestBoardCatalog::malformed_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    const QString mem = R"("memory": [{"name": "FLASH", "kind": "flash", "origin": "0x08000000", "size": "512K"},
                                      {"name": "RAM", "kind": "ram", "origin": "0x20000000", "size": "128K"}])";
    const QString ocd = R"("openocd": {"config": ["board/st_nucleo_f4.cfg"]})";
    QTest::newRow("not-json") << "{ \"id\": " << "not a valid board description";
    QTest::newRow("no-id") << "{\"core\": \"cortex-m4\"}" << "invalid \"id\"";
    QTest::newRow("no-clock") << "{\"id\": \"x\", \"core\": \"cortex-m4\", " + mem + ", " + ocd + "}" << "clock_hz";
    QTest::newRow("bad-core") << "{\"id\": \"x\", \"clock_hz\": 1000, \"core\": \"cortex-a53\", " + mem + ", " + ocd + "}"
                              << "unknown core 'cortex-a53'";
    QTest::newRow("no-memory") << "{\"id\": \"x\", \"clock_hz\": 1000, \"core\": \"cortex-m4\", " + ocd + "}" << "no \"memory\"";
    QTest::newRow("bad-size") << R"({"id": "x", "clock_hz": 1000, "core": "cortex-m4", "memory": [{"name": "FLASH", "kind": "flash", "origin": "0x0", "size": "lots"}]})"
                              << "non-zero \"size\"";
    QTest::newRow("overlap") << R"({"id": "x", "clock_hz": 1000, "core": "cortex-m4", "memory": [
        {"name": "FLASH", "kind": "flash", "origin": "0x0", "size": "64K"},
        {"name": "RAM", "kind": "ram", "origin": "0x8000", "size": "64K"}], "openocd": {"config": ["a.cfg"]}})"
                             << "overlap";
    QTest::newRow("no-tools") << "{\"id\": \"x\", \"clock_hz\": 1000, \"core\": \"cortex-m4\", " + mem + "}"
                              << "neither \"openocd\"";
    QTest::newRow("m0-dwt") << "{\"id\": \"x\", \"clock_hz\": 1000, \"core\": \"cortex-m0plus\", \"cycle_counter\": \"dwt\", " + mem + ", " + ocd + "}"
                            << "no usable DWT";
}

void TestBoardCatalog::malformed() {
    QFETCH(QString, json);
    QFETCH(QString, expected);
    Result<Board> b = parseBoard(json.toStdString(), "bad.json");
    QVERIFY(!b.ok());
    QCOMPARE(int(b.diagnostics().items().size()), 1);
    const std::string msg = b.diagnostics().format();
    QVERIFY2(msg.find(expected.toStdString()) != std::string::npos, msg.c_str());
    QVERIFY2(msg.rfind("bad.json: ", 0) == 0, msg.c_str());
}

void TestBoardCatalog::unknownBoard() {
    Result<BoardCatalog> cat = BoardCatalog::load();
    QVERIFY(cat.ok());
    Result<Board> b = cat->find("arduino-uno");
    QVERIFY(!b.ok());
    const std::string msg = b.diagnostics().format();
    QVERIFY2(msg.find("unknown board 'arduino-uno'") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("qemu-mps2-an386") != std::string::npos, msg.c_str());  // lists the known ids
}

void TestBoardCatalog::userDirectoryOverrides() {
    QTemporaryDir dir;
    QFile f(dir.filePath("mine.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id": "my-board", "name": "My Board", "core": "cortex-m33", "clock_hz": "64000000",
               "memory": [{"name": "FLASH", "kind": "flash", "origin": "0x0", "size": "1M"},
                          {"name": "RAM", "kind": "ram", "origin": "0x20000000", "size": "256K"}],
               "openocd": {"config": ["target/nrf52.cfg"]}})");
    f.close();
    Result<BoardCatalog> cat = BoardCatalog::load({dir.path().toStdString()});
    QVERIFY2(cat.ok(), cat.diagnostics().format().c_str());
    Result<Board> b = cat->find("My Board");
    QVERIFY(b.ok());
    QCOMPARE(b->clockHz, uint64_t(64000000));
    QCOMPARE(b->region("RAM")->size, uint64_t(256 * 1024));
    // A broken file in a user directory is reported, not ignored.
    QFile g(dir.filePath("broken.json"));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("{ nope");
    g.close();
    QVERIFY(!BoardCatalog::load({dir.path().toStdString()}).ok());
}

void TestBoardCatalog::sectionMapping() {
    Result<BoardCatalog> cat = BoardCatalog::load();
    Result<Board> b = cat->find("nucleo-h743zi");
    QVERIFY(b.ok());
    QCOMPARE(QString::fromStdString(b->regionForSection(".dtcm")->name), QString("DTCM"));
    QCOMPARE(QString::fromStdString(b->regionForSection("DTCM")->name), QString("DTCM"));
    QCOMPARE(QString::fromStdString(b->regionForSection("")->name), QString("RAM"));
    QVERIFY(b->regionForSection(".ccmram") == nullptr);
    QVERIFY(b->regionForSection("FLASH") == nullptr);  // pools never go to flash
    QCOMPARE(b->region("DTCM")->origin, uint64_t(0x20000000));
}

QTEST_GUILESS_MAIN(TestBoardCatalog)
#include "tst_boardcatalog.moc"
