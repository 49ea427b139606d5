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
class QToolButton;

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
    // The two selected runs compared (older → newer); false if not two
    // successful runs.
    bool selectedProfileComparison(ProfileComparison *out) const;

    // A unified diff of one generated file between the two selected builds
    // (older → newer), as shown when its link in the comparison is clicked;
    // empty when not two builds or the file is in neither.
    QString fileDiffHtml(const QString &path) const;
    void showFileDiff(const QString &path);
    // Restore: the options of the one selected build or profile run go back
    // into the Options panel (through restoreOptions).
    void restoreSelected();
    // Delete the selected entries after asking; deleteEntries does it without
    // asking (tests). Nothing but those entries is removed.
    void deleteSelected();
    bool deleteEntries(const QList<int> &buildRows, const QList<int> &profileRows);
    static QString unitName(const QString &unit);

signals:
    // Double-click on a profile run: show it in the Profile tab.
    void profileActivated(const ember::studio::ProfileRecord &p);
    void restoreOptions(const ember::studio::BuildOptions &options);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void updateComparison();
    void fillProfiles();
    QList<int> selectedRows(QTreeWidget *list) const;
    void updateButtons();

    ProjectStore *store_;
    qint64 project_ = -1;
    QList<BuildRecord> builds_;
    QList<ProfileRecord> profiles_;
    QTreeWidget *list_, *profileList_;
    QTextBrowser *compare_;
    QLabel *hint_, *buildsTitle_, *profilesTitle_;
    QToolButton *restore_, *delete_;
    bool showProfiles_ = false;  // which list the comparison follows
};

}  // namespace ember::studio
