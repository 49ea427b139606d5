// The studio's main window: menus and command wiring around the Session.
// Tabs: Graph, Memory, Code, Profile, History. Docks: Model (summary +
// properties), Options, Messages. A board selector with Profile and Flash in
// the toolbar. Long work runs in CompileJob / BoardJob; the UI never blocks.
#pragma once

#include <QMainWindow>
#include <memory>

#include "BoardJob.h"
#include "CompileJob.h"
#include "ProjectStore.h"
#include "Session.h"

class QTabWidget;
class QProgressBar;
class QLabel;
class QToolButton;
class QDockWidget;
class QMenu;
class QComboBox;

namespace ember::studio {

class GraphView;
class MemoryPanel;
class CodeView;
class HistoryView;
class OptionsPanel;
class MessagesPane;
class SummaryPanel;
class PropertiesPanel;
class ToolRunner;
class ProfileView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `storePath` empty = the database in the user's data dir.
    explicit MainWindow(const QString &storePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Tab { Graph, Memory, Code, Profile, History };
    void showTab(Tab t);

    bool openModel(const QString &path);
    bool openExample(const QString &name = QStringLiteral("ember_demo"));
    // Starts a compile in the worker; false if nothing to compile or the
    // options are invalid (reasons go to Messages).
    bool compile();
    void cancelCompile();
    bool isCompiling() const { return job_->isRunning(); }
    void waitForCompile() { job_->waitForFinished(); }
    // Compiles the last build with the host C compiler (ToolRunner).
    void checkWithHostCompiler();

    // Board work on the board chosen in the toolbar. Both return false (with
    // the reason in Messages) when they cannot start; results and errors
    // arrive later (profile view, history, Messages).
    bool profileOnBoard();
    bool flashBoard();
    void cancelBoardJob();
    bool isBoardBusy() const { return boardJob_->isRunning(); }
    BoardJob *boardJob() const { return boardJob_; }
    // Board selector: select by id (false if unknown), current id.
    bool selectBoard(const QString &id);
    QString currentBoard() const;
    QComboBox *boardSelector() const { return boardCombo_; }

    Session *session() const { return session_; }
    ProjectStore *store() const { return store_.get(); }
    qint64 projectId() const { return projectId_; }
    bool saveProject();

    GraphView *graphView() const { return graph_; }
    MemoryPanel *memoryPanel() const { return memory_; }
    CodeView *codeView() const { return code_; }
    HistoryView *historyView() const { return history_; }
    ProfileView *profileView() const { return profileView_; }
    OptionsPanel *optionsPanel() const { return options_; }
    MessagesPane *messages() const { return messages_; }

protected:
    void changeEvent(QEvent *e) override;
    void closeEvent(QCloseEvent *e) override;
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    void createActions();
    void createDocks();
    void retranslate();
    void updateActions();
    void updateTitle();
    void updateStatus();
    void addRecent(const QString &path);
    void fillRecentMenu();
    void attachProject();
    void onCompiled(const CompileOutcome &out, qint64 ms);
    void onCompileFailed(const ember::Diagnostics &d);
    void recordBuild(const CompileOutcome *ok, const ember::Diagnostics *failed, qint64 ms);
    void exportPackage(bool archive);
    void showSettings();
    void fillBoards();
    void onProfiled(const ProfileRecord &r);
    void onBoardFailed(const QString &message, const QString &kind, const QString &log);
    bool readyToRun(const QString &what);
    void applyLanguage(const QString &code);

    Session *session_;
    std::unique_ptr<ProjectStore> store_;
    CompileJob *job_;
    BoardJob *boardJob_;
    BuildOptions profiledOptions_;
    QString profiledModel_;
    QString boardJobTarget_;  // label of the board the running job uses
    qint64 projectId_ = -1;
    BuildOptions compiledOptions_;

    QTabWidget *tabs_;
    GraphView *graph_;
    MemoryPanel *memory_;
    CodeView *code_;
    HistoryView *history_;
    ProfileView *profileView_;
    QComboBox *boardCombo_;
    QLabel *boardLabel_;
    OptionsPanel *options_;
    MessagesPane *messages_;
    SummaryPanel *summary_;
    PropertiesPanel *properties_;
    QDockWidget *modelDock_, *optionsDock_, *messagesDock_;
    QProgressBar *progress_;
    QLabel *stage_, *modelLabel_, *ramLabel_;
    QToolButton *cancelButton_;
    QMenu *fileMenu_, *recentMenu_, *buildMenu_, *viewMenu_, *settingsMenu_, *helpMenu_, *languageMenu_;
    struct Actions;
    std::unique_ptr<Actions> a_;
    QTimer *saveTimer_;
};

}  // namespace ember::studio
