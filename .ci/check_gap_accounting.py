#!/usr/bin/env python3
"""The gap accounting of `workforce gaps` against an independent supply model, from the raw files.

Supply per work role is recomputed here in plain Python from the framework's CSV folder
(Frameworks/nice-2017: a role's KSAs are its non-withdrawn K, S and A statements in role_ksa.csv)
and the demo catalog (programmes as one unit teaching the union of their courses' KSAs, with the
programme row's completions or else the smallest course's; a course in a programme is not counted
alone). Then, on a database built from the demo's employer exports and catalog: per role, for every
horizon, supply, replacement, demand, gap and gap_se; the national shortage and surplus against the
published roles; and every row of the sensitivity table (theta x entry rate).
Usage: check_gap_accounting.py WORKFORCE_BINARY WORKDIR
"""
import csv, json, os, re, subprocess, sys

binary, work = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
framework = os.path.join(root, "Frameworks", "nice-2017")
demo = os.path.join(root, "Surveys", "demo")
frame = os.path.join(demo, "frame.csv")
YEARS = {"short": 0.5, "medium": 1.0, "long": 2.0}

def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))

# The framework: current K, S and A statements, and each role's.
current = {r["id"].upper() for r in rows(os.path.join(framework, "ksa.csv"))
           if r["kind"] in ("K", "S", "A") and r["withdrawn"].strip().lower() != "true"}
role_ksas = {r["id"]: set() for r in rows(os.path.join(framework, "work_roles.csv"))}
for r in rows(os.path.join(framework, "role_ksa.csv")):
    if r["ksa_id"].upper() in current:
        role_ksas[r["role_id"]].add(r["ksa_id"].upper())

# The catalog's supply units.
def ids(cell):
    return {t.upper() for t in re.split(r"[ ,;\t\n]+", cell or "") if t} & current

def key(institution, code):
    return (institution.strip(), code.strip().lower())

def supply_units(catalog):
    """Programmes (rows sharing `programme` within an institution) and standalone rows."""
    codes = {key(r["institution"], r["code"]) for r in catalog}
    named = {key(r["institution"], r["programme"]) for r in catalog if r["programme"].strip()}
    units = {}  # key -> [completions, ksas]
    order = []
    for r in catalog:
        if r["programme"].strip():
            continue
        k = key(r["institution"], r["code"])
        assert k not in units, f"duplicate catalog row {k}"
        units[k] = [int(float(r["annual_completions"])), ids(r["ksa_ids"])]
        order.append(k)
    for r in catalog:
        if not r["programme"].strip():
            continue
        k = key(r["institution"], r["programme"])
        c = int(float(r["annual_completions"]))
        if k in units:
            units[k][1] |= ids(r["ksa_ids"])
            if k not in codes:
                units[k][0] = min(units[k][0], c)
        else:
            units[k] = [c, ids(r["ksa_ids"])]
            order.append(k)
    assert any(k in named for k in units), "the catalog has no programme"
    return [units[k] for k in order]

demo_catalog = [r for r in rows(os.path.join(demo, "catalog.csv")) if r.get("institution", "").strip()]
demo_units = supply_units(demo_catalog)

def supply(theta, years, rate, units=demo_units):
    result = {role: 0.0 for role in role_ksas}
    for completions, taught in units:
        cov = {}
        for role, needed in role_ksas.items():
            if needed:
                c = len(taught & needed) / len(needed)
                if c >= theta and c > 0:
                    cov[role] = c
        total = sum(cov.values())
        for role, c in cov.items():
            result[role] += completions * years * (c / total) * rate
    return result

# The tool.
def wf(*args, db=os.path.join(work, "gap-accounting.sqlite")):
    p = subprocess.run([binary, *args, "--db", db], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"workforce {' '.join(args)} exited {p.returncode}: {p.stderr.strip()}")
    return p.stdout

def gaps(*args):
    # The role-mention supply at the entry rate given (1 unless said): the default, the realised
    # entry rate, is checked against R by check_flows.py.
    rate = () if "--entry-rate" in args else ("--entry-rate", "1")
    return json.loads(wf("gaps", *args, *rate, "--frame", frame, "--format", "json"))

def build(db, catalog):
    if os.path.exists(db):
        os.remove(db)
    wf("init", db=db)
    wf("survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", os.path.join(work, "gap-accounting-form"), db=db)
    for name in ("employers-kobotoolbox.csv", "employers-odk-central.csv"):
        wf("import", "employer", os.path.join(demo, name), db=db)
    wf("import", "catalog", catalog, db=db)

build(os.path.join(work, "gap-accounting.sqlite"), os.path.join(demo, "catalog.csv"))

bad, checked = [], 0
def check(what, tool, expected, tolerance=1e-9):
    global checked
    checked += 1
    if tool is None or abs(tool - expected) > tolerance * max(1.0, abs(expected)):
        bad.append(f"{what}: tool {tool}, expected {expected}")

for h, years in YEARS.items():
    mine = supply(0.5, years, 1.0)
    by_role = gaps("--by", "role", "--horizon", h, "--no-suppress")["rows"]
    surveyed = [r for r in by_role if r["status"] != "not_surveyed"]
    assert surveyed, f"no surveyed role at horizon {h}"
    for r in surveyed:
        role = r["role_id"]
        check(f"{h} {role} supply", r["supply"], mine[role])
        check(f"{h} {role} replacement", r["replacement"], r["leavers"] * years)
        check(f"{h} {role} demand", r["demand"], r["vacancies"] + r["new_positions"] + r["replacement"])
        check(f"{h} {role} gap", r["gap"], r["demand"] - r["supply"])
        check(f"{h} {role} gap_se", r["gap_se"], r["demand_se"])
    # gaps --by total gives the national flows in people a year (check_flows.py); the role-mention
    # shortage over the published roles is the sensitivity table's (below).

sensitivity = gaps("--sensitivity")["rows"]
assert len(sensitivity) == 15, f"the sensitivity table has {len(sensitivity)} rows, not 5 thetas x 3 entry rates"
for row in sensitivity:
    theta, rate = row["theta"], row["entry_rate"]
    mine = supply(theta, YEARS["medium"], rate)
    by_role = gaps("--by", "role", "--theta", str(theta), "--entry-rate", str(rate))["rows"]
    surveyed = [r["role_id"] for r in by_role if r["status"] != "not_surveyed"]
    check(f"theta {theta} entry rate {rate} supply", row["supply"], sum(mine[r] for r in surveyed))
    shortage = sum(max(0.0, r["demand"] - mine[r["role_id"]]) for r in by_role if r["status"] == "published")
    check(f"theta {theta} entry rate {rate} shortage", row["shortage"], shortage)

# A variant of the catalog whose programme has no row of its own and whose courses' completions
# differ: the programme counts the smallest of them, once, and its courses not alone.
variant = [dict(r) for r in demo_catalog]
programme = next(r["programme"] for r in variant if r["programme"].strip())
institution = next(r["institution"] for r in variant if r["programme"] == programme)
variant = [r for r in variant if (r["institution"], r["code"]) != (institution, programme)]
courses = [r for r in variant if (r["institution"], r["programme"]) == (institution, programme)]
assert len(courses) >= 2, "the demo programme has fewer than two courses"
for i, r in enumerate(courses):
    r["annual_completions"] = str(7 + 5 * i)
variant_path = os.path.join(work, "catalog-programme-without-row.csv")
with open(variant_path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(demo_catalog[0].keys()))
    w.writeheader()
    w.writerows(variant)
variant_db = os.path.join(work, "gap-accounting-variant.sqlite")
build(variant_db, variant_path)
variant_units = supply_units(variant)
assert 7 in [c for c, _ in variant_units], "the variant programme does not count its smallest course"
for h, years in YEARS.items():
    mine = supply(0.5, years, 1.0, variant_units)
    out = json.loads(wf("gaps", "--by", "role", "--horizon", h, "--frame", frame, "--no-suppress", "--entry-rate", "1", "--format", "json", db=variant_db))
    for r in out["rows"]:
        if r["status"] != "not_surveyed":
            check(f"variant {h} {r['role_id']} supply", r["supply"], mine[r["role_id"]])

if bad:
    print("\n".join(bad[:60]))
    print(f"{len(bad)} of {checked} gap accounting checks differ")
    sys.exit(1)
print(f"{checked} checks of supply, demand, gap, shortage, surplus and sensitivity passed")
