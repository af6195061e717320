"""Every figure of the site, measured in Chromium at 1366x900 and 390x844 as a reader sees it.

- sharp on a high-density screen: an SVG, or a raster image at least twice as wide as shown;
- text at least 11 CSS px tall as shown (the site's small print is about 12 px), sub- and
  superscripts at least 70% of that: for an SVG, each text's font size times the scale the
  page shows the figure at. An SVG whose text was drawn as outlines cannot be measured and
  fails: ``coursekit.use_course_style`` keeps text as text (``svg.fonttype: none``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import TOC, probe

MIN_FONT_PX = 11.0
# Sub- and superscripts of a label (the -5 of 10^-5, the 11 of w_11) are set at 70% of it, as
# in print; they are held to 70% of the minimum.
MIN_SCRIPT_PX = 0.7 * MIN_FONT_PX
# Every image inside the page's article, with its size as loaded and as shown.
_IMAGES = """
() => Array.from(document.querySelectorAll('article.bd-article img')).map(img => ({
  src: img.currentSrc || img.src,
  naturalWidth: img.naturalWidth,
  clientWidth: img.getBoundingClientRect().width,
}))
"""
_FONT_SIZE = re.compile(r"font(?:-size)?\s*[:=]\s*\"?([\d.]+)(?:px)?")
_VIEWBOX = re.compile(r"<svg\b[^>]*\bviewBox=\"[\d.\-]+ [\d.\-]+ ([\d.]+) [\d.]+\"")


def svg_text_sizes(svg: str) -> tuple[float, list[tuple[float, float]]]:
    """The width of an SVG's viewBox and, for each text, the font size of its body and of its
    smallest part (a math label's sub- or superscript), in the SVG's units."""
    viewbox = _VIEWBOX.search(svg)
    if viewbox is None:
        raise AssertionError("an SVG without a viewBox: its displayed scale is unknown")
    sizes = []
    for text in re.findall(r"<text\b.*?</text>", svg, flags=re.S):
        parts = [float(size) for size in _FONT_SIZE.findall(text)]
        if parts:
            sizes.append((max(parts), min(parts)))
    return float(viewbox.group(1)), sizes


def figure_problems(images: list[dict], site_dir: Path) -> list[str]:
    """What is wrong with each image of a page, as the page shows it."""
    problems = []
    for image in images:
        path = unquote(urlsplit(image["src"]).path).lstrip("/")
        name, shown = Path(path).name, image["clientWidth"]
        if shown == 0:
            continue  # hidden (e.g. a folded exercise solution): nothing to read
        if not path.endswith(".svg"):
            if image["naturalWidth"] < 2 * shown:
                problems.append(f"{name}: {image['naturalWidth']} px shown at {shown:.0f} px "
                                "(blurred on a high-density screen: use SVG or 2x)")
            continue
        svg = (site_dir / path).read_text(encoding="utf-8")
        width, sizes = svg_text_sizes(svg)
        has_outlined_text = re.search(r"<path id=\"DejaVu", svg) is not None
        if has_outlined_text and not sizes:
            problems.append(f"{name}: text drawn as outlines, its size cannot be checked")
        scale = shown / width
        small = [body * scale for body, script in sizes
                 if body * scale < MIN_FONT_PX or script * scale < MIN_SCRIPT_PX]
        if small:
            problems.append(f"{name}: {len(small)} texts at {min(small):.1f} px "
                            f"(need >= {MIN_FONT_PX} px; figure shown at {scale:.2f}x)")
    return problems


def test_measure_catches_small_and_soft_figures(tmp_path):
    """The checks fail where a reader would squint: a 1x PNG, a wide SVG shrunk to fit."""
    png = {"src": "http://x/_images/a.png", "naturalWidth": 741, "clientWidth": 741}
    assert figure_problems([png], tmp_path)
    (tmp_path / "_images").mkdir()
    (tmp_path / "_images" / "b.svg").write_text(
        '<svg viewBox="0 0 720 216"><text style="font: 10px \'DejaVu Sans\'">epoch</text></svg>')
    wide = {"src": "http://x/_images/b.svg", "naturalWidth": 960, "clientWidth": 741}
    assert figure_problems([wide], tmp_path)  # 10 pt at 741/720 -> 10.3 px
    fits = {"src": "http://x/_images/b.svg", "naturalWidth": 960, "clientWidth": 960}
    assert not figure_problems([fits], tmp_path)  # 10 pt at 960/720 -> 13.3 px
    (tmp_path / "_images" / "b.svg").write_text(
        '<svg viewBox="0 0 720 216"><text><tspan style="font-size: 10px">10</tspan>'
        '<tspan style="font-size: 7px">-5</tspan></text>'
        '<text><tspan style="font-size: 10px">w</tspan><tspan style="font-size: 5px">1</tspan>'
        '</text></svg>')
    problems = figure_problems([fits], tmp_path)  # the 70% exponent passes, a 50% index not
    assert len(problems) == 1 and "1 texts at 13.3 px" in problems[0]


@probe(widths=(1366, 390), order=10)
def shown_images(page, toc_page, width, mode) -> list[dict]:
    """Every image of the article, as loaded and as shown (``_IMAGES``)."""
    return page.evaluate(_IMAGES)


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("page", [p for p in TOC if p.is_notebook], ids=lambda p: p.docname)
def test_figures_are_sharp_and_their_text_readable(page, width, seen, site_dir):
    problems = figure_problems(seen(shown_images, page, width), site_dir)
    assert not problems, f"{page.html} at {width}px:\n  " + "\n  ".join(problems)


def _on_a_phone(browser, site_url, path: str, script: str):
    """``script`` evaluated on ``path`` at 375 px on a touch screen, once its images loaded."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    try:
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # the figures' widths are known once their images load
        return page.evaluate(script), page
    except BaseException:
        context.close()
        raise


def test_a_figure_wider_than_a_phone_says_it_scrolls(browser, site_url):
    """At 375 px a figure keeps its readable size and scrolls sideways, but a phone shows no
    scroll bar: a reader saw Fig. 5.1 without its legend, and captions that describe a
    right-hand panel never shown (session 27). Each such figure now says so."""
    figures, page = _on_a_phone(browser, site_url, "book/mlp/mlp.html", """() => Array.from(
        document.querySelectorAll('article.bd-article .cell_output figure')).map(f => ({
          scrolls: f.scrollWidth > f.clientWidth,
          hint: getComputedStyle(f.querySelector('figcaption'), '::before').content}))""")
    page.context.close()
    wide = [f for f in figures if f["scrolls"]]
    assert wide, "no figure of the MLP page is wider than a phone: the test shows nothing"
    assert all("Swipe" in f["hint"] for f in wide), figures
    assert all("Swipe" not in f["hint"] for f in figures if not f["scrolls"]), figures


@pytest.mark.parametrize("path", ["book/losses/classification.html", "book/exercises.html"])
def test_a_table_wider_than_a_phone_says_it_scrolls(browser, site_url, path):
    """The losses' table (which loss goes with which last layer) ran 100 px past a 375 px
    screen, its last column, the loss, unseen and unannounced (session 37). A table that scrolls
    now says so above itself, and the words stay in view while the table scrolls under them."""
    tables, page = _on_a_phone(browser, site_url, path, """() => Array.from(
        document.querySelectorAll('article.bd-article .pst-scrollable-table-container')).map(
          (t, i) => ({i, scrolls: t.scrollWidth > t.clientWidth,
                      hint: getComputedStyle(t, '::before').content}))""")
    try:
        wide = [t for t in tables if t["scrolls"]]
        assert wide, f"no table of {path} is wider than a phone: the test shows nothing"
        assert all("Swipe the table sideways" in t["hint"] for t in wide), tables
        assert all("Swipe" not in t["hint"] for t in tables if not t["scrolls"]), tables
        box = page.locator("article.bd-article .pst-scrollable-table-container").nth(wide[0]["i"])
        box.scroll_into_view_if_needed()
        top = box.bounding_box()
        strip = {"x": top["x"], "y": top["y"], "width": top["width"], "height": 12}
        before = page.screenshot(clip=strip)
        box.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
        page.wait_for_timeout(100)
        assert page.screenshot(clip=strip) == before, "the hint scrolled away with the table"
    finally:
        page.context.close()
