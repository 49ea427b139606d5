// emberc serve | call | bisect (BoardCommands forwards them here).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ember {

bool isRpcCommand(const std::string &command);
int runRpcCommand(const std::string &command, const std::vector<std::string> &args, std::ostream &out,
                  std::ostream &err);
std::string rpcCommandsHelp();

}  // namespace ember
