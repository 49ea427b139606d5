// TEMPLATE for a new operator (not compiled). Copy to core/ops/<Name>.cpp,
// register `k<Name>` in Registry.cpp, add OpType/name in ir/Graph.{h,cpp}
// and the importer's builtin-code mapping.
//
// Lifecycle (as TFLM): prepare validates everything and derives constants;
// eval and emit assume a valid, prepared op.
#include "Common.h"

namespace ember {
namespace {

struct Params {      // everything derived at compile time
    int32_t outMultiplier = 0;
    int outShift = 0;
    int32_t actMin = 0, actMax = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) {
        auto &e = d.error(msg);
        e.opIndex = op.index;
        e.opName = op.typeName;
        if (tensor >= 0) e.tensor = g.tensors[size_t(tensor)].name;
        return false;
    };
    if (op.inputs.size() != 1 || op.outputs.size() != 1) return fail("expects 1 input and 1 output");
    const Tensor &in = g.in(op, 0);
    Tensor &out = g.tensors[size_t(op.outputs[0])];
    if (in.dtype != out.dtype) return fail("input and output types differ", op.outputs[0]);
    // Shape inference: compute the expected output shape; if the model's
    // shape differs, report it ("model says [..] but the op produces [..]").
    Params p;
    // ... derive multipliers with quantizeMultiplier(), clamps with
    // activationRangeQuantized() ...
    op.params = p;
    return true;
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    (void)g; (void)p; (void)b;
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    (void)g; (void)p;
    // ctx.inputs[0] / ctx.outputs[0] are typed pointers; bake shapes and
    // constants into the loops so the compiler can unroll and vectorise.
    ctx.line("/* ... */");
}

}  // namespace

const OpKernel kTemplate = {OpType::Unsupported, prepare, eval, emit, nullptr};

}  // namespace ember
