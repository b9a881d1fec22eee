"""ICU's data library, cut down to the items Qt reads for this app.

PySide6's Qt Core on Linux links ICU, whose data library (libicudata, 31 MiB) holds one table of items that ICU looks
up by name: locale data, converter tables, collation rules, dictionaries, time zone names. Qt reads them only for
QCollator, QTimeZone's display names and text codecs asked for by name (its own text, number and date formats, case
mapping and line breaking need none). Of those the app meets one: Qt's own file dialog sorts file names with a
QCollator (numbers by value: file2 before file10) in any locale but C. Its rules are kept, and every locale's
collator falls back to them (ICU's root order, which is English's); the rest, which the app never asks for, goes
(under strace, the window, its smoke test and tests/ui read no item at all). `keep_icu_items` rewrites the library
with the kept items only: the table stays in ICU's format, and the ELF file as the linker laid it out, with the data
section shorter and what follows it moved up.
"""

from __future__ import annotations

import struct
from pathlib import Path

# Item names inside the package (after its folder, "icudt73l/"): the root collation rules and the collation
# algorithm's table, which QCollator needs for every locale.
KEPT_ITEMS = {"coll/root.res", "coll/ucadata.icu"}
ALIGNMENT = 16  # ICU's tool aligns every item to 16 bytes; the data section stays a multiple of it
# The dynamic tags whose values are addresses (DT_PLTGOT, DT_HASH, DT_STRTAB, DT_SYMTAB, DT_RELA, ..., DT_VERNEED).
DYNAMIC_POINTERS = {3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 0x6FFFFEF5, 0x6FFFFFF0, 0x6FFFFFFC, 0x6FFFFFFE}


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU's common data package (the "CmnD" format): its header, and its items as (name, bytes) in table order."""
    header_size, = struct.unpack_from("<H", blob, 0)
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    table = blob[header_size:]
    count, = struct.unpack_from("<I", table, 0)
    entries = [struct.unpack_from("<II", table, 4 + 8 * index) for index in range(count)]
    ends = [data_at for _, data_at in entries[1:]] + [len(table)]
    items = [(table[name_at:table.index(0, name_at)].decode(), table[data_at:end])
             for (name_at, data_at), end in zip(entries, ends)]
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package holding `items`, kept in the order given (ICU looks names up by binary search)."""
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    data_at = padded(names_at + len(names))
    entries, body, name_at = [], b"", names_at
    for name, data in items:
        entries.append(struct.pack("<II", name_at, data_at + len(body)))
        name_at += len(name.encode()) + 1
        body += data.ljust(padded(len(data)), b"\0")
    table = (struct.pack("<I", len(items)) + b"".join(entries) + names).ljust(data_at, b"\0")
    return header + table + body


def padded(size: int) -> int:
    return -(-size // ALIGNMENT) * ALIGNMENT


def library_items(library: Path) -> list[tuple[str, bytes]]:
    """The items of ICU's data library `library`, as (name, bytes)."""
    elf = bytearray(library.read_bytes())
    _, section_at = data_symbol(elf)
    offset, size = struct.unpack_from("<QQ", elf, section_at + 24)
    return read_package(bytes(elf[offset:offset + size]))[1]


def keep_icu_items(library: Path, kept: set[str]) -> None:
    """Rewrite ICU's data library `library` with the items whose names (after the package's folder) are in `kept`."""
    elf = bytearray(library.read_bytes())
    symbol_at, section_at = data_symbol(elf)
    address, offset, size = struct.unpack_from("<QQQ", elf, section_at + 16)
    header, items = read_package(bytes(elf[offset:offset + size]))
    package = write_package(header, [(name, data) for name, data in items if name.split("/", 1)[1] in kept])
    package = package.ljust(padded(len(package)), b"\0")
    if size % ALIGNMENT:
        raise ValueError(f"{library}: its data section does not end on a {ALIGNMENT}-byte boundary")
    shift = len(package) - size
    moved = offset + size  # everything from here on moves up by `shift`, in the file and in memory
    check_dynamic_section(elf, address + size)
    phoff, shoff = struct.unpack_from("<QQ", elf, 0x20)
    phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", elf, 0x36)
    for at in range(phoff, phoff + phentsize * phnum, phentsize):
        kind, flags, p_offset, vaddr, paddr, filesz, memsz, align = struct.unpack_from("<IIQQQQQQ", elf, at)
        if p_offset >= moved:
            p_offset, vaddr, paddr = p_offset + shift, vaddr + shift, paddr + shift
        elif p_offset <= offset and moved <= p_offset + filesz:
            filesz, memsz = filesz + shift, memsz + shift
        struct.pack_into("<IIQQQQQQ", elf, at, kind, flags, p_offset, vaddr, paddr, filesz, memsz, align)
    for at in range(shoff, shoff + shentsize * shnum, shentsize):
        name, kind, flags, s_address, s_offset, s_size, link, info, align, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", elf, at)
        if at == section_at:
            s_size = len(package)
        elif kind and s_offset >= moved:
            s_offset, s_address = s_offset + shift, s_address + shift if s_address else 0
        struct.pack_into("<IIQQQQIIQQ", elf, at, name, kind, flags, s_address, s_offset, s_size, link, info, align,
                         entsize)
    struct.pack_into("<Q", elf, symbol_at + 16, len(package))
    if shoff >= moved:
        struct.pack_into("<Q", elf, 0x28, shoff + shift)
    library.write_bytes(bytes(elf[:offset]) + package + bytes(elf[moved:]))


def data_symbol(elf: bytearray) -> tuple[int, int]:
    """Where the data package's symbol (icudtNN_dat) and the section it fills are described in the file."""
    if elf[:4] != b"\x7fELF" or elf[4:6] != b"\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [shoff + index * shentsize for index in range(shnum)]
    for symbols_at in sections:
        kind, = struct.unpack_from("<I", elf, symbols_at + 4)
        if kind != 11:  # SHT_DYNSYM
            continue
        offset, size, link = struct.unpack_from("<QQI", elf, symbols_at + 24)
        strings, = struct.unpack_from("<Q", elf, sections[link] + 24)
        for at in range(offset, offset + size, 24):
            name_at, _, _, index, value, length = struct.unpack_from("<IBBHQQ", elf, at)
            name = elf[strings + name_at:elf.index(0, strings + name_at)].decode()
            if name.startswith("icudt") and name.endswith("_dat"):
                address, _, section_size = struct.unpack_from("<QQQ", elf, sections[index] + 16)
                if (value, length) != (address, section_size):
                    raise ValueError(f"{name} does not fill its section")
                return at, sections[index]
    raise ValueError("no icudtNN_dat symbol")


def check_dynamic_section(elf: bytearray, end: int) -> None:
    """The dynamic section may not point past the data section: what lies there moves."""
    phoff, = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    for at in range(phoff, phoff + phentsize * phnum, phentsize):
        kind, _, offset, _, _, size = struct.unpack_from("<IIQQQQ", elf, at)
        if kind != 2:  # PT_DYNAMIC
            continue
        for tag, value in struct.iter_unpack("<qQ", elf[offset:offset + size]):
            if tag in DYNAMIC_POINTERS and value >= end:
                raise ValueError(f"the dynamic section's entry {tag:#x} points past the ICU data")
