// emberc's board commands: boards, firmware, flash, profile. The lead's
// main() forwards `emberc <command> args...` here.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ember {

// args = everything after the command word. Returns the process exit code:
// 0 success, 1 failure (diagnostics on err), 2 usage error.
int runBoardCommand(const std::string &command, const std::vector<std::string> &args, std::ostream &out,
                    std::ostream &err);

// True for the command words handled here.
bool isBoardCommand(const std::string &command);

// Usage text for the four commands.
std::string boardCommandsHelp();

}  // namespace ember
