// "Run on Board Layer by Layer" (emberc bisect in the studio): the action,
// the LayerBisectJob off the UI thread, and where its result goes — the
// first divergent layer outlined and selected in the graph, its tensor
// device-beside-host in the Layer by Layer dock, one line in Messages.
#pragma once

#include <QObject>

#include "LayerBisect.h"

class QAction;
class QDockWidget;
class QWidget;

namespace ember::studio {

class Session;
class BoardController;
class GraphView;
class BisectPanel;
class ValidationPanel;

class BisectController : public QObject {
    Q_OBJECT
public:
    BisectController(Session *session, BoardController *board, GraphView *graph, ValidationPanel *validation,
                     QDockWidget *dock, BisectPanel *panel, QWidget *window);

    // False (reason in Messages) when it cannot start; the result comes later.
    bool run();
    void cancel() { job_->cancel(); }
    bool isBusy() const { return job_->isRunning(); }
    LayerBisectJob *job() const { return job_; }
    QAction *action() const { return action_; }
    // Test only: flip a constant byte of this layer on the device (emberc bisect --corrupt-layer).
    void setCorruptLayer(int layer) { corruptLayer_ = layer; }
    void retranslate();
    void updateActions();

signals:
    void progress(int value, int max, const QString &stage);
    void stateChanged();
    void failed();
    void finished(const ember::studio::LayerBisectResult &r);

private:
    void onFinished(const LayerBisectResult &r);

    Session *session_;
    BoardController *board_;
    GraphView *graph_;
    ValidationPanel *validation_;
    QDockWidget *dock_;
    BisectPanel *panel_;
    LayerBisectJob *job_;
    QAction *action_;
    QString runModel_;
    int corruptLayer_ = -1;
};

}  // namespace ember::studio
