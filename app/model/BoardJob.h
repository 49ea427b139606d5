// The studio's side of board work: the board list for the selector, and one
// profile or flash job at a time on ember::BoardRunner's worker thread.
//
// Everything here is Qt types so MainWindow needs no board headers; without
// the flashers library (EMBER_HAVE_BOARDS unset) the list is empty and jobs
// refuse to start with a message saying why.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <memory>

#include "BuildOptions.h"
#include "ProjectStore.h"

class QTemporaryDir;

namespace ember {
struct Artifacts;
class BoardRunner;
}

namespace ember::studio {

struct BoardChoice {
    QString id, name, core;
    qint64 clockHz = 0;
    bool emulated = false;
    QString label() const;    // "NUCLEO-F446RE" / "QEMU MPS2-AN386 (…, emulated)"
    // The memory map (capacity bars): regions, where code and data go, and
    // the firmware's stack.
    struct Region {
        QString name, kind;   // kind: "flash" or "ram"
        qint64 size = 0;
        QStringList sections;
    };
    QList<Region> memory;
    QString flashRegion, ramRegion;
    qint64 stackBytes = 0;
    // The region holding a pool's linker section ("" → the main RAM region),
    // as ember::Board::regionForSection decides; null if none.
    const Region *regionForSection(const QString &section) const;
};

class BoardJob : public QObject {
    Q_OBJECT
public:
    enum class Kind { None, Profile, Flash };

    explicit BoardJob(QObject *parent = nullptr);
    ~BoardJob() override;  // cancels and waits for the worker

    // The catalogue (built-in boards plus EMBER_BOARDS_DIR); `error` is set
    // when it could not be read.
    static QList<BoardChoice> boards(QString *error = nullptr);
    // The first emulated board (the default: it needs no hardware).
    static QString defaultBoard();

    bool isRunning() const;
    Kind kind() const { return kind_; }
    // Compile, build, run on the board, compare with the host. False (and
    // `error`) when it cannot start.
    bool startProfile(const QString &modelPath, const QString &boardId, const BuildOptions &options, QString *error);
    // Writes a firmware project for `build` and programs the board (emulated
    // boards: boot and run it).
    bool startFlash(const ember::Artifacts &build, const QString &boardId, QString *error);
    void cancel();
    // Blocks (running the event loop) until the job has ended (tests, --screenshot).
    bool waitForFinished(int timeoutMs = 600000);
    // Everything the tools printed during the current or last job.
    QString log() const { return log_.join('\n'); }

signals:
    void progress(int percent, const QString &stage);
    void profiled(const ember::studio::ProfileRecord &record);
    void flashed(const QString &message);
    // kind: "no-probe", "verify-mismatch", … for flash errors; "error" or "cancelled".
    void failed(const QString &message, const QString &kind, const QString &rawLog);
    void finished();

private:
    bool begin(Kind k, QString *error);

    ember::BoardRunner *runner_ = nullptr;
    Kind kind_ = Kind::None;
    QStringList log_;
    std::unique_ptr<QTemporaryDir> workDir_;  // the firmware project of the running job
};

}  // namespace ember::studio

Q_DECLARE_METATYPE(ember::studio::ProfileRecord)
