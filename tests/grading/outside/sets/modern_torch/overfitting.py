"""Modern torch: torch.bernoulli mask, torch.linalg.vector_norm, max with key, type hints."""
from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor


def l2_penalty(w: Tensor) -> Tensor:
    return torch.linalg.vector_norm(w) ** 2 / 2


def dropout_layer(X: Tensor, dropout: float) -> Tensor:
    if not 0.0 <= dropout <= 1.0:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1.0:
        return torch.zeros_like(X)
    keep = torch.bernoulli(torch.full_like(X, 1.0 - dropout))
    return X * keep / (1.0 - dropout)


def best_epoch(scores: Sequence[float]) -> int:
    if len(scores) == 0:
        raise ValueError("there is no epoch to choose from: scores is empty")
    return max(range(len(scores)), key=scores.__getitem__) + 1


def weight_decay_step(w: Tensor, grad: Tensor, lr: float, weight_decay: float) -> Tensor:
    return w.mul(1 - lr * weight_decay).sub(grad, alpha=lr)
