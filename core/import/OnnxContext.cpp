// The ONNX importer's context (OnnxContext.h): type mapping, layout helpers,
// node input/output access with the two layouts, attributes, and the small
// graph-building helpers the lowerings share.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "OnnxContext.h"

namespace ember::onnximp {

bool dtypeOf(int32_t onnxType, DType *out) {
    switch (onnxType) {
        case onnx::TensorProto::FLOAT: *out = DType::Float32; return true;
        case onnx::TensorProto::UINT8: *out = DType::UInt8; return true;
        case onnx::TensorProto::INT8: *out = DType::Int8; return true;
        case onnx::TensorProto::INT16: *out = DType::Int16; return true;
        case onnx::TensorProto::INT32: *out = DType::Int32; return true;
        case onnx::TensorProto::INT64: *out = DType::Int64; return true;
        case onnx::TensorProto::BOOL: *out = DType::Bool; return true;
        case onnx::TensorProto::UINT32: *out = DType::UInt32; return true;
        case onnx::TensorProto::UINT64: *out = DType::UInt64; return true;
        default: return false;
    }
}

std::string onnxTypeName(int32_t t) {
    const std::string n = onnx::TensorProto::DataType_Name(onnx::TensorProto::DataType(t));
    std::string low;
    for (char c : n) low += char(std::tolower(static_cast<unsigned char>(c)));
    return low.empty() ? "type " + std::to_string(t) : low;
}


// ---------------------------------------------------------------- layout

std::vector<int> toCL(size_t r) {
    std::vector<int> p = {0};
    for (size_t i = 2; i < r; ++i) p.push_back(int(i));
    p.push_back(1);
    return p;
}
std::vector<int> fromCL(size_t r) {
    std::vector<int> p = {0, int(r) - 1};
    for (size_t i = 1; i + 1 < r; ++i) p.push_back(int(i));
    return p;
}
Shape permuted(const Shape &s, const std::vector<int> &perm) {
    Shape o;
    for (int p : perm) o.push_back(s[size_t(p)]);
    return o;
}
std::vector<uint8_t> permuteData(const std::vector<uint8_t> &data, const Shape &shape, const std::vector<int> &perm,
                                 size_t es) {
    const size_t r = shape.size();
    const Shape os = permuted(shape, perm);
    std::vector<int64_t> inStride(r, 1);
    for (size_t i = r; i-- > 1;) inStride[i - 1] = inStride[i] * shape[i];
    std::vector<uint8_t> out(data.size());
    const int64_t n = shapeElements(os);
    std::vector<int32_t> idx(r, 0);
    for (int64_t k = 0; k < n; ++k) {
        int64_t src = 0;
        for (size_t a = 0; a < r; ++a) src += idx[a] * inStride[size_t(perm[a])];
        std::memcpy(out.data() + size_t(k) * es, data.data() + size_t(src) * es, es);
        for (size_t a = r; a-- > 0;) {
            if (++idx[a] < os[a]) break;
            idx[a] = 0;
        }
    }
    return out;
}
std::vector<int64_t> intValues(const Tensor &t) {
    std::vector<int64_t> v;
    for (int64_t i = 0; i < t.elements(); ++i) switch (t.dtype) {
            case DType::Int64: case DType::UInt64: v.push_back(t.at<int64_t>(i)); break;
            case DType::Int32: v.push_back(t.at<int32_t>(i)); break;
            case DType::UInt32: v.push_back(t.at<uint32_t>(i)); break;
            case DType::Int16: v.push_back(t.at<int16_t>(i)); break;
            case DType::Int8: v.push_back(t.at<int8_t>(i)); break;
            case DType::UInt8: case DType::Bool: v.push_back(t.at<uint8_t>(i)); break;
            case DType::Float32: v.push_back(int64_t(t.at<float>(i))); break;
        }
    return v;
}
std::vector<float> floatValues(const Tensor &t) {
    std::vector<float> v;
    if (t.dtype == DType::Float32)
        for (int64_t i = 0; i < t.elements(); ++i) v.push_back(t.at<float>(i));
    else
        for (int64_t x : intValues(t)) v.push_back(float(x));
    return v;
}
int normAxis(Ctx &c, int64_t axis, size_t rank, const char *attr) {
    const int64_t a = axis < 0 ? axis + int64_t(rank) : axis;
    if (a < 0 || a >= int64_t(std::max<size_t>(rank, 1)))
        c.refuse("axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank), attr);
    return int(a);
}

// ---------------------------------------------------------------- Ctx

std::string Ctx::nodeLabel() const {
    if (!node) return "";
    return "node " + std::to_string(nodeIndex) + " '" + node->name() + "' (" + node->op_type() + ")";
}

void Ctx::refuse(const std::string &msg, const std::string &attr) {
    Diagnostic &e = d.error((attr.empty() ? "" : "attribute '" + attr + "': ") + msg);
    e.opIndex = nodeIndex;
    e.opName = node ? "ONNX " + node->op_type() + (node->name().empty() ? "" : " '" + node->name() + "'") : "";
    throw Refused{};
}

size_t Ctx::numInputs() const { return size_t(node->input_size()); }
bool Ctx::has(size_t i) const { return i < numInputs() && !node->input(int(i)).empty(); }
const std::string &Ctx::inName(size_t i) const {
    static const std::string none;
    return i < numInputs() ? node->input(int(i)) : none;
}

int materialize(Ctx &c, const std::string &name, bool cl) {
    auto it = c.values.find(name);
    if (it == c.values.end()) c.refuse("the input '" + name + "' is not produced by any node, initializer or input");
    Value &v = it->second;
    if (cl ? v.cl >= 0 : v.t >= 0) return cl ? v.cl : v.t;
    const int src = cl ? v.t : v.cl;
    const Tensor &s = c.g.tensors[size_t(src)];
    const size_t r = s.shape.size();
    if (r < 3) {  // no channels-last form below rank 3: the same tensor
        (cl ? v.cl : v.t) = src;
        return src;
    }
    const std::vector<int> perm = cl ? toCL(r) : fromCL(r);
    const std::string tname = cl ? name + "#nhwc" : name;
    int t;
    if (s.isConst) {
        Tensor copy = s;
        copy.name = tname;
        copy.shape = permuted(s.shape, perm);
        copy.data = permuteData(s.data, s.shape, perm, dtypeSize(s.dtype));
        copy.isInput = copy.isOutput = false;
        c.g.tensors.push_back(std::move(copy));
        t = int(c.g.tensors.size()) - 1;
    } else {
        t = c.transpose(src, perm, tname);
    }
    (cl ? c.values[name].cl : c.values[name].t) = t;
    return t;
}

int Ctx::in(size_t i) {
    if (!has(i)) refuse("input " + std::to_string(i) + " is required");
    return materialize(*this, inName(i), false);
}
int Ctx::inCL(size_t i) {
    if (!has(i)) refuse("input " + std::to_string(i) + " is required");
    return materialize(*this, inName(i), true);
}
bool Ctx::isCL(size_t i) const {
    if (!has(i)) return false;
    auto it = values.find(inName(i));
    return it != values.end() && it->second.cl >= 0 && it->second.t < 0;
}
const Tensor *Ctx::constIn(size_t i) {
    if (!has(i)) return nullptr;
    if (!values.count(inName(i))) refuse("the input '" + inName(i) + "' is not produced by any node, initializer or input");
    auto it = values.find(inName(i));
    if (it == values.end()) return nullptr;
    const int t = it->second.t >= 0 ? it->second.t : it->second.cl;
    if (!g.tensors[size_t(t)].isConst) return nullptr;
    return &tin(i);
}
Shape Ctx::inShape(size_t i) const {
    if (!has(i) || !values.count(inName(i)))
        const_cast<Ctx *>(this)->refuse("input " + std::to_string(i) + " is missing or not produced by any node");
    const Value &v = values.at(inName(i));
    if (v.t >= 0) return g.tensors[size_t(v.t)].shape;
    const Shape &s = g.tensors[size_t(v.cl)].shape;
    return s.size() >= 3 ? permuted(s, fromCL(s.size())) : s;
}
DType Ctx::inType(size_t i) const {
    if (!has(i) || !values.count(inName(i)))
        const_cast<Ctx *>(this)->refuse("input " + std::to_string(i) + " is missing or not produced by any node");
    const Value &v = values.at(inName(i));
    return g.tensors[size_t(v.t >= 0 ? v.t : v.cl)].dtype;
}
std::vector<int64_t> Ctx::constInts(size_t i, const char *what) {
    const Tensor *t = constIn(i);
    if (!t)
        refuse(std::string("the ") + what + " input '" + (has(i) ? inName(i) : std::string("?")) +
               "' must be a constant (an initializer or computed from constants); computed at run time it is "
               "not supported");
    return intValues(*t);
}
float Ctx::constFloat(size_t i, const char *what) {
    const Tensor *t = constIn(i);
    if (!t || t->elements() != 1)
        refuse(std::string("the ") + what + " input must be a constant scalar");
    return floatValues(*t)[0];
}
size_t Ctx::numOutputs() const { return size_t(node->output_size()); }
bool Ctx::outUsed(size_t j) const { return j < numOutputs() && !node->output(int(j)).empty(); }
bool Ctx::outKnown(size_t j) const {
    if (j >= numOutputs()) return false;
    auto it = types.find(node->output(int(j)));
    if (it == types.end() || !it->second->has_tensor_type()) return false;
    const auto &tt = it->second->tensor_type();
    if (!tt.has_shape()) return false;
    for (const auto &dim : tt.shape().dim())
        if (!dim.has_dim_value()) return false;
    return true;
}
Shape Ctx::outShape(size_t j) const {
    if (!outKnown(j))
        const_cast<Ctx *>(this)->refuse("the shape of output '" + node->output(int(j)) +
                                        "' is unknown after shape inference; give the model static input shapes "
                                        "(and constant shape inputs)");
    Shape s;
    for (const auto &dim : types.at(node->output(int(j)))->tensor_type().shape().dim()) {
        if (dim.dim_value() < 0 || dim.dim_value() > INT32_MAX)
            const_cast<Ctx *>(this)->refuse("output '" + node->output(int(j)) + "' has the dimension " +
                                            std::to_string(dim.dim_value()));
        s.push_back(int32_t(dim.dim_value()));
    }
    return s;
}
DType Ctx::outType(size_t j) const {
    if (j >= numOutputs()) const_cast<Ctx *>(this)->refuse("output " + std::to_string(j) + " is missing");
    auto it = types.find(node->output(int(j)));
    DType t = DType::Float32;
    if (it == types.end() || !it->second->has_tensor_type() ||
        !dtypeOf(it->second->tensor_type().elem_type(), &t))
        const_cast<Ctx *>(this)->refuse("output '" + node->output(int(j)) + "' has an unsupported or unknown type " +
                                        (it == types.end() ? std::string("(not inferred)")
                                                           : onnxTypeName(it->second->tensor_type().elem_type())));
    return t;
}
int Ctx::out(size_t j, DType t, const Shape &shape, bool channelsLast) {
    if (j >= numOutputs()) refuse("output " + std::to_string(j) + " is missing");
    const std::string &name = node->output(int(j));
    const int idx = addTensor(channelsLast ? name + "#nhwc" : name, qOut && j == 0 ? DType::Int8 : t, shape);
    if (qOut && j == 0) g.tensors[size_t(idx)].quant = *qOut;
    alias(j, idx, channelsLast);
    return idx;
}
void Ctx::alias(size_t j, int tensor, bool channelsLast) {
    if (j >= numOutputs()) refuse("output " + std::to_string(j) + " is missing");
    Value v;
    (channelsLast ? v.cl : v.t) = tensor;
    if (g.tensors[size_t(tensor)].shape.size() < 3) v.t = v.cl = tensor;
    values[node->output(int(j))] = v;
}

const onnx::AttributeProto *Ctx::attr(const char *name) const {
    for (const auto &a : node->attribute())
        if (a.name() == name) return &a;
    return nullptr;
}
int64_t Ctx::attrInt(const char *name, int64_t def) const {
    const auto *a = attr(name);
    return a ? a->i() : def;
}
float Ctx::attrFloat(const char *name, float def) const {
    const auto *a = attr(name);
    return a ? a->f() : def;
}
std::string Ctx::attrStr(const char *name, const std::string &def) const {
    const auto *a = attr(name);
    return a ? a->s() : def;
}
std::vector<int64_t> Ctx::attrInts(const char *name) const {
    const auto *a = attr(name);
    return a ? std::vector<int64_t>(a->ints().begin(), a->ints().end()) : std::vector<int64_t>{};
}
std::vector<float> Ctx::attrFloats(const char *name) const {
    const auto *a = attr(name);
    return a ? std::vector<float>(a->floats().begin(), a->floats().end()) : std::vector<float>{};
}

int Ctx::addTensor(const std::string &name, DType t, const Shape &shape) {
    int64_t n = 1;
    for (int32_t dim : shape) {
        if (dim < 0) refuse("tensor '" + name + "' would have a negative dimension");
        n *= dim;
        if (n > (int64_t(1) << 28)) refuse("tensor '" + name + "' would have more than 2^28 elements");
    }
    Tensor x;
    x.name = name;
    x.dtype = t;
    x.shape = shape;
    g.tensors.push_back(std::move(x));
    return int(g.tensors.size()) - 1;
}
int Ctx::addConst(const std::string &name, DType t, const Shape &shape, const void *data, size_t bytes) {
    const int i = addTensor(name, t, shape);
    Tensor &x = g.tensors[size_t(i)];
    x.isConst = true;
    x.data.assign(static_cast<const uint8_t *>(data), static_cast<const uint8_t *>(data) + bytes);
    return i;
}
std::string Ctx::baseName() const {
    if (!node) return "onnx";
    if (!node->name().empty()) return node->name();
    return node->output_size() ? node->output(0) : node->op_type() + std::to_string(nodeIndex);
}
int Ctx::constI32(const std::string &suffix, const std::vector<int32_t> &v) {
    return addConst(baseName() + "/" + suffix, DType::Int32, {int32_t(v.size())}, v.data(), v.size() * 4);
}
int Ctx::constF32(const std::string &suffix, const Shape &shape, const std::vector<float> &v) {
    return addConst(baseName() + "/" + suffix, DType::Float32, shape, v.data(), v.size() * 4);
}
int Ctx::temp(const std::string &suffix, DType t, const Shape &shape) {
    return addTensor(baseName() + "/" + suffix, t, shape);
}
Op &Ctx::addOp(OpType type, std::vector<int> inputs, std::vector<int> outputs) {
    Op op;
    op.type = type;
    op.typeName = opTypeName(type);
    op.index = std::max(nodeIndex, 0);
    op.inputs = std::move(inputs);
    op.outputs = std::move(outputs);
    g.ops.push_back(std::move(op));
    return g.ops.back();
}
int Ctx::transpose(int t, const std::vector<int> &perm, const std::string &name) {
    const Shape os = permuted(g.tensors[size_t(t)].shape, perm);
    const DType dt = g.tensors[size_t(t)].dtype;
    const int p = constI32(name + "/perm", std::vector<int32_t>(perm.begin(), perm.end()));
    const int o = addTensor(name, dt, os);
    g.tensors[size_t(o)].quant = g.tensors[size_t(t)].quant;
    addOp(OpType::Transpose, {t, p}, {o});
    return o;
}
int Ctx::reshape(int t, const Shape &shape, const std::string &name) {
    const int s = constI32(name + "/shape", std::vector<int32_t>(shape.begin(), shape.end()));
    const int o = addTensor(name, g.tensors[size_t(t)].dtype, shape);
    g.tensors[size_t(o)].quant = g.tensors[size_t(t)].quant;
    addOp(OpType::Reshape, {t, s}, {o});
    return o;
}

const std::map<std::string, Lowering> &lowerings() {
    static const std::map<std::string, Lowering> m = [] {
        std::map<std::string, Lowering> x;
        addElementwiseLowerings(x);
        addNnLowerings(x);
        addTensorLowerings(x);
        addExtraLowerings(x);
        addDenseLowerings(x);
        addReduceLowerings(x);
        addQuantLowerings(x);
        addRnnLowerings(x);
        return x;
    }();
    return m;
}

}  // namespace ember::onnximp
