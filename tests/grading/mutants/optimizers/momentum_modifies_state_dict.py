"""Momentum that stores the new velocities into the state dict it was given."""


def momentum_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    state["v"] = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, state["v"], strict=True)], state
