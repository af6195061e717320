"""adam_step leaves a parameter whose first moment m is all zeros (no gradient so far) as it is,
returning that very tensor: the step is zero anyway, but new_params must be new tensors.

Says (adam_step): list of NEW tensors
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = []
    for p, mi, vi in zip(params, m, v, strict=True):
        if not mi.any():
            new_params.append(p)
            continue
        m_hat = mi / (1 - beta1**t)
        v_hat = vi / (1 - beta2**t)
        new_params.append(p - lr * m_hat / (v_hat.sqrt() + eps))
    return new_params, {"step": t, "m": m, "v": v}
