#include "Elementwise.h"

#include <algorithm>

#include "Common.h"

namespace ember::ew {

std::string typeList(const std::vector<DType> &types) {
    std::string s;
    for (size_t i = 0; i < types.size(); ++i) {
        if (i > 0) s += i + 1 == types.size() ? " or " : ", ";
        s += dtypeName(types[i]);
    }
    return s;
}

bool checkBroadcastRank(const Graph &g, const Op &op, Diagnostics &d, const std::string &name,
                        const std::vector<const Shape *> &shapes, int maxRank) {
    bool same = true;
    size_t rank = 0;
    for (const Shape *s : shapes) {
        same = same && *s == *shapes.front();
        rank = std::max(rank, s->size());
    }
    if (same || rank <= size_t(maxRank)) return true;
    return opError(d, g, op,
                   name + " broadcasts at most " + std::to_string(maxRank) + " dimensions (TFLM's kernel), the inputs have " +
                       std::to_string(rank) + "; give the inputs the same shape or fewer dimensions");
}

bool prepareBinary(const Graph &g, const Op &op, Diagnostics &d, const BinarySpec &spec, Broadcast *bc) {
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, spec.name + " expects 2 inputs and 1 output");
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    if (std::find(spec.types.begin(), spec.types.end(), a.dtype) == spec.types.end())
        return opError(d, g, op,
                       spec.name + " supports " + typeList(spec.types) + " inputs, not " + dtypeName(a.dtype),
                       op.inputs[0]);
    if (b.dtype != a.dtype)
        return opError(d, g, op,
                       spec.name + " needs the same type on both inputs (got " + dtypeName(a.dtype) + " and " +
                           dtypeName(b.dtype) + ")",
                       op.inputs[1]);
    const DType outType = spec.boolOutput ? DType::Bool : a.dtype;
    if (o.dtype != outType)
        return opError(d, g, op,
                       spec.name + " produces " + dtypeName(outType) + " here, but the output tensor is " +
                           dtypeName(o.dtype) + "; re-export the model",
                       op.outputs[0]);
    Shape out;
    if (!Broadcast::outputShape(a.shape, b.shape, &out))
        return opError(d, g, op,
                       "input shapes " + shapeString(a.shape) + " and " + shapeString(b.shape) +
                           " cannot be broadcast together (each dimension must match or be 1)");
    if (!checkBroadcastRank(g, op, d, spec.name, {&a.shape, &b.shape}, spec.maxBroadcastRank)) return false;
    if (!checkOutputShape(d, g, op, op.outputs[0], out)) return false;
    *bc = Broadcast::plan(a.shape, b.shape);
    return true;
}

void emitBinaryLoops(const Broadcast &bc, EmitContext &ctx, const ElementBody &body) {
    bc.emitLoops(ctx, [&](const std::string &o, const std::string &a, const std::string &b, int ind) {
        body(ctx.inputs[0] + "[" + a + "]", ctx.inputs[1] + "[" + b + "]", ctx.outputs[0] + "[" + o + "]", ind);
    });
}

std::string describeBinary(const Graph &g, const Op &op, const Broadcast &bc, const std::string &extra) {
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    return "/* " + std::string(opTypeName(op.type)) + " " + dtypeName(a.dtype) + ": " + shapeString(a.shape) + ", " +
           shapeString(b.shape) + " -> " + shapeString(o.shape) + (bc.sameShape ? ", same shapes" : ", broadcast") +
           extra + " */";
}

std::string plusC(const std::string &e, int64_t k) {
    if (k == 0) return e;
    return e + (k > 0 ? " + " + cInt(k) : " - " + cInt(-k));
}

Rescale rescaleFor(double realMultiplier, int32_t zeroPoint) {
    Rescale r;
    r.offset = -zeroPoint;
    quantizeMultiplierSmallerThanOneExp(realMultiplier, &r.multiplier, &r.shift);
    return r;
}

int32_t applyRescale(const Rescale &r, int leftShift, int32_t q) {
    return multiplyByQuantizedMultiplierSmallerThanOneExp((q + r.offset) * (1 << leftShift), r.multiplier, r.shift);
}

std::string rescaleC(const Rescale &r, int leftShift, const std::string &q) {
    std::string v = "(int32_t)" + q;
    if (r.offset != 0) v = "(" + plusC(v, r.offset) + ")";
    if (leftShift != 0) v += " * " + std::to_string(1 << leftShift);
    return "ember_rdbpot(ember_srdhm(" + v + ", " + cInt(r.multiplier) + "), " + std::to_string(-r.shift) + ")";
}

void useRescaleHelpers(EmitContext &ctx) {
    useHelper(ctx, "ember_srdhm");
    useHelper(ctx, "ember_rdbpot");
}

}  // namespace ember::ew
