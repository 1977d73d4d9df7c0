"""CI check: the labelled microdata of `workforce responses KIND --format sav|dta|r`.

On the demo database (plus two employer responses with 300- and 700-byte answers, for SPSS's
very long strings and Stata's strL):

- pyreadstat reads the .sav (compressed and uncompressed) and the .dta with every variable,
  variable label, value label and value equal to the clean CSV (`--split-multiple`) and the
  codebook stored in the database; the .sav declares a user-missing code exactly where a
  question has "prefer not to say"; Stata names follow the documented shortening rule;
- GNU PSPP opens each .sav (GET FILE, DISPLAY DICTIONARY) without a warning or error;
- Rscript runs the .r script (.ci/r/check_microdata.R) and gets the same factors as the clean
  CSV with `--labels en`;
- the weighted mean of every select_one indicator computed from the .dta's `weight` equals
  `workforce awareness --margins`'s estimate, and so does R's `svymean` on the .r file's
  `svydesign` (.ci/r/check_microdata_design.R); in the licensed employer file (`--licensed`)
  weights are fpc / n_S of their (merged) stratum, each role's weighted employed total is
  `workforce gaps --frame`'s, and R's `svytotal` gives the same total and standard error; the
  public-use file (the default) has the same weights, strata that are unions of the licensed
  ones within a sector with at least 3 organisations in the frame (fpc their sum), notes that
  say so, and R's `svytotal` on its design gives the same totals; on the 2027 employer wave
  (`--wave 2027`, the stored frame pinned to it) R reproduces `gaps --wave 2027`'s totals, their
  standard errors and the shortfall;
- the frequency codebook's counts equal the clean CSV's (cells under 5 shown "<5"); its HTML
  pages are left in WORK_FOLDER/codebook for .ci/run's Nu HTML check.

Usage: python3 .ci/check_microdata.py WORKFORCE_BINARY DEMO_DB WORK_FOLDER
"""
import csv
import datetime
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys

import pyreadstat

binary, source_db, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
db = os.path.join(work, "microdata.sqlite")
shutil.copy(source_db, db)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def wf(*args, database=None):
    return subprocess.run([binary, *args, "--db", database or db], check=True, capture_output=True, text=True).stdout


# Two employer responses whose "other sector" answers are 300 and 700 bytes long.
demo = os.path.join(os.path.dirname(__file__), "..", "Surveys", "demo", "employers-kobotoolbox.csv")
with open(demo, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header = rows[0]
other = header.index("profile/sector_other")
template = next(r for r in rows[1:] if r[other])
extra = os.path.join(work, "employers-long.csv")
with open(extra, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(header)
    for n, length in [(1, 300), (2, 2500)]:
        row = list(template)
        row[header.index("_uuid")] = f"long-text-{n}"
        row[other] = ("Sector sin categoría: café, energía y más " * 100).encode("utf-8")[:length].decode("utf-8", "ignore")
        w.writerow(row)
wf("import", "employer", extra)

codebooks = {}
con = sqlite3.connect(db)
for kind, text in con.execute(
    "SELECT kind, codebook FROM instrument WHERE kind = 'employer' OR (kind = 'awareness' AND wave = 'baseline') ORDER BY id"
):
    codebooks[kind] = json.loads(text)  # the latest of each kind wins, as in the reader


def read_csv(text):
    return list(csv.DictReader(text.splitlines(keepends=True)))


def fnv1a(name):
    h = 2166136261
    for b in name.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def stata_name(name, taken):
    if len(name) <= 32:
        return name
    h = fnv1a(name)
    while True:
        candidate = f"{name[:27]}_{h & 0xFFFF:04x}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate
        h += 1


def stata_label(label, choice):
    if len(label) <= 80:
        return label
    if choice is not None and len(choice) + 4 < 80:
        return label[: len(label) - len(choice) - 2][: 80 - len(choice) - 3].strip() + "…: " + choice
    return label[:80].strip()


IDENTIFIERS = {"org_code"}


def expected_variables(kind):
    """(csv column, file name, label, kind, value labels, choice names, user-missing code, choice label)."""
    cb = codebooks[kind]
    lists = cb["choices"]
    out = [
        ("response_id", "response_id", "Response id", "number", None, None, None, None),
        ("batch_id", "batch_id", "Import batch", "number", None, None, None, None),
        ("response_key", "response_key", "Response key (the submission's id)", "text", None, None, None, None),
        ("submitted_at", "submitted_at", "Submitted at", "text", None, None, None, None),
    ]
    for q in cb["questions"]:
        t, name, label = q["type"], q["name"], q["label"]["en"]
        # The invitation letter's code identifies the organisation: only a licensed file has it.
        if t == "note" or name in IDENTIFIERS:
            continue
        if t == "select_one":
            choices = lists[q["list"]]
            names = [c["name"] for c in choices]
            missing = names.index("prefer_not") + 1 if "prefer_not" in names else None
            out.append((name, name, label, "code", {i + 1: c["label"].get("en") or c["name"] for i, c in enumerate(choices)}, names, missing, None))
        elif t == "select_multiple":
            for c in lists[q["list"]]:
                choice = c["label"].get("en") or c["name"]
                out.append((f"{name}/{c['name']}", f"{name}_{c['name']}", f"{label}: {choice}", "dummy", None, None, None, choice))
        else:
            out.append((name, name, label, {"integer": "number", "decimal": "number", "date": "date"}.get(t, "text"), None, None, None, None))
    return out


def missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def same_value(kind, csv_value, value, names):
    missing = value is None or (isinstance(value, float) and math.isnan(value)) or value == ""
    if csv_value == "":
        return missing
    if missing:
        return False
    if kind == "code":
        return names[int(value) - 1] == csv_value
    if kind in ("number", "dummy"):
        return float(value) == float(csv_value)
    if kind == "date":
        return value.isoformat()[:10] == csv_value
    # The clean CSV neutralises formula-like text with a leading '.
    return value == csv_value or (csv_value.startswith("'") and value == csv_value[1:])


def check_file(kind, path, clean):
    is_sav = path.endswith(".sav")
    if is_sav:
        data, meta = pyreadstat.read_sav(path, user_missing=True, output_format="dict")
    else:
        data, meta = pyreadstat.read_dta(path, output_format="dict")
    expected = expected_variables(kind)
    taken = set(n for _, n, *_ in expected if len(n) <= 32)
    names = [e[1] if is_sav else stata_name(e[1], taken) for e in expected]
    if meta.column_names != names:
        fail(f"{path}: variables {meta.column_names[:5]}... differ from the codebook's {names[:5]}...")
        return
    labels = dict(zip(meta.column_names, meta.column_labels))
    if is_sav and meta.file_encoding != "UTF-8":
        fail(f"{path}: encoding {meta.file_encoding}")
    if meta.number_rows != len(clean):
        fail(f"{path}: {meta.number_rows} cases, the clean CSV {len(clean)}")
    for (column, _, label, vkind, value_labels, choice_names, missing, choice), name in zip(expected, names):
        # Stata keeps 80 characters of a label (a choice's keeps the choice, shortening the
        # question with "…"), SPSS 255 bytes (cut on a character boundary).
        want = stata_label(label, choice) if not is_sav else (label.encode()[:255].decode("utf-8", "ignore").rstrip() if len(label.encode()) > 255 else label)
        if labels[name] != want:
            fail(f"{path}: {name} is labelled {labels[name]!r}, not {want!r}")
        got_labels = meta.variable_value_labels.get(name)
        if value_labels is not None:
            got = {int(k): v for k, v in (got_labels or {}).items()}
            if got != value_labels:
                fail(f"{path}: {name} value labels {got} are not {value_labels}")
        elif got_labels:
            fail(f"{path}: {name} has value labels {got_labels}")
        if is_sav:
            ranges = meta.missing_ranges.get(name)
            want_missing = [{"lo": float(missing), "hi": float(missing)}] if missing else None
            if ranges != want_missing:
                fail(f"{path}: {name} user-missing {ranges}, not {want_missing}")
        values = data[name]
        bad = [i for i, row in enumerate(clean) if not same_value(vkind, row[column], values[i], choice_names)]
        if bad:
            i = bad[0]
            fail(f"{path}: {name} differs from the clean CSV in {len(bad)} cases, first {clean[i]['response_id']}: {values[i]!r} vs {clean[i][column]!r}")
    return data, meta


def pspp_opens(path):
    syntax = os.path.join(work, "open.sps")
    with open(syntax, "w") as f:
        f.write(f"GET FILE='{path}'.\nDISPLAY DICTIONARY.\n")
    result = subprocess.run(["pspp", "-O", "format=txt", "-o", os.path.join(work, "pspp.txt"), syntax], capture_output=True, text=True)
    with open(os.path.join(work, "pspp.txt"), encoding="utf-8", errors="replace") as f:
        listing = f.read()
    problems = [line for line in (result.stdout + result.stderr + listing).splitlines() if re.search(r"\b(warning|error)\b:", line, re.I)]
    if result.returncode != 0 or problems or "Variables" not in listing:
        fail(f"pspp on {path}: exit {result.returncode}, {problems[:3]}")


for kind in ["awareness", "employer"]:
    clean = read_csv(wf("responses", kind, "--format", "csv", "--split-multiple"))
    for variant, args in [("sav", ["--format", "sav"]), ("plain.sav", ["--format", "sav", "--uncompressed"]), ("dta", ["--format", "dta"])]:
        path = os.path.join(work, f"{kind}.{variant}")
        wf("responses", kind, *args, "--out", path)
        check_file(kind, path, clean)
        if path.endswith(".sav"):
            pspp_opens(path)
    script = os.path.join(work, f"{kind}.R")
    wf("responses", kind, "--format", "r", "--out", script)
    labelled = os.path.join(work, f"{kind}-labels.csv")
    with open(labelled, "w", encoding="utf-8") as f:
        f.write(wf("responses", kind, "--format", "csv", "--labels", "en"))
    r = subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "check_microdata.R"), script, labelled], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"Rscript on {script}: {r.stdout[-2000:]} {r.stderr[-2000:]}")
    if kind == "employer":
        long = [row["sector_other"] for row in clean if row["response_key"].startswith("long-text-")]
        if len(long) != 2 or min(len(x.encode()) for x in long) < 290 or max(len(x.encode()) for x in long) < 2490:
            fail(f"the long answers did not import whole: {[len(x.encode()) for x in long]}")

    # The frequency codebook's counts against the clean CSV; its HTML page for the Nu checker.
    os.makedirs(os.path.join(work, "codebook"), exist_ok=True)
    wf("responses", kind, "--codebook", "--out", os.path.join(work, "codebook", f"{kind}.html"))
    book = wf("responses", kind, "--codebook")
    for column, name, _, vkind, value_labels, names, *_ in expected_variables(kind):
        if vkind != "code":
            continue
        section = book.split(f"## `{name}`: ", 1)
        if len(section) < 2:
            fail(f"codebook of {kind}: no section for {name}")
            continue
        table = section[1].split("\n## ", 1)[0]
        for code, choice in enumerate(names, start=1):
            n = sum(1 for row in clean if row[column] == choice)
            shown = "<5" if 0 < n < 5 else str(n)
            if not re.search(rf"^\| {code} \| `{re.escape(choice)}` \| .* \| {re.escape(shown)} \|$", table, re.M):
                fail(f"codebook of {kind}: {name} code {code} ({choice}) should count {shown}")

# Weighted: the .dta's weights reproduce `workforce awareness --margins`'s estimates.
margins = os.path.join(os.path.dirname(__file__), "..", "Surveys", "demo", "margins.csv")
weighted = os.path.join(work, "awareness-weighted.dta")
wf("responses", "awareness", "--format", "dta", "--weights", "--margins", margins, "--strata", "district,urban", "--out", weighted)
data, meta = pyreadstat.read_dta(weighted, output_format="dict")
estimates = {r["indicator"]: r for r in json.loads(wf("awareness", "--margins", margins, "--format", "json"))["rows"] if r["breakdown"] == "all"}
lists = {name: [c["name"] for c in choices] for name, choices in codebooks["awareness"]["choices"].items()}
checked = 0
design_cases = []
for q in codebooks["awareness"]["questions"]:
    scoring = q.get("scoring")
    if q["type"] != "select_one" or not scoring:
        continue
    for s in scoring if isinstance(scoring, list) else [scoring]:
        names = lists[q["list"]]
        num = den = 0.0
        for code, w in zip(data[q["name"]], data["weight"]):
            if missing(w) or missing(code):
                continue
            choice = names[int(code) - 1]
            if choice in s.get("ones", []):
                num += w
                den += w
            elif choice in s.get("zeros", []):
                den += w
        tool = estimates.get(s["indicator"])
        if tool is None or tool["p"] is None:
            continue
        checked += 1
        codes = lambda chosen: ",".join(str(i + 1) for i, n in enumerate(names) if n in chosen) or "0"
        design_cases.append(f"{q['name']}\t{codes(s.get('ones', []))}\t{codes(s.get('zeros', []))}\t{tool['p']!r}")
        if abs(num / den - tool["p"]) > 1e-9:
            fail(f"weighted {s['indicator']} from the .dta is {num / den}, the tool's raked estimate {tool['p']}")
if checked == 0:
    fail("no awareness indicator was compared with its weighted mean")
# R's survey package on the .r file's design variables gives the same estimates.
weighted_r = os.path.join(work, "awareness-weighted.R")
wf("responses", "awareness", "--format", "r", "--weights", "--margins", margins, "--strata", "district,urban", "--out", weighted_r)
cases = os.path.join(work, "design-cases.tsv")
with open(cases, "w") as f:
    f.write("\n".join(design_cases) + "\n")
r = subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "check_microdata_design.R"), "awareness", weighted_r, cases], capture_output=True, text=True)
if r.returncode != 0:
    fail(f"R survey on {weighted_r}: {r.stdout[-2000:]} {r.stderr[-2000:]}")
strata = meta.variable_value_labels.get("stratum", {})
if len(strata) < 2 or not all(v.startswith("district=") and ", urban_rural=" in v for v in strata.values()):
    fail(f"awareness stratum labels {list(strata.values())[:3]} are not district x urban_rural")

employer = os.path.join(work, "employer-weighted.dta")
frame = os.path.join(os.path.dirname(__file__), "..", "Surveys", "demo", "frame.csv")
# The demo's own responses: the two long-text ones would overfill their stratum of the frame.
# --licensed: the strata of estimation as the tool uses them (the exact reproduction below).
wf("responses", "employer", "--format", "dta", "--weights", "--licensed", "--frame", frame, "--out", employer, database=source_db)
data, meta = pyreadstat.read_dta(employer, output_format="dict")
counts = {}
for s, w in zip(data["stratum"], data["weight"]):
    if not missing(w):
        counts[s] = counts.get(s, 0) + 1
for s, w, fpc in zip(data["stratum"], data["weight"], data["fpc"]):
    if not missing(w) and abs(w - fpc / counts[s]) > 1e-9:
        fail(f"employer weight {w} is not fpc / n_s = {fpc} / {counts[s]}")
if not any(n.startswith("Licensed file") for n in meta.notes):
    fail(f"the licensed file's notes do not say it is licensed: {meta.notes[-1:]}")
if "org_code" not in meta.column_names:
    fail("the licensed file has no org_code (the invitation letter's code)")

# The public-use file (the default): the same weights; each stratum a union of the licensed file's
# strata of one sector with at least 3 organisations in the frame, its fpc their sum; notes say so.
organisations = {}
with open(frame, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        organisations[f"{row['sector']} x {row['size_band']}"] = int(row["organisations"])
public_path = os.path.join(work, "employer-public.dta")
wf("responses", "employer", "--format", "dta", "--weights", "--frame", frame, "--out", public_path, database=source_db)
public, public_meta = pyreadstat.read_dta(public_path, output_format="dict")
licensed_labels, public_labels = meta.variable_value_labels["stratum"], public_meta.variable_value_labels["stratum"]
public_fpc = {}
for w, pw, s, ps, fpc, pfpc in zip(data["weight"], public["weight"], data["stratum"], public["stratum"], data["fpc"], public["fpc"]):
    if missing(w) != missing(pw) or (not missing(w) and w != pw):
        fail(f"the public-use file's weight {pw} is not the licensed file's {w}")
    if missing(w):
        continue
    members = public_labels[ps].split(" + ")
    if not set(licensed_labels[s].split(" + ")) <= set(members):
        fail(f"licensed stratum {licensed_labels[s]} is not inside public stratum {public_labels[ps]}")
    public_fpc.setdefault(ps, {})[s] = fpc
    if public_fpc[ps].get("_", pfpc) != pfpc:
        fail(f"public stratum {public_labels[ps]} has two fpc values")
    public_fpc[ps]["_"] = pfpc
for ps, members in public_fpc.items():
    label = public_labels[ps]
    if len({m.split(" x ")[0] for m in label.split(" + ")}) != 1:
        fail(f"public stratum {label} spans sectors")
    if sum(organisations[m] for m in label.split(" + ")) < 3:
        fail(f"public stratum {label} has fewer than 3 organisations in the frame")
    # Every stratum of estimation has respondents, so each is in the file.
    if abs(sum(v for k, v in members.items() if k != "_") - members["_"]) > 1e-9:
        fail(f"public stratum {label}: fpc {members['_']} is not the sum of its strata's {members}")
if len(public_fpc) >= len(counts):
    fail(f"the public-use file has {len(public_fpc)} strata, the licensed {len(counts)}: nothing was collapsed")
if not any(n.startswith("Public-use file:") for n in public_meta.notes):
    fail(f"the public-use file's notes do not say what was collapsed: {public_meta.notes[-1:]}")

# Each role's employed total from the .dta's weights equals `workforce gaps --frame`'s, and R's
# svytotal on the .r file's design (strata, fpc) gives the tool's total and standard error; on the
# public-use file's design, the same totals.
# (--no-suppress: every surveyed role, for this comparison only; imputation touches leavers and
# new positions, not staff.)
gaps = json.loads(wf("gaps", "--frame", frame, "--no-suppress", "--format", "json", database=source_db))["rows"]
employer_r = os.path.join(work, "employer-weighted.R")
wf("responses", "employer", "--format", "r", "--weights", "--licensed", "--frame", frame, "--out", employer_r, database=source_db)
public_r = os.path.join(work, "employer-public.R")
wf("responses", "employer", "--format", "r", "--weights", "--frame", frame, "--out", public_r, database=source_db)
totals = []
for row in gaps:
    name = row["role_id"].lower().replace("-", "_") + "_staff"
    if row.get("employed") is None or name not in data:
        continue
    total = sum(w * x for w, x in zip(data["weight"], data[name]) if not missing(w) and not missing(x))
    if abs(total - row["employed"]) > 1e-6 * max(1, abs(row["employed"])):
        fail(f"{name}: the .dta's weighted total {total} is not the tool's employed {row['employed']}")
    totals.append(f"{name}\t{row['employed']!r}\t{row['employed_se']!r}")
if not totals:
    fail("no employer total was compared")
cases = os.path.join(work, "employer-cases.tsv")
with open(cases, "w") as f:
    f.write("\n".join(totals) + "\n")
for mode, script in [("employer", employer_r), ("employer-public", public_r)]:
    r = subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "check_microdata_design.R"), mode, script, cases], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"R survey on {script}: {r.stdout[-2000:]} {r.stderr[-2000:]}")

# The 2027 employer wave, weighted to the stored frame pinned to it (issue 28, point 6): the
# licensed .r file's design in R reproduces `gaps --wave 2027`'s totals and standard errors, and
# the file's own R script prints the wave's shortfall beside the tool's.
wave_db = os.path.join(work, "microdata-2027.sqlite")
shutil.copy(source_db, wave_db)
gaps_2027 = json.loads(wf("gaps", "--wave", "2027", "--no-suppress", "--format", "json", database=wave_db))
wave_r = os.path.join(work, "employer-2027.R")
wf("responses", "employer", "--wave", "2027", "--format", "r", "--weights", "--licensed", "--out", wave_r, database=wave_db)
wave_totals = [
    f"{row['role_id'].lower().replace('-', '_')}_staff\t{row['employed']!r}\t{row['employed_se']!r}"
    for row in gaps_2027["rows"] if row.get("employed") is not None and row.get("employed_se") is not None
]
if not wave_totals:
    fail("no 2027 employer total was compared")
wave_cases = os.path.join(work, "employer-2027-cases.tsv")
with open(wave_cases, "w") as f:
    f.write("\n".join(wave_totals) + "\n")
r = subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "check_microdata_design.R"), "employer", wave_r, wave_cases], capture_output=True, text=True)
if r.returncode != 0:
    fail(f"R survey on {wave_r}: {r.stdout[-2000:]} {r.stderr[-2000:]}")
shortfall = json.loads(wf("gaps", "--wave", "2027", "--by", "total", "--format", "json", database=wave_db))["rows"][0]
printed = subprocess.run(["Rscript", os.path.basename(wave_r)], cwd=work, capture_output=True, text=True).stdout
line = next((l for l in printed.splitlines() if l.startswith("Shortfall, people a year: R ")), "")
values = re.findall(r"-?\d+\.\d+", line)
if len(values) != 3 or abs(float(values[0]) - shortfall["shortfall"]) > 1e-5 * max(1, abs(shortfall["shortfall"])) or abs(float(values[1]) - shortfall["shortfall_se"]) > 1e-5 * max(1, shortfall["shortfall_se"]):
    fail(f"the 2027 R script printed {line!r}; the tool's shortfall is {shortfall['shortfall']} (SE {shortfall['shortfall_se']})")

if failures:
    sys.exit(f"{len(failures)} microdata check(s) failed")
print(f"microdata: sav, dta and R files of awareness and employer match the clean CSV; {checked} raked indicators, {len(totals)} employer totals and {len(wave_totals)} totals of the 2027 wave match")
