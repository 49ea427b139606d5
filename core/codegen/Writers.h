// One writer per file of the generated package. Each reads the Model and
// writes its file top to bottom; generateC (CGenerator.cpp) calls them in
// package order.
#pragma once

#include <sstream>
#include <string>

#include "Model.h"

namespace ember::codegen {

std::string writeHeader(const Model &m);     // include/<name>/<name>.h    HeaderWriter.cpp
std::string writeEntrypoint(const Model &m); // src/<name>.c               EntrypointWriter.cpp
// The end of src/<name>.c with --packed-wrappers: the packed wrappers and the
// function table.                                                      PackedFunctionsWriter.cpp
void writePackedFunctions(const Model &m, std::ostringstream &o);
// The argument descriptions (struct ember_arg_info) of the entrypoint and the
// layers, in <name>.c before any function that checks against them.   PackedFunctionsWriter.cpp
void writeArgInfos(const Model &m, std::ostringstream &o);
// Checked calls: <name>_last_error, _check_args, _check_pools.          CheckWriter.cpp
void writeChecks(const Model &m, std::ostringstream &o);
// The statement a packed function starts with: the argument check against
// `infos` (or, with --unchecked-packed, the argument count alone).      PackedFunctionsWriter.cpp
std::string packedArgCheck(const Model &m, const std::string &function, const std::string &infos, size_t count,
                           const std::string &indent);
// --dim in a packed function: declares each of `dims` (ascending) as an
// int32_t local, read from the shape of the first argument (argTensors[k]
// is argument k's tensor, -1 for none) carrying it, or computed from its
// source when that is known; refuses (returns) a read extent outside its
// bound with `extentError` and an argument axis that disagrees with the
// extents with `shapeError`.                                         PackedFunctionsWriter.cpp
std::string packedDimLocals(const Model &m, const std::vector<int> &argTensors, const std::vector<int> &dims,
                            const std::string &extentError, const std::string &shapeError, const std::string &indent);
// The entrypoint's arguments' tensors (-1 for pools), and every dim index.
std::vector<int> entryArgTensorsOf(const Model &m);
std::vector<int> allDimsOf(const Model &m);
// --dim: the C expression of a tensor's actual size in bytes.         PackedFunctionsWriter.cpp
std::string dynamicBytes(const Model &m, int t);
std::string writeLayers(const Model &m);     // src/<name>_ops.c           LayerWriter.cpp
std::string writeConstants(const Model &m);  // src/<name>_constants.c     ConstantsWriter.cpp
// metadata.json, last: it lists the other files and counts their lines.  MetadataWriter.cpp
std::string writeMetadata(const Model &m, const Artifacts &a);

}  // namespace ember::codegen
