"""RMSProp with 1 - gamma on the wrong term: s <- (1 - alpha) s + alpha g^2."""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [(1 - alpha) * si + alpha * g * g for si, g in zip(old_s, grads, strict=True)]
    new = [p - lr * g / (si.sqrt() + eps)
           for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
