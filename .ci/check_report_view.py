"""The report as a person sees it (see check_report_view.sh). Usage: check_report_view.py REPORT_FOLDER

The report's language is its <html lang>; the headings page 1 must hold ("Main points",
"Summary") are that language's words of Surveys/banks/words/report.csv.

Print: a copy of report.html (in a scratch folder) with an `@page { size: ... }` added is printed by headless Chromium for each
paper; pypdf checks the page size, counts the pages, and fails a page whose text is nothing but
headings, a page whose last line is a heading (stranded at the bottom), and a first page missing
the title, a main point or a summary figure. Phone: a page holding report.html in a 360 px iframe
writes the report's document.documentElement.scrollWidth into its DOM (Chromium's --dump-dom), which
must be at most 360.
"""
import csv
import html.parser
import os
import re
import subprocess
import sys
import tempfile

import pypdf

PAPERS = {"Letter": (612, 792), "A4": (595.28, 841.89)}
MAX_PAGES = 30


class Headings(html.parser.HTMLParser):
    """The text of every h1-h4, the main points, and the summary figures' labels."""

    def __init__(self):
        super().__init__()
        self.headings, self.points, self.figures = [], [], []
        self.stack = []
        self.text = None
        self.in_points = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id") == "main-points":
            self.in_points = True
        if tag in ("h1", "h2", "h3", "h4") or (tag == "li" and self.in_points) or "data-figure" in attrs:
            self.stack.append(tag)
            self.text = []
        if "data-figure" in attrs:
            self.figures.append(attrs["data-figure"])

    def handle_endtag(self, tag):
        if tag == "section":
            self.in_points = False
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
            text = norm("".join(self.text))
            if tag == "li":
                self.points.append(text)
            elif tag.startswith("h"):
                self.headings.append(text)
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text.append(data)


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def chromium(*args):
    return subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True, text=True, timeout=300, check=False,
    )


def page_one_headings(source):
    """The headings of the main points and the summary, in the report's language."""
    found = re.search(r'<html lang="([a-z]+)"', source)
    language = found.group(1) if found else "en"
    words = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Surveys", "banks", "words", "report.csv")
    with open(words, encoding="utf-8", newline="") as f:
        texts = {row["key"]: row[f"text::{language}"] for row in csv.DictReader(f)}
    return [texts["report.main_points"], texts["report.summary"]]


def check_print(folder, scratch, parsed):
    failures = []
    source = open(os.path.join(folder, "report.html"), encoding="utf-8").read()
    headings = set(parsed.headings)
    for paper, (width, height) in PAPERS.items():
        printed = os.path.join(scratch, f"report.{paper}.html")
        with open(printed, "w", encoding="utf-8") as f:
            f.write(source.replace("</head>", f"<style>@page {{ size: {paper}; }}</style>\n</head>", 1))
        pdf = os.path.join(scratch, f"report.{paper}.pdf")
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + printed)
        reader = pypdf.PdfReader(pdf)
        pages = [[norm(line) for line in p.extract_text().splitlines() if norm(line)] for p in reader.pages]
        size = reader.pages[0].mediabox
        if abs(float(size.width) - width) > 1 or abs(float(size.height) - height) > 1:
            failures.append(f"{paper}: pages are {float(size.width):.0f} x {float(size.height):.0f} pt")
        if not 1 < len(pages) <= MAX_PAGES:
            failures.append(f"{paper}: {len(pages)} pages (expected 2 to {MAX_PAGES})")
        for number, lines in enumerate(pages, 1):
            if not lines:
                failures.append(f"{paper} page {number}: empty")
                continue
            # Lines left once heading lines (a heading may wrap onto two lines) are taken out.
            rest = [line for i, line in enumerate(lines)
                    if line not in headings
                    and not (i + 1 < len(lines) and norm(line + " " + lines[i + 1]) in headings)
                    and not (i > 0 and norm(lines[i - 1] + " " + line) in headings)]
            if not rest:
                failures.append(f"{paper} page {number}: only a heading ({' / '.join(lines)})")
            last = lines[-1]
            tail = norm(" ".join(lines[-2:]))
            if number < len(pages) and (last in headings or tail in headings):
                failures.append(f"{paper} page {number}: ends on the heading {last!r}")
        first = norm(" ".join(pages[0])) if pages else ""
        # PDF text of a wrapped line may lose or gain a space at the break: compare without spaces.
        squeezed = first.replace(" ", "")
        wanted = [parsed.headings[0]] + page_one_headings(source) + parsed.points + parsed.figures
        missing = [w for w in wanted if w.replace(" ", "") not in squeezed]
        if missing:
            failures.append(f"{paper} page 1 lacks: " + "; ".join(m[:70] for m in missing))
        if not parsed.points:
            failures.append(f"{paper}: the report has no main points")
        print(f"{'ok  ' if not failures else 'FAIL'} {paper}: {len(pages)} pages; page 1 holds the title, "
              f"{len(parsed.points)} main points and {len(parsed.figures)} summary figures")
    return failures


def check_phone(folder, scratch):
    probe = os.path.join(scratch, "width-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write("""<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { margin: 0 } iframe { width: 360px; height: 800px; border: 0 }</style></head>
<body><iframe id="report" src="REPORT"></iframe><pre id="measure">not measured</pre><script>
document.getElementById("report").addEventListener("load", function () {
  var out = document.getElementById("measure");
  try {
    var d = document.getElementById("report").contentDocument.documentElement;
    var wide = [];
    d.querySelectorAll("body > *, section > *").forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.right > d.clientWidth + 0.5) wide.push(e.tagName + (e.id ? "#" + e.id : "") + " " + Math.round(r.right));
    });
    out.textContent = "scrollWidth=" + d.scrollWidth + " clientWidth=" + d.clientWidth + " wide=" + wide.slice(0, 10).join(", ");
  } catch (e) { out.textContent = "error " + e; }
});
</script></body></html>""".replace("REPORT", "file://" + os.path.join(folder, "report.html")))
    dom = chromium("--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", "file://" + probe).stdout
    found = re.search(r'<pre id="measure">([^<]*)</pre>', dom)
    text = found.group(1) if found else "no measurement in the dumped DOM"
    width = re.search(r"scrollWidth=(\d+) clientWidth=(\d+)", text)
    if not width or int(width.group(2)) != 360:
        return [f"360 px: could not measure ({text})"]
    if int(width.group(1)) > 360:
        return [f"360 px: the page scrolls sideways ({text})"]
    print(f"ok   360 px: document.documentElement.scrollWidth = {width.group(1)}")
    return []


def main():
    folder = os.path.abspath(sys.argv[1])
    parsed = Headings()
    parsed.feed(open(os.path.join(folder, "report.html"), encoding="utf-8").read())
    # The printed copies, PDFs and the probe page go to a scratch folder, never the report's.
    with tempfile.TemporaryDirectory() as scratch:
        failures = check_print(folder, scratch, parsed) + check_phone(folder, scratch)
    for f in failures:
        print("FAIL " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
