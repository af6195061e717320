"""adam_step stores the bias-corrected m_hat and v_hat in the state instead of m and v.

Says (adam_step): bias-corrected m_hat
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    zeros = [torch.zeros_like(x) for x in grads]
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(state.get("m", zeros), grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g
         for vi, g in zip(state.get("v", zeros), grads, strict=True)]
    m_hat = [mi / (1 - beta1**t) for mi in m]
    v_hat = [vi / (1 - beta2**t) for vi in v]
    new = [p - lr * mh / (vh.sqrt() + eps) for p, mh, vh in zip(params, m_hat, v_hat, strict=True)]
    return new, {"step": t, "m": m_hat, "v": v_hat}
