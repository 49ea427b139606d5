// ONNX → IR: model loading (protobuf, external data), onnx's checker and
// shape inference, the value table with its two layouts, the graph's I/O and
// the eager folding of constant subgraphs. The op lowerings live in
// OnnxOps*.cpp.
#include "OnnxImporter.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <onnx/checker.h>
#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include "../ops/OpKernel.h"
#include "OnnxContext.h"

namespace ember {
namespace fs = std::filesystem;
using namespace onnximp;

namespace {

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

// TensorProto → Tensor (ONNX layout). `dir` resolves external data.
bool tensorFromProto(const onnx::TensorProto &p, const fs::path &dir, Tensor *t, std::string *why) {
    t->name = p.name();
    if (!dtypeOf(p.data_type(), &t->dtype)) {
        *why = "tensor '" + p.name() + "' is " + onnxTypeName(p.data_type()) +
               ", which Ember does not support (float32, int8/16/32/64, uint8/32/64, bool)";
        return false;
    }
    t->shape.clear();
    int64_t n = 1;
    for (int64_t dim : p.dims()) {
        if (dim < 0 || dim > INT32_MAX) {
            *why = "tensor '" + p.name() + "' has the dimension " + std::to_string(dim);
            return false;
        }
        t->shape.push_back(int32_t(dim));
        n *= dim;
        if (n > (int64_t(1) << 31)) {
            *why = "tensor '" + p.name() + "' is too large";
            return false;
        }
    }
    const size_t es = dtypeSize(t->dtype), bytes = size_t(n) * es;
    t->data.assign(bytes, 0);
    if (p.data_location() == onnx::TensorProto::EXTERNAL) {
        std::string location;
        int64_t offset = 0, length = -1;
        for (const auto &kv : p.external_data()) {
            if (kv.key() == "location") location = kv.value();
            else if (kv.key() == "offset") offset = std::atoll(kv.value().c_str());
            else if (kv.key() == "length") length = std::atoll(kv.value().c_str());
        }
        const fs::path file = dir / location;
        if (location.empty() || fs::path(location).is_absolute() || location.find("..") != std::string::npos) {
            *why = "tensor '" + p.name() + "' has the external data location '" + location +
                   "'; it must be a file name relative to the model's folder";
            return false;
        }
        std::ifstream f(file, std::ios::binary);
        if (!f) {
            *why = "tensor '" + p.name() + "': cannot open its external data file " + file.string();
            return false;
        }
        if (length >= 0 && size_t(length) != bytes) {
            *why = "tensor '" + p.name() + "': external data length " + std::to_string(length) + " but " +
                   std::to_string(bytes) + " bytes expected";
            return false;
        }
        f.seekg(offset);
        f.read(reinterpret_cast<char *>(t->data.data()), std::streamsize(bytes));
        if (size_t(f.gcount()) != bytes) {
            *why = "tensor '" + p.name() + "': its external data file " + file.string() + " is too short";
            return false;
        }
        return true;
    }
    if (p.has_raw_data()) {
        if (p.raw_data().size() != bytes) {
            *why = "tensor '" + p.name() + "' has " + std::to_string(p.raw_data().size()) + " raw bytes, " +
                   std::to_string(bytes) + " expected for " + shapeString(t->shape);
            return false;
        }
        std::memcpy(t->data.data(), p.raw_data().data(), bytes);
        return true;
    }
    auto fill = [&](const auto &field) {
        if (int64_t(field.size()) != n) {
            *why = "tensor '" + p.name() + "' has " + std::to_string(field.size()) + " values, " +
                   std::to_string(n) + " expected for " + shapeString(t->shape);
            return false;
        }
        for (int64_t i = 0; i < n; ++i) {
            uint8_t *dst = t->data.data() + size_t(i) * es;
            auto v = field.Get(int(i));
            switch (t->dtype) {
                case DType::Float32: { float f = float(v); std::memcpy(dst, &f, 4); break; }
                case DType::Int8: case DType::UInt8: case DType::Bool: *dst = uint8_t(v); break;
                case DType::Int16: { int16_t s = int16_t(v); std::memcpy(dst, &s, 2); break; }
                case DType::Int32: case DType::UInt32: { int32_t s = int32_t(v); std::memcpy(dst, &s, 4); break; }
                case DType::Int64: case DType::UInt64: { int64_t s = int64_t(v); std::memcpy(dst, &s, 8); break; }
            }
        }
        return true;
    };
    switch (p.data_type()) {
        case onnx::TensorProto::FLOAT: return fill(p.float_data());
        case onnx::TensorProto::INT64: return fill(p.int64_data());
        case onnx::TensorProto::UINT32: case onnx::TensorProto::UINT64: return fill(p.uint64_data());
        default: return fill(p.int32_data());
    }
}

}  // namespace

namespace onnximp {

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

static int materialize(Ctx &c, const std::string &name, bool cl) {
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
    const int idx = addTensor(channelsLast ? name + "#nhwc" : name, t, shape);
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
    addOp(OpType::Transpose, {t, p}, {o});
    return o;
}
int Ctx::reshape(int t, const Shape &shape, const std::string &name) {
    const int s = constI32(name + "/shape", std::vector<int32_t>(shape.begin(), shape.end()));
    const int o = addTensor(name, g.tensors[size_t(t)].dtype, shape);
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
        return x;
    }();
    return m;
}

}  // namespace onnximp

namespace {

// Evaluates the ops [from, end) whose inputs are all constant right away
// (as the folding pass would), so that lowerings of later nodes see their
// results (Shape → Gather → Concat feeding a Slice's starts, ...).
void foldNewOps(Graph &g, size_t from) {
    std::vector<Op> kept(g.ops.begin(), g.ops.begin() + long(from));
    for (size_t k = from; k < g.ops.size(); ++k) {
        Op &op = g.ops[k];
        const OpKernel *kern = findKernel(op.type);
        bool allConst = !op.inputs.empty() && kern && kern->eval;
        for (int i : op.inputs)
            if (i >= 0 && !g.tensors[size_t(i)].isConst) allConst = false;
        for (int o : op.outputs)
            if (g.tensors[size_t(o)].isOutput) allConst = false;
        Diagnostics scratch;
        if (allConst && kern->prepare(g, op, scratch)) {
            Buffers buf(g.tensors.size());
            for (int i : op.inputs)
                if (i >= 0) buf[size_t(i)] = g.tensors[size_t(i)].data;
            for (int o : op.outputs) buf[size_t(o)].assign(g.tensors[size_t(o)].bytes(), 0);
            kern->eval(g, op, buf);
            for (int o : op.outputs) {
                g.tensors[size_t(o)].data = std::move(buf[size_t(o)]);
                g.tensors[size_t(o)].isConst = true;
            }
            continue;
        }
        op.params.reset();
        kept.push_back(std::move(op));
    }
    g.ops = std::move(kept);
}

Result<Graph> importModel(onnx::ModelProto &model, const fs::path &dir, const std::string &origin,
                          const OnnxImportOptions &opts) {
    Diagnostics d;
    d.setFile(origin);
    if (opts.ioLayout != "nchw" && opts.ioLayout != "nhwc") {
        d.error("--onnx-io-layout must be nchw or nhwc, not '" + opts.ioLayout + "'");
        return d;
    }
    Ctx c(d);
    c.opts = opts;
    for (const auto &os : model.opset_import())
        if (os.domain().empty() || os.domain() == "ai.onnx") c.opset = int(os.version());
        else if (os.domain() != "ai.onnx.ml") {
            // Custom domains are only refused when a node uses them.
        }
    if (c.opset == 0) {
        d.error("the model imports no version of the default ONNX operator set (opset_import); re-export it");
        return d;
    }
    const int known = onnx::OpSchemaRegistry::DomainToVersionRange::Instance().Map().at("").second;
    onnx::GraphProto *graph = model.mutable_graph();

    // Bound inputs become initializers; symbolic dimensions become 1.
    for (const auto &[name, t] : opts.constantInputs) {
        onnx::TensorProto *p = graph->add_initializer();
        p->set_name(name);
        int32_t et = onnx::TensorProto::FLOAT;
        switch (t.dtype) {
            case DType::Float32: et = onnx::TensorProto::FLOAT; break;
            case DType::Int8: et = onnx::TensorProto::INT8; break;
            case DType::UInt8: et = onnx::TensorProto::UINT8; break;
            case DType::Int16: et = onnx::TensorProto::INT16; break;
            case DType::Int32: et = onnx::TensorProto::INT32; break;
            case DType::Int64: et = onnx::TensorProto::INT64; break;
            case DType::Bool: et = onnx::TensorProto::BOOL; break;
            case DType::UInt32: et = onnx::TensorProto::UINT32; break;
            case DType::UInt64: et = onnx::TensorProto::UINT64; break;
        }
        p->set_data_type(et);
        for (int32_t dim : t.shape) p->add_dims(dim);
        p->set_raw_data(std::string(t.data.begin(), t.data.end()));
    }
    std::set<std::string> inits;
    for (const auto &i : graph->initializer()) inits.insert(i.name());
    for (auto &vi : *graph->mutable_input()) {
        if (inits.count(vi.name()) || !vi.type().has_tensor_type()) continue;
        auto *shape = vi.mutable_type()->mutable_tensor_type()->mutable_shape();
        for (auto &dim : *shape->mutable_dim())
            if (!dim.has_dim_value()) {
                d.warning("input '" + vi.name() + "' has the symbolic dimension '" + dim.dim_param() +
                          "'; compiled for 1 (use --dim on the TFLite path for dynamic sizes)");
                dim.set_dim_value(1);
            }
    }
    if (c.opset <= known && model.ir_version() <= onnx::IR_VERSION) {
        try {
            onnx::checker::check_model(model);
        } catch (const std::exception &e) {
            std::string msg = e.what();
            if (msg.size() > 600) msg = msg.substr(0, 600) + "...";
            d.error("the ONNX checker rejects the model: " + msg + "; fix or re-export the model");
            return d;
        }
    }
    try {
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(false, 0, true));
    } catch (const std::exception &e) {
        d.warning(std::string("ONNX shape inference stopped: ") + e.what());
    }
    for (const auto &vi : graph->value_info()) c.types[vi.name()] = &vi.type();
    for (const auto &vi : graph->output()) c.types[vi.name()] = &vi.type();
    for (const auto &n : graph->node())
        for (const auto &i : n.input()) ++c.consumers[i];
    for (const auto &o : graph->output()) ++c.consumers[o.name()];

    c.g.name = fs::path(origin).stem().string();
    c.g.sourcePath = origin;
    try {
        for (const auto &init : graph->initializer()) {
            Tensor t;
            std::string why;
            if (!tensorFromProto(init, dir, &t, &why)) {
                d.error(why);
                return d;
            }
            t.isConst = true;
            c.g.tensors.push_back(std::move(t));
            c.values[init.name()] = Value{int(c.g.tensors.size()) - 1, -1};
            if (c.g.tensors.back().shape.size() < 3) c.values[init.name()].cl = c.values[init.name()].t;
        }
        for (const auto &vi : graph->input()) {
            if (inits.count(vi.name()) || opts.constantInputs.count(vi.name())) continue;
            const auto &tt = vi.type().tensor_type();
            DType dt;
            if (!vi.type().has_tensor_type() || !dtypeOf(tt.elem_type(), &dt)) {
                d.error("input '" + vi.name() + "' is not a tensor of a supported type (float32, int8/16/32/64, "
                        "uint8, bool)");
                return d;
            }
            if (!tt.has_shape()) {
                d.error("input '" + vi.name() + "' has no shape; give the model static input shapes");
                return d;
            }
            Shape s;
            for (const auto &dim : tt.shape().dim()) {
                if (dim.dim_value() < 0 || dim.dim_value() > INT32_MAX) {
                    d.error("input '" + vi.name() + "' has the dimension " + std::to_string(dim.dim_value()));
                    return d;
                }
                s.push_back(int32_t(dim.dim_value()));
            }
            const bool cl = opts.ioLayout == "nhwc" && s.size() == 4;
            const int t = c.addTensor(cl ? vi.name() + "#nhwc" : vi.name(), dt, cl ? permuted(s, toCL(4)) : s);
            c.g.tensors[size_t(t)].isInput = true;
            c.g.inputs.push_back(t);
            Value v;
            (cl ? v.cl : v.t) = t;
            if (s.size() < 3) v.cl = v.t = t;
            c.values[vi.name()] = v;
        }
        const auto &table = lowerings();
        for (int k = 0; k < graph->node_size(); ++k) {
            const onnx::NodeProto &n = graph->node(k);
            c.node = &n;
            c.nodeIndex = k;
            if (!n.domain().empty() && n.domain() != "ai.onnx")
                c.refuse("operators of the domain '" + n.domain() +
                         "' are not supported; only the default ONNX domain is");
            auto it = table.find(n.op_type());
            if (it == table.end())
                c.refuse("the ONNX operator " + n.op_type() +
                         " is not supported; see docs/ONNX.md for the supported operators, or replace it "
                         "before export");
            if (n.output_size() == 0 || n.output(0).empty()) c.refuse("the node has no (first) output");
            const size_t first = c.g.ops.size();
            it->second(c);
            for (int j = 0; j < n.output_size(); ++j)
                if (!n.output(j).empty() && !c.values.count(n.output(j)) && c.consumers.count(n.output(j)))
                    c.refuse("output " + std::to_string(j) + " ('" + n.output(j) + "') is not supported");
            foldNewOps(c.g, first);
        }
        c.node = nullptr;
        c.nodeIndex = -1;
        // Graph outputs, in the requested layout, each a tensor of its own.
        for (const auto &vi : graph->output()) {
            if (!c.values.count(vi.name())) {
                d.error("output '" + vi.name() + "' is not produced by any node");
                return d;
            }
            const Value &v = c.values[vi.name()];
            const Tensor &any = c.g.tensors[size_t(v.t >= 0 ? v.t : v.cl)];
            const size_t rank = v.t >= 0 ? any.shape.size() : any.shape.size();
            const bool cl = opts.ioLayout == "nhwc" && rank == 4;
            int t = materialize(c, vi.name(), cl);
            const Tensor &x = c.g.tensors[size_t(t)];
            if (x.isInput || x.isConst || x.isOutput) {
                const Shape s = x.shape;
                t = c.reshape(t, s, vi.name() + (cl ? "#nhwc" : "") + "#out");
            }
            c.g.tensors[size_t(t)].isOutput = true;
            c.g.outputs.push_back(t);
        }
    } catch (const Refused &) {
        return d;
    } catch (const std::exception &e) {
        // A malformed model that slipped past the checker (fuzzing finds them).
        Diagnostic &x = d.error(std::string("the model is malformed (") + e.what() + "); check or re-export it");
        x.opIndex = c.nodeIndex;
        return d;
    }
    // Names must be unique for the generated identifiers' sake.
    std::map<std::string, int> seen;
    for (Tensor &t : c.g.tensors) {
        const int n = seen[t.name]++;
        if (n) t.name += "#" + std::to_string(n);
    }
    return std::move(c.g);
}

}  // namespace

Result<Graph> importOnnxBuffer(const uint8_t *data, size_t size, const std::string &origin,
                               const OnnxImportOptions &opts) {
    Diagnostics d;
    d.setFile(origin);
    onnx::ModelProto model;
    if (size > size_t(INT32_MAX) || !model.ParseFromArray(data, int(size))) {
        d.error("not a valid ONNX model (the protobuf does not parse); check the file");
        return d;
    }
    if (!model.has_graph()) {
        d.error("the ONNX model has no graph");
        return d;
    }
    return importModel(model, fs::path(origin).parent_path(), origin, opts);
}

Result<Graph> importOnnx(const std::string &path, const OnnxImportOptions &opts) {
    std::ifstream f(path, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (!f.good() && !f.eof()) {
        Diagnostics d;
        d.setFile(path);
        d.error("cannot read the file");
        return d;
    }
    return importOnnxBuffer(bytes.data(), bytes.size(), path, opts);
}

Result<Tensor> readOnnxTensorFile(const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::ifstream f(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    onnx::TensorProto p;
    if (!f.good() && !f.eof()) {
        d.error("cannot read the file");
        return d;
    }
    if (!p.ParseFromString(bytes)) {
        d.error("not a serialized onnx.TensorProto");
        return d;
    }
    Tensor t;
    std::string why;
    if (!tensorFromProto(p, fs::path(path).parent_path(), &t, &why)) {
        d.error(why);
        return d;
    }
    return t;
}

std::vector<std::string> onnxSupportedOps() {
    std::vector<std::string> v;
    for (const auto &kv : lowerings()) v.push_back(kv.first);
    return v;
}

}  // namespace ember
