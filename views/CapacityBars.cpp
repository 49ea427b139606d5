#include "CapacityBars.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include "BuildOptions.h"
#include "Session.h"

namespace ember::studio {

namespace {
constexpr int kRow = 22, kLabel = 150, kText = 230, kPad = 6;
const QColor kColors[] = {QColor(0x42, 0x85, 0xf4), QColor(0x34, 0xa8, 0x53), QColor(0xfb, 0xbc, 0x04),
                          QColor(0x8e, 0x44, 0xad), QColor(0x00, 0x96, 0x88), QColor(0x9e, 0x9e, 0x9e)};
}  // namespace

CapacityBars::CapacityBars(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    setObjectName("capacityBars");
    for (auto sig : {&Session::planChanged, &Session::boardChanged, &Session::modelChanged, &Session::profileChanged,
                     &Session::optionsChanged})
        connect(session_, sig, this, &CapacityBars::refresh);
    refresh();
}

void CapacityBars::refresh()
{
    bars_.clear();
    unplaced_.clear();
    if (session_->board()) bars_ = capacityBars(*session_, *session_->board(), &unplaced_);
    setVisible(!bars_.isEmpty());
    updateGeometry();
    update();
}

QSize CapacityBars::sizeHint() const { return {600, kPad * 2 + int(bars_.size()) * kRow + (unplaced_.isEmpty() ? 0 : kRow)}; }

QRectF CapacityBars::barRect(int i) const
{
    return QRectF(kLabel, kPad + i * kRow + 3, qMax(40, width() - kLabel - kText - 2 * kPad), kRow - 6);
}

void CapacityBars::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    for (int i = 0; i < bars_.size(); ++i) {
        const CapacityBar &b = bars_[i];
        const QRectF r = barRect(i);
        p.setPen(palette().text().color());
        // "Flash FLASH" says it twice: the kind only when the region's name does not.
        const QString kind = b.kind == QLatin1String("flash") ? tr("Flash") : tr("RAM");
        const bool named = b.region.compare(b.kind, Qt::CaseInsensitive) == 0 || b.region.compare(kind, Qt::CaseInsensitive) == 0;
        p.drawText(QRectF(kPad, r.top() - 2, kLabel - 2 * kPad, kRow - 2), Qt::AlignLeft | Qt::AlignVCenter,
                   named ? b.region : QStringLiteral("%1 %2").arg(kind, b.region));
        p.fillRect(r, QColor(0xee, 0xf1, 0xf4));
        // Scale to the larger of use and capacity; the capacity is a line.
        const double scale = r.width() / double(qMax<qint64>(1, qMax(b.capacity, b.used())));
        double x = r.left();
        for (int k = 0; k < b.parts.size(); ++k) {
            const double w = b.parts[k].bytes * scale;
            QColor c = kColors[k % 6];
            if (b.parts[k].estimate) c = c.lighter(130);
            p.fillRect(QRectF(x, r.top(), w, r.height()), c);
            x += w;
        }
        const double cap = r.left() + b.capacity * scale;
        if (!b.fits()) p.fillRect(QRectF(cap, r.top(), x - cap, r.height()), QBrush(QColor(0xd3, 0x2f, 0x2f), Qt::BDiagPattern));
        p.setPen(QPen(b.fits() ? QColor(0x55, 0x5f, 0x6a) : QColor(0xd3, 0x2f, 0x2f), 2));
        p.drawLine(QPointF(cap, r.top() - 2), QPointF(cap, r.bottom() + 2));
        p.setPen(b.fits() ? palette().text().color() : QColor(0xb7, 0x1c, 0x1c));
        const double pct = b.capacity ? 100.0 * double(b.used()) / double(b.capacity) : 0;
        p.drawText(QRectF(r.right() + kPad, r.top() - 2, kText, kRow - 2), Qt::AlignLeft | Qt::AlignVCenter,
                   b.fits() ? tr("%1 of %2 (%3 %)").arg(formatBytes(b.used()), formatBytes(b.capacity)).arg(pct, 0, 'f', 1)
                            : tr("%1 of %2 — does not fit").arg(formatBytes(b.used()), formatBytes(b.capacity)));
    }
    if (!unplaced_.isEmpty()) {
        p.setPen(QColor(0xb7, 0x1c, 0x1c));
        p.drawText(QRectF(kPad, kPad + bars_.size() * kRow, width() - 2 * kPad, kRow), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("pools whose section is in no region of this board: %1").arg(unplaced_.join(QStringLiteral(", "))));
    }
}

bool CapacityBars::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const QPoint pos = static_cast<QHelpEvent *>(e)->pos();
        for (int i = 0; i < bars_.size(); ++i) {
            if (!barRect(i).adjusted(-kLabel, -3, kText, 3).contains(pos)) continue;
            QStringList lines{QStringLiteral("<b>%1</b> (%2)").arg(bars_[i].region, formatBytes(bars_[i].capacity))};
            for (const CapacityPart &part : bars_[i].parts)
                lines << QStringLiteral("%1: %2%3").arg(part.label, formatBytes(part.bytes), part.estimate ? tr(" (estimate)") : QString());
            QToolTip::showText(static_cast<QHelpEvent *>(e)->globalPos(), lines.join(QStringLiteral("<br>")), this);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

}  // namespace ember::studio
