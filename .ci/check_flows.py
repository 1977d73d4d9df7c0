#!/usr/bin/env python3
"""The national flows of `gaps --by total` (issue 27) against R's survey package (.ci/r/flows.R), to 1e-6 relative.

A held-out export: the demo's second employer wave (employers-2027-kobotoolbox.csv), imported alone, with
the demo frame changed so that it has empty (collapsed) strata, a singleton stratum made of 2
organisations, a census stratum (organisations = respondents) and an unrepresented sector. Every
flow, the realised entry rate and the shortfall, and their standard errors, must equal R's
`svytotal` + `svycontrast` (and `svyratio` for role-holdings per person); the role allocation must add
up to demand_flow, and the stock of vacant jobs must stay out of every flow.
Usage: check_flows.py WORKFORCE_BINARY WORKDIR
"""
import csv, json, os, subprocess, sys

from employer_design import DEMO as demo, clean_file, database, held_out_frame

binary, work = sys.argv[1], sys.argv[2]
wf = database(binary, work, "flows-check")
wf("survey", "employer", "--role-set", "belize-core", "--out", os.path.join(work, "flows-form"))
wf("import", "employer", os.path.join(demo, "employers-2027-kobotoolbox.csv"))
wf("import", "catalog", os.path.join(demo, "catalog.csv"))
clean, rows = clean_file(wf, work, "flows-clean.csv")
frame_path, counts, frame = held_out_frame(rows, work, "flows-frame.csv", fit_issued=True)
empty = [r for r in csv.DictReader(open(os.path.join(demo, "frame.csv"))) if (r["sector"], r["size_band"]) not in counts and int(r["organisations"]) > 0]
assert empty, "the held-out wave leaves no stratum to collapse"

out = json.loads(wf("gaps", "--by", "total", "--frame", frame_path, "--format", "json"))
tool = out["rows"][0]
reference = os.path.join(work, "flows-reference.csv")
subprocess.run(["Rscript", os.path.join(os.path.dirname(__file__), "r", "flows.R"), clean, frame_path, str(tool["completions"]), reference], check=True)

def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))

bad, checked = [], 0
for r in csv.DictReader(open(reference)):
    name, est, se = r["figure"], float(r["estimate"]), float(r["se"])
    t_est, t_se = tool.get(name), tool.get(name + "_se")
    checked += 1
    if t_est is None or not close(t_est, est) or not close(t_se or 0.0, se):
        bad.append(f"{name}: tool {t_est} ± {t_se}, R {est} ± {se}")
# The stock is never inside a flow: demand_flow = expansion + exits, shortfall = demand_flow - entrants_projected.
if not close(tool["demand_flow"], tool["expansion"] + tool["exits"]):
    bad.append("demand_flow is not expansion + exits")
if not close(tool["shortfall"], tool["demand_flow"] - tool["entrants_projected"]):
    bad.append("shortfall is not demand_flow - entrants_projected")
# The role allocation adds up to the national flow (withheld roles included: --no-suppress shows them).
roles = json.loads(wf("gaps", "--by", "role", "--frame", frame_path, "--no-suppress", "--format", "json"))["rows"]
allocated = sum(r["role_demand_flow"] or 0 for r in roles if r["status"] != "not_surveyed")
if not close(allocated, tool["demand_flow"]):
    bad.append(f"role_demand_flow adds up to {allocated}, demand_flow is {tool['demand_flow']}")
# A given entry rate replaces the realised one.
given = json.loads(wf("gaps", "--by", "total", "--frame", frame_path, "--entry-rate", "0.5", "--format", "json"))["rows"][0]
if not close(given["entrants_projected"], tool["completions"] * 0.5 + tool["from_abroad"] + tool["from_other_work"]):
    bad.append("--entry-rate 0.5 does not replace the realised entry rate")
# The labelled microdata's R script computes the headline with svycontrast and prints it beside the tool's.
script = os.path.join(work, "flows-employers.r")
# --licensed: the tool's strata (the public-use file's collapsed strata give a larger SE).
wf("responses", "employer", "--format", "r", "--weights", "--licensed", "--frame", frame_path, "--out", script)
printed = subprocess.run(["Rscript", os.path.basename(script)], cwd=work, capture_output=True, text=True, check=True).stdout
line = next((l for l in printed.splitlines() if l.startswith("Shortfall, people a year: R ")), None)
if line is None:
    bad.append("the microdata's R script printed no shortfall")
else:
    r_value, r_se, tool_value = (float(x) for x in line.replace("(SE ", "").replace(");", "").replace("Shortfall, people a year: R ", "").replace("workforce ", "").split())
    checked += 1
    if not close(r_value, tool["shortfall"]) or not close(tool_value, tool["shortfall"]) or abs(r_se - tool["shortfall_se"]) > 1e-5 * max(1.0, tool["shortfall_se"]):
        bad.append(f"the microdata's R script: {line!r}, tool {tool['shortfall']} ± {tool['shortfall_se']}")
notes = " ".join(json.loads(wf("gaps", "--frame", frame_path, "--format", "json"))["notes"])
for phrase in ("Collapsed:", "Not represented"):
    if phrase not in notes:
        bad.append(f"the notes do not say {phrase!r}")
if bad:
    print("\n".join(bad[:40])); print(f"{len(bad)} problems in {checked} national flows against R's survey package"); sys.exit(1)
print(f"{checked} national flows, the realised entry rate and the shortfall with their standard errors equal R's survey package to 1e-6 relative (and the microdata's R script); the role allocation adds up")
