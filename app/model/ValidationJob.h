// Validation with metrics off the UI thread (core/validate/Validate.h): the
// build's generated C against the reference executor, and optionally the
// model against its float original. One job at a time; ends in finished or
// failed.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <memory>
#include <optional>

#include "core/Compiler.h"
#include "core/validate/Validate.h"

namespace ember::studio {

struct ValidationRequest {
    QString input = QStringLiteral("random:1");  // FILE, DIR, x.npy or random:SEED
    int randomCases = 3;
    QString reference;                            // float model ("" = none)
};

struct ValidationOutcome {
    std::optional<ember::ValidationReport> report;  // empty on failure
    ember::Diagnostics diagnostics;
    qint64 elapsedMs = 0;
};

class ValidationJob : public QObject {
    Q_OBJECT
public:
    explicit ValidationJob(QObject *parent = nullptr);
    ~ValidationJob() override;

    bool isRunning() const { return watcher_ != nullptr; }
    // False when a job runs or there is nothing to validate.
    bool start(std::shared_ptr<const ember::Graph> graph, std::shared_ptr<const ember::Artifacts> build,
               const ValidationRequest &req);
    // Blocks until the job ends (tests, --screenshot).
    void waitForFinished();

    // The emberc twin of a request.
    static QStringList commandLine(const QString &model, const ValidationRequest &req);

signals:
    void finished(const ember::studio::ValidationOutcome &outcome);

private:
    QFutureWatcher<ValidationOutcome> *watcher_ = nullptr;
};

}  // namespace ember::studio
