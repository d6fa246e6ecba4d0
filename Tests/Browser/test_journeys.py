"""What a visitor does, in a real browser (Debian's Chromium driven by Playwright)."""
import urllib.error
import urllib.request

import pytest


def test_home_to_strategy_to_case_to_source(page, site_url):
    page.goto(site_url + "/")
    page.click(".strategy-grid >> text=Tutoring")
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


def test_filter_index_with_javascript(page, site_url):
    page.goto(site_url + "/case-studies/")
    total = page.locator("#case-list .card:visible").count()
    page.select_option("#filter-strategy", "tutoring")
    tutoring = page.locator("#case-list .card:visible").count()
    page.select_option("#filter-state", "tn")
    both = page.locator("#case-list .card:visible").count()
    assert total > tutoring > both >= 1
    assert "strategy=tutoring" in page.url and "state=tn" in page.url
    assert page.locator("#result-number").inner_text() == str(both)
    # The filter state lives in the URL: reloading it shows the same list.
    page.goto(page.url)
    assert page.locator("#case-list .card:visible").count() == both


def test_filter_index_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/case-studies/")
    assert page.locator("#filters").is_hidden()
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


def test_case_page_fits_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + "/case-studies/nj-tutoring-corps/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
