// The package as one POSIX ustar archive (Artifacts::toTar).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "CGenerator.h"

namespace ember {

std::vector<uint8_t> Artifacts::toTar() const {
    std::vector<uint8_t> out;
    auto octal = [](char *field, size_t width, uint64_t v) {
        std::snprintf(field, width, "%0*llo", int(width - 1), static_cast<unsigned long long>(v));
    };
    auto member = [&](const std::string &name, const std::string &prefix, char type, const std::string &text) {
        char h[512] = {};
        std::memcpy(h, name.data(), std::min<size_t>(name.size(), 100));
        octal(h + 100, 8, 0644);
        octal(h + 108, 8, 0);
        octal(h + 116, 8, 0);
        octal(h + 124, 12, text.size());
        octal(h + 136, 12, 0);
        h[156] = type;
        std::memcpy(h + 257, "ustar", 6);
        std::memcpy(h + 263, "00", 2);
        std::memcpy(h + 265, "ember", 5);
        std::memcpy(h + 297, "ember", 5);
        std::memcpy(h + 345, prefix.data(), std::min<size_t>(prefix.size(), 155));
        std::memset(h + 148, ' ', 8);
        unsigned sum = 0;
        for (unsigned char c : h) sum += c;
        std::snprintf(h + 148, 8, "%06o", sum);
        h[155] = ' ';
        out.insert(out.end(), h, h + 512);
        out.insert(out.end(), text.begin(), text.end());
        out.resize((out.size() + 511) / 512 * 512, 0);
    };
    for (const auto &[path, text] : files) {
        // ustar holds a path of up to 100 bytes, or one split at a '/' into a
        // prefix of up to 155 and a name of up to 100 bytes.
        std::string name = path, prefix;
        bool fits = name.size() <= 100;
        if (!fits) {
            for (size_t cut = std::min<size_t>(path.size() - 1, 155); cut > 0; --cut)
                if (path[cut] == '/' && path.size() - cut - 1 <= 100 && path.size() - cut - 1 > 0) {
                    prefix = path.substr(0, cut);
                    name = path.substr(cut + 1);
                    fits = true;
                    break;
                }
        }
        if (!fits) {
            // Longer paths (a long --name): a pax extended header carries the
            // full path; readers without pax support see the shortened one.
            const std::string body = "path=" + path + "\n";
            size_t len = body.size() + 2;
            while (std::to_string(len).size() + 1 + body.size() != len) len = std::to_string(len).size() + 1 + body.size();
            const std::string record = std::to_string(len) + " " + body;
            std::string paxName = "PaxHeaders/" + std::filesystem::path(path).filename().string();
            if (paxName.size() > 100) paxName.resize(100);
            member(paxName, "", 'x', record);
            prefix.clear();
            name = path.substr(path.size() - 100);
        }
        member(name, prefix, '0', text);
    }
    out.resize(out.size() + 1024, 0);  // two zero blocks end the archive
    return out;
}

}  // namespace ember
