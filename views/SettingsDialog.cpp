#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include "SettingsKeys.h"
#include "Translations.h"

namespace ember::studio {

StudioSettings StudioSettings::load()
{
    QSettings q;
    StudioSettings s;
    s.hostCc = q.value(keys::kHostCc, s.hostCc).toString();
    s.armGcc = q.value(keys::kArmGcc, s.armGcc).toString();
    s.openOcd = q.value(keys::kOpenOcd, s.openOcd).toString();
    s.qemu = q.value(keys::kQemu, s.qemu).toString();
    s.language = q.value(keys::kLanguage, s.language).toString();
    return s;
}

void StudioSettings::save() const
{
    QSettings q;
    q.setValue(keys::kHostCc, hostCc);
    q.setValue(keys::kArmGcc, armGcc);
    q.setValue(keys::kOpenOcd, openOcd);
    q.setValue(keys::kQemu, qemu);
    q.setValue(keys::kLanguage, language);
}

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;
    hostCc_ = pathRow(form, tr("Host C compiler"), tr("Used by Build ▸ Check with Host Compiler to compile the package warning-free."));
    armGcc_ = pathRow(form, tr("arm-none-eabi-gcc"), tr("Cross compiler for board firmware."));
    openOcd_ = pathRow(form, tr("OpenOCD"), tr("Flashes and debugs boards over SWD/JTAG."));
    qemu_ = pathRow(form, tr("QEMU"), tr("qemu-system-arm, runs emulated boards."));
    language_ = new QComboBox;
    language_->setObjectName("language");
    for (const QString &code : availableLanguages()) language_->addItem(languageDisplayName(code), code);
    form->addRow(tr("Language"), language_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *lay = new QVBoxLayout(this);
    lay->addLayout(form);
    lay->addWidget(buttons);
    setSettings(StudioSettings::load());
    resize(520, sizeHint().height());
}

QLineEdit *SettingsDialog::pathRow(QFormLayout *form, const QString &label, const QString &tip)
{
    auto *edit = new QLineEdit;
    edit->setToolTip(tip);
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, [this, edit, label] {
        const QString p = QFileDialog::getOpenFileName(this, label, edit->text());
        if (!p.isEmpty()) edit->setText(p);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    return edit;
}

void SettingsDialog::setSettings(const StudioSettings &s)
{
    hostCc_->setText(s.hostCc);
    armGcc_->setText(s.armGcc);
    openOcd_->setText(s.openOcd);
    qemu_->setText(s.qemu);
    language_->setCurrentIndex(qMax(0, language_->findData(s.language)));
}

StudioSettings SettingsDialog::settings() const
{
    StudioSettings s;
    s.hostCc = hostCc_->text().trimmed();
    s.armGcc = armGcc_->text().trimmed();
    s.openOcd = openOcd_->text().trimmed();
    s.qemu = qemu_->text().trimmed();
    s.language = language_->currentData().toString();
    return s;
}

}  // namespace ember::studio
