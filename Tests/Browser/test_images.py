"""A case study with a large photo, published as responsive images: at 360 px the browser fetches
the 480-pixel copy and at 1280 px the 960 one (WebP), and nothing on the page moves when the
pictures arrive late (Cumulative Layout Shift 0, with every picture's response held back so the page
is laid out before it comes). A copy of the page without `width`/`height` must shift, so the check
can fail."""
import os
import re
import shutil
import struct
import subprocess
import tempfile
import functools
import http.server
import threading
import time
import zlib

import pytest

from serve import SiteHandler

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CASEBOOK = os.environ.get("CASEBOOK_BIN", os.path.join(REPO, ".build", "debug", "casebook"))
CASE = "content/case-studies/nj-tutoring-corps.md"
PAGE = "/case-studies/nj-tutoring-corps/"
HEADER = 'picture.case-image img'
STORY = 'img[alt="Tutors at a table with students"]'

# Sums every layout shift not caused by input.
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: 'layout-shift', buffered: true});
"""


def photo_png(path, width=4000, height=3000):
    """A 4000 x 3000 RGB PNG (a colour pattern), written with zlib alone."""
    reds = bytes(x * 255 // width for x in range(width))
    blues = bytes(i & 255 for i in range(width + 256))
    rows = bytearray()
    for y in range(height):
        row = bytearray(3 * width)
        row[0::3], row[1::3], row[2::3] = reds, bytes([y * 255 // height]) * width, blues[y & 255:(y & 255) + width]
        rows += b"\0" + row
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def photo_site():
    root = tempfile.mkdtemp(prefix="casebook-images-")
    for folder in ("content", "templates"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(root, folder))
    os.makedirs(os.path.join(root, "content", "images"))
    photo_png(os.path.join(root, "content", "images", "tutoring-photo.png"))
    path = os.path.join(root, CASE)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^date: ", "image: {src: tutoring-photo.png, alt: A tutor with two students}\ndate: ", text, count=1, flags=re.M)
    # The story's picture well below the first screen, so it is fetched lazily as the reader scrolls.
    text += "\n![Tutors at a table with students](/images/tutoring-photo.png)\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    output = os.path.join(root, "public")
    subprocess.run([CASEBOOK, "build", "--root", root, "--output", output, "--base-url", "https://casebook.test/",
                    "--contact", "editors@casebook.test"], check=True, capture_output=True)
    # The control: the same page with its pictures' width and height taken out.
    with open(os.path.join(output, PAGE.strip("/"), "index.html"), encoding="utf-8") as f:
        unsized = re.sub(r'(<img [^>]*?) width="\d+" height="\d+"', r"\1", f.read())
    os.makedirs(os.path.join(output, "unsized"))
    with open(os.path.join(output, "unsized", "index.html"), "w", encoding="utf-8") as f:
        f.write(unsized)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(LatePictures, directory=output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


class LatePictures(SiteHandler):
    """The site's test server, answering for a picture only after 600 ms, so the page is laid out
    before any picture arrives (held back by the server: routing requests through Playwright would
    delay the site's scripts too)."""

    def do_GET(self):
        if self.path.startswith("/images/"):
            time.sleep(0.6)
        super().do_GET()


def open_case(browser, url, width, path=PAGE):
    """The case page at `width` CSS pixels (device pixel ratio 1): the pictures' boxes as laid out
    before any picture arrived, then each picture scrolled into view and waited for (both are below
    the first screen and lazy, so each loads while it is on screen: a picture whose space was not
    kept would push what follows it down in view). Layout shifts are counted from the start (the
    phone menu is folded from the first paint: test_visitor.py's late-script test)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    page.add_init_script(CLS_OBSERVER)
    page.goto(url + path, wait_until="domcontentloaded")
    before = {selector: page.locator(selector).bounding_box() for selector in (HEADER, STORY)}
    page.wait_for_timeout(300)
    assert not page.eval_on_selector(HEADER, "img => img.complete && img.naturalWidth > 0"), "no picture is held back"
    for selector in (HEADER, STORY):
        page.locator(selector).scroll_into_view_if_needed()
        loaded(page, selector)
    page.wait_for_timeout(300)
    return context, page, before


def loaded(page, selector):
    """Waits until the picture has arrived (polled from here: the site's CSP forbids the page-side eval
    that wait_for_function uses)."""
    for _ in range(100):
        if page.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 0"):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{selector} never loaded")


def copy_width(page, selector):
    src = page.eval_on_selector(selector, "img => img.currentSrc")
    found = re.search(r"/images/tutoring-photo-(\d+)-[0-9a-f]{16}\.(webp|png)$", src)
    assert found, src
    return int(found.group(1)), found.group(2)


def test_a_phone_gets_the_smallest_copy_and_nothing_moves(browser, photo_site):
    context, page, before = open_case(browser, photo_site, 360)
    assert copy_width(page, HEADER) == (480, "webp")
    assert copy_width(page, STORY) == (480, "webp")
    assert page.eval_on_selector(HEADER, "img => img.loading") == "lazy"
    assert page.eval_on_selector(STORY, "img => img.loading") == "lazy"
    # Before any picture arrived, each had its box: the column's width, in the photo's proportions.
    for selector in (HEADER, STORY):
        box = before[selector]
        assert 300 <= box["width"] <= 360 and abs(box["height"] - box["width"] * 0.75) < 1.5, box
        assert page.locator(selector).bounding_box()["height"] == box["height"]
    assert page.evaluate("window.__cls") == 0
    context.close()


def test_a_wide_screen_gets_a_larger_copy_and_nothing_moves(browser, photo_site):
    context, page, before = open_case(browser, photo_site, 1280)
    assert copy_width(page, HEADER) == (960, "webp")
    assert copy_width(page, STORY) == (960, "webp")
    assert abs(before[HEADER]["height"] - before[HEADER]["width"] * 0.75) < 1.5, before
    assert page.evaluate("window.__cls") == 0
    context.close()


def test_the_layout_shift_check_catches_pictures_without_their_size(browser, photo_site):
    context, page, before = open_case(browser, photo_site, 360, path="/unsized/")
    assert before[HEADER]["height"] < 10, before
    assert page.evaluate("window.__cls") > 0.05
    context.close()
