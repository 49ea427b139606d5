// ONNX operators lowered onto several Ember kernels: LayerNormalization,
// ConvTranspose, Trilu, Selu, ThresholdedRelu, Sinh/Cosh/Tan, and thin
// mappings (CastLike, Mod, CumSum, GatherND, EyeLike). They work in ONNX's
// layout (ConvTranspose channels-last).
#include <cmath>
#include <cstring>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

int scalarOf(Ctx &c, DType dt, float v, const std::string &name) {
    if (dt == DType::Float32) return c.constF32(name, {}, {v});
    std::vector<uint8_t> b(dtypeSize(dt), 0);
    const int64_t i = int64_t(v);
    std::memcpy(b.data(), &i, std::min<size_t>(b.size(), 8));
    return c.addConst(c.baseName() + "/" + name, dt, {}, b.data(), b.size());
}

int op1(Ctx &c, OpType t, int a, const std::string &name) {
    const Tensor &x = c.g.tensors[size_t(a)];
    const int o = c.temp(name, x.dtype, x.shape);
    c.addOp(t, {a}, {o});
    return o;
}
int op2(Ctx &c, OpType t, int a, int b, const std::string &name, const Shape &shape, int out = -1) {
    const int o = out >= 0 ? out : c.temp(name, c.g.tensors[size_t(a)].dtype, shape);
    c.addOp(t, {a, b}, {o});
    return o;
}

void layerNorm(Ctx &c) {
    const Shape s = c.inShape(0);
    const size_t r = s.size();
    if (c.inType(0) != DType::Float32) c.refuse("LayerNormalization supports float32");
    const int axis = normAxis(c, c.attrInt("axis", -1), r, "axis");
    const float eps = c.attrFloat("epsilon", 1e-5f);
    std::vector<int32_t> axes;
    Shape ms = s;
    for (size_t i = size_t(axis); i < r; ++i) axes.push_back(int32_t(i)), ms[i] = 1;
    const int x = c.in(0);
    const int ax = c.constI32("axes", axes);
    const int mean = c.temp("mean", DType::Float32, ms);
    c.addOp(OpType::Mean, {x, ax}, {mean}).attrs.keepDims = true;
    const int d = op2(c, OpType::Sub, x, mean, "centered", s);
    const int sq = op2(c, OpType::Mul, d, d, "sq", s);
    const int var = c.temp("var", DType::Float32, ms);
    c.addOp(OpType::Mean, {sq, ax}, {var}).attrs.keepDims = true;
    const int ve = op2(c, OpType::Add, var, c.constF32("eps", {}, {eps}), "var_eps", ms);
    const int sd = op1(c, OpType::Sqrt, ve, "std");
    const int inv = op2(c, OpType::Div, c.constF32("one", {}, {1.f}), sd, "inv_std", ms);
    const int n = op2(c, OpType::Mul, d, inv, "normalized", s);
    if (c.has(2)) {
        const int y = op2(c, OpType::Mul, n, c.in(1), "scaled", s);
        op2(c, OpType::Add, y, c.in(2), "", s, c.out(0));
    } else {
        op2(c, OpType::Mul, n, c.in(1), "", s, c.out(0));
    }
    if (c.outUsed(1)) c.alias(1, mean, false);
    if (c.outUsed(2)) c.alias(2, inv, false);
}

void convTranspose(Ctx &c) {
    const Shape xs = c.inShape(0);
    if (xs.size() != 4 || c.inType(0) != DType::Float32)
        c.refuse("only 2-D float32 transposed convolutions (4-D NCHW input) are supported");
    if (c.attrInt("group", 1) != 1) c.refuse("only group = 1 is supported", "group");
    for (int64_t d : c.attrInts("dilations"))
        if (d != 1) c.refuse("dilations are not supported", "dilations");
    const Tensor *wt = c.constIn(1);
    if (!wt || wt->shape.size() != 4) c.refuse("the weights must be a constant [C, M, kH, kW]");
    const int C = wt->shape[0], M = wt->shape[1], kh = wt->shape[2], kw = wt->shape[3];
    const Shape os = c.outShape(0);
    auto st = c.attrInts("strides");
    if (st.empty()) st = {1, 1};
    const auto pads = c.attrInts("pads");
    const int k[2] = {kh, kw};
    Padding padding = Padding::Valid;
    bool same = true, valid = true;
    for (int i = 0; i < 2; ++i) {
        const int full = (xs[size_t(i) + 2] - 1) * int(st[size_t(i)]) + k[i];
        const int out = os[size_t(i) + 2];
        const int pb = pads.empty() ? 0 : int(pads[size_t(i)]);
        // TFLite crops max(0, (full - out) / 2) at the start for SAME, 0 for VALID.
        if (pb != 0) valid = false;
        if (pb != std::max(0, (full - out) / 2)) same = false;
    }
    if (valid) padding = Padding::Valid;
    else if (same) padding = Padding::Same;
    else c.refuse("these pads crop differently from TFLite's SAME or VALID transposed convolution", "pads");
    const auto w = floatValues(*wt);
    std::vector<float> f(w.size());
    for (int o = 0; o < M; ++o)
        for (int h = 0; h < kh; ++h)
            for (int x = 0; x < kw; ++x)
                for (int i = 0; i < C; ++i)
                    f[size_t(((o * kh + h) * kw + x) * C + i)] = w[size_t(((i * M + o) * kh + h) * kw + x)];
    std::vector<float> bias(size_t(M), 0.f);
    if (c.has(2)) {
        const Tensor *b = c.constIn(2);
        if (!b || b->elements() != M) c.refuse("the bias must be a constant of " + std::to_string(M) + " values");
        bias = floatValues(*b);
    }
    const Shape ocl = {os[0], os[2], os[3], os[1]};
    const int shape = c.constI32("output_shape", {ocl[0], ocl[1], ocl[2], ocl[3]});
    const int ft = c.constF32("filter", {M, kh, kw, C}, f);
    const int bt = c.constF32("bias", {M}, bias);
    const int x = c.inCL(0);
    Op &op = c.addOp(OpType::TransposeConv, {shape, ft, x, bt}, {c.out(0, DType::Float32, ocl, true)});
    op.attrs.padding = padding;
    op.attrs.strideH = int(st[0]), op.attrs.strideW = int(st[1]);
}

void trilu(Ctx &c) {
    const Shape s = c.inShape(0);
    if (s.size() < 2) c.refuse("the input must have rank 2 or more");
    const int64_t k = c.has(1) ? c.constInts(1, "k")[0] : 0;
    const bool upper = c.attrInt("upper", 1) != 0;
    const int32_t M = s[s.size() - 2], N = s[s.size() - 1];
    std::vector<uint8_t> mask(size_t(M) * size_t(N));
    for (int32_t i = 0; i < M; ++i)
        for (int32_t j = 0; j < N; ++j)
            mask[size_t(i) * size_t(N) + size_t(j)] = upper ? (j - i >= k) : (j - i <= k);
    const int mt = c.addConst(c.baseName() + "/mask", DType::Bool, {M, N}, mask.data(), mask.size());
    const DType dt = c.inType(0);
    const int zero = scalarOf(c, dt, 0.f, "zero");
    c.addOp(OpType::SelectV2, {mt, c.in(0), zero}, {c.out(0)});
}

void selu(Ctx &c) {
    if (c.inType(0) != DType::Float32) c.refuse("Selu supports float32");
    const float alpha = c.attrFloat("alpha", 1.67326319217681884765625f);
    const float gamma = c.attrFloat("gamma", 1.05070102214813232421875f);
    const int x = c.in(0);
    const Shape s = c.inShape(0);
    const int r = op1(c, OpType::Relu, x, "relu");
    const int mn = op2(c, OpType::Minimum, x, c.constF32("zero", {}, {0.f}), "neg", s);
    const int e = op1(c, OpType::Exp, mn, "exp");
    const int em1 = op2(c, OpType::Sub, e, c.constF32("one", {}, {1.f}), "expm1", s);
    const int a = op2(c, OpType::Mul, em1, c.constF32("ga", {}, {gamma * alpha}), "neg_part", s);
    const int b = op2(c, OpType::Mul, r, c.constF32("g", {}, {gamma}), "pos_part", s);
    op2(c, OpType::Add, a, b, "", s, c.out(0));
}

void thresholdedRelu(Ctx &c) {
    if (c.inType(0) != DType::Float32) c.refuse("ThresholdedRelu supports float32");
    const int x = c.in(0);
    const Shape s = c.inShape(0);
    const int cond = c.temp("above", DType::Bool, s);
    c.addOp(OpType::Greater, {x, c.constF32("alpha", {}, {c.attrFloat("alpha", 1.f)})}, {cond});
    c.addOp(OpType::SelectV2, {cond, x, c.constF32("zero", {}, {0.f})}, {c.out(0)});
}

void hyperbolic(Ctx &c, bool sinh) {
    if (c.inType(0) != DType::Float32) c.refuse("float32 only");
    const int x = c.in(0);
    const Shape s = c.inShape(0);
    const int ep = op1(c, OpType::Exp, x, "exp");
    const int nx = op1(c, OpType::Neg, x, "neg");
    const int en = op1(c, OpType::Exp, nx, "exp_neg");
    const int t = op2(c, sinh ? OpType::Sub : OpType::Add, ep, en, "sum", s);
    op2(c, OpType::Mul, t, c.constF32("half", {}, {0.5f}), "", s, c.out(0));
}

}  // namespace

void addExtraLowerings(std::map<std::string, Lowering> &m) {
    m["LayerNormalization"] = layerNorm;
    m["ConvTranspose"] = convTranspose;
    m["Trilu"] = trilu;
    m["Selu"] = selu;
    m["ThresholdedRelu"] = thresholdedRelu;
    m["Sinh"] = [](Ctx &c) { hyperbolic(c, true); };
    m["Cosh"] = [](Ctx &c) { hyperbolic(c, false); };
    m["Tan"] = [](Ctx &c) {
        if (c.inType(0) != DType::Float32) c.refuse("float32 only");
        const int x = c.in(0);
        const int s = op1(c, OpType::Sin, x, "sin"), co = op1(c, OpType::Cos, x, "cos");
        op2(c, OpType::Div, s, co, "", c.inShape(0), c.out(0));
    };
    m["CastLike"] = [](Ctx &c) { c.addOp(OpType::Cast, {c.in(0)}, {c.out(0)}); };
    m["Mod"] = [](Ctx &c) {
        if (c.attrInt("fmod", 0)) c.refuse("fmod = 1 (C's fmod) is not supported; only the integer floor modulo", "fmod");
        c.addOp(OpType::FloorMod, {c.in(0), c.in(1)}, {c.out(0)});
    };
    m["CumSum"] = [](Ctx &c) {
        const auto a = c.constInts(1, "axis");
        const int32_t axis = normAxis(c, a.empty() ? 0 : a[0], c.inShape(0).size(), "axis");
        const int at = c.addConst(c.baseName() + "/axis", DType::Int32, {}, &axis, 4);
        Op &op = c.addOp(OpType::Cumsum, {c.in(0), at}, {c.out(0)});
        op.attrs.exclusive = c.attrInt("exclusive", 0) != 0;
        op.attrs.reverse = c.attrInt("reverse", 0) != 0;
    };
    m["GatherND"] = [](Ctx &c) {
        if (c.attrInt("batch_dims", 0) != 0) c.refuse("only batch_dims = 0 is supported", "batch_dims");
        int idx = c.in(1);
        if (const Tensor *k = c.constIn(1)) {
            std::vector<int32_t> v;
            for (int64_t i : intValues(*k)) v.push_back(int32_t(i));
            idx = c.addConst(c.baseName() + "/indices", DType::Int32, k->shape, v.data(), v.size() * 4);
        }
        c.addOp(OpType::GatherNd, {c.in(0), idx}, {c.out(0)});
    };
    m["EyeLike"] = [](Ctx &c) {
        const Shape s = c.outShape(0);
        if (s.size() != 2) c.refuse("the input must be 2-D");
        const DType dt = c.outType(0);
        const int64_t k = c.attrInt("k", 0);
        std::vector<uint8_t> b(size_t(shapeElements(s)) * dtypeSize(dt), 0);
        for (int32_t i = 0; i < s[0]; ++i) {
            const int64_t j = i + k;
            if (j < 0 || j >= s[1]) continue;
            uint8_t *p = b.data() + size_t(i * s[1] + j) * dtypeSize(dt);
            if (dt == DType::Float32) {
                const float one = 1.f;
                std::memcpy(p, &one, 4);
            } else {
                *p = 1;  // little endian integers and bool
            }
        }
        const int t = c.addConst(c.node->output(0), dt, s, b.data(), b.size());
        c.alias(0, t, false);
    };
}

}  // namespace ember::onnximp
