#include "DiffTflm.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "core/builder/TfliteWriter.h"
#include "core/validate/HostRunner.h"

namespace ember::test {

namespace fs = std::filesystem;

uint64_t DiffRng::next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int DiffRng::range(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + int(next() % uint64_t(int64_t(hi) - lo + 1));
}

float DiffRng::uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) / float(1 << 24); }

std::string tflmRefPath() {
    std::string p = std::getenv("EMBER_TFLM_REF") ? std::getenv("EMBER_TFLM_REF")
                                                  : sharedDir() + "/tools/tflm-ref/tflm_ref";
    return access(p.c_str(), X_OK) == 0 ? p : std::string();
}

TensorData randomTensorData(const Tensor &t, uint64_t seed, float lo, float hi) {
    DiffRng r(seed);
    const size_t n = size_t(t.elements());
    TensorData b(t.bytes());
    switch (t.dtype) {
    case DType::Float32:
        for (size_t i = 0; i < n; ++i) {
            const float v = r.uniform(lo, hi);
            std::memcpy(&b[i * 4], &v, 4);
        }
        break;
    case DType::Bool:
        for (size_t i = 0; i < n; ++i) b[i] = uint8_t(r.next() & 1);
        break;
    default:
        for (auto &x : b) x = uint8_t(r.next() >> 56);
        break;
    }
    return b;
}

namespace {

bool writeFile(const fs::path &p, const std::vector<uint8_t> &b) {
    std::ofstream f(p, std::ios::binary);
    return f && f.write(reinterpret_cast<const char *>(b.data()), std::streamsize(b.size()));
}

bool writeText(const fs::path &p, const std::string &s) {
    std::ofstream f(p);
    return bool(f << s);
}

std::vector<uint8_t> readAll(const fs::path &p) {
    std::vector<uint8_t> b;
    readFile(p.string(), &b);
    return b;
}

// "" when `got` matches `want` for a tensor of this type.
std::string compareOutput(const Tensor &t, const TensorData &got, const TensorData &want, float tol) {
    if (got.size() != want.size())
        return std::to_string(got.size()) + " bytes, TFLM " + std::to_string(want.size());
    if (t.dtype != DType::Float32) {
        const size_t es = dtypeSize(t.dtype);
        for (size_t i = 0; i < got.size(); ++i)
            if (got[i] != want[i]) {
                size_t e = i / es, bad = 0;
                for (size_t k = 0; k < got.size(); k += es)
                    if (std::memcmp(&got[k], &want[k], es) != 0) ++bad;
                auto value = [&](const TensorData &b) {
                    int64_t v = 0;
                    switch (t.dtype) {
                    case DType::Int8: v = int8_t(b[e]); break;
                    case DType::Int16: v = valuesOf<int16_t>(b)[e]; break;
                    case DType::Int32: v = valuesOf<int32_t>(b)[e]; break;
                    case DType::Int64: v = valuesOf<int64_t>(b)[e]; break;
                    default: v = b[e * es]; break;
                    }
                    return std::to_string(v);
                };
                return "element " + std::to_string(e) + " is " + value(got) + ", TFLM " + value(want) + " (" +
                       std::to_string(bad) + " of " + std::to_string(got.size() / es) + " elements differ)";
            }
        return {};
    }
    const auto a = valuesOf<float>(got), b = valuesOf<float>(want);
    float lo = INFINITY, hi = -INFINITY;
    for (float v : b)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    const float range = hi >= lo ? hi - lo : 0.f;
    const float limit = tol * std::max(range, 1e-6f);
    for (size_t i = 0; i < b.size(); ++i) {
        if (std::isnan(a[i]) && std::isnan(b[i])) continue;
        if (!std::isfinite(b[i]) || !std::isfinite(a[i])) {
            if (a[i] != b[i]) return "element " + std::to_string(i) + " is " + std::to_string(a[i]) + ", TFLM " +
                                     std::to_string(b[i]);
            continue;
        }
        if (!(std::fabs(a[i] - b[i]) <= limit))
            return "element " + std::to_string(i) + " is " + std::to_string(a[i]) + ", TFLM " + std::to_string(b[i]) +
                   " (tolerance " + std::to_string(limit) + ")";
    }
    return {};
}

struct Pending {
    size_t index;             // into cases
    std::string pkg;          // package name
    Graph g;                  // Ember's import of the written model
    std::vector<std::vector<TensorData>> inputs, want;  // per call
};

}  // namespace

std::string writeBatchPackage(const Artifacts &art, const std::string &pkgRoot) {
    Diagnostics d;
    if (!art.writeTo(pkgRoot, d)) return "cannot write the package: " + d.format();
    const std::string *meta = art.file("metadata.json");
    const std::string harness = meta ? hostHarnessSource(*meta, "run_" + art.name) : std::string();
    if (harness.empty() || !writeText(fs::path(pkgRoot) / ("harness_" + art.name + ".c"), harness))
        return "cannot write the host harness";
    return {};
}

std::string buildBatch(const std::string &root, const std::vector<std::string> &pkgs) {
    const fs::path pkgRoot = root;
    // One program for every case: a dispatcher main() picks the case.
    std::ostringstream m;
    m << "#include <stdlib.h>\n#include <string.h>\n";
    for (const std::string &p : pkgs) m << "int run_" << p << "(int argc, char **argv);\n";
    m << "int main(int argc, char **argv)\n{\n    if (argc < 2) return 2;\n";
    for (const std::string &p : pkgs)
        m << "    if (strcmp(argv[1], \"" << p << "\") == 0) return run_" << p << "(argc - 1, argv + 1);\n";
    m << "    return 2;\n}\n";
    writeText(pkgRoot / "diff_main.c", m.str());
    // One translation unit per package (its files #included), which
    // keeps the compiler's start-up cost to one per case.
    std::vector<std::string> sources = {"diff_main.c"};
    for (const std::string &p : pkgs) {
        std::string unit;
        for (const std::string &f : {"src/" + p + ".c", "src/" + p + "_ops.c", "src/" + p + "_constants.c",
                                     "harness_" + p + ".c"})
            if (fs::exists(pkgRoot / f)) unit += "#include \"" + f + "\"\n";
        writeText(pkgRoot / ("unit_" + p + ".c"), unit);
        sources.push_back("unit_" + p + ".c");
    }
    // Compile in as many chunks as there are cores, then link once.
    const size_t jobs = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::string> logs(jobs);
    std::vector<int> rcs(jobs, 0);
    std::vector<std::thread> threads;
    const char *ccEnv = std::getenv("CC");
    const std::string cc = ccEnv ? ccEnv : "cc";
    for (size_t j = 0; j < jobs; ++j)
        threads.emplace_back([&, j] {
            std::string cmd = "cd '" + pkgRoot.string() + "' && " + cc +
                              " -c -std=c99 -O1 -Wall -Wextra -Werror -pedantic -Iinclude";
            bool any = false;
            for (size_t i = j; i < sources.size(); i += jobs) cmd += " " + sources[i], any = true;
            if (any) rcs[j] = runProcess({"sh", "-c", cmd}, &logs[j], 1200);
        });
    for (auto &t : threads) t.join();
    std::string buildLog;
    bool built = true;
    for (size_t j = 0; j < jobs; ++j)
        if (rcs[j] != 0) built = false, buildLog += logs[j];
    if (built) {
        std::string cmd = "cd '" + pkgRoot.string() + "' && " + cc + " -o diff_run *.o -lm";
        built = runProcess({"sh", "-c", cmd}, &buildLog, 600) == 0;
    }
    if (built) return {};
    return buildLog.empty() ? std::string("the build failed") : buildLog;
}

std::vector<std::string> runDiff(std::vector<DiffCase> cases, const DiffOptions &opts, std::string *summary) {
    std::vector<std::string> failures;
    const std::string oracle = tflmRefPath();
    if (oracle.empty()) return {"tflm_ref not found (set EMBER_SHARED or EMBER_TFLM_REF)"};
    std::string tmpl = (fs::temp_directory_path() / "ember-diff-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return {"cannot create a temporary directory"};
    const fs::path root = tmpl;
    const fs::path pkgRoot = root / "packages";
    fs::create_directories(pkgRoot);

    std::vector<Pending> pending;
    size_t refusedBoth = 0;
    // Where the time goes (in the summary): TFLM, Ember (import, reference
    // executor, compile), the C build of the batch, the generated programs.
    size_t ranBoth = 0;
    const bool everyC = opts.allGeneratedC || opts.inPlace || std::getenv("EMBER_FULL_MATRIX") != nullptr;
    auto buildsC = [&](const std::string &name) {
        uint64_t h = 1469598103934665603ull ^ opts.seed;  // FNV-1a
        for (unsigned char ch : name) h = (h ^ ch) * 1099511628211ull;
        return everyC || (h >> 32) % 2 == 0;
    };
    using Clock = std::chrono::steady_clock;
    double tOracle = 0, tBuild = 0, tRun = 0;
    const auto t0 = Clock::now();
    auto secondsSince = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    for (size_t k = 0; k < cases.size(); ++k) {
        DiffCase &c = cases[k];
        auto failed = [&](const std::string &why) { failures.push_back("[" + c.name + "] " + why); };
        const fs::path dir = root / ("case" + std::to_string(k));
        fs::create_directories(dir);
        const fs::path model = dir / "model.tflite";
        if (!writeFile(model, writeTflite(c.graph))) {
            failed("cannot write the model");
            continue;
        }
        const size_t steps = size_t(std::max(1, c.steps)), nin = c.graph.inputs.size();
        // Step s's file names get a ".step<s>" suffix after the first.
        auto stepName = [](const std::string &stem, size_t i, size_t s) {
            return stem + std::to_string(i) + (s ? ".step" + std::to_string(s) : std::string()) + ".bin";
        };
        std::vector<std::vector<TensorData>> inputs(steps);
        for (size_t s = 0; s < steps; ++s)
            for (size_t i = 0; i < nin; ++i)
                inputs[s].push_back(s * nin + i < c.inputs.size()
                                        ? c.inputs[s * nin + i]
                                        : randomTensorData(c.graph.tensors[size_t(c.graph.inputs[i])],
                                                           opts.seed * 1000003u + k * 131u + i + s * 7919u,
                                                           c.floatMin, c.floatMax));
        std::vector<std::string> cmd = {oracle, model.string(), "--input"};
        for (size_t s = 0; s < steps; ++s)
            for (size_t i = 0; i < nin; ++i) {
                const fs::path p = dir / stepName("in", i, s);
                writeFile(p, inputs[s][i]);
                cmd.push_back(p.string());
            }
        if (steps > 1) cmd.insert(cmd.end(), {"--steps", std::to_string(steps)});
        cmd.push_back("--output-dir");
        cmd.push_back((dir / "tflm").string());
        std::string log;
        const auto to = Clock::now();
        const int rc = runProcess(cmd, &log, 120);
        tOracle += secondsSince(to);

        auto g = loadModel(model.string());
        if (rc != 0) {
            // TFLM refuses: Ember must refuse too, with an error.
            if (g.ok()) {
                CompileOptions co;
                co.name = "dt" + std::to_string(k);
                auto art = compile(g.value(), co);
                if (art.ok()) {
                    failed("TFLM refuses the model but Ember accepts it; TFLM said: " + log.substr(0, 300));
                    continue;
                }
            }
            ++refusedBoth;
            continue;
        }
        if (!g.ok()) {
            failed("Ember refuses a model TFLM runs: " + g.diagnostics().format());
            continue;
        }
        std::vector<std::vector<TensorData>> want(steps);
        for (size_t s = 0; s < steps; ++s)
            for (size_t j = 0; j < g->outputs.size(); ++j)
                want[s].push_back(readAll(dir / "tflm" /
                                          ("output" + std::to_string(j) +
                                           (steps > 1 ? ".step" + std::to_string(s) : std::string()) + ".bin")));
        // "call s, " in messages about multi-call cases.
        auto callOf = [&](size_t s) { return steps > 1 ? "call " + std::to_string(s) + ", " : std::string(); };
        ReferenceSession session(g.value());
        bool ok = true;
        for (size_t s = 0; s < steps && ok; ++s) {
            auto ref = session.run(inputs[s]);
            if (!ref.ok()) {
                failed("reference executor: " + callOf(s) + ref.diagnostics().format());
                ok = false;
                break;
            }
            for (size_t j = 0; j < want[s].size() && ok; ++j) {
                const std::string why = compareOutput(g->tensors[size_t(g->outputs[j])], ref.value()[j], want[s][j],
                                                      opts.floatTolerance);
                if (!why.empty()) {
                    failed("reference executor, " + callOf(s) + "output " + std::to_string(j) + ": " + why);
                    ok = false;
                }
            }
        }
        if (!ok) continue;
        ++ranBoth;
        if (!opts.generatedC || !buildsC(c.name)) continue;
        CompileOptions co;
        co.name = "dt" + std::to_string(k);
        co.plan.inPlace = opts.inPlace;
        co.plan.fuseRows = opts.inPlace && opts.fuse;
        if (!opts.optimize.empty()) co.optimize = opts.optimize;
        auto art = compile(g.value(), co);
        if (!art.ok()) {
            failed("compile: " + art.diagnostics().format());
            continue;
        }
        const std::string werr = writeBatchPackage(art.value(), pkgRoot.string());
        if (!werr.empty()) {
            failed(werr);
            continue;
        }
        pending.push_back({k, co.name, std::move(g.value()), std::move(inputs), std::move(want)});
    }

    if (!pending.empty()) {
        std::vector<std::string> pkgs;
        for (const Pending &p : pending) pkgs.push_back(p.pkg);
        const auto tb = Clock::now();
        const std::string buildLog = buildBatch(pkgRoot.string(), pkgs);
        tBuild = secondsSince(tb);
        const auto tr = Clock::now();
        const bool built = buildLog.empty();
        if (!built) {
            failures.push_back("the generated C of the batch did not build:\n" + buildLog.substr(0, 4000));
        } else {
            for (Pending &p : pending) {
                const DiffCase &c = cases[p.index];
                const fs::path dir = root / ("case" + std::to_string(p.index));
                // One INPUTS... OUTPUTS... group per call (the harness runs them on one state).
                auto file = [&](const char *stem, size_t i, size_t s) {
                    return (dir / (stem + std::to_string(i) + (s ? ".step" + std::to_string(s) : std::string()) +
                                   ".bin")).string();
                };
                std::vector<std::string> cmd = {(pkgRoot / "diff_run").string(), p.pkg};
                for (size_t s = 0; s < p.inputs.size(); ++s) {
                    for (size_t i = 0; i < p.inputs[s].size(); ++i) cmd.push_back(file("in", i, s));
                    for (size_t j = 0; j < p.want[s].size(); ++j) cmd.push_back(file("gen", j, s));
                }
                std::string log;
                const int rc = runProcess(cmd, &log, 120);
                if (rc != 0) {
                    failures.push_back("[" + c.name + "] generated C exited " + std::to_string(rc) + ": " + log);
                    continue;
                }
                bool same = true;
                for (size_t s = 0; s < p.want.size() && same; ++s)
                    for (size_t j = 0; j < p.want[s].size() && same; ++j) {
                        const std::string why = compareOutput(p.g.tensors[size_t(p.g.outputs[j])],
                                                              readAll(file("gen", j, s)), p.want[s][j],
                                                              opts.floatTolerance);
                        if (!why.empty()) {
                            failures.push_back("[" + c.name + "] generated C, " +
                                               (p.want.size() > 1 ? "call " + std::to_string(s) + ", " : "") +
                                               "output " + std::to_string(j) + ": " + why);
                            same = false;
                        }
                    }
            }
        }
        tRun = secondsSince(tr);
    }
    if (summary) {
        char times[160];
        const double total = secondsSince(t0);
        std::snprintf(times, sizeof times, " [%.1f s: TFLM %.1f, Ember %.1f, C build %.1f, C runs %.1f]", total,
                      tOracle, total - tOracle - tBuild - tRun, tBuild, tRun);
        *summary = std::to_string(cases.size()) + " cases: " + std::to_string(ranBoth) + " ran on both (generated C " +
                   (opts.generatedC ? "of " + std::to_string(pending.size()) : std::string("skipped")) + "), " +
                   std::to_string(refusedBoth) + " refused by both" + times;
    }
    std::error_code ec;
    if (failures.empty() || std::getenv("EMBER_KEEP_DIFF") == nullptr) fs::remove_all(root, ec);
    else failures.push_back("(kept " + root.string() + ")");
    return failures;
}

}  // namespace ember::test
