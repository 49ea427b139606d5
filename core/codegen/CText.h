// Small text helpers shared by the C generator's writers: identifiers,
// comments and string literals that are always well-formed C.
#pragma once

#include <string>

#include "../ir/Graph.h"

namespace ember::codegen {

std::string upper(std::string s);
// Short readable form of a tensor name for identifiers: TFLite often joins
// several names with ';' (the first is the most specific).
std::string shortName(const std::string &name, size_t maxLen = 40);
// "int8 [1, 49, 10], scale 0.5 zero point -3" for comments.
std::string quantComment(const Tensor &t);
// Tensor names may contain "*/"; keeps comments well-formed (and short).
std::string commentSafe(std::string s);
// Contents of a C string literal: quotes and backslashes escaped, anything
// outside printable ASCII replaced by '_'.
std::string cEscape(const std::string &s);
// Whether `word` occurs in `text` as a whole C identifier.
bool mentions(const std::string &text, const std::string &word);
// `text` with every whole-identifier occurrence of `word` replaced by `with`.
std::string replaceWord(const std::string &text, const std::string &word, const std::string &with);
// DLDataTypeCode of a dtype, as the C enumerator name.
std::string dlCode(DType t);

}  // namespace ember::codegen
