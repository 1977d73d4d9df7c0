#!/usr/bin/env python3
"""Checks the plan's linear and mixed-integer programs against scipy's linprog and milp
(HiGHS), independently.

Usage: check_plan_lp.py RANDOM_DIR DEMO_DIR

RANDOM_DIR holds random-*.json written by `WORKFORCE_LP_DUMP=DIR swift test --filter
LinearProgramTests`: a program, the tool's x and optimum; and mip-K-S.json written by
`--filter MixedIntegerProgramTests`: stage S of random mixed-integer program K (its
`integrality`, 1 for a whole variable), checked against milp: the same optimum to 1e-6
relative, or both infeasible; the tool's x feasible and whole where it must be. DEMO_DIR holds, per horizon H,
programs-H.json (`workforce plan --programs`), actions-H.json (`plan --format json`) and
roles-H.json (`plan --by role --format json`).

Checked: every optimum equals HiGHS's to 1e-6 relative; the tool's solution is feasible, and
each of its variables lies in the range HiGHS finds for it over the second program's optima;
for the demo, the created seats equal the first program's optimum and the scale targets sum
to the second's, no offering grows past its cap, every role's contributions add up
(closed + open = gap, closed = min(gap, sum of contributions)), and no beyond-the-horizon
action contributes anything.
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
    horizons = 0
    for path in sorted(glob.glob(os.path.join(folder, "programs-*.json"))):
        horizon = os.path.basename(path)[len("programs-"):-len(".json")]
        horizons += 1
        with open(path) as f:
            lp = json.load(f)
        with open(os.path.join(folder, f"actions-{horizon}.json")) as f:
            actions = json.load(f)["rows"]
        with open(os.path.join(folder, f"roles-{horizon}.json")) as f:
            roles = json.load(f)["rows"]
        x = lp["solution"]
        created = highs(lp["first"])
        if not close(lp["created_seats"], created):
            fail(f"{horizon}: created seats {lp['created_seats']} against HiGHS {created}")
        scaled = highs(lp["second"])
        if not close(lp["scaled_seats"], scaled):
            fail(f"{horizon}: scale targets {lp['scaled_seats']} against HiGHS {scaled}")
        feasible(lp["first"], x, f"{horizon} first")
        feasible(lp["second"], x, f"{horizon} second")
        # Each variable against its range over the optimal face of the second program: where
        # HiGHS finds the optimum unique in a variable, the tool's value is that one.
        face = dict(lp["second"])
        hold = {"coefficients": lp["second"]["objective"], "relation": "<=", "rhs": scaled * (1 + 1e-9) + 1e-9}
        face["constraints"] = lp["second"]["constraints"] + [hold]
        for j, name in enumerate(lp["variables"]):
            unit = [0.0] * len(x)
            unit[j] = 1.0
            low = highs(face, unit)
            unit[j] = -1.0
            high = -highs(face, unit)
            if x[j] < low - 1e-6 * max(1, abs(low)) - 1e-6 or x[j] > high + 1e-6 * max(1, abs(high)) + 1e-6:
                fail(f"{horizon}: {name} = {x[j]} outside its optimal range [{low}, {high}]")
        # The actions carry the same solution: scale targets within their caps, created seats.
        caps = {}
        for name, u in zip(lp["variables"], lp["first"]["upper_bounds"]):
            caps[name] = u
        created_sum = sum(a["target"] for a in actions if a["action"] == "create")
        scaled_sum = sum(a["target"] for a in actions if a["action"] == "scale")
        if not close(created_sum, created) or not close(scaled_sum, scaled):
            fail(f"{horizon}: actions give {created_sum} created and {scaled_sum} scaled seats")
        for a in actions:
            if a["action"] == "scale":
                cap = caps.get(f"x:{a['institution']}:{a['offering']}")
                if cap is None or a["target"] > cap + 1e-9:
                    fail(f"{horizon}: {a['offering']} grows by {a['target']} past its cap {cap}")
            if a["action"] in ("beyond_horizon", "upskill") and a["contributions"]:
                fail(f"{horizon}: a {a['action']} action contributes {a['contributions']}")
            if a["action"] == "beyond_horizon" and a["first_completions_in_years"] < {"short": 0.5, "medium": 1, "long": 2}[horizon]:
                fail(f"{horizon}: {a['offering']} is beyond the horizon but completes in {a['first_completions_in_years']} years")
        contributed = {}
        for a in actions:
            for role, people in a["contributions"].items():
                contributed[role] = contributed.get(role, 0) + people
        for r in roles:
            total = contributed.get(r["role_id"], 0)
            if not close(r["closed"] + r["open"], r["gap"]):
                fail(f"{horizon}: {r['role_id']} closed {r['closed']} + open {r['open']} != gap {r['gap']}")
            if not close(r["closed"], min(r["gap"], total)):
                fail(f"{horizon}: {r['role_id']} closed {r['closed']}, contributions {total}, gap {r['gap']}")
            if r["open"] > 1e-6 * max(1, r["gap"]):
                fail(f"{horizon}: {r['role_id']} has {r['open']} open although new courses are unbounded")
        print(f"{horizon}: created {created:.6f} and scaled {scaled:.6f} seats equal HiGHS's; {len(roles)} roles add up")
    if horizons != 3:
        fail(f"{horizons} horizons in {folder}, expected 3")


if __name__ == "__main__":
    check_random(sys.argv[1])
    check_random_mip(sys.argv[1])
    check_demo(sys.argv[2])
    if failures:
        sys.exit(f"{len(failures)} plan checks failed")
    print("plan: every linear program agrees with HiGHS")
