// Smaller studio units: run-time language switching, build options as JSON
// and presets, the line diff behind "what changed", package export, and the
// external-tool runner.
#include <QApplication>
#include <QLineEdit>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "BuildOptions.h"
#include "MainWindow.h"
#include "OperatorsDialog.h"
#include "PackageExport.h"
#include "StudioTestUtil.h"
#include "TextDiff.h"
#include "ToolRunner.h"
#include "Translations.h"
#undef emit  // OpKernel has a member of that name
#include "core/ops/OpKernel.h"

using namespace ember::studio;

class TestStudioMisc : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void switchesLanguage_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("memoryTab");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("de") << "de" << "Speicher" << "&Datei";
        QTest::newRow("zh_CN") << "zh_CN" << QString::fromUtf8("内存") << QString::fromUtf8("文件(&F)");
    }

    void switchesLanguage()
    {
        QFETCH(QString, code);
        QFETCH(QString, memoryTab);
        QFETCH(QString, fileMenu);
        MainWindow w(tmp_.path() + "/lang.sqlite");
        auto *tabs = w.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(1), QString("Memory"));
        QVERIFY(switchLanguage(code));
        QCoreApplication::processEvents();  // LanguageChange is delivered as an event
        QCOMPARE(tabs->tabText(1), memoryTab);
        QCOMPARE(w.menuBar()->actions().first()->text(), fileMenu);
        QVERIFY(switchLanguage(QString()));
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(1), QString("Memory"));
        QVERIFY(!switchLanguage("xx"));
    }

    void optionsJsonRoundTrip()
    {
        BuildOptions o = BuildOptions::preset(BuildOptions::Preset::HostDriven);
        o.set("--name", "net");
        o.pools = {PoolOption{"sram", 1024, ".sram", 32}, PoolOption{"dtcm", 0, {}, 16}};
        o.pins.insert("a/b", "dtcm");
        o.dims << "x:1=1..8";
        o.set("--align", "8");
        QVERIFY(BuildOptions::fromJson(o.toJson()) == o);
        QCOMPARE(o.toArgs(), (QStringList{"--name", "net", "--interface-api", "packed", "--operators", "packed",
                                          "--packed-wrappers", "--align", "8", "--pool", "sram:1024:section=.sram:align=32",
                                          "--pool", "dtcm:0:align=16", "--pin", "a/b=dtcm", "--dim", "x:1=1..8"}));
        QVERIFY(BuildOptions().toArgs().isEmpty());
        QVERIFY(BuildOptions::preset(BuildOptions::Preset::EmbeddedC) == BuildOptions());
        QCOMPARE(parseBytes("64K"), qint64(65536));
        QCOMPARE(parseBytes("2M"), qint64(2 * 1024 * 1024));
        QCOMPARE(parseBytes("12 KiB"), qint64(12 * 1024));
        QCOMPARE(parseBytes("lots"), qint64(-1));
        QCOMPARE(formatBytes(1536), QString("1.5 KiB"));
    }

    void lineDiff_data()
    {
        QTest::addColumn<QStringList>("a");
        QTest::addColumn<QStringList>("b");
        QTest::addColumn<QList<int>>("changed");
        QTest::addColumn<int>("removed");
        QTest::newRow("same") << QStringList{"x", "y"} << QStringList{"x", "y"} << QList<int>{} << 0;
        QTest::newRow("edit-middle") << QStringList{"a", "b", "c"} << QStringList{"a", "B", "c"} << QList<int>{1} << 1;
        QTest::newRow("insert") << QStringList{"a", "c"} << QStringList{"a", "b", "c"} << QList<int>{1} << 0;
        QTest::newRow("delete") << QStringList{"a", "b", "c"} << QStringList{"a", "c"} << QList<int>{} << 1;
        QTest::newRow("moved-block") << QStringList{"1", "2", "3", "4"} << QStringList{"3", "4", "1", "2"} << QList<int>{2, 3} << 2;
        QTest::newRow("from-empty") << QStringList{} << QStringList{"a", "b"} << QList<int>{0, 1} << 0;
    }

    // Help ▸ Supported Operators lists the compiler's registry, with types,
    // and filters as the user types.
    void operatorsDialogListsRegistry()
    {
        OperatorsDialog d;
        const int all = int(ember::supportedOperators().size());
        QCOMPARE(all, int(ember::registeredKernels().size()) + 2);  // + VAR_HANDLE, CALL_ONCE
        QVERIFY(all > 80);
        QCOMPARE(d.rowCount(), all);
        auto *search = d.findChild<QLineEdit *>("operatorSearch");
        QVERIFY(search);
        QTest::keyClicks(search, "TRANSPOSE_CONV");
        QCOMPARE(d.rowCount(), 1);
        search->clear();
        QTest::keyClicks(search, "bool");
        QVERIFY(d.rowCount() > 3 && d.rowCount() < all);
    }

    void lineDiff()
    {
        QFETCH(QStringList, a);
        QFETCH(QStringList, b);
        QFETCH(QList<int>, changed);
        QFETCH(int, removed);
        const LineDiff d = diffLines(a, b);
        QCOMPARE(d.changed, changed);
        QCOMPARE(d.removed, removed);
        QCOMPARE(d.added, int(changed.size()));
    }

    void exportsPackage()
    {
        MainWindow w(tmp_.path() + "/export.sqlite");
        QVERIFY(w.openExample());
        QVERIFY(w.compile());
        w.waitForCompile();
        auto build = w.session()->build();
        QVERIFY(build);
        QString error;
        const QString dir = tmp_.path() + "/pkg";
        QVERIFY2(exportFolder(*build, dir, &error), qPrintable(error));
        for (const auto &f : build->files) {
            QFile x(dir + "/" + QString::fromStdString(f.first));
            QVERIFY2(x.open(QIODevice::ReadOnly), qPrintable(x.fileName()));
            QCOMPARE(x.readAll(), QByteArray::fromStdString(f.second));
        }
        const QString tar = tmp_.path() + "/pkg.tar";
        QVERIFY2(exportArchive(*build, tar, &error), qPrintable(error));
        QFile t(tar);
        QVERIFY(t.open(QIODevice::ReadOnly));
        const QByteArray bytes = t.readAll();
        QCOMPARE(bytes.size() % 512, 0);
        QCOMPARE(bytes.mid(257, 5), QByteArray("ustar"));
        QVERIFY(!exportArchive(*build, tmp_.path() + "/no/such/dir/pkg.tar", &error));
        QVERIFY(error.contains("cannot write"));
    }

    void toolRunnerReportsExactlyOnce_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("ok");
        QTest::newRow("exit-0") << "sh" << QStringList{"-c", "echo hello"} << true;
        QTest::newRow("exit-3") << "sh" << QStringList{"-c", "echo bad >&2; exit 3"} << false;
        QTest::newRow("cannot-start") << "/nonexistent/ember-tool" << QStringList{} << false;
    }

    void toolRunnerReportsExactlyOnce()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QFETCH(bool, ok);
        ToolRunner r;
        int calls = 0;
        bool gotOk = !ok;
        QString out;
        connect(&r, &ToolRunner::finished, this, [&](bool k, int, const QString &o) { ++calls; gotOk = k; out = o; });
        r.start(program, args);
        QVERIFY(r.waitForFinished(10000));
        QTest::qWait(50);
        QCOMPARE(calls, 1);
        QCOMPARE(gotOk, ok);
        QVERIFY(!out.isEmpty());
        QCOMPARE(ToolRunner::commandLine("cc", {"-c", "a b.c"}), QString("cc -c 'a b.c'"));
    }
};

QTEST_MAIN(TestStudioMisc)
#include "tst_studio_misc.moc"
