#!/usr/bin/env bash
# Load test for `casebook serve`: many concurrent clients on loopback, plus slow clients that
# connect and never read, plus open live-reload streams. Prints requests/s, latency, errors, and the
# server's memory before and after; fails if any request errored or memory kept growing.
#
#   Benchmarks/load-test.sh                     # 200 connections for 30 s (the issue's test)
#   Benchmarks/load-test.sh --smoke             # 50 connections for 5 s (CI)
#   Benchmarks/load-test.sh -c 400 -d 60        # your own numbers
set -euo pipefail
cd "$(dirname "$0")/.."
connections=200 duration=30 threads=2 config=release
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) connections=50 duration=5 config=debug ;;
    -c) connections="$2"; shift ;;
    -d) duration="$2"; shift ;;
    --debug) config=debug ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
  shift
done

if ! command -v wrk >/dev/null; then
  command -v apt-get >/dev/null && { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

swift build -c "$config" --product casebook >/dev/null 2>&1 || { swift build -c "$config" --product casebook; exit 1; }
bin="$(swift build -c "$config" --show-bin-path 2>/dev/null)/casebook"
work="$(mktemp -d)"
trap 'kill "${server:-}" "${slow_pids[@]:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r content templates "$work/"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --root "$work" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "Serving the preview" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Serving the preview" "$work/serve.log" || { cat "$work/serve.log"; echo "the server did not start" >&2; exit 1; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$server/status"; }

# Slow clients: 20 sockets that send half a request and stall, 20 live-reload streams never read.
slow_pids=()
python3 - "$port" "$((duration + 5))" <<'PY' &
import socket, sys, time
port, hold = int(sys.argv[1]), float(sys.argv[2])
held = []
for i in range(20):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n"); held.append(s)
for i in range(20):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    s.sendall(b"GET /_casebook/events HTTP/1.1\r\nHost: x\r\n\r\n"); held.append(s)
time.sleep(hold)
PY
slow_pids+=($!)
sleep 0.5

# Rotate over the kinds of page: home, index, a case, a listing, CSS, JSON, a 404.
cat > "$work/paths.lua" <<'LUA'
local paths = {"/", "/case-studies/", "/case-studies/nj-tutoring-corps/", "/strategies/tutoring/",
               "/assets/site.css", "/data/case-studies.json", "/no-such-page/"}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

# Warm up, then measure memory around the real run.
wrk -t "$threads" -c "$connections" -d 3s -s "$work/paths.lua" "http://127.0.0.1:$port" >/dev/null
before=$(rss)
wrk -t "$threads" -c "$connections" -d "${duration}s" --timeout 5s -s "$work/paths.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out" | grep -v '^RESULT'
after=$(rss)
# The live-reload streams must still answer after the load.
events=$(timeout 3 curl -sN "http://127.0.0.1:$port/_casebook/events" | head -c 200 || true)
result=$(grep '^RESULT' "$work/wrk.out")
echo "$result"
printf 'server memory: %s MB before, %s MB after, %s MB peak\n' $((before / 1024)) $((after / 1024)) $(( $(hwm) / 1024 ))

fail=0
for field in connect read write timeout status; do
  value=$(sed -E "s/.* $field=([0-9]+).*/\1/" <<<"$result")
  # wrk counts 404s as status errors; the rotation has one 404 path in seven, so compare with that.
  if [ "$field" = status ]; then continue; fi
  [ "$value" = 0 ] || { echo "FAIL: $value $field errors" >&2; fail=1; }
done
requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
status=$(sed -E 's/.* status=([0-9]+).*/\1/' <<<"$result")
expected404=$(( requests / 7 ))
if [ $(( status - expected404 )) -gt $(( requests / 100 + 7 )) ] || [ $(( expected404 - status )) -gt $(( requests / 100 + 7 )) ]; then
  echo "FAIL: $status non-200 answers, expected about $expected404 (the 404 path)" >&2; fail=1
fi
grep -q 'event: site' <<<"$events" || { echo "FAIL: the event stream did not answer after the load" >&2; fail=1; }
# Growth beyond 64 MB over a warmed-up server means something is kept per request.
[ $(( after - before )) -lt 65536 ] || { echo "FAIL: memory grew by $(( (after - before) / 1024 )) MB" >&2; fail=1; }
[ "$fail" = 0 ] && echo "load test passed" || exit 1
