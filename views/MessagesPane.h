// The Messages pane: errors, warnings and notes from import, planning,
// compile and board jobs, each with the op/tensor it concerns; clicking one
// selects it. A message with a raw tool log (flash, profile) expands to it.
#pragma once

#include <QTreeWidget>

namespace ember::studio {

class Session;
struct StudioMessage;

class MessagesPane : public QTreeWidget {
    Q_OBJECT
public:
    explicit MessagesPane(Session *session, QWidget *parent = nullptr);

    int errorCount() const { return errors_; }
    QString lastText() const;
    // Raw log under the last message ("" if it has none).
    QString lastDetails() const;
    // Tall enough for ~6 rows by default; never forces a width.
    QSize sizeHint() const override { return {400, 160}; }
    QSize minimumSizeHint() const override { return {120, 60}; }

signals:
    void activatedLocation(int op, const QString &tensor);

protected:
    void changeEvent(QEvent *e) override;

private:
    void add(const StudioMessage &m);
    void addDetails(QTreeWidgetItem *item, const QString &details);
    void onActivated(QTreeWidgetItem *item);
    void retranslate();

    Session *session_;
    int errors_ = 0;
};

}  // namespace ember::studio
