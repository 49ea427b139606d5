// The per-layer report before running (STM32Cube.AI's "analyze"): per layer
// its MACs, parameters and their bytes, activation (output) bytes, the RAM
// live at that step, and an estimated instruction count for the selected
// board's core — from a per-op cost model, calibrated per operator type on
// the last profile of this model when there is one. Exports as CSV and HTML.
#pragma once

#include <QList>
#include <QString>

namespace ember::studio {

class Session;

struct LayerRow {
    int step = 0;            // position in execution order
    int opIndex = 0;         // index in the model
    QString type, name;
    qint64 macs = 0;
    qint64 params = 0, paramBytes = 0;   // constant inputs (weights, biases)
    qint64 activationBytes = 0;          // outputs
    qint64 liveBytes = 0;                // activations live at this step (the plan's buffers plus I/O)
    qint64 instructions = 0;             // estimate for the core
    bool unsupported = false;
};

struct LayerReportData {
    QList<LayerRow> rows;
    QString core;            // "cortex-m4" ("" = generic)
    bool calibrated = false; // scaled per op type on the last profile
    qint64 totalMacs() const;
    qint64 totalInstructions() const;
};

LayerReportData layerReport(const Session &s);
// Instructions one layer takes on `core` by the uncalibrated model.
qint64 estimateInstructions(const QString &core, const QString &opType, qint64 macs, qint64 outputElements);

QString layerReportCsv(const LayerReportData &r);
QString layerReportHtml(const LayerReportData &r, const QString &title);

}  // namespace ember::studio
