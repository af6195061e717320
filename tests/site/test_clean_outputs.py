"""What the cells print, as a reader sees it on the site and in the downloadable notebooks.

A reader should meet no clutter from the build: no traceback (a page that demonstrates an
error shows ``Type: message`` through ``coursekit.book.expect_error``), no path of the build
machine, no warning block, no object repr such as ``<torch._C.Generator at 0x7f...>``.
Checked in every cell output of the built HTML and of the executed .ipynb that the download
menu offers (``_sources/<page>.ipynb``). Prose and code may mention such things; outputs may
not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import TOC

NOTEBOOK_PAGES = [page for page in TOC if page.is_notebook]

# What must not appear in an output, and why it is there when it does.
CLUTTER = {
    "a traceback": re.compile(r"Traceback \(most recent call last\)|^\s*File \"", re.M),
    "a path of the build machine": re.compile(
        r"/tmp/|/work/|/root/|/home/|/Users/|[A-Za-z]:\\|site-packages|\.venv/|ipykernel_\d+"
    ),
    "a warning block": re.compile(r"\b\w*Warning: "),
    "an object repr": re.compile(r"<[\w.]+ (object )?at 0x[0-9a-fA-F]+>"),
}


def _clutter(text: str) -> list[str]:
    """What clutter ``text`` holds, each with the line it is on."""
    found = []
    for what, pattern in CLUTTER.items():
        for match in pattern.finditer(text):
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            found.append(f"{what}: {text[start:end if end >= 0 else None].strip()[:160]}")
    return found


def _html_outputs(html: Path) -> list[str]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return [node.get_text() for node in soup.select(".cell_output")]


def _notebook_outputs(notebook: Path) -> list[str]:
    """Every output of every code cell as text, including error outputs' tracebacks."""
    texts = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                texts.append("Traceback (most recent call last)\n" + "\n".join(
                    [f"{output['ename']}: {output['evalue']}", *output.get("traceback", [])]))
            elif output["output_type"] == "stream":
                texts.append("".join(output["text"]))
            else:
                text = output.get("data", {}).get("text/plain", "")
                texts.append("".join(text) if isinstance(text, list) else text)
    return texts


def test_the_patterns_catch_what_readers_saw():
    """Each pattern finds the clutter it is for (lines the site showed before it was fixed)."""
    seen = {
        "a traceback": "Traceback (most recent call last)",
        "a path of the build machine":
            "/tmp/ipykernel_22071/3008104876.py:8: UserWarning: Converting a tensor",
        "a warning block": "x.py:8: UserWarning: Converting a tensor with requires_grad=True",
        "an object repr": "<torch._C.Generator at 0x7fd78474f8b0>",
    }
    for what, line in seen.items():
        assert any(found.startswith(what) for found in _clutter(line)), what
    assert _clutter("CheckpointMismatchError: checkpoint best.pt does not match") == []
    assert _clutter("RuntimeError: 0D or 1D target tensor expected") == []


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda page: page.docname)
def test_every_cell_output_on_the_site_is_clean(page, site_dir):
    html = site_dir / page.html
    assert html.is_file(), f"{html} was not built"
    found = [f for text in _html_outputs(html) for f in _clutter(text)]
    assert not found, f"{page.html} shows " + "\n  ".join(found)


@pytest.mark.parametrize("page", NOTEBOOK_PAGES, ids=lambda page: page.docname)
def test_every_downloadable_notebook_is_clean(page, site_dir):
    notebook = site_dir / "_sources" / f"{page.docname}.ipynb"
    assert notebook.is_file(), f"the download menu's {notebook} is missing"
    found = [f for text in _notebook_outputs(notebook) for f in _clutter(text)]
    assert not found, f"{notebook.relative_to(site_dir)} holds " + "\n  ".join(found)
