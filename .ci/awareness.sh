#!/usr/bin/env bash
# The awareness statistics (issue 19) against R's survey package: a held-out two-wave export
# (Tests/WorkforceKitTests/Fixtures/awareness-heldout/, enumeration areas nested in district x
# urban/rural strata) raked on the bundled margins, with and without the design options, and
# unraked with them; every p, se, deff, n_eff, interval and status, overall and by district, the
# knowledge score and net recognition, every comparison's diff, se, interval, p and BH q (R's
# p.adjust), and every target group against the rest (svyglm on the in/out indicator); every
# interval is NCHS 2017's Korn-Graubard on R's p and se (1e-6), statuses follow NCHS 2017, and the
# design stored by the import gives the figures of the typed design; campaign impact (raw and
# adjusted by svypredmeans) and dose-response on the follow-up wave (.ci/r/impact.R, 1e-6). Installs Debian's r-base-core and r-cran-survey itself.
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
# WORKFORCE_BIN=PATH runs another build of the tool (a copy, so that building meanwhile is safe).
bin=${WORKFORCE_BIN:-.build/debug/workforce}
wf() { "$bin" "$@" --db "$work/aw.sqlite"; }
fixtures=Tests/WorkforceKitTests/Fixtures/awareness-heldout
margins=Surveys/margins/belize-adults-2022.csv
wf init > /dev/null
wf survey awareness --out "$work/forms" > /dev/null 2>&1
wf survey awareness --wave followup-1 --out "$work/forms" > /dev/null 2>&1
wf import awareness "$fixtures/awareness-heldout-baseline.csv" > /dev/null
wf import awareness "$fixtures/awareness-heldout-followup-1.csv" --wave followup-1 > /dev/null
# Campaigns for the difference-in-differences: two districts during the fieldwork, one before it
# (left out, as the tool and impact.R both read the fieldwork's dates).
printf 'district,campaign,start,end\ncayo,Stop Think Connect,2026-06-01,2026-12-31\ntoledo,Get Safe Online,2026-09-01,2026-09-30\nstann_creek,Old campaign,2025-01-01,2025-03-31\n' > "$work/campaigns.csv"
wf campaigns import "$work/campaigns.csv" > /dev/null
wf responses awareness --wave baseline --format csv > "$work/data-baseline.csv"
wf responses awareness --wave followup-1 --format csv > "$work/data-followup-1.csv"
python3 .ci/r/scoring.py "$work/forms/awareness_followup_1.codebook.json" > "$work/scoring.csv"
design=(--strata district,urban --cluster enumeration_area)
for case in raked raked-design design; do
    options=()
    [[ $case == raked* ]] && options+=(--margins "$margins")
    # The import stored the design (district x urban strata, enumeration areas); without it: --srs.
    if [[ $case == *design ]]; then options+=("${design[@]}"); else options+=(--srs); fi
    # Full precision: the JSON's numbers as CSV (the CSV format rounds proportions to 4 decimals).
    tocsv() { python3 .ci/json_table_csv.py; }
    wf awareness --wave baseline --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-baseline.csv"
    wf awareness --wave followup-1 --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-followup-1.csv"
    wf awareness --compare baseline followup-1 --by district "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-compare.csv"
    wf awareness --contrast group "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-contrast.csv"
    # Campaign impact and dose-response (issue 30): the follow-up wave asks the slogans.
    wf awareness --wave followup-1 --impact "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-impact.csv"
    wf awareness --wave followup-1 --dose-response "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-dose.csv"
    wf awareness --compare baseline followup-1 --campaigns "${options[@]}" --format json 2> /dev/null | tocsv > "$work/$case-did.csv"
done
# With no design option, the design stored by the import: the same figures as typing it.
wf awareness --wave baseline --by district --margins "$margins" --format json 2> /dev/null | python3 .ci/json_table_csv.py > "$work/stored-baseline.csv"
cmp -s "$work/stored-baseline.csv" "$work/raked-design-baseline.csv" \
    || { echo "awareness: the stored design does not give the figures of --strata district,urban --cluster enumeration_area" >&2; exit 1; }
Rscript .ci/r/awareness.R "$work" "$margins"
Rscript .ci/r/impact.R "$work" "$margins"
