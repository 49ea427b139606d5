// ONNX's integer operators: QLinearConv, QLinearMatMul, ConvInteger,
// MatMulInteger and com.microsoft's QLinearAdd / QLinearMul.
//
// ONNX defines them on integers and real numbers, not with TFLite's
// fixed-point requantization: the accumulator is the exact integer sum of
// (x - x_zero_point) * (w - w_zero_point) (+ bias), and requantization is
// saturate(round_half_to_even(acc * x_scale * w_scale / y_scale) + y_zero_point)
// in float. The lowering computes the accumulator with Ember's float kernels
// on integer-valued operands (CAST, SUB of the zero point; the weights
// centred at compile time), which is exact while every partial sum stays
// below 2^24: the importer checks that bound from the weights and the
// operands' type ranges and refuses the node where it could be exceeded.
// Requantization is MUL by the float multiplier, ROUND (half to even), ADD
// of the zero point, MAXIMUM/MINIMUM and CAST, ONNX's reference arithmetic.
#include <algorithm>
#include <cmath>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

constexpr double kExact = 16777216.0;  // 2^24: integers a float holds exactly

bool isQType(DType t) { return t == DType::Int8 || t == DType::UInt8; }
double qlo(DType t) { return t == DType::Int8 ? -128 : 0; }
double qhi(DType t) { return t == DType::Int8 ? 127 : 255; }

// A constant input's integer values (`def` when absent); `n` values or one.
std::vector<int64_t> zeroPoints(Ctx &c, size_t i, const char *what, int64_t n, DType want) {
    if (!c.has(i)) return {0};
    const Tensor *t = c.constIn(i);
    if (!t) c.refuse(std::string("the ") + what + " must be a constant");
    if (t->dtype != want)
        c.refuse(std::string("the ") + what + " is " + dtypeName(t->dtype) + ", expected " + dtypeName(want));
    auto v = intValues(*t);
    if (v.size() != 1 && int64_t(v.size()) != n)
        c.refuse(std::string("the ") + what + " must hold one value or " + std::to_string(n) + " (per channel)");
    return v;
}
std::vector<float> scales(Ctx &c, size_t i, const char *what, int64_t n) {
    const Tensor *t = c.constIn(i);
    if (!t) c.refuse(std::string("the ") + what + " must be a constant");
    if (t->dtype != DType::Float32) c.refuse(std::string("the ") + what + " must be float32");
    auto v = floatValues(*t);
    if (v.size() != 1 && int64_t(v.size()) != n)
        c.refuse(std::string("the ") + what + " must hold one value or " + std::to_string(n) + " (per channel)");
    for (float s : v)
        if (!(s > 0.f) || !std::isfinite(s)) c.refuse(std::string("the ") + what + " must be positive and finite");
    return v;
}
template <class T>
T at(const std::vector<T> &v, size_t i) { return v.size() == 1 ? v[0] : v[i]; }

// Largest |x - zp| an input of type t can give.
double maxCentered(DType t, const std::vector<int64_t> &zp) {
    double m = 0;
    for (int64_t z : zp) m = std::max({m, std::fabs(double(z) - qlo(t)), std::fabs(qhi(t) - double(z))});
    return m;
}

// float(x) - zp for a run-time integer tensor (per tensor zero point).
int centered(Ctx &c, int x, int64_t zp, const std::string &name) {
    const Shape s = c.g.tensors[size_t(x)].shape;
    const int f = c.temp(name + "_float", DType::Float32, s);
    c.addOp(OpType::Cast, {x}, {f});
    if (!zp) return f;
    const int o = c.temp(name + "_centered", DType::Float32, s);
    c.addOp(OpType::Sub, {f, c.constF32(name + "_zero_point", {}, {float(zp)})}, {o});
    return o;
}

void checkExact(Ctx &c, double bound) {
    if (bound >= kExact)
        c.refuse("the integer accumulator can reach " + std::to_string(int64_t(bound)) +
                 ", beyond 2^24, where Ember's float-exact lowering of ONNX's integer arithmetic would round; "
                 "quantize with smaller weights or fewer inputs per output, or use the QDQ form");
}

// acc (float, integer-valued) → saturate(round_half_even(acc * mult) + zp)
// as type `ot` into `out`; mult per the last axis when it has several values.
void requantize(Ctx &c, int acc, const std::vector<float> &mult, int64_t zp, DType ot, int out) {
    const Shape s = c.g.tensors[size_t(acc)].shape;
    int sc = acc;
    if (mult.size() != 1 || mult[0] != 1.f) {
        const int m = mult.size() == 1 ? c.constF32("multiplier", {}, mult)
                                       : c.constF32("multiplier", {int32_t(mult.size())}, mult);
        sc = c.temp("scaled", DType::Float32, s);
        c.addOp(OpType::Mul, {acc, m}, {sc});
    }
    int r = c.temp("rounded", DType::Float32, s);
    c.addOp(OpType::Round, {sc}, {r});
    if (zp) {
        const int a = c.temp("shifted", DType::Float32, s);
        c.addOp(OpType::Add, {r, c.constF32("out_zero_point", {}, {float(zp)})}, {a});
        r = a;
    }
    const int lo = c.temp("low", DType::Float32, s), hi = c.temp("high", DType::Float32, s);
    c.addOp(OpType::Maximum, {r, c.constF32("lo", {}, {float(qlo(ot))})}, {lo});
    c.addOp(OpType::Minimum, {lo, c.constF32("hi", {}, {float(qhi(ot))})}, {hi});
    c.addOp(OpType::Cast, {hi}, {out});
}

// QLinearConv (quantized = true) and ConvInteger.
void convQ(Ctx &c, bool quantized) {
    const size_t iw = quantized ? 3 : 1, ixz = 2, iwz = quantized ? 5 : 3;
    const DType xt = c.inType(0);
    if (!isQType(xt) || !isQType(c.inType(iw)))
        c.refuse("int8 and uint8 inputs and weights are supported, not " + std::string(dtypeName(xt)) + " and " +
                 dtypeName(c.inType(iw)));
    const Tensor *wt = c.constIn(iw);
    if (!wt) c.refuse("the weights must be constant (an initializer)");
    if (wt->shape.size() < 3) c.refuse("the weights must be 3-D or 4-D [M, C/group, kH, kW]");
    const int M = wt->shape[0];
    const int64_t per = wt->elements() / std::max(M, 1);
    const auto xz = zeroPoints(c, ixz, "input zero point", 1, xt);
    const auto wz = zeroPoints(c, iwz, "weight zero point", M, wt->dtype);
    // The weights centred at compile time (exact small integers as float).
    const auto wv = intValues(*wt);
    Tensor wf = *wt;
    wf.dtype = DType::Float32;
    std::vector<float> w(wv.size());
    std::vector<double> absSum(size_t(M), 0.0);
    for (size_t k = 0; k < wv.size(); ++k) {
        const size_t m = k / size_t(per);
        w[k] = float(wv[k] - at(wz, m));
        absSum[m] += std::fabs(double(w[k]));
    }
    wf.data.assign(reinterpret_cast<const uint8_t *>(w.data()),
                   reinterpret_cast<const uint8_t *>(w.data()) + w.size() * sizeof(float));
    std::vector<float> bias(size_t(M), 0.f);
    std::vector<int64_t> bv(size_t(M), 0);
    if (quantized && c.has(8)) {
        const Tensor *b = c.constIn(8);
        if (!b || b->dtype != DType::Int32 || b->elements() != M)
            c.refuse("the bias must be a constant int32 tensor of " + std::to_string(M) + " values");
        bv = intValues(*b);
        for (int m = 0; m < M; ++m) bias[size_t(m)] = float(bv[size_t(m)]);
    }
    const double xr = maxCentered(xt, xz);
    double bound = 0;
    for (int m = 0; m < M; ++m) bound = std::max(bound, xr * absSum[size_t(m)] + std::fabs(double(bv[size_t(m)])));
    checkExact(c, bound);
    const int x = centered(c, c.inCL(0), xz[0], "x");
    const int acc = convFloat(c, x, wf, bias, false);
    const Shape accShape = c.g.tensors[size_t(acc)].shape;
    if (!quantized) {
        if (c.outType(0) != DType::Int32) c.refuse("ConvInteger's output must be int32");
        // Back to ONNX's layout while still float: TRANSPOSE takes no int32 (as TFLM's).
        const size_t r = accShape.size();
        const int nchw = r >= 3 ? c.transpose(acc, fromCL(r), c.baseName() + "/acc_nchw") : acc;
        const Shape os = c.g.tensors[size_t(nchw)].shape;
        c.addOp(OpType::Cast, {nchw}, {c.out(0, DType::Int32, os, false)});
        return;
    }
    const auto xs = scales(c, 1, "input scale", 1), ws = scales(c, 4, "weight scale", M), ys = scales(c, 6, "output scale", 1);
    const DType ot = c.inType(7);
    if (!isQType(ot)) c.refuse("the output zero point must be int8 or uint8");
    const auto yz = zeroPoints(c, 7, "output zero point", 1, ot);
    std::vector<float> mult(ws.size());
    for (size_t m = 0; m < ws.size(); ++m) mult[m] = xs[0] * ws[m] / ys[0];
    requantize(c, acc, mult, yz[0], ot, c.out(0, ot, accShape, true));
}

// QLinearMatMul (quantized = true) and MatMulInteger.
void matmulQ(Ctx &c, bool quantized) {
    const size_t ib = quantized ? 3 : 1, iaz = 2, ibz = quantized ? 5 : 3;
    const DType at_ = c.inType(0), bt = c.inType(ib);
    if (!isQType(at_) || !isQType(bt))
        c.refuse("int8 and uint8 operands are supported, not " + std::string(dtypeName(at_)) + " and " +
                 dtypeName(bt));
    const Shape as = c.inShape(0), bs = c.inShape(ib), os = c.outShape(0);
    if (as.size() < 2 || bs.size() < 2) c.refuse("1-D operands are not supported; reshape them to 2-D first");
    const int K = as.back(), N = bs.back();
    const auto az = zeroPoints(c, iaz, "A's zero point", 1, at_);
    const auto bz = zeroPoints(c, ibz, "B's zero point", N, bt);
    const Tensor *bc = c.constIn(ib);
    const double ar = maxCentered(at_, az);
    int acc = -1;
    if (bc && bs.size() == 2) {
        // Constant B: FULLY_CONNECTED with B centred and transposed to [N, K].
        const auto b = intValues(*bc);
        std::vector<float> w(size_t(N) * size_t(K));
        double bound = 0;
        for (int n = 0; n < N; ++n) {
            double s = 0;
            for (int k = 0; k < K; ++k) {
                w[size_t(n * K + k)] = float(b[size_t(k * N + n)] - at(bz, size_t(n)));
                s += std::fabs(double(w[size_t(n * K + k)]));
            }
            bound = std::max(bound, s * ar);
        }
        checkExact(c, bound);
        const int a = centered(c, c.in(0), az[0], "a");  // after reading B: adding tensors moves *bc
        const int wt = c.constF32("weights", {N, K}, w);
        acc = c.temp("acc", DType::Float32, os);
        c.addOp(OpType::FullyConnected, {a, wt, -1}, {acc}).attrs.keepDims = as.size() > 2;
    } else {
        if (bz.size() != 1) c.refuse("a per-column zero point of B needs a constant 2-D B");
        checkExact(c, double(K) * ar * maxCentered(bt, bz));
        const int a = centered(c, c.in(0), az[0], "a");
        const int b = centered(c, c.in(ib), bz[0], "b");
        acc = c.temp("acc", DType::Float32, os);
        c.addOp(OpType::BatchMatMul, {a, b}, {acc});
    }
    if (!quantized) {
        if (c.outType(0) != DType::Int32) c.refuse("MatMulInteger's output must be int32");
        c.addOp(OpType::Cast, {acc}, {c.out(0, DType::Int32, os)});
        return;
    }
    const auto sa = scales(c, 1, "A's scale", 1), sb = scales(c, 4, "B's scale", N), sy = scales(c, 6, "output scale", 1);
    const DType ot = c.inType(7);
    if (!isQType(ot)) c.refuse("the output zero point must be int8 or uint8");
    const auto yz = zeroPoints(c, 7, "output zero point", 1, ot);
    std::vector<float> mult(sb.size());
    for (size_t n = 0; n < sb.size(); ++n) mult[n] = sa[0] * sb[n] / sy[0];
    requantize(c, acc, mult, yz[0], ot, c.out(0, ot, os));
}

// com.microsoft QLinearAdd / QLinearMul on real numbers:
// C = saturate(round_half_even((A_real op B_real) / C_scale) + C_zp).
void qlinearBinary(Ctx &c, OpType t) {
    const DType at_ = c.inType(0);
    if (!isQType(at_) || c.inType(3) != at_) c.refuse("A and B must both be int8 or both uint8");
    const Shape as = c.inShape(0), bs = c.inShape(3);
    // com.microsoft ops have no ONNX shape inference: numpy broadcasting here.
    Shape os(std::max(as.size(), bs.size()), 1);
    for (size_t i = 0; i < os.size(); ++i) {
        const int32_t da = i < os.size() - as.size() ? 1 : as[i - (os.size() - as.size())];
        const int32_t db = i < os.size() - bs.size() ? 1 : bs[i - (os.size() - bs.size())];
        if (da != db && da != 1 && db != 1) c.refuse("A " + shapeString(as) + " and B " + shapeString(bs) + " do not broadcast");
        os[i] = std::max(da, db);
    }
    auto real = [&](size_t i, const char *name) {
        const auto s = scales(c, i + 1, (std::string(name) + "'s scale").c_str(), 1);
        const auto z = zeroPoints(c, i + 2, (std::string(name) + "'s zero point").c_str(), 1, at_);
        const int x = centered(c, c.in(i), z[0], name);
        const int r = c.temp(std::string(name) + "_real", DType::Float32, c.g.tensors[size_t(x)].shape);
        c.addOp(OpType::Mul, {x, c.constF32(std::string(name) + "_scale", {}, s)}, {r});
        return r;
    };
    const int a = real(0, "a"), b = real(3, "b");
    const int y = c.temp("real", DType::Float32, os);
    c.addOp(t, {a, b}, {y});
    const auto cs = scales(c, 6, "C's scale", 1);
    const auto cz = zeroPoints(c, 7, "C's zero point", 1, at_);
    const int q = c.temp("unscaled", DType::Float32, os);
    c.addOp(OpType::Div, {y, c.constF32("c_scale", {}, cs)}, {q});
    requantize(c, q, {1.f}, cz[0], at_, c.out(0, at_, os));
}

}  // namespace

void addQuantLowerings(std::map<std::string, Lowering> &m) {
    m["QLinearConv"] = [](Ctx &c) { convQ(c, true); };
    m["ConvInteger"] = [](Ctx &c) { convQ(c, false); };
    m["QLinearMatMul"] = [](Ctx &c) { matmulQ(c, true); };
    m["MatMulInteger"] = [](Ctx &c) { matmulQ(c, false); };
    m["com.microsoft.QLinearAdd"] = [](Ctx &c) { qlinearBinary(c, OpType::Add); };
    m["com.microsoft.QLinearMul"] = [](Ctx &c) { qlinearBinary(c, OpType::Mul); };
}

}  // namespace ember::onnximp
