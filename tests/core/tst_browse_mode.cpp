// Browse mode (LoadOptions::browse): a model with an unsupported operator
// opens with the op marked (reason, alternatives, a warning naming it) and
// compile() refuses it with the error a normal load gives.
#include <QtTest>

#include <fstream>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/passes/Passes.h"

using namespace ember;

class TstBrowseMode : public QObject {
    Q_OBJECT
private slots:
    void unsupportedOpOpensForViewing() {
        // x → RELU → y → CUSTOM:MyTrainingOnlyOp → c → RELU → out
        Graph g;
        g.name = "m";
        const Quant q = test::q(0.5f, -3);
        const int x = test::addTensor(g, "x", DType::Int8, {1, 6}, q);
        const int y = test::addTensor(g, "y", DType::Int8, {1, 6}, q);
        const int c = test::addTensor(g, "custom_out", DType::Int8, {1, 6}, q);
        const int out = test::addTensor(g, "out", DType::Int8, {1, 6}, q);
        test::addOp(g, OpType::Relu, {x}, {y});
        Op &custom = test::addOp(g, OpType::Unsupported, {y}, {c});
        custom.typeName = "CUSTOM:MyTrainingOnlyOp";
        test::addOp(g, OpType::Relu, {c}, {out});
        test::setIO(g, {x}, {out});
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.tflite").toStdString();
        const auto bytes = writeTflite(g);
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));

        auto normal = loadModel(path);
        QVERIFY(!normal.ok());
        const std::string refusal = normal.diagnostics().items().front().message;
        QVERIFY2(refusal.find("unsupported operator CUSTOM:MyTrainingOnlyOp") != std::string::npos, refusal.c_str());

        LoadOptions browse;
        browse.browse = true;
        auto b = loadModel(path, browse);
        QVERIFY2(b.ok(), b.diagnostics().format().c_str());
        QVERIFY(b->browseOnly);
        QCOMPARE(b->ops.size(), size_t(3));
        QVERIFY(b->ops[0].unsupportedReason.empty());
        QVERIFY(b->ops[0].params.has_value());  // supported ops are prepared
        QVERIFY(!b->ops[1].unsupportedReason.empty());
        QVERIFY(b->ops[2].unsupportedReason.empty());
        // One warning naming the op, no error.
        QVERIFY(b.diagnostics().ok());
        QCOMPARE(b.diagnostics().items().size(), size_t(1));
        QCOMPARE(b.diagnostics().items().front().opIndex, 1);
        QVERIFY(b.diagnostics().items().front().message.find("cannot be compiled") != std::string::npos);

        // compile refuses with the same error as the normal load.
        auto art = compile(b.value(), {});
        QVERIFY(!art.ok());
        QCOMPARE(art.diagnostics().items().front().message, refusal);
        // Summary statistics still work.
        const ModelSummary s = summarize(b.value());
        QCOMPARE(s.opCounts.at("CUSTOM:MyTrainingOnlyOp"), 1);
    }

    void alternatives() {
        const std::vector<std::string> a = supportedAlternatives("SQUARE");
        QCOMPARE(a, (std::vector<std::string>{"MUL"}));
        QVERIFY(supportedAlternatives("CUSTOM:NobodyKnows").empty());
    }
};

QTEST_GUILESS_MAIN(TstBrowseMode)
#include "tst_browse_mode.moc"
