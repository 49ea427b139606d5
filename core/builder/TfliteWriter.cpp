// IR → TFLite flatbuffer, and the example models Ember ships.
//
// The writer produces what a TFLite runtime expects: identifier "TFL3",
// schema version 3, one subgraph (more with IF/WHILE: Graph::subgraphs), buffer 0 as the empty sentinel, one buffer
// per constant tensor (16-byte aligned, as TFLite's schema asks), and operator
// codes carrying both the old byte code and the int32 code.
#include "TfliteWriter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

#include "../import/TfliteCodes.h"
#include "tflite_generated.h"

namespace ember {
namespace {

using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;

tflite::TensorType tensorType(DType t) {
    switch (t) {
    case DType::Float32: return tflite::TensorType::FLOAT32;
    case DType::Int8: return tflite::TensorType::INT8;
    case DType::UInt8: return tflite::TensorType::UINT8;
    case DType::Int16: return tflite::TensorType::INT16;
    case DType::Int32: return tflite::TensorType::INT32;
    case DType::Int64: return tflite::TensorType::INT64;
    case DType::Bool: return tflite::TensorType::BOOL;
    case DType::UInt32: return tflite::TensorType::UINT32;
    case DType::UInt64: return tflite::TensorType::UINT64;
    }
    return tflite::TensorType::FLOAT32;
}

tflite::Padding padding(Padding p) { return p == Padding::Same ? tflite::Padding::SAME : tflite::Padding::VALID; }

// Ember's Activation enum has TFLite's order.
tflite::ActivationFunctionType activation(Activation a) { return tflite::ActivationFunctionType(int(a)); }

// Builtin code and custom name of an op. Unsupported ops keep the code their
// TFLite name stands for, so imported models round-trip unchanged.
struct OpCodeKey {
    int32_t code = tflitecodes::kCustom;
    std::string custom;
    bool operator<(const OpCodeKey &o) const { return std::tie(code, custom) < std::tie(o.code, o.custom); }
};

OpCodeKey opCodeKey(const Op &op) {
    OpCodeKey k;
    const std::string name = opTypeName(op.type);
    if (op.type != OpType::Unsupported && name.rfind("CUSTOM:", 0) == 0) {
        k.custom = name.substr(7);
        return k;
    }
    if (op.type != OpType::Unsupported) {
        k.code = tflitecodes::codeForOpType(op.type);
        return k;
    }
    const std::string prefix = "CUSTOM:";
    if (op.typeName.rfind(prefix, 0) == 0) {
        k.custom = op.typeName.substr(prefix.size());
        return k;
    }
    for (int32_t c = 0; c <= int32_t(tflite::BuiltinOperator::MAX); ++c) {
        const char *n = tflite::EnumNameBuiltinOperator(tflite::BuiltinOperator(c));
        if (n && op.typeName == n) {
            k.code = c;
            return k;
        }
    }
    k.custom = op.typeName;  // an unknown name: keep it as a custom op
    return k;
}

class Writer {
public:
    explicit Writer(const Graph &g) : g_(g) {}

    std::vector<uint8_t> run() {
        std::vector<Offset<tflite::Buffer>> buffers{tflite::CreateBuffer(fbb_)};  // sentinel
        std::vector<Offset<tflite::SubGraph>> subs;
        if (g_.subgraphs.empty()) {
            std::vector<Offset<tflite::Tensor>> tensors;
            for (const Tensor &t : g_.tensors) tensors.push_back(writeTensor(t, buffers));
            std::vector<Offset<tflite::Operator>> ops;
            for (const Op &op : g_.ops) ops.push_back(writeOp(op));
            subs.push_back(tflite::CreateSubGraph(fbb_, fbb_.CreateVector(tensors), fbb_.CreateVector(toI32(g_.inputs)),
                                                  fbb_.CreateVector(toI32(g_.outputs)), fbb_.CreateVector(ops),
                                                  fbb_.CreateString(g_.name.empty() ? "main" : g_.name)));
        } else {
            subs = writeSubgraphs(buffers);
        }
        std::vector<Offset<tflite::OperatorCode>> codes;
        for (const OpCodeKey &k : codeOrder_) codes.push_back(writeCode(k));
        auto model = tflite::CreateModel(fbb_, 3, fbb_.CreateVector(codes), fbb_.CreateVector(subs),
                                         fbb_.CreateString("written by ember"), fbb_.CreateVector(buffers));
        tflite::FinishModelBuffer(fbb_, model);
        return std::vector<uint8_t>(fbb_.GetBufferPointer(), fbb_.GetBufferPointer() + fbb_.GetSize());
    }

private:
    static std::vector<int32_t> toI32(const std::vector<int> &v) { return std::vector<int32_t>(v.begin(), v.end()); }

    // Control flow (IF/WHILE): Graph::subgraphs share the one tensor table;
    // each written subgraph gets the tensors its ops and I/O use, re-indexed
    // (the main graph: every tensor no called subgraph uses).
    std::vector<Offset<tflite::SubGraph>> writeSubgraphs(std::vector<Offset<tflite::Buffer>> &buffers) {
        std::vector<char> inSub(g_.tensors.size(), 0);
        std::vector<std::vector<int>> used(g_.subgraphs.size());
        auto note = [&](size_t k, int t) {
            if (t >= 0 && size_t(t) < g_.tensors.size()) used[k].push_back(t);
        };
        for (size_t k = 1; k < g_.subgraphs.size(); ++k) {
            const Subgraph &sg = g_.subgraphs[k];
            for (int t : sg.inputs) note(k, t);
            for (int t : sg.outputs) note(k, t);
            for (const Op &op : sg.ops) {
                for (int t : op.inputs) note(k, t);
                for (int t : op.outputs) note(k, t);
            }
            std::sort(used[k].begin(), used[k].end());
            used[k].erase(std::unique(used[k].begin(), used[k].end()), used[k].end());
            for (int t : used[k]) inSub[size_t(t)] = 1;
        }
        for (size_t t = 0; t < g_.tensors.size(); ++t)
            if (!inSub[t]) used[0].push_back(int(t));
        std::vector<Offset<tflite::SubGraph>> subs;
        for (size_t k = 0; k < g_.subgraphs.size(); ++k) {
            local_.assign(g_.tensors.size(), -1);
            std::vector<Offset<tflite::Tensor>> tensors;
            for (int t : used[k]) {
                local_[size_t(t)] = int(tensors.size());
                tensors.push_back(writeTensor(g_.tensors[size_t(t)], buffers));
            }
            const std::vector<Op> &opsIr = k == 0 ? g_.ops : g_.subgraphs[k].ops;
            std::vector<Offset<tflite::Operator>> ops;
            for (const Op &op : opsIr) ops.push_back(writeOp(op));
            const std::vector<int> &in = k == 0 ? g_.inputs : g_.subgraphs[k].inputs;
            const std::vector<int> &out = k == 0 ? g_.outputs : g_.subgraphs[k].outputs;
            const std::string name = k == 0 ? (g_.name.empty() ? "main" : g_.name)
                                            : (g_.subgraphs[k].name.empty() ? "subgraph" + std::to_string(k)
                                                                            : g_.subgraphs[k].name);
            subs.push_back(tflite::CreateSubGraph(fbb_, fbb_.CreateVector(tensors), fbb_.CreateVector(mapped(in)),
                                                  fbb_.CreateVector(mapped(out)), fbb_.CreateVector(ops),
                                                  fbb_.CreateString(name)));
        }
        local_.clear();
        return subs;
    }

    // Tensor indices as written: re-indexed within a subgraph (see writeSubgraphs).
    std::vector<int32_t> mapped(const std::vector<int> &v) const {
        std::vector<int32_t> r;
        for (int t : v) r.push_back(t >= 0 && !local_.empty() && size_t(t) < local_.size() ? local_[size_t(t)] : t);
        return r;
    }

    Offset<tflite::Tensor> writeTensor(const Tensor &t, std::vector<Offset<tflite::Buffer>> &buffers) {
        uint32_t bufferIndex = 0;
        if (t.isConst && !t.data.empty()) {
            fbb_.ForceVectorAlignment(t.data.size(), sizeof(uint8_t), 16);
            buffers.push_back(tflite::CreateBuffer(fbb_, fbb_.CreateVector(t.data)));
            bufferIndex = uint32_t(buffers.size() - 1);
        }
        Offset<tflite::QuantizationParameters> quant = 0;
        if (!t.quant.empty()) {
            auto zp = t.quant.zeroPoint.empty() ? 0 : fbb_.CreateVector(t.quant.zeroPoint);
            quant = tflite::CreateQuantizationParameters(fbb_, 0, 0, fbb_.CreateVector(t.quant.scale), zp,
                                                         tflite::QuantizationDetails::NONE, 0, t.quant.axis);
        }
        return tflite::CreateTensor(fbb_, fbb_.CreateVector(t.shape), tensorType(t.dtype), bufferIndex,
                                    fbb_.CreateString(t.name), quant, t.isVariable);
    }

    Offset<tflite::OperatorCode> writeCode(const OpCodeKey &k) {
        auto custom = k.custom.empty() ? 0 : fbb_.CreateString(k.custom);
        // The byte field saturates at 127 (PLACEHOLDER_FOR_GREATER_OP_CODES).
        int8_t small = int8_t(std::min(k.code, tflitecodes::kPlaceholderForGreaterOpCodes));
        return tflite::CreateOperatorCode(fbb_, small, custom, 1, tflite::BuiltinOperator(k.code));
    }

    uint32_t codeIndex(const Op &op) {
        OpCodeKey k = opCodeKey(op);
        auto it = codeIndex_.find(k);
        if (it != codeIndex_.end()) return it->second;
        codeOrder_.push_back(k);
        return codeIndex_[k] = uint32_t(codeOrder_.size() - 1);
    }

    Offset<tflite::Operator> writeOp(const Op &op) {
        uint32_t code = codeIndex(op);
        auto [type, options] = writeOptions(op);
        auto custom = op.attrs.customOptions.empty() ? 0 : fbb_.CreateVector(op.attrs.customOptions);
        return tflite::CreateOperator(fbb_, code, fbb_.CreateVector(mapped(op.inputs)),
                                      fbb_.CreateVector(mapped(op.outputs)), type, options, custom);
    }

    std::pair<tflite::BuiltinOptions, Offset<void>> writeOptions(const Op &op) {
        using BO = tflite::BuiltinOptions;
        const OpAttrs &a = op.attrs;
        switch (op.type) {
        case OpType::Conv2D:
            return {BO::Conv2DOptions,
                    tflite::CreateConv2DOptions(fbb_, padding(a.padding), a.strideW, a.strideH, activation(a.activation),
                                                a.dilationW, a.dilationH).Union()};
        case OpType::DepthwiseConv2D:
            return {BO::DepthwiseConv2DOptions,
                    tflite::CreateDepthwiseConv2DOptions(fbb_, padding(a.padding), a.strideW, a.strideH,
                                                         a.depthMultiplier, activation(a.activation), a.dilationW,
                                                         a.dilationH).Union()};
        case OpType::AveragePool2D:
        case OpType::MaxPool2D:
            return {BO::Pool2DOptions,
                    tflite::CreatePool2DOptions(fbb_, padding(a.padding), a.strideW, a.strideH, a.filterW, a.filterH,
                                                activation(a.activation)).Union()};
        case OpType::FullyConnected:
            return {BO::FullyConnectedOptions,
                    tflite::CreateFullyConnectedOptions(fbb_, activation(a.activation),
                                                        tflite::FullyConnectedOptionsWeightsFormat::DEFAULT,
                                                        a.keepDims).Union()};
        case OpType::Add:
            return {BO::AddOptions, tflite::CreateAddOptions(fbb_, activation(a.activation)).Union()};
        case OpType::Sub:
            return {BO::SubOptions, tflite::CreateSubOptions(fbb_, activation(a.activation)).Union()};
        case OpType::Mul:
            return {BO::MulOptions, tflite::CreateMulOptions(fbb_, activation(a.activation)).Union()};
        case OpType::Concatenation:
            return {BO::ConcatenationOptions,
                    tflite::CreateConcatenationOptions(fbb_, a.axis, activation(a.activation)).Union()};
        default:
            return writeSimpleOptions(op);
        }
    }

    std::pair<tflite::BuiltinOptions, Offset<void>> writeSimpleOptions(const Op &op) {
        using BO = tflite::BuiltinOptions;
        const OpAttrs &a = op.attrs;
        switch (op.type) {
        case OpType::Softmax:
            return {BO::SoftmaxOptions, tflite::CreateSoftmaxOptions(fbb_, a.beta).Union()};
        case OpType::Reshape:
            if (a.newShape.empty()) return {BO::NONE, 0};
            return {BO::ReshapeOptions, tflite::CreateReshapeOptions(fbb_, fbb_.CreateVector(a.newShape)).Union()};
        case OpType::Mean:
            return {BO::ReducerOptions, tflite::CreateReducerOptions(fbb_, a.keepDims).Union()};
        case OpType::LeakyRelu:
            return {BO::LeakyReluOptions, tflite::CreateLeakyReluOptions(fbb_, a.alpha).Union()};
        case OpType::StridedSlice:
            return {BO::StridedSliceOptions,
                    tflite::CreateStridedSliceOptions(fbb_, a.beginMask, a.endMask, a.ellipsisMask, a.newAxisMask,
                                                      a.shrinkAxisMask, a.offset).Union()};
        case OpType::Pad:
            return {BO::PadOptions, tflite::CreatePadOptions(fbb_).Union()};
        case OpType::Transpose:
            return {BO::TransposeOptions, tflite::CreateTransposeOptions(fbb_).Union()};
        case OpType::Dequantize:
            return {BO::DequantizeOptions, tflite::CreateDequantizeOptions(fbb_).Union()};
        default:
            return writeWiderOptions(op);
        }
    }

    // Options of the wider operator set, as TFLite's converter writes them.
    std::pair<tflite::BuiltinOptions, Offset<void>> writeWiderOptions(const Op &op) {
        using BO = tflite::BuiltinOptions;
        const OpAttrs &a = op.attrs;
        switch (op.type) {
        case OpType::Sum:
        case OpType::ReduceMax:
        case OpType::ReduceMin:
            return {BO::ReducerOptions, tflite::CreateReducerOptions(fbb_, a.keepDims).Union()};
        case OpType::L2Pool2D:
            return {BO::Pool2DOptions,
                    tflite::CreatePool2DOptions(fbb_, padding(a.padding), a.strideW, a.strideH, a.filterW, a.filterH,
                                                activation(a.activation)).Union()};
        case OpType::L2Normalization:
            return {BO::L2NormOptions, tflite::CreateL2NormOptions(fbb_, activation(a.activation)).Union()};
        case OpType::Div:
            return {BO::DivOptions, tflite::CreateDivOptions(fbb_, activation(a.activation)).Union()};
        case OpType::ResizeBilinear:
            return {BO::ResizeBilinearOptions,
                    tflite::CreateResizeBilinearOptions(fbb_, a.alignCorners, a.halfPixelCenters).Union()};
        case OpType::ResizeNearestNeighbor:
            return {BO::ResizeNearestNeighborOptions,
                    tflite::CreateResizeNearestNeighborOptions(fbb_, a.alignCorners, a.halfPixelCenters).Union()};
        case OpType::SpaceToDepth:
            return {BO::SpaceToDepthOptions, tflite::CreateSpaceToDepthOptions(fbb_, a.blockSize).Union()};
        case OpType::DepthToSpace:
            return {BO::DepthToSpaceOptions, tflite::CreateDepthToSpaceOptions(fbb_, a.blockSize).Union()};
        case OpType::Gather:
            return {BO::GatherOptions, tflite::CreateGatherOptions(fbb_, a.axis, a.batchDims).Union()};
        case OpType::Squeeze:
            return {BO::SqueezeOptions, tflite::CreateSqueezeOptions(fbb_, fbb_.CreateVector(a.squeezeDims)).Union()};
        case OpType::Split:
            return {BO::SplitOptions, tflite::CreateSplitOptions(fbb_, a.numSplits).Union()};
        case OpType::SplitV:
            return {BO::SplitVOptions, tflite::CreateSplitVOptions(fbb_, a.numSplits).Union()};
        case OpType::Cast: {
            const DType in = op.inputs.empty() || op.inputs[0] < 0 ? a.outType : g_.in(op, 0).dtype;
            return {BO::CastOptions, tflite::CreateCastOptions(fbb_, tensorType(in), tensorType(a.outType)).Union()};
        }
        case OpType::ArgMax:
            return {BO::ArgMaxOptions, tflite::CreateArgMaxOptions(fbb_, tensorType(a.outType)).Union()};
        case OpType::ArgMin:
            return {BO::ArgMinOptions, tflite::CreateArgMinOptions(fbb_, tensorType(a.outType)).Union()};
        case OpType::Shape:
            return {BO::ShapeOptions, tflite::CreateShapeOptions(fbb_, tensorType(a.outType)).Union()};
        case OpType::TransposeConv:
            return {BO::TransposeConvOptions,
                    tflite::CreateTransposeConvOptions(fbb_, padding(a.padding), a.strideW, a.strideH,
                                                       activation(a.activation)).Union()};
        case OpType::Pack:
            return {BO::PackOptions, tflite::CreatePackOptions(fbb_, a.count, a.axis).Union()};
        case OpType::Unpack:
            return {BO::UnpackOptions, tflite::CreateUnpackOptions(fbb_, a.count, a.axis).Union()};
        case OpType::MirrorPad:
            return {BO::MirrorPadOptions, tflite::CreateMirrorPadOptions(fbb_, tflite::MirrorPadMode(a.mirrorMode)).Union()};
        case OpType::BatchMatMul:
            return {BO::BatchMatMulOptions, tflite::CreateBatchMatMulOptions(fbb_, a.adjX, a.adjY).Union()};
        case OpType::Cumsum:
            return {BO::CumsumOptions, tflite::CreateCumsumOptions(fbb_, a.exclusive, a.reverse).Union()};
        case OpType::If:
            return {BO::IfOptions, tflite::CreateIfOptions(fbb_, a.thenSubgraph, a.elseSubgraph).Union()};
        case OpType::While:
            return {BO::WhileOptions, tflite::CreateWhileOptions(fbb_, a.condSubgraph, a.bodySubgraph).Union()};
        case OpType::Svdf:
            return {BO::SVDFOptions, tflite::CreateSVDFOptions(fbb_, a.svdfRank, activation(a.activation),
                                                               a.asymmetricQuantizeInputs).Union()};
        case OpType::UnidirectionalSequenceLstm:
            return {BO::UnidirectionalSequenceLSTMOptions,
                    tflite::CreateUnidirectionalSequenceLSTMOptions(fbb_, activation(a.activation), a.cellClip,
                                                                    a.projClip, a.timeMajor,
                                                                    a.asymmetricQuantizeInputs,
                                                                    a.diagonalRecurrentTensors)
                        .Union()};
        default:
            return {BO::NONE, 0};
        }
    }

    const Graph &g_;
    FlatBufferBuilder fbb_{1 << 16};
    std::map<OpCodeKey, uint32_t> codeIndex_;
    std::vector<OpCodeKey> codeOrder_;
    std::vector<int> local_;  // tensor index as written, by IR index (empty: the same)
};

// ---- example models ---------------------------------------------------------

// splitmix64: tiny, fully specified, so the weights are the same with every
// compiler and standard library (std::*_distribution is not).
class Rng {
public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t next() {
        uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [-1, 1), from the top 24 bits (exact in float).
    float symmetric() { return float(int64_t(next() >> 40) - (int64_t(1) << 23)) / float(1 << 23); }

private:
    uint64_t s_;
};

template <class T> std::vector<uint8_t> bytesOf(const std::vector<T> &v) {
    std::vector<uint8_t> b(v.size() * sizeof(T));
    if (!b.empty()) std::memcpy(b.data(), v.data(), b.size());
    return b;
}

Quant quant(float scale, int64_t zp) {
    Quant q;
    q.scale = {scale};
    q.zeroPoint = {zp};
    return q;
}

// Builds a quantized graph layer by layer while tracking the RMS of the real
// activation values, so each layer's output scale can be chosen to use the
// int8 range well without calibration data.
class ModelMaker {
public:
    ModelMaker(const std::string &name, uint64_t seed) : rng_(seed) { g_.name = name; }

    int tensor(const std::string &name, DType t, const Shape &shape, Quant q = {}, std::vector<uint8_t> data = {}) {
        Tensor x;
        x.name = name;
        x.dtype = t;
        x.shape = shape;
        x.quant = std::move(q);
        x.isConst = !data.empty();
        x.data = std::move(data);
        g_.tensors.push_back(std::move(x));
        return int(g_.tensors.size() - 1);
    }

    void op(OpType type, std::vector<int> inputs, std::vector<int> outputs, OpAttrs attrs = {}) {
        Op o;
        o.type = type;
        o.typeName = opTypeName(type);
        o.index = int(g_.ops.size());
        o.inputs = std::move(inputs);
        o.outputs = std::move(outputs);
        o.attrs = attrs;
        g_.ops.push_back(std::move(o));
    }

    // Input fed with uniformly distributed int8 values.
    int input(const Shape &shape, float scale, int64_t zp) {
        int t = tensor("input", DType::Int8, shape, quant(scale, zp));
        double meanSq = (256.0 * 256.0 / 12.0) + (zp + 0.5) * (zp + 0.5);
        rms_ = scale * std::sqrt(meanSq);
        g_.inputs.push_back(t);
        g_.tensors[size_t(t)].isInput = true;
        return t;
    }

    // Weights of `outC` channels, `fanIn` inputs each, real values uniform in
    // ±sqrt(3/fanIn) (unit gain), quantized symmetric int8 per channel (or
    // per tensor). The channel is the outermost dimension, or the innermost
    // when `channelLast` (depthwise filters, 1HWC).
    struct Weights {
        std::vector<int8_t> q;
        std::vector<float> scale;
    };
    Weights weights(int64_t elements, int channels, int fanIn, bool perChannel, bool channelLast) {
        std::vector<float> w(static_cast<size_t>(elements));
        float a = std::sqrt(3.0f / float(fanIn));
        for (float &v : w) v = a * rng_.symmetric();
        auto channelOf = [&](int64_t i) { return int(channelLast ? i % channels : i / (elements / channels)); };
        std::vector<float> maxAbs(size_t(perChannel ? channels : 1), 1e-6f);
        for (int64_t i = 0; i < elements; ++i) {
            float &m = maxAbs[perChannel ? size_t(channelOf(i)) : 0];
            m = std::max(m, std::fabs(w[size_t(i)]));
        }
        Weights r;
        for (float m : maxAbs) r.scale.push_back(m / 127.0f);
        for (int64_t i = 0; i < elements; ++i) {
            float s = r.scale[perChannel ? size_t(channelOf(i)) : 0];
            r.q.push_back(int8_t(std::clamp(std::lround(w[size_t(i)] / s), -127L, 127L)));
        }
        return r;
    }

    // int32 bias with scale inScale*wScale[c]; small real values (±10% of
    // the output RMS) so that they matter without dominating.
    int bias(const std::string &name, int channels, float inScale, const std::vector<float> &wScale) {
        std::vector<int32_t> b;
        Quant q;
        for (int c = 0; c < channels; ++c) {
            float s = inScale * wScale[wScale.size() == 1 ? 0 : size_t(c)];
            b.push_back(int32_t(std::lround(0.1f * rms_ * rng_.symmetric() / s)));
            q.scale.push_back(s);
            q.zeroPoint.push_back(0);
        }
        if (wScale.size() == 1) q.scale.resize(1), q.zeroPoint.resize(1);
        return tensor(name, DType::Int32, {channels}, q, bytesOf(b));
    }

    // Output quantization for a layer whose pre-activation RMS equals the
    // input RMS (unit-gain weights). ReLU outputs use [0, 3σ] with zp -128;
    // linear outputs ±3σ with zp 0.
    Quant outQuant(bool relu) {
        float sigma = float(rms_);
        if (relu) {
            rms_ = sigma / std::sqrt(2.0);  // ReLU of a zero-mean signal keeps half the power
            return quant(3.0f * sigma / 255.0f, -128);
        }
        return quant(3.0f * sigma / 127.0f, 0);
    }

    int conv(const std::string &name, int in, int outC, int kh, int kw, OpAttrs attrs) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        int inC = x.shape[3];
        float inScale = x.quant.sc();
        Weights w = weights(int64_t(outC) * kh * kw * inC, outC, kh * kw * inC, true, false);
        Quant wq;
        wq.scale = w.scale;
        wq.zeroPoint.assign(size_t(outC), 0);
        wq.axis = 0;
        int wt = tensor(name + "/weights", DType::Int8, {outC, kh, kw, inC}, wq, bytesOf(w.q));
        int bt = bias(name + "/bias", outC, inScale, w.scale);
        Shape outShape = {1, outSize(x.shape[1], kh, attrs.strideH, attrs.padding),
                          outSize(x.shape[2], kw, attrs.strideW, attrs.padding), outC};
        int out = tensor(name + "/out", DType::Int8, outShape, outQuant(attrs.activation == Activation::Relu));
        op(OpType::Conv2D, {in, wt, bt}, {out}, attrs);
        return out;
    }

    // `multiplier` outputs per input channel (DEPTHWISE_CONV_2D's depth_multiplier).
    int depthwise(const std::string &name, int in, int kh, int kw, OpAttrs attrs, int multiplier = 1) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        int c = x.shape[3] * multiplier;
        float inScale = x.quant.sc();
        Weights w = weights(int64_t(kh) * kw * c, c, kh * kw, true, true);
        Quant wq;
        wq.scale = w.scale;
        wq.zeroPoint.assign(size_t(c), 0);
        wq.axis = 3;
        int wt = tensor(name + "/weights", DType::Int8, {1, kh, kw, c}, wq, bytesOf(w.q));
        int bt = bias(name + "/bias", c, inScale, w.scale);
        Shape outShape = {1, outSize(x.shape[1], kh, attrs.strideH, attrs.padding),
                          outSize(x.shape[2], kw, attrs.strideW, attrs.padding), c};
        int out = tensor(name + "/out", DType::Int8, outShape, outQuant(attrs.activation == Activation::Relu));
        attrs.depthMultiplier = multiplier;
        op(OpType::DepthwiseConv2D, {in, wt, bt}, {out}, attrs);
        return out;
    }

    int fullyConnected(const std::string &name, int in, int units, Activation act, const std::string &outName = "",
                       bool keepDims = false) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        int inC = x.shape.back();
        float inScale = x.quant.sc();
        Weights w = weights(int64_t(units) * inC, units, inC, false, false);
        int wt = tensor(name + "/weights", DType::Int8, {units, inC}, quant(w.scale[0], 0), bytesOf(w.q));
        int bt = bias(name + "/bias", units, inScale, w.scale);
        Shape outShape = {1, units};
        if (keepDims) {  // keep_num_dims: [.., T, in] -> [.., T, units]
            outShape = x.shape;
            outShape.back() = units;
        }
        int out = tensor(outName.empty() ? name + "/out" : outName, DType::Int8, outShape,
                         outQuant(act == Activation::Relu));
        OpAttrs attrs;
        attrs.activation = act;
        attrs.keepDims = keepDims;
        op(OpType::FullyConnected, {in, wt, bt}, {out}, attrs);
        return out;
    }

    // Average over the whole feature map: keeps the quantization (TFLite
    // requires equal input/output scales); the mean of ReLU outputs is about
    // 0.8x their RMS.
    int globalAveragePool(const std::string &name, int in) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        OpAttrs attrs;
        attrs.padding = Padding::Valid;
        attrs.filterH = x.shape[1], attrs.filterW = x.shape[2];
        int out = tensor(name + "/out", DType::Int8, {1, 1, 1, x.shape[3]}, x.quant);
        rms_ *= 0.8;
        op(OpType::AveragePool2D, {in}, {out}, attrs);
        return out;
    }

    int reshape(const std::string &name, int in, const Shape &shape) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        int st = tensor(name + "/shape", DType::Int32, {int32_t(shape.size())}, {}, bytesOf(shape));
        int out = tensor(name + "/out", DType::Int8, shape, x.quant);
        OpAttrs attrs;
        attrs.newShape = shape;
        op(OpType::Reshape, {in, st}, {out}, attrs);
        return out;
    }

    int softmax(const std::string &name, int in) {
        const Tensor x = g_.tensors[size_t(in)];  // a copy: adding tensors moves them
        int out = tensor(name, DType::Int8, x.shape, quant(1.0f / 256.0f, -128));
        OpAttrs attrs;
        attrs.beta = 1.0f;
        op(OpType::Softmax, {in}, {out}, attrs);
        return out;
    }

    Graph finish(int output) {
        g_.outputs.push_back(output);
        g_.tensors[size_t(output)].isOutput = true;
        return std::move(g_);
    }

private:
    static int32_t outSize(int32_t in, int32_t k, int stride, Padding p) {
        return p == Padding::Same ? (in + stride - 1) / stride : (in - k + stride) / stride;
    }

    Graph g_;
    Rng rng_;
    double rms_ = 1.0;  // RMS of the real values of the latest activation
};

OpAttrs convAttrs(int stride, Padding p, Activation act) {
    OpAttrs a;
    a.strideW = a.strideH = stride;
    a.padding = p;
    a.activation = act;
    return a;
}

// Keyword-spotting-style DS-CNN: 49 MFCC frames x 10 coefficients → 12 classes.
Graph makeDemo() {
    ModelMaker m("ember_demo", 0x454D424552ull);  // "EMBER"
    int x = m.input({1, 49, 10, 1}, 0.1f, -5);
    x = m.conv("conv1", x, 8, 10, 4, convAttrs(2, Padding::Same, Activation::Relu));
    x = m.depthwise("dw1", x, 3, 3, convAttrs(1, Padding::Same, Activation::Relu));
    x = m.conv("pw1", x, 16, 1, 1, convAttrs(1, Padding::Valid, Activation::Relu));
    x = m.globalAveragePool("pool", x);
    x = m.reshape("flatten", x, {1, 16});
    x = m.fullyConnected("fc", x, 12, Activation::None);
    x = m.softmax("output", x);
    return m.finish(x);
}

// Two dense layers: 16 → 32 (ReLU) → 4.
Graph makeTinyFc() {
    ModelMaker m("ember_tiny_fc", 0x54494E59ull);  // "TINY"
    int x = m.input({1, 16}, 0.05f, 3);
    x = m.fullyConnected("fc1", x, 32, Activation::Relu);
    x = m.fullyConnected("fc2", x, 4, Activation::None, "output");
    return m.finish(x);
}

// A per-frame classifier over a sequence: [1, 16 frames, 16 features] → two
// dense layers applied to every frame → softmax over 8 classes per frame.
// The frame axis can be made dynamic (`--dim input:1=1..16`).
Graph makeSeq() {
    ModelMaker m("ember_seq", 0x534551ull);  // "SEQ"
    int x = m.input({1, 16, 16}, 0.05f, 0);
    x = m.fullyConnected("fc1", x, 24, Activation::Relu, "", true);
    x = m.fullyConnected("fc2", x, 8, Activation::None, "", true);
    x = m.softmax("output", x);
    return m.finish(x);
}

// The keyword model of examples/micro_speech_pipeline, shaped like TFLM's
// micro_speech "tiny_conv": a window of 49 feature rows of 40 int8 values
// (what audio_preprocessor_int8 writes, one row per 20 ms) → one 10x8
// depthwise convolution with 8 outputs for the one input channel (as TFLM's
// converted model has it), stride 2 → 4 classes (silence, unknown, yes, no).
// Untrained (deterministic weights): the example shows the pipeline, not
// accuracy. bench_boards measures it against TARGETS.md's micro_speech row.
Graph makeMicroSpeechKws() {
    ModelMaker m("micro_speech_kws", 0x4B5753ull);  // "KWS"
    int x = m.input({1, 49, 40, 1}, 0.1f, -128);
    x = m.depthwise("conv", x, 10, 8, convAttrs(2, Padding::Same, Activation::Relu), 8);
    x = m.reshape("flatten", x, {1, 25 * 20 * 8});
    x = m.fullyConnected("fc", x, 4, Activation::None);
    x = m.softmax("output", x);
    return m.finish(x);
}

}  // namespace

std::vector<uint8_t> writeTflite(const Graph &g) { return Writer(g).run(); }

std::vector<std::string> exampleModelNames() { return {"ember_demo", "ember_tiny_fc", "ember_seq", "micro_speech_kws"}; }

Result<Graph> makeExampleModel(const std::string &name) {
    if (name == "ember_demo") return makeDemo();
    if (name == "ember_tiny_fc") return makeTinyFc();
    if (name == "ember_seq") return makeSeq();
    if (name == "micro_speech_kws") return makeMicroSpeechKws();
    Diagnostics d;
    std::string known;
    for (const std::string &n : exampleModelNames()) known += (known.empty() ? "" : ", ") + n;
    d.error("unknown example model '" + name + "'; available: " + known);
    return d;
}

}  // namespace ember
