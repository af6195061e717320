"""The site as a learner opens it without `make serve`, and as GitHub Pages serves a project.

- Opened as files (``make book``, then a double click on ``_build/html/index.html``: file://
  URLs, no server), search lists its results with no error and tells the reader that
  ``make serve`` gives the full search (the browser refuses to fetch pages from files, so no
  result can be summarised: each result failed with an uncaught error and nothing said why);
  following a result opens the page at its place with the words highlighted, and the
  colour-mode switch works. The download menu's .md, which the browser will not download from
  files (it replaced the page by the file's raw text), leaves the page and says where the file
  is and that `make serve` makes the menu download it.
- Served under a sub-path (http://host/course-name/..., a GitHub Pages project site), search,
  a result and the page it opens ask for nothing outside that sub-path and nothing missing
  ("Skip to main content" on the search page leads the keyboard to the search box); a
  mistyped address gets the course's 404.html (book/_extra), whose links find the course's
  root and lead back to it (the host's own 404 page had no way back).
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from .conftest import _SUMMARISED, TOC, _QuietHandler, _Server, listen, settle

_FINISHED = (
    "/finished/.test((document.querySelector('#search-results .search-summary') || {})"
    ".innerText || '')"
)


def test_search_works_from_files(browser, site_dir):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
        page.goto((site_dir / "search.html").as_uri() + "?q=softmax", wait_until="load")
        page.wait_for_function(_FINISHED, timeout=30_000)
        assert page.locator("#search-results li").count() > 0, "file://: search found nothing"
        page.wait_for_timeout(500)  # a summary's fetch fails a moment after its result shows
        assert not errors, f"file://, searching 'softmax': {errors[:3]}"
        note = page.get_by_text("make serve")
        assert note.count() and note.first.is_visible(), (
            "file://: the search page does not say that `make serve` gives the full search"
        )
        page.locator("#search-results li a[href*='#']").first.click()
        page.wait_for_load_state("load")
        settle(page)
        assert page.locator("span.highlighted").count() > 0, (
            f"file://: {page.url} opened from a search result shows no highlighted word"
        )
        before = page.evaluate("document.documentElement.dataset.mode")
        page.locator(".theme-switch-button:visible").first.click()
        after = page.evaluate("document.documentElement.dataset.mode")
        assert after != before, f"file://: the colour-mode button leaves the mode {before!r}"
        # The download menu's .md: the browser will not download from files.
        shown = page.url
        page.locator(".dropdown-download-buttons button:visible").first.click()
        page.locator(".dropdown-download-buttons .dropdown-item:visible", has_text=".md").click()
        page.wait_for_timeout(300)
        assert page.url == shown, f"file://: the menu's .md replaced the page by {page.url}"
        note = page.locator(".course-file-note:visible")
        assert note.count() and "make serve" in note.inner_text(), (
            "file://: pressing the download menu's .md says nothing about `make serve`"
        )
        assert not errors, f"file://, {page.url}: {errors[:3]}"
    finally:
        context.close()


class _SubPathHandler(_QuietHandler):
    """Serves the site under /course-name/ only, as GitHub Pages serves a project: an address
    it does not have gets the site's 404.html, with status 404."""

    prefix = "/course-name"

    def translate_path(self, path):
        if not path.startswith(self.prefix + "/"):
            return "/nonexistent"
        return super().translate_path(path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def test_search_and_pages_work_under_a_sub_path(browser, site_dir):
    handler = functools.partial(_SubPathHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/course-name/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        heard = listen(page, root)  # outside the sub-path counts as another host
        page.goto(root + "search.html?q=softmax", wait_until="load")
        page.wait_for_function(_FINISHED, timeout=30_000)
        # "Skip to main content", then Tab: the search box (it was the header's ☰).
        page.locator("#pst-skip-link a").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.bd-search-container')"), (
            "search.html: after 'Skip to main content' the next Tab is not in the search"
        )
        # Every result's summary in (each fetches its page): a click before would abort the
        # fetches still under way, which is the test's doing, not the site's.
        page.wait_for_function(_SUMMARISED, timeout=30_000)
        page.locator("#search-results li a[href*='#']").first.click()
        page.wait_for_load_state("load")
        settle(page)
        assert page.url.startswith(root), f"a search result under {root} led to {page.url}"
        other = [u for u in heard.other_hosts if not u.startswith("data:")]
        assert not heard.failed and not other and not heard.console, (
            f"under {root}: failed {heard.failed[:3]}, outside the sub-path {other[:3]}, "
            f"console {heard.console[:3]}"
        )
        # A mistyped address gets the course's own 404 page, whose links lead back into the
        # course (its 404s, and those of its search for the site's root, are expected).
        page.goto(root + "book/linear-regression/no-such-page.html", wait_until="load")
        home = page.get_by_role("link", name="first page")
        assert home.count(), f"under {root}, a missing page shows no way back to the course"
        page.wait_for_function(
            "document.getElementById('search').href.includes('?q=')", timeout=5_000
        )
        home.click()
        page.wait_for_load_state("load")
        landed = page.url.split("#")[0]  # index.html forwards to the book's first page
        assert landed in (root + "index.html", root + TOC[0].html), (
            f"under {root}, the 404 page's link to the first page led to {page.url}"
        )
    finally:
        context.close()
        server.shutdown()
        server.server_close()
