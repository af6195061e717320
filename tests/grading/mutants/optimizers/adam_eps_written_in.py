"""Adam with eps written into the formula (1e-7, as in EECS 498's assignments), not the
argument.

Says (adam_step): follows eps = 1e-07
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = [beta1 * mi + (1 - beta1) * g
         for mi, g in zip(state.get("m", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g
         for vi, g in zip(state.get("v", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    new = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + 1e-7)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
