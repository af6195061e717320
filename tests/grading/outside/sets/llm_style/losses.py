"""LLM-style: validation of shapes and dtypes with asserts, an Enum of reductions, printing."""
from enum import Enum

import torch


class Reduction(str, Enum):
    NONE = "none"
    MEAN = "mean"
    SUM = "sum"


def _reduce(loss: torch.Tensor, reduction: str) -> torch.Tensor:
    try:
        r = Reduction(reduction)
    except ValueError as e:
        raise ValueError(f"Invalid reduction: {reduction!r}. Expected one of {[m.value for m in Reduction]}") from e
    if r is Reduction.NONE:
        return loss
    if r is Reduction.MEAN:
        return loss.mean()
    return loss.sum()


def l1_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    assert y_hat.shape == y.shape, f"Shape mismatch: {y_hat.shape} vs {y.shape}"
    return _reduce(torch.abs(y_hat - y), reduction)


def mse_loss(y_hat: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    assert y_hat.shape == y.shape, f"Shape mismatch: {y_hat.shape} vs {y.shape}"
    return _reduce((y_hat - y) ** 2, reduction)


def nll_loss(log_probs: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    assert log_probs.dim() == 2, "log_probs must be (n, q)"
    assert target.dtype == torch.long, "target must be int64"
    n = log_probs.size(0)
    return -log_probs[torch.arange(n, device=log_probs.device), target].mean()


def cross_entropy_loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    assert logits.dim() == 2, "logits must be (n, q)"
    m = logits.max(dim=1, keepdim=True).values
    log_probs = logits - m - torch.log(torch.exp(logits - m).sum(dim=1, keepdim=True))
    if target.dtype in (torch.int64, torch.int32):
        n = logits.size(0)
        return -log_probs[torch.arange(n, device=logits.device), target].mean()
    elif target.is_floating_point():
        assert target.shape == logits.shape, "soft targets must match logits"
        return -(target * log_probs).sum(dim=1).mean()
    raise TypeError(f"Unsupported target dtype {target.dtype}")


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    assert logits.shape == target.shape
    # max(x, 0) and -|x| selected by the same condition, so the gradient at x = 0 is exact.
    positive = logits >= 0
    relu_logits = torch.where(positive, logits, torch.zeros_like(logits))
    neg_abs_logits = torch.where(positive, -logits, logits)
    loss = relu_logits - logits * target + torch.log1p(torch.exp(neg_abs_logits))
    return loss.mean()


def kl_divergence(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    assert p.shape == q.shape, "p and q must have the same shape"
    assert torch.all(q > 0), "q must be strictly positive"
    # log(p) - log(q): the q part's slope stays finite where p = 0 (log(p / q)'s is not)
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)


if __name__ == "__main__":
    logits = torch.randn(4, 3)
    target = torch.tensor([0, 2, 1, 0])
    print("CE:", cross_entropy_loss(logits, target).item())
    print("matches torch:", torch.nn.functional.cross_entropy(logits, target).item())
