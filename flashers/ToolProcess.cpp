#include "ToolProcess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/validate/ChildProcesses.h"

namespace ember {

namespace {

// Ends the whole process group (the child called setsid()).
void killGroup(QProcess &p) {
    const qint64 pid = p.processId();
    if (pid > 0) children::killGroup(int(pid));
    p.kill();
    p.waitForFinished(2000);
    if (pid > 0) children::remove(int(pid));
}

std::string envKey(const std::string &name) {
    std::string key = "EMBER_";
    for (char c : name) key += c == '-' ? '_' : char(std::toupper(static_cast<unsigned char>(c)));
    return key;
}

void drainLines(QProcess &p, std::string &pending, ToolRun &run, const ToolOptions &opts) {
    const QByteArray chunk = p.readAll();
    if (chunk.isEmpty()) return;
    run.output += chunk.toStdString();
    pending += chunk.toStdString();
    size_t nl;
    while ((nl = pending.find_first_of("\r\n")) != std::string::npos) {
        std::string line = pending.substr(0, nl);
        pending.erase(0, nl + 1);
        if (!line.empty() && opts.onLine) opts.onLine(line);
    }
}

}  // namespace

std::string ToolRun::describe() const {
    switch (end) {
    case End::Exited: return "exited with code " + std::to_string(exitCode);
    case End::Crashed: return "crashed";
    case End::TimedOut: return "timed out";
    case End::Cancelled: return "was cancelled";
    case End::FailedToStart: return "could not be started";
    }
    return "failed";
}

std::string commandLine(const std::vector<std::string> &argv) {
    std::string s;
    for (const std::string &a : argv) {
        const bool plain = !a.empty() && a.find_first_of(" \t\"'|;&$<>()*?") == std::string::npos;
        s += (s.empty() ? "" : " ") + (plain ? a : "'" + a + "'");
    }
    return s;
}

std::string toolProblem(const std::string &name, const std::string &path) {
    const std::string key = envKey(name);
    const char *over = std::getenv(key.c_str());
    const bool fromEnv = over && *over && path == over;
    if (path.empty())
        return name + " not found; install it or set " + key + " to its path";
    // A bare name is looked up in PATH when started.
    const std::string resolved = path.find('/') == std::string::npos
                                     ? QStandardPaths::findExecutable(QString::fromStdString(path)).toStdString()
                                     : path;
    struct stat st {};
    if (!resolved.empty() && ::stat(resolved.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(resolved.c_str(), X_OK) == 0)
        return "";
    return name + " '" + path + "'" + (fromEnv ? " (from " + key + ")" : "") +
           " is not an executable program; " + (fromEnv ? "fix or unset " + key : "check the path");
}

bool BackgroundTool::start(const std::vector<std::string> &argv, const std::string &logPath, std::string *error) {
    stop();
    if (argv.empty()) return false;
    const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log < 0) {
        if (error) *error = "cannot create " + logPath;
        return false;
    }
    const int pid = children::spawnInGroup(argv, children::kNullInput, log);
    ::close(log);
    if (pid < 0) {
        if (error) *error = "cannot start " + argv[0] + " (not found or not executable)";
        return false;
    }
    pid_ = pid;
    reaped_ = false;
    return true;
}

bool BackgroundTool::running() {
    if (pid_ <= 0 || reaped_) return false;
    int status = 0;
    if (::waitpid(pid_t(pid_), &status, WNOHANG) == pid_t(pid_)) {
        reaped_ = true;
        ::kill(-pid_t(pid_), SIGKILL);  // anything it left in its group
        children::remove(pid_);
        return false;
    }
    return true;
}

void BackgroundTool::stop() {
    if (pid_ <= 0) return;
    if (!reaped_) {
        children::killGroup(pid_);
        int status = 0;
        while (::waitpid(pid_t(pid_), &status, 0) < 0 && errno == EINTR) {
        }
    }
    children::remove(pid_);
    pid_ = -1;
    reaped_ = true;
}

std::string findTool(const std::string &name) {
    const std::string key = envKey(name);
    if (const char *over = std::getenv(key.c_str()); over && *over) return over;
    return QStandardPaths::findExecutable(QString::fromStdString(name)).toStdString();
}

ToolRun runTool(const std::vector<std::string> &argv, const ToolOptions &opts) {
    ToolRun run;
    run.command = commandLine(argv);
    if (argv.empty()) return run;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setChildProcessModifier([] { ::setsid(); });
    if (!opts.workDir.empty()) p.setWorkingDirectory(QString::fromStdString(opts.workDir));
    if (!opts.env.empty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &[k, v] : opts.env) env.insert(QString::fromStdString(k), QString::fromStdString(v));
        p.setProcessEnvironment(env);
    }
    QStringList args;
    for (size_t i = 1; i < argv.size(); ++i) args << QString::fromStdString(argv[i]);
    p.start(QString::fromStdString(argv[0]), args, QIODevice::ReadOnly);
    if (!p.waitForStarted(10000)) {
        run.output = p.errorString().toStdString();
        return run;
    }
    const qint64 pid = p.processId();
    if (pid > 0) children::add(int(pid));
    QElapsedTimer clock, idle;
    clock.start();
    idle.start();
    std::string pending;
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(50);
        const size_t before = run.output.size();
        drainLines(p, pending, run, opts);
        if (run.output.size() != before) idle.restart();
        if (opts.idleTimeoutMs > 0 && idle.elapsed() > opts.idleTimeoutMs) {
            killGroup(p);
            run.end = ToolRun::End::TimedOut;
            return run;
        }
        if ((opts.cancel && opts.cancel->load()) || children::interrupted().load()) {
            killGroup(p);
            run.end = ToolRun::End::Cancelled;
            return run;
        }
        if (clock.elapsed() > opts.timeoutMs) {
            killGroup(p);
            run.end = ToolRun::End::TimedOut;
            return run;
        }
    }
    drainLines(p, pending, run, opts);
    if (!pending.empty() && opts.onLine) opts.onLine(pending);
    // Leftovers of the group (e.g. an emulator gdb started) must not outlive the run.
    if (pid > 0) {
        ::kill(-pid_t(pid), SIGKILL);
        children::remove(int(pid));
    }
    run.exitCode = p.exitCode();
    run.end = p.exitStatus() == QProcess::CrashExit ? ToolRun::End::Crashed : ToolRun::End::Exited;
    return run;
}

}  // namespace ember
