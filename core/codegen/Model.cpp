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
    if (!emitLayers(diags)) return false;
    if (mode.constantsPool) layoutConstantsPool();
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
    if (mode.anyPacked) {
        diags.error("--dim cannot be combined with --operators packed, --interface-api packed or "
                    "--packed-wrappers yet (packed tensor descriptors have fixed shapes); use the default "
                    "C API with --dim");
        return false;
    }
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
    return true;
}

// Per-axis extent expressions of a tensor for EmitContext ("" = fixed).
std::vector<std::string> Model::dimExprs(int t, std::vector<int> *used) const {
    std::vector<std::string> r;
    if (dyn.empty() || t < 0) return r;
    for (size_t a = 0; a < g.tensors[size_t(t)].shape.size(); ++a) {
        const int d = dyn.dimOf(t, a);
        r.push_back(d >= 0 ? dimNames[size_t(d)] : "");
        if (d >= 0 && std::find(used->begin(), used->end(), d) == used->end()) used->push_back(d);
    }
    return r;
}

// ---- layers -------------------------------------------------------------------

// Each op's emit fills its layer's body; constants are named, activation
// tensors become parameters in0.., out0...
bool Model::emitLayers(Diagnostics &diags) {
    const size_t width = std::max<size_t>(2, std::to_string(g.ops.size()).size());
    const OptimizeScope optimize(opts.optimize);  // --optimize, for the emitters with variants
    for (size_t k = 0; k < g.ops.size(); ++k) {
        const Op &op = g.ops[k];
        Layer L;
        L.op = &op;
        std::string num = std::to_string(k);
        num.insert(0, width - num.size(), '0');
        L.function = name + "_l" + num + "_" + opTypeIdent(op.type);
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
                                   dtypeCType(g.tensors[size_t(t)].dtype) + " *restrict " + p);
                L.argTensors.push_back(t);
                L.argIsOutput.push_back(false);
            }
        }
        for (size_t j = 0; j < op.outputs.size(); ++j) {
            const int t = op.outputs[j];
            const std::string p = "out" + std::to_string(j);
            L.ctx.outputs.push_back(p);
            L.params.push_back(std::string(dtypeCType(g.tensors[size_t(t)].dtype)) + " *restrict " + p);
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
        kernel->emit(g, op, L.ctx);
        layers.push_back(std::move(L));
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
    for (int d : L.dims) params.push_back("int32_t " + dimNames[size_t(d)]);
    std::string s = "int32_t " + L.function + "(";
    for (size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + params[i];
    return s + (params.empty() ? "void)" : ")");
}

std::string Model::layerSignature(const Layer &L) const {
    return mode.packedLayers ? "int32_t " + L.function + kPackedSignature : typedSignature(L);
}

}  // namespace ember::codegen
