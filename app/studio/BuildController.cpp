#include "BuildController.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTimer>
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
        if (pending_) session_->info(tr("%1 not done: the compile was cancelled").arg(pendingWhat_));
        pending_ = nullptr;
        emit stateChanged();
    });

    // Code preview follows the options: 250 ms after the last edit, a
    // background recompile (compiles take milliseconds; the code view marks
    // the build stale meanwhile).
    liveTimer_ = new QTimer(this);
    liveTimer_->setSingleShot(true);
    liveTimer_->setInterval(250);
    connect(liveTimer_, &QTimer::timeout, this, &BuildController::scheduleLiveRecompile);
    connect(session_, &Session::optionsChanged, this, [this] {
        if (live_ && session_->build() && !session_->buildIsCurrent()) liveTimer_->start();
    });
}

void BuildController::scheduleLiveRecompile()
{
    if (!live_ || !session_->hasModel() || session_->buildIsCurrent()) return;
    if (job_->isRunning()) {
        liveTimer_->start();  // after the running compile
        return;
    }
    // Invalid options stay flagged in the Options panel; no compile, no noise.
    if (!session_->options().validateAgainst(*session_->graph()).isEmpty()) return;
    startCompile(true);
}

bool BuildController::compile() { return startCompile(false); }

bool BuildController::startCompile(bool quiet)
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to compile; open a model first")});
        return false;
    }
    if (job_->isRunning()) return false;
    if (const QString why = session_->compileBlocker(); !why.isEmpty()) {
        if (!quiet) session_->report({StudioMessage::Level::Error, why});
        return false;
    }
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
    quietCompile_ = quiet;
    if (!quiet)
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
    session_->setBuild(out.artifacts, compiledOptions_);
    const ember::Artifacts &a = *out.artifacts;
    // Flash is known once this build's options ran on a board (Profile).
    const qint64 flashBytes = session_->knownFlashBytes();
    const QString flash = flashBytes > 0 ? tr(", flash %1 (measured on %2)").arg(formatBytes(flashBytes), session_->profile()->boardName)
                                         : QString();
    if (quietCompile_)
        session_->info(tr("recompiled %1 for the changed options in %2 ms (C source %3)")
                           .arg(QString::fromStdString(a.name)).arg(ms).arg(formatBytes(out.codeBytes)));
    else
        session_->info(tr("compiled %1 in %2 ms: %3 files, RAM %4, constants %5, C source %6%7")
                           .arg(QString::fromStdString(a.name)).arg(ms).arg(a.files.size())
                           .arg(formatBytes(qint64(a.plan.totalUsed())), formatBytes(qint64(a.constantBytes)), formatBytes(out.codeBytes), flash));
    if (!quietCompile_) recordBuild(&out, nullptr, ms);
    emit stateChanged();
    // Options edited while this compile ran: the build is stale again.
    if (!session_->buildIsCurrent()) {
        if (pending_) startCompile(false);
        else if (live_) liveTimer_->start();
        return;
    }
    if (pending_) {
        std::function<void()> f = std::move(pending_);
        pending_ = nullptr;
        f();
    }
}

void BuildController::onFailed(const ember::Diagnostics &d)
{
    session_->reportDiagnostics(d);
    if (d.items().empty()) session_->report({StudioMessage::Level::Error, tr("compile failed without a diagnostic")});
    if (pending_)
        session_->report({StudioMessage::Level::Error,
                          tr("%1 not done: the current options do not compile (see above)").arg(pendingWhat_)});
    pending_ = nullptr;
    if (!quietCompile_) recordBuild(nullptr, &d, 0);
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
        // The generated files, for History's file diff between builds.
        for (const auto &[path, text] : a.files)
            if (text.size() <= 8u * 1024 * 1024) b.files.insert(QString::fromStdString(path), QByteArray::fromStdString(text));
    } else {
        b.status = QStringLiteral("failed");
        b.message = errors && !errors->items().empty() ? QString::fromStdString(errors->items().front().message) : QString();
    }
    project_->recordBuild(b);
}

void BuildController::withCurrentBuild(const QString &what, std::function<void()> then)
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to %1; open a model first").arg(what)});
        return;
    }
    if (session_->buildIsCurrent() && !job_->isRunning()) {
        then();
        return;
    }
    // Never an older build: compile the options shown now, then go on.
    pending_ = std::move(then);
    pendingWhat_ = what;
    if (job_->isRunning()) return;  // onCompiled restarts for the current options
    session_->info(tr("the options changed since the last build; compiling before: %1").arg(what));
    if (!startCompile(false)) pending_ = nullptr;
}

void BuildController::exportPackage(bool archive)
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to export; open a model first")});
        return;
    }
    QSettings s;
    const QString base = s.value(keys::kExportDir, QDir::homePath()).toString();
    const QString name = session_->options().name().isEmpty()
                             ? QString::fromStdString(ember::sanitizeIdentifier(QFileInfo(session_->modelPath()).completeBaseName().toStdString()))
                             : session_->options().name();
    QString target;
    if (archive)
        target = QFileDialog::getSaveFileName(window_, tr("Export package as archive"), base + '/' + name + ".tar",
                                              tr("Tar archive (*.tar)"));
    else
        target = QFileDialog::getExistingDirectory(window_, tr("Export package to folder"), base);
    if (target.isEmpty()) return;
    s.setValue(keys::kExportDir, QFileInfo(target).absolutePath());
    exportPackageTo(target, archive);
}

void BuildController::exportPackageTo(const QString &target, bool archive)
{
    withCurrentBuild(tr("export"), [this, target, archive] {
        auto build = session_->build();
        QString error;
        const bool ok = archive ? exportArchive(*build, target, &error) : exportFolder(*build, target, &error);
        if (ok) session_->info(tr("package exported to %1").arg(target));
        else session_->report({StudioMessage::Level::Error, error});
        if (ok && !archive) emit exported(target);
    });
}

void BuildController::checkWithHostCompiler()
{
    withCurrentBuild(tr("check with the host compiler"), [this] { runHostCheck(); });
}

void BuildController::runHostCheck()
{
    auto build = session_->build();
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
        emit hostCheckFinished(ok);
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
    // Export and the host check build first when needed: a model suffices.
    const QString blocker = session_->compileBlocker();
    const bool model = session_->hasModel() && blocker.isEmpty();
    compile_->setEnabled(model && !job_->isRunning());
    compile_->setToolTip(blocker.isEmpty() ? tr("Plan memory and generate the C package (Ctrl+B)") : blocker);
    exportFolder_->setEnabled(model);
    exportArchive_->setEnabled(model);
    checkHost_->setEnabled(model);
}

}  // namespace ember::studio
