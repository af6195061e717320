"""Finding chapters and grading tests, and running them against a submission.

Chapters are discovered from ``tests/grading/checks/*.py``; each has a reference module
``tests/grading/reference/<chapter>.py`` and a stub module ``exercises/<chapter>.py``. A grading
test is a function ``test_*(student, reference)`` decorated with ``@points(n, "exercise")``.
Tests run here, in the trusted process; ``student`` forwards calls to an isolated worker.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

from coursekit.grading import zygote
from coursekit.grading.api import GradingFailure
from coursekit.grading.course import Check, Course
from coursekit.grading.isolation import (
    DEFAULT_BUDGET,
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    Student,
    Worker,
)

# The course graded when none is given: found from the current folder, never from where this
# library is installed (see course.py).
COURSE = Course.default()
CHECKS_DIR, REFERENCE_DIR, EXERCISES_DIR = COURSE.checks, COURSE.reference, COURSE.exercises
REPO = EXERCISES_DIR.parent


@dataclass
class TestResult:
    """The verdict of one grading test."""

    __test__ = False  # not a pytest test class

    chapter: str
    exercise: str
    name: str
    score: float
    max_score: float
    output: str = ""  # the teaching message when the test failed
    seconds: float = 0.0
    hidden: bool = False  # instructor grading only: students never see its message

    @property
    def passed(self) -> bool:
        return self.score == self.max_score and not self.output


@dataclass
class SubmissionResult:
    """Every test's verdict for one submission (``error`` says why it could not be graded)."""

    submission: str
    path: str
    tests: list[TestResult] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def __repr__(self) -> str:
        return f"<SubmissionResult {self.submission}: {self.score:g} / {self.max_score:g} points>"

    def to_json(self) -> dict:
        data = {
            "submission": self.submission,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [{k: v for k, v in asdict(t).items() if k != "seconds"} for t in self.tests],
        }
        if self.error:
            data["error"] = self.error
        return data


def chapters(course: Course | None = None) -> list[str]:
    """Every chapter that has grading tests, sorted."""
    return (course or COURSE).chapters()


def reference_module(chapter: str, course: Course | None = None) -> ModuleType:
    """The chapter's reference answers, imported in this (trusted) process.

    In the student edition there are none: the answers recorded at release time stand in
    for them (see ``coursekit/recording.py``).
    """
    course = course or COURSE
    recorded = course.checks.parent / "recordings" / f"{chapter}.wire"
    if not (course.reference / f"{chapter}.py").is_file() and recorded.is_file():
        from coursekit.recording import Replay

        return Replay.load(recorded)
    return course.reference_module(chapter)


def checks_module(chapter: str, course: Course | None = None) -> ModuleType:
    return (course or COURSE).checks_module(chapter)


def checks(chapter: str, course: Course | None = None) -> list[Check]:
    return (course or COURSE).checks_of(chapter)


def exercises(chapter: str, course: Course | None = None) -> list[tuple[str, float]]:
    """``(exercise, points possible)`` in the order the tests define them."""
    return (course or COURSE).exercises_of(chapter)


MESSAGE_CAP = 4000  # characters of a test's message kept in any report


def clip(text: str, cap: int = MESSAGE_CAP) -> str:
    """``text`` cut to ``cap`` characters: what student code makes the grader say is bounded."""
    return text if len(text) <= cap else text[:cap] + f" [... {len(text) - cap} more characters]"


def safe_name(name: str) -> str:
    """A file name fit for every report: bytes that are not UTF-8 and control characters are
    written as escapes (``\\xff``), so that the table, JSON, CSV and Gradescope files all work."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def run_check(check: Check, student, reference) -> TestResult:
    """Run one grading test; any failure (not only GradingFailure) scores 0 with a message."""
    start = time.perf_counter()
    if hasattr(reference, "for_test"):  # recorded answers are looked up per test
        reference = reference.for_test(check.name)
    try:
        check.function(student, reference)
    except GradingFailure as exc:
        message = str(exc) or "the test failed"
    except AssertionError as exc:
        message = str(exc) or f"{check.name} failed"
    except (TypeError, ValueError, RuntimeError, IndexError, KeyError) as exc:
        # The reference earns every point (self-tests), so these come from what the student's
        # code returned or did to its arguments: an int64 tensor, an emptied list, complex
        # numbers. Say so to the student rather than blame the grader.
        message = (
            f"the grader could not use what your code returned or left in its arguments"
            f" ({type(exc).__name__}: {exc}). Check the type, dtype (floating point, not"
            " integer or complex) and shape of the result, and that the arguments keep their"
            " structure (no list emptied or replaced), as the docstring says."
        )
    except Exception as exc:  # noqa: BLE001 - a bug in a test must not stop the run
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-3)
        message = f"grader error in {check.name} (tell the course staff):\n{''.join(tb)}"
    else:
        return TestResult(
            check.chapter, check.exercise, check.name, check.points, check.points,
            seconds=time.perf_counter() - start, hidden=check.hidden,
        )  # fmt: skip
    return TestResult(
        check.chapter, check.exercise, check.name, 0, check.points, clip(message),
        seconds=time.perf_counter() - start, hidden=check.hidden,
    )  # fmt: skip


def grade_modules(
    modules: dict[str, Path | None],
    *,
    worker: Worker,
    name: str = "submission",
    path: str = "",
    course: Course | None = None,
) -> SubmissionResult:
    """Grade chapter modules (``{chapter: path or None}``) with an existing worker."""
    start = time.perf_counter()
    result = SubmissionResult(name, path)
    for chapter, source in modules.items():
        key = f"{name}:{chapter}:{source}:{time.monotonic_ns()}"
        student = Student(worker, key, chapter, source)
        try:
            reference = reference_module(chapter, course)
            chapter_checks = checks(chapter, course)
        except Exception as exc:  # noqa: BLE001 - a broken chapter must not stop the others
            message = f"grader error: the {chapter} tests could not be loaded ({exc!r})"
            result.tests.append(TestResult(chapter, "(tests)", "load", 0, 0, message))
            continue
        for check in chapter_checks:
            result.tests.append(run_check(check, student, reference))
    result.seconds = time.perf_counter() - start
    return result


_WARM = []


def warm_up() -> None:
    """Import what the comparisons need in the background while the worker starts.

    The first ``torch.testing.assert_close`` or optimizer step imports a large part of torch
    (torch._dynamo, sympy: seconds) on first use.
    """
    if _WARM:
        return

    def work():
        import torch

        p = torch.zeros(2, requires_grad=True)
        optimizer = torch.optim.Adam([p])
        p.sum().backward()
        optimizer.step()
        torch.testing.assert_close(torch.zeros(1), torch.zeros(1))

    _WARM.append(threading.Thread(target=work, daemon=True))
    _WARM[0].start()


def submission_modules(folder: Path, chapter_list: list[str]) -> dict[str, Path | None]:
    """``{chapter: path or None}``; a path that exists in any form (a link, a pipe) is kept so
    that reading it refuses it with the reason (``isolation.read_submission_file``)."""
    return {
        ch: (folder / f"{ch}.py" if os.path.lexists(folder / f"{ch}.py") else None)
        for ch in chapter_list
    }


def grade_submission(
    folder: Path | str,
    chapter_list: list[str] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    slot: int = 0,
    name: str | None = None,
    hidden: Sequence[Path | str] = (),
    course: Course | None = None,
    budget: float = DEFAULT_BUDGET,
) -> SubmissionResult:
    """Grade one submission folder (laid out like ``exercises/``) in a fresh worker.

    The student process cannot read the repository, the grading tests, this folder (it gets
    a copy of each module) or the folders in ``hidden`` (the other submissions), where the
    system has Landlock (see ``landlock.py``).
    """
    folder = Path(folder)
    course = course or COURSE
    chapter_list = course.chapters() if chapter_list is None else chapter_list
    name = name or safe_name(folder.name)
    if os.path.islink(folder):
        reason = "the submission folder is a symbolic link: submit the folder itself"
        return _ungradable(name, folder, chapter_list, reason, course)
    hidden = [*course.hidden, folder, *hidden]
    try:
        limits = {"timeout": timeout, "memory_mb": memory_mb, "budget": budget}
        with Worker(slot=slot, hidden=hidden, **limits) as worker:
            zygote.start()  # first (if not started yet): it imports torch while we warm up
            warm_up()  # imports what the comparisons need while the zygote gets ready
            worker.start()
            return grade_modules(
                submission_modules(folder, chapter_list), worker=worker, name=name,
                path=str(folder), course=course,
            )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - never lose a submission: score 0 with the reason
        return _ungradable(name, folder, chapter_list, clip(f"could not be graded: {exc}"), course)


def _ungradable(name, folder, chapter_list, reason: str, course=None) -> SubmissionResult:
    """A result scoring 0 on every test, with the reason (a submission is never lost)."""
    result = SubmissionResult(name, safe_name(str(folder)), error=reason)
    for chapter in chapter_list:
        try:
            chapter_checks = checks(chapter, course)
        except Exception:  # noqa: BLE001 - the checks themselves are broken
            chapter_checks = []
        for c in chapter_checks:
            result.tests.append(
                TestResult(chapter, c.exercise, c.name, 0, c.points, reason, hidden=c.hidden)
            )
    return result


# -- parallel grading ------------------------------------------------------------------------


def _grade_task(args) -> SubmissionResult:
    folder, chapter_list, timeout, memory_mb, name, hidden, course, budget = args
    # The pid only says where to start looking for a free worker uid; the uids are locked.
    return grade_submission(
        folder, chapter_list, timeout=timeout, memory_mb=memory_mb, slot=os.getpid(), name=name,
        hidden=hidden, course=course, budget=budget,
    )  # fmt: skip


def grade_many(
    folders: list[tuple[str, Path]],
    chapter_list: list[str] | None = None,
    *,
    jobs: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    on_result=None,
    hidden: Sequence[Path | str] = (),
    course: Course | None = None,
    budget: float = DEFAULT_BUDGET,
) -> list[SubmissionResult]:
    """Grade ``[(name, folder), ...]``, ``jobs`` at a time; results keep the input order.

    No student process can read any of the folders, nor those in ``hidden`` (e.g. the class
    folder they came from), where the system has Landlock.

    Each job is its own trusted process (so the tests' use of torch's global random state
    cannot race) driving its own worker. Each starts its zygote before it imports torch, so
    that the two imports overlap (see zygote.py).
    """
    course = course or COURSE
    chapter_list = course.chapters() if chapter_list is None else chapter_list
    hidden = [str(h) for h in hidden]
    if len(folders) <= 100:  # a longer list is better hidden by its parent, given in `hidden`
        hidden += [str(folder) for _, folder in folders]
    tasks = [
        (folder, chapter_list, timeout, memory_mb, name, hidden, course, budget)
        for name, folder in folders
    ]
    results: list[SubmissionResult | None] = [None] * len(tasks)
    if jobs <= 1 or len(tasks) <= 1:
        for i, task in enumerate(tasks):
            results[i] = _grade_task(task)
            if on_result:
                on_result(results[i])
        return results
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=zygote.start
    ) as pool:
        futures = {pool.submit(_grade_task, task): i for i, task in enumerate(tasks)}
        for future in concurrent.futures.as_completed(futures):
            i = futures[future]
            try:
                results[i] = future.result()
            except Exception as exc:  # noqa: BLE001
                name, folder = folders[i]
                reason = clip(f"grader crashed: {exc}")
                results[i] = _ungradable(name, folder, chapter_list, reason, course)
            if on_result:
                on_result(results[i])
    return results
