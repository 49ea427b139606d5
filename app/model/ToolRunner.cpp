#include "ToolRunner.h"

#include <QElapsedTimer>
#include <QCoreApplication>

namespace ember::studio {

ToolRunner::ToolRunner(QObject *parent) : QObject(parent), proc_(new QProcess(this))
{
    proc_->setProcessChannelMode(QProcess::MergedChannels);
    connect(proc_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus st) {
        if (done_) return;
        done_ = true;
        const QString out = QString::fromLocal8Bit(proc_->readAll());
        emit finished(st == QProcess::NormalExit && code == 0, code, out);
    });
    connect(proc_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || done_) return;
        done_ = true;
        emit finished(false, -1, tr("cannot start '%1': %2; set its path in Settings").arg(proc_->program(), proc_->errorString()));
    });
}

QString ToolRunner::commandLine(const QString &program, const QStringList &args)
{
    QStringList parts{program};
    for (const QString &a : args)
        parts << (a.contains(' ') || a.isEmpty() ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    return parts.join(' ');
}

void ToolRunner::start(const QString &program, const QStringList &args, const QString &workDir)
{
    done_ = false;
    if (!workDir.isEmpty()) proc_->setWorkingDirectory(workDir);
    proc_->start(program, args);
}

void ToolRunner::kill() { proc_->kill(); }

bool ToolRunner::waitForFinished(int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done_ && t.elapsed() < ms) {
        proc_->waitForFinished(50);
        QCoreApplication::processEvents();
    }
    return done_;
}

}  // namespace ember::studio
