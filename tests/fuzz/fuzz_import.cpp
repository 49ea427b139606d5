// libFuzzer target: the TFLite importer on arbitrary bytes. Every input must
// give a Graph or Diagnostics: no crash, no sanitizer report, no hang.
#include <cstddef>
#include <cstdint>

#include "core/import/TfliteImporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    auto g = ember::importTfliteBuffer(data, size, "fuzz.tflite");
    if (!g.ok() && g.diagnostics().ok()) __builtin_trap();  // a failure must say why
    return 0;
}
