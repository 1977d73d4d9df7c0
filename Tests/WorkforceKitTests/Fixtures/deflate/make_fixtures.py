#!/usr/bin/env python3
"""Writes DEFLATE test streams made by Python's zlib, for the Swift inflater (InflaterTests).

    make_fixtures.py OUTDIR [--seed N] [FILE.xlsx ...]

OUTDIR gets raw DEFLATE streams (*.deflate) of random data at every level and strategy, with
manifest.json giving each one's uncompressed length and CRC-32 (zlib.crc32), and, for each
.xlsx given (the tool's own XLSForms, which its ZipWriter stores uncompressed), the same
workbook re-zipped by zipfile with DEFLATE at levels 1 and 9 (*-deflated-L.xlsx), whose
central directory carries zlib's CRC-32 of every part. Re-run it to re-record the committed
fixtures: `python3 make_fixtures.py . --seed 1951 ../../../../.build/xlsforms/*.xlsx`.
"""
import json
import os
import random
import sys
import zipfile
import zlib


def raw_deflate(data, level, strategy=zlib.Z_DEFAULT_STRATEGY, wbits=15, memlevel=8):
    c = zlib.compressobj(level, zlib.DEFLATED, -wbits, memlevel, strategy)
    return c.compress(data) + c.flush()


def samples(rng):
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 9))) for _ in range(300)]
    text = b" ".join(rng.choice(words) for _ in range(8000))
    xmlish = b"".join(b'<c r="%s%d" t="s"><v>%d</v></c>' % (bytes([65 + rng.randint(0, 25)]), rng.randint(1, 999), rng.randint(0, 5000)) for _ in range(1500))
    runs = b"".join(bytes([rng.randint(0, 255)]) * rng.randint(1, 600) for _ in range(150))
    return {
        "empty": b"",
        "one-byte": bytes([rng.randint(0, 255)]),
        "random-small": rng.randbytes(100),
        "random-70k": rng.randbytes(70000),
        "text": text,
        "xml": xmlish,
        "runs": runs,
        "mixed": rng.randbytes(5000) + text[:30000] + runs[:20000] + rng.randbytes(3000),
    }


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args.pop(0)
    seed = 1951
    if args[:1] == ["--seed"]:
        seed = int(args[1])
        args = args[2:]
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    manifest = []
    for name, data in samples(rng).items():
        variants = [(f"l{level}", dict(level=level)) for level in (0, 1, 6, 9)]
        variants += [
            ("fixed", dict(level=6, strategy=zlib.Z_FIXED)),
            ("huffman", dict(level=6, strategy=zlib.Z_HUFFMAN_ONLY)),
            ("rle", dict(level=6, strategy=zlib.Z_RLE)),
            ("window9", dict(level=9, wbits=9, memlevel=1)),
        ]
        for tag, options in variants:
            if name in ("empty", "one-byte", "random-small", "random-70k") and tag not in ("l0", "l6", "fixed"):
                continue
            if name not in ("empty", "one-byte", "random-small", "random-70k") and tag == "l0":
                continue  # stored blocks: random-70k and the small ones have them
            file = f"{name}-{tag}.deflate"
            with open(os.path.join(out, file), "wb") as f:
                f.write(raw_deflate(data, **options))
            manifest.append({"file": file, "length": len(data), "crc32": zlib.crc32(data)})
    for path in args:
        base = os.path.splitext(os.path.basename(path))[0]
        with zipfile.ZipFile(path) as source:
            parts = [(i.filename, source.read(i)) for i in source.infolist()]
        for level in (1, 9):
            target = os.path.join(out, f"{base}-deflated-{level}.xlsx")
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
                for filename, data in parts:
                    z.writestr(filename, data)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
