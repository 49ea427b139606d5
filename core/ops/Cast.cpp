// CAST: element-wise C++ static_cast between the types TFLM's cast kernel
// handles (no quantization involved: int8 -> float32 gives the raw integer).
// float -> integer truncates toward zero (out-of-range values are undefined
// in TFLM too); anything -> bool is "!= 0"; bool -> anything is 0 or 1.
#include "DataMovement.h"

namespace ember {
namespace {

using namespace datamove;

// uint32 (both ways): the Signal library's audio front end casts its energies through int32.
// uint8 (both ways, as TFLite's CAST): ONNX's uint8 QuantizeLinear/DequantizeLinear and Cast.
const std::initializer_list<DType> kFrom = {DType::Int8,    DType::Int16, DType::Int32, DType::Float32,
                                            DType::Bool,    DType::UInt32, DType::UInt8};
const std::initializer_list<DType> kTo = {DType::Int8,    DType::Int16,  DType::Int32,
                                          DType::Float32, DType::UInt32, DType::UInt8};

struct Params {
    int64_t elements = 0;
};

bool prepare(Graph &g, Op &op, Diagnostics &d) {
    if (!checkArity(d, g, op, "cast", 1, 1, "data")) return false;
    if (!checkType(d, g, op, "casting from", op.inputs[0], kFrom) ||
        !checkType(d, g, op, "casting to", op.outputs[0], kTo) ||
        !checkOutputShape(d, g, op, op.outputs[0], g.in(op, 0).shape))
        return false;
    op.params = Params{g.out(op).elements()};
    return true;
}

template <class From, class To> void castAll(const uint8_t *src, uint8_t *dst, int64_t n, bool toBool) {
    for (int64_t i = 0; i < n; ++i) {
        From x;
        std::memcpy(&x, src + size_t(i) * sizeof(From), sizeof(From));
        const To y = toBool ? To(x != From(0)) : static_cast<To>(x);
        std::memcpy(dst + size_t(i) * sizeof(To), &y, sizeof(To));
    }
}

template <class From> void castFrom(DType to, const uint8_t *src, uint8_t *dst, int64_t n) {
    switch (to) {
    case DType::Int8: castAll<From, int8_t>(src, dst, n, false); break;
    case DType::UInt8: castAll<From, uint8_t>(src, dst, n, false); break;
    case DType::Int16: castAll<From, int16_t>(src, dst, n, false); break;
    case DType::Int32: castAll<From, int32_t>(src, dst, n, false); break;
    case DType::Int64: castAll<From, int64_t>(src, dst, n, false); break;
    case DType::Float32: castAll<From, float>(src, dst, n, false); break;
    case DType::Bool: castAll<From, uint8_t>(src, dst, n, true); break;
    case DType::UInt32: castAll<From, uint32_t>(src, dst, n, false); break;
    case DType::UInt64: castAll<From, uint64_t>(src, dst, n, false); break;
    }
}

void eval(const Graph &g, const Op &op, Buffers &b) {
    const int64_t n = std::any_cast<const Params &>(op.params).elements;
    const uint8_t *src = b[size_t(op.inputs[0])].data();
    uint8_t *dst = b[size_t(op.outputs[0])].data();
    const DType to = g.out(op).dtype;
    switch (g.in(op, 0).dtype) {
    case DType::Int8: castFrom<int8_t>(to, src, dst, n); break;
    case DType::UInt8: castFrom<uint8_t>(to, src, dst, n); break;
    case DType::Int16: castFrom<int16_t>(to, src, dst, n); break;
    case DType::Int32: castFrom<int32_t>(to, src, dst, n); break;
    case DType::Int64: castFrom<int64_t>(to, src, dst, n); break;
    case DType::Float32: castFrom<float>(to, src, dst, n); break;
    case DType::Bool: castFrom<uint8_t>(to, src, dst, n); break;  // stored as 0/1 bytes
    case DType::UInt32: castFrom<uint32_t>(to, src, dst, n); break;
    case DType::UInt64: castFrom<uint64_t>(to, src, dst, n); break;
    }
}

void emit(const Graph &g, const Op &op, EmitContext &ctx) {
    const int64_t n = std::any_cast<const Params &>(op.params).elements;
    const DType from = g.in(op, 0).dtype, to = g.out(op).dtype;
    ctx.line("/* CAST " + std::string(dtypeName(from)) + " -> " + dtypeName(to) + " " +
             shapeString(g.out(op).shape) + " (C conversion, as TFLM's static_cast) */");
    if (n == 0) {
        ctx.line("(void)" + ctx.inputs[0] + "; (void)" + ctx.outputs[0] + ";");
        return;
    }
    const std::string x = ctx.inputs[0] + "[i]";
    const std::string value =
        to == DType::Bool ? "(uint8_t)(" + x + " != 0)" : "(" + std::string(dtypeCType(to)) + ")" + x;
    ctx.line("for (int32_t i = 0; i < " + cInt(n) + "; ++i) " + ctx.outputs[0] + "[i] = " + value + ";");
}

}  // namespace

extern const OpKernel kCast;
const OpKernel kCast = {OpType::Cast, prepare, eval, emit, nullptr, "between float32, int8, int16, int32, uint8, uint32 (and from bool)"};

}  // namespace ember
