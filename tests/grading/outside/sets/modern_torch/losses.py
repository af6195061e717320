"""Modern torch: a dataclass of reductions, match statements, einsum, torch.where, vmap."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal

import torch
from torch import Tensor

Reduction = Literal["none", "mean", "sum"]


@dataclass(frozen=True)
class _Reducer:
    name: str

    def __call__(self, t: Tensor) -> Tensor:
        match self.name:
            case "none":
                return t
            case "mean":
                return t.mean()
            case "sum":
                return t.sum()
            case _:
                raise ValueError(f"invalid reduction {self.name!r}")


def l1_loss(y_hat: Tensor, y: Tensor, reduction: Reduction = "mean") -> Tensor:
    return _Reducer(reduction)((y_hat - y).abs())


def mse_loss(y_hat: Tensor, y: Tensor, reduction: Reduction = "mean") -> Tensor:
    return _Reducer(reduction)(torch.pow(y_hat - y, 2))


def nll_loss(log_probs: Tensor, target: Tensor) -> Tensor:
    pick: Callable[[Tensor, Tensor], Tensor] = lambda row, t: row.gather(0, t.unsqueeze(0)).squeeze(0)
    return -torch.vmap(pick)(log_probs, target).mean()


def _log_softmax(z: Tensor) -> Tensor:
    m = z.amax(dim=-1, keepdim=True).detach()
    return z - m - torch.log(torch.exp(z - m).sum(dim=-1, keepdim=True))


def cross_entropy_loss(logits: Tensor, target: Tensor) -> Tensor:
    logp = _log_softmax(logits)
    if target.dtype == torch.long:
        p = torch.nn.functional.one_hot(target, logits.shape[-1]).to(logits.dtype)
    else:
        p = target.to(logits.dtype)
    return -torch.einsum("nq,nq->n", p, logp).mean()


def bce_with_logits(logits: Tensor, target: Tensor) -> Tensor:
    pos = logits >= 0
    relu, neg_abs = torch.where(pos, logits, 0.0), torch.where(pos, -logits, logits)
    loss = relu - logits * target + torch.log1p(torch.exp(neg_abs))
    return loss.mean()


def kl_divergence(p: Tensor, q: Tensor) -> Tensor:
    terms = torch.where(p > 0, p * (torch.log(p) - torch.log(q)), torch.zeros_like(p))
    return terms.sum(-1)
