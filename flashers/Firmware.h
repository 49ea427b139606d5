// Firmware projects: a generated model package plus startup code, a linker
// script from the board's memory map, and a profiling harness; built with
// arm-none-eabi-gcc into an ELF with a size and stack report.
//
// The harness drives the model in the package's API mode (metadata.json
// "options"), as an application would: it owns the app-provided pools as
// static arrays in the linker section each names, copies the constants pool
// from its image into RAM at start-up, writes the inputs (baked into flash)
// into its own buffers or, with --io workspace, through the accessors, and
// calls the C or the packed (DLTensor) entrypoint. It runs the model `runs`
// times, reads a counter around every layer through the EMBER_LAYER_BEGIN/END
// hooks, and leaves a results table (`ember_results`) and the outputs' addresses
// (`ember_output_addr[j]`) in RAM. It then calls `ember_harness_done()`, where
// a debugger (gdb on QEMU's gdbstub or on OpenOCD) stops and reads them.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "Board.h"
#include "core/codegen/CGenerator.h"

namespace ember {

// What firmware needs from a package's metadata.json.
struct PackageInfo {
    struct Io {
        std::string name, cName, dtype;
        std::vector<int64_t> shape;
        size_t bytes = 0;
        double scale = 0;
        int64_t zeroPoint = 0;
    };
    struct Layer {
        int index = 0;
        std::string name, op, function;
        int64_t macs = 0;
    };
    struct Pool {
        std::string name, section;
        size_t size = 0, align = 16;
        bool appProvided = false;
        std::string cName;  // member of struct NAME_workspace_pools
    };
    // The generated-code API mode ("options" in metadata.json); the harness
    // drives the model the way an application in that mode would.
    struct Api {
        bool packedInterface = false;  // --interface-api packed: NAME_run(args, codes, n, ...)
        bool ioWorkspace = false;      // --io workspace: accessors NAME_input_X()/NAME_output_Y()
        bool constantsPool = false;    // --constants pool: RAM copy of NAME_constants_image
        std::string operators = "unpacked";
        bool packedWrappers = false;
    };
    std::string name;
    std::vector<Io> inputs, outputs;
    std::vector<Layer> layers;
    std::vector<Pool> pools;
    size_t constantsBytes = 0;
    Api api;
    size_t constantsPoolBytes = 0, constantsPoolAlign = 16;  // with --constants pool
    std::string constantsImage;                              // its initial contents (symbol)
    std::vector<int> dimMax;                                 // --dim bounds, in NAME_run's order
    struct PlannedTensor {
        std::string name, pool;
        size_t offset = 0, bytes = 0;
    };
    std::vector<PlannedTensor> planBuffers;  // metadata "plan"."buffers"
    // Variables NAME_reset restores (metadata "state"."tensors"): either a
    // byte repeated (resetByte) or an initial image (init).
    struct StateTensor {
        std::string name;
        size_t bytes = 0;
        int resetByte = 0;
        std::vector<uint8_t> init;
    };
    std::vector<StateTensor> stateTensors;
    bool hasState = false;                   // metadata "state": NAME_reset exists

    bool hasAppPools() const;
    bool poolsStruct() const { return hasAppPools() || api.constantsPool; }
};
Result<PackageInfo> readPackageInfo(const std::string &metadataJson, const std::string &source);

struct FirmwareOptions {
    int runs = 2;                              // inferences per boot (first may differ: caches)
    std::vector<std::vector<uint8_t>> inputs;  // raw bytes per input; empty = zero point
    std::string optimize = "-O2";
    // The RPC function server (docs/RPC.md) instead of the profiling runs:
    // the firmware boots and serves requests on the board's "rpc_uart".
    // Needs a package compiled with --packed-wrappers.
    bool rpcServer = false;
    // Test only: flip one byte of a constant that layer N reads, so a
    // divergence finder has something to find (-1: off).
    int corruptLayer = -1;
    // The model file and the compile flags it was compiled with (emberc
    // firmware): the project's CMakeLists.txt then compiles the model at
    // build time through find_package(Ember) when Ember is installed.
    std::string modelPath;
    std::vector<std::string> compileArgs;
};

using FileList = std::vector<std::pair<std::string, std::string>>;

// The board catalogue sets --target: when the options name none, the board's
// core (if it is a known target) is used.
CompileOptions withBoardTarget(CompileOptions o, const Board &b);

// The project's files (relative path → contents): model/ (the package),
// firmware/ (startup, linker script, harness, hooks, inputs), CMakeLists.txt,
// a toolchain file, .vscode/launch.json, firmware.json.
Result<FileList> generateFirmwareProject(const Artifacts &a, const Board &b, const FirmwareOptions &o);
bool writeFiles(const FileList &files, const std::string &dir, Diagnostics &diags);

struct RegionUsage {
    std::string name, kind;
    uint64_t origin = 0, size = 0, used = 0;
};

struct SizeReport {
    std::vector<RegionUsage> regions;
    uint64_t flashBytes = 0;      // everything loaded into the flash region
    uint64_t ramBytes = 0;        // every RAM region: data, bss, pools, I/O, stack
    uint64_t workspaceBytes = 0;  // workspace pools (the package's or, app-provided, the harness's)
    uint64_t ioBytes = 0;         // harness input and output buffers
    uint64_t constantsPoolBytes = 0;  // RAM copy of the weights (--constants pool)
    uint64_t testDataBytes = 0;   // flash: the sample inputs the harness bakes in (ember_input<i>_data)
    uint64_t stackReserved = 0;
    uint64_t stackInference = 0;  // worst case of <name>_run from -fstack-usage
    uint64_t stackWorst = 0;      // harness + inference + exception frame
    bool stackBounded = true;     // false if some frame is dynamic
    std::string format() const;   // the table printed before flashing
};

struct BuildOptions {
    std::string optimize = "-O2";
    int timeoutMs = 600000;
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const std::string &)> onLine;  // compiler output and steps
};

struct FirmwareBuild {
    std::string elfPath;
    SizeReport size;
    std::string log;
};

// Compiles the project in `dir` (written by generateFirmwareProject) into
// dir/build/firmware.elf. Refuses (diagnostic naming the region and the
// overflow in bytes) a firmware that does not fit the board.
Result<FirmwareBuild> buildFirmware(const std::string &dir, const Board &b, const BuildOptions &o = {});

// Size report of a linked ELF for a board (also used by `emberc flash`).
// `objDir` holds the -fstack-usage files (.su) of the build.
Result<SizeReport> sizeReport(const std::string &elfPath, const Board &b, const std::string &objDir,
                              const PackageInfo &p);

}  // namespace ember
