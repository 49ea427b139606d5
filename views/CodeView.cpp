#include "CodeView.h"

#include <QTreeWidgetItemIterator>

#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedLayout>
#include <QSignalBlocker>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "BuildOptions.h"
#include "CompileJob.h"
#include "Session.h"
#include "TextDiff.h"
#include "OpStyle.h"

namespace ember::studio {

namespace {
constexpr int kChangedMarker = 1;
constexpr int kPathRole = Qt::UserRole + 1;

QFont codeFont()
{
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(9.5);
    return f;
}

// Light theme for the C lexer: quiet comments, distinct literals.
void styleCpp(QsciLexerCPP *lx)
{
    const QFont f = codeFont();
    lx->setDefaultFont(f);
    lx->setFont(f);
    lx->setDefaultPaper(QColor(0xff, 0xff, 0xff));
    lx->setPaper(QColor(0xff, 0xff, 0xff));
    lx->setColor(QColor(0x6a, 0x73, 0x7d), QsciLexerCPP::Comment);
    lx->setColor(QColor(0x6a, 0x73, 0x7d), QsciLexerCPP::CommentLine);
    lx->setColor(QColor(0x6a, 0x73, 0x7d), QsciLexerCPP::CommentDoc);
    lx->setColor(QColor(0x00, 0x5c, 0xc5), QsciLexerCPP::Keyword);
    lx->setColor(QColor(0x6f, 0x42, 0xc1), QsciLexerCPP::KeywordSet2);
    lx->setColor(QColor(0x03, 0x2f, 0x62), QsciLexerCPP::Identifier);
    lx->setColor(QColor(0x00, 0x80, 0x80), QsciLexerCPP::Number);
    lx->setColor(QColor(0xa3, 0x15, 0x15), QsciLexerCPP::DoubleQuotedString);
    lx->setColor(QColor(0xb3, 0x5e, 0x14), QsciLexerCPP::PreProcessor);
    lx->setColor(QColor(0x24, 0x29, 0x2e), QsciLexerCPP::Operator);
    for (int s = 0; s < 128; ++s) lx->setFont(f, s);
}
}  // namespace

CodeView::CodeView(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    tree_ = new QTreeWidget;
    tree_->setObjectName("codeFiles");
    tree_->setColumnCount(2);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->setMinimumWidth(150);

    editor_ = new QsciScintilla;
    editor_->setReadOnly(true);
    editor_->setUtf8(true);
    editor_->setFont(codeFont());
    editor_->setMarginType(0, QsciScintilla::NumberMargin);
    editor_->setMarginLineNumbers(0, true);
    editor_->setMarginWidth(0, QStringLiteral("000000"));
    editor_->setMarginsForegroundColor(QColor(0x8b, 0x94, 0x9e));
    editor_->setMarginsBackgroundColor(QColor(0xf6, 0xf8, 0xfa));
    editor_->setMarginsFont(codeFont());
    editor_->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    editor_->setFoldMarginColors(QColor(0xf6, 0xf8, 0xfa), QColor(0xf6, 0xf8, 0xfa));
    editor_->setCaretLineVisible(true);
    editor_->setCaretLineBackgroundColor(QColor(0xf1, 0xf5, 0xfb));
    editor_->setIndentationGuides(true);
    editor_->setWrapMode(QsciScintilla::WrapNone);
    editor_->setSelectionBackgroundColor(QColor(0xc8, 0xe1, 0xff));
    editor_->markerDefine(QsciScintilla::Background, kChangedMarker);
    editor_->setMarkerBackgroundColor(QColor(0xe6, 0xff, 0xec), kChangedMarker);
    editor_->SendScintilla(QsciScintillaBase::SCI_SETHSCROLLBAR, 1);

    find_ = new QLineEdit;
    find_->setObjectName("codeFind");
    find_->setClearButtonEnabled(true);
    find_->setMaximumWidth(220);
    find_->setMinimumWidth(90);
    findPrev_ = new QToolButton;
    findPrev_->setText(QStringLiteral("▲"));
    findNext_ = new QToolButton;
    findNext_->setText(QStringLiteral("▼"));
    layers_ = new QComboBox;
    layers_->setObjectName("goToLayer");
    layers_->setMinimumContentsLength(10);
    layers_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    showChanges_ = new QCheckBox;
    showChanges_->setChecked(true);
    status_ = new QLabel;
    status_->setObjectName("codeStatus");

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(find_);
    bar->addWidget(findPrev_);
    bar->addWidget(findNext_);
    bar->addSpacing(12);
    bar->addWidget(layers_);
    bar->addSpacing(12);
    bar->addWidget(showChanges_);
    bar->addStretch();

    placeholder_ = new QLabel;
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setStyleSheet("color:#6b7580");
    auto *right = new QWidget;
    auto *stack = new QStackedLayout;
    stack->addWidget(placeholder_);
    stack->addWidget(editor_);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(0);
    rl->addLayout(bar);
    // Shown while the build is older than the options (the live recompile
    // is on its way, or the options do not compile).
    stale_ = new QLabel;
    stale_->setObjectName("codeStale");
    stale_->setWordWrap(true);
    stale_->setStyleSheet("background:#fff4ce; color:#5d4200; padding:4px 8px; border-bottom:1px solid #e8d48b");
    stale_->hide();
    rl->addWidget(stale_);
    rl->addLayout(stack, 1);

    // The package summary sits under the file tree, where it never clips.
    auto *left = new QWidget;
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->setSpacing(2);
    ll->addWidget(tree_, 1);
    status_->setWordWrap(true);
    status_->setContentsMargins(6, 2, 6, 4);
    status_->setStyleSheet("color:#4a5560");
    ll->addWidget(status_);
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({270, 800});
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(split);

    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *it) {
        if (it && !it->data(0, kPathRole).toString().isEmpty()) openFile(it->data(0, kPathRole).toString());
    });
    connect(find_, &QLineEdit::returnPressed, this, [this] { find(find_->text(), true); });
    connect(findNext_, &QToolButton::clicked, this, [this] { find(find_->text(), true); });
    connect(findPrev_, &QToolButton::clicked, this, [this] { find(find_->text(), false); });
    connect(layers_, &QComboBox::activated, this, [this](int i) {
        if (i > 0) goToLayer(layers_->itemData(i).toInt());
    });
    connect(showChanges_, &QCheckBox::toggled, this, &CodeView::markChanges);
    connect(session_, &Session::buildChanged, this, &CodeView::rebuild);
    connect(session_, &Session::buildChanged, this, &CodeView::updateStale);
    connect(session_, &Session::optionsChanged, this, &CodeView::updateStale);
    connect(session_, &Session::modelChanged, this, &CodeView::fillLayers);
    connect(session_, &Session::selectionChanged, this, [this] {
        const int op = session_->selectedOp();
        const int i = layers_->findData(op);
        if (op >= 0 && i > 0) layers_->setCurrentIndex(i);
    });
    retranslate();
    rebuild();
}

bool CodeView::isStale() const { return session_->build() && !session_->buildIsCurrent(); }

void CodeView::updateStale()
{
    stale_->setVisible(isStale());
    stale_->setText(tr("Options changed — this code is from the previous build; recompiling… "
                       "(if it stays, the options do not compile: see the Options panel, or press Ctrl+B)"));
}

void CodeView::retranslate()
{
    updateStale();
    tree_->setHeaderLabels({tr("Package"), tr("Size")});
    find_->setPlaceholderText(tr("Find in file…"));
    findPrev_->setToolTip(tr("Previous match"));
    findNext_->setToolTip(tr("Next match"));
    showChanges_->setText(tr("Mark changes"));
    showChanges_->setToolTip(tr("Highlight lines that changed versus the previous build"));
    placeholder_->setText(tr("Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package."));
    fillLayers();
    markChanges();
}

void CodeView::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void CodeView::fillLayers()
{
    layers_->clear();
    layers_->addItem(tr("Go to layer…"), -1);
    const ember::Graph *g = session_->graph();
    if (!g) return;
    for (size_t i = 0; i < g->ops.size(); ++i)
        layers_->addItem(QStringLiteral("%1  %2  %3").arg(i, 2, 10, QLatin1Char('0'))
                             .arg(QString::fromStdString(g->ops[i].typeName), shortName(g->layerName(g->ops[i]))),
                         int(i));
}

QStringList CodeView::files() const
{
    QStringList out;
    auto build = session_->build();
    if (build)
        for (const auto &f : build->files) out << QString::fromStdString(f.first);
    return out;
}

void CodeView::rebuild()
{
    // A recompile keeps the file and line the user was reading.
    const QString keepFile = current_;
    const int keepLine = keepFile.isEmpty() ? -1 : currentLine();
    const int keepTop = editor_->firstVisibleLine();
    tree_->clear();
    current_.clear();
    auto build = session_->build();
    auto *stack = static_cast<QStackedLayout *>(static_cast<QVBoxLayout *>(editor_->parentWidget()->layout())->itemAt(2)->layout());  // bar, stale bar, stack
    stack->setCurrentIndex(build ? 1 : 0);
    if (!build) {
        editor_->clear();
        status_->clear();
        return;
    }
    auto prev = session_->previousBuild();
    changedFiles_.clear();
    QHash<QString, QTreeWidgetItem *> dirs;
    QTreeWidgetItem *header = nullptr;
    for (const auto &[path, text] : build->files) {
        const QString p = QString::fromStdString(path);
        QTreeWidgetItem *parent = nullptr;
        const QStringList parts = p.split('/');
        QString acc;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            acc += parts[i] + '/';
            if (!dirs.contains(acc)) {
                auto *d = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree_);
                d->setText(0, parts[i]);
                d->setExpanded(true);
                dirs.insert(acc, d);
            }
            parent = dirs.value(acc);
            parent->setExpanded(true);
        }
        auto *it = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree_);
        it->setText(0, parts.last());
        it->setData(0, kPathRole, p);
        it->setText(1, formatBytes(qint64(text.size())));
        it->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (prev) {
            const std::string *old = prev->file(path);
            if (!old || *old != text) {
                changedFiles_ << p;
                QFont f = it->font(0);
                f.setBold(true);
                it->setFont(0, f);
                it->setForeground(0, QColor(0x1a, 0x7f, 0x37));
                it->setToolTip(0, old ? tr("changed since the previous build") : tr("new in this build"));
            }
        }
        if (!header && p.endsWith(QStringLiteral(".h"))) header = it;
    }
    tree_->expandAll();
    status_->setText(prev ? tr("%n file(s) changed since the previous build", nullptr, int(changedFiles_.size()))
                          : tr("%n file(s), %1 of C source", nullptr, int(build->files.size())).arg(formatBytes(CompileJob::codeBytesOf(*build))));
    if (!keepFile.isEmpty() && build->file(keepFile.toStdString())) {
        QTreeWidgetItemIterator it(tree_);
        for (; *it; ++it)
            if ((*it)->data(0, kPathRole).toString() == keepFile) {
                tree_->setCurrentItem(*it);
                break;
            }
        editor_->setCursorPosition(keepLine, 0);
        editor_->setFirstVisibleLine(keepTop);
        return;
    }
    // The public header is what an integrator reads first.
    if (header) tree_->setCurrentItem(header);
    else if (tree_->topLevelItemCount()) openFile(QString::fromStdString(build->files.front().first));
}

bool CodeView::openFile(const QString &path)
{
    auto build = session_->build();
    if (!build) return false;
    const std::string *text = build->file(path.toStdString());
    if (!text) return false;
    if (path != current_) {
        current_ = path;
        QsciLexer *old = editor_->lexer();
        if (path.endsWith(QStringLiteral(".json"))) {
            auto *lx = new QsciLexerJSON(editor_);
            lx->setDefaultFont(codeFont());
            for (int s = 0; s < 32; ++s) lx->setFont(codeFont(), s);
            editor_->setLexer(lx);
        } else {
            auto *lx = new QsciLexerCPP(editor_);
            styleCpp(lx);
            editor_->setLexer(lx);
        }
        delete old;
        editor_->setMarginsFont(codeFont());
        editor_->setMarginWidth(0, QStringLiteral("000000"));
        editor_->setText(QString::fromStdString(*text));
        // Select the tree item without re-entering openFile.
        QTreeWidgetItemIterator it(tree_);
        for (; *it; ++it)
            if ((*it)->data(0, kPathRole).toString() == path && tree_->currentItem() != *it) {
                QSignalBlocker b(tree_);
                tree_->setCurrentItem(*it);
            }
        markChanges();
    }
    return true;
}

QString CodeView::currentText() const { return editor_->text(); }

int CodeView::currentLine() const
{
    int line = 0, index = 0;
    editor_->getCursorPosition(&line, &index);
    return line;
}

void CodeView::markChanges()
{
    editor_->markerDeleteAll(kChangedMarker);
    changedLines_.clear();
    auto prev = session_->previousBuild();
    if (!prev || current_.isEmpty() || !showChanges_->isChecked()) return;
    const std::string *old = prev->file(current_.toStdString());
    const QStringList newLines = editor_->text().split('\n');
    const QStringList oldLines = old ? QString::fromStdString(*old).split('\n') : QStringList();
    const LineDiff d = diffLines(oldLines, newLines);
    changedLines_ = d.changed;
    for (int l : d.changed) editor_->markerAdd(l, kChangedMarker);
}

bool CodeView::goToLayer(int op)
{
    auto build = session_->build();
    if (!build || op < 0) return false;
    // Layer functions are named <model>_l<NN>_<op> (NN = position, zero-padded).
    // A definition, not a prototype: no ';' on the rest of the line.
    const QRegularExpression re(QStringLiteral("^(?:static\\s+)?\\w+\\s+(\\w+_l0*%1_\\w+)\\s*\\([^;\\n]*$").arg(op),
                                QRegularExpression::MultilineOption);
    for (const auto &[path, text] : build->files) {
        const QString p = QString::fromStdString(path);
        if (!p.endsWith(QStringLiteral(".c"))) continue;
        const QString t = QString::fromStdString(text);
        const auto m = re.match(t);
        if (!m.hasMatch()) continue;
        openFile(p);
        const int line = int(t.left(m.capturedStart()).count('\n'));
        // Show a few lines of the comment above the function, too.
        editor_->setFirstVisibleLine(qMax(0, line - 4));
        editor_->setCursorPosition(line, 0);
        editor_->setSelection(line, int(m.capturedStart(1) - m.capturedStart()), line, int(m.capturedEnd(1) - m.capturedStart()));
        return true;
    }
    return false;
}

bool CodeView::find(const QString &text, bool forward)
{
    if (text.isEmpty()) return false;
    int line = 0, index = 0;
    editor_->getCursorPosition(&line, &index);
    if (!forward && editor_->hasSelectedText()) {
        int l0, i0, l1, i1;
        editor_->getSelection(&l0, &i0, &l1, &i1);
        line = l0;
        index = i0;
    }
    return editor_->findFirst(text, false, false, false, true, forward, line, index);
}

}  // namespace ember::studio
