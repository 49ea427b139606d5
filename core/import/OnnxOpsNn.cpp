// ONNX neural-network operators: Conv (groups → depthwise or split/concat),
// BatchNormalization (folded into the producing Conv/Gemm, else a per-channel
// MUL+ADD), pooling, DepthToSpace/SpaceToDepth (Gemm, MatMul, LRN:
// OnnxOpsDense.cpp).
// Spatial ops work channels-last; ONNX's explicit pads become TFLite's SAME or
// VALID when they agree exactly, else an explicit PAD op before a VALID op.
#include <cmath>
#include <cstring>
#include <limits>

#include "../ops/Common.h"
#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

struct Spatial {
    int k[2] = {1, 1}, s[2] = {1, 1}, dl[2] = {1, 1};
    int pb[2] = {0, 0}, pe[2] = {0, 0};
    int in[2] = {0, 0}, out[2] = {0, 0};
};

// Reads kernel/strides/dilations/pads/auto_pad for a 2-D window over an NCHW
// input of spatial size h, w. `outHW` from shape inference.
Spatial spatial(Ctx &c, int kh, int kw, int h, int w, int oh, int ow) {
    Spatial sp;
    sp.k[0] = kh, sp.k[1] = kw, sp.in[0] = h, sp.in[1] = w, sp.out[0] = oh, sp.out[1] = ow;
    const bool oneD = h == 1 && oh == 1 && c.inShape(0).size() == 3;
    auto two = [&](const char *name, int *dst) {
        auto v = c.attrInts(name);
        if (v.empty()) return;
        if (oneD && v.size() == 1) v.insert(v.begin(), 1);
        if (v.size() != 2) c.refuse("expected 2 values for a 2-D window, got " + std::to_string(v.size()), name);
        for (int i = 0; i < 2; ++i) {
            if (v[size_t(i)] < 1 || v[size_t(i)] > 65535) c.refuse("values must be positive", name);
            dst[i] = int(v[size_t(i)]);
        }
    };
    two("strides", sp.s);
    two("dilations", sp.dl);
    const std::string autoPad = c.attrStr("auto_pad", "NOTSET");
    if (autoPad == "NOTSET") {
        auto p = c.attrInts("pads");
        if (oneD && p.size() == 2) p = {0, p[0], 0, p[1]};
        if (!p.empty()) {
            if (p.size() != 4) c.refuse("expected 4 values for a 2-D window", "pads");
            for (int i = 0; i < 2; ++i) {
                if (p[size_t(i)] < 0 || p[size_t(i) + 2] < 0) c.refuse("negative pads are not supported", "pads");
                sp.pb[i] = int(p[size_t(i)]), sp.pe[i] = int(p[size_t(i) + 2]);
            }
        }
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
        for (int i = 0; i < 2; ++i) {
            const int eff = (sp.k[i] - 1) * sp.dl[i] + 1;
            const int o = (sp.in[i] + sp.s[i] - 1) / sp.s[i];
            const int total = std::max(0, (o - 1) * sp.s[i] + eff - sp.in[i]);
            sp.pb[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
            sp.pe[i] = total - sp.pb[i];
        }
    } else if (autoPad != "VALID") {
        c.refuse("unknown value '" + autoPad + "'", "auto_pad");
    }
    return sp;
}

bool isSame(const Spatial &sp) {
    for (int i = 0; i < 2; ++i) {
        const int eff = (sp.k[i] - 1) * sp.dl[i] + 1;
        const int o = (sp.in[i] + sp.s[i] - 1) / sp.s[i];
        const int total = std::max(0, (o - 1) * sp.s[i] + eff - sp.in[i]);
        if (sp.out[i] != o || sp.pb[i] != total / 2 || sp.pe[i] != total - total / 2) return false;
    }
    return true;
}
bool noPads(const Spatial &sp) { return !sp.pb[0] && !sp.pb[1] && !sp.pe[0] && !sp.pe[1]; }

// Explicit PAD (or PADV2 with `value`) of an NHWC tensor; returns the padded tensor.
int padNhwc(Ctx &c, int x, const Spatial &sp, const int extraEnd[2], float value) {
    const Tensor &t = c.g.tensors[size_t(x)];
    Shape s = t.shape;
    std::vector<int32_t> pads = {0, 0, sp.pb[0], sp.pe[0] + extraEnd[0], sp.pb[1], sp.pe[1] + extraEnd[1], 0, 0};
    s[1] += pads[2] + pads[3];
    s[2] += pads[4] + pads[5];
    const int p = c.addConst(c.baseName() + "/pads", DType::Int32, {4, 2}, pads.data(), pads.size() * 4);
    const int o = c.temp("padded", t.dtype, s);
    // int8 (QDQ lowering): PAD fills with the zero point, real 0.
    c.g.tensors[size_t(o)].quant = t.quant;
    if (value == 0.f) {
        c.addOp(OpType::Pad, {x, p}, {o});
    } else {
        const int v = c.constF32("pad_value", {}, {value});
        c.addOp(OpType::PadV2, {x, p, v}, {o});
    }
    return o;
}

void conv(Ctx &c) {
    if (c.inType(0) != DType::Float32) c.refuse("Conv supports float32 (use QDQ for quantized models)");
    const Tensor *wt = c.constIn(1);
    if (!wt) c.refuse("the weights must be constant (an initializer)");
    const int M = wt->shape.empty() ? 0 : wt->shape[0];
    std::vector<float> bias(size_t(M), 0.f);
    if (c.has(2)) {
        const Tensor *b = c.constIn(2);
        if (!b || b->elements() != M) c.refuse("the bias must be a constant of " + std::to_string(M) + " values");
        bias = floatValues(*b);
    }
    // Copied first: materializing the input may add tensors (and move *wt).
    const Tensor w = *wt;
    const int x = c.inCL(0);
    convFloat(c, x, w, bias, true);
}

}  // namespace

int convFloat(Ctx &c, int xIn, const Tensor &wt, const std::vector<float> &bias, bool toOutput,
              const QuantWeights *q) {
    // 1-D convolutions run as 2-D ones over [N, C, 1, W] (channels-last
    // [N, W, C] and [N, 1, W, C] are the same bytes: reshapes only).
    const Shape xs0 = c.inShape(0);
    const bool oneD = xs0.size() == 3;
    if (xs0.size() != 4 && !oneD)
        c.refuse("only 1-D and 2-D convolutions (3-D or 4-D NCHW input) are supported, the input has rank " +
                 std::to_string(xs0.size()));
    const Shape xs = oneD ? Shape{xs0[0], xs0[1], 1, xs0[2]} : xs0;
    Tensor w = wt;
    if (oneD && w.shape.size() == 3) w.shape.insert(w.shape.begin() + 2, 1);
    if (w.shape.size() != 4) c.refuse("the weights must be 4-D [M, C/group, kH, kW]");
    const int group = int(c.attrInt("group", 1));
    const int C = xs[1], M = w.shape[0];
    if (group < 1 || C % group || M % group || w.shape[1] != C / group)
        c.refuse("group " + std::to_string(group) + " does not fit " + std::to_string(C) + " input channels and " +
                     "weights " + shapeString(w.shape),
                 "group");
    const Shape os0 = c.outShape(0);
    const Shape os = oneD ? Shape{os0[0], os0[1], 1, os0[2]} : os0;
    Spatial sp = spatial(c, w.shape[2], w.shape[3], xs[2], xs[3], os[2], os[3]);
    if (int(bias.size()) != M) c.refuse("the bias must have " + std::to_string(M) + " values");
    int x = xIn;
    if (oneD) x = c.reshape(x, {xs[0], 1, xs[3], xs[1]}, c.baseName() + "/as2d");
    Padding padding = Padding::Valid;
    if (isSame(sp)) padding = Padding::Same;
    else if (!noPads(sp)) {
        const int none[2] = {0, 0};
        x = padNhwc(c, x, sp, none, 0.f);
    }
    const Shape ocl = {os[0], os[2], os[3], os[1]};
    // The output tensor: channels-last output 0, or for 1-D a 2-D temporary
    // reshaped into it by finish().
    auto result = [&]() {
        const int o = !toOutput ? c.temp("acc", DType::Float32, ocl)
                      : oneD    ? c.temp("out2d", DType::Float32, ocl)
                                : c.out(0, DType::Float32, ocl, true);
        if (q) c.g.tensors[size_t(o)].dtype = DType::Int8, c.g.tensors[size_t(o)].quant = *c.qOut;
        return o;
    };
    // int8 (QDQ): the filter int8 with its scales along the output channels
    // (`axis`), the bias int32 at input scale x weight scale.
    const float xScale = c.g.tensors[size_t(x)].quant.sc();
    auto qFilter = [&](const std::string &name, const Shape &s, const std::vector<float> &f, int axis) {
        std::vector<int8_t> v(f.size());
        for (size_t i = 0; i < f.size(); ++i) v[i] = int8_t(f[i]);
        const int t = c.addConst(c.baseName() + "/" + name, DType::Int8, s, v.data(), v.size());
        c.g.tensors[size_t(t)].quant.scale = q->scale;
        c.g.tensors[size_t(t)].quant.zeroPoint.assign(q->scale.size(), 0);
        c.g.tensors[size_t(t)].quant.axis = axis;
        return t;
    };
    auto qBias = [&]() {
        const int t = c.addConst(c.baseName() + "/bias", DType::Int32, {M}, q->bias.data(), q->bias.size() * 4);
        for (size_t m = 0; m < q->scale.size(); ++m) c.g.tensors[size_t(t)].quant.scale.push_back(xScale * q->scale[m]);
        c.g.tensors[size_t(t)].quant.zeroPoint.assign(q->scale.size(), 0);
        return t;
    };
    auto finish = [&](int t) {
        if (!oneD) return t;
        if (!toOutput) return c.reshape(t, {ocl[0], ocl[2], ocl[3]}, c.baseName() + "/acc1d");
        const int r = c.reshape(t, {ocl[0], ocl[2], ocl[3]}, c.node->output(0) + "#nhwc");
        c.alias(0, r, true);
        return r;
    };
    const auto wf = q ? std::vector<float>(q->w.begin(), q->w.end()) : floatValues(w);
    const int kh = w.shape[2], kw = w.shape[3], cg = w.shape[1], mg = M / group;
    auto setAttrs = [&](Op &op) {
        op.attrs.padding = padding;
        op.attrs.strideH = sp.s[0], op.attrs.strideW = sp.s[1];
        op.attrs.dilationH = sp.dl[0], op.attrs.dilationW = sp.dl[1];
    };
    if (group > 1 && cg == 1) {
        // Depthwise: [M,1,kH,kW] → [1,kH,kW,M].
        std::vector<float> f(size_t(M * kh * kw));
        for (int m = 0; m < M; ++m)
            for (int i = 0; i < kh * kw; ++i) f[size_t(i * M + m)] = wf[size_t(m * kh * kw + i)];
        const int ft = q ? qFilter("filter", {1, kh, kw, M}, f, 3) : c.constF32("filter", {1, kh, kw, M}, f);
        const int bt = q ? qBias() : c.constF32("bias", {M}, bias);
        const int o = result();
        Op &op = c.addOp(OpType::DepthwiseConv2D, {x, ft, bt}, {o});
        setAttrs(op);
        op.attrs.depthMultiplier = M / C;
        return finish(o);
    }
    // Per group: OIHW → OHWI.
    auto filter = [&](int gi) {
        std::vector<float> f(size_t(mg * kh * kw * cg));
        for (int m = 0; m < mg; ++m)
            for (int ci = 0; ci < cg; ++ci)
                for (int i = 0; i < kh * kw; ++i)
                    f[size_t((m * kh * kw + i) * cg + ci)] = wf[size_t((((gi * mg + m) * cg + ci) * kh * kw) + i)];
        if (q) return qFilter("filter", {mg, kh, kw, cg}, f, 0);
        return c.constF32("filter" + (group > 1 ? std::to_string(gi) : std::string()), {mg, kh, kw, cg}, f);
    };
    if (group == 1) {
        const int ft = filter(0), bt = q ? qBias() : c.constF32("bias", {M}, bias);
        const int o = result();
        setAttrs(c.addOp(OpType::Conv2D, {x, ft, bt}, {o}));
        return finish(o);
    }
    // Grouped: split the channels, one convolution per group, concatenate.
    if (q) c.refuse("grouped int8 convolution (other than depthwise) is not lowered onto int8 kernels");
    const Shape xcl = c.g.tensors[size_t(x)].shape;
    const int axis = c.constI32("split_axis", {3});
    std::vector<int> parts, convs;
    for (int gi = 0; gi < group; ++gi) parts.push_back(c.temp("group" + std::to_string(gi), DType::Float32,
                                                              {xcl[0], xcl[1], xcl[2], cg}));
    c.addOp(OpType::Split, {axis, x}, parts).attrs.numSplits = group;
    for (int gi = 0; gi < group; ++gi) {
        const int ft = filter(gi);
        const int bt = c.constF32("bias" + std::to_string(gi), {mg},
                                  std::vector<float>(bias.begin() + gi * mg, bias.begin() + (gi + 1) * mg));
        const int o = c.temp("conv" + std::to_string(gi), DType::Float32, {ocl[0], ocl[1], ocl[2], mg});
        setAttrs(c.addOp(OpType::Conv2D, {parts[size_t(gi)], ft, bt}, {o}));
        convs.push_back(o);
    }
    const int o = result();
    c.addOp(OpType::Concatenation, convs, {o}).attrs.axis = 3;
    return finish(o);
}

namespace {

void pool(Ctx &c, bool isMax) {
    const Shape xs0 = c.inShape(0);
    const bool oneD = xs0.size() == 3;
    if (xs0.size() != 4 && !oneD) c.refuse("only 1-D and 2-D pooling (3-D or 4-D NCHW input) is supported");
    const Shape xs = oneD ? Shape{xs0[0], xs0[1], 1, xs0[2]} : xs0;
    if (c.outUsed(1) && c.consumers.count(c.node->output(1))) c.refuse("the Indices output is not supported");
    auto ks = c.attrInts("kernel_shape");
    if (oneD && ks.size() == 1) ks.insert(ks.begin(), 1);
    if (ks.size() != 2) c.refuse("expected one value per spatial axis", "kernel_shape");
    const Shape os0 = c.outShape(0);
    const Shape os = oneD ? Shape{os0[0], os0[1], 1, os0[2]} : os0;
    Spatial sp = spatial(c, int(ks[0]), int(ks[1]), xs[2], xs[3], os[2], os[3]);
    if (sp.dl[0] != 1 || sp.dl[1] != 1) c.refuse("dilated pooling is not supported", "dilations");
    const bool countPad = !isMax && c.attrInt("count_include_pad", 0) != 0;
    int x = c.inCL(0);
    if (oneD) x = c.reshape(x, {xs[0], 1, xs[3], xs[1]}, c.baseName() + "/as2d");
    Padding padding = Padding::Valid;
    int extra[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        // ceil_mode (or any output larger than the padded floor): pad at the end.
        const int need = (sp.out[i] - 1) * sp.s[i] + sp.k[i] - (sp.in[i] + sp.pb[i] + sp.pe[i]);
        extra[i] = std::max(0, need);
    }
    const bool anyPad = !noPads(sp) || extra[0] || extra[1];
    // Average pooling over explicit pads that exclude the padding from the
    // count (count_include_pad = 0, also ceil_mode's overhang): pool the
    // zero-padded input, then scale each position by window / valid count.
    std::vector<float> correction;
    if (!countPad && isSame(sp)) {
        padding = Padding::Same;
    } else if (anyPad) {
        if (!isMax && countPad && (extra[0] || extra[1]))
            c.refuse("ceil_mode with count_include_pad = 1 is not supported", "ceil_mode");
        if (!isMax && !countPad) {
            for (int oy = 0; oy < sp.out[0]; ++oy)
                for (int ox = 0; ox < sp.out[1]; ++ox) {
                    int n[2];
                    const int o[2] = {oy, ox};
                    for (int i = 0; i < 2; ++i) {
                        const int start = o[i] * sp.s[i] - sp.pb[i];
                        n[i] = std::min(start + sp.k[i], sp.in[i]) - std::max(start, 0);
                    }
                    if (n[0] <= 0 || n[1] <= 0) c.refuse("a pooling window holds no input element", "pads");
                    correction.push_back(float(sp.k[0] * sp.k[1]) / float(n[0] * n[1]));
                }
        }
        x = padNhwc(c, x, sp, extra, isMax ? std::numeric_limits<float>::lowest() : 0.f);
    }
    const Shape ocl = {os[0], os[2], os[3], os[1]};
    const bool corrected = !correction.empty();
    if (corrected && c.outType(0) != DType::Float32) c.refuse("count_include_pad = 0 with these pads needs float32");
    const int o = oneD || corrected ? c.temp("out2d", c.outType(0), ocl) : c.out(0, c.outType(0), ocl, true);
    Op &op = c.addOp(isMax ? OpType::MaxPool2D : OpType::AveragePool2D, {x}, {o});
    op.attrs.padding = padding;
    op.attrs.filterH = sp.k[0], op.attrs.filterW = sp.k[1];
    op.attrs.strideH = sp.s[0], op.attrs.strideW = sp.s[1];
    if (corrected) {
        const int k = c.constF32("count_correction", {1, ocl[1], ocl[2], 1}, correction);
        const int m = oneD ? c.temp("corrected", DType::Float32, ocl) : c.out(0, DType::Float32, ocl, true);
        c.addOp(OpType::Mul, {o, k}, {m});
        if (oneD) c.alias(0, c.reshape(m, {ocl[0], ocl[2], ocl[3]}, c.node->output(0) + "#nhwc"), true);
        return;
    }
    if (oneD) c.alias(0, c.reshape(o, {ocl[0], ocl[2], ocl[3]}, c.node->output(0) + "#nhwc"), true);
}

void globalPool(Ctx &c, OpType t) {
    const Shape xs = c.inShape(0);
    if (xs.size() < 3) c.refuse("the input must have rank 3 or more");
    const size_t r = xs.size();
    const bool cl = c.isCL(0);
    const int x = cl ? c.inCL(0) : c.in(0);
    std::vector<int32_t> axes;
    for (size_t i = 0; i + 2 < r; ++i) axes.push_back(int32_t(cl ? i + 1 : i + 2));
    Shape os = c.outShape(0);
    const int a = c.constI32("axes", axes);
    const int o = c.out(0, c.outType(0), cl ? permuted(os, toCL(r)) : os, cl);
    c.addOp(t, {x, a}, {o}).attrs.keepDims = true;
}

// The op producing tensor t (index into g.ops), or -1.
int producer(const Graph &g, int t) {
    for (size_t k = g.ops.size(); k-- > 0;)
        for (int o : g.ops[k].outputs)
            if (o == t) return int(k);
    return -1;
}

void batchNorm(Ctx &c) {
    for (size_t j = 1; j < c.numOutputs(); ++j)
        if (c.outUsed(j) && c.consumers.count(c.node->output(int(j))))
            c.refuse("training-mode outputs (running mean/variance) are not supported");
    if (c.inType(0) != DType::Float32) c.refuse("BatchNormalization supports float32");
    const Shape xs = c.inShape(0);
    if (xs.size() < 2) c.refuse("the input must have rank 2 or more");
    const int C = xs[1];
    std::vector<std::vector<float>> p;
    const char *names[] = {"scale", "B", "mean", "var"};
    for (size_t i = 1; i <= 4; ++i) {
        const Tensor *t = c.constIn(i);
        if (!t || t->elements() != C)
            c.refuse(std::string("the ") + names[i - 1] + " input must be a constant of " + std::to_string(C) +
                     " values");
        p.push_back(floatValues(*t));
    }
    const float eps = c.attrFloat("epsilon", 1e-5f);
    std::vector<float> a(static_cast<size_t>(C)), b(static_cast<size_t>(C));
    for (size_t i = 0; i < size_t(C); ++i) {
        a[i] = p[0][i] / std::sqrt(p[3][i] + eps);
        b[i] = p[1][i] - p[2][i] * a[i];
    }
    // Fold into the Conv/Gemm that produced x when nothing else reads x.
    const Value v = c.values.at(c.inName(0));
    const int xt = v.cl >= 0 ? v.cl : v.t;
    const int k = producer(c.g, xt);
    if (k >= 0 && c.consumers[c.inName(0)] == 1 && !c.g.tensors[size_t(xt)].isOutput) {
        Op &op = c.g.ops[size_t(k)];
        const bool conv = op.type == OpType::Conv2D || op.type == OpType::DepthwiseConv2D;
        const bool fc = op.type == OpType::FullyConnected && xs.size() == 2;
        if ((conv || fc) && op.attrs.activation == Activation::None && op.inputs.size() == 3 &&
            op.inputs[2] >= 0 && c.g.tensors[size_t(op.inputs[1])].isConst &&
            c.g.tensors[size_t(op.inputs[1])].dtype == DType::Float32) {
            Tensor &f = c.g.tensors[size_t(op.inputs[1])];
            Tensor &bias = c.g.tensors[size_t(op.inputs[2])];
            const int64_t n = f.elements();
            float *fd = reinterpret_cast<float *>(f.data.data());
            float *bd = reinterpret_cast<float *>(bias.data.data());
            for (int64_t e = 0; e < n; ++e) {
                const size_t ch = op.type == OpType::DepthwiseConv2D ? size_t(e % C) : size_t(e / (n / C));
                fd[e] *= a[ch];
            }
            for (size_t ch = 0; ch < size_t(C); ++ch) bd[ch] = bd[ch] * a[ch] + b[ch];
            c.values[c.node->output(0)] = v;
            return;
        }
    }
    const bool cl = c.isCL(0);
    const int x = cl ? c.inCL(0) : c.in(0);
    Shape ps = {C};
    if (!cl) ps.resize(xs.size() - 1, 1);
    const int at = c.constF32("bn_scale", ps, a), bt = c.constF32("bn_shift", ps, b);
    const Shape s = c.g.tensors[size_t(x)].shape;
    const int m = c.temp("bn_mul", DType::Float32, s);
    c.addOp(OpType::Mul, {x, at}, {m});
    const int o = c.out(0, DType::Float32, s, cl && s.size() >= 3);
    c.addOp(OpType::Add, {m, bt}, {o});
}

void depthSpace(Ctx &c, OpType t) {
    const Shape xs = c.inShape(0), os = c.outShape(0);
    if (xs.size() != 4) c.refuse("the input must be 4-D");
    if (t == OpType::DepthToSpace && c.attrStr("mode", "DCR") != "DCR")
        c.refuse("only mode DCR is supported (TFLite's DEPTH_TO_SPACE)", "mode");
    const int x = c.inCL(0);
    const int o = c.out(0, c.outType(0), permuted(os, toCL(4)), true);
    c.addOp(t, {x}, {o}).attrs.blockSize = int(c.attrInt("blocksize", 0));
}

}  // namespace

void addNnLowerings(std::map<std::string, Lowering> &m) {
    m["Conv"] = conv;
    m["MaxPool"] = [](Ctx &c) { pool(c, true); };
    m["AveragePool"] = [](Ctx &c) { pool(c, false); };
    m["GlobalAveragePool"] = [](Ctx &c) { globalPool(c, OpType::Mean); };
    m["GlobalMaxPool"] = [](Ctx &c) { globalPool(c, OpType::ReduceMax); };
    m["BatchNormalization"] = batchNorm;
    m["DepthToSpace"] = [](Ctx &c) { depthSpace(c, OpType::DepthToSpace); };
    m["SpaceToDepth"] = [](Ctx &c) { depthSpace(c, OpType::SpaceToDepth); };
}

}  // namespace ember::onnximp
