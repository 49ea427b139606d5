// Board capacity bars (issue 12, feature 3): with a board selected, one bar
// per memory region — flash (constants + code) and each RAM region (pools,
// I/O, stack) — against the region's size, red when it does not fit. Drawn
// from the plan and the options (app/model/Capacity), before any build.
#pragma once

#include <QWidget>

#include "Capacity.h"

namespace ember::studio {

class Session;

class CapacityBars : public QWidget {
    Q_OBJECT
public:
    explicit CapacityBars(Session *session, QWidget *parent = nullptr);
    const QList<CapacityBar> &bars() const { return bars_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {200, sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *e) override;
    bool event(QEvent *e) override;

private:
    void refresh();
    QRectF barRect(int i) const;

    Session *session_;
    QList<CapacityBar> bars_;
    QStringList unplaced_;
};

}  // namespace ember::studio
