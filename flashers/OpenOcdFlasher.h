// Flashing through OpenOCD: `program <elf> verify reset exit`, its output
// parsed into progress and into one classified error, the raw log kept.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "Board.h"

namespace ember {

enum class FlashError {
    None,
    ToolMissing,     // openocd not installed
    NoProbe,         // no debug probe found
    ProbeBusy,       // probe in use by another program, or no USB permission
    WrongTarget,     // unexpected/unknown target or missing config script
    FlashProtected,  // read/write protection
    VerifyMismatch,  // written image differs
    Timeout,         // a step produced nothing for too long, or the whole run took too long
    Crashed,         // openocd died on a signal
    Cancelled,
    Failed           // anything else (see the log)
};

std::string flashErrorName(FlashError e);   // "no-probe", "verify-mismatch", ...

struct FlashOptions {
    std::string openocd;          // default: findTool("openocd") (EMBER_OPENOCD overrides)
    int timeoutMs = 120000;       // whole run
    int stepTimeoutMs = 30000;    // no output for this long = the step hangs
    bool verify = true;
    bool reset = true;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int percent, const std::string &stage)> onProgress;
    std::function<void(const std::string &line)> onLine;
};

struct FlashResult {
    FlashError error = FlashError::Failed;
    std::string message;   // one line: what happened and what to do
    std::string log;       // raw openocd output
    std::string command;
    bool ok() const { return error == FlashError::None; }
};

// The openocd argument list for a board (without argv[0]).
std::vector<std::string> openocdArgs(const Board &b, const std::vector<std::string> &commands);

// Classifies openocd output (for a failed run). Exposed for tests.
FlashError classifyOpenOcdLog(const std::string &log);

// Progress (0..100) implied by one openocd output line, or -1.
int openocdProgress(const std::string &line, std::string *stage);

FlashResult flashElf(const std::string &elfPath, const Board &b, const FlashOptions &o = {});

}  // namespace ember
