"""CI check: the importer's reading of XLSForm expressions agrees with XPath 1.0 as libxml2
(lxml) evaluates it, above all the precedence of `and` over `or`.

1. Every row of Tests/WorkforceKitTests/Fixtures/expressions/precedence.csv (hand-computed;
   the Swift suite ExpressionAgreementTests checks the importer's evaluator on the same rows)
   evaluates with lxml to the value the table gives.
2. The `total_employees` constraint of each generated employer XLSForm (FOLDER/employer.xlsform.csv)
   accepts exactly the values total_employees.csv accepts, in every size band (the Swift suite
   imports the same table with the importer).

Usage: python3 .ci/check_expressions.py FOLDER...
"""
import csv
import os
import re
import sys

from lxml import etree

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Tests", "WorkforceKitTests", "Fixtures", "expressions")
DOC = etree.fromstring("<data/>")


def literal(value):
    return "'" + value + "'"


def xpath(expression, values, current):
    """The XPath boolean of an XLSForm expression, `${name}` and `.` replaced by their values."""
    text = re.sub(r"\$\{([^}]+)\}", lambda m: literal(values.get(m.group(1), "")), expression)
    # `.` alone (not part of a number) is the answer being checked.
    text = re.sub(r"(?<![\w.'])\.(?![\w.])", current if current != "" else "''", text)
    return bool(DOC.xpath("boolean(" + text + ")"))


def main(folders):
    failures = 0
    with open(os.path.join(FIXTURES, "precedence.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        got = xpath(row["expression"], {"a": row["a"], "b": row["b"]}, row["current"])
        if got != (row["value"] == "true"):
            failures += 1
            print(f"FAIL precedence.csv: {row['expression']} is {got} in XPath, the table says {row['value']}")
    print(f"ok   precedence.csv: {len(rows) - failures} of {len(rows)} rows agree with libxml2's XPath")
    with open(os.path.join(FIXTURES, "total_employees.csv"), newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    for folder in folders:
        path = os.path.join(folder, "employer.xlsform.csv")
        with open(path, newline="", encoding="utf-8") as f:
            survey = [r for r in csv.reader(f)]
        header = next(r for r in survey if len(r) > 2 and r[1] == "type")
        column = header.index("constraint")
        constraint = next(r[column] for r in survey if len(r) > 2 and r[2] == "total_employees")
        bad = 0
        for row in table:
            accepted = xpath(constraint, {"size_band": row["size_band"]}, row["total_employees"])
            if accepted != (row["accepted"] == "yes"):
                bad += 1
                print(f"FAIL {path}: total_employees {row['total_employees']} with size_band {row['size_band']} "
                      f"is {'accepted' if accepted else 'refused'} by XPath; the importer {'accepts' if row['accepted'] == 'yes' else 'refuses'} it")
        failures += bad
        print(f"{'ok  ' if not bad else 'FAIL'} {path}: total_employees agrees on {len(table) - bad} of {len(table)} values")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
