"""AdaGrad divides by s + eps, forgetting the square root of the running sum.

Says (adagrad_step): square root of the sum
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    s = [si + g * g for si, g in zip(state.get("s", [torch.zeros_like(x) for x in grads]), grads)]
    return [p - lr * g / (si + eps) for p, g, si in zip(params, grads, s)], {"s": s}
