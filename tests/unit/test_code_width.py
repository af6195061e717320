"""Every line of the book's code cells fits its box on the site: at most 88 characters.

88 is what the site's code box holds at a 1366 px window (book/_static/course-width.css sets
the font size for it; tests/site/test_width.py measures it in the browser). A cell's option
block (the `---` YAML or `:tag:` lines) is not shown to the reader and is not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_WIDTH = 88
_FENCE = re.compile(r"^(`{3,})\{code-cell\}")


def long_lines(text: str, limit: int = MAX_WIDTH) -> list[tuple[int, int, str]]:
    """(line number, length, line) of every code-cell line of a MyST page longer than `limit`."""
    found, fence, in_options = [], None, False
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if fence is None:
            opening = _FENCE.match(line)
            if opening:
                fence = opening.group(1)
                in_options = number < len(lines) and lines[number] == "---"
                options_opened = False
            continue
        if line.rstrip() == fence:
            fence = None
            continue
        if in_options:  # the YAML block between two `---` lines right after the fence
            if line == "---":
                in_options = not options_opened
                options_opened = True
            continue
        if line.startswith(":") and re.match(r"^:\w[\w-]*:", line):
            continue  # a short-form option such as :tags: [hide-input]
        if len(line) > limit:
            found.append((number, len(line), line))
    return found


PAGES = sorted(
    path
    for path in (ROOT / "book").rglob("*.md")
    if "{code-cell}" in path.read_text(encoding="utf-8")
)


def test_pages_were_found():
    assert len(PAGES) >= 10, f"only {len(PAGES)} MyST notebook pages under book/"


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_code_cell_lines_fit(page):
    found = long_lines(page.read_text(encoding="utf-8"))
    where = page.relative_to(ROOT)
    listing = "\n".join(
        f"  {where}:{n}: {size} characters: {line.strip()[:70]}" for n, size, line in found
    )
    assert not found, (
        f"{where}: code lines longer than {MAX_WIDTH} characters (the site's code box at "
        f"1366 px holds {MAX_WIDTH}); wrap them:\n{listing}"
    )


def test_the_check_sees_code_but_not_options():
    page = (
        "text with a very long line " + "x" * 100 + "\n"
        "```{code-cell} ipython3\n"
        "---\n"
        "mystnb:\n"
        "  figure:\n"
        "    caption: " + "c" * 100 + "\n"
        "---\n"
        "short = 1\n"
        "long = '" + "y" * 90 + "'\n"
        "```\n"
        "```{code-cell} ipython3\n"
        ":tags: [hide-input, " + "t" * 90 + "]\n"
        "print(" + "z" * 88 + ")\n"
        "```\n"
    )
    assert [(n, length) for n, length, _ in long_lines(page)] == [(9, 99), (13, 95)]
