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
std::string writeLayers(const Model &m);     // src/<name>_ops.c           LayerWriter.cpp
std::string writeConstants(const Model &m);  // src/<name>_constants.c     ConstantsWriter.cpp
// metadata.json, last: it lists the other files and counts their lines.  MetadataWriter.cpp
std::string writeMetadata(const Model &m, const Artifacts &a);

}  // namespace ember::codegen
