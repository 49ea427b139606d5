#include "Board.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace ember {

namespace {

std::string lower(std::string s) {
    for (char &c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string stripDot(const std::string &s) { return !s.empty() && s[0] == '.' ? s.substr(1) : s; }

const char *const kKnownCores[] = {"cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7",
                                   "cortex-m33", "cortex-m55"};

// Reads a number or size string ("0x08000000", "2M") from a JSON value.
bool jsonSize(const QJsonValue &v, uint64_t *out) {
    if (v.isDouble()) {
        if (v.toDouble() < 0) return false;
        *out = uint64_t(v.toDouble());
        return true;
    }
    return v.isString() && parseSize(v.toString().toStdString(), out);
}

std::vector<std::string> stringList(const QJsonValue &v) {
    std::vector<std::string> r;
    for (const QJsonValue &e : v.toArray()) r.push_back(e.toString().toStdString());
    return r;
}

bool parseRegion(const QJsonObject &o, MemoryRegion &r, Diagnostics &d) {
    r.name = o.value("name").toString().toStdString();
    r.kind = o.value("kind").toString().toStdString();
    r.sections = stringList(o.value("sections"));
    if (r.name.empty()) {
        d.error("a memory region has no \"name\"; give every region a linker name such as \"FLASH\"");
        return false;
    }
    if (r.kind != "flash" && r.kind != "ram") {
        d.error("memory region '" + r.name + "' has kind '" + r.kind + "'; use \"flash\" or \"ram\"");
        return false;
    }
    if (!jsonSize(o.value("origin"), &r.origin) || !jsonSize(o.value("size"), &r.size) || r.size == 0) {
        d.error("memory region '" + r.name + "' needs a numeric \"origin\" and a non-zero \"size\" (e.g. \"0x20000000\", \"128K\")");
        return false;
    }
    return true;
}

bool checkOverlaps(const Board &b, Diagnostics &d) {
    for (size_t i = 0; i < b.memory.size(); ++i)
        for (size_t j = i + 1; j < b.memory.size(); ++j) {
            const MemoryRegion &x = b.memory[i], &y = b.memory[j];
            if (x.origin < y.origin + y.size && y.origin < x.origin + x.size) {
                d.error("memory regions '" + x.name + "' and '" + y.name + "' overlap; fix their origin or size");
                return false;
            }
        }
    return true;
}

bool parseCore(const QJsonObject &o, Board &b, Diagnostics &d) {
    b.core = o.value("core").toString().toStdString();
    b.fpu = o.value("fpu").toString("none").toStdString();
    b.floatAbi = o.value("float_abi").toString(b.fpu == "none" ? "soft" : "hard").toStdString();
    if (std::find(std::begin(kKnownCores), std::end(kKnownCores), b.core) == std::end(kKnownCores)) {
        d.error("unknown core '" + b.core + "'; use one of cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33, cortex-m55");
        return false;
    }
    if (b.floatAbi != "hard" && b.floatAbi != "softfp" && b.floatAbi != "soft") {
        d.error("\"float_abi\" is '" + b.floatAbi + "'; use \"hard\", \"softfp\" or \"soft\"");
        return false;
    }
    return true;
}

bool parseMemory(const QJsonObject &o, Board &b, Diagnostics &d) {
    const QJsonArray regions = o.value("memory").toArray();
    if (regions.isEmpty()) {
        d.error("no \"memory\" regions; list at least one flash and one ram region");
        return false;
    }
    for (const QJsonValue &v : regions) {
        MemoryRegion r;
        if (!v.isObject() || !parseRegion(v.toObject(), r, d)) return false;
        if (b.region(r.name)) {
            d.error("memory region '" + r.name + "' is listed twice; give each region a unique name");
            return false;
        }
        b.memory.push_back(r);
    }
    b.flashRegion = o.value("flash_region").toString().toStdString();
    b.ramRegion = o.value("ram_region").toString().toStdString();
    for (const MemoryRegion &r : b.memory) {
        if (b.flashRegion.empty() && r.kind == "flash") b.flashRegion = r.name;
        if (b.ramRegion.empty() && r.kind == "ram") b.ramRegion = r.name;
    }
    const MemoryRegion *fr = b.region(b.flashRegion), *rr = b.region(b.ramRegion);
    if (!fr || !rr || rr->kind != "ram") {
        d.error("the board needs a flash region for code and a ram region for data (\"flash_region\", \"ram_region\")");
        return false;
    }
    return checkOverlaps(b, d);
}

bool parseTools(const QJsonObject &o, Board &b, Diagnostics &d) {
    const QJsonObject ocd = o.value("openocd").toObject();
    b.openocdConfig = stringList(ocd.value("config"));
    b.openocdCommands = stringList(ocd.value("commands"));
    const QJsonObject emu = o.value("emulator").toObject();
    b.qemuMachine = emu.value("qemu_machine").toString().toStdString();
    b.tickNs = emu.value("tick_ns").toDouble(0);
    if (b.openocdConfig.empty() && b.qemuMachine.empty()) {
        d.error("the board has neither \"openocd\".\"config\" nor \"emulator\".\"qemu_machine\"; add one so it can be flashed or emulated");
        return false;
    }
    if (b.emulated() && b.tickNs <= 0) {
        d.error("emulated board needs \"emulator\".\"tick_ns\" (virtual nanoseconds per SysTick tick)");
        return false;
    }
    const std::string counter = o.value("cycle_counter").toString(b.emulated() ? "systick" : "dwt").toStdString();
    if (counter != "dwt" && counter != "systick") {
        d.error("\"cycle_counter\" is '" + counter + "'; use \"dwt\" or \"systick\"");
        return false;
    }
    b.counter = counter == "dwt" ? CycleCounter::Dwt : CycleCounter::SysTick;
    if (b.counter == CycleCounter::Dwt && (b.core == "cortex-m0plus" || b.emulated())) {
        d.error("this core has no usable DWT cycle counter; set \"cycle_counter\": \"systick\"");
        return false;
    }
    return true;
}

// "rpc_uart": the RPC server's UART and what its driver needs (Board.h).
bool parseUart(const QJsonObject &o, Board &b, Diagnostics &d) {
    const QJsonObject u = o.value("rpc_uart").toObject();
    if (u.isEmpty()) return true;
    UartConfig &c = b.rpcUart;
    c.type = u.value("type").toString().toStdString();
    static const char *const kTypes[] = {"cmsdk-apb", "stm32-usart-v1", "stm32-usart-v2", "stm32-lpuart", "nrf-uarte",
                                         "rp2040-pl011"};
    if (std::find(std::begin(kTypes), std::end(kTypes), c.type) == std::end(kTypes)) {
        d.error("\"rpc_uart\".\"type\" is '" + c.type +
                "'; use one of cmsdk-apb, stm32-usart-v1 (STM32F1/F2/F4), stm32-usart-v2 (STM32F0/F3/F7/H7/L4), "
                "stm32-lpuart, nrf-uarte, rp2040-pl011");
        return false;
    }
    if (!jsonSize(u.value("base"), &c.base) || c.base == 0) {
        d.error("\"rpc_uart\" needs a \"base\" address such as \"0x40004400\" (the UART's register block)");
        return false;
    }
    c.name = u.value("name").toString(QString::fromStdString(c.type)).toStdString();
    c.connection = u.value("connection").toString().toStdString();
    c.kernelClockHz = b.clockHz;
    if (u.contains("kernel_clock_hz") && (!jsonSize(u.value("kernel_clock_hz"), &c.kernelClockHz) || c.kernelClockHz == 0)) {
        d.error("\"rpc_uart\".\"kernel_clock_hz\" must be the UART's clock in Hz (after its \"init\" writes)");
        return false;
    }
    if (c.type != "cmsdk-apb" && !u.contains("kernel_clock_hz")) {
        d.error("\"rpc_uart\" of type " + c.type +
                " needs \"kernel_clock_hz\": the UART's clock in Hz as the firmware leaves it (reset clocks plus \"init\")");
        return false;
    }
    uint64_t baud = 115200;
    if (u.contains("baud") && (!jsonSize(u.value("baud"), &baud) || baud == 0 || baud > 16000000)) {
        d.error("\"rpc_uart\".\"baud\" must be a baud rate such as 115200");
        return false;
    }
    c.baud = uint32_t(baud);
    for (const QJsonValue &v : u.value("init").toArray()) {
        const QJsonObject w = v.toObject();
        RegWrite r;
        uint64_t clear = 0, set = 0, wait = 0;
        if (!jsonSize(w.value("reg"), &r.reg) || r.reg == 0 || (w.contains("clear") && !jsonSize(w.value("clear"), &clear)) ||
            (w.contains("set") && !jsonSize(w.value("set"), &set)) || (w.contains("wait") && !jsonSize(w.value("wait"), &wait)) ||
            (clear | set | wait) > 0xFFFFFFFFull || (clear | set | wait) == 0) {
            d.error("each \"rpc_uart\".\"init\" entry needs \"reg\" (an address) and at least one of \"clear\", \"set\", "
                    "\"wait\" (32-bit masks), e.g. {\"reg\": \"0x40023830\", \"set\": \"0x1\"}");
            return false;
        }
        r.clear = uint32_t(clear);
        r.set = uint32_t(set);
        r.wait = uint32_t(wait);
        c.init.push_back(r);
    }
    c.tx = u.value("tx").toString().toStdString();
    c.rx = u.value("rx").toString().toStdString();
    auto pinError = [&](const std::string &want) {
        d.error("\"rpc_uart\" of type " + c.type + " needs \"tx\" and \"rx\" pins " + want);
        return false;
    };
    if (c.type.rfind("stm32-", 0) == 0) {
        uint64_t af = 99;
        if (uartPinIndex(c.tx, "P", true) < 0 || uartPinIndex(c.rx, "P", true) < 0) return pinError("such as \"PA2\"");
        if (!jsonSize(u.value("gpio_base"), &c.gpioBase) || c.gpioBase == 0 || !jsonSize(u.value("af"), &af) || af > 15) {
            d.error("\"rpc_uart\" of type " + c.type +
                    " needs \"gpio_base\" (GPIOA's address, e.g. \"0x40020000\") and \"af\" (the pins' alternate function, 0-15)");
            return false;
        }
        c.af = int(af);
    } else if (c.type == "nrf-uarte") {
        if (uartPinIndex(c.tx, "P", false) < 0 || uartPinIndex(c.rx, "P", false) < 0) return pinError("such as \"P0.06\"");
    } else if (c.type == "rp2040-pl011") {
        const int tx = uartPinIndex(c.tx, "GP", false), rx = uartPinIndex(c.rx, "GP", false);
        if (tx < 0 || rx < 0 || tx > 29 || rx > 29) return pinError("such as \"GP0\" and \"GP1\"");
        // UART0 is on GP0/1, 12/13, 16/17, 28/29; UART1 on GP4/5, 8/9, 20/21, 24/25 (function 2).
        const int unit = c.base == 0x40038000 ? 1 : 0;
        if (tx % 4 != 0 || rx % 4 != 1 || (tx + 4) / 8 % 2 != unit || (rx + 3) / 8 % 2 != unit) {
            d.error("\"rpc_uart\": " + c.tx + "/" + c.rx + " are not the TX/RX pins of UART" + std::to_string(unit) +
                    " (UART0: GP0/GP1, GP12/GP13, GP16/GP17, GP28/GP29; UART1: GP4/GP5, GP8/GP9, GP20/GP21, GP24/GP25)");
            return false;
        }
    }
    b.rpcUartBase = c.base;
    b.rpcUartType = c.type;
    return true;
}

}  // namespace

int uartPinIndex(const std::string &pin, const std::string &prefix, bool letterPort) {
    // STM32 "PA2" → 2 (port in pin[1]); nRF "P0.06" → 6 + 32 port; RP2040 "GP0" → 0.
    if (pin.compare(0, prefix.size(), prefix) != 0) return -1;
    std::string rest = pin.substr(prefix.size());
    int port = 0;
    if (letterPort) {
        if (rest.empty() || rest[0] < 'A' || rest[0] > 'K') return -1;
        rest = rest.substr(1);
    } else if (prefix == "P") {
        const size_t dot = rest.find('.');
        if (dot != 1 || rest[0] < '0' || rest[0] > '1') return -1;
        port = rest[0] - '0';
        rest = rest.substr(2);
    }
    if (rest.empty() || rest.size() > 2 || rest.find_first_not_of("0123456789") != std::string::npos) return -1;
    const int n = std::stoi(rest);
    if (n > (letterPort ? 15 : 31)) return -1;
    return port * 32 + n;
}

bool parseSize(const std::string &text, uint64_t *out) {
    if (text.empty()) return false;
    char *end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 0);
    if (end == text.c_str()) return false;
    std::string suffix = lower(end);
    uint64_t mul = 1;
    if (suffix == "k" || suffix == "kb" || suffix == "kib") mul = 1024;
    else if (suffix == "m" || suffix == "mb" || suffix == "mib") mul = 1024 * 1024;
    else if (!suffix.empty()) return false;
    *out = uint64_t(v) * mul;
    return true;
}

const MemoryRegion *Board::region(const std::string &n) const {
    for (const MemoryRegion &r : memory)
        if (lower(r.name) == lower(n)) return &r;
    return nullptr;
}

const MemoryRegion *Board::regionForSection(const std::string &section) const {
    if (section.empty()) return region(ramRegion);
    const std::string want = lower(stripDot(section));
    for (const MemoryRegion &r : memory)
        for (const std::string &s : r.sections)
            if (lower(stripDot(s)) == want) return &r;
    const MemoryRegion *r = region(want);
    return r && r->kind == "ram" ? r : nullptr;
}

std::vector<std::string> Board::cpuFlags() const {
    std::vector<std::string> f{"-mcpu=" + core, "-mthumb"};
    if (fpu != "none" && floatAbi != "soft") f.push_back("-mfpu=" + fpu);
    f.push_back("-mfloat-abi=" + floatAbi);
    return f;
}

Result<Board> parseBoard(const std::string &json, const std::string &source) {
    Diagnostics d;
    d.setFile(source);
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &perr);
    if (doc.isNull() || !doc.isObject()) {
        d.error("not a valid board description (" + perr.errorString().toLower().toStdString() + " at offset " +
                std::to_string(perr.offset) + "); fix the JSON syntax");
        return d;
    }
    const QJsonObject o = doc.object();
    Board b;
    b.sourceFile = source;
    b.id = lower(o.value("id").toString().toStdString());
    b.name = o.value("name").toString(QString::fromStdString(b.id)).toStdString();
    b.vendor = o.value("vendor").toString().toStdString();
    b.mcu = o.value("mcu").toString().toStdString();
    b.notes = o.value("notes").toString().toStdString();
    b.stackBytes = uint32_t(o.value("stack_bytes").toInt(8192));
    if (b.id.empty() || b.id.find_first_of(" /\\") != std::string::npos) {
        d.error("missing or invalid \"id\"; use a short lower-case key without spaces such as \"nucleo-f446re\"");
        return d;
    }
    if (!jsonSize(o.value("clock_hz"), &b.clockHz) || b.clockHz == 0) {
        d.error("missing \"clock_hz\"; give the core clock in Hz");
        return d;
    }
    if (!parseCore(o, b, d) || !parseMemory(o, b, d) || !parseTools(o, b, d) || !parseUart(o, b, d)) return d;
    return b;
}

Result<BoardCatalog> BoardCatalog::load(const std::vector<std::string> &extraDirs) {
    Diagnostics d;
    BoardCatalog cat;
    std::vector<QString> dirs{":/ember/boards"};
#ifdef EMBER_INSTALLED_DATA_DIR
    // Installed: <bindir>/../share/ember/boards, found from the executable
    // (any prefix, DESTDIR or unpacked .deb); absent in the build tree.
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed = exe.parent_path() / EMBER_INSTALLED_DATA_DIR / "boards";
        if (std::filesystem::is_directory(installed, ec)) dirs.push_back(QString::fromStdString(installed.string()));
    }
#endif
    for (const std::string &e : extraDirs) dirs.push_back(QString::fromStdString(e));
    if (const char *env = std::getenv("EMBER_BOARDS_DIR"))
        for (const QString &p : QString::fromLocal8Bit(env).split(':', Qt::SkipEmptyParts)) dirs.push_back(p);
    for (const QString &dir : dirs) {
        const QStringList files = QDir(dir).entryList({"*.json"}, QDir::Files, QDir::Name);
        for (const QString &f : files) {
            QFile file(dir + "/" + f);
            const std::string path = file.fileName().toStdString();
            if (!file.open(QIODevice::ReadOnly)) {
                d.error("cannot read board file " + path + "; check its permissions");
                continue;
            }
            Result<Board> b = parseBoard(file.readAll().toStdString(), path);
            if (!b) { d.append(b.diagnostics()); continue; }
            // A later directory overrides a built-in board of the same id.
            auto same = std::find_if(cat.boards_.begin(), cat.boards_.end(),
                                     [&](const Board &x) { return x.id == b->id; });
            if (same != cat.boards_.end()) *same = *b;
            else cat.boards_.push_back(*b);
        }
    }
    if (!d.ok()) return d;
    return cat;
}

Result<Board> BoardCatalog::find(const std::string &key) const {
    for (const Board &b : boards_)
        if (b.id == lower(key) || lower(b.name) == lower(key)) return b;
    std::string ids;
    for (const Board &b : boards_) ids += (ids.empty() ? "" : ", ") + b.id;
    Diagnostics d;
    d.error("unknown board '" + key + "'; known boards: " + ids + " (see `emberc boards`)");
    return d;
}

}  // namespace ember
