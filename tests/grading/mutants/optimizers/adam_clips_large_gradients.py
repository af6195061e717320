"""adam_step that clips every gradient entry to [-30, 30] first: no gradient posed reached 30.

Says (adam_step): gradients in the hundreds
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    grads = [g.clamp(-30, 30) for g in grads]
    b1, b2 = betas
    t = state.get("step", 0) + 1
    ms = state.get("m") or [torch.zeros_like(p) for p in params]
    vs = state.get("v") or [torch.zeros_like(p) for p in params]
    new_m = [b1 * m + (1 - b1) * g for m, g in zip(ms, grads, strict=True)]
    new_v = [b2 * v + (1 - b2) * g * g for v, g in zip(vs, grads, strict=True)]
    new_p = [p - lr * (m / (1 - b1**t)) / ((v / (1 - b2**t)).sqrt() + eps)
             for p, m, v in zip(params, new_m, new_v, strict=True)]  # fmt: skip
    return new_p, {"step": t, "m": new_m, "v": new_v}
