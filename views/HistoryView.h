// History of the current project: every compile with its options, peak RAM
// per pool, constants and code size; and every profile run on a board. Select
// two builds to compare option and size deltas, or two profile runs to compare
// the total and every layer.
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

    int profileCount() const;
    void selectProfiles(int rowA, int rowB);
    // Compares the two selected profile runs (older → newer); empty if not two.
    QString profileComparisonHtml() const;
    // The two selected runs compared (older → newer); false if not two.
    bool selectedProfileComparison(ProfileComparison *out) const;

signals:
    // Double-click on a profile run: show it in the Profile tab.
    void profileActivated(const ember::studio::ProfileRecord &p);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateComparison();
    void fillProfiles();
    QList<int> selectedRows(QTreeWidget *list) const;

    ProjectStore *store_;
    qint64 project_ = -1;
    QList<BuildRecord> builds_;
    QList<ProfileRecord> profiles_;
    QTreeWidget *list_, *profileList_;
    QTextBrowser *compare_;
    QLabel *hint_, *buildsTitle_, *profilesTitle_;
    bool showProfiles_ = false;  // which list the comparison follows
};

}  // namespace ember::studio
