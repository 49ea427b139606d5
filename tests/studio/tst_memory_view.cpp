// The memory view draws the core's plan: pinning a buffer to a second pool
// changes that pool's peak exactly as ember::planMemory says, and painted
// rectangles of buffers live at a common step never overlap.
#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "MainWindow.h"
#include "MemoryView.h"
#include "StudioTestUtil.h"

using namespace ember::studio;

class TestMemoryView : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    static void checkNoOverlap(const MemoryView &v, const ember::MemoryPlan &plan)
    {
        const QList<MemoryView::BufferRect> rects = v.bufferRects();
        QCOMPARE(int(rects.size()), int(plan.buffers.size()));
        for (int i = 0; i < rects.size(); ++i) {
            const ember::PlannedBuffer &a = plan.buffers[size_t(rects[i].buffer)];
            QVERIFY(v.laneRect(rects[i].pool).adjusted(-0.5, -0.5, 0.5, 0.5).contains(rects[i].rect));
            for (int j = i + 1; j < rects.size(); ++j) {
                const ember::PlannedBuffer &b = plan.buffers[size_t(rects[j].buffer)];
                const bool sameTime = a.first <= b.last && b.first <= a.last;
                if (!sameTime || a.pool != b.pool) continue;
                const QRectF x = rects[i].rect.intersected(rects[j].rect);
                QVERIFY2(x.isEmpty() || x.height() < 1e-6,
                         qPrintable(QString("%1 and %2 overlap").arg(QString::fromStdString(a.name), QString::fromStdString(b.name))));
            }
        }
    }

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void rectanglesNeverOverlap_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("planner");
        for (const auto &[name, path] : test::compilableModels())
            for (const std::string &p : ember::plannerNames())
                QTest::newRow(qPrintable(name + "/" + QString::fromStdString(p))) << path << QString::fromStdString(p);
    }

    void rectanglesNeverOverlap()
    {
        QFETCH(QString, path);
        QFETCH(QString, planner);
        MainWindow w(tmp_.path() + "/overlap.sqlite");
        w.resize(1400, 900);
        QVERIFY(w.openModel(path));
        w.session()->setPlanner(planner);
        w.showTab(MainWindow::Tab::Memory);
        MemoryView *v = w.memoryPanel()->view();
        v->resize(1000, 600);
        const ember::MemoryPlan *plan = w.session()->plan();
        QVERIFY(plan);
        QVERIFY(plan->checkNoOverlap());
        checkNoOverlap(*v, *plan);
        // Same again with the I/O placed in two pools (more lanes, smaller lanes).
        BuildOptions o = w.session()->options();
        o.pools = {PoolOption{"sram", 0, {}, 16}, PoolOption{"dtcm", 0, {}, 16}};
        o.pins.insert(QString::fromStdString(plan->buffers.front().name), "dtcm");
        w.session()->setOptions(o);
        QVERIFY(w.session()->plan());
        checkNoOverlap(*v, *w.session()->plan());
    }

    void pinChangesPeakAsPlannerSays_data()
    {
        QTest::addColumn<QString>("path");
        for (const auto &[name, path] : test::compilableModels()) QTest::newRow(qPrintable(name)) << path;
    }

    void pinChangesPeakAsPlannerSays()
    {
        QFETCH(QString, path);
        MainWindow w(tmp_.path() + "/pin.sqlite");
        QVERIFY(w.openModel(path));
        BuildOptions o = w.session()->options();
        o.pools = {PoolOption{"sram", 0, {}, 16}, PoolOption{"ext", 0, ".ext_ram", 16}};
        w.session()->setOptions(o);
        const ember::MemoryPlan before = *w.session()->plan();
        QCOMPARE(before.poolUsed[1], size_t(0));  // nothing in the second pool yet

        // Pin the largest buffer, as a user would drag the big block away.
        int biggest = 0;
        for (size_t i = 0; i < before.buffers.size(); ++i)
            if (before.buffers[i].bytes > before.buffers[size_t(biggest)].bytes) biggest = int(i);
        MemoryView *v = w.memoryPanel()->view();
        v->pinBuffer(biggest, "ext");
        const std::string pinned = before.buffers[size_t(biggest)].name;
        QCOMPARE(w.session()->options().pins.value(QString::fromStdString(pinned)), QString("ext"));

        // What the core's planner says for the same request.
        ember::CompileOptions co;
        QVERIFY(toCompileOptions(w.session()->options(), &co, nullptr));
        QCOMPARE(co.plan.pins.at(pinned), std::string("ext"));
        const ember::Graph &g = *w.session()->graph();
        ember::Result<ember::MemoryPlan> expect = ember::planMemory(g, co.plan);
        QVERIFY(expect.ok());
        const ember::MemoryPlan *after = w.session()->plan();
        QVERIFY(after);
        QCOMPARE(after->poolUsed, expect->poolUsed);
        QVERIFY(after->poolUsed[1] >= before.buffers[size_t(biggest)].bytes);
        QVERIFY(after->poolUsed[1] != before.poolUsed[1]);
        QCOMPARE(after->find(before.buffers[size_t(biggest)].tensor)->pool, 1);
        // The totals line shows the new figure at once.
        QVERIFY(w.memoryPanel()->totalsText().contains(formatBytes(qint64(after->poolUsed[1]))));

        // Unpinning restores the original plan.
        w.session()->pinTensor(QString::fromStdString(pinned), QString());
        QCOMPARE(w.session()->plan()->poolUsed, before.poolUsed);
    }

    void dragToLanePins()
    {
        MainWindow w(tmp_.path() + "/drag.sqlite");
        QVERIFY(w.openExample());
        BuildOptions o = w.session()->options();
        o.pools = {PoolOption{"sram", 0, {}, 16}, PoolOption{"ext", 0, {}, 16}};
        w.session()->setOptions(o);
        MemoryView *v = w.memoryPanel()->view();
        v->resize(900, 500);
        const MemoryView::BufferRect r = v->bufferRects().first();
        const QString name = QString::fromStdString(w.session()->plan()->buffers[size_t(r.buffer)].name);
        const QPoint from = r.rect.center().toPoint();
        const QPoint to(from.x(), int(v->laneRect(1).center().y()));
        QTest::mousePress(v, Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), v->mapToGlobal(QPointF(to)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(v, &move);
        QTest::mouseRelease(v, Qt::LeftButton, {}, to);
        QCOMPARE(w.session()->options().pins.value(name), QString("ext"));
        QCOMPARE(w.session()->plan()->find(w.session()->findTensor(name))->pool, 1);
    }

    void exportPicture()
    {
        MainWindow w(tmp_.path() + "/export.sqlite");
        QVERIFY(w.openExample());
        MemoryView *v = w.memoryPanel()->view();
        v->resize(800, 400);
        QVERIFY(v->exportPng(tmp_.path() + "/m.png"));
        QImage img(tmp_.path() + "/m.png");
        QCOMPARE(img.size(), QSize(1600, 800));
        QVERIFY(v->exportSvg(tmp_.path() + "/m.svg"));
        const QString svg = v->svg();
        QVERIFY(svg.startsWith("<?xml"));
        QCOMPARE(int(svg.count("<title>")), int(w.session()->plan()->buffers.size()));
    }
};

QTEST_MAIN(TestMemoryView)
#include "tst_memory_view.moc"
