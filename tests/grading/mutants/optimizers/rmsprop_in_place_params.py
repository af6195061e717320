"""RMSProp that updates the given parameters in place (p.addcdiv_)."""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [alpha * si + (1 - alpha) * g * g for si, g in zip(old_s, grads, strict=True)]
    for p, g, si in zip(params, grads, s, strict=True):
        p.addcdiv_(g, si.sqrt() + eps, value=-lr)
    return list(params), {"s": s}
