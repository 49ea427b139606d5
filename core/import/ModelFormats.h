// The model file formats loadModel() reads, as importers register them. The
// studio's open dialog and emberc's messages list exactly these, so a format
// is offered only when its importer is linked in.
//
// TFLite and ONNX are always there; another importer registers itself at
// static initialisation, in its own .cpp:
//     static const bool kRegistered = ember::registerModelFormat({".ext", "Name"});
#pragma once

#include <string>
#include <vector>

namespace ember {

struct ModelFormat {
    std::string extension;    // with the dot, lower-case: ".tflite"
    std::string description;  // "TFLite"
};

// Every registered format, TFLite first.
std::vector<ModelFormat> modelFormats();
// The extensions alone (".tflite", ...).
std::vector<std::string> loadableModelExtensions();
// True when `path`'s extension (case-insensitive) belongs to a registered format.
bool isLoadableModelFile(const std::string &path);
// Adds a format (a second registration of an extension is ignored); returns
// true so it can initialise a static.
bool registerModelFormat(const ModelFormat &f);

}  // namespace ember
