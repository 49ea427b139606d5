// bench_boards: every MLPerf Tiny model (and "MS", a model with the shapes of
// TFLM's micro_speech, made by Ember's builder) on every emulated core — Cortex-M4F
// (qemu-mps2-an386), Cortex-M7 (qemu-mps2-an500), Cortex-M55 with Helium
// (qemu-mps3-an547) — compiled with the board's --target (the catalogue sets
// it): exact instructions of one inference, flash and RAM of the whole
// firmware, workspace, measured stack, the output checked against the golden
// (and the host run of the same C), and the ratio to TFLM + CMSIS-NN on the
// same core (../shared/docs/TARGETS.md). Prints one Markdown table (the
// README's "boards" section, scripts/update_readme.py boards).
// With --optimize MODE (repeatable; "all" = balanced, speed, size) it prints
// instead one row per model, core and --optimize mode: instructions and their
// ratio to balanced, flash, the model's weights, flash minus weights, and
// "code + tables" = flash minus weights minus the harness's test data (the
// sample input it bakes in; the size target: <= 16 KB), output
// checked (the README's "optimize" section).
// With --in-place on, the main table's builds write convolutions and
// element-wise ops over their inputs (the README's "inplace" section); with
// --io workspace the graph's inputs and outputs are planned into the
// workspace (as TFLM keeps them in its arena), so the first layers may
// overwrite the input.
// RAM: the firmware's static RAM (every RAM section) without the stack
// reserve, plus the stack high-water mark measured on the board: TFLM's
// figures in TARGETS.md count the stack the same way.
// Usage: bench_boards [--board ID]... [--model STEM]... [--target T] [--optimize MODE]... [--in-place on|fuse|off]
//                     [--io separate|workspace] [--shared DIR]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "flashers/Profiler.h"

namespace {

struct Core {
    const char *board, *label;
    double cmsis[5];  // TFLM + CMSIS-NN instructions: KWS, VWW, IC, AD, micro_speech (TARGETS.md; 0 = not measured)
    double ram[5];    // TFLM arena + statics + stack, bytes (0 = not measured)
};

const Core kCores[] = {
    {"qemu-mps2-an386", "M4F", {7697382, 24101933, 29863170, 582901, 1495112}, {24772, 102660, 56948, 3756, 0}},
    {"qemu-mps2-an500", "M7", {7643150, 24025559, 30025864, 583222, 0}, {0, 0, 0, 0, 0}},
    {"qemu-mps3-an547", "M55", {1813146, 6558309, 4911691, 149992, 1007919}, {29388, 102812, 57068, 10592, 0}},
};

// A model under ../shared/models with its golden, or (path null) one of
// Ember's example models, written by the builder and checked against the
// host run of the same C only: "MS" has the shapes of TFLM's micro_speech
// model (TARGETS.md's depthwise-first keyword row; its weights are Ember's).
struct Model {
    const char *path, *golden, *label;
};

const Model kModels[] = {{"mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", "KWS"},
                         {"mlperf_tiny/vww/vww_96_int8.tflite", "vww_96_int8", "VWW"},
                         {"mlperf_tiny/ic/pretrainedResnet_quant.tflite", "pretrainedResnet_quant", "IC"},
                         {"mlperf_tiny/ad/ad01_int8.tflite", "ad01_int8", "AD"},
                         {nullptr, "micro_speech_kws", "MS"}};

// The model's file: under shared, or the example written to a temporary file.
std::string modelPathOf(const std::string &shared, const Model &m) {
    if (m.path) return shared + "/models/" + m.path;
    const std::string path =
        (std::filesystem::temp_directory_path() / (std::string("ember-bench-") + m.golden + ".tflite")).string();
    ember::Result<ember::Graph> g = ember::makeExampleModel(m.golden);
    if (!g) return path;  // the profiler then reports the missing file
    const std::vector<uint8_t> bytes = ember::writeTflite(*g);
    if (FILE *f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    }
    return path;
}

bool readAll(const std::string &path, std::vector<uint8_t> *out) {
    FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    int c;
    while ((c = std::fgetc(f)) != EOF) out->push_back(uint8_t(c));
    std::fclose(f);
    return true;
}

bool wanted(const std::vector<std::string> &list, const char *a, const char *b) {
    if (list.empty()) return true;
    for (const std::string &s : list)
        if (s == a || s == b) return true;
    return false;
}

std::string ratio(double num, double den) {
    if (den <= 0) return "–";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", num / den);
    return buf;
}

// Bytes of the model's constant tensors (weights, biases, quantization data).
uint64_t weightBytes(const std::string &modelPath) {
    ember::Result<ember::Graph> g = ember::loadModel(modelPath);
    if (!g) return 0;
    uint64_t sum = 0;
    for (const ember::Tensor &t : g->tensors)
        if (t.isConst) sum += t.data.size();
    return sum;
}

std::string kb(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f KB", double(bytes) / 1024.0);
    return buf;
}

// One model on one core: a profile of case 0 and whether its output equals
// the golden (and the host run). `failure`: the reason it did not run, one
// line for a table cell.
struct Measured {
    std::optional<ember::ModelProfile> p;
    bool goldenOk = false, ok = false;
    std::string failure;
    bool hasGolden = true;
    const char *verdict() const {
        if (!hasGolden) return ok ? "= host" : "DIFF (host)";
        return ok ? "= golden" : goldenOk ? "DIFF (host)" : "DIFF (golden)";
    }
};

// `runs`: inferences per boot (0: the profiler's default).
Measured measure(const std::string &shared, const Model &m, const Core &c, const ember::CompileOptions &compile,
                 int runs) {
    ember::ProfileRequest r;
    r.modelPath = modelPathOf(shared, m);
    r.board = c.board;
    r.compile = compile;
    if (runs > 0) r.runs = runs;
    const std::string golden = shared + "/models/golden/" + m.golden + "/";
    std::vector<uint8_t> in, expected;
    if (m.path && readAll(golden + "case0.input0.bin", &in)) r.inputs.push_back(in);
    if (m.path) readAll(golden + "case0.output0.bin", &expected);
    Measured out;
    out.hasGolden = m.path != nullptr;
    ember::Result<ember::ModelProfile> p = ember::profileModel(r);
    if (!p) {
        out.failure = p.diagnostics().format();
        for (char &ch : out.failure) ch = ch == '\n' || ch == '|' ? ' ' : ch;
        return out;
    }
    out.goldenOk = !expected.empty() && p->run.outputs.size() == 1 && p->run.outputs[0] == expected;
    out.ok = p->outputsMatch && (out.goldenOk || !out.hasGolden);
    out.p = std::move(p.value());
    return out;
}

// The --optimize table: every wanted model x core x mode.
int benchOptimize(const std::string &shared, const std::vector<std::string> &boards,
                  const std::vector<std::string> &models, const std::string &target,
                  const std::vector<std::string> &modes) {
    std::printf("| model | core (QEMU) | --optimize | instructions | vs balanced | flash | weights | flash − weights | "
                "code + tables | output |\n");
    std::printf("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    int failures = 0;
    for (size_t mi = 0; mi < std::size(kModels); ++mi) {
        const Model &m = kModels[mi];
        if (!wanted(models, m.golden, m.label)) continue;
        const std::string modelPath = modelPathOf(shared, m);
        const uint64_t weights = weightBytes(modelPath);
        for (const Core &c : kCores) {
            if (!wanted(boards, c.board, c.label)) continue;
            double balanced = 0;
            for (const std::string &mode : modes) {
                ember::CompileOptions co;
                co.target = target;
                co.optimize = mode;
                const Measured me = measure(shared, m, c, co, 1);
                if (!me.p) {
                    std::printf("| %s | %s | %s | failed: %s | | | | | | |\n", m.label, c.board, mode.c_str(),
                                me.failure.c_str());
                    ++failures;
                    continue;
                }
                const ember::ModelProfile *p = &*me.p;
                const bool ok = me.ok;
                if (mode == "balanced") balanced = double(p->run.total);
                const uint64_t flash = p->size.flashBytes;
                // The model's own code and tables: minus the test data the
                // harness bakes in (the sample input), not part of the model.
                const uint64_t own = weights + p->size.testDataBytes;
                std::printf("| %s | %s (%s) | %s | %llu | %s | %llu | %llu | %s | %s | %s |\n", m.label, c.label,
                            c.board + 5, mode.c_str(), static_cast<unsigned long long>(p->run.total),
                            ratio(double(p->run.total), balanced).c_str(), static_cast<unsigned long long>(flash),
                            static_cast<unsigned long long>(weights),
                            flash >= weights ? kb(flash - weights).c_str() : "–",
                            flash >= own ? kb(flash - own).c_str() : "–", me.verdict());
                std::fflush(stdout);
                failures += ok ? 0 : 1;
            }
        }
    }
    std::printf("\ninstructions: one inference under QEMU -icount shift=0 (the board's --target); vs balanced: "
                "instructions / the balanced build's; flash: everything the firmware (model + harness) loads into "
                "flash, built with -O2, incl. the harness and the sample input it embeds (27 KB for VWW, 3 KB for IC); "
                "weights: the model's constant tensors; code + tables: flash − weights − the harness's test data "
                "(the sample input it bakes into flash, symbols ember_input<i>_data), i.e. the model's code, "
                "requantization and other tables, plus the harness's own code (< 1 KB) and libc's memcpy/memset "
                "(< 0.5 KB); the issue's size target is <= 16 KB; output: the board's bytes against the "
                "golden and the host run of the same C.\n");
    return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char **argv) {
    std::vector<std::string> boards, models, modes;
    // ../shared (EMBER_SHARED overrides the configured path, as in the tests).
    const char *env = std::getenv("EMBER_SHARED");
    std::string shared = env && *env ? env : EMBER_SHARED_DIR, target;
    bool inPlace = false, fuse = false, ioWorkspace = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--board")) boards.push_back(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--model")) models.push_back(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--target")) target = argv[i + 1];
        else if (!std::strcmp(argv[i], "--shared")) shared = argv[i + 1];
        else if (!std::strcmp(argv[i], "--in-place") && !std::strcmp(argv[i + 1], "on")) inPlace = true, fuse = false;
        else if (!std::strcmp(argv[i], "--in-place") && !std::strcmp(argv[i + 1], "fuse")) inPlace = true, fuse = true;
        else if (!std::strcmp(argv[i], "--in-place") && !std::strcmp(argv[i + 1], "off")) inPlace = false, fuse = false;
        else if (!std::strcmp(argv[i], "--io") && !std::strcmp(argv[i + 1], "workspace")) ioWorkspace = true;
        else if (!std::strcmp(argv[i], "--io") && !std::strcmp(argv[i + 1], "separate")) ioWorkspace = false;
        else if (!std::strcmp(argv[i], "--optimize")) {
            if (!std::strcmp(argv[i + 1], "all")) modes.insert(modes.end(), {"balanced", "speed", "size"});
            else modes.push_back(argv[i + 1]);
        } else {
            std::fprintf(stderr, "usage: bench_boards [--board ID]... [--model STEM]... [--target T] "
                                 "[--optimize balanced|speed|size|all]... [--in-place on|fuse|off] [--io separate|workspace] "
                                 "[--shared DIR]\n");
            return 2;
        }
    }
    if (!modes.empty()) return benchOptimize(shared, boards, models, target, modes);
    std::printf("| model | core (QEMU) | --target | instructions | TFLM+CMSIS-NN | ratio | flash | RAM | RAM ratio | "
                "workspace | stack | output |\n");
    std::printf("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    int failures = 0;
    for (size_t mi = 0; mi < std::size(kModels); ++mi) {
        const Model &m = kModels[mi];
        if (!wanted(models, m.golden, m.label)) continue;
        for (const Core &c : kCores) {
            if (!wanted(boards, c.board, c.label)) continue;
            ember::CompileOptions co;
            co.target = target;  // empty: the board's core
            co.plan.inPlace = inPlace;
            co.plan.fuseRows = fuse;
            co.plan.ioInWorkspace = ioWorkspace;
            const Measured me = measure(shared, m, c, co, 0);
            if (!me.p) {
                std::printf("| %s | %s | | failed: %s | | | | | | | | |\n", m.label, c.board, me.failure.c_str());
                ++failures;
                continue;
            }
            const ember::ModelProfile *p = &*me.p;
            const bool ok = me.ok;
            // Static RAM without the stack reserve + the measured stack high-water mark.
            const uint64_t ram = p->size.ramBytes - std::min(p->size.ramBytes, p->size.stackReserved) + p->run.stackUsed;
            // A figure TARGETS.md does not give (0) prints as "–", as its ratio does.
            const std::string cmsis = c.cmsis[mi] > 0 ? std::to_string(static_cast<long long>(c.cmsis[mi])) : "–";
            std::printf("| %s | %s (%s) | %s | %llu | %s | %s | %llu | %llu | %s | %llu | %u | %s |\n", m.label,
                        c.label, c.board + 5, target.empty() ? p->board.core.c_str() : target.c_str(),
                        static_cast<unsigned long long>(p->run.total), cmsis.c_str(), ratio(double(p->run.total), c.cmsis[mi]).c_str(),
                        static_cast<unsigned long long>(p->size.flashBytes),
                        static_cast<unsigned long long>(ram), ratio(double(ram), c.ram[mi]).c_str(),
                        static_cast<unsigned long long>(p->size.workspaceBytes), p->run.stackUsed, me.verdict());
            std::fflush(stdout);
            failures += ok ? 0 : 1;
        }
    }
    std::printf("\nratio: instructions / TFLM+CMSIS-NN on the same emulated core; RAM ratio: RAM / TFLM's arena + "
                "statics + stack, TFLM measured the same way (– = not measured). instructions: SysTick ticks x tick_ns "
                "under -icount shift=0 (exact to one tick per layer); RAM: every RAM section of the firmware (workspace, "
                "I/O buffers, harness statics) without the stack reserve, plus the stack high-water mark measured on "
                "the board (the stack column), as TFLM's figure counts it; output: the board's bytes against the "
                "golden and the host run (MS: the host run; a model with micro_speech's shapes made by Ember's "
                "builder, `emberc example micro_speech_kws`).%s\n",
                ioWorkspace ? " --io workspace: the graph's inputs and outputs are in the workspace." : "");
    return failures ? 1 : 0;
}
