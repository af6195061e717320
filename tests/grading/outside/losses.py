"""Losses written with torch built-ins that are not losses themselves.

Idioms: a dict of reductions (``torch.mean``, ``torch.sum``, identity); ``torch.square``;
``torch.gather`` to pick the true classes; ``torch.logsumexp`` for the log-softmax;
``F.softplus`` for binary cross-entropy (softplus(x) - x t); ``torch.xlogy`` for KL.
"""

import torch
import torch.nn.functional as F

_REDUCTIONS = {"none": lambda t: t, "mean": torch.mean, "sum": torch.sum}


class ReductionError(ValueError):
    """An unknown ``reduction`` (a ValueError, as the docstrings ask)."""


def _reduce(values, reduction):
    if reduction not in _REDUCTIONS:
        raise ReductionError(f"reduction must be 'none', 'mean' or 'sum', not {reduction!r}")
    return _REDUCTIONS[reduction](values)


def l1_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    return _reduce(torch.abs(y_hat - y), reduction)


def mse_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    return _reduce(torch.square(y_hat - y), reduction)


def nll_loss(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    picked = torch.gather(log_probs, 1, target.unsqueeze(1))
    return -picked.mean()


def cross_entropy_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    if target.is_floating_point():
        # Each row of target sums to 1: -sum_j p_j (x_j - lse) = lse - sum_j p_j x_j.
        lse = torch.logsumexp(logits, dim=1)
        return (lse - (target.to(logits.dtype) * logits).sum(dim=1)).mean()
    log_p = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    return -log_p.gather(1, target[:, None]).mean()


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # -[t log s(x) + (1 - t) log(1 - s(x))] = softplus(x) - t x, and softplus is stable.
    return (F.softplus(logits) - logits * target).mean()


def kl_divergence(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)
