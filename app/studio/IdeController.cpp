#include "IdeController.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include "BoardController.h"
#include "Session.h"
#include "SettingsKeys.h"
#include "flashers/Board.h"
#include "flashers/Firmware.h"

namespace ember::studio {

namespace {

QString settingsKey(const QString &id) { return QStringLiteral("ide/") + id; }

}  // namespace

QStringList IdeController::ideIds() { return {QStringLiteral("vscode"), QStringLiteral("qtcreator"), QStringLiteral("clion")}; }

QString IdeController::ideName(const QString &id)
{
    if (id == QLatin1String("vscode")) return QStringLiteral("VS Code");
    if (id == QLatin1String("qtcreator")) return QStringLiteral("Qt Creator");
    if (id == QLatin1String("clion")) return QStringLiteral("CLion");
    return id;
}

QString IdeController::defaultCommand(const QString &id)
{
    // Qt Creator opens a CMake project through its CMakeLists.txt; VS Code
    // (CMake Tools) and CLion open the folder and find it themselves.
    if (id == QLatin1String("vscode")) return QStringLiteral("code {dir}");
    if (id == QLatin1String("qtcreator")) return QStringLiteral("qtcreator {project}");
    if (id == QLatin1String("clion")) return QStringLiteral("clion {dir}");
    return {};
}

QString IdeController::command(const QString &id)
{
    const QString c = QSettings().value(settingsKey(id)).toString().trimmed();
    return c.isEmpty() ? defaultCommand(id) : c;
}

void IdeController::setCommand(const QString &id, const QString &command)
{
    QSettings s;
    // The default is not stored, so a later version's default applies.
    if (command.trimmed().isEmpty() || command.trimmed() == defaultCommand(id)) s.remove(settingsKey(id));
    else s.setValue(settingsKey(id), command.trimmed());
}

bool IdeController::expandCommand(const QString &command, const QString &dir, QString *program, QStringList *args,
                                  QString *error)
{
    if (command.count(QLatin1Char('"')) % 2 != 0) {
        *error = tr("the command '%1' has an unbalanced quote").arg(command);
        return false;
    }
    QStringList words = QProcess::splitCommand(command);
    if (words.isEmpty()) {
        *error = tr("the command is empty; set one in Open in IDE ▸ IDE Commands…");
        return false;
    }
    const QString cmake = QDir(dir).filePath(QStringLiteral("CMakeLists.txt"));
    const QString project = QFileInfo::exists(cmake) ? cmake : dir;
    for (QString &w : words) {
        // Whole words and parts ("--folder-uri={dir}") alike; each stays one argument.
        w.replace(QLatin1String("{project}"), project);
        w.replace(QLatin1String("{dir}"), dir);
    }
    *program = words.takeFirst();
    *args = words;
    return true;
}

IdeController::IdeController(Session *session, BoardController *board, QWidget *window)
    : QObject(window), session_(session), board_(board), window_(window)
{
    exportFirmware_ = new QAction(QString(), window);
    connect(exportFirmware_, &QAction::triggered, this, [this] {
        QSettings s;
        const QString dir = QFileDialog::getExistingDirectory(window_, tr("Export firmware project to folder"),
                                                              s.value(keys::kExportDir, QDir::homePath()).toString());
        if (dir.isEmpty()) return;
        s.setValue(keys::kExportDir, QFileInfo(dir).absolutePath());
        exportFirmware(dir);
    });
    ideMenu_ = new QMenu(window);
    for (const QString &id : ideIds()) {
        QAction *a = ideMenu_->addAction(QString());
        connect(a, &QAction::triggered, this, [this, id] { openInIde(id); });
        ideActions_ << a;
    }
    ideMenu_->addSeparator();
    configure_ = ideMenu_->addAction(QString());
    connect(configure_, &QAction::triggered, this, [this] { IdeCommandsDialog(window_).exec(); });
    reveal_ = new QAction(window->style()->standardIcon(QStyle::SP_DirOpenIcon), QString(), window);
    connect(reveal_, &QAction::triggered, this, &IdeController::revealInFileManager);
}

void IdeController::setFolder(const QString &dir)
{
    folder_ = QFileInfo(dir).absoluteFilePath();
    updateActions();
}

bool IdeController::ensureFolder()
{
    if (!folder_.isEmpty() && QFileInfo(folder_).isDir()) return true;
    const QString dir = QFileDialog::getExistingDirectory(window_, tr("Choose the project folder"),
                                                          QSettings().value(keys::kExportDir, QDir::homePath()).toString());
    if (dir.isEmpty()) return false;
    setFolder(dir);
    return true;
}

bool IdeController::exportFirmware(const QString &dir)
{
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to export; compile the model first")});
        return false;
    }
    const std::string boardId = board_->currentBoard().toStdString();
    Result<BoardCatalog> cat = BoardCatalog::load();
    Result<Board> b = cat ? cat->find(boardId) : Result<Board>(cat.diagnostics());
    if (!b) {
        session_->reportDiagnostics(b.diagnostics());
        return false;
    }
    FirmwareOptions fo;
    fo.modelPath = QFileInfo(session_->modelPath()).absoluteFilePath().toStdString();
    for (const QString &a : session_->options().toArgs())
        fo.compileArgs.push_back(a.toStdString());
    // --name is ember_add_model's NAME (the package's own name).
    for (size_t i = 0; i + 1 < fo.compileArgs.size(); ++i)
        if (fo.compileArgs[i] == "--name") fo.compileArgs.erase(fo.compileArgs.begin() + long(i), fo.compileArgs.begin() + long(i) + 2);
    Result<FileList> files = generateFirmwareProject(*build, *b, fo);
    Diagnostics d;
    if (!files || !writeFiles(*files, dir.toStdString(), d)) {
        session_->reportDiagnostics(files ? d : files.diagnostics());
        return false;
    }
    setFolder(dir);
    session_->info(tr("firmware project for %1 exported to %2; build it with cmake, or open it in your IDE (File ▸ Open in IDE)")
                       .arg(QString::fromStdString(b->name), dir));
    return true;
}

bool IdeController::openInIde(const QString &id)
{
    if (!ensureFolder()) return false;
    QString program, error;
    QStringList args;
    if (!expandCommand(command(id), folder_, &program, &args, &error)) {
        session_->report({StudioMessage::Level::Error, error});
        return false;
    }
    // An argument list, no shell: folder names with spaces or quotes stay whole.
    if (!QProcess::startDetached(program, args, folder_)) {
        session_->report({StudioMessage::Level::Error,
                          tr("cannot start %1 ('%2'); install it or change its command in Open in IDE ▸ IDE Commands…")
                              .arg(ideName(id), program)});
        return false;
    }
    session_->info(tr("opened %1 in %2").arg(folder_, ideName(id)));
    return true;
}

bool IdeController::revealInFileManager()
{
    if (!ensureFolder()) return false;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder_))) {
        session_->report({StudioMessage::Level::Error, tr("no file manager could open %1").arg(folder_)});
        return false;
    }
    return true;
}

void IdeController::retranslate()
{
    exportFirmware_->setText(tr("Export &Firmware Project…"));
    exportFirmware_->setToolTip(tr("Write a CMake firmware project for the selected board; with Ember installed "
                                   "it recompiles the model on every build"));
    ideMenu_->setTitle(tr("Open in &IDE"));
    for (int i = 0; i < ideActions_.size(); ++i) ideActions_[i]->setText(ideName(ideIds()[i]));
    configure_->setText(tr("IDE &Commands…"));
    reveal_->setText(tr("&Reveal in File Manager"));
    updateActions();
}

void IdeController::updateActions()
{
    exportFirmware_->setEnabled(bool(session_->build()));
    const QString where = folder_.isEmpty() ? tr("the exported folder (asked for when none is exported yet)") : folder_;
    for (QAction *a : ideActions_) a->setToolTip(where);
    reveal_->setToolTip(where);
}

IdeCommandsDialog::IdeCommandsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("IDE Commands"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The command that opens a project folder in each IDE, started without a shell. "
                                "{dir} is the folder, {project} its CMakeLists.txt (or the folder)."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (const QString &id : IdeController::ideIds()) {
        auto *e = new QLineEdit(IdeController::command(id));
        e->setPlaceholderText(IdeController::defaultCommand(id));
        e->setObjectName(id);
        e->setMinimumWidth(360);
        form->addRow(IdeController::ideName(id), e);
        edits_ << e;
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        for (QLineEdit *e : edits_) e->setText(IdeController::defaultCommand(e->objectName()));
    });
    layout->addWidget(buttons);
}

void IdeCommandsDialog::accept()
{
    for (QLineEdit *e : edits_) IdeController::setCommand(e->objectName(), e->text());
    QDialog::accept();
}

}  // namespace ember::studio
