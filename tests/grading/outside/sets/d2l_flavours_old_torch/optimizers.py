"""optax-style pure updates: a tree_map over zipped lists, lerp for the moving averages,
addcmul / addcdiv as torch.optim writes them, state read with .get."""
import torch


def _map(f, *trees):
    return [f(*leaves) for leaves in zip(*trees)]


def sgd_step(params, grads, state, lr):
    return _map(lambda p, g: torch.add(p, g, alpha=-lr), params, grads), {}


def momentum_step(params, grads, state, lr, momentum):
    vs = state.get("v") or _map(torch.zeros_like, params)
    vs = _map(lambda v, g: torch.add(g, v, alpha=momentum), vs, grads)
    return _map(lambda p, v: p - lr * v, params, vs), {"v": vs}


def nesterov_step(params, grads, state, lr, momentum):
    vs = state.get("v") or _map(torch.zeros_like, params)
    vs = _map(lambda v, g: v * momentum + g, vs, grads)
    new = _map(lambda p, g, v: p.sub(g.add(v, alpha=momentum), alpha=lr), params, grads, vs)
    return new, {"v": vs}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    ss = state.get("s") or _map(torch.zeros_like, params)
    ss = _map(lambda s, g: torch.addcmul(s, g, g), ss, grads)
    new = _map(lambda p, g, s: torch.addcdiv(p, g, s.sqrt().add(eps), value=-lr), params, grads, ss)
    return new, {"s": ss}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    ss = state.get("s") or _map(torch.zeros_like, params)
    ss = _map(lambda s, g: torch.addcmul(s * alpha, g, g, value=1 - alpha), ss, grads)
    new = _map(lambda p, g, s: torch.addcdiv(p, g, s.sqrt().add(eps), value=-lr), params, grads, ss)
    return new, {"s": ss}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    ms = state.get("m") or _map(torch.zeros_like, params)
    vs = state.get("v") or _map(torch.zeros_like, params)
    ms = _map(lambda m, g: torch.lerp(m, g, 1 - beta1), ms, grads)
    vs = _map(lambda v, g: torch.addcmul(v * beta2, g, g, value=1 - beta2), vs, grads)
    bc1, bc2 = 1 - beta1 ** t, 1 - beta2 ** t

    def update(p, m, v):
        denom = (v / bc2).sqrt() + eps
        return p - lr * (m / bc1) / denom

    return _map(update, params, ms, vs), {"step": t, "m": ms, "v": vs}
