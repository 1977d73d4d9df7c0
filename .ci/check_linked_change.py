#!/usr/bin/env python3
"""The change between two employer waves that share organisations, against R's survey package on
the stacked design (.ci/r/linked.R), to 1e-6 relative.

A held-out two-wave design built from the demo's exports: the first wave is the demo's KoboToolbox
baseline, each respondent given an invitation code; the second answers again for four in five of
them with the same code (the same answers, one vacancy more every third time: contributions
positively correlated), a code given by two respondents, a respondent without a code, and the
demo's 2027 respondents with codes of their own (not linked). Both waves are weighted to one frame
of plain counts. Every role's change in employed, vacancies and demand and its standard error must
equal R's, the independent-samples standard error must equal sqrt(V1 + V2) of each wave's own
design, the number of linked organisations must be R's, and where the linked organisations'
contributions are positively correlated (at least 5 contribute, correlation of w1 y1 and w2 y2
above 0.5) the linked standard error must be below the independent one.
Usage: check_linked_change.py WORKFORCE_BINARY WORKDIR
"""
import collections, csv, json, os, subprocess, sys

from employer_design import DEMO as demo, database

binary, work = sys.argv[1], sys.argv[2]
wf = database(binary, work, "linked-check")
wf("survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", os.path.join(work, "linked-form"))


def read(name):
    rows = list(csv.reader(open(os.path.join(demo, name), newline="")))
    return rows[0], rows[1:]


header, baseline = read("employers-kobotoolbox.csv")
later_header, later = read("employers-2027-kobotoolbox.csv")
assert later_header == header, "the demo's two employer exports have different columns"
col = {name: i for i, name in enumerate(header)}
code, uuid, consent = col["profile/org_code"], col["_uuid"], col["consent"]
vacancies = [i for name, i in col.items() if name.endswith("_vacancies")]

first, second = [], []
for n, row in enumerate(baseline):
    row = list(row)
    row[code] = f"ORG-{n + 1:04d}" if n % 11 != 10 else ""  # some give no code
    first.append(row)
    if n % 5 == 4 or row[consent] != "yes":
        continue
    again = list(row)
    again[uuid] = row[uuid] + "-again"
    if n % 3 == 0:
        # One vacancy more in a role the employer has (its vacancies are asked): still alike.
        for i in vacancies:
            if again[i] not in ("", "0"):
                again[i] = str(int(again[i]) + 1)
                break
    second.append(again)
# A code two respondents of the second wave give links neither.
second[1][code] = second[0][code]
for n, row in enumerate(later[:40]):
    row = list(row)
    row[code] = f"NEW-{n + 1:04d}"
    second.append(row)


def write(name, rows):
    path = os.path.join(work, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


wf("import", "employer", write("linked-first.csv", first))
wf("import", "employer", write("linked-second.csv", second), "--wave", "2027")
clean = []
for wave in ("baseline", "2027"):
    path = os.path.join(work, f"linked-clean-{wave}.csv")
    with open(path, "w") as f:
        f.write(wf("responses", "employer", "--wave", wave, "--format", "csv"))
    clean.append(path)

# One frame of plain counts for both waves, with room for every respondent of either.
counts = [collections.Counter((r["sector"], r["size_band"]) for r in csv.DictReader(open(p)) if r["consent"] == "yes") for p in clean]
frame = list(csv.DictReader(open(os.path.join(demo, "frame.csv"))))
frame_path = os.path.join(work, "linked-frame.csv")
with open(frame_path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["sector", "size_band", "organisations"])
    for r in frame:
        key = (r["sector"], r["size_band"])
        w.writerow([*key, max(int(r["organisations"]), counts[0][key], counts[1][key])])


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


bad, checked, lower = [], 0, 0
for horizon in ("medium", "long"):
    reference = os.path.join(work, f"linked-reference-{horizon}.csv")
    subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "linked.R"), *clean, frame_path, horizon, reference], check=True)
    expected = {(r["id"], r["figure"]): r for r in csv.DictReader(open(reference))}
    out = json.loads(wf("gaps", "--compare", "baseline", "2027", "--horizon", horizon, "--frame", frame_path, "--no-suppress", "--format", "json"))
    if not any("Linked waves" in note for note in out["notes"]):
        bad.append(f"{horizon}: the notes do not say the waves are linked")
    for row in out["rows"]:
        if row["demand_diff"] is None:  # not surveyed in a wave
            continue
        for figure in ("employed", "vacancies", "demand"):
            r = expected.get((row["role_id"], figure))
            if r is None:
                bad.append(f"{horizon} {row['role_id']} {figure}: not in R's output"); continue
            checked += 1
            if row["linked_organisations"] != int(r["linked"]):
                bad.append(f"{horizon}: {row['linked_organisations']} organisations linked, R {r['linked']}")
            for ours, theirs in ((f"{figure}_diff", "change"), (f"{figure}_diff_se", "se"), (f"{figure}_diff_se_independent", "se_independent")):
                if not close(row[ours] if row[ours] is not None else 0.0, float(r[theirs])):
                    bad.append(f"{horizon} {row['role_id']} {ours}: tool {row[ours]}, R {r[theirs]}")
            # Positively correlated: at least 5 linked organisations contribute, correlation above 0.5.
            correlated = r["correlation"] != "NA" and int(r["contributing"]) >= 5 and float(r["correlation"]) > 0.5
            if correlated and row[f"{figure}_diff_se"] is not None:
                lower += 1
                if row[f"{figure}_diff_se"] >= row[f"{figure}_diff_se_independent"]:
                    bad.append(f"{horizon} {row['role_id']} {figure}: linked SE {row[f'{figure}_diff_se']} not below the independent {row[f'{figure}_diff_se_independent']}")
if checked < 20 or lower < 10:
    bad.append(f"only {checked} changes compared, {lower} of them positively correlated")
if bad:
    print("\n".join(bad[:40])); print(f"{len(bad)} problems in {checked} linked changes"); sys.exit(1)
print(f"{checked} linked changes and standard errors (2 horizons) equal R's survey package on the stacked design to 1e-6 relative; "
      f"{lower} positively correlated changes have a linked standard error below the independent one")
