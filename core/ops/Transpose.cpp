// TRANSPOSE: output dim i is input dim perm[i] (TFLM reference Transpose),
// up to 5-D, the permutation a constant int32 vector.
//
// Prepare simplifies the permutation: size-1 dims are dropped and input
// dims that stay neighbours in the output are merged, so [1,2,3,4] with
// perm (0,2,3,1) becomes a 2-D transpose of [2,12]. Eval and emit loop over
// the simplified output dims and gather from the input by stride.
#include <cstring>

#include "Common.h"

namespace ember {
namespace {

struct Params {
    std::vector<int64_t> outDims;   // simplified output dims
    std::vector<int64_t> inStride;  // input stride (elements) of each output dim
    size_t elemSize = 1;
    int64_t elements = 0;
};

// TFLM's TRANSPOSE Eval handles float32, int8 and int16 only (int32 fails).
// uint8 as well (TFLite's TRANSPOSE takes it): ONNX's uint8 tensors need the
// layout transposes around channels-last ops.
bool isDataType(DType t) {
    return t == DType::Float32 || t == DType::Int8 || t == DType::Int16 || t == DType::UInt8;
}

// Builds the simplified output dims and their input strides.
void simplify(Params &p, const Shape &in, const std::vector<int32_t> &perm) {
    std::vector<int64_t> stride(in.size(), 1);
    for (size_t k = in.size(); k-- > 1;) stride[k - 1] = stride[k] * in[k];
    for (int32_t axis : perm) {
        int64_t n = in[size_t(axis)];
        if (n == 1) continue;
        // This axis continues the previous output dim in input memory
        // (its rows are exactly one step of the previous one): merge.
        if (!p.outDims.empty() && p.inStride.back() == stride[size_t(axis)] * n) {
            p.outDims.back() *= n;
            p.inStride.back() = stride[size_t(axis)];
        } else {
            p.outDims.push_back(n);
            p.inStride.push_back(stride[size_t(axis)]);
        }
    }
}

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    auto fail = [&](const std::string &msg, int tensor = -1) {
        auto &e = d.error(msg);
        e.opIndex = op.index;
        e.opName = op.typeName;
        if (tensor >= 0) e.tensor = g.tensors[size_t(tensor)].name;
        return false;
    };
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1))
        return fail("transpose expects 2 inputs (data, permutation) and 1 output");
    const Tensor &in = g.in(op, 0);
    const Tensor &permT = g.in(op, 1);
    const Tensor &out = g.out(op);
    if (!isDataType(in.dtype))
        return fail(std::string("transpose of ") + dtypeName(in.dtype) +
                        " is not supported (as in TFLite Micro); use int8, uint8, int16 or float32",
                    op.inputs[0]);
    if (in.dtype != out.dtype)
        return fail(std::string("input is ") + dtypeName(in.dtype) + " but output is " +
                        dtypeName(out.dtype) + "; transpose cannot change the type",
                    op.outputs[0]);
    const size_t rank = in.shape.size();
    if (rank < 1 || rank > 5)
        return fail("transpose supports 1 to 5 dimensions, the input has " + std::to_string(rank), op.inputs[0]);
    if (!permT.isConst)
        return fail("the permutation input is computed at run time; only a constant permutation is supported, "
                    "re-export the model with a static permutation",
                    op.inputs[1]);
    if (permT.dtype != DType::Int32 || permT.shape != Shape{int32_t(rank)} || permT.data.size() != permT.bytes())
        return fail("the permutation must be an int32 constant of shape [" + std::to_string(rank) + "], got " +
                        dtypeName(permT.dtype) + " " + shapeString(permT.shape),
                    op.inputs[1]);
    std::vector<int32_t> perm(permT.as<int32_t>(), permT.as<int32_t>() + rank);
    std::vector<bool> seen(rank, false);
    Shape expect(rank);
    for (size_t i = 0; i < rank; ++i) {
        int32_t a = perm[i];
        if (a < 0 || size_t(a) >= rank || seen[size_t(a)])
            return fail("the permutation " + shapeString(perm) + " is not a permutation of 0.." +
                            std::to_string(rank - 1) + "; fix the model",
                        op.inputs[1]);
        seen[size_t(a)] = true;
        expect[i] = in.shape[size_t(a)];
    }
    if (expect != out.shape)
        return fail("the model says the output shape is " + shapeString(out.shape) + " but transposing " +
                        shapeString(in.shape) + " by " + shapeString(perm) + " produces " + shapeString(expect) +
                        "; re-export the model",
                    op.outputs[0]);
    Params p;
    p.elemSize = dtypeSize(in.dtype);
    p.elements = in.elements();
    simplify(p, in.shape, perm);
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.elements == 0) return;
    const size_t n = p.outDims.size();
    std::vector<int64_t> idx(n, 0);
    for (int64_t o = 0; o < p.elements; ++o) {
        int64_t i = 0;
        for (size_t k = 0; k < n; ++k) i += idx[k] * p.inStride[k];
        std::memcpy(dst + size_t(o) * p.elemSize, src + size_t(i) * p.elemSize, p.elemSize);
        for (size_t k = n; k-- > 0;) {  // odometer over the output dims
            if (++idx[k] < p.outDims[k]) break;
            idx[k] = 0;
        }
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const Tensor &in = g.in(op, 0);
    const Tensor &permT = g.in(op, 1);
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    std::vector<int32_t> perm(permT.as<int32_t>(), permT.as<int32_t>() + permT.elements());
    ctx.line("/* TRANSPOSE " + std::string(dtypeName(in.dtype)) + " " + shapeString(in.shape) + " -> " +
             shapeString(g.out(op).shape) + ", perm " + shapeString(perm) + " */");
    const std::string ctype = dtypeCType(in.dtype);
    if (p.elements == 0) {
        ctx.line("(void)" + src + "; (void)" + dst + ";");
        return;
    }
    // Nothing moves (only unit dims were permuted): one copy.
    if (p.outDims.size() <= 1) {
        ctx.line("memcpy(" + dst + ", " + src + ", " + std::to_string(p.elements) + " * sizeof(" + ctype + "));");
        return;
    }
    ctx.line(ctype + " *o = " + dst + ";");
    std::string index;
    int indent = 1;
    for (size_t k = 0; k < p.outDims.size(); ++k) {
        std::string v = "i" + std::to_string(k);
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + std::to_string(p.outDims[k]) + "; ++" + v + ") {",
                 indent++);
        index += (index.empty() ? "" : " + ") + (p.inStride[k] == 1 ? v : v + " * " + std::to_string(p.inStride[k]));
    }
    ctx.line("*o++ = " + src + "[" + index + "];", indent);
    while (indent > 1) ctx.line("}", --indent);
}

}  // namespace

const OpKernel kTranspose = {OpType::Transpose, prepare, eval, emit, nullptr, "int8, int16, uint8, float32"};

}  // namespace ember
