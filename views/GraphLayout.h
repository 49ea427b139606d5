// Lays out a model graph with Graphviz's `dot` (libgvc) and returns the
// geometry in scene coordinates (points, y down). Pure: no widgets, so tests
// can check node counts and positions directly.
#pragma once

#include <QFont>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>

#include "core/ir/Graph.h"

namespace ember::studio {

struct LayoutNode {
    enum class Kind { Op, Input, Output };
    Kind kind = Kind::Op;
    int op = -1;       // position in Graph::ops (Kind::Op)
    int tensor = -1;   // graph input/output tensor (Kind::Input/Output)
    QString title;     // "CONV_2D" or the tensor name
    QString subtitle;  // layer name or "int8 [1,49,10,1]"
    QRectF rect;
};

struct LayoutEdge {
    int from = -1, to = -1;  // indices into GraphLayout::nodes
    int tensor = -1;
    QString label;           // tensor shape
    QPainterPath path;       // spline
    QPointF arrowBase, arrowTip;
    QPointF labelPos;        // centre of the label
    qreal labelWidth = 0;    // width Graphviz reserved for it
    QRectF labelRect;        // where the label is drawn: beside its edge, clear of
                             // every node and every other label (placeEdgeLabels)
};

struct GraphLayout {
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    QRectF bounds;
    QString error;  // non-empty when Graphviz failed
    int opNodeCount() const;
};

// `titleFont` / `textFont` size the node boxes; `edgeFont` the shape labels.
GraphLayout layoutGraph(const ember::Graph &g, const QFont &titleFont, const QFont &textFont,
                        const QFont &edgeFont);

// Gives every labelled edge a labelRect of the label's size (measured with
// `edgeFont`) that overlaps no node and no other label, as near to the spot
// Graphviz chose as possible (it keeps labels off nodes but not off each
// other: fan-outs and skip edges stack them). Grows `bounds` to fit.
void placeEdgeLabels(GraphLayout &layout, const QFont &edgeFont);
// Pairs of labels that overlap (tests; 0 after placeEdgeLabels).
int overlappingLabelPairs(const GraphLayout &layout);

}  // namespace ember::studio
