#include "../ops/OpKernel.h"

#include <cstring>

namespace ember {

void EmitContext::line(const std::string &text, int indent) {
    body.append(size_t(indent) * 4, ' ');
    body += text;
    body += '\n';
}

std::string EmitContext::constant(const std::string &suffix, DType dtype, const void *data, size_t count,
                                  const std::string &comment) {
    ConstArray c;
    c.symbol = symbolPrefix + "_" + suffix;
    c.dtype = dtype;
    c.data.resize(count * dtypeSize(dtype));
    if (count) std::memcpy(c.data.data(), data, c.data.size());
    c.comment = comment;
    constants.push_back(std::move(c));
    return constants.back().symbol;
}

std::string EmitContext::constantI32(const std::string &suffix, const std::vector<int32_t> &v,
                                     const std::string &comment) {
    return constant(suffix, DType::Int32, v.data(), v.size(), comment);
}

void EmitContext::addHelper(const std::string &name, const std::string &code) {
    for (const auto &h : helpers)
        if (h.first == name) return;
    helpers.emplace_back(name, code);
}

}  // namespace ember
