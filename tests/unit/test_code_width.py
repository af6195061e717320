"""Every line of code the book shows fits its box on the site: at most 88 characters.

88 is what the site's code box holds at a 1366 px window (book/_static/course-width.css sets
the font size for it; tests/site/test_width.py measures it in the browser). Checked: the code
cells, whose option block (the `---` YAML or `:tag:` lines) the reader does not see, the
`coursekit` and `exercises` source that pages show with `{literalinclude}` (the `:pyobject:` or
`:lines:` part), and the plain fenced blocks of the prose (```bash, ```text...).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_WIDTH = 88
_FENCE = re.compile(r"^(`{3,})\{code-cell\}")
_PLAIN_FENCE = re.compile(r"^\s*(`{3,})(\w[\w+-]*)\s*$")  # ```bash, not ```{directive}
_INCLUDE = re.compile(r"^`{3,}\{literalinclude\}\s+(\S+)\n((?::[\w-]+:.*\n)*)", re.MULTILINE)


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


def plain_block_long_lines(text: str, limit: int = MAX_WIDTH) -> list[tuple[int, int, str]]:
    """(line number, length, line) of every line of a plain fenced block over `limit`.

    Indentation that the block itself carries (a block inside a list item) is not shown."""
    found, fence, indent = [], None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fence is None:
            opening = _PLAIN_FENCE.match(line)
            if opening:
                fence, indent = opening.group(1), len(line) - len(line.lstrip())
            continue
        if line.strip() == fence:
            fence = None
        elif len(line[indent:]) > limit:
            found.append((number, len(line[indent:]), line))
    return found


def _object_lines(source: str, dotted: str) -> range:
    """Line numbers (1-based) of `dotted` (``f`` or ``Class.method``), decorators included."""
    scope = ast.parse(source).body
    for name in dotted.split("."):
        node = next(
            n
            for n in scope
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.name == name
        )
        scope = node.body
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return range(first, node.end_lineno + 1)


def _listed_lines(spec: str) -> list[int]:
    """Sphinx's `:lines:` syntax (``3-9,12``), 1-based."""
    numbers = []
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        numbers.extend(range(int(low), int(high or low) + 1))
    return numbers


def included_long_lines(
    page: Path, limit: int = MAX_WIDTH, root: Path = ROOT
) -> list[tuple[str, int, int, str]]:
    """(file, line number, length, line) of every shown `{literalinclude}` line over `limit`."""
    found = []
    for match in _INCLUDE.finditer(page.read_text(encoding="utf-8")):
        path = (page.parent / match.group(1)).resolve()
        options = dict(re.findall(r"^:([\w-]+):\s*(.*)$", match.group(2), re.MULTILINE))
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        if "pyobject" in options:
            shown = _object_lines(source, options["pyobject"].strip())
        elif "lines" in options:
            shown = _listed_lines(options["lines"])
        else:
            shown = range(1, len(lines) + 1)
        where = str(path.relative_to(root))
        found += [(where, n, len(lines[n - 1]), lines[n - 1]) for n in shown
                  if len(lines[n - 1]) > limit]
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


BOOK_PAGES = sorted((ROOT / "book").rglob("*.md"))


@pytest.mark.parametrize("page", BOOK_PAGES, ids=[str(p.relative_to(ROOT)) for p in BOOK_PAGES])
def test_plain_block_lines_fit(page):
    found = plain_block_long_lines(page.read_text(encoding="utf-8"))
    listing = "\n".join(f"  line {n}: {size} characters: {line.strip()[:70]}"
                         for n, size, line in found)
    assert not found, (
        f"{page.relative_to(ROOT)}: lines of fenced blocks longer than {MAX_WIDTH} "
        f"characters; wrap them:\n{listing}"
    )


def test_the_plain_block_check_skips_directives_and_indentation():
    page = (
        "```{code-cell} ipython3\n" + "c" * 95 + "\n```\n"
        "1. a step\n\n   ```bash\n   " + "b" * 88 + "\n   " + "b" * 89 + "\n   ```\n"
        "```text\n" + "t" * 90 + "\n```\n"
    )
    assert [(n, size) for n, size, _ in plain_block_long_lines(page)] == [(8, 89), (11, 90)]


INCLUDING = sorted(
    path for path in (ROOT / "book").rglob("*.md")
    if "{literalinclude}" in path.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("page", INCLUDING, ids=[str(p.relative_to(ROOT)) for p in INCLUDING])
def test_included_source_lines_fit(page):
    found = included_long_lines(page)
    listing = "\n".join(f"  {f}:{n}: {size} characters: {line.strip()[:70]}"
                         for f, n, size, line in found)
    assert not found, (
        f"{page.relative_to(ROOT)} shows coursekit source lines longer than {MAX_WIDTH} "
        f"characters; wrap them in the source:\n{listing}"
    )


def test_the_include_check_reads_pyobject_and_lines(tmp_path):
    module = tmp_path / "mod.py"
    module.write_text(
        "import os\n"
        "\n"
        "class Box:\n"
        "    @staticmethod\n"
        "    def wide():\n"
        "        return '" + "w" * 90 + "'\n"
        "\n"
        "def narrow():\n"
        "    return 1\n"
        "LONG = '" + "L" * 90 + "'\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.md"
    page.write_text(
        "```{literalinclude} mod.py\n:pyobject: Box.wide\n:emphasize-lines: 2\n```\n\n"
        "```{literalinclude} mod.py\n:pyobject: narrow\n```\n\n"
        "```{literalinclude} mod.py\n:lines: 1-2,10\n```\n",
        encoding="utf-8",
    )
    found = included_long_lines(page, root=tmp_path)
    assert [(n, size) for _, n, size, _ in found] == [(6, 107), (10, 99)]
    assert list(_object_lines(module.read_text(), "Box.wide")) == [4, 5, 6]


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
