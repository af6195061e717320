"""pytest support for the grading tests: ``pytest tests/grading/checks/<chapter>.py
[--submission DIR]`` runs each test through ``runner.run_check``, as ``check`` and ``grade`` do,
and prints the points; ``pytest tests/grading`` runs the self-tests (the ``checks/`` modules are
then graded through them and not collected themselves)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.grading import runner, zygote
from coursekit.grading.course import Check

HERE = Path(__file__).parent
CHECKS = HERE / "checks"


def pytest_addoption(parser):
    group = parser.getgroup("coursekit grading")
    group.addoption("--submission", help="folder with the <chapter>.py files (default: exercises/)")
    group.addoption("--grading-timeout", type=float, help="seconds allowed per call")


def _named(config, path: Path) -> bool:
    targets = {Path(a.split("::")[0]).resolve() for a in config.args}
    return bool(targets & {path.resolve(), CHECKS.resolve()})


def pytest_ignore_collect(collection_path, config):
    path = Path(collection_path)
    for folder in (HERE / f for f in ("reference", "mutants", "hostile")):
        if path == folder or folder in path.parents:
            return True
    if CHECKS in path.parents and config.getoption("--submission") is None:
        return None if _named(config, path) else True
    return None


def pytest_collect_file(file_path, parent):
    # checks/<chapter>.py does not match test_*.py: collect it when it is not ignored.
    path = Path(file_path)
    if CHECKS in path.parents and path.suffix == ".py" and not path.name.startswith("_"):
        if not any(Path(a.split("::")[0]).resolve() == path.resolve() for a in parent.config.args):
            return pytest.Module.from_parent(parent, path=path)
    return None


@pytest.fixture(scope="session")
def grading_worker(request):
    """One isolated worker for the whole pytest session (restarted when a call kills it)."""
    from coursekit.grading.isolation import Worker

    # One worker serves every test of the session, not one submission: no per-submission budget.
    options = {
        "timeout": request.config.getoption("--grading-timeout") or zygote.DEFAULT_TIMEOUT,
        "budget": float("inf"),
    }
    with Worker(**options) as worker:
        runner.warm_up()
        worker.start()
        yield worker


@pytest.fixture(scope="module")
def student(request, grading_worker):
    """The submission's chapter module, called in the isolated worker."""
    chapter = Path(str(request.node.fspath)).stem
    folder = request.config.getoption("--submission") or runner.EXERCISES_DIR
    source = runner.submission_modules(folder, [chapter])[chapter]
    return runner.student(grading_worker, chapter, source)


@pytest.fixture(scope="module")
def reference(request):
    return runner.reference_module(Path(str(request.node.fspath)).stem)


_POINTS: dict[str, list[float]] = {}


def pytest_pyfunc_call(pyfuncitem):
    """A grading test runs through runner.run_check; a failure shows its teaching message."""
    function = pyfuncitem.obj
    if not hasattr(function, "grading_points"):
        return None
    chapter = Path(str(pyfuncitem.fspath)).stem
    args = pyfuncitem.funcargs
    by_hand = getattr(pyfuncitem.module, "BY_HAND", None)  # the same rules as check and grade
    check = Check.of(chapter, function, by_hand)
    result = runner.run_check(check, args["student"], args["reference"])
    totals = _POINTS.setdefault(chapter, [0.0, 0.0])
    totals[0], totals[1] = totals[0] + result.score, totals[1] + result.max_score
    if not result.passed:
        where = f"[{result.max_score:g} point{'s' * (result.max_score != 1)}, {result.exercise}]"
        pytest.fail(f"{where} {result.output}", pytrace=False)
    return True


def pytest_terminal_summary(terminalreporter):
    write = terminalreporter.write_line
    if _POINTS:
        terminalreporter.section("grading: points earned")
        for chapter, (earned, possible) in sorted(_POINTS.items()):
            write(f"{chapter:<24} {earned:g} / {possible:g}")
