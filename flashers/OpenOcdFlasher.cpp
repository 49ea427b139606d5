#include "OpenOcdFlasher.h"

#include <algorithm>
#include <cctype>

#include "ToolProcess.h"

namespace ember {

namespace {

bool has(const std::string &haystack, const char *needle) {
    const std::string n(needle);
    auto it = std::search(haystack.begin(), haystack.end(), n.begin(), n.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
    return it != haystack.end();
}

// Messages of OpenOCD 0.12 drivers and flash drivers, most specific first.
struct Pattern {
    FlashError error;
    const char *text;
};
const Pattern kPatterns[] = {
    {FlashError::ProbeBusy, "LIBUSB_ERROR_BUSY"},
    {FlashError::ProbeBusy, "LIBUSB_ERROR_ACCESS"},
    {FlashError::ProbeBusy, "resource busy"},
    {FlashError::ProbeBusy, "Address already in use"},
    {FlashError::ProbeBusy, "couldn't bind"},
    {FlashError::NoProbe, "unable to find a matching CMSIS-DAP device"},
    {FlashError::NoProbe, "No CMSIS-DAP device found"},
    {FlashError::NoProbe, "No J-Link device found"},
    {FlashError::NoProbe, "unable to open ftdi device"},
    {FlashError::NoProbe, "no device found"},
    {FlashError::NoProbe, "open failed"},  // ST-Link (hla) with nothing plugged in
    {FlashError::WrongTarget, "UNEXPECTED idcode"},
    {FlashError::WrongTarget, "Cannot identify target"},
    {FlashError::WrongTarget, "Could not find MEM-AP"},
    {FlashError::WrongTarget, "Error connecting DP"},
    {FlashError::WrongTarget, "unknown target"},
    {FlashError::WrongTarget, "Can't find "},  // config script missing
    {FlashError::WrongTarget, "couldn't find flash bank"},
    {FlashError::FlashProtected, "write protected"},
    {FlashError::FlashProtected, "device protected"},
    {FlashError::FlashProtected, "is protected"},
    {FlashError::FlashProtected, "flash is locked"},
    {FlashError::FlashProtected, "read protection"},
    {FlashError::VerifyMismatch, "Verify Failed"},
    {FlashError::VerifyMismatch, "checksum mismatch"},
    {FlashError::VerifyMismatch, "contents differ"},
    {FlashError::Timeout, "timed out while waiting for target halted"},
};

std::string advice(FlashError e, const Board &b) {
    switch (e) {
    case FlashError::NoProbe: return "no debug probe found for " + b.name + "; connect the board over USB and check the cable";
    case FlashError::ProbeBusy: return "the debug probe is busy or not accessible; close other debuggers (e.g. another openocd) and check udev permissions";
    case FlashError::WrongTarget: return "the connected target does not match " + b.name + " or its OpenOCD config is missing; check the board selection";
    case FlashError::FlashProtected: return "the flash of " + b.name + " is protected; remove the read/write protection (e.g. with STM32CubeProgrammer) and retry";
    case FlashError::VerifyMismatch: return "verification failed: the flash content differs from the firmware; retry, and check the supply and the flash";
    case FlashError::Timeout: return "openocd stopped responding; reset the board, reconnect the probe and retry";
    case FlashError::Crashed: return "openocd crashed; see the log and retry";
    case FlashError::Cancelled: return "flashing was cancelled";
    case FlashError::ToolMissing: return "openocd not found; install the openocd package";
    default: return "openocd failed; see the log";
    }
}

}  // namespace

std::string flashErrorName(FlashError e) {
    switch (e) {
    case FlashError::None: return "ok";
    case FlashError::ToolMissing: return "tool-missing";
    case FlashError::NoProbe: return "no-probe";
    case FlashError::ProbeBusy: return "probe-busy";
    case FlashError::WrongTarget: return "wrong-target";
    case FlashError::FlashProtected: return "flash-protected";
    case FlashError::VerifyMismatch: return "verify-mismatch";
    case FlashError::Timeout: return "timeout";
    case FlashError::Crashed: return "crashed";
    case FlashError::Cancelled: return "cancelled";
    case FlashError::Failed: return "failed";
    }
    return "failed";
}

std::vector<std::string> openocdArgs(const Board &b, const std::vector<std::string> &commands) {
    std::vector<std::string> a;
    for (const std::string &cfg : b.openocdConfig) {
        a.push_back("-f");
        a.push_back(cfg);
    }
    for (const std::string &c : b.openocdCommands) {
        a.push_back("-c");
        a.push_back(c);
    }
    for (const std::string &c : commands) {
        a.push_back("-c");
        a.push_back(c);
    }
    return a;
}

FlashError classifyOpenOcdLog(const std::string &log) {
    for (const Pattern &p : kPatterns)
        if (has(log, p.text)) return p.error;
    return FlashError::Failed;
}

int openocdProgress(const std::string &line, std::string *stage) {
    struct Step {
        const char *text;
        int percent;
        const char *stage;
    };
    static const Step steps[] = {
        {"Open On-Chip Debugger", 2, "starting openocd"},
        {"target halted", 10, "target halted"},
        {"** Programming Started **", 15, "programming"},
        {"wrote ", 60, "programming"},
        {"** Programming Finished **", 70, "programmed"},
        {"** Verify Started **", 75, "verifying"},
        {"** Verified OK **", 90, "verified"},
        {"** Resetting Target **", 95, "resetting"},
        // "shutdown command invoked" is printed on failures too: "done" (100)
        // is only reported once the result is known to be good.
    };
    for (const Step &s : steps)
        if (line.find(s.text) != std::string::npos) {
            if (stage) *stage = s.stage;
            return s.percent;
        }
    return -1;
}

FlashResult flashElf(const std::string &elfPath, const Board &b, const FlashOptions &o) {
    FlashResult r;
    const std::string tool = o.openocd.empty() ? findTool("openocd") : o.openocd;
    if (tool.empty() || b.openocdConfig.empty()) {
        r.error = tool.empty() ? FlashError::ToolMissing : FlashError::WrongTarget;
        r.message = tool.empty() ? advice(r.error, b) : b.name + " has no OpenOCD configuration; it can only be emulated (use `emberc profile`)";
        return r;
    }
    std::string program = "program {" + elfPath + "}";
    if (o.verify) program += " verify";
    if (o.reset) program += " reset";
    program += " exit";
    std::vector<std::string> argv{tool};
    for (const std::string &a : openocdArgs(b, {program})) argv.push_back(a);
    ToolOptions t;
    t.timeoutMs = o.timeoutMs;
    t.idleTimeoutMs = o.stepTimeoutMs;
    t.cancel = o.cancel;
    int last = 0;
    t.onLine = [&](const std::string &line) {
        if (o.onLine) o.onLine(line);
        std::string stage;
        const int p = openocdProgress(line, &stage);
        if (p > last) {
            last = p;
            if (o.onProgress) o.onProgress(p, stage);
        }
    };
    if (o.onProgress) o.onProgress(0, "starting openocd");
    const ToolRun run = runTool(argv, t);
    r.log = run.output;
    r.command = run.command;
    if (run.end == ToolRun::End::Exited && run.exitCode == 0 && (!o.verify || has(run.output, "Verified OK"))) {
        r.error = FlashError::None;
        r.message = "flashed " + b.name;
        if (o.onProgress) o.onProgress(100, "done");
        return r;
    }
    switch (run.end) {
    case ToolRun::End::TimedOut: r.error = FlashError::Timeout; break;
    case ToolRun::End::Cancelled: r.error = FlashError::Cancelled; break;
    case ToolRun::End::Crashed: r.error = FlashError::Crashed; break;
    case ToolRun::End::FailedToStart: r.error = FlashError::ToolMissing; break;
    case ToolRun::End::Exited: r.error = classifyOpenOcdLog(run.output); break;
    }
    r.message = advice(r.error, b) + " (openocd " + run.describe() + ")";
    return r;
}

}  // namespace ember
