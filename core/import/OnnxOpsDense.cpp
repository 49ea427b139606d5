// ONNX operators on FULLY_CONNECTED / BATCH_MATMUL: Gemm and MatMul (weights
// transposed and scaled at compile time, C as the bias), and LRN (its channel
// window sum as a banded FULLY_CONNECTED).
#include <algorithm>
#include <cmath>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

// FULLY_CONNECTED of a [.., K] input with weights [N, K] (row-major floats).
void fc(Ctx &c, int a, const std::vector<float> &w, int n, int k, const std::vector<float> *bias, int out,
        bool keepDims) {
    const int wt = c.constF32("weights", {n, k}, w);
    const int bt = bias ? c.constF32("bias", {n}, *bias) : -1;
    Op &op = c.addOp(OpType::FullyConnected, {a, wt, bt}, {out});
    op.attrs.keepDims = keepDims;
}

void gemm(Ctx &c) {
    if (c.inType(0) != DType::Float32) c.refuse("Gemm supports float32");
    const float alpha = c.attrFloat("alpha", 1.f), beta = c.attrFloat("beta", 1.f);
    const bool tA = c.attrInt("transA", 0), tB = c.attrInt("transB", 0);
    const Shape as = c.inShape(0), bs = c.inShape(1), os = c.outShape(0);
    if (as.size() != 2 || bs.size() != 2) c.refuse("A and B must be 2-D");
    int a = c.in(0);
    if (tA) a = c.transpose(a, {1, 0}, c.baseName() + "/At");
    const int M = os[0], N = os[1], K = tA ? as[0] : as[1];
    const Tensor *cb = c.has(2) ? c.constIn(2) : nullptr;
    const Tensor *bt = c.constIn(1);
    if (bt) {
        const auto b = floatValues(*bt);
        std::vector<float> w(size_t(N * K));
        for (int n = 0; n < N; ++n)
            for (int k = 0; k < K; ++k) w[size_t(n * K + k)] = alpha * (tB ? b[size_t(n * K + k)] : b[size_t(k * N + n)]);
        std::vector<float> bias(size_t(N), 0.f);
        bool biasOnly = !c.has(2);
        if (cb && (cb->elements() == N || cb->elements() == 1) &&
            (cb->shape.empty() || cb->shape.back() == N || cb->elements() == 1) &&
            (cb->shape.size() < 2 || cb->shape[0] == 1)) {
            const auto cv = floatValues(*cb);
            for (int n = 0; n < N; ++n) bias[size_t(n)] = beta * cv[cv.size() == 1 ? 0 : size_t(n)];
            biasOnly = true;
        }
        if (biasOnly) {
            fc(c, a, w, N, K, &bias, c.out(0), false);
            return;
        }
        const int t = c.temp("fc", DType::Float32, {M, N});
        fc(c, a, w, N, K, &bias, t, false);
        const int cc = c.in(2);
        int scaled = cc;
        if (beta != 1.f) {
            scaled = c.temp("beta_c", DType::Float32, c.g.tensors[size_t(cc)].shape);
            c.addOp(OpType::Mul, {cc, c.constF32("beta", {}, {beta})}, {scaled});
        }
        c.addOp(OpType::Add, {t, scaled}, {c.out(0)});
        return;
    }
    // B computed at run time: BATCH_MATMUL, then alpha and C.
    const int b = c.in(1);
    int t = (alpha == 1.f && !c.has(2)) ? c.out(0) : c.temp("mm", DType::Float32, {M, N});
    Op &mm = c.addOp(OpType::BatchMatMul, {a, b}, {t});
    mm.attrs.adjY = tB;
    if (alpha != 1.f) {
        const int s = c.has(2) ? c.temp("alpha_ab", DType::Float32, {M, N}) : c.out(0);
        c.addOp(OpType::Mul, {t, c.constF32("alpha", {}, {alpha})}, {s});
        t = s;
    }
    if (c.has(2)) {
        int cc = c.in(2);
        if (beta != 1.f) {
            const int s = c.temp("beta_c", DType::Float32, c.g.tensors[size_t(cc)].shape);
            c.addOp(OpType::Mul, {cc, c.constF32("beta", {}, {beta})}, {s});
            cc = s;
        }
        c.addOp(OpType::Add, {t, cc}, {c.out(0)});
    }
}

void matmul(Ctx &c) {
    const Shape as = c.inShape(0), bs = c.inShape(1);
    if (as.size() < 2 || bs.size() < 2)
        c.refuse("1-D operands are not supported; reshape them to 2-D before MatMul");
    const Tensor *bt = c.constIn(1);
    if (bt && bs.size() == 2 && c.inType(0) == DType::Float32) {
        const int K = bs[0], N = bs[1];
        const auto b = floatValues(*bt);
        std::vector<float> w(size_t(N * K));
        for (int n = 0; n < N; ++n)
            for (int k = 0; k < K; ++k) w[size_t(n * K + k)] = b[size_t(k * N + n)];
        // A zero bias, so that a following BatchNormalization folds into it.
        const std::vector<float> zero(static_cast<size_t>(N), 0.f);
        fc(c, c.in(0), w, N, K, &zero, c.out(0), as.size() > 2);
        return;
    }
    c.addOp(OpType::BatchMatMul, {c.in(0), c.in(1)}, {c.out(0)});
}

// LRN: x / (bias + alpha/size * sum of squares over a channel window)^beta,
// with the window sum as a banded FULLY_CONNECTED over channels-last data.
void lrn(Ctx &c) {
    const Shape xs = c.inShape(0);
    if (xs.size() != 4 || c.inType(0) != DType::Float32) c.refuse("LRN supports 4-D float32 inputs");
    const int size = int(c.attrInt("size", 1));
    const float alpha = c.attrFloat("alpha", 1e-4f), beta = c.attrFloat("beta", 0.75f), bias = c.attrFloat("bias", 1.f);
    const int C = xs[1];
    const int x = c.inCL(0);
    const Shape s = c.g.tensors[size_t(x)].shape;
    std::vector<float> w(size_t(C * C), 0.f);
    const int lo = (size - 1) / 2, hi = size - 1 - lo;
    for (int o = 0; o < C; ++o)
        for (int i = std::max(0, o - lo); i <= std::min(C - 1, o + hi); ++i) w[size_t(o * C + i)] = alpha / float(size);
    const int sq = c.temp("sq", DType::Float32, s);
    c.addOp(OpType::Mul, {x, x}, {sq});
    const int sum = c.temp("sum", DType::Float32, s);
    std::vector<float> bv(size_t(C), bias);
    fc(c, sq, w, C, C, &bv, sum, true);
    const int lg = c.temp("log", DType::Float32, s);
    c.addOp(OpType::Log, {sum}, {lg});
    const int sc = c.temp("scaled", DType::Float32, s);
    c.addOp(OpType::Mul, {lg, c.constF32("beta", {}, {beta})}, {sc});
    const int den = c.temp("den", DType::Float32, s);
    c.addOp(OpType::Exp, {sc}, {den});
    c.addOp(OpType::Div, {x, den}, {c.out(0, DType::Float32, s, true)});
}

}  // namespace

void addDenseLowerings(std::map<std::string, Lowering> &m) {
    m["Gemm"] = gemm;
    m["MatMul"] = matmul;
    m["LRN"] = lrn;
}

}  // namespace ember::onnximp
