"""Modern torch: F.linear and F.one_hot, .mT, addmm, @torch.no_grad() on the initialisers."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor


def mlp_forward(X: Tensor, W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor) -> Tensor:
    h = F.relu(F.linear(X.flatten(1), W1.T, b1))
    return F.linear(h, W2.T, b2)


def linear_backward(X: Tensor, W: Tensor, dY: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    return dY @ W.mT, X.mT @ dY, dY.sum(0)


def relu_backward(Z: Tensor, dH: Tensor) -> Tensor:
    return torch.where(Z > 0, dH, torch.zeros_like(dH))


def mlp_backward(X, y, W1, b1, W2, b2):
    Z = torch.addmm(b1, X, W1)
    H = Z.clamp_min(0)
    O = torch.addmm(b2, H, W2)
    dO = (O.softmax(-1) - F.one_hot(y, O.shape[1]).to(O.dtype)) / X.shape[0]
    dH, dW2, db2 = linear_backward(H, W2, dO)
    _, dW1, db1 = linear_backward(X, W1, relu_backward(Z, dH))
    return dW1, db1, dW2, db2


@torch.no_grad()
def xavier_uniform_(W: Tensor, gain: float = 1.0) -> Tensor:
    fan_out, fan_in = W.shape
    a = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return W.uniform_(-a, a)


@torch.no_grad()
def he_normal_(W: Tensor, mode: str = "fan_in") -> Tensor:
    receptive = math.prod(W.shape[2:])
    fans = {"fan_in": W.shape[1] * receptive, "fan_out": W.shape[0] * receptive}
    if mode not in fans:
        raise ValueError(f"mode must be one of {sorted(fans)}")
    return W.normal_(0.0, math.sqrt(2.0 / fans[mode]))
