#include "GraphLayout.h"

#include <QFontMetricsF>
#include <QHash>
#include <algorithm>
#include <graphviz/gvc.h>

#include "OpStyle.h"

namespace ember::studio {

namespace {

// Graphviz takes char* everywhere; these helpers keep the casts in one place.
void setAttr(void *obj, const char *name, const QString &value)
{
    QByteArray n(name), v = value.toUtf8(), empty;
    agsafeset(obj, n.data(), v.data(), empty.data());
}

QString elide(const QString &s, int max)
{
    return s.size() <= max ? s : s.left(max / 2 - 1) + QStringLiteral("…") + s.right(max / 2 - 1);
}

struct Builder {
    const ember::Graph &g;
    QFontMetricsF title, text;
    GraphLayout out;
    QHash<int, int> producer;  // tensor → node index of its producer

    int addNode(LayoutNode n)
    {
        const qreal w = qMax(title.horizontalAdvance(n.title), text.horizontalAdvance(n.subtitle)) + 28;
        const qreal h = title.height() + text.height() + 16;
        n.rect = QRectF(0, 0, qMax<qreal>(w, 110), h);
        out.nodes << n;
        return int(out.nodes.size()) - 1;
    }

    void build()
    {
        for (int t : g.inputs) {
            const ember::Tensor &x = g.tensors[size_t(t)];
            producer[t] = addNode({LayoutNode::Kind::Input, -1, t, shortName(x.name),
                                   QStringLiteral("%1 %2").arg(ember::dtypeName(x.dtype), QString::fromStdString(ember::shapeString(x.shape)))});
            out.nodes.last().title = elide(out.nodes.last().title, 32);
        }
        for (size_t i = 0; i < g.ops.size(); ++i) {
            const ember::Op &op = g.ops[i];
            const int n = addNode({LayoutNode::Kind::Op, int(i), -1, QString::fromStdString(op.typeName),
                                   elide(shortName(g.layerName(op)), 34)});
            for (int in : op.inputs) {
                if (in < 0 || g.tensors[size_t(in)].isConst || !producer.contains(in)) continue;
                addEdge(producer[in], n, in);
            }
            for (int o : op.outputs) producer[o] = n;
        }
        for (int t : g.outputs) {
            const ember::Tensor &x = g.tensors[size_t(t)];
            const int n = addNode({LayoutNode::Kind::Output, -1, t, elide(shortName(x.name), 32),
                                   QStringLiteral("%1 %2").arg(ember::dtypeName(x.dtype), QString::fromStdString(ember::shapeString(x.shape)))});
            if (producer.contains(t)) addEdge(producer[t], n, t);
        }
    }

    void addEdge(int from, int to, int tensor)
    {
        LayoutEdge e;
        e.from = from;
        e.to = to;
        e.tensor = tensor;
        e.label = QString::fromStdString(ember::shapeString(g.tensors[size_t(tensor)].shape));
        out.edges << e;
    }
};

}  // namespace

int GraphLayout::opNodeCount() const
{
    int n = 0;
    for (const LayoutNode &x : nodes) n += x.kind == LayoutNode::Kind::Op;
    return n;
}

GraphLayout layoutGraph(const ember::Graph &g, const QFont &titleFont, const QFont &textFont, const QFont &edgeFont)
{
    Builder b{g, QFontMetricsF(titleFont), QFontMetricsF(textFont), {}, {}};
    b.build();
    GraphLayout &out = b.out;

    GVC_t *gvc = gvContext();
    QByteArray gname("model");
    Agraph_t *ag = agopen(gname.data(), Agdirected, nullptr);
    setAttr(ag, "rankdir", "TB");
    setAttr(ag, "nodesep", "0.35");
    setAttr(ag, "ranksep", "0.45");
    QVector<Agnode_t *> nodes;
    for (int i = 0; i < out.nodes.size(); ++i) {
        QByteArray id = "n" + QByteArray::number(i);
        Agnode_t *n = agnode(ag, id.data(), 1);
        setAttr(n, "shape", "box");
        setAttr(n, "fixedsize", "true");
        setAttr(n, "label", "");
        // Graphviz sizes are in inches; the scene uses points (1/72 inch).
        setAttr(n, "width", QString::number(out.nodes[i].rect.width() / 72.0, 'f', 4));
        setAttr(n, "height", QString::number(out.nodes[i].rect.height() / 72.0, 'f', 4));
        nodes << n;
    }
    QVector<Agedge_t *> edges;
    for (const LayoutEdge &e : out.edges) {
        QByteArray id = "e" + QByteArray::number(edges.size());
        Agedge_t *x = agedge(ag, nodes[e.from], nodes[e.to], id.data(), 1);
        setAttr(x, "label", e.label);
        setAttr(x, "fontname", edgeFont.family());
        setAttr(x, "fontsize", QString::number(edgeFont.pointSizeF() > 0 ? edgeFont.pointSizeF() : 9));
        edges << x;
    }
    if (gvLayout(gvc, ag, "dot") != 0) {
        out.error = QStringLiteral("graphviz could not lay out the graph");
    } else {
        const boxf bb = GD_bb(ag);
        const qreal top = bb.UR.y;
        auto pt = [top](pointf p) { return QPointF(p.x, top - p.y); };
        for (int i = 0; i < out.nodes.size(); ++i) {
            const QPointF c = pt(ND_coord(nodes[i]));
            QRectF &r = out.nodes[i].rect;
            r.moveCenter(c);
        }
        for (int i = 0; i < out.edges.size(); ++i) {
            LayoutEdge &e = out.edges[i];
            const splines *spl = ED_spl(edges[i]);
            if (spl && spl->size > 0) {
                const bezier &bz = spl->list[0];
                if (bz.size > 0) {
                    e.path.moveTo(pt(bz.list[0]));
                    for (int k = 1; k + 2 < bz.size; k += 3)
                        e.path.cubicTo(pt(bz.list[k]), pt(bz.list[k + 1]), pt(bz.list[k + 2]));
                    e.arrowBase = pt(bz.list[bz.size - 1]);
                    e.arrowTip = bz.eflag ? pt(bz.ep) : e.arrowBase;
                }
            }
            if (ED_label(edges[i])) {
                e.labelPos = pt(ED_label(edges[i])->pos);
                e.labelWidth = ED_label(edges[i])->dimen.x;
            }
        }
        out.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
        gvFreeLayout(gvc, ag);
    }
    agclose(ag);
    gvFreeContext(gvc);
    if (out.error.isEmpty()) placeEdgeLabels(out, edgeFont);
    return out;
}

void placeEdgeLabels(GraphLayout &out, const QFont &edgeFont)
{
    const QFontMetricsF fm(edgeFont);
    const qreal h = fm.height();
    QList<QRectF> taken;
    for (const LayoutNode &n : out.nodes) taken << n.rect.adjusted(-2, -2, 2, 2);
    auto isFree = [&taken](const QRectF &r) {
        for (const QRectF &t : taken)
            if (t.intersects(r)) return false;
        return true;
    };
    // Reading order (top to bottom), so the upper label of a stack keeps its spot.
    QList<int> order;
    for (int i = 0; i < out.edges.size(); ++i)
        if (!out.edges[i].label.isEmpty()) order << i;
    std::stable_sort(order.begin(), order.end(), [&out](int a, int b) {
        const QPointF pa = out.edges[a].labelPos, pb = out.edges[b].labelPos;
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });
    for (int i : order) {
        LayoutEdge &e = out.edges[i];
        const QSizeF size(fm.horizontalAdvance(e.label) + 4, h);
        // Graphviz's spot: the label starts where its reserved space does,
        // right of the edge. Without one (no label dimension), beside the middle.
        QPointF anchor = e.labelWidth > 0 ? QPointF(e.labelPos.x() - e.labelWidth / 2 + 1, e.labelPos.y() - h / 2)
                                          : e.path.pointAtPercent(0.5) + QPointF(4, -h / 2);
        QList<QPointF> candidates{anchor};
        // Then beside the edge itself at other heights (right, then left of it),
        // then ever further from Graphviz's spot.
        if (!e.path.isEmpty())
            for (qreal t : {0.5, 0.35, 0.65, 0.2, 0.8}) {
                const QPointF p = e.path.pointAtPercent(t);
                candidates << p + QPointF(4, -h / 2) << p + QPointF(-4 - size.width(), -h / 2);
            }
        for (int k = 1; k <= 80; ++k)
            candidates << anchor + QPointF(0, k * h * 0.6) << anchor + QPointF(0, -k * h * 0.6)
                       << anchor + QPointF(k * 8, 0) << anchor + QPointF(-k * 8 - size.width() / 2, 0);
        QRectF chosen(anchor, size);
        for (const QPointF &c : candidates)
            if (isFree(QRectF(c, size))) {
                chosen = QRectF(c, size);
                break;
            }
        e.labelRect = chosen;
        taken << chosen;
        out.bounds = out.bounds.united(chosen);
    }
}

int overlappingLabelPairs(const GraphLayout &layout)
{
    int n = 0;
    for (int i = 0; i < layout.edges.size(); ++i)
        for (int j = i + 1; j < layout.edges.size(); ++j) {
            const QRectF &a = layout.edges[i].labelRect, &b = layout.edges[j].labelRect;
            n += !a.isEmpty() && !b.isEmpty() && a.intersects(b);
        }
    return n;
}

}  // namespace ember::studio
