#!/usr/bin/env python3
"""Checks the plan's linear and mixed-integer programs against scipy's linprog and milp
(HiGHS), independently.

Usage: check_plan_lp.py RANDOM_DIR DEMO_DIR

RANDOM_DIR holds random-*.json written by `WORKFORCE_LP_DUMP=DIR swift test --filter
LinearProgramTests`: a program, the tool's x and optimum; and mip-K-S.json written by
`--filter MixedIntegerProgramTests`: stage S of random mixed-integer program K (its
`integrality`, 1 for a whole variable), checked against milp: the same optimum to 1e-6
relative, or both infeasible; the tool's x feasible and whole where it must be. DEMO_DIR holds, per horizon H (years),
programs-H.json (`workforce plan --programs`), actions-H.json (`plan --format json`) and
roles-H.json (`plan --by role --format json`).

Checked: every optimum equals HiGHS's to 1e-6 relative; the tool's solution is feasible
(and whole where it must be); for the demo, per case (low, central, high) every stage of the
lexicographic objective equals milp's, each created course is 0 or within the cohort
bounds; the central actions respect every bound (cohorts, institution growth, no entrant
course for an experience role, first completers within the horizon), every role's
contributions add up (closed + open = need, closed = min(need, contributions), the levers'
columns sum to the contributions), what stays open says why, and the new seats are of the
order of the catalog's output (at most three times it).
"""
import glob
import json
import os
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def close(a, b, rel=1e-6):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def highs(program, objective=None):
    c = np.array(program["objective"] if objective is None else objective, dtype=float)
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    for row in program["constraints"]:
        a = np.array(row["coefficients"], dtype=float)
        if row["relation"] == ">=":
            a_ub.append(-a)
            b_ub.append(-row["rhs"])
        elif row["relation"] == "<=":
            a_ub.append(a)
            b_ub.append(row["rhs"])
        else:
            a_eq.append(a)
            b_eq.append(row["rhs"])
    bounds = [(0, u) for u in program["upper_bounds"]]
    result = linprog(
        c,
        A_ub=np.array(a_ub) if a_ub else None,
        b_ub=np.array(b_ub) if b_ub else None,
        A_eq=np.array(a_eq) if a_eq else None,
        b_eq=np.array(b_eq) if b_eq else None,
        bounds=bounds,
        method="highs",
    )
    if result.status != 0:
        raise RuntimeError(result.message)
    return result.fun


def highs_milp(program):
    """The program's optimum by scipy's milp (HiGHS's branch and cut), or None when infeasible."""
    c = np.array(program["objective"], dtype=float)
    rows = [np.array(r["coefficients"], dtype=float) for r in program["constraints"]]
    low = [r["rhs"] if r["relation"] in (">=", "=") else -np.inf for r in program["constraints"]]
    high = [r["rhs"] if r["relation"] in ("<=", "=") else np.inf for r in program["constraints"]]
    upper = [np.inf if u is None else u for u in program["upper_bounds"]]
    constraints = [LinearConstraint(np.array(rows), low, high)] if rows else []
    result = milp(c, constraints=constraints, integrality=np.array(program.get("integrality", [0] * len(c))),
                  bounds=Bounds(np.zeros(len(c)), np.array(upper)),
                  options={"mip_rel_gap": 1e-12})
    if result.status == 2:
        return None
    if result.status != 0:
        raise RuntimeError(result.message)
    return result.fun


def whole(program, x, name):
    for j, flag in enumerate(program.get("integrality", [])):
        if flag and abs(x[j] - round(x[j])) > 1e-9:
            fail(f"{name}: whole variable {j} = {x[j]}")


def feasible(program, x, name):
    for i, row in enumerate(program["constraints"]):
        lhs = float(np.dot(row["coefficients"], x))
        ok = {">=": lhs >= row["rhs"] - 1e-6 * max(1, abs(row["rhs"])),
              "<=": lhs <= row["rhs"] + 1e-6 * max(1, abs(row["rhs"])),
              "=": close(lhs, row["rhs"])}[row["relation"]]
        if not ok:
            fail(f"{name}: constraint {i} violated ({lhs} {row['relation']} {row['rhs']})")
    for j, (v, u) in enumerate(zip(x, program["upper_bounds"])):
        if v < -1e-9 or (u is not None and v > u + 1e-9):
            fail(f"{name}: variable {j} = {v} outside [0, {u}]")


def check_random(folder):
    files = sorted(glob.glob(os.path.join(folder, "random-*.json")))
    if len(files) < 10:
        fail(f"only {len(files)} random programs in {folder}")
    for path in files:
        with open(path) as f:
            data = json.load(f)
        name = os.path.basename(path)
        expected = highs(data["program"])
        if not close(data["value"], expected):
            fail(f"{name}: optimum {data['value']} against HiGHS {expected}")
        feasible(data["program"], data["x"], name)
    print(f"{len(files)} random programs: optima equal HiGHS's")


def check_random_mip(folder):
    """Random mixed-integer programs of the plan's shape, each stage of the lexicographic
    objective (mip-K-S.json), against milp."""
    files = sorted(glob.glob(os.path.join(folder, "mip-*.json")))
    if len(files) < 10:
        fail(f"only {len(files)} random mixed-integer programs in {folder}")
    for path in files:
        with open(path) as f:
            data = json.load(f)
        name = os.path.basename(path)
        expected = highs_milp(data["program"])
        if data["status"] != "optimal" or expected is None:
            if (data["status"] == "optimal") != (expected is not None):
                fail(f"{name}: the tool says {data['status']}, HiGHS {expected}")
            continue
        if not close(data["value"], expected):
            fail(f"{name}: optimum {data['value']} against HiGHS {expected}")
        feasible(data["program"], data["x"], name)
        whole(data["program"], data["x"], name)
    print(f"{len(files)} random mixed-integer programs: optima equal HiGHS's milp")


def check_demo(folder):
    """The demo's plan: programs-H.json (`plan --programs`), actions-H.json (`plan --format
    json`) and roles-H.json (`plan --by role --format json`) per horizon H in years."""
    horizons = 0
    for path in sorted(glob.glob(os.path.join(folder, "programs-*.json"))):
        horizon = os.path.basename(path)[len("programs-"):-len(".json")]
        horizons += 1
        with open(path) as f:
            plan = json.load(f)
        with open(os.path.join(folder, f"actions-{horizon}.json")) as f:
            actions = json.load(f)["rows"]
        with open(os.path.join(folder, f"roles-{horizon}.json")) as f:
            roles = json.load(f)["rows"]
        options = plan["options"]
        if [c["case"] for c in plan["cases"]] != ["low", "central", "high"]:
            fail(f"{horizon}: cases {[c['case'] for c in plan['cases']]}")
        for case in plan["cases"]:
            name = f"{horizon} {case['case']}"
            x = case["solution"]
            if not case.get("proven"):
                fail(f"{name}: the search stopped at its node limit (not proven optimal)")
            # Every stage's optimum is milp's; the solution is feasible and whole in the last.
            for s, stage in enumerate(case["stages"]):
                expected = highs_milp(stage)
                if expected is None or not close(stage["value"], expected):
                    fail(f"{name} stage {s}: optimum {stage['value']} against HiGHS {expected}")
            last = case["stages"][-1]
            feasible(last, x, f"{name} last stage")
            whole(last, x, f"{name} last stage")
            # Creations: 0 or within the cohort bounds, at most one per role per institution.
            created = set()
            for var, v in zip(case["variables"], x):
                if var.startswith("create:") and v > 1e-9:
                    if v < options["min_cohort"] - 1e-6 or v > options["max_cohort"] + 1e-6:
                        fail(f"{name}: {var} = {v} outside [{options['min_cohort']}, {options['max_cohort']}]")
                    if var in created:
                        fail(f"{name}: {var} twice")
                    created.add(var)
            print(f"{name}: {len(case['stages'])} stages equal HiGHS's milp, {len(created)} courses created within their cohorts")
        # The central actions: bounds, and every role's contributions plus what stays open.
        experience = {r["role_id"] for r in roles if r["experience_role"]}
        growth = {}
        for a in actions:
            if a["action"] == "create":
                if a["role_id"] in experience:
                    fail(f"{horizon}: an entrant course for the experience role {a['role_id']}")
                if a["seats"] < options["min_cohort"] - 1e-6 or a["seats"] > options["max_cohort"] + 1e-6:
                    fail(f"{horizon}: a course of {a['seats']} outside the cohort bounds")
            if a["action"] == "scale":
                growth[a["institution"]] = growth.get(a["institution"], 0) + a["seats"]
            if a["first_completions_year"] > options["years"]:
                fail(f"{horizon}: {a['action']} {a['offering']} completes after the horizon")
        for institution, seats in growth.items():
            cap = options["institution_growth"] * plan["institution_completions"][institution]
            if seats > cap + 1e-6:
                fail(f"{horizon}: {institution} grows by {seats}, past {cap}")
        contributed = {}
        for a in actions:
            for role, people in a["contributions"].items():
                contributed[role] = contributed.get(role, 0) + people
        for r in roles:
            total = contributed.get(r["role_id"], 0)
            if not close(r["closed"] + r["open"], r["need"]):
                fail(f"{horizon}: {r['role_id']} closed {r['closed']} + open {r['open']} != need {r['need']}")
            if not close(r["closed"], min(r["need"], total)):
                fail(f"{horizon}: {r['role_id']} closed {r['closed']}, contributions {total}, need {r['need']}")
            levers = sum(r[k] for k in ("scale", "create", "convert", "upskill", "retain"))
            if not close(levers, total):
                fail(f"{horizon}: {r['role_id']} levers {levers} against contributions {total}")
            if r["open"] > 1e-6 and not r["why_open"]:
                fail(f"{horizon}: {r['role_id']} leaves {r['open']} open without saying why")
        seats = sum(a["seats"] for a in actions if a["action"] != "retain")
        catalog = plan["catalog_completions"]
        if seats > 3 * max(catalog, 1):
            fail(f"{horizon}: {seats} new seats a year against a catalog of {catalog}: not of its order")
        print(f"{horizon}: {len(actions)} actions within their bounds, {seats:.0f} seats a year (catalog {catalog:.0f}); {len(roles)} roles add up")
    if horizons < 1:
        fail(f"no demo programs in {folder}")


if __name__ == "__main__":
    check_random(sys.argv[1])
    check_random_mip(sys.argv[1])
    check_demo(sys.argv[2])
    if failures:
        sys.exit(f"{len(failures)} plan checks failed")
    print("plan: every linear program agrees with HiGHS")
