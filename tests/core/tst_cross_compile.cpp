// The generated C of real models compiles warning-free with -Werror under
// gcc, clang and arm-none-eabi-gcc (Cortex-M4F), and generation is
// deterministic (byte-identical packages for identical inputs).
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "TestUtil.h"
#include "core/validate/HostRunner.h"

using namespace ember;

class TstCrossCompile : public QObject {
    Q_OBJECT

private slots:
    void compilers_data() {
        QTest::addColumn<QString>("model");
        for (const char *m : {"mlperf_tiny/kws/kws_ref_model.tflite", "mlperf_tiny/vww/vww_96_int8.tflite",
                              "mlperf_tiny/ic/pretrainedResnet_quant.tflite", "mlperf_tiny/ad/ad01_int8.tflite",
                              "mlperf_tiny/ad/ad01_fp32.tflite", "tflite_micro/seanet/conv/conv0.tflite",
                              "tflite_micro/seanet/sub/sub0.tflite", "tflite_micro/seanet/leaky_relu/leaky_relu0.tflite",
                              "tflite_micro/seanet/strided_slice/strided_slice0.tflite",
                              "tflite_micro/seanet/quantize/quantize0.tflite"})
            QTest::newRow(m) << QString(m);
    }

    void compilers() {
        QFETCH(QString, model);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        auto art = compile(g.value(), CompileOptions{});
        QVERIFY2(art.ok(), art.diagnostics().format().c_str());
        QTemporaryDir dir;
        Diagnostics d;
        QVERIFY(art->writeTo(dir.path().toStdString(), d));
        const std::string inc = "-I" + dir.path().toStdString() + "/include";
        struct Cc {
            const char *exe;
            std::vector<std::string> flags;
        };
        const std::vector<Cc> compilers = {
            {"gcc", {}},
            {"clang", {}},
            {"arm-none-eabi-gcc", {"-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"}},
        };
        for (const Cc &cc : compilers) {
            if (QStandardPaths::findExecutable(cc.exe).isEmpty()) QSKIP(qPrintable(QString(cc.exe) + " is not installed"));
            for (const auto &f : art->files) {
                if (f.first.size() < 2 || f.first.substr(f.first.size() - 2) != ".c") continue;
                std::vector<std::string> cmd = {cc.exe, "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                                inc, "-c", dir.path().toStdString() + "/" + f.first, "-o",
                                                dir.path().toStdString() + "/out.o"};
                cmd.insert(cmd.begin() + 1, cc.flags.begin(), cc.flags.end());
                std::string log;
                const int rc = runProcess(cmd, &log);
                QVERIFY2(rc == 0, qPrintable(QString("%1 on %2:\n%3").arg(cc.exe, QString::fromStdString(f.first),
                                                                        QString::fromStdString(log))));
            }
        }
    }

    void deterministic() {
        auto g1 = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        auto g2 = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g1.ok() && g2.ok());
        auto a = compile(g1.value(), CompileOptions{});
        auto b = compile(g2.value(), CompileOptions{});
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->files.size(), b->files.size());
        for (size_t i = 0; i < a->files.size(); ++i) {
            QCOMPARE(a->files[i].first, b->files[i].first);
            QVERIFY2(a->files[i].second == b->files[i].second, a->files[i].first.c_str());
        }
    }

    void packageLayout() {
        auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g.ok());
        CompileOptions opts;
        opts.name = "kws";
        auto a = compile(g.value(), opts);
        QVERIFY(a.ok());
        std::vector<std::string> names;
        for (const auto &f : a->files) names.push_back(f.first);
        const std::vector<std::string> expected = {"include/kws/kws.h", "src/kws.c", "src/kws_ops.c",
                                                   "src/kws_constants.c", "metadata.json"};
        QCOMPARE(names, expected);
        const std::string &h = *a->file("include/kws/kws.h");
        QVERIFY(h.find("int32_t kws_run(struct kws_inputs *inputs, struct kws_outputs *outputs);") != std::string::npos);
        QVERIFY(h.find("struct kws_inputs {\n    int8_t *input_1;\n};") != std::string::npos);
        QVERIFY(h.find("#define KWS_INPUT_0_BYTES 490") != std::string::npos);
        QVERIFY(h.find("#define KWS_OUTPUT_0_BYTES 12") != std::string::npos);
        QVERIFY(h.find("#define KWS_LAYER_COUNT 13") != std::string::npos);
        // One function per layer, each with a comment naming the layer.
        const std::string &ops = *a->file("src/kws_ops.c");
        size_t fns = 0;
        for (size_t p = ops.find("\nint32_t kws_l"); p != std::string::npos; p = ops.find("\nint32_t kws_l", p + 1)) ++fns;
        QCOMPARE(fns, size_t(13));
        QVERIFY(ops.find("/* DEPTHWISE_CONV_2D '") != std::string::npos);
        // The workspace never exceeds what the plan says, and the plan is valid.
        std::string why;
        QVERIFY2(a->plan.checkNoOverlap(&why), why.c_str());
        QVERIFY(a->plan.totalUsed() >= a->plan.lowerBound || a->plan.lowerBound == 0);
    }
};

QTEST_APPLESS_MAIN(TstCrossCompile)
#include "tst_cross_compile.moc"
