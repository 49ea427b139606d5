#include "DynamicDims.h"

#include <algorithm>
#include <cctype>

#include "../codegen/CGenerator.h"
#include "../ops/OpKernel.h"

namespace ember {

std::string DimSpec::text() const {
    return tensor + ":" + std::to_string(axis) + "=" + std::to_string(min) + ".." + std::to_string(max);
}

namespace {

bool parseInt(const std::string &s, int64_t *v) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    *v = std::stoll(s);
    return true;
}

}  // namespace

bool parseDimSpec(const std::string &text, DimSpec *out, Diagnostics &d) {
    const std::string usage = "--dim '" + text + "': expected TENSOR:AXIS=MIN..MAX, e.g. --dim input:1=1..32";
    const size_t eq = text.rfind('=');
    const size_t colon = eq == std::string::npos ? std::string::npos : text.rfind(':', eq);
    if (eq == std::string::npos || colon == std::string::npos || colon == 0) {
        d.error(usage);
        return false;
    }
    DimSpec s;
    s.tensor = text.substr(0, colon);
    int64_t axis = 0, lo = 1, hi = 0;
    const std::string range = text.substr(eq + 1);
    const size_t dots = range.find("..");
    const bool ok = parseInt(text.substr(colon + 1, eq - colon - 1), &axis) &&
                    (dots == std::string::npos ? parseInt(range, &hi)
                                               : parseInt(range.substr(0, dots), &lo) &&
                                                     parseInt(range.substr(dots + 2), &hi));
    if (!ok) {
        d.error(usage);
        return false;
    }
    if (lo < 1) {
        d.error("--dim '" + text + "': MIN must be at least 1 (an empty tensor cannot be run)");
        return false;
    }
    if (lo > hi) {
        d.error("--dim '" + text + "': MIN " + std::to_string(lo) + " is greater than MAX " + std::to_string(hi) +
                "; give the range as MIN..MAX");
        return false;
    }
    s.axis = int(axis);
    s.min = int32_t(lo);
    s.max = int32_t(hi);
    *out = s;
    return true;
}

int DynamicShapes::dimOf(int tensor, size_t axis) const {
    if (tensor < 0 || size_t(tensor) >= axisDim.size()) return -1;
    const auto &a = axisDim[size_t(tensor)];
    return axis < a.size() ? a[axis] : -1;
}

bool DynamicShapes::isDynamic(int tensor) const {
    if (tensor < 0 || size_t(tensor) >= axisDim.size()) return false;
    const auto &a = axisDim[size_t(tensor)];
    return std::any_of(a.begin(), a.end(), [](int x) { return x >= 0; });
}

std::vector<int32_t> DynamicShapes::allExtents(const std::vector<int32_t> &extents) const {
    std::vector<int32_t> all = extents;
    all.resize(dims.size());
    for (const DerivedDim &d : derived) {
        const int32_t from = all[size_t(d.from)];
        all.push_back(from >= d.window ? (from - d.window) / d.stride + 1 : 0);
    }
    return all;
}

int32_t DynamicShapes::minExtent(int dim) const {
    std::vector<int32_t> e;
    for (const DimSpec &s : dims) e.push_back(s.min);
    return allExtents(e)[size_t(dim)];
}

int32_t DynamicShapes::maxExtent(int dim) const {
    std::vector<int32_t> e;
    for (const DimSpec &s : dims) e.push_back(s.max);
    return allExtents(e)[size_t(dim)];
}

std::string DynamicShapes::dimText(int dim) const {
    if (!isDerived(dim)) return dims[size_t(dim)].text();
    const DerivedDim &d = derivedDim(dim);
    return "(" + dimText(d.from) + " - " + std::to_string(d.window) + ") / " + std::to_string(d.stride) + " + 1";
}

namespace {

// The propagation state and the per-op rules.
class Propagator {
public:
    Propagator(const Graph &g, DynamicShapes &s, Diagnostics &d) : g_(g), s_(s), d_(d) {}

    bool op(const Op &op) {
        bool anyDynamic = false;
        for (int t : op.inputs) anyDynamic = anyDynamic || s_.isDynamic(t);
        if (!anyDynamic) return true;
        if (!checkPerChannel(op)) return false;
        switch (op.type) {
        case OpType::Relu:
        case OpType::Relu6:
        case OpType::LeakyRelu:
        case OpType::Logistic:
        case OpType::Tanh:
        case OpType::Quantize:
        case OpType::Dequantize: return copyMarks(op, op.inputs[0], op.outputs[0]);
        case OpType::Softmax: return softmax(op);
        case OpType::Add:
        case OpType::Sub:
        case OpType::Mul: return binary(op);
        case OpType::FullyConnected: return fullyConnected(op);
        case OpType::Conv2D:
        case OpType::DepthwiseConv2D:
        case OpType::AveragePool2D:
        case OpType::MaxPool2D: return window(op);
        case OpType::UnidirectionalSequenceLstm: return lstm(op);
        default: return refuseOp(op);
        }
    }

private:
    const Graph &g_;
    DynamicShapes &s_;
    Diagnostics &d_;

    std::vector<int> &marks(int t) { return s_.axisDim[size_t(t)]; }
    const Tensor &T(int t) const { return g_.tensors[size_t(t)]; }

    // "axis 1 of 'x' (--dim input:1=1..32)"
    std::string where(int t, size_t axis) const {
        const int dim = s_.dimOf(t, axis);
        return "axis " + std::to_string(axis) + " of '" + T(t).name + "' is dynamic (" +
               (s_.isDerived(dim) ? "extent " : "--dim ") + s_.dimText(dim) + ")";
    }

    bool fail(const Op &op, int tensor, const std::string &msg) {
        Diagnostic &e = d_.error(msg);
        e.opIndex = op.index;
        e.opName = op.typeName;
        if (tensor >= 0) e.tensor = T(tensor).name;
        return false;
    }

    int firstDynamicAxis(int t) const {
        const auto &a = s_.axisDim[size_t(t)];
        for (size_t k = 0; k < a.size(); ++k)
            if (a[k] >= 0) return int(k);
        return -1;
    }

    bool copyMarks(const Op &op, int from, int to) {
        if (T(from).shape.size() != T(to).shape.size())
            return fail(op, to, "output rank differs from its input's; cannot follow the dynamic axis");
        marks(to) = marks(from);
        return true;
    }

    // Per-channel scales are laid out for a fixed extent.
    bool checkPerChannel(const Op &op) {
        for (int t : op.inputs) {
            if (t < 0 || !T(t).quant.perChannel()) continue;
            const int axis = T(t).quant.axis;
            if (s_.dimOf(t, size_t(std::max(axis, 0))) >= 0)
                return fail(op, t, where(t, size_t(axis)) + " but it carries per-channel quantization; only "
                                   "per-tensor quantized tensors can vary in size");
        }
        return true;
    }

    bool refuseOp(const Op &op) {
        for (int t : op.inputs) {
            const int axis = t >= 0 ? firstDynamicAxis(t) : -1;
            if (axis < 0) continue;
            const std::string why = "this operator cannot run to a run-time extent";
            return fail(op, t,
                        where(t, size_t(axis)) + " but " + op.typeName + " needs a fixed shape (" + why +
                            "); remove the --dim option or give the model a fixed extent");
        }
        return true;
    }

    bool softmax(const Op &op) {
        const int in = op.inputs[0];
        const size_t last = T(in).shape.size() - 1;
        if (s_.dimOf(in, last) >= 0)
            return fail(op, in, where(in, last) + " but SOFTMAX normalises over that axis; only the leading axes "
                                "of its input may vary");
        return copyMarks(op, in, op.outputs[0]);
    }

    // Numpy broadcasting, aligned on the right: a dynamic axis meets either
    // the same dim or extent 1 (broadcast); a fixed extent there is refused
    // because it could not follow the run-time one.
    bool binary(const Op &op) {
        const int a = op.inputs[0], b = op.inputs[1], o = op.outputs[0];
        const size_t rank = T(o).shape.size();
        std::vector<int> out(rank, -1);
        for (size_t k = 0; k < rank; ++k) {
            int dim = -1;
            for (int x : {a, b}) {
                const size_t r = T(x).shape.size();
                if (k + r < rank) continue;  // x has no such axis: broadcast
                const size_t ax = k + r - rank;
                const int dx = s_.dimOf(x, ax);
                if (dx >= 0 && dim >= 0 && dx != dim)
                    return fail(op, x, where(x, ax) + " and meets a different dynamic dim on the other input; "
                                       "give both the same --dim");
                if (dx >= 0) dim = dx;
            }
            if (dim < 0) continue;
            for (int x : {a, b}) {
                const size_t r = T(x).shape.size();
                if (k + r < rank) continue;
                const size_t ax = k + r - rank;
                if (s_.dimOf(x, ax) < 0 && T(x).shape[ax] != 1) {
                    const int other = x == a ? b : a;
                    const size_t oax = k + T(other).shape.size() - rank;
                    return fail(op, x, where(other, oax) + " but '" + T(x).name + "' has the fixed extent " +
                                           std::to_string(T(x).shape[ax]) + " there; " + op.typeName +
                                           " can only broadcast a dynamic axis against extent 1");
                }
            }
            out[k] = dim;
        }
        marks(o) = out;
        return true;
    }

    // CONV_2D, DEPTHWISE_CONV_2D, AVERAGE/MAX_POOL_2D (NHWC): the height or
    // width (the time axis of a stream) may vary, with VALID padding; the
    // output extent along it is (in - window) / stride + 1 at run time.
    bool window(const Op &op) {
        const int in = op.inputs[0], o = op.outputs[0];
        for (size_t k = 1; k < op.inputs.size(); ++k)
            if (s_.isDynamic(op.inputs[k]))
                return fail(op, op.inputs[k], op.typeName + " filter and bias must have a fixed shape");
        if (T(in).shape.size() != 4 || T(o).shape.size() != 4)
            return fail(op, in, op.typeName + " with a dynamic axis needs a 4-D NHWC input and output");
        marks(o).assign(4, -1);
        for (size_t axis = 0; axis < 4; ++axis) {
            const int dim = s_.dimOf(in, axis);
            if (dim < 0) continue;
            if (axis == 0 || axis == 3)
                return fail(op, in, where(in, axis) + " but " + op.typeName + " can only follow a run-time " +
                                    "extent along its height or width (axis 1 or 2, e.g. the time axis of a "
                                    "stream); give the model a fixed " + (axis == 0 ? "batch" : "channel count"));
            if (op.attrs.padding != Padding::Valid)
                return fail(op, in, where(in, axis) + " but " + op.typeName + " uses SAME padding, whose padding "
                                    "depends on the extent; only VALID padding can follow a run-time extent "
                                    "(re-export the model with padding='valid' along that axis)");
            const bool pool = op.type == OpType::AveragePool2D || op.type == OpType::MaxPool2D;
            int filter = 1, dilation = 1, stride = 1;
            if (pool) {
                filter = axis == 1 ? op.attrs.filterH : op.attrs.filterW;
            } else {
                const Shape &w = T(op.inputs[1]).shape;  // [O or 1, KH, KW, I or O]
                if (w.size() != 4) return fail(op, op.inputs[1], op.typeName + " needs a 4-D filter");
                filter = w[axis];
                dilation = axis == 1 ? op.attrs.dilationH : op.attrs.dilationW;
            }
            stride = axis == 1 ? op.attrs.strideH : op.attrs.strideW;
            if (filter < 1 || dilation < 1 || stride < 1) return fail(op, in, op.typeName + " has an invalid window");
            const int win = (filter - 1) * dilation + 1;
            if (s_.minExtent(dim) < win)
                return fail(op, in, where(in, axis) + " but the extent can be " + std::to_string(s_.minExtent(dim)) +
                                    ", shorter than " + op.typeName + "'s window of " + std::to_string(win) +
                                    " along it; raise MIN so that every extent covers the window");
            if (win == 1 && stride == 1) {
                marks(o)[axis] = dim;
                continue;
            }
            s_.derived.push_back({dim, win, stride, op.index});
            marks(o)[axis] = int(s_.count()) - 1;
        }
        return true;
    }

    // UNIDIRECTIONAL_SEQUENCE_LSTM: the number of time steps may vary (axis
    // 0 time-major, axis 1 batch-major); batch and features are fixed, and
    // so are the states.
    bool lstm(const Op &op) {
        const int in = op.inputs[0], o = op.outputs[0];
        for (size_t k = 1; k < op.inputs.size(); ++k)
            if (s_.isDynamic(op.inputs[k]))
                return fail(op, op.inputs[k], "UNIDIRECTIONAL_SEQUENCE_LSTM weights, biases and states must have a "
                                              "fixed shape");
        const size_t timeAxis = op.attrs.timeMajor ? 0 : 1;
        for (size_t axis = 0; axis < T(in).shape.size(); ++axis)
            if (s_.dimOf(in, axis) >= 0 && axis != timeAxis)
                return fail(op, in, where(in, axis) + " but only the sequence length (axis " +
                                    std::to_string(timeAxis) + ", " +
                                    (op.attrs.timeMajor ? "time-major" : "batch-major") +
                                    ") of an UNIDIRECTIONAL_SEQUENCE_LSTM input may vary");
        return copyMarks(op, in, o);
    }

    // Loops over rows of `depth`: the row count may vary, the row may not.
    bool fullyConnected(const Op &op) {
        const int in = op.inputs[0], o = op.outputs[0];
        for (size_t k = 1; k < op.inputs.size(); ++k)
            if (s_.isDynamic(op.inputs[k]))
                return fail(op, op.inputs[k], "FULLY_CONNECTED weights and bias must have a fixed shape");
        const Shape &shape = T(in).shape;
        const size_t last = shape.size() - 1;
        if (s_.dimOf(in, last) >= 0)
            return fail(op, in, where(in, last) + " but FULLY_CONNECTED reduces over axis " + std::to_string(last) +
                                "; only the leading axes of its input may vary");
        if (op.attrs.keepDims) return copyMarks(op, in, o);
        // Without keep_num_dims the output is [rows, units]: its axis 0 can
        // follow the dim only if the dynamic axis alone makes the row count.
        const int axis = firstDynamicAxis(in);
        int64_t outer = 1, inner = 1;
        for (size_t k = 0; k < shape.size(); ++k) {
            if (int(k) < axis) outer *= shape[k];
            if (int(k) > axis) inner *= shape[k];
        }
        const int depth = T(op.inputs[1]).shape.size() == 2 ? T(op.inputs[1]).shape[1] : -1;
        if (outer != 1 || inner != depth || std::count_if(marks(in).begin(), marks(in).end(),
                                                          [](int x) { return x >= 0; }) != 1)
            return fail(op, in, where(in, size_t(axis)) + " but FULLY_CONNECTED (without keep_num_dims) flattens it "
                                "together with other axes; set keep_num_dims or make it the only leading axis "
                                "above 1");
        marks(o).assign(T(o).shape.size(), -1);
        marks(o)[0] = marks(in)[size_t(axis)];
        return true;
    }
};

int findInput(const Graph &g, const std::string &name) {
    for (int t : g.inputs)
        if (g.tensors[size_t(t)].name == name) return t;
    for (int t : g.inputs) {
        const std::string &n = g.tensors[size_t(t)].name;
        if (sanitizeIdentifier(n.substr(0, n.find(';'))) == name) return t;
    }
    return -1;
}

}  // namespace

Result<DynamicShapes> analyzeDynamicDims(const Graph &g, const std::vector<DimSpec> &specs) {
    Diagnostics d;
    d.setFile(g.sourcePath);
    DynamicShapes s;
    s.axisDim.resize(g.tensors.size());
    for (size_t t = 0; t < g.tensors.size(); ++t) s.axisDim[t].assign(g.tensors[t].shape.size(), -1);
    for (const DimSpec &spec : specs) {
        const int t = findInput(g, spec.tensor);
        if (t < 0) {
            std::string list;
            for (int i : g.inputs) list += (list.empty() ? "'" : ", '") + g.tensors[size_t(i)].name + "'";
            d.error("--dim " + spec.text() + ": the model has no input named '" + spec.tensor +
                    "'; name one of its inputs: " + (list.empty() ? "none" : list));
            return d;
        }
        const Tensor &x = g.tensors[size_t(t)];
        if (spec.axis < 0 || size_t(spec.axis) >= x.shape.size()) {
            d.error("--dim " + spec.text() + ": axis " + std::to_string(spec.axis) + " does not exist; '" + x.name +
                    "' has shape " + shapeString(x.shape) + " (axes 0.." + std::to_string(int(x.shape.size()) - 1) +
                    ")")
                .tensor = x.name;
            return d;
        }
        if (s.axisDim[size_t(t)][size_t(spec.axis)] >= 0) {
            d.error("--dim " + spec.text() + ": axis " + std::to_string(spec.axis) + " of '" + x.name +
                    "' is given twice; give each dynamic axis once")
                .tensor = x.name;
            return d;
        }
        if (spec.min < 1 || spec.min > spec.max) {
            d.error("--dim " + spec.text() + ": the range must satisfy 1 <= MIN <= MAX").tensor = x.name;
            return d;
        }
        s.axisDim[size_t(t)][size_t(spec.axis)] = int(s.dims.size());
        s.dims.push_back(spec);
        s.dims.back().tensor = x.name;
        s.dimTensor.push_back(t);
    }
    Propagator prop(g, s, d);
    for (const Op &op : g.ops)
        if (!prop.op(op)) return d;
    return s;
}

bool resizeDynamicDims(Graph &g, const DynamicShapes &s, const std::vector<int32_t> &extents, Diagnostics &d) {
    if (extents.size() != s.dims.size()) {
        d.error("expected " + std::to_string(s.dims.size()) + " extent(s), one per --dim, but got " +
                std::to_string(extents.size()));
        return false;
    }
    for (size_t k = 0; k < extents.size(); ++k)
        if (extents[k] < s.dims[k].min || extents[k] > s.dims[k].max) {
            d.error("extent " + std::to_string(extents[k]) + " is outside the bound of --dim " + s.dims[k].text())
                .tensor = s.dims[k].tensor;
            return false;
        }
    const std::vector<int32_t> all = s.allExtents(extents);
    for (size_t t = 0; t < g.tensors.size() && t < s.axisDim.size(); ++t)
        for (size_t a = 0; a < s.axisDim[t].size(); ++a)
            if (s.axisDim[t][a] >= 0) g.tensors[t].shape[a] = all[size_t(s.axisDim[t][a])];
    for (Op &op : g.ops) {
        bool touches = false;
        for (int t : op.inputs) touches = touches || s.isDynamic(t);
        for (int t : op.outputs) touches = touches || s.isDynamic(t);
        if (!touches) continue;
        if (!findKernel(op.type)->prepare(g, op, d)) return false;
    }
    return true;
}

Result<Graph> boundDynamicDims(const Graph &g, const std::vector<DimSpec> &specs, DynamicShapes *shapes) {
    auto s = analyzeDynamicDims(g, specs);
    if (!s) return s.diagnostics();
    Graph bounded = g;
    Diagnostics d;
    d.setFile(g.sourcePath);
    std::vector<int32_t> max;
    for (const DimSpec &spec : s->dims) max.push_back(spec.max);
    if (!resizeDynamicDims(bounded, s.value(), max, d)) return d;
    if (shapes) *shapes = std::move(s.value());
    return bounded;
}

}  // namespace ember
