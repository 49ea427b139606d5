#include "RowInPlace.h"

#include <algorithm>

namespace ember {

bool planRowInPlace(const RowGeometry &q, RowSchedule *out) {
    if (q.inH <= 0 || q.inW <= 0 || q.inC <= 0 || q.outH <= 0 || q.outW <= 0 || q.outC <= 0 || q.strideH <= 0 ||
        q.dilationH <= 0 || q.filterH <= 0 || q.elementBytes == 0)
        return false;
    RowSchedule s;
    s.span = (q.filterH - 1) * q.dilationH + 1;
    s.rowIn = size_t(q.inW) * size_t(q.inC);
    s.rowOut = size_t(q.outW) * size_t(q.outC);
    const size_t inElems = s.rowIn * size_t(q.inH), outElems = s.rowOut * size_t(q.outH);
    if (outElems > inElems) return false;
    // Simulate: after storing output row oy, input rows [0, end) have been
    // (partly) overwritten; those at or after the first row any later output
    // row reads must have been saved, and all of them must fit the ring at
    // once (they are consecutive, so row % ring never collides).
    long savedTo = 0;
    int ring = 0;
    for (int oy = 0; oy < q.outH; ++oy) {
        const size_t written = size_t(oy + 1) * s.rowOut;
        const long end = long(std::min<size_t>(size_t(q.inH), (written + s.rowIn - 1) / s.rowIn));
        savedTo = std::max(savedTo, end);
        if (oy + 1 == q.outH) break;
        const long firstNeeded = std::max(0L, long(oy + 1) * q.strideH - q.padTop);
        ring = std::max(ring, int(std::max(0L, savedTo - firstNeeded)));
    }
    s.ring = ring;
    s.stackBytes = (size_t(s.span + s.ring) * s.rowIn + s.rowOut) * q.elementBytes;
    // Worth it only when the stack is small beside the buffer saved.
    if (s.stackBytes > kRowInPlaceMaxStack || 2 * s.stackBytes > std::min(inElems, outElems) * q.elementBytes)
        return false;
    *out = s;
    return true;
}

}  // namespace ember
