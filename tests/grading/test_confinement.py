"""Student code may write only inside its own folder, and may not read the repository or the
submissions (Linux Landlock), whoever runs the grader.

As root each student process also gets a uid of its own, but a folder anyone may write to (like
/tmp) is open to every uid, and so is a world-readable file: the targets here are such files and
folders, so only Landlock stands between the student and them. Without it these tests fail.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from coursekit.grading import GradingFailure, landlock
from coursekit.grading.isolation import REPO, Student, Worker
from tests.conftest import require

ANSWERS = """
import os

def write(path):
    with open(path, "w") as f:
        f.write("planted by a submission")
    return True

def remove(path):
    os.remove(path)
    return True

def make_folder(path):
    os.mkdir(path)
    return True

def read(path):
    with open(path) as f:
        return f.read()

def listing(path):
    return sorted(os.listdir(path))

def scratch():
    path = os.path.join(os.environ["HOME"], "scratch", "notes.txt")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as f:
        f.write("mine")
    with open(os.devnull, "w") as f:
        f.write("discarded")
    with open(path) as f:
        return f.read()
"""


@pytest.fixture
def open_folder():
    """A folder every uid may write to, holding a file every uid may change."""
    folder = Path(tempfile.mkdtemp(prefix="coursekit-confinement-", dir="/tmp"))
    folder.chmod(0o777)
    victim = folder / "victim.txt"
    victim.write_text("precious")
    victim.chmod(0o666)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("zygote", ["1", "0"], ids=["forked", "python -I"])
def test_writes_outside_the_student_folder_are_refused(tmp_path, open_folder, monkeypatch, zygote):
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    monkeypatch.setenv("COURSEKIT_GRADER_ZYGOTE", zygote)
    module = tmp_path / "answers.py"
    module.write_text(ANSWERS)
    with Worker() as worker:
        student = Student(worker, "k", "answers", module)
        assert student.scratch() == "mine"  # its own folder and /dev/null stay usable
        assert worker.confinement == ""
        attempts = [
            ("write", open_folder / "planted.txt"),
            ("write", open_folder / "victim.txt"),
            ("remove", open_folder / "victim.txt"),
            ("make_folder", open_folder / "planted"),
        ]
        for fn, path in attempts:
            with pytest.raises(GradingFailure, match="PermissionError"):
                getattr(student, fn)(str(path))
    assert sorted(p.name for p in open_folder.iterdir()) == ["victim.txt"]
    assert (open_folder / "victim.txt").read_text() == "precious"


@pytest.mark.parametrize("zygote", ["1", "0"], ids=["forked", "python -I"])
def test_the_repository_and_hidden_folders_cannot_be_read(tmp_path, open_folder, monkeypatch,
                                                          zygote):  # fmt: skip
    require(landlock.abi_version() >= 1, "this kernel has no Landlock (Linux 5.13+)")
    monkeypatch.setenv("COURSEKIT_GRADER_ZYGOTE", zygote)
    module = tmp_path / "answers.py"
    module.write_text(ANSWERS)
    classmate = open_folder / "victim.txt"  # world-readable, so only Landlock hides it
    reference = REPO / "tests" / "grading" / "reference" / "linear_regression.py"
    with Worker(hidden=[open_folder]) as worker:
        student = Student(worker, "k", "answers", module)
        assert student.read("/etc/hostname") == Path("/etc/hostname").read_text()
        assert student.scratch() == "mine"
        for fn, path in [("read", reference), ("read", classmate), ("listing", REPO),
                         ("listing", open_folder), ("read", REPO / "README.md")]:  # fmt: skip
            with pytest.raises(GradingFailure, match="PermissionError"):
                getattr(student, fn)(str(path))


def test_confine_says_why_not_where_there_is_no_landlock(monkeypatch):
    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    assert "no Landlock" in landlock.confine("/tmp")


def test_everything_but_the_hidden_folders_stays_readable(tmp_path):
    hidden = tmp_path / "course" / "tests"
    (hidden / "reference").mkdir(parents=True)
    (tmp_path / "course" / "coursekit").mkdir()
    (tmp_path / "course" / "README.md").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    keep = tmp_path / "course" / "tests" / ".venv"
    keep.mkdir()
    paths = landlock.readable_paths([str(hidden)], [str(keep)])
    inside = sorted(p for p in paths if p.startswith(str(tmp_path)))
    assert inside == sorted(str(p) for p in [tmp_path / "course" / "coursekit", keep,
                                              tmp_path / "course" / "README.md",
                                              tmp_path / "elsewhere"])  # fmt: skip
    assert "/usr" in paths and "/etc" in paths
    assert not any(p == str(hidden) or p.startswith(str(hidden) + "/") for p in paths
                   if p != str(keep))  # fmt: skip


def test_grade_warns_when_student_code_could_reach_what_it_should_not(monkeypatch, tmp_path):
    from coursekit.grading import cli, isolation, runner

    reference = tmp_path / "reference"
    reference.mkdir(mode=0o755)
    monkeypatch.setattr(runner, "REFERENCE_DIR", reference)
    monkeypatch.setattr(isolation, "is_root", lambda: False)
    monkeypatch.setattr(landlock, "abi_version", lambda: 0)
    assert "student code can write wherever this user can" in cli.confinement_warning()
    monkeypatch.setattr(isolation, "is_root", lambda: True)
    assert f"chmod 700 {reference}" in cli.confinement_warning()
    reference.chmod(0o700)
    assert cli.confinement_warning() == ""
    reference.chmod(0o755)
    monkeypatch.setattr(landlock, "abi_version", lambda: 1)
    assert cli.confinement_warning() == ""


@pytest.mark.skipif(landlock.abi_version() < 6, reason="signal scoping needs Landlock ABI 6")
def test_confined_code_cannot_signal_the_grader(tmp_path):
    """Same uid or not, a confined process cannot signal processes outside its domain."""
    import subprocess
    import sys

    code = (
        "import os, sys; from coursekit.grading import landlock\n"
        f"assert landlock.confine({str(tmp_path)!r}, []) == ''\n"
        "try:\n    os.kill(os.getppid(), 0)\nexcept PermissionError:\n    sys.exit(7)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60)
    assert done.returncode == 7, "the confined process could signal its parent (the grader)"
