// Building the Model (Model.h): what every writer of the package reads.
#include "Model.h"

#include <algorithm>
#include <set>

#include "CText.h"
#include "Runtime.h"
#include "../ops/Target.h"

namespace ember::codegen {

Model::Model(const Graph &g_, const MemoryPlan &plan_, const CompileOptions &opts_)
    : g(g_), plan(plan_), opts(opts_), mode(decideLayout(opts_, g_, plan_)),
      name(sanitizeIdentifier(opts_.name.empty() ? g_.name : opts_.name)), NAME(upper(name)) {
    // MemoryPlan::find is a linear search; a graph of 30k tensors asks it
    // for every layer argument.
    bufferOf_.assign(g.tensors.size(), nullptr);
    for (const PlannedBuffer &b : plan.buffers)
        if (b.tensor >= 0 && size_t(b.tensor) < bufferOf_.size() && !bufferOf_[size_t(b.tensor)])
            bufferOf_[size_t(b.tensor)] = &b;
}

bool Model::build(Diagnostics &diags) {
    nameIo();
    nameConstants();
    if (!setUpDims(diags)) return false;
    bool control = false;
    for (const Op &op : g.ops) control = control || op.type == OpType::If || op.type == OpType::While;
    if (control && (mode.anyPacked || !opts.dims.empty())) {
        diags.error(std::string("IF/WHILE control flow cannot be combined with ") +
                    (mode.anyPacked ? "--operators packed, --interface-api packed or --packed-wrappers"
                                    : "--dim") +
                    " yet (a control-flow layer calls its subgraphs' layers directly); use the default C API");
        return false;
    }
    if (!emitLayers(diags)) return false;
    if (mode.constantsPool) layoutConstantsPool();
    if (control) resolveNestedCpool();
    countConstantBytes();
    return true;
}

// ---- naming -----------------------------------------------------------------

void Model::nameIo() {
    std::set<std::string> used;
    auto unique = [&](std::string s) {
        std::string base = s;
        for (int k = 2; used.count(s); ++k) s = base + "_" + std::to_string(k);
        used.insert(s);
        return s;
    };
    for (int t : g.inputs) inputs.push_back({t, unique(shortName(g.tensors[size_t(t)].name))});
    for (int t : g.outputs) outputs.push_back({t, unique(shortName(g.tensors[size_t(t)].name))});
}

void Model::nameConstants() {
    std::set<std::string> used;
    constSymbol.assign(g.tensors.size(), "");
    for (size_t i = 0; i < g.tensors.size(); ++i) {
        if (!g.tensors[i].isConst) continue;
        std::string s = name + "_" + shortName(g.tensors[i].name, 32);
        std::string base = s;
        for (int k = 2; used.count(s); ++k) s = base + "_" + std::to_string(k);
        used.insert(s);
        constSymbol[i] = s;
    }
}

// --dim: mark dynamic axes (the graph is already at MAX) and name each dim's
// extent parameter after its input and axis, e.g. input_axis1.
bool Model::setUpDims(Diagnostics &diags) {
    if (opts.dims.empty()) return true;
    auto s = analyzeDynamicDims(g, opts.dims);
    if (!s) {
        diags.append(s.diagnostics());
        return false;
    }
    dyn = std::move(s.value());
    for (size_t d = 0; d < dyn.dims.size(); ++d) {
        const int t = dyn.dimTensor[d];
        if (g.tensors[size_t(t)].shape[size_t(dyn.dims[d].axis)] != dyn.dims[d].max) {
            diags.error("--dim " + dyn.dims[d].text() + ": the graph must be resized to MAX before "
                        "generating code; compile through ember::compile()")
                .tensor = g.tensors[size_t(t)].name;
            return false;
        }
        const Io *io = findIo(inputs, t);
        dimNames.push_back(io->field + "_axis" + std::to_string(dyn.dims[d].axis));
    }
    const size_t width = std::max<size_t>(2, std::to_string(g.ops.size()).size());
    for (const DerivedDim &dd : dyn.derived) {
        std::string num = std::to_string(dd.op);
        num.insert(0, width - std::min(width, num.size()), '0');
        std::string n = dimName(dd.from);
        // The root's name plus each window op's layer number.
        derivedNames.push_back(n + "_l" + num);
    }
    return true;
}

std::string Model::derivedExpr(int d) const {
    const DerivedDim &dd = dyn.derivedDim(d);
    return "(" + dimName(dd.from) + " - " + std::to_string(dd.window) + ") / " + std::to_string(dd.stride) + " + 1";
}

// Per-axis extent expressions of a tensor for EmitContext ("" = fixed).
std::vector<std::string> Model::dimExprs(int t, std::vector<int> *used) const {
    std::vector<std::string> r;
    if (dyn.empty() || t < 0) return r;
    for (size_t a = 0; a < g.tensors[size_t(t)].shape.size(); ++a) {
        const int d = dyn.dimOf(t, a);
        r.push_back(d >= 0 ? dimName(d) : "");
        if (d >= 0 && std::find(used->begin(), used->end(), d) == used->end()) used->push_back(d);
    }
    return r;
}

// ---- layers -------------------------------------------------------------------

// One op's layer: activation tensors become parameters in0.., out0..;
// constants are named; the op's emit writes the body.
bool Model::emitLayer(const Op &op, const std::string &function, bool nested, Diagnostics &diags,
                      const std::vector<int> *shared, bool rows) {
    if (op.type == OpType::If || op.type == OpType::While) return emitControlLayer(op, function, nested, diags);
    auto ptr = [&](int t) {
        const bool sharesBytes = shared && std::find(shared->begin(), shared->end(), t) != shared->end();
        return sharesBytes ? std::string(" *") : std::string(" *restrict ");
    };
    Layer L;
    L.op = &op;
    L.function = function;
    L.nested = nested;
    L.ctx.symbolPrefix = L.function;
    L.ctx.target = opts.target;
    for (size_t i = 0; i < op.inputs.size(); ++i) {
        const int t = op.inputs[i];
        if (t < 0) {
            L.ctx.inputs.push_back("0");
        } else if (g.tensors[size_t(t)].isConst) {
            L.ctx.inputs.push_back(constSymbol[size_t(t)]);
        } else {
            const std::string p = "in" + std::to_string(i);
            L.ctx.inputs.push_back(p);
            // Model state is read and updated in place.
            L.params.push_back(std::string(g.tensors[size_t(t)].isVariable ? "" : "const ") +
                               dtypeCType(g.tensors[size_t(t)].dtype) + ptr(t) + p);
            L.argTensors.push_back(t);
            L.argIsOutput.push_back(false);
        }
    }
    for (size_t j = 0; j < op.outputs.size(); ++j) {
        const int t = op.outputs[j];
        const std::string p = "out" + std::to_string(j);
        L.ctx.outputs.push_back(p);
        L.params.push_back(std::string(dtypeCType(g.tensors[size_t(t)].dtype)) + ptr(t) + p);
        L.argTensors.push_back(t);
        L.argIsOutput.push_back(true);
    }
    for (int t : op.inputs) L.ctx.inputDims.push_back(dimExprs(t, &L.dims));
    for (int t : op.outputs) L.ctx.outputDims.push_back(dimExprs(t, &L.dims));
    std::sort(L.dims.begin(), L.dims.end());
    const OpKernel *kernel = findKernel(op.type);
    if (!kernel || !kernel->emit) {
        Diagnostic &e = diags.error("operator has no C emitter");
        e.opIndex = op.index;
        e.opName = op.typeName;
        return false;
    }
    if (rows) {
        if (!emitConvRows(op, L, *kernel, diags)) return false;
    } else {
        kernel->emit(g, op, L.ctx);
    }
    layers.push_back(std::move(L));
    return true;
}

// IF / WHILE: the called subgraphs' ops become layers of their own (named
// after this one: <function>_then_l00_add, ...), written before this layer,
// which calls them inside a plain C `if` / `for (;;)` and copies the values
// between the op's tensors and the subgraphs' as TFLM does. Its parameters:
// the op's inputs and outputs, then every tensor of the called subgraphs
// (t<index>), all planned in the workspace.
bool Model::emitControlLayer(const Op &op, const std::string &function, bool nested, Diagnostics &diags) {
    const std::vector<int> called = calledSubgraphs(op);
    const bool isIf = op.type == OpType::If;
    const char *roles[2] = {isIf ? "then" : "cond", isIf ? "else" : "body"};
    std::vector<std::vector<size_t>> calls(called.size());
    for (size_t r = 0; r < called.size(); ++r) {
        const Subgraph &sg = g.subgraphs[size_t(called[r])];
        const size_t width = std::max<size_t>(2, std::to_string(sg.ops.size()).size());
        for (size_t k = 0; k < sg.ops.size(); ++k) {
            std::string num = std::to_string(k);
            num.insert(0, width - num.size(), '0');
            if (!emitLayer(sg.ops[k], function + "_" + roles[r] + "_l" + num + "_" + opTypeIdent(sg.ops[k].type), true,
                           diags))
                return false;
            calls[r].push_back(layers.size() - 1);
        }
    }
    Layer L;
    L.op = &op;
    L.function = function;
    L.nested = nested;
    L.ctx.symbolPrefix = function;
    std::map<int, std::string> expr;  // tensor → its C expression in this function
    for (size_t i = 0; i < op.inputs.size(); ++i) {
        const int t = op.inputs[i];
        if (g.tensors[size_t(t)].isConst) {
            expr[t] = constSymbol[size_t(t)];
            continue;
        }
        expr[t] = "in" + std::to_string(i);
        L.params.push_back("const " + std::string(dtypeCType(g.tensors[size_t(t)].dtype)) + " *restrict " + expr[t]);
        L.argTensors.push_back(t);
        L.argIsOutput.push_back(false);
    }
    for (size_t j = 0; j < op.outputs.size(); ++j) {
        const int t = op.outputs[j];
        expr[t] = "out" + std::to_string(j);
        L.params.push_back(std::string(dtypeCType(g.tensors[size_t(t)].dtype)) + " *restrict " + expr[t]);
        L.argTensors.push_back(t);
        L.argIsOutput.push_back(true);
    }
    for (int t : controlFlowTensors(g, op)) {
        expr[t] = "t" + std::to_string(t);
        L.params.push_back(std::string(dtypeCType(g.tensors[size_t(t)].dtype)) + " *restrict " + expr[t]);
        L.argTensors.push_back(t);
        L.argIsOutput.push_back(true);
    }
    auto name = [&](int t) { return g.tensors[size_t(t)].isConst ? constSymbol[size_t(t)] : expr.at(t); };
    std::string body;
    bool anyCall = false;
    auto line = [&](const std::string &text, int indent) { body += std::string(size_t(indent) * 4, ' ') + text + "\n"; };
    auto copy = [&](int to, int from, int indent, const std::string &why) {
        line("memcpy(" + name(to) + ", " + name(from) + ", " + std::to_string(g.tensors[size_t(to)].bytes()) +
                 "); /* " + why + " */",
             indent);
    };
    auto run = [&](size_t r, int indent) {
        const Subgraph &sg = g.subgraphs[size_t(called[r])];
        line("/* " + std::string(roles[r]) + ": subgraph " + std::to_string(called[r]) + " '" +
                 commentSafe(sg.name) + "', " + std::to_string(sg.ops.size()) + " layer(s) */",
             indent);
        for (size_t c : calls[r]) {
            const Layer &N = layers[c];
            std::string args;
            for (size_t a = 0; a < N.argTensors.size(); ++a) args += (a ? ", " : "") + name(N.argTensors[a]);
            args += N.argTensors.empty() ? "@CPOOL@" : "@CPOOL,@";
            line("status = " + N.function + "(" + args + "); /* " + N.op->typeName + " '" +
                     commentSafe(g.layerName(*N.op)) + "' */",
                 indent);
            line("if (status != 0) return status;", indent);
            anyCall = true;
        }
    };
    if (isIf) {
        for (size_t r = 0; r < 2; ++r) {
            const Subgraph &sg = g.subgraphs[size_t(called[r])];
            line(r == 0 ? "if (" + name(op.inputs[0]) + "[0]) {" : "} else {", 1);
            for (size_t i = 0; i < sg.inputs.size(); ++i)
                copy(sg.inputs[i], op.inputs[i + 1], 2, "input " + std::to_string(i + 1));
            run(r, 2);
            for (size_t j = 0; j < sg.outputs.size(); ++j)
                copy(op.outputs[j], sg.outputs[j], 2, "output " + std::to_string(j));
        }
        line("}", 1);
    } else {
        const Subgraph &cond = g.subgraphs[size_t(called[0])], &bodySg = g.subgraphs[size_t(called[1])];
        for (size_t i = 0; i < op.inputs.size(); ++i)
            copy(op.outputs[i], op.inputs[i], 1, "loop-carried value " + std::to_string(i) + " starts as input " +
                                                      std::to_string(i));
        line("for (;;) {", 1);
        for (size_t i = 0; i < cond.inputs.size(); ++i) copy(cond.inputs[i], op.outputs[i], 2, "value " + std::to_string(i));
        run(0, 2);
        line("if (!" + name(cond.outputs[0]) + "[0]) break;", 2);
        for (size_t i = 0; i < bodySg.inputs.size(); ++i)
            copy(bodySg.inputs[i], op.outputs[i], 2, "value " + std::to_string(i));
        run(1, 2);
        for (size_t i = 0; i < bodySg.outputs.size(); ++i)
            copy(op.outputs[i], bodySg.outputs[i], 2, "value " + std::to_string(i));
        line("}", 1);
    }
    std::string head = anyCall ? "    int32_t status = 0;\n" : "";
    for (const auto &[t, e] : expr)
        if (!g.tensors[size_t(t)].isConst && !mentions(body, e)) head += "    (void)" + e + ";\n";
    L.ctx.body = head + body;
    L.callees.clear();
    for (const auto &c : calls) L.callees.insert(L.callees.end(), c.begin(), c.end());
    layers.push_back(std::move(L));
    return true;
}

// Control layers call nested layers with a placeholder for the constants
// pool: `cpool` when a callee reads it (which then makes the caller read it).
void Model::resolveNestedCpool() {
    for (Layer &L : layers) {
        if (L.callees.empty()) continue;
        for (size_t c : L.callees)
            if (layers[c].usesCpool) L.usesCpool = true;
        std::string out;
        const std::string b = L.ctx.body;
        for (size_t i = 0; i < b.size();) {
            const bool comma = b.compare(i, 8, "@CPOOL,@") == 0;
            if (comma || b.compare(i, 7, "@CPOOL@") == 0) {
                // which callee: the function name before the '('
                const size_t open = b.rfind('(', i);
                const size_t start = b.rfind(' ', open) + 1;
                const std::string fn = b.substr(start, open - start);
                bool uses = false;
                for (size_t c : L.callees)
                    if (layers[c].function == fn) uses = layers[c].usesCpool;
                out += uses ? (comma ? ", cpool" : "cpool") : "";
                i += comma ? 8 : 7;
            } else {
                out += b[i++];
            }
        }
        L.ctx.body = out;
    }
}

bool Model::emitLayers(Diagnostics &diags) {
    const size_t width = std::max<size_t>(2, std::to_string(g.ops.size()).size());
    const OptimizeScope optimize(opts.optimize);  // --optimize, for the emitters with variants
    // Tensors sharing one buffer at a layer (MemoryPlan::shares) are passed
    // without `restrict`: the pointers are equal there.
    std::vector<std::vector<int>> sharedAt(g.ops.size());
    std::vector<char> rowsAt(g.ops.size(), 0);
    for (const BufferShare &sh : plan.shares)
        if (sh.step >= 0 && size_t(sh.step) < g.ops.size()) {
            sharedAt[size_t(sh.step)].push_back(sh.input);
            sharedAt[size_t(sh.step)].push_back(sh.output);
            if (sh.kind == ShareKind::InPlace && rowsInPlaceOp(g.ops[size_t(sh.step)].type)) rowsAt[size_t(sh.step)] = 1;
        }
    // Fused chains (MemoryPlan::fused): one layer at the chain's last op,
    // none at the others.
    std::vector<const FusedChain *> chainAt(g.ops.size(), nullptr);
    std::vector<char> inChain(g.ops.size(), 0);
    for (const FusedChain &ch : plan.fused) {
        chainAt[size_t(ch.last())] = &ch;
        for (int s : ch.steps) inChain[size_t(s)] = 1;
    }
    for (size_t k = 0; k < g.ops.size(); ++k) {
        const Op &op = g.ops[k];
        std::string num = std::to_string(k);
        num.insert(0, width - num.size(), '0');
        if (const FusedChain *ch = chainAt[k]) {
            std::string fn = name + "_l" + num;
            for (int s : ch->steps) fn += std::string("_") + opTypeIdent(g.ops[size_t(s)].type);
            if (!emitFusedLayer(*ch, fn, sharedAt[k], diags)) return false;
            continue;
        }
        if (inChain[k]) continue;
        if (!emitLayer(op, name + "_l" + num + "_" + opTypeIdent(op.type), false, diags, &sharedAt[k], rowsAt[k] != 0))
            return false;
    }
    // Which model constants the code reads (shape tensors folded into the
    // code, for instance, are not emitted).
    std::string bodies;
    for (const Layer &L : layers) bodies += L.ctx.body;
    for (size_t i = 0; i < g.tensors.size(); ++i)
        if (!constSymbol[i].empty() && mentions(bodies, constSymbol[i])) usedConst.push_back(int(i));
    return true;
}

// --constants pool: model constants live in one application-provided pool;
// layer bodies read them through `cpool` at fixed offsets.
void Model::layoutConstantsPool() {
    size_t off = 0;
    for (int i : usedConst) {
        const size_t a = 16;
        off = (off + a - 1) / a * a;
        cpoolOffset[i] = off;
        off += g.tensors[size_t(i)].bytes();
    }
    cpoolBytes = (off + 15) / 16 * 16;
    for (Layer &L : layers)
        for (int i : usedConst) {
            const std::string &sym = constSymbol[size_t(i)];
            if (!mentions(L.ctx.body, sym)) continue;
            const std::string expr = "((const " + std::string(dtypeCType(g.tensors[size_t(i)].dtype)) +
                                     " *)(cpool + " + std::to_string(cpoolOffset[i]) + "))";
            L.ctx.body = replaceWord(L.ctx.body, sym, expr);
            L.usesCpool = true;
        }
}

// What <name>_constants.c holds, in flash or in the pool image alike.
void Model::countConstantBytes() {
    for (int i : usedConst) constantBytes += g.tensors[size_t(i)].bytes();
    for (const Layer &L : layers)
        for (const ConstArray &c : L.ctx.constants) constantBytes += c.data.size();
}

// ---- queries ------------------------------------------------------------------

const PlannedBuffer *Model::planned(int t) const {
    return t >= 0 && size_t(t) < bufferOf_.size() ? bufferOf_[size_t(t)] : nullptr;
}

size_t Model::poolBytes(size_t p) const {
    const size_t a = std::max<size_t>(1, plan.pools[p].align);
    return (plan.poolUsed[p] + a - 1) / a * a;
}

bool Model::poolUsed(size_t p) const {
    for (const PlannedBuffer &b : plan.buffers)
        if (size_t(b.pool) == p) return true;
    return false;
}

const Io *Model::findIo(const std::vector<Io> &ios, int t) const {
    for (const Io &io : ios)
        if (io.tensor == t) return &io;
    return nullptr;
}

int Model::ioPosition(int t, bool *isOutput) const {
    for (size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].tensor == t) {
            *isOutput = false;
            return int(i);
        }
    for (size_t j = 0; j < outputs.size(); ++j)
        if (outputs[j].tensor == t) {
            *isOutput = true;
            return int(j);
        }
    return -1;
}

bool Model::anyLayerUsesCpool() const {
    for (const Layer &L : layers)
        if (L.usesCpool) return true;
    return false;
}

std::string Model::accessorParams() const {
    return mode.runTakesPools ? "struct " + name + "_workspace_pools *pools" : "void";
}

std::string Model::resetParams() const {
    if (!mode.stateAppProvided) return "void";
    return mode.packedEntry ? "uint8_t *state_pool" : accessorParams();
}

std::vector<int> Model::stateTensors() const {
    std::vector<int> r;
    for (const PlannedBuffer &b : plan.buffers)
        if (g.tensors[size_t(b.tensor)].isVariable) r.push_back(b.tensor);
    std::sort(r.begin(), r.end(), [&](int a, int b) { return planned(a)->offset < planned(b)->offset; });
    return r;
}

std::string Model::runParams() const {
    std::vector<std::string> p;
    if (mode.runTakesIo) {
        p.push_back("struct " + name + "_inputs *inputs");
        p.push_back("struct " + name + "_outputs *outputs");
    }
    if (mode.runTakesPools) p.push_back(accessorParams());
    for (const std::string &d : dimNames) p.push_back("int32_t " + d);
    std::string s;
    for (size_t i = 0; i < p.size(); ++i) s += (i ? ", " : "") + p[i];
    return s.empty() ? "void" : s;
}

std::vector<std::string> Model::typedParams(const Layer &L) const {
    std::vector<std::string> params = L.params;
    if (L.usesCpool) params.push_back("const uint8_t *restrict cpool");
    return params;
}

std::string Model::typedSignature(const Layer &L) const {
    std::vector<std::string> params = typedParams(L);
    for (int d : L.dims) params.push_back("int32_t " + dimName(d));
    std::string s = "int32_t " + L.function + "(";
    for (size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + params[i];
    return s + (params.empty() ? "void)" : ")");
}

std::string Model::layerSignature(const Layer &L) const {
    return mode.packedLayers ? "int32_t " + L.function + kPackedSignature : typedSignature(L);
}

}  // namespace ember::codegen
