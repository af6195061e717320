"""How long grading takes, and what the isolation costs.

    .venv/bin/python benchmarks/grading.py [--submissions 20] [--jobs 2]

1. one full correct submission (the reference answers of every chapter), graded end to end
   with ``python -m coursekit grade`` (interpreter start, torch imports, worker, every test),
   three times: the first run may find cold file caches;
2. ``--submissions`` copies of it graded with ``--jobs``;
3. per submission: the same tests run against the reference modules called in-process (no
   isolation) versus through a worker (start + calls + safe data transfer);
4. per message: the grader's wire format (``coursekit/grading/wire.py``) against what it
   replaced, ``torch.save`` + ``torch.load(weights_only=True)``, on a typical reply (an
   optimizer step: parameters and state, a dozen small tensors), encoded and decoded.

The goal is under 10 s for one submission on the 2-core machine.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import torch  # noqa: E402

from coursekit.grading import runner, wire  # noqa: E402
from coursekit.grading.isolation import InProcessStudent, Worker  # noqa: E402


def correct_submission(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in runner.chapters():
        shutil.copy(runner.REFERENCE_DIR / f"{chapter}.py", folder / f"{chapter}.py")
    return folder


def cli(*args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "coursekit", "grade", *args],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"grading failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def in_process_seconds() -> float:
    start = time.perf_counter()
    for chapter in runner.chapters():
        reference = runner.reference_module(chapter)
        student = InProcessStudent(reference, chapter)
        for check in runner.checks(chapter):
            runner.run_check(check, student, reference)
    return time.perf_counter() - start


def isolated_seconds(folder: Path) -> tuple[float, float, int]:
    """(worker start, grading calls, messages) for one submission; the zygote is running."""
    start = time.perf_counter()
    with Worker() as worker:
        worker.start()
        started = time.perf_counter()
        runner.grade_modules(runner.submission_modules(folder, runner.chapters()), worker=worker)
        return started - start, time.perf_counter() - started, worker.exchanges


def message_seconds(repeats: int = 300) -> tuple[float, float]:
    """Seconds per round trip of a typical reply: (wire format, torch.save + torch.load)."""
    def params():  # distinct tensors, as the worker sends (it copies every tensor it returns)
        return [torch.randn(4), torch.randn(3, 2)]

    reply = {
        "ok": True,
        "value": (params(), {"step": 3, "m": params(), "v": params()}),
        "args": [params(), params(), {"step": 2, "m": params(), "v": params()}],
        "grads": None,
        "arg_grads": [[None, None], [None, None], {"m": [None, None]}],
    }

    def with_torch():
        buffer = io.BytesIO()
        torch.save(reply, buffer)
        torch.load(io.BytesIO(buffer.getvalue()), weights_only=True)

    def with_wire():
        wire.decode(wire.encode(reply))

    timings = []
    for fn in (with_wire, with_torch):
        fn()
        start = time.perf_counter()
        for _ in range(repeats):
            fn()
        timings.append((time.perf_counter() - start) / repeats)
    return timings[0], timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        one = correct_submission(Path(tmp) / "one" / "student")
        runs = [cli(str(one.parent)) for _ in range(3)]
        rows.append(("grade 1 full correct submission (CLI, end to end), first run", runs[0]))
        rows.append(("  the same, median of 3 runs", statistics.median(runs)))
        many = Path(tmp) / "many"
        for i in range(args.submissions):
            shutil.copytree(one, many / f"student{i:02d}")
        seconds = cli(str(many), "--jobs", str(args.jobs))
        rows.append((f"grade {args.submissions} submissions, --jobs {args.jobs} (CLI)", seconds))
        per = seconds / args.submissions
        rows.append((f"  per submission ({args.submissions} over {args.jobs} jobs)", per))
        runner.warm_up()
        in_process_seconds()  # warm up imports and lazy initialisation
        isolated_seconds(one)  # starts the zygote
        local = min(in_process_seconds() for _ in range(3))
        start, calls, messages = min(isolated_seconds(one) for _ in range(3))
        rows.append(("tests in-process, no isolation (per submission)", local))
        rows.append(("tests through the worker: start a worker", start))
        rows.append(("tests through the worker: calls", calls))
        rows.append(("isolation overhead per submission", start + calls - local))
    fast, slow = message_seconds()
    rows.append(("one reply, wire format (encode + decode)", fast))
    rows.append(("one reply, torch.save + torch.load(weights_only=True)", slow))
    chapters = ", ".join(runner.chapters())
    tests = sum(len(runner.checks(c)) for c in runner.chapters())
    print(f"chapters: {chapters} ({tests} grading tests)")
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  seconds")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:9.4f}")
    print(f"requests to the worker per submission: {messages}")
    print(f"wire format speedup per message: {slow / fast:.1f}x")


if __name__ == "__main__":
    main()
