"""The docstring formulas, state initialised with `if not state`, bias-corrected m_hat/v_hat."""
import torch


def sgd_step(params, grads, state, lr):
    return [p - lr * g for p, g in zip(params, grads, strict=False)], {}


def momentum_step(params, grads, state, lr, momentum):
    vs = state["v"] if state else [torch.zeros_like(p) for p in params]
    new_v = [momentum * v + g for v, g in zip(vs, grads, strict=False)]
    return [p - lr * v for p, v in zip(params, new_v, strict=False)], {"v": new_v}


def nesterov_step(params, grads, state, lr, momentum):
    vs = state["v"] if state else [torch.zeros_like(p) for p in params]
    new_v = [momentum * v + g for v, g in zip(vs, grads, strict=False)]
    new_p = [p - lr * (g + momentum * v) for p, g, v in zip(params, grads, new_v, strict=False)]
    return new_p, {"v": new_v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    ss = state["s"] if state else [torch.zeros_like(p) for p in params]
    new_s = [s + g * g for s, g in zip(ss, grads, strict=False)]
    new_p = [p - lr * g / (torch.sqrt(s) + eps)
             for p, g, s in zip(params, grads, new_s, strict=False)]
    return new_p, {"s": new_s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    ss = state["s"] if state else [torch.zeros_like(p) for p in params]
    new_s = [alpha * s + (1 - alpha) * g ** 2 for s, g in zip(ss, grads, strict=False)]
    new_p = [p - lr * g / (s.sqrt() + eps) for p, g, s in zip(params, grads, new_s, strict=False)]
    return new_p, {"s": new_s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    if not state:
        state = {"step": 0, "m": [torch.zeros_like(p) for p in params],
                 "v": [torch.zeros_like(p) for p in params]}
    t = state["step"] + 1
    new_m, new_v, new_p = [], [], []
    for p, g, m, v in zip(params, grads, state["m"], state["v"], strict=False):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)
        new_p.append(p - lr * m_hat / (torch.sqrt(v_hat) + eps))
        new_m.append(m)
        new_v.append(v)
    return new_p, {"step": t, "m": new_m, "v": new_v}
