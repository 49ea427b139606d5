// EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, as TFLM's
// comparisons.cc: a bool output, numpy broadcasting up to 4-D.
//  - float32, int32, int64 (and bool for EQUAL/NOT_EQUAL): the stored values
//    are compared directly.
//  - int8 (and int16 for GREATER): both inputs are brought to a common real
//    scale first, ((q - zero point) << 8) * scale as a Q31 multiplier below
//    one (MultiplyByQuantizedMultiplierSmallerThanOneExp), then compared as
//    int32. So every input scale must be below 1, as TFLM checks.
//  - int16 (GREATER only): TFLM's Eval takes the scaling path, but its
//    Prepare derives the rescaling for int8 only, so the parameters stay
//    zero: every element rescales to 0 and GREATER yields false throughout.
//    Ember reproduces that (bit-exact) and warns.
// Which types each comparison takes follows TFLM's Eval switch exactly.
#include "Common.h"
#include "Elementwise.h"

namespace ember {
namespace {

enum Kind { kEq, kNe, kGt, kGe, kLt, kLe };

constexpr int kLeftShift = 8;  // comparisons.cc kLeftShift

struct Params {
    Broadcast bc;
    DType dtype = DType::Float32;
    bool quantized = false;
    int leftShift = 0;
    ew::Rescale r1, r2;  // all zero for int16 (see the top)
};

const char *kindName(Kind k) {
    static const char *names[] = {"equal", "not_equal", "greater", "greater_equal", "less", "less_equal"};
    return names[k];
}

const char *cOperator(Kind k) {
    static const char *ops[] = {" == ", " != ", " > ", " >= ", " < ", " <= "};
    return ops[k];
}

template <class T> bool compare(Kind k, T x, T y) {
    switch (k) {
    case kEq: return x == y;
    case kNe: return x != y;
    case kGt: return x > y;
    case kGe: return x >= y;
    case kLt: return x < y;
    case kLe: return x <= y;
    }
    return false;
}

std::vector<DType> typesOf(Kind k) {
    std::vector<DType> t = {DType::Float32, DType::Int8, DType::Int32, DType::Int64};
    if (k == kEq || k == kNe) t.push_back(DType::Bool);
    if (k == kGt) t.push_back(DType::Int16);
    return t;
}

template <Kind K> bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{kindName(K), typesOf(K), true, 6};
    Params p;
    if (!ew::prepareBinary(g, op, d, spec, &p.bc)) return false;
    p.dtype = g.in(op, 0).dtype;
    p.quantized = p.dtype == DType::Int8 || p.dtype == DType::Int16;
    if (p.dtype == DType::Int16) {
        Diagnostic &w = d.warning(spec.name +
                                  " of int16: TFLM never sets up the input rescaling for int16, so every element "
                                  "compares 0 with 0 and the result is all false; Ember does the same");
        w.opIndex = op.index;
        w.opName = op.typeName;
    } else if (p.quantized) {
        p.leftShift = kLeftShift;
        for (int i = 0; i < 2; ++i) {
            const Tensor &t = g.in(op, size_t(i));
            if (!hasPerTensorQuant(t) || t.quant.sc() >= 1.f)
                return opError(d, g, op,
                               spec.name + " of quantized inputs needs one scale per tensor below 1 (TFLM rescales "
                                           "each input by it); re-quantize the model",
                               op.inputs[size_t(i)]);
        }
        p.r1 = ew::rescaleFor(double(g.in(op, 0).quant.sc()), g.in(op, 0).quant.zp());
        p.r2 = ew::rescaleFor(double(g.in(op, 1).quant.sc()), g.in(op, 1).quant.zp());
    }
    op.params = p;
    return true;
}

template <Kind K> void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ew::withType(p.dtype, [&](auto t) {
        using T = decltype(t);
        ew::evalBinary<T, uint8_t>(p.bc, op, b, [&](T x, T y) -> uint8_t {
            if (p.quantized)
                return compare(K, ew::applyRescale(p.r1, p.leftShift, int32_t(x)),
                               ew::applyRescale(p.r2, p.leftShift, int32_t(y)));
            return compare(K, x, y);
        });
    });
}

template <Kind K> void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line(ew::describeBinary(g, op, p.bc, p.quantized ? ", inputs rescaled to a common scale" : ""));
    if (p.quantized) ew::useRescaleHelpers(ctx);
    ew::emitBinaryLoops(p.bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        if (!p.quantized) {
            ctx.line(out + " = (uint8_t)(" + a + cOperator(K) + b + ");", ind);
            return;
        }
        ctx.line("int32_t x = " + ew::rescaleC(p.r1, p.leftShift, a) + ";", ind);
        ctx.line("int32_t y = " + ew::rescaleC(p.r2, p.leftShift, b) + ";", ind);
        ctx.line(out + " = (uint8_t)(x" + cOperator(K) + "y);", ind);
    });
}

template <Kind K> constexpr OpKernel kernel(OpType type, const char *dtypes) {
    return {type, prepare<K>, eval<K>, emit<K>, nullptr, dtypes};
}

}  // namespace

extern const OpKernel kEqual, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual;
const OpKernel kEqual = kernel<kEq>(OpType::Equal, "float32, int8, int32, int64, bool");
const OpKernel kNotEqual = kernel<kNe>(OpType::NotEqual, "float32, int8, int32, int64, bool");
const OpKernel kGreater = kernel<kGt>(OpType::Greater, "float32, int8, int16, int32, int64");
const OpKernel kGreaterEqual = kernel<kGe>(OpType::GreaterEqual, "float32, int8, int32, int64");
const OpKernel kLess = kernel<kLt>(OpType::Less, "float32, int8, int32, int64");
const OpKernel kLessEqual = kernel<kLe>(OpType::LessEqual, "float32, int8, int32, int64");

}  // namespace ember
