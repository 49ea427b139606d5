// Elementwise ADD / SUB / MUL, bit-exact with TFLite Micro's reference
// kernels:
//  - ADD/SUB int8 and int16 (general-scale path): both inputs are shifted
//    left (20 bits for int8, 15 for int16), rescaled to twice the larger
//    input scale, added/subtracted, rescaled to the output, clamped
//    (reference_ops::AddElementwise / SubElementwise, add_common.cc,
//    sub_common.cc). ADD derives its multipliers in double, SUB in float,
//    exactly as the two TFLM Prepare functions do.
//  - MUL int8/int16: (a - za) * (b - zb) * s1*s2/so + zo (integer_ops/mul.h).
//    The generated C for int8 (not --optimize size, not Helium) reads each
//    input's rescaled value from a 256-entry table computed at compile time
//    with the reference's own arithmetic (it depends on the input byte
//    only) and requantizes the sum with one 64-bit multiply-add where the
//    single-rounding form applies (ConvFast.h): about a third of the
//    instructions of three MultiplyByQuantizedMultiplier calls, 2 KB of
//    flash per layer.
//  - float32: plain a+b / a-b / a*b clamped to the fused activation.
//  - int32 (unquantized, e.g. audio front ends): a+b / a-b / a*b in int32
//    (wrapping, as TFLM's reference kernels do on every target); SUB and MUL
//    clamp to the fused activation's integer range, ADD ignores it (as TFLM).
// Broadcasting follows numpy rules (see Broadcast.h).
#include "BinaryOp.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>

#include "Broadcast.h"
#include "Common.h"
#include "ConvFast.h"
#include "OpError.h"
#include "Target.h"

namespace ember {
namespace {

struct Params {
    Broadcast bc;
    DType dtype = DType::Float32;
    // Quantized ADD/SUB (TFLM ArithmeticParams).
    int leftShift = 0;
    int32_t in1Offset = 0, in2Offset = 0, outOffset = 0;
    int32_t in1Mult = 0, in2Mult = 0, outMult = 0;
    int in1Shift = 0, in2Shift = 0, outShift = 0;
    int32_t actMin = 0, actMax = 0;
    float fMin = 0.f, fMax = 0.f;
};

const char *kindName(BinaryKind k) {
    switch (k) {
    case BinaryKind::Add: return "add";
    case BinaryKind::Sub: return "sub";
    case BinaryKind::Mul: return "mul";
    }
    return "?";
}

// ADD: the double-precision derivation of add_common.cc.
void addMultipliers(const Tensor &a, const Tensor &b, const Tensor &o, Params *p, double *outReal) {
    const double twiceMax = 2 * double(std::max(a.quant.sc(), b.quant.sc()));
    const double r1 = double(a.quant.sc()) / twiceMax;
    const double r2 = double(b.quant.sc()) / twiceMax;
    *outReal = twiceMax / (double(1 << p->leftShift) * double(o.quant.sc()));
    quantizeMultiplierSmallerThanOneExp(r1, &p->in1Mult, &p->in1Shift);
    quantizeMultiplierSmallerThanOneExp(r2, &p->in2Mult, &p->in2Shift);
    quantizeMultiplierSmallerThanOneExp(*outReal, &p->outMult, &p->outShift);
}

// SUB: sub_common.cc computes the same ratios in single precision.
void subMultipliers(const Tensor &a, const Tensor &b, const Tensor &o, Params *p, double *outReal) {
    const float twiceMax = 2 * std::max(a.quant.sc(), b.quant.sc());
    const double r1 = double(a.quant.sc() / twiceMax);
    const double r2 = double(b.quant.sc() / twiceMax);
    *outReal = double(twiceMax / (float(1 << p->leftShift) * o.quant.sc()));
    quantizeMultiplierSmallerThanOneExp(r1, &p->in1Mult, &p->in1Shift);
    quantizeMultiplierSmallerThanOneExp(r2, &p->in2Mult, &p->in2Shift);
    quantizeMultiplierSmallerThanOneExp(*outReal, &p->outMult, &p->outShift);
}

bool prepareQuantized(BinaryKind kind, const Graph &g, const Op &op, Diagnostics &d, Params *p) {
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    const int ids[3] = {op.inputs[0], op.inputs[1], op.outputs[0]};
    for (int id : ids) {
        const Tensor &t = g.tensors[size_t(id)];
        if (!hasPerTensorQuant(t))
            return opError(d, g, op,
                           "quantized " + std::string(kindName(kind)) +
                               " needs one positive scale per tensor; re-quantize the model per tensor",
                           id);
        if (t.dtype == DType::Int16 && t.quant.zp() != 0)
            return opError(d, g, op, "int16 tensors must have zero point 0 (symmetric int16x8 quantization)", id);
    }
    p->in1Offset = -a.quant.zp();
    p->in2Offset = -b.quant.zp();
    p->outOffset = o.quant.zp();
    if (kind == BinaryKind::Mul) {
        const double real = double(a.quant.sc()) * double(b.quant.sc()) / double(o.quant.sc());
        quantizeMultiplier(real, &p->outMult, &p->outShift);
    } else {
        p->leftShift = o.dtype == DType::Int16 ? 15 : 20;
        double outReal = 0;
        if (kind == BinaryKind::Add)
            addMultipliers(a, b, o, p, &outReal);
        else
            subMultipliers(a, b, o, p, &outReal);
        if (outReal >= 1.0)
            return opError(d, g, op,
                           "the output scale is too small for the input scales (rescale factor >= 1); "
                           "re-quantize the model",
                           op.outputs[0]);
    }
    if (!activationRangeQuantized(op.attrs.activation, o, &p->actMin, &p->actMax))
        return opError(d, g, op,
                       std::string("fused activation ") + activationName(op.attrs.activation) +
                           " is not supported on a quantized " + kindName(kind) +
                           "; use NONE, RELU, RELU6 or RELU_N1_TO_1");
    return true;
}

// --- reference arithmetic -------------------------------------------------

int32_t addSubElement(BinaryKind kind, const Params &p, int32_t x1, int32_t x2) {
    const int32_t s1 = multiplyByQuantizedMultiplierSmallerThanOneExp((x1 + p.in1Offset) * (1 << p.leftShift),
                                                                     p.in1Mult, p.in1Shift);
    const int32_t s2 = multiplyByQuantizedMultiplierSmallerThanOneExp((x2 + p.in2Offset) * (1 << p.leftShift),
                                                                     p.in2Mult, p.in2Shift);
    const int32_t raw = kind == BinaryKind::Add ? s1 + s2 : s1 - s2;
    const int32_t r = multiplyByQuantizedMultiplierSmallerThanOneExp(raw, p.outMult, p.outShift) + p.outOffset;
    return std::min(p.actMax, std::max(p.actMin, r));
}

int32_t mulElement(const Params &p, int32_t x1, int32_t x2) {
    const int32_t r =
        p.outOffset + multiplyByQuantizedMultiplier((x1 + p.in1Offset) * (x2 + p.in2Offset), p.outMult, p.outShift);
    return std::min(p.actMax, std::max(p.actMin, r));
}

template <class T> void evalQuantized(BinaryKind kind, const Params &p, const T *a, const T *b, T *out) {
    p.bc.forEach([&](int64_t o, int64_t i1, int64_t i2) {
        out[o] = T(kind == BinaryKind::Mul ? mulElement(p, a[i1], b[i2]) : addSubElement(kind, p, a[i1], b[i2]));
    });
}

// Wrapping int32 arithmetic (the C++ reference's int32 result on two's
// complement targets), without signed-overflow undefined behaviour.
int32_t wrap32(BinaryKind kind, int32_t x, int32_t y) {
    const uint32_t a = uint32_t(x), b = uint32_t(y);
    const uint32_t r = kind == BinaryKind::Add ? a + b : kind == BinaryKind::Sub ? a - b : a * b;
    int32_t v;
    std::memcpy(&v, &r, 4);
    return v;
}

void evalInt32(BinaryKind kind, const Params &p, const int32_t *a, const int32_t *b, int32_t *out) {
    p.bc.forEach([&](int64_t o, int64_t i1, int64_t i2) {
        out[o] = std::min(p.actMax, std::max(p.actMin, wrap32(kind, a[i1], b[i2])));
    });
}

void evalFloat(BinaryKind kind, const Params &p, const float *a, const float *b, float *out) {
    p.bc.forEach([&](int64_t o, int64_t i1, int64_t i2) {
        float v = kind == BinaryKind::Add ? a[i1] + b[i2] : kind == BinaryKind::Sub ? a[i1] - b[i2] : a[i1] * b[i2];
        out[o] = std::min(std::max(v, p.fMin), p.fMax);
    });
}

// --- C emission -----------------------------------------------------------

std::string plus(const std::string &e, int64_t k) {
    if (k == 0) return e;
    return k > 0 ? e + " + " + cInt(k) : e + " - " + cInt(-k);
}

// int8 ADD/SUB through tables: each input byte's rescaled value
// (the reference's s1/s2 for that byte), by symbol; empty when not used.
struct AddTables {
    std::string t0, t1;
    bool single = false;  // the output stage in the single-rounding form
    SingleRounding rq;
};

AddTables addTables(BinaryKind kind, const Params &p, EmitContext &ctx) {
    AddTables t;
    if (p.dtype != DType::Int8 || kind == BinaryKind::Mul || optimizeForSize(emitOptimizeMode())) return t;
    // Indexed by the byte as uint8_t (a zero-extending load, no offset).
    std::vector<int32_t> v0(256), v1(256);
    for (int u = 0; u < 256; ++u) {
        const int x = u < 128 ? u : u - 256;
        v0[size_t(u)] =
            multiplyByQuantizedMultiplierSmallerThanOneExp((x + p.in1Offset) * (1 << p.leftShift), p.in1Mult, p.in1Shift);
        v1[size_t(u)] =
            multiplyByQuantizedMultiplierSmallerThanOneExp((x + p.in2Offset) * (1 << p.leftShift), p.in2Mult, p.in2Shift);
    }
    t.t0 = ctx.constantI32("in0_scaled", v0, "(uint8_t)input 0 byte -> its rescaled value (reference arithmetic)");
    t.t1 = ctx.constantI32("in1_scaled", v1, "(uint8_t)input 1 byte -> its rescaled value (reference arithmetic)");
    t.single = singleRoundingFor(p.outMult, p.outShift, p.outOffset, &t.rq);
    return t;
}

void emitQuantizedBody(BinaryKind kind, const Params &p, const AddTables &tab, EmitContext &ctx, const std::string &o,
                       const std::string &a, const std::string &b, int ind) {
    const std::string in0 = ctx.inputs[0], in1 = ctx.inputs[1], out = ctx.outputs[0];
    const std::string ct = dtypeCType(p.dtype);
    if (!tab.t0.empty()) {
        const char *opc = kind == BinaryKind::Add ? " + " : " - ";
        ctx.line("const int32_t s = " + tab.t0 + "[(uint8_t)" + in0 + "[" + a + "]]" + opc + tab.t1 + "[(uint8_t)" + in1 +
                     "[" + b + "]];",
                 ind);
        if (tab.single) {
            ctx.line("const int64_t t = (int64_t)s * " + cInt(tab.rq.multiplier) + " + " +
                         std::to_string(tab.rq.round) + "LL - ((int64_t)(s < 0) << 31);",
                     ind);
            ctx.line("int32_t r = (int32_t)(t >> 32) >> " + std::to_string(tab.rq.shift) + ";", ind);
        } else {
            ctx.line("int32_t r = " +
                         plus("ember_mbqm(s, " + cInt(p.outMult) + ", " + std::to_string(p.outShift) + ")",
                              p.outOffset) +
                         ";",
                     ind);
        }
        if (p.actMax == 127) {  // SSAT, then the activation's floor if above -128
            useHelper(ctx, "ember_sat8");
            ctx.line(p.actMin > -128 ? "r = ember_sat8(r);" : out + "[" + o + "] = (int8_t)ember_sat8(r);", ind);
            if (p.actMin > -128)
                ctx.line(out + "[" + o + "] = (int8_t)(r < " + cInt(p.actMin) + " ? " + cInt(p.actMin) + " : r);", ind);
            return;
        }
    } else if (kind == BinaryKind::Mul) {
        ctx.line("int32_t x = " + plus("(int32_t)" + in0 + "[" + a + "]", p.in1Offset) + ";", ind);
        ctx.line("int32_t y = " + plus("(int32_t)" + in1 + "[" + b + "]", p.in2Offset) + ";", ind);
        ctx.line("int32_t r = " +
                     plus("ember_mbqm(x * y, " + cInt(p.outMult) + ", " + std::to_string(p.outShift) + ")",
                          p.outOffset) +
                     ";",
                 ind);
    } else {
        const std::string scale = std::to_string(1 << p.leftShift);
        ctx.line("int32_t x = ember_mbqm((" + plus("(int32_t)" + in0 + "[" + a + "]", p.in1Offset) + ") * " + scale +
                     ", " + cInt(p.in1Mult) + ", " + std::to_string(p.in1Shift) + ");",
                 ind);
        ctx.line("int32_t y = ember_mbqm((" + plus("(int32_t)" + in1 + "[" + b + "]", p.in2Offset) + ") * " + scale +
                     ", " + cInt(p.in2Mult) + ", " + std::to_string(p.in2Shift) + ");",
                 ind);
        const char *opc = kind == BinaryKind::Add ? " + " : " - ";
        ctx.line("int32_t r = " +
                     plus("ember_mbqm(x" + std::string(opc) + "y, " + cInt(p.outMult) + ", " +
                              std::to_string(p.outShift) + ")",
                          p.outOffset) +
                     ";",
                 ind);
    }
    ctx.line(out + "[" + o + "] = (" + ct + ")ember_clamp(r, " + cInt(p.actMin) + ", " + cInt(p.actMax) + ");", ind);
}

void emitFloatBody(BinaryKind kind, const Params &p, EmitContext &ctx, const std::string &o, const std::string &a,
                   const std::string &b, int ind) {
    const char *opc = kind == BinaryKind::Add ? " + " : kind == BinaryKind::Sub ? " - " : " * ";
    ctx.line("float v = " + ctx.inputs[0] + "[" + a + "]" + opc + ctx.inputs[1] + "[" + b + "];", ind);
    // Same clamp as TFLite's ActivationFunctionWithMinMax (also maps +-inf
    // to +-FLT_MAX when there is no activation, as TFLite does).
    ctx.line("v = v < " + cFloat(p.fMin) + " ? " + cFloat(p.fMin) + " : v;", ind);
    ctx.line(ctx.outputs[0] + "[" + o + "] = v > " + cFloat(p.fMax) + " ? " + cFloat(p.fMax) + " : v;", ind);
}

void emitInt32Body(BinaryKind kind, const Params &p, EmitContext &ctx, const std::string &o, const std::string &a,
                   const std::string &b, int ind) {
    const char *opc = kind == BinaryKind::Add ? " + " : kind == BinaryKind::Sub ? " - " : " * ";
    // In uint32_t: wraps like the reference instead of overflowing.
    ctx.line("int32_t v = (int32_t)((uint32_t)" + ctx.inputs[0] + "[" + a + "]" + opc + "(uint32_t)" + ctx.inputs[1] +
                 "[" + b + "]);",
             ind);
    if (p.actMin == INT32_MIN && p.actMax == INT32_MAX)
        ctx.line(ctx.outputs[0] + "[" + o + "] = v;", ind);
    else
        ctx.line(ctx.outputs[0] + "[" + o + "] = ember_clamp(v, " + cInt(p.actMin) + ", " + cInt(p.actMax) + ");", ind);
}

// Helium int8 ADD/SUB through the tables: per 4 elements two byte loads
// (zero-extended: the table index), two gathers, the sum's requantization
// (VQRDMULH, then the rounding right shift with ties away from zero as in
// ember_mve_requant), offset, clamp, store. Opens "#if EMBER_MVE" and ends
// with "#else" (the caller closes it).
void emitMveTables(BinaryKind kind, const Params &p, const AddTables &tab, int64_t count, EmitContext &ctx) {
    // Walking pointers: GCC then uses post-incrementing loads and stores.
    const auto step = [&](const std::string &pred, int ind) {
        const auto index = [&](const std::string &in) {
            return pred.empty() ? "vldrbq_u32(" + in + ")" : "vldrbq_z_u32(" + in + ", " + pred + ")";
        };
        // Inactive lanes load index 0: the gathers stay inside the tables.
        ctx.line("int32x4_t s = vldrwq_gather_shifted_offset_s32(" + tab.t0 + ", " + index("a") + ");", ind);
        ctx.line(std::string("s = ") + (kind == BinaryKind::Add ? "vaddq_s32" : "vsubq_s32") +
                     "(s, vldrwq_gather_shifted_offset_s32(" + tab.t1 + ", " + index("b") + "));",
                 ind);
        if (p.outShift > 0) ctx.line("s = vshlq_n_s32(s, " + std::to_string(p.outShift) + ");", ind);
        ctx.line("s = vqrdmulhq_n_s32(s, " + cInt(p.outMult) + ");", ind);
        if (p.outShift < 0) {
            ctx.line("s = vqaddq_s32(s, vshrq_n_s32(s, 31)); /* ties away from zero */", ind);
            ctx.line("s = vrshrq_n_s32(s, " + std::to_string(-p.outShift) + ");", ind);
        }
        if (p.outOffset) ctx.line("s = vaddq_n_s32(s, " + cInt(p.outOffset) + ");", ind);
        ctx.line("s = vminq_s32(vmaxq_s32(s, vdupq_n_s32(" + cInt(p.actMin) + ")), vdupq_n_s32(" + cInt(p.actMax) + "));",
                 ind);
        ctx.line(pred.empty() ? "vstrbq_s32(y, s);" : "vstrbq_p_s32(y, s, " + pred + ");", ind);
    };
    const int64_t whole = count / 4;
    ctx.line("#if EMBER_MVE", 0);
    ctx.line("const uint8_t *a = (const uint8_t *)" + ctx.inputs[0] + ", *b = (const uint8_t *)" + ctx.inputs[1] + ";");
    ctx.line("int8_t *y = " + ctx.outputs[0] + ";");
    if (whole) {
        ctx.line("for (int32_t i = 0; i < " + std::to_string(whole) + "; ++i) {");
        step("", 2);
        ctx.line("a += 4, b += 4, y += 4;", 2);
        ctx.line("}");
    }
    if (count % 4) {
        ctx.line("{");
        ctx.line("const mve_pred16_t pr = vctp32q(" + std::to_string(count % 4) + ");", 2);
        step("pr", 2);
        ctx.line("}");
    }
    ctx.line("#else", 0);
}

std::string describe(BinaryKind kind, const Graph &g, const Op &op, const Params &p) {
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    std::string s = "/* " + std::string(opTypeName(op.type)) + " " + dtypeName(p.dtype) + ": " + shapeString(a.shape) +
                    (kind == BinaryKind::Add ? " + " : kind == BinaryKind::Sub ? " - " : " * ") +
                    shapeString(b.shape) + " -> " + shapeString(o.shape);
    s += p.bc.sameShape ? ", same shapes" : ", broadcast";
    if (p.dtype != DType::Float32 && p.dtype != DType::Int32) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "; scales %g, %g -> %g, zero points %d, %d -> %d", double(a.quant.sc()),
                      double(b.quant.sc()), double(o.quant.sc()), a.quant.zp(), b.quant.zp(), o.quant.zp());
        s += buf;
    }
    s += std::string(", activation ") + activationName(op.attrs.activation) + " */";
    return s;
}

// --dim: loops to run-time extents. The plan in p.bc merged axes for fixed
// shapes; here every output axis above 1 gets its own loop, and each input's
// strides are products of its own extents (dynamic ones included), 0 where
// it is broadcast. Same shapes on both inputs keep one flat loop.
void emitDynamicLoops(const Graph &g, const Op &op, EmitContext &ctx, const Broadcast::Body &body) {
    const Shape &os = g.out(op).shape;
    const Shape *in[2] = {&g.in(op, 0).shape, &g.in(op, 1).shape};
    if (*in[0] == *in[1] && ctx.inputDims.size() > 1 && ctx.inputDims[0] == ctx.inputDims[1]) {
        ctx.line("for (int32_t i = 0; i < " + ctx.outputCount(0, os) + "; ++i) {");
        body("i", "i", "i", 2);
        ctx.line("}");
        return;
    }
    std::string index[3];  // output, input 0, input 1
    int depth = 0;
    for (size_t k = 0; k < os.size(); ++k) {
        const std::string extent = ctx.outputDims.empty() || ctx.outputDims[0].empty() || ctx.outputDims[0][k].empty()
                                       ? std::to_string(os[k])
                                       : ctx.outputDims[0][k];
        if (extent == "1") continue;
        const std::string i = "i" + std::to_string(k);
        ctx.line("for (int32_t " + i + " = 0; " + i + " < " + extent + "; ++" + i + ") {", ++depth);
        auto add = [&](std::string &e, const std::string &stride) {
            if (stride == "0") return;
            e += (e.empty() ? "" : " + ") + i + (stride == "1" ? "" : " * " + stride);
        };
        add(index[0], ctx.outputCount(0, os, k + 1));
        for (size_t x = 0; x < 2; ++x) {
            const size_t r = in[x]->size();
            if (k + r < os.size()) continue;  // the input has no such axis
            const size_t ax = k + r - os.size();
            const bool broadcast = (*in[x])[ax] == 1 && ctx.inputExtent(x, *in[x], ax) == "1";
            if (!broadcast) add(index[x + 1], ctx.inputCount(x, *in[x], ax + 1));
        }
    }
    for (std::string &e : index)
        if (e.empty()) e = "0";
    body(index[0], index[1], index[2], depth + 1);
    while (depth > 0) ctx.line("}", depth--);
}

}  // namespace

bool prepareBinary(BinaryKind kind, Graph &g, Op &op, Diagnostics &d) {
    const std::string name = kindName(kind);
    if (op.inputs.size() != 2 || op.outputs.size() != 1 || !g.hasInput(op, 0) || !g.hasInput(op, 1) ||
        op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 2 inputs and 1 output");
    const Tensor &a = g.in(op, 0), &b = g.in(op, 1), &o = g.out(op);
    if (a.dtype != b.dtype || a.dtype != o.dtype)
        return opError(d, g, op,
                       name + " needs the same type on both inputs and the output (got " + dtypeName(a.dtype) + ", " +
                           dtypeName(b.dtype) + " -> " + dtypeName(o.dtype) + ")",
                       op.outputs[0]);
    if (o.dtype != DType::Float32 && o.dtype != DType::Int8 && o.dtype != DType::Int16 && o.dtype != DType::Int32)
        return opError(d, g, op,
                       name + " supports float32, int8, int16 and int32, not " + std::string(dtypeName(o.dtype)),
                       op.outputs[0]);
    if (a.shape.size() > 6 || b.shape.size() > 6)
        return opError(d, g, op, name + " supports at most 6 dimensions");
    Shape out;
    if (!Broadcast::outputShape(a.shape, b.shape, &out))
        return opError(d, g, op,
                       "input shapes " + shapeString(a.shape) + " and " + shapeString(b.shape) +
                           " cannot be broadcast together (each dimension must match or be 1)");
    if (!checkOutputShape(d, g, op, op.outputs[0], out)) return false;

    Params p;
    p.dtype = o.dtype;
    p.bc = Broadcast::plan(a.shape, b.shape);
    if (o.dtype == DType::Float32) {
        if (op.attrs.activation == Activation::Tanh || op.attrs.activation == Activation::SignBit)
            return opError(d, g, op,
                           std::string("fused activation ") + activationName(op.attrs.activation) +
                               " is not supported; use NONE, RELU, RELU6 or RELU_N1_TO_1");
        activationRangeFloat(op.attrs.activation, &p.fMin, &p.fMax);
    } else if (o.dtype == DType::Int32) {
        // TFLM's CalculateActivationRange<int32_t>: the scale plays no part.
        // TFLM's int32 ADD ignores the fused activation (SUB and MUL apply it).
        p.actMin = INT32_MIN, p.actMax = INT32_MAX;
        switch (kind == BinaryKind::Add ? Activation::None : op.attrs.activation) {
        case Activation::None: break;
        case Activation::Relu: p.actMin = 0; break;
        case Activation::Relu6: p.actMin = 0, p.actMax = 6; break;
        case Activation::ReluN1To1: p.actMin = -1, p.actMax = 1; break;
        default:
            return opError(d, g, op,
                           std::string("fused activation ") + activationName(op.attrs.activation) +
                               " is not supported on int32; use NONE, RELU, RELU6 or RELU_N1_TO_1");
        }
    } else if (!prepareQuantized(kind, g, op, d, &p)) {
        return false;
    }
    op.params = p;
    return true;
}

void evalBinary(BinaryKind kind, const Graph &g, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const Params &>(op.params);
    const uint8_t *x = b[size_t(op.inputs[0])].data(), *y = b[size_t(op.inputs[1])].data();
    uint8_t *out = b[size_t(op.outputs[0])].data();
    (void)g;
    switch (p.dtype) {
    case DType::Int8:
        evalQuantized(kind, p, reinterpret_cast<const int8_t *>(x), reinterpret_cast<const int8_t *>(y),
                      reinterpret_cast<int8_t *>(out));
        break;
    case DType::Int16:
        evalQuantized(kind, p, reinterpret_cast<const int16_t *>(x), reinterpret_cast<const int16_t *>(y),
                      reinterpret_cast<int16_t *>(out));
        break;
    case DType::Int32:
        evalInt32(kind, p, reinterpret_cast<const int32_t *>(x), reinterpret_cast<const int32_t *>(y),
                  reinterpret_cast<int32_t *>(out));
        break;
    default:
        evalFloat(kind, p, reinterpret_cast<const float *>(x), reinterpret_cast<const float *>(y),
                  reinterpret_cast<float *>(out));
        break;
    }
}

void emitBinary(BinaryKind kind, const Graph &g, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const Params &>(op.params);
    ctx.line(describe(kind, g, op, p));
    // Helium: int8 ADD/SUB of same-shape inputs, 4 elements per step (the
    // same TFLM arithmetic: VQRDMULH + rounding shifts, see ember_mve_requant).
    // With the tables (not --optimize size) each input's rescaled value is a
    // gather load from its table, indexed by the byte, and only the sum is
    // requantized.
    const bool mveShape = targetHasMve(ctx.target) && p.dtype == DType::Int8 && kind != BinaryKind::Mul &&
                          p.bc.sameShape && !ctx.outputDynamic(0);
    const AddTables tab = addTables(kind, p, ctx);
    const bool mveTables = mveShape && !tab.t0.empty() && p.outShift < 32;
    const bool mve = mveTables || (mveShape && p.leftShift >= 0 && p.leftShift < 32 && p.in1Shift <= 0 &&
                                   p.in2Shift <= 0 && p.outShift <= 0);
    // Only the helpers the body calls (clang warns about unused ones).
    const bool tables = !tab.t0.empty();
    if ((p.dtype == DType::Int8 || p.dtype == DType::Int16) && !(tables && tab.single)) useHelper(ctx, "ember_mbqm");
    if (p.dtype != DType::Float32 && !(tables && p.actMax == 127)) useHelper(ctx, "ember_clamp");
    const Broadcast::Body body = [&](const std::string &o, const std::string &a, const std::string &b, int ind) {
        if (p.dtype == DType::Float32)
            emitFloatBody(kind, p, ctx, o, a, b, ind);
        else if (p.dtype == DType::Int32)
            emitInt32Body(kind, p, ctx, o, a, b, ind);
        else
            emitQuantizedBody(kind, p, tab, ctx, o, a, b, ind);
    };
    if (mveTables) {
        useMveKernelHelpers(ctx);
        emitMveTables(kind, p, tab, g.out(op).elements(), ctx);
    } else if (mve) {
        useMveKernelHelpers(ctx);
        const int64_t count = g.out(op).elements();
        const auto input = [&](const std::string &in, int32_t off, int32_t mult, int32_t shift) {
            return "ember_mve_requant_r(vshlq_n_s32(vaddq_n_s32(vldrbq_z_s32(" + in + " + i, pr), " + cInt(off) + "), " +
                   std::to_string(p.leftShift) + "), vdupq_n_s32(" + cInt(mult) + "), vdupq_n_s32(" + cInt(shift) + "))";
        };
        ctx.line("#if EMBER_MVE", 0);
        ctx.line("for (int32_t i = 0; i < " + std::to_string(count) + "; i += 4) {");
        ctx.line("const mve_pred16_t pr = vctp32q((uint32_t)(" + std::to_string(count) + " - i));", 2);
        ctx.line("const int32x4_t x = " + input(ctx.inputs[0], p.in1Offset, p.in1Mult, p.in1Shift) + ";", 2);
        ctx.line("const int32x4_t y = " + input(ctx.inputs[1], p.in2Offset, p.in2Mult, p.in2Shift) + ";", 2);
        ctx.line(std::string("int32x4_t r = ember_mve_requant_r(") + (kind == BinaryKind::Add ? "vaddq_s32" : "vsubq_s32") +
                     "(x, y), vdupq_n_s32(" + cInt(p.outMult) + "), vdupq_n_s32(" + cInt(p.outShift) + "));",
                 2);
        if (p.outOffset) ctx.line("r = vaddq_n_s32(r, " + cInt(p.outOffset) + ");", 2);
        ctx.line("r = vminq_s32(vmaxq_s32(r, vdupq_n_s32(" + cInt(p.actMin) + ")), vdupq_n_s32(" + cInt(p.actMax) + "));",
                 2);
        ctx.line("vstrbq_p_s32(" + ctx.outputs[0] + " + i, r, pr);", 2);
        ctx.line("}");
        ctx.line("#else", 0);
    }
    if (ctx.outputDynamic(0))
        emitDynamicLoops(g, op, ctx, body);
    else
        p.bc.emitLoops(ctx, body);
    if (mve) ctx.line("#endif", 0);
}

int64_t macsBinary(const Graph &g, const Op &op) { return g.out(op).elements(); }

}  // namespace ember
