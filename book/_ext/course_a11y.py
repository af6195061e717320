"""Accessibility fixes to the theme's markup, applied to the built HTML.

axe-core (tests/site/test_accessibility.py) finds these in markup the course does not write:
sphinx-book-theme's and pydata-sphinx-theme's templates, sphinx-togglebutton's and
sphinxcontrib-bibtex's HTML. Overriding each template would pin the course to one release of
each; rewriting a few exact patterns of the finished pages is smaller and fails loudly (the
test) if a release changes them. Each rewrite is idempotent, so an incremental build that
rewrites every page again is harmless.

- summary-name: the sidebar's collapse arrows are <summary> elements with only an icon in
  them. Each gets a name, "Sections of <chapter title>".
- label-content-name-mismatch: "Show code cell source" toggles carry aria-label="Toggle hidden
  content", a name that differs from the words on screen; without it the summary is named by
  its visible text. So does the sidebar's search field ("Search... Ctrl+K", named "Search").
  The colour-mode button's icons carry titles ("Light", "Dark") that are not
  in its name "Color mode"; they are decorative (aria-hidden) next to that name.
- aria-required-children: the bibliography is a role="list" whose entries have the deprecated
  role doc-biblioentry; they become role="listitem".
- region: the primary sidebar (logo and chapter list) is outside every landmark; it becomes a
  navigation landmark.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

_SIDEBAR_SUMMARY = re.compile(
    r'(<li class="toctree-l\d[^"]*has-children[^"]*">\s*<a [^>]*>(?P<title>.*?)</a>\s*'
    r"<details[^>]*>\s*)<summary>",
    re.S,
)
_ICON_TITLE = re.compile(r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*">')
_REWRITES: list[tuple[str, str]] = [
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    (
        '<button class="btn search-button-field search-button__button pst-js-only" '
        'title="Search" aria-label="Search"',
        '<button class="btn search-button-field search-button__button pst-js-only" '
        'title="Search"',
    ),
    ('role="doc-biblioentry"', 'role="listitem"'),
    (
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">',
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" '
        'role="navigation" aria-label="Course contents">',
    ),
]


def _name_summary(match: re.Match) -> str:
    title = " ".join(re.sub(r"<[^>]+>", "", match["title"]).split())
    label = html.escape(f"Sections of {html.unescape(title)}", quote=True)
    return f'{match[1]}<summary aria-label="{label}">'


def fix_page(text: str) -> str:
    text = _SIDEBAR_SUMMARY.sub(_name_summary, text)
    text = _ICON_TITLE.sub(r'\1 aria-hidden="true">', text)
    for old, new in _REWRITES:
        text = text.replace(old, new)
    return text


def fix_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = fix_page(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", fix_site)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
