// Compiling the open model and what follows from a build: the compile worker
// (CompileJob) and its outcome in Messages and the project history, export
// of the package to a folder or archive, and the host compiler check. Owns
// the Compile, Export and Check with Host Compiler actions.
#pragma once

#include <QObject>
#include <functional>

#include "BuildOptions.h"
#include "CompileJob.h"

class QAction;
class QTimer;
class QWidget;

namespace ember::studio {

class Session;
class ProjectController;

class BuildController : public QObject {
    Q_OBJECT
public:
    // `window` parents the dialogs.
    BuildController(Session *session, ProjectController *project, QWidget *window);

    // Starts a compile in the worker; false if nothing to compile or the
    // options are invalid (reasons go to Messages).
    bool compile();
    void cancel();
    bool isCompiling() const { return job_->isRunning(); }
    void waitForFinished() { job_->waitForFinished(); }
    void exportPackage(bool archive);
    // Exports without a dialog (tests, scripts); builds first if stale.
    void exportPackageTo(const QString &target, bool archive);
    // Compiles the current build with the host C compiler (ToolRunner);
    // builds first if the options changed since the last build.
    void checkWithHostCompiler();
    // Runs `then` with a build of the options shown now: at once when the
    // build is current, else after a compile it starts (dropped, with a
    // message, if that compile fails or is cancelled). `what` names the
    // action for the messages.
    void withCurrentBuild(const QString &what, std::function<void()> then);
    // Live preview: after an option edit (debounced), recompile in the
    // background when there was a build. On by default.
    void setLiveRecompile(bool on) { live_ = on; }
    bool liveRecompile() const { return live_; }

    QAction *compileAction() const { return compile_; }
    QAction *exportFolderAction() const { return exportFolder_; }
    QAction *exportArchiveAction() const { return exportArchive_; }
    QAction *checkHostAction() const { return checkHost_; }
    void retranslate();
    void updateActions();

signals:
    void progress(int value, int max, const QString &stage);
    // A compile started or ended (built, failed or cancelled).
    void stateChanged();
    void failed();
    // The package was exported to this folder.
    void exported(const QString &dir);
    void hostCheckFinished(bool ok);

private:
    void onCompiled(const CompileOutcome &out, qint64 ms);
    void onFailed(const ember::Diagnostics &d);
    void recordBuild(const CompileOutcome *ok, const ember::Diagnostics *errors, qint64 ms);

    Session *session_;
    ProjectController *project_;
    QWidget *window_;
    CompileJob *job_;
    bool startCompile(bool quiet);
    void runHostCheck();
    void scheduleLiveRecompile();

    BuildOptions compiledOptions_;
    bool quietCompile_ = false;  // a live recompile: not recorded in the history
    bool live_ = true;
    QTimer *liveTimer_;
    std::function<void()> pending_;  // waiting for the compile that runs
    QString pendingWhat_;
    QAction *compile_, *exportFolder_, *exportArchive_, *checkHost_;
};

}  // namespace ember::studio
