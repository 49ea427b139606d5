// Benchmark (not a test): compile time and generated code size of one small
// model per family of the wider operator set, built with Ember's own
// builder. Prints a Markdown table (scripts/update_readme.py opfamilies):
// compile ms (import of the written file + passes + plan + C generation,
// best of 5), lines of generated C, constants bytes, workspace bytes, and the
// Cortex-M4 code size of the layer functions (arm-none-eabi-gcc -O2, `size`
// text of <name>_ops.c) when the cross compiler is installed.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/Compiler.h"
#include "core/builder/TfliteWriter.h"
#include "core/validate/HostRunner.h"

using namespace ember;
namespace fs = std::filesystem;

namespace {

struct Builder {
    Graph g;
    explicit Builder(const std::string &name) { g.name = name; }
    static Quant q(float s, int64_t zp) {
        Quant r;
        r.scale = {s};
        r.zeroPoint = {zp};
        return r;
    }
    int t(const std::string &name, DType dt, const Shape &s, Quant qu = {}) {
        Tensor x;
        x.name = name;
        x.dtype = dt;
        x.shape = s;
        x.quant = std::move(qu);
        g.tensors.push_back(std::move(x));
        return int(g.tensors.size() - 1);
    }
    template <class T> int c(const std::string &name, DType dt, const Shape &s, const std::vector<T> &v, Quant qu = {}) {
        const int i = t(name, dt, s, std::move(qu));
        Tensor &x = g.tensors[size_t(i)];
        x.isConst = true;
        x.data.resize(v.size() * sizeof(T));
        std::memcpy(x.data.data(), v.data(), x.data.size());
        return i;
    }
    void op(OpType type, std::vector<int> in, std::vector<int> out, OpAttrs a = {}) {
        Op o;
        o.type = type;
        o.typeName = opTypeName(type);
        o.index = int(g.ops.size());
        o.inputs = std::move(in);
        o.outputs = std::move(out);
        o.attrs = std::move(a);
        g.ops.push_back(std::move(o));
    }
    void io(std::vector<int> in, std::vector<int> out) {
        g.inputs = in;
        g.outputs = out;
        for (int i : in) g.tensors[size_t(i)].isInput = true;
        for (int o : out) g.tensors[size_t(o)].isOutput = true;
    }
};

std::vector<int8_t> ramp8(size_t n) {
    std::vector<int8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = int8_t(int((i * 37) % 255) - 127);
    return v;
}

// Upsampling decoder: RESIZE_NEAREST_NEIGHBOR, TRANSPOSE_CONV, RESIZE_BILINEAR.
Graph makeDecoder() {
    Builder b("decoder");
    const Quant qa = Builder::q(0.05f, -3);
    const int x = b.t("input", DType::Int8, {1, 8, 8, 16}, qa);
    const int size16 = b.c("size16", DType::Int32, {2}, std::vector<int32_t>{16, 16});
    const int up = b.t("upsampled", DType::Int8, {1, 16, 16, 16}, qa);
    b.op(OpType::ResizeNearestNeighbor, {x, size16}, {up});
    Quant qw;
    for (int k = 0; k < 8; ++k) qw.scale.push_back(0.01f + 0.001f * float(k)), qw.zeroPoint.push_back(0);
    const int w = b.c("deconv_weights", DType::Int8, {8, 3, 3, 16}, ramp8(8 * 3 * 3 * 16), qw);
    std::vector<int32_t> bias(8);
    for (int k = 0; k < 8; ++k) bias[size_t(k)] = 100 * k - 300;
    Quant qb;
    for (int k = 0; k < 8; ++k) qb.scale.push_back(0.05f * qw.scale[size_t(k)]), qb.zeroPoint.push_back(0);
    const int bi = b.c("deconv_bias", DType::Int32, {8}, bias, qb);
    const int oshape = b.c("deconv_shape", DType::Int32, {4}, std::vector<int32_t>{1, 32, 32, 8});
    const int dc = b.t("deconv", DType::Int8, {1, 32, 32, 8}, Builder::q(0.2f, 5));
    OpAttrs a;
    a.padding = Padding::Same;
    a.strideW = a.strideH = 2;
    b.op(OpType::TransposeConv, {oshape, w, up, bi}, {dc}, a);
    const int out = b.t("resized", DType::Int8, {1, 16, 16, 8}, Builder::q(0.2f, 5));
    OpAttrs r;
    r.halfPixelCenters = true;
    b.op(OpType::ResizeBilinear, {dc, size16}, {out}, r);
    b.io({x}, {out});
    return b.g;
}

// Shape plumbing: EXPAND_DIMS, SPLIT, GATHER, PACK, SQUEEZE, CONCATENATION.
Graph makePlumbing() {
    Builder b("plumbing");
    const Quant qa = Builder::q(0.1f, 0);
    const int x = b.t("input", DType::Int8, {4, 4, 8}, qa);
    const int ax0 = b.c("axis0", DType::Int32, {}, std::vector<int32_t>{0});
    const int e = b.t("expanded", DType::Int8, {1, 4, 4, 8}, qa);
    b.op(OpType::ExpandDims, {x, ax0}, {e});
    const int ax3 = b.c("axis3", DType::Int32, {}, std::vector<int32_t>{3});
    const int s0 = b.t("half0", DType::Int8, {1, 4, 4, 4}, qa), s1 = b.t("half1", DType::Int8, {1, 4, 4, 4}, qa);
    OpAttrs sp;
    sp.numSplits = 2;
    b.op(OpType::Split, {ax3, e}, {s0, s1}, sp);
    const int idx = b.c("rows", DType::Int32, {3}, std::vector<int32_t>{3, 0, 2});
    const int g0 = b.t("gathered", DType::Int8, {1, 3, 4, 4}, qa);
    OpAttrs ga;
    ga.axis = 1;
    b.op(OpType::Gather, {s0, idx}, {g0}, ga);
    const int g1 = b.t("gathered1", DType::Int8, {1, 3, 4, 4}, qa);
    b.op(OpType::Gather, {s1, idx}, {g1}, ga);
    const int p = b.t("packed", DType::Int8, {1, 2, 3, 4, 4}, qa);
    OpAttrs pa;
    pa.count = 2;
    pa.axis = 1;
    b.op(OpType::Pack, {g0, g1}, {p}, pa);
    const int sq = b.t("squeezed", DType::Int8, {2, 3, 4, 4}, qa);
    OpAttrs sa;
    sa.squeezeDims = {0};
    b.op(OpType::Squeeze, {p}, {sq}, sa);
    b.io({x}, {sq});
    return b.g;
}

// Element-wise math (float32): ABS, SQRT, EXP, LOG, SIN, COS, FLOOR, RSQRT.
Graph makeMath() {
    Builder b("math");
    const int x = b.t("input", DType::Float32, {1, 256});
    int cur = x;
    int n = 0;
    for (OpType t : {OpType::Abs, OpType::Sqrt, OpType::Exp, OpType::Log, OpType::Sin, OpType::Cos, OpType::Floor,
                     OpType::Abs, OpType::Rsqrt}) {
        const int y = b.t(std::string(opTypeIdent(t)) + "_" + std::to_string(n++), DType::Float32, {1, 256});
        b.op(t, {cur}, {y});
        cur = y;
    }
    b.io({x}, {cur});
    return b.g;
}

// Comparison and selection (int8): GREATER, SELECT_V2, MAXIMUM, MINIMUM.
Graph makeSelect() {
    Builder b("select");
    const Quant qa = Builder::q(0.1f, 3);
    const int x = b.t("a", DType::Int8, {1, 16, 16, 8}, qa), y = b.t("b", DType::Int8, {1, 16, 16, 8}, qa);
    const int gt = b.t("a_gt_b", DType::Bool, {1, 16, 16, 8});
    b.op(OpType::Greater, {x, y}, {gt});
    const int mx = b.t("max", DType::Int8, {1, 16, 16, 8}, qa), mn = b.t("min", DType::Int8, {1, 16, 16, 8}, qa);
    b.op(OpType::Maximum, {x, y}, {mx});
    b.op(OpType::Minimum, {x, y}, {mn});
    const int s = b.t("selected", DType::Int8, {1, 16, 16, 8}, qa);
    b.op(OpType::SelectV2, {gt, mn, mx}, {s});
    b.io({x, y}, {s});
    return b.g;
}

// Reductions (int8): SUM, REDUCE_MAX, ARG_MAX.
Graph makeReduce() {
    Builder b("reduce");
    const int x = b.t("input", DType::Int8, {1, 12, 12, 16}, Builder::q(0.05f, -2));
    const int s = b.t("sum", DType::Int8, {1, 12, 16}, Builder::q(0.5f, 0));
    b.op(OpType::Sum, {x, b.c("axis2", DType::Int32, {1}, std::vector<int32_t>{2})}, {s});
    const int m = b.t("max", DType::Int8, {1, 16}, Builder::q(0.5f, 0));
    b.op(OpType::ReduceMax, {s, b.c("axis1", DType::Int32, {1}, std::vector<int32_t>{1})}, {m});
    const int am = b.t("argmax", DType::Int32, {1});
    b.op(OpType::ArgMax, {m, b.c("last", DType::Int32, {1}, std::vector<int32_t>{1})}, {am});
    b.io({x}, {am});
    return b.g;
}

// Activations (int8): HARD_SWISH, PRELU, LOG_SOFTMAX.
Graph makeActivations() {
    Builder b("activations");
    const int x = b.t("input", DType::Int8, {1, 64}, Builder::q(0.05f, 0));
    const int hs = b.t("hard_swish", DType::Int8, {1, 64}, Builder::q(0.04f, -10));
    b.op(OpType::HardSwish, {x}, {hs});
    const int alpha = b.c("alpha", DType::Int8, {64}, ramp8(64), Builder::q(0.002f, 0));
    const int pr = b.t("prelu", DType::Int8, {1, 64}, Builder::q(0.04f, -10));
    b.op(OpType::Prelu, {hs, alpha}, {pr});
    const int ls = b.t("log_softmax", DType::Int8, {1, 64}, Builder::q(16.f / 256.f, 127));
    b.op(OpType::LogSoftmax, {pr}, {ls});
    b.io({x}, {ls});
    return b.g;
}

size_t armText(const Artifacts &a) {
    const std::string *ops = a.file("src/" + a.name + "_ops.c");
    if (!ops) return 0;
    const fs::path dir = fs::temp_directory_path() / ("ember-bench-ops-" + a.name);
    Diagnostics d;
    if (!a.writeTo(dir.string(), d)) return 0;
    const std::string obj = (dir / "ops.o").string();
    std::string log;
    size_t text = 0;
    if (runProcess({"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16",
                    "-std=c99", "-O2", "-I" + (dir / "include").string(), "-c",
                    (dir / "src" / (a.name + "_ops.c")).string(), "-o", obj},
                   &log) == 0) {
        log.clear();
        if (runProcess({"arm-none-eabi-size", obj}, &log) == 0) {
            const size_t nl = log.find('\n');
            if (nl != std::string::npos) text = std::strtoull(log.c_str() + nl + 1, nullptr, 10);
        }
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return text;
}

}  // namespace

int main() {
    const std::vector<std::pair<const char *, std::function<Graph()>>> models = {
        {"RESIZE_NEAREST_NEIGHBOR, TRANSPOSE_CONV, RESIZE_BILINEAR (int8)", makeDecoder},
        {"EXPAND_DIMS, SPLIT, GATHER, PACK, SQUEEZE (int8)", makePlumbing},
        {"ABS, SQRT, EXP, LOG, SIN, COS, FLOOR, RSQRT (float32)", makeMath},
        {"GREATER, MAXIMUM, MINIMUM, SELECT_V2 (int8)", makeSelect},
        {"SUM, REDUCE_MAX, ARG_MAX (int8)", makeReduce},
        {"HARD_SWISH, PRELU, LOG_SOFTMAX (int8)", makeActivations},
    };
    std::printf("| model (ops) | compile ms | generated C lines | constants bytes | workspace bytes | Cortex-M4 layer code bytes |\n");
    std::printf("|---|---|---|---|---|---|\n");
    int failed = 0;
    for (const auto &[label, make] : models) {
        const Graph built = make();
        const fs::path file = fs::temp_directory_path() / ("ember-bench-" + built.name + ".tflite");
        {
            const auto bytes = writeTflite(built);
            std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char *>(bytes.data()),
                                                        std::streamsize(bytes.size()));
        }
        double best = 1e30;
        Result<Artifacts> art = Result<Artifacts>(Diagnostics{});
        for (int rep = 0; rep < 5; ++rep) {
            const auto t0 = std::chrono::steady_clock::now();
            auto g = loadModel(file.string());
            if (!g.ok()) {
                art = Result<Artifacts>(g.diagnostics());
                break;
            }
            CompileOptions opts;
            opts.name = built.name;
            art = compile(g.value(), opts);
            const auto t1 = std::chrono::steady_clock::now();
            best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (!art.ok()) break;
        }
        std::error_code ec;
        fs::remove(file, ec);
        if (!art.ok()) {
            std::fprintf(stderr, "%s: %s", built.name.c_str(), art.diagnostics().format().c_str());
            std::printf("| %s | failed | | | | |\n", label);
            ++failed;
            continue;
        }
        const size_t text = armText(art.value());
        std::printf("| %s | %.1f | %zu | %zu | %zu | %s |\n", label, best, art->codeLines, art->constantBytes,
                    art->plan.totalUsed(),
                    text ? std::to_string(text).c_str() : "(no arm-none-eabi-gcc)");
    }
    return failed ? 1 : 0;
}
