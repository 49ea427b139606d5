// RESHAPE: same bytes, new shape (TFLM reference: a copy when the buffers
// differ). The new shape comes from the constant int32 shape input, else
// from the builtin options, with at most one -1 dimension inferred.
#include <cstring>

#include "Common.h"

namespace ember {
namespace {

struct Params {
    size_t bytes = 0;  // bytes copied
};

bool isDataType(DType t) {
    return t == DType::Float32 || t == DType::Int8 || t == DType::Int16 || t == DType::Int32;
}

// The requested shape (may contain one -1), or false with a message.
bool requestedShape(const Graph &g, const Op &op, Shape *shape, std::string *why) {
    if (g.hasInput(op, 1)) {
        const Tensor &s = g.in(op, 1);
        if (!s.isConst) {
            *why = "the shape input '" + s.name +
                   "' is computed at run time; only constant shapes are supported, re-export the model "
                   "with a static shape";
            return false;
        }
        if (s.dtype != DType::Int32 || s.shape.size() > 1 || s.data.size() != s.bytes()) {
            *why = "the shape input '" + s.name + "' must be a 1-D int32 constant, got " +
                   dtypeName(s.dtype) + " " + shapeString(s.shape);
            return false;
        }
        shape->assign(s.as<int32_t>(), s.as<int32_t>() + s.elements());
        return true;
    }
    *shape = op.attrs.newShape;
    return true;
}

// Replaces a single -1 by the size that keeps the element count.
bool inferShape(Shape *shape, int64_t elements, std::string *why) {
    int unknown = -1;
    int64_t known = 1;
    for (size_t i = 0; i < shape->size(); ++i) {
        int32_t d = (*shape)[i];
        if (d == -1 && unknown < 0) {
            unknown = int(i);
        } else if (d == -1) {
            *why = "the new shape " + shapeString(*shape) + " has more than one -1 dimension";
            return false;
        } else if (d < 0) {
            *why = "the new shape " + shapeString(*shape) + " has a negative dimension";
            return false;
        } else {
            known *= d;
        }
    }
    if (unknown >= 0) {
        if (known == 0 || elements % known != 0) {
            *why = "cannot infer the -1 dimension of " + shapeString(*shape) + " for " +
                   std::to_string(elements) + " elements";
            return false;
        }
        (*shape)[size_t(unknown)] = int32_t(elements / known);
    }
    return true;
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) {
        auto &e = d.error(msg);
        e.opIndex = op.index;
        e.opName = op.typeName;
        if (tensor >= 0) e.tensor = g.tensors[size_t(tensor)].name;
        return false;
    };
    if (op.inputs.empty() || op.inputs.size() > 2 || op.outputs.size() != 1 || !g.hasInput(op, 0))
        return fail("reshape expects 1 or 2 inputs (data, shape) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    if (!isDataType(in.dtype))
        return fail(std::string("reshape of ") + dtypeName(in.dtype) +
                        " is not supported; use int8, int16, int32 or float32",
                    op.inputs[0]);
    if (in.dtype != out.dtype)
        return fail(std::string("input is ") + dtypeName(in.dtype) + " but output is " +
                        dtypeName(out.dtype) + "; reshape cannot change the type",
                    op.outputs[0]);

    Shape shape;
    std::string why;
    if (!requestedShape(g, op, &shape, &why)) return fail(why, op.inputs.size() > 1 ? op.inputs[1] : -1);
    // No shape anywhere (options omitted, as some converters do): the model's
    // output shape is the request, which the element check below validates.
    bool fromModel = !g.hasInput(op, 1) && op.attrs.newShape.empty();
    if (fromModel) shape = out.shape;
    if (!inferShape(&shape, in.elements(), &why)) return fail(why, op.outputs[0]);
    if (shapeElements(shape) != in.elements())
        return fail("cannot reshape " + shapeString(in.shape) + " (" + std::to_string(in.elements()) +
                        " elements) to " + shapeString(shape) + " (" +
                        std::to_string(shapeElements(shape)) + " elements); the counts must match",
                    op.outputs[0]);
    if (shape != out.shape)
        return fail("the model says the output shape is " + shapeString(out.shape) + " but reshape produces " +
                        shapeString(shape) + "; the model is inconsistent, re-export it",
                    op.outputs[0]);
    Params p;
    p.bytes = in.bytes();
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const auto &src = b[size_t(op.inputs[0])];
    auto &dst = b[size_t(op.outputs[0])];
    if (p.bytes && src.data() != dst.data()) std::memcpy(dst.data(), src.data(), p.bytes);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    ctx.line("/* RESHAPE " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + " -> " +
             shapeString(out.shape) + ": a plain copy (no copy when the buffers are shared) */");
    if (p.bytes == 0) {
        ctx.line("(void)" + ctx.inputs[0] + "; (void)" + ctx.outputs[0] + ";");
        return;
    }
    ctx.line("if ((const void *)" + ctx.outputs[0] + " != (const void *)" + ctx.inputs[0] + ") {");
    ctx.line("memcpy(" + ctx.outputs[0] + ", " + ctx.inputs[0] + ", " + std::to_string(p.bytes) + ");", 2);
    ctx.line("}");
}

}  // namespace

const OpKernel kReshape = {OpType::Reshape, prepare, eval, emit, nullptr, "int8, int16, int32, float32"};

}  // namespace ember
