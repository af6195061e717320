"""Ten epochs of the concise softmax regression, trained two ways side by side in one run.

    .venv/bin/python benchmarks/softmax_training.py [--epochs 10] [--threads 1] [--workers 4]

1. coursekit: ``load_data_fashion_mnist`` (the images held in memory as one uint8 tensor,
   batches sliced from it) and ``coursekit.train``.
2. d2l's recipe: torchvision's ``FashionMNIST`` with the ``ToTensor`` transform behind
   ``DataLoader``s with 4 worker processes, and a training loop written the way *Dive into
   Deep Learning* writes ``train_ch3`` (a per-batch accuracy count, an accumulator, an
   evaluation pass per epoch).

Both runs use the same model (``nn.Flatten`` + ``nn.Linear(784, 10)``, weights N(0, 0.01)), the
same initial weights (seed 0), ``nn.CrossEntropyLoss`` and SGD with learning rate 0.1 at batch
size 256, and the same number of torch threads. Only the order of the training batches differs
(each pipeline shuffles with its own seeded generator), so the test accuracies agree closely but
not exactly. Each time includes loading the data set and starting the loaders, which is what a
learner waits for. The script prints both times, the speedup and both test accuracies, and
exits with status 1 if the accuracies differ by more than 0.01.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader

import coursekit
from coursekit.data import FASHION_MNIST_FILES, find_fashion_mnist

BATCH_SIZE = 256
LR = 0.1
SEED = 0
TOLERANCE = 0.01


def make_model() -> nn.Module:
    """The concise model with seeded N(0, 0.01) weights and zero bias."""
    torch.manual_seed(SEED)
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    nn.init.normal_(net[1].weight, mean=0.0, std=0.01)
    nn.init.zeros_(net[1].bias)
    return net


# ---------------------------------------------------------------------------------------------
# 1. coursekit
# ---------------------------------------------------------------------------------------------


def run_coursekit(num_epochs: int) -> tuple[float, float]:
    start = time.perf_counter()
    train_iter, test_iter = coursekit.load_data_fashion_mnist(BATCH_SIZE, seed=SEED)
    net = make_model()
    trainer = torch.optim.SGD(net.parameters(), lr=LR)
    loss = nn.CrossEntropyLoss(reduction="none")
    history = coursekit.train(
        net, train_iter, test_iter, loss, num_epochs, trainer, plot=False, progress=False
    )
    return time.perf_counter() - start, history["test_acc"][-1]


# ---------------------------------------------------------------------------------------------
# 2. torchvision + DataLoader workers + a d2l-style loop
# ---------------------------------------------------------------------------------------------


def torchvision_root(folder: Path) -> Path:
    """torchvision expects ROOT/FashionMNIST/raw/<files>: link coursekit's verified files."""
    root = Path(tempfile.mkdtemp(prefix="softmax-bench-"))
    raw = root / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    for stem in FASHION_MNIST_FILES:
        (raw / stem).symlink_to(folder / stem)
    return root


class RunningSums:
    """d2l's Accumulator: running sums of n numbers."""

    def __init__(self, n: int) -> None:
        self.data = [0.0] * n

    def add(self, *values: float) -> None:
        self.data = [a + float(b) for a, b in zip(self.data, values, strict=True)]

    def __getitem__(self, i: int) -> float:
        return self.data[i]


def count_correct(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    return float((y_hat.argmax(dim=1).type(y.dtype) == y).sum())


def evaluate(net: nn.Module, data_iter) -> float:
    net.eval()
    sums = RunningSums(2)
    with torch.no_grad():
        for X, y in data_iter:
            sums.add(count_correct(net(X), y), y.numel())
    return sums[0] / sums[1]


def train_epoch_d2l(net, train_iter, loss, updater) -> tuple[float, float]:
    net.train()
    sums = RunningSums(3)
    for X, y in train_iter:
        y_hat = net(X)
        losses = loss(y_hat, y)
        updater.zero_grad()
        losses.mean().backward()
        updater.step()
        sums.add(float(losses.sum().detach()), count_correct(y_hat, y), y.numel())
    return sums[0] / sums[2], sums[1] / sums[2]


def run_torchvision(num_epochs: int, workers: int, root: Path) -> tuple[float, float]:
    from torchvision import datasets, transforms

    start = time.perf_counter()
    to_tensor = transforms.ToTensor()
    train_set = datasets.FashionMNIST(root=str(root), train=True, transform=to_tensor)
    test_set = datasets.FashionMNIST(root=str(root), train=False, transform=to_tensor)
    train_iter = DataLoader(
        train_set, BATCH_SIZE, shuffle=True, num_workers=workers,
        generator=torch.Generator().manual_seed(SEED),
    )  # fmt: skip
    test_iter = DataLoader(test_set, BATCH_SIZE, shuffle=False, num_workers=workers)
    net = make_model()
    trainer = torch.optim.SGD(net.parameters(), lr=LR)
    loss = nn.CrossEntropyLoss(reduction="none")
    test_acc = float("nan")
    for _ in range(num_epochs):
        train_epoch_d2l(net, train_iter, loss, trainer)
        test_acc = evaluate(net, test_iter)
    return time.perf_counter() - start, test_acc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--threads", type=int, default=1,
        help="torch threads for both runs (1 is fastest for this tiny model on a small CPU)",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, default=4, help="DataLoader worker processes")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    # d2l asks for 4 workers whatever the machine; DataLoader warns about it on 2 cores.
    warnings.filterwarnings("ignore", message="This DataLoader will create")

    folder = find_fashion_mnist()  # verified, decompressed IDX files
    root = torchvision_root(folder)
    try:
        print(f"{args.epochs} epochs, batch {BATCH_SIZE}, SGD lr {LR}, seed {SEED}, "
              f"{args.threads} torch thread(s), {args.workers} DataLoader workers", flush=True)
        ck_seconds, ck_acc = run_coursekit(args.epochs)
        print(f"coursekit (in-memory tensor + coursekit.train):   {ck_seconds:7.1f} s   "
              f"test acc {ck_acc:.4f}", flush=True)
        tv_seconds, tv_acc = run_torchvision(args.epochs, args.workers, root)
        print(f"torchvision (ToTensor + DataLoader + d2l loop):   {tv_seconds:7.1f} s   "
              f"test acc {tv_acc:.4f}", flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"speedup: {tv_seconds / ck_seconds:.1f}x")
    gap = abs(ck_acc - tv_acc)
    print(f"test accuracies differ by {gap:.4f} (tolerance {TOLERANCE})")
    if gap > TOLERANCE:
        print("FAIL: the two runs should reach the same accuracy", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
