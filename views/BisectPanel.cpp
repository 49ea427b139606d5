#include "BisectPanel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

namespace ember::studio {

namespace {

// More rows than anyone reads; the header says when the table is cut.
constexpr int kMaxRows = 20000;

QString number(double v, bool isFloat)
{
    if (std::isnan(v)) return QStringLiteral("—");
    return isFloat ? QString::number(v, 'g', 7) : QString::number(qint64(v));
}

}  // namespace

BisectPanel::BisectPanel(QWidget *parent) : QWidget(parent)
{
    header_ = new QLabel;
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    onlyDiffering_ = new QCheckBox;
    onlyDiffering_->setObjectName("bisectOnlyDiffering");
    connect(onlyDiffering_, &QCheckBox::toggled, this, &BisectPanel::fill);
    table_ = new QTableWidget(0, 4);
    table_->setObjectName("bisectTable");
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 4);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto *top = new QHBoxLayout;
    top->addWidget(header_, 1);
    top->addWidget(onlyDiffering_, 0, Qt::AlignTop);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(6, 4, 6, 4);
    lay->addLayout(top);
    lay->addWidget(table_, 1);
    retranslate();
}

void BisectPanel::setRunning(const QString &stage)
{
    if (stage.isEmpty()) return;
    haveResult_ = false;
    table_->setRowCount(0);
    header_->setText(tr("Running on the board layer by layer: %1").arg(stage));
}

void BisectPanel::setResult(const LayerBisectResult &r)
{
    result_ = r;
    haveResult_ = true;
    fill();
}

void BisectPanel::fill()
{
    table_->setRowCount(0);
    if (!haveResult_) return;
    const LayerBisectResult &r = result_;
    if (r.identical()) {
        header_->setText(tr("<b>All %1 layers identical</b> on %2 and the host reference (%3).")
                             .arg(r.layers).arg(r.boardName.toHtmlEscaped(), r.input.toHtmlEscaped()));
        return;
    }
    const bool isFloat = r.dtypeCode == 2;
    const QList<BisectRow> rows = r.rows();
    QList<BisectRow> shown;
    for (const BisectRow &row : rows)
        if (!onlyDiffering_->isChecked() || row.differs) shown << row;
    const bool cut = shown.size() > kMaxRows;
    if (cut) shown.resize(kMaxRows);
    header_->setText(
        tr("<b>First divergent layer %1</b> '%2' (%3) on %4: output <b>%5</b> %6 — "
           "<span style='color:#c62828'><b>%7 of %8 bytes differ</b></span> (%9 of %10 elements), max difference "
           "<b>%11</b>. Device (left) vs host reference (right); input: %12.%13")
            .arg(r.divergentLayer).arg(r.layerName.toHtmlEscaped(), r.op.toHtmlEscaped(), r.boardName.toHtmlEscaped(),
                                       r.tensorName.toHtmlEscaped(), r.dtypeText())
            .arg(r.differingBytes).arg(r.device.size()).arg(r.differingElements()).arg(r.elementCount())
            .arg(number(r.maxDifference, isFloat), r.input.toHtmlEscaped(),
                 cut ? tr(" Showing the first %1 rows.").arg(kMaxRows) : QString()));
    table_->setUpdatesEnabled(false);
    table_->setRowCount(int(shown.size()));
    const QColor bad(0xff, 0xcd, 0xd2), badInk(0xb7, 0x1c, 0x1c);
    int firstBad = -1;
    for (int i = 0; i < shown.size(); ++i) {
        const BisectRow &row = shown[i];
        const QStringList cells{QString::number(row.index) + (row.differs ? QStringLiteral("  ≠") : QString()),
                                number(row.device, isFloat), number(row.host, isFloat),
                                row.differs ? number(row.difference, isFloat) : QStringLiteral("0")};
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row.differs) {
                item->setBackground(bad);
                item->setForeground(badInk);
            }
            table_->setItem(i, c, item);
        }
        if (row.differs && firstBad < 0) firstBad = i;
    }
    table_->setUpdatesEnabled(true);
    if (firstBad >= 0) table_->scrollToItem(table_->item(firstBad, 0), QAbstractItemView::PositionAtTop);
}

void BisectPanel::retranslate()
{
    table_->setHorizontalHeaderLabels({tr("Index"), tr("Device"), tr("Host"), tr("Difference")});
    onlyDiffering_->setText(tr("Only differing"));
    if (!haveResult_) header_->setText(tr("Run on Board Layer by Layer (Build menu) compares every layer's output on the "
                                          "board with the host reference; the first that differs shows here."));
    else fill();
}

void BisectPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

}  // namespace ember::studio
