#include "WelcomePage.h"

#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#include "SettingsKeys.h"
#include "core/builder/TfliteWriter.h"

namespace ember::studio {

namespace {
enum Role { PathRole = Qt::UserRole + 1 };
}

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName("welcomePage");
    title_ = new QLabel;
    title_->setStyleSheet("font-size:20pt; font-weight:600; color:#263238");
    subtitle_ = new QLabel;
    subtitle_->setWordWrap(true);
    subtitle_->setStyleSheet("color:#55606b");
    open_ = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), QString());
    open_->setObjectName("welcomeOpen");
    recentTitle_ = new QLabel;
    examplesTitle_ = new QLabel;
    for (QLabel *l : {recentTitle_, examplesTitle_}) l->setStyleSheet("font-weight:600; color:#34495e; margin-top:8px");
    recent_ = new QListWidget;
    recent_->setObjectName("welcomeRecent");
    examples_ = new QListWidget;
    examples_->setObjectName("welcomeExamples");
    for (const std::string &n : ember::exampleModelNames()) {
        auto *it = new QListWidgetItem(QString::fromStdString(n), examples_);
        it->setData(PathRole, QString::fromStdString(n));
    }
    dropHint_ = new QLabel;
    dropHint_->setAlignment(Qt::AlignCenter);
    dropHint_->setWordWrap(true);
    dropHint_->setStyleSheet("border:2px dashed #b0bec5; border-radius:8px; color:#607d8b; padding:18px");

    auto *col = new QVBoxLayout;
    col->addWidget(title_);
    col->addWidget(subtitle_);
    col->addSpacing(8);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(open_);
    openRow->addStretch();
    col->addLayout(openRow);
    auto *grid = new QGridLayout;
    grid->addWidget(recentTitle_, 0, 0);
    grid->addWidget(examplesTitle_, 0, 1);
    grid->addWidget(recent_, 1, 0);
    grid->addWidget(examples_, 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 1);
    col->addLayout(grid, 1);
    col->addWidget(dropHint_);
    // Centred column of readable width; it shrinks with the window.
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(col, 6);
    outer->addStretch(1);

    connect(open_, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem *it) {
        emit recentRequested(it->data(PathRole).toString());
    });
    connect(examples_, &QListWidget::itemActivated, this, [this](QListWidgetItem *it) {
        emit exampleRequested(it->data(PathRole).toString());
    });
    retranslate();
    refresh();
}

void WelcomePage::refresh()
{
    recent_->clear();
    for (const QString &p : QSettings().value(keys::kRecentFiles).toStringList()) {
        // Name on top, full path below: models often share a file name.
        auto *it = new QListWidgetItem(QStringLiteral("%1\n%2").arg(QFileInfo(p).fileName(), p), recent_);
        it->setData(PathRole, p);
        it->setToolTip(p);
        if (!QFileInfo::exists(p)) it->setForeground(QColor(0x9e, 0x9e, 0x9e));
    }
    if (!recent_->count()) {
        auto *it = new QListWidgetItem(tr("No recent models yet."), recent_);
        it->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::retranslate()
{
    title_->setText(tr("Welcome to Ember Studio"));
    subtitle_->setText(tr("Compile a TFLite model into dependency-free C for a microcontroller: see its graph and memory "
                          "plan, tune the options, validate it on the desktop and profile it on a board."));
    open_->setText(tr("Open Model…"));
    recentTitle_->setText(tr("Recent models (double-click to open)"));
    examplesTitle_->setText(tr("Example models"));
    dropHint_->setText(tr("…or drop a .tflite file anywhere on this window"));
    refresh();
}

void WelcomePage::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void WelcomePage::showEvent(QShowEvent *e)
{
    refresh();
    QWidget::showEvent(e);
}

}  // namespace ember::studio
