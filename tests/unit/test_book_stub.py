"""The book shows an exercise stub as the course ships it, never the learner's copy of it.

``book/exercises.md`` showed the ``squared_loss`` stub with ``{literalinclude}
../exercises/linear_regression.py``: in the student edition, where the learner writes the
answers in that very file, ``make book`` (``-W``) stopped on a half-written module ("parsing
exercises/linear_regression.py failed: SyntaxError") or a renamed function, and once the
exercise was done the page showed the learner's answer as how the exercise "starts out". The
page now holds a copy of the stub, which the instructor's copy checks against the stub.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_INCLUDE = re.compile(r"^\s*`{3,}\{literalinclude\}\s+(\S+)", re.MULTILINE)


def test_no_page_includes_a_file_the_learner_edits():
    exercises = ROOT / "exercises"
    found = [
        f"{page.relative_to(ROOT)}: {target}"
        for page in sorted((ROOT / "book").rglob("*.md"))
        for target in _INCLUDE.findall(page.read_text(encoding="utf-8"))
        if (page.parent / target).resolve().is_relative_to(exercises)
    ]
    assert not found, f"pages that include the learner's exercise files: {found}"


@pytest.mark.instructor  # in the student edition, the learner has changed the stub
def test_the_exercises_page_shows_the_squared_loss_stub():
    source = (ROOT / "exercises/linear_regression.py").read_text(encoding="utf-8")
    node = next(n for n in ast.parse(source).body if getattr(n, "name", "") == "squared_loss")
    stub = ast.get_source_segment(source, node)
    page = (ROOT / "book/exercises.md").read_text(encoding="utf-8")
    assert f"```python\n{stub}\n```\n" in page
