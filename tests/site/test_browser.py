"""The built site in a real browser: every page of the table of contents, as a reader meets it.

For each page, on its one visit at 1366x900 in light mode (``seen``, conftest.py), whose
probes the other files share: it loads with no console error and no failed request to the site
itself (every request to another host is blocked, since the site must work offline); every
internal link resolves (file and #anchor); every image loads; the math is typeset by MathJax
with no error and no raw $...$ left over; numbered chapters show their numbers; previous and
next links chain the pages in table-of-contents order. Plus: search finds "softmax" in a
chapter, every glossary entry carries its Chinese term and every chapter links to the glossary,
and screenshots of the landing page and of one chapter page, in a 1280x900 window, are saved
for review (_build/screenshots/).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .conftest import TOC, Heard, probe, settle, wait_until_delivered

# Collected in the page: what the tests below need, in one round trip.
_COLLECT = """
() => {
  const article = document.querySelector('article.bd-article') || document.querySelector('main');
  const prose = article.cloneNode(true);
  prose.querySelectorAll(
    'pre, code, script, style, mjx-container, .MathJax, .highlight, .cell_output, .headerlink'
  ).forEach(e => e.remove());
  const h1 = article.querySelector('h1');
  const prev = document.querySelector('.prev-next-area a.left-prev');
  const next = document.querySelector('.prev-next-area a.right-next');
  return {
    title: h1 ? h1.textContent : null,
    sectionNumber: h1 && h1.querySelector('.section-number')
      ? h1.querySelector('.section-number').textContent.trim() : null,
    prose: prose.textContent,
    mathSources: article.querySelectorAll('.math').length,
    mathTypeset: article.querySelectorAll('mjx-container').length,
    mathErrors: Array.from(document.querySelectorAll('mjx-merror')).map(e => e.textContent),
    images: Array.from(document.images).map(img => ({
      src: img.currentSrc || img.src, complete: img.complete, width: img.naturalWidth})),
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
    figures: Array.from(article.querySelectorAll('figure')).map(f => ({
      id: f.id, caption: f.querySelector('figcaption')
        ? f.querySelector('figcaption').textContent.trim() : ''})),
    outputImagesOutsideFigures: Array.from(
      article.querySelectorAll('.cell_output img')).filter(i => !i.closest('figure')).length,
    prev: prev ? prev.href : null,
    next: next ? next.href : null,
    glossaryLinks: Array.from(article.querySelectorAll('a[href*="glossary.html#term-"]')).length,
  };
}
"""

# Math the page forgot to typeset: $...$ or $$...$$ around something, or \( \[ delimiters.
_RAW_MATH = re.compile(
    r"\$\$[^$]+\$\$"  # display math
    r"|(?<![\w$])\$(?=\S)[^$\n]{1,300}?(?<=\S)\$(?![\w$])"  # inline math
    r"|\\\(|\\\["  # \( and \[ delimiters
)


class Visit:
    """What one page looked like in the browser (``_COLLECT``) and what it said (``Heard``)."""

    def __init__(self, url: str, data: dict, heard: Heard):
        self.url, self.data = url, data
        self.console, self.failed, self.blocked = heard.console, heard.failed, heard.other_hosts


# First, on the page as it arrived (settled: MathJax, images, fonts). What the page says is
# heard until ``quiet`` closes the log (``Heard`` fills as the page loads).
@probe(widths=(1366,), order=1)
def collected(page, toc_page, width, mode) -> Visit:
    return Visit(page.url, page.evaluate(_COLLECT), page.heard)


@probe(widths=(1366,), order=15)
def quiet(page, toc_page, width, mode) -> None:
    """Once every URL the page asked for has arrived and none was asked for in 0.5 s (a late one
    that fails is heard: ``wait_until_delivered``), and before axe-core
    (order 20) fetches stylesheets of its own: what the page says is what it said loading."""
    wait_until_delivered(page)
    page.heard.close()


@pytest.fixture
def visit(seen):
    """visit(toc_page) -> Visit, from the page's one visit at 1366 px in light mode (``seen``)."""

    def get(toc_page) -> Visit:
        seen(quiet, toc_page, 1366)
        return seen(collected, toc_page, 1366)

    return get


def test_site_has_every_toc_page(site_dir, toc):
    missing = [p.html for p in toc if not (site_dir / p.html).is_file()]
    assert not missing, f"pages of _toc.yml missing from the built site: {missing}"


def test_page_loads_cleanly(visit, toc_page):
    v = visit(toc_page)
    assert not v.console, f"{toc_page.html}: console errors:\n" + "\n".join(v.console)
    assert not v.failed, f"{toc_page.html}: failed requests to the site:\n" + "\n".join(v.failed)
    assert not v.blocked, (
        f"{toc_page.html} requested other hosts (the site must work offline):\n"
        + "\n".join(v.blocked)
    )


@cache
def _ids(path: Path) -> frozenset[str]:
    html = path.read_text(encoding="utf-8", errors="replace")
    return frozenset(re.findall(r"""\bid=["']([^"']+)["']""", html))


def test_internal_links_resolve(visit, toc_page, site_url, site_dir):
    v = visit(toc_page)
    broken = []
    for href in sorted(set(v.data["links"])):
        if not href.startswith(site_url):
            continue  # another host, or mailto:/javascript:
        parts = urlsplit(href)
        rel = unquote(parts.path)[len(urlsplit(site_url).path):]
        target = site_dir / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{href}: no file {target.relative_to(site_dir)}")
        elif parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in _ids(target):
                broken.append(f"{href}: no id {parts.fragment!r} in {rel}")
    assert not broken, f"{toc_page.html}: broken internal links:\n" + "\n".join(broken)


def test_images_load(visit, toc_page):
    v = visit(toc_page)
    bad = [i["src"] for i in v.data["images"] if not i["complete"] or i["width"] == 0]
    assert not bad, f"{toc_page.html}: images that did not load:\n" + "\n".join(bad)


def test_math_is_typeset(visit, toc_page):
    v = visit(toc_page)
    d = v.data
    if d["mathSources"]:
        assert d["mathTypeset"] >= d["mathSources"], (
            f"{toc_page.html}: {d['mathSources']} math elements but only {d['mathTypeset']}"
            " typeset by MathJax"
        )
    assert not d["mathErrors"], f"{toc_page.html}: MathJax errors: {d['mathErrors']}"
    raw = _RAW_MATH.findall(d["prose"])
    assert not raw, f"{toc_page.html}: math left as raw TeX in the text: {raw[:5]}"


def test_chapters_are_numbered(visit, toc_page):
    v = visit(toc_page)
    if toc_page.numbered:
        assert re.fullmatch(r"\d+(\.\d+)*\.", v.data["sectionNumber"] or ""), (
            f"{toc_page.html}: a page of the numbered part {toc_page.part!r} has no number in"
            f" its title ({v.data['title']!r})"
        )


def test_previous_and_next_links(visit, toc, toc_page, site_url):
    v = visit(toc_page)
    i = toc.index(toc_page)
    want_prev = urljoin(site_url, toc[i - 1].html) if i > 0 else None
    want_next = urljoin(site_url, toc[i + 1].html) if i + 1 < len(toc) else None
    assert v.data["prev"] == want_prev, f"{toc_page.html}: previous link {v.data['prev']}"
    assert v.data["next"] == want_next, f"{toc_page.html}: next link {v.data['next']}"


def test_figures_have_captions(visit, toc_page):
    v = visit(toc_page)
    bare = [f["id"] or "(no id)" for f in v.data["figures"] if not f["caption"]]
    assert not bare, f"{toc_page.html}: figures without a caption: {bare}"


def test_search_finds_softmax_in_a_chapter(softmax_search, site_url, toc):
    hits = [e["href"] for e in softmax_search["entries"]]
    chapter_pages = {urljoin(site_url, p.html) for p in toc if p.numbered}
    found = {h.split("#")[0].split("?")[0] for h in hits}
    assert found & chapter_pages, f"searching 'softmax' found no chapter page; hits: {hits}"


GLOSSARY = next((p for p in TOC if p.docname.endswith("glossary")), None)


@probe(widths=(1366,), order=2, only=lambda p: p == GLOSSARY)
def glossary_entries(page, toc_page, width, mode) -> list[dict]:
    """Each term of the glossary and the text of its definition."""
    return page.eval_on_selector_all(
        "dl.glossary > dt",
        """dts => dts.map(dt => {
             let dd = dt.nextElementSibling;
             while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
             return {term: dt.textContent.replace('#', '').trim(), text: dd ? dd.textContent : ''};
           })""",
    )


# Parametrized by the page, so that it shares the glossary's one visit (``page_scope``).
@pytest.mark.parametrize("page", [GLOSSARY], ids=lambda p: getattr(p, "docname", "none"))
def test_glossary_entries_have_chinese_terms(seen, page):
    assert page is not None, "the table of contents has no glossary page"
    entries = seen(glossary_entries, page, 1366)
    assert len(entries) >= 50, f"only {len(entries)} glossary terms"
    no_chinese = [e["term"] for e in entries if not re.search(r"[\u4e00-\u9fff]", e["text"])]
    assert not no_chinese, f"glossary entries without their Chinese term: {no_chinese}"


_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)
# The links of ``_COLLECT``'s glossaryLinks: a[href*="glossary.html#term-"] in the article.
_GLOSSARY_LINK = re.compile(r"<a\b[^>]*\bhref=\"[^\"]*glossary\.html#term-")


def test_every_chapter_links_to_the_glossary(site_dir, toc):
    """Read from the built HTML (no script adds links): one test for all the chapters' pages,
    which their own visits (one per page, in either worker) cannot see together."""
    by_chapter: dict[str, int] = {}
    for p in toc:
        if p.numbered:
            article = _ARTICLE.search((site_dir / p.html).read_text(encoding="utf-8"))
            assert article, f"{p.html}: no article.bd-article"
            links = len(_GLOSSARY_LINK.findall(article.group(1)))
            by_chapter[p.chapter] = by_chapter.get(p.chapter, 0) + links
    unlinked = [chapter for chapter, n in by_chapter.items() if n == 0]
    assert not unlinked, f"chapters with no {{term}} link to the glossary: {unlinked}"


def _open_at_1280(browser, site_url, path: str):
    """A page opened in a 1280x900 window, offline, settled (MathJax, images, fonts)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    page = context.new_page()
    page.goto(urljoin(site_url, path), wait_until="load")
    settle(page)
    return page


def test_screenshots(browser, site_url, site_dir, toc, screenshot_dir):
    """Landing page and one chapter page (the first with math and a captioned figure), in a
    1280x900 window."""
    landing = _open_at_1280(browser, site_url, toc[0].html)
    landing.screenshot(path=str(screenshot_dir / "landing.png"))
    landing.screenshot(path=str(screenshot_dir / "landing-full.png"), full_page=True)
    landing.context.close()
    candidates = [p for p in toc if p.numbered]
    assert candidates, "no numbered chapter in the table of contents"

    def math_and_caption(p) -> bool:
        article = _ARTICLE.search((site_dir / p.html).read_text(encoding="utf-8"))
        text = article.group(1) if article else ""
        captions = re.findall(r"<figcaption\b[^>]*>(.*?)</figcaption>", text, re.S)
        return 'class="math' in text and any(re.sub(r"<[^>]+>|\s", "", c) for c in captions)

    chosen = next((p for p in candidates if math_and_caption(p)), candidates[0])
    chapter = _open_at_1280(browser, site_url, chosen.html)
    name = chosen.docname.replace("/", "_")
    chapter.screenshot(path=str(screenshot_dir / f"chapter-{name}.png"))
    chapter.screenshot(path=str(screenshot_dir / f"chapter-{name}-full.png"), full_page=True)
    # A figure of that page, scrolled into view, for a close look at a caption.
    if chapter.query_selector("figure figcaption"):
        chapter.locator("figure").first.scroll_into_view_if_needed()
        chapter.screenshot(path=str(screenshot_dir / f"chapter-{name}-figure.png"))
    # Readable width: the text column of a chapter page is neither cramped nor sprawling.
    width = chapter.evaluate(
        "document.querySelector('article.bd-article p').getBoundingClientRect().width"
    )
    chapter.context.close()
    assert 500 <= width <= 1000, f"the text column is {width:.0f}px wide at a 1280px window"


_STRAY_REPR = re.compile(r"&lt;(Figure size|Axes:|matplotlib\.[\w.]+ (object )?at 0x)")


def test_no_stray_object_reprs_in_outputs(site_dir, toc_page):
    """A cell that ends in a plotting call must not print `<Figure ...>` or `<Axes ...>`."""
    html = (site_dir / toc_page.html).read_text(encoding="utf-8")
    stray = sorted({m.group(0) for m in _STRAY_REPR.finditer(html)})
    assert not stray, (
        f"{toc_page.html} shows object reprs {stray} in its outputs: end the cell with an "
        "assignment (ax = ...) or a semicolon"
    )


_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def test_images_have_alt_text(site_dir, toc_page):
    """Every image tells a screen reader what it shows: alt text that is not a file path."""
    html = (site_dir / toc_page.html).read_text(encoding="utf-8")
    bad = []
    for tag in _IMG.findall(html):
        alt = _ALT.search(tag)
        text = alt.group(2).strip() if alt else ""
        if not text or "/" in text or re.search(r"\.(png|svg|jpe?g|gif)$", text):
            bad.append(tag[:120])
    assert not bad, f"{toc_page.html}: images without real alt text:\n" + "\n".join(bad)
