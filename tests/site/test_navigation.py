"""The ☰ button as a reader uses it, the page's contents and the course title on a phone.

At 390x844, on every page of the table of contents: press the visible ☰, see the chapter list,
follow a link. On two chapter pages: open the page's contents, follow a link to a section; the
drawer closes over the section it leads to (book/_static/course-links.js). On a phone the
course title shows in the header. At 1366x900 there is one visible ☰, and it hides the sidebar
and brings it back (not a pop-up dialog), at once when the reader's system asks for reduced
motion (it slid: book/_static/course.css). At both widths, "Skip to main content" leaves the
keyboard in the page's text (the next Tab reached the header's buttons: course-links.js).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import TOC, probe, settle

_VISIBLE_TOGGLE = "button.primary-toggle:visible"
_CHAPTER_LINKS = "nav.bd-docs-nav a.reference.internal:visible"


@probe(widths=(390,), order=90)  # last: it opens the menu and leaves the page
def phone_menu(page, toc_page, width, mode) -> None:
    """Press the visible ☰, see the chapter list, follow a link (asserts as it goes)."""
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
    target = next(p for p in TOC if p != toc_page)
    link = page.locator(f"nav.bd-docs-nav a[href$='{target.html.split('/')[-1]}']:visible")
    assert link.count() >= 1, f"{toc_page.html}: the open menu has no link to {target.html}"
    link.first.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith(target.html), (
        f"{toc_page.html}: following the menu's link to {target.html} went to {page.url}"
    )


def test_phone_menu_opens_and_its_links_work(seen, toc_page):
    seen(phone_menu, toc_page, 390)


_CONTENTS_PAGES = (TOC[1], TOC[len(TOC) // 2])

_KEYBOARD_PAGE = TOC[len(TOC) // 2]  # a chapter page


def _focused_label(page) -> str:
    return page.evaluate(
        "(() => { const a = document.activeElement;"
        " return a === document.body ? 'nothing (the page body)'"
        " : a.getAttribute('aria-label') || a.title || a.innerText.trim() || a.tagName; })()"
    )


def _looks(page, box) -> bytes:
    page.wait_for_timeout(200)  # the buttons' colours fade over 0.15 s
    return page.screenshot(clip=box, animations="disabled")


def _ring_box(locator, width) -> dict:
    r = locator.bounding_box()
    x, y = max(0, r["x"] - 6), max(0, r["y"] - 6)
    return {"x": x, "y": y, "width": min(r["width"] + 12, width - x), "height": r["height"] + 12}


@probe(widths=(390, 1366), order=70, only=lambda p: p == _KEYBOARD_PAGE)  # before the menus
def header_keyboard(page, toc_page, width, mode) -> list[str]:
    """The article header from the keyboard: each button shows where the focus is, a button
    pressed with Enter keeps the focus, and a drawer or the search box closed with Escape
    gives the focus back to the button that opened it. What went wrong, as the reader met it."""
    wrong: list[str] = []
    buttons = page.locator(".bd-header-article button:visible")
    for i in range(buttons.count()):
        button = buttons.nth(i)
        label = button.get_attribute("aria-label") or button.get_attribute("title") or f"#{i}"
        box = _ring_box(button, width)
        button.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focused from the keyboard, as a reader tabs to it
        focused = _looks(page, box)
        page.evaluate("document.activeElement.blur()")
        if focused == _looks(page, box):
            wrong.append(f"tabbing to the header's {label!r} button shows no focus")
    # The download menu's items, walked with the arrow keys.
    download = page.locator(".dropdown-download-buttons button.dropdown-toggle:visible")
    download.focus()
    page.keyboard.press("Enter")
    items = page.locator(".dropdown-download-buttons .dropdown-item:visible")
    page.keyboard.press("ArrowDown")
    box = _ring_box(items.first, width)
    focused = _looks(page, box)
    page.keyboard.press("ArrowDown")
    if focused == _looks(page, box):
        wrong.append("the download menu's focused item looks like the others")
    page.keyboard.press("Escape")
    # Buttons that change the page in place keep the focus (pressed until the page is back as
    # it was: the colour mode cycles through three, the sidebar folds and unfolds).
    in_place = [".theme-switch-button"] + ([".primary-toggle"] if width > 800 else [])
    for selector in in_place:
        button = page.locator(f"{selector}:visible").first
        label = button.get_attribute("aria-label")
        lost = set()
        for _ in range(3 if selector == ".theme-switch-button" else 2):
            button.focus()
            page.keyboard.press("Enter")
            page.wait_for_timeout(400)
            if not button.evaluate("b => b === document.activeElement"):
                lost.add(_focused_label(page))
        if lost:
            wrong.append(f"after pressing {label!r} with Enter the focus is on {', '.join(lost)}")
    page.evaluate("localStorage.removeItem('mode'); localStorage.removeItem('theme')")
    # Buttons that open a dialog get the focus back when Escape closes it.
    openers = [".search-button__button"] + (
        [".primary-toggle", ".secondary-toggle"] if width < 800 else []
    )
    wrong += filter(None, (_escape_gives_the_focus_back(page, s) for s in openers))
    # A busy machine handles the reader's keys before its timers: the same, with the page's
    # timers held until the dialog has closed (as they were when this failed once in CI). Its
    # own context: a held clock holds every page of its context.
    held = page.context.browser.new_context(viewport=page.viewport_size, is_mobile=width < 800)
    busy = held.new_page()
    try:
        busy.goto(page.url, wait_until="load")
        busy.clock.install(time=_CLOCK_START)
        busy.clock.pause_at(_CLOCK_START + 1_000)
        for selector in openers:
            if lost := _escape_gives_the_focus_back(busy, selector):
                wrong.append(f"on a busy machine (timers behind the keys), {lost}")
            busy.clock.run_for(1_000)  # the timers catch up before the next button
    finally:
        held.close()
    return wrong


def _escape_gives_the_focus_back(page, selector: str) -> str:
    """Open a dialog with the button from the keyboard, close it with Escape: where the focus
    went, if not back on the button ('' if it did)."""
    button = page.locator(f"{selector}:visible").first
    label = button.get_attribute("aria-label") or selector
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[open]", timeout=5_000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('dialog[open]')", timeout=5_000)
    page.wait_for_timeout(200)  # (Playwright's own timer: the page's may be held)
    if button.evaluate("b => b === document.activeElement"):
        return ""
    return f"after Escape closed what {label!r} opened, the focus is on {_focused_label(page)}"


_CLOCK_START = 1_700_000_000_000  # any time: the page's clock is held, not read


# Parametrized by the page, so that they share its one visit at each width (``page_scope``).
@pytest.mark.parametrize("width", (390, 1366))
@pytest.mark.parametrize("page", [_KEYBOARD_PAGE], ids=lambda p: p.docname)
def test_header_buttons_show_and_keep_the_keyboard_focus(seen, page, width):
    wrong = seen(header_keyboard, page, width)
    assert not wrong, f"{page.html} at {width}px, keyboard only: " + "; ".join(wrong)


@probe(widths=(390, 1366), order=60, only=lambda p: p == _KEYBOARD_PAGE)  # before the header's
def skip_link(page, toc_page, width, mode) -> str:
    """Press "Skip to main content" (the first Tab of a page) with Enter, then Tab: where the
    focus went (it landed on the header's ☰, in the theme's <main> before the text)."""
    page.locator("#pst-skip-link a").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    return page.evaluate(
        "(() => { const a = document.activeElement;"
        " if (a.closest('article.bd-article')) return '';"
        " return a === document.body ? 'nothing (the page body)'"
        " : a.getAttribute('aria-label') || a.innerText.trim() || a.tagName; })()"
    )


@pytest.mark.parametrize("width", (390, 1366))
@pytest.mark.parametrize("page", [_KEYBOARD_PAGE], ids=lambda p: p.docname)
def test_skip_link_leads_the_keyboard_to_the_text(seen, page, width):
    wrong = seen(skip_link, page, width)
    assert not wrong, (
        f"{page.html} at {width}px: after 'Skip to main content' the next Tab "
        f"lands on {wrong!r}, not in the page's text"
    )


@probe(widths=(390,), order=80, only=lambda p: p in _CONTENTS_PAGES)  # before phone_menu
def phone_contents(page, toc_page, width, mode) -> None:
    """Open the page's contents, follow a link to a section in the middle: the drawer closes
    and the section's heading shows below the header (asserts as it goes)."""
    toggle = page.locator("button.secondary-toggle:visible")
    assert toggle.count() == 1, f"{toc_page.html}: no visible contents button at 390px"
    toggle.first.click()
    links = page.locator("dialog[open] a.nav-link[href^='#']")
    try:
        links.first.wait_for(state="visible", timeout=5_000)
    except Exception:  # noqa: BLE001 - report it as the reader sees it
        pytest.fail(f"{toc_page.html}: the contents button at 390px shows no list of sections")
    link = links.nth(links.count() // 2)
    section = link.get_attribute("href")[1:]
    link.click()
    try:
        page.wait_for_function("!document.querySelector('dialog[open]')", timeout=5_000)
    except Exception:  # noqa: BLE001 - report it as the reader sees it
        pytest.fail(
            f"{toc_page.html}: after following its link to #{section}, the contents drawer "
            "still covers the page at 390px"
        )
    # The page scrolls there smoothly: wait until the heading is on screen below the header.
    assert _heading_on_screen(page, section), (
        f"{toc_page.html}: after following its link at 390px, #{section}'s heading is not "
        "on screen below the header"
    )


def _heading_on_screen(page, section: str) -> bool:
    """Wait (up to 10 s) until the heading of the section with id ``section`` is on screen
    below the header; whether it got there."""
    script = f"""() => {{
      const header = document.querySelector('.bd-header-article').getBoundingClientRect();
      const heading = document.getElementById({section!r}).querySelector('h1, h2, h3, h4');
      const top = heading.getBoundingClientRect().top;
      return top >= header.bottom && top < window.innerHeight;
    }}"""
    try:
        page.wait_for_function(script, timeout=10_000)
    except Exception:  # noqa: BLE001 - the assert after it says what the reader sees
        return False
    return True


@pytest.mark.parametrize("page", _CONTENTS_PAGES, ids=lambda p: p.docname)
def test_phone_contents_drawer_closes_on_the_section_it_leads_to(seen, page):
    seen(phone_contents, page, 390)


_TITLE_PAGES = (TOC[0], TOC[len(TOC) // 2])


@probe(widths=(390,), order=50, only=lambda p: p in _TITLE_PAGES)
def phone_title(page, toc_page, width, mode) -> None:
    """On a phone the sidebar (which carries the title) is hidden: the header shows the title
    (asserts as it goes)."""
    config = Path(__file__).resolve().parents[2] / "_config.yml"
    title = yaml.safe_load(config.read_text(encoding="utf-8"))["title"]
    shown = page.get_by_text(title, exact=True).locator("visible=true")
    assert shown.count() >= 1, f"{toc_page.html}: the course title is not shown at 390px"
    box = shown.first.bounding_box()
    assert box and box["y"] < 120 and box["x"] + box["width"] <= 390, (
        f"{toc_page.html}: the course title is not in the header at 390px ({box})"
    )
    clipped = shown.first.evaluate("e => e.scrollWidth > e.clientWidth + 1")
    assert not clipped, f"{toc_page.html}: the course title is cut off at 390px"


@pytest.mark.parametrize("page", _TITLE_PAGES, ids=lambda p: p.docname)
def test_phone_shows_the_course_title(seen, page):
    seen(phone_title, page, 390)


def _sidebar_shown(page) -> bool:
    """The chapter list is on screen: visible and not slid off to the left."""
    return page.evaluate(_SIDEBAR_SHOWN)


_SIDEBAR_SHOWN = """() => {
  const nav = document.querySelector('.bd-sidebar-primary');
  const r = nav.getBoundingClientRect();
  return getComputedStyle(nav).visibility !== 'hidden' && r.width > 0 && r.right > 0;
}"""


def _slid(page, shown: bool) -> bool:
    """Wait (up to 5 s, the slide transition takes 0.3 s) for the chapter list to be shown or
    hidden; whether it got there."""
    try:
        page.wait_for_function(f"({_SIDEBAR_SHOWN})() === {str(shown).lower()}", timeout=5_000)
    except Exception:  # noqa: BLE001 - the assert after it says what the reader sees
        return False
    return True


@probe(widths=(1366,), order=90, only=lambda p: p == TOC[1])  # last: it hides the sidebar
def desktop_toggle(page, toc_page, width, mode) -> None:
    """One visible ☰ that hides the sidebar and brings it back (asserts as it goes)."""
    assert _sidebar_shown(page), "at 1366px the chapter list is not shown on arrival"
    toggles = page.locator(_VISIBLE_TOGGLE)
    assert toggles.count() == 1, f"at 1366px {toggles.count()} ☰ buttons are visible"
    toggles.first.click()
    _slid(page, shown=False)
    assert not _sidebar_shown(page), "at 1366px pressing ☰ does not hide the chapter list"
    assert page.locator("dialog[open]").count() == 0, "☰ opened a dialog instead of hiding"
    page.locator(_VISIBLE_TOGGLE).first.click()
    _slid(page, shown=True)
    assert _sidebar_shown(page), "at 1366px pressing ☰ again does not bring the list back"


@pytest.mark.parametrize("page", [TOC[1]], ids=lambda p: p.docname)
def test_desktop_toggle_hides_and_shows_the_sidebar(seen, page):
    seen(desktop_toggle, page, 1366)


# Pressed and looked at in one go: the sidebar's 0.25 s could be over before a second call.
_PRESS_AND_SEE_WHAT_MOVES = """async () => {
  [...document.querySelectorAll('button.primary-toggle')].find(b => b.checkVisibility()).click();
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return document.getAnimations()
    .filter(a => a.playState === 'running')
    .filter(a => {
      const t = a.effect.getComputedTiming();
      return t.endTime > 0 && t.endTime !== Infinity;
    })
    .map(a => `${a.transitionProperty || a.animationName} of ${a.effect.target.className}`);
}"""


@probe(widths=(1366,), order=85, only=lambda p: p == TOC[1])  # before desktop_toggle
def reduced_motion(page, toc_page, width, mode) -> list[str]:
    """With the system set to reduce motion, press ☰ twice: what still moved (the sidebar slid
    out and back over 0.25 s)."""
    page.emulate_media(reduced_motion="reduce")
    moving: list[str] = []
    try:
        for shown in (False, True):  # it hides the sidebar, then brings it back
            moving += page.evaluate(_PRESS_AND_SEE_WHAT_MOVES)
            _slid(page, shown=shown)
    finally:
        page.emulate_media(reduced_motion="no-preference")
    return moving


@pytest.mark.parametrize("page", [TOC[1]], ids=lambda p: p.docname)
def test_reduced_motion_stops_the_sidebar_sliding(seen, page):
    moving = seen(reduced_motion, page, 1366)
    assert not moving, f"{page.html}, reduced motion: pressing ☰ still animates {moving[:4]}"


def _first_pages() -> list:
    """The first notebook page of each of the first three chapters (a sample: arriving at a
    section of them, the heading ended under the header on all three)."""
    first: dict[str, object] = {}
    for p in TOC:
        if p.numbered and p.is_notebook:
            first.setdefault(p.chapter, p)
    return list(first.values())[:3]


def _last_section(site_dir: Path, toc_page) -> str:
    """The id of the page's last section (the exercises, on a chapter page)."""
    html = (site_dir / toc_page.html).read_text(encoding="utf-8")
    return re.findall(r'<section id="([^"]+)">\s*<h2', html)[-1]


@pytest.mark.parametrize("first_page", _first_pages(), ids=lambda p: p.docname)
def test_a_link_to_a_section_shows_it_on_a_phone(browser, site_url, site_dir, first_page):
    """Arriving at page.html#section (a shared link, a cross-reference) at 390px: once the page
    has settled, the section's heading is on screen below the header, not under it."""
    section = _last_section(site_dir, first_page)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{first_page.html}#{section}", wait_until="load")
        settle(page)
        assert _heading_on_screen(page, section), (
            f"{first_page.html}#{section} at 390px: once the page has settled, the section's "
            "heading is not on screen below the header"
        )
    finally:
        context.close()
