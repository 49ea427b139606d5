// Projects, build history and profile runs in one SQLite database (QtSql, QSQLITE).
//
// WAL journal, schema migrations recorded in `schema_version`, and every save
// in one transaction: a failure half-way (disk full, crash, a failing
// statement) rolls back to the previous state.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <optional>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include "BuildOptions.h"

namespace ember::studio {

struct Project {
    qint64 id = -1;
    QString name;
    QString modelPath;
    QString modelHash;  // sha256 of the model file when last saved
    BuildOptions options;
    QDateTime updated;
};

struct BuildRecord {
    qint64 id = -1;
    qint64 projectId = -1;
    QDateTime time;
    BuildOptions options;
    QString status;                      // "ok" or "failed"
    QString message;                     // first error for failed builds
    QMap<QString, qint64> poolPeaks;     // pool name → peak bytes
    qint64 constantsBytes = 0;
    qint64 codeBytes = 0;
    qint64 elapsedMs = 0;
    // Generated files (path → contents) stored with the build for a file
    // diff between builds; written by recordBuild, read back by buildFiles()
    // (builds() leaves it empty: the listing stays light).
    QMap<QString, QByteArray> files;
};

// What changed between two builds.
struct BuildComparison {
    QStringList optionChanges;           // "Planner: greedy-conflicts → linear" (the Options panel's labels)
    QMap<QString, qint64> poolDelta;     // pool → b - a
    qint64 constantsDelta = 0;
    qint64 codeDelta = 0;
};

// One layer of a profile run: what the board counted between the layer hooks.
struct ProfileLayer {
    QString name, op;
    qint64 count = 0;   // in the run's unit (cycles or instructions)
    qint64 macs = 0;
};

// One profile run on a board, as stored in the history.
struct ProfileRecord {
    qint64 id = -1;
    qint64 projectId = -1;
    QDateTime time;
    QString boardId, boardName;
    bool emulated = false;
    qint64 clockHz = 0;
    QString unit;                        // "cycles" (hardware) or "instructions" (QEMU -icount)
    qint64 total = 0;                    // last run, as the board measured it
    QList<ProfileLayer> layers;
    QString outputCheck;                 // "bit-exact", "mismatch" or "" (not compared)
    QString mismatch;                    // first differing byte when outputCheck is "mismatch"
    qint64 flashBytes = 0, ramBytes = 0, stackUsed = 0;
    BuildOptions options;
    QString kind = QStringLiteral("profile");  // "profile" or "flash"
    QString status = QStringLiteral("ok");     // "ok" or "failed" (then `message` says why)
    QString message;

    qint64 layerSum() const;
    // The one total shown everywhere (Profile tab, History, Messages): what
    // the layers add up to, so it matches the per-layer table; the board's
    // whole-inference count (`total`) when there are no layers.
    qint64 shownTotal() const { return layers.isEmpty() ? total : layerSum(); }
    // Time at the board's clock; on emulated boards one instruction counts as
    // one cycle, so it is an estimate there.
    double millisAtClock() const { return clockHz > 0 ? double(total) * 1000.0 / double(clockHz) : 0.0; }
};

struct LayerDelta {
    int index = 0;
    QString name, op;
    qint64 a = 0, b = 0;                 // counts in the older and newer run (0 = layer absent)
    qint64 delta() const { return b - a; }
};

// What changed between two profile runs (b - a).
struct ProfileComparison {
    qint64 totalDelta = 0;
    QList<LayerDelta> layers;
    bool sameBoard = true, sameUnit = true, sameLayers = true;
};

class ProjectStore {
public:
    static constexpr int kSchemaVersion = 4;

    // Opens (and creates / migrates) the database at `path`; empty = the
    // default file in QStandardPaths::AppDataLocation.
    explicit ProjectStore(const QString &path = {});
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    bool isOpen() const { return open_; }
    QString lastError() const { return error_; }
    // The file failed SQLite's integrity check at open (a damaged page): the
    // store is not open, the file is left exactly as it was, lastError() says
    // so. startFresh() then opens a new, empty database beside it.
    bool isDamaged() const { return damaged_; }
    // Closes this database and opens (creates) a fresh one at `newPath`;
    // empty = freshPathBeside(path()). The old file is not touched.
    bool startFresh(const QString &newPath = {});
    // "<dir>/<name>-fresh-<UTC time>.sqlite" next to `path`, not existing yet.
    static QString freshPathBeside(const QString &path);
    QString path() const { return path_; }
    int schemaVersion() const;
    QSqlDatabase database() const;  // tests reach in to inject failures

    static QString defaultPath();

    // Inserts (id < 0) or updates a project with its options, atomically.
    bool saveProject(Project &p);
    std::optional<Project> project(qint64 id) const;
    std::optional<Project> projectForModel(const QString &modelPath) const;
    QList<Project> projects() const;
    bool removeProject(qint64 id);

    bool recordBuild(BuildRecord &b);
    QList<BuildRecord> builds(qint64 projectId) const;  // newest first

    static BuildComparison compare(const BuildRecord &a, const BuildRecord &b);
    // An option's label as the Options panel shows it ("Planner" for
    // "planner"), and one of its JSON values in words ("on", "auto", …).
    static QString optionLabel(const QString &key);
    static QString optionValueText(const QString &key, const QJsonValue &v);
    QMap<QString, QByteArray> buildFiles(qint64 buildId) const;
    // Deletes one history entry (and only its own rows), atomically.
    bool removeBuild(qint64 id);
    bool removeProfile(qint64 id);

    bool recordProfile(ProfileRecord &p);
    QList<ProfileRecord> profiles(qint64 projectId) const;  // newest first
    static ProfileComparison compareProfiles(const ProfileRecord &a, const ProfileRecord &b);

private:
    void openAt(const QString &path);
    bool quickCheck();
    bool migrate();
    bool exec(const QString &sql);
    bool fail(const QString &what);
    BuildOptions loadOptions(qint64 projectId) const;
    bool removeEntry(const QStringList &statements, qint64 id);

    QString path_, connection_, error_;
    bool open_ = false, damaged_ = false;
};

}  // namespace ember::studio
