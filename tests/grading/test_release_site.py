"""The student edition's site holds no answer (instructor-only: needs the reference answers).

A file of its own, so that pytest-xdist (``--dist loadfile``) may run it on the other worker
than test_release.py; both use the edition test_release.py's ``built_edition`` builds once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.grading.test_release import _leaks, _repeating_a_page
from tests.grading.test_release import built_edition as built_edition  # the fixtures
from tests.grading.test_release import edition as edition

# Ways a page could print a source file in its output (then the built site would hold it).
PRINTS_SOURCE = ("getsource", "%load", "%pycat", "!cat", "tests/grading/reference", "read_text(")


@pytest.mark.slow
def test_the_editions_site_and_notebooks_hold_no_answer(edition):
    """Builds the edition's site (HTML, page sources, downloadable notebooks) without running
    the pages, and searches it. Running them would take the minutes of the nbval phase; it is
    not needed, since outputs only add what code prints and no page prints a source file."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    if not jupyter_book.exists():
        pytest.skip("jupyter-book is not installed (pip install -e '.[book]')")
    pages = list((edition / "book").rglob("*.md"))
    printing = [(p.name, w) for p in pages for w in PRINTS_SOURCE if w in p.read_text()]
    assert not printing, f"a page may print a source file into the site: {printing}"
    source = edition  # this test's own copy
    config = source / "_config.yml"
    text = config.read_text()
    assert "execute_notebooks: cache" in text
    config.write_text(text.replace("execute_notebooks: cache", 'execute_notebooks: "off"'))
    built = subprocess.run([str(jupyter_book), "build", str(source), "--builder", "html"],
                           capture_output=True, text=True, timeout=1200)  # fmt: skip
    site = source / "_build" / "html"
    assert built.returncode == 0 and site.is_dir(), built.stdout[-3000:] + built.stderr[-3000:]
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in
             (".html", ".ipynb", ".md", ".py", ".txt", ".js", ".json")]  # fmt: skip
    assert any(p.suffix == ".ipynb" for p in files), "no downloadable notebook in the site"
    assert any(p.parent.name == "_downloads" or "_downloads" in p.parts for p in files)
    repeats = _repeating_a_page(edition / "book/exercises.md")
    # The course prints the repeated exercises on its pages, so their pages in the site (and
    # those pages' sources and notebooks) may hold them; nothing else may.
    leaks = _leaks(site, files, repeats, lambda p: p.suffix in (".html", ".ipynb", ".md"))
    assert not leaks, f"reference function bodies in the built site: {leaks}"
