"""The exercises for thought as a reader meets them: numbered, with solutions folded away.

tests/unit/test_book_exercises.py checks the sources; this checks what the built site shows.
"""

from __future__ import annotations

import re

import pytest

PAGE = "book/optimizers/gradient-descent.html"  # its solutions hold text, code and output


def test_every_notebook_page_shows_numbered_exercises_and_folded_solutions(site_dir, toc):
    notebooks = [p.html for p in toc if p.source.suffix == ".md"
                 and "\nkernelspec:" in p.source.read_text(encoding="utf-8")]
    assert len(notebooks) >= 17
    problems = []
    for html in notebooks:
        text = (site_dir / html).read_text(encoding="utf-8")
        numbers = re.findall(r'class="caption-number">Exercise (\d+\.\d+)', text)
        folded = len(re.findall(r'class="solution dropdown admonition"', text))
        if len(numbers) < 2 or folded < len(numbers):
            problems.append(f"{html}: exercises {numbers}, {folded} folded solutions")
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_load_state("load")
    yield page
    context.close()


def test_a_solution_opens_when_the_reader_clicks_it(page):
    solution = page.locator("div.solution.dropdown").first
    body = solution.locator(".highlight").first  # the solution's code cell
    assert page.get_by_text(re.compile(r"^Exercise \d+\.1")).first.is_visible()
    assert not body.is_visible(), "the solution is open before the reader asks for it"
    solution.locator(".admonition-title").click()
    body.wait_for(state="visible", timeout=5000)
    assert "f_grad" in body.inner_text()


def test_a_tap_on_a_solutions_bar_opens_it_on_a_phone(browser, site_url):
    """On a phone the bar's "Exercise N" link filled most of it: a tap on the bar jumped to the
    exercise above instead of opening the solution (found by a reader, session 27)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)  # fmt: skip
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        page.wait_for_load_state("load")
        solution = page.locator("div.solution.dropdown").first
        title = solution.locator(".admonition-title")
        title.scroll_into_view_if_needed()
        box = title.bounding_box()
        link = title.locator("a").bounding_box()
        assert link and box, "the bar or its link is not shown"
        # where the link is: the middle of the link's own text
        page.touchscreen.tap(link["x"] + link["width"] / 2, link["y"] + link["height"] / 2)
        body = solution.locator(".highlight").first
        body.wait_for(state="visible", timeout=5000)
        assert "#" not in page.url, f"the tap followed the link: {page.url}"
    finally:
        context.close()
