#!/usr/bin/env bash
# The DEFLATE inflater (InflaterTests) against a fresh set of Python zlib streams, made with a
# new random seed, and against the workbooks given (the tool's own XLSForms) re-zipped by zlib;
# and zlib against the streams of the benchmark's encoder (DeflaterTests).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
echo "inflater check: seed $seed, $# workbooks"
python3 Tests/WorkforceKitTests/Fixtures/deflate/make_fixtures.py "$dir" --seed "$seed" "$@"
WORKFORCE_INFLATE_FIXTURES="$dir" swift test --skip-build --filter InflaterTests

# The benchmark's encoder (Deflater) the other way round: Python's zlib inflates the streams
# DeflaterTests writes back to their input.
mkdir -p "$dir/deflater"
WORKFORCE_DEFLATE_OUT="$dir/deflater" swift test --skip-build --filter DeflaterTests
python3 - "$dir/deflater" <<'PY'
import os, sys, zlib
folder = sys.argv[1]
names = sorted(f[:-len(".deflate")] for f in os.listdir(folder) if f.endswith(".deflate"))
for name in names:
    with open(os.path.join(folder, name + ".deflate"), "rb") as f:
        inflated = zlib.decompress(f.read(), -15)
    with open(os.path.join(folder, name + ".raw"), "rb") as f:
        assert inflated == f.read(), f"zlib inflates {name}.deflate to other bytes than its input"
assert len(names) >= 15, f"only {len(names)} Deflater streams were written"
print(f"zlib inflates all {len(names)} Deflater streams back to their input")
PY
