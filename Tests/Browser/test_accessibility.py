"""axe-core on every page type, and screenshots of each at phone and desktop width."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PAGE_TYPES


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_axe_violations(browser, site_url, name, scheme):
    # Both colour schemes: the dark one (prefers-color-scheme) must stay AA as well.
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    result = Axe().run(page)
    context.close()
    assert result.violations_count == 0, result.generate_report()


def test_dark_scheme_is_really_dark(browser, site_url):
    # The check above would pass on a site with no dark scheme at all; this one would not.
    for scheme, dark in (("light", False), ("dark", True)):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + "/case-studies/nj-tutoring-corps/")
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
        assert (sum(channels) / 3 < 60) == dark, (scheme, rgb)
        context.close()


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_screenshots(browser, site_url, screenshot_dir, name):
    for label, width in (("phone", 375), ("desktop", 1280)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(site_url + PAGE_TYPES[name])
        page.screenshot(path=f"{screenshot_dir}/{name}-{label}.png", full_page=True)
        page.close()


def test_no_axe_violations_in_search_results(browser, site_url, screenshot_dir):
    for label, width in (("phone", 375), ("desktop", 1280)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(site_url + "/search/?q=cost%20per%20student")
        page.locator("#search-results > li").first.wait_for()
        result = Axe().run(page)
        assert result.violations_count == 0, result.generate_report()
        page.screenshot(path=f"{screenshot_dir}/search-results-{label}.png", full_page=True)
        page.close()
