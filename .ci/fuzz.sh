#!/usr/bin/env bash
# Builds the libFuzzer targets in Tests/Fuzz/ (swiftc -sanitize=fuzzer,address, WorkforceKit
# compiled in with coverage) and runs each for SECONDS seconds (default 30), seeded from the test
# fixtures. .ci/run runs it briefly; run it longer by hand, e.g. `.ci/fuzz.sh 600` for 10 minutes
# a target. A crash leaves its input in .build-fuzz/crashes/ and fails the script: turn the input
# into a regression test, fix, and run again. Leak detection is off: the Swift runtime's caches
# (metadata, lazily built globals) look like leaks to LeakSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
out=.build-fuzz
mkdir -p "$out/crashes"

# The layers (Formats, Statistics, Storage, Domain, WorkforceKit) compiled as one module, as they were
# before the split: their Exports.swift files (re-exports between the layers) are left out.
layers=(Sources/Formats Sources/Statistics Sources/Storage Sources/Domain Sources/WorkforceKit)
sources=$(find "${layers[@]}" -name '*.swift' ! -name Exports.swift | sort)
flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -package-name workforce -O -g -I Sources/CSQLite)
if [[ ! -f "$out/libWorkforceKit.a" || -n "$(find "${layers[@]}" -newer "$out/libWorkforceKit.a" -name '*.swift' | head -1)" ]]; then
    echo "building WorkforceKit with fuzzer coverage..."
    # shellcheck disable=SC2086
    rm -f "$out/libWorkforceKit.a"
    if ! swiftc "${flags[@]}" -enable-testing -module-name WorkforceKit -emit-library -static -emit-module \
        -emit-module-path "$out/WorkforceKit.swiftmodule" -o "$out/libWorkforceKit.a" $sources > "$out/build.log" 2>&1; then
        grep -v "Cannot export local symbol" "$out/build.log" | tail -40
        echo "WorkforceKit did not build with fuzzer coverage"
        exit 1
    fi
fi

# target name, harness, seed files
declare -A seeds=(
    [csv]="Tests/WorkforceKitTests/Fixtures/responses Tests/WorkforceKitTests/Fixtures/catalog Frameworks/nice-2017"
    [import]="Tests/WorkforceKitTests/Fixtures/responses"
    [json]="Tests/WorkforceKitTests/Fixtures/golden Frameworks/nice-2017/framework.json Tests/Fuzz/seeds"
    [cprt]="Tests/Fuzz/seeds/cprt-small.json"
    [xlsx]="Tests/WorkforceKitTests/Fixtures/xlsx Tests/WorkforceKitTests/Fixtures/deflate"
    [answers]="Tests/Fuzz/seeds/answers"
    [codebook]="Tests/WorkforceKitTests/Fixtures/golden/employer-pr-cir-001.codebook.json"
    [expression]="Tests/Fuzz/seeds/expressions"
    [paths]="Tests/Fuzz/seeds/paths"
    [keys]="Tests/Fuzz/seeds/keys Tests/Fuzz/seeds/expressions"
)
declare -A harness=([csv]=FuzzCSV [import]=FuzzImport [json]=FuzzJSON [cprt]=FuzzCPRT [xlsx]=FuzzXLSX [answers]=FuzzAnswers [codebook]=FuzzCodebook [expression]=FuzzExpression [paths]=FuzzOutputPath [keys]=FuzzResponseKey)
status=0
targets=(csv import json cprt xlsx answers codebook expression paths keys)
# `.ci/fuzz.sh SECONDS TARGET...` runs only the targets named.
if [[ $# -gt 1 ]]; then targets=("${@:2}"); fi
for target in "${targets[@]}"; do
    binary="$out/fuzz-$target"
    if [[ ! -f "$binary" || "$out/libWorkforceKit.a" -nt "$binary" || "Tests/Fuzz/${harness[$target]}.swift" -nt "$binary" ]]; then
        rm -f "$binary"
        if ! swiftc "${flags[@]}" -I "$out" "Tests/Fuzz/${harness[$target]}.swift" "$out/libWorkforceKit.a" -lsqlite3 -o "$binary" \
            > "$out/build-$target.log" 2>&1; then
            grep -v "Cannot export local symbol" "$out/build-$target.log" | tail -40
            echo "fuzz target $target did not build"
            exit 1
        fi
    fi
    corpus="$out/corpus-$target"
    mkdir -p "$corpus"
    # Seeds: every fixture file (libFuzzer reads the folders; big CPRT files are cut to 256 KiB).
    for seed in ${seeds[$target]}; do
        find "$seed" -type f -size -4M | while read -r file; do head -c 262144 "$file" > "$corpus/seed-$(basename "$file")"; done
    done
    echo "fuzzing $target for ${seconds}s..."
    if ! ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -detect_leaks=0 \
        -artifact_prefix="$out/crashes/$target-" -print_final_stats=1 > "$out/fuzz-$target.log" 2>&1; then
        echo "fuzz target $target found a crash; see $out/fuzz-$target.log and $out/crashes/"
        tail -40 "$out/fuzz-$target.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$out/fuzz-$target.log" | sed "s/^/  $target /"
    fi
done
exit $status
