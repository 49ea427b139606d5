#include "ProfileView.h"

#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "OpStyle.h"
#include "Session.h"
#include "SummaryPanel.h"

namespace ember::studio {

namespace {

// MACs per cycle says how well a kernel uses the core; the MACs themselves
// are in the row's tooltip (and the model summary).
enum Column { ColIndex, ColLayer, ColOp, ColCount, ColShare, ColEfficiency, ColumnCount };
enum Role { FractionRole = Qt::UserRole + 1, ColorRole, SortRole };

// The share column: a bar scaled to the hottest layer, in the op's colour,
// with the percentage of the total beside it.
class ShareBarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &opt, const QModelIndex &idx) const override
    {
        QStyleOptionViewItem o(opt);
        initStyleOption(&o, idx);
        const QString text = o.text;
        o.text.clear();
        o.widget->style()->drawControl(QStyle::CE_ItemViewItem, &o, p, o.widget);
        const double f = idx.data(FractionRole).toDouble();
        const QColor c = idx.data(ColorRole).value<QColor>();
        const int textW = o.fontMetrics.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
        const QRect area = o.rect.adjusted(4, 4, -textW, -4);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xee, 0xf1, 0xf4));
        p->drawRoundedRect(area, 3, 3);
        QRect bar = area;
        bar.setWidth(std::max(2, int(area.width() * f)));
        p->setBrush(c.isValid() ? c : QColor(0x5b, 0x8d, 0xd6));
        p->drawRoundedRect(bar, 3, 3);
        p->setPen(o.palette.color(QPalette::Text));
        p->drawText(QRect(area.right() + 6, o.rect.top(), textW - 6, o.rect.height()), Qt::AlignVCenter | Qt::AlignRight, text);
        p->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &o, const QModelIndex &i) const override
    {
        return QStyledItemDelegate::sizeHint(o, i).expandedTo(QSize(160, 22));
    }
};

// Items sort by number where they hold one.
class ProfileItem : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int c = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(c, SortRole), b = other.data(c, SortRole);
        if (a.isValid() && b.isValid()) return a.toDouble() < b.toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};

// Length of the "functional_1/" every layer name starts with (Keras model
// scope): it says nothing and hides the part that does.
int commonPathPrefix(const QList<ProfileLayer> &layers)
{
    if (layers.size() < 2) return 0;
    QString prefix = shortName(layers.first().name.toStdString());
    prefix = prefix.left(prefix.indexOf(QLatin1Char('/')) + 1);
    if (prefix.isEmpty()) return 0;
    int hits = 0;
    for (const ProfileLayer &l : layers) hits += shortName(l.name.toStdString()).startsWith(prefix) ? 1 : 0;
    // Most layers under one scope (outputs like "Identity" may not be).
    return hits * 2 > layers.size() ? int(prefix.size()) : 0;
}

}  // namespace

// One number with its caption, e.g. "Total" / "20,623,200 instructions".
class StatCard : public QFrame {
public:
    explicit StatCard(QWidget *parent = nullptr) : QFrame(parent)
    {
        setObjectName(QStringLiteral("statCard"));
        setStyleSheet(QStringLiteral("QFrame#statCard { background: #ffffff; border: 1px solid #d5dbe1; border-radius: 5px; }"));
        caption_ = new QLabel;
        caption_->setStyleSheet(QStringLiteral("color:#6b7580; font-size:8.5pt; border:none"));
        value_ = new QLabel;
        value_->setStyleSheet(QStringLiteral("color:#1f2a33; font-size:12.5pt; font-weight:bold; border:none"));
        value_->setTextInteractionFlags(Qt::TextSelectableByMouse);
        detail_ = new QLabel;
        detail_->setStyleSheet(QStringLiteral("color:#4a5560; font-size:8.5pt; border:none"));
        detail_->setWordWrap(true);
        auto *l = new QVBoxLayout(this);
        l->setContentsMargins(10, 6, 10, 7);
        l->setSpacing(1);
        l->addWidget(caption_);
        l->addWidget(value_);
        l->addWidget(detail_);
    }
    void set(const QString &caption, const QString &value, const QString &detail, const QString &valueColor = {})
    {
        caption_->setText(caption.toUpper());
        value_->setText(value);
        value_->setStyleSheet(QStringLiteral("color:%1; font-size:12.5pt; font-weight:bold; border:none")
                                  .arg(valueColor.isEmpty() ? QStringLiteral("#1f2a33") : valueColor));
        detail_->setText(detail);
    }
    QString value() const { return value_->text(); }
    QString detail() const { return detail_->text(); }

private:
    QLabel *caption_, *value_, *detail_;
};

ProfileView::ProfileView(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    empty_ = new QLabel;
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setStyleSheet(QStringLiteral("color:#6b7580; font-size:11pt; padding:40px"));

    title_ = new QLabel;
    title_->setStyleSheet(QStringLiteral("font-size:11pt; font-weight:bold; color:#1f2a33"));
    // A long model or board name must not widen the window.
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    board_ = new StatCard;
    total_ = new StatCard;
    time_ = new StatCard;
    check_ = new StatCard;
    memory_ = new StatCard;
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    cards->addWidget(board_, 0, 0);
    cards->addWidget(total_, 0, 1);
    cards->addWidget(time_, 0, 2);
    cards->addWidget(check_, 0, 3);
    cards->addWidget(memory_, 0, 4);
    for (int c = 0; c < 5; ++c) cards->setColumnStretch(c, c == 0 ? 3 : 2);

    table_ = new QTreeWidget;
    table_->setObjectName(QStringLiteral("profileTable"));
    table_->setColumnCount(ColumnCount);
    table_->setRootIsDecorated(false);
    table_->setAlternatingRowColors(true);
    table_->setUniformRowHeights(true);
    table_->setSortingEnabled(true);
    table_->setItemDelegateForColumn(ColShare, new ShareBarDelegate(table_));
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->header()->setStretchLastSection(false);
    table_->header()->setMinimumSectionSize(28);
    // Numbers keep their width; the layer name gives way to the bars.
    for (int c : {int(ColIndex), int(ColOp), int(ColCount), int(ColEfficiency)})
        table_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->header()->setSectionResizeMode(ColLayer, QHeaderView::Interactive);
    table_->header()->setSectionResizeMode(ColShare, QHeaderView::Stretch);
    note_ = new QLabel;
    note_->setWordWrap(true);
    note_->setStyleSheet(QStringLiteral("color:#6b7580; padding:2px 2px"));

    auto *page = new QWidget;
    auto *pl = new QVBoxLayout(page);
    pl->setContentsMargins(10, 8, 10, 6);
    pl->setSpacing(8);
    pl->addWidget(title_);
    pl->addLayout(cards);
    pl->addWidget(table_, 1);
    pl->addWidget(note_);

    stack_ = new QStackedWidget;
    stack_->addWidget(empty_);
    stack_->addWidget(page);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(stack_);

    connect(session_, &Session::profileChanged, this, &ProfileView::refresh);
    connect(session_, &Session::modelChanged, this, &ProfileView::refresh);
    connect(session_, &Session::selectionChanged, this, &ProfileView::syncSelection);
    connect(table_, &QTreeWidget::itemSelectionChanged, this, [this] {
        if (syncing_) return;
        const auto sel = table_->selectedItems();
        const ProfileRecord *p = session_->profile();
        // Layer k is graph op k only when the run profiled this very graph.
        if (sel.isEmpty() || !p || !session_->graph() || p->layers.size() != qsizetype(session_->graph()->ops.size())) return;
        syncing_ = true;
        session_->selectOp(sel.first()->data(ColIndex, SortRole).toInt());
        syncing_ = false;
    });
    retranslate();
}

void ProfileView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void ProfileView::retranslate()
{
    refresh();
}

void ProfileView::setRunning(const QString &stage)
{
    running_ = stage;
    if (!session_->profile()) refresh();
}

int ProfileView::layerCount() const { return table_->topLevelItemCount(); }

qint64 ProfileView::shownLayerSum() const
{
    qint64 sum = 0;
    for (int i = 0; i < table_->topLevelItemCount(); ++i) sum += table_->topLevelItem(i)->data(ColCount, SortRole).toLongLong();
    return sum;
}

QString ProfileView::outputCheckText() const { return check_->value() + QLatin1Char(' ') + check_->detail(); }
QString ProfileView::timeText() const { return time_->value() + QLatin1Char(' ') + time_->detail(); }

void ProfileView::refresh()
{
    const ProfileRecord *p = session_->profile();
    table_->clear();
    shownTotal_ = 0;
    if (!p) {
        empty_->setText(!running_.isEmpty() ? tr("Profiling… %1").arg(running_)
                        : session_->hasModel()
                            ? tr("No profile run yet.\nChoose a board in the toolbar and press Profile (Ctrl+R): the model is compiled, "
                                 "built into firmware, run on the board and checked against the host.")
                            : tr("Open a model, choose a board in the toolbar and press Profile (Ctrl+R)."));
        stack_->setCurrentIndex(0);
        return;
    }
    stack_->setCurrentIndex(1);
    const QLocale loc;
    const QString unit = p->unit == QLatin1String("instructions") ? tr("instructions") : tr("cycles");
    const bool cycles = p->unit == QLatin1String("cycles");
    title_->setText(tr("%1 on %2 · %3")
                        .arg(session_->hasModel() ? QFileInfo(session_->modelPath()).fileName() : QString(), p->boardName,
                             p->time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    title_->setToolTip(title_->text());
    board_->set(tr("Board"), p->boardId, p->emulated ? tr("emulated (QEMU -icount)") : tr("hardware"));
    // The total is what the layers add up to, so it matches the table; the
    // few instructions of the entry function around them are shown apart.
    const qint64 sum = p->shownTotal();
    const qint64 outside = p->total - sum;
    total_->set(tr("Total"), groupDigits(sum), tr("%1 · %n layer(s)", nullptr, int(p->layers.size())).arg(unit));
    const QString mhz = loc.toString(double(p->clockHz) / 1e6, 'f', p->clockHz % 1000000 ? 1 : 0);
    time_->set(tr("Time at clock"), p->clockHz ? tr("%1 ms").arg(loc.toString(p->millisAtClock(), 'f', 2)) : tr("n/a"),
               cycles ? tr("at %1 MHz").arg(mhz) : tr("at %1 MHz (≈ 1 instr./cycle)").arg(mhz));
    if (p->outputCheck == QLatin1String("bit-exact"))
        check_->set(tr("Output check"), tr("✓ bit-exact"), tr("same bytes as the host run"), QStringLiteral("#1a7f37"));
    else if (p->outputCheck == QLatin1String("mismatch"))
        check_->set(tr("Output check"), tr("✗ mismatch"), p->mismatch, QStringLiteral("#b71c1c"));
    else
        check_->set(tr("Output check"), tr("not compared"), tr("no host run"), QStringLiteral("#9a6700"));
    memory_->set(tr("Memory"), tr("%1 flash").arg(formatBytes(p->flashBytes)),
                 tr("RAM %1 · stack used %2").arg(formatBytes(p->ramBytes), formatBytes(p->stackUsed)));

    table_->setHeaderLabels({tr("#"), tr("Layer"), tr("Operator"), unit.left(1).toUpper() + unit.mid(1), tr("Share"),
                             cycles ? tr("MACs/cycle") : tr("MACs/instr.")});
    table_->headerItem()->setTextAlignment(ColCount, Qt::AlignRight | Qt::AlignVCenter);
    table_->headerItem()->setTextAlignment(ColEfficiency, Qt::AlignRight | Qt::AlignVCenter);
    qint64 hottest = 1;
    for (const ProfileLayer &l : p->layers) hottest = std::max(hottest, l.count);
    const ember::Graph *g = session_->graph();
    const bool sameGraph = g && p->layers.size() == qsizetype(g->ops.size());
    table_->setSortingEnabled(false);
    const int prefix = commonPathPrefix(p->layers);
    for (int i = 0; i < p->layers.size(); ++i) {
        const ProfileLayer &l = p->layers[i];
        auto *it = new ProfileItem(table_);
        it->setText(ColIndex, QString::number(i));
        it->setData(ColIndex, SortRole, i);
        const QString shown = shortName(l.name.toStdString());
        it->setText(ColLayer, prefix && shown.size() > prefix && shown.startsWith(p->layers.first().name.left(prefix)) ? shown.mid(prefix) : shown);
        it->setText(ColOp, l.op);
        it->setText(ColCount, groupDigits(l.count));
        it->setData(ColCount, SortRole, l.count);
        const double share = p->total > 0 ? 100.0 * double(l.count) / double(p->total) : 0.0;
        it->setText(ColShare, QStringLiteral("%1 %").arg(loc.toString(share, 'f', 1)));
        it->setData(ColShare, SortRole, l.count);
        it->setData(ColShare, FractionRole, double(l.count) / double(hottest));
        it->setData(ColShare, ColorRole, sameGraph ? opColor(g->ops[size_t(i)].type) : heatColor(double(l.count) / double(hottest)));
        const QString tip = tr("%1 %2, %3 MACs").arg(groupDigits(l.count), unit, groupDigits(l.macs));
        for (int c = 0; c < ColumnCount; ++c) it->setToolTip(c, tip);
        it->setToolTip(ColLayer, l.name + QLatin1Char('\n') + tip);
        const double eff = l.count ? double(l.macs) / double(l.count) : 0.0;
        it->setText(ColEfficiency, l.macs ? loc.toString(eff, 'f', 3) : QStringLiteral("–"));
        it->setData(ColEfficiency, SortRole, eff);
        for (int c : {int(ColIndex), int(ColCount), int(ColEfficiency)})
            it->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    shownTotal_ = sum;
    table_->setSortingEnabled(true);
    table_->sortByColumn(ColIndex, Qt::AscendingOrder);
    table_->resizeColumnToContents(ColLayer);
    table_->setColumnWidth(ColLayer, std::min(table_->columnWidth(ColLayer), 190));
    QString note = outside > 0 ? tr("The whole inference measured %1 %2: the layers plus %3 in the entry function around them. "
                                    "Shares and time are of the whole inference.")
                                     .arg(groupDigits(p->total), unit, groupDigits(outside))
                               : tr("Shares and time are of the whole inference.");
    if (p->emulated)
        note += QLatin1Char(' ') + tr("Emulated board: counts are executed instructions (deterministic), not cycles; "
                                      "the time assumes one instruction per cycle.");
    note_->setText(note);
    syncSelection();
}

void ProfileView::syncSelection()
{
    if (syncing_) return;
    syncing_ = true;
    table_->clearSelection();
    const int op = session_->selectedOp();
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        QTreeWidgetItem *it = table_->topLevelItem(i);
        if (it->data(ColIndex, SortRole).toInt() == op) {
            it->setSelected(true);
            table_->scrollToItem(it);
        }
    }
    syncing_ = false;
}

}  // namespace ember::studio
