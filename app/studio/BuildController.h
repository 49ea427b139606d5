// Compiling the open model and what follows from a build: the compile worker
// (CompileJob) and its outcome in Messages and the project history, export
// of the package to a folder or archive, and the host compiler check. Owns
// the Compile, Export and Check with Host Compiler actions.
#pragma once

#include <QObject>

#include "BuildOptions.h"
#include "CompileJob.h"

class QAction;
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
    // Compiles the last build with the host C compiler (ToolRunner).
    void checkWithHostCompiler();

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

private:
    void onCompiled(const CompileOutcome &out, qint64 ms);
    void onFailed(const ember::Diagnostics &d);
    void recordBuild(const CompileOutcome *ok, const ember::Diagnostics *errors, qint64 ms);

    Session *session_;
    ProjectController *project_;
    QWidget *window_;
    CompileJob *job_;
    BuildOptions compiledOptions_;
    QAction *compile_, *exportFolder_, *exportArchive_, *checkHost_;
};

}  // namespace ember::studio
