// The QDQ lowering: quantized ONNX models in the form PyTorch's and
// onnxruntime's quantization tools export (every quantized op written as
// DequantizeLinear → float op → QuantizeLinear) run on Ember's int8 kernels.
//
// Each QuantizeLinear output with one scale and zero point gets an int8 form
// (Ctx::q8): the tensor itself for int8, for uint8 a tensor shifted by -128
// (zero point - 128, the same real values). A group DQ(x) → op [→ Relu/Clip]
// → Q(y) whose activation inputs are such DQ outputs is lowered by the op's
// usual lowering on the int8 forms (Conv, Gemm and MatMul with their constant
// weights requantized here, symmetric, per tensor or per output channel; the
// int32 bias at input scale x weight scale), its output the int8 form of y
// with Q's quantization, and Relu/Clip(0, 6) fused into Conv/Gemm/MatMul.
// Whatever does not fit (a float constant left in the int8 ops, a grouped
// convolution, different scales around a pooling or reshape, weights that
// are not constant or not symmetric, a kernel's prepare refusing) is rolled
// back and lowered in float as before, so the float path stays the fallback.
//
// ONNX defines requantization on real numbers with round-half-to-even;
// Ember's int8 kernels use TFLite's fixed-point requantization: results can
// differ by one step (docs/ONNX.md).
#include <algorithm>
#include <cmath>
#include <set>

#include "../ops/OpKernel.h"
#include "OnnxContext.h"

namespace ember::onnximp {

struct QdqPlan {
    const onnx::GraphProto *graph = nullptr;
    struct Group {
        int q = -1, act = -1;
    };
    std::map<int, Group> groups;  // op node → its QuantizeLinear (and Relu/Clip)
    std::set<int> skip;           // Q / activation nodes lowered with their group
    std::map<std::string, int> producer;
    std::map<std::string, std::vector<int>> users;
    std::set<std::string> outputs;
};

namespace {

// The ops a group can have between its DequantizeLinear(s) and QuantizeLinear.
const std::set<std::string> kOps = {"Conv",    "Gemm",        "MatMul",  "Add",     "Mul",
                                    "Relu",    "MaxPool",     "AveragePool",        "GlobalAveragePool",
                                    "Concat",  "Reshape",     "Flatten", "Transpose"};

bool isDefault(const onnx::NodeProto &n) { return n.domain().empty() || n.domain() == "ai.onnx"; }

// Scale and zero point of one (De)QuantizeLinear, per tensor.
struct QParams {
    float scale = 1.f;
    int32_t zp = 0;  // as int8: uint8 zero points shifted by -128
    bool ok = false;
};

const Tensor *constOf(Ctx &c, const std::string &name) {
    auto it = c.values.find(name);
    if (it == c.values.end()) return nullptr;
    const int t = it->second.t >= 0 ? it->second.t : it->second.cl;
    return c.g.tensors[size_t(t)].isConst ? &c.g.tensors[size_t(t)] : nullptr;
}

// `type`: the quantized type (int8/uint8) the node produces or reads.
QParams paramsOf(Ctx &c, const onnx::NodeProto &n, DType type) {
    QParams p;
    const Tensor *s = n.input_size() > 1 ? constOf(c, n.input(1)) : nullptr;
    if (!s || s->dtype != DType::Float32 || s->elements() != 1) return p;
    p.scale = s->at<float>(0);
    if (!(p.scale > 0.f) || !std::isfinite(p.scale)) return p;
    if (n.input_size() > 2 && !n.input(2).empty()) {
        const Tensor *z = constOf(c, n.input(2));
        if (!z || z->dtype != type || z->elements() != 1) return p;
        p.zp = int32_t(intValues(*z)[0]);
    }
    if (type == DType::UInt8) p.zp -= 128;
    else if (type != DType::Int8) return p;
    p.ok = true;
    return p;
}

const onnx::NodeProto *producerOf(const QdqPlan &plan, const std::string &v, const char *opType) {
    auto it = plan.producer.find(v);
    if (it == plan.producer.end()) return nullptr;
    const onnx::NodeProto &n = plan.graph->node(it->second);
    return n.op_type() == opType && isDefault(n) ? &n : nullptr;
}

// The int8 form a DequantizeLinear reads (runtime q8 value, or a constant
// copied as int8), with the DQ's own parameters; -1 when there is none.
int shadowOf(Ctx &c, const onnx::NodeProto &dq, bool *cl) {
    const std::string &x = dq.input(0);
    *cl = false;
    if (auto it = c.q8.find(x); it != c.q8.end()) {
        const int t = it->second.cl >= 0 ? it->second.cl : it->second.t;
        // The DQ must read the int8 form with the scale it was quantized with.
        auto ty = c.types.find(x);
        DType xt = DType::Int8;
        if (ty == c.types.end() || !ty->second->has_tensor_type() ||
            !dtypeOf(ty->second->tensor_type().elem_type(), &xt))
            return -1;
        const QParams p = paramsOf(c, dq, xt);
        const Quant &q = c.g.tensors[size_t(t)].quant;
        if (!p.ok || q.scale.size() != 1 || q.scale[0] != p.scale || q.zp() != p.zp) return -1;
        *cl = it->second.cl >= 0 && it->second.t < 0;
        return t;
    }
    const Tensor *k = constOf(c, x);
    if (!k || (k->dtype != DType::Int8 && k->dtype != DType::UInt8)) return -1;
    const QParams p = paramsOf(c, dq, k->dtype);
    if (!p.ok) return -1;
    Tensor t = *k;
    t.name = x + "#i8";
    t.dtype = DType::Int8;
    if (k->dtype == DType::UInt8)
        for (uint8_t &b : t.data) b = uint8_t(b ^ 0x80);  // u - 128 as int8
    t.quant.scale = {p.scale};
    t.quant.zeroPoint = {p.zp};
    t.isInput = t.isOutput = false;
    c.g.tensors.push_back(std::move(t));
    return int(c.g.tensors.size()) - 1;
}

// Constant weights of a DequantizeLinear: symmetric int8 values (uint8 with
// zero point 128 shifted), scales per tensor or along `axis` (n channels).
bool constWeights(Ctx &c, const onnx::NodeProto *dq, int axis, int n, Tensor *w, std::vector<float> *scale) {
    if (!dq) return false;
    const Tensor *k = constOf(c, dq->input(0));
    if (!k || (k->dtype != DType::Int8 && k->dtype != DType::UInt8)) return false;
    const Tensor *s = dq->input_size() > 1 ? constOf(c, dq->input(1)) : nullptr;
    if (!s || s->dtype != DType::Float32 || (s->elements() != 1 && s->elements() != n)) return false;
    *scale = floatValues(*s);
    for (float v : *scale)
        if (!(v > 0.f) || !std::isfinite(v)) return false;
    if (s->elements() > 1) {
        int64_t a = 1;
        for (const auto &at : dq->attribute())
            if (at.name() == "axis") a = at.i();
        if (a < 0) a += int64_t(k->shape.size());
        if (a != axis) return false;
    }
    const int64_t want = k->dtype == DType::UInt8 ? 128 : 0;
    if (dq->input_size() > 2 && !dq->input(2).empty()) {
        const Tensor *z = constOf(c, dq->input(2));
        if (!z || z->dtype != k->dtype) return false;
        for (int64_t v : intValues(*z))
            if (v != want) return false;
    } else if (want) {
        return false;
    }
    *w = *k;
    w->dtype = DType::Int8;
    if (k->dtype == DType::UInt8)
        for (uint8_t &b : w->data) b = uint8_t(b ^ 0x80);
    return true;
}

// The int32 bias at scale xScale * wScale[m]: a DQ'ed int32 constant
// (rescaled when its scale is not that product) or a float constant.
bool constBias(Ctx &c, const std::string &name, int n, float xScale, const std::vector<float> &ws,
               const QdqPlan &plan, std::vector<int32_t> *out) {
    out->assign(size_t(n), 0);
    if (name.empty()) return true;
    std::vector<double> real(static_cast<size_t>(n), 0.0);
    if (const auto *dq = producerOf(plan, name, "DequantizeLinear")) {
        const Tensor *b = constOf(c, dq->input(0));
        const Tensor *s = dq->input_size() > 1 ? constOf(c, dq->input(1)) : nullptr;
        if (!b || b->dtype != DType::Int32 || b->elements() != n || !s || s->dtype != DType::Float32 ||
            (s->elements() != 1 && s->elements() != n))
            return false;
        if (dq->input_size() > 2 && !dq->input(2).empty()) {
            const Tensor *z = constOf(c, dq->input(2));
            if (!z) return false;
            for (int64_t v : intValues(*z))
                if (v) return false;
        }
        const auto bv = intValues(*b);
        const auto sv = floatValues(*s);
        for (int m = 0; m < n; ++m) {
            const float bs = sv[sv.size() == 1 ? 0 : size_t(m)];
            const float want = xScale * ws[ws.size() == 1 ? 0 : size_t(m)];
            if (std::fabs(bs - want) <= 1e-6f * want) {
                (*out)[size_t(m)] = int32_t(bv[size_t(m)]);
                real[size_t(m)] = NAN;
            } else {
                real[size_t(m)] = double(bv[size_t(m)]) * double(bs);
            }
        }
    } else {
        const Tensor *b = constOf(c, name);
        if (!b || b->dtype != DType::Float32 || b->elements() != n) return false;
        const auto bv = floatValues(*b);
        for (int m = 0; m < n; ++m) real[size_t(m)] = bv[size_t(m)];
    }
    for (int m = 0; m < n; ++m) {
        if (std::isnan(real[size_t(m)])) continue;
        const double v = std::nearbyint(real[size_t(m)] / double(xScale * ws[ws.size() == 1 ? 0 : size_t(m)]));
        if (std::fabs(v) > 2147483647.0) return false;
        (*out)[size_t(m)] = int32_t(v);
    }
    return true;
}

struct NotLowered {};

void conv8(Ctx &c, const QdqPlan &plan) {
    const onnx::NodeProto &n = *c.node;
    const auto *wdq = producerOf(plan, n.input(1), "DequantizeLinear");
    if (!wdq) throw NotLowered{};
    const Tensor *raw = constOf(c, wdq->input(0));
    if (!raw || raw->shape.size() < 3) throw NotLowered{};
    const int M = raw->shape[0];
    Tensor w;
    QuantWeights q;
    if (!constWeights(c, wdq, 0, M, &w, &q.scale)) throw NotLowered{};
    const int x = c.inCL(0);
    const float xs = c.g.tensors[size_t(x)].quant.sc();
    if (!constBias(c, n.input_size() > 2 ? n.input(2) : std::string(), M, xs, q.scale, plan, &q.bias))
        throw NotLowered{};
    for (int64_t i = 0; i < w.elements(); ++i) q.w.push_back(w.at<int8_t>(i));
    convFloat(c, x, w, std::vector<float>(size_t(M), 0.f), true, &q);
}

// Gemm (A 2-D, alpha = beta = 1, no transA) and MatMul with a constant 2-D B:
// FULLY_CONNECTED with int8 weights [N, K].
void fc8(Ctx &c, const QdqPlan &plan) {
    const onnx::NodeProto &n = *c.node;
    const bool gemm = n.op_type() == "Gemm";
    const bool tB = gemm && c.attrInt("transB", 0);
    if (gemm && (c.attrFloat("alpha", 1.f) != 1.f || c.attrFloat("beta", 1.f) != 1.f || c.attrInt("transA", 0)))
        throw NotLowered{};
    const Shape as = c.inShape(0), os = c.outShape(0);
    const auto *wdq = producerOf(plan, n.input(1), "DequantizeLinear");
    const Tensor *raw = wdq ? constOf(c, wdq->input(0)) : nullptr;
    if (!raw || raw->shape.size() != 2 || as.size() < 2 || (gemm && as.size() != 2)) throw NotLowered{};
    const int K = tB ? raw->shape[1] : raw->shape[0], N = tB ? raw->shape[0] : raw->shape[1];
    Tensor w;
    QuantWeights q;
    if (!constWeights(c, wdq, tB ? 0 : 1, N, &w, &q.scale)) throw NotLowered{};
    const int a = c.in(0);
    const float xs = c.g.tensors[size_t(a)].quant.sc();
    const std::string bname = gemm && n.input_size() > 2 ? n.input(2) : std::string();
    if (!bname.empty()) {
        const auto *bdq = producerOf(plan, bname, "DequantizeLinear");
        const Tensor *b = bdq ? constOf(c, bdq->input(0)) : constOf(c, bname);
        if (!b || b->elements() != N || (b->shape.size() == 2 && b->shape[0] != 1)) throw NotLowered{};
    }
    if (!constBias(c, bname, N, xs, q.scale, plan, &q.bias)) throw NotLowered{};
    std::vector<int8_t> wv(size_t(N) * size_t(K));
    for (int i = 0; i < N; ++i)
        for (int k = 0; k < K; ++k) wv[size_t(i * K + k)] = w.at<int8_t>(tB ? i * K + k : k * N + i);
    const int wt = c.addConst(c.baseName() + "/weights", DType::Int8, {N, K}, wv.data(), wv.size());
    c.g.tensors[size_t(wt)].quant.scale = q.scale;
    c.g.tensors[size_t(wt)].quant.zeroPoint.assign(q.scale.size(), 0);
    const int bt = c.addConst(c.baseName() + "/bias", DType::Int32, {N}, q.bias.data(), q.bias.size() * 4);
    for (float s : q.scale) c.g.tensors[size_t(bt)].quant.scale.push_back(xs * s);
    c.g.tensors[size_t(bt)].quant.zeroPoint.assign(q.scale.size(), 0);
    c.addOp(OpType::FullyConnected, {a, wt, bt}, {c.out(0, DType::Int8, os)}).attrs.keepDims = as.size() > 2;
}

bool sameQuant(const Quant &a, const Quant &b) {
    return a.scale.size() == 1 && b.scale.size() == 1 && a.scale == b.scale && a.zp() == b.zp();
}

// True when the ops from `first` on are all int8 ops with quantized tensors
// (constants int8 or int32 and shape operands) that their kernels accept.
bool allInt8(Ctx &c, size_t first) {
    for (size_t k = first; k < c.g.ops.size(); ++k) {
        Op &op = c.g.ops[k];
        const bool preserving = op.type == OpType::MaxPool2D || op.type == OpType::AveragePool2D ||
                                op.type == OpType::Reshape || op.type == OpType::Transpose ||
                                op.type == OpType::Concatenation || op.type == OpType::Pad;
        std::vector<int> all = op.inputs;
        all.insert(all.end(), op.outputs.begin(), op.outputs.end());
        const Quant *ref = nullptr;
        for (int t : all) {
            if (t < 0) continue;
            const Tensor &x = c.g.tensors[size_t(t)];
            if (x.dtype == DType::Float32) return false;
            if (x.isConst && x.dtype != DType::Int8) continue;  // shapes, perms, axes, pads, bias
            if (x.dtype != DType::Int8 || x.quant.empty()) return false;
            if (preserving && !x.isConst) {
                if (ref && !sameQuant(*ref, x.quant)) return false;
                ref = &x.quant;
            }
        }
        const OpKernel *kern = findKernel(op.type);
        Diagnostics scratch;
        if (!kern || !kern->prepare(c.g, op, scratch)) return false;
    }
    return true;
}

bool lowerGroup(Ctx &c, QdqPlan &plan, int k) {
    const onnx::NodeProto &n = *c.node;
    const QdqPlan::Group grp = plan.groups.at(k);
    const onnx::NodeProto &qn = plan.graph->node(grp.q);
    const std::string &qname = qn.output(0);
    auto qt = c.types.find(qname);
    DType qtype;
    if (qt == c.types.end() || !qt->second->has_tensor_type() || !dtypeOf(qt->second->tensor_type().elem_type(), &qtype))
        return false;
    if (qtype == DType::UInt8) {
        // Only the int8 form is made: every reader must be a DequantizeLinear.
        if (plan.outputs.count(qname)) return false;
        for (int u : plan.users[qname])
            if (plan.graph->node(u).op_type() != "DequantizeLinear") return false;
    }
    const QParams qp = paramsOf(c, qn, qtype);
    if (!qp.ok) return false;
    Quant outQ;
    outQ.scale = {qp.scale};
    outQ.zeroPoint = {qp.zp};

    const size_t nOps = c.g.ops.size(), nTensors = c.g.tensors.size(), nDiags = c.d.items().size();
    const auto savedValues = c.values;
    auto rollback = [&] {
        c.qOut = nullptr;
        c.g.ops.resize(nOps);
        c.g.tensors.resize(nTensors);
        c.values = savedValues;
        if (c.d.items().size() != nDiags) {
            Diagnostics kept;
            kept.setFile(c.g.sourcePath);
            for (size_t i = 0; i < nDiags; ++i) {
                const Diagnostic &x = c.d.items()[i];
                (x.severity == Diagnostic::Severity::Error ? kept.error(x.message) : kept.warning(x.message)) = x;
            }
            c.d = std::move(kept);
        }
        plan.skip.erase(grp.q);
        plan.skip.erase(grp.act);
        return false;
    };
    const std::string &op = n.op_type();
    const bool weighted = op == "Conv" || op == "Gemm" || op == "MatMul";
    // The activation inputs: DQ outputs whose int8 form stands in for them.
    for (int i = 0; i < n.input_size(); ++i) {
        if (n.input(i).empty() || (weighted && i > 0) || (op == "Reshape" && i > 0)) continue;
        const auto *dq = producerOf(plan, n.input(i), "DequantizeLinear");
        if (!dq) return rollback();
        bool cl = false;
        const int t = shadowOf(c, *dq, &cl);
        if (t < 0) return rollback();
        Value v;
        (cl ? v.cl : v.t) = t;
        if (c.g.tensors[size_t(t)].shape.size() < 3) v.t = v.cl = t;
        c.values[n.input(i)] = v;
    }
    c.qOut = &outQ;
    try {
        if (op == "Conv") conv8(c, plan);
        else if (op == "Gemm" || op == "MatMul") fc8(c, plan);
        else lowerings().at(op)(c);
    } catch (const Refused &) {
        return rollback();
    } catch (const NotLowered &) {
        return rollback();
    }
    c.qOut = nullptr;
    auto vo = c.values.find(n.output(0));
    if (vo == c.values.end()) return rollback();
    Value out = vo->second;
    const int ot = out.cl >= 0 ? out.cl : out.t;
    Tensor &o = c.g.tensors[size_t(ot)];
    if (o.dtype != DType::Int8 || !sameQuant(o.quant, outQ) || size_t(ot) < nTensors) return rollback();
    if (grp.act >= 0) {
        const onnx::NodeProto &an = plan.graph->node(grp.act);
        Activation a = Activation::Relu;
        if (an.op_type() == "Clip") {
            float lo = -INFINITY, hi = INFINITY;
            if (c.opset < 11) {
                for (const auto &at : an.attribute()) {
                    if (at.name() == "min") lo = at.f();
                    if (at.name() == "max") hi = at.f();
                }
            } else {
                const Tensor *l = an.input_size() > 1 && !an.input(1).empty() ? constOf(c, an.input(1)) : nullptr;
                const Tensor *h = an.input_size() > 2 && !an.input(2).empty() ? constOf(c, an.input(2)) : nullptr;
                if ((an.input_size() > 1 && !an.input(1).empty() && !l) || (an.input_size() > 2 && !an.input(2).empty() && !h))
                    return rollback();
                if (l) lo = floatValues(*l)[0];
                if (h) hi = floatValues(*h)[0];
            }
            if (lo == 0.f && hi == 6.f) a = Activation::Relu6;
            else if (!(lo == 0.f && std::isinf(hi))) return rollback();
        }
        Op *last = nullptr;
        for (size_t j = nOps; j < c.g.ops.size(); ++j)
            for (int t : c.g.ops[j].outputs)
                if (t == ot) last = &c.g.ops[j];
        if (!last || last->attrs.activation != Activation::None ||
            (last->type != OpType::Conv2D && last->type != OpType::DepthwiseConv2D &&
             last->type != OpType::FullyConnected))
            return rollback();
        last->attrs.activation = a;
    }
    if (!allInt8(c, nOps)) return rollback();
    for (size_t j = nOps; j < c.g.ops.size(); ++j) c.g.ops[j].params.reset();
    // Done: the group's output is Q's output (its int8 form).
    const bool cl = out.cl >= 0 && out.t < 0;
    o.name = qname + (qtype == DType::UInt8 ? "#i8" : "") + (cl ? "#nhwc" : "");
    for (int i = 0; i < n.input_size(); ++i)
        if (!n.input(i).empty() && savedValues.count(n.input(i))) c.values[n.input(i)] = savedValues.at(n.input(i));
    c.values.erase(n.output(0));
    c.q8[qname] = out;
    if (qtype == DType::Int8) c.values[qname] = out;
    return true;
}

// A QuantizeLinear outside a group: its output as ONNX defines it (when
// anything but DQs reads it) and its int8 form.
bool lowerQuantize(Ctx &c, QdqPlan &plan, const std::function<void()> &lowerNormally) {
    const onnx::NodeProto &n = *c.node;
    const std::string &name = n.output(0);
    DType qt;
    auto it = c.types.find(name);
    if (it == c.types.end() || !it->second->has_tensor_type() || !dtypeOf(it->second->tensor_type().elem_type(), &qt))
        return false;
    if (!c.has(0) || !c.values.count(n.input(0)) || c.inType(0) != DType::Float32) return false;
    const QParams p = paramsOf(c, n, qt);
    if (qt == DType::Int8) {
        lowerNormally();
        if (!p.ok) return true;
        Value v = c.values.at(name);
        for (int t : {v.t, v.cl})
            if (t >= 0) c.g.tensors[size_t(t)].quant = Quant{{p.scale}, {p.zp}, 0};
        c.q8[name] = v;
        return true;
    }
    if (qt != DType::UInt8 || !p.ok) return false;
    bool real = plan.outputs.count(name) > 0;
    for (int u : plan.users[name]) real |= plan.graph->node(u).op_type() != "DequantizeLinear";
    if (real) lowerNormally();
    // The int8 form: the same rounding with the zero point shifted by -128.
    const bool cl = c.isCL(0);
    const int x = cl ? c.inCL(0) : c.in(0);
    const Shape s = c.g.tensors[size_t(x)].shape;
    const int o = c.addTensor(name + "#i8" + (cl && s.size() >= 3 ? "#nhwc" : ""), DType::Int8, s);
    c.g.tensors[size_t(o)].quant = Quant{{p.scale}, {p.zp}, 0};
    quantizeOps(c, x, c.constF32("i8_scale", {}, {p.scale}), c.constF32("i8_zero_point", {}, {float(p.zp)}), -128.f,
                127.f, o);
    Value v;
    (cl ? v.cl : v.t) = o;
    if (s.size() < 3) v.t = v.cl = o;
    c.q8[name] = v;
    return true;
}

// A DequantizeLinear of a value that only exists in int8 form.
bool lowerDequantize(Ctx &c) {
    const onnx::NodeProto &n = *c.node;
    const std::string &x = n.input(0);
    if (c.values.count(x) || !c.q8.count(x)) return false;
    const Value v = c.q8.at(x);
    const int t = v.cl >= 0 ? v.cl : v.t;
    const bool cl = v.cl >= 0 && v.t < 0;
    const Tensor &xt = c.g.tensors[size_t(t)];
    const QParams p = paramsOf(c, n, DType::UInt8);
    if (!p.ok) c.refuse("dequantizing a uint8 value needs one constant scale and zero point");
    const Shape s = xt.shape;
    const int f = c.temp("float", DType::Float32, s);
    c.addOp(OpType::Cast, {t}, {f});
    const int z = c.temp("centered", DType::Float32, s);
    c.addOp(OpType::Sub, {f, c.constF32("zero_point", {}, {float(p.zp)})}, {z});
    c.addOp(OpType::Mul, {z, c.constF32("scale", {}, {p.scale})}, {c.out(0, DType::Float32, s, cl && s.size() >= 3)});
    return true;
}

}  // namespace

std::shared_ptr<QdqPlan> qdqPrepare(const onnx::GraphProto &g) {
    auto plan = std::make_shared<QdqPlan>();
    plan->graph = &g;
    for (int k = 0; k < g.node_size(); ++k) {
        for (const auto &o : g.node(k).output()) plan->producer[o] = k;
        for (const auto &i : g.node(k).input()) plan->users[i].push_back(k);
    }
    for (const auto &o : g.output()) plan->outputs.insert(o.name());
    auto single = [&](const std::string &v) -> int {
        if (plan->outputs.count(v)) return -1;
        auto it = plan->users.find(v);
        return it != plan->users.end() && it->second.size() == 1 ? it->second[0] : -1;
    };
    for (int k = 0; k < g.node_size(); ++k) {
        const onnx::NodeProto &n = g.node(k);
        if (!isDefault(n) || !kOps.count(n.op_type()) || n.output_size() < 1) continue;
        QdqPlan::Group grp;
        int u = single(n.output(0));
        if (u >= 0 && (n.op_type() == "Conv" || n.op_type() == "Gemm" || n.op_type() == "MatMul") &&
            (g.node(u).op_type() == "Relu" || g.node(u).op_type() == "Clip") && isDefault(g.node(u))) {
            grp.act = u;
            u = single(g.node(u).output(0));
        }
        if (u < 0 || g.node(u).op_type() != "QuantizeLinear" || !isDefault(g.node(u))) continue;
        grp.q = u;
        if (n.input_size() < 1 || !producerOf(*plan, n.input(0), "DequantizeLinear")) continue;
        plan->groups[k] = grp;
        plan->skip.insert(grp.q);
        if (grp.act >= 0) plan->skip.insert(grp.act);
    }
    return plan;
}

bool qdqLower(Ctx &c, QdqPlan &plan, int k, const std::function<void()> &lowerNormally) {
    if (plan.skip.count(k)) return true;
    const onnx::NodeProto &n = *c.node;
    if (!isDefault(n)) return false;
    if (plan.groups.count(k) && lowerGroup(c, plan, k)) return true;
    if (n.op_type() == "QuantizeLinear") return lowerQuantize(c, plan, lowerNormally);
    if (n.op_type() == "DequantizeLinear") return lowerDequantize(c);
    return false;
}

}  // namespace ember::onnximp
