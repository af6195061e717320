"""adam_step bias-corrects only in a warm-up of 50 steps and then drops the correction
("it tends to 1 anyway"): but 1 - 0.999 ** 50 is 0.05, so v_hat is 20 times too small when it
stops. Right on every run of 50 steps or fewer.

Says (adam_step): however late
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    c1, c2 = (1 - beta1**t, 1 - beta2**t) if t <= 50 else (1.0, 1.0)
    new_params = [p - lr * (mi / c1) / ((vi / c2).sqrt() + eps)
                  for p, mi, vi in zip(params, m, v, strict=True)]
    return new_params, {"step": t, "m": m, "v": v}
