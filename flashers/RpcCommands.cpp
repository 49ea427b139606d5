// emberc serve / call / bisect: the board driven from the host through the
// RPC function server (docs/RPC.md).
#include "RpcCommands.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "CommandArgs.h"
#include "OpenOcdFlasher.h"
#include "RpcBisect.h"
#include "RpcClient.h"
// Qt's `emit` macro would erase OpKernel::emit in the core headers below.
#undef emit
#include "core/Compiler.h"
#include "core/Text.h"
#include "core/reference/Executor.h"
#include "core/validate/ChildProcesses.h"

namespace ember {

namespace {

struct RpcArgs {
    std::vector<std::string> positional, inputs;
    std::string board, connect, outputDir;
    std::string port;  // serve on a real board: its serial port, DEVICE[@BAUD]
    int corruptLayer = -1;
    bool list = false;
};

bool parseRpcArgs(const std::vector<std::string> &args, RpcArgs &a, std::ostream &err) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &s = args[i];
        auto value = [&](std::string &v) { return takeOptionValue(args, i, v, err); };
        std::string v;
        if (s == "--board" || s == "-b") {
            if (!value(a.board)) return false;
        } else if (s == "--connect") {
            if (!value(a.connect)) return false;
        } else if (s == "--port") {
            if (!value(a.port)) return false;
        } else if (s == "--output-dir") {
            if (!value(a.outputDir)) return false;
        } else if (s == "--input") {
            if (!value(v)) return false;
            a.inputs.push_back(v);
            while (i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0) a.inputs.push_back(args[++i]);
        } else if (s == "--corrupt-layer") {  // test only: see FirmwareOptions::corruptLayer
            long long n = 0;
            if (!value(v) || !parseInteger(v, 0, 1000000, &n)) {
                err << "emberc: --corrupt-layer needs a layer index\n";
                return false;
            }
            a.corruptLayer = int(n);
        } else if (s == "--list") {
            a.list = true;
        } else if (s.rfind("-", 0) == 0 && s.size() > 1) {
            err << "emberc: unknown option " << s << "\n";
            return false;
        } else {
            a.positional.push_back(s);
        }
    }
    return true;
}

bool writeBytes(const std::string &path, const std::vector<uint8_t> &b, std::ostream &err) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(reinterpret_cast<const char *>(b.data()), qint64(b.size())) != qint64(b.size())) {
        err << "emberc: cannot write " << path << "\n";
        return false;
    }
    return true;
}

int fail(const Diagnostics &d, std::ostream &err) {
    err << d.format();
    return 1;
}

std::string dtypeText(const rpc::ArgInfo &a) {
    const char *kind = a.dtypeCode == 2 ? "float" : a.dtypeCode == 1 ? "uint" : "int";
    std::string s = kind + std::to_string(a.dtypeBits) + "[";
    for (size_t d = 0; d < a.shape.size(); ++d) s += (d ? "," : "") + std::to_string(a.shape[d]);
    return s + "]";
}

// Module from --connect, or built and booted from MODEL --board B.
Result<std::unique_ptr<rpc::Module>> openModule(const RpcArgs &a, const std::string &model, const CompileOptions &co,
                                                std::ostream &err) {
    if (!a.connect.empty()) return rpc::Module::connect(a.connect);
    Diagnostics d;
    if (a.board.empty()) {
        d.error("no board given; pass --board ID (an emulated board, see `emberc boards`) or --connect ADDRESS");
        return d;
    }
    rpc::ServeOptions so;
    so.compile = co;
    so.corruptLayer = a.corruptLayer;
    so.onLine = [&](const std::string &line) {
        if (line.rfind("$ ", 0) != 0) err << line << "\n";
    };
    return rpc::Module::connect(a.board, model, so);
}

// A real board: build the RPC firmware, flash it through OpenOCD and check
// that it answers on its serial port. The board then serves on its own.
int serveReal(const RpcArgs &a, const Board &b, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    if (a.port.empty()) {
        err << "emberc: " << b.id << " is not emulated: give its serial port with --port (e.g. --port /dev/ttyACM0"
            << (b.rpcUart.connection.empty() ? "" : ", the " + b.rpcUart.connection) << ")\n";
        return 2;
    }
    QTemporaryDir tmp;
    const std::string dir = a.outputDir.empty() ? tmp.path().toStdString() : a.outputDir;
    rpc::ServeOptions so;
    so.compile = co;
    so.corruptLayer = a.corruptLayer;
    so.onLine = [&](const std::string &line) { err << line << "\n"; };
    Result<FirmwareBuild> fb = rpc::buildServerFirmware(a.positional[0], b, so, dir);
    if (!fb) return fail(fb.diagnostics(), err);
    FlashOptions fo;
    fo.onProgress = [&](int pct, const std::string &stage) { err << "[" << pct << "%] " << stage << "\n"; };
    const FlashResult r = flashElf(fb->elfPath, b, fo);
    if (!r.ok()) {
        err << "emberc: flash failed (" << flashErrorName(r.error) << "): " << r.message << "\n--- openocd log ---\n" << r.log;
        return 1;
    }
    const std::string address =
        a.port.find('@') == std::string::npos ? a.port + "@" + std::to_string(b.rpcUart.baud) : a.port;
    std::string why;
    std::unique_ptr<rpc::Transport> t = rpc::openTransport(address, &why);
    if (!t) {
        err << "emberc: flashed, but " << why << "\n";
        return 1;
    }
    rpc::Client c(std::move(t));
    // The board resets after flashing: hello until it listens (10 s).
    rpc::Reply reply;
    QElapsedTimer w;
    w.start();
    while (!c.request(rpc::cmd::Hello, {}, reply, 500) && w.elapsed() < 10000) {
    }
    Result<rpc::Hello> h = c.hello();
    if (!h) {
        err << "emberc: flashed, but no RPC server answers on " << address << " (" << b.rpcUart.name << " on "
            << b.rpcUart.tx << "/" << b.rpcUart.rx << " at " << b.rpcUart.baud << " baud; is this the board's port?)\n"
            << h.diagnostics().format();
        return 1;
    }
    out << "serving '" << h->model << "' (" << h->functions << " functions, " << h->layers << " layers) on " << b.name
        << "\nflash " << fb->size.flashBytes << " bytes, RAM " << fb->size.ramBytes << " bytes (RPC tensor arena "
        << h->arenaBytes << ")\nconnect: " << address << "\n"
        << "  python3:  import ember_rpc; m = ember_rpc.connect(\"" << address << "\")\n"
        << "  emberc:   emberc call --connect " << address << " --list\n"
        << "the board keeps serving until it is reset or reflashed\n";
    return 0;
}

int cmdServe(const RpcArgs &a, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    if (a.positional.size() != 1) {
        err << "usage: emberc serve MODEL --board B [--port DEVICE[@BAUD]] [compile options]\n";
        return 2;
    }
    if (Result<BoardCatalog> cat = BoardCatalog::load(); cat.ok()) {
        Result<Board> b = cat->find(a.board);
        if (b && !b->emulated()) return serveReal(a, *b, co, out, err);
        if (b && !a.port.empty()) {
            err << "emberc: " << b->id << " is emulated: its UART is QEMU's socket, drop --port\n";
            return 2;
        }
    }
    rpc::ServeOptions so;
    so.compile = co;
    so.corruptLayer = a.corruptLayer;
    so.onLine = [&](const std::string &line) {
        if (line.rfind("$ ", 0) != 0) err << line << "\n";
    };
    Result<std::unique_ptr<rpc::Server>> s = rpc::Server::start(a.positional[0], a.board, so);
    if (!s) return fail(s.diagnostics(), err);
    rpc::Server &server = **s;
    {
        // One hello, so what is printed is known to answer.
        std::string why;
        std::unique_ptr<rpc::Transport> t = rpc::openTransport(server.address(), &why);
        if (!t) {
            err << "emberc: " << why << "\n";
            return 1;
        }
        rpc::Client c(std::move(t));
        Result<rpc::Hello> h = c.hello();
        if (!h) return fail(h.diagnostics(), err);
        out << "serving '" << h->model << "' (" << h->functions << " functions, " << h->layers << " layers) on "
            << server.board().name << "\n"
            << "flash " << server.build().size.flashBytes << " bytes, RAM " << server.build().size.ramBytes
            << " bytes (RPC tensor arena " << h->arenaBytes << ")\n";
    }
    out << "connect: " << server.address() << "\n"
        << "  python3:  import ember_rpc; m = ember_rpc.connect(\"" << server.address() << "\")\n"
        << "  emberc:   emberc call --connect " << server.address() << " --list\n"
        << "press Ctrl-C to stop\n";
    out.flush();
    while (!children::interrupted().load()) {
        if (!server.running() && !children::interrupted().load()) {
            err << "emberc: qemu-system-arm ended:\n" << server.qemuLog();
            return 1;
        }
        QThread::msleep(100);
    }
    return 0;
}

int cmdCall(const RpcArgs &a, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    // emberc call --connect ADDR FUNCTION ... | emberc call MODEL --board B FUNCTION ...
    const size_t first = a.connect.empty() ? 1 : 0;
    if (a.positional.size() < first || a.positional.size() > first + 1 || (a.positional.size() == first && !a.list)) {
        err << "usage: emberc call (--connect ADDRESS | MODEL --board B) FUNCTION [--input FILE...] [--output-dir DIR]\n"
               "       emberc call (--connect ADDRESS | MODEL --board B) --list\n";
        return 2;
    }
    Result<std::unique_ptr<rpc::Module>> m = openModule(a, first ? a.positional[0] : "", co, err);
    if (!m) return fail(m.diagnostics(), err);
    rpc::Module &mod = **m;
    if (a.list) {
        for (const rpc::FunctionInfo &f : mod.functions()) {
            out << f.name << "(";
            for (size_t i = 0; i < f.args.size(); ++i) {
                const rpc::ArgInfo &x = f.args[i];
                static const char *roles[] = {"in", "out", "pool", "constants"};
                out << (i ? ", " : "") << (x.role < 4 ? roles[x.role] : "?") << " " << x.name << " "
                    << (x.tensor >= 0 ? "#" + std::to_string(x.tensor) + " " : "") << dtypeText(x);
            }
            out << ")\n";
        }
        if (a.positional.size() == first) return 0;
    }
    const std::string name = a.positional[first];
    const rpc::FunctionInfo *f = mod.function(name);
    if (!f) {
        err << "emberc: the board has no function '" << name << "'; list them with --list\n";
        return 1;
    }
    size_t k = 0;
    for (const rpc::ArgInfo &x : f->args) {
        if (x.role != 0) continue;
        if (k >= a.inputs.size()) break;
        std::vector<uint8_t> bytes;
        if (!readInputFile(a.inputs[k], bytes, err)) return 1;
        if (bytes.size() != x.bytes) {
            err << "emberc: " << a.inputs[k] << " has " << bytes.size() << " bytes but input '" << x.name << "' of "
                << name << " needs " << x.bytes << "\n";
            return 1;
        }
        if (Diagnostics d = mod.writeTensor(x.tensor, bytes); !d.ok()) return fail(d, err);
        ++k;
    }
    if (k < a.inputs.size()) {
        err << "emberc: " << name << " takes " << k << " input(s); got " << a.inputs.size() << " files\n";
        return 1;
    }
    Result<rpc::CallResult> r = mod.call(name);
    if (!r) return fail(r.diagnostics(), err);
    out << name << ": returned " << r->rc << " after " << r->ticks << " counter ticks\n";
    if (!a.outputDir.empty()) {
        QDir().mkpath(QString::fromStdString(a.outputDir));
        int j = 0;
        for (const rpc::ArgInfo &x : f->args) {
            if (x.role != 1) continue;
            Result<std::vector<uint8_t>> bytes = mod.readTensor(x.tensor);
            if (!bytes) return fail(bytes.diagnostics(), err);
            const std::string path = a.outputDir + "/output" + std::to_string(j++) + ".bin";
            if (!writeBytes(path, *bytes, err)) return 1;
            out << "wrote " << path << " (" << x.name << ", " << bytes->size() << " bytes)\n";
        }
    }
    return 0;
}

int cmdBisect(const RpcArgs &a, const CompileOptions &co, std::ostream &out, std::ostream &err) {
    if (a.positional.size() != 1) {
        err << "usage: emberc bisect MODEL (--board B | --connect ADDRESS) --input FILE... [compile options]\n";
        return 2;
    }
    const std::string model = a.positional[0];
    Result<Graph> g = loadModel(model);
    if (!g) return fail(g.diagnostics(), err);
    CompileOptions pco = co;
    pco.packedWrappers = true;
    Result<Artifacts> art = compile(*g, pco);
    if (!art) return fail(art.diagnostics(), err);
    Result<PackageInfo> info = readPackageInfo(art->file("metadata.json") ? *art->file("metadata.json") : "", "metadata.json");
    if (!info) return fail(info.diagnostics(), err);
    if (a.inputs.size() != g->inputs.size()) {
        err << "emberc: the model has " << g->inputs.size() << " input(s); pass one raw file each with --input\n";
        return 2;
    }
    std::vector<TensorData> inputs;
    for (size_t i = 0; i < a.inputs.size(); ++i) {
        std::vector<uint8_t> b;
        if (!readInputFile(a.inputs[i], b, err)) return 1;
        const Tensor &t = g->tensors[size_t(g->inputs[i])];
        if (b.size() != t.bytes()) {
            err << "emberc: " << a.inputs[i] << " has " << b.size() << " bytes but input '" << t.name << "' needs "
                << t.bytes() << "\n";
            return 1;
        }
        inputs.push_back(b);
    }
    Result<Buffers> ref = runReferenceAll(*g, inputs);
    if (!ref) return fail(ref.diagnostics(), err);
    Result<std::unique_ptr<rpc::Module>> m = openModule(a, model, co, err);
    if (!m) return fail(m.diagnostics(), err);
    char line[256];
    std::snprintf(line, sizeof line, "%-5s %-32s %-18s %s\n", "layer", "name", "op", "board vs host");
    out << line;
    Result<rpc::BisectResult> r = rpc::bisectLayers(**m, *info, *ref, inputs, [&](const rpc::BisectLayer &L) {
        using V = rpc::BisectLayer::Verdict;
        std::snprintf(line, sizeof line, "%-5zu %-32.32s %-18.18s %s\n", L.layer, L.name.c_str(), L.op.c_str(),
                      L.verdict == V::Identical ? "identical" : L.verdict == V::Differs ? "DIFFERS" : "within float tolerance");
        out << line;
    });
    if (!r) return fail(r.diagnostics(), err);
    if (r->diverged) {
        const rpc::BisectLayer &L = r->first;
        char maxDiff[32];
        std::snprintf(maxDiff, sizeof maxDiff, "%g", L.difference.maxAbs);
        out << "first divergent layer: " << L.layer << " '" << L.name << "' (" << L.op << ", function " << L.function
            << "): output tensor '" << L.tensor.name << "' (#" << L.tensor.tensor << ") differs in " << L.difference.bytes
            << " of " << L.board.size() << " bytes, max difference " << maxDiff << "\n";
        return 1;
    }
    out << "all " << info->layers.size() << " layers identical\n";
    return 0;
}

}  // namespace

bool isRpcCommand(const std::string &c) { return c == "serve" || c == "call" || c == "bisect"; }

std::string rpcCommandsHelp() {
    return "Host-driven execution on a board (docs/RPC.md):\n"
           "  emberc serve MODEL --board B [opts]            build the RPC firmware, boot it (emulated), print how to connect\n"
           "  emberc serve MODEL --board B --port DEV[@BAUD] real board: build, flash (OpenOCD), check it answers on DEV\n"
           "  emberc call (--connect ADDR | MODEL --board B) FUNCTION [--input FILE...] [--output-dir DIR] [--list]\n"
           "                                                 call one function on the board (inputs from files)\n"
           "  emberc bisect MODEL (--board B | --connect ADDR) --input FILE... [opts]\n"
           "                                                 run layer by layer on the board, compare every layer with\n"
           "                                                 the host reference; report the first that differs\n"
           "  ADDR: unix:PATH (emberc serve), tcp:HOST:PORT, or a serial port /dev/ttyACM0[@BAUD].\n";
}

int runRpcCommand(const std::string &command, const std::vector<std::string> &args, std::ostream &out,
                  std::ostream &err) {
    for (const std::string &x : args)
        if (x == "--help" || x == "-h") {
            out << rpcCommandsHelp();
            return 0;
        }
    CompileOptions co;
    std::vector<std::string> rest;
    Diagnostics d;
    if (!parseCompileArgs(args, co, rest, d)) {
        err << d.format();
        return 2;
    }
    RpcArgs a;
    if (!parseRpcArgs(rest, a, err)) return 2;
    if (command == "serve") return cmdServe(a, co, out, err);
    if (command == "call") return cmdCall(a, co, out, err);
    if (command == "bisect") return cmdBisect(a, co, out, err);
    err << "emberc: unknown command '" << command << "'\n";
    return 2;
}

}  // namespace ember
