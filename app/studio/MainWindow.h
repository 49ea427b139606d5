// The studio's main window: composes the views and the controllers around
// the Session. Tabs: Graph, Memory, Code, Profile, History. Docks: Model
// (summary + properties), Options, Messages. The controllers own their
// actions and long work: ProjectController (open, save, project database),
// BuildController (compile, export, host check), BoardController (board
// selector, Profile, Flash); the window places their actions in menus and
// the toolbar and shows their progress. The UI never blocks.
#pragma once

#include <QMainWindow>
#include <memory>

#include "BoardController.h"
#include "BuildController.h"
#include "ProjectController.h"
#include "Session.h"

class QTabWidget;
class QProgressBar;
class QLabel;
class QToolButton;
class QDockWidget;
class QMenu;
class QComboBox;
class QStackedWidget;

namespace ember::studio {

class GraphView;
class MemoryPanel;
class CodeView;
class HistoryView;
class OptionsPanel;
class MessagesPane;
class SummaryPanel;
class PropertiesPanel;
class ProfileView;
class ValidationPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `storePath` empty = the database in the user's data dir.
    explicit MainWindow(const QString &storePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Tab { Graph, Memory, Code, Profile, History, Validation, Layers };
    void showTab(Tab t);

    ProjectController *projectController() const { return project_; }
    BuildController *buildController() const { return build_; }
    BoardController *boardController() const { return board_; }
    class IdeController *ideController() const { return ide_; }

    // Shortcuts to the controllers (main.cpp and the tests drive these).
    bool openModel(const QString &path) { return project_->openModel(path); }
    bool openExample(const QString &name = QStringLiteral("ember_demo")) { return project_->openExample(name); }
    bool saveProject() { return project_->saveProject(); }
    ProjectStore *store() const { return project_->store(); }
    qint64 projectId() const { return project_->projectId(); }
    bool compile() { return build_->compile(); }
    void cancelCompile() { build_->cancel(); }
    bool isCompiling() const { return build_->isCompiling(); }
    void waitForCompile() { build_->waitForFinished(); }
    void checkWithHostCompiler() { build_->checkWithHostCompiler(); }
    bool profileOnBoard() { return board_->profile(); }
    bool flashBoard() { return board_->flash(); }
    void cancelBoardJob();
    bool isBoardBusy() const { return board_->isBusy(); }
    BoardJob *boardJob() const { return board_->job(); }
    bool selectBoard(const QString &id) { return board_->selectBoard(id); }
    QString currentBoard() const { return board_->currentBoard(); }
    QComboBox *boardSelector() const { return board_->selector(); }

    Session *session() const { return session_; }
    GraphView *graphView() const { return graph_; }
    MemoryPanel *memoryPanel() const { return memory_; }
    CodeView *codeView() const { return code_; }
    HistoryView *historyView() const { return history_; }
    ProfileView *profileView() const { return profileView_; }
    OptionsPanel *optionsPanel() const { return options_; }
    MessagesPane *messages() const { return messages_; }
    ValidationPanel *validationPanel() const { return validation_; }
    class WelcomePage *welcomePage() const { return welcome_; }
    class LayerReportView *layerReport() const { return layers_; }
    // The welcome page shows (no model open).
    bool isWelcomeShown() const;
    // Run on Board Layer by Layer (issue 11) and its result dock.
    class BisectController *bisectController() const { return bisect_; }
    class BisectPanel *bisectPanel() const { return bisectPanel_; }

protected:
    void changeEvent(QEvent *e) override;
    void closeEvent(QCloseEvent *e) override;
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void connectControllers();
    void retranslate();
    void updateActions();
    void updateTitle();
    void updateStatus();
    void showProgress(int value, int max, const QString &stage);
    void showSettings();
    void applyLanguage(const QString &code);

    Session *session_;
    ProjectController *project_;
    BuildController *build_ = nullptr;
    BoardController *board_ = nullptr;
    class IdeController *ide_ = nullptr;

    QTabWidget *tabs_;
    GraphView *graph_;
    MemoryPanel *memory_;
    CodeView *code_;
    HistoryView *history_;
    ProfileView *profileView_;
    OptionsPanel *options_;
    MessagesPane *messages_;
    SummaryPanel *summary_;
    PropertiesPanel *properties_;
    QDockWidget *modelDock_, *optionsDock_, *messagesDock_;
    ValidationPanel *validation_ = nullptr;
    class WelcomePage *welcome_ = nullptr;
    class LayerReportView *layers_ = nullptr;
    class BisectController *bisect_ = nullptr;
    class BisectPanel *bisectPanel_ = nullptr;
    QDockWidget *bisectDock_ = nullptr;
    QStackedWidget *central_ = nullptr;
    QProgressBar *progress_;
    QLabel *stage_, *modelLabel_, *ramLabel_;
    QToolButton *cancelButton_;
    QMenu *fileMenu_, *buildMenu_, *viewMenu_, *settingsMenu_, *helpMenu_, *languageMenu_;
    QMenu *editMenu_ = nullptr;
    struct Actions;
    std::unique_ptr<Actions> a_;
};

}  // namespace ember::studio
