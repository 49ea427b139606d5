// Reads the parts of a package's metadata.json that firmware needs.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "Firmware.h"

namespace ember {

namespace {

std::vector<PackageInfo::Io> readIo(const QJsonArray &arr) {
    std::vector<PackageInfo::Io> r;
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        PackageInfo::Io io;
        io.name = o.value("name").toString().toStdString();
        io.cName = o.value("c_name").toString().toStdString();
        io.dtype = o.value("dtype").toString().toStdString();
        for (const QJsonValue &d : o.value("shape").toArray()) io.shape.push_back(d.toInteger());
        io.bytes = size_t(o.value("bytes").toInteger());
        const QJsonValue scale = o.value("scale");
        io.scale = scale.isArray() ? scale.toArray().first().toDouble() : scale.toDouble();
        const QJsonValue zp = o.value("zero_point");
        io.zeroPoint = zp.isArray() ? zp.toArray().first().toInteger() : zp.toInteger();
        r.push_back(io);
    }
    return r;
}

}  // namespace

bool PackageInfo::hasAppPools() const {
    for (const Pool &p : pools)
        if (p.appProvided) return true;
    return false;
}

Result<PackageInfo> readPackageInfo(const std::string &metadataJson, const std::string &source) {
    Diagnostics d;
    d.setFile(source);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(metadataJson));
    if (!doc.isObject()) {
        d.error("metadata.json is not valid JSON; regenerate the package with `emberc compile`");
        return d;
    }
    const QJsonObject o = doc.object();
    PackageInfo p;
    p.name = o.value("name").toString().toStdString();
    p.inputs = readIo(o.value("inputs").toArray());
    p.outputs = readIo(o.value("outputs").toArray());
    p.constantsBytes = size_t(o.value("constants_bytes").toInteger());
    for (const QJsonValue &v : o.value("layers").toArray()) {
        const QJsonObject l = v.toObject();
        p.layers.push_back({int(l.value("index").toInt()), l.value("name").toString().toStdString(),
                            l.value("op").toString().toStdString(), l.value("function").toString().toStdString(),
                            l.value("macs").toInteger()});
    }
    for (const QJsonValue &v : o.value("pools").toArray()) {
        const QJsonObject l = v.toObject();
        p.pools.push_back({l.value("name").toString().toStdString(), l.value("section").toString().toStdString(),
                           size_t(l.value("size").toInteger()), size_t(l.value("align").toInteger(16)),
                           l.value("app_provided").toBool(), l.value("c_name").toString().toStdString()});
    }
    const QJsonObject opt = o.value("options").toObject();
    p.api.packedInterface = opt.value("interface_api").toString() == "packed";
    p.api.ioWorkspace = opt.value("io").toString() == "workspace";
    p.api.constantsPool = opt.value("constants").toString() == "pool";
    p.api.operators = opt.value("operators").toString("unpacked").toStdString();
    p.api.packedWrappers = opt.value("packed_wrappers").toBool();
    const QJsonObject cpool = o.value("constants_pool").toObject();
    p.constantsPoolBytes = size_t(cpool.value("bytes").toInteger());
    p.constantsPoolAlign = size_t(cpool.value("align").toInteger(16));
    p.constantsImage = cpool.value("image").toString().toStdString();
    for (const QJsonValue &v : o.value("plan").toObject().value("buffers").toArray()) {
        const QJsonObject b = v.toObject();
        p.planBuffers.push_back({b.value("tensor").toString().toStdString(), b.value("pool").toString().toStdString(),
                                 size_t(b.value("offset").toInteger()), size_t(b.value("bytes").toInteger())});
    }
    p.hasState = o.value("state").isObject();
    for (const QJsonValue &v : o.value("state").toObject().value("tensors").toArray()) {
        const QJsonObject t = v.toObject();
        PackageInfo::StateTensor st;
        st.name = t.value("name").toString().toStdString();
        st.bytes = size_t(t.value("bytes").toInteger());
        st.resetByte = t.value("reset_byte").toInt();
        const QByteArray init = QByteArray::fromHex(t.value("init_hex").toString().toLatin1());
        st.init.assign(init.begin(), init.end());
        if (!st.init.empty() && st.init.size() != st.bytes) {
            d.error("metadata.json: state tensor '" + st.name + "' has an initial image of " +
                    std::to_string(st.init.size()) + " bytes for " + std::to_string(st.bytes) +
                    "; regenerate the package");
            return d;
        }
        p.stateTensors.push_back(std::move(st));
    }
    for (const QJsonValue &v : o.value("dims").toArray()) p.dimMax.push_back(v.toObject().value("max").toInt());
    if (p.name.empty() || p.inputs.empty() || p.outputs.empty()) {
        d.error("metadata.json lacks the model name, inputs or outputs; regenerate the package with `emberc compile`");
        return d;
    }
    if (p.api.constantsPool && (p.constantsPoolBytes == 0 || p.constantsImage.empty())) {
        d.error("metadata.json says --constants pool but has no constants_pool size and image; regenerate the package");
        return d;
    }
    for (const PackageInfo::Pool &pool : p.pools)
        if (pool.appProvided && (pool.cName.empty() || pool.size == 0)) {
            d.error("metadata.json: application-provided pool '" + pool.name + "' has no c_name or size; regenerate the package");
            return d;
        }
    for (const auto *list : {&p.inputs, &p.outputs})
        for (const PackageInfo::Io &io : *list)
            if (io.cName.empty() || io.bytes == 0) {
                d.error("metadata.json: tensor '" + io.name + "' has no c_name or byte size; regenerate the package");
                return d;
            }
    return p;
}

}  // namespace ember
