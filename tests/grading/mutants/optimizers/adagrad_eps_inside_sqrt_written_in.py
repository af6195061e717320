"""AdaGrad as d2l writes it, `p - lr * g / torch.sqrt(s + 1e-6)`: eps is written in (the
argument ignored) and inside the square root. The message said float32 digits were lost and
blamed the returned state.

Says (adagrad_step): divides by sqrt(s + 1e-06)
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    new = [p - lr * g / torch.sqrt(si + 1e-6) for p, g, si in zip(params, grads, s, strict=True)]
    return new, {"s": s}
