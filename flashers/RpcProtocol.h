// The Ember RPC protocol (docs/RPC.md): the numbers shared by the device
// server (generated C, RpcServer.cpp), the C++ client (RpcClient.h) and the
// Python client (python/ember_rpc.py). Change one, change all three and bump
// kVersion.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ember::rpc {

constexpr uint16_t kVersion = 1;
constexpr uint8_t kMagic0 = 0xE5, kMagic1 = 0x52;  // every frame starts with these two bytes
constexpr size_t kHeaderBytes = 6;                 // magic0 magic1 seq cmd len(u16 LE)
constexpr size_t kCrcBytes = 4;                    // CRC-32 (zlib) of seq..payload, LE
constexpr size_t kMaxPayload = 4096;               // larger requests are refused (TOO_LONG)
constexpr uint8_t kReplyBit = 0x80;                // reply cmd = request cmd | 0x80

namespace cmd {
enum : uint8_t {
    Hello = 0x01,     // → version, limits, counts, model name
    FuncInfo = 0x02,  // u16 index → one function-table entry with its arguments
    BufInfo = 0x03,   // u16 index → one buffer (tensor slot, pool)
    Write = 0x04,     // u16 buffer, u32 offset, bytes
    Read = 0x05,      // u16 buffer, u32 offset, u16 length → bytes
    Call = 0x06,      // u8 name length, name, u8 n, i32 tensor ids[n] → i32 rc, u32 ticks
    Run = 0x07,       // → i32 rc, u32 ticks (the whole model, function 0)
    Cycles = 0x08,    // u16 first layer → counter kind, now, last call, per-layer ticks
    Reset = 0x09,     // zero every tensor slot, model state back to start-up
    Ping = 0x0A,      // echoes its payload
    Checksum = 0x0B,  // u16 buffer, u32 offset, u32 length → u32 CRC-32 of those bytes
};
}  // namespace cmd

enum Status : uint8_t {
    Ok = 0,
    BadCrc = 1,
    TooLong = 2,
    UnknownCommand = 3,
    BadRequest = 4,       // payload too short or inconsistent for the command
    UnknownFunction = 5,
    UnknownBuffer = 6,
    OutOfRange = 7,       // offset/length past the buffer's end, index past the table
    BadArgument = 8,      // a tensor id the server has no slot for, or of the wrong size
    Truncated = 9,        // a frame stopped arriving mid-way (inter-byte timeout)
    NotReady = 10,        // the tensor arena did not fit (firmware generated wrong)
};

const char *statusName(uint8_t status);

// CRC-32 as zlib computes it (reflected 0xEDB88320, init and xor-out ~0).
uint32_t crc32(const uint8_t *data, size_t n, uint32_t crc = 0);

}  // namespace ember::rpc
