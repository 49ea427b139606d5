// The memory plan, painted: one lane per pool, x = execution step, y = byte
// offset; each buffer a rectangle over its lifetime, coloured by the layer
// that produces it. Dashed lines mark each pool's peak and the lower bound.
//
// Pinning (drag a buffer to another lane, or the context menu) goes through
// Session::pinTensor, which re-plans with the core's planner at once — the
// view only draws the MemoryPlan value it is given.
#pragma once

#include <QWidget>

namespace ember {
struct MemoryPlan;
}

class QComboBox;
class QLabel;
class QToolButton;

namespace ember::studio {

class Session;

class MemoryView : public QWidget {
    Q_OBJECT
public:
    explicit MemoryView(Session *session, QWidget *parent = nullptr);

    struct BufferRect {
        int buffer = -1;  // index into MemoryPlan::buffers
        int pool = 0;
        QRectF rect;
    };
    // The rectangles paintEvent draws, for the current size.
    QList<BufferRect> bufferRects() const;
    QRectF laneRect(int pool) const;    // plot area of a pool's lane
    int poolAt(const QPointF &p) const;  // lane under a point, -1 if none
    int bufferAt(const QPointF &p) const;

    // Intents (also used by drag-and-drop and the context menu).
    void pinBuffer(int buffer, const QString &pool);
    QString tooltipFor(int buffer) const;
    // Each buffer's label: its producing op's index and the shortest unique
    // suffix of its tensor name ("#12 block3/conv/Relu"; "in …" for inputs).
    QStringList bufferLabels() const;

    // The plan drawn: the session's, or when planning failed because a pool
    // is too small, the unbounded plan with the overflow marked.
    const ember::MemoryPlan *shownPlan() const;

    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;
    QString svg() const;

    QSize sizeHint() const override { return {900, 520}; }
    QSize minimumSizeHint() const override { return {400, 200}; }

protected:
    void paintEvent(QPaintEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void contextMenuEvent(QContextMenuEvent *e) override;
    void leaveEvent(QEvent *e) override;
    bool event(QEvent *e) override;

private:
    struct Lane {
        QRectF header, plot;
        qint64 yMax = 1;
    };
    QList<Lane> lanes() const;
    qreal xOf(const QRectF &plot, double step) const;
    void paintLane(QPainter &p, int pool, const Lane &lane) const;

    Session *session_;
    int hover_ = -1;
    int dragBuffer_ = -1;
    QPointF dragStart_, dragPos_;
    bool dragging_ = false;
};

// The Memory tab: planner selector, totals, export, and the view.
class MemoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit MemoryPanel(Session *session, QWidget *parent = nullptr);
    MemoryView *view() const { return view_; }
    QString totalsText() const;

protected:
    void changeEvent(QEvent *e) override;

private:
    void refresh();
    void retranslate();
    void exportPicture();

    Session *session_;
    MemoryView *view_;
    QComboBox *planner_;
    QLabel *plannerLabel_, *totals_;
    QToolButton *export_;
};

}  // namespace ember::studio
