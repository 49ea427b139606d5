// --optimize size: int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED as
// calls of ONE generic kernel per op family (a static function in
// <name>_ops.c, emitted once), each layer passing its geometry and
// requantization in a const struct that lives in flash. No folded per-border
// bias tables, no unrolled or specialised bodies: the weights and bias are
// used as the model stores them, the per-channel requantization is one
// packed 32-bit word per channel, plus a nibble when the layer's shifts span
// more than 3 (see packRequant); channels whose output is the same for every
// input (pruned ones) share a word holding that output, through a byte per
// channel, where that is smaller (constantChannels); the geometry is int16_t
// and uint8_t. Same arithmetic
// as the reference kernels (TFLM's): acc = sum w * (x + input_offset) over the taps
// inside the input, + bias, MultiplyByQuantizedMultiplier, + output offset,
// clamp, so the bytes equal every other mode's.
#include "ConvFast.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <optional>

namespace ember {
namespace {

std::string n(int64_t v) { return std::to_string(v); }

// The shared requantization: struct and function, once per generated file.
void useRequantKernel(EmitContext &ctx) {
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
    ctx.addHelper("ember_k_rq",
                  "/* --optimize size: per-channel requantization of the generic kernels.\n"
                  " * mult == 0: every channel uses mult0/shift0. Else, with map == 0, word c\n"
                  " * holds channel c's multiplier's low 30 bits (bit 30 is always set: it lies\n"
                  " * in [2^30, 2^31)) and, in bits 30-31, the low 2 bits of d = shift - shift0;\n"
                  " * shift_hi (if any) holds d's high 4 bits, two words a byte. d == 63: a zero\n"
                  " * multiplier. With map, channel c uses word map[c]: words below `live` are\n"
                  " * coded as above, the others are the output of channels whose output is the\n"
                  " * same for every input (known at compile time). in_offset: the input's,\n"
                  " * for the kernels. */\n"
                  "struct ember_k_rq {\n"
                  "    const int32_t *mult;\n"
                  "    const uint8_t *shift_hi, *map;\n"
                  "    int32_t mult0;\n"
                  "    int16_t live, in_offset;\n"
                  "    int8_t shift0, out_offset, act_min, act_max;\n"
                  "};\n"
                  "\n"
                  "static int32_t ember_k_requant(const struct ember_k_rq *q, int32_t acc, int32_t c)\n"
                  "{\n"
                  "    int32_t qm = q->mult0, s = q->shift0;\n"
                  "    if (q->mult) {\n"
                  "        uint32_t w;\n"
                  "        int32_t d;\n"
                  "        if (q->map) {\n"
                  "            c = q->map[c];\n"
                  "            if (c >= q->live) return q->mult[c];\n"
                  "        }\n"
                  "        w = (uint32_t)q->mult[c];\n"
                  "        d = (int32_t)(w >> 30);\n"
                  "        if (q->shift_hi) d += (int32_t)((q->shift_hi[c >> 1] >> ((c & 1) * 4)) & 15u) << 2;\n"
                  "        qm = d == 63 ? 0 : (int32_t)((w & 0x3FFFFFFFu) | 0x40000000u);\n"
                  "        s += d;\n"
                  "    }\n"
                  "    return ember_clamp(ember_mbqm(acc, qm, s) + q->out_offset, q->act_min, q->act_max);\n"
                  "}\n");
}

// Where channel c's filter taps lie: `count` taps, `stride` apart, from c * `block`.
struct Taps {
    int64_t count = 0, stride = 1, block = 0;
};

// Per output channel, its output when that is the same for every input, as
// TFLM computes it: acc = bias + sum w * (x + input_offset) lies, for any
// int8 x, between the sums of each tap's smallest and largest product (a tap
// outside the input adds 0, which lies between them as well, since
// x + input_offset spans 0), and the requantization (positive multiplier,
// rounding shifts, clamp) never decreases with acc, so equal outputs at both
// ends mean that output everywhere. Pruned channels (bias +-2^30 with a
// tiny scale, as in MLPerf's VWW) and zero multipliers are such channels.
// Needs constant weights and bias, and both ends exact in int32.
std::vector<std::optional<int32_t>> constantChannels(const Graph &g, const Op &op, const Requant &rq, const Taps &t) {
    const size_t channels = rq.multiplier.size();
    std::vector<std::optional<int32_t>> out(channels);
    const Tensor &w = g.in(op, 1);
    if (!w.isConst) return out;
    const bool hasBias = g.hasInput(op, 2);
    if (hasBias && (!g.in(op, 2).isConst || g.in(op, 2).data.size() < channels * 4)) return out;
    const int64_t lo = -128 + int64_t(rq.inputOffset), hi = 127 + int64_t(rq.inputOffset);
    const auto *wv = reinterpret_cast<const int8_t *>(w.data.data());
    for (size_t c = 0; c < channels; ++c) {
        int64_t amin = 0, amax = 0;
        if (hasBias) {
            int32_t b;
            std::memcpy(&b, g.in(op, 2).data.data() + c * 4, 4);
            amin = amax = b;
        }
        bool ok = true;
        for (int64_t k = 0; k < t.count && ok; ++k) {
            const int64_t i = int64_t(c) * t.block + k * t.stride;
            if (i < 0 || i >= int64_t(w.data.size())) ok = false;
            else {
                const int64_t a = int64_t(wv[i]) * lo, b = int64_t(wv[i]) * hi;
                amin += std::min<int64_t>(0, std::min(a, b));
                amax += std::max<int64_t>(0, std::max(a, b));
            }
        }
        const int32_t m = rq.multiplier[c], s = rq.shift[c];
        const int64_t lim = (int64_t(1) << 31) >> std::max(0, s);
        if (!ok || m < 0 || s > 30 || amin < -lim || amax >= lim) continue;
        const auto f = [&](int64_t acc) {
            const int32_t v = multiplyByQuantizedMultiplier(int32_t(acc), m, s) + rq.outputOffset;
            return std::clamp(v, rq.actMin, rq.actMax);
        };
        if (f(amin) == f(amax)) out[c] = f(amin);
    }
    return out;
}

// The requantization constants: nothing when uniform, else one packed word
// per channel (multiplier's low 30 bits, shift's low 2 bits relative to the
// layer's lowest) plus, when the shifts of the layer span more than 3 or a
// multiplier is 0, a nibble per channel with the shift's high bits: 4 or 4.5
// bytes per channel. When that is smaller, channels whose output is constant
// (constantChannels) share a word holding that output, and a byte per channel
// maps it to its word. TFLite's multipliers are 0 (any shift gives 0) or in
// [2^30, 2^31) with shifts in [-31, 30], so this always applies; anything
// else (std::nullopt) leaves the layer to the regular kernels.
std::optional<std::string> packRequant(EmitContext &ctx, const Requant &rq,
                                       const std::vector<std::optional<int32_t>> &constant, std::string *note) {
    const int32_t m0 = rq.multiplier.empty() ? 0 : rq.multiplier[0], s0 = rq.shift.empty() ? 0 : rq.shift[0];
    const auto i8 = [](int32_t v) { return v >= -128 && v <= 127; };
    if (!i8(rq.outputOffset) || !i8(rq.actMin) || !i8(rq.actMax) || rq.inputOffset < -32768 ||
        rq.inputOffset > 32767)
        return std::nullopt;
    // mult, shift_hi, map, mult0, live, in_offset, shift0, out_offset, act_min, act_max
    const auto init = [&](const std::string &mult, const std::string &hi, const std::string &map, int32_t base,
                          size_t live) {
        return "{" + mult + ", " + hi + ", " + map + ", " + n(m0) + ", " + n(int64_t(live)) + ", " +
               n(rq.inputOffset) + ", " + n(base) + ", " + n(rq.outputOffset) + ", " + n(rq.actMin) + ", " +
               n(rq.actMax) + "}";
    };
    if (rq.uniform()) return i8(s0) ? std::optional<std::string>(init("0", "0", "0", s0, 0)) : std::nullopt;
    const size_t channels = rq.multiplier.size();
    for (size_t c = 0; c < channels; ++c)
        if (rq.multiplier[c] != 0 && rq.multiplier[c] < (int32_t(1) << 30)) return std::nullopt;
    // The words of the channels in `live` (channel indices), with the shift
    // base and whether the nibbles are needed; nullopt if the span is too wide.
    struct Words {
        std::vector<int32_t> w;
        std::vector<uint8_t> nib;
        int32_t lo = 0;
        bool wide = false;
    };
    const auto words = [&](const std::vector<size_t> &live) -> std::optional<Words> {
        int32_t lo = INT32_MAX, hi = INT32_MIN;
        bool zero = false;
        for (size_t c : live) {
            if (rq.multiplier[c] == 0) {
                zero = true;  // TFLite's "scale too small": shift irrelevant
                continue;
            }
            lo = std::min(lo, rq.shift[c]);
            hi = std::max(hi, rq.shift[c]);
        }
        if (lo > hi) lo = hi = 0;  // every multiplier 0
        if (int64_t(hi) - lo > 62 || lo < -128) return std::nullopt;
        Words r;
        r.lo = lo;
        r.wide = zero || hi - lo > 3;
        r.nib.assign((live.size() + 1) / 2, 0);
        for (size_t i = 0; i < live.size(); ++i) {
            const size_t c = live[i];
            const uint32_t d = rq.multiplier[c] == 0 ? 63u : uint32_t(rq.shift[c] - lo);
            r.w.push_back(int32_t((uint32_t(rq.multiplier[c]) & 0x3FFFFFFFu) | ((d & 3u) << 30)));
            r.nib[i / 2] |= uint8_t((d >> 2) << ((i & 1) * 4));
        }
        return r;
    };
    std::vector<size_t> all(channels), live;
    std::vector<int32_t> outputs;  // the distinct constant outputs
    std::vector<uint8_t> map(channels);
    for (size_t c = 0; c < channels; ++c) all[c] = c;
    std::optional<Words> direct = words(all);
    for (size_t c = 0; c < channels; ++c)
        if (!constant[c]) live.push_back(c);
    std::optional<Words> mapped = words(live);
    for (size_t c = 0; c < channels; ++c) {
        if (!constant[c]) continue;
        const auto it = std::find(outputs.begin(), outputs.end(), *constant[c]);
        if (it == outputs.end()) outputs.push_back(*constant[c]);
    }
    const auto bytes = [](const Words &x) { return x.w.size() * 4 + (x.wide ? x.nib.size() : 0); };
    const bool useMap = mapped && live.size() + outputs.size() <= 256 &&
                        (!direct || channels + bytes(*mapped) + outputs.size() * 4 < bytes(*direct));
    if (!useMap && !direct) return std::nullopt;
    Words &x = useMap ? *mapped : *direct;
    std::string mapName = "0";
    if (useMap) {
        for (size_t i = 0, c = 0; c < channels; ++c) {
            if (constant[c])
                map[c] = uint8_t(live.size() + size_t(std::find(outputs.begin(), outputs.end(), *constant[c]) -
                                                       outputs.begin()));
            else
                map[c] = uint8_t(i++);
        }
        x.w.insert(x.w.end(), outputs.begin(), outputs.end());
        *note = "; " + n(int64_t(channels - live.size())) + " of " + n(int64_t(channels)) +
                " channels output a constant (" + n(int64_t(outputs.size())) + " distinct): words shared through a map";
        mapName = ctx.constant("rqmap", DType::UInt8, map.data(), map.size(),
                               "per channel, its word in rq: below " + n(int64_t(live.size())) +
                                   " its requantization, else its output, the same for every input");
    }
    const std::string mult =
        ctx.constantI32("rq", x.w,
                        std::string(useMap ? "per word below " + n(int64_t(live.size())) + ", then constant outputs"
                                           : "per channel") +
                            ": multiplier low 30 bits | (shift - (" + n(x.lo) + ")) << 30" +
                            std::string(x.wide ? " (low 2 bits)" : ""));
    std::string shiftHi = "0";
    if (x.wide)
        shiftHi = ctx.constant("rqhi", DType::UInt8, x.nib.data(), x.nib.size(),
                               "per word, a nibble each: (shift - (" + n(x.lo) + ")) >> 2; 15 with low bits 3: "
                               "multiplier 0");
    return init(mult, shiftHi, mapName, x.lo, useMap ? live.size() : 0);
}

// Plain int8 x int8 (+ int32 bias), 32-bit accumulator, fixed shapes.
bool compactApplies(const Graph &g, const Op &op, const ConvParams &p, const EmitContext &ctx, bool fixedShapes) {
    if (p.rq.dtype != DType::Int8 || p.rq.acc64 || g.in(op, 1).dtype != DType::Int8) return false;
    if (g.hasInput(op, 2) && g.in(op, 2).dtype != DType::Int32) return false;
    if (fixedShapes)
        for (size_t i = 0; i < ctx.inputs.size(); ++i)
            if (ctx.inputDynamic(i)) return false;
    return true;
}

std::string biasArg(const Graph &g, const Op &op, const EmitContext &ctx) {
    return g.hasInput(op, 2) && ctx.inputs.size() > 2 ? ctx.inputs[2] : "0";
}

}  // namespace

bool emitConvInt8Compact(const Graph &g, const Op &op, const ConvParams &p, bool depthwise, EmitContext &ctx) {
    if (!compactApplies(g, op, p, ctx, true)) return false;
    // The geometry as int16_t and, for the fields that are small in any
    // practical model, uint8_t; a layer with a larger value keeps the
    // regular kernels.
    const int wide[] = {p.inH, p.inW, p.inC, p.filterC, p.outH, p.outW, p.outC};
    const int small[] = {p.batches, p.filterH,  p.filterW, p.strideH,         p.strideW,
                         p.dilationH, p.dilationW, p.padTop, p.padLeft, p.depthMultiplier};
    for (int v : wide)
        if (v < -32768 || v > 32767) return false;
    for (int v : small)
        if (v < 0 || v > 255) return false;
    // Filter [out_c][f_h][f_w][f_c], depthwise [1][f_h][f_w][out_c].
    const Taps taps = depthwise ? Taps{int64_t(p.filterH) * p.filterW, p.outC, 1}
                                : Taps{int64_t(p.filterH) * p.filterW * p.filterC, 1,
                                       int64_t(p.filterH) * p.filterW * p.filterC};
    std::string note;
    const std::optional<std::string> rq = packRequant(ctx, p.rq, constantChannels(g, op, p.rq, taps), &note);
    if (!rq) return false;
    useRequantKernel(ctx);
    ctx.addHelper("ember_k_conv",
                  "/* --optimize size: every int8 CONV_2D (depth_mult 0; filter [out_c][f_h][f_w][f_c],\n"
                  " * groups of group_c output channels) and DEPTHWISE_CONV_2D (filter\n"
                  " * [f_h][f_w][out_c], output channel c reads input channel c / depth_mult):\n"
                  " * taps outside the input are skipped, as padding adds nothing. */\n"
                  "struct ember_k_conv {\n"
                  "    struct ember_k_rq rq;\n"
                  "    int16_t in_h, in_w, in_c, f_c, out_h, out_w, out_c, group_c;\n"
                  "    uint8_t batches, f_h, f_w, stride_h, stride_w, dil_h, dil_w, pad_top, pad_left, depth_mult;\n"
                  "};\n"
                  "\n"
                  "static void ember_k_conv_s8(const struct ember_k_conv *p, const int8_t *x, const int8_t *w,\n"
                  "                            const int32_t *bias, int8_t *y)\n"
                  "{\n"
                  "    for (int32_t b = 0; b < p->batches; ++b) {\n"
                  "        const int8_t *xb = x + b * p->in_h * p->in_w * p->in_c;\n"
                  "        for (int32_t oy = 0; oy < p->out_h; ++oy) {\n"
                  "            for (int32_t ox = 0; ox < p->out_w; ++ox) {\n"
                  "                const int32_t iy0 = oy * p->stride_h - p->pad_top, ix0 = ox * p->stride_w - p->pad_left;\n"
                  "                for (int32_t oc = 0; oc < p->out_c; ++oc) {\n"
                  "                    int32_t acc = 0;\n"
                  "                    for (int32_t ky = 0; ky < p->f_h; ++ky) {\n"
                  "                        const int32_t iy = iy0 + ky * p->dil_h;\n"
                  "                        if (iy < 0 || iy >= p->in_h) continue;\n"
                  "                        for (int32_t kx = 0; kx < p->f_w; ++kx) {\n"
                  "                            const int32_t ix = ix0 + kx * p->dil_w;\n"
                  "                            const int8_t *xp;\n"
                  "                            if (ix < 0 || ix >= p->in_w) continue;\n"
                  "                            xp = xb + (iy * p->in_w + ix) * p->in_c;\n"
                  "                            if (p->depth_mult) {\n"
                  "                                acc += (int32_t)w[(ky * p->f_w + kx) * p->out_c + oc] *\n"
                  "                                       ((int32_t)xp[oc / p->depth_mult] + p->rq.in_offset);\n"
                  "                            } else {\n"
                  "                                const int8_t *wp = w + ((oc * p->f_h + ky) * p->f_w + kx) * p->f_c;\n"
                  "                                xp += (oc / p->group_c) * p->f_c;\n"
                  "                                for (int32_t ic = 0; ic < p->f_c; ++ic)\n"
                  "                                    acc += (int32_t)wp[ic] * ((int32_t)xp[ic] + p->rq.in_offset);\n"
                  "                            }\n"
                  "                        }\n"
                  "                    }\n"
                  "                    if (bias) acc += bias[oc];\n"
                  "                    *y++ = (int8_t)ember_k_requant(&p->rq, acc, oc);\n"
                  "                }\n"
                  "            }\n"
                  "        }\n"
                  "    }\n"
                  "}\n");
    ctx.line(std::string("/* ") + (depthwise ? "DEPTHWISE_CONV_2D " : "CONV_2D ") + describeConv(g, op) + " -> output " +
             shapeString(g.out(op).shape) + ";");
    ctx.line(" * " + requantComment(p.rq) + note + "; --optimize size: the shared kernel ember_k_conv_s8. */");
    ctx.line("static const struct ember_k_conv p = {");
    ctx.line("/* requantization */ " + *rq + ",", 2);
    ctx.line("/* in h/w/c, filter c, out h/w/c */ " + n(p.inH) + ", " + n(p.inW) + ", " + n(p.inC) + ", " +
                 n(p.filterC) + ", " + n(p.outH) + ", " + n(p.outW) + ", " + n(p.outC) + ",",
             2);
    ctx.line("/* channels per group */ " + n(p.outC / std::max(1, p.groups)) + ",", 2);
    ctx.line("/* batches, filter h/w */ " + n(p.batches) + ", " + n(p.filterH) + ", " + n(p.filterW) + ",", 2);
    ctx.line("/* stride, dilation, padding top/left */ " + n(p.strideH) + ", " + n(p.strideW) + ", " + n(p.dilationH) +
                 ", " + n(p.dilationW) + ", " + n(p.padTop) + ", " + n(p.padLeft) + ",",
             2);
    ctx.line("/* depth multiplier */ " + n(depthwise ? std::max(1, p.depthMultiplier) : 0) + "};", 2);
    ctx.line("ember_k_conv_s8(&p, " + ctx.inputs[0] + ", " + ctx.inputs[1] + ", " + biasArg(g, op, ctx) + ", " +
             ctx.outputs[0] + ");");
    return true;
}

bool emitFullyConnectedInt8Compact(const Graph &g, const Op &op, const ConvParams &p, const std::string &rows,
                                   EmitContext &ctx) {
    if (!compactApplies(g, op, p, ctx, false)) return false;
    std::string note;
    const std::optional<std::string> rq =
        packRequant(ctx, p.rq, constantChannels(g, op, p.rq, Taps{p.inC, 1, p.inC}), &note);
    if (!rq) return false;
    useRequantKernel(ctx);
    ctx.addHelper("ember_k_fc",
                  "/* --optimize size: every int8 FULLY_CONNECTED (weights [units][depth]). */\n"
                  "struct ember_k_fc {\n"
                  "    struct ember_k_rq rq;\n"
                  "    int32_t depth, units;\n"
                  "};\n"
                  "\n"
                  "static void ember_k_fc_s8(const struct ember_k_fc *p, int32_t rows, const int8_t *x, const int8_t *w,\n"
                  "                          const int32_t *bias, int8_t *y)\n"
                  "{\n"
                  "    for (int32_t r = 0; r < rows; ++r, x += p->depth) {\n"
                  "        for (int32_t o = 0; o < p->units; ++o) {\n"
                  "            const int8_t *wo = w + o * p->depth;\n"
                  "            int32_t acc = 0;\n"
                  "            for (int32_t k = 0; k < p->depth; ++k) acc += (int32_t)wo[k] * ((int32_t)x[k] + p->rq.in_offset);\n"
                  "            if (bias) acc += bias[o];\n"
                  "            *y++ = (int8_t)ember_k_requant(&p->rq, acc, o);\n"
                  "        }\n"
                  "    }\n"
                  "}\n");
    ctx.line("/* FULLY_CONNECTED input " + shapeString(g.in(op, 0).shape) + " as [" + rows + "," + n(p.inC) +
             "] x weights " + shapeString(g.in(op, 1).shape) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * " + requantComment(p.rq) + note + "; --optimize size: the shared kernel ember_k_fc_s8. */");
    ctx.line("static const struct ember_k_fc p = {/* requantization */ " + *rq + ",");
    ctx.line("/* depth, units */ " + n(p.inC) + ", " + n(p.outC) + "};", 2);
    ctx.line("ember_k_fc_s8(&p, " + rows + ", " + ctx.inputs[0] + ", " + ctx.inputs[1] + ", " + biasArg(g, op, ctx) +
             ", " + ctx.outputs[0] + ");");
    return true;
}

}  // namespace ember
