// Shared checks for element-wise single-input operators (activations,
// quantize, dequantize): arity, shapes, dtypes, quantization, reported as
// one diagnostic that names the op and the tensor.
#pragma once

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "Common.h"

namespace ember::unary {

// Adds an error for `op` (and `tensor` when >= 0) and returns false.
inline bool fail(const Graph &g, const Op &op, Diagnostics &d, const std::string &msg, int tensor = -1) {
    Diagnostic &e = d.error(msg);
    e.opIndex = op.index;
    e.opName = op.typeName;
    if (tensor >= 0 && size_t(tensor) < g.tensors.size()) e.tensor = g.tensors[size_t(tensor)].name;
    return false;
}

// One input, one output, same shape (element-wise ops never reshape).
inline bool checkShape(const Graph &g, const Op &op, Diagnostics &d) {
    if (op.inputs.size() != 1 || op.outputs.size() != 1 || op.inputs[0] < 0)
        return fail(g, op, d, "expects exactly 1 input and 1 output; check the model");
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (in.shape != out.shape)
        return fail(g, op, d,
                    "model says the output shape is " + shapeString(out.shape) + " but the op produces " +
                        shapeString(in.shape) + "; re-export the model",
                    op.outputs[0]);
    return true;
}

inline bool isOneOf(DType t, std::initializer_list<DType> allowed);

// The input's type is one of `allowed` and the output's is the same; the
// error names the op and lists what it takes ("use float32, int8 or int16").
inline bool checkSameTypeOneOf(const Graph &g, const Op &op, Diagnostics &d, const std::vector<DType> &allowed) {
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (std::find(allowed.begin(), allowed.end(), in.dtype) == allowed.end()) {
        std::string list;
        for (size_t i = 0; i < allowed.size(); ++i)
            list += std::string(i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + dtypeName(allowed[i]);
        return fail(g, op, d, std::string("input type ") + dtypeName(in.dtype) + " is not supported by " +
                                  opTypeName(op.type) + "; use " + list, op.inputs[0]);
    }
    if (out.dtype != in.dtype)
        return fail(g, op, d, std::string("output type ") + dtypeName(out.dtype) + " differs from input type " +
                                  dtypeName(in.dtype) + "; re-export the model",
                    op.outputs[0]);
    return true;
}

// checkShape, plus: float32/int8/int16 input and the same type out — the
// contract of the activations (RELU, LEAKY_RELU, LOGISTIC, TANH).
inline bool checkActivationTypes(const Graph &g, const Op &op, Diagnostics &d) {
    return checkShape(g, op, d) && checkSameTypeOneOf(g, op, d, {DType::Float32, DType::Int8, DType::Int16});
}

inline bool isOneOf(DType t, std::initializer_list<DType> allowed) {
    for (DType a : allowed)
        if (a == t) return true;
    return false;
}

// A quantized tensor needs exactly one positive, finite scale.
inline bool checkPerTensorQuant(const Graph &g, const Op &op, Diagnostics &d, int tensor) {
    const Tensor &t = g.tensors[size_t(tensor)];
    if (t.quant.empty())
        return fail(g, op, d, std::string(dtypeName(t.dtype)) + " tensor has no quantization parameters; "
                              "re-export the model with full-integer quantization", tensor);
    if (t.quant.perChannel())
        return fail(g, op, d, "per-channel quantization is not supported on this tensor; use per-tensor "
                              "quantization", tensor);
    const float s = t.quant.sc();
    if (!(s > 0.f) || s != s || s > 3.0e38f)
        return fail(g, op, d, "quantization scale must be positive and finite (got " + std::to_string(s) +
                                  "); re-export the model", tensor);
    return true;
}

}  // namespace ember::unary
