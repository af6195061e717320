"""The ☰ button as a reader uses it, and the course title on a phone.

At 390x844, on every page of the table of contents: press the visible ☰, see the chapter list,
follow a link. On a phone the course title shows in the header. At 1366x900 there is one
visible ☰, and it hides the sidebar and brings it back (not a pop-up dialog).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

_VISIBLE_TOGGLE = "button.primary-toggle:visible"
_CHAPTER_LINKS = "nav.bd-docs-nav a.reference.internal:visible"


@pytest.fixture(scope="module")
def phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    yield context
    context.close()


def test_phone_menu_opens_and_its_links_work(phone, site_url, toc_page, toc):
    page = phone.new_page()
    try:
        page.goto(urljoin(site_url, toc_page.html), wait_until="load")
        assert page.locator(_CHAPTER_LINKS).count() == 0, (
            f"{toc_page.html}: at 390px the chapter list shows before ☰ is pressed"
        )
        toggles = page.locator(_VISIBLE_TOGGLE)
        assert toggles.count() >= 1, f"{toc_page.html}: no visible ☰ button at 390px"
        toggles.first.click()
        links = page.locator(_CHAPTER_LINKS)
        try:
            links.first.wait_for(state="visible", timeout=5_000)
        except Exception:  # noqa: BLE001 - report it as the reader sees it
            pytest.fail(f"{toc_page.html}: pressing ☰ at 390px shows no chapter list")
        # Follow a link to another page of the book.
        target = next(p for p in toc if p != toc_page)
        link = page.locator(f"nav.bd-docs-nav a[href$='{target.html.split('/')[-1]}']:visible")
        assert link.count() >= 1, f"{toc_page.html}: the open menu has no link to {target.html}"
        link.first.click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0].endswith(target.html), (
            f"{toc_page.html}: following the menu's link to {target.html} went to {page.url}"
        )
    finally:
        page.close()


def test_phone_shows_the_course_title(phone, site_url, toc):
    """On a phone the sidebar (which carries the title) is hidden: the header shows the title."""
    config = Path(__file__).resolve().parents[2] / "_config.yml"
    title = yaml.safe_load(config.read_text(encoding="utf-8"))["title"]
    for toc_page in (toc[0], toc[len(toc) // 2]):
        page = phone.new_page()
        try:
            page.goto(urljoin(site_url, toc_page.html), wait_until="load")
            shown = page.get_by_text(title, exact=True).locator("visible=true")
            assert shown.count() >= 1, f"{toc_page.html}: the course title is not shown at 390px"
            box = shown.first.bounding_box()
            assert box and box["y"] < 120 and box["x"] + box["width"] <= 390, (
                f"{toc_page.html}: the course title is not in the header at 390px ({box})"
            )
            clipped = shown.first.evaluate("e => e.scrollWidth > e.clientWidth + 1")
            assert not clipped, f"{toc_page.html}: the course title is cut off at 390px"
        finally:
            page.close()


@pytest.fixture(scope="module")
def desktop(browser, site_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    yield context
    context.close()


def _sidebar_shown(page) -> bool:
    """The chapter list is on screen: visible and not slid off to the left."""
    return page.evaluate(
        """() => {
          const nav = document.querySelector('.bd-sidebar-primary');
          const r = nav.getBoundingClientRect();
          return getComputedStyle(nav).visibility !== 'hidden' && r.width > 0 && r.right > 0;
        }"""
    )


def test_desktop_toggle_hides_and_shows_the_sidebar(desktop, site_url, toc):
    page = desktop.new_page()
    try:
        page.goto(urljoin(site_url, toc[1].html), wait_until="load")
        assert _sidebar_shown(page), "at 1366px the chapter list is not shown on arrival"
        toggles = page.locator(_VISIBLE_TOGGLE)
        assert toggles.count() == 1, f"at 1366px {toggles.count()} ☰ buttons are visible"
        toggles.first.click()
        page.wait_for_timeout(600)  # the slide-out transition
        assert not _sidebar_shown(page), "at 1366px pressing ☰ does not hide the chapter list"
        assert page.locator("dialog[open]").count() == 0, "☰ opened a dialog instead of hiding"
        page.locator(_VISIBLE_TOGGLE).first.click()
        page.wait_for_timeout(600)
        assert _sidebar_shown(page), "at 1366px pressing ☰ again does not bring the list back"
    finally:
        page.close()
