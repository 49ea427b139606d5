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

// Several ops reading the same input, each with its own output (and output
// quantization): one model, one tflm_ref run and one C unit for all of them.
DiffCase multiCase(const std::string &name, const std::vector<OpType> &types, DType dt, const Shape &shape,
                   const Quant &qi, const std::vector<Quant> &qos) {
    Graph g;
    g.name = "m";
    const int x = addTensor(g, "x", dt, shape, qi);
    std::vector<int> ys;
    for (size_t i = 0; i < types.size(); ++i) {
        ys.push_back(addTensor(g, "y" + std::to_string(i), dt, shape, qos.empty() ? Quant{} : qos[i]));
        addOp(g, types[i], {x}, {ys.back()});
    }
    setIO(g, {x}, ys);
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

// One case per op and integer type TFLM does not support for it.
void addRefusedTypes(std::vector<DiffCase> &cases, DiffRng &r, std::initializer_list<OpType> types) {
    for (OpType t : types)
        for (DType dt : {DType::Int8, DType::Int16, DType::Int32})
            cases.push_back(unaryCase(caseName(t, dt, 98), t, dt, {2, 3}, randomQuant(r, dt), randomQuant(r, dt)));
}

}  // namespace

class TstDiffUnary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    // The float32 ops, several per model (output j = the j-th op of the
    // list), over their domains and a few cases outside them, where both must
    // give the same NaN or infinity. Types TFLM refuses are refused by Ember.
    void floatOps() {
        const std::vector<OpType> anyX = {OpType::Abs,   OpType::Neg,   OpType::Square,    OpType::Sin,
                                          OpType::Cos,   OpType::Floor, OpType::Ceil,      OpType::Round,
                                          OpType::Exp,   OpType::Elu,   OpType::HardSwish};
        const std::vector<OpType> positiveX = {OpType::Log, OpType::Sqrt, OpType::Rsqrt};
        std::vector<DiffCase> cases;
        DiffRng r(21);
        for (int k = 0; k < 68; ++k) {
            DiffCase c = multiCase("float32 ops #" + std::to_string(k), anyX, DType::Float32,
                                   randomShape(r, r.range(1, 5), k % 7 == 0 ? 13 : 6), {}, {});
            const float range = k < 3 ? 100.f : r.pick(std::vector<float>{1.f, 8.f, 8.f, 30.f});
            c.floatMin = -range;
            c.floatMax = range;
            if (k >= 50) {  // exact halves and quarters: ROUND's ties go to even
                std::vector<float> v(size_t(c.graph.tensors[0].elements()));
                for (auto &x : v) x = float(r.range(-24, 24)) * 0.5f + (r.range(0, 3) == 0 ? 0.25f : 0.f);
                setInput(c, v);
            }
            cases.push_back(std::move(c));
        }
        for (int k = 0; k < 55; ++k) {
            const Shape shape = k == 4 ? Shape{5} : randomShape(r, r.range(1, 5), k % 7 == 0 ? 13 : 6);
            DiffCase c = multiCase("float32 LOG/SQRT/RSQRT #" + std::to_string(k), positiveX, DType::Float32,
                                   shape, {}, {});
            c.floatMin = k < 4 ? -1.f : 1e-3f;  // NaN for x < 0
            c.floatMax = k < 4 ? 1.f : r.pick(std::vector<float>{1.f, 50.f, 1000.f});
            if (k == 4) setInput(c, std::vector<float>{0.f, 1.f, 4.f, 0.25f, -0.f});  // -inf, inf
            cases.push_back(std::move(c));
        }
        addFloatCases(cases, r, OpType::Exp, 5, -100.f, 100.f);  // overflow to inf, underflow to 0
        addRefusedTypes(cases, r, {OpType::Neg, OpType::Exp, OpType::Log, OpType::Sqrt, OpType::Square, OpType::Sin,
                                   OpType::Cos, OpType::Floor, OpType::Ceil, OpType::Round});
        runAndCheck(std::move(cases));
    }

    // ABS, HARD_SWISH and ELU on one int8 input, each output with its own
    // quantization (ABS sometimes on the input's scale, where TFLM skips the
    // rescale; HARD_SWISH's output scale above input scale / 128, up to far
    // apart, where its int16 shifts grow large).
    void int8Tables() {
        std::vector<DiffCase> cases;
        DiffRng r(27);
        for (int k = 0; k < 50; ++k) {
            const Quant qi = randomQuant(r, DType::Int8, -10, 3);
            Quant qAbs = randomQuant(r, DType::Int8);
            if (k % 3 == 0) qAbs.scale = qi.scale;
            Quant qHs = randomQuant(r, DType::Int8);
            qHs.scale = {qi.scale[0] / 128.f * std::ldexp(r.uniform(0.5f, 1.f), r.range(1, k % 4 ? 9 : 22))};
            if (k % 11 == 0) qHs.zeroPoint = {int64_t(r.coin() ? 127 : -128)};
            const Quant qElu = randomQuant(r, DType::Int8, -9, 1);
            cases.push_back(multiCase("int8 ABS/HARD_SWISH/ELU #" + std::to_string(k),
                                      {OpType::Abs, OpType::HardSwish, OpType::Elu}, DType::Int8,
                                      randomShape(r, r.range(1, 5), 6), qi, {qAbs, qHs, qElu}));
        }
        // Refused: HARD_SWISH output scale below input scale / 128; int16
        // HARD_SWISH and ELU.
        cases.push_back(unaryCase("HARD_SWISH int8 small out #100", OpType::HardSwish, DType::Int8, {4},
                                  q(1.f, 0), q(1.f / 512, 0)));
        cases.push_back(unaryCase("HARD_SWISH int16 #101", OpType::HardSwish, DType::Int16, {4}, q(0.01f, 0),
                                  q(0.01f, 0)));
        cases.push_back(unaryCase("ELU int16 #102", OpType::Elu, DType::Int16, {4}, q(0.01f, 0), q(0.01f, 0)));
        runAndCheck(std::move(cases));
    }

    void absInt16() {
        std::vector<DiffCase> cases;
        DiffRng r(23);
        for (int k = 0; k < 15; ++k) {
            const Quant qi = randomQuant(r, DType::Int16);
            Quant qo = randomQuant(r, DType::Int16);
            if (k % 3 == 0) qo.scale = qi.scale;
            cases.push_back(unaryCase(caseName(OpType::Abs, DType::Int16, k), OpType::Abs, DType::Int16,
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

    void rsqrtQuantized() {
        std::vector<DiffCase> cases;
        DiffRng r(29);
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
        // int16 (zero points 0), inputs >= 0.
        for (int k = 0; k < 15; ++k) {
            const Quant qi = randomQuant(r, DType::Int16, -14, -4);
            const Quant qo = randomQuant(r, DType::Int16, -10, -2);
            DiffCase c = unaryCase(caseName(OpType::Rsqrt, DType::Int16, k), OpType::Rsqrt, DType::Int16,
                                   randomShape(r, r.range(1, 4), 6), qi, qo);
            std::vector<int16_t> v(size_t(c.graph.tensors[0].elements()));
            for (auto &x : v) x = int16_t(r.coin() ? r.range(0, 300) : r.range(0, 32767));
            setInput(c, v);
            cases.push_back(std::move(c));
        }
        // Refused: int16 with a zero point.
        cases.push_back(unaryCase("RSQRT int16 zp #100", OpType::Rsqrt, DType::Int16, {3}, q(0.01f, 2),
                                  q(0.01f, 0)));
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
