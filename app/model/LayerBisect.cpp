#include "LayerBisect.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#undef emit  // Qt's macro would erase OpKernel::emit in the core headers
#include "core/Compiler.h"
#include "core/reference/Executor.h"
#define emit
#ifdef EMBER_HAVE_BOARDS
#include "flashers/RpcBisect.h"
#endif

namespace ember::studio {

QString LayerBisectResult::dtypeText() const
{
    const char *kind = dtypeCode == 2 ? "float" : dtypeCode == 1 ? "uint" : "int";
    QStringList dims;
    for (int d : shape) dims << QString::number(d);
    return QStringLiteral("%1%2[%3]").arg(QLatin1String(kind)).arg(dtypeBits).arg(dims.join(','));
}

qint64 LayerBisectResult::elementCount() const
{
    const qint64 width = std::max(1, dtypeBits / 8);
    return std::max(device.size(), host.size()) / width;
}

namespace {

double element(const QByteArray &b, qint64 i, int code, int bits)
{
    const qint64 width = std::max(1, bits / 8);
    if ((i + 1) * width > b.size()) return NAN;
    const char *p = b.constData() + i * width;
    if (code == 2 && width == 4) {
        float f;
        std::memcpy(&f, p, 4);
        return f;
    }
    if (code == 2 && width == 8) {
        double f;
        std::memcpy(&f, p, 8);
        return f;
    }
    int64_t v = 0;
    std::memcpy(&v, p, size_t(std::min<qint64>(width, 8)));
    if (code == 0 && width < 8) {  // sign-extend
        const int shift = int(64 - 8 * width);
        v = int64_t(uint64_t(v) << shift) >> shift;
    }
    return double(v);
}

}  // namespace

QList<BisectRow> LayerBisectResult::rows(qint64 first, qint64 count) const
{
    QList<BisectRow> out;
    const qint64 n = elementCount();
    const qint64 end = count < 0 ? n : std::min(n, first + count);
    const qint64 width = std::max(1, dtypeBits / 8);
    for (qint64 i = std::max<qint64>(0, first); i < end; ++i) {
        BisectRow r;
        r.index = i;
        r.device = element(device, i, dtypeCode, dtypeBits);
        r.host = element(host, i, dtypeCode, dtypeBits);
        r.difference = r.device - r.host;
        r.differs = device.mid(i * width, width) != host.mid(i * width, width);
        out << r;
    }
    return out;
}

qint64 LayerBisectResult::differingElements() const
{
    const qint64 width = std::max(1, dtypeBits / 8);
    qint64 n = 0;
    for (qint64 i = 0; i < elementCount(); ++i) n += device.mid(i * width, width) != host.mid(i * width, width);
    return n;
}

QString LayerBisectResult::summary() const
{
    if (identical())
        return LayerBisectJob::tr("all %1 layers identical on %2 and the host (%3)").arg(layers).arg(boardName, input);
    return LayerBisectJob::tr("first divergent layer on %1: %2 '%3' (%4): output '%5' %6 differs in %7 of %8 bytes, "
                              "max difference %9 (%10)")
        .arg(boardName).arg(divergentLayer).arg(layerName, op, tensorName, dtypeText()).arg(differingBytes)
        .arg(device.size()).arg(maxDifference, 0, 'g', 6).arg(input);
}

QList<QByteArray> LayerBisectJob::randomInputs(const QString &modelPath, quint32 seed, QString *error)
{
    ember::Result<ember::Graph> g = ember::loadModel(modelPath.toStdString());
    if (!g) {
        if (error) *error = QString::fromStdString(g.diagnostics().format()).trimmed();
        return {};
    }
    std::mt19937 rng(seed);
    QList<QByteArray> out;
    for (int t : g->inputs) {
        const ember::Tensor &x = g->tensors[size_t(t)];
        QByteArray b(qsizetype(x.bytes()), 0);
        if (x.dtype == ember::DType::Float32) {
            std::uniform_real_distribution<float> u(-1.0f, 1.0f);
            for (qsizetype i = 0; i + 4 <= b.size(); i += 4) {
                const float f = u(rng);
                std::memcpy(b.data() + i, &f, 4);
            }
        } else if (x.dtype == ember::DType::Bool) {
            for (char &c : b) c = char(rng() & 1);
        } else {
            for (char &c : b) c = char(rng() & 0xff);
        }
        out << b;
    }
    return out;
}

LayerBisectJob::LayerBisectJob(QObject *parent) : QObject(parent) { qRegisterMetaType<ember::studio::LayerBisectResult>(); }

LayerBisectJob::~LayerBisectJob()
{
    cancel_ = true;
    if (thread_) {
        thread_->wait();
        delete thread_;
    }
}

void LayerBisectJob::post(std::function<void()> f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); }

void LayerBisectJob::cancel()
{
    if (running_) cancel_ = true;
}

bool LayerBisectJob::waitForFinished(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (running_ && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return !running_;
}

#ifdef EMBER_HAVE_BOARDS

bool LayerBisectJob::start(const Request &req, QString *error)
{
    if (running_) {
        *error = tr("a layer-by-layer run is already going; wait for it or cancel it");
        return false;
    }
    ember::CompileOptions co;
    ember::Diagnostics d;
    if (!toCompileOptions(req.options, &co, &d)) {
        *error = QString::fromStdString(d.format()).trimmed();
        return false;
    }
    // Inputs are read here so a bad file is an immediate error.
    QList<QByteArray> inputs;
    QString source;
    const QString spec = req.input.trimmed();
    if (!spec.isEmpty() && !spec.startsWith(QLatin1String("random"))) {
        QFile f(spec);
        if (!QFileInfo(spec).isFile() || !f.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the input file %1; give one raw file (the Validation tab's input) or leave it "
                        "empty for a seeded random input").arg(spec);
            return false;
        }
        inputs << f.readAll();
        source = tr("input file %1").arg(QFileInfo(spec).fileName());
    } else {
        bool ok = false;
        quint32 seed = spec.section(':', 1).toUInt(&ok);
        if (!ok) seed = 1;
        QString why;
        inputs = randomInputs(req.modelPath, seed, &why);
        if (inputs.isEmpty()) {
            *error = why.isEmpty() ? tr("the model has no inputs") : why;
            return false;
        }
        source = tr("seeded random input (seed %1)").arg(seed);
    }
    // No spaces: the firmware build's scripts break on them.
    dir_ = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ember-bisect-XXXXXX"));
    if (!dir_->isValid()) {
        *error = tr("cannot create a temporary folder for the firmware: %1").arg(dir_->errorString());
        return false;
    }
    workPath_ = dir_->path();
    if (thread_) {
        thread_->wait();
        delete thread_;
        thread_ = nullptr;
    }
    cancel_ = false;
    running_ = true;
    log_.clear();
    thread_ = QThread::create([this, req, co, inputs, source, work = workPath_.toStdString()] {
        auto fail = [this](const std::string &m) {
            const bool c = cancel_.load();
            post([this, m = QString::fromStdString(m).trimmed(), c] {
                emit failed(c ? tr("layer-by-layer run cancelled") : m, c ? QStringLiteral("cancelled") : QStringLiteral("error"));
                running_ = false;
                emit ended();
            });
        };
        auto stage = [this](int pct, const QString &s) { post([this, pct, s] { emit progress(pct, s); }); };
        stage(2, tr("compiling with packed wrappers"));
        const std::string model = req.modelPath.toStdString();
        ember::Result<ember::Graph> g = ember::loadModel(model, co);
        if (!g) return fail(g.diagnostics().format());
        ember::CompileOptions pco = co;
        pco.packedWrappers = true;
        ember::Result<ember::Artifacts> art = ember::compile(*g, pco);
        if (!art) return fail(art.diagnostics().format());
        const std::string *meta = art->file("metadata.json");
        ember::Result<ember::PackageInfo> info = ember::readPackageInfo(meta ? *meta : "", "metadata.json");
        if (!info) return fail(info.diagnostics().format());
        if (size_t(inputs.size()) != g->inputs.size())
            return fail("the model has " + std::to_string(g->inputs.size()) +
                        " inputs; a single input file fits a one-input model only (leave the input empty for random)");
        std::vector<ember::TensorData> in;
        for (qsizetype i = 0; i < inputs.size(); ++i) {
            const ember::Tensor &t = g->tensors[size_t(g->inputs[size_t(i)])];
            if (size_t(inputs[i].size()) != t.bytes())
                return fail("the input has " + std::to_string(inputs[i].size()) + " bytes but '" + t.name + "' needs " +
                            std::to_string(t.bytes()));
            in.emplace_back(inputs[i].begin(), inputs[i].end());
        }
        stage(5, tr("running the host reference"));
        ember::Result<ember::Buffers> ref = ember::runReferenceAll(*g, in);
        if (!ref) return fail(ref.diagnostics().format());
        if (cancel_) return fail("cancelled");
        stage(8, tr("building the RPC firmware and booting %1").arg(req.boardId));
        ember::rpc::ServeOptions so;
        so.compile = co;
        so.workDir = work;
        so.corruptLayer = req.corruptLayer;
        so.cancel = &cancel_;
        so.onLine = [this](const std::string &line) { post([this, l = QString::fromStdString(line)] { log_ << l; }); };
        ember::Result<std::unique_ptr<ember::rpc::Module>> m = ember::rpc::Module::connect(req.boardId.toStdString(), model, so);
        if (!m) return fail(m.diagnostics().format());
        if (cancel_) return fail("cancelled");  // the module's destructor ends QEMU
        const QString boardName = QString::fromStdString((*m)->server()->board().name);
        ember::Result<ember::rpc::BisectResult> r = ember::rpc::bisectLayers(
            **m, *info, *ref, in,
            [&](const ember::rpc::BisectLayer &L) {
                const int k = int(L.layer), n = int(L.layers);
                const bool same = L.verdict != ember::rpc::BisectLayer::Verdict::Differs;
                post([this, k, n, name = QString::fromStdString(L.name), same] {
                    emit layerChecked(k, n, name, same);
                    emit progress(20 + 80 * (k + 1) / std::max(1, n), tr("layer %1 of %2: %3").arg(k + 1).arg(n).arg(name));
                });
            },
            &cancel_);
        m.value().reset();  // QEMU ends here, before anyone hears the job has ended
        if (!r) return fail(r.diagnostics().format());
        if (r->cancelled) return fail("cancelled");
        LayerBisectResult out;
        out.boardId = req.boardId;
        out.boardName = boardName;
        out.input = source;
        out.layers = int(r->layers);
        if (r->diverged) {
            const ember::rpc::BisectLayer &L = r->first;
            out.divergentLayer = int(L.layer);  // layer k is op k of the graph (metadata "index")
            out.layerName = QString::fromStdString(L.name);
            out.op = QString::fromStdString(L.op);
            out.function = QString::fromStdString(L.function);
            out.tensorName = QString::fromStdString(L.tensor.name);
            out.tensorId = L.tensor.tensor;
            out.dtypeCode = L.tensor.dtypeCode;
            out.dtypeBits = L.tensor.dtypeBits;
            for (int32_t s : L.tensor.shape) out.shape << int(s);
            out.device = QByteArray(reinterpret_cast<const char *>(L.board.data()), qsizetype(L.board.size()));
            out.host = QByteArray(reinterpret_cast<const char *>(L.host.data()), qsizetype(L.host.size()));
            out.differingBytes = qint64(L.difference.bytes);
            out.maxDifference = L.difference.maxAbs;
        }
        post([this, out] {
            emit progress(100, tr("done"));
            emit finished(out);
            running_ = false;
            emit ended();
        });
    });
    thread_->start();
    return true;
}

#else

bool LayerBisectJob::start(const Request &, QString *error)
{
    *error = tr("this studio was built without board support; rebuild with the flashers library");
    return false;
}

#endif

}  // namespace ember::studio
