#include "BisectController.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QStyle>
#include <QWidget>

#include "BisectPanel.h"
#include "BoardController.h"
#include "GraphView.h"
#include "Session.h"
#include "ToolRunner.h"
#include "ValidationPanel.h"

namespace ember::studio {

BisectController::BisectController(Session *session, BoardController *board, GraphView *graph,
                                   ValidationPanel *validation, QDockWidget *dock, BisectPanel *panel, QWidget *window)
    : QObject(window), session_(session), board_(board), graph_(graph), validation_(validation), dock_(dock),
      panel_(panel), job_(new LayerBisectJob(this))
{
    action_ = new QAction(window->style()->standardIcon(QStyle::SP_FileDialogDetailedView), QString(), window);
    action_->setObjectName("bisectAction");
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(action_, &QAction::triggered, this, &BisectController::run);
    connect(job_, &LayerBisectJob::progress, this, [this](int pct, const QString &stage) {
        emit progress(pct, 100, stage);
        panel_->setRunning(stage);
    });
    connect(job_, &LayerBisectJob::finished, this, &BisectController::onFinished);
    connect(job_, &LayerBisectJob::failed, this, [this](const QString &message, const QString &kind) {
        if (kind == QLatin1String("cancelled")) {
            session_->info(tr("layer-by-layer run cancelled; QEMU stopped"));
            panel_->setRunning(tr("cancelled"));
            return;
        }
        session_->report({StudioMessage::Level::Error, tr("layer-by-layer run on %1 failed: %2").arg(board_->currentBoard(), message),
                          {}, -1, {}, {}, job_->log()});
        emit failed();
    });
    connect(job_, &LayerBisectJob::ended, this, &BisectController::stateChanged);
    // A new model: the old result no longer describes the graph.
    connect(session_, &Session::modelChanged, this, [this] { graph_->setDivergentLayer(-1); });
}

bool BisectController::run()
{
    if (!session_->hasModel()) {
        session_->report({StudioMessage::Level::Error, tr("nothing to run; open a model first")});
        return false;
    }
    if (job_->isRunning() || board_->isBusy()) {
        session_->report({StudioMessage::Level::Error, tr("a board job is running; wait for it or press Cancel")});
        return false;
    }
    if (board_->currentBoard().isEmpty()) {
        session_->report({StudioMessage::Level::Error, tr("no board selected; choose one in the toolbar")});
        return false;
    }
    // The Validation tab's input when it is one file; else a seeded random input.
    LayerBisectJob::Request r;
    r.modelPath = session_->modelPath();
    r.boardId = board_->currentBoard();
    r.options = session_->options();
    r.corruptLayer = corruptLayer_;
    const QString input = validation_ ? validation_->request().input : QString();
    if (QFileInfo(input).isFile() || input.startsWith(QLatin1String("random:"))) {
        r.input = input;
    } else {
        r.input = QStringLiteral("random:1");
        if (!input.isEmpty())
            session_->info(tr("the Validation tab's input %1 is not one raw file; using a seeded random input").arg(input));
    }
    QString error;
    if (!job_->start(r, &error)) {
        session_->report({StudioMessage::Level::Error, error});
        emit failed();
        return false;
    }
    runModel_ = r.modelPath;
    graph_->setDivergentLayer(-1);
    QStringList args{"bisect", QFileInfo(r.modelPath).fileName(), "--board", r.boardId};
    if (QFileInfo(r.input).isFile()) args << "--input" << QFileInfo(r.input).fileName();
    session_->info(tr("running on %1 layer by layer: %2").arg(board_->currentBoard(), ToolRunner::commandLine("emberc", args + r.options.toArgs())));
    panel_->setRunning(tr("starting"));
    emit stateChanged();
    return true;
}

void BisectController::onFinished(const LayerBisectResult &r)
{
    if (runModel_ != session_->modelPath()) {
        session_->info(tr("a layer-by-layer run of %1 ended after another model was opened; its result was dropped")
                           .arg(QFileInfo(runModel_).fileName()));
        return;
    }
    panel_->setResult(r);
    dock_->show();
    dock_->raise();
    if (r.identical()) {
        graph_->setDivergentLayer(-1);
        session_->info(r.summary());
    } else {
        graph_->setDivergentLayer(r.divergentLayer, tr("≠ first divergent layer (%1 bytes differ)").arg(r.differingBytes));
        session_->selectOp(r.divergentLayer);
        session_->report({StudioMessage::Level::Error, r.summary(), {}, r.divergentLayer, r.layerName, r.tensorName, job_->log()});
    }
    emit finished(r);
}

void BisectController::retranslate()
{
    action_->setText(tr("Run on Board &Layer by Layer"));
    action_->setToolTip(tr("Build the firmware with the RPC server, run every layer on the selected board and compare "
                           "it with the host reference; the first layer that differs is highlighted (Ctrl+Shift+R)"));
    dock_->setWindowTitle(tr("Layer by Layer"));
}

void BisectController::updateActions()
{
    action_->setEnabled(session_->hasModel() && session_->compileBlocker().isEmpty() && !board_->currentBoard().isEmpty() &&
                        !job_->isRunning() && !board_->isBusy());
}

}  // namespace ember::studio
