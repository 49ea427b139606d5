#include "CompileJob.h"

#include <QCoreApplication>
#include <QPromise>
#include <QtConcurrent>

namespace ember::studio {

namespace {

// The worker: each stage checks for cancellation before starting.
void runCompile(QPromise<CompileOutcome> &promise, std::shared_ptr<const ember::Graph> graph,
                ember::CompileOptions opts)
{
    CompileOutcome out;
    promise.setProgressRange(0, 3);
    promise.setProgressValueAndText(0, QCoreApplication::translate("CompileJob", "planning memory"));
    ember::Result<ember::MemoryPlan> plan = ember::planMemory(*graph, opts.plan);
    if (!plan.ok()) {
        out.diagnostics = plan.diagnostics();
        promise.addResult(out);
        return;
    }
    if (promise.isCanceled()) return;
    promise.setProgressValueAndText(1, QCoreApplication::translate("CompileJob", "generating C"));
    ember::Result<ember::Artifacts> art = ember::compile(*graph, opts);
    if (promise.isCanceled()) return;
    promise.setProgressValueAndText(2, QCoreApplication::translate("CompileJob", "collecting results"));
    out.diagnostics = art.diagnostics();
    if (art.ok()) {
        out.codeBytes = CompileJob::codeBytesOf(art.value());
        out.artifacts = std::make_shared<const ember::Artifacts>(std::move(art.value()));
    }
    promise.setProgressValue(3);
    promise.addResult(out);
}

}  // namespace

CompileJob::CompileJob(QObject *parent) : QObject(parent) {}

CompileJob::~CompileJob()
{
    // The worker owns copies of everything it reads; let it finish detached.
    if (watcher_) watcher_->disconnect(this);
}

bool CompileJob::start(std::shared_ptr<const ember::Graph> graph, const ember::CompileOptions &opts)
{
    if (running_ || !graph) return false;
    running_ = true;
    timer_.start();
    watcher_ = new QFutureWatcher<CompileOutcome>(this);
    connect(watcher_, &QFutureWatcherBase::progressValueChanged, this, [this](int v) {
        emit progress(v, watcher_->progressMaximum(), watcher_->progressText());
    });
    connect(watcher_, &QFutureWatcherBase::finished, this, &CompileJob::onFinished);
    watcher_->setFuture(QtConcurrent::run(runCompile, std::move(graph), opts));
    emit progress(0, 3, tr("starting"));
    return true;
}

void CompileJob::cancel()
{
    if (!running_) return;
    running_ = false;
    QFutureWatcher<CompileOutcome> *w = watcher_;
    watcher_ = nullptr;
    w->disconnect(this);
    w->cancel();
    // Delete once the worker is done with the future it reports into.
    connect(w, &QFutureWatcherBase::finished, w, &QObject::deleteLater);
    if (w->isFinished()) w->deleteLater();
    emit cancelled();
}

void CompileJob::waitForFinished()
{
    while (running_ && watcher_) {
        watcher_->waitForFinished();
        QCoreApplication::processEvents();
    }
}

void CompileJob::onFinished()
{
    QFutureWatcher<CompileOutcome> *w = watcher_;
    watcher_ = nullptr;
    running_ = false;
    w->deleteLater();
    if (w->future().isCanceled() || w->future().resultCount() == 0) {
        emit cancelled();
        return;
    }
    const CompileOutcome out = w->result();
    if (out.artifacts) emit finished(out, timer_.elapsed());
    else emit failed(out.diagnostics);
}

qint64 CompileJob::codeBytesOf(const ember::Artifacts &a)
{
    qint64 n = 0;
    for (const auto &f : a.files)
        if (f.first.ends_with(".c") || f.first.ends_with(".h")) n += qint64(f.second.size());
    return n;
}

}  // namespace ember::studio
