#!/usr/bin/env bash
# Whole-process comparison for issue #9: Hugo, the libcmark floor and `casebook build` on the same
# generated corpus, each timed as a clean build. Prints one table row per corpus size and tool.
#
#   Benchmarks/scripts/compare.sh [--sizes "1000 10000 50000"] [--runs 5] [--seed 1] [--work DIR] [--smoke]
#
# --smoke   N=200, one run; fails if a tool fails or casebook writes fewer pages than cases (for CI).
# Also prints what each site weighs (total output beside Hugo's, the largest page, the feed) and, where
# Tests/Browser/run.sh has made .venv-web (Playwright) and Chromium is installed, how long the case index
# takes to become usable at 360 px (Benchmarks/scripts/index-load.py).
# Installs what is missing from Debian's packages (hugo, GNU time, libcmark-dev, libvips-dev, a C compiler).
# Corpora are generated into the work folder (default ${TMPDIR:-/tmp}/casebook-bench) and reused while
# the generator and the repository's content settings are unchanged.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes="1000 10000"
runs=5
seed=1
smoke=0
work="${TMPDIR:-/tmp}/casebook-bench"

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="${2:?--sizes needs a value}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
    --work) work="${2:?--work needs a value}"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; usage >&2; exit 64 ;;
  esac
done
if [ "$smoke" = 1 ]; then sizes=200; runs=1; fi
case "$runs" in ''|*[!0-9]*|0) echo "compare.sh: --runs must be a positive number" >&2; exit 64 ;; esac
for n in $sizes; do
  case "$n" in ''|*[!0-9]*|0) echo "compare.sh: sizes must be positive numbers, not '$n'" >&2; exit 64 ;; esac
done

log() { echo "== $*" >&2; }

# --- tools ------------------------------------------------------------------------------------------
need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
dpkg -s libcmark-dev >/dev/null 2>&1 || need+=(libcmark-dev)
dpkg -s libvips-dev >/dev/null 2>&1 || need+=(libvips-dev)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} from Debian"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)

log "building casebook (release)"
# Only one SwiftPM build at a time on a shared machine; the lock is optional.
lock=()
command -v flock >/dev/null 2>&1 && lock=(flock "${SWIFT_BUILD_LOCK:-/tmp/swift-build.lock}")
(cd "$repo" && "${lock[@]}" swift build -c release --product casebook >"$work/swift-build.log" 2>&1) || {
  tail -40 "$work/swift-build.log" >&2; echo "compare.sh: swift build failed" >&2; exit 1; }
casebook="$(cd "$repo" && swift build -c release --product casebook --show-bin-path)/casebook"
[ -x "$casebook" ] || { echo "compare.sh: no binary at $casebook" >&2; exit 1; }

floor="$work/floor"
if [ ! -x "$floor" ] || [ "$here/floor.c" -nt "$floor" ]; then
  log "building the floor (cc -O2 -pthread floor.c -lcmark)"
  cc -O2 -pthread "$here/floor.c" -lcmark -o "$floor"
fi

# Everything the generated corpus depends on; a corpus is regenerated when this changes.
inputs_hash=$(cd "$repo" && cat Benchmarks/scripts/generate-corpus.py content/site.yml content/context.yml \
  content/pages/*.md templates/assets/* | sha256sum | cut -c1-16)

# --- measuring --------------------------------------------------------------------------------------
median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

failed=0
results="$work/results.tsv"
: >"$results"
: >"$work/sizes.tsv"

# measure TOOL N OUTDIR COUNT-COMMAND -- COMMAND…: runs COMMAND $runs times, each after deleting OUTDIR;
# appends "N tool median peak_kb pages" to $results. COUNT-COMMAND is eval'd after the last run.
measure() {
  local tool=$1 n=$2 out=$3 count=$4; shift 5
  local times=() peak=0 i
  for i in $(seq "$runs"); do
    rm -rf "$out"
    local start end secs kb load
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
    start=$(date +%s%N)
    if ! /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >"$work/$tool.log" 2>&1; then
      echo "compare.sh: $tool failed on N=$n (run $i):" >&2
      tail -20 "$work/$tool.log" >&2
      failed=1
      printf '%s\t%s\tFAILED\t0\t0\n' "$n" "$tool" >>"$results"
      return 0
    fi
    end=$(date +%s%N)
    # GNU time gives the peak memory; the wall time is taken to the millisecond around it (its %e has
    # only two decimals).
    read -r _ kb < <(tail -1 "$work/time.txt")
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
    times+=("$secs")
    [ "$kb" -gt "$peak" ] && peak=$kb
    log "$tool N=$n run $i: ${secs} s, $((kb / 1024)) MB (load average before: $load)"
  done
  local med pages
  med=$(printf '%s\n' "${times[@]}" | median)
  pages=$(eval "$count")
  printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$med" "$peak" "$pages" >>"$results"
}

verbose_reports=()
for n in $sizes; do
  corpus="$work/corpus-n$n-s$seed"
  if [ "$(cat "$corpus/.inputs" 2>/dev/null)" != "$inputs_hash" ]; then
    log "generating $n case studies into $corpus"
    rm -rf "$corpus"
    python3 "$here/generate-corpus.py" "$corpus" "$n" --seed "$seed" >&2
    echo "$inputs_hash" >"$corpus/.inputs"
  else
    log "reusing $corpus"
  fi
  cases="$corpus/casebook/content/case-studies"

  # One untimed pass first, so every tool reads the corpus from a warm file cache (a 50,000-case
  # corpus read cold from disk took the floor 45 s instead of 3).
  "$floor" "$cases" 2 >/dev/null 2>&1 || true
  measure floor "$n" "$work/out-floor" \
    "awk '{print \$1; exit}' '$work/floor.log'" -- "$floor" "$cases" 2
  measure hugo "$n" "$work/out-hugo" \
    "find '$work/out-hugo' -name '*.html' | wc -l" -- \
    hugo --quiet -s "$corpus/hugo" -d "$work/out-hugo" --cacheDir "$work/hugo-cache"
  measure casebook "$n" "$work/out-casebook" \
    "find '$work/out-casebook' -name '*.html' | wc -l" -- \
    "$casebook" build --root "$corpus/casebook" --output "$work/out-casebook"

  # What each output weighs, and the case index's load time in Chromium at 360 px.
  read -r cfiles cbytes clargest cpath cfeed cover < <(python3 "$here/output-stats.py" "$work/out-casebook" --tsv)
  read -r hfiles hbytes _ _ _ _ < <(python3 "$here/output-stats.py" "$work/out-hugo" --tsv)
  load="-"
  if [ -x "$repo/.venv-web/bin/python" ] && command -v chromium >/dev/null 2>&1; then
    load=$("$repo/.venv-web/bin/python" "$here/index-load.py" "$work/out-casebook" --runs 3 2>"$work/index-load.log" | cut -f1) || {
      tail -5 "$work/index-load.log" >&2; load="FAILED"; failed=1; }
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$cfiles" "$cbytes" "$hbytes" "$clargest" "$cpath" "$cfeed" "$cover" "$load" >>"$work/sizes.tsv"

  # Phase timings, once per size (not part of the table).
  rm -rf "$work/out-casebook-verbose"
  if "$casebook" build --verbose --root "$corpus/casebook" --output "$work/out-casebook-verbose" \
      >"$work/casebook-verbose.log" 2>&1; then
    verbose_reports+=("N=$n:"$'\n'"$(cat "$work/casebook-verbose.log")")
  else
    verbose_reports+=("N=$n: casebook build --verbose failed"$'\n'"$(tail -20 "$work/casebook-verbose.log")")
    failed=1
  fi
  rm -rf "$work/out-casebook-verbose"

  if [ "$smoke" = 1 ]; then
    pages=$(awk -F'\t' -v n="$n" '$1 == n && $2 == "casebook" {print $5}' "$results")
    if [ "${pages:-0}" -lt "$n" ]; then
      echo "compare.sh: casebook wrote ${pages:-0} pages for $n case studies" >&2
      failed=1
    fi
  fi
done

# --- the table --------------------------------------------------------------------------------------
echo
echo "Clean builds, warm file cache, median of $runs run(s); peak = largest max RSS over the runs."
echo "$(nproc) cores; $(hugo version 2>/dev/null | awk '{print $1, $2}' || true); casebook $("$casebook" --version 2>/dev/null | head -1); floor = libcmark, 2 threads."
echo
awk -F'\t' '
  { n[NR]=$1; tool[NR]=$2; t[NR]=$3; kb[NR]=$4; pages[NR]=$5
    if ($2 == "hugo" && $3 != "FAILED") { hugo[$1]=$3; hugokb[$1]=$4 }
    if ($2 == "floor" && $3 != "FAILED") floor[$1]=$3 }
  function ratio(a, b) { return (b > 0 && a != "FAILED") ? sprintf(a / b < 10 ? "%.2f" : "%.1f", a / b) : "-" }
  END {
    fmt = "%7s  %-9s %9s %7s %9s %10s %8s %7s %7s %9s\n"
    printf fmt, "N", "tool", "median s", "pages", "pages/s", "s per 1k", "peak MB", "×Hugo", "×floor", "peak×Hugo"
    for (i = 1; i <= NR; i++) {
      if (t[i] == "FAILED") { printf fmt, n[i], tool[i], "FAILED", "-", "-", "-", "-", "-", "-", "-"; continue }
      printf fmt, n[i], tool[i], sprintf("%.3f", t[i]), pages[i],
        (t[i] > 0 ? sprintf("%.0f", pages[i] / t[i]) : "-"), sprintf("%.3f", t[i] / n[i] * 1000),
        sprintf("%.0f", kb[i] / 1024), ratio(t[i], hugo[n[i]]), ratio(t[i], floor[n[i]]), ratio(kb[i], hugokb[n[i]])
      if (tool[i] == "casebook") { cb[n[i]] = t[i]; cbkb[n[i]] = kb[i]; sizes[++count] = n[i] }
    }
    # The goals of issue #16, for casebook at each size: ≥ 8× faster than Hugo (×Hugo ≤ 0.125), within
    # 2× the floor, peak memory ≤ ¼ of that of Hugo; and time per case flat (largest size vs smallest, ≤ 1.25×).
    print ""
    print "Goals (casebook):"
    for (j = 1; j <= count; j++) {
      m = sizes[j]
      if (!(m in hugo) || !(m in floor)) continue
      printf "  N=%-6s %-4s ≥ 8× faster than Hugo (%.1f×)   %-4s ≤ 2× the floor (%.1f×)   %-4s peak ≤ ¼ of Hugo'"'"'s (%.2f)\n", m,
        (cb[m] * 8 <= hugo[m] ? "MET" : "not"), hugo[m] / cb[m],
        (cb[m] <= 2 * floor[m] ? "MET" : "not"), cb[m] / floor[m],
        (cbkb[m] * 4 <= hugokb[m] ? "MET" : "not"), cbkb[m] / hugokb[m]
    }
    if (count > 1) {
      first = cb[sizes[1]] / sizes[1]; last = cb[sizes[count]] / sizes[count]
      printf "  %-4s time per case flat from N=%s to N=%s (%.3f → %.3f s per 1k, %.2f×)\n",
        (last <= first * 1.25 ? "MET" : "not"), sizes[1], sizes[count], first * 1000, last * 1000, last / first
    }
  }' "$results"

echo
echo "What casebook's output weighs (issue #21's goals: no HTML page over 1 MB, the feed under 200 KB, at most 3× Hugo's bytes, the case index usable in under 1 s at 360 px):"
awk -F'\t' '
  BEGIN { fmt = "%7s %7s %10s %10s %7s  %-34s %8s %9s %10s\n"
          printf fmt, "N", "files", "MB", "Hugo MB", "×Hugo", "largest page", "feed KB", ">1 MB", "index ms" }
  { printf fmt, $1, $2, sprintf("%.1f", $3 / 1e6), sprintf("%.1f", $4 / 1e6), ($4 > 0 ? sprintf("%.2f", $3 / $4) : "-"),
      sprintf("%s (%.0f KB)", $6, $5 / 1e3), sprintf("%.0f", $7 / 1e3), $8, $9
    goals = goals sprintf("  N=%-6s %-4s no page over 1 MB   %-4s feed under 200 KB   %-4s ≤ 3× Hugo'"'"'s bytes   %-4s index usable in < 1 s (%s ms)\n", $1,
      ($8 == 0 ? "MET" : "not"), ($7 < 200000 ? "MET" : "not"), ($3 <= 3 * $4 ? "MET" : "not"),
      ($9 == "-" ? "n/a" : ($9 != "FAILED" && $9 < 1000 ? "MET" : "not")), $9) }
  END { print ""; print "Goals (output):"; printf "%s", goals }' "$work/sizes.tsv"

echo
echo "casebook build --verbose (one run per size):"
for report in "${verbose_reports[@]}"; do echo "$report" | sed 's/^/  /'; done

if [ "$failed" != 0 ]; then
  echo "compare.sh: FAILED (see above)" >&2
  exit 1
fi
