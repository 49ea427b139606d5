// The generated package: a file tree and a read-only QScintilla editor (C
// lexer, line numbers, folding, find, go to layer). The header opens first;
// after a rebuild, files and lines that changed versus the previous build
// are marked.
#pragma once

#include <QWidget>

class QsciScintilla;
class QTreeWidget;
class QTreeWidgetItem;
class QLineEdit;
class QComboBox;
class QLabel;
class QToolButton;
class QCheckBox;

namespace ember::studio {

class Session;

class CodeView : public QWidget {
    Q_OBJECT
public:
    explicit CodeView(Session *session, QWidget *parent = nullptr);

    QStringList files() const;         // relative paths listed in the tree
    QString currentFile() const { return current_; }
    QString currentText() const;
    int currentLine() const;           // 0-based caret line
    bool openFile(const QString &path);
    // Opens the operators file at the function generated for `op` (position
    // in Graph::ops); false when the build has no such function.
    bool goToLayer(int op);
    bool find(const QString &text, bool forward = true);
    QStringList changedFiles() const { return changedFiles_; }
    QList<int> changedLines() const { return changedLines_; }
    QsciScintilla *editor() const { return editor_; }
    // The build shown is older than the options (the stale bar shows).
    bool isStale() const;

protected:
    void changeEvent(QEvent *e) override;

private:
    void rebuild();
    void retranslate();
    void markChanges();
    void fillLayers();
    void updateStale();

    Session *session_;
    QTreeWidget *tree_;
    QsciScintilla *editor_;
    QLineEdit *find_;
    QToolButton *findPrev_, *findNext_;
    QComboBox *layers_;
    QCheckBox *showChanges_;
    QLabel *status_, *placeholder_, *stale_;
    QString current_;
    QStringList changedFiles_;
    QList<int> changedLines_;
};

}  // namespace ember::studio
