"""EECS 498-007 A3: rmsprop (cache ** 0.5 + epsilon) and adam (t incremented before use), the
config dict's entries kept in the state under the docstring's keys."""
import torch


def sgd_step(params, grads, state, lr):
    raise NotImplementedError("left out: the assignment's given sgd does w -= lr * dw in place (deserved)")


def momentum_step(params, grads, state, lr, momentum):
    raise NotImplementedError('left out: v = momentum * v - lr * dw in the state, not v (deserved)')


def nesterov_step(params, grads, state, lr, momentum):
    raise NotImplementedError("not in the source")


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    raise NotImplementedError("not in the source")


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    config = {"learning_rate": lr, "decay_rate": alpha, "epsilon": eps}
    new, caches = [], []
    for i, (w, dw) in enumerate(zip(params, grads)):
        cache = state["s"][i] if state else torch.zeros_like(w)
        cache = config["decay_rate"] * cache + (1 - config["decay_rate"]) * dw * dw
        new.append(w - (config["learning_rate"] * dw) / (cache**0.5 + config["epsilon"]))
        caches.append(cache)
    return new, {"s": caches}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1  # config['t'] += 1, before using it
    new, ms, vs = [], [], []
    for i, (w, dw) in enumerate(zip(params, grads)):
        m = state["m"][i] if state else torch.zeros_like(w)
        v = state["v"][i] if state else torch.zeros_like(w)
        m = beta1 * m + (1 - beta1) * dw
        v = beta2 * v + (1 - beta2) * dw * dw
        m_unbiased = m / (1 - beta1**t)
        v_unbiased = v / (1 - beta2**t)
        new.append(w - (lr * m_unbiased) / (v_unbiased**0.5 + eps))
        ms.append(m)
        vs.append(v)
    return new, {"step": t, "m": ms, "v": vs}
