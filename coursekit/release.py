"""``python -m coursekit release OUT_DIR``: the student edition of the course.

The edition is the repository without what would give the answers away: no reference answers,
no hidden tests, no mutants or hostile fixtures, none of the tests that need them. In their
place it carries the recorded answers of the public tests (``tests/grading/recordings/``, see
``recording.py``), so that ``python -m coursekit check`` grades offline with the same messages.
It is made of the files git tracks in the instructor's repository (run it at the top of a git
checkout); untracked files are left out and listed.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

# Paths (relative to the repository) that never go into the edition.
INSTRUCTOR_ONLY = (
    "tests/grading/reference",
    "tests/grading/mutants",
    "tests/grading/hostile",
    "tests/grading/outside",  # correct answers written in other idioms
    "tests/grading/recordings",
    "tests/grading/test_self.py",
    "tests/grading/test_hostile.py",
    "tests/grading/test_hostile_odd_types.py",
    "tests/grading/test_hostile_values.py",
    "tests/grading/test_outside.py",
    "tests/grading/test_confinement.py",
    "tests/grading/test_cli.py",
    "tests/grading/test_intake.py",
    "tests/grading/test_release.py",
    "tests/grading/test_release_site.py",
    "tests/grading/test_edition_hints.py",
    "tests/grading/test_autograder.py",
    "tests/grading/test_book_report.py",  # grades with the reference answers
    "tests/grading/replay.py",
    "tests/grading/torch_optimizers.py",  # a solution of the optimizers exercise
    "tests/grading/README.student.md",  # becomes the edition's tests/grading/README.md
    "benchmarks/grading.py",
    ".ci",
)

# Files the edition gets in place of the instructor's: {path in the edition: its source here}.
# The instructor's tests/grading/README.md explains the reference answers, the hidden tests,
# the mutants and the self-tests, none of which the edition holds.
EDITION_FILES = {
    "tests/grading/README.md": "tests/grading/README.student.md",
}

# In README.md, the Makefile, pyproject.toml and the book's pages, the lines between these
# markers serve only instructors (they name what the edition leaves out, or commands that refuse
# to run there).
INSTRUCTOR_BLOCK = ("instructor-only >>>", "<<< instructor-only")

EDITION_NOTE = """\
> **Student edition.** The reference answers and the hidden tests are not part of this copy.
> `python -m coursekit check [CHAPTER]` grades your answers in `exercises/` against the answers
> recorded for the public tests; your instructor may grade with more tests.

"""


def edition_files(repo: Path) -> tuple[list[Path], list[Path]]:
    """``(files, left_out)``: the files git tracks in ``repo``, which the edition is made of,
    and the untracked ones it does not ignore, which it leaves out. What an instructor makes in
    the repository as the README says is untracked there: ``autograder.zip`` (the reference
    answers and hidden tests), ``grades.csv``, the class's ``submissions/``. Outside a git
    checkout (where nothing tells the course from the rest) it raises ``ValueError``."""
    def listed(*options: str) -> list[Path]:
        out = subprocess.run(["git", "-C", str(repo), "ls-files", "-z", *options],
                             capture_output=True, check=True).stdout  # fmt: skip
        names = sorted({n for n in out.decode().split("\0") if n})
        return [Path(n) for n in names if (repo / n).is_file()]

    try:
        inside = subprocess.run(["git", "-C", str(repo), "rev-parse", "--show-toplevel"],
                                capture_output=True, text=True, check=True).stdout  # fmt: skip
        if Path(inside.strip()).resolve() != repo.resolve():
            raise ValueError
        return listed("--cached"), listed("--others", "--exclude-standard")
    except (OSError, ValueError, subprocess.CalledProcessError):
        raise ValueError(
            f"{repo} is not the top of a git checkout: the edition is made of the files git"
            " tracks there (git init, git add the course, git commit, then release)"
        ) from None


def _instructor_only(rel: Path) -> bool:
    text = rel.as_posix()
    return any(text == p or text.startswith(p + "/") for p in INSTRUCTOR_ONLY)


def without_instructor_blocks(text: str) -> str:
    """``text`` without the lines from one holding ``instructor-only >>>`` to the next one
    holding ``<<< instructor-only`` (both included): an HTML comment in Markdown, a ``%``
    comment in MyST, a ``#`` comment in the Makefile."""
    opening, closing = INSTRUCTOR_BLOCK
    kept, skipping = [], False
    for line in text.splitlines(keepends=True):
        if opening in line:
            skipping = True
        elif closing in line:
            skipping = False
        elif not skipping:
            kept.append(line)
    return "".join(kept)


def student_readme(text: str) -> str:
    """The README for the edition: the note on top, and none of what serves only instructors
    (the section "Grading at scale", whose commands refuse to run in the edition, the marked
    instructor-only blocks, and every line that names a file the edition leaves out, such as
    ``benchmarks/grading.py``)."""
    title, _, rest = text.partition("\n\n")
    kept, skipping = [], False
    for line in without_instructor_blocks(rest).splitlines(keepends=True):
        if line.startswith("## "):
            skipping = line.strip() == "## Grading at scale"
        if not skipping and not any(path in line for path in INSTRUCTOR_ONLY):
            kept.append(line)
    return f"{title}\n\n{EDITION_NOTE}{''.join(kept)}"


def public_checks(source: str) -> str:
    """A checks module's source without its ``@points(..., hidden=True)`` tests (nor the banner
    comment ``# -- hidden tests ...`` above them)."""
    tree = ast.parse(source)
    lines = [line if not line.startswith("# -- hidden tests") else "\n"
             for line in source.splitlines(keepends=True)]  # fmt: skip
    drop: list[tuple[int, int]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(_is_hidden(d) for d in node.decorator_list):
            start = min(d.lineno for d in node.decorator_list)
            drop.append((start - 1, node.end_lineno))
    for start, end in reversed(drop):
        del lines[start:end]
        while start < len(lines) and start > 0 and not lines[start].strip() \
                and not lines[start - 1].strip():  # fmt: skip
            del lines[start]
    return without_history("".join(lines).rstrip() + "\n")


_S = r"(?:\s+#)?\s+"  # a space, or a comment's line break
# The instructors' history in the checks' comments ("a red team's, session 31: 5/5"): who found
# a hole when is theirs (tests/grading/README.md), not the learner's.
_HISTORY = [
    (rf" ?\((?:a red team's,{_S})?(?:session|s\.){_S}\d+\)", ""),
    (rf"\(a red team's,{_S}(?:session|s\.){_S}\d+,{_S}", "(an answer that "),
    (r"\((?:session|s\.) \d+: ", "("),
    (rf",?{_S}(?:a red team's,?{_S})?(?:in{_S})?(?:session|s\.){_S}\d+(?::{_S}\d+/\d+)?", ""),
    (rf"\ba({_S})red team's", r"an\1answer's"),
]


def without_history(source: str) -> str:
    """``source`` without the red teams and sessions its comments and docstrings name (a comment
    joined to its next line by that is wrapped again)."""
    for pattern, replacement in _HISTORY:
        source = re.sub(pattern, replacement, source)
    lines = []
    for line in source.splitlines(keepends=True):
        indent = line[: len(line) - len(line.lstrip())]
        if len(line.rstrip("\n")) <= 100 or not line.lstrip().startswith("#"):
            lines.append(line)
            continue
        lines += [f"{indent}# {piece}\n" for piece in textwrap.wrap(
            line.strip()[1:].strip(), 98 - len(indent), break_long_words=False)]  # fmt: skip
    return "".join(lines)


def _is_hidden(decorator: ast.expr) -> bool:
    return isinstance(decorator, ast.Call) and any(
        k.arg == "hidden" and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in decorator.keywords
    )


def exercises_changed(chapter: str, mutant: str) -> set[str] | None:
    """The exercises whose code ``mutant`` (source appended to the reference answers) changes:
    those it redefines and those whose reference code calls them, directly or through other
    functions. None (every exercise) when it binds anything else, such as a global of its own,
    which any function may read. The other exercises' tests see the reference itself."""
    from coursekit.grading import runner

    exercises = {c.exercise for c in runner.checks(chapter)}
    reference = ast.parse((runner.REFERENCE_DIR / f"{chapter}.py").read_text())
    imported = {ast.dump(n) for n in reference.body if isinstance(n, ast.Import | ast.ImportFrom)}
    changed = set()  # names the mutant binds anew
    for node in ast.parse(mutant).body:
        if isinstance(node, ast.FunctionDef) and node.name in exercises:
            changed.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):  # the reference's own: the same
            changed |= {(a.asname or a.name).split(".")[0] for a in node.names
                        if ast.dump(node) not in imported}  # fmt: skip
        elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            return None  # a global of its own, a statement run at import
    uses = {node.name: {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            for node in reference.body if isinstance(node, ast.FunctionDef)}  # fmt: skip
    while grown := {f for f, names in uses.items() if names & changed} - changed:
        changed |= grown
    return changed & exercises


def record(chapters: list[str], out_dir: Path, *, mutants: bool = True) -> None:
    """Run each chapter's public tests and write ``out_dir/<chapter>.wire``.

    The tests run against the reference, the stubs and (with ``mutants``) every mutant, so
    that the reference calls the tests make on wrong answers (for hints) are recorded too.
    """
    from coursekit.grading import runner
    from coursekit.grading.isolation import Student, Worker
    from coursekit.recording import Recorder

    out_dir.mkdir(parents=True, exist_ok=True)
    # One worker runs trusted code (the reference, the stubs, the mutants) for every chapter:
    # no time budget, which is meant for one student's submission.
    with Worker(budget=float("inf")) as worker, tempfile.TemporaryDirectory() as tmp:
        worker.start()
        for chapter in chapters:
            reference = runner.REFERENCE_DIR / f"{chapter}.py"
            # (source, the exercises whose tests it needs: a mutant's others add no call)
            sources = [(reference, None), (runner.EXERCISES_DIR / f"{chapter}.py", None)]
            if mutants:
                found = sorted((runner.CHECKS_DIR.parent / "mutants" / chapter).glob("*.py"))
                for i, m in enumerate(found):
                    path = Path(tmp) / f"{chapter}_{i}" / f"{chapter}.py"
                    path.parent.mkdir()
                    mutant = m.read_text()
                    path.write_text(reference.read_text() + "\n\n" + mutant)
                    sources.append((path, exercises_changed(chapter, mutant)))
            recorder = Recorder(runner.reference_module(chapter))
            public = [c for c in runner.checks(chapter) if not c.hidden]
            for i, (source, only) in enumerate(sources):
                student = Student(worker, f"record:{chapter}:{i}", chapter, source)
                results = [runner.run_check(c, student, recorder) for c in public
                           if only is None or c.exercise in only]  # fmt: skip
                if i == 0 and not all(r.passed for r in results):
                    failed = [r.name for r in results if not r.passed]
                    raise RuntimeError(f"the reference fails public tests of {chapter}: {failed}")
            recorder.save(out_dir / f"{chapter}.wire", chapter)


def build(out: Path, repo: Path | None = None, *, mutants: bool = True) -> Path:
    """Write the student edition of ``repo`` (default: this one) into ``out`` (new or empty)."""
    from coursekit.grading import runner

    repo = Path(repo or runner.REPO).resolve()
    out = Path(out).resolve()
    if not (repo / "tests" / "grading" / "reference").is_dir():
        raise ValueError(
            f"{repo} has no tests/grading/reference: this is the student edition (or a copy"
            " without the reference answers); run the release in the instructor's repository"
        )
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: give a new or empty folder")
    if repo == out or repo in out.parents:
        raise ValueError(f"{out} is inside the repository: give a folder outside it")
    files, left_out = edition_files(repo)
    if left_out:
        shown = ", ".join(str(p) for p in left_out[:10])
        more = f" and {len(left_out) - 10} more" if len(left_out) > 10 else ""
        print(f"not in the edition (untracked: commit what it needs): {shown}{more}")
    out.mkdir(parents=True, exist_ok=True)
    try:
        checks = Path("tests/grading/checks")
        for rel in files:
            if _instructor_only(rel):
                continue
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if rel.as_posix() in EDITION_FILES:
                shutil.copy2(repo / EDITION_FILES[rel.as_posix()], target)
            elif rel.parent == checks and rel.suffix == ".py":
                target.write_text(public_checks((repo / rel).read_text()))
            elif rel == Path("README.md"):
                target.write_text(student_readme((repo / rel).read_text()))
            elif rel.as_posix() in ("Makefile", "pyproject.toml") or rel.parts[0] == "book" \
                    and rel.suffix == ".md":  # fmt: skip
                target.write_text(without_instructor_blocks((repo / rel).read_text()))
            else:
                shutil.copy2(repo / rel, target)
        record(runner.chapters(), out / "tests" / "grading" / "recordings", mutants=mutants)
    except BaseException:
        # Never half an edition (no recordings, say), which would look finished and stop the
        # next release into the same folder ("not empty"): the folder was new or empty.
        for child in list(out.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        raise
    return out


def main(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m coursekit release", description=__doc__)
    p.add_argument("out", metavar="OUT_DIR", help="a new or empty folder for the edition")
    p.add_argument(
        "--no-mutants", action="store_true",
        help="record the public tests on the reference and the stubs only (a quick edition for"
        " trying the release: hints on some wrong answers then say that none was recorded)",
    )  # fmt: skip
    args = p.parse_args(argv)
    try:
        out = build(Path(args.out), mutants=not args.no_mutants)
    except (FileExistsError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}")
        return 2
    print(f"student edition written to {out}")
    return 0
