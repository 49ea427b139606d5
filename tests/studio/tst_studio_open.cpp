// Opening models in the studio: the graph shows one node per operator, the
// summary shows the numbers `emberc inspect --json` prints, and a bad file
// lands in the Messages pane while the app stays usable.
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "GraphView.h"
#include "MainWindow.h"
#include "MessagesPane.h"
#include "OpStyle.h"
#include "StudioTestUtil.h"
#include "SummaryPanel.h"

using namespace ember::studio;

class TestStudioOpen : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    static QJsonObject inspect(const QString &model, QString *error)
    {
        QProcess p;
        p.start(QStringLiteral(EMBERC_PATH), {"inspect", model, "--json"});
        if (!p.waitForFinished(60000)) return {};
        *error = QString::fromUtf8(p.readAllStandardError()).trimmed();
        if (p.exitCode() != 0) return {};
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void openModel_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto &[name, path] : test::mlperfModels()) QTest::newRow(qPrintable(name)) << path;
    }

    void openModel()
    {
        QFETCH(QString, path);
        QString emberError;
        const QJsonObject j = inspect(path, &emberError);
        MainWindow w(tmp_.path() + "/open.sqlite");
        if (j.isEmpty()) {
            // A model the core refuses (e.g. hybrid quantization). An operator
            // it cannot compile: the studio opens it for viewing, the op
            // marked, and refuses to compile with emberc's error. A file it
            // cannot read at all: refused with the same diagnostic.
            QVERIFY2(!emberError.isEmpty(), "emberc inspect failed without a message");
            if (w.openModel(path)) {
                QVERIFY(w.session()->graph()->browseOnly);
                QVERIFY(!w.buildController()->compileAction()->isEnabled());
                QVERIFY(!w.compile());
                QVERIFY(w.messages()->errorCount() > 0);
                const auto r = ember::compile(*w.session()->graph(), {});
                QVERIFY(!r.ok());
                const QString why = QString::fromStdString(r.diagnostics().items().front().message);
                QVERIFY2(emberError.contains(why), qPrintable(why + " / " + emberError));
                return;
            }
            QVERIFY(w.messages()->errorCount() > 0);
            QVERIFY2(emberError.contains(w.messages()->lastText().section("  (", 0, 0)), qPrintable(w.messages()->lastText()));
            return;
        }
        QVERIFY(w.openModel(path));
        const ember::Graph &g = *w.session()->graph();

        // One graph node per operator, and one edge into every op input that
        // is an activation.
        QCOMPARE(w.graphView()->opNodeCount(), j.value("op_count").toInt());
        QCOMPARE(int(g.ops.size()), j.value("op_count").toInt());
        int expectedEdges = 0;
        for (const ember::Op &op : g.ops)
            for (int t : op.inputs) expectedEdges += t >= 0 && !g.tensors[size_t(t)].isConst;
        expectedEdges += int(g.outputs.size());
        QCOMPARE(int(w.graphView()->layout().edges.size()), expectedEdges);
        // Every node has a position inside the laid-out bounds.
        for (const LayoutNode &n : w.graphView()->layout().nodes)
            QVERIFY(w.graphView()->layout().bounds.adjusted(-1, -1, 1, 1).contains(n.rect));

        // Summary numbers = emberc's.
        const ember::ModelSummary &s = w.session()->summary();
        QCOMPARE(qint64(s.macs), qint64(j.value("macs").toDouble()));
        QCOMPARE(qint64(s.parameters), qint64(j.value("parameters").toDouble()));
        QCOMPARE(qint64(s.lowerBound), qint64(j.value("memory_lower_bound").toDouble()));
        const QString html = SummaryPanel::html(*w.session());
        QVERIFY(html.contains(groupDigits(qint64(j.value("macs").toDouble()))));
        QVERIFY(html.contains(groupDigits(qint64(j.value("parameters").toDouble()))));
        QVERIFY(html.contains(groupDigits(qint64(j.value("memory_lower_bound").toDouble())) + " B"));
        const QJsonObject counts = j.value("op_counts").toObject();
        QCOMPARE(int(s.opCounts.size()), int(counts.size()));
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QCOMPARE(s.opCounts.at(it.key().toStdString()), it.value().toInt());
            QVERIFY(html.contains(QStringLiteral("%1</td><td class='n'>%2<").arg(it.key()).arg(it.value().toInt())));
        }
        for (const QString &side : {QStringLiteral("inputs"), QStringLiteral("outputs")}) {
            for (const QJsonValue &v : j.value(side).toArray()) {
                const QJsonObject t = v.toObject();
                QVERIFY2(html.contains(shortName(t.value("name").toString().toStdString()).toHtmlEscaped()), qPrintable(t.value("name").toString()));
                QVERIFY(html.contains(t.value("dtype").toString()));
                QStringList dims;
                for (const QJsonValue &d : t.value("shape").toArray()) dims << QString::number(d.toInt());
                QVERIFY(html.contains("[" + dims.join(',') + "]"));
            }
        }
    }

    void searchSelectsNode()
    {
        MainWindow w(tmp_.path() + "/search.sqlite");
        QVERIFY(w.openExample());
        QVERIFY(w.graphView()->find("softmax"));
        const int op = w.session()->selectedOp();
        QVERIFY(op >= 0);
        QCOMPARE(w.session()->graph()->ops[size_t(op)].type, ember::OpType::Softmax);
        QVERIFY(!w.graphView()->find("no-such-layer-anywhere"));
    }

    void badModelShowsErrorAndAppStaysUsable_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("garbage") << QByteArray("this is not a model at all, just text\n") << "garbage.tflite";
        QTest::newRow("truncated") << QByteArray("\x1c\x00\x00\x00TFL3\x00\x00", 10) << "truncated.tflite";
        QTest::newRow("empty") << QByteArray() << "empty.tflite";
        QTest::newRow("missing") << QByteArray("-") << "does-not-exist.tflite";
    }

    void badModelShowsErrorAndAppStaysUsable()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        const QString bad = tmp_.path() + "/" + fileName;
        if (content != "-") {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        MainWindow w(tmp_.path() + "/bad.sqlite");
        QVERIFY(w.openExample());
        const int opsBefore = int(w.session()->graph()->ops.size());
        const int errorsBefore = w.messages()->errorCount();
        QVERIFY(!w.openModel(bad));
        QVERIFY(w.messages()->errorCount() > errorsBefore);
        QVERIFY(!w.messages()->lastText().isEmpty());
        // The previous model is still open and everything still works.
        QVERIFY(w.session()->hasModel());
        QCOMPARE(int(w.session()->graph()->ops.size()), opsBefore);
        QCOMPARE(w.graphView()->opNodeCount(), opsBefore);
        QVERIFY(w.compile());
        w.waitForCompile();
        QVERIFY(w.session()->build());
        QVERIFY(w.openModel(test::mlperfModels().first().second));
    }
};

QTEST_MAIN(TestStudioOpen)
#include "tst_studio_open.moc"
