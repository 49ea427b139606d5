#include "MessagesPane.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QStyle>
#include <QStyledItemDelegate>

#include "Session.h"

namespace ember::studio {

namespace {
enum Role { OpRole = Qt::UserRole + 1, TensorRole };

// Rows as tall as their wrapped Message text at the column's current width
// (the default delegate measures one unwrapped line).
class WrapDelegate : public QStyledItemDelegate {
public:
    WrapDelegate(QTreeView *view) : QStyledItemDelegate(view), view_(view) {}
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() != 3) return s;
        const int w = view_->header()->sectionSize(3) - 12;
        if (w <= 40) return s;
        const QRect r = option.fontMetrics.boundingRect(QRect(0, 0, w, 100000), Qt::TextWordWrap | Qt::TextWrapAnywhere,
                                                        index.data(Qt::DisplayRole).toString());
        return {s.width(), qMax(s.height(), r.height() + 4)};
    }

private:
    QTreeView *view_;
};
}  // namespace

MessagesPane::MessagesPane(Session *session, QWidget *parent) : QTreeWidget(parent), session_(session)
{
    setColumnCount(4);
    // Decorated: messages with a raw log show an expander.
    setRootIsDecorated(true);
    // Long messages wrap in the Message column (rows grow) instead of
    // being cut at the pane's edge.
    setUniformRowHeights(false);
    setWordWrap(true);
    setAlternatingRowColors(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    header()->setStretchLastSection(true);
    header()->setMinimumSectionSize(40);
    // Time fits its text and icon at every width; Operator and Tensor are
    // narrow by default (elided in the middle, full text in the tooltip).
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->resizeSection(1, 130);
    header()->resizeSection(2, 150);
    setItemDelegate(new WrapDelegate(this));
    // A wider or narrower Message column re-measures the wrapped rows.
    connect(header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == 3) scheduleDelayedItemsLayout();
    });
    retranslate();
    connect(session_, &Session::message, this, &MessagesPane::add);
    connect(this, &QTreeWidget::itemClicked, this, &MessagesPane::onActivated);
    connect(this, &QTreeWidget::itemActivated, this, &MessagesPane::onActivated);
}

void MessagesPane::retranslate()
{
    setHeaderLabels({tr("Time"), tr("Operator"), tr("Tensor"), tr("Message")});
}

void MessagesPane::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QTreeWidget::changeEvent(e);
}

QString MessagesPane::lastText() const
{
    const int n = topLevelItemCount();
    return n ? topLevelItem(n - 1)->text(3) : QString();
}

QString MessagesPane::lastDetails() const
{
    const int n = topLevelItemCount();
    if (!n) return {};
    QStringList lines;
    const QTreeWidgetItem *it = topLevelItem(n - 1);
    for (int i = 0; i < it->childCount(); ++i) lines << it->child(i)->text(3);
    return lines.join('\n');
}

void MessagesPane::add(const StudioMessage &m)
{
    auto *item = new QTreeWidgetItem(this);
    item->setText(0, QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    if (m.opIndex >= 0)
        item->setText(1, QStringLiteral("#%1 %2").arg(m.opIndex).arg(m.opName));
    item->setText(2, m.tensor);
    item->setToolTip(1, item->text(1));
    item->setToolTip(2, m.tensor);
    QString text = m.text;
    if (!m.file.isEmpty() && m.level != StudioMessage::Level::Info) text += QStringLiteral("  (%1)").arg(m.file);
    item->setText(3, text);
    item->setToolTip(3, text);
    item->setData(0, OpRole, m.opIndex);
    item->setData(0, TensorRole, m.tensor);
    const QStyle::StandardPixmap icon = m.level == StudioMessage::Level::Error     ? QStyle::SP_MessageBoxCritical
                                        : m.level == StudioMessage::Level::Warning ? QStyle::SP_MessageBoxWarning
                                                                                   : QStyle::SP_MessageBoxInformation;
    item->setIcon(0, style()->standardIcon(icon));
    if (m.level == StudioMessage::Level::Error) {
        ++errors_;
        item->setForeground(3, QColor(0xb7, 0x1c, 0x1c));
    } else if (m.level == StudioMessage::Level::Warning) {
        item->setForeground(3, QColor(0x9a, 0x67, 0x00));
    }
    if (!m.details.isEmpty()) addDetails(item, m.details);
    scrollToItem(item);
}

void MessagesPane::addDetails(QTreeWidgetItem *item, const QString &details)
{
    // The tail is what explains a failure; very long logs keep their last lines.
    constexpr int kMaxLines = 400;
    QStringList lines = details.split('\n');
    if (lines.size() > kMaxLines) {
        const int cut = int(lines.size()) - kMaxLines;
        lines = lines.mid(cut);
        lines.prepend(tr("… %n earlier line(s) not shown", nullptr, cut));
    }
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const QString &l : lines) {
        auto *c = new QTreeWidgetItem(item);
        c->setText(3, l);
        c->setFont(3, mono);
        c->setForeground(3, QColor(0x4a, 0x55, 0x62));
        c->setData(0, OpRole, -1);
    }
    item->setToolTip(3, item->toolTip(3) + QLatin1Char('\n') + tr("Expand to see the raw tool log."));
}

void MessagesPane::onActivated(QTreeWidgetItem *item)
{
    if (!item) return;
    const int op = item->data(0, OpRole).toInt();
    const QString tensor = item->data(0, TensorRole).toString();
    // Diagnostics carry the op's index in the model; the graph selects by position.
    // A named tensor wins: it selects its buffer in the memory view and its producer in the graph.
    if (!tensor.isEmpty() && session_->findTensor(tensor) >= 0) session_->selectTensor(session_->findTensor(tensor));
    else if (op >= 0 && session_->findOpByIndex(op) >= 0) session_->selectOp(session_->findOpByIndex(op));
    emit activatedLocation(op, tensor);
}

}  // namespace ember::studio
