// Differential tests against TFLite Micro (tflm_ref) for IF and WHILE:
// multi-subgraph models written by Ember's builder (Graph::subgraphs), run by
// TFLM, Ember's reference executor and the generated C, compared byte for
// byte. IF: int8/float32/int32 branches of ADD, SUB, MUL, FULLY_CONNECTED
// (one or two ops, or a pass-through), conditions from a bool input or from
// GREATER. WHILE: counter loops (LESS on a loop-carried int32) running 0, 1
// or many times around ADD/SUB/MUL/FULLY_CONNECTED bodies. Plus the errors
// for damaged or mismatched control flow.
#include <QtTest>

#include <filesystem>
#include <unistd.h>

#include "DiffTflm.h"
#include "core/builder/TfliteWriter.h"

using namespace ember;
using namespace ember::test;

namespace {

Quant randomQuant(DiffRng &r, DType dt) {
    if (dt != DType::Int8) return {};
    return q(std::ldexp(r.uniform(0.5f, 1.f), r.range(-7, -1)), r.range(-20, 20));
}

// A new subgraph (model index = position) and an op in it.
int addSubgraph(Graph &g, const std::string &name) {
    if (g.subgraphs.empty()) g.subgraphs.resize(1);
    Subgraph s;
    s.name = name;
    s.present = true;
    g.subgraphs.push_back(std::move(s));
    return int(g.subgraphs.size() - 1);
}

void addSubOp(Graph &g, int s, OpType type, std::vector<int> in, std::vector<int> out, OpAttrs at = {}) {
    Op op;
    op.type = type;
    op.typeName = opTypeName(type);
    op.index = int(g.subgraphs[size_t(s)].ops.size());
    op.inputs = std::move(in);
    op.outputs = std::move(out);
    op.attrs = std::move(at);
    g.subgraphs[size_t(s)].ops.push_back(std::move(op));
}

int like(Graph &g, const std::string &name, const Tensor &t) { return addTensor(g, name, t.dtype, t.shape, t.quant); }

// A constant like `t` (random values; float in [-1, 1], int8 over the range, int32 small).
int constLike(Graph &g, DiffRng &r, const std::string &name, const Tensor &t) {
    std::vector<uint8_t> data(t.bytes());
    for (int64_t i = 0; i < t.elements(); ++i) {
        if (t.dtype == DType::Float32) {
            const float v = r.uniform(-1.f, 1.f);
            std::memcpy(&data[size_t(i) * 4], &v, 4);
        } else if (t.dtype == DType::Int32) {
            const int32_t v = r.range(-50, 50);
            std::memcpy(&data[size_t(i) * 4], &v, 4);
        } else {
            data[size_t(i)] = uint8_t(r.range(-128, 127));
        }
    }
    return addTensor(g, name, t.dtype, t.shape, t.quant, data);
}

// One op computing `out` from a and b inside subgraph s: ADD/SUB/MUL, or
// FULLY_CONNECTED of a with constant weights (b unused). Its name.
std::string branchOp(Graph &g, DiffRng &r, int s, int kind, int a, int b, int out) {
    const Tensor ta = g.tensors[size_t(a)];
    OpAttrs at;
    at.activation = r.range(0, 3) == 0 ? Activation::Relu : Activation::None;
    if (kind < 3) {
        const OpType t = kind == 0 ? OpType::Add : kind == 1 ? OpType::Sub : OpType::Mul;
        addSubOp(g, s, t, {a, b}, {out}, at);
        return opTypeName(t);
    }
    const int n = ta.shape.back();
    Quant wq = ta.dtype == DType::Int8 ? q(std::ldexp(r.uniform(0.5f, 1.f), -7), 0) : Quant{};
    Tensor wt;
    wt.dtype = ta.dtype;
    wt.shape = {n, n};
    wt.quant = wq;
    const int w = constLike(g, r, "w", wt);
    int bias = -1;
    if (r.coin()) {
        Tensor bt;
        bt.dtype = ta.dtype == DType::Int8 ? DType::Int32 : DType::Float32;
        bt.shape = {n};
        if (ta.dtype == DType::Int8) bt.quant = q(ta.quant.sc() * wq.sc(), 0);
        bias = constLike(g, r, "bias", bt);
    }
    addSubOp(g, s, OpType::FullyConnected, {a, w, bias}, {out}, at);
    return "FULLY_CONNECTED";
}

std::vector<std::string> report(std::vector<DiffCase> cases, int minCases) {
    std::string summary;
    const size_t n = cases.size();
    auto failures = runDiff(std::move(cases), {}, &summary);
    qInfo("%s", summary.c_str());
    if (int(n) < minCases) failures.push_back("only " + std::to_string(n) + " cases");
    return failures;
}

// Imports a written model and compiles it; the first error ("" = compiled).
std::string compileError(const Graph &g, OperatorsMode ops = OperatorsMode::Unpacked) {
    const std::vector<uint8_t> bytes = writeTflite(g);
    const std::string path =
        (std::filesystem::temp_directory_path() / ("ember_control_" + std::to_string(::getpid()) + ".tflite")).string();
    {
        FILE *f = std::fopen(path.c_str(), "wb");
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    }
    CompileOptions opts;
    opts.operators = ops;
    auto m = loadModel(path, opts);
    std::remove(path.c_str());
    if (!m) return m.diagnostics().format();
    auto a = compile(m.value(), opts);
    if (!a) return a.diagnostics().format();
    // EMBER_CONTROL_DUMP=DIR keeps the package (to try other C compilers on it).
    if (const char *dump = std::getenv("EMBER_CONTROL_DUMP")) {
        Diagnostics d;
        a.value().writeTo(dump, d);
    }
    return "";
}

// IF(cond, a, b) → y with ADD in both branches: the base of the error cases.
Graph simpleIf() {
    Graph g;
    g.name = "m";
    const int c = addTensor(g, "c", DType::Bool, {1});
    const int a = addTensor(g, "a", DType::Float32, {4});
    const int b = addTensor(g, "b", DType::Float32, {4});
    const int y = addTensor(g, "y", DType::Float32, {4});
    OpAttrs at;
    at.thenSubgraph = 1;
    at.elseSubgraph = 2;
    addOp(g, OpType::If, {c, a, b}, {y}, at);
    setIO(g, {c, a, b}, {y});
    for (const char *role : {"then", "else"}) {
        const int s = addSubgraph(g, role);
        const int sa = addTensor(g, "sa", DType::Float32, {4}), sb = addTensor(g, "sb", DType::Float32, {4});
        const int so = addTensor(g, "so", DType::Float32, {4});
        addSubOp(g, s, std::string(role) == "then" ? OpType::Add : OpType::Mul, {sa, sb}, {so});
        g.subgraphs[size_t(s)].inputs = {sa, sb};
        g.subgraphs[size_t(s)].outputs = {so};
    }
    return g;
}

}  // namespace

class TstDiffControl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (tflmRefPath().empty()) QSKIP("tflm_ref not found");
    }

    void ifOp() {
        std::vector<DiffCase> cases;
        DiffRng r(91);
        const std::vector<DType> dts = {DType::Int8, DType::Float32, DType::Int32};
        for (int k = 0; k < 54; ++k) {
            const DType dt = dts[size_t(k) % 3];
            // FULLY_CONNECTED (not for int32 in TFLM) wants [1, n]: the branches share the shape.
            const int maxKind = dt == DType::Int32 ? 2 : 3;
            const int kindThen = r.range(0, maxKind), kindElse = r.range(-1, maxKind);  // -1: pass-through
            const bool fc = kindThen == 3 || kindElse == 3;
            Shape shape;
            if (fc) shape = {1, r.range(1, 9)};
            else
                for (int d = r.range(1, 3); d > 0; --d) shape.push_back(r.range(1, 5));
            Graph g;
            g.name = "m";
            const Quant qa = randomQuant(r, dt), qy = r.coin() ? qa : randomQuant(r, dt);
            const int a = addTensor(g, "a", dt, shape, qa);
            const int b = addTensor(g, "b", dt, shape, qa);
            const int y = addTensor(g, "y", dt, shape, qy);
            std::vector<int> inputs;
            int c;
            const bool computed = k % 4 >= 2;  // else: a bool input (seeded 0 or 1)
            if (computed) {
                // cond = s > 0 over a scalar input: true or false by the seed.
                const int s = addTensor(g, "s", DType::Float32, {1});
                const int zero = addTensor(g, "zero", DType::Float32, {1}, {}, bytesOf(std::vector<float>{0.f}));
                c = addTensor(g, "cond", DType::Bool, {1});
                addOp(g, OpType::Greater, {s, zero}, {c});
                inputs = {s, a, b};
            } else {
                c = addTensor(g, "cond", DType::Bool, r.coin() ? Shape{1} : Shape{});
                inputs = {c, a, b};
            }
            OpAttrs at;
            at.thenSubgraph = 1;
            at.elseSubgraph = 2;
            addOp(g, OpType::If, {c, a, b}, {y}, at);
            setIO(g, inputs, {y});
            std::string what;
            for (int role = 0; role < 2; ++role) {
                const int s = addSubgraph(g, role == 0 ? "then" : "else");
                const int sa = like(g, "sa", g.tensors[size_t(a)]), sb = like(g, "sb", g.tensors[size_t(b)]);
                g.subgraphs[size_t(s)].inputs = {sa, sb};
                const int kind = role == 0 ? kindThen : kindElse;
                if (kind < 0) {  // returns its input as it is
                    g.subgraphs[size_t(s)].outputs = {sa};
                    what += " pass";
                    continue;
                }
                const int so = like(g, "so", g.tensors[size_t(y)]);
                if (r.range(0, 3) == 0 && kind < 3) {  // two ops: op then ADD of b
                    const int mid = like(g, "mid", g.tensors[size_t(y)]);
                    what += " " + branchOp(g, r, s, kind, sa, sb, mid) + "+ADD";
                    g.tensors[size_t(mid)].quant = g.tensors[size_t(y)].quant;
                    addSubOp(g, s, OpType::Add, {mid, sb}, {so});
                } else {
                    what += " " + branchOp(g, r, s, kind, sa, sb, so);
                }
                g.subgraphs[size_t(s)].outputs = {so};
            }
            DiffCase dc{std::string("IF ") + dtypeName(dt) + what + (computed ? " (GREATER)" : "") + " #" +
                            std::to_string(k),
                        std::move(g)};
            dc.floatMin = -2.f;
            dc.floatMax = 2.f;
            cases.push_back(std::move(dc));
        }
        const auto failures = report(std::move(cases), 50);
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }

    void whileOp() {
        std::vector<DiffCase> cases;
        DiffRng r(93);
        const std::vector<DType> dts = {DType::Int8, DType::Float32, DType::Int32};
        const std::vector<int> trips = {0, 1, 1, 2, 3, 5, 8};
        for (int k = 0; k < 56; ++k) {
            const DType dt = dts[size_t(k) % 3];
            // int32 bodies avoid MUL (repeated products overflow, undefined in C).
            const int kind = dt == DType::Int32 ? r.range(0, 1) : r.range(0, 3);
            Shape shape;
            if (kind == 3) shape = {1, r.range(1, 8)};
            else
                for (int d = r.range(1, 3); d > 0; --d) shape.push_back(r.range(1, 4));
            const int n = trips[size_t(k) % trips.size()];
            const bool limitCarried = k % 2 == 1;  // the limit as a loop-carried input, else a constant in cond
            Graph g;
            g.name = "m";
            const Quant qv = randomQuant(r, dt);
            const int i0 = addTensor(g, "i", DType::Int32, {1});
            const int v0 = addTensor(g, "v", dt, shape, qv);
            const int lim = limitCarried ? addTensor(g, "limit", DType::Int32, {1}) : -1;
            const int i1 = addTensor(g, "i_out", DType::Int32, {1});
            const int v1 = addTensor(g, "v_out", dt, shape, qv);
            const int lim1 = limitCarried ? addTensor(g, "limit_out", DType::Int32, {1}) : -1;
            std::vector<int> ins = {i0, v0}, outs = {i1, v1};
            if (limitCarried) ins.push_back(lim), outs.push_back(lim1);
            OpAttrs at;
            at.condSubgraph = 1;
            at.bodySubgraph = 2;
            addOp(g, OpType::While, ins, outs, at);
            setIO(g, ins, {v1, i1});
            // cond: i < limit
            const int cs = addSubgraph(g, "cond");
            {
                const int ci = addTensor(g, "ci", DType::Int32, {1}), cv = like(g, "cv", g.tensors[size_t(v0)]);
                const int cl = limitCarried ? addTensor(g, "cl", DType::Int32, {1})
                                            : addTensor(g, "cl", DType::Int32, {1}, {}, bytesOf(std::vector<int32_t>{n}));
                const int cb = addTensor(g, "keep_going", DType::Bool, {1});
                addSubOp(g, cs, OpType::Less, {ci, cl}, {cb});
                g.subgraphs[size_t(cs)].inputs = limitCarried ? std::vector<int>{ci, cv, cl} : std::vector<int>{ci, cv};
                g.subgraphs[size_t(cs)].outputs = {cb};
            }
            // body: i + 1, v op c
            const int bs = addSubgraph(g, "body");
            std::string what;
            {
                const int bi = addTensor(g, "bi", DType::Int32, {1}), bv = like(g, "bv", g.tensors[size_t(v0)]);
                const int one = addTensor(g, "one", DType::Int32, {1}, {}, bytesOf(std::vector<int32_t>{1}));
                const int bi1 = addTensor(g, "bi1", DType::Int32, {1}), bv1 = like(g, "bv1", g.tensors[size_t(v0)]);
                addSubOp(g, bs, OpType::Add, {bi, one}, {bi1});
                Tensor ct = g.tensors[size_t(v0)];
                if (dt == DType::Int8) ct.quant = randomQuant(r, dt);
                const int c = constLike(g, r, "c", ct);
                what = branchOp(g, r, bs, kind, bv, c, bv1);
                std::vector<int> bin = {bi, bv}, bout = {bi1, bv1};
                if (limitCarried) {
                    const int bl = addTensor(g, "bl", DType::Int32, {1});
                    bin.push_back(bl), bout.push_back(bl);  // passed through unchanged
                }
                g.subgraphs[size_t(bs)].inputs = bin;
                g.subgraphs[size_t(bs)].outputs = bout;
            }
            DiffCase dc{std::string("WHILE ") + dtypeName(dt) + " " + what + " x" + std::to_string(n) +
                            (limitCarried ? " (carried limit)" : "") + " #" + std::to_string(k),
                        std::move(g)};
            // Inputs: counter 0 (or a start past the limit), v random, limit n.
            const Graph &cg = dc.graph;
            const int32_t start = (k % 7 == 0 && k % 2 == 1) ? 3 : 0;
            dc.inputs.push_back(bytesOf(std::vector<int32_t>{start}));
            dc.inputs.push_back(randomTensorData(cg.tensors[size_t(v0)], uint64_t(k) * 7 + 1, -1.5f, 1.5f));
            if (limitCarried) dc.inputs.push_back(bytesOf(std::vector<int32_t>{n}));
            cases.push_back(std::move(dc));
        }
        const auto failures = report(std::move(cases), 50);
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY2(failures.empty(), failures.empty() ? "" : failures.front().c_str());
    }

    void errors() {
        QCOMPARE(compileError(simpleIf()), std::string());
        {
            Graph g = simpleIf();
            g.ops[0].attrs.elseSubgraph = 7;  // no such subgraph
            const std::string e = compileError(g);
            QVERIFY2(e.find("else subgraph index 7") != std::string::npos, e.c_str());
        }
        {
            Graph g = simpleIf();
            g.ops[0].attrs.thenSubgraph = 0;  // the main graph
            const std::string e = compileError(g);
            QVERIFY2(e.find("then subgraph index 0 is the main graph") != std::string::npos, e.c_str());
        }
        {
            Graph g = simpleIf();  // the else branch returns 3 floats, the IF 4
            g.tensors[size_t(g.subgraphs[2].outputs[0])].shape = {3};
            g.tensors[size_t(g.subgraphs[2].inputs[0])].shape = {3};
            g.tensors[size_t(g.subgraphs[2].inputs[1])].shape = {3};
            const std::string e = compileError(g);
            QVERIFY2(e.find("the else subgraph 2's input 0 is float32 [3]") != std::string::npos, e.c_str());
        }
        {
            Graph g = simpleIf();  // the then branch takes one input
            g.subgraphs[1].inputs.pop_back();
            const std::string e = compileError(g);
            QVERIFY2(e.find("both branches must have the IF's signature") != std::string::npos, e.c_str());
        }
        {
            Graph g = simpleIf();  // a float condition
            g.tensors[0].dtype = DType::Float32;
            const std::string e = compileError(g);
            QVERIFY2(e.find("needs a bool tensor of one element") != std::string::npos, e.c_str());
        }
        {
            Graph g = simpleIf();  // a branch calling itself
            OpAttrs at;
            at.thenSubgraph = 1;
            at.elseSubgraph = 2;
            Subgraph &s = g.subgraphs[1];
            const int c = addTensor(g, "c2", DType::Bool, {1});
            s.inputs.push_back(c);
            s.ops.clear();
            Op op;
            op.type = OpType::If;
            op.typeName = "IF";
            op.inputs = {c, s.inputs[0], s.inputs[1]};
            op.outputs = {s.outputs[0]};
            op.attrs = at;
            g.subgraphs[1].ops.push_back(op);
            const std::string e = compileError(g);
            QVERIFY2(e.find("recursive control flow is not supported") != std::string::npos, e.c_str());
        }
        {
            const std::string e = compileError(simpleIf(), OperatorsMode::Packed);
            QVERIFY2(e.find("control flow cannot be combined with --operators packed") != std::string::npos,
                     e.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TstDiffControl)
#include "tst_diff_control.moc"
