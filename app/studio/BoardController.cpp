#include "BoardController.h"

#include <QLocale>

#include "HistoryView.h"

#include <algorithm>

#include <QAction>
#include <QColor>
#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolBar>
#include <QWidget>

#include "ProfileView.h"
#include "ProjectController.h"
#include "Session.h"
#include "SettingsKeys.h"
#include "SummaryPanel.h"
#include "ToolRunner.h"

namespace ember::studio {

BoardController::BoardController(Session *session, ProjectController *project, ProfileView *profileView, QWidget *window)
    : QObject(window), session_(session), project_(project), profileView_(profileView), job_(new BoardJob(this))
{
    QStyle *style = window->style();
    profile_ = new QAction(style->standardIcon(QStyle::SP_MediaSeekForward), QString(), window);
    profile_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(profile_, &QAction::triggered, this, &BoardController::profile);
    flash_ = new QAction(style->standardIcon(QStyle::SP_ArrowDown), QString(), window);
    flash_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(flash_, &QAction::triggered, this, &BoardController::flash);

    label_ = new QLabel(window);
    label_->setContentsMargins(4, 0, 4, 0);
    combo_ = new QComboBox(window);
    combo_->setObjectName("boardSelector");
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo_->setMinimumContentsLength(30);
    fillBoards();
    connect(combo_, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(keys::kBoard, currentBoard());
        publishBoard();
        emit stateChanged();
    });
    publishBoard();

    connect(job_, &BoardJob::progress, this, [this](int pct, const QString &stage) {
        emit progress(pct, 100, stage);
        profileView_->setRunning(stage);
    });
    connect(job_, &BoardJob::profiled, this, &BoardController::onProfiled);
    connect(job_, &BoardJob::flashed, this, [this](const QString &m) {
        session_->info(tr("flashed %1: %2").arg(jobTarget_, m));
    });
    connect(job_, &BoardJob::failed, this, &BoardController::onFailed);
    connect(job_, &BoardJob::finished, this, [this] {
        profileView_->setRunning({});
        emit stateChanged();
    });
}

void BoardController::fillBoards()
{
    QString error;
    const QList<BoardChoice> boards = BoardJob::boards(&error);
    if (!error.isEmpty()) session_->report({StudioMessage::Level::Error, error});
    // Emulated boards first: they work without hardware.
    QList<BoardChoice> sorted = boards;
    std::stable_sort(sorted.begin(), sorted.end(), [](const BoardChoice &a, const BoardChoice &b) { return a.emulated > b.emulated; });
    QSignalBlocker block(combo_);
    combo_->clear();
    for (const BoardChoice &b : sorted) {
        combo_->addItem(b.label(), b.id);
        const int i = combo_->count() - 1;
        combo_->setItemData(i, tr("%1 · %2 at %3 MHz%4").arg(b.id, b.core).arg(double(b.clockHz) / 1e6)
                                   .arg(b.emulated ? tr(" · emulated in QEMU: counts instructions, needs no hardware") : QString()),
                            Qt::ToolTipRole);
        if (b.emulated) combo_->setItemData(i, QColor(0x1f, 0x5f, 0x99), Qt::ForegroundRole);
    }
    const QString saved = QSettings().value(keys::kBoard).toString();
    const int i = combo_->findData(saved.isEmpty() ? BoardJob::defaultBoard() : saved);
    combo_->setCurrentIndex(i >= 0 ? i : 0);
}

bool BoardController::selectBoard(const QString &id)
{
    const int i = combo_->findData(id);
    if (i < 0) return false;
    combo_->setCurrentIndex(i);
    return true;
}

QString BoardController::currentBoard() const { return combo_->currentData().toString(); }

void BoardController::publishBoard()
{
    // The session's board drives the capacity bars (before any build).
    std::optional<BoardChoice> choice;
    for (const BoardChoice &b : BoardJob::boards())
        if (b.id == currentBoard()) choice = b;
    session_->setBoard(choice);
}

bool BoardController::readyToRun(const QString &what)
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to %1; open a model first").arg(what)});
        return false;
    }
    if (job_->isRunning()) {
        session_->report({StudioMessage::Level::Error, tr("a board job is running; wait for it or press Cancel")});
        return false;
    }
    if (currentBoard().isEmpty()) {
        session_->report({StudioMessage::Level::Error, tr("no board selected; choose one in the toolbar")});
        return false;
    }
    return true;
}

bool BoardController::profile()
{
    if (!readyToRun(tr("profile"))) return false;
    const QList<OptionError> errs = session_->options().validateAgainst(*session_->graph());
    if (!errs.isEmpty()) {
        for (const OptionError &e : errs) session_->report({StudioMessage::Level::Error, e.message});
        return false;
    }
    QString error;
    if (!job_->startProfile(session_->modelPath(), currentBoard(), session_->options(), &error)) {
        session_->report({StudioMessage::Level::Error, error});
        emit failed();
        return false;
    }
    profiledOptions_ = session_->options();
    profiledModel_ = session_->modelPath();
    jobTarget_ = combo_->currentText();
    session_->info(tr("profiling on %1: %2").arg(jobTarget_, ToolRunner::commandLine("emberc",
        QStringList{"profile", QFileInfo(session_->modelPath()).fileName(), "--board", currentBoard()} + session_->options().toArgs())));
    profileView_->setRunning(tr("starting"));
    emit stateChanged();
    return true;
}

bool BoardController::flash()
{
    if (!readyToRun(tr("flash"))) return false;
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to flash; compile the model first (Ctrl+B)")});
        return false;
    }
    QString error;
    if (!job_->startFlash(*build, currentBoard(), &error)) {
        session_->report({StudioMessage::Level::Error, error});
        emit failed();
        return false;
    }
    jobTarget_ = combo_->currentText();
    session_->info(tr("flashing %1 to %2").arg(QString::fromStdString(build->name), jobTarget_));
    emit stateChanged();
    return true;
}

void BoardController::onProfiled(const ProfileRecord &record)
{
    if (profiledModel_ != session_->modelPath()) {
        session_->info(tr("a profile run of %1 ended after another model was opened; it was not recorded")
                           .arg(QFileInfo(profiledModel_).fileName()));
        return;
    }
    ProfileRecord r = record;
    r.projectId = project_->projectId();
    r.options = profiledOptions_;
    r.time = QDateTime::currentDateTimeUtc();
    project_->recordProfile(r);
    session_->setProfile(r);
    QString check = r.outputCheck == QLatin1String("bit-exact") ? tr("outputs bit-exact with the host")
                    : r.outputCheck == QLatin1String("mismatch") ? tr("outputs DIFFER from the host: %1").arg(r.mismatch)
                                                                 : tr("outputs not compared");
    session_->report({r.outputCheck == QLatin1String("mismatch") ? StudioMessage::Level::Error : StudioMessage::Level::Info,
                      tr("profiled on %1: %2 %3 (%4 ms at %5 MHz), %6")
                          .arg(r.boardName, groupDigits(r.shownTotal()), HistoryView::unitName(r.unit), QLocale().toString(r.millisAtClock(), 'f', 2))
                          .arg(double(r.clockHz) / 1e6).arg(check),
                      {}, -1, {}, {}, job_->log()});
    emit profiled();
}

void BoardController::onFailed(const QString &message, const QString &kind, const QString &log)
{
    const bool flash = job_->kind() == BoardJob::Kind::Flash;
    if (kind == QLatin1String("cancelled")) {
        session_->info(flash ? tr("flash cancelled") : tr("profile run cancelled"));
        return;
    }
    // The classified kind ("no-probe", "verify-mismatch", …) leads, so the
    // cause is readable at a glance; the raw tool log expands below.
    const QString what = flash ? tr("flashing %1 failed").arg(jobTarget_) : tr("profiling on %1 failed").arg(jobTarget_);
    const QString text = kind.isEmpty() || kind == QLatin1String("error") ? QStringLiteral("%1: %2").arg(what, message)
                                                                          : QStringLiteral("%1 [%2]: %3").arg(what, kind, message);
    session_->report({StudioMessage::Level::Error, text, {}, -1, {}, {}, log});
    recordFailure(flash, kind.isEmpty() || kind == QLatin1String("error") ? message : QStringLiteral("[%1] %2").arg(kind, message));
    emit failed();
}

// A failed flash or profile run is history too: when it failed, on which
// board, with which options, and why.
void BoardController::recordFailure(bool flash, const QString &message)
{
    if (project_->projectId() < 0) return;
    ProfileRecord r;
    r.projectId = project_->projectId();
    r.time = QDateTime::currentDateTimeUtc();
    r.kind = flash ? QStringLiteral("flash") : QStringLiteral("profile");
    r.status = QStringLiteral("failed");
    r.message = message;
    r.boardId = currentBoard();
    r.boardName = jobTarget_;
    r.options = flash ? session_->options() : profiledOptions_;
    project_->recordProfile(r);
}

void BoardController::addToToolBar(QToolBar *tb)
{
    tb->addWidget(label_);
    tb->addWidget(combo_);
    tb->addAction(profile_);
    tb->addAction(flash_);
}

void BoardController::retranslate()
{
    profile_->setText(tr("&Profile"));
    profile_->setToolTip(tr("Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)"));
    flash_->setText(tr("&Flash"));
    flash_->setToolTip(tr("Build firmware for the last compile and program the selected board (Ctrl+U)"));
    label_->setText(tr("Board:"));
}

void BoardController::updateActions()
{
    const bool busy = job_->isRunning(), haveBoard = !currentBoard().isEmpty();
    // A model opened for viewing only (unsupported operators) cannot run.
    profile_->setEnabled(session_->hasModel() && session_->compileBlocker().isEmpty() && haveBoard && !busy);
    flash_->setEnabled(bool(session_->build()) && haveBoard && !busy);
    combo_->setEnabled(!busy);
}

}  // namespace ember::studio
