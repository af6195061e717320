"""The grading helpers: teaching messages, safe-data checks, reports and command-line errors."""

from __future__ import annotations

import ast
import csv
import json
import os
from pathlib import Path

import pytest
import torch

from coursekit.grading import (
    GradingFailure,
    cli,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    expect_unchanged,
    fail,
    points,
    report,
    runner,
    with_grad,
)
from coursekit.grading.api import all_close, not_by_hand
from coursekit.grading.runner import SubmissionResult, TestResult


def message(call) -> str:
    with pytest.raises(GradingFailure) as info:
        call()
    return str(info.value)


def test_fail_raises_with_the_message():
    assert message(lambda: fail("say why")) == "say why"
    assert issubclass(GradingFailure, AssertionError)


def test_expect_shape_says_expected_and_got():
    text = message(lambda: expect_shape(torch.zeros(10), (10, 1), "y"))
    assert "expected shape (10, 1), got (10,)" in text
    assert "reshape" in text
    text = message(lambda: expect_shape(torch.zeros(10, 10), (10, 1), "loss"))
    assert "(10, 10)" in text and "broadcast" in text
    assert expect_shape(torch.zeros(2, 3), (2, 3), "x").shape == (2, 3)


def test_a_0d_result_where_one_value_per_example_is_wanted_is_told_so_alone():
    """A 0-d loss where (5,) is wanted was told that "(1,) or (1, 1) is not the same thing", a
    clause meant for the opposite mistake (a learner's session 34)."""
    text = message(lambda: expect_shape(torch.tensor(0.5), (5,), "kl_divergence(p, q)"))
    assert "keep the example dimension" in text and "(1, 1)" not in text
    text = message(lambda: expect_shape(torch.zeros(1), (), "loss"))
    assert "0-d tensor" in text and "(1,) or (1, 1) is not the same thing" in text


def test_expect_tensor_tells_a_python_number_how_to_stay_a_tensor():
    """``return float(-(p * torch.log(p)).sum())`` read "should be a torch.Tensor, but it is a
    float (1.386...)", with no word of what made it a float (red team 15, session 38)."""
    for number in (1.5, 3, True):
        said = message(lambda n=number: expect_tensor(n, "entropy(p)"))
        assert "Return the tensor itself" in said and ".item()" in said, said
    assert "Return the tensor itself" not in message(lambda: expect_tensor("1.5", "x"))


def test_expect_tensor_rejects_subclasses_and_other_objects():
    class Sub(torch.Tensor):
        pass

    assert "torch.Tensor" in message(lambda: expect_tensor(torch.zeros(2).as_subclass(Sub), "x"))
    assert "forget a return" in message(lambda: expect_tensor(None, "x"))
    assert "list" in message(lambda: expect_tensor([1.0], "x"))


def test_a_value_quoted_in_a_message_never_prints_a_large_tensor_whole(monkeypatch):
    """torch elides no entry of a tensor whose sizes are all at most 6: a dict holding one of
    shape (2,) * 23 took the grader minutes and gigabytes to quote (reprlib cuts a repr after
    making it whole). A few entries are still shown as they are."""
    from coursekit.grading.api import short_repr

    assert short_repr(torch.tensor([1, 2])) == "tensor([1, 2])"
    monkeypatch.setattr(torch.Tensor, "__repr__", lambda self: pytest.fail("printed whole"))
    big = {"value": torch.zeros((2,) * 20, dtype=torch.bool)}
    text = message(lambda: expect_tensor(big, "sigmoid(x)"))
    assert "<a tensor of shape (2, 2, 2," in text and "torch.bool>" in text, text


def test_expect_dtype():
    assert "float64" in message(lambda: expect_dtype(torch.zeros(2), torch.float64, "w"))


def test_expect_close_names_a_constant_factor():
    want = torch.tensor([1.0, 2.0, 3.0])
    text = message(lambda: expect_close(2 * want, want, "loss", hint="Did you forget the 1/2?"))
    assert "2 times" in text and "Did you forget the 1/2?" in text
    text = message(lambda: expect_close(want / 2, want, "loss"))
    assert "1/2 of" in text
    text = message(lambda: expect_close(want + torch.tensor([0, 0, 1.0]), want, "v"))
    assert "largest difference is 1" in text and "index (2,)" in text
    expect_close(want.clone(), want, "v")
    expect_close(3.0, 3.0, "n")
    expect_close((want, 1.0), (want, 1.0), "pair")
    assert "dtype" in message(lambda: expect_close(want.double(), want, "v"))
    assert "number" in message(lambda: expect_close("3", 3.0, "n"))
    assert "nan" in message(lambda: expect_close(torch.tensor([float("nan")]), torch.ones(1), "v"))


def test_expect_unchanged_detects_in_place_edits():
    x = torch.ones(3)
    expect_unchanged(x, x.clone(), "x")
    assert "in place" in message(lambda: expect_unchanged(x, x + 1, "x"))
    assert "in place" in message(lambda: expect_unchanged([x], [x + 1], "params"))


def test_points_and_with_grad_validate_their_arguments():
    @points(3, "sgd")
    def test_something(student, reference):
        pass

    assert test_something.grading_points == 3 and test_something.grading_exercise == "sgd"
    with pytest.raises(ValueError):
        points(0, "sgd")
    with pytest.raises(ValueError):
        points(1, "")
    wrapped = with_grad(torch.ones(2), torch.zeros(2))
    assert torch.equal(wrapped.tensor, torch.ones(2))
    with pytest.raises(ValueError):
        with_grad(torch.ones(2), torch.zeros(3))


def test_only_plain_data_crosses_from_the_worker():
    """The wire format is the only type gate: it carries exact plain types and nothing else."""
    from coursekit.grading.wire import WireError, decode, encode

    class Sub(torch.Tensor):
        pass

    class Liar:
        def __eq__(self, other):
            return True

    class Fl(float):
        pass

    plain = {"value": [torch.zeros(2), (1, 2.0, "s", None, True)], "args": []}
    assert type(decode(encode(plain))["value"][0]) is torch.Tensor
    for bad in (torch.zeros(1).as_subclass(Sub), Liar(), {"x": Liar()}, [object()], [Fl(1.0)]):
        with pytest.raises(WireError):
            encode(bad)


def _result():
    return SubmissionResult(
        "alice",
        tests=[
            TestResult("linear_regression", "linreg", "test_linreg_values", 2, 2),
            TestResult("linear_regression", "sgd", "test_sgd", 0, 3, "sgd moved 10 times too far"),
        ],
    )


def test_reports(tmp_path):
    result = _result()
    table = report.student_table(result)
    assert "linear_regression.linreg" in table and "2 / 2" in table
    assert "0 / 3" in table and "sgd moved 10 times too far" in table and "2 / 5" in table
    assert "sgd moved" in report.student_html(result)
    class_table = report.class_table([result])
    assert "alice" in class_table and "linear_regression.sgd" in class_table
    report.write_json([result], tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data[0]["submission"] == "alice" and data[0]["score"] == 2 and data[0]["max_score"] == 5
    assert {"name", "chapter", "score", "max_score", "output"} <= set(data[0]["tests"][0])
    report.write_csv([result], tmp_path / "r.csv")
    rows = list(csv.DictReader(open(tmp_path / "r.csv")))
    assert rows[0]["linear_regression.linreg"] == "2" and rows[0]["linear_regression.sgd"] == "0"
    result.submission = '=HYPERLINK("http://x.example","alice")'  # a formula in a spreadsheet
    report.write_csv([result], tmp_path / "r.csv")
    assert next(csv.DictReader(open(tmp_path / "r.csv")))["submission"].startswith("'=")
    result.submission = "alice"
    report.write_gradescope([result], tmp_path / "gs")
    gs = json.loads((tmp_path / "gs" / "results.json").read_text())
    assert gs["score"] == 2 and len(gs["tests"]) == 2
    assert gs["tests"][1]["max_score"] == 3 and "10 times" in gs["tests"][1]["output"]
    assert gs["output"] == "2 / 5 points"
    result.tests[1].hidden = True  # its result shows once published: so does the total
    assert report.gradescope_json(result)["output"] == "2 / 2 points in the public tests"
    assert report.gradescope_json(result, "visible")["output"] == "2 / 5 points"


def test_a_message_outside_ascii_takes_its_utf8_size_in_every_json_report(tmp_path):
    """JSON escapes wrote each emoji of a message as 12 bytes (\\ud83d\\ude00): one submission
    raising "😀" * 6000 in every module made a 6.9 MB report. UTF-8 takes 4 bytes a character."""
    result = _result()
    result.tests[1].output = runner.clip("😀" * 6000)
    report.write_json([result], tmp_path / "r.json")
    report.write_gradescope([result], tmp_path / "gs")
    for written in (tmp_path / "r.json", tmp_path / "gs" / "results.json"):
        assert written.stat().st_size < 4 * runner.MESSAGE_CAP + 2000, written
        assert result.tests[1].output in written.read_text(encoding="utf-8")


def test_every_gradescope_file_is_written_whatever_the_names(tmp_path):
    """A folder of 255 control characters is named in reports with escapes, past the 255 bytes
    a file name may hold: writing its results.json failed and stopped those of the students
    after it. Two folders of the same name in two class folders are named by their paths:
    their results.json went into the student's own folder, not the one asked for."""
    odd = runner.safe_name(os.fsdecode(b"\x01" * 255))
    names = [odd, "/class/a/alice", "/class/b/alice", "bob"]
    results = [SubmissionResult(name, _result().tests) for name in names]
    report.write_gradescope(results, tmp_path / "gs")
    written = sorted(p.parent.name for p in (tmp_path / "gs").glob("*/results.json"))
    assert len(written) == 4 and "_class_a_alice" in written and "bob" in written


def test_names_that_escape_alike_stay_one_submission_each(tmp_path):
    """A folder named with a control character (a\x01) and one named with its escape (the four
    characters \\x01), or two of hundreds of control characters that differ only at the end,
    were reported under one name: one student's results.json overwrote the other's, and the
    JSON and CSV had two rows of the same name."""
    from coursekit.grading.cli import find_submissions

    klass = tmp_path / "class"
    for name in ("a\x01", "a\\x01", "\x02" * 200 + "X", "\x02" * 200 + "Y"):
        (klass / name).mkdir(parents=True)
        (klass / name / "activations.py").write_text("")
    found = find_submissions([str(klass)], ["activations"])
    assert len({name for name, _ in found}) == 4
    results = [SubmissionResult(name, _result().tests) for name, _ in found]
    report.write_gradescope(results, tmp_path / "gs")
    assert len(list((tmp_path / "gs").glob("*/results.json"))) == 4


def test_no_folder_is_reported_under_the_name_of_another(tmp_path):
    """Folders "x\x01" (a control character), "x\\x01" (its escape, typed) and "x\\x01 (2)":
    the second was numbered "x\\x01 (2)", the third's own name, and the third became
    "x\\x01 (2) (2)": the row of the correct student named another. Look-alikes too: "josé"
    composed and decomposed, "alice" and "alice " were shown alike, and (a red team) "alice"
    beside "alice" + U+2800, a Cyrillic "а" for the Latin one, an en space for a space."""
    from coursekit.grading.cli import find_submissions

    klass = tmp_path / "class"
    folders = ["x\x01", "x\\x01", "x\\x01 (2)", "jos\u00e9", "jose\u0301", "alice", "alice ",
               " alice", os.fsdecode(b"x\x80"), "x\u0080", "alice\u034f", "alice\ufe0f",
               "alice\u3164", os.fsdecode(b"\xe9" * 70 + b"1"), os.fsdecode(b"\xe9" * 70 + b"2"),
               "alice\u2800", "\u0430lice", "\uff41lice", "ali ce", "ali\u2002ce", "ali\u00a0ce",
               "\u0430\u043b\u0438\u0441\u0430", "\u5c71\u7530\u305f\u308d\u3046",
               "\u0251lice", "a\u01c0ice", "al\u0131ce", "alic\u1d07", "alice\u0338", "a\u2012b",
               "a-b", "S\u00f8ren", "a\u217ci\u217de", "alice\u2024smith", "alice.smith",
               "jean\u2212paul", "jean-paul", "bob\U0001d7e2", "bob0", "alice\uff3fs", "alice_s",
               "\u0928\u092e\u0938\u094d\u0924\u0947"]
    # (invisible characters; names whose escapes pass 255 characters and differ at the end)
    for name in folders:
        (klass / name).mkdir(parents=True)
        (klass / name / "activations.py").write_text("")
    found = dict(find_submissions([str(klass)], ["activations"]))
    assert len(found) == len(folders)
    shown = {path.name: name for name, path in found.items()}
    assert shown["x\\x01 (2)"] == "x\\\\x01 (2)" and shown["x\x01"] == "x\\x01"
    assert len(set(shown.values())) == len(folders), shown
    assert shown["jos\u00e9"] == "jos\u00e9" and shown["jose\u0301"] == "jose\\u0301"
    # a red team's "honest" + U+2800 (blank) and Cyrillic "а" + "lice" read as their classmates'
    assert shown["\u0430lice"] == "\\u0430lice" and shown["alice\u2800"] == "alice\\u2800"
    # Latin letters of other shapes that pass for ASCII ones (a second red team)
    assert shown["\u0251lice"] == "\\u0251lice" and shown["alice\u0338"] == "alice\\u0338"
    assert shown["S\u00f8ren"] == "S\u00f8ren"
    # a third: Roman numerals, a one-dot leader, a minus sign, digits and lines of other forms
    assert shown["a\u217ci\u217de"] == "a\\u217ci\\u217de"
    assert shown["jean\u2212paul"] == "jean\\u2212paul"
    assert shown["\u0928\u092e\u0938\u094d\u0924\u0947"] == "\u0928\u092e\u0938\u094d\u0924\u0947"
    # one script, however far from ASCII, is shown as it is
    assert shown["\u0430\u043b\u0438\u0441\u0430"] == "\u0430\u043b\u0438\u0441\u0430"
    assert shown["\u5c71\u7530\u305f\u308d\u3046"] == "\u5c71\u7530\u305f\u308d\u3046"
    assert all(len(name) <= 255 for name in shown.values())
    # Numbered names are never the name of another submission.
    assert report.unique_names(["a_b", "a_b", "a_b (2)"]) == ["a_b", "a_b (3)", "a_b (2)"]


def test_the_csv_keeps_a_name_and_its_formula_guard_apart(tmp_path):
    """The apostrophe that keeps "=1+1" from being a formula made it "'=1+1", the name of
    another folder: two rows of one name."""
    results = [SubmissionResult(name, _result().tests) for name in ("=1+1", "'=1+1")]
    report.write_csv(results, tmp_path / "r.csv")
    names = [row["submission"] for row in csv.DictReader(open(tmp_path / "r.csv"))]
    assert names == ["'=1+1", "''=1+1"]


def test_control_characters_from_student_code_reach_no_terminal():
    """A student's exception message with ESC [2J (clear the screen) and a coloured fake
    "26 / 26" reached `coursekit check`'s table as it was."""
    message = "\x1b[2J\x1b]0;PWNED\x07\x1b[31mfake: 26 / 26\rtail\nnext line\tcolumn"
    result = SubmissionResult("s", [TestResult("ch", "ex", "t", 0, 1, runner.clip(message))])
    table = report.student_table(result)
    assert "\x1b" not in table and "\x07" not in table and "\r" not in table
    assert "\\x1b[2J" in table and "next line\tcolumn" in result.tests[0].output



def test_the_class_table_marks_exercises_that_fail_only_their_hidden_tests():
    def result(name, *passed):  # (exercise, hidden, passed) triples
        tests = [TestResult("ch", ex, f"t{i}", float(ok), 1.0, "" if ok else "wrong", hidden)
                 for i, (ex, hidden, ok) in enumerate(passed)]  # fmt: skip
        return SubmissionResult(name, tests)

    replay = result("replay", ("a", False, True), ("a", True, False), ("b", False, True),
                    ("b", True, True), ("c", False, False), ("c", True, False))  # fmt: skip
    assert report.public_only(replay) == {"ch.a"}
    table = report.class_table([replay, result("honest", ("a", False, False), ("a", True, True))])
    assert "ch.a*, ch.c\n" in table and "ch.a\n" in table and "hidden one failed" in table
    assert "*" not in report.class_table([result("x", ("a", False, False), ("a", True, False))])

@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check", "no_such_chapter"], "unknown chapter"),
        (["grade", "/no/such/folder"], "no such file"),
        (["grade", "--chapter", "nope", "."], "unknown chapter"),
        (["grade", "--jobs", "0", "."], "--jobs"),
        # check took them: every exercise then failed "is there an endless loop?"
        (["check", "linear_regression", "--timeout", "0"], "must be positive"),
        (["check", "--memory", "-1"], "must be positive"),
        (["check", "--budget", "0"], "must be positive"),
        # nan passes `<= 0`: --timeout nan failed every call, --budget nan lifted the budget.
        (["check", "linear_regression", "--timeout", "nan"], "must be positive, finite"),
        (["grade", "--budget", "nan", "."], "must be positive, finite"),
        (["check", "--budget", "inf"], "must be positive, finite"),
        (["check", "activatons"], "unknown chapter 'activatons' (did you mean 'activations'?)"),
    ],
)
def test_bad_command_lines_exit_with_a_message(argv, words, capsys):
    assert cli.main(argv) == 2
    assert words in capsys.readouterr().err


def test_check_with_a_python_that_has_no_torch_names_the_course_environment():
    """``python -m coursekit check`` in a shell where the venv is not active ran, and every
    test said "could not be graded: No module named 'torch'" (0 / 22)."""
    import subprocess
    import sys

    # -S: no site-packages, so no torch; coursekit itself is found in the repository.
    done = subprocess.run([sys.executable, "-S", "-m", "coursekit", "check", "activations"],
                          cwd=Path(__file__).parents[2], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "has no torch: use the course's environment, .venv/bin/python" in done.stderr


def test_check_in_a_notebook_shows_a_short_result_and_a_short_error():
    """In a notebook, ``coursekit.check("activations")`` as a cell's last line printed the
    result's dataclass repr (every message again, about 4,000 characters) under the table; a
    misspelt chapter showed the command line's frames."""
    result = SubmissionResult("exercises", [TestResult("t", "ch", "ex", 0.0, 2.0, "no")] * 3)
    assert repr(result) == "<exercises: 0 / 6 points, 3 tests>"
    from coursekit import grading

    with pytest.raises(ValueError, match="did you mean 'activations'") as info:
        grading.check("activatons")
    assert info.traceback[-1].name == "check"


def test_check_dir_given_a_file_says_so(tmp_path, capsys):
    """``check --dir exercises/linear_regression.py`` (the file, not its folder) answered
    "no such directory" about a file that is there."""
    module = tmp_path / "linear_regression.py"
    module.write_text("")
    assert cli.main(["check", "linear_regression", "--dir", str(module)]) == 2
    err = capsys.readouterr().err
    assert f"{module} is a file: give the folder holding the <chapter>.py files" in err
    assert cli.main(["check", "linear_regression", "--dir", str(tmp_path / "nope")]) == 2
    assert "nope does not exist: give the folder" in capsys.readouterr().err


def test_folder_without_modules_is_an_error(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    assert cli.main(["grade", str(tmp_path)]) == 2
    assert "no exercise modules" in capsys.readouterr().err


def test_the_course_is_found_from_another_working_directory(tmp_path, monkeypatch):
    """``.venv/bin/python -m coursekit check --dir ~/course/exercises`` run from the home folder
    stopped with "no grading tests found in ~/tests/grading/checks": the course is looked for
    from the current folder up, and now, where none is there, where coursekit is installed
    from (``make setup``: editable, as in the student edition). The current folder wins."""
    from coursekit.grading.course import Course

    monkeypatch.delenv("COURSEKIT_COURSE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Course.default().checks == runner.REPO / "tests" / "grading" / "checks"
    (tmp_path / "tests/grading/checks").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "tests")
    assert Course.default().checks == tmp_path / "tests" / "grading" / "checks"


def test_unknown_option_exits_non_zero(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["grade"])
    assert info.value.code != 0


@pytest.mark.instructor
def test_chapters_are_discovered():
    assert "linear_regression" in runner.chapters()
    assert all((runner.REFERENCE_DIR / f"{c}.py").is_file() for c in runner.chapters())


def test_mismatch_count_uses_the_tolerances_given():
    want = torch.zeros(6, dtype=torch.float64)
    got = want.clone()
    got[:2] = 1e-6  # within the old hard-coded 1e-5, outside the atol this test asks for
    with pytest.raises(GradingFailure, match="2 of 6 differ"):
        expect_close(got, want, "x", atol=1e-9, rtol=0)


def test_float32_is_blamed_only_for_float32_numbers():
    p = torch.softmax(torch.arange(5, dtype=torch.float64) / 3, dim=0)
    want = p * torch.log(p * 5)  # float64's digits
    through_float32 = message(lambda: expect_close(want.float().double(), want, "kl"))
    assert "float32 numbers" in through_float32, through_float32
    # An eps inside the log (log(p + 1e-8)) is off by as little, with float64's digits.
    eps = message(lambda: expect_close(p * torch.log((p + 1e-8) * 5), want, "kl"))
    assert "do not match" in eps and "float32" not in eps, eps


def test_seeded_inputs_are_the_same_on_every_run_and_in_every_dtype():
    from coursekit.grading import generator, seeded_labels, seeded_randn

    a, b = seeded_randn(3, (4, 2), scale=2.0), seeded_randn(3, (4, 2), scale=2.0)
    assert a.shape == (4, 2) and a.dtype == torch.float32 and torch.equal(a, b)
    assert not torch.equal(a, seeded_randn(4, (4, 2), scale=2.0))
    wide = seeded_randn(3, (4, 2), scale=2.0, dtype=torch.float64)
    assert torch.allclose(wide, a.double(), rtol=2**-26, atol=0) and torch.equal(wide.float(), a)
    # ... but not float32's numbers: float32 arithmetic inside a float64 answer shows.
    assert not torch.allclose(wide, a.double(), rtol=1e-9, atol=0)
    assert seeded_randn(3, ()).shape == ()  # a single number, as the activation tests use
    labels = seeded_labels(5, 100, 3)
    assert labels.dtype == torch.int64 and labels.shape == (100,)
    assert set(labels.tolist()) == {0, 1, 2} and torch.equal(labels, seeded_labels(5, 100, 3))
    assert torch.equal(torch.rand(3, generator=generator(7)), torch.rand(3, generator=generator(7)))


def test_the_in_process_student_calls_here_and_makes_no_worker(monkeypatch):
    """For the benchmark: the module's functions run in this process, with the default limits in
    messages; no Worker is made (as root one claims a grading uid in /run/coursekit-grader)."""
    import types

    from coursekit.grading import isolation

    def no_worker(*args, **kwargs):
        raise AssertionError("InProcessStudent made a Worker")

    monkeypatch.setattr(isolation.Worker, "__init__", no_worker)
    module = types.ModuleType("answers")
    exec("def double(x):\n    return 2 * x\n\ndef stub():\n    raise NotImplementedError",
         module.__dict__)  # fmt: skip
    student = isolation.InProcessStudent(module, "answers")
    assert student.double(21) == 42
    assert "not implemented yet" in message(student.stub)
    student._timed_out.add("double")
    assert f"more than {runner.DEFAULT_TIMEOUT:g} s" in message(lambda: student.double(1))



def test_gradients_reach_the_tensors_inside_a_list_argument():
    """grad=True: a list of weights gets a list of gradients, so a function that copies the
    weights (torch.tensor(w), detach) shows None where the caller's tensors get no gradient."""
    import types

    from coursekit.grading import isolation

    module = types.ModuleType("answers")
    exec("import torch\n"
         "def loss(x, weights):\n    w, b = weights\n    return (x * w + b).sum()\n"
         "def copies(x, weights):\n    w, b = (torch.tensor(t.tolist()) for t in weights)\n"
         "    return (x * w + b).sum()\n", module.__dict__)  # fmt: skip
    student = isolation.InProcessStudent(module, "answers")
    x, w, b = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]), torch.tensor(5.0)
    grads = student.run("loss", x, [w, b], grad=True).grads
    assert torch.equal(grads[0], w) and torch.equal(grads[1][0], x)
    assert torch.equal(grads[1][1], torch.tensor(2.0))
    grads = student.run("copies", x, [w, b], grad=True).grads
    assert torch.equal(grads[0], w) and grads[1] == [None, None]


def test_no_grad_runs_the_call_under_torch_no_grad_and_only_that_call():
    """``run(..., no_grad=True)``: as an evaluation loop calls it (code keyed on the grad mode
    kept full marks while every call ran with autograd on, session 36)."""
    import types

    from coursekit.grading import isolation

    module = types.ModuleType("answers")
    exec("import torch\ndef mode(x):\n    return torch.is_grad_enabled()\n", module.__dict__)
    student = isolation.InProcessStudent(module, "answers")
    x = torch.ones(2)
    assert student.run("mode", x, no_grad=True).value is False
    assert student.run("mode", x).value is True and student.mode(x) is True


def test_with_grad_works_in_keyword_arguments_too():
    import types

    from coursekit.grading import isolation, with_grad

    module = types.ModuleType("answers")
    exec("def grad_of(x, *, p):\n    return [p.grad, x.grad, p.requires_grad]\n", module.__dict__)
    student = isolation.InProcessStudent(module, "answers")
    x, g = torch.ones(2), torch.tensor([0.5, -1.0])
    got = student.grad_of(with_grad(x, 2 * g), p=with_grad(x, g))
    assert torch.equal(got[0], g) and torch.equal(got[1], 2 * g) and got[2] is True

_SOURCE = b'''
import torch
import torch.nn.functional as F
from torch import sigmoid as torch_sigmoid


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))


def sigmoid_grad(x):
    s = sigmoid(x)  # the student's own sigmoid: fine
    return s * (1 - s)


def _helper(x):
    return torch.relu(x)


def relu(x):
    return _helper(x)  # reaches torch.relu through a helper


def relu_alias(x):
    return F.relu(x)


def sigmoid_renamed(x):
    return torch_sigmoid(x)


def sigmoid_method(x):
    return x.sigmoid()


relu_assigned = torch.relu


def grad_by_autograd(x):
    y = x.detach().requires_grad_()
    sigmoid(y).sum().backward()
    return y.grad
'''
_FORBIDDEN = ("sigmoid", "relu", "functional", "backward", "autograd")


@pytest.mark.parametrize(
    ("function", "used"),
    [
        ("sigmoid", []),
        ("sigmoid_grad", []),
        ("relu", ["torch.relu"]),
        ("relu_alias", ["F.relu", "torch.nn.functional"]),
        ("sigmoid_renamed", ["torch.sigmoid"]),
        ("sigmoid_method", ["x.sigmoid"]),
        ("grad_by_autograd", ["sigmoid(y).sum().backward"]),
        ("relu_assigned", ["torch.relu"]),
        ("torch_sigmoid", ["torch.sigmoid"]),
    ],
)
def test_not_by_hand_finds_what_a_function_uses_in_any_spelling(function, used):
    assert not_by_hand(_SOURCE, function, _FORBIDDEN) == used


def test_code_too_deep_for_the_grader_to_read_still_answers_for_what_it_ran():
    """A module the student process compiled (its recursion limit raised by a chapter imported
    before it) that is nested too deep for the grader's parser: the torch functions its calls
    reached count, and none is paid for by another exercise. An operand too deep to write out
    in a message is shown as (...), and the rest of the module is read."""
    deep = (b"import torch\n\ndef softmax(X):\n    return torch.softmax(X, 1)\n\n"
            b"def other(X):\n    return torch.softmax(X, 0)\n\nPAD = " + b"-" * 5000 + b"1\n")
    reached = {"torch.softmax", "torch.Tensor.sum"}
    assert not_by_hand(deep, "softmax", {"softmax"}, ["other"], reached) == ["torch.softmax"]
    wide = (b"import torch\n\ndef sigmoid(x):\n    if False:\n        ("
            + b" + ".join([b"x"] * 1500) + b").sigmoid()\n    return 1 / (1 + torch.exp(-x))\n")
    assert not_by_hand(wide, "sigmoid", {"sigmoid"}) == ["(...).sigmoid"]


def test_a_module_is_read_whole_once_for_all_the_tests_of_its_exercises(monkeypatch):
    """A submission of 1 MB (the cap) took 5 s per reading, a dozen readings per test: 127 s of
    the grader's time for one chapter, outside any time limit. One walk of the whole module
    serves every test of every exercise (each then reads only the functions it reaches)."""
    from coursekit.grading import api

    source = _SOURCE + b"\n# a module of its own: " + os.urandom(8).hex().encode() + b"\n"
    whole, walk = [], ast.walk
    monkeypatch.setattr(api.ast, "walk", lambda node: whole.append(
        isinstance(node, ast.Module)) or walk(node))  # fmt: skip
    reached = {"torch.exp", "torch.Tensor.sum"}
    for _ in range(3):  # three tests of each exercise
        for function in ("relu", "sigmoid_renamed", "torch_sigmoid"):
            not_by_hand(source, function, _FORBIDDEN, ["relu", "sigmoid_renamed"], reached)
    assert sum(whole) == 1


def test_a_def_that_sets_thousands_of_globals_is_read_once(monkeypatch):
    """A def declaring 2,000 names global was walked again for each of them (and the time
    grew as their square: 8,000 names kept the grader busy for minutes, outside any limit)."""
    from coursekit.grading import api

    names = [f"a{i}" for i in range(2000)]
    source = (f"import torch\n{' = '.join(names)} = 0\n\ndef helper():\n"
              f"    global {', '.join(names)}\n    return ({', '.join(names)})\n\n"
              "def sigmoid(x):\n    helper()\n    return 1 / (1 + torch.exp(-x))\n"
              f"# {os.urandom(8).hex()}\n").encode()  # fmt: skip
    helpers, walk = [], ast.walk
    monkeypatch.setattr(api.ast, "walk", lambda node: helpers.append(
        getattr(node, "name", "") == "helper") or walk(node))  # fmt: skip
    assert not_by_hand(source, "sigmoid", _FORBIDDEN) == []
    assert sum(helpers) <= 2  # once to find its `global` line, once to read what it uses


# torch.sigmoid out of sight of a scan of the module's top-level defs and `a = b` lines:
# each earned a "by hand" exercise's points.
_HIDING = {
    "def under if": "if True:\n    def sigmoid(x):\n        return torch.sigmoid(x)\n",
    "def under try": "try:\n    def sigmoid(x):\n        return torch.sigmoid(x)\nexcept OSError:"
                     "\n    pass\n",
    "a class": "class H:\n    f = staticmethod(lambda x: torch.sigmoid(x))\n\n"
               "def sigmoid(x):\n    return H.f(x)\n",
    "a, b = ...": "S, T = torch.sigmoid, torch.tanh\ndef sigmoid(x):\n    return S(x)\n",
    "walrus": "(S := torch.sigmoid)\ndef sigmoid(x):\n    return S(x)\n",
    "for": "for S in [torch.sigmoid]:\n    pass\ndef sigmoid(x):\n    return S(x)\n",
    "with ... as": "with contextlib.nullcontext(torch.sigmoid) as S:\n    pass\n"
                   "def sigmoid(x):\n    return S(x)\n",
    "global": "def _setup():\n    global S\n    S = torch.sigmoid\n\n_setup()\nS = None\n"
              "def sigmoid(x):\n    return S(x)\n",
    # A global that only a def binds (no module-level line): the reader raised KeyError, which
    # zeroed every chapter of the submission, torch's sigmoid or a formula of its own.
    "global set in a def only": "def _setup():\n    global S\n    S = torch.sigmoid\n\n"
                                "def sigmoid(x):\n    _setup()\n    return S(x)\n",
}  # fmt: skip


@pytest.mark.parametrize("how", _HIDING)
def test_not_by_hand_finds_what_a_module_binds_anywhere(how):
    source = f"import contextlib\nimport torch\n{_HIDING[how]}"
    assert not_by_hand(source.encode(), "sigmoid", _FORBIDDEN) == ["torch.sigmoid"]
    # Its own formula, tried under the module's main guard against torch's, is fine.
    honest = ("import torch\ndef sigmoid(x):\n    return 1 / (1 + torch.exp(-x))\n"
              "if __name__ == '__main__':\n    x = torch.zeros(3)\n"
              "    print(sigmoid(x) - torch.sigmoid(x))\n")  # fmt: skip
    assert not_by_hand(honest.encode(), "sigmoid", _FORBIDDEN) == []


# A name a function binds itself is not the module's name, whatever the module binds to it
# (the outside authors' demos under the main guard cost them every test of the exercise).
_OWN_NAMES = {
    "a local named like a demo's value": "def sigmoid_grad(x):\n"
        "    s = 1 / (1 + torch.exp(-x))\n    return s * (1 - s)\n\n"
        "if __name__ == '__main__':\n    s = torch.sigmoid(torch.zeros(3))\n",
    "a loop variable named like a demo's": "def sigmoid_grad(x):\n"
        "    for a in [1 / (1 + torch.exp(-x))]:\n        return a * (1 - a)\n\n"
        "for g, a in zip([], torch.autograd.grad):\n    pass\n",
    "a local named like an import": "from torch.autograd import grad\n\ndef sigmoid_grad(x):\n"
        "    grad = 1 / (1 + torch.exp(-x))\n    return grad * (1 - grad)\n",
    "a parameter named like an import": "from torch import sigmoid\n\ndef sigmoid_grad(sigmoid):\n"
        "    s = 1 / (1 + torch.exp(-sigmoid))\n    return s * (1 - s)\n",
    "a local named like what a star import brings": "from torch import *\n\n"
        "def sigmoid_grad(x):\n    sigmoid = 1 / (1 + exp(-x))\n"
        "    return sigmoid * (1 - sigmoid)\n",
    "an import inside another def": "def sigmoid(x):\n    return 1 / (1 + torch.exp(-x))\n\n"
        "def sigmoid_grad(x):\n    return sigmoid(x) * (1 - sigmoid(x))\n\n"
        "def compare():\n    from torch import sigmoid\n    return sigmoid(torch.zeros(1))\n",
    "an attribute of an object of theirs": "import types\nK = types.SimpleNamespace(sigmoid=0.5)"
        "\nL = collections.namedtuple('L', 'sigmoid')(0.5)\n\ndef sigmoid_grad(x):\n"
        "    s = 1 / (1 + torch.exp(-x))\n    return K.sigmoid * 4 * L.sigmoid * s * (1 - s)\n",
    "a class attribute and one set on self": "class Layer:\n    sigmoid = None\n"
        "    def __init__(self):\n        self.backward = lambda s: s * (1 - s)\n\n"
        "def sigmoid_grad(x):\n    layer = Layer()\n    s = 1 / (1 + torch.exp(-x))\n"
        "    return layer.backward(s) if layer.sigmoid is None else layer.sigmoid\n",
    "a closure's variable": "S = torch.sigmoid\n\ndef sigmoid_grad(x):\n"
        "    S = 1 / (1 + torch.exp(-x))\n    grad = lambda: S * (1 - S)\n"
        "    return [grad() for S in [0]][0]\n",
}
# ... but what stands outside the function's own scope is still the module's.
_MODULES_NAMES = {
    "a default value": "s = torch.sigmoid\n\ndef sigmoid_grad(x, s=s):\n"
        "    return s(x) * (1 - s(x))\n",
    "a decorator": "s = torch.sigmoid\n\ndef with_s(f):\n    return lambda x: f(x, s)\n\n"
        "@with_s\ndef sigmoid_grad(x, s):\n    return s(x) * (1 - s(x))\n",
    "an import inside the function": "def sigmoid_grad(x):\n    from torch import sigmoid\n"
        "    return sigmoid(x) * (1 - sigmoid(x))\n",
    "a method of a module-level tensor": "ZERO = torch.zeros(1)\n\ndef sigmoid_grad(x):\n"
        "    s = (x + ZERO).sigmoid()\n    return s * (1 - s)\n",
    "an object of theirs holding torch's": "import types\nK = types.SimpleNamespace("
        "sigmoid=torch.sigmoid)\n\ndef sigmoid_grad(x):\n    s = K.sigmoid(x)\n"
        "    return s * (1 - s)\n",
    "a class body's name seen from its method": "s = torch.sigmoid\n\nclass G:\n    s = None\n"
        "    def __call__(self, x):\n        return s(x) * (1 - s(x))\n\nsigmoid_grad = G()\n",
}  # fmt: skip


@pytest.mark.parametrize("how", _OWN_NAMES)
def test_not_by_hand_reads_a_functions_own_names_as_its_own(how):
    source = f"import collections\nimport torch\n{_OWN_NAMES[how]}".encode()
    assert not_by_hand(source, "sigmoid_grad", _FORBIDDEN) == []


@pytest.mark.parametrize("how", _MODULES_NAMES)
def test_not_by_hand_reads_what_stands_outside_a_function_as_the_modules(how):
    source = f"import torch\n{_MODULES_NAMES[how]}".encode()
    used = not_by_hand(source, "sigmoid_grad", _FORBIDDEN)
    assert used and all(use.endswith("sigmoid") for use in used), used


def test_not_by_hand_finds_what_a_star_import_brings():
    star = "from torch.nn.functional import *\n"
    grad = "def sigmoid_grad(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n"
    used = not_by_hand((star + grad).encode(), "sigmoid_grad", _FORBIDDEN)
    assert used == ["torch.nn.functional.sigmoid"]
    own = "def sigmoid(x):\n    return 1 / (1 + exp(-x))\n"  # its own sigmoid: fine
    assert not_by_hand((star + own + grad).encode(), "sigmoid_grad", _FORBIDDEN) == []


_NO_AUTOGRAD = ("backward", "autograd", "func", "grad_fn")  # numerical_gradient's rule


@pytest.mark.parametrize("how", [
    "import torch\nclass S(torch.autograd.Function):\n    pass\n",
    "from torch.autograd import Function\nclass S(Function):\n    pass\n",
    "import torch\ndef S(w, x):\n    return torch.func.functional_call(w, {}, (x,))\n",
    "from torch.func import functional_call\ndef S(w, x):\n    return functional_call(w, {}, x)\n",
])  # fmt: skip
def test_not_by_hand_takes_forward_passes_of_autograds_modules_as_forward_passes(how):
    """A forward helper that is a torch.autograd.Function of theirs, or runs a module through
    torch.func.functional_call, computes no gradient: numerical_gradient calling it used no
    autograd (two outside authors lost every point of it); calling autograd still counts."""
    caller = "def numerical_gradient(w, x):\n    return S(w, x)\n"
    assert not_by_hand((how + caller).encode(), "numerical_gradient", _NO_AUTOGRAD) == []
    grad = "import torch\ndef numerical_gradient(w, x):\n    return torch.autograd.grad(S(w), w)\n"
    assert not_by_hand((how + grad).encode(), "numerical_gradient", _NO_AUTOGRAD) == [
        "torch.autograd"
    ]


def test_not_by_hand_leaves_another_exercise_to_its_own_tests():
    """sigmoid_grad calling the student's sigmoid, which uses torch.sigmoid, is not charged
    for it when sigmoid is an exercise with its own rule (it pays there, once)."""
    source = b"import torch\ndef sigmoid(x):\n    return torch.sigmoid(x)\n" + (
        b"def sigmoid_grad(x):\n    return sigmoid(x) * (1 - sigmoid(x))\n"
    )
    assert not_by_hand(source, "sigmoid_grad", _FORBIDDEN) == ["torch.sigmoid"]
    assert not_by_hand(source, "sigmoid_grad", _FORBIDDEN, apart=("sigmoid",)) == []
    assert not_by_hand(source, "sigmoid", _FORBIDDEN, apart=("sigmoid",)) == ["torch.sigmoid"]


def test_not_by_hand_passes_what_it_cannot_parse_or_find():
    assert not_by_hand(b"def sigmoid(x:\n", "sigmoid", _FORBIDDEN) == []
    assert not_by_hand(_SOURCE, "missing", _FORBIDDEN) == []


class _Answers:
    """A student object whose every function returns ``value`` (as the worker's proxy would)."""

    def __init__(self, value):
        self.value = value

    def run(self, fn, *args, **kwargs):
        from coursekit.grading.api import Outcome

        return Outcome(self.value, list(args))

    def __getattr__(self, name):
        return lambda *args, **kwargs: self.value


@pytest.mark.parametrize(
    "value", [10**400, [1.0, 2.0], {"a": 1}, None], ids=["huge-int", "list", "dict", "None"]
)
def test_odd_answers_get_a_message_for_the_student_not_a_grader_error(value):
    """An int float() cannot hold, a list where a number is due: what the student returned
    is named, never "grader error" (which tells the student to call the staff)."""
    chapter = "softmax_regression"
    reference = runner.reference_module(chapter)
    graded = [c for c in runner.checks(chapter) if c.exercise == "accuracy"]
    assert graded
    results = [runner.run_check(check, _Answers(value), reference) for check in graded]
    assert sum(r.score for r in results) < sum(r.max_score for r in results)
    for result in results:
        assert not result.output.startswith("grader error"), result.output


def _assert_close_passes(got, want, **tolerances) -> bool:
    try:
        torch.testing.assert_close(got, want, **tolerances)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64,
                                   torch.complex64, torch.int64, torch.uint8, torch.bool])
def test_all_close_decides_as_torch_testing_assert_close(dtype):
    """The checks compare with all_close (torch.testing.assert_close costs each grading process
    a second of imports): on the edge of every dtype's default tolerances, near zero, with inf
    and nan, and with tolerances given, both give the same verdict. For float64, whose default
    the course tightens (float32 arithmetic inside passed torch's), with the course's."""
    g = torch.Generator().manual_seed(0)
    want = (torch.randn(400, generator=g, dtype=torch.float64) * 10).to(dtype)
    if dtype.is_floating_point or dtype.is_complex:
        want[:3] = torch.tensor([0.0, float("inf"), float("nan")]).to(dtype)
    cases = [want.clone()]
    for scale in (0.3, 0.9, 1.1, 3.0, 30.0):  # steps around the default tolerance
        if dtype.is_floating_point or dtype.is_complex:
            rtol, atol = {torch.float16: (1e-3, 1e-5), torch.bfloat16: (1.6e-2, 1e-5),
                          torch.float64: (1e-9, 1e-11)}.get(dtype, (1.3e-6, 1e-5))  # fmt: skip
            step = (scale * (atol + rtol * want.abs().double())).to(want.real.dtype if
                                                                    dtype.is_complex else dtype)
            for where in (want.abs() > 1, want.abs() < 0.1):  # the rtol term, the atol term
                cases += [want + torch.where(where & torch.isfinite(want), step, 0).to(dtype)]
        else:
            cases += [want ^ (torch.rand(400, generator=g) < scale / 100).to(dtype)]
    verdicts, course = set(), {"rtol": 1e-9, "atol": 1e-11} if dtype == torch.float64 else {}
    for got in cases:
        for equal_nan in (False, True):
            mine = all_close(got, want, equal_nan=equal_nan)
            theirs = _assert_close_passes(got, want, equal_nan=equal_nan, **course)
            assert mine == theirs, (dtype, equal_nan)
            verdicts.add(mine)
        mine = all_close(got, want, rtol=0.1, atol=0.01)
        assert mine == _assert_close_passes(got, want, rtol=0.1, atol=0.01, equal_nan=False)
    assert verdicts == {True, False}, "the cases must include a pass and a failure"


def test_the_torch_functions_a_reply_names_are_kept_bounded():
    """A forged reply named 100 strings of 1 MiB as the torch functions a call reached, on
    every call: the grading process kept them all for the chapter (3.9 GB after 40 calls).
    Only watched calls' names are kept, each of at most 200 characters, 256 per function."""
    import types

    from coursekit.grading import isolation

    forged = [f"{i}" + "x" * (1 << 20) for i in range(100)] + [f"torch.f{i}" for i in range(400)]
    worker = types.SimpleNamespace(
        modules={}, memory_mb=2048, timeout=10,
        request=lambda message: {"ok": True, "value": 1, "args": [], "reached": forged})
    student = isolation.Student(worker, "k", "activations", Path("activations.py"))
    student.watched.add("sigmoid")
    for _ in range(3):
        student.run("sigmoid", 1.0)
        student.run("relu", 1.0)  # not watched: nothing kept
    kept = student.reached["sigmoid"]
    assert "relu" not in student.reached and "torch.f0" in kept and len(kept) <= 256
    assert all(name.startswith("torch.f") for name in kept)


def test_a_module_too_big_to_read_is_left_to_the_run_time_record():
    """Crafted files under the 1 MB cap kept the grading process reading for minutes (a dead
    line binding 140,000 names: each node copied the scope's names) or took it to gigabytes
    (hundreds of nested lambdas: Python's own scope analysis grows as their square). Such a
    module is not read: the torch functions its calls reached decide alone."""
    from coursekit.grading import api

    names = "".join(f"a{i}=0;" for i in range(60_000))
    wide = f"import torch\n\ndef relu(x):\n    if x is None: {names}\n    return x.clamp(min=0)\n"
    params = ",".join(f"p{i}" for i in range(20))
    nested = "import torch\n\ndef relu(x):\n    f = " + f"lambda {params}: " * 60 + "0\n"
    nested += "    return x.clamp(min=0)\n"
    for source in (wide.encode(), nested.encode()):
        assert api._module(source) is None
        assert not_by_hand(source, "relu", {"relu"}) == []
        assert not_by_hand(source, "relu", {"relu"}, reached={"torch.relu"}) == ["torch.relu"]


def test_errors_of_code_written_for_another_machine_say_what_to_change():
    """tqdm.notebook's "IProgress not found ... update jupyter" and torch's "Found no NVIDIA
    driver", raised in the grader, sent the student to install things."""
    from coursekit.grading.worker import failure

    no_gpu = RuntimeError("Found no NVIDIA driver on your system. Please check ...")
    assert "on the CPU" in failure("call", no_gpu)["message"]
    notebook = ImportError("IProgress not found. Please update jupyter and ipywidgets.")
    assert "tqdm.auto" in failure("call", notebook)["message"]
    assert "CPU" not in failure("call", ValueError("shapes differ"))["message"]


def test_a_class_folder_with_stray_modules_is_graded_with_a_warning(tmp_path, capsys):
    """A loose activations.py beside the students' folders made the whole class one submission
    ("class 0 / 26") and nothing said so: alice and bob were in no report. A student's folder
    with backups in it looks the same (``grade class/*``): it is graded, and the warning says
    how to grade the students instead. A folder named like a module is no module."""
    from coursekit.grading.cli import UsageError, find_submissions

    klass = tmp_path / "class"
    for name in ("alice", "bob"):
        (klass / name).mkdir(parents=True)
        (klass / name / "activations.py").write_text("")
    (klass / "activations.py").mkdir()  # a student's folder, oddly named
    found = [n for n, _ in find_submissions([str(klass)], ["activations"])]
    assert found == ["activations.py", "alice", "bob"] and not capsys.readouterr().err
    (klass / "activations.py").rmdir()
    (klass / "activations.py").write_text("")
    assert [n for n, _ in find_submissions([str(klass)], ["activations"])] == ["class"]
    assert "move the loose .py files out" in capsys.readouterr().err
    # Of several folders given (class/*), one without modules scores 0; given alone, it is
    # refused, and its name reaches the terminal escaped.
    (tmp_path / "empty\x1b[2J").mkdir()
    paths = [str(klass / "alice"), str(tmp_path / "empty\x1b[2J")]
    assert [n for n, _ in find_submissions(paths, ["activations"])] == ["alice", "empty\\x1b[2J"]
    with pytest.raises(UsageError) as refused:
        find_submissions(paths[1:], ["activations"])
    assert "\x1b" not in str(refused.value) and "\\x1b[2J" in str(refused.value)


def test_a_link_to_a_very_long_name_costs_no_submission(tmp_path):
    """A link to a 300-character path in a student's folder: following it raises "File name
    too long", which the hints did not catch (the graded submission became "could not be
    graded"); the Gradescope autograder ended in a traceback."""
    from coursekit.autograder import find_submission
    from coursekit.grading.cli import find_submissions

    klass = tmp_path / "class"
    (klass / "alice").mkdir(parents=True)
    (klass / "alice" / "notes").symlink_to("/" + "a" * 300)
    (klass / "alice" / "exercises").symlink_to("/" + "b" * 300)
    (klass / "alice" / "activations (1).py").write_text("")
    (klass / "bob").symlink_to("/" + "c" * 300)
    (klass / "carol").mkdir()
    (klass / "carol" / "activations.py").write_text("")
    hints = runner.misnamed(klass / "alice", ["activations"])
    assert hints == {"activations": "activations (1).py is graded as nothing: rename it"
                                    " activations.py"}
    assert find_submission(klass / "alice", ["activations"]) == klass / "alice"
    assert [n for n, _ in find_submissions([str(klass)], ["activations"])] == [
        "alice", "bob", "carol"]


def test_an_import_hint_reads_the_line_python_names():
    """The hints searched the whole file: `type = "float"` anywhere gave "Python 3.11 has no
    `type X = ...`" for an unclosed parenthesis, a comment ending in "?" the Jupyter hint,
    any NUL byte the UTF-16 one, and `check_input(` the input() one."""
    from coursekit.grading.isolation import _import_hint

    def hint(code: bytes, line: int, kind="SyntaxError", what="invalid syntax") -> str:
        message = f"{what} (activations.py, line {line})" if kind == "SyntaxError" else what
        return _import_hint({"type": kind, "message": message}, code)

    assert hint(b'type = "float"\nx = (\n', 2, what="'(' was never closed") == ""
    assert hint(b"# why?\ndef f(:\n", 2) == ""
    assert "Jupyter commands" in hint(b"import torch\n%matplotlib inline\n", 2)
    assert "Jupyter commands" in hint(b"relu??\n", 1)
    assert "Python 3.11" in hint(b"import torch\ntype Params = list[torch.Tensor]\n", 2)
    assert hint(b"x = 1\0", 1, kind="ValueError", what="x") == ""
    assert "UTF-16" in hint("def f():\n".encode("utf-16"), 1, what="null bytes")
    assert hint(b"check_input()\n", 0, kind="EOFError", what="") == ""
    assert "keyboard" in hint(b"name = input()\n", 0, kind="EOFError", what="")


def test_a_message_cut_says_so_even_when_its_escapes_fill_it():
    text = runner.clip("\x1b" * 4000)
    assert len(text) < runner.MESSAGE_CAP + 50 and text.endswith("3000 more characters]")


def test_a_misspelt_module_is_named_with_the_name_to_give_it(tmp_path):
    """A learner's typo or singular (``linear_regresion.py``, ``activation.py``, ``loss.py``)
    was graded as missing with no word of the file that was meant: now it is named, and a
    helper module of another name, or another chapter's module, is not."""
    chapters = ["activations", "linear_regression", "losses", "mlp", "optimizers"]
    for name in ["linear_regresion.py", "activation.py", "loss.py", "utils.py", "mlp.py",
                 "optimiser.py"]:  # fmt: skip
        (tmp_path / name).write_text("")
    hints = runner.misnamed(tmp_path, chapters)
    assert hints == {
        "linear_regression": "linear_regresion.py is graded as nothing: rename it"
                             " linear_regression.py",
        "activations": "activation.py is graded as nothing: rename it activations.py",
        "losses": "loss.py is graded as nothing: rename it losses.py",
        "optimizers": "optimiser.py is graded as nothing: rename it optimizers.py",
    }


def test_a_tracebacks_code_line_and_its_caret_stay_aligned_in_the_table():
    """The table wrapped a long code line of a traceback like prose, so the caret line under
    it pointed at the wrong characters: code and caret lines are kept whole, and the hint after
    a traceback of several frames is still shown."""
    code = "    p = torch.exp(logits) / torch.exp(logits).sum(dim=1)  # softmax, as in the book"
    caret = "        ~~~~~~~~~~~~~~~~~~^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
    frame = f'  File "losses.py", line 29, in cross_entropy_loss\n{code}\n{caret}\n'
    message = f"cross_entropy_loss(...) raised RuntimeError: sizes\n{frame * 5}\nKeep the dim."
    result = SubmissionResult("ada")
    result.tests = [TestResult("losses", "cross_entropy_loss", "test_ce", 0, 7, message)]
    lines = report.student_table(result).splitlines()
    at = [i for i, line in enumerate(lines) if line.endswith(code.strip())]
    assert at and all(lines[i + 1].endswith(caret.strip()) for i in at), "\n".join(lines)
    assert lines[at[0] + 1].index("^") - lines[at[0]].index("p = ") == caret.index("^") - 4
    assert any("Keep the dim." in line for line in lines), "\n".join(lines)


def test_a_value_is_described_with_the_right_article():
    """A learner read "sgd(a list of length 2, a float (0.03), a int (10))"."""
    from coursekit.grading.api import _describe

    assert _describe(10) == "an int (10)"
    assert _describe(0.03) == "a float (0.03)"
    assert _describe([1, 2]) == "a list of length 2"
    assert _describe(object()).startswith("an object (")


def test_a_wrong_number_of_dimensions_is_told_about_broadcasting_only_where_it_applies():
    """mlp_forward on unflattened images gave logits of shape (4, 1, 3), and the message went on
    about a vector of shape (n,) and a column of shape (n, 1) broadcasting to (n, n)."""
    def message(got, want):
        with pytest.raises(GradingFailure) as info:
            expect_shape(torch.zeros(got), want, "the result")
        return str(info.value)

    assert "(n, n)" not in message((4, 1, 3), (4, 3))
    assert "reshape to (4, 3)" in message((4, 1, 3), (4, 3))
    assert "(n, n)" in message((5,), (5, 1)) and "(n, n)" in message((5, 1), (5,))
