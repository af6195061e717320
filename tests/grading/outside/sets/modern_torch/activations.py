"""Modern torch: torch.where everywhere, typing.overload, torch.jit.script, torch.compile."""
from __future__ import annotations

from typing import overload

import torch
from torch import Tensor


@torch.jit.script
def _stable_sigmoid(x: Tensor) -> Tensor:
    pos = x >= 0
    e = torch.exp(torch.where(pos, -x, x))
    return torch.where(pos, 1.0 / (1.0 + e), e / (1.0 + e))


@overload
def sigmoid(x: Tensor) -> Tensor: ...
@overload
def sigmoid(x: Tensor, *, out_dtype: torch.dtype) -> Tensor: ...
def sigmoid(x, *, out_dtype=None):
    y = _stable_sigmoid(x)
    return y if out_dtype is None else y.to(out_dtype)


def sigmoid_grad(x: Tensor) -> Tensor:
    s = _stable_sigmoid(x)
    return s * (1 - s)


@torch.compile(dynamic=True)
def tanh_grad(x: Tensor) -> Tensor:
    return 1 - torch.tanh(x).square()


def relu(x: Tensor) -> Tensor:
    return torch.where(x > 0, x, torch.zeros((), dtype=x.dtype, device=x.device))


def relu_grad(x: Tensor) -> Tensor:
    return torch.where(x > 0, 1.0, 0.0).to(x.dtype)


def leaky_relu(x: Tensor, negative_slope: float = 0.01) -> Tensor:
    return torch.where(x > 0, x, x * negative_slope)
