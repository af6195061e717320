"""Where a course keeps its grading material: :class:`Course` (checks, reference, exercises).

The library never guesses from where it is installed: a course is given as an argument, and
:meth:`Course.default` finds the repository's layout from the current folder (the setting
``COURSEKIT_COURSE=ROOT`` names it explicitly). Chapters are the ``<chapter>.py`` files of the
checks folder, so a new chapter needs no change here. Torch-free: the command line uses it
before the grading processes start.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Check:
    """One grading test function of a chapter."""

    chapter: str
    name: str
    exercise: str
    points: float
    function: object
    hidden: bool = False  # instructor grading only (``@points(..., hidden=True)``)


@dataclass(frozen=True)
class Course:
    """The three folders grading needs (absolute paths).

    checks: ``<chapter>.py`` with the ``@points`` tests; reference: ``<chapter>.py`` with the
    answers (never readable by student code); exercises: the stubs students start from.
    """

    checks: Path
    reference: Path
    exercises: Path

    def __post_init__(self):
        for name in ("checks", "reference", "exercises"):
            object.__setattr__(self, name, Path(getattr(self, name)).absolute())

    @classmethod
    def at(cls, root: str | os.PathLike) -> Course:
        """The repository layout: ``ROOT/tests/grading/{checks,reference}``, ``ROOT/exercises``."""
        root = Path(root).absolute()
        grading = root / "tests" / "grading"
        return cls(grading / "checks", grading / "reference", root / "exercises")

    @classmethod
    def default(cls) -> Course:
        """``$COURSEKIT_COURSE``, else the current folder or the nearest parent that holds
        ``tests/grading/checks`` (like git finds its repository), else the current folder."""
        if os.environ.get("COURSEKIT_COURSE"):
            return cls.at(os.environ["COURSEKIT_COURSE"])
        here = Path.cwd()
        for root in (here, *here.parents):
            if (root / "tests" / "grading" / "checks").is_dir():
                return cls.at(root)
        return cls.at(here)

    @property
    def hidden(self) -> list[Path]:
        """Folders student code must not read (answers, tests, and the course around them)."""
        return [self.checks, self.reference, self.exercises]

    def chapters(self) -> list[str]:
        """Every chapter that has grading tests, sorted."""
        if not self.checks.is_dir():
            return []
        return sorted(p.stem for p in self.checks.glob("*.py") if not p.name.startswith("_"))

    def _import(self, kind: str, folder: Path, chapter: str) -> ModuleType:
        name = f"coursekit_{kind}_{zlib.crc32(str(folder).encode()):08x}.{chapter}"
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, folder / f"{chapter}.py")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
        return sys.modules[name]

    def reference_module(self, chapter: str) -> ModuleType:
        """The chapter's reference answers, imported in this (trusted) process."""
        return self._import("reference", self.reference, chapter)

    def checks_module(self, chapter: str) -> ModuleType:
        return self._import("checks", self.checks, chapter)

    def checks_of(self, chapter: str) -> list[Check]:
        """The ``@points`` tests of a chapter, in the order they are defined."""
        return [
            Check(chapter, name, f.grading_exercise, f.grading_points, f,
                  getattr(f, "grading_hidden", False))  # fmt: skip
            for name, f in vars(self.checks_module(chapter)).items()
            if name.startswith("test_") and callable(f) and hasattr(f, "grading_points")
        ]

    def exercises_of(self, chapter: str) -> list[tuple[str, float]]:
        """``(exercise, points possible)`` in the order the tests define them."""
        totals: dict[str, float] = {}
        for c in self.checks_of(chapter):
            totals[c.exercise] = totals.get(c.exercise, 0) + c.points
        return list(totals.items())
