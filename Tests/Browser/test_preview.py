"""`casebook serve` in a real browser: the page reloads after a save, shows the build's problems over
the page while a file is broken, and recovers when it is fixed, with the site's CSP in force."""
import os
import re

import pytest
from playwright.sync_api import expect

from serve import casebook_serve
CASE = "content/case-studies/nj-tutoring-corps.md"


@pytest.fixture
def preview():
    with casebook_serve("casebook-preview-") as served:
        yield served


def edit(root, old, new):
    path = os.path.join(root, CASE)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def test_save_reloads_and_broken_file_shows_overlay(page, preview):
    root, url = preview
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(url + "/case-studies/nj-tutoring-corps/")
    title = page.locator("h1").inner_text()

    # A save: the open page reloads by itself and shows the new title.
    edit(root, "title: ", "title: Preview check, ")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Preview check"), timeout=20000)

    # A broken file: the overlay names the file, line and problem, over the last good page.
    edit(root, "strategy: tutoring", "strategy: tutorng")
    overlay = page.locator("#casebook-problems")
    overlay.wait_for(state="visible", timeout=20000)
    text = overlay.inner_text()
    assert re.search(r"content/case-studies/nj-tutoring-corps\.md:\d+:\d+: error", text), text
    assert "tutorng" in text and "tutoring" in text
    # The heading counts what is listed (one error, no warnings in a preview), and the line is shown with a caret.
    heading = overlay.locator("h2").inner_text()
    assert heading.endswith("could not be rebuilt: 1 error"), heading
    excerpt = overlay.locator("pre").first.inner_text().splitlines()
    assert excerpt[0].endswith("| strategy: tutorng") and excerpt[1].endswith("|           ^"), excerpt
    assert "[case.strategy.unknown]" in text, text
    assert page.locator("h1").inner_text().startswith("Preview check")

    # Fixed: the overlay goes and the page reloads.
    edit(root, "strategy: tutorng", "strategy: tutoring")
    overlay.wait_for(state="detached", timeout=20000)
    expect(page.locator("h1")).to_have_text(re.compile(r"^Preview check"), timeout=20000)
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert title != page.locator("h1").inner_text()
