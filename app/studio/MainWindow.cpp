#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QSignalBlocker>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include "CodeView.h"
#include "GraphView.h"
#include "HistoryView.h"
#include "MemoryView.h"
#include "MessagesPane.h"
#include "OperatorsDialog.h"
#include "OptionsPanel.h"
#include "PackageExport.h"
#include "ProfileView.h"
#include "SettingsDialog.h"
#include "SettingsKeys.h"
#include "SummaryPanel.h"
#include "ToolRunner.h"
#include "Translations.h"
#include "core/builder/TfliteWriter.h"

namespace ember::studio {

struct MainWindow::Actions {
    QAction *open, *openExample, *exportFolder, *exportArchive, *saveProject, *quit;
    QAction *compile, *cancel, *checkHost, *profile, *flash;
    QAction *tabGraph, *tabMemory, *tabCode, *tabProfile, *tabHistory, *fit;
    QAction *settings, *about, *operators;
    QList<QAction *> languages;
};

MainWindow::MainWindow(const QString &storePath, QWidget *parent)
    : QMainWindow(parent), session_(new Session(this)), store_(std::make_unique<ProjectStore>(storePath)),
      job_(new CompileJob(this)), boardJob_(new BoardJob(this)), a_(std::make_unique<Actions>()), saveTimer_(new QTimer(this))
{
    setAcceptDrops(true);
    setDocumentMode(true);
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    graph_ = new GraphView(session_);
    memory_ = new MemoryPanel(session_);
    code_ = new CodeView(session_);
    history_ = new HistoryView(store_.get());
    profileView_ = new ProfileView(session_);
    tabs_->addTab(graph_, QString());
    tabs_->addTab(memory_, QString());
    tabs_->addTab(code_, QString());
    tabs_->addTab(profileView_, QString());
    tabs_->addTab(history_, QString());
    setCentralWidget(tabs_);
    createDocks();
    createActions();

    progress_ = new QProgressBar;
    progress_->setMaximumWidth(180);
    progress_->setMaximumHeight(16);
    progress_->setTextVisible(false);
    progress_->hide();
    stage_ = new QLabel;
    cancelButton_ = new QToolButton;
    cancelButton_->setDefaultAction(a_->cancel);
    cancelButton_->hide();
    modelLabel_ = new QLabel;
    ramLabel_ = new QLabel;
    ramLabel_->setObjectName("ramLabel");
    statusBar()->addWidget(modelLabel_);
    statusBar()->addWidget(ramLabel_);
    statusBar()->addPermanentWidget(stage_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelButton_);

    if (!store_->isOpen())
        session_->report({StudioMessage::Level::Error,
                          tr("projects are not saved: %1").arg(store_->lastError())});
    if (store_->isDamaged()) {
        // The damaged file stays as it is (for a backup restore or repair);
        // offer a fresh database beside it. Not modal: the window works meanwhile.
        QTimer::singleShot(0, this, [this] {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Project database damaged"), store_->lastError(),
                                        QMessageBox::NoButton, this);
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
                updateActions();
            });
            box->open();
        });
    }

    connect(job_, &CompileJob::progress, this, [this](int v, int max, const QString &stage) {
        progress_->setRange(0, max);
        progress_->setValue(v);
        stage_->setText(stage);
    });
    connect(job_, &CompileJob::finished, this, &MainWindow::onCompiled);
    connect(job_, &CompileJob::failed, this, &MainWindow::onCompileFailed);
    connect(job_, &CompileJob::cancelled, this, [this] {
        session_->info(tr("compile cancelled"));
        updateActions();
    });
    connect(session_, &Session::modelChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(boardJob_, &BoardJob::progress, this, [this](int pct, const QString &stage) {
        progress_->setRange(0, 100);
        progress_->setValue(pct);
        stage_->setText(stage);
        profileView_->setRunning(stage);
    });
    connect(boardJob_, &BoardJob::profiled, this, &MainWindow::onProfiled);
    connect(boardJob_, &BoardJob::flashed, this, [this](const QString &m) {
        session_->info(tr("flashed %1: %2").arg(boardJobTarget_, m));
    });
    connect(boardJob_, &BoardJob::failed, this, &MainWindow::onBoardFailed);
    connect(boardJob_, &BoardJob::finished, this, [this] {
        profileView_->setRunning({});
        updateActions();
    });
    connect(history_, &HistoryView::profileActivated, this, [this](const ProfileRecord &p) {
        session_->setProfile(p);
        showTab(Tab::Profile);
    });
    connect(session_, &Session::planChanged, this, &MainWindow::updateStatus);
    // Options are saved shortly after each edit: a crash loses at most the
    // last half second, and every save is one transaction.
    saveTimer_->setSingleShot(true);
    saveTimer_->setInterval(400);
    connect(saveTimer_, &QTimer::timeout, this, &MainWindow::saveProject);
    connect(session_, &Session::optionsChanged, this, [this] {
        if (projectId_ >= 0) saveTimer_->start();
    });
    connect(graph_, &GraphView::layerActivated, this, [this](int op) {
        if (!session_->build()) {
            session_->info(tr("compile first (Ctrl+B) to see the generated function of this layer"));
            return;
        }
        showTab(Tab::Code);
        code_->goToLayer(op);
    });
    connect(messages_, &MessagesPane::activatedLocation, this, [this](int op, const QString &) {
        if (op >= 0) showTab(Tab::Graph);
    });

    retranslate();
    updateActions();
    updateTitle();
    updateStatus();
    QSettings s;
    if (!restoreGeometry(s.value(keys::kGeometry).toByteArray())) resize(1500, 940);
    restoreState(s.value(keys::kWindowState).toByteArray());
}

MainWindow::~MainWindow()
{
    if (saveTimer_->isActive()) saveProject();
}

void MainWindow::createDocks()
{
    summary_ = new SummaryPanel(session_);
    properties_ = new PropertiesPanel(session_);
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(summary_);
    left->addWidget(properties_);
    left->setSizes({420, 380});
    modelDock_ = new QDockWidget(this);
    modelDock_->setObjectName("modelDock");
    modelDock_->setWidget(left);
    modelDock_->setMinimumWidth(290);
    addDockWidget(Qt::LeftDockWidgetArea, modelDock_);

    options_ = new OptionsPanel(session_);
    optionsDock_ = new QDockWidget(this);
    optionsDock_->setObjectName("optionsDock");
    optionsDock_->setWidget(options_);
    optionsDock_->setMinimumWidth(360);
    addDockWidget(Qt::RightDockWidgetArea, optionsDock_);

    messages_ = new MessagesPane(session_);
    messagesDock_ = new QDockWidget(this);
    messagesDock_->setObjectName("messagesDock");
    messagesDock_->setWidget(messages_);
    addDockWidget(Qt::BottomDockWidgetArea, messagesDock_);
    resizeDocks({messagesDock_}, {110}, Qt::Vertical);
    resizeDocks({modelDock_, optionsDock_}, {300, 370}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    Actions &a = *a_;
    auto icon = [this](QStyle::StandardPixmap p) { return style()->standardIcon(p); };
    a.open = new QAction(icon(QStyle::SP_DialogOpenButton), QString(), this);
    a.open->setShortcut(QKeySequence::Open);
    connect(a.open, &QAction::triggered, this, [this] {
        QSettings s;
        const QString p = QFileDialog::getOpenFileName(this, tr("Open model"), s.value(keys::kLastDir).toString(),
                                                       tr("Models (*.tflite *.onnx);;All files (*)"));
        if (p.isEmpty()) return;
        s.setValue(keys::kLastDir, QFileInfo(p).absolutePath());
        openModel(p);
    });
    a.openExample = new QAction(QString(), this);
    connect(a.openExample, &QAction::triggered, this, [this] { openExample(); });
    a.exportFolder = new QAction(icon(QStyle::SP_DirIcon), QString(), this);
    connect(a.exportFolder, &QAction::triggered, this, [this] { exportPackage(false); });
    a.exportArchive = new QAction(QString(), this);
    connect(a.exportArchive, &QAction::triggered, this, [this] { exportPackage(true); });
    a.saveProject = new QAction(icon(QStyle::SP_DialogSaveButton), QString(), this);
    a.saveProject->setShortcut(QKeySequence::Save);
    connect(a.saveProject, &QAction::triggered, this, &MainWindow::saveProject);
    a.quit = new QAction(QString(), this);
    a.quit->setShortcut(QKeySequence::Quit);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    a.compile = new QAction(icon(QStyle::SP_MediaPlay), QString(), this);
    a.compile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(a.compile, &QAction::triggered, this, &MainWindow::compile);
    a.cancel = new QAction(icon(QStyle::SP_BrowserStop), QString(), this);
    a.cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(a.cancel, &QAction::triggered, this, [this] {
        if (boardJob_->isRunning()) cancelBoardJob();
        else cancelCompile();
    });
    a.profile = new QAction(icon(QStyle::SP_MediaSeekForward), QString(), this);
    a.profile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(a.profile, &QAction::triggered, this, &MainWindow::profileOnBoard);
    a.flash = new QAction(icon(QStyle::SP_ArrowDown), QString(), this);
    a.flash->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(a.flash, &QAction::triggered, this, &MainWindow::flashBoard);
    a.checkHost = new QAction(QString(), this);
    connect(a.checkHost, &QAction::triggered, this, &MainWindow::checkWithHostCompiler);

    auto tabAction = [this](Tab t, const char *key) {
        auto *act = new QAction(QString(), this);
        act->setShortcut(QKeySequence(key));
        connect(act, &QAction::triggered, this, [this, t] { showTab(t); });
        return act;
    };
    a.tabGraph = tabAction(Tab::Graph, "Ctrl+1");
    a.tabMemory = tabAction(Tab::Memory, "Ctrl+2");
    a.tabCode = tabAction(Tab::Code, "Ctrl+3");
    a.tabProfile = tabAction(Tab::Profile, "Ctrl+4");
    a.tabHistory = tabAction(Tab::History, "Ctrl+5");
    a.fit = new QAction(QString(), this);
    a.fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(a.fit, &QAction::triggered, graph_, &GraphView::fitAll);
    a.settings = new QAction(QString(), this);
    a.settings->setShortcut(QKeySequence::Preferences);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    a.about = new QAction(QString(), this);
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Ember Studio"),
                           tr("<b>Ember Studio</b><br>Compiles TFLite models to dependency-free C for microcontrollers."));
    });

    a.operators = new QAction(QString(), this);
    connect(a.operators, &QAction::triggered, this, [this] {
        auto *d = new OperatorsDialog(this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(a.open);
    fileMenu_->addAction(a.openExample);
    recentMenu_ = fileMenu_->addMenu(QString());
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.saveProject);
    fileMenu_->addAction(a.exportFolder);
    fileMenu_->addAction(a.exportArchive);
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.quit);
    buildMenu_ = menuBar()->addMenu(QString());
    buildMenu_->addAction(a.compile);
    buildMenu_->addAction(a.cancel);
    buildMenu_->addSeparator();
    buildMenu_->addAction(a.checkHost);
    buildMenu_->addSeparator();
    buildMenu_->addAction(a.profile);
    buildMenu_->addAction(a.flash);
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addActions({a.tabGraph, a.tabMemory, a.tabCode, a.tabProfile, a.tabHistory});
    viewMenu_->addSeparator();
    viewMenu_->addAction(a.fit);
    viewMenu_->addSeparator();
    viewMenu_->addActions({modelDock_->toggleViewAction(), optionsDock_->toggleViewAction(), messagesDock_->toggleViewAction()});
    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->addAction(a.settings);
    languageMenu_ = settingsMenu_->addMenu(QString());
    auto *group = new QActionGroup(this);
    for (const QString &code : availableLanguages()) {
        QAction *l = languageMenu_->addAction(languageDisplayName(code));
        l->setCheckable(true);
        l->setChecked(code == currentLanguage());
        l->setData(code);
        group->addAction(l);
        connect(l, &QAction::triggered, this, [this, code] { applyLanguage(code); });
        a.languages << l;
    }
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(a.operators);
    helpMenu_->addAction(a.about);

    auto *tb = addToolBar(QString());
    tb->setObjectName("mainToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(16, 16));
    tb->addAction(a.open);
    tb->addAction(a.saveProject);
    tb->addSeparator();
    tb->addAction(a.compile);
    tb->addAction(a.cancel);
    tb->addSeparator();
    tb->addAction(a.exportFolder);
    tb->addSeparator();
    boardLabel_ = new QLabel;
    boardLabel_->setContentsMargins(4, 0, 4, 0);
    tb->addWidget(boardLabel_);
    boardCombo_ = new QComboBox;
    boardCombo_->setObjectName("boardSelector");
    boardCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    boardCombo_->setMinimumContentsLength(30);
    tb->addWidget(boardCombo_);
    tb->addAction(a.profile);
    tb->addAction(a.flash);
    fillBoards();
    connect(boardCombo_, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(keys::kBoard, currentBoard());
        updateActions();
    });
}

void MainWindow::fillBoards()
{
    QString error;
    const QList<BoardChoice> boards = BoardJob::boards(&error);
    if (!error.isEmpty()) session_->report({StudioMessage::Level::Error, error});
    // Emulated boards first: they work without hardware.
    QList<BoardChoice> sorted = boards;
    std::stable_sort(sorted.begin(), sorted.end(), [](const BoardChoice &a, const BoardChoice &b) { return a.emulated > b.emulated; });
    QSignalBlocker block(boardCombo_);
    boardCombo_->clear();
    for (const BoardChoice &b : sorted) {
        boardCombo_->addItem(b.label(), b.id);
        const int i = boardCombo_->count() - 1;
        boardCombo_->setItemData(i, tr("%1 · %2 at %3 MHz%4").arg(b.id, b.core).arg(double(b.clockHz) / 1e6)
                                        .arg(b.emulated ? tr(" · emulated in QEMU: counts instructions, needs no hardware") : QString()),
                                 Qt::ToolTipRole);
        if (b.emulated) boardCombo_->setItemData(i, QColor(0x1f, 0x5f, 0x99), Qt::ForegroundRole);
    }
    const QString saved = QSettings().value(keys::kBoard).toString();
    const int i = boardCombo_->findData(saved.isEmpty() ? BoardJob::defaultBoard() : saved);
    boardCombo_->setCurrentIndex(i >= 0 ? i : 0);
}

bool MainWindow::selectBoard(const QString &id)
{
    const int i = boardCombo_->findData(id);
    if (i < 0) return false;
    boardCombo_->setCurrentIndex(i);
    return true;
}

QString MainWindow::currentBoard() const { return boardCombo_->currentData().toString(); }

void MainWindow::retranslate()
{
    Actions &a = *a_;
    a.open->setText(tr("&Open Model…"));
    a.openExample->setText(tr("Open &Example Model"));
    a.exportFolder->setText(tr("Export Package to &Folder…"));
    a.exportArchive->setText(tr("Export Package as &Archive…"));
    a.saveProject->setText(tr("&Save Project"));
    a.quit->setText(tr("&Quit"));
    a.compile->setText(tr("&Compile"));
    a.compile->setToolTip(tr("Plan memory and generate the C package (Ctrl+B)"));
    a.cancel->setText(tr("Cancel"));
    a.profile->setText(tr("&Profile"));
    a.profile->setToolTip(tr("Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)"));
    a.flash->setText(tr("&Flash"));
    a.flash->setToolTip(tr("Build firmware for the last compile and program the selected board (Ctrl+U)"));
    a.tabProfile->setText(tr("&Profile"));
    boardLabel_->setText(tr("Board:"));
    a.checkHost->setText(tr("Check with &Host Compiler"));
    a.tabGraph->setText(tr("&Graph"));
    a.tabMemory->setText(tr("&Memory"));
    a.tabCode->setText(tr("&Code"));
    a.tabHistory->setText(tr("&History"));
    a.fit->setText(tr("&Fit Graph"));
    a.settings->setText(tr("&Settings…"));
    a.about->setText(tr("&About Ember Studio"));
    a.operators->setText(tr("Supported &Operators…"));
    fileMenu_->setTitle(tr("&File"));
    recentMenu_->setTitle(tr("Open &Recent"));
    buildMenu_->setTitle(tr("&Build"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    tabs_->setTabText(0, tr("Graph"));
    tabs_->setTabText(1, tr("Memory"));
    tabs_->setTabText(2, tr("Code"));
    tabs_->setTabText(3, tr("Profile"));
    tabs_->setTabText(4, tr("History"));
    modelDock_->setWindowTitle(tr("Model"));
    optionsDock_->setWindowTitle(tr("Options"));
    messagesDock_->setWindowTitle(tr("Messages"));
    updateTitle();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    if (saveTimer_->isActive()) saveProject();
    QSettings s;
    s.setValue(keys::kGeometry, saveGeometry());
    s.setValue(keys::kWindowState, saveState());
    QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasUrls() && e->mimeData()->urls().first().isLocalFile()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *e)
{
    const QList<QUrl> urls = e->mimeData()->urls();
    if (!urls.isEmpty()) openModel(urls.first().toLocalFile());
}

void MainWindow::showTab(Tab t) { tabs_->setCurrentIndex(int(t)); }

bool MainWindow::openModel(const QString &path)
{
    if (job_->isRunning()) cancelCompile();
    if (boardJob_->isRunning()) cancelBoardJob();
    if (saveTimer_->isActive()) saveProject();
    if (!session_->openModel(path)) {
        messagesDock_->show();
        return false;
    }
    addRecent(session_->modelPath());
    attachProject();
    return true;
}

bool MainWindow::openExample(const QString &name)
{
    if (saveTimer_->isActive()) saveProject();
    if (!session_->openExample(name)) return false;
    attachProject();
    return true;
}

void MainWindow::attachProject()
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
    history_->setProject(projectId_);
}

bool MainWindow::saveProject()
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

bool MainWindow::compile()
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to compile; open a model first")});
        return false;
    }
    if (job_->isRunning()) return false;
    const QList<OptionError> errs = session_->options().validateAgainst(*session_->graph());
    if (!errs.isEmpty()) {
        for (const OptionError &e : errs) session_->report({StudioMessage::Level::Error, e.message});
        return false;
    }
    ember::CompileOptions opts;
    ember::Diagnostics d;
    QStringList skipped;
    if (!toCompileOptions(session_->options(), &opts, &d, &skipped)) {
        session_->reportDiagnostics(d);
        return false;
    }
    for (const QString &f : skipped)
        session_->report({StudioMessage::Level::Warning, tr("%1 is not supported by this compiler build and was ignored").arg(f)});
    compiledOptions_ = session_->options();
    session_->info(tr("compiling: %1").arg(ToolRunner::commandLine(
        "emberc", QStringList{"compile", QFileInfo(session_->modelPath()).fileName()} + session_->options().toArgs())));
    job_->start(session_->sharedGraph(), opts);
    updateActions();
    return true;
}

void MainWindow::cancelCompile()
{
    job_->cancel();
    updateActions();
}

void MainWindow::onCompiled(const CompileOutcome &out, qint64 ms)
{
    session_->reportDiagnostics(out.diagnostics);  // warnings
    session_->setBuild(out.artifacts);
    const ember::Artifacts &a = *out.artifacts;
    session_->info(tr("compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6")
                       .arg(QString::fromStdString(a.name)).arg(ms).arg(a.files.size())
                       .arg(formatBytes(qint64(a.plan.totalUsed())), formatBytes(qint64(a.constantBytes)), formatBytes(out.codeBytes)));
    recordBuild(&out, nullptr, ms);
    updateActions();
    updateStatus();
}

void MainWindow::onCompileFailed(const ember::Diagnostics &d)
{
    session_->reportDiagnostics(d);
    if (d.items().empty()) session_->report({StudioMessage::Level::Error, tr("compile failed without a diagnostic")});
    recordBuild(nullptr, &d, 0);
    messagesDock_->show();
    updateActions();
}

void MainWindow::recordBuild(const CompileOutcome *ok, const ember::Diagnostics *failed, qint64 ms)
{
    if (projectId_ < 0 || !store_->isOpen()) return;
    BuildRecord b;
    b.projectId = projectId_;
    b.options = compiledOptions_;
    b.elapsedMs = ms;
    if (ok) {
        const ember::Artifacts &a = *ok->artifacts;
        b.status = QStringLiteral("ok");
        for (size_t i = 0; i < a.plan.pools.size(); ++i)
            b.poolPeaks.insert(QString::fromStdString(a.plan.pools[i].name), qint64(a.plan.poolUsed[i]));
        b.constantsBytes = qint64(a.constantBytes);
        b.codeBytes = ok->codeBytes;
    } else {
        b.status = QStringLiteral("failed");
        b.message = failed && !failed->items().empty() ? QString::fromStdString(failed->items().front().message) : QString();
    }
    if (!store_->recordBuild(b)) session_->report({StudioMessage::Level::Error, store_->lastError()});
    history_->refresh();
}

void MainWindow::exportPackage(bool archive)
{
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to export; compile the model first")});
        return;
    }
    QSettings s;
    const QString base = s.value(keys::kExportDir, QDir::homePath()).toString();
    QString target, error;
    bool ok = false;
    if (archive) {
        target = QFileDialog::getSaveFileName(this, tr("Export package as archive"),
                                              base + '/' + QString::fromStdString(build->name) + ".tar", tr("Tar archive (*.tar)"));
        if (target.isEmpty()) return;
        ok = exportArchive(*build, target, &error);
    } else {
        target = QFileDialog::getExistingDirectory(this, tr("Export package to folder"), base);
        if (target.isEmpty()) return;
        ok = exportFolder(*build, target, &error);
    }
    s.setValue(keys::kExportDir, QFileInfo(target).absolutePath());
    if (ok) session_->info(tr("package exported to %1").arg(target));
    else session_->report({StudioMessage::Level::Error, error});
}

void MainWindow::checkWithHostCompiler()
{
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to check; compile the model first")});
        return;
    }
    auto *dir = new QTemporaryDir;
    QString error;
    if (!dir->isValid() || !exportFolder(*build, dir->path(), &error)) {
        session_->report({StudioMessage::Level::Error, tr("cannot write the package to a temporary folder: %1").arg(error)});
        delete dir;
        return;
    }
    QStringList args{"-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-fsyntax-only", "-Iinclude"};
    for (const auto &f : build->files)
        if (QString::fromStdString(f.first).endsWith(".c")) args << QString::fromStdString(f.first);
    const QString cc = StudioSettings::load().hostCc;
    session_->info(ToolRunner::commandLine(cc, args));
    auto *run = new ToolRunner(this);
    connect(run, &ToolRunner::finished, this, [this, run, dir](bool ok, int, const QString &output) {
        for (const QString &l : output.split('\n', Qt::SkipEmptyParts))
            session_->report({ok ? StudioMessage::Level::Info : StudioMessage::Level::Error, l});
        session_->info(ok ? tr("the package compiles warning-free with the host compiler")
                          : tr("the host compiler reported problems (see above)"));
        run->deleteLater();
        delete dir;
    });
    run->start(cc, args, dir->path());
}

void MainWindow::showSettings()
{
    SettingsDialog dlg(this);
    if (dlg.exec() != QDialog::Accepted) return;
    const StudioSettings s = dlg.settings();
    s.save();
    if (s.language != currentLanguage()) applyLanguage(s.language);
}

void MainWindow::applyLanguage(const QString &code)
{
    if (!switchLanguage(code)) {
        session_->report({StudioMessage::Level::Error, tr("no translation for '%1' is built in").arg(code)});
        return;
    }
    QSettings().setValue(keys::kLanguage, code);
    for (QAction *l : a_->languages) l->setChecked(l->data().toString() == code);
}

void MainWindow::updateActions()
{
    const bool model = session_->hasModel(), board = boardJob_->isRunning(), running = job_->isRunning() || board;
    const bool haveBoard = !currentBoard().isEmpty();
    a_->compile->setEnabled(model && !job_->isRunning());
    a_->cancel->setEnabled(running);
    a_->profile->setEnabled(model && haveBoard && !board);
    a_->flash->setEnabled(bool(session_->build()) && haveBoard && !board);
    boardCombo_->setEnabled(!board);
    a_->exportFolder->setEnabled(bool(session_->build()));
    a_->exportArchive->setEnabled(bool(session_->build()));
    a_->checkHost->setEnabled(bool(session_->build()));
    a_->saveProject->setEnabled(model);
    progress_->setVisible(running);
    cancelButton_->setVisible(running);
    if (!running) stage_->clear();
}

void MainWindow::updateTitle()
{
    setWindowTitle(session_->hasModel() ? tr("%1 — Ember Studio").arg(QFileInfo(session_->modelPath()).fileName())
                                        : tr("Ember Studio"));
}

void MainWindow::updateStatus()
{
    if (!session_->hasModel()) {
        modelLabel_->setText(tr("No model"));
        ramLabel_->clear();
        return;
    }
    const ember::Graph &g = *session_->graph();
    modelLabel_->setText(tr("%1 · %2 ops · %3 MACs").arg(QFileInfo(session_->modelPath()).fileName()).arg(g.ops.size())
                             .arg(groupDigits(session_->summary().macs)));
    const ember::MemoryPlan *plan = session_->plan();
    ramLabel_->setText(plan ? tr("   RAM %1 (lower bound %2)").arg(formatBytes(qint64(plan->totalUsed())), formatBytes(qint64(plan->lowerBound)))
                            : tr("   planning failed"));
}

void MainWindow::addRecent(const QString &path)
{
    QSettings s;
    QStringList r = s.value(keys::kRecentFiles).toStringList();
    r.removeAll(path);
    r.prepend(path);
    while (r.size() > keys::kMaxRecentFiles) r.removeLast();
    s.setValue(keys::kRecentFiles, r);
}

void MainWindow::fillRecentMenu()
{
    recentMenu_->clear();
    const QStringList r = QSettings().value(keys::kRecentFiles).toStringList();
    for (const QString &p : r)
        recentMenu_->addAction(QFileInfo(p).fileName(), this, [this, p] { openModel(p); })->setToolTip(p);
    if (r.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
}

bool MainWindow::readyToRun(const QString &what)
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to %1; open a model first").arg(what)});
        return false;
    }
    if (boardJob_->isRunning()) {
        session_->report({StudioMessage::Level::Error, tr("a board job is running; wait for it or press Cancel")});
        return false;
    }
    if (currentBoard().isEmpty()) {
        session_->report({StudioMessage::Level::Error, tr("no board selected; choose one in the toolbar")});
        return false;
    }
    return true;
}

bool MainWindow::profileOnBoard()
{
    if (!readyToRun(tr("profile"))) return false;
    const QList<OptionError> errs = session_->options().validateAgainst(*session_->graph());
    if (!errs.isEmpty()) {
        for (const OptionError &e : errs) session_->report({StudioMessage::Level::Error, e.message});
        return false;
    }
    QString error;
    if (!boardJob_->startProfile(session_->modelPath(), currentBoard(), session_->options(), &error)) {
        session_->report({StudioMessage::Level::Error, error});
        messagesDock_->show();
        return false;
    }
    profiledOptions_ = session_->options();
    profiledModel_ = session_->modelPath();
    boardJobTarget_ = boardCombo_->currentText();
    session_->info(tr("profiling on %1: %2").arg(boardJobTarget_, ToolRunner::commandLine("emberc",
        QStringList{"profile", QFileInfo(session_->modelPath()).fileName(), "--board", currentBoard()} + session_->options().toArgs())));
    profileView_->setRunning(tr("starting"));
    updateActions();
    return true;
}

bool MainWindow::flashBoard()
{
    if (!readyToRun(tr("flash"))) return false;
    auto build = session_->build();
    if (!build) {
        session_->report({StudioMessage::Level::Error, tr("nothing to flash; compile the model first (Ctrl+B)")});
        return false;
    }
    QString error;
    if (!boardJob_->startFlash(*build, currentBoard(), &error)) {
        session_->report({StudioMessage::Level::Error, error});
        messagesDock_->show();
        return false;
    }
    boardJobTarget_ = boardCombo_->currentText();
    session_->info(tr("flashing %1 to %2").arg(QString::fromStdString(build->name), boardJobTarget_));
    updateActions();
    return true;
}

void MainWindow::cancelBoardJob()
{
    boardJob_->cancel();
    stage_->setText(tr("cancelling…"));
}

void MainWindow::onProfiled(const ProfileRecord &record)
{
    if (profiledModel_ != session_->modelPath()) {
        session_->info(tr("a profile run of %1 ended after another model was opened; it was not recorded")
                           .arg(QFileInfo(profiledModel_).fileName()));
        return;
    }
    ProfileRecord r = record;
    r.projectId = projectId_;
    r.options = profiledOptions_;
    r.time = QDateTime::currentDateTimeUtc();
    if (projectId_ >= 0 && store_->isOpen()) {
        if (!store_->recordProfile(r)) session_->report({StudioMessage::Level::Error, store_->lastError()});
        history_->refresh();
    }
    session_->setProfile(r);
    QString check = r.outputCheck == QLatin1String("bit-exact") ? tr("outputs bit-exact with the host")
                    : r.outputCheck == QLatin1String("mismatch") ? tr("outputs DIFFER from the host: %1").arg(r.mismatch)
                                                                 : tr("outputs not compared");
    session_->report({r.outputCheck == QLatin1String("mismatch") ? StudioMessage::Level::Error : StudioMessage::Level::Info,
                      tr("profiled on %1: %2 %3 (%4 ms at %5 MHz), %6")
                          .arg(r.boardName, groupDigits(r.total), r.unit, QString::number(r.millisAtClock(), 'f', 2))
                          .arg(double(r.clockHz) / 1e6).arg(check),
                      {}, -1, {}, {}, boardJob_->log()});
    showTab(Tab::Profile);
}

void MainWindow::onBoardFailed(const QString &message, const QString &kind, const QString &log)
{
    const bool flash = boardJob_->kind() == BoardJob::Kind::Flash;
    if (kind == QLatin1String("cancelled")) {
        session_->info(flash ? tr("flash cancelled") : tr("profile run cancelled"));
        return;
    }
    // The classified kind ("no-probe", "verify-mismatch", …) leads, so the
    // cause is readable at a glance; the raw tool log expands below.
    const QString what = flash ? tr("flashing %1 failed").arg(boardJobTarget_) : tr("profiling on %1 failed").arg(boardJobTarget_);
    const QString text = kind.isEmpty() || kind == QLatin1String("error") ? QStringLiteral("%1: %2").arg(what, message)
                                                                          : QStringLiteral("%1 [%2]: %3").arg(what, kind, message);
    session_->report({StudioMessage::Level::Error, text, {}, -1, {}, {}, log});
    messagesDock_->show();
}

}  // namespace ember::studio
