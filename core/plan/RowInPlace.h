// Convolutions in place, row by row (--in-place on).
//
// CONV_2D and DEPTHWISE_CONV_2D may write their output over their own input
// when the input dies there: output row oy is computed from a window of the
// input rows it reads (copied to the stack), then stored at its place in the
// shared buffer. The store reaches into input rows that later output rows
// may still read; those rows are saved first in a small ring on the stack.
// The schedule is checked at compile time by simulating it: the ring holds
// every saved row that is still to be read, and nothing is overwritten that
// is read later. The shared buffer is max(input, output) bytes; the stack
// holds the window, the ring and one output row.
#pragma once

#include <cstddef>

namespace ember {

struct RowGeometry {
    int inH = 0, inW = 0, inC = 0;
    int outH = 0, outW = 0, outC = 0;
    int filterH = 1, strideH = 1, dilationH = 1, padTop = 0;
    size_t elementBytes = 1;
};

struct RowSchedule {
    int span = 0;           // input rows one output row reads: (filterH - 1) * dilationH + 1
    int ring = 0;           // input rows the ring keeps (0: none is ever needed)
    size_t rowIn = 0;       // elements per input row (W * C)
    size_t rowOut = 0;      // elements per output row
    size_t stackBytes = 0;  // window + ring + output row
};

// The largest stack the row-by-row schedule may take: beyond it, separate
// buffers are the better trade.
inline constexpr size_t kRowInPlaceMaxStack = 8192;

// The schedule, or false when the output is larger than the input, the
// stack would exceed kRowInPlaceMaxStack or save less than it costs.
bool planRowInPlace(const RowGeometry &geo, RowSchedule *out);

}  // namespace ember
