"""Overfitting and regularization, d2l style, with torch.optim's arithmetic for weight decay.

Idioms: the L2 penalty as a dot product of the flattened weights; d2l's dropout (mask from
``torch.rand(X.shape) > dropout``, multiply, divide); numpy's ``argmax`` for the best epoch
(an ``np.int64``, not an int); exceptions of its own, subclasses of ValueError; weight decay
written as torch.optim.SGD computes it (``grad + wd * w``, then ``torch.add(..., alpha=-lr)``).
"""

import numpy as np
import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    flat = w.reshape(-1)
    return torch.dot(flat, flat) / 2


class RateError(ValueError):
    """A dropout probability outside [0, 1] (a ValueError, as the docstring asks)."""


class EmptyHistoryError(ValueError):
    """No scores to choose an epoch from."""


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    if not 0 <= dropout <= 1:
        raise RateError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


def best_epoch(scores: list[float]) -> int:
    if not scores:
        raise EmptyHistoryError("no epoch to choose from: the list of scores is empty")
    return np.argmax(scores) + 1  # the first of equal maxima, as the docstring asks


def weight_decay_step(
    w: torch.Tensor, grad: torch.Tensor, lr: float, weight_decay: float
) -> torch.Tensor:
    d_p = grad + weight_decay * w
    return torch.add(w, d_p, alpha=-lr)
