// Differential tests against TFLite Micro (tflm_ref) for SOFTMAX, RESHAPE,
// QUANTIZE, DEQUANTIZE, PAD, CONCATENATION, LOGISTIC, TANH, RELU, RELU6,
// LEAKY_RELU, TRANSPOSE and STRIDED_SLICE: seeded sweeps over shapes (odd
// sizes, ranks 1..5 where TFLM allows), attributes, quantization (extreme
// scales and zero points) and dtypes, plus cases TFLM refuses. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt, bool symmetric = false) {
    if (dt == DType::Float32 || dt == DType::Bool || dt == DType::Int64) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(0, 5) == 0 ? r.range(-24, 8) : r.range(-10, 0));
    int64_t zp = 0;
    if (dt == DType::Int8 && !symmetric) {
        const int k = r.range(0, 5);
        zp = k == 0 ? -128 : k == 1 ? 127 : r.range(-128, 127);
    }
    if (dt == DType::Int16 && !symmetric && r.range(0, 3) == 0) zp = r.range(-300, 300);
    return q(scale, zp);
}

Shape randomShape(DiffRng &r, int rank, int maxDim = 6) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, maxDim));
    return s;
}

const std::vector<DType> kDataTypes = {DType::Float32, DType::Int8, DType::Int16, DType::Int32};

void check(std::vector<DiffCase> cases, size_t minCases, const DiffOptions &opts = {}) {
    // EMBER_DIFF_FILTER=text keeps only the cases whose name contains it
    // (with EMBER_KEEP_DIFF=1 to look at one case's files).
    if (const char *only = std::getenv("EMBER_DIFF_FILTER")) {
        std::erase_if(cases, [&](const DiffCase &c) { return c.name.find(only) == std::string::npos; });
        minCases = 0;
    }
    QVERIFY(cases.size() >= minCases);
    std::string summary;
    QElapsedTimer t;
    t.start();
    const auto failures = runDiff(std::move(cases), opts, &summary);
    qInfo("%s (%.1f s)", summary.c_str(), double(t.elapsed()) / 1000.0);
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

std::string caseName(OpType t, DType dt, const Shape &s, int k, const std::string &extra = {}) {
    return std::string(opTypeName(t)) + " " + dtypeName(dt) + " " + shapeString(s) + (extra.empty() ? "" : " ") +
           extra + " #" + std::to_string(k);
}

DiffCase unaryCase(OpType t, DType in, DType out, const Shape &s, const Quant &qi, const Quant &qo, int k,
                   OpAttrs at = {}, const std::string &extra = {}) {
    Graph g;
    g.name = "m";
    const int x = addTensor(g, "x", in, s, qi);
    const int y = addTensor(g, "y", out, s, qo);
    addOp(g, t, {x}, {y}, at);
    setIO(g, {x}, {y});
    return {caseName(t, in, s, k, std::string(dtypeName(in)) + "->" + dtypeName(out) + " " + extra), std::move(g)};
}

}  // namespace

class TstDiffMisc : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void softmax() {
        std::vector<DiffCase> cases;
        DiffRng r(21);
        for (int k = 0; k < 70; ++k) {
            const int kind = r.range(0, 3);  // float, int8->int8, int8->int16, int16->int16
            const DType in = kind == 0 ? DType::Float32 : kind == 3 ? DType::Int16 : DType::Int8;
            const DType out = kind == 0 ? DType::Float32 : kind == 1 ? DType::Int8 : DType::Int16;
            const Shape s = randomShape(r, r.range(1, 4), 9);
            OpAttrs at;
            at.beta = r.pick(std::vector<float>{1.f, 1.f, 0.5f, 2.f, r.uniform(0.1f, 3.f)});
            Quant qi = randomQuant(r, in, in == DType::Int16);
            if (in != DType::Float32 && r.coin()) qi = q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-6, -2)), qi.zp());
            Quant qo;
            if (out == DType::Int8) qo = q(1.f / 256, -128);
            if (out == DType::Int16) qo = in == DType::Int16 ? q(1.f / 32768, 0) : q(1.f / 65536, -32768);
            // Now and then a wrong output quantization: both must refuse.
            if (out != DType::Float32 && r.range(0, 9) == 0) qo = q(1.f / 128, 0);
            cases.push_back(unaryCase(OpType::Softmax, in, out, s, qi, qo, k, at));
        }
        check(std::move(cases), 50);
    }

    // int8 SOFTMAX under --optimize size, where the generated C computes each
    // exp (ember_softmax_exp) instead of reading a table: every case's C is
    // built, over beta, input scales from 2^-12 to 2^3 (so diff_min cuts
    // anywhere from none to most of the 255 steps), zero points, row lengths
    // 1..300 and int8/int16 outputs.
    void softmaxSize() {
        std::vector<DiffCase> cases;
        DiffRng r(23);
        for (int k = 0; k < 40; ++k) {
            const DType out = r.range(0, 3) == 0 ? DType::Int16 : DType::Int8;
            const int depth = r.pick(std::vector<int>{1, 2, 3, 10, 33, r.range(1, 300)});
            const Shape s = r.coin() ? Shape{r.range(1, 4), depth} : Shape{1, r.range(1, 3), depth};
            OpAttrs at;
            at.beta = r.pick(std::vector<float>{1.f, 1.f, 0.5f, 2.f, r.uniform(0.05f, 4.f)});
            const int zk = r.range(0, 3);
            const int64_t zp = zk == 0 ? -128 : zk == 1 ? 127 : r.range(-128, 127);
            const Quant qi = q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 3)), zp);
            const Quant qo = out == DType::Int8 ? q(1.f / 256, -128) : q(1.f / 65536, -32768);
            cases.push_back(unaryCase(OpType::Softmax, DType::Int8, out, s, qi, qo, k, at, "size"));
        }
        DiffOptions o;
        o.optimize = "size";
        o.allGeneratedC = true;
        check(std::move(cases), 40, o);
    }

    void reshape() {
        std::vector<DiffCase> cases;
        DiffRng r(22);
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(kDataTypes);
            const Shape s = randomShape(r, r.range(1, 5));
            // A random factorisation of the element count into 1..4 dims.
            int64_t n = shapeElements(s);
            Shape o;
            const int rank = r.range(1, 4);
            for (int i = 0; i < rank - 1; ++i) {
                std::vector<int32_t> divs;
                for (int d = 1; d <= n; ++d)
                    if (n % d == 0) divs.push_back(d);
                const int32_t d = r.pick(divs);
                o.push_back(d);
                n /= d;
            }
            o.push_back(int32_t(n));
            std::vector<int32_t> req(o.begin(), o.end());
            if (r.coin()) req[size_t(r.range(0, int(req.size()) - 1))] = -1;
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int x = addTensor(g, "x", dt, s, qq);
            const int y = addTensor(g, "y", dt, o, qq);
            OpAttrs at;
            const int form = r.range(0, 2);  // shape tensor, options only, both
            if (form != 0) at.newShape = req;
            if (form != 1) {
                const int sh = addTensor(g, "shape", DType::Int32, {int32_t(req.size())}, {}, bytesOf(req));
                addOp(g, OpType::Reshape, {x, sh}, {y}, at);
            } else {
                addOp(g, OpType::Reshape, {x}, {y}, at);
            }
            setIO(g, {x}, {y});
            cases.push_back({caseName(OpType::Reshape, dt, s, k, "-> " + shapeString(o)), std::move(g)});
        }
        check(std::move(cases), 50);
    }

    void quantizeDequantize() {
        std::vector<DiffCase> cases;
        DiffRng r(23);
        const std::vector<std::pair<DType, DType>> pairs = {
            {DType::Float32, DType::Int8}, {DType::Float32, DType::Int16}, {DType::Int8, DType::Int8},
            {DType::Int8, DType::Int16},   {DType::Int16, DType::Int8},    {DType::Int16, DType::Int16},
            {DType::Int8, DType::Int32},   {DType::Int16, DType::Int32},   {DType::Int32, DType::Int8},
            {DType::Int32, DType::Int16}};
        for (int k = 0; k < 70; ++k) {
            const auto [in, out] = pairs[size_t(k) % pairs.size()];
            const Shape s = randomShape(r, r.range(1, 4));
            const Quant qi = in == DType::Float32 ? Quant{} : randomQuant(r, in);
            const Quant qo = randomQuant(r, out, out == DType::Int16 && r.coin());
            DiffCase c = unaryCase(OpType::Quantize, in, out, s, qi, qo, k);
            c.floatMin = -300.f, c.floatMax = 300.f;
            cases.push_back(std::move(c));
        }
        for (int k = 0; k < 55; ++k) {
            const DType in = r.pick(std::vector<DType>{DType::Int8, DType::Int16});
            const Shape s = randomShape(r, r.range(1, 4));
            cases.push_back(unaryCase(OpType::Dequantize, in, DType::Float32, s, randomQuant(r, in), {}, k));
        }
        check(std::move(cases), 125);
    }

    void pad() {
        std::vector<DiffCase> cases;
        DiffRng r(24);
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(kDataTypes);
            const int rank = r.range(1, k % 10 == 0 ? 5 : 4);
            const Shape s = randomShape(r, rank, 5);
            std::vector<int32_t> pads;
            Shape o;
            for (int i = 0; i < rank; ++i) {
                const int a = r.range(0, 2) == 0 ? 0 : r.range(0, 3), b = r.range(0, 2) == 0 ? 0 : r.range(0, 3);
                pads.push_back(a), pads.push_back(b);
                o.push_back(s[size_t(i)] + a + b);
            }
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int x = addTensor(g, "x", dt, s, qq);
            const int p = addTensor(g, "pads", DType::Int32, {rank, 2}, {}, bytesOf(pads));
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::Pad, {x, p}, {y});
            setIO(g, {x}, {y});
            cases.push_back({caseName(OpType::Pad, dt, s, k, "pads " + shapeString(pads)), std::move(g)});
        }
        check(std::move(cases), 50);
    }

    void concatenation() {
        std::vector<DiffCase> cases;
        DiffRng r(25);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 6 == 5 ? r.pick(std::vector<DType>{DType::Int64, DType::Bool}) : r.pick(kDataTypes);
            const int rank = r.range(1, 4);
            const int axis = r.range(0, rank - 1);
            const Shape base = randomShape(r, rank, 5);
            const int n = r.range(1, 4);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            // Mostly shared quantization; sometimes an input differs.
            const bool mixed = dt != DType::Float32 && dt != DType::Int32 && r.range(0, 4) == 0;
            std::vector<int> ins;
            Shape o = base;
            o[size_t(axis)] = 0;
            for (int i = 0; i < n; ++i) {
                Shape s = base;
                s[size_t(axis)] = r.range(1, 4);
                o[size_t(axis)] += s[size_t(axis)];
                ins.push_back(addTensor(g, "x" + std::to_string(i), dt, s, mixed && i == 0 ? randomQuant(r, dt) : qq));
            }
            const int y = addTensor(g, "y", dt, o, qq);
            OpAttrs at;
            at.axis = r.coin() ? axis : axis - rank;
            addOp(g, OpType::Concatenation, ins, {y}, at);
            setIO(g, ins, {y});
            cases.push_back({caseName(OpType::Concatenation, dt, o, k,
                                      std::to_string(n) + " inputs axis " + std::to_string(at.axis) +
                                          (mixed ? " mixed quant" : "")),
                             std::move(g)});
        }
        check(std::move(cases), 50);
    }

    void logisticTanh() {
        std::vector<DiffCase> cases;
        DiffRng r(26);
        for (const OpType t : {OpType::Logistic, OpType::Tanh}) {
            for (int k = 0; k < 60; ++k) {
                const DType dt = r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16});
                const Shape s = randomShape(r, r.range(1, 4));
                Quant qi, qo;
                if (dt == DType::Int8) {
                    qi = q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-9, 1)), r.range(-128, 127));
                    qo = t == OpType::Logistic ? q(1.f / 256, -128) : q(1.f / 128, 0);
                } else if (dt == DType::Int16) {
                    // Power-of-two input scales (the converter's choice) and arbitrary ones.
                    qi = r.coin() ? q(std::ldexp(1.f, r.range(-13, -11)), 0)
                                  : q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-16, -10)), 0);
                    qo = q(1.f / 32768, 0);
                }
                // Now and then a wrong output quantization: both must refuse.
                if (dt != DType::Float32 && r.range(0, 12) == 0) qo = q(0.01f, 3 * (dt == DType::Int8));
                DiffCase c = unaryCase(t, dt, dt, s, qi, qo, k);
                c.floatMin = -12.f, c.floatMax = 12.f;
                cases.push_back(std::move(c));
            }
        }
        check(std::move(cases), 100);
    }

    void reluFamily() {
        std::vector<DiffCase> cases;
        DiffRng r(27);
        for (const OpType t : {OpType::Relu, OpType::Relu6, OpType::LeakyRelu}) {
            for (int k = 0; k < 55; ++k) {
                const DType dt = r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16});
                const Shape s = randomShape(r, r.range(1, 4));
                const bool sym = dt == DType::Int16 && r.range(0, 9) != 0;
                const Quant qi = randomQuant(r, dt, sym);
                // RELU6 on int8 keeps the quantization in TFLM; mostly the same out.
                const Quant qo = r.range(0, 2) == 0 ? qi : randomQuant(r, dt, sym);
                OpAttrs at;
                at.alpha = r.pick(std::vector<float>{0.1f, 0.2f, 0.01f, 0.f, -0.5f, 1.5f, r.uniform(-2.f, 2.f)});
                DiffCase c = unaryCase(t, dt, dt, s, qi, qo, k, at,
                                       t == OpType::LeakyRelu ? "alpha " + std::to_string(at.alpha) : "");
                c.floatMin = -10.f, c.floatMax = 10.f;
                cases.push_back(std::move(c));
            }
        }
        check(std::move(cases), 165);
    }

    void transpose() {
        std::vector<DiffCase> cases;
        DiffRng r(28);
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(kDataTypes);
            const int rank = r.range(1, k % 8 == 0 ? 6 : 5);
            const Shape s = randomShape(r, rank, 5);
            std::vector<int32_t> perm(static_cast<size_t>(rank));
            std::iota(perm.begin(), perm.end(), 0);
            for (int i = rank - 1; i > 0; --i) std::swap(perm[size_t(i)], perm[size_t(r.range(0, i))]);
            Shape o;
            for (int32_t p : perm) o.push_back(s[size_t(p)]);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int x = addTensor(g, "x", dt, s, qq);
            const int p = addTensor(g, "perm", DType::Int32, {rank}, {}, bytesOf(perm));
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::Transpose, {x, p}, {y});
            setIO(g, {x}, {y});
            cases.push_back({caseName(OpType::Transpose, dt, s, k, "perm " + shapeString(perm)), std::move(g)});
        }
        check(std::move(cases), 50);
    }

    void stridedSlice() {
        std::vector<DiffCase> cases;
        DiffRng r(29);
        // Many random slices are empty or 5-D (refused by both): 130 cases
        // give more than 50 that run.
        for (int k = 0; k < 130; ++k) {
            const DType dt = r.pick(kDataTypes);
            const int rank = r.range(1, k % 10 == 0 ? 5 : 4);
            const Shape s = randomShape(r, rank, 7);
            std::vector<int32_t> begin, end, strides;
            OpAttrs at;
            for (int i = 0; i < rank; ++i) {
                const int size = s[size_t(i)];
                int32_t st = r.pick(std::vector<int32_t>{1, 1, 1, 2, 3, -1, -2});
                begin.push_back(r.range(-size, size));
                end.push_back(r.range(-size - 1, size + 1));
                strides.push_back(st);
                if (r.range(0, 4) == 0) at.beginMask |= 1 << i;
                if (r.range(0, 4) == 0) at.endMask |= 1 << i;
                if (r.range(0, 6) == 0) {
                    // TFLM's kernel writes nothing for a shrunk axis with a
                    // negative stride (Ember refuses it): positive here.
                    at.shrinkAxisMask |= 1 << i;
                    begin.back() = r.range(-size, size - 1);
                    strides.back() = r.range(1, 2);
                    at.beginMask &= ~(1 << i);
                }
            }
            // TFLM never reads `offset`; Ember ignores it too.
            at.offset = r.range(0, 6) == 0;
            // Output shape as TFLite's reference kernel slices
            // (StridedSliceStartForAxis / StridedSliceEndForAxis).
            Shape o;
            auto clampTo = [](int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); };
            for (int i = 0; i < rank; ++i) {
                const int size = s[size_t(i)], st = strides[size_t(i)];
                int b = begin[size_t(i)];
                if (at.beginMask >> i & 1) {
                    b = st > 0 ? 0 : size - 1;
                } else {
                    if (b < 0) b += size;
                    b = st > 0 ? clampTo(b, 0, size) : clampTo(b, -1, size - 1);
                }
                if (at.shrinkAxisMask >> i & 1) continue;
                int e = end[size_t(i)];
                if (e < 0) e += size;
                e = st > 0 ? clampTo(e, 0, size) : clampTo(e, -1, size - 1);
                if (at.endMask >> i & 1) e = st > 0 ? size : -1;
                const int n = st > 0 ? (e > b ? (e - b + st - 1) / st : 0) : (e < b ? (b - e - st - 1) / -st : 0);
                o.push_back(n);
            }
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int x = addTensor(g, "x", dt, s, qq);
            const int bt = addTensor(g, "begin", DType::Int32, {rank}, {}, bytesOf(begin));
            const int et = addTensor(g, "end", DType::Int32, {rank}, {}, bytesOf(end));
            const int stt = addTensor(g, "strides", DType::Int32, {rank}, {}, bytesOf(strides));
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::StridedSlice, {x, bt, et, stt}, {y}, at);
            setIO(g, {x}, {y});
            char extra[200];
            std::snprintf(extra, sizeof extra, "b%s e%s s%s bm%d em%d sm%d off%d", shapeString(begin).c_str(),
                          shapeString(end).c_str(), shapeString(strides).c_str(), at.beginMask, at.endMask,
                          at.shrinkAxisMask, int(at.offset));
            cases.push_back({caseName(OpType::StridedSlice, dt, s, k, extra), std::move(g)});
        }
        check(std::move(cases), 130);
    }
};

// The batched C builds of a few hundred cases can exceed QtTest's default
// 5-minute watchdog on a loaded machine.
int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT")) qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    QCoreApplication app(argc, argv);
    TstDiffMisc tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_diff_misc.moc"
