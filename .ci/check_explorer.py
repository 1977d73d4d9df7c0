#!/usr/bin/env python3
"""The course-gap explorer as a browser runs it (headless Chromium) against the CLI.

For each institution, Chromium loads explorer.html#institution=NAME (the script picks the roles
employers report, as `courses uncovered` does by default), and the rows of the rendered table
must be those of `workforce courses uncovered --institution NAME --format json` on the same
database (stored frame, no flags): the same KSAs in the same order, demand rounded to a whole
number, the same institutions teaching each elsewhere, "taught nowhere in Belize" exactly where
the CLI has none. At 1100 px the results stand beside the picker; at 360 px below it, with no
horizontal scroll.

Usage: check_explorer.py WORKFORCE DATABASE REPORT_FOLDER
"""
import html.parser
import json
import math
import os
import subprocess
import sys
import urllib.parse

workforce, database, folder = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
page = "file://" + os.path.join(folder, "explorer.html")


def chromium(*arguments):
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


class Rows(html.parser.HTMLParser):
    """The cells of <tbody id="uncovered">, and the layout probe's answer."""

    def __init__(self):
        super().__init__()
        self.rows, self.inside, self.cell, self.probe = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody" and attrs.get("id") == "uncovered":
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag == "td":
            self.cell = ""
        if tag == "body" and "data-probe" in attrs:
            self.probe = json.loads(attrs["data-probe"])

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.inside = False
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


failures = 0
for institution in ["University of Belize", "Galen University"]:
    cli = json.loads(subprocess.run(
        [workforce, "courses", "uncovered", "--institution", institution, "--format", "json", "--db", database],
        capture_output=True, text=True, check=True).stdout)["rows"]
    parser = Rows()
    parser.feed(chromium("--dump-dom", page + "#institution=" + urllib.parse.quote(institution)))
    shown = [(r[0], r[2], r[4]) for r in parser.rows]
    # Math.round: halves up, as the page rounds.
    expected = [(r["ksa_id"], str(math.floor(r["demand"] + 0.5)), r["taught_elsewhere_by"] or "taught nowhere in Belize") for r in cli]
    if shown != expected:
        failures += 1
        first = next((i for i, (a, b) in enumerate(zip(shown, expected)) if a != b), min(len(shown), len(expected)))
        print(f"FAIL: explorer for {institution}: {len(shown)} rows, CLI {len(cli)}; first difference at row {first + 1}: "
              f"{shown[first] if first < len(shown) else None} vs {expected[first] if first < len(expected) else None}", file=sys.stderr)
    else:
        nowhere = sum(1 for r in shown if r[2] == "taught nowhere in Belize")
        print(f"ok   explorer for {institution}: the {len(shown)} rows of `courses uncovered` in its order ({nowhere} taught nowhere in Belize)")

# Layout: a probe page beside explorer.html holds it in an iframe of the width asked (Chromium's
# headless window is never narrower than 500 px) and reports where the results stand.
probe = """<!DOCTYPE html><html lang="en"><head><title>probe</title></head><body style="margin:0">
<iframe id="f" title="explorer" src="explorer.html" style="width:WIDTHpx;height:900px;border:0"></iframe>
<script>document.getElementById("f").addEventListener("load", () => { setTimeout(() => {
const d = document.getElementById("f").contentDocument;
const p = d.getElementById("choices").getBoundingClientRect(), r = d.querySelector(".results").getBoundingClientRect();
document.body.dataset.probe = JSON.stringify({ beside: r.left >= p.right - 1 && r.top < p.bottom, below: r.top >= p.bottom - 1,
scroll: d.documentElement.scrollWidth }); }, 200); });</script></body></html>"""
copy = os.path.join(folder, "explorer-probe.html")
try:
    for width, want in [(1100, "beside"), (360, "below")]:
        with open(copy, "w", encoding="utf-8") as f:
            f.write(probe.replace("WIDTH", str(width)))
        parser = Rows()
        parser.feed(chromium("--allow-file-access-from-files", "--window-size=1200,900", "--dump-dom", "file://" + copy))
        p = parser.probe or {}
        if not p.get(want) or p.get("scroll", 10**6) > width:
            failures += 1
            print(f"FAIL: explorer at {width} px: results not {want} the picker, or the page scrolls sideways: {p}", file=sys.stderr)
        else:
            print(f"ok   explorer at {width} px: results {want} the picker, no horizontal scroll (scroll width {p['scroll']} px)")
finally:
    if os.path.exists(copy):
        os.remove(copy)
sys.exit(1 if failures else 0)
