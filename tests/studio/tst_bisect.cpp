// Run on Board Layer by Layer (issue 11): the model-side LayerBisectJob on
// the emulated Cortex-M4 (KWS): a correct firmware reports all layers
// identical; with the test-only corruption switch the studio names layer N,
// outlines and selects it in the graph and shows its tensor device beside
// host with the differing rows marked; Cancel ends QEMU (no process left).
#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "BisectController.h"
#include "BisectPanel.h"
#include "GraphView.h"
#include "LayerBisect.h"
#include "MainWindow.h"
#include "MessagesPane.h"
#include "Session.h"
#include "StudioTestUtil.h"
#include "TestUtil.h"
#include "flashers/ToolProcess.h"

using namespace ember::studio;

namespace {

const char *kBoard = "qemu-mps2-an386";
QString kwsPath() { return QString::fromStdString(ember::test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite")); }
QString goldenInput()
{
    return QString::fromStdString(ember::test::sharedDir() + "/models/golden/kws_ref_model/case0.input0.bin");
}

// Processes whose command line names `needle` (QEMU's names the firmware folder).
int processesNaming(const QString &needle)
{
    int n = 0;
    for (const QString &pid : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool num = false;
        pid.toInt(&num);
        if (!num) continue;
        QFile f("/proc/" + pid + "/cmdline");
        if (!f.open(QIODevice::ReadOnly)) continue;
        QByteArray c = f.readAll();
        c.replace('\0', ' ');
        // Zombies have an empty command line; only live ones count.
        if (c.contains(needle.toUtf8()) && c.contains("qemu-system-arm")) ++n;
    }
    return n;
}

}  // namespace

class TestBisect : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase()
    {
        ember::studio::test::isolate(*qApp, tmp_);
        for (const char *tool : {"arm-none-eabi-gcc", "qemu-system-arm"})
            if (ember::findTool(tool).empty()) QSKIP(qPrintable(QString(tool) + " not installed"));
        if (!QFile::exists(kwsPath())) QSKIP("the MLPerf Tiny models are not in ../shared");
    }

    // Rows and summary from a made-up result (no board).
    void resultRows()
    {
        LayerBisectResult r;
        r.boardName = "B";
        r.input = "seeded random input (seed 1)";
        r.layers = 5;
        r.divergentLayer = 2;
        r.layerName = "conv";
        r.op = "CONV_2D";
        r.tensorName = "t";
        r.dtypeCode = 0;
        r.dtypeBits = 8;
        r.shape = {1, 4};
        r.device = QByteArray::fromHex("0102fe04");
        r.host = QByteArray::fromHex("010203ff");
        r.differingBytes = 2;
        r.maxDifference = 5;
        const QList<BisectRow> rows = r.rows();
        QCOMPARE(rows.size(), 4);
        QVERIFY(!rows[0].differs && !rows[1].differs);
        QVERIFY(rows[2].differs);
        QCOMPARE(rows[2].device, -2.0);
        QCOMPARE(rows[2].host, 3.0);
        QCOMPARE(rows[2].difference, -5.0);
        QCOMPARE(rows[3].difference, 5.0);
        QCOMPARE(r.differingElements(), 2);
        QCOMPARE(r.dtypeText(), QString("int8[1,4]"));
        QVERIFY2(r.summary().contains("layer on B: 2 'conv'"), qPrintable(r.summary()));
        BisectPanel panel;
        panel.setResult(r);
        QCOMPARE(panel.table()->rowCount(), 4);
        QVERIFY(panel.table()->item(2, 0)->text().contains(QStringLiteral("≠")));
        QVERIFY(!panel.table()->item(1, 0)->text().contains(QStringLiteral("≠")));
        QVERIFY(panel.header()->text().contains("2 of 4 bytes differ"));
    }

    void identical()
    {
        QElapsedTimer t;
        t.start();
        LayerBisectJob job;
        QSignalSpy done(&job, &LayerBisectJob::finished), failed(&job, &LayerBisectJob::failed),
            layers(&job, &LayerBisectJob::layerChecked);
        LayerBisectJob::Request r;
        r.modelPath = kwsPath();
        r.boardId = kBoard;
        r.input = goldenInput();
        QString error;
        QVERIFY2(job.start(r, &error), qPrintable(error));
        QVERIFY(job.isRunning());
        QVERIFY(job.waitForFinished(120000));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString() + "\n" + job.log()));
        QCOMPARE(done.size(), 1);
        const auto res = done.first().first().value<LayerBisectResult>();
        QVERIFY(res.identical());
        QVERIFY(res.layers > 5);
        QCOMPARE(layers.size(), res.layers);
        QVERIFY(res.input.contains("case0.input0.bin"));
        QVERIFY2(res.summary().startsWith(QString("all %1 layers identical").arg(res.layers)), qPrintable(res.summary()));
        QCOMPARE(processesNaming(job.workDir()), 0);
        qInfo("identical: %d layers in %lld ms", res.layers, t.elapsed());
    }

    // Through the studio: corruption switch on layer 3, seeded random input.
    void corruptedInStudio()
    {
        QElapsedTimer t;
        t.start();
        MainWindow w;
        w.resize(1280, 720);
        QVERIFY(w.openModel(kwsPath()));
        QVERIFY(w.selectBoard(kBoard));
        BisectController *b = w.bisectController();
        QVERIFY(b->action()->isEnabled());
        b->setCorruptLayer(3);
        QSignalSpy done(b, &BisectController::finished);
        QVERIFY(b->run());
        QVERIFY(!b->action()->isEnabled());
        QVERIFY(b->job()->waitForFinished(120000));
        QVERIFY2(done.size() == 1, qPrintable(w.messages()->lastText() + "\n" + w.messages()->lastDetails()));
        const auto res = done.first().first().value<LayerBisectResult>();
        QCOMPARE(res.divergentLayer, 3);
        QVERIFY(res.differingBytes > 0);
        QVERIFY(res.input.startsWith("seeded random input"));
        QCOMPARE(w.graphView()->divergentLayer(), 3);
        QVERIFY(!w.graphView()->divergenceFlag(3).isEmpty());
        QVERIFY(w.graphView()->divergenceFlag(2).isEmpty());
        QCOMPARE(w.session()->selectedOp(), 3);
        QTableWidget *table = w.bisectPanel()->table();
        QVERIFY(table->rowCount() > 0);
        int marked = 0;
        for (int i = 0; i < table->rowCount(); ++i) marked += table->item(i, 0)->text().contains(QStringLiteral("≠"));
        QCOMPARE(qint64(marked), res.differingElements());
        QVERIFY2(w.messages()->lastText().contains("first divergent layer"), qPrintable(w.messages()->lastText()));
        QVERIFY(b->action()->isEnabled());
        qInfo("corrupted layer 3 named in %lld ms: %s", t.elapsed(), qPrintable(res.summary()));
    }

    void cancelStopsQemu()
    {
        LayerBisectJob job;
        QSignalSpy failed(&job, &LayerBisectJob::failed), done(&job, &LayerBisectJob::finished);
        LayerBisectJob::Request r;
        r.modelPath = kwsPath();
        r.boardId = kBoard;
        QString error;
        QVERIFY2(job.start(r, &error), qPrintable(error));
        // Cancel once QEMU is up (its command line names the firmware folder).
        QDeadlineTimer deadline(120000);
        while (job.isRunning() && processesNaming(job.workDir()) == 0 && !deadline.hasExpired()) QTest::qWait(20);
        QVERIFY2(job.isRunning(), qPrintable(job.log()));
        QVERIFY(processesNaming(job.workDir()) >= 1);
        job.cancel();
        QVERIFY(job.waitForFinished(20000));
        QCOMPARE(done.size(), 0);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QString("cancelled"));
        QCOMPARE(processesNaming(job.workDir()), 0);
    }
};

QTEST_MAIN(TestBisect)
#include "tst_bisect.moc"
