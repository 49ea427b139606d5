// What the API-mode options mean for the generated package, decided once.
// The writers ask these questions ("does the run function take a pools
// struct?", "which arguments does the packed entrypoint take?") instead of
// combining CompileOptions flags themselves; GENERATED_API.md describes the
// modes from the application's side.
#pragma once

#include <string>
#include <vector>

#include "CGenerator.h"

namespace ember::codegen {

// Alignment the constants pool must have (--constants pool).
constexpr size_t kConstantsPoolAlign = 16;

// One argument of the packed entrypoint (--interface-api packed, the
// _run_packed wrapper and the function table all take the same list).
struct EntryArg {
    enum Kind { Input, Output, Pool, Constants } kind;
    size_t index;  // position among the graph inputs / outputs, or the pool's index in the plan
};

struct Layout {
    // ---- the options, as chosen ----------------------------------------------
    bool packedLayers = false;    // --operators packed: layer functions take the packed calling convention
    bool packedEntry = false;     // --interface-api packed: <name>_run takes the packed calling convention
    bool packedWrappers = false;  // --packed-wrappers: packed wrappers of everything and a function table
    bool ioInWorkspace = false;   // --io workspace: inputs and outputs live in a pool
    bool constantsPool = false;   // --constants pool: weights in an application-provided pool
    bool appPools = false;        // some workspace pool is provided by the application

    // ---- the package ---------------------------------------------------------
    // ember_runtime.h and DLPack ship with the package and the public header
    // includes them. Packed descriptors have fixed shapes, so --dim is refused.
    bool anyPacked = false;
    // <name>_ops.c includes ember_runtime.h (its functions are packed).
    bool layersIncludeRuntime = false;

    // ---- model state (variable tensors, kept between calls) -----------------
    int statePool = -1;             // the state pool's index in the plan; -1: the model has no state
    bool stateAppProvided = false;  // the application owns the pool and calls <name>_reset first
    bool resetOnFirstRun = false;   // a static state pool: <name>_run resets it on its first call

    // ---- the C entrypoint (absent with a packed entrypoint) -----------------
    // <name>_run takes struct <name>_inputs / _outputs (the header declares them).
    bool runTakesIo = false;
    // <name>_run takes struct <name>_workspace_pools (the header declares it):
    // application-provided pools and/or the constants pool.
    bool runTakesPools = false;
    // <name>_input_x() / _output_y() return pointers into the workspace.
    bool ioAccessors = false;

    // ---- the packed entrypoint -----------------------------------------------
    // Its argument list; with I/O in the workspace it copies the input
    // arguments in and the outputs out.
    std::vector<EntryArg> entryArgs;
    bool entryCopiesIo = false;
    // <name>.c needs <string.h> (memcpy, memset, strcmp).
    bool entryIncludesString = false;

    // ---- --packed-wrappers ---------------------------------------------------
    bool runWrapper = false;     // <name>_run_packed over the C entrypoint
    bool layerWrappers = false;  // <layer>_packed over each typed layer function
    bool functionTable = false;  // <name>_functions[], _function_count, _lookup()

    // ---- checked calls (GENERATED_API.md, "Checked calls") -------------------
    // Every packed function checks its DLTensor arguments against its table
    // entry first (<name>_check_args); off with --unchecked-packed.
    bool checkedPacked = false;
    // struct ember_arg_info arrays in <name>.c: of the entrypoint, of every layer.
    bool entryArgInfos = false;
    bool layerArgInfos = false;
    // <name>_check_pools: the C entrypoint refuses a null, too small or
    // misaligned application pool (struct <name>_workspace_pools has sizes).
    bool checkPools = false;
    // <name>_last_error() and the text it returns (checked calls or pools).
    bool lastError = false;
    // <NAME>_ERROR_* macros in the header: some function returns them.
    bool errorCodes = false;

    // ---- static int64_t shape arrays in <name>.c for DLTensor descriptors ----
    bool layerArgShapes = false;  // of every layer argument
    bool ioShapes = false;        // of the graph inputs and outputs
    bool poolShapes = false;      // of each application-provided pool
    bool constantsPoolShape = false;

    // Position of pool p's / the constants pool's argument in entryArgs.
    size_t poolArg(size_t p) const;
    size_t constantsArg() const;
};

Layout decideLayout(const CompileOptions &opts, const Graph &g, const MemoryPlan &plan);

}  // namespace ember::codegen
