// Shared by the install/package tests: run a tool, stage an install of this
// build tree, copy the KWS model to a scratch folder.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include "TestUtil.h"  // sharedDir(): EMBER_SHARED or the configured ../shared

namespace ember::test {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QString output;  // stdout + stderr
    bool ok() const { return finished && exitCode == 0; }
    QByteArray message(const QString &what) const {
        return (what + " failed (exit " + QString::number(exitCode) + (finished ? "" : ", timed out") + "):\n" + output)
            .toLocal8Bit();
    }
};

inline Run run(const QString &program, const QStringList &args, const QString &cwd = {}, int timeoutS = 120,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty()) p.setWorkingDirectory(cwd);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.output = program + ": cannot start (" + p.errorString() + ")";
        return r;
    }
    r.finished = p.waitForFinished(timeoutS * 1000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromLocal8Bit(p.readAll());
    return r;
}

inline bool haveTool(const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); }

// `cmake --install` of this build tree's emberc component (emberc, the CMake
// package, ember.mk, boards) into `prefix`, as a user or packager would.
inline Run stageInstall(const QString &prefix, const QString &component = QStringLiteral("emberc"))
{
    QStringList args{"--install", QStringLiteral(EMBER_BINARY_DIR), "--prefix", prefix};
    if (!component.isEmpty()) args << "--component" << component;
    return run("cmake", args);
}

inline QString kwsModel() { return QString::fromStdString(sharedDir() + "/models/mlperf_tiny/kws/kws_ref_model.tflite"); }
inline QString kwsGolden() { return QString::fromStdString(sharedDir() + "/models/golden/kws_ref_model"); }
inline QString sampleDir() { return QStringLiteral(EMBER_SOURCE_DIR "/tests/package/sample"); }

}  // namespace ember::test
