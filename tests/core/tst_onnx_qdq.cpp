// QDQ-quantized ONNX models (DequantizeLinear → op → QuantizeLinear, as
// PyTorch's and onnxruntime's quantization tools export them) lowered onto
// Ember's int8 kernels (core/import/OnnxQdq.cpp).
//
// Each case builds a model with onnx::ModelProto: a float input quantized
// (int8 or uint8), one or more quantized layers (Conv 3x3/1x1/depthwise,
// Gemm, MatMul, Add, Mul, Relu, MaxPool, AveragePool, GlobalAveragePool,
// Concat, Flatten/Reshape, Transpose; weights per tensor or per output
// channel), and a final DequantizeLinear. It is imported twice: with the QDQ
// lowering (the layers must run on int8 kernels: no float CONV_2D etc. left)
// and without it (every node in float, ONNX's reference arithmetic). The two
// reference-executor results must agree within one quantization step of the
// output (TFLite's fixed-point requantization against ONNX's real-number one;
// docs/ONNX.md), chains of several layers included; cases the lowering must
// leave alone must agree exactly. The generated C of every lowered model (one batched build)
// must equal the reference executor byte for byte.
#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>

#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include "DiffTflm.h"
#include "core/import/OnnxImporter.h"
#include "core/validate/HostRunner.h"

using namespace ember;
using namespace ember::test;
namespace fs = std::filesystem;

namespace {

struct Qp {
    float s = 1.f;
    int zp = 0;
    bool u8 = false;
};

// A float value of the model being built: its name, NCHW shape, the
// quantization it went through (its real range ±range).
struct Val {
    std::string name;
    std::vector<int64_t> shape;
    Qp q;
    float range = 1.f;
};

class Builder {
public:
    onnx::ModelProto m;
    onnx::GraphProto *g;
    DiffRng rng;
    int id = 0;

    explicit Builder(uint64_t seed) : rng(seed) {
        m.set_ir_version(7);
        auto *o = m.add_opset_import();
        o->set_domain("");
        o->set_version(13);
        g = m.mutable_graph();
        g->set_name("qdq");
    }
    std::string fresh(const char *p) { return p + std::to_string(id++); }
    std::string init(int type, const std::vector<int64_t> &shape, const void *data, size_t bytes) {
        const std::string n = fresh("c");
        auto *t = g->add_initializer();
        t->set_name(n);
        t->set_data_type(type);
        for (int64_t d : shape) t->add_dims(d);
        t->set_raw_data(std::string(static_cast<const char *>(data), bytes));
        return n;
    }
    std::string f32(const std::vector<int64_t> &shape, const std::vector<float> &v) {
        return init(onnx::TensorProto::FLOAT, shape, v.data(), v.size() * 4);
    }
    std::string q8(const std::vector<int64_t> &shape, const std::vector<int> &v, bool u8) {
        std::vector<uint8_t> b;
        for (int x : v) b.push_back(uint8_t(x));
        return init(u8 ? onnx::TensorProto::UINT8 : onnx::TensorProto::INT8, shape, b.data(), b.size());
    }
    std::string i32(const std::vector<int64_t> &shape, const std::vector<int32_t> &v) {
        return init(onnx::TensorProto::INT32, shape, v.data(), v.size() * 4);
    }
    std::string i64(const std::vector<int64_t> &v) {
        return init(onnx::TensorProto::INT64, {int64_t(v.size())}, v.data(), v.size() * 8);
    }
    onnx::NodeProto *node(const char *op, const std::vector<std::string> &ins, std::string *out) {
        auto *n = g->add_node();
        n->set_op_type(op);
        n->set_name(fresh(op));
        for (const auto &i : ins) n->add_input(i);
        *out = fresh("v");
        n->add_output(*out);
        return n;
    }
    static void attr(onnx::NodeProto *n, const char *name, int64_t v) {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void attrs(onnx::NodeProto *n, const char *name, const std::vector<int64_t> &v) {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (int64_t x : v) a->add_ints(x);
    }
    Val input(const std::vector<int64_t> &shape, float range) {
        auto *vi = g->add_input();
        vi->set_name(fresh("x"));
        auto *tt = vi->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(onnx::TensorProto::FLOAT);
        for (int64_t d : shape) tt->mutable_shape()->add_dim()->set_dim_value(d);
        return {vi->name(), shape, {}, range};
    }
    Qp params(float range, bool u8) {
        Qp q;
        q.u8 = u8;
        q.s = 2.f * range / 255.f;
        q.zp = (u8 ? 128 : 0) + rng.range(-12, 12);
        return q;
    }
    // DQ(Q(x)) with q.
    Val qdq(const Val &x, const Qp &q) {
        std::string qo, o;
        node("QuantizeLinear", {x.name, f32({}, {q.s}), q8({}, {q.zp}, q.u8)}, &qo);
        node("DequantizeLinear", {qo, f32({}, {q.s}), q8({}, {q.zp}, q.u8)}, &o);
        Val v = x;
        v.name = o;
        v.q = q;
        return v;
    }
    // Constant weights DQ'ed per tensor or along `axis` (n channels);
    // returns the DQ output and the scales.
    std::string weights(const std::vector<int64_t> &shape, int axis, bool perCh, float wr, std::vector<float> *sc,
                        int zp = 0) {
        int64_t total = 1;
        for (int64_t d : shape) total *= d;
        std::vector<int> w(static_cast<size_t>(total));
        for (int &x : w) x = rng.range(-127, 127);
        const int64_t n = shape[size_t(axis)];
        sc->clear();
        for (int64_t i = 0; i < (perCh ? n : 1); ++i) sc->push_back(wr * rng.uniform(0.5f, 1.5f) / 127.f);
        std::string o;
        const std::vector<int64_t> ps = perCh ? std::vector<int64_t>{n} : std::vector<int64_t>{};
        auto *d = node("DequantizeLinear",
                       {q8(shape, w, false), f32(ps, *sc), q8(ps, std::vector<int>(size_t(perCh ? n : 1), zp), false)},
                       &o);
        if (perCh) attr(d, "axis", axis);
        return o;
    }
    std::string bias(int64_t n, float xs, const std::vector<float> &ws, float range) {
        std::vector<int32_t> b;
        std::vector<float> bs;
        for (int64_t i = 0; i < n; ++i) {
            const float s = xs * ws[ws.size() == 1 ? 0 : size_t(i)];
            bs.push_back(s);
            b.push_back(int32_t(std::lround(rng.uniform(-0.3f, 0.3f) * range / s)));
        }
        std::string o;
        auto *d = node("DequantizeLinear", {i32({n}, b), f32({n}, bs), i32({n}, std::vector<int32_t>(size_t(n), 0))}, &o);
        attr(d, "axis", 0);
        return o;
    }
    // The final DQ output becomes the graph's output (type from onnx's inference).
    std::string finish(const Val &y) {
        onnx::ModelProto copy = m;
        onnx::shape_inference::InferShapes(copy);
        auto *o = g->add_output();
        o->set_name(y.name);
        for (const auto &vi : copy.graph().value_info())
            if (vi.name() == y.name) *o->mutable_type() = vi.type();
        std::string bytes;
        m.SerializeToString(&bytes);
        return bytes;
    }
};

// --- layers: each takes a DQ'ed value and returns the next DQ'ed value ---

Val conv(Builder &b, const Val &x, int M, int k, int group, int stride, int pad, bool perCh, const char *act,
         int wzp = 0) {
    const int64_t C = x.shape[1];
    std::vector<float> ws;
    const float wr = 1.5f / std::sqrt(float(C / group * k * k));
    const std::string w = b.weights({M, C / group, k, k}, 0, perCh, wr, &ws, wzp);
    const std::string bi = b.bias(M, x.q.s, ws, x.range);
    std::string o;
    auto *n = b.node("Conv", {x.name, w, bi}, &o);
    Builder::attrs(n, "kernel_shape", {k, k});
    Builder::attrs(n, "strides", {stride, stride});
    Builder::attrs(n, "pads", {pad, pad, pad, pad});
    if (group > 1) Builder::attr(n, "group", group);
    if (std::string(act) == "relu") b.node("Relu", {o}, &o);
    if (std::string(act) == "relu6") b.node("Clip", {o, b.f32({}, {0.f}), b.f32({}, {6.f})}, &o);
    Val y{o, {x.shape[0], M, (x.shape[2] + 2 * pad - k) / stride + 1, (x.shape[3] + 2 * pad - k) / stride + 1}, {}, x.range};
    return b.qdq(y, b.params(y.range, x.q.u8));
}

Val gemm(Builder &b, const Val &x, int N, bool transB, bool perCh) {
    const int64_t K = x.shape.back();
    std::vector<float> ws;
    const std::string w = b.weights(transB ? std::vector<int64_t>{N, K} : std::vector<int64_t>{K, N}, transB ? 0 : 1,
                                    perCh, 1.5f / std::sqrt(float(K)), &ws);
    std::string o;
    auto *n = b.node("Gemm", {x.name, w, b.bias(N, x.q.s, ws, x.range)}, &o);
    if (transB) Builder::attr(n, "transB", 1);
    Val y{o, {x.shape[0], N}, {}, x.range};
    return b.qdq(y, b.params(y.range, x.q.u8));
}

Val matmul(Builder &b, const Val &x, int N, bool perCh) {
    const int64_t K = x.shape.back();
    std::vector<float> ws;
    const std::string w = b.weights({K, N}, 1, perCh, 1.5f / std::sqrt(float(K)), &ws);
    std::string o;
    b.node("MatMul", {x.name, w}, &o);
    Val y{o, x.shape, {}, x.range};
    y.shape.back() = N;
    return b.qdq(y, b.params(y.range, x.q.u8));
}

// Add/Mul/Concat of two values; `sameQ`: the output keeps a's quantization.
Val binary(Builder &b, const char *op, const Val &a, const Val &c, bool sameQ = false, int axis = 1) {
    std::string o;
    auto *n = b.node(op, {a.name, c.name}, &o);
    Val y = a;
    y.name = o;
    if (std::string(op) == "Concat") {
        Builder::attr(n, "axis", axis);
        y.shape[size_t(axis)] += c.shape[size_t(axis)];
    }
    if (std::string(op) == "Add") y.range = a.range + c.range;
    if (std::string(op) == "Mul") y.range = a.range * c.range;
    return b.qdq(y, sameQ ? a.q : b.params(y.range, a.q.u8));
}

Val pool(Builder &b, const Val &x, const char *op, int k, int stride, int pad) {
    std::string o;
    auto *n = b.node(op, {x.name}, &o);
    Val y = x;
    y.name = o;
    if (std::string(op) == "GlobalAveragePool") {
        y.shape[2] = y.shape[3] = 1;
        return b.qdq(y, b.params(y.range * 0.5f, x.q.u8));
    }
    Builder::attrs(n, "kernel_shape", {k, k});
    Builder::attrs(n, "strides", {stride, stride});
    if (pad) Builder::attrs(n, "pads", {pad, pad, pad, pad});
    y.shape[2] = (x.shape[2] + 2 * pad - k) / stride + 1;
    y.shape[3] = (x.shape[3] + 2 * pad - k) / stride + 1;
    return b.qdq(y, x.q);  // TFLite's int8 pooling keeps the quantization
}

Val unary(Builder &b, const Val &x, const char *op, bool sameQ) {
    std::string o;
    b.node(op, {x.name}, &o);
    Val y = x;
    y.name = o;
    return b.qdq(y, sameQ ? x.q : b.params(y.range, x.q.u8));
}

Val flatten(Builder &b, const Val &x) {
    std::string o;
    b.node("Flatten", {x.name}, &o);
    Val y = x;
    y.name = o;
    y.shape = {x.shape[0], x.shape[1] * x.shape[2] * x.shape[3]};
    return b.qdq(y, x.q);
}

Val reshape(Builder &b, const Val &x, const std::vector<int64_t> &shape) {
    std::string o;
    b.node("Reshape", {x.name, b.i64(shape)}, &o);
    Val y = x;
    y.name = o;
    y.shape = shape;
    return b.qdq(y, x.q);
}

Val transpose(Builder &b, const Val &x, const std::vector<int64_t> &perm) {
    std::string o;
    auto *n = b.node("Transpose", {x.name}, &o);
    Builder::attrs(n, "perm", perm);
    Val y = x;
    y.name = o;
    for (size_t i = 0; i < perm.size(); ++i) y.shape[i] = x.shape[size_t(perm[i])];
    return b.qdq(y, x.q);
}

struct Case {
    std::string name;
    std::string model;          // serialized ModelProto
    std::vector<OpType> int8;   // ops that must run on int8 (none float)
    float outScale = 1.f;
    bool lowered = true;        // false: the lowering must leave it to float (exact)
};

using Body = std::function<Val(Builder &, const Val &x, bool u8, bool perCh)>;

}  // namespace

class TstOnnxQdq : public QObject {
    Q_OBJECT

    std::vector<Case> cases() {
        std::vector<Case> v;
        // Every body for int8 and uint8 activations; those with weights
        // (`weighted`) also per tensor and per output channel.
        auto add = [&](const std::string &name, std::vector<int64_t> shape, std::vector<OpType> int8,
                       const Body &body, bool lowered = true) {
            const bool weighted = std::count(int8.begin(), int8.end(), OpType::Conv2D) +
                                      std::count(int8.begin(), int8.end(), OpType::DepthwiseConv2D) +
                                      std::count(int8.begin(), int8.end(), OpType::FullyConnected) > 0 ||
                                  name.find("conv") != std::string::npos;
            for (const bool u8 : {false, true})
                for (const bool perCh : {false, true}) {
                    if (perCh && !weighted) continue;
                    Builder b(uint64_t(v.size()) * 7919 + 13);
                    const Val x = b.qdq(b.input(shape, 2.f), b.params(2.f, u8));
                    const Val y = body(b, x, u8, perCh);
                    Case c;
                    c.name = name + (u8 ? " uint8" : " int8") + (weighted ? (perCh ? " per-channel" : " per-tensor") : "");
                    c.int8 = int8;
                    c.outScale = y.q.s;
                    c.lowered = lowered;
                    c.model = b.finish(y);
                    v.push_back(std::move(c));
                }
        };
        using O = OpType;
        add("conv 3x3", {1, 3, 8, 8}, {O::Conv2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 8, 3, 1, 1, 1, pc, "");
        });
        add("conv 1x1 relu", {1, 6, 5, 7}, {O::Conv2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 4, 1, 1, 1, 0, pc, "relu");
        });
        add("conv 3x3 stride 2 relu6", {1, 4, 9, 9}, {O::Conv2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 5, 3, 1, 2, 0, pc, "relu6");
        });
        add("conv 5x5 pads 1 (explicit pad)", {1, 2, 9, 8}, {O::Conv2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 3, 5, 1, 1, 1, pc, "");
        });
        add("depthwise 3x3", {1, 8, 7, 7}, {O::DepthwiseConv2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 8, 3, 8, 1, 1, pc, "relu");
        });
        add("gemm transB", {3, 16}, {O::FullyConnected}, [&](Builder &b, const Val &x, bool, bool pc) {
            return gemm(b, x, 10, true, pc);
        });
        add("gemm", {2, 12}, {O::FullyConnected}, [&](Builder &b, const Val &x, bool, bool pc) {
            return gemm(b, x, 7, false, pc);
        });
        add("matmul 3-D", {1, 4, 12}, {O::FullyConnected}, [&](Builder &b, const Val &x, bool, bool pc) {
            return matmul(b, x, 6, pc);
        });
        add("add", {1, 4, 5, 5}, {O::Add}, [&](Builder &b, const Val &x, bool u8, bool) {
            const Val &a = x;
            const Val c = b.qdq(b.input({1, 4, 5, 5}, 1.f), b.params(1.f, u8));
            return binary(b, "Add", a, c);
        });
        add("mul", {1, 3, 4, 6}, {O::Mul}, [&](Builder &b, const Val &x, bool u8, bool) {
            const Val &a = x;
            const Val c = b.qdq(b.input({1, 3, 4, 6}, 1.f), b.params(1.f, u8));
            return binary(b, "Mul", a, c);
        });
        add("relu", {1, 4, 3, 5}, {O::Relu}, [&](Builder &b, const Val &x, bool, bool) { return unary(b, x, "Relu", false); });
        add("maxpool 2x2", {1, 4, 8, 6}, {O::MaxPool2D}, [&](Builder &b, const Val &x, bool, bool) {
            return pool(b, x, "MaxPool", 2, 2, 0);
        });
        add("maxpool 3x3 same", {1, 3, 7, 7}, {O::MaxPool2D}, [&](Builder &b, const Val &x, bool, bool) {
            return pool(b, x, "MaxPool", 3, 1, 1);
        });
        add("avgpool 2x2", {1, 5, 6, 6}, {O::AveragePool2D}, [&](Builder &b, const Val &x, bool, bool) {
            return pool(b, x, "AveragePool", 2, 2, 0);
        });
        add("global avgpool", {1, 6, 5, 4}, {O::Mean}, [&](Builder &b, const Val &x, bool, bool) {
            return pool(b, x, "GlobalAveragePool", 0, 0, 0);
        });
        add("conv concat", {1, 3, 6, 6}, {O::Conv2D, O::Concatenation}, [&](Builder &b, const Val &x, bool, bool pc) {
            Val a = conv(b, x, 4, 3, 1, 1, 1, pc, "relu");
            Val c = conv(b, x, 2, 1, 1, 1, 0, pc, "relu");
            // Concat keeps the quantization: the second branch requantized to the first's.
            std::string o;
            b.node("QuantizeLinear", {c.name, b.f32({}, {a.q.s}), b.q8({}, {a.q.zp}, a.q.u8)}, &o);
            b.node("DequantizeLinear", {o, b.f32({}, {a.q.s}), b.q8({}, {a.q.zp}, a.q.u8)}, &o);
            c.name = o;
            c.q = a.q;
            return binary(b, "Concat", a, c, true);
        });
        add("conv flatten gemm", {1, 4, 4, 4}, {O::Conv2D, O::FullyConnected}, [&](Builder &b, const Val &x, bool, bool pc) {
            const Val a = conv(b, x, 3, 3, 1, 1, 1, pc, "relu");
            return gemm(b, flatten(b, a), 5, true, pc);
        });
        add("conv reshape transpose", {1, 4, 3, 5}, {O::Conv2D, O::Transpose}, [&](Builder &b, const Val &x, bool, bool pc) {
            const Val a = conv(b, x, 6, 1, 1, 1, 0, pc, "");
            return transpose(b, reshape(b, a, {1, 6, 15}), {0, 2, 1});
        });
        add("mobilenet block", {1, 4, 8, 8}, {O::Conv2D, O::DepthwiseConv2D, O::Mean, O::FullyConnected},
            [&](Builder &b, const Val &x, bool, bool pc) {
                Val a = conv(b, x, 8, 3, 1, 2, 1, pc, "relu6");
                a = conv(b, a, 8, 3, 8, 1, 1, pc, "relu6");
                a = conv(b, a, 12, 1, 1, 1, 0, pc, "");
                a = pool(b, a, "GlobalAveragePool", 0, 0, 0);
                return gemm(b, flatten(b, a), 4, true, pc);
            });
        add("residual", {1, 4, 6, 6}, {O::Conv2D, O::Add}, [&](Builder &b, const Val &x, bool, bool pc) {
            const Val a = conv(b, x, 4, 3, 1, 1, 1, pc, "relu");
            return binary(b, "Add", a, x);
        });
        add("conv maxpool conv", {1, 3, 8, 8}, {O::Conv2D, O::MaxPool2D}, [&](Builder &b, const Val &x, bool, bool pc) {
            Val a = conv(b, x, 6, 3, 1, 1, 1, pc, "relu");
            a = pool(b, a, "MaxPool", 2, 2, 0);
            return conv(b, a, 5, 3, 1, 1, 0, pc, "");
        });
        // Left to the float path: an op the lowering does not take, weights
        // with a zero point, a grouped (not depthwise) convolution.
        add("sigmoid (float)", {1, 3, 4, 4}, {}, [&](Builder &b, const Val &x, bool, bool) {
            return unary(b, x, "Sigmoid", false);
        }, false);
        add("grouped conv (float)", {1, 4, 5, 5}, {}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 4, 3, 2, 1, 1, pc, "");
        }, false);
        add("conv asymmetric weights (float)", {1, 3, 5, 5}, {}, [&](Builder &b, const Val &x, bool, bool pc) {
            return conv(b, x, 4, 3, 1, 1, 1, pc, "", 3);
        }, false);
        add("avgpool pads excluded (float)", {1, 3, 6, 6}, {}, [&](Builder &b, const Val &x, bool, bool) {
            return pool(b, x, "AveragePool", 3, 2, 1);
        }, false);
        return v;
    }

private slots:
    void qdqModels() {
        QElapsedTimer timer;
        timer.start();
        std::string tmpl = (fs::temp_directory_path() / "ember-qdq-XXXXXX").string();
        QVERIFY(mkdtemp(tmpl.data()));
        const fs::path root = tmpl, pkgRoot = root / "packages";
        fs::create_directories(pkgRoot);
        const auto all = cases();
        struct Pending {
            size_t index;
            std::string pkg;
            Graph g;
            std::vector<TensorData> inputs, want;
        };
        std::vector<Pending> pending;
        std::vector<std::string> failures;
        int worst = 0, lowered = 0;
        for (size_t k = 0; k < all.size(); ++k) {
            const Case &c = all[k];
            const fs::path file = root / ("case" + std::to_string(k) + ".onnx");
            std::ofstream(file, std::ios::binary).write(c.model.data(), std::streamsize(c.model.size()));
            OnnxImportOptions on, off;
            off.qdq = false;
            auto gq = loadModel(file.string(), on);
            auto gf = loadModel(file.string(), off);
            if (!gq.ok() || !gf.ok()) {
                failures.push_back("[" + c.name + "] import: " + gq.diagnostics().format() + gf.diagnostics().format());
                continue;
            }
            // The lowered ops must be int8, none of their type left in float.
            for (OpType t : c.int8) {
                int i8 = 0, fl = 0;
                for (const Op &op : gq->ops)
                    if (op.type == t) (gq->tensors[size_t(op.inputs[0])].dtype == DType::Int8 ? i8 : fl)++;
                // (float ADD/MUL remain in the Quantize/DequantizeLinear arithmetic)
                if (!i8 || (fl && t != OpType::Add && t != OpType::Mul))
                    failures.push_back("[" + c.name + "] " + opTypeName(t) + ": " + std::to_string(i8) + " int8, " +
                                       std::to_string(fl) + " float");
            }
            bool anyInt8 = false;
            for (const Op &op : gq->ops)
                for (int o : op.outputs) anyInt8 |= gq->tensors[size_t(o)].dtype == DType::Int8 &&
                                                    op.type != OpType::Cast;
            if (anyInt8 != c.lowered)
                failures.push_back("[" + c.name + "] " + (c.lowered ? "not lowered to int8" : "lowered but must not be"));
            lowered += anyInt8;
            std::vector<TensorData> in;
            for (size_t i = 0; i < gq->inputs.size(); ++i)
                in.push_back(randomTensorData(gq->tensors[size_t(gq->inputs[i])], 1000 + k * 10 + i, -2.f, 2.f));
            auto rq = runReference(gq.value(), in), rf = runReference(gf.value(), in);
            if (!rq.ok() || !rf.ok()) {
                failures.push_back("[" + c.name + "] reference: " + rq.diagnostics().format() + rf.diagnostics().format());
                continue;
            }
            const auto a = valuesOf<float>(rq.value()[0]), b = valuesOf<float>(rf.value()[0]);
            int steps = 0;
            for (size_t i = 0; i < a.size() && i < b.size(); ++i)
                steps = std::max(steps, int(std::lround(std::fabs(a[i] - b[i]) / c.outScale)));
            worst = std::max(worst, steps);
            const int allowed = c.lowered ? 1 : 0;
            if (a.size() != b.size() || steps > allowed)
                failures.push_back("[" + c.name + "] int8 and float QDQ differ by " + std::to_string(steps) +
                                   " steps (allowed " + std::to_string(allowed) + ")");
            if (std::getenv("EMBER_QDQ_VERBOSE")) qInfo("%s: %d steps", c.name.c_str(), steps);
            CompileOptions co;
            co.name = "qdq" + std::to_string(k);
            auto art = compile(gq.value(), co);
            if (!art.ok()) {
                failures.push_back("[" + c.name + "] compile: " + art.diagnostics().format());
                continue;
            }
            const std::string werr = writeBatchPackage(art.value(), pkgRoot.string());
            if (!werr.empty()) {
                failures.push_back("[" + c.name + "] " + werr);
                continue;
            }
            pending.push_back({k, co.name, std::move(gq.value()), in, rq.value()});
        }
        std::vector<std::string> pkgs;
        for (const auto &p : pending) pkgs.push_back(p.pkg);
        const std::string log = buildBatch(pkgRoot.string(), pkgs);
        QVERIFY2(log.empty(), log.substr(0, 3000).c_str());
        int cOk = 0;
        for (const auto &p : pending) {
            std::vector<std::string> cmd = {(pkgRoot / "diff_run").string(), p.pkg};
            for (size_t i = 0; i < p.inputs.size(); ++i) {
                const fs::path f = root / (p.pkg + "_in" + std::to_string(i) + ".bin");
                std::ofstream(f, std::ios::binary)
                    .write(reinterpret_cast<const char *>(p.inputs[i].data()), std::streamsize(p.inputs[i].size()));
                cmd.push_back(f.string());
            }
            const fs::path out = root / (p.pkg + "_out0.bin");
            cmd.push_back(out.string());
            std::string log2;
            std::vector<uint8_t> got;
            if (runProcess(cmd, &log2, 60) != 0 || !readFile(out.string(), &got) || got != p.want[0])
                failures.push_back("[" + all[p.index].name + "] generated C differs from the reference executor " +
                                   log2.substr(0, 200));
            else
                ++cOk;
        }
        std::error_code ec;
        if (failures.empty()) fs::remove_all(root, ec);
        qInfo("%zu QDQ cases (%d lowered to int8 kernels): int8 within %d step(s) of ONNX's float QDQ; generated C "
              "equal in %d; %.1f s",
              all.size(), lowered, worst, cOk, double(timer.elapsed()) / 1000.0);
        for (const auto &f : failures) qWarning("%s", f.c_str());
        QVERIFY(failures.empty());
        QVERIFY(all.size() >= 30);
    }
};

QTEST_GUILESS_MAIN(TstOnnxQdq)
#include "tst_onnx_qdq.moc"
