// emberc: the command-line twin of every studio action.
//
//   emberc inspect MODEL [--json]
//   emberc plan MODEL [compile options] [--json] [--check]
//   emberc compile MODEL -o DIR [compile options]
//   emberc run MODEL --input FILE... --output-dir DIR [--dump-dir D] [compile options]
//   emberc validate MODEL [--seed N] [--cases K] [compile options]
//   emberc example [NAME] -o FILE
//   emberc ops [--json | --markdown]
//   emberc boards | firmware | flash | profile ...   (see flashers/)
//
// Exit codes: 0 success, 1 the work failed (bad model, mismatch, build
// error), 2 bad command line.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/Compiler.h"
#include "core/OptionTable.h"
#include "core/builder/TfliteWriter.h"
#include "core/Text.h"
#include "core/codegen/JsonUtf8.h"
#include "core/import/TfliteImporter.h"
#include "core/passes/DynamicDims.h"
#include "core/plan/PlanChecker.h"
#include "core/ops/OpKernel.h"
#include "core/reference/Executor.h"
#include "core/validate/ChildProcesses.h"
#include "core/validate/HostRunner.h"
#include "ember/Version.h"
#include "core/validate/Validate.h"
#include "ExampleFiles.h"

#ifdef EMBER_HAVE_BOARDS
#include "flashers/BoardCommands.h"
#endif

using namespace ember;
using json = nlohmann::ordered_json;

namespace {

const char *kUsage =
    "usage: emberc COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  inspect MODEL [--json]             ops, tensors, parameters, MACs, memory lower bound\n"
    "  plan MODEL [options] [--json]      memory plan: every buffer's pool, offset and lifetime\n"
    "       [--check]                     ... and check it (no live buffers overlap unless shared in place)\n"
    "  compile MODEL -o DIR [--archive] [--force] [--depfile F] [options]\n"
    "                                     write the C package (include/, src/, metadata.json);\n"
    "                                     DIR must be new, empty or an earlier package (replaced\n"
    "                                     whole); --force writes into any other folder;\n"
    "                                     --archive also writes it as one DIR.tar;\n"
    "                                     --depfile writes F (Make/Ninja syntax): the package\n"
    "                                     files depend on MODEL and on emberc itself\n"
    "  run MODEL --input FILE... --output-dir DIR [--dump-dir D] [options]\n"
    "                                     build the generated C with the host compiler, run it on\n"
    "                                     raw little-endian inputs, write output<j>.bin; --dump-dir\n"
    "                                     also writes every tensor of the reference executor as\n"
    "                                     D/t<i>.bin + D/index.tsv (tflm_ref's --dump-dir layout)\n"
    "  validate MODEL [--seed N] [--cases K] [--input FILE|DIR|x.npy|random:SEED]\n"
    "           [--reference FLOAT.tflite] [--json] [options]\n"
    "                                     generated C vs the reference executor (bit-exact) and,\n"
    "                                     with --reference, the model vs its float original: per\n"
    "                                     output max abs error, MAE, RMSE, cosine, top-1, per layer\n"
    "  example [NAME] -o FILE             write one of Ember's own example models (.tflite)\n"
    "  example micro_speech_pipeline -o DIR\n"
    "                                     write an example firmware project: TFLM's audio front end\n"
    "                                     and a keyword model, two packages in one Cortex-M4 firmware\n"
    "  options [--markdown]               the compile options (as a Markdown table)\n"
    "  ops [--json | --markdown]          supported operators and their types\n"
#ifdef EMBER_HAVE_BOARDS
    "  boards | firmware | flash | profile  board commands (emberc boards --help)\n"
    "  serve | call | bisect              drive a board from the host (RPC; emberc serve --help)\n"
#endif
    "\n"
    "  --help, --version\n";

int usageError(const std::string &msg) {
    std::cerr << "emberc: " << msg << "\n(see emberc --help)\n";
    return 2;
}

int fail(const Diagnostics &d) {
    std::cerr << d.format();
    return 1;
}

bool readFile(const std::string &path, std::vector<uint8_t> *out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

bool writeFile(const std::string &path, const std::vector<uint8_t> &b) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    return f && f.write(reinterpret_cast<const char *>(b.data()), std::streamsize(b.size()));
}

json quantJson(const Tensor &t) {
    json q = json::object();
    if (t.quant.empty()) return q;
    q["scale"] = t.quant.scale;
    q["zero_point"] = t.quant.zeroPoint;
    if (t.quant.perChannel()) q["axis"] = t.quant.axis;
    return q;
}

int cmdInspect(const std::vector<std::string> &args) {
    bool asJson = false;
    std::string model;
    for (const auto &a : args) {
        if (a == "--json")
            asJson = true;
        else if (a.rfind("-", 0) == 0)
            return usageError("inspect: unknown option " + a);
        else if (model.empty())
            model = a;
        else
            return usageError("inspect takes one model");
    }
    if (model.empty()) return usageError("inspect: missing MODEL");
    auto g = loadModel(model);
    if (!g) return fail(g.diagnostics());
    const ModelSummary s = summarize(g.value());
    const Graph &G = g.value();
    if (asJson) {
        json j;
        j["model"] = model;
        j["name"] = G.name;
        auto io = [&](const std::vector<int> &idx) {
            json arr = json::array();
            for (int t : idx) {
                const Tensor &x = G.tensors[size_t(t)];
                json e;
                e["name"] = x.name;
                e["dtype"] = dtypeName(x.dtype);
                e["shape"] = x.shape;
                e["bytes"] = x.bytes();
                e["quantization"] = quantJson(x);
                arr.push_back(e);
            }
            return arr;
        };
        j["inputs"] = io(G.inputs);
        j["outputs"] = io(G.outputs);
        j["op_count"] = G.ops.size();
        j["op_counts"] = s.opCounts;
        j["tensor_count"] = G.tensors.size();
        j["parameters"] = s.parameters;
        j["parameter_bytes"] = s.parameterBytes;
        j["macs"] = s.macs;
        j["memory_lower_bound"] = s.lowerBound;
        json ops = json::array();
        for (const Op &op : G.ops) {
            json e;
            e["index"] = op.index;
            e["op"] = op.typeName;
            e["name"] = G.layerName(op);
            json ins = json::array(), outs = json::array();
            for (int i : op.inputs)
                if (i >= 0) ins.push_back(G.tensors[size_t(i)].name);
            for (int o : op.outputs) outs.push_back(G.tensors[size_t(o)].name);
            e["inputs"] = ins;
            e["outputs"] = outs;
            const OpKernel *k = findKernel(op.type);
            e["macs"] = k && k->macs ? k->macs(G, op) : 0;
            ops.push_back(e);
        }
        j["ops"] = ops;
        makeUtf8Safe(j);
        std::cout << j.dump(1) << "\n";
        return 0;
    }
    std::cout << "model        " << model << "\n";
    for (int t : G.inputs) {
        const Tensor &x = G.tensors[size_t(t)];
        std::cout << "input        '" << x.name << "' " << dtypeName(x.dtype) << " " << shapeString(x.shape);
        if (!x.quant.empty()) std::cout << " scale " << x.quant.sc() << " zero point " << x.quant.zp();
        std::cout << "\n";
    }
    for (int t : G.outputs) {
        const Tensor &x = G.tensors[size_t(t)];
        std::cout << "output       '" << x.name << "' " << dtypeName(x.dtype) << " " << shapeString(x.shape);
        if (!x.quant.empty()) std::cout << " scale " << x.quant.sc() << " zero point " << x.quant.zp();
        std::cout << "\n";
    }
    std::cout << "ops          " << G.ops.size() << " (";
    bool first = true;
    for (const auto &[n, c] : s.opCounts) {
        std::cout << (first ? "" : ", ") << n << " x" << c;
        first = false;
    }
    std::cout << ")\n";
    std::cout << "tensors      " << G.tensors.size() << "\n";
    std::cout << "parameters   " << s.parameters << " (" << s.parameterBytes << " bytes)\n";
    std::cout << "MACs         " << s.macs << "\n";
    std::cout << "lower bound  " << s.lowerBound << " bytes of activations (max live at one step, I/O included)\n\n";
    std::cout << "  #  op                  output                                    shape\n";
    for (const Op &op : G.ops) {
        char line[256];
        std::string name = G.layerName(op);
        if (name.size() > 40) name = "..." + name.substr(name.size() - 37);
        std::snprintf(line, sizeof line, "%3d  %-18s  %-40s  %s\n", op.index, op.typeName.c_str(), name.c_str(),
                      shapeString(G.out(op).shape).c_str());
        std::cout << line;
    }
    return 0;
}

// Splits compile options from the rest; returns false (after printing) on error.
bool takeCompileOptions(const std::vector<std::string> &args, CompileOptions &opts, std::vector<std::string> &rest,
                        int *rc) {
    Diagnostics d;
    if (!parseCompileArgs(args, opts, rest, d)) {
        std::cerr << "emberc: " << d.format();
        *rc = 2;
        return false;
    }
    return true;
}

int cmdPlan(const std::vector<std::string> &args) {
    CompileOptions opts;
    std::vector<std::string> rest;
    int rc = 0;
    if (!takeCompileOptions(args, opts, rest, &rc)) return rc;
    bool asJson = false, check = false;
    std::string model;
    for (const auto &a : rest) {
        if (a == "--json")
            asJson = true;
        else if (a == "--check")
            check = true;
        else if (a.rfind("-", 0) == 0)
            return usageError("plan: unknown option " + a);
        else
            model = a;
    }
    if (model.empty()) return usageError("plan: missing MODEL");
    auto g = loadModel(model, opts);
    if (!g) return fail(g.diagnostics());
    auto plan = planMemory(g.value(), opts.plan);
    if (!plan) return fail(plan.diagnostics());
    if (asJson) {
        json j;
        j["planner"] = plan->planner;
        j["lower_bound"] = plan->lowerBound;
        j["total_used"] = plan->totalUsed();
        json pools = json::array();
        for (size_t p = 0; p < plan->pools.size(); ++p)
            pools.push_back({{"name", plan->pools[p].name}, {"used", plan->poolUsed[p]}, {"capacity", plan->pools[p].size}});
        j["pools"] = pools;
        json bufs = json::array();
        for (const auto &b : plan->buffers)
        {
            json jb = {{"tensor", b.name}, {"pool", plan->pools[size_t(b.pool)].name}, {"offset", b.offset},
                       {"bytes", b.bytes}, {"first", b.first}, {"last", b.last}};
            if (const PlannedBuffer *o = b.sharesWith >= 0 ? plan->find(b.sharesWith) : nullptr)
                jb[b.share == ShareKind::Alias ? "alias_of" : "in_place_over"] = o->name;
            bufs.push_back(jb);
        }
        j["buffers"] = bufs;
        makeUtf8Safe(j);
        std::cout << j.dump(1) << "\n";
    } else {
        std::cout << plan->dump();
    }
    // --check: the plan checker (core/plan/PlanChecker.h) over the full plan.
    if (check) {
        const std::vector<std::string> v = checkPlan(g.value(), plan.value(), 50);
        for (const std::string &x : v) std::cerr << "emberc: plan check: " << x << "\n";
        if (!v.empty()) return 1;
        if (!asJson) std::cout << "plan check: ok (" << plan->buffers.size() << " buffers, " << plan->shares.size()
                               << " shared)\n";
    }
    return 0;
}

// A path in a Make/Ninja depfile: spaces and '#' backslash-escaped, '$' doubled.
std::string depfileEscape(const std::string &path) {
    std::string r;
    for (char c : path) {
        if (c == ' ' || c == '#') r += '\\';
        if (c == '$') r += '$';
        r += c;
    }
    return r;
}

// `compile --depfile F`: one rule naming every package file (as reached
// through -o DIR, the way the build names them) and what they depend on: the
// model and emberc itself. Written atomically, after the package.
bool writeDepfile(const std::string &depfile, const std::string &outDir, const Artifacts &art, const std::string &model) {
    std::string dir = outDir;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    std::string text;
    for (const auto &f : art.files) text += (text.empty() ? "" : " \\\n  ") + depfileEscape(dir + "/" + f.first);
    text += ": \\\n  " + depfileEscape(model);
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && !self.empty()) text += " \\\n  " + depfileEscape(self.string());
    text += "\n";
    const std::string tmp = depfile + ".tmp";
    if (std::filesystem::path(depfile).has_parent_path())
        std::filesystem::create_directories(std::filesystem::path(depfile).parent_path(), ec);
    if (!writeFile(tmp, std::vector<uint8_t>(text.begin(), text.end()))) {
        std::cerr << "emberc: cannot write the depfile '" << depfile << "'; check that its folder exists and is writable\n";
        return false;
    }
    std::filesystem::rename(tmp, depfile, ec);
    if (ec) {
        std::cerr << "emberc: cannot write the depfile '" << depfile << "': " << ec.message() << "\n";
        return false;
    }
    return true;
}

int cmdCompile(const std::vector<std::string> &args) {
    CompileOptions opts;
    std::vector<std::string> rest;
    int rc = 0;
    if (!takeCompileOptions(args, opts, rest, &rc)) return rc;
    std::string model, out;
    std::string depfile;
    bool archive = false, force = false;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == "--depfile") {
            if (i + 1 >= rest.size()) return usageError("compile: --depfile needs a file name");
            depfile = rest[++i];
        } else if (rest[i] == "--archive") {
            archive = true;
        } else if (rest[i] == "--force") {
            force = true;
        } else if (rest[i] == "-o" || rest[i] == "--output") {
            if (i + 1 >= rest.size()) return usageError("compile: -o needs a directory");
            out = rest[++i];
        } else if (rest[i].rfind("-", 0) == 0) {
            return usageError("compile: unknown option " + rest[i]);
        } else if (model.empty()) {
            model = rest[i];
        } else {
            return usageError("compile takes one model");
        }
    }
    if (model.empty()) return usageError("compile: missing MODEL");
    if (out.empty()) return usageError("compile: missing -o DIR");
    auto g = loadModel(model, opts);
    if (!g) return fail(g.diagnostics());
    auto art = compile(g.value(), opts);
    if (!art) return fail(art.diagnostics());
    Diagnostics d;
    if (!art->writePackage(out, d, force)) return fail(d);
    if (archive) {
        std::string tarPath = out;
        while (tarPath.size() > 1 && tarPath.back() == '/') tarPath.pop_back();
        tarPath += ".tar";
        if (!writeFile(tarPath, art->toTar())) {
            std::cerr << tarPath << ": cannot write the archive\n";
            return 1;
        }
        std::cout << "wrote " << tarPath << "\n";
    }
    if (!depfile.empty() && !writeDepfile(depfile, out, *art, model)) return 1;
    std::cout << "wrote " << out << ": " << art->files.size() << " files, " << art->codeLines << " lines; workspace "
              << art->plan.totalUsed() << " bytes (lower bound " << art->plan.lowerBound << "), constants "
              << art->constantBytes << " bytes\n";
    return 0;
}

// TFLite's name of a type, as tflm_ref writes it in index.tsv.
const char *tfliteTypeName(DType t) {
    switch (t) {
    case DType::Float32: return "FLOAT32";
    case DType::Int8: return "INT8";
    case DType::UInt8: return "UINT8";
    case DType::Int16: return "INT16";
    case DType::Int32: return "INT32";
    case DType::Int64: return "INT64";
    case DType::Bool: return "BOOL";
    case DType::UInt32: return "UINT32";
    case DType::UInt64: return "UINT64";
    }
    return "?";
}

// Writes every tensor the reference executor computed in tflm_ref's
// --dump-dir layout: D/t<i>.bin (i = the tensor's index in the model file;
// the passes never renumber tensors) and D/index.tsv with one line per
// tensor: index, name, type, shape, scale, zero point, producing op index
// (-1: none), op name ("-"). The producing op comes from the model as
// written (before constant folding and dead-code removal); a tensor only a
// removed (dead) op produces has no .bin file.
bool writeDump(const std::string &modelPath, const Graph &g, const Buffers &buf, const std::string &dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::vector<std::pair<int, std::string>> producer(g.tensors.size(), {-1, "-"});
    auto original = importTflite(modelPath);
    if (original)
        for (const Op &op : original->ops)
            for (int o : op.outputs)
                if (o >= 0 && size_t(o) < producer.size()) producer[size_t(o)] = {op.index, op.typeName};
    std::vector<bool> computed(g.tensors.size(), false);
    for (size_t i = 0; i < g.tensors.size(); ++i) computed[i] = g.tensors[i].isConst;
    for (int i : g.inputs) computed[size_t(i)] = true;
    for (const Op &op : g.ops)
        for (int o : op.outputs)
            if (o >= 0) computed[size_t(o)] = true;
    std::ofstream index(dir + "/index.tsv", std::ios::trunc);
    if (!index) return false;
    for (size_t i = 0; i < g.tensors.size(); ++i) {
        const Tensor &t = g.tensors[i];
        std::string shape;
        for (size_t k = 0; k < t.shape.size(); ++k) shape += (k ? "," : "") + std::to_string(t.shape[k]);
        char scale[32];
        std::snprintf(scale, sizeof scale, "%.9g", double(t.quant.sc()));
        index << i << "\t" << t.name << "\t" << tfliteTypeName(t.dtype) << "\t" << shape << "\t" << scale << "\t"
              << t.quant.zp() << "\t" << producer[i].first << "\t" << producer[i].second << "\n";
        if (computed[i] && buf[i].size() == t.bytes() &&
            !writeFile(dir + "/t" + std::to_string(i) + ".bin", buf[i]))
            return false;
    }
    return bool(index);
}

int cmdRun(const std::vector<std::string> &args) {
    CompileOptions opts;
    std::vector<std::string> rest;
    int rc = 0;
    if (!takeCompileOptions(args, opts, rest, &rc)) return rc;
    std::string model, outDir, dumpDir;
    std::vector<std::string> inputs;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == "--dump-dir") {
            if (i + 1 >= rest.size()) return usageError("run: --dump-dir needs a directory");
            dumpDir = rest[++i];
        } else if (rest[i] == "--input") {
            // Consumes every following non-option argument.
            while (i + 1 < rest.size() && rest[i + 1].rfind("--", 0) != 0) inputs.push_back(rest[++i]);
        } else if (rest[i] == "--output-dir") {
            if (i + 1 >= rest.size()) return usageError("run: --output-dir needs a directory");
            outDir = rest[++i];
        } else if (rest[i].rfind("-", 0) == 0) {
            return usageError("run: unknown option " + rest[i]);
        } else if (model.empty()) {
            model = rest[i];
        } else {
            return usageError("run: unexpected argument '" + rest[i] + "' (inputs follow --input)");
        }
    }
    if (model.empty()) return usageError("run: missing MODEL");
    if (outDir.empty()) return usageError("run: missing --output-dir DIR");
    auto g = loadModel(model, opts);
    if (!g) return fail(g.diagnostics());
    if (inputs.size() != g->inputs.size())
        return usageError("run: the model has " + std::to_string(g->inputs.size()) + " input(s); " +
                          std::to_string(inputs.size()) + " --input file(s) given");
    std::vector<std::vector<uint8_t>> data;
    for (const auto &p : inputs) {
        std::vector<uint8_t> b;
        if (!readFile(p, &b)) {
            std::cerr << p << ": cannot read input file\n";
            return 1;
        }
        data.push_back(std::move(b));
    }
    auto art = compile(g.value(), opts);
    if (!art) return fail(art.diagnostics());
    auto outs = runGeneratedC(art.value(), g.value(), data);
    if (!outs) return fail(outs.diagnostics());
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    for (size_t j = 0; j < outs->size(); ++j) {
        const std::string p = outDir + "/output" + std::to_string(j) + ".bin";
        if (!writeFile(p, outs.value()[j])) {
            std::cerr << p << ": cannot write output file\n";
            return 1;
        }
        std::cout << "wrote " << p << " (" << outs.value()[j].size() << " bytes)\n";
    }
    if (!dumpDir.empty()) {
        auto all = runReferenceAll(g.value(), data);
        if (!all) return fail(all.diagnostics());
        if (!writeDump(model, g.value(), all.value(), dumpDir)) {
            std::cerr << dumpDir << ": cannot write the tensor dump\n";
            return 1;
        }
        std::cout << "wrote " << dumpDir << "/index.tsv and " << g->tensors.size() << " tensor(s)\n";
    }
    return 0;
}

double maxAbsDiff(const Tensor &t, const std::vector<uint8_t> &a, const std::vector<uint8_t> &b, double *range) {
    double m = 0, lo = 1e300, hi = -1e300;
    const size_t n = size_t(t.elements());
    for (size_t i = 0; i < n; ++i) {
        double x = 0, y = 0;
        switch (t.dtype) {
        case DType::Float32: { float p, q; std::memcpy(&p, &a[i * 4], 4); std::memcpy(&q, &b[i * 4], 4); x = p; y = q; break; }
        case DType::Int8: x = int8_t(a[i]); y = int8_t(b[i]); break;
        case DType::UInt8: case DType::Bool: x = a[i]; y = b[i]; break;
        case DType::Int16: { int16_t p, q; std::memcpy(&p, &a[i * 2], 2); std::memcpy(&q, &b[i * 2], 2); x = p; y = q; break; }
        case DType::Int32: { int32_t p, q; std::memcpy(&p, &a[i * 4], 4); std::memcpy(&q, &b[i * 4], 4); x = p; y = q; break; }
        case DType::Int64: { int64_t p, q; std::memcpy(&p, &a[i * 8], 8); std::memcpy(&q, &b[i * 8], 8); x = double(p); y = double(q); break; }
        case DType::UInt32: { uint32_t p, q; std::memcpy(&p, &a[i * 4], 4); std::memcpy(&q, &b[i * 4], 4); x = p; y = q; break; }
        case DType::UInt64: { uint64_t p, q; std::memcpy(&p, &a[i * 8], 8); std::memcpy(&q, &b[i * 8], 8); x = double(p); y = double(q); break; }
        }
        if (std::isnan(x) != std::isnan(y)) return INFINITY;
        m = std::max(m, std::fabs(x - y));
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    *range = n ? hi - lo : 0;
    return m;
}

json metricsJson(const ErrorMetrics &m) {
    json j;
    j["max_abs_error"] = m.maxAbs;
    j["mae"] = m.mae;
    j["rmse"] = m.rmse;
    j["cosine"] = m.cosine;
    j["top1_agreement"] = m.top1() < 0 ? json(nullptr) : json(m.top1());
    j["elements"] = m.count;
    return j;
}

std::string metricsText(const ErrorMetrics &m) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "max abs %-10.4g MAE %-10.4g RMSE %-10.4g cosine %.6f  top-1 %s", m.maxAbs, m.mae,
                  m.rmse, m.cosine, m.top1() < 0 ? "n/a" : (std::to_string(int(std::lround(100 * m.top1()))) + "%").c_str());
    return buf;
}

// validate without --dim: the metrics report (core/validate/Validate.h).
int validateWithMetrics(const Graph &g, const Artifacts &art, const std::string &model, std::string inputSpec,
                        const std::string &reference, uint64_t seed, int cases, bool asJson) {
    if (inputSpec.empty()) inputSpec = "random:" + std::to_string(seed);
    auto in = loadValidationInputs(g, inputSpec, cases);
    if (!in) return fail(in.diagnostics());
    std::optional<Graph> floatModel;
    if (!reference.empty()) {
        auto f = loadModel(reference);
        if (!f) return fail(f.diagnostics());
        floatModel = std::move(f.value());
    }
    auto rep = validateBuild(g, art, in.value(), floatModel ? &*floatModel : nullptr);
    if (!rep) return fail(rep.diagnostics());
    const ValidationReport &r = rep.value();
    if (asJson) {
        json j;
        j["model"] = model;
        j["input"] = inputSpec;
        j["reference"] = reference.empty() ? json(nullptr) : json(reference);
        j["cases"] = r.cases;
        j["bit_exact"] = r.bitExact;
        json outs = json::array();
        for (const OutputReport &o : r.outputs) {
            json e;
            e["name"] = o.name;
            e["mismatched_bytes"] = o.mismatchedBytes;
            e["generated_vs_reference_executor"] = metricsJson(o.generated);
            e["vs_float"] = o.hasFloat ? metricsJson(o.vsFloat) : json(nullptr);
            outs.push_back(e);
        }
        j["outputs"] = outs;
        json layers = json::array();
        for (const LayerReport &l : r.layers) {
            json e = metricsJson(l.vsFloat);
            e["op_index"] = l.opIndex;
            e["op"] = l.opName;
            e["tensor"] = l.tensor;
            e["float_tensor"] = l.floatTensor;
            layers.push_back(e);
        }
        j["layers"] = layers;
        std::cout << j.dump(2) << "\n";
        return r.bitExact ? 0 : 1;
    }
    std::printf("%s: %d case(s) from %s\n", model.c_str(), r.cases, inputSpec.c_str());
    for (const OutputReport &o : r.outputs) {
        std::printf("output '%s'\n  generated C vs reference executor (bit-exact required): %s\n", o.name.c_str(),
                    o.mismatchedBytes ? ("MISMATCH, " + std::to_string(o.mismatchedBytes) + " byte(s) differ").c_str()
                                      : "bit-exact");
        if (o.hasFloat) std::printf("  vs float %s: %s\n", reference.c_str(), metricsText(o.vsFloat).c_str());
    }
    if (!r.layers.empty()) {
        std::printf("per layer vs float (%zu corresponding layers):\n", r.layers.size());
        std::printf("  %-4s %-22s %-40s %s\n", "op", "type", "tensor", "error");
        for (const LayerReport &l : r.layers)
            std::printf("  %-4d %-22s %-40s %s\n", l.opIndex, l.opName.c_str(), l.tensor.substr(0, 40).c_str(),
                        metricsText(l.vsFloat).c_str());
    }
    std::printf("%s: generated C %s the reference executor on %d %scase(s)\n", model.c_str(),
                r.bitExact ? "matches" : "DOES NOT match", r.cases, inputSpec.rfind("random", 0) == 0 ? "seeded " : "");
    return r.bitExact ? 0 : 1;
}

int cmdValidate(const std::vector<std::string> &args) {
    CompileOptions opts;
    std::vector<std::string> rest;
    int rc = 0;
    if (!takeCompileOptions(args, opts, rest, &rc)) return rc;
    std::string model, inputSpec, reference;
    bool asJson = false;
    uint64_t seed = 1;
    int cases = 3;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == "--input" || rest[i] == "--reference") {
            const std::string opt = rest[i];
            if (i + 1 >= rest.size()) return usageError("validate: " + opt + " needs a value");
            (opt == "--input" ? inputSpec : reference) = rest[++i];
        } else if (rest[i] == "--json") {
            asJson = true;
        } else if (rest[i] == "--seed" || rest[i] == "--cases") {
            const std::string opt = rest[i];
            if (i + 1 >= rest.size()) return usageError("validate: " + opt + " needs a value");
            long long n = 0;
            const bool isSeed = opt == "--seed";
            if (!parseInteger(rest[++i], isSeed ? 0 : 1, isSeed ? (1LL << 62) : 100000, &n))
                return usageError("validate: " + opt + " '" + rest[i] + "' is not a whole number" +
                                  (isSeed ? " (0 or more)" : " between 1 and 100000"));
            if (isSeed) seed = uint64_t(n);
            else cases = int(n);
        } else if (rest[i].rfind("-", 0) == 0) {
            return usageError("validate: unknown option " + rest[i]);
        } else {
            model = rest[i];
        }
    }
    if (model.empty()) return usageError("validate: missing MODEL");
    auto g = loadModel(model, opts);
    if (!g) return fail(g.diagnostics());
    auto art = compile(g.value(), opts);
    if (!art) return fail(art.diagnostics());
    if (opts.dims.empty()) return validateWithMetrics(g.value(), art.value(), model, inputSpec, reference, seed, cases, asJson);
    if (!inputSpec.empty() || !reference.empty() || asJson)
        return usageError("validate: --input, --reference and --json are not available with --dim yet; "
                          "validate a fixed-shape build (without --dim)");
    auto prog = HostProgram::build(art.value(), g.value());
    if (!prog) return fail(prog.diagnostics());
    // The graphs to compare against: the model itself or, with --dim, the
    // model resized to the bound's minimum, middle and maximum.
    std::vector<std::pair<std::string, Graph>> variants;
    if (opts.dims.empty()) {
        variants.emplace_back("", g.value());
    } else {
        DynamicShapes shapes;
        auto bounded = boundDynamicDims(g.value(), opts.dims, &shapes);
        if (!bounded) return fail(bounded.diagnostics());
        std::set<std::vector<int32_t>> seen;
        for (int pick = 0; pick < 3; ++pick) {
            std::vector<int32_t> ext;
            for (const DimSpec &dim : shapes.dims)
                ext.push_back(pick == 0 ? dim.min : pick == 1 ? (dim.min + dim.max) / 2 : dim.max);
            if (!seen.insert(ext).second) continue;
            Graph gt = bounded.value();
            Diagnostics d;
            if (!resizeDynamicDims(gt, shapes, ext, d)) return fail(d);
            std::string label = " extent";
            for (int32_t e : ext) label += " " + std::to_string(e);
            variants.emplace_back(label, std::move(gt));
        }
    }
    bool ok = true;
    for (const auto &[label, G] : variants)
    for (int c = 0; c < cases; ++c) {
        const std::vector<std::vector<uint8_t>> in = randomCase(G, seed, c);
        auto ref = runReference(G, in);
        if (!ref) return fail(ref.diagnostics());
        auto gen = prog->run(in);
        if (!gen) return fail(gen.diagnostics());
        for (size_t j = 0; j < G.outputs.size(); ++j) {
            const Tensor &t = G.tensors[size_t(G.outputs[j])];
            double range = 0;
            const double diff = maxAbsDiff(t, ref.value()[j], gen.value()[j], &range);
            const bool isFloat = t.dtype == DType::Float32;
            const bool pass = isFloat ? diff <= 1e-4 * std::max(range, 1e-6) : diff == 0;
            ok = ok && pass;
            std::printf("case %d%s output %zu '%s': max abs difference %g%s  %s\n", c, label.c_str(), j,
                        t.name.c_str(), diff, isFloat ? " (tolerance 1e-4 of range)" : " (bit-exact required)",
                        pass ? "ok" : "MISMATCH");
        }
    }
    cases *= int(variants.size());
    std::printf("%s: generated C %s the reference executor on %d seeded case(s)\n", model.c_str(),
                ok ? "matches" : "DOES NOT match", cases);
    return ok ? 0 : 1;
}

// `emberc example micro_speech_pipeline -o DIR`: an example project
// (examples/<name>/, embedded into emberc) plus the models Ember's builder
// makes for it.
bool isExampleProject(const std::string &name) {
    for (size_t i = 0; i < kExampleFileCount; ++i)
        if (std::string(kExampleFiles[i].path).rfind(name + "/", 0) == 0) return true;
    return false;
}

int writeExampleProject(const std::string &name, const std::string &dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    int count = 0;
    for (size_t i = 0; i < kExampleFileCount; ++i) {
        const std::string path = kExampleFiles[i].path;
        if (path.rfind(name + "/", 0) != 0) continue;
        const fs::path out = fs::path(dir) / path.substr(name.size() + 1);
        fs::create_directories(out.parent_path(), ec);
        std::ofstream f(out, std::ios::binary);
        f.write(reinterpret_cast<const char *>(kExampleFiles[i].data), std::streamsize(kExampleFiles[i].size));
        if (!f) {
            std::cerr << out.string() << ": cannot write file; check that " << dir << " is writable\n";
            return 1;
        }
        ++count;
    }
    if (name == "micro_speech_pipeline") {
        auto g = makeExampleModel("micro_speech_kws");
        if (!g) return fail(g.diagnostics());
        const std::string kws = (fs::path(dir) / "kws.tflite").string();
        if (!writeFile(kws, writeTflite(g.value()))) {
            std::cerr << kws << ": cannot write file\n";
            return 1;
        }
        ++count;
    }
    std::cout << "wrote " << dir << " (example project '" << name << "', " << count
              << " files); see its README.md\n";
    return 0;
}

int cmdExample(const std::vector<std::string> &args) {
    std::string name = "ember_demo", out;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size())
            out = args[++i];
        else if (args[i] == "--list") {
            for (const auto &n : exampleModelNames()) std::cout << n << "\n";
            std::cout << "micro_speech_pipeline (a project folder)\n";
            return 0;
        } else if (args[i].rfind("-", 0) == 0)
            return usageError("example: unknown option " + args[i]);
        else
            name = args[i];
    }
    if (out.empty()) return usageError("example: missing -o FILE");
    if (isExampleProject(name)) return writeExampleProject(name, out);
    auto g = makeExampleModel(name);
    if (!g) return fail(g.diagnostics());
    if (!writeFile(out, writeTflite(g.value()))) {
        std::cerr << out << ": cannot write file\n";
        return 1;
    }
    std::cout << "wrote " << out << " (example model '" << name << "', " << g->ops.size() << " ops)\n";
    return 0;
}

// The operator table comes from the kernel registry, so it never drifts
// from what the compiler accepts.
int cmdOps(const std::vector<std::string> &args) {
    bool asJson = false, markdown = false;
    for (const auto &a : args) {
        if (a == "--json")
            asJson = true;
        else if (a == "--markdown")
            markdown = true;
        else
            return usageError("ops: unexpected argument '" + a + "'");
    }
    const auto ops = supportedOperators();
    if (asJson) {
        json j = json::array();
        for (const SupportedOperator &o : ops) j.push_back({{"op", o.name}, {"dtypes", o.types}});
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    if (markdown) {
        // The README's operator table (scripts/update_readme.py ops).
        std::cout << "| operator | types |\n|---|---|\n";
        std::vector<std::pair<std::string, std::string>> rows;
        for (const SupportedOperator &o : ops) rows.push_back({o.name, o.types});
        std::sort(rows.begin(), rows.end());
        for (const auto &[op, types] : rows) std::cout << "| " << op << " | " << types << " |\n";
        return 0;
    }
    size_t width = 0;
    for (const SupportedOperator &o : ops) width = std::max(width, o.name.size());
    for (const SupportedOperator &o : ops)
        std::cout << o.name << std::string(width + 2 - o.name.size(), ' ') << o.types << "\n";
    return 0;
}

int mainImpl(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string cmd = args[0];
    args.erase(args.begin());
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::cout << kUsage << "\n" << compileOptionsHelp();
#ifdef EMBER_HAVE_BOARDS
        std::cout << "\n" << boardCommandsHelp();
#endif
        return 0;
    }
    if (cmd == "--version") {
        std::cout << "emberc " << EMBER_VERSION << " (commit " << EMBER_GIT_COMMIT << ")\n";
        return 0;
    }
    for (const auto &a : args)
        if (a == "--help" || a == "-h") {
#ifdef EMBER_HAVE_BOARDS
            if (isBoardCommand(cmd)) break;
#endif
            std::cout << kUsage << "\n" << compileOptionsHelp();
            return 0;
        }
    if (cmd == "inspect") return cmdInspect(args);
    if (cmd == "plan") return cmdPlan(args);
    if (cmd == "compile") return cmdCompile(args);
    if (cmd == "run") return cmdRun(args);
    if (cmd == "validate") return cmdValidate(args);
    if (cmd == "example") return cmdExample(args);
    if (cmd == "options") {
        // The compile option table: --help's text, or Markdown (README).
        if (args.size() > 1 || (args.size() == 1 && args[0] != "--markdown"))
            return usageError("options: the only argument is --markdown");
        std::cout << (args.empty() ? compileOptionsHelp() : compileOptionsMarkdown());
        return 0;
    }
    if (cmd == "ops") return cmdOps(args);
#ifdef EMBER_HAVE_BOARDS
    if (isBoardCommand(cmd)) return runBoardCommand(cmd, args, std::cout, std::cerr);
#endif
    return usageError("unknown command '" + cmd + "'");
}

}  // namespace

int main(int argc, char **argv) {
    // The core reports errors as diagnostics; this is the last net for
    // anything else (e.g. an exception from a library), so emberc never
    // aborts with an uncaught exception.
    // Ctrl-C / SIGTERM: every child process group (compiler, QEMU, gdb,
    // OpenOCD) is killed and temporary folders are removed.
    children::installInterruptHandlers();
    try {
        const int rc = mainImpl(argc, argv);
        if (!children::interruptExitCode()) return rc;
        children::removeAllTempDirs();
        std::cerr << "emberc: interrupted\n";
        return children::interruptExitCode();
    } catch (const std::exception &e) {
        std::cerr << "emberc: internal error: " << utf8Safe(e.what()) << "\n";
    } catch (...) {
        std::cerr << "emberc: internal error: unknown exception\n";
    }
    return 1;
}
