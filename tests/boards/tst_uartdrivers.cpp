// The RPC server's UART drivers for the real boards (flashers/UartDriver.cpp,
// docs/RPC.md "Real boards"). No hardware here, so two checks per board:
//  - registers: the generated ember_uart.c, compiled for the host with its
//    registers mapped onto a small device model, leaves the clock-enable,
//    pin, baud-rate and control registers with the values the reference
//    manuals give (written out below, independently of the generator), in
//    the right order, and putc/poll touch the right data/status bits;
//  - firmware: `--rpc-server` firmware for each board compiles warning-free
//    with arm-none-eabi-gcc -Wall -Wextra -Werror and links.
// The STM32 F4 driver also runs for real on QEMU (tst_rpc: netduinoplus2).
#include <QtTest>

#include "TestUtil.h"
#include <QTemporaryDir>

#include "core/Compiler.h"
#include "flashers/Board.h"
#include "flashers/Firmware.h"
#include "flashers/RpcCommands.h"
#include "flashers/ToolProcess.h"
#include "flashers/UartDriver.h"

using namespace ember;

class TestUartDrivers : public QObject {
    Q_OBJECT
private slots:
    void registers_data();
    void registers();
    void firmwareCompiles();
    void refusals();
    void serveRealBoard();
};

namespace {

// The host harness: EMBER_REG(a) is a slot of a sparse register file; the
// accesses are logged in first-touch order. argv: presets "A=V" and one
// up to four triggers "A>B=V" (when slot A reads non-zero, it is cleared and
// B set to V: a task started, its end event following).
const char *const kHarness = R"C(#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define N 512
static uintptr_t addr[N];
static uint32_t val[N];
static int touched[N], order[N], n, norder;
static uintptr_t trig_a[4], trig_b[4];
static uint32_t trig_v[4];
static int ntrig;
static int slot(uintptr_t a)
{
    int i;
    for (i = 0; i < n; ++i)
        if (addr[i] == a) return i;
    addr[n] = a;
    val[n] = 0;
    return n++;
}
static volatile uint32_t *ember_test_reg(uintptr_t a)
{
    int i;
    for (i = 0; i < ntrig; ++i)
        if (val[slot(trig_a[i])]) {
            val[slot(trig_a[i])] = 0;
            val[slot(trig_b[i])] = trig_v[i];
        }
    i = slot(a);
    if (!touched[i]) {
        touched[i] = 1;
        order[norder++] = i;
    }
    return &val[i];
}
#define EMBER_REG(a) (*ember_test_reg((uintptr_t)(a)))
#include "ember_uart.c"
int main(int argc, char **argv)
{
    int i, rc;
    uint8_t c = 0;
    for (i = 1; i < argc; ++i) {
        unsigned long a, b, v;
        if (sscanf(argv[i], "%lx>%lx=%lx", &a, &b, &v) == 3 && ntrig < 4) {
            trig_a[ntrig] = a;
            trig_b[ntrig] = b;
            trig_v[ntrig++] = (uint32_t)v;
        } else if (sscanf(argv[i], "%lx=%lx", &a, &v) == 2) {
            val[slot(a)] = (uint32_t)v;
        }
    }
    ember_uart_init();
    printf("init");
    for (i = 0; i < norder; ++i) printf(" %lx=%lx", (unsigned long)addr[order[i]], (unsigned long)val[order[i]]);
    rc = ember_uart_poll(&c);
    printf("\npoll %d %d\n", rc, c);
    ember_uart_putc(0x5A);
    printf("after");
    for (i = 0; i < n; ++i) printf(" %lx=%lx", (unsigned long)addr[i], (unsigned long)val[i]);
    printf("\n");
    return 0;
}
)C";

struct RegState {
    std::vector<std::pair<uint64_t, uint32_t>> init;  // first-touch order, values after init
    std::map<uint64_t, uint32_t> after;               // after poll and putc
    int pollRc = -1, pollByte = -1;
    uint32_t at(uint64_t a) const {
        for (const auto &[k, v] : init)
            if (k == a) return v;
        return 0xDEADBEEF;
    }
    int index(uint64_t a) const {
        for (size_t i = 0; i < init.size(); ++i)
            if (init[i].first == a) return int(i);
        return -1;
    }
};

std::vector<std::pair<uint64_t, uint32_t>> parsePairs(const QString &line) {
    std::vector<std::pair<uint64_t, uint32_t>> r;
    for (const QString &w : line.split(' ', Qt::SkipEmptyParts).mid(1)) {
        const QStringList kv = w.split('=');
        r.push_back({kv[0].toULongLong(nullptr, 16), uint32_t(kv[1].toULong(nullptr, 16))});
    }
    return r;
}

// Generates the board's driver, builds it into the harness with the host
// compiler and runs it.
bool runDriver(const Board &b, const QStringList &presets, RegState &st, QString *why) {
    Result<std::string> c = uartDriverC(b);
    if (!c) {
        *why = QString::fromStdString(c.diagnostics().format());
        return false;
    }
    QTemporaryDir dir;
    auto write = [&](const QString &name, const std::string &text) {
        QFile f(dir.path() + "/" + name);
        return f.open(QIODevice::WriteOnly) && f.write(text.data(), qint64(text.size())) == qint64(text.size());
    };
    if (!write("ember_uart.c", *c) || !write("ember_uart.h", uartDriverH()) || !write("harness.c", kHarness)) {
        *why = "cannot write the harness";
        return false;
    }
    QProcess cc;
    cc.setWorkingDirectory(dir.path());
    cc.start("cc", {"-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O1", "harness.c", "-o", "harness"});
    if (!cc.waitForFinished(60000) || cc.exitCode() != 0) {
        *why = "host build of the driver failed:\n" + QString::fromLocal8Bit(cc.readAllStandardError());
        return false;
    }
    QProcess run;
    run.start(dir.path() + "/harness", presets);
    if (!run.waitForFinished(10000) || run.exitCode() != 0) {
        run.kill();
        *why = "the driver did not finish (a wait that never ends?)";
        return false;
    }
    const QStringList lines = QString::fromLocal8Bit(run.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    if (lines.size() != 3) {
        *why = "unexpected harness output";
        return false;
    }
    st.init = parsePairs(lines[0]);
    for (const auto &[k, v] : parsePairs(lines[2])) st.after[k] = v;
    const QStringList p = lines[1].split(' ');
    st.pollRc = p.value(1).toInt();
    st.pollByte = p.value(2).toInt();
    return true;
}

Board board(const std::string &id) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    if (!cat) return Board{};
    Result<Board> b = cat->find(id);
    return b ? *b : Board{};
}

// Field helpers: bits [lo, lo + width) of v.
uint32_t field(uint32_t v, int lo, int width) { return (v >> lo) & ((1u << width) - 1u); }

}  // namespace

void TestUartDrivers::registers_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("presets");
    for (const char *id : {"nucleo-f446re", "qemu-netduinoplus2"})  // USART SR 0x00: TXE | TC | RXNE, DR 'A'
        QTest::newRow(id) << id << QStringList{};
    QTest::newRow("stm32f746g-disco") << "stm32f746g-disco" << QStringList{};
    QTest::newRow("nucleo-h743zi") << "nucleo-h743zi" << QStringList{};
    QTest::newRow("nucleo-l4r5zi") << "nucleo-l4r5zi" << QStringList{"40021000=400"};  // RCC_CR.HSIRDY
    // UARTE: TASKS_STARTRX → EVENTS_ENDRX (a byte arrives), TASKS_STARTTX → EVENTS_ENDTX.
    QTest::newRow("nrf52840-dk") << "nrf52840-dk" << QStringList{"40002000>40002110=1", "40002008>40002120=1"};
    // XOSC stable, reset done, everything in reset; FR: RX not empty, DR 'A'.
    QTest::newRow("rpi-pico") << "rpi-pico"
                              << QStringList{"40024004=80000000", "4000c008=1ffffff", "4000c000=1ffffff", "40034000=41"};
}

void TestUartDrivers::registers() {
    if (findTool("cc").empty()) QSKIP("no host C compiler");
    QFETCH(QString, id);
    QFETCH(QStringList, presets);
    const Board b = board(id.toStdString());
    QVERIFY2(!b.rpcUart.type.empty(), "the board has no rpc_uart");
    const uint64_t u = b.rpcUart.base;
    // STM32 status/data presets at the driver's own base.
    char buf[64];
    if (b.rpcUart.type == "stm32-usart-v1") {
        std::snprintf(buf, sizeof buf, "%llx=e0", (unsigned long long)u);
        presets << buf;
        std::snprintf(buf, sizeof buf, "%llx=41", (unsigned long long)(u + 4));
        presets << buf;
    } else if (b.rpcUart.type.rfind("stm32-", 0) == 0) {
        std::snprintf(buf, sizeof buf, "%llx=e0", (unsigned long long)(u + 0x1C));
        presets << buf;
        std::snprintf(buf, sizeof buf, "%llx=41", (unsigned long long)(u + 0x24));
        presets << buf;
    }
    RegState s;
    QString why;
    QVERIFY2(runDriver(b, presets, s, &why), qPrintable(why));
    auto before = [&](uint64_t a, uint64_t b2) { return s.index(a) >= 0 && s.index(b2) >= 0 && s.index(a) < s.index(b2); };

    if (id == "nucleo-f446re" || id == "qemu-netduinoplus2") {
        // RM0090: RCC_AHB1ENR (0x40023830) GPIOAEN bit 0; USART2EN = APB1ENR (0x40023840) bit 17,
        // USART1EN = APB2ENR (0x40023844) bit 4. GPIOA MODER 0x40020000 (10 = AF), AFRL/AFRH 0x20/0x24.
        // USART: SR 0x00, DR 0x04, BRR 0x08, CR1 0x0C; 16 MHz HSI / 115200 = 138.9 → 139; CR1 UE|TE|RE.
        const bool f446 = id == "nucleo-f446re";
        QCOMPARE(s.at(0x40023830) & 1u, 1u);
        if (f446) QCOMPARE(s.at(0x40023840) & (1u << 17), 1u << 17);
        else QCOMPARE(s.at(0x40023844) & (1u << 4), 1u << 4);
        const int tx = f446 ? 2 : 9, rx = f446 ? 3 : 10;
        QCOMPARE(field(s.at(0x40020000), 2 * tx, 2), 2u);
        QCOMPARE(field(s.at(0x40020000), 2 * rx, 2), 2u);
        QCOMPARE(field(s.at(0x40020020 + 4 * (tx / 8)), 4 * (tx % 8), 4), 7u);
        QCOMPARE(field(s.at(0x40020020 + 4 * (rx / 8)), 4 * (rx % 8), 4), 7u);
        QCOMPARE(s.at(u + 0x08), 139u);
        QCOMPARE(s.at(u + 0x0C), 0x200Cu);
        QVERIFY(before(0x40023830, 0x40020000));  // the port clock before its pins
        QVERIFY(before(u + 0x08, u + 0x0C));      // BRR before UE
        QCOMPARE(s.after[u + 0x04], 0x5Au);       // DR written by putc
    } else if (id == "stm32f746g-disco" || id == "nucleo-h743zi" || id == "nucleo-l4r5zi") {
        struct Pin { uint64_t port; int n; };
        Pin tx, rx;
        uint32_t brr, af;
        if (id == "stm32f746g-disco") {
            // RM0385: AHB1ENR GPIOAEN|GPIOBEN, APB2ENR USART1EN bit 4; PA9 / PB7 AF7; 16 MHz HSI / 115200.
            QCOMPARE(s.at(0x40023830) & 3u, 3u);
            QCOMPARE(s.at(0x40023844) & (1u << 4), 1u << 4);
            tx = {0x40020000, 9};
            rx = {0x40020400, 7};
            brr = 139;
            af = 7;
        } else if (id == "nucleo-h743zi") {
            // RM0433: RCC 0x58024400: AHB4ENR (0xE0) GPIODEN bit 3, APB1LENR (0xE8) USART3EN bit 18;
            // PD8 / PD9 AF7; HSI 64 MHz / 115200 = 555.6 → 556.
            QCOMPARE(s.at(0x580244E0) & (1u << 3), 1u << 3);
            QCOMPARE(s.at(0x580244E8) & (1u << 18), 1u << 18);
            tx = {0x58020C00, 8};
            rx = {0x58020C00, 9};
            brr = 556;
            af = 7;
        } else {
            // RM0432: RCC_CR HSION bit 8, APB1ENR1 (0x58) PWREN bit 28, PWR_CR2 (0x40007004) IOSV bit 9,
            // AHB2ENR (0x4C) GPIOGEN bit 6, APB1ENR2 (0x5C) LPUART1EN bit 0, CCIPR (0x88) LPUART1SEL = 10
            // (HSI16); PG7 / PG8 AF8; LPUART BRR = 256 * 16 MHz / 115200 = 35555.6 → 35556.
            QCOMPARE(s.at(0x40021000) & (1u << 8), 1u << 8);
            QCOMPARE(s.at(0x40021058) & (1u << 28), 1u << 28);
            QCOMPARE(s.at(0x40007004) & (1u << 9), 1u << 9);
            QCOMPARE(s.at(0x4002104C) & (1u << 6), 1u << 6);
            QCOMPARE(s.at(0x4002105C) & 1u, 1u);
            QCOMPARE(field(s.at(0x40021088), 10, 2), 2u);
            QVERIFY(before(0x40021058, 0x40007004));  // PWR clock before PWR_CR2
            QVERIFY(before(0x40007004, 0x48001800));  // VDDIO2 valid before port G is used
            tx = {0x48001800, 7};
            rx = {0x48001800, 8};
            brr = 35556;
            af = 8;
        }
        for (const Pin &p : {tx, rx}) {
            QCOMPARE(field(s.at(p.port), 2 * p.n, 2), 2u);
            QCOMPARE(field(s.at(p.port + 0x20 + 4 * (p.n / 8)), 4 * (p.n % 8), 4), af);
        }
        // v2 layout: CR1 0x00 (UE bit 0, RE bit 2, TE bit 3), BRR 0x0C, ISR 0x1C, RDR 0x24, TDR 0x28.
        QCOMPARE(s.at(u + 0x0C), brr);
        QCOMPARE(s.at(u + 0x00), 0x0Du);
        QVERIFY(before(u + 0x0C, u + 0x00));
        QCOMPARE(s.after[u + 0x28], 0x5Au);
    } else if (id == "nrf52840-dk") {
        // nRF52840 PS, UARTE: PSEL.TXD 0x50C, PSEL.RXD 0x514 (P0.06, P0.08), BAUDRATE 0x524
        // (115200: 0x01D60000), ENABLE 0x500 = 8, RXD.PTR/MAXCNT 0x534/0x538, TXD 0x544/0x548,
        // TASKS_STARTRX 0x000, STARTTX 0x008, EVENTS_ENDRX 0x110, ENDTX 0x120. GPIO P0: OUTSET 0x508,
        // PIN_CNF[n] 0x700 + 4n (TX: output, input disconnected = 3).
        QCOMPARE(s.at(u + 0x50C), 6u);
        QCOMPARE(s.at(u + 0x514), 8u);
        QCOMPARE(s.at(u + 0x508), 0xFFFFFFFFu);
        QCOMPARE(s.at(u + 0x510), 0xFFFFFFFFu);
        QCOMPARE(s.at(u + 0x524), 0x01D60000u);
        QCOMPARE(s.at(u + 0x500), 8u);
        QCOMPARE(s.at(u + 0x538), 1u);
        QCOMPARE(s.at(0x50000508), 1u << 6);
        QCOMPARE(s.at(0x50000700 + 4 * 6), 3u);
        QVERIFY(before(u + 0x524, u + 0x500));  // configured before enabled
        QVERIFY(before(u + 0x500, u + 0x000));  // enabled before STARTRX
        QCOMPARE(s.after[u + 0x548], 1u);        // one byte sent
        QCOMPARE(s.after[u + 0x120], 1u);        // ... and its ENDTX seen
        // (poll: ENDRX seen, the byte read from RAM, STARTRX again: pollRc below)
    } else if (id == "rpi-pico") {
        // RP2040 datasheet: XOSC CTRL 0x40024000 (FREQ_RANGE 0xAA0, ENABLE 0xFAB << 12), STARTUP 0x0C,
        // STATUS 0x04 (STABLE bit 31); CLK_PERI_CTRL 0x40008048 (ENABLE bit 11, AUXSRC 4 = xosc);
        // RESETS 0x4000C000 (IO_BANK0 bit 5, PADS_BANK0 bit 8, UART0 bit 22); IO_BANK0 GPIOn_CTRL
        // 0x40014004 + 8n FUNCSEL 2; PL011 IBRD 0x24, FBRD 0x28, LCR_H 0x2C, CR 0x30, FR 0x18.
        // 12 MHz / (16 * 115200) = 6.5104: IBRD 6, FBRD round(0.5104 * 64) = 33.
        QCOMPARE(s.at(0x40024000) & 0xFFFFFFu, 0xFABAA0u);
        QCOMPARE(s.at(0x4002400C), 47u);
        QCOMPARE(s.at(0x40008048), 0x880u);
        QCOMPARE(s.at(0x4000C000) & 0x00400120u, 0u);
        QCOMPARE(s.at(0x40014004), 2u);
        QCOMPARE(s.at(0x4001400C), 2u);
        QCOMPARE(s.at(u + 0x24), 6u);
        QCOMPARE(s.at(u + 0x28), 33u);
        QCOMPARE(s.at(u + 0x2C), 0x70u);
        QCOMPARE(s.at(u + 0x30), 0x301u);
        QVERIFY(before(0x40024004, 0x40008048));  // crystal stable before clk_peri uses it
        QVERIFY(before(0x4000C000, 0x40014004));  // out of reset before the pins are muxed
        QVERIFY(before(u + 0x28, u + 0x2C));      // LCR_H after the divisor latches it
        QVERIFY(before(u + 0x2C, u + 0x30));
        QCOMPARE(s.after[u + 0x00], 0x5Au);
    }
    QCOMPARE(s.pollRc, 1);
    QCOMPARE(s.pollByte, id == "nrf52840-dk" ? 0 : 0x41);  // nRF: the byte comes from RAM (EasyDMA)
    qInfo("%s: %s registers as the reference manual says", qPrintable(id), b.rpcUart.type.c_str());
}

// Every real board: the --rpc-server firmware of a small model compiles with
// -Werror and links (one arm-none-eabi-gcc call per board). The emulated
// boards' firmware is built and run by tst_rpc.
void TestUartDrivers::firmwareCompiles() {
    if (findTool("arm-none-eabi-gcc").empty()) QSKIP("arm-none-eabi-gcc not installed");
    QElapsedTimer t;
    t.start();
    Result<Graph> g = loadModel(test::modelPath("tflite_micro/hello_world/hello_world_int8.tflite"));
    QVERIFY(g.ok());
    CompileOptions co;
    co.packedWrappers = true;
    Result<Artifacts> a = compile(*g, co);
    QVERIFY2(a.ok(), a.diagnostics().format().c_str());
    Result<BoardCatalog> cat = BoardCatalog::load();
    QVERIFY(cat.ok());
    int built = 0;
    for (const Board &b : cat->boards()) {
        if (b.rpcUart.type.empty() || b.emulated()) continue;
        FirmwareOptions fo;
        fo.rpcServer = true;
        Result<FileList> files = generateFirmwareProject(*a, b, fo);
        QVERIFY2(files.ok(), (b.id + ": " + files.diagnostics().format()).c_str());
        QTemporaryDir dir;
        Diagnostics d;
        QVERIFY(writeFiles(*files, dir.path().toStdString(), d));
        QStringList args;
        for (const std::string &f : b.cpuFlags()) args << QString::fromStdString(f);
        args << "-std=c99" << "-O2" << "-Wall" << "-Wextra" << "-Werror" << "-Imodel/include" << "-Ifirmware"
             << "-include" << "firmware/ember_profile.h";
        for (const QFileInfo &fi : QDir(dir.path() + "/model/src").entryInfoList({"*.c"}, QDir::Files, QDir::Name))
            args << "model/src/" + fi.fileName();
        for (const char *src : {"firmware/startup.c", "firmware/harness.c", "firmware/inputs.c", "firmware/ember_rpc.c",
                                "firmware/ember_uart.c"})
            args << src;
        args << "-Tfirmware/board.ld" << "-nostartfiles" << "--specs=nano.specs" << "--specs=nosys.specs"
             << "-Wl,--gc-sections" << "-lm" << "-o" << "firmware.elf";
        QProcess cc;
        cc.setWorkingDirectory(dir.path());
        cc.start("arm-none-eabi-gcc", args);
        QVERIFY(cc.waitForFinished(180000));
        QVERIFY2(cc.exitCode() == 0,
                 qPrintable(QString::fromStdString(b.id) + ":\n" + QString::fromLocal8Bit(cc.readAllStandardError())));
        QVERIFY(QFileInfo(dir.path() + "/firmware.elf").size() > 0);
        qInfo("%s: %s driver, --rpc-server firmware built with -Werror", b.id.c_str(), b.rpcUart.type.c_str());
        ++built;
    }
    QVERIFY(built >= 6);
    qInfo("%d real boards' RPC firmware built warning-free in %lld ms", built, t.elapsed());
}

// A board without "rpc_uart", and unreachable baud rates: one clear error each.
void TestUartDrivers::refusals() {
    Board b = board("nucleo-f446re");
    b.id = "my-board";
    b.rpcUart = UartConfig{};
    Result<std::string> c = uartDriverC(b);
    QVERIFY(!c.ok());
    const std::string msg = c.diagnostics().format();
    QVERIFY2(msg.find("my-board") != std::string::npos && msg.find("rpc_uart") != std::string::npos, msg.c_str());

    b = board("nucleo-f446re");
    b.rpcUart.baud = 4000000;  // 16 MHz / 4 Mbaud = 4 < 16
    c = uartDriverC(b);
    QVERIFY(!c.ok());
    QVERIFY2(c.diagnostics().format().find("baud") != std::string::npos, c.diagnostics().format().c_str());
    b = board("nrf52840-dk");
    b.rpcUart.baud = 123456;
    QVERIFY(!uartDriverC(b).ok());

    // Board-file mistakes: unknown type, missing pins, RP2040 pins of the other UART.
    const std::string head = "{\"id\": \"x\", \"clock_hz\": 1000000, \"core\": \"cortex-m4\", \"memory\": [{\"name\": "
                             "\"FLASH\", \"kind\": \"flash\", \"origin\": \"0\", \"size\": \"64K\"}, {\"name\": \"RAM\", "
                             "\"kind\": \"ram\", \"origin\": \"0x20000000\", \"size\": \"16K\"}], \"openocd\": "
                             "{\"config\": [\"x.cfg\"]}, \"rpc_uart\": ";
    struct Bad { const char *uart, *says; } const bad[] = {
        {"{\"type\": \"stm32-usart\", \"base\": \"0x40004400\"}", "stm32-usart-v1"},
        {"{\"type\": \"stm32-usart-v1\", \"base\": \"0x40004400\", \"kernel_clock_hz\": 16000000}", "\"tx\""},
        {"{\"type\": \"stm32-usart-v1\", \"base\": \"0x40004400\", \"kernel_clock_hz\": 16000000, \"tx\": \"PA2\", "
         "\"rx\": \"PA3\"}", "gpio_base"},
        {"{\"type\": \"nrf-uarte\", \"base\": \"0x40002000\"}", "kernel_clock_hz"},
        {"{\"type\": \"rp2040-pl011\", \"base\": \"0x40034000\", \"kernel_clock_hz\": 12000000, \"tx\": \"GP4\", "
         "\"rx\": \"GP5\"}", "UART0"},
        {"{\"type\": \"cmsdk-apb\", \"base\": \"0x40004000\", \"init\": [{\"reg\": \"0x40023830\"}]}", "\"init\""},
    };
    for (const Bad &x : bad) {
        Result<Board> r = parseBoard(head + x.uart + "}", "x.json");
        QVERIFY2(!r.ok(), x.uart);
        const std::string m = r.diagnostics().format();
        QVERIFY2(m.find(x.says) != std::string::npos, m.c_str());
    }
}

// `emberc serve --board <real> --port DEV`: without --port a clear error;
// with one, build + flash (a stand-in OpenOCD) and then the port is tried.
void TestUartDrivers::serveRealBoard() {
    if (findTool("arm-none-eabi-gcc").empty()) QSKIP("arm-none-eabi-gcc not installed");
    const std::string model = test::modelPath("tflite_micro/hello_world/hello_world_int8.tflite");
    std::ostringstream out, err;
    QCOMPARE(runRpcCommand("serve", {model, "--board", "nucleo-f446re"}, out, err), 2);
    QVERIFY2(err.str().find("--port") != std::string::npos && err.str().find("ST-LINK") != std::string::npos,
             err.str().c_str());
    err.str("");
    QCOMPARE(runRpcCommand("serve", {model, "--board", "qemu-mps2-an386", "--port", "/dev/ttyACM0"}, out, err), 2);
    QVERIFY2(err.str().find("emulated") != std::string::npos, err.str().c_str());

    qputenv("EMBER_OPENOCD", FAKE_OPENOCD_PATH);
    qputenv("FAKE_OPENOCD_MODE", "success");
    err.str("");
    const int rc = runRpcCommand("serve", {model, "--board", "nucleo-f446re", "--port", "/dev/ember-no-such-port"}, out, err);
    qunsetenv("EMBER_OPENOCD");
    QCOMPARE(rc, 1);
    QVERIFY2(err.str().find("flashed, but") != std::string::npos && err.str().find("/dev/ember-no-such-port") != std::string::npos,
             err.str().c_str());
}

QTEST_GUILESS_MAIN(TestUartDrivers)
#include "tst_uartdrivers.moc"
