"""Reference answers for exercises/losses.py."""

import torch

_REDUCTIONS = ("none", "mean", "sum")


def _reduce(terms: torch.Tensor, reduction: str) -> torch.Tensor:
    if reduction == "none":
        return terms
    if reduction == "mean":
        return terms.mean()
    if reduction == "sum":
        return terms.sum()
    raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")


def l1_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """|y_hat - y|, reduced."""
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return _reduce((y_hat - y).abs(), reduction)


def mse_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """(y_hat - y)^2, reduced."""
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return _reduce((y_hat - y) ** 2, reduction)


def nll_loss(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """-mean_i log_probs[i, target[i]]."""
    return -log_probs[torch.arange(len(target)), target].mean()


def _log_softmax(logits: torch.Tensor) -> torch.Tensor:
    shifted = logits - logits.max(dim=1, keepdim=True).values
    return shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))


def cross_entropy_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy of logits against class indices or class probabilities."""
    log_probs = _log_softmax(logits)
    if target.dtype.is_floating_point:
        return -(target * log_probs).sum(dim=1).mean()
    return nll_loss(log_probs, target)


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy from logits, stable for large |x|: max(x, 0) - x t +
    log1p(exp(-|x|)), with max(x, 0) and -|x| chosen by one condition (as TensorFlow does), so
    that at x = 0 autograd takes both from the same side: sigmoid(0) - t, not clamp's and
    abs's separate choices (-t)."""
    x, positive = logits, logits >= 0
    relu_x, minus_abs = torch.where(positive, x, 0.0), torch.where(positive, -x, x)
    return (relu_x - x * target + torch.log1p(torch.exp(minus_abs))).mean()


def kl_divergence(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """sum p log(p / q) over the last dimension, with 0 log 0 = 0."""
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)
