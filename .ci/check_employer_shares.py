#!/usr/bin/env python3
"""Employer shares' Korn-Graubard intervals against R's svyciprop(method = "beta") (.ci/r/employer_shares.R), to 1e-6.

The same held-out design as check_employer_estimates.py (the demo's exports; the demo frame with one
stratum made a census and a singleton stratum given one organisation more), and every lacking-KSA
share of `gaps --by lacking`: the share, its standard error and its interval equal R's; no interval
leaves [0, 1]; where R gives no interval (a share of 1 has no variance; a domain with as many
strata as employers has no degrees of freedom) the tool gives none and a published share is `review`.
Usage: check_employer_shares.py WORKFORCE_BINARY WORKDIR
"""
import csv, json, math, os, subprocess, sys

from employer_design import DEMO as demo, clean_file, database, held_out_frame

binary, work = sys.argv[1], sys.argv[2]
wf = database(binary, work, "employer-shares")
wf("survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", os.path.join(work, "employer-shares-form"))
for name in ("employers-kobotoolbox.csv", "employers-odk-central.csv"):
    wf("import", "employer", os.path.join(demo, name))
clean, rows = clean_file(wf, work, "employers-shares-clean.csv")
frame_path, counts, frame = held_out_frame(rows, work, "frame-shares.csv", require_singleton=False)

reference = os.path.join(work, "employer-shares-reference.csv")
subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "employer_shares.R"), clean, frame_path, reference], check=True)

def number(text):
    try:
        v = float(text)
    except ValueError:
        return None
    return None if math.isnan(v) else v

expected = {(r["role"], r["ksa"]): tuple(number(r[k]) for k in ("share", "se", "low", "high")) for r in csv.DictReader(open(reference))}
out = json.loads(wf("gaps", "--by", "lacking", "--frame", frame_path, "--no-suppress", "--format", "json"))
tool = {(r["role_id"], r["ksa_id"]): r for r in out["rows"]}

def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))

bad, checked, review = [], 0, 0
for key, (share, se, low, high) in expected.items():
    row = tool.get(key)
    if row is None:
        bad.append(f"{key}: missing in the tool's output"); continue
    checked += 1
    if not close(row["share"], share) or not close(row["share_se"] or 0.0, se or 0.0):
        bad.append(f"{key}: share {row['share']} ± {row['share_se']}, R {share} ± {se}")
    if low is None or high is None:
        review += 1
        # No interval: a share of 0 or 1, or a domain with no degrees of freedom; published, it is for review.
        if row["share_ci_low"] is not None or row["status"] not in ("review", "suppressed"):
            bad.append(f"{key}: R gives no interval (share {share}); the tool gives {row['share_ci_low']} to {row['share_ci_high']}, status {row['status']}")
        continue
    if not close(row["share_ci_low"], low) or not close(row["share_ci_high"], high):
        bad.append(f"{key}: interval {row['share_ci_low']} to {row['share_ci_high']}, R {low} to {high}")
for key, row in tool.items():
    if row["share_ci_low"] is not None and not (0 <= row["share_ci_low"] <= row["share"] <= row["share_ci_high"] <= 1):
        bad.append(f"{key}: interval {row['share_ci_low']} to {row['share_ci_high']} leaves [0, 1] or misses the share")
if len(tool) != len(expected):
    bad.append(f"the tool gives {len(tool)} lacking-KSA shares, R {len(expected)}")
if bad:
    print("\n".join(bad[:40])); print(f"{len(bad)} problems in {checked} employer shares against R's svyciprop(method = 'beta')"); sys.exit(1)
print(f"{checked} lacking-KSA shares, standard errors and Korn-Graubard intervals equal R's svyciprop(method = 'beta') to 1e-6 ({review} without an interval in both: a share of 1 or no degrees of freedom, for review)")
