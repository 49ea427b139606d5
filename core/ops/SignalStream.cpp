// Streaming operators that keep state between calls: TFLM's Signal library
// SignalFramer, SignalStacker, SignalDelay, SignalOverlapAdd
// (signal/micro/kernels/{framer,stacker,delay,overlap_add}.cc on top of
// signal/src/circular_buffer.cc and overlap_add.cc) and the CIRCULAR_BUFFER
// custom op (tensorflow/lite/micro/kernels/circular_buffer*.cc).
//
// TFLM keeps its FIFOs in circular buffers (read/write indices, an "empty"
// flag, mirrored storage). Only their contents are observable, so Ember keeps
// each FIFO as a plain array holding the oldest sample first plus a fill
// count: appending writes at the end, discarding shifts the rest down. As
// long as TFLM's buffer never overflows (its capacity is always enough for
// the parameters prepare accepts) the samples read out are the same.
//
// The state lives in variable tensors prepare appends to the op's inputs
// (see HELPERS.md's state contract): "<layer>/state" holds the samples,
// "<layer>/fill" (int32) the FIFO's fill count where it varies. Initial
// values are TFLM's after Prepare (framer: prefill zeros; delay: delay_length
// zeros; stacker: no first frame yet).
//
// Outputs TFLM leaves untouched (framer/stacker frames while "output valid"
// is false) keep the last value the op wrote there, which in TFLM is the
// tensor's previous contents. Ember writes zeros before the first valid
// frame, and the stacker keeps a copy of its last output in its state.
#include <algorithm>
#include <cstring>

#include <flatbuffers/flexbuffers.h>

#include "Common.h"
#include "OpError.h"

namespace ember {
namespace {

// --- shared ----------------------------------------------------------------

// The custom options as TFLM's FlexbufferWrapper sees them: the map's values
// in key order, read by position. False if they are not a map with at least
// `count` entries.
bool readOptions(const std::vector<uint8_t> &buf, size_t count, std::vector<int64_t> *values,
                 flexbuffers::Map *map = nullptr) {
    if (buf.empty() || !flexbuffers::VerifyBuffer(buf.data(), buf.size())) return false;
    const flexbuffers::Reference root = flexbuffers::GetRoot(buf.data(), buf.size());
    if (!root.IsMap()) return false;
    const flexbuffers::Map m = root.AsMap();
    const flexbuffers::Vector v = m.Values();
    if (v.size() < count) return false;
    values->clear();
    for (size_t i = 0; i < v.size(); ++i) values->push_back(v[i].AsInt64());
    if (map) *map = m;
    return true;
}

// Appends a state tensor (HELPERS.md contract) unless prepare ran before:
// `slot` is its position in op.inputs (already there: nothing to do).
void addState(Graph &g, Op &op, size_t slot, const std::string &suffix, DType dt, const Shape &shape,
              std::vector<uint8_t> init = {}) {
    if (op.inputs.size() > slot) return;
    Tensor t;
    t.name = g.layerName(op) + "/" + suffix;
    t.dtype = dt;
    t.shape = shape;
    t.isVariable = true;
    t.data = std::move(init);
    g.tensors.push_back(std::move(t));
    op.inputs.push_back(int(g.tensors.size() - 1));
}

std::vector<uint8_t> int32Bytes(int32_t v) {
    std::vector<uint8_t> b(4);
    std::memcpy(b.data(), &v, 4);
    return b;
}

int32_t readI32(const std::vector<uint8_t> &b) {
    int32_t v;
    std::memcpy(&v, b.data(), 4);
    return v;
}

void writeI32(std::vector<uint8_t> &b, int32_t v) { std::memcpy(b.data(), &v, 4); }

bool needInt16(Diagnostics &d, const Graph &g, const Op &op, const std::string &name, int tensor) {
    const Tensor &t = g.tensors[size_t(tensor)];
    if (t.dtype == DType::Int16) return true;
    return opError(d, g, op,
                   name + " supports int16 only (as TFLM), not " + dtypeName(t.dtype) + "; feed it int16 samples",
                   tensor);
}

bool checkValidOutput(Diagnostics &d, const Graph &g, const Op &op, const std::string &name) {
    const Tensor &v = g.out(op, 1);
    if (v.dtype != DType::Bool || !v.shape.empty())
        return opError(d, g, op, name + "'s second output (output valid) must be a bool scalar", op.outputs[1]);
    return true;
}

// --- SignalFramer ------------------------------------------------------------
// Per row of the input (all axes but the last), the last axis is cut into
// n_frames steps of frame_step samples; each step is appended to the row's
// FIFO and, once it holds frame_size samples, the oldest frame_size go out
// as one frame and frame_step are dropped. Prefill starts the FIFO with
// frame_size - frame_step zeros. The FIFO never holds more than TFLM's
// capacity, frame_size rounded up to a multiple of frame_step.

struct FramerParams {
    int32_t frameSize = 0, frameStep = 0;
    bool prefill = false;
    int64_t rows = 0;
    int32_t nFrames = 0, capacity = 0;
};

bool framerPrepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "signal framer";
    if (op.inputs.size() < 1 || !g.hasInput(op, 0) || op.outputs.size() != 2 || op.outputs[0] < 0 ||
        op.outputs[1] < 0)
        return opError(d, g, op, name + " expects 1 input and 2 outputs (frames, output valid)");
    std::vector<int64_t> v;
    if (!readOptions(op.attrs.customOptions, 3, &v))
        return opError(d, g, op, name + " needs FlexBuffer options frame_size, frame_step, prefill; re-export the model");
    FramerParams p;
    p.frameSize = int32_t(v[0]);
    p.frameStep = int32_t(v[1]);
    p.prefill = v[2] != 0;
    const Tensor &in = g.in(op, 0);
    if (!needInt16(d, g, op, name, op.inputs[0]) || !needInt16(d, g, op, name, op.outputs[0])) return false;
    if (!checkValidOutput(d, g, op, name)) return false;
    if (in.shape.empty()) return opError(d, g, op, name + " needs an input of rank 1 or more", op.inputs[0]);
    if (g.out(op, 0).shape.size() != in.shape.size() + 1)
        return opError(d, g, op, name + "'s output must have one axis more than its input", op.outputs[0]);
    if (p.frameStep < 1 || p.frameSize < 1)
        return opError(d, g, op, name + " needs frame_size and frame_step of at least 1");
    if (p.prefill && p.frameSize < p.frameStep)
        return opError(d, g, op, name + " with prefill needs frame_size >= frame_step (TFLM would overrun its buffer)");
    const int32_t inner = in.shape.back();
    if (inner < p.frameStep || inner % p.frameStep != 0)
        return opError(d, g, op,
                       name + ": the input's last axis (" + std::to_string(inner) +
                           ") must be a positive multiple of frame_step " + std::to_string(p.frameStep),
                       op.inputs[0]);
    p.rows = in.elements() / inner;
    p.nFrames = inner / p.frameStep;
    p.capacity = (p.frameSize + p.frameStep - 1) / p.frameStep * p.frameStep;
    Shape outShape(in.shape.begin(), in.shape.end() - 1);
    outShape.push_back(p.nFrames);
    outShape.push_back(p.frameSize);
    if (!checkOutputShape(d, g, op, op.outputs[0], outShape)) return false;
    op.params = p;
    addState(g, op, 1, "state", DType::Int16, {int32_t(p.rows), p.capacity});
    addState(g, op, 2, "fill", DType::Int32, {1}, int32Bytes(p.prefill ? p.frameSize - p.frameStep : 0));
    return true;
}

void framerEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const FramerParams &>(op.params);
    const auto *x = reinterpret_cast<const int16_t *>(b[size_t(op.inputs[0])].data());
    auto *buf = reinterpret_cast<int16_t *>(b[size_t(op.inputs[1])].data());
    auto *y = reinterpret_cast<int16_t *>(b[size_t(op.outputs[0])].data());
    auto &fillBuf = b[size_t(op.inputs[2])];
    const int32_t fill0 = readI32(fillBuf);
    int32_t fill = fill0;
    bool valid = true;
    for (int64_t r = 0; r < p.rows; ++r) {
        int16_t *fifo = buf + r * p.capacity;
        fill = fill0;  // every row's FIFO holds as many samples
        for (int32_t f = 0; f < p.nFrames; ++f) {
            std::memcpy(fifo + fill, x + (r * p.nFrames + f) * p.frameStep, size_t(p.frameStep) * 2);
            fill += p.frameStep;
            int16_t *frame = y + (r * p.nFrames + f) * p.frameSize;
            if (fill >= p.frameSize) {
                std::memcpy(frame, fifo, size_t(p.frameSize) * 2);
                std::memmove(fifo, fifo + p.frameStep, size_t(fill - p.frameStep) * 2);
                fill -= p.frameStep;
            } else {
                valid = false;
                std::memset(frame, 0, size_t(p.frameSize) * 2);
            }
        }
    }
    writeI32(fillBuf, fill);
    b[size_t(op.outputs[1])][0] = valid ? 1 : 0;
}

void framerEmit(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const FramerParams &>(op.params);
    const std::string fs = std::to_string(p.frameSize), st = std::to_string(p.frameStep),
                      cap = std::to_string(p.capacity);
    ctx.line("/* FIFO per row (oldest sample first) and its fill count; frame_size " + fs + ", frame_step " + st +
             (p.prefill ? ", prefilled" : "") + " */");
    ctx.line("const int32_t fill0 = " + ctx.inputs[2] + "[0];");
    ctx.line("int32_t fill = fill0;");
    ctx.line("int valid = 1;");
    ctx.line("int32_t r, f;");
    ctx.line("for (r = 0; r < " + std::to_string(p.rows) + "; ++r) {");
    ctx.line("int16_t *fifo = " + ctx.inputs[1] + " + r * " + cap + ";", 2);
    ctx.line("fill = fill0;", 2);
    ctx.line("for (f = 0; f < " + std::to_string(p.nFrames) + "; ++f) {", 2);
    ctx.line("const int32_t k = r * " + std::to_string(p.nFrames) + " + f;", 3);
    ctx.line("int16_t *frame = " + ctx.outputs[0] + " + k * " + fs + ";", 3);
    ctx.line("memcpy(fifo + fill, " + ctx.inputs[0] + " + k * " + st + ", " + std::to_string(2 * p.frameStep) + ");",
             3);
    ctx.line("fill += " + st + ";", 3);
    ctx.line("if (fill >= " + fs + ") {", 3);
    ctx.line("memcpy(frame, fifo, " + std::to_string(2 * p.frameSize) + ");", 4);
    ctx.line("memmove(fifo, fifo + " + st + ", (size_t)(fill - " + st + ") * 2u);", 4);
    ctx.line("fill -= " + st + ";", 4);
    ctx.line("} else {", 3);
    ctx.line("/* not enough samples yet: TFLM leaves the frame alone */", 4);
    ctx.line("valid = 0;", 4);
    ctx.line("memset(frame, 0, " + std::to_string(2 * p.frameSize) + ");", 4);
    ctx.line("}", 3);
    ctx.line("}", 2);
    ctx.line("}");
    ctx.line(ctx.inputs[2] + "[0] = fill;");
    ctx.line(ctx.outputs[1] + "[0] = valid != 0;");
}

// --- SignalStacker -----------------------------------------------------------
// Each call appends one frame of num_channels; the very first frame is
// appended left_context more times. Once the FIFO holds
// num_channels * (left + right + 1) samples they go out and
// num_channels * stacker_step are dropped; otherwise the output keeps its
// previous value (kept in the state's second half).

struct StackerParams {
    int32_t channels = 0, left = 0, right = 0, step = 0;
    int32_t bufferSize = 0, stepSize = 0;
};

bool stackerPrepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "signal stacker";
    if (op.inputs.size() < 1 || !g.hasInput(op, 0) || op.outputs.size() != 2 || op.outputs[0] < 0 ||
        op.outputs[1] < 0)
        return opError(d, g, op, name + " expects 1 input and 2 outputs (stacked frames, output valid)");
    std::vector<int64_t> v;
    if (!readOptions(op.attrs.customOptions, 4, &v))
        return opError(d, g, op,
                       name + " needs FlexBuffer options num_channels, stacker_left_context, "
                              "stacker_right_context, stacker_step; re-export the model");
    StackerParams p;
    p.channels = int32_t(v[0]);
    p.left = int32_t(v[1]);
    p.right = int32_t(v[2]);
    p.step = int32_t(v[3]);
    const Tensor &in = g.in(op, 0), &out = g.out(op, 0);
    if (!needInt16(d, g, op, name, op.inputs[0]) || !needInt16(d, g, op, name, op.outputs[0])) return false;
    if (!checkValidOutput(d, g, op, name)) return false;
    if (in.shape.size() != 1 || out.shape.size() != 1)
        return opError(d, g, op, name + " needs a 1-D input and a 1-D output", op.inputs[0]);
    if (p.channels < 1 || p.left < 0 || p.right < 0 || p.step < 1 || p.step > p.left + p.right + 1)
        return opError(d, g, op,
                       name + " needs num_channels >= 1, contexts >= 0 and 1 <= stacker_step <= left + right + 1 "
                              "(TFLM's FIFO would overrun otherwise)");
    if (in.shape[0] != p.channels)
        return opError(d, g, op,
                       name + " input has " + std::to_string(in.shape[0]) + " values but num_channels is " +
                           std::to_string(p.channels),
                       op.inputs[0]);
    p.bufferSize = p.channels * (p.left + p.right + 1);
    p.stepSize = p.channels * p.step;
    if (!checkOutputShape(d, g, op, op.outputs[0], {p.bufferSize})) return false;
    op.params = p;
    // [FIFO | last output]; fill -1: the first frame has not come yet.
    addState(g, op, 1, "state", DType::Int16, {2, p.bufferSize});
    addState(g, op, 2, "fill", DType::Int32, {1}, int32Bytes(-1));
    return true;
}

void stackerEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const StackerParams &>(op.params);
    const auto *x = reinterpret_cast<const int16_t *>(b[size_t(op.inputs[0])].data());
    auto *fifo = reinterpret_cast<int16_t *>(b[size_t(op.inputs[1])].data());
    int16_t *last = fifo + p.bufferSize;
    auto *y = reinterpret_cast<int16_t *>(b[size_t(op.outputs[0])].data());
    auto &fillBuf = b[size_t(op.inputs[2])];
    int32_t fill = readI32(fillBuf);
    const bool first = fill < 0;
    if (first) fill = 0;
    std::memcpy(fifo + fill, x, size_t(p.channels) * 2);
    fill += p.channels;
    if (first)
        for (int32_t k = 0; k < p.left; ++k, fill += p.channels)
            std::memcpy(fifo + fill, x, size_t(p.channels) * 2);
    bool valid = false;
    if (fill >= p.bufferSize) {
        std::memcpy(last, fifo, size_t(p.bufferSize) * 2);
        std::memmove(fifo, fifo + p.stepSize, size_t(fill - p.stepSize) * 2);
        fill -= p.stepSize;
        valid = true;
    }
    std::memcpy(y, last, size_t(p.bufferSize) * 2);
    writeI32(fillBuf, fill);
    b[size_t(op.outputs[1])][0] = valid ? 1 : 0;
}

void stackerEmit(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const StackerParams &>(op.params);
    const std::string nc = std::to_string(p.channels), bs = std::to_string(p.bufferSize),
                      ss = std::to_string(p.stepSize), ncBytes = std::to_string(2 * p.channels),
                      bsBytes = std::to_string(2 * p.bufferSize);
    ctx.line("/* state: FIFO (oldest first) then the last output; fill < 0 until the first frame */");
    ctx.line("int16_t *fifo = " + ctx.inputs[1] + ";");
    ctx.line("int16_t *last = " + ctx.inputs[1] + " + " + bs + ";");
    ctx.line("int32_t fill = " + ctx.inputs[2] + "[0];");
    ctx.line("int valid = 0;");
    ctx.line("if (fill < 0) {");
    if (p.left > 0) {
        ctx.line("/* the first frame also fills the left context */", 2);
        ctx.line("int32_t k;", 2);
        ctx.line("for (k = 0; k < " + std::to_string(p.left + 1) + "; ++k) memcpy(fifo + k * " + nc + ", " +
                     ctx.inputs[0] + ", " + ncBytes + ");",
                 2);
        ctx.line("fill = " + std::to_string(p.channels * (p.left + 1)) + ";", 2);
    } else {
        ctx.line("memcpy(fifo, " + ctx.inputs[0] + ", " + ncBytes + ");", 2);
        ctx.line("fill = " + nc + ";", 2);
    }
    ctx.line("} else {");
    ctx.line("memcpy(fifo + fill, " + ctx.inputs[0] + ", " + ncBytes + ");", 2);
    ctx.line("fill += " + nc + ";", 2);
    ctx.line("}");
    ctx.line("if (fill >= " + bs + ") {");
    ctx.line("memcpy(last, fifo, " + bsBytes + ");", 2);
    ctx.line("memmove(fifo, fifo + " + ss + ", (size_t)(fill - " + ss + ") * 2u);", 2);
    ctx.line("fill -= " + ss + ";", 2);
    ctx.line("valid = 1;", 2);
    ctx.line("}");
    ctx.line("/* not valid: TFLM leaves the previous output in place */");
    ctx.line("memcpy(" + ctx.outputs[0] + ", last, " + bsBytes + ");");
    ctx.line(ctx.inputs[2] + "[0] = fill;");
    ctx.line(ctx.outputs[1] + "[0] = valid != 0;");
}

// --- SignalDelay -------------------------------------------------------------
// Each row of the last axis comes out delay_length samples later; the state
// holds every row's last delay_length samples (zeros at start).

struct DelayParams {
    int32_t frame = 0, delay = 0;
    int64_t rows = 0;
};

bool delayPrepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "signal delay";
    if (op.inputs.size() < 1 || !g.hasInput(op, 0) || op.outputs.size() != 1 || op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 1 input and 1 output");
    std::vector<int64_t> v;
    if (!readOptions(op.attrs.customOptions, 1, &v))
        return opError(d, g, op, name + " needs the FlexBuffer option delay_length; re-export the model");
    DelayParams p;
    p.delay = int32_t(v[0]);
    const Tensor &in = g.in(op, 0);
    if (!needInt16(d, g, op, name, op.inputs[0]) || !needInt16(d, g, op, name, op.outputs[0])) return false;
    if (in.shape.empty() || in.elements() == 0)
        return opError(d, g, op, name + " needs a non-empty input of rank 1 or more", op.inputs[0]);
    if (p.delay < 0) return opError(d, g, op, name + " needs delay_length >= 0");
    if (!checkOutputShape(d, g, op, op.outputs[0], in.shape)) return false;
    p.frame = in.shape.back();
    p.rows = in.elements() / p.frame;
    op.params = p;
    if (p.delay > 0) addState(g, op, 1, "state", DType::Int16, {int32_t(p.rows), p.delay});
    return true;
}

void delayEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const DelayParams &>(op.params);
    const auto *x = reinterpret_cast<const int16_t *>(b[size_t(op.inputs[0])].data());
    auto *y = reinterpret_cast<int16_t *>(b[size_t(op.outputs[0])].data());
    if (p.delay == 0) {
        std::memcpy(y, x, size_t(p.rows * p.frame) * 2);
        return;
    }
    auto *state = reinterpret_cast<int16_t *>(b[size_t(op.inputs[1])].data());
    const int32_t n = p.frame, dl = p.delay;
    for (int64_t r = 0; r < p.rows; ++r) {
        const int16_t *xr = x + r * n;
        int16_t *yr = y + r * n, *s = state + r * dl;
        if (dl <= n) {
            std::memcpy(yr, s, size_t(dl) * 2);
            std::memcpy(yr + dl, xr, size_t(n - dl) * 2);
            std::memcpy(s, xr + n - dl, size_t(dl) * 2);
        } else {
            std::memcpy(yr, s, size_t(n) * 2);
            std::memmove(s, s + n, size_t(dl - n) * 2);
            std::memcpy(s + dl - n, xr, size_t(n) * 2);
        }
    }
}

void delayEmit(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const DelayParams &>(op.params);
    const int32_t n = p.frame, dl = p.delay;
    if (dl == 0) {
        ctx.line("memcpy(" + ctx.outputs[0] + ", " + ctx.inputs[0] + ", " + std::to_string(2 * p.rows * n) + ");");
        return;
    }
    ctx.line("/* state: each row's last " + std::to_string(dl) + " samples */");
    ctx.line("int32_t r;");
    ctx.line("for (r = 0; r < " + std::to_string(p.rows) + "; ++r) {");
    ctx.line("const int16_t *x = " + ctx.inputs[0] + " + r * " + std::to_string(n) + ";", 2);
    ctx.line("int16_t *y = " + ctx.outputs[0] + " + r * " + std::to_string(n) + ";", 2);
    ctx.line("int16_t *s = " + ctx.inputs[1] + " + r * " + std::to_string(dl) + ";", 2);
    if (dl <= n) {
        ctx.line("memcpy(y, s, " + std::to_string(2 * dl) + ");", 2);
        if (n > dl) ctx.line("memcpy(y + " + std::to_string(dl) + ", x, " + std::to_string(2 * (n - dl)) + ");", 2);
        ctx.line("memcpy(s, x + " + std::to_string(n - dl) + ", " + std::to_string(2 * dl) + ");", 2);
    } else {
        ctx.line("memcpy(y, s, " + std::to_string(2 * n) + ");", 2);
        ctx.line("memmove(s, s + " + std::to_string(n) + ", " + std::to_string(2 * (dl - n)) + ");", 2);
        ctx.line("memcpy(s + " + std::to_string(dl - n) + ", x, " + std::to_string(2 * n) + ");", 2);
    }
    ctx.line("}");
}

// --- SignalOverlapAdd --------------------------------------------------------
// Input [..., n_frames, frame_size] -> output [..., n_frames * frame_step]:
// each frame is added into the row's accumulator (int16: saturated), whose
// first frame_step samples go out; the rest shifts down, zeros come in.

struct OverlapAddParams {
    DType dtype = DType::Int16;
    int32_t frameSize = 0, frameStep = 0, nFrames = 0;
    int64_t rows = 0;
};

bool overlapAddPrepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "signal overlap-add";
    if (op.inputs.size() < 1 || !g.hasInput(op, 0) || op.outputs.size() != 1 || op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 1 input and 1 output");
    std::vector<int64_t> v;
    flexbuffers::Map m = flexbuffers::Map::EmptyMap();
    if (!readOptions(op.attrs.customOptions, 2, &v, &m))
        return opError(d, g, op, name + " needs FlexBuffer options T and frame_step; re-export the model");
    OverlapAddParams p;
    // TFLM picks the kernel by the option T (a TFLite TensorType).
    const int64_t type = m["T"].AsInt64();
    if (type == 0) p.dtype = DType::Float32;
    else if (type == 7) p.dtype = DType::Int16;
    else return opError(d, g, op, name + " supports T = int16 or float32 only (as TFLM)");
    p.frameStep = int32_t(v[1]);
    const Tensor &in = g.in(op, 0), &out = g.out(op, 0);
    for (int t : {op.inputs[0], op.outputs[0]})
        if (g.tensors[size_t(t)].dtype != p.dtype)
            return opError(d, g, op,
                           name + " tensors must be " + dtypeName(p.dtype) + " as its option T says, not " +
                               dtypeName(g.tensors[size_t(t)].dtype),
                           t);
    if (in.shape.size() < 2 || out.shape.size() + 1 != in.shape.size())
        return opError(d, g, op, name + " needs an input of rank 2 or more and an output of one rank less",
                       op.inputs[0]);
    p.frameSize = in.shape.back();
    p.nFrames = in.shape[in.shape.size() - 2];
    if (p.frameSize < 1 || p.nFrames < 1) return opError(d, g, op, name + " needs non-empty frames", op.inputs[0]);
    if (p.frameStep < 1 || p.frameStep > p.frameSize)
        return opError(d, g, op, name + " needs 1 <= frame_step <= frame_size (" + std::to_string(p.frameSize) + ")");
    p.rows = in.elements() / (int64_t(p.frameSize) * p.nFrames);
    Shape outShape(in.shape.begin(), in.shape.end() - 2);
    outShape.push_back(p.nFrames * p.frameStep);
    if (!checkOutputShape(d, g, op, op.outputs[0], outShape)) return false;
    op.params = p;
    addState(g, op, 1, "state", p.dtype, {int32_t(p.rows), p.frameSize});
    return true;
}

template <class T> void overlapAddRun(const OverlapAddParams &p, const T *x, T *state, T *y) {
    for (int64_t r = 0; r < p.rows; ++r) {
        T *acc = state + r * p.frameSize;
        for (int32_t f = 0; f < p.nFrames; ++f) {
            const T *xf = x + (r * p.nFrames + f) * p.frameSize;
            for (int32_t i = 0; i < p.frameSize; ++i) {
                if constexpr (std::is_same_v<T, float>) {
                    acc[i] += xf[i];
                } else {
                    const int32_t s = int32_t(xf[i]) + acc[i];
                    acc[i] = int16_t(std::clamp<int32_t>(s, INT16_MIN, INT16_MAX));
                }
            }
            std::memcpy(y + (r * p.nFrames + f) * p.frameStep, acc, size_t(p.frameStep) * sizeof(T));
            std::memmove(acc, acc + p.frameStep, size_t(p.frameSize - p.frameStep) * sizeof(T));
            std::memset(acc + p.frameSize - p.frameStep, 0, size_t(p.frameStep) * sizeof(T));
        }
    }
}

void overlapAddEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const OverlapAddParams &>(op.params);
    uint8_t *x = b[size_t(op.inputs[0])].data(), *s = b[size_t(op.inputs[1])].data(),
            *y = b[size_t(op.outputs[0])].data();
    if (p.dtype == DType::Float32)
        overlapAddRun(p, reinterpret_cast<const float *>(x), reinterpret_cast<float *>(s), reinterpret_cast<float *>(y));
    else
        overlapAddRun(p, reinterpret_cast<const int16_t *>(x), reinterpret_cast<int16_t *>(s),
                      reinterpret_cast<int16_t *>(y));
}

void overlapAddEmit(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const OverlapAddParams &>(op.params);
    const bool isFloat = p.dtype == DType::Float32;
    const std::string ct = isFloat ? "float" : "int16_t", es = isFloat ? "4" : "2";
    const std::string fs = std::to_string(p.frameSize), st = std::to_string(p.frameStep),
                      nf = std::to_string(p.nFrames);
    ctx.line("/* state: each row's accumulator of frame_size " + fs + " samples */");
    ctx.line("int32_t r, f, i;");
    ctx.line("for (r = 0; r < " + std::to_string(p.rows) + "; ++r) {");
    ctx.line(ct + " *acc = " + ctx.inputs[1] + " + r * " + fs + ";", 2);
    ctx.line("for (f = 0; f < " + nf + "; ++f) {", 2);
    ctx.line("const " + ct + " *x = " + ctx.inputs[0] + " + (r * " + nf + " + f) * " + fs + ";", 3);
    ctx.line("for (i = 0; i < " + fs + "; ++i) {", 3);
    if (isFloat) {
        ctx.line("acc[i] += x[i];", 4);
    } else {
        ctx.line("const int32_t s = (int32_t)x[i] + acc[i];", 4);
        ctx.line("acc[i] = (int16_t)(s < -32768 ? -32768 : (s > 32767 ? 32767 : s));", 4);
    }
    ctx.line("}", 3);
    ctx.line("memcpy(" + ctx.outputs[0] + " + (r * " + nf + " + f) * " + st + ", acc, " +
                 std::to_string(p.frameStep) + "u * " + es + "u);",
             3);
    if (p.frameSize > p.frameStep)
        ctx.line("memmove(acc, acc + " + st + ", " + std::to_string(p.frameSize - p.frameStep) + "u * " + es + "u);",
                 3);
    ctx.line("memset(acc + " + std::to_string(p.frameSize - p.frameStep) + ", 0, " + st + "u * " + es + "u);", 3);
    ctx.line("}", 2);
    ctx.line("}");
}

// --- CIRCULAR_BUFFER ---------------------------------------------------------
// Input [1, 1, H, D], output [1, slots, H, D]: every call shifts the output
// by one slot and puts the input in the last one. TFLM keeps the slots in
// the output tensor itself; Ember keeps them in state and copies them out.
// TFLM only runs the rest of the graph every cycles_max calls (it aborts the
// Invoke otherwise); Ember cannot skip the rest of a graph, so it supports
// cycles_max 1 only. TFLM's Prepare accepts a second (bool) output that its
// Eval never writes; it reads as false there, and Ember writes false.

struct CircularBufferParams {
    int32_t slots = 0, depth = 0;
};

bool circularBufferPrepare(Graph &g, Op &op, Diagnostics &d) {
    const std::string name = "circular buffer";
    if (op.inputs.size() < 1 || !g.hasInput(op, 0) || op.outputs.empty() || op.outputs.size() > 2 ||
        op.outputs[0] < 0)
        return opError(d, g, op, name + " expects 1 input and 1 output");
    const Tensor &in = g.in(op, 0), &out = g.out(op, 0);
    if (in.dtype != DType::Int8 || out.dtype != DType::Int8)
        return opError(d, g, op, name + " supports int8 only (as TFLM), not " + dtypeName(in.dtype), op.inputs[0]);
    if (in.shape.size() != 4 || out.shape.size() != 4)
        return opError(d, g, op, name + " needs a 4-D input [1,1,H,D] and a 4-D output [1,slots,H,D]", op.inputs[0]);
    if (in.shape[0] != out.shape[0] || in.shape[1] != 1 || in.shape[2] != out.shape[2] || in.shape[3] != out.shape[3])
        return opError(d, g, op,
                       name + " input " + shapeString(in.shape) + " and output " + shapeString(out.shape) +
                           " do not fit [B,1,H,D] -> [B,slots,H,D]",
                       op.inputs[0]);
    if (out.shape[0] != 1) return opError(d, g, op, name + " supports batch 1 only", op.inputs[0]);
    if (out.shape[1] < 1) return opError(d, g, op, name + " needs at least one slot", op.outputs[0]);
    if (op.outputs.size() == 2 && (op.outputs[1] < 0 || g.out(op, 1).dtype != DType::Bool ||
                                   g.out(op, 1).elements() != 1))
        return opError(d, g, op, name + "'s second output must be one bool", op.outputs.back());
    int64_t cyclesMax = 0;
    if (!op.attrs.customOptions.empty()) {
        std::vector<int64_t> v;
        if (!readOptions(op.attrs.customOptions, 1, &v))
            return opError(d, g, op, name + " needs the FlexBuffer option cycles_max; re-export the model");
        cyclesMax = v[0];
    }
    if (cyclesMax <= 0) {
        // TFLM's guess for models without the option: period 1 for these slot counts, else 2.
        const int32_t s = out.shape[1];
        cyclesMax = (s == 5 || s == 13 || s == 25) ? 1 : 2;
    }
    if (cyclesMax != 1)
        return opError(d, g, op,
                       name + " with cycles_max " + std::to_string(cyclesMax) +
                           ": TFLM aborts the Invoke on all but every cycles_max-th call, which generated code "
                           "cannot do; use cycles_max 1");
    CircularBufferParams p;
    p.slots = out.shape[1];
    p.depth = out.shape[2] * out.shape[3];
    op.params = p;
    // TFLM's slots start as the arena's bytes (zeros in practice); Ember starts at 0, not the zero point.
    addState(g, op, 1, "state", DType::Int8, {p.slots, p.depth}, std::vector<uint8_t>(size_t(p.slots * p.depth), 0));
    return true;
}

void circularBufferEval(const Graph &, const Op &op, Buffers &b) {
    const auto &p = std::any_cast<const CircularBufferParams &>(op.params);
    uint8_t *s = b[size_t(op.inputs[1])].data();
    const size_t shift = size_t(p.slots - 1) * size_t(p.depth);
    std::memmove(s, s + p.depth, shift);
    std::memcpy(s + shift, b[size_t(op.inputs[0])].data(), size_t(p.depth));
    std::memcpy(b[size_t(op.outputs[0])].data(), s, shift + size_t(p.depth));
    if (op.outputs.size() == 2) b[size_t(op.outputs[1])][0] = 0;
}

void circularBufferEmit(const Graph &, const Op &op, EmitContext &ctx) {
    const auto &p = std::any_cast<const CircularBufferParams &>(op.params);
    const std::string depth = std::to_string(p.depth), shift = std::to_string(int64_t(p.slots - 1) * p.depth);
    ctx.line("/* state: the " + std::to_string(p.slots) + " slots, oldest first */");
    if (p.slots > 1) ctx.line("memmove(" + ctx.inputs[1] + ", " + ctx.inputs[1] + " + " + depth + ", " + shift + ");");
    ctx.line("memcpy(" + ctx.inputs[1] + " + " + shift + ", " + ctx.inputs[0] + ", " + depth + ");");
    ctx.line("memcpy(" + ctx.outputs[0] + ", " + ctx.inputs[1] + ", " +
             std::to_string(int64_t(p.slots) * p.depth) + ");");
    if (op.outputs.size() == 2) ctx.line(ctx.outputs[1] + "[0] = 0; /* TFLM never sets it */");
}

}  // namespace

extern const OpKernel kSignalFramer, kSignalStacker, kSignalDelay, kSignalOverlapAdd, kCircularBuffer;
const OpKernel kSignalFramer = {OpType::SignalFramer, framerPrepare, framerEval, framerEmit, nullptr, "int16"};
const OpKernel kSignalStacker = {OpType::SignalStacker, stackerPrepare, stackerEval, stackerEmit, nullptr, "int16"};
const OpKernel kSignalDelay = {OpType::SignalDelay, delayPrepare, delayEval, delayEmit, nullptr, "int16"};
const OpKernel kSignalOverlapAdd = {OpType::SignalOverlapAdd, overlapAddPrepare, overlapAddEval, overlapAddEmit,
                                    nullptr, "int16, float32"};
const OpKernel kCircularBuffer = {OpType::CircularBuffer, circularBufferPrepare, circularBufferEval,
                                  circularBufferEmit, nullptr, "int8"};

}  // namespace ember
