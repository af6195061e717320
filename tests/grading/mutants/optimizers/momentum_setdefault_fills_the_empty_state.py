"""momentum_step takes its velocities with state.setdefault("v", zeros): on the first step it
writes them into the empty dict it was given.

Says (momentum_step): was changed in place
"""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.setdefault("v", [torch.zeros_like(p) for p in params])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": v}
