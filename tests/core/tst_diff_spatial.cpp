// Differential tests against TFLite Micro (tflm_ref) for the spatial and
// matrix operators: RESIZE_NEAREST_NEIGHBOR, RESIZE_BILINEAR, TRANSPOSE_CONV,
// BATCH_MATMUL, L2_POOL_2D and L2_NORMALIZATION. Seeded sweeps over shapes,
// attributes, dtypes and quantization, plus cases TFLM refuses. See
// DiffTflm.h for what is compared.
#include <QtTest>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt == DType::Float32) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 2));
    const int64_t zp = dt == DType::Int8 ? r.range(-128, 127) : 0;
    return q(scale, zp);
}

std::string caseName(OpType t, DType dt, int k, const std::string &extra = {}) {
    return std::string(opTypeName(t)) + " " + dtypeName(dt) + (extra.empty() ? "" : " " + extra) + " #" +
           std::to_string(k);
}

void check(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

// One RESIZE_* case: NHWC input resized to (oh, ow).
DiffCase resizeCase(OpType type, DType dt, const Shape &in, int oh, int ow, bool ac, bool hp, const Quant &qi,
                    const std::string &name, bool constSize = true) {
    Graph g;
    g.name = "m";
    const int x = addTensor(g, "x", dt, in, qi);
    const std::vector<int32_t> size = {oh, ow};
    const int s = addTensor(g, "size", DType::Int32, {2}, {}, constSize ? bytesOf(size) : std::vector<uint8_t>{});
    const int y = addTensor(g, "y", dt, {in[0], oh, ow, in[3]}, qi);
    OpAttrs at;
    at.alignCorners = ac;
    at.halfPixelCenters = hp;
    addOp(g, type, {x, s}, {y}, at);
    setIO(g, constSize ? std::vector<int>{x} : std::vector<int>{x, s}, {y});
    DiffCase c{name, std::move(g)};
    if (!constSize) {
        c.inputs = {randomTensorData(c.graph.tensors[size_t(x)], 3), bytesOf(size)};
    }
    return c;
}


template <class T> std::vector<uint8_t> randomInts(DiffRng &r, size_t count, int lo, int hi) {
    std::vector<T> v(count);
    for (auto &x : v) x = T(r.range(lo, hi));
    return bytesOf(v);
}

// One TRANSPOSE_CONV case. Weights [oc, kh, kw, ic]; output size chosen so
// that the forward convolution of the output has the input's size.
DiffCase transposeConvCase(DiffRng &r, DType dt, int k) {
    const int s = r.range(1, 3);
    const Padding pad = r.coin() ? Padding::Same : Padding::Valid;
    const Shape in = {r.range(1, 2), r.range(1, 5), r.range(1, 5), r.range(1, 4)};
    const int oc = r.range(1, 4), kh = r.range(1, 4), kw = r.range(1, 4);
    auto outSize = [&](int i, int kk) {
        return pad == Padding::Same ? (i - 1) * s + r.range(1, s) : (i - 1) * s + kk + r.range(0, s - 1);
    };
    const Shape out = {in[0], outSize(in[1], kh), outSize(in[2], kw), oc};
    Graph g;
    g.name = "m";
    const int shape = addTensor(g, "output_shape", DType::Int32, {4}, {}, bytesOf(std::vector<int32_t>(out)));
    Quant qw, qx = randomQuant(r, dt), qy;
    if (dt != DType::Float32) {
        const int nScales = r.coin() ? oc : 1;
        for (int i = 0; i < nScales; ++i) {
            qw.scale.push_back(r.uniform(0.002f, 0.05f));
            qw.zeroPoint.push_back(0);
        }
        qy = q(qx.scale[0] * qw.scale[0] * r.uniform(1.f, 64.f), dt == DType::Int8 ? r.range(-128, 127) : 0);
    }
    const DType wt = dt == DType::Float32 ? DType::Float32 : DType::Int8;
    Tensor wProto;
    wProto.dtype = wt;
    wProto.shape = {oc, kh, kw, in[3]};
    const int w = addTensor(g, "w", wt, wProto.shape, qw, randomTensorData(wProto, uint64_t(k) * 7 + 1));
    const int x = addTensor(g, "x", dt, in, qx);
    std::vector<int> inputs = {shape, w, x};
    if (r.range(0, 3) != 0) {
        const size_t nb = size_t(oc);
        if (dt == DType::Float32) {
            std::vector<float> b(nb);
            for (auto &v : b) v = r.uniform(-2.f, 2.f);
            inputs.push_back(addTensor(g, "b", DType::Float32, {oc}, {}, bytesOf(b)));
        } else if (dt == DType::Int8) {
            inputs.push_back(addTensor(g, "b", DType::Int32, {oc}, {}, randomInts<int32_t>(r, nb, -20000, 20000)));
        } else if (r.range(0, 3) == 0) {  // int16 bias, which TFLM widens to int64
            inputs.push_back(addTensor(g, "b", DType::Int16, {oc}, {}, randomInts<int16_t>(r, nb, -32768, 32767)));
        } else {
            inputs.push_back(addTensor(g, "b", DType::Int64, {oc}, {}, randomInts<int64_t>(r, nb, -2000000, 2000000)));
        }
    }
    const int y = addTensor(g, "y", dt, out, qy);
    OpAttrs at;
    at.padding = pad;
    at.strideH = s;
    at.strideW = r.coin() ? s : r.range(1, 3);
    if (at.strideW != s) {  // recompute the width for its own stride
        const int sw = at.strideW;
        const int ow = pad == Padding::Same ? (in[2] - 1) * sw + r.range(1, sw) : (in[2] - 1) * sw + kw + r.range(0, sw - 1);
        g.tensors[size_t(y)].shape[2] = ow;
        Shape o2 = g.tensors[size_t(y)].shape;
        g.tensors[size_t(shape)].data = bytesOf(std::vector<int32_t>(o2));
    }
    at.activation = r.pick(std::vector<Activation>{Activation::None, Activation::Relu, Activation::Relu6,
                                                   Activation::ReluN1To1});
    addOp(g, OpType::TransposeConv, inputs, {y}, at);
    setIO(g, {x}, {y});
    return {caseName(OpType::TransposeConv, dt, k,
                     std::string(pad == Padding::Same ? "same" : "valid") + " s" + std::to_string(s) + "x" +
                         std::to_string(at.strideW) + " " + activationName(at.activation)),
            std::move(g)};
}

Shape randomShape(DiffRng &r, int rank, int hi = 4) {
    Shape sh;
    for (int i = 0; i < rank; ++i) sh.push_back(r.range(1, hi));
    return sh;
}

// One BATCH_MATMUL case: lhs [..., a, b] (adj_x: [..., b, a]), rhs [..., b, c]
// (adj_y: [..., c, b]), batch dims broadcast; the rhs is sometimes constant.
DiffCase batchMatMulCase(DiffRng &r, DType dt, int k) {
    const int lr = r.range(2, 5), rr = r.coin() ? lr : r.range(2, 5);
    const int rank = std::max(lr, rr);
    Shape batch = randomShape(r, rank - 2, 3);
    Shape lb, rb;  // each side's batch dims (trailing part, some set to 1)
    for (int i = 0; i < rank - 2; ++i) {
        const int32_t v = batch[size_t(i)];
        if (i >= rank - lr) lb.push_back(r.range(0, 3) == 0 ? 1 : v);
        if (i >= rank - rr) rb.push_back(r.range(0, 3) == 0 ? 1 : v);
    }
    const int a = r.range(1, 6), b = r.range(1, 8), c = r.range(1, 6);
    OpAttrs at;
    at.adjX = r.coin();
    at.adjY = r.coin();
    Shape ls = lb, rs = rb;
    if (at.adjX) ls.insert(ls.end(), {b, a}); else ls.insert(ls.end(), {a, b});
    if (at.adjY) rs.insert(rs.end(), {c, b}); else rs.insert(rs.end(), {b, c});
    Shape os;
    for (int i = 0; i < rank - 2; ++i) {
        const int li = i - (rank - lr), ri = i - (rank - rr);
        const int32_t x = li >= 0 ? lb[size_t(li)] : 1, y = ri >= 0 ? rb[size_t(ri)] : 1;
        os.push_back(std::max(x, y));
    }
    os.insert(os.end(), {a, c});
    const Quant ql = randomQuant(r, dt), qr = randomQuant(r, dt);
    const Quant qo = dt == DType::Float32
                         ? Quant{}
                         : q(ql.scale[0] * qr.scale[0] * r.uniform(2.f, 300.f), dt == DType::Int8 ? r.range(-128, 127) : 0);
    Graph g;
    g.name = "m";
    const bool constRhs = r.coin();
    const int x = addTensor(g, "lhs", dt, ls, ql);
    Tensor proto;
    proto.dtype = dt;
    proto.shape = rs;
    const int w = addTensor(g, "rhs", dt, rs, qr, constRhs ? randomTensorData(proto, uint64_t(k) + 99) : std::vector<uint8_t>{});
    const int y = addTensor(g, "y", dt, os, qo);
    addOp(g, OpType::BatchMatMul, {x, w}, {y}, at);
    setIO(g, constRhs ? std::vector<int>{x} : std::vector<int>{x, w}, {y});
    return {caseName(OpType::BatchMatMul, dt, k,
                     shapeString(ls) + (at.adjX ? "T" : "") + " x " + shapeString(rs) + (at.adjY ? "T" : "") +
                         (constRhs ? " const" : "")),
            std::move(g)};
}

}  // namespace

class TstDiffSpatial : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void resize() {
        std::vector<DiffCase> cases;
        DiffRng r(21);
        for (int k = 0; k < 110; ++k) {
            const bool bilinear = k % 2 == 1;
            const OpType type = bilinear ? OpType::ResizeBilinear : OpType::ResizeNearestNeighbor;
            const DType dt = bilinear ? r.pick(std::vector<DType>{DType::Int8, DType::Float32})
                                      : r.pick(std::vector<DType>{DType::Int8, DType::Int16, DType::Float32});
            const Shape in = {r.range(1, 2), r.range(1, 7), r.range(1, 7), r.range(1, 5)};
            // Up- and downsampling, odd factors, identity.
            const int oh = r.range(1, 15), ow = r.coin() ? r.range(1, 15) : in[2];
            const int mode = r.range(0, 2);  // 0 plain, 1 align_corners, 2 half_pixel_centers
            // Nearest also allows both flags together.
            const bool ac = mode == 1 || (!bilinear && k % 11 == 0), hp = mode == 2 || (!bilinear && k % 11 == 0);
            cases.push_back(resizeCase(type, dt, in, oh, ow, ac, hp, randomQuant(r, dt),
                                       caseName(type, dt, k, "ac=" + std::to_string(ac) + " hp=" + std::to_string(hp))));
        }
        // Refused by TFLM: run-time size, int16 bilinear, both flags on bilinear.
        for (int k = 0; k < 2; ++k) {
            const OpType type = k ? OpType::ResizeBilinear : OpType::ResizeNearestNeighbor;
            cases.push_back(resizeCase(type, DType::Int8, {1, 3, 3, 2}, 5, 4, false, false, q(0.1f, 3),
                                       caseName(type, DType::Int8, k, "runtime size"), false));
        }
        cases.push_back(resizeCase(OpType::ResizeBilinear, DType::Int16, {1, 3, 3, 2}, 5, 4, false, false, q(0.1f, 0),
                                   "RESIZE_BILINEAR int16 refused"));
        cases.push_back(resizeCase(OpType::ResizeBilinear, DType::Float32, {1, 3, 3, 2}, 5, 4, true, true, {},
                                   "RESIZE_BILINEAR both flags refused"));
        check(std::move(cases));
    }

    void transposeConv() {
        std::vector<DiffCase> cases;
        DiffRng r(33);
        const std::vector<DType> dts = {DType::Int8, DType::Int16, DType::Float32};
        for (int k = 0; k < 72; ++k) cases.push_back(transposeConvCase(r, dts[size_t(k) % 3], k));
        // Refused by TFLM: hybrid (float input, int8 weights).
        {
            DiffCase c = transposeConvCase(r, DType::Int8, 72);
            Graph &g = c.graph;
            for (int t : {g.ops[0].inputs[2], g.ops[0].outputs[0]}) {
                g.tensors[size_t(t)].dtype = DType::Float32;
                g.tensors[size_t(t)].quant = {};
            }
            if (g.ops[0].inputs.size() > 3) g.ops[0].inputs.pop_back();
            c.name = "TRANSPOSE_CONV hybrid refused";
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    void batchMatMul() {
        std::vector<DiffCase> cases;
        DiffRng r(45);
        const std::vector<DType> dts = {DType::Int8, DType::Int16, DType::Float32};
        for (int k = 0; k < 72; ++k) cases.push_back(batchMatMulCase(r, dts[size_t(k) % 3], k));
        // Refused by TFLM: int16 with a non-zero zero point.
        DiffCase c = batchMatMulCase(r, DType::Int16, 72);
        c.graph.tensors[size_t(c.graph.ops[0].inputs[0])].quant.zeroPoint = {5};
        c.name = "BATCH_MATMUL int16 zero point refused";
        cases.push_back(std::move(c));
        check(std::move(cases));
    }

    void l2Pool() {
        std::vector<DiffCase> cases;
        DiffRng r(57);
        for (int k = 0; k < 56; ++k) {
            const Shape in = {r.range(1, 2), r.range(1, 8), r.range(1, 8), r.range(1, 4)};
            OpAttrs at;
            at.padding = r.coin() ? Padding::Same : Padding::Valid;
            at.filterH = r.range(1, std::min(4, in[1])), at.filterW = r.range(1, std::min(4, in[2]));
            at.strideH = r.range(1, 3), at.strideW = r.range(1, 3);
            at.activation = r.pick(std::vector<Activation>{Activation::None, Activation::Relu, Activation::Relu6,
                                                           Activation::ReluN1To1});
            auto outSize = [&](int i, int f, int st) {
                return at.padding == Padding::Same ? (i + st - 1) / st : (i - f + st) / st;
            };
            const DType dt = k == 55 ? DType::Int8 : DType::Float32;  // TFLM refuses int8
            const Quant qq = dt == DType::Int8 ? q(0.05f, 1) : Quant{};
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, in, qq);
            const int y = addTensor(g, "y", dt,
                                    {in[0], outSize(in[1], at.filterH, at.strideH), outSize(in[2], at.filterW, at.strideW), in[3]},
                                    qq);
            addOp(g, OpType::L2Pool2D, {x}, {y}, at);
            setIO(g, {x}, {y});
            cases.push_back({caseName(OpType::L2Pool2D, dt, k,
                                      std::to_string(at.filterH) + "x" + std::to_string(at.filterW) + " s" +
                                          std::to_string(at.strideH) + "x" + std::to_string(at.strideW) +
                                          (at.padding == Padding::Same ? " same" : " valid")),
                             std::move(g)});
        }
        check(std::move(cases));
    }

    void l2Normalization() {
        std::vector<DiffCase> cases;
        DiffRng r(69);
        const int kCases = 58;
        for (int k = 0; k < kCases; ++k) {
            const DType dt = k % 2 ? DType::Int8 : DType::Float32;
            Shape sh = randomShape(r, r.range(1, 4), 5);
            sh.back() = r.range(1, 24);
            const Quant qi = dt == DType::Int8 ? q(r.uniform(0.01f, 0.5f), r.range(-128, 127)) : Quant{};
            const Quant qo = dt == DType::Int8 ? q(1.f / 128.f, 0) : Quant{};
            Graph g;
            g.name = "m";
            const int x = addTensor(g, "x", dt, sh, qi);
            const int y = addTensor(g, "y", dt, sh, qo);
            OpAttrs at;
            // Refused by TFLM: a fused activation, int16.
            if (k == kCases - 2) at.activation = Activation::Relu;
            addOp(g, OpType::L2Normalization, {x}, {y}, at);
            setIO(g, {x}, {y});
            DiffCase c{caseName(OpType::L2Normalization, dt, k, shapeString(sh)), std::move(g)};
            if (k == kCases - 3) {  // every element at the zero point: sum 0, TFLM's special case
                c.inputs = {std::vector<uint8_t>(size_t(shapeElements(sh)), uint8_t(int8_t(qi.zeroPoint[0])))};
                c.name += " zeros";
            }
            if (k == kCases - 1) {
                for (auto &t : c.graph.tensors) t.dtype = DType::Int16, t.quant = q(0.01f, 0);
                c.name = "L2_NORMALIZATION int16 refused";
            }
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }
};

QTEST_GUILESS_MAIN(TstDiffSpatial)
#include "tst_diff_spatial.moc"
