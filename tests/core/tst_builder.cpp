// TFLite writer and example models: writeTflite → importTflite preserves
// every field, the output follows TFLite's conventions (checked on the raw
// flatbuffer), and the example models have their documented structure and
// are byte-for-byte deterministic.
#include <QtTest>

#include <flatbuffers/flatbuffers.h>

#include <cmath>
#include <map>

#include "TestUtil.h"
#include "core/builder/TfliteWriter.h"
#include "core/import/TfliteImporter.h"
#include "core/passes/Passes.h"

using namespace ember;

Q_DECLARE_METATYPE(ember::OpAttrs)

namespace {

// Compares every IR field the TFLite format carries.
void compareGraphs(const Graph &a, const Graph &b) {
    QCOMPARE(a.tensors.size(), b.tensors.size());
    for (size_t i = 0; i < a.tensors.size(); ++i) {
        const Tensor &x = a.tensors[i], &y = b.tensors[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.dtype, y.dtype);
        QCOMPARE(x.shape, y.shape);
        QCOMPARE(x.quant.scale, y.quant.scale);
        QCOMPARE(x.quant.zeroPoint, y.quant.zeroPoint);
        QCOMPARE(x.quant.axis, y.quant.axis);
        QCOMPARE(x.isConst, y.isConst);
        QCOMPARE(x.data, y.data);
        QCOMPARE(x.isInput, y.isInput);
        QCOMPARE(x.isOutput, y.isOutput);
    }
    QCOMPARE(a.inputs, b.inputs);
    QCOMPARE(a.outputs, b.outputs);
    QCOMPARE(a.ops.size(), b.ops.size());
    for (size_t i = 0; i < a.ops.size(); ++i) {
        const Op &p = a.ops[i], &q = b.ops[i];
        QCOMPARE(p.type, q.type);
        QCOMPARE(p.typeName, q.typeName);
        QCOMPARE(p.index, q.index);
        QCOMPARE(p.inputs, q.inputs);
        QCOMPARE(p.outputs, q.outputs);
        const OpAttrs &s = p.attrs, &t = q.attrs;
        QCOMPARE(s.padding, t.padding);
        QCOMPARE(s.strideW, t.strideW);
        QCOMPARE(s.strideH, t.strideH);
        QCOMPARE(s.dilationW, t.dilationW);
        QCOMPARE(s.dilationH, t.dilationH);
        QCOMPARE(s.filterW, t.filterW);
        QCOMPARE(s.filterH, t.filterH);
        QCOMPARE(s.depthMultiplier, t.depthMultiplier);
        QCOMPARE(s.activation, t.activation);
        QCOMPARE(s.axis, t.axis);
        QCOMPARE(s.keepDims, t.keepDims);
        QCOMPARE(s.beta, t.beta);
        QCOMPARE(s.alpha, t.alpha);
        QCOMPARE(s.beginMask, t.beginMask);
        QCOMPARE(s.endMask, t.endMask);
        QCOMPARE(s.ellipsisMask, t.ellipsisMask);
        QCOMPARE(s.newAxisMask, t.newAxisMask);
        QCOMPARE(s.shrinkAxisMask, t.shrinkAxisMask);
        QCOMPARE(s.offset, t.offset);
        QCOMPARE(s.newShape, t.newShape);
        QCOMPARE(s.svdfRank, t.svdfRank);  // SVDF
        QCOMPARE(s.asymmetricQuantizeInputs, t.asymmetricQuantizeInputs);
    }
}

Result<Graph> roundTrip(const Graph &g, const std::string &origin = "rt.tflite") {
    std::vector<uint8_t> bytes = writeTflite(g);
    return importTfliteBuffer(bytes.data(), bytes.size(), origin);
}

Op makeOp(OpType type, std::vector<int> in, std::vector<int> out, OpAttrs attrs = {}) {
    Op op;
    op.type = type;
    op.typeName = opTypeName(type);
    op.inputs = std::move(in);
    op.outputs = std::move(out);
    op.attrs = attrs;
    return op;
}

// Raw flatbuffer access by TFLite field id (independent of Ember's reader).
using Table = flatbuffers::Table;
template <class T> using Vec = flatbuffers::Vector<flatbuffers::Offset<T>>;
constexpr flatbuffers::voffset_t slot(int id) { return flatbuffers::voffset_t(4 + 2 * id); }

}  // namespace

class TstBuilder : public QObject {
    Q_OBJECT

private slots:
    void roundTripOp_data();
    void roundTripOp();
    void roundTripTensors();
    void fileConventions();
    void exampleModelsRoundTrip_data();
    void exampleModelsRoundTrip();
    void demoStructure();
    void demoQuantization();
    void tinyFcStructure();
    void demoActivationsAreSpread();
    void deterministic();
    void unknownExample();
};

void TstBuilder::roundTripOp_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<OpAttrs>("attrs");
    QTest::addColumn<int>("inputs");
    auto row = [](const char *name, OpType t, OpAttrs a, int inputs = 1, const char *typeName = nullptr) {
        QTest::newRow(name) << int(t) << QString(typeName ? typeName : opTypeName(t)) << a << inputs;
    };
    OpAttrs conv;
    conv.padding = Padding::Same, conv.strideW = 2, conv.strideH = 3, conv.dilationW = 2, conv.dilationH = 4;
    conv.activation = Activation::Relu6;
    row("conv2d", OpType::Conv2D, conv, 3);
    OpAttrs dw = conv;
    dw.depthMultiplier = 2, dw.activation = Activation::ReluN1To1;
    row("depthwise", OpType::DepthwiseConv2D, dw, 3);
    OpAttrs pool;
    pool.padding = Padding::Valid, pool.strideW = 2, pool.strideH = 1, pool.filterW = 3, pool.filterH = 5;
    pool.activation = Activation::Relu;
    row("avgpool", OpType::AveragePool2D, pool);
    row("maxpool", OpType::MaxPool2D, pool);
    OpAttrs fc;
    fc.activation = Activation::Tanh, fc.keepDims = true;
    row("fully connected", OpType::FullyConnected, fc, 3);
    OpAttrs act;
    act.activation = Activation::Relu;
    row("add", OpType::Add, act, 2);
    act.activation = Activation::Relu6;
    row("sub", OpType::Sub, act, 2);
    act.activation = Activation::SignBit;
    row("mul", OpType::Mul, act, 2);
    OpAttrs sm;
    sm.beta = 0.625f;
    row("softmax", OpType::Softmax, sm);
    OpAttrs rs;
    rs.newShape = {1, -1, 7};
    row("reshape with options", OpType::Reshape, rs, 2);
    row("reshape without options", OpType::Reshape, OpAttrs{}, 2);
    OpAttrs cat;
    cat.axis = -1, cat.activation = Activation::Relu;
    row("concatenation", OpType::Concatenation, cat, 3);
    OpAttrs mean;
    mean.keepDims = true;
    row("mean", OpType::Mean, mean, 2);
    OpAttrs lr;
    lr.alpha = 0.2f;
    row("leaky relu", OpType::LeakyRelu, lr);
    OpAttrs ss;
    ss.beginMask = 5, ss.endMask = 6, ss.ellipsisMask = 0, ss.newAxisMask = 8, ss.shrinkAxisMask = 1, ss.offset = true;
    row("strided slice", OpType::StridedSlice, ss, 4);
    for (OpType t : {OpType::Quantize, OpType::Dequantize, OpType::Pad, OpType::Logistic, OpType::Tanh, OpType::Relu,
                     OpType::Relu6, OpType::Transpose})
        row(opTypeName(t), t, OpAttrs{}, t == OpType::Pad || t == OpType::Transpose ? 2 : 1);
    OpAttrs svdf;
    svdf.svdfRank = 3, svdf.activation = Activation::Relu, svdf.asymmetricQuantizeInputs = true;
    row("svdf", OpType::Svdf, svdf, 5);
    row("unsupported builtin", OpType::Unsupported, OpAttrs{}, 1, "UNIQUE");
    row("unsupported builtin > 127", OpType::Unsupported, OpAttrs{}, 1, "RIGHT_SHIFT");
    row("custom op", OpType::Unsupported, OpAttrs{}, 1, "CUSTOM:AudioSpectrogram");
}

void TstBuilder::roundTripOp() {
    QFETCH(int, type);
    QFETCH(QString, typeName);
    QFETCH(OpAttrs, attrs);
    QFETCH(int, inputs);
    Graph g;
    std::vector<int> in;
    for (int i = 0; i < inputs; ++i) in.push_back(test::addTensor(g, "in" + std::to_string(i), DType::Int8, {1, 4}));
    int out = test::addTensor(g, "out", DType::Int8, {1, 4});
    Op op = makeOp(OpType(type), in, {out}, attrs);
    op.typeName = typeName.toStdString();
    g.ops.push_back(op);
    test::setIO(g, {in[0]}, {out});
    auto r = roundTrip(g);
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    compareGraphs(r.value(), g);
}

void TstBuilder::roundTripTensors() {
    Graph g;
    Quant perChannel;
    perChannel.scale = {0.5f, 0.25f, 0.125f};
    perChannel.zeroPoint = {0, 1, -1};
    perChannel.axis = 3;
    std::vector<uint8_t> w(1 * 2 * 2 * 3);
    for (size_t i = 0; i < w.size(); ++i) w[i] = uint8_t(i * 37 + 5);
    int x = test::addTensor(g, "x", DType::Int16, {1, 5, 5, 2}, test::q(0.001f, 0));
    int wt = test::addTensor(g, "w", DType::Int8, {1, 2, 2, 3}, perChannel, w);
    int bt = test::addTensor(g, "b", DType::Int64, {3}, {}, test::bytesOf(std::vector<int64_t>{-(int64_t(1) << 40), 0, 7}));
    int y = test::addTensor(g, "y", DType::Int16, {1, 4, 4, 3}, test::q(0.002f, 0));
    int f = test::addTensor(g, "f", DType::Float32, {}, {}, test::bytesOf(std::vector<float>{3.5f}));  // scalar
    int u = test::addTensor(g, "u", DType::UInt8, {2}, test::q(0.1f, 128));
    int bo = test::addTensor(g, "flag", DType::Bool, {1});
    int i32 = test::addTensor(g, "i", DType::Int32, {2}, {}, test::bytesOf(std::vector<int32_t>{-5, 1 << 30}));
    OpAttrs a;
    a.depthMultiplier = 3;
    g.ops.push_back(makeOp(OpType::DepthwiseConv2D, {x, wt, bt}, {y}, a));
    // Optional input absent (-1), several inputs and outputs.
    Op custom = makeOp(OpType::Unsupported, {y, -1, f, i32}, {u, bo});
    custom.typeName = "CUSTOM:Thing";
    g.ops.push_back(custom);
    for (size_t i = 0; i < g.ops.size(); ++i) g.ops[i].index = int(i);
    test::setIO(g, {x}, {u, bo});
    auto r = roundTrip(g, "/some/dir/model.name.tflite");
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    compareGraphs(r.value(), g);
    QCOMPARE(r->name, std::string("model.name"));
    QCOMPARE(r->sourcePath, std::string("/some/dir/model.name.tflite"));
}

// Conventions a TFLite runtime relies on, read straight from the bytes.
void TstBuilder::fileConventions() {
    Graph g;
    int x = test::addTensor(g, "x", DType::Int8, {1, 3});
    int w = test::addTensor(g, "w", DType::Int8, {2, 3}, test::q(0.5f, 0), {1, 2, 3, 4, 5, 6});
    int y = test::addTensor(g, "y", DType::Int8, {1, 2});
    int z = test::addTensor(g, "z", DType::Int8, {1, 2});
    g.ops.push_back(makeOp(OpType::FullyConnected, {x, w, -1}, {y}));
    Op gelu = makeOp(OpType::Unsupported, {y}, {z});
    gelu.typeName = "GELU";  // code 150: only the int32 field can hold it
    gelu.index = 1;
    g.ops.push_back(gelu);
    test::setIO(g, {x}, {z});
    std::vector<uint8_t> bytes = writeTflite(g);

    QVERIFY(flatbuffers::BufferHasIdentifier(bytes.data(), "TFL3"));
    const Table *model = flatbuffers::GetRoot<Table>(bytes.data());
    QCOMPARE(model->GetField<uint32_t>(slot(0), 0), uint32_t(3));
    QCOMPARE(model->GetPointer<const Vec<Table> *>(slot(2))->size(), flatbuffers::uoffset_t(1));

    const auto *buffers = model->GetPointer<const Vec<Table> *>(slot(4));
    QCOMPARE(buffers->size(), flatbuffers::uoffset_t(2));  // sentinel + the one constant
    const auto *sentinel = buffers->Get(0)->GetPointer<const flatbuffers::Vector<uint8_t> *>(slot(0));
    QVERIFY(sentinel == nullptr || sentinel->size() == 0);
    const auto *data = buffers->Get(1)->GetPointer<const flatbuffers::Vector<uint8_t> *>(slot(0));
    QCOMPARE(data->size(), flatbuffers::uoffset_t(6));
    QCOMPARE(size_t(data->data() - bytes.data()) % 16, size_t(0));  // force_align: 16

    const auto *codes = model->GetPointer<const Vec<Table> *>(slot(1));
    QCOMPARE(codes->size(), flatbuffers::uoffset_t(2));
    QCOMPARE(codes->Get(0)->GetField<int8_t>(slot(0), 0), int8_t(9));     // FULLY_CONNECTED
    QCOMPARE(codes->Get(0)->GetField<int32_t>(slot(3), 0), int32_t(9));
    QCOMPARE(codes->Get(1)->GetField<int8_t>(slot(0), 0), int8_t(127));   // placeholder
    QCOMPARE(codes->Get(1)->GetField<int32_t>(slot(3), 0), int32_t(150));  // GELU

    auto r = importTfliteBuffer(bytes.data(), bytes.size(), "conv.tflite");
    QVERIFY(r.ok());
    QCOMPARE(r->ops[1].typeName, std::string("GELU"));
    QCOMPARE(r->ops[0].inputs, (std::vector<int>{x, w, -1}));
}

void TstBuilder::exampleModelsRoundTrip_data() {
    QTest::addColumn<QString>("name");
    for (const std::string &n : exampleModelNames()) QTest::newRow(n.c_str()) << QString::fromStdString(n);
}

void TstBuilder::exampleModelsRoundTrip() {
    QFETCH(QString, name);
    auto m = makeExampleModel(name.toStdString());
    QVERIFY2(m.ok(), m.diagnostics().format().c_str());
    QCOMPARE(m->name, name.toStdString());
    auto r = roundTrip(m.value(), name.toStdString() + ".tflite");
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    compareGraphs(r.value(), m.value());
    QCOMPARE(r->name, name.toStdString());
    // Weights use the int8 range: each channel's largest |q| is 127
    // (symmetric quantization), biases follow TFLite's scale convention.
    for (const Op &op : m->ops) {
        if (op.type != OpType::Conv2D && op.type != OpType::DepthwiseConv2D && op.type != OpType::FullyConnected)
            continue;
        const Tensor &in = m->in(op, 0), &w = m->in(op, 1), &b = m->in(op, 2);
        QCOMPARE(w.dtype, DType::Int8);
        QCOMPARE(b.dtype, DType::Int32);
        size_t channels = w.quant.scale.size();
        int axis = w.quant.axis;
        QVERIFY(channels == 1 || channels == size_t(w.shape[size_t(axis)]));
        std::vector<int> maxAbs(channels, 0);
        int64_t inner = 1;
        for (size_t d = size_t(axis) + 1; d < w.shape.size(); ++d) inner *= w.shape[d];
        for (int64_t i = 0; i < w.elements(); ++i) {
            size_t c = channels == 1 ? 0 : size_t((i / inner) % w.shape[size_t(axis)]);
            maxAbs[c] = std::max(maxAbs[c], std::abs(int(w.at<int8_t>(i))));
        }
        for (int m : maxAbs) QCOMPARE(m, 127);
        QCOMPARE(b.quant.scale.size(), channels);
        for (size_t c = 0; c < channels; ++c)
            QVERIFY(std::fabs(b.quant.sc(c) - in.quant.sc() * w.quant.sc(c)) <= 1e-6f * b.quant.sc(c));
    }
}

void TstBuilder::demoStructure() {
    auto m = makeExampleModel("ember_demo");
    QVERIFY(m.ok());
    const Graph &g = m.value();
    std::vector<OpType> expected = {OpType::Conv2D, OpType::DepthwiseConv2D, OpType::Conv2D, OpType::AveragePool2D,
                                    OpType::Reshape, OpType::FullyConnected, OpType::Softmax};
    QCOMPARE(g.ops.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(g.ops[i].type, expected[i]);
        QCOMPARE(g.ops[i].index, int(i));
        if (i > 0) QCOMPARE(g.ops[i].inputs[0], g.ops[i - 1].outputs[0]);  // a chain
    }
    QCOMPARE(g.inputs.size(), size_t(1));
    const Tensor &in = g.tensors[size_t(g.inputs[0])];
    QCOMPARE(in.dtype, DType::Int8);
    QCOMPARE(in.shape, (Shape{1, 49, 10, 1}));
    const Tensor &out = g.tensors[size_t(g.outputs[0])];
    QCOMPARE(out.shape, (Shape{1, 12}));
    QCOMPARE(out.quant.sc(), 1.0f / 256.0f);
    QCOMPARE(out.quant.zp(), -128);

    const Op &conv1 = g.ops[0];
    QCOMPARE(g.in(conv1, 1).shape, (Shape{8, 10, 4, 1}));
    QCOMPARE(g.in(conv1, 1).quant.scale.size(), size_t(8));
    QCOMPARE(g.in(conv1, 2).shape, (Shape{8}));
    QCOMPARE(conv1.attrs.strideH, 2);
    QCOMPARE(conv1.attrs.strideW, 2);
    QCOMPARE(conv1.attrs.padding, Padding::Same);
    QCOMPARE(conv1.attrs.activation, Activation::Relu);
    QCOMPARE(g.out(conv1).shape, (Shape{1, 25, 5, 8}));

    const Op &dw = g.ops[1];
    QCOMPARE(g.in(dw, 1).shape, (Shape{1, 3, 3, 8}));
    QCOMPARE(g.in(dw, 1).quant.axis, 3);
    QCOMPARE(dw.attrs.padding, Padding::Same);
    QCOMPARE(dw.attrs.activation, Activation::Relu);
    QCOMPARE(dw.attrs.depthMultiplier, 1);
    QCOMPARE(g.out(dw).shape, (Shape{1, 25, 5, 8}));

    const Op &pw = g.ops[2];
    QCOMPARE(g.in(pw, 1).shape[1], 1);
    QCOMPARE(g.in(pw, 1).shape[2], 1);
    int channels = g.out(pw).shape[3];

    const Op &pool = g.ops[3];
    QCOMPARE(pool.attrs.filterH, 25);
    QCOMPARE(pool.attrs.filterW, 5);
    QCOMPARE(g.out(pool).shape, (Shape{1, 1, 1, channels}));
    // TFLite's int8 average pool needs equal input and output quantization.
    QCOMPARE(g.out(pool).quant.scale, g.in(pool, 0).quant.scale);
    QCOMPARE(g.out(pool).quant.zeroPoint, g.in(pool, 0).quant.zeroPoint);

    const Op &reshape = g.ops[4];
    QCOMPARE(reshape.attrs.newShape, (std::vector<int32_t>{1, channels}));
    QVERIFY(g.in(reshape, 1).isConst);
    QCOMPARE(test::valuesOf<int32_t>(g.in(reshape, 1).data), (std::vector<int32_t>{1, channels}));

    const Op &fc = g.ops[5];
    QCOMPARE(g.in(fc, 1).shape, (Shape{12, channels}));
    QCOMPARE(g.out(fc).shape, (Shape{1, 12}));
}

// Output scales follow the activation RMS: each layer's range is within a
// sane band of the previous one (no layer saturates or collapses by
// construction), and ReLU outputs use zero point -128.
void TstBuilder::demoQuantization() {
    auto m = makeExampleModel("ember_demo");
    QVERIFY(m.ok());
    const Graph &g = m.value();
    for (const Op &op : g.ops) {
        const Tensor &in = g.in(op, 0), &out = g.out(op);
        QCOMPARE(in.quant.scale.size(), size_t(1));
        QVERIFY(out.quant.sc() > 0.f);
        if (op.attrs.activation == Activation::Relu) QCOMPARE(out.quant.zp(), -128);
        if (op.type == OpType::Softmax) continue;
        float ratio = out.quant.sc() / in.quant.sc();
        QVERIFY2(ratio > 0.05f && ratio < 20.f, qPrintable(QString("%1: scale ratio %2")
                                                               .arg(QString::fromStdString(g.layerName(op)))
                                                               .arg(ratio)));
    }
    // Biases are non-trivial but far from the int32 limits.
    for (const Tensor &t : g.tensors)
        if (t.dtype == DType::Int32 && t.isConst && t.shape.size() == 1 && t.quant.scale.size() > 0) {
            bool nonzero = false;
            for (int64_t i = 0; i < t.elements(); ++i) {
                int32_t v = t.at<int32_t>(i);
                nonzero |= v != 0;
                QVERIFY(std::abs(v) < (1 << 24));
            }
            QVERIFY2(nonzero, t.name.c_str());
        }
}

void TstBuilder::tinyFcStructure() {
    auto m = makeExampleModel("ember_tiny_fc");
    QVERIFY(m.ok());
    const Graph &g = m.value();
    QCOMPARE(g.ops.size(), size_t(2));
    for (const Op &op : g.ops) QCOMPARE(op.type, OpType::FullyConnected);
    QCOMPARE(g.ops[0].attrs.activation, Activation::Relu);
    QCOMPARE(g.ops[1].inputs[0], g.ops[0].outputs[0]);
    QCOMPARE(g.tensors[size_t(g.inputs[0])].dtype, DType::Int8);
    QCOMPARE(g.tensors[size_t(g.inputs[0])].shape, (Shape{1, 16}));
    QCOMPARE(g.tensors[size_t(g.outputs[0])].dtype, DType::Int8);
    QCOMPARE(g.tensors[size_t(g.outputs[0])].shape, (Shape{1, 4}));
    QCOMPARE(g.in(g.ops[0], 1).shape, (Shape{32, 16}));
    QCOMPARE(g.in(g.ops[1], 1).shape, (Shape{4, 32}));
}

// Runs the demo on the reference executor with uniformly random int8 input:
// every int8 activation spans a good part of its range and hardly ever
// saturates, and the classifier output is a distribution, not one-hot.
void TstBuilder::demoActivationsAreSpread() {
    auto m = makeExampleModel("ember_demo");
    QVERIFY(m.ok());
    Graph g = m.value();
    Diagnostics d;
    QVERIFY2(runPasses(g, d), d.format().c_str());
    std::map<int, std::pair<int, int>> range;  // tensor → (min, max) over all runs
    std::map<int, int64_t> saturated, total;
    uint32_t seed = 2024;
    for (int run = 0; run < 8; ++run) {
        TensorData in(g.tensors[size_t(g.inputs[0])].bytes());
        for (uint8_t &b : in) {
            seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
            b = uint8_t(seed >> 24);
        }
        auto r = runReferenceAll(g, {in});
        QVERIFY2(r.ok(), r.diagnostics().format().c_str());
        for (const Op &op : g.ops) {
            int t = op.outputs[0];
            auto &[lo, hi] = range.try_emplace(t, 127, -128).first->second;
            for (uint8_t v : r.value()[size_t(t)]) {
                lo = std::min(lo, int(int8_t(v)));
                hi = std::max(hi, int(int8_t(v)));
                saturated[t] += int8_t(v) == 127;
                ++total[t];
            }
        }
        const TensorData &probs = r.value()[size_t(g.outputs[0])];
        int alive = 0;
        for (uint8_t v : probs) alive += int8_t(v) > -128;
        QVERIFY2(alive >= 3, "softmax output is (nearly) one-hot");
        for (uint8_t v : probs) QVERIFY(int8_t(v) < 127);
    }
    for (const auto &[t, lohi] : range) {
        const std::string &name = g.tensors[size_t(t)].name;
        QVERIFY2(lohi.second - lohi.first >= 64, name.c_str());
        QVERIFY2(saturated[t] * 50 <= total[t], name.c_str());  // at most 2 % at the top
    }
}

void TstBuilder::deterministic() {
    for (const std::string &n : exampleModelNames()) {
        auto a = makeExampleModel(n), b = makeExampleModel(n);
        QVERIFY(a.ok() && b.ok());
        std::vector<uint8_t> x = writeTflite(a.value()), y = writeTflite(b.value());
        QVERIFY(x.size() > 1000);
        QVERIFY2(x == y, n.c_str());
        // Writing an imported copy gives the same bytes again.
        auto r = importTfliteBuffer(x.data(), x.size(), n + ".tflite");
        QVERIFY(r.ok());
        QVERIFY2(writeTflite(r.value()) == x, n.c_str());
    }
    // The two models differ (different seeds and layouts).
    QVERIFY(writeTflite(makeExampleModel("ember_demo").value()) !=
            writeTflite(makeExampleModel("ember_tiny_fc").value()));
}

void TstBuilder::unknownExample() {
    auto r = makeExampleModel("no_such_model");
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics().items().size(), size_t(1));
    QString text = QString::fromStdString(r.diagnostics().format());
    QVERIFY2(text.contains("no_such_model") && text.contains("ember_demo"), qPrintable(text));
}

QTEST_APPLESS_MAIN(TstBuilder)
#include "tst_builder.moc"
