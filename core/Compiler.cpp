#include "Compiler.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "Text.h"
#include "import/TfliteImporter.h"
#include "ops/OpKernel.h"
#include "passes/Passes.h"

namespace ember {

namespace {

// Nothing may throw through the core API (Diagnostics.h): an exception from
// inside (a library, a broken invariant, out of memory) becomes one
// "internal error" diagnostic at the entry point instead of std::terminate.
std::string internalErrorMessage(const char *what) {
    return "internal error: " + utf8Safe(what ? what : "unknown exception") + "; please report it with the model";
}

template <class F>
auto guarded(const std::string &file, F &&body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception &e) {
        Diagnostics d;
        d.setFile(utf8Safe(file));
        d.error(internalErrorMessage(e.what()));
        return d;
    } catch (...) {
        Diagnostics d;
        d.setFile(utf8Safe(file));
        d.error(internalErrorMessage(nullptr));
        return d;
    }
}

// What the generated C can hold on a 32-bit microcontroller: loops index
// tensors with int32_t and pools are single static arrays, so no tensor may
// reach 2^31 elements or bytes and no pool may pass 2^31 - 1 bytes.
constexpr uint64_t kMaxObjectBytes = 0x7FFFFFFFull;

bool checkTensorSizes(const Graph &g, Diagnostics &d) {
    for (const Tensor &t : g.tensors) {
        const int64_t n = t.elements();
        if (n < 0) continue;
        const uint64_t bytes = uint64_t(n) * uint64_t(dtypeSize(t.dtype));
        if (uint64_t(n) > kMaxObjectBytes || bytes > kMaxObjectBytes) {
            d.error("the tensor has " + std::to_string(n) + " elements (" + std::to_string(bytes) +
                    " bytes); generated code holds at most 2147483647 elements and bytes per tensor "
                    "(int32_t indices, 32-bit targets); reduce the model's tensor sizes")
                .tensor = t.name;
            return false;
        }
    }
    return true;
}

bool checkPoolSizes(const MemoryPlan &plan, Diagnostics &d) {
    for (size_t p = 0; p < plan.pools.size() && p < plan.poolUsed.size(); ++p)
        if (plan.poolUsed[p] > kMaxObjectBytes) {
            d.error("pool '" + plan.pools[p].name + "' needs " + std::to_string(plan.poolUsed[p]) +
                    " bytes; a pool holds at most 2147483647 bytes (one array on a 32-bit target); "
                    "reduce the model's activations or split them over several pools (--pool, --pin)");
            return false;
        }
    return true;
}

Result<Graph> loadModelImpl(const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        d.error("no such model file; check the path");
        return d;
    }
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".onnx") {
        d.error("ONNX models are not supported yet; convert the model to TFLite (int8 or float32)");
        return d;
    }
    auto g = importTflite(path);
    if (!g) return g;
    if (!runPasses(g.value(), d)) return d;
    return g;
}

Result<Artifacts> compileImpl(const Graph &g, const CompileOptions &opts) {
    // Kernels read their prepared params: a graph that skipped the passes
    // is a caller error, reported rather than thrown.
    for (const Op &op : g.ops)
        if (!op.params.has_value()) {
            Diagnostics d;
            d.setFile(g.sourcePath);
            Diagnostic &e = d.error("the graph has not been prepared; run the passes first (ember::loadModel does)");
            e.opIndex = op.index;
            e.opName = op.typeName;
            return d;
        }
    // import → check → passes happened in loadModel; here: plan → emit.
    if (!opts.dims.empty()) {
        // Dynamic dims: plan and generate the graph resized to its bound.
        auto bounded = boundDynamicDims(g, opts.dims, nullptr);
        if (!bounded) return bounded.diagnostics();
        Diagnostics d;
        d.setFile(g.sourcePath);
        if (!checkTensorSizes(bounded.value(), d)) return d;
        auto plan = planMemory(bounded.value(), opts.plan);
        if (!plan) return plan.diagnostics();
        if (!checkPoolSizes(plan.value(), d)) return d;
        return generateC(bounded.value(), plan.value(), opts);
    }
    Diagnostics d;
    d.setFile(g.sourcePath);
    if (!checkTensorSizes(g, d)) return d;
    auto plan = planMemory(g, opts.plan);
    if (!plan) return plan.diagnostics();
    if (!checkPoolSizes(plan.value(), d)) return d;
    return generateC(g, plan.value(), opts);
}

}  // namespace

Result<Graph> loadModel(const std::string &path) {
    return guarded(path, [&] { return loadModelImpl(path); });
}

Result<Artifacts> compile(const Graph &g, const CompileOptions &opts) {
    return guarded(g.sourcePath, [&] { return compileImpl(g, opts); });
}

namespace {

ModelSummary summarizeImpl(const Graph &g) {
    ModelSummary s;
    for (const Tensor &t : g.tensors)
        if (t.isConst) {
            s.parameters += t.elements();
            s.parameterBytes += int64_t(t.bytes());
        }
    for (const Op &op : g.ops) {
        ++s.opCounts[op.typeName];
        const OpKernel *k = findKernel(op.type);
        if (k && k->macs && op.params.has_value()) s.macs += k->macs(g, op);
    }
    s.lowerBound = activationLowerBound(g);
    return s;
}

}  // namespace

ModelSummary summarize(const Graph &g) {
    try {
        return summarizeImpl(g);
    } catch (...) {
        return ModelSummary{};  // statistics are informative only; compile reports the error
    }
}


namespace {

// Beyond a page, alignment only wastes memory (and --align 1G would pad
// every buffer to a gigabyte).
constexpr size_t kMaxAlign = 4096;

bool parseSize(const std::string &s, size_t *out) {
    if (s.empty()) return false;
    size_t mult = 1;
    std::string num = s;
    const char last = char(std::toupper(static_cast<unsigned char>(s.back())));
    if (last == 'K' || last == 'M') {
        mult = last == 'K' ? 1024 : 1024 * 1024;
        num.pop_back();
    }
    if (num.empty() || num.find_first_not_of("0123456789") != std::string::npos || num.size() > 12) return false;
    *out = std::stoull(num) * mult;
    return true;
}

bool parsePool(const std::string &spec, PoolSpec &p, Diagnostics &d) {
    // NAME:SIZE[:section=S][:align=A]
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t i = 0; i <= spec.size(); ++i)
        if (i == spec.size() || spec[i] == ':') {
            parts.push_back(spec.substr(start, i - start));
            start = i + 1;
        }
    if (parts.size() < 2 || parts[0].empty()) {
        d.error("--pool '" + spec + "': expected NAME:SIZE[:section=S][:align=A], e.g. --pool dtcm:64K:section=.dtcm");
        return false;
    }
    p.name = utf8Safe(parts[0]);
    if (!parseSize(parts[1], &p.size)) {
        d.error("--pool '" + spec + "': size '" + parts[1] + "' is not a number of bytes (suffix K or M allowed)");
        return false;
    }
    if (p.size > kMaxObjectBytes) {
        d.error("--pool '" + spec + "': size " + std::to_string(p.size) +
                " is larger than a pool can be (2147483647 bytes, one array on a 32-bit target)");
        return false;
    }
    for (size_t i = 2; i < parts.size(); ++i) {
        const std::string &kv = parts[i];
        if (kv.rfind("section=", 0) == 0) {
            p.section = kv.substr(8);
        } else if (kv.rfind("align=", 0) == 0) {
            size_t a = 0;
            if (!parseSize(kv.substr(6), &a) || a == 0 || (a & (a - 1)) || a > kMaxAlign) {
                d.error("--pool '" + spec + "': align must be a power of two between 1 and " + std::to_string(kMaxAlign));
                return false;
            }
            p.align = a;
        } else {
            d.error("--pool '" + spec + "': unknown field '" + kv + "' (expected section=S or align=A)");
            return false;
        }
    }
    return true;
}

}  // namespace

namespace {

bool parseCompileArgsImpl(const std::vector<std::string> &args, CompileOptions &opts, std::vector<std::string> &rest,
                          Diagnostics &d) {
    bool poolsGiven = false, appPools = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](std::string *out) {
            const auto eq = a.find('=');
            if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
                *out = a.substr(eq + 1);
                return true;
            }
            if (i + 1 >= args.size()) {
                d.error("option " + a + " needs a value");
                return false;
            }
            *out = args[++i];
            return true;
        };
        auto is = [&](const char *name) { return a == name || a.rfind(std::string(name) + "=", 0) == 0; };
        std::string v;
        if (is("--name")) {
            if (!value(&v)) return false;
            opts.name = v;
        } else if (is("--planner")) {
            if (!value(&v)) return false;
            const auto names = plannerNames();
            if (std::find(names.begin(), names.end(), v) == names.end()) {
                std::string list;
                for (const auto &n : names) list += (list.empty() ? "" : ", ") + n;
                d.error("unknown planner '" + v + "'; choose one of: " + list);
                return false;
            }
            opts.plan.planner = v;
        } else if (is("--align")) {
            if (!value(&v)) return false;
            size_t al = 0;
            if (!parseSize(v, &al) || al == 0 || (al & (al - 1)) || al > kMaxAlign) {
                d.error("--align " + v + ": must be a power of two between 1 and " + std::to_string(kMaxAlign) +
                        " (e.g. 4, 8, 16)");
                return false;
            }
            opts.plan.align = al;
            for (auto &p : opts.plan.pools) p.align = std::max(p.align, al);
        } else if (is("--pool")) {
            if (!value(&v)) return false;
            PoolSpec p;
            p.align = opts.plan.align;
            if (!parsePool(v, p, d)) return false;
            if (!poolsGiven) opts.plan.pools.clear();
            poolsGiven = true;
            for (const auto &q : opts.plan.pools)
                if (q.name == p.name) {
                    d.error("--pool " + p.name + " is given twice");
                    return false;
                }
            opts.plan.pools.push_back(p);
        } else if (is("--pin")) {
            if (!value(&v)) return false;
            const auto eq = v.rfind('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
                d.error("--pin '" + v + "': expected TENSOR=POOL");
                return false;
            }
            // Tensor names are carried as utf8Safe text (import): so are the pins.
            opts.plan.pins[utf8Safe(v.substr(0, eq))] = utf8Safe(v.substr(eq + 1));
        } else if (is("--operators")) {
            if (!value(&v)) return false;
            if (v != "unpacked" && v != "packed") {
                d.error("--operators " + v + ": choose unpacked or packed");
                return false;
            }
            opts.operators = v == "packed" ? OperatorsMode::Packed : OperatorsMode::Unpacked;
        } else if (is("--interface-api")) {
            if (!value(&v)) return false;
            if (v != "c" && v != "packed") {
                d.error("--interface-api " + v + ": choose c or packed");
                return false;
            }
            opts.interfaceApi = v == "packed" ? InterfaceApi::Packed : InterfaceApi::C;
        } else if (a == "--packed-wrappers") {
            opts.packedWrappers = true;
        } else if (a == "--app-pools") {
            appPools = true;
        } else if (is("--constants")) {
            if (!value(&v)) return false;
            if (v != "flash" && v != "pool") {
                d.error("--constants " + v + ": choose flash or pool");
                return false;
            }
            opts.constants = v == "pool" ? ConstantsPlacement::Pool : ConstantsPlacement::Flash;
        } else if (is("--dim")) {
            if (!value(&v)) return false;
            DimSpec spec;
            if (!parseDimSpec(v, &spec, d)) return false;
            opts.dims.push_back(spec);
        } else if (is("--io")) {
            if (!value(&v)) return false;
            if (v != "separate" && v != "workspace") {
                d.error("--io " + v + ": choose separate or workspace");
                return false;
            }
            opts.plan.ioInWorkspace = v == "workspace";
        } else {
            rest.push_back(a);
        }
    }
    if (appPools)
        for (auto &p : opts.plan.pools) p.appProvided = true;
    return true;
}

}  // namespace

bool parseCompileArgs(const std::vector<std::string> &args, CompileOptions &opts, std::vector<std::string> &rest,
                      Diagnostics &d) {
    try {
        return parseCompileArgsImpl(args, opts, rest, d);
    } catch (const std::exception &e) {
        d.error(internalErrorMessage(e.what()));
    } catch (...) {
        d.error(internalErrorMessage(nullptr));
    }
    return false;
}

std::string compileOptionsHelp() {
    return "compile options:\n"
           "  --name NAME               C prefix of every generated identifier (default: model file stem)\n"
           "  --planner P               memory planner: greedy-size, greedy-conflicts (default), hill-climb\n"
           "  --pool NAME:SIZE[:section=S][:align=A]\n"
           "                            workspace pool (repeatable; default: one pool 'workspace');\n"
           "                            the first pool takes every tensor that is not pinned\n"
           "  --pin TENSOR=POOL         place a tensor in a given pool\n"
           "  --align N                 alignment of every buffer in a pool (default 16)\n"
           "  --app-pools               pools are provided by the application at run time\n"
           "                            (struct NAME_workspace_pools) instead of static arrays\n"
           "  --operators unpacked|packed   layer functions with typed pointers (default) or the\n"
           "                            uniform packed signature with DLTensor arguments\n"
           "  --interface-api c|packed  entrypoint with named structs (default) or packed\n"
           "  --packed-wrappers         packed wrappers for the entrypoint and every layer, and a\n"
           "                            name -> function table (NAME_functions, NAME_lookup)\n"
           "  --constants flash|pool    weights as const arrays (default) or in one pool the\n"
           "                            application provides (copied from NAME_constants_image)\n"
           "  --io separate|workspace   inputs/outputs owned by the application (default) or placed\n"
           "                            in the workspace, reached through NAME_input_X()/NAME_output_Y()\n"
           "  --dim TENSOR:AXIS=MIN..MAX  an input axis that varies at run time (repeatable): memory is\n"
           "                            planned for MAX, NAME_run takes the actual extent\n";
}

}  // namespace ember
