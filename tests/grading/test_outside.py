"""Correct answers written by other hands earn full marks.

``outside/<chapter>.py`` answers every exercise independently of the reference, in the idioms
other authors use (d2l-style code, torch built-ins the docstrings allow, other dtype handling,
a Python float where a 0-d tensor is allowed, ...). A check that fails one of them is stricter
than the docstring the student codes against.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursekit.grading import runner

OUTSIDE = Path(__file__).parent / "outside"


@pytest.mark.instructor  # answers: not part of the student edition
@pytest.mark.parametrize("chapter", runner.chapters())
def test_outside_answers_earn_every_point(chapter, tmp_path):
    # A submission folder holding only this chapter, graded as `coursekit grade` grades one.
    shutil.copy(OUTSIDE / f"{chapter}.py", tmp_path / f"{chapter}.py")
    result = runner.grade_submission(tmp_path, [chapter])
    lost = "\n".join(f"  {t.exercise} ({t.name}): {t.output}" for t in result.tests if not t.passed)
    assert result.tests
    assert result.score == result.max_score, f"correct outside answers lose points:\n{lost}"
