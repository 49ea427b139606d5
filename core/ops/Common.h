// Shared arithmetic for operators: TFLite's exact integer requantization
// (the same functions TFLM's reference kernels call), padding and output-size
// rules, activation clamps, and the matching C helpers for generated code.
#pragma once

#include <cstdint>
#include <string>

#include "OpKernel.h"

namespace ember {

// tflite::QuantizeMultiplier: m = q * 2^shift with q in [2^30, 2^31) as Q31.
void quantizeMultiplier(double m, int32_t *quantizedMultiplier, int *shift);
// tflite::QuantizeMultiplierSmallerThanOneExp (shift <= 0).
void quantizeMultiplierSmallerThanOneExp(double m, int32_t *quantizedMultiplier, int *leftShift);

int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);
int32_t roundingDivideByPOT(int32_t x, int exponent);
// tflite::MultiplyByQuantizedMultiplier (double-rounding variant used by TFLM).
int32_t multiplyByQuantizedMultiplier(int32_t x, int32_t qm, int shift);
// The int64 overload used by int16x8 kernels (reduced 16-bit multiplier).
int32_t multiplyByQuantizedMultiplier64(int64_t x, int32_t qm, int shift);
// tflite::MultiplyByQuantizedMultiplierSmallerThanOneExp.
int32_t multiplyByQuantizedMultiplierSmallerThanOneExp(int32_t x, int32_t qm, int leftShift);

// Output size for SAME/VALID padding (tflite::ComputeOutSize).
int computeOutSize(Padding p, int in, int filter, int stride, int dilation);
// Leading (top/left) padding (tflite::ComputePaddingWithOffset, offset dropped
// like TFLM's reference kernels do).
int computePadding(int stride, int dilation, int in, int filter, int out);

// Clamp range for a fused activation on a quantized output (qmin..qmax of the
// dtype intersected with the activation), as tflite's
// CalculateActivationRangeQuantized. Returns false for activations TFLite
// does not allow on quantized ops (TANH, SIGN_BIT).
bool activationRangeQuantized(Activation a, const Tensor &out, int32_t *min, int32_t *max);
void activationRangeFloat(Activation a, float *min, float *max);

int32_t dtypeMin(DType t);
int32_t dtypeMax(DType t);

// C source for the common helpers, requested through ctx.addHelper with these
// names (each adds its own dependencies first):
//   ember_srdhm(a, b), ember_rdbpot(x, e), ember_mbqm(x, qm, shift),
//   ember_mbqm64(int64 x, qm, shift), ember_clamp(x, lo, hi),
//   ember_sat8(x) (clamp to int8: SSAT where the core has it)
void useHelper(EmitContext &ctx, const std::string &name);

// C literals.
std::string cFloat(float v);     // exact round-trip, e.g. "0.5f", "-INFINITY" never emitted
std::string cInt(int64_t v);     // handles INT32_MIN / INT64_MIN spelled legally

}  // namespace ember
