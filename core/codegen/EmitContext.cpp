#include "../ops/OpKernel.h"

#include <algorithm>
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

namespace {

const std::string &dimAt(const std::vector<std::vector<std::string>> &dims, size_t i, size_t axis) {
    static const std::string none;
    if (i >= dims.size() || axis >= dims[i].size()) return none;
    return dims[i][axis];
}

bool anyDim(const std::vector<std::vector<std::string>> &dims, size_t i) {
    if (i >= dims.size()) return false;
    for (const auto &d : dims[i])
        if (!d.empty()) return true;
    return false;
}

// Product of the fixed extents as one literal, times every dynamic extent.
std::string countExpr(const std::vector<std::vector<std::string>> &dims, size_t i, const Shape &shape, size_t from,
                      int to) {
    const size_t end = to < 0 ? shape.size() : std::min(shape.size(), size_t(to));
    int64_t fixed = 1;
    std::vector<std::string> factors;
    for (size_t a = from; a < end; ++a) {
        const std::string &d = dimAt(dims, i, a);
        if (d.empty())
            fixed *= shape[a];
        else
            factors.push_back(d);
    }
    if (factors.empty()) return std::to_string(fixed);
    if (fixed != 1) factors.push_back(std::to_string(fixed));
    if (factors.size() == 1) return factors[0];
    std::string e = "(";
    for (size_t k = 0; k < factors.size(); ++k) e += (k ? " * " : "") + factors[k];
    return e + ")";
}

}  // namespace

bool EmitContext::inputDynamic(size_t i) const { return anyDim(inputDims, i); }
bool EmitContext::outputDynamic(size_t j) const { return anyDim(outputDims, j); }

std::string EmitContext::inputCount(size_t i, const Shape &shape, size_t from, int to) const {
    return countExpr(inputDims, i, shape, from, to);
}

std::string EmitContext::outputCount(size_t j, const Shape &shape, size_t from, int to) const {
    return countExpr(outputDims, j, shape, from, to);
}

std::string EmitContext::inputExtent(size_t i, const Shape &shape, size_t axis) const {
    const std::string &d = dimAt(inputDims, i, axis);
    return d.empty() ? std::to_string(axis < shape.size() ? shape[axis] : 1) : d;
}

void EmitContext::addHelper(const std::string &name, const std::string &code) {
    for (const auto &h : helpers)
        if (h.first == name) return;
    helpers.emplace_back(name, code);
}

}  // namespace ember
