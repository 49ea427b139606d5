// Every compile option of emberc, grouped, each with a tooltip saying what it
// changes in the generated code. The single-valued options' widgets, labels,
// tooltips and choices come from ember::compileOptionTable() (a new row shows
// up here without code); pools, pins and dims have tables of their own.
// The panel only fills and reads widgets
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
    void updateNamePlaceholder();
    void edited();
    void showErrors(const QList<OptionError> &errs);
    void markUnsupported();
    void fillCombo(QComboBox *c, const ember::OptionSpec &spec);
    void addPoolRow(const PoolOption &p);
    void addPinRow(const QString &tensor, const QString &pool);
    QWidget *fieldFor(const QString &field) const;

    // The widget of one single-valued option of the table.
    struct Field {
        const ember::OptionSpec *spec;
        QWidget *widget;  // QCheckBox (flag), QComboBox (choice, number) or QLineEdit (text)
        QFormLayout *form;
    };
    QString fieldValue(const Field &f) const;
    void setFieldValue(const Field &f, const QString &v);
    QWidget *widgetFor(const char *flag) const;

    Session *session_;
    bool filling_ = false;
    QMap<QString, QString> errors_;

    QComboBox *preset_;
    QGroupBox *apiGroup_, *memGroup_, *pinGroup_, *dimGroup_;
    QFormLayout *apiForm_, *memForm_;
    QList<Field> fields_;  // table order
    QTableWidget *pools_, *pins_;
    QToolButton *addPool_, *removePool_, *addPin_, *removePin_, *reset_;
    QPlainTextEdit *dims_;
    QLabel *errorLabel_, *cmdLine_, *poolsLabel_, *cmdTitle_;
};

}  // namespace ember::studio
