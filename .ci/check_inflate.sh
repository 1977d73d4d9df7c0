#!/usr/bin/env bash
# The DEFLATE inflater (InflaterTests) against a fresh set of Python zlib streams, made with a
# new random seed, and against the workbooks given (the tool's own XLSForms) re-zipped by zlib.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
echo "inflater check: seed $seed, $# workbooks"
python3 Tests/WorkforceKitTests/Fixtures/deflate/make_fixtures.py "$dir" --seed "$seed" "$@"
WORKFORCE_INFLATE_FIXTURES="$dir" swift test --skip-build --filter InflaterTests
