"""CI check: every generated XLSForm converts to XForm with pyxform, and each .xlsx opens
with openpyxl holding the same survey, choices and settings rows as its CSV layout.

Usage: python3 .ci/check_xlsforms.py FOLDER...   (folders written by `workforce survey`)
"""
import csv
import glob
import os
import sys

import shutil

import openpyxl
from pyxform.xls2xform import convert

# ODK Validate (shipped with pyxform) needs Java; the .xlsx forms get it where Java is present.
ODK_VALIDATE = shutil.which("java") is not None


def csv_layout(path):
    sheets, current = {}, None
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0]:
                current = row[0]
                sheets[current] = []
            elif current is not None:
                sheets[current].append(row[1:])
    return sheets


def xlsx_layout(path):
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for ws in book.worksheets:
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        sheets[ws.title] = rows
    return sheets


def trimmed(rows):
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] == "":
            r.pop()
        out.append(r)
    return out


def main(folders):
    failures, converted = 0, 0
    if not ODK_VALIDATE:
        print("note: no java on this machine; ODK Validate skipped, pyxform conversion still checked")
    for folder in folders:
        forms = sorted(glob.glob(os.path.join(folder, "*.xlsx")) + glob.glob(os.path.join(folder, "*.xlsform.csv"))
                       + glob.glob(os.path.join(folder, "*.xlsform.md")))
        if not forms:
            print(f"FAIL {folder}: no XLSForm found")
            failures += 1
        for path in forms:
            try:
                warnings = []
                validate = ODK_VALIDATE and path.endswith(".xlsx")
                result = convert(xlsform=path, warnings=warnings, validate=validate)
                assert "<h:html" in result.xform, "no XForm produced"
                converted += 1
                checked = "converted, ODK Validate passed" if validate else "converted"
                print(f"ok   {path}: {checked}" + (f" ({len(warnings)} warnings)" if warnings else ""))
                for w in warnings:
                    print(f"     warning: {w}")
            except Exception as error:  # noqa: BLE001 - report every failure
                failures += 1
                print(f"FAIL {path}: {error}")
        for xlsx in sorted(glob.glob(os.path.join(folder, "*.xlsx"))):
            base = xlsx[: -len(".xlsx")]
            a, b = xlsx_layout(xlsx), csv_layout(base + ".xlsform.csv")
            for sheet in ("survey", "choices", "settings"):
                if sheet not in a:
                    failures += 1
                    print(f"FAIL {xlsx}: no sheet {sheet}")
                elif trimmed(a[sheet]) != trimmed(b.get(sheet, [])):
                    failures += 1
                    print(f"FAIL {xlsx}: sheet {sheet} differs from the CSV layout")
                else:
                    print(f"ok   {xlsx} [{sheet}] {len(a[sheet])} rows, same as the CSV layout")
    print(f"{converted} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
