// STRIDED_SLICE: numpy-style input[begin:end:stride] per dimension, as
// TFLM's reference StridedSlice and tflite::strided_slice's index logic:
// negative indices count from the end, begin_mask/end_mask select the full
// range in the stride's direction, shrink_axis_mask keeps one index and
// drops the dimension. begin, end and strides are constant int32 vectors
// with one entry per input dimension. As in TFLM (strided_slice_common.cc):
// at most 4 dimensions, the `offset` option is ignored (TFLM never reads
// it), ellipsis/new-axis masks are refused, and an empty result of rank 2
// or more (TFLM: a dynamic tensor) is refused. A shrunk axis with a negative stride is
// refused too: TFLM's kernel writes nothing for it (the output is whatever
// the arena held).
//
// Prepare resolves every dimension to (start, step, count); eval and emit
// visit input element start + j*step for j < count.
#include <cstring>

#include "Common.h"

namespace ember {
namespace {

struct Params {
    Shape inShape;
    std::vector<int64_t> start, step, count;  // per input dim, resolved
    std::vector<int64_t> inStride;            // row-major input strides
    size_t elemSize = 1;
    int64_t elements = 0;  // output elements
};

bool isDataType(DType t) {
    return t == DType::Float32 || t == DType::Int8 || t == DType::Int16 || t == DType::Int32;
}

int32_t clampTo(int32_t v, int32_t lo, int32_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

// tflite::strided_slice::StridedSliceStartForAxis.
int32_t startForAxis(int32_t begin, int32_t stride, int32_t size, bool masked) {
    if (masked) return stride > 0 ? 0 : size - 1;
    if (begin < 0) begin += size;
    return stride > 0 ? clampTo(begin, 0, size) : clampTo(begin, -1, size - 1);
}

// tflite::strided_slice::StridedSliceEndForAxis (shrink handled by caller).
int32_t endForAxis(int32_t end, int32_t start, int32_t stride, int32_t size, bool masked, bool offset) {
    if (offset) end += start;
    if (end < 0) end += size;
    end = stride > 0 ? clampTo(end, 0, size) : clampTo(end, -1, size - 1);
    if (masked) end = stride > 0 ? size : -1;
    return end;
}

// Number of indices start, start+step, ... strictly before stop.
int64_t countSteps(int64_t start, int64_t stop, int64_t step) {
    int64_t span = step > 0 ? stop - start : start - stop;
    int64_t s = step > 0 ? step : -step;
    return span <= 0 ? 0 : (span + s - 1) / s;
}

bool readVector(const Tensor &t, size_t rank, std::vector<int32_t> *v) {
    if (!t.isConst || t.dtype != DType::Int32 || t.shape != Shape{int32_t(rank)} || t.data.size() != t.bytes())
        return false;
    v->assign(t.as<int32_t>(), t.as<int32_t>() + rank);
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
    if (op.inputs.size() != 4 || op.outputs.size() != 1)
        return fail("strided slice expects 4 inputs (data, begin, end, strides) and 1 output");
    for (size_t i = 0; i < 4; ++i)
        if (!g.hasInput(op, i)) return fail("strided slice input " + std::to_string(i) + " is missing; fix the model");
    const Tensor &in = g.in(op, 0);
    const Tensor &out = g.out(op);
    const OpAttrs &a = op.attrs;
    if (!isDataType(in.dtype))
        return fail(std::string("strided slice of ") + dtypeName(in.dtype) +
                        " is not supported; use int8, int16, int32 or float32",
                    op.inputs[0]);
    if (in.dtype != out.dtype)
        return fail(std::string("input is ") + dtypeName(in.dtype) + " but output is " +
                        dtypeName(out.dtype) + "; strided slice cannot change the type",
                    op.outputs[0]);
    const size_t rank = in.shape.size();
    if (rank < 1 || rank > 4)
        return fail("strided slice supports 1 to 4 dimensions (as TFLite Micro), the input has " +
                        std::to_string(rank),
                    op.inputs[0]);
    // TFLite Micro clears these two masks and would slice something else
    // than the model asks for; refuse instead of guessing.
    if (a.ellipsisMask != 0)
        return fail("ellipsis_mask is not supported (TFLite Micro ignores it); re-export the model with "
                    "explicit slices for every dimension");
    if (a.newAxisMask != 0)
        return fail("new_axis_mask is not supported (TFLite Micro ignores it); re-export the model with a "
                    "separate reshape that adds the axis");
    const char *names[] = {"begin", "end", "strides"};
    std::vector<int32_t> vec[3];
    for (size_t i = 0; i < 3; ++i)
        if (!readVector(g.in(op, i + 1), rank, &vec[i]))
            return fail(std::string("the ") + names[i] + " input must be a constant int32 vector of shape [" +
                            std::to_string(rank) + "], got " + (g.in(op, i + 1).isConst ? "" : "non-constant ") +
                            dtypeName(g.in(op, i + 1).dtype) + " " + shapeString(g.in(op, i + 1).shape),
                        op.inputs[i + 1]);

    Params p;
    p.inShape = in.shape;
    p.elemSize = dtypeSize(in.dtype);
    p.inStride.assign(rank, 1);
    for (size_t k = rank; k-- > 1;) p.inStride[k - 1] = p.inStride[k] * in.shape[k];
    Shape expect;
    for (size_t k = 0; k < rank; ++k) {
        const int32_t size = in.shape[k], stride = vec[2][k];
        const bool shrink = (a.shrinkAxisMask >> k) & 1;
        if (stride == 0) return fail("the stride of dimension " + std::to_string(k) + " is 0; strides must be non-zero", op.inputs[3]);
        int32_t start = startForAxis(vec[0][k], stride, size, (a.beginMask >> k) & 1);
        int64_t count;
        if (shrink) {
            if (stride < 0)
                return fail("dimension " + std::to_string(k) + " is shrunk with a negative stride, which TFLite "
                            "Micro's kernel does not compute (it writes no output); use stride 1 for shrunk axes",
                            op.inputs[3]);
            if (start < 0 || start >= size)
                return fail("dimension " + std::to_string(k) + " is shrunk at index " + std::to_string(vec[0][k]) +
                                ", outside its size " + std::to_string(size) + "; fix the begin value",
                            op.inputs[1]);
            count = 1;
        } else {
            int32_t stop = endForAxis(vec[1][k], start, stride, size, (a.endMask >> k) & 1, false);
            count = countSteps(start, stop, stride);
            expect.push_back(int32_t(count));
        }
        p.start.push_back(start);
        p.step.push_back(stride);
        p.count.push_back(count);
    }
    if (expect != out.shape)
        return fail("the model says the output shape is " + shapeString(out.shape) + " but slicing " +
                        shapeString(in.shape) + " with begin " + shapeString(vec[0]) + ", end " + shapeString(vec[1]) +
                        ", strides " + shapeString(vec[2]) + " produces " + shapeString(expect) +
                        "; re-export the model",
                    op.outputs[0]);
    // tflm_ref runs an empty 1-D result but refuses an empty result of rank
    // 2 or more as a dynamic tensor.
    for (int32_t dim : expect)
        if (dim == 0 && expect.size() >= 2)
            return fail("the slice of " + shapeString(in.shape) + " with begin " + shapeString(vec[0]) + ", end " +
                            shapeString(vec[1]) + ", strides " + shapeString(vec[2]) + " is empty " +
                            shapeString(expect) + "; TFLite Micro does not support empty (dynamic) tensors, fix "
                            "the slice",
                        op.outputs[0]);
    p.elements = shapeElements(expect);
    op.params = p;
    return true;
}

void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    if (p.elements == 0) return;
    const size_t n = p.count.size();
    std::vector<int64_t> j(n, 0);
    for (int64_t o = 0; o < p.elements; ++o) {
        int64_t i = 0;
        for (size_t k = 0; k < n; ++k) i += (p.start[k] + j[k] * p.step[k]) * p.inStride[k];
        std::memcpy(dst + size_t(o) * p.elemSize, src + size_t(i) * p.elemSize, p.elemSize);
        for (size_t k = n; k-- > 0;) {  // odometer over the slice
            if (++j[k] < p.count[k]) break;
            j[k] = 0;
        }
    }
}

// Trailing dims taken whole and forwards form one contiguous run.
bool wholeDim(const Params &p, size_t k) {
    return p.start[k] == 0 && p.step[k] == 1 && p.count[k] == p.inShape[k];
}

std::string describe(const Graph &g, const Op &op) {
    std::string s;
    const Params &p = std::any_cast<const Params &>(op.params);
    for (size_t k = 0; k < p.count.size(); ++k) {
        bool shrink = (op.attrs.shrinkAxisMask >> k) & 1;
        s += (k ? "," : "") + std::to_string(p.start[k]);
        if (!shrink) s += ":" + std::to_string(p.start[k] + p.count[k] * p.step[k]) + ":" + std::to_string(p.step[k]);
    }
    return "STRIDED_SLICE " + std::string(dtypeName(g.in(op, 0).dtype)) + " " + shapeString(g.in(op, 0).shape) +
           "[" + s + "] -> " + shapeString(g.out(op).shape);
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const std::string &src = ctx.inputs[0], &dst = ctx.outputs[0];
    const std::string ctype = dtypeCType(g.in(op, 0).dtype);
    ctx.line("/* " + describe(g, op) + " (start:stop:step per input dim) */");
    if (p.elements == 0) {
        ctx.line("(void)" + src + "; (void)" + dst + ";");
        return;
    }
    // Innermost contiguous run: whole trailing dims, plus the next dim when
    // it steps forward by one.
    size_t n = p.count.size(), loops = n;
    int64_t run = 1;
    while (loops > 0 && wholeDim(p, loops - 1)) run *= p.count[--loops];
    if (loops > 0 && p.step[loops - 1] == 1) run *= p.count[--loops];
    int64_t base = 0;
    for (size_t k = 0; k < n; ++k) base += p.start[k] * p.inStride[k];
    std::string index = std::to_string(base);
    bool anyLoop = false;
    for (size_t k = 0; k < loops; ++k) anyLoop = anyLoop || p.count[k] > 1;
    if (!anyLoop) {  // the whole output is one run
        if (run == 1)
            ctx.line(dst + "[0] = " + src + "[" + index + "];");
        else
            ctx.line("memcpy(" + dst + ", " + src + " + " + index + ", " + std::to_string(run) + " * sizeof(" +
                     ctype + "));");
        return;
    }
    int indent = 1;
    ctx.line(ctype + " *o = " + dst + ";");
    for (size_t k = 0; k < loops; ++k) {
        if (p.count[k] == 1) continue;  // a single index: folded into the base
        std::string v = "i" + std::to_string(k);
        int64_t s = p.step[k] * p.inStride[k];
        ctx.line("for (int32_t " + v + " = 0; " + v + " < " + std::to_string(p.count[k]) + "; ++" + v + ") {",
                 indent++);
        index += s < 0 ? " - " + v + " * " + std::to_string(-s) : " + " + v + " * " + std::to_string(s);
    }
    if (run == 1) {
        ctx.line("*o++ = " + src + "[" + index + "];", indent);
    } else {
        ctx.line("memcpy(o, " + src + " + " + index + ", " + std::to_string(run) + " * sizeof(" + ctype + "));",
                 indent);
        ctx.line("o += " + std::to_string(run) + ";", indent);
    }
    while (indent > 1) ctx.line("}", --indent);
}

}  // namespace

const OpKernel kStridedSlice = {OpType::StridedSlice, prepare, eval, emit, nullptr, "int8, int16, int32, float32"};

}  // namespace ember
