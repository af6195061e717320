"""Reference answers for exercises/overfitting.py."""

import torch


def l2_penalty(w: torch.Tensor) -> torch.Tensor:
    return (w**2).sum() / 2


def dropout_layer(X: torch.Tensor, dropout: float) -> torch.Tensor:
    if not 0 <= dropout <= 1:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X.clone()
    keep = (torch.rand(X.shape) > dropout).to(X.dtype)
    return keep * X / (1.0 - dropout)


def best_epoch(scores: list[float]) -> int:
    if len(scores) == 0:
        raise ValueError("best_epoch needs at least one validation score: the history is empty")
    best = 0
    for i, score in enumerate(scores):
        if score > scores[best]:
            best = i
    return best + 1


def weight_decay_step(
    w: torch.Tensor, grad: torch.Tensor, lr: float, weight_decay: float
) -> torch.Tensor:
    return (1 - lr * weight_decay) * w - lr * grad
