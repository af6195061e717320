"""Momentum that moves with the old velocity and adds the gradient only after the step."""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    new = [p - lr * momentum * vi for p, vi in zip(params, old_v, strict=True)]
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return new, {"v": v}
