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
    Result<std::vector<std::vector<uint8_t>>> run(const std::vector<std::vector<uint8_t>> &inputs) const;
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
};

// Builds and runs once.
Result<std::vector<std::vector<uint8_t>>> runGeneratedC(const Artifacts &a, const Graph &g,
                                                        const std::vector<std::vector<uint8_t>> &inputs,
                                                        const HostRunOptions &opts = {});

// Runs a program (argv[0] looked up in PATH) without a shell; captures
// stdout+stderr. Returns the exit code, -1 if it could not start.
int runProcess(const std::vector<std::string> &argv, std::string *output, int timeoutSeconds = 600);

}  // namespace ember
