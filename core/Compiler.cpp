#include "Compiler.h"

#include <filesystem>
#include <fstream>

#include "import/TfliteImporter.h"
#include "ops/OpKernel.h"
#include "passes/Passes.h"

namespace ember {

Result<Graph> loadModel(const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        d.error("no such model file; check the path");
        return d;
    }
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".onnx") {
        d.error("ONNX models are not supported yet; convert the model to TFLite (int8 or float32)");
        return d;
    }
    auto g = importTflite(path);
    if (!g) return g;
    if (!runPasses(g.value(), d)) return d;
    return g;
}

Result<Artifacts> compile(const Graph &g, const CompileOptions &opts) {
    // Kernels read their prepared params: a graph that skipped the passes
    // is a caller error, reported rather than thrown.
    for (const Op &op : g.ops)
        if (!op.params.has_value()) {
            Diagnostics d;
            d.setFile(g.sourcePath);
            Diagnostic &e = d.error("the graph has not been prepared; run the passes first (ember::loadModel does)");
            e.opIndex = op.index;
            e.opName = op.typeName;
            return d;
        }
    // import → check → passes happened in loadModel; here: plan → emit.
    if (!opts.dims.empty()) {
        // Dynamic dims: plan and generate the graph resized to its bound.
        auto bounded = boundDynamicDims(g, opts.dims, nullptr);
        if (!bounded) return bounded.diagnostics();
        auto plan = planMemory(bounded.value(), opts.plan);
        if (!plan) return plan.diagnostics();
        return generateC(bounded.value(), plan.value(), opts);
    }
    auto plan = planMemory(g, opts.plan);
    if (!plan) return plan.diagnostics();
    return generateC(g, plan.value(), opts);
}

ModelSummary summarize(const Graph &g) {
    ModelSummary s;
    for (const Tensor &t : g.tensors)
        if (t.isConst) {
            s.parameters += t.elements();
            s.parameterBytes += int64_t(t.bytes());
        }
    for (const Op &op : g.ops) {
        ++s.opCounts[op.typeName];
        const OpKernel *k = findKernel(op.type);
        if (k && k->macs && op.params.has_value()) s.macs += k->macs(g, op);
    }
    s.lowerBound = activationLowerBound(g);
    return s;
}

}  // namespace ember
