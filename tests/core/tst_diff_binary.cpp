// Differential tests against TFLite Micro (tflm_ref) for ADD, SUB, MUL and
// MEAN: seeded sweeps over shapes (broadcasting, odd sizes), quantization
// (extreme scales and zero points), fused activations and dtypes. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt == DType::Float32 || dt == DType::Int32) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 2));
    const int64_t zp = dt == DType::Int8 ? r.range(-128, 127) : 0;
    return q(scale, zp);
}

Shape randomShape(DiffRng &r, int rank) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, 7));
    return s;
}

// b's shape: a's with some axes set to 1 (or dropped from the front).
Shape broadcastOf(DiffRng &r, const Shape &a) {
    Shape b = a;
    for (auto &d : b)
        if (r.range(0, 2) == 0) d = 1;
    while (!b.empty() && r.range(0, 3) == 0) b.erase(b.begin());
    return b;
}

Shape broadcastShape(const Shape &a, const Shape &b) {
    Shape o(std::max(a.size(), b.size()), 1);
    for (size_t i = 0; i < o.size(); ++i) {
        const int32_t x = i < o.size() - a.size() ? 1 : a[i - (o.size() - a.size())];
        const int32_t y = i < o.size() - b.size() ? 1 : b[i - (o.size() - b.size())];
        o[i] = std::max(x, y);
    }
    return o;
}

}  // namespace

class TstDiffBinary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void addSubMul() {
        std::vector<DiffCase> cases;
        DiffRng r(7);
        const std::vector<OpType> types = {OpType::Add, OpType::Sub, OpType::Mul};
        // int32: unquantized, full-range values (wrapping sums and products).
        const std::vector<DType> dts = {DType::Int8, DType::Int16, DType::Float32, DType::Int32};
        const std::vector<Activation> acts = {Activation::None, Activation::Relu, Activation::Relu6,
                                              Activation::ReluN1To1};
        for (int k = 0; k < 240; ++k) {
            const OpType type = types[size_t(k) % 3];
            const DType dt = r.pick(dts);
            const Shape sa = randomShape(r, r.range(1, 4));
            const Shape sb = r.coin() ? sa : broadcastOf(r, sa);
            Graph g;
            g.name = "m";
            const int a = addTensor(g, "a", dt, sa, randomQuant(r, dt));
            const int b = addTensor(g, "b", dt, sb, randomQuant(r, dt));
            const int y = addTensor(g, "y", dt, broadcastShape(sa, sb), randomQuant(r, dt));
            OpAttrs at;
            at.activation = r.pick(acts);
            addOp(g, type, {a, b}, {y}, at);
            setIO(g, {a, b}, {y});
            cases.push_back({std::string(opTypeName(type)) + " " + dtypeName(dt) + " #" + std::to_string(k),
                             std::move(g)});
        }
        std::string summary;
        const auto failures = runDiff(std::move(cases), {}, &summary);
        qInfo("%s", summary.c_str());
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }

    void mean() {
        std::vector<DiffCase> cases;
        DiffRng r(11);
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int16, DType::Float32});
            const Shape sa = randomShape(r, 4);
            // Axes 1 and 2 (the classifier pattern), sometimes one axis.
            std::vector<int32_t> axes = r.coin() ? std::vector<int32_t>{1, 2}
                                                 : std::vector<int32_t>{int32_t(r.range(0, 3))};
            const bool keep = r.coin();
            Shape so;
            for (int i = 0; i < 4; ++i) {
                const bool reduced = std::find(axes.begin(), axes.end(), i) != axes.end();
                if (!reduced) so.push_back(sa[size_t(i)]);
                else if (keep) so.push_back(1);
            }
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            // Half the cases share the input's quantization (the shortcut TFLM never takes).
            const Quant qo = r.coin() ? qi : randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sa, qi);
            const int ax = addTensor(g, "axes", DType::Int32, {int32_t(axes.size())}, {}, bytesOf(axes));
            const int y = addTensor(g, "y", dt, so, qo);
            OpAttrs at;
            at.keepDims = keep;
            addOp(g, OpType::Mean, {a, ax}, {y}, at);
            setIO(g, {a}, {y});
            cases.push_back({std::string("MEAN ") + dtypeName(dt) + " #" + std::to_string(k), std::move(g)});
        }
        std::string summary;
        const auto failures = runDiff(std::move(cases), {}, &summary);
        qInfo("%s", summary.c_str());
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }

    // Regression: MobileNetV2's classifier head, int8 MEAN over H and W with
    // keep_dims and the input's quantization on the output. TFLM requantizes
    // (rounds to nearest) even then; Ember used to truncate sum / count.
    void meanSameQuantClassifier() {
        std::vector<DiffCase> cases;
        const std::vector<std::pair<float, int64_t>> quants = {
            {0.0235294f, -128}, {0.1f, 3}, {0.5f, 127}, {1.f / 256, -1}};
        int k = 0;
        for (const auto &[scale, zp] : quants) {
            for (const Shape &s : {Shape{1, 7, 7, 1280}, Shape{1, 3, 5, 17}}) {
                Graph g;
                g.name = "m";
                const std::vector<int32_t> axes{1, 2};
                const int a = addTensor(g, "a", DType::Int8, s, q(scale, zp));
                const int ax = addTensor(g, "axes", DType::Int32, {2}, {}, bytesOf(axes));
                const int y = addTensor(g, "y", DType::Int8, {s[0], 1, 1, s[3]}, q(scale, zp));
                OpAttrs at;
                at.keepDims = true;
                addOp(g, OpType::Mean, {a, ax}, {y}, at);
                setIO(g, {a}, {y});
                cases.push_back({"MEAN int8 same quant " + shapeString(s) + " #" + std::to_string(k++), std::move(g)});
            }
        }
        std::string summary;
        const auto failures = runDiff(std::move(cases), {}, &summary);
        qInfo("%s", summary.c_str());
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }
};

QTEST_GUILESS_MAIN(TstDiffBinary)
#include "tst_diff_binary.moc"
