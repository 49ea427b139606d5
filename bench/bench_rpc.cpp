// Benchmark (not a test): the RPC function server on an emulated board.
// Round-trip time per request (PING, one layer CALL), tensor upload and
// download in bytes/s, and the server's flash and RAM overhead (the RPC
// firmware against the profiling firmware of the same package).
//
//   bench_rpc [BOARD] [MODEL]   (default qemu-mps2-an386, KWS)
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>

#include "flashers/RpcClient.h"
#undef emit
#include "core/Compiler.h"

using namespace ember;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const char *env = std::getenv("EMBER_SHARED");
    const std::string shared = env ? env : EMBER_SHARED_DIR;
    const std::string board = argc > 1 ? argv[1] : "qemu-mps2-an386";
    const std::string model = argc > 2 ? argv[2] : shared + "/models/mlperf_tiny/kws/kws_ref_model.tflite";

    Result<std::unique_ptr<rpc::Module>> m = rpc::Module::connect(board, model);
    if (!m) {
        std::fprintf(stderr, "%s", m.diagnostics().format().c_str());
        return 1;
    }
    rpc::Module &mod = **m;
    auto timed = [](int n, auto &&f) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < n; ++i)
            if (!f()) return -1.0;
        return double(t.nsecsElapsed()) / 1e3 / n;  // µs per call
    };
    const double ping = timed(500, [&] { return mod.client().ping({}).ok(); });
    const double ping64 = timed(300, [&] { return mod.client().ping(std::vector<uint8_t>(64, 7)).ok(); });
    // The smallest layer: round trip of a call that does almost no work.
    std::string small = mod.functions()[1].name;
    const double call = timed(200, [&] { return mod.call(small).ok(); });
    const double run = timed(20, [&] { return mod.run().ok(); });
    // The largest tensor slot, uploaded and downloaded whole.
    const rpc::BufferInfo *big = &mod.buffers()[0];
    for (const rpc::BufferInfo &b : mod.buffers())
        if (b.info.bytes > big->info.bytes) big = &b;
    const std::vector<uint8_t> data(big->info.bytes, 0x5A);
    const double up = timed(10, [&] { return mod.client().write(big->index, 0, data).ok(); });
    const double down = timed(10, [&] { return mod.client().read(big->index, 0, big->info.bytes).ok(); });
    std::printf("RPC on %s, model %s (%zu functions)\n", board.c_str(), mod.info().model.c_str(), mod.functions().size());
    std::printf("round trip: ping %.0f us, ping with 64 bytes %.0f us, call of %s %.0f us, whole-model run %.0f us\n",
                ping, ping64, small.c_str(), call, run);
    std::printf("upload %.0f bytes/s, download %.0f bytes/s (tensor of %u bytes)\n",
                1e6 * big->info.bytes / up, 1e6 * big->info.bytes / down, big->info.bytes);

    // Overhead: the same package as profiling firmware and as RPC firmware.
    Result<Graph> g = loadModel(model);
    CompileOptions co;
    co.packedWrappers = true;
    Result<Artifacts> a = compile(*g, co);
    Result<BoardCatalog> cat = BoardCatalog::load();
    const Board b = cat->find(board).value();
    uint64_t flash[2] = {0, 0}, ram[2] = {0, 0};
    for (int rpcOn = 0; rpcOn < 2; ++rpcOn) {
        FirmwareOptions fo;
        fo.rpcServer = rpcOn;
        QTemporaryDir dir;
        Diagnostics d;
        Result<FileList> files = generateFirmwareProject(*a, b, fo);
        if (!files || !writeFiles(*files, dir.path().toStdString(), d)) return 1;
        Result<FirmwareBuild> fb = buildFirmware(dir.path().toStdString(), b);
        if (!fb) {
            std::fprintf(stderr, "%s", fb.diagnostics().format().c_str());
            return 1;
        }
        flash[rpcOn] = fb->size.flashBytes;
        ram[rpcOn] = fb->size.ramBytes;
    }
    std::printf("server overhead: flash %+lld bytes (%llu → %llu), RAM %+lld bytes (%llu → %llu) of which tensor arena %u\n",
                (long long)(flash[1] - flash[0]), (unsigned long long)flash[0], (unsigned long long)flash[1],
                (long long)(ram[1] - ram[0]), (unsigned long long)ram[0], (unsigned long long)ram[1],
                mod.info().arenaBytes);
    return 0;
}
