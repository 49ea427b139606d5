// bench_boards: per MLPerf Tiny model on an emulated board (default the
// Cortex-M4 qemu-mps2-an386): instructions per inference, flash and RAM of the
// whole firmware, workspace, measured stack, and the output check.
// Usage: bench_boards [--board ID] [--shared DIR]
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "flashers/Profiler.h"

int main(int argc, char **argv) {
    std::string board = "qemu-mps2-an386";
    std::string shared = EMBER_SHARED_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--board")) board = argv[i + 1];
        else if (!std::strcmp(argv[i], "--shared")) shared = argv[i + 1];
    }
    struct Model {
        const char *path, *golden;
        double tflmCmsisNn;  // TARGETS.md, same emulated core
    };
    const Model models[] = {{"mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model", 7698219},
                            {"mlperf_tiny/vww/vww_96_int8.tflite", "vww_96_int8", 24104048},
                            {"mlperf_tiny/ic/pretrainedResnet_quant.tflite", "pretrainedResnet_quant", 29863998},
                            {"mlperf_tiny/ad/ad01_int8.tflite", "ad01_int8", 583473}};
    std::printf("board %s\n%-24s %14s %9s %10s %10s %10s %8s %6s\n", board.c_str(), "model", "instructions",
                "vs CMSIS", "flash", "RAM", "workspace", "stack", "check");
    int failures = 0;
    for (const Model &m : models) {
        ember::ProfileRequest r;
        r.modelPath = shared + "/models/" + m.path;
        r.board = board;
        FILE *f = std::fopen((shared + "/models/golden/" + m.golden + "/case0.input0.bin").c_str(), "rb");
        if (f) {
            std::vector<uint8_t> in;
            int c;
            while ((c = std::fgetc(f)) != EOF) in.push_back(uint8_t(c));
            std::fclose(f);
            r.inputs.push_back(in);
        }
        ember::Result<ember::ModelProfile> p = ember::profileModel(r);
        if (!p) {
            std::printf("%-24s failed: %s", m.golden, p.diagnostics().format().c_str());
            ++failures;
            continue;
        }
        // The TFLM column was measured on the Cortex-M4 machine only.
        const double ratio = board == "qemu-mps2-an386" ? double(p->run.total) / m.tflmCmsisNn : 0.0;
        std::printf("%-24s %14llu %8.2fx %10llu %10llu %10llu %8u %6s\n", m.golden,
                    static_cast<unsigned long long>(p->run.total), ratio,
                    static_cast<unsigned long long>(p->size.flashBytes), static_cast<unsigned long long>(p->size.ramBytes),
                    static_cast<unsigned long long>(p->size.workspaceBytes), p->run.stackUsed,
                    p->outputsMatch ? "exact" : "DIFF");
        failures += p->outputsMatch ? 0 : 1;
    }
    std::printf("vs CMSIS: instructions / TFLM+CMSIS-NN on qemu-mps2-an386 (TARGETS.md; 0 = other board)\n");
    std::printf("instructions: SysTick ticks x tick_ns under -icount shift=0 (exact to one tick per layer);\n"
                "RAM: every RAM section of the firmware incl. %s stack reserve and I/O buffers\n",
                "the");
    return failures ? 1 : 0;
}
