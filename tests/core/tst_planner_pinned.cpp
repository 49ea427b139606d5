// Pins the memory plans (every buffer's offset, in plan order, and the
// total) that the three planners give today on the four MLPerf Tiny models
// and on seeded synthetic graphs, so that planner optimisations keep the
// plans identical. The expected values were produced by the planner as of
// commit d0f5961 (before the interval-based rewrite).
#include <QElapsedTimer>
#include <QtTest>

#include "TestUtil.h"
#include "core/plan/Planner.h"

using namespace ember;

namespace {

struct ModelPin {
    const char *model, *planner, *io;
    size_t total;
    const char *offsets;
};

const ModelPin kModelPins[] = {
    {"ad/ad01_int8", "greedy-size", "separate", 256, "128 0 128 0 128 0 128 0 128"},
    {"ad/ad01_int8", "greedy-size", "workspace", 768, "640 0 0 128 0 128 0 128 0 640 0"},
    {"ad/ad01_int8", "greedy-conflicts", "separate", 256, "128 0 128 0 128 0 128 0 128"},
    {"ad/ad01_int8", "greedy-conflicts", "workspace", 896, "0 128 128 0 128 256 0 128 0 128 256"},
    {"ad/ad01_int8", "hill-climb", "separate", 256, "128 0 128 0 128 0 128 0 128"},
    {"ad/ad01_int8", "hill-climb", "workspace", 768, "640 0 0 128 0 128 0 128 0 640 0"},
    {"kws/kws_ref_model", "greedy-size", "separate", 16000, "8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"kws/kws_ref_model", "greedy-size", "workspace", 16000, "0 8000 8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"kws/kws_ref_model", "greedy-conflicts", "separate", 16000, "8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"kws/kws_ref_model", "greedy-conflicts", "workspace", 16000, "0 8000 8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"kws/kws_ref_model", "hill-climb", "separate", 16000, "8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"kws/kws_ref_model", "hill-climb", "workspace", 16000, "0 8000 8000 0 8000 0 8000 0 8000 0 8000 0 64 0"},
    {"ic/pretrainedResnet_quant", "greedy-size", "separate", 49152, "16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64"},
    {"ic/pretrainedResnet_quant", "greedy-size", "workspace", 49152, "0 16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64 0"},
    {"ic/pretrainedResnet_quant", "greedy-conflicts", "separate", 49152, "16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64"},
    {"ic/pretrainedResnet_quant", "greedy-conflicts", "workspace", 49152, "0 16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64 0"},
    {"ic/pretrainedResnet_quant", "hill-climb", "separate", 49152, "16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64"},
    {"ic/pretrainedResnet_quant", "hill-climb", "workspace", 49152, "0 16384 0 32768 0 24576 16384 24576 0 12288 8192 12288 0 4096 0 64 0"},
    {"vww/vww_96_int8", "greedy-size", "separate", 55296, "0 36864 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256"},
    {"vww/vww_96_int8", "greedy-size", "workspace", 64512, "0 27648 46080 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256 0"},
    {"vww/vww_96_int8", "greedy-conflicts", "separate", 55296, "0 36864 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256"},
    {"vww/vww_96_int8", "greedy-conflicts", "workspace", 55296, "18432 0 36864 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256 0"},
    {"vww/vww_96_int8", "hill-climb", "separate", 55296, "0 36864 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256"},
    {"vww/vww_96_int8", "hill-climb", "workspace", 55296, "18432 0 36864 0 36864 0 18432 0 18432 0 9216 0 9216 0 4608 0 4608 0 4608 0 4608 0 4608 0 4608 0 2304 0 2304 0 256 0"},
};

struct SynthPin {
    uint64_t seed;
    const char *planner;
    bool io;
    size_t total;
    const char *offsets;
};

const SynthPin kSynthPins[] = {
    {1, "greedy-size", false, 36743, "0 28976 10512 0 15024 5504 0 19200 10512 18624 15024 21264 0 0 25392 32048 0 5280 35616 0 0 5280 9856 5280 2400 0 11440 5936 0 0 16880 11440 20624 11632 4480 0 0 25392 34336 5968 16880 0 0 5968 0 16880 5968 0 25392 5632 14240 10752 0 0 16720 0 5888 21264 11664 0 10368 5888 8192 5888 13344 10368 0 16544 5952 10592 14896 17312 0 4320 8528 4320 7552 0 0"},
    {1, "greedy-size", true, 39655, "32048 0 28976 10512 0 15024 5504 0 19200 10512 18624 15024 21264 0 0 25392 34960 0 5280 38528 0 0 5280 9856 5280 2400 0 11440 5936 0 0 16880 11440 20624 11632 4480 0 0 25392 37248 5968 16880 0 0 5968 0 16880 5968 0 25392 5632 14240 10752 0 0 16720 0 5888 21264 11664 0 10368 5888 8192 5888 13344 10368 0 16544 5952 10592 14896 17312 0 4320 8528 4320 7552 0 0 0"},
    {1, "greedy-conflicts", false, 36517, "3072 0 8832 3072 21296 14000 3328 19008 9488 3072 14288 5360 0 17888 11008 3072 9488 19568 9488 0 14288 19568 19568 22560 14288 0 16064 23280 18720 28784 19536 14288 10624 14288 13472 0 32048 11008 30768 25504 32048 19536 19536 25504 0 11008 11008 11008 19536 23120 9488 14032 9968 28240 9488 23120 29008 5360 14032 23120 5360 6176 8480 6176 16704 13728 7776 7008 15632 11328 5360 3072 7008 11328 0 0 3232 0 3232"},
    {1, "greedy-conflicts", true, 39429, "0 5984 2912 11744 5984 24208 16912 6240 21920 12400 5984 17200 8272 0 20800 13920 5984 12400 22480 12400 0 17200 22480 22480 25472 17200 0 18976 26192 21632 31696 22448 17200 13536 17200 16384 0 34960 13920 33680 28416 34960 22448 22448 28416 0 13920 13920 13920 22448 26032 12400 16944 12880 31152 12400 26032 31920 8272 16944 26032 8272 9088 11392 9088 19616 16640 10688 9920 18544 14240 8272 5984 9920 14240 2912 2912 6144 0 0 0"},
    {1, "hill-climb", false, 35451, "0 32384 7296 0 14880 2288 9376 0 23136 9120 5520 19008 0 0 26880 10752 0 1136 0 0 13040 1136 5712 1136 15440 0 1136 3792 13040 13040 23136 1136 5120 5504 3600 0 13040 1136 3600 26880 23136 13040 13040 26720 0 0 0 23136 28224 0 16528 13040 5120 5120 5776 23136 0 18096 13040 18096 4480 0 2304 0 13040 18112 4640 17344 0 13040 4640 2144 6288 10608 0 10608 0 0 0"},
    {1, "hill-climb", true, 37203, "33920 5360 2288 0 5360 10864 15264 5360 0 20720 15008 17120 5360 0 9488 9488 0 12768 12768 32784 0 17120 12768 12768 22400 15760 0 22448 25104 12768 16512 12768 22448 36832 23056 11952 0 28304 9488 16512 17792 28304 11952 9488 15456 0 21120 15456 14000 10416 19632 9488 24752 14000 14000 14000 28240 18544 24320 5360 24320 18544 10928 10416 5360 9840 11264 14240 5360 7776 16304 6128 0 11984 7776 672 0 3232 0 3232 0"},
    {2, "greedy-size", false, 46715, "25568 18240 5936 45328 15152 11360 0 0 15152 46112 44208 11360 0 11360 21232 11360 4112 0 16784 0 5664 3920 42768 36800 0 21232 0 3344 0 29328 11728 5616 25568 0 29328 0 33072 40080 0 3264 0 7536 3952 29248 40080 0 7536 0 25568 4752 16784 5920 0 0 2192 0 4288 11728 15232 18448 5408 0 0 17808 0 5552 0 15232 15232 18640 0 15232 0 0 0 0 0 5920 5920"},
    {2, "greedy-size", true, 46715, "0 25568 18240 5936 45328 15152 11360 0 0 15152 46112 44208 11360 0 11360 21232 11360 4112 0 16784 0 5664 3920 42768 36800 0 21232 0 3344 0 29328 11728 5616 25568 0 29328 0 33072 40080 0 3264 0 7536 3952 29248 40080 0 7536 0 25568 4752 16784 5920 0 0 2192 0 4288 11728 15232 18448 5408 0 0 17808 0 5552 0 15232 15232 18640 0 15232 0 0 0 0 0 5920 5920 5920"},
    {2, "greedy-conflicts", false, 47237, "18176 5424 0 7616 6928 8400 12192 24512 21424 10560 12608 13728 13728 21424 25360 21424 5424 0 13728 25360 3280 3776 11168 0 0 3280 21424 8400 23232 35200 18176 26960 31440 37888 43504 0 23232 35200 0 26960 27296 27296 31408 7616 29040 23232 23232 39504 35824 12608 31408 23232 12608 0 35824 14064 16256 10560 16272 19488 14064 31408 0 14560 16864 14064 16864 3280 29040 3280 2656 0 2656 0 2656 10560 0 0 0"},
    {2, "greedy-conflicts", true, 47237, "6928 18176 5424 0 7616 6928 8400 12192 24512 21424 10560 12608 13728 13728 21424 25360 21424 5424 0 13728 25360 3280 3776 11168 0 0 3280 21424 8400 23232 35200 18176 26960 31440 37888 43504 0 23232 35200 0 26960 27296 27296 31408 7616 29040 23232 23232 39504 35824 12608 31408 23232 12608 0 35824 14064 16256 10560 16272 19488 14064 31408 0 14560 16864 14064 16864 3280 29040 3280 2656 0 2656 0 2656 10560 0 0 0 0"},
    {2, "hill-climb", false, 45073, "18928 5712 24048 22656 0 7216 11008 1120 11008 23440 0 5712 5552 1120 11216 1616 9664 0 14480 5552 1120 9472 40368 41808 0 27792 1120 4464 1120 18928 6736 32128 36608 1120 24048 0 18928 11792 0 5024 1120 4704 1120 32128 24048 18928 11792 704 18928 0 35072 11792 0 0 2192 0 7504 8208 4288 2192 0 17600 0 496 2800 0 17600 2800 2624 0 2624 3184 2624 0 0 5840 0 0 0"},
    {2, "hill-climb", true, 45073, "4032 784 7824 32992 0 15264 4032 9328 14576 11488 10880 31872 4032 6736 4032 4032 16656 11488 0 23088 4528 4032 8448 15216 41808 0 27536 4032 4032 5264 11488 32992 784 38048 5264 19344 0 11488 16656 0 3264 0 0 16656 38048 6256 320 0 16656 2576 13040 8624 21408 0 0 2192 0 4288 13120 8624 11840 5408 0 0 8624 0 8128 0 5552 8176 5552 0 9056 0 0 0 3136 0 0 9056 0"},
    {3, "greedy-size", false, 41854, "11600 0 30736 0 0 0 41680 22880 5920 0 27136 11600 17280 34112 40592 36736 0 27136 34112 38928 17280 0 0 6240 0 3200 8192 22880 8192 26064 3840 0 28416 5440 3200 29184 0 0 0 0 5840 9312 0 11952 22880 0 10528 3456 0 0 5824 14272 0 10528 13168 9344 0 4928 0 4928 0 13024 8928 3920 0 9152 5136 5136 4912 0 0 9760 14208 4912 17584 0 13216 9760 0"},
    {3, "greedy-size", true, 41854, "4800 11600 0 30736 0 0 0 41680 22880 5920 0 27136 11600 17280 34112 40592 36736 0 27136 34112 38928 17280 0 0 6240 0 3200 8192 22880 8192 26064 3840 0 28416 5440 3200 29184 0 0 0 0 5840 9312 0 11952 22880 0 10528 3456 0 0 5824 14272 0 10528 13168 9344 0 4928 0 4928 0 13024 8928 3920 0 9152 5136 5136 4912 0 0 9760 14208 4912 17584 0 13216 9760 0 0"},
    {3, "greedy-conflicts", false, 42677, "0 1952 13088 0 0 0 11248 23232 27488 6464 33168 16464 0 3840 22144 6464 36768 33168 8720 11424 0 36768 0 27488 32480 29440 5600 24832 35680 5600 23232 17632 7952 17488 16992 16272 13088 17488 0 0 26000 23360 16992 22832 13088 0 11424 16992 20128 21696 16992 27520 21696 30400 11248 16992 20816 25744 0 16272 20272 8720 11376 16272 16272 11376 21408 21408 15248 0 0 9760 14208 4912 9760 11648 0 11648 1648"},
    {3, "greedy-conflicts", true, 42677, "6752 0 1952 13088 0 0 0 11248 23232 27488 6464 33168 16464 0 3840 22144 6464 36768 33168 8720 11424 0 36768 0 27488 32480 29440 5600 24832 35680 5600 23232 17632 7952 17488 16992 16272 13088 17488 0 0 26000 23360 16992 22832 13088 0 11424 16992 20128 21696 16992 27520 21696 30400 11248 16992 20816 25744 0 16272 20272 8720 11376 16272 16272 11376 21408 21408 15248 0 0 9760 14208 4912 9760 11648 0 11648 1648 1648"},
    {3, "hill-climb", false, 39557, "10352 176 36192 0 0 0 0 6096 17120 176 22800 10352 31216 26400 16032 29024 176 22800 33664 26400 28064 176 0 17120 176 19072 3376 5616 3376 23200 4016 176 6016 5616 176 22480 672 672 0 0 6784 10784 176 10256 14368 0 6784 6928 176 176 9664 6784 0 17552 5824 6784 17552 0 0 0 6784 10704 4000 0 17552 6784 0 0 0 0 10192 15104 4848 0 8304 10192 14416 4848 0"},
    {3, "hill-climb", true, 40081, "0 1344 3296 35056 0 0 0 34880 11600 25600 0 18480 5920 20672 15856 24512 18480 0 31280 15856 38432 144 18384 0 30992 18384 25600 11600 11600 13424 28640 18384 5744 14048 0 5744 13328 6240 6240 0 0 8912 6272 18384 5744 24224 0 0 8688 5744 18384 8624 5744 18384 30992 0 5744 19232 14816 0 5744 14816 10880 9744 5744 5744 18688 22560 14816 5744 0 14816 0 4448 7824 12672 1648 0 1648 5104 5104"},
};

// Synthetic graphs for pinning plans: seeded, varied lifetimes and sizes.
inline ember::Graph synthGraph(uint64_t seed, int ops) {
    using namespace ember;
    uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&]() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ull;
    };
    Graph g;
    auto tensor = [&](int bytes) {
        Tensor t;
        t.name = "t" + std::to_string(g.tensors.size());
        t.dtype = DType::Int8;
        t.shape = {bytes};
        g.tensors.push_back(t);
        return int(g.tensors.size()) - 1;
    };
    const int in = tensor(1 + int(next() % 4096));
    g.tensors[size_t(in)].isInput = true;
    g.inputs = {in};
    for (int k = 0; k < ops; ++k) {
        Op op;
        op.index = k;
        const int reads = 1 + int(next() % 3);
        const int have = int(g.tensors.size());
        for (int r = 0; r < reads; ++r) {
            // Mostly recent tensors, sometimes far back: long and short lifetimes.
            const int back = (next() % 5 == 0) ? int(next() % uint64_t(have)) : int(next() % uint64_t(std::min(have, 4)));
            op.inputs.push_back(have - 1 - back);
        }
        op.outputs.push_back(tensor(int(next() % 8) == 0 ? 0 : 1 + int(next() % 6000)));
        g.ops.push_back(op);
    }
    const int out = int(g.tensors.size()) - 1;
    g.tensors[size_t(out)].isOutput = true;
    g.outputs = {out};
    return g;
}

// `leaves` ops each write a tensor that stays alive until a pairwise
// reduction tree (leaves - 1 ops) consumes it: with 16384 leaves this is the
// 32767-op graph with 16384 tensors alive at once that took minutes.
Graph wideGraph(int leaves) {
    Graph g;
    auto tensor = [&](int bytes) {
        Tensor t;
        t.name = "w" + std::to_string(g.tensors.size());
        t.dtype = DType::Int8;
        t.shape = {bytes};
        g.tensors.push_back(t);
        return int(g.tensors.size()) - 1;
    };
    const int in = tensor(64);
    g.tensors[size_t(in)].isInput = true;
    g.inputs = {in};
    std::vector<int> level;
    auto op = [&](std::vector<int> ins, int bytes) {
        Op o;
        o.index = int(g.ops.size());
        o.inputs = std::move(ins);
        o.outputs = {tensor(bytes)};
        g.ops.push_back(o);
        return o.outputs[0];
    };
    for (int k = 0; k < leaves; ++k) level.push_back(op({in}, 16 + 16 * (k % 7)));
    while (level.size() > 1) {
        std::vector<int> next;
        for (size_t i = 0; i + 1 < level.size(); i += 2) next.push_back(op({level[i], level[i + 1]}, 32));
        if (level.size() % 2) next.push_back(level.back());
        level = next;
    }
    g.tensors[size_t(level[0])].isOutput = true;
    g.outputs = {level[0]};
    return g;
}

std::string offsetsOf(const MemoryPlan &p) {
    std::string s;
    for (const PlannedBuffer &b : p.buffers) s += (s.empty() ? "" : " ") + std::to_string(b.offset);
    return s;
}

}  // namespace

class TstPlannerPinned : public QObject {
    Q_OBJECT

private slots:
    void mlperfModels() {
        for (const ModelPin &pin : kModelPins) {
            auto g = loadModel(test::modelPath(std::string("mlperf_tiny/") + pin.model + ".tflite"));
            QVERIFY2(g.ok(), g.diagnostics().format().c_str());
            PlanRequest r;
            r.planner = pin.planner;
            r.ioInWorkspace = std::string(pin.io) == "workspace";
            auto plan = planMemory(g.value(), r);
            QVERIFY(plan.ok());
            const std::string what = std::string(pin.model) + " " + pin.planner + " " + pin.io;
            QVERIFY2(plan->totalUsed() == pin.total, what.c_str());
            QVERIFY2(offsetsOf(plan.value()) == pin.offsets, (what + ": " + offsetsOf(plan.value())).c_str());
            QVERIFY(plan->checkNoOverlap());
        }
    }

    void synthetic() {
        for (const SynthPin &pin : kSynthPins) {
            const Graph g = synthGraph(pin.seed, 80);
            PlanRequest r;
            r.planner = pin.planner;
            r.ioInWorkspace = pin.io;
            auto plan = planMemory(g, r);
            QVERIFY(plan.ok());
            const std::string what = "seed " + std::to_string(pin.seed) + " " + pin.planner + (pin.io ? " io" : "");
            QVERIFY2(plan->totalUsed() == pin.total, what.c_str());
            QVERIFY2(offsetsOf(plan.value()) == pin.offsets, (what + ": " + offsetsOf(plan.value())).c_str());
            std::string why;
            QVERIFY2(plan->checkNoOverlap(&why), why.c_str());
        }
    }

    // Scale: planning no longer stores every overlapping pair or sweeps
    // every step for every tensor (4096 leaves: 8191 ops, 4096 tensors alive
    // at once; used to take seconds and grow quadratically in memory).
    void wideGraphScales() {
        const Graph g = wideGraph(4096);
        QCOMPARE(int(g.ops.size()), 8191);
        QElapsedTimer t;
        t.start();
        PlanRequest r;
        auto plan = planMemory(g, r);
        QVERIFY(plan.ok());
        const qint64 ms = t.elapsed();
        qInfo("greedy-conflicts on 8191 ops, 4096 tensors alive at once: %lld ms, %zu bytes", ms, plan->totalUsed());
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
        QVERIFY(plan->totalUsed() >= plan->lowerBound);
    }
};

QTEST_APPLESS_MAIN(TstPlannerPinned)
#include "tst_planner_pinned.moc"
