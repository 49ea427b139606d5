// ONNX reductions (ReduceMean/Max/Min/Sum and the composed ReduceSumSquare,
// ReduceL1/L2, ReduceLogSum(Exp)) and Softmax/LogSoftmax with ONNX's axis
// rules on Ember's last-axis kernels.
#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

// Reductions, optionally composed: pre (x*x, |x|, exp x) → reduce → post
// (sqrt, log), for ReduceSumSquare, ReduceL1/L2, ReduceLogSum(Exp).
enum class Pre { None, Square, Abs, Exp };
enum class Post { None, Sqrt, Log };
void reduce(Ctx &c, OpType t, bool axesInput, Pre pre = Pre::None, Post post = Post::None) {
    const Shape s = c.inShape(0);
    const size_t r = s.size();
    std::vector<int64_t> axes = axesInput ? (c.has(1) ? c.constInts(1, "axes") : std::vector<int64_t>{})
                                          : c.attrInts("axes");
    const bool keep = c.attrInt("keepdims", 1) != 0;
    if (axes.empty()) {
        if (c.attrInt("noop_with_empty_axes", 0) && pre == Pre::None && post == Post::None) {
            c.values[c.node->output(0)] = c.values.at(c.inName(0));
            return;
        }
        if (c.attrInt("noop_with_empty_axes", 0)) c.refuse("noop_with_empty_axes with empty axes is not supported");
        for (size_t i = 0; i < r; ++i) axes.push_back(int64_t(i));
    }
    if (s.empty() || shapeElements(s) == 0) c.refuse("reductions of scalars or empty tensors are not supported");
    const bool cl = keep && c.isCL(0) && r >= 3;
    std::vector<int32_t> ax;
    for (int64_t a : axes) {
        int n = normAxis(c, a, r, "axes");
        if (cl) {
            const auto p = toCL(r);
            for (size_t k = 0; k < r; ++k)
                if (p[k] == n) n = int(k), k = r;
        }
        ax.push_back(n);
    }
    const Shape os = c.outShape(0);
    int x = cl ? c.inCL(0) : c.in(0);
    const DType dt = c.g.tensors[size_t(x)].dtype;
    if (pre != Pre::None) {
        const int p = c.temp("pre", dt, c.g.tensors[size_t(x)].shape);
        if (pre == Pre::Square) c.addOp(OpType::Mul, {x, x}, {p});
        else c.addOp(pre == Pre::Abs ? OpType::Abs : OpType::Exp, {x}, {p});
        x = p;
    }
    const Shape ls = cl ? permuted(os, toCL(r)) : os;
    const int o = post == Post::None ? c.out(0, c.outType(0), ls, cl) : c.temp("reduced", dt, ls);
    c.addOp(t, {x, c.constI32("axes", ax)}, {o}).attrs.keepDims = keep;
    if (post != Post::None)
        c.addOp(post == Post::Sqrt ? OpType::Sqrt : OpType::Log, {o}, {c.out(0, c.outType(0), ls, cl)});
}

void softmax(Ctx &c, OpType t) {
    const Shape s = c.inShape(0);
    const size_t r = s.size();
    const int x = c.in(0);
    if (c.opset < 13) {
        // Coerced to 2-D at `axis` (default 1).
        const int axis = normAxis(c, c.attrInt("axis", 1), r, "axis");
        int32_t outer = 1, inner = 1;
        for (size_t i = 0; i < r; ++i) (int(i) < axis ? outer : inner) *= s[i];
        if (axis == int(r) - 1 || r <= 1) {
            const int o = c.out(0);
            c.addOp(t, {x}, {o});
            return;
        }
        const int f = c.reshape(x, {outer, inner}, c.baseName() + "/flat");
        const int sm = c.temp("softmax", c.inType(0), {outer, inner});
        c.addOp(t, {f}, {sm});
        c.alias(0, c.reshape(sm, s, c.node->output(0)), false);
        return;
    }
    const int axis = normAxis(c, c.attrInt("axis", -1), r, "axis");
    if (axis == int(r) - 1 || r <= 1) {
        c.addOp(t, {x}, {c.out(0)});
        return;
    }
    std::vector<int> perm;
    for (size_t i = 0; i < r; ++i)
        if (int(i) != axis) perm.push_back(int(i));
    perm.push_back(axis);
    std::vector<int> inv(r);
    for (size_t i = 0; i < r; ++i) inv[size_t(perm[i])] = int(i);
    const int tp = c.transpose(x, perm, c.baseName() + "/moved");
    const int sm = c.temp("softmax", c.inType(0), c.g.tensors[size_t(tp)].shape);
    c.addOp(t, {tp}, {sm});
    c.alias(0, c.transpose(sm, inv, c.node->output(0)), false);
}

}  // namespace

void addReduceLowerings(std::map<std::string, Lowering> &m) {
    m["ReduceMean"] = [](Ctx &c) { reduce(c, OpType::Mean, c.opset >= 18); };
    m["ReduceMax"] = [](Ctx &c) { reduce(c, OpType::ReduceMax, c.opset >= 18); };
    m["ReduceMin"] = [](Ctx &c) { reduce(c, OpType::ReduceMin, c.opset >= 18); };
    m["ReduceSum"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 13); };
    m["ReduceSumSquare"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 18, Pre::Square); };
    m["ReduceL1"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 18, Pre::Abs); };
    m["ReduceL2"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 18, Pre::Square, Post::Sqrt); };
    m["ReduceLogSum"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 18, Pre::None, Post::Log); };
    m["ReduceLogSumExp"] = [](Ctx &c) { reduce(c, OpType::Sum, c.opset >= 18, Pre::Exp, Post::Log); };
    m["Softmax"] = [](Ctx &c) { softmax(c, OpType::Softmax); };
    m["LogSoftmax"] = [](Ctx &c) { softmax(c, OpType::LogSoftmax); };
}

}  // namespace ember::onnximp
