"""Adam with its betas as a float32 tensor, torch.tensor(betas): beta2 ** t is float32, and
1 - beta2 ** t, near 0 in the first steps, keeps a few digits (tinygrad's Adam, whose powers
are float32 products, was told only that its values did not match).

Says (adam_step): Your bias correction is computed in float32
"""

import torch


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = torch.tensor(betas)
    t = state.get("step", 0) + 1
    old_m = state.get("m", [torch.zeros_like(g) for g in grads])
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = []
    for p, mi, vi in zip(params, m, v, strict=True):
        new_params.append(p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps))
    return new_params, {"step": t, "m": m, "v": v}
