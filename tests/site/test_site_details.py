"""The site's smaller promises, as a reader meets them.

- One search box on screen, at a desktop width and at a phone width.
- The sidebar shows the glossary and the references on its first screen, and no part caption
  repeats the title of the only chapter under it.
- The bibliography labels its entries the way the text cites them ("Kingma and Ba, 2015").
- The glossary opens with an A-Z index whose letters jump to the first term of each letter.
- Site search lists only pages of the book, each summarised by its text (not "....pdf", the
  download menu's text, nor "Contents 4.1. ...", the page's printed table of contents).
- MathJax (about 1 MB) is loaded by the pages that show math, and only by them, with the
  script that fits its menu to what the site vendors.
- MathJax's menu (a right-click on an equation): the items whose files the site does not ship
  (the SVG renderer, semantic enrichment, which loads the speech engine) are disabled, and
  every setting a reader can pick loads nothing that is missing and leaves the math typeset.
- Every page names its icon (the browser asks for one: without it, each page logs a 404).
- The download menu's .md and .ipynb, pressed from the keyboard, save the page's files (the .md
  opened in a new tab as raw text).
- Printed (the .pdf entry), a page shows no "Show code cell source" bar of a folded code cell.
"""

from __future__ import annotations

import html as htmllib
import re
import string
from urllib.parse import urljoin

import pytest

from .conftest import _SUMMARISED, TOC, probe

_SEARCH_CONTROLS = (
    "button.search-button__button:visible, input[type=search]:visible, "
    ".search-button-field:visible"
)


@pytest.fixture(scope="module")
def offline(browser, site_url):
    contexts = []

    def make(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@probe(widths=(1366,), order=60, only=lambda p: p == TOC[1])
def search_and_back_matter(page, toc_page, width, mode) -> tuple[int, dict]:
    """(how many search controls show, {name: its sidebar link's [count, box]}) at 1366 px."""
    links = {}
    for name in ("glossary", "references"):
        link = page.locator(f"nav.bd-docs-nav a[href$='{name}.html']")
        links[name] = [link.count(), link.bounding_box() if link.count() == 1 else None]
    return page.locator(_SEARCH_CONTROLS).count(), links


@pytest.mark.parametrize("page", [TOC[1]], ids=lambda p: p.docname)
def test_one_search_box_at_1366(seen, page):
    count = seen(search_and_back_matter, page, 1366)[0]
    assert count == 1, f"at 1366px the page shows {count} search boxes, not one"


def test_one_search_box_at_390(offline, site_url, toc):
    page = offline(390, 844)
    page.goto(urljoin(site_url, toc[1].html), wait_until="load")
    count = page.locator(_SEARCH_CONTROLS).count()
    assert count == 1, f"at 390px the page shows {count} search boxes, not one"


@pytest.mark.parametrize("page", [TOC[1]], ids=lambda p: p.docname)
def test_back_matter_on_the_sidebars_first_screen(seen, page):
    links = seen(search_and_back_matter, page, 1366)[1]
    for name in ("glossary", "references"):
        count, box = links[name]
        assert count == 1, f"the sidebar has no link to the {name}"
        assert box and box["y"] + box["height"] <= 900, (
            f"the sidebar's link to the {name} is below the first screen (at y={box})"
        )


def test_part_captions_do_not_repeat_their_chapter(site_dir, toc):
    html = (site_dir / toc[1].html).read_text(encoding="utf-8")
    nav = re.search(r'<nav class="[^"]*bd-docs-nav[^"]*"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, f"{toc[1].html} has no sidebar chapter list"
    # The sidebar: each part caption, then its chapters (toctree-l1 entries) until the next.
    parts = re.split(r'<p[^>]*class="caption"[^>]*>', nav.group(1))[1:]
    assert parts, "the sidebar shows no part captions"
    repeated = []
    for part in parts:
        caption = _text(part[: part.index("</p>")])
        titles = [
            _text(t) for t in re.findall(r'<li class="toctree-l1[^"]*">\s*<a [^>]*>(.*?)</a>', part)
        ]
        if len(titles) == 1 and caption.lower() in titles[0].lower():
            repeated.append(f"{caption!r} over {titles[0]!r}")
    assert not repeated, f"part captions that repeat their only chapter: {repeated}"


_CITATION = re.compile(
    r'<a[^>]*href="[^"]*references\.html#(id\d+)"[^>]*>(.*?)</a>', re.S | re.IGNORECASE
)


def _text(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_bibliography_labels_read_like_the_citations(site_dir, toc):
    refs = (site_dir / "book" / "references.html").read_text(encoding="utf-8")
    labels = {
        anchor: _text(label)
        for anchor, label in re.findall(
            r'<div class="citation" id="(id\d+)"[^>]*>\s*<span class="label">'
            r"<span class=\"fn-bracket\">\[</span>(.*?)<span",
            refs,
            re.S,
        )
    }
    assert labels, "references.html lists no bibliography entries"
    mismatched = []
    for page in toc:
        html = (site_dir / page.html).read_text(encoding="utf-8")
        for anchor, cited in _CITATION.findall(html):
            cited = _text(cited)
            if anchor in labels and cited not in labels[anchor]:
                mismatched.append(f"{page.html}: cites {cited!r}, the list says {labels[anchor]!r}")
    assert not mismatched, "citations and bibliography disagree:\n" + "\n".join(mismatched)
    for label in labels.values():
        assert re.fullmatch(r".+, \d{4}[a-z]?", label), f"label {label!r} is not author-year"


def test_glossary_has_an_a_to_z_index(offline, site_url, site_dir):
    html = (site_dir / "book" / "glossary.html").read_text(encoding="utf-8")
    terms = re.findall(r'<dt id="(term-[^"]+)">(.*?)</dt>', html, re.S)
    assert terms, "the glossary has no terms"
    first: dict[str, str] = {}
    for anchor, term in terms:
        letter = _text(re.sub(r'<a class="headerlink".*?</a>', "", term))[:1].upper()
        if letter in string.ascii_uppercase:
            first.setdefault(letter, anchor)
    page = offline(390, 844)
    page.goto(urljoin(site_url, "book/glossary.html"), wait_until="load")
    # Each letter's link, and the term (<dt>) its target sits in.
    linked = page.eval_on_selector_all(
        ".glossary-az a",
        """links => Object.fromEntries(links.map(a => {
             const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
             const dt = target && target.closest('dt');
             return [a.innerText.trim(), dt ? dt.id : null];
           }))""",
    )
    assert linked, "the glossary has no A-Z index"
    assert linked == first, f"the A-Z index leads to {linked}, the terms start {first}"
    # A reader taps a letter near the end and lands on that term.
    letter = sorted(linked)[-2]
    page.locator(".glossary-az a", has_text=letter).first.click()
    try:  # the theme scrolls smoothly
        page.wait_for_function(
            "id => { const r = document.getElementById(id).getBoundingClientRect();"
            " return r.top >= 0 && r.top < window.innerHeight; }",
            arg=first[letter],
            timeout=5_000,
        )
    except Exception:  # noqa: BLE001 - say it as the reader sees it
        pytest.fail(f"pressing {letter} in the A-Z index did not bring its first term on screen")


def test_search_lists_only_book_pages(softmax_search, site_url, toc):
    entries = softmax_search["entries"]
    assert entries, "searching 'softmax' found nothing"
    pages = {urljoin(site_url, p.html) for p in toc}
    stray = [e for e in entries if e["href"].split("#")[0].split("?")[0] not in pages]
    assert not stray, f"search lists entries that are not pages of the book: {stray[:5]}"
    # Each summary quotes the page's text, not its download menu (".md .pdf" gave "....pdf").
    summaries = softmax_search["summaries"]
    menu = [s for s in summaries if re.search(r"\.(pdf|md|ipynb)\b", s)]
    assert not menu, f"search summaries quote the download menu: {menu[:3]}"
    # Nor its printed table of contents, hidden on screen ("Softmax regression Contents...").
    printed = [s for s in summaries if re.search(r"\bContents(\.\.\.| \d+\.\d)", s)]
    assert not printed, f"search summaries quote the page's printed contents: {printed[:3]}"


_MATHJAX = re.compile(r'<script[^>]+src="[^"]*mathjax/tex-chtml[^"]*"')
_MENU = re.compile(r'<script[^>]+src="[^"]*course-mathjax-menu\.js[^"]*"')
_MATH = re.compile(r'class="[^"]*\bmath\b')
_ICON = re.compile(r'<link rel="icon" href="([^"]+)"')


def test_mathjax_only_on_pages_with_math(site_dir, toc):
    wrong = []
    for page in toc:
        html = (site_dir / page.html).read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        has_math, loads = bool(_MATH.search(body)), bool(_MATHJAX.search(html))
        if not has_math == loads == bool(_MENU.search(html)):
            wrong.append(f"{page.html}: math={has_math}, loads MathJax={loads}, its menu"
                         f" script={bool(_MENU.search(html))}")  # fmt: skip
    assert not wrong, "MathJax where there is no math, or math without MathJax:\n" + "\n".join(
        wrong
    )
    assert any(
        _MATHJAX.search((site_dir / p.html).read_text(encoding="utf-8")) for p in toc
    ), "no page loads MathJax"


def test_every_page_names_its_icon(site_dir, toc):
    missing = []
    for page in toc:
        icon = _ICON.search((site_dir / page.html).read_text(encoding="utf-8"))
        if not icon or not (site_dir / page.html).parent.joinpath(icon[1]).resolve().is_file():
            missing.append(page.html)
    assert not missing, f"pages without an icon the site serves: {missing}"


# Every item of MathJax's menu, as (path of ids, kind, enabled): kind is "radio", "checkbox"
# or another (commands, submenus, labels); an item is enabled if it and its menus are.
_MENU_ITEMS = """() => {
  const items = [];
  const walk = (menu, path, enabled) => {
    for (const item of menu.items) {
      const here = path.concat([item.id]), on = enabled && !item.disabled;
      items.push([here, item.type, on]);
      if (item.submenu) walk(item.submenu, here, on);
    }
  };
  walk(MathJax.startup.document.menu.menu, [], true);
  return items;
}"""


def _math_page(site_dir, toc):
    return next(p for p in toc if _MATHJAX.search((site_dir / p.html).read_text("utf-8")))


def test_mathjax_menu_offers_only_what_the_site_ships(offline, site_url, site_dir, toc):
    from .conftest import listen, settle, wait_until_delivered

    page = offline(1366, 900)  # a context of its own: the menu keeps its settings in it
    heard = listen(page, site_url)
    page.goto(urljoin(site_url, _math_page(site_dir, toc).html), wait_until="load")
    settle(page)
    typeset = page.locator("mjx-container").count()
    # As a reader: right-click an equation, open the submenus, find the item greyed out.
    # The equation is brought to mid-screen first, as a reader scrolls to what they read: at
    # the bottom edge the menu overflows the window, hovering its lower items scrolls the page
    # (smoothly), and the submenu closes under a pointer that no longer sits on its item.
    equation = page.locator("mjx-container").first
    equation.evaluate("e => e.scrollIntoView({block: 'center', behavior: 'instant'})")
    for submenus, role, name in ((("Math Settings", "Math Renderer"), "menuitemradio", "SVG"),
                                 (("Options",), "menuitemcheckbox", "Semantic Enrichment")):
        equation.click(button="right")
        for submenu in submenus:
            page.get_by_role("menuitem", name=submenu).first.hover()
        entry = page.get_by_role(role, name=name, exact=True)
        assert entry.get_attribute("aria-disabled") == "true", f"the menu offers {name}"
        page.keyboard.press("Escape")
    # Every setting a reader can pick, picked in turn (press(): what a click on it runs).
    settings = [path for path, kind, on in page.evaluate(_MENU_ITEMS)
                if on and kind in ("radio", "checkbox")]  # fmt: skip
    assert len(settings) > 20, settings
    for path in settings:
        page.evaluate("path => MathJax.startup.document.menu.menu.findID(...path).press()", path)
        wait_until_delivered(page, quiet_ms=100)
        assert not heard.console and not heard.failed, (
            f"MathJax menu item {' > '.join(path)}: {heard.console + heard.failed}"
        )
    page.evaluate("MathJax.startup.promise.then(() => true)")
    assert page.locator("mjx-container").count() == typeset
    assert page.locator("mjx-merror").count() == 0


_NOTEBOOK_PAGE = next(p for p in TOC if p.is_notebook)


@probe(widths=(1366,), order=85, only=lambda p: p == _NOTEBOOK_PAGE)
def download_menu(page, toc_page, width, mode) -> dict[str, str]:
    """{entry: what pressing it with Enter did} for the download menu's file entries."""
    found = {}
    toggle = page.locator(".dropdown-download-buttons button.dropdown-toggle")
    entries = page.locator(".dropdown-download-buttons a.dropdown-item")
    for i in range(entries.count()):
        text = entries.nth(i).inner_text().strip()
        toggle.focus()
        page.keyboard.press("Enter")
        for _ in range(i + 1):
            page.keyboard.press("ArrowDown")
        tabs = len(page.context.pages)
        try:
            with page.expect_download(timeout=5_000) as download:
                page.keyboard.press("Enter")
            found[text] = f"saved {download.value.suggested_filename}"
        except Exception:  # noqa: BLE001 - say what the reader got instead
            opened = page.context.pages[tabs:]
            found[text] = f"opened {opened[0].url} in a new tab" if opened else "did nothing"
        for extra in page.context.pages[tabs:]:
            extra.close()
        page.keyboard.press("Escape")
    return found


# Parametrized by the page, so that it shares the page's one visit (``page_scope``).
@pytest.mark.parametrize("page", [_NOTEBOOK_PAGE], ids=lambda p: p.docname)
def test_download_menu_saves_the_pages_files(seen, page):
    found = seen(download_menu, page, 1366)
    name = page.docname.rsplit("/", 1)[-1]
    wanted = {".md": f"saved {name}.md", ".ipynb": f"saved {name}.ipynb"}
    assert found == wanted, f"{page.html}: the download menu's entries: {found}"


_FOLDED_PAGE = next(p for p in TOC if "hide-input" in p.source.read_text(encoding="utf-8"))


@probe(widths=(1366,), order=86, only=lambda p: p == _FOLDED_PAGE)
def printed_controls(page, toc_page, width, mode) -> list[str]:
    """The folded code cells' bars that show when the page is printed."""
    page.emulate_media(media="print")
    try:
        return page.locator(".cell details.hide > summary").evaluate_all(
            "bars => bars.filter(b => b.checkVisibility()).map(b => b.innerText.trim())"
        )
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("page", [_FOLDED_PAGE], ids=lambda p: p.docname)
def test_print_shows_no_folded_code_bars(seen, page):
    bars = seen(printed_controls, page, 1366)
    assert not bars, f"{page.html} printed shows {len(bars)} bars: {bars[:2]}"


# The lines of each result page's folded code (code cells shown as "Show code cell source").
_FOLDED = """async hrefs => {
  const lines = [];
  for (const href of new Set(hrefs.map(h => h.split('#')[0]))) {
    const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
    for (const pre of doc.querySelectorAll('details.hide pre'))
      lines.push(...pre.textContent.split('\\n').map(l => l.trim()).filter(l => l.length >= 12));
  }
  return lines;
}"""


def test_search_summaries_on_a_phone_quote_no_folded_code(browser, site_url):
    """A reader on a phone searches "learning rate": each result's summary quotes the page as
    it reads, not the source of a folded code cell (a figure's drawing code, matched by
    "enume*rate*(...)", was the first chapter's summary: search-summary.js)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    try:
        page = context.new_page()
        page.goto(urljoin(site_url, "book/mlp/mlp.html"), wait_until="load")
        page.locator(".bd-header-article button[aria-label='Search']").tap()
        page.keyboard.type("learning rate")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(document.querySelector('#search-results p.search-summary') || {}).innerText",
            timeout=60_000,
        )
        page.wait_for_function(_SUMMARISED, timeout=20_000)
        hrefs = page.eval_on_selector_all("ul.search > li > a", "as => as.map(a => a.href)")
        summaries = page.eval_on_selector_all(
            "ul.search > li p.context", "ps => ps.map(p => p.innerText)"
        )
        folded = page.evaluate(_FOLDED, hrefs)
    finally:
        context.close()
    assert folded, "no result page has folded code: the test needs another query"
    quoted = [s for s in summaries if any(line in s for line in folded)]
    assert not quoted, f"search summaries quote folded code: {quoted[:2]}"
