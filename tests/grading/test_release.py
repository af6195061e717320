"""The student edition and the hidden tests (instructor-only: needs the reference answers).

- every exercise keeps a public test; every chapter has hidden tests;
- a submission that replays the public tests' expected outputs (and knows nothing else) passes
  every public test and fails every hidden one;
- ``python -m coursekit release`` in a clean clone writes an edition without any reference
  function body or hidden test, where ``coursekit check`` gives 0 on the stubs and full public
  marks with the reference copied in, offline, from the recorded answers.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.grading import runner
from tests.grading.replay import replaying_submission

CHAPTERS = runner.chapters()


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_public_tests_and_the_chapter_hidden_ones(chapter):
    checks = runner.checks(chapter)
    public = {c.exercise for c in checks if not c.hidden}
    assert public == {c.exercise for c in checks}, "an exercise has only hidden tests"
    assert any(c.hidden for c in checks), f"no hidden test in checks/{chapter}.py"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_replaying_the_public_outputs_fails_every_hidden_test(chapter, grading_worker, tmp_path):
    cheat = replaying_submission(chapter, grading_worker, tmp_path)
    result = runner.grade_modules({chapter: cheat}, worker=grading_worker, name="replay")
    public = [t for t in result.tests if not t.hidden]
    hidden = [t for t in result.tests if t.hidden]
    assert all(t.passed for t in public), [(t.name, t.output) for t in public if not t.passed]
    assert hidden and not any(t.passed for t in hidden), [t.name for t in hidden if t.passed]


def _repeating_a_page(exercises_page: Path) -> set[str]:
    """The exercises the exercises page lists as repeating a page (they may appear there)."""
    text = exercises_page.read_text()
    section = text.split("### Which exercises repeat a page", 1)[1].split("Every other", 1)[0]
    return set(re.findall(r"^\| `([\w.]+)` \|", section, re.M))


def test_every_chapter_has_an_exercise_that_goes_beyond_its_pages():
    """The exercises page lists those that repeat a page; every chapter keeps others (their
    bodies appear on no page: ``test_student_edition_from_a_clean_clone`` checks that)."""
    repeats = _repeating_a_page(runner.REPO / "book/exercises.md")
    known = {f"{ch}.{name}" for ch in CHAPTERS for name, _ in runner.exercises(ch)}
    assert repeats <= known, f"not exercises: {sorted(repeats - known)}"
    for chapter in CHAPTERS:
        beyond = [n for n, _ in runner.exercises(chapter) if f"{chapter}.{n}" not in repeats]
        assert beyond, f"every exercise of {chapter} repeats a page: add one that goes beyond"


def _bodies(path: Path) -> list[tuple[str, str]]:
    """``(name, body)`` of each reference function (without docstring), whitespace removed."""
    source = path.read_text()
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            body = node.body
            if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            if body:
                text = "\n".join(ast.get_source_segment(source, stmt) for stmt in body)
                found.append((node.name, re.sub(r"\s+", "", text)))
    return found


def _check(edition: Path, *extra) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(edition)}
    env.pop("COURSEKIT_COURSE", None)
    return subprocess.run(
        [sys.executable, "-m", "coursekit", "check", *extra], cwd=edition, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_student_edition_from_a_clean_clone(tmp_path):
    if shutil.which("git") is None or not (runner.REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")
    clone, edition = tmp_path / "clone", tmp_path / "edition"
    subprocess.run(["git", "clone", "-q", str(runner.REPO), str(clone)], check=True)
    env = {**os.environ, "PYTHONPATH": str(clone)}
    built = subprocess.run(
        [sys.executable, "-m", "coursekit", "release", str(edition)], cwd=clone, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr

    # Nothing of the answers: no reference folder, no hidden test, no reference function body.
    assert not (edition / "tests/grading/reference").exists()
    files = [p for p in edition.rglob("*") if p.is_file()]
    repeats = _repeating_a_page(edition / "book/exercises.md")
    assert "linear_regression.sgd" in repeats
    texts = {p: re.sub(r"\s+", "", p.read_bytes().decode("utf-8", "replace")) for p in files}
    for chapter in CHAPTERS:
        assert (edition / f"tests/grading/recordings/{chapter}.wire").is_file()
        assert "hidden=True" not in (edition / f"tests/grading/checks/{chapter}.py").read_text()
        for name, body in _bodies(runner.REFERENCE_DIR / f"{chapter}.py"):
            leaks = [p.relative_to(edition) for p, t in texts.items() if body in t]
            if f"{chapter}.{name}" in repeats:  # the course teaches it on a page: pages only
                leaks = [p for p in leaks if not (p.parts[0] == "book" and p.suffix == ".md")]
            assert not leaks, f"the body of {chapter}.{name} appears in {leaks}"
    assert not any(p.suffix in (".pkl", ".pt", ".pickle") for p in files)

    # coursekit check there: 0 on the stubs, full public marks with the reference copied in.
    stubs = _check(edition)
    assert stubs.returncode == 1, stubs.stdout + stubs.stderr
    total = re.search(r"^total\s+(\S+) / (\S+)", stubs.stdout, re.M)
    assert total and float(total.group(1)) == 0, stubs.stdout
    for chapter in CHAPTERS:
        shutil.copy(runner.REFERENCE_DIR / f"{chapter}.py", edition / "exercises")
    full = _check(edition)
    assert full.returncode == 0, full.stdout + full.stderr
    assert "hidden" not in full.stdout
    digest = hashlib.sha256((edition / "exercises/activations.py").read_bytes()).hexdigest()
    assert digest  # the reference really was copied in (not the stub)
