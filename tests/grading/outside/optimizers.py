"""The six update rules in the arithmetic torch.optim itself uses (fused ops, explicit loops).

Idioms: ``torch.add(p, g, alpha=-lr)``, ``torch.addcmul`` and ``torch.addcdiv``; state read
with ``dict.get`` and a default of zeros; Adam's step size and denominator as torch.optim.Adam
computes them (``lr / bias_correction1``, ``sqrt(v) / sqrt(bias_correction2) + eps``).
"""

import math

import torch


def _zeros(state, key, params):
    return state.get(key) or [torch.zeros_like(p) for p in params]


def sgd_step(params, grads, state, lr):
    return [torch.add(p, g, alpha=-lr) for p, g in zip(params, grads, strict=True)], {}


def momentum_step(params, grads, state, lr, momentum):
    new_params, new_v = [], []
    for p, g, v in zip(params, grads, _zeros(state, "v", params), strict=True):
        v = torch.add(g, v, alpha=momentum)
        new_v.append(v)
        new_params.append(torch.add(p, v, alpha=-lr))
    return new_params, {"v": new_v}


def nesterov_step(params, grads, state, lr, momentum):
    new_params, new_v = [], []
    for p, g, v in zip(params, grads, _zeros(state, "v", params), strict=True):
        v = torch.add(g, v, alpha=momentum)
        new_v.append(v)
        new_params.append(torch.add(p, g.add(v, alpha=momentum), alpha=-lr))
    return new_params, {"v": new_v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    new_params, new_s = [], []
    for p, g, s in zip(params, grads, _zeros(state, "s", params), strict=True):
        s = torch.addcmul(s, g, g)
        new_s.append(s)
        new_params.append(torch.addcdiv(p, g, s.sqrt() + eps, value=-lr))
    return new_params, {"s": new_s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    new_params, new_s = [], []
    for p, g, s in zip(params, grads, _zeros(state, "s", params), strict=True):
        s = torch.addcmul(s * alpha, g, g, value=1 - alpha)
        new_s.append(s)
        new_params.append(torch.addcdiv(p, g, s.sqrt() + eps, value=-lr))
    return new_params, {"s": new_s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    bias_correction1 = 1 - beta1**t
    bias_correction2 = 1 - beta2**t
    step_size = lr / bias_correction1
    new_params, new_m, new_v = [], [], []
    ms, vs = _zeros(state, "m", params), _zeros(state, "v", params)
    for p, g, m, v in zip(params, grads, ms, vs, strict=True):
        m = torch.lerp(m, g, 1 - beta1)
        v = torch.addcmul(v * beta2, g, g, value=1 - beta2)
        denom = v.sqrt() / math.sqrt(bias_correction2) + eps
        new_params.append(torch.addcdiv(p, m, denom, value=-step_size))
        new_m.append(m)
        new_v.append(v)
    return new_params, {"step": t, "m": new_m, "v": new_v}
