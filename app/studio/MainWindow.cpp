#include "MainWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLineEdit>
#include <QTreeWidget>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

#include "CodeView.h"
#include "GraphView.h"
#include "HistoryView.h"
#include "IdeController.h"
#include "MemoryView.h"
#include "MessagesPane.h"
#include "OperatorsDialog.h"
#include "OptionsPanel.h"
#include "ProfileView.h"
#include "SettingsDialog.h"
#include "SettingsKeys.h"
#include "SummaryPanel.h"
#include "Translations.h"
#include "ember/Version.h"
#include "LayerReportView.h"
#include "BisectController.h"
#include "BisectPanel.h"
#include "ValidationPanel.h"
#include "WelcomePage.h"

namespace ember::studio {

// The window's own actions; the controllers own theirs.
struct MainWindow::Actions {
    QAction *quit, *cancel;
    QAction *tabGraph, *tabMemory, *tabCode, *tabProfile, *tabHistory, *fit;
    QAction *settings, *about, *operators;
    QAction *find = nullptr, *copy = nullptr, *zoomIn = nullptr, *zoomOut = nullptr;
    QList<QAction *> languages;
};

MainWindow::MainWindow(const QString &storePath, QWidget *parent)
    : QMainWindow(parent), session_(new Session(this)), project_(new ProjectController(session_, storePath, this)),
      a_(std::make_unique<Actions>())
{
    setAcceptDrops(true);
    setDocumentMode(true);
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    graph_ = new GraphView(session_);
    memory_ = new MemoryPanel(session_);
    code_ = new CodeView(session_);
    history_ = new HistoryView(project_->store());
    profileView_ = new ProfileView(session_);
    tabs_->addTab(graph_, QString());
    tabs_->addTab(memory_, QString());
    tabs_->addTab(code_, QString());
    tabs_->addTab(profileView_, QString());
    tabs_->addTab(history_, QString());
    // Welcome page (issue 12) while no model is open, the tabs after.
    welcome_ = new WelcomePage;
    central_ = new QStackedWidget;
    central_->addWidget(welcome_);
    central_->addWidget(tabs_);
    setCentralWidget(central_);
    createDocks();
    // After the docks: both report to Messages from the start (the board
    // catalogue, the project database).
    build_ = new BuildController(session_, project_, this);
    board_ = new BoardController(session_, project_, profileView_, this);
    createActions();
    createStatusBar();
    project_->checkStore();
    connectControllers();

    connect(session_, &Session::modelChanged, this, [this] {
        updateTitle();
        updateActions();
        central_->setCurrentWidget(session_->hasModel() ? static_cast<QWidget *>(tabs_) : welcome_);
    });
    connect(welcome_, &WelcomePage::openRequested, project_->openAction(), &QAction::trigger);
    connect(welcome_, &WelcomePage::recentRequested, this, [this](const QString &p) { openModel(p); });
    connect(welcome_, &WelcomePage::exampleRequested, this, [this](const QString &n) { openExample(n); });
    connect(session_, &Session::planChanged, this, &MainWindow::updateStatus);
    // History ▸ Restore Options: the build's options back into the panel.
    connect(history_, &HistoryView::restoreOptions, this, [this](const BuildOptions &o) {
        session_->setOptions(o);
        session_->info(tr("options restored from the history; compile (Ctrl+B) to build them"));
    });
    connect(history_, &HistoryView::profileActivated, this, [this](const ProfileRecord &p) {
        session_->setProfile(p);
        showTab(Tab::Profile);
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

    // Validation tab (issue 12): runs on a build of the current options.
    validation_ = new ValidationPanel(session_);
    tabs_->addTab(validation_, QString());
    connect(validation_, &ValidationPanel::runRequested, this, [this] {
        build_->withCurrentBuild(tr("validate"), [this] { validation_->start(); });
    });
    // Layers tab (issue 12): the per-layer report before running.
    layers_ = new LayerReportView(session_);
    tabs_->addTab(layers_, QString());
    // Run on Board Layer by Layer (issue 11): its result in a dock beside Messages.
    bisectPanel_ = new BisectPanel;
    bisectDock_ = new QDockWidget(this);
    bisectDock_->setObjectName("bisectDock");
    bisectDock_->setWidget(bisectPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, bisectDock_);
    splitDockWidget(messagesDock_, bisectDock_, Qt::Horizontal);
    bisectDock_->hide();
    bisect_ = new BisectController(session_, board_, graph_, validation_, bisectDock_, bisectPanel_, this);
    buildMenu_->addAction(bisect_->action());
    viewMenu_->addAction(bisectDock_->toggleViewAction());
    if (auto *tb = findChild<QToolBar *>(QStringLiteral("mainToolBar"))) tb->addAction(bisect_->action());
    connect(bisect_, &BisectController::progress, this, &MainWindow::showProgress);
    connect(bisect_, &BisectController::failed, messagesDock_, &QWidget::show);
    connect(bisect_, &BisectController::stateChanged, this, &MainWindow::updateActions);
    connect(bisect_, &BisectController::finished, this, [this](const LayerBisectResult &r) {
        if (!r.identical()) {
            showTab(Tab::Graph);
            resizeDocks({bisectDock_}, {260}, Qt::Vertical);
        }
    });

    retranslate();
    updateActions();
    updateTitle();
    updateStatus();
    QSettings s;
    if (!restoreGeometry(s.value(keys::kGeometry).toByteArray())) {
        // First launch: 1500×940 or 90 % of a smaller screen (1280×720, 1366×768).
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1500, 940);
        resize(qMin(1500, avail.width() * 9 / 10), qMin(940, avail.height() * 9 / 10));
    }
    restoreState(s.value(keys::kWindowState).toByteArray());
}

MainWindow::~MainWindow() { project_->saveIfPending(); }

void MainWindow::connectControllers()
{
    connect(project_, &ProjectController::aboutToOpenModel, this, [this] {
        if (build_->isCompiling()) build_->cancel();
        if (board_->isBusy() || (bisect_ && bisect_->isBusy())) cancelBoardJob();
    });
    connect(project_, &ProjectController::openFailed, messagesDock_, &QWidget::show);
    connect(project_, &ProjectController::projectChanged, history_, &HistoryView::setProject);
    connect(project_, &ProjectController::historyChanged, history_, &HistoryView::refresh);
    connect(project_, &ProjectController::storeChanged, this, &MainWindow::updateActions);

    connect(build_, &BuildController::progress, this, &MainWindow::showProgress);
    connect(build_, &BuildController::failed, messagesDock_, &QWidget::show);
    connect(build_, &BuildController::stateChanged, this, [this] {
        updateActions();
        updateStatus();
    });

    connect(board_, &BoardController::progress, this, &MainWindow::showProgress);
    connect(board_, &BoardController::failed, messagesDock_, &QWidget::show);
    connect(board_, &BoardController::stateChanged, this, &MainWindow::updateActions);
    connect(board_, &BoardController::profiled, this, [this] { showTab(Tab::Profile); });
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
    modelDock_->setMinimumWidth(180);  // fits 1280×720 (docks shrink, the panels scroll)
    addDockWidget(Qt::LeftDockWidgetArea, modelDock_);

    options_ = new OptionsPanel(session_);
    optionsDock_ = new QDockWidget(this);
    optionsDock_->setObjectName("optionsDock");
    optionsDock_->setWidget(options_);
    optionsDock_->setMinimumWidth(230);
    addDockWidget(Qt::RightDockWidgetArea, optionsDock_);

    messages_ = new MessagesPane(session_);
    messagesDock_ = new QDockWidget(this);
    messagesDock_->setObjectName("messagesDock");
    messagesDock_->setWidget(messages_);
    addDockWidget(Qt::BottomDockWidgetArea, messagesDock_);
    resizeDocks({messagesDock_}, {160}, Qt::Vertical);
    resizeDocks({modelDock_, optionsDock_}, {300, 370}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    Actions &a = *a_;
    a.quit = new QAction(QString(), this);
    a.quit->setShortcut(QKeySequence::Quit);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    // Cancel stops whichever job runs: a board job, else the compile.
    a.cancel = new QAction(style()->standardIcon(QStyle::SP_BrowserStop), QString(), this);
    a.cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(a.cancel, &QAction::triggered, this, [this] {
        if (board_->isBusy() || (bisect_ && bisect_->isBusy())) cancelBoardJob();
        else build_->cancel();
    });

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
                           tr("<b>Ember Studio</b><br>Compiles TFLite models to dependency-free C for microcontrollers.")
                               + QStringLiteral("<br><br>") + tr("Version %1 (commit %2)").arg(EMBER_VERSION, EMBER_GIT_COMMIT));
    });
    a.operators = new QAction(QString(), this);
    connect(a.operators, &QAction::triggered, this, [this] {
        auto *d = new OperatorsDialog(this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addActions({project_->openAction(), project_->openExampleAction()});
    fileMenu_->addMenu(project_->recentMenu());
    fileMenu_->addSeparator();
    fileMenu_->addActions({project_->saveAction(), build_->exportFolderAction(), build_->exportArchiveAction()});
    // The exported folder in the user's IDE and file manager (IdeController).
    ide_ = new IdeController(session_, board_, this);
    connect(build_, &BuildController::exported, ide_, &IdeController::setFolder);
    fileMenu_->addAction(ide_->exportFirmwareAction());
    fileMenu_->addMenu(ide_->openInIdeMenu());
    fileMenu_->addAction(ide_->revealAction());
    fileMenu_->addSeparator();
    fileMenu_->addAction(a.quit);
    buildMenu_ = menuBar()->addMenu(QString());
    buildMenu_->addActions({build_->compileAction(), a.cancel});
    buildMenu_->addSeparator();
    buildMenu_->addAction(build_->checkHostAction());
    buildMenu_->addSeparator();
    buildMenu_->addActions({board_->profileAction(), board_->flashAction()});
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
    // Edit menu (issue 12): Find focuses the current view's search, Copy
    // copies the selection (a message row, or the selected layer's name).
    editMenu_ = menuBar()->addMenu(QString());
    menuBar()->insertMenu(buildMenu_->menuAction(), editMenu_);
    a.find = editMenu_->addAction(QString(), this, [this] {
        if (tabs_->currentIndex() == int(Tab::Code)) {
            if (auto *f = code_->findChild<QLineEdit *>(QStringLiteral("codeFind"))) {
                f->setFocus(Qt::ShortcutFocusReason);
                f->selectAll();
            }
        } else {
            showTab(Tab::Graph);
            graph_->focusSearch();
        }
    });
    a.find->setShortcut(QKeySequence::Find);
    a.copy = editMenu_->addAction(QString(), this, [this] {
        QString text;
        if (QTreeWidget *t = qobject_cast<QTreeWidget *>(QApplication::focusWidget()); t && t->currentItem()) {
            QStringList cells;
            for (int c = 0; c < t->columnCount(); ++c) cells << t->currentItem()->text(c);
            text = cells.join('\t');
        } else if (session_->hasModel() && session_->selectedOp() >= 0) {
            text = QString::fromStdString(session_->graph()->layerName(session_->graph()->ops[size_t(session_->selectedOp())]));
        }
        if (!text.isEmpty()) QApplication::clipboard()->setText(text);
    });
    a.copy->setShortcut(QKeySequence::Copy);
    a.copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // text fields keep their own Ctrl+C
    addAction(a.copy);
    a.zoomIn = new QAction(QString(), this);
    a.zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(a.zoomIn, &QAction::triggered, graph_, &GraphView::zoomIn);
    a.zoomOut = new QAction(QString(), this);
    a.zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(a.zoomOut, &QAction::triggered, graph_, &GraphView::zoomOut);
    viewMenu_->addActions({a.zoomIn, a.zoomOut});
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(a.operators);
    helpMenu_->addAction(a.about);

    auto *tb = addToolBar(QString());
    tb->setObjectName("mainToolBar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(16, 16));
    tb->addActions({project_->openAction(), project_->saveAction()});
    tb->addSeparator();
    tb->addActions({build_->compileAction(), a.cancel});
    tb->addSeparator();
    tb->addAction(build_->exportFolderAction());
    tb->addSeparator();
    board_->addToToolBar(tb);
}

void MainWindow::createStatusBar()
{
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
    // Status texts elide rather than set the window's minimum width.
    for (QLabel *l : {modelLabel_, ramLabel_, stage_}) l->setMinimumWidth(40);
    statusBar()->addWidget(modelLabel_);
    statusBar()->addWidget(ramLabel_);
    statusBar()->addPermanentWidget(stage_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelButton_);
}

void MainWindow::retranslate()
{
    Actions &a = *a_;
    project_->retranslate();
    build_->retranslate();
    board_->retranslate();
    ide_->retranslate();
    a.quit->setText(tr("&Quit"));
    a.cancel->setText(tr("Cancel"));
    a.tabGraph->setText(tr("&Graph"));
    a.tabMemory->setText(tr("&Memory"));
    a.tabCode->setText(tr("&Code"));
    a.tabProfile->setText(tr("&Profile"));
    a.tabHistory->setText(tr("&History"));
    a.fit->setText(tr("&Fit Graph"));
    a.settings->setText(tr("&Settings…"));
    a.about->setText(tr("&About Ember Studio"));
    a.operators->setText(tr("Supported &Operators…"));
    fileMenu_->setTitle(tr("&File"));
    buildMenu_->setTitle(tr("&Build"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    editMenu_->setTitle(tr("&Edit"));
    a.find->setText(tr("&Find…"));
    a.copy->setText(tr("&Copy"));
    a.zoomIn->setText(tr("Zoom &In"));
    a.zoomOut->setText(tr("Zoom &Out"));
    tabs_->setTabText(0, tr("Graph"));
    tabs_->setTabText(1, tr("Memory"));
    tabs_->setTabText(2, tr("Code"));
    tabs_->setTabText(3, tr("Profile"));
    tabs_->setTabText(4, tr("History"));
    if (validation_) tabs_->setTabText(int(Tab::Validation), tr("Validation"));
    if (layers_) tabs_->setTabText(int(Tab::Layers), tr("Layers"));
    modelDock_->setWindowTitle(tr("Model"));
    optionsDock_->setWindowTitle(tr("Options"));
    messagesDock_->setWindowTitle(tr("Messages"));
    if (bisect_) bisect_->retranslate();
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
    project_->saveIfPending();
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

bool MainWindow::isWelcomeShown() const { return central_->currentWidget() == welcome_; }

void MainWindow::showTab(Tab t)
{
    if (session_->hasModel()) central_->setCurrentWidget(tabs_);
    tabs_->setCurrentIndex(int(t));
}

void MainWindow::cancelBoardJob()
{
    board_->cancel();
    if (bisect_) bisect_->cancel();
    stage_->setText(tr("cancelling…"));
}

void MainWindow::showProgress(int value, int max, const QString &stage)
{
    progress_->setRange(0, max);
    progress_->setValue(value);
    stage_->setText(stage);
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
    const bool running = build_->isCompiling() || board_->isBusy() || (bisect_ && bisect_->isBusy());
    project_->updateActions();
    if (bisect_) bisect_->updateActions();
    build_->updateActions();
    board_->updateActions();
    ide_->updateActions();
    a_->cancel->setEnabled(running);
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

}  // namespace ember::studio
