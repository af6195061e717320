"""One epoch over Fashion-MNIST's training set at batch 256, three loaders side by side.

    .venv/bin/python benchmarks/data_pipeline.py [--repeats 5] [--threads 1]

1. coursekit: the whole dataset is one uint8 tensor; batches are slices of it.
2. torchvision's FashionMNIST with ToTensor and a DataLoader, 0 worker processes.
3. The same with 4 worker processes, as the course's sources (d2l) set it up.

Each loader first runs one untimed warm-up epoch. Then the loaders take turns, one epoch each,
for --repeats rounds (the order rotates every round, so machine load hits all of them alike).
An epoch's time includes starting its iterator (worker start-up is part of what a learner
waits for). The table gives the median wall time with its min-max spread and the median CPU
time (this process plus its finished worker processes). The verdict uses the median of the
per-round speedups. torch's threads are fixed (--threads, default 1): with more threads than
free cores, torch's threads stall each other on a busy machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from coursekit.data import FASHION_MNIST_FILES, find_fashion_mnist, load_data_fashion_mnist

BATCH_SIZE = 256


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed rounds (at least 5)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    args = parser.parse_args()
    if args.repeats < 5:
        parser.error("--repeats must be at least 5 for a median and a spread")
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
    names = list(loaders)
    for loader in loaders.values():  # warm-up, not timed
        one_epoch(loader)
    wall = {name: [] for name in names}
    cpu = {name: [] for name in names}
    for r in range(args.repeats):
        for name in names[r % 3:] + names[: r % 3]:
            w, c = one_epoch(loaders[name])
            wall[name].append(w)
            cpu[name].append(c)

    ours = names[0]
    print(f"One epoch of Fashion-MNIST training data, batch {BATCH_SIZE}, {args.repeats} "
          f"interleaved rounds after a warm-up, {torch.get_num_threads()} torch thread(s)")
    print(f"(coursekit's one-off load into memory: {coursekit_load:.2f} s)\n")
    print(f"{'loader':<36}{'wall median':>12}{'(min-max)':>18}{'CPU median':>12}{'speedup':>10}")
    speedups = {}
    for name in names:
        ratios = [t / o for t, o in zip(wall[name], wall[ours], strict=True)]
        speedups[name] = statistics.median(ratios)
        print(f"{name:<36}{statistics.median(wall[name]):>11.3f}s"
              f"{f'({min(wall[name]):.3f}-{max(wall[name]):.3f})':>18}"
              f"{statistics.median(cpu[name]):>11.3f}s{speedups[name]:>9.1f}x")
    worst = min(speedups[name] for name in names[1:])
    verdict = "met" if worst >= 20 else "NOT met"
    print(f"\nGoal: at least 20x over both torchvision setups (median of per-round wall-time "
          f"speedups): {verdict} ({worst:.1f}x).")


if __name__ == "__main__":
    main()
