// Small helpers shared by the operator prepare steps: one way to report an
// error about an op (and optionally one of its tensors), and the checks most
// quantized operators repeat.
#pragma once

#include <cmath>
#include <string>

#include "OpKernel.h"

namespace ember {

// Adds an error stamped with the op (and tensor) and returns false, so that
// prepare code can `return opError(...)`.
inline bool opError(Diagnostics &d, const Graph &g, const Op &op, const std::string &message,
                    int tensor = -1) {
    Diagnostic &e = d.error(message);
    e.opIndex = op.index;
    e.opName = op.typeName;
    if (tensor >= 0 && size_t(tensor) < g.tensors.size()) e.tensor = g.tensors[size_t(tensor)].name;
    return false;
}

// True if `t` carries one finite, positive scale (per-tensor quantization).
inline bool hasPerTensorQuant(const Tensor &t) {
    return t.quant.scale.size() == 1 && std::isfinite(t.quant.scale[0]) && t.quant.scale[0] > 0.f;
}

// Checks the model's output shape against the inferred one.
inline bool checkOutputShape(Diagnostics &d, const Graph &g, const Op &op, int outTensor,
                             const Shape &inferred) {
    const Shape &model = g.tensors[size_t(outTensor)].shape;
    if (model == inferred) return true;
    return opError(d, g, op,
                   "the model gives the output shape " + shapeString(model) + " but the operator produces " +
                       shapeString(inferred) + "; re-export the model with consistent shapes",
                   outTensor);
}

}  // namespace ember
