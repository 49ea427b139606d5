#include <algorithm>
#include "core/ops/OpKernel.h"

#include "SummaryPanel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QLocale>
#include <QScrollBar>
#include <QUrl>

#include "OpStyle.h"
#include "Session.h"

namespace ember::studio {

namespace {

const char *kStyle =
    "<style>body{font-size:9.5pt;color:#222} h3{margin:8px 0 3px 0;color:#34495e;font-size:10pt}"
    " td{padding:1px 6px 1px 0} .k{color:#666} .n{text-align:right;font-family:'DejaVu Sans Mono'}"
    " .m{font-family:'DejaVu Sans Mono';font-size:8.5pt} .sw{font-size:12pt}</style>";

QString esc(const std::string &s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString tensorRows(const ember::Graph &g, const std::vector<int> &ids)
{
    QString h;
    for (int id : ids) {
        const ember::Tensor &t = g.tensors[size_t(id)];
        h += QStringLiteral("<tr><td><b>%1</b></td></tr><tr><td class='m'>&nbsp;&nbsp;%2</td></tr>")
                 .arg(shortName(t.name).toHtmlEscaped(), tensorLabel(t).toHtmlEscaped());
    }
    return h;
}

}  // namespace

QString groupDigits(qint64 v)
{
    // The UI language's digit grouping (switchLanguage sets the default
    // locale); the C locale (no language chosen yet) groups like English.
    const QLocale loc = QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale();
    return loc.toString(v);
}

SummaryPanel::SummaryPanel(Session *session, QWidget *parent) : QTextBrowser(parent), session_(session)
{
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    connect(session_, &Session::modelChanged, this, &SummaryPanel::refresh);
    refresh();
}

void SummaryPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) refresh();
    QTextBrowser::changeEvent(e);
}

void SummaryPanel::refresh() { setHtml(html(*session_)); }

QString SummaryPanel::html(const Session &s)
{
    QString h = QString::fromLatin1(kStyle);
    if (!s.hasModel())
        return h + QStringLiteral("<p class='k'>%1</p>").arg(tr("Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example)."));
    const ember::Graph &g = *s.graph();
    const ember::ModelSummary &m = s.summary();
    h += QStringLiteral("<h3>%1</h3>").arg(QFileInfo(s.modelPath()).fileName().toHtmlEscaped());
    if (g.browseOnly) {
        // Browse mode: what cannot be compiled, and what could replace it.
        h += QStringLiteral("<p style='color:#b71c1c'><b>%1</b></p><ul style='color:#b71c1c;margin-left:-20px'>")
                 .arg(tr("Viewing only — this model cannot be compiled:"));
        for (const ember::Op &op : g.ops) {
            if (op.unsupportedReason.empty()) continue;
            QStringList alts;
            for (const std::string &a : op.alternatives) alts << QString::fromStdString(a);
            h += QStringLiteral("<li>#%1 <b>%2</b>: %3%4</li>")
                     .arg(op.index)
                     .arg(esc(op.typeName), esc(op.unsupportedReason),
                          alts.isEmpty() ? QString() : QStringLiteral("<br>") + tr("alternatives: %1").arg(alts.join(QStringLiteral(", "))));
        }
        h += QStringLiteral("</ul>");
    }
    h += QStringLiteral("<table>");
    auto row = [&](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td class='k'>%1</td><td class='n'>%2</td></tr>").arg(k, v);
    };
    row(tr("Operators"), groupDigits(qint64(g.ops.size())));
    row(tr("Parameters"), groupDigits(m.parameters));
    row(tr("Parameter bytes"), groupDigits(m.parameterBytes));
    row(tr("MACs"), groupDigits(m.macs));
    // The model's own bound: every tensor its own buffer. The Memory tab gives
    // the build's, lower with --in-place on|fuse.
    row(tr("Activation lower bound (no in-place)"), groupDigits(qint64(m.lowerBound)) + QStringLiteral(" B"));
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(tr("Inputs"));
    h += tensorRows(g, g.inputs);
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(tr("Outputs"));
    h += tensorRows(g, g.outputs);
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(tr("Operators by type"));
    for (const auto &[name, count] : m.opCounts) {
        ember::OpType type = ember::OpType::Unsupported;
        for (const ember::Op &op : g.ops)
            if (op.typeName == name) type = op.type;
        h += QStringLiteral("<tr><td><span class='sw' style='color:%1'>■</span> %2</td><td class='n'>%3</td></tr>")
                 .arg(opColor(type).name(), esc(name)).arg(count);
    }
    return h + QStringLiteral("</table>");
}

PropertiesPanel::PropertiesPanel(Session *session, QWidget *parent) : QTextBrowser(parent), session_(session)
{
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("quant")) toggleQuantList(url.path().toInt());
    });
    connect(session_, &Session::selectionChanged, this, &PropertiesPanel::refresh);
    connect(session_, &Session::planChanged, this, &PropertiesPanel::refresh);
    connect(session_, &Session::modelChanged, this, &PropertiesPanel::refresh);
    refresh();
}

void PropertiesPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) refresh();
    QTextBrowser::changeEvent(e);
}

void PropertiesPanel::refresh()
{
    const int scroll = verticalScrollBar()->value();
    setHtml(html(*session_, expanded_));
    verticalScrollBar()->setValue(scroll);
}

void PropertiesPanel::toggleQuantList(int tensor)
{
    if (!expanded_.remove(tensor)) expanded_.insert(tensor);
    refresh();
}

// Per-channel quantization: a link that expands to every channel's scale and
// zero point (Netron lists them in full; a summary "per-channel (64)" alone
// cannot be checked against the training side).
static QString quantList(const ember::Tensor &t, int id, bool expanded)
{
    const ember::Quant &q = t.quant;
    if (!q.perChannel()) return QString();
    QString r = QStringLiteral("<tr><td class='m'>&nbsp;&nbsp;<a href='quant:%1'>%2 %3</a></td></tr>")
                    .arg(id)
                    .arg(expanded ? QStringLiteral("▾") : QStringLiteral("▸"),
                         PropertiesPanel::tr("%n per-channel scales and zero points (axis %1)", nullptr, int(q.scale.size())).arg(q.axis));
    if (!expanded) return r;
    r += QStringLiteral("<tr><td><table style='margin-left:14px'><tr><td class='k'>%1</td><td class='k'>%2</td><td class='k'>%3</td></tr>")
             .arg(PropertiesPanel::tr("channel"), PropertiesPanel::tr("scale"), PropertiesPanel::tr("zero point"));
    for (size_t i = 0; i < q.scale.size(); ++i)
        r += QStringLiteral("<tr><td class='n'>%1</td><td class='n'>%2</td><td class='n'>%3</td></tr>")
                 .arg(i)
                 .arg(QLocale().toString(double(q.scale[i]), 'g', 7))
                 .arg(q.zp(i));
    return r + QStringLiteral("</table></td></tr>");
}

static QString bufferLine(const Session &s, int tensor)
{
    const ember::MemoryPlan *plan = s.plan();
    const ember::PlannedBuffer *b = plan ? plan->find(tensor) : nullptr;
    if (!b && plan) {
        // --in-place fuse: a tensor inside a fused chain never exists whole.
        for (const ember::FusedChain &c : plan->fused)
            if (std::find(c.streamed.begin(), c.streamed.end(), tensor) != c.streamed.end())
                return QStringLiteral("<tr><td class='m'>&nbsp;&nbsp;%1</td></tr>")
                    .arg(PropertiesPanel::tr("no buffer: streamed row by row inside a fused layer (%1 B of stack)")
                             .arg(c.stackBytes));
    }
    if (!b) return QString();
    return QStringLiteral("<tr><td class='m'>&nbsp;&nbsp;%1 '%2' @ %3, %4 B, %5 %6–%7</td></tr>")
        .arg(PropertiesPanel::tr("pool"), QString::fromStdString(plan->pools[size_t(b->pool)].name).toHtmlEscaped())
        .arg(b->offset).arg(b->bytes).arg(PropertiesPanel::tr("steps")).arg(b->first).arg(b->last);
}

QString PropertiesPanel::html(const Session &s, const QSet<int> &expanded)
{
    QString h = QString::fromLatin1(kStyle);
    const ember::Graph *g = s.graph();
    if (!g || (s.selectedOp() < 0 && s.selectedTensor() < 0))
        return h + QStringLiteral("<p class='k'>%1</p>").arg(tr("Select a node in the graph to see its attributes, tensors and planned buffers."));
    auto tensorBlock = [&](int id) {
        const ember::Tensor &t = g->tensors[size_t(id)];
        QString r = QStringLiteral("<tr><td><b>%1</b>%2</td></tr><tr><td class='m'>&nbsp;&nbsp;%3</td></tr>")
                        .arg(shortName(t.name).toHtmlEscaped(), t.isConst ? QStringLiteral(" <span class='k'>(%1, %2 B)</span>").arg(tr("constant")).arg(t.bytes()) : QString(),
                             tensorLabel(t).toHtmlEscaped());
        return r + quantList(t, id, expanded.contains(id)) + bufferLine(s, id);
    };
    if (s.selectedOp() < 0) {
        return h + QStringLiteral("<h3>%1</h3><table>%2</table>").arg(tr("Tensor"), tensorBlock(s.selectedTensor()));
    }
    const ember::Op &op = g->ops[size_t(s.selectedOp())];
    const ember::OpAttrs &a = op.attrs;
    h += QStringLiteral("<h3><span style='color:%1'>■</span> %2 <span class='k'>#%3</span></h3><table>")
             .arg(opColor(op.type).name(), esc(op.typeName)).arg(op.index);
    auto row = [&](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
    };
    row(tr("Layer"), shortName(g->layerName(op)));
    using ember::OpType;
    const bool spatial = op.type == OpType::Conv2D || op.type == OpType::DepthwiseConv2D ||
                         op.type == OpType::AveragePool2D || op.type == OpType::MaxPool2D;
    if (spatial) {
        row(tr("Padding"), a.padding == ember::Padding::Same ? "SAME" : "VALID");
        row(tr("Stride"), QStringLiteral("%1 × %2").arg(a.strideH).arg(a.strideW));
        if (op.type == OpType::AveragePool2D || op.type == OpType::MaxPool2D)
            row(tr("Window"), QStringLiteral("%1 × %2").arg(a.filterH).arg(a.filterW));
        else
            row(tr("Dilation"), QStringLiteral("%1 × %2").arg(a.dilationH).arg(a.dilationW));
    }
    if (op.type == OpType::DepthwiseConv2D) row(tr("Depth multiplier"), QString::number(a.depthMultiplier));
    if (op.type == OpType::Softmax) row(tr("Beta"), QString::number(double(a.beta)));
    if (op.type == OpType::Concatenation || op.type == OpType::Softmax) row(tr("Axis"), QString::number(a.axis));
    if (op.type == OpType::LeakyRelu) row(tr("Alpha"), QString::number(double(a.alpha)));
    row(tr("Activation"), QString::fromLatin1(ember::activationName(a.activation)));
    {
        // Cost of this node: MACs from the kernel's hook (prepared ops only)
        // and the parameters of its constant inputs.
        const ember::OpKernel *k = ember::findKernel(op.type);
        qint64 macs = -1, params = 0, paramBytes = 0;
        try {
            if (k && k->macs && op.params.has_value()) macs = k->macs(*g, op);
        } catch (...) {
        }
        for (int t : op.inputs)
            if (t >= 0 && g->tensors[size_t(t)].isConst) {
                params += g->tensors[size_t(t)].elements();
                paramBytes += qint64(g->tensors[size_t(t)].bytes());
            }
        if (macs >= 0) row(tr("MACs"), QLocale().toString(macs));
        row(tr("Parameters"), tr("%1 (%2)").arg(QLocale().toString(params), formatBytes(paramBytes)));
    }
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(tr("Inputs"));
    for (int id : op.inputs)
        if (id >= 0) h += tensorBlock(id);
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(tr("Outputs"));
    for (int id : op.outputs) h += tensorBlock(id);
    return h + QStringLiteral("</table>");
}

}  // namespace ember::studio
