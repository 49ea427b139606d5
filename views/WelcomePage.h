// The welcome page, shown while no model is open: open a model, the recent
// models (with their paths), Ember's example models, and the drag-and-drop
// hint. The window connects its signals to the project controller.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace ember::studio {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    // Re-reads the recent files (QSettings).
    void refresh();
    QListWidget *recentList() const { return recent_; }
    QListWidget *exampleList() const { return examples_; }

signals:
    void openRequested();
    void recentRequested(const QString &path);
    void exampleRequested(const QString &name);

protected:
    void changeEvent(QEvent *e) override;
    void showEvent(QShowEvent *e) override;

private:
    void retranslate();

    QLabel *title_, *subtitle_, *recentTitle_, *examplesTitle_, *dropHint_;
    QPushButton *open_;
    QListWidget *recent_, *examples_;
};

}  // namespace ember::studio
