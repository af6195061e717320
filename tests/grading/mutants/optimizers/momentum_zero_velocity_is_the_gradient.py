"""momentum_step takes a shortcut for momentum 0 (plain SGD) and returns the gradient tensors
themselves as the velocity: the state holds the caller's gradients, which a training loop
zeroes or accumulates in place.

Says (momentum_step): holds a tensor of grads
"""


def momentum_step(params, grads, state, lr, momentum):
    if momentum == 0:
        return [p - lr * g for p, g in zip(params, grads, strict=True)], {"v": list(grads)}
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}
