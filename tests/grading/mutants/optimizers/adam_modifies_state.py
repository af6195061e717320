"""Adam that updates the moment tensors of the given state in place (mul_/add_)."""


def adam_step(params, grads, state, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    m = state.get("m", [torch.zeros_like(g) for g in grads])
    v = state.get("v", [torch.zeros_like(g) for g in grads])
    for mi, vi, g in zip(m, v, grads, strict=True):
        mi.mul_(beta1).add_((1 - beta1) * g)
        vi.mul_(beta2).add_((1 - beta2) * g * g)
    new = [p - lr * (mi / (1 - beta1**t)) / ((vi / (1 - beta2**t)).sqrt() + eps)
           for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": t, "m": m, "v": v}
