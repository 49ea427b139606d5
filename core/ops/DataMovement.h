// Shared pieces of the data-movement operators (EXPAND_DIMS, SQUEEZE,
// SHAPE, PACK, UNPACK, SPLIT, SPLIT_V, SLICE, FILL, ZEROS_LIKE,
// BROADCAST_TO, BROADCAST_ARGS, CAST): reading the small constant index
// tensors they take (axis, begin, size, shape) and emitting plain copies.
#pragma once

#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "Common.h"
#include "OpError.h"

namespace ember::datamove {

inline bool isOneOf(DType t, std::initializer_list<DType> allowed) {
    for (DType a : allowed)
        if (a == t) return true;
    return false;
}

// "int8, int16 or float32" for error messages.
inline std::string typeList(std::initializer_list<DType> allowed) {
    std::string s;
    size_t i = 0;
    for (DType a : allowed) {
        if (i > 0) s += i + 1 == allowed.size() ? " or " : ", ";
        s += dtypeName(a);
        ++i;
    }
    return s;
}

// The values of a constant int32 or int64 tensor (any shape, row-major);
// false when it is not constant, not an integer tensor or lacks its data.
inline bool constInts(const Tensor &t, std::vector<int64_t> *v) {
    if (!t.isConst || (t.dtype != DType::Int32 && t.dtype != DType::Int64) || t.data.size() != t.bytes())
        return false;
    v->clear();
    for (int64_t i = 0; i < t.elements(); ++i)
        v->push_back(t.dtype == DType::Int32 ? int64_t(t.at<int32_t>(i)) : t.at<int64_t>(i));
    return true;
}

// Checks the op's input and output counts; every listed input must be present.
inline bool checkArity(Diagnostics &d, const Graph &g, const Op &op, const char *what, size_t inputs,
                       size_t outputs, const char *inputNames) {
    if (op.inputs.size() != inputs || op.outputs.size() != outputs)
        return opError(d, g, op,
                       std::string(what) + " expects " + std::to_string(inputs) + " input(s) (" + inputNames +
                           ") and " + std::to_string(outputs) + " output(s), the model gives " +
                           std::to_string(op.inputs.size()) + " and " + std::to_string(op.outputs.size()));
    for (size_t i = 0; i < inputs; ++i)
        if (!g.hasInput(op, i))
            return opError(d, g, op,
                           std::string(what) + " input " + std::to_string(i + 1) + " is missing; fix the model");
    for (int o : op.outputs)
        if (o < 0) return opError(d, g, op, std::string(what) + " has a missing output; fix the model");
    return true;
}

// `subject` starts the message: "pack of" -> "pack of bool is not supported ...".
inline bool checkType(Diagnostics &d, const Graph &g, const Op &op, const std::string &subject, int tensor,
                      std::initializer_list<DType> allowed) {
    const DType t = g.tensors[size_t(tensor)].dtype;
    if (isOneOf(t, allowed)) return true;
    return opError(d, g, op,
                   subject + " " + dtypeName(t) + " is not supported (TFLite Micro supports " + typeList(allowed) +
                       ")",
                   tensor);
}

inline bool checkSameType(Diagnostics &d, const Graph &g, const Op &op, const char *what, int in, int out) {
    const DType a = g.tensors[size_t(in)].dtype, b = g.tensors[size_t(out)].dtype;
    if (a == b) return true;
    return opError(d, g, op,
                   std::string(what) + " input is " + dtypeName(a) + " but its output is " + dtypeName(b) +
                       "; the types must match",
                   out);
}

// Element bytes times element count of the tensor.
inline size_t bytesOf(const Graph &g, int tensor) { return g.tensors[size_t(tensor)].bytes(); }

// Copies `bytes` (skipped when the buffers are the same memory).
inline void emitCopy(EmitContext &ctx, const std::string &dst, const std::string &src, size_t bytes) {
    if (bytes == 0) {
        ctx.line("(void)" + dst + "; (void)" + src + ";");
        return;
    }
    ctx.line("if ((const void *)" + dst + " != (const void *)" + src + ") {");
    ctx.line("memcpy(" + dst + ", " + src + ", " + std::to_string(bytes) + ");", 2);
    ctx.line("}");
}

inline void evalCopy(Buffers &b, int in, int out, size_t bytes) {
    const auto &src = b[size_t(in)];
    auto &dst = b[size_t(out)];
    if (bytes && src.data() != dst.data()) std::memcpy(dst.data(), src.data(), bytes);
}

// Product of shape[from, to).
inline int64_t extent(const Shape &s, size_t from, size_t to) {
    int64_t n = 1;
    for (size_t i = from; i < to && i < s.size(); ++i) n *= s[i];
    return n;
}

}  // namespace ember::datamove
