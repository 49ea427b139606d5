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

// One node through its lowering (refuses with Refused).
void lowerNode(Ctx &c, const std::map<std::string, Lowering> &table) {
    const onnx::NodeProto &n = *c.node;
    // com.microsoft operators have their own keys ("com.microsoft.QLinearAdd").
    const bool ms = n.domain() == "com.microsoft";
    if (!n.domain().empty() && n.domain() != "ai.onnx" && !ms)
        c.refuse("operators of the domain '" + n.domain() +
                 "' are not supported; only the default ONNX domain and com.microsoft's QLinearAdd and "
                 "QLinearMul are");
    auto it = table.find(ms ? "com.microsoft." + n.op_type() : n.op_type());
    if (it == table.end() && ms)
        c.refuse("the com.microsoft operator " + n.op_type() +
                 " is not supported (of that domain: QLinearAdd, QLinearMul); replace it before export");
    if (it == table.end())
        c.refuse("the ONNX operator " + n.op_type() +
                 " is not supported; see docs/ONNX.md for the supported operators, or replace it "
                 "before export");
    // RNN, GRU and LSTM may leave Y out and give only Y_h / Y_c.
    const bool recurrent = n.op_type() == "RNN" || n.op_type() == "GRU" || n.op_type() == "LSTM";
    if (n.output_size() == 0 || (n.output(0).empty() && !recurrent)) c.refuse("the node has no (first) output");
    it->second(c);
    for (int j = 0; j < n.output_size(); ++j)
        if (!n.output(j).empty() && !c.values.count(n.output(j)) && c.consumers.count(n.output(j)))
            c.refuse("output " + std::to_string(j) + " ('" + n.output(j) + "') is not supported");
}

// Browse mode: the node just refused (its error the last diagnostic) becomes
// an Unsupported op with that error as its reason, its outputs typed by
// shape inference, so the rest of the graph imports. False when that is not
// possible (outputs of unknown type or shape); the error then stands.
bool keepUnsupported(Ctx &c, size_t firstOp, size_t diags, const std::string &origin) {
    Diagnostics &d = c.d;
    if (d.items().size() != diags + 1) return false;
    const Diagnostic refusal = d.items().back();
    const onnx::NodeProto &n = *c.node;
    c.g.ops.resize(firstOp);
    try {
        std::vector<int> ins, outs;
        for (size_t i = 0; i < c.numInputs(); ++i)
            ins.push_back(c.has(i) && c.values.count(c.inName(i)) ? c.in(i) : -1);
        for (size_t j = 0; j < c.numOutputs(); ++j) {
            if (!c.outUsed(j)) continue;
            if (!c.outKnown(j)) return false;
            outs.push_back(c.out(j));
        }
        Op &op = c.addOp(OpType::Unsupported, ins, outs);
        op.typeName = (n.domain().empty() || n.domain() == "ai.onnx" ? "" : n.domain() + ".") + n.op_type();
        op.unsupportedReason = refusal.message;
    } catch (const Refused &) {
        return false;
    }
    // The refusal is now the op's reason (reported by the browse passes).
    Diagnostics kept;
    kept.setFile(origin);
    for (size_t i = 0; i < diags; ++i) {
        const Diagnostic &x = d.items()[i];
        (x.severity == Diagnostic::Severity::Error ? kept.error(x.message) : kept.warning(x.message)) = x;
    }
    d = std::move(kept);
    return true;
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
        const auto qdq = opts.qdq ? qdqPrepare(*graph) : nullptr;
        for (int k = 0; k < graph->node_size(); ++k) {
            const onnx::NodeProto &n = graph->node(k);
            c.node = &n;
            c.nodeIndex = k;
            const size_t first = c.g.ops.size(), diags = d.items().size();
            try {
                if (!qdq || !qdqLower(c, *qdq, k, [&] { lowerNode(c, table); })) lowerNode(c, table);
            } catch (const Refused &) {
                if (!opts.browse || !keepUnsupported(c, first, diags, origin)) throw;
                continue;
            }
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
