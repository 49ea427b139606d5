// Colours and labels shared by every view that draws operators, so a
// convolution is the same blue in the graph, the memory view and the legend.
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include "core/ir/Graph.h"

namespace ember::studio {

// Fill colour for an operator type (grouped by family: convolutions, dense,
// pooling, elementwise, activations, data movement, quantization).
QColor opColor(ember::OpType t);
// A distinct, stable colour per layer (execution step) for the memory view.
QColor layerColor(int step);
// "int8 [1,49,10,1]  s=0.5847 zp=83" / "per-channel (64)".
QString tensorLabel(const ember::Tensor &t);
QString quantLabel(const ember::Quant &q);
// TFLite tensor names list every fused op ("a/Relu;a/BiasAdd;..."): the
// first entry names the layer well enough for labels.
QString shortName(const std::string &name);
// For each name, its shortest '/'-separated suffix that no other name in the
// list ends with ("model/block3/conv/Relu" → "block3/conv/Relu" when another
// name ends in "conv/Relu"); names equal to another stay whole. Tells
// buffers apart in the memory view where every tensor ends in "Relu".
QStringList uniqueSuffixLabels(const QStringList &names);
// Heat colour for a share of the hottest layer (0 = cool grey-green, 1 = hot red).
QColor heatColor(double fraction);
// Compact count: 3493680 → "3.49M", 39640 → "39.6k", 80 → "80".
QString compactCount(qint64 v);

}  // namespace ember::studio
