#include "HostRunner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ChildProcesses.h"

namespace ember {

namespace fs = std::filesystem;

int runProcess(const std::vector<std::string> &argv, std::string *output, int timeoutSeconds) {
    int pipefd[2];
    if (argv.empty() || pipe2(pipefd, O_CLOEXEC) != 0) return -1;
    // The child gets a group of its own: a timeout or an interrupt ends the
    // whole tree (cc → cc1, as, ld; a program's own children).
    const int spawned = children::spawnInGroup(argv, -1, pipefd[1]);
    close(pipefd[1]);
    if (spawned < 0) {
        close(pipefd[0]);
        return -1;  // not found or not executable, as exit code 127 was before
    }
    const pid_t pid = pid_t(spawned);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    char buf[4096];
    bool timedOut = false, interrupted = false;
    for (;;) {
        if (children::interrupted().load()) {
            interrupted = true;
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{pipefd[0], POLLIN, 0};
        const int r = poll(&p, 1, int(std::min<long long>(left.count(), 100)));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) continue;
        const ssize_t n = read(pipefd[0], buf, sizeof buf);
        if (n <= 0) break;
        if (output) output->append(buf, size_t(n));
    }
    close(pipefd[0]);
    if (timedOut || interrupted) children::killGroup(int(pid));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // Whatever the program left behind in its group goes with it.
    ::kill(-pid, SIGKILL);
    children::remove(int(pid));
    if (interrupted) {
        if (output) *output += "\n[interrupted]\n";
        return -3;
    }
    if (timedOut) {
        if (output) *output += "\n[timed out after " + std::to_string(timeoutSeconds) + " s]\n";
        return -2;
    }
    if (WIFEXITED(status)) {
        const int code = WEXITSTATUS(status);
        return code == 127 ? -1 : code;
    }
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

namespace {

// C expression of an input's/output's actual size in bytes: the size at the
// bound scaled by the run-time extents (ext[d]) of its dynamic axes.
std::string bytesExpr(const nlohmann::json &io) {
    const size_t bytes = io["bytes"].get<size_t>();
    if (!io.contains("dynamic_axes")) return std::to_string(bytes);
    size_t unit = bytes;
    std::string e;
    for (const auto &a : io["dynamic_axes"]) {
        unit /= io["shape"][a["axis"].get<size_t>()].get<size_t>();
        e += " * (size_t)ext[" + std::to_string(a["dim"].get<int>()) + "]";
    }
    return "((size_t)" + std::to_string(unit) + e + ")";
}

// A main() that reads each input from a file named on the command line,
// runs the model once and writes each output to a file. It follows the API
// mode recorded in metadata.json, as an application would.
std::string harnessSource(const nlohmann::json &meta, const std::string &mainName = "main") {
    const std::string name = meta["name"];
    const auto &opt = meta["options"];
    const bool packedApi = opt.value("interface_api", "c") == "packed";
    const bool ioWs = opt.value("io", "separate") == "workspace";
    const bool cpool = opt.value("constants", "flash") == "pool";
    const auto &ins = meta["inputs"];
    const auto &outs = meta["outputs"];
    std::vector<nlohmann::json> appPools;
    for (const auto &p : meta["pools"])
        if (p.value("app_provided", false)) appPools.push_back(p);
    const bool poolsStruct = !appPools.empty() || cpool;
    const size_t ndims = meta.contains("dims") ? meta["dims"].size() : 0;
    const auto derived = meta.value("derived_dims", nlohmann::json::array());

    std::ostringstream o;
    o << "#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include <string.h>\n#include \"" << name << "/"
      << name << ".h\"\n\n";
    o << "static int load(const char *path, void *dst, size_t n)\n{\n"
         "    FILE *f = fopen(path, \"rb\");\n    size_t got;\n"
         "    if (!f) { fprintf(stderr, \"cannot open %s\\n\", path); return 1; }\n"
         "    got = fread(dst, 1, n, f);\n    fclose(f);\n"
         "    if (got != n) { fprintf(stderr, \"%s: expected %lu bytes, got %lu\\n\", path, (unsigned long)n, (unsigned long)got); return 1; }\n"
         "    return 0;\n}\n\n";
    o << "static int store(const char *path, const void *src, size_t n)\n{\n"
         "    FILE *f = fopen(path, \"wb\");\n"
         "    if (!f || fwrite(src, 1, n, f) != n) { fprintf(stderr, \"cannot write %s\\n\", path); return 1; }\n"
         "    return fclose(f) != 0;\n}\n\n";
    o << "/* Memory the application owns, aligned as the package asks. */\n"
         "static void *aligned(size_t n, size_t align)\n{\n"
         "    uint8_t *p = malloc(n + align + 1);\n"
         "    if (!p) exit(3);\n"
         "    return p + (align - (size_t)((uintptr_t)p % align)) % align;\n}\n\n";
    o << "int " << mainName << "(int argc, char **argv)\n{\n    int32_t status;\n";
    const bool allocates = !appPools.empty() || cpool || !ioWs || packedApi;
    o << "    void *in[" << std::max<size_t>(1, ins.size()) << "];\n    void *out[" << std::max<size_t>(1, outs.size())
      << "];\n";
    if (poolsStruct && !packedApi) o << "    struct " << name << "_workspace_pools pools;\n";
    if (!allocates) o << "    (void)aligned;\n";
    // Several INPUTS... OUTPUTS... groups run as consecutive calls of one
    // model instance (state carried over), like `tflm_ref --steps`.
    const size_t nio = ins.size() + outs.size();
    o << "    int step, steps = (argc - " << (1 + ndims) << ") / " << nio << ";\n";
    o << "    if (argc < " << (1 + ndims + nio) << " || (argc - " << (1 + ndims) << ") % " << nio
      << " != 0" << (ndims ? " || steps != 1" : "") << ") { fprintf(stderr, \"usage: run "
      << (ndims ? "EXTENTS... " : "") << "INPUTS... OUTPUTS... [INPUTS... OUTPUTS...]...\\n\"); return 2; }\n";
    // --dim: the extents come first on the command line, then the files.
    std::string extArgs;
    if (ndims) {
        o << "    int32_t ext[" << (ndims + derived.size()) << "];\n";
        // An extent outside the bound is still passed to the model (whose
        // own check must refuse it) but no data is read for it.
        o << "    int inBound = 1;\n";
        for (size_t k = 0; k < ndims; ++k) {
            const auto &dm = meta["dims"][k];
            o << "    ext[" << k << "] = (int32_t)atol(argv[" << (1 + k) << "]);\n";
            o << "    if (ext[" << k << "] < " << dm["min"].get<int>() << " || ext[" << k << "] > "
              << dm["max"].get<int>() << ") inBound = 0;\n";
            extArgs += ", ext[" + std::to_string(k) + "]";
        }
        // Extents through valid-padded windows, as the generated code computes them.
        for (size_t k = 0; k < derived.size(); ++k) {
            const auto &dd = derived[k];
            const std::string from = "ext[" + std::to_string(dd["from"].get<int>()) + "]";
            o << "    ext[" << (ndims + k) << "] = inBound ? (" << from << " - " << dd["window"].get<int>() << ") / "
              << dd["stride"].get<int>() << " + 1 : 1;\n";
        }
    }
    // Pools first: with --io workspace the I/O pointers live inside them.
    std::vector<std::string> poolExprs;
    for (const auto &p : appPools) {
        const std::string v = "pool_" + p["c_name"].get<std::string>();
        o << "    void *" << v << " = aligned(" << p["size"].get<size_t>() << ", " << p["align"].get<size_t>() << ");\n";
        if (!packedApi)
            o << "    pools." << p["c_name"].get<std::string>() << " = " << v << ";\n    pools."
              << p["c_name"].get<std::string>() << "_bytes = " << p["size"].get<size_t>() << ";\n";
        poolExprs.push_back(v);
    }
    if (cpool) {
        const size_t bytes = meta["constants_pool"]["bytes"];
        o << "    void *cpool = aligned(" << bytes << ", 16);\n";
        o << "    memcpy(cpool, " << meta["constants_pool"]["image"].get<std::string>() << ", " << bytes << ");\n";
        if (!packedApi) o << "    pools.constants = cpool;\n    pools.constants_bytes = " << bytes << ";\n";
    }
    const std::string pa = poolsStruct ? "&pools" : "";
    for (size_t i = 0; i < ins.size(); ++i) {
        const std::string f = ins[i]["c_name"];
        if (ioWs && !packedApi)
            o << "    in[" << i << "] = " << name << "_input_" << f << "(" << pa << ");\n";
        else
            o << "    in[" << i << "] = aligned(" << ins[i]["bytes"].get<size_t>() << ", 16);\n";
    }
    for (size_t j = 0; j < outs.size(); ++j) {
        const std::string f = outs[j]["c_name"];
        if (ioWs && !packedApi)
            o << "    out[" << j << "] = " << name << "_output_" << f << "(" << pa << ");\n";
        else
            o << "    out[" << j << "] = aligned(" << outs[j]["bytes"].get<size_t>() << ", 16);\n";
    }
    if (ndims && !ioWs)
        for (size_t j = 0; j < outs.size(); ++j)
            o << "    memset(out[" << j << "], 0xA5, " << outs[j]["bytes"].get<size_t>() << ");\n";
    // An application-provided state pool starts undefined: reset it once.
    if (meta.contains("state")) {
        for (size_t p = 0; p < appPools.size(); ++p)
            if (appPools[p]["name"] == meta["state"]["pool"])
                o << "    " << meta["state"]["reset"].get<std::string>() << "("
                  << (packedApi ? poolExprs[p] : std::string("&pools")) << ");\n";
    }
    o << "    for (step = 0; step < steps; ++step) {\n";
    o << "    char **av = argv + " << (1 + ndims) << " + step * " << nio << ";\n";
    size_t arg = 0;
    for (size_t i = 0; i < ins.size(); ++i, ++arg)
        o << "    if (" << (ndims ? "inBound && " : "") << "load(av[" << arg << "], in[" << i << "], "
          << bytesExpr(ins[i]) << ")) return 3;\n";
    if (packedApi) {
        const size_t n = ins.size() + outs.size() + appPools.size() + (cpool ? 1 : 0);
        o << "    {\n        DLTensor t[" << n << "];\n        EmberValue a[" << n << "];\n        int32_t c[" << n
          << "];\n        int64_t shape[" << n << "][1];\n        int32_t i;\n        (void)shape;\n";
        size_t k = 0;
        auto add = [&](const std::string &ptr, size_t bytes) {
            o << "        shape[" << k << "][0] = " << bytes << ";\n";
            o << "        ember_tensor(&t[" << k << "], " << ptr << ", 1, shape[" << k << "], kDLUInt, 8);\n";
            ++k;
        };
        // Inputs and outputs as the function table describes them (the
        // entrypoint checks dtype and shape).
        size_t maxRank = 1;
        for (const auto *ios : {&ins, &outs})
            for (const auto &io : *ios) maxRank = std::max(maxRank, io["shape"].size());
        o << "        int64_t dims[" << n << "][" << maxRank << "];\n";
        auto addTensor = [&](const std::string &ptr, const nlohmann::json &io) {
            const std::string dtype = io["dtype"];
            const char *code = dtype == "float32" ? "kDLFloat" : dtype.rfind("uint", 0) == 0 || dtype == "bool"
                                                                      ? "kDLUInt"
                                                                      : "kDLInt";
            const size_t digits = dtype.find_first_of("0123456789");
            const int bits = digits == std::string::npos ? 8 : std::atoi(dtype.c_str() + digits);
            for (size_t d = 0; d < io["shape"].size(); ++d) {
                // --dim: the run-time extent of a dynamic axis.
                std::string v = std::to_string(io["shape"][d].get<int64_t>());
                for (const auto &a : io.value("dynamic_axes", nlohmann::json::array()))
                    if (a["axis"].get<size_t>() == d) v = "ext[" + std::to_string(a["dim"].get<int>()) + "]";
                o << "        dims[" << k << "][" << d << "] = " << v << ";\n";
            }
            o << "        ember_tensor(&t[" << k << "], " << ptr << ", " << io["shape"].size() << ", dims[" << k
              << "], " << code << ", " << bits << ");\n";
            ++k;
        };
        for (size_t i = 0; i < ins.size(); ++i) addTensor("in[" + std::to_string(i) + "]", ins[i]);
        for (size_t j = 0; j < outs.size(); ++j) addTensor("out[" + std::to_string(j) + "]", outs[j]);
        for (size_t p = 0; p < appPools.size(); ++p) add(poolExprs[p], appPools[p]["size"]);
        if (cpool) add("cpool", meta["constants_pool"]["bytes"]);
        o << "        for (i = 0; i < " << n << "; ++i) {\n            a[i].v_handle = &t[i];\n"
             "            c[i] = EMBER_ARG_DLTENSOR;\n        }\n";
        o << "        status = " << name << "_run(a, c, " << n << ", 0, 0, 0);\n    }\n";
    } else if (ioWs) {
        o << "    status = " << name << "_run(" << (pa.empty() && !extArgs.empty() ? extArgs.substr(2) : pa + extArgs)
          << ");\n";
    } else {
        o << "    {\n        struct " << name << "_inputs inputs;\n        struct " << name << "_outputs outputs;\n";
        for (size_t i = 0; i < ins.size(); ++i)
            o << "        inputs." << ins[i]["c_name"].get<std::string>() << " = in[" << i << "];\n";
        for (size_t j = 0; j < outs.size(); ++j)
            o << "        outputs." << outs[j]["c_name"].get<std::string>() << " = out[" << j << "];\n";
        o << "        status = " << name << "_run(&inputs, &outputs" << (poolsStruct ? ", &pools" : "") << extArgs
          << ");\n    }\n";
    }
    o << "    if (status != 0) { fprintf(stderr, \"" << name << "_run returned %ld\\n\", (long)status); return 4; }\n";
    // --dim: outputs are filled with a pattern first; the model must leave
    // everything past the actual extent untouched (an application's buffer
    // may end there). Not with --io workspace, where other tensors share it.
    if (ndims && !ioWs)
        for (size_t j = 0; j < outs.size(); ++j) {
            const std::string n = std::to_string(outs[j]["bytes"].get<size_t>());
            o << "    {\n        size_t k;\n        for (k = " << bytesExpr(outs[j]) << "; k < " << n << "; ++k)\n"
              << "            if (((const uint8_t *)out[" << j << "])[k] != 0xA5) { fprintf(stderr, \"output " << j
              << " written past its actual extent\\n\"); return 6; }\n    }\n";
        }
    for (size_t j = 0; j < outs.size(); ++j, ++arg)
        o << "    if (store(av[" << arg << "], out[" << j << "], " << bytesExpr(outs[j]) << ")) return 5;\n";
    o << "    }\n";
    o << "    return 0;\n}\n";
    return o.str();
}

bool writeBytes(const fs::path &p, const std::vector<uint8_t> &b) {
    std::ofstream f(p, std::ios::binary);
    return f && f.write(reinterpret_cast<const char *>(b.data()), std::streamsize(b.size()));
}

}  // namespace

std::string hostHarnessSource(const std::string &metadataJson, const std::string &mainName) {
    const auto meta = nlohmann::json::parse(metadataJson, nullptr, false);
    if (meta.is_discarded()) return {};
    return harnessSource(meta, mainName);
}

HostProgram::HostProgram(HostProgram &&o) noexcept
    : dir_(std::move(o.dir_)), temporary_(o.temporary_), inputBytes_(std::move(o.inputBytes_)),
      inputNames_(std::move(o.inputNames_)), outputs_(o.outputs_), dims_(std::move(o.dims_)),
      inputDims_(std::move(o.inputDims_)), inputUnit_(std::move(o.inputUnit_)) {
    o.temporary_ = false;
}

HostProgram::~HostProgram() {
    std::error_code ec;
    if (temporary_ && !dir_.empty()) {
        fs::remove_all(dir_, ec);
        children::removeTempDir(dir_);
    }
}

Result<HostProgram> HostProgram::build(const Artifacts &a, const Graph &g, const HostRunOptions &opts) {
    Diagnostics d;
    const std::string *metaText = a.file("metadata.json");
    if (!metaText) {
        d.error("the package has no metadata.json");
        return d;
    }
    const auto meta = nlohmann::json::parse(*metaText, nullptr, false);
    if (meta.is_discarded()) {
        d.error("the package's metadata.json is not valid JSON");
        return d;
    }
    HostProgram prog;
    prog.temporary_ = opts.workDir.empty();
    if (prog.temporary_) {
        std::string tmpl = (fs::temp_directory_path() / "ember-run-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) {
            d.error("cannot create a temporary directory for the host build");
            return d;
        }
        prog.dir_ = tmpl;
        children::addTempDir(prog.dir_);
    } else {
        prog.dir_ = opts.workDir;
        std::error_code ec;
        fs::create_directories(prog.dir_, ec);
    }
    // Sizes come from the package (at the bound under --dim), names from the graph.
    for (int t : g.inputs) prog.inputNames_.push_back(g.tensors[size_t(t)].name);
    for (const auto &in : meta["inputs"]) {
        prog.inputBytes_.push_back(in.value("bytes", size_t(0)));
        std::vector<int> dims;
        size_t unit = prog.inputBytes_.back();
        for (const auto &a : in.value("dynamic_axes", nlohmann::json::array())) {
            dims.push_back(a["dim"].get<int>());
            unit /= std::max<size_t>(1, in["shape"][a["axis"].get<size_t>()].get<size_t>());
        }
        prog.inputDims_.push_back(dims);
        prog.inputUnit_.push_back(unit);
    }
    for (const auto &dm : meta.value("dims", nlohmann::json::array()))
        prog.dims_.push_back({dm["tensor"].get<std::string>() + ":" + std::to_string(dm["axis"].get<int>()) + "=" +
                                  std::to_string(dm["min"].get<int>()) + ".." + std::to_string(dm["max"].get<int>()),
                              dm["min"].get<int32_t>(), dm["max"].get<int32_t>()});
    prog.inputNames_.resize(prog.inputBytes_.size());
    prog.outputs_ = meta["outputs"].size();
    const fs::path dir = prog.dir_;
    if (!a.writeTo(dir.string(), d)) return d;
    {
        std::ofstream h(dir / "ember_host_main.c");
        h << harnessSource(meta);
    }
    std::string cc = opts.cc;
    if (cc.empty()) cc = std::getenv("CC") ? std::getenv("CC") : "cc";
    std::vector<std::string> cmd = {cc, "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                    "-I" + (dir / "include").string()};
    for (const auto &f : opts.cflags) cmd.push_back(f);
    for (const auto &f : a.files)
        if (f.first.size() > 2 && f.first.substr(f.first.size() - 2) == ".c") cmd.push_back((dir / f.first).string());
    cmd.push_back((dir / "ember_host_main.c").string());
    cmd.push_back("-o");
    cmd.push_back((dir / "model_run").string());
    cmd.push_back("-lm");
    std::string log;
    const int rc = runProcess(cmd, &log, 600);
    if (rc != 0) {
        d.error("host C compiler '" + cc + "' failed (exit " + std::to_string(rc) + ") on the generated code:\n" + log);
        return d;
    }
    return Result<HostProgram>(std::move(prog));
}

Result<std::vector<int32_t>> HostProgram::extentsFromSizes(const std::vector<std::vector<uint8_t>> &inputs) const {
    Diagnostics d;
    std::vector<int32_t> ext(dims_.size(), 0);
    for (size_t k = 0; k < inputs.size(); ++k) {
        if (inputDims_[k].empty()) continue;
        if (inputDims_[k].size() > 1) {
            d.error("input " + std::to_string(k) + " has several dynamic axes; give the extents explicitly")
                .tensor = inputNames_[k];
            return d;
        }
        const Dim &dim = dims_[size_t(inputDims_[k][0])];
        const size_t unit = std::max<size_t>(1, inputUnit_[k]);
        const size_t n = inputs[k].size() / unit;
        if (inputs[k].size() % unit != 0 || n < size_t(dim.min) || n > size_t(dim.max)) {
            d.error("input " + std::to_string(k) + " has " + std::to_string(inputs[k].size()) +
                    " bytes, which is not a whole number of steps of " + std::to_string(unit) +
                    " bytes inside the bound of --dim " + dim.text + "; give between " +
                    std::to_string(size_t(dim.min) * unit) + " and " + std::to_string(size_t(dim.max) * unit) +
                    " bytes in steps of " + std::to_string(unit))
                .tensor = inputNames_[k];
            return d;
        }
        ext[size_t(inputDims_[k][0])] = int32_t(n);
    }
    return ext;
}

Result<std::vector<std::vector<uint8_t>>> HostProgram::run(const std::vector<std::vector<uint8_t>> &inputs,
                                                           const std::vector<int32_t> &extentsIn) const {
    Diagnostics d;
    if (inputs.size() != inputBytes_.size()) {
        d.error("the model has " + std::to_string(inputBytes_.size()) + " input(s) but " +
                std::to_string(inputs.size()) + " were given");
        return d;
    }
    std::vector<int32_t> extents = extentsIn;
    if (extents.empty() && !dims_.empty()) {
        auto e = extentsFromSizes(inputs);
        if (!e) return e.diagnostics();
        extents = e.value();
    }
    if (extents.size() != dims_.size()) {
        d.error("the package has " + std::to_string(dims_.size()) + " dynamic dim(s) but " +
                std::to_string(extents.size()) + " extent(s) were given");
        return d;
    }
    for (size_t k = 0; k < inputs.size(); ++k) {
        // At the bound, scaled to the actual extents (an extent outside the
        // bound is left for the generated code to refuse; read nothing then).
        size_t want = inputDims_[k].empty() ? inputBytes_[k] : inputUnit_[k];
        bool inBound = true;
        for (int dim : inputDims_[k]) {
            const int32_t e = extents[size_t(dim)];
            inBound = inBound && e >= dims_[size_t(dim)].min && e <= dims_[size_t(dim)].max;
            want *= size_t(std::max<int32_t>(0, e));
        }
        if (inBound && inputs[k].size() != want) {
            d.error("input " + std::to_string(k) + " has " + std::to_string(inputs[k].size()) +
                    " bytes but the tensor needs " + std::to_string(want))
                .tensor = inputNames_[k];
            return d;
        }
    }
    const fs::path dir = dir_;
    std::vector<std::string> run = {(dir / "model_run").string()};
    for (int32_t e : extents) run.push_back(std::to_string(e));
    for (size_t k = 0; k < inputs.size(); ++k) {
        const fs::path p = dir / ("input" + std::to_string(k) + ".bin");
        writeBytes(p, inputs[k]);
        run.push_back(p.string());
    }
    for (size_t j = 0; j < outputs_; ++j) run.push_back((dir / ("output" + std::to_string(j) + ".bin")).string());
    std::string log;
    const int rr = runProcess(run, &log, 600);
    if (rr != 0) {
        d.error("the generated code failed when run on the host (exit " + std::to_string(rr) + "):\n" + log);
        return d;
    }
    std::vector<std::vector<uint8_t>> outs;
    for (size_t j = 0; j < outputs_; ++j) {
        std::ifstream f(dir / ("output" + std::to_string(j) + ".bin"), std::ios::binary);
        outs.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    }
    return outs;
}

Result<std::vector<std::vector<std::vector<uint8_t>>>>
HostProgram::runSteps(const std::vector<std::vector<std::vector<uint8_t>>> &steps) const {
    Diagnostics d;
    if (!dims_.empty()) {
        d.error("a package with --dim runs one call at a time; use run() per call");
        return d;
    }
    if (steps.empty()) return std::vector<std::vector<std::vector<uint8_t>>>{};
    const fs::path dir = dir_;
    std::vector<std::string> cmd = {(dir / "model_run").string()};
    for (size_t s = 0; s < steps.size(); ++s) {
        if (steps[s].size() != inputBytes_.size()) {
            d.error("call " + std::to_string(s) + ": the model has " + std::to_string(inputBytes_.size()) +
                    " input(s) but " + std::to_string(steps[s].size()) + " were given");
            return d;
        }
        for (size_t k = 0; k < steps[s].size(); ++k) {
            if (steps[s][k].size() != inputBytes_[k]) {
                d.error("call " + std::to_string(s) + ": input " + std::to_string(k) + " has " +
                        std::to_string(steps[s][k].size()) + " bytes but the tensor needs " +
                        std::to_string(inputBytes_[k]))
                    .tensor = inputNames_[k];
                return d;
            }
            const fs::path p = dir / ("input" + std::to_string(k) + ".step" + std::to_string(s) + ".bin");
            writeBytes(p, steps[s][k]);
            cmd.push_back(p.string());
        }
        for (size_t j = 0; j < outputs_; ++j)
            cmd.push_back((dir / ("output" + std::to_string(j) + ".step" + std::to_string(s) + ".bin")).string());
    }
    std::string log;
    const int rr = runProcess(cmd, &log, 600);
    if (rr != 0) {
        d.error("the generated code failed when run on the host (exit " + std::to_string(rr) + "):\n" + log);
        return d;
    }
    std::vector<std::vector<std::vector<uint8_t>>> outs(steps.size());
    for (size_t s = 0; s < steps.size(); ++s)
        for (size_t j = 0; j < outputs_; ++j) {
            std::ifstream f(dir / ("output" + std::to_string(j) + ".step" + std::to_string(s) + ".bin"),
                            std::ios::binary);
            outs[s].emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
        }
    return outs;
}

Result<std::vector<std::vector<uint8_t>>> runGeneratedC(const Artifacts &a, const Graph &g,
                                                        const std::vector<std::vector<uint8_t>> &inputs,
                                                        const HostRunOptions &opts,
                                                        const std::vector<int32_t> &extents) {
    auto prog = HostProgram::build(a, g, opts);
    if (!prog) return prog.diagnostics();
    return prog->run(inputs, extents);
}

}  // namespace ember
