#include "BoardJob.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTemporaryDir>
#include <QThread>

#ifdef EMBER_HAVE_BOARDS
#include "flashers/BoardRunner.h"
#endif

namespace ember::studio {

const BoardChoice::Region *BoardChoice::regionForSection(const QString &section) const
{
    auto byName = [this](const QString &n) -> const Region * {
        for (const Region &r : memory)
            if (r.name.compare(n, Qt::CaseInsensitive) == 0) return &r;
        return nullptr;
    };
    if (section.isEmpty()) return byName(ramRegion);
    for (const Region &r : memory)
        if (r.sections.contains(section)) return &r;
    QString bare = section;
    while (bare.startsWith('.')) bare.remove(0, 1);
    return byName(bare);
}

QString BoardChoice::label() const
{
    // Emulated boards are marked so nobody mistakes instruction counts for cycles.
    if (emulated && !name.contains(QLatin1String("emulated"), Qt::CaseInsensitive))
        return BoardJob::tr("%1 (emulated)").arg(name);
    return name;
}

#ifdef EMBER_HAVE_BOARDS

namespace {

// The tools' scripts (gdb `file`, linker paths) break on spaces, and the
// default QTemporaryDir name starts with the application name ("Ember Studio").
std::unique_ptr<QTemporaryDir> workDir(const char *what)
{
    return std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ember-%1-XXXXXX").arg(QLatin1String(what)));
}

ProfileRecord recordFrom(const ember::ModelProfile &p)
{
    ProfileRecord r;
    r.boardId = QString::fromStdString(p.board.id);
    r.boardName = QString::fromStdString(p.board.name);
    r.emulated = p.board.emulated();
    r.clockHz = qint64(p.board.clockHz);
    r.unit = QString::fromStdString(p.run.unit);
    r.total = qint64(p.run.total);
    for (size_t i = 0; i < p.run.layers.size(); ++i) {
        ProfileLayer l;
        if (i < p.package.layers.size()) {
            l.name = QString::fromStdString(p.package.layers[i].name);
            l.op = QString::fromStdString(p.package.layers[i].op);
            l.macs = p.package.layers[i].macs;
        }
        l.count = qint64(p.run.layers[i]);
        r.layers << l;
    }
    if (p.compared) r.outputCheck = p.outputsMatch ? QStringLiteral("bit-exact") : QStringLiteral("mismatch");
    r.mismatch = QString::fromStdString(p.mismatch);
    r.flashBytes = qint64(p.size.flashBytes);
    r.ramBytes = qint64(p.size.ramBytes);
    r.stackUsed = qint64(p.run.stackUsed);
    return r;
}

}  // namespace

BoardJob::BoardJob(QObject *parent) : QObject(parent), runner_(new ember::BoardRunner(this))
{
    qRegisterMetaType<ember::studio::ProfileRecord>();
    connect(runner_, &ember::BoardRunner::progress, this, &BoardJob::progress);
    connect(runner_, &ember::BoardRunner::logLine, this, [this](const QString &l) { log_ << l; });
    connect(runner_, &ember::BoardRunner::profiled, this, [this](const ember::ModelProfile &p) {
        log_ << QString::fromStdString(p.formatTable());
        emit profiled(recordFrom(p));
    });
    connect(runner_, &ember::BoardRunner::flashed, this, &BoardJob::flashed);
    connect(runner_, &ember::BoardRunner::failed, this, [this](const QString &m, const QString &k, const QString &raw) {
        // A failed project stays on disk for a look at the build.
        if (workDir_ && k != QLatin1String("cancelled")) {
            workDir_->setAutoRemove(false);
            log_ << tr("firmware project kept in %1").arg(workDir_->path());
        }
        // Profile failures carry no raw log of their own: the lines the
        // tools printed on the way are the log.
        emit failed(m, k, raw.isEmpty() ? log() : raw + QLatin1Char('\n') + log_.last());
    });
    connect(runner_, &ember::BoardRunner::finished, this, [this] {
        kind_ = Kind::None;
        workDir_.reset();
        emit finished();
    });
}

BoardJob::~BoardJob() = default;  // the runner (a child) cancels and joins its worker

QList<BoardChoice> BoardJob::boards(QString *error)
{
    QList<BoardChoice> out;
    ember::Result<ember::BoardCatalog> cat = ember::BoardCatalog::load();
    if (!cat.ok()) {
        if (error) *error = QString::fromStdString(cat.diagnostics().format()).trimmed();
        return out;
    }
    for (const ember::Board &b : cat->boards()) {
        BoardChoice c{QString::fromStdString(b.id), QString::fromStdString(b.name), QString::fromStdString(b.core),
                      qint64(b.clockHz), b.emulated()};
        for (const ember::MemoryRegion &r : b.memory) {
            BoardChoice::Region x{QString::fromStdString(r.name), QString::fromStdString(r.kind), qint64(r.size), {}};
            for (const std::string &sec : r.sections) x.sections << QString::fromStdString(sec);
            c.memory << x;
        }
        c.flashRegion = QString::fromStdString(b.flashRegion);
        c.ramRegion = QString::fromStdString(b.ramRegion);
        c.stackBytes = qint64(b.stackBytes);
        out << c;
    }
    return out;
}

bool BoardJob::isRunning() const { return kind_ != Kind::None; }

bool BoardJob::begin(Kind k, QString *error)
{
    if (isRunning()) {
        *error = tr("a board job is already running; wait for it or cancel it");
        return false;
    }
    kind_ = k;
    log_.clear();
    return true;
}

bool BoardJob::startProfile(const QString &modelPath, const QString &boardId, const BuildOptions &options, QString *error)
{
    ember::ProfileRequest r;
    ember::Diagnostics d;
    QStringList skipped;
    if (!toCompileOptions(options, &r.compile, &d, &skipped)) {
        *error = QString::fromStdString(d.format()).trimmed();
        return false;
    }
    if (!begin(Kind::Profile, error)) return false;
    std::unique_ptr<QTemporaryDir> dir = workDir("profile");
    if (!dir->isValid()) {
        kind_ = Kind::None;
        *error = tr("cannot create a temporary folder for the firmware: %1").arg(dir->errorString());
        return false;
    }
    r.modelPath = modelPath.toStdString();
    r.board = boardId.toStdString();
    r.workDir = dir->path().toStdString();
    r.runs = 2;
    if (!runner_->startProfile(r)) {
        kind_ = Kind::None;
        *error = tr("the board runner is busy; try again when the current job has ended");
        return false;
    }
    workDir_ = std::move(dir);
    return true;
}

bool BoardJob::startFlash(const ember::Artifacts &build, const QString &boardId, QString *error)
{
    ember::Result<ember::BoardCatalog> cat = ember::BoardCatalog::load();
    if (!cat.ok()) {
        *error = QString::fromStdString(cat.diagnostics().format()).trimmed();
        return false;
    }
    ember::Result<ember::Board> board = cat->find(boardId.toStdString());
    if (!board.ok()) {
        *error = QString::fromStdString(board.diagnostics().format()).trimmed();
        return false;
    }
    ember::Result<ember::FileList> files = ember::generateFirmwareProject(build, *board, ember::FirmwareOptions{});
    if (!files.ok()) {
        *error = QString::fromStdString(files.diagnostics().format()).trimmed();
        return false;
    }
    std::unique_ptr<QTemporaryDir> dir = workDir("flash");
    ember::Diagnostics d;
    if (!dir->isValid() || !ember::writeFiles(*files, dir->path().toStdString(), d)) {
        *error = tr("cannot write the firmware project to a temporary folder: %1")
                     .arg(QString::fromStdString(d.format()).trimmed());
        return false;
    }
    if (!begin(Kind::Flash, error)) return false;
    log_ << tr("firmware project: %1").arg(dir->path());
    if (!runner_->startFlash(dir->path(), boardId)) {
        kind_ = Kind::None;
        *error = tr("the board runner is busy; try again when the current job has ended");
        return false;
    }
    workDir_ = std::move(dir);
    return true;
}

void BoardJob::cancel()
{
    if (isRunning()) runner_->cancel();
}

#else  // no flashers library in this build

BoardJob::BoardJob(QObject *parent) : QObject(parent) { qRegisterMetaType<ember::studio::ProfileRecord>(); }
BoardJob::~BoardJob() = default;

QList<BoardChoice> BoardJob::boards(QString *error)
{
    if (error) *error = tr("this studio was built without board support (flashers/)");
    return {};
}

bool BoardJob::isRunning() const { return false; }
bool BoardJob::begin(Kind, QString *error)
{
    *error = tr("this studio was built without board support; rebuild with the flashers library");
    return false;
}
bool BoardJob::startProfile(const QString &, const QString &, const BuildOptions &, QString *error) { return begin(Kind::Profile, error); }
bool BoardJob::startFlash(const ember::Artifacts &, const QString &, QString *error) { return begin(Kind::Flash, error); }
void BoardJob::cancel() {}

#endif

QString BoardJob::defaultBoard()
{
    for (const BoardChoice &b : boards())
        if (b.emulated) return b.id;
    return {};
}

bool BoardJob::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);  // the worker posts its results; do not spin
    }
    return !isRunning();
}

}  // namespace ember::studio
