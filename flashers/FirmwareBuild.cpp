// Builds a firmware project with arm-none-eabi-gcc and reports its size and
// worst-case stack, refusing builds that do not fit the board.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "ElfFile.h"
#include "Firmware.h"
#include "ToolProcess.h"

namespace ember {

namespace {

struct StackFrame {
    std::string function, file;
    uint64_t bytes = 0;
    bool bounded = true;
};

// Lines look like "model/src/kws_ops.c:12:16:kws_l00_conv2d\t48\tstatic".
std::vector<StackFrame> readStackUsage(const std::string &objDir) {
    std::vector<StackFrame> frames;
    for (const QFileInfo &fi : QDir(QString::fromStdString(objDir)).entryInfoList({"*.su"}, QDir::Files)) {
        QFile f(fi.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() < 3) continue;
            StackFrame sf;
            sf.function = cols[0].mid(cols[0].lastIndexOf(':') + 1).toStdString();
            sf.file = fi.completeBaseName().toStdString();
            sf.bytes = cols[1].trimmed().toULongLong();
            sf.bounded = !cols[2].contains("dynamic") || cols[2].contains("bounded");
            frames.push_back(sf);
        }
    }
    return frames;
}

// The frame of `fn` plus those of the clones GCC splits off it (fn.part.0,
// fn.isra.0, fn.constprop.0: the function calls them, so their frames add).
uint64_t frameOf(const std::vector<StackFrame> &frames, const std::string &fn) {
    uint64_t sum = 0;
    for (const StackFrame &f : frames)
        if (f.function == fn || f.function.rfind(fn + ".", 0) == 0) sum += f.bytes;
    return sum;
}

// The generated call graph is flat: run → layer function → (small helpers),
// plus the profiling hooks; with packed operators or wrappers one more
// function sits above or below the typed layer. A layer function never calls
// another layer function, so the largest layer frame plus the two largest
// other ops-file frames bound that chain (the two largest frames of all, when
// the metadata names no layer function). Adding the two largest layer frames
// instead refused IC with --in-place on (row windows beside the DSP
// kernels' buffers: 8,528 B estimated, 4,476 B used).
void computeStack(const std::vector<StackFrame> &frames, const Board &b, const PackageInfo &p, SizeReport &r) {
    std::set<std::string> layerFunctions;
    for (const PackageInfo::Layer &l : p.layers) layerFunctions.insert(l.function);
    uint64_t largestLayer = 0;
    std::vector<uint64_t> ops, others;
    for (const StackFrame &f : frames) {
        if (f.file == p.name + "_ops") {
            ops.push_back(f.bytes);
            if (layerFunctions.count(f.function)) largestLayer = std::max(largestLayer, f.bytes);
            else others.push_back(f.bytes);
        }
        if (!f.bounded) r.stackBounded = false;
    }
    auto twoLargest = [](std::vector<uint64_t> v) {
        std::sort(v.rbegin(), v.rend());
        return (v.size() > 0 ? v[0] : 0) + (v.size() > 1 ? v[1] : 0);
    };
    const uint64_t layer = largestLayer ? largestLayer + twoLargest(others) : twoLargest(ops);
    const uint64_t hooks = std::max(frameOf(frames, "ember_layer_begin"), frameOf(frames, "ember_layer_end"));
    // Checked calls (GENERATED_API.md): packed functions first call
    // NAME_check_args and the C entrypoint NAME_check_pools (both in NAME.c),
    // which format a refusal through small helpers; counted as one chain.
    const std::string n = p.name;
    const uint64_t message = frameOf(frames, n + "_put_arg") + frameOf(frames, n + "_put_dtype") +
                             frameOf(frames, n + "_put_int") + frameOf(frames, n + "_put");
    const uint64_t checks = std::max(frameOf(frames, n + "_check_args"),
                                     frameOf(frames, n + "_check_pools") + frameOf(frames, n + "_check_pool")) +
                            message;
    r.stackInference = frameOf(frames, p.name + "_run") + std::max(layer + checks, hooks);
    // An exception (SysTick) may arrive at the deepest point: its stacked frame
    // is 32 bytes, 104 with the floating-point context.
    const uint64_t exception = (b.fpu != "none" && b.floatAbi != "soft" ? 104 : 32) + frameOf(frames, "SysTick_Handler");
    r.stackWorst = frameOf(frames, "main") + r.stackInference + exception;
}

void computeRegions(const ElfFile &e, const Board &b, SizeReport &r) {
    for (const MemoryRegion &m : b.memory) {
        RegionUsage u{m.name, m.kind, m.origin, m.size, 0};
        if (m.kind == "flash") {
            for (const ElfSegment &s : e.segments)
                if (s.filesz && m.contains(s.paddr)) u.used += s.filesz;
        } else {
            for (const ElfSection &s : e.sections)
                if (s.alloc() && s.size && m.contains(s.addr)) u.used += s.size;
        }
        if (m.kind == "flash" && m.name == b.flashRegion) r.flashBytes += u.used;
        if (m.kind == "ram") r.ramBytes += u.used;
        r.regions.push_back(u);
    }
}

std::string kib(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f KiB", double(bytes) / 1024.0);
    return buf;
}

// ld says "region `RAM' overflowed by 1234 bytes" once per region.
void diagnoseOverflow(const std::string &log, const Board &b, Diagnostics &d) {
    static const std::regex re("region `([^']+)' overflowed by ([0-9]+) bytes");
    for (auto it = std::sregex_iterator(log.begin(), log.end(), re); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1];
        const MemoryRegion *m = b.region(name);
        const std::string hint = m && m->kind == "flash"
            ? "use a smaller model or a board with more flash"
            : "move pools to another region (--pool NAME:SIZE:section=S), shrink the workspace, or use a board with more RAM";
        d.error("firmware does not fit " + b.name + ": region '" + name + "'" +
                (m ? " (" + kib(m->size) + ")" : std::string()) + " overflowed by " + std::string((*it)[2]) +
                " bytes; " + hint);
    }
}

ToolRun runLogged(const std::vector<std::string> &argv, const std::string &dir, const BuildOptions &o, std::string &log) {
    if (o.onLine) o.onLine(commandLine(argv));
    ToolOptions t;
    t.workDir = dir;
    t.timeoutMs = o.timeoutMs;
    t.cancel = o.cancel;
    t.onLine = o.onLine;
    ToolRun r = runTool(argv, t);
    log += "$ " + r.command + "\n" + r.output;
    return r;
}

}  // namespace

std::string SizeReport::format() const {
    std::ostringstream s;
    char line[160];
    s << "region        origin        size        used   free\n";
    for (const RegionUsage &u : regions) {
        std::snprintf(line, sizeof line, "%-12s  0x%08llx  %10llu  %10llu  %5.1f%%\n", u.name.c_str(),
                      static_cast<unsigned long long>(u.origin), static_cast<unsigned long long>(u.size),
                      static_cast<unsigned long long>(u.used), u.size ? 100.0 * double(u.size - std::min(u.used, u.size)) / double(u.size) : 0.0);
        s << line;
    }
    s << "flash " << flashBytes << " bytes; RAM " << ramBytes << " bytes = workspace " << workspaceBytes << " + I/O "
      << ioBytes << (constantsPoolBytes ? " + constants pool " + std::to_string(constantsPoolBytes) : std::string())
      << " + stack " << stackReserved << " reserved + other "
      << (ramBytes - std::min(ramBytes, workspaceBytes + ioBytes + constantsPoolBytes + stackReserved))
      << "\nstack: inference " << stackInference << " bytes, worst case with harness and interrupt " << stackWorst
      << " of " << stackReserved << " bytes" << (stackBounded ? "" : " (some frames are dynamic: estimate only)") << "\n";
    return s.str();
}

Result<SizeReport> sizeReport(const std::string &elfPath, const Board &b, const std::string &objDir, const PackageInfo &p) {
    Result<ElfFile> elf = readElf(elfPath);
    if (!elf) return elf.diagnostics();
    Diagnostics d;
    d.setFile(elfPath);
    if (elf->machine != 40) {
        d.error("the ELF is not built for Arm (e_machine " + std::to_string(elf->machine) + "); rebuild it for " + b.name);
        return d;
    }
    SizeReport r;
    computeRegions(*elf, b, r);
    for (const PackageInfo::Pool &pool : p.pools) r.workspaceBytes += pool.size;
    // The harness's own I/O arrays (ember_input<i>, ember_output<j>; none
    // with --io workspace) and its RAM copy of the constants pool.
    static const std::regex ioSymbol("ember_(input|output)[0-9]+");
    // The test data it bakes into flash (inputs.c): not the model's.
    static const std::regex testData("ember_input[0-9]+_data");
    for (const ElfSymbol &s : elf->symbols) {
        if (std::regex_match(s.name, ioSymbol)) r.ioBytes += s.size;
        if (std::regex_match(s.name, testData)) r.testDataBytes += s.size;
        if (s.name == "ember_cpool") r.constantsPoolBytes += s.size;
    }
    if (const ElfSection *st = elf->section(".stack")) r.stackReserved = st->size;
    computeStack(readStackUsage(objDir), b, p, r);
    for (const RegionUsage &u : r.regions)
        if (u.used > u.size)
            d.error("firmware does not fit " + b.name + ": region '" + u.name + "' overflowed by " +
                    std::to_string(u.used - u.size) + " bytes");
    if (r.stackWorst > r.stackReserved)
        d.error("the stack needs about " + std::to_string(r.stackWorst) + " bytes but " + b.name + " reserves " +
                std::to_string(r.stackReserved) + " (overflow " + std::to_string(r.stackWorst - r.stackReserved) +
                " bytes); raise \"stack_bytes\" in the board file");
    if (!d.ok()) return d;
    return r;
}

Result<FirmwareBuild> buildFirmware(const std::string &dir, const Board &b, const BuildOptions &o) {
    Diagnostics d;
    d.setFile(dir);
    QFile metaFile(QString::fromStdString(dir + "/model/metadata.json"));
    if (!metaFile.open(QIODevice::ReadOnly)) {
        d.error("no model/metadata.json in the firmware project; generate it with `emberc firmware MODEL --board B -o DIR`");
        return d;
    }
    Result<PackageInfo> info = readPackageInfo(metaFile.readAll().toStdString(), dir + "/model/metadata.json");
    if (!info) return info.diagnostics();
    const std::string cc = findTool("arm-none-eabi-gcc");
    if (cc.empty()) {
        d.error("arm-none-eabi-gcc not found; install gcc-arm-none-eabi and libnewlib-arm-none-eabi");
        return d;
    }
    FirmwareBuild fb;
    const std::string objDir = dir + "/build/obj";
    QDir(QString::fromStdString(objDir)).removeRecursively();
    QDir().mkpath(QString::fromStdString(objDir));
    QStringList sources;
    for (const QFileInfo &fi : QDir(QString::fromStdString(dir + "/model/src")).entryInfoList({"*.c"}, QDir::Files, QDir::Name))
        sources << "model/src/" + fi.fileName();
    sources << "firmware/startup.c" << "firmware/harness.c" << "firmware/inputs.c";
    if (QFileInfo::exists(QString::fromStdString(dir + "/firmware/ember_rpc.c"))) sources << "firmware/ember_rpc.c";
    if (QFileInfo::exists(QString::fromStdString(dir + "/firmware/ember_uart.c"))) sources << "firmware/ember_uart.c";
    std::vector<std::string> objects;
    for (const QString &src : sources) {
        const std::string obj = "build/obj/" + QFileInfo(src).completeBaseName().toStdString() + ".o";
        std::vector<std::string> argv{cc};
        for (const std::string &f : b.cpuFlags()) argv.push_back(f);
        for (const char *f : {"-std=c99", "-g", "-ffunction-sections", "-fdata-sections", "-fstack-usage", "-Wall",
                              "-Wextra", "-Imodel/include", "-Ifirmware", "-include", "firmware/ember_profile.h", "-c"})
            argv.push_back(f);
        argv.insert(argv.begin() + 1, o.optimize);
        argv.push_back(src.toStdString());
        argv.push_back("-o");
        argv.push_back(obj);
        const ToolRun r = runLogged(argv, dir, o, fb.log);
        if (!r.ok()) {
            d.error("compiling " + src.toStdString() + " " + r.describe() + ":\n" + r.output);
            return d;
        }
        objects.push_back(obj);
    }
    std::vector<std::string> link{cc};
    for (const std::string &f : b.cpuFlags()) link.push_back(f);
    link.insert(link.end(), objects.begin(), objects.end());
    for (const char *f : {"-Tfirmware/board.ld", "-nostartfiles", "--specs=nano.specs", "--specs=nosys.specs",
                          "-Wl,--gc-sections", "-Wl,-Map=build/firmware.map", "-lm", "-o", "build/firmware.elf"})
        link.push_back(f);
    const ToolRun lr = runLogged(link, dir, o, fb.log);
    if (!lr.ok()) {
        diagnoseOverflow(lr.output, b, d);
        if (d.ok()) d.error("linking the firmware " + lr.describe() + ":\n" + lr.output);
        return d;
    }
    fb.elfPath = dir + "/build/firmware.elf";
    Result<SizeReport> size = sizeReport(fb.elfPath, b, objDir, *info);
    if (!size) return size.diagnostics();
    fb.size = *size;
    return fb;
}

}  // namespace ember
