"""LLM-style: validate lengths and shapes, deepcopy the state, type-annotated, a __main__ check."""
import copy
from typing import Dict, List, Tuple

import torch

State = Dict[str, object]


def _validate(params: List[torch.Tensor], grads: List[torch.Tensor]) -> None:
    if len(params) != len(grads):
        raise ValueError(f"got {len(params)} params but {len(grads)} grads")
    for i, (p, g) in enumerate(zip(params, grads)):
        if p.shape != g.shape:
            raise ValueError(f"param {i} has shape {tuple(p.shape)} but grad {tuple(g.shape)}")
        if not p.is_floating_point():
            raise TypeError(f"param {i} is not floating point")


def sgd_step(params, grads, state, lr) -> Tuple[List[torch.Tensor], State]:
    _validate(params, grads)
    if lr <= 0:
        raise ValueError("lr must be positive")
    return [p.detach().clone() - lr * g for p, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    _validate(params, grads)
    state = copy.deepcopy(state)
    velocities = state.get("v") or [torch.zeros_like(p) for p in params]
    new_v = [momentum * v + g for v, g in zip(velocities, grads)]
    return [p - lr * v for p, v in zip(params, new_v)], {"v": new_v}


def nesterov_step(params, grads, state, lr, momentum):
    _validate(params, grads)
    state = copy.deepcopy(state)
    velocities = state.get("v") or [torch.zeros_like(p) for p in params]
    new_v = [momentum * v + g for v, g in zip(velocities, grads)]
    return [p - lr * (g + momentum * v) for p, g, v in zip(params, grads, new_v)], {"v": new_v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    _validate(params, grads)
    sums = state.get("s", [torch.zeros_like(p) for p in params])
    new_s = [s + g * g for s, g in zip(sums, grads)]
    new_p = [p - lr * g / (torch.sqrt(s) + eps) for p, g, s in zip(params, grads, new_s)]
    return new_p, {"s": new_s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    _validate(params, grads)
    avgs = state.get("s", [torch.zeros_like(p) for p in params])
    new_s = [alpha * s + (1 - alpha) * g * g for s, g in zip(avgs, grads)]
    new_p = [p - lr * g / (torch.sqrt(s) + eps) for p, g, s in zip(params, grads, new_s)]
    return new_p, {"s": new_s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    _validate(params, grads)
    beta1, beta2 = betas
    if not (0.0 <= beta1 < 1.0 and 0.0 <= beta2 < 1.0):
        raise ValueError(f"Invalid betas: {betas}")
    t = int(state.get("step", 0)) + 1
    m_prev = state.get("m", [torch.zeros_like(p) for p in params])
    v_prev = state.get("v", [torch.zeros_like(p) for p in params])
    # First and second moment estimates, then the bias-corrected update.
    new_m = [beta1 * m + (1 - beta1) * g for m, g in zip(m_prev, grads)]
    new_v = [beta2 * v + (1 - beta2) * g.pow(2) for v, g in zip(v_prev, grads)]
    bias_correction1, bias_correction2 = 1 - beta1 ** t, 1 - beta2 ** t
    new_p = [
        p - lr * (m / bias_correction1) / (torch.sqrt(v / bias_correction2) + eps)
        for p, m, v in zip(params, new_m, new_v)
    ]
    return new_p, {"step": t, "m": new_m, "v": new_v}


if __name__ == "__main__":
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = torch.optim.Adam([w], lr=0.1)
    params, state = [w.detach().clone()], {}
    for _ in range(5):
        opt.zero_grad()
        (w ** 2).sum().backward()
        grads = [w.grad.clone()]
        opt.step()
        params, state = adam_step(params, grads, state, lr=0.1)
    print(torch.allclose(params[0], w.detach()))
