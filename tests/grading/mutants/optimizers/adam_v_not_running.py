"""Adam whose v forgets its past, v = (1 - beta2) * g * g (a dropped `beta2 * v +`, seen in a
public repository): right at step 1, wrong from step 2. The message blamed the returned state.

Says (adam_step): running average
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = [beta1 * mi + (1 - beta1) * g
         for mi, g in zip(state.get("m", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    v = [(1 - beta2) * g * g for g in grads]
    new = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
