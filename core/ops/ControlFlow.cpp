// IF and WHILE: control flow over subgraphs (Graph::subgraphs), with TFLM's
// semantics (tflite-micro kernels/if.cc, while.cc):
//   IF     input 0 is a bool tensor of one element; inputs 1.. are copied to
//          the chosen branch's inputs, the branch runs, its outputs are
//          copied to the op's outputs.
//   WHILE  the op's inputs are copied to its outputs (the loop-carried
//          values); then, until the cond subgraph's output 0 is false: the
//          values are copied to cond's inputs, cond runs, and if true they
//          are copied to body's inputs, body runs and its outputs become the
//          values.
// Prepare validates the signatures and prepares the called subgraphs' ops;
// eval runs them with their own kernels. The C is not written by emit: the
// generator (codegen/Model.cpp) builds the layer from the subgraphs' layer
// functions, as plain C `if` / `for (;;)` around their calls.
#include "OpError.h"

namespace ember {
namespace {

const char *role(const Op &op, size_t r) {
    if (op.type == OpType::If) return r == 0 ? "then" : "else";
    return r == 0 ? "cond" : "body";
}

std::string tensorDesc(const Tensor &t) { return std::string(dtypeName(t.dtype)) + " " + shapeString(t.shape); }

// Subgraph tensor `sub` must hold what op tensor `mine` holds (TFLM copies
// them byte for byte after checking the type and the byte length).
bool sameSlot(Diagnostics &d, const Graph &g, const Op &op, const std::string &what, int mine, int sub) {
    const Tensor &a = g.tensors[size_t(mine)], &b = g.tensors[size_t(sub)];
    if (a.dtype == b.dtype && a.bytes() == b.bytes()) return true;
    return opError(d, g, op,
                   what + " is " + tensorDesc(b) + " but the operator's tensor '" + a.name + "' is " + tensorDesc(a) +
                       "; the subgraphs must have the operator's signature (same types and sizes, static shapes)",
                   sub);
}

// Every op of the subgraph: supported, reading only what exists at that
// point, and prepared with its own kernel (nested IF/WHILE recurse here).
bool prepareSubgraph(Graph &g, const Op &op, int s, size_t r, Diagnostics &d) {
    const std::string name = std::string("the ") + role(op, r) + " subgraph " + std::to_string(s);
    std::vector<char> ready(g.tensors.size(), 0);
    for (size_t t = 0; t < g.tensors.size(); ++t) ready[t] = g.tensors[t].isConst || g.tensors[t].isVariable;
    for (int t : g.subgraphs[size_t(s)].inputs) {
        if (g.tensors[size_t(t)].isConst)
            return opError(d, g, op, name + " has a constant input; the file is damaged", t);
        ready[size_t(t)] = 1;
    }
    for (size_t k = 0; k < g.subgraphs[size_t(s)].ops.size(); ++k) {
        Op &sub = g.subgraphs[size_t(s)].ops[k];
        const OpKernel *kernel = findKernel(sub.type);
        if (!kernel || !kernel->eval || !kernel->emit)
            return opError(d, g, op,
                           name + " has " + sub.typeName + " (its op " + std::to_string(k) +
                               "), which ember does not support (inside control flow the supported operators "
                               "are those `emberc ops` lists); replace it");
        for (int t : sub.inputs)
            if (t >= 0 && !ready[size_t(t)])
                return opError(d, g, op,
                               name + ": its op " + std::to_string(k) + " (" + sub.typeName +
                                   ") reads a tensor no earlier op of the subgraph produces; the file is damaged",
                               t);
        for (int t : sub.outputs) ready[size_t(t)] = 1;
        // Errors name the caller first: the subgraph's own op indices
        // would point into the main graph's list.
        Diagnostics inner;
        if (!kernel->prepare(g, sub, inner)) {
            for (const Diagnostic &e : inner.items())
                if (e.severity == Diagnostic::Severity::Error) {
                    Diagnostic &x = d.error(name + ", op " + std::to_string(k) + " (" + sub.typeName + "): " +
                                            e.message);
                    x.opIndex = op.index;
                    x.opName = op.typeName;
                    x.tensor = e.tensor;
                }
            if (d.ok()) opError(d, g, op, name + ", op " + std::to_string(k) + " could not be prepared");
            return false;
        }
    }
    for (int t : g.subgraphs[size_t(s)].outputs)
        if (!ready[size_t(t)])
            return opError(d, g, op, name + "'s output is never produced by its ops; the file is damaged", t);
    return true;
}

bool prepareControl(Graph &g, Op &op, Diagnostics &d) {
    const std::vector<int> called = calledSubgraphs(op);
    for (size_t r = 0; r < called.size(); ++r) {
        const int s = called[r];
        if (s <= 0 || size_t(s) >= g.subgraphs.size() || !g.subgraphs[size_t(s)].present)
            return opError(d, g, op,
                           std::string("the ") + role(op, r) + " subgraph index " + std::to_string(s) +
                               " names no subgraph of the model; the file is damaged, export the model again");
    }
    for (int t : op.inputs)
        if (t < 0) return opError(d, g, op, "an input is absent (index -1); the file is damaged");
    if (op.type == OpType::If) {
        if (op.inputs.empty()) return opError(d, g, op, "has no inputs; input 0 must be the condition");
        const Tensor &c = g.in(op, 0);
        if (c.dtype != DType::Bool || c.elements() != 1)
            return opError(d, g, op,
                           "the condition (input 0) is " + tensorDesc(c) +
                               "; TFLM needs a bool tensor of one element, compare the value first (e.g. with "
                               "GREATER or NOT_EQUAL)",
                           op.inputs[0]);
        for (size_t r = 0; r < 2; ++r) {
            const Subgraph &sg = g.subgraphs[size_t(called[r])];
            const std::string name = std::string("the ") + role(op, r) + " subgraph " + std::to_string(called[r]);
            if (sg.inputs.size() != op.inputs.size() - 1 || sg.outputs.size() != op.outputs.size())
                return opError(d, g, op,
                               name + " takes " + std::to_string(sg.inputs.size()) + " input(s) and gives " +
                                   std::to_string(sg.outputs.size()) + " output(s), but the IF passes " +
                                   std::to_string(op.inputs.size() - 1) + " and expects " +
                                   std::to_string(op.outputs.size()) +
                                   "; both branches must have the IF's signature (inputs after the condition)");
            for (size_t i = 0; i < sg.inputs.size(); ++i)
                if (!sameSlot(d, g, op, name + "'s input " + std::to_string(i), op.inputs[i + 1], sg.inputs[i]))
                    return false;
            for (size_t j = 0; j < sg.outputs.size(); ++j)
                if (!sameSlot(d, g, op, name + "'s output " + std::to_string(j), op.outputs[j], sg.outputs[j]))
                    return false;
        }
    } else {
        const Subgraph &cond = g.subgraphs[size_t(called[0])], &body = g.subgraphs[size_t(called[1])];
        const size_t n = op.inputs.size();
        if (op.outputs.size() != n || cond.inputs.size() != n || body.inputs.size() != n || body.outputs.size() != n)
            return opError(d, g, op,
                           "has " + std::to_string(n) + " input(s) and " + std::to_string(op.outputs.size()) +
                               " output(s), its cond subgraph takes " + std::to_string(cond.inputs.size()) +
                               " and its body takes " + std::to_string(body.inputs.size()) + " and gives " +
                               std::to_string(body.outputs.size()) +
                               "; all must be equal (the loop-carried values)");
        if (cond.outputs.empty() || g.tensors[size_t(cond.outputs[0])].dtype != DType::Bool)
            return opError(d, g, op,
                           "the cond subgraph's output 0 must be a bool tensor (the loop condition); it is " +
                               (cond.outputs.empty() ? std::string("missing")
                                                     : tensorDesc(g.tensors[size_t(cond.outputs[0])])),
                           cond.outputs.empty() ? -1 : cond.outputs[0]);
        if (g.tensors[size_t(cond.outputs[0])].elements() < 1)
            return opError(d, g, op, "the cond subgraph's output 0 is empty; it must hold the loop condition",
                           cond.outputs[0]);
        for (size_t i = 0; i < n; ++i) {
            const std::string k = std::to_string(i);
            if (!sameSlot(d, g, op, "output " + k, op.inputs[i], op.outputs[i]) ||
                !sameSlot(d, g, op, "the cond subgraph's input " + k, op.inputs[i], cond.inputs[i]) ||
                !sameSlot(d, g, op, "the body subgraph's input " + k, op.inputs[i], body.inputs[i]) ||
                !sameSlot(d, g, op, "the body subgraph's output " + k, op.inputs[i], body.outputs[i]))
                return false;
        }
    }
    for (size_t r = 0; r < called.size(); ++r)
        if (!prepareSubgraph(g, op, called[r], r, d)) return false;
    op.params = called;  // prepared (the generator checks every op has params)
    return true;
}

// ---- reference execution ------------------------------------------------------

// Buffers for the subgraphs' tensors (a folding pass hands eval only the
// op's own tensors).
void ensureBuffers(const Graph &g, const Subgraph &sg, Buffers &b) {
    auto fix = [&](int t) {
        if (t < 0) return;
        const Tensor &x = g.tensors[size_t(t)];
        if (b[size_t(t)].size() == x.bytes()) return;
        if (x.isConst) b[size_t(t)] = x.data;
        else b[size_t(t)].assign(x.bytes(), 0);
    };
    for (int t : sg.inputs) fix(t);
    for (int t : sg.outputs) fix(t);
    for (const Op &o : sg.ops) {
        for (int t : o.inputs) fix(t);
        for (int t : o.outputs) fix(t);
    }
}

void runSubgraph(const Graph &g, int s, Buffers &b) {
    const Subgraph &sg = g.subgraphs[size_t(s)];
    ensureBuffers(g, sg, b);
    for (const Op &o : sg.ops) findKernel(o.type)->eval(g, o, b);
}

void copyAll(Buffers &b, const std::vector<int> &from, const std::vector<int> &to) {
    // Through copies, as TFLM's intermediate buffers: `from` and `to` may share tensors.
    std::vector<std::vector<uint8_t>> tmp;
    for (int t : from) tmp.push_back(b[size_t(t)]);
    for (size_t i = 0; i < to.size(); ++i) b[size_t(to[i])] = tmp[i];
}

void evalIf(const Graph &g, const Op &op, Buffers &b) {
    const bool cond = b[size_t(op.inputs[0])][0] != 0;
    const int s = cond ? op.attrs.thenSubgraph : op.attrs.elseSubgraph;
    const Subgraph &sg = g.subgraphs[size_t(s)];
    ensureBuffers(g, sg, b);
    copyAll(b, std::vector<int>(op.inputs.begin() + 1, op.inputs.end()), sg.inputs);
    runSubgraph(g, s, b);
    copyAll(b, sg.outputs, op.outputs);
}

void evalWhile(const Graph &g, const Op &op, Buffers &b) {
    const Subgraph &cond = g.subgraphs[size_t(op.attrs.condSubgraph)];
    const Subgraph &body = g.subgraphs[size_t(op.attrs.bodySubgraph)];
    ensureBuffers(g, cond, b);
    ensureBuffers(g, body, b);
    copyAll(b, op.inputs, op.outputs);
    for (;;) {
        copyAll(b, op.outputs, cond.inputs);
        runSubgraph(g, op.attrs.condSubgraph, b);
        if (b[size_t(cond.outputs[0])][0] == 0) break;
        copyAll(b, op.outputs, body.inputs);
        runSubgraph(g, op.attrs.bodySubgraph, b);
        copyAll(b, body.outputs, op.outputs);
    }
}

void evalControl(const Graph &g, const Op &op, Buffers &b) {
    if (op.type == OpType::If) evalIf(g, op, b);
    else evalWhile(g, op, b);
}

// Never called: codegen/Model.cpp writes IF/WHILE layers from the called
// subgraphs' layer functions.
void emitControl(const Graph &, const Op &op, EmitContext &ctx) {
    ctx.line(std::string("/* ") + opTypeName(op.type) + ": written by the C generator */");
}

}  // namespace

extern const OpKernel kIf, kWhile;
const OpKernel kIf = {OpType::If, prepareControl, evalControl, emitControl, nullptr,
                      "any (the branches' operators decide)"};
const OpKernel kWhile = {OpType::While, prepareControl, evalControl, emitControl, nullptr,
                         "any (the body's operators decide)"};

}  // namespace ember
