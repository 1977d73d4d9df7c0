"""The held-out employer design the R reference checks share (check_employer_estimates.py,
check_employer_shares.py, check_flows.py): a fresh database with an employer form and some of the
demo's exports, their clean data file, and the demo frame changed so that the data has empty
(collapsed) strata, a singleton stratum given one organisation more (2), a census stratum
(organisations = respondents) and an unrepresented sector.
"""
import collections
import csv
import os
import subprocess

DEMO = os.path.join(os.path.dirname(__file__), "..", "Surveys", "demo")


def database(binary, work, name):
    """A new database WORK/NAME.sqlite; returns `wf(*args)`, running the tool on it."""
    db = os.path.join(work, f"{name}.sqlite")
    if os.path.exists(db):
        os.remove(db)

    def wf(*args):
        return subprocess.run([binary, *args, "--db", db], check=True, capture_output=True, text=True).stdout

    wf("init")
    return wf


def clean_file(wf, work, name):
    """Writes `responses employer --format csv` to WORK/NAME and returns its path and respondents."""
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(wf("responses", "employer", "--format", "csv"))
    return path, [r for r in csv.DictReader(open(path)) if r["consent"] == "yes"]


def held_out_frame(respondents, work, name, require_singleton=True, fit_issued=False):
    """The demo frame with the largest stratum a census and the first singleton stratum of 2
    organisations, written to WORK/NAME; with `fit_issued`, a stratum with more respondents than its
    eligible issued organisations becomes a plain count."""
    counts = collections.Counter((r["sector"], r["size_band"]) for r in respondents)
    frame = list(csv.DictReader(open(os.path.join(DEMO, "frame.csv"))))
    census = max(counts, key=lambda k: (counts[k], k))
    singles = sorted(k for k, n in counts.items() if n == 1)
    if require_singleton:
        assert singles, "the held-out data has no singleton stratum"
    for r in frame:
        key = (r["sector"], r["size_band"])
        if key == census:
            r["organisations"] = str(counts[key]); r["issued"] = ""; r["out_of_scope"] = ""
        elif singles and key == singles[0]:
            r["organisations"] = "2"; r["issued"] = ""; r["out_of_scope"] = ""
        elif fit_issued and r.get("issued") and counts.get(key, 0) > int(r["issued"]) - int(r["out_of_scope"] or 0):
            # More respondents than the frame's issue: take the stratum as a plain count.
            r["organisations"] = str(max(int(r["organisations"]), counts[key])); r["issued"] = ""; r["out_of_scope"] = ""
    path = os.path.join(work, name)
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(frame[0].keys())); w.writeheader(); w.writerows(frame)
    return path, counts, frame
