#include "Session.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/builder/TfliteWriter.h"

namespace ember::studio {

Session::Session(QObject *parent) : QObject(parent) {}

bool Session::openModel(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        report({StudioMessage::Level::Error,
                tr("cannot open '%1': no such file; check the path or pick another model").arg(path), path});
        return false;
    }
    // Browse mode: a model with unsupported operators still opens, marked,
    // for viewing; compiling it is refused (compileBlocker()).
    ember::LoadOptions load;
    load.browse = true;
    ember::Result<ember::Graph> r = ember::loadModel(path.toStdString(), load);
    if (!r.ok()) {
        reportDiagnostics(r.diagnostics());
        if (r.diagnostics().items().empty())
            report({StudioMessage::Level::Error, tr("cannot import '%1'; the file is not a supported model").arg(path), path});
        return false;
    }
    reportDiagnostics(r.diagnostics());  // warnings of a successful import
    graph_ = std::make_shared<const ember::Graph>(std::move(r.value()));
    summary_ = ember::summarize(*graph_);
    modelPath_ = QFileInfo(path).absoluteFilePath();
    modelHash_ = sha256Of(path);
    build_.reset();
    previous_.reset();
    profile_.reset();
    selectedOp_ = selectedTensor_ = -1;
    // Options belong to a model's project: a model without one starts from
    // the defaults (ProjectController restores a saved project's options).
    options_ = BuildOptions();
    builtOptions_ = BuildOptions();
    lastPlanError_.clear();
    info(tr("opened %1 (%2 operators, %3 tensors)")
             .arg(QFileInfo(path).fileName()).arg(graph_->ops.size()).arg(graph_->tensors.size()));
    emit modelChanged();
    emit optionsChanged();
    replan();
    emit buildChanged();
    emit profileChanged();
    emit selectionChanged();
    return true;
}

bool Session::openExample(const QString &name)
{
    ember::Result<ember::Graph> g = ember::makeExampleModel(name.toStdString());
    if (!g.ok()) {
        reportDiagnostics(g.diagnostics());
        return false;
    }
    const std::vector<uint8_t> bytes = ember::writeTflite(g.value());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/examples";
    QDir().mkpath(dir);
    const QString path = dir + "/" + name + ".tflite";
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size())) {
        report({StudioMessage::Level::Error, tr("cannot write the example model to '%1'; check that the folder is writable").arg(path), path});
        return false;
    }
    f.close();
    return openModel(path);
}

void Session::closeModel()
{
    graph_.reset();
    summary_ = {};
    modelPath_.clear();
    modelHash_.clear();
    plan_.reset();
    overflow_.reset();
    build_.reset();
    previous_.reset();
    profile_.reset();
    selectedOp_ = selectedTensor_ = -1;
    emit modelChanged();
    emit planChanged();
    emit buildChanged();
    emit profileChanged();
    emit selectionChanged();
}

void Session::setOptions(const BuildOptions &o)
{
    if (o == options_) return;
    options_ = o;
    emit optionsChanged();
    replan();
}

void Session::pinTensor(const QString &tensor, const QString &pool)
{
    BuildOptions o = options_;
    if (pool.isEmpty()) o.pins.remove(tensor);
    else o.pins.insert(tensor, pool);
    setOptions(o);
}

void Session::setPlanner(const QString &planner)
{
    BuildOptions o = options_;
    o.set(QStringLiteral("--planner"), planner);
    setOptions(o);
}

void Session::replan()
{
    plan_.reset();
    overflow_.reset();
    planDiags_ = ember::Diagnostics();
    if (graph_) {
        ember::CompileOptions opts;
        if (toCompileOptions(options_, &opts, &planDiags_)) {
            ember::Result<ember::MemoryPlan> p = ember::planMemory(*graph_, opts.plan);
            if (p.ok()) {
                plan_ = std::move(p.value());
            } else {
                planDiags_.append(p.diagnostics());
                // Too-small pools: plan unbounded to show what does not fit.
                ember::PlanRequest unbounded = opts.plan;
                for (ember::PoolSpec &s : unbounded.pools) s.size = 0;
                ember::Result<ember::MemoryPlan> u = ember::planMemory(*graph_, unbounded);
                if (u.ok()) {
                    overflow_ = std::move(u.value());
                    for (size_t i = 0; i < overflow_->pools.size() && i < opts.plan.pools.size(); ++i)
                        overflow_->pools[i].size = opts.plan.pools[i].size;
                }
            }
        }
    }
    reportPlanFailure();
    emit planChanged();
}

void Session::reportPlanFailure()
{
    // Each new planning failure goes to Messages at once, once; a
    // diagnostic that names no tensor gets the first one past a pool's end.
    const QString text = QString::fromStdString(planDiags_.format());
    if (planDiags_.items().empty() || plan_) {
        lastPlanError_.clear();
        return;
    }
    if (text == lastPlanError_) return;
    lastPlanError_ = text;
    for (const ember::Diagnostic &x : planDiags_.items()) {
        StudioMessage m;
        m.level = x.severity == ember::Diagnostic::Severity::Error ? StudioMessage::Level::Error : StudioMessage::Level::Warning;
        m.text = QString::fromStdString(x.message);
        m.opIndex = x.opIndex;
        m.opName = QString::fromStdString(x.opName);
        m.tensor = QString::fromStdString(x.tensor);
        if (m.tensor.isEmpty() && overflow_) {
            for (const ember::PlannedBuffer &b : overflow_->buffers) {
                const ember::PoolSpec &s = overflow_->pools[size_t(b.pool)];
                if (s.size && b.offset + b.bytes > s.size) {
                    m.tensor = QString::fromStdString(b.name);
                    break;
                }
            }
        }
        if (m.opIndex < 0 && !m.tensor.isEmpty()) {
            const int t = findTensor(m.tensor);
            for (const ember::Op &op : graph_->ops)
                for (int o : op.outputs)
                    if (o == t && t >= 0) {
                        m.opIndex = op.index;
                        m.opName = QString::fromStdString(op.typeName);
                    }
        }
        report(m);
    }
}

void Session::setBuild(std::shared_ptr<const ember::Artifacts> a, const BuildOptions &options)
{
    previous_ = build_;
    build_ = std::move(a);
    builtOptions_ = options;
    emit buildChanged();
}

void Session::setBoard(const std::optional<BoardChoice> &b)
{
    board_ = b;
    emit boardChanged();
}

void Session::selectOp(int opIndex)
{
    if (!graph_ || opIndex < -1 || opIndex >= int(graph_->ops.size())) return;
    selectedOp_ = opIndex;
    selectedTensor_ = opIndex >= 0 && !graph_->ops[size_t(opIndex)].outputs.empty()
                          ? graph_->ops[size_t(opIndex)].outputs[0] : -1;
    emit selectionChanged();
}

void Session::selectTensor(int tensorIndex)
{
    if (!graph_ || tensorIndex < -1 || tensorIndex >= int(graph_->tensors.size())) return;
    selectedTensor_ = tensorIndex;
    selectedOp_ = -1;
    // A tensor selects the op that produces it, so the graph can show it.
    for (size_t i = 0; i < graph_->ops.size(); ++i)
        for (int o : graph_->ops[i].outputs)
            if (o == tensorIndex) selectedOp_ = int(i);
    emit selectionChanged();
}

int Session::findTensor(const QString &name) const
{
    if (!graph_) return -1;
    const std::string n = name.toStdString();
    for (size_t i = 0; i < graph_->tensors.size(); ++i)
        if (graph_->tensors[i].name == n) return int(i);
    return -1;
}

int Session::findOpByIndex(int modelOpIndex) const
{
    if (!graph_) return -1;
    for (size_t i = 0; i < graph_->ops.size(); ++i)
        if (graph_->ops[i].index == modelOpIndex) return int(i);
    return -1;
}

void Session::report(const StudioMessage &m) { emit message(m); }

void Session::reportDiagnostics(const ember::Diagnostics &d)
{
    for (const ember::Diagnostic &x : d.items()) {
        StudioMessage m;
        m.level = x.severity == ember::Diagnostic::Severity::Error     ? StudioMessage::Level::Error
                  : x.severity == ember::Diagnostic::Severity::Warning ? StudioMessage::Level::Warning
                                                                       : StudioMessage::Level::Info;
        m.text = QString::fromStdString(x.message);
        m.file = QString::fromStdString(x.file);
        m.opIndex = x.opIndex;
        m.opName = QString::fromStdString(x.opName);
        m.tensor = QString::fromStdString(x.tensor);
        report(m);
    }
}

void Session::info(const QString &text) { report({StudioMessage::Level::Info, text}); }

QString Session::sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

void Session::setProfile(const ProfileRecord &p)
{
    profile_ = p;
    emit profileChanged();
}

QString Session::compileBlocker() const
{
    if (!graph_ || !graph_->browseOnly) return {};
    QStringList names;
    const ember::Op *first = nullptr;
    for (const ember::Op &op : graph_->ops)
        if (!op.unsupportedReason.empty()) {
            if (!first) first = &op;
            if (!names.contains(QString::fromStdString(op.typeName))) names << QString::fromStdString(op.typeName);
        }
    if (!first) return {};
    return tr("cannot compile: %n operator(s) not supported (%1); first: #%2 %3: %4", nullptr, int(names.size()))
        .arg(names.join(QStringLiteral(", ")))
        .arg(first->index)
        .arg(QString::fromStdString(first->typeName), QString::fromStdString(first->unsupportedReason));
}

qint64 Session::knownFlashBytes() const
{
    return profile_ && build_ && profile_->options == builtOptions_ ? profile_->flashBytes : 0;
}

void Session::clearProfile()
{
    profile_.reset();
    emit profileChanged();
}

}  // namespace ember::studio
