"""Nothing runs off the side: every page at a laptop's 1366x900 and a phone's 390x844.

Between the two, at 1200 and 1280 px, where the page's contents on the right narrow the
article, code still fits its box.

At both widths the page itself never scrolls sideways (a reader who drags the page left finds
nothing there). At 1366 px every code and output block fits its box, the coursekit source
shown with `{literalinclude}` included (no line cut at the edge, no scroll bar under the
code). At 390 px a code or output block wider than the screen scrolls inside its own box
(book/_static/course-width.css says why it scrolls rather than wraps), so the page around it
keeps the screen's width; so does a table, whose names in code are never cut in two.

At both widths every display equation fits its column, without scrolling: a long one is split
over lines, in the page's source (aligned rows) or, on a phone, by MathJax 4's line breaking
(``displayOverflow: linebreak`` in _config.yml).

Collapsed code ("Show code cell source") is opened before measuring: a reader who opens it
must find it fits too.
"""

from __future__ import annotations

import pytest

from .conftest import VIEWPORTS, probe

WIDTHS = {"laptop": (1366, VIEWPORTS[1366]), "phone": (390, VIEWPORTS[390])}

# Measured in the page, after fonts and MathJax have settled.
_MEASURE = """
(viewport) => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const article = document.querySelector('article.bd-article') || document.querySelector('main');
  const describe = (el) => {
    const cell = el.closest('.cell');
    const where = cell ? Array.from(document.querySelectorAll('.cell')).indexOf(cell) + 1 : 0;
    const kind = el.closest('.cell_output') ? 'output'
      : el.closest('.cell_input') ? 'code' : 'block';
    const line = (el.textContent || '').split('\\n')
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    return {where, kind, line: line.slice(0, 100), scroll: el.scrollWidth, client: el.clientWidth,
            right: el.getBoundingClientRect().right,
            overflowX: getComputedStyle(el).overflowX};
  };
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    widest: Array.from(document.querySelectorAll('body *'))
      .filter(e => e.getBoundingClientRect().right > viewport + 1)
      .filter(e => !e.closest('pre, mjx-container, .bd-sidebar-primary, .bd-sidebar-secondary'))
      .slice(-3)
      .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> `
                + (e.textContent || '').trim().slice(0, 60)),
    pres: Array.from(article.querySelectorAll('pre')).filter(p => p.clientWidth > 0).map(describe),
    // Words of inline code in a table that a line break cuts in two (one box per line).
    splitWords: Array.from(article.querySelectorAll(':is(td, th) code span.pre'))
      .filter(word => word.getClientRects().length > 1)
      .map(word => word.textContent.slice(0, 60)),
    // The previous and next links at the page's foot: each title inside its link and the
    // screen (a long word such as "implementation" ran past both on a phone).
    prevNext: Array.from(document.querySelectorAll('.prev-next-area a')).map(a => {
      const title = a.querySelector('.prev-next-title') || a;
      const link = a.getBoundingClientRect(), box = title.getBoundingClientRect();
      return {title: (title.textContent || '').trim().slice(0, 60),
              over: Math.max(box.right - link.right, link.left - box.left, box.right - viewport,
                             title.scrollWidth - title.clientWidth)};
    }),
    equations: Array.from(article.querySelectorAll('mjx-container[display="true"]')).map(m => {
      const box = m.parentElement;
      return {tex: (box.getAttribute('data-tex') || box.textContent || '').trim().slice(0, 80),
              scroll: Math.max(box.scrollWidth, m.scrollWidth),
              client: Math.min(box.clientWidth, m.clientWidth),
              right: box.getBoundingClientRect().right};
    }),
  };
}
"""


# Before the screenshot (whose full-page capture resizes the viewport for a moment): the
# measure sees the page as it arrived.
@probe(widths=[w for w, _ in WIDTHS.values()], order=25)
def measured(page, toc_page, width, mode) -> dict:
    """What the settled page looks like at this width (``_MEASURE``): the details it opens are
    closed again afterwards, so the probes after it find the page as the reader left it."""
    closed = page.evaluate(
        "Array.from(document.querySelectorAll('details')).map(d => !d.open)"
    )
    data = page.evaluate(_MEASURE, width)
    page.evaluate(
        "closed => document.querySelectorAll('details').forEach((d, i) => {"
        " if (closed[i]) d.open = false; })",
        closed,
    )
    data["width"] = "laptop" if width == WIDTHS["laptop"][0] else "phone"
    data["viewport"] = width
    return data


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def measure(request, seen):
    """measure(toc_page) -> what the page looks like at this width (laptop, phone)."""
    width = WIDTHS[request.param][0]
    return lambda toc_page: seen(measured, toc_page, width)


def test_page_does_not_scroll_sideways(measure, toc_page):
    d = measure(toc_page)
    # The viewport's width, not innerWidth: a phone widens its layout viewport to the content.
    assert d["scrollWidth"] <= d["viewport"] and d["innerWidth"] <= d["viewport"], (
        f"{toc_page.html} at {d['viewport']}px is {d['scrollWidth']}px wide: it scrolls "
        "sideways. Widest elements:\n" + "\n".join(d["widest"])
    )


def _stuck(boxes: list[dict], viewport: int) -> list[dict]:
    """Boxes that reach past the screen's edge, or are too narrow and do not scroll."""
    return [
        b
        for b in boxes
        if b["right"] > viewport
        or (b["scroll"] > b["client"] and b["overflowX"] not in ("auto", "scroll"))
    ]


def test_blocks_fit_or_scroll_in_their_box(measure, toc_page):
    """At 1366 px every code and output block fits; at 390 px one that does not, scrolls."""
    d = measure(toc_page)
    if d["width"] == "laptop":
        cut = [p for p in d["pres"] if p["scroll"] > p["client"]]
        assert not cut, f"{toc_page.html} at 1366px: blocks wider than their box:\n" + "\n".join(
            f"cell {p['where']} {p['kind']}: {p['scroll']}px in {p['client']}px: {p['line']!r}"
            for p in cut
        )
    else:
        stuck = _stuck(d["pres"], d["viewport"])
        assert not stuck, f"{toc_page.html} at 390px: blocks that neither fit nor scroll:\n" + (
            "\n".join(f"cell {p['where']} {p['kind']}: {p['line']!r}" for p in stuck)
        )


def test_names_in_tables_are_never_cut_in_two(measure, toc_page):
    """A name in a table cell (`CrossEntropyLoss`, `linear_regression.sgd`) stays on one line at
    both widths: the table scrolls sideways in its own box instead (course-width.css)."""
    d = measure(toc_page)
    assert not d["splitWords"], (
        f"{toc_page.html} at {d['viewport']}px: inline code in a table broken over lines: "
        f"{d['splitWords']}"
    )


def test_display_equations_fit(measure, toc_page):
    """At both widths every display equation fits its column: none is cut or has to scroll."""
    d = measure(toc_page)
    cut = [e for e in d["equations"] if e["scroll"] > e["client"] or e["right"] > d["viewport"]]
    assert not cut, (
        f"{toc_page.html} at {d['viewport']}px: display equations wider than the column (split "
        "them over aligned rows):\n"
        + "\n".join(f"{e['scroll']}px in {e['client']}px: {e['tex']!r}" for e in cut)
    )


def test_previous_and_next_titles_fit_their_links(measure, toc_page):
    """The titles of the previous and next pages stay inside their links and the screen: on a
    phone "3.4. Concise implementation of softmax regression" was cut at "Concis" and the
    chevron was off the screen (a reader, session 27)."""
    d = measure(toc_page)
    cut = [f"{p['title']!r} by {p['over']:.0f}px" for p in d["prevNext"] if p["over"] > 1]
    assert not cut, f"{toc_page.html} at {d['viewport']}px: " + ", ".join(cut)


def test_the_chapter_map_leaves_room_for_its_descriptions_on_a_phone(browser, site_url):
    """The landing page's table of chapters kept each chapter's name on one line: on a phone
    that column took 286 of 343 px, and the descriptions beside it ran five letters a line
    (a reader, session 27)."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url + "book/index.html")
        page.wait_for_load_state("load")
        widths = page.evaluate("""() => Array.from(
            document.querySelector('table.chapter-map tbody tr').cells).map(
              c => c.getBoundingClientRect().width)""")
    finally:
        context.close()
    assert widths[1] >= 1.4 * widths[0], f"chapter column {widths[0]:.0f}px, text {widths[1]:.0f}px"


@pytest.mark.parametrize("width", [1200, 1280])
def test_code_fits_where_the_page_contents_narrow_it(browser, site_url, toc, width):
    """From 1200 px the page's contents on the right narrow the article: at 1280 px, a common
    laptop's width, seven code boxes of the dropout page scrolled by up to 37 px (a reader,
    session 27). The code's type shrinks with the window there (course-width.css)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    cut = []
    try:
        page = context.new_page()
        for toc_page in [p for p in toc if p.is_notebook]:
            page.goto(site_url + toc_page.html)
            page.wait_for_load_state("load")
            over = page.evaluate("""() => Array.from(
                document.querySelectorAll('article.bd-article pre'))
                .filter(p => p.clientWidth > 0 && p.scrollWidth > p.clientWidth)
                .map(p => `${p.scrollWidth - p.clientWidth}px: ` + p.textContent.slice(0, 50))""")
            cut += [f"{toc_page.html}: {o}" for o in over]
    finally:
        context.close()
    assert not cut, f"code boxes that scroll at {width}px:\n" + "\n".join(cut[:10])
