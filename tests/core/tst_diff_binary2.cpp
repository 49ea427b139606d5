// Differential tests against TFLite Micro (tflm_ref) for the broadcasting
// element-wise operators of Elementwise.h: MAXIMUM, MINIMUM, the six
// comparisons, SQUARED_DIFFERENCE, DIV, LOGICAL_AND/OR, SELECT_V2, FLOOR_DIV
// and FLOOR_MOD. Seeded sweeps over dtypes, ranks 1..5, broadcasting, scales
// and zero points, with inputs drawn either over the whole range of the type
// or from a few small values (so that ties and equal elements occur), plus
// models TFLM refuses. See DiffTflm.h for what is compared.
#include <QtTest>

#include <cstring>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Shape randomShape(DiffRng &r, int rank) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, 5));
    return s;
}

// `a` with some axes set to 1 and maybe some leading axes dropped.
Shape broadcastOf(DiffRng &r, const Shape &a) {
    Shape b = a;
    for (auto &d : b)
        if (r.range(0, 2) == 0) d = 1;
    while (!b.empty() && r.range(0, 3) == 0) b.erase(b.begin());
    return b;
}

Shape broadcastShape(const std::vector<Shape> &shapes) {
    size_t rank = 0;
    for (const Shape &s : shapes) rank = std::max(rank, s.size());
    Shape o(rank, 1);
    for (const Shape &s : shapes)
        for (size_t i = 0; i < s.size(); ++i) {
            int32_t &d = o[rank - s.size() + i];
            d = std::max(d, s[i]);
        }
    return o;
}

// Two input shapes: equal, or one a broadcast of the other (either side).
std::pair<Shape, Shape> shapePair(DiffRng &r, int maxRank) {
    const Shape a = randomShape(r, r.range(1, maxRank));
    if (r.range(0, 3) == 0) return {a, a};
    const Shape b = broadcastOf(r, a);
    return r.coin() ? std::make_pair(a, b) : std::make_pair(b, a);
}

Quant quantFor(DiffRng &r, DType dt, int minExp = -12, int maxExp = 2) {
    if (dt != DType::Int8 && dt != DType::Int16) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(minExp, maxExp));
    const int64_t zp = dt == DType::Int8 ? r.pick(std::vector<int>{-128, -1, 0, 5, 127, r.range(-128, 127)}) : 0;
    return q(scale, zp);
}

// Input values: over the whole type (random bytes, floats in [-4, 4]) or a
// few small values, so that equal elements, ties and zero points occur.
// `nonZero` keeps divisors away from 0 (and int32 away from INT32_MIN / -1).
TensorData inputData(const Tensor &t, DiffRng &r, bool small, bool nonZero = false) {
    const size_t n = size_t(t.elements());
    TensorData b = randomTensorData(t, r.next());
    auto smallInt = [&]() {
        int v = r.range(-3, 3);
        if (nonZero && v == 0) v = r.coin() ? 1 : -1;
        return v;
    };
    for (size_t i = 0; i < n; ++i) {
        switch (t.dtype) {
        case DType::Float32: {
            float v;
            std::memcpy(&v, &b[i * 4], 4);
            if (small) v = r.pick(std::vector<float>{-2.f, -1.f, -0.5f, 0.f, 0.5f, 1.f, 2.f, 3.f});
            if (nonZero && std::fabs(v) < 0.25f) v = r.coin() ? 0.75f : -1.25f;
            std::memcpy(&b[i * 4], &v, 4);
            break;
        }
        case DType::Int8:
            if (small) b[i] = uint8_t(int8_t(t.quant.zp() + smallInt()));
            if (nonZero && int8_t(b[i]) == t.quant.zp()) b[i] = uint8_t(int8_t(t.quant.zp() == 127 ? 126 : t.quant.zp() + 1));
            break;
        case DType::Int16:
            if (small) {
                const auto v = int16_t(smallInt());
                std::memcpy(&b[i * 2], &v, 2);
            }
            break;
        case DType::Int32: {
            int32_t v;
            std::memcpy(&v, &b[i * 4], 4);
            if (small) v = smallInt();
            if (nonZero && (v == 0 || v == INT32_MIN)) v = 7;
            std::memcpy(&b[i * 4], &v, 4);
            break;
        }
        case DType::Int64:
            if (small) {
                const auto v = int64_t(smallInt());
                std::memcpy(&b[i * 8], &v, 8);
            }
            break;
        default: break;
        }
    }
    return b;
}

struct BinaryCaseSpec {
    OpType type;
    std::vector<DType> dtypes;
    bool boolOutput = false;
    int maxRank = 4;
    bool sameQuantOut = false;  // output quantized like input 0 (MAXIMUM/MINIMUM)
    int minExp = -12, maxExp = 2;  // input scale exponents
    int bMinExp = 0, bMaxExp = 0, oMinExp = -12, oMaxExp = 2;  // b's (when bMinExp < 0) and the output's
    bool nonZeroDivisor = false;
    std::vector<Activation> activations = {Activation::None};
};

DiffCase binaryCase(DiffRng &r, const BinaryCaseSpec &s, int k) {
    const DType dt = r.pick(s.dtypes);
    const auto [sa, sb] = shapePair(r, s.maxRank);
    Graph g;
    g.name = "m";
    const Quant qa = quantFor(r, dt, s.minExp, s.maxExp);
    const Quant qb = s.bMinExp < 0           ? quantFor(r, dt, s.bMinExp, s.bMaxExp)
                     : r.range(0, 3) == 0 ? qa
                                          : quantFor(r, dt, s.minExp, s.maxExp);
    const DType outType = s.boolOutput ? DType::Bool : dt;
    const Quant qo = s.boolOutput                               ? Quant{}
                     : (s.sameQuantOut && r.range(0, 4) != 0) ? qa
                                                               : quantFor(r, outType, s.oMinExp, s.oMaxExp);
    const int a = addTensor(g, "a", dt, sa, qa);
    const int b = addTensor(g, "b", dt, sb, qb);
    const int y = addTensor(g, "y", outType, broadcastShape({sa, sb}), qo);
    OpAttrs at;
    at.activation = r.pick(s.activations);
    addOp(g, s.type, {a, b}, {y}, at);
    setIO(g, {a, b}, {y});
    DiffCase c{std::string(opTypeName(s.type)) + " " + dtypeName(dt) + " " + shapeString(sa) + "," +
                   shapeString(sb) + " #" + std::to_string(k),
               std::move(g)};
    const bool small = r.coin();
    c.inputs.push_back(inputData(c.graph.tensors[size_t(a)], r, small));
    c.inputs.push_back(inputData(c.graph.tensors[size_t(b)], r, small || r.coin(), s.nonZeroDivisor));
    return c;
}

// A two-input model with the given types and shapes (for the refusal cases).
DiffCase plainCase(const std::string &name, OpType type, DType in, DType out, const Shape &sa, const Shape &sb,
                   Quant qa = {}, Quant qo = {}) {
    Graph g;
    g.name = "m";
    const int a = addTensor(g, "a", in, sa, qa);
    const int b = addTensor(g, "b", in, sb, qa);
    const int y = addTensor(g, "y", out, broadcastShape({sa, sb}), qo);
    addOp(g, type, {a, b}, {y});
    setIO(g, {a, b}, {y});
    return {name, std::move(g)};
}

void check(std::vector<DiffCase> cases);

// 52 seeded cases per comparison: every type TFLM's Eval takes for it.
void comparisons(const std::vector<OpType> &types, uint64_t seed) {
    std::vector<DiffCase> cases;
    DiffRng r(seed);
    for (int k = 0; k < 52 * int(types.size()); ++k) {
        const OpType t = types[size_t(k) % types.size()];
        std::vector<DType> dts = {DType::Float32, DType::Int8, DType::Int32, DType::Int64};
        if (t == OpType::Equal || t == OpType::NotEqual) dts.push_back(DType::Bool);
        if (t == OpType::Greater) dts.push_back(DType::Int16);
        BinaryCaseSpec s{t, dts, true};
        s.maxExp = -1;  // TFLM needs input scales below 1
        cases.push_back(binaryCase(r, s, k));
    }
    check(std::move(cases));
}

void check(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

}  // namespace

class TstDiffBinary2 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void maximumMinimum() {
        std::vector<DiffCase> cases;
        DiffRng r(21);
        const std::vector<DType> dts = {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64};
        for (int k = 0; k < 104; ++k) {
            BinaryCaseSpec s{k % 2 ? OpType::Minimum : OpType::Maximum, dts};
            s.maxRank = 5;
            s.sameQuantOut = true;
            cases.push_back(binaryCase(r, s, k));
        }
        // TFLM refuses other types (in its Eval).
        cases.push_back(plainCase("MAXIMUM bool", OpType::Maximum, DType::Bool, DType::Bool, {3}, {3}));
        cases.push_back(plainCase("MINIMUM bool", OpType::Minimum, DType::Bool, DType::Bool, {2, 3}, {3}));
        check(std::move(cases));
    }

    // Each slot stays well below Qt Test's 5-minute watchdog on a loaded machine.
    void equalNotEqual() { comparisons({OpType::Equal, OpType::NotEqual}, 33); }
    void greater() { comparisons({OpType::Greater, OpType::GreaterEqual}, 34); }
    void less() { comparisons({OpType::Less, OpType::LessEqual}, 35); }

    void comparisonRefusals() {
        std::vector<DiffCase> cases;
        // Types TFLM's Eval rejects, 5-D broadcasting, scales >= 1.
        cases.push_back(plainCase("EQUAL int16", OpType::Equal, DType::Int16, DType::Bool, {4}, {4}, q(0.5f, 0)));
        cases.push_back(plainCase("LESS int16", OpType::Less, DType::Int16, DType::Bool, {4}, {1}, q(0.5f, 0)));
        cases.push_back(plainCase("GREATER bool", OpType::Greater, DType::Bool, DType::Bool, {4}, {4}));
        cases.push_back(plainCase("LESS_EQUAL bool", OpType::LessEqual, DType::Bool, DType::Bool, {2, 4}, {4}));
        cases.push_back(plainCase("GREATER int8 scale 2", OpType::Greater, DType::Int8, DType::Bool, {5}, {5},
                                  q(2.f, 3)));
        check(std::move(cases));
    }

    // 5-D and 6-D broadcasting: TFLM's kernels run these too.
    void highRank() {
        std::vector<DiffCase> cases;
        const std::vector<std::pair<OpType, DType>> ops = {
            {OpType::Equal, DType::Float32},     {OpType::Less, DType::Int8},
            {OpType::SquaredDifference, DType::Float32}, {OpType::SquaredDifference, DType::Int8},
            {OpType::Div, DType::Float32},       {OpType::LogicalAnd, DType::Bool},
            {OpType::FloorMod, DType::Float32},  {OpType::Maximum, DType::Int16}};
        for (const auto &[type, dt] : ops) {
            const bool boolOut = type == OpType::Equal || type == OpType::Less || type == OpType::LogicalAnd;
            const Quant qi = dt == DType::Int8 || dt == DType::Int16 ? q(0.25f, 0) : Quant{};
            const Quant qo = boolOut ? Quant{} : qi;
            const std::string n = std::string(opTypeName(type)) + " " + dtypeName(dt);
            cases.push_back(plainCase(n + " 5-D", type, dt, boolOut ? DType::Bool : dt, {2, 1, 3, 2, 3}, {1, 2, 1},
                                      qi, qo));
            cases.push_back(plainCase(n + " 6-D", type, dt, boolOut ? DType::Bool : dt, {2, 3, 1, 2, 1, 3},
                                      {3, 1, 2, 2, 1}, qi, qo));
        }
        check(std::move(cases));
    }

    void squaredDifference() {
        std::vector<DiffCase> cases;
        DiffRng r(45);
        for (int k = 0; k < 56; ++k) {
            BinaryCaseSpec s{OpType::SquaredDifference, {DType::Float32, DType::Int8, DType::Int16, DType::Int32}};
            cases.push_back(binaryCase(r, s, k));
        }
        cases.push_back(plainCase("SQUARED_DIFFERENCE int16 zp 3", OpType::SquaredDifference, DType::Int16,
                                  DType::Int16, {4}, {4}, q(0.01f, 3), q(0.02f, 0)));
        cases.push_back(
            plainCase("SQUARED_DIFFERENCE bool", OpType::SquaredDifference, DType::Bool, DType::Bool, {4}, {4}));
        check(std::move(cases));
    }

    void div() {
        std::vector<DiffCase> cases;
        DiffRng r(57);
        const std::vector<Activation> acts = {Activation::None, Activation::Relu, Activation::Relu6,
                                              Activation::ReluN1To1};
        for (int k = 0; k < 60; ++k) {
            BinaryCaseSpec s{OpType::Div, {DType::Float32, DType::Int8, DType::Int32}};
            s.maxRank = 5;
            // TFLM's int8 DIV asserts (gemmlowp RoundingDivideByPOT) unless
            // the final shift stays in 0..31 for every element: keep
            // s1 / (s2 * so) in [2^7, 2^14].
            s.minExp = -1;
            s.maxExp = 0;
            s.bMinExp = -4;
            s.bMaxExp = -3;
            s.oMinExp = -8;
            s.oMaxExp = -6;
            s.nonZeroDivisor = true;
            s.activations = acts;
            cases.push_back(binaryCase(r, s, k));
        }
        cases.push_back(plainCase("DIV int16", OpType::Div, DType::Int16, DType::Int16, {4}, {4}, q(0.01f, 0),
                                  q(0.02f, 0)));
        check(std::move(cases));
    }

    void logical() {
        std::vector<DiffCase> cases;
        DiffRng r(69);
        for (int k = 0; k < 104; ++k) {
            BinaryCaseSpec s{k % 2 ? OpType::LogicalOr : OpType::LogicalAnd, {DType::Bool}, true};
            cases.push_back(binaryCase(r, s, k));
        }
        check(std::move(cases));
    }

    void selectV2() {
        std::vector<DiffCase> cases;
        DiffRng r(81);
        auto selectCase = [](const std::string &name, DType dt, const Shape &sc, const Shape &sx, const Shape &sy,
                             const Shape &so, Quant qx = {}) {
            Graph g;
            g.name = "m";
            const int c = addTensor(g, "c", DType::Bool, sc);
            const int x = addTensor(g, "x", dt, sx, qx);
            const int y = addTensor(g, "y", dt, sy, qx);
            const int o = addTensor(g, "o", dt, so, qx);
            addOp(g, OpType::SelectV2, {c, x, y}, {o});
            setIO(g, {c, x, y}, {o});
            return DiffCase{name, std::move(g)};
        };
        for (int k = 0; k < 56; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16});
            const Shape base = randomShape(r, r.range(1, 5));
            Shape s[3];
            for (auto &x : s) x = r.coin() ? base : broadcastOf(r, base);
            cases.push_back(selectCase("SELECT_V2 " + std::string(dtypeName(dt)) + " " + shapeString(s[0]) + "," +
                                           shapeString(s[1]) + "," + shapeString(s[2]) + " #" + std::to_string(k),
                                       dt, s[0], s[1], s[2], broadcastShape({s[0], s[1], s[2]}), quantFor(r, dt)));
        }
        // One element in every tensor, shapes mixed (TFLM's scalar case).
        cases.push_back(selectCase("SELECT_V2 scalars", DType::Float32, {}, {1}, {1, 1}, {1}));
        cases.push_back(selectCase("SELECT_V2 int32", DType::Int32, {3}, {3}, {3}, {3}));
        cases.push_back(selectCase("SELECT_V2 6-D", DType::Float32, {2, 1, 3, 1, 1, 2}, {2}, {1}, {2, 1, 3, 1, 1, 2}));
        cases.push_back(selectCase("SELECT_V2 mismatch", DType::Float32, {3}, {2}, {3}, {3}));
        check(std::move(cases));
    }

    void floorDivMod() {
        std::vector<DiffCase> cases;
        DiffRng r(93);
        for (int k = 0; k < 104; ++k) {
            BinaryCaseSpec s{k % 2 ? OpType::FloorMod : OpType::FloorDiv, {DType::Float32}};
            s.nonZeroDivisor = true;
            cases.push_back(binaryCase(r, s, k));
        }
        cases.push_back(plainCase("FLOOR_DIV int32", OpType::FloorDiv, DType::Int32, DType::Int32, {3}, {3}));
        cases.push_back(plainCase("FLOOR_MOD int32", OpType::FloorMod, DType::Int32, DType::Int32, {3}, {1}));
        cases.push_back(plainCase("FLOOR_MOD int8", OpType::FloorMod, DType::Int8, DType::Int8, {3}, {3},
                                  q(0.5f, 0), q(0.5f, 0)));
        check(std::move(cases));
    }
};

// QTEST_GUILESS_MAIN, with a longer per-function watchdog: each slot builds
// and runs a hundred programs, which can outlast Qt Test's 5-minute default
// on a loaded machine.
int main(int argc, char **argv) {
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT")) qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    QCoreApplication app(argc, argv);
    TstDiffBinary2 tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_diff_binary2.moc"
