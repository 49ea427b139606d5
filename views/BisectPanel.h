// The result of "Run on Board Layer by Layer": the first divergent layer's
// output tensor, device beside host (index, device, host, difference; rows
// that differ marked), with the count of differing bytes and the largest
// difference. Shows LayerBisectResult (app/model/LayerBisect.h) only.
#pragma once

#include <QWidget>

#include "LayerBisect.h"

class QCheckBox;
class QLabel;
class QTableWidget;

namespace ember::studio {

class BisectPanel : public QWidget {
    Q_OBJECT
public:
    explicit BisectPanel(QWidget *parent = nullptr);

    void setResult(const LayerBisectResult &r);
    // Progress while a run goes ("" = idle).
    void setRunning(const QString &stage);
    const LayerBisectResult &result() const { return result_; }
    QTableWidget *table() const { return table_; }
    QLabel *header() const { return header_; }

protected:
    void changeEvent(QEvent *e) override;

private:
    void fill();
    void retranslate();

    LayerBisectResult result_;
    bool haveResult_ = false;
    QLabel *header_;
    QCheckBox *onlyDiffering_;
    QTableWidget *table_;
};

}  // namespace ember::studio
