#include "OptionTable.h"

#include <algorithm>
#include <cctype>

#include "Compiler.h"
#include "Text.h"
#include "ops/Target.h"
#include "plan/Planner.h"

namespace ember {
namespace {

// Largest buffer alignment accepted: a page; more only wastes memory (and
// --align 1G would pad every buffer to a gigabyte).
constexpr size_t kMaxAlign = 4096;
// A pool is one array on a 32-bit target.
constexpr size_t kMaxPoolBytes = 0x7FFFFFFF;

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

bool validAlign(size_t a) { return a != 0 && (a & (a - 1)) == 0 && a <= kMaxAlign; }

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
    if (p.size > kMaxPoolBytes) {
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
            if (!parseSize(kv.substr(6), &a) || !validAlign(a)) {
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

// A Choice option's value must be one of its row's choices.
bool checkChoice(const char *flag, const std::string &v, Diagnostics &d) {
    const OptionSpec *s = findCompileOption(flag);
    if (s && std::find(s->choices.begin(), s->choices.end(), v) != s->choices.end()) return true;
    std::string list;
    for (size_t i = 0; s && i < s->choices.size(); ++i)
        list += (i == 0 ? "" : i + 1 == s->choices.size() ? " or " : ", ") + s->choices[i];
    d.error("unknown " + std::string(flag + 2) + " '" + v + "'; choose " + list);
    return false;
}

std::vector<std::string> plannerChoices() { return plannerNames(); }

std::vector<OptionSpec> makeTable() {
    using K = OptionKind;
    using G = OptionGroup;
    return {
        {"--name", "name", K::Text, G::Api, "NAME", "", {}, "Name",
         "C prefix of every generated identifier (default: model file stem)",
         "prefix of every generated identifier and file (include/<name>/<name>.h, <name>_run, ...). "
         "Default: the model file name, sanitised.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &) {
             o.name = v;
             return true;
         }},
        {"--interface-api", "interfaceApi", K::Choice, G::Api, "c|packed", "c", {"c", "packed"}, "Entrypoint API",
         "entrypoint with named structs (default) or packed",
         "'c' generates <name>_run(struct <name>_inputs *, struct <name>_outputs *) with named "
         "struct members; 'packed' generates one uniform packed-signature entrypoint for module loading.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--interface-api", v, d)) return false;
             o.interfaceApi = v == "packed" ? InterfaceApi::Packed : InterfaceApi::C;
             return true;
         }},
        {"--operators", "operators", K::Choice, G::Api, "unpacked|packed", "unpacked", {"unpacked", "packed"},
         "Operators", "layer functions with typed pointers (default) or the uniform packed signature with DLTensor arguments",
         "'unpacked' makes each layer a static function taking typed data pointers; 'packed' gives every "
         "layer the same signature with DLTensor-compatible descriptors.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--operators", v, d)) return false;
             o.operators = v == "packed" ? OperatorsMode::Packed : OperatorsMode::Unpacked;
             return true;
         }},
        {"--packed-wrappers", "packedWrappers", K::Flag, G::Api, "", "off", {}, "Packed wrappers",
         "packed wrappers for the entrypoint and every layer, and a name -> function table (NAME_functions, NAME_lookup)",
         "adds a packed wrapper beside each unpacked function and a name → function table, "
         "for host-driven inference and per-layer profiling. Default: off.",
         "",
         [](const std::string &, CompileOptions &o, OptionParseState &, Diagnostics &) {
             o.packedWrappers = true;
             return true;
         }},
        {"--unchecked-packed", "uncheckedPacked", K::Flag, G::Api, "", "off", {}, "Unchecked packed calls",
         "packed functions skip the checks of their DLTensor arguments (type code, dtype, ndim, shape, bytes, "
         "alignment) against the function table, for code size",
         "every packed function and wrapper checks its arguments against its table entry and returns "
         "NAME_ERROR_* with NAME_last_error() naming the argument; this drops the checks (only the argument "
         "count is checked). Default: off (checked).",
         "",
         [](const std::string &, CompileOptions &o, OptionParseState &, Diagnostics &) {
             o.uncheckedPacked = true;
             return true;
         }},
        {"--target", "target", K::Choice, G::Api, "CORE", "generic", targetNames(), "Target core",
         "the core the kernels are written for: generic, cortex-m0plus, cortex-m3, cortex-m4, cortex-m7, cortex-m33, "
         "cortex-m55, cortex-m85 (default generic; a board sets its core)",
         "'generic' is portable C with the DSP (SMLAD) paths behind __ARM_FEATURE_DSP; cortex-m0plus/m3 emit portable "
         "C only; cortex-m4/m7/m33 the DSP paths; cortex-m55/m85 add Helium (MVE, arm_mve.h) kernels behind "
         "__ARM_FEATURE_MVE. Every variant keeps the portable C as fallback and gives the same bytes.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--target", v, d)) return false;
             o.target = v;
             return true;
         }},
        {"--planner", "planner", K::Choice, G::Memory, "P", "greedy-conflicts", plannerChoices(), "Planner",
         "memory planner: greedy-size, greedy-conflicts (default), hill-climb",
         "the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.", "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--planner", v, d)) return false;
             o.plan.planner = v;
             return true;
         }},
        {"--align", "align", K::Integer, G::Memory, "N", "16", {"1", "4", "8", "16", "32", "64"}, "Alignment",
         "alignment of every buffer in a pool (default 16; a power of two up to 4096)",
         "alignment of every buffer inside a pool (bytes, power of two).", "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             size_t al = 0;
             if (!parseSize(v, &al) || !validAlign(al)) {
                 d.error("--align " + v + ": must be a power of two between 1 and " + std::to_string(kMaxAlign) +
                         " (e.g. 4, 8, 16)");
                 return false;
             }
             o.plan.align = al;
             for (auto &p : o.plan.pools) p.align = std::max(p.align, al);
             return true;
         }},
        {"--constants", "constants", K::Choice, G::Memory, "flash|pool", "flash", {"flash", "pool"}, "Constants",
         "weights as const arrays (default) or in one pool the application provides (copied from NAME_constants_image)",
         "'flash' emits const arrays the linker keeps in flash; 'pool' expects the application to "
         "provide one constants pool (e.g. copied from external flash).",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--constants", v, d)) return false;
             o.constants = v == "pool" ? ConstantsPlacement::Pool : ConstantsPlacement::Flash;
             return true;
         }},
        {"--io", "io", K::Choice, G::Memory, "separate|workspace", "separate", {"separate", "workspace"},
         "Inputs/outputs",
         "inputs/outputs owned by the application (default) or placed in the workspace, reached through "
         "NAME_input_X()/NAME_output_Y()",
         "'separate' leaves input/output buffers to the application; 'workspace' plans them inside the workspace "
         "and adds accessors returning the in-workspace pointers.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--io", v, d)) return false;
             o.plan.ioInWorkspace = v == "workspace";
             return true;
         }},
        {"--app-pools", "appPools", K::Flag, G::Memory, "", "off", {}, "App-provided pools",
         "pools are provided by the application at run time (struct NAME_workspace_pools) instead of static arrays",
         "the application passes pool base pointers in struct <name>_workspace_pools instead of the "
         "generated static arrays. Default: off (static arrays).",
         "",
         [](const std::string &, CompileOptions &, OptionParseState &st, Diagnostics &) {
             st.appPools = true;
             return true;
         }},
        {"--pool", "pools", K::List, G::Memory, "NAME:SIZE[:section=S][:align=A]", "workspace:0", {}, "Workspace pools",
         "workspace pool (repeatable; default: one pool 'workspace'); the first pool takes every tensor that is not pinned",
         "each pool becomes a uint8_t array (or an app-provided pointer). "
         "Size 0 = as large as the plan needs; sizes accept K/M suffixes.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &st, Diagnostics &d) {
             PoolSpec p;
             p.align = o.plan.align;
             if (!parsePool(v, p, d)) return false;
             if (!st.poolsGiven) o.plan.pools.clear();
             st.poolsGiven = true;
             for (const auto &q : o.plan.pools)
                 if (q.name == p.name) {
                     d.error("--pool " + p.name + " is given twice");
                     return false;
                 }
             o.plan.pools.push_back(p);
             return true;
         }},
        {"--pin", "pins", K::List, G::Pins, "TENSOR=POOL", "", {}, "Pins (tensor → pool)",
         "place a tensor in a given pool (repeatable)",
         "place an activation in a given pool (e.g. a large buffer in external SRAM). "
         "Drag buffers between lanes in the Memory view to pin them.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             const auto eq = v.rfind('=');
             if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
                 d.error("--pin '" + v + "': expected TENSOR=POOL");
                 return false;
             }
             // Tensor names are carried as utf8Safe text (import): so are the pins.
             o.plan.pins[utf8Safe(v.substr(0, eq))] = utf8Safe(v.substr(eq + 1));
             return true;
         }},
        {"--dim", "dims", K::List, G::Dims, "TENSOR:AXIS=MIN..MAX", "", {}, "Dynamic dimensions",
         "an input axis that varies at run time (repeatable): memory is planned for MAX, NAME_run takes the actual extent",
         "an input dimension that varies at run time inside a bound: memory is planned for MAX, <name>_run "
         "takes the actual extent and checks it.",
         "elementwise ops, FULLY_CONNECTED over leading axes, SOFTMAX, the time axis of VALID CONV_2D / "
         "DEPTHWISE_CONV_2D / pooling and LSTM sequence lengths",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             DimSpec spec;
             if (!parseDimSpec(v, &spec, d)) return false;
             o.dims.push_back(spec);
             return true;
         }},
        // ONNX import: the layout of the graph's rank-4 inputs and outputs.
        {"--onnx-io-layout", "onnxIoLayout", K::Choice, G::Api, "nchw|nhwc", "nchw", {"nchw", "nhwc"},
         "ONNX I/O layout",
         "ONNX models: keep NCHW at the graph's inputs/outputs (default) or make them NHWC",
         "ONNX models are converted to channels-last inside; 'nchw' keeps the model's NCHW inputs and outputs "
         "(a transpose at the graph's I/O where needed), 'nhwc' makes rank-4 inputs and outputs channels-last "
         "(no transposes).",
         "ONNX models only",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--onnx-io-layout", v, d)) return false;
             o.onnxIoLayout = v;
             return true;
         }},
        // In-place memory (the planner's BufferShare): aliases and in-place ops.
        {"--in-place", "inPlace", K::Choice, G::Memory, "on|fuse|off", "off", {"on", "fuse", "off"}, "In-place memory",
         "let RESHAPE/SQUEEZE/EXPAND_DIMS alias their input, and elementwise ops and convolutions write over an "
         "input that dies there; 'fuse' also streams convolution chains row by row (default off)",
         "'on' gives a reshape's output its input's buffer (no copy), lets ADD, SUB, MUL, RELU, RELU6, LOGISTIC "
         "and TANH of equal shapes write over an input read for the last time, and CONV_2D / DEPTHWISE_CONV_2D "
         "write their output over their input row by row (a few KB of stack); smaller pools, same bytes out. "
         "'fuse' does the same and runs a convolution whose output only a second convolution reads (and that "
         "one's residual ADD) as one layer, row by row: the tensors between them never exist whole. "
         "'off' gives every tensor a buffer of its own.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--in-place", v, d)) return false;
             o.plan.inPlace = v == "on" || v == "fuse";
             o.plan.fuseRows = v == "fuse";
             return true;
         }},
        {"--optimize", "optimize", K::Choice, G::Api, "speed|size|balanced", "balanced", optimizeNames(),
         "Optimize for",
         "kernel size/speed trade: balanced (default), speed (largest fast variants), size (compact loops, no "
         "folded tables)",
         "'balanced' emits the fast shape-specialised kernels; 'size' makes every int8 convolution, depthwise and "
         "fully connected layer a call of one shared kernel per family with a const parameter struct (no folded "
         "per-border bias or requantization tables, one packed requantization word per channel, no unrolled, "
         "im2col or DSP/Helium variants): less flash, more cycles; 'speed' adds GCC's -O3 unrolling for the layer "
         "file (not on Helium cores) and int16 pre-widened conv/FC weights on DSP cores (more flash). Every mode "
         "gives the same bytes.",
         "",
         [](const std::string &v, CompileOptions &o, OptionParseState &, Diagnostics &d) {
             if (!checkChoice("--optimize", v, d)) return false;
             o.optimize = v;
             return true;
         }},
    };
}

}  // namespace

const std::vector<OptionSpec> &compileOptionTable() {
    static const std::vector<OptionSpec> table = makeTable();
    return table;
}

const OptionSpec *findCompileOption(const std::string &flag) {
    for (const OptionSpec &s : compileOptionTable())
        if (flag == s.flag) return &s;
    return nullptr;
}

namespace {

bool parseCompileArgsImpl(const std::vector<std::string> &args, CompileOptions &opts, std::vector<std::string> &rest,
                          Diagnostics &d) {
    OptionParseState st;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        // "--flag=value" or "--flag value".
        const auto eq = a.find('=');
        const std::string flag = a.rfind("--", 0) == 0 && eq != std::string::npos ? a.substr(0, eq) : a;
        const OptionSpec *s = findCompileOption(flag);
        if (!s || !s->apply) {
            rest.push_back(a);
            continue;
        }
        std::string v;
        if (s->kind == OptionKind::Flag) {
            if (flag != a) {
                d.error("option " + flag + " takes no value");
                return false;
            }
        } else if (flag != a) {
            v = a.substr(eq + 1);
        } else if (i + 1 >= args.size()) {
            d.error("option " + a + " needs a value (" + s->metavar + ")");
            return false;
        } else {
            v = args[++i];
        }
        if (!s->apply(v, opts, st, d)) return false;
    }
    if (st.appPools)
        for (auto &p : opts.plan.pools) p.appProvided = true;
    return true;
}

}  // namespace

bool parseCompileArgs(const std::vector<std::string> &args, CompileOptions &opts, std::vector<std::string> &rest,
                      Diagnostics &d) {
    // Nothing throws through the core API: a failure inside becomes one error.
    try {
        return parseCompileArgsImpl(args, opts, rest, d);
    } catch (const std::exception &e) {
        d.error("internal error: " + utf8Safe(e.what()) + "; please report it with the command line");
    } catch (...) {
        d.error("internal error: unknown exception; please report it with the command line");
    }
    return false;
}

std::string compileOptionsHelp() {
    std::string s = "compile options:\n";
    for (const OptionSpec &o : compileOptionTable()) {
        if (!o.apply) continue;
        std::string head = "  " + std::string(o.flag) + (*o.metavar ? " " + std::string(o.metavar) : "");
        if (head.size() >= 28) s += head + "\n" + std::string(28, ' ');
        else s += head + std::string(28 - head.size(), ' ');
        s += std::string(o.help) + "\n";
    }
    return s;
}

std::string compileOptionsMarkdown() {
    std::string s = "| option | default | what it changes in the generated code | constraints |\n|---|---|---|---|\n";
    auto cell = [](const std::string &t) {
        std::string r;
        for (char c : t) r += c == '|' ? "\\|" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
        return r;
    };
    for (const OptionSpec &o : compileOptionTable()) {
        if (!o.apply) continue;
        std::string name = "`" + std::string(o.flag) + (*o.metavar ? " " + std::string(o.metavar) : "") + "`";
        std::string def = *o.defaultValue ? std::string(o.defaultValue) : "none";
        if (std::string(o.flag) == "--name") def = "model file stem";
        if (std::string(o.flag) == "--pool") def = "one pool `workspace`, as large as needed";
        s += "| " + cell(name) + " | " + cell(def) + " | " + cell(o.details) + " | " +
             cell(*o.constraints ? o.constraints : "") + " |\n";
    }
    return s;
}

}  // namespace ember
