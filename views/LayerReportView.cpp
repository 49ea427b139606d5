#include "LayerReportView.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "BuildOptions.h"
#include "Session.h"
#include "SummaryPanel.h"

namespace ember::studio {

namespace {

// Sorts numerically on the numeric columns.
class Item : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &o) const override
    {
        const int c = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (c == 1 || c == 2) return text(c) < o.text(c);
        return data(c, Qt::UserRole).toLongLong() < o.data(c, Qt::UserRole).toLongLong();
    }
};

}  // namespace

LayerReportView::LayerReportView(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    table_ = new QTreeWidget;
    table_->setObjectName("layerReport");
    table_->setRootIsDecorated(false);
    table_->setAlternatingRowColors(true);
    table_->setSortingEnabled(true);
    table_->setColumnCount(9);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    csv_ = new QToolButton;
    html_ = new QToolButton;
    auto *bar = new QHBoxLayout;
    bar->addWidget(summary_, 1);
    bar->addWidget(csv_);
    bar->addWidget(html_);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(6, 4, 6, 4);
    lay->addLayout(bar);
    lay->addWidget(table_, 1);
    auto exportAs = [this](const QString &filter, const QString &ext) {
        const QString base = session_->hasModel() ? QFileInfo(session_->modelPath()).completeBaseName() : QStringLiteral("model");
        const QString f = QFileDialog::getSaveFileName(this, tr("Export layer report"), base + QStringLiteral("_layers.") + ext, filter);
        if (f.isEmpty()) return;
        if (exportTo(f)) session_->info(tr("layer report written to %1").arg(f));
        else session_->report({StudioMessage::Level::Error, tr("cannot write '%1'; check the folder's permissions").arg(f)});
    };
    connect(csv_, &QToolButton::clicked, this, [exportAs] { exportAs(tr("CSV (*.csv)"), QStringLiteral("csv")); });
    connect(html_, &QToolButton::clicked, this, [exportAs] { exportAs(tr("HTML (*.html)"), QStringLiteral("html")); });
    // Recomputed lazily: only when shown.
    for (auto sig : {&Session::modelChanged, &Session::planChanged, &Session::boardChanged, &Session::profileChanged})
        connect(session_, sig, this, [this] {
            dirty_ = true;
            if (isVisible()) refresh();
        });
    retranslate();
}

void LayerReportView::retranslate()
{
    table_->setHeaderLabels({tr("#"), tr("Type"), tr("Layer"), tr("MACs"), tr("Params"), tr("Param bytes"),
                             tr("Activation bytes"), tr("Live RAM"), tr("Est. instructions")});
    csv_->setText(tr("Export CSV…"));
    html_->setText(tr("Export HTML…"));
    dirty_ = true;
    if (isVisible()) refresh();
}

void LayerReportView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void LayerReportView::showEvent(QShowEvent *e)
{
    if (dirty_) refresh();
    QWidget::showEvent(e);
}

void LayerReportView::refresh()
{
    dirty_ = false;
    data_ = layerReport(*session_);
    table_->setSortingEnabled(false);
    table_->clear();
    for (const LayerRow &r : data_.rows) {
        auto *it = new Item(table_);
        const QList<qint64> nums{r.opIndex, 0, 0, r.macs, r.params, r.paramBytes, r.activationBytes, r.liveBytes, r.instructions};
        for (int c = 0; c < 9; ++c) {
            if (c == 1 || c == 2) continue;
            it->setText(c, groupDigits(nums[c]));
            it->setData(c, Qt::UserRole, nums[c]);
            it->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        it->setText(1, r.type);
        it->setText(2, r.name);
        it->setToolTip(2, r.name);
        if (r.unsupported)
            for (int c = 0; c < 9; ++c) it->setForeground(c, QColor(0xb7, 0x1c, 0x1c));
    }
    table_->setSortingEnabled(true);
    table_->sortByColumn(0, Qt::AscendingOrder);
    for (int c = 0; c < 9; ++c) table_->resizeColumnToContents(c);
    table_->setColumnWidth(2, qMin(table_->columnWidth(2), 260));
    if (!session_->hasModel()) {
        summary_->clear();
        return;
    }
    summary_->setText(tr("%n layer(s) · %1 MACs · ≈ %2 instructions on %3%4", nullptr, int(data_.rows.size()))
                          .arg(groupDigits(data_.totalMacs()), groupDigits(data_.totalInstructions()),
                               data_.core.isEmpty() ? tr("a generic Cortex-M") : data_.core,
                               data_.calibrated ? tr(" (calibrated on the last profile)")
                                                : tr(" (estimate; a profile on the board calibrates it)")));
}

bool LayerReportView::exportTo(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    const LayerReportData d = layerReport(*session_);
    const QString text = path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)
                             ? layerReportHtml(d, QFileInfo(session_->modelPath()).fileName())
                             : layerReportCsv(d);
    return f.write(text.toUtf8()) >= 0;
}

}  // namespace ember::studio
