#include "ConvFast.h"

#include "Target.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ember {

int32_t multiplyByQuantizedMultiplierFast(int32_t x, int32_t qm, int shift) {
    const int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
    const int64_t ab = int64_t(int32_t(uint32_t(x) << left)) * qm;
    // SRDHM: (ab + nudge) / 2^31 truncated equals floor((ab + 2^30) / 2^31)
    // for both signs of ab (the negative nudge 1 - 2^30 plus truncation
    // towards zero is the same as adding 2^30 and flooring).
    const auto high = int32_t((ab + (int64_t(1) << 30)) >> 31);
    if (right == 0) return high;
    // RoundingDivideByPOT: round half away from zero = floor((x + h - [x<0]) / 2^e).
    return int32_t((int64_t(high) + (int64_t(1) << (right - 1)) - (high < 0 ? 1 : 0)) >> right);
}

bool singleRoundingFor(int32_t qm, int shift, int32_t outputOffset, SingleRounding *r) {
    // Both roundings in one: with high = floor((ab + 2^30) / 2^31) and e >= 1,
    // floor((high + 2^(e-1) - [high<0] + off) / 2^e)
    //   = floor((ab + 2^30 + 2^(30+e) - [high<0] 2^31 + off 2^(31+e)) / 2^(31+e))
    // (nested floors of integer divisions merge), and for qm > 2^30 (or 0)
    // high < 0 exactly when x < 0. The result is the high word shifted by e-1.
    const int e = -shift;
    if (e < 1 || e > 31 || qm < 0 || qm == (1 << 30)) return false;
    const long double round =
        std::ldexp(1.0L, 30) + std::ldexp(1.0L, 30 + e) + std::ldexp(static_cast<long double>(outputOffset), 31 + e);
    // |x * qm| < 2^62 and the sign correction 2^31: keep the sum inside int64.
    if (std::fabs(round) + std::ldexp(1.0L, 62) + std::ldexp(1.0L, 31) >= std::ldexp(1.0L, 63)) return false;
    r->multiplier = qm;
    r->shift = e - 1;
    r->round = (int64_t(1) << 30) + (int64_t(1) << (30 + e)) + int64_t(outputOffset) * (int64_t(1) << (31 + e));
    return true;
}

int32_t singleRounding(const SingleRounding &r, int32_t x) {
    int64_t t = int64_t(x) * r.multiplier + r.round;
    if (x < 0) t -= int64_t(1) << 31;
    return int32_t(t >> 32) >> r.shift;
}

namespace {

std::string n(int64_t v) { return std::to_string(v); }

// Which filter taps are inside the input, per output index along one axis.
// Output indices with the same valid range form a class (interior, each
// border row/column).
struct AxisPlan {
    std::vector<int> cls;                   // class of each output index
    std::vector<std::pair<int, int>> taps;  // per class: valid taps [lo, hi)
};

AxisPlan planAxis(int in, int filter, int stride, int pad, int out) {
    AxisPlan a;
    for (int o = 0; o < out; ++o) {
        const int origin = o * stride - pad;
        const std::pair<int, int> r{std::max(0, -origin), std::min(filter, in - origin)};
        auto it = std::find(a.taps.begin(), a.taps.end(), r);
        if (it == a.taps.end()) it = a.taps.insert(a.taps.end(), r);
        a.cls.push_back(int(it - a.taps.begin()));
    }
    return a;
}

bool allNonEmpty(const AxisPlan &a) {
    return std::all_of(a.taps.begin(), a.taps.end(), [](auto r) { return r.first < r.second; });
}

// Runs of consecutive output columns with the same class.
struct Segment {
    int begin, end, cls;
};

std::vector<Segment> segmentsOf(const AxisPlan &a) {
    std::vector<Segment> s;
    for (int o = 0; o < int(a.cls.size()); ++o) {
        if (!s.empty() && s.back().cls == a.cls[size_t(o)])
            s.back().end = o + 1;
        else
            s.push_back({o, o + 1, a.cls[size_t(o)]});
    }
    return s;
}

// Output channels in groups of `width`: a loop over the whole groups (`oc`
// steps by width), then the rest with `oc` a constant; `group(C)` emits the
// body for C channels starting at oc.
template <class Group> void channelGroups(EmitContext &ctx, int outC, int width, int ind, Group group) {
    const int groups = outC / width, rest = outC % width;
    if (groups > 0) {
        ctx.line("for (int32_t oc = 0; oc < " + n(int64_t(groups) * width) + "; oc += " + n(width) + ") {", ind);
        group(width);
        ctx.line("}", ind);
    }
    if (rest) {
        ctx.line("{", ind);
        ctx.line("const int32_t oc = " + n(outC - rest) + ";", ind + 1);
        group(rest);
        ctx.line("}", ind);
    }
}

// Runs of one class, shared by the conv and depthwise emitters: pixel pairs
// (a loop over them when there are more than one), then the odd one.
// `pixels(P, ox)` emits P output pixels starting at column expression ox.
template <class Pixels> void pairedSegment(EmitContext &ctx, const Segment &s, int ind, Pixels pixels) {
    const int count = s.end - s.begin, pairs = count / 2;
    if (pairs > 1) {
        ctx.line("for (int32_t ox = " + n(s.begin) + "; ox < " + n(s.begin + 2 * pairs) + "; ox += 2)", ind);
        pixels(2, std::string("ox"));
    } else if (pairs == 1) {
        pixels(2, n(s.begin));
    }
    if (count % 2) pixels(1, n(s.end - 1));
}

// Constant weights (and bias) are needed to fold the input offset.
bool foldable(const Graph &g, const Op &op, const ConvParams &p) {
    if (p.rq.dtype != DType::Int8 || p.rq.acc64 || p.dilationH != 1 || p.dilationW != 1) return false;
    const Tensor &w = g.in(op, 1);
    if (!w.isConst || w.data.size() != size_t(w.elements())) return false;
    if (g.hasInput(op, 2)) {
        const Tensor &b = g.in(op, 2);
        if (!b.isConst || b.dtype != DType::Int32 || b.data.size() != size_t(p.outC) * 4) return false;
    }
    return true;
}

// bias[oc] + inputOffset * (sum of the weights a pixel of row class cy and
// column class cx reads), laid out [cy][cx][oc]. `weightAt(oc, ky, kx)`
// sums the weights of one tap for one output channel.
template <class F>
std::vector<int32_t> foldBias(const Graph &g, const Op &op, const ConvParams &p, const AxisPlan &ay,
                              const AxisPlan &ax, F weightAt) {
    std::vector<int32_t> t;
    const bool hasBias = g.hasInput(op, 2);
    for (auto ry : ay.taps)
        for (auto rx : ax.taps)
            for (int oc = 0; oc < p.outC; ++oc) {
                int64_t sum = 0;
                for (int ky = ry.first; ky < ry.second; ++ky)
                    for (int kx = rx.first; kx < rx.second; ++kx) sum += weightAt(oc, ky, kx);
                const int64_t bias = hasBias ? g.in(op, 2).at<int32_t>(size_t(oc)) : 0;
                // The reference accumulates in int32; wrap the same way.
                t.push_back(int32_t(uint32_t(uint64_t(bias + p.rq.inputOffset * sum))));
            }
    return t;
}

// The DSP feature switch and load helpers, once per generated file.
void useDspHelpers(EmitContext &ctx) {
    ctx.addHelper("ember_dsp",
                  "/* Cortex-M DSP extension: SXTB16/SMLAD int8 dot products. Cores without it\n"
                  " * (and host builds) use the portable C branches. */\n"
                  "#if defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32) && defined(__ARM_FEATURE_SAT) && \\\n"
                  "    defined(__GNUC__)\n"
                  "#include <arm_acle.h>\n"
                  "#define EMBER_DSP 1\n"
                  "static inline int32_t ember_ld32(const int8_t *p)\n"
                  "{\n"
                  "    int32_t v;\n"
                  "    memcpy(&v, p, 4);\n"
                  "    return v;\n"
                  "}\n"
                  "/* bytes 1 and 3 sign-extended to two halfwords (SXTB16 with ROR #8) */\n"
                  "static inline int32_t ember_sxtb16_hi(int32_t v)\n"
                  "{\n"
                  "    int32_t r;\n"
                  "    __asm__(\"sxtb16 %0, %1, ror #8\" : \"=r\"(r) : \"r\"(v));\n"
                  "    return r;\n"
                  "}\n"
                  "#else\n"
                  "#define EMBER_DSP 0\n"
                  "#endif\n");
}

// Which code paths this op's C gets beside the portable C (--target).
struct Paths {
    bool dsp = true, mve = false;
};

Paths pathsFor(const EmitContext &ctx) {
    Paths ps;
    ps.dsp = targetHasDsp(ctx.target);
    ps.mve = targetHasMve(ctx.target);
    return ps;
}

// The Helium switch, once per generated file (--target cortex-m55/m85).
void useMveHelpers(EmitContext &ctx) {
    ctx.addHelper("ember_mve",
                  "/* Armv8.1-M Helium (MVE) int8 kernels; other cores and host builds use the\n"
                  " * DSP or portable C branches, which give the same bytes. */\n"
                  "#if defined(__ARM_FEATURE_MVE) && (__ARM_FEATURE_MVE & 1) && defined(__GNUC__)\n"
                  "#include <arm_mve.h>\n"
                  "#define EMBER_MVE 1\n"
                  "/* tflite MultiplyByQuantizedMultiplier on 4 lanes: VQRDMULH is the saturating\n"
                  " * rounding doubling high multiply; VRSHL rounds half up, so negative values\n"
                  " * that are shifted right (rsh < 0) are first lowered by one (saturating) to\n"
                  " * round half away from zero. */\n"
                  "static inline int32x4_t ember_mve_requant(int32x4_t x, int32x4_t qm, int32x4_t lsh, int32x4_t rsh)\n"
                  "{\n"
                  "    int32x4_t v = vqrdmulhq_s32(vshlq_s32(x, lsh), qm);\n"
                  "    v = vqaddq_s32(v, vshrq_n_s32(vandq_s32(v, rsh), 31));\n"
                  "    return vrshlq_s32(v, rsh);\n"
                  "}\n"
                  "/* the same when no channel shifts left */\n"
                  "static inline int32x4_t ember_mve_requant_r(int32x4_t x, int32x4_t qm, int32x4_t rsh)\n"
                  "{\n"
                  "    int32x4_t v = vqrdmulhq_s32(x, qm);\n"
                  "    v = vqaddq_s32(v, vshrq_n_s32(vandq_s32(v, rsh), 31));\n"
                  "    return vrshlq_s32(v, rsh);\n"
                  "}\n"
                  "#else\n"
                  "#define EMBER_MVE 0\n"
                  "#endif\n");
}

void useHelpers(EmitContext &ctx) {
    const Paths ps = pathsFor(ctx);
    if (ps.dsp) useDspHelpers(ctx);
    if (ps.mve) useMveHelpers(ctx);
}

void useRequantHelper(EmitContext &ctx) {
    ctx.addHelper("ember_requant",
                  "/* tflite MultiplyByQuantizedMultiplier for multipliers in [0, 2^31): the\n"
                  " * rounding doubling high multiply is floor((x*qm + 2^30) / 2^31) for both\n"
                  " * signs, the rounding shift floor((v + 2^(e-1) - [v<0]) / 2^e); same bits. */\n"
                  "static inline int32_t ember_requant(int32_t x, int32_t qm, int32_t shift)\n"
                  "{\n"
                  "    int32_t left = shift > 0 ? shift : 0;\n"
                  "    int32_t right = shift > 0 ? 0 : -shift;\n"
                  "    int64_t ab = (int64_t)(int32_t)((uint32_t)x << left) * qm;\n"
                  "    int32_t high = (int32_t)((ab + ((int64_t)1 << 30)) >> 31);\n"
                  "    if (right == 0) return high;\n"
                  "    return (int32_t)(((int64_t)high + ((int64_t)1 << (right - 1)) - (high < 0)) >> right);\n"
                  "}\n");
}

// How the accumulators of one op become int8 outputs: the single-rounding
// form when every channel allows it, else the generic helper.
struct StorePlan {
    Requant rq;
    EpilogueNames names;  // multiplier/shift arrays of the generic form
    bool single = false;
    std::vector<SingleRounding> channels;
    std::string table;  // per channel {multiplier, shift, round low, round high} when not uniform
    // Helium: 4 channels per requantization; per-channel arrays (padded by 3
    // so a 4-lane load at the last channel stays inside), empty when uniform.
    bool mve = false, dsp = true;
    std::string vMult, vLsh, vRsh;
};

StorePlan planStores(EmitContext &ctx, const Requant &rq) {
    StorePlan sp;
    const Paths ps = pathsFor(ctx);
    sp.dsp = ps.dsp;
    sp.mve = ps.mve;
    if (sp.mve && !rq.uniform()) {
        std::vector<int32_t> m, l, r;
        for (size_t c = 0; c < rq.multiplier.size(); ++c) {
            m.push_back(rq.multiplier[c]);
            l.push_back(rq.shift[c] > 0 ? rq.shift[c] : 0);
            r.push_back(rq.shift[c] > 0 ? 0 : rq.shift[c]);
        }
        for (int k = 0; k < 3; ++k) m.push_back(0), l.push_back(0), r.push_back(0);
        sp.vMult = ctx.constantI32("mve_multiplier", m, "per channel Q31 multiplier (4-lane loads; 3 pad entries)");
        if (std::any_of(l.begin(), l.end(), [](int32_t v) { return v > 0; }))
            sp.vLsh = ctx.constantI32("mve_left_shift", l, "per channel left shift (4-lane loads)");
        sp.vRsh = ctx.constantI32("mve_right_shift", r, "per channel right shift as a negative VRSHL amount");
    }
    sp.rq = rq;
    sp.rq.hasBias = false;  // folded into the accumulator start values
    sp.single = true;
    for (size_t c = 0; c < rq.multiplier.size() && sp.single; ++c) {
        SingleRounding r;
        sp.single = singleRoundingFor(rq.multiplier[c], rq.shift[c], rq.outputOffset, &r);
        sp.channels.push_back(r);
    }
    if (!sp.single) {
        useRequantHelper(ctx);
        sp.names = emitRequantConstants(ctx, sp.rq, "0");
        return sp;
    }
    ctx.addHelper("ember_rq1",
                  "/* tflite MultiplyByQuantizedMultiplier + output offset in one multiply-add:\n"
                  " * round = 2^30 + 2^(30+e) + offset * 2^(31+e), shift = e - 1 (see ConvFast.h) */\n"
                  "static inline int32_t ember_rq1(int32_t x, int32_t qm, int64_t round, int32_t shift)\n"
                  "{\n"
                  "    int64_t t = (int64_t)x * qm + round;\n"
                  "    t -= (int64_t)((uint32_t)x >> 31) << 31;\n"
                  "    return (int32_t)(t >> 32) >> shift;\n"
                  "}\n");
    if (!rq.uniform()) {
        std::vector<int32_t> t;
        for (const SingleRounding &r : sp.channels) {
            const auto u = uint64_t(r.round);
            t.insert(t.end(), {r.multiplier, r.shift, int32_t(uint32_t(u)), int32_t(uint32_t(u >> 32))});
        }
        sp.table = ctx.constantI32("requant", t, "per channel: multiplier, shift, rounding term low/high word");
    }
    return sp;
}

// Requantize + output offset + clamp of one accumulator into `out`.
void emitStore(EmitContext &ctx, const StorePlan &sp, const std::string &acc, const std::string &ch,
               const std::string &out, int ind) {
    const Requant &rq = sp.rq;
    const std::string lo = cInt(rq.actMin), hi = cInt(rq.actMax);
    ctx.line("{", ind);
    if (!sp.single) {
        const std::string m = sp.names.multiplier.empty() ? cInt(rq.multiplier[0]) : sp.names.multiplier + "[" + ch + "]";
        const std::string s = sp.names.shift.empty() ? cInt(rq.shift[0]) : sp.names.shift + "[" + ch + "]";
        ctx.line("int32_t v = ember_requant(" + acc + ", " + m + ", " + s + ")" + cAdd(rq.outputOffset) + ";", ind + 1);
    } else if (sp.table.empty()) {
        const SingleRounding &r = sp.channels[0];
        ctx.line("int32_t v = ember_rq1(" + acc + ", " + cInt(r.multiplier) + ", " + cInt(r.round) + ", " +
                     cInt(r.shift) + ");",
                 ind + 1);
    } else {
        ctx.line("const int32_t *q = " + sp.table + " + 4 * (" + ch + ");", ind + 1);
        ctx.line("int32_t v = ember_rq1(" + acc + ", q[0], (int64_t)q[3] * 4294967296 + (uint32_t)q[2], q[1]);",
                 ind + 1);
    }
    const bool full = sp.dsp && rq.actMin == -128 && rq.actMax == 127;
    if (full) ctx.line("#if EMBER_DSP", 0);
    if (full) ctx.line(out + " = (int8_t)__ssat(v, 8);", ind + 1);
    if (full) ctx.line("#else", 0);
    ctx.line("v = v < " + lo + " ? " + lo + " : v;", ind + 1);
    ctx.line(out + " = (int8_t)(v > " + hi + " ? " + hi + " : v);", ind + 1);
    if (full) ctx.line("#endif", 0);
    ctx.line("}", ind);
}

// One channel `ch` of several pixels (accumulators acc[q] into outs[q]):
// with a per-channel table its constants are read into locals once (the
// int8 stores may alias the table, so the compiler would reload them per
// store). Same arithmetic as emitStore.
void emitStoresOfChannel(EmitContext &ctx, const StorePlan &sp, const std::vector<std::string> &acc,
                         const std::vector<std::string> &outs, const std::string &ch, int ind) {
    if (acc.size() == 1 || !sp.single || sp.table.empty()) {
        for (size_t q = 0; q < acc.size(); ++q) emitStore(ctx, sp, acc[q], ch, outs[q], ind);
        return;
    }
    const Requant &rq = sp.rq;
    const bool full = sp.dsp && rq.actMin == -128 && rq.actMax == 127;
    ctx.line("{", ind);
    ctx.line("const int32_t *q = " + sp.table + " + 4 * (" + ch + ");", ind + 1);
    ctx.line("const int32_t qm = q[0], qs = q[1];", ind + 1);
    ctx.line("const int64_t qr = (int64_t)q[3] * 4294967296 + (uint32_t)q[2];", ind + 1);
    for (size_t q = 0; q < acc.size(); ++q) {
        ctx.line("{", ind + 1);
        ctx.line("int32_t v = ember_rq1(" + acc[q] + ", qm, qr, qs);", ind + 2);
        if (full) ctx.line("#if EMBER_DSP", 0);
        if (full) ctx.line(outs[q] + " = (int8_t)__ssat(v, 8);", ind + 2);
        if (full) ctx.line("#else", 0);
        ctx.line("v = v < " + cInt(rq.actMin) + " ? " + cInt(rq.actMin) + " : v;", ind + 2);
        ctx.line(outs[q] + " = (int8_t)(v > " + cInt(rq.actMax) + " ? " + cInt(rq.actMax) + " : v);", ind + 2);
        if (full) ctx.line("#endif", 0);
        ctx.line("}", ind + 1);
    }
    ctx.line("}", ind);
}

// Helium: requantize + offset + clamp the int32x4_t `vec` (channels ch ..
// ch + 3) and store its 4 (or, predicated by `pred`, fewer) bytes at `out`.
void emitStoreVec(EmitContext &ctx, const StorePlan &sp, const std::string &vec, const std::string &ch,
                  const std::string &out, const std::string &pred, int ind) {
    const Requant &rq = sp.rq;
    const auto lanes = [&](const std::string &arr, int32_t uniformValue) {
        return arr.empty() ? "vdupq_n_s32(" + cInt(uniformValue) + ")" : "vldrwq_s32(" + arr + " + " + ch + ")";
    };
    const int32_t s0 = rq.shift.empty() ? 0 : rq.shift[0];
    const bool left = std::any_of(rq.shift.begin(), rq.shift.end(), [](int32_t v) { return v > 0; });
    const std::string qm = lanes(sp.vMult, rq.multiplier.empty() ? 0 : rq.multiplier[0]);
    const std::string rsh = lanes(sp.vRsh, s0 > 0 ? 0 : s0);
    ctx.line("{", ind);
    if (left)
        ctx.line("int32x4_t v = ember_mve_requant(" + vec + ", " + qm + ", " + lanes(sp.vLsh, s0 > 0 ? s0 : 0) + ", " +
                     rsh + ");",
                 ind + 1);
    else
        ctx.line("int32x4_t v = ember_mve_requant_r(" + vec + ", " + qm + ", " + rsh + ");", ind + 1);
    if (rq.outputOffset) ctx.line("v = vaddq_n_s32(v, " + cInt(rq.outputOffset) + ");", ind + 1);
    ctx.line("v = vmaxq_s32(v, vdupq_n_s32(" + cInt(rq.actMin) + "));", ind + 1);
    ctx.line("v = vminq_s32(v, vdupq_n_s32(" + cInt(rq.actMax) + "));", ind + 1);
    if (pred.empty())
        ctx.line("vstrbq_s32(" + out + ", v);", ind + 1);
    else
        ctx.line("vstrbq_p_s32(" + out + ", v, " + pred + ");", ind + 1);
    ctx.line("}", ind);
}

// Four scalar accumulators (fewer: zero lanes) as one int32x4_t expression.
std::string laneVector(const std::vector<std::string> &a) {
    std::string v = "vdupq_n_s32(" + a[0] + ")";
    for (size_t i = 1; i < 4; ++i) v = "vsetq_lane_s32(" + (i < a.size() ? a[i] : std::string("0")) + ", " + v + ", " + std::to_string(i) + ")";
    return v;
}

std::string acc(int pix, int ch) { return "a" + n(pix) + n(ch); }

// acc[p][c] += the 4 products of the int8 word at byte `off` of xp/wp, for P
// pixels (xp + p * xStep) and C channels (wp + c * wStep).
void emitDotWord(EmitContext &ctx, const Paths &ps, int P, int C, int64_t xStep, int64_t wStep, int64_t off,
                 int ind) {
    const auto at = [&](const std::string &ptr, int64_t o) { return ptr + (o ? " + " + n(o) : ""); };
    if (!ps.dsp) {
        for (int p = 0; p < P; ++p)
            for (int c = 0; c < C; ++c) {
                std::string sum;
                for (int j = 0; j < 4; ++j)
                    sum += std::string(j ? " + " : "") + "xp[" + n(p * xStep + off + j) + "] * wp[" +
                           n(c * wStep + off + j) + "]";
                ctx.line(acc(p, c) + " += " + sum + ";", ind);
            }
        return;
    }
    ctx.line("#if EMBER_DSP", 0);
    ctx.line("{", ind++);
    for (int p = 0; p < P; ++p) {
        const std::string xv = "xv" + n(p);
        ctx.line("const int32_t " + xv + " = ember_ld32(" + at("xp", p * xStep + off) + ");", ind);
        ctx.line("const int32_t " + xv + "e = __sxtb16(" + xv + "), " + xv + "o = ember_sxtb16_hi(" + xv + ");", ind);
    }
    for (int c = 0; c < C; ++c) {
        ctx.line("{", ind);
        ctx.line("const int32_t wv = ember_ld32(" + at("wp", c * wStep + off) + ");", ind + 1);
        ctx.line("const int32_t we = __sxtb16(wv), wo = ember_sxtb16_hi(wv);", ind + 1);
        for (int p = 0; p < P; ++p) {
            const std::string a = acc(p, c), xv = "xv" + n(p);
            ctx.line(a + " = __smlad(" + xv + "e, we, " + a + ");", ind + 1);
            ctx.line(a + " = __smlad(" + xv + "o, wo, " + a + ");", ind + 1);
        }
        ctx.line("}", ind);
    }
    ctx.line("}", --ind);
    ctx.line("#else", 0);
    for (int p = 0; p < P; ++p)
        for (int c = 0; c < C; ++c) {
            std::string sum;
            for (int j = 0; j < 4; ++j)
                sum += std::string(j ? " + " : "") + "xp[" + n(p * xStep + off + j) + "] * wp[" + n(c * wStep + off + j) +
                       "]";
            ctx.line(acc(p, c) + " += " + sum + ";", ind);
        }
    ctx.line("#endif", 0);
}

// acc[p][c] += sum_{k < len} xp[p * xStep + k] * wp[c * wStep + k] for P
// pixels and C channels over `len` contiguous int8 (len a literal). (A loop
// over 8 bytes per step was measured slower on Cortex-M4: register spills.)
// Helium form of emitDot: 16 int8 products per VMLADAVA, the tail (len % 16)
// with zeroing tail-predicated loads.
void emitDotMve(EmitContext &ctx, int P, int C, const std::string &x, int64_t xStep, const std::string &w,
                int64_t wStep, int len, int ind) {
    const auto at = [&](const std::string &ptr, int64_t o) { return ptr + (o ? " + " + n(o) : ""); };
    ctx.line("{", ind++);
    ctx.line("const int8_t *xp = " + x + ";", ind);
    ctx.line("const int8_t *wp = " + w + ";", ind);
    const int vecs = len / 16, rem = len % 16;
    // One 16-byte step; `pred` non-empty: the tail.
    auto step = [&](const std::string &pred, int in) {
        const auto load = [&](const std::string &ptr) {
            return pred.empty() ? "vldrbq_s8(" + ptr + ")" : "vldrbq_z_s8(" + ptr + ", " + pred + ")";
        };
        for (int p = 0; p < P; ++p)
            ctx.line("const int8x16_t x" + n(p) + " = " + load(at("xp", p * xStep)) + ";", in);
        for (int c = 0; c < C; ++c) {
            ctx.line("{", in);
            ctx.line("const int8x16_t wv = " + load(at("wp", c * wStep)) + ";", in + 1);
            for (int p = 0; p < P; ++p)
                ctx.line(acc(p, c) + " = vmladavaq_s8(" + acc(p, c) + ", x" + n(p) + ", wv);", in + 1);
            ctx.line("}", in);
        }
    };
    if (vecs > 1) {
        ctx.line("for (int32_t k = 0; k < " + n(vecs) + "; ++k) {", ind);
        step("", ind + 1);
        ctx.line("xp += 16;", ind + 1);
        ctx.line("wp += 16;", ind + 1);
        ctx.line("}", ind);
    } else if (vecs == 1) {
        ctx.line("{", ind);
        step("", ind + 1);
        ctx.line("}", ind);
        if (rem) {
            ctx.line("xp += 16;", ind);
            ctx.line("wp += 16;", ind);
        }
    }
    if (rem) {
        ctx.line("{", ind);
        ctx.line("const mve_pred16_t tail = vctp8q(" + n(rem) + ");", ind + 1);
        step("tail", ind + 1);
        ctx.line("}", ind);
    }
    ctx.line("(void)xp;", ind);
    ctx.line("(void)wp;", ind);
    ctx.line("}", --ind);
}

void emitDot(EmitContext &ctx, int P, int C, const std::string &x, int64_t xStep, const std::string &w,
             int64_t wStep, int len, int ind) {
    const Paths ps = pathsFor(ctx);
    if (ps.mve) {
        ctx.line("#if EMBER_MVE", 0);
        emitDotMve(ctx, P, C, x, xStep, w, wStep, len, ind);
        ctx.line("#else", 0);
    }
    ctx.line("{", ind++);
    ctx.line("const int8_t *xp = " + x + ";", ind);
    ctx.line("const int8_t *wp = " + w + ";", ind);
    const int words = len / 4;
    int64_t off = 0;  // byte offset of the tail from xp/wp
    if (words > 1) {
        ctx.line("for (int32_t k = 0; k < " + n(words) + "; ++k) {", ind++);
        emitDotWord(ctx, ps, P, C, xStep, wStep, 0, ind);
        ctx.line("xp += 4;", ind);
        ctx.line("wp += 4;", ind);
        ctx.line("}", --ind);
    } else if (words == 1) {
        emitDotWord(ctx, ps, P, C, xStep, wStep, 0, ind);
        off = 4;
    }
    for (int j = 0; j < len % 4; ++j)
        for (int p = 0; p < P; ++p)
            for (int c = 0; c < C; ++c)
                ctx.line(acc(p, c) + " += xp[" + n(p * xStep + off + j) + "] * wp[" + n(c * wStep + off + j) + "];",
                         ind);
    if (len % 4 == 0) {
        ctx.line("(void)xp;", ind);
        ctx.line("(void)wp;", ind);
    }
    ctx.line("}", --ind);
    if (ps.mve) ctx.line("#endif", 0);
}

// Shared per-row set-up of both emitters: iy0, the valid tap rows, the row
// class's folded bias. Returns the C expression of the number of tap rows.
struct RowSetup {
    std::string rows;   // literal or "rows"
    bool rowLoop = false;  // more than one tap row
};

RowSetup emitRowSetup(EmitContext &ctx, const ConvParams &p, const AxisPlan &ay, const std::string &tab,
                      const std::string &rowTab, int64_t inRow, int64_t wRow, const std::string &W, int ind) {
    ctx.line("const int32_t iy0 = " + cMul("oy", p.strideH) + cAdd(-p.padTop) + ";", ind);
    RowSetup r;
    if (ay.taps.size() == 1) {
        const auto t = ay.taps[0];
        r.rows = n(t.second - t.first);
        r.rowLoop = t.second - t.first > 1;
        ctx.line("const int8_t *xr = xin + " + cMul("(iy0" + cAdd(t.first) + ")", inRow) + ";", ind);
        ctx.line("const int8_t *wr = " + W + cAdd(int64_t(t.first) * wRow) + ";", ind);
        ctx.line("const int32_t *by = " + tab + ";", ind);
    } else {
        const auto ky = emitTapRange(ctx, "ky", "iy0", p.inH, p.filterH, 1, true, ind);
        r.rows = "rows";
        r.rowLoop = true;
        ctx.line("const int32_t rows = " + ky.second + " - " + ky.first + ";", ind);
        ctx.line("const int8_t *xr = xin + (iy0 + " + ky.first + ") * " + n(inRow) + ";", ind);
        ctx.line("const int8_t *wr = " + W + " + " + ky.first + " * " + n(wRow) + ";", ind);
        ctx.line("const int32_t *by = " + tab + " + " + rowTab + "[oy];", ind);
    }
    return r;
}

std::vector<int32_t> rowOffsets(const AxisPlan &ay, const AxisPlan &ax, int outC) {
    std::vector<int32_t> v;
    for (int c : ay.cls) v.push_back(int32_t(int64_t(c) * int64_t(ax.taps.size()) * outC));
    return v;
}

// Opens the batch loop and declares xin/yout; returns the indent inside.
int emitBatchHead(EmitContext &ctx, const ConvParams &p) {
    int ind = 1;
    if (p.batches > 1) {
        ctx.line("for (int32_t n = 0; n < " + n(p.batches) + "; ++n) {", ind++);
        ctx.line("const int8_t *xin = " + ctx.inputs[0] + " + n * " + n(int64_t(p.inH) * p.inW * p.inC) + ";", ind);
        ctx.line("int8_t *yout = " + ctx.outputs[0] + " + n * " + n(int64_t(p.outH) * p.outW * p.outC) + ";", ind);
    } else {
        ctx.line("const int8_t *xin = " + ctx.inputs[0] + ";", ind);
        ctx.line("int8_t *yout = " + ctx.outputs[0] + ";", ind);
    }
    return ind;
}

// ---- CONV_2D ----

struct ConvEmit {
    EmitContext &ctx;
    const ConvParams &p;
    StorePlan stores;
    RowSetup rows;
    int64_t K = 0, KK = 0;  // (kx, ic) run per tap row, weights per output channel
    bool im2col = false;    // Helium: gather short tap rows into one run (gatherColumns)
    std::string weights;    // the filter's C symbol

    // P pixels starting at column `ox` (a C expression) of column class tap range [lo, hi).
    void pixels(int P, const std::string &ox, int cls, std::pair<int, int> t, int ind) {
        const int64_t pixStep = int64_t(p.strideW) * p.inC, len = int64_t(t.second - t.first) * p.inC;
        ctx.line("{", ind++);
        ctx.line("const int8_t *x0 = xr + " + cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) +
                     ";",
                 ind);
        ctx.line("int8_t *y0 = yr + " + cMul(ox, p.outC) + ";", ind);
        ctx.line("const int32_t *bx = by" + cAdd(int64_t(cls) * p.outC) + ";", ind);
        if (im2col) {
            ctx.line("#if EMBER_MVE", 0);
            ctx.line("(void)x0;", ind);
            gatherColumns(P, ox, t, ind);
            channelGroups(ctx, p.outC, 4, ind, [&](int C) { channelsCol(P, C, ind + 1); });
            ctx.line("#else", 0);
        }
        // Helium: 4 channels per pass (one vector requantization per pixel).
        channelGroups(ctx, p.outC, stores.mve ? 4 : 2, ind,
                      [&](int C) { channels(P, C, t, pixStep, int(len), ind + 1); });
        if (im2col) ctx.line("#endif", 0);
        ctx.line("}", --ind);
    }

    // Helium im2col: the P pixels' whole receptive fields as int8 rows of KK
    // bytes (padding taps zero: the folded bias of the border class already
    // leaves them out), so the dot product runs over one contiguous run even
    // when a tap row is short (KWS's 10x4 filter on one channel).
    void gatherColumns(int P, const std::string &ox, std::pair<int, int> t, int ind) {
        const int64_t rowBytes = int64_t(p.filterW) * p.inC, lo = int64_t(t.first) * p.inC,
                      mid = int64_t(t.second - t.first) * p.inC, hi = rowBytes - lo - mid;
        ctx.line("int8_t col[" + n(P * KK + colPad) + "];", ind);
        if (colPad) ctx.line("memset(col + " + n(P * KK) + ", 0, " + n(colPad) + ");", ind);
        ctx.line("for (int32_t ky = 0; ky < " + n(p.filterH) + "; ++ky) {", ind);
        ctx.line("const int32_t iy = iy0 + ky;", ind + 1);
        ctx.line("int8_t *d = col + ky * " + n(rowBytes) + ";", ind + 1);
        ctx.line("if (iy < 0 || iy >= " + n(p.inH) + ") {", ind + 1);
        for (int q = 0; q < P; ++q) ctx.line("memset(d" + cAdd(q * KK) + ", 0, " + n(rowBytes) + ");", ind + 2);
        ctx.line("continue;", ind + 2);
        ctx.line("}", ind + 1);
        ctx.line("{", ind + 1);
        ctx.line("const int8_t *s = xin + iy * " + n(int64_t(p.inW) * p.inC) + " + " +
                     cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                 ind + 2);
        for (int q = 0; q < P; ++q) {
            const int64_t base = q * KK;
            if (lo) ctx.line("memset(d" + cAdd(base) + ", 0, " + n(lo) + ");", ind + 2);
            ctx.line("memcpy(d" + cAdd(base + lo) + ", s" + cAdd(int64_t(q) * p.strideW * p.inC) + ", " + n(mid) + ");",
                     ind + 2);
            if (hi) ctx.line("memset(d" + cAdd(base + lo + mid) + ", 0, " + n(hi) + ");", ind + 2);
        }
        ctx.line("}", ind + 1);
        ctx.line("}", ind);
    }

    void channelsCol(int P, int C, int ind) {
        for (int c = 0; c < C; ++c) {
            std::string decl = "int32_t " + acc(0, c) + " = bx[oc" + (c ? " + " + n(c) : "") + "]";
            for (int q = 1; q < P; ++q) decl += ", " + acc(q, c) + " = " + acc(0, c);
            ctx.line(decl + ";", ind);
        }
        emitDotMve(ctx, P, C, "col", KK, weights + " + " + cMul("oc", KK), KK, int(KK), ind);
        for (int q = 0; q < P; ++q) {
            std::vector<std::string> a;
            for (int c = 0; c < C; ++c) a.push_back(acc(q, c));
            emitStoreVec(ctx, stores, laneVector(a), "oc", "y0 + " + (q ? n(int64_t(q) * p.outC) + " + " : "") + "oc",
                         C < 4 ? "vctp32q(" + n(C) + ")" : "", ind);
        }
    }

    void channels(int P, int C, std::pair<int, int> t, int64_t pixStep, int len, int ind) {
        ctx.line("const int8_t *wc = wr + " + cMul("oc", KK) + cAdd(int64_t(t.first) * p.inC) + ";", ind);
        for (int c = 0; c < C; ++c) {
            std::string decl = "int32_t " + acc(0, c) + " = bx[oc" + (c ? " + " + n(c) : "") + "]";
            for (int q = 1; q < P; ++q) decl += ", " + acc(q, c) + " = " + acc(0, c);
            ctx.line(decl + ";", ind);
        }
        if (rows.rowLoop) {
            ctx.line("for (int32_t r = 0; r < " + rows.rows + "; ++r) {", ind);
            emitDot(ctx, P, C, "x0 + r * " + n(int64_t(p.inW) * p.inC), pixStep, "wc + r * " + n(K), KK, len, ind + 1);
            ctx.line("}", ind);
        } else {
            emitDot(ctx, P, C, "x0", pixStep, "wc", KK, len, ind);
        }
        if (stores.mve) {
            ctx.line("#if EMBER_MVE", 0);
            for (int q = 0; q < P; ++q) {
                std::vector<std::string> a;
                for (int c = 0; c < C; ++c) a.push_back(acc(q, c));
                emitStoreVec(ctx, stores, laneVector(a), "oc", "y0 + " + (q ? n(int64_t(q) * p.outC) + " + " : "") + "oc",
                             C < 4 ? "vctp32q(" + n(C) + ")" : "", ind);
            }
            ctx.line("#else", 0);
        }
        for (int q = 0; q < P; ++q)
            for (int c = 0; c < C; ++c) {
                const std::string ch = c ? "oc + " + n(c) : "oc";
                emitStore(ctx, stores, acc(q, c), ch, "y0[" + (q ? n(int64_t(q) * p.outC) + " + " : "") + ch + "]",
                          ind);
            }
        if (stores.mve) ctx.line("#endif", 0);
    }

    // Cortex-M DSP (no Helium): P pixels' receptive fields sign-extended once
    // into an int16 buffer in SXTB16 lane order (per 4 bytes: bytes 0/2, then
    // 1/3), so each output channel costs one LDR and two SXTB16 per 4 weights
    // and every pixel two word loads; the k loop is unrolled (immediate
    // offsets). Receptive fields not contiguous in the input (filter rows,
    // padding) are first gathered as int8 (gatherColumns).
    bool dspPack = false;
    int64_t packMax = 0;  // most pixels per group (stack)
    // Receptive fields not of whole words (first layers: 3 input channels)
    // are read as KP = KK rounded up to 4 bytes: the words of pixel q start
    // at q * KK of the gathered columns, so the last one runs into the next
    // pixel (or colPad zero bytes), which the zero weight tail cancels.
    int64_t KP = 0, colPad = 0;
    // The filter pre-extended in SXTB16 lane order (packWeights): per output
    // channel and word, two int32 (bytes 0/2 and 1/3 as int16 pairs), so a
    // weight word costs one LDRD instead of LDR + 2 SXTB16. Always when
    // KK % 4 (the padded filter is a new array anyway), else in speed mode.
    std::string wPacked = {};

    static std::vector<int32_t> packWeights(const int8_t *w, int outC, int64_t KK, int64_t KP) {
        std::vector<int32_t> v;
        for (int oc = 0; oc < outC; ++oc)
            for (int64_t s = 0; s < KP; s += 4) {
                int32_t b[4];
                for (int j = 0; j < 4; ++j) b[j] = s + j < KK ? w[oc * KK + s + j] : 0;
                v.push_back(int32_t(uint32_t(uint16_t(b[0])) | uint32_t(uint16_t(b[2])) << 16));
                v.push_back(int32_t(uint32_t(uint16_t(b[1])) | uint32_t(uint16_t(b[3])) << 16));
            }
        return v;
    }

    void groupDsp(int P, int C, const std::string &ox, std::pair<int, int> t, int cls, int ind) {
        const int64_t steps = KP / 4;
        const bool direct = p.filterH == 1 && t.first == 0 && t.second == p.filterW && KP == KK;
        ctx.line("{", ind++);
        ctx.line("int8_t *y0 = yr + " + cMul(ox, p.outC) + ";", ind);
        ctx.line("const int32_t *bx = by" + cAdd(int64_t(cls) * p.outC) + ";", ind);
        if (rowPack && !direct) {
            packRows(P, ox, t, ind);
            channelGroups(ctx, p.outC, C, ind, [&](int width) { channelsDsp(P, width, ind + 1); });
            ctx.line("}", --ind);
            return;
        }
        std::string src;
        int64_t srcStep;
        if (direct) {
            ctx.line("const int8_t *x0 = xr + " +
                         cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                     ind);
            src = "x0";
            srcStep = int64_t(p.strideW) * p.inC;
        } else {
            gatherColumns(P, ox, t, ind);
            src = "col";
            srcStep = KK;
        }
        // 64-bit entries (low word bytes 0/2, high word 1/3): one LDRD each.
        ctx.line("int64_t xb[" + n(P * steps) + "];", ind);
        ctx.line("for (int32_t s = 0; s < " + n(steps) + "; ++s) {", ind);
        for (int q = 0; q < P; ++q) {
            const std::string v = "v" + n(q);
            ctx.line("const int32_t " + v + " = ember_ld32(" + src + cAdd(q * srcStep) + " + 4 * s);", ind + 1);
            ctx.line("xb[s * " + n(P) + cAdd(q) + "] = (int64_t)((uint64_t)(uint32_t)__sxtb16(" + v +
                         ") | (uint64_t)(uint32_t)ember_sxtb16_hi(" + v + ") << 32);",
                     ind + 1);
        }
        ctx.line("}", ind);
        channelGroups(ctx, p.outC, C, ind, [&](int width) { channelsDsp(P, width, ind + 1); });
        ctx.line("}", --ind);
    }

    // Input channels a multiple of 4 (every tap whole words): the buffer is
    // filled straight from the input rows, padding taps as zero entries, so
    // no int8 gather (stack 2 KK per pixel, not 3 KK).
    bool rowPack = false;

    void packRows(int P, const std::string &ox, std::pair<int, int> t, int ind) {
        const int64_t rowWords = int64_t(p.filterW) * p.inC / 4, lo = int64_t(t.first) * p.inC / 4,
                      mid = int64_t(t.second - t.first) * p.inC / 4, hi = rowWords - lo - mid;
        const auto zero = [&](int64_t from, int64_t words, int in) {
            ctx.line("memset(d" + cAdd(from * P) + ", 0, " + n(words * P * 8) + ");", in);
        };
        ctx.line("int64_t xb[" + n(P * rowWords * p.filterH) + "];", ind);
        ctx.line("for (int32_t ky = 0; ky < " + n(p.filterH) + "; ++ky) {", ind);
        ctx.line("const int32_t iy = iy0 + ky;", ind + 1);
        ctx.line("int64_t *d = xb + ky * " + n(rowWords * P) + ";", ind + 1);
        ctx.line("if (iy < 0 || iy >= " + n(p.inH) + ") {", ind + 1);
        zero(0, rowWords, ind + 2);
        ctx.line("continue;", ind + 2);
        ctx.line("}", ind + 1);
        ctx.line("{", ind + 1);
        ctx.line("const int8_t *s = xin + iy * " + n(int64_t(p.inW) * p.inC) + " + " +
                     cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                 ind + 2);
        if (lo) zero(0, lo, ind + 2);
        ctx.line("for (int32_t k = 0; k < " + n(mid) + "; ++k) {", ind + 2);
        for (int q = 0; q < P; ++q) {
            const std::string v = "v" + n(q);
            ctx.line("const int32_t " + v + " = ember_ld32(s" + cAdd(int64_t(q) * p.strideW * p.inC) + " + 4 * k);",
                     ind + 3);
            ctx.line("d[" + (lo ? "(k + " + n(lo) + ")" : std::string("k")) + " * " + n(P) + cAdd(q) +
                         "] = (int64_t)((uint64_t)(uint32_t)__sxtb16(" + v + ") | (uint64_t)(uint32_t)ember_sxtb16_hi(" +
                         v + ") << 32);",
                     ind + 3);
        }
        ctx.line("}", ind + 2);
        if (hi) zero(lo + mid, hi, ind + 2);
        ctx.line("}", ind + 1);
        ctx.line("}", ind);
    }

    void channelsDsp(int P, int C, int ind) {
        const int64_t steps = KP / 4;
        // Unroll everything up to 16 steps, else 8/4/2 steps per loop turn.
        int64_t unroll = steps;
        if (steps > 16 || steps * P * 8 > 1024) {  // LDRD offsets reach 1020
            unroll = 1;
            for (int64_t u : {8, 4, 2})
                if (steps % u == 0) {
                    unroll = u;
                    break;
                }
        }
        for (int c = 0; c < C; ++c) {
            std::string decl = "int32_t " + acc(0, c) + " = bx[oc" + (c ? " + " + n(c) : "") + "]";
            for (int q = 1; q < P; ++q) decl += ", " + acc(q, c) + " = " + acc(0, c);
            ctx.line(decl + ";", ind);
        }
        if (wPacked.empty())
            ctx.line("const int8_t *wp = " + weights + " + " + cMul("oc", KK) + ";", ind);
        else
            ctx.line("const int32_t *wp = " + wPacked + " + " + cMul("oc", KP / 2) + ";", ind);
        ctx.line("const int64_t *xq = xb;", ind);
        // Opaque per channel group: else gcc hoists the buffer's loads out of
        // the channel loop and spills them all.
        ctx.line("__asm__(\"\" : \"+r\"(xq));", ind);
        int in = ind;
        if (unroll < steps) ctx.line("for (int32_t k = 0; k < " + n(steps / unroll) + "; ++k) {", in++);
        for (int64_t s = 0; s < unroll; ++s) {
            ctx.line("{", in);
            for (int c = 0; c < C; ++c) {
                const std::string w = "w" + n(c);
                if (!wPacked.empty()) {
                    // LDRD's offset reaches 1020: else the channel's own base.
                    const int64_t off = (c * KP / 2 + 2 * s) * 4;
                    const bool imm = off <= 1020;
                    ctx.line("int32_t " + w + "e, " + w + "o;", in + 1);
                    ctx.line("__asm__(\"ldrd %0, %1, [%2, #" + n(imm ? off : 8 * s) + "]\" : \"=r\"(" + w + "e), \"=r\"(" +
                                 w + "o) : \"r\"(" + (imm ? std::string("wp") : "wp + " + n(c * KP / 2)) +
                                 "), \"m\"(wp[" + n(c * KP / 2 + 2 * s) + "]));",
                             in + 1);
                    continue;
                }
                ctx.line("const int32_t " + w + " = ember_ld32(wp" + cAdd(c * KK + 4 * s) + ");", in + 1);
                ctx.line("const int32_t " + w + "e = __sxtb16(" + w + "), " + w + "o = ember_sxtb16_hi(" + w + ");",
                         in + 1);
            }
            for (int q = 0; q < P; ++q) {
                ctx.line("{", in + 1);
                // gcc splits 64-bit loads into two LDR on these cores.
                ctx.line("int32_t xe, xo;", in + 2);
                ctx.line("__asm__(\"ldrd %0, %1, [%2, #" + n((s * P + q) * 8) +
                             "]\" : \"=r\"(xe), \"=r\"(xo) : \"r\"(xq), \"m\"(xq[" + n(s * P + q) + "]));",
                         in + 2);
                for (int c = 0; c < C; ++c) {
                    const std::string a = acc(q, c), w = "w" + n(c);
                    ctx.line(a + " = __smlad(xe, " + w + "e, " + a + ");", in + 2);
                    ctx.line(a + " = __smlad(xo, " + w + "o, " + a + ");", in + 2);
                }
                ctx.line("}", in + 1);
            }
            // A scheduling barrier: interleaved steps run out of registers.
            ctx.line("__asm__ volatile(\"\");", in + 1);
            ctx.line("}", in);
        }
        if (unroll < steps) {
            ctx.line("xq += " + n(unroll * P) + ";", in);
            ctx.line("wp += " + n(unroll * (wPacked.empty() ? 4 : 2)) + ";", in);
            ctx.line("}", --in);
        } else {
            ctx.line("(void)xq;", in);
        }
        for (int c = 0; c < C; ++c) {
            const std::string ch = c ? "oc + " + n(c) : "oc";
            std::vector<std::string> accs, outs;
            for (int q = 0; q < P; ++q) {
                accs.push_back(acc(q, c));
                outs.push_back("y0[" + (q ? n(int64_t(q) * p.outC) + " + " : "") + ch + "]");
            }
            emitStoresOfChannel(ctx, stores, accs, outs, ch, ind);
        }
    }

    void segmentDsp(const Segment &s, std::pair<int, int> t, int ind) {
        // Measured on Cortex-M4 (KWS): 8 pixels x 1 channel per pass beats
        // 3 x 2 (0.84 vs 1.13 instructions per MAC on the 1x1 convolutions);
        // with fewer pixels 3 x 2 is better.
        const int count = s.end - s.begin;
        // With the filter pre-extended (one LDRD per channel word) 3 x 2 wins
        // from 8 words per receptive field on (IC 3x3: 0.99 vs 1.08
        // instructions per MAC); below, the per-group overhead rules (VWW's
        // 1x1 on 8 channels: 8 x 1 is 14% faster).
        const bool wide = count >= 6 && packMax >= 6 && (wPacked.empty() || KP < 32);
        const int P = int(std::min<int64_t>(wide ? 8 : 3, packMax)), C = wide ? 1 : 2;
        const int full = count / P, tail = count % P;
        if (full > 1) {
            ctx.line("for (int32_t ox = " + n(s.begin) + "; ox < " + n(s.begin + P * full) + "; ox += " + n(P) + ")",
                     ind);
            groupDsp(P, C, "ox", t, s.cls, ind);
        } else if (full == 1) {
            groupDsp(P, C, n(s.begin), t, s.cls, ind);
        }
        if (tail) groupDsp(tail, tail > 3 ? 1 : 2, n(s.end - tail), t, s.cls, ind);
    }

    void segment(const Segment &s, std::pair<int, int> t, int ind) {
        pairedSegment(ctx, s, ind, [&](int P, const std::string &ox) { pixels(P, ox, s.cls, t, ind); });
    }
};

// ---- CONV_2D, Helium (inline asm) ----

// 2 pixels x 4 output channels per pass over receptive fields of whole
// 16-byte vectors: per 16 bytes 2 input and 4 weight loads and 8 VMLADAV
// into scalar accumulators, then the 4 channel sums of a pixel move into one
// vector (two VMOV) for the bias add and requantization. Inline asm because
// GCC keeps the intrinsics' tied accumulators out of the even registers
// VMLADAVA needs and adds a MOV before and after each one (25 instead of 14
// instructions per 128 MACs); the 8 accumulators take all even registers.
struct ConvMveEmit {
    ConvEmit &e;
    static constexpr int64_t kUnrolled = 12;  // vector steps in one asm block
    static constexpr int64_t kChunk = 8;      // steps per loop turn beyond that

    // Every receptive field is one run: an input row (filter height 1) or
    // the im2col gather of KK bytes (stack: 2 KK).
    bool applies() const { return e.stores.mve && (e.p.filterH == 1 || e.KK <= 1024); }

    void row(const AxisPlan &ax, int ind) {
        EmitContext &ctx = e.ctx;
        if (e.p.filterH > 1) {
            ctx.line("(void)xr;", ind);
            if (e.rows.rows == "rows") ctx.line("(void)rows;", ind);
        }
        ctx.line("(void)wr;", ind);
        // A pair of pixels with a tail step needs the compact addressing
        // (GCC finds no registers for 8 sums, 6 pointers and the tail
        // predicate); else pixels one at a time.
        bool pairs = true;
        for (auto t : ax.taps)
            if (runOf(t) % 16 && !compact(2, 4, runOf(t) % 16)) pairs = false;
        if (pairs && e.p.filterH == 1 && ax.taps.size() == 1) {
            channelsOuter(ax.taps[0], ind);
            return;
        }
        for (const Segment &s : segmentsOf(ax)) {
            const auto t = ax.taps[size_t(s.cls)];
            if (pairs) {
                pairedSegment(ctx, s, ind, [&](int P, const std::string &ox) { pixels(P, ox, s.cls, t, ind); });
            } else if (s.end - s.begin > 1) {
                ctx.line("for (int32_t ox = " + n(s.begin) + "; ox < " + n(s.end) + "; ++ox)", ind);
                pixels(1, "ox", s.cls, t, ind);
            } else {
                pixels(1, n(s.begin), s.cls, t, ind);
            }
        }
    }

    // One column class of input rows (1x1, and 1xN without padding): the
    // channel groups outside the pixel loop, so each group's bias and
    // requantization vectors are loaded once for the whole row.
    void channelsOuter(std::pair<int, int> t, int ind) {
        EmitContext &ctx = e.ctx;
        const ConvParams &p = e.p;
        const Segment whole{0, p.outW, 0};
        channelGroups(ctx, p.outC, 4, ind, [&](int C) {
            const int in = ind + 1;
            ctx.line("const int32_t *bx = by;", in);
            storeConstants(C, in);
            pairedSegment(ctx, whole, in, [&](int P, const std::string &ox) {
                ctx.line("{", in);
                ctx.line("int8_t *y0 = yr + " + cMul(ox, p.outC) + ";", in + 1);
                ctx.line("const int8_t *x0 = xr + " +
                             cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                         in + 1);
                il = false;
                storeHere = false;
                channels(P, C, runOf(t), int64_t(t.first) * p.inC, in + 1);
                storeHere = true;
                storePixels(P, C, in + 1);
                ctx.line("}", in);
            });
        });
    }

    // Bytes per receptive field of a column class, and the input pointer
    // step between neighbouring pixels.
    int64_t runOf(std::pair<int, int> t) const {
        return e.p.filterH > 1 ? e.KK : int64_t(t.second - t.first) * e.p.inC;
    }
    int64_t xStep() const { return il ? 16 : e.p.filterH > 1 ? e.KK : int64_t(e.p.strideW) * e.p.inC; }

    // The current pixel pair's im2col buffer holds its 16-byte vectors
    // interleaved (pixel 0's k-th, pixel 1's k-th, ...): one input pointer
    // then serves both even when KK is too long for VLDRB's offsets (GCC
    // finds no registers for 8 sums and 6 pointers). Needs whole vectors
    // per tap (input channels a multiple of 16).
    bool il = false;
    bool interleaves(int P) const {
        return P == 2 && e.p.filterH > 1 && e.p.inC % 16 == 0 && !offsets(2, e.KK, 16);
    }

    void gatherInterleaved(const std::string &ox, std::pair<int, int> t, int ind) {
        EmitContext &ctx = e.ctx;
        const ConvParams &p = e.p;
        const int64_t rowBytes = int64_t(p.filterW) * p.inC, lo = int64_t(t.first) * p.inC,
                      mid = int64_t(t.second - t.first) * p.inC, hi = rowBytes - lo - mid;
        ctx.line("int8_t col[" + n(2 * e.KK) + "];", ind);
        ctx.line("for (int32_t ky = 0; ky < " + n(p.filterH) + "; ++ky) {", ind);
        ctx.line("const int32_t iy = iy0 + ky;", ind + 1);
        ctx.line("int8_t *d = col + ky * " + n(2 * rowBytes) + ";", ind + 1);
        ctx.line("if (iy < 0 || iy >= " + n(p.inH) + ") {", ind + 1);
        ctx.line("memset(d, 0, " + n(2 * rowBytes) + ");", ind + 2);
        ctx.line("continue;", ind + 2);
        ctx.line("}", ind + 1);
        ctx.line("{", ind + 1);
        ctx.line("const int8_t *s = xin + iy * " + n(int64_t(p.inW) * p.inC) + " + " +
                     cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                 ind + 2);
        if (lo) ctx.line("memset(d, 0, " + n(2 * lo) + ");", ind + 2);
        ctx.line("for (int32_t j = 0; j < " + n(mid / 16) + "; ++j) {", ind + 2);
        // One vector load and store per 16 bytes (memcpy: 4 LDR + 4 STR).
        ctx.line("vst1q_s8(d" + cAdd(2 * lo) + " + 32 * j, vld1q_s8(s + 16 * j));", ind + 3);
        ctx.line("vst1q_s8(d" + cAdd(2 * lo + 16) + " + 32 * j, vld1q_s8(s + " + n(int64_t(p.strideW) * p.inC) +
                     " + 16 * j));",
                 ind + 3);
        ctx.line("}", ind + 2);
        if (hi) ctx.line("memset(d" + cAdd(2 * (lo + mid)) + ", 0, " + n(2 * hi) + ");", ind + 2);
        ctx.line("}", ind + 1);
        ctx.line("}", ind);
    }

    // One input and one weight pointer (the other pixels and channels at
    // immediate offsets from them, VLDRB reaches +-127 after the first
    // load's post-increment by `inc`) instead of P + C pointers.
    static bool offsets(int count, int64_t stride, int64_t inc) {
        const auto fits = [&](int64_t v) { return v >= -127 && v <= 127; };
        return fits((count - 1) * stride - inc) && fits((count - 1) * stride - 16);
    }
    bool compact(int P, int C, int64_t inc) const { return offsets(P, xStep(), inc) && offsets(C, e.KK, inc); }

    void pixels(int P, const std::string &ox, int cls, std::pair<int, int> t, int ind) {
        EmitContext &ctx = e.ctx;
        const ConvParams &p = e.p;
        ctx.line("{", ind++);
        ctx.line("int8_t *y0 = yr + " + cMul(ox, p.outC) + ";", ind);
        ctx.line("const int32_t *bx = by" + cAdd(int64_t(cls) * p.outC) + ";", ind);
        int64_t wOff = 0;
        il = interleaves(P);
        if (il) {
            gatherInterleaved(ox, t, ind);
            ctx.line("const int8_t *x0 = col;", ind);
            ctx.line("__asm__(\"\" : \"+r\"(x0));", ind);
        } else if (p.filterH > 1) {
            e.gatherColumns(P, ox, t, ind);
            ctx.line("const int8_t *x0 = col;", ind);
            // Opaque: knowing x0 is the stack buffer, GCC 12 finds no
            // registers for the asm below ("impossible constraints").
            ctx.line("__asm__(\"\" : \"+r\"(x0));", ind);
        } else {
            ctx.line("const int8_t *x0 = xr + " +
                         cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", p.inC) + ";",
                     ind);
            wOff = int64_t(t.first) * p.inC;
        }
        channelGroups(ctx, p.outC, 4, ind, [&](int C) { channels(P, C, runOf(t), wOff, ind + 1); });
        ctx.line("}", --ind);
    }

    // One asm block: `steps` vectors for P pixels x C channels, after a
    // first step of `tail` (< 16) bytes when non-zero (predicated loads:
    // the lanes past the run load as zero);
    // `first`: the first step starts the sums (VMLADAV), `pack`: the sums
    // end in s0, s1.
    void asmBlock(int P, int C, int64_t steps, int64_t tail, bool first, bool pack, bool oneX, bool oneW, int ind) {
        EmitContext &ctx = e.ctx;
        const bool hop = P == 2 && !oneX && !oneW;
        std::vector<std::string> code;
        // Load from the q-th pointer (or, `one`, at an offset from the first).
        const auto ld = [&](const std::string &t, const std::string &dst, const std::string &ptr, int q, int64_t stride,
                            const std::string &inc, bool one) {
            if (!one || q == 0) return "vldrb" + t + ".8 " + dst + ", [%[" + ptr + n(one ? 0 : q) + "]], #" + inc;
            return "vldrb" + t + ".8 " + dst + ", [%[" + ptr + "0], #" + n(q * stride - std::stoll(inc)) + "]";
        };
        for (int64_t k = tail ? -1 : 0; k < steps; ++k) {
            const bool start = first && k == (tail ? -1 : 0);
            const std::string t = k < 0 ? "t" : "", inc = k < 0 ? n(tail) : "16";
            std::vector<std::string> s;
            if (hop) {
                // Pixel 1 through the same pointer, moved there and back.
                s.push_back("vldrb" + t + ".8 q0, [%[xp0]]");
                s.push_back("add %[xp0], %[xp0], #" + n(xStep()));
                s.push_back("vldrb" + t + ".8 q1, [%[xp0]]");
                s.push_back("sub %[xp0], %[xp0], #" + n(xStep() - std::stoll(inc)));
            } else {
                for (int q = 0; q < P; ++q) s.push_back(ld(t, "q" + n(q), "xp", q, xStep(), il ? "32" : inc, oneX));
            }
            for (int c = 0; c < C; ++c) {
                const std::string wq = "q" + n(2 + c % 2);
                s.push_back(ld(t, wq, "wp", c, e.KK, inc, oneW));
                for (int q = 0; q < P; ++q)
                    s.push_back(std::string(start ? "vmladav" : "vmladava") + ".s8 %[" + acc(q, c) + "], q" + n(q) +
                                ", " + wq);
            }
            // The tail step's loads are predicated in runs of up to 4: VPT
            // sets P0 (lanes where the `tail` operand, tail - lane, is > 0;
            // an "Up" predicate operand would need a free core register),
            // VPST reuses it.
            for (size_t i = 0, left = 0; i < s.size(); ++i) {
                const bool load = k < 0 && s[i].rfind("vldrbt", 0) == 0;
                if (load && left == 0) {
                    while (i + left < s.size() && left < 4 && s[i + left].rfind("vldrbt", 0) == 0) ++left;
                    const std::string mask(left - 1, 't');
                    code.push_back(i == 0 ? "vpt" + mask + ".s8 gt, %q[tail], zr" : "vpst" + mask);
                }
                if (load) --left;
                code.push_back(s[i]);
            }
        }
        if (pack)
            for (int q = 0; q < P; ++q) {
                const std::string s = "%q[s" + n(q) + "]";
                // Lanes 0/2 and 1/3 in pairs; a lane without a channel stays unset.
                for (int l = 0; l < 2; ++l) {
                    if (l + 2 < C)
                        code.push_back("vmov " + s + "[" + n(l + 2) + "], " + s + "[" + n(l) + "], %[" + acc(q, l) +
                                       "], %[" + acc(q, l + 2) + "]");
                    else if (l < C)
                        code.push_back("vmov.32 " + s + "[" + n(l) + "], %[" + acc(q, l) + "]");
                }
            }
        std::string outs;
        const auto add = [&](const std::string &o) { outs += (outs.empty() ? "" : ", ") + o; };
        for (int q = 0; q < P; ++q)
            for (int c = 0; c < C; ++c) add("[" + acc(q, c) + "] \"" + (first ? "=&r" : "+r") + "\"(" + acc(q, c) + ")");
        for (int q = 0; q < (oneX || hop ? 1 : P); ++q) add("[xp" + n(q) + "] \"+r\"(xp" + n(q) + ")");
        for (int c = 0; c < (oneW ? 1 : C); ++c) add("[wp" + n(c) + "] \"+r\"(wp" + n(c) + ")");
        if (pack)
            for (int q = 0; q < P; ++q) add("[s" + n(q) + "] \"=&w\"(s" + n(q) + ")");
        for (size_t i = 0; i < code.size(); ++i)
            ctx.line(std::string(i ? "        \"" : "__asm__(\"") + code[i] + "\\n\\t\"", ind);
        ctx.line("        : " + outs, ind);
        ctx.line(std::string("        :") + (tail ? " [tail] \"w\"(tail)" : ""), ind);
        // VPT writes P0 (where GCC may keep another predicate).
        ctx.line(std::string("        : \"q0\", \"q1\", \"q2\", \"q3\", ") + (tail ? "\"p0\", " : "") + "\"memory\");", ind);
    }

    void channels(int P, int C, int64_t len, int64_t wOff, int ind) {
        EmitContext &ctx = e.ctx;
        const int64_t steps = len / 16, rem = len % 16, KK = e.KK;
        std::string sv = "int32x4_t s0";
        for (int q = 1; q < P; ++q) sv += ", s" + n(q);
        ctx.line(sv + ";", ind);
        ctx.line("{", ind);
        const int in = ind + 1;
        const bool oneX = il || offsets(P, xStep(), rem ? rem : 16), oneW = offsets(C, KK, rem ? rem : 16);
        // Every operand in a fixed register, the sums in even ones (VMLADAV):
        // with "Te"/"r" operands GCC 12's allocator often finds no
        // assignment ("impossible constraints").
        static const char *const kEven[] = {"r0", "r2", "r4", "r6", "r8", "r10", "r12", "r14"};
        static const char *const kOdd[] = {"r1", "r3", "r5", "r9", "r11"};
        int odd = 0;
        const auto ptr = [&](const std::string &name, const std::string &value) {
            ctx.line("register const int8_t *" + name + " __asm__(\"" + kOdd[odd++] + "\") = " + value + ";", in);
        };
        // 8 sums and 6 pointers would need r7, the frame pointer at -O0: with
        // both sides spread out, pixel 1 is reached by moving pixel 0's
        // pointer (two more instructions per 16 bytes).
        const bool hop = P == 2 && !oneX && !oneW;
        for (int q = 0; q < (oneX || hop ? 1 : P); ++q) ptr("xp" + n(q), "x0" + cAdd(q * xStep()));
        const std::string w0 = (e.p.filterH > 1 ? e.weights : std::string("wr")) + " + " + cMul("oc", KK) + cAdd(wOff);
        for (int c = 0; c < (oneW ? 1 : C); ++c) ptr("wp" + n(c), w0 + cAdd(c * KK));
        std::string decl;
        for (int q = 0; q < P; ++q)
            for (int c = 0; c < C; ++c)
                decl += std::string(decl.empty() ? "register int32_t " : ", ") + acc(q, c) + " __asm__(\"" +
                        kEven[q * C + c] + "\")";
        ctx.line(decl + ";", in);
        if (rem) ctx.line("const int8x16_t tail = vreinterpretq_s8_u8(vddupq_n_u8(" + n(rem) + ", 1));", in);
        if (steps <= kUnrolled) {
            asmBlock(P, C, steps, rem, true, true, oneX, oneW, in);
        } else {
            // The first block takes the steps that are not a whole number of
            // kChunk loop turns (1..kChunk of them).
            const int64_t turns = (steps - 1) / kChunk;
            asmBlock(P, C, steps - turns * kChunk, rem, true, false, oneX, oneW, in);
            ctx.line("for (int32_t k = 0; k < " + n(turns) + "; ++k) {", in);
            asmBlock(P, C, kChunk, 0, false, false, oneX, oneW, in + 1);
            ctx.line("}", in);
            asmBlock(P, C, 0, 0, false, true, oneX, oneW, in);
        }
        ctx.line("}", ind);
        if (storeHere) store(P, C, ind);
    }
    bool storeHere = true;  // false: channelsOuter stores

    // Bias add and requantization of s0, s1 (4 channels each), the per
    // channel vectors loaded once for both pixels. Same arithmetic as
    // ember_mve_requant; when every channel shifts right the rounding fix is
    // unconditional (VAND dropped).
    void store(int P, int C, int ind) {
        storeConstants(C, ind);
        storePixels(P, C, ind);
    }

    // The group's bias and requantization vectors (b, qm, rsh, lsh).
    void storeConstants(int C, int ind) {
        EmitContext &ctx = e.ctx;
        const StorePlan &sp = e.stores;
        const Requant &rq = sp.rq;
        const std::string pred = C < 4 ? "vctp32q(" + n(C) + ")" : "";
        const auto lanes = [&](const std::string &arr, int32_t uniformValue) {
            return arr.empty() ? "vdupq_n_s32(" + cInt(uniformValue) + ")" : "vldrwq_s32(" + arr + " + oc)";
        };
        const int32_t s0 = rq.shift.empty() ? 0 : rq.shift[0];
        const bool left = std::any_of(rq.shift.begin(), rq.shift.end(), [](int32_t v) { return v > 0; });
        ctx.line("const int32x4_t b = " + (pred.empty() ? "vldrwq_s32(bx + oc)" : "vldrwq_z_s32(bx + oc, " + pred + ")") +
                     ";",
                 ind);
        ctx.line("const int32x4_t qm = " + lanes(sp.vMult, rq.multiplier.empty() ? 0 : rq.multiplier[0]) + ";", ind);
        ctx.line("const int32x4_t rsh = " + lanes(sp.vRsh, s0 > 0 ? 0 : s0) + ";", ind);
        if (left) ctx.line("const int32x4_t lsh = " + lanes(sp.vLsh, s0 > 0 ? s0 : 0) + ";", ind);
    }

    void storePixels(int P, int C, int ind) {
        EmitContext &ctx = e.ctx;
        const Requant &rq = e.stores.rq;
        const std::string pred = C < 4 ? "vctp32q(" + n(C) + ")" : "";
        const bool left = std::any_of(rq.shift.begin(), rq.shift.end(), [](int32_t v) { return v > 0; });
        const bool right = std::all_of(rq.shift.begin(), rq.shift.end(), [](int32_t v) { return v < 0; });
        for (int q = 0; q < P; ++q) {
            const std::string v = "v" + n(q), s = "s" + n(q);
            if (left)
                ctx.line("int32x4_t " + v + " = ember_mve_requant(vaddq_s32(" + s + ", b), qm, lsh, rsh);", ind);
            else if (!right)
                ctx.line("int32x4_t " + v + " = ember_mve_requant_r(vaddq_s32(" + s + ", b), qm, rsh);", ind);
            else {
                ctx.line("int32x4_t " + v + " = vqrdmulhq_s32(vaddq_s32(" + s + ", b), qm);", ind);
                ctx.line(v + " = vrshlq_s32(vqaddq_s32(" + v + ", vshrq_n_s32(" + v + ", 31)), rsh);", ind);
            }
            if (rq.outputOffset) ctx.line(v + " = vaddq_n_s32(" + v + ", " + cInt(rq.outputOffset) + ");", ind);
            ctx.line(v + " = vminq_s32(vmaxq_s32(" + v + ", vdupq_n_s32(" + cInt(rq.actMin) + ")), vdupq_n_s32(" +
                         cInt(rq.actMax) + "));",
                     ind);
        }
        for (int q = 0; q < P; ++q) {
            const std::string out = "y0 + " + (q ? n(int64_t(q) * e.p.outC) + " + " : "") + "oc";
            if (pred.empty())
                ctx.line("vstrbq_s32(" + out + ", v" + n(q) + ");", ind);
            else
                ctx.line("vstrbq_p_s32(" + out + ", v" + n(q) + ", " + pred + ");", ind);
        }
    }
};

// ---- DEPTHWISE_CONV_2D (depth multiplier 1) ----

struct DepthwiseEmit {
    EmitContext &ctx;
    const ConvParams &p;
    StorePlan stores;
    RowSetup rows;
    // One input channel, multiplier > 1 (DSP): the filter as int16 pairs of
    // taps (k, k + 2) and (k + 1, k + 3) per output channel, so 4 adjacent
    // input bytes (one word, SXTB16) take 2 SMLAD per output channel.
    std::string packed, weights;
    // The input and output pointers channels() reads from and writes to.
    std::string xBase = "x0", yBase = "y0";

    // P (1 or 2) horizontally adjacent output pixels ox, ox + 1 of one border
    // class: each weight word is loaded once for both, and with stride <
    // filter width the input columns they share are loaded once too.
    void pixel(int P, const std::string &ox, int cls, std::pair<int, int> t, int ind) {
        const int C = p.inC;
        ctx.line("{", ind++);
        ctx.line("const int8_t *x0 = xr + " + cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", C) + ";",
                 ind);
        ctx.line("const int8_t *w0 = wr" + cAdd(int64_t(t.first) * C) + ";", ind);
        ctx.line("int8_t *y0 = yr + " + cMul(ox, C) + ";", ind);
        ctx.line("const int32_t *bx = by" + cAdd(int64_t(cls) * C) + ";", ind);
        const int quads = C / 4;
        // Scalar and DSP registers hold 2 pixels' accumulators only at a cost
        // (spills): pair them only at stride 1, where the pixels share all
        // but one input column (measured on Cortex-M4: slower at stride 2, 3x3).
        const bool split = P == 2 && p.strideW > 1;
        int in = ind;
        if (split) {
            ctx.line("for (int32_t q = 0; q < 2; ++q) {", in++);
            ctx.line("const int8_t *xq = x0 + " + cMul("q", int64_t(p.strideW) * C) + ";", in);
            ctx.line("int8_t *yq = y0 + " + cMul("q", C) + ";", in);
            xBase = "xq";
            yBase = "yq";
        }
        const int Ps = split ? 1 : P;
        if (quads > 0) {
            ctx.line("for (int32_t c = 0; c < " + n(quads * 4) + "; c += 4) {", in);
            channels(Ps, 4, t, in + 1);
            ctx.line("}", in);
        }
        for (int c = quads * 4; c < C; ++c) {
            ctx.line("{", in);
            ctx.line("const int32_t c = " + n(c) + ";", in + 1);
            channels(Ps, 1, t, in + 1);
            ctx.line("}", in);
        }
        if (split) ctx.line("}", --in);
        xBase = "x0";
        yBase = "y0";
        ctx.line("}", --ind);
    }

    void segment(const Segment &s, std::pair<int, int> t, int ind) {
        pairedSegment(ctx, s, ind, [&](int P, const std::string &ox) { pixel(P, ox, s.cls, t, ind); });
    }

    // Input column (in units of C bytes from x0) of pixel q at tap k.
    int column(int q, int k) const { return q * p.strideW + k; }

    // Stores channel `ch` of P pixels (accumulators acc[q], pixel q at
    // y0 + q * C): the per-channel requantization constants are read into
    // locals once for all P (emitStoresOfChannel).
    void storeChannel(int P, const std::vector<std::string> &acc, const std::string &ch, int ind) {
        std::vector<std::string> outs;
        for (int q = 0; q < P; ++q) outs.push_back(yBase + "[" + (q ? n(int64_t(q) * p.outC) + " + " : "") + ch + "]");
        emitStoresOfChannel(ctx, stores, std::vector<std::string>(acc.begin(), acc.begin() + P), outs, ch, ind);
    }

    // ---- Helium, depth multiplier 1: one output row at a time ----
    // Channels c .. c + 3 as int32x4_t lanes (widening byte loads). For each
    // group of 4 channels the row's pixels go in strips of up to kStrip
    // (border pixels mixed in: each pixel takes only its valid taps, the
    // folded bias of its class covers the rest), so each weight vector is
    // loaded once per strip and each input column once per strip and tap
    // row; the tap rows are unrolled (one copy per distinct tap row count).
    static constexpr int kStrip = 4;

    // A strip: P pixels from column `ox` (a C expression), classes cls[q].
    struct Strip {
        std::string ox;
        std::vector<int> cls;
    };

    // The strips of one output row: runs of one class of at least three
    // strips become a loop (`loops` strips of kStrip from column `loopBegin`,
    // the first topping up the pixels before it to whole strips); the other
    // pixels go in order into strips of at most kStrip, balanced in size.
    struct Piece {
        int loopBegin = -1, loops = 0, loopCls = 0;
        Strip strip;
    };

    std::vector<Piece> rowPieces(const AxisPlan &ax) const {
        std::vector<Piece> pieces;
        std::vector<int> run;  // classes of the pending pixels
        int runBegin = 0;
        const auto flush = [&]() {
            const int count = int(run.size()), strips = (count + kStrip - 1) / kStrip;
            for (int i = 0, at = 0; i < strips; ++i) {
                const int size = (count - at) / (strips - i);
                Piece pc;
                pc.strip = {n(runBegin + at), std::vector<int>(run.begin() + at, run.begin() + at + size)};
                pieces.push_back(pc);
                at += size;
            }
            run.clear();
        };
        for (const Segment &s : segmentsOf(ax)) {
            int ox = s.begin;
            if (s.end - s.begin >= 3 * kStrip) {
                if (run.empty()) runBegin = ox;
                while (run.size() % kStrip) run.push_back(s.cls), ++ox;
                flush();
                Piece loop;
                loop.loopBegin = ox;
                loop.loops = (s.end - ox) / kStrip;
                loop.loopCls = s.cls;
                pieces.push_back(loop);
                ox += loop.loops * kStrip;
            }
            for (; ox < s.end; ++ox) {
                if (run.empty()) runBegin = ox;
                run.push_back(s.cls);
            }
        }
        flush();
        return pieces;
    }

    // Strip `st` of channels c .. c + 3 (`pred`: the channel tail's lane
    // predicate, or empty) with R tap rows from xr/wr (R a literal).
    // GCC would otherwise reassociate the accumulations (all products first,
    // then spilled), hoist every load to the loop head and keep the weight
    // vectors of one strip live into the next: an empty volatile asm on each
    // accumulator after its update keeps the written order, and one on the
    // strip's row pointers makes each strip load its own.
    void stripMve(const Strip &st, const AxisPlan &ax, int R, const std::string &pred, int ind) {
        const int64_t C = p.inC, s = p.strideW;
        const int P = int(st.cls.size());
        const auto ld8 = [&](const std::string &ptr) {
            return pred.empty() ? "vldrbq_s32(" + ptr + ")" : "vldrbq_z_s32(" + ptr + ", " + pred + ")";
        };
        const auto ld32 = [&](const std::string &ptr) {
            return pred.empty() ? "vldrwq_s32(" + ptr + ")" : "vldrwq_z_s32(" + ptr + ", " + pred + ")";
        };
        const auto taps = [&](int q) { return ax.taps[size_t(st.cls[size_t(q)])]; };
        // Column expression (ox + k) * m, folded when ox is a literal.
        const bool literal = st.ox.find_first_not_of("0123456789") == std::string::npos;
        const auto at = [&](const std::string &ox, int64_t mulOx, int64_t k, int64_t m) {
            if (literal) return n((std::stoll(ox) * mulOx + k) * m);
            return cMul("(" + cMul(ox, mulOx) + cAdd(k) + ")", m);
        };
        // Input columns relative to the strip's origin (ox * stride - padding).
        int jmin = 1 << 30, kmin = 1 << 30, kmax = 0;
        for (int q = 0; q < P; ++q) {
            jmin = std::min(jmin, int(q * s) + taps(q).first);
            kmin = std::min(kmin, taps(q).first);
            kmax = std::max(kmax, taps(q).second);
        }
        // Unpredicated with C < 128: each tap row's weights and input columns
        // are loaded in address order with post-incrementing VLDRB (GCC
        // otherwise spends an add or a move per load on the offsets).
        const bool walk = pred.empty() && C < 128;
        if (walk)
            ctx.addHelper("ember_mve_ldb_pi",
                          "#if EMBER_MVE\n"
                          "/* v = the 4 int8 at p sign-extended (VLDRB.S32; p in a low register), then\n"
                          " * p += step (a literal < 128) */\n"
                          "#define EMBER_MVE_LDB_PI(v, p, step) __asm__(\"vldrb.s32 %q0, [%1], #\" #step : \"=w\"(v), \"+l\"(p))\n"
                          "#endif\n");
        ctx.line("{", ind++);
        ctx.line("const int8_t *xp = xr + " + at(st.ox, s, jmin - p.padLeft, C) + " + c, *wp = ws;", ind);
        if (walk) ctx.line("__asm__(\"\" : \"+r\"(xp), \"+r\"(wp)); /* no weight vectors kept across strips */", ind);
        for (int q = 0; q < P; ++q)
            ctx.line("int32x4_t acc" + n(q) + " = " + ld32("by + c" + cAdd(st.cls[size_t(q)] * C)) + ";", ind);
        for (int r = 0; r < R; ++r) {
            ctx.line("{", ind);
            if (walk) {
                std::string decl;
                for (int k = kmin; k < kmax; ++k) decl += std::string(decl.empty() ? "int32x4_t " : ", ") + "w" + n(k);
                ctx.line(decl + ";", ind + 1);
                ctx.line("const int8_t *xq = xp, *wq = wp" + cAdd(kmin * C) + ";", ind + 1);
                for (int k = kmin; k < kmax; ++k) ctx.line("EMBER_MVE_LDB_PI(w" + n(k) + ", wq, " + n(C) + ");", ind + 1);
            } else {
                std::string decl;
                for (int k = kmin; k < kmax; ++k)
                    decl += std::string(decl.empty() ? "const int32x4_t " : ", ") + "w" + n(k) + " = " +
                            ld8("wp" + cAdd(k * C));
                ctx.line(decl + ";", ind + 1);
            }
            // Column by column: each input vector feeds every pixel that reads it.
            for (int j = jmin; j < int((P - 1) * s) + kmax; ++j) {
                std::vector<std::pair<int, int>> uses;  // (pixel, tap)
                for (int q = 0; q < P; ++q) {
                    const int k = j - int(q * s);
                    if (k >= taps(q).first && k < taps(q).second) uses.push_back({q, k});
                }
                if (uses.empty()) {
                    if (walk) ctx.line("xq += " + n(C) + ";", ind + 1);
                    continue;
                }
                ctx.line("{", ind + 1);
                if (walk) {
                    ctx.line("int32x4_t x;", ind + 2);
                    ctx.line("EMBER_MVE_LDB_PI(x, xq, " + n(C) + ");", ind + 2);
                } else {
                    ctx.line("const int32x4_t x = " + ld8("xp" + cAdd((j - jmin) * C)) + ";", ind + 2);
                }
                for (const auto &[q, k] : uses) {
                    const std::string a = "acc" + n(q);
                    ctx.line(a + " = vaddq_s32(" + a + ", vmulq_s32(x, w" + n(k) + "));", ind + 2);
                    ctx.line("__asm__ volatile(\"\" : \"+w\"(" + a + "));", ind + 2);
                }
                ctx.line("}", ind + 1);
            }
            if (r + 1 < R) {
                ctx.line("xp += " + n(int64_t(p.inW) * C) + ";", ind + 1);
                ctx.line("wp += " + n(int64_t(p.filterW) * C) + ";", ind + 1);
                if (!walk) ctx.line("__asm__(\"\" : \"+r\"(xp), \"+r\"(wp));", ind + 1);
            }
            ctx.line("}", ind);
        }
        // Requantize: the per-channel vectors once for the strip; a full int8
        // range clamps with a saturating shift up by 24 and back.
        const Requant &rq = stores.rq;
        const bool left = std::any_of(rq.shift.begin(), rq.shift.end(), [](int32_t v) { return v > 0; });
        const int32_t s0 = rq.shift.empty() ? 0 : rq.shift[0];
        // Per-channel vectors: with walk, through pointers hidden from GCC so
        // a strip does not keep the previous strip's (spilled) copies.
        const bool hide = walk && !stores.vMult.empty();
        if (hide) {
            ctx.line("const int32_t *mq = " + stores.vMult + " + c, *sq = " + stores.vRsh + " + c;", ind);
            ctx.line("__asm__(\"\" : \"+r\"(mq), \"+r\"(sq));", ind);
        }
        const auto lanes = [&](const std::string &arr, int32_t uniformValue) {
            if (hide && arr == stores.vMult) return std::string("vldrwq_s32(mq)");
            if (hide && arr == stores.vRsh) return std::string("vldrwq_s32(sq)");
            return arr.empty() ? "vdupq_n_s32(" + cInt(uniformValue) + ")" : "vldrwq_s32(" + arr + " + c)";
        };
        ctx.line("const int32x4_t qm = " + lanes(stores.vMult, rq.multiplier.empty() ? 0 : rq.multiplier[0]) +
                     ", rsh = " + lanes(stores.vRsh, s0 > 0 ? 0 : s0) + ";",
                 ind);
        if (left) ctx.line("const int32x4_t lsh = " + lanes(stores.vLsh, s0 > 0 ? s0 : 0) + ";", ind);
        for (int q = 0; q < P; ++q) {
            ctx.line("{", ind);
            ctx.line(left ? "int32x4_t v = ember_mve_requant(acc" + n(q) + ", qm, lsh, rsh);"
                          : "int32x4_t v = ember_mve_requant_r(acc" + n(q) + ", qm, rsh);",
                     ind + 1);
            if (rq.outputOffset) ctx.line("v = vaddq_n_s32(v, " + cInt(rq.outputOffset) + ");", ind + 1);
            ctx.line("v = vshrq_n_s32(vqshlq_n_s32(v, 24), 24);", ind + 1);
            if (rq.actMin > -128) ctx.line("v = vmaxq_s32(v, vdupq_n_s32(" + cInt(rq.actMin) + "));", ind + 1);
            if (rq.actMax < 127) ctx.line("v = vminq_s32(v, vdupq_n_s32(" + cInt(rq.actMax) + "));", ind + 1);
            const std::string y = "yr + " + at(st.ox, 1, q, C) + " + c";
            ctx.line(pred.empty() ? "vstrbq_s32(" + y + ", v);" : "vstrbq_p_s32(" + y + ", v, " + pred + ");", ind + 1);
            ctx.line("}", ind);
        }
        ctx.line("}", --ind);
    }

    // All channels of the output row for R tap rows.
    void rowChannelsMve(const AxisPlan &ax, int R, int ind) {
        const int C = p.inC, quads = C / 4;
        const std::vector<Piece> pieces = rowPieces(ax);
        const auto body = [&](const std::string &pred, int in) {
            ctx.line("const int8_t *ws = wr + c;", in);
            for (const Piece &pc : pieces) {
                if (pc.loopBegin < 0) {
                    stripMve(pc.strip, ax, R, pred, in);
                    continue;
                }
                const Strip st{pc.loops > 1 ? "ox" : n(pc.loopBegin), std::vector<int>(kStrip, pc.loopCls)};
                if (pc.loops > 1)
                    ctx.line("for (int32_t ox = " + n(pc.loopBegin) + "; ox < " + n(pc.loopBegin + pc.loops * kStrip) +
                                 "; ox += " + n(kStrip) + ")",
                             in);
                stripMve(st, ax, R, pred, in);
            }
        };
        if (quads > 0) {
            ctx.line("for (int32_t c = 0; c < " + n(quads * 4) + "; c += 4) {", ind);
            body("", ind + 1);
            ctx.line("}", ind);
        }
        if (C % 4) {
            ctx.line("{", ind);
            ctx.line("const int32_t c = " + n(quads * 4) + ";", ind + 1);
            ctx.line("const mve_pred16_t tail = vctp32q(" + n(C % 4) + ");", ind + 1);
            body("tail", ind + 1);
            ctx.line("}", ind);
        }
    }

    // The output row (inside the oy loop, after emitRowSetup): one unrolled
    // copy per distinct number of tap rows.
    void rowMve(const AxisPlan &ay, const AxisPlan &ax, int ind) {
        std::vector<int> counts;
        for (auto t : ay.taps)
            if (std::find(counts.begin(), counts.end(), t.second - t.first) == counts.end())
                counts.push_back(t.second - t.first);
        if (counts.size() == 1) {
            if (rows.rows == "rows") ctx.line("(void)rows;", ind);
            rowChannelsMve(ax, counts[0], ind);
            return;
        }
        for (size_t i = 0; i < counts.size(); ++i) {
            const bool last = i + 1 == counts.size();
            ctx.line((i ? "} else " : "") + std::string(last ? "{" : "if (rows == " + n(counts[i]) + ") {"), ind);
            if (last) ctx.line("/* rows == " + n(counts[i]) + " */", ind + 1);
            rowChannelsMve(ax, counts[i], ind + 1);
        }
        ctx.line("}", ind);
    }

    // Channel multiplier M > 1: output channel ic * M + m reads input
    // channel ic, so each input byte is loaded once per tap and multiplied
    // into up to 8 accumulators (outputs of one input channel). DSP: 4
    // weights per word (SXTB16, then SMLABB/SMLABT against the input in the
    // bottom half); Helium: 4 lanes per VMLA by the scalar input.
    void pixelMult(const std::string &ox, int cls, std::pair<int, int> t, int ind) {
        const int C = p.inC, OC = p.outC, M = p.depthMultiplier;
        ctx.line("{", ind++);
        ctx.line("const int8_t *x0 = xr + " + cMul("(" + cMul(ox, p.strideW) + cAdd(t.first - p.padLeft) + ")", C) + ";",
                 ind);
        ctx.line("const int8_t *w0 = wr" + cAdd(int64_t(t.first) * OC) + ";", ind);
        ctx.line("int8_t *y0 = yr + " + cMul(ox, OC) + ";", ind);
        ctx.line("const int32_t *bx = by" + cAdd(int64_t(cls) * OC) + ";", ind);
        if (!packed.empty() && t.second - t.first >= 4) {
            // 2 words per weight byte: the same offset from the table as w0 from the filter, doubled.
            ctx.line("#if EMBER_DSP", 0);
            ctx.line("const int32_t *pk0 = " + packed + " + 2 * (w0 - " + weights + ");", ind);
            ctx.line("#endif", 0);
        }
        int in = ind;
        if (C > 1) ctx.line("for (int32_t ic = 0; ic < " + n(C) + "; ++ic) {", in++);
        else ctx.line("{", in++), ctx.line("const int32_t ic = 0;", in);
        for (int m0 = 0; m0 < M; m0 += 8) multGroup(m0, std::min(8, M - m0), t, in);
        ctx.line("}", --in);
        ctx.line("}", --ind);
    }

    // Outputs ic * M + m0 .. + G - 1 (G <= 8) of one input channel.
    void multGroup(int m0, int G, std::pair<int, int> t, int ind) {
        const int64_t C = p.inC, OC = p.outC;
        ctx.line("{", ind++);
        ctx.line("const int32_t c = " + cMul("ic", p.depthMultiplier) + cAdd(m0) + ";", ind);
        const int taps = t.second - t.first;
        const std::string r = rows.rowLoop ? "r" : "0";
        auto rowHead = [&](int &in) {
            if (rows.rowLoop) ctx.line("for (int32_t r = 0; r < " + rows.rows + "; ++r) {", in++);
            ctx.line("const int8_t *xp = x0 + " + cMul(r, int64_t(p.inW) * C) + " + ic;", in);
            ctx.line("const int8_t *wp = w0 + " + cMul(r, int64_t(p.filterW) * OC) + " + c;", in);
        };
        if (stores.mve) {
            ctx.line("#if EMBER_MVE", 0);
            const int V = (G + 3) / 4;
            for (int v = 0; v < V; ++v) {
                const int lanes = std::min(4, G - 4 * v);
                if (lanes < 4) ctx.line("const mve_pred16_t tail = vctp32q(" + n(lanes) + ");", ind);
                const std::string at = "bx + c" + cAdd(4 * v);
                ctx.line("int32x4_t v" + n(v) + " = " + (lanes < 4 ? "vldrwq_z_s32(" + at + ", tail)" : "vldrwq_s32(" + at + ")") + ";",
                         ind);
            }
            int in = ind;
            ctx.line("{", in++);
            rowHead(in);
            for (int k = 0; k < taps; ++k) {
                ctx.line("{", in);
                ctx.line("const int32_t xv = xp[" + n(k * C) + "];", in + 1);
                for (int v = 0; v < V; ++v) {
                    const int lanes = std::min(4, G - 4 * v);
                    const std::string ptr = "wp + " + n(k * OC + 4 * v);
                    ctx.line("v" + n(v) + " = vmlaq_n_s32(v" + n(v) + ", " +
                                 (lanes < 4 ? "vldrbq_z_s32(" + ptr + ", tail)" : "vldrbq_s32(" + ptr + ")") + ", xv);",
                             in + 1);
                }
                ctx.line("}", in);
            }
            if (rows.rowLoop) ctx.line("}", --in);
            ctx.line("}", --in);
            for (int v = 0; v < V; ++v) {
                const int lanes = std::min(4, G - 4 * v);
                emitStoreVec(ctx, stores, "v" + n(v), "c" + cAdd(4 * v), "y0 + c" + cAdd(4 * v), lanes < 4 ? "tail" : "",
                             ind);
            }
            ctx.line("#else", 0);
        }
        for (int g = 0; g < G; ++g) ctx.line("int32_t a" + n(g) + " = bx[c" + cAdd(g) + "];", ind);
        int in = ind;
        ctx.line("{", in++);
        rowHead(in);
        const int quads = stores.dsp ? G / 4 : 0;
        const int groups = !packed.empty() && taps >= 4 ? taps / 4 : 0;
        if (groups) {
            ctx.line("#if EMBER_DSP", 0);
            ctx.line("const int32_t *pp = pk0 + " + cMul(r, int64_t(p.filterW) * OC * 2) + " + 2 * c;", in);
            if (taps % 4 == 0) ctx.line("(void)wp;", in);
            for (int k = 0; k < 4 * groups; k += 4) {
                ctx.line("{", in);
                ctx.line("const int32_t xw = ember_ld32(xp" + cAdd(k) + ");", in + 1);
                ctx.line("const int32_t xe = __sxtb16(xw), xo = ember_sxtb16_hi(xw);", in + 1);
                for (int g = 0; g < G; ++g) {
                    const int64_t at = 2 * (int64_t(k) * OC + g);
                    ctx.line("a" + n(g) + " = __smlad(xe, pp[" + n(at) + "], a" + n(g) + ");", in + 1);
                    ctx.line("a" + n(g) + " = __smlad(xo, pp[" + n(at + 1) + "], a" + n(g) + ");", in + 1);
                }
                ctx.line("}", in);
            }
            ctx.line("#else", 0);
            for (int k = 0; k < 4 * groups; ++k)
                for (int g = 0; g < G; ++g)
                    ctx.line("a" + n(g) + " += xp[" + n(k) + "] * wp[" + n(k * OC + g) + "];", in);
            ctx.line("#endif", 0);
        }
        for (int k = 4 * groups; k < taps; ++k) {
            ctx.line("{", in);
            ctx.line("const int32_t xv = xp[" + n(k * C) + "];", in + 1);
            if (quads) ctx.line("#if EMBER_DSP", 0);
            for (int q4 = 0; q4 < quads; ++q4) {
                const std::string a = "a" + n(4 * q4), b = "a" + n(4 * q4 + 1), c2 = "a" + n(4 * q4 + 2),
                                  d = "a" + n(4 * q4 + 3);
                ctx.line("{", in + 1);
                ctx.line("const int32_t wv = ember_ld32(wp + " + n(k * OC + 4 * q4) + ");", in + 2);
                ctx.line("const int32_t we = __sxtb16(wv), wo = ember_sxtb16_hi(wv);", in + 2);
                ctx.line(a + " = __smlabb(xv, we, " + a + ");", in + 2);
                ctx.line(c2 + " = __smlabt(xv, we, " + c2 + ");", in + 2);
                ctx.line(b + " = __smlabb(xv, wo, " + b + ");", in + 2);
                ctx.line(d + " = __smlabt(xv, wo, " + d + ");", in + 2);
                ctx.line("}", in + 1);
            }
            if (quads) ctx.line("#else", 0);
            for (int g = 0; g < 4 * quads; ++g)
                ctx.line("a" + n(g) + " += xv * wp[" + n(k * OC + g) + "];", in + 1);
            if (quads) ctx.line("#endif", 0);
            for (int g = 4 * quads; g < G; ++g)
                ctx.line("a" + n(g) + " += xv * wp[" + n(k * OC + g) + "];", in + 1);
            ctx.line("}", in);
        }
        if (rows.rowLoop) ctx.line("}", --in);
        ctx.line("}", --in);
        for (int g = 0; g < G; ++g) {
            const std::string ch = "c" + cAdd(g);
            emitStore(ctx, stores, "a" + n(g), ch, "y0[" + ch + "]", ind);
        }
        if (stores.mve) ctx.line("#endif", 0);
        ctx.line("}", --ind);
    }

    // Q (4 or 1) channels from c on of P pixels, every valid tap.
    void channels(int P, int Q, std::pair<int, int> t, int ind) {
        const int64_t C = p.inC;
        const auto a = [](int q, int ch) { return "a" + n(q) + n(ch); };
        for (int ch = 0; ch < Q; ++ch) {
            std::string decl = "int32_t " + a(0, ch) + " = bx[c" + (ch ? " + " + n(ch) : "") + "]";
            for (int q = 1; q < P; ++q) decl += ", " + a(q, ch) + " = " + a(0, ch);
            ctx.line(decl + ";", ind);
        }
        int in = ind;
        if (rows.rowLoop) ctx.line("for (int32_t r = 0; r < " + rows.rows + "; ++r) {", in++);
        const std::string r = rows.rowLoop ? "r" : "0";
        ctx.line("const int8_t *xp = " + xBase + " + " + cMul(r, int64_t(p.inW) * C) + " + c;", in);
        ctx.line("const int8_t *wp = w0 + " + cMul(r, int64_t(p.filterW) * C) + " + c;", in);
        const bool dsp = Q == 4 && stores.dsp;
        const int taps = t.second - t.first;
        if (dsp) {
            ctx.line("#if EMBER_DSP", 0);
            // Each input column once (sign-extended even/odd byte pairs),
            // declared where first used, so few are live at a time.
            std::vector<bool> loaded;
            const auto col = [&](int j) {
                if (size_t(j) >= loaded.size()) loaded.resize(size_t(j) + 1, false);
                if (!loaded[size_t(j)]) {
                    const std::string x = "xc" + n(j);
                    ctx.line("const int32_t " + x + " = ember_ld32(xp" + (j ? " + " + n(j * C) : "") + ");", in);
                    ctx.line("const int32_t " + x + "e = __sxtb16(" + x + "), " + x + "o = ember_sxtb16_hi(" + x + ");", in);
                    loaded[size_t(j)] = true;
                }
                return "xc" + n(j);
            };
            for (int k = 0; k < taps; ++k) {
                const std::string w = "wt" + n(k);
                ctx.line("const int32_t " + w + " = ember_ld32(wp" + (k ? " + " + n(k * C) : "") + ");", in);
                ctx.line("const int32_t " + w + "e = __sxtb16(" + w + "), " + w + "o = ember_sxtb16_hi(" + w + ");", in);
                for (int q = 0; q < P; ++q) {
                    const std::string x = col(column(q, k));
                    ctx.line(a(q, 0) + " = __smlabb(" + x + "e, " + w + "e, " + a(q, 0) + ");", in);
                    ctx.line(a(q, 2) + " = __smlatt(" + x + "e, " + w + "e, " + a(q, 2) + ");", in);
                    ctx.line(a(q, 1) + " = __smlabb(" + x + "o, " + w + "o, " + a(q, 1) + ");", in);
                    ctx.line(a(q, 3) + " = __smlatt(" + x + "o, " + w + "o, " + a(q, 3) + ");", in);
                }
            }
            ctx.line("#else", 0);
        }
        for (int k = 0; k < taps; ++k)
            for (int q = 0; q < P; ++q)
                for (int ch = 0; ch < Q; ++ch)
                    ctx.line(a(q, ch) + " += xp[" + n(column(q, k) * C + ch) + "] * wp[" + n(k * C + ch) + "];", in);
        if (dsp) ctx.line("#endif", 0);
        if (rows.rowLoop) ctx.line("}", --in);
        for (int ch = 0; ch < Q; ++ch) {
            std::vector<std::string> accs;
            for (int q = 0; q < P; ++q) accs.push_back(a(q, ch));
            storeChannel(P, accs, ch ? "c + " + n(ch) : "c", ind);
        }
    }
};

}  // namespace

bool emitConvInt8Fast(const Graph &g, const Op &op, const ConvParams &params, EmitContext &ctx) {
    // --dim: the fast paths are planned for fixed extents; the portable
    // loops (Conv2D.cpp) follow a run-time one.
    if (ctx.inputDynamic(0)) return false;
    if (!foldable(g, op, params) || params.groups != 1) return false;
    ConvParams p = params;
    if (p.filterH == 1 && p.filterW == 1 && p.strideH == 1 && p.strideW == 1 && p.padTop == 0 && p.padLeft == 0 &&
        p.inH == p.outH && p.inW == p.outW) {
        // Pointwise: every pixel is independent, so the image is one long row
        // (pixel pairs then run across row ends).
        p.inW = p.outW = p.inH * p.inW;
        p.inH = p.outH = 1;
    }
    const AxisPlan ay = planAxis(p.inH, p.filterH, p.strideH, p.padTop, p.outH);
    const AxisPlan ax = planAxis(p.inW, p.filterW, p.strideW, p.padLeft, p.outW);
    if (!allNonEmpty(ay) || !allNonEmpty(ax)) return false;
    const Tensor &w = g.in(op, 1);
    const int64_t K = int64_t(p.filterW) * p.filterC, KK = K * p.filterH;
    const std::vector<int32_t> folded = foldBias(g, op, p, ay, ax, [&](int oc, int ky, int kx) {
        int64_t s = 0;
        const auto *wd = reinterpret_cast<const int8_t *>(w.data.data()) + oc * KK + ky * K + int64_t(kx) * p.filterC;
        for (int ic = 0; ic < p.filterC; ++ic) s += wd[ic];
        return s;
    });

    useHelpers(ctx);
    ConvEmit e{ctx, p, planStores(ctx, p.rq), {}, K, KK, false, {}};
    e.weights = ctx.inputs[1];
    // Tap rows that are not a multiple of 16 bytes waste lanes of every
    // VMLADAVA; one gathered run of KK bytes wastes at most one (stack: 2 KK).
    e.im2col = e.stores.mve && p.filterH > 1 && K % 16 != 0 && KK <= 1024;
    // Helium with inline asm when the runs are whole vectors (ConvMveEmit);
    // the other branches then need no Helium code of their own.
    ConvMveEmit mve{e};
    const bool mveAsm = mve.applies();
    if (mveAsm) e.im2col = false;
    const Paths ps = pathsFor(ctx);
    e.KP = (KK + 3) / 4 * 4;
    const bool speed = optimizeForSpeed(emitOptimizeMode());
    e.dspPack = ps.dsp && !ps.mve && KK <= 1024;
    if (e.dspPack) {
        // Stack per pixel group: the int16 buffer, plus the int8 gather when a
        // receptive field is not one contiguous run; at most 2 KB.
        e.colPad = e.KP - KK;
        const bool direct = p.filterH == 1 && ax.taps.size() == 1 &&
                            ax.taps[0] == std::pair<int, int>{0, p.filterW} && e.colPad == 0;
        e.rowPack = !direct && p.inC % 4 == 0;
        e.packMax = (2048 - e.colPad) / (e.KP * 2 + (direct || e.rowPack ? 0 : KK));
        // One pixel per group pays only with the filter pre-extended (speed:
        // IC's 64-channel 3x3, 576 bytes per receptive field).
        if (e.packMax < (speed ? 1 : 2)) e.dspPack = false, e.colPad = 0;
    }
    if (e.dspPack && (e.colPad || speed))
        e.wPacked = ctx.constantI32(
            "weights_sxtb16",
            ConvEmit::packWeights(reinterpret_cast<const int8_t *>(w.data.data()), p.outC, KK, e.KP),
            "filter as int16 pairs in SXTB16 lane order (bytes 0/2, 1/3 of each word; zero tail to whole words)");
    const std::string tab =
        ctx.constantI32("bias_folded", folded, "bias + input offset x weight sums, per border class and channel");
    const std::string rowTab =
        ay.taps.size() > 1 ? ctx.constantI32("bias_row", rowOffsets(ay, ax, p.outC), "folded bias row per output row")
                           : "";
    ctx.line("/* CONV_2D input " + shapeString(g.in(op, 0).shape) + ", filter " + shapeString(w.shape) + ", stride " +
             n(p.strideH) + "x" + n(p.strideW) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * padding top " + n(p.padTop) + " left " + n(p.padLeft) + "; " + requantComment(p.rq) + ".");
    ctx.line(" * Input offset folded into the bias; 2 pixels x 2 channels per inner loop (DSP cores, receptive");
    ctx.line(" * fields of whole words: up to 8 pixels sign-extended once into a stack buffer, unrolled SMLAD). */");
    if (mveAsm)
        ctx.line(std::string("/* Helium: 2 pixels x 4 channels per pass, VMLADAV in inline asm over ") +
                 (p.filterH > 1 ? "an im2col gather of each receptive field" : "each receptive field's input row") +
                 ". */");
    int ind = emitBatchHead(ctx, p);
    ctx.line("for (int32_t oy = 0; oy < " + n(p.outH) + "; ++oy) {", ind++);
    e.rows = emitRowSetup(ctx, p, ay, tab, rowTab, int64_t(p.inW) * p.inC, K, ctx.inputs[1], ind);
    if (e.im2col) {
        // The gathered columns read the input and filter directly.
        ctx.line("(void)xr;", ind);
        ctx.line("(void)wr;", ind);
        if (e.rows.rows == "rows") ctx.line("(void)rows;", ind);
    }
    ctx.line("int8_t *yr = yout + " + cMul("oy", int64_t(p.outW) * p.outC) + ";", ind);
    if (mveAsm) {
        ctx.line("#if EMBER_MVE", 0);
        mve.row(ax, ind);
        ctx.line("#else", 0);
        e.stores.mve = false;
    }
    if (e.dspPack) {
        ctx.line("#if EMBER_DSP", 0);
        if (e.rows.rows == "rows") ctx.line("(void)rows;", ind);
        ctx.line("(void)xr;", ind);
        ctx.line("(void)wr;", ind);
        for (const Segment &s : segmentsOf(ax)) e.segmentDsp(s, ax.taps[size_t(s.cls)], ind);
        ctx.line("#else", 0);
    }
    for (const Segment &s : segmentsOf(ax)) e.segment(s, ax.taps[size_t(s.cls)], ind);
    if (e.dspPack) ctx.line("#endif", 0);
    if (mveAsm) ctx.line("#endif", 0);
    while (ind > 1) ctx.line("}", --ind);
    return true;
}

bool emitDepthwiseInt8Fast(const Graph &g, const Op &op, const ConvParams &p, EmitContext &ctx) {
    if (ctx.inputDynamic(0)) return false;  // --dim: the portable loops follow a run-time extent
    if (!foldable(g, op, p) || p.depthMultiplier < 1) return false;
    const AxisPlan ay = planAxis(p.inH, p.filterH, p.strideH, p.padTop, p.outH);
    const AxisPlan ax = planAxis(p.inW, p.filterW, p.strideW, p.padLeft, p.outW);
    if (!allNonEmpty(ay) || !allNonEmpty(ax)) return false;
    const Tensor &w = g.in(op, 1);
    const auto *wd = reinterpret_cast<const int8_t *>(w.data.data());
    const std::vector<int32_t> folded = foldBias(g, op, p, ay, ax, [&](int oc, int ky, int kx) {
        return int64_t(wd[(int64_t(ky) * p.filterW + kx) * p.outC + oc]);
    });

    useHelpers(ctx);
    DepthwiseEmit e{ctx, p, planStores(ctx, p.rq), {}, {}, {}};
    if (p.inC == 1 && p.depthMultiplier > 1 && p.filterW >= 4 && e.stores.dsp && !e.stores.mve) {
        // [ky][kx][oc] pairs {(kx, kx + 2), (kx + 1, kx + 3)} as int16 halves;
        // taps past the row end pair with zero (never read: groups stay inside).
        std::vector<int32_t> pk;
        const auto at = [&](int ky, int kx, int oc) -> int32_t {
            return kx < p.filterW ? wd[(int64_t(ky) * p.filterW + kx) * p.outC + oc] : 0;
        };
        const auto pair = [](int32_t lo, int32_t hi) { return int32_t(uint32_t(uint16_t(lo)) | (uint32_t(uint16_t(hi)) << 16)); };
        for (int ky = 0; ky < p.filterH; ++ky)
            for (int kx = 0; kx < p.filterW; ++kx)
                for (int oc = 0; oc < p.outC; ++oc) {
                    pk.push_back(pair(at(ky, kx, oc), at(ky, kx + 2, oc)));
                    pk.push_back(pair(at(ky, kx + 1, oc), at(ky, kx + 3, oc)));
                }
        e.packed = ctx.constantI32("taps_packed", pk, "filter as int16 tap pairs (k, k+2), (k+1, k+3) per output channel");
        e.weights = ctx.inputs[1];
    }
    const std::string tab =
        ctx.constantI32("bias_folded", folded, "bias + input offset x weight sums, per border class and channel");
    const std::string rowTab =
        ay.taps.size() > 1 ? ctx.constantI32("bias_row", rowOffsets(ay, ax, p.outC), "folded bias row per output row")
                           : "";
    ctx.line("/* DEPTHWISE_CONV_2D input " + shapeString(g.in(op, 0).shape) + ", filter " + shapeString(w.shape) +
             ", stride " + n(p.strideH) + "x" + n(p.strideW) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * padding top " + n(p.padTop) + " left " + n(p.padLeft) + "; " + requantComment(p.rq) + ".");
    ctx.line(p.depthMultiplier == 1
                 ? " * Input offset folded into the bias; 4 channels x 2 pixels per step, border columns split off. */"
                 : " * Input offset folded into the bias; each input read once for its " + n(p.depthMultiplier) +
                       " output channels, border columns split off. */");
    int ind = emitBatchHead(ctx, p);
    ctx.line("for (int32_t oy = 0; oy < " + n(p.outH) + "; ++oy) {", ind++);
    e.rows = emitRowSetup(ctx, p, ay, tab, rowTab, int64_t(p.inW) * p.inC, int64_t(p.filterW) * p.outC, ctx.inputs[1],
                          ind);
    ctx.line("int8_t *yr = yout + " + cMul("oy", int64_t(p.outW) * p.outC) + ";", ind);
    // Helium, multiplier 1: strips of the whole row (rowMve).
    const bool mveRows = p.depthMultiplier == 1 && e.stores.mve;
    if (mveRows) {
        ctx.line("#if EMBER_MVE", 0);
        e.rowMve(ay, ax, ind);
        ctx.line("#else", 0);
    }
    for (const Segment &s : segmentsOf(ax)) {
        const auto t = ax.taps[size_t(s.cls)];
        if (p.depthMultiplier == 1) {
            e.segment(s, t, ind);
        } else if (s.end - s.begin > 1) {
            ctx.line("for (int32_t ox = " + n(s.begin) + "; ox < " + n(s.end) + "; ++ox)", ind);
            e.pixelMult("ox", s.cls, t, ind);
        } else {
            e.pixelMult(n(s.begin), s.cls, t, ind);
        }
    }
    if (mveRows) ctx.line("#endif", 0);
    while (ind > 1) ctx.line("}", --ind);
    return true;
}

void useMveKernelHelpers(EmitContext &ctx) { useMveHelpers(ctx); }

// FULLY_CONNECTED on DSP cores without Helium: 4 input bytes become the
// int16 pairs (x0, x2), (x1, x3) (SXTB16's order) once for 4 units, and the
// weights are repacked so that one pointer walks them: per group of 4 units
// (the last group: the rest), per 4 inputs (zero padded), the units one
// after the other. Balanced keeps them int8 (same flash, same RAM; SXTB16
// widens each weight word); --optimize speed stores them pre-widened as
// int16 pairs (twice the flash) and widens the row once into a stack buffer
// (2 bytes per input), leaving one LDRD and two SMLAD per 4
// multiply-accumulates of a unit.
struct FcPacked {
    std::string weights;   // the repacked array
    bool wide = false;     // int16 pairs (speed) rather than int8
    int64_t steps = 0;     // groups of 4 inputs (depth rounded up)
    int64_t unitWords = 0; // 32-bit words of one unit's weights
};

FcPacked packFcWeights(EmitContext &ctx, const int8_t *wd, int units, int64_t depth, bool wide) {
    FcPacked f;
    f.wide = wide;
    f.steps = (depth + 3) / 4;
    f.unitWords = wide ? 2 * f.steps : f.steps;
    const auto at = [&](int o, int64_t k) { return k < depth ? int32_t(wd[o * depth + k]) : 0; };
    const auto pair = [](int32_t lo, int32_t hi) {
        return int32_t(uint32_t(uint16_t(int16_t(lo))) | (uint32_t(uint16_t(int16_t(hi))) << 16));
    };
    std::vector<int32_t> words;
    std::vector<int8_t> bytes;
    for (int o0 = 0; o0 < units; o0 += 4) {
        const int group = std::min(4, units - o0);
        for (int64_t s = 0; s < f.steps; ++s)
            for (int o = o0; o < o0 + group; ++o) {
                const int64_t k = 4 * s;
                if (wide) {
                    words.push_back(pair(at(o, k), at(o, k + 2)));
                    words.push_back(pair(at(o, k + 1), at(o, k + 3)));
                } else {
                    for (int j = 0; j < 4; ++j) bytes.push_back(int8_t(at(o, k + j)));
                }
            }
    }
    if (wide)
        f.weights = ctx.constantI32("weights_i16", words,
                                    "weights as int16 pairs (k, k+2), (k+1, k+3): per 4 units, per 4 inputs, per unit");
    else
        f.weights = ctx.constant("weights_packed", DType::Int8, bytes.data(), bytes.size(),
                                 "weights per 4 units, per 4 inputs (zero padded), per unit");
    return f;
}

// Inline asm: gcc splits 64-bit loads on M4, and in C it hoists the int8
// weight loads of the next units ahead of the SMLADs and spills.
void useFcDspHelpers(EmitContext &ctx, bool wide) {
    ctx.addHelper("ember_ld64",
                  "#if EMBER_DSP\n"
                  "/* two words from the 4-byte aligned *p with one LDRD; *p moves past them */\n"
                  "static inline void ember_ld64(const int32_t **p, int32_t *lo, int32_t *hi)\n"
                  "{\n"
                  "    __asm__(\"ldrd %0, %1, [%2], #8\"\n"
                  "            : \"=r\"(*lo), \"=r\"(*hi), \"+r\"(*p)\n"
                  "            : \"m\"(*(const int32_t(*)[2])*p));\n"
                  "}\n"
                  "#endif\n");
    if (wide) {
        ctx.addHelper("ember_lo16",
                      "/* the signed low / high halfword of an int16 pair word */\n"
                      "static inline int32_t ember_lo16(int32_t w)\n"
                      "{\n"
                      "    return (int16_t)(uint16_t)(uint32_t)w;\n"
                      "}\n"
                      "static inline int32_t ember_hi16(int32_t w)\n"
                      "{\n"
                      "    return (int16_t)(uint16_t)((uint32_t)w >> 16);\n"
                      "}\n");
        return;
    }
    ctx.addHelper("ember_ld_s8x4",
                  "#if EMBER_DSP\n"
                  "/* the int8 word at *p (bytes x0..x3) as the int16 pairs x02 = (x0, x2),\n"
                  " * x13 = (x1, x3); *p moves past the word */\n"
                  "static inline void ember_ld_s8x4(const int8_t **p, int32_t *x02, int32_t *x13)\n"
                  "{\n"
                  "    __asm__(\"ldr %1, [%2], #4\\n\\t\"\n"
                  "            \"sxtb16 %0, %1\\n\\t\"\n"
                  "            \"sxtb16 %1, %1, ror #8\"\n"
                  "            : \"=&r\"(*x02), \"=&r\"(*x13), \"+r\"(*p)\n"
                  "            : \"m\"(*(const int8_t(*)[4])*p));\n"
                  "}\n"
                  "#endif\n");
    ctx.addHelper("ember_mac4_s8",
                  "#if EMBER_DSP\n"
                  "/* acc + the 4 products of the int8 word at *p (bytes w0..w3) and the int16\n"
                  " * pairs x02 = (x0, x2), x13 = (x1, x3); *p moves past the word */\n"
                  "static inline int32_t ember_mac4_s8(int32_t acc, int32_t x02, int32_t x13, const int8_t **p)\n"
                  "{\n"
                  "    int32_t w13, w02;\n"
                  "    __asm__(\"ldr %1, [%3], #4\\n\\t\"\n"
                  "            \"sxtb16 %2, %1\\n\\t\"\n"
                  "            \"sxtb16 %1, %1, ror #8\\n\\t\"\n"
                  "            \"smlad %0, %4, %2, %0\\n\\t\"\n"
                  "            \"smlad %0, %5, %1, %0\"\n"
                  "            : \"+r\"(acc), \"=&r\"(w13), \"=&r\"(w02), \"+r\"(*p)\n"
                  "            : \"r\"(x02), \"r\"(x13), \"m\"(*(const int8_t(*)[4])*p));\n"
                  "    return acc;\n"
                  "}\n"
                  "#endif\n");
}

bool emitFullyConnectedInt8Fast(const Graph &g, const Op &op, const ConvParams &p, const std::string &rows,
                                EmitContext &ctx) {
    if (!foldable(g, op, p)) return false;
    const int64_t depth = p.inC;
    const auto *wd = reinterpret_cast<const int8_t *>(g.in(op, 1).data.data());
    // One "border class": every unit reads the whole row.
    const AxisPlan one{{0}, {{0, 1}}};
    const std::vector<int32_t> folded = foldBias(g, op, p, one, one, [&](int oc, int, int) {
        int64_t s = 0;
        for (int64_t k = 0; k < depth; ++k) s += wd[oc * depth + k];
        return s;
    });
    useHelpers(ctx);
    const Paths ps = pathsFor(ctx);
    // Helium targets keep emitDot (its Helium and DSP branches) as it was.
    const bool packed = ps.dsp && !ps.mve;
    // Speed widens the row into a stack buffer of 2 bytes per input: at most
    // 2 KB, as the conv buffers (micro_speech's 4000-input layer would need
    // 8 KB, the whole stack of a small board); deeper rows stay int8.
    const bool wide = packed && optimizeForSpeed(emitOptimizeMode()) && (depth + 3) / 4 * 8 <= 2048;
    if (packed) useFcDspHelpers(ctx, wide);
    const StorePlan stores = planStores(ctx, p.rq);
    const std::string tab = ctx.constantI32("bias_folded", folded, "bias + input offset x weight row sums, per unit");
    FcPacked pk;
    if (packed) pk = packFcWeights(ctx, wd, p.outC, depth, wide);
    ctx.line("/* FULLY_CONNECTED input " + shapeString(g.in(op, 0).shape) + " as [" + rows + "," + n(depth) +
             "] x weights " + shapeString(g.in(op, 1).shape) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * " + requantComment(p.rq) + ".");
    if (packed) {
        ctx.line(" * Input offset folded into the bias. DSP: 4 units per pass over the row, weights repacked,");
        ctx.line(pk.wide ? " * the row widened once to int16 pairs and the weights pre-widened (--optimize speed):"
                         : " * each input word widened to int16 pairs once for the 4 units:");
        ctx.line(pk.wide ? " * one LDRD + two SMLAD per 4 inputs of a unit. */"
                         : " * LDR + two SXTB16 + two SMLAD per 4 inputs of a unit. */");
    } else
        ctx.line(" * Input offset folded into the bias; 4 units share each input load. */");
    // Opens the row loop and declares x/y; returns the indent inside.
    const auto rowHead = [&]() {
        int ind = 1;
        if (rows != "1") {
            ctx.line("for (int32_t b = 0; b < " + rows + "; ++b) {", ind++);
            ctx.line("const int8_t *x = " + ctx.inputs[0] + " + b * " + n(depth) + ";", ind);
            ctx.line("int8_t *y = " + ctx.outputs[0] + " + b * " + n(p.outC) + ";", ind);
        } else {
            ctx.line("const int8_t *x = " + ctx.inputs[0] + ";", ind);
            ctx.line("int8_t *y = " + ctx.outputs[0] + ";", ind);
        }
        return ind;
    };
    // Requantize + store `units` accumulators of units o, o + 1, ...
    const auto storeUnits = [&](int units, int in) {
        if (stores.mve) {
            ctx.line("#if EMBER_MVE", 0);
            std::vector<std::string> a;
            for (int c = 0; c < units; ++c) a.push_back(acc(0, c));
            emitStoreVec(ctx, stores, laneVector(a), "o", "y + o", units < 4 ? "vctp32q(" + n(units) + ")" : "", in);
            ctx.line("#else", 0);
        }
        for (int c = 0; c < units; ++c) {
            const std::string ch = c ? "o + " + n(c) : "o";
            emitStore(ctx, stores, acc(0, c), ch, "y[" + ch + "]", in);
        }
        if (stores.mve) ctx.line("#endif", 0);
    };
    const auto accInit = [&](int units, int in) {
        for (int c = 0; c < units; ++c)
            ctx.line("int32_t " + acc(0, c) + " = " + tab + "[o" + (c ? " + " + n(c) : "") + "];", in);
    };
    // Units in groups of 4 from o on (o a C name in scope), then the rest.
    const auto unitGroups = [&](int ind, const std::function<void(int, int)> &group) {
        const int quads = p.outC / 4;
        if (quads > 0) {
            ctx.line("for (int32_t o = 0; o < " + n(quads * 4) + "; o += 4) {", ind);
            group(4, ind + 1);
            ctx.line("}", ind);
        }
        if (p.outC % 4) {
            ctx.line("{", ind);
            ctx.line("const int32_t o = " + n(quads * 4) + ";", ind + 1);
            group(p.outC % 4, ind + 1);
            ctx.line("}", ind);
        }
    };
    if (packed) {
        ctx.line("#if EMBER_DSP", 0);
        // Speed: the row widened once into a stack buffer (2 bytes per input)
        // read with LDRD; balanced widens each word where it is used (no RAM).
        if (pk.wide)
            ctx.line("int32_t xs[" + n(2 * pk.steps) + "]; /* the input row as int16 pairs (x0, x2), (x1, x3) */", 1);
        int ind = rowHead();
        const int64_t full = depth / 4, rem = depth % 4;
        // The last 1-3 inputs as the two pairs (zero padded).
        const auto h = [&](int64_t j) { return "(uint32_t)(uint16_t)x[" + n(4 * full + j) + "]"; };
        const std::string tail02 = "(int32_t)(" + h(0) + (rem > 2 ? " | " + h(2) + " << 16" : "") + ")";
        const std::string tail13 = rem > 1 ? "(int32_t)" + h(1) : "0";
        if (pk.wide) {
            // Input bytes 4k .. 4k + 3 (k a loop variable, or 0) into xs[2k], xs[2k + 1].
            const auto widen = [&](bool loop, int in) {
                ctx.line(std::string("const int32_t v = ember_ld32(") + (loop ? "x + k * 4" : "x") + ");", in);
                ctx.line(std::string("xs[") + (loop ? "k * 2" : "0") + "] = __sxtb16(v);", in);
                ctx.line(std::string("xs[") + (loop ? "k * 2 + 1" : "1") + "] = ember_sxtb16_hi(v);", in);
            };
            if (full > 1) {
                ctx.line("for (int32_t k = 0; k < " + n(full) + "; ++k) {", ind);
                widen(true, ind + 1);
                ctx.line("}", ind);
            } else if (full == 1) {
                ctx.line("{", ind);
                widen(false, ind + 1);
                ctx.line("}", ind);
            }
            if (rem) {
                ctx.line("xs[" + n(2 * full) + "] = " + tail02 + ";", ind);
                ctx.line("xs[" + n(2 * full + 1) + "] = " + tail13 + ";", ind);
            }
        }
        // One group of 4 inputs for `units` units; `last`: the row's 1-3 last
        // inputs (balanced; speed reads them from the zero-padded buffer).
        const auto step = [&](int units, int in, bool last) {
            ctx.line("{", in);
            if (last) {
                ctx.line("const int32_t x0 = " + tail02 + ", x1 = " + tail13 + ";", in + 1);
            } else {
                ctx.line("int32_t x0, x1;", in + 1);
                ctx.line(pk.wide ? "ember_ld64(&xp, &x0, &x1);" : "ember_ld_s8x4(&xp, &x0, &x1);", in + 1);
            }
            if (pk.wide) ctx.line("int32_t w0, w1;", in + 1);
            for (int c = 0; c < units; ++c) {
                const std::string a = acc(0, c);
                if (pk.wide) {
                    ctx.line("ember_ld64(&wp, &w0, &w1);", in + 1);
                    ctx.line(a + " = __smlad(x0, w0, " + a + ");", in + 1);
                    ctx.line(a + " = __smlad(x1, w1, " + a + ");", in + 1);
                } else {
                    ctx.line(a + " = ember_mac4_s8(" + a + ", x0, x1, &wp);", in + 1);
                }
            }
            ctx.line("}", in);
        };
        unitGroups(ind, [&](int units, int in) {
            ctx.line(pk.wide ? "const int32_t *xp = xs;" : "const int8_t *xp = x;", in);
            ctx.line(std::string(pk.wide ? "const int32_t" : "const int8_t") + " *wp = " + pk.weights + " + " +
                         cMul("o", pk.wide ? pk.unitWords : 4 * pk.unitWords) + ";",
                     in);
            accInit(units, in);
            // Two groups of inputs per loop iteration (one loop test per 8 inputs).
            const int64_t loaded = pk.wide ? pk.steps : full, pairs = loaded / 2;
            if (pairs > 1) {
                ctx.line("for (int32_t k = 0; k < " + n(pairs) + "; ++k) {", in);
                step(units, in + 1, false);
                step(units, in + 1, false);
                ctx.line("}", in);
            } else if (pairs == 1) {
                step(units, in, false);
                step(units, in, false);
            }
            if (loaded % 2) step(units, in, false);
            if (!pk.wide && rem) step(units, in, true);
            if (!pk.wide && full == 0) ctx.line("(void)xp;", in);
            storeUnits(units, in);
        });
        while (ind > 1) ctx.line("}", --ind);
        ctx.line("#else", 0);
        // The portable C reads the repacked weights too, so that the model's
        // array is referenced nowhere and left out of the package.
        ind = rowHead();
        unitGroups(ind, [&](int units, int in) {
            ctx.line("const int8_t *xp = x;", in);
            ctx.line(std::string(pk.wide ? "const int32_t" : "const int8_t") + " *wp = " + pk.weights + " + " +
                         cMul("o", pk.wide ? pk.unitWords : 4 * pk.unitWords) + ";",
                     in);
            accInit(units, in);
            // The products of inputs xp[0 .. count) and unit c's weights at wp
            // (speed: word 2c holds the int16 pair (w0, w2), word 2c + 1 (w1, w3)).
            const auto products = [&](int c, int64_t count) {
                std::string sum;
                for (int64_t j = 0; j < count; ++j)
                    sum += std::string(j ? " + " : "") + "xp[" + n(j) + "] * " +
                           (pk.wide ? std::string(j < 2 ? "ember_lo16" : "ember_hi16") + "(wp[" + n(2 * c + j % 2) + "])"
                                    : "wp[" + n(4 * c + j) + "]");
                return sum;
            };
            if (full > 0) {
                const int body = in + (full > 1 ? 1 : 0);
                if (full > 1) ctx.line("for (int32_t k = 0; k < " + n(full) + "; ++k) {", in);
                for (int c = 0; c < units; ++c) ctx.line(acc(0, c) + " += " + products(c, 4) + ";", body);
                ctx.line("xp += 4;", body);
                ctx.line("wp += " + n(pk.wide ? 2 * units : 4 * units) + ";", body);
                if (full > 1) ctx.line("}", in);
            }
            for (int c = 0; c < units && rem; ++c) ctx.line(acc(0, c) + " += " + products(c, rem) + ";", in);
            ctx.line("(void)xp;", in);
            ctx.line("(void)wp;", in);
            storeUnits(units, in);
        });
        while (ind > 1) ctx.line("}", --ind);
        ctx.line("#endif", 0);
        return true;
    }
    int ind = rowHead();
    unitGroups(ind, [&](int units, int in) {
        ctx.line("const int8_t *wc = " + ctx.inputs[1] + " + " + cMul("o", depth) + ";", in);
        accInit(units, in);
        emitDot(ctx, 1, units, "x", 0, "wc", depth, int(depth), in);
        storeUnits(units, in);
    });
    while (ind > 1) ctx.line("}", --ind);
    return true;
}

}  // namespace ember
