"""Tries to change the grader: finds the repository from the interpreter path, then writes and
deletes files in it (at import and in linreg); its answers are right."""

import os
import sys
from pathlib import Path


def _repository():
    for start in (sys.executable, torch.__file__, os.path.realpath(sys.executable)):
        for folder in Path(start).parents:
            try:
                if (folder / "tests" / "grading").is_dir():
                    return folder
            except OSError:
                pass
    return Path("/work/main")


def _attack():
    repo = _repository()
    grading = repo / "tests" / "grading"
    attempts = [
        lambda: (repo / "PWNED.txt").write_text("pwned"),
        lambda: (grading / "checks" / "PWNED.py").write_text("pwned"),
        lambda: open(grading / "reference" / "linear_regression.py", "a").write("\n# PWNED\n"),
        lambda: (grading / "hostile" / "_victim.txt").write_text("PWNED"),
        lambda: os.remove(grading / "hostile" / "_victim.txt"),
        lambda: os.rename(grading / "checks" / "linear_regression.py", grading / "PWNED"),
        lambda: os.chmod(grading / "checks" / "linear_regression.py", 0o777),
    ]
    for attempt in attempts:
        try:
            attempt()
        except Exception:
            pass


_attack()
_linreg = linreg


def linreg(X, w, b):
    _attack()
    return _linreg(X, w, b)
