// ONNX's recurrent operators RNN, GRU and LSTM (float32; forward, reverse
// and bidirectional; layout 0 and 1), unrolled over the sequence onto
// FULLY_CONNECTED and elementwise kernels: the input projections of all
// steps are one FULLY_CONNECTED per gate (both biases folded in), split per
// step; each step adds the recurrent FULLY_CONNECTED of the previous hidden
// state and applies the gate activations. A zero initial state makes the
// first step's recurrent products constants, which the import folds away.
// Refused: clip, activation alpha/beta, LSTM's input_forget, and
// sequence_lens shorter than the sequence.
#include <algorithm>
#include <cctype>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

enum class Cell { Rnn, Gru, Lstm };

struct Rec {
    Ctx &c;
    int B = 0, H = 0;
    int n = 0;  // unique temp names
    std::string name(const std::string &s) { return s + std::to_string(n++); }
    int bin(OpType t, int a, int b) {
        const int o = c.temp(name("t"), DType::Float32, {B, H});
        c.addOp(t, {a, b}, {o});
        return o;
    }
    int act(OpType t, int a) {
        const int o = c.temp(name("a"), DType::Float32, {B, H});
        c.addOp(t, {a}, {o});
        return o;
    }
    int fc(int x, const std::vector<float> &w, int k, const std::vector<float> *bias, int rows) {
        const int wt = c.constF32(name("w"), {H, k}, w);
        const int bt = bias ? c.constF32(name("b"), {H}, *bias) : -1;
        const int o = c.temp(name("fc"), DType::Float32, {rows, H});
        c.addOp(OpType::FullyConnected, {x, wt, bt}, {o});
        return o;
    }
};

OpType activation(Ctx &c, const std::string &name) {
    std::string s = name;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    if (s == "sigmoid") return OpType::Logistic;
    if (s == "tanh") return OpType::Tanh;
    if (s == "relu") return OpType::Relu;
    c.refuse("the activation '" + name + "' is not supported (Sigmoid, Tanh, Relu)", "activations");
}

void recurrent(Ctx &c, Cell cell) {
    const int G = cell == Cell::Rnn ? 1 : cell == Cell::Gru ? 3 : 4;
    if (c.inType(0) != DType::Float32) c.refuse("float32 only");
    const Shape xs = c.inShape(0);
    if (xs.size() != 3) c.refuse("X must be 3-D");
    const bool batchMajor = c.attrInt("layout", 0) != 0;
    const int T = batchMajor ? xs[1] : xs[0], B = batchMajor ? xs[0] : xs[1], I = xs[2];
    const std::string dir = c.attrStr("direction", "forward");
    if (dir != "forward" && dir != "reverse" && dir != "bidirectional")
        c.refuse("unknown direction '" + dir + "'", "direction");
    const int D = dir == "bidirectional" ? 2 : 1;
    if (c.attr("clip")) c.refuse("clip is not supported", "clip");
    if (c.attr("activation_alpha") || c.attr("activation_beta"))
        c.refuse("activation_alpha / activation_beta are not supported", "activation_alpha");
    if (cell == Cell::Lstm && c.attrInt("input_forget", 0)) c.refuse("input_forget = 1 is not supported", "input_forget");
    const bool lbr = cell == Cell::Gru && c.attrInt("linear_before_reset", 0);
    const int nAct = cell == Cell::Rnn ? 1 : cell == Cell::Gru ? 2 : 3;
    std::vector<OpType> acts;
    if (const auto *a = c.attr("activations")) {
        if (a->strings_size() != nAct * D)
            c.refuse("expected " + std::to_string(nAct * D) + " activations", "activations");
        for (const auto &s : a->strings()) acts.push_back(activation(c, s));
    } else {
        const std::vector<OpType> def = cell == Cell::Rnn ? std::vector<OpType>{OpType::Tanh}
                                        : cell == Cell::Gru ? std::vector<OpType>{OpType::Logistic, OpType::Tanh}
                                                            : std::vector<OpType>{OpType::Logistic, OpType::Tanh, OpType::Tanh};
        for (int d = 0; d < D; ++d) acts.insert(acts.end(), def.begin(), def.end());
    }
    const Tensor *wt = c.constIn(1), *rt = c.constIn(2);
    if (!wt || !rt) c.refuse("W and R must be constants (initializers)");
    const int H = int(c.attrInt("hidden_size", wt->shape.size() == 3 ? wt->shape[1] / G : 0));
    if (H <= 0 || wt->shape != Shape{D, G * H, I} || rt->shape != Shape{D, G * H, H})
        c.refuse("W " + shapeString(wt->shape) + " and R " + shapeString(rt->shape) + " do not fit " +
                 std::to_string(D) + " direction(s), hidden_size " + std::to_string(H) + " and input size " +
                 std::to_string(I));
    const auto W = floatValues(*wt), R = floatValues(*rt);
    std::vector<float> bias(size_t(D * 2 * G * H), 0.f);
    if (c.has(3)) {
        const Tensor *b = c.constIn(3);
        if (!b || b->elements() != int64_t(bias.size())) c.refuse("B must be a constant [" + std::to_string(D) + ", " + std::to_string(2 * G * H) + "]");
        bias = floatValues(*b);
    }
    if (c.has(4)) {
        const Tensor *sl = c.constIn(4);
        if (!sl) c.refuse("sequence_lens must be a constant; Ember compiles fixed-length sequences");
        for (int64_t v : intValues(*sl))
            if (v != T) c.refuse("sequence_lens shorter than the sequence (" + std::to_string(v) + " < " + std::to_string(T) + ") are not supported");
    }
    std::vector<float> P;
    if (cell == Cell::Lstm && c.has(7)) {
        const Tensor *p = c.constIn(7);
        if (!p || p->elements() != int64_t(D) * 3 * H) c.refuse("P (peepholes) must be a constant [" + std::to_string(D) + ", " + std::to_string(3 * H) + "]");
        P = floatValues(*p);
    }
    Rec r{c, B, H};
    // Initial states per direction: [B, H] tensors (zeros when absent).
    auto initial = [&](size_t i, const char *what) {
        std::vector<int> v;
        if (!c.has(i)) {
            for (int d = 0; d < D; ++d) v.push_back(c.constF32(r.name(what), {B, H}, std::vector<float>(size_t(B * H), 0.f)));
            return v;
        }
        if (c.inShape(i) != Shape{D, B, H}) c.refuse(std::string(what) + " must be [" + std::to_string(D) + ", " + std::to_string(B) + ", " + std::to_string(H) + "]");
        int x = c.in(i);
        if (D == 1) return std::vector<int>{c.reshape(x, {B, H}, c.baseName() + "/" + r.name(what))};
        std::vector<int> parts;
        for (int d = 0; d < D; ++d) parts.push_back(c.temp(r.name(what), DType::Float32, {1, B, H}));
        c.addOp(OpType::Split, {c.constI32(r.name("axis"), {0}), x}, parts).attrs.numSplits = D;
        for (int d = 0; d < D; ++d) v.push_back(c.reshape(parts[size_t(d)], {B, H}, c.baseName() + "/" + r.name(what)));
        return v;
    };
    const std::vector<int> h0 = initial(5, "initial_h");
    const std::vector<int> c0 = cell == Cell::Lstm ? initial(6, "initial_c") : std::vector<int>{};
    // X time-major as [T * B, I].
    int x = c.in(0);
    if (batchMajor) x = c.transpose(x, {1, 0, 2}, c.baseName() + "/time_major");
    x = c.reshape(x, {T * B, I}, c.baseName() + "/steps");
    std::vector<int> ys, yh, yc;
    for (int d = 0; d < D; ++d) {
        const bool rev = dir == "reverse" || d == 1;
        const OpType f = acts[size_t(d * nAct)], g = acts[size_t(d * nAct + (nAct > 1 ? 1 : 0))],
                     hAct = acts[size_t(d * nAct + (nAct > 2 ? 2 : 0))];
        auto rows = [&](const std::vector<float> &m, int gate, int k) {
            const size_t off = size_t(d) * size_t(G * H * k) + size_t(gate) * size_t(H * k);
            return std::vector<float>(m.begin() + long(off), m.begin() + long(off + size_t(H * k)));
        };
        auto biasOf = [&](int which, int gate) {  // which: 0 = Wb, 1 = Rb
            const size_t off = size_t(d * 2 * G * H + which * G * H + gate * H);
            return std::vector<float>(bias.begin() + long(off), bias.begin() + long(off + size_t(H)));
        };
        // Input projections of every step, per gate, split into steps.
        std::vector<std::vector<int>> xg(static_cast<size_t>(G));
        for (int gi = 0; gi < G; ++gi) {
            std::vector<float> b = biasOf(0, gi);
            const bool rbSeparate = lbr && gi == 2;
            if (!rbSeparate) {
                const auto rb = biasOf(1, gi);
                for (int k = 0; k < H; ++k) b[size_t(k)] += rb[size_t(k)];
            }
            const int all = r.fc(x, rows(W, gi, I), I, &b, T * B);
            if (T == 1) {
                xg[size_t(gi)].push_back(all);
                continue;
            }
            for (int t = 0; t < T; ++t) xg[size_t(gi)].push_back(c.temp(r.name("x"), DType::Float32, {B, H}));
            c.addOp(OpType::Split, {c.constI32(r.name("axis"), {0}), all}, xg[size_t(gi)]).attrs.numSplits = T;
        }
        std::vector<int> hs(size_t(T), -1);
        int h = h0[size_t(d)], cs = cell == Cell::Lstm ? c0[size_t(d)] : -1;
        for (int s = 0; s < T; ++s) {
            const int t = rev ? T - 1 - s : s;
            auto pre = [&](int gi) { return r.bin(OpType::Add, xg[size_t(gi)][size_t(t)], r.fc(h, rows(R, gi, H), H, nullptr, B)); };
            auto peep = [&](int a, int k, int state) {  // a + P[k] * state
                if (P.empty()) return a;
                const std::vector<float> pk(P.begin() + long(d * 3 * H + k * H), P.begin() + long(d * 3 * H + (k + 1) * H));
                return r.bin(OpType::Add, a, r.bin(OpType::Mul, state, c.constF32(r.name("p"), {H}, pk)));
            };
            if (cell == Cell::Rnn) {
                h = r.act(f, pre(0));
            } else if (cell == Cell::Gru) {
                const int z = r.act(f, pre(0)), rg = r.act(f, pre(1));
                int hh;
                if (lbr) {
                    const auto rb = biasOf(1, 2);
                    hh = r.bin(OpType::Add, xg[2][size_t(t)], r.bin(OpType::Mul, rg, r.fc(h, rows(R, 2, H), H, &rb, B)));
                } else {
                    hh = r.bin(OpType::Add, xg[2][size_t(t)], r.fc(r.bin(OpType::Mul, rg, h), rows(R, 2, H), H, nullptr, B));
                }
                hh = r.act(g, hh);
                // (1 - z) * hh + z * h = hh + z * (h - hh)
                h = r.bin(OpType::Add, hh, r.bin(OpType::Mul, z, r.bin(OpType::Sub, h, hh)));
            } else {
                // Gates i, o, f, c; peepholes i, o, f.
                const int ig = r.act(f, peep(pre(0), 0, cs));
                const int fg = r.act(f, peep(pre(2), 2, cs));
                const int cg = r.act(g, pre(3));
                cs = r.bin(OpType::Add, r.bin(OpType::Mul, fg, cs), r.bin(OpType::Mul, ig, cg));
                const int og = r.act(f, peep(pre(1), 1, cs));
                h = r.bin(OpType::Mul, og, r.act(hAct, cs));
            }
            hs[size_t(t)] = h;
        }
        if (c.outUsed(0)) {
            int y = hs[0];
            if (T > 1) {
                y = c.temp(r.name("y"), DType::Float32, {T * B, H});
                c.addOp(OpType::Concatenation, hs, {y}).attrs.axis = 0;
            }
            ys.push_back(c.reshape(y, {T, 1, B, H}, c.baseName() + "/" + r.name("y")));
        }
        yh.push_back(c.reshape(h, {1, B, H}, c.baseName() + "/" + r.name("y_h")));
        if (cell == Cell::Lstm) yc.push_back(c.reshape(cs, {1, B, H}, c.baseName() + "/" + r.name("y_c")));
    }
    // Outputs: Y [T, D, B, H] (layout 1: [B, T, D, H]), Y_h / Y_c [D, B, H] (layout 1: [B, D, H]).
    auto join = [&](const std::vector<int> &v, int axis, const Shape &s) {
        if (v.size() == 1) return v[0];
        const int o = c.temp(r.name("join"), DType::Float32, s);
        c.addOp(OpType::Concatenation, v, {o}).attrs.axis = axis;
        return o;
    };
    auto emit = [&](size_t j, int t, const std::vector<int> &perm) {
        if (j >= c.numOutputs() || !c.outUsed(j)) return;
        if (batchMajor) t = c.transpose(t, perm, c.baseName() + "/" + r.name("batch_major"));
        c.alias(j, c.reshape(t, c.g.tensors[size_t(t)].shape, c.node->output(int(j))), false);
    };
    if (!ys.empty()) emit(0, join(ys, 1, {T, D, B, H}), {2, 0, 1, 3});
    emit(1, join(yh, 0, {D, B, H}), {1, 0, 2});
    if (cell == Cell::Lstm) emit(2, join(yc, 0, {D, B, H}), {1, 0, 2});
}

}  // namespace

void addRnnLowerings(std::map<std::string, Lowering> &m) {
    m["RNN"] = [](Ctx &c) { recurrent(c, Cell::Rnn); };
    m["GRU"] = [](Ctx &c) { recurrent(c, Cell::Gru); };
    m["LSTM"] = [](Ctx &c) { recurrent(c, Cell::Lstm); };
}

}  // namespace ember::onnximp
