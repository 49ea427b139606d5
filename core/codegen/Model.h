// The generated package before it is text: names of everything, the layer
// functions with their emitted bodies, the constants and their placement.
// Built once (Model::build); every writer reads it and none changes it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "CGenerator.h"
#include "Layout.h"
#include "../ops/OpKernel.h"

namespace ember::codegen {

// A convolution re-shaped to one window of its input (RowInPlace.h,
// RowFusion.h): `span` rows in, one row out, no top padding; its graph holds
// the op's own tensors only.
struct WindowedOp {
    Graph g;
    Op op;
};
WindowedOp convWindow(const Graph &g, const Op &op, int span);
// `body` (lines) with `indent` put before every non-empty line.
std::string indentBody(const std::string &body, const std::string &indent);

// A graph input or output and its C field / accessor name.
struct Io {
    int tensor;
    std::string field;
};

// One layer function of <name>_ops.c.
struct Layer {
    const Op *op;                     // the op (a fused chain: its last op, whose output the layer writes)
    std::vector<const Op *> chain;    // a fused chain (RowFusion.h): its ops in order; empty otherwise
    std::string function;
    EmitContext ctx;                  // the op's emitted body, helpers and constant arrays
    std::vector<std::string> params;  // typed C parameter declarations of its activation tensors
    std::vector<int> argTensors;      // activation tensors passed, in parameter order
    std::vector<bool> argIsOutput;
    std::vector<int> dims;            // dynamic dims the layer loops to (extent parameters)
    bool usesCpool = false;           // reads constants through the constants pool (`cpool`)
    // Control flow: a layer of a subgraph IF/WHILE calls. Only its IF/WHILE
    // layer calls it (the run function skips it).
    bool nested = false;
    std::vector<size_t> callees;      // IF/WHILE: the nested layers it calls (indices into Model::layers)

    // "CONV_2D", or a fused chain's ops joined: "CONV_2D+CONV_2D+ADD".
    std::string opName() const {
        if (chain.empty()) return op->typeName;
        std::string s;
        for (const Op *o : chain) s += (s.empty() ? "" : "+") + o->typeName;
        return s;
    }

    // Arguments in the packed calling convention: the tensors, then the constants pool.
    size_t argCount() const { return argTensors.size() + (usesCpool ? 1 : 0); }
};

struct Model {
    Model(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts);
    // Names, dynamic dims, layer bodies, constants placement. False (and
    // diagnostics) when the graph cannot be generated in these modes.
    bool build(Diagnostics &diags);

    const Graph &g;
    const MemoryPlan &plan;
    const CompileOptions &opts;
    const Layout mode;
    const std::string name, NAME;  // C prefix, and upper case for macros

    std::vector<Io> inputs, outputs;
    DynamicShapes dyn;
    std::vector<std::string> dimNames;    // extent parameter of each dynamic dim
    // Derived dims (DynamicShapes::derived): locals of the run function,
    // passed to the layers that loop to them, e.g. input_axis1_l03.
    std::vector<std::string> derivedNames;
    const std::string &dimName(int d) const {
        return dyn.isDerived(d) ? derivedNames[size_t(d) - dimNames.size()] : dimNames[size_t(d)];
    }
    // C expression of a derived dim from its source's name.
    std::string derivedExpr(int d) const;
    std::vector<std::string> constSymbol;  // by tensor: its C array, "" unless constant
    std::vector<Layer> layers;
    std::vector<int> usedConst;           // model constants some layer reads, by tensor index
    std::map<int, size_t> cpoolOffset;    // --constants pool: offset of each used constant
    size_t cpoolBytes = 0;
    size_t constantBytes = 0;             // every constant array of <name>_constants.c

    const PlannedBuffer *planned(int t) const;
    size_t poolBytes(size_t p) const;  // planned size rounded up to the pool's alignment
    bool poolUsed(size_t p) const;     // some buffer lives in pool p
    std::string poolSymbol(const PoolSpec &p) const { return name + "_" + sanitizeIdentifier(p.name); }
    std::string poolLocal(size_t p) const { return "pool_" + sanitizeIdentifier(plan.pools[p].name); }
    std::string shapeSymbol(int t) const { return name + "_shape_t" + std::to_string(t); }
    std::string accessorName(bool output, const Io &io) const {
        return name + (output ? "_output_" : "_input_") + io.field;
    }
    const Io *findIo(const std::vector<Io> &ios, int t) const;
    // Position of t among the inputs or outputs (*isOutput tells which), -1 if neither.
    int ioPosition(int t, bool *isOutput) const;
    bool anyLayerUsesCpool() const;

    // Parameter lists of the C entrypoint, the I/O accessors and <name>_reset.
    std::string runParams() const;
    std::string accessorParams() const;
    std::string resetParams() const;
    // The variable tensors in the state pool, by offset.
    std::vector<int> stateTensors() const;

    // Declaration of a layer function, as the layers are called in this mode.
    std::string layerSignature(const Layer &L) const;
    // Its typed form: tensors, constants pool, then the dynamic extents.
    std::string typedSignature(const Layer &L) const;
    std::vector<std::string> typedParams(const Layer &L) const;  // without the extents

private:
    void nameIo();
    void nameConstants();
    bool setUpDims(Diagnostics &diags);
    std::vector<std::string> dimExprs(int t, std::vector<int> *used) const;
    bool emitLayers(Diagnostics &diags);
    // `shared`: tensors sharing one buffer at this layer (passed without restrict).
    // `rows`: a convolution written over its input row by row (InPlaceRows.cpp).
    bool emitLayer(const Op &op, const std::string &function, bool nested, Diagnostics &diags,
                   const std::vector<int> *shared = nullptr, bool rows = false);
    bool emitConvRows(const Op &op, Layer &L, const OpKernel &kernel, Diagnostics &diags);
    // A fused chain (MemoryPlan::fused) as one layer (FusedRows.cpp).
    bool emitFusedLayer(const FusedChain &chain, const std::string &function, const std::vector<int> &shared,
                        Diagnostics &diags);
    bool emitControlLayer(const Op &op, const std::string &function, bool nested, Diagnostics &diags);
    void layoutConstantsPool();
    void resolveNestedCpool();
    void countConstantBytes();

    std::vector<const PlannedBuffer *> bufferOf_;  // by tensor index
};

}  // namespace ember::codegen
