"""Attacks on the grader's intake and reports (issue 12), graded by ``python -m coursekit grade``.

Each submission is the reference answers with one twist a hostile student would try: a module
that is a symbolic link (to the reference, through ``/proc/self/cwd``, to ``/proc/self/environ``),
a student folder that is a link, a FIFO, a hard link, a file over the size cap, a folder name
that is not UTF-8, an exception with a 20 MB name, and a ``data_iter`` that zeroes every column
but the first. The test runs the grader as it is and as a normal user
(``test_confinement.as_nobody``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from coursekit.grading import report, runner
from tests.grading.test_confinement import as_nobody, give_to_nobody
from tests.grading.test_confinement import shared_folder as shared_folder  # the fixture

CHAPTER = "linear_regression"
REFERENCE = runner.REFERENCE_DIR / f"{CHAPTER}.py"
ZERO_COLUMNS = '''

def data_iter(batch_size, features, labels):
    import torch
    order = torch.randperm(len(features))
    for i in range(0, len(features), batch_size):
        rows = order[i:i + batch_size]
        X = features[rows].clone()
        X[:, 1:] = 0
        yield X, labels[rows]
'''
HUGE_NAME = '''

def squared_loss(y_hat, y):
    raise type("E" * 20_000_000, (Exception,), {})("x" * 20_000_000)
'''


def _class(root: Path) -> Path:
    klass = root / "class"
    source = REFERENCE.read_text()
    cases = {"zero_columns": source + ZERO_COLUMNS, "huge_name": source + HUGE_NAME}
    for name, text in cases.items():
        (klass / name).mkdir(parents=True)
        (klass / name / f"{CHAPTER}.py").write_text(text)
    for name in ("absolute_link", "proc_link", "environ_link", "fifo", "hard_link", "too_big"):
        (klass / name).mkdir()
    (klass / "absolute_link" / f"{CHAPTER}.py").symlink_to(REFERENCE.resolve())
    relative = REFERENCE.resolve().relative_to(runner.REPO.resolve())
    (klass / "proc_link" / f"{CHAPTER}.py").symlink_to(Path("/proc/self/cwd") / relative)
    (klass / "environ_link" / f"{CHAPTER}.py").symlink_to("/proc/self/environ")
    os.mkfifo(klass / "fifo" / f"{CHAPTER}.py")
    shutil.copy(REFERENCE, root / "original.py")
    os.link(root / "original.py", klass / "hard_link" / f"{CHAPTER}.py")
    (klass / "too_big" / f"{CHAPTER}.py").write_text(source + "\n#" + "x" * 2_000_000)
    (klass / "folder_link").symlink_to(REFERENCE.parent)
    (klass / os.fsdecode(b"bad\xff\x01name")).mkdir()
    shutil.copy(REFERENCE, klass / os.fsdecode(b"bad\xff\x01name") / f"{CHAPTER}.py")
    return klass


def _grade_as(user: str, command: list[str], shared_folder: Path) -> None:
    """Runs the ``coursekit grade`` ``command`` as the user running the tests ("as-is") or as
    uid 65534 ("nobody"), who is then given ``shared_folder``; it must succeed."""
    if user == "nobody":
        command = as_nobody(command)
        give_to_nobody(shared_folder)
    done = subprocess.run(
        command, cwd=runner.REPO, capture_output=True, timeout=900,
        env={**os.environ, "COURSEKIT_COURSE": str(runner.REPO), "HOME": str(shared_folder)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_hostile_intake_is_refused_and_every_output_written(user, shared_folder):
    klass = _class(shared_folder)
    out = shared_folder / "out"
    out.mkdir()
    command = [sys.executable, "-m", "coursekit", "grade", str(klass), "--chapter", CHAPTER,
               "--json", str(out / "r.json"), "--csv", str(out / "r.csv"),
               "--gradescope", str(out / "gs")]  # fmt: skip
    _grade_as(user, command, shared_folder)
    results = {r["submission"]: r for r in json.loads((out / "r.json").read_text())}
    for name in ("absolute_link", "proc_link", "environ_link", "folder_link", "fifo",
                 "hard_link", "too_big"):  # fmt: skip
        assert results[name]["score"] == 0, f"{name} earned points"
    outputs = {n: " ".join([r.get("error", "")] + [t["output"] for t in r["tests"]])
               for n, r in results.items()}  # fmt: skip
    assert "is a symbolic link: submit the file itself" in outputs["absolute_link"]
    assert "is a symbolic link" in outputs["proc_link"] and "PATH=" not in outputs["environ_link"]
    assert "folder is a symbolic link" in outputs["folder_link"]
    assert "not a regular file" in outputs["fifo"]
    assert "hard link" in outputs["hard_link"] and "bytes" in outputs["too_big"]
    bad = "bad\\xff\\x01name"
    assert results[bad]["score"] == results[bad]["max_score"] > 0
    assert (out / "gs" / bad / "results.json").is_file() and bad in (out / "r.csv").read_text()
    zero = results["zero_columns"]["tests"]
    assert not any(t["score"] for t in zero if t["exercise"] == "data_iter")
    huge = results["huge_name"]["tests"]
    assert all(len(t["output"]) <= runner.MESSAGE_CAP + 100 for t in huge)
    assert (out / "r.json").stat().st_size < 2_000_000, "the report is not bounded"


def test_time_budget_per_submission(tmp_path):
    """Sleeping just under the per-call limit in every call costs the rest of the submission,
    not an hour: exercises graded before the budget ran out keep their points."""
    source = REFERENCE.read_text() + (
        "\n\ndef squared_loss(y_hat, y):\n    import time\n    time.sleep(1.5)\n"
        "    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2\n"
    )
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=2.0, budget=4.0)
    outputs = " ".join(t.output for t in result.tests)
    assert "used up its time budget (4 s" in outputs
    earned = {t.exercise for t in result.tests if t.passed}
    assert {"synthetic_data", "data_iter", "linreg"} <= earned
    assert result.seconds < 60


def test_a_folder_exchanged_while_it_is_graded_gives_nothing_of_the_other(tmp_path, monkeypatch):
    """A student with write access to the class folder exchanged their folder for a link to a
    classmate's (renameat2(RENAME_EXCHANGE), timed by inotify) once the grader had opened
    their first module: the next modules were read through the link, from the classmate's
    folder (the link check ran once, at the start). Every module is now read through one
    descriptor of the folder before any student code runs. The exchange is made here when the
    worker starts, the moment a student's code could first act."""
    from coursekit.grading.isolation import Worker

    alice, bob = tmp_path / "alice", tmp_path / "bob"
    alice.mkdir()
    bob.mkdir()
    shutil.copy(runner.REFERENCE_DIR / "activations.py", alice)
    (alice / f"{CHAPTER}.py").write_text("raise ValueError('I am alice')\n")
    shutil.copy(REFERENCE, bob / f"{CHAPTER}.py")
    start = Worker.start

    def exchange_then_start(worker):
        alice.rename(tmp_path / "alice-own")
        alice.symlink_to(bob)
        start(worker)

    monkeypatch.setattr(Worker, "start", exchange_then_start)
    result = runner.grade_submission(alice, ["activations", CHAPTER])
    outputs = " ".join(t.output for t in result.tests if t.chapter == CHAPTER)
    assert "I am alice" in outputs and not any(t.passed for t in result.tests
                                                if t.chapter == CHAPTER), outputs[:500]
    assert all(t.passed for t in result.tests if t.chapter == "activations")


# l2_penalty answers its first call through the grader's pipe itself, then answers the next
# requests as the worker would, but stops reading at the first one too big for the pipe's
# buffer (dropout_layer's): the grader hung for good in the write of that request.
STOPS_READING = """

import os as _os
import struct as _struct
import sys as _sys
import time as _time

_honest = l2_penalty


def _read(fd, n):
    data = b""
    while len(data) < n:
        data += _os.read(fd, n - len(data))
    return data


def l2_penalty(*args, **kwargs):
    serve = _sys._getframe(1)
    while serve is not None and serve.f_code.co_name != "serve":
        serve = serve.f_back
    if serve is None or l2_penalty.__dict__.setdefault("taken", False):
        return _honest(*args, **kwargs)
    l2_penalty.taken, request = True, _sys._getframe(1).f_locals["request"]
    wire, call, local = serve.f_locals["wire"], serve.f_globals["call"], serve.f_locals
    wire.send(local["response_fd"], call(_sys.modules[__name__], request))
    while True:
        (length,) = _struct.unpack(">Q", _read(local["request_fd"], 8))
        if length > 60_000:
            _time.sleep(10**6)
        request = wire.decode(_read(local["request_fd"], length))
        module = local["modules"][request["key"]][0]
        wire.send(local["response_fd"], call(module, request))
"""


def test_a_student_process_that_stops_reading_cannot_hang_the_grader(tmp_path):
    """Sending a request is bounded by the call's time limit, like waiting for the reply."""
    source = (runner.REFERENCE_DIR / "overfitting.py").read_text() + STOPS_READING
    (tmp_path / "overfitting.py").write_text(source)
    results = []
    thread = threading.Thread(target=lambda: results.append(runner.grade_submission(
        tmp_path, ["overfitting"], timeout=2.0)), daemon=True)  # fmt: skip
    thread.start()
    thread.join(60)
    assert results, "the grader hung sending a request"
    lost = {t.exercise for t in results[0].tests if not t.passed}
    assert lost == {"dropout_layer"}, [t.output for t in results[0].tests if not t.passed]


USES_OPTIM = """
import sys

import torch


def twin_loaded():
    return "torch._dynamo" in sys.modules


def step(w, grad, lr):
    p = w.detach().clone().requires_grad_(True)
    p.grad = grad.clone()
    torch.optim.SGD([p], lr=lr).step()
    return p.detach()
"""


def test_an_import_has_more_time_than_a_call(tmp_path):
    """A module's import may take longer than one call (at least ``IMPORT_TIMEOUT``): a module
    that uses torch.optim pays there for what the optimizer's first step imports (torch._dynamo,
    3 s quiet, over the 10 s of a call on a busy machine), not in its first call."""
    slow = REFERENCE.read_text() + "\nimport time\ntime.sleep(3)\n"
    (tmp_path / f"{CHAPTER}.py").write_text(slow)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=2.0)
    assert result.score == result.max_score, [t.output for t in result.tests if not t.passed]

    import torch

    from coursekit.grading.isolation import Student, Worker

    (tmp_path / "twin.py").write_text(USES_OPTIM)
    with Worker(timeout=2.0) as worker:
        student = Student(worker, "k", "twin", str(tmp_path / "twin.py"))
        assert student.twin_loaded(), "torch.optim's imports were left to the first call"
        assert student.step(torch.ones(2), torch.ones(2), 0.5).tolist() == [0.5, 0.5]


def test_honest_mistakes_get_a_message_for_the_student(tmp_path):
    """An int64 X, an emptied params list, a complex b: the student is told, not the staff."""
    source = REFERENCE.read_text() + (
        "\n\ndef synthetic_data(w, b, num_examples):\n    import torch\n"
        "    X = torch.randint(0, 5, (num_examples, len(w)))\n"
        "    return X, (X.to(w.dtype) @ w + b).reshape(-1, 1)\n"
        "\n\ndef sgd(params, lr, batch_size):\n    params.clear()\n"
        "\n\ndef linreg(X, w, b):\n    return X @ w + b + 0j\n"
    )
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    lost = {t.exercise for t in result.tests if not t.passed}
    assert {"synthetic_data", "sgd", "linreg"} <= lost
    assert not [t.output for t in result.tests if "grader error" in t.output]


def test_a_missing_module_is_said_once_in_the_students_table(tmp_path):
    """Every test of a chapter whose file is missing gives the same message (an error check
    does not wrap it in "should raise ValueError, but: ..."), and the table prints it once."""
    (tmp_path / "notes.txt").write_text("mlp.py is on my other laptop")
    result = runner.grade_submission(tmp_path, ["mlp"], timeout=10.0)
    missing = "no mlp.py in the submitted folder: its exercises score 0"
    assert {t.output for t in result.tests} == {missing}
    table = report.student_table(result)
    assert table.count(missing) == 1 and "the same as for mlp.mlp_forward above" in table
    assert report.student_html(result).count(missing) == 1


def test_one_mistake_seen_at_several_sizes_is_shown_once_and_counted(tmp_path):
    """A y of shape (n,) fails three tests of synthetic_data whose messages differ only in n:
    the student reads it once, with how many more tests failed the same way. The instructor's
    report keeps every message."""
    source = REFERENCE.read_text().replace("return X, y.reshape(-1, 1)", "return X, y")
    assert source != REFERENCE.read_text(), "the reference changed: update this test"
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    shapes = [t.output for t in result.tests if t.exercise == "synthetic_data" and not t.hidden
              and "y: expected shape" in t.output]  # fmt: skip
    assert len(set(shapes)) >= 2, shapes
    for table in (report.student_table(result), report.student_html(result)):
        assert table.count("y: expected shape") == 1, table
        assert f"{len(shapes) - 1} more tests of synthetic_data fail the same way" in table
    assert sum("y: expected shape" in m for m in report.exercise_rows(result)[0][4]) >= 2


def test_one_mistake_seen_in_both_dtypes_is_shown_once_with_its_advice(tmp_path):
    """softmax without keepdim raised the same RuntimeError for (4, 5) float32 and (7, 10)
    float64 logits, and once more where the advice on keepdim was missing: the learner read the
    traceback three times. Now once, with the advice, and the others counted."""
    reference = runner.REFERENCE_DIR / "softmax_regression.py"
    source = reference.read_text().replace("exps / exps.sum(dim=1, keepdim=True)",
                                           "exps / exps.sum(dim=1)")  # fmt: skip
    assert source != reference.read_text(), "the reference changed: update this test"
    (tmp_path / "softmax_regression.py").write_text(source)
    result = runner.grade_submission(tmp_path, ["softmax_regression"], timeout=10.0)
    messages = next(m for _, ex, *_, m in report.exercise_rows(result, student=True)
                    if ex == "softmax")  # fmt: skip
    raised = [m for m in messages if "raised RuntimeError" in m]
    assert len(raised) == 1 and "keepdim=True" in raised[0], messages
    assert any(re.match(r"\d+ more tests of softmax fail the same way, with other sizes, dtypes",
                        m) for m in messages), messages  # fmt: skip


def test_advice_after_a_traceback_starts_a_paragraph_of_its_own(tmp_path):
    """A check appends its advice (" The same inputs in the other dtype passed ...") to the
    failure it caught; after a traceback that advice began a line with a stray space, glued to
    the caret line. It is a paragraph of its own, so the table also keeps it when it cuts."""
    reference = runner.REFERENCE_DIR / "losses.py"
    source = reference.read_text().replace(
        "    log_probs = _log_softmax(logits)\n",
        "    log_probs = _log_softmax(logits)\n"
        "    if logits.dtype == torch.float64:\n"
        "        log_probs = log_probs * {}['scale']\n",
    )
    assert source != reference.read_text(), "the reference changed: update this test"
    (tmp_path / "losses.py").write_text(source)
    result = runner.grade_submission(tmp_path, ["losses"], timeout=10.0)
    advised = [t.output for t in result.tests if "The same inputs in the other dtype" in t.output]
    assert advised, [t.output for t in result.tests if not t.passed]
    for output in advised:
        assert "^\n\nThe same inputs in the other dtype passed" in output, output
    for t in result.tests:
        assert not [line for line in t.output.splitlines() if line[:1] == " " != line[1:2]]


def test_a_module_that_imports_another_exercise_file_is_told_to_stand_alone(tmp_path):
    """``from activations import relu`` works in the learner's folder, but each module is
    graded on its own: the message says so (a syntax error gets no such advice)."""
    source = "from activations import relu\n" + REFERENCE.read_text()
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    (tmp_path / "activations.py").write_text("def relu(x):\n    return x.clamp(min=0)\n")
    (tmp_path / "losses.py").write_text("def mse_loss(:\n")
    result = runner.grade_submission(tmp_path, [CHAPTER, "losses"], timeout=10.0)
    outputs = {t.chapter: t.output for t in result.tests}
    assert "No module named 'activations'" in outputs[CHAPTER]
    assert "Each module is graded on its own" in outputs[CHAPTER]
    assert "SyntaxError" in outputs["losses"] and "on its own" not in outputs["losses"]


def test_a_name_error_at_import_says_that_code_outside_the_functions_runs(tmp_path):
    """A learner's line that tried an answer on a notebook's variables (``hidden =
    mlp_forward(X, W1, b1, W2, b2)`` at the end of the file) read "NameError: name 'X' is not
    defined. Fix the error at the top level of the module", with no word of why it ran or how
    to keep it (red team 15, session 38)."""
    (tmp_path / f"{CHAPTER}.py").write_text(REFERENCE.read_text() + "\nloss = linreg(X, w, b)\n")
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    said = " ".join(result.tests[0].output.split())
    assert "name 'X' is not defined" in said, said
    assert "runs when the grader imports the file" in said and '__name__ == "__main__"' in said


def test_a_syntax_error_inside_a_function_sends_the_learner_to_its_line(tmp_path):
    """A learner's stray ``)`` or a line indented wrong inside a function body was told to "fix
    the error at the top level of the module (imports, definitions) first", which it is not:
    Python reads no line of a file with a syntax error, wherever the line is."""
    stub = (runner.EXERCISES_DIR / f"{CHAPTER}.py").read_text()
    body = 'raise NotImplementedError("linreg: return X w + b")'
    assert body in stub, "the stub changed: update this test"
    (tmp_path / f"{CHAPTER}.py").write_text(stub.replace(body, "return X @ w + b)"))
    (tmp_path / "losses.py").write_text("def l1_loss(y_hat, y):\n    d = y_hat - y\n  return d\n")
    result = runner.grade_submission(tmp_path, [CHAPTER, "losses"], timeout=10.0)
    for chapter, kind in [(CHAPTER, "SyntaxError"), ("losses", "IndentationError")]:
        output = next(t.output for t in result.tests if t.chapter == chapter)
        assert kind in output and "top level" not in output, output
        assert "reads none of the file" in output and "fix the line it names" in output, output


def test_a_notebook_exported_as_it_was_is_told_what_to_change(tmp_path):
    """Files as they come out of a notebook: a % command ("SyntaxError: invalid syntax", with no
    line), nbconvert's get_ipython() calls (NameError), the notebook's JSON saved as .py
    (NameError: 'false'), a notebook not exported, a zip's extra folder; also Python 3.12's
    `type X = ...`, a relative import, and a URL in a message (cut to "https:/nn.html")."""
    reference = runner.REFERENCE_DIR
    (tmp_path / "activations.py").write_text(
        "%matplotlib inline\n" + (reference / "activations.py").read_text())
    (tmp_path / "losses.py").write_text(
        "get_ipython().run_line_magic('matplotlib', 'inline')\n"
        + (reference / "losses.py").read_text())
    (tmp_path / "mlp.py").write_text('{\n "cells": [{"metadata": {"collapsed": false}}]\n}\n')
    (tmp_path / "optimizers.py").write_text("type Params = list\n")
    (tmp_path / "overfitting.py").write_text("from .activations import relu\n")
    (tmp_path / "neural_networks.ipynb").write_text("{}")
    (tmp_path / "unzipped" / "exercises").mkdir(parents=True)
    (tmp_path / "unzipped" / "exercises" / "softmax_regression.py").write_text("")
    (tmp_path / f"{CHAPTER}.py").write_text(REFERENCE.read_text() + (
        "\n\ndef squared_loss(y_hat, y):\n"
        "    raise KeyError('see https://pytorch.org/docs/stable/nn.html')\n"))  # fmt: skip
    result = runner.grade_submission(tmp_path, timeout=10.0)
    said = {}
    for t in result.tests:
        said.setdefault(t.exercise if t.chapter == CHAPTER else t.chapter, t.output)
    assert "Jupyter commands, not Python" in said["activations"]
    assert "%matplotlib inline\n    ^" in said["activations"]  # the line and a caret
    assert "get_ipython() and display() exist only in Jupyter" in said["losses"]
    assert "is a Jupyter notebook (its JSON)" in said["mlp"]
    assert "Python 3.11" in said["optimizers"]
    assert "Each module is graded on its own" in said["overfitting"]
    assert "neural_networks.ipynb is a notebook" in said["neural_networks"]
    assert "unzipped/exercises/softmax_regression.py is graded as nothing" in said[
        "softmax_regression"]
    assert "https://pytorch.org/docs/stable/nn.html" in said["squared_loss"]


def test_a_module_that_waits_for_its_user_at_import_is_told_to_move_that_code(tmp_path):
    """What a learner's script does at the top level and the grader cannot give: the answer
    check the notebooks end with (coursekit.check), a prompt (input), a command line
    (argparse). Each message names the call and where it can go."""
    reference = runner.REFERENCE_DIR
    (tmp_path / "activations.py").write_text(
        (reference / "activations.py").read_text() + "\nimport coursekit\n"
        "coursekit.check('activations')\n")
    (tmp_path / "losses.py").write_text(
        "epochs = int(input('epochs? '))\n" + (reference / "losses.py").read_text())
    (tmp_path / "mlp.py").write_text(
        "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--lr')\n"
        "args = parser.parse_args()\n" + (reference / "mlp.py").read_text())
    result = runner.grade_submission(tmp_path, ["activations", "losses", "mlp"], timeout=10.0)
    said = {t.chapter: t.output for t in result.tests}
    assert result.score == 0, said
    assert "calls coursekit when it is imported: delete that call" in said["activations"]
    assert "input() waits for a keyboard" in said["losses"]
    assert "parse_args() read the grader's command line" in said["mlp"]
    for chapter in said:
        assert 'if __name__ == "__main__":' in said[chapter], said[chapter]


def test_values_gathered_with_torch_tensor_are_told_they_cut_the_graph(tmp_path):
    """Outside code builds a loss from a list of 0-d tensors with torch.tensor([...]): right
    values, no gradient. The message named no_grad and .item(), not that copy (session 27)."""
    source = (runner.REFERENCE_DIR / "softmax_regression.py").read_text() + (
        "\n\ndef cross_entropy(y_hat, y):\n"
        "    return torch.tensor([-torch.log(y_hat[i, y[i]]) for i in range(len(y))],\n"
        "                        dtype=y_hat.dtype)\n")  # fmt: skip
    (tmp_path / "softmax_regression.py").write_text(source)
    result = runner.grade_submission(tmp_path, ["softmax_regression"], timeout=10.0)
    said = [t.output for t in result.tests if t.exercise == "cross_entropy" and not t.passed]
    assert said and any("No gradient flows" in s and "torch.stack" in s for s in said), said


def test_a_data_loader_returned_is_told_to_return_an_iterator(tmp_path):
    """d2l's load_array returns a DataLoader, which can be iterated but is no iterator: the
    message said only that it is not a tensor, number, list or tuple (session 27)."""
    source = REFERENCE.read_text() + (
        "\n\ndef data_iter(batch_size, features, labels):\n"
        "    from torch.utils.data import DataLoader, TensorDataset\n"
        "    return DataLoader(TensorDataset(features, labels), batch_size, shuffle=True)\n")
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    said = [t.output for t in result.tests if t.exercise == "data_iter" and not t.passed]
    assert said and all("return iter(...) of it" in s for s in said), said


def test_a_module_saved_as_utf16_is_told_to_save_it_as_utf8(tmp_path):
    """Notepad's "Unicode" is UTF-16: Python's "source code string cannot contain null bytes"
    alone does not tell a learner what to do."""
    (tmp_path / f"{CHAPTER}.py").write_bytes(REFERENCE.read_text().encode("utf-16"))
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    assert result.score == 0
    assert all("saved as UTF-16" in t.output and "save it as UTF-8" in t.output
               for t in result.tests), result.tests[0].output  # fmt: skip


def test_a_traceback_names_the_students_file_not_the_graders_folders(tmp_path):
    """A traceback in a report shows the student's module by its own name and a library's file
    inside its installation, never a folder of the grading machine (its temporary run folder,
    its Python installation)."""
    source = REFERENCE.read_text() + (
        "\n\ndef squared_loss(y_hat, y):\n    return (y_hat - y.reshape(3, 7)) ** 2 / 2\n"
        "\n\ndef linreg(X, w, b):\n    import torch.nn.functional as F\n"
        "    return F.cross_entropy(X, w)\n"
    )
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    outputs = {t.exercise: t.output for t in result.tests if not t.passed}
    line = source.splitlines().index("    return (y_hat - y.reshape(3, 7)) ** 2 / 2") + 1
    assert f'File "{CHAPTER}.py", line {line}, in squared_loss' in outputs["squared_loss"]
    assert 'File "torch/nn/functional.py"' in outputs["linreg"]
    for output in outputs.values():
        for folder in ("coursekit-grading", sys.prefix, str(runner.REPO), str(tmp_path)):
            assert folder not in output, f"{folder} shown to the student: {output}"


@pytest.mark.parametrize("last", [
    "    return X, torch.matmul(X, w).reshape(-1, 1) + b",  # X float32, w float64 in a test
    "    X.backward()\n    return X, torch.matmul(X, w).reshape(-1, 1) + b",  # no grad_fn
])  # fmt: skip
def test_a_traceback_shows_no_frame_of_the_graders_own_watch(tmp_path, last):
    """A size or dtype error in a torch operation ends at the student's line, as it does when
    they run it themselves: the frames the grader's modes add (``torch/_ops.py``, where its
    dispatch mode calls the operation; ``torch/overrides.py``, where torch hands a call to its
    function mode) are not theirs and only hide the lines that matter."""
    source = REFERENCE.read_text() + (
        "\n\ndef synthetic_data(w, b, num_examples):\n    import torch\n"
        f"    X = torch.normal(0, 1, (num_examples, len(w)))\n{last}\n"
    )
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    outputs = [t.output for t in result.tests if t.exercise == "synthetic_data" and not t.passed]
    line = source.splitlines().index(last.splitlines()[0]) + 1
    assert any(f'File "{CHAPTER}.py", line {line}, in synthetic_data' in o for o in outputs)
    for output in outputs:
        assert "torch/_ops.py" not in output and "torch/overrides.py" not in output, output
        assert "handle_torch_function" not in output, output


def test_only_the_exception_raised_counts_not_its_name_or_message(tmp_path):
    """A check that a function raises ValueError accepts a subclass of ValueError (as `except
    ValueError` would), and nothing that only looks like one: a message naming ValueError, a
    class of the student's own called ValueError."""
    chapter = "overfitting"
    reference = (runner.REFERENCE_DIR / f"{chapter}.py").read_text()
    cases = {
        "subclass": ("class EmptyHistoryError(ValueError):\n    pass\n\n\n"
                     "def best_epoch(scores):\n    if not scores:\n"
                     "        raise EmptyHistoryError('no scores')\n"
                     "    return scores.index(max(scores)) + 1\n"),
        "message": ("def best_epoch(scores):\n    if not scores:\n"
                    "        raise RuntimeError('best_epoch() raised ValueError')\n"
                    "    return scores.index(max(scores)) + 1\n"),
        "own_class": ("class ValueError(Exception):\n    pass\n\n\n"
                      "def best_epoch(scores):\n    if not scores:\n"
                      "        raise ValueError('no scores')\n"
                      "    return scores.index(max(scores)) + 1\n"),
    }  # fmt: skip
    for case, override in cases.items():
        (tmp_path / case).mkdir()
        (tmp_path / case / f"{chapter}.py").write_text(reference + "\n\n" + override)
        result = runner.grade_submission(tmp_path / case, [chapter], timeout=10.0)
        empty = [t for t in result.tests if t.name == "test_best_epoch_empty_history"]
        assert len(empty) == 1 and empty[0].passed == (case == "subclass"), (case, empty)


def test_backward_on_an_input_without_grad_is_told_what_to_do(tmp_path):
    """``loss.backward()`` in an exercise that asks for gradients by hand (``mlp_backward``)
    raised torch's "element 0 of tensors does not require grad" with no word of why the inputs
    have none or what to write instead."""
    source = REFERENCE.read_text() + (
        "\n\ndef linreg(X, w, b):\n    (X @ w + b).sum().backward()\n    return w.grad\n"
    )
    (tmp_path / f"{CHAPTER}.py").write_text(source)
    result = runner.grade_submission(tmp_path, [CHAPTER], timeout=10.0)
    outputs = [t.output for t in result.tests if t.exercise == "linreg" and not t.passed]
    assert any("does not require grad" in o for o in outputs), outputs
    assert all("chain rule" in o for o in outputs if "does not require grad" in o), outputs


OOM_SPY = '''

def squared_loss(y_hat, y):
    path = "/proc/self/oom_score_adj"
    before = open(path).read().strip()
    try:
        with open(path, "w") as f:
            f.write("0")
        lowered = "lowered"
    except OSError as exc:
        lowered = type(exc).__name__
    raise ValueError(f"OOM {before} {lowered} {open(path).read().strip()} OOM")
'''


@pytest.mark.parametrize("user", ["as-is", "nobody"])
def test_the_out_of_memory_killer_takes_student_processes_first(user, shared_folder):
    """Where the container (or machine) runs out of memory before the grader's half-second watch
    looks (a platform's container is often smaller than --memory), the kernel kills the process
    of the largest RSS: student processes, each kept smaller than the trusted grader (torch and
    the reference loaded), can make the grader that one (reasoned from the kernel's choice, not
    run here): no results.json, and the platform shows "the autograder failed", a bit of a
    hidden test's input chosen by student code, each submission (red team 13). Student
    processes now score 1000, the most, first to go, and cannot lower it."""
    folder = shared_folder / "spy"
    folder.mkdir()
    (folder / f"{CHAPTER}.py").write_text(REFERENCE.read_text() + OOM_SPY)
    command = [sys.executable, "-m", "coursekit", "grade", str(folder), "--chapter", CHAPTER,
               "--json", str(shared_folder / "r.json")]  # fmt: skip
    _grade_as(user, command, shared_folder)
    [result] = json.loads((shared_folder / "r.json").read_text())
    said = next(t["output"] for t in result["tests"] if "OOM" in t["output"])
    before, lowered, after = said.split("OOM ")[1].split()[:3]
    assert (before, after) == ("1000", "1000"), said
