#include "HistoryView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "SummaryPanel.h"

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
    compare_ = new QTextBrowser;
    compare_->setObjectName("historyCompare");
    hint_ = new QLabel;
    hint_->setStyleSheet("color:#6b7580; padding:4px 8px");
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(list_);
    split->addWidget(compare_);
    split->setSizes({300, 200});
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addWidget(hint_);
    lay->addWidget(split);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, &HistoryView::updateComparison);
    retranslate();
}

void HistoryView::retranslate()
{
    list_->setHeaderLabels({tr("Time"), tr("Status"), tr("Peak RAM"), tr("Constants"), tr("Code"), tr("Options")});
    hint_->setText(tr("Every compile is recorded. Select two builds to compare their options and sizes."));
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
    updateComparison();
}

void HistoryView::selectBuilds(int rowA, int rowB)
{
    list_->clearSelection();
    if (auto *a = list_->topLevelItem(rowA)) a->setSelected(true);
    if (auto *b = list_->topLevelItem(rowB)) b->setSelected(true);
}

QString HistoryView::comparisonHtml() const
{
    QList<int> rows;
    for (QTreeWidgetItem *it : list_->selectedItems()) rows << list_->indexOfTopLevelItem(it);
    if (rows.size() != 2) return {};
    std::sort(rows.begin(), rows.end());
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
    const QString h = comparisonHtml();
    compare_->setHtml(h.isEmpty() ? QStringLiteral("<p style='color:#6b7580'>%1</p>").arg(tr("Select two builds to compare them."))
                                  : h);
}

}  // namespace ember::studio
