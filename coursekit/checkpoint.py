"""Checkpoints: keep the best model seen during training, restore it, stop early.

A training run does not end with its best model: once a network starts to overfit, its
validation accuracy stalls or falls while training goes on. :class:`Checkpointer` plugs into
:func:`coursekit.training.train` through its ``on_epoch_end`` hook. After every epoch it reads
the newest validation score from the history, saves the model's ``state_dict`` (with the
epoch and the score) whenever the score improves, and asks training to stop once
``patience`` epochs have gone by without an improvement. :meth:`Checkpointer.restore` loads
the best model back.

Files are written atomically: the checkpoint goes to a temporary file in the same folder,
which is flushed to disk and then renamed over the old one with :func:`os.replace`. A rename
within one file system is all-or-nothing, so a crash or a full disk in the middle of a save
leaves the previous best checkpoint intact, never half a file.

Typical use::

    train_iter, val_iter, test_iter = load_data_fashion_mnist_with_validation(256)
    ckpt = Checkpointer(net, "checkpoints/mlp", patience=5)
    history = train(net, train_iter, val_iter, loss, 50, trainer,
                    eval_name="val", on_epoch_end=ckpt)
    ckpt.restore()          # net now holds the weights of epoch ckpt.best_epoch
"""

from __future__ import annotations

import math
import numbers
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import torch
from torch import nn

__all__ = [
    "CheckpointMismatchError",
    "Checkpointer",
    "check_compatible",
    "load_checkpoint",
    "save_checkpoint",
]


class CheckpointMismatchError(RuntimeError):
    """A checkpoint's parameters do not fit the model it is loaded into."""


def save_checkpoint(
    path: str | os.PathLike,
    model: nn.Module,
    *,
    epoch: int,
    metric: float,
    **extra: Any,
) -> Path:
    """Save ``model.state_dict()`` with its epoch and metric to ``path``, atomically.

    The file holds a dict ``{"state_dict", "epoch", "metric", **extra}``. It is first
    written to a temporary file next to ``path``, flushed to disk, and only then renamed
    to ``path``, so ``path`` always holds either the old checkpoint or the complete new
    one.

    Returns:
        ``path`` as a :class:`pathlib.Path`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    payload = {
        "state_dict": state, "epoch": int(epoch), "metric": float(metric), **extra
    }
    fd, tmp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as f:
            torch.save(payload, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def _shape(t: torch.Tensor) -> tuple[int, ...]:
    return tuple(t.shape)


def check_compatible(
    state_dict: dict[str, torch.Tensor], model: nn.Module, source: str = "the checkpoint"
) -> None:
    """Raise :class:`CheckpointMismatchError` unless ``state_dict`` fits ``model`` exactly.

    The message lists the parameter names only one side has and every shape that differs,
    and says what to do about it.
    """
    expected = model.state_dict()
    missing = [k for k in expected if k not in state_dict]
    unexpected = [k for k in state_dict if k not in expected]
    shapes = [
        f"{k}: checkpoint {_shape(state_dict[k])} vs model {_shape(v)}"
        for k, v in expected.items()
        if k in state_dict and _shape(state_dict[k]) != _shape(v)
    ]
    if not (missing or unexpected or shapes):
        return
    lines = [f"{source} does not match the {type(model).__name__} you are loading it into."]
    if missing:
        lines.append(f"  keys the model has but the checkpoint lacks: {', '.join(missing)}")
    if unexpected:
        lines.append(f"  keys in the checkpoint the model does not have: {', '.join(unexpected)}")
    if shapes:
        lines.append("  shapes that differ: " + "; ".join(shapes))
    lines.append(
        "It was saved from a different architecture. Build the model exactly as it was when "
        "the checkpoint was saved (same layers, sizes and order), or use a checkpoint "
        "directory that belongs to this model (delete the old one to start afresh)."
    )
    raise CheckpointMismatchError("\n".join(lines))


def load_checkpoint(
    path: str | os.PathLike, model: nn.Module | None = None, map_location: str = "cpu"
) -> dict[str, Any]:
    """Read a checkpoint written by :func:`save_checkpoint`; load it into ``model`` if given.

    Raises:
        FileNotFoundError: no file at ``path``.
        CheckpointMismatchError: the checkpoint's parameter names or shapes differ from the
            model's (the message lists them).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no checkpoint at {path}")
    try:
        payload = torch.load(path, map_location=map_location, weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError) as err:
        # Not torch's message: it suggests weights_only=False, which runs any code the file holds.
        raise CheckpointMismatchError(
            f"{path} could not be read as a checkpoint ({type(err).__name__}): the file is cut "
            "short, or was not written by coursekit.checkpoint.save_checkpoint"
        ) from None
    if not isinstance(payload, dict) or "state_dict" not in payload:
        raise CheckpointMismatchError(
            f"{path} is not a coursekit checkpoint (expected a dict with a 'state_dict' key); "
            "write checkpoints with coursekit.checkpoint.save_checkpoint"
        )
    if model is not None:
        check_compatible(payload["state_dict"], model, source=f"checkpoint {path}")
        model.load_state_dict(payload["state_dict"])
    return payload


class Checkpointer:
    """Save the best model of a run, restore it, and stop early; an ``on_epoch_end`` hook.

    Args:
        model: the network being trained.
        directory: folder for the checkpoint (created if needed); the caller chooses it.
        metric: history key of the validation score to watch, e.g. ``"val_acc"`` (what
            ``train(..., eval_name="val")`` records).
        mode: ``"max"`` if larger is better (accuracy), ``"min"`` if smaller is (a loss).
        patience: stop after this many epochs in a row without improvement; never if ``None``.
        min_delta: an improvement must beat the best score by more than this.
        filename: name of the checkpoint file inside ``directory``.

    After training, ``best_epoch`` (counting from 1, like :func:`coursekit.training.train`),
    ``best_metric``, ``stopped_epoch`` (``None`` unless stopped early) and ``path`` describe
    the run. Called as ``checkpointer(epoch, history)`` it returns ``True`` to stop.
    """

    def __init__(
        self,
        model: nn.Module,
        directory: str | os.PathLike,
        *,
        metric: str = "val_acc",
        mode: str = "max",
        patience: int | None = None,
        min_delta: float = 0.0,
        filename: str = "best.pt",
    ) -> None:
        if mode not in ("max", "min"):
            raise ValueError(f"mode must be 'max' or 'min', got {mode!r}")
        if patience is not None and (not isinstance(patience, numbers.Integral) or patience < 1):
            raise ValueError(f"patience must be a positive number of epochs, got {patience!r}")
        if not min_delta >= 0:  # a negative one would keep worse models as "improvements"
            raise ValueError(f"min_delta must be 0 or more, got {min_delta!r}")
        self.model = model
        self.directory = Path(directory)
        self.path = self.directory / filename
        self.metric = metric
        self.mode = mode
        self.patience = patience
        self.min_delta = min_delta
        self.best_epoch: int | None = None
        self.best_metric: float | None = None
        self.stopped_epoch: int | None = None
        self.epochs_without_improvement = 0

    def _improves(self, value: float) -> bool:
        if math.isnan(value):
            return False
        if self.best_metric is None:
            return True
        if self.mode == "max":
            return value > self.best_metric + self.min_delta
        return value < self.best_metric - self.min_delta

    def __call__(self, epoch: int, history: dict[str, list[float]]) -> bool:
        if self.metric not in history:
            raise KeyError(
                f"the training history has no {self.metric!r} (it has {sorted(history)}). "
                "Pass the validation iterator as test_iter together with eval_name='val' to "
                "coursekit.train(), or give Checkpointer(metric=...) the key you want to watch."
            )
        value = float(history[self.metric][-1])
        if self._improves(value):
            save_checkpoint(self.path, self.model, epoch=epoch, metric=value, name=self.metric)
            self.best_epoch, self.best_metric = epoch, value
            self.epochs_without_improvement = 0
            return False
        self.epochs_without_improvement += 1
        if self.patience is not None and self.epochs_without_improvement >= self.patience:
            self.stopped_epoch = epoch
            return True
        return False

    def restore(self) -> dict[str, Any]:
        """Load the best checkpoint into the model and return its contents.

        Raises:
            FileNotFoundError: nothing was saved yet.
            CheckpointMismatchError: the file in ``directory`` belongs to another model.
        """
        if not self.path.is_file():
            raise FileNotFoundError(
                f"no checkpoint at {self.path}: restore() needs at least one epoch of training "
                "with this Checkpointer as on_epoch_end"
            )
        return load_checkpoint(self.path, self.model)
