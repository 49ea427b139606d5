// The one place the studio starts external programs (host C compiler, later
// arm-none-eabi-gcc, OpenOCD, QEMU): program + argument list, never a shell
// string. One object per run, ending in exactly one finished() signal —
// also when the program cannot start.
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

namespace ember::studio {

class ToolRunner : public QObject {
    Q_OBJECT
public:
    explicit ToolRunner(QObject *parent = nullptr);

    // The full command as it will be logged (quoted where needed).
    static QString commandLine(const QString &program, const QStringList &args);
    void start(const QString &program, const QStringList &args, const QString &workDir = {});
    void kill();
    // Tests and --screenshot: wait until finished() was emitted.
    bool waitForFinished(int ms = 60000);

signals:
    // ok = started and exited with code 0; output = stdout + stderr.
    void finished(bool ok, int exitCode, const QString &output);

private:
    QProcess *proc_;
    bool done_ = false;
};

}  // namespace ember::studio
