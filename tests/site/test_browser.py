"""The built site in a real browser: every page of the table of contents, as a reader meets it.

For each page: it loads with no console error and no failed request to the site itself (every
request to another host is blocked, since the site must work offline); every internal link
resolves (file and #anchor); every image loads; the math is typeset by MathJax with no error
and no raw $...$ left over; numbered chapters show their numbers; previous and next links chain
the pages in table-of-contents order. Plus: search finds "softmax" in a chapter, every glossary
entry carries its Chinese term and every chapter links to the glossary, and screenshots of the
landing page and of one chapter page are saved for review (_build/screenshots/).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

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
    """What one page looked like in the browser."""

    def __init__(self, url: str, data: dict, console: list, failed: list, blocked: list):
        self.url, self.data = url, data
        self.console, self.failed, self.blocked = console, failed, blocked


def _wait_until_delivered(page, requested: set, delivered: set, quiet_ms: int = 500) -> None:
    """Wait until every URL the page asked for has arrived (or failed) and nothing new has
    been asked for during ``quiet_ms``.

    Not Playwright's "networkidle": on pages typeset by MathJax 4 that state sometimes never
    came (three pages in four runs), although every request the page had reported had
    finished and no new one started. What matters here is that each URL was delivered.
    """
    for _ in range(60):
        before = len(requested)
        page.wait_for_timeout(quiet_ms)
        if len(requested) == before and requested <= delivered:
            return
    raise AssertionError(f"{page.url}: still loading after 30 s: {sorted(requested - delivered)}")


@pytest.fixture(scope="session")
def visit(browser, site_url):
    """visit(docname or path) -> Visit, loaded once per session and cached."""
    seen: dict[str, Visit] = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith(site_url) or r.request.url.startswith("data:"):
            r.continue_()
        else:  # offline machine: the site must not need anything from another host
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)

    def load(path: str) -> Visit:
        if path in seen:
            return seen[path]
        page = context.new_page()
        console, failed = [], []
        requested, delivered = set(), set()
        page.on("request", lambda r: requested.add(r.url))
        page.on("requestfinished", lambda r: delivered.add(r.url))
        page.on("requestfailed", lambda r: delivered.add(r.url))
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(f"uncaught: {e}"))
        page.on(
            "requestfailed",
            lambda r: failed.append(f"{r.url}: {r.failure}")
            if r.url.startswith(site_url)
            else None,
        )
        page.on(
            "response",
            lambda r: failed.append(f"{r.url}: HTTP {r.status}")
            if r.url.startswith(site_url) and r.status >= 400
            else None,
        )
        first_blocked = len(blocked)
        url = urljoin(site_url, path)
        page.goto(url, wait_until="load")
        if page.evaluate("document.querySelectorAll('.math').length") > 0:
            # MathJax loads deferred; its startup promise resolves after the first typeset.
            page.wait_for_function(
                "window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000
            )
            # Await the promise, not its value: Playwright would serialize MathJax 4's
            # document, and the page would then never reach network idle.
            page.evaluate("MathJax.startup.promise.then(() => true)")
        page.wait_for_function(
            "Array.from(document.images).every(i => i.complete)", timeout=30_000
        )
        _wait_until_delivered(page, requested, delivered)
        data = page.evaluate(_COLLECT)
        result = Visit(url, data, console, failed, blocked[first_blocked:])
        result.page = page  # kept open for screenshots
        seen[path] = result
        return result

    yield load
    context.close()


def test_site_has_every_toc_page(site_dir, toc):
    missing = [p.html for p in toc if not (site_dir / p.html).is_file()]
    assert not missing, f"pages of _toc.yml missing from the built site: {missing}"


def test_page_loads_cleanly(visit, toc_page):
    v = visit(toc_page.html)
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
    v = visit(toc_page.html)
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
    v = visit(toc_page.html)
    bad = [i["src"] for i in v.data["images"] if not i["complete"] or i["width"] == 0]
    assert not bad, f"{toc_page.html}: images that did not load:\n" + "\n".join(bad)


def test_math_is_typeset(visit, toc_page):
    v = visit(toc_page.html)
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
    v = visit(toc_page.html)
    if toc_page.numbered:
        assert re.fullmatch(r"\d+(\.\d+)*\.", v.data["sectionNumber"] or ""), (
            f"{toc_page.html}: a page of the numbered part {toc_page.part!r} has no number in"
            f" its title ({v.data['title']!r})"
        )


def test_previous_and_next_links(visit, toc, toc_page, site_url):
    v = visit(toc_page.html)
    i = toc.index(toc_page)
    want_prev = urljoin(site_url, toc[i - 1].html) if i > 0 else None
    want_next = urljoin(site_url, toc[i + 1].html) if i + 1 < len(toc) else None
    assert v.data["prev"] == want_prev, f"{toc_page.html}: previous link {v.data['prev']}"
    assert v.data["next"] == want_next, f"{toc_page.html}: next link {v.data['next']}"


def test_figures_have_captions(visit, toc_page):
    v = visit(toc_page.html)
    bare = [f["id"] or "(no id)" for f in v.data["figures"] if not f["caption"]]
    assert not bare, f"{toc_page.html}: figures without a caption: {bare}"


def test_search_finds_softmax_in_a_chapter(browser, site_url, toc):
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort())
    page.goto(urljoin(site_url, "search.html?q=softmax"), wait_until="load")
    # Sphinx's searchtools fills ul.search, then writes the summary line when it has finished.
    page.wait_for_function(
        "(document.querySelector('#search-results p.search-summary') || {}).innerText",
        timeout=60_000,
    )
    hits = page.eval_on_selector_all("ul.search li a", "els => els.map(a => a.href)")
    page.close()
    chapter_pages = {urljoin(site_url, p.html) for p in toc if p.numbered}
    found = {h.split("#")[0].split("?")[0] for h in hits}
    assert found & chapter_pages, f"searching 'softmax' found no chapter page; hits: {hits}"


def test_glossary_entries_have_chinese_terms(visit, toc):
    glossary = next((p for p in toc if p.docname.endswith("glossary")), None)
    assert glossary is not None, "the table of contents has no glossary page"
    page = visit(glossary.html).page
    entries = page.eval_on_selector_all(
        "dl.glossary > dt",
        """dts => dts.map(dt => {
             let dd = dt.nextElementSibling;
             while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
             return {term: dt.textContent.replace('#', '').trim(), text: dd ? dd.textContent : ''};
           })""",
    )
    assert len(entries) >= 50, f"only {len(entries)} glossary terms"
    no_chinese = [e["term"] for e in entries if not re.search(r"[\u4e00-\u9fff]", e["text"])]
    assert not no_chinese, f"glossary entries without their Chinese term: {no_chinese}"


def test_every_chapter_links_to_the_glossary(visit, toc):
    by_chapter: dict[str, int] = {}
    for p in toc:
        if p.numbered:
            links = visit(p.html).data["glossaryLinks"]
            by_chapter[p.chapter] = by_chapter.get(p.chapter, 0) + links
    unlinked = [chapter for chapter, n in by_chapter.items() if n == 0]
    assert not unlinked, f"chapters with no {{term}} link to the glossary: {unlinked}"


def test_screenshots(visit, toc, screenshot_dir):
    """Landing page and one chapter page (the first with math and a captioned figure)."""
    landing = visit(toc[0].html)
    landing.page.screenshot(path=str(screenshot_dir / "landing.png"))
    landing.page.screenshot(path=str(screenshot_dir / "landing-full.png"), full_page=True)
    candidates = [p for p in toc if p.numbered]
    assert candidates, "no numbered chapter in the table of contents"
    chosen = next(
        (
            p
            for p in candidates
            if visit(p.html).data["mathTypeset"]
            and any(f["caption"] for f in visit(p.html).data["figures"])
        ),
        candidates[0],
    )
    chapter = visit(chosen.html)
    name = chosen.docname.replace("/", "_")
    chapter.page.screenshot(path=str(screenshot_dir / f"chapter-{name}.png"))
    chapter.page.screenshot(path=str(screenshot_dir / f"chapter-{name}-full.png"), full_page=True)
    # A figure of that page, scrolled into view, for a close look at a caption.
    if chapter.page.query_selector("figure figcaption"):
        chapter.page.locator("figure").first.scroll_into_view_if_needed()
        chapter.page.screenshot(path=str(screenshot_dir / f"chapter-{name}-figure.png"))
    # Readable width: the text column of a chapter page is neither cramped nor sprawling.
    width = chapter.page.evaluate(
        "document.querySelector('article.bd-article p').getBoundingClientRect().width"
    )
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
