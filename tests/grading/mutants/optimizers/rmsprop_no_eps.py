"""rmsprop_step that divides by sqrt(s) alone, leaving eps out: invisible with eps = 1e-8, but
the checks also pose a problem with eps = 0.1. It was told only that its step was too long.

Says (rmsprop_step): Your denominator has no eps
"""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old = state.get("s") or [torch.zeros_like(p) for p in params]
    s = [alpha * a + (1 - alpha) * g * g for a, g in zip(old, grads, strict=True)]
    new = [p - lr * g / si.sqrt() for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
