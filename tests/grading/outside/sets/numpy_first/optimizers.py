"""CS231n optim.py style, each rule in NumPy on config dicts, converted back to torch tensors."""
import numpy as np
import torch


def _np(ts):
    return [t.numpy() for t in ts]


def _t(arrs, like):
    return [torch.from_numpy(np.asarray(a, dtype=l.numpy().dtype)) for a, l in zip(arrs, like)]


def sgd_step(params, grads, state, lr):
    return _t([w - lr * dw for w, dw in zip(_np(params), _np(grads))], params), {}


def momentum_step(params, grads, state, lr, momentum):
    vs = _np(state["v"]) if "v" in state else [np.zeros_like(w) for w in _np(params)]
    new_v = [momentum * v + dw for v, dw in zip(vs, _np(grads))]
    new_w = [w - lr * v for w, v in zip(_np(params), new_v)]
    return _t(new_w, params), {"v": _t(new_v, params)}


def nesterov_step(params, grads, state, lr, momentum):
    vs = _np(state["v"]) if "v" in state else [np.zeros_like(w) for w in _np(params)]
    new_v = [momentum * v + dw for v, dw in zip(vs, _np(grads))]
    new_w = [w - lr * (dw + momentum * v) for w, dw, v in zip(_np(params), _np(grads), new_v)]
    return _t(new_w, params), {"v": _t(new_v, params)}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    ss = _np(state["s"]) if "s" in state else [np.zeros_like(w) for w in _np(params)]
    new_s = [s + dw * dw for s, dw in zip(ss, _np(grads))]
    new_w = [w - lr * dw / (np.sqrt(s) + eps) for w, dw, s in zip(_np(params), _np(grads), new_s)]
    return _t(new_w, params), {"s": _t(new_s, params)}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    ss = _np(state["s"]) if "s" in state else [np.zeros_like(w) for w in _np(params)]
    new_s = [alpha * s + (1 - alpha) * dw ** 2 for s, dw in zip(ss, _np(grads))]
    new_w = [w - lr * dw / (np.sqrt(s) + eps) for w, dw, s in zip(_np(params), _np(grads), new_s)]
    return _t(new_w, params), {"s": _t(new_s, params)}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    ms = _np(state["m"]) if "m" in state else [np.zeros_like(w) for w in _np(params)]
    vs = _np(state["v"]) if "v" in state else [np.zeros_like(w) for w in _np(params)]
    new_m = [beta1 * m + (1 - beta1) * dw for m, dw in zip(ms, _np(grads))]
    new_v = [beta2 * v + (1 - beta2) * dw ** 2 for v, dw in zip(vs, _np(grads))]
    new_w = []
    for w, m, v in zip(_np(params), new_m, new_v):
        mt = m / (1 - beta1 ** t)
        vt = v / (1 - beta2 ** t)
        new_w.append(w - lr * mt / (np.sqrt(vt) + eps))
    return _t(new_w, params), {"step": t, "m": _t(new_m, params), "v": _t(new_v, params)}
