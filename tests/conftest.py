"""Shared test configuration: Agg backend, and the rule for missing system dependencies."""

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402


def require(condition: bool, reason: str) -> None:
    """Skip when a system dependency is missing, but fail under CI=true (it must be there)."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


REFERENCE = Path(__file__).parent / "grading" / "reference"

# The slowest test files, slowest first (`pytest --durations=0` on the 2-core machine, summed per
# file: minutes for the first two, about a minute for most others). `make unit` runs `--dist
# loadfile`, which gives a whole file to one of the two workers: started last, a file of minutes
# runs alone at the end while the other worker idles. Started first (longest first), the short
# files fill in around them. Each worker is handed its first two files at the start: the file
# that reads the student edition test_release.py builds (test_release_site.py) comes third, so
# that it runs after one of the first two files (by then the edition is built, on one worker).
# test_confinement.py spends most of its time waiting on sleeping submissions, while the other
# worker keeps both cores busy.
SLOW_FIRST = [f"tests/grading/test_{name}.py" for name in (
    "release", "autograder", "release_site", "confinement", "self", "cli", "intake",
    "hostile")]  # fmt: skip


def pytest_configure(config):
    # pytest-xdist would otherwise queue the files by their number of tests, most first.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def _slow_first(item) -> int:
    path = item.nodeid.split("::")[0]
    return SLOW_FIRST.index(path) if path in SLOW_FIRST else len(SLOW_FIRST)


def pytest_collection_modifyitems(config, items):
    """The slowest files first (above); in the student edition (no reference answers) the
    tests that need them are skipped."""
    items.sort(key=_slow_first)  # stable: each file keeps its order, the others theirs
    if REFERENCE.is_dir():
        return
    skip = pytest.mark.skip(reason="needs tests/grading/reference (instructor edition only)")
    for item in items:
        needs = {"reference", "ref"} & set(getattr(item, "fixturenames", ()))
        if (needs and "checks" not in item.path.parts) or item.get_closest_marker("instructor"):
            item.add_marker(skip)


def mutation_scores(stats) -> dict[str, dict[str, bool]]:
    """``{chapter: {mutant: caught}}`` from the reports of test_self.py's mutant tests."""
    scores: dict[str, dict[str, bool]] = {}
    for reports in stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "coursekit_mutant":
                    chapter, mutant, caught = value
                    scores.setdefault(chapter, {})[mutant] = caught
    return scores


def pytest_terminal_summary(terminalreporter):
    """The mutation score of the grading tests (test_self.py), printed here, in the conftest
    that pytest-xdist's controlling process loads too."""
    scores = mutation_scores(terminalreporter.stats)
    if not scores:
        return
    write = terminalreporter.write_line
    terminalreporter.section("grading: mutation score (mutants caught by the grading tests)")
    write(f"{'chapter':<24} {'caught':>8} {'mutants':>8} {'score':>7}")
    for chapter, mutants in sorted(scores.items()):
        caught, total = sum(mutants.values()), len(mutants)
        write(f"{chapter:<24} {caught:>8} {total:>8} {f'{100 * caught / total:.0f}%':>7}")
        for name in sorted(n for n, ok in mutants.items() if not ok):
            write(f"    escaped: {name}")
