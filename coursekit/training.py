"""Training: devices, seeding, metrics and the classifier training loop."""

from __future__ import annotations

import math
import numbers
import random
import sys
from collections.abc import Callable, Iterable

import numpy as np
import torch
from torch import nn

# tqdm.auto warns "IProgress not found" into every notebook without ipywidgets; the bar is
# shown in terminals by default anyway, where the plain tqdm is the right one.
from tqdm import tqdm

__all__ = [
    "Accumulator",
    "accuracy",
    "correct_count",
    "evaluate_accuracy",
    "evaluate_loss",
    "get_device",
    "seed_everything",
    "train",
    "train_epoch",
]

Batches = Iterable[tuple[torch.Tensor, torch.Tensor]]
Updater = torch.optim.Optimizer | Callable[[int], None]


def get_device() -> torch.device:
    """The best device here: CUDA, then Apple's MPS, then the CPU."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def seed_everything(seed: int) -> torch.Generator:
    """Seed Python's, NumPy's and torch's global RNGs; return a torch.Generator with that seed.

    Runs that call this first and then do the same work produce the same numbers on the
    same machine and library versions (floating-point reductions may differ across devices).
    """
    if not isinstance(seed, numbers.Integral) or not 0 <= seed < 2**32:
        raise ValueError(f"seed must be an integer from 0 to 2**32 - 1 (NumPy's range),"
                         f" got {seed!r}")
    random.seed(seed)
    np.random.seed(seed)  # noqa: NPY002 (seeding the legacy global RNG is the point)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


class Accumulator:
    """Running sums of ``n`` quantities: (total loss, correct predictions, examples)."""

    def __init__(self, n: int) -> None:
        self.data = [0.0] * n

    def add(self, *values: float) -> None:
        if len(values) != len(self.data):
            raise ValueError(f"expected {len(self.data)} values, got {len(values)}")
        self.data = [a + float(b) for a, b in zip(self.data, values, strict=True)]

    def reset(self) -> None:
        self.data = [0.0] * len(self.data)

    def __getitem__(self, i: int) -> float:
        return self.data[i]


def _predicted_classes(y_hat: torch.Tensor) -> torch.Tensor:
    # Scores (n, q) for every q, one column too (the book's accuracy); (n,) are labels already.
    return y_hat.argmax(dim=1) if y_hat.ndim > 1 else y_hat


def correct_count(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """How many rows of ``y_hat`` (n, q) have their largest entry at the label ``y`` (n,); a
    ``y_hat`` of shape (n,) holds predicted labels."""
    if y_hat.shape[0] != y.shape[0]:
        raise ValueError(
            f"y_hat has {y_hat.shape[0]} rows but y has {y.shape[0]} labels; they must match"
        )
    predicted = _predicted_classes(y_hat)
    return float((predicted.to(y.dtype) == y).sum())


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of correct predictions: scores ``y_hat`` (n, q) against labels ``y`` (n,)."""
    if len(y) == 0:
        raise ValueError("accuracy of an empty batch is undefined")
    return correct_count(y_hat, y) / len(y)


def _device_of(net: Callable) -> torch.device | None:
    if isinstance(net, nn.Module):
        for p in net.parameters():
            return p.device
    return None


def _to(device: torch.device | None, *tensors: torch.Tensor) -> list[torch.Tensor]:
    return [t if device is None else t.to(device) for t in tensors]


class _EvalMode:
    """Put an ``nn.Module`` in eval mode inside a ``with`` block and restore its mode after."""

    def __init__(self, net: Callable) -> None:
        self.net = net if isinstance(net, nn.Module) else None

    def __enter__(self) -> None:
        if self.net is not None:
            self.was_training = self.net.training
            self.net.eval()

    def __exit__(self, *exc) -> None:
        if self.net is not None:
            self.net.train(self.was_training)


def evaluate_accuracy(
    net: Callable[[torch.Tensor], torch.Tensor], data_iter: Batches
) -> float:
    """Accuracy of ``net`` over every ``(X, y)`` batch of ``data_iter`` (eval mode)."""
    metric = Accumulator(2)
    device = _device_of(net)
    with _EvalMode(net), torch.no_grad():
        for X, y in data_iter:
            X, y = _to(device, X, y)
            metric.add(correct_count(net(X), y), y.numel())
    if metric[1] == 0:
        raise ValueError("data_iter produced no examples")
    return metric[0] / metric[1]


def _per_example_total(losses: torch.Tensor, n: int) -> torch.Tensor:
    """Sum of per-example losses, whether ``loss`` returned them all or their mean."""
    return losses.sum() if losses.ndim > 0 else losses * n


def evaluate_loss(
    net: Callable[[torch.Tensor], torch.Tensor],
    data_iter: Batches,
    loss: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
) -> float:
    """Mean loss per example of ``net`` over ``data_iter``, in eval mode."""
    metric = Accumulator(2)
    device = _device_of(net)
    with _EvalMode(net), torch.no_grad():
        for X, y in data_iter:
            X, y = _to(device, X, y)
            metric.add(float(_per_example_total(loss(net(X), y), len(y))), len(y))
    if metric[1] == 0:
        raise ValueError("data_iter produced no examples")
    return metric[0] / metric[1]


def train_epoch(
    net: Callable[[torch.Tensor], torch.Tensor],
    train_iter: Batches,
    loss: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    updater: Updater,
) -> tuple[float, float]:
    """Train ``net`` for one pass over ``train_iter``.

    Args:
        net: maps a batch ``X`` to scores of shape (batch, q).
        train_iter: iterable of ``(X, y)`` batches.
        loss: returns per-example losses of shape (batch,) or their mean.
        updater: a ``torch.optim`` optimizer (which sees the gradient of the *mean*
            loss), or a function ``updater(batch_size)`` that updates parameters from
            the gradient of the *summed* loss, as ``sgd(params, lr, batch_size)`` does.

    Returns:
        ``(mean training loss, training accuracy)`` over the epoch.
    """
    if isinstance(net, nn.Module):
        net.train()
    device = _device_of(net)
    metric = Accumulator(3)  # summed loss, correct predictions, examples
    for X, y in train_iter:
        X, y = _to(device, X, y)
        y_hat = net(X)
        total = _per_example_total(loss(y_hat, y), len(y))
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            (total / len(y)).backward()
            updater.step()
        else:
            total.backward()
            updater(len(y))
        metric.add(float(total.detach()), correct_count(y_hat.detach(), y), len(y))
    if metric[2] == 0:
        raise ValueError("train_iter produced no examples")
    return metric[0] / metric[2], metric[1] / metric[2]


def _show_progress() -> bool:
    # In Jupyter the live plot already shows progress; a bar belongs in a terminal.
    return sys.stderr is not None and sys.stderr.isatty()


def _diverged(train_loss: float, epoch: int) -> str:
    return (
        f"the training loss became {train_loss} in epoch {epoch}: the parameters overflowed"
        " (try a smaller learning rate; is it a number?) or the data holds nan or inf"
        " (check with torch.isfinite(X).all())"
    )


def train(
    net: Callable[[torch.Tensor], torch.Tensor],
    train_iter: Batches,
    test_iter: Batches,
    loss: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    num_epochs: int,
    updater: Updater,
    *,
    plot: bool = True,
    progress: bool | None = None,
    on_epoch_end: Callable[[int, dict[str, list[float]]], bool | None] | None = None,
    eval_name: str = "test",
) -> dict[str, list[float]]:
    """Train a classifier and record its progress.

    Args:
        net: maps a batch ``X`` to class scores of shape (batch, q). If it is an
            ``nn.Module``, batches are moved to the device of its parameters.
        train_iter, test_iter: iterables of ``(X, y)``, ``y`` int64 of shape (batch,).
        loss: per-example losses (batch,) or their mean; see :func:`train_epoch`.
        num_epochs: passes over ``train_iter``.
        updater: a ``torch.optim`` optimizer or a function ``updater(batch_size)``.
        plot: draw a :class:`coursekit.plotting.LivePlot` of the three curves.
        progress: show a tqdm bar over epochs; by default only in a terminal.
        on_epoch_end: called as ``on_epoch_end(epoch, history)`` after each epoch
            (epochs count from 1); returning ``True`` stops training early.
        eval_name: what ``test_iter`` holds, naming its history key and curve: pass
            ``"val"`` when it is a validation set, to record ``"val_acc"``.

    Returns:
        The history: ``{"train_loss": [...], "train_acc": [...], "test_acc": [...]}``
        with one entry per epoch run (``"test_acc"`` is named ``f"{eval_name}_acc"``).
    """
    if not isinstance(num_epochs, numbers.Integral) or num_epochs < 1:
        raise ValueError(f"num_epochs must be a positive integer, got {num_epochs!r}")
    eval_key = f"{eval_name}_acc"
    history: dict[str, list[float]] = {"train_loss": [], "train_acc": [], eval_key: []}
    live = None
    if plot:
        from coursekit.plotting import LivePlot

        live = LivePlot(
            xlabel="epoch",
            ylabel="loss, accuracy",
            xlim=(1, num_epochs),
            legend=["train loss", "train acc", f"{eval_name} acc"],
            legend_loc="outside",  # inside, it would cover the accuracy curves
        )
    show = _show_progress() if progress is None else progress
    for epoch in tqdm(range(1, num_epochs + 1), desc="epochs", disable=not show):
        train_loss, train_acc = train_epoch(net, train_iter, loss, updater)
        if not math.isfinite(train_loss):  # every later epoch would be nan too
            raise FloatingPointError(_diverged(train_loss, epoch))
        test_acc = evaluate_accuracy(net, test_iter)
        history["train_loss"].append(train_loss)
        history["train_acc"].append(train_acc)
        history[eval_key].append(test_acc)
        if live is not None:
            live.add(epoch, (train_loss, train_acc, test_acc))
        if on_epoch_end is not None and on_epoch_end(epoch, history):
            break
    if live is not None:
        live.finish()
    return history
