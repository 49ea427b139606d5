// MAXIMUM / MINIMUM, as TFLM's maximum_minimum.cc: the raw stored values are
// compared (`a > b ? a : b`, `a < b ? a : b`, NaN handling included) for
// float32, int8, int16, int32 and int64, broadcasting up to 5-D. TFLM has no
// Prepare for these ops and never looks at quantization, so quantized inputs
// with different scales or zero points than the output are compared and
// copied as they are; Ember does the same and warns, since the result only
// means something when all three tensors share their quantization.
#include "Elementwise.h"

namespace ember {
namespace {

struct Params {
    Broadcast bc;
    DType dtype = DType::Float32;
};

template <bool kMax> bool prepare(Graph &g, Op &op, Diagnostics &d) {
    const ew::BinarySpec spec{kMax ? "maximum" : "minimum",
                              {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64},
                              false,
                              6};
    Params p;
    if (!ew::prepareBinary(g, op, d, spec, &p.bc)) return false;
    p.dtype = g.out(op).dtype;
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    auto sameQuant = [](const Tensor &x, const Tensor &y) {
        return x.quant.sc() == y.quant.sc() && x.quant.zp() == y.quant.zp();
    };
    if ((p.dtype == DType::Int8 || p.dtype == DType::Int16) && (!sameQuant(a, o) || !sameQuant(b, o))) {
        Diagnostic &w = d.warning(spec.name +
                                  ": the inputs and the output are quantized differently; like TFLM, the stored "
                                  "values are compared without rescaling");
        w.opIndex = op.index;
        w.opName = op.typeName;
    }
    op.params = p;
    return true;
}

template <bool kMax> void eval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ew::withType(p.dtype, [&](auto t) {
        using T = decltype(t);
        ew::evalBinary<T, T>(p.bc, op, b, [](T x, T y) { return kMax ? (x > y ? x : y) : (x < y ? x : y); });
    });
}

template <bool kMax> void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line(ew::describeBinary(g, op, p.bc));
    const char *cmp = kMax ? " > " : " < ";
    ew::emitBinaryLoops(p.bc, ctx, [&](const std::string &a, const std::string &b, const std::string &out, int ind) {
        ctx.line(out + " = " + a + cmp + b + " ? " + a + " : " + b + ";", ind);
    });
}

}  // namespace

extern const OpKernel kMaximum, kMinimum;
const OpKernel kMaximum = {OpType::Maximum, prepare<true>, eval<true>, emit<true>, nullptr, "float32, int8, int16, int32, int64"};
const OpKernel kMinimum = {OpType::Minimum, prepare<false>, eval<false>, emit<false>, nullptr, "float32, int8, int16, int32, int64"};

}  // namespace ember
