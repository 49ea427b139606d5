// Differential tests against TFLite Micro (tflm_ref) for the one-input
// element-wise operators: HARD_SWISH, ABS, NEG, EXP, LOG, SQRT, RSQRT, SQUARE,
// SIN, COS, FLOOR, CEIL, ROUND, ELU, LOGICAL_NOT and LOG_SOFTMAX. Seeded
// sweeps over shapes (ranks 1..5, odd sizes), dtypes, quantization (extreme
// scales and zero points) and input ranges (including out-of-domain values
// where TFLM and Ember must agree on NaN/inf), plus cases TFLM refuses. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt, int minExp = -12, int maxExp = 2) {
    if (dt != DType::Int8 && dt != DType::Int16) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(minExp, maxExp));
    const int64_t zp = dt == DType::Int8 ? r.range(-128, 127) : 0;
    return q(scale, zp);
}

Shape randomShape(DiffRng &r, int rank, int maxDim = 7) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, maxDim));
    return s;
}

DiffCase unaryCase(const std::string &name, OpType type, DType dt, const Shape &shape, const Quant &qi,
                   const Quant &qo, DType outDt = DType::Float32, bool sameOut = true) {
    Graph g;
    g.name = "m";
    const int x = addTensor(g, "x", dt, shape, qi);
    const int y = addTensor(g, "y", sameOut ? dt : outDt, shape, qo);
    addOp(g, type, {x}, {y});
    setIO(g, {x}, {y});
    DiffCase c;
    c.name = name;
    c.graph = std::move(g);
    return c;
}

std::string caseName(OpType type, DType dt, int k) {
    return std::string(opTypeName(type)) + " " + dtypeName(dt) + " #" + std::to_string(k);
}

// Inputs of a case set explicitly (one input tensor).
template <class T>
void setInput(DiffCase &c, const std::vector<T> &values) {
    c.inputs = {bytesOf(values)};
}

void runAndCheck(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

// `count` float32 cases of `type` with inputs in [lo, hi] (shapes of rank 1..5).
void addFloatCases(std::vector<DiffCase> &cases, DiffRng &r, OpType type, int count, float lo, float hi) {
    for (int k = 0; k < count; ++k) {
        DiffCase c = unaryCase(caseName(type, DType::Float32, k), type, DType::Float32,
                               randomShape(r, r.range(1, 5), k % 7 == 0 ? 13 : 6), {}, {});
        c.floatMin = lo;
        c.floatMax = hi;
        cases.push_back(std::move(c));
    }
}

// One case per op with an integer type TFLM does not support for it.
void addRefusedTypes(std::vector<DiffCase> &cases, DiffRng &r, std::initializer_list<OpType> types) {
    for (OpType t : types) {
        const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int16, DType::Int32});
        cases.push_back(unaryCase(caseName(t, dt, 98), t, dt, {2, 3}, randomQuant(r, dt), randomQuant(r, dt)));
    }
}

}  // namespace

class TstDiffUnary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    // The float32 libm family, each over its domain (and a few cases outside
    // it, where both must give the same NaN or infinity). Types TFLM refuses
    // for these ops are refused by Ember too.
    void negExp() {
        std::vector<DiffCase> cases;
        DiffRng r(21);
        addFloatCases(cases, r, OpType::Neg, 50, -8.f, 8.f);
        addFloatCases(cases, r, OpType::Exp, 45, -12.f, 12.f);
        addFloatCases(cases, r, OpType::Exp, 5, -100.f, 100.f);  // overflow to inf, underflow to 0
        addRefusedTypes(cases, r, {OpType::Neg, OpType::Exp});
        runAndCheck(std::move(cases));
    }

    void logSqrtRsqrt() {
        std::vector<DiffCase> cases;
        DiffRng r(22);
        addFloatCases(cases, r, OpType::Log, 45, 1e-3f, 50.f);
        addFloatCases(cases, r, OpType::Log, 4, -1.f, 1.f);  // NaN for x < 0
        addFloatCases(cases, r, OpType::Sqrt, 45, 0.f, 50.f);
        addFloatCases(cases, r, OpType::Sqrt, 4, -1.f, 1.f);
        addFloatCases(cases, r, OpType::Rsqrt, 45, 1e-3f, 50.f);
        addFloatCases(cases, r, OpType::Rsqrt, 4, -1.f, 1.f);
        // LOG(0) = -inf, RSQRT(0) = inf, -0.
        for (OpType t : {OpType::Log, OpType::Rsqrt, OpType::Sqrt}) {
            DiffCase c = unaryCase(caseName(t, DType::Float32, 99), t, DType::Float32, {5}, {}, {});
            setInput(c, std::vector<float>{0.f, 1.f, 4.f, 0.25f, -0.f});
            cases.push_back(std::move(c));
        }
        addRefusedTypes(cases, r, {OpType::Log, OpType::Sqrt});
        runAndCheck(std::move(cases));
    }

    void squareSinCos() {
        std::vector<DiffCase> cases;
        DiffRng r(24);
        addFloatCases(cases, r, OpType::Square, 50, -20.f, 20.f);
        addFloatCases(cases, r, OpType::Sin, 45, -7.f, 7.f);
        addFloatCases(cases, r, OpType::Sin, 5, -1000.f, 1000.f);
        addFloatCases(cases, r, OpType::Cos, 45, -7.f, 7.f);
        addFloatCases(cases, r, OpType::Cos, 5, -1000.f, 1000.f);
        addRefusedTypes(cases, r, {OpType::Square, OpType::Sin, OpType::Cos});
        runAndCheck(std::move(cases));
    }

    void floorCeilRound() {
        std::vector<DiffCase> cases;
        DiffRng r(25);
        addFloatCases(cases, r, OpType::Floor, 50, -6.f, 6.f);
        addFloatCases(cases, r, OpType::Ceil, 50, -6.f, 6.f);
        addFloatCases(cases, r, OpType::Round, 25, -6.f, 6.f);
        // ROUND on exact halves and integers: ties go to even.
        for (int k = 0; k < 25; ++k) {
            DiffCase c = unaryCase(caseName(OpType::Round, DType::Float32, 25 + k), OpType::Round, DType::Float32,
                                   randomShape(r, r.range(1, 4)), {}, {});
            std::vector<float> v(size_t(c.graph.tensors[0].elements()));
            for (auto &x : v) x = float(r.range(-24, 24)) * 0.5f + (r.range(0, 3) == 0 ? 0.25f : 0.f);
            setInput(c, v);
            cases.push_back(std::move(c));
        }
        addRefusedTypes(cases, r, {OpType::Floor, OpType::Ceil, OpType::Round});
        runAndCheck(std::move(cases));
    }

    void absOp() {
        std::vector<DiffCase> cases;
        DiffRng r(23);
        addFloatCases(cases, r, OpType::Abs, 20, -8.f, 8.f);
        for (int k = 0; k < 45; ++k) {
            const DType dt = k < 30 ? DType::Int8 : DType::Int16;
            const Quant qi = randomQuant(r, dt);
            // A third of the cases share the input's scale (no rescale in TFLM).
            Quant qo = randomQuant(r, dt, -12, 2);
            if (k % 3 == 0) qo.scale = qi.scale;
            cases.push_back(unaryCase(caseName(OpType::Abs, dt, k), OpType::Abs, dt,
                                      randomShape(r, r.range(1, 5), 6), qi, qo));
        }
        // int16 without quantization: plain integer abs.
        for (int k = 0; k < 5; ++k)
            cases.push_back(unaryCase(caseName(OpType::Abs, DType::Int16, 100 + k), OpType::Abs, DType::Int16,
                                      randomShape(r, r.range(1, 4), 9), {}, {}));
        // Refused: int16 with a zero point, int32.
        cases.push_back(unaryCase("ABS int16 zp #200", OpType::Abs, DType::Int16, {4}, q(0.01f, 3), q(0.01f, 0)));
        cases.push_back(unaryCase("ABS int32 #201", OpType::Abs, DType::Int32, {4}, {}, {}));
        runAndCheck(std::move(cases));
    }

    void rsqrtInt8() {
        std::vector<DiffCase> cases;
        DiffRng r(29);
        addFloatCases(cases, r, OpType::Rsqrt, 10, 1e-3f, 50.f);
        for (int k = 0; k < 40; ++k) {
            const Quant qi = randomQuant(r, DType::Int8, -10, 0);
            const Quant qo = randomQuant(r, DType::Int8, -8, 2);
            DiffCase c = unaryCase(caseName(OpType::Rsqrt, DType::Int8, k), OpType::Rsqrt, DType::Int8,
                                   randomShape(r, r.range(1, 4), 6), qi, qo);
            // TFLM stops on x < zero point: draw from [zp, 127].
            std::vector<int8_t> v(size_t(c.graph.tensors[0].elements()));
            for (auto &x : v) x = int8_t(r.range(int(qi.zeroPoint[0]), 127));
            setInput(c, v);
            cases.push_back(std::move(c));
        }
        cases.push_back(unaryCase("RSQRT int16 #100", OpType::Rsqrt, DType::Int16, {3}, q(0.01f, 0), q(0.01f, 0)));
        runAndCheck(std::move(cases));
    }

    void logicalNot() {
        std::vector<DiffCase> cases;
        DiffRng r(31);
        for (int k = 0; k < 50; ++k)
            cases.push_back(unaryCase(caseName(OpType::LogicalNot, DType::Bool, k), OpType::LogicalNot, DType::Bool,
                                      randomShape(r, r.range(1, 5), 7), {}, {}));
        cases.push_back(unaryCase("LOGICAL_NOT int8 #100", OpType::LogicalNot, DType::Int8, {3}, q(0.1f, 0),
                                  q(0.1f, 0)));
        runAndCheck(std::move(cases));
    }

    void hardSwish() {
        std::vector<DiffCase> cases;
        DiffRng r(37);
        addFloatCases(cases, r, OpType::HardSwish, 15, -8.f, 8.f);
        for (int k = 0; k < 40; ++k) {
            // Output scale at most input scale / 128 * 2^-1 .. 2^8 larger: the
            // range TFLM accepts (output multiplier exponent <= 0), up to
            // far-apart scales where its int16 shifts grow large.
            const Quant qi = randomQuant(r, DType::Int8, -10, 3);
            Quant qo = randomQuant(r, DType::Int8, -10, 3);
            const float ratio = std::ldexp(r.uniform(0.5f, 1.f), r.range(-1, 8));
            if (k % 2) qo.scale = {qi.scale[0] / 128.f * ratio};
            if (k % 11 == 0) qo.zeroPoint = {int64_t(r.coin() ? 127 : -128)};
            cases.push_back(unaryCase(caseName(OpType::HardSwish, DType::Int8, k), OpType::HardSwish, DType::Int8,
                                      randomShape(r, r.range(1, 5), 6), qi, qo));
        }
        // Refused: output scale below input scale / 128; int16.
        cases.push_back(unaryCase("HARD_SWISH int8 small out #100", OpType::HardSwish, DType::Int8, {4},
                                  q(1.f, 0), q(1.f / 512, 0)));
        cases.push_back(unaryCase("HARD_SWISH int16 #101", OpType::HardSwish, DType::Int16, {4}, q(0.01f, 0),
                                  q(0.01f, 0)));
        runAndCheck(std::move(cases));
    }

    void elu() {
        std::vector<DiffCase> cases;
        DiffRng r(41);
        addFloatCases(cases, r, OpType::Elu, 15, -8.f, 8.f);
        for (int k = 0; k < 40; ++k)
            cases.push_back(unaryCase(caseName(OpType::Elu, DType::Int8, k), OpType::Elu, DType::Int8,
                                      randomShape(r, r.range(1, 5), 6), randomQuant(r, DType::Int8, -9, 1),
                                      randomQuant(r, DType::Int8, -9, 1)));
        cases.push_back(unaryCase("ELU int16 #100", OpType::Elu, DType::Int16, {4}, q(0.01f, 0), q(0.01f, 0)));
        runAndCheck(std::move(cases));
    }

    void logSoftmax() {
        std::vector<DiffCase> cases;
        DiffRng r(43);
        for (int k = 0; k < 20; ++k) {
            Shape s = randomShape(r, r.range(1, 4), 5);
            s.back() = r.range(1, k % 5 == 0 ? 300 : 40);
            DiffCase c = unaryCase(caseName(OpType::LogSoftmax, DType::Float32, k), OpType::LogSoftmax,
                                   DType::Float32, s, {}, {});
            c.floatMin = k % 3 == 0 ? -40.f : -4.f;
            c.floatMax = k % 3 == 0 ? 40.f : 4.f;
            cases.push_back(std::move(c));
        }
        for (int k = 0; k < 40; ++k) {
            Shape s = randomShape(r, r.range(1, 4), 5);
            s.back() = r.range(1, k % 5 == 0 ? 500 : 40);
            cases.push_back(unaryCase(caseName(OpType::LogSoftmax, DType::Int8, k), OpType::LogSoftmax, DType::Int8,
                                      s, randomQuant(r, DType::Int8, -14, 3), q(16.f / 256, 127)));
        }
        // Refused: output quantization other than 16/256, 127; int16.
        cases.push_back(unaryCase("LOG_SOFTMAX int8 bad scale #100", OpType::LogSoftmax, DType::Int8, {2, 5},
                                  q(0.1f, 0), q(1.f / 16, 0)));
        cases.push_back(unaryCase("LOG_SOFTMAX int8 bad zp #101", OpType::LogSoftmax, DType::Int8, {2, 5},
                                  q(0.1f, 0), q(1.f / 256, -128)));
        cases.push_back(unaryCase("LOG_SOFTMAX int16 #102", OpType::LogSoftmax, DType::Int16, {2, 5},
                                  q(0.1f, 0), q(1.f / 16, 0)));
        runAndCheck(std::move(cases));
    }
};

QTEST_GUILESS_MAIN(TstDiffUnary)
#include "tst_diff_unary.moc"
