#include "RowInPlace.h"

#include <algorithm>
#include <vector>

namespace ember {

namespace {

// Input rows [lo, hi) whose bytes the store of output row oy reaches (a row
// partly reached counts as reached).
void reached(const RowGeometry &q, const RowSchedule &s, int oy, long *lo, long *hi) {
    *lo = long(size_t(oy) * s.rowOut / s.rowIn);
    *hi = long(std::min<size_t>(size_t(q.inH), (size_t(oy + 1) * s.rowOut + s.rowIn - 1) / s.rowIn));
}

// The first and last input row output row oy reads (outside [0, inH): padding).
long firstRead(const RowGeometry &q, int oy) { return long(oy) * q.strideH - q.padTop; }
long lastRead(const RowGeometry &q, const RowSchedule &s, int oy) { return firstRead(q, oy) + s.span - 1; }

// The ring the order needs: after each store, the rows it has reached that
// later output rows still read are consecutive, so `row % ring` never
// collides while they are all kept.
int ringFor(const RowGeometry &q, const RowSchedule &s) {
    int ring = 0;
    if (!s.descending) {
        long savedTo = 0;
        for (int oy = 0; oy + 1 < q.outH; ++oy) {
            long lo, hi;
            reached(q, s, oy, &lo, &hi);
            savedTo = std::max(savedTo, hi);
            ring = std::max(ring, int(std::max(0L, savedTo - std::max(0L, firstRead(q, oy + 1)))));
        }
    } else {
        long savedFrom = q.inH;
        for (int oy = q.outH - 1; oy > 0; --oy) {
            long lo, hi;
            reached(q, s, oy, &lo, &hi);
            savedFrom = std::min(savedFrom, lo);
            const long last = std::min(long(q.inH) - 1, lastRead(q, s, oy - 1));
            ring = std::max(ring, int(std::max(0L, last - savedFrom + 1)));
        }
    }
    return ring;
}

}  // namespace

bool simulateRowInPlace(const RowGeometry &q, const RowSchedule &s) {
    if (s.rowIn == 0 || s.rowOut == 0 || s.span <= 0 || s.ring < 0) return false;
    std::vector<char> intact(size_t(q.inH), 1);  // input row still whole in the buffer
    std::vector<long> slot(size_t(s.ring), -1);  // the input row each ring slot holds
    long savedTo = 0, savedFrom = q.inH;         // rows reached so far: [0, savedTo) or [savedFrom, inH)
    for (int i = 0; i < q.outH; ++i) {
        const int oy = s.descending ? q.outH - 1 - i : i;
        // The window: what the generated loop copies, from the ring or the buffer.
        for (int k = 0; k < s.span; ++k) {
            const long iy = firstRead(q, oy) + k;
            if (iy < 0 || iy >= q.inH) continue;
            const bool fromRing = s.descending ? iy >= savedFrom : iy < savedTo;
            if (fromRing ? s.ring == 0 || slot[size_t(iy % s.ring)] != iy : !intact[size_t(iy)]) return false;
        }
        // The rows the store reaches that later rows read, saved to the ring.
        long lo, hi;
        reached(q, s, oy, &lo, &hi);
        if (!s.descending) {
            for (long iy = savedTo; iy < hi; ++iy)
                if (s.ring > 0 && iy >= firstRead(q, oy + 1)) slot[size_t(iy % s.ring)] = iy;
            savedTo = std::max(savedTo, hi);
        } else {
            for (long iy = lo; iy < savedFrom; ++iy)
                if (s.ring > 0 && iy <= lastRead(q, s, oy - 1)) slot[size_t(iy % s.ring)] = iy;
            savedFrom = std::min(savedFrom, lo);
        }
        // The store.
        for (long iy = std::max(0L, lo); iy < hi; ++iy) intact[size_t(iy)] = 0;
    }
    return true;
}

bool planRowInPlace(const RowGeometry &q, RowSchedule *out) {
    if (q.inH <= 0 || q.inW <= 0 || q.inC <= 0 || q.outH <= 0 || q.outW <= 0 || q.outC <= 0 || q.strideH <= 0 ||
        q.dilationH <= 0 || q.filterH <= 0 || q.elementBytes == 0)
        return false;
    RowSchedule base;
    base.span = (q.filterH - 1) * q.dilationH + 1;
    base.rowIn = size_t(q.inW) * size_t(q.inC);
    base.rowOut = size_t(q.outW) * size_t(q.outC);
    const size_t saved = std::min(base.rowIn * size_t(q.inH), base.rowOut * size_t(q.outH)) * q.elementBytes;
    bool found = false;
    for (const bool descending : {false, true}) {
        RowSchedule s = base;
        s.descending = descending;
        s.ring = ringFor(q, s);
        s.stackBytes = (size_t(s.span + s.ring) * s.rowIn + s.rowOut) * q.elementBytes;
        // Worth it only when the stack is small beside the buffer saved.
        if (s.stackBytes > kRowInPlaceMaxStack || 2 * s.stackBytes > saved) continue;
        if (!simulateRowInPlace(q, s)) continue;
        if (!found || s.stackBytes < out->stackBytes) *out = s;
        found = true;
    }
    return found;
}

}  // namespace ember
