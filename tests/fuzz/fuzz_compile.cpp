// libFuzzer target: the whole compile path on arbitrary bytes — import,
// passes (support check, prepare, folding), memory planning, C generation
// and the tar archive — in the default mode and in the packed mode with app
// pools, the two ends of the generator's mode matrix.
#include <cstddef>
#include <cstdint>

#include "core/Compiler.h"
#include "core/import/TfliteImporter.h"
#include "core/passes/Passes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    auto g = ember::importTfliteBuffer(data, size, "fuzz.tflite");
    if (!g.ok()) return 0;
    ember::Diagnostics d;
    if (!ember::runPasses(g.value(), d)) {
        if (d.ok()) __builtin_trap();  // a refusal must say why
        return 0;
    }
    // Keep each input cheap: huge (valid) models are the planner's and the
    // generator's business, measured elsewhere, not the fuzzer's.
    size_t bytes = 0;
    for (const ember::Tensor &t : g->tensors) bytes += t.bytes();
    if (bytes > (size_t(16) << 20) || g->ops.size() > 2000) return 0;
    for (int mode = 0; mode < 2; ++mode) {
        ember::CompileOptions opts;
        if (mode == 1) {
            opts.interfaceApi = ember::InterfaceApi::Packed;
            opts.operators = ember::OperatorsMode::Packed;
            opts.packedWrappers = true;
            for (auto &p : opts.plan.pools) p.appProvided = true;
        }
        auto art = ember::compile(g.value(), opts);
        if (!art.ok()) {
            if (art.diagnostics().ok()) __builtin_trap();
            continue;
        }
        if (art->toTar().empty()) __builtin_trap();
    }
    return 0;
}
