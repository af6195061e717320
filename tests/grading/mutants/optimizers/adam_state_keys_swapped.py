"""adam_step returns its moments under each other's keys (d2l names the first moment v):
the next call takes the square root of an average of g, which can be negative.

Says (adam_step): return the average of g under its key
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    zeros = [torch.zeros_like(x) for x in grads]
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(state.get("m", zeros), grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g
         for vi, g in zip(state.get("v", zeros), grads, strict=True)]
    new = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": v, "v": m}
