"""Writes the scoring rules of an awareness codebook as CSV for awareness.R:
indicator,question,type,group,ones,zeros (choice names space-separated)."""
import csv
import json
import sys

codebook = json.load(open(sys.argv[1], encoding="utf-8"))
out = csv.writer(sys.stdout)
out.writerow(["indicator", "question", "type", "group", "ones", "zeros"])
for q in codebook["questions"]:
    rules = q.get("scoring")
    if not rules:
        continue
    for rule in rules if isinstance(rules, list) else [rules]:
        group = (q.get("group") or "").split("/")[-1]
        out.writerow([rule["indicator"], q["name"], q["type"], group, " ".join(rule["ones"]), " ".join(rule["zeros"])])
