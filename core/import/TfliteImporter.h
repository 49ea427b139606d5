// TFLite flatbuffer → IR. Every file is checked by the flatbuffers Verifier
// before anything is read; every failure is a Diagnostic naming the file and,
// where it applies, the op and tensor.
#pragma once

#include <cstdint>
#include <string>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

Result<Graph> importTflite(const std::string &path);
// `origin` names the data in errors (usually the file path).
Result<Graph> importTfliteBuffer(const uint8_t *data, size_t size, const std::string &origin);

}  // namespace ember
