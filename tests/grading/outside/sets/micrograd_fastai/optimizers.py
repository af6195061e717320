"""fast.ai style: one generic stepper built from small per-rule closures and functools.partial."""
import functools

import torch


def _generic(update, keys, params, grads, state, t=None):
    olds = {k: state.get(k) or [torch.zeros_like(p) for p in params] for k in keys}
    new_params, new_state = [], {k: [] for k in keys}
    for i, (p, g) in enumerate(zip(params, grads)):
        p2, st = update(p, g, {k: olds[k][i] for k in keys})
        new_params.append(p2)
        for k in keys:
            new_state[k].append(st[k])
    return new_params, new_state


def sgd_step(params, grads, state, lr):
    return [p - lr * g for p, g in zip(params, grads)], {}


def _momentum(lr, mom, nesterov, p, g, st):
    v = mom * st["v"] + g
    return p - lr * ((g + mom * v) if nesterov else v), {"v": v}


def momentum_step(params, grads, state, lr, momentum):
    return _generic(functools.partial(_momentum, lr, momentum, False), ["v"], params, grads, state)


def nesterov_step(params, grads, state, lr, momentum):
    return _generic(functools.partial(_momentum, lr, momentum, True), ["v"], params, grads, state)


def _sq_avg(lr, keep, new, eps, p, g, st):
    s = keep * st["s"] + new * g * g
    return p - lr * g / (s.sqrt() + eps), {"s": s}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    return _generic(functools.partial(_sq_avg, lr, 1.0, 1.0, eps), ["s"], params, grads, state)


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    return _generic(functools.partial(_sq_avg, lr, alpha, 1 - alpha, eps), ["s"], params, grads, state)


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    t = state.get("step", 0) + 1

    def upd(p, g, st):
        m = b1 * st["m"] + (1 - b1) * g
        v = b2 * st["v"] + (1 - b2) * g * g
        mh, vh = m / (1 - b1 ** t), v / (1 - b2 ** t)
        return p - lr * mh / (vh.sqrt() + eps), {"m": m, "v": v}

    new_params, new_state = _generic(upd, ["m", "v"], params, grads, state)
    return new_params, {"step": t, **new_state}
