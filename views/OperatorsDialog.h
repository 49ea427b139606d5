// Help ▸ Supported Operators: the compiler's operator registry (the same list
// `emberc ops` prints), searchable.
#pragma once

#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace ember::studio {

class OperatorsDialog : public QDialog {
    Q_OBJECT
public:
    explicit OperatorsDialog(QWidget *parent = nullptr);
    int rowCount() const;

private:
    void filter(const QString &text);
    QLineEdit *search_;
    QTableWidget *table_;
};

}  // namespace ember::studio
