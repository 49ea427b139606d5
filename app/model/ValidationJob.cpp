#include "ValidationJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent>

namespace ember::studio {

namespace {

ValidationOutcome runValidation(std::shared_ptr<const ember::Graph> graph, std::shared_ptr<const ember::Artifacts> build,
                                ValidationRequest req)
{
    ValidationOutcome out;
    QElapsedTimer t;
    t.start();
    auto in = ember::loadValidationInputs(*graph, req.input.toStdString(), req.randomCases);
    if (!in) {
        out.diagnostics = in.diagnostics();
        return out;
    }
    std::optional<ember::Graph> floatModel;
    if (!req.reference.isEmpty()) {
        auto f = ember::loadModel(req.reference.toStdString());
        if (!f) {
            out.diagnostics = f.diagnostics();
            return out;
        }
        floatModel = std::move(f.value());
    }
    auto rep = ember::validateBuild(*graph, *build, in.value(), floatModel ? &*floatModel : nullptr);
    out.diagnostics = rep.diagnostics();
    if (rep) out.report = std::move(rep.value());
    out.elapsedMs = t.elapsed();
    return out;
}

}  // namespace

ValidationJob::ValidationJob(QObject *parent) : QObject(parent) {}

ValidationJob::~ValidationJob()
{
    // The worker holds its own copies; let it end detached.
    if (watcher_) watcher_->disconnect(this);
}

bool ValidationJob::start(std::shared_ptr<const ember::Graph> graph, std::shared_ptr<const ember::Artifacts> build,
                          const ValidationRequest &req)
{
    if (watcher_ || !graph || !build) return false;
    watcher_ = new QFutureWatcher<ValidationOutcome>(this);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] {
        QFutureWatcher<ValidationOutcome> *w = watcher_;
        watcher_ = nullptr;
        w->deleteLater();
        emit finished(w->result());
    });
    watcher_->setFuture(QtConcurrent::run(runValidation, std::move(graph), std::move(build), req));
    return true;
}

void ValidationJob::waitForFinished()
{
    while (watcher_) {
        watcher_->waitForFinished();
        QCoreApplication::processEvents();
    }
}

QStringList ValidationJob::commandLine(const QString &model, const ValidationRequest &req)
{
    QStringList a{QStringLiteral("emberc"), QStringLiteral("validate"), model, QStringLiteral("--input"), req.input};
    if (req.input.startsWith(QLatin1String("random"))) a << QStringLiteral("--cases") << QString::number(req.randomCases);
    if (!req.reference.isEmpty()) a << QStringLiteral("--reference") << req.reference;
    return a;
}

}  // namespace ember::studio
