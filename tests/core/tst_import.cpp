// TFLite importer: every shared .tflite model against the facts in MODELS.md,
// and hostile input (empty, truncated, random, other schemas, lying headers)
// which must give exactly one error diagnostic naming the file, never a crash.
#include <QRegularExpression>
#include <QtTest>

#include <flatbuffers/flatbuffers.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "TestUtil.h"
#include "tflite_generated.h"
#include "core/builder/TfliteWriter.h"
#include "core/import/TfliteImporter.h"

using namespace ember;

namespace {

// One tensor in MODELS.md notation: dtype[shape] [s=scale zp=zero_point].
struct IoSpec {
    QString dtype;
    Shape shape;
    bool quantized = false;
    double scale = 0;
    int zp = 0;
};

QList<IoSpec> parseIo(const QString &text) {
    static const QRegularExpression re(R"(^(\w+)\[([\d,]*)\](?: s=(\S+) zp=(-?\d+))?$)");
    QList<IoSpec> out;
    for (const QString &part : text.split("; ")) {
        auto m = re.match(part.trimmed());
        if (!m.hasMatch()) qFatal("bad io spec in test table: %s", qPrintable(part));
        IoSpec s;
        s.dtype = m.captured(1);
        for (const QString &d : m.captured(2).split(',', Qt::SkipEmptyParts)) s.shape.push_back(d.toInt());
        if (!m.captured(3).isEmpty()) {
            s.quantized = true;
            s.scale = m.captured(3).toDouble();
            s.zp = m.captured(4).toInt();
        }
        out.push_back(s);
    }
    return out;
}

// MODELS.md rounds scales to 6 decimals.
void checkIo(const Graph &g, const std::vector<int> &indices, const QString &expected) {
    QList<IoSpec> specs = parseIo(expected);
    QCOMPARE(indices.size(), size_t(specs.size()));
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const Tensor &t = g.tensors[size_t(indices[size_t(i)])];
        QCOMPARE(QString(dtypeName(t.dtype)), specs[i].dtype);
        QCOMPARE(shapeString(t.shape), shapeString(specs[i].shape));
        if (!specs[i].quantized) {
            QVERIFY2(t.quant.empty(), t.name.c_str());
            continue;
        }
        QVERIFY2(!t.quant.empty(), t.name.c_str());
        QCOMPARE(t.quant.scale.size(), size_t(1));
        QVERIFY2(std::fabs(double(t.quant.sc()) - specs[i].scale) <= 5.01e-7,
                 qPrintable(QString("scale %1 vs %2").arg(t.quant.sc()).arg(specs[i].scale)));
        QCOMPARE(t.quant.zp(), specs[i].zp);
    }
}

// One error, naming the file; returns its text.
QString expectOneError(const Result<Graph> &r, const std::string &file) {
    if (r.ok()) {
        QTest::qFail("import unexpectedly succeeded", __FILE__, __LINE__);
        return {};
    }
    const auto &items = r.diagnostics().items();
    if (items.size() != 1) {
        QTest::qFail(qPrintable("expected one diagnostic, got:\n" + QString::fromStdString(r.diagnostics().format())),
                     __FILE__, __LINE__);
        return {};
    }
    QString text = QString::fromStdString(items[0].format());
    if (items[0].severity != Diagnostic::Severity::Error || !text.contains(QString::fromStdString(file)))
        QTest::qFail(qPrintable("diagnostic lacks the file or is no error: " + text), __FILE__, __LINE__);
    return text;
}

// Invariants every successfully imported graph must hold, whatever the input.
void checkConsistent(const Graph &g) {
    auto inRange = [&](int i) { return i >= 0 && size_t(i) < g.tensors.size(); };
    for (const Op &op : g.ops) {
        for (int i : op.inputs) QVERIFY(i == -1 || inRange(i));
        for (int o : op.outputs) QVERIFY(inRange(o));
    }
    for (int i : g.inputs) QVERIFY(inRange(i));
    for (int o : g.outputs) QVERIFY(inRange(o));
    for (const Tensor &t : g.tensors) {
        for (int32_t d : t.shape) QVERIFY(d >= 0);
        if (t.isConst) QCOMPARE(t.data.size(), t.bytes());
        if (t.quant.perChannel()) {
            QVERIFY(t.quant.axis >= 0 && size_t(t.quant.axis) < t.shape.size());
            QCOMPARE(size_t(t.shape[size_t(t.quant.axis)]), t.quant.scale.size());
        }
    }
}

// ---- a TFLite model assembled field by field --------------------------------
// Independent of Ember's writer (built from raw flatbuffer slots at the field
// ids of TFLite's schema), so the importer is also tested against bytes it
// did not produce, including ones no honest writer would produce.

struct RawSpec {
    bool identifier = true;
    uint32_t version = 3;
    int subgraphs = 1;
    int8_t tensorType = 9;  // INT8
    std::vector<int32_t> weightShape = {4};
    uint32_t weightBuffer = 1;
    std::vector<uint8_t> weightData = {1, 2, 3, 4};
    uint64_t externalOffset = 0, externalSize = 0;  // Buffer.offset / size
    std::vector<uint8_t> appended;                  // bytes after the flatbuffer
    int32_t opcode = 0;                             // ADD
    uint32_t opcodeIndex = 0;
    int32_t opInput = 0;
    int32_t graphOutput = 2;
    bool convOptions = false;
    int32_t strideW = 1;
};

constexpr flatbuffers::voffset_t slot(int id) { return flatbuffers::voffset_t(4 + 2 * id); }
using TableRef = flatbuffers::Offset<flatbuffers::Table>;

std::vector<uint8_t> rawModel(const RawSpec &s) {
    flatbuffers::FlatBufferBuilder b;
    b.ForceDefaults(true);
    auto table = [&](auto fill) {
        auto start = b.StartTable();
        fill();
        return TableRef(b.EndTable(start));
    };
    // Buffers: the empty sentinel, then the weight data.
    std::vector<TableRef> buffers{table([] {})};
    auto data = b.CreateVector(s.weightData);
    buffers.push_back(table([&] {
        if (!s.weightData.empty()) b.AddOffset(slot(0), data);
        if (s.externalOffset) {
            b.AddElement<uint64_t>(slot(1), s.externalOffset, 0);
            b.AddElement<uint64_t>(slot(2), s.externalSize, 0);
        }
    }));
    // Tensors: 0 = constant weights, 1 = input, 2 = output.
    auto tensor = [&](const char *name, const std::vector<int32_t> &shape, uint32_t buffer) {
        auto n = b.CreateString(name);
        auto sh = b.CreateVector(shape);
        return table([&] {
            b.AddOffset(slot(0), sh);
            b.AddElement<int8_t>(slot(1), s.tensorType, 0);
            b.AddElement<uint32_t>(slot(2), buffer, 0);
            b.AddOffset(slot(3), n);
        });
    };
    std::vector<TableRef> tensors{tensor("weights", s.weightShape, s.weightBuffer), tensor("x", {4}, 0),
                                  tensor("y", {4}, 0)};
    TableRef options = 0;
    if (s.convOptions)
        options = table([&] {
            b.AddElement<int8_t>(slot(0), 1, 0);  // VALID
            b.AddElement<int32_t>(slot(1), s.strideW, 0);
            b.AddElement<int32_t>(slot(2), 1, 0);
        });
    auto ins = b.CreateVector(std::vector<int32_t>{s.opInput, 1});
    auto outs = b.CreateVector(std::vector<int32_t>{2});
    std::vector<TableRef> ops{table([&] {
        b.AddElement<uint32_t>(slot(0), s.opcodeIndex, 0);
        b.AddOffset(slot(1), ins);
        b.AddOffset(slot(2), outs);
        if (s.convOptions) {
            b.AddElement<uint8_t>(slot(3), 1, 0);  // BuiltinOptions::Conv2DOptions
            b.AddOffset(slot(4), options);
        }
    })};
    auto tv = b.CreateVector(tensors);
    auto gi = b.CreateVector(std::vector<int32_t>{1});
    auto go = b.CreateVector(std::vector<int32_t>{s.graphOutput});
    auto ov = b.CreateVector(ops);
    auto sg = table([&] {
        b.AddOffset(slot(0), tv);
        b.AddOffset(slot(1), gi);
        b.AddOffset(slot(2), go);
        b.AddOffset(slot(3), ov);
    });
    std::vector<TableRef> subgraphs(size_t(s.subgraphs), sg);
    auto code = table([&] {
        b.AddElement<int8_t>(slot(0), int8_t(std::min(s.opcode, 127)), 0);
        b.AddElement<int32_t>(slot(3), s.opcode, 0);
    });
    auto codes = b.CreateVector(std::vector<TableRef>{code});
    auto sgs = b.CreateVector(subgraphs);
    auto bufs = b.CreateVector(buffers);
    auto model = table([&] {
        b.AddElement<uint32_t>(slot(0), s.version, 0);
        b.AddOffset(slot(1), codes);
        b.AddOffset(slot(2), sgs);
        b.AddOffset(slot(4), bufs);
    });
    b.Finish(model, s.identifier ? "TFL3" : nullptr);
    std::vector<uint8_t> out(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
    out.insert(out.end(), s.appended.begin(), s.appended.end());
    return out;
}

uint32_t xorshift(uint32_t &x) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

std::vector<uint8_t> readModel(const std::string &rel) {
    std::vector<uint8_t> bytes;
    if (!test::readFile(test::modelPath(rel), &bytes)) qFatal("cannot read %s", rel.c_str());
    return bytes;
}

}  // namespace

class TstImport : public QObject {
    Q_OBJECT

private slots:
    void sharedModels_data();
    void sharedModels();
    void everySharedModelIsListed();
    void perChannelQuantization();
    void kwsAttributes();
    void otherAttributes();
    void unsupportedOpsKeepTheirName();
    void constantData();
    void unsupportedTensorType_data();
    void unsupportedTensorType();
    void rawModelImports();
    void externalBufferData();
    void malformedModels_data();
    void malformedModels();
    void emptyAndMissingFiles();
    void truncated_data();
    void truncated();
    void randomBytes_data();
    void randomBytes();
    void otherSchemas_data();
    void otherSchemas();
    void mutatedModelsNeverCrash();
};

void TstImport::sharedModels_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("ops");
    QTest::addColumn<int>("tensors");
    QTest::addColumn<QString>("inputs");
    QTest::addColumn<QString>("outputs");
    QTest::addColumn<QString>("opNames");
    // Facts about the files, from MODELS.md.
    struct Row {
        const char *file;
        int ops, tensors;
        const char *in, *out, *opNames;
    } rows[] = {
        {"mlperf_tiny/ad/ad01_fp32.tflite", 10, 31, "float32[1,640]", "float32[1,640]", "FULLY_CONNECTED"},
        {"mlperf_tiny/ad/ad01_int8.tflite", 10, 31, "int8[1,640] s=0.391015 zp=89", "int8[1,640] s=0.364498 zp=96",
         "FULLY_CONNECTED"},
        {"mlperf_tiny/ic/pretrainedResnet.tflite", 16, 38, "float32[1,32,32,3]", "float32[1,10]",
         "ADD, AVERAGE_POOL_2D, CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"mlperf_tiny/ic/pretrainedResnet_quant.tflite", 16, 38, "int8[1,32,32,3] s=1 zp=-128",
         "int8[1,10] s=0.003906 zp=-128", "ADD, AVERAGE_POOL_2D, CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"mlperf_tiny/kws/kws_ref_model.tflite", 13, 35, "int8[1,49,10,1] s=0.584703 zp=83",
         "int8[1,12] s=0.003906 zp=-128",
         "AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"mlperf_tiny/kws/kws_ref_model_float32.tflite", 13, 35, "float32[1,49,10,1]", "float32[1,12]",
         "AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"mlperf_tiny/vww/vww_96_float.tflite", 31, 89, "float32[1,96,96,3]", "float32[1,2]",
         "AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"mlperf_tiny/vww/vww_96_int8.tflite", 31, 89, "int8[1,96,96,3] s=0.003922 zp=-128",
         "int8[1,2] s=0.003906 zp=-128",
         "AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, RESHAPE, SOFTMAX"},
        {"tflite_micro/dtln/dtln_noise_suppression.tflite", 4, 45, "int8[1,1,257] s=0.068579 zp=-128",
         "int8[1,1,257] s=0.003906 zp=-128", "FULLY_CONNECTED, LOGISTIC, UNIDIRECTIONAL_SEQUENCE_LSTM"},
        {"tflite_micro/hello_world/hello_world_float.tflite", 3, 10, "float32[1,1]", "float32[1,1]",
         "FULLY_CONNECTED"},
        {"tflite_micro/hello_world/hello_world_int8.tflite", 3, 10, "int8[1,1] s=0.02448 zp=-128",
         "int8[1,1] s=0.008291 zp=5", "FULLY_CONNECTED"},
        {"tflite_micro/mnist_lstm/trained_lstm.tflite", 4, 22, "float32[1,28,28]", "float32[1,10]",
         "FULLY_CONNECTED, RESHAPE, SOFTMAX, UNIDIRECTIONAL_SEQUENCE_LSTM"},
        {"tflite_micro/mnist_lstm/trained_lstm_int8.tflite", 4, 27, "int8[1,28,28] s=0.003922 zp=-128",
         "int8[1,10] s=0.003906 zp=-128", "FULLY_CONNECTED, RESHAPE, SOFTMAX, UNIDIRECTIONAL_SEQUENCE_LSTM"},
        {"tflite_micro/models/keyword_scrambled.tflite", 15, 54, "int16[1,96] s=0.000625 zp=0",
         "int32[1,2] s=3.1e-05 zp=0", "FULLY_CONNECTED, QUANTIZE, SOFTMAX, SVDF"},
        {"tflite_micro/models/keyword_scrambled_8bit.tflite", 15, 54, "int16[1,96] s=0.000625 zp=0",
         "int32[1,2] s=3.1e-05 zp=0", "FULLY_CONNECTED, QUANTIZE, SOFTMAX, SVDF"},
        {"tflite_micro/seanet/add/add0.tflite", 1, 3, "int16[1,1,5,64] s=0.000585 zp=0; int16[1,1,5,64] s=0.000807 zp=0",
         "int16[1,1,5,64] s=0.001024 zp=0", "ADD"},
        {"tflite_micro/seanet/conv/conv0.tflite", 1, 4, "int16[1,8,166,2] s=0.000881 zp=0",
         "int16[1,2,160,8] s=0.001749 zp=0", "CONV_2D"},
        {"tflite_micro/seanet/conv/conv1.tflite", 1, 4, "int16[1,4,162,8] s=0.001749 zp=0",
         "int16[1,2,160,8] s=0.005837 zp=0", "CONV_2D"},
        {"tflite_micro/seanet/conv/conv10.tflite", 1, 4, "int16[1,3,12,64] s=0.001577 zp=0",
         "int16[1,1,5,64] s=0.000807 zp=0", "CONV_2D"},
        {"tflite_micro/seanet/leaky_relu/leaky_relu0.tflite", 1, 2, "int16[1,2,160,8] s=0.001749 zp=0",
         "int16[1,2,160,8] s=0.001749 zp=0", "LEAKY_RELU"},
        {"tflite_micro/seanet/pad/pad0.tflite", 1, 3, "int16[1,2,160,2] s=0.000881 zp=0",
         "int16[1,2,166,2] s=0.000881 zp=0", "PAD"},
        {"tflite_micro/seanet/quantize/quantize0.tflite", 1, 2, "int32[1,2,160,2] s=0 zp=0",
         "int16[1,2,160,2] s=0.000922 zp=0", "QUANTIZE"},
        {"tflite_micro/seanet/strided_slice/strided_slice0.tflite", 1, 5, "int16[1,8,166,2] s=0.000881 zp=0",
         "int16[1,6,166,2] s=0.000881 zp=0", "STRIDED_SLICE"},
        {"tflite_micro/seanet/sub/sub0.tflite", 1, 3, "int16[1,2,12,64] s=0.000969 zp=0; int16[64] s=9e-06 zp=0",
         "int16[1,2,12,64] s=0.000594 zp=0", "SUB"},
        {"tflite_micro/seanet/transpose_conv/transpose_conv0.tflite", 1, 5,
         "int32[4]; int16[1,1,5,64] s=0.000905 zp=0", "int16[1,3,12,64] s=0.000958 zp=0", "TRANSPOSE_CONV"},
        {"tflite_micro/simple_add/simple_add_model.tflite", 1, 3,
         "int8[1,128,128,1] s=0.040725 zp=-2; int8[1,128,128,1] s=0.041246 zp=-1",
         "int8[1,128,128,1] s=0.058377 zp=-3", "ADD"},
    };
    for (const Row &r : rows)
        QTest::newRow(r.file) << r.file << r.ops << r.tensors << r.in << r.out << r.opNames;
}

void TstImport::sharedModels() {
    QFETCH(QString, file);
    QFETCH(int, ops);
    QFETCH(int, tensors);
    QFETCH(QString, inputs);
    QFETCH(QString, outputs);
    QFETCH(QString, opNames);
    std::string path = test::modelPath(file.toStdString());
    auto r = importTflite(path);
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    const Graph &g = r.value();
    QCOMPARE(g.ops.size(), size_t(ops));
    QCOMPARE(g.tensors.size(), size_t(tensors));
    QCOMPARE(g.name, std::filesystem::path(path).stem().string());
    QCOMPARE(g.sourcePath, path);
    checkIo(g, g.inputs, inputs);
    checkIo(g, g.outputs, outputs);
    std::set<std::string> names;
    for (const Op &op : g.ops) {
        QCOMPARE(op.index, int(&op - g.ops.data()));
        names.insert(op.typeName);
        if (op.type != OpType::Unsupported) QCOMPARE(op.typeName, std::string(opTypeName(op.type)));
    }
    QStringList got;
    for (const std::string &n : names) got << QString::fromStdString(n);
    QCOMPARE(got.join(", "), opNames);
    for (size_t i = 0; i < g.tensors.size(); ++i) {
        bool listedIn = std::find(g.inputs.begin(), g.inputs.end(), int(i)) != g.inputs.end();
        bool listedOut = std::find(g.outputs.begin(), g.outputs.end(), int(i)) != g.outputs.end();
        QCOMPARE(g.tensors[i].isInput, listedIn);
        QCOMPARE(g.tensors[i].isOutput, listedOut);
    }
    checkConsistent(g);
}

// Every .tflite under shared/models is either in the table above or one of
// the known-unsupported ones, so a new model cannot go untested.
void TstImport::everySharedModelIsListed() {
    int n = 0;
    for (const auto &e : std::filesystem::recursive_directory_iterator(test::sharedDir() + "/models")) {
        if (e.path().extension() != ".tflite") continue;
        ++n;
        auto r = importTflite(e.path().string());
        if (!r.ok())
            QVERIFY2(e.path().string().find("audio_preprocessor") != std::string::npos,
                     r.diagnostics().format().c_str());
    }
    QCOMPARE(n, 28);
}

void TstImport::perChannelQuantization() {
    auto r = importTflite(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY(r.ok());
    const Graph &g = r.value();
    const Op &conv = g.ops[0];
    const Tensor &w = g.in(conv, 1);
    QCOMPARE(shapeString(w.shape), std::string("[64,10,4,1]"));
    QVERIFY(w.isConst);
    QCOMPARE(w.quant.scale.size(), size_t(64));
    QCOMPARE(w.quant.zeroPoint.size(), size_t(64));
    QCOMPARE(w.quant.axis, 0);
    for (float s : w.quant.scale) QVERIFY(s > 0.f);
    const Tensor &b = g.in(conv, 2);
    QCOMPARE(b.dtype, DType::Int32);
    QCOMPARE(b.quant.scale.size(), size_t(64));
    // TFLite's convention: bias scale = input scale x weight scale (per channel).
    for (size_t c = 0; c < 64; ++c)
        QVERIFY(std::fabs(b.quant.scale[c] - g.in(conv, 0).quant.sc() * w.quant.scale[c]) <= 1e-6f * b.quant.scale[c]);
    const Tensor &dw = g.in(g.ops[1], 1);
    QCOMPARE(shapeString(dw.shape), std::string("[1,3,3,64]"));
    QCOMPARE(dw.quant.axis, 3);
    QCOMPARE(dw.quant.scale.size(), size_t(64));

    int perChannel = 0;
    for (const Tensor &t : g.tensors) perChannel += t.quant.perChannel();
    QCOMPARE(perChannel, 18);  // 9 conv layers x (weights, bias)
}

void TstImport::kwsAttributes() {
    auto r = importTflite(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
    QVERIFY(r.ok());
    const Graph &g = r.value();
    const OpAttrs &c = g.ops[0].attrs;
    QCOMPARE(g.ops[0].type, OpType::Conv2D);
    QCOMPARE(c.padding, Padding::Same);
    QCOMPARE(c.strideH, 2);
    QCOMPARE(c.strideW, 2);
    QCOMPARE(c.dilationH, 1);
    QCOMPARE(c.activation, Activation::Relu);
    const OpAttrs &d = g.ops[1].attrs;
    QCOMPARE(g.ops[1].type, OpType::DepthwiseConv2D);
    QCOMPARE(d.depthMultiplier, 1);
    QCOMPARE(d.strideH, 1);
    QCOMPARE(d.activation, Activation::Relu);
    const Op &pool = g.ops[9];
    QCOMPARE(pool.type, OpType::AveragePool2D);
    QCOMPARE(pool.attrs.filterH, 25);
    QCOMPARE(pool.attrs.filterW, 5);
    QCOMPARE(pool.attrs.padding, Padding::Valid);
    QCOMPARE(g.ops[12].type, OpType::Softmax);
    QCOMPARE(g.ops[12].attrs.beta, 1.0f);
    QCOMPARE(g.ops[11].attrs.activation, Activation::None);
}

void TstImport::otherAttributes() {
    auto lr = importTflite(test::modelPath("tflite_micro/seanet/leaky_relu/leaky_relu0.tflite"));
    QVERIFY(lr.ok());
    QCOMPARE(lr->ops[0].type, OpType::LeakyRelu);
    QVERIFY(std::fabs(lr->ops[0].attrs.alpha - 0.3f) < 1e-6f);

    auto ss = importTflite(test::modelPath("tflite_micro/seanet/strided_slice/strided_slice0.tflite"));
    QVERIFY(ss.ok());
    const Op &op = ss->ops[0];
    QCOMPARE(op.type, OpType::StridedSlice);
    QCOMPARE(op.inputs.size(), size_t(4));
    QCOMPARE(op.attrs.beginMask, 13);
    QCOMPARE(op.attrs.endMask, 15);
    QCOMPARE(op.attrs.shrinkAxisMask, 0);
    for (size_t i = 1; i < 4; ++i) QVERIFY(ss->in(op, i).isConst);

    auto conv = importTflite(test::modelPath("tflite_micro/seanet/conv/conv0.tflite"));
    QVERIFY(conv.ok());
    QCOMPARE(conv->ops[0].attrs.padding, Padding::Valid);
    QCOMPARE(conv->in(conv->ops[0], 2).dtype, DType::Int64);  // int16x8 bias
}

void TstImport::unsupportedOpsKeepTheirName() {
    auto r = importTflite(test::modelPath("tflite_micro/dtln/dtln_noise_suppression.tflite"));
    QVERIFY(r.ok());
    int lstm = 0;
    for (const Op &op : r->ops)
        if (op.typeName == "UNIDIRECTIONAL_SEQUENCE_LSTM") {
            QCOMPARE(op.type, OpType::UnidirectionalSequenceLstm);
            ++lstm;
        }
    QCOMPARE(lstm, 2);
    QCOMPARE(r->ops[3].type, OpType::Logistic);

    auto svdf = importTflite(test::modelPath("tflite_micro/models/keyword_scrambled.tflite"));
    QVERIFY(svdf.ok());
    QCOMPARE(svdf->ops[1].typeName, std::string("SVDF"));
    QCOMPARE(svdf->ops[1].type, OpType::Svdf);
    QCOMPARE(svdf->ops[0].type, OpType::Quantize);

    // Custom ops Ember does not know: "CUSTOM:<name>", kept for the error
    // (written by our own writer).
    Graph g;
    g.tensors.resize(2);
    g.tensors[0].name = "a", g.tensors[0].shape = {4};
    g.tensors[1].name = "b", g.tensors[1].shape = {4};
    Op op;
    op.type = OpType::Unsupported;
    op.typeName = "CUSTOM:AudioSpectrogram";
    op.inputs = {0};
    op.outputs = {1};
    g.ops.push_back(op);
    g.inputs = {0};
    g.outputs = {1};
    auto bytes = writeTflite(g);
    auto c = importTfliteBuffer(bytes.data(), bytes.size(), "custom.tflite");
    QVERIFY2(c.ok(), c.diagnostics().format().c_str());
    QCOMPARE(c->ops[0].type, OpType::Unsupported);
    QCOMPARE(c->ops[0].typeName, std::string("CUSTOM:AudioSpectrogram"));
}

void TstImport::constantData() {
    auto r = importTflite(test::modelPath("tflite_micro/hello_world/hello_world_int8.tflite"));
    QVERIFY(r.ok());
    const Graph &g = r.value();
    int64_t constBytes = 0;
    for (const Tensor &t : g.tensors) {
        QVERIFY(!(t.isConst && (t.isInput || t.isOutput)));
        if (t.isConst) constBytes += int64_t(t.data.size());
    }
    // Three dense layers 1→16→16→1: weights 16+256+16 int8, biases (16+16+1) int32.
    QCOMPARE(constBytes, int64_t(16 + 256 + 16 + 4 * 33));
    const Tensor &w = g.in(g.ops[1], 1);
    QCOMPARE(shapeString(w.shape), std::string("[16,16]"));
    QCOMPARE(w.data.size(), size_t(256));
    // Non-constant tensors never carry data.
    QVERIFY(g.tensors[size_t(g.inputs[0])].data.empty());
}

void TstImport::unsupportedTensorType_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("complex64") << int(tflite::TensorType::COMPLEX64) << "COMPLEX64";
    QTest::newRow("int4") << int(tflite::TensorType::INT4) << "INT4";
    QTest::newRow("float16") << int(tflite::TensorType::FLOAT16) << "FLOAT16";
}

// A one-op model (ABS) whose input has a type Ember does not handle: one
// error naming the type and the op that uses it.
void TstImport::unsupportedTensorType() {
    QFETCH(int, type);
    QFETCH(QString, name);
    flatbuffers::FlatBufferBuilder fb;
    std::vector<flatbuffers::Offset<tflite::Tensor>> ts;
    for (const char *n : {"x", "y"})
        ts.push_back(tflite::CreateTensor(fb, fb.CreateVector(std::vector<int32_t>{1, 4}), tflite::TensorType(type), 0,
                                          fb.CreateString(n)));
    std::vector<flatbuffers::Offset<tflite::Operator>> ops{tflite::CreateOperator(
        fb, 0, fb.CreateVector(std::vector<int32_t>{0}), fb.CreateVector(std::vector<int32_t>{1}))};
    std::vector<flatbuffers::Offset<tflite::SubGraph>> subs{tflite::CreateSubGraph(
        fb, fb.CreateVector(ts), fb.CreateVector(std::vector<int32_t>{0}), fb.CreateVector(std::vector<int32_t>{1}),
        fb.CreateVector(ops))};
    std::vector<flatbuffers::Offset<tflite::OperatorCode>> codes{
        tflite::CreateOperatorCode(fb, 101, 0, 1, tflite::BuiltinOperator::ABS)};
    std::vector<flatbuffers::Offset<tflite::Buffer>> bufs{tflite::CreateBuffer(fb)};
    fb.Finish(tflite::CreateModel(fb, 3, fb.CreateVector(codes), fb.CreateVector(subs), 0, fb.CreateVector(bufs)),
              tflite::ModelIdentifier());
    const QString text = expectOneError(importTfliteBuffer(fb.GetBufferPointer(), fb.GetSize(), "typed.tflite"),
                                        "typed.tflite");
    QVERIFY2(text.contains(name), qPrintable(text));
    QVERIFY2(text.contains("ABS"), qPrintable(text));  // the op that needs it
}

void TstImport::rawModelImports() {
    for (bool identifier : {true, false}) {
        RawSpec s;
        s.identifier = identifier;  // old writers omitted it
        auto bytes = rawModel(s);
        auto r = importTfliteBuffer(bytes.data(), bytes.size(), "raw.tflite");
        QVERIFY2(r.ok(), r.diagnostics().format().c_str());
        QCOMPARE(r->name, std::string("raw"));
        QCOMPARE(r->ops.size(), size_t(1));
        QCOMPARE(r->ops[0].type, OpType::Add);
        QCOMPARE(r->ops[0].inputs, (std::vector<int>{0, 1}));
        QVERIFY(r->tensors[0].isConst);
        QCOMPARE(r->tensors[0].data, (std::vector<uint8_t>{1, 2, 3, 4}));
        QVERIFY(r->tensors[1].isInput && r->tensors[2].isOutput);
    }
    // A code above 127 only lives in the int32 field.
    RawSpec big;
    big.opcode = 150;
    auto bytes = rawModel(big);
    auto r = importTfliteBuffer(bytes.data(), bytes.size(), "gelu.tflite");
    QVERIFY(r.ok());
    QCOMPARE(r->ops[0].type, OpType::Unsupported);
    QCOMPARE(r->ops[0].typeName, std::string("GELU"));
}

void TstImport::externalBufferData() {
    RawSpec s;
    s.weightData.clear();
    s.externalOffset = 2, s.externalSize = 4;  // same layout as the real one
    auto probe = rawModel(s);
    s.appended = {0, 0, 0, 0, 0, 0, 0, 0, 9, 8, 7, 6};
    s.externalOffset = probe.size() + 8;  // the vtable layout does not depend on the value
    s.externalSize = 4;
    auto bytes = rawModel(s);
    QCOMPARE(bytes.size(), probe.size() + s.appended.size());
    auto r = importTfliteBuffer(bytes.data(), bytes.size(), "large.tflite");
    QVERIFY2(r.ok(), r.diagnostics().format().c_str());
    QCOMPARE(r->tensors[0].data, (std::vector<uint8_t>{9, 8, 7, 6}));

    s.externalSize = 40;  // runs past the end of the file
    bytes = rawModel(s);
    QString text = expectOneError(importTfliteBuffer(bytes.data(), bytes.size(), "large.tflite"), "large.tflite");
    QVERIFY2(text.contains("outside the file"), qPrintable(text));
}

void TstImport::malformedModels_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");  // part of the message
    QTest::newRow("version 2") << 0 << "version 2";
    QTest::newRow("two subgraphs") << 1 << "2 subgraphs";
    QTest::newRow("no subgraphs") << 2 << "0 subgraphs";
    QTest::newRow("buffer size lies") << 3 << "needs 8 bytes";
    QTest::newRow("missing buffer") << 4 << "buffer 7";
    QTest::newRow("op input out of range") << 5 << "index 3";
    QTest::newRow("negative op input") << 6 << "index -2";
    QTest::newRow("opcode index out of range") << 7 << "operator code index 5";
    QTest::newRow("graph output out of range") << 8 << "output tensor index 99";
    QTest::newRow("unsupported tensor type") << 9 << "FLOAT16";
    QTest::newRow("unknown tensor type") << 10 << "99 (unknown)";
    QTest::newRow("negative dimension") << 11 << "dynamic or negative dimension";
    QTest::newRow("huge shape") << 12 << "too large";
    QTest::newRow("conv without options") << 13 << "no Conv2DOptions";
    QTest::newRow("conv stride 0") << 14 << "at least 1";
}

void TstImport::malformedModels() {
    QFETCH(int, which);
    QFETCH(QString, expected);
    RawSpec s;
    switch (which) {
    case 0: s.version = 2; break;
    case 1: s.subgraphs = 2; break;
    case 2: s.subgraphs = 0; break;
    case 3: s.weightShape = {8}; break;  // 4 bytes of data for 8 int8 values
    case 4: s.weightBuffer = 7; break;
    case 5: s.opInput = 3; break;
    case 6: s.opInput = -2; break;
    case 7: s.opcodeIndex = 5; break;
    case 8: s.graphOutput = 99; break;
    case 9: s.tensorType = 1; break;
    case 10: s.tensorType = 99; break;
    case 11: s.weightShape = {-1, 4}; break;
    case 12: s.weightShape = {65536, 65536, 4}; break;
    case 13: s.opcode = 3; break;
    case 14: s.opcode = 3, s.convOptions = true, s.strideW = 0; break;
    }
    auto bytes = rawModel(s);
    QString text = expectOneError(importTfliteBuffer(bytes.data(), bytes.size(), "bad_model.tflite"), "bad_model.tflite");
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void TstImport::emptyAndMissingFiles() {
    auto dir = std::filesystem::temp_directory_path() / ("ember_tst_import_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string empty = (dir / "empty.tflite").string();
    std::ofstream(empty).close();
    QString text = expectOneError(importTflite(empty), empty);
    QVERIFY2(text.contains("empty"), qPrintable(text));

    std::string missing = (dir / "missing.tflite").string();
    text = expectOneError(importTflite(missing), missing);
    QVERIFY2(text.contains("cannot open"), qPrintable(text));

    text = expectOneError(importTflite(dir.string()), dir.string());
    QVERIFY2(text.contains("directory"), qPrintable(text));

    text = expectOneError(importTfliteBuffer(nullptr, 0, "nothing.tflite"), "nothing.tflite");
    std::filesystem::remove_all(dir);
}

void TstImport::truncated_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("fraction");
    for (const char *f : {"mlperf_tiny/kws/kws_ref_model.tflite", "tflite_micro/hello_world/hello_world_int8.tflite"})
        for (double frac : {0.0001, 0.002, 0.1, 0.5, 0.9, 0.999})
            QTest::newRow(qPrintable(QString("%1 @%2").arg(f).arg(frac))) << f << frac;
}

void TstImport::truncated() {
    QFETCH(QString, file);
    QFETCH(double, fraction);
    std::vector<uint8_t> bytes = readModel(file.toStdString());
    size_t cut = std::max<size_t>(1, size_t(double(bytes.size()) * fraction));
    std::vector<uint8_t> part(bytes.begin(), bytes.begin() + long(cut));
    expectOneError(importTfliteBuffer(part.data(), part.size(), "cut.tflite"), "cut.tflite");
    // The last bytes of a flatbuffer may be alignment padding: cutting them
    // may legitimately still import, but must then give the same graph.
    for (size_t k = 1; k <= 16; ++k) {
        std::vector<uint8_t> tail(bytes.begin(), bytes.end() - long(k));
        auto r = importTfliteBuffer(tail.data(), tail.size(), "tail.tflite");
        if (!r.ok()) {
            QCOMPARE(r.diagnostics().items().size(), size_t(1));
            continue;
        }
        auto full = importTfliteBuffer(bytes.data(), bytes.size(), "tail.tflite");
        QCOMPARE(r->tensors.size(), full->tensors.size());
        for (size_t i = 0; i < r->tensors.size(); ++i) QCOMPARE(r->tensors[i].data, full->tensors[i].data);
    }
}

void TstImport::randomBytes_data() {
    QTest::addColumn<uint32_t>("seed");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("withIdentifier");
    int sizes[] = {1, 7, 8, 64, 1000, 65536};
    uint32_t seed = 1;
    for (int size : sizes)
        for (bool ident : {false, true}) {
            seed = seed * 2654435761u + 12345u;
            QTest::newRow(qPrintable(QString("%1 bytes%2").arg(size).arg(ident ? " +TFL3" : "")))
                << seed << size << ident;
        }
}

void TstImport::randomBytes() {
    QFETCH(uint32_t, seed);
    QFETCH(int, size);
    QFETCH(bool, withIdentifier);
    for (int round = 0; round < 50; ++round) {
        std::vector<uint8_t> bytes(static_cast<size_t>(size));
        for (uint8_t &b : bytes) b = uint8_t(xorshift(seed) >> 24);
        if (withIdentifier && size >= 8) std::memcpy(bytes.data() + 4, "TFL3", 4);
        auto r = importTfliteBuffer(bytes.data(), bytes.size(), "noise.bin");
        expectOneError(r, "noise.bin");
        if (QTest::currentTestFailed()) return;
    }
}

void TstImport::otherSchemas_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("expected");
    QTest::newRow("foreign identifier") << 0 << "'ABCD'";
    QTest::newRow("no identifier, other tables") << 1 << "not a TFLite model";
    QTest::newRow("no identifier, version 7") << 2 << "version 7";
    QTest::newRow("TFL3 identifier, other layout") << 3 << "do not verify";
}

void TstImport::otherSchemas() {
    QFETCH(int, which);
    QFETCH(QString, expected);
    flatbuffers::FlatBufferBuilder b;
    std::vector<float> floats = {1.5f, -2.25f, 3.f, 1e9f};
    if (which == 2) {
        // A root table whose field 0 happens to be a uint 7 and nothing else.
        auto start = b.StartTable();
        b.AddElement<uint32_t>(slot(0), 7, 0);
        b.Finish(TableRef(b.EndTable(start)));
    } else {
        // Another schema's record: {name: string, values: [float], count: long}.
        auto name = b.CreateString("not a model");
        auto values = b.CreateVector(floats);
        auto start = b.StartTable();
        b.AddOffset(slot(0), name);
        b.AddOffset(slot(1), values);
        b.AddOffset(slot(2), values);
        b.AddElement<int64_t>(slot(3), 123456789, 0);
        const char *ident = which == 0 ? "ABCD" : which == 3 ? "TFL3" : nullptr;
        b.Finish(TableRef(b.EndTable(start)), ident);
    }
    QString text = expectOneError(importTfliteBuffer(b.GetBufferPointer(), b.GetSize(), "other.fb"), "other.fb");
    QVERIFY2(text.contains(expected), qPrintable(text));
}

// Byte-level corruption of real models: each import either fails with one
// error or yields a graph that satisfies the IR's invariants.
void TstImport::mutatedModelsNeverCrash() {
    for (const char *f : {"tflite_micro/hello_world/hello_world_int8.tflite", "tflite_micro/seanet/sub/sub0.tflite"}) {
        std::vector<uint8_t> original = readModel(f);
        uint32_t seed = 0x9e3779b9u;
        int failures = 0;
        for (int round = 0; round < 1500; ++round) {
            std::vector<uint8_t> bytes = original;
            int flips = 1 + int(xorshift(seed) % 4);
            for (int k = 0; k < flips; ++k) {
                size_t at = xorshift(seed) % bytes.size();
                bytes[at] = uint8_t(xorshift(seed));
            }
            auto r = importTfliteBuffer(bytes.data(), bytes.size(), "mutated.tflite");
            if (!r.ok()) {
                ++failures;
                QCOMPARE(r.diagnostics().items().size(), size_t(1));
                continue;
            }
            checkConsistent(r.value());
            if (QTest::currentTestFailed()) return;
        }
        QVERIFY(failures > 0);  // the corruption did reach checked fields
    }
}

QTEST_APPLESS_MAIN(TstImport)
#include "tst_import.moc"
