#!/usr/bin/env python3
"""Checks the workbook fixtures against their CSV twins with openpyxl, a reader independent of
the tool's: every cell of the first sheet equals the twin's (dates as ISO text, whole numbers
without a decimal point, empty cells as ""), so that XLSXImportTests compares like with like.

    check_xlsx_twins.py TWIN.csv WORKBOOK.xlsx [WORKBOOK.xlsx ...]
"""
import csv
import datetime
import sys

import openpyxl


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.replace(microsecond=0).isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    twin, books = sys.argv[1], sys.argv[2:]
    with open(twin, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    failures = 0
    for book in books:
        sheet = openpyxl.load_workbook(book, read_only=True).worksheets[0]
        cells = [[text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for r, (want, got) in enumerate(zip(rows, cells), start=1):
            got = got + [""] * (len(want) - len(got))
            for c, (w, g) in enumerate(zip(want, got)):
                # start/end keep their time zone in the CSV; the workbook holds local time.
                if w != g and not (rows[0][c] in ("start", "end") and w.startswith(g)):
                    print(f"{book}: row {r} column {rows[0][c]}: {g!r} in the workbook, {w!r} in {twin}")
                    failures += 1
        if len(cells) != len(rows):
            print(f"{book}: {len(cells)} rows, {len(rows)} in {twin}")
            failures += 1
    if failures:
        sys.exit(1)
    print(f"{len(books)} workbooks equal {twin} cell for cell")


if __name__ == "__main__":
    main()
