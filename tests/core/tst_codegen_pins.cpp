// Pins the generated packages: every shared model Ember supports, compiled in
// every API mode, must give exactly the bytes recorded in
// tests/core/codegen_pins.txt (a 64-bit FNV-1a hash per package over each
// file's path and contents). Restructurings of the generator must leave these
// untouched; a deliberate change of the output is recorded by running
//     EMBER_UPDATE_PINS=1 build/tests/tst_codegen_pins
// and committing the rewritten file with the change that caused it.
#include <QFile>
#include <QtTest>
#include <map>

#include "TestUtil.h"

using namespace ember;

namespace {

const char *kModels[] = {
    "mlperf_tiny/kws/kws_ref_model.tflite",          "mlperf_tiny/vww/vww_96_int8.tflite",
    "mlperf_tiny/ic/pretrainedResnet_quant.tflite",  "mlperf_tiny/ad/ad01_int8.tflite",
    "mlperf_tiny/ad/ad01_fp32.tflite",               "mlperf_tiny/ic/pretrainedResnet.tflite",
    "tflite_micro/hello_world/hello_world_int8.tflite",
};

const std::vector<std::pair<const char *, std::vector<std::string>>> kModes = {
    {"default", {}},
    {"operators-packed", {"--operators", "packed"}},
    {"interface-packed", {"--interface-api", "packed"}},
    {"packed-wrappers", {"--packed-wrappers"}},
    {"app-pools", {"--app-pools"}},
    {"constants-pool", {"--constants", "pool"}},
    {"io-workspace", {"--io", "workspace"}},
    {"two-pools", {"--pool", "sram:0", "--pool", "dtcm:0:section=.dtcm:align=32"}},
    {"greedy-size", {"--planner", "greedy-size"}},
    {"hill-climb", {"--planner", "hill-climb"}},
    {"align4", {"--align", "4"}},
};

uint64_t fnv1a(uint64_t h, const std::string &s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

QString pinsPath() { return QStringLiteral(EMBER_SOURCE_DIR) + "/tests/core/codegen_pins.txt"; }

}  // namespace

class TstCodegenPins : public QObject {
    Q_OBJECT

private slots:
    void packagesUnchanged() {
        std::map<std::string, std::string> got;
        for (const char *rel : kModels) {
            const std::string path = test::modelPath(rel);
            auto g = loadModel(path);
            QVERIFY2(g.ok(), g.diagnostics().format().c_str());
            for (const auto &[mode, args] : kModes) {
                CompileOptions opts;
                std::vector<std::string> rest;
                Diagnostics d;
                QVERIFY2(parseCompileArgs(args, opts, rest, d), d.format().c_str());
                opts.name = "m";
                auto art = compile(g.value(), opts);
                QVERIFY2(art.ok(), art.diagnostics().format().c_str());
                uint64_t h = 0xcbf29ce484222325ull;
                for (const auto &[file, text] : art->files) h = fnv1a(fnv1a(h, file), text);
                char hex[17];
                std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
                got[std::string(rel) + " " + mode] = hex;
            }
        }
        if (qEnvironmentVariableIsSet("EMBER_UPDATE_PINS")) {
            QFile f(pinsPath());
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            for (const auto &[key, hash] : got) f.write((key + " " + hash + "\n").c_str());
            qInfo("rewrote %s", qPrintable(pinsPath()));
            return;
        }
        QFile f(pinsPath());
        QVERIFY2(f.open(QIODevice::ReadOnly), "tests/core/codegen_pins.txt is missing");
        std::map<std::string, std::string> want;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() == 3) want[(parts[0] + " " + parts[1]).toStdString()] = parts[2].toStdString();
        }
        QStringList changed;
        for (const auto &[key, hash] : got)
            if (want[key] != hash) changed << QString::fromStdString(key);
        QVERIFY2(changed.isEmpty(), qPrintable("generated packages changed: " + changed.join(", ")));
        QCOMPARE(want.size(), got.size());
    }
};

QTEST_GUILESS_MAIN(TstCodegenPins)
#include "tst_codegen_pins.moc"
