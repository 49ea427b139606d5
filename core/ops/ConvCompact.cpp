// --optimize size: int8 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED as
// calls of ONE generic kernel per op family (a static function in
// <name>_ops.c, emitted once), each layer passing its geometry and
// requantization in a const struct that lives in flash. No folded per-border
// bias tables, no unrolled or specialised bodies: the weights and bias are
// used as the model stores them, the per-channel requantization is one
// packed 32-bit word per channel, plus a nibble when the layer's shifts span
// more than 3 (see packRequant), and the geometry is int16_t. Same arithmetic
// as the reference kernels (TFLM's): acc = sum w * (x + input_offset) over the taps
// inside the input, + bias, MultiplyByQuantizedMultiplier, + output offset,
// clamp, so the bytes equal every other mode's.
#include "ConvFast.h"

#include <algorithm>
#include <climits>
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
                  " * mult == 0: every channel uses mult0/shift0. Else word c holds the channel's\n"
                  " * multiplier's low 30 bits (bit 30 is always set: it lies in [2^30, 2^31)) and,\n"
                  " * in bits 30-31, the low 2 bits of d = shift - shift0; shift_hi (if any) holds\n"
                  " * d's high 4 bits, two channels a byte. d == 63: a zero multiplier. */\n"
                  "struct ember_k_rq {\n"
                  "    const int32_t *mult;\n"
                  "    const uint8_t *shift_hi;\n"
                  "    int32_t mult0;\n"
                  "    int16_t shift0, out_offset, act_min, act_max;\n"
                  "};\n"
                  "\n"
                  "static int32_t ember_k_requant(const struct ember_k_rq *q, int32_t acc, int32_t c)\n"
                  "{\n"
                  "    int32_t qm = q->mult0, s = q->shift0;\n"
                  "    if (q->mult) {\n"
                  "        const uint32_t w = (uint32_t)q->mult[c];\n"
                  "        int32_t d = (int32_t)(w >> 30);\n"
                  "        if (q->shift_hi) d += (int32_t)((q->shift_hi[c >> 1] >> ((c & 1) * 4)) & 15u) << 2;\n"
                  "        qm = d == 63 ? 0 : (int32_t)((w & 0x3FFFFFFFu) | 0x40000000u);\n"
                  "        s += d;\n"
                  "    }\n"
                  "    return ember_clamp(ember_mbqm(acc, qm, s) + q->out_offset, q->act_min, q->act_max);\n"
                  "}\n");
}

// The requantization constants: nothing when uniform, else one packed word
// per channel (multiplier's low 30 bits, shift's low 2 bits relative to the
// layer's lowest) plus, when the shifts of the layer span more than 3 or a
// multiplier is 0, a nibble per channel with the shift's high bits: 4 or 4.5
// bytes per channel. TFLite's multipliers are 0 (any shift gives 0) or in
// [2^30, 2^31) with shifts in [-31, 30], so this always applies; anything
// else (std::nullopt) leaves the layer to the regular kernels.
std::optional<std::string> packRequant(EmitContext &ctx, const Requant &rq) {
    const int32_t m0 = rq.multiplier.empty() ? 0 : rq.multiplier[0], s0 = rq.shift.empty() ? 0 : rq.shift[0];
    const auto i16 = [](int32_t v) { return v >= -32768 && v <= 32767; };
    if (!i16(rq.outputOffset) || !i16(rq.actMin) || !i16(rq.actMax) || !i16(s0)) return std::nullopt;
    std::string mult = "0", shiftHi = "0", base = n(s0);
    if (!rq.uniform()) {
        int32_t lo = INT32_MAX, hi = INT32_MIN;
        bool zero = false;
        for (size_t c = 0; c < rq.multiplier.size(); ++c) {
            if (rq.multiplier[c] == 0) {
                zero = true;  // TFLite's "scale too small": shift irrelevant
                continue;
            }
            if (rq.multiplier[c] < (int32_t(1) << 30)) return std::nullopt;
            lo = std::min(lo, rq.shift[c]);
            hi = std::max(hi, rq.shift[c]);
        }
        if (lo > hi) lo = hi = 0;                       // every multiplier 0
        if (int64_t(hi) - lo > 62 || lo < -32768) return std::nullopt;
        const bool wide = zero || hi - lo > 3;
        std::vector<int32_t> w;
        std::vector<uint8_t> nib((rq.multiplier.size() + 1) / 2, 0);
        for (size_t c = 0; c < rq.multiplier.size(); ++c) {
            const uint32_t d = rq.multiplier[c] == 0 ? 63u : uint32_t(rq.shift[c] - lo);
            w.push_back(int32_t((uint32_t(rq.multiplier[c]) & 0x3FFFFFFFu) | ((d & 3u) << 30)));
            nib[c / 2] |= uint8_t((d >> 2) << ((c & 1) * 4));
        }
        mult = ctx.constantI32("rq", w, "per channel: multiplier low 30 bits | (shift - (" + n(lo) + ")) << 30" +
                                            std::string(wide ? " (low 2 bits)" : ""));
        if (wide)
            shiftHi = ctx.constant("rqhi", DType::UInt8, nib.data(), nib.size(),
                                   "per channel, a nibble each: (shift - (" + n(lo) + ")) >> 2; 15 with low bits 3: "
                                   "multiplier 0");
        base = n(lo);
    }
    return "{" + mult + ", " + shiftHi + ", " + n(m0) + ", " + base + ", " + n(rq.outputOffset) + ", " +
           n(rq.actMin) + ", " + n(rq.actMax) + "}";
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
    // The geometry as int16_t (half the struct); a layer with a larger value
    // keeps the regular kernels.
    const int geometry[] = {p.batches,   p.inH,       p.inW,    p.inC,     p.filterH, p.filterW, p.filterC,
                            p.outH,      p.outW,      p.outC,   p.strideH, p.strideW, p.dilationH,
                            p.dilationW, p.padTop,    p.padLeft, p.rq.inputOffset};
    for (int v : geometry)
        if (v < -32768 || v > 32767) return false;
    const std::optional<std::string> rq = packRequant(ctx, p.rq);
    if (!rq) return false;
    useRequantKernel(ctx);
    ctx.addHelper("ember_k_conv",
                  "/* --optimize size: every int8 CONV_2D (depth_mult 0; filter [out_c][f_h][f_w][f_c],\n"
                  " * groups of group_c output channels) and DEPTHWISE_CONV_2D (filter\n"
                  " * [f_h][f_w][out_c], output channel c reads input channel c / depth_mult):\n"
                  " * taps outside the input are skipped, as padding adds nothing. */\n"
                  "struct ember_k_conv {\n"
                  "    int16_t batches, in_h, in_w, in_c, f_h, f_w, f_c, out_h, out_w, out_c;\n"
                  "    int16_t stride_h, stride_w, dil_h, dil_w, pad_top, pad_left, group_c, depth_mult, in_offset;\n"
                  "    struct ember_k_rq rq;\n"
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
                  "                                       ((int32_t)xp[oc / p->depth_mult] + p->in_offset);\n"
                  "                            } else {\n"
                  "                                const int8_t *wp = w + ((oc * p->f_h + ky) * p->f_w + kx) * p->f_c;\n"
                  "                                xp += (oc / p->group_c) * p->f_c;\n"
                  "                                for (int32_t ic = 0; ic < p->f_c; ++ic)\n"
                  "                                    acc += (int32_t)wp[ic] * ((int32_t)xp[ic] + p->in_offset);\n"
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
    ctx.line(" * " + requantComment(p.rq) + "; --optimize size: the shared kernel ember_k_conv_s8. */");
    ctx.line("static const struct ember_k_conv p = {");
    ctx.line("/* batches, in h/w/c */ " + n(p.batches) + ", " + n(p.inH) + ", " + n(p.inW) + ", " + n(p.inC) + ",", 2);
    ctx.line("/* filter h/w/c */ " + n(p.filterH) + ", " + n(p.filterW) + ", " + n(p.filterC) + ",", 2);
    ctx.line("/* out h/w/c */ " + n(p.outH) + ", " + n(p.outW) + ", " + n(p.outC) + ",", 2);
    ctx.line("/* stride, dilation, padding top/left */ " + n(p.strideH) + ", " + n(p.strideW) + ", " + n(p.dilationH) +
                 ", " + n(p.dilationW) + ", " + n(p.padTop) + ", " + n(p.padLeft) + ",",
             2);
    ctx.line("/* channels per group, depth multiplier, input offset */ " + n(p.outC / std::max(1, p.groups)) + ", " +
                 n(depthwise ? std::max(1, p.depthMultiplier) : 0) + ", " + n(p.rq.inputOffset) + ",",
             2);
    ctx.line("/* requantization */ " + *rq + "};", 2);
    ctx.line("ember_k_conv_s8(&p, " + ctx.inputs[0] + ", " + ctx.inputs[1] + ", " + biasArg(g, op, ctx) + ", " +
             ctx.outputs[0] + ");");
    return true;
}

bool emitFullyConnectedInt8Compact(const Graph &g, const Op &op, const ConvParams &p, const std::string &rows,
                                   EmitContext &ctx) {
    if (!compactApplies(g, op, p, ctx, false)) return false;
    const std::optional<std::string> rq = packRequant(ctx, p.rq);
    if (!rq) return false;
    useRequantKernel(ctx);
    ctx.addHelper("ember_k_fc",
                  "/* --optimize size: every int8 FULLY_CONNECTED (weights [units][depth]). */\n"
                  "struct ember_k_fc {\n"
                  "    int32_t depth, units, in_offset;\n"
                  "    struct ember_k_rq rq;\n"
                  "};\n"
                  "\n"
                  "static void ember_k_fc_s8(const struct ember_k_fc *p, int32_t rows, const int8_t *x, const int8_t *w,\n"
                  "                          const int32_t *bias, int8_t *y)\n"
                  "{\n"
                  "    for (int32_t r = 0; r < rows; ++r, x += p->depth) {\n"
                  "        for (int32_t o = 0; o < p->units; ++o) {\n"
                  "            const int8_t *wo = w + o * p->depth;\n"
                  "            int32_t acc = 0;\n"
                  "            for (int32_t k = 0; k < p->depth; ++k) acc += (int32_t)wo[k] * ((int32_t)x[k] + p->in_offset);\n"
                  "            if (bias) acc += bias[o];\n"
                  "            *y++ = (int8_t)ember_k_requant(&p->rq, acc, o);\n"
                  "        }\n"
                  "    }\n"
                  "}\n");
    ctx.line("/* FULLY_CONNECTED input " + shapeString(g.in(op, 0).shape) + " as [" + rows + "," + n(p.inC) +
             "] x weights " + shapeString(g.in(op, 1).shape) + " -> output " + shapeString(g.out(op).shape) + ";");
    ctx.line(" * " + requantComment(p.rq) + "; --optimize size: the shared kernel ember_k_fc_s8. */");
    ctx.line("static const struct ember_k_fc p = {/* depth, units, input offset */ " + n(p.inC) + ", " + n(p.outC) +
             ", " + n(p.rq.inputOffset) + ",");
    ctx.line("/* requantization */ " + *rq + "};", 2);
    ctx.line("ember_k_fc_s8(&p, " + rows + ", " + ctx.inputs[0] + ", " + ctx.inputs[1] + ", " + biasArg(g, op, ctx) +
             ", " + ctx.outputs[0] + ");");
    return true;
}

}  // namespace ember
