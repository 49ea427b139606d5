// Identifier and comment text for the generated C (CText.h), and the public
// sanitizeIdentifier every generated name passes through.
#include "CText.h"

#include <cctype>
#include <cstdio>
#include <set>

#include "CGenerator.h"

namespace ember {

static const std::set<std::string> kCKeywords = {
    "auto",     "break",  "case",    "char",   "const",    "continue", "default",  "do",
    "double",   "else",   "enum",    "extern", "float",    "for",      "goto",     "if",
    "inline",   "int",    "long",    "register", "restrict", "return", "short",    "signed",
    "sizeof",   "static", "struct",  "switch", "typedef",  "union",    "unsigned", "void",
    "volatile", "while",  "_Bool",   "_Complex", "_Imaginary", "main",  "bool",    "true",
    "false",    "NULL",   "int8_t",  "int16_t", "int32_t", "int64_t",  "uint8_t",  "errno"};

std::string sanitizeIdentifier(const std::string &s) {
    std::string r;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            r += char(std::tolower(u));
        else if (!r.empty() && r.back() != '_')
            r += '_';
    }
    while (!r.empty() && r.back() == '_') r.pop_back();
    if (r.empty()) r = "t";
    if (std::isdigit(static_cast<unsigned char>(r[0]))) r = "t" + r;
    if (kCKeywords.count(r)) r += "_";
    return r;
}

}  // namespace ember

namespace ember::codegen {

std::string upper(std::string s) {
    for (char &c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string shortName(const std::string &name, size_t maxLen) {
    std::string s = sanitizeIdentifier(name.substr(0, name.find(';')));
    if (s.size() > maxLen) s = sanitizeIdentifier(s.substr(s.size() - maxLen));
    return s;
}

std::string quantComment(const Tensor &t) {
    std::string s = std::string(dtypeName(t.dtype)) + " " + shapeString(t.shape);
    if (!t.quant.empty()) {
        char buf[96];
        if (t.quant.perChannel())
            std::snprintf(buf, sizeof buf, ", per-channel (%zu scales, axis %d)", t.quant.scale.size(), t.quant.axis);
        else
            std::snprintf(buf, sizeof buf, ", scale %.9g zero point %d", double(t.quant.sc()), t.quant.zp());
        s += buf;
    }
    return s;
}

std::string commentSafe(std::string s) {
    for (size_t p; (p = s.find("*/")) != std::string::npos;) s.replace(p, 2, "* /");
    if (s.size() > 100) s = s.substr(0, 97) + "...";
    return s;
}

std::string cEscape(const std::string &s) {
    std::string r;
    for (char c : s) {
        if (c == '"' || c == '\\') r += '\\';
        if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) {
            r += '_';
            continue;
        }
        r += c;
    }
    return r;
}

static bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

static bool wordAt(const std::string &text, size_t p, size_t e) {
    return (p == 0 || !isWordChar(text[p - 1])) && (e >= text.size() || !isWordChar(text[e]));
}

bool mentions(const std::string &text, const std::string &word) {
    for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1))
        if (wordAt(text, p, p + word.size())) return true;
    return false;
}

std::string replaceWord(const std::string &text, const std::string &word, const std::string &with) {
    std::string r;
    size_t last = 0;
    for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
        const size_t e = p + word.size();
        if (wordAt(text, p, e)) {
            r += text.substr(last, p - last) + with;
            last = e;
        }
    }
    return r + text.substr(last);
}

std::string dlCode(DType t) {
    switch (t) {
    case DType::Float32: return "kDLFloat";
    case DType::UInt8:
    case DType::Bool:
    case DType::UInt32:
    case DType::UInt64: return "kDLUInt";
    default: return "kDLInt";
    }
}

}  // namespace ember::codegen
