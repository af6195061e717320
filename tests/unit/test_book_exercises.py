"""Every content page ends with a Summary and exercises for thought whose solutions fold away.

A content page is a MyST notebook (it has a kernelspec). Its last two sections are
``## Summary`` and ``## Exercises``; the exercises are sphinx-exercise directives with a
``:label:`` (numbered and linkable), at least two of them, each answered by a ``{solution}``
(or a gated ``{solution-start}`` ... ``{solution-end}`` that may hold code cells) with
``:class: dropdown``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p for p in (ROOT / "book").rglob("*.md") if "\nkernelspec:" in p.read_text())

_H2 = re.compile(r"^## (.+)$", re.M)
_EXERCISE = re.compile(r"^```\{exercise(?:-start)?\}[^\n]*\n:label: ([\w-]+)$", re.M)
_SOLUTION = re.compile(r"^```\{solution(?:-start)?\} ([\w-]+)\n((?::[^\n]*\n)*)", re.M)


def problems(text: str) -> list[str]:
    """What the page lacks, as sentences; empty when it has everything."""
    found = []
    headings = [h.strip() for h in _H2.findall(_without_code(text))]
    if headings[-2:] != ["Summary", "Exercises"]:
        found.append(f"the last two sections must be Summary and Exercises, not {headings[-2:]}")
    exercises = _EXERCISE.findall(text)
    if len(exercises) < 2:
        found.append(f"{len(exercises)} labelled exercises, at least 2 needed")
    solutions = {label: options for label, options in _SOLUTION.findall(text)}
    for label in exercises:
        if label not in solutions:
            found.append(f"exercise {label} has no solution")
        elif ":class: dropdown" not in solutions[label]:
            found.append(f"the solution of {label} is not a dropdown (:class: dropdown)")
    starts = text.count("```{solution-start}")
    ends = text.count("```{solution-end}")
    if starts != ends:
        found.append(f"{starts} solution-start but {ends} solution-end")
    return found


def _without_code(text: str) -> str:
    """The page without its code cells, whose comments may start with '## '."""
    return re.sub(r"^```\{code-cell\}.*?^```$", "", text, flags=re.S | re.M)


def test_there_are_content_pages():
    assert len(PAGES) >= 17


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_has_summary_and_exercises_with_solutions(page):
    assert problems(page.read_text()) == []


def test_exercise_labels_are_unique_across_the_book():
    labels = [label for page in PAGES for label in _EXERCISE.findall(page.read_text())]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    assert duplicates == []


def test_the_check_fails_on_a_page_without_them():
    page = "# A page\n\n## Section\n\nText.\n\n## Summary\n\n- a point\n"
    assert len(problems(page)) == 2
    one_exercise = page + "\n## Exercises\n\n```{exercise}\n:label: ex-a\n\nQ\n```\n\n"
    folded = "```{solution} ex-a\n:class: dropdown\n\nA\n```\n"
    assert problems(one_exercise + folded) == ["1 labelled exercises, at least 2 needed"]
    open_solution = "```{solution} ex-b\n\nA\n```\n"
    two = one_exercise + folded + "```{exercise}\n:label: ex-b\n\nQ\n```\n\n" + open_solution
    assert problems(two) == ["the solution of ex-b is not a dropdown (:class: dropdown)"]
