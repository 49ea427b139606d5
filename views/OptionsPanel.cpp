#include "OptionsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstring>

#include "Session.h"

namespace ember::studio {

namespace {

const char *kDefaultSuffix = QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "(default)");

// The option table's labels (core/OptionTable.cpp has no Qt), listed for
// lupdate; the panel and History translate spec->label in this context.
// tst_studio_graph checks every label of the table has a German translation.
[[maybe_unused]] const char *const kOptionLabels[] = {
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Name"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Entrypoint API"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Operators"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Packed wrappers"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Unchecked packed calls"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Target core"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Planner"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Alignment"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Constants"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Inputs/outputs"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "App-provided pools"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Workspace pools"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Pins (tensor → pool)"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Dynamic dimensions"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "ONNX I/O layout"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "In-place memory"),
    QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "Optimize for"),
};

QString comboValue(const QComboBox *c) { return c->currentData().toString(); }

void setComboValue(QComboBox *c, const QString &v)
{
    int i = c->findData(v);
    if (i < 0) {
        // A value this build does not list (e.g. a planner from a newer core).
        c->addItem(v, v);
        i = c->count() - 1;
    }
    c->setCurrentIndex(i);
}

void setInvalid(QWidget *w, const QString &why)
{
    if (!w) return;
    w->setProperty("invalid", !why.isEmpty());
    w->setToolTip(why.isEmpty() ? w->property("baseToolTip").toString()
                                : why + QStringLiteral("\n\n") + w->property("baseToolTip").toString());
    // Re-polish so the style sheet's [invalid="true"] rule applies.
    w->style()->unpolish(w);
    w->style()->polish(w);
}

}  // namespace

OptionsPanel::OptionsPanel(Session *session, QWidget *parent) : QWidget(parent), session_(session)
{
    build();
    retranslate();
    markUnsupported();
    setOptions(session_->options());
    connect(session_, &Session::optionsChanged, this, [this] { setOptions(session_->options()); });
    connect(session_, &Session::modelChanged, this, [this] {
        updateNamePlaceholder();
        setOptions(session_->options());
    });
    connect(this, &OptionsPanel::optionsEdited, session_, &Session::setOptions);
}

void OptionsPanel::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto *body = new QWidget;
    scroll->setWidget(body);
    auto *lay = new QVBoxLayout(body);
    lay->setContentsMargins(8, 6, 8, 6);
    lay->setSpacing(8);

    auto *presetRow = new QHBoxLayout;
    preset_ = new QComboBox;
    preset_->setObjectName("preset");
    reset_ = new QToolButton;
    reset_->setObjectName("reset");
    presetRow->addWidget(preset_, 1);
    presetRow->addWidget(reset_);
    lay->addLayout(presetRow);

    auto mkCombo = [](const char *obj) {
        auto *c = new QComboBox;
        c->setObjectName(obj);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(8);
        return c;
    };
    apiGroup_ = new QGroupBox;
    apiForm_ = new QFormLayout(apiGroup_);
    apiForm_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    lay->addWidget(apiGroup_);
    memGroup_ = new QGroupBox;
    memForm_ = new QFormLayout(memGroup_);
    memForm_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // One widget per single-valued row of the option table, in its group.
    for (const ember::OptionSpec &spec : ember::compileOptionTable()) {
        if (spec.kind == ember::OptionKind::List) continue;
        QWidget *w = nullptr;
        if (spec.kind == ember::OptionKind::Flag) w = new QCheckBox;
        else if (spec.kind == ember::OptionKind::Text) w = new QLineEdit;
        else w = mkCombo(spec.key);
        w->setObjectName(QString::fromLatin1(spec.key));
        QFormLayout *form = spec.group == ember::OptionGroup::Api ? apiForm_ : memForm_;
        form->addRow(new QLabel, w);
        fields_ << Field{&spec, w, form};
    }
    poolsLabel_ = new QLabel;
    memForm_->addRow(poolsLabel_);
    pools_ = new QTableWidget(0, 4);
    pools_->setObjectName("pools");
    pools_->verticalHeader()->hide();
    pools_->horizontalHeader()->setStretchLastSection(true);
    pools_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    pools_->setColumnWidth(1, 64);
    pools_->setColumnWidth(2, 48);
    pools_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pools_->horizontalHeader()->setMinimumSectionSize(40);
    pools_->setMinimumHeight(84);
    pools_->setMaximumHeight(120);
    memForm_->addRow(pools_);
    auto *poolButtons = new QHBoxLayout;
    addPool_ = new QToolButton;
    removePool_ = new QToolButton;
    addPool_->setObjectName("addPool");
    removePool_->setObjectName("removePool");
    poolButtons->addWidget(addPool_);
    poolButtons->addWidget(removePool_);
    poolButtons->addStretch();
    memForm_->addRow(poolButtons);
    lay->addWidget(memGroup_);

    pinGroup_ = new QGroupBox;
    auto *pinLay = new QVBoxLayout(pinGroup_);
    pins_ = new QTableWidget(0, 2);
    pins_->setObjectName("pins");
    pins_->verticalHeader()->hide();
    pins_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    pins_->setMinimumHeight(60);
    pins_->setMaximumHeight(110);
    pinLay->addWidget(pins_);
    auto *pinButtons = new QHBoxLayout;
    addPin_ = new QToolButton;
    removePin_ = new QToolButton;
    pinButtons->addWidget(addPin_);
    pinButtons->addWidget(removePin_);
    pinButtons->addStretch();
    pinLay->addLayout(pinButtons);
    lay->addWidget(pinGroup_);

    dimGroup_ = new QGroupBox;
    auto *dimLay = new QVBoxLayout(dimGroup_);
    dims_ = new QPlainTextEdit;
    dims_->setObjectName("dims");
    dims_->setMaximumHeight(52);
    dimLay->addWidget(dims_);
    lay->addWidget(dimGroup_);

    errorLabel_ = new QLabel;
    errorLabel_->setObjectName("optionErrors");
    errorLabel_->setWordWrap(true);
    errorLabel_->setStyleSheet("color:#b71c1c");
    errorLabel_->hide();
    lay->addWidget(errorLabel_);
    cmdTitle_ = new QLabel;
    lay->addWidget(cmdTitle_);
    cmdLine_ = new QLabel;
    cmdLine_->setObjectName("commandLine");
    cmdLine_->setWordWrap(true);
    cmdLine_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cmdLine_->setStyleSheet("font-family:'DejaVu Sans Mono'; font-size:8pt; background:#f3f5f7; padding:4px; border:1px solid #dde2e8");
    lay->addWidget(cmdLine_);
    lay->addStretch();

    auto changed = [this] { edited(); };
    for (const Field &f : fields_) {
        if (auto *c = qobject_cast<QComboBox *>(f.widget)) connect(c, &QComboBox::currentIndexChanged, this, changed);
        if (auto *b = qobject_cast<QCheckBox *>(f.widget)) connect(b, &QCheckBox::toggled, this, changed);
        if (auto *e = qobject_cast<QLineEdit *>(f.widget)) connect(e, &QLineEdit::textEdited, this, changed);
    }
    connect(pools_, &QTableWidget::cellChanged, this, changed);
    connect(pins_, &QTableWidget::cellChanged, this, changed);
    connect(dims_, &QPlainTextEdit::textChanged, this, changed);
    connect(addPool_, &QToolButton::clicked, this, [this] {
        addPoolRow(PoolOption{QStringLiteral("pool%1").arg(pools_->rowCount()), 0, {}, 16});
        edited();
    });
    connect(removePool_, &QToolButton::clicked, this, [this] {
        if (pools_->rowCount() > 1) pools_->removeRow(pools_->currentRow() >= 0 ? pools_->currentRow() : pools_->rowCount() - 1);
        edited();
    });
    connect(addPin_, &QToolButton::clicked, this, [this] {
        const QString first = pools_->rowCount() ? pools_->item(0, 0)->text() : QString();
        addPinRow(QString(), first);
        edited();
    });
    connect(removePin_, &QToolButton::clicked, this, [this] {
        if (pins_->rowCount()) pins_->removeRow(pins_->currentRow() >= 0 ? pins_->currentRow() : pins_->rowCount() - 1);
        edited();
    });
    connect(preset_, &QComboBox::activated, this, [this](int i) {
        if (i == 1) applyPreset(BuildOptions::Preset::EmbeddedC);
        if (i == 2) applyPreset(BuildOptions::Preset::HostDriven);
    });
    connect(reset_, &QToolButton::clicked, this, [this] {
        BuildOptions d;
        setOptions(d);
        emit optionsEdited(d);
    });
}

void OptionsPanel::fillCombo(QComboBox *c, const ember::OptionSpec &spec)
{
    const QString cur = comboValue(c), def = QString::fromLatin1(spec.defaultValue);
    QSignalBlocker b(c);
    c->clear();
    for (const std::string &s : spec.choices) {
        const QString v = QString::fromStdString(s);
        c->addItem(v == def ? v + QLatin1Char(' ') + tr(kDefaultSuffix) : v, v);
    }
    setComboValue(c, cur.isEmpty() ? def : cur);
}

QWidget *OptionsPanel::widgetFor(const char *flag) const
{
    for (const Field &f : fields_)
        if (std::strcmp(f.spec->flag, flag) == 0) return f.widget;
    return nullptr;
}

QString OptionsPanel::fieldValue(const Field &f) const
{
    if (auto *c = qobject_cast<QComboBox *>(f.widget)) return comboValue(c);
    if (auto *b = qobject_cast<QCheckBox *>(f.widget)) return b->isChecked() ? QStringLiteral("on") : QString();
    if (auto *e = qobject_cast<QLineEdit *>(f.widget)) return e->text().trimmed();
    return {};
}

void OptionsPanel::setFieldValue(const Field &f, const QString &v)
{
    if (auto *c = qobject_cast<QComboBox *>(f.widget)) setComboValue(c, v);
    if (auto *b = qobject_cast<QCheckBox *>(f.widget)) b->setChecked(v == QLatin1String("on"));
    if (auto *e = qobject_cast<QLineEdit *>(f.widget)) e->setText(v);
}

void OptionsPanel::retranslate()
{
    {
        QSignalBlocker b(preset_);
        const int i = preset_->currentIndex();
        preset_->clear();
        preset_->addItems({tr("Preset…"), tr("Embedded (C API)"), tr("Host-driven (packed)")});
        preset_->setCurrentIndex(qMax(0, i));
        preset_->setToolTip(tr("Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.\n"
                               "Host-driven: packed entrypoint and operators plus packed wrappers and a function table, "
                               "so a host can call any layer by name."));
    }
    reset_->setText(tr("Defaults"));
    reset_->setToolTip(tr("Reset every option to its default"));
    apiGroup_->setTitle(tr("Generated API"));
    memGroup_->setTitle(tr("Memory"));
    pinGroup_->setTitle(tr("Pins (tensor → pool)"));
    dimGroup_->setTitle(tr("Dynamic dimensions"));
    poolsLabel_->setText(tr("Workspace pools"));
    cmdTitle_->setText(tr("Command line (emberc twin):"));
    addPool_->setText(tr("Add pool"));
    removePool_->setText(tr("Remove"));
    addPin_->setText(tr("Add pin"));
    removePin_->setText(tr("Remove"));
    pools_->setHorizontalHeaderLabels({tr("Name"), tr("Size"), tr("Align"), tr("Section")});
    pins_->setHorizontalHeaderLabels({tr("Tensor"), tr("Pool")});

    // Labels and tooltips come from the option table; the strings are looked
    // up in this class's translation context.
    for (const Field &f : fields_) {
        if (auto *l = qobject_cast<QLabel *>(f.form->labelForField(f.widget))) l->setText(tr(f.spec->label));
        if (auto *c = qobject_cast<QComboBox *>(f.widget)) fillCombo(c, *f.spec);
        const QString t = tr((std::string(f.spec->flag) + ": " + f.spec->details).c_str());
        f.widget->setProperty("baseToolTip", t);
        f.widget->setToolTip(t);
    }
    updateNamePlaceholder();
    auto tip = [](QWidget *w, const char *flag) {
        const ember::OptionSpec *s = ember::findCompileOption(flag);
        const QString t = tr((std::string(flag) + " " + s->metavar + ": " + s->details).c_str());
        w->setProperty("baseToolTip", t);
        w->setToolTip(t);
    };
    tip(pools_, "--pool");
    tip(pins_, "--pin");
    tip(dims_, "--dim");
    setOptions(options());
}

void OptionsPanel::updateNamePlaceholder()
{
    // The name the package gets when Name is empty: the open model's stem.
    if (auto *name = qobject_cast<QLineEdit *>(widgetFor("--name")))
        name->setPlaceholderText(session_->hasModel()
                                     ? QString::fromStdString(ember::sanitizeIdentifier(
                                           QFileInfo(session_->modelPath()).completeBaseName().toStdString()))
                                     : tr("model file name"));
}

void OptionsPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void OptionsPanel::markUnsupported()
{
    QList<QPair<QWidget *, QString>> flags{{pools_, "--pool"}, {pins_, "--pin"}, {dims_, "--dim"}};
    for (const Field &f : fields_) flags << qMakePair(f.widget, QString::fromLatin1(f.spec->flag));
    for (const auto &[w, flag] : flags) {
        if (coreSupportsFlag(flag)) continue;
        // Shown but disabled: the option exists in the design, this core does not implement it yet.
        w->setEnabled(false);
        w->setProperty("baseToolTip", tr("%1 is not supported by this compiler build yet.").arg(flag));
        w->setToolTip(w->property("baseToolTip").toString());
    }
}

void OptionsPanel::addPoolRow(const PoolOption &p)
{
    const int r = pools_->rowCount();
    pools_->insertRow(r);
    pools_->setItem(r, 0, new QTableWidgetItem(p.name));
    // Size 0 means "as large as needed": say so.
    pools_->setItem(r, 1, new QTableWidgetItem(p.size ? QString::number(p.size) : tr("auto")));
    pools_->setItem(r, 2, new QTableWidgetItem(QString::number(p.align)));
    pools_->setItem(r, 3, new QTableWidgetItem(p.section));
}

void OptionsPanel::addPinRow(const QString &tensor, const QString &pool)
{
    const int r = pins_->rowCount();
    pins_->insertRow(r);
    pins_->setItem(r, 0, new QTableWidgetItem(tensor));
    pins_->setItem(r, 1, new QTableWidgetItem(pool));
}

void OptionsPanel::setOptions(const BuildOptions &o)
{
    filling_ = true;
    QList<QWidget *> all{pools_, pins_, dims_};
    for (const Field &f : fields_) all << f.widget;
    QList<QSignalBlocker *> blockers;
    for (QWidget *w : all) blockers << new QSignalBlocker(w);
    for (const Field &f : fields_) setFieldValue(f, o.get(QString::fromLatin1(f.spec->flag)));
    pools_->setRowCount(0);
    for (const PoolOption &p : o.pools) addPoolRow(p);
    pins_->setRowCount(0);
    for (auto it = o.pins.cbegin(); it != o.pins.cend(); ++it) addPinRow(it.key(), it.value());
    if (dims_->toPlainText().split('\n', Qt::SkipEmptyParts) != o.dims) dims_->setPlainText(o.dims.join('\n'));
    qDeleteAll(blockers);
    filling_ = false;
    showErrors(session_->hasModel() ? o.validateAgainst(*session_->graph()) : o.validate());
    QString model = session_->hasModel() ? QFileInfo(session_->modelPath()).fileName() : QStringLiteral("MODEL");
    cmdLine_->setText((QStringList{"emberc", "compile", model} + o.toArgs()).join(' '));
}

BuildOptions OptionsPanel::options() const
{
    BuildOptions o;
    for (const Field &f : fields_) o.set(QString::fromLatin1(f.spec->flag), fieldValue(f));
    o.pools.clear();
    auto cell = [](const QTableWidget *t, int r, int c) { return t->item(r, c) ? t->item(r, c)->text().trimmed() : QString(); };
    for (int r = 0; r < pools_->rowCount(); ++r) {
        const QString sizeText = cell(pools_, r, 1);
        const bool automatic = sizeText.isEmpty() || sizeText == tr("auto") || sizeText == QLatin1String("auto");
        const qint64 size = automatic ? 0 : parseBytes(sizeText);
        bool alignOk = false;
        const int align = cell(pools_, r, 2).toInt(&alignOk);
        // Unparseable cells become values validate() rejects, so they are flagged inline.
        o.pools << PoolOption{cell(pools_, r, 0), size, cell(pools_, r, 3), alignOk ? align : 0};
    }
    o.pins.clear();
    for (int r = 0; r < pins_->rowCount(); ++r)
        if (!cell(pins_, r, 0).isEmpty()) o.pins.insert(cell(pins_, r, 0), cell(pins_, r, 1));
    for (const QString &l : dims_->toPlainText().split('\n', Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty()) o.dims << l.trimmed();
    return o;
}

void OptionsPanel::applyPreset(BuildOptions::Preset p)
{
    BuildOptions o = BuildOptions::preset(p);
    // A preset sets the API shape; the memory layout the user built stays.
    const BuildOptions cur = options();
    o.set(QStringLiteral("--name"), cur.name());
    o.pools = cur.pools;
    o.pins = cur.pins;
    o.set(QStringLiteral("--planner"), cur.planner());
    o.dims = cur.dims;
    setOptions(o);
    emit optionsEdited(o);
}

void OptionsPanel::edited()
{
    if (filling_) return;
    const BuildOptions o = options();
    showErrors(session_->hasModel() ? o.validateAgainst(*session_->graph()) : o.validate());
    QString model = session_->hasModel() ? QFileInfo(session_->modelPath()).fileName() : QStringLiteral("MODEL");
    cmdLine_->setText((QStringList{"emberc", "compile", model} + o.toArgs()).join(' '));
    {
        QSignalBlocker b(preset_);
        preset_->setCurrentIndex(0);
    }
    emit optionsEdited(o);
}

QWidget *OptionsPanel::fieldFor(const QString &field) const
{
    if (field == "name") return widgetFor("--name");
    if (field == "align") return widgetFor("--align");
    if (field.startsWith("pool")) return pools_;
    if (field.startsWith("pin")) return pins_;
    if (field.startsWith("dim")) return dims_;
    return nullptr;
}

void OptionsPanel::showErrors(const QList<OptionError> &errs)
{
    errors_.clear();
    // Colouring cells emits cellChanged; that must not count as an edit.
    const QSignalBlocker bp(pools_), bn(pins_);
    for (QWidget *w : {widgetFor("--name"), widgetFor("--align"), static_cast<QWidget *>(pools_),
                       static_cast<QWidget *>(pins_), static_cast<QWidget *>(dims_)})
        setInvalid(w, QString());
    // Table cells: colour the offending cell itself.
    for (QTableWidget *t : {pools_, pins_})
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (t->item(r, c)) t->item(r, c)->setBackground(QBrush());
    QStringList lines;
    for (const OptionError &e : errs) {
        errors_.insert(e.field, e.message);
        lines << QStringLiteral("• ") + e.message;
        setInvalid(fieldFor(e.field), e.message);
        const QStringList parts = e.field.split('.');
        if (parts.size() == 3 && parts[0] == "pool") {
            const int col = parts[2] == "name" ? 0 : parts[2] == "size" ? 1 : parts[2] == "align" ? 2 : 3;
            if (auto *it = pools_->item(parts[1].toInt(), col)) it->setBackground(QColor(0xff, 0xcd, 0xd2));
        }
        if (parts.size() >= 2 && parts[0] == "pin")
            for (int r = 0; r < pins_->rowCount(); ++r)
                if (pins_->item(r, 0) && pins_->item(r, 0)->text() == e.field.mid(4))
                    for (int c = 0; c < 2; ++c) if (pins_->item(r, c)) pins_->item(r, c)->setBackground(QColor(0xff, 0xcd, 0xd2));
    }
    errorLabel_->setText(lines.join('\n'));
    errorLabel_->setVisible(!lines.isEmpty());
}

}  // namespace ember::studio
