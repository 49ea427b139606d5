// Small text helpers shared by the core, emberc and the flashers.
#pragma once

#include <string>

namespace ember {

// `s` as valid UTF-8: every byte that is not part of a well-formed UTF-8
// sequence becomes the four characters "\\xHH" (e.g. Latin-1 "caf\\xe9"), so
// names from models, file names and options stay recognisable and can be
// written to JSON, Qt strings and terminals. Valid input is returned as is.
std::string utf8Safe(const std::string &s);

// Strict integer parsing for command-line values: the whole text must be an
// optional '-' and decimal digits (no spaces, no suffix: "5abc" is refused)
// inside [min, max]. False otherwise; *out is untouched then.
bool parseInteger(const std::string &text, long long min, long long max, long long *out);

}  // namespace ember
