#!/usr/bin/env bash
# Fuzzes the case-study loader with libFuzzer for a set time (default 60 s), seeded with the real
# content. Usage: Fuzz/run.sh [SECONDS]   e.g. Fuzz/run.sh 1800 for a 30-minute run.
# Crashes are written to .build-fuzz/artifacts/ and the script exits non-zero.
set -euo pipefail
seconds=${1:-60}
repo=$(cd "$(dirname "$0")/.." && pwd)
work="$repo/.build-fuzz"
pkg="$work/pkg"
mkdir -p "$pkg/Sources/CasebookFuzz" "$work/corpus" "$work/artifacts"
# A package of its own beside the main one, so the main build never links libFuzzer.
identity=$(basename "$repo" | tr '[:upper:]' '[:lower:]')
cat > "$pkg/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "CasebookFuzz",
    dependencies: [.package(path: "$repo")],
    targets: [.executableTarget(name: "CasebookFuzz", dependencies: [.product(name: "CasebookKit", package: "$identity")])]
)
MANIFEST
cp "$repo/Fuzz/FuzzTarget.swift" "$pkg/Sources/CasebookFuzz/FuzzTarget.swift"
cp "$repo"/content/case-studies/*.md "$work/corpus/" 2>/dev/null || true
echo "== building the fuzz target (sanitizers: fuzzer, address)"
swift build --package-path "$pkg" -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  --product CasebookFuzz 2>&1 | grep -E "error|warning: unre|Compiling CasebookFuzz|Build complete" || true
bin=$(swift build --package-path "$pkg" -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)/CasebookFuzz
test -x "$bin"
echo "== fuzzing for ${seconds}s"
"$bin" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>&1 | tee "$work/last-run.log" | grep -E "^#[0-9]+ +(DONE|pulse)|Done|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss" || true
if grep -qE "ERROR: (libFuzzer|AddressSanitizer)|SUMMARY: AddressSanitizer" "$work/last-run.log"; then
  echo "fuzzing found a crash: see $work/last-run.log and $work/artifacts/"; exit 1
fi
echo "== fuzzing finished without a crash"
