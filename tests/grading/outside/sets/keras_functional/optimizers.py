"""Keras-style optimizers: one helper reads a slot from the state or makes zeros, the updates
written with torch.add(..., alpha=) and addcmul, Adam in torch.optim's own arrangement (step
size lr / bias_correction1, denominator sqrt(v) / sqrt(bias_correction2) + eps)."""
import math

import torch


def _slot(state, key, params):
    return state.get(key) or [torch.zeros_like(p) for p in params]


def sgd_step(params, grads, state, lr):
    return [torch.add(p, g, alpha=-lr) for p, g in zip(params, grads)], {}


def momentum_step(params, grads, state, lr, momentum):
    v = [torch.add(g, v, alpha=momentum) for v, g in zip(_slot(state, "v", params), grads)]
    return [torch.add(p, vi, alpha=-lr) for p, vi in zip(params, v)], {"v": v}


def nesterov_step(params, grads, state, lr, momentum):
    v = [torch.add(g, v, alpha=momentum) for v, g in zip(_slot(state, "v", params), grads)]
    new = [p - lr * torch.add(g, vi, alpha=momentum) for p, g, vi in zip(params, grads, v)]
    return new, {"v": v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = [torch.addcmul(s, g, g) for s, g in zip(_slot(state, "s", params), grads)]
    new = [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s)]
    return new, {"s": s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    s = [torch.addcmul(alpha * s, g, g, value=1 - alpha)
         for s, g in zip(_slot(state, "s", params), grads)]
    new = [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s)]
    return new, {"s": s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = [beta1 * m + (1 - beta1) * g for m, g in zip(_slot(state, "m", params), grads)]
    v = [beta2 * v + (1 - beta2) * g * g for v, g in zip(_slot(state, "v", params), grads)]
    step_size = lr / (1 - beta1**t)
    root_bc2 = math.sqrt(1 - beta2**t)
    new = [p - step_size * mi / (vi.sqrt() / root_bc2 + eps) for p, mi, vi in zip(params, m, v)]
    return new, {"step": t, "m": m, "v": v}
