// Every external process Ember starts (host C compiler, generated programs,
// QEMU, gdb, OpenOCD, cmake...) runs in a process group of its own, recorded
// here while it lives, so that a timeout, a cancel or an interrupted emberc
// (SIGINT/SIGTERM) ends whole process trees and no emulator or debugger is
// left running. Temporary folders are recorded too, so an interrupt removes
// them.
#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace ember::children {

// A process group (the child called setsid()/setpgid(0,0); pgid = its pid).
void add(int pgid);
void remove(int pgid);
// SIGKILL to every recorded group. Async-signal-safe.
void killAll();
// SIGKILL to one group and to the leader itself (if it left the group).
void killGroup(int pgid);

constexpr int kNullInput = -2;
// Starts argv (looked up in PATH) in a process group of its own, with
// stdin from `inFd` (-1: inherited; kNullInput: /dev/null) and
// stdout+stderr to `outFd` (-1: inherited), and records the group. posix_spawn rather than
// fork: callers are large processes that start thousands of children, and
// fork copies the caller's page tables. The pid, or -1 if it could not start.
int spawnInGroup(const std::vector<std::string> &argv, int inFd, int outFd);

// Temporary folders to remove if the process is interrupted.
void addTempDir(const std::string &path);
void removeTempDir(const std::string &path);
void removeAllTempDirs();

// Set once SIGINT/SIGTERM arrived (installInterruptHandlers): long waits and
// tool runs poll it and give up.
const std::atomic<bool> &interrupted();
// 128 + the signal number once interrupted (130 for SIGINT), else 0.
int interruptExitCode();

// For programs (emberc): on SIGINT/SIGTERM, kill every recorded group and
// flag the interrupt; the program unwinds (removing its temp folders) and
// should exit with interruptExitCode(). If it has not exited after
// `graceMs`, a watcher thread removes the recorded temp folders and ends the
// process with that code.
void installInterruptHandlers(int graceMs = 5000);

}  // namespace ember::children
