#!/usr/bin/env bash
# The awareness statistics (issue 19) against R's survey package: a held-out two-wave export
# (Tests/WorkforceKitTests/Fixtures/awareness-heldout/, enumeration areas nested in district x
# urban/rural strata) raked on the bundled margins, with and without the design options, and
# unraked with them; every p, se, deff, n_eff, interval and status, overall and by district, the
# knowledge score and net recognition, every comparison's diff, se, interval, p and BH q (R's
# p.adjust), and every target group against the rest (svyglm on the in/out indicator). Installs Debian's r-base-core and r-cran-survey itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! Rscript -e 'library(survey)' > /dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q r-base-core r-cran-survey > /dev/null
fi
# AWARENESS_WORK=DIR keeps the files compared there (to look at a mismatch).
if [[ -n "${AWARENESS_WORK:-}" ]]; then
    work=$AWARENESS_WORK
    mkdir -p "$work"
    rm -f "$work"/aw.sqlite*
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
wf() { .build/debug/workforce "$@" --db "$work/aw.sqlite"; }
fixtures=Tests/WorkforceKitTests/Fixtures/awareness-heldout
margins=Surveys/margins/belize-adults-2022.csv
wf init > /dev/null
wf survey awareness --out "$work/forms" > /dev/null 2>&1
wf survey awareness --wave followup-1 --out "$work/forms" > /dev/null 2>&1
wf import awareness "$fixtures/awareness-heldout-baseline.csv" > /dev/null
wf import awareness "$fixtures/awareness-heldout-followup-1.csv" --wave followup-1 > /dev/null
wf responses awareness --wave baseline --format csv > "$work/data-baseline.csv"
wf responses awareness --wave followup-1 --format csv > "$work/data-followup-1.csv"
python3 .ci/r/scoring.py "$work/forms/awareness_followup_1.codebook.json" > "$work/scoring.csv"
design=(--strata district,urban --cluster enumeration_area)
for case in raked raked-design design; do
    options=()
    [[ $case == raked* ]] && options+=(--margins "$margins")
    [[ $case == *design ]] && options+=("${design[@]}")
    # Full precision: the JSON's numbers as CSV (the CSV format rounds proportions to 4 decimals).
    tocsv() { python3 .ci/json_table_csv.py; }
    wf awareness --wave baseline --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-baseline.csv"
    wf awareness --wave followup-1 --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-followup-1.csv"
    wf awareness --compare baseline followup-1 --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-compare.csv"
    wf awareness --contrast group "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-contrast.csv"
done
Rscript .ci/r/awareness.R "$work" "$margins"
