#include "MemoryView.h"

#include "CapacityBars.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHash>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QToolButton>
#include <QToolTip>
#include <QTextStream>
#include <QVBoxLayout>
#include <cmath>

#include "BuildOptions.h"
#include "OpStyle.h"
#include "Session.h"
#include "SummaryPanel.h"

namespace ember::studio {

namespace {
constexpr qreal kLeft = 78, kRight = 18, kTop = 8, kHeader = 24, kAxis = 22, kGap = 14, kAxisTitle = 16;
const QColor kPeak(0xd3, 0x2f, 0x2f), kBound(0x2e, 0x7d, 0x32), kGrid(0xe3, 0xe7, 0xec);
}  // namespace

MemoryView::MemoryView(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    connect(session_, &Session::planChanged, this, qOverload<>(&QWidget::update));
    connect(session_, &Session::selectionChanged, this, qOverload<>(&QWidget::update));
}

const ember::MemoryPlan *MemoryView::shownPlan() const
{
    return session_->plan() ? session_->plan() : session_->overflowPlan();
}

QList<MemoryView::Lane> MemoryView::lanes() const
{
    QList<Lane> out;
    const ember::MemoryPlan *plan = shownPlan();
    if (!plan || plan->pools.empty()) return out;
    const int n = int(plan->pools.size());
    const qreal avail = height() - kTop - n * (kHeader + kAxis) - (n - 1) * kGap - kAxisTitle;
    // Lanes share the height by need, but none is squeezed below 60 px.
    qint64 total = 0;
    QList<qint64> need;
    for (int i = 0; i < n; ++i) {
        qint64 m = qint64(plan->poolUsed[size_t(i)]);
        if (i == 0) m = qMax<qint64>(m, qint64(plan->lowerBound));
        m = qMax<qint64>(m, qint64(plan->pools[size_t(i)].size));
        need << qMax<qint64>(m, 1);
        total += need.last();
    }
    qreal y = kTop;
    for (int i = 0; i < n; ++i) {
        const qreal share = n == 1 ? avail : qMax<qreal>(60, avail * 0.25 / n + avail * 0.75 * qreal(need[i]) / qreal(total));
        Lane l;
        l.header = QRectF(kLeft, y, width() - kLeft - kRight, kHeader);
        l.plot = QRectF(kLeft, y + kHeader, width() - kLeft - kRight, qMax<qreal>(40, share));
        l.yMax = qint64(need[i] * 1.06) + 1;
        out << l;
        y = l.plot.bottom() + kAxis + kGap;
    }
    return out;
}

qreal MemoryView::xOf(const QRectF &plot, double step) const
{
    const ember::MemoryPlan *plan = shownPlan();
    const int steps = plan ? qMax(1, plan->steps) : 1;
    return plot.left() + plot.width() * step / steps;
}

QList<MemoryView::BufferRect> MemoryView::bufferRects() const
{
    QList<BufferRect> out;
    const ember::MemoryPlan *plan = shownPlan();
    const QList<Lane> ls = lanes();
    if (!plan || ls.isEmpty()) return out;
    for (size_t i = 0; i < plan->buffers.size(); ++i) {
        const ember::PlannedBuffer &b = plan->buffers[i];
        if (b.pool < 0 || b.pool >= ls.size()) continue;
        const Lane &l = ls[b.pool];
        const qreal k = l.plot.height() / qreal(l.yMax);
        // Offsets grow downwards from the lane's top, as in a memory map.
        const qreal y0 = l.plot.top() + k * qreal(b.offset), y1 = l.plot.top() + k * qreal(b.offset + b.bytes);
        QRectF r(QPointF(xOf(l.plot, b.first) + 1, y0), QPointF(xOf(l.plot, b.last + 1) - 1, y1));
        out << BufferRect{int(i), b.pool, r};
    }
    return out;
}

QRectF MemoryView::laneRect(int pool) const
{
    const QList<Lane> ls = lanes();
    return pool >= 0 && pool < ls.size() ? ls[pool].plot : QRectF();
}

int MemoryView::poolAt(const QPointF &p) const
{
    const QList<Lane> ls = lanes();
    for (int i = 0; i < ls.size(); ++i)
        if (ls[i].plot.united(ls[i].header).adjusted(-kLeft, 0, kRight, 0).contains(p)) return i;
    return -1;
}

int MemoryView::bufferAt(const QPointF &p) const
{
    for (const BufferRect &r : bufferRects())
        if (r.rect.adjusted(0, -1, 0, 1).contains(p)) return r.buffer;
    return -1;
}

void MemoryView::pinBuffer(int buffer, const QString &pool)
{
    const ember::MemoryPlan *plan = shownPlan();
    if (!plan || buffer < 0 || buffer >= int(plan->buffers.size())) return;
    session_->pinTensor(QString::fromStdString(plan->buffers[size_t(buffer)].name), pool);
}

QString MemoryView::tooltipFor(int buffer) const
{
    const ember::MemoryPlan *plan = shownPlan();
    const ember::Graph *g = session_->graph();
    if (!plan || !g || buffer < 0 || buffer >= int(plan->buffers.size())) return {};
    const ember::PlannedBuffer &b = plan->buffers[size_t(buffer)];
    QString producer = tr("graph input");
    for (const ember::Op &op : g->ops)
        for (int o : op.outputs)
            if (o == b.tensor) producer = QStringLiteral("#%1 %2").arg(op.index).arg(QString::fromStdString(op.typeName));
    const bool pinned = session_->options().pins.contains(QString::fromStdString(b.name));
    // In-place memory: the buffer this one shares (MemoryPlan::shares).
    QString shared;
    if (const ember::PlannedBuffer *o = b.sharesWith >= 0 ? plan->find(b.sharesWith) : nullptr)
        shared = (b.share == ember::ShareKind::Alias ? tr("<br>alias of <b>%1</b> (no copy)")
                                                     : tr("<br>in place over <b>%1</b>"))
                     .arg(QString::fromStdString(o->name).toHtmlEscaped());
    return tr("<b>%1</b><br>%2 bytes (%3)<br>pool '%4', offset %5 – %6<br>live at steps %7–%8<br>produced by %9%10")
        .arg(QString::fromStdString(b.name).toHtmlEscaped())
        .arg(groupDigits(qint64(b.bytes)), formatBytes(qint64(b.bytes)),
             QString::fromStdString(plan->pools[size_t(b.pool)].name))
        .arg(b.offset).arg(b.offset + b.bytes).arg(b.first).arg(b.last)
        .arg(producer, (pinned ? tr("<br><i>pinned</i>") : QString()) + shared);
}

QStringList MemoryView::bufferLabels() const
{
    const ember::MemoryPlan *plan = shownPlan();
    const ember::Graph *g = session_->graph();
    if (!plan) return {};
    QHash<int, int> producer;  // tensor → op index
    if (g)
        for (size_t i = 0; i < g->ops.size(); ++i)
            for (int t : g->ops[i].outputs) producer.insert(t, int(g->ops[i].index));
    QStringList names;
    for (const ember::PlannedBuffer &b : plan->buffers) names << shortName(b.name);
    const QStringList suffixes = uniqueSuffixLabels(names);
    QStringList out;
    for (size_t i = 0; i < plan->buffers.size(); ++i) {
        const int t = plan->buffers[i].tensor;
        out << (producer.contains(t) ? QStringLiteral("#%1 %2").arg(producer.value(t)).arg(suffixes[int(i)])
                                     : QStringLiteral("%1 %2").arg(tr("in"), suffixes[int(i)]));
    }
    return out;
}

void MemoryView::paintLane(QPainter &p, int pool, const Lane &l) const
{
    const ember::MemoryPlan *plan = shownPlan();
    const ember::PoolSpec &spec = plan->pools[size_t(pool)];
    const qint64 used = qint64(plan->poolUsed[size_t(pool)]);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(QColor(0x26, 0x32, 0x38));
    QString head = QString::fromStdString(spec.name);
    p.drawText(l.header.adjusted(0, 0, 0, -4), Qt::AlignLeft | Qt::AlignBottom, head);
    p.setFont(font());
    p.setPen(QColor(0x55, 0x5f, 0x6a));
    QString detail = tr("peak %1").arg(formatBytes(used));
    if (spec.size) detail += tr(" of %1").arg(formatBytes(qint64(spec.size)));
    else detail += QStringLiteral("  ·  ") + tr("size auto");  // size 0: as large as the plan needs
    if (!spec.section.empty()) detail += QStringLiteral("  ·  ") + QString::fromStdString(spec.section);
    if (spec.appProvided) detail += QStringLiteral("  ·  ") + tr("app-provided");
    p.drawText(l.header.adjusted(QFontMetrics(bold).horizontalAdvance(head) + 12, 0, 0, -4), Qt::AlignLeft | Qt::AlignBottom, detail);

    p.fillRect(l.plot, QColor(0xfa, 0xfb, 0xfc));
    const qreal k = l.plot.height() / qreal(l.yMax);
    // Byte grid: ~5 lines at round values.
    // Grid at power-of-two byte counts (1, 2, 4 ... KiB), 4-8 lines per lane.
    qint64 step = 1;
    while (l.yMax / step > 6) step *= 2;
    for (qint64 v = 0; v <= l.yMax; v += step) {
        const qreal y = l.plot.top() + k * v;
        p.setPen(QPen(kGrid, 1));
        p.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        p.setPen(QColor(0x6b, 0x75, 0x80));
        p.drawText(QRectF(0, y - 8, kLeft - 8, 16), Qt::AlignRight | Qt::AlignVCenter, formatBytes(v));
    }
    // Step axis below the lane, titled at its left end.
    p.setPen(QColor(0x6b, 0x75, 0x80));
    p.drawText(QRectF(0, l.plot.bottom() + 2, kLeft - 8, kAxis - 4), Qt::AlignRight | Qt::AlignVCenter, tr("step →"));
    // The x-axis title under the step numbers of the last lane.
    if (pool == int(plan->pools.size()) - 1)
        p.drawText(QRectF(l.plot.left(), l.plot.bottom() + kAxis - 4, l.plot.width(), kAxisTitle), Qt::AlignCenter,
                   tr("execution step (operator index) — a buffer spans the steps it is live"));
    const int steps = qMax(1, plan->steps);
    const int every = qMax(1, int(std::ceil(28.0 / (l.plot.width() / steps))));
    for (int s = 0; s < steps; s += every) {
        const qreal x = xOf(l.plot, s + 0.5);
        p.setPen(QColor(0x6b, 0x75, 0x80));
        p.drawText(QRectF(x - 20, l.plot.bottom() + 2, 40, kAxis - 4), Qt::AlignCenter, QString::number(s));
    }
    p.setPen(QPen(QColor(0xc5, 0xcc, 0xd3), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(l.plot);
    if (spec.size && qint64(spec.size) < l.yMax) {
        const qreal y = l.plot.top() + k * qreal(spec.size);
        const bool over = used > qint64(spec.size);
        p.fillRect(QRectF(QPointF(l.plot.left(), y), l.plot.bottomRight()),
                   QBrush(over ? QColor(0xd3, 0x2f, 0x2f, 60) : QColor(0, 0, 0, 20), Qt::BDiagPattern));
        if (over) {
            // The capacity line: everything below it does not fit.
            p.setPen(QPen(kPeak, 2));
            p.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
            p.drawText(QRectF(l.plot.left() + 4, y + 1, l.plot.width() - 8, 16), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("capacity %1 — %2 short").arg(formatBytes(qint64(spec.size)), formatBytes(used - qint64(spec.size))));
        }
    }
}

void MemoryView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(rect(), palette().base());
    const ember::MemoryPlan *plan = shownPlan();
    if (!plan) {
        p.setPen(QColor(0x6b, 0x75, 0x80));
        QString msg = session_->hasModel() ? tr("No memory plan: %1").arg(QString::fromStdString(session_->planDiagnostics().format()))
                                           : tr("Open a model to see its memory plan.");
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, msg);
        return;
    }
    const QList<Lane> ls = lanes();
    for (int i = 0; i < ls.size(); ++i) paintLane(p, i, ls[i]);

    const int selTensor = session_->selectedTensor();
    QFont small = font();
    small.setPointSizeF(qMax(7.0, font().pointSizeF() - 1.5));
    p.setFont(small);
    const QFontMetricsF fm(small);
    const QStringList labels = bufferLabels();
    for (const BufferRect &r : bufferRects()) {
        const ember::PlannedBuffer &b = plan->buffers[size_t(r.buffer)];
        QColor c = layerColor(b.first);
        if (r.buffer == hover_) c = c.lighter(115);
        p.setPen(QPen(c.darker(150), 1));
        p.setBrush(c);
        const ember::PoolSpec &spec = plan->pools[size_t(b.pool)];
        if (spec.size && b.offset + b.bytes > spec.size) {
            // Past the pool's end (only in the overflow plan): red outline.
            p.setPen(QPen(kPeak, 2));
            p.setBrush(QBrush(c.lighter(110)));
        }
        p.drawRect(r.rect);
        if (b.tensor == selTensor) {
            p.setPen(QPen(QColor(0xff, 0x8f, 0x00), 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.rect.adjusted(1, 1, -1, -1));
        }
        if (session_->options().pins.contains(QString::fromStdString(b.name))) {
            // A small corner mark for pinned buffers.
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x26, 0x32, 0x38));
            p.drawPolygon(QPolygonF{r.rect.topRight(), r.rect.topRight() + QPointF(-8, 0), r.rect.topRight() + QPointF(0, 8)});
        }
        if (r.rect.height() >= fm.height() + 2 && r.rect.width() > 30) {
            p.setPen(QColor(0x1d, 0x23, 0x29));
            // A buffer sharing its bytes (alias / in place) is marked "⇐",
            // kept when the name itself is elided.
            // The "#op" / "in" prefix stays too: only the name is elided.
            const QString full = labels.value(r.buffer);
            const qsizetype space = full.indexOf(QLatin1Char(' '));
            const QString keep = (b.sharesWith >= 0 ? QStringLiteral("\u21d0 ") : QString()) + full.left(space + 1);
            const QString label =
                keep + fm.elidedText(full.mid(space + 1), Qt::ElideLeft, r.rect.width() - 6 - fm.horizontalAdvance(keep));
            p.drawText(r.rect.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    p.setFont(font());
    // Peak and lower-bound lines.
    p.setRenderHint(QPainter::Antialiasing, true);
    for (int i = 0; i < ls.size(); ++i) {
        const Lane &l = ls[i];
        const qreal k = l.plot.height() / qreal(l.yMax);
        auto hline = [&](qint64 v, const QColor &c, const QString &text, bool above) {
            const qreal y = l.plot.top() + k * qreal(v);
            p.setPen(QPen(c, 1.6, Qt::DashLine));
            p.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
            const QRectF tr(l.plot.right() - 260, above ? y - 17 : y + 1, 256, 16);
            p.setPen(c);
            p.drawText(tr, Qt::AlignRight | Qt::AlignVCenter, text);
        };
        hline(qint64(plan->poolUsed[size_t(i)]), kPeak, tr("peak %1").arg(formatBytes(qint64(plan->poolUsed[size_t(i)]))), false);
        if (i == 0 && plan->lowerBound)
            hline(qint64(plan->lowerBound), kBound, tr("lower bound %1").arg(formatBytes(qint64(plan->lowerBound))), true);
    }
    if (dragging_ && dragBuffer_ >= 0) {
        for (const BufferRect &r : bufferRects()) {
            if (r.buffer != dragBuffer_) continue;
            QRectF ghost = r.rect.translated(dragPos_ - dragStart_);
            p.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.5, Qt::DashLine));
            p.setBrush(QColor(0x1e, 0x88, 0xe5, 50));
            p.drawRect(ghost);
            const int target = poolAt(dragPos_);
            if (target >= 0 && target != r.pool) {
                p.setBrush(QColor(0x1e, 0x88, 0xe5, 25));
                p.setPen(Qt::NoPen);
                p.drawRect(laneRect(target));
            }
        }
    }
}

bool MemoryView::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(e);
        const int b = bufferAt(he->pos());
        if (b >= 0) QToolTip::showText(he->globalPos(), tooltipFor(b), this);
        else QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void MemoryView::mousePressEvent(QMouseEvent *e)
{
    const int b = bufferAt(e->position());
    if (e->button() == Qt::LeftButton && b >= 0) {
        dragBuffer_ = b;
        dragStart_ = dragPos_ = e->position();
        session_->selectTensor(shownPlan()->buffers[size_t(b)].tensor);
    }
}

void MemoryView::mouseMoveEvent(QMouseEvent *e)
{
    const int h = bufferAt(e->position());
    if (h != hover_) {
        hover_ = h;
        update();
    }
    if (dragBuffer_ >= 0 && (e->buttons() & Qt::LeftButton)) {
        dragPos_ = e->position();
        dragging_ = dragging_ || (dragPos_ - dragStart_).manhattanLength() > QApplication::startDragDistance();
        if (dragging_) update();
    }
}

void MemoryView::mouseReleaseEvent(QMouseEvent *e)
{
    if (dragging_ && dragBuffer_ >= 0) {
        const int target = poolAt(e->position());
        const ember::MemoryPlan *plan = shownPlan();
        if (plan && target >= 0 && target != plan->buffers[size_t(dragBuffer_)].pool)
            pinBuffer(dragBuffer_, QString::fromStdString(plan->pools[size_t(target)].name));
    }
    dragging_ = false;
    dragBuffer_ = -1;
    update();
}

void MemoryView::leaveEvent(QEvent *)
{
    hover_ = -1;
    update();
}

void MemoryView::contextMenuEvent(QContextMenuEvent *e)
{
    const ember::MemoryPlan *plan = shownPlan();
    const int b = bufferAt(e->pos());
    if (!plan || b < 0) return;
    const ember::PlannedBuffer &buf = plan->buffers[size_t(b)];
    const QString name = QString::fromStdString(buf.name);
    QMenu menu(this);
    QMenu *pin = menu.addMenu(tr("Pin to pool"));
    for (size_t i = 0; i < plan->pools.size(); ++i) {
        const QString pool = QString::fromStdString(plan->pools[i].name);
        QAction *a = pin->addAction(pool, this, [this, b, pool] { pinBuffer(b, pool); });
        a->setEnabled(int(i) != buf.pool || !session_->options().pins.contains(name));
        // The pool the buffer is in now is ticked.
        a->setCheckable(true);
        a->setChecked(int(i) == buf.pool);
    }
    if (plan->pools.size() < 2) pin->addAction(tr("(add a second pool in Options first)"))->setEnabled(false);
    if (session_->options().pins.contains(name))
        menu.addAction(tr("Remove pin"), this, [this, name] { session_->pinTensor(name, QString()); });
    menu.addSeparator();
    menu.addAction(tr("Select in graph"), this, [this, buf] { session_->selectTensor(buf.tensor); });
    menu.exec(e->globalPos());
}

bool MemoryView::exportPng(const QString &path) const
{
    QImage img(size() * 2, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(2);
    img.fill(Qt::white);
    const_cast<MemoryView *>(this)->render(&img);
    return img.save(path, "PNG");
}

QString MemoryView::svg() const
{
    const ember::MemoryPlan *plan = shownPlan();
    QString s;
    QTextStream out(&s);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" font-family=\"DejaVu Sans\" font-size=\"11\">\n")
               .arg(width()).arg(height())
        << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    if (!plan) return s + "</svg>\n";
    const QList<Lane> ls = lanes();
    for (int i = 0; i < ls.size(); ++i) {
        const Lane &l = ls[i];
        out << QStringLiteral("<text x=\"%1\" y=\"%2\" font-weight=\"bold\">%3 — peak %4</text>\n")
                   .arg(l.header.left()).arg(l.header.bottom() - 6)
                   .arg(QString::fromStdString(plan->pools[size_t(i)].name).toHtmlEscaped(), formatBytes(qint64(plan->poolUsed[size_t(i)])))
            << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#fafbfc\" stroke=\"#c5ccd3\"/>\n")
                   .arg(l.plot.left()).arg(l.plot.top()).arg(l.plot.width()).arg(l.plot.height());
        const qreal y = l.plot.top() + l.plot.height() * qreal(plan->poolUsed[size_t(i)]) / qreal(l.yMax);
        out << QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-dasharray=\"6 4\"/>\n")
                   .arg(l.plot.left()).arg(y).arg(l.plot.right()).arg(kPeak.name());
    }
    for (const BufferRect &r : bufferRects()) {
        const ember::PlannedBuffer &b = plan->buffers[size_t(r.buffer)];
        out << QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" stroke=\"%6\"><title>%7 %8 B @ %9</title></rect>\n")
                   .arg(r.rect.x()).arg(r.rect.y()).arg(r.rect.width()).arg(r.rect.height())
                   .arg(layerColor(b.first).name(), layerColor(b.first).darker(150).name(),
                        QString::fromStdString(b.name).toHtmlEscaped())
                   .arg(b.bytes).arg(b.offset);
    }
    return s + "</svg>\n";
}

bool MemoryView::exportSvg(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(svg().toUtf8()) >= 0;
}

MemoryPanel::MemoryPanel(Session *session, QWidget *parent)
    : QWidget(parent), session_(session), view_(new MemoryView(session, this))
{
    planner_ = new QComboBox(this);
    planner_->setObjectName("memoryPlanner");
    for (const std::string &p : ember::plannerNames()) planner_->addItem(QString::fromStdString(p), QString::fromStdString(p));
    plannerLabel_ = new QLabel(this);
    totals_ = new QLabel(this);
    totals_->setObjectName("memoryTotals");
    // Long totals (a planning failure) must never widen the window.
    totals_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    export_ = new QToolButton(this);
    export_->setAutoRaise(true);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(plannerLabel_);
    bar->addWidget(planner_);
    bar->addSpacing(16);
    bar->addWidget(totals_, 1);
    bar->addWidget(export_);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addLayout(bar);
    // The selected board's regions against what the model needs (before a build).
    lay->addWidget(new CapacityBars(session_));
    lay->addWidget(view_, 1);
    connect(planner_, &QComboBox::activated, this, [this] { session_->setPlanner(planner_->currentData().toString()); });
    connect(session_, &Session::planChanged, this, &MemoryPanel::refresh);
    connect(session_, &Session::optionsChanged, this, &MemoryPanel::refresh);
    connect(export_, &QToolButton::clicked, this, &MemoryPanel::exportPicture);
    retranslate();
    refresh();
}

void MemoryPanel::retranslate()
{
    plannerLabel_->setText(tr("Planner:"));
    export_->setText(tr("Export picture…"));
    export_->setToolTip(tr("Save the memory view as PNG or SVG"));
    refresh();
}

void MemoryPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

QString MemoryPanel::totalsText() const
{
    const ember::MemoryPlan *plan = session_->plan();
    if (!plan) {
        if (!session_->hasModel()) return QString();
        const auto &items = session_->planDiagnostics().items();
        return items.empty() ? tr("planning failed (see Messages)")
                             : tr("planning failed: %1").arg(QString::fromStdString(items.front().message));
    }
    QStringList parts;
    for (size_t i = 0; i < plan->pools.size(); ++i)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(plan->pools[i].name), formatBytes(qint64(plan->poolUsed[i])));
    return tr("Total %1 (%2) · lower bound %3 · %4 buffers")
        .arg(formatBytes(qint64(plan->totalUsed())), parts.join(QStringLiteral(", ")), formatBytes(qint64(plan->lowerBound)))
        .arg(plan->buffers.size());
}

void MemoryPanel::refresh()
{
    QSignalBlocker b(planner_);
    const int i = planner_->findData(session_->options().planner());
    if (i >= 0) planner_->setCurrentIndex(i);
    totals_->setText(totalsText());
    totals_->setToolTip(totalsText());
    view_->update();
}

void MemoryPanel::exportPicture()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export memory picture"), QStringLiteral("memory.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) return;
    const bool ok = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive) ? view_->exportSvg(path) : view_->exportPng(path);
    if (ok) session_->info(tr("memory picture saved to %1").arg(path));
    else session_->report({StudioMessage::Level::Error, tr("cannot write '%1'; choose a writable folder").arg(path)});
}

}  // namespace ember::studio
