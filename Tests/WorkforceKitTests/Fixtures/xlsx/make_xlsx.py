#!/usr/bin/env python3
"""Writes a CSV file as an .xlsx the way KoboToolbox's Excel export lays one out, to test the
tool's workbook reader against the CSV twin (XLSXImportTests).

    make_xlsx.py TWIN.csv OUT.xlsx [--dates COL,...] [--serials COL,...] [--date1904]

Text goes to the shared strings, except every third text cell, written as an inline string;
whole and decimal numbers are number cells; empty cells are left out of their row; columns
named in --dates (ISO dates or date-times) are Excel serial numbers with a date style; columns
in --serials are serial numbers without any style (the reader converts them because the
codebook says the column is a date). --date1904 uses the 1904 date system. The parts are
deflated by zipfile (zlib), and the sheet is called "Sheet1".
"""
import csv
import datetime
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NUMBER = re.compile(r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?$")


def column_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def serial(text, date1904):
    text = text.split(".")[0] if "T" in text else text
    moment = datetime.datetime.fromisoformat(text[:19])
    epoch = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1899, 12, 30)
    delta = moment - epoch
    value = delta.days + delta.seconds / 86400
    return repr(value) if value != int(value) else str(int(value))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    twin, out = args[0], args[1]
    date1904 = "--date1904" in args
    rest = [a for a in args[2:] if a != "--date1904"]
    options = dict(zip(rest[0::2], rest[1::2]))
    dated = set(filter(None, options.get("--dates", "").split(",")))
    serials = set(filter(None, options.get("--serials", "").split(",")))
    with open(twin, encoding="utf-8-sig", newline="") as f:
        sample = f.read(4096)
        f.seek(0)
        rows = list(csv.reader(f, delimiter=";" if sample.count(";") > sample.count(",") else ","))
    header = rows[0]
    shared, index = [], {}
    text_cells = 0
    sheet = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value == "":
                continue  # a blank cell is left out
            ref = f"{column_name(c)}{r}"
            name = header[c] if c < len(header) else ""
            if r > 1 and (name in dated or name in serials):
                style = ' s="1"' if name in dated else ""
                cells.append(f'<c r="{ref}"{style}><v>{serial(value, date1904)}</v></c>')
            elif r > 1 and NUMBER.match(value):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                text_cells += 1
                body = escape(value).replace("\r", "_x000D_")
                if text_cells % 3 == 0:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{body}</t></is></c>')
                else:
                    if value not in index:
                        index[value] = len(shared)
                        shared.append(body)
                    cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        sheet.append(f'<row r="{r}">{"".join(cells)}</row>')
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{pkg_ns}"><Relationship Id="rId1" Type="{rel_ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main_ns}" xmlns:r="{rel_ns}"><workbookPr date1904="{1 if date1904 else 0}"/>'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg_ns}">'
        f'<Relationship Id="rId1" Type="{rel_ns}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel_ns}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{rel_ns}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{main_ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main_ns}" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(f'<si><t xml:space="preserve">{s}</t></si>' for s in shared)
        + "</sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main_ns}"><sheetData>{"".join(sheet)}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, head + body)


if __name__ == "__main__":
    main()
