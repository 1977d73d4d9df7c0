#!/usr/bin/env python3
"""Writes hostile variants of a workbook, each of which the importer must refuse with exit 65
and nothing stored (XLSXImportTests, ImportCommandTests):

    make_hostile.py GOOD.xlsx OUTDIR

bomb.xlsx          the sheet inflates to 50 MB of zeros but declares 2,000 bytes
declared-4gb.xlsx  the sheet declares 4 GB uncompressed
zip64.xlsx         written by zipfile with Zip64 records
encrypted.xlsx     the sheet's headers carry the encryption flag
truncated.xlsx     the first half of GOOD.xlsx
"""
import os
import struct
import sys
import zipfile
import zlib

SHEET = "xl/worksheets/sheet1.xml"


def parts(path):
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def write(path, items, force_zip64=False):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=force_zip64) as f:
                f.write(data)


def patch(path, name, size=None, flags=None):
    """Rewrites `name`'s declared uncompressed size and/or flags in both its headers."""
    data = bytearray(open(path, "rb").read())
    encoded = name.encode()
    i = 0
    while True:
        i = data.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", data, i + 26)[0]
        if data[i + 30:i + 30 + n] == encoded:
            if size is not None:
                struct.pack_into("<I", data, i + 22, size)
            if flags is not None:
                struct.pack_into("<H", data, i + 6, flags)
        i += 4
    i = 0
    while True:
        i = data.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == encoded:
            if size is not None:
                struct.pack_into("<I", data, i + 24, size)
            if flags is not None:
                struct.pack_into("<H", data, i + 8, flags)
        i += 4
    open(path, "wb").write(bytes(data))


def main():
    good, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    items = parts(good)
    sheet = dict(items)[SHEET]

    bomb = [(n, d if n != SHEET else sheet[:-40] + b"\0" * 50_000_000) for n, d in items]
    write(os.path.join(out, "bomb.xlsx"), bomb)
    patch(os.path.join(out, "bomb.xlsx"), SHEET, size=2000)

    write(os.path.join(out, "declared-4gb.xlsx"), items)
    patch(os.path.join(out, "declared-4gb.xlsx"), SHEET, size=0xFFFF0000)

    write(os.path.join(out, "zip64.xlsx"), items, force_zip64=True)

    write(os.path.join(out, "encrypted.xlsx"), items)
    patch(os.path.join(out, "encrypted.xlsx"), SHEET, flags=0x0001)

    data = open(good, "rb").read()
    open(os.path.join(out, "truncated.xlsx"), "wb").write(data[: len(data) // 2])


if __name__ == "__main__":
    main()
