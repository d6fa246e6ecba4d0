#!/usr/bin/env bash
# Times the `casebook serve` rebuild: a full build of an N-case site, then one-case edits, each
# followed by `IncrementalBuilder.build(changed:)`, with the time of each and of its phases.
#
#   Benchmarks/scripts/rebuild.sh                      # 10,000 cases, 10 edits of a story
#   Benchmarks/scripts/rebuild.sh --cases 1000 --edits 5 --summary --verify
#
# --summary edits the case's summary (front matter) instead of its story; --verify compares the
# output after the last edit with a clean build. The corpus is generated once per size into
# ${TMPDIR:-/tmp}/casebook-bench/rebuild-N (--work DIR to change) and reused.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cases=10000
edits=10
work="${TMPDIR:-/tmp}/casebook-bench"
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) cases="$2"; shift 2 ;;
        --edits) edits="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --summary|--verify) extra+=("$1"); shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
corpus="$work/rebuild-$cases"
if [ ! -f "$corpus/casebook/content/site.yml" ]; then
    python3 "$here/scripts/generate-corpus.py" "$corpus" "$cases" --seed 1
fi
# SwiftPM can keep a stale build plan for the path dependency when files are added to it: plan anew.
rm -f "$here/.build/release.yaml"
(cd "$here" && swift build -j 1 -c release --product rebuild-timing >&2)
"$here/.build/release/rebuild-timing" "$corpus/casebook" --edits "$edits" ${extra[@]+"${extra[@]}"}
