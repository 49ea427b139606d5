// The compile options as the studio edits them: a plain value type with
// toJson/fromJson, validation and the emberc argument list it stands for.
//
// The studio never interprets options itself: the request handed to the core
// is `toArgs()` parsed by ember::parseCompileArgs, exactly what emberc does
// with the same command line. Options the linked core does not know yet are
// reported as unsupported instead of being silently dropped.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "core/Compiler.h"
#include "core/OptionTable.h"

namespace ember::studio {

struct PoolOption {
    QString name = QStringLiteral("workspace");
    qint64 size = 0;      // 0 = as large as needed
    QString section;      // linker section ("" = default .bss)
    int align = 16;
    bool operator==(const PoolOption &) const = default;
};

// One inline validation problem: which field, and what to do.
struct OptionError {
    QString field;    // "name", "pool.1.size", "pin.conv1", "dim.0", "align"
    QString message;  // lower-case, says what is wrong and how to fix it
};

struct BuildOptions {
    // The single-valued options (flags, choices, text, numbers: every row of
    // ember::compileOptionTable() that is not a list), by flag. A flag that
    // is absent has the table's default; set() removes defaults, so two
    // option sets compare equal exactly when they mean the same build.
    // Flags hold "on".
    QMap<QString, QString> values;
    QList<PoolOption> pools{PoolOption{}};               // --pool (repeatable)
    QMap<QString, QString> pins;                         // --pin TENSOR=POOL
    QStringList dims;                                    // --dim TENSOR:AXIS=MIN..MAX

    bool operator==(const BuildOptions &) const = default;

    // The value of a single-valued option (the table's default when unset;
    // flags: "on"/"off").
    QString get(const QString &flag) const;
    void set(const QString &flag, const QString &value);
    bool isOn(const QString &flag) const { return get(flag) == QLatin1String("on"); }
    // Shorthands for the options the studio itself reads.
    QString name() const { return get(QStringLiteral("--name")); }
    QString planner() const { return get(QStringLiteral("--planner")); }
    int align() const { return get(QStringLiteral("--align")).toInt(); }

    enum class Preset { EmbeddedC, HostDriven };
    static BuildOptions preset(Preset p);

    // The emberc command-line arguments for these options, in the table's
    // order; defaults are omitted so the list reads as "what differs from a
    // plain compile".
    QStringList toArgs() const;
    // The inverse of toArgs(): emberc compile flags → options (defaults for
    // flags not given). False + `error` on an unknown flag or a bad value.
    static bool fromArgs(const QStringList &args, BuildOptions *out, QString *error);
    // Project JSON: one key per table row (OptionSpec::key).
    QJsonObject toJson() const;
    static BuildOptions fromJson(const QJsonObject &o);

    // Checks that need no model (syntax, ranges, duplicate pool names,
    // pins to unknown pools). Empty = valid.
    QList<OptionError> validate() const;
    // Model-dependent checks: pinned/dim tensors must exist.
    QList<OptionError> validateAgainst(const ember::Graph &g) const;
};

// Names of the option flags ("--interface-api", ...) this core understands.
bool coreSupportsFlag(const QString &flag);

// toArgs() parsed by the core into the request compile() takes. Unsupported
// flags are left out and listed in `skipped`; returns false + diagnostics
// when the core rejects a value.
bool toCompileOptions(const BuildOptions &o, ember::CompileOptions *out,
                      ember::Diagnostics *diags, QStringList *skipped = nullptr);

// Human-readable size: 1536 → "1.5 KiB".
QString formatBytes(qint64 bytes);
// "64K", "1M", "4096" → bytes; -1 when malformed.
qint64 parseBytes(const QString &text);

}  // namespace ember::studio
