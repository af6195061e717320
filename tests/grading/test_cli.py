"""End to end: ``python -m coursekit grade`` on a class folder, with every output format."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from coursekit.grading import runner
from coursekit.grading.course import Course

CHAPTER = "linear_regression"


def test_check_prints_the_table_and_fails_on_stubs():
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", CHAPTER],
        cwd=runner.REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 1
    assert "linear_regression.squared_loss" in done.stdout
    assert "not implemented yet" in done.stdout and "total" in done.stdout



def test_check_on_untouched_stubs_is_one_line_an_exercise_and_says_what_to_do():
    """On the stubs, a learner's first run printed two lines of the same advice under each of
    37 exercises (131 lines) and never said where to start (red team 15, session 38): each
    unwritten function is now one "not started" row, and one line after the total says what
    to do about them."""
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", CHAPTER],
        cwd=runner.REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    rows = [line for line in done.stdout.splitlines() if line.startswith(f"{CHAPTER}.")]
    assert rows and all(line.endswith("not started") for line in rows), done.stdout
    assert len(done.stdout.splitlines()) <= len(rows) + 9, done.stdout
    said = " ".join(done.stdout.split())
    assert said.count("NotImplementedError") == 1, done.stdout
    assert "replace" in said.split("total")[1], done.stdout


DEMO_CHECKS = '''
import os
import signal

from coursekit.grading import fail, points


@points(1, "answer")
def test_answer(student, reference):
    got = student.answer()
    if got == "die":  # stands for a grading process that dies: killed, out of memory, a crash
        os.kill(os.getpid(), signal.SIGKILL)
    if got != reference.answer():
        fail("answer() should return 42")
'''


ANSWER = "def answer():\n    return {}\n"


def test_a_grading_process_that_dies_costs_only_its_submission(tmp_path):
    course = Course(tmp_path / "checks", tmp_path / "reference", tmp_path / "exercises")
    for folder, text in ((course.checks, DEMO_CHECKS), (course.reference, ANSWER.format(42))):
        folder.mkdir()
        (folder / "demo.py").write_text(text)
    answers = {"alice": "42", "dies": "'die'", "bob": "42", "carol": "42"}
    for name, value in answers.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "demo.py").write_text(ANSWER.format(value))
    folders = [(name, tmp_path / name) for name in answers]
    results = runner.grade_many(folders, ["demo"], jobs=2, course=course)
    assert [r.submission for r in results] == list(answers)
    scores = {r.submission: r.score for r in results}
    assert scores == {"alice": 1, "dies": 0, "bob": 1, "carol": 1}, [r.error for r in results]
    assert "grading process stopped" in results[1].error
    assert results[1].tests[0].name == "test_answer" and results[1].tests[0].max_score == 1


def _parents() -> dict[int, int]:
    """``{pid: parent pid}`` for every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                found[int(entry.name)] = int(stat[1])
            except (OSError, IndexError, ValueError):
                continue
    return found


def _process(pid: int) -> tuple[bytes, bool] | None:
    """``(command line, whether torch is loaded)`` of a process (None if it is gone)."""
    entry = Path("/proc") / str(pid)
    try:
        return (entry / "cmdline").read_bytes(), b"libtorch" in (entry / "maps").read_bytes()
    except OSError:
        return None


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """``grade --jobs 2`` on a class folder with every output format, run once for the two
    tests below (each run costs seconds of torch imports), watching its process tree:
    ``(completed process, {pid: (parent pid, command line, torch loaded)}, its pid, folder,
    the most grading processes alive at once)``."""
    tmp_path = tmp_path_factory.mktemp("cli")
    klass = tmp_path / "class"
    (klass / "alice").mkdir(parents=True)
    shutil.copy(runner.REFERENCE_DIR / f"{CHAPTER}.py", klass / "alice" / f"{CHAPTER}.py")
    (klass / "bob").mkdir()
    shutil.copy(runner.EXERCISES_DIR / f"{CHAPTER}.py", klass / "bob" / f"{CHAPTER}.py")
    (klass / "carol").mkdir()  # handed in nothing: listed with score 0
    (klass / "carol" / "notes.txt").write_text("I ran out of time")
    (klass / "dave").mkdir()  # the browser renamed the second download of the module
    shutil.copy(runner.REFERENCE_DIR / f"{CHAPTER}.py", klass / "dave" / f"{CHAPTER} (1).py")
    # As a Moodle export comes: a folder handed in (read one folder down, as the autograder
    # does), a zip no one unpacked, and macOS's zip leftovers, which are no student.
    (klass / "erin" / "hw3").mkdir(parents=True)
    shutil.copy(runner.REFERENCE_DIR / f"{CHAPTER}.py", klass / "erin" / "hw3" / f"{CHAPTER}.py")
    (klass / "frank").mkdir()
    with zipfile.ZipFile(klass / "frank" / "exercises.zip", "w") as z:
        z.write(runner.REFERENCE_DIR / f"{CHAPTER}.py", f"exercises/{CHAPTER}.py")
    (klass / "__MACOSX" / "erin").mkdir(parents=True)
    (klass / "gina").mkdir()  # uploaded before saving: an empty module
    (klass / "gina" / f"{CHAPTER}.py").write_text("\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
         "--jobs", "2", "--json", str(tmp_path / "r.json"), "--csv", str(tmp_path / "r.csv"),
         "--gradescope", str(tmp_path / "gs")],
        cwd=runner.REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    seen: dict[int, tuple[int, bytes, bool]] = {}
    most = 0  # grading processes alive at once
    while proc.poll() is None:
        parents = _parents()  # (the command lines and maps of the grader's processes only)
        tree = {proc.pid}
        for _ in range(4):  # children, grandchildren, ...
            tree |= {pid for pid, ppid in parents.items() if ppid in tree}
        for pid in tree & set(parents):  # an exiting process shows no command line nor maps
            now = _process(pid)
            if now is None:
                continue
            # Between fork and exec a child shows its parent's command line and maps (torch,
            # in a grading process's child such as ipcrm): what counts is after its exec.
            command, torch_loaded = now
            _, known, loaded = seen.get(pid, (0, b"", False))
            loaded = loaded and not (command and known and command != known)
            seen[pid] = (parents[pid], command or known, loaded or torch_loaded)
        # A grading process: the coordinator's child running serve(). A child of one shows its
        # command line too, between fork and exec (the zygote's start).
        most = max(most, sum(b"serve(" in seen[pid][1] and seen[pid][0] == proc.pid
                             for pid in tree & set(seen)))  # fmt: skip
        time.sleep(0.05)
    out, err = proc.communicate()
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done, seen, proc.pid, tmp_path, most


def test_grade_a_class_folder(graded_class):
    done, _, _, tmp_path, _ = graded_class
    assert done.returncode == 0, done.stderr
    for name in ("alice", "bob", "carol"):
        assert name in done.stdout
    results = {r["submission"]: r for r in json.loads((tmp_path / "r.json").read_text())}
    total = results["alice"]["max_score"]
    lost = [f"{t['name']}: {t['output']}" for t in results["alice"]["tests"] if t["output"]]
    assert total > 0 and results["alice"]["score"] == total, "\n".join(lost[:3]) + done.stderr
    assert results["bob"]["score"] == 0 and results["carol"]["score"] == 0
    assert all(t["output"] for t in results["bob"]["tests"])
    assert "no linear_regression.py" in results["carol"]["tests"][0]["output"]
    renamed = "(linear_regression (1).py is graded as nothing: rename it linear_regression.py)"
    assert results["dave"]["score"] == 0
    assert all(t["output"].endswith(renamed) for t in results["dave"]["tests"])
    assert renamed not in results["carol"]["tests"][0]["output"]
    assert {t["chapter"] for t in results["alice"]["tests"]} == {CHAPTER}
    assert results["erin"]["score"] == total and "__MACOSX" not in results
    # The class table says why a chapter scored nothing, where all its tests failed alike.
    table = {line.split()[0]: line for line in done.stdout.splitlines()}
    assert "linear_regression: no linear_regression.py" in table["carol"]
    assert renamed in table["dave"] and "exercises.zip is a zip" in table["frank"]
    assert "linear_regression.sgd" in table["bob"]  # the stubs: a message per exercise
    unzip = "(exercises.zip is a zip, which the grader does not unpack: upload the .py files"
    assert all(unzip in t["output"] for t in results["frank"]["tests"])
    empty = f"({CHAPTER}.py is empty: save your answers in it, then hand it in again)"
    assert all(t["output"].endswith(empty) for t in results["gina"]["tests"])
    rows = {r["submission"]: r for r in csv.DictReader(open(tmp_path / "r.csv"))}
    sgd = sum(c.points for c in runner.COURSE.catalog(CHAPTER) if c.exercise == "sgd")
    assert rows["alice"]["linear_regression.sgd"] == f"{sgd:g}" and rows["bob"]["score"] == "0"
    for name in ("alice", "bob", "carol"):
        gs = json.loads((tmp_path / "gs" / name / "results.json").read_text())
        assert gs["score"] == results[name]["score"] and gs["tests"]


def test_grade_imports_torch_once_per_grading_process_and_zygote(graded_class):
    """``grade --jobs 2`` (four submissions to grade): the coordinating process never imports
    torch; 2 grading processes at once, each with one zygote; no other process imports torch
    (workers are forks). (A grading process that dies, killed from outside, is replaced: the
    run then has a third, which imports torch too; its stderr says what happened.)"""
    done, seen, coordinator, _, most = graded_class
    assert done.returncode == 0, done.stderr
    assert not seen[coordinator][2], "the coordinating process imported torch"
    graders = [pid for pid, (ppid, cmd, _) in seen.items()
               if b"serve(" in cmd and ppid == coordinator]  # fmt: skip
    assert most == 2 <= len(graders), [c[:90] for _, c, _ in seen.values()]
    # A process that imported torch itself, rather than being forked from one that had.
    importers = [pid for pid, (ppid, cmd, t) in seen.items()
                 if t and (ppid not in seen or seen[ppid][1] != cmd)]  # fmt: skip
    assert len(importers) == 2 * len(graders), [seen[p][1][:80] for p in importers] + [
        done.stderr[-2000:]]


def test_pytest_on_a_checks_module_applies_the_by_hand_rules(tmp_path):
    """``pytest tests/grading/checks/<chapter>.py --submission DIR`` grades as ``check`` does:
    right values through a forbidden built-in lose that exercise's points, and only those."""
    reference = (runner.REFERENCE_DIR / "activations.py").read_text()
    (tmp_path / "activations.py").write_text(reference + "\n\ndef relu(x):\n"
                                             "    return torch.relu(x)\n")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:nbval", "-p", "no:cacheprovider", "-q",
         "tests/grading/checks/activations.py", "--submission", str(tmp_path)],
        cwd=runner.REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    failed = {line.split("::")[1].split()[0] for line in done.stdout.splitlines()
              if line.startswith("FAILED")}  # fmt: skip
    assert done.returncode == 1 and "uses torch.relu" in done.stdout, done.stdout[-3000:]
    assert failed and all("relu" in name and "grad" not in name for name in failed), failed


def test_grade_class_star_finds_each_students_modules_one_folder_down(tmp_path):
    """``grade class/*`` (the README's form) on a Moodle export: a student who handed in a
    folder, or a repository download, is graded under their own folder's name, as the
    autograder would grade the same upload (it was named after the inner folder, or scored 0)."""
    from coursekit.grading.cli import find_submissions

    klass, module = tmp_path / "class", f"{CHAPTER}.py"
    for inner in ("Doe, Jane_1_assignsubmission_file_", "Roe, Rick_2_assignsubmission_file_/hw3",
                  "Poe, Ann_3_assignsubmission_file_/course-main/exercises"):  # fmt: skip
        (klass / inner).mkdir(parents=True)
        (klass / inner / module).write_text("")
    (klass / "__MACOSX").mkdir()
    # Moodle's online text beside a student's files is no second student (it was a row with 0);
    # a student who handed in only online text is a row.
    (klass / "Doe, Jane_1_assignsubmission_onlinetext_").mkdir()
    (klass / "Doe, Jane_1_assignsubmission_onlinetext_" / "onlinetext.html").write_text("hi")
    (klass / "Zoe, Zed_4_assignsubmission_onlinetext_").mkdir()
    found = find_submissions([str(p) for p in sorted(klass.iterdir())], [CHAPTER])
    assert [(name, folder.relative_to(klass)) for name, folder in found] == [
        ("Doe, Jane_1_assignsubmission_file_", Path("Doe, Jane_1_assignsubmission_file_")),
        ("Poe, Ann_3_assignsubmission_file_",
         Path("Poe, Ann_3_assignsubmission_file_/course-main/exercises")),
        ("Roe, Rick_2_assignsubmission_file_", Path("Roe, Rick_2_assignsubmission_file_/hw3")),
        ("Zoe, Zed_4_assignsubmission_onlinetext_",
         Path("Zoe, Zed_4_assignsubmission_onlinetext_")),
    ]  # (macOS's zip leftovers are no student)
    assert [name for name, _ in find_submissions([str(klass)], [CHAPTER])] == [
        "Doe, Jane_1_assignsubmission_file_", "Poe, Ann_3_assignsubmission_file_",
        "Roe, Rick_2_assignsubmission_file_",
        "Zoe, Zed_4_assignsubmission_onlinetext_"]  # fmt: skip


def test_a_gradescope_export_is_graded_under_the_students_names(tmp_path, capsys):
    """Gradescope's *Export submissions* names each folder by a submission id; its
    submission_metadata.yml says whose each is. The rows name the students (a group every
    member), the id kept beside them; a file that cannot be read keeps the ids, with a warning."""
    from coursekit.grading.cli import find_submissions

    klass = tmp_path / "export"
    for folder in ("submission_101", "submission_102", "submission_103"):
        (klass / folder).mkdir(parents=True)
        (klass / folder / f"{CHAPTER}.py").write_text("")
    metadata = klass / "submission_metadata.yml"
    metadata.write_text(
        "submission_101:\n  :submitters:\n  - :name: Jane Doe\n    :sid: '1'\n"
        "    :email: jane@example.edu\n  :created_at: 2026-11-30 10:00:00.0 -0800\n"
        "submission_102:\n  :submitters:\n  - :name: Rick Roe\n  - :name: Ann Poe\n"
    )
    assert [name for name, _ in find_submissions([str(klass)], [CHAPTER])] == [
        "Jane Doe (submission_101)", "Rick Roe, Ann Poe (submission_102)", "submission_103"]
    metadata.write_text("submission_101: [unclosed\n")
    capsys.readouterr()
    names = [name for name, _ in find_submissions([str(klass)], [CHAPTER])]
    assert names == ["submission_101", "submission_102", "submission_103"]
    assert "submission_metadata.yml could not be read" in capsys.readouterr().err


def test_the_top_level_help_names_every_command():
    """``python -m coursekit --help`` listed check and grade only: an instructor reading it
    never learnt of ``release`` and ``autograder``, which the README's instructor part uses."""
    from coursekit.grading.cli import parser

    text = " ".join(parser().format_help().split())
    assert "release OUT_DIR" in text and "autograder {gradescope,prairielearn,run}" in text


def test_each_commands_help_says_what_it_does():
    """``python -m coursekit check --help`` printed its usage alone (a learner's session 34):
    each command's help says what it grades and what it prints."""
    import contextlib
    import io

    from coursekit.grading.cli import parser

    for command, words in (("check", "exercises/"), ("grade", "class table")):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            parser().parse_args([command, "--help"])
        usage, _, rest = out.getvalue().partition("\n\n")
        assert words in " ".join(rest.split()[:40]), out.getvalue()


def test_the_class_table_names_a_missing_module_once_per_chapter():
    """A check that a call raises quotes the failure inside its own words ("he_normal_(...)
    should raise ValueError, but: no mlp.py in the submission"): the chapter is still told
    once, by the message every failure holds, not as a list of its exercises."""
    missing = "no mlp.py in the submission: its exercises score 0"
    tests = [runner.TestResult("mlp", "mlp_forward", "t1", 0, 2, missing),
             runner.TestResult("mlp", "he_normal_", "t2", 0, 1, missing),
             runner.TestResult("mlp", "he_normal_", "t3", 0, 1, f"he_normal_(...) should raise"
                               f" ValueError, but: {missing} The docstring accepts ..."),
             runner.TestResult("losses", "l1_loss", "t4", 0, 1, "wrong sign"),
             runner.TestResult("losses", "l1_loss", "t5", 0, 1, "wrong sign too")]  # fmt: skip
    from coursekit.grading import report

    line = report.class_table([runner.SubmissionResult("ada", tests)]).splitlines()[2]
    assert line.endswith(f"  mlp: {missing}, losses.l1_loss"), line


def test_a_canvas_download_is_graded_one_row_a_student(tmp_path):
    """Canvas's "Download submissions" puts every student's files in one folder, each name
    prefixed with the student's login, user id and file id (``doejane_11_1100_mlp.py``; a
    second upload of mlp.py is ``mlp-1.py``; ``_LATE_`` when late). ``grade`` stopped with "sort
    them into folders"; now each user is a row, graded on the file uploaded last, and a
    student's code still cannot read a classmate's file beside its own."""
    klass = tmp_path / "canvas"
    klass.mkdir()
    reference = (runner.REFERENCE_DIR / f"{CHAPTER}.py").read_text()
    stub = (runner.EXERCISES_DIR / f"{CHAPTER}.py").read_text()
    (klass / f"doejane_11_1100_{CHAPTER}.py").write_text(stub)  # replaced by the next upload
    (klass / f"doejane_11_1200_{CHAPTER}-1.py").write_text(reference)
    (klass / f"smithjohn_LATE_12_1300_{CHAPTER}.py").write_text(stub)
    (klass / "roebob_13_1400_hw3.zip").write_bytes(b"PK")  # a zip: a row, graded as nothing
    # A classmate's answers, by absolute path: the class folder is hidden from student code.
    (klass / f"copycat_14_1500_{CHAPTER}.py").write_text(
        f"exec(open({str(klass / f'doejane_11_1200_{CHAPTER}-1.py')!r}).read())\n")
    (klass / f"linky_15_1600_{CHAPTER}.py").symlink_to(runner.REFERENCE_DIR / f"{CHAPTER}.py")
    (klass / "grades.csv").write_text("not a submission\n")
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
         "--json", str(tmp_path / "r.json")],
        cwd=runner.REPO, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = {r["submission"]: r for r in json.loads((tmp_path / "r.json").read_text())}
    assert sorted(results) == ["copycat_14", "doejane_11", "linky_15", "roebob_13", "smithjohn_12"]
    top = results["doejane_11"]["max_score"]
    scores = {name: r["score"] for name, r in results.items()}
    assert scores == {"doejane_11": top, "smithjohn_12": 0, "roebob_13": 0, "copycat_14": 0,
                      "linky_15": 0}, scores  # fmt: skip
    said = {name: " ".join(t["output"] for t in r["tests"]) for name, r in results.items()}
    assert f"linky_15_1600_{CHAPTER}.py is a symbolic link: submit the file itself" \
        in said["linky_15"], said["linky_15"][:300]  # fmt: skip
    assert "not implemented yet" in said["smithjohn_12"]
    assert "Permission denied" in said["copycat_14"], said["copycat_14"][:300]
    assert f"no {CHAPTER}.py in the submitted folder" in said["roebob_13"]


def test_check_names_a_module_saved_outside_exercises(tmp_path):
    """A learner who saved their answers beside the notebook (``%%writefile``) or at the top of
    the course got "not implemented yet" with no word of where the check reads: now the table
    is followed by a note naming the copy and the file to put it in."""
    (tmp_path / f"{CHAPTER}.py").write_text("def linreg(X, w, b):\n    return X @ w + b\n")
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", CHAPTER], cwd=tmp_path, capture_output=True,
        text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(runner.REPO)},
    )  # fmt: skip
    assert "not implemented yet" in done.stdout
    assert (f"{tmp_path / CHAPTER}.py is not graded: the check reads exercises/{CHAPTER}.py"
            f" only") in " ".join(done.stdout.split()), done.stdout


def test_check_run_inside_exercises_names_no_copy(tmp_path):
    """A learner who ran ``python -m coursekit check`` from inside ``exercises/`` (their editor's
    terminal opens there) with a stub left was told "exercises/<chapter>.py is not graded: the
    check reads exercises/<chapter>.py only. Move your answers there": the graded file itself,
    found again as a copy in the working folder (red team 14, session 37)."""
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "check", CHAPTER], cwd=runner.EXERCISES_DIR,
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(runner.REPO)},
    )  # fmt: skip
    assert "not implemented yet" in done.stdout, done.stdout + done.stderr
    assert "is not graded" not in done.stdout, done.stdout


def test_a_students_folder_of_many_folders_is_listed_up_to_10000_entries(tmp_path, monkeypatch):
    """`grade class/*` looked for modules in every folder of each student's folder: one that
    holds its modules and 20,000 empty folders kept the coordinating process 26 s before any
    grading (red team 12, session 35). A folder with modules of its own is one student's: its
    folders matter only for the warning about backups, and 10,000 entries are listed."""
    from coursekit.grading import cli

    alice, bob = tmp_path / "alice", tmp_path / "bob"
    for i in range(20_000):
        (alice / f"d{i:05}").mkdir(parents=True)
    bob.mkdir()
    for folder in (alice, bob):
        (folder / "activations.py").write_text("")
    looked = []
    for name in ("stat", "lstat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *a, real=real, **k: looked.append(a) or real(*a, **k))
    found = cli.find_submissions([str(alice), str(bob)], ["activations"])
    monkeypatch.undo()
    assert found == [("alice", alice), ("bob", bob)]
    assert len(looked) <= 12 * 10_000, len(looked)  # all 20,000 folders took 220,000


def test_a_students_folder_of_several_module_folders_is_one_submission(tmp_path, capsys):
    """In `grade class/*`, a student's folder holding no module of its own but several folders
    that do (backups v1/, v2/) was read as a class: each folder a row named by its path, the
    student's name in none, and each a time budget of its own, so 1,000 such folders took
    1,000 budgets (red team 12, session 35). Among students' folders it is one student's, with
    a warning; folders given that are all classes (`grade section1 section2`) are still split."""
    from coursekit.grading.cli import find_submissions

    klass = tmp_path / "class"
    for inner in ("Ann", "Bob", "Eve/v1", "Eve/v2", "Eve/Ann"):
        (klass / inner).mkdir(parents=True)
        (klass / inner / f"{CHAPTER}.py").write_text("")
    found = find_submissions([str(p) for p in sorted(klass.iterdir())], [CHAPTER])
    assert [(name, folder.relative_to(klass)) for name, folder in found] == [
        ("Ann", Path("Ann")), ("Bob", Path("Bob")), ("Eve", Path("Eve/Ann"))]
    assert "Eve holds no exercise module but folders that hold them" in capsys.readouterr().err
    sections = [klass / "Eve", tmp_path / "other"]
    for inner in ("Cy", "Di"):
        (tmp_path / "other" / inner).mkdir(parents=True)
        (tmp_path / "other" / inner / f"{CHAPTER}.py").write_text("")
    found = find_submissions([str(p) for p in sections], [CHAPTER])
    assert [name for name, _ in found] == ["Ann", "v1", "v2", "Cy", "Di"]


def test_a_folder_given_alone_is_listed_up_to_10000_entries(tmp_path, monkeypatch, capsys):
    """`grade alice` (one student regraded) read a folder without modules of its own as a class
    and listed it whole: a submission of 100,000 empty folders (a 10 MB zip) kept `grade` 255 s
    before it said "no exercise modules found" (red team 13, session 36); a million, 40 minutes.
    It lists 10,000 entries, as everywhere else, and says so when there were more."""
    from coursekit.grading import cli

    alice = tmp_path / "alice"
    for i in range(20_000):
        (alice / f"d{i:05}").mkdir(parents=True)
        (alice / f"d{i:05}" / f"{CHAPTER}.py").write_text("")
    looked = []
    for name in ("stat", "lstat"):
        real = getattr(os, name)
        monkeypatch.setattr(os, name, lambda *a, real=real, **k: looked.append(a) or real(*a, **k))
    found = cli.find_submissions([str(alice)], [CHAPTER])
    monkeypatch.undo()
    assert len(looked) <= 12 * 10_000, len(looked)  # all 20,000 took 240,000
    assert len(found) == 10_000
    assert "alice holds more than 10,000 entries" in capsys.readouterr().err
