"""AdaGrad with the chapter's sqrt(s + eps) instead of torch's sqrt(s) + eps."""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    new = [p - lr * g / (si + eps).sqrt()
           for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
