#include "Passes.h"

#include <algorithm>
#include <set>

#include "../ops/OpKernel.h"

namespace ember {
namespace {

Diagnostic &opError(Diagnostics &d, const Op &op, const std::string &msg) {
    Diagnostic &e = d.error(msg);
    e.opIndex = op.index;
    e.opName = op.typeName;
    return e;
}

std::string tensorList(const Graph &g, const std::vector<int> &idx) {
    std::string s;
    for (int i : idx) {
        if (i < 0 || size_t(i) >= g.tensors.size()) continue;
        s += (s.empty() ? "'" : ", '") + g.tensors[size_t(i)].name + "'";
    }
    return s.empty() ? "none" : s;
}

// 1. Every op must have a kernel. One error for the first unsupported op,
// mentioning how many others there are, so the user sees the whole problem.
bool checkSupportImpl(const Graph &g, Diagnostics &d) {
    std::vector<const Op *> bad;
    for (const Op &op : g.ops)
        if (!findKernel(op.type)) bad.push_back(&op);
    if (bad.empty()) return true;
    const Op &op = *bad.front();
    std::string msg = "unsupported operator " + op.typeName + " (inputs " + tensorList(g, op.inputs) +
                      "; outputs " + tensorList(g, op.outputs) + ")";
    if (bad.size() > 1) {
        std::set<std::string> others;
        for (size_t i = 1; i < bad.size(); ++i) others.insert(bad[i]->typeName);
        msg += "; " + std::to_string(bad.size() - 1) + " more unsupported op(s): ";
        bool first = true;
        for (const auto &o : others) {
            msg += (first ? "" : ", ") + o;
            first = false;
        }
    }
    msg += "; supported operators: " + supportedOpsList() +
           "; re-export the model with supported operators or file a request for this one";
    opError(d, op, msg);
    return false;
}

// An op folds when all its inputs are constant, or when it is SHAPE: shapes
// are static, so its result is known whatever its input holds. An op writing
// a graph output stays (the application reads that buffer).
bool foldable(const Graph &g, const Op &op) {
    for (int o : op.outputs)
        if (g.tensors[size_t(o)].isOutput) return false;
    if (!findKernel(op.type)->eval) return false;
    if (op.type == OpType::Shape) return true;
    bool allConst = !op.inputs.empty();
    for (int i : op.inputs)
        if (i >= 0 && !g.tensors[size_t(i)].isConst) allConst = false;
    return allConst;
}

// Evaluates `op` now with the reference kernel; its outputs become constants.
void fold(Graph &g, const Op &op) {
    Buffers buf(g.tensors.size());
    for (int i : op.inputs)
        if (i >= 0) buf[size_t(i)] = g.tensors[size_t(i)].data;
    for (int o : op.outputs) buf[size_t(o)].assign(g.tensors[size_t(o)].bytes(), 0);
    findKernel(op.type)->eval(g, op, buf);
    for (int o : op.outputs) {
        g.tensors[size_t(o)].data = std::move(buf[size_t(o)]);
        g.tensors[size_t(o)].isConst = true;
    }
}

// 2+3. Prepare every op in execution order and fold the foldable ones right
// away, so that the ops after them are prepared with constant inputs: a
// shape computed by SHAPE -> STRIDED_SLICE -> PACK (Keras' dynamic reshape)
// reaches RESHAPE as a constant, as RESHAPE requires.
bool prepareAndFold(Graph &g, Diagnostics &d) {
    std::vector<Op> kept;
    for (Op &op : g.ops) {
        const OpKernel *k = findKernel(op.type);
        if (!k->prepare(g, op, d)) {
            // Kernels should always explain a failure; make sure one is there.
            if (d.ok()) opError(d, op, "operator could not be prepared");
            return false;
        }
        if (foldable(g, op)) fold(g, op);
        else kept.push_back(std::move(op));
    }
    g.ops = std::move(kept);
    return true;
}

// 4. Remove ops none of whose outputs is read or is a graph output (also run
// before the support check).
void removeDeadCode(Graph &g) {
    bool changed = true;
    while (changed) {
        changed = false;
        std::vector<int> readers(g.tensors.size(), 0);
        for (const Op &op : g.ops)
            for (int i : op.inputs)
                if (i >= 0 && size_t(i) < readers.size()) ++readers[size_t(i)];
        for (size_t k = g.ops.size(); k-- > 0;) {
            bool live = g.ops[k].outputs.empty();  // e.g. ASSIGN_VARIABLE: kept for its side effect
            // An op that reads a variable may update it (LSTM/SVDF state): it
            // matters for the next call even if its outputs are unused.
            for (int i : g.ops[k].inputs)
                if (i >= 0 && size_t(i) < g.tensors.size() && g.tensors[size_t(i)].isVariable) live = true;
            // Out-of-range indices keep the op, so checkGraph reports them.
            for (int o : g.ops[k].outputs)
                if (o < 0 || size_t(o) >= readers.size() || readers[size_t(o)] > 0 || g.tensors[size_t(o)].isOutput)
                    live = true;
            if (!live) {
                g.ops.erase(g.ops.begin() + long(k));
                changed = true;
                break;
            }
        }
    }
}

}  // namespace

bool checkGraph(const Graph &g, Diagnostics &d) {
    const int n = int(g.tensors.size());
    std::vector<bool> available(g.tensors.size(), false);
    for (int i = 0; i < n; ++i) {
        const Tensor &t = g.tensors[size_t(i)];
        if (t.isConst || t.isVariable) available[size_t(i)] = true;  // variables hold state from the start
        for (int32_t dim : t.shape)
            if (dim < 0) {
                Diagnostic &e = d.error("dimension " + std::to_string(dim) + " in shape " + shapeString(t.shape) +
                                        " is not supported; give the model a fixed shape (batch 1) before compiling");
                e.tensor = t.name;
                return false;
            }
    }
    for (int i : g.inputs) {
        if (i < 0 || i >= n) {
            d.error("graph input index " + std::to_string(i) + " is out of range");
            return false;
        }
        available[size_t(i)] = true;
    }
    for (const Op &op : g.ops) {
        for (int i : op.inputs) {
            if (i >= n) {
                opError(d, op, "input tensor index " + std::to_string(i) + " is out of range");
                return false;
            }
            if (i >= 0 && !available[size_t(i)]) {
                opError(d, op, "reads a tensor no earlier op produces").tensor = g.tensors[size_t(i)].name;
                return false;
            }
        }
        for (int o : op.outputs) {
            if (o < 0 || o >= n) {
                opError(d, op, "output tensor index " + std::to_string(o) + " is out of range");
                return false;
            }
            if (available[size_t(o)]) {
                opError(d, op, "writes a tensor that is already produced (constant, input or earlier op)").tensor =
                    g.tensors[size_t(o)].name;
                return false;
            }
            available[size_t(o)] = true;
        }
    }
    for (int o : g.outputs) {
        if (o < 0 || o >= n) {
            d.error("graph output index " + std::to_string(o) + " is out of range");
            return false;
        }
        if (!available[size_t(o)]) {
            Diagnostic &e = d.error("graph output is never produced by any op");
            e.tensor = g.tensors[size_t(o)].name;
            return false;
        }
    }
    if (g.inputs.empty() && !g.ops.empty()) {
        d.error("the model has no inputs");
        return false;
    }
    return true;
}

bool runPasses(Graph &g, Diagnostics &d) {
    d.setFile(g.sourcePath);
    // Dead ops go first: an op that feeds no graph output (e.g. a CUSTOM
    // op left over from training) never runs, so it must not refuse the model.
    removeDeadCode(g);
    // Support next: unsupported ops (e.g. LSTMs with state tensors) would
    // otherwise show up as confusing graph-structure errors.
    if (!checkSupportImpl(g, d)) return false;
    if (!checkGraph(g, d)) return false;
    if (!prepareAndFold(g, d)) return false;
    removeDeadCode(g);
    return checkGraph(g, d);
}

bool checkSupport(const Graph &g, Diagnostics &d) { return checkSupportImpl(g, d); }

std::vector<std::string> supportedAlternatives(const std::string &typeName) {
    // Rewrites a converter can be asked for (or a model re-exported with);
    // only those whose ops all have a kernel are offered.
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kTable{
        {"GELU", {"LOGISTIC", "MUL"}},
        {"SQUARE", {"MUL"}},
        {"RELU_0_TO_1", {"RELU_N1_TO_1", "MAXIMUM", "MINIMUM"}},
        {"SQRT", {"RSQRT", "MUL"}},
        {"RSQRT", {"SQRT", "DIV"}},
        {"POW", {"MUL", "EXP", "LOG"}},
        {"REDUCE_MAX", {"MAX_POOL_2D"}},
        {"AVERAGE_POOL_2D", {"MEAN"}},
        {"MEAN", {"AVERAGE_POOL_2D"}},
        {"SUM", {"MEAN", "MUL"}},
        {"TRANSPOSE_CONV", {"RESIZE_NEAREST_NEIGHBOR", "CONV_2D"}},
        {"RESIZE_BILINEAR", {"RESIZE_NEAREST_NEIGHBOR"}},
        {"LSTM", {"UNIDIRECTIONAL_SEQUENCE_LSTM"}},
        {"BIDIRECTIONAL_SEQUENCE_LSTM", {"UNIDIRECTIONAL_SEQUENCE_LSTM"}},
        {"UNIDIRECTIONAL_SEQUENCE_RNN", {"FULLY_CONNECTED", "TANH"}},
        {"HARD_SWISH", {"RELU6", "MUL", "ADD"}},
        {"SELECT", {"SELECT_V2"}},
        {"ONE_HOT", {"EQUAL", "CAST"}},
        {"SPLIT_V", {"STRIDED_SLICE", "SLICE"}},
        {"TILE", {"BROADCAST_TO", "CONCATENATION"}},
        {"BATCH_MATMUL", {"FULLY_CONNECTED"}},
        {"EMBEDDING_LOOKUP", {"GATHER"}},
        {"LOCAL_RESPONSE_NORMALIZATION", {"L2_NORMALIZATION"}},
    };
    std::vector<std::string> supported;
    for (const SupportedOperator &o : supportedOperators()) supported.push_back(o.name);
    auto has = [&](const std::string &n) { return std::find(supported.begin(), supported.end(), n) != supported.end(); };
    for (const auto &[name, alts] : kTable) {
        if (name != typeName) continue;
        std::vector<std::string> out;
        for (const std::string &a : alts)
            if (has(a)) out.push_back(a);
        return out;
    }
    return {};
}

bool runPassesBrowse(Graph &g, Diagnostics &d) {
    d.setFile(g.sourcePath);
    removeDeadCode(g);
    for (Op &op : g.ops)
        if (!findKernel(op.type) && op.unsupportedReason.empty())  // ONNX import sets its own reason
            op.unsupportedReason = "Ember has no kernel for " + op.typeName;
    if (!checkGraph(g, d)) return false;
    // Prepare what can be prepared; a refusal marks the op instead of
    // ending the load, so the rest of the graph still shows.
    std::vector<Op> kept;
    for (Op &op : g.ops) {
        if (op.unsupportedReason.empty()) {
            Diagnostics pd;
            if (!findKernel(op.type)->prepare(g, op, pd)) {
                op.unsupportedReason = pd.items().empty() ? "the operator could not be prepared" : pd.items().front().message;
                op.params.reset();
            } else if (foldable(g, op)) {
                fold(g, op);
                continue;
            }
        }
        kept.push_back(std::move(op));
    }
    g.ops = std::move(kept);
    removeDeadCode(g);
    for (Op &op : g.ops) {
        if (op.unsupportedReason.empty()) continue;
        g.browseOnly = true;
        op.alternatives = supportedAlternatives(op.typeName);
        std::string msg = "unsupported operator " + op.typeName + " (outputs " + tensorList(g, op.outputs) +
                          "): " + op.unsupportedReason;
        if (!op.alternatives.empty()) {
            msg += "; supported alternatives: ";
            for (size_t i = 0; i < op.alternatives.size(); ++i) msg += (i ? ", " : "") + op.alternatives[i];
        }
        msg += "; the model opens for viewing only and cannot be compiled";
        Diagnostic &w = d.warning(msg);
        w.opIndex = op.index;
        w.opName = op.typeName;
    }
    return checkGraph(g, d);
}

}  // namespace ember
