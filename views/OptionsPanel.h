// Every compile option of emberc, grouped, each with a tooltip saying what it
// changes in the generated code. The panel only fills and reads widgets
// (setOptions under QSignalBlocker, options()); the BuildOptions value and its
// validation live in app/studio/BuildOptions.
#pragma once

#include <QWidget>

#include "BuildOptions.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QToolButton;
class QGroupBox;
class QFormLayout;

namespace ember::studio {

class Session;

class OptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit OptionsPanel(Session *session, QWidget *parent = nullptr);

    void setOptions(const BuildOptions &o);
    BuildOptions options() const;
    // Inline problems currently flagged (field → message).
    QMap<QString, QString> fieldErrors() const { return errors_; }
    void applyPreset(BuildOptions::Preset p);

signals:
    void optionsEdited(const ember::studio::BuildOptions &o);

protected:
    void changeEvent(QEvent *e) override;

private:
    void build();
    void retranslate();
    void edited();
    void showErrors(const QList<OptionError> &errs);
    void markUnsupported();
    void fillCombo(QComboBox *c, const QStringList &values, const QString &def);
    void addPoolRow(const PoolOption &p);
    void addPinRow(const QString &tensor, const QString &pool);
    QWidget *fieldFor(const QString &field) const;

    Session *session_;
    bool filling_ = false;
    QMap<QString, QString> errors_;

    QComboBox *preset_;
    QGroupBox *apiGroup_, *memGroup_, *pinGroup_, *dimGroup_;
    QFormLayout *apiForm_, *memForm_;
    QLineEdit *name_;
    QComboBox *interfaceApi_, *operators_, *target_, *planner_, *align_, *constants_, *io_;
    QCheckBox *packedWrappers_, *appPools_;
    QTableWidget *pools_, *pins_;
    QToolButton *addPool_, *removePool_, *addPin_, *removePin_, *reset_;
    QPlainTextEdit *dims_;
    QLabel *errorLabel_, *cmdLine_, *poolsLabel_, *cmdTitle_;
};

}  // namespace ember::studio
