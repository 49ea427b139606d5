// metadata.json: the package described for tools (emberc, the studio, board
// runners). The methods follow the document from top to bottom.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "JsonUtf8.h"
#include "Writers.h"

namespace ember::codegen {

namespace {

using json = nlohmann::ordered_json;

class MetadataWriter {
public:
    MetadataWriter(const Model &m, const Artifacts &a) : m_(m), g_(m.g), plan_(m.plan), mode_(m.mode), a_(a) {}

    std::string write() {
        json d;
        d["name"] = m_.name;
        d["generator"] = "ember 0.1.0";
        d["model"] = std::filesystem::path(g_.sourcePath).filename().string();
        d["options"] = options();
        if (!m_.dimNames.empty()) d["dims"] = dims();
        if (!m_.derivedNames.empty()) d["derived_dims"] = derivedDims();
        d["inputs"] = json::array();
        for (const Io &io : m_.inputs) d["inputs"].push_back(tensor(io));
        d["outputs"] = json::array();
        for (const Io &io : m_.outputs) d["outputs"].push_back(tensor(io));
        d["layers"] = layers();
        d["pools"] = pools();
        if (mode_.statePool >= 0) d["state"] = state();
        if (mode_.constantsPool)
            d["constants_pool"] = {{"bytes", m_.cpoolBytes}, {"image", m_.name + "_constants_image"}, {"align", 16}};
        d["plan"] = plan();
        d["constants_bytes"] = a_.constantBytes;
        d["code_lines"] = a_.codeLines;
        if (mode_.functionTable) {
            d["functions"] = json::array();
            d["functions"].push_back(m_.name + "_run");
            for (const Layer &L : m_.layers) d["functions"].push_back(L.function);
        }
        d["files"] = json::array();
        for (const auto &f : a_.files) d["files"].push_back(f.first);
        d["files"].push_back("metadata.json");
        makeUtf8Safe(d);
        return d.dump(1) + "\n";
    }

private:
    json options() const {
        json o;
        o["operators"] = mode_.packedLayers ? "packed" : "unpacked";
        o["interface_api"] = mode_.packedEntry ? "packed" : "c";
        o["packed_wrappers"] = mode_.packedWrappers;
        if (mode_.anyPacked) o["checked_packed"] = mode_.checkedPacked;
        o["planner"] = plan_.planner;
        o["align"] = m_.opts.plan.align;
        o["io"] = mode_.ioInWorkspace ? "workspace" : "separate";
        o["constants"] = mode_.constantsPool ? "pool" : "flash";
        o["app_pools"] = mode_.appPools;
        o["target"] = m_.opts.target.empty() ? "generic" : m_.opts.target;
        // Only when not the default, so balanced packages stay byte-identical.
        if (!m_.opts.optimize.empty() && m_.opts.optimize != "balanced") o["optimize"] = m_.opts.optimize;
        return o;
    }

    json dims() const {
        json r = json::array();
        for (size_t d = 0; d < m_.dimNames.size(); ++d)
            r.push_back({{"tensor", m_.dyn.dims[d].tensor},
                         {"c_name", m_.dimNames[d]},
                         {"axis", m_.dyn.dims[d].axis},
                         {"min", m_.dyn.dims[d].min},
                         {"max", m_.dyn.dims[d].max}});
        return r;
    }

    // Extents computed at run time ("dim" indices past the --dims' name
    // these): (extent of dim `from` - window) / stride + 1.
    json derivedDims() const {
        json r = json::array();
        for (size_t k = 0; k < m_.derivedNames.size(); ++k) {
            const DerivedDim &dd = m_.dyn.derived[k];
            r.push_back({{"c_name", m_.derivedNames[k]},
                         {"from", dd.from},
                         {"window", dd.window},
                         {"stride", dd.stride},
                         {"min", m_.dyn.minExtent(int(m_.dimNames.size() + k))},
                         {"max", m_.dyn.maxExtent(int(m_.dimNames.size() + k))}});
        }
        return r;
    }

    json tensor(const Io &io) const {
        const Tensor &t = g_.tensors[size_t(io.tensor)];
        json j;
        j["name"] = t.name;
        j["c_name"] = io.field;
        j["dtype"] = dtypeName(t.dtype);
        j["shape"] = t.shape;
        j["bytes"] = t.bytes();
        if (!t.quant.empty()) {
            j["scale"] = t.quant.sc();
            j["zero_point"] = t.quant.zp();
        }
        if (m_.dyn.isDynamic(io.tensor)) {
            // shape and bytes are at the bound; these axes follow the run-time extents.
            json axes = json::array();
            for (size_t a = 0; a < t.shape.size(); ++a)
                if (m_.dyn.dimOf(io.tensor, a) >= 0) axes.push_back({{"axis", a}, {"dim", m_.dyn.dimOf(io.tensor, a)}});
            j["dynamic_axes"] = axes;
        }
        if (mode_.ioInWorkspace) {
            if (const PlannedBuffer *b = m_.planned(io.tensor)) {
                j["pool"] = plan_.pools[size_t(b->pool)].name;
                j["offset"] = b->offset;
            }
        }
        return j;
    }

    json layers() const {
        json r = json::array();
        for (size_t k = 0; k < m_.layers.size(); ++k) {
            const Op &op = *m_.layers[k].op;
            json l;
            l["index"] = k;
            l["model_index"] = op.index;
            l["name"] = g_.layerName(op);
            l["op"] = m_.layers[k].opName();
            l["function"] = m_.layers[k].function;
            int64_t macs = 0;
            for (const Op *o : m_.layers[k].chain.empty() ? std::vector<const Op *>{&op} : m_.layers[k].chain) {
                const OpKernel *kernel = findKernel(o->type);
                macs += kernel && kernel->macs ? kernel->macs(g_, *o) : 0;
            }
            l["macs"] = macs;
            r.push_back(l);
        }
        return r;
    }

    json pools() const {
        json r = json::array();
        for (size_t p = 0; p < plan_.pools.size(); ++p) {
            const PoolSpec &pool = plan_.pools[p];
            json j;
            j["name"] = pool.name;
            j["c_name"] = pool.appProvided ? sanitizeIdentifier(pool.name) : m_.poolSymbol(pool);
            j["size"] = m_.poolBytes(p);
            j["used"] = plan_.poolUsed[p];
            j["capacity"] = pool.size;
            j["section"] = pool.section;
            j["align"] = pool.align;
            j["app_provided"] = pool.appProvided;
            r.push_back(j);
        }
        return r;
    }

    json state() const {
        json st;
        st["pool"] = kStatePoolName;
        st["bytes"] = m_.poolBytes(size_t(mode_.statePool));
        st["reset"] = m_.name + "_reset";
        st["tensors"] = json::array();
        for (int t : m_.stateTensors()) {
            const Tensor &x = g_.tensors[size_t(t)];
            st["tensors"].push_back({{"name", x.name},
                                     {"dtype", dtypeName(x.dtype)},
                                     {"offset", m_.planned(t)->offset},
                                     {"bytes", x.bytes()}});
            // The start-up value NAME_reset gives it (host tools that keep
            // the tensor elsewhere, e.g. the RPC server's slots, restore it).
            json &e = st["tensors"].back();
            if (x.data.size() == x.bytes()) {
                static const char hex[] = "0123456789abcdef";
                std::string h;
                for (uint8_t b : x.data) h += hex[b >> 4], h += hex[b & 15];
                e["init_hex"] = h;
            } else {
                e["reset_byte"] = int(variableResetByte(x));
            }
        }
        return st;
    }

    json plan() const {
        json p;
        p["planner"] = plan_.planner;
        p["steps"] = plan_.steps;
        p["lower_bound"] = plan_.lowerBound;
        p["total_used"] = plan_.totalUsed();
        p["buffers"] = json::array();
        for (const PlannedBuffer &b : plan_.buffers) {
            json j;
            j["tensor"] = b.name;
            j["pool"] = plan_.pools[size_t(b.pool)].name;
            j["offset"] = b.offset;
            j["bytes"] = b.bytes;
            j["first"] = b.first;
            j["last"] = b.last;
            p["buffers"].push_back(j);
        }
        return p;
    }

    const Model &m_;
    const Graph &g_;
    const MemoryPlan &plan_;
    const Layout &mode_;
    const Artifacts &a_;
};

}  // namespace

std::string writeMetadata(const Model &m, const Artifacts &a) { return MetadataWriter(m, a).write(); }

}  // namespace ember::codegen
