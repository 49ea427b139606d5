#include "HistoryView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QToolButton>
#include <QUrl>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "OpStyle.h"
#include "SummaryPanel.h"
#include "TextDiff.h"

#include <algorithm>

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
    profileList_ = new QTreeWidget;
    profileList_->setObjectName("profileList");
    profileList_->setColumnCount(6);
    profileList_->setRootIsDecorated(false);
    profileList_->setAlternatingRowColors(true);
    profileList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    profileList_->header()->setStretchLastSection(true);
    compare_ = new QTextBrowser;
    compare_->setObjectName("historyCompare");
    hint_ = new QLabel;
    hint_->setStyleSheet("color:#6b7580; padding:4px 8px");
    hint_->setWordWrap(true);
    restore_ = new QToolButton;
    restore_->setObjectName("historyRestore");
    delete_ = new QToolButton;
    delete_->setObjectName("historyDelete");
    compare_->setOpenLinks(false);
    connect(compare_, &QTextBrowser::anchorClicked, this, [this](const QUrl &u) {
        if (u.scheme() == QLatin1String("file-diff")) showFileDiff(u.path());
        else if (u.scheme() == QLatin1String("compare")) updateComparison();
    });
    connect(restore_, &QToolButton::clicked, this, &HistoryView::restoreSelected);
    connect(delete_, &QToolButton::clicked, this, &HistoryView::deleteSelected);
    buildsTitle_ = new QLabel;
    profilesTitle_ = new QLabel;
    for (QLabel *l : {buildsTitle_, profilesTitle_}) l->setStyleSheet("font-weight:bold; color:#34495e; padding:4px 8px 2px 8px");
    auto titled = [](QLabel *title, QWidget *w) {
        auto *box = new QWidget;
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(0);
        l->addWidget(title);
        l->addWidget(w);
        return box;
    };
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(titled(buildsTitle_, list_));
    split->addWidget(titled(profilesTitle_, profileList_));
    split->addWidget(compare_);
    split->setSizes({230, 170, 260});
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 6, 0);
    bar->addWidget(hint_, 1);
    bar->addWidget(restore_);
    bar->addWidget(delete_);
    lay->addLayout(bar);
    lay->addWidget(split);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, [this] {
        showProfiles_ = false;
        updateComparison();
        updateButtons();
    });
    connect(profileList_, &QTreeWidget::itemSelectionChanged, this, [this] {
        showProfiles_ = true;
        updateComparison();
        updateButtons();
    });
    connect(profileList_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *it) {
        const int row = profileList_->indexOfTopLevelItem(it);
        if (row >= 0 && row < profiles_.size()) emit profileActivated(profiles_[row]);
    });
    retranslate();
}

// The profile unit in the UI's language ("instructions" is stored).
QString HistoryView::unitName(const QString &unit)
{
    if (unit == QLatin1String("instructions")) return tr("instructions");
    if (unit == QLatin1String("cycles")) return tr("cycles");
    return unit;
}

void HistoryView::retranslate()
{
    list_->setHeaderLabels({tr("Time"), tr("Status"), tr("Peak RAM"), tr("Constants"), tr("C source"), tr("Options")});
    profileList_->setHeaderLabels({tr("Time"), tr("Board"), tr("Total"), tr("Time at clock"), tr("Output check"), tr("Options")});
    hint_->setText(tr("Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them."));
    buildsTitle_->setText(tr("Builds"));
    profilesTitle_->setText(tr("Profile runs and flashes (double-click a run to show it in the Profile tab)"));
    restore_->setText(tr("Restore Options"));
    restore_->setToolTip(tr("Put the options of the selected build or run back into the Options panel"));
    delete_->setText(tr("Delete…"));
    delete_->setToolTip(tr("Delete the selected history entries (asks first)"));
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
    fillProfiles();
    updateComparison();
    updateButtons();
}

void HistoryView::fillProfiles()
{
    profileList_->clear();
    profiles_ = project_ >= 0 && store_ ? store_->profiles(project_) : QList<ProfileRecord>{};
    for (const ProfileRecord &p : profiles_) {
        auto *it = new QTreeWidgetItem(profileList_);
        it->setText(0, p.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        const bool flash = p.kind == QLatin1String("flash");
        it->setText(1, flash ? tr("flash · %1").arg(p.boardId) : p.boardId);
        it->setToolTip(1, p.boardName);
        if (p.status == QLatin1String("failed")) {
            // A failed flash or run: what failed and why, in red.
            it->setText(2, flash ? tr("flash failed") : tr("run failed"));
            it->setForeground(2, QColor(0xb7, 0x1c, 0x1c));
            it->setText(4, p.message);
            it->setToolTip(4, p.message);
            const QString args = p.options.toArgs().join(' ');
            it->setText(5, args.isEmpty() ? tr("(defaults)") : args);
            continue;
        }
        it->setText(2, QStringLiteral("%1 %2").arg(groupDigits(p.shownTotal()), unitName(p.unit)));
        it->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        it->setText(3, p.clockHz ? tr("%1 ms").arg(QString::number(p.millisAtClock(), 'f', 2)) : QString());
        const bool exact = p.outputCheck == QLatin1String("bit-exact");
        it->setText(4, exact ? tr("bit-exact") : p.outputCheck == QLatin1String("mismatch") ? tr("mismatch") : tr("not compared"));
        it->setForeground(4, exact ? QColor(0x1a, 0x7f, 0x37) : QColor(0xb7, 0x1c, 0x1c));
        it->setToolTip(4, p.mismatch);
        const QString args = p.options.toArgs().join(' ');
        it->setText(5, args.isEmpty() ? tr("(defaults)") : args);
    }
    for (int c = 0; c < 5; ++c) profileList_->resizeColumnToContents(c);
}

int HistoryView::profileCount() const { return int(profiles_.size()); }

void HistoryView::selectProfiles(int rowA, int rowB)
{
    profileList_->clearSelection();
    if (auto *a = profileList_->topLevelItem(rowA)) a->setSelected(true);
    if (auto *b = profileList_->topLevelItem(rowB)) b->setSelected(true);
}

QList<int> HistoryView::selectedRows(QTreeWidget *list) const
{
    QList<int> rows;
    for (QTreeWidgetItem *it : list->selectedItems()) rows << list->indexOfTopLevelItem(it);
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool HistoryView::selectedProfileComparison(ProfileComparison *out) const
{
    const QList<int> rows = selectedRows(profileList_);
    if (rows.size() != 2) return false;
    for (int r : rows)
        if (profiles_[r].status == QLatin1String("failed")) return false;
    // Newest first: the higher row is the older run.
    *out = ProjectStore::compareProfiles(profiles_[rows[1]], profiles_[rows[0]]);
    return true;
}

QString HistoryView::profileComparisonHtml() const
{
    ProfileComparison c;
    if (!selectedProfileComparison(&c)) return {};
    const QList<int> rows = selectedRows(profileList_);
    const ProfileRecord &older = profiles_[rows[1]], &newer = profiles_[rows[0]];
    auto delta = [](qint64 d, qint64 base) {
        const QString color = d > 0 ? "#b71c1c" : d < 0 ? "#1a7f37" : "#555";
        const QString pct = base ? QStringLiteral(" (%1%2%)").arg(d > 0 ? "+" : d < 0 ? "−" : "±")
                                       .arg(QString::number(100.0 * double(qAbs(d)) / double(base), 'f', 2))
                                 : QString();
        return QStringLiteral("<span style='color:%1'>%2%3%4</span>")
            .arg(color, d > 0 ? "+" : d < 0 ? "−" : "±", groupDigits(qAbs(d)), pct);
    };
    QString h = QStringLiteral("<h3>%1</h3>").arg(tr("Profile %1 → %2").arg(older.time.toLocalTime().toString("HH:mm:ss"),
                                                                          newer.time.toLocalTime().toString("HH:mm:ss")));
    if (!c.sameBoard)
        h += QStringLiteral("<p style='color:#9a6700'>%1</p>").arg(tr("different boards: %1 → %2").arg(older.boardId, newer.boardId));
    if (!c.sameLayers)
        h += QStringLiteral("<p style='color:#9a6700'>%1</p>").arg(tr("the layers differ; rows pair up by position"));
    h += QStringLiteral("<p><b>%1</b> %2 → %3 %4: %5</p>")
             .arg(tr("Total"), groupDigits(older.shownTotal()), groupDigits(newer.shownTotal()), unitName(newer.unit).toHtmlEscaped(),
                  delta(newer.shownTotal() - older.shownTotal(), older.shownTotal()));
    h += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='right'>#</th><th align='left'>%1</th>"
                        "<th align='left'>%2</th><th align='right'>%3</th><th align='right'>%4</th><th align='right'>%5</th></tr>")
             .arg(tr("Layer"), tr("Operator"), tr("Before"), tr("After"), tr("Delta"));
    for (const LayerDelta &l : c.layers)
        h += QStringLiteral("<tr><td align='right'>%1</td><td>%2</td><td>%3</td><td align='right'>%4</td>"
                            "<td align='right'>%5</td><td align='right'>%6</td></tr>")
                 .arg(l.index).arg(shortName(l.name.toStdString()).toHtmlEscaped(), l.op.toHtmlEscaped(), groupDigits(l.a),
                      groupDigits(l.b), delta(l.delta(), l.a));
    h += QStringLiteral("</table>");
    return h;
}

void HistoryView::selectBuilds(int rowA, int rowB)
{
    list_->clearSelection();
    if (auto *a = list_->topLevelItem(rowA)) a->setSelected(true);
    if (auto *b = list_->topLevelItem(rowB)) b->setSelected(true);
}

QString HistoryView::comparisonHtml() const
{
    const QList<int> rows = selectedRows(list_);
    if (rows.size() != 2) return {};
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
    h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr></table>").arg(tr("C source"), delta(c.codeDelta));
    // Generated files: which differ, each a link to its diff.
    if (store_ && older.id >= 0 && newer.id >= 0) {
        const QMap<QString, QByteArray> fa = store_->buildFiles(older.id), fb = store_->buildFiles(newer.id);
        QStringList paths = fa.keys() + fb.keys();
        paths.removeDuplicates();
        paths.sort();
        QString rows;
        int same = 0;
        for (const QString &path : paths) {
            if (fa.value(path) == fb.value(path) && fa.contains(path) == fb.contains(path)) {
                ++same;
                continue;
            }
            const LineDiff d = diffLines(QString::fromUtf8(fa.value(path)).split('\n'), QString::fromUtf8(fb.value(path)).split('\n'));
            const QString what = !fa.contains(path) ? tr("new") : !fb.contains(path) ? tr("removed")
                                                                 : tr("+%1 −%2 lines").arg(d.added).arg(d.removed);
            QUrl link;
            link.setScheme(QStringLiteral("file-diff"));
            link.setPath(path);
            rows += QStringLiteral("<tr><td><a href='%1'>%2</a></td><td style='color:#555'>%3</td></tr>")
                        .arg(link.toString(QUrl::FullyEncoded).toHtmlEscaped(), path.toHtmlEscaped(), what);
        }
        if (paths.isEmpty()) {
            h += QStringLiteral("<p style='color:#6b7580'>%1</p>").arg(tr("These builds were recorded without their files (older history)."));
        } else {
            h += QStringLiteral("<b>%1</b> <span style='color:#6b7580'>%2</span><table>")
                     .arg(tr("Files"), tr("(%n unchanged; click a file for its diff)", nullptr, same));
            h += rows + QStringLiteral("</table>");
        }
    }
    return h;
}

QString HistoryView::fileDiffHtml(const QString &path) const
{
    const QList<int> rows = selectedRows(list_);
    if (rows.size() != 2 || !store_) return {};
    const BuildRecord &older = builds_[rows[1]], &newer = builds_[rows[0]];
    const QMap<QString, QByteArray> fa = store_->buildFiles(older.id), fb = store_->buildFiles(newer.id);
    if (!fa.contains(path) && !fb.contains(path)) return {};
    const QStringList diff = unifiedDiff(QString::fromUtf8(fa.value(path)).split('\n'), QString::fromUtf8(fb.value(path)).split('\n'));
    QString h = QStringLiteral("<p><a href='compare:'>%1</a></p><h3>%2</h3>")
                    .arg(tr("◂ back to the comparison"), tr("%1: %2 → %3").arg(path.toHtmlEscaped(),
                                                                              older.time.toLocalTime().toString("HH:mm:ss"),
                                                                              newer.time.toLocalTime().toString("HH:mm:ss")));
    if (diff.isEmpty()) return h + QStringLiteral("<p>%1</p>").arg(tr("identical"));
    h += QStringLiteral("<pre style='font-family:\"DejaVu Sans Mono\",monospace;font-size:8.5pt'>");
    for (const QString &line : diff) {
        const QChar k = line.isEmpty() ? QLatin1Char(' ') : line.front();
        const QString style = line.startsWith(QLatin1String("@@")) ? QStringLiteral("color:#6f42c1")
                              : k == QLatin1Char('+')              ? QStringLiteral("background:#e6ffec;color:#1a7f37")
                              : k == QLatin1Char('-')              ? QStringLiteral("background:#ffebe9;color:#b71c1c")
                                                                   : QString();
        h += style.isEmpty() ? line.toHtmlEscaped() + QLatin1Char('\n')
                             : QStringLiteral("<span style='%1'>%2</span>\n").arg(style, line.toHtmlEscaped());
    }
    return h + QStringLiteral("</pre>");
}

void HistoryView::showFileDiff(const QString &path)
{
    const QString h = fileDiffHtml(path);
    if (!h.isEmpty()) compare_->setHtml(h);
}

void HistoryView::updateButtons()
{
    const int b = int(list_->selectedItems().size()), p = int(profileList_->selectedItems().size());
    const QTreeWidget *active = showProfiles_ ? profileList_ : list_;
    restore_->setEnabled(active->selectedItems().size() == 1);
    delete_->setEnabled(b + p > 0);
}

void HistoryView::restoreSelected()
{
    const QList<int> rows = selectedRows(showProfiles_ ? profileList_ : list_);
    if (rows.size() != 1) return;
    emit restoreOptions(showProfiles_ ? profiles_[rows[0]].options : builds_[rows[0]].options);
}

void HistoryView::deleteSelected()
{
    const QList<int> b = selectedRows(list_), p = selectedRows(profileList_);
    if (b.isEmpty() && p.isEmpty()) return;
    const int n = int(b.size() + p.size());
    const auto answer = QMessageBox::question(this, tr("Delete history entries"),
                                              tr("Delete %n selected history entries? This cannot be undone; other entries, "
                                                 "the project and its options are kept.", nullptr, n),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes) deleteEntries(b, p);
}

bool HistoryView::deleteEntries(const QList<int> &buildRows, const QList<int> &profileRows)
{
    if (!store_) return false;
    bool ok = true;
    // Ids first: rows shift as entries go.
    QList<qint64> buildIds, profileIds;
    for (int r : buildRows)
        if (r >= 0 && r < builds_.size()) buildIds << builds_[r].id;
    for (int r : profileRows)
        if (r >= 0 && r < profiles_.size()) profileIds << profiles_[r].id;
    for (qint64 id : buildIds) ok = store_->removeBuild(id) && ok;
    for (qint64 id : profileIds) ok = store_->removeProfile(id) && ok;
    refresh();
    return ok;
}

void HistoryView::updateComparison()
{
    const QString h = showProfiles_ ? profileComparisonHtml() : comparisonHtml();
    const QString empty = showProfiles_ ? tr("Select two profile runs to compare them.") : tr("Select two builds to compare them.");
    compare_->setHtml(h.isEmpty() ? QStringLiteral("<p style='color:#6b7580'>%1</p>").arg(empty) : h);
}

}  // namespace ember::studio
