#include "Diagnostics.h"

#include <cstdio>
#include <cstdlib>

namespace ember {

std::string Diagnostic::format() const {
    std::string s;
    if (!file.empty()) s += file + ": ";
    if (severity == Severity::Warning) s += "warning: ";
    if (severity == Severity::Note) s += "note: ";
    if (opIndex >= 0) {
        s += "op " + std::to_string(opIndex);
        if (!opName.empty()) s += " (" + opName + ")";
        s += tensor.empty() ? ": " : ", ";
    }
    if (!tensor.empty()) s += "tensor '" + tensor + "': ";
    s += message;
    return s;
}

Diagnostic &Diagnostics::error(std::string message) {
    Diagnostic d;
    d.file = file_;
    d.message = std::move(message);
    items_.push_back(std::move(d));
    return items_.back();
}

Diagnostic &Diagnostics::warning(std::string message) {
    Diagnostic &d = error(std::move(message));
    d.severity = Diagnostic::Severity::Warning;
    return d;
}

bool Diagnostics::ok() const {
    for (const auto &d : items_)
        if (d.severity == Diagnostic::Severity::Error) return false;
    return true;
}

void Diagnostics::append(const Diagnostics &other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string Diagnostics::format() const {
    std::string s;
    for (const auto &d : items_) s += d.format() + "\n";
    return s;
}

void emberAssertFail(const char *expr, const char *file, int line) {
    std::fprintf(stderr, "ember internal error: %s (%s:%d)\n", expr, file, line);
    std::abort();
}

}  // namespace ember
