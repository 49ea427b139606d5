// The C generator. Each Emit* function writes one file of the package and
// reads in the same order as the file it produces.
#include "CGenerator.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <random>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "JsonUtf8.h"
#include "../validate/ChildProcesses.h"
#include "../ops/Common.h"
#include "../ops/OpKernel.h"

namespace ember {

const std::string *Artifacts::file(const std::string &path) const {
    for (const auto &f : files)
        if (f.first == path) return &f.second;
    return nullptr;
}

bool Artifacts::writeTo(const std::string &dir, Diagnostics &diags) const {
    namespace fs = std::filesystem;
    for (const auto &[rel, text] : files) {
        const fs::path p = fs::path(dir) / rel;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        // Write to a temporary name and rename, so an interrupted export never
        // leaves a half-written file under the real name.
        const fs::path tmp = p.string() + ".tmp";
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            if (!f || !f.write(text.data(), std::streamsize(text.size()))) {
                diags.error("cannot write '" + p.string() + "'; check that the directory is writable");
                return false;
            }
        }
        fs::rename(tmp, p, ec);
        if (ec) {
            diags.error("cannot write '" + p.string() + "': " + ec.message());
            return false;
        }
    }
    return true;
}

namespace {

// A folder Ember wrote: metadata.json at its root naming Ember as generator.
bool isEmberPackage(const std::filesystem::path &dir) {
    std::ifstream f(dir / "metadata.json", std::ios::binary);
    if (!f) return false;
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    const auto gen = j.find("generator");
    return gen != j.end() && gen->is_string() && gen->get<std::string>().rfind("ember", 0) == 0;
}

// A name for a sibling work folder that no other process picks.
std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%08x%04x", unsigned(rd()), counter++ & 0xFFFFu);
    return buf;
}

}  // namespace

bool Artifacts::writePackage(const std::string &target, Diagnostics &diags, bool force) const {
    namespace fs = std::filesystem;
    fs::path dir(target);
    if (!dir.has_filename()) dir = dir.parent_path();  // "out/" → "out"
    const std::string shown = utf8Safe(dir.string());
    std::error_code ec;
    const fs::file_status st = fs::status(dir, ec);
    bool replace = false;
    if (fs::exists(st)) {
        if (!fs::is_directory(st)) {
            diags.error("'" + shown + "' is a file, not a folder; give a folder for the package (it is created)");
            return false;
        }
        const bool empty = fs::is_empty(dir, ec);
        if (!empty && !isEmberPackage(dir)) {
            if (force) return writeTo(dir.string(), diags);
            diags.error("'" + shown + "' is not empty and is not an Ember package (no metadata.json); choose a new or "
                        "empty folder, or pass --force to write the package files into it");
            return false;
        }
        replace = true;
    }
    // Stage beside the target (same file system, so the renames are atomic).
    fs::path parent = dir.parent_path();
    if (parent.empty()) parent = ".";
    fs::create_directories(parent, ec);
    const std::string base = "." + dir.filename().string() + ".ember-";
    const fs::path stage = parent / (base + "new-" + uniqueSuffix());
    // Removed by an interrupted emberc too; from here on it is ours to clean.
    struct StageGuard {
        std::string path;
        explicit StageGuard(std::string p) : path(std::move(p)) { children::addTempDir(path); }
        ~StageGuard() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
            children::removeTempDir(path);
        }
    } guard(stage.string());
    if (!writeTo(stage.string(), diags)) return false;
    if (replace) {
        const fs::path old = parent / (base + "old-" + uniqueSuffix());
        fs::rename(dir, old, ec);
        if (ec) {
            diags.error("cannot replace '" + shown + "': " + ec.message());
            return false;
        }
        fs::rename(stage, dir, ec);
        if (ec) {
            diags.error("cannot replace '" + shown + "': " + ec.message());
            std::error_code ignored;
            fs::rename(old, dir, ignored);  // put the previous package back
            return false;
        }
        fs::remove_all(old, ec);
        return true;
    }
    fs::rename(stage, dir, ec);
    if (ec) {
        diags.error("cannot write '" + shown + "': " + ec.message());
        return false;
    }
    return true;
}

std::vector<uint8_t> Artifacts::toTar() const {
    std::vector<uint8_t> out;
    auto octal = [](char *field, size_t width, uint64_t v) {
        std::snprintf(field, width, "%0*llo", int(width - 1), static_cast<unsigned long long>(v));
    };
    auto member = [&](const std::string &name, const std::string &prefix, char type, const std::string &text) {
        char h[512] = {};
        std::memcpy(h, name.data(), std::min<size_t>(name.size(), 100));
        octal(h + 100, 8, 0644);
        octal(h + 108, 8, 0);
        octal(h + 116, 8, 0);
        octal(h + 124, 12, text.size());
        octal(h + 136, 12, 0);
        h[156] = type;
        std::memcpy(h + 257, "ustar", 6);
        std::memcpy(h + 263, "00", 2);
        std::memcpy(h + 265, "ember", 5);
        std::memcpy(h + 297, "ember", 5);
        std::memcpy(h + 345, prefix.data(), std::min<size_t>(prefix.size(), 155));
        std::memset(h + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : h) sum += c;
        std::snprintf(h + 148, 8, "%06o", sum);
        h[155] = ' ';
        out.insert(out.end(), h, h + 512);
        out.insert(out.end(), text.begin(), text.end());
        out.resize((out.size() + 511) / 512 * 512, 0);
    };
    for (const auto &[path, text] : files) {
        // ustar holds a path of up to 100 bytes, or one split at a '/' into a
        // prefix of up to 155 and a name of up to 100 bytes.
        std::string name = path, prefix;
        bool fits = name.size() <= 100;
        if (!fits) {
            for (size_t cut = std::min<size_t>(path.size() - 1, 155); cut > 0; --cut)
                if (path[cut] == '/' && path.size() - cut - 1 <= 100 && path.size() - cut - 1 > 0) {
                    prefix = path.substr(0, cut);
                    name = path.substr(cut + 1);
                    fits = true;
                    break;
                }
        }
        if (!fits) {
            // Longer paths (a long --name): a pax extended header carries the
            // full path; readers without pax support see the shortened one.
            const std::string body = "path=" + path + "\n";
            size_t len = body.size() + 2;
            while (std::to_string(len).size() + 1 + body.size() != len) len = std::to_string(len).size() + 1 + body.size();
            const std::string record = std::to_string(len) + " " + body;
            std::string paxName = "PaxHeaders/" + std::filesystem::path(path).filename().string();
            if (paxName.size() > 100) paxName.resize(100);
            member(paxName, "", 'x', record);
            prefix.clear();
            name = path.substr(path.size() - 100);
        }
        member(name, prefix, '0', text);
    }
    out.resize(out.size() + 1024, 0);  // two zero blocks end the archive
    return out;
}

static const std::set<std::string> kCKeywords = {
    "auto",     "break",  "case",    "char",   "const",    "continue", "default",  "do",
    "double",   "else",   "enum",    "extern", "float",    "for",      "goto",     "if",
    "inline",   "int",    "long",    "register", "restrict", "return", "short",    "signed",
    "sizeof",   "static", "struct",  "switch", "typedef",  "union",    "unsigned", "void",
    "volatile", "while",  "_Bool",   "_Complex", "_Imaginary", "main",  "bool",    "true",
    "false",    "NULL",   "int8_t",  "int16_t", "int32_t", "int64_t",  "uint8_t",  "errno"};

std::string sanitizeIdentifier(const std::string &s) {
    std::string r;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            r += char(std::tolower(u));
        else if (!r.empty() && r.back() != '_')
            r += '_';
    }
    while (!r.empty() && r.back() == '_') r.pop_back();
    if (r.empty()) r = "t";
    if (std::isdigit(static_cast<unsigned char>(r[0]))) r = "t" + r;
    if (kCKeywords.count(r)) r += "_";
    return r;
}

namespace {

using json = nlohmann::ordered_json;

std::string upper(std::string s) {
    for (char &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Short readable form of a tensor name for identifiers: TFLite often joins
// several names with ';' — the first is the most specific.
std::string shortName(const std::string &name, size_t maxLen = 40) {
    std::string s = sanitizeIdentifier(name.substr(0, name.find(';')));
    if (s.size() > maxLen) s = sanitizeIdentifier(s.substr(s.size() - maxLen));
    return s;
}

std::string quantComment(const Tensor &t) {
    std::string s = std::string(dtypeName(t.dtype)) + " " + shapeString(t.shape);
    if (!t.quant.empty()) {
        char buf[96];
        if (t.quant.perChannel())
            std::snprintf(buf, sizeof buf, ", per-channel (%zu scales, axis %d)", t.quant.scale.size(), t.quant.axis);
        else
            std::snprintf(buf, sizeof buf, ", scale %.9g zero point %d", double(t.quant.sc()), t.quant.zp());
        s += buf;
    }
    return s;
}

// Tensor names may contain "*/"; keep comments well-formed.
std::string commentSafe(std::string s) {
    for (size_t p; (p = s.find("*/")) != std::string::npos;) s.replace(p, 2, "* /");
    if (s.size() > 100) s = s.substr(0, 97) + "...";
    return s;
}

struct Io {
    int tensor;
    std::string field;
};

}  // namespace

// Text of the installed DLPack header and its licence (EmbeddedDlpack.cpp).
extern const char *const kDlpackHeader;
extern const char *const kDlpackLicense;

namespace {

const char *kPackedSignature =
    "(EmberValue *args, int32_t *type_codes, int32_t num_args, EmberValue *ret_value, int32_t *ret_type_code, "
    "void *resource_handle)";

// The small runtime header shipped in packed modes: the packed calling
// convention and the function-table types. Same text for every model, so
// several packages can be linked into one firmware.
const char *kRuntimeHeader =
    "/* ember_runtime.h: packed calling convention of Ember-generated code. Do not edit. */\n"
    "#ifndef EMBER_RUNTIME_H_\n#define EMBER_RUNTIME_H_\n\n"
    "#include <stdint.h>\n\n#include \"dlpack/dlpack.h\"\n\n"
    "/* One argument or return value of a packed call (layout of TVM's TVMValue). */\n"
    "typedef union {\n    int64_t v_int64;\n    double v_float64;\n    void *v_handle;\n} EmberValue;\n\n"
    "/* Type codes of packed arguments; tensors are passed as DLTensor pointers. */\n"
    "#define EMBER_ARG_INT 0\n#define EMBER_ARG_FLOAT 2\n#define EMBER_ARG_HANDLE 3\n#define EMBER_ARG_NULL 4\n"
    "#define EMBER_ARG_DLTENSOR 7\n\n"
    "/* Every packed function has this type. Returns 0 on success. */\n"
    "typedef int32_t (*ember_packed_fn)(EmberValue *args, int32_t *type_codes, int32_t num_args,\n"
    "                                   EmberValue *ret_value, int32_t *ret_type_code, void *resource_handle);\n\n"
    "/* Roles of packed arguments, described by the function table. */\n"
    "#define EMBER_ROLE_INPUT 0\n#define EMBER_ROLE_OUTPUT 1\n#define EMBER_ROLE_POOL 2\n"
    "#define EMBER_ROLE_CONSTANTS 3\n\n"
    "struct ember_arg_info {\n"
    "    const char *name;      /* tensor or pool name */\n"
    "    int32_t role;          /* EMBER_ROLE_* */\n"
    "    int32_t tensor;        /* tensor id shared between functions, -1 for pools */\n"
    "    uint8_t dtype_code;    /* DLDataTypeCode */\n"
    "    uint8_t dtype_bits;\n"
    "    int32_t ndim;\n"
    "    const int64_t *shape;\n"
    "    uint32_t bytes;\n"
    "    const void *init;      /* initial contents (constants pool image) or 0 */\n"
    "};\n\n"
    "struct ember_function_info {\n"
    "    const char *name;\n"
    "    ember_packed_fn fn;\n"
    "    int32_t num_args;\n"
    "    const struct ember_arg_info *args;\n"
    "};\n\n"
    "/* Data pointer of the i-th argument, a DLTensor. */\n"
    "static inline void *ember_arg_data(const EmberValue *args, int32_t i)\n{\n"
    "    const DLTensor *t = (const DLTensor *)args[i].v_handle;\n"
    "    return (char *)t->data + t->byte_offset;\n}\n\n"
    "/* Fills a dense CPU tensor descriptor. */\n"
    "static inline void ember_tensor(DLTensor *t, void *data, int32_t ndim, const int64_t *shape, uint8_t code,\n"
    "                                uint8_t bits)\n{\n"
    "    t->data = data;\n    t->device.device_type = kDLCPU;\n    t->device.device_id = 0;\n"
    "    t->ndim = ndim;\n    t->dtype.code = code;\n    t->dtype.bits = bits;\n    t->dtype.lanes = 1;\n"
    "    t->shape = (int64_t *)shape;\n    t->strides = 0;\n    t->byte_offset = 0;\n}\n\n"
    "#endif /* EMBER_RUNTIME_H_ */\n";

std::string dlCode(DType t) {
    switch (t) {
    case DType::Float32: return "kDLFloat";
    case DType::UInt8:
    case DType::Bool:
    case DType::UInt32:
    case DType::UInt64: return "kDLUInt";
    default: return "kDLInt";
    }
}

class Generator {
public:
    Generator(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts)
        : g_(g), plan_(plan), name_(sanitizeIdentifier(opts.name.empty() ? g.name : opts.name)),
          NAME_(upper(name_)), opts_(opts) {
        packedOps_ = opts.operators == OperatorsMode::Packed;
        packedApi_ = opts.interfaceApi == InterfaceApi::Packed;
        ioWs_ = opts.plan.ioInWorkspace;
        cpoolMode_ = opts.constants == ConstantsPlacement::Pool;
        usesRuntime_ = packedOps_ || packedApi_ || opts.packedWrappers;
        for (const PoolSpec &p : plan.pools) appPools_ = appPools_ || p.appProvided;
        // MemoryPlan::find is a linear search; a graph of 30k tensors asks it
        // for every layer argument.
        bufferOf_.assign(g.tensors.size(), nullptr);
        for (const PlannedBuffer &b : plan.buffers)
            if (b.tensor >= 0 && size_t(b.tensor) < bufferOf_.size() && !bufferOf_[size_t(b.tensor)])
                bufferOf_[size_t(b.tensor)] = &b;
    }

    const PlannedBuffer *planned(int t) const {
        return t >= 0 && size_t(t) < bufferOf_.size() ? bufferOf_[size_t(t)] : nullptr;
    }

    Result<Artifacts> run() {
        nameIo();
        nameConstants();
        if (!setUpDims()) return diags_;
        if (!emitLayers()) return diags_;
        Artifacts a;
        a.name = name_;
        a.plan = plan_;
        // Ops first: they decide which constants exist; the header reports their size.
        std::string ops = emitOps();
        std::string constants = emitConstants();
        a.files.emplace_back("include/" + name_ + "/" + name_ + ".h", emitHeader());
        if (usesRuntime_) {
            a.files.emplace_back("include/ember/ember_runtime.h", kRuntimeHeader);
            a.files.emplace_back("include/dlpack/dlpack.h", kDlpackHeader);
            a.files.emplace_back("include/dlpack/COPYRIGHT", kDlpackLicense);
        }
        a.files.emplace_back("src/" + name_ + ".c", emitEntrypoint());
        a.files.emplace_back("src/" + name_ + "_ops.c", std::move(ops));
        a.files.emplace_back("src/" + name_ + "_constants.c", std::move(constants));
        a.constantBytes = constantBytes_;
        for (const auto &f : a.files) a.codeLines += size_t(std::count(f.second.begin(), f.second.end(), '\n'));
        a.files.emplace_back("metadata.json", emitMetadata(a));
        return a;
    }

private:
    struct Layer {
        const Op *op;
        std::string function;
        EmitContext ctx;
        std::vector<std::string> params;  // typed C parameter declarations (unpacked form)
        std::vector<int> argTensors;      // activation tensors passed, in parameter order
        std::vector<bool> argIsOutput;
        std::vector<int> dims;            // dynamic dims the layer loops to (extent parameters)
        bool usesCpool = false;
    };

    // ---- naming -------------------------------------------------------------

    void nameIo() {
        std::set<std::string> used;
        auto unique = [&](std::string s) {
            std::string base = s;
            for (int k = 2; used.count(s); ++k) s = base + "_" + std::to_string(k);
            used.insert(s);
            return s;
        };
        for (int t : g_.inputs) inputs_.push_back({t, unique(shortName(g_.tensors[size_t(t)].name))});
        for (int t : g_.outputs) outputs_.push_back({t, unique(shortName(g_.tensors[size_t(t)].name))});
    }

    void nameConstants() {
        std::set<std::string> used;
        constSymbol_.assign(g_.tensors.size(), "");
        for (size_t i = 0; i < g_.tensors.size(); ++i) {
            if (!g_.tensors[i].isConst) continue;
            std::string s = name_ + "_" + shortName(g_.tensors[i].name, 32);
            std::string base = s;
            for (int k = 2; used.count(s); ++k) s = base + "_" + std::to_string(k);
            used.insert(s);
            constSymbol_[i] = s;
        }
    }

    // --dim: mark dynamic axes (the graph is already at MAX) and name each
    // dim's extent parameter after its input and axis, e.g. input_axis1.
    bool setUpDims() {
        if (opts_.dims.empty()) return true;
        if (packedOps_ || packedApi_ || opts_.packedWrappers) {
            diags_.error("--dim cannot be combined with --operators packed, --interface-api packed or "
                         "--packed-wrappers yet (packed tensor descriptors have fixed shapes); use the default "
                         "C API with --dim");
            return false;
        }
        auto s = analyzeDynamicDims(g_, opts_.dims);
        if (!s) {
            diags_.append(s.diagnostics());
            return false;
        }
        dyn_ = std::move(s.value());
        for (size_t d = 0; d < dyn_.dims.size(); ++d) {
            const int t = dyn_.dimTensor[d];
            if (g_.tensors[size_t(t)].shape[size_t(dyn_.dims[d].axis)] != dyn_.dims[d].max) {
                diags_.error("--dim " + dyn_.dims[d].text() + ": the graph must be resized to MAX before "
                             "generating code; compile through ember::compile()")
                    .tensor = g_.tensors[size_t(t)].name;
                return false;
            }
            const Io *io = findIo(inputs_, t);
            dimName_.push_back(io->field + "_axis" + std::to_string(dyn_.dims[d].axis));
        }
        return true;
    }

    // Per-axis extent expressions of a tensor for EmitContext ("" = fixed).
    std::vector<std::string> dimExprs(int t, std::vector<int> *used) const {
        std::vector<std::string> r;
        if (dyn_.empty() || t < 0) return r;
        for (size_t a = 0; a < g_.tensors[size_t(t)].shape.size(); ++a) {
            const int d = dyn_.dimOf(t, a);
            r.push_back(d >= 0 ? dimName_[size_t(d)] : "");
            if (d >= 0 && std::find(used->begin(), used->end(), d) == used->end()) used->push_back(d);
        }
        return r;
    }

    std::string poolSymbol(const PoolSpec &p) const { return name_ + "_" + sanitizeIdentifier(p.name); }
    std::string poolLocal(size_t p) const { return "pool_" + sanitizeIdentifier(plan_.pools[p].name); }
    const Io *findIo(const std::vector<Io> &ios, int t) const {
        for (const Io &io : ios)
            if (io.tensor == t) return &io;
        return nullptr;
    }
    int ioPosition(int t, bool *isOutput) const {
        for (size_t i = 0; i < inputs_.size(); ++i)
            if (inputs_[i].tensor == t) {
                *isOutput = false;
                return int(i);
            }
        for (size_t j = 0; j < outputs_.size(); ++j)
            if (outputs_[j].tensor == t) {
                *isOutput = true;
                return int(j);
            }
        return -1;
    }

    // ---- layers -------------------------------------------------------------

    bool emitLayers() {
        const size_t width = std::max<size_t>(2, std::to_string(g_.ops.size()).size());
        for (size_t k = 0; k < g_.ops.size(); ++k) {
            const Op &op = g_.ops[k];
            Layer L;
            L.op = &op;
            std::string num = std::to_string(k);
            num.insert(0, width - num.size(), '0');
            L.function = name_ + "_l" + num + "_" + opTypeIdent(op.type);
            L.ctx.symbolPrefix = L.function;
            for (size_t i = 0; i < op.inputs.size(); ++i) {
                const int t = op.inputs[i];
                if (t < 0) {
                    L.ctx.inputs.push_back("0");
                } else if (g_.tensors[size_t(t)].isConst) {
                    L.ctx.inputs.push_back(constSymbol_[size_t(t)]);
                } else {
                    const std::string p = "in" + std::to_string(i);
                    L.ctx.inputs.push_back(p);
                    // Model state is read and updated in place.
                    L.params.push_back(std::string(g_.tensors[size_t(t)].isVariable ? "" : "const ") +
                                       dtypeCType(g_.tensors[size_t(t)].dtype) + " *restrict " + p);
                    L.argTensors.push_back(t);
                    L.argIsOutput.push_back(false);
                }
            }
            for (size_t j = 0; j < op.outputs.size(); ++j) {
                const int t = op.outputs[j];
                const std::string p = "out" + std::to_string(j);
                L.ctx.outputs.push_back(p);
                L.params.push_back(std::string(dtypeCType(g_.tensors[size_t(t)].dtype)) + " *restrict " + p);
                L.argTensors.push_back(t);
                L.argIsOutput.push_back(true);
            }
            for (int t : op.inputs) L.ctx.inputDims.push_back(dimExprs(t, &L.dims));
            for (int t : op.outputs) L.ctx.outputDims.push_back(dimExprs(t, &L.dims));
            std::sort(L.dims.begin(), L.dims.end());
            const OpKernel *kernel = findKernel(op.type);
            if (!kernel || !kernel->emit) {
                Diagnostic &e = diags_.error("operator has no C emitter");
                e.opIndex = op.index;
                e.opName = op.typeName;
                return false;
            }
            kernel->emit(g_, op, L.ctx);
            layers_.push_back(std::move(L));
        }
        // Which model constants the code reads (shape tensors folded into
        // the code, for instance, are not emitted).
        std::string bodies;
        for (const Layer &L : layers_) bodies += L.ctx.body;
        for (size_t i = 0; i < g_.tensors.size(); ++i)
            if (!constSymbol_[i].empty() && mentions(bodies, constSymbol_[i])) usedConst_.push_back(int(i));
        if (cpoolMode_) layoutConstantsPool();
        return true;
    }

    // --constants pool: model constants live in one application-provided
    // pool; layer bodies read them through `cpool` at fixed offsets.
    void layoutConstantsPool() {
        size_t off = 0;
        for (int i : usedConst_) {
            const size_t a = 16;
            off = (off + a - 1) / a * a;
            cpoolOffset_[i] = off;
            off += g_.tensors[size_t(i)].bytes();
        }
        cpoolBytes_ = (off + 15) / 16 * 16;
        for (Layer &L : layers_)
            for (int i : usedConst_) {
                const std::string &sym = constSymbol_[size_t(i)];
                if (!mentions(L.ctx.body, sym)) continue;
                const std::string expr = "((const " + std::string(dtypeCType(g_.tensors[size_t(i)].dtype)) +
                                         " *)(cpool + " + std::to_string(cpoolOffset_[i]) + "))";
                L.ctx.body = replaceWord(L.ctx.body, sym, expr);
                L.usesCpool = true;
            }
    }

    static bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    static bool mentions(const std::string &text, const std::string &word) {
        for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
            const size_t e = p + word.size();
            if ((p == 0 || !isWordChar(text[p - 1])) && (e >= text.size() || !isWordChar(text[e]))) return true;
        }
        return false;
    }

    static std::string replaceWord(const std::string &text, const std::string &word, const std::string &with) {
        std::string r;
        size_t last = 0;
        for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
            const size_t e = p + word.size();
            if ((p == 0 || !isWordChar(text[p - 1])) && (e >= text.size() || !isWordChar(text[e]))) {
                r += text.substr(last, p - last) + with;
                last = e;
            }
        }
        return r + text.substr(last);
    }

    std::string layerComment(const Layer &L) const {
        const Op &op = *L.op;
        std::string s = "/* " + op.typeName + " '" + commentSafe(g_.layerName(op)) + "'";
        if (op.attrs.activation != Activation::None &&
            (op.type == OpType::Conv2D || op.type == OpType::DepthwiseConv2D || op.type == OpType::FullyConnected ||
             op.type == OpType::Add || op.type == OpType::Sub || op.type == OpType::Mul ||
             op.type == OpType::AveragePool2D || op.type == OpType::MaxPool2D))
            s += std::string(", fused ") + activationName(op.attrs.activation);
        s += "\n";
        for (int i : op.inputs) {
            if (i < 0) continue;
            const Tensor &t = g_.tensors[size_t(i)];
            s += std::string(" *   in  ") + (t.isConst ? "(const) " : "") + "'" + commentSafe(t.name) + "' " +
                 quantComment(t) + "\n";
        }
        for (int o : op.outputs) {
            const Tensor &t = g_.tensors[size_t(o)];
            s += " *   out '" + commentSafe(t.name) + "' " + quantComment(t) + "\n";
        }
        return s + " */\n";
    }

    // Typed (unpacked) signature of a layer function.
    std::string unpackedSignature(const Layer &L, const std::string &suffix = "") const {
        std::vector<std::string> params = L.params;
        if (L.usesCpool) params.push_back("const uint8_t *restrict cpool");
        for (int d : L.dims) params.push_back("int32_t " + dimName_[size_t(d)]);
        std::string s = "int32_t " + L.function + suffix + "(";
        for (size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + params[i];
        return s + (params.empty() ? "void)" : ")");
    }

    std::string signature(const Layer &L) const {
        return packedOps_ ? "int32_t " + L.function + kPackedSignature : unpackedSignature(L);
    }

    size_t layerArgCount(const Layer &L) const { return L.argTensors.size() + (L.usesCpool ? 1 : 0); }

    // ---- files --------------------------------------------------------------

    size_t poolBytes(size_t p) const {
        const size_t a = std::max<size_t>(1, plan_.pools[p].align);
        return (plan_.poolUsed[p] + a - 1) / a * a;
    }

    bool needsPoolsStruct() const { return appPools_ || cpoolMode_; }

    // Parameter list shared by the C entrypoint and the I/O accessors.
    std::string poolsParam() const {
        return needsPoolsStruct() ? "struct " + name_ + "_workspace_pools *pools" : "";
    }

    // ---- state (variable tensors, kept between calls) -----------------------

    int statePool() const {
        for (size_t p = 0; p < plan_.pools.size(); ++p)
            if (plan_.pools[p].name == kStatePoolName && poolUsed(p)) return int(p);
        return -1;
    }
    std::vector<int> stateTensors() const {
        std::vector<int> r;
        for (const PlannedBuffer &b : plan_.buffers)
            if (g_.tensors[size_t(b.tensor)].isVariable) r.push_back(b.tensor);
        std::sort(r.begin(), r.end(), [&](int a, int b) { return planned(a)->offset < planned(b)->offset; });
        return r;
    }
    bool stateAppProvided() const { return statePool() >= 0 && plan_.pools[size_t(statePool())].appProvided; }
    std::string resetParams() const {
        if (!stateAppProvided()) return "void";
        return packedApi_ ? "uint8_t *state_pool" : poolsParam();
    }
    std::string stateInitSymbol(int t) const { return name_ + "_state_init_t" + std::to_string(t); }

    // <name>_reset: every variable back to its start-up value (TFLM's
    // ResetVariableTensors). A static state pool is reset before the first run.
    void emitReset(std::ostringstream &o) const {
        const int p = statePool();
        if (p < 0) return;
        const std::vector<int> ts = stateTensors();
        for (int t : ts) {
            const Tensor &x = g_.tensors[size_t(t)];
            if (x.data.size() != x.bytes()) continue;
            o << "static const uint8_t " << stateInitSymbol(t) << "[" << x.bytes() << "] = {";
            for (size_t i = 0; i < x.data.size(); ++i) o << (i % 16 ? " " : "\n    ") << int(x.data[i]) << ",";
            o << "\n};\n";
        }
        if (!stateAppProvided()) o << "static uint8_t " << name_ << "_state_ready;\n";
        o << "\nvoid " << name_ << "_reset(" << resetParams() << ")\n{\n";
        std::string src;
        size_t arg = 0;
        if (!stateAppProvided()) src = poolSymbol(plan_.pools[size_t(p)]);
        else if (packedApi_) src = "state_pool";
        else src = poolSource(size_t(p), false, &arg);
        if (stateAppProvided() && !packedApi_ && needsPoolsStruct() && src.rfind("pools->", 0) != 0) o << "    (void)pools;\n";
        o << "    uint8_t *const " << poolLocal(size_t(p)) << " = " << src << ";\n";
        for (int t : ts) {
            const Tensor &x = g_.tensors[size_t(t)];
            const PlannedBuffer *b = planned(t);
            o << "    /* '" << commentSafe(x.name) << "' " << quantComment(x) << " */\n";
            if (x.data.size() == x.bytes())
                o << "    memcpy(" << poolLocal(size_t(p)) << " + " << b->offset << ", " << stateInitSymbol(t) << ", "
                  << x.bytes() << ");\n";
            else
                o << "    memset(" << poolLocal(size_t(p)) << " + " << b->offset << ", " << int(variableResetByte(x))
                  << ", " << x.bytes() << ");\n";
        }
        if (!stateAppProvided()) o << "    " << name_ << "_state_ready = 1;\n";
        o << "}\n\n";
    }

    std::string runParams() const {
        std::vector<std::string> p;
        if (!ioWs_) {
            p.push_back("struct " + name_ + "_inputs *inputs");
            p.push_back("struct " + name_ + "_outputs *outputs");
        }
        if (needsPoolsStruct()) p.push_back(poolsParam());
        for (const std::string &d : dimName_) p.push_back("int32_t " + d);
        std::string s;
        for (size_t i = 0; i < p.size(); ++i) s += (i ? ", " : "") + p[i];
        return s.empty() ? "void" : s;
    }

    std::string accessorName(bool output, const Io &io) const {
        return name_ + (output ? "_output_" : "_input_") + io.field;
    }

    std::string emitHeader() const {
        std::ostringstream o;
        const std::string guard = NAME_ + "_H_";
        o << "/* " << name_ << ".h: public API of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#ifndef " << guard << "\n#define " << guard << "\n\n#include <stdint.h>\n";
        if (usesRuntime_) o << "\n#include \"ember/ember_runtime.h\"\n";
        o << "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
        auto ioMacros = [&](const char *kind, const std::vector<Io> &ios) {
            o << "#define " << NAME_ << "_" << kind << "_COUNT " << ios.size() << "\n";
            for (size_t i = 0; i < ios.size(); ++i) {
                const Tensor &t = g_.tensors[size_t(ios[i].tensor)];
                const std::string p = NAME_ + "_" + kind + "_" + std::to_string(i);
                o << "/* " << kind << " " << i << ": '" << commentSafe(t.name) << "' (" << ios[i].field << "), "
                  << quantComment(t) << " */\n";
                o << "#define " << p << "_BYTES " << t.bytes() << "\n";
                o << "#define " << p << "_RANK " << t.shape.size() << "\n";
                o << "#define " << p << "_SHAPE {";
                for (size_t d = 0; d < t.shape.size(); ++d) o << (d ? ", " : "") << t.shape[d];
                o << "}\n";
                if (!t.quant.empty() && !t.quant.perChannel()) {
                    o << "#define " << p << "_SCALE " << cFloat(t.quant.sc()) << "\n";
                    o << "#define " << p << "_ZERO_POINT " << t.quant.zp() << "\n";
                }
            }
            o << "\n";
        };
        ioMacros("INPUT", inputs_);
        ioMacros("OUTPUT", outputs_);
        size_t staticTotal = 0;
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const PoolSpec &pool = plan_.pools[p];
            o << "/* workspace pool '" << pool.name << "'"
              << (pool.appProvided ? ", provided by the application (aligned " + std::to_string(pool.align) + ")"
                                   : ", static")
              << (pool.section.empty() ? "" : ", section " + pool.section) << " */\n";
            o << "#define " << NAME_ << "_POOL_" << upper(sanitizeIdentifier(pool.name)) << "_BYTES " << poolBytes(p)
              << "\n";
            if (!pool.appProvided) staticTotal += poolBytes(p);
        }
        o << "#define " << NAME_ << "_WORKSPACE_BYTES " << staticTotal << "\n";
        if (statePool() >= 0)
            o << "#define " << NAME_ << "_STATE_BYTES " << poolBytes(size_t(statePool()))
              << " /* pool '" << kStatePoolName << "': kept between calls */\n";
        o << "#define " << NAME_ << "_CONSTANTS_BYTES " << constantBytes_ << "\n";
        if (cpoolMode_) o << "#define " << NAME_ << "_CONSTANTS_POOL_BYTES " << cpoolBytes_ << "\n";
        o << "#define " << NAME_ << "_LAYER_COUNT " << layers_.size() << "\n\n";
        if (!dimName_.empty()) {
            o << "/* Dynamic dimensions (--dim): " << name_ << "_run takes each extent as an argument and\n"
                 " * returns " << NAME_ << "_ERROR_EXTENT when one is outside [MIN, MAX]. Tensors are dense at\n"
                 " * the actual extent; the _BYTES and _SHAPE macros above give the bound (MAX). */\n";
            o << "#define " << NAME_ << "_DIM_COUNT " << dimName_.size() << "\n";
            o << "#define " << NAME_ << "_ERROR_EXTENT (-2)\n";
            for (size_t d = 0; d < dimName_.size(); ++d) {
                const DimSpec &spec = dyn_.dims[d];
                const std::string macro = NAME_ + "_" + upper(dimName_[d]);
                o << "/* " << dimName_[d] << ": axis " << spec.axis << " of input '"
                  << commentSafe(g_.tensors[size_t(dyn_.dimTensor[d])].name) << "' */\n";
                o << "#define " << macro << "_MIN " << spec.min << "\n";
                o << "#define " << macro << "_MAX " << spec.max << "\n";
            }
            o << "\n";
        }

        if (!ioWs_ && !packedApi_) {
            auto ioStruct = [&](const char *kind, const std::vector<Io> &ios) {
                o << "struct " << name_ << "_" << kind << " {\n";
                for (const Io &io : ios)
                    o << "    " << dtypeCType(g_.tensors[size_t(io.tensor)].dtype) << " *" << io.field << ";\n";
                o << "};\n\n";
            };
            ioStruct("inputs", inputs_);
            ioStruct("outputs", outputs_);
        }
        if (needsPoolsStruct() && !packedApi_) {
            o << "/* Memory the application provides: no allocation happens in generated code. */\n";
            o << "struct " << name_ << "_workspace_pools {\n";
            for (size_t p = 0; p < plan_.pools.size(); ++p)
                if (plan_.pools[p].appProvided)
                    o << "    uint8_t *" << sanitizeIdentifier(plan_.pools[p].name) << "; /* " << NAME_ << "_POOL_"
                      << upper(sanitizeIdentifier(plan_.pools[p].name)) << "_BYTES bytes, aligned "
                      << plan_.pools[p].align << " */\n";
            if (cpoolMode_)
                o << "    const uint8_t *constants; /* a copy of " << name_ << "_constants_image, aligned 16 */\n";
            o << "};\n\n";
        }
        if (cpoolMode_) {
            o << "/* Initial contents of the constants pool (weights, biases): copy it wherever the\n"
                 " * application keeps the pool, e.g. from external flash into RAM. */\n";
            o << "extern const uint8_t " << name_ << "_constants_image[" << std::max<size_t>(1, cpoolBytes_)
              << "];\n\n";
        }
        if (packedApi_) {
            o << "/* Runs one inference (packed calling convention). Arguments, each a DLTensor:\n";
            for (const std::string &a : packedEntryArgNames()) o << " *   " << a << "\n";
            o << " * Returns 0 on success. */\n";
            o << "int32_t " << name_ << "_run" << kPackedSignature << ";\n\n";
        } else {
            o << "/* Runs one inference. Returns 0 on success. */\n";
            o << "int32_t " << name_ << "_run(" << runParams() << ");\n\n";
        }
        if (statePool() >= 0) {
            o << "/* The model keeps state between calls (recurrent cells, delay lines, variables) in\n"
                 " * pool '" << kStatePoolName << "'. " << name_ << "_reset puts it back to its start-up value";
            if (stateAppProvided())
                o << ";\n * call it once before the first run (the application owns the pool).";
            else
                o << " (the first\n * run does so by itself).";
            o << " Not thread-safe with a concurrent run. */\n";
            o << "void " << name_ << "_reset(" << resetParams() << ");\n\n";
        }
        if (ioWs_ && !packedApi_) {
            o << "/* Inputs and outputs live inside the workspace: write inputs and read outputs\n"
                 " * through these pointers. */\n";
            const std::string pp = needsPoolsStruct() ? poolsParam() : "void";
            for (const Io &io : inputs_)
                o << dtypeCType(g_.tensors[size_t(io.tensor)].dtype) << " *" << accessorName(false, io) << "(" << pp
                  << ");\n";
            for (const Io &io : outputs_)
                o << dtypeCType(g_.tensors[size_t(io.tensor)].dtype) << " *" << accessorName(true, io) << "(" << pp
                  << ");\n";
            o << "\n";
        }
        if (opts_.packedWrappers) {
            o << "/* Packed functions by name: the entrypoint and every layer. */\n";
            o << "#define " << NAME_ << "_FUNCTION_COUNT " << (layers_.size() + 1) << "\n";
            o << "extern const struct ember_function_info " << name_ << "_functions[" << (layers_.size() + 1)
              << "];\n";
            o << "extern const int32_t " << name_ << "_function_count;\n";
            o << "const struct ember_function_info *" << name_ << "_lookup(const char *name);\n";
            if (!packedApi_) o << "int32_t " << name_ << "_run_packed" << kPackedSignature << ";\n";
            o << "\n";
        }
        o << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
        return o.str();
    }

    std::vector<std::string> packedEntryArgNames() const {
        std::vector<std::string> r;
        for (size_t i = 0; i < inputs_.size(); ++i) r.push_back("[" + std::to_string(r.size()) + "] input '" + commentSafe(g_.tensors[size_t(inputs_[i].tensor)].name) + "'");
        for (size_t j = 0; j < outputs_.size(); ++j) r.push_back("[" + std::to_string(r.size()) + "] output '" + commentSafe(g_.tensors[size_t(outputs_[j].tensor)].name) + "'");
        for (size_t p = 0; p < plan_.pools.size(); ++p)
            if (plan_.pools[p].appProvided) r.push_back("[" + std::to_string(r.size()) + "] pool '" + plan_.pools[p].name + "'");
        if (cpoolMode_) r.push_back("[" + std::to_string(r.size()) + "] constants pool");
        return r;
    }

    size_t packedEntryArgCount() const { return packedEntryArgNames().size(); }

    // How the entrypoint reaches each pool / the constants pool.
    std::string poolSource(size_t p, bool packedEntry, size_t *argIndex) const {
        const PoolSpec &pool = plan_.pools[p];
        if (!pool.appProvided) return poolSymbol(pool);
        if (packedEntry) return "(uint8_t *)ember_arg_data(args, " + std::to_string((*argIndex)++) + ")";
        return "pools->" + sanitizeIdentifier(pool.name);
    }

    bool poolUsed(size_t p) const {
        for (const PlannedBuffer &b : plan_.buffers)
            if (size_t(b.pool) == p) return true;
        return false;
    }

    bool anyLayerUsesCpool() const {
        for (const Layer &L : layers_)
            if (L.usesCpool) return true;
        return false;
    }

    // Local pointer declarations at the top of an entry function.
    std::string poolLocals(bool packedEntry) const {
        std::string s;
        size_t arg = inputs_.size() + outputs_.size();
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const std::string src = poolSource(p, packedEntry, &arg);
            if (poolUsed(p)) s += "    uint8_t *const " + poolLocal(p) + " = " + src + ";\n";
        }
        if (cpoolMode_ && anyLayerUsesCpool())
            s += "    const uint8_t *const cpool = " +
                 std::string(packedEntry ? "(const uint8_t *)ember_arg_data(args, " + std::to_string(arg) + ")"
                                         : "pools->constants") +
                 ";\n";
        return s;
    }

    // Pointer to an activation tensor inside an entry function.
    std::string pointerTo(int t, bool packedEntry) const {
        const Tensor &x = g_.tensors[size_t(t)];
        const std::string type = dtypeCType(x.dtype);
        if (!ioWs_) {
            bool isOut = false;
            const int pos = ioPosition(t, &isOut);
            if (pos >= 0) {
                if (packedEntry)
                    return "(" + type + " *)ember_arg_data(args, " +
                           std::to_string(isOut ? int(inputs_.size()) + pos : pos) + ")";
                return (isOut ? "outputs->" + outputs_[size_t(pos)].field : "inputs->" + inputs_[size_t(pos)].field);
            }
        }
        const PlannedBuffer *b = planned(t);
        EMBER_ASSERT(b != nullptr);
        return "(" + type + " *)(" + poolLocal(size_t(b->pool)) + " + " + std::to_string(b->offset) + ")";
    }

    std::string shapeSymbol(int t) const { return name_ + "_shape_t" + std::to_string(t); }

    void layerCall(std::ostringstream &o, size_t k, bool packedEntry) const {
        const Layer &L = layers_[k];
        o << "    /* " << k << ": " << L.op->typeName << " '" << commentSafe(g_.layerName(*L.op)) << "' */\n";
        o << "    EMBER_LAYER_BEGIN(" << k << ");\n";
        if (!packedOps_) {
            o << "    status = " << L.function << "(";
            for (size_t i = 0; i < L.argTensors.size(); ++i) o << (i ? ", " : "") << pointerTo(L.argTensors[i], packedEntry);
            if (L.usesCpool) o << (L.argTensors.empty() ? "" : ", ") << "cpool";
            for (int d : L.dims) o << ", " << dimName_[size_t(d)];
            o << ");\n";
        } else {
            const size_t n = layerArgCount(L);
            o << "    {\n";
            o << "        DLTensor t[" << n << "];\n        EmberValue a[" << n << "];\n        int32_t c[" << n
              << "];\n";
            for (size_t i = 0; i < L.argTensors.size(); ++i) {
                const Tensor &x = g_.tensors[size_t(L.argTensors[i])];
                o << "        ember_tensor(&t[" << i << "], (void *)" << pointerTo(L.argTensors[i], packedEntry) << ", "
                  << x.shape.size() << ", " << shapeSymbol(L.argTensors[i]) << ", " << dlCode(x.dtype) << ", "
                  << dtypeSize(x.dtype) * 8 << ");\n";
            }
            if (L.usesCpool)
                o << "        ember_tensor(&t[" << (n - 1) << "], (void *)cpool, 1, " << name_ << "_shape_cpool, kDLUInt, 8);\n";
            o << "        int32_t i;\n";
            o << "        for (i = 0; i < " << n << "; ++i) {\n"
              << "            a[i].v_handle = &t[i];\n"
              << "            c[i] = EMBER_ARG_DLTENSOR;\n        }\n";
            o << "        status = " << L.function << "(a, c, " << n << ", 0, 0, 0);\n";
            o << "    }\n";
        }
        o << "    EMBER_LAYER_END(" << k << ");\n";
        o << "    if (status != 0) return status;\n";
    }

    void runBody(std::ostringstream &o, bool packedEntry) const {
        if (statePool() >= 0 && !stateAppProvided())
            o << "    if (!" << name_ << "_state_ready) " << name_ << "_reset();\n";
        o << poolLocals(packedEntry);
        o << "    int32_t status = 0;\n";
        if (packedEntry) {
            o << "    (void)type_codes;\n    (void)ret_value;\n    (void)ret_type_code;\n    (void)resource_handle;\n";
            o << "    if (num_args != " << packedEntryArgCount() << ") return -1;\n";
            if (ioWs_)
                for (size_t i = 0; i < inputs_.size(); ++i)
                    o << "    memcpy(" << pointerTo(inputs_[i].tensor, true) << ", ember_arg_data(args, " << i << "), "
                      << g_.tensors[size_t(inputs_[i].tensor)].bytes() << ");\n";
        } else if (!ioWs_ && layers_.empty()) {
            o << "    (void)inputs;\n    (void)outputs;\n";
        }
        for (size_t d = 0; d < dimName_.size(); ++d) {
            const std::string macro = NAME_ + "_" + upper(dimName_[d]);
            o << "    if (" << dimName_[d] << " < " << macro << "_MIN || " << dimName_[d] << " > " << macro
              << "_MAX) return " << NAME_ << "_ERROR_EXTENT;\n";
        }
        o << "\n";
        for (size_t k = 0; k < layers_.size(); ++k) layerCall(o, k, packedEntry);
        if (packedEntry && ioWs_)
            for (size_t j = 0; j < outputs_.size(); ++j)
                o << "    memcpy(ember_arg_data(args, " << (inputs_.size() + j) << "), "
                  << pointerTo(outputs_[j].tensor, true) << ", " << g_.tensors[size_t(outputs_[j].tensor)].bytes()
                  << ");\n";
        o << "    return status;\n";
    }

    std::string emitEntrypoint() const {
        std::ostringstream o;
        o << "/* " << name_ << ".c: entrypoint of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#include <stdint.h>\n";
        if ((packedApi_ && ioWs_) || opts_.packedWrappers || statePool() >= 0) o << "#include <string.h>\n";
        o << "\n#include \"" << name_ << "/" << name_ << ".h\"\n\n";
        o << "/* Per-layer hooks, e.g. for cycle counting; empty unless the build defines them. */\n";
        o << "#ifndef EMBER_LAYER_BEGIN\n#define EMBER_LAYER_BEGIN(index) ((void)0)\n#endif\n";
        o << "#ifndef EMBER_LAYER_END\n#define EMBER_LAYER_END(index) ((void)0)\n#endif\n\n";
        o << "/* Layer functions (" << name_ << "_ops.c). */\n";
        for (const Layer &L : layers_) o << signature(L) << ";\n";
        o << "\n";
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const PoolSpec &pool = plan_.pools[p];
            if (pool.appProvided || poolBytes(p) == 0) continue;
            o << "/* Pool '" << pool.name << "': " << plan_.poolUsed[p] << " bytes planned by '" << plan_.planner
              << "' (lower bound " << plan_.lowerBound << "). */\n";
            o << "static uint8_t " << poolSymbol(pool) << "[" << poolBytes(p) << "] __attribute__((aligned("
              << std::max<size_t>(1, pool.align) << ")))";
            if (!pool.section.empty()) o << " __attribute__((section(\"" << pool.section << "\")))";
            o << ";\n\n";
        }
        // Tensor shapes for DLTensor descriptors.
        std::set<int> shapes;
        if (packedOps_)
            for (const Layer &L : layers_) shapes.insert(L.argTensors.begin(), L.argTensors.end());
        if (opts_.packedWrappers) {
            for (const Layer &L : layers_) shapes.insert(L.argTensors.begin(), L.argTensors.end());
            for (const Io &io : inputs_) shapes.insert(io.tensor);
            for (const Io &io : outputs_) shapes.insert(io.tensor);
        }
        for (int t : shapes) {
            const Tensor &x = g_.tensors[size_t(t)];
            o << "static const int64_t " << shapeSymbol(t) << "[" << std::max<size_t>(1, x.shape.size()) << "] = {";
            for (size_t d = 0; d < x.shape.size(); ++d) o << (d ? ", " : "") << x.shape[d];
            if (x.shape.empty()) o << "1";
            o << "};\n";
        }
        if (cpoolMode_ && (packedOps_ || opts_.packedWrappers))
            o << "static const int64_t " << name_ << "_shape_cpool[1] = {" << cpoolBytes_ << "};\n";
        for (size_t p = 0; p < plan_.pools.size(); ++p)
            if (opts_.packedWrappers && plan_.pools[p].appProvided)
                o << "static const int64_t " << name_ << "_shape_pool_" << sanitizeIdentifier(plan_.pools[p].name)
                  << "[1] = {" << poolBytes(p) << "};\n";
        if (!shapes.empty() || cpoolMode_) o << "\n";

        if (ioWs_ && !packedApi_) {
            const std::string pp = needsPoolsStruct() ? poolsParam() : "void";
            auto accessor = [&](bool out, const Io &io) {
                const Tensor &x = g_.tensors[size_t(io.tensor)];
                const PlannedBuffer *b = planned(io.tensor);
                EMBER_ASSERT(b != nullptr);
                size_t arg = 0;
                o << dtypeCType(x.dtype) << " *" << accessorName(out, io) << "(" << pp << ")\n{\n";
                const std::string src = poolSource(size_t(b->pool), false, &arg);
                if (needsPoolsStruct() && src.rfind("pools->", 0) != 0) o << "    (void)pools;\n";
                o << "    return (" << dtypeCType(x.dtype) << " *)(" << src << " + " << b->offset << ");\n}\n\n";
            };
            for (const Io &io : inputs_) accessor(false, io);
            for (const Io &io : outputs_) accessor(true, io);
        }

        emitReset(o);
        if (packedApi_) {
            o << "int32_t " << name_ << "_run" << kPackedSignature << "\n{\n";
            runBody(o, true);
            o << "}\n";
        } else {
            o << "int32_t " << name_ << "_run(" << runParams() << ")\n{\n";
            runBody(o, false);
            o << "}\n";
        }
        if (opts_.packedWrappers) emitWrappersAndTable(o);
        return o.str();
    }

    // Packed wrappers (entrypoint and layers) and the name → function table.
    void emitWrappersAndTable(std::ostringstream &o) const {
        std::string entryFn = name_ + "_run";
        if (!packedApi_) {
            entryFn = name_ + "_run_packed";
            o << "\n/* Packed wrapper of " << name_ << "_run: arguments as in the function table. */\n";
            o << "int32_t " << entryFn << kPackedSignature << "\n{\n";
            if (!ioWs_) o << "    struct " << name_ << "_inputs in;\n    struct " << name_ << "_outputs out;\n";
            if (needsPoolsStruct()) o << "    struct " << name_ << "_workspace_pools pools;\n";
            o << "    (void)type_codes;\n    (void)ret_value;\n    (void)ret_type_code;\n    (void)resource_handle;\n";
            o << "    if (num_args != " << packedEntryArgCount() << ") return -1;\n";
            size_t arg = 0;
            if (!ioWs_) {
                for (const Io &io : inputs_)
                    o << "    in." << io.field << " = (" << dtypeCType(g_.tensors[size_t(io.tensor)].dtype)
                      << " *)ember_arg_data(args, " << arg++ << ");\n";
                for (const Io &io : outputs_)
                    o << "    out." << io.field << " = (" << dtypeCType(g_.tensors[size_t(io.tensor)].dtype)
                      << " *)ember_arg_data(args, " << arg++ << ");\n";
            } else {
                arg = inputs_.size() + outputs_.size();
            }
            for (size_t p = 0; p < plan_.pools.size(); ++p)
                if (plan_.pools[p].appProvided)
                    o << "    pools." << sanitizeIdentifier(plan_.pools[p].name) << " = (uint8_t *)ember_arg_data(args, "
                      << arg++ << ");\n";
            if (cpoolMode_) o << "    pools.constants = (const uint8_t *)ember_arg_data(args, " << arg++ << ");\n";
            const std::string pa = needsPoolsStruct() ? "&pools" : "";
            if (ioWs_) {
                for (size_t i = 0; i < inputs_.size(); ++i)
                    o << "    memcpy(" << accessorName(false, inputs_[i]) << "(" << pa << "), ember_arg_data(args, " << i
                      << "), " << g_.tensors[size_t(inputs_[i].tensor)].bytes() << ");\n";
                o << "    {\n        int32_t status = " << name_ << "_run(" << pa << ");\n";
                o << "        if (status != 0) return status;\n    }\n";
                for (size_t j = 0; j < outputs_.size(); ++j)
                    o << "    memcpy(ember_arg_data(args, " << (inputs_.size() + j) << "), "
                      << accessorName(true, outputs_[j]) << "(" << pa << "), "
                      << g_.tensors[size_t(outputs_[j].tensor)].bytes() << ");\n";
                o << "    return 0;\n}\n";
            } else {
                o << "    return " << name_ << "_run(&in, &out" << (needsPoolsStruct() ? ", &pools" : "") << ");\n}\n";
            }
        }
        if (!packedOps_) {
            for (const Layer &L : layers_) {
                o << "\nint32_t " << L.function << "_packed" << kPackedSignature << "\n{\n";
                o << "    (void)type_codes;\n    (void)ret_value;\n    (void)ret_type_code;\n    (void)resource_handle;\n";
                o << "    if (num_args != " << layerArgCount(L) << ") return -1;\n";
                o << "    return " << L.function << "(";
                size_t i = 0;
                for (; i < L.argTensors.size(); ++i) {
                    const Tensor &x = g_.tensors[size_t(L.argTensors[i])];
                    o << (i ? ", " : "") << "(" << (L.argIsOutput[i] ? "" : "const ") << dtypeCType(x.dtype)
                      << " *)ember_arg_data(args, " << i << ")";
                }
                if (L.usesCpool) o << (i ? ", " : "") << "(const uint8_t *)ember_arg_data(args, " << i << ")";
                o << ");\n}\n";
            }
        }
        // Argument descriptions.
        auto argInfo = [&](std::ostringstream &a, const std::string &name, const char *role, int tensor, DType dt,
                           size_t ndim, const std::string &shape, size_t bytes, const std::string &init) {
            a << "    {\"" << cEscape(name) << "\", " << role << ", " << tensor << ", " << dlCode(dt) << ", "
              << dtypeSize(dt) * 8 << ", " << ndim << ", " << shape << ", " << bytes << ", " << init << "},\n";
        };
        auto tensorArg = [&](std::ostringstream &a, int t, bool out) {
            const Tensor &x = g_.tensors[size_t(t)];
            argInfo(a, x.name, out ? "EMBER_ROLE_OUTPUT" : "EMBER_ROLE_INPUT", t, x.dtype, x.shape.size(),
                    shapeSymbol(t), x.bytes(), "0");
        };
        const std::string cpoolInit = cpoolMode_ ? name_ + "_constants_image" : "0";
        o << "\nstatic const struct ember_arg_info " << name_ << "_args_run[] = {\n";
        {
            std::ostringstream a;
            for (const Io &io : inputs_) tensorArg(a, io.tensor, false);
            for (const Io &io : outputs_) tensorArg(a, io.tensor, true);
            for (size_t p = 0; p < plan_.pools.size(); ++p)
                if (plan_.pools[p].appProvided)
                    argInfo(a, plan_.pools[p].name, "EMBER_ROLE_POOL", -1, DType::UInt8, 1,
                            name_ + "_shape_pool_" + sanitizeIdentifier(plan_.pools[p].name), poolBytes(p), "0");
            if (cpoolMode_)
                argInfo(a, "constants", "EMBER_ROLE_CONSTANTS", -1, DType::UInt8, 1, name_ + "_shape_cpool",
                        cpoolBytes_, cpoolInit);
            o << a.str();
        }
        o << "};\n";
        for (const Layer &L : layers_) {
            o << "static const struct ember_arg_info " << L.function << "_args[] = {\n";
            std::ostringstream a;
            for (size_t i = 0; i < L.argTensors.size(); ++i) tensorArg(a, L.argTensors[i], L.argIsOutput[i]);
            if (L.usesCpool)
                argInfo(a, "constants", "EMBER_ROLE_CONSTANTS", -1, DType::UInt8, 1, name_ + "_shape_cpool",
                        cpoolBytes_, cpoolInit);
            o << a.str() << "};\n";
        }
        o << "\nconst struct ember_function_info " << name_ << "_functions[" << (layers_.size() + 1) << "] = {\n";
        o << "    {\"" << name_ << "_run\", " << entryFn << ", " << packedEntryArgCount() << ", " << name_
          << "_args_run},\n";
        for (const Layer &L : layers_)
            o << "    {\"" << L.function << "\", " << L.function << (packedOps_ ? "" : "_packed") << ", "
              << layerArgCount(L) << ", " << L.function << "_args},\n";
        o << "};\n";
        o << "const int32_t " << name_ << "_function_count = " << (layers_.size() + 1) << ";\n\n";
        o << "const struct ember_function_info *" << name_ << "_lookup(const char *name)\n{\n";
        o << "    int32_t i;\n    for (i = 0; i < " << (layers_.size() + 1) << "; ++i)\n";
        o << "        if (strcmp(" << name_ << "_functions[i].name, name) == 0) return &" << name_
          << "_functions[i];\n";
        o << "    return 0;\n}\n";
    }

    static std::string cEscape(const std::string &s) {
        std::string r;
        for (char c : s) {
            if (c == '"' || c == '\\') r += '\\';
            if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) {
                r += '_';
                continue;
            }
            r += c;
        }
        return r;
    }

    std::string emitOps() const {
        std::ostringstream o;
        o << "/* " << name_ << "_ops.c: one function per layer of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#include <float.h>\n#include <math.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n";
        if (packedOps_) o << "\n#include \"ember/ember_runtime.h\"\n";
        o << "\n";
        std::vector<std::pair<std::string, std::string>> helpers;
        for (const Layer &L : layers_)
            for (const auto &h : L.ctx.helpers)
                if (std::none_of(helpers.begin(), helpers.end(), [&](const auto &x) { return x.first == h.first; }))
                    helpers.push_back(h);
        for (const auto &h : helpers) o << h.second << "\n";
        std::ostringstream decls;
        if (!cpoolMode_)
            for (int i : usedConst_) {
                const Tensor &t = g_.tensors[size_t(i)];
                decls << "extern const " << dtypeCType(t.dtype) << " " << constSymbol_[size_t(i)] << "["
                      << std::max<int64_t>(1, t.elements()) << "];\n";
            }
        for (const Layer &L : layers_)
            for (const ConstArray &c : L.ctx.constants)
                decls << "extern const " << dtypeCType(c.dtype) << " " << c.symbol << "["
                      << std::max<size_t>(1, c.data.size() / dtypeSize(c.dtype)) << "];\n";
        if (!decls.str().empty())
            o << "/* Weights, biases and requantization tables (" << name_ << "_constants.c). */\n"
              << decls.str() << "\n";
        if (packedOps_) {
            o << "/* Layer prototypes (packed calling convention). */\n";
            for (const Layer &L : layers_) o << signature(L) << ";\n";
            o << "\n";
        }
        for (const Layer &L : layers_) {
            o << layerComment(L);
            o << signature(L) << "\n{\n";
            std::string prologue;
            if (packedOps_) {
                std::vector<std::string> params = L.params;
                if (L.usesCpool) params.push_back("const uint8_t *restrict cpool");
                for (const std::string &p : params) prologue += "    " + p + ";\n";
                prologue += "    (void)type_codes;\n    (void)ret_value;\n    (void)ret_type_code;\n"
                            "    (void)resource_handle;\n";
                prologue += "    if (num_args != " + std::to_string(layerArgCount(L)) + ") return -1;\n";
                size_t a = 0;
                for (const std::string &p : params) {
                    const std::string var = p.substr(p.rfind(' ') + 1);
                    const std::string type = p.substr(0, p.find(" *restrict")) + " *";
                    prologue += "    " + var + " = (" + type + ")ember_arg_data(args, " + std::to_string(a++) + ");\n";
                }
            }
            std::string unused;
            for (const std::string &p : L.ctx.inputs)
                if (p.rfind("in", 0) == 0 && !mentions(L.ctx.body, p)) unused += "    (void)" + p + ";\n";
            for (const std::string &p : L.ctx.outputs)
                if (!mentions(L.ctx.body, p)) unused += "    (void)" + p + ";\n";
            for (int d : L.dims)
                if (!mentions(L.ctx.body, dimName_[size_t(d)])) unused += "    (void)" + dimName_[size_t(d)] + ";\n";
            o << prologue << unused << L.ctx.body << "    return 0;\n}\n\n";
        }
        return o.str();
    }

    static void emitArray(std::ostringstream &o, DType dt, const uint8_t *data, size_t count) {
        const size_t perLine = dt == DType::Float32 ? 6 : (dt == DType::Int8 || dt == DType::UInt8 ? 16 : 10);
        for (size_t i = 0; i < count; ++i) {
            if (i % perLine == 0) o << (i ? "\n    " : "    ");
            int64_t v = 0;
            std::string text;
            switch (dt) {
            case DType::Float32: {
                float f;
                std::memcpy(&f, data + i * 4, 4);
                text = cFloat(f);
                break;
            }
            case DType::Int8: v = int8_t(data[i]); break;
            case DType::UInt8:
            case DType::Bool: v = data[i]; break;
            case DType::Int16: { int16_t x; std::memcpy(&x, data + i * 2, 2); v = x; break; }
            case DType::Int32: { int32_t x; std::memcpy(&x, data + i * 4, 4); v = x; break; }
            case DType::Int64: { int64_t x; std::memcpy(&x, data + i * 8, 8); v = x; break; }
            case DType::UInt32: { uint32_t x; std::memcpy(&x, data + i * 4, 4); v = x; break; }
            case DType::UInt64: { uint64_t x; std::memcpy(&x, data + i * 8, 8); text = "UINT64_C(" + std::to_string(x) + ")"; break; }
            }
            o << (text.empty() ? cInt(v) : text) << ",";
            if ((i + 1) % perLine != 0 && i + 1 < count) o << " ";
        }
        if (count == 0) o << "    0";
        o << "\n";
    }

    std::string emitConstants() {
        std::ostringstream o;
        o << "/* " << name_ << "_constants.c: weights, biases and requantization tables of the '"
          << commentSafe(g_.name) << "' model, generated by Ember. Do not edit. */\n";
        o << "#include <stdint.h>\n\n";
        if (cpoolMode_) {
            std::vector<uint8_t> image(cpoolBytes_, 0);
            o << "/* Constants pool image (" << cpoolBytes_ << " bytes). Offsets:\n";
            for (int i : usedConst_) {
                const Tensor &t = g_.tensors[size_t(i)];
                std::copy(t.data.begin(), t.data.end(), image.begin() + long(cpoolOffset_.at(i)));
                o << " *   " << cpoolOffset_.at(i) << ": '" << commentSafe(t.name) << "' " << quantComment(t) << "\n";
                constantBytes_ += t.bytes();
            }
            o << " */\n";
            o << "extern const uint8_t " << name_ << "_constants_image[" << std::max<size_t>(1, cpoolBytes_) << "];\n";
            o << "const uint8_t " << name_ << "_constants_image[" << std::max<size_t>(1, cpoolBytes_)
              << "] __attribute__((aligned(16))) = {\n";
            emitArray(o, DType::UInt8, image.data(), image.size());
            o << "};\n\n";
        } else {
            for (int i : usedConst_) {
                const Tensor &t = g_.tensors[size_t(i)];
                o << "/* '" << commentSafe(t.name) << "' " << quantComment(t) << " */\n";
                o << "extern const " << dtypeCType(t.dtype) << " " << constSymbol_[size_t(i)] << "["
                  << std::max<int64_t>(1, t.elements()) << "];\n";
                o << "const " << dtypeCType(t.dtype) << " " << constSymbol_[size_t(i)] << "["
                  << std::max<int64_t>(1, t.elements()) << "] = {\n";
                emitArray(o, t.dtype, t.data.data(), size_t(t.elements()));
                o << "};\n\n";
                constantBytes_ += t.bytes();
            }
        }
        for (const Layer &L : layers_)
            for (const ConstArray &c : L.ctx.constants) {
                const size_t n = c.data.size() / dtypeSize(c.dtype);
                o << "/* " << L.function << ": " << (c.comment.empty() ? c.symbol : commentSafe(c.comment)) << " */\n";
                o << "extern const " << dtypeCType(c.dtype) << " " << c.symbol << "[" << std::max<size_t>(1, n) << "];\n";
                o << "const " << dtypeCType(c.dtype) << " " << c.symbol << "[" << std::max<size_t>(1, n) << "] = {\n";
                emitArray(o, c.dtype, c.data.data(), n);
                o << "};\n\n";
                constantBytes_ += c.data.size();
            }
        return o.str();
    }

    json tensorJson(const Io &io) const {
        const Tensor &t = g_.tensors[size_t(io.tensor)];
        json j;
        j["name"] = t.name;
        j["c_name"] = io.field;
        j["dtype"] = dtypeName(t.dtype);
        j["shape"] = t.shape;
        j["bytes"] = t.bytes();
        if (!t.quant.empty()) {
            j["scale"] = t.quant.sc();
            j["zero_point"] = t.quant.zp();
        }
        if (dyn_.isDynamic(io.tensor)) {
            // shape and bytes are at the bound; these axes follow the run-time extents.
            json axes = json::array();
            for (size_t a = 0; a < t.shape.size(); ++a)
                if (dyn_.dimOf(io.tensor, a) >= 0) axes.push_back({{"axis", a}, {"dim", dyn_.dimOf(io.tensor, a)}});
            j["dynamic_axes"] = axes;
        }
        if (ioWs_) {
            const PlannedBuffer *b = planned(io.tensor);
            if (b) {
                j["pool"] = plan_.pools[size_t(b->pool)].name;
                j["offset"] = b->offset;
            }
        }
        return j;
    }

    std::string emitMetadata(const Artifacts &a) const {
        json m;
        m["name"] = name_;
        m["generator"] = "ember 0.1.0";
        m["model"] = std::filesystem::path(g_.sourcePath).filename().string();
        json options;
        options["operators"] = packedOps_ ? "packed" : "unpacked";
        options["interface_api"] = packedApi_ ? "packed" : "c";
        options["packed_wrappers"] = opts_.packedWrappers;
        options["planner"] = plan_.planner;
        options["align"] = opts_.plan.align;
        options["io"] = ioWs_ ? "workspace" : "separate";
        options["constants"] = cpoolMode_ ? "pool" : "flash";
        options["app_pools"] = appPools_;
        m["options"] = options;
        if (!dimName_.empty()) {
            m["dims"] = json::array();
            for (size_t d = 0; d < dimName_.size(); ++d)
                m["dims"].push_back({{"tensor", dyn_.dims[d].tensor},
                                     {"c_name", dimName_[d]},
                                     {"axis", dyn_.dims[d].axis},
                                     {"min", dyn_.dims[d].min},
                                     {"max", dyn_.dims[d].max}});
        }
        m["inputs"] = json::array();
        for (const Io &io : inputs_) m["inputs"].push_back(tensorJson(io));
        m["outputs"] = json::array();
        for (const Io &io : outputs_) m["outputs"].push_back(tensorJson(io));
        m["layers"] = json::array();
        for (size_t k = 0; k < layers_.size(); ++k) {
            const Op &op = *layers_[k].op;
            json l;
            l["index"] = k;
            l["model_index"] = op.index;
            l["name"] = g_.layerName(op);
            l["op"] = op.typeName;
            l["function"] = layers_[k].function;
            const OpKernel *kernel = findKernel(op.type);
            l["macs"] = kernel && kernel->macs ? kernel->macs(g_, op) : 0;
            m["layers"].push_back(l);
        }
        m["pools"] = json::array();
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const PoolSpec &pool = plan_.pools[p];
            json j;
            j["name"] = pool.name;
            j["c_name"] = pool.appProvided ? sanitizeIdentifier(pool.name) : poolSymbol(pool);
            j["size"] = poolBytes(p);
            j["used"] = plan_.poolUsed[p];
            j["capacity"] = pool.size;
            j["section"] = pool.section;
            j["align"] = pool.align;
            j["app_provided"] = pool.appProvided;
            m["pools"].push_back(j);
        }
        if (statePool() >= 0) {
            json st;
            st["pool"] = kStatePoolName;
            st["bytes"] = poolBytes(size_t(statePool()));
            st["reset"] = name_ + "_reset";
            st["tensors"] = json::array();
            for (int t : stateTensors()) {
                const Tensor &x = g_.tensors[size_t(t)];
                st["tensors"].push_back({{"name", x.name},
                                         {"dtype", dtypeName(x.dtype)},
                                         {"offset", planned(t)->offset},
                                         {"bytes", x.bytes()}});
            }
            m["state"] = st;
        }
        if (cpoolMode_) {
            json c;
            c["bytes"] = cpoolBytes_;
            c["image"] = name_ + "_constants_image";
            c["align"] = 16;
            m["constants_pool"] = c;
        }
        json plan;
        plan["planner"] = plan_.planner;
        plan["steps"] = plan_.steps;
        plan["lower_bound"] = plan_.lowerBound;
        plan["total_used"] = plan_.totalUsed();
        plan["buffers"] = json::array();
        for (const PlannedBuffer &b : plan_.buffers) {
            json j;
            j["tensor"] = b.name;
            j["pool"] = plan_.pools[size_t(b.pool)].name;
            j["offset"] = b.offset;
            j["bytes"] = b.bytes;
            j["first"] = b.first;
            j["last"] = b.last;
            plan["buffers"].push_back(j);
        }
        m["plan"] = plan;
        m["constants_bytes"] = a.constantBytes;
        m["code_lines"] = a.codeLines;
        if (opts_.packedWrappers) {
            m["functions"] = json::array();
            m["functions"].push_back(name_ + "_run");
            for (const Layer &L : layers_) m["functions"].push_back(L.function);
        }
        m["files"] = json::array();
        for (const auto &f : a.files) m["files"].push_back(f.first);
        m["files"].push_back("metadata.json");
        makeUtf8Safe(m);
        return m.dump(1) + "\n";
    }

    const Graph &g_;
    const MemoryPlan &plan_;
    std::vector<const PlannedBuffer *> bufferOf_;  // by tensor index
    std::string name_, NAME_;
    const CompileOptions &opts_;
    bool packedOps_ = false, packedApi_ = false, ioWs_ = false, cpoolMode_ = false, usesRuntime_ = false,
         appPools_ = false;
    Diagnostics diags_;
    std::vector<Io> inputs_, outputs_;
    DynamicShapes dyn_;
    std::vector<std::string> dimName_;  // extent parameter of each dynamic dim
    std::vector<std::string> constSymbol_;
    std::vector<Layer> layers_;
    std::vector<int> usedConst_;
    std::map<int, size_t> cpoolOffset_;
    size_t cpoolBytes_ = 0;
    size_t constantBytes_ = 0;
};

}  // namespace

Result<Artifacts> generateC(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts) {
    return Generator(g, plan, opts).run();
}

}  // namespace ember
