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
    ember::Result<ember::Graph> r = ember::loadModel(path.toStdString());
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
    // Pins name tensors of the previous model; they mean nothing here.
    options_.pins.clear();
    options_.dims.clear();
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
    planDiags_ = ember::Diagnostics();
    if (graph_) {
        ember::CompileOptions opts;
        if (toCompileOptions(options_, &opts, &planDiags_)) {
            ember::Result<ember::MemoryPlan> p = ember::planMemory(*graph_, opts.plan);
            if (p.ok()) plan_ = std::move(p.value());
            else planDiags_.append(p.diagnostics());
        }
    }
    emit planChanged();
}

void Session::setBuild(std::shared_ptr<const ember::Artifacts> a)
{
    previous_ = build_;
    build_ = std::move(a);
    emit buildChanged();
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

void Session::clearProfile()
{
    profile_.reset();
    emit profileChanged();
}

}  // namespace ember::studio
