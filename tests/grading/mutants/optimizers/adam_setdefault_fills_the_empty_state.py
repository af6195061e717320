"""adam_step takes its moments with state.setdefault: on the first step it writes "m" and "v"
into the empty dict it was given (later steps find them there and change nothing).

Says (adam_step): setdefault
"""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    old_m = state.setdefault("m", [torch.zeros_like(p) for p in params])
    old_v = state.setdefault("v", [torch.zeros_like(p) for p in params])
    t = state.get("step", 0) + 1
    m = [beta1 * mi + (1 - beta1) * g for mi, g in zip(old_m, grads, strict=True)]
    v = [beta2 * vi + (1 - beta2) * g * g for vi, g in zip(old_v, grads, strict=True)]
    new_params = [
        p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
        for p, mi, vi in zip(params, m, v, strict=True)
    ]
    return new_params, {"step": t, "m": m, "v": v}
