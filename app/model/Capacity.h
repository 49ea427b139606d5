// Board capacity bars: with a board selected, what the model needs in each
// memory region of the board against its size, from the memory plan and the
// options alone (before any build for the board). RAM: each pool in the
// region its linker section goes to, the application's I/O buffers and the
// firmware stack; flash: the constants plus the code (measured by the last
// profile on this board when it ran these options, else an estimate).
#pragma once

#include <QList>
#include <QString>

namespace ember::studio {

class Session;
struct BoardChoice;

struct CapacityPart {
    QString label;    // "pool 'workspace'", "I/O buffers", "stack", "constants", "code (estimate)"
    qint64 bytes = 0;
    bool estimate = false;
};

struct CapacityBar {
    QString region;   // the board's region name ("FLASH", "RAM", "DTCM")
    QString kind;     // "flash" or "ram"
    qint64 capacity = 0;
    QList<CapacityPart> parts;
    qint64 used() const;
    bool fits() const { return used() <= capacity; }
};

// One bar per region that receives something, flash first; empty without a
// model or a board. Pools whose section maps to no region of the board are
// listed in `unplaced`.
QList<CapacityBar> capacityBars(const Session &s, const BoardChoice &board, QStringList *unplaced = nullptr);

// Code size estimate for a model with `ops` layers when no build was
// measured: runtime and entrypoint plus a per-layer function (bytes).
qint64 estimatedCodeBytes(int ops);

}  // namespace ember::studio
