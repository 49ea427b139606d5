#include "BuildController.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QWidget>

#include "PackageExport.h"
#include "ProjectController.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "SettingsKeys.h"
#include "ToolRunner.h"

namespace ember::studio {

BuildController::BuildController(Session *session, ProjectController *project, QWidget *window)
    : QObject(window), session_(session), project_(project), window_(window), job_(new CompileJob(this))
{
    QStyle *style = window->style();
    compile_ = new QAction(style->standardIcon(QStyle::SP_MediaPlay), QString(), window);
    compile_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(compile_, &QAction::triggered, this, &BuildController::compile);
    exportFolder_ = new QAction(style->standardIcon(QStyle::SP_DirIcon), QString(), window);
    connect(exportFolder_, &QAction::triggered, this, [this] { exportPackage(false); });
    exportArchive_ = new QAction(QString(), window);
    connect(exportArchive_, &QAction::triggered, this, [this] { exportPackage(true); });
    checkHost_ = new QAction(QString(), window);
    connect(checkHost_, &QAction::triggered, this, &BuildController::checkWithHostCompiler);

    connect(job_, &CompileJob::progress, this, &BuildController::progress);
    connect(job_, &CompileJob::finished, this, &BuildController::onCompiled);
    connect(job_, &CompileJob::failed, this, &BuildController::onFailed);
    connect(job_, &CompileJob::cancelled, this, [this] {
        session_->info(tr("compile cancelled"));
        emit stateChanged();
    });
}

bool BuildController::compile()
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to compile; open a model first")});
        return false;
    }
    if (job_->isRunning()) return false;
    const QList<OptionError> errs = session_->options().validateAgainst(*session_->graph());
    if (!errs.isEmpty()) {
        for (const OptionError &e : errs) session_->report({StudioMessage::Level::Error, e.message});
        return false;
    }
    ember::CompileOptions opts;
    ember::Diagnostics d;
    QStringList skipped;
    if (!toCompileOptions(session_->options(), &opts, &d, &skipped)) {
        session_->reportDiagnostics(d);
        return false;
    }
    for (const QString &f : skipped)
        session_->report({StudioMessage::Level::Warning, tr("%1 is not supported by this compiler build and was ignored").arg(f)});
    compiledOptions_ = session_->options();
    session_->info(tr("compiling: %1").arg(ToolRunner::commandLine(
        "emberc", QStringList{"compile", QFileInfo(session_->modelPath()).fileName()} + session_->options().toArgs())));
    job_->start(session_->sharedGraph(), opts);
    emit stateChanged();
    return true;
}

void BuildController::cancel()
{
    job_->cancel();
    emit stateChanged();
}

void BuildController::onCompiled(const CompileOutcome &out, qint64 ms)
{
    session_->reportDiagnostics(out.diagnostics);  // warnings
    session_->setBuild(out.artifacts);
    const ember::Artifacts &a = *out.artifacts;
    session_->info(tr("compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6")
                       .arg(QString::fromStdString(a.name)).arg(ms).arg(a.files.size())
                       .arg(formatBytes(qint64(a.plan.totalUsed())), formatBytes(qint64(a.constantBytes)), formatBytes(out.codeBytes)));
    recordBuild(&out, nullptr, ms);
    emit stateChanged();
}

void BuildController::onFailed(const ember::Diagnostics &d)
{
    session_->reportDiagnostics(d);
    if (d.items().empty()) session_->report({StudioMessage::Level::Error, tr("compile failed without a diagnostic")});
    recordBuild(nullptr, &d, 0);
    emit failed();
    emit stateChanged();
}

void BuildController::recordBuild(const CompileOutcome *ok, const ember::Diagnostics *errors, qint64 ms)
{
    BuildRecord b;
    b.options = compiledOptions_;
    b.elapsedMs = ms;
    if (ok) {
        const ember::Artifacts &a = *ok->artifacts;
        b.status = QStringLiteral("ok");
        for (size_t i = 0; i < a.plan.pools.size(); ++i)
            b.poolPeaks.insert(QString::fromStdString(a.plan.pools[i].name), qint64(a.plan.poolUsed[i]));
        b.constantsBytes = qint64(a.constantBytes);
        b.codeBytes = ok->codeBytes;
    } else {
        b.status = QStringLiteral("failed");
        b.message = errors && !errors->items().empty() ? QString::fromStdString(errors->items().front().message) : QString();
    }
    project_->recordBuild(b);
}

void BuildController::exportPackage(bool archive)
{
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to export; compile the model first")});
        return;
    }
    QSettings s;
    const QString base = s.value(keys::kExportDir, QDir::homePath()).toString();
    QString target, error;
    bool ok = false;
    if (archive) {
        target = QFileDialog::getSaveFileName(window_, tr("Export package as archive"),
                                              base + '/' + QString::fromStdString(build->name) + ".tar", tr("Tar archive (*.tar)"));
        if (target.isEmpty()) return;
        ok = exportArchive(*build, target, &error);
    } else {
        target = QFileDialog::getExistingDirectory(window_, tr("Export package to folder"), base);
        if (target.isEmpty()) return;
        ok = exportFolder(*build, target, &error);
    }
    s.setValue(keys::kExportDir, QFileInfo(target).absolutePath());
    if (ok) session_->info(tr("package exported to %1").arg(target));
    else session_->report({StudioMessage::Level::Error, error});
    if (ok && !archive) emit exported(target);
}

void BuildController::checkWithHostCompiler()
{
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to check; compile the model first")});
        return;
    }
    auto *dir = new QTemporaryDir;
    QString error;
    if (!dir->isValid() || !exportFolder(*build, dir->path(), &error)) {
        session_->report({StudioMessage::Level::Error, tr("cannot write the package to a temporary folder: %1").arg(error)});
        delete dir;
        return;
    }
    QStringList args{"-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-fsyntax-only", "-Iinclude"};
    for (const auto &f : build->files)
        if (QString::fromStdString(f.first).endsWith(".c")) args << QString::fromStdString(f.first);
    const QString cc = StudioSettings::load().hostCc;
    session_->info(ToolRunner::commandLine(cc, args));
    auto *run = new ToolRunner(this);
    connect(run, &ToolRunner::finished, this, [this, run, dir](bool ok, int, const QString &output) {
        for (const QString &l : output.split('\n', Qt::SkipEmptyParts))
            session_->report({ok ? StudioMessage::Level::Info : StudioMessage::Level::Error, l});
        session_->info(ok ? tr("the package compiles warning-free with the host compiler")
                          : tr("the host compiler reported problems (see above)"));
        run->deleteLater();
        delete dir;
    });
    run->start(cc, args, dir->path());
}

void BuildController::retranslate()
{
    compile_->setText(tr("&Compile"));
    compile_->setToolTip(tr("Plan memory and generate the C package (Ctrl+B)"));
    exportFolder_->setText(tr("Export Package to &Folder…"));
    exportArchive_->setText(tr("Export Package as &Archive…"));
    checkHost_->setText(tr("Check with &Host Compiler"));
}

void BuildController::updateActions()
{
    const bool built = bool(session_->build());
    compile_->setEnabled(session_->hasModel() && !job_->isRunning());
    exportFolder_->setEnabled(built);
    exportArchive_->setEnabled(built);
    checkHost_->setEnabled(built);
}

}  // namespace ember::studio
