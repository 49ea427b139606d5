#include "Compiler.h"

#include <filesystem>
#include <fstream>

#include "Text.h"
#include "import/OnnxImporter.h"
#include "import/TfliteImporter.h"
#include "ops/OpKernel.h"
#include "passes/Passes.h"

namespace ember {

namespace {

// Nothing may throw through the core API (Diagnostics.h): an exception from
// inside (a library, a broken invariant, out of memory) becomes one
// "internal error" diagnostic at the entry point instead of std::terminate.
std::string internalErrorMessage(const char *what) {
    return "internal error: " + utf8Safe(what ? what : "unknown exception") + "; please report it with the model";
}

template <class F>
auto guarded(const std::string &file, F &&body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception &e) {
        Diagnostics d;
        d.setFile(utf8Safe(file));
        d.error(internalErrorMessage(e.what()));
        return d;
    } catch (...) {
        Diagnostics d;
        d.setFile(utf8Safe(file));
        d.error(internalErrorMessage(nullptr));
        return d;
    }
}

// What the generated C can hold on a 32-bit microcontroller: loops index
// tensors with int32_t and pools are single static arrays, so no tensor may
// reach 2^31 elements or bytes and no pool may pass 2^31 - 1 bytes.
constexpr uint64_t kMaxObjectBytes = 0x7FFFFFFFull;

bool checkTensorSizes(const Graph &g, Diagnostics &d) {
    for (const Tensor &t : g.tensors) {
        const int64_t n = t.elements();
        if (n < 0) continue;
        const uint64_t bytes = uint64_t(n) * uint64_t(dtypeSize(t.dtype));
        if (uint64_t(n) > kMaxObjectBytes || bytes > kMaxObjectBytes) {
            d.error("the tensor has " + std::to_string(n) + " elements (" + std::to_string(bytes) +
                    " bytes); generated code holds at most 2147483647 elements and bytes per tensor "
                    "(int32_t indices, 32-bit targets); reduce the model's tensor sizes")
                .tensor = t.name;
            return false;
        }
    }
    return true;
}

bool checkPoolSizes(const MemoryPlan &plan, Diagnostics &d) {
    for (size_t p = 0; p < plan.pools.size() && p < plan.poolUsed.size(); ++p)
        if (plan.poolUsed[p] > kMaxObjectBytes) {
            d.error("pool '" + plan.pools[p].name + "' needs " + std::to_string(plan.poolUsed[p]) +
                    " bytes; a pool holds at most 2147483647 bytes (one array on a 32-bit target); "
                    "reduce the model's activations or split them over several pools (--pool, --pin)");
            return false;
        }
    return true;
}

Result<Graph> loadModelImpl(const std::string &path, const LoadOptions &load, const OnnxImportOptions &onnx) {
    Diagnostics d;
    d.setFile(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        d.error("no such model file; check the path");
        return d;
    }
    const std::string ext = std::filesystem::path(path).extension().string();
    OnnxImportOptions onnxOpts = onnx;
    onnxOpts.browse = load.browse;  // refused ONNX nodes stay, marked, as unsupported TFLite ops do
    auto g = ext == ".onnx" ? importOnnx(path, onnxOpts) : importTflite(path);
    if (!g) return g;
    if (load.browse) {
        if (!runPassesBrowse(g.value(), d)) return d;
        Result<Graph> r(std::move(g.value()));
        r.diagnostics().append(d);  // the warnings naming each unsupported op
        return r;
    }
    if (!runPasses(g.value(), d)) return d;
    return g;
}

Result<Artifacts> compileImpl(const Graph &g, const CompileOptions &opts) {
    // A graph opened for browsing: the same refusal a normal load gives.
    if (g.browseOnly) {
        Diagnostics d;
        d.setFile(g.sourcePath);
        if (!checkSupport(g, d)) return d;
        for (const Op &op : g.ops)
            if (!op.unsupportedReason.empty()) {
                Diagnostic &e = d.error(op.unsupportedReason);
                e.opIndex = op.index;
                e.opName = op.typeName;
                return d;
            }
    }
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
        Diagnostics d;
        d.setFile(g.sourcePath);
        if (!checkTensorSizes(bounded.value(), d)) return d;
        // Run-time extents: the row-by-row convolutions' schedule is fixed.
        PlanRequest req = opts.plan;
        req.inPlaceRows = false;
        auto plan = planMemory(bounded.value(), req);
        if (!plan) return plan.diagnostics();
        if (!checkPoolSizes(plan.value(), d)) return d;
        return generateC(bounded.value(), plan.value(), opts);
    }
    Diagnostics d;
    d.setFile(g.sourcePath);
    if (!checkTensorSizes(g, d)) return d;
    auto plan = planMemory(g, opts.plan);
    if (!plan) return plan.diagnostics();
    if (!checkPoolSizes(plan.value(), d)) return d;
    return generateC(g, plan.value(), opts);
}

}  // namespace

Result<Graph> loadModel(const std::string &path, const LoadOptions &load) {
    return guarded(path, [&] { return loadModelImpl(path, load, OnnxImportOptions{}); });
}

Result<Graph> loadModel(const std::string &path, const CompileOptions &opts) {
    OnnxImportOptions onnx;
    onnx.ioLayout = opts.onnxIoLayout;
    return guarded(path, [&] { return loadModelImpl(path, LoadOptions{}, onnx); });
}

Result<Graph> loadModel(const std::string &path, const OnnxImportOptions &onnx) {
    return guarded(path, [&] { return loadModelImpl(path, LoadOptions{}, onnx); });
}

Result<Artifacts> compile(const Graph &g, const CompileOptions &opts) {
    return guarded(g.sourcePath, [&] { return compileImpl(g, opts); });
}

namespace {

ModelSummary summarizeImpl(const Graph &g) {
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

}  // namespace

ModelSummary summarize(const Graph &g) {
    try {
        return summarizeImpl(g);
    } catch (...) {
        return ModelSummary{};  // statistics are informative only; compile reports the error
    }
}

}  // namespace ember
