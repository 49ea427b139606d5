// Every generated-code API mode and memory option (GENERATED_API.md), each
// proven by compiling (gcc, clang, arm-none-eabi-gcc, -Werror) and running
// the generated C against the TFLM goldens.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <set>
#include <tuple>

#include "TestUtil.h"
#include "core/validate/HostRunner.h"

using namespace ember;

namespace {

struct Golden {
    std::vector<std::vector<TensorData>> inputs, outputs;
};

Golden loadGolden(const std::string &stem) {
    Golden g;
    const std::string dir = test::sharedDir() + "/models/golden/" + stem + "/";
    QFile f(QString::fromStdString(dir + "manifest.json"));
    if (!f.open(QIODevice::ReadOnly)) return g;
    const QJsonObject man = QJsonDocument::fromJson(f.readAll()).object();
    for (const auto &cv : man["cases"].toArray()) {
        std::vector<TensorData> in, out;
        for (const auto &x : cv.toObject()["inputs"].toArray()) {
            TensorData b;
            test::readFile(dir + x.toString().toStdString(), &b);
            in.push_back(b);
        }
        for (const auto &x : cv.toObject()["outputs"].toArray()) {
            TensorData b;
            test::readFile(dir + x.toString().toStdString(), &b);
            out.push_back(b);
        }
        g.inputs.push_back(in);
        g.outputs.push_back(out);
    }
    return g;
}

struct Mode {
    OperatorsMode ops = OperatorsMode::Unpacked;
    InterfaceApi api = InterfaceApi::C;
    bool wrappers = false;
    bool ioWs = false;
    bool cpool = false;
    bool appPools = false;
    QString label() const {
        return QString("%1-%2%3-%4-%5-%6")
            .arg(ops == OperatorsMode::Packed ? "opspacked" : "opsunpacked", api == InterfaceApi::Packed ? "apipacked" : "apic",
                 wrappers ? "-wrappers" : "", ioWs ? "ioworkspace" : "ioseparate", cpool ? "constpool" : "constflash",
                 appPools ? "apppools" : "staticpools");
    }
    CompileOptions options() const {
        CompileOptions o;
        o.operators = ops;
        o.interfaceApi = api;
        o.packedWrappers = wrappers;
        o.plan.ioInWorkspace = ioWs;
        o.constants = cpool ? ConstantsPlacement::Pool : ConstantsPlacement::Flash;
        for (auto &p : o.plan.pools) p.appProvided = appPools;
        return o;
    }
};

std::vector<Mode> allModes() {
    std::vector<Mode> r;
    for (int b = 0; b < 64; ++b) {
        Mode m;
        m.ops = b & 1 ? OperatorsMode::Packed : OperatorsMode::Unpacked;
        m.api = b & 2 ? InterfaceApi::Packed : InterfaceApi::C;
        m.wrappers = b & 4;
        m.ioWs = b & 8;
        m.cpool = b & 16;
        m.appPools = b & 32;
        r.push_back(m);
    }
    return r;
}

std::vector<int> allIndices(int n) {
    std::vector<int> r(size_t(n), 0);
    for (int i = 0; i < n; ++i) r[size_t(i)] = i;
    return r;
}

// Mode bit masks covering every pair of the 6 switches in all 4 value
// combinations: all-off and all-on first, then greedily the mode that covers
// the most uncovered pairs (deterministic).
std::vector<int> pairwiseModes() {
    std::set<std::tuple<int, int, int, int>> missing;
    for (int a = 0; a < 6; ++a)
        for (int b = a + 1; b < 6; ++b)
            for (int va = 0; va < 2; ++va)
                for (int vb = 0; vb < 2; ++vb) missing.insert({a, b, va, vb});
    auto covers = [](int m, const std::tuple<int, int, int, int> &p) {
        return ((m >> std::get<0>(p)) & 1) == std::get<2>(p) && ((m >> std::get<1>(p)) & 1) == std::get<3>(p);
    };
    std::vector<int> r;
    auto take = [&](int m) {
        r.push_back(m);
        for (auto it = missing.begin(); it != missing.end();) it = covers(m, *it) ? missing.erase(it) : std::next(it);
    };
    take(0);
    take(63);
    while (!missing.empty()) {
        int best = 0;
        size_t bestN = 0;
        for (int m = 0; m < 64; ++m) {
            size_t n = 0;
            for (const auto &p : missing) n += covers(m, p);
            if (n > bestN) best = m, bestN = n;
        }
        take(best);
    }
    return r;
}

// Compiles every .c of the package with one compiler (-c, -Werror).
QString compileWith(const Artifacts &a, const std::string &dir, const char *cc, const std::vector<std::string> &flags) {
    for (const auto &f : a.files) {
        if (f.first.size() < 2 || f.first.substr(f.first.size() - 2) != ".c") continue;
        std::vector<std::string> cmd = {cc};
        cmd.insert(cmd.end(), flags.begin(), flags.end());
        for (const char *x : {"-std=c99", "-O1", "-Wall", "-Wextra", "-Werror", "-pedantic", "-c"}) cmd.push_back(x);
        cmd.push_back("-I" + dir + "/include");
        cmd.push_back(dir + "/" + f.first);
        cmd.push_back("-o");
        cmd.push_back(dir + "/x.o");
        std::string log;
        if (runProcess(cmd, &log) != 0)
            return QString("%1 on %2:\n%3").arg(cc, QString::fromStdString(f.first), QString::fromStdString(log));
    }
    return {};
}

const std::vector<std::string> kArmFlags = {"-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"};

// Build with all three compilers; run with gcc on every golden case.
// allCompilers false: gcc only (clang and arm-none-eabi-gcc see the same
// model's default package in tst_cross_compile).
QString checkMode(const Graph &g, const Golden &gold, const CompileOptions &opts, size_t maxCases = 99,
                  bool allCompilers = true) {
    auto a = compile(g, opts);
    if (!a) return QString::fromStdString("compile: " + a.diagnostics().format());
    QTemporaryDir dir;
    Diagnostics d;
    if (!a->writeTo(dir.path().toStdString(), d)) return "cannot write package";
    for (const auto &[cc, flags] : std::vector<std::pair<const char *, std::vector<std::string>>>{
             {"clang", {}}, {"arm-none-eabi-gcc", kArmFlags}}) {
        if (!allCompilers) break;
        const QString err = compileWith(a.value(), dir.path().toStdString(), cc, flags);
        if (!err.isEmpty()) return err;
    }
    auto prog = HostProgram::build(a.value(), g);
    if (!prog) return QString::fromStdString("gcc: " + prog.diagnostics().format());
    for (size_t c = 0; c < gold.inputs.size() && c < maxCases; ++c) {
        auto out = prog->run(gold.inputs[c]);
        if (!out) return QString::fromStdString(out.diagnostics().format());
        if (out.value() != gold.outputs[c]) return QString("case %1: outputs differ from the golden").arg(c);
    }
    return {};
}

QJsonObject metadataOf(const Artifacts &a) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(*a.file("metadata.json"))).object();
}

}  // namespace

class TstApiModes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        for (const char *cc : {"gcc", "clang", "arm-none-eabi-gcc"})
            QVERIFY2(!QStandardPaths::findExecutable(cc).isEmpty(), cc);
    }

    // The mode matrix on KWS. CI runs a pairwise covering subset (every
    // pair of the six switches in all four combinations, plus all-off and
    // all-on: 8 packages); EMBER_FULL_MATRIX=1 (scripts/sweeps.sh) runs all
    // 2 × 2 × 2 × 2 × 2 × 2 = 64.
    void fullMatrixKws_data() {
        QTest::addColumn<int>("mode");
        const auto modes = allModes();
        for (int i : qEnvironmentVariableIsSet("EMBER_FULL_MATRIX") ? allIndices(64) : pairwiseModes())
            QTest::newRow(qPrintable(modes[size_t(i)].label())) << i;
    }

    void fullMatrixKws() {
        QFETCH(int, mode);
        static auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        static const Golden gold = loadGolden("kws_ref_model");
        QVERIFY(!gold.inputs.empty());
        const QString err = checkMode(g.value(), gold, allModes()[size_t(mode)].options());
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // The packed variants on every MLPerf Tiny int8 model (and the default
    // on KWS: tst_golden runs the default on every golden model).
    void packedVariantsAllModels_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("variant");
        const char *models[][2] = {{"mlperf_tiny/kws/kws_ref_model.tflite", "kws_ref_model"},
                                   {"mlperf_tiny/vww/vww_96_int8.tflite", "vww_96_int8"},
                                   {"mlperf_tiny/ic/pretrainedResnet_quant.tflite", "pretrainedResnet_quant"},
                                   {"mlperf_tiny/ad/ad01_int8.tflite", "ad01_int8"}};
        const char *variants[] = {"default", "operators-packed", "interface-packed", "wrappers-apppools-constpool-io"};
        for (auto &m : models)
            for (int v = std::strcmp(m[1], "kws_ref_model") == 0 ? 0 : 1; v < 4; ++v)
                QTest::newRow(qPrintable(QString(m[1]) + "/" + variants[v])) << m[0] << m[1] << v;
    }

    void packedVariantsAllModels() {
        QFETCH(QString, model);
        QFETCH(QString, golden);
        QFETCH(int, variant);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        Mode m;
        if (variant == 1) m.ops = OperatorsMode::Packed;
        if (variant == 2) m.api = InterfaceApi::Packed;
        if (variant == 3) m.wrappers = m.appPools = m.cpool = m.ioWs = true;
        // The packed code is the same for every model: the other models'
        // large operator and constant files (VWW's 260 KB, AD's 18,000
        // lines) go through clang and the Arm compiler only in the full
        // sweep (EMBER_FULL_MATRIX=1), which saves minutes of CI.
        const bool small = golden == "kws_ref_model";
        const QString err = checkMode(g.value(), loadGolden(golden.toStdString()), m.options(), 1,
                                      small || qEnvironmentVariableIsSet("EMBER_FULL_MATRIX"));
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    // The generic caller looks functions up by name, runs the model through
    // the packed entrypoint and again layer by layer, with identical outputs
    // equal to the golden.
    void hostCallerByName_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("variant");
        QTest::newRow("kws-unpacked-ops") << "mlperf_tiny/kws/kws_ref_model.tflite" << "kws_ref_model" << 0;
        QTest::newRow("kws-packed-ops-constpool") << "mlperf_tiny/kws/kws_ref_model.tflite" << "kws_ref_model" << 1;
        QTest::newRow("ic-apppools-io") << "mlperf_tiny/ic/pretrainedResnet_quant.tflite" << "pretrainedResnet_quant" << 2;
        QTest::newRow("ad-packed-api") << "mlperf_tiny/ad/ad01_int8.tflite" << "ad01_int8" << 3;
    }

    void hostCallerByName() {
        QFETCH(QString, model);
        QFETCH(QString, golden);
        QFETCH(int, variant);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY(g.ok());
        CompileOptions o;
        o.name = "m";
        o.packedWrappers = true;
        if (variant == 1) {
            o.operators = OperatorsMode::Packed;
            o.constants = ConstantsPlacement::Pool;
        }
        if (variant == 2) {
            o.plan.pools[0].appProvided = true;
            o.plan.ioInWorkspace = true;
        }
        if (variant == 3) o.interfaceApi = InterfaceApi::Packed;
        auto a = compile(g.value(), o);
        QVERIFY2(a.ok(), a.diagnostics().format().c_str());
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        Diagnostics diags;
        QVERIFY(a->writeTo(d, diags));
        std::vector<std::string> lib = {"gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic",
                                        "-shared", "-fPIC", "-I" + d + "/include"};
        for (const auto &f : a->files)
            if (f.first.substr(f.first.size() - 2) == ".c") lib.push_back(d + "/" + f.first);
        lib.insert(lib.end(), {"-o", d + "/libm.so", "-lm"});
        std::string log;
        QVERIFY2(runProcess(lib, &log) == 0, log.c_str());
        // The caller is built against the runtime header only: nothing model-specific.
        QVERIFY2(runProcess({"gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-I" + d + "/include",
                             std::string(EMBER_SOURCE_DIR) + "/tests/tools/ember_host_caller.c", "-o",
                             d + "/caller", "-ldl"},
                            &log) == 0,
                 log.c_str());
        const Golden gold = loadGolden(golden.toStdString());
        const std::string in = test::sharedDir() + "/models/golden/" + golden.toStdString() + "/case0.input0.bin";
        log.clear();
        const int rc = runProcess({d + "/caller", d + "/libm.so", "m", "--out", d, in}, &log);
        QVERIFY2(rc == 0, log.c_str());
        QVERIFY2(log.find("outputs identical") != std::string::npos, log.c_str());
        QVERIFY(log.find(std::to_string(g->ops.size()) + " layer(s) called by name") != std::string::npos);
        TensorData out;
        QVERIFY(test::readFile(d + "/output0.bin", &out));
        QVERIFY(out == gold.outputs[0][0]);
    }

    // Two pools with pins: the plan respects pins, capacities and alignment,
    // no two live buffers overlap (read back from metadata.json), and the
    // pools land in their linker sections.
    void twoPoolsWithPins() {
        auto g = loadModel(test::modelPath("mlperf_tiny/ic/pretrainedResnet_quant.tflite"));
        QVERIFY(g.ok());
        CompileOptions o;
        std::vector<std::string> rest;
        Diagnostics d;
        // Pin the first two activation tensors to the DTCM pool.
        std::vector<std::string> pinned;
        for (const Op &op : g->ops) {
            const Tensor &t = g->out(op);
            if (!t.isOutput && pinned.size() < 2) pinned.push_back(t.name);
        }
        QVERIFY(parseCompileArgs({"--pool", "sram:64K:section=.sram_pool:align=32", "--pool",
                                  "dtcm:40K:section=.dtcm:align=8", "--pin", pinned[0] + "=dtcm", "--pin",
                                  pinned[1] + "=dtcm"},
                                 o, rest, d));
        QVERIFY(rest.empty());
        auto a = compile(g.value(), o);
        QVERIFY2(a.ok(), a.diagnostics().format().c_str());
        const QJsonObject meta = metadataOf(a.value());
        QMap<QString, QJsonObject> pools;
        for (const auto &p : meta["pools"].toArray()) pools[p.toObject()["name"].toString()] = p.toObject();
        QCOMPARE(pools.size(), 2);
        const QJsonArray bufs = meta["plan"].toObject()["buffers"].toArray();
        for (int i = 0; i < bufs.size(); ++i) {
            const QJsonObject b = bufs[i].toObject();
            const QJsonObject pool = pools[b["pool"].toString()];
            const bool isPinned = std::find(pinned.begin(), pinned.end(), b["tensor"].toString().toStdString()) != pinned.end();
            QCOMPARE(b["pool"].toString(), QString(isPinned ? "dtcm" : "sram"));
            QCOMPARE(b["offset"].toInt() % pool["align"].toInt(), 0);
            QVERIFY(b["offset"].toInt() + b["bytes"].toInt() <= pool["capacity"].toInt());
            for (int j = i + 1; j < bufs.size(); ++j) {
                const QJsonObject c = bufs[j].toObject();
                if (c["pool"] != b["pool"]) continue;
                const bool liveTogether = b["first"].toInt() <= c["last"].toInt() && c["first"].toInt() <= b["last"].toInt();
                const bool overlap = b["offset"].toInt() < c["offset"].toInt() + c["bytes"].toInt() &&
                                     c["offset"].toInt() < b["offset"].toInt() + b["bytes"].toInt();
                QVERIFY2(!(liveTogether && overlap), qPrintable(b["tensor"].toString() + " / " + c["tensor"].toString()));
            }
        }
        const std::string *entryFile = a->file("src/" + a->name + ".c");
        QVERIFY(entryFile);
        const std::string &entry = *entryFile;
        QVERIFY(entry.find("__attribute__((section(\".dtcm\")))") != std::string::npos);
        QVERIFY(entry.find("__attribute__((aligned(32))) __attribute__((section(\".sram_pool\")))") != std::string::npos);
        QVERIFY2(checkMode(g.value(), loadGolden("pretrainedResnet_quant"), o, 1).isEmpty(), "two-pool build");
    }

    void ioWorkspaceLowersRam_data() {
        QTest::addColumn<QString>("model");
        for (const char *m : {"mlperf_tiny/kws/kws_ref_model.tflite", "mlperf_tiny/vww/vww_96_int8.tflite",
                              "mlperf_tiny/ic/pretrainedResnet_quant.tflite", "mlperf_tiny/ad/ad01_int8.tflite"})
            QTest::newRow(m) << m;
    }

    void ioWorkspaceLowersRam() {
        QFETCH(QString, model);
        auto g = loadModel(test::modelPath(model.toStdString()));
        QVERIFY(g.ok());
        CompileOptions sep, ws;
        ws.plan.ioInWorkspace = true;
        auto a = compile(g.value(), sep), b = compile(g.value(), ws);
        QVERIFY(a.ok() && b.ok());
        size_t io = 0;
        for (int t : g->inputs) io += g->tensors[size_t(t)].bytes();
        for (int t : g->outputs) io += g->tensors[size_t(t)].bytes();
        const size_t separateTotal = a->plan.totalUsed() + io, workspaceTotal = b->plan.totalUsed();
        QVERIFY2(workspaceTotal < separateTotal,
                 qPrintable(QString("%1 >= %2").arg(workspaceTotal).arg(separateTotal)));
        // And the metadata says where the inputs live.
        const QJsonObject in = metadataOf(b.value())["inputs"].toArray()[0].toObject();
        QCOMPARE(in["pool"].toString(), QString("workspace"));
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expect");
        QTest::newRow("pool-too-small") << QStringList{"--pool", "tiny:1K"} << "'tiny'";
        QTest::newRow("pin-unknown-tensor") << QStringList{"--pin", "no_such_tensor=workspace"} << "no_such_tensor";
        QTest::newRow("pin-unknown-pool") << QStringList{"--pin", "Identity=nowhere"} << "nowhere";
        QTest::newRow("bad-operators") << QStringList{"--operators", "fast"} << "unpacked or packed";
        QTest::newRow("bad-io") << QStringList{"--io", "shared"} << "separate or workspace";
        QTest::newRow("bad-constants") << QStringList{"--constants", "rom"} << "flash or pool";
        QTest::newRow("bad-align") << QStringList{"--align", "12"} << "power of two";
        QTest::newRow("bad-pool-size") << QStringList{"--pool", "a:lots"} << "size 'lots'";
    }

    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QString, expect);
        auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g.ok());
        CompileOptions o;
        std::vector<std::string> a, rest;
        for (const auto &s : args) a.push_back(s.toStdString());
        Diagnostics d;
        std::string msg;
        if (!parseCompileArgs(a, o, rest, d)) {
            msg = d.format();
        } else {
            auto r = compile(g.value(), o);
            QVERIFY(!r.ok());
            msg = r.diagnostics().format();
        }
        QVERIFY2(msg.find(expect.toStdString()) != std::string::npos, msg.c_str());
        QCOMPARE(std::count(msg.begin(), msg.end(), '\n'), 1L);  // one clear line
    }

    void tooSmallPoolNamesShortfall() {
        auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g.ok());
        CompileOptions o;
        o.plan.pools = {PoolSpec{"sram", 12000, "", 16, false}};
        auto r = compile(g.value(), o);
        QVERIFY(!r.ok());
        const std::string msg = r.diagnostics().format();
        QVERIFY2(msg.find("sram") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("4000") != std::string::npos, msg.c_str());  // 16000 needed, 12000 available
    }

    // Minimal headers: each package contains exactly what it includes, and
    // builds where only the C standard library exists (arm-none-eabi-gcc +
    // newlib: no system dlpack, no anything else).
    void minimalHeaders_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("default") << 0;
        QTest::newRow("packed-ops") << 1;
        QTest::newRow("packed-api-wrappers") << 2 + 4;
        QTest::newRow("everything") << 63;
    }

    void minimalHeaders() {
        QFETCH(int, mode);
        auto g = loadModel(test::modelPath("mlperf_tiny/kws/kws_ref_model.tflite"));
        QVERIFY(g.ok());
        auto a = compile(g.value(), allModes()[size_t(mode)].options());
        QVERIFY(a.ok());
        std::string all;
        for (const auto &f : a->files) all += f.second;
        const bool packed = mode != 0;
        for (const auto &f : a->files) {
            const std::string &p = f.first;
            if (p == "metadata.json" || p.substr(p.size() - 2) == ".c") continue;
            if (p == "include/dlpack/COPYRIGHT") {
                QVERIFY(packed);  // the licence travels with dlpack.h
                QVERIFY(f.second.find("Apache") != std::string::npos);
                continue;
            }
            const std::string inc = "#include \"" + p.substr(std::string("include/").size()) + "\"";
            QVERIFY2(all.find(inc) != std::string::npos, qPrintable(QString::fromStdString(p + " is never included")));
        }
        QCOMPARE(a->file("include/dlpack/dlpack.h") != nullptr, packed);
        QCOMPARE(a->file("include/ember/ember_runtime.h") != nullptr, packed);
        QTemporaryDir dir;
        Diagnostics d;
        QVERIFY(a->writeTo(dir.path().toStdString(), d));
        std::vector<std::string> flags = kArmFlags;
        flags.push_back("-nostdinc");
        std::string sysroot;
        runProcess({"arm-none-eabi-gcc", "-print-file-name=include"}, &sysroot);
        while (!sysroot.empty() && std::isspace(static_cast<unsigned char>(sysroot.back()))) sysroot.pop_back();
        flags.push_back("-isystem" + sysroot);                      // gcc's own: stdint.h, float.h, stddef.h
        flags.push_back("-isystem/usr/lib/arm-none-eabi/include");  // newlib: string.h, math.h
        const QString err = compileWith(a.value(), dir.path().toStdString(), "arm-none-eabi-gcc", flags);
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void archive() {
        auto g = loadModel(test::modelPath("mlperf_tiny/ad/ad01_int8.tflite"));
        QVERIFY(g.ok());
        CompileOptions o;
        o.operators = OperatorsMode::Packed;
        auto a = compile(g.value(), o);
        QVERIFY(a.ok());
        const auto tar = a->toTar();
        QCOMPARE(tar.size() % 512, size_t(0));
        QTemporaryDir dir;
        QFile f(dir.filePath("pkg.tar"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(reinterpret_cast<const char *>(tar.data()), qint64(tar.size()));
        f.close();
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start("tar", {"xf", "pkg.tar"});
        QVERIFY(p.waitForFinished() && p.exitCode() == 0);
        QVERIFY(QFile::exists(dir.filePath("metadata.json")));
        for (const auto &file : a->files) {
            QFile x(dir.filePath(QString::fromStdString(file.first)));
            QVERIFY2(x.open(QIODevice::ReadOnly), file.first.c_str());
            QVERIFY(x.readAll() == QByteArray::fromStdString(file.second));
        }
        QVERIFY(a->toTar() == tar);  // deterministic
    }
};

QTEST_APPLESS_MAIN(TstApiModes)
#include "tst_api_modes.moc"
