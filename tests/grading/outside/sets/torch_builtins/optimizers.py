"""torch._foreach_* multi-tensor ops (torch.optim's foreach path), tuples for new params."""
import torch


def _zeros(params):
    return [torch.zeros_like(p) for p in params]


def sgd_step(params, grads, state, lr):
    return tuple(torch._foreach_add(params, grads, alpha=-lr)), {}


def momentum_step(params, grads, state, lr, momentum):
    v = torch._foreach_add(torch._foreach_mul(state.get("v", _zeros(params)), momentum), grads)
    return torch._foreach_add(params, v, alpha=-lr), {"v": v}


def nesterov_step(params, grads, state, lr, momentum):
    v = torch._foreach_add(torch._foreach_mul(state.get("v", _zeros(params)), momentum), grads)
    look = torch._foreach_add(grads, v, alpha=momentum)
    return torch._foreach_add(params, look, alpha=-lr), {"v": v}


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = torch._foreach_addcmul(state.get("s", _zeros(params)), grads, grads)
    denom = torch._foreach_add(torch._foreach_sqrt(s), eps)
    return torch._foreach_addcdiv(params, grads, denom, value=-lr), {"s": s}


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    s = torch._foreach_addcmul(torch._foreach_mul(state.get("s", _zeros(params)), alpha),
                               grads, grads, value=1 - alpha)
    denom = torch._foreach_add(torch._foreach_sqrt(s), eps)
    return torch._foreach_addcdiv(params, grads, denom, value=-lr), {"s": s}


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    t = state.get("step", 0) + 1
    m = torch._foreach_lerp(state.get("m", _zeros(params)), grads, 1 - b1)
    v = torch._foreach_addcmul(torch._foreach_mul(state.get("v", _zeros(params)), b2),
                               grads, grads, value=1 - b2)
    bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
    denom = torch._foreach_add(torch._foreach_div(torch._foreach_sqrt(v), bc2 ** 0.5), eps)
    return torch._foreach_addcdiv(params, m, denom, value=-lr / bc1), {"step": t, "m": m, "v": v}
