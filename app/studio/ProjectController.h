// The project of the open model: opening models (dialog, recent files, the
// example), the project database (ProjectStore) with the options saved
// shortly after each edit, and the builds and profile runs recorded in it.
// Owns the File menu's open/save actions and the Open Recent menu.
#pragma once

#include <QObject>
#include <memory>

#include "ProjectStore.h"

class QAction;
class QMenu;
class QTimer;
class QWidget;

namespace ember::studio {

class Session;

class ProjectController : public QObject {
    Q_OBJECT
public:
    // `storePath` empty = the database in the user's data dir; `window`
    // parents the dialogs.
    ProjectController(Session *session, const QString &storePath, QWidget *window);
    ~ProjectController() override;

    // Reports a database that cannot be opened and offers a fresh one for a
    // damaged file. Call once the Messages pane listens to the session.
    void checkStore();
    // The open dialog's name filters: the formats the core's importers load.
    static QString openDialogFilter();

    bool openModel(const QString &path);
    bool openExample(const QString &name = QStringLiteral("ember_demo"));
    bool saveProject();
    // Saves now if an options edit waits for the save timer.
    void saveIfPending();

    ProjectStore *store() const { return store_.get(); }
    qint64 projectId() const { return projectId_; }
    // Record into the current project (the store sets the record ids);
    // nothing without one. Errors go to Messages.
    void recordBuild(BuildRecord b);
    void recordProfile(ProfileRecord &r);

    QAction *openAction() const { return open_; }
    QAction *openExampleAction() const { return openExample_; }
    QAction *saveAction() const { return save_; }
    QMenu *recentMenu() const { return recentMenu_; }
    void retranslate();
    void updateActions();

signals:
    // A model file is about to replace the current model: stop its jobs.
    void aboutToOpenModel();
    void openFailed();
    void projectChanged(qint64 projectId);
    void historyChanged();
    void storeChanged();

private:
    void attachProject();
    void addRecent(const QString &path);
    void fillRecentMenu();

    Session *session_;
    QWidget *window_;
    std::unique_ptr<ProjectStore> store_;
    qint64 projectId_ = -1;
    QTimer *saveTimer_;
    QAction *open_, *openExample_, *save_;
    QMenu *recentMenu_;
};

}  // namespace ember::studio
