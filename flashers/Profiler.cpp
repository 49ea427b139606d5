#include "Profiler.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "OpenOcdFlasher.h"
#include "ToolProcess.h"
#include "core/Compiler.h"
#include "core/validate/ChildProcesses.h"
#include "core/validate/HostRunner.h"

namespace ember {

namespace {

constexpr uint32_t kMagic = 0x454D4252u;
constexpr size_t kHeaderWords = 12;

std::string shellQuote(const std::string &s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// How gdb reaches the board: QEMU, started by runFirmware itself in a process
// group of its own, serves gdb on a Unix socket in the run's folder (no TCP
// port to pick or leak; ending the run ends QEMU); OpenOCD runs in pipe mode
// and then loads the ELF and resets.
std::string connectCommands(const Board &b, const RunOptions &o, const std::string &dir) {
    std::string s;
    if (b.emulated()) {
        s += "target remote " + dir + "/qemu.sock\n";
        return s;
    }
    const std::string ocd = o.openocd.empty() ? findTool("openocd") : o.openocd;
    std::string cmd = "exec " + shellQuote(ocd) + " -c " + shellQuote("gdb_port pipe; log_output " + dir + "/openocd.log");
    for (const std::string &a : openocdArgs(b, {})) cmd += " " + shellQuote(a);
    s += "target extended-remote | " + cmd + "\nmonitor reset halt\nload\nmonitor reset halt\n";
    return s;
}

// A temporary folder that an interrupted emberc removes too.
class RunDir {
public:
    explicit RunDir(const QString &pattern) : dir_(pattern) {
        if (dir_.isValid()) children::addTempDir(dir_.path().toStdString());
    }
    ~RunDir() {
        if (dir_.isValid()) children::removeTempDir(dir_.path().toStdString());
    }
    bool isValid() const { return dir_.isValid(); }
    std::string path() const { return dir_.path().toStdString(); }
    void keep() {
        dir_.setAutoRemove(false);
        if (dir_.isValid()) children::removeTempDir(dir_.path().toStdString());
    }

private:
    QTemporaryDir dir_;
};

std::string gdbScript(const std::string &elf, const Board &b, const PackageInfo &p, const RunOptions &o,
                      const std::string &dir) {
    std::ostringstream s;
    s << "set pagination off\nset confirm off\nset height 0\nset width 0\n"
      << "file " << elf << "\n" << connectCommands(b, o, dir)
      << "break ember_harness_done\ncontinue\n"
      << "dump binary memory " << dir << "/results.bin &ember_results ((char *)&ember_results) + sizeof(ember_results)\n";
    // Through the harness's address table: with --io workspace the outputs
    // live inside a pool, not in arrays of their own.
    for (size_t j = 0; j < p.outputs.size(); ++j)
        s << "dump binary memory " << dir << "/output" << j << ".bin ember_output_addr[" << j << "] ember_output_addr[" << j
          << "] + " << p.outputs[j].bytes << "\n";
    s << "echo EMBER-RESULTS-READ\\n\nkill\nquit\n";
    return s.str();
}

bool readAll(const std::string &path, std::vector<uint8_t> &out) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return false;
    const QByteArray b = f.readAll();
    out.assign(b.begin(), b.end());
    return true;
}

uint32_t word(const std::vector<uint8_t> &b, size_t i) {
    uint32_t v = 0;
    std::memcpy(&v, b.data() + 4 * i, 4);
    return v;
}
uint64_t dword(const std::vector<uint8_t> &b, size_t offset) {
    uint64_t v = 0;
    std::memcpy(&v, b.data() + offset, 8);
    return v;
}

bool parseResults(const std::vector<uint8_t> &b, const Board &board, const PackageInfo &p, BoardRun &run, Diagnostics &d) {
    if (b.size() < kHeaderWords * 4 || word(b, 0) != kMagic) {
        d.error("the results table was not written; the firmware did not finish (see the log)");
        return false;
    }
    if (word(b, 1) == 2) {
        d.error("the firmware faulted (exception " + std::to_string(word(b, 8)) + ") while running the model; check the stack size and the model's memory plan");
        return false;
    }
    if (word(b, 2) != 0) {
        d.error("the model's run function returned " + std::to_string(int32_t(word(b, 2))) + " on the board");
        return false;
    }
    const uint32_t layers = word(b, 3), runs = word(b, 4);
    if (layers != p.layers.size() && !p.layers.empty()) {
        d.error("the firmware reports " + std::to_string(layers) + " layers but the package has " +
                std::to_string(p.layers.size()) + "; rebuild the firmware");
        return false;
    }
    if (b.size() < kHeaderWords * 4 + 8 * (runs + std::max<uint32_t>(layers, 1))) {
        d.error("the results table is shorter than expected; rebuild the firmware");
        return false;
    }
    // Emulated boards count SysTick ticks; under -icount shift=0 a tick is tick_ns instructions.
    const double scale = board.emulated() ? board.tickNs : 1.0;
    auto convert = [&](uint64_t ticks) { return uint64_t(std::llround(double(ticks) * scale)); };
    const size_t base = kHeaderWords * 4;
    for (uint32_t r = 0; r < runs; ++r) run.runTotals.push_back(convert(dword(b, base + 8 * r)));
    for (uint32_t l = 0; l < layers; ++l) run.layers.push_back(convert(dword(b, base + 8 * (runs + l))));
    run.total = run.runTotals.empty() ? 0 : run.runTotals.back();
    run.stackUsed = word(b, 6);
    run.unit = board.emulated() ? "instructions" : "cycles";
    return true;
}

std::string describeMismatch(const std::vector<std::vector<uint8_t>> &a, const std::vector<std::vector<uint8_t>> &b) {
    if (a.size() != b.size()) return "output count differs";
    for (size_t j = 0; j < a.size(); ++j) {
        if (a[j].size() != b[j].size()) return "output " + std::to_string(j) + " size differs";
        for (size_t k = 0; k < a[j].size(); ++k)
            if (a[j][k] != b[j][k])
                return "output " + std::to_string(j) + " byte " + std::to_string(k) + ": board " + std::to_string(a[j][k]) +
                       ", host " + std::to_string(b[j][k]);
    }
    return "";
}

void progress(const ProfileRequest &r, int pct, const std::string &stage) {
    if (r.onProgress) r.onProgress(pct, stage);
    if (r.onLine) r.onLine("== " + stage);
}

}  // namespace

Result<BoardRun> runFirmware(const std::string &elfPath, const Board &b, const PackageInfo &p, const RunOptions &o) {
    Diagnostics d;
    const std::string gdb = o.gdb.empty() ? findTool("gdb-multiarch") : o.gdb;
    if (const std::string why = toolProblem("gdb-multiarch", gdb); !why.empty()) {
        d.error(why);
        return d;
    }
    const std::string qemu = b.emulated() ? (o.qemu.empty() ? findTool("qemu-system-arm") : o.qemu) : "";
    if (b.emulated())
        if (const std::string why = toolProblem("qemu-system-arm", qemu); !why.empty()) {
            d.error(why);
            return d;
        }
    // gdb scripts name files unquoted: keep the temporary path free of spaces
    // (QTemporaryDir's default template contains the application name).
    RunDir tmp(QDir::tempPath() + "/ember-run-XXXXXX");
    if (!tmp.isValid()) {
        d.error("cannot create a temporary folder in " + QDir::tempPath().toStdString());
        return d;
    }
    const std::string dir = tmp.path();
    const std::string elf = QDir(QString::fromStdString(elfPath)).absolutePath().toStdString();
    const std::string script = dir + "/run.gdb";
    QFile f(QString::fromStdString(script));
    const std::string text = gdbScript(elf, b, p, o, dir);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        d.error("cannot write the debugger script in " + dir);
        return d;
    }
    f.close();
    BackgroundTool emulator;  // declared before the gdb run: ends after it, on every path
    if (b.emulated()) {
        const std::string sock = dir + "/qemu.sock";
        const std::vector<std::string> argv = {qemu, "-M", b.qemuMachine, "-nographic", "-serial", "none", "-monitor",
                                               "none", "-icount", "shift=0,align=off,sleep=off", "-kernel", elf,
                                               "-gdb", "unix:" + sock + ",server=on,wait=off", "-S"};
        std::string why;
        if (o.onLine) o.onLine("$ " + commandLine(argv));
        if (!emulator.start(argv, dir + "/qemu.log", &why)) {
            d.error("cannot start qemu-system-arm: " + why);
            return d;
        }
        // QEMU creates the socket once it is ready for gdb.
        QElapsedTimer wait;
        wait.start();
        while (!QFileInfo::exists(QString::fromStdString(sock))) {
            std::vector<uint8_t> log;
            if (!emulator.running()) {
                readAll(dir + "/qemu.log", log);
                d.error("qemu-system-arm '" + qemu + "' ended before serving the debugger:\n" + std::string(log.begin(), log.end()));
                return d;
            }
            if (wait.elapsed() > 20000 || (o.cancel && o.cancel->load()) || children::interrupted().load()) {
                d.error(wait.elapsed() > 20000 ? "qemu-system-arm did not start within 20 s" : "the run was cancelled");
                return d;
            }
            QThread::msleep(20);
        }
    }
    ToolOptions t;
    t.timeoutMs = o.timeoutMs;
    t.cancel = o.cancel;
    t.onLine = o.onLine;
    const ToolRun run = runTool({gdb, "-batch", "-nx", "-x", script}, t);
    emulator.stop();
    BoardRun br;
    br.log = "$ " + run.command + "\n" + text + run.output;
    if (b.emulated()) {
        std::vector<uint8_t> qemuLog;
        if (readAll(dir + "/qemu.log", qemuLog) && !qemuLog.empty())
            br.log += "--- qemu-system-arm ---\n" + std::string(qemuLog.begin(), qemuLog.end());
    }
    if (run.end == ToolRun::End::Cancelled) {
        d.error("the run was cancelled");
        return d;
    }
    if (run.end == ToolRun::End::TimedOut) {
        d.error("the firmware did not finish within " + std::to_string((o.timeoutMs + 999) / 1000) + " s on " + b.name +
                "; raise the timeout (--timeout S) or check that the model runs");
        return d;
    }
    if (run.end == ToolRun::End::FailedToStart) {
        d.error("gdb-multiarch '" + gdb + "' could not be started: " + run.output);
        return d;
    }
    if (!b.emulated()) {
        std::vector<uint8_t> ocdLog;
        readAll(dir + "/openocd.log", ocdLog);
        br.log += std::string(ocdLog.begin(), ocdLog.end());
        if (run.output.find("EMBER-RESULTS-READ") == std::string::npos) {
            const FlashError e = classifyOpenOcdLog(br.log);
            d.error("could not run on " + b.name + " through openocd (" + flashErrorName(e) + "); see the log:\n" + run.output);
            return d;
        }
    }
    std::vector<uint8_t> results;
    if (!readAll(dir + "/results.bin", results)) {
        d.error("the debugger did not read the results from " + b.name + ":\n" + run.output);
        return d;
    }
    if (!parseResults(results, b, p, br, d)) return d;
    for (size_t j = 0; j < p.outputs.size(); ++j) {
        std::vector<uint8_t> out;
        if (!readAll(dir + "/output" + std::to_string(j) + ".bin", out) || out.size() != p.outputs[j].bytes) {
            d.error("could not read output " + std::to_string(j) + " from the board");
            return d;
        }
        br.outputs.push_back(out);
    }
    return br;
}

Result<ModelProfile> profileModel(const ProfileRequest &r) {
    Diagnostics d;
    Result<BoardCatalog> cat = BoardCatalog::load();
    if (!cat) return cat.diagnostics();
    Result<Board> board = cat->find(r.board);
    if (!board) return board.diagnostics();
    // The debugger (and the emulator) are needed at the end: a missing or
    // mis-set tool is reported now, naming it, not after the build.
    const std::string gdb = r.run.gdb.empty() ? findTool("gdb-multiarch") : r.run.gdb;
    if (const std::string why = toolProblem("gdb-multiarch", gdb); !why.empty()) {
        d.error(why);
        return d;
    }
    if (board->emulated()) {
        const std::string qemu = r.run.qemu.empty() ? findTool("qemu-system-arm") : r.run.qemu;
        if (const std::string why = toolProblem("qemu-system-arm", qemu); !why.empty()) {
            d.error(why);
            return d;
        }
    }
    ModelProfile mp;
    mp.board = *board;
    progress(r, 2, "compiling " + r.modelPath);
    Result<Graph> g = loadModel(r.modelPath);
    if (!g) return g.diagnostics();
    Result<Artifacts> a = compile(*g, withBoardTarget(r.compile, *board));
    if (!a) return a.diagnostics();
    Result<PackageInfo> info = readPackageInfo(a->file("metadata.json") ? *a->file("metadata.json") : "", "metadata.json");
    if (!info) return info.diagnostics();
    mp.package = *info;
    // Explicit input bytes, so the board and the host run on the very same data.
    FirmwareOptions fo;
    fo.runs = r.runs;
    for (size_t i = 0; i < info->inputs.size(); ++i) {
        const PackageInfo::Io &io = info->inputs[i];
        std::vector<uint8_t> in = i < r.inputs.size() ? r.inputs[i] : std::vector<uint8_t>{};
        if (in.empty()) in.assign(io.bytes, io.dtype.find("int8") != std::string::npos ? uint8_t(io.zeroPoint) : 0);
        fo.inputs.push_back(in);
    }
    Result<FileList> files = generateFirmwareProject(*a, *board, fo);
    if (!files) return files.diagnostics();
    RunDir tmp(QDir::tempPath() + "/ember-firmware-XXXXXX");
    if (r.keepTemp && r.workDir.empty()) {
        tmp.keep();
        if (r.onLine) r.onLine("keeping the firmware project in " + tmp.path());
    }
    mp.firmwareDir = r.workDir.empty() ? tmp.path() : r.workDir;
    if (!writeFiles(*files, mp.firmwareDir, d)) return d;
    progress(r, 15, "building firmware for " + board->name);
    BuildOptions bo;
    bo.cancel = r.cancel;
    bo.onLine = r.onLine;
    Result<FirmwareBuild> fb = buildFirmware(mp.firmwareDir, *board, bo);
    if (!fb) return fb.diagnostics();
    mp.size = fb->size;
    if (r.onLine) r.onLine(fb->size.format());
    progress(r, 40, board->emulated() ? "running on " + board->name : "flashing and running on " + board->name);
    RunOptions ro = r.run;
    if (!ro.cancel) ro.cancel = r.cancel;
    if (!ro.onLine) ro.onLine = r.onLine;
    Result<BoardRun> run = runFirmware(fb->elfPath, *board, *info, ro);
    if (!run) return run.diagnostics();
    mp.run = *run;
    if (r.compareWithHost) {
        progress(r, 85, "running the same generated C on the host");
        Result<std::vector<std::vector<uint8_t>>> host = runGeneratedC(*a, *g, fo.inputs);
        if (!host) return host.diagnostics();
        mp.hostOutputs = *host;
        mp.compared = true;
        mp.mismatch = describeMismatch(mp.run.outputs, mp.hostOutputs);
        mp.outputsMatch = mp.mismatch.empty();
    }
    progress(r, 100, "done");
    return mp;
}

std::string ModelProfile::formatTable() const {
    std::ostringstream s;
    char line[200];
    const bool hw = !board.emulated();
    std::snprintf(line, sizeof line, "%-5s %-28s %-18s %14s %7s\n", "layer", "name", "op", run.unit.c_str(), "share");
    s << line;
    for (size_t i = 0; i < run.layers.size(); ++i) {
        const PackageInfo::Layer *l = i < package.layers.size() ? &package.layers[i] : nullptr;
        std::snprintf(line, sizeof line, "%-5zu %-28.28s %-18.18s %14llu %6.1f%%\n", i, l ? l->name.c_str() : "",
                      l ? l->op.c_str() : "", static_cast<unsigned long long>(run.layers[i]),
                      run.total ? 100.0 * double(run.layers[i]) / double(run.total) : 0.0);
        s << line;
    }
    s << "total: " << run.total << " " << run.unit;
    if (hw) s << " = " << double(run.total) * 1000.0 / double(board.clockHz) << " ms at " << board.clockHz / 1000000 << " MHz";
    s << " on " << board.name << "\n";
    s << "stack used: " << run.stackUsed << " bytes (measured)\n";
    if (compared) s << "output check: " << (outputsMatch ? "bit-exact with the host run" : "MISMATCH (" + mismatch + ")") << "\n";
    return s.str();
}

std::string ModelProfile::toJson() const {
    QJsonArray layers, totals;
    for (size_t i = 0; i < run.layers.size(); ++i) {
        QJsonObject o{{"index", int(i)}, {"count", qint64(run.layers[i])}};
        if (i < package.layers.size()) {
            o.insert("name", QString::fromStdString(package.layers[i].name));
            o.insert("op", QString::fromStdString(package.layers[i].op));
            o.insert("macs", qint64(package.layers[i].macs));
        }
        layers.append(o);
    }
    for (uint64_t t : run.runTotals) totals.append(qint64(t));
    QJsonObject o{{"board", QString::fromStdString(board.id)},
                  {"emulated", board.emulated()},
                  {"clock_hz", qint64(board.clockHz)},
                  {"model", QString::fromStdString(package.name)},
                  {"unit", QString::fromStdString(run.unit)},
                  {"total", qint64(run.total)},
                  {"run_totals", totals},
                  {"layers", layers},
                  {"flash_bytes", qint64(size.flashBytes)},
                  {"ram_bytes", qint64(size.ramBytes)},
                  {"workspace_bytes", qint64(size.workspaceBytes)},
                  {"stack_worst_case_bytes", qint64(size.stackWorst)},
                  {"stack_used_bytes", qint64(run.stackUsed)}};
    if (compared) {
        o.insert("outputs_match", outputsMatch);
        if (!outputsMatch) o.insert("mismatch", QString::fromStdString(mismatch));
    }
    return QJsonDocument(o).toJson().toStdString();
}

}  // namespace ember
