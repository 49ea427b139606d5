// Fast C emission for int8 CONV_2D and DEPTHWISE_CONV_2D (the bulk of every
// int8 vision/audio model). Same integers as the reference, computed faster:
//  - the input zero point is folded into the bias at compile time
//    (sum_k w[k] * (x[k] + off) = sum_k w[k] * x[k] + off * sum_k w[k]), with
//    one folded bias per border class, since padding taps are skipped;
//  - output columns are split into border/interior segments with literal
//    tap ranges, so the interior has no bounds checks;
//  - CONV_2D computes 2 output pixels x 2 output channels per inner loop
//    over contiguous (kx, ic) runs; on cores with the DSP extension
//    (__ARM_FEATURE_DSP) pairs of int8 are widened with SXTB16 and
//    accumulated with SMLAD, elsewhere the portable C branch is used;
//  - requantization uses a single 64-bit multiply formulation that is
//    bit-identical to TFLite's MultiplyByQuantizedMultiplier.
#pragma once

#include "ConvCommon.h"

namespace ember {

// C++ mirror of the generated ember_requant() helper: TFLite's
// MultiplyByQuantizedMultiplier (double rounding) for multipliers in
// [0, 2^31) as quantizeMultiplier produces, without the saturation branch
// (unreachable: the multiplier is never INT32_MIN).
int32_t multiplyByQuantizedMultiplierFast(int32_t x, int32_t qm, int shift);

// Emit the fast form when it applies (int8, constant weights and bias, no
// dilation, no grouping / depth multiplier 1) and return true; otherwise
// emit nothing and return false so the caller emits the generic loops.
// The requantization the fast path emits: multiplyByQuantizedMultiplier(x,
// qm, shift) + outputOffset as ONE 64-bit multiply-add and a shift,
// (int32)((x * qm + round - [x<0] 2^31) >> 32) >> shift. Applies to right
// shifts (shift <= -1) with qm != 2^30 whose constants fit in int64;
// singleRoundingFor returns false otherwise. Tested exhaustively-ish against
// the reference in tst_conv_fast.
struct SingleRounding {
    int32_t multiplier = 0, shift = 0;
    int64_t round = 0;
};
bool singleRoundingFor(int32_t qm, int shift, int32_t outputOffset, SingleRounding *r);
int32_t singleRounding(const SingleRounding &r, int32_t x);

// The Helium switch (EMBER_MVE, arm_mve.h) and ember_mve_requant[_r], for
// other ops' Helium paths (--target cortex-m55/m85).
void useMveKernelHelpers(EmitContext &ctx);

bool emitConvInt8Fast(const Graph &g, const Op &op, const ConvParams &p, EmitContext &ctx);
bool emitDepthwiseInt8Fast(const Graph &g, const Op &op, const ConvParams &p, EmitContext &ctx);
// FULLY_CONNECTED int8 (constant weights/bias): input offset x weight row sums
// folded into the bias, 4 output units per pass over the input row, the
// single-rounding store; on DSP cores without Helium the weights repacked
// per 4 units (int16 pairs under --optimize speed). `rows` is the C
// expression of the number of input rows (a literal, or an expression under --dim).
bool emitFullyConnectedInt8Fast(const Graph &g, const Op &op, const ConvParams &p, const std::string &rows,
                                EmitContext &ctx);

// --optimize size (ConvCompact.cpp): int8 layers as calls of one shared
// kernel per op family with a const parameter struct; false (nothing
// emitted) for other dtypes and dynamic shapes.
bool emitConvInt8Compact(const Graph &g, const Op &op, const ConvParams &p, bool depthwise, EmitContext &ctx);
bool emitFullyConnectedInt8Compact(const Graph &g, const Op &op, const ConvParams &p, const std::string &rows,
                                   EmitContext &ctx);

}  // namespace ember
