// The model as a laid-out graph: Graphviz `dot` layout (GraphLayout) drawn in
// a QGraphicsView. Nodes are coloured by op type, edges carry tensor shapes.
// Zoom (wheel, buttons), pan (drag), fit, and search by layer/tensor name.
// After a profile run each layer carries a heat-coloured badge with its count.
#pragma once

#include <QGraphicsView>
#include <QWidget>

#include "GraphLayout.h"

class QLineEdit;
class QToolButton;
class QLabel;
class QMenu;
class QGraphicsScene;

namespace ember::studio {

class Session;
class OpNodeItem;

class GraphCanvas : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    void zoomBy(qreal factor);
    qreal zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent *e) override;
    void drawBackground(QPainter *p, const QRectF &rect) override;
};

class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(Session *session, QWidget *parent = nullptr);

    const GraphLayout &layout() const { return layout_; }
    int opNodeCount() const { return layout_.opNodeCount(); }
    QGraphicsScene *scene() const { return scene_; }
    GraphCanvas *canvas() const { return view_; }

    // Selects the next node whose type, layer or tensor name contains `text`
    // (case-insensitive); false when nothing matches.
    bool find(const QString &text);
    void fitAll();
    // Keyboard zoom (View ▸ Zoom In/Out) and Ctrl+F.
    void zoomIn();
    void zoomOut();
    void focusSearch();
    // Initial view: readable zoom, top of the graph.
    void resetView();
    // Profile overlay: nodes carrying a per-layer count badge, and one badge's text.
    int profileBadgeCount() const;
    // A node's context menu (index into the scene's nodes, as layout().nodes);
    // the caller owns it.
    QMenu *contextMenuFor(int index);
    QString profileBadge(int op) const;

    // Layer-by-layer run on a board: a red outline and `note` on op `op`
    // (the first layer whose output differs from the host); -1 clears it.
    void setDivergentLayer(int op, const QString &note = {});
    int divergentLayer() const { return divergent_; }
    QString divergenceFlag(int op) const;

signals:
    void layerActivated(int op);  // double-click: jump to the generated function

protected:
    void changeEvent(QEvent *e) override;

private:
    void rebuild();
    void applyProfile();
    void applyDivergence();
    void syncSelectionFromSession();
    void onSceneSelection();
    void retranslate();

    Session *session_;
    GraphLayout layout_;
    QGraphicsScene *scene_;
    GraphCanvas *view_;
    QLineEdit *search_;
    QToolButton *zoomIn_, *zoomOut_, *fit_, *actual_;
    QLabel *status_;
    QList<OpNodeItem *> items_;
    int searchPos_ = -1;
    bool syncing_ = false;
    int divergent_ = -1;
    QString divergentNote_;
};

}  // namespace ember::studio
