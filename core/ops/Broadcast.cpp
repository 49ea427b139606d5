#include "Broadcast.h"

#include <algorithm>

namespace ember {

namespace {

// `s` left-padded with 1s to `rank` dimensions.
std::vector<int64_t> extended(const Shape &s, size_t rank) {
    std::vector<int64_t> e(rank - s.size(), 1);
    e.insert(e.end(), s.begin(), s.end());
    return e;
}

// "i0 * 64 + i1" for the loops whose stride is non-zero, "0" if none.
std::string indexExpr(const std::vector<int64_t> &strides) {
    std::string e;
    for (size_t d = 0; d < strides.size(); ++d) {
        if (strides[d] == 0) continue;
        if (!e.empty()) e += " + ";
        e += "i" + std::to_string(d);
        if (strides[d] != 1) e += " * " + std::to_string(strides[d]);
    }
    return e.empty() ? "0" : e;
}

}  // namespace

bool Broadcast::outputShape(const Shape &a, const Shape &b, Shape *out) {
    const size_t rank = std::max(a.size(), b.size());
    const auto ea = extended(a, rank), eb = extended(b, rank);
    out->assign(rank, 1);
    for (size_t d = 0; d < rank; ++d) {
        if (ea[d] == eb[d] || eb[d] == 1)
            (*out)[d] = int32_t(ea[d]);
        else if (ea[d] == 1)
            (*out)[d] = int32_t(eb[d]);
        else
            return false;
    }
    return true;
}

Broadcast Broadcast::plan(const Shape &a, const Shape &b) {
    Broadcast p;
    Shape out;
    outputShape(a, b, &out);
    p.elements = shapeElements(out);
    const size_t rank = out.size();
    const auto ea = extended(a, rank), eb = extended(b, rank);
    p.sameShape = ea == eb;
    if (p.sameShape) {
        p.dims = {p.elements};
        p.stride1 = p.stride2 = {1};
        return p;
    }
    // Drop size-1 output dims, merge neighbours with the same broadcast
    // pattern: [1,2,12,64] - [64] becomes a 24 x 64 loop nest.
    std::vector<bool> bc1, bc2;
    for (size_t d = 0; d < rank; ++d) {
        if (out[d] == 1) continue;
        const bool b1 = ea[d] == 1, b2 = eb[d] == 1;
        if (!p.dims.empty() && bc1.back() == b1 && bc2.back() == b2) {
            p.dims.back() *= out[d];
            continue;
        }
        p.dims.push_back(out[d]);
        bc1.push_back(b1);
        bc2.push_back(b2);
    }
    if (p.dims.empty()) {
        p.dims = {1};
        bc1 = bc2 = {false};
    }
    const size_t n = p.dims.size();
    p.stride1.assign(n, 0);
    p.stride2.assign(n, 0);
    int64_t acc1 = 1, acc2 = 1;
    for (size_t d = n; d-- > 0;) {
        if (!bc1[d]) { p.stride1[d] = acc1; acc1 *= p.dims[d]; }
        if (!bc2[d]) { p.stride2[d] = acc2; acc2 *= p.dims[d]; }
    }
    return p;
}

void Broadcast::emitLoops(EmitContext &ctx, const Body &body) const {
    if (elements == 1) {
        body("0", "0", "0", 1);
        return;
    }
    const size_t rank = dims.size();
    std::vector<int64_t> outStride(rank, 1);
    for (size_t d = rank - 1; d-- > 0;) outStride[d] = outStride[d + 1] * dims[d + 1];
    for (size_t d = 0; d < rank; ++d) {
        const std::string i = "i" + std::to_string(d);
        ctx.line("for (int32_t " + i + " = 0; " + i + " < " + std::to_string(dims[d]) + "; ++" + i + ") {",
                 int(d) + 1);
    }
    body(indexExpr(outStride), indexExpr(stride1), indexExpr(stride2), int(rank) + 1);
    for (size_t d = rank; d-- > 0;) ctx.line("}", int(d) + 1);
}

}  // namespace ember
