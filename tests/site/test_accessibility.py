"""axe-core on every page of the site: no critical or serious violation, the theme's own
markup included. Every page in light mode; in dark mode (colours only differ) the pages that
show every kind of element the site has: the landing page's table, a chapter page's code,
math and figures, the glossary and the references.

axe-core comes inside the axe-playwright-python wheel (the test extra), so it runs offline.
A failure lists each violation with its rule, its impact, the help text and the first elements
it found, so it can be fixed where it comes from (book/_ext/course_a11y.py for the theme's
markup, the page for the course's own).
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

_BLOCKING = {"critical", "serious"}
# label-content-name-mismatch is "experimental" in axe-core, so off unless asked for: a name
# that differs from the words on screen confuses speech-input users, so it is asked for.
_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}


@pytest.fixture(scope="module")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:  # pragma: no cover - it is in the test extra
        pytest.fail("axe-playwright-python is missing: pip install -e '.[test]'", pytrace=False)
    return Axe()


@pytest.fixture(scope="module")
def contexts(browser, site_url):
    made: dict[str, object] = {}

    def get(mode: str):
        if mode not in made:
            made[mode] = browser.new_context(
                viewport={"width": 1366, "height": 900}, color_scheme=mode
            )
            made[mode].route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort(),
            )
        return made[mode]

    yield get
    for context in made.values():
        context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} elements): {v['help']}")
        lines.append(f"      at {' | '.join(targets)}{more}")
        why = " ".join(v["nodes"][0].get("failureSummary", "").split())
        lines.append(f"      first: {why[:300]}")
    return "\n".join(lines)


def check(contexts, axe, site_url, path: str, mode: str) -> None:
    page = contexts(mode).new_page()
    try:
        page.goto(urljoin(site_url, path), wait_until="load")
        theme = page.evaluate("document.documentElement.dataset.theme")
        assert theme == mode, f"{path}: asked for {mode} mode, the page shows {theme}"
        if page.evaluate("document.querySelectorAll('.math').length") > 0:
            page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("MathJax.startup.promise")
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        violations = axe.run(page, options=_OPTIONS).response["violations"]
    finally:
        page.close()
    blocking = [v for v in violations if v["impact"] in _BLOCKING]
    assert not blocking, (
        f"{path} ({mode} mode): {len(blocking)} critical or serious axe-core "
        f"violations:\n{describe(blocking)}"
    )


def test_every_page_in_light_mode(contexts, axe, site_url, toc_page):
    check(contexts, axe, site_url, toc_page.html, "light")


def _dark_sample(toc) -> list[str]:
    chapter = next(p for p in toc if p.numbered and p.is_notebook and p.chapter != p.docname)
    wanted = [toc[0], chapter] + [p for p in toc if p.docname.endswith(("glossary", "references"))]
    return [p.html for p in wanted]


def test_dark_mode(contexts, axe, site_url, toc):
    for path in _dark_sample(toc):
        check(contexts, axe, site_url, path, "dark")
