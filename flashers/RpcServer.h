// Generates the RPC function server of a firmware project (docs/RPC.md):
// firmware/ember_rpc.c (generic), firmware/ember_rpc_port.h and the port
// functions appended to harness.c (model-specific).
#pragma once

#include <string>

#include "Firmware.h"

namespace ember {

std::string rpcServerC(const PackageInfo &p);
std::string rpcPortH(const Board &b, const PackageInfo &p);
std::string rpcPortC(const PackageInfo &p, const std::string &corruption);
// Test only: C statements flipping one byte of the largest constant array
// layer `layer` reads ("" for layer < 0).
Result<std::string> rpcCorruption(const Artifacts &a, const PackageInfo &p, int layer);
// Bytes of the server's tensor arena: every planned tensor and the I/O, 16-aligned.
size_t rpcArenaBytes(const PackageInfo &p);

}  // namespace ember
