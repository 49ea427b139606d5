// Runs one external tool (gcc, openocd, qemu via gdb, ...) to completion:
// argument lists, never shell strings; a timeout on every run; cancellable
// from another thread; the child gets its own process group so a timeout or
// cancel also ends what it started (gdb's `target remote | qemu ...`).
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ember {

struct ToolRun {
    enum class End { Exited, Crashed, TimedOut, Cancelled, FailedToStart };
    End end = End::FailedToStart;
    int exitCode = -1;
    std::string output;   // stdout and stderr merged, as received
    std::string command;  // the full command line, for logs

    bool ok() const { return end == End::Exited && exitCode == 0; }
    std::string describe() const;  // e.g. "exited with code 1", "timed out after 15 s"
};

struct ToolOptions {
    int timeoutMs = 300000;
    int idleTimeoutMs = 0;  // > 0: also time out when no output arrives for this long
    std::string workDir;
    std::vector<std::pair<std::string, std::string>> env;  // added to the environment
    const std::atomic<bool> *cancel = nullptr;              // polled every 50 ms
    std::function<void(const std::string &line)> onLine;    // each output line as it arrives
};

ToolRun runTool(const std::vector<std::string> &argv, const ToolOptions &opts = {});

// A tool that runs beside another one (QEMU serving gdb): its own process
// group, recorded in ember::children, output to a log file; stop() or the
// destructor ends the whole group.
class BackgroundTool {
public:
    BackgroundTool() = default;
    BackgroundTool(const BackgroundTool &) = delete;
    BackgroundTool &operator=(const BackgroundTool &) = delete;
    ~BackgroundTool() { stop(); }
    // False + *error if it could not be started.
    bool start(const std::vector<std::string> &argv, const std::string &logPath, std::string *error);
    bool running();
    void stop();
    int pid() const { return pid_; }

private:
    int pid_ = -1;
    bool reaped_ = true;
};

// "" if `path` (the tool `name`, from findTool or given explicitly) can be
// run; else one line naming the tool, the path and, when the path came from
// it, the EMBER_<NAME> variable to fix.
std::string toolProblem(const std::string &name, const std::string &path);

// Full path of a program in PATH ("" if absent). Honours EMBER_<NAME> overrides
// such as EMBER_OPENOCD=/path/to/openocd (dashes become underscores).
std::string findTool(const std::string &name);

// Quotes a command line for display only (never executed through a shell).
std::string commandLine(const std::vector<std::string> &argv);

}  // namespace ember
