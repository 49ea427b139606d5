// The packed calling convention: ember_runtime.h and DLPack, shipped with the
// package in packed modes, and the C text every packed function shares.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ember::codegen {

// Parameter list of every packed function (ember_packed_fn).
extern const char *const kPackedSignature;
// First statements of a packed function: the arguments Ember never reads.
extern const char *const kPackedUnusedArgs;

// include/ember/ember_runtime.h and include/dlpack/*: path → contents.
std::vector<std::pair<std::string, std::string>> runtimeFiles();

}  // namespace ember::codegen
