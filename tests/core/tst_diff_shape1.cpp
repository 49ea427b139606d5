// Differential tests against TFLite Micro (tflm_ref) for the data-movement
// and shape operators: EXPAND_DIMS, SQUEEZE, SHAPE, PACK, UNPACK, SPLIT,
// SPLIT_V, SLICE, FILL, ZEROS_LIKE, BROADCAST_TO, BROADCAST_ARGS, CAST.
// Seeded sweeps over dtypes, ranks, odd shapes and axes (negative too), plus
// cases TFLM refuses (unsupported types, bad axes), which Ember must refuse.
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "DiffTflm.h"
#include "core/passes/Passes.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt != DType::Int8 && dt != DType::Int16) return {};
    return q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-12, 2)), dt == DType::Int8 ? r.range(-128, 127) : 0);
}

Shape randomShape(DiffRng &r, int rank, int hi = 6) {
    Shape s;
    for (int i = 0; i < rank; ++i) s.push_back(r.range(1, hi));
    return s;
}

std::vector<uint8_t> i32(const std::vector<int32_t> &v) { return bytesOf(v); }
std::vector<uint8_t> i64(const std::vector<int64_t> &v) { return bytesOf(v); }

// The index vector `v` as a constant of type `t` (int32 or int64).
int indexTensor(Graph &g, const std::string &name, DType t, const std::vector<int64_t> &v, Shape shape = {-1}) {
    if (shape == Shape{-1}) shape = {int32_t(v.size())};
    if (t == DType::Int64) return addTensor(g, name, t, shape, {}, i64(v));
    std::vector<int32_t> w(v.begin(), v.end());
    return addTensor(g, name, t, shape, {}, i32(w));
}

std::string caseName(OpType t, DType dt, int k) {
    return std::string(opTypeName(t)) + " " + dtypeName(dt) + " #" + std::to_string(k);
}

void check(std::vector<DiffCase> cases) {
    std::string summary;
    const auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    for (const auto &f : failures) qWarning("%s", f.c_str());
    QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
}

// Keras' dynamic reshape: y = reshape(x, pack([shape(x)[0], rest...])) with
// `rest` constant (-1 sometimes), over a static input.
Graph kerasReshape(DiffRng &r, DType dt, int k) {
    const Shape s = {r.range(1, 3), r.range(1, 5), r.range(1, 5), r.range(1, 4)};
    const int rank = r.range(2, 4);
    const Shape x(s.begin(), s.begin() + rank);
    const int32_t rest = int32_t(shapeElements(x) / x[0]);
    Graph g;
    g.name = "m";
    const Quant qq = randomQuant(r, dt);
    const int a = addTensor(g, "x", dt, x, qq);
    const int sh = addTensor(g, "shape", DType::Int32, {rank});
    addOp(g, OpType::Shape, {a}, {sh});
    const int b = indexTensor(g, "begin", DType::Int32, {0});
    const int e = indexTensor(g, "end", DType::Int32, {1});
    const int st = indexTensor(g, "strides", DType::Int32, {1});
    const int batch = addTensor(g, "batch", DType::Int32, {});
    OpAttrs sa;
    sa.shrinkAxisMask = 1;
    addOp(g, OpType::StridedSlice, {sh, b, e, st}, {batch}, sa);
    const int restT = indexTensor(g, "rest", DType::Int32, {k % 2 ? -1 : rest}, Shape{});
    const int packed = addTensor(g, "packed", DType::Int32, {2});
    OpAttrs pa;
    pa.count = 2;
    addOp(g, OpType::Pack, {batch, restT}, {packed}, pa);
    const int y = addTensor(g, "y", dt, {x[0], rest}, qq);
    addOp(g, OpType::Reshape, {a, packed}, {y});
    setIO(g, {a}, {y});
    return g;
}

const std::vector<DType> kAllTypes = {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64,
                                      DType::Bool};

}  // namespace

class TstDiffShape1 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void expandDims() {
        std::vector<DiffCase> cases;
        DiffRng r(101);
        for (int k = 0; k < 64; ++k) {
            // Mostly supported types; some others TFLM refuses.
            const DType dt = k % 8 == 7 ? r.pick(std::vector<DType>{DType::Int32, DType::Bool, DType::Int64})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16});
            const int rank = r.range(0, 4);
            const Shape s = randomShape(r, rank);
            int axis = r.range(-rank - 1, rank);
            if (k % 16 == 15) axis = rank + 1 + r.range(0, 1);  // out of range
            Shape o = s;
            const int at = axis < 0 ? axis + rank + 1 : axis;
            o.insert(o.begin() + std::clamp(at, 0, rank), 1);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            const int ax = indexTensor(g, "axis", DType::Int32, {axis}, r.coin() ? Shape{} : Shape{1});
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::ExpandDims, {a, ax}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::ExpandDims, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void shape() {
        std::vector<DiffCase> cases;
        DiffRng r(202);
        for (int k = 0; k < 56; ++k) {
            const DType dt = r.pick(kAllTypes);
            const Shape s = randomShape(r, r.range(1, 5), 9);
            const DType outType = k % 10 == 9 ? DType::Int64 : DType::Int32;  // int64: TFLM refuses
            Graph g;
            g.name = "m";
            const int a = addTensor(g, "a", dt, s, randomQuant(r, dt));
            const int y = addTensor(g, "y", outType, {int32_t(s.size())});
            OpAttrs at;
            at.outType = outType;
            addOp(g, OpType::Shape, {a}, {y}, at);
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::Shape, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void pack() {
        std::vector<DiffCase> cases;
        DiffRng r(303);
        for (int k = 0; k < 64; ++k) {
            const DType dt = k % 8 == 7 ? DType::Bool
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16,
                                                                    DType::Int32, DType::Int64});
            const int rank = r.range(0, 4);
            const Shape s = randomShape(r, rank);
            const int n = r.range(1, 4);
            const int axis = r.range(-rank - 1, rank);
            Shape o = s;
            o.insert(o.begin() + (axis < 0 ? axis + rank + 1 : axis), n);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            std::vector<int> ins;
            for (int i = 0; i < n; ++i) ins.push_back(addTensor(g, "a" + std::to_string(i), dt, s, qq));
            const int y = addTensor(g, "y", dt, o, qq);
            OpAttrs at;
            at.axis = axis;
            at.count = n;
            addOp(g, OpType::Pack, ins, {y}, at);
            setIO(g, ins, {y});
            cases.push_back({caseName(OpType::Pack, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void squeeze() {
        std::vector<DiffCase> cases;
        DiffRng r(404);
        for (int k = 0; k < 64; ++k) {
            const DType dt = r.pick(kAllTypes);
            const int rank = r.range(1, 5);
            Shape s = randomShape(r, rank, 5);
            for (auto &d : s)
                if (r.range(0, 2) == 0) d = 1;
            std::vector<int32_t> dims;
            std::vector<bool> drop(size_t(rank), false);
            if (r.coin()) {
                for (int i = 0; i < rank; ++i) drop[size_t(i)] = s[size_t(i)] == 1;
            } else {
                for (int i = 0; i < rank; ++i)
                    if (s[size_t(i)] == 1 && r.coin()) {
                        dims.push_back(r.coin() ? i : i - rank);
                        drop[size_t(i)] = true;
                    }
                if (dims.empty())  // an empty list squeezes every 1
                    for (int i = 0; i < rank; ++i) drop[size_t(i)] = s[size_t(i)] == 1;
            }
            if (k % 16 == 15) {  // a dimension that is not 1: TFLM refuses
                s[0] = 3;
                dims = {0};
                drop.assign(size_t(rank), false);
                drop[0] = true;
            }
            Shape o;
            for (int i = 0; i < rank; ++i)
                if (!drop[size_t(i)]) o.push_back(s[size_t(i)]);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            const int y = addTensor(g, "y", dt, o, qq);
            OpAttrs at;
            at.squeezeDims = dims;
            addOp(g, OpType::Squeeze, {a}, {y}, at);
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::Squeeze, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void split() {
        std::vector<DiffCase> cases;
        DiffRng r(505);
        for (int k = 0; k < 64; ++k) {
            const DType dt = k % 8 == 7 ? r.pick(std::vector<DType>{DType::Int64, DType::Bool})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16,
                                                                    DType::Int32});
            const int rank = r.range(1, 4);
            Shape s = randomShape(r, rank, 5);
            int axis = r.range(-rank, rank - 1);
            const int at = axis < 0 ? axis + rank : axis;
            const int n = r.range(1, 4);
            s[size_t(at)] = n * r.range(1, 3);
            if (k % 16 == 15) axis = rank;  // out of range: TFLM refuses
            Shape o = s;
            o[size_t(at)] /= n;
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int ax = indexTensor(g, "axis", DType::Int32, {axis}, r.coin() ? Shape{} : Shape{1});
            const int a = addTensor(g, "a", dt, s, qq);
            std::vector<int> outs;
            for (int i = 0; i < n; ++i) outs.push_back(addTensor(g, "y" + std::to_string(i), dt, o, qq));
            OpAttrs attrs;
            attrs.numSplits = n;
            addOp(g, OpType::Split, {ax, a}, outs, attrs);
            setIO(g, {a}, outs);
            cases.push_back({caseName(OpType::Split, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void splitV() {
        std::vector<DiffCase> cases;
        DiffRng r(606);
        for (int k = 0; k < 64; ++k) {
            const DType dt = k % 8 == 7 ? r.pick(std::vector<DType>{DType::Int64, DType::Bool})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16,
                                                                    DType::Int32});
            const int rank = r.range(1, 4);
            Shape s = randomShape(r, rank, 5);
            int axis = r.range(-rank, rank - 1);
            const int at = axis < 0 ? axis + rank : axis;
            const int n = r.range(1, 4);
            std::vector<int32_t> sizes;
            for (int i = 0; i < n; ++i) sizes.push_back(r.range(1, 4));
            s[size_t(at)] = 0;
            for (int32_t v : sizes) s[size_t(at)] += v;
            if (k % 16 == 15) axis = -rank - 1;  // out of range: TFLM refuses
            std::vector<int32_t> given = sizes;
            if (n > 1 && r.coin()) given.back() = -1;  // converters may write -1 for the rest
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            const int sz = addTensor(g, "sizes", DType::Int32, {n}, {}, i32(given));
            const int ax = indexTensor(g, "axis", DType::Int32, {axis}, r.coin() ? Shape{} : Shape{1});
            std::vector<int> outs;
            for (int i = 0; i < n; ++i) {
                Shape o = s;
                o[size_t(at)] = sizes[size_t(i)];
                outs.push_back(addTensor(g, "y" + std::to_string(i), dt, o, qq));
            }
            OpAttrs attrs;
            attrs.numSplits = n;
            addOp(g, OpType::SplitV, {a, sz, ax}, outs, attrs);
            setIO(g, {a}, outs);
            cases.push_back({caseName(OpType::SplitV, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void slice() {
        std::vector<DiffCase> cases;
        DiffRng r(707);
        for (int k = 0; k < 72; ++k) {
            const DType dt = k % 12 == 11 ? DType::Int64
                                          : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16,
                                                                      DType::Int32, DType::Bool});
            const int rank = r.range(1, 5);
            const Shape s = randomShape(r, rank, 6);
            std::vector<int64_t> begin, size;
            Shape o;
            for (int i = 0; i < rank; ++i) {
                const int b = r.range(0, s[size_t(i)] - 1);
                const int n = r.range(1, s[size_t(i)] - b);
                begin.push_back(b);
                const bool rest = r.range(0, 3) == 0;
                size.push_back(rest ? -1 : n);
                o.push_back(rest ? s[size_t(i)] - b : n);
            }
            const DType it = r.coin() ? DType::Int32 : DType::Int64;
            // begin and size of different types: TFLM refuses. (TFLM does
            // not check the ranges in every version, so no cases for those.)
            const DType st2 = k % 16 == 15 ? (it == DType::Int32 ? DType::Int64 : DType::Int32) : it;
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            const int bt = indexTensor(g, "begin", it, begin);
            const int st = indexTensor(g, "size", st2, size);
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::Slice, {a, bt, st}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::Slice, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void unpack() {
        std::vector<DiffCase> cases;
        DiffRng r(808);
        for (int k = 0; k < 64; ++k) {
            const DType dt = k % 8 == 7 ? r.pick(std::vector<DType>{DType::Int64, DType::Bool})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16,
                                                                    DType::Int32});
            const int rank = r.range(1, 4);
            const Shape s = randomShape(r, rank, 4);
            const int axis = r.range(-rank, rank - 1);
            const int at = axis < 0 ? axis + rank : axis;
            const int n = s[size_t(at)];
            Shape o = s;
            o.erase(o.begin() + at);
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            std::vector<int> outs;
            for (int i = 0; i < n; ++i) outs.push_back(addTensor(g, "y" + std::to_string(i), dt, o, qq));
            OpAttrs attrs;
            attrs.axis = axis;
            attrs.count = n;
            addOp(g, OpType::Unpack, {a}, outs, attrs);
            setIO(g, {a}, outs);
            cases.push_back({caseName(OpType::Unpack, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void cast() {
        std::vector<DiffCase> cases;
        DiffRng r(909);
        const std::vector<DType> types = {DType::Float32, DType::Int8, DType::Int16, DType::Int32, DType::Int64,
                                          DType::Bool};
        int k = 0;
        for (DType from : types)
            for (DType to : types)
                for (int rep = 0; rep < 2; ++rep, ++k) {
                    const Shape s = randomShape(r, r.range(1, 4), 5);
                    Graph g;
                    g.name = "m";
                    const int a = addTensor(g, "a", from, s);
                    const int y = addTensor(g, "y", to, s);
                    OpAttrs attrs;
                    attrs.outType = to;
                    addOp(g, OpType::Cast, {a}, {y}, attrs);
                    setIO(g, {a}, {y});
                    DiffCase c{std::string("CAST ") + dtypeName(from) + " -> " + dtypeName(to) + " #" +
                                   std::to_string(k),
                               std::move(g)};
                    // Some exact zeros and halves among the floats.
                    c.floatMin = -3.f;
                    c.floatMax = 3.f;
                    cases.push_back(std::move(c));
                }
        check(std::move(cases));
    }

    void fill() {
        std::vector<DiffCase> cases;
        DiffRng r(1010);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 6 == 5 ? r.pick(std::vector<DType>{DType::Int16, DType::Bool, DType::Int64})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int32});
            const Shape o = randomShape(r, r.range(1, 4), 6);
            const std::vector<int64_t> dims(o.begin(), o.end());
            Graph g;
            g.name = "m";
            int d;
            const int mode = k % 10;
            if (mode == 9) {  // dims computed at run time: TFLM refuses
                d = addTensor(g, "dims", DType::Int32, {int32_t(o.size())});
            } else {
                const DType it = mode % 3 == 1 ? DType::Int64 : DType::Int32;
                std::vector<int64_t> v = dims;
                if (k % 16 == 15) v[0] += 1;  // disagrees with the output: TFLM refuses
                d = indexTensor(g, "dims", it, v);
            }
            const int val = addTensor(g, "value", dt, {});
            const int y = addTensor(g, "y", dt, o);
            addOp(g, OpType::Fill, {d, val}, {y});
            if (mode == 9) setIO(g, {d, val}, {y});
            else setIO(g, {val}, {y});
            cases.push_back({caseName(OpType::Fill, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void zerosLike() {
        std::vector<DiffCase> cases;
        DiffRng r(1111);
        for (int k = 0; k < 56; ++k) {
            const DType dt = k % 7 == 6 ? r.pick(std::vector<DType>{DType::Int16, DType::Bool})
                                        : r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int32,
                                                                    DType::Int64});
            const Shape s = randomShape(r, r.range(1, 5), 5);
            Graph g;
            g.name = "m";
            const int a = addTensor(g, "a", dt, s);
            const int y = addTensor(g, "y", dt, s);
            addOp(g, OpType::ZerosLike, {a}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::ZerosLike, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void broadcastTo() {
        std::vector<DiffCase> cases;
        DiffRng r(1212);
        for (int k = 0; k < 72; ++k) {
            const DType dt = r.pick(kAllTypes);
            const int rank = r.range(1, 5);
            const Shape o = randomShape(r, rank, 4);
            Shape s = o;
            for (auto &d : s)
                if (r.range(0, 2) == 0) d = 1;
            while (!s.empty() && r.range(0, 3) == 0) s.erase(s.begin());
            if (k % 16 == 15 && !s.empty() && s.back() != 1) s.back() += 1;  // incompatible: TFLM refuses
            const DType it = r.coin() ? DType::Int32 : DType::Int64;
            Graph g;
            g.name = "m";
            const Quant qq = randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, s, qq);
            const int sh = indexTensor(g, "shape", it, std::vector<int64_t>(o.begin(), o.end()));
            const int y = addTensor(g, "y", dt, o, qq);
            addOp(g, OpType::BroadcastTo, {a, sh}, {y});
            setIO(g, {a}, {y});
            cases.push_back({caseName(OpType::BroadcastTo, dt, k), std::move(g)});
        }
        check(std::move(cases));
    }

    void broadcastArgs() {
        std::vector<DiffCase> cases;
        DiffRng r(1313);
        for (int k = 0; k < 60; ++k) {
            const DType dt = k % 10 == 9 ? DType::Int16 : (r.coin() ? DType::Int32 : DType::Int64);
            const int rank = r.range(1, 5);
            const Shape o = randomShape(r, rank, 7);
            Shape a = o, b = o;
            for (size_t i = 0; i < o.size(); ++i) {
                if (r.range(0, 2) == 0) a[i] = 1;
                else if (r.range(0, 2) == 0) b[i] = 1;
            }
            while (!a.empty() && r.range(0, 3) == 0) a.erase(a.begin());
            while (!b.empty() && r.range(0, 3) == 0) b.erase(b.begin());
            if (a.empty()) a = {1};
            if (b.empty()) b = {1};
            Shape want = Shape(std::max(a.size(), b.size()), 1);
            for (size_t i = 0; i < want.size(); ++i) {
                const int32_t x = i < a.size() ? a[a.size() - 1 - i] : 1, y = i < b.size() ? b[b.size() - 1 - i] : 1;
                want[want.size() - 1 - i] = x == 1 ? y : x;
            }
            auto data = [&](const Shape &s) {
                if (dt == DType::Int64) return i64(std::vector<int64_t>(s.begin(), s.end()));
                if (dt == DType::Int16) return bytesOf(std::vector<int16_t>(s.begin(), s.end()));
                return i32(std::vector<int32_t>(s.begin(), s.end()));
            };
            Graph g;
            g.name = "m";
            const bool constant = k % 4 == 3;
            const int ta = addTensor(g, "s1", dt, {int32_t(a.size())}, {}, constant ? data(a) : TensorData{});
            const int tb = addTensor(g, "s2", dt, {int32_t(b.size())});
            const int y = addTensor(g, "y", dt, {int32_t(want.size())});
            addOp(g, OpType::BroadcastArgs, {ta, tb}, {y});
            if (constant) setIO(g, {tb}, {y});
            else setIO(g, {ta, tb}, {y});
            DiffCase c{caseName(OpType::BroadcastArgs, dt, k), std::move(g)};
            if (!constant) c.inputs.push_back(data(a));
            c.inputs.push_back(data(b));
            cases.push_back(std::move(c));
        }
        check(std::move(cases));
    }

    // SHAPE -> STRIDED_SLICE -> PACK -> RESHAPE folds to one RESHAPE.
    void foldShapeChain() {
        std::vector<DiffCase> cases;
        DiffRng r(1414);
        for (int k = 0; k < 12; ++k) {
            const DType dt = r.pick(std::vector<DType>{DType::Float32, DType::Int8, DType::Int16});
            Graph g = kerasReshape(r, dt, k);
            Graph passed = g;
            Diagnostics d;
            QVERIFY2(runPasses(passed, d), d.format().c_str());
            QCOMPARE(passed.ops.size(), size_t(1));
            QVERIFY(passed.ops[0].type == OpType::Reshape);
            QVERIFY(passed.tensors[size_t(passed.ops[0].inputs[1])].isConst);
            cases.push_back({"keras reshape " + std::string(dtypeName(dt)) + " #" + std::to_string(k), std::move(g)});
        }
        check(std::move(cases));
    }

    // SHAPE writing a graph output stays an op; a SHAPE nobody reads goes.
    void foldShapeKeepsOutputs() {
        Graph g;
        g.name = "m";
        const int a = addTensor(g, "a", DType::Float32, {2, 3});
        const int s1 = addTensor(g, "s1", DType::Int32, {2});
        const int s2 = addTensor(g, "s2", DType::Int32, {2});
        addOp(g, OpType::Shape, {a}, {s1});
        addOp(g, OpType::Shape, {a}, {s2});
        setIO(g, {a}, {s1});
        Diagnostics d;
        QVERIFY2(runPasses(g, d), d.format().c_str());
        QCOMPARE(g.ops.size(), size_t(1));
        QVERIFY(g.ops[0].type == OpType::Shape);
        QCOMPARE(g.ops[0].outputs[0], s1);
    }
};

QTEST_GUILESS_MAIN(TstDiffShape1)
#include "tst_diff_shape1.moc"
