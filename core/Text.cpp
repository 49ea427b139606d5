#include "Text.h"

#include <charconv>
#include <cstdint>

namespace ember {

bool parseInteger(const std::string &text, long long min, long long max, long long *out) {
    long long v = 0;
    const char *b = text.data(), *e = text.data() + text.size();
    if (b == e || *b == '+') return false;
    const auto [end, ec] = std::from_chars(b, e, v, 10);
    if (ec != std::errc() || end != e || v < min || v > max) return false;
    *out = v;
    return true;
}

std::string utf8Safe(const std::string &s) {
    std::string r;
    r.reserve(s.size());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        }
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if (ok && ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
            ok = false;
        if (ok) {
            r.append(s, i, len);
            i += len;
        } else {
            static const char *hex = "0123456789abcdef";
            r += "\\x";
            r += hex[c >> 4];
            r += hex[c & 15];
            ++i;
        }
    }
    return r;
}

}  // namespace ember
