"""RMSProp with the chapter's sqrt(s + eps) instead of torch's sqrt(s) + eps."""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old_s, grads, strict=True)]
    new = [p - lr * g / (si + eps).sqrt()
           for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
