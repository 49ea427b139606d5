// libFuzzer target: the ONNX importer (protobuf parse, onnx's checker and
// shape inference, the lowerings) on arbitrary bytes. Every input must give a
// Graph or Diagnostics: no crash, no sanitizer report, no hang. Seeds: the
// small node-test models of libonnx-testdata (scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>

#include "core/import/OnnxImporter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    auto g = ember::importOnnxBuffer(data, size, "fuzz.onnx");
    if (!g.ok() && g.diagnostics().ok()) __builtin_trap();  // a failure must say why
    return 0;
}
