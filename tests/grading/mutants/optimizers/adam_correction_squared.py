"""Adam whose bias correction uses the exponent 2 at every step, 1 - beta^2, instead of the
step number t (seen in a public repository). The message gave only the step's length.

Says (adam_step): the exponent is the step number t
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
    new = [p - lr * (mi / (1 - beta1**2)) / ((vi / (1 - beta2**2)).sqrt() + eps)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
