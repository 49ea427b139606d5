// "Run on Board Layer by Layer" (emberc bisect in the studio): builds the
// firmware with the RPC function server for the chosen board, boots it
// (QEMU) in the background, runs every layer on the device and compares each
// output with the host reference executor; the first layer that differs comes
// back with both copies of its output tensor.
//
// One job at a time on a worker thread; it ends in exactly one of finished()
// or failed(), then ended(). cancel() stops it between steps and ends QEMU
// (the worker owns the board connection; its destructor stops the emulator).
// Qt types only, so views need no board headers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

#include "BuildOptions.h"

class QThread;
class QTemporaryDir;

namespace ember::studio {

// One element of the compared tensor, device beside host.
struct BisectRow {
    qint64 index = 0;
    double device = 0, host = 0, difference = 0;
    bool differs = false;
};

struct LayerBisectResult {
    QString boardId, boardName;
    QString input;        // where the input came from: "file X" or "seeded random input (seed N)"
    int layers = 0;       // layers checked (all of them when nothing diverged)
    int divergentLayer = -1;  // graph op index of the first divergent layer; -1: all identical
    QString layerName, op, function;
    QString tensorName;
    int tensorId = -1;
    int dtypeCode = 0, dtypeBits = 8;  // DLPack: 0 int, 1 uint, 2 float
    QList<int> shape;
    QByteArray device, host;  // the tensor's bytes on the device and on the host
    qint64 differingBytes = 0;
    double maxDifference = 0;

    bool identical() const { return divergentLayer < 0; }
    QString dtypeText() const;  // "int8[1,25,5,64]"
    qint64 elementCount() const;
    qint64 differingElements() const;
    // Elements [first, first + count) of both copies.
    QList<BisectRow> rows(qint64 first = 0, qint64 count = -1) const;
    // One line for Messages ("all 13 layers identical …" or "layer 3 … differs in …").
    QString summary() const;
};

class LayerBisectJob : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString modelPath, boardId;
        BuildOptions options;
        // A raw input file (one input) or "random:SEED" / "" (seeded random input).
        QString input;
        int corruptLayer = -1;  // test only: flips a constant byte of this layer on the device
    };

    explicit LayerBisectJob(QObject *parent = nullptr);
    ~LayerBisectJob() override;  // cancels and waits for the worker (QEMU ends with it)

    // False (and `error`) when it cannot start.
    bool start(const Request &r, QString *error);
    void cancel();
    bool isRunning() const { return running_; }
    // Blocks (running the event loop) until the job has ended (tests, --screenshot).
    bool waitForFinished(int timeoutMs = 600000);
    // The running (or last) job's firmware folder: QEMU's command line names it.
    QString workDir() const { return workPath_; }
    QString log() const { return log_.join('\n'); }

    // The seeded random input for the model's inputs (deterministic per seed;
    // floats in [-1, 1), integers over their range).
    static QList<QByteArray> randomInputs(const QString &modelPath, quint32 seed, QString *error);

signals:
    void progress(int percent, const QString &stage);
    void layerChecked(int layer, int layers, const QString &name, bool identical);
    void finished(const ember::studio::LayerBisectResult &result);
    // kind: "error" or "cancelled".
    void failed(const QString &message, const QString &kind);
    void ended();

private:
    void post(std::function<void()> f);
    QThread *thread_ = nullptr;
    bool running_ = false;
    std::atomic<bool> cancel_{false};
    QStringList log_;
    QString workPath_;
    std::unique_ptr<QTemporaryDir> dir_;
};

}  // namespace ember::studio

Q_DECLARE_METATYPE(ember::studio::LayerBisectResult)
