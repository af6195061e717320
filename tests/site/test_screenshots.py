"""A full-page screenshot of every page at a desktop width and at a phone width, for review.

Saved as ``_build/screenshots/<page path with / as _>-<width>.png`` (SCREENSHOT_DIR overrides
the folder). Each test also checks the picture is a real page: a PNG as tall as the page.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

WIDTHS = {1366: 900, 390: 844}


@pytest.fixture(scope="module", params=sorted(WIDTHS), ids=lambda w: f"{w}px")
def sized_context(request, browser, site_url):
    width = request.param
    context = browser.new_context(
        viewport={"width": width, "height": WIDTHS[width]}, is_mobile=width < 800
    )
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    yield width, context
    context.close()


def test_screenshot_of_every_page(sized_context, site_url, toc_page, screenshot_dir):
    width, context = sized_context
    page = context.new_page()
    try:
        page.goto(urljoin(site_url, toc_page.html), wait_until="load")
        if page.evaluate("document.querySelectorAll('.math').length") > 0:
            page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("MathJax.startup.promise")
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        height = page.evaluate("document.documentElement.scrollHeight")
        path = screenshot_dir / f"{toc_page.docname.replace('/', '_')}-{width}.png"
        png = page.screenshot(path=str(path), full_page=True)
    finally:
        page.close()
    assert png[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    shot_height = int.from_bytes(png[20:24], "big")
    assert shot_height >= min(height, 16_000) * 0.9, (
        f"{path}: the screenshot is {shot_height}px tall, the page {height}px"
    )
