// The C generator. Each Emit* function writes one file of the package and
// reads in the same order as the file it produces.
#include "CGenerator.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

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

class Generator {
public:
    Generator(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts)
        : g_(g), plan_(plan), name_(sanitizeIdentifier(opts.name.empty() ? g.name : opts.name)),
          NAME_(upper(name_)), opts_(opts) {}

    Result<Artifacts> run() {
        nameIo();
        nameConstants();
        if (!emitLayers()) return diags_;
        Artifacts a;
        a.name = name_;
        a.plan = plan_;
        // Ops first: they decide which constants exist; the header reports their size.
        std::string ops = emitOps();
        std::string constants = emitConstants();
        a.files.emplace_back("include/" + name_ + "/" + name_ + ".h", emitHeader());
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
        std::vector<std::string> params;  // C parameter declarations
        std::vector<std::string> args;    // call arguments
    };

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

    // C expression for an activation tensor's storage.
    std::string pointerTo(int t) const {
        const Tensor &x = g_.tensors[size_t(t)];
        for (const Io &io : inputs_)
            if (io.tensor == t) return "inputs->" + io.field;
        for (const Io &io : outputs_)
            if (io.tensor == t) return "outputs->" + io.field;
        const PlannedBuffer *b = plan_.find(t);
        EMBER_ASSERT(b != nullptr);
        const PoolSpec &pool = plan_.pools[size_t(b->pool)];
        return "(" + std::string(dtypeCType(x.dtype)) + " *)(" + poolSymbol(pool) + " + " +
               std::to_string(b->offset) + ")";
    }

    std::string poolSymbol(const PoolSpec &p) const { return name_ + "_" + sanitizeIdentifier(p.name); }

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
                    L.params.push_back("const " + std::string(dtypeCType(g_.tensors[size_t(t)].dtype)) +
                                       " *restrict " + p);
                    L.args.push_back(pointerTo(t));
                }
            }
            for (size_t j = 0; j < op.outputs.size(); ++j) {
                const int t = op.outputs[j];
                const std::string p = "out" + std::to_string(j);
                L.ctx.outputs.push_back(p);
                L.params.push_back(std::string(dtypeCType(g_.tensors[size_t(t)].dtype)) + " *restrict " + p);
                L.args.push_back(pointerTo(t));
            }
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
        return true;
    }

    std::string layerComment(const Layer &L, const std::string &indent) const {
        const Op &op = *L.op;
        std::string s = indent + "/* " + op.typeName + " '" + commentSafe(g_.layerName(op)) + "'";
        if (op.attrs.activation != Activation::None &&
            (op.type == OpType::Conv2D || op.type == OpType::DepthwiseConv2D || op.type == OpType::FullyConnected ||
             op.type == OpType::Add || op.type == OpType::Sub || op.type == OpType::Mul ||
             op.type == OpType::AveragePool2D || op.type == OpType::MaxPool2D))
            s += std::string(", fused ") + activationName(op.attrs.activation);
        s += "\n";
        for (size_t i = 0; i < op.inputs.size(); ++i) {
            if (op.inputs[i] < 0) continue;
            const Tensor &t = g_.tensors[size_t(op.inputs[i])];
            s += indent + " *   in  " + (t.isConst ? "(const) " : "") + "'" + commentSafe(t.name) + "' " +
                 quantComment(t) + "\n";
        }
        for (int o : op.outputs) {
            const Tensor &t = g_.tensors[size_t(o)];
            s += indent + " *   out '" + commentSafe(t.name) + "' " + quantComment(t) + "\n";
        }
        return s + indent + " */\n";
    }

    std::string emitHeader() const {
        std::ostringstream o;
        const std::string guard = NAME_ + "_H_";
        o << "/* " << name_ << ".h: public API of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#ifndef " << guard << "\n#define " << guard << "\n\n#include <stdint.h>\n\n";
        o << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
        auto ioMacros = [&](const char *kind, const std::vector<Io> &ios) {
            o << "#define " << NAME_ << "_" << kind << "_COUNT " << ios.size() << "\n";
            for (size_t i = 0; i < ios.size(); ++i) {
                const Tensor &t = g_.tensors[size_t(ios[i].tensor)];
                const std::string p = NAME_ + "_" + kind + "_" + std::to_string(i);
                o << "/* " << kind[0] << std::string(kind + 1) << " " << i << ": '" << commentSafe(t.name)
                  << "' (field ." << ios[i].field << "), " << quantComment(t) << " */\n";
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
        size_t total = 0;
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            o << "/* workspace pool '" << plan_.pools[p].name << "' */\n";
            o << "#define " << NAME_ << "_POOL_" << upper(sanitizeIdentifier(plan_.pools[p].name)) << "_BYTES "
              << poolBytes(p) << "\n";
            total += poolBytes(p);
        }
        o << "#define " << NAME_ << "_WORKSPACE_BYTES " << total << "\n";
        o << "#define " << NAME_ << "_CONSTANTS_BYTES " << constantBytes_ << "\n";
        o << "#define " << NAME_ << "_LAYER_COUNT " << layers_.size() << "\n\n";
        auto ioStruct = [&](const char *kind, const std::vector<Io> &ios) {
            o << "struct " << name_ << "_" << kind << " {\n";
            for (const Io &io : ios)
                o << "    " << dtypeCType(g_.tensors[size_t(io.tensor)].dtype) << " *" << io.field << ";\n";
            o << "};\n\n";
        };
        ioStruct("inputs", inputs_);
        ioStruct("outputs", outputs_);
        o << "/* Runs one inference. Returns 0 on success. */\n";
        o << "int32_t " << name_ << "_run(struct " << name_ << "_inputs *inputs, struct " << name_
          << "_outputs *outputs);\n\n";
        o << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
        return o.str();
    }

    size_t poolBytes(size_t p) const {
        const size_t a = std::max<size_t>(1, plan_.pools[p].align);
        return (plan_.poolUsed[p] + a - 1) / a * a;
    }

    std::string signature(const Layer &L) const {
        std::string s = "int32_t " + L.function + "(";
        for (size_t i = 0; i < L.params.size(); ++i) s += (i ? ", " : "") + L.params[i];
        return s + (L.params.empty() ? "void)" : ")");
    }

    std::string emitEntrypoint() const {
        std::ostringstream o;
        o << "/* " << name_ << ".c: entrypoint of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#include <stdint.h>\n\n#include \"" << name_ << "/" << name_ << ".h\"\n\n";
        o << "/* Per-layer hooks, e.g. for cycle counting; empty unless the build defines them. */\n";
        o << "#ifndef EMBER_LAYER_BEGIN\n#define EMBER_LAYER_BEGIN(index) ((void)0)\n#endif\n";
        o << "#ifndef EMBER_LAYER_END\n#define EMBER_LAYER_END(index) ((void)0)\n#endif\n\n";
        o << "/* Layer functions (" << name_ << "_ops.c). */\n";
        for (const Layer &L : layers_) o << signature(L) << ";\n";
        o << "\n";
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const PoolSpec &pool = plan_.pools[p];
            if (poolBytes(p) == 0) continue;
            o << "/* Pool '" << pool.name << "': " << plan_.poolUsed[p] << " bytes planned by '" << plan_.planner
              << "' (lower bound " << plan_.lowerBound << "). */\n";
            o << "static uint8_t " << poolSymbol(pool) << "[" << poolBytes(p) << "] __attribute__((aligned("
              << std::max<size_t>(1, pool.align) << ")))";
            if (!pool.section.empty()) o << " __attribute__((section(\"" << pool.section << "\")))";
            o << ";\n\n";
        }
        o << "int32_t " << name_ << "_run(struct " << name_ << "_inputs *inputs, struct " << name_
          << "_outputs *outputs)\n{\n    int32_t status;\n\n";
        for (size_t k = 0; k < layers_.size(); ++k) {
            const Layer &L = layers_[k];
            o << "    /* " << k << ": " << L.op->typeName << " '" << commentSafe(g_.layerName(*L.op)) << "' */\n";
            o << "    EMBER_LAYER_BEGIN(" << k << ");\n";
            o << "    status = " << L.function << "(";
            for (size_t i = 0; i < L.args.size(); ++i) o << (i ? ", " : "") << L.args[i];
            o << ");\n";
            o << "    EMBER_LAYER_END(" << k << ");\n";
            o << "    if (status != 0) return status;\n";
        }
        if (layers_.empty()) o << "    status = 0;\n    (void)inputs;\n    (void)outputs;\n";
        o << "    return status;\n}\n";
        return o.str();
    }

    static bool mentions(const std::string &text, const std::string &word) {
        for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
            const bool startOk = p == 0 || !(std::isalnum(static_cast<unsigned char>(text[p - 1])) || text[p - 1] == '_');
            const size_t e = p + word.size();
            const bool endOk =
                e >= text.size() || !(std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_');
            if (startOk && endOk) return true;
        }
        return false;
    }

    std::string emitOps() {
        std::ostringstream o;
        o << "/* " << name_ << "_ops.c: one function per layer of the '" << commentSafe(g_.name)
          << "' model, generated by Ember. Do not edit. */\n";
        o << "#include <float.h>\n#include <math.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n\n";
        // Helpers, deduplicated across layers, in first-use order.
        std::vector<std::pair<std::string, std::string>> helpers;
        for (const Layer &L : layers_)
            for (const auto &h : L.ctx.helpers)
                if (std::none_of(helpers.begin(), helpers.end(), [&](const auto &x) { return x.first == h.first; }))
                    helpers.push_back(h);
        for (const auto &h : helpers) o << h.second << "\n";
        // Constants read by the layers (defined in _constants.c).
        std::string bodies;
        for (const Layer &L : layers_) bodies += L.ctx.body;
        std::ostringstream decls;
        for (size_t i = 0; i < g_.tensors.size(); ++i) {
            if (constSymbol_[i].empty() || !mentions(bodies, constSymbol_[i])) continue;
            const Tensor &t = g_.tensors[i];
            usedConst_.push_back(int(i));
            decls << "extern const " << dtypeCType(t.dtype) << " " << constSymbol_[i] << "[" << std::max<int64_t>(1, t.elements())
                  << "];\n";
        }
        for (const Layer &L : layers_)
            for (const ConstArray &c : L.ctx.constants)
                decls << "extern const " << dtypeCType(c.dtype) << " " << c.symbol << "["
                      << std::max<size_t>(1, c.data.size() / dtypeSize(c.dtype)) << "];\n";
        if (!decls.str().empty()) o << "/* Weights, biases and requantization tables (" << name_ << "_constants.c). */\n" << decls.str() << "\n";
        for (const Layer &L : layers_) {
            o << layerComment(L, "");
            o << signature(L) << "\n{\n";
            std::string unused;
            for (const std::string &p : L.ctx.inputs)
                if ((p.rfind("in", 0) == 0) && !mentions(L.ctx.body, p)) unused += "    (void)" + p + ";\n";
            for (const std::string &p : L.ctx.outputs)
                if (!mentions(L.ctx.body, p)) unused += "    (void)" + p + ";\n";
            o << unused << L.ctx.body << "    return 0;\n}\n\n";
        }
        return o.str();
    }

    static void emitArray(std::ostringstream &o, DType dt, const uint8_t *data, size_t count) {
        const size_t perLine = dt == DType::Float32 ? 6 : (dt == DType::Int8 || dt == DType::UInt8 ? 16 : 10);
        for (size_t i = 0; i < count; ++i) {
            if (i % perLine == 0) o << (i ? "\n    " : "    ");
            int64_t v = 0;
            switch (dt) {
            case DType::Float32: {
                float f;
                std::memcpy(&f, data + i * 4, 4);
                o << cFloat(f) << ",";
                if ((i + 1) % perLine != 0 && i + 1 < count) o << " ";
                continue;
            }
            case DType::Int8: v = int8_t(data[i]); break;
            case DType::UInt8:
            case DType::Bool: v = data[i]; break;
            case DType::Int16: { int16_t x; std::memcpy(&x, data + i * 2, 2); v = x; break; }
            case DType::Int32: { int32_t x; std::memcpy(&x, data + i * 4, 4); v = x; break; }
            case DType::Int64: { int64_t x; std::memcpy(&x, data + i * 8, 8); v = x; break; }
            }
            o << cInt(v) << ",";
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
        return j;
    }

    std::string emitMetadata(const Artifacts &a) const {
        json m;
        m["name"] = name_;
        m["generator"] = "ember 0.1.0";
        m["model"] = std::filesystem::path(g_.sourcePath).filename().string();
        json options;
        options["operators"] = "unpacked";
        options["interface_api"] = "c";
        options["planner"] = plan_.planner;
        options["align"] = opts_.plan.align;
        options["io"] = opts_.plan.ioInWorkspace ? "workspace" : "separate";
        options["constants"] = "flash";
        m["options"] = options;
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
            j["c_name"] = poolSymbol(pool);
            j["size"] = poolBytes(p);
            j["used"] = plan_.poolUsed[p];
            j["capacity"] = pool.size;
            j["section"] = pool.section;
            j["align"] = pool.align;
            j["app_provided"] = pool.appProvided;
            m["pools"].push_back(j);
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
        m["files"] = json::array();
        for (const auto &f : a.files) m["files"].push_back(f.first);
        return m.dump(1) + "\n";
    }

    const Graph &g_;
    const MemoryPlan &plan_;
    std::string name_, NAME_;
    const CompileOptions &opts_;
    Diagnostics diags_;
    std::vector<Io> inputs_, outputs_;
    std::vector<std::string> constSymbol_;
    std::vector<Layer> layers_;
    std::vector<int> usedConst_;
    size_t constantBytes_ = 0;
};

}  // namespace

Result<Artifacts> generateC(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts) {
    return Generator(g, plan, opts).run();
}

}  // namespace ember
