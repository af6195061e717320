"""A full-page screenshot of every page at a desktop width and at a phone width, for review.

Saved as ``_build/screenshots/<page path with / as _>-<width>.png`` (SCREENSHOT_DIR overrides
the folder). Each test also checks the picture is a real page: a PNG as tall as the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SCREENSHOTS, VIEWPORTS, probe


@probe(widths=sorted(VIEWPORTS), order=30)
def full_page_screenshot(page, toc_page, width, mode) -> tuple[Path, int, bytes]:
    """Save the settled page's full-page screenshot: (its path, the page's height in CSS px,
    the PNG's first 24 bytes: signature and header, which holds the picture's height)."""
    height = page.evaluate("document.documentElement.scrollHeight")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{toc_page.docname.replace('/', '_')}-{width}.png"
    png = page.screenshot(path=str(path), full_page=True)
    return path, height, png[:24]


@pytest.mark.parametrize("width", sorted(VIEWPORTS), ids=lambda w: f"{w}px")
def test_screenshot_of_every_page(seen, toc_page, width):
    path, height, png = seen(full_page_screenshot, toc_page, width)
    assert png[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    shot_height = int.from_bytes(png[20:24], "big")
    assert shot_height >= min(height, 16_000) * 0.9, (
        f"{path}: the screenshot is {shot_height}px tall, the page {height}px"
    )
