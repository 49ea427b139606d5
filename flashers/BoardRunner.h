// BoardRunner: the studio's handle on long board work (build + flash, or a
// whole profile run). One runner per job; the work runs on a worker thread
// and ends in exactly one of finished()/failed(), also after cancel().
//
//   auto *r = new BoardRunner(this);
//   connect(r, &BoardRunner::progress, bar, ...);
//   connect(r, &BoardRunner::profiled, view, [](const ember::ModelProfile &p) { ... });
//   connect(r, &BoardRunner::failed, log, ...);
//   r->startProfile(request);           // or r->startFlash(dir, boardId)
//   ... r->cancel();
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

#include "OpenOcdFlasher.h"
#include "Profiler.h"

Q_DECLARE_METATYPE(ember::ModelProfile)

namespace ember {

class BoardRunner : public QObject {
    Q_OBJECT
public:
    explicit BoardRunner(QObject *parent = nullptr);
    ~BoardRunner() override;  // cancels and waits for the worker

    // Compile, build firmware, flash or boot, run, read back, compare with host.
    // The request's callbacks and cancel flag are replaced by the runner's.
    bool startProfile(ProfileRequest request);
    // Build the firmware project in `dir` for the board and program it through
    // OpenOCD (emulated boards: boot and run it).
    bool startFlash(const QString &dir, const QString &board);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int percent, const QString &stage);
    void logLine(const QString &line);
    void profiled(const ember::ModelProfile &profile);  // profile job succeeded
    void flashed(const QString &message);               // flash job succeeded
    // Any failure; `kind` is a flashErrorName() for flash errors, else "error"
    // or "cancelled". `log` is the raw tool output when there is one.
    void failed(const QString &message, const QString &kind, const QString &log);
    void finished();  // after profiled/flashed/failed, always

private:
    bool launch(std::function<void()> work);
    void post(std::function<void()> f);

    QThread *thread_ = nullptr;
    bool busy_ = false;  // touched on the runner's thread only
    void done();
    std::atomic<bool> cancel_{false};
};

}  // namespace ember
