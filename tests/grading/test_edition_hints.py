"""The student edition explains wrong answers as the instructor's grader does.

In the edition, ``coursekit check`` has no reference answers: it replays the reference calls
recorded at release time (``coursekit/recording.py``), when the public tests ran on the
reference. A check that explains a wrong answer by calling the reference only once the answer
is wrong makes calls no recording holds, and the student reads "none was recorded" where the
instructor's grader names the mistake (8 learners' mistakes of losses and numerical_gradient
did). So every mutant is graded twice on its chapter's public tests, with the instructor's
reference and with an edition that recorded no mutant's run (``release --no-mutants``), and
must get the same score and the same message. (The full release records each mutant's runs
too, for hints that depend on the answer: none needs them now.)

``make edition-test`` builds that edition and runs this file with ``COURSEKIT_EDITION`` set
to it. Elsewhere it skips, saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coursekit.grading import runner
from coursekit.grading.course import Course
from coursekit.release import exercises_changed
from tests.grading.replay import trusted_worker_for_tests

pytestmark = [pytest.mark.slow, pytest.mark.instructor]

MUTANTS = Path(__file__).parent / "mutants"
trusted_worker = pytest.fixture(scope="module")(trusted_worker_for_tests)


@pytest.fixture(scope="module")
def edition() -> Course:
    folder = os.environ.get("COURSEKIT_EDITION")
    if not folder:
        pytest.skip("needs a student edition: `make edition-test` builds one and runs this")
    course = Course.at(folder)
    assert not course.reference.exists(), f"{folder} holds reference answers: not an edition"
    return course


def _public(result) -> dict[str, tuple[float, str]]:
    return {t.name: (t.score, t.output) for t in result.tests if not t.hidden}


@pytest.mark.parametrize("chapter", runner.chapters())
def test_every_mutant_gets_the_instructors_message_in_the_edition(
    chapter, edition, trusted_worker, tmp_path
):
    reference = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    differ = []
    for mutant in sorted((MUTANTS / chapter).glob("*.py")):
        text = mutant.read_text()
        module = tmp_path / mutant.stem / f"{chapter}.py"
        module.parent.mkdir()
        module.write_text(f"{reference}\n\n{text}")
        only = exercises_changed(chapter, text)
        graded = [
            _public(runner.grade_modules({chapter: module}, worker=trusted_worker,
                                         name=mutant.stem, course=course, exercises=only))
            for course in (None, edition)
        ]  # fmt: skip
        instructor, student = graded
        assert set(student) == set(instructor), f"{mutant.stem}: other tests in the edition"
        differ += [
            f"{mutant.stem}, {name}:\n  edition:    {student[name][1][:300]}\n"
            f"  instructor: {instructor[name][1][:300]}"
            for name in instructor
            if student[name] != instructor[name]
        ]
    assert not differ, f"{len(differ)} tests explain a mistake otherwise in the edition:\n" + (
        "\n".join(differ[:5])
    )
