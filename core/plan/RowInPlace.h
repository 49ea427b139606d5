// Convolutions in place, row by row (--in-place on).
//
// CONV_2D and DEPTHWISE_CONV_2D may write their output over their own input
// when the input dies there: input and output start at the same byte of one
// buffer of max(input, output) bytes. Output row oy is computed from a
// window of the input rows it reads (copied to the stack), then stored at
// its place in the buffer. The store reaches into input rows that later
// output rows may still read; those rows are saved first in a small ring on
// the stack.
//   ascending   output rows 0, 1, ... (the usual case: an output no larger
//               than the input lands on rows already read);
//   descending  output rows outH-1, ..., 0 (an output larger than the input,
//               e.g. a 1x1 convolution that widens the channels: row oy
//               lands on input rows at or after oy * rowOut / rowIn, which
//               the rows still to compute, all above it, mostly no longer
//               read).
// The schedule is proven at compile time by simulating it row by row, for
// any filter height, stride, dilation and padding: every input row a window
// reads is either still intact in the buffer or held by its ring slot, and
// no ring slot is reused while its row is still to be read. The stack holds
// the window, the ring and one output row.
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
    int span = 0;             // input rows one output row reads: (filterH - 1) * dilationH + 1
    int ring = 0;             // input rows the ring keeps (0: none is ever needed)
    bool descending = false;  // output rows from the last to the first
    size_t rowIn = 0;         // elements per input row (W * C)
    size_t rowOut = 0;        // elements per output row
    size_t stackBytes = 0;    // window + ring + output row
};

// The largest stack the row-by-row schedule may take: beyond it, separate
// buffers are the better trade.
inline constexpr size_t kRowInPlaceMaxStack = 8192;

// The schedule (of the two orders, the one with the smaller stack;
// ascending on a tie), or false when neither order is safe within
// kRowInPlaceMaxStack or saves at least twice the stack it costs (the bytes
// saved: the smaller of input and output).
bool planRowInPlace(const RowGeometry &geo, RowSchedule *out);

// The simulation planRowInPlace proves a schedule with (exposed for tests):
// true when running `s` over `geo` reads every input row intact.
bool simulateRowInPlace(const RowGeometry &geo, const RowSchedule &s);

}  // namespace ember
