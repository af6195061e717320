"""Modern torch: list comprehensions, torch.lerp, a dataclass for Adam's state, type hints."""
from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import Tensor

Params = list[Tensor]


def _zeros(params: Params) -> Params:
    return [torch.zeros_like(p) for p in params]


def sgd_step(params: Params, grads: Params, state: dict, lr: float) -> tuple[Params, dict]:
    return [p - lr * g for p, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    vs = [momentum * v + g for v, g in zip(state.get("v", _zeros(params)), grads)]
    return [p - lr * v for p, v in zip(params, vs)], {"v": vs}


def nesterov_step(params, grads, state, lr, momentum):
    vs = [momentum * v + g for v, g in zip(state.get("v", _zeros(params)), grads)]
    return [p - lr * (g + momentum * v) for p, g, v in zip(params, grads, vs)], {"v": vs}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    ss = [s + g.square() for s, g in zip(state.get("s", _zeros(params)), grads)]
    return [p - lr * g / (s.sqrt() + eps) for p, g, s in zip(params, grads, ss)], {"s": ss}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    ss = [torch.lerp(g * g, s, alpha) for s, g in zip(state.get("s", _zeros(params)), grads)]
    return [p - lr * g / (s.sqrt() + eps) for p, g, s in zip(params, grads, ss)], {"s": ss}


@dataclass
class _AdamState:
    step: int = 0
    m: Params = field(default_factory=list)
    v: Params = field(default_factory=list)


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    st = _AdamState(**state) if state else _AdamState(0, _zeros(params), _zeros(params))
    b1, b2 = betas
    t = st.step + 1
    m = [torch.lerp(g, mi, b1) for mi, g in zip(st.m, grads)]
    v = [b2 * vi + (1 - b2) * g * g for vi, g in zip(st.v, grads)]
    new = [
        p - lr * (mi / (1 - b1**t)) / ((vi / (1 - b2**t)).sqrt() + eps)
        for p, mi, vi in zip(params, m, v)
    ]
    return new, {"step": t, "m": m, "v": v}
