"""AdaGrad that forgets to square: it accumulates g instead of g * g."""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g for si, g in zip(old_s, grads, strict=True)]
    new = [p - lr * g / (si.sqrt() + eps)
           for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
