// A minimal reader for 32-bit little-endian ELF files (what arm-none-eabi-gcc
// produces): sections, loadable segments and symbols. Enough for the size
// report, the placement checks and finding the harness's results table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Diagnostics.h"

namespace ember {

struct ElfSection {
    std::string name;
    uint32_t type = 0, flags = 0, addr = 0, size = 0;
    bool alloc() const { return flags & 0x2; }
    bool nobits() const { return type == 8; }  // SHT_NOBITS (.bss-like)
};

struct ElfSegment {
    uint32_t vaddr = 0, paddr = 0, filesz = 0, memsz = 0;
};

struct ElfSymbol {
    std::string name;
    uint32_t value = 0, size = 0;
    uint8_t type = 0;  // STT_OBJECT = 1, STT_FUNC = 2
};

struct ElfFile {
    uint16_t machine = 0;  // 40 = ARM
    uint32_t entry = 0;
    std::vector<ElfSection> sections;
    std::vector<ElfSegment> segments;
    std::vector<ElfSymbol> symbols;

    const ElfSymbol *symbol(const std::string &name) const;
    const ElfSection *section(const std::string &name) const;
    // Bytes of a symbol's initial contents (from the file), empty if NOBITS.
    std::vector<uint8_t> bytesAt(uint32_t addr, uint32_t size) const;

    std::vector<uint8_t> image;  // the whole file
    std::vector<std::pair<uint32_t, uint32_t>> sectionOffsets;  // per section: file offset, size
};

Result<ElfFile> readElf(const std::string &path);

}  // namespace ember
