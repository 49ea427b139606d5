#include "Executor.h"

namespace ember {

std::vector<TensorData> initialState(const Graph &g) {
    std::vector<TensorData> st(g.tensors.size());
    for (size_t i = 0; i < g.tensors.size(); ++i) {
        const Tensor &t = g.tensors[i];
        if (!t.isVariable) continue;
        if (t.data.size() == t.bytes())
            st[i] = t.data;
        else
            st[i].assign(t.bytes(), variableResetByte(t));
    }
    return st;
}

namespace {

Result<Buffers> runWithState(const Graph &g, const std::vector<TensorData> &inputs, std::vector<TensorData> &state) {
    Diagnostics d;
    d.setFile(g.sourcePath);
    if (inputs.size() != g.inputs.size()) {
        d.error("the model has " + std::to_string(g.inputs.size()) + " input(s) but " +
                std::to_string(inputs.size()) + " were given");
        return d;
    }
    Buffers buf(g.tensors.size());
    for (size_t i = 0; i < g.tensors.size(); ++i) {
        const Tensor &t = g.tensors[i];
        if (t.isConst)
            buf[i] = t.data;
        else if (t.isVariable && i < state.size())
            buf[i] = state[i];
        else
            buf[i].assign(t.bytes(), 0);
    }
    for (size_t k = 0; k < g.inputs.size(); ++k) {
        const Tensor &t = g.tensors[size_t(g.inputs[k])];
        if (inputs[k].size() != t.bytes()) {
            d.error("input " + std::to_string(k) + " has " + std::to_string(inputs[k].size()) +
                    " bytes but the tensor needs " + std::to_string(t.bytes()) + " (" + dtypeName(t.dtype) + " " +
                    shapeString(t.shape) + ")")
                .tensor = t.name;
            return d;
        }
        buf[size_t(g.inputs[k])] = inputs[k];
    }
    for (const Op &op : g.ops) {
        const OpKernel *k = findKernel(op.type);
        if (!k || !k->eval) {
            Diagnostic &e = d.error("operator has no reference kernel");
            e.opIndex = op.index;
            e.opName = op.typeName;
            return d;
        }
        k->eval(g, op, buf);
    }
    for (size_t i = 0; i < g.tensors.size() && i < state.size(); ++i)
        if (g.tensors[i].isVariable) state[i] = buf[i];
    return buf;
}

}  // namespace

Result<Buffers> runReferenceAll(const Graph &g, const std::vector<TensorData> &inputs) {
    std::vector<TensorData> state = initialState(g);
    return runWithState(g, inputs, state);
}

Result<Buffers> ReferenceSession::runAll(const std::vector<TensorData> &inputs) {
    return runWithState(g_, inputs, state_);
}

Result<std::vector<TensorData>> ReferenceSession::run(const std::vector<TensorData> &inputs) {
    auto all = runAll(inputs);
    if (!all) return all.diagnostics();
    std::vector<TensorData> outs;
    for (int o : g_.outputs) outs.push_back(std::move(all.value()[size_t(o)]));
    return outs;
}

Result<std::vector<TensorData>> runReference(const Graph &g, const std::vector<TensorData> &inputs) {
    auto all = runReferenceAll(g, inputs);
    if (!all) return all.diagnostics();
    std::vector<TensorData> outs;
    for (int o : g.outputs) outs.push_back(std::move(all.value()[size_t(o)]));
    return outs;
}

}  // namespace ember
