// emberc as a user drives it: exit codes, outputs, error lines.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QtTest>

#include "DiffTflm.h"
#include "TestUtil.h"
#include "core/builder/TfliteWriter.h"

using namespace ember;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run emberc(const QStringList &args) {
    QProcess p;
    p.start(EMBERC_PATH, args);
    Run r;
    if (!p.waitForFinished(600000)) {
        p.kill();
        r.err = "timeout";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString shared(const QString &rel) { return QString::fromStdString(test::modelPath(rel.toStdString())); }

bool writeBytes(const QString &path, const QByteArray &b) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(b) == b.size();
}

}  // namespace

class TstEmberc : public QObject {
    Q_OBJECT

private slots:
    void helpAndUsage() {
        Run r = emberc({"--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("inspect MODEL"));
        QVERIFY(r.out.contains("--pool NAME:SIZE"));
        r = emberc({});
        QCOMPARE(r.code, 2);
        r = emberc({"frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
        r = emberc({"compile", shared("mlperf_tiny/kws/kws_ref_model.tflite")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("missing -o"));
        r = emberc({"compile", shared("mlperf_tiny/kws/kws_ref_model.tflite"), "-o", "x", "--planner", "magic"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown planner 'magic'"));
    }

    void opsListsRegistry() {
        Run r = emberc({"ops"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QRegularExpression("^CONV_2D +int8, int16x8, float32$",
                                                  QRegularExpression::MultilineOption)));
        QVERIFY(r.out.contains("STRIDED_SLICE"));
        QVERIFY(r.out.contains("SOFTMAX"));
        r = emberc({"ops", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(a.size() >= 22);
        bool sawMean = false;
        for (const auto &v : a) {
            QVERIFY(!v.toObject()["dtypes"].toString().isEmpty());
            if (v.toObject()["op"].toString() == "MEAN") {
                sawMean = true;
                QCOMPARE(v.toObject()["dtypes"].toString(), QString("int8, int16, float32"));
            }
        }
        QVERIFY(sawMean);
        r = emberc({"ops", "--bogus"});
        QCOMPARE(r.code, 2);
    }

    void inspectJson() {
        Run r = emberc({"inspect", "--json", shared("mlperf_tiny/kws/kws_ref_model.tflite")});
        QCOMPARE(r.code, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["op_count"].toInt(), 13);
        QCOMPARE(j["memory_lower_bound"].toInt(), 16000);  // TARGETS.md
        const QJsonObject in = j["inputs"].toArray()[0].toObject();
        QCOMPARE(in["dtype"].toString(), QString("int8"));
        QCOMPARE(in["shape"].toArray().size(), 4);
        QCOMPARE(j["op_counts"].toObject()["DEPTHWISE_CONV_2D"].toInt(), 4);
        QVERIFY(j["macs"].toDouble() > 2.0e6);  // DS-CNN KWS: about 2.7 M MACs
        QVERIFY(j["ops"].toArray().size() == 13);
        // Human form names the same numbers.
        r = emberc({"inspect", shared("mlperf_tiny/kws/kws_ref_model.tflite")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("lower bound  16000 bytes"));
    }

    void compileWritesPackage() {
        QTemporaryDir dir;
        Run r = emberc({"compile", shared("mlperf_tiny/kws/kws_ref_model.tflite"), "-o", dir.path(), "--name", "kws"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *f : {"include/kws/kws.h", "src/kws.c", "src/kws_ops.c", "src/kws_constants.c", "metadata.json"})
            QVERIFY2(QFile::exists(dir.filePath(f)), f);
        QFile m(dir.filePath("metadata.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonObject meta = QJsonDocument::fromJson(m.readAll()).object();
        QCOMPARE(meta["name"].toString(), QString("kws"));
        QCOMPARE(meta["layers"].toArray().size(), 13);
        QCOMPARE(meta["inputs"].toArray()[0].toObject()["bytes"].toInt(), 490);
        QCOMPARE(meta["outputs"].toArray()[0].toObject()["zero_point"].toInt(), -128);
    }

    // `emberc run` runs the generated C and reproduces the golden output.
    void runMatchesGolden() {
        QTemporaryDir dir;
        const QString g = QString::fromStdString(test::sharedDir()) + "/models/golden/kws_ref_model/";
        Run r = emberc({"run", shared("mlperf_tiny/kws/kws_ref_model.tflite"), "--input", g + "case1.input0.bin",
                        "--output-dir", dir.path()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile got(dir.filePath("output0.bin")), want(g + "case1.output0.bin");
        QVERIFY(got.open(QIODevice::ReadOnly) && want.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), want.readAll());
        // Wrong input size: a clear error, non-zero exit.
        QVERIFY(writeBytes(dir.filePath("short.bin"), QByteArray(10, 0)));
        r = emberc({"run", shared("mlperf_tiny/kws/kws_ref_model.tflite"), "--input", dir.filePath("short.bin"),
                    "--output-dir", dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("490"), qPrintable(r.err));
    }

    // `emberc run --dump-dir` writes every tensor in tflm_ref's --dump-dir
    // layout; on kws the index lines and the tensors agree with TFLM's dump.
    void runDumpMatchesTflm() {
        const std::string ref = test::tflmRefPath();
        if (ref.empty()) QSKIP("tflm_ref not found");
        QTemporaryDir dir;
        const QString model = shared("mlperf_tiny/kws/kws_ref_model.tflite");
        const QString g = QString::fromStdString(test::sharedDir()) + "/models/golden/kws_ref_model/";
        const QString input = g + "case1.input0.bin";
        Run r = emberc({"run", model, "--input", input, "--output-dir", dir.filePath("out"), "--dump-dir",
                        dir.filePath("ember")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QProcess p;
        p.start(QString::fromStdString(ref), {model, "--input", input, "--output-dir", dir.filePath("tout"),
                                              "--dump-dir", dir.filePath("tflm")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        auto readAll = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing " + path.toUtf8() + ">");
        };
        // Same columns, same values, line for line.
        const QList<QByteArray> mine = readAll(dir.filePath("ember/index.tsv")).split('\n');
        const QList<QByteArray> theirs = readAll(dir.filePath("tflm/index.tsv")).split('\n');
        QCOMPARE(mine.size(), theirs.size());
        for (int i = 0; i < mine.size(); ++i) QCOMPARE(mine[i], theirs[i]);
        // The input, a weight tensor, every activation produced by an op and
        // the output: byte-for-byte.
        int compared = 0;
        for (const QByteArray &line : theirs) {
            const QList<QByteArray> f = line.split('\t');
            if (f.size() != 8) continue;
            const bool produced = f[6] != "-1";
            if (!produced && f[0] != "0" && f[0] != "17") continue;
            const QString name = "/t" + QString::fromUtf8(f[0]) + ".bin";
            QVERIFY2(readAll(dir.filePath("ember") + name) == readAll(dir.filePath("tflm") + name),
                     qPrintable("tensor " + f[0] + " (" + f[7] + ") differs"));
            ++compared;
        }
        QVERIFY(compared >= 13);
    }

    void validateExample() {
        QTemporaryDir dir;
        const QString model = dir.filePath("demo.tflite");
        Run r = emberc({"example", "ember_demo", "-o", model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = emberc({"validate", model, "--cases", "2"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("matches the reference executor on 2 seeded case(s)"));
        QVERIFY(r.out.contains("bit-exact required"));
    }

    // Metrics against the float model the int8 one came from, from a .npy
    // of float inputs and as JSON: bit-exact C, small int8-vs-float error,
    // corresponding layers found.
    void validateAgainstFloat() {
        const QString q = QString::fromStdString(ember::test::modelPath("mlperf_tiny/ad/ad01_int8.tflite"));
        const QString f = QString::fromStdString(ember::test::modelPath("mlperf_tiny/ad/ad01_fp32.tflite"));
        QTemporaryDir dir;
        // 2 cases of 640 float32 values in [-1, 1).
        QByteArray npy("\x93NUMPY\x01\x00", 8);
        QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 640), }";
        while ((10 + header.size() + 1) % 64) header += ' ';
        header += '\n';
        npy += char(header.size() & 0xff);
        npy += char(header.size() >> 8);
        npy += header;
        for (int i = 0; i < 2 * 640; ++i) {
            const float v = float((i * 37) % 200) / 100.f - 1.f;
            npy += QByteArray(reinterpret_cast<const char *>(&v), 4);
        }
        QFile file(dir.filePath("in.npy"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(npy);
        file.close();
        Run r = emberc({"validate", q, "--input", file.fileName(), "--reference", f, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["cases"].toInt(), 2);
        QVERIFY(j["bit_exact"].toBool());
        const QJsonObject vs = j["outputs"].toArray().at(0).toObject()["vs_float"].toObject();
        QVERIFY2(vs["cosine"].toDouble() > 0.9, qPrintable(r.out));
        QVERIFY(vs["max_abs_error"].toDouble() >= vs["mae"].toDouble());
        QVERIFY(vs["rmse"].toDouble() >= vs["mae"].toDouble());
        QVERIFY2(j["layers"].toArray().size() >= 5, qPrintable(r.out));
        // Random inputs, text: the per-layer table is printed.
        r = emberc({"validate", q, "--input", "random:3", "--cases", "2", "--reference", f});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("per layer vs float"));
        QVERIFY(r.out.contains("matches the reference executor on 2 seeded case(s)"));
        // A raw file of the wrong size: one clear error.
        QFile bad(dir.filePath("bad.bin"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(7, 0));
        bad.close();
        r = emberc({"validate", q, "--input", bad.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not a multiple"), qPrintable(r.err));
    }

    // A dynamic time axis: one package, checked at the bound's minimum,
    // middle and maximum; a dim on a reduced axis is refused.
    void validateDynamicDims() {
        QTemporaryDir dir;
        const QString model = dir.filePath("seq.tflite");
        Run r = emberc({"example", "ember_seq", "-o", model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = emberc({"validate", model, "--cases", "1", "--dim", "input:1=1..16"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        for (const char *e : {"extent 1 ", "extent 8 ", "extent 16 "}) QVERIFY2(r.out.contains(e), e);
        QVERIFY(r.out.contains("matches the reference executor on 3 seeded case(s)"));
        r = emberc({"compile", model, "-o", dir.filePath("pkg"), "--dim", "input:2=1..16"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("FULLY_CONNECTED") && r.err.contains("axis 2"), qPrintable(r.err));
    }

    // Bad input files: one clear error line naming the file, exit code 1, no crash.
    void badInputs_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expect");
        QByteArray kws;
        {
            QFile f(shared("mlperf_tiny/kws/kws_ref_model.tflite"));
            if (f.open(QIODevice::ReadOnly)) kws = f.readAll();
        }
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("truncated-header") << kws.left(16) << "";
        QTest::newRow("truncated-half") << kws.left(kws.size() / 2) << "";
        QByteArray random(4096, 0);
        QRandomGenerator rng(1234);
        for (auto &c : random) c = char(rng.bounded(256));
        QTest::newRow("random") << random << "";
        // A valid flatbuffer of another schema: a tiny table with no TFL3 identifier.
        const QByteArray other = QByteArray::fromHex("0c00000008000c00040008000800000007000000"
                                                     "0000000000000000");
        QTest::newRow("wrong-schema") << other << "";
        // A real TFLite model whose output tensor shape lies.
        Graph g;
        const int in = test::addTensor(g, "in", DType::Int8, {1, 4}, test::q(0.5f, 0));
        const int out = test::addTensor(g, "out", DType::Int8, {1, 5}, test::q(0.5f, 0));
        OpAttrs a;
        test::addOp(g, OpType::Relu, {in}, {out}, a);
        test::setIO(g, {in}, {out});
        const auto bytes = writeTflite(g);
        QTest::newRow("lying-shape") << QByteArray(reinterpret_cast<const char *>(bytes.data()), int(bytes.size()))
                                     << "out";
    }

    void badInputs() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expect);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.tflite");
        QVERIFY(writeBytes(path, content));
        for (const char *cmd : {"inspect", "compile"}) {
            QStringList args = {cmd, path};
            if (QString(cmd) == "compile") args << "-o" << dir.filePath("out");
            Run r = emberc(args);
            QCOMPARE(r.code, 1);
            const QStringList lines = r.err.trimmed().split('\n');
            QVERIFY2(lines.size() == 1, qPrintable(r.err));
            QVERIFY2(r.err.contains("bad.tflite"), qPrintable(r.err));
            if (!expect.isEmpty()) QVERIFY2(r.err.contains(expect), qPrintable(r.err));
        }
    }

    // Names that are not UTF-8 (a Latin-1 tensor name) used to abort emberc
    // (nlohmann type_error.316 in the metadata writer): now carried as "\\xe9".
    void latin1TensorName() {
        QTemporaryDir dir;
        Graph g;
        const int in = test::addTensor(g, "entr\xe9" "e", DType::Int8, {1, 4}, test::q(0.5f, 0));
        const int out = test::addTensor(g, "sortie_\xff\xfe", DType::Int8, {1, 4}, test::q(0.5f, 0));
        test::addOp(g, OpType::Relu, {in}, {out});
        test::setIO(g, {in}, {out});
        const auto bytes = writeTflite(g);
        const QString model = dir.filePath("latin1.tflite");
        QVERIFY(writeBytes(model, QByteArray(reinterpret_cast<const char *>(bytes.data()), int(bytes.size()))));
        Run r = emberc({"compile", model, "-o", dir.filePath("pkg")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile m(dir.filePath("pkg/metadata.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QByteArray raw = m.readAll();
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8(raw);
        QVERIFY2(!utf8.hasError(), "metadata.json is not valid UTF-8");
        const QJsonObject meta = QJsonDocument::fromJson(raw).object();
        QCOMPARE(meta["inputs"].toArray()[0].toObject()["name"].toString(), QString("entr\\xe9e"));
        QCOMPARE(meta["outputs"].toArray()[0].toObject()["name"].toString(), QString("sortie_\\xff\\xfe"));
        r = emberc({"inspect", "--json", model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("entr\\\\xe9e"));  // JSON-escaped backslash
    }

    // Re-used output folders: a package folder is replaced whole (no stale
    // files of the previous model), a failed compile leaves it untouched,
    // other non-empty folders need --force, a file is refused.
    void outputFolderReuse() {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.tflite"), b = dir.filePath("b.tflite"), pkg = dir.filePath("pkg");
        QCOMPARE(emberc({"example", "ember_demo", "-o", a}).code, 0);
        QCOMPARE(emberc({"example", "ember_seq", "-o", b}).code, 0);
        Run r = emberc({"compile", a, "-o", pkg, "--name", "alpha"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(pkg + "/src/alpha.c"));
        r = emberc({"compile", b, "-o", pkg, "--name", "beta"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(pkg + "/src/beta.c"));
        QVERIFY2(!QFile::exists(pkg + "/src/alpha.c"), "files of the previous package are left");
        QVERIFY(!QDir(pkg + "/include/alpha").exists());
        // A failed compile (pool too small) keeps the previous package as it was.
        QFile m(pkg + "/metadata.json");
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QByteArray before = m.readAll();
        m.close();
        r = emberc({"compile", a, "-o", pkg, "--name", "alpha", "--pool", "workspace:16"});
        QCOMPARE(r.code, 1);
        QVERIFY(m.open(QIODevice::ReadOnly));
        QCOMPARE(m.readAll(), before);
        QVERIFY(!QFile::exists(pkg + "/src/alpha.c"));
        // No staging folders are left beside the target.
        const QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(left.size(), 3);
        // A non-empty folder that is not a package: refused, then --force.
        const QString other = dir.filePath("other");
        QVERIFY(QDir().mkpath(other));
        QVERIFY(writeBytes(other + "/notes.txt", "keep me"));
        r = emberc({"compile", a, "-o", other});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not an Ember package") && r.err.contains("--force"), qPrintable(r.err));
        QVERIFY(!QFile::exists(other + "/metadata.json"));
        r = emberc({"compile", a, "-o", other, "--force"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(other + "/metadata.json") && QFile::exists(other + "/notes.txt"));
        // -o naming a regular file.
        r = emberc({"compile", a, "-o", a});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is a file"), qPrintable(r.err));
    }

    // --archive with a long --name: member paths past ustar's 100/155 limits
    // are carried by pax headers; tar extracts every file under its own name.
    void archiveLongName() {
        QTemporaryDir dir;
        const QString model = dir.filePath("demo.tflite");
        QCOMPARE(emberc({"example", "ember_demo", "-o", model}).code, 0);
        const QString name = QString("n").repeated(150);
        Run r = emberc({"compile", model, "-o", dir.filePath("pkg"), "--name", name, "--archive"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QDir().mkpath(dir.filePath("x")));
        QProcess tar;
        tar.setWorkingDirectory(dir.filePath("x"));
        tar.start("tar", {"xf", dir.filePath("pkg.tar")});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        QFile m(dir.filePath("pkg/metadata.json"));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QJsonArray files = QJsonDocument::fromJson(m.readAll()).object()["files"].toArray();
        QVERIFY(files.size() >= 5);
        int longOnes = 0;
        for (const auto &f : files) {
            const QString rel = f.toString();
            longOnes += rel.size() > 100;
            QFile want(dir.filePath("pkg/" + rel)), got(dir.filePath("x/" + rel));
            QVERIFY2(want.open(QIODevice::ReadOnly) && got.open(QIODevice::ReadOnly), qPrintable(rel));
            QVERIFY2(want.readAll() == got.readAll(), qPrintable(rel));
        }
        QVERIFY(longOnes >= 3);
        // Nothing else in the archive (no truncated duplicates).
        QDirIterator it(dir.filePath("x"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            it.next();
            ++n;
        }
        QCOMPARE(n, int(files.size()));
    }

    // Sizes a 32-bit target cannot hold are refused with a clear message:
    // a tensor of 2^31 elements, a 2 GiB pool, a huge --align or --pool.
    void sizeLimits() {
        QTemporaryDir dir;
        auto write = [&](const QString &file, const Shape &shape, int chain) {
            Graph g;
            std::vector<int> t;
            for (int k = 0; k <= chain; ++k)
                t.push_back(test::addTensor(g, "t" + std::to_string(k), DType::Int8, shape, test::q(0.5f, 0)));
            for (int k = 0; k < chain; ++k) test::addOp(g, OpType::Relu, {t[size_t(k)]}, {t[size_t(k) + 1]});
            test::setIO(g, {t.front()}, {t.back()});
            const auto bytes = writeTflite(g);
            return writeBytes(file, QByteArray(reinterpret_cast<const char *>(bytes.data()), int(bytes.size())));
        };
        const QString huge = dir.filePath("huge.tflite"), big = dir.filePath("big.tflite");
        QVERIFY(write(huge, {2, 1073741824}, 1));  // exactly 2^31 int8 elements
        Run r = emberc({"compile", huge, "-o", dir.filePath("p1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("2147483648 elements") && r.err.contains("at most 2147483647"), qPrintable(r.err));
        QVERIFY(!QDir(dir.filePath("p1")).exists());
        // 1 GiB activations, two alive at once: a 2 GiB pool.
        QVERIFY(write(big, {1, 1073741824}, 3));
        r = emberc({"compile", big, "-o", dir.filePath("p2")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("pool 'workspace' needs 2147483648 bytes"), qPrintable(r.err));
        const QString small = dir.filePath("demo.tflite");
        QCOMPARE(emberc({"example", "ember_demo", "-o", small}).code, 0);
        r = emberc({"compile", small, "-o", dir.filePath("p3"), "--align", "1073741824"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("power of two between 1 and 4096"), qPrintable(r.err));
        r = emberc({"compile", small, "-o", dir.filePath("p3"), "--pool", "w:3000000000"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("larger than a pool can be"), qPrintable(r.err));
        r = emberc({"compile", small, "-o", dir.filePath("p3"), "--pool", "w:64K:align=8192"});
        QCOMPARE(r.code, 2);
        r = emberc({"compile", small, "-o", dir.filePath("p3"), "--align", "4096"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    // Numbers on the command line are parsed strictly: "5abc" is not 5.
    void strictNumbers() {
        QTemporaryDir dir;
        const QString model = dir.filePath("demo.tflite");
        QCOMPARE(emberc({"example", "ember_demo", "-o", model}).code, 0);
        for (const QStringList &bad : {QStringList{"--cases", "5abc"}, QStringList{"--cases", " 5"},
                                       QStringList{"--seed", "1e3"}, QStringList{"--cases", "0"},
                                       QStringList{"--seed", "99999999999999999999999"}, QStringList{"--cases"}}) {
            Run r = emberc(QStringList{"validate", model} + bad);
            QVERIFY2(r.code == 2, qPrintable(bad.join(' ') + ": " + r.err));
            QVERIFY2(r.err.contains(bad[0]), qPrintable(r.err));
        }
        QCOMPARE(emberc({"validate", model, "--cases", "1", "--seed", "7"}).code, 0);
    }

    void missingFile() {
        Run r = emberc({"inspect", "/nonexistent/model.tflite"});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("/nonexistent/model.tflite"));
        QVERIFY(r.err.contains("no such model file"));
    }
};

QTEST_APPLESS_MAIN(TstEmberc)
#include "tst_emberc.moc"
