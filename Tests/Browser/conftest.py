import os

import pytest

from serve import start

SITE_DIR = os.environ["SITE_DIR"]
SHOTS = os.environ.get("SCREENSHOT_DIR", "screenshots")

# One page of each type, used by the accessibility checks and the screenshots.
PAGE_TYPES = {
    "home": "/",
    "case-index": "/case-studies/",
    "case": "/case-studies/nj-tutoring-corps/",
    "strategies": "/strategies/",
    "strategy": "/strategies/tutoring/",
    "states": "/states/",
    "state": "/states/tn/",
    "tag": "/tags/math/",
    "funding": "/funding/esser/",
    "year": "/years/2021/",
    "data": "/data/",
    "compare": "/compare/",
    "compare-chosen": "/compare/?cases=nj-tutoring-corps,tennessee-all-corps",
    "evidence": "/evidence/",
    "evidence-design": "/evidence/randomized/",
    "npss": "/npss/",
    "report": "/report/",
    "topics": "/tags/",
    "funding-index": "/funding/",
    "years-index": "/years/",
    "search": "/search/",
    "about": "/about/",
    "methodology": "/methodology/",
    "not-found": "/no-such-page/",
}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium"}


@pytest.fixture(scope="session")
def site_url():
    server = start(SITE_DIR)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def screenshot_dir():
    os.makedirs(SHOTS, exist_ok=True)
    return SHOTS


def open_case_index(page, url):
    """Opens the case index and waits until its filters act at once: they show from the first paint,
    but a choice only changes the list once the facet index has arrived (data-ready)."""
    page.goto(url)
    page.wait_for_selector("#filters[data-ready]", state="attached")
