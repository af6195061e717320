"""pytest support for the grading tests and the generic self-tests.

- ``pytest tests/grading/checks/<chapter>.py [--submission DIR]`` runs one chapter's grading
  tests against a submission folder (default: the repository's ``exercises/``), each student
  call going through the isolated worker; the summary shows the points earned.
- ``pytest tests/grading`` runs the self-tests (``test_self.py``, ``test_hostile.py``); the
  ``checks/`` modules are graded through them and are not collected as ordinary tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.grading import GradingFailure, runner
from coursekit.grading.isolation import DEFAULT_TIMEOUT, Student, Worker

HERE = Path(__file__).parent
CHECKS = HERE / "checks"


def pytest_addoption(parser):
    group = parser.getgroup("coursekit grading")
    group.addoption(
        "--submission",
        default=None,
        help="folder with the submission's <chapter>.py files (default: exercises/)",
    )
    group.addoption(
        "--grading-timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help="seconds allowed per call of a student's function",
    )


def _explicit(config, path: Path) -> bool:
    for arg in config.args:
        target = Path(arg.split("::")[0]).resolve()
        if target == path.resolve() or target == CHECKS.resolve():
            return True
    return False


def pytest_ignore_collect(collection_path, config):
    path = Path(collection_path)
    # The reference answers, mutants and hostile fixtures are never tests themselves; the
    # checks are only collected when named on the command line or with --submission.
    for folder in ("reference", "mutants", "hostile"):
        if (HERE / folder) in path.parents or path == HERE / folder:
            return True
    if CHECKS in path.parents and path.suffix == ".py":
        if config.getoption("--submission") is None and not _explicit(config, path):
            return True
    return None


def pytest_collect_file(file_path, parent):
    # Collect checks/<chapter>.py (its name does not match test_*.py) when it is not ignored.
    path = Path(file_path)
    if CHECKS in path.parents and path.suffix == ".py" and not path.name.startswith("_"):
        if not any(Path(a.split("::")[0]).resolve() == path.resolve() for a in parent.config.args):
            return pytest.Module.from_parent(parent, path=path)
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        function = getattr(item, "function", None)
        n = getattr(function, "grading_points", None)
        if n is not None:
            item.add_marker(pytest.mark.points(n))


@pytest.fixture(scope="session")
def grading_worker(request):
    """One isolated worker for the whole pytest session (restarted when a call kills it)."""
    with Worker(timeout=request.config.getoption("--grading-timeout")) as worker:
        worker.start()
        runner.warm_up()
        yield worker


def _chapter_of(request) -> str:
    return Path(str(request.node.fspath)).stem


@pytest.fixture(scope="module")
def student(request, grading_worker):
    """The submission's chapter module, called in the isolated worker."""
    chapter = _chapter_of(request)
    folder = Path(request.config.getoption("--submission") or runner.EXERCISES_DIR)
    source = folder / f"{chapter}.py"
    return Student(
        grading_worker, f"pytest:{chapter}", chapter, source if source.is_file() else None
    )


@pytest.fixture(scope="module")
def reference(request):
    """The chapter's reference module, imported in this trusted process."""
    return runner.reference_module(_chapter_of(request))


_POINTS: dict[str, list[float]] = {}


def mutation_scores(config) -> dict[str, dict[str, bool]]:
    """``{chapter: {mutant: caught}}``, filled by test_self.py, printed in the summary."""
    return config.__dict__.setdefault("_coursekit_mutants", {})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when != "call":
        return
    n = getattr(getattr(item, "function", None), "grading_points", None)
    if n is None:
        return
    report = outcome.get_result()
    totals = _POINTS.setdefault(Path(str(item.fspath)).stem, [0.0, 0.0])
    totals[0] += n if report.passed else 0
    totals[1] += n
    if call.excinfo is not None and call.excinfo.errisinstance(GradingFailure):
        # The student needs the teaching message, not the grader's traceback.
        report.longrepr = f"[{n:g} points, {item.function.grading_exercise}] {call.excinfo.value}"


def pytest_terminal_summary(terminalreporter):
    if _POINTS:
        terminalreporter.section("grading: points earned")
        for chapter, (earned, possible) in sorted(_POINTS.items()):
            terminalreporter.write_line(f"{chapter:<24} {earned:g} / {possible:g}")
    scores = mutation_scores(terminalreporter.config)
    if scores:
        terminalreporter.section("grading: mutation score (mutants caught by the grading tests)")
        terminalreporter.write_line(f"{'chapter':<24} {'caught':>8} {'mutants':>8} {'score':>7}")
        for chapter, mutants in sorted(scores.items()):
            caught, total = sum(mutants.values()), len(mutants)
            score = f"{100 * caught / total:.0f}%" if total else "-"
            terminalreporter.write_line(f"{chapter:<24} {caught:>8} {total:>8} {score:>7}")
            for name, was_caught in sorted(mutants.items()):
                if not was_caught:
                    terminalreporter.write_line(f"    escaped: {name}")
