// The studio's document: the open model, its summary, the options being
// edited, the current memory plan and the last two builds. Views observe it
// through signals and call its intents; no widget owns model data.
#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "BoardJob.h"
#include "BuildOptions.h"
#include "ProjectStore.h"
#include "core/Compiler.h"

namespace ember::studio {

// One line of the Messages pane, with what it concerns so a click can
// select it in the graph.
struct StudioMessage {
    enum class Level { Error, Warning, Info };
    Level level = Level::Info;
    QString text;
    QString file;
    int opIndex = -1;
    QString opName;
    QString tensor;
    QString details;  // raw tool output (shown on demand under the message)
};

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    // Imports `path` (import + passes). On failure the previous model stays
    // open and the diagnostics go to the Messages pane.
    bool openModel(const QString &path);
    // Writes one of the core's example models to the data dir and opens it.
    bool openExample(const QString &name);
    // Forgets the model (used when a project is closed).
    void closeModel();

    bool hasModel() const { return bool(graph_); }
    const ember::Graph *graph() const { return graph_.get(); }
    std::shared_ptr<const ember::Graph> sharedGraph() const { return graph_; }
    const ember::ModelSummary &summary() const { return summary_; }
    QString modelPath() const { return modelPath_; }
    QString modelHash() const { return modelHash_; }
    // Why the open model cannot be compiled ("" = it can): a model with
    // unsupported operators opens for viewing only.
    QString compileBlocker() const;

    const BuildOptions &options() const { return options_; }
    void setOptions(const BuildOptions &o);
    // Pins an activation tensor to a pool ("" removes the pin) and re-plans.
    void pinTensor(const QString &tensor, const QString &pool);
    void setPlanner(const QString &planner);

    // The plan for the current options (re-planned on every change, never
    // re-compiled); null when planning failed (see planDiagnostics()).
    const ember::MemoryPlan *plan() const { return plan_ ? &*plan_ : nullptr; }
    const ember::Diagnostics &planDiagnostics() const { return planDiags_; }
    // When planning failed only because a pool is too small: the plan with
    // unbounded pools, their capacities kept in `pools[i].size`, so the
    // memory view can draw what overflows. Null otherwise.
    const ember::MemoryPlan *overflowPlan() const { return overflow_ ? &*overflow_ : nullptr; }

    // The last successful build and the one before it (for "what changed").
    std::shared_ptr<const ember::Artifacts> build() const { return build_; }
    std::shared_ptr<const ember::Artifacts> previousBuild() const { return previous_; }
    // `options`: what the build was compiled with (buildIsCurrent compares it).
    void setBuild(std::shared_ptr<const ember::Artifacts> a, const BuildOptions &options);
    // True when there is a build and it was made from the options shown now;
    // export and the host check must never use a stale build.
    bool buildIsCurrent() const { return build_ && builtOptions_ == options_; }
    const BuildOptions &builtOptions() const { return builtOptions_; }

    // The last profile run of this model on a board (null: none yet). The
    // profile view and the graph's per-layer overlay show it.
    const ProfileRecord *profile() const { return profile_ ? &*profile_ : nullptr; }
    void setProfile(const ProfileRecord &p);
    void clearProfile();
    // Flash bytes measured by the last profile when it ran the options of the
    // current build; 0 when unknown.
    qint64 knownFlashBytes() const;

    // The board chosen in the toolbar (capacity bars); null: none.
    const BoardChoice *board() const { return board_ ? &*board_ : nullptr; }
    void setBoard(const std::optional<BoardChoice> &b);

    // Selection shared by graph, properties, memory and messages.
    int selectedOp() const { return selectedOp_; }
    int selectedTensor() const { return selectedTensor_; }
    void selectOp(int opIndex);
    void selectTensor(int tensorIndex);
    int findTensor(const QString &name) const;
    int findOpByIndex(int modelOpIndex) const;  // op.index → position in graph.ops

    void report(const StudioMessage &m);
    void reportDiagnostics(const ember::Diagnostics &d);
    void info(const QString &text);

    static QString sha256Of(const QString &path);

signals:
    void modelChanged();
    void optionsChanged();
    void planChanged();
    void buildChanged();
    void profileChanged();
    void boardChanged();
    void selectionChanged();
    void message(const ember::studio::StudioMessage &m);

private:
    void replan();
    void reportPlanFailure();

    std::shared_ptr<const ember::Graph> graph_;
    ember::ModelSummary summary_;
    QString modelPath_, modelHash_;
    BuildOptions options_;
    std::optional<ember::MemoryPlan> plan_;
    ember::Diagnostics planDiags_;
    std::shared_ptr<const ember::Artifacts> build_, previous_;
    BuildOptions builtOptions_;
    std::optional<ember::MemoryPlan> overflow_;
    QString lastPlanError_;  // reported once, not on every re-plan
    std::optional<ProfileRecord> profile_;
    std::optional<BoardChoice> board_;
    int selectedOp_ = -1, selectedTensor_ = -1;
};

}  // namespace ember::studio
