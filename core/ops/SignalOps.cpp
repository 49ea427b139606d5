// TFLM Signal library, the audio front end's element-wise and filter-bank
// ops (signal/micro/kernels/*.cc, signal/src/*.cc at tflite-micro 90b983c2):
//   SignalWindow                         int16 x int16 window, >> shift, saturate
//   SignalFftAutoScale                   int16 left shift to use the full range (+ the shift)
//   SignalEnergy                         |X|^2 of int16 complex bins -> uint32
//   SignalFilterBank                     uint32 energies -> uint64 mel channels
//   SignalFilterBankSquareRoot           uint64 -> uint32 rounded sqrt >> scale_bits
//   SignalFilterBankSpectralSubtraction  uint32 noise reduction; keeps a noise
//                                        estimate between calls (a state tensor)
//   SignalFilterBankLog                  uint32 -> int16 fixed-point log
//   SignalPcan                           uint32 per-channel automatic gain control
// Options are FlexBuffer maps; the integer arithmetic is TFLM's, with its
// unsigned wrap-arounds kept (and its signed ones made explicit).
#include <algorithm>
#include <cstring>

#include "SignalCommon.h"

namespace ember {
namespace {

using signal::Check;

std::string num(int64_t v) { return std::to_string(v); }

template <class T> const T *inPtr(const Buffers &b, const Op &op, size_t i) {
    return reinterpret_cast<const T *>(b[size_t(op.inputs[i])].data());
}
template <class T> T *outPtr(Buffers &b, const Op &op, size_t i = 0) {
    return reinterpret_cast<T *>(b[size_t(op.outputs[i])].data());
}

// ---- SignalWindow ------------------------------------------------------------

struct WindowParams {
    int shift = 0;
    int64_t size = 0;  // input elements
    int width = 0;     // window length
};

bool prepareWindow(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalWindow"};
    if (!c.io(2, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t shift = 0;
    if (!c.options(&m) || !c.intOption(m, "shift", &shift)) return false;
    if (!c.tensor(0, false, DType::Int16, -1, "input") || !c.tensor(1, false, DType::Int16, 1, "window") ||
        !c.tensor(0, true, DType::Int16, -1, "output"))
        return false;
    const Tensor &in = g.in(op, 0), &w = g.in(op, 1);
    if (g.out(op).shape.size() != in.shape.size())
        return c.fail("input and output must have the same rank", op.outputs[0]);
    if (shift < 0 || shift > 31) return c.fail("shift " + num(shift) + " must be in [0, 31]");
    WindowParams p{int(shift), in.elements(), w.shape[0]};
    if (p.width < 1 || p.size % p.width)
        return c.fail("the input's " + num(p.size) + " samples are not a whole number of windows of " +
                      num(p.width), op.inputs[1]);
    if (g.out(op).elements() != p.size) return checkOutputShape(d, g, op, op.outputs[0], in.shape);
    op.params = p;
    return true;
}

void evalWindow(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const WindowParams &>(op.params);
    const int16_t *in = inPtr<int16_t>(b, op, 0), *w = inPtr<int16_t>(b, op, 1);
    int16_t *out = outPtr<int16_t>(b, op);
    for (int64_t i = 0; i < p.size; i += p.width)
        for (int j = 0; j < p.width; ++j) {
            const int32_t raw = (int32_t(in[i + j]) * w[j]) >> p.shift;
            out[i + j] = int16_t(std::clamp<int32_t>(raw, INT16_MIN, INT16_MAX));
        }
}

void emitWindow(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const WindowParams &>(op.params);
    ctx.line("int i, j;");
    ctx.line("for (i = 0; i < " + num(p.size) + "; i += " + num(p.width) + ") {");
    ctx.line("for (j = 0; j < " + num(p.width) + "; ++j) {", 2);
    ctx.line("const int32_t raw = ((int32_t)" + ctx.inputs[0] + "[i + j] * " + ctx.inputs[1] + "[j]) >> " +
                 num(p.shift) + ";",
             3);
    ctx.line(ctx.outputs[0] + "[i + j] = (int16_t)(raw < -32768 ? -32768 : raw > 32767 ? 32767 : raw);", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

// ---- SignalFftAutoScale -------------------------------------------------------

struct SizeParams {
    int64_t n = 0;
};

bool prepareFftAutoScale(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalFftAutoScale"};
    if (!c.io(1, 2)) return false;
    if (!c.tensor(0, false, DType::Int16, 1, "input") || !c.tensor(0, true, DType::Int16, 1, "output") ||
        !c.tensor(1, true, DType::Int32, 0, "scale bits output"))
        return false;
    if (g.out(op).shape != g.in(op, 0).shape) return checkOutputShape(d, g, op, op.outputs[0], g.in(op, 0).shape);
    op.params = SizeParams{g.out(op).elements()};
    return true;
}

void evalFftAutoScale(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const SizeParams &>(op.params);
    const int16_t *in = inPtr<int16_t>(b, op, 0);
    int16_t *out = outPtr<int16_t>(b, op, 0);
    int16_t mx = 0;  // MaxAbs16: -(-32768) wraps back to -32768
    for (int64_t i = 0; i < p.n; ++i) {
        if (in[i] > mx) mx = in[i];
        else if (-in[i] > mx) mx = int16_t(-in[i]);
    }
    int bits = 16 - int(signal::msb32(uint32_t(int32_t(mx)))) - 1;
    if (bits <= 0) bits = 0;
    for (int64_t i = 0; i < p.n; ++i) out[i] = int16_t(in[i] * (1 << bits));
    int32_t sb = bits;
    std::memcpy(outPtr<int32_t>(b, op, 1), &sb, 4);
}

void emitFftAutoScale(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const SizeParams &>(op.params);
    signal::useSignalHelper(ctx, "ember_sig_msb32");
    ctx.line("int16_t mx = 0;");
    ctx.line("int i, bits;");
    ctx.line("/* The largest magnitude; -(-32768) wraps back to -32768 as in TFLM's MaxAbs16. */");
    ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) {");
    ctx.line("const int16_t v = " + ctx.inputs[0] + "[i];", 2);
    ctx.line("if (v > mx) mx = v;", 2);
    ctx.line("else if (-v > mx) mx = (int16_t)-v;", 2);
    ctx.line("}");
    ctx.line("bits = 15 - (int)ember_sig_msb32((uint32_t)(int32_t)mx);");
    ctx.line("if (bits <= 0) bits = 0;");
    ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) " + ctx.outputs[0] + "[i] = (int16_t)(" + ctx.inputs[0] +
             "[i] * (1 << bits));");
    ctx.line(ctx.outputs[1] + "[0] = bits;");
}

// ---- SignalEnergy -----------------------------------------------------------

struct EnergyParams {
    int start = 0, end = 0;
    int64_t n = 0;  // output elements
};

bool prepareEnergy(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalEnergy"};
    if (!c.io(1, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t start = 0, end = 0;
    if (!c.options(&m) || !c.intOption(m, "start_index", &start) || !c.intOption(m, "end_index", &end)) return false;
    if (!c.tensor(0, false, DType::Int16, 1, "input (complex int16 spectrum)") ||
        !c.tensor(0, true, DType::UInt32, 1, "output"))
        return false;
    const int64_t bins = g.in(op, 0).elements() / 2, n = g.out(op).elements();
    if (start < 0 || end > std::min(bins, n))
        return c.fail("start_index " + num(start) + " / end_index " + num(end) + " must lie within the " +
                      num(std::min(bins, n)) + " bins of input and output");
    op.params = EnergyParams{int(start), int(end), n};
    return true;
}

void evalEnergy(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const EnergyParams &>(op.params);
    const int16_t *in = inPtr<int16_t>(b, op, 0);
    uint32_t *out = outPtr<uint32_t>(b, op);
    // TFLM leaves the bins outside [start, end) untouched; Ember writes 0 there.
    std::fill(out, out + p.n, 0u);
    for (int i = p.start; i < p.end; ++i)
        out[i] = uint32_t(int32_t(in[2 * i]) * in[2 * i]) + uint32_t(int32_t(in[2 * i + 1]) * in[2 * i + 1]);
}

void emitEnergy(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const EnergyParams &>(op.params);
    const std::string &in = ctx.inputs[0], &out = ctx.outputs[0];
    ctx.line("int i;");
    if (p.start > 0 || p.end < p.n)
        ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) " + out + "[i] = 0u;");
    ctx.line("for (i = " + num(p.start) + "; i < " + num(p.end) + "; ++i) {");
    ctx.line("const int32_t re = " + in + "[2 * i], im = " + in + "[2 * i + 1];", 2);
    ctx.line(out + "[i] = (uint32_t)(re * re) + (uint32_t)(im * im);", 2);
    ctx.line("}");
}

// ---- SignalFilterBank -------------------------------------------------------

struct FilterBankParams {
    int channels = 0;
    int64_t outCount = 0;
};

bool prepareFilterBank(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalFilterBank"};
    if (!c.io(6, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t channels = 0;
    if (!c.options(&m) || !c.intOption(m, "num_channels", &channels)) return false;
    static const char *roles[] = {"input", "weights", "unweights", "channel frequency starts",
                                  "channel weight starts", "channel widths"};
    if (!c.tensor(0, false, DType::UInt32, 1, roles[0])) return false;
    for (size_t i = 1; i < 6; ++i)
        if (!c.tensor(i, false, DType::Int16, 1, roles[i])) return false;
    if (!c.tensor(0, true, DType::UInt64, 1, "output")) return false;
    if (channels < 0 || channels > 65535) return c.fail("num_channels " + num(channels) + " is out of range");
    // TFLM indexes the spectrum and the weights through these tables without
    // checks; Ember needs them constant and in range to know the op is valid.
    for (size_t i = 1; i < 6; ++i)
        if (!g.in(op, i).isConst)
            return c.fail(std::string("the ") + roles[i] + " must be a constant tensor", op.inputs[i]);
    const Tensor &fs = g.in(op, 3), &ws = g.in(op, 4), &wd = g.in(op, 5);
    const int64_t nIn = g.in(op, 0).elements(), nW = std::min(g.in(op, 1).elements(), g.in(op, 2).elements());
    if (fs.elements() < channels + 1 || ws.elements() < channels + 1 || wd.elements() < channels + 1)
        return c.fail("the channel tables need num_channels + 1 = " + num(channels + 1) + " entries", op.inputs[3]);
    for (int64_t i = 0; i <= channels; ++i) {
        const int64_t f = fs.at<int16_t>(i), w = ws.at<int16_t>(i), n = wd.at<int16_t>(i);
        if (n > 0 && (f < 0 || w < 0 || f + n > nIn || w + n > nW))
            return c.fail("channel " + num(i) + " reaches outside the input or the weights", op.inputs[3]);
    }
    const int64_t outCount = g.out(op).elements();
    if (outCount > channels)
        return c.fail("the output has " + num(outCount) + " channels but num_channels is " + num(channels),
                      op.outputs[0]);
    op.params = FilterBankParams{int(channels), outCount};
    return true;
}

void evalFilterBank(const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const FilterBankParams &>(op.params);
    const uint32_t *in = inPtr<uint32_t>(b, op, 0);
    const Tensor &w = g.in(op, 1), &uw = g.in(op, 2), &fs = g.in(op, 3), &ws = g.in(op, 4), &wd = g.in(op, 5);
    uint64_t *out = outPtr<uint64_t>(b, op);
    // Channel 0 only collects the unweights of channel 1 (scratch, dropped).
    uint64_t weighted = 0, unweighted = 0;
    for (int i = 0; i <= p.channels; ++i) {
        const int f = fs.at<int16_t>(i), s = ws.at<int16_t>(i), n = wd.at<int16_t>(i);
        for (int j = 0; j < n; ++j) {
            weighted += uint64_t(int64_t(w.at<int16_t>(s + j))) * in[f + j];
            unweighted += uint64_t(int64_t(uw.at<int16_t>(s + j))) * in[f + j];
        }
        if (i >= 1 && i <= p.outCount) out[i - 1] = weighted;
        weighted = unweighted;
        unweighted = 0;
    }
}

void emitFilterBank(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const FilterBankParams &>(op.params);
    const auto &in = ctx.inputs;
    ctx.line("uint64_t weighted = 0, unweighted = 0;");
    ctx.line("int i, j;");
    ctx.line("/* Channel 0 only collects the unweights of channel 1 (scratch, dropped). */");
    ctx.line("for (i = 0; i <= " + num(p.channels) + "; ++i) {");
    ctx.line("const int f = " + in[3] + "[i], s = " + in[4] + "[i], n = " + in[5] + "[i];", 2);
    ctx.line("for (j = 0; j < n; ++j) {", 2);
    ctx.line("weighted += (uint64_t)(int64_t)" + in[1] + "[s + j] * " + in[0] + "[f + j];", 3);
    ctx.line("unweighted += (uint64_t)(int64_t)" + in[2] + "[s + j] * " + in[0] + "[f + j];", 3);
    ctx.line("}", 2);
    ctx.line("if (i >= 1 && i <= " + num(p.outCount) + ") " + ctx.outputs[0] + "[i - 1] = weighted;", 2);
    ctx.line("weighted = unweighted;", 2);
    ctx.line("unweighted = 0;", 2);
    ctx.line("}");
}

// ---- SignalFilterBankSquareRoot -------------------------------------------

bool prepareSquareRoot(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalFilterBankSquareRoot"};
    if (!c.io(2, 1)) return false;
    if (!c.tensor(0, false, DType::UInt64, 1, "input") || !c.tensor(1, false, DType::Int32, 0, "scale bits") ||
        !c.tensor(0, true, DType::UInt32, 1, "output"))
        return false;
    if (g.out(op).elements() != g.in(op, 0).elements())
        return checkOutputShape(d, g, op, op.outputs[0], g.in(op, 0).shape);
    op.params = SizeParams{g.in(op, 0).elements()};
    return true;
}

void evalSquareRoot(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const SizeParams &>(op.params);
    const uint64_t *in = inPtr<uint64_t>(b, op, 0);
    const int32_t bits = *inPtr<int32_t>(b, op, 1);
    uint32_t *out = outPtr<uint32_t>(b, op);
    for (int64_t i = 0; i < p.n; ++i) out[i] = signal::sqrt64(in[i]) >> (bits & 31);
}

void emitSquareRoot(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const SizeParams &>(op.params);
    signal::useSignalHelper(ctx, "ember_sig_sqrt64");
    ctx.line("const int bits = (int)" + ctx.inputs[1] + "[0] & 31;");
    ctx.line("int i;");
    ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) " + ctx.outputs[0] + "[i] = ember_sig_sqrt64(" +
             ctx.inputs[0] + "[i]) >> bits;");
}

// ---- SignalFilterBankSpectralSubtraction ---------------------------------

struct SpectralParams {
    uint32_t smoothing = 0, oneMinus = 0, altSmoothing = 0, altOneMinus = 0, minSignal = 0;
    uint32_t smoothingBits = 0, ssBits = 0;
    bool clamping = false;
    int channels = 0;
};

bool prepareSpectral(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalFilterBankSpectralSubtraction"};
    // Inputs: the filter bank, plus (after a first prepare) the noise estimate state.
    const size_t nIn = op.inputs.size() == 2 ? 2 : 1;
    if (!c.io(nIn, 2)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t v[9];
    static const char *keys[9] = {"smoothing", "one_minus_smoothing", "alternate_smoothing",
                                  "alternate_one_minus_smoothing", "min_signal_remaining", "smoothing_bits",
                                  "spectral_subtraction_bits", "num_channels", "clamping"};
    if (!c.options(&m)) return false;
    for (int i = 0; i < 8; ++i)
        if (!c.intOption(m, keys[i], &v[i])) return false;
    if (m["clamping"].IsNull()) return c.fail("option 'clamping' is missing; re-export the model");
    if (!c.tensor(0, false, DType::UInt32, 1, "input") || !c.tensor(0, true, DType::UInt32, 1, "output") ||
        !c.tensor(1, true, DType::UInt32, 1, "noise estimate output"))
        return false;
    SpectralParams p;
    p.smoothing = uint32_t(v[0]), p.oneMinus = uint32_t(v[1]), p.altSmoothing = uint32_t(v[2]);
    p.altOneMinus = uint32_t(v[3]), p.minSignal = uint32_t(v[4]);
    p.smoothingBits = uint32_t(v[5]), p.ssBits = uint32_t(v[6]);
    p.clamping = m["clamping"].AsBool();
    if (v[7] < 1 || v[7] > 65535) return c.fail("num_channels " + num(v[7]) + " is out of range");
    p.channels = int(v[7]);
    if (p.smoothingBits > 31 || p.ssBits > 63)
        return c.fail("smoothing_bits must be in [0, 31] and spectral_subtraction_bits in [0, 63]");
    const int64_t nIn0 = g.in(op, 0).elements();
    if (nIn0 < p.channels || g.out(op, 0).elements() < p.channels || g.out(op, 1).elements() < p.channels)
        return c.fail("input, output and noise estimate need num_channels = " + num(p.channels) + " elements",
                      op.inputs[0]);
    if (g.out(op, 0).elements() != p.channels || g.out(op, 1).elements() != p.channels)
        return c.fail("the output and the noise estimate output must have num_channels = " + num(p.channels) +
                      " elements", op.outputs[1]);
    op.params = p;
    // The noise estimate lives on between calls: a uint32 [num_channels] state
    // tensor (zeros at start-up, as TFLM's ResetState), read and written in place.
    if (op.inputs.size() == 1) {
        Tensor st;
        st.name = g.layerName(op) + "/state";
        st.dtype = DType::UInt32;
        st.shape = {p.channels};
        st.isVariable = true;
        g.tensors.push_back(std::move(st));
        op.inputs.push_back(int(g.tensors.size()) - 1);
    } else if (!c.tensor(1, false, DType::UInt32, 1, "noise estimate state") ||
               g.in(op, 1).elements() != p.channels) {
        return c.fail("the noise estimate state must be uint32 [num_channels]", op.inputs[1]);
    }
    return true;
}

void evalSpectral(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const SpectralParams &>(op.params);
    const uint32_t *in = inPtr<uint32_t>(b, op, 0);
    uint32_t *noise = reinterpret_cast<uint32_t *>(b[size_t(op.inputs[1])].data());
    uint32_t *out = outPtr<uint32_t>(b, op, 0);
    for (int i = 0; i < p.channels; ++i) {
        const bool odd = i & 1;  // odd channels use the alternate coefficients
        const uint32_t s = odd ? p.altSmoothing : p.smoothing, oms = odd ? p.altOneMinus : p.oneMinus;
        const uint32_t up = in[i] << p.smoothingBits;
        noise[i] = uint32_t((uint64_t(up) * s + uint64_t(noise[i]) * oms) >> p.ssBits);
        uint32_t est = noise[i];
        if (est > up) {
            est = up;
            if (p.clamping) noise[i] = est;
        }
        const uint32_t floor = uint32_t((uint64_t(in[i]) * p.minSignal) >> p.ssBits);
        const uint32_t sub = (up - est) >> p.smoothingBits;
        out[i] = sub > floor ? sub : floor;
    }
    std::memcpy(outPtr<uint32_t>(b, op, 1), noise, size_t(p.channels) * 4);
}

void emitSpectral(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const SpectralParams &>(op.params);
    const std::string &in = ctx.inputs[0], &noise = ctx.inputs[1], &out = ctx.outputs[0];
    ctx.line("int i;");
    ctx.line("for (i = 0; i < " + num(p.channels) + "; ++i) {");
    ctx.line("/* Odd channels use the alternate smoothing coefficients. */", 2);
    ctx.line("const uint32_t s = (i & 1) ? " + num(p.altSmoothing) + "u : " + num(p.smoothing) + "u;", 2);
    ctx.line("const uint32_t oms = (i & 1) ? " + num(p.altOneMinus) + "u : " + num(p.oneMinus) + "u;", 2);
    ctx.line("const uint32_t up = " + in + "[i] << " + num(p.smoothingBits) + ";", 2);
    ctx.line("uint32_t est, floor_, sub;", 2);
    ctx.line(noise + "[i] = (uint32_t)(((uint64_t)up * s + (uint64_t)" + noise + "[i] * oms) >> " + num(p.ssBits) +
                 ");",
             2);
    ctx.line("est = " + noise + "[i];", 2);
    ctx.line("if (est > up) {", 2);
    ctx.line("est = up;", 3);
    if (p.clamping) ctx.line(noise + "[i] = est;", 3);
    ctx.line("}", 2);
    ctx.line("floor_ = (uint32_t)(((uint64_t)" + in + "[i] * " + num(p.minSignal) + "u) >> " + num(p.ssBits) + ");",
             2);
    ctx.line("sub = (up - est) >> " + num(p.smoothingBits) + ";", 2);
    ctx.line(out + "[i] = sub > floor_ ? sub : floor_;", 2);
    ctx.line(ctx.outputs[1] + "[i] = " + noise + "[i];", 2);
    ctx.line("}");
}

// ---- SignalFilterBankLog -------------------------------------------------

struct LogParams {
    uint32_t correctionBits = 0, outputScale = 0;
    int64_t n = 0;
};

bool prepareLog(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalFilterBankLog"};
    if (!c.io(1, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t bits = 0, scale = 0;
    if (!c.options(&m) || !c.intOption(m, "input_correction_bits", &bits) ||
        !c.intOption(m, "output_scale", &scale))
        return false;
    if (!c.tensor(0, false, DType::UInt32, 1, "input") || !c.tensor(0, true, DType::Int16, 1, "output"))
        return false;
    if (bits < 0 || bits > 31) return c.fail("input_correction_bits " + num(bits) + " must be in [0, 31]");
    if (g.out(op).elements() != g.in(op, 0).elements())
        return checkOutputShape(d, g, op, op.outputs[0], g.in(op, 0).shape);
    op.params = LogParams{uint32_t(bits), uint32_t(int32_t(scale)), g.in(op, 0).elements()};
    return true;
}

void evalLog(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const LogParams &>(op.params);
    const uint32_t *in = inPtr<uint32_t>(b, op, 0);
    int16_t *out = outPtr<int16_t>(b, op);
    for (int64_t i = 0; i < p.n; ++i) {
        const uint32_t scaled = in[i] << p.correctionBits;
        if (scaled > 1) {
            const uint32_t v = signal::log32(scaled, p.outputScale);
            out[i] = int16_t(v < 32767u ? v : 32767u);
        } else {
            out[i] = 0;
        }
    }
}

void emitLog(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const LogParams &>(op.params);
    signal::useSignalHelper(ctx, "ember_sig_log32");
    ctx.line("int i;");
    ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) {");
    ctx.line("const uint32_t scaled = " + ctx.inputs[0] + "[i] << " + num(p.correctionBits) + ";", 2);
    ctx.line("uint32_t v = 0;", 2);
    ctx.line("if (scaled > 1u) {", 2);
    ctx.line("v = ember_sig_log32(scaled, " + num(p.outputScale) + "u);", 3);
    ctx.line("if (v > 32767u) v = 32767u;", 3);
    ctx.line("}", 2);
    ctx.line(ctx.outputs[0] + "[i] = (int16_t)v;", 2);
    ctx.line("}");
}

// ---- SignalPcan ---------------------------------------------------------

struct PcanParams {
    int snrShift = 0;
    int64_t n = 0;
};

// The gain LUT has 3 coefficients per power of two of the noise estimate.
constexpr int64_t kPcanLutSize = 4 * 32 - 6 + 3;

bool preparePcan(Graph &g, Op &op, Diagnostics &d) {
    const Check c{g, op, d, "SignalPcan"};
    if (!c.io(3, 1)) return false;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    int64_t shift = 0;
    if (!c.options(&m) || !c.intOption(m, "snr_shift", &shift)) return false;
    if (!c.tensor(0, false, DType::UInt32, 1, "input") || !c.tensor(1, false, DType::UInt32, 1, "noise estimate") ||
        !c.tensor(2, false, DType::Int16, 1, "gain LUT") || !c.tensor(0, true, DType::UInt32, 1, "output"))
        return false;
    const int64_t n = g.in(op, 0).elements();
    if (n < 1 || g.in(op, 1).elements() != n || g.out(op).elements() != n)
        return c.fail("input, noise estimate and output must have the same (non-zero) number of channels",
                      op.inputs[1]);
    if (g.in(op, 2).elements() < kPcanLutSize)
        return c.fail("the gain LUT needs " + num(kPcanLutSize) + " entries to cover every noise estimate",
                      op.inputs[2]);
    if (shift < 0 || shift > 63) return c.fail("snr_shift " + num(shift) + " must be in [0, 63]");
    op.params = PcanParams{int(shift), n};
    return true;
}

int16_t pcanGain(uint32_t x, const int16_t *lut) {
    if (x <= 2) return lut[x];
    const int16_t interval = int16_t(signal::msb32(x));
    lut += 4 * interval - 6;
    const int16_t frac = int16_t(((interval < 11) ? (x << (11 - interval)) : (x >> (interval - 11))) & 0x3FF);
    int32_t result = (int32_t(lut[2]) * frac) >> 5;
    result = int32_t(uint32_t(result) + (uint32_t(int32_t(lut[1])) << 5));
    result = int32_t(uint32_t(result) * uint32_t(int32_t(frac)));
    result = int32_t(uint32_t(result) + (1u << 14)) >> 15;
    result += lut[0];
    return int16_t(result);
}

uint32_t pcanShrink(uint32_t x) {
    if (x < (2u << 12)) return (x * x) >> (2 + 2 * 12 - 6);
    return (x >> (12 - 6)) - (1u << 6);
}

void evalPcan(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const PcanParams &>(op.params);
    const uint32_t *in = inPtr<uint32_t>(b, op, 0), *noise = inPtr<uint32_t>(b, op, 1);
    const int16_t *lut = inPtr<int16_t>(b, op, 2);
    uint32_t *out = outPtr<uint32_t>(b, op);
    for (int64_t i = 0; i < p.n; ++i) {
        const uint32_t gain = uint32_t(int32_t(pcanGain(noise[i], lut)));
        const uint32_t snr = uint32_t((uint64_t(in[i]) * gain) >> p.snrShift);
        out[i] = pcanShrink(snr);
    }
}

void emitPcan(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const PcanParams &>(op.params);
    signal::useSignalHelper(ctx, "ember_sig_msb32");
    ctx.addHelper("ember_sig_pcan_gain",
                  "/* PCAN's wide-dynamic gain: a quadratic per power of two of the noise estimate\n"
                  "   (tflm_signal::WideDynamicFunction, its int32 wrap-arounds made explicit). */\n"
                  "static int16_t ember_sig_pcan_gain(uint32_t x, const int16_t *lut) {\n"
                  "    int16_t interval, frac;\n"
                  "    int32_t result;\n"
                  "    if (x <= 2u) return lut[x];\n"
                  "    interval = (int16_t)ember_sig_msb32(x);\n"
                  "    lut += 4 * interval - 6;\n"
                  "    frac = (int16_t)(((interval < 11) ? (x << (11 - interval)) : (x >> (interval - 11))) & 0x3FFu);\n"
                  "    result = ((int32_t)lut[2] * frac) >> 5;\n"
                  "    result = (int32_t)((uint32_t)result + ((uint32_t)(int32_t)lut[1] << 5));\n"
                  "    result = (int32_t)((uint32_t)result * (uint32_t)(int32_t)frac);\n"
                  "    result = (int32_t)((uint32_t)result + 16384u) >> 15;\n"
                  "    result += lut[0];\n"
                  "    return (int16_t)result;\n"
                  "}\n");
    ctx.addHelper("ember_sig_pcan_shrink",
                  "/* x^2/4 below 2, x - 1 above (Q12 in, Q6 out; tflm_signal::PcanShrink). */\n"
                  "static uint32_t ember_sig_pcan_shrink(uint32_t x) {\n"
                  "    if (x < (2u << 12)) return (x * x) >> 20;\n"
                  "    return (x >> 6) - 64u;\n"
                  "}\n");
    ctx.line("int i;");
    ctx.line("for (i = 0; i < " + num(p.n) + "; ++i) {");
    ctx.line("const uint32_t gain = (uint32_t)(int32_t)ember_sig_pcan_gain(" + ctx.inputs[1] + "[i], " +
                 ctx.inputs[2] + ");",
             2);
    ctx.line("const uint32_t snr = (uint32_t)(((uint64_t)" + ctx.inputs[0] + "[i] * gain) >> " + num(p.snrShift) +
                 ");",
             2);
    ctx.line(ctx.outputs[0] + "[i] = ember_sig_pcan_shrink(snr);", 2);
    ctx.line("}");
}

}  // namespace

extern const OpKernel kSignalWindow, kSignalFftAutoScale, kSignalEnergy, kSignalFilterBank,
    kSignalFilterBankSquareRoot, kSignalFilterBankSpectralSubtraction, kSignalFilterBankLog, kSignalPcan;
const OpKernel kSignalWindow = {OpType::SignalWindow, prepareWindow, evalWindow, emitWindow, nullptr, "int16"};
const OpKernel kSignalFftAutoScale = {OpType::SignalFftAutoScale, prepareFftAutoScale, evalFftAutoScale,
                                      emitFftAutoScale, nullptr, "int16"};
const OpKernel kSignalEnergy = {OpType::SignalEnergy, prepareEnergy, evalEnergy, emitEnergy, nullptr,
                                "int16 -> uint32"};
const OpKernel kSignalFilterBank = {OpType::SignalFilterBank, prepareFilterBank, evalFilterBank, emitFilterBank,
                                    nullptr, "uint32 -> uint64"};
const OpKernel kSignalFilterBankSquareRoot = {OpType::SignalFilterBankSquareRoot, prepareSquareRoot, evalSquareRoot,
                                              emitSquareRoot, nullptr, "uint64 -> uint32"};
const OpKernel kSignalFilterBankSpectralSubtraction = {OpType::SignalFilterBankSpectralSubtraction, prepareSpectral,
                                                       evalSpectral, emitSpectral, nullptr, "uint32"};
const OpKernel kSignalFilterBankLog = {OpType::SignalFilterBankLog, prepareLog, evalLog, emitLog, nullptr,
                                       "uint32 -> int16"};
const OpKernel kSignalPcan = {OpType::SignalPcan, preparePcan, evalPcan, emitPcan, nullptr, "uint32"};

}  // namespace ember
