#!/usr/bin/env bash
# The demo's report as a person sees it: printed to PDF by headless Chromium on US Letter and A4
# (pypdf reads the pages: counted, none whose only content is a heading, none ending on a
# heading, page 1 holding the title, the main points and the summary), and laid out 360 px wide
# (no horizontal scroll). Installs Chromium (Debian) and pypdf (PyPI) itself.
# Usage: bash .ci/check_report_view.sh [WORKFORCE_BINARY] [LANGUAGE]  (en, the default, or es:
# the demo's report written with --lang es)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/workforce}
language=${2:-en}
if ! command -v chromium > /dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q chromium > /dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check pypdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" demo --lang "$language" --out "$work/demo" --db "$work/demo.sqlite" > /dev/null
python3 .ci/check_report_view.py "$work/demo"
