// Builds a generated package with the host C compiler, runs it on raw inputs
// and reads back raw outputs. Used by `emberc run`/`validate` and the tests;
// it runs the generated C, never the reference executor.
#pragma once

#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../codegen/CGenerator.h"
#include "../ir/Graph.h"

namespace ember {

struct HostRunOptions {
    std::string cc;                       // default: $CC, else "cc"
    std::vector<std::string> cflags;      // added after the defaults
    std::string workDir;                  // default: a fresh temp dir, removed after
};

// A generated package built once for the host, run as often as needed.
class HostProgram {
public:
    static Result<HostProgram> build(const Artifacts &a, const Graph &g, const HostRunOptions &opts = {});
    // `extents`: one per --dim of the package, in order. Empty: taken from
    // the input sizes (each dim's input holds extent * bytes-per-step); an
    // explicit extent is passed to the generated code unchecked, so that its
    // own bound check can be exercised.
    Result<std::vector<std::vector<uint8_t>>> run(const std::vector<std::vector<uint8_t>> &inputs,
                                                  const std::vector<int32_t> &extents = {}) const;
    // Consecutive calls of one model instance (state carried over from call
    // to call, like `tflm_ref --steps`): steps[s] are call s's inputs; returns
    // each call's outputs. Not with --dim.
    Result<std::vector<std::vector<std::vector<uint8_t>>>>
    runSteps(const std::vector<std::vector<std::vector<uint8_t>>> &steps) const;
    HostProgram(HostProgram &&o) noexcept;
    HostProgram &operator=(HostProgram &&) = delete;
    ~HostProgram();

private:
    HostProgram() = default;
    std::string dir_;
    bool temporary_ = false;
    std::vector<size_t> inputBytes_;
    std::vector<std::string> inputNames_;
    size_t outputs_ = 0;
    // --dim: per input, its dynamic dims and its bytes per unit of them.
    struct Dim {
        std::string text;  // "input:1=1..32"
        int32_t min = 1, max = 1;
    };
    std::vector<Dim> dims_;
    std::vector<std::vector<int>> inputDims_;
    std::vector<size_t> inputUnit_;

    Result<std::vector<int32_t>> extentsFromSizes(const std::vector<std::vector<uint8_t>> &inputs) const;
};

// Builds and runs once (extents as in HostProgram::run).
Result<std::vector<std::vector<uint8_t>>> runGeneratedC(const Artifacts &a, const Graph &g,
                                                        const std::vector<std::vector<uint8_t>> &inputs,
                                                        const HostRunOptions &opts = {},
                                                        const std::vector<int32_t> &extents = {});

// The host harness HostProgram builds, as C source: a function `mainName`
// with main's signature that loads the inputs named on its command line,
// runs the package once in the mode its metadata.json records and stores the
// outputs. With another name than "main", several packages' harnesses link
// into one program (the differential tests batch their builds so). Empty if
// the metadata is not valid JSON.
std::string hostHarnessSource(const std::string &metadataJson, const std::string &mainName = "main");

// Runs a program (argv[0] looked up in PATH) without a shell, in a process
// group of its own (see validate/ChildProcesses.h); captures stdout+stderr.
// Returns the exit code, -1 if it could not start, -2 on timeout, -3 when the
// process was interrupted (SIGINT/SIGTERM); the whole group is ended then.
int runProcess(const std::vector<std::string> &argv, std::string *output, int timeoutSeconds = 600);

}  // namespace ember
