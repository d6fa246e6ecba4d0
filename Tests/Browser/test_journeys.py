"""What a visitor does, in a real browser (Debian's Chromium driven by Playwright)."""
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import PAGE_TYPES, open_case_index


def test_home_to_strategy_to_case_to_source(page, site_url):
    page.goto(site_url + "/")
    page.click(".ways-in a:text-is('Tutoring')")
    assert page.locator("h1").inner_text() == "Tutoring"
    page.click(".card-title >> text=New Jersey Tutoring Corps")
    assert page.locator("h1").inner_text() == "New Jersey Tutoring Corps"
    footnote = page.locator(".footnote-ref a").first
    target = footnote.get_attribute("href")
    footnote.click()
    assert page.url.endswith(target)
    source = page.locator(target)
    assert source.is_visible()
    assert source.locator("a").first.get_attribute("href").startswith("https://")


def test_home_to_state_map_to_state_to_case(page, site_url):
    page.goto(site_url + "/")
    page.click('.state-map a[aria-label^="Tennessee"]')
    assert page.locator("h1").inner_text() == "Tennessee"
    page.click(".card-title >> text=TN ALL Corps")
    assert "TN ALL Corps" in page.locator("h1").inner_text()


def test_search_by_program_name(page, site_url):
    page.goto(site_url + "/search/")
    page.fill("#search-input", "peer power")
    page.wait_for_selector("#search-results li")
    page.click("#search-results li a >> nth=0")
    assert "Peer Power" in page.locator("h1").inner_text()


def search(page, site_url, words):
    """Types `words` into the search page and waits for the answer; returns the result titles."""
    page.goto(site_url + "/search/")
    page.fill("#search-input", words)
    expect(page.locator("#search-status")).to_contain_text(words)
    return page.locator("#search-results > li h2").all_inner_texts()


def check_results_show_place_strategy_evidence(page, marked=".search-snippet mark"):
    results = page.locator("#search-results > li")
    assert results.count() >= 1
    for i in range(results.count()):
        result = results.nth(i)
        for field in ("place", "strategy", "evidence"):
            assert result.locator(f"[data-field={field}]").inner_text().split(": ", 1)[1].strip(), (i, field)
        assert result.locator(".search-snippet").inner_text().strip(), i
        assert result.locator(marked).count() >= 1, i


def test_search_cost_per_student_finds_the_cases_with_that_figure(page, site_url):
    titles = search(page, site_url, "cost per student")
    # The two programs that publish a cost per student come first (stories that only mention one follow).
    assert set(titles[:2]) == {"Memphis Model: Peer Power Success Coaches", "TN ALL Corps: Tennessee's statewide tutoring match"}
    first = page.locator("#search-results > li").first
    marks = [m.lower() for m in first.locator(".search-snippet mark").all_inner_texts()]
    assert "cost" in marks and "per" in marks, marks
    check_results_show_place_strategy_evidence(page)


def test_search_state_code_and_name_find_the_texas_cases(page, site_url):
    texas = {"Ector County ISD outcomes-based tutoring", "Houston ISD and iEducate: students as tutors"}
    assert set(search(page, site_url, "tx")) == texas
    for i in range(2):
        place = page.locator("#search-results > li").nth(i).locator("[data-field=place]")
        assert "Texas" in place.inner_text()
        assert place.locator("mark").inner_text() == "Texas"  # the code's state, marked
    check_results_show_place_strategy_evidence(page, marked="mark")
    titles = search(page, site_url, "Texas")
    # The list of Texas's cases first (found by its name), then the two cases; a case that only
    # mentions a study in Texas comes after them.
    assert titles[0] == "Texas" and set(titles[1:3]) == texas
    results = page.locator("#search-results > li")
    assert results.first.locator(".search-facts").inner_text() == "List of case studies"
    for i in range(1, results.count()):  # the cases each show place, strategy and evidence
        result = results.nth(i)
        for field in ("place", "strategy", "evidence"):
            assert result.locator(f"[data-field={field}]").inner_text().split(": ", 1)[1].strip(), (i, field)
        assert result.locator(".search-snippet mark").count() >= 1, i


def test_search_finds_a_word_only_in_a_story_and_marks_it(page, site_url):
    titles = search(page, site_url, "hotspots")
    assert titles == ["Los Angeles Unified and Verizon: internet access for students at home"]
    mark = page.locator("#search-results .search-snippet mark").first
    assert mark.inner_text().lower() == "hotspots"
    check_results_show_place_strategy_evidence(page)
    # The address holds the query: opening it again shows the same results.
    assert "?q=hotspots" in page.url
    page.goto(page.url)
    page.wait_for_selector("#search-results > li")
    assert page.locator("#search-results > li h2").all_inner_texts() == titles
    assert page.input_value("#search-input") == "hotspots"


def test_search_fetches_only_part_of_the_index_from_this_site(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    search(page, site_url, "tutoring")
    assert requests and all(url.startswith(site_url) for url in requests), requests
    index = [url for url in requests if "/search-index/" in url]
    assert any(url.endswith("/search-index/manifest.json") for url in index)
    docs = [url for url in index if "/docs/" in url]
    # Documents come in shards of consecutive cases: ten results fetch at most ten shards, never the whole index.
    assert 0 < len(docs) <= 10
    assert "search.js" in " ".join(requests)
    shown = page.locator("#search-results > li").count()
    assert 0 < shown <= 10
    if page.locator("#search-more").is_visible():
        page.click("#search-more")
        page.locator("#search-results > li").nth(shown).wait_for()


def test_search_without_javascript_says_how_to_browse(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/search/?q=tutoring")
    assert "browse every case study" in page.locator("main").inner_text()
    page.click("main a:text('browse every case study')")
    assert page.url.endswith("/case-studies/")
    context.close()


def test_filter_index_with_javascript(page, site_url):
    open_case_index(page, site_url + "/case-studies/")
    total = page.locator("#case-list .card:visible").count()
    page.select_option("#filter-strategy", "tutoring")
    tutoring = page.locator("#case-list .card:visible").count()
    page.select_option("#filter-state", "tn")
    both = page.locator("#case-list .card:visible").count()
    assert total > tutoring > both >= 1
    assert "strategy=tutoring" in page.url and "state=tn" in page.url
    assert page.locator("#result-number").inner_text() == str(both)
    # The filter state lives in the URL: reloading it shows the same list, once the facet index has
    # loaded (until then the list is hidden, never shown unfiltered).
    open_case_index(page, page.url)
    assert page.locator("#case-list .card:visible").count() == both
    # One filter system: the browse links are the no-JavaScript fallback.
    assert page.locator("#browse").is_hidden()


def test_index_counts_follow_the_filters_and_sort(page, site_url):
    open_case_index(page, site_url + "/case-studies/")
    page.select_option("#filter-strategy", "tutoring")
    # Each state option now counts tutoring cases only; states without one cannot be chosen.
    options = page.locator("#filter-state option").all()
    for option in options[1:]:
        label = option.inner_text()
        count = int(label.rsplit("(", 1)[1].rstrip(")"))
        assert option.is_disabled() == (count == 0), label
        if count:
            page.select_option("#filter-state", option.get_attribute("value"))
            assert page.locator("#case-list .card:visible").count() == count, label
            page.select_option("#filter-state", "")
    page.select_option("#filter-strategy", "summer-learning")
    assert page.locator("#result-count").inner_text() == "1 case study"
    # Sorting by students reached puts the largest headline count first.
    page.select_option("#filter-strategy", "")
    page.select_option("#sort-cases", "students")
    counts = [float(c.get_attribute("data-students")) for c in page.locator("#case-list .card").all()
              if c.get_attribute("data-students")]
    assert counts == sorted(counts, reverse=True) and len(counts) >= 3
    assert "sort=students" in page.url


def test_index_results_stay_in_view_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    open_case_index(page, site_url + "/case-studies/")
    page.select_option("#filter-strategy", "tutoring")
    count = page.locator("#result-count").bounding_box()
    first = page.locator("#case-list .card:visible").first.bounding_box()
    assert count["y"] + count["height"] <= 740
    assert first["y"] < 740 + 200, "the first result starts right under the filters"
    page.close()


def test_filter_index_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/case-studies/")
    assert page.locator("#filters").is_hidden()
    page.click("#browse summary")
    page.click("#browse >> text=Digital access")
    assert page.locator("h1").inner_text() == "Digital access"
    page.click("text=States")
    page.click("#main .strategy-grid >> text=Tennessee")
    assert page.locator("h1").inner_text() == "Tennessee"
    assert page.locator(".card").count() >= 2
    context.close()


def test_unknown_url_gets_the_helpful_404(page, site_url):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(site_url + "/no/such/page/")
    assert error.value.code == 404
    page.goto(site_url + "/no/such/page/")
    assert page.locator("h1").inner_text() == "We could not find that page"
    page.click("text=Browse all case studies")
    assert page.locator("h1").inner_text() == "Case studies"


def test_every_page_type_fits_a_phone(browser, site_url):
    # Wide tables scroll inside their own region; nothing else may push the page sideways.
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for name, path in sorted(PAGE_TYPES.items()):
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
    page.close()


def test_find_the_programs_with_a_randomized_study(page, site_url):
    # (Was the comparison-group listing: since the content was re-checked no case is rated so, only
    # studies of the same model elsewhere, and the home page lists only ratings some case has.)
    page.goto(site_url + "/")
    page.click(".ways-in a:text-is('Randomized study')")
    assert page.locator("h1").inner_text() == "Randomized study"
    titles = page.locator(".card-title").all_inner_texts()
    assert titles, "the listing shows the cases rated randomized"
    # Every card on the listing carries the same rating, in the evidence badge's own words.
    badges = page.locator(".card .evidence-design").all_inner_texts()
    assert badges == ["Randomized"] * len(titles)
    # The index filter finds the same cases, and keeps the choice in the URL.
    open_case_index(page, site_url + "/case-studies/")
    page.select_option("#filter-evidence", "randomized")
    assert "evidence=randomized" in page.url
    assert sorted(page.locator("#case-list .card:visible .card-title").all_inner_texts()) == sorted(titles)


def test_compare_two_tutoring_programs_cost_per_student(page, site_url):
    page.goto(site_url + "/compare/")
    page.wait_for_selector("#compare-chooser[data-ready]", state="attached")
    # The chooser lists a few cases at a time: find each by name first.
    page.fill("#compare-search", "new jersey")
    page.check("input[value=nj-tutoring-corps]")
    page.fill("#compare-search", "tennessee")
    page.check("input[value=tennessee-all-corps]")
    assert "cases=nj-tutoring-corps,tennessee-all-corps" in page.url
    side = page.locator("#compare-side table")
    assert side.is_visible() and page.locator("#compare-all").is_hidden()
    headers = side.locator("thead th").all_inner_texts()
    assert headers == ["New Jersey Tutoring Corps", "TN ALL Corps: Tennessee's statewide tutoring match"]
    cost = side.locator("tbody tr", has=page.locator("th:text-is('Cost per student')"))
    cells = cost.locator("td").all_inner_texts()
    assert cells[0] == "Not published"             # no source gives NJ's cost per student
    link = cost.locator("td >> nth=1").locator("a").first
    amount = link.inner_text()
    assert amount.startswith("$")                   # Tennessee's comes from a source
    target = link.get_attribute("href")
    link.click()
    assert page.url.endswith(target.split("/")[-1])
    figure = page.locator("#" + target.split("#")[1])
    assert figure.is_visible() and amount in figure.inner_text()
    # A shared link restores the same comparison.
    page.goto(site_url + "/compare/?cases=nj-tutoring-corps,tennessee-all-corps")
    page.locator("#compare-side table").wait_for()  # its rows are fetched after the page loads
    assert page.locator("#compare-side thead th").count() == 2


def test_compare_without_javascript_is_the_full_table(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/compare/?cases=nj-tutoring-corps,tennessee-all-corps")
    assert page.locator("#compare-chooser").is_hidden()
    assert page.locator("#compare-all tbody tr").count() == 16
    assert page.locator("#compare-all tbody tr:visible").count() == 16
    context.close()


def test_link_to_one_figure(page, site_url):
    page.goto(site_url + "/data/")
    page.fill("#figure-filter", "cost per student")
    rows = page.locator("#figure-table tbody tr:visible")
    assert rows.count() >= 1
    assert all("cost per student" in text.lower() for text in rows.all_inner_texts())
    link = rows.first.locator("td >> nth=1").locator("a")
    label = link.inner_text()
    href = link.get_attribute("href")
    assert "#figure-" in href
    # The link works on its own, as a visitor would paste it.
    page.goto(site_url + href)
    figure = page.locator(":target")
    assert figure.is_visible()
    assert label in figure.inner_text()
    assert figure.evaluate("el => el.getBoundingClientRect().top") < 200


def test_figure_table_sorts(page, site_url):
    page.goto(site_url + "/data/")
    page.click("#figure-table th >> text=Certainty")
    first = page.locator("#figure-table tbody tr").first.get_attribute("data-certainty")
    page.click("#figure-table th >> text=Certainty")
    last_first = page.locator("#figure-table tbody tr").first.get_attribute("data-certainty")
    assert (first, last_first) == ("high", "low")


def test_key_findings_without_scrolling_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for slug in ("nj-tutoring-corps", "chicago-tutor-corps", "lausd-grab-and-go-meals"):
        page.goto(site_url + f"/case-studies/{slug}/")
        badge = page.locator(".case-header .evidence-badge")
        figure = page.locator(".key-figures li").first
        for element in (badge, figure):
            box = element.bounding_box()
            assert box and box["y"] + box["height"] <= 740, slug
    page.close()


def test_chart_text_is_readable_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + "/data/")
    body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"))
    sizes = page.evaluate("Array.from(document.querySelectorAll('.chart .bar-text')).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= body - 0.5, (sizes, body)
    # Charts come before the long tables, each with its title above it.
    assert page.locator("#charts-heading").bounding_box()["y"] < page.locator("#every-figure").bounding_box()["y"]
    title = page.locator("#chart-students-served .chart-title").bounding_box()
    first_bar = page.locator("#chart-students-served .bar-track").first.bounding_box()
    assert title["y"] < first_bar["y"]
    page.close()


def _pdf_pages(page):
    # The page tree's /Count: how many pages the printed document has.
    counts = [int(n) for n in re.findall(rb"/Count (\d+)", page.pdf(format="Letter"))]
    return max(counts)


def test_a_case_prints_as_a_short_brief(page, site_url):
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    page.emulate_media(media="print")
    header = page.locator(".print-header")
    assert header.is_visible()
    assert "casebook.test/case-studies/nj-tutoring-corps/" in header.inner_text()
    assert "printed" in header.inner_text()
    assert page.locator(".site-header").is_hidden()
    assert page.locator("#key-findings").is_visible() and page.locator("#evidence").is_visible()
    # Every figure prints (27 on this page), compact, with its source's number.
    figures = page.locator("#figures .metric")
    assert figures.count() == 27
    assert page.locator("#figures .metric:visible").count() == 27
    assert _pdf_pages(page) <= 5   # nine before the print styles; two when they dropped every figure


def test_every_case_prints_on_a_few_pages(page, site_url):
    page.goto(site_url + "/case-studies/")
    slugs = [href.strip("/").split("/")[-1] for href in
             page.locator("#case-list .card-title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    assert len(slugs) == 16
    for slug in slugs:
        page.goto(site_url + f"/case-studies/{slug}/")
        page.emulate_media(media="print")
        assert page.locator("#figures .metric:visible").count() == page.locator("#figures .metric").count() > 0, slug
        assert _pdf_pages(page) <= 5, slug


def test_the_report_prints_every_case(page, site_url):
    page.goto(site_url + "/")
    page.click("text=The whole showcase as one printable report")
    assert page.locator("h1").inner_text() == "The showcase as a report"
    cases = page.locator(".report-case").count()
    assert cases == 16 == page.locator(".report-contents li li").count()
    assert page.locator("[data-print]").is_visible()


def test_the_citation_can_be_copied(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    page.click("text=Copy the citation")
    page.wait_for_selector("text=Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#citation-text").inner_text().strip()
    assert "casebook.test/case-studies/nj-tutoring-corps/" in copied
    context.close()


def test_readers_can_reach_the_editors(page, site_url):
    page.goto(site_url + "/methodology/")
    assert page.locator(".site-footer a[href^='mailto:']").count() == 1
    assert page.locator("#contact a[href^='mailto:']").is_visible()
    # The strategies-and-roles table is made by the build, not typed as pipes.
    assert page.locator(".strategy-table tbody tr").count() == 10
    assert "|---" not in page.locator("main").inner_text()
