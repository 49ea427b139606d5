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
    const int y = c.out(0, DType::Float32, s);
    if (c.has(2)) {
        const int sc = op2(c, OpType::Mul, n, c.in(1), "scaled", s);
        op2(c, OpType::Add, sc, c.in(2), "", s, y);
    } else {
        op2(c, OpType::Mul, n, c.in(1), "", s, y);
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
        // TFLite crops at the start 0 for VALID, and for SAME the padding of a
        // forward convolution over the output: ((ceil(out/s) - 1) s + k - out) / 2.
        const int sv = int(st[size_t(i)]);
        const int fwd = (out + sv - 1) / sv;
        if (pb != 0) valid = false;
        if (pb != std::max(0, ((fwd - 1) * sv + k[i] - out) / 2)) same = false;
        (void)full;
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

// Scale / zero point of a (De)QuantizeLinear as float constants shaped to
// broadcast against x (per-tensor: scalars; per-axis: [d, 1, ...]).
int qparam(Ctx &c, size_t i, const Shape &xs, const char *what, float def) {
    std::vector<float> v = {def};
    if (c.has(i)) {
        const Tensor *t = c.constIn(i);
        if (!t) c.refuse(std::string("the ") + what + " must be a constant");
        v = floatValues(*t);
    }
    if (v.size() <= 1) return c.constF32(what, {}, {v.empty() ? def : v[0]});
    const int axis = normAxis(c, c.attrInt("axis", 1), xs.size(), "axis");
    if (int32_t(v.size()) != xs[size_t(axis)]) c.refuse(std::string("the per-axis ") + what + " has the wrong length");
    if (c.attrInt("block_size", 0)) c.refuse("blocked quantization is not supported", "block_size");
    Shape s(xs.size() - size_t(axis), 1);
    s[0] = int32_t(v.size());
    return c.constF32(what, s, v);
}

// ONNX semantics, in float: y = saturate(round_half_even(x / scale) + zp).
void quantizeLinear(Ctx &c) {
    if (c.inType(0) != DType::Float32) c.refuse("QuantizeLinear of float32 inputs only");
    const DType ot = c.outType(0);
    if (ot != DType::Int8 && ot != DType::UInt8 && ot != DType::Int16)
        c.refuse(std::string("quantizing to ") + dtypeName(ot) + " is not supported (int8, uint8, int16)");
    const Shape xs = c.inShape(0);
    const int x = c.in(0);
    const int sc = qparam(c, 1, xs, "scale", 1.f), zp = qparam(c, 2, xs, "zero_point", 0.f);
    if (c.has(2) && c.constIn(2)->dtype != ot) c.refuse("the zero point's type must be the output's");
    const float lo = ot == DType::Int8 ? -128.f : ot == DType::UInt8 ? 0.f : -32768.f;
    const float hi = ot == DType::Int8 ? 127.f : ot == DType::UInt8 ? 255.f : 32767.f;
    quantizeOps(c, x, sc, zp, lo, hi, c.out(0));
}

void dequantizeLinear(Ctx &c) {
    const DType it = c.inType(0);
    if (it != DType::Int8 && it != DType::UInt8 && it != DType::Int16 && it != DType::Int32)
        c.refuse(std::string("dequantizing ") + dtypeName(it) + " is not supported (int8, uint8, int16, int32)");
    if (c.outType(0) != DType::Float32) c.refuse("only float32 outputs are supported");
    const Shape xs = c.inShape(0);
    const int sc = qparam(c, 1, xs, "scale", 1.f), zp = qparam(c, 2, xs, "zero_point", 0.f);
    const int f = c.temp("float", DType::Float32, xs);
    c.addOp(OpType::Cast, {c.in(0)}, {f});
    const int s = op2(c, OpType::Sub, f, zp, "centered", xs);
    op2(c, OpType::Mul, s, sc, "", xs, c.out(0));
}

// Resize/Upsample of the two spatial axes onto TFLite's RESIZE_BILINEAR /
// RESIZE_NEAREST_NEIGHBOR, for the coordinate modes where the two agree.
void resize(Ctx &c, bool upsample) {
    const Shape xs = c.inShape(0), os = c.outShape(0);
    if (xs.size() != 4 || os[0] != xs[0] || os[1] != xs[1])
        c.refuse("only resizing the two spatial axes of a 4-D NCHW input is supported");
    if (c.attrInt("antialias", 0)) c.refuse("antialias is not supported", "antialias");
    if (!c.attrInts("axes").empty()) c.refuse("axes is not supported", "axes");
    const std::string mode = c.attrStr("mode", "nearest");
    const std::string ctm = upsample || c.opset < 11 ? "asymmetric" : c.attrStr("coordinate_transformation_mode", "half_pixel");
    const std::string nm = upsample || c.opset < 11 ? "floor" : c.attrStr("nearest_mode", "round_prefer_floor");
    // Given scales must be the exact size ratios TFLite uses.
    const size_t si = upsample || c.opset < 11 ? 1 : 2;
    if (c.has(si) && c.constIn(si) && c.constIn(si)->elements() == 4) {
        const auto sc = floatValues(*c.constIn(si));
        for (size_t i = 2; i < 4; ++i)
            if (sc[i] != float(os[i]) / float(xs[i]))
                c.refuse("the scale " + std::to_string(sc[i]) + " is not the exact size ratio " + std::to_string(os[i]) +
                         "/" + std::to_string(xs[i]) + "; TFLite resizes by size ratios, give sizes instead");
    }
    bool ac = false, hpc = false;
    const bool intUp = os[2] % xs[2] == 0 && os[3] % xs[3] == 0;
    OpType t;
    if (mode == "linear" || mode == "bilinear") {
        t = OpType::ResizeBilinear;
        if (os[2] < xs[2] || os[3] < xs[3])
            c.refuse("linear downsampling differs from TFLite's RESIZE_BILINEAR (which samples, ONNX filters); "
                     "only upsampling is supported", "mode");
        if (ctm == "half_pixel" || (ctm == "pytorch_half_pixel" && os[2] > 1 && os[3] > 1)) hpc = true;
        else if (ctm == "align_corners") ac = true;
        else if (ctm != "asymmetric")
            c.refuse("coordinate_transformation_mode '" + ctm + "' is not supported with linear mode",
                     "coordinate_transformation_mode");
    } else if (mode == "nearest") {
        t = OpType::ResizeNearestNeighbor;
        if (ctm == "asymmetric" && nm == "floor") {
        } else if (ctm == "align_corners" && nm == "round_prefer_ceil") {
            ac = true;
        } else if ((ctm == "tf_half_pixel_for_nn" && nm == "floor") ||
                   (ctm == "half_pixel" && nm == "round_prefer_floor" && intUp)) {
            hpc = true;
        } else {
            c.refuse("nearest resizing with coordinate_transformation_mode '" + ctm + "' and nearest_mode '" + nm +
                         "' differs from TFLite's; supported: asymmetric+floor, align_corners+round_prefer_ceil, "
                         "tf_half_pixel_for_nn+floor, half_pixel+round_prefer_floor for integer upscaling",
                     "nearest_mode");
        }
    } else {
        c.refuse("mode '" + mode + "' is not supported (nearest, linear)", "mode");
    }
    const int size = c.constI32("size", {os[2], os[3]});
    Op &op = c.addOp(t, {c.inCL(0), size}, {c.out(0, c.outType(0), permuted(os, toCL(4)), true)});
    op.attrs.alignCorners = ac;
    op.attrs.halfPixelCenters = hpc;
}

}  // namespace

void quantizeOps(Ctx &c, int x, int sc, int zp, float lo, float hi, int out) {
    const Shape xs = c.g.tensors[size_t(x)].shape;
    const int d = op2(c, OpType::Div, x, sc, "scaled", xs);
    const int r = op1(c, OpType::Round, d, "rounded");
    const int a = op2(c, OpType::Add, r, zp, "shifted", xs);
    const int m1 = op2(c, OpType::Maximum, a, c.constF32("lo", {}, {lo}), "low", xs);
    const int m2 = op2(c, OpType::Minimum, m1, c.constF32("hi", {}, {hi}), "high", xs);
    c.addOp(OpType::Cast, {m2}, {out});
}

void addExtraLowerings(std::map<std::string, Lowering> &m) {
    m["LayerNormalization"] = layerNorm;
    m["Resize"] = [](Ctx &c) { resize(c, false); };
    m["Upsample"] = [](Ctx &c) { resize(c, true); };
    m["QuantizeLinear"] = quantizeLinear;
    m["DequantizeLinear"] = dequantizeLinear;
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
    // GatherElements with constant indices: GATHER_ND with the full index
    // tuples computed at import.
    m["GatherElements"] = [](Ctx &c) {
        const Shape ds = c.inShape(0);
        const int axis = normAxis(c, c.attrInt("axis", 0), ds.size(), "axis");
        const Tensor *k = c.constIn(1);
        if (!k) c.refuse("the indices must be a constant (an initializer)");
        const Shape is = k->shape;
        if (is.size() != ds.size()) c.refuse("indices and data must have the same rank");
        const auto v = intValues(*k);
        std::vector<int32_t> tuples;
        std::vector<int32_t> pos(is.size(), 0);
        for (size_t e = 0; e < v.size(); ++e) {
            for (size_t a = 0; a < is.size(); ++a) {
                int64_t i = int(a) == axis ? v[e] : pos[a];
                if (i < 0) i += ds[a];
                if (i < 0 || i >= ds[a]) c.refuse("index " + std::to_string(v[e]) + " is out of range");
                tuples.push_back(int32_t(i));
            }
            for (size_t a = is.size(); a-- > 0;) {
                if (++pos[a] < is[a]) break;
                pos[a] = 0;
            }
        }
        Shape ts = is;
        ts.push_back(int32_t(ds.size()));
        const int idx = c.addConst(c.baseName() + "/tuples", DType::Int32, ts, tuples.data(), tuples.size() * 4);
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
