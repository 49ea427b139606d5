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

}  // namespace

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
    if (const QJsonObject uart = o.value("rpc_uart").toObject(); !uart.isEmpty()) {
        b.rpcUartType = uart.value("type").toString().toStdString();
        if (b.rpcUartType != "cmsdk-apb" || !parseSize(uart.value("base").toString().toStdString(), &b.rpcUartBase)) {
            d.error("\"rpc_uart\" needs \"type\": \"cmsdk-apb\" and a \"base\" address such as \"0x40004000\"");
            return d;
        }
    }
    b.stackBytes = uint32_t(o.value("stack_bytes").toInt(8192));
    if (b.id.empty() || b.id.find_first_of(" /\\") != std::string::npos) {
        d.error("missing or invalid \"id\"; use a short lower-case key without spaces such as \"nucleo-f446re\"");
        return d;
    }
    if (!jsonSize(o.value("clock_hz"), &b.clockHz) || b.clockHz == 0) {
        d.error("missing \"clock_hz\"; give the core clock in Hz");
        return d;
    }
    if (!parseCore(o, b, d) || !parseMemory(o, b, d) || !parseTools(o, b, d)) return d;
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
