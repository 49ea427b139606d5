// Differential tests against TFLite Micro (tflm_ref) for the index-driven and
// rearranging operators: GATHER, GATHER_ND, EMBEDDING_LOOKUP, REVERSE_V2,
// DYNAMIC_UPDATE_SLICE, MIRROR_PAD, PADV2, SPACE_TO_DEPTH, DEPTH_TO_SPACE,
// BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND. Seeded sweeps over dtypes (those
// TFLM supports and some it refuses), ranks, odd shapes, attributes,
// constant and run-time indices (in range: TFLM fails on others), plus cases
// TFLM refuses. See DiffTflm.h for what is compared.
#include <QtTest>

#include <algorithm>

#include "DiffTflm.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt != DType::Int8 && dt != DType::Int16) return {};
    const float scale = std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 2));
    const int64_t zp = dt == DType::Int8 ? r.range(-128, 127) : 0;
    return q(scale, zp);
}

Shape randomShape(DiffRng &r, int rank, int lo = 1, int hi = 6) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(lo, hi));
    return s;
}

// Index values in [lo, hi] as int32 or int64 bytes.
std::vector<uint8_t> indexBytes(DiffRng &r, DType t, int64_t n, int lo, int hi) {
    std::vector<uint8_t> b;
    for (int64_t i = 0; i < n; ++i) {
        const int64_t v = r.range(lo, hi);
        if (t == DType::Int64) {
            const auto *p = reinterpret_cast<const uint8_t *>(&v);
            b.insert(b.end(), p, p + 8);
        } else {
            const int32_t w = int32_t(v);
            const auto *p = reinterpret_cast<const uint8_t *>(&w);
            b.insert(b.end(), p, p + 4);
        }
    }
    return b;
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

const std::vector<DType> kAllData = {DType::Float32, DType::Int8, DType::Int16, DType::Int32};

}  // namespace

class TstDiffShape2 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void gather() {
        std::vector<DiffCase> cases;
        DiffRng r(101);
        for (int k = 0; k < 70; ++k) {
            // Mostly the supported types; some others TFLM refuses.
            const DType dt = k % 10 == 9 ? r.pick(std::vector<DType>{DType::Int16, DType::Int32})
                                         : (r.coin() ? DType::Int8 : DType::Float32);
            const DType it = k % 13 == 12 ? DType::Int64 : DType::Int32;
            const int rank = r.range(1, 4);
            const Shape sin = randomShape(r, rank);
            const int axis = r.range(0, rank - 1);
            const int batchDims = r.range(0, 3) == 0 ? r.range(0, axis) : 0;
            Shape sidx(sin.begin(), sin.begin() + batchDims);
            for (int i = r.range(batchDims == 0 ? 0 : 0, 2); i > 0; --i) sidx.push_back(r.range(1, 4));
            Shape sout(sin.begin(), sin.begin() + axis);
            sout.insert(sout.end(), sidx.begin() + batchDims, sidx.end());
            sout.insert(sout.end(), sin.begin() + axis + 1, sin.end());
            const bool constIdx = r.coin();
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            auto idxData = indexBytes(r, it, shapeElements(sidx), 0, sin[size_t(axis)] - 1);
            const int ix = addTensor(g, "idx", it, sidx, {}, constIdx ? idxData : std::vector<uint8_t>{});
            const int y = addTensor(g, "y", dt, sout, qi);
            OpAttrs at;
            // Negative axis / batch_dims now and then.
            at.axis = r.range(0, 4) == 0 ? axis - rank : axis;
            at.batchDims = batchDims > 0 && batchDims < int(sidx.size()) && r.coin() ? batchDims - int(sidx.size()) : batchDims;
            addOp(g, OpType::Gather, {a, ix}, {y}, at);
            DiffCase c{caseName(OpType::Gather, dt, k, constIdx ? "const" : "runtime"), {}};
            if (constIdx) {
                setIO(g, {a}, {y});
            } else {
                setIO(g, {a, ix}, {y});
                c.inputs = {randomTensorData(g.tensors[size_t(a)], uint64_t(k) + 7), idxData};
            }
            c.graph = std::move(g);
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }
    // SPACE_TO_DEPTH and DEPTH_TO_SPACE: block sizes 1..3, odd extents.
    void spaceDepth() {
        std::vector<DiffCase> cases;
        DiffRng r(202);
        for (int k = 0; k < 120; ++k) {
            const bool toDepth = k % 2 == 0;
            const OpType type = toDepth ? OpType::SpaceToDepth : OpType::DepthToSpace;
            const DType dt = k % 15 == 14 ? r.pick(std::vector<DType>{DType::Int16, DType::Int32})
                                          : (r.coin() ? DType::Int8 : DType::Float32);
            const int bs = r.range(1, 3);
            const int32_t B = r.range(1, 2), h = r.range(1, 3), w = r.range(1, 3), c = r.range(1, 4);
            Shape sin, sout;
            if (toDepth) {
                sin = {B, h * bs, w * bs, c};
                sout = {B, h, w, c * bs * bs};
            } else {
                sin = {B, h, w, c * bs * bs};
                sout = {B, h * bs, w * bs, c};
            }
            if (k % 29 == 28) sin[1] += 1, sout[1] += toDepth ? 0 : bs;  // refused: not a block multiple
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            const int y = addTensor(g, "y", dt, sout, qi);
            OpAttrs at;
            at.blockSize = bs;
            addOp(g, type, {a}, {y}, at);
            setIO(g, {a}, {y});
            cases.push_back({caseName(type, dt, k, "bs=" + std::to_string(bs)), std::move(g)});
        }
        check(std::move(cases));
    }

    // PADV2 (and PAD with a pad value): every dtype, ranks 1..4, constant
    // pad values of the input's type.
    void padV2() {
        std::vector<DiffCase> cases;
        DiffRng r(303);
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(kAllData);
            const int rank = r.range(1, 4);
            const Shape sin = randomShape(r, rank, 1, 5);
            std::vector<int32_t> pads;
            Shape sout;
            for (int i = 0; i < rank; ++i) {
                const int32_t b = r.range(0, 2), e = r.range(0, 2);
                pads.push_back(b);
                pads.push_back(e);
                sout.push_back(sin[size_t(i)] + b + e);
            }
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            const int pd = addTensor(g, "pads", DType::Int32, {rank, 2}, {}, bytesOf(pads));
            Quant qv = qi;
            if (dt == DType::Int8 && k % 17 == 16) qv = q(qi.sc() * 2, qi.zp());  // refused: other quantization
            TensorData value;
            switch (dt) {
            case DType::Float32: value = bytesOf(std::vector<float>{r.uniform(-8.f, 8.f)}); break;
            case DType::Int8: value = bytesOf(std::vector<int8_t>{int8_t(r.range(-128, 127))}); break;
            case DType::Int16: value = bytesOf(std::vector<int16_t>{int16_t(r.range(-32768, 32767))}); break;
            default: value = bytesOf(std::vector<int32_t>{int32_t(r.next())}); break;
            }
            const int v = addTensor(g, "value", dt, {}, qv, value);
            const int y = addTensor(g, "y", dt, sout, qi);
            const bool withValue = k % 9 != 8;
            addOp(g, OpType::PadV2, withValue ? std::vector<int>{a, pd, v} : std::vector<int>{a, pd}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::PadV2, dt, k, withValue ? "" : "no value"), std::move(g)});
        }
        check(std::move(cases));
    }

    // MIRROR_PAD: REFLECT and SYMMETRIC, int32 and int64 paddings up to the
    // largest TFLite allows.
    void mirrorPad() {
        std::vector<DiffCase> cases;
        DiffRng r(404);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 16 == 15 ? r.pick(std::vector<DType>{DType::Int16, DType::Int32}) : (r.coin() ? DType::Int8 : DType::Float32);
            const int mode = r.range(0, 1);
            const int rank = r.range(1, 4);
            const Shape sin = randomShape(r, rank, 1, 5);
            const DType pt = r.coin() ? DType::Int32 : DType::Int64;
            std::vector<int64_t> pads;
            Shape sout;
            for (int i = 0; i < rank; ++i) {
                const int most = sin[size_t(i)] - (mode == 0 ? 1 : 0);
                const int32_t b = r.range(0, most), e = r.range(0, most);
                pads.push_back(b);
                pads.push_back(e);
                sout.push_back(sin[size_t(i)] + b + e);
            }
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            TensorData pb;
            if (pt == DType::Int64) {
                pb = bytesOf(pads);
            } else {
                std::vector<int32_t> p32(pads.begin(), pads.end());
                pb = bytesOf(p32);
            }
            const int pd = addTensor(g, "pads", pt, {rank, 2}, {}, pb);
            const int y = addTensor(g, "y", dt, sout, qi);
            OpAttrs at;
            at.mirrorMode = mode;
            addOp(g, OpType::MirrorPad, {a, pd}, {y}, at);
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::MirrorPad, dt, k, mode ? "symmetric" : "reflect"), std::move(g)});
        }
        check(std::move(cases));
    }

    // GATHER_ND: slices and single elements, constant and run-time indices.
    void gatherNd() {
        std::vector<DiffCase> cases;
        DiffRng r(505);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 12 == 11 ? r.pick(std::vector<DType>{DType::Int16, DType::Int32}) : (r.coin() ? DType::Int8 : DType::Float32);
            const int rank = r.range(1, 4);
            const Shape sin = randomShape(r, rank);
            const int nd = r.range(1, rank);
            Shape sidx;
            for (int i = r.range(0, 2); i > 0; --i) sidx.push_back(r.range(1, 4));
            sidx.push_back(nd);
            Shape sout(sidx.begin(), sidx.end() - 1);
            sout.insert(sout.end(), sin.begin() + nd, sin.end());
            std::vector<int32_t> idx;
            for (int64_t s = 0; s < shapeElements(sidx) / nd; ++s)
                for (int j = 0; j < nd; ++j) idx.push_back(r.range(0, sin[size_t(j)] - 1));
            const bool constIdx = r.coin();
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            const int ix = addTensor(g, "idx", DType::Int32, sidx, {}, constIdx ? bytesOf(idx) : TensorData{});
            const int y = addTensor(g, "y", dt, sout, qi);
            addOp(g, OpType::GatherNd, {a, ix}, {y});
            DiffCase c{caseName(OpType::GatherNd, dt, k, constIdx ? "const" : "runtime"), {}};
            if (constIdx) {
                setIO(g, {a}, {y});
            } else {
                setIO(g, {a, ix}, {y});
                c.inputs = {randomTensorData(g.tensors[size_t(a)], uint64_t(k) + 11), bytesOf(idx)};
            }
            c.graph = std::move(g);
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    // REVERSE_V2: every dtype TFLM reverses, ranks 1..5, contiguous axes
    // (some negative); non-contiguous ones TFLM refuses.
    void reverseV2() {
        std::vector<DiffCase> cases;
        DiffRng r(606);
        const std::vector<DType> dts = {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64,
                                        DType::Bool,    DType::UInt8};
        for (int k = 0; k < 60; ++k) {
            const DType dt = r.pick(dts);
            const int rank = r.range(1, 5);
            const Shape sin = randomShape(r, rank, 1, rank > 3 ? 4 : 6);
            const int first = r.range(0, rank - 1), last = r.range(first, rank - 1);
            std::vector<int32_t> axes;
            for (int a = first; a <= last; ++a) axes.push_back(r.range(0, 3) == 0 ? a - rank : a);
            if (r.coin()) std::reverse(axes.begin(), axes.end());
            if (k % 19 == 18 && rank >= 3) axes = {0, 2};  // refused: not contiguous
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            const int ax = addTensor(g, "axes", DType::Int32, {int32_t(axes.size())}, {}, bytesOf(axes));
            const int y = addTensor(g, "y", dt, sin, qi);
            addOp(g, OpType::ReverseV2, {a, ax}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::ReverseV2, dt, k, "axes " + shapeString(axes)), std::move(g)});
        }
        check(std::move(cases));
    }

    // BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND: 3-D and 4-D, blocks 1..3,
    // crops and paddings 0..2.
    void spaceBatch() {
        std::vector<DiffCase> cases;
        DiffRng r(707);
        for (int k = 0; k < 116; ++k) {
            const bool toSpace = k % 2 == 0;
            const OpType type = toSpace ? OpType::BatchToSpaceNd : OpType::SpaceToBatchNd;
            const DType dt = k % 21 == 20 ? r.pick(std::vector<DType>{DType::Int16, DType::Int32}) : (r.coin() ? DType::Int8 : DType::Float32);
            const int rank = r.range(3, 4), spatial = rank - 2;
            std::vector<int32_t> block, pads;
            for (int i = 0; i < spatial; ++i) block.push_back(r.range(1, 3));
            const int32_t B = r.range(1, 2), C = r.range(1, 3);
            Shape sin, sout;
            if (toSpace) {
                // Input [B*prod(block), h, (w,) C]; output cropped.
                sin = {B * block[0] * (spatial == 2 ? block[1] : 1)};
                sout = {B};
                for (int i = 0; i < spatial; ++i) {
                    const int32_t h = r.range(1, 3), full = h * block[size_t(i)];
                    const int32_t c0 = r.range(0, std::min(2, full - 1)), c1 = r.range(0, std::min(2, full - 1 - c0));
                    pads.push_back(c0);
                    pads.push_back(c1);
                    sin.push_back(h);
                    sout.push_back(full - c0 - c1);
                }
            } else {
                sin = {B};
                sout = {B * block[0] * (spatial == 2 ? block[1] : 1)};
                for (int i = 0; i < spatial; ++i) {
                    const int32_t b = block[size_t(i)], p0 = r.range(0, 2), out = r.range(1, 3);
                    const int32_t h = std::max(1, out * b - p0 - r.range(0, 2));
                    const int32_t p1 = out * b - p0 - h;
                    if (p1 < 0) {
                        pads.push_back(0);
                        pads.push_back(out * b - h);
                    } else {
                        pads.push_back(p0);
                        pads.push_back(p1);
                    }
                    sin.push_back(h);
                    sout.push_back(out);
                }
            }
            sin.push_back(C);
            sout.push_back(C);
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, sin, qi);
            const int bl = addTensor(g, "block", DType::Int32, {spatial}, {}, bytesOf(block));
            const int pd = addTensor(g, "pads", DType::Int32, {spatial, 2}, {}, bytesOf(pads));
            const int y = addTensor(g, "y", dt, sout, qi);
            addOp(g, type, {a, bl, pd}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(type, dt, k, "block " + shapeString(block) + " pads " + shapeString(pads)),
                             std::move(g)});
        }
        check(std::move(cases));
    }

    // EMBEDDING_LOOKUP: float32 and int8 rows, int8 dequantized to float32,
    // constant and run-time lookups.
    void embeddingLookup() {
        std::vector<DiffCase> cases;
        DiffRng r(808);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 14 == 13 ? DType::Int16 : (r.coin() ? DType::Int8 : DType::Float32);
            const bool hybrid = dt == DType::Int8 && r.coin();
            const DType ot = hybrid ? DType::Float32 : dt;
            const Shape sval = randomShape(r, r.range(2, 4), 1, 5);
            const int32_t n = r.range(1, 5);
            std::vector<int32_t> look;
            for (int i = 0; i < n; ++i) look.push_back(r.range(0, sval[0] - 1));
            Shape sout = sval;
            sout[0] = n;
            const bool constIdx = r.coin();
            Graph g;
            g.name = "m";
            Quant qv = randomQuant(r, dt);
            if (hybrid && k % 11 != 10) qv.zeroPoint = {0};  // else refused: hybrid needs zero point 0
            const int l = addTensor(g, "lookup", DType::Int32, {n}, {}, constIdx ? bytesOf(look) : TensorData{});
            const int v = addTensor(g, "value", dt, sval, qv);
            const int y = addTensor(g, "y", ot, sout, hybrid ? Quant{} : qv);
            addOp(g, OpType::EmbeddingLookup, {l, v}, {y});
            DiffCase c{caseName(OpType::EmbeddingLookup, dt, k, std::string(hybrid ? "hybrid " : "") +
                                                                   (constIdx ? "const" : "runtime")),
                       {}};
            if (constIdx) {
                setIO(g, {v}, {y});
            } else {
                setIO(g, {l, v}, {y});
                c.inputs = {bytesOf(look), randomTensorData(g.tensors[size_t(v)], uint64_t(k) + 5)};
            }
            c.graph = std::move(g);
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    // DYNAMIC_UPDATE_SLICE: float32, int8, int16, int32, int32/int64 starts that
    // often need clamping, constant and run-time.
    void dynamicUpdateSlice() {
        std::vector<DiffCase> cases;
        DiffRng r(909);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 17 == 16 ? r.pick(std::vector<DType>{DType::Int64, DType::Bool})
                                          : r.pick(kAllData);
            const DType it = r.coin() ? DType::Int32 : DType::Int64;
            const int rank = r.range(1, 4);
            const Shape sin = randomShape(r, rank, 1, 5);
            Shape supd;
            for (int32_t d : sin) supd.push_back(r.range(1, d));
            const auto starts = indexBytes(r, it, rank, -2, 6);
            const bool constIdx = r.coin();
            Graph g;
            g.name = "m";
            const Quant qi = randomQuant(r, dt);
            const int a = addTensor(g, "operand", dt, sin, qi);
            const int u = addTensor(g, "update", dt, supd, qi);
            const int ix = addTensor(g, "start", it, {rank}, {}, constIdx ? starts : TensorData{});
            const int y = addTensor(g, "y", dt, sin, qi);
            addOp(g, OpType::DynamicUpdateSlice, {a, u, ix}, {y});
            DiffCase c{caseName(OpType::DynamicUpdateSlice, dt, k, constIdx ? "const" : "runtime"), {}};
            if (constIdx) {
                setIO(g, {a, u}, {y});
            } else {
                setIO(g, {a, u, ix}, {y});
                c.inputs = {randomTensorData(g.tensors[size_t(a)], uint64_t(k) + 1),
                            randomTensorData(g.tensors[size_t(u)], uint64_t(k) + 2), starts};
            }
            c.graph = std::move(g);
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }
};

QTEST_GUILESS_MAIN(TstDiffShape2)
#include "tst_diff_shape2.moc"
