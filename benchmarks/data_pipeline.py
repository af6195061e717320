"""One epoch over Fashion-MNIST's training set at batch 256, three loaders side by side.

    .venv/bin/python benchmarks/data_pipeline.py [--repeats 2]

1. coursekit: the whole dataset is one uint8 tensor; batches are slices of it.
2. torchvision's FashionMNIST with ToTensor and a DataLoader, 0 worker processes.
3. The same with 4 worker processes, as the course's sources (d2l) set it up.

Each loader is timed over full epochs in this one run (best of --repeats), including the
time to start its iterator (worker start-up is part of what a learner waits for).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from coursekit.data import FASHION_MNIST_FILES, find_fashion_mnist, load_data_fashion_mnist

BATCH_SIZE = 256


def one_epoch(loader) -> tuple[float, int]:
    start = time.perf_counter()
    seen = 0
    for _, y in loader:
        seen += len(y)
    return time.perf_counter() - start, seen


def best_epoch_time(loader, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        seconds, seen = one_epoch(loader)
        if seen != 60_000:
            raise RuntimeError(f"an epoch saw {seen} examples, expected 60,000")
        times.append(seconds)
    return min(times)


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
    parser.add_argument("--repeats", type=int, default=2, help="epochs per loader (best is kept)")
    args = parser.parse_args()
    torch.manual_seed(0)

    start = time.perf_counter()
    train_iter, _ = load_data_fashion_mnist(BATCH_SIZE)
    coursekit_load = time.perf_counter() - start
    root = torchvision_root(find_fashion_mnist())
    dataset = datasets.FashionMNIST(str(root), train=True, transform=transforms.ToTensor())

    rows = [("coursekit (in-memory tensor)", best_epoch_time(train_iter, args.repeats))]
    for workers in (0, 4):
        loader = DataLoader(dataset, BATCH_SIZE, shuffle=True, num_workers=workers)
        rows.append((f"torchvision + ToTensor, {workers} workers",
                     best_epoch_time(loader, args.repeats)))

    ours = rows[0][1]
    print(f"One epoch of Fashion-MNIST training data, batch {BATCH_SIZE}, "
          f"best of {args.repeats}, {torch.get_num_threads()} torch threads")
    print(f"(coursekit's one-off load into memory: {coursekit_load:.2f} s)\n")
    print(f"{'loader':<36}{'seconds':>10}{'coursekit speedup':>20}")
    for name, seconds in rows:
        print(f"{name:<36}{seconds:>10.3f}{seconds / ours:>19.1f}x")
    worst = min(seconds / ours for _, seconds in rows[1:])
    verdict = "met" if worst >= 20 else "NOT met"
    print(f"\nGoal: at least 20x over both torchvision setups: {verdict} ({worst:.1f}x).")


if __name__ == "__main__":
    main()
