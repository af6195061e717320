"""Hostile submissions get the right scores: tests/grading/hostile/<case>.py holds what a
hostile student changes, and the submission is the reference answers followed by it (as for the
mutants), so every function a case does not replace is right and must earn its points.

Cases break or try to fool the grader (crash, endless loop, exit, megabytes of output, huge
memory, monkeypatched comparisons, objects equal to everything, writes into the repository, a
background process, megabyte names), make honest mistakes of odd types (int64, an emptied list,
complex numbers: a message for the student, never "grader error"), or copy: one loads the
reference answers and must earn nothing. The grader must finish, every report stays bounded,
and the repository must be unchanged.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import tempfile
from pathlib import Path

import pytest

from coursekit.grading import report, runner
from coursekit.grading.isolation import UID_BASE, UID_COUNT, is_root

HERE = Path(__file__).parent
HOSTILE = HERE / "hostile"
REPO = runner.REPO
CHAPTER = "linear_regression"
EXERCISES = ["synthetic_data", "data_iter", "linreg", "squared_loss", "sgd", "closed_form"]
ALL = set(EXERCISES)

# case: (exercises that must score 0, exercises that must earn every point, words in a message)
EXPECTED = {
    "crash": ({"squared_loss", "linreg"}, ALL - {"squared_loss", "linreg"}, "ZeroDivisionError"),
    "loop_in_function": ({"data_iter", "sgd"}, ALL - {"data_iter", "sgd"}, "did not finish"),
    "loop_at_import": (ALL, set(), "importing linear_regression.py took longer"),
    "exit_at_import": (ALL, set(), "sys.exit(0)"),
    "os_exit_at_import": (ALL, set(), "stopped the student process"),
    "exit_in_function": (
        {"linreg", "squared_loss", "closed_form"},
        {"synthetic_data", "data_iter", "sgd"},
        "exit",
    ),
    "print_megabytes": (set(), ALL, None),
    "huge_memory": ({"linreg", "closed_form"}, ALL - {"linreg", "closed_form"}, "out of memory"),
    "monkeypatch": ({"squared_loss", "linreg", "closed_form"}, set(), None),
    "always_equal": (ALL - {"data_iter", "sgd"}, {"data_iter", "sgd"}, None),
    "write_repository": (set(), ALL, None),
    "background_process": (set(), ALL, None),
    "read_reference": (ALL, set(), None),
    "data_iter_zeroes_columns": ({"data_iter"}, ALL - {"data_iter"}, "every column unchanged"),
    "odd_values": (  # synthetic_data keeps the points of its shape test
        {"sgd", "linreg"},
        {"data_iter", "squared_loss", "closed_form"},
        "dtype",
    ),
    "huge_names": (
        {"linreg", "squared_loss", "closed_form"},
        {"synthetic_data", "data_iter", "sgd"},
        "more characters]",
    ),
}


def test_every_case_is_expected():
    assert {p.stem for p in HOSTILE.glob("*.py")} == set(EXPECTED)


def _fingerprint() -> dict[str, str]:
    """Hashes and modes of the grader and this chapter's files; names of files planted."""
    prints = {}
    files = [
        *sorted((REPO / "coursekit" / "grading").glob("*.py")),
        *sorted(HOSTILE.rglob("*.py")),
        *sorted((HERE / "mutants" / CHAPTER).glob("*.py")),
        HERE / "checks" / f"{CHAPTER}.py",
        HERE / "reference" / f"{CHAPTER}.py",
        REPO / "exercises" / f"{CHAPTER}.py",
        HERE / "conftest.py",
    ]
    for path in files:
        prints[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        prints[str(path) + ":mode"] = oct(path.stat().st_mode)
    for folder in (REPO, HERE, HERE / "checks", HERE / "reference", HOSTILE):
        prints[f"{folder} planted"] = " ".join(sorted(p.name for p in folder.glob("*PWNED*")))
    return prints


def _worker_processes(command: tuple[bytes, ...] = (b"sleep", b"600")) -> list[int]:
    """Live processes of a worker uid running ``command`` (by default what the
    background_process case leaves: ``sleep 600``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                uid = entry.stat().st_uid
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except (OSError, IndexError):
                continue
            mine = UID_BASE <= uid < UID_BASE + UID_COUNT
            if mine and state not in ("Z", "X") and tuple(argv[: len(command)]) == command:
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    klass = tmp_path_factory.mktemp("class")
    reference = (HERE / "reference" / f"{CHAPTER}.py").read_text()
    for case in EXPECTED:
        (klass / case).mkdir()
        override = (HOSTILE / f"{case}.py").read_text()
        (klass / case / f"{CHAPTER}.py").write_text(f"{reference}\n\n{override}")
    victim = HOSTILE / "_victim.txt"
    # One class at a time: under pytest -n N --dist load, several workers would share the
    # victim file and the repository's fingerprint.
    with open(Path(tempfile.gettempdir()) / "coursekit-test-hostile.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        victim.write_text("must survive\n")
        before = _fingerprint()
        try:
            folders = [(case, klass / case) for case in sorted(EXPECTED)]
            results = runner.grade_many(folders, [CHAPTER], jobs=2, timeout=3.0, hidden=[klass])
            after = _fingerprint()
            survived = victim.is_file() and victim.read_text() == "must survive\n"
        finally:
            victim.unlink(missing_ok=True)
    return {r.submission: r for r in results}, before, after, survived


def _scores(result) -> dict[str, tuple[float, float]]:
    scores: dict[str, list[float]] = {}
    for t in result.tests:
        entry = scores.setdefault(t.exercise, [0.0, 0.0])
        entry[0] += t.score
        entry[1] += t.max_score
    return {k: (v[0], v[1]) for k, v in scores.items()}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_submission_gets_the_right_score(case, graded):
    results, *_ = graded
    result = results[case]
    zero, full, words = EXPECTED[case]
    scores = _scores(result)
    assert set(scores) == ALL, f"{case}: exercises missing from the result: {result.error}"
    for exercise in zero:
        earned, _ = scores[exercise]
        assert earned == 0, f"{case}: {exercise} earned {earned} points"
    for exercise in full:
        earned, possible = scores[exercise]
        messages = [t.output for t in result.tests if t.exercise == exercise and not t.passed]
        assert earned == possible, f"{case}: {exercise} lost points: {messages}"
    if words:
        outputs = " ".join(t.output for t in result.tests)
        assert words in outputs, f"{case}: no message mentions {words!r}: {outputs[:500]}"
    assert not any(t.output.startswith("grader error") for t in result.tests), case


def test_timed_out_function_is_not_run_again(graded):
    results, *_ = graded
    outputs = [t.output for t in results["loop_in_function"].tests if t.exercise == "data_iter"]
    assert "did not finish" in outputs[0]
    assert all("timed out earlier" in o for o in outputs[1:]) and len(outputs) > 1


@pytest.mark.skipif(not is_root(), reason="only a grader running as root drops privileges")
def test_repository_is_unchanged(graded):
    _, before, after, survived = graded
    changed = [k for k in before.keys() | after.keys() if before.get(k) != after.get(k)]
    assert not changed, f"the hostile submissions changed: {changed}"
    assert survived, "a hostile submission deleted or changed tests/grading/hostile/_victim.txt"
    assert not list(REPO.glob("PWNED*"))


@pytest.mark.skipif(not is_root(), reason="dedicated worker uids are used only as root")
def test_no_process_is_left_behind(graded):
    assert _worker_processes() == []


def test_reports_are_bounded_by_the_number_of_tests(graded):
    """Megabyte exception names, exit messages and class names from student code are cut."""
    results, *_ = graded
    result = results["huge_names"]
    bound = len(result.tests) * (runner.MESSAGE_CAP + 500)
    assert len(json.dumps(result.to_json())) <= bound
    assert len(json.dumps(report.gradescope_json(result))) <= bound
    assert len(report.student_table(result)) + len(report.class_table([result])) <= bound
    linreg = [t.output for t in result.tests if t.exercise == "linreg"]
    assert all("EEEE" in o and len(o) <= runner.MESSAGE_CAP + 50 for o in linreg), linreg[0][:300]


def test_what_student_code_prints_reaches_no_one(tmp_path):
    """Its stdin, stdout and stderr are /dev/null: megabytes of output are never kept."""
    from coursekit.grading.isolation import Student, Worker

    streams = ("\n\ndef streams():\n    import os\n"
               "    return [os.readlink(f'/proc/self/fd/{fd}') for fd in (0, 1, 2)]\n")  # fmt: skip
    with Worker(timeout=10) as worker:
        module = tmp_path / f"{CHAPTER}.py"
        module.write_text((HERE / "reference" / f"{CHAPTER}.py").read_text() + "\n\n"
                          + (HOSTILE / "print_megabytes.py").read_text() + streams)  # fmt: skip
        student = Student(worker, "print", CHAPTER, module)
        import torch

        value = student.linreg(torch.ones(3, 2), torch.ones(2, 1), torch.zeros(1))
        assert torch.equal(value, torch.full((3, 1), 2.0))
        assert student.streams() == ["/dev/null"] * 3


def test_worker_runs_unprivileged_in_a_fresh_folder(tmp_path):
    """The worker's identity, folder and environment, as seen by student code."""
    from coursekit.grading.isolation import Student, Worker

    probe = tmp_path / "probe.py"
    probe.write_text(
        "import os\n"
        "def whoami():\n"
        "    return [os.getuid(), os.geteuid(), os.getgid(), list(os.getgroups()), os.getcwd(),\n"
        "            os.environ.get('HOME'), os.environ.get('TMPDIR'), __file__]\n"
    )
    with Worker(timeout=10) as worker:
        uid, euid, gid, groups, cwd, home, tmpdir, file = Student(
            worker, "probe", "probe", probe
        ).whoami()
    assert cwd == home == tmpdir and "coursekit-grading-" in cwd
    assert file.startswith(cwd) and file != str(probe), "the worker must import a copy"
    assert not cwd.startswith(str(REPO))
    if is_root():
        assert uid == euid and UID_BASE <= uid < UID_BASE + UID_COUNT
        assert gid != 0 and groups in ([], [gid])
