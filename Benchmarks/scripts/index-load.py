#!/usr/bin/env python3
"""How long the case index takes to become usable in Chromium at 360 px (a phone).

    index-load.py SITE_FOLDER [--runs 3]

Serves SITE_FOLDER on 127.0.0.1 (Tests/Browser/serve.py), opens /case-studies/ in headless
Chromium (Debian's, through Playwright) with a 360 × 800 viewport, and measures from navigation
start to the moment the filters are shown, which happens once the facet index has loaded and the
first page of results is drawn. Prints the median in milliseconds (and each run's) and exits non-zero
if the filters never appear. Needs the .venv-web environment Tests/Browser/run.sh makes.
"""
import os
import statistics
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "Tests", "Browser"))
import serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    server = serve.start(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/case-studies/"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 360, "height": 800})
            page = context.new_page()
            started = time.monotonic()
            page.goto(url, wait_until="commit")
            page.wait_for_selector("#filters:not([hidden])", timeout=60_000)
            # The browser's own clock: from navigation start to now.
            elapsed = page.evaluate("performance.now()")
            times.append(elapsed)
            context.close()
            del started
        browser.close()
    server.shutdown()
    print(f"{statistics.median(times):.0f}\t" + ",".join(f"{t:.0f}" for t in times))


if __name__ == "__main__":
    main()
