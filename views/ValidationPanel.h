// The Validation tab (STM32Cube.AI's "validate on desktop"): input data
// (random with a seed, a raw file, a folder, a .npy) and optionally the float
// model the quantized one came from; Run validates the current build in the
// background (ValidationJob) and shows, per output, whether the generated C
// is bit-exact with the reference executor and the error against the float
// model (max abs, MAE, RMSE, cosine, top-1), and per corresponding layer.
//
// The panel asks for a run with runRequested(); the window makes sure there
// is a build of the current options first and then calls start().
#pragma once

#include <QWidget>

#include "ValidationJob.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QTreeWidget;

namespace ember::studio {

class Session;

class ValidationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ValidationPanel(Session *session, QWidget *parent = nullptr);

    ValidationRequest request() const;
    void setRequest(const ValidationRequest &r);
    // Starts validating the session's current build (false: none, or running).
    bool start();
    bool isRunning() const { return job_->isRunning(); }
    void waitForFinished() { job_->waitForFinished(); }
    const std::optional<ember::ValidationReport> &report() const { return report_; }
    QTreeWidget *outputsTable() const { return outputs_; }
    QTreeWidget *layersTable() const { return layers_; }

signals:
    void runRequested();

protected:
    void changeEvent(QEvent *e) override;

private:
    void retranslate();
    void showOutcome(const ValidationOutcome &o);
    void updateCommand();

    Session *session_;
    ValidationJob *job_;
    std::optional<ember::ValidationReport> report_;
    QLineEdit *input_, *reference_;
    QSpinBox *cases_;
    QToolButton *browseFile_, *browseDir_, *browseRef_;
    QPushButton *run_;
    QLabel *inputLabel_, *casesLabel_, *refLabel_, *status_, *command_, *layersTitle_;
    QTreeWidget *outputs_, *layers_;
};

}  // namespace ember::studio
