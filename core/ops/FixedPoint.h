// gemmlowp-style fixed-point transcendental functions and the lookup tables
// TFLM's integer activations use (softmax, logistic, tanh), for the reference
// kernels and for compile-time table generation. Every function reproduces
// the integer arithmetic of gemmlowp/fixedpoint.h and
// tensorflow/lite/kernels/internal/common.h bit for bit (scalar int32 path).
// A fixed-point value with `intBits` integer bits is a raw int32 q with
// real = q / 2^(31 - intBits).
#pragma once

#include <cstdint>
#include <string>

#include "OpKernel.h"

namespace ember::fx {

// SaturatingRoundingMultiplyByPOT: x * 2^exponent, saturating for exponent
// > 0, rounding (half away from zero) for exponent < 0.
int32_t mulByPOT(int32_t x, int exponent);
// Rescale<dstBits>(FixedPoint<srcBits>).
inline int32_t rescale(int32_t x, int srcBits, int dstBits) { return mulByPOT(x, srcBits - dstBits); }
int32_t roundingHalfSum(int32_t a, int32_t b);

// exp(a) for a <= 0; a has `intBits` integer bits, the result 0.
int32_t expOnNegativeValues(int32_t a, int intBits);
// 1 / (1 + a) for a in [0, 1) (Q0.31 in and out).
int32_t oneOverOnePlusX(int32_t a);
// logistic(a) / tanh(a) for any a with `intBits` integer bits, result Q0.31.
int32_t logistic(int32_t a, int intBits);
int32_t tanh(int32_t a, int intBits);

// tflite::GetReciprocal: 1 / x for x with `xIntegerDigits` integer bits;
// returns Q0.31 and the power of two the result is still to be divided by.
int32_t getReciprocal(int32_t x, int xIntegerDigits, int *numBitsOverUnit);
// tflite::CalculateInputRadius.
int32_t calculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits = 31);
// tflite::CheckedLog2: true when `x` is a power of two (within 1e-3 in log2).
bool checkedLog2(float x, int *log2Result);

// Table of round(65536 * sigmoid(i / 24)) as TFLite ships it (0.16 format).
extern const uint16_t kSigmoidTableU16[256];

// tflite gen_lut<float, int16_t, int16_t>: 513 Q0.15 entries sampling `func`
// on [inputMin, inputMax] with output range [outputMin, outputMax].
void genLutInt16(float (*func)(float), float inputMin, float inputMax, float outputMin, float outputMax,
                 int16_t *lut);
// tflite LUTLookup for int16 (interpolates between neighbouring entries).
int16_t lutLookup(int16_t value, const int16_t *lut);

// TFLM's integer LOGISTIC / TANH for one element.
// int8 (reference_integer_ops, gemmlowp fixed point): the input minus its zero
// point, saturated beyond +-radius, else scaled to Q4.27 by multiplier/shift;
// logistic output has zero point -128 (scale 1/256), tanh 0 (scale 1/128).
int8_t logisticInt8(int8_t x, int32_t zp, int32_t radius, int32_t multiplier, int shift);
int8_t tanhInt8(int8_t x, int32_t zp, int32_t radius, int32_t multiplier, int shift);
// int16 (sigmoid table with interpolation): x * multiplier, rounded right
// shift by `shift`, then the table; output Q0.15.
int16_t logisticInt16(int16_t x, int32_t multiplier, int shift);
int16_t tanhInt16(int16_t x, int32_t multiplier, int shift);

// C helpers for generated code, requested by name (dependencies first):
//   ember_satshl(x, e), ember_one_over_one_plus_x(a), ember_clz32(x),
//   ember_sigmoid_u16 (the table above), ember_lut_lookup_i16(v, lut)
void useFxHelper(EmitContext &ctx, const std::string &name);

}  // namespace ember::fx
