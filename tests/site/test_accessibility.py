"""axe-core on every page of the site, in light and in dark mode: no critical or serious
violation, the theme's own markup included.

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


@pytest.fixture(scope="module", params=["light", "dark"])
def mode_context(request, browser, site_url):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, color_scheme=request.param
    )
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    yield request.param, context
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


def test_no_serious_accessibility_violations(axe, mode_context, site_url, toc_page):
    mode, context = mode_context
    page = context.new_page()
    try:
        page.goto(urljoin(site_url, toc_page.html), wait_until="load")
        page.wait_for_load_state("networkidle")
        theme = page.evaluate("document.documentElement.dataset.theme")
        assert theme == mode, f"{toc_page.html}: asked for {mode} mode, the page shows {theme}"
        if page.evaluate("document.querySelectorAll('.math').length") > 0:
            page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise")
            page.evaluate("MathJax.startup.promise")
        violations = axe.run(page, options=_OPTIONS).response["violations"]
    finally:
        page.close()
    blocking = [v for v in violations if v["impact"] in _BLOCKING]
    assert not blocking, (
        f"{toc_page.html} ({mode} mode): {len(blocking)} critical or serious axe-core "
        f"violations:\n{describe(blocking)}"
    )
