// The Ember IR: a graph of tensors and operators in execution order.
//
// Everything downstream of the importers (passes, planner, reference executor,
// C generator) reads this one structure. It mirrors TFLite's data model
// (NHWC activations, OHWI conv filters, 1HWO depthwise filters, per-tensor or
// per-channel affine quantization) because that is what the kernels must match
// bit for bit.
#pragma once

#include <any>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ember {

enum class DType : uint8_t { Float32, Int8, UInt8, Int16, Int32, Int64, Bool, UInt32, UInt64 };

size_t dtypeSize(DType t);
const char *dtypeName(DType t);   // "int8", "float32", ... (metadata, manifests)
const char *dtypeCType(DType t);  // "int8_t", "float", ...

// Affine quantization: real = scale * (q - zeroPoint). One entry per tensor,
// or one per slice along `axis` (per-channel).
struct Quant {
    std::vector<float> scale;
    std::vector<int64_t> zeroPoint;
    int axis = 0;
    bool empty() const { return scale.empty(); }
    bool perChannel() const { return scale.size() > 1; }
    int32_t zp(size_t i = 0) const { return zeroPoint.empty() ? 0 : int32_t(zeroPoint[i < zeroPoint.size() ? i : 0]); }
    float sc(size_t i = 0) const { return scale.empty() ? 0.f : scale[i < scale.size() ? i : 0]; }
};

using Shape = std::vector<int32_t>;
struct Tensor;
// The byte a variable tensor is filled with at start-up and on reset: the zero
// point for int8, else 0 (TFLM's MicroGraph::ResetVariableTensors).
uint8_t variableResetByte(const Tensor &t);
int64_t shapeElements(const Shape &s);
std::string shapeString(const Shape &s);  // "[1,49,10,1]"

struct Tensor {
    std::string name;
    DType dtype = DType::Float32;
    Shape shape;
    Quant quant;
    std::vector<uint8_t> data;  // constant contents (row-major, little endian) when isConst
    bool isConst = false;
    bool isInput = false;   // graph input (application provides it)
    bool isOutput = false;  // graph output
    // State kept between calls (TFLite's is_variable: LSTM/SVDF state, and
    // the storage behind resource variables). Lives in the state pool for the
    // whole timeline; `data` holds its initial value (empty = zeros).
    bool isVariable = false;

    int64_t elements() const { return shapeElements(shape); }
    size_t bytes() const { return size_t(elements()) * dtypeSize(dtype); }
    template <class T> const T *as() const { return reinterpret_cast<const T *>(data.data()); }
    template <class T> T at(int64_t i) const {
        T v;
        std::memcpy(&v, data.data() + i * sizeof(T), sizeof(T));
        return v;
    }
};

enum class OpType {
    Conv2D,
    DepthwiseConv2D,
    FullyConnected,
    AveragePool2D,
    MaxPool2D,
    Add,
    Sub,
    Mul,
    Softmax,
    Reshape,
    Quantize,
    Dequantize,
    Pad,
    Mean,
    Concatenation,
    Logistic,
    Tanh,
    Relu,
    Relu6,
    LeakyRelu,
    Transpose,
    StridedSlice,
    Abs,
    AddN,
    ArgMax,
    ArgMin,
    BatchMatMul,
    BatchToSpaceNd,
    BroadcastArgs,
    BroadcastTo,
    Cast,
    Ceil,
    Cos,
    Cumsum,
    DepthToSpace,
    Div,
    DynamicUpdateSlice,
    Elu,
    EmbeddingLookup,
    Equal,
    Exp,
    ExpandDims,
    Fill,
    Floor,
    FloorDiv,
    FloorMod,
    Gather,
    GatherNd,
    Greater,
    GreaterEqual,
    HardSwish,
    L2Normalization,
    L2Pool2D,
    Less,
    LessEqual,
    Log,
    LogicalAnd,
    LogicalNot,
    LogicalOr,
    LogSoftmax,
    Maximum,
    Minimum,
    MirrorPad,
    Neg,
    NotEqual,
    Pack,
    PadV2,
    Prelu,
    ReduceMax,
    ReduceMin,
    ResizeBilinear,
    ResizeNearestNeighbor,
    ReverseV2,
    Round,
    Rsqrt,
    SelectV2,
    Shape,
    Sin,
    Slice,
    SpaceToBatchNd,
    SpaceToDepth,
    Split,
    SplitV,
    Sqrt,
    Square,
    SquaredDifference,
    Squeeze,
    Sum,
    TransposeConv,
    Unpack,
    ZerosLike,
    DetectionPostProcess,  // custom op TFLite_Detection_PostProcess
    // Recurrent, stateful and streaming operators.
    UnidirectionalSequenceLstm,
    Svdf,
    VarHandle,
    ReadVariable,
    AssignVariable,
    CallOnce,
    If,
    While,
    CircularBuffer,        // custom op CIRCULAR_BUFFER
    SignalWindow,          // custom ops of TFLM's Signal library
    SignalFftAutoScale,
    SignalRfft,
    SignalIrfft,
    SignalEnergy,
    SignalFilterBank,
    SignalFilterBankSquareRoot,
    SignalFilterBankSpectralSubtraction,
    SignalFilterBankLog,
    SignalPcan,
    SignalFramer,
    SignalStacker,
    SignalDelay,
    SignalOverlapAdd,
    Unsupported,  // imported so that it can be reported with context; never compiled
};

// TFLite's builtin operator name ("CONV_2D") for each supported type.
const char *opTypeName(OpType t);
// The custom op a "CUSTOM:Name" type name stands for (false: none Ember knows).
bool opTypeForCustomName(const std::string &typeName, OpType *out);
// Short lower-case name used in generated identifiers ("conv2d").
const char *opTypeIdent(OpType t);

enum class Padding { Same, Valid };
enum class Activation { None, Relu, ReluN1To1, Relu6, Tanh, SignBit };
const char *activationName(Activation a);

// Attributes read from the model. A superset: each op reads the fields it needs.
struct OpAttrs {
    Padding padding = Padding::Valid;
    int strideW = 1, strideH = 1;
    int dilationW = 1, dilationH = 1;
    int filterW = 1, filterH = 1;  // pooling window
    int depthMultiplier = 1;
    Activation activation = Activation::None;
    int axis = 0;            // concatenation, softmax
    bool keepDims = false;   // mean, fully connected (keep_num_dims)
    float beta = 1.0f;       // softmax
    float alpha = 0.0f;      // leaky relu
    int beginMask = 0, endMask = 0, ellipsisMask = 0, newAxisMask = 0, shrinkAxisMask = 0;
    bool offset = false;     // strided slice
    std::vector<int32_t> newShape;  // reshape options (when present)
    // Options of the wider operator set (each op reads what it needs).
    int blockSize = 0;                 // SPACE_TO_DEPTH, DEPTH_TO_SPACE block_size
    int numSplits = 0;                 // SPLIT, SPLIT_V num_splits
    int count = 0;                     // PACK values_count, UNPACK num
    int batchDims = 0;                 // GATHER batch_dims (axis: `axis`)
    bool alignCorners = false;         // RESIZE_BILINEAR, RESIZE_NEAREST_NEIGHBOR
    bool halfPixelCenters = false;
    bool adjX = false, adjY = false;   // BATCH_MATMUL
    bool exclusive = false, reverse = false;  // CUMSUM
    bool potScaleInt16 = true;         // ADD, SUB (int16)
    int mirrorMode = 0;                // MIRROR_PAD: 0 REFLECT, 1 SYMMETRIC
    std::vector<int32_t> squeezeDims;  // SQUEEZE
    DType outType = DType::Int32;      // ARG_MAX/ARG_MIN output_type, SHAPE out_type, CAST out_data_type
    std::vector<uint8_t> customOptions;  // custom ops' options (flexbuffer), e.g. detection post-processing
    // Resource variables and subgraphs (VAR_HANDLE, CALL_ONCE).
    std::string varContainer, varName;  // VAR_HANDLE container, shared_name
    int subgraph = -1;                  // CALL_ONCE init_subgraph_index
    // SVDF (SVDFOptions; the fused activation is `activation`).
    int svdfRank = 0;
    bool asymmetricQuantizeInputs = false;  // hybrid only; read and written back, never used
    // UNIDIRECTIONAL_SEQUENCE_LSTM (fused_activation_function: `activation`).
    float cellClip = 0.f, projClip = 0.f;
    bool timeMajor = false, diagonalRecurrentTensors = false;  // asymmetricQuantizeInputs: see SVDF
    // IF (then/else) and WHILE (cond/body): indices into Graph::subgraphs
    // (the model's subgraph indices; 0 is the main graph).
    int thenSubgraph = -1, elseSubgraph = -1;  // IfOptions
    int condSubgraph = -1, bodySubgraph = -1;  // WhileOptions
};

struct Op {
    OpType type = OpType::Unsupported;
    std::string typeName;     // as in the model, e.g. "CONV_2D" or "CUSTOM:Foo"
    int index = 0;            // position in the model's operator list
    std::vector<int> inputs;  // tensor indices; -1 = optional input absent
    std::vector<int> outputs;
    OpAttrs attrs;
    // Derived at compile time by the op's prepare step (requantization
    // multipliers, folded zero points, padding, ...). Each op kernel stores
    // its own Params struct here and reads it back in eval and emit.
    std::any params;
    // Browse mode only (LoadOptions::browse): why this op cannot be compiled
    // ("" = it is prepared) and the supported ops that could replace it.
    std::string unsupportedReason;
    std::vector<std::string> alternatives;
};

// A subgraph IF or WHILE calls. Its ops and I/O index Graph::tensors (the
// importer appends each subgraph's tensors to the one tensor table).
struct Subgraph {
    std::string name;
    std::vector<Op> ops;       // execution order
    std::vector<int> inputs;   // tensor indices
    std::vector<int> outputs;
    bool present = false;      // false: an index no IF/WHILE uses (e.g. a CALL_ONCE initialiser)
};

struct Graph {
    std::string name;          // model name (file stem)
    std::string sourcePath;    // file it was imported from
    std::vector<Tensor> tensors;
    std::vector<Op> ops;       // execution order
    std::vector<int> inputs;   // tensor indices, model order
    std::vector<int> outputs;

    const Tensor &in(const Op &op, size_t i) const { return tensors[size_t(op.inputs[i])]; }
    const Tensor &out(const Op &op, size_t i = 0) const { return tensors[size_t(op.outputs[i])]; }
    bool hasInput(const Op &op, size_t i) const { return i < op.inputs.size() && op.inputs[i] >= 0; }
    // Human-readable layer name: the op's first output tensor name.
    std::string layerName(const Op &op) const;
    // Browse mode: the ops that cannot be compiled (their unsupportedReason
    // is set). compile() refuses such a graph with the import's error.
    bool browseOnly = false;
    // Control flow (IF/WHILE): indexed like the model's subgraphs; entry 0
    // (the main graph, i.e. `ops`) stays empty. Empty without control flow.
    std::vector<Subgraph> subgraphs;
};

// The subgraphs an IF (then, else) or WHILE (cond, body) op calls; empty for
// other ops.
std::vector<int> calledSubgraphs(const Op &op);
// Every non-constant tensor the subgraphs `op` calls touch, nested calls
// included, sorted and unique: they live while `op` runs.
std::vector<int> controlFlowTensors(const Graph &g, const Op &op);

}  // namespace ember
