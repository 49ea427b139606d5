#include "ModelFormats.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

namespace ember {

namespace {

// Function-local so registrations from other translation units' static
// initialisers never see an unconstructed list.
std::vector<ModelFormat> &registry() {
    // The importers loadModel() dispatches to (Compiler.cpp); a format
    // added by another component registers itself.
    static std::vector<ModelFormat> formats{{".tflite", "TFLite"}, {".onnx", "ONNX"}};
    return formats;
}

std::mutex &registryMutex() {
    static std::mutex m;
    return m;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

}  // namespace

std::vector<ModelFormat> modelFormats() {
    std::lock_guard<std::mutex> lock(registryMutex());
    return registry();
}

std::vector<std::string> loadableModelExtensions() {
    std::vector<std::string> out;
    for (const ModelFormat &f : modelFormats()) out.push_back(f.extension);
    return out;
}

bool isLoadableModelFile(const std::string &path) {
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    for (const ModelFormat &f : modelFormats())
        if (f.extension == ext) return true;
    return false;
}

bool registerModelFormat(const ModelFormat &f) {
    std::lock_guard<std::mutex> lock(registryMutex());
    ModelFormat n{lower(f.extension), f.description};
    for (const ModelFormat &x : registry())
        if (x.extension == n.extension) return true;
    registry().push_back(n);
    return true;
}

}  // namespace ember
