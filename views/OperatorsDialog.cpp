#include "OperatorsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#undef emit
#include "core/ops/OpKernel.h"

namespace ember::studio {

OperatorsDialog::OperatorsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("operatorsDialog"));
    setWindowTitle(tr("Supported Operators"));
    auto *lay = new QVBoxLayout(this);
    const auto ops = ember::supportedOperators();
    auto *intro = new QLabel(tr("%1 TFLite operators compile to C with TFLite Micro's exact arithmetic. "
                                "A model with any other operator is refused with the operator named.")
                                 .arg(ops.size()));
    intro->setWordWrap(true);
    lay->addWidget(intro);
    search_ = new QLineEdit;
    search_->setObjectName(QStringLiteral("operatorSearch"));
    search_->setPlaceholderText(tr("Filter by operator or type…"));
    search_->setClearButtonEnabled(true);
    lay->addWidget(search_);
    table_ = new QTableWidget(int(ops.size()), 2);
    table_->setObjectName(QStringLiteral("operatorTable"));
    table_->setHorizontalHeaderLabels({tr("Operator"), tr("Types")});
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int r = 0; r < int(ops.size()); ++r) {
        const ember::SupportedOperator &o = ops[size_t(r)];
        table_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(o.name)));
        auto *types = new QTableWidgetItem(QString::fromStdString(o.types));
        types->setToolTip(types->text());  // long type lists are elided in the cell
        table_->setItem(r, 1, types);
    }
    table_->sortItems(0);
    table_->resizeColumnToContents(0);
    lay->addWidget(table_, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    lay->addWidget(buttons);
    connect(search_, &QLineEdit::textChanged, this, &OperatorsDialog::filter);
    resize(560, 520);
}

int OperatorsDialog::rowCount() const
{
    int n = 0;
    for (int r = 0; r < table_->rowCount(); ++r) n += table_->isRowHidden(r) ? 0 : 1;
    return n;
}

void OperatorsDialog::filter(const QString &text)
{
    for (int r = 0; r < table_->rowCount(); ++r) {
        const bool match = text.isEmpty() || table_->item(r, 0)->text().contains(text, Qt::CaseInsensitive) ||
                           table_->item(r, 1)->text().contains(text, Qt::CaseInsensitive);
        table_->setRowHidden(r, !match);
    }
}

}  // namespace ember::studio
