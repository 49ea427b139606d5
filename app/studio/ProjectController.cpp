#include "ProjectController.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QWidget>

#include "Session.h"
#include "SettingsKeys.h"
#include "core/import/ModelFormats.h"

namespace ember::studio {

ProjectController::ProjectController(Session *session, const QString &storePath, QWidget *window)
    : QObject(window), session_(session), window_(window), store_(std::make_unique<ProjectStore>(storePath)),
      saveTimer_(new QTimer(this))
{
    QStyle *style = window->style();
    open_ = new QAction(style->standardIcon(QStyle::SP_DialogOpenButton), QString(), window);
    open_->setShortcut(QKeySequence::Open);
    connect(open_, &QAction::triggered, this, [this] {
        QSettings s;
        const QString p = QFileDialog::getOpenFileName(window_, tr("Open model"), s.value(keys::kLastDir).toString(),
                                                       openDialogFilter());
        if (p.isEmpty()) return;
        s.setValue(keys::kLastDir, QFileInfo(p).absolutePath());
        openModel(p);
    });
    openExample_ = new QAction(QString(), window);
    connect(openExample_, &QAction::triggered, this, [this] { openExample(); });
    save_ = new QAction(style->standardIcon(QStyle::SP_DialogSaveButton), QString(), window);
    save_->setShortcut(QKeySequence::Save);
    connect(save_, &QAction::triggered, this, &ProjectController::saveProject);
    recentMenu_ = new QMenu(window);
    connect(recentMenu_, &QMenu::aboutToShow, this, &ProjectController::fillRecentMenu);

    // Options are saved shortly after each edit: a crash loses at most the
    // last half second, and every save is one transaction.
    saveTimer_->setSingleShot(true);
    saveTimer_->setInterval(400);
    connect(saveTimer_, &QTimer::timeout, this, &ProjectController::saveProject);
    connect(session_, &Session::optionsChanged, this, [this] {
        if (projectId_ >= 0) saveTimer_->start();
    });
}

ProjectController::~ProjectController() = default;

QString ProjectController::openDialogFilter()
{
    // Only what an importer linked into this build loads (ember::modelFormats).
    QStringList globs, each;
    for (const ember::ModelFormat &f : ember::modelFormats()) {
        const QString g = QStringLiteral("*") + QString::fromStdString(f.extension);
        globs << g;
        each << tr("%1 models (%2)").arg(QString::fromStdString(f.description), g);
    }
    return (QStringList{tr("Models (%1)").arg(globs.join(' '))} + each + QStringList{tr("All files (*)")})
        .join(QStringLiteral(";;"));
}

void ProjectController::checkStore()
{
    if (!store_->isOpen())
        session_->report({StudioMessage::Level::Error, tr("projects are not saved: %1").arg(store_->lastError())});
    if (!store_->isDamaged()) return;
    // The damaged file stays as it is (for a backup restore or repair); offer
    // a fresh database beside it. Not modal: the window works meanwhile.
    QTimer::singleShot(0, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Project database damaged"), store_->lastError(),
                                    QMessageBox::NoButton, window_);
        box->setObjectName(QStringLiteral("damagedStoreDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *fresh = box->addButton(tr("Start a Fresh Database"), QMessageBox::AcceptRole);
        box->addButton(tr("Continue Without Saving"), QMessageBox::RejectRole);
        connect(box, &QMessageBox::buttonClicked, this, [this, fresh](QAbstractButton *b) {
            if (b != fresh) return;
            if (store_->startFresh())
                session_->info(tr("started a fresh project database: %1").arg(store_->path()));
            else
                session_->report({StudioMessage::Level::Error, store_->lastError()});
            emit storeChanged();
        });
        box->open();
    });
}

bool ProjectController::openModel(const QString &path)
{
    emit aboutToOpenModel();
    saveIfPending();
    if (!session_->openModel(path)) {
        emit openFailed();
        return false;
    }
    addRecent(session_->modelPath());
    attachProject();
    return true;
}

bool ProjectController::openExample(const QString &name)
{
    saveIfPending();
    if (!session_->openExample(name)) return false;
    attachProject();
    return true;
}

void ProjectController::attachProject()
{
    // A project per model file: reopening a model restores its options.
    projectId_ = -1;
    if (!store_->isOpen()) return;
    if (std::optional<Project> p = store_->projectForModel(session_->modelPath())) {
        projectId_ = p->id;
        if (!p->modelHash.isEmpty() && p->modelHash != session_->modelHash())
            session_->report({StudioMessage::Level::Warning,
                              tr("the model file changed since the project was saved; its options were kept, check pins and names")});
        BuildOptions o = p->options;
        // Drop pins to tensors this model no longer has.
        for (const QString &t : o.pins.keys())
            if (session_->findTensor(t) < 0) o.pins.remove(t);
        session_->setOptions(o);
        saveProject();  // records the current hash
    } else {
        Project np;
        np.name = QFileInfo(session_->modelPath()).completeBaseName();
        np.modelPath = session_->modelPath();
        np.modelHash = session_->modelHash();
        np.options = session_->options();
        if (store_->saveProject(np)) projectId_ = np.id;
        else session_->report({StudioMessage::Level::Error, store_->lastError()});
    }
    emit projectChanged(projectId_);
}

bool ProjectController::saveProject()
{
    saveTimer_->stop();
    if (!session_->hasModel() || !store_->isOpen()) return false;
    Project p;
    if (projectId_ >= 0) {
        if (std::optional<Project> existing = store_->project(projectId_)) p = *existing;
    }
    p.id = projectId_;
    if (p.name.isEmpty()) p.name = QFileInfo(session_->modelPath()).completeBaseName();
    p.modelPath = session_->modelPath();
    p.modelHash = session_->modelHash();
    p.options = session_->options();
    if (!store_->saveProject(p)) {
        session_->report({StudioMessage::Level::Error, store_->lastError()});
        return false;
    }
    projectId_ = p.id;
    return true;
}

void ProjectController::saveIfPending()
{
    if (saveTimer_->isActive()) saveProject();
}

void ProjectController::recordBuild(BuildRecord b)
{
    if (projectId_ < 0 || !store_->isOpen()) return;
    b.projectId = projectId_;
    if (!store_->recordBuild(b)) session_->report({StudioMessage::Level::Error, store_->lastError()});
    emit historyChanged();
}

void ProjectController::recordProfile(ProfileRecord &r)
{
    if (projectId_ < 0 || !store_->isOpen()) return;
    if (!store_->recordProfile(r)) session_->report({StudioMessage::Level::Error, store_->lastError()});
    emit historyChanged();
}

void ProjectController::addRecent(const QString &path)
{
    QSettings s;
    QStringList r = s.value(keys::kRecentFiles).toStringList();
    r.removeAll(path);
    r.prepend(path);
    while (r.size() > keys::kMaxRecentFiles) r.removeLast();
    s.setValue(keys::kRecentFiles, r);
}

void ProjectController::fillRecentMenu()
{
    recentMenu_->clear();
    const QStringList r = QSettings().value(keys::kRecentFiles).toStringList();
    for (const QString &p : r)
        recentMenu_->addAction(QFileInfo(p).fileName(), this, [this, p] { openModel(p); })->setToolTip(p);
    if (r.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
}

void ProjectController::retranslate()
{
    open_->setText(tr("&Open Model…"));
    openExample_->setText(tr("Open &Example Model"));
    save_->setText(tr("&Save Project"));
    recentMenu_->setTitle(tr("Open &Recent"));
}

void ProjectController::updateActions() { save_->setEnabled(session_->hasModel()); }

}  // namespace ember::studio
