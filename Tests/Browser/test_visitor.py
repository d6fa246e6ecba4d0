"""A second visitor's review (issue 25): phones at 360 px, the desktop at 1280 px, print, the data
files and search, each checked the way that visitor met the problem."""
import csv
import io
import re
import subprocess
import tempfile
import urllib.request

import pytest

from conftest import PAGE_TYPES

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
MAIN_PAGES = ["Case studies", "Compare", "Evidence", "Strategies", "States", "Topics", "Data", "Report", "Search"]


def phone(browser, **options):
    return browser.new_context(viewport=PHONE, **options).new_page()


# Phones: the menu -----------------------------------------------------------------------------------

def _menu_fits(page):
    links = page.locator("#site-menu a")
    labels = links.all_inner_texts()
    for name in MAIN_PAGES:
        assert name in labels, (name, labels)
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (labels[i], box)
        assert box["height"] >= 24, (labels[i], box)  # a tap target of at least 24 px
    # Nothing between a menu entry and the page clips it, so its focus ring shows whole.
    clipping = links.first.evaluate("""a => { const found = [];
        for (let e = a.parentElement; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.overflowX !== 'visible' || s.overflowY !== 'visible') found.push(e.tagName + '.' + e.className);
        } return found; }""")
    assert clipping == [], clipping


def test_the_phone_menu_shows_every_main_page(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    # Closed at first, so the page starts with its own content; one tap shows the whole menu.
    assert page.locator("#site-menu").is_hidden()
    page.click(".menu-button")
    assert page.locator(".menu-button").get_attribute("aria-expanded") == "true"
    _menu_fits(page)
    page.keyboard.press("Tab")  # from the button into the menu: the first entry takes the focus
    assert page.evaluate("document.activeElement.closest('#site-menu') !== null")
    page.context.close()


def test_the_phone_menu_without_javascript_is_all_there(browser, site_url):
    page = phone(browser, java_script_enabled=False)
    page.goto(site_url + "/data/")
    assert page.locator(".menu-button").is_hidden()
    _menu_fits(page)
    page.context.close()


def on_a_slow_connection(page, *patterns, delay_ms=800):
    """Counts the page's layout shifts (in window.__cls) and answers each file matching `patterns`
    `delay_ms` late, so the first paint comes before the script and its data."""
    page.add_init_script("""window.__cls = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
          .observe({type: 'layout-shift', buffered: true});""")
    def late(route):
        page.wait_for_timeout(delay_ms)
        route.continue_()
    for pattern in patterns:
        page.route(pattern, late)


def test_the_phone_menu_does_not_move_the_page_when_the_script_arrives_late(browser, site_url):
    """On a slow connection the deferred script arrives after the first paint; the menu must already
    be folded then, or the whole page jumps up by the menu's height when it folds."""
    page = phone(browser)
    on_a_slow_connection(page, "**/assets/site.js")
    page.goto(site_url + "/case-studies/nj-tutoring-corps/", wait_until="commit")
    page.wait_for_selector("#site-nav.menu-ready", state="attached", timeout=10000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") == 0
    assert page.locator("#site-menu").is_hidden()
    page.click(".menu-button")
    assert page.locator("#site-menu").is_visible()
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_case_index_does_not_jump_when_its_filters_arrive_late(browser, site_url, viewport):
    """The filters replace the browse links and the count once the script and the facet index have
    arrived; on a slow connection that is long after the first paint, so both are in place from it."""
    page = browser.new_context(viewport=viewport).new_page()
    on_a_slow_connection(page, "**/assets/site.js", "**/data/facets/**")
    page.goto(site_url + "/case-studies/", wait_until="commit")
    page.wait_for_selector("#filters", state="visible", timeout=10000)
    page.wait_for_timeout(2500)
    assert page.evaluate("window.__cls") < 0.01
    assert page.locator("#browse").is_hidden() and page.locator("#static-count").is_hidden()
    page.wait_for_selector("#filters[data-ready]", state="attached")
    page.select_option("#filter-strategy", index=1)
    assert page.locator("#case-list .card:visible").count() >= 1
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


def test_a_filter_chosen_before_the_facet_index_arrives_is_applied_when_it_does(browser, site_url):
    """The filters show from the first paint; on a slow connection a visitor can choose before the
    facet index is here. The choice must not be lost (nor undone by the address's own filters): the
    list is marked as waiting, then shows what was chosen."""
    page = phone(browser)
    on_a_slow_connection(page, "**/data/facets/**")
    page.goto(site_url + "/case-studies/?strategy=summer-learning", wait_until="domcontentloaded")
    page.select_option("#filter-strategy", "tutoring")
    page.select_option("#filter-state", "tn")
    assert page.locator("#filters[data-ready]").count() == 0, "the choice was made before the index arrived"
    assert page.locator("#case-list").get_attribute("aria-busy") == "true"
    page.wait_for_selector("#filters[data-ready]", state="attached", timeout=10000)
    assert page.locator("#case-list").get_attribute("aria-busy") is None
    assert page.locator("#filter-strategy").input_value() == "tutoring"
    assert "strategy=tutoring" in page.url and "state=tn" in page.url
    cards = page.locator("#case-list .card:visible")
    assert 1 <= cards.count() < 16
    assert page.locator("#result-number").inner_text() == str(cards.count())
    for kicker in cards.locator(".card-kicker").all_inner_texts():
        assert "Tutoring" in kicker and "Tennessee" in kicker, kicker
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_no_page_type_moves_while_its_scripts_and_data_arrive(browser, site_url, viewport):
    """Every page type, with every script and JSON file answered late: what the scripts add or
    change must have its place from the first paint. (Benchmarks/scripts/layout-shift.py prints
    the same measure for every page type, with a longer delay.)"""
    moved = {}
    for name, path in sorted(PAGE_TYPES.items()):
        page = browser.new_context(viewport=viewport).new_page()
        on_a_slow_connection(page, "**/*.js", "**/*.json", delay_ms=300)
        page.goto(site_url + path, wait_until="commit")
        page.wait_for_load_state("networkidle", timeout=30000)
        page.wait_for_timeout(300)
        shift = page.evaluate("window.__cls")
        if shift >= 0.01:
            moved[name] = round(shift, 3)
        page.unroute_all(behavior="ignoreErrors")
        page.context.close()
    assert moved == {}


def test_words_typed_before_the_search_script_arrives_are_searched(browser, site_url):
    page = phone(browser)
    on_a_slow_connection(page, "**/assets/search.js")
    page.goto(site_url + "/search/", wait_until="commit")  # deferred scripts run before DOMContentLoaded
    page.fill("#search-input", "hotspots")
    assert page.locator("#search-results > li").count() == 0, "typed before the script arrived"
    page.wait_for_selector("#search-results > li", timeout=10000)
    assert "hotspots" in page.locator("#search-status").inner_text()
    assert "?q=hotspots" in page.url
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


SHARED = "?cases=nj-tutoring-corps,tennessee-all-corps"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("query", ["", SHARED], ids=["whole", "shared"])
def test_the_compare_page_does_not_jump_when_its_script_and_rows_arrive_late(browser, site_url, viewport, query):
    """The chooser is in the page as built, with the cases its script will list; a shared comparison
    (?cases=) is laid out for the side-by-side view before the first paint. So nothing on the first
    screen moves when the script, the facet index and the chosen rows arrive, each 800 ms late."""
    page = browser.new_context(viewport=viewport).new_page()
    on_a_slow_connection(page, "**/assets/*.js", "**/data/**")
    page.goto(site_url + "/compare/" + query, wait_until="commit")
    boxes = page.locator("#compare-options input[name=cases]")
    if not query:
        boxes.first.wait_for(timeout=10000)
        built = boxes.evaluate_all("bs => bs.map(b => b.value)")
    page.wait_for_selector("#compare-chooser[data-ready]", state="attached", timeout=15000)
    if query:
        page.locator("#compare-side table").wait_for(timeout=10000)
        assert page.locator("#compare-side").bounding_box()["y"] < page.locator("#compare-chooser").bounding_box()["y"]
        assert page.locator("#compare-all").is_hidden()
    else:
        assert boxes.evaluate_all("bs => bs.map(b => b.value)") == built, "the script lists what the page was built with"
        assert len(built) == 16 and page.locator("#compare-all").is_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") < 0.01
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


def test_cases_ticked_before_the_facet_index_arrives_are_compared(browser, site_url):
    page = phone(browser)
    on_a_slow_connection(page, "**/data/facets/**")
    page.goto(site_url + "/compare/", wait_until="domcontentloaded")
    page.check("input[value=nj-tutoring-corps]")
    page.check("input[value=tennessee-all-corps]")
    assert page.locator("#compare-chooser[data-ready]").count() == 0, "ticked before the index arrived"
    side = page.locator("#compare-side table")
    side.wait_for(timeout=10000)
    assert side.locator("thead th").all_inner_texts() == ["New Jersey Tutoring Corps", "TN ALL Corps: Tennessee's statewide tutoring match"]
    assert "cases=nj-tutoring-corps,tennessee-all-corps" in page.url
    assert page.locator("#compare-options input:checked").evaluate_all("bs => bs.map(b => b.value)") == ["nj-tutoring-corps", "tennessee-all-corps"]
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


def test_a_shared_comparison_whose_script_never_arrives_says_where_to_go(browser, site_url):
    """The page is laid out for the comparison before site.js runs; if it never does, the visitor
    is not left with an empty page."""
    page = phone(browser)
    page.route("**/assets/site.js", lambda route: route.abort())
    page.goto(site_url + "/compare/" + SHARED)
    note = page.locator("#compare-side .compare-waiting")
    assert note.is_visible() and "Loading the chosen case studies" in note.inner_text()
    assert page.locator("#compare-all").is_hidden()
    with page.expect_navigation():
        note.locator("a").click()
    assert page.url.endswith("/compare/")
    assert page.locator("#compare-all tbody tr:visible").count() == 16
    page.unroute_all(behavior="ignoreErrors")
    page.context.close()


def test_the_desktop_menu_has_every_main_page(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/report/")
    labels = page.locator("#site-menu a").all_inner_texts()
    assert all(name in labels for name in MAIN_PAGES), labels
    assert page.locator(".menu-button").is_hidden()
    assert page.locator("#site-menu a[aria-current=page]").inner_text() == "Report"


def test_source_links_are_big_enough_to_tap(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    refs = page.locator(".footnote-ref a")
    assert refs.count() >= 10
    for i in range(refs.count()):
        box = refs.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (i, box)
    page.context.close()


def test_every_page_has_the_icon(page, site_url):
    for name in ("home", "case", "not-found"):
        page.goto(site_url + PAGE_TYPES[name])
        href = page.locator("link[rel=icon]").get_attribute("href")
        with urllib.request.urlopen(site_url + href) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("image/svg+xml")
            assert b"<svg" in response.read()


# Phones: the case page ------------------------------------------------------------------------------

def test_a_case_on_a_phone_tells_its_story_before_every_figure(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    top = lambda selector: page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    # Key findings, then the story (its first heading within about three screens), then every figure.
    assert top("#key-findings") < top(".story h2") < top("#figures")
    assert top(".story h2") < 3.5 * PHONE["height"], top(".story h2")
    # The full set is reachable from the contents list, which says how many figures it holds.
    link = page.locator(".contents a[href='#figures']")
    assert re.fullmatch(r"All figures \(27\)", link.inner_text())
    link.click()
    assert abs(page.locator("#figures").bounding_box()["y"]) < 5
    # Compact: the 27 cards take less than half of what they did as full cards (about 12,000 px).
    assert page.locator("#figures").bounding_box()["height"] < 9000
    page.context.close()


def _pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-raw", f.name, "-"], capture_output=True, text=True, check=True).stdout


def test_a_printed_case_never_breaks_a_figure(page, site_url):
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    page.emulate_media(media="print")
    values = page.locator("#figures .figure-value").all_inner_texts()
    text = _pdf_text(page.pdf(format="Letter"))
    for value in values:
        assert value in text, value   # a value broken across two lines would not be found whole


# Phones and the desktop: compare and the table of every figure ----------------------------------------

CUT = """els => els.filter(e => { const r = e.getBoundingClientRect();
    return e.scrollWidth > e.clientWidth + 1 || r.left < 0 || r.right > document.documentElement.clientWidth + 0.5; })
  .map(e => e.textContent.trim().slice(0, 40))"""


def test_the_compare_table_fits_a_phone_as_cards(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/compare/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cells = page.locator("#compare-table tbody th, #compare-table tbody td")
    assert cells.count() == 16 * 7
    assert cells.evaluate_all(CUT) == []
    # Each value sits under its column's name.
    money = page.locator("#compare-table tbody tr").first.locator("td[data-label=Money]")
    assert money.evaluate("e => getComputedStyle(e, '::before').content") == '"Money"'
    page.context.close()


def test_a_shared_comparison_opens_on_the_comparison_on_a_phone(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/compare/?cases=nj-tutoring-corps,tennessee-all-corps")
    side = page.locator("#compare-side table")
    side.wait_for()
    # The comparison starts on the first screen, above the chooser, and nothing in it is cut.
    assert side.bounding_box()["y"] < PHONE["height"] - 100
    assert side.bounding_box()["y"] < page.locator("#compare-chooser").bounding_box()["y"]
    assert page.locator("#compare-side td, #compare-side tbody th").evaluate_all(CUT) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    cost = page.locator("#compare-side tbody tr", has=page.locator("th:text-is('Cost per student')"))
    labels = cost.locator("td").evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert labels == ['"New Jersey Tutoring Corps"', "\"TN ALL Corps: Tennessee's statewide tutoring match\""]
    page.context.close()


def test_the_figure_table_fits_a_phone(browser, site_url):
    page = phone(browser)
    page.goto(site_url + "/data/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    values = page.locator("#figure-table .figure-value")
    assert values.count() > 100
    assert values.evaluate_all(CUT) == []
    assert page.locator("#figure-table td").evaluate_all(CUT) == []
    # Sorting still works on a phone.
    page.click("#figure-table th >> text=Certainty")
    assert page.locator("#figure-table tbody tr").first.get_attribute("data-certainty") == "high"
    page.context.close()


def test_compare_fits_its_box_on_a_desktop(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/compare/")
    box = page.locator("#compare-all")
    assert page.locator("#compare-table").evaluate("t => t.scrollWidth") <= box.evaluate("b => b.clientWidth")
    heading = page.locator("#compare-table th:text-is('Headline results')").bounding_box()
    edge = box.bounding_box()
    assert heading["x"] + heading["width"] <= edge["x"] + edge["width"]
    page.goto(site_url + "/compare/?cases=nj-tutoring-corps,tennessee-all-corps,chicago-tutor-corps,baltimore-imentor")
    page.locator("#compare-side table").wait_for()
    assert page.locator("#compare-side table").evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")


# Print: the report --------------------------------------------------------------------------------

def _pages_text(pdf):
    """Each printed page's text, by pdftotext."""
    pages = _pdf_text(pdf).split("\f")
    return [p for p in pages if p.strip()] if pages[-1].strip() == "" else pages


SMALL_TEXT = """() => { const small = [];
  document.querySelectorAll('main *').forEach(e => {
    if (!e.getClientRects().length) return;
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
    const pt = parseFloat(getComputedStyle(e).fontSize) * 0.75;
    if (pt < 9.95) small.push(e.className + ' ' + pt.toFixed(1) + 'pt: ' + e.textContent.trim().slice(0, 30));
  }); return small; }"""


def test_the_report_prints_as_a_document_a_board_can_read(page, site_url):
    page.goto(site_url + "/report/")
    page.emulate_media(media="print")
    # Grouped by strategy: every case under the strategy it belongs to, in numbered sections.
    groups = page.locator(".report-group")
    assert groups.count() >= 5
    for i in range(groups.count()):
        group = groups.nth(i)
        title = group.locator(".report-group-title").inner_text().split(" ", 1)[1]
        for meta in group.locator(".report-meta").all_inner_texts():
            assert f" · {title} · " in meta, (title, meta)
    numbers = page.locator(".report-case h2 .toc-number").all_inner_texts()
    assert numbers[:2] == ["1.1", "1.2"] and len(numbers) == 16
    # The evidence scale is explained once, before the cases.
    assert page.locator(".report-key").count() == 1
    assert page.locator(".report-key-list dt").count() == 8
    # Each key figure with its source; no text under 10 pt.
    for row in page.locator(".report-figures tbody tr").all():
        assert row.locator(".report-figure-source").inner_text().strip()
    assert page.evaluate(SMALL_TEXT) == []
    values = page.locator(".report-figures .figure-value").all_inner_texts()

    pdf = page.pdf(format="Letter")
    pages = _pages_text(pdf)
    text = "\n".join(pages)
    # A cover with the address and the date, then the contents.
    assert "The showcase as a report" in pages[0] and "casebook.test/report/" in pages[0]
    assert "Content last updated" in pages[0] and "Printed" in pages[0]
    assert "Contents" in pages[1] and "1.1" in pages[1]
    # Page numbers at the foot of every page (Chromium has no target-counter for the contents).
    for n, body in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in body, n
    # No dead links in print, and no number broken across two lines.
    assert "Back to the contents" not in text
    for value in values:
        assert value in text, value
    # Every page after the cover and the contents, but the last, at least half full (it had seven
    # nearly empty pages).
    lines = [len([l for l in body.splitlines() if l.strip()]) for body in pages]
    full = max(lines)
    assert [n for n, count in enumerate(lines[2:-1], start=3) if count < full / 2] == [], lines
    assert len(pages) <= 40


def test_a_printed_case_has_no_text_under_the_print_minimum(page, site_url):
    # The story and the evidence at 10 pt; the compact figures and the source list may go to 8 pt.
    page.goto(site_url + "/case-studies/chicago-tutor-corps/")
    page.emulate_media(media="print")
    story = page.locator(".story p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize) * 0.75")
    assert story >= 9.95


# Data files and reuse -----------------------------------------------------------------------------

def test_the_csv_opens_right_in_a_spreadsheet_and_says_so(page, site_url):
    with urllib.request.urlopen(site_url + "/data/metrics.csv") as response:
        raw = response.read()
    assert raw.startswith(b"\xef\xbb\xbf")          # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "case_slug" and len(rows) > 100
    assert any("–" in cell or "→" in cell for row in rows for cell in row)  # the characters that were garbled
    page.goto(site_url + "/data/")
    notes = page.locator(".data-notes").inner_text()
    assert "byte-order mark" in notes and "Not published" in notes


def test_the_licence_is_on_the_data_page_in_the_footer_and_in_the_json(page, site_url):
    page.goto(site_url + "/data/")
    reuse = page.locator("#reuse a[rel=license]")
    name, url = reuse.inner_text(), reuse.get_attribute("href")
    assert name and url.startswith("https://")
    for path in ("/", "/case-studies/nj-tutoring-corps/", "/compare/"):
        page.goto(site_url + path)
        footer = page.locator(".site-footer a[rel=license]")
        assert footer.inner_text() == name and footer.get_attribute("href") == url
    with urllib.request.urlopen(site_url + "/data/case-studies.json") as response:
        import json
        assert json.load(response)["licence"] == {"name": name, "url": url}


def test_one_rule_for_absent_values_in_every_table(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "/compare/")
    # No blank cell: a value no source gave says "Not published", everywhere.
    blank = page.locator("#compare-table td").evaluate_all("tds => tds.filter(td => !td.textContent.trim()).length")
    assert blank == 0
    words = set(page.locator("#compare-table .not-published").all_inner_texts())
    assert words <= {"Not published", "Not rated"}, words
    assert "None published" not in page.locator("main").inner_text()
    page.goto(site_url + "/compare/?cases=houston-isd-ieducate,memphis-peer-power-success-coaches")
    page.locator("#compare-side table").wait_for()
    funding = page.locator("#compare-side tbody tr", has=page.locator("th:text-is('Funding')")).locator("td").all_inner_texts()
    assert all(cell.strip() for cell in funding), funding
    assert page.locator("#compare-side tbody td").evaluate_all("tds => tds.filter(td => !td.textContent.trim()).length") == 0
    page.goto(site_url + "/data/")
    assert page.locator("#figure-table td").evaluate_all("tds => tds.filter(td => !td.textContent.trim()).length") == 0
    page.close()


# Search -------------------------------------------------------------------------------------------

def _search(page, site_url, words):
    from playwright.sync_api import expect
    page.goto(site_url + "/search/")
    page.fill("#search-input", words)
    expect(page.locator("#search-status")).to_contain_text(words)
    return page.locator("#search-results > li")


def test_a_figure_snippet_shows_the_value(page, site_url):
    results = _search(page, site_url, "cost per student")
    snippet = results.first.locator(".search-snippet").inner_text()
    # "Cost per student, Peer Power's own estimate: $200", not the label twice without its value.
    assert re.search(r"[Cc]ost per student[^;]*: \$[\d,]+", snippet), snippet


def test_cases_come_before_site_pages_for_the_same_match(page, site_url):
    results = _search(page, site_url, "mentoring")  # few enough results to see them all at once
    kinds = [r.locator(".search-facts").inner_text() for r in results.all()]
    pages = [i for i, kind in enumerate(kinds) if kind == "Page"]
    cases = [i for i, kind in enumerate(kinds) if kind not in ("Page", "List of case studies")]
    assert pages and cases
    assert max(cases) < min(pages), kinds  # every case that says it, even only in its story, comes first


def test_strategy_and_state_lists_are_found_by_name(page, site_url):
    for words, path in (("Mentoring", "/strategies/mentoring/"), ("Tennessee", "/states/tn/"), ("digital access", "/strategies/digital-access/")):
        results = _search(page, site_url, words)
        first = results.first
        assert first.locator(".search-facts").inner_text() == "List of case studies", words
        assert first.locator("h2 a").get_attribute("href") == path
        first.locator("h2 a").click()
        assert page.locator("h1").inner_text().lower() == words.lower()


def test_a_heading_does_not_run_into_the_text_in_a_snippet(page, site_url):
    results = _search(page, site_url, "headquartered")
    snippet = results.first.locator(".search-snippet").inner_text()
    assert "What it is. iMentor" in snippet and "What it is iMentor" not in snippet, snippet
