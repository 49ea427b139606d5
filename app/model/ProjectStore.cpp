#include "ProjectStore.h"

#include "core/OptionTable.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <algorithm>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <QVariant>

namespace ember::studio {

namespace {

// Each entry migrates from version i to i + 1; never edit a shipped entry,
// append a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> m{
        {// 0 → 1: projects and their options (one row per option key).
         "CREATE TABLE projects (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
         " model_path TEXT NOT NULL UNIQUE, model_hash TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL)",
         "CREATE TABLE project_options (project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
         " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (project_id, key))"},
        {// 1 → 2: build history with the peak of every pool.
         "CREATE TABLE builds (id INTEGER PRIMARY KEY AUTOINCREMENT,"
         " project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE, time TEXT NOT NULL,"
         " options TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',"
         " constants_bytes INTEGER NOT NULL DEFAULT 0, code_bytes INTEGER NOT NULL DEFAULT 0,"
         " elapsed_ms INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE build_pools (build_id INTEGER NOT NULL REFERENCES builds(id) ON DELETE CASCADE,"
         " pool TEXT NOT NULL, peak_bytes INTEGER NOT NULL, PRIMARY KEY (build_id, pool))",
         "CREATE INDEX builds_by_project ON builds(project_id, time)"},
        {// 2 → 3: profile runs on boards, one row per layer.
         "CREATE TABLE profiles (id INTEGER PRIMARY KEY AUTOINCREMENT,"
         " project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE, time TEXT NOT NULL,"
         " board TEXT NOT NULL, board_name TEXT NOT NULL DEFAULT '', emulated INTEGER NOT NULL DEFAULT 0,"
         " clock_hz INTEGER NOT NULL DEFAULT 0, unit TEXT NOT NULL, total INTEGER NOT NULL,"
         " output_check TEXT NOT NULL DEFAULT '', mismatch TEXT NOT NULL DEFAULT '',"
         " flash_bytes INTEGER NOT NULL DEFAULT 0, ram_bytes INTEGER NOT NULL DEFAULT 0,"
         " stack_used INTEGER NOT NULL DEFAULT 0, options TEXT NOT NULL DEFAULT '{}')",
         "CREATE TABLE profile_layers (profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
         " layer INTEGER NOT NULL, name TEXT NOT NULL, op TEXT NOT NULL, count INTEGER NOT NULL,"
         " macs INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (profile_id, layer))",
         "CREATE INDEX profiles_by_project ON profiles(project_id, time)"},
        {// 3 → 4: failed flashes and profile runs are recorded too (kind,
         // status, message), and each build keeps its generated files
         // (compressed) for a file diff between any two builds.
         "ALTER TABLE profiles ADD COLUMN kind TEXT NOT NULL DEFAULT 'profile'",
         "ALTER TABLE profiles ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'",
         "ALTER TABLE profiles ADD COLUMN message TEXT NOT NULL DEFAULT ''",
         "CREATE TABLE build_files (build_id INTEGER NOT NULL REFERENCES builds(id) ON DELETE CASCADE,"
         " path TEXT NOT NULL, content BLOB NOT NULL, PRIMARY KEY (build_id, path))"},
    };
    return m;
}

// Null QStrings bind as SQL NULL; NOT NULL text columns want "".
QString nonNull(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

QJsonValue fromJsonText(const QString &s)
{
    return QJsonDocument::fromJson(s.toUtf8()).array().at(0);
}

}  // namespace

ProjectStore::ProjectStore(const QString &path)
{
    openAt(path.isEmpty() ? defaultPath() : path);
}

void ProjectStore::openAt(const QString &path)
{
    path_ = path;
    connection_ = QStringLiteral("ember-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    open_ = damaged_ = false;
    error_.clear();
    QDir().mkpath(QFileInfo(path_).absolutePath());
    // A damaged file is noticed before anything writes to it (WAL setup,
    // migrations): otherwise history looks empty and every save fails.
    if (QFileInfo::exists(path_) && !quickCheck()) return;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
    db.setDatabaseName(path_);
    // Several studios may start at once on the same new file: wait for
    // each other's migration instead of failing on a locked database.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!db.open()) {
        error_ = QStringLiteral("cannot open the project database '%1': %2").arg(path_, db.lastError().text());
        return;
    }
    // WAL: readers never block the writer and a crash mid-write leaves the
    // last committed state; foreign keys make deletes cascade.
    // Switching a new file to WAL needs the file to itself, and SQLite
    // answers "locked" at once (no busy wait) while another studio is doing
    // the same: retry for a while (the other finishes within milliseconds).
    bool wal = false;
    for (int attempt = 0; attempt < 100 && !wal; ++attempt) {
        QSqlQuery q(QSqlDatabase::database(connection_));
        wal = q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        if (!wal && !q.lastError().text().contains(QStringLiteral("locked"))) break;
        if (!wal) QThread::msleep(20 + 5 * attempt % 30);
    }
    if (!wal && !exec("PRAGMA journal_mode=WAL")) return;
    if (!exec("PRAGMA foreign_keys=ON") || !exec("PRAGMA synchronous=NORMAL")) return;
    open_ = migrate();
}

bool ProjectStore::quickCheck()
{
    // Read-only and immutable: the check itself must not change anything
    // (no WAL checkpoint, no -wal/-shm files), so a damaged database stays
    // exactly as it was.
    const QString name = connection_ + QStringLiteral("-check");
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QUrl::fromLocalFile(QFileInfo(path_).absoluteFilePath()).toString(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
                problem = q.lastError().text();
            } else {
                QStringList lines;
                while (q.next()) lines << q.value(0).toString();
                if (lines != QStringList{QStringLiteral("ok")}) problem = lines.mid(0, 3).join(QStringLiteral("; "));
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (problem.isEmpty()) return true;
    damaged_ = true;
    error_ = QStringLiteral("the project database '%1' is damaged (%2); it was left untouched. Start a fresh database "
                            "beside it, or restore the file from a backup")
                 .arg(path_, problem.isEmpty() ? QStringLiteral("integrity check failed") : problem);
    return false;
}

QString ProjectStore::freshPathBeside(const QString &path)
{
    const QFileInfo fi(path);
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate;
    for (int n = 0;; ++n) {
        candidate = fi.absolutePath() + '/' + fi.completeBaseName() + QStringLiteral("-fresh-") + stamp +
                    (n ? QStringLiteral("-%1").arg(n) : QString()) + '.' + (fi.suffix().isEmpty() ? QStringLiteral("sqlite") : fi.suffix());
        if (!QFileInfo::exists(candidate)) return candidate;
    }
}

bool ProjectStore::startFresh(const QString &newPath)
{
    const QString target = newPath.isEmpty() ? freshPathBeside(path_) : newPath;
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(path_).absoluteFilePath())
        return fail(QStringLiteral("a fresh database needs another file than '%1'").arg(path_));
    if (QFileInfo::exists(target))
        return fail(QStringLiteral("'%1' exists already; choose a new file for the fresh database").arg(target));
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isOpen()) db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
    openAt(target);
    return open_;
}

ProjectStore::~ProjectStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isOpen()) db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

QString ProjectStore::defaultPath()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/ember-studio.sqlite");
    // Studio 0.1 named the application "Ember Studio": keep using a database
    // left in that folder rather than starting an empty history.
    const QString old = QFileInfo(path).absolutePath() + QStringLiteral("/../Ember Studio/ember-studio.sqlite");
    if (!QFileInfo::exists(path) && QFileInfo::exists(old)) return QFileInfo(old).canonicalFilePath();
    return path;
}

QSqlDatabase ProjectStore::database() const { return QSqlDatabase::database(connection_, false); }

bool ProjectStore::exec(const QString &sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql)) return fail(QStringLiteral("'%1' failed: %2").arg(sql.left(60), q.lastError().text()));
    return true;
}

bool ProjectStore::fail(const QString &what)
{
    error_ = what;
    return false;
}

int ProjectStore::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec("SELECT version FROM schema_version") || !q.next()) return 0;
    return q.value(0).toInt();
}

bool ProjectStore::migrate()
{
    // One exclusive transaction around reading the version and every step:
    // two studios starting on a new file at once must not both see version
    // 0 and both create the tables ("table projects already exists"). The
    // second waits (busy timeout), then reads the version the first wrote.
    if (!exec("BEGIN EXCLUSIVE"))
        return fail(QStringLiteral("cannot lock the project database '%1' to set it up: %2").arg(path_, error_));
    auto rollback = [&](const QString &why) {
        QSqlQuery(database()).exec(QStringLiteral("ROLLBACK"));
        return fail(why);
    };
    if (!exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) return rollback(error_);
    int v = schemaVersion();
    if (v > kSchemaVersion)
        return rollback(QStringLiteral("the project database '%1' is from a newer Ember (schema %2); update the studio").arg(path_).arg(v));
    const int from = v;
    for (; v < kSchemaVersion; ++v) {
        bool ok = true;
        for (const QString &sql : migrations()[v]) ok = ok && exec(sql);
        ok = ok && exec("DELETE FROM schema_version") &&
             exec(QStringLiteral("INSERT INTO schema_version(version) VALUES (%1)").arg(v + 1));
        // All steps or none: a failed step leaves the version it started from.
        if (!ok)
            return rollback(QStringLiteral("migrating the project database from schema %1 to %2 failed: %3")
                                .arg(from).arg(v + 1).arg(error_));
    }
    if (!exec("COMMIT")) return rollback(QStringLiteral("migrating the project database failed: %1").arg(error_));
    return true;
}

bool ProjectStore::saveProject(Project &p)
{
    if (!open_) return fail(QStringLiteral("the project database is not open"));
    QSqlDatabase db = database();
    if (!db.transaction()) return fail(db.lastError().text());
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    qint64 id = p.id;
    auto abort = [&](const QSqlQuery &q) {
        const QString why = q.lastError().text();
        db.rollback();
        return fail(QStringLiteral("saving project '%1' failed and was rolled back: %2").arg(p.name, why));
    };
    QSqlQuery q(db);
    if (id < 0) {
        q.prepare("INSERT INTO projects(name, model_path, model_hash, updated) VALUES (?, ?, ?, ?)");
        q.addBindValue(p.name); q.addBindValue(p.modelPath); q.addBindValue(nonNull(p.modelHash)); q.addBindValue(now);
        if (!q.exec()) return abort(q);
        id = q.lastInsertId().toLongLong();
    } else {
        q.prepare("UPDATE projects SET name = ?, model_path = ?, model_hash = ?, updated = ? WHERE id = ?");
        q.addBindValue(p.name); q.addBindValue(p.modelPath); q.addBindValue(nonNull(p.modelHash)); q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec()) return abort(q);
    }
    QSqlQuery del(db);
    del.prepare("DELETE FROM project_options WHERE project_id = ?");
    del.addBindValue(id);
    if (!del.exec()) return abort(del);
    const QJsonObject opts = p.options.toJson();
    for (auto it = opts.begin(); it != opts.end(); ++it) {
        QSqlQuery ins(db);
        ins.prepare("INSERT INTO project_options(project_id, key, value) VALUES (?, ?, ?)");
        ins.addBindValue(id); ins.addBindValue(it.key()); ins.addBindValue(jsonText(it.value()));
        if (!ins.exec()) return abort(ins);
    }
    if (!db.commit()) {
        db.rollback();
        return fail(QStringLiteral("saving project '%1' failed: %2").arg(p.name, db.lastError().text()));
    }
    p.id = id;
    p.updated = QDateTime::fromString(now, Qt::ISODateWithMs);
    return true;
}

BuildOptions ProjectStore::loadOptions(qint64 projectId) const
{
    QSqlQuery q(database());
    q.prepare("SELECT key, value FROM project_options WHERE project_id = ?");
    q.addBindValue(projectId);
    QJsonObject o;
    if (q.exec())
        while (q.next()) o.insert(q.value(0).toString(), fromJsonText(q.value(1).toString()));
    return BuildOptions::fromJson(o);
}

static const char *kProjectColumns = "SELECT id, name, model_path, model_hash, updated FROM projects";

static Project projectFrom(const QSqlQuery &q)
{
    Project p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.modelPath = q.value(2).toString();
    p.modelHash = q.value(3).toString();
    p.updated = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    return p;
}

std::optional<Project> ProjectStore::project(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(QString::fromLatin1(kProjectColumns) + " WHERE id = ?");
    q.addBindValue(id);
    if (!q.exec() || !q.next()) return std::nullopt;
    Project p = projectFrom(q);
    p.options = loadOptions(p.id);
    return p;
}

std::optional<Project> ProjectStore::projectForModel(const QString &modelPath) const
{
    QSqlQuery q(database());
    q.prepare(QString::fromLatin1(kProjectColumns) + " WHERE model_path = ?");
    q.addBindValue(modelPath);
    if (!q.exec() || !q.next()) return std::nullopt;
    Project p = projectFrom(q);
    p.options = loadOptions(p.id);
    return p;
}

QList<Project> ProjectStore::projects() const
{
    QList<Project> out;
    QSqlQuery q(database());
    if (!q.exec(QString::fromLatin1(kProjectColumns) + " ORDER BY updated DESC, id DESC")) return out;
    while (q.next()) out << projectFrom(q);
    for (Project &p : out) p.options = loadOptions(p.id);
    return out;
}

bool ProjectStore::removeProject(qint64 id)
{
    QSqlQuery q(database());
    q.prepare("DELETE FROM projects WHERE id = ?");
    q.addBindValue(id);
    if (!q.exec()) return fail(q.lastError().text());
    return true;
}

bool ProjectStore::recordBuild(BuildRecord &b)
{
    if (!open_) return fail(QStringLiteral("the project database is not open"));
    QSqlDatabase db = database();
    if (!db.transaction()) return fail(db.lastError().text());
    auto abort = [&](const QSqlQuery &q) {
        const QString why = q.lastError().text();
        db.rollback();
        return fail(QStringLiteral("recording the build failed and was rolled back: %1").arg(why));
    };
    if (!b.time.isValid()) b.time = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare("INSERT INTO builds(project_id, time, options, status, message, constants_bytes, code_bytes, elapsed_ms)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.addBindValue(b.projectId);
    q.addBindValue(b.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(QString::fromUtf8(QJsonDocument(b.options.toJson()).toJson(QJsonDocument::Compact)));
    // Null QStrings bind as SQL NULL; the columns are NOT NULL.
    q.addBindValue(b.status + QString()); q.addBindValue(b.message.isNull() ? QStringLiteral("") : b.message);
    q.addBindValue(b.constantsBytes); q.addBindValue(b.codeBytes); q.addBindValue(b.elapsedMs);
    if (!q.exec()) return abort(q);
    const qint64 id = q.lastInsertId().toLongLong();
    for (auto it = b.poolPeaks.cbegin(); it != b.poolPeaks.cend(); ++it) {
        QSqlQuery p(db);
        p.prepare("INSERT INTO build_pools(build_id, pool, peak_bytes) VALUES (?, ?, ?)");
        p.addBindValue(id); p.addBindValue(it.key()); p.addBindValue(it.value());
        if (!p.exec()) return abort(p);
    }
    for (auto it = b.files.cbegin(); it != b.files.cend(); ++it) {
        QSqlQuery f(db);
        f.prepare("INSERT INTO build_files(build_id, path, content) VALUES (?, ?, ?)");
        f.addBindValue(id); f.addBindValue(it.key()); f.addBindValue(qCompress(it.value()));
        if (!f.exec()) return abort(f);
    }
    if (!db.commit()) {
        db.rollback();
        return fail(db.lastError().text());
    }
    b.id = id;
    return true;
}

QMap<QString, QByteArray> ProjectStore::buildFiles(qint64 buildId) const
{
    QMap<QString, QByteArray> out;
    QSqlQuery q(database());
    q.prepare("SELECT path, content FROM build_files WHERE build_id = ?");
    q.addBindValue(buildId);
    if (q.exec())
        while (q.next()) out.insert(q.value(0).toString(), qUncompress(q.value(1).toByteArray()));
    return out;
}

bool ProjectStore::removeEntry(const QStringList &statements, qint64 id)
{
    if (!open_) return fail(QStringLiteral("the project database is not open"));
    QSqlDatabase db = database();
    if (!db.transaction()) return fail(db.lastError().text());
    // The entry and its own rows only, in one transaction: all or nothing.
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(id);
        if (!q.exec()) {
            const QString why = q.lastError().text();
            db.rollback();
            return fail(QStringLiteral("deleting the history entry failed and was rolled back: %1").arg(why));
        }
    }
    if (!db.commit()) {
        db.rollback();
        return fail(db.lastError().text());
    }
    return true;
}

bool ProjectStore::removeBuild(qint64 id)
{
    return removeEntry({QStringLiteral("DELETE FROM build_pools WHERE build_id = ?"),
                        QStringLiteral("DELETE FROM build_files WHERE build_id = ?"),
                        QStringLiteral("DELETE FROM builds WHERE id = ?")},
                       id);
}

bool ProjectStore::removeProfile(qint64 id)
{
    return removeEntry({QStringLiteral("DELETE FROM profile_layers WHERE profile_id = ?"),
                        QStringLiteral("DELETE FROM profiles WHERE id = ?")},
                       id);
}

QList<BuildRecord> ProjectStore::builds(qint64 projectId) const
{
    QList<BuildRecord> out;
    QSqlQuery q(database());
    q.prepare("SELECT id, time, options, status, message, constants_bytes, code_bytes, elapsed_ms"
              " FROM builds WHERE project_id = ? ORDER BY time DESC, id DESC");
    q.addBindValue(projectId);
    if (!q.exec()) return out;
    while (q.next()) {
        BuildRecord b;
        b.id = q.value(0).toLongLong();
        b.projectId = projectId;
        b.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        b.options = BuildOptions::fromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        b.status = q.value(3).toString();
        b.message = q.value(4).toString();
        b.constantsBytes = q.value(5).toLongLong();
        b.codeBytes = q.value(6).toLongLong();
        b.elapsedMs = q.value(7).toLongLong();
        out << b;
    }
    for (BuildRecord &b : out) {
        QSqlQuery p(database());
        p.prepare("SELECT pool, peak_bytes FROM build_pools WHERE build_id = ? ORDER BY pool");
        p.addBindValue(b.id);
        if (p.exec())
            while (p.next()) b.poolPeaks.insert(p.value(0).toString(), p.value(1).toLongLong());
    }
    return out;
}

BuildComparison ProjectStore::compare(const BuildRecord &a, const BuildRecord &b)
{
    BuildComparison c;
    // Compare option by option through the JSON form, so every field counts,
    // and say it in the Options panel's words: its (translated) label from the
    // option table, values as the panel shows them.
    const QJsonObject ja = a.options.toJson(), jb = b.options.toJson();
    QStringList keys = ja.keys() + jb.keys();
    keys.removeDuplicates();
    for (const QString &k : keys)
        if (ja.value(k) != jb.value(k)) {
            const QString label = optionLabel(k);
            c.optionChanges << QStringLiteral("%1: %2 → %3").arg(label, optionValueText(k, ja.value(k)), optionValueText(k, jb.value(k)));
        }
    c.optionChanges.sort(Qt::CaseInsensitive);
    QStringList pools = a.poolPeaks.keys() + b.poolPeaks.keys();
    pools.removeDuplicates();
    for (const QString &p : pools) c.poolDelta.insert(p, b.poolPeaks.value(p) - a.poolPeaks.value(p));
    c.constantsDelta = b.constantsBytes - a.constantsBytes;
    c.codeDelta = b.codeBytes - a.codeBytes;
    return c;
}

QString ProjectStore::optionLabel(const QString &key)
{
    for (const ember::OptionSpec &spec : ember::compileOptionTable())
        if (key == QLatin1String(spec.key))
            return QCoreApplication::translate("ember::studio::OptionsPanel", spec.label);
    return key;
}

QString ProjectStore::optionValueText(const QString &key, const QJsonValue &v)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("ember::studio::ProjectStore", s); };
    if (v.isUndefined() || v.isNull()) return tr("(default)");
    if (v.isBool()) return v.toBool() ? tr("on") : tr("off");
    if (v.isDouble()) return QLocale().toString(v.toInteger());
    if (v.isString()) return v.toString().isEmpty() ? tr("(default)") : v.toString();
    if (key == QLatin1String("pools")) {
        QStringList pools;
        for (const QJsonValue &p : v.toArray()) {
            const QJsonObject o = p.toObject();
            const qint64 size = o.value("size").toInteger();
            pools << QStringLiteral("%1 (%2)").arg(o.value("name").toString(), size ? formatBytes(size) : tr("auto"));
        }
        return pools.isEmpty() ? tr("(none)") : pools.join(QStringLiteral(", "));
    }
    if (v.isObject()) {
        QStringList pairs;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) pairs << QStringLiteral("%1 → %2").arg(it.key(), it.value().toString());
        return pairs.isEmpty() ? tr("(none)") : pairs.join(QStringLiteral(", "));
    }
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &x : v.toArray()) items << x.toString();
        return items.isEmpty() ? tr("(none)") : items.join(QStringLiteral(", "));
    }
    return QString();
}

qint64 ProfileRecord::layerSum() const
{
    qint64 sum = 0;
    for (const ProfileLayer &l : layers) sum += l.count;
    return sum;
}

bool ProjectStore::recordProfile(ProfileRecord &p)
{
    if (!open_) return fail(QStringLiteral("the project database is not open"));
    QSqlDatabase db = database();
    if (!db.transaction()) return fail(db.lastError().text());
    auto abort = [&](const QSqlQuery &q) {
        const QString why = q.lastError().text();
        db.rollback();
        return fail(QStringLiteral("recording the profile run failed and was rolled back: %1").arg(why));
    };
    if (!p.time.isValid()) p.time = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare("INSERT INTO profiles(project_id, time, board, board_name, emulated, clock_hz, unit, total,"
              " output_check, mismatch, flash_bytes, ram_bytes, stack_used, options, kind, status, message)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.addBindValue(p.projectId);
    q.addBindValue(p.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(nonNull(p.boardId)); q.addBindValue(nonNull(p.boardName));
    q.addBindValue(p.emulated ? 1 : 0); q.addBindValue(p.clockHz);
    q.addBindValue(nonNull(p.unit)); q.addBindValue(p.total);
    q.addBindValue(nonNull(p.outputCheck)); q.addBindValue(nonNull(p.mismatch));
    q.addBindValue(p.flashBytes); q.addBindValue(p.ramBytes); q.addBindValue(p.stackUsed);
    q.addBindValue(QString::fromUtf8(QJsonDocument(p.options.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(nonNull(p.kind)); q.addBindValue(nonNull(p.status)); q.addBindValue(nonNull(p.message));
    if (!q.exec()) return abort(q);
    const qint64 id = q.lastInsertId().toLongLong();
    for (int i = 0; i < p.layers.size(); ++i) {
        const ProfileLayer &l = p.layers[i];
        QSqlQuery ins(db);
        ins.prepare("INSERT INTO profile_layers(profile_id, layer, name, op, count, macs) VALUES (?, ?, ?, ?, ?, ?)");
        ins.addBindValue(id); ins.addBindValue(i); ins.addBindValue(nonNull(l.name)); ins.addBindValue(nonNull(l.op));
        ins.addBindValue(l.count); ins.addBindValue(l.macs);
        if (!ins.exec()) return abort(ins);
    }
    if (!db.commit()) {
        db.rollback();
        return fail(db.lastError().text());
    }
    p.id = id;
    return true;
}

QList<ProfileRecord> ProjectStore::profiles(qint64 projectId) const
{
    QList<ProfileRecord> out;
    QSqlQuery q(database());
    q.prepare("SELECT id, time, board, board_name, emulated, clock_hz, unit, total, output_check, mismatch,"
              " flash_bytes, ram_bytes, stack_used, options, kind, status, message FROM profiles WHERE project_id = ?"
              " ORDER BY time DESC, id DESC");
    q.addBindValue(projectId);
    if (!q.exec()) return out;
    while (q.next()) {
        ProfileRecord p;
        p.id = q.value(0).toLongLong();
        p.projectId = projectId;
        p.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        p.boardId = q.value(2).toString();
        p.boardName = q.value(3).toString();
        p.emulated = q.value(4).toInt() != 0;
        p.clockHz = q.value(5).toLongLong();
        p.unit = q.value(6).toString();
        p.total = q.value(7).toLongLong();
        p.outputCheck = q.value(8).toString();
        p.mismatch = q.value(9).toString();
        p.flashBytes = q.value(10).toLongLong();
        p.ramBytes = q.value(11).toLongLong();
        p.stackUsed = q.value(12).toLongLong();
        p.options = BuildOptions::fromJson(QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object());
        p.kind = q.value(14).toString();
        p.status = q.value(15).toString();
        p.message = q.value(16).toString();
        out << p;
    }
    for (ProfileRecord &p : out) {
        QSqlQuery l(database());
        l.prepare("SELECT name, op, count, macs FROM profile_layers WHERE profile_id = ? ORDER BY layer");
        l.addBindValue(p.id);
        if (l.exec())
            while (l.next())
                p.layers << ProfileLayer{l.value(0).toString(), l.value(1).toString(), l.value(2).toLongLong(), l.value(3).toLongLong()};
    }
    return out;
}

ProfileComparison ProjectStore::compareProfiles(const ProfileRecord &a, const ProfileRecord &b)
{
    ProfileComparison c;
    c.totalDelta = b.total - a.total;
    c.sameBoard = a.boardId == b.boardId;
    c.sameUnit = a.unit == b.unit;
    c.sameLayers = a.layers.size() == b.layers.size();
    // Layers pair up by position (layer k is the k-th generated function);
    // a run with more layers shows the extra ones against zero.
    const int n = int(std::max(a.layers.size(), b.layers.size()));
    for (int i = 0; i < n; ++i) {
        const ProfileLayer *la = i < a.layers.size() ? &a.layers[i] : nullptr;
        const ProfileLayer *lb = i < b.layers.size() ? &b.layers[i] : nullptr;
        if (la && lb && (la->name != lb->name || la->op != lb->op)) c.sameLayers = false;
        const ProfileLayer *named = lb ? lb : la;
        c.layers << LayerDelta{i, named->name, named->op, la ? la->count : 0, lb ? lb->count : 0};
    }
    return c;
}

}  // namespace ember::studio
