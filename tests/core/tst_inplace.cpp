// In-place and zero-copy memory (issue 10, item 3): the plan checker over
// every shared model Ember compiles (all planners, I/O in or out of the
// workspace, in-place on and off) finds no violation; hand-made bad plans are
// rejected with a clear line; the MLPerf models stay bit-exact with in-place
// on and their workspace never grows (figures printed with qInfo).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <filesystem>

#include "TestUtil.h"
#include "core/passes/Passes.h"
#include "core/plan/PlanChecker.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;

namespace {

std::string joined(const std::vector<std::string> &v) {
    std::string s;
    for (const auto &x : v) s += x + "\n";
    return s;
}

// in[1,64] → RELU a → RESHAPE b[64] → ADD(b, c) d[1,64] → LOGISTIC out,
// with c = RELU(in) read by the ADD. a dies at the reshape, b at the add.
Graph chain() {
    Graph g;
    const Quant qq = q(0.05f, -3);
    const int in = addTensor(g, "in", DType::Int8, {1, 64}, qq), a = addTensor(g, "a", DType::Int8, {1, 64}, qq),
              b = addTensor(g, "b", DType::Int8, {64}, qq), c = addTensor(g, "c", DType::Int8, {1, 64}, qq),
              d = addTensor(g, "d", DType::Int8, {1, 64}, q(0.1f, 2)),
              out = addTensor(g, "out", DType::Int8, {1, 64}, q(1.0f / 256, -128));
    const int shape = addTensor(g, "shape", DType::Int32, {1}, {}, bytesOf<int32_t>({64}));
    addOp(g, OpType::Relu, {in}, {a});
    addOp(g, OpType::Relu, {in}, {c});
    addOp(g, OpType::Reshape, {a, shape}, {b});
    addOp(g, OpType::Add, {b, c}, {d});
    addOp(g, OpType::Logistic, {d}, {out});
    setIO(g, {in}, {out});
    return g;
}

std::vector<std::string> sharedModels() {
    std::vector<std::string> r;
    const std::string root = sharedDir() + "/models";
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec); !ec && it != decltype(it)(); it.increment(ec)) {
        const std::string ext = it->path().extension().string();
        // The ONNX models (93, slow to import) with EMBER_FULL_MATRIX=1.
        if (it->is_regular_file() && (ext == ".tflite" || (ext == ".onnx" && qEnvironmentVariableIsSet("EMBER_FULL_MATRIX"))))
            r.push_back(it->path().string());
    }
    std::sort(r.begin(), r.end());
    return r;
}

QJsonObject manifest(const QString &dir) {
    QFile f(QString::fromStdString(sharedDir()) + "/models/golden/" + dir + "/manifest.json");
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// The row-by-row schedule run the way InPlaceRows.cpp's loop runs it, on
// element tags instead of values (the buffer starts as input element i = i,
// each store writes -1 - oy): true when every window gets exactly the input
// rows it reads. Independent of RowInPlace.cpp's row-level simulation (it
// follows bytes, not "reached" rows).
bool runsLikeTheGeneratedLoop(const RowGeometry &q, const RowSchedule &s) {
    const long RI = long(s.rowIn), RO = long(s.rowOut), inH = q.inH;
    std::vector<long> buf(size_t(std::max(inH * RI, long(q.outH) * RO)), -1000);
    for (long i = 0; i < inH * RI; ++i) buf[size_t(i)] = i;
    std::vector<long> ring(size_t(s.ring) * size_t(RI), -2000);
    long savedTo = 0, savedFrom = inH;
    for (int i = 0; i < q.outH; ++i) {
        const long oy = s.descending ? q.outH - 1 - i : i;
        for (int k = 0; k < s.span; ++k) {
            const long iy = oy * q.strideH - q.padTop + k;
            if (iy < 0 || iy >= inH) continue;
            const bool fromRing = s.ring > 0 && (s.descending ? iy >= savedFrom : iy < savedTo);
            for (long e = 0; e < RI; ++e) {
                const long v = fromRing ? ring[size_t((iy % s.ring) * RI + e)] : buf[size_t(iy * RI + e)];
                if (v != iy * RI + e) return false;
            }
        }
        if (s.ring > 0 && !s.descending) {
            const long end = std::min(inH, ((oy + 1) * RO + RI - 1) / RI);
            for (long iy = savedTo; iy < end; ++iy)
                if (iy >= (oy + 1) * q.strideH - q.padTop)
                    std::copy_n(buf.begin() + iy * RI, RI, ring.begin() + (iy % s.ring) * RI);
            savedTo = std::max(savedTo, end);
        } else if (s.ring > 0) {
            const long begin = oy * RO / RI;
            for (long iy = begin; iy < savedFrom; ++iy)
                if (iy <= (oy - 1) * q.strideH - q.padTop + s.span - 1)
                    std::copy_n(buf.begin() + iy * RI, RI, ring.begin() + (iy % s.ring) * RI);
            savedFrom = std::min(savedFrom, begin);
        }
        std::fill_n(buf.begin() + oy * RO, RO, -1 - oy);
    }
    return true;
}

}  // namespace

class TstInPlace : public QObject {
    Q_OBJECT

private slots:
    // The planner shares what it should on a small graph, the checker agrees,
    // and the generated C gives the reference executor's bytes.
    void handMadeChain() {
        Diagnostics d;
        Graph g = chain();
        QVERIFY2(runPasses(g, d), d.format().c_str());
        PlanRequest req;
        req.inPlace = true;
        auto plan = planMemory(g, req);
        QVERIFY2(plan.ok(), plan.diagnostics().format().c_str());
        const std::string dump = plan->dump();
        qInfo("%s", dump.c_str());
        QVERIFY2(dump.find("b") != std::string::npos && dump.find("alias of a") != std::string::npos, dump.c_str());
        QVERIFY2(dump.find("in place over c") != std::string::npos, dump.c_str());  // b's shape differs from d's
        QVERIFY2(checkPlan(g, plan.value()).empty(), joined(checkPlan(g, plan.value())).c_str());
        req.inPlace = false;
        auto off = planMemory(g, req);
        QVERIFY(off.ok());
        QVERIFY(off->shares.empty());
        QVERIFY(plan->totalUsed() < off->totalUsed());
        QVERIFY(plan->lowerBound < off->lowerBound);

        std::vector<int8_t> in(64);
        for (int i = 0; i < 64; ++i) in[size_t(i)] = int8_t(i * 37 % 256 - 128);
        const BothOutputs r = runBoth(chain(), {bytesOf(in)});
        QVERIFY2(r.error.empty(), r.error.c_str());
        QCOMPARE(r.generated, r.reference);
    }

    // Bad plans are rejected, each with a line naming the tensors.
    void badPlansRejected() {
        Diagnostics d;
        Graph g = chain();
        QVERIFY2(runPasses(g, d), d.format().c_str());
        PlanRequest req;
        req.align = 1;
        req.inPlace = true;
        auto good = planMemory(g, req);
        QVERIFY(good.ok());
        auto idx = [&](const char *n) {
            for (size_t i = 0; i < g.tensors.size(); ++i)
                if (g.tensors[i].name == n) return int(i);
            return -1;
        };
        auto bufferOf = [&](MemoryPlan &p, const char *n) -> PlannedBuffer & {
            for (PlannedBuffer &b : p.buffers)
                if (b.name == n) return b;
            return p.buffers.front();
        };
        // 1. b moved onto d's buffer: b is still read by the add that writes d.
        {
            MemoryPlan bad = good.value();
            bufferOf(bad, "b").offset = bufferOf(bad, "d").offset;
            const auto v = checkPlan(g, bad);
            QVERIFY(!v.empty());
            QVERIFY2(joined(v).find("'b'") != std::string::npos && joined(v).find("while both are live") != std::string::npos,
                     joined(v).c_str());
        }
        // 2. The in-place share declared where the input is still read later:
        //    RELU c over in... (in is a graph input, unplanned): instead, a
        //    share that the op does not allow (LOGISTIC out over b).
        {
            MemoryPlan bad = good.value();
            bad.shares.push_back({ShareKind::InPlace, 4, idx("b"), idx("d")});
            const auto v = checkPlan(g, bad);
            QVERIFY2(!v.empty() && joined(v).find("not allowed") != std::string::npos, joined(v).c_str());
        }
        // 3. The shares dropped: the buffers still overlap, now undeclared.
        {
            MemoryPlan bad = good.value();
            bad.shares.clear();
            const auto v = checkPlan(g, bad);
            QVERIFY2(v.size() >= 2, joined(v).c_str());
            QVERIFY(!bad.checkNoOverlap());
        }
        // 4. A second in-place write declared at the add: b over d's buffer
        //    too, while c (already there) is read by the same add.
        {
            MemoryPlan bad = good.value();
            bufferOf(bad, "b").offset = bufferOf(bad, "d").offset;
            bad.shares.push_back({ShareKind::InPlace, 3, idx("b"), idx("d")});
            const auto v = checkPlan(g, bad);
            QVERIFY2(!v.empty(), "b and c both in d's buffer at the add");
        }
        // 5. A tensor without a buffer, and one past its pool.
        {
            MemoryPlan bad = good.value();
            bad.buffers.erase(bad.buffers.begin());
            QVERIFY2(joined(checkPlan(g, bad)).find("has no buffer") != std::string::npos, joined(checkPlan(g, bad)).c_str());
            MemoryPlan past = good.value();
            past.buffers.back().offset = past.poolUsed[0];
            QVERIFY2(joined(checkPlan(g, past)).find("past its pool") != std::string::npos, joined(checkPlan(g, past)).c_str());
        }
        QVERIFY(checkPlan(g, good.value()).empty());
    }

    // --in-place fuse plans lie about their chains: the checker re-derives
    // each chain from the graph, so a chain the ops do not allow, or a
    // streamed tensor without its chain, is reported.
    void badFusedPlansRejected() {
        auto g = loadModel(modelPath("mlperf_tiny/ic/pretrainedResnet_quant.tflite"));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        PlanRequest req;
        req.inPlace = req.fuseRows = true;
        auto good = planMemory(g.value(), req);
        QVERIFY2(good.ok() && good->fused.size() == 3, good.ok() ? "" : good.diagnostics().format().c_str());
        QVERIFY2(checkPlan(g.value(), good.value()).empty(), joined(checkPlan(g.value(), good.value())).c_str());
        {  // a chain that skips the second convolution
            MemoryPlan bad = good.value();
            bad.fused[0].steps[1] = bad.fused[0].steps[2];
            const auto v = checkPlan(g.value(), bad);
            QVERIFY2(joined(v).find("fused chain at ops") != std::string::npos, joined(v).c_str());
        }
        {  // the chains dropped: their streamed tensors have no buffer
            MemoryPlan bad = good.value();
            bad.fused.clear();
            const auto v = checkPlan(g.value(), bad);
            QVERIFY2(joined(v).find("has no buffer") != std::string::npos, joined(v).c_str());
        }
        {  // the chain's input freed before the chain runs: its buffer handed to a later tensor
            MemoryPlan bad = good.value();
            const FusedChain &c = bad.fused[1];
            PlannedBuffer *in = nullptr, *other = nullptr;
            for (PlannedBuffer &b : bad.buffers) {
                if (b.tensor == c.input) in = &b;
                else if (b.first > c.steps[0] && b.first <= c.last() && b.tensor != c.output && b.sharesWith < 0) other = &b;
            }
            QVERIFY(in && other);
            other->offset = in->offset;
            const auto v = checkPlan(g.value(), bad);
            QVERIFY2(joined(v).find("while both are live") != std::string::npos, joined(v).c_str());
        }
    }

    // Every shared model Ember loads: every planner, I/O in and out of the
    // workspace, in-place on and off: no violation, never larger with in-place.
    void checkerOnSharedModels() {
        size_t models = 0, plans = 0, shares = 0, chains = 0;
        for (const std::string &path : sharedModels()) {
            auto g = loadModel(path);
            if (!g.ok()) continue;
            ++models;
            for (const std::string &planner : plannerNames())
                for (bool io : {false, true}) {
                    size_t used[3] = {0, 0, 0}, bound[3] = {0, 0, 0};
                    for (int mode : {0, 1, 2}) {  // --in-place off, on, fuse
                        const bool inPlace = mode > 0;
                        PlanRequest req;
                        req.planner = planner;
                        req.ioInWorkspace = io;
                        req.inPlace = inPlace;
                        req.fuseRows = mode == 2;
                        auto plan = planMemory(g.value(), req);
                        if (!plan.ok()) {  // e.g. unknown dims: the same with in-place off
                            QVERIFY2(inPlace, (path + ": " + plan.diagnostics().format()).c_str());
                            continue;
                        }
                        ++plans;
                        shares += plan->shares.size();
                        chains += plan->fused.size();
                        const auto v = checkPlan(g.value(), plan.value());
                        QVERIFY2(v.empty(), (path + " " + planner + (io ? " io" : "") +
                                             (mode == 2 ? " fuse" : inPlace ? " in-place" : "") + ":\n" + joined(v))
                                                .c_str());
                        QVERIFY(plan->totalUsed() >= plan->lowerBound);
                        QVERIFY(mode == 2 || plan->fused.empty());
                        used[mode] = plan->totalUsed();
                        bound[mode] = plan->lowerBound;
                    }
                    // A fused chain is kept only where it lowers the live bytes.
                    if (bound[1] && bound[2]) QVERIFY2(bound[2] <= bound[1], path.c_str());
                    // hill-climb is a search: only the bound is guaranteed not to grow.
                    if (planner != "hill-climb" && used[0] && used[1] && used[1] > used[0])
                        qInfo("note: %s %s%s: in-place %zu > %zu bytes", path.c_str(), planner.c_str(),
                              io ? " io" : "", used[1], used[0]);
                }
        }
        qInfo("plan checker: %zu models, %zu plans, %zu shared buffers, %zu fused chains, no violation", models, plans,
              shares, chains);
        QVERIFY(chains >= 6);  // at least IC's three residual blocks, with I/O in and out of the workspace
        QVERIFY(models >= 20);  // 26 of the 28 TFLite files load (91 with the ONNX models)
    }

    // Row schedules for every small geometry (filter 1..4, stride 1..3,
    // dilation 1..2, SAME and VALID padding, output rows 1/4 to 4 times the
    // input's): each one planRowInPlace accepts runs correctly element by
    // element, widening ones (descending) among them.
    void rowScheduleSweep() {
        size_t tried = 0, accepted = 0, descending = 0, rings = 0, caught = 0;
        for (int inH = 1; inH <= 40; inH += 3)
            for (int fh = 1; fh <= 4; ++fh)
                for (int st = 1; st <= 3; ++st)
                    for (int dil = 1; dil <= 2; ++dil)
                        for (bool same : {false, true})
                            for (int outC : {1, 2, 3, 4, 6, 8, 16}) {
                                RowGeometry q;
                                q.inH = inH, q.inW = 16, q.inC = 4;
                                q.outW = 16, q.outC = outC;
                                q.filterH = fh, q.strideH = st, q.dilationH = dil;
                                const int eff = (fh - 1) * dil + 1;
                                q.outH = same ? (inH + st - 1) / st : (inH - eff + st) / st;
                                if (q.outH <= 0) continue;
                                q.padTop = same ? std::max(0, ((q.outH - 1) * st + eff - inH) / 2) : 0;
                                ++tried;
                                RowSchedule s;
                                if (!planRowInPlace(q, &s)) continue;
                                ++accepted;
                                descending += s.descending;
                                rings += s.ring > 0;
                                // The replay is not vacuous: without its ring, a schedule that
                                // needs one mostly reads an overwritten row.
                                if (s.ring > 0) {
                                    RowSchedule bare = s;
                                    bare.ring = 0;
                                    caught += !runsLikeTheGeneratedLoop(q, bare);
                                }
                                QVERIFY2(runsLikeTheGeneratedLoop(q, s),
                                         qPrintable(QString("inH %1 filter %2 stride %3 dilation %4 %5 outC %6 %7")
                                                        .arg(inH).arg(fh).arg(st).arg(dil).arg(same ? "same" : "valid")
                                                        .arg(outC).arg(s.descending ? "descending" : "ascending")));
                            }
        qInfo("row schedules: %zu geometries, %zu accepted (%zu descending, %zu with a ring), all run correctly; "
              "without their ring %zu fail",
              tried, accepted, descending, rings, caught);
        QVERIFY(descending >= 100 && rings >= 20 && caught >= rings / 2);
    }

    // MLPerf Tiny: bit-exact against the goldens with in-place on; workspace
    // with in-place <= without.
    void mlperfBitExact_data() {
        QTest::addColumn<QString>("golden");
        for (const char *m : {"kws_ref_model", "vww_96_int8", "pretrainedResnet_quant", "ad01_int8"})
            QTest::newRow(m) << QString(m);
    }

    void mlperfBitExact() {
        QFETCH(QString, golden);
        const QJsonObject man = manifest(golden);
        QVERIFY2(!man.isEmpty(), "golden manifest missing");
        auto g = loadModel(modelPath(man["model"].toString().toStdString()));
        QVERIFY2(g.ok(), g.diagnostics().format().c_str());
        size_t ws[2] = {0, 0}, io = 0;
        for (int t : g->inputs) io += g->tensors[size_t(t)].bytes();
        for (int t : g->outputs) io += g->tensors[size_t(t)].bytes();
        for (bool inPlace : {false, true}) {
            CompileOptions opts;
            opts.plan.inPlace = inPlace;
            auto plan = planMemory(g.value(), opts.plan);
            QVERIFY(plan.ok());
            ws[inPlace] = plan->totalUsed();
            if (inPlace) qInfo("%s", plan->dump().c_str());
        }
        qInfo("%s: workspace %zu bytes with in-place off, %zu with in-place on (I/O %zu bytes)", qPrintable(golden),
              ws[0], ws[1], io);
        QVERIFY(ws[1] <= ws[0]);

        // The generated C, bit-exact, with the graph's I/O separate and in the
        // workspace (where the first layers may write over the input), with
        // --in-place on and fuse.
        for (int run = 0; run < 4; ++run) {
            const bool ioWs = run % 2 == 1, fuse = run >= 2;
            CompileOptions opts;
            QVERIFY(!opts.plan.inPlace && !opts.plan.fuseRows);  // off by default
            opts.plan.inPlace = true;
            opts.plan.fuseRows = fuse;
            opts.plan.ioInWorkspace = ioWs;
            if (ioWs) {
                auto plan = planMemory(g.value(), opts.plan);
                QVERIFY(plan.ok());
                qInfo("%s: workspace with --io workspace --in-place %s: %zu bytes (I/O included), %zu fused chains",
                      qPrintable(golden), fuse ? "fuse" : "on", plan->totalUsed(), plan->fused.size());
                QVERIFY2(checkPlan(g.value(), plan.value()).empty(), joined(checkPlan(g.value(), plan.value())).c_str());
                // ResNet-8: its three residual blocks run fused, the peak two 16 KB tensors no more.
                if (fuse && golden == "pretrainedResnet_quant") {
                    QCOMPARE(plan->fused.size(), size_t(3));
                    QVERIFY(plan->lowerBound < 32768);
                }
            }
            auto art = compile(g.value(), opts);
            QVERIFY2(art.ok(), art.diagnostics().format().c_str());
            auto prog = HostProgram::build(art.value(), g.value());
            QVERIFY2(prog.ok(), prog.diagnostics().format().c_str());
            const QString dir = QString::fromStdString(sharedDir()) + "/models/golden/" + golden + "/";
            for (const auto &cv : man["cases"].toArray()) {
                const QJsonObject c = cv.toObject();
                std::vector<TensorData> inputs;
                for (const auto &in : c["inputs"].toArray()) {
                    TensorData b;
                    QVERIFY(readFile((dir + in.toString()).toStdString(), &b));
                    inputs.push_back(b);
                }
                auto gen = prog->run(inputs);
                QVERIFY2(gen.ok(), gen.diagnostics().format().c_str());
                const QJsonArray outs = c["outputs"].toArray();
                for (int j = 0; j < outs.size(); ++j) {
                    TensorData want;
                    QVERIFY(readFile((dir + outs[j].toString()).toStdString(), &want));
                    QVERIFY2(gen.value()[size_t(j)] == want,
                             qPrintable(golden + " " + c["name"].toString() + (ioWs ? " (--io workspace)" : "") +
                                        (fuse ? " (--in-place fuse)" : "")));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TstInPlace)
#include "tst_inplace.moc"
