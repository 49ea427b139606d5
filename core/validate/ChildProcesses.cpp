#include "ChildProcesses.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/types.h>
#include <unistd.h>

namespace ember::children {

namespace {

// Fixed slots: the signal handler may only touch lock-free atomics.
constexpr int kSlots = 256;
std::atomic<int> gGroups[kSlots];
std::atomic<bool> gInterrupted{false};
std::atomic<int> gSignal{0};
int gWakePipe[2] = {-1, -1};

std::mutex &dirMutex() {
    static std::mutex m;
    return m;
}
std::set<std::string> &dirs() {
    static std::set<std::string> d;
    return d;
}

void onSignal(int sig) {
    const int saved = errno;
    gSignal.store(sig);
    gInterrupted.store(true);
    killAll();
    if (gWakePipe[1] >= 0) {
        const char c = 1;
        [[maybe_unused]] const ssize_t n = ::write(gWakePipe[1], &c, 1);
    }
    errno = saved;
}

}  // namespace

void add(int pgid) {
    if (pgid <= 0) return;
    for (auto &slot : gGroups) {
        int expected = 0;
        if (slot.compare_exchange_strong(expected, pgid)) return;
    }
}

void remove(int pgid) {
    if (pgid <= 0) return;
    for (auto &slot : gGroups) {
        int expected = pgid;
        if (slot.compare_exchange_strong(expected, 0)) return;
    }
}

void killAll() {
    for (auto &slot : gGroups) {
        const int g = slot.load();
        if (g > 0) {
            ::kill(-g, SIGKILL);
            ::kill(g, SIGKILL);
        }
    }
}

void killGroup(int pgid) {
    if (pgid <= 0) return;
    ::kill(-pgid, SIGKILL);
    ::kill(pgid, SIGKILL);
}

void addTempDir(const std::string &path) {
    std::lock_guard<std::mutex> lock(dirMutex());
    dirs().insert(path);
}

void removeTempDir(const std::string &path) {
    std::lock_guard<std::mutex> lock(dirMutex());
    dirs().erase(path);
}

void removeAllTempDirs() {
    std::lock_guard<std::mutex> lock(dirMutex());
    for (const std::string &d : dirs()) {
        std::error_code ec;
        std::filesystem::remove_all(d, ec);
    }
    dirs().clear();
}

const std::atomic<bool> &interrupted() { return gInterrupted; }

int interruptExitCode() { return gInterrupted.load() ? 128 + gSignal.load() : 0; }

void installInterruptHandlers(int graceMs) {
    if (gWakePipe[0] >= 0) return;
    if (::pipe(gWakePipe) != 0) return;
    ::fcntl(gWakePipe[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(gWakePipe[1], F_SETFD, FD_CLOEXEC);
    std::thread([graceMs] {
        char c;
        while (::read(gWakePipe[0], &c, 1) < 0 && errno == EINTR) {
        }
        // The main thread normally notices the flag, unwinds (temp folders
        // go with their owners) and exits; if it is busy elsewhere, end here.
        std::this_thread::sleep_for(std::chrono::milliseconds(graceMs));
        killAll();
        removeAllTempDirs();
        ::_exit(interruptExitCode() ? interruptExitCode() : 130);
    }).detach();
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

int spawnInGroup(const std::vector<std::string> &argv, int inFd, int outFd) {
    if (argv.empty()) return -1;
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    if (inFd >= 0)
        posix_spawn_file_actions_adddup2(&fa, inFd, STDIN_FILENO);
    else if (inFd == kNullInput)
        posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (outFd >= 0) {
        posix_spawn_file_actions_adddup2(&fa, outFd, STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&fa, outFd, STDERR_FILENO);
    }
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, args[0], &fa, &attr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return -1;
    setpgid(pid, pid);  // also from here: no window where the child is still in ours
    add(int(pid));
    return int(pid);
}

}  // namespace ember::children
