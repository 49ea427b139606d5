// The host side of the Ember RPC protocol (docs/RPC.md).
//
//   Transport  a byte pipe: a Unix socket (QEMU's -serial unix:...), TCP, or a
//              serial port (termios, 8N1 raw).
//   Client     one request, one reply: hello, functions, buffers, read/write a
//              buffer region, call a function by name, run, cycles, reset.
//   Module     what a user scripts: connect to a board (build the firmware,
//              boot QEMU, keep it up) or to an address, then
//
//     auto m = rpc::Module::connect("qemu-mps2-an386", "kws.tflite");
//     m->setInput(0, bytes); m->run(); auto y = m->getOutput(0);
//     m->call("kws_l03_conv2d");          // one layer, its own tensors
//     auto t = m->readTensor(tensorId);
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "Board.h"
#include "Firmware.h"
#include "RpcProtocol.h"
#include "ToolProcess.h"
#include "core/codegen/CGenerator.h"

namespace ember::rpc {

class Transport {
public:
    virtual ~Transport() = default;
    virtual bool write(const uint8_t *data, size_t n) = 0;
    // Up to n bytes; 0 on timeout, -1 when the peer closed or an error occurred.
    virtual int read(uint8_t *data, size_t n, int timeoutMs) = 0;
};

// "unix:PATH", "tcp:HOST:PORT", or a serial device ("/dev/ttyACM0",
// "/dev/ttyUSB0@921600"; default 115200 baud). Null + *error on failure.
std::unique_ptr<Transport> openTransport(const std::string &address, std::string *error, int connectTimeoutMs = 10000);

struct ArgInfo {
    uint8_t role = 0;  // EMBER_ROLE_INPUT 0, OUTPUT 1, POOL 2, CONSTANTS 3
    int32_t tensor = -1;
    uint8_t dtypeCode = 0, dtypeBits = 0;
    std::vector<int32_t> shape;
    uint32_t bytes = 0;
    std::string name;
};

struct FunctionInfo {
    int index = 0;
    std::string name;
    std::vector<ArgInfo> args;
};

struct BufferInfo {
    int index = 0;
    uint8_t kind = 0;  // 0 tensor slot, 1 pool
    ArgInfo info;      // tensor id, dtype, shape, bytes, name
};

struct Hello {
    uint16_t version = 0, maxPayload = 0;
    uint32_t functions = 0, tensorSlots = 0, pools = 0, counterKind = 0, arenaBytes = 0, arenaUsed = 0, stackUsed = 0,
             layers = 0;
    std::string model;
};

struct CallResult {
    int32_t rc = 0;
    uint32_t ticks = 0;  // counter ticks around the call on the board
};

struct Cycles {
    uint32_t counterKind = 0, now = 0, lastCall = 0;
    std::vector<uint32_t> layers;  // ticks per layer of the last whole-model run
};

// A reply: status (rpc::Status) and data.
struct Reply {
    uint8_t seq = 0, cmd = 0, status = 0;
    std::vector<uint8_t> data;
};

class Client {
public:
    explicit Client(std::unique_ptr<Transport> t) : t_(std::move(t)) {}

    // Sends one request and waits for its reply (false + error() on a
    // transport failure, timeout or an unparsable reply; a status other than
    // Ok is not a transport failure: see Reply::status).
    bool request(uint8_t cmd, const std::vector<uint8_t> &payload, Reply &reply, int timeoutMs = 20000);
    // For robustness tests: raw bytes out, and the next reply frame in.
    bool sendRaw(const std::vector<uint8_t> &bytes);
    bool readReply(Reply &reply, int timeoutMs);
    // Flushes a half-sent frame the server may still be waiting on (a
    // previous client died mid-frame) and drops stale replies.
    void resync();

    Result<Hello> hello();
    Result<FunctionInfo> functionInfo(int index);
    Result<BufferInfo> bufferInfo(int index);
    Result<std::vector<uint8_t>> read(int buffer, uint32_t offset, uint32_t length);
    Diagnostics write(int buffer, uint32_t offset, const std::vector<uint8_t> &bytes);
    Result<CallResult> call(const std::string &function, const std::vector<int32_t> &tensorIds = {});
    Result<CallResult> run();
    Result<Cycles> cycles();
    Diagnostics reset();
    Result<std::vector<uint8_t>> ping(const std::vector<uint8_t> &payload);
    Result<uint32_t> checksum(int buffer, uint32_t offset, uint32_t length);

    const std::string &error() const { return error_; }
    static std::vector<uint8_t> frame(uint8_t seq, uint8_t cmd, const std::vector<uint8_t> &payload);

private:
    Diagnostics statusError(const std::string &what, const Reply &r) const;
    std::unique_ptr<Transport> t_;
    uint8_t seq_ = 0;
    std::string error_;
};

// A QEMU board serving the RPC firmware; stopping it (or the destructor) ends QEMU.
struct ServeOptions {
    CompileOptions compile;      // packedWrappers is forced on
    std::string workDir;         // firmware project; default: a temporary folder
    int corruptLayer = -1;       // test only (FirmwareOptions::corruptLayer)
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const std::string &)> onLine;
};

// Compiles the model with the function table and builds its RPC firmware
// for `board` in `dir` (Server::start; `emberc serve --port` for real boards).
Result<FirmwareBuild> buildServerFirmware(const std::string &modelPath, const Board &board, const ServeOptions &o,
                                          const std::string &dir, PackageInfo *package = nullptr);

class Server {
public:
    ~Server();
    // Compiles the model, generates and builds the firmware with the RPC
    // server, boots QEMU with the UART on a Unix socket.
    static Result<std::unique_ptr<Server>> start(const std::string &modelPath, const std::string &board,
                                                 const ServeOptions &o = {});
    std::string address() const { return "unix:" + socket_; }
    const Board &board() const { return board_; }
    const PackageInfo &package() const { return package_; }
    const FirmwareBuild &build() const { return build_; }
    bool running() { return qemu_.running(); }
    std::string qemuLog() const;
    void stop() { qemu_.stop(); }

private:
    Server() = default;
    Board board_;
    PackageInfo package_;
    FirmwareBuild build_;
    std::string dir_, socket_;
    bool ownDir_ = false;
    BackgroundTool qemu_;
};

class Module {
public:
    // Build + boot + connect (emulated boards) ...
    static Result<std::unique_ptr<Module>> connect(const std::string &board, const std::string &modelPath,
                                                   const ServeOptions &o = {});
    // ... or connect to a server already up ("unix:PATH", "tcp:H:P", "/dev/tty...").
    static Result<std::unique_ptr<Module>> connect(const std::string &address);

    const Hello &info() const { return hello_; }
    const std::vector<FunctionInfo> &functions() const { return functions_; }
    const std::vector<BufferInfo> &buffers() const { return buffers_; }
    const FunctionInfo *function(const std::string &name) const;
    // The entrypoint's inputs and outputs (function 0's arguments), in order.
    std::vector<ArgInfo> inputs() const;
    std::vector<ArgInfo> outputs() const;

    Diagnostics setInput(int index, const std::vector<uint8_t> &bytes);
    Diagnostics setInput(const std::string &name, const std::vector<uint8_t> &bytes);
    Result<CallResult> run();
    Result<std::vector<uint8_t>> getOutput(int index);
    Result<std::vector<uint8_t>> getOutput(const std::string &name);
    // One function by name; tensor ids per argument (empty: its own tensors).
    Result<CallResult> call(const std::string &function, const std::vector<int32_t> &tensorIds = {});
    Result<std::vector<uint8_t>> readTensor(int32_t tensorId);
    // True if the board's copy of the tensor has exactly these bytes (compared
    // by CRC-32 on the board: nothing but 4 bytes crosses the UART).
    Result<bool> tensorEquals(int32_t tensorId, const std::vector<uint8_t> &bytes);
    Diagnostics writeTensor(int32_t tensorId, const std::vector<uint8_t> &bytes);
    Diagnostics reset();
    Result<Cycles> cycles() { return client_->cycles(); }
    Client &client() { return *client_; }
    Server *server() { return server_.get(); }

private:
    Module() = default;
    Diagnostics load();
    int bufferOfTensor(int32_t tensor) const;
    std::unique_ptr<Server> server_;
    std::unique_ptr<Client> client_;
    Hello hello_;
    std::vector<FunctionInfo> functions_;
    std::vector<BufferInfo> buffers_;
};

}  // namespace ember::rpc
