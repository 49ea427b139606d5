// The Messages pane: errors, warnings and notes from import, planning and
// compile, each with the op/tensor it concerns; clicking one selects it.
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

signals:
    void activatedLocation(int op, const QString &tensor);

protected:
    void changeEvent(QEvent *e) override;

private:
    void add(const StudioMessage &m);
    void onActivated(QTreeWidgetItem *item);
    void retranslate();

    Session *session_;
    int errors_ = 0;
};

}  // namespace ember::studio
