#include "Graph.h"

#include <algorithm>

namespace ember {

size_t dtypeSize(DType t) {
    switch (t) {
    case DType::Float32: return 4;
    case DType::Int8: return 1;
    case DType::UInt8: return 1;
    case DType::Int16: return 2;
    case DType::Int32: return 4;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
    case DType::UInt32: return 4;
    case DType::UInt64: return 8;
    }
    return 1;
}

const char *dtypeName(DType t) {
    switch (t) {
    case DType::Float32: return "float32";
    case DType::Int8: return "int8";
    case DType::UInt8: return "uint8";
    case DType::Int16: return "int16";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::Bool: return "bool";
    case DType::UInt32: return "uint32";
    case DType::UInt64: return "uint64";
    }
    return "?";
}

const char *dtypeCType(DType t) {
    switch (t) {
    case DType::Float32: return "float";
    case DType::Int8: return "int8_t";
    case DType::UInt8: return "uint8_t";
    case DType::Int16: return "int16_t";
    case DType::Int32: return "int32_t";
    case DType::Int64: return "int64_t";
    case DType::Bool: return "uint8_t";
    case DType::UInt32: return "uint32_t";
    case DType::UInt64: return "uint64_t";
    }
    return "uint8_t";
}

uint8_t variableResetByte(const Tensor &t) {
    return t.dtype == DType::Int8 ? uint8_t(int8_t(t.quant.zp())) : uint8_t(0);
}

int64_t shapeElements(const Shape &s) {
    int64_t n = 1;
    for (int32_t d : s) n *= d;
    return n;
}

std::string shapeString(const Shape &s) {
    std::string r = "[";
    for (size_t i = 0; i < s.size(); ++i) r += (i ? "," : "") + std::to_string(s[i]);
    return r + "]";
}

static const struct {
    OpType type;
    const char *name;
    const char *ident;
} kOpNames[] = {
    {OpType::Conv2D, "CONV_2D", "conv2d"},
    {OpType::DepthwiseConv2D, "DEPTHWISE_CONV_2D", "depthwise_conv2d"},
    {OpType::FullyConnected, "FULLY_CONNECTED", "fully_connected"},
    {OpType::AveragePool2D, "AVERAGE_POOL_2D", "average_pool2d"},
    {OpType::MaxPool2D, "MAX_POOL_2D", "max_pool2d"},
    {OpType::Add, "ADD", "add"},
    {OpType::Sub, "SUB", "sub"},
    {OpType::Mul, "MUL", "mul"},
    {OpType::Softmax, "SOFTMAX", "softmax"},
    {OpType::Reshape, "RESHAPE", "reshape"},
    {OpType::Quantize, "QUANTIZE", "quantize"},
    {OpType::Dequantize, "DEQUANTIZE", "dequantize"},
    {OpType::Pad, "PAD", "pad"},
    {OpType::Mean, "MEAN", "mean"},
    {OpType::Concatenation, "CONCATENATION", "concatenation"},
    {OpType::Logistic, "LOGISTIC", "logistic"},
    {OpType::Tanh, "TANH", "tanh"},
    {OpType::Relu, "RELU", "relu"},
    {OpType::Relu6, "RELU6", "relu6"},
    {OpType::LeakyRelu, "LEAKY_RELU", "leaky_relu"},
    {OpType::Transpose, "TRANSPOSE", "transpose"},
    {OpType::StridedSlice, "STRIDED_SLICE", "strided_slice"},
    {OpType::Abs, "ABS", "abs"},
    {OpType::AddN, "ADD_N", "add_n"},
    {OpType::ArgMax, "ARG_MAX", "arg_max"},
    {OpType::ArgMin, "ARG_MIN", "arg_min"},
    {OpType::BatchMatMul, "BATCH_MATMUL", "batch_matmul"},
    {OpType::BatchToSpaceNd, "BATCH_TO_SPACE_ND", "batch_to_space_nd"},
    {OpType::BroadcastArgs, "BROADCAST_ARGS", "broadcast_args"},
    {OpType::BroadcastTo, "BROADCAST_TO", "broadcast_to"},
    {OpType::Cast, "CAST", "cast"},
    {OpType::Ceil, "CEIL", "ceil"},
    {OpType::Cos, "COS", "cos"},
    {OpType::Cumsum, "CUMSUM", "cumsum"},
    {OpType::DepthToSpace, "DEPTH_TO_SPACE", "depth_to_space"},
    {OpType::Div, "DIV", "div"},
    {OpType::DynamicUpdateSlice, "DYNAMIC_UPDATE_SLICE", "dynamic_update_slice"},
    {OpType::Elu, "ELU", "elu"},
    {OpType::EmbeddingLookup, "EMBEDDING_LOOKUP", "embedding_lookup"},
    {OpType::Equal, "EQUAL", "equal"},
    {OpType::Exp, "EXP", "exp"},
    {OpType::ExpandDims, "EXPAND_DIMS", "expand_dims"},
    {OpType::Fill, "FILL", "fill"},
    {OpType::Floor, "FLOOR", "floor"},
    {OpType::FloorDiv, "FLOOR_DIV", "floor_div"},
    {OpType::FloorMod, "FLOOR_MOD", "floor_mod"},
    {OpType::Gather, "GATHER", "gather"},
    {OpType::GatherNd, "GATHER_ND", "gather_nd"},
    {OpType::Greater, "GREATER", "greater"},
    {OpType::GreaterEqual, "GREATER_EQUAL", "greater_equal"},
    {OpType::HardSwish, "HARD_SWISH", "hard_swish"},
    {OpType::L2Normalization, "L2_NORMALIZATION", "l2_normalization"},
    {OpType::L2Pool2D, "L2_POOL_2D", "l2_pool2d"},
    {OpType::Less, "LESS", "less"},
    {OpType::LessEqual, "LESS_EQUAL", "less_equal"},
    {OpType::Log, "LOG", "log"},
    {OpType::LogicalAnd, "LOGICAL_AND", "logical_and"},
    {OpType::LogicalNot, "LOGICAL_NOT", "logical_not"},
    {OpType::LogicalOr, "LOGICAL_OR", "logical_or"},
    {OpType::LogSoftmax, "LOG_SOFTMAX", "log_softmax"},
    {OpType::Maximum, "MAXIMUM", "maximum"},
    {OpType::Minimum, "MINIMUM", "minimum"},
    {OpType::MirrorPad, "MIRROR_PAD", "mirror_pad"},
    {OpType::Neg, "NEG", "neg"},
    {OpType::NotEqual, "NOT_EQUAL", "not_equal"},
    {OpType::Pack, "PACK", "pack"},
    {OpType::PadV2, "PADV2", "padv2"},
    {OpType::Prelu, "PRELU", "prelu"},
    {OpType::ReduceMax, "REDUCE_MAX", "reduce_max"},
    {OpType::ReduceMin, "REDUCE_MIN", "reduce_min"},
    {OpType::ResizeBilinear, "RESIZE_BILINEAR", "resize_bilinear"},
    {OpType::ResizeNearestNeighbor, "RESIZE_NEAREST_NEIGHBOR", "resize_nearest"},
    {OpType::ReverseV2, "REVERSE_V2", "reverse_v2"},
    {OpType::Round, "ROUND", "round"},
    {OpType::Rsqrt, "RSQRT", "rsqrt"},
    {OpType::SelectV2, "SELECT_V2", "select_v2"},
    {OpType::Shape, "SHAPE", "shape"},
    {OpType::Sin, "SIN", "sin"},
    {OpType::Slice, "SLICE", "slice"},
    {OpType::SpaceToBatchNd, "SPACE_TO_BATCH_ND", "space_to_batch_nd"},
    {OpType::SpaceToDepth, "SPACE_TO_DEPTH", "space_to_depth"},
    {OpType::Split, "SPLIT", "split"},
    {OpType::SplitV, "SPLIT_V", "split_v"},
    {OpType::Sqrt, "SQRT", "sqrt"},
    {OpType::Square, "SQUARE", "square"},
    {OpType::SquaredDifference, "SQUARED_DIFFERENCE", "squared_difference"},
    {OpType::Squeeze, "SQUEEZE", "squeeze"},
    {OpType::Sum, "SUM", "sum"},
    {OpType::TransposeConv, "TRANSPOSE_CONV", "transpose_conv"},
    {OpType::Unpack, "UNPACK", "unpack"},
    {OpType::ZerosLike, "ZEROS_LIKE", "zeros_like"},
    {OpType::DetectionPostProcess, "CUSTOM:TFLite_Detection_PostProcess", "detection_postprocess"},
    {OpType::UnidirectionalSequenceLstm, "UNIDIRECTIONAL_SEQUENCE_LSTM", "lstm"},
    {OpType::Svdf, "SVDF", "svdf"},
    {OpType::VarHandle, "VAR_HANDLE", "var_handle"},
    {OpType::ReadVariable, "READ_VARIABLE", "read_variable"},
    {OpType::AssignVariable, "ASSIGN_VARIABLE", "assign_variable"},
    {OpType::CallOnce, "CALL_ONCE", "call_once"},
    {OpType::If, "IF", "if"},
    {OpType::While, "WHILE", "while"},
    {OpType::CircularBuffer, "CUSTOM:CIRCULAR_BUFFER", "circular_buffer"},
    {OpType::SignalWindow, "CUSTOM:SignalWindow", "signal_window"},
    {OpType::SignalFftAutoScale, "CUSTOM:SignalFftAutoScale", "signal_fft_auto_scale"},
    {OpType::SignalRfft, "CUSTOM:SignalRfft", "signal_rfft"},
    {OpType::SignalIrfft, "CUSTOM:SignalIrfft", "signal_irfft"},
    {OpType::SignalEnergy, "CUSTOM:SignalEnergy", "signal_energy"},
    {OpType::SignalFilterBank, "CUSTOM:SignalFilterBank", "signal_filter_bank"},
    {OpType::SignalFilterBankSquareRoot, "CUSTOM:SignalFilterBankSquareRoot", "signal_filter_bank_sqrt"},
    {OpType::SignalFilterBankSpectralSubtraction, "CUSTOM:SignalFilterBankSpectralSubtraction",
     "signal_spectral_subtraction"},
    {OpType::SignalFilterBankLog, "CUSTOM:SignalFilterBankLog", "signal_filter_bank_log"},
    {OpType::SignalPcan, "CUSTOM:SignalPCAN", "signal_pcan"},
    {OpType::SignalFramer, "CUSTOM:SignalFramer", "signal_framer"},
    {OpType::SignalStacker, "CUSTOM:SignalStacker", "signal_stacker"},
    {OpType::SignalDelay, "CUSTOM:SignalDelay", "signal_delay"},
    {OpType::SignalOverlapAdd, "CUSTOM:SignalOverlapAdd", "signal_overlap_add"},
    {OpType::Unsupported, "UNSUPPORTED", "unsupported"},
};

const char *opTypeName(OpType t) {
    for (const auto &e : kOpNames)
        if (e.type == t) return e.name;
    return "UNSUPPORTED";
}

bool opTypeForCustomName(const std::string &typeName, OpType *out) {
    if (typeName.rfind("CUSTOM:", 0) != 0) return false;
    for (const auto &e : kOpNames)
        if (typeName == e.name) {
            *out = e.type;
            return true;
        }
    return false;
}

const char *opTypeIdent(OpType t) {
    for (const auto &e : kOpNames)
        if (e.type == t) return e.ident;
    return "unsupported";
}

const char *activationName(Activation a) {
    switch (a) {
    case Activation::None: return "NONE";
    case Activation::Relu: return "RELU";
    case Activation::ReluN1To1: return "RELU_N1_TO_1";
    case Activation::Relu6: return "RELU6";
    case Activation::Tanh: return "TANH";
    case Activation::SignBit: return "SIGN_BIT";
    }
    return "?";
}

std::string Graph::layerName(const Op &op) const {
    if (!op.outputs.empty() && op.outputs[0] >= 0) return tensors[size_t(op.outputs[0])].name;
    return std::string(opTypeName(op.type)) + "_" + std::to_string(op.index);
}

std::vector<int> calledSubgraphs(const Op &op) {
    if (op.type == OpType::If) return {op.attrs.thenSubgraph, op.attrs.elseSubgraph};
    if (op.type == OpType::While) return {op.attrs.condSubgraph, op.attrs.bodySubgraph};
    return {};
}

namespace {
void collectControlFlowTensors(const Graph &g, const Op &op, std::vector<int> &out, int depth) {
    if (depth > 64) return;  // the importer refuses recursion; this only bounds a damaged graph
    for (int s : calledSubgraphs(op)) {
        if (s <= 0 || size_t(s) >= g.subgraphs.size()) continue;
        const Subgraph &sg = g.subgraphs[size_t(s)];
        auto add = [&](int t) {
            if (t >= 0 && size_t(t) < g.tensors.size() && !g.tensors[size_t(t)].isConst) out.push_back(t);
        };
        for (int t : sg.inputs) add(t);
        for (int t : sg.outputs) add(t);
        for (const Op &o : sg.ops) {
            for (int t : o.inputs) add(t);
            for (int t : o.outputs) add(t);
            collectControlFlowTensors(g, o, out, depth + 1);
        }
    }
}
}  // namespace

std::vector<int> controlFlowTensors(const Graph &g, const Op &op) {
    std::vector<int> r;
    collectControlFlowTensors(g, op, r, 0);
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    return r;
}

}  // namespace ember
