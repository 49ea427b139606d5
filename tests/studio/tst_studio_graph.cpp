// Issue 12, features 6-8 as logic: graph edge labels that do not overlap on
// real models, the node context menu, search hit count, per-channel
// quantization lists and per-node MACs; memory-view labels that tell buffers
// apart; History in the UI's words, file diffs, restore, delete, and failed
// board runs recorded.
#include <QAction>
#include <algorithm>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "BoardJob.h"
#include "GraphLayout.h"
#include "GraphView.h"
#include "HistoryView.h"
#include "MainWindow.h"
#include "MemoryView.h"
#include "OpStyle.h"
#include "ProjectStore.h"
#include "Session.h"
#include "StudioTestUtil.h"
#include "SummaryPanel.h"
#include "TextDiff.h"
#include "Translations.h"
#include "core/OptionTable.h"

using namespace ember::studio;

namespace {

QString modelPath(const QString &suffix)
{
    for (const auto &[name, path] : test::compilableModels())
        if (path.endsWith(suffix)) return path;
    return {};
}

}  // namespace

class TestStudioGraph : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int db_ = 0;
    QString dbPath() { return tmp_.path() + QStringLiteral("/g%1.sqlite").arg(++db_); }

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void shortestUniqueSuffix()
    {
        const QStringList in{"model/a/conv/Relu", "model/b/conv/Relu", "model/b/pool", "x", "x", "model/c/Relu6"};
        const QStringList out = uniqueSuffixLabels(in);
        QCOMPARE(out, (QStringList{"a/conv/Relu", "b/conv/Relu", "pool", "x", "x", "Relu6"}));
    }

    void memoryLabelsTellBuffersApart()
    {
        const QString path = modelPath("vww_96_int8.tflite");
        if (path.isEmpty()) QSKIP("VWW model not in ../shared");
        MainWindow w(dbPath());
        QVERIFY(w.openModel(path));
        const QStringList labels = w.memoryPanel()->view()->bufferLabels();
        QVERIFY(labels.size() > 10);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        // "#k suffix": the producing op's index leads.
        QVERIFY2(labels.last().startsWith(QLatin1Char('#')), qPrintable(labels.last()));
    }

    void edgeLabelsDoNotOverlap_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto &[name, path] : test::compilableModels()) QTest::newRow(qPrintable(name)) << path;
    }

    void edgeLabelsDoNotOverlap()
    {
        QFETCH(QString, path);
        MainWindow w(dbPath());
        QVERIFY(w.openModel(path));
        const GraphLayout &l = w.graphView()->layout();
        QVERIFY(l.error.isEmpty());
        QCOMPARE(overlappingLabelPairs(l), 0);
        for (const LayoutEdge &e : l.edges) {
            if (e.label.isEmpty()) continue;
            QVERIFY(!e.labelRect.isEmpty());
            for (const LayoutNode &n : l.nodes)
                QVERIFY2(!n.rect.intersects(e.labelRect), qPrintable(e.label + " on " + n.title));
            // Near its edge: within a few label heights of the spline.
            const QRectF near = e.labelRect.adjusted(-160, -80, 160, 80);
            QVERIFY2(e.path.intersects(near), qPrintable(e.label));
        }
    }

    void edgeLabelPlacementSeparatesStackedLabels()
    {
        // Two labels Graphviz put on the same spot are moved apart.
        GraphLayout l;
        l.nodes << LayoutNode{LayoutNode::Kind::Op, 0, -1, "A", "", QRectF(0, 0, 100, 30)};
        for (int i = 0; i < 3; ++i) {
            LayoutEdge e;
            e.label = "[1,8,8,16]";
            e.path.moveTo(50, 30);
            e.path.lineTo(50 + 10 * i, 200);
            e.labelPos = QPointF(90, 110);
            e.labelWidth = 60;
            l.edges << e;
        }
        placeEdgeLabels(l, QApplication::font());
        QCOMPARE(overlappingLabelPairs(l), 0);
    }

    void searchHitCountAndClearedPerModel()
    {
        const QString a = modelPath("vww_96_int8.tflite"), b = modelPath("kws_ref_model.tflite");
        if (a.isEmpty() || b.isEmpty()) QSKIP("models not in ../shared");
        MainWindow w(dbPath());
        QVERIFY(w.openModel(a));
        GraphView *g = w.graphView();
        auto *status = g->findChild<QLabel *>("graphStatus");
        auto *search = g->findChild<QLineEdit *>("graphSearch");
        QVERIFY(status && search);
        // Expected hits: nodes whose title, subtitle or output tensor names
        // contain the text (what the search looks at).
        const QString text = QStringLiteral("DEPTHWISE_CONV_2D");
        int hits = 0;
        for (const LayoutNode &n : g->layout().nodes) {
            QStringList hay{n.title, n.subtitle};
            if (n.kind == LayoutNode::Kind::Op)
                for (int t : w.session()->graph()->ops[size_t(n.op)].outputs)
                    hay << QString::fromStdString(w.session()->graph()->tensors[size_t(t)].name);
            hits += std::any_of(hay.begin(), hay.end(), [&](const QString &h) { return h.contains(text, Qt::CaseInsensitive); });
        }
        QVERIFY(hits >= 2);
        search->setText(text);
        QVERIFY(g->find(text));
        QVERIFY2(status->text().contains(QStringLiteral("1 of %1").arg(hits)), qPrintable(status->text()));
        QVERIFY(g->find(text));
        QVERIFY2(status->text().contains(QStringLiteral("2 of %1").arg(hits)), qPrintable(status->text()));
        QVERIFY(w.openModel(b));
        QVERIFY(search->text().isEmpty());
        QVERIFY(!status->text().contains(QStringLiteral(" of ")));
    }

    void nodeContextMenu()
    {
        const QString path = modelPath("vww_96_int8.tflite");
        if (path.isEmpty()) QSKIP("VWW model not in ../shared");
        MainWindow w(dbPath());
        QVERIFY(w.openModel(path));
        BuildOptions o = w.session()->options();
        o.pools << PoolOption{QStringLiteral("sram2"), 0, {}, 16};
        w.session()->setOptions(o);
        GraphView *g = w.graphView();
        int index = -1;
        for (int i = 0; i < g->layout().nodes.size(); ++i)
            if (g->layout().nodes[i].kind == LayoutNode::Kind::Op) {
                index = i;
                break;
            }
        QVERIFY(index >= 0);
        QMenu *menu = g->contextMenuFor(index);
        QAction *code = menu->findChild<QAction *>("goToCode");
        QAction *copy = menu->findChild<QAction *>("copyName");
        auto *pin = menu->findChild<QMenu *>("pinOutputMenu");
        QVERIFY(code && copy && pin);
        QStringList pools, ticked;
        for (QAction *a : pin->actions()) {
            pools << a->text();
            if (a->isChecked()) ticked << a->text();
        }
        QVERIFY(pools.contains("sram2"));
        QCOMPARE(ticked, QStringList{w.session()->options().pools.first().name});
        copy->trigger();
        const ember::Op &op = w.session()->graph()->ops[size_t(g->layout().nodes[index].op)];
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(w.session()->graph()->layerName(op)));
        // Pin to the second pool: re-planned there, and then ticked there.
        for (QAction *a : pin->actions())
            if (a->text() == "sram2") a->trigger();
        delete menu;
        menu = g->contextMenuFor(index);
        QStringList nowTicked;
        for (QAction *a : menu->findChild<QMenu *>("pinOutputMenu")->actions())
            if (a->isChecked()) nowTicked << a->text();
        QCOMPARE(nowTicked, QStringList{"sram2"});
        delete menu;
    }

    void perChannelQuantAndMacsInDetails()
    {
        const QString path = modelPath("vww_96_int8.tflite");
        if (path.isEmpty()) QSKIP("VWW model not in ../shared");
        MainWindow w(dbPath());
        QVERIFY(w.openModel(path));
        const ember::Graph &gr = *w.session()->graph();
        int conv = -1, weights = -1;
        for (size_t i = 0; i < gr.ops.size() && conv < 0; ++i)
            if (gr.ops[i].type == ember::OpType::Conv2D && gr.tensors[size_t(gr.ops[i].inputs[1])].quant.perChannel()) {
                conv = int(i);
                weights = gr.ops[i].inputs[1];
            }
        QVERIFY(conv >= 0);
        w.session()->selectOp(conv);
        const QString folded = PropertiesPanel::html(*w.session());
        QVERIFY(folded.contains(QStringLiteral("quant:%1").arg(weights)));
        QVERIFY(folded.contains("MACs"));
        const ember::Quant &q = gr.tensors[size_t(weights)].quant;
        const QString open = PropertiesPanel::html(*w.session(), {weights});
        // Every channel listed, none cut off: the last one's row is there.
        QVERIFY(open.contains(QStringLiteral("<td class='n'>%1</td>").arg(q.scale.size() - 1)));
        QVERIFY(open.size() > folded.size() + int(q.scale.size()) * 20);
    }

    void historyComparisonInUiWords()
    {
        BuildRecord a, b;
        a.options.set("--planner", "greedy-size");
        b.options.set("--planner", "greedy-conflicts");
        b.options.set("--packed-wrappers", "on");
        b.options.pools << PoolOption{"dtcm", 0, {}, 16};
        const BuildComparison c = ProjectStore::compare(a, b);
        const QString all = c.optionChanges.join('\n');
        QVERIFY2(all.contains("Planner: greedy-size → greedy-conflicts"), qPrintable(all));
        QVERIFY2(all.contains("Packed wrappers: off → on"), qPrintable(all));
        QVERIFY2(all.contains("Workspace pools: workspace (auto) → workspace (auto), dtcm (auto)"), qPrintable(all));
        for (const QString &jsonKey : {"planner:", "packedWrappers", "pools: [", "true", "false"})
            QVERIFY2(!all.contains(jsonKey), qPrintable(all));
    }

    void historyRestoreDeleteAndFileDiff()
    {
        MainWindow w(dbPath());
        QVERIFY(w.openExample());
        const qint64 project = w.projectId();
        QVERIFY(project >= 0);
        ProjectStore *store = w.store();
        // Whatever opening recorded stays older than these (newest first).
        const int before = int(store->builds(project).size());
        auto record = [&](const QString &planner, const QByteArray &source, int minute) {
            BuildRecord r;
            r.projectId = project;
            r.time = QDateTime(QDate(2030, 1, 1), QTime(10, minute), Qt::UTC);
            r.status = "ok";
            r.options.set("--planner", planner);
            r.files.insert("model.c", source);
            r.files.insert("model.h", "int x;\n");
            QVERIFY2(store->recordBuild(r), qPrintable(store->lastError()));
        };
        record("linear", "a\nb\nc\nd\n", 1);
        record("greedy-size", "a\nb\nC\nd\n", 2);
        record("greedy-conflicts", "a\nb\nC\nd\ne\n", 3);
        ProfileRecord p;
        p.projectId = project;
        p.boardId = "mps2-an386";
        p.unit = "instructions";
        p.layers << ProfileLayer{"l0", "CONV_2D", 100, 10};
        p.total = 120;
        QVERIFY(store->recordProfile(p));
        HistoryView *h = w.historyView();
        h->refresh();
        QCOMPARE(h->buildCount(), before + 3);

        // File diff between the oldest and the newest build.
        h->selectBuilds(0, 2);
        const QString cmp = h->comparisonHtml();
        QVERIFY2(cmp.contains("file-diff:model.c"), qPrintable(cmp));
        QVERIFY(!cmp.contains("file-diff:model.h"));
        const QString diff = h->fileDiffHtml("model.c");
        QVERIFY2(diff.contains("-c") && diff.contains("+C") && diff.contains("+e"), qPrintable(diff));

        // Restore the middle build's options.
        h->selectBuilds(1, 1);
        h->restoreSelected();
        QCOMPARE(w.session()->options().get("--planner"), QString("greedy-size"));

        // Delete the middle build: the others, the profile run and the
        // project stay.
        QVERIFY(h->deleteEntries({1}, {}));
        QCOMPARE(h->buildCount(), before + 2);
        const QList<BuildRecord> left = store->builds(project);
        QCOMPARE(left[0].options.get("--planner"), QString("greedy-conflicts"));
        QCOMPARE(left[1].options.get("--planner"), QString("linear"));
        QCOMPARE(store->profiles(project).size(), qsizetype(1));
        QVERIFY(store->project(project).has_value());
        QVERIFY(store->buildFiles(left[0].id).contains("model.c"));
        // The one total: the layers' sum, in the list as in the Profile tab.
        QCOMPARE(store->profiles(project).first().shownTotal(), qint64(100));
    }

    void failedBoardRunRecorded()
    {
        MainWindow w(dbPath());
        QVERIFY(w.openExample());
        const qint64 project = w.projectId();
        const int before = int(w.store()->profiles(project).size());
        emit w.boardJob()->failed("no debug probe found", "no-probe", "log text");
        const QList<ProfileRecord> after = w.store()->profiles(project);
        QCOMPARE(after.size(), before + 1);
        QCOMPARE(after.first().status, QString("failed"));
        QVERIFY2(after.first().message.contains("no debug probe found"), qPrintable(after.first().message));
        QCOMPARE(w.historyView()->profileCount(), before + 1);
    }

    void germanLabelsAndNumbers()
    {
        // Every option label of the table is translated (History and the
        // Options panel use them), numbers follow the UI language.
        QVERIFY(switchLanguage("de"));
        for (const ember::OptionSpec &spec : ember::compileOptionTable()) {
            if (QByteArray(spec.label) == "Name") continue;  // the same word in German
            QVERIFY2(ProjectStore::optionLabel(QString::fromLatin1(spec.key)) != QString::fromUtf8(spec.label), spec.label);
        }
        QCOMPARE(groupDigits(1234567), QString("1.234.567"));
        QCOMPARE(formatBytes(4000), QString("3,9 KiB"));
        QCOMPARE(HistoryView::unitName("instructions"), QString("Instruktionen"));
        QVERIFY(switchLanguage(QString()));
        QCOMPARE(groupDigits(1234567), QString("1,234,567"));
    }

    void unifiedDiffHunks()
    {
        const QStringList a{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
        QStringList b = a;
        b[4] = "five";
        const QStringList d = unifiedDiff(a, b, 1);
        QCOMPARE(d, (QStringList{"@@ -4,3 +4,3 @@", " 4", "-5", "+five", " 6"}));
        QVERIFY(unifiedDiff(a, a).isEmpty());
    }
};

QTEST_MAIN(TestStudioGraph)
#include "tst_studio_graph.moc"
