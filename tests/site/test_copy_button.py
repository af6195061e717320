"""The copy button of a code cell, pressed the way each reader presses it: tapped on a phone
(390x844 and 360x740, touch), reached with Tab and pressed with Enter on a laptop (1366x768).
Either way the reader sees the button before pressing it and the cell's code lands on the
clipboard. sphinx-copybutton shows the button only while a mouse hovers over the code: a phone
never showed it. On a phone, where it now always shows, it covers none of the code (the end of
the first line ran under it). Both: book/_static/course.css."""

from __future__ import annotations

import pytest

from .conftest import TOC, listen, settle

_PAGE = next(p for p in TOC if p.docname.endswith("linear-regression/from-scratch"))
_SHOWN = "b => getComputedStyle(b).opacity"
# The start of each text of code that a copy button lies over, however its box scrolls.
_COVERED = """() => {
  const covered = [];
  for (const b of document.querySelectorAll('.cell_input button.copybtn')) {
    const pre = b.closest('.highlight').querySelector('pre'), box = b.getBoundingClientRect();
    const range = document.createRange();
    const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.data.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects())
        if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top) {
          covered.push(n.data.trim().slice(0, 30));
          break;
        }
    }
  }
  return covered;
}"""
# Where the focus is: the copy button's index among the page's, or null.
_FOCUSED = "() => [...document.querySelectorAll('button.copybtn')].indexOf(document.activeElement)"


def _open(browser, site_url, width, height, phone):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        reduced_motion="reduce",
        **({"device_scale_factor": 3, "is_mobile": True, "has_touch": True} if phone else {}),
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    heard = listen(page, site_url)
    page.goto(site_url + _PAGE.html)
    settle(page)
    return context, page, heard


def _copied(page, button) -> None:
    code = button.evaluate("b => b.closest('.highlight').querySelector('pre').innerText").strip()
    page.wait_for_function("want => navigator.clipboard.readText().then(t => t.trim() === want)",
                           arg=code, timeout=5_000)  # fmt: skip


@pytest.mark.parametrize("width,height", [(390, 844), (360, 740)])
def test_a_phone_shows_the_copy_button_and_a_tap_copies(browser, site_url, width, height):
    context, page, heard = _open(browser, site_url, width, height, phone=True)
    try:
        button = page.locator(".cell_input button.copybtn").first
        button.scroll_into_view_if_needed()
        page.wait_for_timeout(400)  # the button's fade (0.3 s), had it one
        shown = float(button.evaluate(_SHOWN))
        assert shown > 0.9, f"at {width} px the copy button is invisible (opacity {shown:.2f})"
        covered = page.evaluate(_COVERED)
        assert not covered, f"at {width} px copy buttons cover code: {covered[:3]}"
        button.tap()
        _copied(page, button)
        assert not heard.console, heard.console
    finally:
        context.close()


def test_the_keyboard_sees_the_copy_button_it_reaches_and_enter_copies(browser, site_url):
    context, page, heard = _open(browser, site_url, 1366, 768, phone=False)
    try:
        for _ in range(120):
            page.keyboard.press("Tab")
            index = page.evaluate(_FOCUSED)
            if index >= 0:
                break
        assert index >= 0, "120 presses of Tab never reached a copy button"
        button = page.locator("button.copybtn").nth(index)
        page.wait_for_timeout(400)
        shown = float(button.evaluate(_SHOWN))
        assert shown > 0.9, f"the focused copy button is invisible (opacity {shown:.2f})"
        page.keyboard.press("Enter")
        _copied(page, button)
        assert not heard.console, heard.console
    finally:
        context.close()
