// The end of src/<name>.c with --packed-wrappers: packed wrappers of the
// entrypoint and of every typed layer, their argument descriptions, and the
// name → function table. The methods follow the output from top to bottom.
#include <algorithm>

#include "CText.h"
#include "Runtime.h"
#include "Writers.h"

namespace ember::codegen {

std::vector<int> entryArgTensorsOf(const Model &m) {
    std::vector<int> r;
    for (const EntryArg &e : m.mode.entryArgs)
        r.push_back(e.kind == EntryArg::Input    ? m.inputs[e.index].tensor
                    : e.kind == EntryArg::Output ? m.outputs[e.index].tensor
                                                 : -1);
    return r;
}

std::vector<int> allDimsOf(const Model &m) {
    std::vector<int> r;
    for (size_t d = 0; d < m.dyn.count(); ++d) r.push_back(int(d));
    return r;
}

namespace {

class PackedFunctionsWriter {
public:
    PackedFunctionsWriter(const Model &m, std::ostringstream &o)
        : m_(m), g_(m.g), mode_(m.mode), name_(m.name), o_(o) {}

    void write() {
        if (mode_.runWrapper) runWrapper();
        if (mode_.layerWrappers)
            for (const Layer &L : m_.layers) layerWrapper(L);
        functionTable();
    }

    // Argument descriptions: of the entrypoint, then of each layer. The
    // layers' are extern when the packed layers of <name>_ops.c check against them.
    void argInfos() {
        if (mode_.entryArgInfos) {
            o_ << "/* Arguments of each packed function, as its table entry describes them. */\n";
            o_ << "static const struct ember_arg_info " << name_ << "_args_run[] = {\n";
            for (const EntryArg &e : mode_.entryArgs) {
                switch (e.kind) {
                case EntryArg::Input: tensorArg(m_.inputs[e.index].tensor, false); break;
                case EntryArg::Output: tensorArg(m_.outputs[e.index].tensor, true); break;
                case EntryArg::Pool: {
                    const PoolSpec &pool = m_.plan.pools[e.index];
                    argInfo(pool.name, "EMBER_ROLE_POOL", -1, DType::UInt8, 1,
                            name_ + "_shape_pool_" + sanitizeIdentifier(pool.name), m_.poolBytes(e.index), "0",
                            std::max<size_t>(1, pool.align));
                    break;
                }
                case EntryArg::Constants: constantsArg(); break;
                }
            }
            o_ << "};\n";
        }
        if (!mode_.layerArgInfos) return;
        const char *linkage = mode_.checkedPacked && mode_.packedLayers ? "" : "static ";
        for (const Layer &L : m_.layers) {
            o_ << linkage << "const struct ember_arg_info " << L.function << "_args[] = {\n";
            for (size_t i = 0; i < L.argTensors.size(); ++i) tensorArg(L.argTensors[i], L.argIsOutput[i]);
            if (L.usesCpool) constantsArg();
            o_ << "};\n";
        }
        o_ << "\n";
    }

private:
    // <name>_run_packed: unpacks the arguments into the C entrypoint's.
    void runWrapper() {
        const bool pools = mode_.runTakesPools;
        o_ << "\n/* Packed wrapper of " << name_ << "_run: arguments as in the function table. */\n";
        o_ << "int32_t " << name_ << "_run_packed" << kPackedSignature << "\n{\n";
        if (mode_.runTakesIo) o_ << "    struct " << name_ << "_inputs in;\n    struct " << name_ << "_outputs out;\n";
        if (pools) o_ << "    struct " << name_ << "_workspace_pools pools;\n";
        o_ << kPackedUnusedArgs;
        o_ << packedArgCheck(m_, name_ + "_run", name_ + "_args_run", mode_.entryArgs.size(), "    ");
        o_ << packedDimLocals(m_, entryArgTensors(), allDims(), m_.NAME + "_ERROR_EXTENT", m_.NAME + "_ERROR_SHAPE",
                              "    ");
        for (size_t a = 0; a < mode_.entryArgs.size(); ++a) {
            const EntryArg &e = mode_.entryArgs[a];
            const std::string data = "ember_arg_data(args, " + std::to_string(a) + ");\n";
            switch (e.kind) {
            case EntryArg::Input:
            case EntryArg::Output: {
                if (!mode_.runTakesIo) break;  // copied in and out below
                const Io &io = e.kind == EntryArg::Input ? m_.inputs[e.index] : m_.outputs[e.index];
                o_ << "    " << (e.kind == EntryArg::Input ? "in." : "out.") << io.field << " = ("
                   << dtypeCType(g_.tensors[size_t(io.tensor)].dtype) << " *)" << data;
                break;
            }
            case EntryArg::Pool: {
                const std::string c = sanitizeIdentifier(m_.plan.pools[e.index].name);
                o_ << "    pools." << c << " = (uint8_t *)" << data;
                o_ << "    pools." << c << "_bytes = ember_arg_bytes(args, " << a << ");\n";
                break;
            }
            case EntryArg::Constants:
                o_ << "    pools.constants = (const uint8_t *)" << data;
                o_ << "    pools.constants_bytes = ember_arg_bytes(args, " << a << ");\n";
                break;
            }
        }
        const std::string pa = pools ? "&pools" : "";
        std::string dims;  // the --dim extents, read from the inputs' shapes
        for (const std::string &d : m_.dimNames) dims += ", " + d;
        if (mode_.runTakesIo) {
            o_ << "    return " << name_ << "_run(&in, &out" << (pools ? ", &pools" : "") << dims << ");\n}\n";
            return;
        }
        for (size_t i = 0; i < m_.inputs.size(); ++i)
            o_ << "    memcpy(" << m_.accessorName(false, m_.inputs[i]) << "(" << pa << "), ember_arg_data(args, " << i
               << "), " << dynamicBytes(m_, m_.inputs[i].tensor) << ");\n";
        o_ << "    {\n        int32_t status = " << name_ << "_run("
           << (pa.empty() && !dims.empty() ? dims.substr(2) : pa + dims) << ");\n";
        o_ << "        if (status != 0) return status;\n    }\n";
        for (size_t j = 0; j < m_.outputs.size(); ++j)
            o_ << "    memcpy(ember_arg_data(args, " << (m_.inputs.size() + j) << "), "
               << m_.accessorName(true, m_.outputs[j]) << "(" << pa << "), "
               << dynamicBytes(m_, m_.outputs[j].tensor) << ");\n";
        o_ << "    return 0;\n}\n";
    }

    // <layer>_packed: calls the typed layer function with the DLTensors' data.
    void layerWrapper(const Layer &L) {
        o_ << "\nint32_t " << L.function << "_packed" << kPackedSignature << "\n{\n";
        o_ << kPackedUnusedArgs;
        o_ << packedArgCheck(m_, L.function, L.function + "_args", L.argCount(), "    ");
        o_ << packedDimLocals(m_, L.argTensors, L.dims, m_.NAME + "_ERROR_EXTENT", m_.NAME + "_ERROR_SHAPE", "    ");
        o_ << "    return " << L.function << "(";
        size_t i = 0;
        for (; i < L.argTensors.size(); ++i) {
            const Tensor &x = g_.tensors[size_t(L.argTensors[i])];
            o_ << (i ? ", " : "") << "(" << (L.argIsOutput[i] ? "" : "const ") << dtypeCType(x.dtype)
               << " *)ember_arg_data(args, " << i << ")";
        }
        if (L.usesCpool) o_ << (i ? ", " : "") << "(const uint8_t *)ember_arg_data(args, " << i << ")";
        for (int d : L.dims) o_ << ", " << m_.dimName(d);
        o_ << ");\n}\n";
    }

    // The entrypoint's arguments' tensors (-1 for pools) and every dim.
    std::vector<int> entryArgTensors() const { return entryArgTensorsOf(m_); }
    std::vector<int> allDims() const { return allDimsOf(m_); }

    void argInfo(const std::string &name, const char *role, int tensor, DType dt, size_t ndim,
                 const std::string &shape, size_t bytes, const std::string &init, size_t align) {
        o_ << "    {\"" << cEscape(name) << "\", " << role << ", " << tensor << ", " << dlCode(dt) << ", "
           << dtypeSize(dt) * 8 << ", " << ndim << ", " << shape << ", " << bytes << ", " << init << ", " << align
           << "},\n";
    }

    // A tensor's data must be aligned to its element size, as its typed
    // pointer needs (less if --align placed it less aligned in its pool).
    void tensorArg(int t, bool out) {
        const Tensor &x = g_.tensors[size_t(t)];
        size_t align = dtypeSize(x.dtype);
        if (const PlannedBuffer *b = m_.planned(t))
            align = std::min(align, std::max<size_t>(1, m_.plan.pools[size_t(b->pool)].align));
        argInfo(x.name, out ? "EMBER_ROLE_OUTPUT" : "EMBER_ROLE_INPUT", t, x.dtype, x.shape.size(),
                m_.shapeSymbol(t), x.bytes(), "0", align);
    }

    void constantsArg() {
        argInfo("constants", "EMBER_ROLE_CONSTANTS", -1, DType::UInt8, 1, name_ + "_shape_cpool", m_.cpoolBytes,
                name_ + "_constants_image", kConstantsPoolAlign);
    }

    void functionTable() {
        const size_t count = m_.layers.size() + 1;
        const std::string entryFn = name_ + (mode_.runWrapper ? "_run_packed" : "_run");
        o_ << "\nconst struct ember_function_info " << name_ << "_functions[" << count << "] = {\n";
        o_ << "    {\"" << name_ << "_run\", " << entryFn << ", " << mode_.entryArgs.size() << ", " << name_
           << "_args_run},\n";
        for (const Layer &L : m_.layers)
            o_ << "    {\"" << L.function << "\", " << L.function << (mode_.layerWrappers ? "_packed" : "") << ", "
               << L.argCount() << ", " << L.function << "_args},\n";
        o_ << "};\n";
        o_ << "const int32_t " << name_ << "_function_count = " << count << ";\n\n";
        o_ << "const struct ember_function_info *" << name_ << "_lookup(const char *name)\n{\n";
        o_ << "    int32_t i;\n    for (i = 0; i < " << count << "; ++i)\n";
        o_ << "        if (strcmp(" << name_ << "_functions[i].name, name) == 0) return &" << name_
           << "_functions[i];\n";
        o_ << "    return 0;\n}\n";
    }

    const Model &m_;
    const Graph &g_;
    const Layout &mode_;
    const std::string &name_;
    std::ostringstream &o_;
};

}  // namespace

void writePackedFunctions(const Model &m, std::ostringstream &o) { PackedFunctionsWriter(m, o).write(); }

void writeArgInfos(const Model &m, std::ostringstream &o) { PackedFunctionsWriter(m, o).argInfos(); }

std::string packedDimLocals(const Model &m, const std::vector<int> &argTensors, const std::vector<int> &dims,
                            const std::string &extentError, const std::string &shapeError, const std::string &indent) {
    if (dims.empty()) return {};
    auto shape = [](size_t k, size_t a) {
        return "((const DLTensor *)args[" + std::to_string(k) + "].v_handle)->shape[" + std::to_string(a) + "]";
    };
    std::string o;
    std::vector<int> known;
    auto isKnown = [&](int d) { return std::find(known.begin(), known.end(), d) != known.end(); };
    for (int d : dims) {
        const std::string &name = m.dimName(d);
        if (m.dyn.isDerived(d) && isKnown(m.dyn.derivedDim(d).from)) {
            o += indent + "const int32_t " + name + " = " + m.derivedExpr(d) + ";\n";
            known.push_back(d);
            continue;
        }
        for (size_t k = 0; k < argTensors.size() && !isKnown(d); ++k) {
            if (argTensors[k] < 0) continue;
            for (size_t a = 0; a < m.g.tensors[size_t(argTensors[k])].shape.size(); ++a)
                if (m.dyn.dimOf(argTensors[k], a) == d) {
                    o += indent + "const int32_t " + name + " = (int32_t)" + shape(k, a) + ";\n";
                    o += indent + "if (" + name + " < " + std::to_string(m.dyn.minExtent(d)) + " || " + name + " > " +
                         std::to_string(m.dyn.maxExtent(d)) + ") return " + extentError + ";\n";
                    known.push_back(d);
                    break;
                }
        }
    }
    // Every other dynamic axis of the arguments must agree with them.
    std::vector<int> checked;
    for (size_t k = 0; k < argTensors.size(); ++k) {
        if (argTensors[k] < 0) continue;
        for (size_t a = 0; a < m.g.tensors[size_t(argTensors[k])].shape.size(); ++a) {
            const int d = m.dyn.dimOf(argTensors[k], a);
            if (d < 0 || !isKnown(d)) continue;
            o += indent + "if (" + shape(k, a) + " != " + m.dimName(d) + ") return " + shapeError + ";\n";
            checked.push_back(d);
        }
    }
    // Extents only computed on the way to another one.
    for (int d : known)
        if (std::find(checked.begin(), checked.end(), d) == checked.end()) o += indent + "(void)" + m.dimName(d) + ";\n";
    return o;
}

std::string dynamicBytes(const Model &m, int t) {
    const Tensor &x = m.g.tensors[size_t(t)];
    if (!m.dyn.isDynamic(t)) return std::to_string(x.bytes());
    std::string e = "(size_t)" + std::to_string(dtypeSize(x.dtype));
    for (size_t a = 0; a < x.shape.size(); ++a) {
        const int d = m.dyn.dimOf(t, a);
        e += " * (size_t)" + (d >= 0 ? m.dimName(d) : std::to_string(x.shape[a]));
    }
    return "(" + e + ")";
}

std::string packedArgCheck(const Model &m, const std::string &function, const std::string &infos, size_t count,
                           const std::string &indent) {
    if (!m.mode.checkedPacked) return indent + "if (num_args != " + std::to_string(count) + ") return -1;\n";
    return indent + "{\n" + indent + "    const int32_t checked = " + m.name + "_check_args(\"" + function + "\", " +
           infos + ", " + std::to_string(count) + ", args, type_codes, num_args);\n" + indent +
           "    if (checked != 0) return checked;\n" + indent + "}\n";
}

}  // namespace ember::codegen
