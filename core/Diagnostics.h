// Diagnostics: how `core` reports user errors. Nothing in core exits the
// process or throws through its API; every failure is a Diagnostic carrying
// where (file, op, tensor), what went wrong, and what to do about it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ember {

struct Diagnostic {
    enum class Severity { Error, Warning, Note };
    Severity severity = Severity::Error;
    std::string file;     // model or package file concerned, if any
    int opIndex = -1;     // operator index in the model, if any
    std::string opName;   // e.g. "CONV_2D"
    std::string tensor;   // tensor name concerned, if any
    std::string message;  // lower-case, no trailing period, says what to do

    // One line: "model.tflite: op 3 (CONV_2D), tensor 'x': message"
    std::string format() const;
};

// Collects diagnostics; `ok()` is false once any error was added.
class Diagnostics {
public:
    Diagnostic &error(std::string message);
    Diagnostic &warning(std::string message);
    bool ok() const;
    const std::vector<Diagnostic> &items() const { return items_; }
    void append(const Diagnostics &other);
    std::string format() const;  // every item, one per line
    // Context stamped onto diagnostics added from now on (file name).
    void setFile(std::string file) { file_ = std::move(file); }

private:
    std::vector<Diagnostic> items_;
    std::string file_;
};

// A value or the diagnostics explaining why there is none.
template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Diagnostics d) : diags_(std::move(d)) {}
    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T &value() { return *value_; }
    const T &value() const { return *value_; }
    T *operator->() { return &*value_; }
    const T *operator->() const { return &*value_; }
    T &operator*() { return *value_; }
    const Diagnostics &diagnostics() const { return diags_; }
    Diagnostics &diagnostics() { return diags_; }

private:
    std::optional<T> value_;
    Diagnostics diags_;
};

// Internal invariant check (never used for user errors).
void emberAssertFail(const char *expr, const char *file, int line);
#define EMBER_ASSERT(x) ((x) ? (void)0 : ::ember::emberAssertFail(#x, __FILE__, __LINE__))

}  // namespace ember
