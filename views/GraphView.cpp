#include "GraphView.h"

#include <QClipboard>
#include <QEvent>
#include <QGraphicsSceneContextMenuEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "OpStyle.h"
#include "Session.h"
#include "core/plan/Planner.h"
#include "SummaryPanel.h"

namespace ember::studio {

// One operator (or graph input/output) box.
class OpNodeItem : public QGraphicsItem {
public:
    OpNodeItem(const LayoutNode &n, int index, QColor fill, const QFont &title, const QFont &text)
        : node_(n), index_(index), fill_(fill), title_(title), text_(text)
    {
        setPos(n.rect.topLeft());
        setFlag(ItemIsSelectable);
        setAcceptHoverEvents(true);
        setToolTip(n.title + QLatin1Char('\n') + n.subtitle);
        setZValue(2);
    }
    QRectF boundingRect() const override
    {
        const QRectF box(QPointF(-3, -3), node_.rect.size() + QSizeF(6, 6));
        QRectF r = badge_.isEmpty() ? box : box.united(badgeRect().adjusted(-2, -2, 2, 2));
        if (!flag_.isEmpty()) r = r.united(flagRect().adjusted(-4, -4, 4, 4));
        return r;
    }
    // Layer-by-layer run: the first divergent layer gets a red outline and a
    // note right of the node ("" removes it).
    void setNote(const QString &text, const QFont &font)
    {
        prepareGeometryChange();
        flag_ = text;
        flagFont_ = font;
        update();
    }
    QString note() const { return flag_; }
    const LayoutNode &node() const { return node_; }
    // Profile overlay: a heat-coloured pill left of the node ("" removes it).
    void setBadge(const QString &text, const QColor &heat, const QFont &font)
    {
        prepareGeometryChange();
        badge_ = text;
        heat_ = heat;
        badgeFont_ = font;
        update();
    }
    QString badge() const { return badge_; }
    int index() const { return index_; }
    std::function<void(int)> onDoubleClick;
    std::function<void(int, const QPoint &)> onContextMenu;  // item index, screen position
    static constexpr qreal kBoxesOnlyBelow = 0.45;

    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF r(QPointF(0, 0), node_.rect.size());
        const bool io = node_.kind != LayoutNode::Kind::Op;
        QColor border = io ? QColor(0x60, 0x6a, 0x75) : fill_.darker(140);
        if (isSelected()) border = QColor(0xff, 0x8f, 0x00);
        // Level of detail: zoomed far out (a large graph fitted into the view)
        // text would be unreadable specks; the coloured boxes alone show the
        // structure, and the selection stays visible with a thick outline.
        const qreal lod = option ? option->levelOfDetailFromTransform(p->worldTransform()) : 1.0;
        if (lod < kBoxesOnlyBelow) {
            p->setPen(QPen(border, isSelected() ? 4 / lod : 1));
            p->setBrush(io ? QColor(0xd5, 0xdb, 0xe1) : fill_);
            p->drawRect(r);
            if (!badge_.isEmpty()) paintBadge(p);
            return;
        }
        p->setPen(QPen(border, isSelected() ? 3 : (hover_ ? 2 : 1.2)));
        if (io) {
            p->setBrush(QColor(0xf4, 0xf6, 0xf8));
            p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        } else {
            p->setBrush(fill_.lighter(hover_ ? 112 : 100));
            p->drawRoundedRect(r, 6, 6);
            // A darker band on the left marks the op family even when zoomed out.
            p->setPen(Qt::NoPen);
            p->setBrush(fill_.darker(125));
            p->drawRoundedRect(QRectF(r.left() + 1, r.top() + 1, 6, r.height() - 2), 3, 3);
        }
        const QColor ink = io ? QColor(0x25, 0x2b, 0x33) : QColor(Qt::white);
        p->setPen(ink);
        p->setFont(title_);
        const QFontMetricsF fm(title_);
        p->drawText(QRectF(8, 6, r.width() - 12, fm.height()), Qt::AlignHCenter | Qt::AlignVCenter, node_.title);
        p->setFont(text_);
        p->setPen(io ? QColor(0x55, 0x5f, 0x6a) : QColor(255, 255, 255, 225));
        p->drawText(QRectF(8, 6 + fm.height(), r.width() - 12, r.height() - fm.height() - 10),
                    Qt::AlignHCenter | Qt::AlignVCenter, node_.subtitle);
        if (!badge_.isEmpty()) paintBadge(p);
        if (!flag_.isEmpty()) paintFlag(p, r);
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override { hover_ = true; update(); }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override { hover_ = false; update(); }
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *) override
    {
        if (onDoubleClick && node_.kind == LayoutNode::Kind::Op) onDoubleClick(node_.op);
    }
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *e) override
    {
        if (!onContextMenu) return;
        scene()->clearSelection();
        setSelected(true);
        onContextMenu(index_, e->screenPos());
        e->accept();
    }

private:
    QRectF badgeRect() const
    {
        const QFontMetricsF fm(badgeFont_);
        const qreal w = fm.horizontalAdvance(badge_) + 14, h = fm.height() + 6;
        return QRectF(-w - 10, (node_.rect.height() - h) / 2, w, h);
    }
    void paintBadge(QPainter *p) const
    {
        const QRectF b = badgeRect();
        p->setPen(QPen(heat_.darker(135), 1));
        p->setBrush(heat_);
        p->drawRoundedRect(b, b.height() / 2, b.height() / 2);
        // A short tick ties the pill to its node.
        p->drawLine(QPointF(b.right(), b.center().y()), QPointF(0, b.center().y()));
        p->setPen(heat_.lightness() > 150 ? QColor(0x25, 0x2b, 0x33) : QColor(Qt::white));
        p->setFont(badgeFont_);
        p->drawText(b, Qt::AlignCenter, badge_);
    }

    QRectF flagRect() const
    {
        const QFontMetricsF fm(flagFont_);
        const qreal w = fm.horizontalAdvance(flag_) + 14, h = fm.height() + 6;
        return QRectF(node_.rect.width() + 10, (node_.rect.height() - h) / 2, w, h);
    }
    void paintFlag(QPainter *p, const QRectF &r) const
    {
        const QColor red(0xd3, 0x2f, 0x2f);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(red, 3.5));
        p->drawRoundedRect(r.adjusted(-3, -3, 3, 3), 8, 8);
        const QRectF f = flagRect();
        p->setPen(QPen(red.darker(130), 1));
        p->setBrush(red);
        p->drawLine(QPointF(r.right() + 3, f.center().y()), QPointF(f.left(), f.center().y()));
        p->drawRoundedRect(f, f.height() / 2, f.height() / 2);
        p->setPen(Qt::white);
        p->setFont(flagFont_);
        p->drawText(f, Qt::AlignCenter, flag_);
    }

    LayoutNode node_;
    QString flag_;
    QFont flagFont_;
    QString badge_;
    QColor heat_;
    QFont badgeFont_;
    int index_;
    QColor fill_;
    QFont title_, text_;
    bool hover_ = false;
};

// A tensor-shape label on an edge; hidden when zoomed out as far as the
// boxes-only level of detail (it would be an unreadable smudge there).
class EdgeLabelItem : public QGraphicsSimpleTextItem {
public:
    using QGraphicsSimpleTextItem::QGraphicsSimpleTextItem;
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *w) override
    {
        if (option->levelOfDetailFromTransform(p->worldTransform()) < OpNodeItem::kBoxesOnlyBelow) return;
        QGraphicsSimpleTextItem::paint(p, option, w);
    }
};

GraphCanvas::GraphCanvas(QWidget *parent) : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFrameShape(QFrame::NoFrame);
}

void GraphCanvas::zoomBy(qreal factor)
{
    const qreal z = zoom() * factor;
    if (z < 0.05 || z > 6) return;
    scale(factor, factor);
}

void GraphCanvas::wheelEvent(QWheelEvent *e)
{
    // Wheel zooms (as in most graph viewers); shift+wheel scrolls.
    if (e->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(e);
        return;
    }
    zoomBy(std::pow(1.0015, e->angleDelta().y()));
    e->accept();
}

void GraphCanvas::drawBackground(QPainter *p, const QRectF &rect)
{
    p->fillRect(rect, QColor(0xfb, 0xfc, 0xfd));
    // A faint dot grid gives a sense of scale while panning.
    const qreal step = 24;
    p->setPen(QPen(QColor(0xdd, 0xe2, 0xe8), 1.5));
    for (qreal x = std::floor(rect.left() / step) * step; x < rect.right(); x += step)
        for (qreal y = std::floor(rect.top() / step) * step; y < rect.bottom(); y += step)
            p->drawPoint(QPointF(x, y));
}

GraphView::GraphView(Session *session, QWidget *parent)
    : QWidget(parent), session_(session), scene_(new QGraphicsScene(this)), view_(new GraphCanvas(this))
{
    view_->setScene(scene_);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("graphSearch"));
    search_->setClearButtonEnabled(true);
    search_->setMaximumWidth(280);
    auto mkButton = [this](const QString &text) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setAutoRaise(true);
        return b;
    };
    zoomIn_ = mkButton(QStringLiteral("+"));
    zoomOut_ = mkButton(QStringLiteral("−"));
    fit_ = mkButton(QString());
    actual_ = mkButton(QStringLiteral("1:1"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("graphStatus"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(search_);
    bar->addSpacing(8);
    bar->addWidget(zoomOut_);
    bar->addWidget(zoomIn_);
    bar->addWidget(fit_);
    bar->addWidget(actual_);
    bar->addStretch();
    bar->addWidget(status_);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addLayout(bar);
    lay->addWidget(view_);

    connect(zoomIn_, &QToolButton::clicked, this, [this] { view_->zoomBy(1.25); });
    connect(zoomOut_, &QToolButton::clicked, this, [this] { view_->zoomBy(0.8); });
    connect(fit_, &QToolButton::clicked, this, &GraphView::fitAll);
    connect(actual_, &QToolButton::clicked, this, [this] { view_->resetTransform(); });
    connect(search_, &QLineEdit::returnPressed, this, [this] { find(search_->text()); });
    connect(search_, &QLineEdit::textEdited, this, [this](const QString &t) {
        searchPos_ = -1;
        if (!t.isEmpty()) find(t);
    });
    connect(scene_, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelection);
    connect(session_, &Session::modelChanged, this, &GraphView::rebuild);
    connect(session_, &Session::selectionChanged, this, &GraphView::syncSelectionFromSession);
    connect(session_, &Session::profileChanged, this, &GraphView::applyProfile);
    retranslate();
    rebuild();
}

void GraphView::retranslate()
{
    search_->setPlaceholderText(tr("Find layer, op type or tensor…"));
    zoomIn_->setToolTip(tr("Zoom in"));
    zoomOut_->setToolTip(tr("Zoom out"));
    fit_->setText(tr("Fit"));
    fit_->setToolTip(tr("Fit the whole graph into the view"));
    actual_->setToolTip(tr("Actual size"));
    if (session_->hasModel())
        status_->setText(tr("%1 operators · %2 tensors").arg(session_->graph()->ops.size()).arg(session_->graph()->tensors.size()));
    else
        status_->setText(tr("no model"));
}

void GraphView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void GraphView::rebuild()
{
    scene_->clear();
    items_.clear();
    layout_ = {};
    searchPos_ = -1;
    search_->clear();  // a search belongs to the model it was typed for
    divergent_ = -1;   // so does a layer-by-layer result
    retranslate();
    const ember::Graph *g = session_->graph();
    if (!g) return;
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(10);
    QFont text = font();
    text.setPointSizeF(8.5);
    QFont edge = font();
    edge.setPointSizeF(8);
    layout_ = layoutGraph(*g, title, text, edge);
    if (!layout_.error.isEmpty()) {
        session_->report({StudioMessage::Level::Error, layout_.error});
        return;
    }
    for (const LayoutEdge &e : layout_.edges) {
        const QColor ink(0x7a, 0x86, 0x94);
        auto *path = scene_->addPath(e.path, QPen(ink, 1.4));
        path->setZValue(1);
        // Arrow head from the spline end to the tip Graphviz computed.
        const QLineF l(e.arrowBase, e.arrowTip);
        if (l.length() > 0.1) {
            const QLineF n = l.normalVector().unitVector();
            const QPointF side(n.dx() * 4.5, n.dy() * 4.5);
            QPolygonF head{e.arrowTip, e.arrowBase + side, e.arrowBase - side};
            auto *h = scene_->addPolygon(head, QPen(ink), QBrush(ink));
            h->setZValue(1);
        }
        auto *label = new EdgeLabelItem(e.label);
        label->setFont(edge);
        label->setBrush(QColor(0x4a, 0x55, 0x62));
        // placeEdgeLabels chose a spot clear of nodes and of the other labels.
        label->setPos(e.labelRect.topLeft() + QPointF(2, 0));
        label->setZValue(1);
        scene_->addItem(label);
    }
    for (int i = 0; i < layout_.nodes.size(); ++i) {
        const LayoutNode &n = layout_.nodes[i];
        const ember::Op *op = n.kind == LayoutNode::Kind::Op ? &g->ops[size_t(n.op)] : nullptr;
        const bool unsupported = op && !op->unsupportedReason.empty();
        // Unsupported (browse mode): red, with the reason and the alternatives.
        const QColor fill = !op ? QColor() : unsupported ? QColor(0xc6, 0x28, 0x28) : opColor(op->type);
        auto *item = new OpNodeItem(n, i, fill, title, text);
        if (unsupported) {
            QStringList alts;
            for (const std::string &a : op->alternatives) alts << QString::fromStdString(a);
            item->setToolTip(n.title + QLatin1Char('\n') + n.subtitle + QLatin1Char('\n') +
                             tr("Not supported: %1").arg(QString::fromStdString(op->unsupportedReason)) + QLatin1Char('\n') +
                             (alts.isEmpty() ? tr("No supported alternative known; see Help ▸ Supported Operators.")
                                             : tr("Supported alternatives: %1").arg(alts.join(QStringLiteral(", ")))));
        }
        item->onDoubleClick = [this](int op) { emit layerActivated(op); };
        item->onContextMenu = [this](int index, const QPoint &at) {
            QMenu *menu = contextMenuFor(index);
            menu->exec(at);
            menu->deleteLater();
        };
        scene_->addItem(item);
        items_ << item;
    }
    applyProfile();
    applyDivergence();
    resetView();
}

void GraphView::applyProfile()
{
    const ProfileRecord *p = session_->profile();
    const ember::Graph *g = session_->graph();
    // Layer k is op k only when the run profiled this graph.
    const bool match = p && g && p->layers.size() == qsizetype(g->ops.size());
    qint64 hottest = 1;
    if (match)
        for (const ProfileLayer &l : p->layers) hottest = std::max(hottest, l.count);
    QFont f = font();
    f.setPointSizeF(8);
    f.setBold(true);
    for (OpNodeItem *item : items_) {
        const LayoutNode &n = item->node();
        if (!match || n.kind != LayoutNode::Kind::Op || n.op < 0 || n.op >= p->layers.size()) {
            item->setBadge({}, {}, f);
            continue;
        }
        const ProfileLayer &l = p->layers[n.op];
        const double share = p->total ? 100.0 * double(l.count) / double(p->total) : 0.0;
        item->setBadge(QStringLiteral("%1 · %2%").arg(compactCount(l.count), QString::number(share, 'f', share < 10 ? 1 : 0)),
                       heatColor(double(l.count) / double(hottest)), f);
        item->setToolTip(n.title + QLatin1Char('\n') + n.subtitle + QLatin1Char('\n') +
                         tr("%1 %2 (%3% of the run on %4)").arg(groupDigits(l.count), p->unit,
                                                                QString::number(share, 'f', 1), p->boardName));
    }
    // Badges extend left of the nodes: keep them inside the scene.
    QRectF bounds = layout_.bounds;
    for (OpNodeItem *item : items_) bounds = bounds.united(item->mapRectToScene(item->boundingRect()));
    scene_->setSceneRect(bounds.adjusted(-30, -30, 30, 30));
}

int GraphView::profileBadgeCount() const
{
    int n = 0;
    for (OpNodeItem *item : items_) n += item->badge().isEmpty() ? 0 : 1;
    return n;
}

QString GraphView::profileBadge(int op) const
{
    for (OpNodeItem *item : items_)
        if (item->node().kind == LayoutNode::Kind::Op && item->node().op == op) return item->badge();
    return {};
}

void GraphView::setDivergentLayer(int op, const QString &note)
{
    divergent_ = op;
    divergentNote_ = note;
    applyDivergence();
}

void GraphView::applyDivergence()
{
    QFont f = font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    OpNodeItem *hit = nullptr;
    for (OpNodeItem *item : items_) {
        const bool mark = divergent_ >= 0 && item->node().kind == LayoutNode::Kind::Op && item->node().op == divergent_;
        item->setNote(mark ? divergentNote_ : QString(), f);
        if (mark) hit = item;
    }
    QRectF bounds = scene_->sceneRect();
    for (OpNodeItem *item : items_) bounds = bounds.united(item->mapRectToScene(item->boundingRect()).adjusted(-30, -30, 30, 30));
    scene_->setSceneRect(bounds);
    if (hit) view_->centerOn(hit);
}

QString GraphView::divergenceFlag(int op) const
{
    for (OpNodeItem *item : items_)
        if (item->node().kind == LayoutNode::Kind::Op && item->node().op == op) return item->note();
    return {};
}

void GraphView::fitAll()
{
    view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
    if (view_->zoom() > 1.5) {
        view_->resetTransform();
        view_->scale(1.5, 1.5);
    }
}

void GraphView::resetView()
{
    fitAll();
    // Deep models would shrink to unreadable boxes: keep a readable zoom and
    // start at the top (the input) instead.
    if (view_->zoom() < 0.75) {
        view_->resetTransform();
        view_->scale(0.85, 0.85);
        view_->centerOn(scene_->sceneRect().center().x(), scene_->sceneRect().top());
    }
}

bool GraphView::find(const QString &text)
{
    if (text.isEmpty() || items_.isEmpty()) return false;
    const ember::Graph *g = session_->graph();
    auto matches = [&](int i) {
        const LayoutNode &n = items_[i]->node();
        QStringList hay{n.title, n.subtitle};
        if (n.kind == LayoutNode::Kind::Op)
            for (int t : g->ops[size_t(n.op)].outputs) hay << QString::fromStdString(g->tensors[size_t(t)].name);
        for (const QString &h : hay)
            if (h.contains(text, Qt::CaseInsensitive)) return true;
        return false;
    };
    // The hit count and which hit is shown, beside the graph's totals.
    QList<int> hits;
    for (int i = 0; i < items_.size(); ++i)
        if (matches(i)) hits << i;
    const QString totals = tr("%1 operators · %2 tensors").arg(g->ops.size()).arg(g->tensors.size());
    if (hits.isEmpty()) {
        status_->setText(tr("no match · %1").arg(totals));
        return false;
    }
    int next = hits.first();
    for (int i : hits)
        if (i > searchPos_) {
            next = i;
            break;
        }
    searchPos_ = next;
    scene_->clearSelection();
    items_[next]->setSelected(true);
    view_->centerOn(items_[next]);
    status_->setText(tr("match %1 of %2 · %3").arg(hits.indexOf(next) + 1).arg(hits.size()).arg(totals));
    return true;
}

void GraphView::onSceneSelection()
{
    if (syncing_) return;
    const auto sel = scene_->selectedItems();
    if (sel.isEmpty()) return;
    auto *item = static_cast<OpNodeItem *>(sel.first());
    syncing_ = true;
    if (item->node().kind == LayoutNode::Kind::Op) session_->selectOp(item->node().op);
    else session_->selectTensor(item->node().tensor);
    syncing_ = false;
}

void GraphView::syncSelectionFromSession()
{
    if (syncing_) return;
    syncing_ = true;
    scene_->clearSelection();
    const int op = session_->selectedOp(), t = session_->selectedTensor();
    for (OpNodeItem *item : items_) {
        const LayoutNode &n = item->node();
        const bool hit = op >= 0 ? (n.kind == LayoutNode::Kind::Op && n.op == op)
                                 : (n.kind != LayoutNode::Kind::Op && n.tensor == t && t >= 0);
        if (hit) {
            item->setSelected(true);
            view_->ensureVisible(item, 60, 60);
        }
    }
    syncing_ = false;
}

// Context menu of a node (also reached by tests): Go to Code, Pin Output to
// Pool (the pool it is planned in now ticked), Copy Name.
QMenu *GraphView::contextMenuFor(int index)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("graphNodeMenu"));
    const ember::Graph *g = session_->graph();
    if (!g || index < 0 || index >= items_.size()) return menu;
    const LayoutNode &n = items_[index]->node();
    const bool isOp = n.kind == LayoutNode::Kind::Op;
    QAction *code = menu->addAction(tr("Go to Code"), this, [this, op = n.op] { emit layerActivated(op); });
    code->setObjectName(QStringLiteral("goToCode"));
    code->setEnabled(isOp && g->ops[size_t(n.op)].unsupportedReason.empty());
    // The tensor a pin applies to: the op's first output, or the I/O tensor.
    const int tensor = isOp ? (g->ops[size_t(n.op)].outputs.empty() ? -1 : g->ops[size_t(n.op)].outputs.front()) : n.tensor;
    QMenu *pin = menu->addMenu(tr("Pin Output to Pool"));
    pin->setObjectName(QStringLiteral("pinOutputMenu"));
    if (tensor >= 0) {
        const QString name = QString::fromStdString(g->tensors[size_t(tensor)].name);
        const ember::MemoryPlan *plan = session_->plan();
        const ember::PlannedBuffer *buf = plan ? plan->find(tensor) : nullptr;
        const QString current = buf ? QString::fromStdString(plan->pools[size_t(buf->pool)].name)
                                    : session_->options().pins.value(name);
        for (const PoolOption &p : session_->options().pools) {
            QAction *a = pin->addAction(p.name, this, [this, name, pool = p.name] { session_->pinTensor(name, pool); });
            a->setCheckable(true);
            a->setChecked(p.name == current);
        }
        if (session_->options().pools.size() < 2)
            pin->addAction(tr("(add a second pool in Options first)"))->setEnabled(false);
        if (session_->options().pins.contains(name))
            pin->addAction(tr("Remove pin"), this, [this, name] { session_->pinTensor(name, QString()); });
        if (!buf) pin->setEnabled(session_->options().pools.size() > 1);
    } else {
        pin->setEnabled(false);
    }
    const QString copyName = isOp ? QString::fromStdString(g->layerName(g->ops[size_t(n.op)]))
                                  : QString::fromStdString(g->tensors[size_t(n.tensor)].name);
    QAction *copy = menu->addAction(tr("Copy Name"), this, [copyName] { QGuiApplication::clipboard()->setText(copyName); });
    copy->setObjectName(QStringLiteral("copyName"));
    return menu;
}

void GraphView::zoomIn() { zoomIn_->click(); }
void GraphView::zoomOut() { zoomOut_->click(); }

void GraphView::focusSearch()
{
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

}  // namespace ember::studio
