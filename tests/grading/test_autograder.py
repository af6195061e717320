"""The Gradescope and PrairieLearn packages, run the way each platform runs them (no Docker).

Each package is built with ``python -m coursekit autograder ...``, laid out in a temporary root
as the platform lays it out (``$COURSEKIT_AUTOGRADER_ROOT`` stands for ``/autograder`` or
``/grade``), installed once with its own install script into a fresh venv, and run on a correct,
a wrong, a hostile and a replaying submission; every ``results.json`` is validated with
``jsonschema`` against the platform's documented format (``coursekit/autograder_schemas/``).

The install script is the real one, except that ``COURSEKIT_AUTOGRADER_REUSE_SITE`` points the
new venv at this repository's installed packages instead of installing torch a second time. Set
``COURSEKIT_TEST_REAL_INSTALL=1`` to run the full ``pip install`` instead (minutes; pip must
reach the packages, e.g. from a local wheel folder, and ``COURSEKIT_TORCH_INDEX=`` disables the
PyTorch CPU index when offline).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import jsonschema
import pytest

from coursekit.autograder import SCHEMAS, find_submission, folder_note, gradescope_results
from coursekit.grading import runner
from tests.conftest import require
from tests.grading.replay import replays_for_tests, trusted_worker_for_tests
from tests.grading.test_confinement import shared_folder as shared_folder  # the fixture

pytestmark = [pytest.mark.slow, pytest.mark.instructor]

REPO = runner.REPO
CHAPTERS = runner.chapters()
MUTATED = ("linear_regression", "squared_loss_no_half")  # the wrong submission's mistake
MAX_SCORE = sum(c.points for ch in CHAPTERS for c in runner.checks(ch))
PUBLIC_SCORE = sum(c.points for ch in CHAPTERS for c in runner.checks(ch) if not c.hidden)


trusted_worker = pytest.fixture(scope="module")(trusted_worker_for_tests)
replays = pytest.fixture(scope="session")(replays_for_tests)  # shared with test_release


def _max(chapters) -> float:
    return sum(c.points for ch in chapters for c in runner.checks(ch))


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text())


def _reuse() -> dict:
    """The base Python of this venv, and (unless a real install is asked for) its packages."""
    env = {"COURSEKIT_PYTHON": getattr(sys, "_base_executable", sys.executable)}
    if os.environ.get("COURSEKIT_TEST_REAL_INSTALL") != "1":
        env["COURSEKIT_AUTOGRADER_REUSE_SITE"] = sysconfig.get_paths()["purelib"]
    return env


def _env(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COURSEKIT_", "PYTHON"))}
    return {**env, "COURSEKIT_AUTOGRADER_ROOT": str(root)}


def _build(platform: str, out: Path, *options: str) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "coursekit", "autograder", platform, str(out), *options],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr


@pytest.fixture(scope="module")
def gradescope(tmp_path_factory) -> Path:
    """``/autograder`` after Gradescope built the image: source unpacked, setup.sh run."""
    base = tmp_path_factory.mktemp("gradescope")
    _build("gradescope", base / "autograder.zip")
    with zipfile.ZipFile(base / "autograder.zip") as z:
        names = z.namelist()
        assert {"setup.sh", "run_autograder"} <= set(names)  # at the zip's root
        assert "course/tests/grading/reference/linear_regression.py" in names
        root = base / "autograder"
        z.extractall(root / "source")
        for info in z.infolist():  # extractall drops the modes; unzip (Gradescope's) keeps them
            (root / "source" / info.filename).chmod((info.external_attr >> 16) & 0o777 or 0o644)
    # Gradescope copies run_autograder to /autograder and runs setup.sh from the source folder.
    shutil.copy2(root / "source/run_autograder", root / "run_autograder")
    env = _env(root)
    done = subprocess.run(["bash", "setup.sh"], cwd=root / "source", capture_output=True,
                          text=True, timeout=1800, env={**env, **_reuse()})  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert (root / "venv/bin/python").exists()
    return root


@pytest.fixture(scope="module")
def prairielearn(tmp_path_factory) -> tuple[Path, Path]:
    """``/grade`` with the question's tests/ folder, and the venv the Containerfile installs."""
    base = tmp_path_factory.mktemp("prairielearn")
    out = base / "package"
    _build("prairielearn", out)
    containerfile = (out / "Containerfile").read_text()
    assert "install.sh" in containerfile and "requirements.txt" in containerfile
    info = json.loads((out / "info-snippet.json").read_text())["externalGradingOptions"]
    assert 'file-names="activations.py,' in (out / "question.html").read_text()
    assert info["entrypoint"] == "/grade/tests/run.sh" and info["enabled"] is True
    root = base / "grade"
    shutil.copytree(out / "tests", root / "tests", symlinks=True)
    venv = base / "venv"
    command = ["bash", str(out / "install.sh"), str(venv), str(out / "requirements.txt")]
    done = subprocess.run(command, env={**_env(root), **_reuse()}, capture_output=True,
                          text=True, timeout=1800)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return root, venv


def _submit(folder: Path, files: dict[str, str | Path]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copy(content, target)
        else:
            target.write_text(content)


def run_gradescope(root: Path, files: dict, command=(), cwd=None, chapters=CHAPTERS) -> dict:
    """Grade ``files`` as Gradescope would: fresh submission and results folders, then
    ``/autograder/run_autograder`` (or ``command``) in ``/autograder``; returns results.json."""
    _submit(root / "submission", files)
    shutil.rmtree(root / "results", ignore_errors=True)
    (root / "results").mkdir()
    done = subprocess.run(list(command) or ["bash", str(root / "run_autograder")],
                          cwd=cwd or root, env=_env(root), capture_output=True, text=True,
                          timeout=900)  # fmt: skip
    (root / "results/stdout").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((root / "results/results.json").read_text())
    jsonschema.validate(data, _schema("gradescope"))
    for key in ("score", "stdout_visibility", "tests"):
        assert key in data, key
    _tells_no_run_time(data)
    for t in data["tests"]:
        for key in ("name", "score", "max_score", "output", "visibility", "output_format"):
            assert key in t, (key, t)
    assert sum(t["max_score"] for t in data["tests"]) == _max(chapters)
    assert data["score"] == pytest.approx(sum(t["score"] for t in data["tests"]))
    return data


def run_prairielearn(grade: tuple[Path, Path], files: dict) -> dict:
    """Grade ``files`` as PrairieLearn would: ``/grade/student``, then ``/grade/tests/run.sh``."""
    root, venv = grade
    _submit(root / "student", files)
    shutil.rmtree(root / "results", ignore_errors=True)
    env = {**_env(root), "COURSEKIT_GRADER_VENV": str(venv)}
    done = subprocess.run(["bash", str(root / "tests/run.sh")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((root / "results/results.json").read_text())
    jsonschema.validate(data, _schema("prairielearn"))
    for t in data["tests"]:
        for key in ("name", "points", "max_points", "output"):
            assert key in t, (key, t)
    assert sum(t["max_points"] for t in data["tests"]) == MAX_SCORE
    _tells_no_run_time(data)
    return data


def _tells_no_run_time(data: dict) -> None:
    """A submission that slept on the digits of a hidden test's input read them back from the
    run time a report showed (a fourth red team): no student-visible field tells it."""
    assert "execution_time" not in data and "graded in" not in data["output"], data["output"]


def _hidden_names() -> set[str]:
    return {c.name for ch in CHAPTERS for c in runner.checks(ch) if c.hidden}


def _reveals_nothing(tests: list[dict]) -> None:
    """No hidden test's function name appears anywhere a student reads."""
    text = json.dumps(tests)
    leaked = [n for n in _hidden_names() if n in text]
    assert not leaked, f"hidden test names in the results: {leaked}"


def correct() -> dict:
    return {f"{ch}.py": runner.REFERENCE_DIR / f"{ch}.py" for ch in CHAPTERS}


def wrong(folder: Path) -> dict:
    """The reference, except one chapter where one mistake (a mutant) is made."""
    chapter, mutant = MUTATED
    source = folder / f"{chapter}.py"
    folder.mkdir(parents=True, exist_ok=True)
    mistake = (runner.CHECKS_DIR.parent / "mutants" / chapter / f"{mutant}.py").read_text()
    source.write_text((runner.REFERENCE_DIR / f"{chapter}.py").read_text() + "\n\n" + mistake)
    return {**correct(), f"{chapter}.py": source}


def hostile(course: Path, results: Path) -> dict:
    """Reads the reference answers and forges results.json at import; exits at import."""
    answers = "tests/grading/reference/linear_regression.py"
    targets = [course / answers, Path("/autograder/source/course") / answers,
               Path("/grade/tests/course") / answers]  # fmt: skip
    forged = json.dumps({"score": 1000, "gradable": True, "tests": []})
    cheat = (
        "import json, os\n"
        f"for path in {[str(t) for t in targets]!r}:\n"
        "    try:\n"
        "        exec(open(path).read())\n"
        "        break\n"
        "    except OSError:\n"
        "        pass\n"
        "try:\n"
        f"    open({str(results)!r}, 'w').write({forged!r})\n"
        "except OSError:\n"
        "    pass\n"
    )  # fmt: skip
    return {
        "linear_regression.py": cheat,
        "activations.py": "import os\nos._exit(0)\n",
        "losses.py": "raise SystemExit('bye')\n",
    }


def _expected_wrong(trusted_worker, tmp_path) -> dict[str, float]:
    """Each test's score for the mutated chapter, graded here with the ordinary runner."""
    chapter, _ = MUTATED
    source = wrong(tmp_path / "expected")[f"{chapter}.py"]
    result = runner.grade_modules({chapter: source}, worker=trusted_worker, name="expected")
    return {t.name: t.score for t in result.tests}


# -- Gradescope ---------------------------------------------------------------------------------


def test_gradescope_correct_submission(gradescope):
    data = run_gradescope(gradescope, correct())
    assert data["score"] == MAX_SCORE
    assert all(t["status"] == "passed" for t in data["tests"])
    hidden = [t for t in data["tests"] if "hidden test" in t["name"]]
    assert len(hidden) == len(_hidden_names())
    assert {t["visibility"] for t in hidden} == {"after_published"}
    assert {t["visibility"] for t in data["tests"] if t not in hidden} == {"visible"}
    _reveals_nothing(data["tests"])


def test_gradescope_wrong_submission(gradescope, trusted_worker, tmp_path):
    data = run_gradescope(gradescope, wrong(tmp_path))
    chapter, _ = MUTATED
    expected = _expected_wrong(trusted_worker, tmp_path)
    lost = MAX_SCORE - data["score"]
    assert lost == sum(c.points for c in runner.checks(chapter)) - sum(expected.values()) > 0
    failed = [t for t in data["tests"] if t["status"] == "failed"]
    assert failed and all(t["name"].startswith(f"{chapter}.squared_loss") for t in failed), failed
    assert any("1/2" in t["output"] or "factor of 2" in t["output"] for t in failed)
    _reveals_nothing(data["tests"])


def test_gradescope_hostile_submission(gradescope):
    course = gradescope / "source/course"
    reference = (course / "tests/grading/reference/linear_regression.py").read_bytes()
    files = hostile(course, gradescope / "results/results.json")
    data = run_gradescope(gradescope, files)
    assert data["score"] == 0, [t for t in data["tests"] if t["score"]]
    assert data["tests"], "the forged results.json survived"
    by_chapter = {t["name"].split(".")[0] for t in data["tests"]}
    assert by_chapter == set(CHAPTERS)
    assert (course / "tests/grading/reference/linear_regression.py").read_bytes() == reference


def test_gradescope_hidden_visibility_is_configurable(gradescope):
    # What run_autograder runs, with the other choice and one chapter.
    command = [str(gradescope / "venv/bin/python"), "-m", "coursekit", "autograder", "run",
               "gradescope", "--hidden-visibility", "hidden", "--chapter", "activations"]
    data = run_gradescope(gradescope, {"activations.py": "x = 1\n"}, command,
                          cwd=gradescope / "source/course", chapters=["activations"])  # fmt: skip
    hidden = [t for t in data["tests"] if "hidden test" in t["name"]]
    assert hidden and {t["visibility"] for t in hidden} == {"hidden"}
    assert "are not shown" in data["output"]


def test_without_landlock_modes_keep_the_worker_uid_out(gradescope):
    """Gradescope unpacks the course (reference included), the submission and
    submission_metadata.json (earlier results, hidden tests included) readable by every uid:
    where Landlock is missing (an older kernel, a seccomp profile that refuses it), a worker's
    uid read the reference and earned its chapter's points (32 of linear_regression). The
    entrypoint now leaves all of the platform's folder but the venv to root alone."""
    require(os.geteuid() == 0, "the entrypoint changes modes as root (Gradescope runs it so)")
    (gradescope / "submission_metadata.json").write_text('{"previous_submissions": []}\n')
    run_gradescope(gradescope, {"activations.py": "x = 1\n"})
    for secret in ("source", "submission", "results", "submission_metadata.json"):
        mode = (gradescope / secret).stat().st_mode
        assert not mode & 0o077, f"{secret} is open to other uids ({oct(mode)})"
    assert gradescope.stat().st_mode & 0o077 == 0o011  # passable, not listable: for the venv
    assert (gradescope / "venv").stat().st_mode & 0o005 == 0o005
    assert os.access(gradescope / "run_autograder", os.X_OK)


# -- PrairieLearn -------------------------------------------------------------------------------


def test_prairielearn_correct_submission(prairielearn):
    data = run_prairielearn(prairielearn, correct())
    assert data["gradable"] is True and data["score"] == 1
    assert all(t["points"] == t["max_points"] for t in data["tests"])
    _reveals_nothing(data["tests"])


def test_prairielearn_wrong_submission(prairielearn, trusted_worker, tmp_path):
    data = run_prairielearn(prairielearn, wrong(tmp_path))
    chapter, _ = MUTATED
    expected = _expected_wrong(trusted_worker, tmp_path)
    got = sum(t["points"] for t in data["tests"])
    assert got == MAX_SCORE - sum(c.points for c in runner.checks(chapter)) + sum(expected.values())
    assert data["score"] == pytest.approx(got / MAX_SCORE) and data["score"] < 1
    _reveals_nothing(data["tests"])


def test_prairielearn_hostile_submission(prairielearn):
    root, _ = prairielearn
    course = root / "tests/course"
    data = run_prairielearn(prairielearn, hostile(course, root / "results/results.json"))
    assert data["gradable"] is True and data["score"] == 0
    assert data["tests"], "the forged results.json survived"


def test_prairielearn_nothing_submitted_is_not_gradable(prairielearn):
    data = run_prairielearn(prairielearn, {"notes.txt": "I could not do it\n"})
    assert data["gradable"] is False
    assert "linear_regression.py" in data["message"]


# -- a submission that replays the public expected outputs --------------------------------------


@pytest.fixture(scope="module")
def replaying(replays) -> dict:
    return {f"{ch}.py": replays[ch] for ch in CHAPTERS}


def test_replaying_the_public_outputs_on_gradescope(gradescope, replaying):
    data = run_gradescope(gradescope, replaying)
    public = [t for t in data["tests"] if t["visibility"] == "visible"]
    hidden = [t for t in data["tests"] if t["visibility"] != "visible"]
    failed = [(t["name"], t.get("output")) for t in public if t["score"] == 0]
    assert all(t["status"] == "passed" for t in public), failed
    assert hidden and all(t["score"] == 0 for t in hidden)
    assert data["score"] == PUBLIC_SCORE < MAX_SCORE


def test_replaying_the_public_outputs_on_prairielearn(prairielearn, replaying):
    data = run_prairielearn(prairielearn, replaying)
    hidden = [t for t in data["tests"] if "hidden test" in t["name"]]
    public = [t for t in data["tests"] if t not in hidden]
    assert all(t["points"] == t["max_points"] for t in public)
    assert hidden and all(t["points"] == 0 for t in hidden)
    assert data["score"] == pytest.approx(PUBLIC_SCORE / MAX_SCORE)


# -- the pieces ---------------------------------------------------------------------------------


def test_find_submission_takes_files_a_folder_or_a_repository(tmp_path):
    chapters = ["linear_regression"]
    (tmp_path / "a").mkdir()
    (tmp_path / "a/linear_regression.py").write_text("")
    assert find_submission(tmp_path / "a", chapters) == tmp_path / "a"
    (tmp_path / "b/my-work/exercises").mkdir(parents=True)
    (tmp_path / "b/my-work/exercises/linear_regression.py").write_text("")
    assert find_submission(tmp_path / "b", chapters) == tmp_path / "b/my-work/exercises"
    (tmp_path / "c").mkdir()
    (tmp_path / "c/link").symlink_to(tmp_path / "a")
    assert find_submission(tmp_path / "c", chapters) == tmp_path / "c"  # links not followed


def test_bad_command_lines(tmp_path):
    def build(*args):
        return subprocess.run([sys.executable, "-m", "coursekit", "autograder", *args],
                              cwd=REPO, capture_output=True, text=True, timeout=120)  # fmt: skip

    no_zip = build("gradescope", str(tmp_path / "ag.tar"))
    assert no_zip.returncode == 2 and ".zip" in no_zip.stderr
    unknown = build("gradescope", str(tmp_path / "ag.zip"), "--chapter", "nope")
    assert unknown.returncode == 2 and "unknown chapter 'nope'" in unknown.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full/x").write_text("")
    full = build("prairielearn", str(tmp_path / "full"))
    assert full.returncode == 2 and "not empty" in full.stderr
    # nan passes `<= 0`: the package's run_autograder then graded without a time budget.
    no_budget = build("gradescope", str(tmp_path / "ag.zip"), "--budget", "nan")
    assert no_budget.returncode == 2 and "positive, finite" in no_budget.stderr
    assert not (tmp_path / "ag.zip").exists()


def test_the_packages_take_no_untracked_file(tmp_path, capsys):
    """The README has an instructor write ``grades.csv``, the class's ``submissions/`` and an
    ``autograder.zip`` in the repository, untracked. Both packages took every untracked file
    git does not ignore: the class's grades and work went to Gradescope (and into the
    PrairieLearn course's repository), and each new autograder.zip held the one before."""
    from coursekit.autograder import build_gradescope, build_prairielearn

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")
    repo = tmp_path / "course"
    subprocess.run(["git", "clone", "-q", str(REPO), str(repo)], check=True)
    untracked = ("grades.csv", "submissions/ada/linear_regression.py", "autograder.zip")
    for name in untracked:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("ada,32\n")
    build_gradescope(repo / "autograder.zip", repo, chapters=["linear_regression"])
    with zipfile.ZipFile(repo / "autograder.zip") as z:
        names = set(z.namelist())
    assert "course/tests/grading/reference/linear_regression.py" in names
    assert not {f"course/{n}" for n in untracked} & names
    out = build_prairielearn(tmp_path / "pl", repo, chapters=["linear_regression"])
    assert (out / "tests/course/tests/grading/reference/linear_regression.py").exists()
    assert not [n for n in untracked if (out / "tests/course" / n).exists()]
    assert "not in the autograder (untracked" in capsys.readouterr().out
    # Each holds the answers: a fourth red team's module read a package left world-readable
    # beside the class (215/215 as root): no other uid may read or enter them.
    for package in (repo / "autograder.zip", out):
        assert package.stat().st_mode & 0o077 == 0, oct(package.stat().st_mode)


def test_a_misnamed_module_is_named_in_the_message(prairielearn):
    """A browser saves a second download as "activations (1).py": the student reads which
    file to rename, not only that no module was found."""
    data = run_prairielearn(prairielearn, {"activations (1).py": "def sigmoid(x):\n    pass\n"})
    assert data["gradable"] is False
    assert "activations (1).py is graded as nothing: rename it activations.py" in data["message"]


def test_odd_folder_and_file_names_are_escaped_in_the_note(tmp_path):
    """A folder named with bytes that are not UTF-8 and control characters (a zip can hold
    them) appeared raw in results.json: "\\udcff" (a lone surrogate, refused by strict JSON
    readers such as PostgreSQL's jsonb) and an escape sequence."""
    odd = os.fsdecode(b"work\xff\x1b[31m\nred")
    (tmp_path / odd).mkdir()
    (tmp_path / odd / "linear_regression.py").write_text("")
    (tmp_path / odd / os.fsdecode(b"Activations\xfe.py")).write_text("")
    folder = find_submission(tmp_path, ["linear_regression", "activations"])
    note = folder_note(tmp_path, folder, ["linear_regression", "activations"], True)
    assert "work\\xff\\x1b[31m\\nred of your submission" in note
    assert "Activations\\xfe.py is graded as nothing" in note
    assert note.isprintable() and note.encode("utf-8")


def test_html_in_a_file_name_is_shown_as_text_on_gradescope(tmp_path):
    """The note names the student's misnamed files in the top-level output, which had no
    output_format: Gradescope renders that as simple_format, HTML in it included (an image
    fetched from the student's server, a link on the staff's page, in a file name)."""
    name = "activations<img src=http:evil.example>.py"
    (tmp_path / name).write_text("")
    note = folder_note(tmp_path, tmp_path, ["activations"], False)
    result = runner.ungradable("s", ["activations"], "nothing to grade", runner.COURSE)
    data = gradescope_results(result, "after_published", note)
    jsonschema.validate(data, _schema("gradescope"))
    assert name in data["output"] and data["output_format"] == "text"
    assert all(t["output_format"] == "text" for t in data["tests"])


def test_thousands_of_misnamed_files_give_a_short_note(tmp_path):
    """Each misnamed file was named in results.json: a zip of 20,000 made a 1.4 MB note."""
    for i in range(20_000):
        (tmp_path / f"activations ({i}).py").write_text("")
    note = folder_note(tmp_path, tmp_path, ["activations"], False)
    assert len(note) < 1000 and note.count("graded as nothing") == 1
    # (one of the first 10,000 the folder lists: the listing stops there)
    assert re.search(r"activations \(\d+\)\.py is graded as nothing: rename it activations\.py",
                     note), note  # fmt: skip


def test_a_submission_of_many_folders_is_listed_up_to_10000_entries(tmp_path, monkeypatch):
    """A submission of 100,000 empty folders (a 10 MB zip) kept the trusted process 71 s in
    find_submission and 29 s in folder_note, before any grading and outside every time limit
    (`grade` runs both for each student before it grades the class): each looked for modules in
    every folder and its exercises/ (red team 12, session 35). They list 10,000 entries, as the
    hints do."""
    for i in range(12_000):
        (tmp_path / f"d{i:05}").mkdir()
    looked = []
    for name in ("stat", "lstat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *a, real=real, **k: looked.append(a) or real(*a, **k))
    assert find_submission(tmp_path, ["activations"]) == tmp_path
    assert "no exercise module found" in folder_note(tmp_path, tmp_path, ["activations"], False)
    monkeypatch.undo()
    # (a folder and its exercises/ take 6 looks to rule out, the note's hint 2 more: all of
    # the 12,000 took 140,000)
    assert len(looked) <= 8 * 10_000 + 100, len(looked)
    (tmp_path / "d00007/activations.py").write_text("")
    assert find_submission(tmp_path, ["activations"]) == tmp_path / "d00007"


def test_a_notebook_a_zip_or_another_extension_is_named_in_the_note(tmp_path):
    """Gradescope takes any upload: a student who worked in a notebook uploaded
    ``linear_regression.ipynb``, another a zip inside a folder, another ``mlp.py.txt``. Each
    read only "no exercise module found: upload ..." (the zip and the notebook unnamed, and
    nothing saying that a notebook is not read). A module saved as UTF-16 failed to import with
    "source code string cannot contain null bytes. Fix the error at the top level..."."""
    chapters = ["linear_regression", "mlp", "losses"]
    (tmp_path / "Linear_Regression.ipynb").write_text("{}")
    (tmp_path / "mlp.py.txt").write_text("")
    (tmp_path / "exercises.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (tmp_path / "losses.ipynb").write_text("{}")
    (tmp_path / "losses.py").write_text("")  # graded: its notebook is not mentioned
    note = folder_note(tmp_path, tmp_path, chapters, True)
    assert "Linear_Regression.ipynb is a notebook: the grader reads Python files only" in note
    assert "save its code as linear_regression.py" in note
    assert "mlp.py.txt is graded as nothing: rename it mlp.py" in note
    assert "exercises.zip is a zip, which the grader does not unpack" in note
    assert "losses.ipynb" not in note
    (tmp_path / "losses.py").write_bytes("def mse_loss(y_hat, y):\n".encode("utf-16"))
    note = folder_note(tmp_path, tmp_path, chapters, True)  # PowerShell's > writes UTF-16
    assert "losses.py is saved as UTF-16 (a Windows editor's 'Unicode')" in note
    folder = tmp_path / "upload" / "my work"  # an uploaded folder, nothing graded
    folder.mkdir(parents=True)
    (folder / "mlp.ipynb").write_text("{}")
    note = folder_note(tmp_path / "upload", tmp_path / "upload", chapters, False)
    assert "my work/mlp.ipynb is a notebook: the grader reads Python files only" in note


@pytest.mark.parametrize("how", ["autograder run", "grade --gradescope"])
def test_the_platform_files_beside_the_submission_are_hidden(how, shared_folder, monkeypatch):
    """Gradescope puts ``submission_metadata.json`` beside the submission, with the results
    (hidden tests included) of the student's earlier submissions; student code read it and
    raised it into a public test's message, before the results were published. The worker
    now reads nothing of the platform's root (the grader's venv there stays readable)."""
    from coursekit import autograder

    root, temporary = shared_folder / "autograder", shared_folder / "temporary"  # reachable
    (root / "submission").mkdir(parents=True)
    temporary.mkdir()
    (root / "submission_metadata.json").write_text('{"previous_submissions": "SECRET-1234"}')
    spy = (f"\n\ndef squared_loss(y_hat, y):\n"
           f"    raise ValueError(open({str(root / 'submission_metadata.json')!r}).read())\n")
    source = (runner.REFERENCE_DIR / "linear_regression.py").read_text() + spy
    (root / "submission" / "linear_regression.py").write_text(source)
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    monkeypatch.chdir(REPO)
    if how == "autograder run":
        data = autograder.run("gradescope", root, chapters=["linear_regression"])
    else:  # grade's own --gradescope
        from coursekit.grading import cli

        cli.main(["grade", str(root / "submission"), "--chapter", "linear_regression",
                  "--gradescope", str(root / "results")])  # fmt: skip
        data = json.loads((root / "results" / "results.json").read_text())
    assert "SECRET" not in json.dumps(data)
    assert any("squared_loss" in t["name"] and "Errno" in t["output"] for t in data["tests"])


def test_the_note_reads_10000_entries_of_the_folders_one_down_in_all(tmp_path, monkeypatch):
    """With no module found, the note looks for a notebook or a zip in each of the first 100
    folders, each listed up to 10,000 entries: 100 folders of 2,000 empty files kept the trusted
    process 40 s before any grading, outside every time limit (100 of 10,000, a 100 MB zip,
    about 200 s; red team 13, session 36). 10,000 entries in all are read."""
    from coursekit.grading import runner

    for d in range(100):
        (tmp_path / f"s{d:03}").mkdir()
        for i in range(200 if d else 0):
            (tmp_path / f"s{d:03}" / f"x{i:03}.txt").write_text("")
    (tmp_path / "s000" / "mlp.ipynb").write_text("{}")
    read = []
    real = runner.entries
    monkeypatch.setattr(runner, "entries", lambda *a, **k: read.append(len(x := real(*a, **k)))
                        or x)  # fmt: skip
    note = folder_note(tmp_path, tmp_path, ["mlp"], False)
    assert "s000/mlp.ipynb is a notebook" in note
    assert sum(read) <= 10_000 + 3 * 100, sum(read)  # (and the top folder listed 3 times)


def test_files_named_like_the_platforms_and_odd_names_in_a_submission(shared_folder, monkeypatch):
    """Red team 13, held: an upload holding its own results.json (full marks) and
    submission_metadata.json, modules named alike but for case (MLP.py), Unicode form (NFD)
    or a Windows device name (CON, aux.py), a name of 255 bytes, beside the platform's
    submission_metadata.json made hostile (not UTF-8, 5 MB, nested 100,000 deep). Only the
    grader's results.json is written, graded from activations.py alone; no odd name gets into
    it unescaped, and the metadata is never read."""
    from coursekit import autograder

    root = shared_folder / "autograder"
    upload = root / "submission"
    upload.mkdir(parents=True)
    shutil.copy(runner.REFERENCE_DIR / "activations.py", upload / "activations.py")
    (upload / "results.json").write_text('{"score": 1000000, "tests": []}')
    (upload / "submission_metadata.json").write_text('{"previous_submissions": []}')
    for name in ("MLP.py", "CON", "aux.py", "nul", "x" * 252 + ".py", "losse\u0301s.py"):
        (upload / name).write_text("def relu(x):\n    return 1\n")
    (root / "submission_metadata.json").write_bytes(b"\xff" + b"[" * 100_000 + b"\xfe" * 5_000_000)
    monkeypatch.chdir(REPO)
    data = autograder.run("gradescope", root, chapters=["activations", "mlp", "losses"])
    written = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert written == data and data["score"] < 1000000
    activations = [t for t in data["tests"] if t["name"].startswith("activations.")]
    assert activations and all(t["status"] == "passed" for t in activations)
    assert not any(t["score"] for t in data["tests"] if not t["name"].startswith("activations."))
    assert "MLP.py is graded as nothing: rename it mlp.py" in data["output"]
    assert "losse\u0301s" not in json.dumps(data, ensure_ascii=False)  # NFD: escaped if shown
    assert len(json.dumps(data)) < 200_000
