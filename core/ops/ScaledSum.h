// The int8 "scaled sum" arithmetic TFLM shares between ADD_N and CUMSUM
// (reference/add_n.h, reference/cumsum.h): each value x - zp_in is shifted
// left by 20 bits and halved (input multiplier 0.5 as a Q31 with exponent 0),
// the results add up in int32, and the sum is rescaled by
// 2 * s_in / (2^20 * s_out) and offset by zp_out, saturated to int8. Both
// kernels start their accumulator from the scaled *input offset* (-zp_in),
// not from zero, exactly as TFLM does.
#pragma once

#include <algorithm>
#include <string>

#include "Common.h"
#include "OpError.h"

namespace ember::scaledsum {

constexpr int kLeftShift = 20;

struct Params {
    int32_t inOffset = 0, outOffset = 0;  // -zp_in, zp_out
    int32_t inMult = 0, outMult = 0;
    int inShift = 0, outShift = 0;  // <= 0
    int32_t init = 0;               // the scaled input offset the accumulator starts from
};

// Derives the constants like TFLM's prepare; false (with an error) when the
// output rescale is not below one, which TFLM cannot represent either.
inline bool derive(Diagnostics &d, const Graph &g, const Op &op, const Tensor &in, const Tensor &out, Params *p) {
    const double twiceMaxInputScale = 2 * double(in.quant.sc());
    quantizeMultiplierSmallerThanOneExp(double(in.quant.sc()) / twiceMaxInputScale, &p->inMult, &p->inShift);
    const double outReal = twiceMaxInputScale / (double(1 << kLeftShift) * double(out.quant.sc()));
    if (!(outReal < 1.0))
        return opError(d, g, op, "the input scale is too large against the output scale (ratio >= 2^19)",
                       op.outputs[0]);
    quantizeMultiplierSmallerThanOneExp(outReal, &p->outMult, &p->outShift);
    p->inOffset = -in.quant.zp();
    p->outOffset = out.quant.zp();
    p->init = multiplyByQuantizedMultiplierSmallerThanOneExp(p->inOffset * (1 << kLeftShift), p->inMult, p->inShift);
    return true;
}

inline int32_t scaleIn(const Params &p, int8_t x) {
    return multiplyByQuantizedMultiplierSmallerThanOneExp((p.inOffset + x) * (1 << kLeftShift), p.inMult,
                                                          p.inShift);
}

inline int8_t toOutput(const Params &p, int32_t acc) {
    const int32_t r = multiplyByQuantizedMultiplierSmallerThanOneExp(acc, p.outMult, p.outShift) + p.outOffset;
    return int8_t(std::min(127, std::max(-128, r)));
}

// C expressions of the same steps (ember_mbqm equals the SmallerThanOneExp
// variant for shifts <= 0).
inline std::string scaleInC(const Params &p, const std::string &x) {
    return "ember_mbqm((" + cInt(p.inOffset) + " + " + x + ") * " + std::to_string(1 << kLeftShift) + ", " +
           cInt(p.inMult) + ", " + std::to_string(p.inShift) + ")";
}

inline std::string toOutputC(const Params &p, const std::string &acc) {
    return "(int8_t)ember_clamp(ember_mbqm(" + acc + ", " + cInt(p.outMult) + ", " + std::to_string(p.outShift) +
           ") + " + cInt(p.outOffset) + ", -128, 127)";
}

inline void useHelpers(EmitContext &ctx) {
    useHelper(ctx, "ember_mbqm");
    useHelper(ctx, "ember_clamp");
}

}  // namespace ember::scaledsum
