// IR + memory plan → the C package (see docs in GENERATED_API.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"
#include "../passes/DynamicDims.h"
#include "../plan/Planner.h"

namespace ember {

// The generated-code API modes (GENERATED_API.md). Defaults are what most
// firmware wants: typed operator functions, a C entrypoint, static pools,
// constants in flash, inputs/outputs owned by the application.
enum class OperatorsMode { Unpacked, Packed };
enum class InterfaceApi { C, Packed };
enum class ConstantsPlacement { Flash, Pool };

struct CompileOptions {
    std::string name;   // C prefix; default: sanitised model file stem
    PlanRequest plan;   // planner, pools (static or app-provided), pins, alignment, I/O placement
    OperatorsMode operators = OperatorsMode::Unpacked;
    InterfaceApi interfaceApi = InterfaceApi::C;
    bool packedWrappers = false;
    ConstantsPlacement constants = ConstantsPlacement::Flash;
    // --dim: graph input axes that vary at run time inside a bound. The run
    // function takes one int32_t extent per dim; memory is planned for MAX.
    std::vector<DimSpec> dims;
    // --unchecked-packed: packed functions skip the argument checks against
    // their table entry (only the argument count is checked), for code size.
    bool uncheckedPacked = false;
    // --target: the core the kernels are written for (targetNames() in
    // ops/Target.h). Empty = not given: 'generic', unless a board sets it.
    std::string target;
    // --onnx-io-layout (ONNX import): "nchw" keeps ONNX's layout at the
    // graph's inputs and outputs, "nhwc" makes rank-4 ones channels-last.
    std::string onnxIoLayout = "nchw";
    // --optimize (ops/Target.h): "balanced" (default), "speed" or "size".
    std::string optimize = "balanced";
};

struct Artifacts {
    std::string name;
    std::vector<std::pair<std::string, std::string>> files;  // relative path → contents, in order
    MemoryPlan plan;
    size_t constantBytes = 0;
    size_t codeLines = 0;

    const std::string *file(const std::string &path) const;
    // Writes every file under `dir` (created), beside whatever is there
    // already. False + diagnostic on I/O errors.
    bool writeTo(const std::string &dir, Diagnostics &diags) const;
    // Makes `dir` this package and nothing else (emberc compile -o, studio
    // export): written to a folder beside it, then renamed into place, so a
    // failed write leaves the old contents untouched. A previous Ember package
    // there (it has Ember's metadata.json) is replaced whole; any other
    // non-empty folder is refused unless `force` (then the files are written
    // into it); a regular file is refused.
    bool writePackage(const std::string &dir, Diagnostics &diags, bool force = false) const;
    // The package as one POSIX ustar archive (metadata.json at its root;
    // fixed mtime/owner, so identical packages give identical archives).
    std::vector<uint8_t> toTar() const;
};

// Turns an arbitrary name into a valid, non-reserved C identifier fragment.
std::string sanitizeIdentifier(const std::string &s);

Result<Artifacts> generateC(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts);

}  // namespace ember
