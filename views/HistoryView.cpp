#include "HistoryView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "OpStyle.h"
#include "SummaryPanel.h"

#include <algorithm>

namespace ember::studio {

HistoryView::HistoryView(ProjectStore *store, QWidget *parent) : QWidget(parent), store_(store)
{
    list_ = new QTreeWidget;
    list_->setObjectName("historyList");
    list_->setColumnCount(6);
    list_->setRootIsDecorated(false);
    list_->setAlternatingRowColors(true);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->header()->setStretchLastSection(true);
    profileList_ = new QTreeWidget;
    profileList_->setObjectName("profileList");
    profileList_->setColumnCount(6);
    profileList_->setRootIsDecorated(false);
    profileList_->setAlternatingRowColors(true);
    profileList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    profileList_->header()->setStretchLastSection(true);
    compare_ = new QTextBrowser;
    compare_->setObjectName("historyCompare");
    hint_ = new QLabel;
    hint_->setStyleSheet("color:#6b7580; padding:4px 8px");
    buildsTitle_ = new QLabel;
    profilesTitle_ = new QLabel;
    for (QLabel *l : {buildsTitle_, profilesTitle_}) l->setStyleSheet("font-weight:bold; color:#34495e; padding:4px 8px 2px 8px");
    auto titled = [](QLabel *title, QWidget *w) {
        auto *box = new QWidget;
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(0);
        l->addWidget(title);
        l->addWidget(w);
        return box;
    };
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(titled(buildsTitle_, list_));
    split->addWidget(titled(profilesTitle_, profileList_));
    split->addWidget(compare_);
    split->setSizes({230, 170, 260});
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addWidget(hint_);
    lay->addWidget(split);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, [this] {
        showProfiles_ = false;
        updateComparison();
    });
    connect(profileList_, &QTreeWidget::itemSelectionChanged, this, [this] {
        showProfiles_ = true;
        updateComparison();
    });
    connect(profileList_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *it) {
        const int row = profileList_->indexOfTopLevelItem(it);
        if (row >= 0 && row < profiles_.size()) emit profileActivated(profiles_[row]);
    });
    retranslate();
}

void HistoryView::retranslate()
{
    list_->setHeaderLabels({tr("Time"), tr("Status"), tr("Peak RAM"), tr("Constants"), tr("C source"), tr("Options")});
    profileList_->setHeaderLabels({tr("Time"), tr("Board"), tr("Total"), tr("Time at clock"), tr("Output check"), tr("Options")});
    hint_->setText(tr("Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them."));
    buildsTitle_->setText(tr("Builds"));
    profilesTitle_->setText(tr("Profile runs (double-click to show one in the Profile tab)"));
    refresh();
}

void HistoryView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void HistoryView::setProject(qint64 projectId)
{
    project_ = projectId;
    refresh();
}

int HistoryView::buildCount() const { return int(builds_.size()); }

void HistoryView::refresh()
{
    list_->clear();
    builds_ = project_ >= 0 && store_ ? store_->builds(project_) : QList<BuildRecord>{};
    for (const BuildRecord &b : builds_) {
        qint64 peak = 0;
        QStringList pools;
        for (auto it = b.poolPeaks.cbegin(); it != b.poolPeaks.cend(); ++it) {
            peak += it.value();
            pools << QStringLiteral("%1 %2").arg(it.key(), formatBytes(it.value()));
        }
        auto *it = new QTreeWidgetItem(list_);
        it->setText(0, b.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        it->setText(1, b.status == QLatin1String("ok") ? tr("ok") : tr("failed"));
        it->setForeground(1, b.status == QLatin1String("ok") ? QColor(0x1a, 0x7f, 0x37) : QColor(0xb7, 0x1c, 0x1c));
        it->setText(2, b.status == QLatin1String("ok") ? formatBytes(peak) : QString());
        it->setToolTip(2, pools.join('\n'));
        it->setText(3, b.status == QLatin1String("ok") ? formatBytes(b.constantsBytes) : QString());
        it->setText(4, b.status == QLatin1String("ok") ? formatBytes(b.codeBytes) : QString());
        const QString args = b.options.toArgs().join(' ');
        it->setText(5, b.status == QLatin1String("ok") ? (args.isEmpty() ? tr("(defaults)") : args) : b.message);
        it->setToolTip(5, args);
    }
    for (int c = 0; c < 5; ++c) list_->resizeColumnToContents(c);
    fillProfiles();
    updateComparison();
}

void HistoryView::fillProfiles()
{
    profileList_->clear();
    profiles_ = project_ >= 0 && store_ ? store_->profiles(project_) : QList<ProfileRecord>{};
    for (const ProfileRecord &p : profiles_) {
        auto *it = new QTreeWidgetItem(profileList_);
        it->setText(0, p.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        it->setText(1, p.boardId);
        it->setToolTip(1, p.boardName);
        it->setText(2, QStringLiteral("%1 %2").arg(groupDigits(p.total), p.unit));
        it->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        it->setText(3, p.clockHz ? tr("%1 ms").arg(QString::number(p.millisAtClock(), 'f', 2)) : QString());
        const bool exact = p.outputCheck == QLatin1String("bit-exact");
        it->setText(4, exact ? tr("bit-exact") : p.outputCheck == QLatin1String("mismatch") ? tr("mismatch") : tr("not compared"));
        it->setForeground(4, exact ? QColor(0x1a, 0x7f, 0x37) : QColor(0xb7, 0x1c, 0x1c));
        it->setToolTip(4, p.mismatch);
        const QString args = p.options.toArgs().join(' ');
        it->setText(5, args.isEmpty() ? tr("(defaults)") : args);
    }
    for (int c = 0; c < 5; ++c) profileList_->resizeColumnToContents(c);
}

int HistoryView::profileCount() const { return int(profiles_.size()); }

void HistoryView::selectProfiles(int rowA, int rowB)
{
    profileList_->clearSelection();
    if (auto *a = profileList_->topLevelItem(rowA)) a->setSelected(true);
    if (auto *b = profileList_->topLevelItem(rowB)) b->setSelected(true);
}

QList<int> HistoryView::selectedRows(QTreeWidget *list) const
{
    QList<int> rows;
    for (QTreeWidgetItem *it : list->selectedItems()) rows << list->indexOfTopLevelItem(it);
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool HistoryView::selectedProfileComparison(ProfileComparison *out) const
{
    const QList<int> rows = selectedRows(profileList_);
    if (rows.size() != 2) return false;
    // Newest first: the higher row is the older run.
    *out = ProjectStore::compareProfiles(profiles_[rows[1]], profiles_[rows[0]]);
    return true;
}

QString HistoryView::profileComparisonHtml() const
{
    ProfileComparison c;
    if (!selectedProfileComparison(&c)) return {};
    const QList<int> rows = selectedRows(profileList_);
    const ProfileRecord &older = profiles_[rows[1]], &newer = profiles_[rows[0]];
    auto delta = [](qint64 d, qint64 base) {
        const QString color = d > 0 ? "#b71c1c" : d < 0 ? "#1a7f37" : "#555";
        const QString pct = base ? QStringLiteral(" (%1%2%)").arg(d > 0 ? "+" : d < 0 ? "−" : "±")
                                       .arg(QString::number(100.0 * double(qAbs(d)) / double(base), 'f', 2))
                                 : QString();
        return QStringLiteral("<span style='color:%1'>%2%3%4</span>")
            .arg(color, d > 0 ? "+" : d < 0 ? "−" : "±", groupDigits(qAbs(d)), pct);
    };
    QString h = QStringLiteral("<h3>%1</h3>").arg(tr("Profile %1 → %2").arg(older.time.toLocalTime().toString("HH:mm:ss"),
                                                                          newer.time.toLocalTime().toString("HH:mm:ss")));
    if (!c.sameBoard)
        h += QStringLiteral("<p style='color:#9a6700'>%1</p>").arg(tr("different boards: %1 → %2").arg(older.boardId, newer.boardId));
    if (!c.sameLayers)
        h += QStringLiteral("<p style='color:#9a6700'>%1</p>").arg(tr("the layers differ; rows pair up by position"));
    h += QStringLiteral("<p><b>%1</b> %2 → %3 %4: %5</p>")
             .arg(tr("Total"), groupDigits(older.total), groupDigits(newer.total), newer.unit.toHtmlEscaped(),
                  delta(c.totalDelta, older.total));
    h += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='right'>#</th><th align='left'>%1</th>"
                        "<th align='left'>%2</th><th align='right'>%3</th><th align='right'>%4</th><th align='right'>%5</th></tr>")
             .arg(tr("Layer"), tr("Operator"), tr("Before"), tr("After"), tr("Delta"));
    for (const LayerDelta &l : c.layers)
        h += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td>%3</td><td align='right'>%4</td>"
                            "<td align='right'>%5</td><td align='right'>%6</td></tr>")
                 .arg(l.index).arg(shortName(l.name.toStdString()).toHtmlEscaped(), l.op.toHtmlEscaped(), groupDigits(l.a),
                      groupDigits(l.b), delta(l.delta(), l.a));
    h += QStringLiteral("</table>");
    return h;
}

void HistoryView::selectBuilds(int rowA, int rowB)
{
    list_->clearSelection();
    if (auto *a = list_->topLevelItem(rowA)) a->setSelected(true);
    if (auto *b = list_->topLevelItem(rowB)) b->setSelected(true);
}

QString HistoryView::comparisonHtml() const
{
    const QList<int> rows = selectedRows(list_);
    if (rows.size() != 2) return {};
    // The list is newest first: the higher row is the older build.
    const BuildRecord &older = builds_[rows[1]], &newer = builds_[rows[0]];
    const BuildComparison c = ProjectStore::compare(older, newer);
    auto delta = [](qint64 d) {
        const QString color = d > 0 ? "#b71c1c" : d < 0 ? "#1a7f37" : "#555";
        return QStringLiteral("<span style='color:%1'>%2%3</span>").arg(color, d > 0 ? "+" : d < 0 ? "−" : "±", formatBytes(qAbs(d)));
    };
    QString h = QStringLiteral("<h3>%1</h3>").arg(tr("%1 → %2").arg(older.time.toLocalTime().toString("HH:mm:ss"),
                                                                   newer.time.toLocalTime().toString("HH:mm:ss")));
    h += QStringLiteral("<b>%1</b><ul>").arg(tr("Options"));
    if (c.optionChanges.isEmpty()) h += QStringLiteral("<li>%1</li>").arg(tr("no option changed"));
    for (const QString &s : c.optionChanges) h += QStringLiteral("<li><tt>%1</tt></li>").arg(s.toHtmlEscaped());
    h += QStringLiteral("</ul><b>%1</b><table>").arg(tr("Sizes"));
    for (auto it = c.poolDelta.cbegin(); it != c.poolDelta.cend(); ++it)
        h += QStringLiteral("<tr><td>%1 '%2'</td><td>%3</td></tr>").arg(tr("pool"), it.key().toHtmlEscaped(), delta(it.value()));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(tr("constants"), delta(c.constantsDelta));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr></table>").arg(tr("code"), delta(c.codeDelta));
    return h;
}

void HistoryView::updateComparison()
{
    const QString h = showProfiles_ ? profileComparisonHtml() : comparisonHtml();
    const QString empty = showProfiles_ ? tr("Select two profile runs to compare them.") : tr("Select two builds to compare them.");
    compare_->setHtml(h.isEmpty() ? QStringLiteral("<p style='color:#6b7580'>%1</p>").arg(empty) : h);
}

}  // namespace ember::studio
