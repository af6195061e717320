"""LLM-style: validation (isinstance float, nan), matplotlib at the top for a plot in __main__."""
import math
from typing import Sequence

import matplotlib.pyplot as plt
import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    if not isinstance(w, torch.Tensor):
        raise TypeError("w must be a tensor")
    return (w.pow(2).sum() / 2).to(w.dtype)


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    if not isinstance(dropout, (int, float)) or math.isnan(dropout):
        raise TypeError("dropout must be a number")
    if not 0.0 <= dropout <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {dropout}")
    if dropout == 0.0:
        return X.clone()
    if dropout == 1.0:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape, device=X.device) > dropout).to(X.dtype)
    return mask * X / (1.0 - dropout)


def best_epoch(scores: Sequence[float]) -> int:
    if not scores:
        raise ValueError("scores is empty: there is no epoch to choose from")
    best = max(scores)
    return next(epoch for epoch, score in enumerate(scores, start=1) if score == best)


def weight_decay_step(w: torch.Tensor, grad: torch.Tensor, lr: float, weight_decay: float) -> torch.Tensor:
    if w.shape != grad.shape:
        raise ValueError("w and grad must have the same shape")
    if lr <= 0:
        raise ValueError("lr must be positive")
    if weight_decay < 0:
        raise ValueError("weight_decay must be non-negative")
    return (1 - lr * weight_decay) * w - lr * grad


if __name__ == "__main__":
    scores = [0.6, 0.8, 0.7]
    plt.plot(range(1, 4), scores)
    plt.savefig("scores.png")
    print(best_epoch(scores))
