#!/usr/bin/env bash
# Fuzzes with libFuzzer for a set time per target (default 60 s each): the case-study loader
# (front matter, YAML, schema checks, cmark) and the templates (Mustache parsing, partial and layout
# references, loop detection, rendering). Seeded with the real content and templates and with the
# hostile inputs of issue 15 (Fuzz/seeds/). Usage: Fuzz/run.sh [SECONDS] [case|template|all]
#   e.g. Fuzz/run.sh 1800 for a 30-minute run of each target.
# Crashes are written to .build-fuzz/artifacts/<target>/ and the script exits non-zero.
set -euo pipefail
seconds=${1:-60}
which=${2:-all}
repo=$(cd "$(dirname "$0")/.." && pwd)
work="$repo/.build-fuzz"
pkg="$work/pkg"
mkdir -p "$pkg/Sources/CasebookFuzz" "$pkg/Sources/CasebookTemplateFuzz"
# A package of its own beside the main one, so the main build never links libFuzzer.
identity=$(basename "$repo" | tr '[:upper:]' '[:lower:]')
cat > "$pkg/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription
let kit: Target.Dependency = .product(name: "CasebookKit", package: "$identity")
let package = Package(
    name: "CasebookFuzz",
    dependencies: [.package(path: "$repo")],
    targets: [
        .executableTarget(name: "CasebookFuzz", dependencies: [kit]),
        .executableTarget(name: "CasebookTemplateFuzz", dependencies: [kit]),
    ]
)
MANIFEST
cp "$repo/Fuzz/FuzzTarget.swift" "$pkg/Sources/CasebookFuzz/FuzzTarget.swift"
cp "$repo/Fuzz/TemplateFuzzTarget.swift" "$pkg/Sources/CasebookTemplateFuzz/TemplateFuzzTarget.swift"
for target in CasebookFuzz CasebookTemplateFuzz; do cp "$repo/Fuzz/FuzzDriver.swift" "$pkg/Sources/$target/FuzzDriver.swift"; done

mkdir -p "$work/corpus/case" "$work/corpus/template"
cp "$repo"/content/case-studies/*.md "$repo"/Fuzz/seeds/case/* "$work/corpus/case/" 2>/dev/null || true
cp "$repo"/Fuzz/seeds/template/* "$work/corpus/template/" 2>/dev/null || true
for file in "$repo"/templates/*.mustache "$repo"/templates/partials/*.mustache; do
  cp "$file" "$work/corpus/template/real-$(basename "$file")"
done

flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library ${JOBS:+-j "$JOBS"})
status=0
run() {
  local product=$1 corpus=$2
  mkdir -p "$work/artifacts/$corpus"
  echo "== building $product (sanitizers: fuzzer, address)"
  swift build --package-path "$pkg" "${flags[@]}" --product "$product" 2>&1 \
    | grep -E "error|warning: unre|Compiling Casebook|Build complete" || true
  local bin
  bin=$(swift build --package-path "$pkg" "${flags[@]}" --show-bin-path)/$product
  test -x "$bin"
  echo "== fuzzing $corpus for ${seconds}s"
  "$bin" "$work/corpus/$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$work/artifacts/$corpus/" -print_final_stats=1 2>&1 | tee "$work/last-run-$corpus.log" \
    | grep -E "^#[0-9]+ +(DONE|pulse)|Done|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss" || true
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer)|SUMMARY: AddressSanitizer" "$work/last-run-$corpus.log"; then
    echo "fuzzing $corpus found a crash: see $work/last-run-$corpus.log and $work/artifacts/$corpus/"
    status=1
  fi
}
if [[ $which == all || $which == case ]]; then run CasebookFuzz case; fi
if [[ $which == all || $which == template ]]; then run CasebookTemplateFuzz template; fi
[[ $status == 0 ]] && echo "== fuzzing finished without a crash"
exit $status
