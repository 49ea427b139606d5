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

#include "Session.h"

namespace ember::studio {

namespace {

const char *kDefaultSuffix = QT_TRANSLATE_NOOP("ember::studio::OptionsPanel", "(default)");

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
    connect(session_, &Session::modelChanged, this, [this] { setOptions(session_->options()); });
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
    name_ = new QLineEdit;
    name_->setObjectName("name");
    interfaceApi_ = mkCombo("interfaceApi");
    operators_ = mkCombo("operators");
    packedWrappers_ = new QCheckBox;
    packedWrappers_->setObjectName("packedWrappers");
    target_ = mkCombo("target");
    for (QWidget *w : {static_cast<QWidget *>(name_), static_cast<QWidget *>(interfaceApi_), static_cast<QWidget *>(operators_),
                       static_cast<QWidget *>(packedWrappers_), static_cast<QWidget *>(target_)})
        apiForm_->addRow(new QLabel, w);
    lay->addWidget(apiGroup_);

    memGroup_ = new QGroupBox;
    memForm_ = new QFormLayout(memGroup_);
    memForm_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    planner_ = mkCombo("planner");
    align_ = mkCombo("align");
    constants_ = mkCombo("constants");
    io_ = mkCombo("io");
    appPools_ = new QCheckBox;
    appPools_->setObjectName("appPools");
    for (QWidget *w : {static_cast<QWidget *>(planner_), static_cast<QWidget *>(align_), static_cast<QWidget *>(constants_),
                       static_cast<QWidget *>(io_), static_cast<QWidget *>(appPools_)})
        memForm_->addRow(new QLabel, w);
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
    connect(name_, &QLineEdit::textEdited, this, changed);
    for (QComboBox *c : {interfaceApi_, operators_, target_, planner_, align_, constants_, io_})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    connect(packedWrappers_, &QCheckBox::toggled, this, changed);
    connect(appPools_, &QCheckBox::toggled, this, changed);
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

void OptionsPanel::fillCombo(QComboBox *c, const QStringList &values, const QString &def)
{
    const QString cur = comboValue(c);
    QSignalBlocker b(c);
    c->clear();
    for (const QString &v : values)
        c->addItem(v == def ? v + QLatin1Char(' ') + tr(kDefaultSuffix) : v, v);
    setComboValue(c, cur.isEmpty() ? def : cur);
}

void OptionsPanel::retranslate()
{
    const BuildOptions d;
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

    auto label = [](QFormLayout *f, QWidget *w, const QString &text) {
        if (auto *l = qobject_cast<QLabel *>(f->labelForField(w))) l->setText(text);
    };
    label(apiForm_, name_, tr("Name"));
    label(apiForm_, interfaceApi_, tr("Entrypoint API"));
    label(apiForm_, operators_, tr("Operators"));
    label(apiForm_, packedWrappers_, tr("Wrappers"));
    label(apiForm_, target_, tr("Target core"));
    label(memForm_, planner_, tr("Planner"));
    label(memForm_, align_, tr("Alignment"));
    label(memForm_, constants_, tr("Constants"));
    label(memForm_, io_, tr("Inputs/outputs"));
    label(memForm_, appPools_, tr("Pools"));
    packedWrappers_->setText(tr("Packed wrappers"));
    appPools_->setText(tr("Application-provided"));
    name_->setPlaceholderText(session_->hasModel() ? ember::sanitizeIdentifier(QFileInfo(session_->modelPath()).completeBaseName().toStdString()).c_str()
                                                   : tr("model file name"));

    fillCombo(interfaceApi_, {"c", "packed"}, d.interfaceApi);
    fillCombo(operators_, {"unpacked", "packed"}, d.operators);
    fillCombo(target_, {"generic", "cortex-m0plus", "cortex-m4", "cortex-m7", "cortex-m33", "cortex-m55"}, d.target);
    QStringList planners;
    for (const std::string &p : ember::plannerNames()) planners << QString::fromStdString(p);
    fillCombo(planner_, planners, d.planner);
    fillCombo(align_, {"1", "4", "8", "16", "32", "64"}, QString::number(d.align));
    fillCombo(constants_, {"flash", "pool"}, d.constants);
    fillCombo(io_, {"separate", "workspace"}, d.io);

    auto tip = [](QWidget *w, const QString &t) {
        w->setProperty("baseToolTip", t);
        w->setToolTip(t);
    };
    tip(name_, tr("--name: prefix of every generated identifier and file (include/<name>/<name>.h, <name>_run, ...). "
                  "Default: the model file name, sanitised."));
    tip(interfaceApi_, tr("--interface-api: 'c' generates <name>_run(struct <name>_inputs *, struct <name>_outputs *) with named "
                          "struct members; 'packed' generates one uniform packed-signature entrypoint for module loading."));
    tip(operators_, tr("--operators: 'unpacked' makes each layer a static function taking typed data pointers; 'packed' gives every "
                       "layer the same signature with DLTensor-compatible descriptors."));
    tip(packedWrappers_, tr("--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, "
                            "for host-driven inference and per-layer profiling. Default: off."));
    tip(target_, tr("--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. 'generic' is portable C."));
    tip(planner_, tr("--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header."));
    tip(align_, tr("--align: alignment of every buffer inside a pool (bytes, power of two)."));
    tip(constants_, tr("--constants: 'flash' emits const arrays the linker keeps in flash; 'pool' expects the application to "
                       "provide one constants pool (e.g. copied from external flash)."));
    tip(io_, tr("--io: 'separate' leaves input/output buffers to the application; 'workspace' plans them inside the workspace "
                "and adds accessors returning the in-workspace pointers."));
    tip(appPools_, tr("--app-pools: the application passes pool base pointers in struct <name>_workspace_pools instead of the "
                      "generated static arrays. Default: off (static arrays)."));
    tip(pools_, tr("--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). "
                   "Size 0 = as large as the plan needs; sizes accept K/M suffixes."));
    tip(pins_, tr("--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). "
                  "Drag buffers between lanes in the Memory view to pin them."));
    tip(dims_, tr("--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX."));
    setOptions(options());
}

void OptionsPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

void OptionsPanel::markUnsupported()
{
    const QList<QPair<QWidget *, QString>> flags{
        {name_, "--name"}, {interfaceApi_, "--interface-api"}, {operators_, "--operators"},
        {packedWrappers_, "--packed-wrappers"}, {target_, "--target"}, {planner_, "--planner"},
        {align_, "--align"}, {constants_, "--constants"}, {io_, "--io"}, {appPools_, "--app-pools"},
        {pools_, "--pool"}, {pins_, "--pin"}, {dims_, "--dim"}};
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
    pools_->setItem(r, 1, new QTableWidgetItem(p.size ? QString::number(p.size) : QStringLiteral("0")));
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
    const QList<QWidget *> all{name_, interfaceApi_, operators_, packedWrappers_, target_, planner_, align_,
                               constants_, io_, appPools_, pools_, pins_, dims_};
    QList<QSignalBlocker *> blockers;
    for (QWidget *w : all) blockers << new QSignalBlocker(w);
    name_->setText(o.name);
    setComboValue(interfaceApi_, o.interfaceApi);
    setComboValue(operators_, o.operators);
    packedWrappers_->setChecked(o.packedWrappers);
    setComboValue(target_, o.target);
    setComboValue(planner_, o.planner);
    setComboValue(align_, QString::number(o.align));
    setComboValue(constants_, o.constants);
    setComboValue(io_, o.io);
    appPools_->setChecked(o.appPools);
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
    o.name = name_->text().trimmed();
    o.interfaceApi = comboValue(interfaceApi_);
    o.operators = comboValue(operators_);
    o.packedWrappers = packedWrappers_->isChecked();
    o.target = comboValue(target_);
    o.planner = comboValue(planner_);
    o.align = comboValue(align_).toInt();
    o.constants = comboValue(constants_);
    o.io = comboValue(io_);
    o.appPools = appPools_->isChecked();
    o.pools.clear();
    auto cell = [](const QTableWidget *t, int r, int c) { return t->item(r, c) ? t->item(r, c)->text().trimmed() : QString(); };
    for (int r = 0; r < pools_->rowCount(); ++r) {
        const qint64 size = parseBytes(cell(pools_, r, 1));
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
    o.name = cur.name;
    o.pools = cur.pools;
    o.pins = cur.pins;
    o.planner = cur.planner;
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
    if (field == "name") return name_;
    if (field == "align") return align_;
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
    for (QWidget *w : {static_cast<QWidget *>(name_), static_cast<QWidget *>(align_), static_cast<QWidget *>(pools_),
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
