// Differential tests against TFLite Micro (tflm_ref) for the Signal
// library's audio front-end ops: SignalWindow, SignalFftAutoScale,
// SignalRfft, SignalIrfft, SignalEnergy, SignalFilterBank,
// SignalFilterBankSquareRoot, SignalFilterBankSpectralSubtraction,
// SignalFilterBankLog and SignalPcan. Seeded sweeps over shapes, options
// (serialized as FlexBuffer maps like the Signal converter writes them),
// FFT lengths with every KISS FFT radix, and input magnitudes; plus models
// TFLM refuses. See DiffTflm.h for what is compared.
#include <QtTest>

#include <flatbuffers/flexbuffers.h>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

using Opt = std::pair<std::string, int64_t>;

std::vector<uint8_t> options(const std::vector<Opt> &ints, int clamping = -1) {
    flexbuffers::Builder b;
    b.Map([&] {
        for (const auto &[k, v] : ints) b.Int(k.c_str(), v);
        if (clamping >= 0) b.Bool("clamping", clamping != 0);
    });
    b.Finish();
    return b.GetBuffer();
}

OpAttrs attrs(const std::vector<uint8_t> &opts) {
    OpAttrs a;
    a.customOptions = opts;
    return a;
}

// Random values of a few magnitudes: uniform in [0, 2^bits) for a random
// `bits` per element (so small and large values both appear).
template <class T> std::vector<T> mixedUnsigned(DiffRng &r, size_t n, int maxBits) {
    std::vector<T> v(n);
    for (auto &x : v) {
        const int bits = r.range(0, maxBits);
        const uint64_t raw = r.next();
        x = T(bits >= 64 ? raw : raw & ((uint64_t(1) << bits) - 1));
    }
    return v;
}

std::vector<int16_t> randomI16(DiffRng &r, size_t n, int shift = 0) {
    std::vector<int16_t> v(n);
    for (auto &x : v) x = int16_t(int16_t(r.next() >> 48) >> shift);
    return v;
}

std::string run(std::vector<DiffCase> cases, const char *what) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s: %s", what, summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    return failures.empty() ? std::string() : failures.front();
}

#define CHECK_RUN(cases, what)                                   \
    do {                                                         \
        const std::string f_ = run(std::move(cases), what);      \
        QVERIFY2(f_.empty(), f_.c_str());                        \
    } while (0)

// TensorType codes the RFFT/IRFFT options name in T.
int64_t typeCode(DType dt) { return dt == DType::Float32 ? 0 : dt == DType::Int32 ? 2 : 7; }

}  // namespace

class TstDiffSignal : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void window() {
        std::vector<DiffCase> cases;
        DiffRng r(101);
        for (int k = 0; k < 60; ++k) {
            const int width = r.pick(std::vector<int>{1, 2, 3, 7, 16, 31, 64, 100, 480});
            Shape s{width};
            for (int extra = r.range(0, 2); extra > 0; --extra) s.insert(s.begin(), r.range(1, 3));
            const int shift = r.range(0, 20);
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, s);
            const bool wConst = k % 4 != 3;
            const auto wData = randomI16(r, size_t(width));
            const int w = addTensor(g, "w", DType::Int16, {width}, {}, wConst ? bytesOf(wData) : TensorData{});
            const int y = addTensor(g, "y", DType::Int16, s);
            addOp(g, OpType::SignalWindow, {x, w}, {y}, attrs(options({{"shift", shift}})));
            setIO(g, wConst ? std::vector<int>{x} : std::vector<int>{x, w}, {y});
            cases.push_back({"SignalWindow " + shapeString(s) + " shift " + std::to_string(shift) + " #" +
                                 std::to_string(k),
                             std::move(g)});
        }
        // TFLM refuses a non-int16 input.
        for (DType dt : {DType::Int8, DType::Float32}) {
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, {8});
            const int w = addTensor(g, "w", DType::Int16, {8}, {}, bytesOf(std::vector<int16_t>(8, 100)));
            const int y = addTensor(g, "y", dt, {8});
            addOp(g, OpType::SignalWindow, {x, w}, {y}, attrs(options({{"shift", 3}})));
            setIO(g, {x}, {y});
            cases.push_back({std::string("SignalWindow refused ") + dtypeName(dt), std::move(g)});
        }
        CHECK_RUN(cases, "SignalWindow");
    }

    void fftAutoScale() {
        std::vector<DiffCase> cases;
        DiffRng r(202);
        for (int k = 0; k < 60; ++k) {
            const int n = r.pick(std::vector<int>{1, 2, 5, 16, 33, 256, 480, 512});
            std::vector<int16_t> v = randomI16(r, size_t(n), r.range(0, 15));
            if (k == 0) std::fill(v.begin(), v.end(), 0);
            if (k == 1) v[0] = -32768;
            if (k == 2) std::fill(v.begin(), v.end(), -1);
            if (k == 3) v.assign(size_t(n), 1);
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, {n});
            const int y = addTensor(g, "y", DType::Int16, {n});
            const int sb = addTensor(g, "scale_bits", DType::Int32, {});
            addOp(g, OpType::SignalFftAutoScale, {x}, {y, sb}, attrs(options({})));
            setIO(g, {x}, {y, sb});
            DiffCase c{"SignalFftAutoScale n=" + std::to_string(n) + " #" + std::to_string(k), std::move(g)};
            c.inputs = {bytesOf(v)};
            cases.push_back(std::move(c));
        }
        {
            Graph g;  // TFLM refuses a 2-D input
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, {2, 8});
            const int y = addTensor(g, "y", DType::Int16, {2, 8});
            const int sb = addTensor(g, "scale_bits", DType::Int32, {});
            addOp(g, OpType::SignalFftAutoScale, {x}, {y, sb}, attrs(options({})));
            setIO(g, {x}, {y, sb});
            cases.push_back({"SignalFftAutoScale refused rank 2", std::move(g)});
        }
        CHECK_RUN(cases, "SignalFftAutoScale");
    }

    void rfft() {
        std::vector<DiffCase> cases;
        DiffRng r(303);
        // Every KISS FFT radix: 4, 2, 3, 5 and the generic one (7, 11, 13, 17, ...).
        const std::vector<int> lengths = {2,  4,  6,  8,  10, 12,  14,  16,  18,  20,  22,  26,  30,  32,
                                          34, 40, 48, 50, 64, 70,  84,  96,  128, 160, 198, 210, 250, 256,
                                          270, 300, 384, 500, 512, 1024};
        const std::vector<DType> dts = {DType::Int16, DType::Int16, DType::Int32, DType::Float32};
        for (int k = 0; k < 90; ++k) {
            const DType dt = dts[size_t(k) % dts.size()];
            const int fft = lengths[size_t(k) % lengths.size()];
            const int inLen = r.coin() ? fft : r.range(1, fft);
            Shape si{inLen}, so{fft + 2};
            for (int extra = r.range(0, 2); extra > 0; --extra) {
                const int d = r.range(1, 3);
                si.insert(si.begin(), d);
                so.insert(so.begin(), d);
            }
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, si);
            const int y = addTensor(g, "y", dt, so);
            addOp(g, OpType::SignalRfft, {x}, {y},
                  attrs(options({{"T", typeCode(dt)}, {"fft_length", fft}})));
            setIO(g, {x}, {y});
            DiffCase c{std::string("SignalRfft ") + dtypeName(dt) + " fft " + std::to_string(fft) + " in " +
                           shapeString(si) + " #" + std::to_string(k),
                       std::move(g)};
            if (dt == DType::Int16 && k % 3 == 0) {
                // Audio-like magnitudes (after auto-scaling), not only full-range noise.
                c.inputs = {bytesOf(randomI16(r, size_t(shapeElements(si)), r.range(0, 6)))};
            } else if (dt == DType::Int32 && k % 2 == 0) {
                std::vector<int32_t> v(size_t(shapeElements(si)));
                for (auto &e : v) e = int32_t(r.next() >> 32) >> r.range(0, 20);
                c.inputs = {bytesOf(v)};
            }
            cases.push_back(std::move(c));
        }
        {
            Graph g;  // T says int16 but the tensors are int8: TFLM refuses
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int8, {16});
            const int y = addTensor(g, "y", DType::Int8, {18});
            addOp(g, OpType::SignalRfft, {x}, {y}, attrs(options({{"T", 7}, {"fft_length", 16}})));
            setIO(g, {x}, {y});
            cases.push_back({"SignalRfft refused int8", std::move(g)});
        }
        CHECK_RUN(cases, "SignalRfft");
    }

    void irfft() {
        std::vector<DiffCase> cases;
        DiffRng r(404);
        const std::vector<int> lengths = {2, 4, 6, 8, 12, 16, 20, 26, 32, 40, 50, 64, 96, 128, 210, 256, 512};
        const std::vector<DType> dts = {DType::Int16, DType::Int32, DType::Float32};
        for (int k = 0; k < 51; ++k) {
            const DType dt = dts[size_t(k) % dts.size()];
            const int fft = lengths[size_t(k) % lengths.size()];
            Shape si{fft + 2}, so{fft};
            if (r.coin()) {
                const int d = r.range(2, 3);
                si.insert(si.begin(), d);
                so.insert(so.begin(), d);
            }
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, si);
            const int y = addTensor(g, "y", dt, so);
            addOp(g, OpType::SignalIrfft, {x}, {y},
                  attrs(options({{"T", typeCode(dt)}, {"fft_length", fft}})));
            setIO(g, {x}, {y});
            DiffCase c{std::string("SignalIrfft ") + dtypeName(dt) + " fft " + std::to_string(fft) + " #" +
                           std::to_string(k),
                       std::move(g)};
            if (dt == DType::Int16 && k % 2 == 0) c.inputs = {bytesOf(randomI16(r, size_t(shapeElements(si)), 4))};
            cases.push_back(std::move(c));
        }
        CHECK_RUN(cases, "SignalIrfft");
    }

    void energy() {
        std::vector<DiffCase> cases;
        DiffRng r(505);
        for (int k = 0; k < 60; ++k) {
            const int bins = r.pick(std::vector<int>{1, 2, 9, 33, 129, 257});
            // TFLM leaves the bins outside [start_index, end_index) as the arena
            // had them, so only the full range can be compared byte for byte.
            const int start = 0, end = bins;
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, {2 * bins});
            const int y = addTensor(g, "y", DType::UInt32, {bins});
            addOp(g, OpType::SignalEnergy, {x}, {y},
                  attrs(options({{"end_index", end}, {"start_index", start}})));
            setIO(g, {x}, {y});
            DiffCase c{"SignalEnergy bins " + std::to_string(bins) + " [" + std::to_string(start) + "," +
                           std::to_string(end) + ") #" + std::to_string(k),
                       std::move(g)};
            auto v = randomI16(r, size_t(2 * bins), r.range(0, 8));
            if (k == 0) v.assign(v.size(), -32768);
            c.inputs = {bytesOf(v)};
            cases.push_back(std::move(c));
        }
        {
            Graph g;  // TFLM refuses an int32 output
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, {8});
            const int y = addTensor(g, "y", DType::Int32, {4});
            addOp(g, OpType::SignalEnergy, {x}, {y}, attrs(options({{"end_index", 4}, {"start_index", 0}})));
            setIO(g, {x}, {y});
            cases.push_back({"SignalEnergy refused int32 output", std::move(g)});
        }
        CHECK_RUN(cases, "SignalEnergy");
    }

    void filterBank() {
        std::vector<DiffCase> cases;
        DiffRng r(606);
        for (int k = 0; k < 60; ++k) {
            const int nIn = r.range(4, 260);
            const int ch = r.range(1, 40);
            std::vector<int16_t> fs(size_t(ch + 1)), ws(size_t(ch + 1)), wd(size_t(ch + 1));
            int nW = 0;
            for (int i = 0; i <= ch; ++i) {
                wd[size_t(i)] = int16_t(r.range(0, std::min(12, nIn)));
                fs[size_t(i)] = int16_t(r.range(0, nIn - wd[size_t(i)]));
                ws[size_t(i)] = int16_t(nW);
                nW += wd[size_t(i)];
            }
            nW = std::max(nW, 1);
            // Mostly mel-like weights in [0, 4096]; some cases with any int16 (negative weights wrap in uint64).
            std::vector<int16_t> w(static_cast<size_t>(nW)), uw(static_cast<size_t>(nW));
            const bool wild = k % 5 == 4;
            for (size_t i = 0; i < w.size(); ++i) {
                w[i] = wild ? int16_t(r.next() >> 48) : int16_t(r.range(0, 4096));
                uw[i] = wild ? int16_t(r.next() >> 48) : int16_t(4096 - w[i]);
            }
            const int outCh = k % 7 == 6 ? r.range(1, ch) : ch;
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt32, {nIn});
            const int tw = addTensor(g, "weights", DType::Int16, {nW}, {}, bytesOf(w));
            const int tuw = addTensor(g, "unweights", DType::Int16, {nW}, {}, bytesOf(uw));
            const int tfs = addTensor(g, "freq_starts", DType::Int16, {ch + 1}, {}, bytesOf(fs));
            const int tws = addTensor(g, "weight_starts", DType::Int16, {ch + 1}, {}, bytesOf(ws));
            const int twd = addTensor(g, "widths", DType::Int16, {ch + 1}, {}, bytesOf(wd));
            const int y = addTensor(g, "y", DType::UInt64, {outCh});
            addOp(g, OpType::SignalFilterBank, {x, tw, tuw, tfs, tws, twd}, {y},
                  attrs(options({{"num_channels", ch}})));
            setIO(g, {x}, {y});
            DiffCase c{"SignalFilterBank in " + std::to_string(nIn) + " ch " + std::to_string(ch) + " #" +
                           std::to_string(k),
                       std::move(g)};
            if (k % 2 == 0) c.inputs = {bytesOf(mixedUnsigned<uint32_t>(r, size_t(nIn), 32))};
            cases.push_back(std::move(c));
        }
        CHECK_RUN(cases, "SignalFilterBank");
    }

    void filterBankSquareRoot() {
        std::vector<DiffCase> cases;
        DiffRng r(707);
        for (int k = 0; k < 50; ++k) {
            const int n = r.range(1, 64);
            const int bits = r.range(0, 16);
            const bool bitsConst = k % 3 != 2;
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt64, {n});
            const int sb = addTensor(g, "scale_bits", DType::Int32, {}, {},
                                     bitsConst ? bytesOf(std::vector<int32_t>{bits}) : TensorData{});
            const int y = addTensor(g, "y", DType::UInt32, {n});
            addOp(g, OpType::SignalFilterBankSquareRoot, {x, sb}, {y}, attrs(options({})));
            setIO(g, bitsConst ? std::vector<int>{x} : std::vector<int>{x, sb}, {y});
            DiffCase c{"SignalFilterBankSquareRoot n " + std::to_string(n) + " bits " + std::to_string(bits) + " #" +
                           std::to_string(k),
                       std::move(g)};
            auto v = mixedUnsigned<uint64_t>(r, size_t(n), 64);
            if (k == 0) v[0] = ~uint64_t(0), v[n > 1 ? 1 : 0] = 0xFFFFFFFFull;
            c.inputs = {bytesOf(v)};
            if (!bitsConst) c.inputs.push_back(bytesOf(std::vector<int32_t>{bits}));
            cases.push_back(std::move(c));
        }
        CHECK_RUN(cases, "SignalFilterBankSquareRoot");
    }

    void spectralSubtraction() {
        std::vector<DiffCase> cases;
        DiffRng r(808);
        // The noise estimate is state: each case runs several calls on one
        // instance, every call compared.
        for (int k = 0; k < 50; ++k) {
            const int ch = r.range(1, 48);
            const int ssBits = r.range(8, 16);
            const int64_t one = int64_t(1) << ssBits;
            const int64_t sm = r.range(0, int(one)), alt = r.range(0, int(one));
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt32, {ch});
            const int y = addTensor(g, "y", DType::UInt32, {ch});
            const int ne = addTensor(g, "noise", DType::UInt32, {ch});
            addOp(g, OpType::SignalFilterBankSpectralSubtraction, {x}, {y, ne},
                  attrs(options({{"alternate_one_minus_smoothing", one - alt},
                                 {"alternate_smoothing", alt},
                                 {"min_signal_remaining", r.range(0, int(one))},
                                 {"num_channels", ch},
                                 {"one_minus_smoothing", one - sm},
                                 {"smoothing", sm},
                                 {"smoothing_bits", r.range(0, 12)},
                                 {"spectral_subtraction_bits", ssBits}},
                                r.coin() ? 1 : 0)));
            setIO(g, {x}, {y, ne});
            DiffCase c{"SignalFilterBankSpectralSubtraction ch " + std::to_string(ch) + " #" + std::to_string(k),
                       std::move(g)};
            c.steps = 1 + k % 6;
            for (int s = 0; s < c.steps; ++s) c.inputs.push_back(bytesOf(mixedUnsigned<uint32_t>(r, size_t(ch), 20)));
            cases.push_back(std::move(c));
        }
        CHECK_RUN(cases, "SignalFilterBankSpectralSubtraction");
    }

    void filterBankLog() {
        std::vector<DiffCase> cases;
        DiffRng r(909);
        for (int k = 0; k < 60; ++k) {
            const int n = r.range(1, 80);
            const int bits = r.range(0, 12);
            const int scale = r.pick(std::vector<int>{1, 2, 100, 1600, 4096, 65536, 1 << 20});
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt32, {n});
            const int y = addTensor(g, "y", DType::Int16, {n});
            addOp(g, OpType::SignalFilterBankLog, {x}, {y},
                  attrs(options({{"input_correction_bits", bits}, {"output_scale", scale}})));
            setIO(g, {x}, {y});
            DiffCase c{"SignalFilterBankLog n " + std::to_string(n) + " bits " + std::to_string(bits) + " scale " +
                           std::to_string(scale) + " #" + std::to_string(k),
                       std::move(g)};
            auto v = mixedUnsigned<uint32_t>(r, size_t(n), 32);
            if (k == 0) v.assign(v.size(), 0), v[0] = 1, v[n - 1] = 2;
            c.inputs = {bytesOf(v)};
            cases.push_back(std::move(c));
        }
        CHECK_RUN(cases, "SignalFilterBankLog");
    }

    void pcan() {
        std::vector<DiffCase> cases;
        DiffRng r(1010);
        for (int k = 0; k < 60; ++k) {
            const int n = r.range(1, 64);
            const int shift = r.range(0, 24);
            std::vector<int16_t> lut(125);
            for (auto &e : lut) e = k % 4 == 3 ? int16_t(r.next() >> 48) : int16_t(r.range(-2000, 8000));
            const bool lutConst = k % 5 != 4;
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt32, {n});
            const int ne = addTensor(g, "noise", DType::UInt32, {n});
            const int gl = addTensor(g, "gain_lut", DType::Int16, {125}, {}, lutConst ? bytesOf(lut) : TensorData{});
            const int y = addTensor(g, "y", DType::UInt32, {n});
            addOp(g, OpType::SignalPcan, {x, ne, gl}, {y}, attrs(options({{"snr_shift", shift}})));
            setIO(g, lutConst ? std::vector<int>{x, ne} : std::vector<int>{x, ne, gl}, {y});
            DiffCase c{"SignalPcan n " + std::to_string(n) + " shift " + std::to_string(shift) + " #" +
                           std::to_string(k),
                       std::move(g)};
            c.inputs = {bytesOf(mixedUnsigned<uint32_t>(r, size_t(n), 24)),
                        bytesOf(mixedUnsigned<uint32_t>(r, size_t(n), 32))};
            if (!lutConst) c.inputs.push_back(bytesOf(lut));
            cases.push_back(std::move(c));
        }
        {
            Graph g;  // TFLM refuses an int32 noise estimate
            g.name = "m";
            const int x = addTensor(g, "x", DType::UInt32, {4});
            const int ne = addTensor(g, "noise", DType::Int32, {4});
            const int gl = addTensor(g, "gain_lut", DType::Int16, {125}, {}, bytesOf(std::vector<int16_t>(125, 7)));
            const int y = addTensor(g, "y", DType::UInt32, {4});
            addOp(g, OpType::SignalPcan, {x, ne, gl}, {y}, attrs(options({{"snr_shift", 6}})));
            setIO(g, {x, ne}, {y});
            cases.push_back({"SignalPcan refused int32 noise", std::move(g)});
        }
        CHECK_RUN(cases, "SignalPcan");
    }

    // CAST to and from uint32 (the audio front end casts SignalEnergy's output through int32).
    void castUInt32() {
        std::vector<DiffCase> cases;
        const std::vector<DType> others = {DType::Int8, DType::Int16, DType::Int32, DType::Float32, DType::UInt32};
        int k = 0;
        for (DType other : others)
            for (int dir = 0; dir < 2; ++dir, ++k) {
                const DType from = dir ? other : DType::UInt32, to = dir ? DType::UInt32 : other;
                Graph g;
                g.name = "m";
                const int a = addTensor(g, "a", from, {3, 7});
                const int y = addTensor(g, "y", to, {3, 7});
                OpAttrs at;
                at.outType = to;
                addOp(g, OpType::Cast, {a}, {y}, at);
                setIO(g, {a}, {y});
                DiffCase c{std::string("CAST ") + dtypeName(from) + " -> " + dtypeName(to) + " #" + std::to_string(k),
                           std::move(g)};
                c.floatMin = 0.f;
                c.floatMax = 1000.f;
                cases.push_back(std::move(c));
            }
        CHECK_RUN(cases, "CAST uint32");
    }
};

QTEST_GUILESS_MAIN(TstDiffSignal)
#include "tst_diff_signal.moc"
