"""The student edition and the hidden tests (instructor-only: needs the reference answers).

- every exercise has public tests and hidden ones;
- a submission that replays the public tests' expected outputs (and knows nothing else: the
  student edition's recordings hold them) passes every public test, fails every hidden one, and
  so keeps the full marks of no exercise;
- ``python -m coursekit release`` in a clean clone writes an edition without any reference
  function body or hidden test, where ``coursekit check`` gives 0 on the stubs and full public
  marks with the reference copied in, offline, from the recorded answers.
"""

from __future__ import annotations

import ast
import copy
import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.grading import report, runner
from tests.grading.replay import replays_for_tests, trusted_worker_for_tests

CHAPTERS = runner.chapters()


trusted_worker = pytest.fixture(scope="module")(trusted_worker_for_tests)
replays = pytest.fixture(scope="session")(replays_for_tests)  # shared with test_autograder


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_public_and_hidden_tests(chapter):
    checks = runner.checks(chapter)
    exercises = {c.exercise for c in checks}
    public = {c.exercise for c in checks if not c.hidden}
    hidden = {c.exercise for c in checks if c.hidden}
    assert public == exercises, f"exercises with only hidden tests: {sorted(exercises - public)}"
    assert hidden == exercises, (
        f"exercises of {chapter} without a hidden test: {sorted(exercises - hidden)} (a"
        " submission that answers only the public tests' inputs keeps their full marks)"
    )


@pytest.mark.parametrize(
    ("mutant", "changed"),
    [
        ('"""Says nothing."""\nimport torch\n\ndef relu(x):\n    return x\n', {"relu"}),
        # sigmoid_grad's reference code calls sigmoid: its tests see the mutant too
        ("def sigmoid(x):\n    return x\n", {"sigmoid", "sigmoid_grad"}),
        # a name the reference functions use, bound to something else
        ("import numpy as torch\n", {"sigmoid", "sigmoid_grad", "tanh_grad", "relu",
                                     "relu_grad", "leaky_relu"}),
        ("_CACHE = {}\n\ndef relu(x):\n    return x\n", None),  # a global: every exercise
        ("torch.manual_seed(0)\n", None),  # run at import: every exercise
    ],
    ids=["redefined", "called-by-another", "import-rebinds", "global", "call-at-import"],
)  # fmt: skip
def test_a_mutant_changes_the_exercises_that_run_its_code(mutant, changed):
    """The exercises whose tests a mutant is graded (test_self) and recorded (release) on."""
    from coursekit.release import exercises_changed

    assert exercises_changed("activations", mutant) == changed


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_replaying_the_public_outputs_keeps_no_exercise(chapter, trusted_worker, replays):
    cheat = replays[chapter]
    result = runner.grade_modules({chapter: cheat}, worker=trusted_worker, name="replay")
    public = [t for t in result.tests if not t.hidden]
    hidden = [t for t in result.tests if t.hidden]
    assert all(t.passed for t in public), [(t.name, t.output) for t in public if not t.passed]
    assert hidden and not any(t.passed for t in hidden), [t.name for t in hidden if t.passed]
    earned, possible = {}, {}
    for t in result.tests:
        earned[t.exercise] = earned.get(t.exercise, 0) + t.score
        possible[t.exercise] = possible.get(t.exercise, 0) + t.max_score
    kept = [name for name in possible if earned[name] == possible[name]]
    assert not kept, f"the replay keeps full marks on {kept}"
    # The instructor's class table marks each of them: only the hidden tests failed.
    table = report.class_table([result])
    lost = table.splitlines()[2].split(maxsplit=4)[-1].split(", ")
    assert sorted(lost) == sorted(f"{chapter}.{name}*" for name in possible), table
    assert "every public test passed and every hidden one failed" in table


def _repeating_a_page(exercises_page: Path) -> set[str]:
    """The exercises the exercises page lists as repeating a page (they may appear there)."""
    text = exercises_page.read_text()
    section = text.split("### Which exercises repeat a page", 1)[1].split("Every other", 1)[0]
    return set(re.findall(r"^- `([\w.]+)`:", section, re.M))


def test_every_chapter_has_an_exercise_that_goes_beyond_its_pages():
    """The exercises page lists those that repeat a page; every chapter keeps others (their
    bodies appear on no page: ``test_student_edition_from_a_clean_clone`` checks that)."""
    repeats = _repeating_a_page(runner.REPO / "book/exercises.md")
    exercises = {ch: {c.exercise for c in runner.COURSE.catalog(ch)} for ch in CHAPTERS}
    known = {f"{ch}.{name}" for ch in CHAPTERS for name in exercises[ch]}
    assert repeats <= known, f"not exercises: {sorted(repeats - known)}"
    for chapter in CHAPTERS:
        beyond = [n for n in exercises[chapter] if f"{chapter}.{n}" not in repeats]
        assert beyond, f"every exercise of {chapter} repeats a page: add one that goes beyond"


def _shape(function: ast.FunctionDef) -> str:
    """A function's body as its structure: without its docstring, comments and annotations,
    with ``torch.x``, ``np.x``, ``F.x`` and ``math.x`` read as ``x``, and every name renamed in
    the order it first appears (a page's ``grad_w11_chain_rule(x, y, W1, W2)`` calling its own
    ``sigmoid`` has the shape of the exercise calling ``torch.sigmoid``)."""
    function = copy.deepcopy(function)  # renamed in place below
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    names: dict[str, str] = {}

    class Shape(ast.NodeTransformer):
        def visit_Attribute(self, node):
            if isinstance(node.value, ast.Name) and node.value.id in ("torch", "np", "F", "math"):
                return self.visit_Name(ast.Name(id=node.attr, ctx=node.ctx))
            return self.generic_visit(node)

        def visit_Name(self, node):
            node.id = names.setdefault(node.id, f"n{len(names)}")
            return node

    for arg in function.args.args:  # the parameters first, in their order
        names.setdefault(arg.arg, f"n{len(names)}")
    tree = Shape().visit(ast.Module(body=body, type_ignores=[]))
    return ast.dump(tree, annotate_fields=False)


def test_the_exercises_a_page_prints_are_listed_as_repeating_it():
    """book/exercises.md said dropout_layer, sigmoid_grad_chain and softmax go beyond their
    pages, which print them up to a name, a comment or ``torch.`` (a student's find). Every
    exercise a page prints, so read, is listed as repeating a page."""
    printed = {}
    for page in sorted((runner.REPO / "book").rglob("*.md")):
        for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", page.read_text(), re.S):
            try:
                tree = ast.parse("\n".join(line for line in cell.splitlines()
                                           if not line.startswith((":", "%"))))  # fmt: skip
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef):
                    printed.setdefault(_shape(node), page.relative_to(runner.REPO))
    repeats = _repeating_a_page(runner.REPO / "book/exercises.md")
    unlisted = []
    for chapter in CHAPTERS:
        source = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
        exercises = {c.exercise for c in runner.COURSE.catalog(chapter)}
        for node in ast.parse(source).body:
            exercise = isinstance(node, ast.FunctionDef) and node.name in exercises
            page = printed.get(_shape(node)) if exercise else None
            if page and f"{chapter}.{node.name}" not in repeats:
                unlisted.append(f"{chapter}.{node.name} ({page})")
    assert not unlisted, f"printed on a page, not listed in book/exercises.md: {unlisted}"
    sgd = ast.parse((runner.REFERENCE_DIR / "linear_regression.py").read_text()).body
    assert any(isinstance(n, ast.FunctionDef) and n.name == "sgd" and _shape(n) in printed
               for n in sgd), "the pages' sgd (listed) is not found"  # fmt: skip


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


def _searchable(path: Path) -> str:
    """A file's text with all whitespace removed; HTML without its tags (syntax highlighting
    splits code into spans), a notebook as its cells' sources and text outputs."""
    raw = path.read_bytes().decode("utf-8", "replace")
    if path.suffix in (".html", ".htm"):
        raw = html.unescape(re.sub(r"<[^>]*>", "", raw))
    elif path.suffix == ".ipynb":
        try:
            cells = json.loads(raw).get("cells", [])
        except (ValueError, AttributeError):
            cells = []
        parts = []
        for cell in cells:
            parts.append("".join(cell.get("source", "")))
            for out in cell.get("outputs", []):
                parts.append("".join(out.get("text", "")))
                parts += ["".join(v) for v in out.get("data", {}).values() if isinstance(v, list)]
        raw = raw + "".join(parts)
    return re.sub(r"\s+", "", raw)


def _leaks(root: Path, files: list[Path], repeats: set[str], allowed) -> list[str]:
    """``chapter.function in file`` for each reference body found in ``files``, except the
    bodies of exercises that repeat a page, in the files ``allowed(path)`` accepts."""
    texts = {p: _searchable(p) for p in files}
    found = []
    for chapter in CHAPTERS:
        for name, body in _bodies(runner.REFERENCE_DIR / f"{chapter}.py"):
            for p, text in texts.items():
                if body in text and not (f"{chapter}.{name}" in repeats and allowed(p)):
                    found.append(f"{chapter}.{name} in {p.relative_to(root)}")
    return found


@pytest.fixture(scope="session")
def built_edition(tmp_path_factory) -> Path:
    """``python -m coursekit release`` run in a clean clone of this repository, once per pytest
    run: the first xdist worker to ask builds it (under a lock), the other finds it built, so
    that the tests that read it (here and in test_release_*.py) can run on either worker. It
    is left as built: each test gets its own copy (``edition``).

    ``--no-mutants``: these tests read the edition's files and grade the stubs and the
    reference there, which the mutants' recordings (hints on wrong answers, half of the
    release's time) do not change. ``make edition-test`` builds the full edition and checks
    the edition's messages on every mutant (test_edition_hints.py)."""
    if shutil.which("git") is None or not (runner.REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, which holds each worker's own
    tmp = root / "release"
    with open(root / "release.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # until the file is closed
        if not (tmp / "built").exists():
            failed = tmp / "failed.txt"
            assert not tmp.exists(), "building the edition failed earlier in this run: " + (
                failed.read_text() if failed.exists() else "(interrupted)")
            clone = tmp / "clone"
            tmp.mkdir()
            subprocess.run(["git", "clone", "-q", str(runner.REPO), str(clone)], check=True)
            env = {**os.environ, "PYTHONPATH": str(clone)}
            built = subprocess.run(
                [sys.executable, "-m", "coursekit", "release", "--no-mutants", tmp / "edition"],
                cwd=clone, env=env, capture_output=True, text=True, timeout=1800,
            )  # fmt: skip
            if built.returncode != 0:
                failed.write_text(built.stdout + built.stderr)
            assert built.returncode == 0, built.stdout + built.stderr
            (tmp / "built").touch()
    return tmp / "edition"


@pytest.fixture
def edition(built_edition, tmp_path) -> Path:
    """A copy of the built edition, which the test may change (``check`` writes caches there)."""
    copy = tmp_path / "edition"
    shutil.copytree(built_edition, copy, symlinks=True)
    return copy


def test_the_editions_readme_names_only_what_the_edition_holds(built_edition):
    """A student follows the README of the edition: no section for instructors, whose commands
    refuse to run there, and no file it names is missing (``benchmarks/grading.py`` was)."""
    readme = (built_edition / "README.md").read_text(encoding="utf-8")
    assert readme.count("**Student edition.**") == 1
    assert "## Grading at scale" not in readme and "autograder gradescope" not in readme
    top = {p.name for p in built_edition.iterdir()}
    named = set(re.findall(r"[\w.-]+(?:/[\w.-]+)+/?", readme))
    missing = sorted(
        name for name in named
        if name.split("/")[0] in top and "..." not in name and not (built_edition / name).exists()
    )  # fmt: skip
    assert not missing, f"the edition's README names files the edition leaves out: {missing}"


# What a student's copy of the edition would have to hold to be about the instructor's.
INSTRUCTOR_WORDS = ("edition-test", "mutant", "test_self", "self-tests", "grading/reference",
                    "reference/<chapter>", "hostile", "python -m coursekit release",
                    "autograder")  # fmt: skip


def _documents(edition: Path) -> list[Path]:
    """The documents a student reads: every README, the Makefile, the book's pages (the
    exercises page showed the instructors' `grade` and `autograder` commands, which refuse to
    run in the edition), the public checks, read to see what a failed test asked (two of
    their comments sent the student to test_self.py), and pyproject.toml, read for the lint
    rules (its ruff settings named the mutants, the hostile fixtures and an outside answer)."""
    found = [p for p in edition.rglob("README.md") if ".venv" not in p.parts]
    return sorted(found) + [edition / "Makefile", edition / "pyproject.toml",
                            *sorted((edition / "book").rglob("*.md")),
                            *sorted((edition / "tests/grading/checks").glob("*.py"))]


def _instructor_text(edition: Path) -> list[str]:
    """``file: line`` for each line of the edition's documents (and of ``make help``) that
    names a file the edition leaves out or something only instructors have or run."""
    top = {p.name for p in edition.iterdir()}
    found = []
    for doc in _documents(edition):
        rel = doc.relative_to(edition)
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            words = [w for w in INSTRUCTOR_WORDS if w in line.lower()]
            # A path that ends a sentence: its full stop is not part of the name.
            named = [n.rstrip(".") for n in re.findall(r"[\w.-]+(?:/[\w.-]+)+/?", line)]
            missing = [n for n in named if n.split("/")[0] in top and "..." not in n
                       and not (edition / n).exists()
                       and not (edition / f"{n}.md").exists()]  # fmt: skip  # {doc}`/book/x`
            if words or missing:
                found.append(f"{rel}:{number}: {line.strip()[:100]} ({words + missing})")
    return found


def test_the_editions_documents_are_about_the_edition(built_edition):
    """Every README of the edition and its Makefile: no file the edition leaves out, no
    reference answers, mutants or self-tests, no command that refuses to run there. The
    instructor's tests/grading/README.md (reference answers, mutants, hidden tests) was copied
    as it is, and the README and ``make help`` offered ``make edition-test``, which runs the
    release, which refuses in the edition."""
    found = _instructor_text(built_edition)
    assert not found, "\n".join(["instructor-only text in the edition:", *found])
    grading = (built_edition / "tests/grading/README.md").read_text(encoding="utf-8")
    assert "coursekit check" in grading and "recordings/" in grading
    chapters = (built_edition / "exercises/README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(\w+)\.py`", chapters))
    assert listed == set(CHAPTERS), f"exercises/README.md lists {sorted(listed)}"


def test_the_edition_takes_no_untracked_file(tmp_path):
    """What the README has an instructor write in the repository is untracked there:
    ``autograder gradescope autograder.zip`` (the reference answers and the hidden tests),
    ``grade submissions/* --csv grades.csv``. The release copied every untracked file that
    git does not ignore into the edition, and outside a git checkout every file (``.venv``,
    ``_build`` with the executed pages): now it takes the tracked files only, and refuses to
    guess outside a checkout."""
    from coursekit.release import edition_files

    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "course"
    (repo / "exercises").mkdir(parents=True)
    (repo / "exercises/mlp.py").write_text("# stub\n")
    (repo / ".gitignore").write_text(".venv/\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "course"], check=True)
    for name in ("autograder.zip", "grades.csv", "submissions/ada/mlp.py", ".venv/x.py"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("answers\n")
    files, left_out = edition_files(repo)
    assert files == [Path(".gitignore"), Path("exercises/mlp.py")]
    assert left_out == [Path(n) for n in ("autograder.zip", "grades.csv", "submissions/ada/mlp.py")]
    shutil.rmtree(repo / ".git")
    with pytest.raises(ValueError, match="not the top of a git checkout"):
        edition_files(repo)


def test_grade_without_landlock_as_root_in_the_edition(monkeypatch, tmp_path):
    """``grade`` as root where Landlock is missing checks the reference folder's mode; in the
    edition, which has none, it stopped with FileNotFoundError instead of grading."""
    from coursekit.grading import cli, landlock

    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    monkeypatch.setattr(cli, "is_root", lambda: True)
    monkeypatch.setattr(runner, "REFERENCE_DIR", tmp_path / "no-reference")
    assert cli.confinement_warning() == ""


def _readme_sections_missing(edition: Path) -> list[str]:
    """Places in the edition's pages that send the reader to a section of the README that the
    edition's README does not have, without saying it is the instructor's."""
    readme = (edition / "README.md").read_text(encoding="utf-8")
    found = []
    for page in sorted((edition / "book").rglob("*.md")):
        text = re.sub(r"\s+", " ", page.read_text(encoding="utf-8"))
        for m in re.finditer(r"README([^.]{0,80}?)section \*([^*]+)\*", text):
            if "instructor" not in m.group(1) and f"## {m.group(2)}\n" not in readme:
                found.append(f"{page.relative_to(edition)}: {m.group(0)}")
    return found


def test_the_editions_pages_send_students_to_readme_sections_it_has(built_edition):
    """book/exercises.md sent readers to "the course's README, section *Grading at scale*",
    a section the edition's README leaves out."""
    found = _readme_sections_missing(built_edition)
    assert not found, f"README sections the edition lacks: {found}"


def _runs_a_file_directly(makefile: Path, root: Path) -> list[str]:
    """Recipe commands of ``makefile`` that run a file of ``root`` as a program (which needs
    its executable bit: a copy unpacked from a zip, or a download, has none)."""
    found = []
    for line in makefile.read_text().splitlines():
        if not line.startswith("\t"):
            continue
        for command in re.split(r"&&|\|\||;|\|", line):
            words = command.strip().lstrip("@-").split()
            if words and (root / words[0]).is_file():
                found.append(line.strip())
    return found


def test_the_editions_makefile_runs_its_scripts_through_an_interpreter(built_edition):
    """A student's copy from a zip (GitHub's download, an LMS) has no executable bits: ``make
    test`` stopped at ``tools/phase: Permission denied``."""
    found = _runs_a_file_directly(built_edition / "Makefile", built_edition)
    assert not found, f"run without an interpreter: {found}"


def test_release_refuses_in_the_student_edition(edition, tmp_path):
    """In the edition the release copied the whole edition, then stopped with "the reference
    fails public tests of activations" (the stubs were taken as the reference), and left the
    half-written folder."""
    env = {**os.environ, "PYTHONPATH": str(edition)}
    env.pop("COURSEKIT_COURSE", None)
    out = tmp_path / "again"
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "release", str(out)], cwd=edition, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "student edition" in done.stdout and "instructor's repository" in done.stdout
    assert not out.exists()


@pytest.mark.slow
def test_student_edition_from_a_clean_clone(edition):
    # Nothing of the answers: no reference folder, no hidden test, no reference function body.
    assert not (edition / "tests/grading/reference").exists()
    assert not (edition / "tests/grading/torch_optimizers.py").exists()  # torch.optim solutions
    assert not (edition / "tests/grading/outside").exists()  # answers in other idioms
    files = [p for p in edition.rglob("*") if p.is_file()]
    repeats = _repeating_a_page(edition / "book/exercises.md")
    assert "linear_regression.sgd" in repeats

    def on_a_page(p: Path) -> bool:  # the course teaches it on a page: pages only
        rel = p.relative_to(edition)
        return rel.parts[0] == "book" and rel.suffix == ".md"

    leaks = _leaks(edition, files, repeats, on_a_page)
    assert not leaks, f"reference function bodies in the edition: {leaks}"
    for chapter in CHAPTERS:
        assert (edition / f"tests/grading/recordings/{chapter}.wire").is_file()
        public = (edition / f"tests/grading/checks/{chapter}.py").read_text()
        assert "hidden=True" not in public and not re.search(r"^# -+ ?hidden", public, re.M)
    assert not any(p.suffix in (".pkl", ".pt", ".pickle") for p in files)

    # coursekit check there: 0 on the stubs, full public marks with the reference copied in.
    stubs = _check(edition)
    assert stubs.returncode == 1, stubs.stdout + stubs.stderr
    total = re.search(r"^total\s+(\S+) / (\S+)", stubs.stdout, re.M)
    assert total and float(total.group(1)) == 0, stubs.stdout
    for chapter in CHAPTERS:  # (into this test's copy of the edition)
        shutil.copy(runner.REFERENCE_DIR / f"{chapter}.py", edition / "exercises")
    full = _check(edition)
    assert full.returncode == 0, full.stdout + full.stderr
    assert "hidden" not in full.stdout
    total = re.search(r"^total\s+(\S+) / (\S+)", full.stdout, re.M)
    assert total and total.group(1) == total.group(2), full.stdout


# Settings for each optimizer exercise, with a large eps, as some of its checks pose them
# (with a tiny eps, sqrt(s + eps) and sqrt(s) + eps agree within any tolerance).
_OPTIMIZER_SETTINGS = {
    "sgd_step": {"lr": 0.1},
    "momentum_step": {"lr": 0.05, "momentum": 0.9},
    "nesterov_step": {"lr": 0.05, "momentum": 0.9},
    "adagrad_step": {"lr": 0.1, "eps": 0.1},
    "rmsprop_step": {"lr": 0.01, "alpha": 0.9, "eps": 0.1},
    "adam_step": {"lr": 0.01, "betas": (0.8, 0.99), "eps": 0.1},
}


def test_the_public_optimizer_checks_hold_no_working_rule():
    """The edition ships checks/optimizers.py. Its known mistakes were whole update rules:
    _adagrad_variant(), _rmsprop_variant() and _adam_variant() with their defaults, and
    _plain_momentum, were right answers to four exercises (pasted into a submission: every
    public point of them), and with their defaults refused, each was one deleted line from the
    answer (a student's find: 24/24, hidden tests included). The checks now only name the
    mistakes; their rules live in the reference (``known_mistake``), which the edition replays.
    No function of the module, and no rule one of them makes, may follow any exercise's path."""
    import inspect

    checks = runner.COURSE.checks_module("optimizers")
    reference = runner.reference_module("optimizers")
    named = [kind for mistakes in checks.MISTAKES.values() for kind, _ in mistakes]
    assert all(isinstance(kind, str) for kind in named), "the checks hold a mistaken rule's code"
    for kind in named:  # each names a rule of the reference, none of them right
        assert kind in checks.TWINS or kind in reference._MISTAKEN, kind
    functions = [f for f in vars(checks).values()
                 if inspect.isfunction(f) and f.__module__ == checks.__name__]  # fmt: skip
    rules = list(functions) + [r for ms in checks.MISTAKES.values() for r, _ in ms if callable(r)]
    for factory in functions:  # what a function makes without arguments, or with any mistake
        for args in [(), *[(m,) for m in ("", "none", "correct", "t", None, False)]]:
            try:
                made = factory(*args)
            except Exception:  # noqa: BLE001 - most functions take other arguments
                continue
            rules += [made] if callable(made) else []
    problem = checks.Quadratic(3, [(3,), (2, 3)])
    for exercise, settings in _OPTIMIZER_SETTINGS.items():
        right = checks._rule_path(getattr(reference, exercise), problem, settings, 4)
        for rule in rules:
            try:
                path = checks._rule_path(rule, problem, settings, 4)
            except Exception:  # noqa: BLE001 - not an update rule with these settings
                continue
            assert not all(map(checks._close, path[1:], right[1:])), (
                f"{getattr(rule, '__qualname__', rule)} in the public checks is a right"
                f" {exercise}: a student can paste it in as the answer"
            )


def test_a_failed_release_leaves_no_half_edition(tmp_path, monkeypatch):
    """A release that stopped while recording (the reference failing a public test, torch
    missing, Ctrl-C) left the copied files without ``tests/grading/recordings``: an edition
    that looks finished, where ``check`` has nothing to grade against, and the next release
    into the same folder refused it as "not empty". The folder is now left as it was."""
    from coursekit import release

    if shutil.which("git") is None or not (runner.REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")

    def fails(chapters, out_dir, *, mutants=True):
        raise RuntimeError("the reference fails public tests of mlp: ['test_x']")

    monkeypatch.setattr(release, "record", fails)
    for out in (tmp_path / "new", tmp_path / "empty"):
        (tmp_path / "empty").mkdir(exist_ok=True)
        with pytest.raises(RuntimeError, match="the reference fails"):
            release.build(out, runner.REPO)
        assert not out.exists() or not any(out.iterdir()), sorted(out.iterdir())[:5]
    monkeypatch.setattr(release, "record", lambda chapters, out_dir, *, mutants=True: None)
    assert (release.build(tmp_path / "empty", runner.REPO) / "README.md").is_file()


def test_the_editions_lint_leaves_the_learners_answers_alone(tmp_path):
    """In the edition, ``exercises/`` holds the learner's answers: ``make test`` began with
    ``ruff check .`` over them, so a right answer with its imports in another order or an
    unused name stopped ``make test`` before its first test. The instructor's copy still
    lints the stubs."""
    from coursekit.release import without_instructor_blocks

    if shutil.which("make") is None:
        pytest.skip("needs make")
    edition = tmp_path / "edition"
    (edition / "exercises").mkdir(parents=True)
    makefile = (runner.REPO / "Makefile").read_text()
    (edition / "Makefile").write_text(without_instructor_blocks(makefile))
    shutil.copy(runner.REPO / "pyproject.toml", edition)
    (edition / ".venv").symlink_to(Path(sys.prefix))  # as make edition-test borrows it
    answer = ("import torch\nimport math\n\n\n"  # unsorted, math unused
              "def relu(x):\n    zero = torch.zeros(())\n    return x.clamp(min=0)\n")
    (edition / "exercises/activations.py").write_text(answer)
    # and a notebook copy where the README suggests making one (ruff lints notebooks too)
    (edition / "my-notebooks").mkdir()
    (edition / "my-notebooks/from-scratch.py").write_text(answer)
    lint = subprocess.run(["make", "-C", str(edition), "-o", ".venv/.installed", "lint"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert lint.returncode == 0, lint.stdout + lint.stderr
    instructor = subprocess.run(["make", "-n", "-C", str(runner.REPO), "lint"],
                                capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "ruff check ." in instructor.stdout and "exclude" not in instructor.stdout


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_stub_imports_torch_as_its_docstring_assumes(chapter):
    """``exercises/mlp.py`` said "Use torch only" but imported nothing: a learner's first
    answer there failed with "name 'torch' is not defined", where the other stubs import it."""
    tree = ast.parse((runner.EXERCISES_DIR / f"{chapter}.py").read_text())
    imported = {a.name for node in tree.body if isinstance(node, ast.Import) for a in node.names}
    assert "torch" in imported, f"exercises/{chapter}.py does not import torch"


def test_the_stubs_readme_and_import_hint_allow_the_same_packages():
    """The stubs said "use only the standard library and torch", exercises/README.md added that
    numpy, matplotlib and tqdm import too, and a failed import's hint offered "the course's
    other packages (numpy, matplotlib, tqdm)" (red team 15, session 38): one sentence now says
    what the grader lets import, the same in every stub, the README, the book and the hint."""
    from coursekit.grading import isolation

    said = " ".join(isolation.PACKAGES.split())
    assert "torch" in said and "numpy" in said
    places = {f"exercises/{c}.py": ast.get_docstring(ast.parse(
        (runner.EXERCISES_DIR / f"{c}.py").read_text())) for c in CHAPTERS}  # fmt: skip
    for rel in ("exercises/README.md", "book/exercises.md"):
        places[rel] = (runner.REPO / rel).read_text(encoding="utf-8")
    hint = isolation._import_hint({"type": "ModuleNotFoundError",
                                   "message": "No module named 'scipy'"}, b"import scipy\n")
    places["the import hint"] = hint
    differ = [where for where, text in places.items() if said not in " ".join(text.split())]
    assert not differ, f"these do not say {said!r}: {differ}"


def test_the_public_overfitting_checks_hold_no_working_weight_decay_step():
    """The edition ships checks/overfitting.py, whose ``_sgd_reference(w, grad, lr,
    weight_decay)`` was a right weight_decay_step, pasted in: every public point (red team 15,
    session 38). The checks now ask the reference, which the edition replays."""
    import inspect

    import torch

    checks = runner.COURSE.checks_module("overfitting")
    reference = runner.reference_module("overfitting")
    g = torch.Generator().manual_seed(0)
    w, grad = torch.randn(3, 4, generator=g), torch.randn(3, 4, generator=g)
    right = reference.weight_decay_step(w, grad, 0.1, 0.5)
    for name, f in vars(checks).items():
        if not (inspect.isfunction(f) and f.__module__ == checks.__name__):
            continue
        try:
            got = f(w.clone(), grad.clone(), 0.1, 0.5)
        except Exception:  # noqa: BLE001 - most functions take other arguments
            continue
        assert not (isinstance(got, torch.Tensor) and got.shape == right.shape
                    and torch.allclose(got, right)), (
            f"{name} in the public checks is a right weight_decay_step")  # fmt: skip


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_editions_checks_hold_no_history(chapter):
    """The public checks' comments told the learner which red team in which session kept how
    many points ("a red team's, session 31: 5/5"): the instructors' history (red team 15,
    session 38). The edition leaves those asides out, and changes nothing else in the code."""
    from coursekit import release

    source = (runner.COURSE.checks / f"{chapter}.py").read_text(encoding="utf-8")
    public = release.public_checks(source)
    history = [line.strip() for line in public.splitlines()
               if re.search(r"(?i)red team|session \d|\bs\. \d", line)]  # fmt: skip
    assert not history, "\n".join(history)

    def code(text: str) -> str:  # the module without docstrings nor hidden tests
        tree = ast.parse(text)
        tree.body = [n for n in tree.body if not isinstance(n, ast.FunctionDef)
                     or not any(map(release._is_hidden, n.decorator_list))]  # fmt: skip
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                    and isinstance(body[0].value, ast.Constant):  # fmt: skip
                body[0] = ast.Pass()
        return ast.dump(tree)

    assert code(public) == code(source)
