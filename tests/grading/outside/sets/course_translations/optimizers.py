"""Functional code with tuples: states merged with dict |, Python 0.0 as the first moment,
generator expressions turned into tuples."""
import torch


def sgd_step(params, grads, state, lr):
    return tuple(p - lr * g for p, g in zip(params, grads)), {}


def momentum_step(params, grads, state, lr, momentum):
    vs = tuple(momentum * v + g for v, g in zip(state.get("v", [0.0] * len(grads)), grads))
    return tuple(p - lr * v for p, v in zip(params, vs)), dict(state, v=vs)


def nesterov_step(params, grads, state, lr, momentum):
    vs = tuple(momentum * v + g for v, g in zip(state.get("v", [0.0] * len(grads)), grads))
    new = tuple(p - lr * (g + momentum * v) for p, g, v in zip(params, grads, vs))
    return new, {"v": vs}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = [si + g.square() for si, g in zip(state.get("s", [0.0] * len(grads)), grads)]
    return [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, s)], {"s": s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(state.get("s", [0.0] * len(grads)), grads)]
    return [p - lr * g / (torch.sqrt(si) + eps) for p, g, si in zip(params, grads, s)], {"s": s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    state = {"step": 0, "m": [0.0] * len(params), "v": [0.0] * len(params)} | state
    t = state["step"] + 1
    m = tuple(b1 * m + (1 - b1) * g for m, g in zip(state["m"], grads))
    v = tuple(b2 * v + (1 - b2) * g ** 2 for v, g in zip(state["v"], grads))
    new = tuple(p - lr * (mi / (1 - b1 ** t)) / ((vi / (1 - b2 ** t)) ** 0.5 + eps)
                for p, mi, vi in zip(params, m, v))
    return new, {**state, "step": t, "m": m, "v": v}
