#include "Validate.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "../reference/Executor.h"

namespace ember {

namespace {

// Deterministic inputs: xorshift64*, independent of the C++ library (the
// same sequence `emberc validate --seed` has always used).
struct Rng {
    uint64_t s;
    uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ULL;
    }
};

size_t argmax(const std::vector<double> &v) {
    return size_t(std::max_element(v.begin(), v.end()) - v.begin());
}

bool readAll(const std::string &path, std::vector<uint8_t> *out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    return true;
}

size_t caseBytes(const Graph &g) {
    size_t n = 0;
    for (int t : g.inputs) n += g.tensors[size_t(t)].bytes();
    return n;
}

// Splits raw bytes (the inputs back to back, k cases) into cases.
Result<std::vector<CaseInputs>> splitRaw(const Graph &g, const std::vector<uint8_t> &bytes, const std::string &file) {
    Diagnostics d;
    d.setFile(file);
    const size_t per = caseBytes(g);
    if (per == 0 || bytes.empty() || bytes.size() % per != 0) {
        d.error("holds " + std::to_string(bytes.size()) + " bytes, not a multiple of the " + std::to_string(per) +
                " bytes one case of the model's inputs takes; give raw " +
                std::string(g.inputs.empty() ? "" : dtypeName(g.tensors[size_t(g.inputs[0])].dtype)) +
                " data of the input shape, or a .npy file");
        return d;
    }
    std::vector<CaseInputs> out;
    for (size_t off = 0; off < bytes.size();) {
        CaseInputs c;
        for (int t : g.inputs) {
            const size_t n = g.tensors[size_t(t)].bytes();
            c.emplace_back(bytes.begin() + long(off), bytes.begin() + long(off + n));
            off += n;
        }
        out.push_back(std::move(c));
    }
    return out;
}

// A NumPy .npy file (format 1.0/2.0/3.0, C order): little-endian float32/64,
// int8/16/32, uint8. Data of the input's own type is taken as is; other
// numeric data is converted through real values (quantized for int8 inputs).
Result<std::vector<CaseInputs>> loadNpy(const Graph &g, const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::vector<uint8_t> b;
    if (!readAll(path, &b)) {
        d.error("cannot read the file; check the path and permissions");
        return d;
    }
    if (b.size() < 10 || std::memcmp(b.data(), "\x93NUMPY", 6) != 0) {
        d.error("is not a .npy file (no \\x93NUMPY magic); save the array with numpy.save");
        return d;
    }
    const int major = b[6];
    const size_t hlenBytes = major == 1 ? 2 : 4;
    size_t hlen = 0;
    for (size_t i = 0; i < hlenBytes; ++i) hlen |= size_t(b[8 + i]) << (8 * i);
    const size_t dataOff = 8 + hlenBytes + hlen;
    if (dataOff > b.size()) {
        d.error("the .npy header is truncated; the file is damaged");
        return d;
    }
    const std::string header(b.begin() + long(8 + hlenBytes), b.begin() + long(dataOff));
    auto field = [&](const std::string &key) {
        const size_t k = header.find("'" + key + "'");
        if (k == std::string::npos) return std::string();
        size_t v = header.find(':', k);
        return v == std::string::npos ? std::string() : header.substr(v + 1);
    };
    std::string descr = field("descr");
    const size_t q1 = descr.find('\''), q2 = descr.find('\'', q1 + 1);
    descr = q1 == std::string::npos || q2 == std::string::npos ? "" : descr.substr(q1 + 1, q2 - q1 - 1);
    if (field("fortran_order").find("True") == 0 || field("fortran_order").find(" True") == 0) {
        d.error("is stored in Fortran order; save a C-ordered array (numpy.ascontiguousarray)");
        return d;
    }
    struct Kind { const char *descr; size_t size; DType dtype; bool isFloat; };
    static const Kind kinds[] = {{"<f4", 4, DType::Float32, true}, {"<f8", 8, DType::Float32, true},
                                 {"|i1", 1, DType::Int8, false},   {"|u1", 1, DType::UInt8, false},
                                 {"<i2", 2, DType::Int16, false},  {"<i4", 4, DType::Int32, false}};
    const Kind *kind = nullptr;
    for (const Kind &k : kinds)
        if (descr == k.descr) kind = &k;
    if (!kind) {
        d.error("has dtype '" + descr + "'; use float32, float64, int8, uint8, int16 or int32 (little endian)");
        return d;
    }
    const size_t n = (b.size() - dataOff) / kind->size;
    std::vector<double> values(n);
    const uint8_t *p = b.data() + dataOff;
    for (size_t i = 0; i < n; ++i) {
        const uint8_t *e = p + i * kind->size;
        if (descr == "<f4") { float f; std::memcpy(&f, e, 4); values[i] = f; }
        else if (descr == "<f8") { double f; std::memcpy(&f, e, 8); values[i] = f; }
        else if (descr == "|i1") values[i] = int8_t(*e);
        else if (descr == "|u1") values[i] = *e;
        else if (descr == "<i2") { int16_t v; std::memcpy(&v, e, 2); values[i] = v; }
        else { int32_t v; std::memcpy(&v, e, 4); values[i] = v; }
    }
    // Elements of one case: every input's elements, back to back.
    size_t per = 0;
    for (int t : g.inputs) per += size_t(g.tensors[size_t(t)].elements());
    if (per == 0 || n == 0 || n % per != 0) {
        d.error("holds " + std::to_string(n) + " values, not a multiple of the " + std::to_string(per) +
                " values one case of the model's inputs takes; shape it (cases, ...input shape)");
        return d;
    }
    std::vector<CaseInputs> out;
    for (size_t off = 0; off < n;) {
        CaseInputs c;
        for (int ti : g.inputs) {
            const Tensor &t = g.tensors[size_t(ti)];
            const size_t m = size_t(t.elements());
            if (kind->dtype == t.dtype && !(kind->isFloat && descr == "<f8")) {
                // The input's own type: the bytes as stored.
                const uint8_t *src = p + off * kind->size;
                c.emplace_back(src, src + m * kind->size);
            } else {
                const std::vector<double> slice(values.begin() + long(off), values.begin() + long(off + m));
                // Integers given for a quantized input are its stored values;
                // real numbers are quantized.
                Tensor as = t;
                if (!kind->isFloat) as.quant = Quant();
                c.push_back(fromReal(as, slice));
            }
            off += m;
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

void MetricsAccumulator::add(const std::vector<double> &actual, const std::vector<double> &expected) {
    const size_t n = std::min(actual.size(), expected.size());
    for (size_t i = 0; i < n; ++i) {
        const double e = std::fabs(actual[i] - expected[i]);
        maxAbs_ = std::max(maxAbs_, e);
        sumAbs_ += e;
        sumSq_ += e * e;
        dot_ += actual[i] * expected[i];
        normA_ += actual[i] * actual[i];
        normE_ += expected[i] * expected[i];
    }
    n_ += int64_t(n);
    if (n > 1) {
        ++cases_;
        if (argmax(actual) == argmax(expected)) ++agree_;
    }
}

ErrorMetrics MetricsAccumulator::result() const {
    ErrorMetrics m;
    m.count = n_;
    m.maxAbs = maxAbs_;
    m.mae = n_ ? sumAbs_ / double(n_) : 0;
    m.rmse = n_ ? std::sqrt(sumSq_ / double(n_)) : 0;
    if (normA_ == 0 && normE_ == 0) m.cosine = 1;
    else if (normA_ == 0 || normE_ == 0) m.cosine = 0;
    else m.cosine = dot_ / (std::sqrt(normA_) * std::sqrt(normE_));
    m.top1Cases = cases_;
    m.top1Agree = agree_;
    return m;
}

std::vector<double> toReal(const Tensor &t, const std::vector<uint8_t> &bytes) {
    const size_t n = bytes.size() / dtypeSize(t.dtype);
    std::vector<double> v(n);
    // Per-channel: the channel of element i along quant.axis.
    size_t inner = 1, channels = 1;
    if (t.quant.perChannel() && t.quant.axis >= 0 && size_t(t.quant.axis) < t.shape.size()) {
        channels = size_t(t.shape[size_t(t.quant.axis)]);
        for (size_t k = size_t(t.quant.axis) + 1; k < t.shape.size(); ++k) inner *= size_t(t.shape[k]);
    }
    for (size_t i = 0; i < n; ++i) {
        const uint8_t *e = bytes.data() + i * dtypeSize(t.dtype);
        double x = 0;
        switch (t.dtype) {
        case DType::Float32: { float f; std::memcpy(&f, e, 4); x = f; break; }
        case DType::Int8: x = int8_t(*e); break;
        case DType::UInt8: x = *e; break;
        case DType::Bool: x = *e ? 1 : 0; break;
        case DType::Int16: { int16_t q; std::memcpy(&q, e, 2); x = q; break; }
        case DType::Int32: { int32_t q; std::memcpy(&q, e, 4); x = q; break; }
        case DType::UInt32: { uint32_t q; std::memcpy(&q, e, 4); x = q; break; }
        case DType::Int64: { int64_t q; std::memcpy(&q, e, 8); x = double(q); break; }
        case DType::UInt64: { uint64_t q; std::memcpy(&q, e, 8); x = double(q); break; }
        }
        if (!t.quant.empty() && t.dtype != DType::Float32) {
            const size_t c = channels > 1 ? (i / inner) % channels : 0;
            x = double(t.quant.sc(c)) * (x - double(t.quant.zp(c)));
        }
        v[i] = x;
    }
    return v;
}

std::vector<uint8_t> fromReal(const Tensor &t, const std::vector<double> &values) {
    const size_t w = dtypeSize(t.dtype);
    std::vector<uint8_t> b(values.size() * w);
    for (size_t i = 0; i < values.size(); ++i) {
        double x = values[i];
        uint8_t *e = b.data() + i * w;
        if (t.dtype == DType::Float32) {
            const float f = float(x);
            std::memcpy(e, &f, 4);
            continue;
        }
        if (!t.quant.empty() && t.quant.sc() != 0) x = x / double(t.quant.sc()) + double(t.quant.zp());
        x = std::round(x);
        auto clamp = [&](double lo, double hi) { return std::min(hi, std::max(lo, x)); };
        switch (t.dtype) {
        case DType::Int8: { const int8_t q = int8_t(clamp(-128, 127)); std::memcpy(e, &q, 1); break; }
        case DType::UInt8: *e = uint8_t(clamp(0, 255)); break;
        case DType::Bool: *e = x != 0; break;
        case DType::Int16: { const int16_t q = int16_t(clamp(-32768, 32767)); std::memcpy(e, &q, 2); break; }
        case DType::Int32: { const int32_t q = int32_t(clamp(-2147483648.0, 2147483647.0)); std::memcpy(e, &q, 4); break; }
        case DType::UInt32: { const uint32_t q = uint32_t(clamp(0, 4294967295.0)); std::memcpy(e, &q, 4); break; }
        case DType::Int64: { const int64_t q = int64_t(x); std::memcpy(e, &q, 8); break; }
        case DType::UInt64: { const uint64_t q = uint64_t(std::max(0.0, x)); std::memcpy(e, &q, 8); break; }
        case DType::Float32: break;
        }
    }
    return b;
}

std::vector<uint8_t> randomTensorBytes(const Tensor &t, uint64_t *state) {
    Rng rng{*state};
    std::vector<uint8_t> b(t.bytes());
    if (t.dtype == DType::Float32) {
        for (size_t i = 0; i < size_t(t.elements()); ++i) {
            // Sum of uniforms: roughly normal, mean 0, sd 1.
            double acc = 0;
            for (int k = 0; k < 12; ++k) acc += double(rng.next() >> 11) / double(1ULL << 53);
            const float f = float(acc - 6.0);
            std::memcpy(b.data() + i * 4, &f, 4);
        }
    } else {
        for (auto &x : b) x = uint8_t(rng.next() >> 56);
    }
    *state = rng.s;
    return b;
}

CaseInputs randomCase(const Graph &g, uint64_t seed, int caseIndex) {
    uint64_t s = seed * 0x9E3779B97F4A7C15ULL + uint64_t(caseIndex) + 1;
    CaseInputs c;
    for (int t : g.inputs) c.push_back(randomTensorBytes(g.tensors[size_t(t)], &s));
    return c;
}

Result<std::vector<CaseInputs>> loadValidationInputs(const Graph &g, const std::string &spec, int randomCases) {
    Diagnostics d;
    if (spec.rfind("random:", 0) == 0 || spec == "random") {
        const std::string s = spec.size() > 7 ? spec.substr(7) : "1";
        uint64_t seed = 0;
        for (char c : s) {
            if (c < '0' || c > '9') {
                d.error("--input " + spec + ": the seed is not a whole number; use e.g. random:1");
                return d;
            }
            seed = seed * 10 + uint64_t(c - '0');
        }
        std::vector<CaseInputs> out;
        for (int c = 0; c < std::max(1, randomCases); ++c) out.push_back(randomCase(g, seed, c));
        return out;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_directory(spec, ec)) {
        for (const auto &e : fs::directory_iterator(spec, ec))
            if (e.is_regular_file()) files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            d.setFile(spec);
            d.error("the input folder holds no files; put one raw or .npy file per case in it");
            return d;
        }
    } else if (fs::is_regular_file(spec, ec)) {
        files.push_back(spec);
    } else {
        d.setFile(spec);
        d.error("no such input file or folder; give FILE, DIR, x.npy or random:SEED");
        return d;
    }
    std::vector<CaseInputs> out;
    for (const std::string &f : files) {
        Result<std::vector<CaseInputs>> r = fs::path(f).extension() == ".npy" ? loadNpy(g, f) : [&] {
            std::vector<uint8_t> bytes;
            if (!readAll(f, &bytes)) {
                Diagnostics e;
                e.setFile(f);
                e.error("cannot read the file; check the permissions");
                return Result<std::vector<CaseInputs>>(e);
            }
            return splitRaw(g, bytes, f);
        }();
        if (!r) return r.diagnostics();
        for (CaseInputs &c : r.value()) out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::pair<int, int>> correspondingLayers(const Graph &q, const Graph &f) {
    std::map<std::string, int> floatByName;
    for (size_t j = 0; j < f.ops.size(); ++j)
        if (!f.ops[j].outputs.empty()) floatByName[f.tensors[size_t(f.ops[j].outputs[0])].name] = int(j);
    std::vector<std::pair<int, int>> out;
    size_t next = 0;  // float ops before this one are taken
    for (size_t i = 0; i < q.ops.size(); ++i) {
        const Op &op = q.ops[i];
        if (op.outputs.empty() || op.type == OpType::Quantize || op.type == OpType::Dequantize) continue;
        const Tensor &t = q.tensors[size_t(op.outputs[0])];
        int match = -1;
        auto it = floatByName.find(t.name);
        if (it != floatByName.end() && size_t(it->second) >= next &&
            f.tensors[size_t(f.ops[size_t(it->second)].outputs[0])].elements() == t.elements())
            match = it->second;
        for (size_t j = next; match < 0 && j < f.ops.size(); ++j) {
            const Op &fo = f.ops[j];
            if (fo.type == op.type && !fo.outputs.empty() && f.tensors[size_t(fo.outputs[0])].shape == t.shape)
                match = int(j);
        }
        if (match < 0) continue;
        out.emplace_back(int(i), match);
        next = size_t(match) + 1;
    }
    return out;
}

Result<ValidationReport> validateBuild(const Graph &g, const Artifacts &a, const std::vector<CaseInputs> &cases,
                                       const Graph *floatModel, const HostRunOptions &host) {
    Diagnostics d;
    d.setFile(g.sourcePath);
    if (cases.empty()) {
        d.error("no input cases to validate with; give --input FILE, DIR, x.npy or random:SEED");
        return d;
    }
    if (floatModel) {
        bool same = floatModel->inputs.size() == g.inputs.size() && floatModel->outputs.size() == g.outputs.size();
        for (size_t i = 0; same && i < g.inputs.size(); ++i)
            same = floatModel->tensors[size_t(floatModel->inputs[i])].elements() == g.tensors[size_t(g.inputs[i])].elements();
        for (size_t i = 0; same && i < g.outputs.size(); ++i)
            same = floatModel->tensors[size_t(floatModel->outputs[i])].elements() == g.tensors[size_t(g.outputs[i])].elements();
        if (!same) {
            d.setFile(floatModel->sourcePath);
            d.error("the reference model's inputs and outputs do not match the model's (count or element count); "
                    "give the float model this one was quantized from");
            return d;
        }
    }
    auto prog = HostProgram::build(a, g, host);
    if (!prog) return prog.diagnostics();
    ValidationReport rep;
    rep.cases = int(cases.size());
    rep.referencePath = floatModel ? floatModel->sourcePath : "";
    std::vector<MetricsAccumulator> gen(g.outputs.size()), flt(g.outputs.size());
    const std::vector<std::pair<int, int>> pairs = floatModel ? correspondingLayers(g, *floatModel)
                                                              : std::vector<std::pair<int, int>>{};
    std::vector<MetricsAccumulator> layerAcc(pairs.size());
    rep.outputs.resize(g.outputs.size());
    for (size_t j = 0; j < g.outputs.size(); ++j) rep.outputs[j].name = g.tensors[size_t(g.outputs[j])].name;
    for (const CaseInputs &in : cases) {
        if (in.size() != g.inputs.size()) {
            d.error("an input case has " + std::to_string(in.size()) + " buffers; the model has " +
                    std::to_string(g.inputs.size()) + " inputs");
            return d;
        }
        auto all = runReferenceAll(g, in);
        if (!all) return all.diagnostics();
        auto out = prog->run(in);
        if (!out) return out.diagnostics();
        for (size_t j = 0; j < g.outputs.size(); ++j) {
            const Tensor &t = g.tensors[size_t(g.outputs[j])];
            const std::vector<uint8_t> &ref = all.value()[size_t(g.outputs[j])];
            const std::vector<uint8_t> &c = out.value()[j];
            for (size_t k = 0; k < std::min(ref.size(), c.size()); ++k)
                if (ref[k] != c[k]) ++rep.outputs[j].mismatchedBytes;
            if (ref.size() != c.size()) rep.outputs[j].mismatchedBytes += int64_t(std::max(ref.size(), c.size()) - std::min(ref.size(), c.size()));
            gen[j].add(toReal(t, c), toReal(t, ref));
        }
        if (!floatModel) continue;
        CaseInputs fin;
        for (size_t i = 0; i < g.inputs.size(); ++i)
            fin.push_back(fromReal(floatModel->tensors[size_t(floatModel->inputs[i])],
                                   toReal(g.tensors[size_t(g.inputs[i])], in[i])));
        auto fall = runReferenceAll(*floatModel, fin);
        if (!fall) return fall.diagnostics();
        for (size_t j = 0; j < g.outputs.size(); ++j)
            flt[j].add(toReal(g.tensors[size_t(g.outputs[j])], all.value()[size_t(g.outputs[j])]),
                       toReal(floatModel->tensors[size_t(floatModel->outputs[j])], fall.value()[size_t(floatModel->outputs[j])]));
        for (size_t k = 0; k < pairs.size(); ++k) {
            const int qt = g.ops[size_t(pairs[k].first)].outputs[0];
            const int ft = floatModel->ops[size_t(pairs[k].second)].outputs[0];
            layerAcc[k].add(toReal(g.tensors[size_t(qt)], all.value()[size_t(qt)]),
                            toReal(floatModel->tensors[size_t(ft)], fall.value()[size_t(ft)]));
        }
    }
    for (size_t j = 0; j < g.outputs.size(); ++j) {
        rep.outputs[j].generated = gen[j].result();
        rep.bitExact = rep.bitExact && rep.outputs[j].mismatchedBytes == 0;
        if (floatModel) {
            rep.outputs[j].hasFloat = true;
            rep.outputs[j].vsFloat = flt[j].result();
        }
    }
    for (size_t k = 0; k < pairs.size(); ++k) {
        const Op &op = g.ops[size_t(pairs[k].first)];
        LayerReport l;
        l.opIndex = op.index;
        l.opName = op.typeName;
        l.tensor = g.tensors[size_t(op.outputs[0])].name;
        l.floatTensor = floatModel->tensors[size_t(floatModel->ops[size_t(pairs[k].second)].outputs[0])].name;
        l.vsFloat = layerAcc[k].result();
        rep.layers.push_back(std::move(l));
    }
    return rep;
}

}  // namespace ember
