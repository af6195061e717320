"""adam_step that divides by sqrt(v_hat) alone, leaving eps out.

Says (adam_step): Your denominator has no eps
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    b1, b2 = betas
    t = state.get("step", 0) + 1
    ms = state.get("m") or [torch.zeros_like(p) for p in params]
    vs = state.get("v") or [torch.zeros_like(p) for p in params]
    ms = [b1 * m + (1 - b1) * g for m, g in zip(ms, grads, strict=True)]
    vs = [b2 * v + (1 - b2) * g * g for v, g in zip(vs, grads, strict=True)]
    new = [p - lr * (m / (1 - b1**t)) / (v / (1 - b2**t)).sqrt()
           for p, m, v in zip(params, ms, vs, strict=True)]
    return new, {"step": t, "m": ms, "v": vs}
