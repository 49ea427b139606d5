#include "BuildOptions.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace ember::studio {

namespace {

const QRegularExpression &identRe()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re;
}

const QRegularExpression &dimRe()
{
    // TENSOR:AXIS=MIN..MAX; the tensor name may itself contain ':' or '/'.
    static const QRegularExpression re(QStringLiteral("^(.+):(\\d+)=(\\d+)\\.\\.(\\d+)$"));
    return re;
}

bool isPowerOfTwo(qint64 v) { return v > 0 && (v & (v - 1)) == 0; }

const ember::OptionSpec *spec(const QString &flag) { return ember::findCompileOption(flag.toStdString()); }

bool isList(const ember::OptionSpec &o) { return o.kind == ember::OptionKind::List; }

// Groups of arguments, one per flag, in the table's order (so --align comes
// before the pools that inherit it), so unsupported flags can be dropped whole.
QList<QStringList> argGroups(const BuildOptions &o)
{
    const BuildOptions d;
    QList<QStringList> g;
    for (const ember::OptionSpec &s : ember::compileOptionTable()) {
        const QString flag = QString::fromLatin1(s.flag);
        if (!isList(s)) {
            if (!o.values.contains(flag)) continue;
            if (s.kind == ember::OptionKind::Flag) g << QStringList{flag};
            else g << QStringList{flag, o.values.value(flag)};
        } else if (flag == QLatin1String("--pool")) {
            if (o.pools == d.pools) continue;
            for (const PoolOption &p : o.pools) {
                QString spec = p.name + QLatin1Char(':') + QString::number(p.size);
                if (!p.section.isEmpty()) spec += QStringLiteral(":section=") + p.section;
                if (p.align != o.align()) spec += QStringLiteral(":align=") + QString::number(p.align);
                g << QStringList{flag, spec};
            }
        } else if (flag == QLatin1String("--pin")) {
            for (auto it = o.pins.cbegin(); it != o.pins.cend(); ++it)
                g << QStringList{flag, it.key() + QLatin1Char('=') + it.value()};
        } else if (flag == QLatin1String("--dim")) {
            for (const QString &dim : o.dims) g << QStringList{flag, dim};
        }
    }
    return g;
}

std::vector<std::string> toStd(const QStringList &l)
{
    std::vector<std::string> v;
    for (const QString &s : l) v.push_back(s.toStdString());
    return v;
}

}  // namespace

QString BuildOptions::get(const QString &flag) const
{
    if (values.contains(flag)) return values.value(flag);
    const ember::OptionSpec *s = spec(flag);
    return s ? QString::fromLatin1(s->defaultValue) : QString();
}

void BuildOptions::set(const QString &flag, const QString &value)
{
    const ember::OptionSpec *s = spec(flag);
    const QString def = s ? QString::fromLatin1(s->defaultValue) : QString();
    if (value == def || value.isEmpty()) values.remove(flag);
    else values.insert(flag, value);
}

BuildOptions BuildOptions::preset(Preset p)
{
    BuildOptions o;
    if (p == Preset::HostDriven) {
        // Host-driven execution calls layers by name through one signature.
        o.set(QStringLiteral("--interface-api"), QStringLiteral("packed"));
        o.set(QStringLiteral("--operators"), QStringLiteral("packed"));
        o.set(QStringLiteral("--packed-wrappers"), QStringLiteral("on"));
    }
    return o;
}

QStringList BuildOptions::toArgs() const
{
    QStringList args;
    for (const QStringList &g : argGroups(*this)) args += g;
    return args;
}

namespace {

// "NAME:SIZE[:section=S][:align=N]", as argGroups writes it.
bool parsePoolSpec(const QString &spec, int defaultAlign, PoolOption *p, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts[0].isEmpty()) {
        *error = QStringLiteral("--pool '%1': expected NAME:SIZE[:section=S][:align=N]").arg(spec);
        return false;
    }
    p->name = parts[0];
    p->size = parseBytes(parts[1]);
    p->align = defaultAlign;
    if (p->size < 0) {
        *error = QStringLiteral("--pool '%1': size '%2' is not a number of bytes (e.g. 4096, 64K, 1M)").arg(spec, parts[1]);
        return false;
    }
    for (const QString &kv : parts.mid(2)) {
        if (kv.startsWith(QLatin1String("section="))) p->section = kv.mid(8);
        else if (kv.startsWith(QLatin1String("align="))) p->align = kv.mid(6).toInt();
        else {
            *error = QStringLiteral("--pool '%1': unknown field '%2'; use section= or align=").arg(spec, kv);
            return false;
        }
    }
    return true;
}

}  // namespace

bool BuildOptions::fromArgs(const QStringList &args, BuildOptions *out, QString *error)
{
    BuildOptions o;
    QList<PoolOption> pools;
    QStringList poolSpecs;
    for (int i = 0; i < args.size(); ++i) {
        const QString flag = args[i];
        const ember::OptionSpec *s = spec(flag);
        if (!s) {
            *error = QStringLiteral("unknown compile option '%1'").arg(flag);
            return false;
        }
        if (s->kind == ember::OptionKind::Flag) {
            o.set(flag, QStringLiteral("on"));
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = QStringLiteral("%1 needs a value").arg(flag);
            return false;
        }
        const QString v = args[++i];
        if (!isList(*s)) o.set(flag, v);
        else if (flag == QLatin1String("--pool")) poolSpecs << v;
        else if (flag == QLatin1String("--dim")) o.dims << v;
        else if (flag == QLatin1String("--pin")) {
            const qsizetype eq = v.lastIndexOf(QLatin1Char('='));
            if (eq <= 0 || eq == v.size() - 1) {
                *error = QStringLiteral("--pin '%1': expected TENSOR=POOL").arg(v);
                return false;
            }
            o.pins.insert(v.left(eq), v.mid(eq + 1));
        }
    }
    // Pools inherit --align wherever it appears, as in emberc.
    for (const QString &spec : poolSpecs) {
        PoolOption p;
        if (!parsePoolSpec(spec, o.align(), &p, error)) return false;
        pools << p;
    }
    if (!pools.isEmpty()) o.pools = pools;
    else for (PoolOption &p : o.pools) p.align = o.align();
    *out = o;
    return true;
}

QJsonObject BuildOptions::toJson() const
{
    QJsonObject j;
    for (const ember::OptionSpec &s : ember::compileOptionTable()) {
        const QString flag = QString::fromLatin1(s.flag), key = QString::fromLatin1(s.key);
        switch (s.kind) {
        case ember::OptionKind::Flag: j.insert(key, isOn(flag)); break;
        case ember::OptionKind::Integer: j.insert(key, get(flag).toInt()); break;
        case ember::OptionKind::List: break;
        default: j.insert(key, get(flag)); break;
        }
    }
    QJsonArray pools;
    for (const PoolOption &p : this->pools)
        pools.append(QJsonObject{{"name", p.name}, {"size", p.size}, {"section", p.section}, {"align", p.align}});
    QJsonObject pinObj;
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) pinObj.insert(it.key(), it.value());
    j.insert("pools", pools);
    j.insert("pins", pinObj);
    j.insert("dims", QJsonArray::fromStringList(dims));
    return j;
}

BuildOptions BuildOptions::fromJson(const QJsonObject &o)
{
    BuildOptions b;
    for (const ember::OptionSpec &s : ember::compileOptionTable()) {
        const QString flag = QString::fromLatin1(s.flag), key = QString::fromLatin1(s.key);
        if (!o.contains(key)) continue;
        const QJsonValue v = o.value(key);
        switch (s.kind) {
        case ember::OptionKind::Flag: b.set(flag, v.toBool() ? QStringLiteral("on") : QString()); break;
        case ember::OptionKind::Integer: b.set(flag, v.isString() ? v.toString() : QString::number(v.toInt())); break;
        case ember::OptionKind::List: break;
        default: b.set(flag, v.toString()); break;
        }
    }
    if (o.contains("pools")) {
        b.pools.clear();
        for (const QJsonValue &v : o.value("pools").toArray()) {
            const QJsonObject p = v.toObject();
            b.pools.append(PoolOption{p.value("name").toString(), qint64(p.value("size").toDouble()),
                                      p.value("section").toString(), p.value("align").toInt(16)});
        }
    }
    const QJsonObject pins = o.value("pins").toObject();
    for (auto it = pins.begin(); it != pins.end(); ++it) b.pins.insert(it.key(), it.value().toString());
    for (const QJsonValue &v : o.value("dims").toArray()) b.dims << v.toString();
    return b;
}

QList<OptionError> BuildOptions::validate() const
{
    QList<OptionError> errs;
    if (!name().isEmpty() && !identRe().match(name()).hasMatch())
        errs << OptionError{"name", QStringLiteral("name must be a C identifier (letters, digits, '_', not starting with a digit)")};
    if (!isPowerOfTwo(align()) || align() > 4096)
        errs << OptionError{"align", QStringLiteral("alignment must be a power of two between 1 and 4096")};
    if (pools.isEmpty())
        errs << OptionError{"pools", QStringLiteral("add at least one workspace pool")};
    QSet<QString> seen;
    for (int i = 0; i < pools.size(); ++i) {
        const PoolOption &p = pools[i];
        const QString f = QStringLiteral("pool.%1").arg(i);
        if (!identRe().match(p.name).hasMatch())
            errs << OptionError{f + ".name", QStringLiteral("pool name '%1' must be a C identifier").arg(p.name)};
        else if (seen.contains(p.name))
            errs << OptionError{f + ".name", QStringLiteral("pool name '%1' is used twice; rename one of them").arg(p.name)};
        seen.insert(p.name);
        if (p.size < 0)
            errs << OptionError{f + ".size", QStringLiteral("pool size must be 0 (as needed) or a positive byte count")};
        if (!isPowerOfTwo(p.align) || p.align > 4096)
            errs << OptionError{f + ".align", QStringLiteral("pool alignment must be a power of two up to 4096")};
        if (!p.section.isEmpty() && p.section.contains(QRegularExpression(QStringLiteral("\\s"))))
            errs << OptionError{f + ".section", QStringLiteral("section name must not contain spaces")};
    }
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        if (!seen.contains(it.value()))
            errs << OptionError{"pin." + it.key(),
                                QStringLiteral("tensor '%1' is pinned to pool '%2', which does not exist; add the pool or remove the pin")
                                    .arg(it.key(), it.value())};
    }
    for (int i = 0; i < dims.size(); ++i) {
        const auto m = dimRe().match(dims[i]);
        if (!m.hasMatch())
            errs << OptionError{QStringLiteral("dim.%1").arg(i), QStringLiteral("dynamic dimension '%1' must read TENSOR:AXIS=MIN..MAX").arg(dims[i])};
        else if (m.captured(3).toLongLong() > m.captured(4).toLongLong() || m.captured(4).toLongLong() == 0)
            errs << OptionError{QStringLiteral("dim.%1").arg(i), QStringLiteral("dynamic dimension '%1' needs 0 < MIN <= MAX").arg(dims[i])};
    }
    return errs;
}

QList<OptionError> BuildOptions::validateAgainst(const ember::Graph &g) const
{
    QList<OptionError> errs = validate();
    auto findTensor = [&](const QString &n) {
        for (const ember::Tensor &t : g.tensors)
            if (QString::fromStdString(t.name) == n) return &t;
        return static_cast<const ember::Tensor *>(nullptr);
    };
    for (auto it = pins.cbegin(); it != pins.cend(); ++it) {
        const ember::Tensor *t = findTensor(it.key());
        if (!t)
            errs << OptionError{"pin." + it.key(), QStringLiteral("pinned tensor '%1' is not in the model; remove the pin").arg(it.key())};
        else if (t->isConst)
            errs << OptionError{"pin." + it.key(), QStringLiteral("tensor '%1' is a constant and lives in flash; only activations can be pinned").arg(it.key())};
    }
    for (int i = 0; i < dims.size(); ++i) {
        const auto m = dimRe().match(dims[i]);
        if (!m.hasMatch()) continue;
        const ember::Tensor *t = findTensor(m.captured(1));
        if (!t)
            errs << OptionError{QStringLiteral("dim.%1").arg(i), QStringLiteral("tensor '%1' is not in the model").arg(m.captured(1))};
        else if (m.captured(2).toInt() >= int(t->shape.size()))
            errs << OptionError{QStringLiteral("dim.%1").arg(i),
                                QStringLiteral("tensor '%1' has %2 axes; axis %3 does not exist").arg(m.captured(1)).arg(t->shape.size()).arg(m.captured(2))};
    }
    return errs;
}

bool coreSupportsFlag(const QString &flag)
{
    // Rows without an implementation are designed but not in this core yet.
    const ember::OptionSpec *s = spec(flag);
    return s && s->apply;
}

bool toCompileOptions(const BuildOptions &o, ember::CompileOptions *out, ember::Diagnostics *diags,
                      QStringList *skipped)
{
    QStringList args;
    for (const QStringList &g : argGroups(o)) {
        if (coreSupportsFlag(g.first())) args += g;
        else if (skipped) *skipped << g.first();
    }
    std::vector<std::string> rest;
    ember::CompileOptions opts;
    ember::Diagnostics d;
    const bool ok = ember::parseCompileArgs(toStd(args), opts, rest, d) && d.ok();
    if (skipped)
        for (const std::string &r : rest)
            if (QString::fromStdString(r).startsWith("--")) *skipped << QString::fromStdString(r);
    if (diags) diags->append(d);
    if (ok && out) *out = std::move(opts);
    return ok;
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024) return QStringLiteral("%1 B").arg(bytes);
    // The UI language's decimal separator (3,9 KiB in German).
    const QLocale loc;
    if (bytes < 1024 * 1024) return QStringLiteral("%1 KiB").arg(loc.toString(double(bytes) / 1024.0, 'f', bytes % 1024 ? 1 : 0));
    return QStringLiteral("%1 MiB").arg(loc.toString(double(bytes) / (1024.0 * 1024.0), 'f', 2));
}

qint64 parseBytes(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*([kKmM]?)(i?[bB])?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return -1;
    qint64 v = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    if (unit == "k") v *= 1024;
    if (unit == "m") v *= 1024 * 1024;
    return v;
}

}  // namespace ember::studio
