// The ONNX backend test cases through Ember: every case of Debian's
// libonnx-testdata (node tests, PyTorch-converted modules and operators,
// simple models), the 59 newer node cases in ../shared/models/onnx_backend_node
// and onnx2c's single-op and benchmark cases. Each case (model.onnx +
// test_data_set_*/input_N.pb, output_N.pb) is imported, run with the reference
// executor and, batched into one host compiler run (DiffTflm's machinery), as
// generated C; outputs must match within the suite's tolerance (|a - b| <=
// 1e-7 + 1e-3 |b| for float, exact otherwise). A case either passes or is
// refused with an error; a wrong output or a crash fails the test.
//
// Graph inputs that a node needs as a constant (Reshape's shape, Slice's
// starts, Pad's pads, ...) are bound to the case's data when the first import
// refuses them: Ember compiles static shapes.
//
// The generated C of every fourth passing case is built in CI (all of them
// with EMBER_FULL_MATRIX=1).
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "DiffTflm.h"
#include "core/import/OnnxImporter.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;
namespace fs = std::filesystem;

namespace {

struct CaseData {
    std::vector<Tensor> inputs, outputs;
};

struct Case {
    std::string name;
    fs::path dir;
    std::vector<CaseData> sets;
};

std::vector<Tensor> readSet(const fs::path &dir, const char *stem, std::string *err) {
    std::vector<Tensor> v;
    for (int i = 0;; ++i) {
        const fs::path p = dir / (stem + std::to_string(i) + ".pb");
        if (!fs::exists(p)) break;
        auto t = readOnnxTensorFile(p.string());
        if (!t) {
            *err = t.diagnostics().format();
            return {};
        }
        v.push_back(std::move(t.value()));
    }
    return v;
}

std::vector<Case> collect(const std::vector<std::pair<std::string, fs::path>> &roots) {
    std::vector<Case> cases;
    for (const auto &[prefix, root] : roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) continue;
        std::vector<fs::path> dirs;
        for (const auto &e : fs::directory_iterator(root, ec))
            if (fs::exists(e.path() / "model.onnx")) dirs.push_back(e.path());
        std::sort(dirs.begin(), dirs.end());
        for (const fs::path &d : dirs) {
            Case c;
            c.name = prefix + d.filename().string();
            c.dir = d;
            std::vector<fs::path> sets;
            for (const auto &e : fs::directory_iterator(d, ec))
                if (e.path().filename().string().rfind("test_data_set_", 0) == 0) sets.push_back(e.path());
            std::sort(sets.begin(), sets.end());
            for (const fs::path &s : sets) {
                std::string err;
                CaseData cd;
                cd.inputs = readSet(s, "input_", &err);
                cd.outputs = readSet(s, "output_", &err);
                if (err.empty() && !cd.outputs.empty()) c.sets.push_back(std::move(cd));
            }
            if (!c.sets.empty()) cases.push_back(std::move(c));
        }
    }
    return cases;
}

// "" when `got` (Ember's output) matches `want` within the suite's tolerance.
std::string compare(const Tensor &emberOut, const std::vector<uint8_t> &got, const Tensor &want) {
    if (emberOut.dtype != want.dtype)
        return std::string("output type ") + dtypeName(emberOut.dtype) + ", expected " + dtypeName(want.dtype);
    if (got.size() != want.data.size())
        return "output has " + std::to_string(got.size()) + " bytes, expected " + std::to_string(want.data.size()) +
               " " + shapeString(want.shape);
    if (want.dtype != DType::Float32) {
        if (got != want.data) {
            for (size_t i = 0; i < got.size(); ++i)
                if (got[i] != want.data[i])
                    return "byte " + std::to_string(i) + " differs (" + std::to_string(got[i]) + " vs " +
                           std::to_string(want.data[i]) + ")";
        }
        return {};
    }
    const auto a = valuesOf<float>(got), b = valuesOf<float>(want.data);
    for (size_t i = 0; i < b.size(); ++i) {
        if (std::isnan(a[i]) && std::isnan(b[i])) continue;
        if (std::isinf(b[i]) && a[i] == b[i]) continue;
        if (!(std::fabs(a[i] - b[i]) <= 1e-7f + 1e-3f * std::fabs(b[i])))
            return "element " + std::to_string(i) + " is " + std::to_string(a[i]) + ", expected " +
                   std::to_string(b[i]);
    }
    return {};
}

struct Outcome {
    int passed = 0, refused = 0, cBuilt = 0;
    std::vector<std::string> failures;
    std::map<std::string, int> refusals;  // first words of the refusal → count
    std::vector<std::string> passedNames;
};

// The case's inputs in the order of Ember's graph inputs (by name).
bool inputsFor(const Graph &g, const CaseData &cd, std::vector<TensorData> *out, std::string *why) {
    for (size_t k = 0; k < g.inputs.size(); ++k) {
        const Tensor &t = g.tensors[size_t(g.inputs[k])];
        const Tensor *src = nullptr;
        for (const Tensor &x : cd.inputs)
            if (x.name == t.name) src = &x;
        if (!src && g.inputs.size() == cd.inputs.size()) src = &cd.inputs[k];
        if (!src || src->data.size() != t.bytes() || src->dtype != t.dtype) {
            *why = "no matching data for input '" + t.name + "' " + shapeString(t.shape);
            return false;
        }
        out->push_back(src->data);
    }
    return true;
}

Outcome runCases(const std::vector<Case> &cases, bool buildAllC) {
    Outcome r;
    std::string tmpl = (fs::temp_directory_path() / "ember-onnx-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        r.failures.push_back("cannot create a temporary directory");
        return r;
    }
    const fs::path root = tmpl, pkgRoot = root / "packages";
    fs::create_directories(pkgRoot);
    struct Pending {
        size_t index;
        std::string pkg;
        Graph g;
        std::vector<std::vector<TensorData>> inputs;
    };
    std::vector<Pending> pending;
    int passingRef = 0;
    for (size_t k = 0; k < cases.size(); ++k) {
        const Case &c = cases[k];
        const std::string model = (c.dir / "model.onnx").string();
        auto g = loadModel(model, OnnxImportOptions{});
        if (!g.ok() && c.sets.size() == 1) {
            // Bind inputs as constants and try again: the non-float ones, and
            // the float ones after the first when the importer asked for a
            // constant (weights, scales, min/max given as graph inputs).
            const auto &items = g.diagnostics().items();
            const bool wantsConst = !items.empty() && items.front().message.find("constant") != std::string::npos;
            // First the first input stays the model's input (the data: an
            // integer one for the quantized operators), then, if that fails,
            // it is bound too (ConstantOfShape's shape, ...).
            for (const bool keepFirst : {true, false}) {
                OnnxImportOptions bound;
                for (size_t i = 0; i < c.sets[0].inputs.size(); ++i) {
                    const Tensor &t = c.sets[0].inputs[i];
                    if ((i > 0 || !keepFirst) && ((wantsConst && i > 0) || t.dtype != DType::Float32) &&
                        !t.name.empty())
                        bound.constantInputs[t.name] = t;
                }
                if (bound.constantInputs.empty()) continue;
                auto gb = loadModel(model, bound);
                // The first attempt's refusal stays unless binding everything works.
                if (gb.ok() || keepFirst) g = std::move(gb);
                if (g.ok()) break;
            }
        }
        if (!g.ok()) {
            ++r.refused;
            const auto &items = g.diagnostics().items();
            std::string msg = items.empty() ? std::string("(no message)") : items.front().message;
            if (items.empty() || msg.empty()) r.failures.push_back("[" + c.name + "] refused without a message");
            ++r.refusals[msg.substr(0, 70)];
            if (std::getenv("EMBER_ONNX_VERBOSE")) qInfo("  refused %s: %s", c.name.c_str(), msg.c_str());
            continue;
        }
        std::vector<std::vector<TensorData>> ins;
        bool ok = true;
        for (const CaseData &cd : c.sets) {
            std::vector<TensorData> in;
            std::string why;
            if (!inputsFor(g.value(), cd, &in, &why)) {
                r.failures.push_back("[" + c.name + "] " + why);
                ok = false;
                break;
            }
            auto ref = runReference(g.value(), in);
            if (!ref.ok()) {
                r.failures.push_back("[" + c.name + "] reference executor: " + ref.diagnostics().format());
                ok = false;
                break;
            }
            if (ref->size() != cd.outputs.size()) {
                r.failures.push_back("[" + c.name + "] " + std::to_string(ref->size()) + " outputs, expected " +
                                     std::to_string(cd.outputs.size()));
                ok = false;
                break;
            }
            for (size_t j = 0; j < cd.outputs.size() && ok; ++j) {
                const std::string why2 =
                    compare(g->tensors[size_t(g->outputs[j])], ref.value()[j], cd.outputs[j]);
                if (!why2.empty()) {
                    r.failures.push_back("[" + c.name + "] reference executor, output " + std::to_string(j) + ": " +
                                         why2);
                    ok = false;
                }
            }
            ins.push_back(std::move(in));
        }
        if (!ok) continue;
        ++passingRef;
        // Every third passing case's C in CI; all with EMBER_FULL_MATRIX=1.
        if (!buildAllC && passingRef % 4 != 1) {
            ++r.passed;
            r.passedNames.push_back(c.name);
            continue;
        }
        CompileOptions co;
        co.name = "onnx" + std::to_string(k);
        auto art = compile(g.value(), co);
        if (!art.ok()) {
            r.failures.push_back("[" + c.name + "] compile: " + art.diagnostics().format());
            continue;
        }
        const std::string werr = writeBatchPackage(art.value(), pkgRoot.string());
        if (!werr.empty()) {
            r.failures.push_back("[" + c.name + "] " + werr);
            continue;
        }
        pending.push_back({k, co.name, std::move(g.value()), std::move(ins)});
    }
    if (!pending.empty()) {
        std::vector<std::string> pkgs;
        for (const auto &p : pending) pkgs.push_back(p.pkg);
        const std::string log = buildBatch(pkgRoot.string(), pkgs);
        if (!log.empty()) {
            r.failures.push_back("the generated C of the batch did not build:\n" + log.substr(0, 4000));
        } else {
            for (const auto &p : pending) {
                const Case &c = cases[p.index];
                bool ok = true;
                for (size_t s = 0; s < p.inputs.size() && ok; ++s) {
                    std::vector<std::string> cmd = {(pkgRoot / "diff_run").string(), p.pkg};
                    for (size_t i = 0; i < p.inputs[s].size(); ++i) {
                        const fs::path f = root / (p.pkg + "_in" + std::to_string(i) + ".bin");
                        std::ofstream(f, std::ios::binary)
                            .write(reinterpret_cast<const char *>(p.inputs[s][i].data()),
                                   std::streamsize(p.inputs[s][i].size()));
                        cmd.push_back(f.string());
                    }
                    for (size_t j = 0; j < p.g.outputs.size(); ++j)
                        cmd.push_back((root / (p.pkg + "_out" + std::to_string(j) + ".bin")).string());
                    std::string log2;
                    if (runProcess(cmd, &log2, 60) != 0) {
                        r.failures.push_back("[" + c.name + "] generated C failed: " + log2.substr(0, 300));
                        ok = false;
                        break;
                    }
                    for (size_t j = 0; j < p.g.outputs.size() && ok; ++j) {
                        std::vector<uint8_t> got;
                        readFile((root / (p.pkg + "_out" + std::to_string(j) + ".bin")).string(), &got);
                        const std::string why = compare(p.g.tensors[size_t(p.g.outputs[j])], got, c.sets[s].outputs[j]);
                        if (!why.empty()) {
                            r.failures.push_back("[" + c.name + "] generated C, output " + std::to_string(j) + ": " +
                                                 why);
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    ++r.passed, ++r.cBuilt;
                    r.passedNames.push_back(c.name);
                }
            }
        }
    }
    std::error_code ec;
    if (r.failures.empty() || !std::getenv("EMBER_KEEP_DIFF")) fs::remove_all(root, ec);
    return r;
}

}  // namespace

class TstOnnxNode : public QObject {
    Q_OBJECT

private slots:
    void nodeTests() {
        const fs::path data = "/usr/share/libonnx-testdata/data";
        if (!fs::is_directory(data / "node")) QSKIP("libonnx-testdata is not installed");
        const std::string shared = sharedDir() + "/models";
        auto cases = collect({{"node/", data / "node"},
                              {"pytorch-converted/", data / "pytorch-converted"},
                              {"pytorch-operator/", data / "pytorch-operator"},
                              {"simple/", data / "simple"},
                              {"shared/", fs::path(shared) / "onnx_backend_node"},
                              {"onnx2c/", fs::path(shared) / "onnx2c/local_ops"},
                              {"onnx2c/", fs::path(shared) / "onnx2c/benchmarks"},
                              // Ember's own cases (com.microsoft QLinearAdd / QLinearMul, no upstream data)
                              {"ember/", fs::path(EMBER_SOURCE_DIR) / "tests/data/onnx_node"}});
        QVERIFY(cases.size() > 900);
        const bool full = std::getenv("EMBER_FULL_MATRIX") != nullptr;
        const Outcome r = runCases(cases, full);
        qInfo("%zu ONNX test cases: %d pass (reference executor; generated C of %d built and equal), %d refused "
              "with an error, %zu wrong",
              cases.size(), r.passed, r.cBuilt, r.refused, r.failures.size());
        if (std::getenv("EMBER_ONNX_VERBOSE")) {
            for (const auto &[msg, n] : r.refusals) qInfo("  refused %4d: %s", n, msg.c_str());
            for (const auto &n : r.passedNames) qInfo("  pass %s", n.c_str());
        }
        for (const auto &f : r.failures) qWarning("%s", f.c_str());
        QVERIFY(r.failures.empty());
        QVERIFY2(r.passed >= kFloor, qPrintable("only " + QString::number(r.passed) + " cases pass"));
    }

    // onnx2c's MNIST (ONNX model zoo mnist-8) with its three test sets.
    void mnist() {
        const fs::path dir = sharedDir() + "/models/onnx2c/mnist";
        if (!fs::exists(dir / "model.onnx")) QSKIP("../shared/models/onnx2c is missing");
        auto cases = collect({{"", dir.parent_path()}});
        cases.erase(std::remove_if(cases.begin(), cases.end(), [](const Case &c) { return c.name != "mnist"; }),
                    cases.end());
        QCOMPARE(cases.size(), size_t(1));
        QCOMPARE(cases[0].sets.size(), size_t(3));
        const Outcome r = runCases(cases, true);
        for (const auto &f : r.failures) qWarning("%s", f.c_str());
        QCOMPARE(r.passed, 1);
        QCOMPARE(r.cBuilt, 1);
    }

    // The "light" ImageNet structures (weights replaced by constants): they
    // import and plan (squeezenet also compiles), with NCHW and NHWC I/O;
    // the TRANSPOSE ops left are counted.
    void lightModels() {
        const fs::path dir = sharedDir() + "/models/onnx_light";
        if (!fs::is_directory(dir)) QSKIP("../shared/models/onnx_light is missing");
        int compiled = 0;
        // Importing 60-550 MB of expanded weights takes minutes on a loaded
        // machine: the three smallest in CI, all with EMBER_FULL_MATRIX=1.
        std::vector<const char *> models = {"light_squeezenet", "light_shufflenet", "light_inception_v1"};
        if (std::getenv("EMBER_FULL_MATRIX"))
            models = {"light_bvlc_alexnet", "light_densenet121", "light_inception_v1", "light_inception_v2",
                      "light_resnet50", "light_shufflenet", "light_squeezenet", "light_vgg19", "light_zfnet512"};
        for (const char *m : models) {
            for (const char *layout : {"nchw", "nhwc"}) {
                CompileOptions co;
                co.onnxIoLayout = layout;
                auto g = loadModel((dir / (std::string(m) + ".onnx")).string(), co);
                if (!g.ok()) {
                    qWarning("%s: %s", m, g.diagnostics().format().c_str());
                    continue;
                }
                int transposes = 0;
                for (const Op &op : g->ops) transposes += op.type == OpType::Transpose;
                auto plan = planMemory(g.value(), co.plan);
                if (!plan.ok()) {
                    qWarning("%s: %s", m, plan.diagnostics().format().c_str());
                    continue;
                }
                // Generating C for 60-250 MB of weights takes minutes: the
                // smallest one is compiled, the others planned.
                if (std::string(m) == "light_squeezenet") {
                    auto art = compile(g.value(), co);
                    if (!art.ok()) {
                        qWarning("%s: %s", m, art.diagnostics().format().c_str());
                        continue;
                    }
                }
                qInfo("%s (%s I/O): %zu ops, %d transposes, %zu bytes of activations", m, layout, g->ops.size(),
                      transposes, plan->lowerBound);
                ++compiled;
            }
        }
        QCOMPARE(compiled, int(2 * models.size()));
    }

    // Browse mode: an ONNX node the importer refuses stays in the graph as
    // an unsupported op carrying the importer's reason (the studio shows it
    // red with that reason); compile() refuses the graph with it.
    void browseUnsupported() {
        const fs::path model = "/usr/share/libonnx-testdata/data/node/test_hardmax_example/model.onnx";
        if (!fs::exists(model)) QSKIP("libonnx-testdata is not installed");
        QVERIFY(!loadModel(model.string()).ok());
        LoadOptions lo;
        lo.browse = true;
        auto g = loadModel(model.string(), lo);
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        QVERIFY(g->browseOnly);
        const Op *marked = nullptr;
        for (const Op &op : g->ops)
            if (!op.unsupportedReason.empty()) marked = &op;
        QVERIFY(marked);
        QCOMPARE(marked->typeName, std::string("Hardmax"));
        QVERIFY2(marked->unsupportedReason.find("ONNX operator Hardmax is not supported") != std::string::npos,
                 marked->unsupportedReason.c_str());
        QCOMPARE(g->tensors[size_t(marked->outputs[0])].shape, (Shape{4, 4}));
        bool warned = false;
        for (const Diagnostic &x : g.diagnostics().items())
            warned |= x.severity == Diagnostic::Severity::Warning && x.message.find("Hardmax") != std::string::npos;
        QVERIFY(warned);
        auto art = compile(g.value(), CompileOptions{});
        QVERIFY(!art.ok());
        QVERIFY(art.diagnostics().format().find("Hardmax") != std::string::npos);
    }

private:
    static constexpr int kFloor = 575;  // 575 pass (libonnx-testdata 1.12 + shared + onnx2c + Ember's own)
};

QTEST_GUILESS_MAIN(TstOnnxNode)
#include "tst_onnx_node.moc"
