// The example projects under examples/, embedded at build time
// (cmake/EmbedExamples.cmake) so that `emberc example <project> -o DIR`
// writes them without a source tree.
#pragma once

#include <cstddef>

namespace ember {

struct EmbeddedFile {
    const char *path;  // relative to examples/, e.g. "micro_speech_pipeline/main.c"
    const unsigned char *data;
    size_t size;
};

extern const EmbeddedFile kExampleFiles[];
extern const size_t kExampleFileCount;

}  // namespace ember
