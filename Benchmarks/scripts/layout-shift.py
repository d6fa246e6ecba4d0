#!/usr/bin/env python3
"""How much each page type moves while it loads on a slow connection: every page of
Tests/Browser/conftest.py's PAGE_TYPES opened in Chromium at 360 and 1280 px with every script and
JSON file held back (800 ms by default, as a slow phone connection), and its Cumulative Layout Shift
printed. Good is under 0.1; the browser suite asserts 0 for the menu and under 0.01 for the case index
and the compare page (whole and shared).

    .venv-web/bin/python Benchmarks/scripts/layout-shift.py SITE_DIR [--delay-ms 800] [--all]

SITE_DIR is a built site (`casebook build --output DIR`). Prints the pages over 0.01 (--all: every
page). Needs Playwright and Debian's chromium (see Tests/Browser/run.sh).
"""
import argparse
import functools
import http.server
import os
import sys
import threading

from playwright.sync_api import sync_playwright

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "Tests", "Browser"))
os.environ.setdefault("SITE_DIR", ".")
from conftest import PAGE_TYPES  # noqa: E402
from serve import SiteHandler  # noqa: E402

OBSERVER = """window.__cls = 0;
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});"""


def held_back(page, delay_ms):
    """A route handler that answers each request `delay_ms` late."""
    def late(route):
        page.wait_for_timeout(delay_ms)
        route.continue_()
    return late


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--delay-ms", type=int, default=800)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    handler = functools.partial(SiteHandler, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for width in (360, 1280):
            for name, path in PAGE_TYPES.items():
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.add_init_script(OBSERVER)

                late = held_back(page, args.delay_ms)
                page.route("**/*.js", late)
                page.route("**/*.json", late)
                page.goto(base + path, wait_until="commit")
                # Until every held-back file has arrived and the page has done what it does with them.
                page.wait_for_load_state("networkidle", timeout=60000)
                page.wait_for_timeout(500)
                shift = page.evaluate("window.__cls")
                if args.all or shift > 0.01:
                    print(f"{width:>5} px  {name:<16} CLS {shift:.3f}")
                page.unroute_all(behavior="ignoreErrors")
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
