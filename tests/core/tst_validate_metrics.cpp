// Validation metrics (core/validate/Validate.h) against values computed by
// hand, dequantization, the input loaders and browse-mode loading.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/validate/Validate.h"

using namespace ember;
using namespace ember::test;

namespace {

// The example model as a file, loaded the normal way (prepared graph).
Result<Graph> demo(const QTemporaryDir &dir) {
    auto g = makeExampleModel("ember_demo");
    if (!g) return g;
    const std::string path = dir.filePath("demo.tflite").toStdString();
    const std::vector<uint8_t> bytes = writeTflite(g.value());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()), long(bytes.size()));
    return loadModel(path);
}

}  // namespace

class TstValidateMetrics : public QObject {
    Q_OBJECT
private slots:
    // Case 1: a = [1,2,3], e = [1,0,4]: |d| = 0,2,1; argmax 2 and 2 (agree).
    // Case 2: a = [5,0], e = [0,5]: |d| = 5,5; argmax 0 and 1 (disagree).
    void handComputed() {
        MetricsAccumulator acc;
        acc.add({1, 2, 3}, {1, 0, 4});
        ErrorMetrics m = acc.result();
        QCOMPARE(m.count, int64_t(3));
        QCOMPARE(m.maxAbs, 2.0);
        QCOMPARE(m.mae, 1.0);
        QVERIFY(std::fabs(m.rmse - std::sqrt(5.0 / 3.0)) < 1e-12);        // 1.290994
        QVERIFY(std::fabs(m.cosine - 13.0 / std::sqrt(14.0 * 17.0)) < 1e-12);  // 0.842650
        QCOMPARE(m.top1(), 1.0);
        acc.add({5, 0}, {0, 5});
        m = acc.result();
        QCOMPARE(m.count, int64_t(5));
        QCOMPARE(m.maxAbs, 5.0);
        QVERIFY(std::fabs(m.mae - 13.0 / 5.0) < 1e-12);                    // 2.6
        QVERIFY(std::fabs(m.rmse - std::sqrt(55.0 / 5.0)) < 1e-12);        // 3.316625
        QVERIFY(std::fabs(m.cosine - 13.0 / std::sqrt(39.0 * 42.0)) < 1e-12);  // 0.321208
        QCOMPARE(m.top1Cases, 2);
        QCOMPARE(m.top1(), 0.5);
    }

    void edgeCases() {
        MetricsAccumulator same;
        same.add({0, 0}, {0, 0});
        QCOMPARE(same.result().cosine, 1.0);  // both zero: identical
        QCOMPARE(same.result().maxAbs, 0.0);
        MetricsAccumulator oneZero;
        oneZero.add({0, 0}, {1, 0});
        QCOMPARE(oneZero.result().cosine, 0.0);
        MetricsAccumulator scalar;
        scalar.add({2}, {3});
        QCOMPARE(scalar.result().top1(), -1.0);  // one element: no top-1
        QCOMPARE(ErrorMetrics().top1(), -1.0);
    }

    // real = scale * (q - zp), per tensor and per channel; back with rounding and clamping.
    void dequantizeQuantize() {
        Tensor t;
        t.dtype = DType::Int8;
        t.shape = {1, 2};
        t.quant.scale = {0.5f};
        t.quant.zeroPoint = {-1};
        const std::vector<uint8_t> b{uint8_t(int8_t(-1)), uint8_t(int8_t(3))};
        QCOMPARE(toReal(t, b), (std::vector<double>{0.0, 2.0}));
        const std::vector<uint8_t> q = fromReal(t, {0.0, 2.0, 100.0, -100.0, 0.26});
        QCOMPARE(int8_t(q[0]), int8_t(-1));
        QCOMPARE(int8_t(q[1]), int8_t(3));
        QCOMPARE(int8_t(q[2]), int8_t(127));   // 199 clamped
        QCOMPARE(int8_t(q[3]), int8_t(-128));  // -201 clamped
        QCOMPARE(int8_t(q[4]), int8_t(0));     // 0.52 - 1 = -0.48 → 0
        Tensor pc;
        pc.dtype = DType::Int8;
        pc.shape = {2, 2};
        pc.quant.scale = {1.f, 0.25f};
        pc.quant.zeroPoint = {0, 0};
        pc.quant.axis = 0;
        QCOMPARE(toReal(pc, {4, 4, 4, 4}), (std::vector<double>{4, 4, 1, 1}));
        Tensor f;
        f.dtype = DType::Float32;
        f.shape = {1};
        QCOMPARE(toReal(f, fromReal(f, {1.5})), (std::vector<double>{1.5}));
    }

    void inputs() {
        QTemporaryDir tmp;
        auto g = demo(tmp);
        QVERIFY(g.ok());
        const Graph &G = g.value();
        const size_t bytes = G.tensors[size_t(G.inputs[0])].bytes();
        // random:SEED is deterministic and gives the asked number of cases.
        auto a = loadValidationInputs(G, "random:5", 3), b = loadValidationInputs(G, "random:5", 3);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value().size(), size_t(3));
        QCOMPARE(a.value()[2][0], b.value()[2][0]);
        QVERIFY(a.value()[0][0] != a.value()[1][0]);
        QVERIFY(loadValidationInputs(G, "random:x1", 1).diagnostics().format().find("seed") != std::string::npos);
        // A raw file with two cases, and a folder holding it.
        QTemporaryDir dir;
        {
            std::ofstream f(dir.filePath("two.bin").toStdString(), std::ios::binary);
            std::string data(2 * bytes, '\x07');
            f.write(data.data(), long(data.size()));
        }
        auto raw = loadValidationInputs(G, dir.filePath("two.bin").toStdString());
        QVERIFY(raw.ok());
        QCOMPARE(raw.value().size(), size_t(2));
        QCOMPARE(raw.value()[1][0].size(), bytes);
        auto folder = loadValidationInputs(G, dir.path().toStdString());
        QVERIFY(folder.ok());
        QCOMPARE(folder.value().size(), size_t(2));
        auto missing = loadValidationInputs(G, dir.filePath("nope.bin").toStdString());
        QVERIFY(!missing.ok());
    }

    // The example model validated against itself as "float" reference: the
    // generated C is bit-exact and every corresponding layer has zero error.
    void selfValidation() {
        QTemporaryDir tmp;
        auto g = demo(tmp);
        QVERIFY(g.ok());
        auto art = compile(g.value(), CompileOptions{});
        QVERIFY(art.ok());
        auto in = loadValidationInputs(g.value(), "random:1", 2);
        QVERIFY(in.ok());
        auto rep = validateBuild(g.value(), art.value(), in.value(), &g.value());
        QVERIFY2(rep.ok(), rep.diagnostics().format().c_str());
        QVERIFY(rep->bitExact);
        QCOMPARE(rep->cases, 2);
        QVERIFY(!rep->layers.empty());
        QVERIFY(rep->layers.size() <= g->ops.size());
        for (const LayerReport &l : rep->layers) QCOMPARE(l.vsFloat.maxAbs, 0.0);
        QCOMPARE(rep->outputs[0].vsFloat.cosine, 1.0);
    }
};

QTEST_GUILESS_MAIN(TstValidateMetrics)
#include "tst_validate_metrics.moc"
