// Board descriptions: the data in resources/boards/*.json, validated.
//
// A board file says which core to compile for, where flash and RAM are, how
// fast the core runs, how OpenOCD talks to it and, for emulated boards, which
// QEMU machine runs it. Everything the firmware generator and the flasher need
// comes from here; nothing about a board is hard-coded elsewhere.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Diagnostics.h"

namespace ember {

struct MemoryRegion {
    std::string name;              // linker MEMORY name, e.g. "FLASH", "DTCM"
    std::string kind;              // "flash" (code + constants) or "ram"
    uint64_t origin = 0;
    uint64_t size = 0;
    std::vector<std::string> sections;  // linker section names placed here (pools)
    bool contains(uint64_t addr) const { return addr >= origin && addr < origin + size; }
};

// One start-up register access of a UART's "init" list: read-modify-write
// (clear, then set) and, if `wait` is non-zero, poll until all its bits read 1
// (clock-ready flags, reset-done bits).
struct RegWrite {
    uint64_t reg = 0;
    uint32_t clear = 0, set = 0, wait = 0;
};

// The board file's "rpc_uart" object: everything the polling driver of its
// type needs. Types: "cmsdk-apb" (Arm MPS2/MPS3), "stm32-usart-v1" (SR/DR
// layout: STM32F1/F2/F4), "stm32-usart-v2" (ISR/RDR/TDR layout: F0/F3/F7/H7/
// L4), "stm32-lpuart" (v2 layout, BRR = 256 f/baud), "nrf-uarte" (nRF52
// EasyDMA UARTE), "rp2040-pl011" (RP2040's PL011 UARTs).
struct UartConfig {
    std::string type;                 // "" = the board has no RPC UART
    std::string name;                 // peripheral name for comments: "USART2"
    uint64_t base = 0;
    uint64_t kernelClockHz = 0;       // the UART's clock after `init` (reset clocks: no PLL set-up)
    uint32_t baud = 115200;
    std::vector<RegWrite> init;       // clocks, resets, power, in order, before the driver's own set-up
    std::string tx, rx;               // pins: "PA2" (STM32), "P0.06" (nRF), "GP0" (RP2040)
    uint64_t gpioBase = 0;            // STM32: GPIOA's address (port n at + 0x400 n)
    int af = -1;                      // STM32: alternate-function number of both pins
    std::string connection;           // where a host plugs in: "ST-LINK virtual COM port"
};

// How the harness measures time on this board.
enum class CycleCounter { Dwt, SysTick };

struct Board {
    std::string id;         // lower-case key, e.g. "nucleo-l4r5zi"
    std::string name;       // display name, e.g. "NUCLEO-L4R5ZI"
    std::string vendor;
    std::string mcu;
    std::string core;       // gcc -mcpu value: cortex-m0plus, cortex-m4, cortex-m7, cortex-m55
    std::string fpu;        // gcc -mfpu value or "none"
    std::string floatAbi;   // "hard", "softfp" or "soft"
    uint64_t clockHz = 0;
    std::vector<MemoryRegion> memory;
    std::string flashRegion;   // region for code/constants
    std::string ramRegion;     // region for data, bss, stack, default pools
    uint32_t stackBytes = 8192;
    CycleCounter counter = CycleCounter::Dwt;
    std::vector<std::string> openocdConfig;    // script paths, each passed with -f
    std::vector<std::string> openocdCommands;  // extra -c commands before init
    std::string qemuMachine;   // non-empty: an emulated board
    double tickNs = 0;         // emulated: virtual ns per SysTick tick (== insns per tick)
    std::string notes;
    // "rpc_uart": the UART the RPC function server talks on (docs/RPC.md);
    // 0 = none. The driver is chosen by rpcUart.type (flashers/UartDriver.cpp).
    uint64_t rpcUartBase = 0;
    std::string rpcUartType;
    UartConfig rpcUart;
    std::string sourceFile;    // where it was read from

    bool emulated() const { return !qemuMachine.empty(); }
    const MemoryRegion *region(const std::string &name) const;
    // Region that holds a pool's linker section ("" → main RAM). Matches the
    // region's section list, else its name (case-insensitive, leading dot ignored).
    const MemoryRegion *regionForSection(const std::string &section) const;
    // gcc flags for this core (-mcpu, -mthumb, -mfpu, -mfloat-abi).
    std::vector<std::string> cpuFlags() const;
};

// Parses one board description (JSON text). `source` names it in diagnostics.
Result<Board> parseBoard(const std::string &json, const std::string &source);

// The catalogue: built-in boards plus any *.json in the extra directories
// (EMBER_BOARDS_DIR, colon-separated, is added by default).
class BoardCatalog {
public:
    static Result<BoardCatalog> load(const std::vector<std::string> &extraDirs = {});
    const std::vector<Board> &boards() const { return boards_; }
    // By id or display name, case-insensitive. Unknown → diagnostic listing ids.
    Result<Board> find(const std::string &key) const;

private:
    std::vector<Board> boards_;
};

// A UART pin's number: STM32 "PA2" → 2 (prefix "P", letterPort), nRF
// "P0.06" → 6 (P1.xx: 32 + xx), RP2040 "GP0" → 0 (prefix "GP"); -1 if malformed.
int uartPinIndex(const std::string &pin, const std::string &prefix, bool letterPort);

// Parses "0x20000000", "512K", "2M", "131072".
bool parseSize(const std::string &text, uint64_t *out);

}  // namespace ember
