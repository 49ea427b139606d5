// The Layers tab: the per-layer report before running (app/model/
// LayerReport) as a sortable table, with CSV and HTML export.
#pragma once

#include <QWidget>

#include "LayerReport.h"

class QLabel;
class QToolButton;
class QTreeWidget;

namespace ember::studio {

class Session;

class LayerReportView : public QWidget {
    Q_OBJECT
public:
    explicit LayerReportView(Session *session, QWidget *parent = nullptr);
    const LayerReportData &data() const { return data_; }
    QTreeWidget *table() const { return table_; }
    bool exportTo(const QString &path) const;  // .csv or .html by extension

protected:
    void changeEvent(QEvent *e) override;
    void showEvent(QShowEvent *e) override;

private:
    void refresh();
    void retranslate();

    Session *session_;
    LayerReportData data_;
    QTreeWidget *table_;
    QLabel *summary_;
    QToolButton *csv_, *html_;
    bool dirty_ = true;
};

}  // namespace ember::studio
