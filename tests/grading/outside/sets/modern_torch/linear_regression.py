"""Modern torch: type hints, einsum, @torch.no_grad() decorator, F.pad for the ones column."""
from __future__ import annotations

from collections.abc import Iterator

import torch
import torch.nn.functional as F

Tensor = torch.Tensor


def synthetic_data(w: Tensor, b: float, num_examples: int) -> tuple[Tensor, Tensor]:
    X = torch.randn(num_examples, w.numel(), dtype=w.dtype, device=w.device)
    y = torch.einsum("nd,d->n", X, w) + b
    y = y + torch.randn_like(y) * 0.01
    return X, y.unsqueeze(-1)


def data_iter(batch_size: int, features: Tensor, labels: Tensor) -> Iterator[tuple[Tensor, Tensor]]:
    order = torch.randperm(features.size(0), device=features.device)
    yield from ((features[idx], labels[idx]) for idx in order.split(batch_size))


def linreg(X: Tensor, w: Tensor, b: Tensor) -> Tensor:
    return torch.einsum("nd,dk->nk", X, w) + b


def squared_loss(y_hat: Tensor, y: Tensor) -> Tensor:
    return F.mse_loss(y_hat, y.view_as(y_hat), reduction="none") / 2


@torch.no_grad()
def sgd(params: list[Tensor], lr: float, batch_size: int) -> None:
    for p in params:
        p.add_(p.grad, alpha=-lr / batch_size)
        p.grad.zero_()


def closed_form(X: Tensor, y: Tensor) -> tuple[Tensor, Tensor]:
    X1 = F.pad(X, (0, 1), value=1.0)
    theta = torch.linalg.lstsq(X1, y.reshape(-1, 1).to(X.dtype)).solution
    w, b = theta.split([X.shape[1], 1])
    return w, b.squeeze()
