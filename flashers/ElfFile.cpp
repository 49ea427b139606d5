#include "ElfFile.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace ember {

namespace {

uint32_t u32(const std::vector<uint8_t> &b, size_t o) {
    return o + 4 <= b.size() ? uint32_t(b[o]) | uint32_t(b[o + 1]) << 8 | uint32_t(b[o + 2]) << 16 | uint32_t(b[o + 3]) << 24 : 0;
}
uint16_t u16(const std::vector<uint8_t> &b, size_t o) {
    return o + 2 <= b.size() ? uint16_t(b[o] | b[o + 1] << 8) : 0;
}
std::string cstr(const std::vector<uint8_t> &b, size_t o) {
    std::string s;
    while (o < b.size() && b[o]) s += char(b[o++]);
    return s;
}

struct RawSection {
    uint32_t name, type, flags, addr, offset, size, link, entsize;
};

}  // namespace

const ElfSymbol *ElfFile::symbol(const std::string &name) const {
    for (const ElfSymbol &s : symbols)
        if (s.name == name) return &s;
    return nullptr;
}

const ElfSection *ElfFile::section(const std::string &name) const {
    for (const ElfSection &s : sections)
        if (s.name == name) return &s;
    return nullptr;
}

std::vector<uint8_t> ElfFile::bytesAt(uint32_t addr, uint32_t size) const {
    for (size_t i = 0; i < sections.size(); ++i) {
        const ElfSection &s = sections[i];
        if (!s.alloc() || s.nobits() || addr < s.addr || uint64_t(addr) + size > uint64_t(s.addr) + s.size) continue;
        const uint32_t off = sectionOffsets[i].first + (addr - s.addr);
        if (uint64_t(off) + size > image.size()) return {};
        return std::vector<uint8_t>(image.begin() + off, image.begin() + off + size);
    }
    return {};
}

Result<ElfFile> readElf(const std::string &path) {
    Diagnostics d;
    d.setFile(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        d.error("cannot open the firmware ELF; build the firmware first");
        return d;
    }
    ElfFile e;
    e.image.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::vector<uint8_t> &b = e.image;
    if (b.size() < 52 || std::memcmp(b.data(), "\x7f" "ELF", 4) != 0 || b[4] != 1 || b[5] != 1) {
        d.error("not a 32-bit little-endian ELF file; pass the firmware .elf built for an Arm Cortex-M board");
        return d;
    }
    e.machine = u16(b, 0x12);
    e.entry = u32(b, 0x18);
    const uint32_t phoff = u32(b, 0x1C), shoff = u32(b, 0x20);
    const uint16_t phentsize = u16(b, 0x2A), phnum = u16(b, 0x2C);
    const uint16_t shentsize = u16(b, 0x2E), shnum = u16(b, 0x30), shstrndx = u16(b, 0x32);
    if (uint64_t(shoff) + uint64_t(shnum) * shentsize > b.size() || uint64_t(phoff) + uint64_t(phnum) * phentsize > b.size() ||
        shstrndx >= shnum || shentsize < 40) {
        d.error("the ELF file is truncated or corrupt; rebuild the firmware");
        return d;
    }
    for (uint16_t i = 0; i < phnum; ++i) {
        const size_t o = phoff + size_t(i) * phentsize;
        if (u32(b, o) != 1) continue;  // PT_LOAD only
        e.segments.push_back({u32(b, o + 8), u32(b, o + 12), u32(b, o + 16), u32(b, o + 20)});
    }
    std::vector<RawSection> raw(shnum);
    for (uint16_t i = 0; i < shnum; ++i) {
        const size_t o = shoff + size_t(i) * shentsize;
        raw[i] = {u32(b, o), u32(b, o + 4), u32(b, o + 8), u32(b, o + 12), u32(b, o + 16), u32(b, o + 20),
                  u32(b, o + 24), u32(b, o + 36)};
    }
    for (const RawSection &r : raw) {
        e.sections.push_back({cstr(b, raw[shstrndx].offset + r.name), r.type, r.flags, r.addr, r.size});
        e.sectionOffsets.push_back({r.offset, r.size});
    }
    for (const RawSection &r : raw) {
        if (r.type != 2 || r.entsize < 16 || r.link >= shnum) continue;  // SHT_SYMTAB
        const uint32_t strOff = raw[r.link].offset;
        for (uint32_t o = r.offset; o + 16 <= r.offset + r.size && o + 16 <= b.size(); o += r.entsize) {
            ElfSymbol s{cstr(b, strOff + u32(b, o)), u32(b, o + 4), u32(b, o + 8), uint8_t(b[o + 12] & 0xF)};
            if (!s.name.empty()) e.symbols.push_back(s);
        }
    }
    return e;
}

}  // namespace ember
