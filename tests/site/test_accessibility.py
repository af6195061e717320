"""axe-core on every page of the site: no violation of any impact (critical, serious,
moderate or minor), the theme's own markup included. Every page in light mode at 1366 px and
at a phone's 390 px (where wide figures scroll in their own box and must take the keyboard
focus, book/_static/course-scroll.js). The colour rules, which take most of axe's time, run
on every page at 1366 px and, where only the colours or the layout differ (dark mode, 390 px),
on a sample of pages that shows every kind of element the site has: the landing page's table,
a chapter page's code, math and figures, the glossary and the references.

axe-core comes inside the axe-playwright-python wheel (the test extra), so it runs offline.
A failure lists each violation with its rule, its impact, the help text and the first elements
it found, so it can be fixed where it comes from (book/_ext/course_a11y.py for the theme's
markup, the page for the course's own).
"""

from __future__ import annotations

import functools

import pytest

from .conftest import TOC, probe

# label-content-name-mismatch is "experimental" in axe-core, so off unless asked for: a name
# that differs from the words on screen confuses speech-input users, so it is asked for.
_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
}


# Colour contrast is about five sixths of axe's time on a chapter page.
_NO_COLOURS = {**_OPTIONS, "rules": {**_OPTIONS["rules"], "color-contrast": {"enabled": False}}}


def _sample(toc) -> list:
    chapter = next(p for p in toc if p.numbered and p.is_notebook and p.chapter != p.docname)
    return [toc[0], chapter] + [p for p in toc if p.docname.endswith(("glossary", "references"))]


SAMPLE = _sample(TOC)


@functools.cache
def _axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:  # pragma: no cover - it is in the test extra
        pytest.fail("axe-playwright-python is missing: pip install -e '.[test]'", pytrace=False)
    return Axe()


@probe(widths=(1366, 390), modes=("light", "dark"), order=20)
def axe_violations(page, toc_page, width, mode) -> tuple[str, list[dict]]:
    """(the colour mode the page shows, axe-core's violations) on the settled page."""
    theme = page.evaluate("document.documentElement.dataset.theme")
    options = _OPTIONS if width == 1366 or toc_page in SAMPLE else _NO_COLOURS
    return theme, _axe().run(page, options=options).response["violations"]


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


def check(seen, toc_page, mode: str, width: int = 1366) -> None:
    path = toc_page.html
    theme, violations = seen(axe_violations, toc_page, width, mode)
    assert theme == mode, f"{path}: asked for {mode} mode, the page shows {theme}"
    assert not violations, (
        f"{path} ({mode} mode, {width} px): {len(violations)} axe-core "
        f"violations:\n{describe(violations)}"
    )


def test_every_page_in_light_mode(seen, toc_page):
    check(seen, toc_page, "light")


def test_every_page_on_a_phone(seen, toc_page):
    check(seen, toc_page, "light", width=390)


@pytest.mark.parametrize("page", SAMPLE, ids=lambda p: p.docname)
def test_dark_mode(seen, page):
    check(seen, page, "dark")
