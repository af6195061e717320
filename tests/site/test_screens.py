"""The site on the other screens a reader brings: a small phone (320x568), a phone in
landscape (844x390), a tablet (768x1024) and a laptop at 200% zoom (1366 px wide: 683x450).

On the landing page (the header and drawers of every page, no math to wait for), per screen:
nothing runs off the side; every header control is inside the window, none covers another (at
320 px the course title's last word ran over the download button: book/_static/course.css)
and a tap (a click on the laptop) reaches each; the chapter list (☰) and the page's contents
open, their last link can be brought on screen, and once they are closed (a tap beside them)
the header's controls can still be tapped (the tooltip of the button just pressed stayed over
its neighbours and took the next tap: course.css).
"""

from __future__ import annotations

import pytest

from .conftest import TOC, listen, settle

_PAGE = TOC[0]  # the landing page: the header of every page, sections, no math to wait for
SCREENS = {
    "320x568": (320, 568, True),
    "844x390": (844, 390, True),
    "768x1024": (768, 1024, True),
    "683x450": (683, 450, False),
}

# Each visible header control that something else covers, or that lies outside the window.
_HEADER_WRONG = """() => {
  const wrong = [];
  const vw = document.documentElement.clientWidth;
  const controls = [...document.querySelectorAll('.bd-header-article button, .bd-header-article a')]
    .filter(e => e.checkVisibility() && e.getBoundingClientRect().width > 0);
  const name = e => e.getAttribute('aria-label') || e.innerText.trim();
  for (const e of controls) {
    const r = e.getBoundingClientRect();
    if (r.left < 0 || r.right > vw) { wrong.push(`${name(e)} runs outside the window`); continue; }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!e.contains(hit)) wrong.push(`${name(e)} is covered by "${hit && hit.innerText.trim()}"`);
  }
  const title = document.querySelector('.course-title');
  if (title && title.checkVisibility()) {
    const range = document.createRange();
    range.selectNodeContents(title);
    for (const t of range.getClientRects()) {
      for (const b of controls.filter(c => c.tagName === 'BUTTON')) {
        const r = b.getBoundingClientRect();
        if (t.left < r.right && r.left < t.right && t.top < r.bottom && r.top < t.bottom) {
          wrong.push(`the course title runs over ${name(b)}`);
        }
      }
    }
  }
  return [...new Set(wrong)];
}"""


def _press(page, locator, touch: bool) -> None:
    locator.tap() if touch else locator.click()


def _press_at(page, x: float, y: float, touch: bool) -> None:
    page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)


@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
def test_header_and_drawers_work_on_other_screens(browser, site_url, screen):
    width, height, touch = SCREENS[screen]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=touch, has_touch=touch
    )
    try:
        page = context.new_page()
        heard = listen(page, site_url)
        page.goto(site_url + _PAGE.html, wait_until="load")
        settle(page)
        where = f"{_PAGE.html} at {screen}"
        sideways = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert sideways <= 0, f"{where}: the page scrolls {sideways} px sideways"
        wrong = page.evaluate(_HEADER_WRONG)
        assert not wrong, f"{where}: " + "; ".join(wrong)
        for toggle, beside in ((".primary-toggle", width - 5), (".secondary-toggle", 5)):
            button = page.locator(f"button{toggle}:visible")
            if not button.count():
                continue  # a wide window shows the list beside the page
            _press(page, button.first, touch)
            page.wait_for_selector("dialog[open]", timeout=5_000)
            links = page.locator("dialog[open] a[href]:visible")
            last = links.nth(links.count() - 1)
            last.scroll_into_view_if_needed(timeout=5_000)
            box = last.bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, (
                f"{where}: the last link of what {toggle} opens cannot be brought on screen"
            )
            _press_at(page, beside, height - 5, touch)
            page.wait_for_function("!document.querySelector('dialog[open]')", timeout=5_000)
            page.wait_for_timeout(700)  # the theme's tooltips show after 0.5 s
            wrong = page.evaluate(_HEADER_WRONG)
            if touch and page.locator(".tooltip:visible").count():
                wrong.append("a tooltip stays over the header (a touch screen has no hover)")
            assert not wrong, f"{where}, after closing what {toggle} opened: " + "; ".join(wrong)
        assert not heard.console, f"{where}: {heard.console[:3]}"
    finally:
        context.close()


@pytest.mark.parametrize("by", ["pointer", "keyboard"])
def test_escape_hides_a_header_buttons_tooltip(browser, site_url, by):
    """A header button's name shows as a tooltip while the pointer rests on it or it has the
    focus, over the text below; Escape hides it without moving either (WCAG 1.4.13)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + _PAGE.html, wait_until="load")
        button = page.locator(".bd-header-article .theme-switch-button:visible").first
        button.hover() if by == "pointer" else button.focus()
        tooltip = page.locator(".tooltip:visible")
        tooltip.wait_for(timeout=5_000)  # the theme shows it after 0.5 s
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)  # its fade takes 0.15 s
        assert not tooltip.count(), f"Escape left the tooltip of a button under the {by}"
    finally:
        context.close()
