#!/usr/bin/env python3
"""Employer estimates against R's survey package (.ci/r/employer.R), to 1e-6 relative.

A held-out design built from the demo's exports: the demo frame, with one stratum made a census
(organisations = respondents) and one given a single organisation more than its respondent, so that
the data has empty (collapsed) strata, singleton strata, a census stratum and an unrepresented
sector, and item non-response (unknown new positions and leavers) that both sides impute.
Usage: check_employer_estimates.py WORKFORCE_BINARY WORKDIR
"""
import csv, json, os, subprocess, sys

from employer_design import DEMO as demo, clean_file, database, held_out_frame

binary, work = sys.argv[1], sys.argv[2]
wf = database(binary, work, "employer-check")
wf("survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", os.path.join(work, "employer-form"))
for name in ("employers-kobotoolbox.csv", "employers-odk-central.csv"):
    wf("import", "employer", os.path.join(demo, name))
clean, rows = clean_file(wf, work, "employers-clean.csv")
frame_path, counts, frame = held_out_frame(rows, work, "frame-check.csv")

reference = os.path.join(work, "employer-reference.csv")
subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "employer.R"), clean, frame_path, reference], check=True)
expected = {(r["horizon"], r["group"], r["id"], r["figure"]): (float(r["estimate"]), float(r["se"])) for r in csv.DictReader(open(reference))}

tool = {}
for horizon in ("short", "medium", "long"):
    for by, key in (("role", "role_id"), ("district", "district")):
        out = json.loads(wf("gaps", "--by", by, "--horizon", horizon, "--frame", frame_path, "--no-suppress", "--format", "json"))
        for row in out["rows"]:
            if row.get("status") == "not_surveyed":
                continue
            for figure in ("employed", "vacancies", "hard_to_fill", "new_positions", "leavers", "demand") if by == "role" else ("demand",):
                tool[(horizon, by, row[key], figure)] = (row[figure], row[figure + "_se"])

def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))

bad, checked = [], 0
for k, (est, se) in expected.items():
    if k not in tool:
        if est == 0:
            continue
        bad.append(f"{k}: missing in the tool's output"); continue
    t_est, t_se = tool[k]
    checked += 1
    if not close(t_est, est) or not close(t_se or 0.0, se):
        bad.append(f"{k}: tool {t_est} ± {t_se}, R {est} ± {se}")
notes = " ".join(json.loads(wf("gaps", "--frame", frame_path, "--format", "json"))["notes"])
for phrase in ("Collapsed:", "Not represented", "Imputed:"):
    if phrase not in notes:
        bad.append(f"the notes do not say {phrase!r}")
if bad:
    print("\n".join(bad[:40])); print(f"{len(bad)} of {checked} employer estimates differ from R's survey package"); sys.exit(1)
print(f"{checked} employer totals and standard errors (3 horizons, roles and districts) equal R's survey package to 1e-6 relative")
