#include "TestUtil.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/passes/Passes.h"
#include "core/validate/HostRunner.h"

namespace ember::test {

std::string sharedDir() {
    if (const char *e = std::getenv("EMBER_SHARED")) return e;
    return EMBER_SHARED_DIR;
}

std::string modelPath(const std::string &relative) { return sharedDir() + "/models/" + relative; }

bool readFile(const std::string &path, std::vector<uint8_t> *out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

BothOutputs runBoth(Graph g, const std::vector<TensorData> &inputs) {
    BothOutputs r;
    Diagnostics d;
    if (!runPasses(g, d)) {
        r.error = "passes: " + d.format();
        return r;
    }
    auto ref = runReference(g, inputs);
    if (!ref) {
        r.error = "reference: " + ref.diagnostics().format();
        return r;
    }
    r.reference = ref.value();
    CompileOptions opts;
    opts.name = g.name.empty() ? "t" : g.name;
    auto art = compile(g, opts);
    if (!art) {
        r.error = "compile: " + art.diagnostics().format();
        return r;
    }
    auto gen = runGeneratedC(art.value(), g, inputs);
    if (!gen) {
        r.error = "generated C: " + gen.diagnostics().format();
        return r;
    }
    r.generated = gen.value();
    return r;
}

int addTensor(Graph &g, const std::string &name, DType t, const Shape &shape, Quant q,
              std::vector<uint8_t> data) {
    Tensor x;
    x.name = name;
    x.dtype = t;
    x.shape = shape;
    x.quant = std::move(q);
    x.isConst = !data.empty();
    x.data = std::move(data);
    g.tensors.push_back(std::move(x));
    return int(g.tensors.size()) - 1;
}

Op &addOp(Graph &g, OpType type, std::vector<int> inputs, std::vector<int> outputs, OpAttrs attrs) {
    Op op;
    op.type = type;
    op.typeName = opTypeName(type);
    op.index = int(g.ops.size());
    op.inputs = std::move(inputs);
    op.outputs = std::move(outputs);
    op.attrs = std::move(attrs);
    g.ops.push_back(std::move(op));
    return g.ops.back();
}

void setIO(Graph &g, std::vector<int> inputs, std::vector<int> outputs) {
    g.inputs = std::move(inputs);
    g.outputs = std::move(outputs);
    for (int i : g.inputs) g.tensors[size_t(i)].isInput = true;
    for (int o : g.outputs) g.tensors[size_t(o)].isOutput = true;
}

Quant q(float scale, int64_t zeroPoint) {
    Quant r;
    r.scale = {scale};
    r.zeroPoint = {zeroPoint};
    return r;
}

}  // namespace ember::test
