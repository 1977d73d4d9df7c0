#!/usr/bin/env python3
"""KoboToolbox's own exporter (formpack, pinned in .ci/run) against the importer.

For the awareness baseline and the employer (belize-core, KSA gaps) forms as `workforce survey`
writes them: the demo's responses are the submissions (a few text answers made formula-like,
`=1+2`, `=B2`), formpack exports them in every layout KoboToolbox offers (XML values and
headers, labels in English and in Spanish; select_multiple both, summary, details; groups in
headers or not; group separators `/`, `-`, `.`; CSV with `;` and XLSX), and each export is
imported into a fresh database. Every row must be stored, and `workforce responses --format csv`
must be the same, cell for cell, as for the XML-values export, which must itself hold the
submissions' answers. Exports whose headers cannot name the questions (labels without groups
of the employer form: its per-role labels repeat) must be refused with exit 65.

Usage: check_kobo_exports.py WORKFORCE_BINARY WORKDIR [FIXTURES_DIR]
With FIXTURES_DIR, also writes the small per-layout fixtures the Swift tests import.
"""
import csv, io, itertools, os, shutil, subprocess, sys

import openpyxl
from formpack import FormPack
from formpack.schema.fields import ValidationStatusCopyField
from formpack.utils.expand_content import expand_content

binary, work = sys.argv[1], sys.argv[2]
fixtures = sys.argv[3] if len(sys.argv) > 3 else None
demo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Surveys", "demo")
COPY_FIELDS = ("_id", "_uuid", "_submission_time", ValidationStatusCopyField, "_notes", "_status", "_submitted_by", "__version__", "_tags")


def wf(db, *args, check=True):
    r = subprocess.run([binary, *args, "--db", db], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"FAIL workforce {' '.join(args)}: exit {r.returncode}\n{r.stderr}")
    return r


def content(path):
    book = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in book.worksheets:
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        out[ws.title] = [{k: v for k, v in zip(rows[0], r) if k and v != ""} for r in rows[1:] if any(r)]
    return expand_content(out)


def submissions(path, fields, limit):
    """The demo export's rows as formpack submissions: only the form's fields, by path."""
    subs = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= limit:
                break
            s = {k: v for k, v in row.items() if k in fields and v != ""}
            s["_id"] = i + 1
            s["_uuid"] = row.get("_uuid") or f"uuid-{i}"
            s["_submission_time"] = row.get("_submission_time") or "2026-03-02T09:14:07"
            s["_validation_status"] = {}
            s["__version__"] = "v1"
            subs.append(s)
    return subs


def formulas(subs, text_fields):
    """A few text answers written as spreadsheet formulas: kept as the respondent typed them."""
    n = 0
    for s in subs:
        for f in text_fields:
            if s.get(f):
                s[f] = ["=1+2", "=B2", "=SUM(1,2)"][n % 3]
                n += 1
                break
    return n


def export(fp, subs, lang, sep, groups, multiple, xlsx, path):
    e = fp.export(lang=lang, group_sep=sep, hierarchy_in_labels=groups, multiple_select=multiple,
                  versions=fp.versions.keys(), copy_fields=COPY_FIELDS, xls_types_as_text=False if xlsx else True)
    if xlsx:
        e.to_xlsx(path, subs)
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            for line in e.to_csv(subs):
                f.write(line + "\r\n")


def main():
    failures = checked = 0
    db0 = os.path.join(work, "kobo-forms.sqlite")
    wf(db0, "init")
    forms = {
        "awareness": (["survey", "awareness", "--out", os.path.join(work, "kobo-awareness")], "awareness_baseline.xlsx",
                      "awareness-baseline.csv", 120),
        "employer": (["survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", os.path.join(work, "kobo-employer")],
                     "employer.xlsx", "employers-kobotoolbox.csv", 84),
    }
    for kind, (survey, form, data, limit) in forms.items():
        wf(db0, *survey)
        folder = survey[survey.index("--out") + 1]
        c = content(os.path.join(folder, form))
        fp = FormPack([{"content": c, "version": "v1"}], id_string=kind, title=kind)
        version = fp.versions["v1"]
        paths = {}
        text_fields = []
        # A text question with a constraint (org_code: an invitation code) would refuse a formula;
        # the formula-like answers go into free text questions only.
        constrained = {row.get("name") for row in c["survey"] if row.get("constraint")}
        for section in version.sections.values():
            for field in section.fields.values():
                paths[field.path] = field
                if field.data_type == "text" and field.name not in constrained:
                    text_fields.append(field.path)
        subs = submissions(os.path.join(demo, data), paths, limit)
        n_formulas = formulas(subs, text_fields)
        layouts = []
        for lang, multiple, groups, sep in itertools.product(
                ["_xml", "English (en)", "Español (es)"], ["both", "summary", "details"], [True, False], ["/", "-", "."]):
            if not groups and sep != "/":
                continue  # without groups the separator only joins a question and its choice: one is enough
            layouts.append((lang, multiple, groups, sep, False))
        for lang in ["_xml", "English (en)", "Español (es)"]:
            layouts.append((lang, "both", True, "/", True))
        reference = None
        for lang, multiple, groups, sep, xlsx in layouts:
            tag = f"{kind}-{'xml' if lang == '_xml' else lang[-3:-1]}-{multiple}-{'groups' if groups else 'nogroups'}-{ {'/': 'slash', '-': 'dash', '.': 'dot'}[sep]}"
            path = os.path.join(work, tag + (".xlsx" if xlsx else ".csv"))
            export(fp, subs, lang, sep, groups, multiple, xlsx, path)
            db = os.path.join(work, tag + ".sqlite")
            if os.path.exists(db):
                os.remove(db)
            wf(db, "init")
            wf(db, *survey[:-2], "--out", os.path.join(work, tag + "-form"))
            r = wf(db, "import", kind, path, "--format", "json", check=False)
            checked += 1
            ambiguous = kind == "employer" and lang != "_xml" and not groups
            if ambiguous:
                if r.returncode != 65:
                    print(f"FAIL {tag}: expected a refusal (labels repeat without groups), got exit {r.returncode}")
                    failures += 1
                continue
            if r.returncode != 0:
                print(f"FAIL {tag}: exit {r.returncode}: {r.stderr.strip()[:600]}")
                failures += 1
                continue
            import json
            summary = json.loads(r.stdout)
            if summary["imported"] != len(subs) or summary["quarantined"] or summary["unknown_columns"]:
                print(f"FAIL {tag}: {summary['imported']} of {len(subs)} imported, {summary['quarantined']} quarantined, "
                      f"unknown {summary['unknown_columns'][:5]}; {[p['message'] for p in summary['problems'][:3]]}")
                failures += 1
                continue
            stored = wf(db, "responses", kind, "--format", "csv").stdout
            if reference is None:
                reference = stored
                rows = list(csv.DictReader(io.StringIO(stored)))
                failures += compare_with_submissions(tag, rows, subs, paths)
            elif stored != reference:
                a, b = reference.splitlines(), stored.splitlines()
                diff = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), None)
                print(f"FAIL {tag}: stored responses differ from the XML export's, line {diff}: {b[diff][:300] if diff is not None else ''}")
                failures += 1
            if fixtures and kind == "awareness" and (multiple == "both" or groups) and sep in "/." and lang != "Español (es)" or \
                    fixtures and kind == "awareness" and lang == "Español (es)" and sep == "-":
                keep(path, fixtures, tag, 8, xlsx)
        print(f"{kind}: {len(layouts)} layouts, {len(subs)} submissions, {n_formulas} formula-like text answers")
    print(f"{checked} exports imported, {failures} failures")
    return 1 if failures else 0


def compare_with_submissions(tag, rows, subs, paths):
    """The XML export's stored rows hold the submissions' answers, by question name."""
    failures = 0
    by_id = {s["_uuid"]: s for s in subs}
    names = {p.split("/")[-1]: p for p in paths}
    for row in rows:
        key = row.get("response_key") or row.get("_uuid") or row.get("questionnaire_no")
        s = by_id.get(key)
        if s is None:
            continue
        for column, value in row.items():
            path = names.get(column)
            if path is None or value == "":
                continue
            sent = s.get(path, "")
            if paths[path].data_type == "select_multiple":
                sent, value = sorted(sent.split()), sorted(value.split())
            if str(value).startswith("'") and str(sent)[:1] in "=+-@":
                value = str(value)[1:]  # the clean data file neutralises formula-like text; the answer is stored as typed
            if str(sent) != str(value) and not (_number(sent) is not None and _number(sent) == _number(value)):
                print(f"FAIL {tag}: response {key} {column}: stored {value!r}, submitted {sent!r}")
                failures += 1
                if failures > 10:
                    return failures
    return failures


def _number(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def keep(path, fixtures, tag, rows, xlsx):
    """A small copy (the first rows) of an export, as a test fixture."""
    os.makedirs(fixtures, exist_ok=True)
    target = os.path.join(fixtures, tag + (".xlsx" if xlsx else ".csv"))
    if xlsx:
        shutil.copy(path, target)
        return
    with open(path, encoding="utf-8", newline="") as f:
        records = list(csv.reader(f, delimiter=";"))[: rows + 1]
    with open(target, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(records)


if __name__ == "__main__":
    sys.exit(main())
