// The C generator: IR + memory plan → the files of one package. The Model
// (Model.cpp) names everything and runs each op's emitter once; then one
// writer per file writes it, in package order:
//
//   include/<name>/<name>.h      HeaderWriter.cpp        public API
//   include/ember, dlpack        Runtime.cpp             packed modes only
//   src/<name>.c                 EntrypointWriter.cpp    run function, pools
//                                (PackedFunctionsWriter.cpp: wrappers, table)
//   src/<name>_ops.c             LayerWriter.cpp         one function per layer
//   src/<name>_constants.c       ConstantsWriter.cpp     weights, tables
//   metadata.json                MetadataWriter.cpp
//
// What each API mode changes is decided once, in Layout.cpp. Writing the
// package to disk and to a tar archive: Package.cpp, Archive.cpp.
#include "CGenerator.h"

#include <algorithm>

#include "Model.h"
#include "Runtime.h"
#include "Writers.h"

namespace ember {

const std::string *Artifacts::file(const std::string &path) const {
    for (const auto &f : files)
        if (f.first == path) return &f.second;
    return nullptr;
}

Result<Artifacts> generateC(const Graph &g, const MemoryPlan &plan, const CompileOptions &opts) {
    codegen::Model m(g, plan, opts);
    Diagnostics diags;
    if (!m.build(diags)) return diags;
    Artifacts a;
    a.name = m.name;
    a.plan = plan;
    a.files.emplace_back("include/" + m.name + "/" + m.name + ".h", codegen::writeHeader(m));
    if (m.mode.anyPacked)
        for (auto &f : codegen::runtimeFiles()) a.files.push_back(std::move(f));
    a.files.emplace_back("src/" + m.name + ".c", codegen::writeEntrypoint(m));
    a.files.emplace_back("src/" + m.name + "_ops.c", codegen::writeLayers(m));
    a.files.emplace_back("src/" + m.name + "_constants.c", codegen::writeConstants(m));
    a.constantBytes = m.constantBytes;
    for (const auto &f : a.files) a.codeLines += size_t(std::count(f.second.begin(), f.second.end(), '\n'));
    a.files.emplace_back("metadata.json", codegen::writeMetadata(m, a));
    return a;
}

}  // namespace ember
