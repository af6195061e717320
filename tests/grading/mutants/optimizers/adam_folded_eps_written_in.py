"""Saito's Adam (deep-learning-from-scratch, common/optimizer.py): the bias correction folded
into the step size, lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and eps written in as 1e-7,
all in Python floats and the parameters' float64. At step 1 it sits within the tolerance of
float32 bias corrections, which the public test named ("computed in float32"); it leaves that
path at step 2.

Says (adam_step): At step 1 of 25: your adam_step folds the bias correction into the step size
"""

import math


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = state.get("m", [torch.zeros_like(p) for p in params])
    v = state.get("v", [torch.zeros_like(p) for p in params])
    lr_t = lr * math.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
    new_params, new_m, new_v = [], [], []
    for p, g, mk, vk in zip(params, grads, m, v, strict=True):
        mk = mk + (1 - beta1) * (g - mk)
        vk = vk + (1 - beta2) * (g**2 - vk)
        new_params.append(p - lr_t * mk / (torch.sqrt(vk) + 1e-7))
        new_m.append(mk)
        new_v.append(vk)
    return new_params, {"step": t, "m": new_m, "v": new_v}
