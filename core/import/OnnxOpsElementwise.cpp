// ONNX elementwise operators → Ember's unary, binary and comparison kernels.
// They run in whichever layout their inputs already have: channels-last when
// a non-constant input is only available channels-last (after a Conv), so a
// Conv → Add(bias) → Relu chain needs no transposes; constant operands are
// aligned and transposed at compile time.
#include <algorithm>
#include <cmath>
#include <limits>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

Shape broadcast(const Shape &a, const Shape &b) {
    Shape o(std::max(a.size(), b.size()), 1);
    for (size_t i = 0; i < o.size(); ++i) {
        const int32_t x = i < o.size() - a.size() ? 1 : a[i - (o.size() - a.size())];
        const int32_t y = i < o.size() - b.size() ? 1 : b[i - (o.size() - b.size())];
        o[i] = x == 1 ? y : x;
    }
    return o;
}

// Channels-last when some non-constant input exists only channels-last and
// every non-constant input has the output's rank.
bool useCL(Ctx &c, size_t n, size_t rank) {
    if (rank < 3) return false;
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
        if (!c.has(i) || c.constIn(i)) continue;
        if (c.inShape(i).size() != rank) return false;
        if (c.isCL(i)) any = true;
    }
    return any;
}

// Input i in the chosen layout; constants of a lower rank are first given
// the output's rank (leading 1s) so that they can be transposed.
int operand(Ctx &c, size_t i, bool cl, size_t rank) {
    if (!cl) return c.in(i);
    const Tensor *k = c.constIn(i);
    if (k && k->elements() == 1) return c.in(i);
    if (k && k->shape.size() < rank) {
        Shape s(rank - k->shape.size(), 1);
        s.insert(s.end(), k->shape.begin(), k->shape.end());
        const std::vector<int> perm = toCL(rank);
        const Quant q = k->quant;  // int8 constants of the QDQ lowering keep their quantization
        const int t = c.addConst(k->name + "#nhwc", k->dtype, permuted(s, perm),
                                 permuteData(k->data, s, perm, dtypeSize(k->dtype)).data(), k->data.size());
        c.g.tensors[size_t(t)].quant = q;
        return t;
    }
    return c.inCL(i);
}

Shape layoutShape(const Shape &s, bool cl) { return cl ? permuted(s, toCL(s.size())) : s; }

void binary(Ctx &c, OpType t) {
    const Shape os = c.outShape(0);
    const bool cl = useCL(c, 2, os.size());
    const int a = operand(c, 0, cl, os.size()), b = operand(c, 1, cl, os.size());
    const int o = c.out(0, c.outType(0), layoutShape(os, cl), cl);
    c.addOp(t, {a, b}, {o});
}

// Unary op in the input's current layout; returns the output tensor.
int unary(Ctx &c, OpType t) {
    const bool cl = c.isCL(0);
    const int a = cl ? c.inCL(0) : c.in(0);
    const int o = c.out(0, c.outType(0), c.g.tensors[size_t(a)].shape, cl);
    c.addOp(t, {a}, {o});
    return o;
}

// A chain of ops on the input x (in its layout) ending in output 0.
struct Chain {
    Ctx &c;
    bool cl;
    int cur;
    int step = 0;
    explicit Chain(Ctx &ctx) : c(ctx), cl(ctx.isCL(0)), cur(cl ? ctx.inCL(0) : ctx.in(0)) {}
    const Tensor &x() const { return c.g.tensors[size_t(cur)]; }
    int scalar(float v) {
        if (x().dtype == DType::Float32) return c.constF32("k" + std::to_string(step), {}, {v});
        if (x().dtype == DType::Int32) {
            const int32_t i = int32_t(v);
            return c.addConst(c.baseName() + "/k" + std::to_string(step), DType::Int32, {}, &i, 4);
        }
        c.refuse(std::string("this lowering supports float32 and int32, not ") + dtypeName(x().dtype));
    }
    // Applies `t` (with an optional second operand); `last` writes output 0.
    void apply(OpType t, int other = -1, bool last = false) {
        const int o = last ? c.out(0, x().dtype, x().shape, cl)
                           : c.temp("t" + std::to_string(step++), x().dtype, x().shape);
        std::vector<int> ins = {cur};
        if (other >= 0) ins.push_back(other);
        c.addOp(t, ins, {o});
        cur = o;
    }
};

// Fuses Relu/Relu6 into the CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED /
// ADD that produced input 0 when nothing else reads that value.
bool fuseActivation(Ctx &c, Activation a) {
    if (!c.has(0) || c.consumers[c.inName(0)] != 1 || c.inType(0) != DType::Float32) return false;
    const Value v = c.values.at(c.inName(0));
    const int t = v.cl >= 0 ? v.cl : v.t;
    if (c.g.tensors[size_t(t)].isOutput || c.g.tensors[size_t(t)].isInput || c.g.tensors[size_t(t)].isConst)
        return false;
    for (size_t k = c.g.ops.size(); k-- > 0;) {
        Op &op = c.g.ops[k];
        if (std::find(op.outputs.begin(), op.outputs.end(), t) == op.outputs.end()) continue;
        const bool fusable = op.type == OpType::Conv2D || op.type == OpType::DepthwiseConv2D ||
                             op.type == OpType::FullyConnected || op.type == OpType::Add;
        if (!fusable || op.attrs.activation != Activation::None) return false;
        op.attrs.activation = a;
        c.values[c.node->output(0)] = v;
        return true;
    }
    return false;
}

void clampLowering(Ctx &c, float lo, float hi) {
    Chain ch(c);
    if (ch.x().dtype == DType::Float32 && lo == 0.f && hi == 6.f) return ch.apply(OpType::Relu6, -1, true);
    const bool hasLo = std::isfinite(lo) || ch.x().dtype != DType::Float32;
    const bool hasHi = std::isfinite(hi) || ch.x().dtype != DType::Float32;
    if (ch.x().dtype == DType::Float32 && lo == 0.f && !std::isfinite(hi)) return ch.apply(OpType::Relu, -1, true);
    if (!hasLo && !hasHi) {
        c.values[c.node->output(0)] = c.values[c.inName(0)];
        return;
    }
    if (hasLo) ch.apply(OpType::Maximum, ch.scalar(lo), !hasHi);
    if (hasHi) ch.apply(OpType::Minimum, ch.scalar(hi), true);
}

void clip(Ctx &c) {
    float lo = -std::numeric_limits<float>::infinity(), hi = std::numeric_limits<float>::infinity();
    const DType dt = c.inType(0);
    if (dt == DType::Int32) lo = float(INT32_MIN), hi = float(INT32_MAX);
    else if (dt != DType::Float32) c.refuse(std::string("clip of ") + dtypeName(dt) + " is not supported; use float32");
    if (c.opset < 11) {
        lo = c.attrFloat("min", lo);
        hi = c.attrFloat("max", hi);
    } else {
        if (c.has(1)) lo = c.constFloat(1, "min");
        if (c.has(2)) hi = c.constFloat(2, "max");
    }
    if (lo == 0.f && hi == 6.f && dt == DType::Float32) {
        if (fuseActivation(c, Activation::Relu6)) return;
        Chain ch(c);
        return ch.apply(OpType::Relu6, -1, true);
    }
    clampLowering(c, lo, hi);
}

void pow(Ctx &c) {
    const Tensor *e = c.constIn(1);
    if (!e || e->elements() != 1)
        c.refuse("only a constant scalar exponent is supported (x^2, x^0.5, integer or positive-base powers)");
    if (c.inType(0) != DType::Float32) c.refuse("pow supports float32 bases only");
    const float y = floatValues(*e)[0];
    if (c.outShape(0) != c.inShape(0)) c.refuse("the exponent may not broadcast the base to a larger shape");
    Chain ch(c);
    const int x = ch.cur;
    if (y == 0.5f) return ch.apply(OpType::Sqrt, -1, true);
    if (y == 1.f) return ch.apply(OpType::Reshape, c.constI32("shape", std::vector<int32_t>(ch.x().shape.begin(),
                                                                                               ch.x().shape.end())),
                                  true);
    if (y == std::floor(y) && std::fabs(y) <= 16.f && y != 0.f) {
        // Exact repeated multiplication (square and multiply), reciprocal last.
        int n = int(std::fabs(y)), acc = -1, base = x, step = 0;
        const Shape s = c.g.tensors[size_t(x)].shape;
        while (n) {
            if (n & 1) {
                if (acc < 0) {
                    acc = base;
                } else {
                    const int o = c.temp("m" + std::to_string(step), DType::Float32, s);
                    c.addOp(OpType::Mul, {acc, base}, {o});
                    acc = o;
                }
            }
            n >>= 1;
            if (n) {
                const int sq = c.temp("sq" + std::to_string(step), DType::Float32, s);
                c.addOp(OpType::Mul, {base, base}, {sq});
                base = sq;
            }
            ++step;
        }
        if (y < 0) {
            const int one = c.constF32("one", {}, {1.f});
            const int o = c.out(0, DType::Float32, s, ch.cl);
            c.addOp(OpType::Div, {one, acc}, {o});
        } else {
            c.alias(0, acc, ch.cl);
        }
        return;
    }
    // Non-integer exponent: exp(y * log(x)), NaN for negative bases as in ONNX.
    ch.apply(OpType::Log);
    ch.apply(OpType::Mul, ch.scalar(y));
    ch.apply(OpType::Exp, -1, true);
}

void variadic(Ctx &c, OpType t, bool mean) {
    const Shape os = c.outShape(0);
    const size_t n = c.numInputs();
    const bool cl = useCL(c, n, os.size());
    int acc = operand(c, 0, cl, os.size());
    Shape accShape = c.inShape(0);
    if (n == 1 && !mean) {
        c.alias(0, acc, cl);
        return;
    }
    for (size_t i = 1; i < n; ++i) {
        accShape = broadcast(accShape, c.inShape(i));
        const bool last = i + 1 == n && !mean;
        const int o = last ? c.out(0, c.outType(0), layoutShape(os, cl), cl)
                           : c.temp("acc" + std::to_string(i), c.outType(0), layoutShape(accShape, cl));
        c.addOp(t, {acc, operand(c, i, cl, os.size())}, {o});
        acc = o;
    }
    if (mean) {
        const int k = c.constF32("inv_n", {}, {1.f / float(n)});
        const int o = c.out(0, c.outType(0), layoutShape(os, cl), cl);
        c.addOp(OpType::Mul, {acc, k}, {o});
    }
}

}  // namespace

void addElementwiseLowerings(std::map<std::string, Lowering> &m) {
    for (auto [name, t] : std::vector<std::pair<const char *, OpType>>{
             {"Add", OpType::Add}, {"Sub", OpType::Sub}, {"Mul", OpType::Mul}, {"Div", OpType::Div},
             {"Equal", OpType::Equal}, {"Less", OpType::Less}, {"Greater", OpType::Greater},
             {"LessOrEqual", OpType::LessEqual}, {"GreaterOrEqual", OpType::GreaterEqual},
             {"And", OpType::LogicalAnd}, {"Or", OpType::LogicalOr}, {"Xor", OpType::NotEqual},
             {"PRelu", OpType::Prelu}}) {
        const OpType op = t;
        m[name] = [op](Ctx &c) {
            if (c.opset < 7 && c.attrInt("broadcast", 0)) c.refuse("legacy broadcast (opset < 7) is not supported", "broadcast");
            binary(c, op);
        };
    }
    for (auto [name, t] : std::vector<std::pair<const char *, OpType>>{
             {"Sigmoid", OpType::Logistic}, {"Tanh", OpType::Tanh},
             {"HardSwish", OpType::HardSwish}, {"Abs", OpType::Abs}, {"Neg", OpType::Neg},
             {"Sqrt", OpType::Sqrt}, {"Exp", OpType::Exp}, {"Log", OpType::Log}, {"Sin", OpType::Sin},
             {"Cos", OpType::Cos}, {"Floor", OpType::Floor}, {"Ceil", OpType::Ceil}, {"Round", OpType::Round},
             {"Not", OpType::LogicalNot}, {"Cast", OpType::Cast}}) {
        const OpType op = t;
        m[name] = [op](Ctx &c) { unary(c, op); };
    }
    m["Relu"] = [](Ctx &c) {
        if (!fuseActivation(c, Activation::Relu)) unary(c, OpType::Relu);
    };
    m["Max"] = [](Ctx &c) { variadic(c, OpType::Maximum, false); };
    m["Min"] = [](Ctx &c) { variadic(c, OpType::Minimum, false); };
    m["Sum"] = [](Ctx &c) { variadic(c, OpType::Add, false); };
    m["Mean"] = [](Ctx &c) { variadic(c, OpType::Add, true); };
    m["Clip"] = clip;
    m["Pow"] = pow;
    m["LeakyRelu"] = [](Ctx &c) {
        const bool cl = c.isCL(0);
        const int a = cl ? c.inCL(0) : c.in(0);
        const int o = c.out(0, c.outType(0), c.g.tensors[size_t(a)].shape, cl);
        c.addOp(OpType::LeakyRelu, {a}, {o}).attrs.alpha = c.attrFloat("alpha", 0.01f);
    };
    m["Elu"] = [](Ctx &c) {
        const float alpha = c.attrFloat("alpha", 1.f);
        if (alpha == 1.f) return unary(c, OpType::Elu), void();
        // x > 0 ? x : alpha * (exp(x) - 1)
        Chain ch(c);
        if (ch.x().dtype != DType::Float32) c.refuse("Elu supports float32 only");
        const int x = ch.cur;
        const Shape s = ch.x().shape;
        ch.apply(OpType::Exp);
        ch.apply(OpType::Sub, ch.scalar(1.f));
        ch.apply(OpType::Mul, ch.scalar(alpha));
        const int cond = c.temp("positive", DType::Bool, s);
        c.addOp(OpType::Greater, {x, ch.scalar(0.f)}, {cond});
        c.addOp(OpType::SelectV2, {cond, x, ch.cur}, {c.out(0, DType::Float32, s, ch.cl)});
    };
    m["HardSigmoid"] = [](Ctx &c) {
        Chain ch(c);
        if (ch.x().dtype != DType::Float32) c.refuse("HardSigmoid supports float32 only");
        ch.apply(OpType::Mul, ch.scalar(c.attrFloat("alpha", 0.2f)));
        ch.apply(OpType::Add, ch.scalar(c.attrFloat("beta", 0.5f)));
        ch.apply(OpType::Minimum, ch.scalar(1.f));
        ch.apply(OpType::Maximum, ch.scalar(0.f), true);
    };
    m["Reciprocal"] = [](Ctx &c) {
        Chain ch(c);
        if (ch.x().dtype != DType::Float32) c.refuse("Reciprocal supports float32 only");
        const int one = ch.scalar(1.f);
        const int o = c.out(0, DType::Float32, ch.x().shape, ch.cl);
        c.addOp(OpType::Div, {one, ch.cur}, {o});
    };
    m["Softplus"] = [](Ctx &c) {
        Chain ch(c);
        if (ch.x().dtype != DType::Float32) c.refuse("Softplus supports float32 only");
        ch.apply(OpType::Exp);
        ch.apply(OpType::Add, ch.scalar(1.f));
        ch.apply(OpType::Log, -1, true);
    };
    m["Softsign"] = [](Ctx &c) {
        Chain ch(c);
        if (ch.x().dtype != DType::Float32) c.refuse("Softsign supports float32 only");
        const int x = ch.cur;
        ch.apply(OpType::Abs);
        ch.apply(OpType::Add, ch.scalar(1.f));
        const int o = c.out(0, DType::Float32, ch.x().shape, ch.cl);
        c.addOp(OpType::Div, {x, ch.cur}, {o});
    };
    m["Where"] = [](Ctx &c) {
        const Shape os = c.outShape(0);
        const bool cl = useCL(c, 3, os.size());
        const int a = operand(c, 0, cl, os.size()), b = operand(c, 1, cl, os.size()),
                  d = operand(c, 2, cl, os.size());
        const int o = c.out(0, c.outType(0), layoutShape(os, cl), cl);
        c.addOp(OpType::SelectV2, {a, b, d}, {o});
    };
    m["Identity"] = [](Ctx &c) { c.values[c.node->output(0)] = c.values.at(c.inName(0)); };
    m["Dropout"] = [](Ctx &c) {
        if (c.outUsed(1) && c.consumers.count(c.node->output(1)))
            c.refuse("the mask output of Dropout is not supported (inference only)");
        if (c.opset >= 12 && c.has(2) && (!c.constIn(2) || intValues(*c.constIn(2))[0] != 0))
            c.refuse("training_mode must be a constant false (inference only)");
        c.values[c.node->output(0)] = c.values.at(c.inName(0));
    };
}

}  // namespace ember::onnximp
