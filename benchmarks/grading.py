"""How long grading takes and how much memory it holds, and what the isolation costs.

    .venv/bin/python benchmarks/grading.py [--repeats 5] [--submissions 6] [--jobs 2]

1. one full correct submission (the reference answers of every chapter), graded end to end
   with ``python -m coursekit grade`` (interpreter start, torch imports in the grading process
   and its zygote, worker, every test): one warm-up run, then ``--repeats`` timed runs; median
   and spread (min-max) of wall and CPU time (CPU: the whole process tree);
2. ``--submissions`` copies of it graded with ``--jobs``, ``--repeats`` times interleaved with
   (1): per-submission wall time; then three more such runs for the peak memory of the whole
   process tree (coordinator, grading processes, zygotes, workers), summed as PSS (shared pages
   counted once) and as RSS. Memory is watched only in those: reading it slows what it watches;
3. per submission, in this process: the tests against the reference modules called in-process
   (no isolation) versus through a worker (start + calls + safe data transfer);
4. per message: the wire format (``coursekit/grading/wire.py``) against what it replaced,
   ``torch.save`` + ``torch.load(weights_only=True)``, on a typical reply.

Threads: every command runs with ``OMP_NUM_THREADS=1`` (the workers always do). Goal (issue 16):
at most 5 s per full submission, median, on a quiet 2-core machine. Figures measured on a
loaded machine are inflated: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["OMP_NUM_THREADS"] = "1"

import torch  # noqa: E402

from coursekit.grading import runner, wire  # noqa: E402
from coursekit.grading.isolation import InProcessStudent, Worker  # noqa: E402

torch.set_num_threads(1)


def correct_submission(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for chapter in runner.chapters():
        shutil.copy(runner.REFERENCE_DIR / f"{chapter}.py", folder / f"{chapter}.py")
    return folder


def _tree_memory(root: int) -> tuple[int, int]:
    """(PSS, RSS) in bytes summed over ``root`` and all its descendants."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(stat[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, grown = {root}, True
    while grown:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grown = bool(more)
    pss = rss = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith(("Pss:", "Rss:")):
                    kib = int(line.split()[1]) * 1024
                    pss, rss = (pss + kib, rss) if line.startswith("Pss:") else (pss, rss + kib)
        except (OSError, ValueError):
            pass
    return pss, rss


def grade(*args: str, memory: bool = False) -> tuple[float, float, int, int]:
    """(wall s, CPU s of the whole tree, peak PSS, peak RSS) of ``python -m coursekit grade``.

    The peaks are 0 unless ``memory``: reading every process's ``smaps_rollup`` each 50 ms
    walks their page tables, which costs CPU and slows the processes measured, so the timing
    runs do not watch memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "coursekit", "grade", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = (0, 0)
    while memory and proc.poll() is None:
        pss, rss = _tree_memory(proc.pid)
        peak = (max(peak[0], pss), max(peak[1], rss))
        time.sleep(0.05)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0 or " 0 /" in out:
        raise SystemExit(f"grading failed:\n{out}\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, *peak


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


def spread(values: list[float], scale: float = 1.0, unit: str = "s") -> str:
    v = [x / scale for x in values]
    return f"median {statistics.median(v):7.2f} {unit}  (min {min(v):.2f}, max {max(v):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--submissions", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    chapters = runner.chapters()
    tests = sum(len(runner.checks(c)) for c in chapters)
    print(f"chapters: {', '.join(chapters)} ({tests} grading tests); OMP_NUM_THREADS=1;")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    one_wall, one_cpu, many_wall, pss, rss = [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        one = correct_submission(Path(tmp) / "one" / "student")
        many = Path(tmp) / "many"
        for i in range(args.submissions):
            shutil.copytree(one, many / f"student{i:02d}")
        grade(str(one.parent))  # warm-up: file caches, .pyc files
        for _ in range(args.repeats):  # interleaved: load changes hit both alike
            wall, cpu, *_ = grade(str(one.parent))
            one_wall.append(wall)
            one_cpu.append(cpu)
            wall, *_ = grade(str(many), "--jobs", str(args.jobs))
            many_wall.append(wall / args.submissions)
        for _ in range(3):  # memory apart: watching it slows what is timed
            _, _, peak_pss, peak_rss = grade(str(many), "--jobs", str(args.jobs), memory=True)
            pss.append(peak_pss)
            rss.append(peak_rss)
        print(f"1 full submission, wall (end to end)      {spread(one_wall)}")
        print(f"1 full submission, CPU (whole tree)       {spread(one_cpu)}")
        many_label = f"per submission, {args.submissions} with --jobs {args.jobs}, wall"
        print(f"{many_label:<42}{spread(many_wall)}")
        print(f"peak memory of grade --jobs {args.jobs}, PSS       {spread(pss, 2**20, 'MiB')}")
        print(f"peak memory of grade --jobs {args.jobs}, RSS       {spread(rss, 2**20, 'MiB')}")
        verdict = "met" if statistics.median(one_wall) <= 5 else "NOT met"
        print(f"goal: at most 5 s per full submission (median): {verdict}"
              f" (load average now {os.getloadavg()[0]:.1f})")  # fmt: skip
        # CPU time hardly changes with load; on a quiet machine the wall time is at least the
        # CPU time spread over the cores (the two torch imports run side by side).
        print(f"  lower bound on a quiet {os.cpu_count()}-core machine: CPU / cores ="
              f" {statistics.median(one_cpu) / os.cpu_count():.2f} s")  # fmt: skip
        runner.warm_up()
        in_process_seconds()  # warm up imports and lazy initialisation
        isolated_seconds(one)  # starts the zygote
        local = [in_process_seconds() for _ in range(args.repeats)]
        isolated = [isolated_seconds(one) for _ in range(args.repeats)]
    print(f"tests in-process, no isolation             {spread(local)}")
    print(f"tests through the worker: start            {spread([i[0] for i in isolated])}")
    print(f"tests through the worker: calls            {spread([i[1] for i in isolated])}")
    print(f"requests to the worker per submission: {isolated[0][2]}")
    fast, slow = message_seconds()
    print(f"one reply: wire {fast * 1e6:.0f} us, torch.save + torch.load {slow * 1e6:.0f} us"
          f" ({slow / fast:.1f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
