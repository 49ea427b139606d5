// Compiler benchmark (not a test): per model, compile time (import + passes +
// plan + emit), planned workspace vs the lower bound for every planner,
// total activation RAM vs TFLM's arena, constants bytes, generated lines.
//   ember_bench [SHARED_MODELS_DIR]   prints a Markdown table
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/Compiler.h"

using namespace ember;

int main(int argc, char **argv) {
    const std::string dir = argc > 1 ? argv[1] : EMBER_SHARED_DIR "/models";
    struct M {
        const char *path;
        size_t tflmArena;  // golden/index.json: tflm_arena_used_bytes_cortex_m4_32bit
    };
    const M models[] = {
        {"mlperf_tiny/kws/kws_ref_model.tflite", 22772},
        {"mlperf_tiny/vww/vww_96_int8.tflite", 100708},
        {"mlperf_tiny/ic/pretrainedResnet_quant.tflite", 54340},
        {"mlperf_tiny/ad/ad01_int8.tflite", 2260},
    };
    std::printf("| model | compile ms | workspace (greedy-size / greedy-conflicts / hill-climb) | lower bound | "
                "I/O bytes | total RAM | TFLM arena | constants | code lines |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const M &m : models) {
        const std::string path = dir + "/" + m.path;
        const auto t0 = std::chrono::steady_clock::now();
        auto g = loadModel(path);
        if (!g) {
            std::fprintf(stderr, "%s", g.diagnostics().format().c_str());
            return 1;
        }
        auto art = compile(g.value(), CompileOptions{});
        const auto t1 = std::chrono::steady_clock::now();
        if (!art) {
            std::fprintf(stderr, "%s", art.diagnostics().format().c_str());
            return 1;
        }
        std::string ws;
        size_t best = 0;
        for (const auto &p : plannerNames()) {
            CompileOptions o;
            o.plan.planner = p;
            auto plan = planMemory(g.value(), o.plan);
            if (!plan) continue;
            ws += (ws.empty() ? "" : " / ") + std::to_string(plan->totalUsed());
            if (p == CompileOptions{}.plan.planner) best = plan->totalUsed();
        }
        size_t io = 0;
        for (int t : g->inputs) io += g->tensors[size_t(t)].bytes();
        for (int t : g->outputs) io += g->tensors[size_t(t)].bytes();
        const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
        std::string name = m.path;
        name = name.substr(name.rfind('/') + 1);
        std::printf("| %s | %.0f | %s | %zu | %zu | %zu | %zu | %zu | %zu |\n", name.c_str(), ms, ws.c_str(),
                    art->plan.lowerBound, io, best + io, m.tflmArena, art->constantBytes, art->codeLines);
    }
    return 0;
}
