// File ▸ Export Firmware Project, Open in IDE and Reveal in File Manager
// (IdeController): command settings and their expansion, the IDE started
// detached with the folder as one argument, the firmware project with
// ember_add_model. EMBER_SCREENSHOT_DIR=D also saves the menu and the
// IDE Commands dialog as PNGs in D.
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "IdeController.h"
#include "MainWindow.h"
#include "StudioTestUtil.h"

using namespace ember::studio;

class TestIde : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    static QMenu *fileMenu(MainWindow &w) { return w.menuBar()->actions().first()->menu(); }
    static void save(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("EMBER_SCREENSHOT_DIR");
        if (!dir.isEmpty()) QVERIFY(widget->grab().save(dir + "/" + name, "PNG", 0));
    }

private slots:
    void initTestCase() { test::isolate(*qApp, tmp_); }

    void defaultsAndSettings()
    {
        QCOMPARE(IdeController::ideIds(), QStringList({"vscode", "qtcreator", "clion"}));
        QCOMPARE(IdeController::command("vscode"), QString("code {dir}"));
        QCOMPARE(IdeController::command("qtcreator"), QString("qtcreator {project}"));
        QCOMPARE(IdeController::command("clion"), QString("clion {dir}"));
        IdeController::setCommand("vscode", "codium --new-window {dir}");
        QCOMPARE(IdeController::command("vscode"), QString("codium --new-window {dir}"));
        // Back to the default: nothing is stored.
        IdeController::setCommand("vscode", "code {dir}");
        QVERIFY(!QSettings().contains("ide/vscode"));
        IdeController::setCommand("vscode", "");
        QCOMPARE(IdeController::command("vscode"), QString("code {dir}"));
    }

    void expandsPlaceholders()
    {
        const QString dir = tmp_.filePath("my project");
        QVERIFY(QDir().mkpath(dir));
        QString program, error;
        QStringList args;
        QVERIFY(IdeController::expandCommand("qtcreator {project}", dir, &program, &args, &error));
        QCOMPARE(program, QString("qtcreator"));
        QCOMPARE(args, QStringList({dir}));  // no CMakeLists.txt: the folder
        QFile f(dir + "/CMakeLists.txt");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(IdeController::expandCommand("qtcreator {project}", dir, &program, &args, &error));
        QCOMPARE(args, QStringList({dir + "/CMakeLists.txt"}));
        QVERIFY(IdeController::expandCommand("\"/opt/my ide/bin/ide\" --folder={dir} -n", dir, &program, &args, &error));
        QCOMPARE(program, QString("/opt/my ide/bin/ide"));
        QCOMPARE(args, QStringList({"--folder=" + dir, "-n"}));
        QVERIFY(!IdeController::expandCommand("   ", dir, &program, &args, &error));
        QVERIFY2(error.contains("empty"), qPrintable(error));
        QVERIFY(!IdeController::expandCommand("code \"{dir}", dir, &program, &args, &error));
        QVERIFY2(error.contains("unbalanced quote"), qPrintable(error));
    }

    void menuAndDialog()
    {
        MainWindow w(tmp_.filePath("menu.sqlite"));
        QMenu *file = fileMenu(w);
        QVERIFY(file);
        QMenu *ide = nullptr;
        QAction *reveal = nullptr, *exportFw = nullptr;
        for (QAction *a : file->actions()) {
            if (a->menu() && a->text() == "Open in &IDE") ide = a->menu();
            if (a->text() == "&Reveal in File Manager") reveal = a;
            if (a->text() == "Export &Firmware Project…") exportFw = a;
        }
        QVERIFY(ide && reveal && exportFw);
        QVERIFY(!exportFw->isEnabled());  // nothing compiled yet
        QStringList names;
        for (QAction *a : ide->actions())
            if (!a->isSeparator()) names << a->text();
        QCOMPARE(names, QStringList({"VS Code", "Qt Creator", "CLion", "IDE &Commands…"}));
        w.resize(1000, 600);
        w.show();
        file->popup(w.mapToGlobal(QPoint(0, 0)));
        ide->popup(file->mapToGlobal(QPoint(file->width(), file->actionGeometry(file->actions()[0]).top())));
        QCoreApplication::processEvents();
        save(file, "ide_file_menu.png");
        save(ide, "ide_open_menu.png");
        ide->close();
        file->close();

        IdeController::setCommand("clion", "/opt/clion/bin/clion.sh {dir}");
        IdeCommandsDialog dlg(&w);
        auto *clion = dlg.findChild<QLineEdit *>("clion");
        QVERIFY(clion);
        QCOMPARE(clion->text(), QString("/opt/clion/bin/clion.sh {dir}"));
        dlg.show();
        QCoreApplication::processEvents();
        save(&dlg, "ide_commands_dialog.png");
        dlg.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(clion->text(), QString("clion {dir}"));
        dlg.accept();
        QVERIFY(!QSettings().contains("ide/clion"));
    }

    void startsIdeDetachedWithFolderAsOneArgument()
    {
        // A stand-in IDE: records its arguments and working directory.
        const QString dir = tmp_.filePath("exported 'one' two");
        QVERIFY(QDir().mkpath(dir));
        const QString record = tmp_.filePath("ide-args.txt");
        const QString script = tmp_.filePath("fake-ide.sh");
        QFile s(script);
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write(QString("#!/bin/sh\n{ pwd; for a in \"$@\"; do echo \"[$a]\"; done; } > '%1.tmp'\nmv '%1.tmp' '%1'\n")
                    .arg(record).toUtf8());
        s.close();
        QVERIFY(s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        IdeController::setCommand("vscode", script + " --reuse {dir}");
        MainWindow w(tmp_.filePath("ide.sqlite"));
        IdeController *ide = w.ideController();
        QVERIFY(ide);
        ide->setFolder(dir);
        QVERIFY(ide->openInIde("vscode"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(record), 10000);
        QFile r(record);
        QVERIFY(r.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(r.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines, QStringList({dir, "[--reuse]", "[" + dir + "]"}));
        // A program that is not there: one clear message, nothing started.
        IdeController::setCommand("clion", "/nonexistent/clion {dir}");
        QVERIFY(!ide->openInIde("clion"));
        IdeController::setCommand("vscode", "");
        IdeController::setCommand("clion", "");
    }

    void exportsFirmwareProjectWithEmberAddModel()
    {
        MainWindow w(tmp_.filePath("fw.sqlite"));
        QVERIFY(w.openExample());
        QVERIFY(w.compile());
        w.waitForCompile();
        QVERIFY(w.session()->build());
        QVERIFY(w.selectBoard("qemu-mps2-an386"));
        const QString dir = tmp_.filePath("fw");
        IdeController *ide = w.ideController();
        QVERIFY(ide->exportFirmware(dir));
        QCOMPARE(ide->folder(), dir);
        QFile f(dir + "/CMakeLists.txt");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("find_package(Ember 0.1 QUIET)"), text.constData());
        QVERIFY2(text.contains("ember_add_model(firmware.elf MODEL \"${EMBER_MODEL}\" NAME "), text.constData());
        QVERIFY2(text.contains(QFileInfo(w.session()->modelPath()).absoluteFilePath().toUtf8()), text.constData());
        QVERIFY(QFile::exists(dir + "/model/metadata.json"));
    }
};

QTEST_MAIN(TestIde)
#include "tst_ide.moc"
