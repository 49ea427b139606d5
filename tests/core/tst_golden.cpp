// End-to-end: every shared model with goldens, through the whole compiler.
// For each model that uses only supported ops: the reference executor AND
// the generated C (built with the host compiler, -Werror) must reproduce the
// TFLM reference outputs — bit-exact for integer outputs, within 1e-4 of the
// output range for float outputs. Models with unsupported ops must be
// refused with an error naming the op.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

#include "TestUtil.h"
#include "core/validate/HostRunner.h"

using namespace ember;

class TstGolden : public QObject {
    Q_OBJECT

private:
    static QJsonObject manifest(const QString &dir) {
        QFile f(QString::fromStdString(test::sharedDir()) + "/models/golden/" + dir + "/manifest.json");
        if (!f.open(QIODevice::ReadOnly)) return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    // Compares one output; returns an empty string when it matches.
    static QString compare(const Tensor &t, const std::vector<uint8_t> &got, const std::vector<uint8_t> &want) {
        if (got.size() != want.size())
            return QString("size %1 != expected %2").arg(got.size()).arg(want.size());
        if (t.dtype != DType::Float32) {
            for (size_t i = 0; i < got.size(); ++i)
                if (got[i] != want[i]) {
                    const size_t e = i / dtypeSize(t.dtype);
                    return QString("first difference at element %1 (byte %2: %3 vs %4)")
                        .arg(e).arg(i).arg(int(got[i])).arg(int(want[i]));
                }
            return {};
        }
        const auto a = test::valuesOf<float>(got), b = test::valuesOf<float>(want);
        float lo = INFINITY, hi = -INFINITY, maxDiff = 0;
        for (size_t i = 0; i < b.size(); ++i) {
            lo = std::min(lo, b[i]);
            hi = std::max(hi, b[i]);
            maxDiff = std::max(maxDiff, std::fabs(a[i] - b[i]));
        }
        const float tol = 1e-4f * std::max(hi - lo, 1e-6f);
        if (!(maxDiff <= tol)) return QString("max abs difference %1 > tolerance %2").arg(maxDiff).arg(tol);
        return {};
    }

private slots:
    void supportedModels_data() {
        QTest::addColumn<QString>("golden");
        // Every model under golden/ whose ops Ember supports.
        for (const char *m : {"kws_ref_model", "vww_96_int8", "pretrainedResnet_quant", "ad01_int8",
                              "hello_world_int8", "simple_add_model", "add0", "sub0", "conv0", "conv1", "conv10",
                              "leaky_relu0", "pad0", "quantize0", "strided_slice0", "ad01_fp32",
                              "pretrainedResnet", "vww_96_float", "hello_world_float", "transpose_conv0",
                              "keyword_scrambled", "keyword_scrambled_8bit", "audio_preprocessor_float",
                              "audio_preprocessor_int8", "trained_lstm", "trained_lstm_int8",
                              "dtln_noise_suppression"})
            QTest::newRow(m) << QString(m);
    }

    void supportedModels() {
        QFETCH(QString, golden);
        const QJsonObject man = manifest(golden);
        QVERIFY2(!man.isEmpty(), "golden manifest missing");
        const std::string model = test::modelPath(man["model"].toString().toStdString());
        auto g = loadModel(model);
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        CompileOptions opts;
        auto art = compile(g.value(), opts);
        QVERIFY2(art.ok(), art.diagnostics().format().c_str());
        auto prog = HostProgram::build(art.value(), g.value());
        QVERIFY2(prog.ok(), prog.diagnostics().format().c_str());

        const QString dir = QString::fromStdString(test::sharedDir()) + "/models/golden/" + golden + "/";
        const QJsonArray cases = man["cases"].toArray();
        QVERIFY(!cases.isEmpty());
        for (const auto &cv : cases) {
            const QJsonObject c = cv.toObject();
            std::vector<TensorData> inputs;
            for (const auto &in : c["inputs"].toArray()) {
                TensorData b;
                QVERIFY(test::readFile((dir + in.toString()).toStdString(), &b));
                inputs.push_back(b);
            }
            auto ref = runReference(g.value(), inputs);
            QVERIFY2(ref.ok(), ref.diagnostics().format().c_str());
            auto gen = prog->run(inputs);
            QVERIFY2(gen.ok(), gen.diagnostics().format().c_str());
            const QJsonArray outs = c["outputs"].toArray();
            QCOMPARE(size_t(outs.size()), g->outputs.size());
            for (int j = 0; j < outs.size(); ++j) {
                TensorData want;
                QVERIFY(test::readFile((dir + outs[j].toString()).toStdString(), &want));
                const Tensor &t = g->tensors[size_t(g->outputs[size_t(j)])];
                const QString r = compare(t, ref.value()[size_t(j)], want);
                QVERIFY2(r.isEmpty(), qPrintable(c["name"].toString() + " reference executor: " + r));
                const QString s = compare(t, gen.value()[size_t(j)], want);
                QVERIFY2(s.isEmpty(), qPrintable(c["name"].toString() + " generated C: " + s));
            }
        }
    }

    void unsupportedModelsRefused_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("op");
        QTest::newRow("hybrid") << "mlperf_tiny/kws/kws_ref_model_float32.tflite" << "hybrid";
    }

    void unsupportedModelsRefused() {
        QFETCH(QString, model);
        QFETCH(QString, op);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY(!g.ok());
        const std::string msg = g.diagnostics().format();
        QVERIFY2(msg.find(op.toStdString()) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find(model.section('/', -1).toStdString()) != std::string::npos, msg.c_str());
    }
};

QTEST_APPLESS_MAIN(TstGolden)
#include "tst_golden.moc"
