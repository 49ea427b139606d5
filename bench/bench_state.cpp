// bench_state: the recurrent, stateful and streaming models on an emulated
// board (default the Cortex-M4 qemu-mps2-an386): instructions for one call
// (the first after start-up, which includes resetting the state), the
// workspace and state pools, and TFLM's arena for the same model (the
// goldens' manifests, x86-64 build). Prints a Markdown table for the README.
// Usage: bench_state [--board ID] [--shared DIR]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/Compiler.h"
#include "flashers/Profiler.h"

namespace {

std::vector<uint8_t> readAll(const std::string &path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char **argv) {
    std::string board = "qemu-mps2-an386";
    std::string shared = EMBER_SHARED_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--board")) board = argv[i + 1];
        else if (!std::strcmp(argv[i], "--shared")) shared = argv[i + 1];
    }
    const char *goldens[] = {"keyword_scrambled",  "keyword_scrambled_8bit",  "trained_lstm",
                             "trained_lstm_int8",  "dtln_noise_suppression", "audio_preprocessor_int8",
                             "audio_preprocessor_float"};
    std::printf("| model | instructions per call (%s) | workspace bytes | state bytes | TFLM arena bytes | output |\n",
                board.c_str());
    std::printf("|---|---|---|---|---|---|\n");
    int failures = 0;
    for (const char *name : goldens) {
        const std::string dir = shared + "/models/golden/" + name;
        const auto manifest = nlohmann::json::parse(readAll(dir + "/manifest.json"), nullptr, false);
        if (manifest.is_discarded()) {
            std::printf("| %s | no manifest | | | | |\n", name);
            ++failures;
            continue;
        }
        const std::string model = shared + "/models/" + manifest["model"].get<std::string>();
        const unsigned long long arena = manifest.value("tflm_arena_used_bytes_x86_64", 0ull);
        auto g = ember::loadModel(model);
        if (!g) {
            std::printf("| %s | not supported | | | %llu | |\n", name, arena);
            continue;
        }
        auto pkg = ember::compile(g.value(), ember::CompileOptions{});
        unsigned long long workspace = 0, state = 0;
        if (pkg) {
            for (size_t p = 0; p < pkg->plan.pools.size(); ++p)
                (pkg->plan.pools[p].name == "state" ? state : workspace) += pkg->plan.poolUsed[p];
        }
        ember::ProfileRequest r;
        r.modelPath = model;
        r.board = board;
        r.runs = 1;  // one call: a second would see the first one's state
        for (size_t i = 0; i < manifest["inputs"].size(); ++i)
            r.inputs.push_back(readAll(dir + "/case0.input" + std::to_string(i) + ".bin"));
        auto p = ember::profileModel(r);
        if (!p) {
            std::printf("| %s | failed: %s | %llu | %llu | %llu | |\n", name,
                        p.diagnostics().format().substr(0, 80).c_str(), workspace, state, arena);
            ++failures;
            continue;
        }
        // Float outputs are not bit-portable (libm, FMA): compare those
        // within 1e-4 of the output's range, as the goldens README says.
        std::string verdict = p->outputsMatch ? "equals the host" : "DIFFERS";
        if (!p->outputsMatch && g->tensors[size_t(g->outputs[0])].dtype == ember::DType::Float32 &&
            p->run.outputs.size() == p->hostOutputs.size()) {
            double worst = 0;
            for (size_t j = 0; j < p->hostOutputs.size(); ++j) {
                const auto &a = p->hostOutputs[j], &b = p->run.outputs[j];
                float lo = 1e30f, hi = -1e30f, d = 0;
                for (size_t i = 0; i + 4 <= a.size() && i + 4 <= b.size(); i += 4) {
                    float x, y;
                    std::memcpy(&x, &a[i], 4);
                    std::memcpy(&y, &b[i], 4);
                    lo = std::min(lo, x), hi = std::max(hi, x), d = std::max(d, std::fabs(x - y));
                }
                worst = std::max(worst, double(d) / std::max(1e-30, double(hi - lo)));
            }
            char buf[96];
            std::snprintf(buf, sizeof buf, "float: within %.1e of the range of the host's", worst);
            verdict = worst <= 1e-4 ? buf : "DIFFERS";
        }
        std::printf("| %s | %llu | %llu | %llu | %llu | %s |\n", name,
                    static_cast<unsigned long long>(p->run.total), workspace, state, arena, verdict.c_str());
        failures += verdict == "DIFFERS" ? 1 : 0;
    }
    return failures ? 1 : 0;
}
