"""adagrad_step skips a parameter whose gradient is all zeros and hands back that parameter
tensor itself: the values are right, but new_params must be new tensors.

Says (adagrad_step): list of NEW tensors
"""


def adagrad_step(params, grads, state, lr=0.01, eps=1e-10):
    old_s = state.get("s", [torch.zeros_like(g) for g in grads])
    s = [si + g * g for si, g in zip(old_s, grads, strict=True)]
    new_params = [
        p if not g.any() else p - lr * g / (si.sqrt() + eps)
        for p, g, si in zip(params, grads, s, strict=True)
    ]
    return new_params, {"s": s}
