// Differential tests against TFLite Micro (tflm_ref) for the reductions and
// friends: SUM, REDUCE_MAX, REDUCE_MIN, ARG_MAX, ARG_MIN, PRELU, ADD_N,
// CUMSUM and TFLite_Detection_PostProcess. Seeded sweeps over shapes, axes
// (negative, duplicate), keep_dims, quantization and dtypes, plus cases TFLM
// refuses. See DiffTflm.h for what is compared.
#include <QtTest>

#include <algorithm>

#include <flatbuffers/flexbuffers.h>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt == DType::Float32 || dt == DType::Int32) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 2));
    const int64_t zp = dt == DType::Int8 ? r.range(-128, 127) : 0;
    return q(scale, zp);
}

Shape randomShape(DiffRng &r, int rank, int maxDim = 7) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, maxDim));
    return s;
}

void check(std::vector<DiffCase> cases, const DiffOptions &opts = {}) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), opts, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

// A reduction over `axes` (as given, maybe negative or repeated).
DiffCase reduceCase(OpType type, DType dt, const Shape &sa, const std::vector<int32_t> &axes, bool keep,
                    const Quant &qi, const Quant &qo, const std::string &name, bool scalarAxis = false) {
    const int rank = int(sa.size());
    std::vector<bool> red(size_t(rank), false);
    for (int32_t a : axes)
        if (a >= -rank && a < rank) red[size_t(a < 0 ? a + rank : a)] = true;
    Shape so;
    for (int i = 0; i < rank; ++i) {
        if (!red[size_t(i)]) so.push_back(sa[size_t(i)]);
        else if (keep) so.push_back(1);
    }
    Graph g;
    g.name = "m";
    const int a = addTensor(g, "a", dt, sa, qi);
    const Shape axShape = scalarAxis ? Shape{} : Shape{int32_t(axes.size())};
    const int ax = addTensor(g, "axes", DType::Int32, axShape, {}, bytesOf(axes));
    const int y = addTensor(g, "y", dt, so, qo);
    OpAttrs at;
    at.keepDims = keep;
    addOp(g, type, {a, ax}, {y}, at);
    setIO(g, {a}, {y});
    return {name, std::move(g)};
}

// 1..maxAxes distinct axes of a rank-`rank` tensor, some written negative,
// sometimes one repeated.
std::vector<int32_t> randomAxes(DiffRng &r, int rank, int maxAxes) {
    std::vector<int32_t> all(static_cast<size_t>(rank));
    for (int i = 0; i < rank; ++i) all[size_t(i)] = i;
    for (int i = rank - 1; i > 0; --i) std::swap(all[size_t(i)], all[size_t(r.range(0, i))]);
    const int n = r.range(1, std::min(rank, maxAxes));
    std::vector<int32_t> axes(all.begin(), all.begin() + n);
    for (auto &a : axes)
        if (r.range(0, 2) == 0) a -= rank;
    if (r.range(0, 4) == 0) axes.push_back(axes.front());
    return axes;
}

}  // namespace

class TstDiffReduce : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void sum() {
        std::vector<DiffCase> cases;
        DiffRng r(21);
        for (int k = 0; k < 66; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Int16, DType::Float32});
            const int rank = r.range(1, 5);
            const Shape sa = randomShape(r, rank, rank >= 4 ? 5 : 9);
            const auto axes = randomAxes(r, rank, 2);
            const Quant qi = randomQuant(r, dt);
            const Quant qo = r.range(0, 3) == 0 ? qi : randomQuant(r, dt);
            cases.push_back(reduceCase(OpType::Sum, dt, sa, axes, r.coin(), qi, qo,
                                       std::string("SUM ") + dtypeName(dt) + " #" + std::to_string(k),
                                       axes.size() == 1 && r.coin()));
        }
        // More than two reduced axes (TFLM resolves them into a two-entry array for SUM).
        for (int k = 0; k < 4; ++k) {
            const DType dt = k % 2 ? DType::Int8 : DType::Float32;
            const Quant qi = randomQuant(r, dt), qo = randomQuant(r, dt);
            const std::vector<int32_t> axes = k < 2 ? std::vector<int32_t>{0, 2, 3} : std::vector<int32_t>{-1, 0, 1, 2};
            cases.push_back(reduceCase(OpType::Sum, dt, {3, 2, 4, 5}, axes, k == 1, qi, qo,
                                       std::string("SUM 3+ axes ") + dtypeName(dt) + " #" + std::to_string(k)));
        }
        // Refused by TFLM: int32 data, an axis out of range.
        cases.push_back(reduceCase(OpType::Sum, DType::Int32, {2, 3}, {1}, false, {}, {}, "SUM int32 refused"));
        cases.push_back(reduceCase(OpType::Sum, DType::Float32, {2, 3}, {2}, false, {}, {}, "SUM bad axis"));
        check(std::move(cases));
    }

    void reduceMaxMin() {
        std::vector<DiffCase> cases;
        DiffRng r(22);
        for (int k = 0; k < 112; ++k) {
            const OpType type = k % 2 ? OpType::ReduceMin : OpType::ReduceMax;
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Float32});
            const int rank = r.range(1, 5);
            const Shape sa = randomShape(r, rank, rank >= 4 ? 5 : 9);
            const auto axes = randomAxes(r, rank, rank);
            const Quant qi = randomQuant(r, dt);
            cases.push_back(reduceCase(type, dt, sa, axes, r.coin(), qi, qi,
                                       std::string(opTypeName(type)) + " " + dtypeName(dt) + " #" +
                                           std::to_string(k),
                                       axes.size() == 1 && r.coin()));
        }
        // Refused by TFLM: different quantization in and out, int16, int32.
        for (OpType type : {OpType::ReduceMax, OpType::ReduceMin}) {
            const std::string n = opTypeName(type);
            cases.push_back(
                reduceCase(type, DType::Int8, {3, 4}, {1}, false, q(0.5f, 1), q(0.25f, 1), n + " requant refused"));
            cases.push_back(
                reduceCase(type, DType::Int16, {3, 4}, {1}, false, q(0.5f, 0), q(0.5f, 0), n + " int16 refused"));
            cases.push_back(reduceCase(type, DType::Int32, {3, 4}, {0}, true, {}, {}, n + " int32 refused"));
        }
        check(std::move(cases));
    }
    void argMinMax() {
        std::vector<DiffCase> cases;
        DiffRng r(23);
        auto make = [&](OpType type, DType dt, const Shape &sa, int32_t axis, DType outType, DType axisType,
                        const std::string &name) {
            const int rank = int(sa.size());
            const int a = axis < 0 ? axis + rank : axis;
            Shape so;
            for (int i = 0; i < rank; ++i)
                if (i != a) so.push_back(sa[size_t(i)]);
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, sa, randomQuant(r, dt));
            const int ax = axisType == DType::Int64
                               ? addTensor(g, "axis", axisType, {1}, {}, bytesOf(std::vector<int64_t>{axis}))
                               : addTensor(g, "axis", axisType, {1}, {}, bytesOf(std::vector<int32_t>{axis}));
            const int y = addTensor(g, "y", outType, so);
            OpAttrs at;
            at.outType = outType;
            addOp(g, type, {x, ax}, {y}, at);
            setIO(g, {x}, {y});
            cases.push_back({name, std::move(g)});
        };
        for (int k = 0; k < 110; ++k) {
            const OpType type = k % 2 ? OpType::ArgMin : OpType::ArgMax;
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Float32});
            const int rank = r.range(1, 5);
            const Shape sa = randomShape(r, rank, rank >= 4 ? 6 : 12);
            const int32_t axis = r.range(-rank, rank - 1);
            make(type, dt, sa, axis, DType::Int32, DType::Int32,
                 std::string(opTypeName(type)) + " " + dtypeName(dt) + " axis " + std::to_string(axis) + " #" +
                     std::to_string(k));
        }
        // Refused by TFLM: int64 output or axis, int16 and int32 input.
        make(OpType::ArgMin, DType::Int32, {4, 5}, 1, DType::Int32, DType::Int32, "ARG_MIN int32 refused");
        make(OpType::ArgMax, DType::Float32, {3, 5}, 1, DType::Int64, DType::Int32, "ARG_MAX int64 out refused");
        make(OpType::ArgMin, DType::Float32, {3, 5}, 1, DType::Int32, DType::Int64, "ARG_MIN int64 axis refused");
        make(OpType::ArgMax, DType::Int16, {3, 5}, 0, DType::Int32, DType::Int32, "ARG_MAX int16 refused");
        check(std::move(cases));
    }

    void prelu() {
        std::vector<DiffCase> cases;
        DiffRng r(24);
        for (int k = 0; k < 64; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Float32});
            const Shape sx = randomShape(r, r.range(1, 4));
            // alpha: per channel (the usual), the full shape, or some broadcast pattern.
            Shape sa;
            switch (r.range(0, 3)) {
            case 0: sa = {sx.back()}; break;
            case 1: sa = sx; break;
            case 2:
                sa = sx;
                for (auto &d : sa)
                    if (r.coin()) d = 1;
                while (!sa.empty() && r.coin()) sa.erase(sa.begin());
                break;
            default: sa = Shape(sx.size(), 1); sa.back() = sx.back(); break;
            }
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, sx, randomQuant(r, dt));
            const bool constAlpha = r.coin();
            int a;
            if (constAlpha) {
                Tensor tmp;
                tmp.dtype = dt;
                tmp.shape = sa;
                a = addTensor(g, "alpha", dt, sa, randomQuant(r, dt),
                              randomTensorData(tmp, uint64_t(1000 + k), -1.f, 2.f));
            } else {
                a = addTensor(g, "alpha", dt, sa, randomQuant(r, dt));
            }
            Shape so = sx;
            if (sa.size() > so.size()) so.insert(so.begin(), sa.size() - so.size(), 1);
            for (size_t i = 0; i < sa.size(); ++i) {
                int32_t &d = so[so.size() - sa.size() + i];
                d = std::max(d, sa[i]);
            }
            const int y = addTensor(g, "y", dt, so, randomQuant(r, dt));
            addOp(g, OpType::Prelu, {x, a}, {y});
            setIO(g, constAlpha ? std::vector<int>{x} : std::vector<int>{x, a}, {y});
            cases.push_back({std::string("PRELU ") + dtypeName(dt) + " x" + shapeString(sx) + " alpha" +
                                 shapeString(sa) + " #" + std::to_string(k),
                             std::move(g)});
        }
        {  // Refused by TFLM: int16.
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", DType::Int16, {2, 3}, q(0.5f, 0));
            const int a = addTensor(g, "alpha", DType::Int16, {3}, q(0.5f, 0));
            const int y = addTensor(g, "y", DType::Int16, {2, 3}, q(0.5f, 0));
            addOp(g, OpType::Prelu, {x, a}, {y});
            setIO(g, {x, a}, {y});
            cases.push_back({"PRELU int16 refused", std::move(g)});
        }
        check(std::move(cases));
    }

    void addN() {
        std::vector<DiffCase> cases;
        DiffRng r(25);
        auto make = [&](DType dt, int n, const Shape &s, bool sameQuant, const std::string &name) {
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            std::vector<int> ins;
            for (int i = 0; i < n; ++i)
                ins.push_back(addTensor(g, "x" + std::to_string(i), dt, s, sameQuant || i == 0 ? qi : q(0.75f, 3)));
            const int y = addTensor(g, "y", dt, s, randomQuant(r, dt));
            addOp(g, OpType::AddN, ins, {y});
            setIO(g, ins, {y});
            cases.push_back({name, std::move(g)});
        };
        for (int k = 0; k < 56; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Float32});
            const int n = r.range(2, 5);
            make(dt, n, randomShape(r, r.range(1, 4)), true,
                 std::string("ADD_N ") + dtypeName(dt) + " n=" + std::to_string(n) + " #" + std::to_string(k));
        }
        // Refused by TFLM: int32, int8 inputs with different quantization.
        make(DType::Int32, 3, {2, 3}, true, "ADD_N int32 refused");
        make(DType::Int8, 2, {2, 3}, false, "ADD_N mixed quantization refused");
        check(std::move(cases));
    }

    void cumsum() {
        std::vector<DiffCase> cases;
        DiffRng r(26);
        auto make = [&](DType dt, const Shape &s, int32_t axis, bool exclusive, bool reverse, const std::string &name) {
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, s, randomQuant(r, dt));
            const int ax = addTensor(g, "axis", DType::Int32, {}, {}, bytesOf(std::vector<int32_t>{axis}));
            const int y = addTensor(g, "y", dt, s, randomQuant(r, dt));
            OpAttrs at;
            at.exclusive = exclusive;
            at.reverse = reverse;
            addOp(g, OpType::Cumsum, {x, ax}, {y}, at);
            setIO(g, {x}, {y});
            cases.push_back({name, std::move(g)});
        };
        for (int k = 0; k < 64; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Int8, DType::Float32});
            const int rank = r.range(1, 4);
            const int32_t axis = r.range(-rank, rank - 1);
            const bool ex = r.coin(), rev = r.coin();
            make(dt, randomShape(r, rank, 8), axis, ex, rev,
                 std::string("CUMSUM ") + dtypeName(dt) + " axis " + std::to_string(axis) + (ex ? " exclusive" : "") +
                     (rev ? " reverse" : "") + " #" + std::to_string(k));
        }
        // Refused by TFLM: int32 and int16 data, an axis out of range.
        make(DType::Int32, {2, 3}, 1, false, false, "CUMSUM int32 refused");
        make(DType::Int16, {2, 3}, 1, false, false, "CUMSUM int16 refused");
        make(DType::Float32, {2, 3}, 2, false, false, "CUMSUM bad axis refused");
        check(std::move(cases));
    }
    void detectionPostProcess() {
        std::vector<DiffCase> cases;
        DiffRng r(27);
        struct Opts {
            int maxDet = 5, mcpd = 1, dpc = 3, numClasses = 3;
            bool regular = false;
            float scoreThr = 0.2f, iouThr = 0.5f;
            float ys = 10.f, xs = 10.f, hs = 5.f, ws = 5.f;
        };
        auto make = [&](const Opts &o, int numBoxes, bool background, int encStride, DType dt,
                        const std::string &name) {
            flexbuffers::Builder fb;
            fb.Map([&]() {
                fb.Int("max_detections", o.maxDet);
                fb.Int("max_classes_per_detection", o.mcpd);
                fb.Int("detections_per_class", o.dpc);
                fb.Bool("use_regular_nms", o.regular);
                fb.Float("nms_score_threshold", o.scoreThr);
                fb.Float("nms_iou_threshold", o.iouThr);
                fb.Int("num_classes", o.numClasses);
                fb.Float("y_scale", o.ys);
                fb.Float("x_scale", o.xs);
                fb.Float("h_scale", o.hs);
                fb.Float("w_scale", o.ws);
            });
            fb.Finish();
            const int cwb = o.numClasses + (background ? 1 : 0);
            // TFLM leaves output slots it does not fill untouched (they keep whatever the arena
            // held; Ember writes zeros), so every case fills all of them: the boxes sit in
            // max_detections + a few grid cells 1.0 apart that no decoded box can leave (anchor
            // h, w <= 0.3, |encoding| <= 1, scales >= 3), and each cell's first box scores >= 0.7
            // in some class, above every score threshold. So NMS keeps at least max_detections
            // boxes, while boxes inside a cell overlap heavily.
            const int cells = o.maxDet + r.range(0, 2);
            std::vector<float> anchors, enc, scores;
            for (int i = 0; i < numBoxes; ++i) {
                const int c = i < cells ? i : r.range(0, cells - 1);
                anchors.push_back(float(c / 4) + r.uniform(-0.05f, 0.05f));
                anchors.push_back(float(c % 4) + r.uniform(-0.05f, 0.05f));
                anchors.push_back(r.uniform(0.1f, 0.3f));
                anchors.push_back(r.uniform(0.1f, 0.3f));
                for (int k = 0; k < encStride; ++k) enc.push_back(r.uniform(-1.f, 1.f));
                const int strong = i < cells ? cwb - o.numClasses + r.range(0, o.numClasses - 1) : -1;
                for (int k = 0; k < cwb; ++k) scores.push_back(k == strong ? r.uniform(0.7f, 1.f) : r.uniform(0.f, 1.f));
            }
            // Regular NMS fills max_detections slots; fast NMS max_detections * classes per anchor,
            // with gaps when that is more than one, so fast cases keep one class per anchor.
            const int D = o.maxDet;
            Graph g;
            g.name = "m";
            const int e = addTensor(g, "box_encodings", dt, {1, numBoxes, encStride},
                                    dt == DType::Float32 ? Quant{} : q(0.05f, 0));
            const int sc = addTensor(g, "class_predictions", dt, {1, numBoxes, cwb},
                                     dt == DType::Float32 ? Quant{} : q(1.f / 256, -128));
            const int an = addTensor(g, "anchors", DType::Float32, {numBoxes, 4}, {}, bytesOf(anchors));
            const int ob = addTensor(g, "boxes", DType::Float32, {1, D, 4});
            const int oc = addTensor(g, "classes", DType::Float32, {1, D});
            const int os = addTensor(g, "scores", DType::Float32, {1, D});
            const int on = addTensor(g, "num", DType::Float32, {1});
            OpAttrs at;
            at.customOptions = fb.GetBuffer();
            Op &op = addOp(g, OpType::DetectionPostProcess, {e, sc, an}, {ob, oc, os, on}, at);
            op.typeName = "CUSTOM:TFLite_Detection_PostProcess";
            setIO(g, {e, sc}, {ob, oc, os, on});
            DiffCase dc{name, std::move(g)};
            if (dt == DType::Float32) dc.inputs = {bytesOf(enc), bytesOf(scores)};
            cases.push_back(std::move(dc));
        };
        for (int k = 0; k < 64; ++k) {
            Opts o;
            o.regular = k % 2 == 1;
            o.numClasses = r.range(1, 6);
            o.maxDet = r.range(1, 10);
            o.mcpd = r.range(0, 3) == 0 ? r.range(2, 3) : 1;
            o.dpc = r.range(1, 8);
            // Fast NMS writes more than one class per anchor with gaps TFLM never fills (see
            // make), so max_classes_per_detection > 1 only meets a single class there.
            if (!o.regular && o.mcpd > 1) o.numClasses = 1;
            o.scoreThr = r.uniform(0.f, 0.6f);
            o.iouThr = r.uniform(0.2f, 0.9f);
            o.ys = r.uniform(5.f, 10.f);
            o.xs = r.uniform(5.f, 10.f);
            o.hs = r.uniform(3.f, 6.f);
            o.ws = r.uniform(3.f, 6.f);
            const int n = o.maxDet + 2 + r.range(0, 36);
            const bool bg = r.coin();
            make(o, n, bg, r.range(0, 3) == 0 ? 6 : 4, DType::Float32,
                 std::string("DETECTION_POSTPROCESS ") + (o.regular ? "regular" : "fast") + " boxes " +
                     std::to_string(n) + " classes " + std::to_string(o.numClasses) + (bg ? "+bg" : "") + " #" +
                     std::to_string(k));
        }
        // Refused by TFLM: quantized inputs, IoU threshold 0.
        make(Opts{}, 8, true, 4, DType::Int8, "DETECTION_POSTPROCESS int8 refused");
        Opts bad;
        bad.iouThr = 0.f;
        make(bad, 8, true, 4, DType::Float32, "DETECTION_POSTPROCESS iou 0 refused");
        check(std::move(cases));
    }
};

QTEST_GUILESS_MAIN(TstDiffReduce)
#include "tst_diff_reduce.moc"
