// Before any Qt header: OpKernel has a member named `emit`, a Qt macro.
#include "core/ops/OpKernel.h"

#include "LayerReport.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include "Session.h"

namespace ember::studio {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("ember::studio::LayerReport", s); }

// Instructions per MAC on a Cortex-M4, per op type: calibrated on the
// emulated MPS2-AN386 counts of the MLPerf Tiny KWS model (conv 1.6,
// depthwise 3.0, average pool 4.8 per MAC, with 12 per output element the
// estimates land within 2-15 % of the counts); other cores scale it.
double perMac(const QString &core, const QString &opType)
{
    double m4 = 3.0;
    if (opType == QLatin1String("CONV_2D") || opType == QLatin1String("FULLY_CONNECTED")) m4 = 1.6;
    else if (opType == QLatin1String("DEPTHWISE_CONV_2D")) m4 = 3.0;
    else if (opType == QLatin1String("AVERAGE_POOL_2D") || opType == QLatin1String("MAX_POOL_2D")) m4 = 4.8;
    // No MAC instruction and fewer registers on the M0+; dual issue on the M7.
    double scale = 1.0;
    if (core.contains(QLatin1String("m0"))) scale = 2.5;
    else if (core.contains(QLatin1String("m3"))) scale = 1.3;
    else if (core.contains(QLatin1String("m7"))) scale = 0.8;
    else if (core.contains(QLatin1String("m55"))) scale = 0.7;
    return m4 * scale;
}

QString csvField(QString s)
{
    if (s.contains(',') || s.contains('"') || s.contains('\n')) s = '"' + s.replace('"', QLatin1String("\"\"")) + '"';
    return s;
}

}  // namespace

qint64 LayerReportData::totalMacs() const
{
    qint64 n = 0;
    for (const LayerRow &r : rows) n += r.macs;
    return n;
}

qint64 LayerReportData::totalInstructions() const
{
    qint64 n = 0;
    for (const LayerRow &r : rows) n += r.instructions;
    return n;
}

qint64 estimateInstructions(const QString &core, const QString &opType, qint64 macs, qint64 outputElements)
{
    // MAC-bound layers: per-MAC cost plus requantizing each output; element-
    // wise and data movement: a few instructions per output element; and a
    // fixed call/loop set-up.
    const double perOutput = opType == QLatin1String("SOFTMAX") || opType == QLatin1String("LOGISTIC") ||
                                     opType == QLatin1String("TANH")
                                 ? 40.0
                                 : 12.0;
    return qint64(perMac(core, opType) * double(macs) + perOutput * double(outputElements) + 150.0);
}

LayerReportData layerReport(const Session &s)
{
    LayerReportData r;
    if (!s.hasModel()) return r;
    const ember::Graph &g = *s.graph();
    r.core = s.board() ? s.board()->core : QString();
    const ember::MemoryPlan *plan = s.plan() ? s.plan() : s.overflowPlan();
    qint64 io = 0;
    for (const std::vector<int> *list : {&g.inputs, &g.outputs})
        for (int t : *list)
            if (!plan || !plan->find(t)) io += qint64(g.tensors[size_t(t)].bytes());
    QList<qint64> outElems;
    for (size_t i = 0; i < g.ops.size(); ++i) {
        const ember::Op &op = g.ops[i];
        LayerRow row;
        row.step = int(i);
        row.opIndex = op.index;
        row.type = QString::fromStdString(op.typeName);
        row.name = QString::fromStdString(g.layerName(op));
        row.unsupported = !op.unsupportedReason.empty();
        const ember::OpKernel *k = ember::findKernel(op.type);
        if (k && k->macs && op.params.has_value()) row.macs = k->macs(g, op);
        for (int t : op.inputs)
            if (t >= 0 && g.tensors[size_t(t)].isConst) {
                row.params += g.tensors[size_t(t)].elements();
                row.paramBytes += qint64(g.tensors[size_t(t)].bytes());
            }
        qint64 elems = 0;
        for (int t : op.outputs) {
            row.activationBytes += qint64(g.tensors[size_t(t)].bytes());
            elems += g.tensors[size_t(t)].elements();
        }
        outElems << elems;
        row.liveBytes = io;
        if (plan)
            for (const ember::PlannedBuffer &b : plan->buffers)
                if (b.first <= int(i) && int(i) <= b.last) row.liveBytes += qint64(b.bytes);
        row.instructions = estimateInstructions(r.core, row.type, row.macs, elems);
        r.rows << row;
    }
    // Calibration: the last profile of this graph on this core scales each
    // op type's estimate to what was counted.
    const ProfileRecord *p = s.profile();
    if (p && p->layers.size() == r.rows.size() && s.board() && p->boardId == s.board()->id) {
        QHash<QString, double> est, got;
        for (int i = 0; i < r.rows.size(); ++i) {
            est[r.rows[i].type] += double(r.rows[i].instructions);
            got[r.rows[i].type] += double(p->layers[i].count);
        }
        for (LayerRow &row : r.rows)
            if (est[row.type] > 0) row.instructions = qint64(double(row.instructions) * got[row.type] / est[row.type]);
        r.calibrated = true;
    }
    return r;
}

QString layerReportCsv(const LayerReportData &r)
{
    QStringList lines{QStringLiteral("step,op_index,type,layer,macs,params,param_bytes,activation_bytes,live_ram_bytes,est_instructions")};
    for (const LayerRow &x : r.rows)
        lines << QStringList{QString::number(x.step), QString::number(x.opIndex), csvField(x.type), csvField(x.name),
                             QString::number(x.macs), QString::number(x.params), QString::number(x.paramBytes),
                             QString::number(x.activationBytes), QString::number(x.liveBytes), QString::number(x.instructions)}
                     .join(',');
    return lines.join('\n') + '\n';
}

QString layerReportHtml(const LayerReportData &r, const QString &title)
{
    QString h = QStringLiteral("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%1</title>"
                               "<style>body{font-family:sans-serif;font-size:10pt} table{border-collapse:collapse}"
                               " td,th{border:1px solid #ccd;padding:2px 6px} td.n{text-align:right;font-family:monospace}"
                               " tr.u td{color:#b71c1c}</style></head><body><h2>%1</h2>")
                    .arg(title.toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>").arg(tr("Estimated instructions for %1%2.")
                                            .arg(r.core.isEmpty() ? tr("a generic Cortex-M core") : r.core,
                                                 r.calibrated ? tr(", calibrated on the last profile") : QString()));
    h += QStringLiteral("<table><tr><th>#</th><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th><th>%8</th></tr>")
             .arg(tr("Type"), tr("Layer"), tr("MACs"), tr("Params"), tr("Param bytes"), tr("Activation bytes"), tr("Live RAM"),
                  tr("Est. instructions"));
    for (const LayerRow &x : r.rows)
        h += QStringLiteral("<tr%1><td class='n'>%2</td><td>%3</td><td>%4</td><td class='n'>%5</td><td class='n'>%6</td>"
                            "<td class='n'>%7</td><td class='n'>%8</td><td class='n'>%9</td><td class='n'>%10</td></tr>")
                 .arg(x.unsupported ? QStringLiteral(" class='u'") : QString())
                 .arg(x.opIndex)
                 .arg(x.type.toHtmlEscaped(), x.name.toHtmlEscaped())
                 .arg(x.macs).arg(x.params).arg(x.paramBytes).arg(x.activationBytes).arg(x.liveBytes).arg(x.instructions);
    h += QStringLiteral("<tr><th colspan='3'>%1</th><td class='n'>%2</td><td colspan='4'></td><td class='n'>%3</td></tr>")
             .arg(tr("Total")).arg(r.totalMacs()).arg(r.totalInstructions());
    return h + QStringLiteral("</table></body></html>\n");
}

}  // namespace ember::studio
