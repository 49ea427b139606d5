#include "Capacity.h"

#include <QCoreApplication>

#include <algorithm>

#include "BoardJob.h"
#include "Session.h"

namespace ember::studio {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("ember::studio::Capacity", s); }
}  // namespace

qint64 CapacityBar::used() const
{
    qint64 n = 0;
    for (const CapacityPart &p : parts) n += p.bytes;
    return n;
}

qint64 estimatedCodeBytes(int ops)
{
    // From the emulated-board builds of the example and MLPerf Tiny models
    // (arm-none-eabi-gcc -Os): ~2 KiB of entrypoint and helpers, and 0.3-0.8
    // KiB per specialised layer function.
    return 2048 + qint64(ops) * 600;
}

QList<CapacityBar> capacityBars(const Session &s, const BoardChoice &board, QStringList *unplaced)
{
    QList<CapacityBar> bars;
    if (!s.hasModel()) return bars;
    auto barFor = [&](const BoardChoice::Region *r) -> CapacityBar * {
        if (!r) return nullptr;
        for (CapacityBar &b : bars)
            if (b.region == r->name) return &b;
        bars << CapacityBar{r->name, r->kind, r->size, {}};
        return &bars.last();
    };
    // Flash: constants and code, in the flash region.
    const ember::Graph &g = *s.graph();
    const BoardChoice::Region *flash = nullptr;
    for (const BoardChoice::Region &r : board.memory)
        if (r.name.compare(board.flashRegion, Qt::CaseInsensitive) == 0) flash = &r;
    if (CapacityBar *f = barFor(flash)) {
        const bool constantsInFlash = s.options().get(QStringLiteral("--constants")) != QLatin1String("pool");
        if (constantsInFlash) f->parts << CapacityPart{tr("constants"), s.summary().parameterBytes, false};
        const qint64 measured = s.knownFlashBytes();
        if (measured > 0 && s.profile() && s.profile()->boardId == board.id)
            f->parts = {CapacityPart{tr("firmware (measured)"), measured, false}};
        else
            f->parts << CapacityPart{tr("code (estimate)"), estimatedCodeBytes(int(g.ops.size())), true};
    }
    // RAM: pools where their sections go, I/O and the stack in the main RAM.
    const ember::MemoryPlan *plan = s.plan() ? s.plan() : s.overflowPlan();
    if (plan) {
        for (size_t i = 0; i < plan->pools.size(); ++i) {
            const ember::PoolSpec &p = plan->pools[i];
            const qint64 bytes = qMax(qint64(plan->poolUsed[i]), qint64(p.size));
            CapacityBar *b = barFor(board.regionForSection(QString::fromStdString(p.section)));
            if (!b) {
                if (unplaced) *unplaced << QString::fromStdString(p.name);
                continue;
            }
            b->parts << CapacityPart{tr("pool '%1'").arg(QString::fromStdString(p.name)), bytes, false};
        }
    }
    const BoardChoice::Region *ram = board.regionForSection(QString());
    if (CapacityBar *b = barFor(ram)) {
        qint64 io = 0;
        for (const std::vector<int> *list : {&g.inputs, &g.outputs})
            for (int t : *list)
                if (!plan || !plan->find(t)) io += qint64(g.tensors[size_t(t)].bytes());
        if (io) b->parts << CapacityPart{tr("I/O buffers"), io, false};
        if (board.stackBytes) b->parts << CapacityPart{tr("stack"), board.stackBytes, true};
    }
    // Flash first, then RAM regions in board order.
    std::stable_sort(bars.begin(), bars.end(), [](const CapacityBar &a, const CapacityBar &b) {
        return a.kind == QLatin1String("flash") && b.kind != QLatin1String("flash");
    });
    return bars;
}

}  // namespace ember::studio
