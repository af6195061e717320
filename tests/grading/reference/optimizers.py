"""Reference answers for exercises/optimizers.py.

Each rule is a pure function: it builds new tensors and new state, and leaves its inputs alone.
The conventions are torch.optim's (eps added after the square root; first momentum buffer equal
to the first gradient), so that every rule matches its torch.optim twin step for step.
"""

import torch


def sgd_step(params, grads, state, lr):
    new_params = [p - lr * g for p, g in zip(params, grads, strict=True)]
    return new_params, {}


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [p - lr * vi for p, vi in zip(params, v, strict=True)]
    return new_params, {"v": v}


def nesterov_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [p - lr * (g + momentum * vi) for p, g, vi in zip(params, grads, v, strict=True)]
    return new_params, {"v": v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    new_params = [
        p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)
    ]
    return new_params, {"s": s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old_s, grads, strict=True)]
    new_params = [
        p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s, strict=True)
    ]
    return new_params, {"s": s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = []
    for p, mi, vi in zip(params, m, v, strict=True):
        m_hat = mi / (1 - beta1**t)
        v_hat = vi / (1 - beta2**t)
        new_params.append(p - lr * m_hat / (v_hat.sqrt() + eps))
    return new_params, {"step": t, "m": m, "v": v}
