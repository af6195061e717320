"""AdaGrad divides by s + eps, forgetting the square root of the running sum.

Says (adagrad_step): square root of the sum
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old = state.get("s", [torch.zeros_like(x) for x in grads])
    s = [si + g * g for si, g in zip(old, grads, strict=True)]
    return [p - lr * g / (si + eps) for p, g, si in zip(params, grads, s, strict=True)], {"s": s}
