// What CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED share: dtype checks
// (including the refusal of hybrid models), TFLite's per-channel
// requantization (PopulateConvolutionQuantizationParams), the bias/requantize/
// clamp epilogue for eval, and the same epilogue as C for the emitters.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "Common.h"

namespace ember {

// Reports errors located at one op.
struct OpErrors {
    const Graph &g;
    const Op &op;
    Diagnostics &d;
    // Adds the error and returns false, so that checks read `return e.fail(..)`.
    bool fail(const std::string &message, int tensor = -1) const;
};

// Everything needed to turn an accumulator into an output value.
struct Requant {
    DType dtype = DType::Int8;      // activation type (input = output)
    bool acc64 = false;             // int16x8 with int64 bias: 64-bit accumulator and multiplier
    int32_t inputOffset = 0;        // -input zero point (int8 only)
    int32_t outputOffset = 0;       // output zero point (int8 only)
    std::vector<int32_t> multiplier, shift;  // one per output channel (Q31, TFLite shift)
    int32_t actMin = 0, actMax = 0;  // quantized clamp
    float fMin = 0.f, fMax = 0.f;    // float clamp
    bool hasBias = false;
    bool uniform() const;  // the same multiplier and shift for every channel
};

// Geometry of a 2D convolution (NHWC). FC uses batches/inC/outC only.
struct ConvParams {
    int batches = 1, inH = 1, inW = 1, inC = 1;
    int filterH = 1, filterW = 1, filterC = 1;  // filterC: input channels read per output channel
    int outH = 1, outW = 1, outC = 1;
    int strideH = 1, strideW = 1, dilationH = 1, dilationW = 1;
    int padTop = 0, padLeft = 0;
    int groups = 1;           // CONV_2D: inC / filterC
    int depthMultiplier = 1;  // DEPTHWISE_CONV_2D: outC / inC
    Requant rq;
};

// Checks the inputs/outputs count and the dtype combination: float32,
// int8 x int8 (+int32 bias) or int16 x int8 (+int64 bias). Refuses hybrid
// models (float activations, integer weights).
bool checkConvTypes(const OpErrors &e);

// Derives zero-point offsets, per-channel multipliers and activation clamps
// exactly like TFLM's prepare. `quantAxis` is the filter axis along which
// per-channel scales run; `outChannels` the number of output channels.
// `floatProductScale`: FULLY_CONNECTED per-tensor computes input*filter scale
// in float before widening (GetQuantizedConvolutionMultipler), convolutions in
// double.
bool deriveRequant(const OpErrors &e, int quantAxis, int outChannels, bool floatProductScale, Requant *rq);

// "input [..], filter [..], stride 2x2, dilation 1x1, padding same": how
// CONV_2D and DEPTHWISE_CONV_2D describe themselves in errors and comments.
std::string describeConv(const Graph &g, const Op &op);

// The end of CONV_2D / DEPTHWISE_CONV_2D prepare, once p's input, filter and
// channel fields are set: output size (checked against the model), padding,
// and requantization with per-channel scales along `quantAxis`.
bool prepareConvOutput(const OpErrors &e, int quantAxis, ConvParams &p);

// Checks the model's output shape against the computed one; `how` describes
// the computation for the message ("input [..], filter [..], stride 2x2").
bool checkOutputShape(const OpErrors &e, const Shape &computed, const std::string &how);

// Reference epilogue: adds the bias of channel `ch` (from the bias buffer, or
// nothing) and requantizes + clamps. Integer accumulators arrive as int64;
// int8 kernels accumulate in int32 in TFLM, identical unless it overflows.
int32_t finishInt(const Requant &rq, const uint8_t *bias, int64_t acc, int ch);
float finishFloat(const Requant &rq, const uint8_t *bias, float acc, int ch);

// Stores one output value of the activation dtype.
void storeOutput(DType t, uint8_t *out, int64_t index, int32_t q, float f);

// C type names for the emitters.
std::string accCType(const Requant &rq);    // "int32_t", "int64_t" or "float"
std::string actCType(const Requant &rq);    // "int8_t", "int16_t" or "float"
std::string weightCType(const Requant &rq); // "int8_t" or "float"

// Emits the per-channel constants (when channels differ) and returns the C
// expressions used by emitEpilogue. Call once per op, before emitting loops.
struct EpilogueNames {
    std::string multiplier, shift;  // arrays, or empty when uniform
    std::string bias;               // bias pointer expression, empty when absent
};
EpilogueNames emitRequantConstants(EmitContext &ctx, const Requant &rq, const std::string &biasExpr);

// Emits "out = requantize(acc + bias[ch])" as C statements.
void emitEpilogue(EmitContext &ctx, const Requant &rq, const EpilogueNames &names, const std::string &acc,
                  const std::string &ch, const std::string &out, int indent);

// Emits the per-element multiply-accumulate expression.
std::string macExpr(const Requant &rq, const std::string &acc, const std::string &w, const std::string &x);

// Emits the valid filter tap range [lo, hi) along one spatial axis for the
// output position whose first input coordinate is `origin` (padding taps are
// skipped by bounds instead of per-element tests). Returns the C expressions
// for lo and hi; literals when `clipped` is false.
std::pair<std::string, std::string> emitTapRange(EmitContext &ctx, const std::string &k, const std::string &origin,
                                                 int in, int filter, int dilation, bool clipped, int ind);
// Whether any output position along an axis reads outside the input.
bool needsClipping(int in, int filter, int stride, int dilation, int pad, int out);

// The loops CONV_2D and DEPTHWISE_CONV_2D share: batch (when > 1), output
// row and column with their valid tap ranges, and `y` pointing at the output
// pixel. `T` is the activation C type. Opens the loops (the caller closes
// `indent - 1` braces) and returns the tap ranges and the body's indent.
struct OutputLoops {
    std::pair<std::string, std::string> ky, kx;
    int indent = 1;
    std::string inW;  // the input width: a literal, or a --dim extent
};
OutputLoops emitOutputLoops(EmitContext &ctx, const ConvParams &p, const std::string &T);

// Readable C arithmetic: "x * k" (just "x" when k is 1, "0" when k is 0) and
// " + v" / " - v" (nothing when v is 0).
std::string cMul(const std::string &x, int64_t k);
std::string cAdd(int64_t v);

// A one-line description of the quantization for the generated comment.
std::string requantComment(const Requant &rq);

}  // namespace ember
