// ONNX shape and data-movement operators: constants (Constant,
// ConstantOfShape, Shape, Size, Range are computed at import), Reshape-like
// ops (→ RESHAPE to the inferred shape), Transpose, Concat, Split, Slice,
// Gather, Pad, Expand, Tile, ArgMax/ArgMin (reductions, Softmax: OnnxOpsReduce.cpp).
#include <cmath>
#include <cstring>
#include <limits>

#include "OnnxContext.h"

namespace ember::onnximp {
namespace {

DType dtypeOfProto(Ctx &c, int32_t t) {
    switch (t) {
        case onnx::TensorProto::FLOAT: return DType::Float32;
        case onnx::TensorProto::INT64: return DType::Int64;
        case onnx::TensorProto::INT32: return DType::Int32;
        case onnx::TensorProto::INT8: return DType::Int8;
        case onnx::TensorProto::UINT8: return DType::UInt8;
        case onnx::TensorProto::INT16: return DType::Int16;
        case onnx::TensorProto::BOOL: return DType::Bool;
        default: c.refuse("unsupported constant type " + std::to_string(t));
    }
}

// Output 0 as a constant of the given type/shape and raw bytes.
void constOut(Ctx &c, DType t, const Shape &s, const std::vector<uint8_t> &bytes) {
    const int i = c.addConst(c.node->output(0), t, s, bytes.data(), bytes.size());
    c.alias(0, i, false);
}
std::vector<uint8_t> int64Bytes(const std::vector<int64_t> &v) {
    std::vector<uint8_t> b(v.size() * 8);
    if (!v.empty()) std::memcpy(b.data(), v.data(), b.size());
    return b;
}

void constant(Ctx &c) {
    if (const auto *a = c.attr("value")) {
        const auto &p = a->t();
        DType dt = dtypeOfProto(c, p.data_type());
        // Re-use the initializer reader through a round trip of the proto.
        Shape s;
        for (int64_t d : p.dims()) s.push_back(int32_t(d));
        std::vector<uint8_t> bytes(size_t(shapeElements(s)) * dtypeSize(dt));
        if (p.has_raw_data()) {
            if (p.raw_data().size() != bytes.size()) c.refuse("the tensor's raw data has the wrong size", "value");
            std::memcpy(bytes.data(), p.raw_data().data(), bytes.size());
        } else {
            const size_t n = bytes.size() / dtypeSize(dt);
            for (size_t i = 0; i < n; ++i) {
                uint8_t *d = bytes.data() + i * dtypeSize(dt);
                if (dt == DType::Float32) {
                    if (int(i) >= p.float_data_size()) c.refuse("too few values", "value");
                    const float f = p.float_data(int(i));
                    std::memcpy(d, &f, 4);
                } else if (dt == DType::Int64) {
                    if (int(i) >= p.int64_data_size()) c.refuse("too few values", "value");
                    const int64_t v = p.int64_data(int(i));
                    std::memcpy(d, &v, 8);
                } else {
                    if (int(i) >= p.int32_data_size()) c.refuse("too few values", "value");
                    const int32_t v = p.int32_data(int(i));
                    std::memcpy(d, &v, dtypeSize(dt));
                }
            }
        }
        return constOut(c, dt, s, bytes);
    }
    if (const auto *a = c.attr("value_float")) {
        const float f = a->f();
        std::vector<uint8_t> b(4);
        std::memcpy(b.data(), &f, 4);
        return constOut(c, DType::Float32, {}, b);
    }
    if (const auto *a = c.attr("value_floats")) {
        std::vector<uint8_t> b(size_t(a->floats_size()) * 4);
        for (int i = 0; i < a->floats_size(); ++i) std::memcpy(b.data() + i * 4, &a->floats().data()[i], 4);
        return constOut(c, DType::Float32, {a->floats_size()}, b);
    }
    if (const auto *a = c.attr("value_int")) return constOut(c, DType::Int64, {}, int64Bytes({a->i()}));
    if (const auto *a = c.attr("value_ints"))
        return constOut(c, DType::Int64, {a->ints_size()}, int64Bytes(c.attrInts("value_ints")));
    c.refuse("only tensor, float(s) and int(s) values are supported (not sparse or string)");
}

void constantOfShape(Ctx &c) {
    const Shape s = c.outShape(0);
    DType dt = DType::Float32;
    std::vector<uint8_t> one(4, 0);
    if (const auto *a = c.attr("value")) {
        dt = dtypeOfProto(c, a->t().data_type());
        one.assign(dtypeSize(dt), 0);
        if (a->t().has_raw_data() && a->t().raw_data().size() == one.size())
            std::memcpy(one.data(), a->t().raw_data().data(), one.size());
        else if (dt == DType::Float32 && a->t().float_data_size()) std::memcpy(one.data(), &a->t().float_data().data()[0], 4);
        else if (dt == DType::Int64 && a->t().int64_data_size()) std::memcpy(one.data(), &a->t().int64_data().data()[0], 8);
        else if (a->t().int32_data_size()) {
            const int32_t v = a->t().int32_data(0);
            std::memcpy(one.data(), &v, one.size());
        }
    }
    std::vector<uint8_t> bytes;
    for (int64_t i = 0; i < shapeElements(s); ++i) bytes.insert(bytes.end(), one.begin(), one.end());
    constOut(c, dt, s, bytes);
}

void shapeOp(Ctx &c) {
    const Shape s = c.inShape(0);
    int64_t r = int64_t(s.size()), start = c.attrInt("start", 0), end = c.attrInt("end", r);
    if (start < 0) start += r;
    if (end < 0) end += r;
    start = std::clamp<int64_t>(start, 0, r), end = std::clamp<int64_t>(end, 0, r);
    std::vector<int64_t> v;
    for (int64_t i = start; i < end; ++i) v.push_back(s[size_t(i)]);
    constOut(c, DType::Int64, {int32_t(v.size())}, int64Bytes(v));
}

// Reshape, Flatten, Squeeze, Unsqueeze: RESHAPE to the inferred output shape.
void reshapeTo(Ctx &c) {
    const Shape os = c.outShape(0);
    c.alias(0, c.reshape(c.in(0), os, c.node->output(0)), false);
}

void transposeOp(Ctx &c) {
    const Shape s = c.inShape(0);
    std::vector<int64_t> p = c.attrInts("perm");
    if (p.empty())
        for (size_t i = s.size(); i-- > 0;) p.push_back(int64_t(i));
    if (p.size() != s.size()) c.refuse("perm has " + std::to_string(p.size()) + " entries for rank " +
                                       std::to_string(s.size()), "perm");
    std::vector<int> perm;
    for (int64_t v : p) perm.push_back(normAxis(c, v, s.size(), "perm"));
    int src;
    if (c.isCL(0) && s.size() >= 3) {
        // Transpose of the channels-last tensor: compose the permutations.
        const std::vector<int> back = fromCL(s.size());
        std::vector<int> q;
        for (int a : perm) q.push_back(back[size_t(a)]);
        perm = q;
        src = c.inCL(0);
    } else {
        src = c.in(0);
    }
    c.alias(0, c.transpose(src, perm, c.node->output(0)), false);
}

void concat(Ctx &c) {
    const Shape os = c.outShape(0);
    const int axis = normAxis(c, c.attrInt("axis", 0), os.size(), "axis");
    bool cl = os.size() >= 3;
    bool anyCL = false;
    for (size_t i = 0; i < c.numInputs(); ++i) {
        if (!c.has(i)) continue;
        if (c.isCL(i)) anyCL = true;
        else if (!c.constIn(i)) cl = false;
    }
    cl = cl && anyCL;
    std::vector<int> ins;
    for (size_t i = 0; i < c.numInputs(); ++i)
        if (c.has(i) && shapeElements(c.inShape(i)) > 0) ins.push_back(cl ? c.inCL(i) : c.in(i));
    int a = axis;
    if (cl) {
        const auto p = toCL(os.size());
        for (size_t k = 0; k < p.size(); ++k)
            if (p[k] == axis) a = int(k);
    }
    const int o = c.out(0, c.outType(0), cl ? permuted(os, toCL(os.size())) : os, cl);
    c.addOp(OpType::Concatenation, ins, {o}).attrs.axis = a;
}

void split(Ctx &c) {
    const Shape s = c.inShape(0);
    const int axis = normAxis(c, c.attrInt("axis", 0), s.size(), "axis");
    const int x = c.in(0);
    std::vector<int32_t> sizes;
    std::vector<int> outs;
    for (size_t j = 0; j < c.numOutputs(); ++j) {
        const Shape os = c.outShape(j);
        sizes.push_back(os[size_t(axis)]);
        outs.push_back(c.out(j, c.outType(j), os));
    }
    const int sz = c.constI32("size_splits", sizes);
    const int32_t av = axis;
    const int at = c.addConst(c.baseName() + "/axis", DType::Int32, {}, &av, 4);
    c.addOp(OpType::SplitV, {x, sz, at}, outs).attrs.numSplits = int(outs.size());
}

void slice(Ctx &c) {
    const Shape s = c.inShape(0);
    const size_t r = s.size();
    std::vector<int64_t> starts, ends, axes, steps;
    if (c.opset < 10) {
        starts = c.attrInts("starts"), ends = c.attrInts("ends"), axes = c.attrInts("axes");
    } else {
        starts = c.constInts(1, "starts"), ends = c.constInts(2, "ends");
        if (c.has(3)) axes = c.constInts(3, "axes");
        if (c.has(4)) steps = c.constInts(4, "steps");
    }
    if (axes.empty())
        for (size_t i = 0; i < starts.size(); ++i) axes.push_back(int64_t(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
        c.refuse("starts, ends, axes and steps must have the same length");
    std::vector<int32_t> b(r, 0), e(s.begin(), s.end()), st(r, 1);
    int endMask = 0;
    for (size_t k = 0; k < starts.size(); ++k) {
        const int a = normAxis(c, axes[k], r, "axes");
        const int64_t d = s[size_t(a)], step = steps[k];
        if (step == 0) c.refuse("a step of 0 is invalid", "steps");
        int64_t b0 = starts[k] < 0 ? starts[k] + d : starts[k];
        int64_t e0 = ends[k] < 0 ? ends[k] + d : ends[k];
        if (step > 0) {
            b0 = std::clamp<int64_t>(b0, 0, d), e0 = std::clamp<int64_t>(e0, 0, d);
        } else {
            b0 = std::clamp<int64_t>(b0, 0, d - 1), e0 = std::clamp<int64_t>(e0, -1, d - 1);
            if (e0 == -1) endMask |= 1 << a;
        }
        b[size_t(a)] = int32_t(b0), e[size_t(a)] = int32_t(e0), st[size_t(a)] = int32_t(step);
    }
    const Shape os = c.outShape(0);
    if (shapeElements(os) == 0) c.refuse("empty slices are not supported");
    const int o = c.out(0, c.outType(0), os);
    Op &op = c.addOp(OpType::StridedSlice, {c.in(0), c.constI32("begin", b), c.constI32("end", e),
                                            c.constI32("strides", st)},
                     {o});
    op.attrs.endMask = endMask;
}

void gather(Ctx &c) {
    const Shape s = c.inShape(0);
    const int axis = normAxis(c, c.attrInt("axis", 0), s.size(), "axis");
    int idx;
    if (const Tensor *k = c.constIn(1)) {
        std::vector<int32_t> v;
        for (int64_t i : intValues(*k)) {
            const int64_t j = i < 0 ? i + s[size_t(axis)] : i;
            if (j < 0 || j >= s[size_t(axis)]) c.refuse("index " + std::to_string(i) + " is out of range");
            v.push_back(int32_t(j));
        }
        idx = c.addConst(c.baseName() + "/indices", DType::Int32, k->shape, v.data(), v.size() * 4);
    } else {
        idx = c.in(1);
    }
    const int o = c.out(0);
    c.addOp(OpType::Gather, {c.in(0), idx}, {o}).attrs.axis = axis;
}

void pad(Ctx &c) {
    const Shape s = c.inShape(0);
    const size_t r = s.size();
    std::string mode = c.attrStr("mode", "constant");
    std::vector<int64_t> pads;
    float value = 0.f;
    std::vector<int64_t> axes;
    if (c.opset < 11) {
        pads = c.attrInts("pads");
        value = c.attrFloat("value", 0.f);
    } else {
        pads = c.constInts(1, "pads");
        if (c.has(2)) value = c.constFloat(2, "constant_value");
        if (c.has(3)) axes = c.constInts(3, "axes");
    }
    if (axes.empty())
        for (size_t i = 0; i < r; ++i) axes.push_back(int64_t(i));
    if (pads.size() != 2 * axes.size()) c.refuse("pads must have 2 values per padded axis", "pads");
    std::vector<int32_t> p(2 * r, 0);
    for (size_t k = 0; k < axes.size(); ++k) {
        const int a = normAxis(c, axes[k], r, "axes");
        if (pads[k] < 0 || pads[k + axes.size()] < 0) c.refuse("negative pads (cropping) are not supported", "pads");
        p[size_t(2 * a)] = int32_t(pads[k]), p[size_t(2 * a + 1)] = int32_t(pads[k + axes.size()]);
    }
    const bool cl = c.isCL(0) && r >= 3;
    const int x = cl ? c.inCL(0) : c.in(0);
    if (cl) {
        std::vector<int32_t> q;
        for (int a : toCL(r)) q.push_back(p[size_t(2 * a)]), q.push_back(p[size_t(2 * a + 1)]);
        p = q;
    }
    const Shape os = c.outShape(0);
    const int pt = c.addConst(c.baseName() + "/paddings", DType::Int32, {int32_t(r), 2}, p.data(), p.size() * 4);
    const int o = c.out(0, c.outType(0), cl ? permuted(os, toCL(r)) : os, cl);
    if (mode == "constant") {
        if (value == 0.f) {
            c.addOp(OpType::Pad, {x, pt}, {o});
        } else {
            if (c.inType(0) != DType::Float32) c.refuse("a non-zero pad value is supported for float32 only");
            c.addOp(OpType::PadV2, {x, pt, c.constF32("value", {}, {value})}, {o});
        }
    } else if (mode == "reflect") {
        c.addOp(OpType::MirrorPad, {x, pt}, {o}).attrs.mirrorMode = 0;
    } else {
        c.refuse("mode '" + mode + "' is not supported (constant and reflect are)", "mode");
    }
}

void expand(Ctx &c) {
    const Shape os = c.outShape(0);
    const int sh = c.constI32("shape", std::vector<int32_t>(os.begin(), os.end()));
    c.addOp(OpType::BroadcastTo, {c.in(0), sh}, {c.out(0)});
}

// Tile, one axis at a time: [P, d*Q] → [P, 1, d*Q] broadcast to [P, r, d*Q].
void tile(Ctx &c) {
    Shape s = c.inShape(0);
    const auto reps = c.constInts(1, "repeats");
    if (reps.size() != s.size()) c.refuse("repeats must have one value per axis");
    int cur = c.in(0);
    const DType dt = c.inType(0);
    size_t last = s.size();
    for (size_t a = 0; a < s.size(); ++a)
        if (reps[a] != 1) last = a;
    if (last == s.size()) {
        c.alias(0, c.reshape(cur, s, c.node->output(0)), false);
        return;
    }
    for (size_t a = 0; a < s.size(); ++a) {
        if (reps[a] == 1) continue;
        if (reps[a] < 1) c.refuse("repeats must be positive");
        int32_t P = 1, Q = 1;
        for (size_t i = 0; i < a; ++i) P *= s[i];
        for (size_t i = a; i < s.size(); ++i) Q *= s[i];
        const std::string n = c.baseName() + "/axis" + std::to_string(a);
        const int r3 = c.reshape(cur, {P, 1, Q}, n + "/in");
        const int32_t R = int32_t(reps[a]);
        const int b = c.temp("axis" + std::to_string(a) + "/bcast", dt, {P, R, Q});
        c.addOp(OpType::BroadcastTo, {r3, c.constI32("axis" + std::to_string(a) + "/shape", {P, R, Q})}, {b});
        s[a] *= R;
        cur = c.reshape(b, s, a == last ? c.node->output(0) : n + "/out");
    }
    c.alias(0, cur, false);
}

// ARG_MAX/ARG_MIN write int32 (as TFLM); ONNX wants int64: a CAST after.
// select_last_index: the same on the input reversed along the axis,
// index = d - 1 - i.
void argMinMax(Ctx &c, OpType t) {
    const Shape s = c.inShape(0);
    const int axis = normAxis(c, c.attrInt("axis", 0), s.size(), "axis");
    Shape red;
    for (size_t i = 0; i < s.size(); ++i)
        if (int(i) != axis) red.push_back(s[i]);
    const int32_t av = axis;
    const int at = c.addConst(c.baseName() + "/axis", DType::Int32, {1}, &av, 4);
    int x = c.in(0);
    const bool last = c.attrInt("select_last_index", 0) != 0;
    if (last) {
        const int rv = c.temp("reversed", c.inType(0), s);
        c.addOp(OpType::ReverseV2, {x, at}, {rv});
        x = rv;
    }
    int idx = c.temp("index", DType::Int32, red);
    c.addOp(t, {x, at}, {idx}).attrs.outType = DType::Int32;
    if (last) {
        const int32_t dm1 = s[size_t(axis)] - 1;
        const int k = c.addConst(c.baseName() + "/last", DType::Int32, {}, &dm1, 4);
        const int flipped = c.temp("index_last", DType::Int32, red);
        c.addOp(OpType::Sub, {k, idx}, {flipped});
        idx = flipped;
    }
    const Shape os = c.outShape(0);
    if (os != red) idx = c.reshape(idx, os, c.baseName() + "/kept");
    c.addOp(OpType::Cast, {idx}, {c.out(0)});
}

void range(Ctx &c) {
    const Tensor *a = c.constIn(0), *l = c.constIn(1), *d = c.constIn(2);
    if (!a || !l || !d) c.refuse("start, limit and delta must be constants");
    const Shape os = c.outShape(0);
    const DType dt = c.outType(0);
    const int64_t n = shapeElements(os);
    std::vector<uint8_t> bytes(size_t(n) * dtypeSize(dt));
    for (int64_t i = 0; i < n; ++i) {
        if (dt == DType::Float32) {
            const float v = floatValues(*a)[0] + float(i) * floatValues(*d)[0];
            std::memcpy(bytes.data() + i * 4, &v, 4);
        } else if (dt == DType::Int64) {
            const int64_t v = intValues(*a)[0] + i * intValues(*d)[0];
            std::memcpy(bytes.data() + i * 8, &v, 8);
        } else if (dt == DType::Int32) {
            const int32_t v = int32_t(intValues(*a)[0] + i * intValues(*d)[0]);
            std::memcpy(bytes.data() + i * 4, &v, 4);
        } else {
            c.refuse("Range supports float32, int32 and int64");
        }
    }
    constOut(c, dt, os, bytes);
}

}  // namespace

void addTensorLowerings(std::map<std::string, Lowering> &m) {
    m["Constant"] = constant;
    m["ConstantOfShape"] = constantOfShape;
    m["Shape"] = shapeOp;
    m["Size"] = [](Ctx &c) { constOut(c, DType::Int64, {}, int64Bytes({shapeElements(c.inShape(0))})); };
    m["Range"] = range;
    for (const char *n : {"Reshape", "Flatten", "Squeeze", "Unsqueeze"}) m[n] = reshapeTo;
    m["Transpose"] = transposeOp;
    m["Concat"] = concat;
    m["Split"] = split;
    m["Slice"] = slice;
    m["Gather"] = gather;
    m["Pad"] = pad;
    m["Expand"] = expand;
    m["Tile"] = tile;
    m["ArgMax"] = [](Ctx &c) { argMinMax(c, OpType::ArgMax); };
    m["ArgMin"] = [](Ctx &c) { argMinMax(c, OpType::ArgMin); };
}

}  // namespace ember::onnximp
