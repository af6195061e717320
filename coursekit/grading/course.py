"""Where a course keeps its grading material: :class:`Course` (checks, reference, exercises; the
one default is :meth:`Course.default`) and :class:`Check`. Torch-free."""

from __future__ import annotations

import ast
import importlib.util
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Check:
    """One grading test of a chapter (``function`` is None where only its facts are known)."""

    chapter: str
    name: str
    exercise: str
    points: float
    function: object = None
    hidden: bool = False  # instructor grading only (``@points(..., hidden=True)``)
    by_hand: tuple = ()  # torch names the exercise must not use (the module's ``BY_HAND``)
    judged_apart: tuple = ()  # (exercise, its rule) of the others with rules: each pays for its own

    @classmethod
    def of(cls, chapter: str, f, by_hand=None) -> Check:
        """The check of a ``@points`` function (``by_hand``: the checks module's ``BY_HAND``)."""
        rules, exercise = by_hand or {}, f.grading_exercise
        apart = tuple((name, tuple(rules[name])) for name in sorted(set(rules) - {exercise}))
        return cls(chapter, f.__name__, exercise, f.grading_points, f, f.grading_hidden,
                   tuple(rules.get(exercise, ())), apart)  # fmt: skip


@dataclass(frozen=True)
class Course:
    """checks: ``<chapter>.py`` with the ``@points`` tests; reference: the answers (never
    readable by student code); exercises: the stubs students start from (absolute paths)."""

    checks: Path
    reference: Path
    exercises: Path

    def __post_init__(self):
        for name in ("checks", "reference", "exercises"):
            object.__setattr__(self, name, Path(getattr(self, name)).absolute())

    @classmethod
    def at(cls, root) -> Course:
        """The repository layout: ``ROOT/tests/grading/{checks,reference}``, ``ROOT/exercises``."""
        grading = Path(root).absolute() / "tests" / "grading"
        return cls(grading / "checks", grading / "reference", grading.parents[1] / "exercises")

    @classmethod
    def default(cls) -> Course:
        """``$COURSEKIT_COURSE``, else the current folder or its nearest parent holding
        ``tests/grading/checks`` (a notebook runs in a sub-folder), else the course this
        coursekit was installed from (editable), for runs from another folder."""
        if os.environ.get("COURSEKIT_COURSE"):
            return cls.at(os.environ["COURSEKIT_COURSE"])
        here, mine = Path.cwd(), Path(__file__).resolve().parents[2]
        found = (r for r in (here, *here.parents, mine) if (r / "tests/grading/checks").is_dir())
        return cls.at(next(found, here))

    @property
    def hidden(self) -> list[Path]:
        """Folders student code must not read: the answers, the tests, the stubs and, where the
        course has them, the folder holding all three and a worktree's main checkout."""
        parts = [self.checks, self.reference, self.exercises]
        top = Path(os.path.commonpath(parts))
        course = top != Path(top.anchor) and (self.checks.is_dir() or self.reference.is_dir())
        return parts + [top] * course + (_main_checkout(top / ".git") if course else [])

    def chapters(self) -> list[str]:
        """The chapter names: the ``<chapter>.py`` files of ``checks``, sorted."""
        found = self.checks.glob("*.py") if self.checks.is_dir() else []
        return sorted(p.stem for p in found if not p.name.startswith("_"))

    def _import(self, kind: str, folder: Path, chapter: str):
        name = f"coursekit_{kind}_{zlib.crc32(str(folder).encode()):08x}.{chapter}"
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, folder / f"{chapter}.py")
            sys.modules[name] = module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
        return sys.modules[name]

    def reference_module(self, chapter: str):
        """The chapter's reference answers, imported here (trusted) once."""
        return self._import("reference", self.reference, chapter)

    def checks_module(self, chapter: str):
        """The chapter's grading tests, imported once."""
        return self._import("checks", self.checks, chapter)

    def checks_of(self, chapter: str) -> list[Check]:
        """The ``@points`` tests of a chapter, in the order they are defined; the module's
        ``BY_HAND`` maps an exercise to the torch names it must not use (its docstring says)."""
        module = self.checks_module(chapter)
        return [Check.of(chapter, f, getattr(module, "BY_HAND", None))
                for n, f in vars(module).items() if n.startswith("test_")
                and callable(f) and hasattr(f, "grading_points")]  # fmt: skip

    def catalog(self, chapter: str) -> list[Check]:
        """The same tests, read from the source without running it (no torch), for reports
        of submissions that could not be graded: ``@points`` with literal arguments."""
        try:
            tree = ast.parse((self.checks / f"{chapter}.py").read_bytes())
        except (OSError, SyntaxError, ValueError):
            return []
        found = []
        for node in tree.body:
            for d in getattr(node, "decorator_list", []):
                if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "points":
                    try:
                        n, exercise = (ast.literal_eval(a) for a in d.args[:2])
                        flags = {k.arg: ast.literal_eval(k.value) for k in d.keywords}
                    except ValueError:
                        continue
                    hidden = bool(flags.get("hidden"))
                    found.append(Check(chapter, node.name, exercise, n, None, hidden))
        return found


def _main_checkout(git: Path) -> list[Path]:
    """A git worktree's ``.git`` is a file, "gitdir: <main checkout>/.git/worktrees/<name>": the
    history, and the main checkout with its own answers, lie there, outside the course."""
    try:
        gitdir = top = Path(git.parent, git.read_text().removeprefix("gitdir:").strip())
        if (gitdir / "commondir").is_file():
            top = gitdir / (gitdir / "commondir").read_text().strip()
    except (OSError, ValueError):  # a folder (an ordinary clone), or no git at all
        return []
    top = top.resolve()
    top = top.parent if top.name == ".git" else top
    return [top] * (top != Path(top.anchor))
