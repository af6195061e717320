"""momentum_step steps with the new velocity but returns the old one in the state.

Says (momentum_step): the state you return holds the old velocity
"""


def momentum_step(params, grads, state, lr, momentum):
    old = state.get("v", [torch.zeros_like(p) for p in params])
    v = [momentum * vi + g for vi, g in zip(old, grads, strict=True)]
    return [p - lr * vi for p, vi in zip(params, v, strict=True)], {"v": old}
