// Artifacts on disk: a package written into a folder, or made that folder
// atomically (Artifacts::writeTo, writePackage).
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include <nlohmann/json.hpp>

#include "CGenerator.h"
#include "JsonUtf8.h"
#include "../validate/ChildProcesses.h"

namespace ember {

bool Artifacts::writeTo(const std::string &dir, Diagnostics &diags) const {
    namespace fs = std::filesystem;
    for (const auto &[rel, text] : files) {
        const fs::path p = fs::path(dir) / rel;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        // Write to a temporary name and rename, so an interrupted export never
        // leaves a half-written file under the real name.
        const fs::path tmp = p.string() + ".tmp";
        {
            std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
            if (!f || !f.write(text.data(), std::streamsize(text.size()))) {
                diags.error("cannot write '" + p.string() + "'; check that the directory is writable");
                return false;
            }
        }
        fs::rename(tmp, p, ec);
        if (ec) {
            diags.error("cannot write '" + p.string() + "': " + ec.message());
            return false;
        }
    }
    return true;
}

namespace {

// A folder Ember wrote: metadata.json at its root naming Ember as generator.
bool isEmberPackage(const std::filesystem::path &dir) {
    std::ifstream f(dir / "metadata.json", std::ios::binary);
    if (!f) return false;
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    const auto gen = j.find("generator");
    return gen != j.end() && gen->is_string() && gen->get<std::string>().rfind("ember", 0) == 0;
}

// A name for a sibling work folder that no other process picks.
std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%08x%04x", unsigned(rd()), counter++ & 0xFFFFu);
    return buf;
}

}  // namespace

bool Artifacts::writePackage(const std::string &target, Diagnostics &diags, bool force) const {
    namespace fs = std::filesystem;
    fs::path dir(target);
    if (!dir.has_filename()) dir = dir.parent_path();  // "out/" → "out"
    const std::string shown = utf8Safe(dir.string());
    std::error_code ec;
    const fs::file_status st = fs::status(dir, ec);
    bool replace = false;
    if (fs::exists(st)) {
        if (!fs::is_directory(st)) {
            diags.error("'" + shown + "' is a file, not a folder; give a folder for the package (it is created)");
            return false;
        }
        const bool empty = fs::is_empty(dir, ec);
        if (!empty && !isEmberPackage(dir)) {
            if (force) return writeTo(dir.string(), diags);
            diags.error("'" + shown + "' is not empty and is not an Ember package (no metadata.json); choose a new or "
                        "empty folder, or pass --force to write the package files into it");
            return false;
        }
        replace = true;
    }
    // Stage beside the target (same file system, so the renames are atomic).
    fs::path parent = dir.parent_path();
    if (parent.empty()) parent = ".";
    fs::create_directories(parent, ec);
    const std::string base = "." + dir.filename().string() + ".ember-";
    const fs::path stage = parent / (base + "new-" + uniqueSuffix());
    // Removed by an interrupted emberc too; from here on it is ours to clean.
    struct StageGuard {
        std::string path;
        explicit StageGuard(std::string p) : path(std::move(p)) { children::addTempDir(path); }
        ~StageGuard() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
            children::removeTempDir(path);
        }
    } guard(stage.string());
    if (!writeTo(stage.string(), diags)) return false;
    if (replace) {
        const fs::path old = parent / (base + "old-" + uniqueSuffix());
        fs::rename(dir, old, ec);
        if (ec) {
            diags.error("cannot replace '" + shown + "': " + ec.message());
            return false;
        }
        fs::rename(stage, dir, ec);
        if (ec) {
            diags.error("cannot replace '" + shown + "': " + ec.message());
            std::error_code ignored;
            fs::rename(old, dir, ignored);  // put the previous package back
            return false;
        }
        fs::remove_all(old, ec);
        return true;
    }
    fs::rename(stage, dir, ec);
    if (ec) {
        diags.error("cannot write '" + shown + "': " + ec.message());
        return false;
    }
    return true;
}

}  // namespace ember
