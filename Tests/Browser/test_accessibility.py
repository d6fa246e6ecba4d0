"""axe-core on every page type, and screenshots of each at phone and desktop width."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PAGE_TYPES


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_axe_violations(page, site_url, name):
    page.goto(site_url + PAGE_TYPES[name])
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


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
