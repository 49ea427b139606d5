#include "StudioTestUtil.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include "StudioApp.h"
#include "TestUtil.h"

namespace ember::studio::test {

void isolate(QApplication &app, QTemporaryDir &dir)
{
    qputenv("XDG_DATA_HOME", (dir.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (dir.path() + "/config").toUtf8());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path() + "/config");
    setupApplication(app);
}

QList<QPair<QString, QString>> mlperfModels()
{
    const QStringList rel{"mlperf_tiny/ad/ad01_int8.tflite",          "mlperf_tiny/ad/ad01_fp32.tflite",
                          "mlperf_tiny/ic/pretrainedResnet_quant.tflite", "mlperf_tiny/ic/pretrainedResnet.tflite",
                          "mlperf_tiny/kws/kws_ref_model.tflite",     "mlperf_tiny/kws/kws_ref_model_float32.tflite",
                          "mlperf_tiny/vww/vww_96_int8.tflite",       "mlperf_tiny/vww/vww_96_float.tflite"};
    QList<QPair<QString, QString>> out;
    for (const QString &r : rel)
        out << qMakePair(QFileInfo(r).completeBaseName(), QString::fromStdString(ember::test::modelPath(r.toStdString())));
    return out;
}

}  // namespace ember::studio::test

namespace ember::studio::test {

QList<QPair<QString, QString>> compilableModels()
{
    QList<QPair<QString, QString>> out;
    for (const auto &m : mlperfModels())
        if (ember::loadModel(m.second.toStdString()).ok()) out << m;
    return out;
}

}  // namespace ember::studio::test
