"""One epoch over Fashion-MNIST's training set at batch 256, three loaders side by side.

    .venv/bin/python benchmarks/data_pipeline.py [--repeats 5] [--threads 1] [--load 0 2]

1. coursekit: the whole dataset is one uint8 tensor; batches are slices of it.
2. torchvision's FashionMNIST with ToTensor and a DataLoader, 0 worker processes.
3. The same with 4 worker processes, as the course's sources (d2l) set it up.

Each loader first runs one untimed warm-up epoch. Then the loaders take turns, one epoch each,
for --repeats rounds (the order rotates every round, so machine load hits all of them alike).
An epoch's time includes starting its iterator (worker start-up is part of what a learner
waits for). The table gives the median wall time with its min-max spread and the median CPU
time (this process plus its finished worker processes). torch's threads are fixed (--threads,
default 1): with more threads than free cores, torch's threads stall each other.

--load N runs the whole measurement next to N busy-loop processes; several values measure once
per value, in one run, so that the verdicts can be compared (``--load 0 2``: quiet, then next
to two CPU-bound processes).

The verdict is about work: the median of the per-round CPU-time ratios, which machine load
leaves nearly unchanged. Wall-time ratios are printed too, but they measure the machine as well
as the loader: on a busy machine the scheduler shares the cores per process, so the 4-worker
loader (5 processes) takes a larger share of the CPU than coursekit (1 process), and its
wall-time ratio shrinks although it does as much work as before. The "CPU/wall" column shows
the share of a core each loader got.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from coursekit.data import FASHION_MNIST_FILES, find_fashion_mnist, load_data_fashion_mnist

BATCH_SIZE = 256
GOAL = 20


def one_epoch(loader) -> tuple[float, float]:
    """Wall and CPU seconds of one pass (CPU includes worker processes that ended)."""
    wall, cpu = time.perf_counter(), _cpu_seconds()
    seen = 0
    for _, y in loader:
        seen += len(y)
    if seen != 60_000:
        raise RuntimeError(f"an epoch saw {seen} examples, expected 60,000")
    return time.perf_counter() - wall, _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def torchvision_root(folder: Path) -> Path:
    """torchvision expects ROOT/FashionMNIST/raw/<files>: link coursekit's verified files."""
    root = Path(tempfile.mkdtemp(prefix="fmnist-tv-"))
    raw = root / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    for stem in FASHION_MNIST_FILES:
        (raw / stem).symlink_to(folder / stem)
    return root


@contextlib.contextmanager
def busy_loops(n: int):
    """Run n CPU-bound processes (a bare Python loop each) for the duration of the block.

    Their CPU time is not counted: they are waited for only after the measurement.
    """
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        yield
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.wait()


def measure(loaders: dict, repeats: int) -> tuple[dict, dict]:
    """Warm up each loader, then time ``repeats`` interleaved rounds, the order rotating."""
    names = list(loaders)
    for loader in loaders.values():  # warm-up, not timed
        one_epoch(loader)
    wall = {name: [] for name in names}
    cpu = {name: [] for name in names}
    for r in range(repeats):
        k = r % len(names)
        for name in names[k:] + names[:k]:
            w, c = one_epoch(loaders[name])
            wall[name].append(w)
            cpu[name].append(c)
    return wall, cpu


def median_ratio(theirs: list[float], ours: list[float]) -> float:
    """The median of the per-round ratios (rounds pair epochs measured close in time)."""
    return statistics.median(t / o for t, o in zip(theirs, ours, strict=True))


def report(wall: dict, cpu: dict, load: int) -> float:
    """Print one table; return the smallest CPU-time speedup over the torchvision loaders."""
    names = list(wall)
    ours = names[0]
    print(f"\nNext to {load} busy-loop process(es):")
    print(f"{'loader':<36}{'wall median':>12}{'(min-max)':>18}{'CPU median':>12}"
          f"{'CPU/wall':>10}{'speedup wall':>14}{'speedup CPU':>13}")
    cpu_speedups, wall_speedups = [], []
    for name in names:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        by_wall, by_cpu = median_ratio(wall[name], wall[ours]), median_ratio(cpu[name], cpu[ours])
        if name != ours:
            cpu_speedups.append(by_cpu)
            wall_speedups.append(by_wall)
        print(f"{name:<36}{w:>11.3f}s{f'({min(wall[name]):.3f}-{max(wall[name]):.3f})':>18}"
              f"{c:>11.3f}s{c / w:>10.2f}{by_wall:>13.1f}x{by_cpu:>12.1f}x")
    worst = min(cpu_speedups)
    print(f"Goal, at least {GOAL}x less CPU time per epoch than both torchvision setups: "
          f"{'met' if worst >= GOAL else 'NOT met'} ({worst:.1f}x; in wall time "
          f"{min(wall_speedups):.1f}x).")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed rounds (at least 5)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument(
        "--load", type=int, nargs="+", default=[0], metavar="N",
        help="busy-loop processes to run beside the measurement; several values measure once each",
    )  # fmt: skip
    args = parser.parse_args()
    if args.repeats < 5:
        parser.error("--repeats must be at least 5 for a median and a spread")
    if min(args.load) < 0:
        parser.error("--load takes counts of processes, 0 or more")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    warnings.filterwarnings("ignore", message="This DataLoader will create")  # 4 workers, 2 cores

    start = time.perf_counter()
    train_iter, _ = load_data_fashion_mnist(BATCH_SIZE)
    coursekit_load = time.perf_counter() - start
    root = torchvision_root(find_fashion_mnist())
    dataset = datasets.FashionMNIST(str(root), train=True, transform=transforms.ToTensor())
    loaders = {"coursekit (in-memory tensor)": train_iter}
    for workers in (0, 4):
        loaders[f"torchvision + ToTensor, {workers} workers"] = DataLoader(
            dataset, BATCH_SIZE, shuffle=True, num_workers=workers
        )
    print(f"One epoch of Fashion-MNIST training data, batch {BATCH_SIZE}, {args.repeats} "
          f"interleaved rounds after a warm-up, {torch.get_num_threads()} torch thread(s)")
    print(f"(coursekit's one-off load into memory: {coursekit_load:.2f} s; speedups are medians "
          f"of per-round ratios)")
    verdicts = {}
    for load in args.load:
        with busy_loops(load):
            wall, cpu = measure(loaders, args.repeats)
        verdicts[load] = report(wall, cpu, load) >= GOAL
    if len(verdicts) > 1:
        same = len(set(verdicts.values())) == 1
        print(f"\nThe verdicts {'agree' if same else 'DIFFER'} across loads "
              f"{', '.join(map(str, verdicts))}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
