#include "ValidationPanel.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "Session.h"

namespace ember::studio {

namespace {

QString num(double v) { return QString::number(v, 'g', 4); }

// The five metric columns of one comparison.
void setMetrics(QTreeWidgetItem *it, int col, const ember::ErrorMetrics &m)
{
    it->setText(col, num(m.maxAbs));
    it->setText(col + 1, num(m.mae));
    it->setText(col + 2, num(m.rmse));
    it->setText(col + 3, QString::number(m.cosine, 'f', 5));
    it->setText(col + 4, m.top1() < 0 ? QStringLiteral("–") : QStringLiteral("%1 %").arg(qRound(100 * m.top1())));
    for (int c = col; c < col + 5; ++c) it->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    // A layer or output that lost its direction is worth a look.
    if (m.cosine < 0.9) it->setForeground(col + 3, QColor(0xb7, 0x1c, 0x1c));
}

}  // namespace

ValidationPanel::ValidationPanel(Session *session, QWidget *parent)
    : QWidget(parent), session_(session), job_(new ValidationJob(this))
{
    input_ = new QLineEdit(QStringLiteral("random:1"));
    input_->setObjectName("validationInput");
    browseFile_ = new QToolButton;
    browseDir_ = new QToolButton;
    cases_ = new QSpinBox;
    cases_->setObjectName("validationCases");
    cases_->setRange(1, 1000);
    cases_->setValue(3);
    reference_ = new QLineEdit;
    reference_->setObjectName("validationReference");
    reference_->setClearButtonEnabled(true);
    browseRef_ = new QToolButton;
    run_ = new QPushButton;
    run_->setObjectName("validationRun");
    inputLabel_ = new QLabel;
    casesLabel_ = new QLabel;
    refLabel_ = new QLabel;
    status_ = new QLabel;
    status_->setObjectName("validationStatus");
    status_->setWordWrap(true);
    command_ = new QLabel;
    command_->setObjectName("validationCommand");
    command_->setWordWrap(true);
    command_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    command_->setStyleSheet("font-family:'DejaVu Sans Mono'; font-size:8pt; color:#4a5560");

    auto *form = new QFormLayout;
    auto *inRow = new QHBoxLayout;
    inRow->addWidget(input_, 1);
    inRow->addWidget(browseFile_);
    inRow->addWidget(browseDir_);
    inRow->addWidget(casesLabel_);
    inRow->addWidget(cases_);
    form->addRow(inputLabel_, inRow);
    auto *refRow = new QHBoxLayout;
    refRow->addWidget(reference_, 1);
    refRow->addWidget(browseRef_);
    form->addRow(refLabel_, refRow);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(run_);
    runRow->addWidget(status_, 1);
    form->addRow(runRow);
    form->addRow(command_);

    outputs_ = new QTreeWidget;
    outputs_->setObjectName("validationOutputs");
    outputs_->setRootIsDecorated(false);
    outputs_->setColumnCount(7);
    layers_ = new QTreeWidget;
    layers_->setObjectName("validationLayers");
    layers_->setRootIsDecorated(false);
    layers_->setColumnCount(8);
    layers_->setAlternatingRowColors(true);
    layersTitle_ = new QLabel;
    auto *lowerBox = new QWidget;
    auto *lower = new QVBoxLayout(lowerBox);
    lower->setContentsMargins(0, 0, 0, 0);
    lower->addWidget(layersTitle_);
    lower->addWidget(layers_, 1);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(outputs_);
    split->addWidget(lowerBox);
    split->setStretchFactor(1, 2);
    split->setSizes({90, 400});  // one row per output; the layers need the room

    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(8, 6, 8, 6);
    lay->addLayout(form);
    lay->addWidget(split, 1);

    connect(run_, &QPushButton::clicked, this, &ValidationPanel::runRequested);
    connect(browseFile_, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Input data"), QString(),
                                                       tr("Input data (*.npy *.bin *.raw);;All files (*)"));
        if (!f.isEmpty()) input_->setText(f);
    });
    connect(browseDir_, &QToolButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Folder of input files"));
        if (!d.isEmpty()) input_->setText(d);
    });
    connect(browseRef_, &QToolButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Float reference model"), QString(), tr("TFLite models (*.tflite)"));
        if (!f.isEmpty()) reference_->setText(f);
    });
    connect(input_, &QLineEdit::textChanged, this, &ValidationPanel::updateCommand);
    connect(reference_, &QLineEdit::textChanged, this, &ValidationPanel::updateCommand);
    connect(cases_, &QSpinBox::valueChanged, this, &ValidationPanel::updateCommand);
    connect(job_, &ValidationJob::finished, this, &ValidationPanel::showOutcome);
    connect(session_, &Session::modelChanged, this, [this] {
        report_.reset();
        outputs_->clear();
        layers_->clear();
        status_->clear();
        updateCommand();
    });
    retranslate();
}

void ValidationPanel::retranslate()
{
    inputLabel_->setText(tr("Input data:"));
    input_->setToolTip(tr("random:SEED (seeded random inputs), a raw file (the inputs' bytes, one or more cases), "
                          "a folder of such files, or a .npy array (first axis = cases; float data is quantized)"));
    browseFile_->setText(tr("File…"));
    browseDir_->setText(tr("Folder…"));
    casesLabel_->setText(tr("Cases:"));
    cases_->setToolTip(tr("Number of random cases (random:SEED only)"));
    refLabel_->setText(tr("Float model:"));
    reference_->setPlaceholderText(tr("optional: the float .tflite this model was quantized from"));
    browseRef_->setText(tr("Browse…"));
    run_->setText(tr("Validate"));
    run_->setToolTip(tr("Build the current options if needed, run the generated C on the host against the reference "
                        "executor, and compare with the float model"));
    layersTitle_->setText(tr("Per layer, this model vs the float model (layers that correspond):"));
    outputs_->setHeaderLabels({tr("Output"), tr("Generated C vs reference"), tr("Max abs error"), tr("MAE"), tr("RMSE"),
                               tr("Cosine"), tr("Top-1")});
    layers_->setHeaderLabels({tr("Op"), tr("Type"), tr("Tensor"), tr("Max abs error"), tr("MAE"), tr("RMSE"), tr("Cosine"),
                              tr("Top-1")});
    updateCommand();
}

void ValidationPanel::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
}

ValidationRequest ValidationPanel::request() const
{
    ValidationRequest r;
    r.input = input_->text().trimmed().isEmpty() ? QStringLiteral("random:1") : input_->text().trimmed();
    r.randomCases = cases_->value();
    r.reference = reference_->text().trimmed();
    return r;
}

void ValidationPanel::setRequest(const ValidationRequest &r)
{
    input_->setText(r.input);
    cases_->setValue(r.randomCases);
    reference_->setText(r.reference);
}

void ValidationPanel::updateCommand()
{
    const QString model = session_->hasModel() ? QFileInfo(session_->modelPath()).fileName() : QStringLiteral("MODEL");
    command_->setText(ValidationJob::commandLine(model, request()).join(' '));
    cases_->setEnabled(request().input.startsWith(QLatin1String("random")));
}

bool ValidationPanel::start()
{
    if (!session_->hasModel() || !session_->buildIsCurrent() || job_->isRunning()) return false;
    const ValidationRequest r = request();
    if (!job_->start(session_->sharedGraph(), session_->build(), r)) return false;
    run_->setEnabled(false);
    status_->setText(tr("validating…"));
    session_->info(tr("validating: %1").arg(ValidationJob::commandLine(QFileInfo(session_->modelPath()).fileName(), r).join(' ')));
    return true;
}

void ValidationPanel::showOutcome(const ValidationOutcome &o)
{
    run_->setEnabled(true);
    report_ = o.report;
    outputs_->clear();
    layers_->clear();
    if (!o.report) {
        session_->reportDiagnostics(o.diagnostics);
        status_->setText(tr("validation failed (see Messages)"));
        return;
    }
    const ember::ValidationReport &r = *o.report;
    for (const ember::OutputReport &out : r.outputs) {
        auto *it = new QTreeWidgetItem(outputs_);
        it->setText(0, QString::fromStdString(out.name));
        it->setToolTip(0, it->text(0));
        it->setText(1, out.mismatchedBytes ? tr("MISMATCH (%n byte(s))", nullptr, int(out.mismatchedBytes)) : tr("bit-exact"));
        it->setForeground(1, out.mismatchedBytes ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x1a, 0x7f, 0x37));
        if (out.hasFloat) setMetrics(it, 2, out.vsFloat);
        else for (int c = 2; c < 7; ++c) it->setText(c, QStringLiteral("–"));
    }
    for (const ember::LayerReport &l : r.layers) {
        auto *it = new QTreeWidgetItem(layers_);
        it->setText(0, QString::number(l.opIndex));
        it->setText(1, QString::fromStdString(l.opName));
        it->setText(2, QString::fromStdString(l.tensor));
        it->setToolTip(2, tr("%1\nfloat model: %2").arg(QString::fromStdString(l.tensor), QString::fromStdString(l.floatTensor)));
        setMetrics(it, 3, l.vsFloat);
    }
    for (QTreeWidget *t : {outputs_, layers_})
        for (int c = 0; c < t->columnCount(); ++c) t->resizeColumnToContents(c);
    layers_->setColumnWidth(2, qMin(layers_->columnWidth(2), 280));
    const QString verdict = r.bitExact ? tr("generated C is bit-exact with the reference executor")
                                       : tr("generated C DIFFERS from the reference executor");
    status_->setText(tr("%n case(s) in %1 ms: %2", nullptr, r.cases).arg(o.elapsedMs).arg(verdict));
    session_->report({r.bitExact ? StudioMessage::Level::Info : StudioMessage::Level::Error,
                      tr("validation: %n case(s), %1", nullptr, r.cases).arg(verdict)});
}

}  // namespace ember::studio
