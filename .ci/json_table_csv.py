"""CI helper: a `--format json` table ({"rows": [...]}) on standard input as CSV on standard
output, numbers in full precision (repr), null as an empty field. The R checks compare the
tool's figures to 1e-9, finer than the CSV format's documented precision (4 decimals for
proportions), so they read the JSON's numbers."""
import csv
import json
import sys

rows = json.load(sys.stdin)["rows"]
columns = list(rows[0].keys()) if rows else []
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(columns)
for row in rows:
    out.writerow(["" if row[c] is None else repr(row[c]) if isinstance(row[c], float) else row[c] for c in columns])
