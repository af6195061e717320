"""Nesterov that builds the look-ahead direction in the gradient tensors (g.add_)."""


def nesterov_step(params, grads, state, lr, momentum):
    old_v = state.get("v", [torch.zeros_like(g) for g in grads])
    v = [momentum * vi + g for vi, g in zip(old_v, grads, strict=True)]
    for g, vi in zip(grads, v, strict=True):
        g.add_(momentum * vi)
    return [p - lr * g for p, g in zip(params, grads, strict=True)], {"v": v}
