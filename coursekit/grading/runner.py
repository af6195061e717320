"""Finding chapters and grading tests, and running them against a submission.

Chapters are discovered from ``tests/grading/checks/*.py``; each has a reference module
``tests/grading/reference/<chapter>.py`` and a stub module ``exercises/<chapter>.py``. A grading
test is a function ``test_*(student, reference)`` decorated with ``@points(n, "exercise")``.
Tests run here, in the trusted process; ``student`` forwards calls to an isolated worker.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

from coursekit.grading import zygote
from coursekit.grading.api import GradingFailure
from coursekit.grading.isolation import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Student, Worker

REPO = Path(__file__).resolve().parents[2]
GRADING_DIR = Path(os.environ.get("COURSEKIT_GRADING_DIR", REPO / "tests" / "grading"))
CHECKS_DIR = GRADING_DIR / "checks"
REFERENCE_DIR = GRADING_DIR / "reference"
RECORDINGS_DIR = GRADING_DIR / "recordings"
EXERCISES_DIR = REPO / "exercises"


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


@dataclass
class Check:
    """One grading test function of a chapter."""

    chapter: str
    name: str
    exercise: str
    points: float
    function: object
    hidden: bool = False


def chapters() -> list[str]:
    """Every chapter that has grading tests, sorted."""
    if not CHECKS_DIR.is_dir():
        return []
    return sorted(p.stem for p in CHECKS_DIR.glob("*.py") if not p.name.startswith("_"))


def _import_file(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def reference_module(chapter: str) -> ModuleType:
    """The chapter's reference answers, imported in this (trusted) process.

    In the student edition there are none: the answers recorded at release time stand in
    for them (see ``coursekit/recording.py``).
    """
    path = REFERENCE_DIR / f"{chapter}.py"
    if not path.is_file() and (RECORDINGS_DIR / f"{chapter}.wire").is_file():
        from coursekit.recording import Replay

        return Replay.load(RECORDINGS_DIR / f"{chapter}.wire")
    return _import_file(f"coursekit_grading_reference.{chapter}", path)


def checks_module(chapter: str) -> ModuleType:
    return _import_file(f"coursekit_grading_checks.{chapter}", CHECKS_DIR / f"{chapter}.py")


def collect(module: ModuleType, chapter: str) -> list[Check]:
    """The ``@points`` tests of a checks module, in the order they are defined."""
    found = []
    for name, obj in vars(module).items():
        if name.startswith("test_") and callable(obj) and hasattr(obj, "grading_points"):
            hidden = getattr(obj, "grading_hidden", False)
            found.append(
                Check(chapter, name, obj.grading_exercise, obj.grading_points, obj, hidden)
            )
    return found


def checks(chapter: str) -> list[Check]:
    return collect(checks_module(chapter), chapter)


def exercises(chapter: str) -> list[tuple[str, float]]:
    """``(exercise, points possible)`` in the order the tests define them."""
    totals: dict[str, float] = {}
    for c in checks(chapter):
        totals[c.exercise] = totals.get(c.exercise, 0) + c.points
    return list(totals.items())


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
    except Exception as exc:  # noqa: BLE001 - a bug in a test must not stop the run
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-3)
        message = f"grader error in {check.name} (tell the course staff):\n{''.join(tb)}"
    else:
        return TestResult(
            check.chapter, check.exercise, check.name, check.points, check.points,
            seconds=time.perf_counter() - start, hidden=check.hidden,
        )  # fmt: skip
    return TestResult(
        check.chapter, check.exercise, check.name, 0, check.points, message,
        seconds=time.perf_counter() - start, hidden=check.hidden,
    )  # fmt: skip


def grade_modules(
    modules: dict[str, Path | None],
    *,
    worker: Worker,
    name: str = "submission",
    path: str = "",
) -> SubmissionResult:
    """Grade chapter modules (``{chapter: path or None}``) with an existing worker."""
    start = time.perf_counter()
    result = SubmissionResult(name, path)
    for chapter, source in modules.items():
        key = f"{name}:{chapter}:{source}:{time.monotonic_ns()}"
        student = Student(worker, key, chapter, source)
        try:
            reference = reference_module(chapter)
            chapter_checks = checks(chapter)
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
    return {
        ch: (folder / f"{ch}.py" if (folder / f"{ch}.py").is_file() else None)
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
) -> SubmissionResult:
    """Grade one submission folder (laid out like ``exercises/``) in a fresh worker.

    The student process cannot read the repository, the grading tests, this folder (it gets
    a copy of each module) or the folders in ``hidden`` (the other submissions), where the
    system has Landlock (see ``landlock.py``).
    """
    folder = Path(folder)
    chapter_list = chapters() if chapter_list is None else chapter_list
    name = name or folder.name
    hidden = [GRADING_DIR, folder, *hidden]
    try:
        with Worker(timeout=timeout, memory_mb=memory_mb, slot=slot, hidden=hidden) as worker:
            zygote.start()  # first (if not started yet): it imports torch while we warm up
            warm_up()  # imports what the comparisons need while the zygote gets ready
            worker.start()
            return grade_modules(
                submission_modules(folder, chapter_list), worker=worker, name=name,
                path=str(folder),
            )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - never lose a submission: score 0 with the reason
        return _ungradable(name, folder, chapter_list, f"could not be graded: {exc}")


def _ungradable(name, folder, chapter_list, reason: str) -> SubmissionResult:
    """A result scoring 0 on every test, with the reason (a submission is never lost)."""
    result = SubmissionResult(name, str(folder), error=reason)
    for chapter in chapter_list:
        try:
            chapter_checks = checks(chapter)
        except Exception:  # noqa: BLE001 - the checks themselves are broken
            chapter_checks = []
        for c in chapter_checks:
            result.tests.append(
                TestResult(chapter, c.exercise, c.name, 0, c.points, reason, hidden=c.hidden)
            )
    return result


# -- parallel grading ------------------------------------------------------------------------


def _grade_task(args) -> SubmissionResult:
    folder, chapter_list, timeout, memory_mb, name, hidden = args
    # The pid only says where to start looking for a free worker uid; the uids are locked.
    return grade_submission(
        folder, chapter_list, timeout=timeout, memory_mb=memory_mb, slot=os.getpid(), name=name,
        hidden=hidden,
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
) -> list[SubmissionResult]:
    """Grade ``[(name, folder), ...]``, ``jobs`` at a time; results keep the input order.

    No student process can read any of the folders, nor those in ``hidden`` (e.g. the class
    folder they came from), where the system has Landlock.

    Each job is its own trusted process (so the tests' use of torch's global random state
    cannot race) driving its own worker. Each starts its zygote before it imports torch, so
    that the two imports overlap (see zygote.py).
    """
    chapter_list = chapters() if chapter_list is None else chapter_list
    hidden = [str(h) for h in hidden]
    if len(folders) <= 100:  # a longer list is better hidden by its parent, given in `hidden`
        hidden += [str(folder) for _, folder in folders]
    tasks = [(folder, chapter_list, timeout, memory_mb, name, hidden) for name, folder in folders]
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
                results[i] = _ungradable(name, folder, chapter_list, f"grader crashed: {exc}")
            if on_result:
                on_result(results[i])
    return results
