// Running firmware and reading back the results: QEMU's gdbstub (emulated
// boards) and OpenOCD (hardware) both serve gdb; one debug client
// (gdb-multiarch, batch mode) loads, runs to ember_harness_done(), and dumps
// the results table and the outputs. Plus the whole profile flow:
// compile → firmware → build → run → compare with the host run.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "Board.h"
#include "Firmware.h"
#include "core/codegen/CGenerator.h"

namespace ember {

struct RunOptions {
    std::string gdb, qemu, openocd;   // defaults: found in PATH (EMBER_GDB_MULTIARCH, ... override)
    int timeoutMs = 300000;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const std::string &)> onLine;
};

struct BoardRun {
    std::string unit;                      // "cycles" (hardware) or "instructions" (QEMU -icount)
    std::vector<uint64_t> layers;          // per layer, last run
    std::vector<uint64_t> runTotals;       // per run
    uint64_t total = 0;                    // last run
    std::vector<std::vector<uint8_t>> outputs;
    uint32_t stackUsed = 0;                // measured high-water mark (painted stack)
    std::string log;
};

// Runs a built firmware (dir/build/firmware.elf) on the board.
Result<BoardRun> runFirmware(const std::string &elfPath, const Board &b, const PackageInfo &p, const RunOptions &o = {});

struct ProfileRequest {
    std::string modelPath;
    std::string board;                     // id or name
    CompileOptions compile;
    std::vector<std::vector<uint8_t>> inputs;  // raw bytes per input (empty = zero point)
    std::string workDir;                   // firmware project; default: a temp dir, removed after
    bool keepTemp = false;                 // keep that temp dir (its path is ModelProfile::firmwareDir)
    int runs = 2;
    bool compareWithHost = true;
    RunOptions run;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int percent, const std::string &stage)> onProgress;
    std::function<void(const std::string &)> onLine;
};

struct ModelProfile {
    Board board;
    PackageInfo package;
    SizeReport size;
    BoardRun run;
    std::vector<std::vector<uint8_t>> hostOutputs;
    bool compared = false, outputsMatch = false;
    std::string mismatch;                  // first differing output/byte, if any
    std::string firmwareDir;

    std::string formatTable() const;       // per-layer table, total, time, output check
    std::string toJson() const;
};

Result<ModelProfile> profileModel(const ProfileRequest &r);

}  // namespace ember
