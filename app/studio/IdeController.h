// The exported project in the user's tools: Export Firmware Project (a
// project whose CMakeLists.txt compiles the model at build time through
// find_package(Ember)), Open in IDE (VS Code, Qt Creator, CLion; each a
// command line in the settings, started detached as an argument list) and
// Reveal in File Manager. Acts on the folder exported last (package or
// firmware project) and asks for one when there is none yet.
#pragma once

#include <QDialog>
#include <QObject>
#include <QStringList>

class QAction;
class QLineEdit;
class QMenu;
class QWidget;

namespace ember::studio {

class Session;
class BoardController;

class IdeController : public QObject {
    Q_OBJECT
public:
    IdeController(Session *session, BoardController *board, QWidget *window);

    // "vscode", "qtcreator", "clion"; their names and default command lines.
    // {dir} is the folder, {project} its CMakeLists.txt when it has one
    // (else the folder itself).
    static QStringList ideIds();
    static QString ideName(const QString &id);
    static QString defaultCommand(const QString &id);
    // The setting, or the default.
    static QString command(const QString &id);
    static void setCommand(const QString &id, const QString &command);
    // The command line split (quotes as in a shell) with the placeholders
    // filled in; false with the reason for an empty or unbalanced command.
    static bool expandCommand(const QString &command, const QString &dir, QString *program, QStringList *args,
                              QString *error);

    QString folder() const { return folder_; }
    void setFolder(const QString &dir);
    // Writes the firmware project for the last build and the selected board.
    bool exportFirmware(const QString &dir);
    bool openInIde(const QString &id);
    bool revealInFileManager();

    QAction *exportFirmwareAction() const { return exportFirmware_; }
    QMenu *openInIdeMenu() const { return ideMenu_; }
    QAction *revealAction() const { return reveal_; }
    void retranslate();
    void updateActions();

private:
    bool ensureFolder();

    Session *session_;
    BoardController *board_;
    QWidget *window_;
    QString folder_;
    QAction *exportFirmware_, *reveal_, *configure_;
    QMenu *ideMenu_;
    QList<QAction *> ideActions_;
};

// Settings ▸ the IDE command lines, one per IDE, with the defaults restorable.
class IdeCommandsDialog : public QDialog {
    Q_OBJECT
public:
    explicit IdeCommandsDialog(QWidget *parent = nullptr);
    void accept() override;

private:
    QList<QLineEdit *> edits_;
};

}  // namespace ember::studio
