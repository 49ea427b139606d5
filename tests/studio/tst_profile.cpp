// Profiling from the studio: the emulated Cortex-M4 board runs the KWS model
// under QEMU (-icount, deterministic). The profile view lists one row per
// layer that adds up to the total, the output check is bit-exact, every graph
// node carries its count, runs land in the history and two runs compare with
// zero delta; Cancel ends a run cleanly; a hardware flash without a probe
// fails with a classified error and the raw log in Messages.
#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "BoardJob.h"
#include "GraphView.h"
#include "HistoryView.h"
#include "MainWindow.h"
#include "MessagesPane.h"
#include "ProfileView.h"
#include "StudioTestUtil.h"
#include "TestUtil.h"

using namespace ember::studio;

namespace {
const char *kEmulatedM4 = "qemu-mps2-an386";
QString kwsPath() { return QString::fromStdString(ember::test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite")); }
}  // namespace

class TestProfile : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<MainWindow> w_;

    // Runs a profile to the end; fails the test with the Messages text and raw log otherwise.
    void profileToEnd()
    {
        const int before = w_->messages()->errorCount();
        QVERIFY(w_->profileOnBoard());
        QVERIFY(w_->isBoardBusy());
        QVERIFY(w_->boardJob()->waitForFinished(300000));
        QVERIFY2(w_->messages()->errorCount() == before,
                 qPrintable(w_->messages()->lastText() + "\n" + w_->messages()->lastDetails()));
    }

private slots:
    void initTestCase()
    {
        test::isolate(*qApp, tmp_);
        w_ = std::make_unique<MainWindow>(tmp_.path() + "/profile.sqlite");
        w_->resize(1400, 900);
        w_->show();
    }
    void cleanupTestCase() { w_.reset(); }

    // --pool/--pin on the studio command line go through fromArgs: it must
    // read back exactly what toArgs writes, and refuse malformed flags.
    void optionsFromArgs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");  // "" = accepted and round-trips
        QTest::newRow("defaults") << QStringList{} << "";
        QTest::newRow("two pools and a pin")
            << QStringList{"--pool", "sram:0", "--pool", "dtcm:16K:section=.dtcm", "--pin", "a/b;c=dtcm"} << "";
        QTest::newRow("align and planner") << QStringList{"--align", "32", "--planner", "linear", "--pool", "w:4096:align=8"} << "";
        QTest::newRow("flags") << QStringList{"--packed-wrappers", "--app-pools", "--io", "workspace"} << "";
        QTest::newRow("bad size") << QStringList{"--pool", "sram:lots"} << "size 'lots'";
        QTest::newRow("bad pin") << QStringList{"--pin", "tensor"} << "expected TENSOR=POOL";
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << "unknown compile option";
        QTest::newRow("missing value") << QStringList{"--pool"} << "needs a value";
    }
    void optionsFromArgs()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        BuildOptions o;
        QString why;
        const bool ok = BuildOptions::fromArgs(args, &o, &why);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QVERIFY2(why.contains(error), qPrintable(why));
            return;
        }
        BuildOptions again;
        QVERIFY(BuildOptions::fromArgs(o.toArgs(), &again, &why));
        QCOMPARE(again, o);
        if (args.contains("dtcm:16K:section=.dtcm")) {
            QCOMPARE(o.pools.size(), 2);
            QCOMPARE(o.pools[1].size, qint64(16384));
            QCOMPARE(o.pools[1].section, QString(".dtcm"));
            QCOMPARE(o.pins.value("a/b;c"), QString("dtcm"));
        }
    }

    void boardSelectorMarksEmulatedBoards()
    {
        QComboBox *c = w_->boardSelector();
        const QList<BoardChoice> boards = BoardJob::boards();
        QVERIFY(boards.size() >= 2);
        QCOMPARE(c->count(), int(boards.size()));
        int emulated = 0;
        for (const BoardChoice &b : boards) {
            const int i = c->findData(b.id);
            QVERIFY2(i >= 0, qPrintable(b.id));
            QCOMPARE(c->itemText(i).contains("emulated", Qt::CaseInsensitive), b.emulated);
            emulated += b.emulated;
        }
        QVERIFY(emulated >= 1);
        QVERIFY(!w_->selectBoard("no-such-board"));
        QVERIFY(w_->selectBoard(kEmulatedM4));
        QCOMPARE(w_->currentBoard(), QString(kEmulatedM4));
    }

    void profileKwsOnEmulatedM4()
    {
        QVERIFY(w_->openModel(kwsPath()));
        QVERIFY(w_->selectBoard(kEmulatedM4));
        QSignalSpy progress(w_->boardJob(), &BoardJob::progress);
        profileToEnd();
        QVERIFY(progress.count() > 0);
        const ProfileRecord *p = w_->session()->profile();
        QVERIFY(p);
        const int ops = int(w_->session()->graph()->ops.size());
        QCOMPARE(ops, 13);
        ProfileView *v = w_->profileView();
        QCOMPARE(v->layerCount(), ops);
        QCOMPARE(int(p->layers.size()), ops);
        // The total shown is the sum of the rows; the measured run adds only
        // the entry function's few instructions around the layers.
        QVERIFY(v->shownTotal() > 0);
        QCOMPARE(v->shownLayerSum(), v->shownTotal());
        QCOMPARE(v->shownTotal(), p->layerSum());
        QVERIFY(p->total >= p->layerSum());
        QVERIFY2(p->total - p->layerSum() < p->total / 100, qPrintable(QString::number(p->total - p->layerSum())));
        QVERIFY2(v->outputCheckText().contains("bit-exact"), qPrintable(v->outputCheckText()));
        QCOMPARE(p->unit, QString("instructions"));
        QVERIFY(p->emulated);
        // 25 MHz: the time is the total over the clock.
        QCOMPARE(p->clockHz, qint64(25000000));
        QVERIFY(v->timeText().contains(QLocale().toString(p->total * 1000.0 / 25e6, 'f', 2)));
        // Convolutions dominate a DS-CNN; the reshape is nearly free.
        QVERIFY(p->layers[2].count > 100 * p->layers[10].count);
        // Graph overlay: every op has a badge with its share.
        QCOMPARE(w_->graphView()->profileBadgeCount(), ops);
        QVERIFY(w_->graphView()->profileBadge(2).contains("%"));
        // Stored in the history.
        QCOMPARE(w_->store()->profiles(w_->projectId()).size(), 1);
        QCOMPARE(w_->historyView()->profileCount(), 1);
        QCOMPARE(w_->store()->profiles(w_->projectId()).first().total, p->total);
    }

    void twoRunsCompareWithZeroDelta()
    {
        profileToEnd();
        const QList<ProfileRecord> runs = w_->store()->profiles(w_->projectId());
        QCOMPARE(runs.size(), 2);
        const ProfileComparison c = ProjectStore::compareProfiles(runs[1], runs[0]);
        QVERIFY(c.sameBoard && c.sameUnit && c.sameLayers);
        QCOMPARE(c.totalDelta, qint64(0));
        QCOMPARE(c.layers.size(), runs[0].layers.size());
        for (const LayerDelta &d : c.layers) QCOMPARE(d.delta(), qint64(0));
        HistoryView *h = w_->historyView();
        QCOMPARE(h->profileCount(), 2);
        h->selectProfiles(0, 1);
        ProfileComparison shown;
        QVERIFY(h->selectedProfileComparison(&shown));
        QCOMPARE(shown.totalDelta, qint64(0));
        const QString html = h->profileComparisonHtml();
        QCOMPARE(html.count("±0 (±0.00%)"), int(c.layers.size()) + 1);  // every layer and the total
    }

    void cancelDuringProfileEndsCleanly()
    {
        const int stored = int(w_->store()->profiles(w_->projectId()).size());
        QSignalSpy progress(w_->boardJob(), &BoardJob::progress);
        QSignalSpy finished(w_->boardJob(), &BoardJob::finished);
        QVERIFY(w_->profileOnBoard());
        QVERIFY(!w_->profileOnBoard());  // one job at a time
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 30000);
        w_->cancelBoardJob();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        QVERIFY(!w_->isBoardBusy());
        QVERIFY2(w_->messages()->lastText().contains("cancelled"), qPrintable(w_->messages()->lastText()));
        QCOMPARE(int(w_->store()->profiles(w_->projectId()).size()), stored);
        // The UI is usable: compile works and a new profile run starts.
        QVERIFY(w_->compile());
        w_->waitForCompile();
        QVERIFY(w_->session()->build());
        QVERIFY(w_->profileOnBoard());
        w_->cancelBoardJob();
        QVERIFY(w_->boardJob()->waitForFinished(60000));
    }

    void flashWithoutProbeReportsClassifiedError()
    {
        // A hardware board with no probe attached (the CI machine has none).
        QVERIFY(w_->selectBoard("nucleo-f446re"));
        QVERIFY(w_->session()->build());
        const int errors = w_->messages()->errorCount();
        QVERIFY(w_->flashBoard());
        QVERIFY(w_->boardJob()->waitForFinished(300000));
        QCOMPARE(w_->messages()->errorCount(), errors + 1);
        const QString text = w_->messages()->lastText();
        qInfo("flash error: %s", qPrintable(text));
        QVERIFY2(text.startsWith("flashing") && text.contains(QRegularExpression("\\[[a-z-]+\\]")), qPrintable(text));
        QVERIFY2(!w_->messages()->lastDetails().isEmpty(), "the raw log is not attached");
        QVERIFY(!w_->isBoardBusy());
    }
};

QTEST_MAIN(TestProfile)
#include "tst_profile.moc"
