// The options panel: toggling widgets produces exactly the expected compile
// request; invalid values are flagged inline; compiling shows the package in
// the code view with the entrypoint of the chosen API mode.
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "CodeView.h"
#include "MainWindow.h"
#include "MessagesPane.h"
#include "OptionsPanel.h"
#include "StudioTestUtil.h"
#include "TestUtil.h"

using namespace ember::studio;

namespace {

template <class W> W *child(QWidget *root, const char *name)
{
    W *w = root->findChild<W *>(QString::fromLatin1(name));
    if (!w) qFatal("no widget named %s", name);
    return w;
}

void pick(QComboBox *c, const QString &value)
{
    const int i = c->findData(value);
    QVERIFY2(i >= 0, qPrintable(value));
    c->setCurrentIndex(i);  // emits currentIndexChanged like a user pick
}

}  // namespace

class TestStudioOptions : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString kws_;
    int n_ = 0;
    // A fresh project database per test row: the studio restores a model's
    // saved options on open, which would carry edits from row to row.
    QString db() { return tmp_.path() + QStringLiteral("/options%1.sqlite").arg(++n_); }

private slots:
    void initTestCase()
    {
        test::isolate(*qApp, tmp_);
        kws_ = QString::fromStdString(ember::test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    }

    // Each row edits the panel one way; the session's request must equal the
    // expected emberc arguments, and the core must parse it into the matching
    // CompileOptions.
    void toggles_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("defaults") << 0 << QStringList{};
        QTest::newRow("name") << 1 << QStringList{"--name", "kws"};
        QTest::newRow("planner") << 2 << QStringList{"--planner", "greedy-size"};
        QTest::newRow("align") << 3 << QStringList{"--align", "32"};
        QTest::newRow("second-pool") << 4 << QStringList{"--pool", "workspace:0", "--pool", "pool1:0"};
        QTest::newRow("pin") << 5 << QStringList{"--pool", "workspace:0", "--pool", "pool1:0", "--pin", "PIN=pool1"};
        QTest::newRow("pool-size-section") << 6 << QStringList{"--pool", "workspace:65536:section=.dtcm"};
        QTest::newRow("host-driven-preset") << 7
                                            << QStringList{"--interface-api", "packed", "--operators", "packed", "--packed-wrappers"};
    }

    void toggles()
    {
        QFETCH(int, edit);
        QFETCH(QStringList, args);
        MainWindow w(db());
        QVERIFY(w.openModel(kws_));
        OptionsPanel *p = w.optionsPanel();
        QString pinned;
        for (const ember::Op &op : w.session()->graph()->ops)
            if (op.type == ember::OpType::DepthwiseConv2D) { pinned = QString::fromStdString(w.session()->graph()->tensors[size_t(op.outputs[0])].name); break; }
        args.replaceInStrings("PIN", pinned);
        switch (edit) {
        case 1: {
            auto *name = child<QLineEdit>(p, "name");
            name->clear();
            QTest::keyClicks(name, "kws");
            break;
        }
        case 2: pick(child<QComboBox>(p, "planner"), "greedy-size"); break;
        case 3: pick(child<QComboBox>(p, "align"), "32"); break;
        case 5:
        case 4: {
            child<QToolButton>(p, "addPool")->click();
            if (edit == 5) w.session()->pinTensor(pinned, "pool1");
            break;
        }
        case 6: {
            auto *pools = child<QTableWidget>(p, "pools");
            pools->item(0, 1)->setText("64K");
            pools->item(0, 3)->setText(".dtcm");
            break;
        }
        case 7: p->applyPreset(BuildOptions::Preset::HostDriven); break;
        default: break;
        }
        QCOMPARE(w.session()->options().toArgs(), args);
        QVERIFY(p->fieldErrors().isEmpty());

        // What the core makes of it (only for flags this core build knows).
        ember::CompileOptions opts;
        ember::Diagnostics d;
        QStringList skipped;
        QVERIFY2(toCompileOptions(w.session()->options(), &opts, &d, &skipped), d.format().c_str());
        std::vector<std::string> expectRest;
        ember::CompileOptions expected;
        std::vector<std::string> a;
        for (const QString &s : args)
            if (!skipped.contains(s)) a.push_back(s.toStdString());
        ember::Diagnostics d2;
        QVERIFY(ember::parseCompileArgs(a, expected, expectRest, d2));
        QCOMPARE(opts.name, expected.name);
        QCOMPARE(opts.plan.planner, expected.plan.planner);
        QCOMPARE(opts.plan.align, expected.plan.align);
        QCOMPARE(opts.plan.pools.size(), expected.plan.pools.size());
        for (size_t i = 0; i < opts.plan.pools.size(); ++i) {
            QCOMPARE(opts.plan.pools[i].name, expected.plan.pools[i].name);
            QCOMPARE(opts.plan.pools[i].size, expected.plan.pools[i].size);
            QCOMPARE(opts.plan.pools[i].section, expected.plan.pools[i].section);
        }
        QCOMPARE(opts.plan.pins, expected.plan.pins);
        if (edit == 6) {
            QCOMPARE(opts.plan.pools[0].size, size_t(65536));
            QCOMPARE(opts.plan.pools[0].section, std::string(".dtcm"));
        }
        if (edit == 5) QCOMPARE(opts.plan.pins.at(pinned.toStdString()), std::string("pool1"));
        if (edit == 7 && !skipped.contains("--interface-api")) {
            QVERIFY(opts.interfaceApi == ember::InterfaceApi::Packed);
            QVERIFY(opts.operators == ember::OperatorsMode::Packed);
            QVERIFY(opts.packedWrappers);
        }
    }

    void invalidValuesFlaggedInline_data()
    {
        QTest::addColumn<int>("edit");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad-name") << 0 << "name";
        QTest::newRow("bad-pool-size") << 1 << "pool.0.size";
        QTest::newRow("duplicate-pool") << 2 << "pool.1.name";
        QTest::newRow("pin-to-missing-pool") << 3 << "pin.input_1";
        QTest::newRow("bad-dim") << 4 << "dim.0";
    }

    void invalidValuesFlaggedInline()
    {
        QFETCH(int, edit);
        QFETCH(QString, field);
        MainWindow w(db());
        QVERIFY(w.openModel(kws_));
        OptionsPanel *p = w.optionsPanel();
        auto *pools = child<QTableWidget>(p, "pools");
        switch (edit) {
        case 0: {
            auto *name = child<QLineEdit>(p, "name");
            name->clear();
            QTest::keyClicks(name, "9lives");
            break;
        }
        case 1: pools->item(0, 1)->setText("lots"); break;
        case 2:
            child<QToolButton>(p, "addPool")->click();
            pools->item(1, 0)->setText("workspace");
            break;
        case 3: {
            BuildOptions o = w.session()->options();
            o.pins.insert("input_1", "nowhere");
            w.session()->setOptions(o);  // the panel follows the session
            break;
        }
        case 4: child<QPlainTextEdit>(p, "dims")->setPlainText("input_1:9=1..2"); break;
        }
        QVERIFY2(p->fieldErrors().contains(field), qPrintable(QStringList(p->fieldErrors().keys()).join(',')));
        // Compile refuses before calling the core, with the reason in Messages.
        const int errors = w.messages()->errorCount();
        QVERIFY(!w.compile());
        QVERIFY(w.messages()->errorCount() > errors);
    }

    void compileShowsPackage_data()
    {
        QTest::addColumn<bool>("packedApi");
        QTest::newRow("c-api") << false;
        QTest::newRow("packed-api") << true;
    }

    void compileShowsPackage()
    {
        QFETCH(bool, packedApi);
        if (packedApi && !coreSupportsFlag("--interface-api")) QSKIP("this core has no --interface-api yet");
        MainWindow w(db());
        QVERIFY(w.openModel(kws_));
        BuildOptions o = w.session()->options();
        o.set("--name", "kws");
        if (packedApi) o = [&] { BuildOptions h = BuildOptions::preset(BuildOptions::Preset::HostDriven); h.set("--name", "kws"); return h; }();
        w.optionsPanel()->setOptions(o);
        w.session()->setOptions(o);
        QVERIFY(w.compile());
        QVERIFY(w.isCompiling() || w.session()->build());
        w.waitForCompile();
        QVERIFY(w.session()->build());

        const QStringList files = w.codeView()->files();
        for (const QString &f : {"include/kws/kws.h", "src/kws.c", "src/kws_ops.c", "src/kws_constants.c", "metadata.json"})
            QVERIFY2(files.contains(f), qPrintable(files.join(',')));
        // The header opens first and declares the entrypoint of the mode.
        QCOMPARE(w.codeView()->currentFile(), QString("include/kws/kws.h"));
        const QString header = w.codeView()->currentText();
        if (packedApi) {
            QVERIFY(header.contains("int32_t kws_run(EmberValue *args"));
        } else {
            QVERIFY(header.contains("int32_t kws_run(struct kws_inputs *"));
            QVERIFY(header.contains("struct kws_inputs {"));
        }
        // Go to layer lands on that layer's function.
        QVERIFY(w.codeView()->goToLayer(3));
        QVERIFY(w.codeView()->currentFile().endsWith("_ops.c"));
        QVERIFY(w.codeView()->editor()->selectedText().startsWith("kws_l03_"));

        // A rebuild with another planner marks what changed.
        QVERIFY(w.codeView()->changedFiles().isEmpty());
        BuildOptions o2 = w.session()->options();
        o2.set("--planner", "greedy-size");
        o2.set("--align", "64");
        w.session()->setOptions(o2);
        QVERIFY(w.compile());
        w.waitForCompile();
        QVERIFY(!w.codeView()->changedFiles().isEmpty());
        QVERIFY(w.codeView()->changedFiles().contains("include/kws/kws.h") || w.codeView()->changedFiles().contains("metadata.json"));
    }

    void cancelLeavesUiIdle()
    {
        MainWindow w(db());
        QVERIFY(w.openModel(QString::fromStdString(ember::test::modelPath("mlperf_tiny/vww/vww_96_int8.tflite"))));
        QVERIFY(w.compile());
        w.cancelCompile();
        QVERIFY(!w.isCompiling());
        QVERIFY(!w.session()->build());
        // A new compile starts and finishes normally afterwards.
        QVERIFY(w.compile());
        w.waitForCompile();
        QVERIFY(w.session()->build());
    }
};

QTEST_MAIN(TestStudioOptions)
#include "tst_studio_options.moc"
