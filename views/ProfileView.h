// The Profile tab: a profile run on a board, layer by layer. Cards for the
// board, the total, the time at the board's clock, the output check (bit-exact
// with the host run or not) and stack/flash/RAM; below, one bar per layer with
// its count, share of the total, MACs and MACs per cycle. Selecting a layer
// selects it in the graph (and the other way round).
#pragma once

#include <QWidget>

#include "ProjectStore.h"

class QLabel;
class QTreeWidget;
class QStackedWidget;

namespace ember::studio {

class Session;
class StatCard;

class ProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ProfileView(Session *session, QWidget *parent = nullptr);

    // What the view shows (tests read it back).
    int layerCount() const;
    qint64 shownTotal() const { return shownTotal_; }
    qint64 shownLayerSum() const;
    QString outputCheckText() const;
    QString timeText() const;
    QTreeWidget *table() const { return table_; }

    // Text shown while a run is in progress (empty: none).
    void setRunning(const QString &stage);

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void refresh();
    void syncSelection();

    Session *session_;
    QStackedWidget *stack_;
    QLabel *empty_, *title_, *note_;
    StatCard *board_, *total_, *time_, *check_, *memory_;
    QTreeWidget *table_;
    qint64 shownTotal_ = 0;
    QString running_;
    bool syncing_ = false;
};

}  // namespace ember::studio
