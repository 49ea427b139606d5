// The passes: support check, constant folding, dead-code removal and the
// graph consistency check.
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>

#include "TestUtil.h"
#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/passes/Passes.h"

using namespace ember;

namespace {

std::vector<uint8_t> i8(std::initializer_list<int> v) {
    std::vector<uint8_t> b;
    for (int x : v) b.push_back(uint8_t(int8_t(x)));
    return b;
}

}  // namespace

class TstPasses : public QObject {
    Q_OBJECT

private slots:
    // ADD of two constants is evaluated at compile time: the op disappears
    // and its output becomes a constant with the computed values; the
    // remaining ADD reads it.
    void constantFolding() {
        Graph g;
        const Quant q = test::q(0.5f, 0);
        const int c1 = test::addTensor(g, "c1", DType::Int8, {1, 4}, q, i8({1, 2, 3, 4}));
        const int c2 = test::addTensor(g, "c2", DType::Int8, {1, 4}, q, i8({10, 20, 30, -40}));
        const int folded = test::addTensor(g, "c1_plus_c2", DType::Int8, {1, 4}, q);
        const int x = test::addTensor(g, "x", DType::Int8, {1, 4}, q);
        const int y = test::addTensor(g, "y", DType::Int8, {1, 4}, q);
        test::addOp(g, OpType::Add, {c1, c2}, {folded});
        test::addOp(g, OpType::Add, {x, folded}, {y});
        test::setIO(g, {x}, {y});
        Diagnostics d;
        QVERIFY2(runPasses(g, d), d.format().c_str());
        QCOMPARE(g.ops.size(), size_t(1));
        QVERIFY(g.tensors[size_t(folded)].isConst);
        // Same scales in and out: 0.5*(1+10) = 5.5 → q 11, etc.
        QCOMPARE(g.tensors[size_t(folded)].data, i8({11, 22, 33, -36}));
        // The program still computes x + c1 + c2.
        auto r = test::runBoth(g, {i8({1, -1, 0, 5})});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.reference[0], i8({12, 21, 33, -31}));
        QCOMPARE(r.generated[0], r.reference[0]);
    }

    // An op whose output nobody reads is removed (with its own inputs' producers).
    void deadCode() {
        Graph g;
        const Quant q = test::q(1.f, 0);
        const int x = test::addTensor(g, "x", DType::Int8, {1, 8}, q);
        const int a = test::addTensor(g, "a", DType::Int8, {1, 8}, q);
        const int unused1 = test::addTensor(g, "unused1", DType::Int8, {1, 8}, q);
        const int unused2 = test::addTensor(g, "unused2", DType::Int8, {1, 8}, q);
        test::addOp(g, OpType::Relu, {x}, {a});
        test::addOp(g, OpType::Relu, {x}, {unused1});
        test::addOp(g, OpType::Relu, {unused1}, {unused2});
        test::setIO(g, {x}, {a});
        Diagnostics d;
        QVERIFY2(runPasses(g, d), d.format().c_str());
        QCOMPARE(g.ops.size(), size_t(1));
        QCOMPARE(g.ops[0].outputs[0], a);
    }

    void unsupportedOpListsEverything() {
        Graph g;
        g.sourcePath = "model.tflite";
        const int x = test::addTensor(g, "x", DType::Float32, {1, 4});
        const int y = test::addTensor(g, "y", DType::Float32, {1, 4});
        const int z = test::addTensor(g, "z", DType::Float32, {1, 4});
        Op &op = test::addOp(g, OpType::Unsupported, {x}, {y});
        op.typeName = "SVDF";
        Op &op2 = test::addOp(g, OpType::Unsupported, {y}, {z});
        op2.typeName = "CUSTOM:Foo";
        test::setIO(g, {x}, {z});
        Diagnostics d;
        QVERIFY(!runPasses(g, d));
        QCOMPARE(d.items().size(), size_t(1));
        const std::string m = d.format();
        for (const char *s : {"model.tflite", "op 0 (SVDF)", "'x'", "'y'", "1 more unsupported op(s): CUSTOM:Foo",
                              "CONV_2D", "STRIDED_SLICE"})
            QVERIFY2(m.find(s) != std::string::npos, (m + " lacks " + s).c_str());
    }

    // An unsupported op (here a CUSTOM op) whose output feeds nothing never
    // runs, so the model compiles; the same op feeding the output refuses the
    // model, naming the op. Through a .tflite file: importer + loadModel.
    void unsupportedDeadOp() {
        for (const bool feedsOutput : {false, true}) {
            Graph g;
            g.name = "m";
            const Quant q = test::q(0.5f, -3);
            const int x = test::addTensor(g, "x", DType::Int8, {1, 6}, q);
            const int y = test::addTensor(g, "y", DType::Int8, {1, 6}, q);
            const int c = test::addTensor(g, "custom_out", DType::Int8, {1, 6}, q);
            test::addOp(g, OpType::Relu, {x}, {y});
            Op &custom = test::addOp(g, OpType::Unsupported, {x}, {c});
            custom.typeName = "CUSTOM:MyTrainingOnlyOp";
            test::setIO(g, {x}, feedsOutput ? std::vector<int>{y, c} : std::vector<int>{y});
            QTemporaryDir dir;
            const std::string path = dir.filePath("m.tflite").toStdString();
            const auto bytes = writeTflite(g);
            std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()),
                                                        std::streamsize(bytes.size()));
            auto loaded = loadModel(path);
            if (!feedsOutput) {
                QVERIFY2(loaded.ok(), loaded.diagnostics().format().c_str());
                QCOMPARE(loaded->ops.size(), size_t(1));
                QCOMPARE(loaded->ops[0].type, OpType::Relu);
                auto art = compile(loaded.value(), {});
                QVERIFY2(art.ok(), art.diagnostics().format().c_str());
            } else {
                QVERIFY(!loaded.ok());
                const std::string m = loaded.diagnostics().format();
                QVERIFY2(m.find("unsupported operator CUSTOM:MyTrainingOnlyOp") != std::string::npos, m.c_str());
            }
        }
    }

    void brokenGraphs_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expect");
        QTest::newRow("read-before-write") << 0 << "reads a tensor no earlier op produces";
        QTest::newRow("written-twice") << 1 << "already produced";
        QTest::newRow("output-never-produced") << 2 << "never produced";
        QTest::newRow("dynamic-dim") << 3 << "fixed shape";
    }

    void brokenGraphs() {
        QFETCH(int, kind);
        QFETCH(QString, expect);
        Graph g;
        const Quant q = test::q(1.f, 0);
        const int x = test::addTensor(g, "x", DType::Int8, {1, kind == 3 ? -1 : 4}, q);
        const int a = test::addTensor(g, "a", DType::Int8, {1, 4}, q);
        const int b = test::addTensor(g, "b", DType::Int8, {1, 4}, q);
        if (kind == 0) test::addOp(g, OpType::Relu, {b}, {a}), test::addOp(g, OpType::Relu, {x}, {b});
        if (kind == 1) test::addOp(g, OpType::Relu, {x}, {a}), test::addOp(g, OpType::Relu, {x}, {a});
        if (kind == 2 || kind == 3) test::addOp(g, OpType::Relu, {x}, {a});
        test::setIO(g, {x}, {kind == 2 ? b : a});
        Diagnostics d;
        QVERIFY(!runPasses(g, d));
        QVERIFY2(d.format().find(expect.toStdString()) != std::string::npos, d.format().c_str());
    }
};

QTEST_APPLESS_MAIN(TstPasses)
#include "tst_passes.moc"
