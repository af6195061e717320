"""A class-free 'optimizer' dict walk: deepcopy of the state, then arithmetic on the copy."""
import copy

import torch


def sgd_step(params, grads, state, lr):
    new = []
    for p, g in zip(params, grads, strict=False):
        q = p.clone()
        q -= lr * g  # in place on my own copy
        new.append(q)
    return new, {}


def momentum_step(params, grads, state, lr, momentum):
    st = copy.deepcopy(state) or {"v": [torch.zeros_like(p) for p in params]}
    new = []
    for i, (p, g) in enumerate(zip(params, grads, strict=False)):
        st["v"][i].mul_(momentum).add_(g)
        new.append(p - lr * st["v"][i])
    return new, st


def nesterov_step(params, grads, state, lr, momentum):
    st = copy.deepcopy(state) or {"v": [torch.zeros_like(p) for p in params]}
    new = []
    for i, (p, g) in enumerate(zip(params, grads, strict=False)):
        st["v"][i].mul_(momentum).add_(g)
        new.append(p - lr * g - lr * momentum * st["v"][i])
    return new, st


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    st = copy.deepcopy(state) or {"s": [torch.zeros_like(p) for p in params]}
    new = []
    for i, (p, g) in enumerate(zip(params, grads, strict=False)):
        st["s"][i].addcmul_(g, g)
        new.append(p - lr * g / (st["s"][i].sqrt() + eps))
    return new, st


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    st = copy.deepcopy(state) or {"s": [torch.zeros_like(p) for p in params]}
    new = []
    for i, (p, g) in enumerate(zip(params, grads, strict=False)):
        st["s"][i].mul_(alpha).addcmul_(g, g, value=1 - alpha)
        new.append(p - lr * g / (st["s"][i].sqrt() + eps))
    return new, st


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    st = copy.deepcopy(state) or {"step": 0, "m": [torch.zeros_like(p) for p in params],
                                  "v": [torch.zeros_like(p) for p in params]}
    st["step"] += 1
    t = st["step"]
    new = []
    for i, (p, g) in enumerate(zip(params, grads, strict=False)):
        st["m"][i].mul_(beta1).add_(g, alpha=1 - beta1)
        st["v"][i].mul_(beta2).addcmul_(g, g, value=1 - beta2)
        m_hat = st["m"][i] / (1 - beta1 ** t)
        v_hat = st["v"][i] / (1 - beta2 ** t)
        new.append(p - lr * m_hat / (v_hat.sqrt() + eps))
    return new, st
