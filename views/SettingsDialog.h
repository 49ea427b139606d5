// Settings: tool paths (host C compiler, arm-none-eabi-gcc, OpenOCD, QEMU)
// and the UI language, stored in QSettings under the keys in SettingsKeys.h.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QFormLayout;

namespace ember::studio {

struct StudioSettings {
    QString hostCc = QStringLiteral("cc");
    QString armGcc = QStringLiteral("arm-none-eabi-gcc");
    QString openOcd = QStringLiteral("openocd");
    QString qemu = QStringLiteral("qemu-system-arm");
    QString language;  // "" = English

    static StudioSettings load();
    void save() const;
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void setSettings(const StudioSettings &s);
    StudioSettings settings() const;

private:
    QLineEdit *pathRow(QFormLayout *form, const QString &label, const QString &tip);
    QLineEdit *hostCc_, *armGcc_, *openOcd_, *qemu_;
    QComboBox *language_;
};

}  // namespace ember::studio
