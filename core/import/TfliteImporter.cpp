// TFLite flatbuffer → Ember IR.
//
// The file is never trusted: the flatbuffers Verifier checks every offset
// before anything is read, and every index, size and option value is range
// checked before it reaches the IR, because the passes and kernels downstream
// rely on a well-formed graph. The first problem found is reported as one
// Diagnostic (file, op, tensor, what to do) and the import stops.
#include "TfliteImporter.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <fstream>
#include <limits>
#include <system_error>

#include "../Text.h"
#include "TfliteCodes.h"
#include "tflite_generated.h"

namespace ember {
namespace {

constexpr uint32_t kSchemaVersion = 3;
// Ember targets microcontrollers: a single tensor above 2 GiB is certainly a
// damaged shape, and refusing it keeps every size computation in range.
constexpr int64_t kMaxTensorBytes = int64_t(1) << 31;

// Details the importer attaches to its one error.
struct Where {
    int opIndex = -1;
    std::string opName;
    std::string tensor;
};

bool isPrintableTag(const uint8_t *p) {
    for (int i = 0; i < 4; ++i)
        if (p[i] < 0x21 || p[i] > 0x7e) return false;
    return true;
}

std::string tensorTypeName(tflite::TensorType t) {
    const char *n = tflite::EnumNameTensorType(t);
    return (n && *n) ? n : std::to_string(int(t)) + " (unknown)";
}

std::string builtinName(int32_t code) {
    const char *n = tflite::EnumNameBuiltinOperator(tflite::BuiltinOperator(code));
    if (n && *n) return n;
    return "BUILTIN_" + std::to_string(code);
}

bool mapTensorType(tflite::TensorType t, DType *out) {
    switch (t) {
    case tflite::TensorType::FLOAT32: *out = DType::Float32; return true;
    case tflite::TensorType::INT8: *out = DType::Int8; return true;
    case tflite::TensorType::UINT8: *out = DType::UInt8; return true;
    case tflite::TensorType::INT16: *out = DType::Int16; return true;
    case tflite::TensorType::INT32: *out = DType::Int32; return true;
    case tflite::TensorType::INT64: *out = DType::Int64; return true;
    case tflite::TensorType::BOOL: *out = DType::Bool; return true;
    case tflite::TensorType::UINT32: *out = DType::UInt32; return true;
    case tflite::TensorType::UINT64: *out = DType::UInt64; return true;
    // A resource handle (VAR_HANDLE's output): resolved to the variable's
    // state tensor on import, never stored.
    case tflite::TensorType::RESOURCE: *out = DType::Int32; return true;
    default: return false;
    }
}

class Importer {
public:
    Importer(const uint8_t *data, size_t size, const std::string &origin)
        : data_(data), size_(size), origin_(origin) {
        diags_.setFile(origin);
    }

    Result<Graph> run() {
        if (!checkEnvelope() || !checkHeader() || !readTensors() || !readOps() || !readIO() || !readControlSubgraphs() ||
            !resolveVariables())
            return diags_;
        graph_.name = utf8Safe(std::filesystem::path(origin_).stem().string());
        graph_.sourcePath = origin_;
        return std::move(graph_);
    }

private:
    bool fail(const std::string &message, const Where &where = {}) {
        Diagnostic &d = diags_.error(message);
        d.opIndex = where.opIndex;
        d.opName = where.opName;
        d.tensor = where.tensor;
        return false;
    }

    // Size, identifier and flatbuffer structure: after this, every accessor
    // of the generated reader is safe to call.
    bool checkEnvelope() {
        if (data_ == nullptr || size_ == 0)
            return fail("the file is empty; expected a TFLite model (.tflite)");
        if (size_ < 8)
            return fail("the file is only " + std::to_string(size_) +
                        " bytes long, too short for a TFLite model; it is truncated or not a model");
        // The flatbuffers verifier cannot address more than 2 GiB; larger
        // models keep their weights after the flatbuffer (Buffer.offset).
        size_t fbSize = std::min<size_t>(size_, FLATBUFFERS_MAX_BUFFER_SIZE - 1);
        flatbuffers::Verifier verifier(data_, fbSize);
        const uint8_t *tag = data_ + sizeof(flatbuffers::uoffset_t);
        if (isPrintableTag(data_) && isPrintableTag(tag))
            return fail("the file starts with text, so it is not a TFLite model (those are binary "
                        "flatbuffers); pass the .tflite file itself");
        if (std::memcmp(tag, tflite::ModelIdentifier(), 4) == 0) {
            if (!tflite::VerifyModelBuffer(verifier))
                return fail("the file has the TFLite identifier but its contents do not verify: "
                            "it is truncated or corrupted; export or download the model again");
        } else if (isPrintableTag(tag)) {
            return fail("the file identifier is '" + std::string(reinterpret_cast<const char *>(tag), 4) +
                        "', not TFLite's 'TFL3': this is not a TFLite model (or uses another "
                        "flatbuffer schema); convert it to .tflite first");
        } else if (!verifier.VerifyBuffer<tflite::Model>(nullptr)) {
            // Very old writers omitted the identifier; anything that does not
            // verify as a Model without it is not a TFLite file.
            return fail("the file is not a TFLite model: it has no 'TFL3' identifier and does not "
                        "parse as a TFLite flatbuffer (truncated, corrupted or another format)");
        }
        model_ = tflite::GetModel(data_);
        return true;
    }

    bool checkHeader() {
        if (model_->version() != kSchemaVersion)
            return fail("the model uses TFLite schema version " + std::to_string(model_->version()) +
                        ", ember reads version 3 only; re-convert it with a current TensorFlow "
                        "converter (or the file is not a TFLite model)");
        const auto *subgraphs = model_->subgraphs();
        size_t n = subgraphs ? subgraphs->size() : 0;
        if (n == 0) return fail("the model has 0 subgraphs (it needs one); the file is damaged, export it again");
        // Further subgraphs are allowed as CALL_ONCE initialisation subgraphs
        // (checked in resolveVariables once the ops are read).
        sub_ = subgraphs->Get(0);
        return true;
    }

    size_t tensorCount() const { return sub_->tensors() ? sub_->tensors()->size() : 0; }

    // First operator that reads or writes tensor `t`: context for errors
    // about tensors (e.g. "this type comes from that custom op").
    Where userOf(size_t t, const std::string &tensorName) const {
        Where w;
        w.tensor = tensorName;
        const auto *ops = sub_->operators();
        if (!ops) return w;
        for (flatbuffers::uoffset_t i = 0; i < ops->size(); ++i) {
            const tflite::Operator *op = ops->Get(i);
            auto uses = [&](const flatbuffers::Vector<int32_t> *v) {
                if (!v) return false;
                for (int32_t x : *v)
                    if (x >= 0 && size_t(x) == t) return true;
                return false;
            };
            if (uses(op->inputs()) || uses(op->outputs())) {
                w.opIndex = int(i);
                w.opName = opName(op);
                return w;
            }
        }
        return w;
    }

    std::string opName(const tflite::Operator *op) const {
        const auto *codes = model_->operator_codes();
        if (!codes || op->opcode_index() >= codes->size()) return "";
        const tflite::OperatorCode *c = codes->Get(op->opcode_index());
        int32_t code = std::max<int32_t>(int32_t(c->builtin_code()), c->deprecated_builtin_code());
        if (code == tflitecodes::kCustom)
            return "CUSTOM:" + std::string(c->custom_code() ? c->custom_code()->str() : "?");
        return builtinName(code);
    }

    bool readTensors() {
        size_t n = tensorCount();
        graph_.tensors.resize(n);
        for (size_t i = 0; i < n; ++i)
            if (!readTensor(i, *sub_->tensors()->Get(flatbuffers::uoffset_t(i)), graph_.tensors[i]))
                return false;
        return true;
    }

    bool readTensor(size_t index, const tflite::Tensor &src, Tensor &t) {
        // Names become JSON, Qt strings and C comments: carried as valid UTF-8
        // (a Latin-1 byte 0xE9 becomes the text "\\xe9").
        t.name = (src.name() && src.name()->size()) ? utf8Safe(src.name()->str()) : "tensor_" + std::to_string(index);
        Where where{-1, "", t.name};
        if (!mapTensorType(src.type(), &t.dtype))
            return fail("the tensor type " + tensorTypeName(src.type()) +
                            " is not supported by ember (supported: float32, int8, uint8, int16, "
                            "int32, int64, bool, uint32, uint64); replace the layer that needs it",
                        userOf(index, t.name));
        if (src.sparsity())
            return fail("the tensor is stored sparse, which ember does not support; "
                        "convert the model without sparsification",
                        where);
        if (!readShape(src, t, where) || !readQuant(index, src, t, where)) return false;
        if (src.is_variable()) {
            // TFLM ignores a variable's buffer and starts it at zero (int8:
            // the zero point); so does Ember (variableResetByte).
            t.isVariable = true;
            return true;
        }
        return readData(src, t, where);
    }

    bool readShape(const tflite::Tensor &src, Tensor &t, const Where &where) {
        int64_t bytes = int64_t(dtypeSize(t.dtype));
        if (src.shape()) {
            for (int32_t d : *src.shape()) {
                if (d < 0)
                    return fail("the shape has a dynamic or negative dimension (" + std::to_string(d) +
                                    "); ember needs fixed shapes, re-export the model with a fixed "
                                    "input size",
                                where);
                t.shape.push_back(d);
                if (d > 0 && bytes > kMaxTensorBytes / d)
                    return fail("the shape " + shapeString(t.shape) +
                                    "... is too large (over 2 GiB); the file is damaged",
                                where);
                bytes *= d;
            }
        }
        return true;
    }

    // True when tensor `t` is read, and only read, as the bias (input 3) of
    // CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED: TFLM builds those ops'
    // multipliers from the input and filter scales and never looks at the
    // bias' per-channel layout (at most at its first scale).
    bool onlyReadAsBias(size_t t) const {
        const auto *ops = sub_->operators();
        const auto *codes = model_->operator_codes();
        if (!ops || !codes) return false;
        bool used = false;
        for (flatbuffers::uoffset_t i = 0; i < ops->size(); ++i) {
            const tflite::Operator *op = ops->Get(i);
            if (op->outputs())
                for (int32_t x : *op->outputs())
                    if (x >= 0 && size_t(x) == t) return false;
            if (!op->inputs()) continue;
            for (flatbuffers::uoffset_t k = 0; k < op->inputs()->size(); ++k) {
                const int32_t x = op->inputs()->Get(k);
                if (x < 0 || size_t(x) != t) continue;
                if (k != 2 || op->opcode_index() >= codes->size()) return false;
                const tflite::OperatorCode *c = codes->Get(op->opcode_index());
                const auto code = tflite::BuiltinOperator(
                    std::max<int32_t>(int32_t(c->builtin_code()), c->deprecated_builtin_code()));
                if (code != tflite::BuiltinOperator::CONV_2D && code != tflite::BuiltinOperator::DEPTHWISE_CONV_2D &&
                    code != tflite::BuiltinOperator::FULLY_CONNECTED)
                    return false;
                used = true;
            }
        }
        return used;
    }

    bool readQuant(size_t index, const tflite::Tensor &src, Tensor &t, const Where &where) {
        const tflite::QuantizationParameters *q = src.quantization();
        if (!q) return true;
        if (q->details_type() != tflite::QuantizationDetails::NONE)
            return fail("the tensor uses custom quantization, which ember does not support; "
                        "quantize the model with standard (affine) quantization",
                        where);
        if (!q->scale() || q->scale()->size() == 0) return true;  // float tensor
        size_t ns = q->scale()->size();
        size_t nz = q->zero_point() ? q->zero_point()->size() : 0;
        if (nz != 0 && nz != ns)
            return fail("the quantization has " + std::to_string(ns) + " scales but " + std::to_string(nz) +
                            " zero points; they must match, the file is damaged",
                        where);
        for (float s : *q->scale()) {
            if (!std::isfinite(s) || s < 0.f)
                return fail("the quantization scale " + std::to_string(s) +
                                " is not a finite non-negative number; the file is damaged",
                            where);
            t.quant.scale.push_back(s);
        }
        // The verifier aligns a vector's length, not its 8-byte elements: a
        // valid file may hold the zero points 4-byte aligned, so they are
        // copied out byte-wise instead of loaded in place (found by fuzzing).
        const uint8_t *zp = q->zero_point() ? q->zero_point()->Data() : nullptr;
        for (size_t k = 0; k < nz; ++k) {
            int64_t z;
            std::memcpy(&z, zp + k * sizeof(int64_t), sizeof z);
            if (!zeroPointFits(t.dtype, z))
                return fail("the zero point " + std::to_string(z) + " does not fit the tensor type " +
                                dtypeName(t.dtype) + "; the file is damaged",
                            where);
            t.quant.zeroPoint.push_back(z);
        }
        int axis = q->quantized_dimension();
        bool axisValid = axis >= 0 && size_t(axis) < t.shape.size();
        // Some converters copy the filter's per-channel quantization (e.g.
        // quantized_dimension 3) onto the rank-1 bias. TFLM runs such models
        // (it never reads the bias' layout), so accept it: the scales are
        // kept, the dimension becomes 0 (only FULLY_CONNECTED reads a bias
        // scale, the first, as TFLM does).
        if (ns > 1 && (!axisValid || size_t(t.shape[size_t(axis)]) != ns) && onlyReadAsBias(index)) {
            t.quant.axis = 0;
            return true;
        }
        if (ns > 1 && (!axisValid || size_t(t.shape[size_t(axis)]) != ns))
            return fail("per-channel quantization has " + std::to_string(ns) + " scales along dimension " +
                            std::to_string(axis) + " of shape " + shapeString(t.shape) +
                            "; the counts must match, the file is damaged",
                        where);
        t.quant.axis = axisValid ? axis : 0;
        return true;
    }

    static bool zeroPointFits(DType t, int64_t z) {
        switch (t) {
        case DType::Int8: return z >= -128 && z <= 127;
        case DType::UInt8: return z >= 0 && z <= 255;
        case DType::Int16: return z >= -32768 && z <= 32767;
        default: return z >= std::numeric_limits<int32_t>::min() && z <= std::numeric_limits<int32_t>::max();
        }
    }

    bool readData(const tflite::Tensor &src, Tensor &t, const Where &where) {
        uint32_t b = src.buffer();
        const auto *buffers = model_->buffers();
        size_t nb = buffers ? buffers->size() : 0;
        if (b == 0 && nb == 0) return true;  // no sentinel buffer: tolerated, no data
        if (b >= nb)
            return fail("the tensor refers to buffer " + std::to_string(b) + ", but the model has only " +
                            std::to_string(nb) + " buffers; the file is damaged, export it again",
                        where);
        const tflite::Buffer *buf = buffers->Get(b);
        const uint8_t *bytes = nullptr;
        uint64_t count = 0;
        if (buf->data() && buf->data()->size() > 0) {
            bytes = buf->data()->data();
            count = buf->data()->size();
        } else if (buf->offset() > 1) {
            // Large-model layout: data lives after the flatbuffer in the file.
            uint64_t off = buf->offset(), sz = buf->size();
            if (off > size_ || sz > size_ - off)
                return fail("the tensor's data lies outside the file (offset " + std::to_string(off) +
                                ", size " + std::to_string(sz) + ", file size " + std::to_string(size_) +
                                "); the file is truncated, copy it again",
                            where);
            bytes = data_ + off;
            count = sz;
        }
        if (count == 0) return true;  // activation (or variable) tensor
        if (count != uint64_t(t.bytes()))
            return fail("the constant data is " + std::to_string(count) + " bytes, but shape " +
                            shapeString(t.shape) + " of " + dtypeName(t.dtype) + " needs " +
                            std::to_string(t.bytes()) + " bytes; the file is damaged, export it again",
                        where);
        t.data.assign(bytes, bytes + count);
        t.isConst = true;
        return true;
    }

    bool readOps() {
        const auto *ops = sub_->operators();
        if (!ops) return true;
        graph_.ops.reserve(ops->size());
        for (flatbuffers::uoffset_t i = 0; i < ops->size(); ++i) {
            Op op;
            op.index = int(i);
            if (!readOp(*ops->Get(i), op)) return false;
            graph_.ops.push_back(std::move(op));
        }
        return true;
    }

    bool readOp(const tflite::Operator &src, Op &op) {
        const auto *codes = model_->operator_codes();
        size_t nc = codes ? codes->size() : 0;
        Where where{op.index, "", ""};
        if (src.opcode_index() >= nc)
            return fail("the operator code index " + std::to_string(src.opcode_index()) +
                            " is out of range (the model has " + std::to_string(nc) +
                            " operator codes); the file is damaged",
                        where);
        const tflite::OperatorCode *c = codes->Get(src.opcode_index());
        // Codes below 127 live in the old byte field, larger ones only in the
        // int32 field; the real code is the larger of the two.
        int32_t code = std::max<int32_t>(int32_t(c->builtin_code()), c->deprecated_builtin_code());
        op.typeName = opName(&src);
        where.opName = op.typeName;
        if (code == tflitecodes::kCustom)
            op.type = opTypeForCustomName(op.typeName, &op.type) ? op.type : OpType::Unsupported;
        else if (!tflitecodes::opTypeForCode(code, &op.type))
            op.type = OpType::Unsupported;
        if (!readIndices(src.inputs(), op.inputs, true, where) ||
            !readIndices(src.outputs(), op.outputs, false, where))
            return false;
        return readAttrs(src, op, where);
    }

    bool readIndices(const flatbuffers::Vector<int32_t> *v, std::vector<int> &out, bool optionalOk,
                     const Where &where) {
        if (!v) return true;
        size_t n = tensorCount();
        for (int32_t x : *v) {
            bool absent = optionalOk && x == -1;
            if (!absent && (x < 0 || size_t(x) >= n))
                return fail(std::string("the operator's ") + (optionalOk ? "input" : "output") + " tensor index " +
                                std::to_string(x) + " is out of range (the model has " + std::to_string(n) +
                                " tensors); the file is damaged",
                            where);
            out.push_back(x);
        }
        return true;
    }

    bool optionsMissing(const Where &where, const char *options) {
        return fail(std::string("the operator has no ") + options +
                        "; the model is malformed, export it again",
                    where);
    }

    bool readPadding(tflite::Padding p, Padding *out, const Where &where) {
        if (p == tflite::Padding::SAME) *out = Padding::Same;
        else if (p == tflite::Padding::VALID) *out = Padding::Valid;
        else return fail("unknown padding value " + std::to_string(int(p)) + "; the file is damaged", where);
        return true;
    }

    bool readActivation(tflite::ActivationFunctionType a, Activation *out, const Where &where) {
        int v = int(a);
        if (v < 0 || v > int(tflite::ActivationFunctionType::SIGN_BIT))
            return fail("unknown fused activation value " + std::to_string(v) + "; the file is damaged", where);
        *out = Activation(v);  // same order as TFLite's enum
        return true;
    }

    bool checkPositive(const Where &where, const char *what, std::initializer_list<int> values) {
        for (int v : values)
            if (v < 1)
                return fail(std::string("the ") + what + " must be at least 1 (found " + std::to_string(v) +
                                "); the file is damaged",
                            where);
        return true;
    }

    bool readAttrs(const tflite::Operator &src, Op &op, const Where &where) {
        OpAttrs &a = op.attrs;
        // Custom ops carry their options as a flexbuffer the op parses itself.
        if (op.typeName.rfind("CUSTOM:", 0) == 0)
            if (const auto *o = src.custom_options()) a.customOptions.assign(o->begin(), o->end());
        switch (op.type) {
        case OpType::Conv2D: {
            const auto *o = src.builtin_options_as_Conv2DOptions();
            if (!o) return optionsMissing(where, "Conv2DOptions");
            a.strideW = o->stride_w(), a.strideH = o->stride_h();
            a.dilationW = o->dilation_w_factor(), a.dilationH = o->dilation_h_factor();
            return readPadding(o->padding(), &a.padding, where) &&
                   readActivation(o->fused_activation_function(), &a.activation, where) &&
                   checkPositive(where, "strides and dilations", {a.strideW, a.strideH, a.dilationW, a.dilationH});
        }
        case OpType::DepthwiseConv2D: {
            const auto *o = src.builtin_options_as_DepthwiseConv2DOptions();
            if (!o) return optionsMissing(where, "DepthwiseConv2DOptions");
            a.strideW = o->stride_w(), a.strideH = o->stride_h();
            a.dilationW = o->dilation_w_factor(), a.dilationH = o->dilation_h_factor();
            a.depthMultiplier = o->depth_multiplier();
            return readPadding(o->padding(), &a.padding, where) &&
                   readActivation(o->fused_activation_function(), &a.activation, where) &&
                   checkPositive(where, "strides, dilations and depth multiplier",
                                 {a.strideW, a.strideH, a.dilationW, a.dilationH, a.depthMultiplier});
        }
        case OpType::AveragePool2D:
        case OpType::MaxPool2D: {
            const auto *o = src.builtin_options_as_Pool2DOptions();
            if (!o) return optionsMissing(where, "Pool2DOptions");
            a.strideW = o->stride_w(), a.strideH = o->stride_h();
            a.filterW = o->filter_width(), a.filterH = o->filter_height();
            return readPadding(o->padding(), &a.padding, where) &&
                   readActivation(o->fused_activation_function(), &a.activation, where) &&
                   checkPositive(where, "strides and filter size", {a.strideW, a.strideH, a.filterW, a.filterH});
        }
        case OpType::FullyConnected: {
            const auto *o = src.builtin_options_as_FullyConnectedOptions();
            if (!o) return true;  // defaults: no activation, flatten
            if (o->weights_format() != tflite::FullyConnectedOptionsWeightsFormat::DEFAULT)
                return fail("the fully connected layer uses a shuffled weights format; ember reads only "
                            "the default layout, convert the model without weight shuffling",
                            where);
            a.keepDims = o->keep_num_dims();
            return readActivation(o->fused_activation_function(), &a.activation, where);
        }
        case OpType::Add:
            if (const auto *o = src.builtin_options_as_AddOptions()) {
                a.potScaleInt16 = o->pot_scale_int16();
                return readActivation(o->fused_activation_function(), &a.activation, where);
            }
            return true;
        case OpType::Sub:
            if (const auto *o = src.builtin_options_as_SubOptions()) {
                a.potScaleInt16 = o->pot_scale_int16();
                return readActivation(o->fused_activation_function(), &a.activation, where);
            }
            return true;
        case OpType::Mul:
            if (const auto *o = src.builtin_options_as_MulOptions())
                return readActivation(o->fused_activation_function(), &a.activation, where);
            return true;
        case OpType::Concatenation:
            if (const auto *o = src.builtin_options_as_ConcatenationOptions()) {
                a.axis = o->axis();
                return readActivation(o->fused_activation_function(), &a.activation, where);
            }
            return true;
        default:
            return readSimpleAttrs(src, op);
        }
    }

    // Options without anything to validate.
    bool readSimpleAttrs(const tflite::Operator &src, Op &op) {
        OpAttrs &a = op.attrs;
        switch (op.type) {
        case OpType::Softmax:
            if (const auto *o = src.builtin_options_as_SoftmaxOptions()) a.beta = o->beta();
            break;
        case OpType::Reshape:
            if (const auto *o = src.builtin_options_as_ReshapeOptions(); o && o->new_shape())
                a.newShape.assign(o->new_shape()->begin(), o->new_shape()->end());
            break;
        case OpType::Mean:
            if (const auto *o = src.builtin_options_as_ReducerOptions()) a.keepDims = o->keep_dims();
            break;
        case OpType::LeakyRelu:
            if (const auto *o = src.builtin_options_as_LeakyReluOptions()) a.alpha = o->alpha();
            break;
        case OpType::StridedSlice:
            if (const auto *o = src.builtin_options_as_StridedSliceOptions()) {
                a.beginMask = o->begin_mask(), a.endMask = o->end_mask();
                a.ellipsisMask = o->ellipsis_mask(), a.newAxisMask = o->new_axis_mask();
                a.shrinkAxisMask = o->shrink_axis_mask(), a.offset = o->offset();
            }
            break;
        default: readWiderAttrs(src, op); break;
        }
        return true;
    }

    // Options of the wider operator set. Absent options keep the defaults
    // TFLite's runtime uses.
    void readWiderAttrs(const tflite::Operator &src, Op &op) {
        OpAttrs &a = op.attrs;
        auto act = [&](tflite::ActivationFunctionType t) {
            const int v = int(t);
            if (v >= 0 && v <= int(tflite::ActivationFunctionType::SIGN_BIT)) a.activation = Activation(v);
        };
        auto type = [&](tflite::TensorType t) {
            DType d;
            if (mapTensorType(t, &d)) a.outType = d;
        };
        switch (op.type) {
        case OpType::Sum:
        case OpType::ReduceMax:
        case OpType::ReduceMin:
            if (const auto *o = src.builtin_options_as_ReducerOptions()) a.keepDims = o->keep_dims();
            break;
        case OpType::L2Pool2D:
            if (const auto *o = src.builtin_options_as_Pool2DOptions()) {
                a.strideW = o->stride_w(), a.strideH = o->stride_h();
                a.filterW = o->filter_width(), a.filterH = o->filter_height();
                a.padding = o->padding() == tflite::Padding::SAME ? Padding::Same : Padding::Valid;
                act(o->fused_activation_function());
            }
            break;
        case OpType::L2Normalization:
            if (const auto *o = src.builtin_options_as_L2NormOptions()) act(o->fused_activation_function());
            break;
        case OpType::Div:
            if (const auto *o = src.builtin_options_as_DivOptions()) act(o->fused_activation_function());
            break;
        case OpType::ResizeBilinear:
            if (const auto *o = src.builtin_options_as_ResizeBilinearOptions())
                a.alignCorners = o->align_corners(), a.halfPixelCenters = o->half_pixel_centers();
            break;
        case OpType::ResizeNearestNeighbor:
            if (const auto *o = src.builtin_options_as_ResizeNearestNeighborOptions())
                a.alignCorners = o->align_corners(), a.halfPixelCenters = o->half_pixel_centers();
            break;
        case OpType::SpaceToDepth:
            if (const auto *o = src.builtin_options_as_SpaceToDepthOptions()) a.blockSize = o->block_size();
            break;
        case OpType::DepthToSpace:
            if (const auto *o = src.builtin_options_as_DepthToSpaceOptions()) a.blockSize = o->block_size();
            break;
        case OpType::Gather:
            if (const auto *o = src.builtin_options_as_GatherOptions()) a.axis = o->axis(), a.batchDims = o->batch_dims();
            break;
        case OpType::Squeeze:
            if (const auto *o = src.builtin_options_as_SqueezeOptions(); o && o->squeeze_dims())
                a.squeezeDims.assign(o->squeeze_dims()->begin(), o->squeeze_dims()->end());
            break;
        case OpType::Split:
            if (const auto *o = src.builtin_options_as_SplitOptions()) a.numSplits = o->num_splits();
            break;
        case OpType::SplitV:
            if (const auto *o = src.builtin_options_as_SplitVOptions()) a.numSplits = o->num_splits();
            break;
        case OpType::Cast:
            if (const auto *o = src.builtin_options_as_CastOptions()) type(o->out_data_type());
            break;
        case OpType::ArgMax:
            if (const auto *o = src.builtin_options_as_ArgMaxOptions()) type(o->output_type());
            break;
        case OpType::ArgMin:
            if (const auto *o = src.builtin_options_as_ArgMinOptions()) type(o->output_type());
            break;
        case OpType::Shape:
            if (const auto *o = src.builtin_options_as_ShapeOptions()) type(o->out_type());
            break;
        case OpType::TransposeConv:
            if (const auto *o = src.builtin_options_as_TransposeConvOptions()) {
                a.strideW = o->stride_w(), a.strideH = o->stride_h();
                a.padding = o->padding() == tflite::Padding::SAME ? Padding::Same : Padding::Valid;
                act(o->fused_activation_function());
            }
            break;
        case OpType::Pack:
            if (const auto *o = src.builtin_options_as_PackOptions()) a.count = o->values_count(), a.axis = o->axis();
            break;
        case OpType::Unpack:
            if (const auto *o = src.builtin_options_as_UnpackOptions()) a.count = o->num(), a.axis = o->axis();
            break;
        case OpType::MirrorPad:
            if (const auto *o = src.builtin_options_as_MirrorPadOptions()) a.mirrorMode = int(o->mode());
            break;
        case OpType::BatchMatMul:
            if (const auto *o = src.builtin_options_as_BatchMatMulOptions()) a.adjX = o->adj_x(), a.adjY = o->adj_y();
            break;
        case OpType::Cumsum:
            if (const auto *o = src.builtin_options_as_CumsumOptions())
                a.exclusive = o->exclusive(), a.reverse = o->reverse();
            break;
        case OpType::VarHandle:
            if (const auto *o = src.builtin_options_as_VarHandleOptions()) {
                a.varContainer = o->container() ? utf8Safe(o->container()->str()) : "";
                a.varName = o->shared_name() ? utf8Safe(o->shared_name()->str()) : "";
            }
            break;
        case OpType::CallOnce:  // no options: resolveVariables reports the missing subgraph
            if (const auto *o = src.builtin_options_as_CallOnceOptions()) a.subgraph = o->init_subgraph_index();
            break;
        case OpType::If:  // no options: the subgraph indices stay -1 and readControlSubgraphs reports them
            if (const auto *o = src.builtin_options_as_IfOptions())
                a.thenSubgraph = o->then_subgraph_index(), a.elseSubgraph = o->else_subgraph_index();
            break;
        case OpType::While:
            if (const auto *o = src.builtin_options_as_WhileOptions())
                a.condSubgraph = o->cond_subgraph_index(), a.bodySubgraph = o->body_subgraph_index();
            break;
        case OpType::Svdf:
            if (const auto *o = src.builtin_options_as_SVDFOptions()) {
                a.svdfRank = o->rank();
                a.asymmetricQuantizeInputs = o->asymmetric_quantize_inputs();
                act(o->fused_activation_function());
            }
            break;
        case OpType::UnidirectionalSequenceLstm:
            if (const auto *o = src.builtin_options_as_UnidirectionalSequenceLSTMOptions()) {
                act(o->fused_activation_function());
                a.cellClip = o->cell_clip(), a.projClip = o->proj_clip();
                a.timeMajor = o->time_major(), a.asymmetricQuantizeInputs = o->asymmetric_quantize_inputs();
                a.diagonalRecurrentTensors = o->diagonal_recurrent_tensors();
            }
            break;
        default: break;  // no options (QUANTIZE, PAD, TRANSPOSE, ...) or unsupported op
        }
    }

    // The identity of a resource variable: VAR_HANDLE's (container, shared_name).
    static std::string variableKey(const OpAttrs &a) { return a.varContainer + '\x1f' + a.varName; }

    // Resource variables become state tensors. VAR_HANDLE ops name a
    // variable (container, shared_name); READ_VARIABLE / ASSIGN_VARIABLE get
    // that variable's state tensor as input 0 instead of the handle, and the
    // handles go. A CALL_ONCE initialisation subgraph that assigns constants
    // gives the variables their start-up values (re-applied by reset). As in
    // TFLM, a variable otherwise starts at its first assigned value's zero
    // point (0 when not quantized).
    bool resolveVariables() {
        const auto *subgraphs = model_->subgraphs();
        const size_t nsub = subgraphs->size();
        std::vector<bool> initSubgraph(nsub, false);
        std::map<std::string, std::vector<uint8_t>> initData;
        std::map<std::string, Tensor> initTensor;
        bool any = false;
        for (const Op &op : graph_.ops) {
            any = any || op.type == OpType::VarHandle || op.type == OpType::CallOnce;
            if (op.type != OpType::CallOnce) continue;
            Where where{op.index, op.typeName, ""};
            if (op.attrs.subgraph <= 0 || size_t(op.attrs.subgraph) >= nsub)
                return fail("the initialisation subgraph index " + std::to_string(op.attrs.subgraph) +
                                " is out of range (the model has " + std::to_string(nsub) +
                                " subgraphs); the file is damaged",
                            where);
            if (initSubgraph[size_t(op.attrs.subgraph)]) continue;
            initSubgraph[size_t(op.attrs.subgraph)] = true;
            if (!readInitSubgraph(size_t(op.attrs.subgraph), where, initData, initTensor)) return false;
        }
        for (size_t k = 1; k < nsub; ++k)
            if (!initSubgraph[k] && !(k < graph_.subgraphs.size() && graph_.subgraphs[k].present))
                return fail("the model has " + std::to_string(nsub) + " subgraphs and subgraph " + std::to_string(k) +
                            " is neither a CALL_ONCE initialisation subgraph nor called by IF/WHILE; ember supports one "
                            "main subgraph (multiple signatures are not supported yet), export a single-signature "
                            "model");
        if (!any) return true;
        // One state tensor per variable, typed by its start-up value or by
        // the first ASSIGN_VARIABLE / READ_VARIABLE that touches it.
        std::map<int, std::string> handleKey;  // resource tensor → variable
        for (const Op &op : graph_.ops)
            if (op.type == OpType::VarHandle && !op.outputs.empty()) handleKey[op.outputs[0]] = variableKey(op.attrs);
        // TFLM sizes a variable at its first ASSIGN_VARIABLE (all ops are
        // prepared before any runs), so that one types it even after a read.
        std::vector<const Op *> order;
        for (const Op &op : graph_.ops)
            if (op.type == OpType::AssignVariable) order.push_back(&op);
        for (const Op &op : graph_.ops)
            if (op.type == OpType::ReadVariable) order.push_back(&op);
        std::map<std::string, int> stateOf;
        for (const Op *opp : order) {
            const Op &op = *opp;
            Where where{op.index, op.typeName, ""};
            if (op.inputs.empty() || !handleKey.count(op.inputs[0]))
                return fail("input 0 is not the output of a VAR_HANDLE; ember resolves resource variables only "
                            "through VAR_HANDLE in the main subgraph",
                            where);
            const std::string k = handleKey[op.inputs[0]];
            if (stateOf.count(k)) continue;
            Tensor t;
            if (initTensor.count(k)) {
                t = initTensor[k];
                t.data = initData[k];
            } else {
                const int like = op.type == OpType::AssignVariable ? (op.inputs.size() > 1 ? op.inputs[1] : -1)
                                                                   : (op.outputs.empty() ? -1 : op.outputs[0]);
                if (like < 0) return fail("the operator has too few inputs or outputs; the file is damaged", where);
                const Tensor &l = graph_.tensors[size_t(like)];
                t.dtype = l.dtype;
                t.shape = l.shape;
                t.quant = l.quant;
                const uint8_t fill = (op.type == OpType::AssignVariable && !l.quant.empty()) ? uint8_t(int8_t(l.quant.zp())) : 0;
                t.data.assign(t.bytes(), fill);
            }
            const size_t sep = k.find('\x1f');
            t.name = k.substr(sep + 1).empty() ? "variable_" + std::to_string(stateOf.size()) : k.substr(sep + 1);
            t.isConst = false;
            t.isVariable = true;
            graph_.tensors.push_back(std::move(t));
            stateOf[k] = int(graph_.tensors.size() - 1);
        }
        std::vector<Op> kept;
        for (Op &op : graph_.ops) {
            if (op.type == OpType::VarHandle || op.type == OpType::CallOnce) continue;
            for (int &i : op.inputs)
                if (i >= 0 && handleKey.count(i)) {
                    auto it = stateOf.find(handleKey[i]);
                    if (it == stateOf.end())  // a handle only some other op reads
                        return fail("reads a resource variable that no ASSIGN_VARIABLE or READ_VARIABLE uses; "
                                    "ember cannot type it",
                                    Where{op.index, op.typeName, ""});
                    i = it->second;
                }
            kept.push_back(std::move(op));
        }
        graph_.ops = std::move(kept);
        return true;
    }

    // Control flow: the subgraphs IF (then/else) and WHILE (cond/body) call,
    // nested calls included, become Graph::subgraphs; their tensors are
    // appended to the one tensor table. Recursion is refused (TFLM's arena
    // plans each subgraph once, so it cannot run it either).
    bool readControlSubgraphs() {
        const size_t nsub = model_->subgraphs()->size();
        std::vector<int> state(nsub, 0);  // 0 unread, 1 being read (on the call stack), 2 read
        state[0] = 1;
        for (size_t k = 0; k < graph_.ops.size(); ++k)
            if (!readCalled(k, 0, graph_.ops[k], state)) return false;
        return true;
    }

    // The subgraphs `op` (an op of subgraph `caller`, at position `pos`) calls.
    bool readCalled(size_t pos, int caller, const Op &op, std::vector<int> &state) {
        const std::vector<int> called = calledSubgraphs(op);
        const char *roles[2] = {op.type == OpType::If ? "then" : "cond", op.type == OpType::If ? "else" : "body"};
        Where where{caller == 0 ? op.index : int(pos), op.typeName, ""};
        const std::string in = caller == 0 ? "" : " (in subgraph " + std::to_string(caller) + ")";
        for (size_t r = 0; r < called.size(); ++r) {
            const int s = called[r];
            if (s < 0 || size_t(s) >= state.size() || s == 0)
                return fail(std::string("the ") + roles[r] + " subgraph index " + std::to_string(s) + in +
                                (s == 0 ? " is the main graph"
                                        : " is missing or out of range (the model has " +
                                              std::to_string(state.size()) + " subgraphs)") +
                                "; the file is damaged, export the model again",
                            where);
            if (state[size_t(s)] == 1)
                return fail(std::string("the ") + roles[r] + " subgraph " + std::to_string(s) + in +
                                " calls itself (directly or through other subgraphs); recursive control flow is "
                                "not supported (TFLM cannot run it either)",
                            where);
            if (state[size_t(s)] == 2) continue;
            state[size_t(s)] = 1;
            if (!readSubgraph(size_t(s))) return false;
            // (readSubgraph may grow graph_.subgraphs: index, never hold a reference)
            for (size_t k = 0; k < graph_.subgraphs[size_t(s)].ops.size(); ++k) {
                const Op nested = graph_.subgraphs[size_t(s)].ops[k];
                if (!readCalled(k, s, nested, state)) return false;
            }
            state[size_t(s)] = 2;
        }
        return true;
    }

    // One called subgraph: tensors appended to the table, ops and I/O
    // re-indexed into it.
    bool readSubgraph(size_t index) {
        const tflite::SubGraph *saved = sub_;
        sub_ = model_->subgraphs()->Get(flatbuffers::uoffset_t(index));
        struct Restore {
            const tflite::SubGraph *&s;
            const tflite::SubGraph *v;
            ~Restore() { s = v; }
        } restore{sub_, saved};
        if (graph_.subgraphs.size() < model_->subgraphs()->size()) graph_.subgraphs.resize(model_->subgraphs()->size());
        Subgraph sg;
        sg.present = true;
        sg.name = sub_->name() && sub_->name()->size() ? utf8Safe(sub_->name()->str()) : "subgraph" + std::to_string(index);
        const int base = int(graph_.tensors.size());
        for (size_t i = 0; i < tensorCount(); ++i) {
            Tensor t;
            if (!readTensor(i, *sub_->tensors()->Get(flatbuffers::uoffset_t(i)), t)) return false;
            graph_.tensors.push_back(std::move(t));
        }
        auto shift = [&](std::vector<int> &v) {
            for (int &x : v)
                if (x >= 0) x += base;
        };
        const auto *ops = sub_->operators();
        for (flatbuffers::uoffset_t i = 0; ops && i < ops->size(); ++i) {
            Op op;
            op.index = int(i);
            if (!readOp(*ops->Get(i), op)) return false;
            shift(op.inputs);
            shift(op.outputs);
            sg.ops.push_back(std::move(op));
        }
        if (!readGraphIndices(sub_->inputs(), sg.inputs, "input") ||
            !readGraphIndices(sub_->outputs(), sg.outputs, "output"))
            return false;
        shift(sg.inputs);
        shift(sg.outputs);
        graph_.subgraphs[index] = std::move(sg);
        return true;
    }

    // A CALL_ONCE initialisation subgraph: VAR_HANDLE + ASSIGN_VARIABLE of
    // constants only (what converters write for variable initialisers).
    bool readInitSubgraph(size_t index, const Where &caller, std::map<std::string, std::vector<uint8_t>> &data,
                          std::map<std::string, Tensor> &typed) {
        const tflite::SubGraph *saved = sub_;
        sub_ = model_->subgraphs()->Get(flatbuffers::uoffset_t(index));
        struct Restore {
            const tflite::SubGraph *&s;
            const tflite::SubGraph *v;
            ~Restore() { s = v; }
        } restore{sub_, saved};
        const std::string where = "CALL_ONCE initialisation subgraph " + std::to_string(index);
        std::vector<Tensor> tensors(tensorCount());
        for (size_t i = 0; i < tensors.size(); ++i)
            if (!readTensor(i, *sub_->tensors()->Get(flatbuffers::uoffset_t(i)), tensors[i])) return false;
        std::map<int, std::string> handle;
        const auto *ops = sub_->operators();
        for (flatbuffers::uoffset_t i = 0; ops && i < ops->size(); ++i) {
            Op op;
            op.index = int(i);
            if (!readOp(*ops->Get(i), op)) return false;
            if (op.type == OpType::VarHandle && op.outputs.size() == 1) {
                handle[op.outputs[0]] = variableKey(op.attrs);
                continue;
            }
            if (op.type == OpType::AssignVariable && op.inputs.size() == 2 && handle.count(op.inputs[0]) &&
                op.inputs[1] >= 0 && tensors[size_t(op.inputs[1])].isConst) {
                const Tensor &v = tensors[size_t(op.inputs[1])];
                data[handle[op.inputs[0]]] = v.data;
                typed[handle[op.inputs[0]]] = v;
                continue;
            }
            return fail(where + " has " + op.typeName + " (op " + std::to_string(i) +
                            "); ember supports initialisation subgraphs that assign constants to variables "
                            "(VAR_HANDLE + ASSIGN_VARIABLE) only",
                        caller);
        }
        return true;
    }

    bool readIO() {
        if (!readGraphIndices(sub_->inputs(), graph_.inputs, "input") ||
            !readGraphIndices(sub_->outputs(), graph_.outputs, "output"))
            return false;
        if (graph_.outputs.empty())
            return fail("the model declares no outputs; export it with at least one output tensor");
        for (int i : graph_.inputs) graph_.tensors[size_t(i)].isInput = true;
        for (int o : graph_.outputs) graph_.tensors[size_t(o)].isOutput = true;
        return true;
    }

    bool readGraphIndices(const flatbuffers::Vector<int32_t> *v, std::vector<int> &out, const char *what) {
        if (!v) return true;
        size_t n = tensorCount();
        for (int32_t x : *v) {
            if (x < 0 || size_t(x) >= n)
                return fail(std::string("the model's ") + what + " tensor index " + std::to_string(x) +
                            " is out of range (the model has " + std::to_string(n) +
                            " tensors); the file is damaged");
            out.push_back(x);
        }
        return true;
    }

    const uint8_t *data_;
    size_t size_;
    std::string origin_;
    Diagnostics diags_;
    const tflite::Model *model_ = nullptr;
    const tflite::SubGraph *sub_ = nullptr;
    Graph graph_;
};

}  // namespace

Result<Graph> importTfliteBuffer(const uint8_t *data, size_t size, const std::string &origin) {
    return Importer(data, size, origin).run();
}

Result<Graph> importTflite(const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        d.error("this is a directory, not a model file; pass the path of a .tflite file");
        return d;
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        d.error("cannot open the file (" + std::string(std::strerror(errno)) + "); check the path and permissions");
        return d;
    }
    std::vector<uint8_t> bytes;
    f.seekg(0, std::ios::end);
    std::streamoff end = f.tellg();
    f.seekg(0, std::ios::beg);
    if (end > 0) {
        bytes.resize(size_t(end));
        f.read(reinterpret_cast<char *>(bytes.data()), end);
        if (f.gcount() != end) {
            d.error("reading the file failed after " + std::to_string(f.gcount()) + " of " + std::to_string(end) +
                    " bytes; check the disk and try again");
            return d;
        }
    }
    return importTfliteBuffer(bytes.data(), bytes.size(), path);
}

}  // namespace ember
