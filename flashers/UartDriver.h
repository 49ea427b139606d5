// Polling UART drivers for the generated firmware (docs/RPC.md, "Real
// boards"): firmware/ember_uart.h (the same for every board) and
// firmware/ember_uart.c (the driver of the board file's "rpc_uart" type,
// its clocks, pins and baud rate baked in). C99, no interrupts, no vendor HAL.
#pragma once

#include <string>

#include "Board.h"
#include "core/Diagnostics.h"

namespace ember {

std::string uartDriverH();
// Fails (naming the board and what is missing) when the board has no
// "rpc_uart" or its baud rate cannot be reached from the kernel clock.
Result<std::string> uartDriverC(const Board &b);

}  // namespace ember
