"""The ☰ button as a reader on a phone uses it: press it, see the chapter list, follow a link.

Checked on every page of the table of contents (the button is the theme's, on every page),
at 390x844, pressing whichever ☰ the layout shows.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

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
