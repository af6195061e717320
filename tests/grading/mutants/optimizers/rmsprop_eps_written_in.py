"""RMSprop with eps written into the formula (1e-6, as d2l's code has it), not the argument:
the default-eps runs drift by about 1e-7, which looked like float32 rounding.

Says (rmsprop_step): not the eps it was given
"""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old = state.get("s") or [torch.zeros_like(p) for p in params]
    s = [alpha * a + (1 - alpha) * g * g for a, g in zip(old, grads, strict=True)]
    new = [p - lr * g / (si.sqrt() + 1e-6) for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
