"""A cheating submission for the self-tests: the reference answers, on the public inputs only.

``replaying_submission(chapter, worker, folder)`` runs the chapter's public tests on the
reference, notes the arguments of every call, and writes ``folder/<chapter>/<chapter>.py``: the
reference functions wrapped so that they answer only those arguments (anything else raises
``NotImplementedError``). It passes every public test and, if the hidden tests use other inputs,
fails every hidden one (``test_release.py``, ``test_autograder.py``). Instructor-only.
"""

from __future__ import annotations

import inspect
import os
import shutil
from pathlib import Path

from coursekit.grading import runner
from coursekit.grading.api import WithGrad


def _key(value):
    """A fingerprint of call arguments; the same function runs in the cheating submission."""
    import hashlib as _h

    import torch as _t

    def walk(v):
        if hasattr(v, "tensor") and hasattr(v, "grad") and not isinstance(v, _t.Tensor):
            v = v.tensor
        if isinstance(v, _t.Tensor):
            return ("T", str(v.dtype), tuple(v.shape), repr(v.detach().flatten().tolist()))
        if isinstance(v, list | tuple):
            return ("L", tuple(walk(x) for x in v))
        if isinstance(v, dict):
            return ("D", tuple((k, walk(x)) for k, x in sorted(v.items())))
        return ("V", repr(v))

    return _h.sha256(repr(walk(value)).encode()).hexdigest()


class _Logging:
    """Forwards to a ``Student`` and notes the arguments of every call."""

    def __init__(self, student, log: dict):
        self._student, self._log = student, log

    def run(self, fn, *args, seed=None, grad=False, no_grad=False, watch=True, **kwargs):
        self._log.setdefault(fn, set()).add(_key([list(args), kwargs]))
        return self._student.run(fn, *args, seed=seed, grad=grad, no_grad=no_grad, watch=watch,
                                 **kwargs)

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self._log.setdefault(name, set()).add(_key([list(args), kwargs]))
            return getattr(self._student, name)(*args, **kwargs)

        return call


def replaying_submission(chapter: str, worker, tmp_path: Path) -> Path:
    """The reference answers, but only on the public tests' inputs: elsewhere, nothing."""
    from coursekit.grading.isolation import Student

    assert WithGrad  # _key unwraps it (by duck typing, so that the worker needs no coursekit)
    log: dict[str, set] = {}
    reference_path = runner.REFERENCE_DIR / f"{chapter}.py"
    student = Student(worker, f"log:{chapter}", chapter, reference_path)
    reference = runner.reference_module(chapter)
    for check in runner.checks(chapter):
        if not check.hidden:
            runner.run_check(check, _Logging(student, log), reference)
    # The real functions keep the unwrapped module globals, so that they can call each other.
    wrappers = [inspect.getsource(_key), "import types as _types\n_G = dict(globals())\n"]
    for fn, keys in log.items():
        wrappers.append(
            f"_real_{fn} = _types.FunctionType({fn}.__code__, _G, {fn!r}, {fn}.__defaults__)\n"
            f"_real_{fn}.__kwdefaults__ = {fn}.__kwdefaults__\n"
            f"def {fn}(*args, **kwargs):\n"
            f"    if _key([list(args), kwargs]) in {sorted(keys)!r}:\n"
            f"        return _real_{fn}(*args, **kwargs)\n"
            f"    raise NotImplementedError('not a public input')\n"
        )
    path = tmp_path / chapter / f"{chapter}.py"
    path.parent.mkdir(parents=True)
    path.write_text(reference_path.read_text() + "\n\n" + "\n\n".join(wrappers))
    return path


def trusted_worker_for_tests():
    """(A pytest fixture in the tests.) A worker for trusted code (reference, mutants, replays)
    across many chapters: without the time budget meant for one student's submission, which
    the session's ``grading_worker`` spends across every test."""
    from coursekit.grading.isolation import Worker

    with Worker(budget=float("inf")) as worker:
        worker.start()
        yield worker


def replays_for_tests(tmp_path_factory) -> dict[str, Path]:
    """(A session fixture in the tests.) ``{chapter: replaying module}`` for every chapter,
    made once per pytest run: the first xdist worker to ask makes them (under a lock), the
    other finds them made, so that test_release.py and test_autograder.py, which may run on
    either worker, share them. Nothing writes into them."""
    import fcntl

    from coursekit.grading.isolation import Worker

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # this run's folder, which holds each worker's own
    folder = root / "replays"
    with open(root / "replays.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # until the file is closed
        if not (folder / "made").exists():
            shutil.rmtree(folder, ignore_errors=True)  # left half made by a failed attempt
            folder.mkdir()
            with Worker(budget=float("inf")) as worker:
                worker.start()
                for chapter in runner.chapters():
                    replaying_submission(chapter, worker, folder)
            (folder / "made").touch()
    return {chapter: folder / chapter / f"{chapter}.py" for chapter in runner.chapters()}
