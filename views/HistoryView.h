// Build history of the current project: every compile with its options,
// peak RAM per pool, constants and code size. Select two builds to compare
// option and size deltas.
#pragma once

#include <QWidget>

#include "ProjectStore.h"

class QTreeWidget;
class QTextBrowser;
class QLabel;

namespace ember::studio {

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(ProjectStore *store, QWidget *parent = nullptr);

    void setProject(qint64 projectId);
    void refresh();
    int buildCount() const;
    // Compares the two selected builds (older → newer); empty if not two.
    QString comparisonHtml() const;
    void selectBuilds(int rowA, int rowB);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateComparison();

    ProjectStore *store_;
    qint64 project_ = -1;
    QList<BuildRecord> builds_;
    QTreeWidget *list_;
    QTextBrowser *compare_;
    QLabel *hint_;
};

}  // namespace ember::studio
