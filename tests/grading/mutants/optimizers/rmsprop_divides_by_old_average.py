"""RMSProp divides by the average of the previous step (zeros at step 1), then updates it.

Says (rmsprop_step): from *before* this step
"""


def rmsprop_step(params, grads, state, lr=0.01, alpha=0.99, eps=1e-8):
    old = state.get("s", [torch.zeros_like(x) for x in grads])
    new = [p - lr * g / (si.sqrt() + eps) for p, g, si in zip(params, grads, old, strict=True)]
    return new, {"s": [alpha * si + (1 - alpha) * g * g for si, g in zip(old, grads, strict=True)]}
