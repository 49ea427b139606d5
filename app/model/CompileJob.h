// Runs ember::compile off the UI thread. One job at a time; ends in exactly
// one of finished / failed / cancelled.
//
// The core's compile is not interruptible, so Cancel returns the UI to idle at
// once and the worker's result is discarded when it arrives.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <memory>

#include "core/Compiler.h"

namespace ember::studio {

struct CompileOutcome {
    std::shared_ptr<const ember::Artifacts> artifacts;  // null on failure
    ember::Diagnostics diagnostics;
    qint64 codeBytes = 0;  // bytes of generated .c/.h text
};

class CompileJob : public QObject {
    Q_OBJECT
public:
    explicit CompileJob(QObject *parent = nullptr);
    ~CompileJob() override;

    bool isRunning() const { return running_; }
    // False when a job is already running.
    bool start(std::shared_ptr<const ember::Graph> graph, const ember::CompileOptions &opts);
    void cancel();
    // Blocks until the current job ends (tests, --screenshot).
    void waitForFinished();

    static qint64 codeBytesOf(const ember::Artifacts &a);

signals:
    void progress(int value, int maximum, const QString &stage);
    void finished(const ember::studio::CompileOutcome &outcome, qint64 elapsedMs);
    void failed(const ember::Diagnostics &diagnostics);
    void cancelled();

private:
    void onFinished();

    QFutureWatcher<CompileOutcome> *watcher_ = nullptr;
    QElapsedTimer timer_;
    bool running_ = false;
};

}  // namespace ember::studio
