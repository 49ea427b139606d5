// Differential tests against TFLite Micro (tflm_ref) for SVDF: seeded sweeps
// over batch, input size, units, rank, memory, bias, fused activation and
// quantization (int8 with int16 or int8 state, extreme scales and zero
// points) and float32; cases TFLM refuses; and streams of several Invoke()s
// in one interpreter, where the activation state carries over. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

enum class Kind { Float, Int8State16, Int8State8 };

float randomScale(DiffRng &r, int loExp, int hiExp) { return std::ldexp(r.uniform(0.5f, 1.f), r.range(loExp, hiExp)); }

template <class T> std::vector<uint8_t> randomInts(DiffRng &r, size_t n, int lo, int hi) {
    std::vector<T> v(n);
    for (auto &x : v) x = T(r.range(lo, hi));
    return bytesOf(v);
}

std::vector<uint8_t> randomFloats(DiffRng &r, size_t n, float lo, float hi) {
    std::vector<float> v(n);
    for (auto &x : v) x = r.uniform(lo, hi);
    return bytesOf(v);
}

struct Dims {
    int batch, inputSize, units, rank, memory;
};

// One SVDF model. `bias` false leaves input 3 absent.
Graph svdfGraph(DiffRng &r, Kind kind, const Dims &d, bool bias, Activation act) {
    const int filters = d.units * d.rank;
    Graph g;
    g.name = "m";
    OpAttrs at;
    at.svdfRank = d.rank;
    at.activation = act;
    int x, wf, wt, b = -1, st, y;
    if (kind == Kind::Float) {
        x = addTensor(g, "x", DType::Float32, {d.batch, d.inputSize});
        wf = addTensor(g, "wf", DType::Float32, {filters, d.inputSize}, {},
                       randomFloats(r, size_t(filters * d.inputSize), -1.f, 1.f));
        wt = addTensor(g, "wt", DType::Float32, {filters, d.memory}, {},
                       randomFloats(r, size_t(filters * d.memory), -1.f, 1.f));
        if (bias) b = addTensor(g, "b", DType::Float32, {d.units}, {}, randomFloats(r, size_t(d.units), -1.f, 1.f));
        st = addTensor(g, "state", DType::Float32, {d.batch, d.memory * filters});
        y = addTensor(g, "y", DType::Float32, {d.batch, d.units});
    } else {
        const bool s16 = kind == Kind::Int8State16;
        const DType sd = s16 ? DType::Int16 : DType::Int8;
        // Extreme scales now and then: tiny or large multipliers, saturation.
        const bool extreme = r.range(0, 3) == 0;
        const float sIn = randomScale(r, extreme ? -14 : -8, extreme ? 4 : -2);
        const float sWf = randomScale(r, extreme ? -12 : -8, extreme ? 2 : -4);
        const float sSt = randomScale(r, extreme ? -16 : (s16 ? -12 : -6), extreme ? 4 : (s16 ? -8 : -2));
        const float sWt = randomScale(r, extreme ? -14 : -8, extreme ? 2 : -4);
        const float sOut = randomScale(r, extreme ? -16 : -8, extreme ? 6 : 0);
        const int64_t zpIn = r.range(-128, 127), zpOut = r.range(-128, 127);
        // int16 state: TFLM assumes zero point 0 but uses whatever it is given.
        const int64_t zpSt = s16 ? (r.range(0, 4) == 0 ? r.range(-300, 300) : 0) : r.range(-128, 127);
        x = addTensor(g, "x", DType::Int8, {d.batch, d.inputSize}, q(sIn, zpIn));
        wf = addTensor(g, "wf", DType::Int8, {filters, d.inputSize}, q(sWf, 0),
                       randomInts<int8_t>(r, size_t(filters * d.inputSize), -127, 127));
        const int wtMax = s16 ? (r.coin() ? 32767 : 2000) : 127;
        const size_t nWt = size_t(filters * d.memory);
        wt = addTensor(g, "wt", sd, {filters, d.memory}, q(sWt, 0),
                       s16 ? randomInts<int16_t>(r, nWt, -wtMax, wtMax) : randomInts<int8_t>(r, nWt, -wtMax, wtMax));
        if (bias) {
            const int bMax = r.range(0, 4) == 0 ? 2000000000 : 50000;
            b = addTensor(g, "b", DType::Int32, {d.units}, q(sSt * sWt, 0),
                          randomInts<int32_t>(r, size_t(d.units), -bMax, bMax));
        }
        st = addTensor(g, "state", sd, {d.batch, d.memory * filters}, q(sSt, zpSt));
        y = addTensor(g, "y", DType::Int8, {d.batch, d.units}, q(sOut, zpOut));
    }
    g.tensors[size_t(st)].isVariable = true;
    addOp(g, OpType::Svdf, {x, wf, wt, b, st}, {y}, at);
    setIO(g, {x}, {y});
    return g;
}

Dims randomDims(DiffRng &r) {
    return {r.range(1, 3), r.range(1, 12), r.range(1, 6), r.range(1, 3), r.range(1, 10)};
}

std::string caseName(Kind kind, const Dims &d, bool bias, Activation act, int k) {
    const char *kn = kind == Kind::Float ? "float32" : kind == Kind::Int8State16 ? "int8/int16 state" : "int8/int8 state";
    return std::string("SVDF ") + kn + " batch " + std::to_string(d.batch) + " in " + std::to_string(d.inputSize) +
           " units " + std::to_string(d.units) + " rank " + std::to_string(d.rank) + " memory " +
           std::to_string(d.memory) + (bias ? " bias" : "") + " " + activationName(act) + " #" + std::to_string(k);
}

void check(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

}  // namespace

class TstDiffSvdf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    // One Invoke() per case (the state starts at its reset value).
    void singleStep() {
        std::vector<DiffCase> cases;
        DiffRng r(27);
        const std::vector<Kind> kinds = {Kind::Int8State16, Kind::Int8State8, Kind::Float};
        const std::vector<Activation> floatActs = {Activation::None, Activation::Relu, Activation::Relu6,
                                                   Activation::ReluN1To1, Activation::Tanh, Activation::SignBit};
        for (int k = 0; k < 66; ++k) {
            const Kind kind = kinds[size_t(k) % kinds.size()];
            const Dims d = randomDims(r);
            // TFLM needs the bias; a few cases without it check that both refuse.
            const bool bias = r.range(0, 10) != 0;
            const Activation act = kind == Kind::Float ? r.pick(floatActs) : r.coin() ? Activation::Relu
                                                                                       : Activation::None;
            DiffCase c{caseName(kind, d, bias, act, k), svdfGraph(r, kind, d, bias, act)};
            if (kind == Kind::Float) c.floatMin = -2.f, c.floatMax = 2.f;
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    // Several Invoke()s in one interpreter: the state shifts through memory
    // (more steps than memory slots, so the oldest values drop out).
    void multiStep() {
        std::vector<DiffCase> cases;
        DiffRng r(91);
        const std::vector<Kind> kinds = {Kind::Int8State16, Kind::Int8State8, Kind::Float};
        for (int k = 0; k < 24; ++k) {
            const Kind kind = kinds[size_t(k) % kinds.size()];
            const Dims d = randomDims(r);
            const bool bias = true;
            const Activation act = r.coin() ? Activation::Relu : Activation::None;
            DiffCase c{caseName(kind, d, bias, act, k), svdfGraph(r, kind, d, bias, act)};
            c.steps = r.range(2, d.memory + 3);
            c.name += " steps " + std::to_string(c.steps);
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    // Models TFLM refuses: Ember must refuse them too.
    void refused() {
        std::vector<DiffCase> cases;
        DiffRng r(5);
        const Dims d{1, 4, 3, 2, 5};
        // Without bias: TFLM's kernel needs it.
        cases.push_back({"int8 without bias", svdfGraph(r, Kind::Int8State16, d, false, Activation::None)});
        cases.push_back({"float32 without bias", svdfGraph(r, Kind::Float, d, false, Activation::None)});
        {  // hybrid: float input, int8 weights
            Graph g = svdfGraph(r, Kind::Float, d, true, Activation::None);
            Tensor &wf = g.tensors[1];
            wf.dtype = DType::Int8;
            wf.quant = q(0.01f, 0);
            wf.data.assign(size_t(wf.elements()), 3);
            cases.push_back({"hybrid", std::move(g)});
        }
        {  // rank does not divide the filters
            Graph g = svdfGraph(r, Kind::Float, d, true, Activation::None);
            g.ops[0].attrs.svdfRank = 4;
            cases.push_back({"rank 4 of 6 filters", std::move(g)});
        }
        {  // state not a variable
            Graph g = svdfGraph(r, Kind::Float, d, true, Activation::None);
            g.tensors[4].isVariable = false;
            cases.push_back({"state not variable", std::move(g)});
        }
        {  // wrong state shape
            Graph g = svdfGraph(r, Kind::Int8State16, d, true, Activation::None);
            g.tensors[4].shape = {1, 29};
            cases.push_back({"state shape", std::move(g)});
        }
        {  // int8 bias scale unlike state * time scales
            Graph g = svdfGraph(r, Kind::Int8State16, d, true, Activation::None);
            g.tensors[3].quant = q(g.tensors[3].quant.sc() * 3.f, 0);
            cases.push_back({"bias scale", std::move(g)});
        }
        {  // int8 with a float32 output
            Graph g = svdfGraph(r, Kind::Int8State8, d, true, Activation::None);
            g.tensors[5].dtype = DType::Float32;
            g.tensors[5].quant = {};
            cases.push_back({"int8 with float output", std::move(g)});
        }
        check(std::move(cases));
    }
};

QTEST_APPLESS_MAIN(TstDiffSvdf)
#include "tst_diff_svdf.moc"
