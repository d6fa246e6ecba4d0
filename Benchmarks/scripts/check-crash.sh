#!/usr/bin/env bash
# Runs `casebook check` many times on a generated site whose case-study folder holds 1,100 files,
# and fails on any crash (a signal, or an exit code other than 0 or 1). Guards against reading past
# the C library's buffers while listing large folders (issue 23, item 1): such a read crashes only
# when an entry happens to end next to an unmapped page, so one run proves little and many do.
#
#   Benchmarks/scripts/check-crash.sh               # 1,000 runs (the issue's test)
#   Benchmarks/scripts/check-crash.sh --runs 20     # CI
#   Benchmarks/scripts/check-crash.sh --cases 20000 --runs 6
#
# The corpus is generated once per size into ${TMPDIR:-/tmp}/casebook-bench/crash-N (--work DIR to
# change) and reused. The binary is the debug build unless --release, or the one given with --bin PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
runs=1000 cases=1100 config=debug bin=""
work="${TMPDIR:-/tmp}/casebook-bench"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --cases) cases="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --release) config=release; shift ;;
        --bin) bin="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done
corpus="$work/crash-$cases"
if [ ! -f "$corpus/casebook/content/site.yml" ]; then
    python3 "$here/Benchmarks/scripts/generate-corpus.py" "$corpus" "$cases" --seed 1 >&2
fi
if [ -z "$bin" ]; then
    (cd "$here" && swift build -c "$config" --product casebook >/dev/null 2>&1) \
        || (cd "$here" && swift build -c "$config" --product casebook)
    bin="$(cd "$here" && swift build -c "$config" --show-bin-path)/casebook"
fi
files=$(find "$corpus/casebook/content/case-studies" -maxdepth 1 -name '*.md' | wc -l)
echo "casebook check, $runs runs, on $files case files in one folder"
crashes=0 first=""
for run in $(seq "$runs"); do
    set +e
    "$bin" check --root "$corpus/casebook" >/dev/null 2>"$work/crash-check.err"
    code=$?
    set -e
    if [ "$code" -gt 1 ]; then
        crashes=$((crashes + 1))
        [ -n "$first" ] || first="run $run: exit $code$( [ "$code" -gt 128 ] && echo " (signal $((code - 128)))"): $(tail -3 "$work/crash-check.err")"
    fi
    if [ $((run % 100)) -eq 0 ]; then echo "  $run runs, $crashes crashed"; fi
done
echo "$runs runs, $crashes crashed"
if [ "$crashes" -gt 0 ]; then
    echo "first crash: $first" >&2
    exit 1
fi
