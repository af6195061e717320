"""Fixtures for the site tests: the table of contents, the built site on localhost, Chromium.

The browser tests need the built site (``make book``) and Debian's Chromium at
/usr/bin/chromium, driven by Python Playwright (never ``playwright install``: the machine is
offline). Where either is missing they skip, saying why; under ``CI=true`` they fail instead.

Environment:
- ``SITE_HTML``: the built site to test (default ``_build/html``);
- ``CHROMIUM``: the browser binary (default ``/usr/bin/chromium``);
- ``SCREENSHOT_DIR``: where screenshots go (default ``_build/screenshots``).

One visit per page state: a page is opened once at each (width, colour mode) it is tested in,
and every check of that state that looks at the page (``@probe``, registered by the test
files) runs on that one visit, in ``order``; the tests then assert on what the probes found.
Under ``pytest -n 2 --dist loadscope`` (xdist) the tests of one page share a worker
(``page_scope``), so no state loads twice.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socketserver
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SITE_HTML", REPO / "_build" / "html")).resolve()
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", REPO / "_build" / "screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require(condition: bool, reason: str) -> None:
    """Skip when a system dependency is missing, but fail under CI=true (it must be there)."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class TocPage:
    """One page of the table of contents."""

    docname: str  # e.g. "book/linear-regression/from-scratch"
    numbered: bool  # inside a part with `numbered: true`
    part: str  # the part's caption ("" for the root page)
    chapter: str = ""  # the docname of the chapter (top-level entry of its part) it belongs to

    @property
    def source(self) -> Path:
        for suffix in (".md", ".ipynb"):
            path = REPO / f"{self.docname}{suffix}"
            if path.exists():
                return path
        return REPO / f"{self.docname}.md"

    @property
    def html(self) -> str:
        return f"{self.docname}.html"

    @property
    def is_notebook(self) -> bool:
        """A MyST notebook page (it has a kernelspec), as opposed to a plain Markdown page."""
        text = self.source.read_text(encoding="utf-8") if self.source.exists() else ""
        return bool(re.search(r"^kernelspec:", text, flags=re.MULTILINE))


def toc_pages() -> list[TocPage]:
    """Every page of _toc.yml in reading order (root first), whatever chapters exist."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [TocPage(toc["root"], False, "", toc["root"])]

    def walk(entries, numbered, part, chapter=None):
        for entry in entries or []:
            if "file" in entry:
                pages.append(TocPage(entry["file"], numbered, part, chapter or entry["file"]))
            for key in ("sections", "chapters"):
                walk(entry.get(key), numbered, part, chapter or entry.get("file"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"), bool(part.get("numbered")), part.get("caption", ""))
    walk(toc.get("chapters"), bool(toc.get("numbered")), "")
    return pages


TOC = toc_pages()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # The browser closes connections it no longer needs when a page is left (a broken
        # pipe or reset); any other error still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    require(
        (SITE / "index.html").is_file(),
        f"no built site at {SITE} (run `make book` first)",
    )
    return SITE


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """Serve the built site on a free localhost port for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    require(
        Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK),
        f"no Chromium at {CHROMIUM} (sudo apt-get install chromium)",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is in the test extra
        require(False, "Python Playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def jupyter_bin() -> Path:
    """The `jupyter` command of the environment running the tests."""
    import sys

    candidate = Path(sys.executable).with_name("jupyter")
    found = str(candidate) if candidate.exists() else shutil.which("jupyter")
    require(found is not None, "no `jupyter` command (pip install -e '.[book]')")
    return Path(found)


@pytest.fixture(scope="session")
def toc() -> list[TocPage]:
    return TOC


# The two screens the layout is tested at: a laptop and a phone (which also sets is_mobile).
VIEWPORTS = {1366: 900, 390: 844}


@dataclass(frozen=True)
class Probe:
    """A look at a page in one state; ``run(page, toc_page, width, mode)`` returns what it saw
    (or raises: the test that asks for it re-raises)."""

    run: Callable[..., Any]
    widths: tuple[int, ...]
    modes: tuple[str, ...]
    order: int  # probes that change the page (open, click, leave) come last
    only: Callable[[TocPage], bool] | None


PROBES: list[Probe] = []


def probe(*, widths, order: int, modes=("light",), only=None):
    """Register ``fn(page, toc_page, width, mode)`` to run on every visit of a page at one of
    ``widths`` in one of ``modes`` (and, given ``only``, on the pages it accepts)."""

    def register(fn):
        PROBES.append(Probe(fn, tuple(widths), tuple(modes), order, only))
        return fn

    return register


class _Raised:
    def __init__(self, error: BaseException):
        self.error = error


@dataclass
class Heard:
    """What a page said as it loaded, from its first request until ``close()``: console errors
    and uncaught exceptions, failed requests to the site (an error or HTTP >= 400), and requests
    to other hosts (the context blocks them: the site must work offline). ``listen`` attaches it
    before the page is opened, as ``page.heard``; a probe closes it once the page is quiet,
    before the probes that run tools in the page (axe-core fetches the stylesheets' @imports
    itself, from the wrong folder: a 404 no reader's browser asks for)."""

    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    closed: bool = False
    # Every URL the page asked for, and those that arrived or failed (even after ``close``).
    requested: set[str] = field(default_factory=set)
    delivered: set[str] = field(default_factory=set)

    def add(self, to: list[str], line: str) -> None:
        if not self.closed:
            to.append(line)

    def close(self) -> None:
        self.closed = True


def listen(page, site_url: str) -> Heard:
    heard = Heard()
    page.on("console", lambda m: heard.add(heard.console, m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: heard.add(heard.console, f"uncaught: {e}"))
    page.on(
        "requestfailed",
        lambda r: heard.add(heard.failed, f"{r.url}: {r.failure}")
        if r.url.startswith(site_url)
        else None,  # requests to other hosts fail too (blocked): ``other_hosts`` has them
    )
    page.on(
        "response",
        lambda r: heard.add(heard.failed, f"{r.url}: HTTP {r.status}")
        if r.url.startswith(site_url) and r.status >= 400
        else None,
    )
    page.on(
        "request",
        lambda r: None
        if r.url.startswith((site_url, "data:"))
        else heard.add(heard.other_hosts, r.url),
    )
    page.on("request", lambda r: heard.requested.add(r.url))
    page.on("requestfinished", lambda r: heard.delivered.add(r.url))
    page.on("requestfailed", lambda r: heard.delivered.add(r.url))
    page.heard = heard  # for the probes, which are given the page
    return heard


def wait_until_delivered(page, quiet_ms: int = 500) -> None:
    """Wait until every URL the page asked for has arrived (or failed) and nothing new has
    been asked for during ``quiet_ms``.

    Not Playwright's "networkidle": on pages typeset by MathJax 4 that state sometimes never
    came (three pages in four runs), although every request the page had reported had
    finished and no new one started. What matters here is that each URL was delivered.
    """
    heard = page.heard
    for _ in range(60):
        before = len(heard.requested)
        page.wait_for_timeout(quiet_ms)
        if len(heard.requested) == before and heard.requested <= heard.delivered:
            return
    missing = sorted(heard.requested - heard.delivered)
    raise AssertionError(f"{page.url}: still loading after 30 s: {missing}")


def settle(page) -> None:
    """Wait until the page is as a reader sees it: MathJax typeset, images and fonts loaded."""
    if page.evaluate("document.querySelectorAll('.math').length") > 0:
        # MathJax loads deferred; its startup promise resolves after the first typeset.
        page.wait_for_function(
            "window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000
        )
        # Await the promise, not its value: Playwright would serialize MathJax 4's
        # document, and the page would then never reach network idle.
        page.evaluate("MathJax.startup.promise.then(() => true)")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=30_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    # The theme sets the colour mode after the first paint, and its buttons fade to the new
    # colours over 0.15 s: colours are only measured (axe's contrast rule) once no finite
    # transition or animation is still running.
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getComputedTiming().endTime === Infinity)",
        timeout=10_000,
    )


@pytest.fixture(scope="session")
def seen(browser, site_url):
    """seen(probe_fn, toc_page, width, mode="light") -> what the probe found on that page.

    The first request for a (page, width, mode) opens the page once in an offline context of
    that width and mode (other hosts blocked), waits for it to settle and runs every
    registered probe of that state; the results are kept for the session."""
    contexts: dict[tuple[int, str], Any] = {}
    results: dict[tuple[str, int, str], dict] = {}

    def context(width: int, mode: str):
        if (width, mode) not in contexts:
            made = browser.new_context(
                viewport={"width": width, "height": VIEWPORTS[width]},
                is_mobile=width < 800,
                color_scheme=mode,
            )
            made.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort(),
            )
            contexts[width, mode] = made
        return contexts[width, mode]

    def visit(toc_page: TocPage, width: int, mode: str) -> dict:
        probes = sorted(
            (
                p
                for p in PROBES
                if width in p.widths and mode in p.modes and (p.only is None or p.only(toc_page))
            ),
            key=lambda p: p.order,
        )
        found: dict = {}
        page = context(width, mode).new_page()
        listen(page, site_url)
        try:
            try:
                page.goto(site_url + toc_page.html, wait_until="load")
                settle(page)
            except Exception as error:  # noqa: BLE001 - every probe of the state reports it
                failed = AssertionError(
                    f"{toc_page.html} at {width}px ({mode} mode) did not load and settle: {error}"
                )
                return {p.run: _Raised(failed) for p in probes}
            for p in probes:
                try:
                    found[p.run] = p.run(page, toc_page, width, mode)
                except Exception as error:  # noqa: BLE001 - re-raised by the test that asks
                    found[p.run] = _Raised(error)
        finally:
            page.close()
        return found

    def get(probe_fn, toc_page: TocPage, width: int, mode: str = "light"):
        key = (toc_page.docname, width, mode)
        if key not in results:
            results[key] = visit(toc_page, width, mode)
        if probe_fn not in results[key]:
            raise AssertionError(
                f"no probe {probe_fn.__name__} for {toc_page.html} at {width}px ({mode} mode)"
            )
        value = results[key][probe_fn]
        if isinstance(value, _Raised):
            raise value.error
        return value

    yield get
    for made in contexts.values():
        made.close()


# The search page asked for "softmax", as a reader asks: read by two tests (test_browser.py:
# a chapter is found; test_site_details.py: only book pages, summarised by their text), which
# share its one visit (``softmax_search``) and so its unit of work (``page_scope``).
SEARCH_QUERY = "search.html?q=softmax"
_SEARCH_TESTS = {
    "test_browser.py::test_search_finds_softmax_in_a_chapter",
    "test_site_details.py::test_search_lists_only_book_pages",
}
# Every listed result is complete: a page result has its summary (Sphinx's searchtools fetches
# each page to make it), an object result (a glossary term) its description instead.
_SUMMARISED = """() => [...document.querySelectorAll('ul.search > li')]
  .every(li => li.querySelector(':scope > span, p.context'))"""


@pytest.fixture(scope="session")
def softmax_search(browser, site_url) -> dict:
    """The search page for "softmax" at 1366x900, offline, opened once: its results
    (``entries``: text and link) and their summaries (``summaries``), read once every result
    is listed and every page result has its summary (or after 10 s, with those that came)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    try:
        page = context.new_page()
        page.goto(site_url + SEARCH_QUERY, wait_until="load")
        # Sphinx's searchtools fills ul.search, then writes the summary line when it is done.
        page.wait_for_function(
            "(document.querySelector('#search-results p.search-summary') || {}).innerText",
            timeout=60_000,
        )
        try:  # the summaries arrive as each page is fetched
            page.wait_for_function(_SUMMARISED, timeout=10_000)
        except Exception:  # noqa: BLE001 - the tests judge what came
            pass
        return {
            "entries": page.eval_on_selector_all(
                "ul.search > li",
                "lis => lis.map(li => ({text: li.innerText, href: li.querySelector('a').href}))",
            ),
            "summaries": page.eval_on_selector_all(
                "ul.search > li p.context", "ps => ps.map(p => p.innerText)"
            ),
        }
    finally:
        context.close()


def pytest_generate_tests(metafunc):
    """`toc_page`: one test per page of the table of contents (generic over the chapters);
    `notebook_page`: one per MyST notebook page of it."""
    if "toc_page" in metafunc.fixturenames:
        metafunc.parametrize("toc_page", TOC, ids=[p.docname for p in TOC])
    if "notebook_page" in metafunc.fixturenames:
        pages = [p for p in TOC if p.source.suffix == ".md"]
        metafunc.parametrize("notebook_page", pages, ids=[p.docname for p in pages])


# The files whose tests look at a page through ``seen``: their tests of one page share a worker.
_SEEN_FILES = {
    f"test_{name}.py"
    for name in (
        "accessibility", "browser", "figures", "navigation", "screenshots", "site_details", "width"
    )
}


def page_scope(nodeid: str) -> str:
    """The unit of work a test belongs to under ``-n --dist loadscope``: the page it looks at
    through ``seen`` (the docname in its parameters), the search page for the two tests that
    read it (``softmax_search``), else its file (test_browser.py's two pages at 1280 px,
    test_jupyterlab.py's one server)."""
    path, _, rest = nodeid.partition("::")
    name = path.rsplit("/", 1)[-1]
    if f"{name}::{rest}" in _SEARCH_TESTS:
        return SEARCH_QUERY
    params = rest.partition("[")[2]
    if name in _SEEN_FILES and params:
        pages = [p.docname for p in TOC if p.docname in params]
        if pages:
            return max(pages, key=len)  # book/linear-regression/index, not book/index
    return path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under ``-n N --dist loadscope`` a unit of work is a page (``page_scope``), so each page
    state is visited by one worker only. (xdist's ``loadgroup`` marks do not reach its
    scheduler under pytest 9, which no longer reads the node id it rewrites.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class PageScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return page_scope(nodeid)

    return PageScheduling(config, log)
