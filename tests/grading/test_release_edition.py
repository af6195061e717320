"""The student edition passes its own lint and tests (instructor-only: needs the reference).

A file of its own, so that pytest-xdist (``--dist loadfile``) may run it on the other worker
than test_release.py; both use the edition test_release.py's ``built_edition`` builds once.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from coursekit.grading import runner
from tests.grading.test_release import built_edition as built_edition  # the fixtures
from tests.grading.test_release import edition as edition


@pytest.mark.slow
def test_lint_and_tests_pass_in_the_edition(edition):
    """``make lint`` and ``make unit``'s pytest run inside the edition (the browser tests,
    nbval and the book build are left to ``make test``), with this repository's venv linked in
    so that nothing is installed twice; the tests that need the reference skip there."""
    venv = runner.REPO / ".venv"
    if not (venv / "bin/python").exists() or shutil.which("make") is None:
        pytest.skip("needs make and the repository's .venv (make setup)")
    link = edition / ".venv"
    link.symlink_to(venv)
    env = {k: v for k, v in os.environ.items() if k not in ("COURSEKIT_COURSE", "PYTHONPATH")}
    try:
        where = subprocess.run([str(link / "bin/python"), "-c", "import coursekit;"
                                "print(coursekit.__file__)"], cwd=edition, env=env,
                               capture_output=True, text=True, timeout=120)  # fmt: skip
        assert where.stdout.startswith(str(edition)), where.stdout + where.stderr
        # -o: the venv is up to date; never reinstall (that would point it at the edition).
        lint = subprocess.run(["make", "-o", ".venv/.installed", "lint"], cwd=edition, env=env,
                              capture_output=True, text=True, timeout=600)  # fmt: skip
        assert lint.returncode == 0, lint.stdout + lint.stderr
        tests = subprocess.run(
            [str(link / "bin/python"), "-m", "pytest", "tests", "--ignore=tests/site", "-q",
             "-p", "no:cacheprovider"], cwd=edition, env=env, capture_output=True, text=True,
            timeout=1800,
        )  # fmt: skip
        assert tests.returncode == 0, tests.stdout[-5000:] + tests.stderr[-2000:]
        assert " passed" in tests.stdout and "skipped" in tests.stdout
    finally:
        link.unlink()
