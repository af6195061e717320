"""Fixtures for the site tests: the table of contents, the built site on localhost, Chromium.

The browser tests need the built site (``make book``) and Debian's Chromium at
/usr/bin/chromium, driven by Python Playwright (never ``playwright install``: the machine is
offline). Where either is missing they skip, saying why; under ``CI=true`` they fail instead.

Environment:
- ``SITE_HTML``: the built site to test (default ``_build/html``);
- ``CHROMIUM``: the browser binary (default ``/usr/bin/chromium``);
- ``SCREENSHOT_DIR``: where screenshots go (default ``_build/screenshots``).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socketserver
import threading
from dataclasses import dataclass
from pathlib import Path

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


def pytest_generate_tests(metafunc):
    """`toc_page`: one test per page of the table of contents (generic over the chapters);
    `notebook_page`: one per MyST notebook page of it."""
    if "toc_page" in metafunc.fixturenames:
        metafunc.parametrize("toc_page", TOC, ids=[p.docname for p in TOC])
    if "notebook_page" in metafunc.fixturenames:
        pages = [p for p in TOC if p.source.suffix == ".md"]
        metafunc.parametrize("notebook_page", pages, ids=[p.docname for p in pages])
