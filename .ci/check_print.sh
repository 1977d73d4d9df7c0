#!/usr/bin/env bash
# CI: the printed belize-core employer form (English and Spanish) prints on fewer than 18 US
# Letter pages (16 before issue 27 added the employer-level block of twelve flow questions, which
# takes one page): headless Chromium prints each printable HTML questionnaire to PDF, pypdf counts
# the pages. Usage: bash .ci/check_print.sh FOLDER (a `workforce survey employer --role-set
# belize-core` output folder).
set -euo pipefail
folder=$1
limit=18
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
