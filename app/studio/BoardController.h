// Work on a board: the board selector (emulated boards first), Profile (run
// the model on the board and count every layer; the result goes to the
// Profile view, the session and the project history) and Flash, both in a
// BoardJob off the UI thread. Owns the selector and the Profile and Flash actions.
#pragma once

#include <QObject>

#include "BoardJob.h"
#include "BuildOptions.h"

class QAction;
class QComboBox;
class QLabel;
class QToolBar;
class QWidget;

namespace ember::studio {

class Session;
class ProjectController;
class ProfileView;

class BoardController : public QObject {
    Q_OBJECT
public:
    BoardController(Session *session, ProjectController *project, ProfileView *profileView, QWidget *window);

    // Both return false (with the reason in Messages) when they cannot
    // start; results and errors arrive later (profile view, history, Messages).
    bool profile();
    bool flash();
    void cancel() { job_->cancel(); }
    bool isBusy() const { return job_->isRunning(); }
    BoardJob *job() const { return job_; }
    // Select by id (false if unknown); the current id.
    bool selectBoard(const QString &id);
    QString currentBoard() const;
    QComboBox *selector() const { return combo_; }

    QAction *profileAction() const { return profile_; }
    QAction *flashAction() const { return flash_; }
    // The label, the selector, Profile and Flash.
    void addToToolBar(QToolBar *tb);
    void retranslate();
    void updateActions();

signals:
    void progress(int value, int max, const QString &stage);
    // A job started or ended, or another board was chosen.
    void stateChanged();
    void failed();
    // A profile run is recorded and in the session.
    void profiled();

private:
    void publishBoard();
    void fillBoards();
    bool readyToRun(const QString &what);
    void onProfiled(const ProfileRecord &r);
    void recordFailure(bool flash, const QString &message);
    void onFailed(const QString &message, const QString &kind, const QString &log);

    Session *session_;
    ProjectController *project_;
    ProfileView *profileView_;
    BoardJob *job_;
    BuildOptions profiledOptions_;
    QString profiledModel_;
    QString jobTarget_;  // label of the board the running job uses
    QComboBox *combo_;
    QLabel *label_;
    QAction *profile_, *flash_;
};

}  // namespace ember::studio
