#!/usr/bin/env bash
# CI: a printed employer form (English and Spanish) prints on fewer than LIMIT US Letter pages:
# headless Chromium prints each printable HTML questionnaire to PDF, pypdf counts the pages.
# .ci/run checks two belize-core forms: without KSA gaps, fewer than 18 pages (16 before issue 27
# added the employer-level block of twelve flow questions, which takes one page); with
# --ksa-gaps, whose compact checklists ask about each role's ten KSAs most in demand, fewer than
# 25 (issue 33; every KSA of every role printed on 55). Usage: bash .ci/check_print.sh FOLDER
# [LIMIT] (a `workforce survey employer --role-set belize-core [--ksa-gaps]` output folder;
# LIMIT defaults to 18).
set -euo pipefail
folder=$1
limit=${2:-18}
python3 -m pip install --quiet --disable-pip-version-check pypdf
status=0
for html in "$folder"/employer.en.html "$folder"/employer.es.html; do
    pdf="${html%.html}.pdf"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "$html" > /dev/null 2>&1
    pages=$(python3 -c "import sys, pypdf; r = pypdf.PdfReader(sys.argv[1]); print(len(r.pages)); assert all(abs(float(p.mediabox.width) - 612) < 1 and abs(float(p.mediabox.height) - 792) < 1 for p in r.pages), 'not US Letter'" "$pdf")
    if [ "$pages" -lt "$limit" ]; then
        echo "ok   $html: $pages Letter pages (limit: fewer than $limit)"
    else
        echo "FAIL $html: $pages Letter pages, the limit is fewer than $limit"
        status=1
    fi
done
exit $status
