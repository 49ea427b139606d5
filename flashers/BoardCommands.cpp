#include "BoardCommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <memory>

#include "Board.h"
#include "CommandArgs.h"
#include "Firmware.h"
#include "OpenOcdFlasher.h"
#include "Profiler.h"
#include "RpcCommands.h"
#include "core/Compiler.h"
#include "core/OptionTable.h"
#include "core/Text.h"

namespace ember {

namespace {

// Options of the board commands besides the compile options.
struct BoardArgs {
    std::vector<std::string> positional;
    std::string board, outDir, outputDir;
    std::vector<std::string> inputs;
    int runs = 2;
    int timeoutS = 300;  // a run on the board or the emulator
    bool json = false, noVerify = false, keepTemp = false;
    bool rpcServer = false;  // firmware --rpc-server
    std::vector<std::string> allArgs;  // the command's arguments as given
};

bool parseBoardArgs(const std::vector<std::string> &args, BoardArgs &a, std::ostream &err) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &s = args[i];
        auto value = [&](std::string &v) { return takeOptionValue(args, i, v, err); };
        std::string v;
        if (s == "--board" || s == "-b") { if (!value(a.board)) return false; }
        else if (s == "-o") { if (!value(a.outDir)) return false; }
        else if (s == "--output-dir") { if (!value(a.outputDir)) return false; }
        else if (s == "--input") {
            if (!value(v)) return false;
            a.inputs.push_back(v);
            // --input FILE... : further non-option words are inputs too.
            while (i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0 && !a.positional.empty()) a.inputs.push_back(args[++i]);
        }
        else if (s == "--runs") {
            if (!value(v)) return false;
            long long n = 0;
            if (!parseInteger(v, 1, 100, &n)) { err << "emberc: --runs must be between 1 and 100 (got '" << v << "')\n"; return false; }
            a.runs = int(n);
        }
        else if (s == "--timeout") {
            if (!value(v)) return false;
            long long n = 0;
            if (!parseInteger(v, 1, 86400, &n)) { err << "emberc: --timeout must be a whole number of seconds between 1 and 86400 (got '" << v << "')\n"; return false; }
            a.timeoutS = int(n);
        }
        else if (s == "--keep-temp") a.keepTemp = true;
        else if (s == "--rpc-server") a.rpcServer = true;
        else if (s == "--json") a.json = true;
        else if (s == "--no-verify") a.noVerify = true;
        else if (s.rfind("-", 0) == 0 && s.size() > 1) { err << "emberc: unknown option " << s << "\n"; return false; }
        else a.positional.push_back(s);
    }
    return true;
}

bool readInputs(const std::vector<std::string> &paths, std::vector<std::vector<uint8_t>> &out, std::ostream &err) {
    for (const std::string &p : paths) {
        out.emplace_back();
        if (!readInputFile(p, out.back(), err)) return false;
    }
    return true;
}

Result<Board> findBoard(const std::string &key) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    if (!cat) return cat.diagnostics();
    if (key.empty()) {
        Diagnostics d;
        d.error("no board given; pass --board ID (see `emberc boards`)");
        return d;
    }
    return cat->find(key);
}

int fail(const Diagnostics &d, std::ostream &err) {
    err << d.format();
    return 1;
}

std::string kib(uint64_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llu KiB", static_cast<unsigned long long>(b / 1024));
    return buf;
}

int cmdBoards(const BoardArgs &, std::ostream &out, std::ostream &err) {
    Result<BoardCatalog> cat = BoardCatalog::load();
    if (!cat) return fail(cat.diagnostics(), err);
    char line[256];
    std::snprintf(line, sizeof line, "%-18s %-40s %-13s %8s %9s %9s  %s\n", "id", "name", "core", "MHz", "flash", "ram", "via");
    out << line;
    for (const Board &b : cat->boards()) {
        uint64_t ram = 0;
        for (const MemoryRegion &r : b.memory) if (r.kind == "ram") ram += r.size;
        std::snprintf(line, sizeof line, "%-18s %-40s %-13s %8llu %9s %9s  %s\n", b.id.c_str(), b.name.c_str(), b.core.c_str(),
                      static_cast<unsigned long long>(b.clockHz / 1000000), kib(b.region(b.flashRegion)->size).c_str(),
                      kib(ram).c_str(), b.emulated() ? ("qemu " + b.qemuMachine + " (emulated)").c_str() : "openocd");
        out << line;
    }
    return 0;
}

// The compile flags among a command's arguments, as given (the firmware
// project's CMakeLists.txt passes them to ember_add_model; --name is its NAME).
std::vector<std::string> compileFlagsOf(const std::vector<std::string> &args) {
    std::vector<std::string> flags;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &s = args[i];
        const size_t eq = s.find('=');
        const std::string flag = s.rfind("--", 0) == 0 && eq != std::string::npos ? s.substr(0, eq) : s;
        const OptionSpec *o = findCompileOption(flag);
        if (!o) continue;
        const bool takesNext = o->kind != OptionKind::Flag && flag == s && i + 1 < args.size();
        if (flag != "--name") {
            flags.push_back(s);
            if (takesNext) flags.push_back(args[i + 1]);
        }
        if (takesNext) ++i;
    }
    return flags;
}

int cmdFirmware(const BoardArgs &a, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    if (a.positional.size() != 1 || a.outDir.empty()) {
        err << "usage: emberc firmware MODEL --board B -o DIR [options]\n";
        return 2;
    }
    Result<Board> b = findBoard(a.board);
    if (!b) return fail(b.diagnostics(), err);
    Result<Graph> g = loadModel(a.positional[0]);
    if (!g) return fail(g.diagnostics(), err);
    CompileOptions fco = withBoardTarget(co, *b);
    if (a.rpcServer) fco.packedWrappers = true;  // the server calls through the function table
    Result<Artifacts> art = compile(*g, fco);
    if (!art) return fail(art.diagnostics(), err);
    FirmwareOptions fo;
    fo.runs = a.runs;
    fo.rpcServer = a.rpcServer;
    fo.modelPath = QFileInfo(QString::fromStdString(a.positional[0])).absoluteFilePath().toStdString();
    fo.compileArgs = compileFlagsOf(a.allArgs);
    // What the board and the server add to the options: the same at build time.
    auto given = [&](const std::string &flag) {
        return std::find(fo.compileArgs.begin(), fo.compileArgs.end(), flag) != fo.compileArgs.end();
    };
    if (fco.packedWrappers && !given("--packed-wrappers")) fo.compileArgs.push_back("--packed-wrappers");
    if (!fco.target.empty() && !given("--target")) fo.compileArgs.insert(fo.compileArgs.end(), {"--target", fco.target});
    if (!readInputs(a.inputs, fo.inputs, err)) return 1;
    Result<FileList> files = generateFirmwareProject(*art, *b, fo);
    if (!files) return fail(files.diagnostics(), err);
    Diagnostics d;
    if (!writeFiles(*files, a.outDir, d)) return fail(d, err);
    Result<FirmwareBuild> fb = buildFirmware(a.outDir, *b);
    if (!fb) return fail(fb.diagnostics(), err);
    out << "firmware for " << b->name << " in " << a.outDir << " (" << fb->elfPath << ")\n" << fb->size.format();
    return 0;
}

Result<PackageInfo> projectInfo(const std::string &dir) {
    QFile f(QString::fromStdString(dir + "/model/metadata.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        Diagnostics d;
        d.error(dir + " is not a firmware project (no model/metadata.json); create one with `emberc firmware`");
        return d;
    }
    return readPackageInfo(f.readAll().toStdString(), dir + "/model/metadata.json");
}

int cmdFlash(const BoardArgs &a, std::ostream &out, std::ostream &err) {
    if (a.positional.size() != 1) {
        err << "usage: emberc flash DIR --board B\n";
        return 2;
    }
    const std::string dir = a.positional[0];
    Result<Board> b = findBoard(a.board);
    if (!b) return fail(b.diagnostics(), err);
    Result<PackageInfo> info = projectInfo(dir);
    if (!info) return fail(info.diagnostics(), err);
    // Always rebuild for the chosen board: the size check must be against it.
    Result<FirmwareBuild> fb = buildFirmware(dir, *b);
    if (!fb) return fail(fb.diagnostics(), err);
    out << fb->size.format();
    if (b->emulated()) {
        RunOptions ro;
        ro.timeoutMs = a.timeoutS * 1000;
        Result<BoardRun> run = runFirmware(fb->elfPath, *b, *info, ro);
        if (!run) return fail(run.diagnostics(), err);
        out << "booted on " << b->name << ": " << run->total << " " << run->unit << " per inference\n";
        return 0;
    }
    FlashOptions fo;
    fo.verify = !a.noVerify;
    fo.onProgress = [&](int pct, const std::string &stage) { out << "[" << pct << "%] " << stage << "\n"; };
    const FlashResult r = flashElf(fb->elfPath, *b, fo);
    if (!r.ok()) {
        err << "emberc: flash failed (" << flashErrorName(r.error) << "): " << r.message << "\n--- openocd log ---\n" << r.log;
        return 1;
    }
    out << r.message << "\n";
    return 0;
}

int cmdProfile(const BoardArgs &a, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    if (a.positional.size() != 1) {
        err << "usage: emberc profile MODEL --board B [--input FILE...] [--output-dir DIR] [--json]\n";
        return 2;
    }
    ProfileRequest r;
    r.modelPath = a.positional[0];
    r.board = a.board;
    r.compile = co;
    r.runs = a.runs;
    r.run.timeoutMs = a.timeoutS * 1000;
    r.keepTemp = a.keepTemp;
    if (a.keepTemp) r.onLine = [&](const std::string &line) {
        if (line.rfind("keeping ", 0) == 0) err << line << "\n";
    };
    if (!readInputs(a.inputs, r.inputs, err)) return 1;
    if (!a.json) r.onProgress = [&](int, const std::string &stage) { err << stage << "\n"; };
    Result<ModelProfile> p = profileModel(r);
    if (!p) return fail(p.diagnostics(), err);
    if (!a.outputDir.empty()) {
        QDir().mkpath(QString::fromStdString(a.outputDir));
        for (size_t j = 0; j < p->run.outputs.size(); ++j) {
            QFile f(QString::fromStdString(a.outputDir + "/output" + std::to_string(j) + ".bin"));
            const auto &o = p->run.outputs[j];
            if (!f.open(QIODevice::WriteOnly) || f.write(reinterpret_cast<const char *>(o.data()), qint64(o.size())) != qint64(o.size())) {
                err << "emberc: cannot write " << f.fileName().toStdString() << "\n";
                return 1;
            }
        }
    }
    out << (a.json ? p->toJson() : p->formatTable());
    return p->compared && !p->outputsMatch ? 1 : 0;
}

}  // namespace

bool isBoardCommand(const std::string &c) {
    return c == "boards" || c == "firmware" || c == "flash" || c == "profile" || isRpcCommand(c);
}

std::string boardCommandsHelp() {
    return "Board commands:\n"
           "  emberc boards                                  list the board catalogue (emulated boards marked)\n"
           "  emberc firmware MODEL --board B -o DIR [opts]  generate and build a firmware project; prints flash/RAM/stack\n"
           "  emberc flash DIR --board B [--no-verify]       build, check the size, program through OpenOCD (emulated: boot it)\n"
           "  emberc profile MODEL --board B [--input FILE...] [--output-dir DIR] [--json] [--runs N] [opts]\n"
           "                                                 build, flash or boot, run, print per-layer cycles, check outputs\n"
           "  --timeout S (profile, flash): give up a run after S seconds (default 300); every tool\n"
           "  started is ended with it. --keep-temp (profile): keep the temporary firmware project.\n"
           "  firmware and profile accept the compile options of `emberc compile`.\n"
           "  EMBER_BOARDS_DIR adds board files; EMBER_OPENOCD, EMBER_QEMU_SYSTEM_ARM, EMBER_GDB_MULTIARCH pick tools.\n"
           "  --rpc-server (firmware): the RPC function server instead of the profiling runs (docs/RPC.md).\n" +
           rpcCommandsHelp();
}

int runBoardCommand(const std::string &command, const std::vector<std::string> &args, std::ostream &out, std::ostream &err) {
    // QProcess and QStandardPaths want an application object; emberc has none.
    std::unique_ptr<QCoreApplication> app;
    static int argc = 1;
    static char name[] = "emberc";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    if (isRpcCommand(command)) return runRpcCommand(command, args, out, err);
    CompileOptions co;
    std::vector<std::string> rest = args;
    if (command == "firmware" || command == "profile") {
        Diagnostics d;
        rest.clear();
        if (!parseCompileArgs(args, co, rest, d)) {
            err << d.format();
            return 2;
        }
    }
    BoardArgs a;
    a.allArgs = args;
    if (!parseBoardArgs(rest, a, err)) return 2;
    if (command == "boards") return cmdBoards(a, out, err);
    if (command == "firmware") return cmdFirmware(a, co, out, err);
    if (command == "flash") return cmdFlash(a, out, err);
    if (command == "profile") return cmdProfile(a, co, out, err);
    err << "emberc: unknown board command '" << command << "'\n" << boardCommandsHelp();
    return 2;
}

}  // namespace ember
