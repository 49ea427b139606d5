#include "BoardRunner.h"

#include <QMetaObject>

namespace ember {

BoardRunner::BoardRunner(QObject *parent) : QObject(parent) { qRegisterMetaType<ember::ModelProfile>(); }

BoardRunner::~BoardRunner() {
    cancel_ = true;
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
}

// Busy from start until `finished` is emitted on the runner's thread: the
// worker thread itself may still be returning when a slot connected to
// `finished` starts the next job.
bool BoardRunner::isRunning() const { return busy_; }

void BoardRunner::done() {
    busy_ = false;
    emit finished();
}

void BoardRunner::cancel() { cancel_ = true; }

// Runs `f` on the runner's own thread (signals reach widgets safely).
void BoardRunner::post(std::function<void()> f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); }

bool BoardRunner::launch(std::function<void()> work) {
    if (isRunning()) return false;
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
    cancel_ = false;
    busy_ = true;
    thread_ = QThread::create(std::move(work));
    thread_->start();
    return true;
}

bool BoardRunner::startProfile(ProfileRequest request) {
    request.cancel = &cancel_;
    request.onProgress = [this](int pct, const std::string &stage) {
        post([this, pct, s = QString::fromStdString(stage)] { emit progress(pct, s); });
    };
    request.onLine = [this](const std::string &line) {
        post([this, l = QString::fromStdString(line)] { emit logLine(l); });
    };
    return launch([this, request] {
        Result<ModelProfile> p = profileModel(request);
        const bool cancelled = cancel_.load();
        post([this, p, cancelled] {
            if (p.ok()) emit profiled(p.value());
            else emit failed(QString::fromStdString(p.diagnostics().format()).trimmed(), cancelled ? "cancelled" : "error", {});
            done();
        });
    });
}

bool BoardRunner::startFlash(const QString &dir, const QString &boardKey) {
    return launch([this, dir = dir.toStdString(), key = boardKey.toStdString()] {
        auto fail = [this](const std::string &msg, const std::string &kind, const std::string &log) {
            post([this, m = QString::fromStdString(msg), k = QString::fromStdString(kind), l = QString::fromStdString(log)] {
                emit failed(m, k, l);
                done();
            });
        };
        Result<BoardCatalog> cat = BoardCatalog::load();
        if (!cat) return fail(cat.diagnostics().format(), "error", "");
        Result<Board> b = cat->find(key);
        if (!b) return fail(b.diagnostics().format(), "error", "");
        BuildOptions bo;
        bo.cancel = &cancel_;
        post([this] { emit progress(5, "building firmware"); });
        Result<FirmwareBuild> fb = buildFirmware(dir, *b, bo);
        if (!fb) return fail(fb.diagnostics().format(), cancel_ ? "cancelled" : "error", "");
        post([this, s = QString::fromStdString(fb->size.format())] { emit logLine(s); });
        FlashOptions fo;
        fo.cancel = &cancel_;
        fo.onProgress = [this](int pct, const std::string &stage) {
            post([this, pct, s = QString::fromStdString(stage)] { emit progress(pct, s); });
        };
        fo.onLine = [this](const std::string &line) { post([this, l = QString::fromStdString(line)] { emit logLine(l); }); };
        const FlashResult r = flashElf(fb->elfPath, *b, fo);
        if (!r.ok()) return fail(r.message, flashErrorName(r.error), r.log);
        post([this, m = QString::fromStdString(r.message)] {
            emit flashed(m);
            done();
        });
    });
}

}  // namespace ember
