// Shared pieces of the Signal library kernels; see SignalCommon.h.
#include "SignalCommon.h"

namespace ember::signal {

bool Check::io(size_t nIn, size_t nOut) const {
    if (op.inputs.size() != nIn || op.outputs.size() != nOut)
        return fail("expects " + std::to_string(nIn) + " input(s) and " + std::to_string(nOut) + " output(s)");
    for (size_t i = 0; i < nIn; ++i)
        if (op.inputs[i] < 0) return fail("input " + std::to_string(i + 1) + " is missing");
    for (size_t i = 0; i < nOut; ++i)
        if (op.outputs[i] < 0) return fail("output " + std::to_string(i + 1) + " is missing");
    return true;
}

bool Check::tensor(size_t i, bool output, DType dt, int rank, const char *role) const {
    const int idx = output ? op.outputs[i] : op.inputs[i];
    const Tensor &t = g.tensors[size_t(idx)];
    if (t.dtype != dt)
        return fail(std::string("the ") + role + " must be " + dtypeName(dt) + ", not " + dtypeName(t.dtype), idx);
    if (rank >= 0 && int(t.shape.size()) != rank)
        return fail(std::string("the ") + role + " must have rank " + std::to_string(rank) + ", not " +
                        shapeString(t.shape),
                    idx);
    if (rank < 0 && t.shape.empty()) return fail(std::string("the ") + role + " must have rank >= 1", idx);
    return true;
}

bool Check::options(flexbuffers::Map *m) const {
    const auto &buf = op.attrs.customOptions;
    if (buf.empty() || !flexbuffers::VerifyBuffer(buf.data(), buf.size()) ||
        !flexbuffers::GetRoot(buf.data(), buf.size()).IsMap())
        return fail("has no valid FlexBuffer options map; re-export the model with the Signal library's converter");
    *m = flexbuffers::GetRoot(buf.data(), buf.size()).AsMap();
    return true;
}

bool Check::intOption(const flexbuffers::Map &m, const char *key, int64_t *v) const {
    const flexbuffers::Reference r = m[key];
    if (r.IsNull()) return fail(std::string("option '") + key + "' is missing; re-export the model");
    *v = r.AsInt64();
    return true;
}

uint32_t msb32(uint32_t x) { return x ? 32u - uint32_t(__builtin_clz(x)) : 32u; }
uint32_t msb64(uint64_t x) { return x ? 64u - uint32_t(__builtin_clzll(x)) : 64u; }

namespace {

// Bit-by-bit integer square root of signal/src/square_root.cc, rounded up
// when the remainder says so and the result's half-width allows it. U is
// uint32_t or uint64_t; the root fits in half of U's bits.
template <class U>
U roundedSqrt(U num) {
    constexpr int kBits = int(sizeof(U) * 8);
    constexpr U kMaxRoot = (U(1) << (kBits / 2)) - 1;
    if (num == 0) return 0;
    U res = 0;
    const int msb = kBits == 32 ? int(msb32(uint32_t(num))) : int(msb64(uint64_t(num)));
    const int maxBit = (kBits - msb) | 1;
    U bit = U(1) << (kBits - 1 - maxBit);
    int iterations = (kBits - 1 - maxBit) / 2 + 1;
    while (iterations--) {
        if (num >= res + bit) {
            num -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    if (num > res && res != kMaxRoot) ++res;
    return res;
}

}  // namespace

uint16_t sqrt32(uint32_t num) { return uint16_t(roundedSqrt<uint32_t>(num)); }

uint32_t sqrt64(uint64_t num) {
    // TFLM takes the 32-bit path whenever the upper word is clear.
    if ((num >> 32) == 0) return sqrt32(uint32_t(num));
    return uint32_t(roundedSqrt<uint64_t>(num));
}

namespace {

// Piecewise-linear correction of log2's fractional part (signal/src/log.cc),
// 128 segments in units of 1/65536.
const uint16_t kLogLut[130] = {
    0,    224,  442,  654,  861,  1063, 1259, 1450, 1636, 1817, 1992, 2163, 2329, 2490, 2646, 2797, 2944,
    3087, 3224, 3358, 3487, 3611, 3732, 3848, 3960, 4068, 4172, 4272, 4368, 4460, 4549, 4633, 4714, 4791,
    4864, 4934, 5001, 5063, 5123, 5178, 5231, 5280, 5326, 5368, 5408, 5444, 5477, 5507, 5533, 5557, 5578,
    5595, 5610, 5622, 5631, 5637, 5640, 5641, 5638, 5633, 5626, 5615, 5602, 5586, 5568, 5547, 5524, 5498,
    5470, 5439, 5406, 5370, 5332, 5291, 5249, 5203, 5156, 5106, 5054, 5000, 4944, 4885, 4825, 4762, 4697,
    4630, 4561, 4490, 4416, 4341, 4264, 4184, 4103, 4020, 3935, 3848, 3759, 3668, 3575, 3481, 3384, 3286,
    3186, 3084, 2981, 2875, 2768, 2659, 2549, 2437, 2323, 2207, 2090, 1971, 1851, 1729, 1605, 1480, 1353,
    1224, 1094, 963,  830,  695,  559,  421,  282,  142,  0,    0};

std::string logLutC() {
    std::string s;
    for (int i = 0; i < 130; ++i) s += (i % 16 == 0 ? "\n        " : " ") + std::to_string(kLogLut[i]) + ",";
    return s;
}

}  // namespace

uint32_t log32(uint32_t x, uint32_t outScale) {
    const uint32_t integer = msb32(x) - 1;
    int32_t frac = int32_t(int64_t(x) - (int64_t(1) << integer));
    if (integer < 16) frac <<= 16 - integer;
    else frac >>= integer - 16;
    const uint32_t baseSeg = uint32_t(frac) >> 9;
    const int32_t c0 = kLogLut[baseSeg], c1 = kLogLut[baseSeg + 1];
    const int32_t segBase = int32_t(512u * baseSeg);
    const int32_t relPos = ((c1 - c0) * (frac - segBase)) >> 16;
    const uint32_t fraction = uint32_t(frac + c0 + relPos);
    const uint32_t log2 = (integer << 16) + fraction;
    const uint32_t loge = uint32_t((uint64_t(45426) * log2 + 32768) >> 16);
    return (outScale * loge + 32768u) >> 16;
}

void useSignalHelper(EmitContext &ctx, const std::string &name) {
    if (name == "ember_sig_msb32") {
        ctx.addHelper(name, "/* Bit length of x; 32 for 0 (as TFLM's GCC build). */\n"
                            "static uint32_t ember_sig_msb32(uint32_t x) {\n"
                            "    uint32_t n = 0;\n"
                            "    if (x == 0) return 32u;\n"
                            "    while (x) { x >>= 1; ++n; }\n"
                            "    return n;\n"
                            "}\n");
    } else if (name == "ember_sig_msb64") {
        ctx.addHelper(name, "/* Bit length of x; 64 for 0 (as TFLM's GCC build). */\n"
                            "static uint32_t ember_sig_msb64(uint64_t x) {\n"
                            "    uint32_t n = 0;\n"
                            "    if (x == 0) return 64u;\n"
                            "    while (x) { x >>= 1; ++n; }\n"
                            "    return n;\n"
                            "}\n");
    } else if (name == "ember_sig_sqrt32") {
        useSignalHelper(ctx, "ember_sig_msb32");
        ctx.addHelper(name, "/* Rounded integer square root (tflm_signal::Sqrt32). */\n"
                            "static uint16_t ember_sig_sqrt32(uint32_t num) {\n"
                            "    uint32_t res = 0, bit;\n"
                            "    int max_bit, iterations;\n"
                            "    if (num == 0) return 0;\n"
                            "    max_bit = (32 - (int)ember_sig_msb32(num)) | 1;\n"
                            "    bit = (uint32_t)1 << (31 - max_bit);\n"
                            "    iterations = (31 - max_bit) / 2 + 1;\n"
                            "    while (iterations--) {\n"
                            "        if (num >= res + bit) {\n"
                            "            num -= res + bit;\n"
                            "            res = (res >> 1) + bit;\n"
                            "        } else {\n"
                            "            res >>= 1;\n"
                            "        }\n"
                            "        bit >>= 2;\n"
                            "    }\n"
                            "    if (num > res && res != 0xFFFFu) ++res;\n"
                            "    return (uint16_t)res;\n"
                            "}\n");
    } else if (name == "ember_sig_sqrt64") {
        useSignalHelper(ctx, "ember_sig_sqrt32");
        useSignalHelper(ctx, "ember_sig_msb64");
        ctx.addHelper(name, "/* Rounded integer square root (tflm_signal::Sqrt64: 32-bit path when it fits). */\n"
                            "static uint32_t ember_sig_sqrt64(uint64_t num) {\n"
                            "    uint64_t res = 0, bit;\n"
                            "    int max_bit, iterations;\n"
                            "    if ((num >> 32) == 0) return ember_sig_sqrt32((uint32_t)num);\n"
                            "    max_bit = (64 - (int)ember_sig_msb64(num)) | 1;\n"
                            "    bit = (uint64_t)1 << (63 - max_bit);\n"
                            "    iterations = (63 - max_bit) / 2 + 1;\n"
                            "    while (iterations--) {\n"
                            "        if (num >= res + bit) {\n"
                            "            num -= res + bit;\n"
                            "            res = (res >> 1) + bit;\n"
                            "        } else {\n"
                            "            res >>= 1;\n"
                            "        }\n"
                            "        bit >>= 2;\n"
                            "    }\n"
                            "    if (num > res && res != 0xFFFFFFFFu) ++res;\n"
                            "    return (uint32_t)res;\n"
                            "}\n");
    } else if (name == "ember_sig_log32") {
        useSignalHelper(ctx, "ember_sig_msb32");
        ctx.addHelper(name, "/* Natural log scaled by out_scale / 65536 (tflm_signal::Log32). */\n"
                            "static uint32_t ember_sig_log32(uint32_t x, uint32_t out_scale) {\n"
                            "    static const uint16_t lut[130] = {" + logLutC() + "\n    };\n"
                            "    const uint32_t integer = ember_sig_msb32(x) - 1u;\n"
                            "    int32_t frac = (int32_t)(x - ((uint32_t)1 << integer));\n"
                            "    uint32_t base_seg, log2, loge;\n"
                            "    int32_t c0, c1, rel_pos;\n"
                            "    if (integer < 16u) frac <<= 16u - integer;\n"
                            "    else frac >>= integer - 16u;\n"
                            "    base_seg = (uint32_t)frac >> 9;\n"
                            "    c0 = lut[base_seg];\n"
                            "    c1 = lut[base_seg + 1u];\n"
                            "    rel_pos = ((c1 - c0) * (frac - (int32_t)(512u * base_seg))) >> 16;\n"
                            "    log2 = (integer << 16) + (uint32_t)(frac + c0 + rel_pos);\n"
                            "    loge = (uint32_t)(((uint64_t)45426u * log2 + 32768u) >> 16);\n"
                            "    return (out_scale * loge + 32768u) >> 16;\n"
                            "}\n");
    }
}

}  // namespace ember::signal
