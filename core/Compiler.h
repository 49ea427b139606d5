// The core API: what emberc and the studio call. The pipeline reads top to
// bottom: import → check → passes → plan → emit.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "Diagnostics.h"
#include "codegen/CGenerator.h"
#include "ir/Graph.h"
#include "plan/Planner.h"

namespace ember {

struct LoadOptions {
    // Keep going past operators that cannot be compiled (no kernel, or a
    // prepare that refuses): the graph opens for viewing with those ops
    // marked (Op::unsupportedReason, Graph::browseOnly) and each reported as
    // a warning. compile() refuses such a graph with the error a normal
    // load gives. Off: the first unsupported op is an error, as always.
    bool browse = false;
};

// Imports a model file (by content/extension) and runs the passes.
Result<Graph> loadModel(const std::string &path, const LoadOptions &load = {});
// The same with the import options among the compile options (--onnx-io-layout).
Result<Graph> loadModel(const std::string &path, const CompileOptions &opts);
struct OnnxImportOptions;
Result<Graph> loadModel(const std::string &path, const OnnxImportOptions &onnx);

// Plans memory and generates the C package for a prepared graph.
Result<Artifacts> compile(const Graph &g, const CompileOptions &opts);

// Model statistics for `emberc inspect` and the studio summary.
struct ModelSummary {
    int64_t parameters = 0;       // elements of constant tensors
    int64_t parameterBytes = 0;
    int64_t macs = 0;
    size_t lowerBound = 0;
    std::map<std::string, int> opCounts;  // TFLite op name → count
};
ModelSummary summarize(const Graph &g);

// Parses the compile options shared by every emberc command that compiles
// (compile, run, validate, firmware, profile): --name, --planner, --pool,
// --pin, --align, ... Consumed arguments are removed; the rest are returned
// in `rest` in order. False + diagnostics on a bad option value.
bool parseCompileArgs(const std::vector<std::string> &args, CompileOptions &opts,
                      std::vector<std::string> &rest, Diagnostics &diags);
// Usage text for those options (for --help).
std::string compileOptionsHelp();

}  // namespace ember
