"""adam_step counts its steps in a tensor (torch.tensor(0) + 1) but converts it with float()
for the bias correction: every step is right, yet state["step"] is a tensor, not the int the
docstring's layout names.

Says (adam_step): should be a Python int
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", torch.tensor(0)) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    c1, c2 = 1 - beta1 ** float(t), 1 - beta2 ** float(t)
    new_params = [p - lr * (mi / c1) / ((vi / c2).sqrt() + eps)
                  for p, mi, vi in zip(params, m, v, strict=True)]  # fmt: skip
    return new_params, {"step": t, "m": m, "v": v}
